// The whole per-article pipeline: raw article → the JSON record of spec/output.md, events and
// tallies included. A pure function of the article and the loaded data.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "salvo/ingest/article.h"
#include "salvo/pipeline/limits.h"
#include "salvo/recognize/recognizer.h"
#include "salvo/record/article_record.h"

namespace salvo {

// Within `limits` (pipeline/limits.h): each limit met is a warning of the record.
nlohmann::ordered_json process_article(Article article, const Recognizer& recognizer, const RecordOptions& options,
                                       const Limits& limits = {});

// The same record as JSON text (process_article's dump(-1, ' ', false, replace), byte for byte,
// without the tree), with what a caller reports beside it.
struct RecordText {
  std::string json;                   // one line, no newline
  std::string source;                 // the article's source, for warnings
  std::vector<std::string> warnings;  // the record's "warnings"
};
RecordText process_article_text(Article article, const Recognizer& recognizer, const RecordOptions& options,
                                const Limits& limits = {});

}  // namespace salvo
