// De-duplication scored (shared/spec/scoring.md §6): the engine's merged events against the gold
// keys, over the mentions the per-article scoring paired. Also the per-article scores again with
// every mention carrying its merged event's fields — merging must not make events worse.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "salvo/evaluate/scorer.h"

namespace salvo {

struct DedupScore {
  size_t mentions = 0;       // predicted article events (records), all articles
  size_t merged_events = 0;  // what the engine merged them into
  BCubed b_cubed;            // over expanded predicted events paired with gold
  PairCounts events_before;  // per-article pairing of the records as extracted
  PairCounts events_after;   // … and with each record's fields replaced by its merged event's
  std::vector<FieldAccuracy> fields_after;
};

// `merged_ids[a][r]`: the merged event id of record r of articles[a]'s "events"; `merged[a][r]`:
// that merged event (spec/output.md merged form). `report` is score(articles).
DedupScore score_dedup(const std::vector<ArticlePair>& articles, const EvalReport& report,
                       const std::vector<std::vector<std::string>>& merged_ids,
                       const std::vector<std::vector<const nlohmann::ordered_json*>>& merged);

std::string dedup_text(const DedupScore& score);
nlohmann::ordered_json dedup_json(const DedupScore& score);

}  // namespace salvo
