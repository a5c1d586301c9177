// The per-article JSON record of spec/output.md: one object per article, one line in JSONL.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

#include "salvo/extract/event.h"
#include "salvo/pipeline/analyze.h"

namespace salvo {

struct RecordOptions {
  bool include_sentences = false;   // "sentences": [{start, end, text, language}]
  bool include_clean_text = false;  // "text": the clean text
  double min_confidence = 0.0;      // events below it are left out
};

// `extraction` may be null (text stages only): events and tallies are then empty arrays.
nlohmann::ordered_json article_record(const AnalyzedArticle& analyzed, const Extraction* extraction,
                                      const RecordOptions& options);
// The same record as JSON text, appended to `out`: the bytes of article_record(…).dump(-1, ' ',
// false, replace), written without building the tree (what `salvo extract` prints).
void append_article_record(std::string& out, const AnalyzedArticle& analyzed, const Extraction* extraction,
                           const RecordOptions& options);

nlohmann::ordered_json event_json(const AnalyzedArticle& analyzed, const Event& event);
// `location` as records write it: a site's, town's or division's canonical name; a region or a
// country as the text names it. The text's own words are `location_text`.
std::string canonical_location(const Event& event);
nlohmann::ordered_json tally_json(const AnalyzedArticle& analyzed, const Tally& tally);

}  // namespace salvo
