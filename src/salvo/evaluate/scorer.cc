#include "salvo/evaluate/scorer.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <utility>

#include "salvo/base/date.h"
#include "salvo/evaluate/assignment.h"
#include "salvo/evaluate/calibration.h"
#include "salvo/evaluate/normalize.h"
#include "salvo/evaluate/slices.h"
#include "salvo/gazetteer/gazetteer.h"  // haversine_km: one great-circle formula in Salvo

namespace salvo {
namespace {

using Json = nlohmann::ordered_json;

constexpr double kCompatibleKm = 50.0;  // §2
constexpr double kSamePlaceKm = 25.0;   // §4

const Json& member(const Json& object, const char* key) {
  static const Json kNull;
  if (!object.is_object()) return kNull;
  auto it = object.find(key);
  return it == object.end() ? kNull : *it;
}

std::optional<Date> strict_iso_date(const Json& value) {
  if (!value.is_string()) return std::nullopt;
  const std::string& text = value.get_ref<const std::string&>();
  if (text.size() != 10) return std::nullopt;
  return parse_iso_date_prefix(text);
}

// The days an event stands for: [date, date_max], or [date, date] without a range. None when the
// date is null or malformed (malformed values are reported by check_event()).
struct DayRange {
  long first = 0;
  long last = 0;
};
std::optional<DayRange> day_range(const Json& event) {
  const std::optional<Date> date = strict_iso_date(member(event, "date"));
  if (!date) return std::nullopt;
  DayRange range{date->days_since_epoch(), date->days_since_epoch()};
  if (const std::optional<Date> date_max = strict_iso_date(member(event, "date_max"))) {
    range.last = std::max(range.first, date_max->days_since_epoch());
  }
  return range;
}

struct LatLon {
  double lat = 0;
  double lon = 0;
};
// An event's point, when it is the place's: a region's or a country's map point (its centroid)
// says where to draw it, not where it happened, and counts as no point (spec/scoring.md: a side
// without coordinates is compatible).
std::optional<LatLon> coordinates(const Json& event) {
  const Json& precision = member(event, "place_precision");
  if (precision == "region" || precision == "country") return std::nullopt;
  const Json& lat = member(event, "lat");
  const Json& lon = member(event, "lon");
  if (!lat.is_number() || !lon.is_number()) return std::nullopt;
  return LatLon{lat.get<double>(), lon.get<double>()};
}

bool within_km(const LatLon& a, const LatLon& b, double km) { return haversine_km(a.lat, a.lon, b.lat, b.lon) <= km; }

std::string string_or_empty(const Json& value) { return value.is_string() ? value.get<std::string>() : std::string(); }

bool same_normalized_name(const Json& a, const Json& b) {
  if (!a.is_string() || !b.is_string()) return false;
  const std::string x = normalize_name_for_scoring(a.get_ref<const std::string&>());
  return !x.empty() && x == normalize_name_for_scoring(b.get_ref<const std::string&>());
}

bool contained_names(const Json& a, const Json& b) {
  return a.is_string() && b.is_string() &&
         names_contain_one_another(a.get_ref<const std::string&>(), b.get_ref<const std::string&>());
}

// §4 weapons: the same set, "unknown" standing for any weapons. A side holding "unknown" matches
// when its known weapons are all among the other side's (the unknown covers the rest).
bool weapons_match(const Json& predicted, const Json& gold) {
  if (!predicted.is_array() || !gold.is_array()) return false;
  auto split = [](const Json& list, std::set<std::string>& known) {
    bool unknown = false;
    for (const Json& w : list) {
      const std::string name = string_or_empty(w);
      if (name == "unknown") unknown = true;
      else known.insert(name);
    }
    return unknown;
  };
  std::set<std::string> p, g;
  const bool p_unknown = split(predicted, p);
  const bool g_unknown = split(gold, g);
  if (p_unknown && g_unknown) return true;
  if (p_unknown) return std::includes(g.begin(), g.end(), p.begin(), p.end());
  if (g_unknown) return std::includes(p.begin(), p.end(), g.begin(), g.end());
  return p == g;
}

// The evidence as one text: gold holds one quote, the engine a list of {start, end, text}.
std::string evidence_text(const Json& evidence) {
  if (evidence.is_string()) return evidence.get<std::string>();
  std::string out;
  if (evidence.is_array()) {
    for (const Json& piece : evidence) {
      const std::string text = piece.is_string() ? piece.get<std::string>() : string_or_empty(member(piece, "text"));
      if (text.empty()) continue;
      if (!out.empty()) out += " … ";
      out += text;
    }
  }
  return out;
}

// Share of the gold quote's words found in the predicted evidence, in [0, 1].
double evidence_overlap(const Json& predicted_evidence, const Json& gold_evidence) {
  const std::vector<std::string> gold_words = scoring_words(evidence_text(gold_evidence));
  if (gold_words.empty()) return 0;
  const std::vector<std::string> predicted_words = scoring_words(evidence_text(predicted_evidence));
  const std::set<std::string> predicted_set(predicted_words.begin(), predicted_words.end());
  size_t found = 0;
  for (const std::string& w : gold_words) found += predicted_set.count(w);
  return static_cast<double>(found) / static_cast<double>(gold_words.size());
}

// Values scoring would otherwise silently read as null: reported, then treated as null.
void check_event(const Json& event, std::string_view side, size_t index, std::vector<std::string>& problems) {
  auto where = [&] { return fmt::format("{} event {}", side, index + 1); };
  if (!event.is_object()) {
    problems.push_back(fmt::format("{}: not an object; ignored", where()));
    return;
  }
  for (const char* key : {"date", "date_max"}) {
    const Json& value = member(event, key);
    if (!value.is_null() && !strict_iso_date(value)) {
      problems.push_back(fmt::format("{}: {} {} is not YYYY-MM-DD; read as null", where(), key, value.dump()));
    }
  }
  const Json& lat = member(event, "lat");
  const Json& lon = member(event, "lon");
  if ((!lat.is_null() && !lat.is_number()) || (!lon.is_null() && !lon.is_number()) || lat.is_null() != lon.is_null()) {
    problems.push_back(fmt::format("{}: lat {} / lon {} are not a coordinate pair; read as none", where(), lat.dump(),
                                   lon.dump()));
  }
  const Json& count = member(event, "count");
  if (!count.is_null() && !count.is_number_integer()) {
    problems.push_back(fmt::format("{}: count {} is not an integer; read as 1", where(), count.dump()));
  } else if (count.is_number_integer() && (count.get<int64_t>() < 0 || count.get<int64_t>() > kMaxCount)) {
    problems.push_back(fmt::format("{}: count {} is out of range; read as {}", where(), count.dump(),
                                   count.get<int64_t>() < 0 ? 1 : kMaxCount));
  }
}

const Json& array_member(const Json& record, const char* key, std::string_view side, std::vector<std::string>& problems) {
  static const Json kEmpty = Json::array();
  const Json& value = member(record, key);
  if (value.is_array()) return value;
  problems.push_back(fmt::format("{} record has no \"{}\" array; read as empty", side, key));
  return kEmpty;
}

}  // namespace

std::optional<double> PairCounts::precision() const {
  if (predicted == 0) return std::nullopt;
  return static_cast<double>(paired) / static_cast<double>(predicted);
}
std::optional<double> PairCounts::recall() const {
  if (gold == 0) return std::nullopt;
  return static_cast<double>(paired) / static_cast<double>(gold);
}
std::optional<double> PairCounts::f1() const {
  // The harmonic mean of P and R, written so it is defined when only one of them is.
  if (gold + predicted == 0) return std::nullopt;
  return 2.0 * static_cast<double>(paired) / static_cast<double>(gold + predicted);
}
PairCounts& PairCounts::operator+=(const PairCounts& other) {
  gold += other.gold;
  predicted += other.predicted;
  paired += other.paired;
  return *this;
}

std::optional<double> FieldAccuracy::accuracy() const {
  if (n == 0) return std::nullopt;
  return static_cast<double>(correct) / static_cast<double>(n);
}

std::optional<double> ConfidenceBin::precision() const {
  if (predicted == 0) return std::nullopt;
  return static_cast<double>(paired) / static_cast<double>(predicted);
}
std::optional<double> ConfidenceBin::mean_confidence() const {
  if (predicted == 0) return std::nullopt;
  return confidence_sum / static_cast<double>(predicted);
}

const char* field_name(ScoredField field) {
  switch (field) {
    case ScoredField::kDate: return "date";
    case ScoredField::kLocation: return "location";
    case ScoredField::kAdmin1: return "admin1";
    case ScoredField::kActor: return "actor";
    case ScoredField::kActorStatus: return "actor_status";
    case ScoredField::kKilled: return "killed";
    case ScoredField::kInjured: return "injured";
    case ScoredField::kWeapons: return "weapons";
    case ScoredField::kTarget: return "target";
    case ScoredField::kRole: return "role";
  }
  return "?";
}

bool is_extra_field(ScoredField field) { return field == ScoredField::kTarget || field == ScoredField::kRole; }

std::vector<ExpandedEvent> expand_events(const Json& events) {
  std::vector<ExpandedEvent> out;
  if (!events.is_array()) return out;
  for (size_t i = 0; i < events.size(); ++i) {
    const Json& event = events[i];
    if (!event.is_object()) continue;
    const Json& count = member(event, "count");
    int64_t copies = count.is_number_integer() ? count.get<int64_t>() : 1;
    if (copies < 0) copies = 1;
    copies = std::min(copies, kMaxCount);
    // count 0 stands for no incident: the record expands to nothing, as §1 reads.
    for (int64_t c = 0; c < copies; ++c) {
      out.push_back({i, static_cast<size_t>(c), static_cast<size_t>(copies), event});
    }
  }
  return out;
}

bool events_compatible(const Json& predicted, const Json& gold) {
  if (member(predicted, "type") != member(gold, "type")) return false;
  if (member(predicted, "country") != member(gold, "country")) return false;
  const std::optional<DayRange> p = day_range(predicted);
  const std::optional<DayRange> g = day_range(gold);
  // The gold day or range widened by one day each side, overlapping the predicted day or range.
  if (p && g && (p->last < g->first - 1 || p->first > g->last + 1)) return false;
  const std::optional<LatLon> pc = coordinates(predicted);
  const std::optional<LatLon> gc = coordinates(gold);
  if (pc && gc && !within_km(*pc, *gc, kCompatibleKm)) return false;
  return true;
}

// The predicted place names the gold one: by its canonical name, or by the words the article used
// (`location_text`), which Salvo keeps beside the gazetteer's name. Either is the same place.
bool names_gold_location(const Json& predicted, const Json& gold) {
  const Json& wanted = member(gold, "location");
  return same_normalized_name(member(predicted, "location"), wanted) ||
         same_normalized_name(member(predicted, "location_text"), wanted);
}

int tie_break_score(const Json& predicted, const Json& gold) {
  int score = 0;
  if (weapons_match(member(predicted, "weapons"), member(gold, "weapons"))) score += 100;
  if (names_gold_location(predicted, gold)) score += 100;
  score += static_cast<int>(std::lround(100 * evidence_overlap(member(predicted, "evidence"), member(gold, "evidence"))));
  return score;
}

std::optional<bool> field_correct(ScoredField field, const Json& predicted, const Json& gold) {
  switch (field) {
    case ScoredField::kDate: {
      const std::optional<DayRange> g = day_range(gold);
      if (!g) return std::nullopt;
      const std::optional<DayRange> p = day_range(predicted);
      // A predicted range must lie wholly inside the gold day or range.
      return p && p->first >= g->first && p->last <= g->last;
    }
    case ScoredField::kLocation: {
      if (member(gold, "location").is_null()) return std::nullopt;
      if (names_gold_location(predicted, gold)) return true;
      const std::optional<LatLon> pc = coordinates(predicted);
      const std::optional<LatLon> gc = coordinates(gold);
      return pc && gc && within_km(*pc, *gc, kSamePlaceKm);
    }
    case ScoredField::kAdmin1:
      // "Equal": as names, so "Al Anbar" = "Anbar" and "Deir ez-Zor" = "Deir ez Zor".
      if (member(gold, "admin1").is_null()) return std::nullopt;
      return same_normalized_name(member(predicted, "admin1"), member(gold, "admin1"));
    case ScoredField::kActor:
    case ScoredField::kTarget: {
      const char* key = field == ScoredField::kActor ? "actor" : "target";
      if (member(gold, key).is_null()) return std::nullopt;
      return contained_names(member(predicted, key), member(gold, key));
    }
    case ScoredField::kActorStatus:
    case ScoredField::kKilled:
    case ScoredField::kInjured:
    case ScoredField::kRole: {
      const char* key = field_name(field);
      if (member(gold, key).is_null()) return std::nullopt;
      return member(predicted, key) == member(gold, key);
    }
    case ScoredField::kWeapons:
      if (member(gold, "weapons").is_null()) return std::nullopt;
      return weapons_match(member(predicted, "weapons"), member(gold, "weapons"));
  }
  return std::nullopt;
}

void drop_low_confidence_events(Json& record, double min_confidence) {
  auto events = record.find("events");
  if (events == record.end() || !events->is_array()) return;
  Json kept = Json::array();
  for (Json& event : *events) {
    const auto confidence = event.find("confidence");
    if (confidence != event.end() && confidence->is_number() && confidence->get<double>() < min_confidence) continue;
    kept.push_back(std::move(event));
  }
  *events = std::move(kept);
}

bool tallies_pair(const Json& predicted, const Json& gold) {
  return predicted.is_object() && gold.is_object() && member(predicted, "what") == member(gold, "what") &&
         member(predicted, "country") == member(gold, "country") && member(predicted, "count").is_number() &&
         member(predicted, "count") == member(gold, "count");
}

ArticleScore score_article(const ArticlePair& pair) {
  ArticleScore out;
  out.article = pair.article;
  const Json& gold_events = array_member(pair.gold, "events", "gold", out.problems);
  const Json& predicted_events = array_member(pair.predicted, "events", "predicted", out.problems);
  for (size_t i = 0; i < gold_events.size(); ++i) check_event(gold_events[i], "gold", i, out.problems);
  for (size_t i = 0; i < predicted_events.size(); ++i) check_event(predicted_events[i], "predicted", i, out.problems);
  out.gold_events = expand_events(gold_events);
  out.predicted_events = expand_events(predicted_events);
  // "events": [] or only count-0 records: gold saying no attack here. A missing or malformed
  // "events" is a problem (reported above), not a distractor.
  out.distractor = member(pair.gold, "events").is_array() && out.gold_events.empty();

  // §2: maximise the number of pairs first, then the tie-break: every pair weighs more than all
  // the tie-breaks of a full matching together.
  const size_t np = out.predicted_events.size();
  const size_t ng = out.gold_events.size();
  const int64_t pair_weight = 301 * static_cast<int64_t>(std::min(np, ng) + 1);
  std::vector<std::vector<int64_t>> weight(np, std::vector<int64_t>(ng, 0));
  for (size_t p = 0; p < np; ++p) {
    for (size_t g = 0; g < ng; ++g) {
      const Json& pe = out.predicted_events[p].event;
      const Json& ge = out.gold_events[g].event;
      if (events_compatible(pe, ge)) weight[p][g] = pair_weight + tie_break_score(pe, ge);
    }
  }
  std::vector<bool> gold_paired(ng, false), predicted_paired(np, false);
  for (const auto& [p, g] : max_weight_matching(weight)) {
    EventPairing pairing{p, g, {}};
    for (ScoredField field : kAllScoredFields) {
      if (auto correct = field_correct(field, out.predicted_events[p].event, out.gold_events[g].event)) {
        pairing.verdicts.push_back({field, *correct});
      }
    }
    out.pairs.push_back(std::move(pairing));
    gold_paired[g] = predicted_paired[p] = true;
  }
  for (size_t g = 0; g < ng; ++g) {
    if (!gold_paired[g]) out.missed.push_back(g);
  }
  for (size_t p = 0; p < np; ++p) {
    if (!predicted_paired[p]) out.false_alarms.push_back(p);
    const Json& confidence = member(out.predicted_events[p].event, "confidence");
    out.outcomes.push_back({confidence.is_number() ? std::optional<double>(confidence.get<double>()) : std::nullopt,
                            predicted_paired[p]});
  }
  out.events = {ng, np, out.pairs.size()};

  // §5: pairing by equality of (what, country, count) is an equivalence, so taking the first
  // free equal gold tally in order is already a maximum matching.
  const Json& gold_tallies = array_member(pair.gold, "tallies", "gold", out.problems);
  const Json& predicted_tallies = array_member(pair.predicted, "tallies", "predicted", out.problems);
  std::vector<bool> tally_taken(gold_tallies.size(), false);
  size_t tally_pairs = 0;
  for (size_t p = 0; p < predicted_tallies.size(); ++p) {
    bool paired = false;
    for (size_t g = 0; g < gold_tallies.size() && !paired; ++g) {
      if (!tally_taken[g] && tallies_pair(predicted_tallies[p], gold_tallies[g])) tally_taken[g] = paired = true;
    }
    if (paired) ++tally_pairs;
    else out.false_alarm_tallies.push_back(predicted_tallies[p]);
  }
  for (size_t g = 0; g < gold_tallies.size(); ++g) {
    if (!tally_taken[g]) out.missed_tallies.push_back(gold_tallies[g]);
  }
  out.tallies = {gold_tallies.size(), predicted_tallies.size(), tally_pairs};
  return out;
}

EvalReport score(const std::vector<ArticlePair>& articles) {
  EvalReport report;
  for (ScoredField field : kAllScoredFields) report.fields.push_back({field, 0, 0});
  for (const ArticlePair& pair : articles) {
    ArticleScore article = score_article(pair);
    report.events += article.events;
    report.tallies += article.tallies;
    for (const EventPairing& pairing : article.pairs) {
      for (const FieldVerdict& verdict : pairing.verdicts) {
        FieldAccuracy& field = report.fields[static_cast<size_t>(verdict.field)];
        ++field.n;
        if (verdict.correct) ++field.correct;
      }
    }
    report.articles.push_back(std::move(article));
  }
  report.calibration = calibrate(articles, report.articles);
  report.slices = score_slices(report.articles);
  report.distractors = score_distractors(report.articles);
  return report;
}

BCubed b_cubed(const std::vector<ClusteredMention>& mentions) {
  BCubed out;
  out.mentions = mentions.size();
  if (mentions.empty()) return out;
  std::map<std::string, size_t> cluster_size, key_size;
  std::map<std::pair<std::string, std::string>, size_t> both;
  for (const ClusteredMention& m : mentions) {
    ++cluster_size[m.merged_id];
    ++key_size[m.gold_key];
    ++both[{m.merged_id, m.gold_key}];
  }
  // Per mention: of the mentions in its merged event, the share with its key (precision); of the
  // mentions with its key, the share in its merged event (recall). Averaged over mentions.
  double precision = 0, recall = 0;
  for (const ClusteredMention& m : mentions) {
    const double shared = static_cast<double>(both[{m.merged_id, m.gold_key}]);
    precision += shared / static_cast<double>(cluster_size[m.merged_id]);
    recall += shared / static_cast<double>(key_size[m.gold_key]);
  }
  const double n = static_cast<double>(mentions.size());
  out.precision = precision / n;
  out.recall = recall / n;
  const double sum = *out.precision + *out.recall;
  out.f1 = sum > 0 ? 2 * *out.precision * *out.recall / sum : 0.0;
  return out;
}

const std::vector<std::string>& scoring_notes() {
  static const std::vector<std::string> kNotes = {
      "count: a missing or non-integer count reads as 1; count 0 expands to no event; counts are capped at 1000.",
      "pairing: the exact maximum matching (Hungarian); among maximum matchings, the one with the most tie-break "
      "points: weapons rule 100, normalised location names equal 100, share of the gold quote's words in the "
      "predicted evidence 0-100.",
      "country: null equals null; type and country compare as exact strings.",
      "date field: a predicted range counts only when it lies wholly inside the gold day or range.",
      "names (location, admin1, actor): case, accents, hyphens, the word \"al\" (hyphenated or not), airbase = air "
      "base; nothing else (\"U.S.\" is not \"US\", \"At-Tanf\" is not \"Tanf\").",
      "admin1: equal after name normalisation; actor: one name's words appear, in order, inside the other's.",
      "weapons: \"unknown\" stands for any weapons: a side with it matches when its known weapons are all in the "
      "other side's set.",
      "P is undefined with no predictions and R with no gold (shown as n/a); F1 = 2·paired / (gold + predicted).",
      "target and role are extra fields, not in scoring.md: reported apart and never in the headline.",
      "slices and distractors, not in scoring.md: an article's slice is its id's prefix before the first \"_\" when "
      "that is letters then digits (h3); a distractor is an article whose gold \"events\" expands to no event.",
  };
  return kNotes;
}

}  // namespace salvo
