#include "salvo/evaluate/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>

namespace salvo {
namespace {

// Lower case without accents: NFD, drop the combining marks, fold case.
std::string fold_case_and_accents(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  if (U_SUCCESS(status)) {
    icu::UnicodeString decomposed = nfd->normalize(text, status);
    if (U_SUCCESS(status)) text = decomposed;
  }
  icu::UnicodeString kept;
  for (int32_t i = 0; i < text.length();) {
    const UChar32 c = text.char32At(i);
    if (u_charType(c) != U_NON_SPACING_MARK) kept.append(c);
    i += U16_LENGTH(c);
  }
  kept.foldCase();
  std::string out;
  kept.toUTF8String(out);
  return out;
}

bool is_hyphen_at(std::string_view s, size_t i, size_t& length) {
  if (s[i] == '-') return length = 1, true;
  // U+2010 HYPHEN, U+2011 NON-BREAKING HYPHEN: E2 80 90 / E2 80 91.
  if (s.compare(i, 3, "\xE2\x80\x90") == 0 || s.compare(i, 3, "\xE2\x80\x91") == 0) return length = 3, true;
  return false;
}

bool is_space_at(std::string_view s, size_t i, size_t& length) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return length = 1, true;
  if (s.compare(i, 2, "\xC2\xA0") == 0) return length = 2, true;  // no-break space
  return false;
}

}  // namespace

std::vector<std::string> scoring_words(std::string_view utf8) {
  const std::string folded = fold_case_and_accents(utf8);
  // Hyphens separate words like spaces do: "Deir ez-Zor" = "Deir ez Zor".
  std::vector<std::string> words;
  std::string current;
  auto flush = [&] {
    if (!current.empty()) words.push_back(std::move(current));
    current.clear();
  };
  for (size_t i = 0; i < folded.size();) {
    size_t length = 0;
    if (is_hyphen_at(folded, i, length)) {
      flush();
      i += length;
    } else if (is_space_at(folded, i, length)) {
      flush();
      i += length;
    } else {
      current.push_back(folded[i++]);
    }
  }
  flush();

  std::vector<std::string> out;
  for (size_t i = 0; i < words.size(); ++i) {
    // The article: "al-Asad" and "Al Asad" alike; a lone trailing "al" is kept (nothing follows).
    if (words[i] == "al" && i + 1 < words.size()) continue;
    if (words[i] == "airbase") {
      out.emplace_back("air");
      out.emplace_back("base");
      continue;
    }
    out.push_back(std::move(words[i]));
  }
  return out;
}

std::string normalize_name_for_scoring(std::string_view utf8) {
  std::string out;
  for (const std::string& word : scoring_words(utf8)) {
    if (!out.empty()) out.push_back(' ');
    out += word;
  }
  return out;
}

bool names_contain_one_another(std::string_view a, std::string_view b) {
  std::vector<std::string> x = scoring_words(a);
  std::vector<std::string> y = scoring_words(b);
  if (x.empty() || y.empty()) return false;
  if (x.size() < y.size()) std::swap(x, y);
  return std::search(x.begin(), x.end(), y.begin(), y.end()) != x.end();
}

}  // namespace salvo
