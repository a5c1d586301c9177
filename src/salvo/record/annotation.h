// The debugging view of what the recognizers found in an article (`salvo annotate`): as JSON for
// tools, and as text a person reads, sentence by sentence.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "salvo/pipeline/analyze.h"
#include "salvo/recognize/recognizer.h"

namespace salvo {

nlohmann::ordered_json annotation_record(const AnalyzedArticle& article, const ArticleMentions& mentions,
                                         const Recognizer& recognizer);

std::string annotation_text(const AnalyzedArticle& article, const ArticleMentions& mentions,
                            const Recognizer& recognizer);

}  // namespace salvo
