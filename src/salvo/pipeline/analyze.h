// The text half of the pipeline, stage after stage:
//   Article → decode_utf8 → strip_markup | extract_page_content → clean_text → split_sentences
// Each stage is a function of plain values; this file only chains them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "salvo/base/mapped_text.h"
#include "salvo/clean/cleaner.h"
#include "salvo/ingest/article.h"
#include "salvo/markup/decode.h"
#include "salvo/pipeline/limits.h"
#include "salvo/text/sentences.h"

namespace salvo {

struct Sentence {
  size_t begin = 0;  // byte range in the clean text
  size_t end = 0;
  RawSpan raw;       // the raw bytes it came from
  size_t paragraph = 0;
  bool english = true;  // false for sentences of non-English paragraphs (kept out of extraction)
};

struct AnalyzedArticle {
  Article article;  // metadata completed from the page (title, date) for HTML
  CleanText clean;
  std::vector<Sentence> sentences;
  std::string language;  // of most of the text
  std::vector<std::string> warnings;

  std::string_view sentence_text(const Sentence& s) const {
    return clean.text.view().substr(s.begin, s.end - s.begin);
  }
};

// Within `limits` (sentence length, HTML depth); each limit met is a warning of the result.
AnalyzedArticle analyze_article(Article article, const Limits& limits = {});

// `span` of `text` cut into pieces of at most `max_bytes` bytes: each ends after the last space
// that keeps it within the limit, or, in a run without one, at the last character boundary.
// Spaces at the cuts are left out. A span within the limit comes back whole.
std::vector<Span> cut_long_span(std::string_view text, Span span, size_t max_bytes);

// The date of a byline or dateline paragraph, the way a page without metadata prints its
// publication date: "Published: Feb 23, 2021 03:58 PM", "January 3, 2022  By Qassim Abdul-zahra,
// The Associated Press", "Updated 23 November 2023". Nothing for a paragraph that only mentions a
// date ("… at Al Asad Air Base, Iraq, Jan. 27, 2021." is a photo caption).
std::optional<Date> byline_date(std::string_view paragraph);

// The text path alone: raw[begin, end) of a plain-text article (which may carry stray tags and
// entities) → clean text. Cleaning any sentence's raw span this way gives back the sentence.
CleanText clean_plain_text(std::string_view raw, size_t begin, size_t end, DecodeStats* stats = nullptr);

}  // namespace salvo
