// First step of main-content extraction: a lighter copy of the page for the HTML parser.
//
// Gumbo is a conforming parser but reads ~20 MB/s, and two thirds of a news page's bytes are
// scripts, styles, inline SVG and attributes no extractor looks at. `reduce_page` drops those in
// one linear scan before parsing, so the parser sees about a sixth of the bytes. Every byte kept
// is still traced to the page (and through it to the raw input); rewritten tags map onto the
// whole original tag.
#pragma once

#include <string>
#include <vector>

#include "salvo/base/mapped_text.h"

namespace salvo {

struct ReducedPage {
  // The page as HTML again: scripts, styles, comments, SVG/MathML, form controls and embeds are
  // gone; tags keep only the attributes extraction reads (class, id, role, itemprop, …); runs of
  // whitespace outside <pre> are one space; <meta>/<link> only when they carry page metadata.
  MappedText html;
  // Bodies of <script type="application/ld+json">, the structured data publishers add for
  // search engines (headline, datePublished, sometimes the whole articleBody).
  std::vector<std::string> json_ld;
  size_t flattened_tags = 0;  // start tags dropped for nesting deeper than the limit
};

// Nesting deeper than `max_depth` is flattened (further start tags and their end tags are
// dropped, their text kept): real pages stay under ~60 levels, and the parser's scope checks are
// linear in depth.
inline constexpr int kDefaultMaxHtmlDepth = 400;

ReducedPage reduce_page(const MappedText& page, int max_depth = kDefaultMaxHtmlDepth);

}  // namespace salvo
