// The whole per-article pipeline: raw article → the JSON record of spec/output.md, events and
// tallies included. A pure function of the article and the loaded data.
#pragma once

#include <nlohmann/json.hpp>

#include "salvo/ingest/article.h"
#include "salvo/pipeline/limits.h"
#include "salvo/recognize/recognizer.h"
#include "salvo/record/article_record.h"

namespace salvo {

// Within `limits` (pipeline/limits.h): each limit met is a warning of the record.
nlohmann::ordered_json process_article(Article article, const Recognizer& recognizer, const RecordOptions& options,
                                       const Limits& limits = {});

}  // namespace salvo
