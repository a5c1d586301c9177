// Paragraph language identification (Google's CLD2), so that non-English paragraphs stay out of
// English extraction but are kept, and reported, in the record.
#pragma once

#include <string>
#include <string_view>

namespace salvo {

struct LanguageGuess {
  std::string code;  // ISO 639-1 ("en", "ar", "ku") or "und"
  bool reliable = false;
};

// Short or mixed text that CLD2 cannot call reliably falls back on its dominant script: Arabic
// script → "ar", Latin → "en" (the language of the corpus), anything else "und".
LanguageGuess detect_language(std::string_view utf8_text);

}  // namespace salvo
