#include "salvo/evaluate/report.h"

#include <fmt/format.h>

#include <algorithm>

namespace salvo {
namespace {

using Json = nlohmann::ordered_json;

constexpr size_t kEvidenceChars = 200;  // on a terminal, unless --verbose

const Json& member(const Json& object, const char* key) {
  static const Json kNull;
  if (!object.is_object()) return kNull;
  auto it = object.find(key);
  return it == object.end() ? kNull : *it;
}

std::string ratio(const std::optional<double>& value) { return value ? fmt::format("{:.3f}", *value) : "n/a"; }

Json ratio_json(const std::optional<double>& value) { return value ? Json(*value) : Json(nullptr); }

std::string text_of(const Json& value) {
  if (value.is_null()) return "-";
  if (value.is_string()) return value.get<std::string>();
  return value.dump();
}

// "2023-11-23" or "2023-11-23..2023-11-25" or "-".
std::string dates_of(const Json& event) {
  const Json& date = member(event, "date");
  const Json& date_max = member(event, "date_max");
  if (date_max.is_null() || date_max == date) return text_of(date);
  return text_of(date) + ".." + text_of(date_max);
}

std::string weapons_of(const Json& event) {
  const Json& weapons = member(event, "weapons");
  if (!weapons.is_array()) return text_of(weapons);
  std::string out;
  for (const Json& w : weapons) out += (out.empty() ? "" : ",") + text_of(w);
  return out.empty() ? "-" : out;
}

std::string evidence_of(const Json& event) {
  const Json& evidence = member(event, "evidence");
  if (evidence.is_string()) return evidence.get<std::string>();
  std::string out;
  if (evidence.is_array()) {
    for (const Json& piece : evidence) {
      const std::string text = text_of(member(piece, "text"));
      out += (out.empty() ? "" : " … ") + text;
    }
  }
  return out;
}

// Evidence on one terminal line: gold quotes may span paragraphs.
std::string one_line(const std::string& text) {
  std::string out;
  for (char c : text) {
    const bool space = c == '\n' || c == '\r' || c == '\t' || c == ' ';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out.push_back(space ? ' ' : c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Cuts at a UTF-8 character boundary.
std::string shorten(const std::string& text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "…";
}

std::string copy_note(const ExpandedEvent& e) {
  return e.copies > 1 ? fmt::format(" (copy {} of count {})", e.copy + 1, e.copies) : "";
}

std::string tally_line(const Json& tally) {
  return fmt::format("{} {} {} ({}), since {}, as of {}", text_of(member(tally, "what")),
                     member(tally, "country").is_null() ? "total" : text_of(member(tally, "country")),
                     text_of(member(tally, "count")), text_of(member(tally, "qualifier")), text_of(member(tally, "since")),
                     text_of(member(tally, "as_of")));
}

Json counts_json(const PairCounts& counts) {
  Json out;
  out["gold"] = counts.gold;
  out["predicted"] = counts.predicted;
  out["paired"] = counts.paired;
  out["precision"] = ratio_json(counts.precision());
  out["recall"] = ratio_json(counts.recall());
  out["f1"] = ratio_json(counts.f1());
  return out;
}

Json event_summary(const ExpandedEvent& e, bool gold) {
  Json out;
  if (gold) out["key"] = member(e.event, "key");
  out["record"] = e.record;
  if (e.copies > 1) out["copy"] = e.copy + 1;
  for (const char* key : {"type", "date", "date_max", "country", "location", "weapons"}) out[key] = member(e.event, key);
  if (!gold) out["confidence"] = member(e.event, "confidence");
  out["evidence"] = evidence_of(e.event);
  return out;
}

// "[0.8, 1.0]": the last bin is closed.
std::string bin_label(const ConfidenceBin& bin, bool last) {
  return fmt::format("[{:.1f}, {:.1f}{}", bin.low, bin.high, last ? "]" : ")");
}

Json bin_json(const ConfidenceBin& bin) {
  Json out;
  out["low"] = bin.low;
  out["high"] = bin.high;
  out["predicted"] = bin.predicted;
  out["paired"] = bin.paired;
  out["precision"] = ratio_json(bin.precision());
  out["mean_confidence"] = ratio_json(bin.mean_confidence());
  return out;
}

Json calibration_json(const Calibration& c) {
  Json out;
  Json bins = Json::array();
  for (const ConfidenceBin& bin : c.bins) bins.push_back(bin_json(bin));
  out["bins"] = std::move(bins);
  out["trusted"] = bin_json(c.trusted);
  out["unbinned"] = c.unbinned;
  out["expected_calibration_error"] = ratio_json(c.expected_calibration_error);
  Json sweep = Json::array();
  for (const ThresholdScore& row : c.sweep) {
    Json entry;
    entry["min_confidence"] = row.min_confidence;
    const Json counts = counts_json(row.events);  // named: a temporary would die before the loop
    for (const auto& [key, value] : counts.items()) entry[key] = value;
    sweep.push_back(std::move(entry));
  }
  out["sweep"] = std::move(sweep);
  return out;
}

void calibration_text(const Calibration& c, std::string& out) {
  auto line = [&out](const std::string& text) { out += text + "\n"; };
  line("Confidence calibration, predicted events by confidence (paired with gold = right):");
  line(fmt::format("  {:<12} {:>5} {:>7} {:>6} {:>10}", "confidence", "pred", "paired", "P", "mean conf"));
  for (size_t i = 0; i < c.bins.size(); ++i) {
    const ConfidenceBin& bin = c.bins[i];
    line(fmt::format("  {:<12} {:>5} {:>7} {:>6} {:>10}", bin_label(bin, i + 1 == c.bins.size()), bin.predicted,
                     bin.paired, ratio(bin.precision()), ratio(bin.mean_confidence())));
  }
  line(fmt::format("  events ≥ {:.1f}: precision {} ({} of {} right)", c.trusted.low, ratio(c.trusted.precision()),
                   c.trusted.paired, c.trusted.predicted));
  line(fmt::format("  expected calibration error: {}", ratio(c.expected_calibration_error)));
  if (c.unbinned > 0) line(fmt::format("  without a confidence in [0, 1]: {} event(s), in no bin", c.unbinned));
  line("");
  line("Events scored at each --min-confidence (those below dropped, then paired anew):");
  line(fmt::format("  {:<9} {:>5} {:>5} {:>7}   {:>6} {:>6} {:>6}", "min conf", "gold", "pred", "paired", "P", "R", "F1"));
  for (const ThresholdScore& row : c.sweep) {
    const PairCounts& e = row.events;
    line(fmt::format("  {:<9.1f} {:>5} {:>5} {:>7}   {:>6} {:>6} {:>6}", row.min_confidence, e.gold, e.predicted,
                     e.paired, ratio(e.precision()), ratio(e.recall()), ratio(e.f1())));
  }
}

std::string slice_label(const SliceScore& slice) { return slice.slice.empty() ? "(none)" : slice.slice; }

// Only with more than one slice: a single one would repeat the headline.
void slices_text(const std::vector<SliceScore>& slices, std::string& out) {
  if (slices.size() < 2) return;
  auto line = [&out](const std::string& text) { out += text + "\n"; };
  const bool unprefixed = slices.back().slice.empty();  // score_slices() puts them last
  line(fmt::format("Events by slice (the article id's prefix, h3 for h3_…{}):",
                   unprefixed ? "; (none): ids without one" : ""));
  line(fmt::format("  {:<9} {:>5} {:>6} {:>5} {:>5} {:>7}   {:>6} {:>6} {:>6}   {:>8}", "slice", "arts", "distr",
                   "gold", "pred", "paired", "P", "R", "F1", "tally F1"));
  for (const SliceScore& s : slices) {
    const PairCounts& e = s.events;
    line(fmt::format("  {:<9} {:>5} {:>6} {:>5} {:>5} {:>7}   {:>6} {:>6} {:>6}   {:>8}", shorten(slice_label(s), 9),
                     s.articles, s.distractors, e.gold, e.predicted, e.paired, ratio(e.precision()),
                     ratio(e.recall()), ratio(e.f1()), ratio(s.tallies.f1())));
  }
  line("");
}

void distractors_text(const DistractorScore& d, std::string& out) {
  auto line = [&out](const std::string& text) { out += text + "\n"; };
  if (d.articles == 0) {
    line("Distractors (gold holds no event): none");
    line("");
    return;
  }
  const size_t with_false = static_cast<size_t>(
      std::count_if(d.by_article.begin(), d.by_article.end(), [](const DistractorArticle& a) { return a.false_events > 0; }));
  line(fmt::format("Distractors (gold holds no event): {} article(s), {} false event(s) on {} of them", d.articles,
                   d.false_events, with_false));
  // Ids uncut: they are what one looks up next.
  size_t width = 0;
  for (const DistractorArticle& a : d.by_article) width = std::max(width, a.article.size());
  for (const DistractorArticle& a : d.by_article) {
    if (a.false_events > 0) line(fmt::format("  {:<{}} {:>4} false", a.article, width, a.false_events));
  }
  line("");
}

Json slices_json(const std::vector<SliceScore>& slices) {
  Json out = Json::array();
  for (const SliceScore& s : slices) {
    Json entry;
    entry["slice"] = s.slice.empty() ? Json(nullptr) : Json(s.slice);  // null: ids without a prefix
    entry["articles"] = s.articles;
    entry["distractors"] = s.distractors;
    entry["events"] = counts_json(s.events);
    entry["tallies"] = counts_json(s.tallies);
    out.push_back(std::move(entry));
  }
  return out;
}

Json distractors_json(const DistractorScore& d) {
  Json out;
  out["articles"] = d.articles;
  out["false_events"] = d.false_events;
  Json by_article = Json::array();
  for (const DistractorArticle& a : d.by_article) {
    Json entry;
    entry["article"] = a.article;
    entry["false_events"] = a.false_events;
    by_article.push_back(std::move(entry));
  }
  out["by_article"] = std::move(by_article);
  return out;
}

const char* field_key(ScoredField field) {
  // The event member a field compares (all fields but date are named after theirs).
  return field == ScoredField::kDate ? "date" : field_name(field);
}

}  // namespace

Json report_json(const EvalReport& report, const ReportOptions& options) {
  Json out;
  out["events"] = counts_json(report.events);
  Json fields = Json::object(), extra = Json::object();
  for (const FieldAccuracy& f : report.fields) {
    Json entry;
    entry["correct"] = f.correct;
    entry["n"] = f.n;
    entry["accuracy"] = ratio_json(f.accuracy());
    (is_extra_field(f.field) ? extra : fields)[field_name(f.field)] = std::move(entry);
  }
  out["fields"] = std::move(fields);
  out["extra_fields"] = std::move(extra);
  out["tallies"] = counts_json(report.tallies);
  out["calibration"] = calibration_json(report.calibration);
  out["slices"] = slices_json(report.slices);
  out["distractors"] = distractors_json(report.distractors);
  Json articles = Json::array();
  for (const ArticleScore& a : report.articles) {
    Json article;
    article["article"] = a.article;
    article["events"] = counts_json(a.events);
    article["tallies"] = counts_json(a.tallies);
    article["distractor"] = a.distractor;
    Json pairs = Json::array();
    for (const EventPairing& p : a.pairs) {
      const ExpandedEvent& g = a.gold_events[p.gold];
      const ExpandedEvent& pr = a.predicted_events[p.predicted];
      Json pair;
      pair["gold_key"] = member(g.event, "key");
      pair["gold_record"] = g.record;
      pair["predicted_record"] = pr.record;
      pair["predicted_confidence"] = member(pr.event, "confidence");
      Json verdicts = Json::object();
      for (const FieldVerdict& v : p.verdicts) {
        Json verdict;
        verdict["correct"] = v.correct;
        if (v.field == ScoredField::kDate) {
          verdict["predicted"] = dates_of(pr.event);
          verdict["gold"] = dates_of(g.event);
        } else {
          verdict["predicted"] = member(pr.event, field_key(v.field));
          verdict["gold"] = member(g.event, field_key(v.field));
        }
        verdicts[field_name(v.field)] = std::move(verdict);
      }
      pair["fields"] = std::move(verdicts);
      pairs.push_back(std::move(pair));
    }
    article["pairs"] = std::move(pairs);
    Json missed = Json::array(), false_alarms = Json::array();
    for (size_t i : a.missed) missed.push_back(event_summary(a.gold_events[i], true));
    for (size_t i : a.false_alarms) false_alarms.push_back(event_summary(a.predicted_events[i], false));
    article["missed"] = std::move(missed);
    article["false_alarms"] = std::move(false_alarms);
    article["missed_tallies"] = a.missed_tallies;
    article["false_alarm_tallies"] = a.false_alarm_tallies;
    article["problems"] = a.problems;
    articles.push_back(std::move(article));
  }
  out["articles"] = std::move(articles);
  out["skipped"] = options.skipped;
  out["notes"] = scoring_notes();
  return out;
}

std::string report_text(const EvalReport& report, const ReportOptions& options) {
  std::string out;
  auto line = [&out](const std::string& text) { out += text + "\n"; };
  auto counts_row = [](const char* label, const PairCounts& c) {
    return fmt::format("  {:<9} {:>5} {:>5} {:>7}   {:>6} {:>6} {:>6}", label, c.gold, c.predicted, c.paired,
                       ratio(c.precision()), ratio(c.recall()), ratio(c.f1()));
  };

  line(fmt::format("Scored {} article(s){}", report.articles.size(),
                   options.skipped.empty() ? "" : fmt::format(", {} skipped", options.skipped.size())));
  line("");
  line(fmt::format("  {:<9} {:>5} {:>5} {:>7}   {:>6} {:>6} {:>6}", "", "gold", "pred", "paired", "P", "R", "F1"));
  line(counts_row("events", report.events));
  line(counts_row("tallies", report.tallies));
  line("");
  slices_text(report.slices, out);
  distractors_text(report.distractors, out);
  line("Field accuracy, over paired events where gold has a value:");
  bool extra_heading = false;
  for (const FieldAccuracy& f : report.fields) {
    if (is_extra_field(f.field) && !extra_heading) {
      line("  extra (not in scoring.md):");
      extra_heading = true;
    }
    line(fmt::format("  {:<13} {:>6}  {:>4}/{}", field_name(f.field), ratio(f.accuracy()), f.correct, f.n));
  }
  line("");
  calibration_text(report.calibration, out);

  line("");
  line(fmt::format("{:<44} {:>4} {:>4} {:>6} {:>5} {:>5}   {:>7} {:>7} {:>6}", "article", "gold", "pred", "paired",
                   "miss", "false", "t.gold", "t.pred", "t.pair"));
  for (const ArticleScore& a : report.articles) {
    line(fmt::format("{:<44} {:>4} {:>4} {:>6} {:>5} {:>5}   {:>7} {:>7} {:>6}", shorten(a.article, 44), a.events.gold,
                     a.events.predicted, a.events.paired, a.missed.size(), a.false_alarms.size(), a.tallies.gold,
                     a.tallies.predicted, a.tallies.paired));
  }

  const size_t evidence_limit = options.verbose ? std::string::npos : kEvidenceChars;
  for (const ArticleScore& a : report.articles) {
    const bool has_details = !a.missed.empty() || !a.false_alarms.empty() || !a.missed_tallies.empty() ||
                             !a.false_alarm_tallies.empty() || !a.problems.empty() || (options.verbose && !a.pairs.empty());
    if (!has_details) continue;
    line("");
    line(fmt::format("== {}  (events: gold {}, predicted {}, paired {})", a.article, a.events.gold, a.events.predicted,
                     a.events.paired));
    if (options.verbose) {
      for (const EventPairing& p : a.pairs) {
        const ExpandedEvent& g = a.gold_events[p.gold];
        const ExpandedEvent& pr = a.predicted_events[p.predicted];
        std::string wrong;
        for (const FieldVerdict& v : p.verdicts) {
          if (v.correct) continue;
          const std::string predicted =
              v.field == ScoredField::kDate ? dates_of(pr.event) : text_of(member(pr.event, field_key(v.field)));
          const std::string gold =
              v.field == ScoredField::kDate ? dates_of(g.event) : text_of(member(g.event, field_key(v.field)));
          wrong += fmt::format("\n          {}: predicted {}, gold {}", field_name(v.field),
                               v.field == ScoredField::kWeapons ? weapons_of(pr.event) : predicted,
                               v.field == ScoredField::kWeapons ? weapons_of(g.event) : gold);
        }
        line(fmt::format("  paired  {}{} ← predicted event {}{}", text_of(member(g.event, "key")), copy_note(g),
                         pr.record + 1, wrong.empty() ? "  (all fields right)" : wrong));
      }
    }
    for (size_t i : a.missed) {
      const ExpandedEvent& e = a.gold_events[i];
      line(fmt::format("  MISSED  {} {} {} {} [{}]{}", text_of(member(e.event, "type")), dates_of(e.event),
                       text_of(member(e.event, "country")), text_of(member(e.event, "location")),
                       text_of(member(e.event, "key")), copy_note(e)));
      line(fmt::format("          \"{}\"", shorten(one_line(evidence_of(e.event)), evidence_limit)));
    }
    for (size_t i : a.false_alarms) {
      const ExpandedEvent& e = a.predicted_events[i];
      line(fmt::format("  FALSE   {} {} {} {} (predicted event {}, {}){}", text_of(member(e.event, "type")),
                       dates_of(e.event), text_of(member(e.event, "country")), text_of(member(e.event, "location")),
                       e.record + 1, weapons_of(e.event), copy_note(e)));
      line(fmt::format("          \"{}\"", shorten(one_line(evidence_of(e.event)), evidence_limit)));
    }
    for (const Json& t : a.missed_tallies) {
      line("  MISSED TALLY  " + tally_line(t));
      line(fmt::format("          \"{}\"", shorten(one_line(evidence_of(t)), evidence_limit)));
    }
    for (const Json& t : a.false_alarm_tallies) {
      line("  FALSE TALLY   " + tally_line(t));
      line(fmt::format("          \"{}\"", shorten(one_line(evidence_of(t)), evidence_limit)));
    }
    for (const std::string& problem : a.problems) line("  problem: " + problem);
  }

  if (!options.skipped.empty()) {
    line("");
    line("Skipped:");
    for (const std::string& s : options.skipped) line("  " + s);
  }
  return out;
}

}  // namespace salvo
