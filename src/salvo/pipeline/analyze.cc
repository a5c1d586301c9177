#include "salvo/pipeline/analyze.h"

#include <fmt/format.h>

#include <map>

#include "salvo/markup/decode.h"
#include "salvo/markup/dom.h"
#include "salvo/markup/main_content.h"
#include "salvo/text/sentences.h"

namespace salvo {
namespace {

const char* language_name(std::string_view code) {
  static const std::map<std::string_view, const char*> kNames = {
      {"ar", "Arabic"}, {"ku", "Kurdish"}, {"fa", "Persian"}, {"tr", "Turkish"}, {"fr", "French"},
      {"de", "German"}, {"es", "Spanish"}, {"ru", "Russian"}, {"he", "Hebrew"}, {"und", "an unknown language"}};
  auto it = kNames.find(code);
  return it == kNames.end() ? "another language" : it->second;
}

}  // namespace

CleanText clean_plain_text(std::string_view raw, size_t begin, size_t end, DecodeStats* stats) {
  return clean_text(strip_markup(decode_utf8(raw, begin, end, stats)));
}

AnalyzedArticle analyze_article(Article article) {
  AnalyzedArticle result;
  result.warnings = std::move(article.warnings);

  DecodeStats decode_stats;
  if (article.kind == ContentKind::kHtml) {
    const MappedText decoded = decode_utf8(article.raw, article.body_offset, article.raw.size(), &decode_stats);
    PageContent page = extract_page_content(decoded);
    if (!article.title && page.title) article.title = std::move(page.title);
    if (!article.url && page.url) article.url = std::move(page.url);
    if (!article.published && page.published) {
      article.published = page.published;
      article.published_from = PublishedFrom::kMetadata;
    }
    result.clean = clean_text(page.text);
  } else {
    result.clean = clean_plain_text(article.raw, article.body_offset, article.raw.size(), &decode_stats);
  }
  if (decode_stats.invalid_sequences > 0) {
    result.warnings.push_back(fmt::format("{} invalid UTF-8 sequence(s) replaced by U+FFFD", decode_stats.invalid_sequences));
  }

  const CleanText& clean = result.clean;
  if (clean.dropped_code_lines > 0) {
    result.warnings.push_back(fmt::format("{} line(s) of leaked JavaScript/CSS dropped", clean.dropped_code_lines));
  }
  if (clean.removed_template_tags > 0) {
    result.warnings.push_back(fmt::format("{} template tag(s) removed", clean.removed_template_tags));
  }
  if (clean.text.empty()) result.warnings.push_back("no text left after cleaning");

  std::map<std::string, size_t> bytes_by_language;
  for (size_t p = 0; p < clean.paragraphs.size(); ++p) {
    const Paragraph& paragraph = clean.paragraphs[p];
    bytes_by_language[paragraph.language] += paragraph.end - paragraph.begin;
    const bool english = paragraph.language == "en";
    if (!english) {
      const RawSpan raw = clean.text.to_raw(paragraph.begin, paragraph.end);
      result.warnings.push_back(fmt::format(
          "paragraph {} (bytes {}-{}) is in {} ({}): kept out of English extraction", p + 1, raw.begin, raw.end,
          language_name(paragraph.language), paragraph.language));
    }
    const std::string_view paragraph_text = clean.text.view().substr(paragraph.begin, paragraph.end - paragraph.begin);
    for (const Span& span : split_sentences(paragraph_text)) {
      Sentence sentence;
      sentence.begin = paragraph.begin + span.begin;
      sentence.end = paragraph.begin + span.end;
      sentence.raw = clean.text.to_raw(sentence.begin, sentence.end);
      sentence.paragraph = p;
      sentence.english = english;
      result.sentences.push_back(sentence);
    }
  }
  result.language = "und";
  size_t best = 0;
  for (const auto& [code, bytes] : bytes_by_language) {
    if (bytes > best) best = bytes, result.language = code;
  }
  result.article = std::move(article);
  return result;
}

}  // namespace salvo
