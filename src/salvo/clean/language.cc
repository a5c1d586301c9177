#include "salvo/clean/language.h"

#include <cld2/public/compact_lang_det.h>
#include <malloc.h>

#include <array>

#include "salvo/base/ascii.h"
#include "salvo/base/utf8.h"

namespace salvo {
namespace {

enum class Script { kLatin, kArabic, kOther, kNone };

Script dominant_script(std::string_view s) {
  size_t latin = 0, arabic = 0, other = 0;
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ++latin;
      ++i;
    } else if (c >= 0xD8 && c <= 0xDB) {  // U+0600–U+06FF: Arabic block
      ++arabic;
      i += 2;
    } else if (c >= 0xC3 && c <= 0xC9) {  // Latin-1 supplement and Latin extended
      ++latin;
      i += 2;
    } else {
      if (c >= 0xE0) ++other;
      i += c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    }
  }
  if (latin + arabic + other == 0) return Script::kNone;
  if (arabic > latin && arabic >= other) return Script::kArabic;
  if (latin >= other) return Script::kLatin;
  return Script::kOther;
}

// English function words that other languages written in Latin script rarely use as words.
constexpr std::array<std::string_view, 20> kEnglishFunctionWords = {
    "the", "and", "of", "to", "was", "were", "with", "that", "said", "from",
    "have", "has", "for", "is", "are", "by", "which", "been", "this", "they"};

bool is_english_function_word(std::string_view lowered) {
  for (std::string_view w : kEnglishFunctionWords) {
    // The first letter before the whole word: most words differ there, and this runs on each.
    if (w[0] == lowered[0] && w == lowered) return true;
  }
  return false;
}

}  // namespace

bool is_plainly_english(std::string_view text) {
  size_t words = 0, function_words = 0, the = 0, foreign = 0;
  std::array<char, 8> lowered{};
  for (size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (is_ascii_alpha(static_cast<char>(c))) {
      const size_t begin = i;
      while (i < text.size() && is_ascii_alpha(text[i])) ++i;
      ++words;
      const size_t length = i - begin;
      if (length <= 5) {
        for (size_t k = 0; k < length; ++k) lowered[k] = to_lower_ascii(text[begin + k]);
        const std::string_view word(lowered.data(), length);
        if (is_english_function_word(word)) {
          ++function_words;
          the += word == "the";
        }
      }
    } else if (c < 0x80) {
      ++i;
    } else {
      // General punctuation (U+2000–U+206F: curly quotes, dashes) is at home in English text;
      // any other non-ASCII character is a letter of some other alphabet or accent.
      const bool punctuation = c == 0xE2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x81;
      foreign += !punctuation;
      i += utf8_length(c);
    }
  }
  return words >= kPlainlyEnglishMinWords && foreign * 100 <= words && the >= 1 && function_words * 10 >= words;
}

LanguageGuess detect_language(std::string_view text) {
  // CLD2 allocates and frees a few hundred KB of scoring tables per call. With glibc's default
  // trim threshold every free handed that memory back to the kernel and the next call asked for it
  // again (brk, page faults): measured as 2/3 of the clean stage (perf, bench/stages_bench). Keep up
  // to 64 MB of freed heap instead; set once, before the first call.
  static const bool heap_kept = mallopt(M_TRIM_THRESHOLD, 64 << 20) == 1;
  (void)heap_kept;
  // Most paragraphs of an English corpus say so in their function words; CLD2 was the clean stage's
  // largest cost and is kept for the rest. build/language_gate counts where the two differ.
  if (is_plainly_english(text)) return {"en", true};
  return detect_language_cld2(text);
}

LanguageGuess detect_language_cld2(std::string_view text) {
  bool reliable = false;
  const CLD2::Language language =
      CLD2::DetectLanguage(text.data(), static_cast<int>(text.size()), /*is_plain_text=*/true, &reliable);
  if (reliable && language != CLD2::UNKNOWN_LANGUAGE) {
    return {CLD2::LanguageCode(language), true};
  }
  switch (dominant_script(text)) {
    case Script::kArabic: return {"ar", false};
    case Script::kLatin: return {"en", false};
    default: return {"und", false};
  }
}

}  // namespace salvo
