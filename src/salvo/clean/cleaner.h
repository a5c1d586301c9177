// Clean text: what remains of an article body once page furniture, leaked code and template
// residue are gone, whitespace is collapsed, sentence ends are repaired and Unicode is NFC —
// every byte still traced to the raw article.
#pragma once

#include <string>
#include <vector>

#include "salvo/base/mapped_text.h"

namespace salvo {

struct Paragraph {
  size_t begin = 0;  // byte range in CleanText::text
  size_t end = 0;
  std::string language = "en";  // ISO 639-1 ("en", "ar") or "und" when unknown
  bool language_reliable = false;
};

struct CleanText {
  MappedText text;  // paragraphs joined by a blank line
  std::vector<Paragraph> paragraphs;
  size_t dropped_code_lines = 0;       // leaked JavaScript/CSS
  size_t dropped_furniture_lines = 0;  // "Tags:", "With AFP", share buttons …
  size_t removed_template_tags = 0;    // {{^adFree}} …
  size_t removed_social_residue = 0;   // pic.twitter.com links, embedded-tweet signatures
  size_t removed_photo_credits = 0;    // "© NAME / AFP" closing a caption line
};

// Cleans text whose markup is already gone (see strip_markup / extract_page_content).
CleanText clean_text(const MappedText& input);

// Line classifiers, exposed for tests.
bool is_code_line(std::string_view line);
bool is_furniture_line(std::string_view line);

}  // namespace salvo
