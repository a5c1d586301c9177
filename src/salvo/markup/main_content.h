// Main-content extraction from a web page: the article body without navigation, ads, scripts,
// related-story lists or comments, plus the page's title, canonical URL and publication date.
//
// The method is readability's, on gumbo's DOM: drop boilerplate elements (by tag, class/id/role,
// hidden), score each paragraph (length, commas) into its ancestors, discount link-heavy
// containers, pick the best container (with <article> and articleBody hints), add qualifying
// siblings, then clean its inside (link lists, share bars, the repeated headline) before output.
// See main_content_reduce.h for how the page is slimmed before parsing, and
// bench/html-extraction for its score against other extractors.
#pragma once

#include <optional>
#include <string>

#include "salvo/base/date.h"
#include "salvo/base/mapped_text.h"
#include "salvo/markup/main_content_reduce.h"

namespace salvo {

struct PageContent {
  MappedText text;  // the article body; paragraphs separated by blank lines; offsets into the page
  std::optional<std::string> title;
  std::optional<std::string> url;  // <link rel=canonical> or og:url
  std::optional<std::string> site_name;  // og:site_name
  // From article:published_time, JSON-LD datePublished, <time datetime>, or similar metadata.
  std::optional<Date> published;
  size_t flattened_tags = 0;  // start tags flattened for nesting deeper than the limit (reduce_page)
};

// `page` is the decoded page (see decode_utf8); offsets in the result map through it to raw bytes.
// Never fails: a page without recognisable content yields empty text.
PageContent extract_page_content(const MappedText& page, int max_depth = kDefaultMaxHtmlDepth);

}  // namespace salvo
