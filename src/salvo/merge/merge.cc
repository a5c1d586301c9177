#include "salvo/merge/merge.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <unordered_map>

#include "salvo/base/sha256.h"
#include "salvo/gazetteer/gazetteer.h"
#include "salvo/lexicon/fold.h"

namespace salvo {
namespace {

using Json = nlohmann::ordered_json;

std::string string_or_empty(const Json& event, const char* field) {
  auto it = event.find(field);
  return it != event.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::optional<int> int_or_null(const Json& event, const char* field) {
  auto it = event.find(field);
  if (it == event.end() || !it->is_number_integer()) return std::nullopt;
  return it->get<int>();
}

std::optional<double> double_or_null(const Json& event, const char* field) {
  auto it = event.find(field);
  if (it == event.end() || !it->is_number()) return std::nullopt;
  return it->get<double>();
}

std::optional<Date> date_or_null(const Json& event, const char* field) {
  const std::string text = string_or_empty(event, field);
  return text.empty() ? std::nullopt : parse_iso_date_prefix(text);
}

int precision_rank(const std::string& precision) {
  if (precision == "site") return 4;
  if (precision == "town") return 3;
  if (precision == "region") return 2;
  if (precision == "admin1") return 2;
  if (precision == "country") return 1;
  return 0;
}

long first_day(const Mention& m) { return m.date->days_since_epoch(); }
long last_day(const Mention& m) { return (m.date_max ? *m.date_max : *m.date).days_since_epoch(); }


bool has_point(const Mention& m) { return m.lat && m.lon; }

// How far apart two pointed places may be and still be one place: a site is a fence line, a town
// spreads, and reports of one incident name the base or the town beside it.
double same_place_km(const Mention& a, const Mention& b) {
  return a.precision == "site" && b.precision == "site" ? 5.0 : 25.0;
}

// A value of one field across a merged event's members, and who said it.
struct Vote {
  Json value;
  std::vector<std::string> sources;  // article ids
  double weight = 0;                 // summed confidence
  int specificity = 0;
};

// The value with the largest `rank`; equal ranks go to the smallest value, so the choice does not
// depend on the order the sources came in. Null values never vote.
template <class Rank>
const Vote* best_by(const std::vector<Vote>& votes, Rank rank) {
  const Vote* best = nullptr;
  for (const Vote& v : votes) {
    if (!best || rank(v) > rank(*best) || (rank(v) == rank(*best) && v.value.dump() < best->value.dump())) best = &v;
  }
  return best;
}

// The best-attested value: most sources, then most specific, then most confident.
const Vote* best_vote(const std::vector<Vote>& votes) {
  return best_by(votes, [](const Vote& v) { return std::make_tuple(v.sources.size(), v.specificity, v.weight); });
}

// The most specific value, then the best attested: one report naming the base beats three saying
// "Syria"; a claim beats an accusation beats a statement.
const Vote* most_specific_vote(const std::vector<Vote>& votes) {
  return best_by(votes, [](const Vote& v) { return std::make_tuple(v.specificity, v.sources.size(), v.weight); });
}

void add_vote(std::vector<Vote>& votes, const Json& value, const Mention& m, int specificity = 0) {
  if (value.is_null()) return;
  for (Vote& v : votes) {
    if (v.value == value) {
      v.sources.push_back(m.article);
      v.weight += m.confidence;
      v.specificity = std::max(v.specificity, specificity);
      return;
    }
  }
  votes.push_back({value, {m.article}, m.confidence, specificity});
}

// The merged event: spec/output.md fields from the members' votes, "sources", "conflicts".
Json build_event(const std::string& id, const std::vector<const Mention*>& members) {
  std::vector<Vote> types, days, places, actors, killed, injured, targets;
  std::set<std::string> weapons;
  std::vector<Vote> weapon_sets;
  int count = 1;
  bool main = false;
  double miss_all = 1.0;  // probability that every source is wrong, taken as independent
  for (const Mention* m : members) {
    add_vote(types, m->type, *m);
    if (m->date) {
      Json day = Json::array({m->date->iso(), m->date_max ? Json(m->date_max->iso()) : Json()});
      add_vote(days, day, *m, m->date_max ? 0 : 1);  // a day is more specific than a range
    }
    if (!m->location.empty() || !m->country.empty()) {
      const auto text_or_null = [](const std::string& text) { return text.empty() ? Json() : Json(text); };
      Json place = {{"country", text_or_null(m->country)},
                    {"admin1", text_or_null(m->admin1)},
                    {"location", text_or_null(m->location)},
                    {"place_id", text_or_null(m->place_id)},
                    {"lat", m->map_lat ? Json(*m->map_lat) : Json()},
                    {"lon", m->map_lon ? Json(*m->map_lon) : Json()},
                    {"place_precision", text_or_null(m->precision)}};
      add_vote(places, place, *m, precision_rank(m->precision));
    }
    if (!m->actor.empty()) {
      const int status_rank = m->actor_status == "claimed" ? 3 : m->actor_status == "accused" ? 2 : 1;
      add_vote(actors, Json::array({m->actor, m->actor_status.empty() ? Json() : Json(m->actor_status)}), *m, status_rank);
    }
    if (!m->target.empty()) add_vote(targets, m->target, *m);
    if (m->killed) add_vote(killed, *m->killed, *m);
    if (m->injured) add_vote(injured, *m->injured, *m);
    Json set = Json::array();
    for (const std::string& w : m->weapons) set.push_back(w);
    if (!m->weapons.empty()) add_vote(weapon_sets, set, *m);
    weapons.insert(m->weapons.begin(), m->weapons.end());
    count = std::max(count, m->count);
    main |= m->role == "main";
    miss_all *= 1.0 - std::clamp(m->confidence, 0.0, 0.99);
  }

  Json event;
  event["id"] = id;
  // An attack some source saw stopped is still the attack others saw land: "attack" wins a tie.
  const Vote* type = best_vote(types);
  event["type"] = type ? type->value : Json("attack");
  event["weapons"] = weapons.empty() ? Json::array({"unknown"}) : Json(std::vector<std::string>(weapons.begin(), weapons.end()));
  const Vote* place = most_specific_vote(places);
  const Vote* day = best_vote(days);
  event["date"] = day ? day->value[0] : Json();
  event["date_max"] = day ? day->value[1] : Json();
  for (const char* field : {"country", "admin1", "location"}) event[field] = place ? place->value[field] : Json();
  // The place's words as the first source that put the event there wrote them (one place's
  // spellings are one vote, not a conflict).
  event["location_text"] = Json();
  for (const Mention* m : members) {
    if (place && !m->location_text.empty() && m->article == place->sources.front()) {
      event["location_text"] = m->location_text;
      break;
    }
  }
  for (const char* field : {"place_id", "lat", "lon"}) event[field] = place ? place->value[field] : Json();
  event["place_precision"] = place ? place->value["place_precision"] : Json();
  const Vote* target = best_vote(targets);
  event["target"] = target ? target->value : Json();
  const Vote* actor = most_specific_vote(actors);
  event["actor"] = actor ? actor->value[0] : Json();
  event["actor_status"] = actor ? actor->value[1] : Json();
  const Vote* k = best_vote(killed);
  const Vote* i = best_vote(injured);
  event["killed"] = k ? k->value : Json();
  event["injured"] = i ? i->value : Json();
  event["count"] = count;
  event["role"] = main ? "main" : "background";
  event["confidence"] = std::round((1.0 - miss_all) * 100.0) / 100.0;

  Json sources = Json::array();
  for (const Mention* m : members) {
    sources.push_back({{"article", m->article},
                       {"event", m->index},
                       {"evidence", m->evidence.is_null() ? Json::array() : m->evidence}});
  }
  event["sources"] = std::move(sources);

  // Every field the sources disagree on, every value with who gave it. Places disagree only when
  // they are different places, not one place named vaguely and precisely.
  Json conflicts = Json::object();
  auto record_conflict = [&](const char* field, const std::vector<Vote>& votes, auto&& show) {
    if (votes.size() < 2) return;
    Json values = Json::array();
    for (const Vote& v : votes) values.push_back({{"value", show(v.value)}, {"sources", v.sources}});
    conflicts[field] = std::move(values);
  };
  const auto as_is = [](const Json& v) { return v; };
  record_conflict("type", types, as_is);
  std::vector<Vote> single_days;
  for (const Vote& v : days) {
    if (v.value[1].is_null()) single_days.push_back(v);
  }
  record_conflict("date", single_days, [](const Json& v) { return v[0]; });
  std::vector<Vote> precise_places;
  for (const Vote& v : places) {
    if (place && v.specificity == place->specificity) precise_places.push_back(v);
  }
  record_conflict("location", precise_places, [](const Json& v) { return v["location"]; });
  record_conflict("actor", actors, [](const Json& v) { return v[0]; });
  record_conflict("killed", killed, as_is);
  record_conflict("injured", injured, as_is);
  record_conflict("weapons", weapon_sets, as_is);
  event["conflicts"] = std::move(conflicts);
  return event;
}

}  // namespace

std::string Mention::key() const { return fmt::format("{}#{}", article, index); }

std::string event_id_of(const std::string& first_member_key) { return "ev_" + sha256_hex(first_member_key).substr(0, 16); }

Mention mention_of_event(const std::string& article, size_t index, const Json& e) {
  Mention m;
  m.article = article;
  m.index = index;
  static constexpr std::pair<std::string Mention::*, const char*> kTextFields[] = {
      {&Mention::type, "type"},     {&Mention::country, "country"},           {&Mention::admin1, "admin1"},
      {&Mention::location, "location"}, {&Mention::precision, "place_precision"}, {&Mention::actor, "actor"},
      {&Mention::actor_status, "actor_status"}, {&Mention::target, "target"},   {&Mention::role, "role"},
      {&Mention::location_text, "location_text"}, {&Mention::place_id, "place_id"}};
  for (const auto& [member, field] : kTextFields) m.*member = string_or_empty(e, field);
  m.date = date_or_null(e, "date");
  m.date_max = m.date ? date_or_null(e, "date_max") : std::nullopt;
  m.map_lat = double_or_null(e, "lat");
  m.map_lon = double_or_null(e, "lon");
  if (m.precision != "region" && m.precision != "country") m.lat = m.map_lat, m.lon = m.map_lon;
  if (auto w = e.find("weapons"); w != e.end() && w->is_array()) {
    for (const Json& x : *w) {
      if (x.is_string() && x.get<std::string>() != "unknown") m.weapons.push_back(x.get<std::string>());
    }
    std::sort(m.weapons.begin(), m.weapons.end());
    m.weapons.erase(std::unique(m.weapons.begin(), m.weapons.end()), m.weapons.end());
  }
  m.killed = int_or_null(e, "killed");
  m.injured = int_or_null(e, "injured");
  m.count = std::max(1, int_or_null(e, "count").value_or(1));
  m.confidence = double_or_null(e, "confidence").value_or(0.5);
  if (auto evidence = e.find("evidence"); evidence != e.end()) m.evidence = *evidence;
  return m;
}

std::vector<Mention> mentions_of_record(const Json& record) {
  std::vector<Mention> mentions;
  const std::string article = record.contains("article") && record["article"].is_object()
                                  ? string_or_empty(record["article"], "id")
                                  : std::string();
  auto events = record.find("events");
  if (events == record.end() || !events->is_array()) return mentions;
  for (size_t i = 0; i < events->size(); ++i) {
    if ((*events)[i].is_object()) mentions.push_back(mention_of_event(article, i, (*events)[i]));
  }
  return mentions;
}

namespace {

// A mention as the clustering weighs it, with what every pair would otherwise work out again:
// its days, its kind, its point, and its actor and place names folded (folding allocates, and a
// dense day weighs each mention against hundreds).
struct Weighed {
  const Mention* m;
  bool dated, strike, point;
  long first = 0, last = 0;  // days since the epoch, when dated
  std::string actor, location;  // folded; "" when the name is

  explicit Weighed(const Mention& mention)
      : m(&mention), dated(mention.date.has_value()), strike(mention.type == "strike"), point(has_point(mention)) {
    if (dated) first = first_day(mention), last = last_day(mention);
    if (!mention.actor.empty()) actor = fold_name(mention.actor);
    if (!mention.location.empty()) location = fold_name(mention.location);
  }
};

// Days between two dated mentions' spans: 0 when they overlap.
long day_gap(const Weighed& a, const Weighed& b) {
  if (a.last < b.first) return b.first - a.last;
  if (b.last < a.first) return a.first - b.last;
  return 0;
}

// Whether two names agree, one holding the other once folded ("Ain al-Asad" and "Ain al-Asad
// air base"); `raw_*` are the names as told (empty: untold, agreeing with nothing).
bool folded_names_agree(const std::string& raw_a, const std::string& fa, const std::string& raw_b, const std::string& fb) {
  if (raw_a.empty() || raw_b.empty()) return false;
  return fa == fb || fa.find(fb) != std::string::npos || fb.find(fa) != std::string::npos;
}

bool may_be_same(const Weighed& wa, const Weighed& wb) {
  const Mention& a = *wa.m;
  const Mention& b = *wb.m;
  if (a.article == b.article) return false;
  // An attack and the interception of its drones are one incident; a strike is another kind.
  if (wa.strike != wb.strike) return false;
  if (a.country.empty() || a.country != b.country) return false;
  // Reports of one incident differ by a day at most ("late Sunday" here is "Monday" there).
  if (wa.dated && wb.dated && day_gap(wa, wb) > 1) return false;
  // An undated mention stays alone: even at the very place, the only incident the corpus holds
  // there may be years from the one it tells (seed 003's Al-Asad attack is not seed 001's).
  if (!wa.dated || !wb.dated) return false;
  if (wa.point && wb.point) {
    const double km = haversine_km(*a.lat, *a.lon, *b.lat, *b.lon);
    if (km > same_place_km(a, b)) return false;
  } else if (!a.admin1.empty() && !b.admin1.empty() && a.admin1 != b.admin1) {
    return false;  // "Deir ez-Zor" holds a site of Deir ez-Zor, not one of Al-Hasakah
  }
  return true;
}

double similarity_of(const Weighed& wa, const Weighed& wb) {
  const Mention& a = *wa.m;
  const Mention& b = *wb.m;
  double score = 0;
  if (wa.dated && wb.dated) {
    const long gap = day_gap(wa, wb);
    const bool both_days = !a.date_max && !b.date_max;
    score += gap == 0 ? (both_days ? 2.0 : 1.5) : 1.0;
  }
  if (wa.point && wb.point) {
    const double km = haversine_km(*a.lat, *a.lon, *b.lat, *b.lon);
    score += km <= 1.0 ? 3.0 : 2.0;
  } else {
    score += 0.5;  // a vaguer place that holds the other
  }
  if (!a.weapons.empty() && !b.weapons.empty()) {
    std::vector<std::string> shared;
    std::set_intersection(a.weapons.begin(), a.weapons.end(), b.weapons.begin(), b.weapons.end(), std::back_inserter(shared));
    score += shared.empty() ? -2.0 : 1.0;
  }
  if (folded_names_agree(a.actor, wa.actor, b.actor, wb.actor)) score += 1.0;
  if (folded_names_agree(a.location, wa.location, b.location, wb.location)) score += 1.0;
  return score;
}

}  // namespace

bool may_be_same_incident(const Mention& a, const Mention& b) { return may_be_same(Weighed(a), Weighed(b)); }

double similarity(const Mention& a, const Mention& b) { return similarity_of(Weighed(a), Weighed(b)); }

std::vector<MentionCluster> cluster_mentions(const std::vector<Mention>& mentions) {
  // Dated mentions found events first, the most specific first; the rest join them. A fixed order of the
  // mentions' own content, so the clusters do not depend on the order they were given in.
  std::vector<size_t> order(mentions.size());
  std::iota(order.begin(), order.end(), 0);
  auto order_key = [&](size_t i) {
    const Mention& m = mentions[i];
    return std::make_tuple(!m.date.has_value(), !has_point(m), -precision_rank(m.precision),
                           m.date ? m.date->days_since_epoch() : 0L, m.article, m.index);
  };
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return order_key(a) < order_key(b); });

  std::vector<Weighed> weighed;
  weighed.reserve(mentions.size());
  for (const Mention& m : mentions) weighed.emplace_back(m);

  std::vector<std::vector<size_t>> clusters;
  // Blocking: the clusters holding a mention on each day, so a mention is weighed only against
  // those within a day of its own (may_be_same_incident allows no more), not the whole corpus.
  std::unordered_map<long, std::vector<size_t>> clusters_by_day;
  std::vector<size_t> candidates;
  for (size_t i : order) {
    const Weighed& m = weighed[i];
    size_t best = clusters.size();
    double best_score = kJoinScore;
    candidates.clear();
    if (m.dated) {  // an undated mention joins nothing
      for (long day = m.first - 1; day <= m.last + 1; ++day) {
        auto it = clusters_by_day.find(day);
        if (it != clusters_by_day.end()) candidates.insert(candidates.end(), it->second.begin(), it->second.end());
      }
      std::sort(candidates.begin(), candidates.end());  // the lowest cluster wins a tie, as in a full scan
      candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    }
    for (size_t c : candidates) {
      // Every member must be possibly the same incident; the closest one says how alike.
      bool compatible = true;
      double score = 0;
      for (size_t member : clusters[c]) {
        if (!may_be_same(m, weighed[member])) {
          compatible = false;
          break;
        }
        score = std::max(score, similarity_of(m, weighed[member]));
      }
      if (compatible && score >= best_score && (best == clusters.size() || score > best_score)) {
        best = c;
        best_score = score;
      }
    }
    if (best == clusters.size()) clusters.push_back({i});
    else clusters[best].push_back(i);
    if (m.dated) {
      for (long day = m.first; day <= m.last; ++day) clusters_by_day[day].push_back(best);
    }
  }

  std::vector<MentionCluster> out;
  out.reserve(clusters.size());
  for (std::vector<size_t>& cluster : clusters) {
    std::sort(cluster.begin(), cluster.end(), [&](size_t a, size_t b) { return mentions[a].key() < mentions[b].key(); });
    // Named after its first member by key: the same mentions give the same id whatever the order.
    out.push_back({event_id_of(mentions[cluster.front()].key()), std::move(cluster)});
  }
  return out;
}

MergedEvent build_merged_event(const MentionCluster& cluster, const std::vector<Mention>& mentions) {
  MergedEvent event;
  event.id = cluster.id;
  event.members = cluster.members;
  std::vector<const Mention*> members;
  for (size_t i : cluster.members) members.push_back(&mentions[i]);
  event.event = build_event(event.id, members);
  return event;
}

std::vector<MergedEvent> merge_mentions(const std::vector<Mention>& mentions) {
  std::vector<MergedEvent> merged;
  for (const MentionCluster& cluster : cluster_mentions(mentions)) merged.push_back(build_merged_event(cluster, mentions));
  std::sort(merged.begin(), merged.end(), [](const MergedEvent& a, const MergedEvent& b) {
    const std::string da = a.event["date"].is_string() ? a.event["date"].get<std::string>() : "~";
    const std::string db = b.event["date"].is_string() ? b.event["date"].get<std::string>() : "~";
    return da != db ? da < db : a.id < b.id;
  });
  return merged;
}

}  // namespace salvo
