// The one name folder: how Salvo compares names. "Ain Al-Asad airbase", "Ayn al Asad Air Base"
// and "AIN AL ASAD AIR BASE" fold to the same string; so do "Kata'ib Hizballah" and "Kataib
// Hizballah", "U.S." and "US", "Irbil" in any case, and Arabic with or without its vowel marks.
//
// Rules, in order:
//  - case folded; Latin diacritics removed ("Ḩasakah" → "hasakah");
//  - apostrophes and the ʿ ʾ ‘ ’ marks of transliteration dropped ("Kata'ib" → "kataib");
//  - periods inside initialisms dropped ("U.S." → "us"); other punctuation, hyphens and
//    whitespace become one space;
//  - the Arabic article dropped: "al"/"el" before any word, and "ash", "as", "ad", "ar", "at",
//    "az", "an", "adh", "ath" when hyphenated or assimilated ("ash Shaddadah", "ar-Ramadi");
//    Arabic script: vowel marks and tatweel removed, alef forms unified, "ال" prefix dropped;
//  - compounds news writes both ways are split: "airbase" → "air base", "oilfield" → "oil field".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace salvo {

struct FoldedText {
  std::string text;               // words separated by single spaces, no leading/trailing space
  std::vector<uint32_t> begin;    // per folded byte: first byte of its source in the input
  std::vector<uint32_t> end;      // per folded byte: one past the last byte of its source
  // Source byte range of folded[b, e) (e > b).
  std::pair<size_t, size_t> source_span(size_t b, size_t e) const { return {begin[b], end[e - 1]}; }
};

FoldedText fold_text(std::string_view utf8);
// The same into `out`, reusing its buffers: for a caller that folds article after article.
void fold_text(std::string_view utf8, FoldedText& out);
std::string fold_name(std::string_view utf8);  // fold_text(...).text

}  // namespace salvo
