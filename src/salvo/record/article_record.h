// The per-article JSON record of spec/output.md: one object per article, one line in JSONL.
#pragma once

#include <nlohmann/json.hpp>

#include "salvo/pipeline/analyze.h"

namespace salvo {

struct RecordOptions {
  bool include_sentences = false;   // "sentences": [{start, end, text, language}]
  bool include_clean_text = false;  // "text": the clean text
};

nlohmann::ordered_json article_record(const AnalyzedArticle& analyzed, const RecordOptions& options);

}  // namespace salvo
