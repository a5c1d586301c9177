#include "salvo/record/article_record.h"

namespace salvo {

nlohmann::ordered_json article_record(const AnalyzedArticle& analyzed, const RecordOptions& options) {
  using json = nlohmann::ordered_json;
  const Article& a = analyzed.article;
  auto optional_string = [](const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); };

  json article = {
      {"id", a.id},
      {"source", a.source},
      {"published", a.published ? json(a.published->iso()) : json(nullptr)},
      {"published_from", to_string(a.published_from)},
      {"language", analyzed.language},
      {"sha256", a.sha256},
      {"title", optional_string(a.title)},
      {"url", optional_string(a.url)},
      {"format", a.kind == ContentKind::kHtml ? "html" : "text"},
  };
  json record = {{"article", std::move(article)}, {"events", json::array()}, {"tallies", json::array()}};
  if (options.include_sentences) {
    json sentences = json::array();
    for (const Sentence& s : analyzed.sentences) {
      sentences.push_back({{"start", s.raw.begin},
                           {"end", s.raw.end},
                           {"text", analyzed.sentence_text(s)},
                           {"language", analyzed.clean.paragraphs[s.paragraph].language}});
    }
    record["sentences"] = std::move(sentences);
  }
  if (options.include_clean_text) record["text"] = analyzed.clean.text.text();
  record["warnings"] = analyzed.warnings;
  return record;
}

}  // namespace salvo
