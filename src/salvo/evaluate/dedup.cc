#include "salvo/evaluate/dedup.h"

#include <fmt/format.h>

#include <algorithm>

namespace salvo {
namespace {

using Json = nlohmann::ordered_json;

// The fields a merged event decides for every mention of it; evidence, count and confidence stay
// the mention's own.
constexpr const char* kMergedFields[] = {"type",    "weapons",   "date",  "date_max",     "country",
                                         "admin1",  "location",  "lat",   "lon",          "place_precision",
                                         "target",  "actor",     "actor_status", "killed", "injured", "role"};

std::string ratio(const std::optional<double>& value) { return value ? fmt::format("{:.3f}", *value) : "  n/a"; }

Json ratio_json(const std::optional<double>& value) { return value ? Json(*value) : Json(); }

}  // namespace

DedupScore score_dedup(const std::vector<ArticlePair>& articles, const EvalReport& report,
                       const std::vector<std::vector<std::string>>& merged_ids,
                       const std::vector<std::vector<const Json*>>& merged) {
  DedupScore out;
  out.events_before = report.events;
  std::vector<ClusteredMention> clustered;
  for (size_t a = 0; a < report.articles.size() && a < merged_ids.size(); ++a) {
    out.mentions += merged_ids[a].size();
    const ArticleScore& scored = report.articles[a];
    for (const EventPairing& pair : scored.pairs) {
      const size_t record = scored.predicted_events[pair.predicted].record;
      const Json& gold = scored.gold_events[pair.gold].event;
      if (record >= merged_ids[a].size() || !gold.contains("key") || !gold["key"].is_string()) continue;
      clustered.push_back({merged_ids[a][record], gold["key"].get<std::string>()});
    }
  }
  out.b_cubed = b_cubed(clustered);
  std::vector<std::string> distinct;
  for (const auto& ids : merged_ids) distinct.insert(distinct.end(), ids.begin(), ids.end());
  std::sort(distinct.begin(), distinct.end());
  out.merged_events = static_cast<size_t>(std::unique(distinct.begin(), distinct.end()) - distinct.begin());

  std::vector<ArticlePair> projected = articles;
  for (size_t a = 0; a < projected.size() && a < merged.size(); ++a) {
    Json& events = projected[a].predicted["events"];
    for (size_t r = 0; r < events.size() && r < merged[a].size(); ++r) {
      if (!merged[a][r]) continue;
      for (const char* field : kMergedFields) {
        if (merged[a][r]->contains(field)) events[r][field] = (*merged[a][r])[field];
      }
    }
  }
  const EvalReport after = score(projected);
  out.events_after = after.events;
  out.fields_after = after.fields;
  return out;
}

std::string dedup_text(const DedupScore& s) {
  std::string out = "\nDe-duplication across articles (scoring.md §6):\n";
  out += fmt::format("  {} article event(s) merged into {} event(s)\n", s.mentions, s.merged_events);
  out += fmt::format("  B-cubed over {} paired mention(s): P {}  R {}  F1 {}\n", s.b_cubed.mentions,
                     ratio(s.b_cubed.precision), ratio(s.b_cubed.recall), ratio(s.b_cubed.f1));
  out += fmt::format("  events F1 as extracted {}, with merged fields {}\n", ratio(s.events_before.f1()),
                     ratio(s.events_after.f1()));
  out += "  field accuracy with merged fields:";
  for (const FieldAccuracy& f : s.fields_after) {
    if (is_extra_field(f.field)) continue;
    out += fmt::format(" {} {}", field_name(f.field), ratio(f.accuracy()));
  }
  out += "\n";
  return out;
}

Json dedup_json(const DedupScore& s) {
  Json fields = Json::object();
  for (const FieldAccuracy& f : s.fields_after) {
    fields[field_name(f.field)] = {{"correct", f.correct}, {"n", f.n}, {"accuracy", ratio_json(f.accuracy())}};
  }
  return {{"mentions", s.mentions},
          {"merged_events", s.merged_events},
          {"b_cubed",
           {{"mentions", s.b_cubed.mentions},
            {"precision", ratio_json(s.b_cubed.precision)},
            {"recall", ratio_json(s.b_cubed.recall)},
            {"f1", ratio_json(s.b_cubed.f1)}}},
          {"events_f1_before", ratio_json(s.events_before.f1())},
          {"events_f1_after", ratio_json(s.events_after.f1())},
          {"fields_after", std::move(fields)}};
}

}  // namespace salvo
