#include "salvo/clean/language.h"

#include <cld2/public/compact_lang_det.h>
#include <malloc.h>

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

}  // namespace

LanguageGuess detect_language(std::string_view text) {
  // CLD2 allocates and frees a few hundred KB of scoring tables per call. With glibc's default
  // trim threshold every free handed that memory back to the kernel and the next call asked for it
  // again (brk, page faults): measured as 2/3 of the clean stage (perf, bench/stages_bench). Keep up
  // to 64 MB of freed heap instead; set once, before the first call.
  static const bool heap_kept = mallopt(M_TRIM_THRESHOLD, 64 << 20) == 1;
  (void)heap_kept;
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
