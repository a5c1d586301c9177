#include "salvo/pipeline/process.h"

#include "salvo/extract/extractor.h"
#include "salvo/pipeline/analyze.h"

namespace salvo {

nlohmann::ordered_json process_article(Article article, const Recognizer& recognizer, const RecordOptions& options) {
  const AnalyzedArticle analyzed = analyze_article(std::move(article));
  const ArticleMentions mentions = recognizer.recognize(analyzed);
  const Extraction extraction = extract_events(analyzed, mentions, recognizer);
  return article_record(analyzed, &extraction, options);
}

}  // namespace salvo
