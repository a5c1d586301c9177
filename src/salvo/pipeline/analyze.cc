#include "salvo/pipeline/analyze.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "salvo/base/url.h"
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

// A publication date printed in the first paragraphs, when nothing else gave one.
constexpr size_t kBylineParagraphs = 6;

}  // namespace

std::optional<Date> byline_date(std::string_view paragraph) {
  // A byline is short: a label, the date, a time, perhaps the author.
  if (paragraph.size() > 90) return std::nullopt;
  std::string_view rest = paragraph;
  for (std::string_view label : {"Published", "Updated", "Last updated", "Posted", "Date", "First published"}) {
    if (rest.size() > label.size() && rest.substr(0, label.size()) == label && !std::isalpha(static_cast<unsigned char>(rest[label.size()]))) {
      rest.remove_prefix(label.size());
      while (!rest.empty() && (rest.front() == ':' || rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
      if (rest.substr(0, 3) == "on ") rest.remove_prefix(3);
      break;
    }
  }
  // The paragraph opens with the date: a month, a weekday ("Thu, 23 Nov 2023") or a day number.
  size_t word_end = 0;
  while (word_end < rest.size() && std::isalnum(static_cast<unsigned char>(rest[word_end]))) ++word_end;
  const std::string_view first = rest.substr(0, word_end);
  static constexpr std::string_view kWeekdays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  const bool weekday = std::any_of(std::begin(kWeekdays), std::end(kWeekdays),
                                   [&](std::string_view d) { return first.substr(0, 3) == d; });
  const bool opens_with_date = month_from_name(first) != 0 || weekday ||
                               (!first.empty() && std::isdigit(static_cast<unsigned char>(first[0])));
  if (!opens_with_date) return std::nullopt;
  // Only the head of the paragraph: "January 3, 2022  By …" — the date within its first words.
  return parse_metadata_date(rest.substr(0, std::min<size_t>(rest.size(), 40)));
}

std::vector<Span> cut_long_span(std::string_view text, Span span, size_t max_bytes) {
  std::vector<Span> pieces;
  if (max_bytes == 0 || span.end - span.begin <= max_bytes) {
    pieces.push_back(span);
    return pieces;
  }
  size_t begin = span.begin;
  while (begin < span.end) {
    while (begin < span.end && text[begin] == ' ') ++begin;
    if (begin == span.end) break;
    if (span.end - begin <= max_bytes) {
      size_t end = span.end;
      while (end > begin && text[end - 1] == ' ') --end;
      pieces.push_back({begin, end});
      break;
    }
    size_t cut = text.rfind(' ', begin + max_bytes);
    if (cut == std::string_view::npos || cut <= begin) {
      // No space: at the last UTF-8 character start within the limit.
      cut = begin + max_bytes;
      while (cut > begin && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
      if (cut == begin) cut = begin + max_bytes;  // not UTF-8 after all: cut where the limit says
    }
    size_t end = cut;
    while (end > begin && text[end - 1] == ' ') --end;
    pieces.push_back({begin, end});
    begin = cut;
  }
  return pieces;
}

CleanText clean_plain_text(std::string_view raw, size_t begin, size_t end, DecodeStats* stats) {
  return clean_text(strip_markup(decode_utf8(raw, begin, end, stats)));
}

AnalyzedArticle analyze_article(Article article, const Limits& limits) {
  AnalyzedArticle result;
  result.warnings = std::move(article.warnings);

  DecodeStats decode_stats;
  if (article.kind == ContentKind::kHtml) {
    const MappedText decoded = decode_utf8(article.raw, article.body_offset, article.raw.size(), &decode_stats);
    PageContent page = extract_page_content(decoded, limits.max_html_depth);
    if (page.flattened_tags > 0) {
      result.warnings.push_back(fmt::format("HTML nested deeper than {} levels (--max-html-depth): {} tag(s) flattened, their text kept",
                                            limits.max_html_depth, page.flattened_tags));
    }
    if (!article.title && page.title) article.title = std::move(page.title);
    if (!article.url && page.url) article.url = std::move(page.url);
    if (!article.outlet && page.site_name) article.outlet = std::move(page.site_name);
    if (!article.published && page.published) {
      article.published = page.published;
      article.published_from = PublishedFrom::kMetadata;
    }
    result.clean = clean_text(page.text);
  } else {
    result.clean = clean_plain_text(article.raw, article.body_offset, article.raw.size(), &decode_stats);
  }
  // An outlet named by neither the feed nor the page is known by its URL's host.
  if (!article.outlet && article.url) article.outlet = url_host(*article.url);
  if (decode_stats.invalid_sequences > 0) {
    result.warnings.push_back(fmt::format("{} invalid UTF-8 sequence(s) replaced by U+FFFD", decode_stats.invalid_sequences));
  }

  const CleanText& clean = result.clean;
  if (!article.published) {
    for (size_t p = 0; p < clean.paragraphs.size() && p < kBylineParagraphs; ++p) {
      const Paragraph& paragraph = clean.paragraphs[p];
      if (auto date = byline_date(clean.text.view().substr(paragraph.begin, paragraph.end - paragraph.begin))) {
        article.published = date;
        article.published_from = PublishedFrom::kText;
        break;
      }
    }
  }
  if (clean.dropped_code_lines > 0) {
    result.warnings.push_back(fmt::format("{} line(s) of leaked JavaScript/CSS dropped", clean.dropped_code_lines));
  }
  if (clean.removed_template_tags > 0) {
    result.warnings.push_back(fmt::format("{} template tag(s) removed", clean.removed_template_tags));
  }
  if (clean.text.empty()) result.warnings.push_back("no text left after cleaning");

  std::map<std::string, size_t> bytes_by_language;
  size_t long_sentences = 0;
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
    for (const Span& whole : split_sentences(paragraph_text)) {
      if (whole.end - whole.begin > limits.max_sentence_bytes) ++long_sentences;
      for (const Span& span : cut_long_span(paragraph_text, whole, limits.max_sentence_bytes)) {
        Sentence sentence;
        sentence.begin = paragraph.begin + span.begin;
        sentence.end = paragraph.begin + span.end;
        sentence.raw = clean.text.to_raw(sentence.begin, sentence.end);
        sentence.paragraph = p;
        sentence.english = english;
        result.sentences.push_back(sentence);
      }
    }
  }
  if (long_sentences > 0) {
    result.warnings.push_back(fmt::format("{} sentence(s) longer than {} bytes (--max-sentence-bytes) cut into pieces",
                                          long_sentences, limits.max_sentence_bytes));
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
