#include "salvo/lexicon/fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>
#include <cctype>
#include <unordered_map>

namespace salvo {
namespace {

enum class CharClass { kLetter, kDrop, kSpace, kPeriod };

struct FoldedChar {
  std::string text;  // folded UTF-8 (empty for kDrop/kSpace)
  CharClass cls;
};

bool is_arabic(UChar32 c) { return c >= 0x0600 && c <= 0x06FF; }

// Folds one non-ASCII code point. Cached: news text repeats a small set of them.
const FoldedChar& fold_code_point(UChar32 c) {
  thread_local std::unordered_map<UChar32, FoldedChar> cache;
  auto it = cache.find(c);
  if (it != cache.end()) return it->second;
  FoldedChar folded{"", CharClass::kSpace};
  switch (c) {
    case 0x2018: case 0x2019: case 0x02BC: case 0x02BE: case 0x02BF: case 0x00B4: case 0x0060:
    case 0x02B9: case 0x02BB: case 0x0640:  // transliteration marks, tatweel
    case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0xFEFF:  // invisible
      folded.cls = CharClass::kDrop;
      break;
    default:
      if (is_arabic(c)) {
        if ((c >= 0x064B && c <= 0x065F) || c == 0x0670) {
          folded.cls = CharClass::kDrop;  // harakat (vowel marks)
        } else if (c == 0x0623 || c == 0x0625 || c == 0x0622 || c == 0x0671) {
          folded = {"\xD8\xA7", CharClass::kLetter};  // alef forms → ا
        } else if (c == 0x0649) {
          folded = {"\xD9\x8A", CharClass::kLetter};  // alef maqsura → ي
        } else if (c == 0x0629) {
          folded = {"\xD9\x87", CharClass::kLetter};  // teh marbuta → ه
        } else if (u_isalnum(c)) {
          icu::UnicodeString(c).toUTF8String(folded.text);
          folded.cls = CharClass::kLetter;
        }
      } else if (u_isalnum(c)) {
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
        icu::UnicodeString decomposed;
        if (U_FAILURE(status) || !nfd->getDecomposition(c, decomposed)) decomposed = icu::UnicodeString(c);
        icu::UnicodeString base;
        for (int32_t i = 0; i < decomposed.length();) {
          const UChar32 d = decomposed.char32At(i);
          if (u_getCombiningClass(d) == 0 && u_charType(d) != U_NON_SPACING_MARK) base.append(d);
          i += U16_LENGTH(d);
        }
        base.foldCase();
        base.toUTF8String(folded.text);
        folded.cls = folded.text.empty() ? CharClass::kDrop : CharClass::kLetter;
      } else if (u_charType(c) == U_NON_SPACING_MARK) {
        folded.cls = CharClass::kDrop;
      }
  }
  return cache.emplace(c, std::move(folded)).first->second;
}

struct Word {
  size_t begin;  // range in the character-folded buffer
  size_t end;
  bool hyphen_after;
};

bool word_is(std::string_view buffer, const Word& w, std::string_view s) {
  return buffer.substr(w.begin, w.end - w.begin) == s;
}

// The Arabic article before a sun letter is assimilated: "ash-Shaddadah", "as Sulaymaniyah",
// "ar-Ramadi". Returns whether `article` assimilates to the start of `next`.
bool is_assimilated_article(std::string_view article, std::string_view next) {
  static constexpr std::array<std::string_view, 9> kArticles = {"ash", "as", "ad", "ar", "at", "az", "an", "adh", "ath"};
  bool known = false;
  for (std::string_view a : kArticles) known |= article == a;
  if (!known) return false;
  const std::string_view consonant = article.substr(1);  // "sh", "s", "d", "dh", …
  return next.size() > consonant.size() && next.substr(0, consonant.size()) == consonant;
}

}  // namespace

FoldedText fold_text(std::string_view s) {
  // Pass 1: fold characters into `chars`, recording source offsets and word boundaries.
  std::string chars;
  std::vector<uint32_t> cb, ce;
  chars.reserve(s.size());
  cb.reserve(s.size());
  ce.reserve(s.size());
  std::vector<Word> words;
  size_t word_start = std::string::npos;
  auto close_word = [&](bool hyphen) {
    if (word_start != std::string::npos && chars.size() > word_start) words.push_back({word_start, chars.size(), hyphen});
    word_start = std::string::npos;
  };
  auto emit = [&](std::string_view text, size_t src_begin, size_t src_end) {
    if (word_start == std::string::npos) word_start = chars.size();
    for (char ch : text) {
      chars.push_back(ch);
      cb.push_back(static_cast<uint32_t>(src_begin));
      ce.push_back(static_cast<uint32_t>(src_end));
    }
  };
  const auto length = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    const auto byte = static_cast<unsigned char>(s[static_cast<size_t>(i)]);
    if (byte < 0x80) {
      ++i;
      if ((byte >= 'a' && byte <= 'z') || (byte >= '0' && byte <= '9')) {
        const char ch = static_cast<char>(byte);
        emit(std::string_view(&ch, 1), start, i);
      } else if (byte >= 'A' && byte <= 'Z') {
        const char ch = static_cast<char>(byte + 32);
        emit(std::string_view(&ch, 1), start, i);
      } else if (byte == '\'' || byte == '`') {
        // dropped inside a word: "Kata'ib"; a possessive "'s" goes whole: "Baghdad's airport".
        if (i < length && s[static_cast<size_t>(i)] == 's' &&
            (i + 1 >= length || !std::isalpha(static_cast<unsigned char>(s[static_cast<size_t>(i) + 1])))) {
          ++i;
        }
      } else if (byte == '.' && word_start != std::string::npos && chars.size() - word_start == 1 && i < length &&
                 std::isalpha(static_cast<unsigned char>(s[static_cast<size_t>(i)]))) {
        // "U.S.": a period after a one-letter word followed by a letter joins the initials.
      } else {
        close_word(byte == '-');
      }
      continue;
    }
    UChar32 c;
    U8_NEXT(s.data(), i, length, c);
    if (c < 0) {
      close_word(false);
      continue;
    }
    if (c == 0x2010 || c == 0x2011 || c == 0x2013) {  // hyphens and en dash join like '-'
      close_word(true);
      continue;
    }
    if (c == 0x2019 && i < length && s[static_cast<size_t>(i)] == 's' &&
        (i + 1 >= length || !std::isalpha(static_cast<unsigned char>(s[static_cast<size_t>(i) + 1])))) {
      ++i;  // possessive with a typographic apostrophe: "Baghdad’s"
      continue;
    }
    const FoldedChar& f = fold_code_point(c);
    switch (f.cls) {
      case CharClass::kLetter: emit(f.text, start, i); break;
      case CharClass::kDrop: break;
      default: close_word(false);
    }
  }
  close_word(false);

  // Pass 2: word rules (articles, compounds), then join with single spaces.
  FoldedText out;
  out.text.reserve(chars.size() + words.size());
  out.begin.reserve(chars.size() + words.size());
  out.end.reserve(chars.size() + words.size());
  std::string_view buffer(chars);
  auto append_range = [&](size_t b, size_t e) {
    out.text.append(buffer.substr(b, e - b));
    out.begin.insert(out.begin.end(), cb.begin() + static_cast<long>(b), cb.begin() + static_cast<long>(e));
    out.end.insert(out.end.end(), ce.begin() + static_cast<long>(b), ce.begin() + static_cast<long>(e));
  };
  auto append_space = [&](size_t prev_end_src, size_t next_begin_src) {
    out.text.push_back(' ');
    out.begin.push_back(static_cast<uint32_t>(prev_end_src));
    out.end.push_back(static_cast<uint32_t>(next_begin_src));
  };
  constexpr size_t kNone = static_cast<size_t>(-1);
  size_t article_begin = kNone;  // source start of a dropped article before the current word
  for (size_t w = 0; w < words.size(); ++w) {
    const Word& word = words[w];
    std::string_view text = buffer.substr(word.begin, word.end - word.begin);
    const bool has_next = w + 1 < words.size();
    if (has_next) {
      const std::string_view next = buffer.substr(words[w + 1].begin, words[w + 1].end - words[w + 1].begin);
      // "ash-Shaddadi" always; "as Sulaymaniyah" only before a capital, so "as soon" keeps its "as".
      const bool capital_next = std::isupper(static_cast<unsigned char>(s[cb[words[w + 1].begin]]));
      if (text == "al" || text == "el" ||
          ((word.hyphen_after || capital_next) && is_assimilated_article(text, next))) {
        // Drop the article from the folded text but keep its bytes in the next word's source
        // span, so that a match on "asad" reports "Al-Asad".
        if (article_begin == kNone) article_begin = cb[word.begin];
        continue;
      }
    }
    size_t b = word.begin;
    // Arabic-script article "ال" on a word of three or more letters after it.
    if (text.size() >= 4 + 6 && text.substr(0, 4) == "\xD8\xA7\xD9\x84") b += 4;
    const size_t word_source_begin = article_begin != kNone ? article_begin : cb[b];
    if (!out.text.empty()) append_space(out.end.back(), word_source_begin);
    const size_t first_byte = out.text.size();
    if (word_is(buffer, word, "airbase")) {
      append_range(b, b + 3);
      append_space(ce[b + 2], cb[b + 3]);
      append_range(b + 3, word.end);
    } else if (word_is(buffer, word, "oilfield") || word_is(buffer, word, "airfield")) {
      append_range(b, b + 3);
      append_space(ce[b + 2], cb[b + 3]);
      append_range(b + 3, word.end);
    } else {
      append_range(b, word.end);
    }
    out.begin[first_byte] = static_cast<uint32_t>(word_source_begin);
    article_begin = kNone;
  }
  return out;
}

std::string fold_name(std::string_view s) { return fold_text(s).text; }

}  // namespace salvo
