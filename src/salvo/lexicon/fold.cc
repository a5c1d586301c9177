#include "salvo/lexicon/fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>
#include <cstring>
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
  uint32_t begin;  // range in the character-folded buffer
  uint32_t end;
  bool hyphen_after;
};

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

// ASCII letters and digits folded (lower case); 0 for every other byte. The fold's fast path.
constexpr std::array<char, 256> make_ascii_fold() {
  std::array<char, 256> fold{};
  for (int c = '0'; c <= '9'; ++c) fold[static_cast<size_t>(c)] = static_cast<char>(c);
  for (int c = 'a'; c <= 'z'; ++c) fold[static_cast<size_t>(c)] = fold[static_cast<size_t>(c - 32)] = static_cast<char>(c);
  return fold;
}
constexpr std::array<char, 256> kAsciiFold = make_ascii_fold();

// ASCII letters only: the C locale's isalpha/isupper, without the locale call.
inline bool ascii_alpha(unsigned char c) { return static_cast<unsigned char>((c | 0x20) - 'a') < 26; }
inline bool ascii_upper(unsigned char c) { return static_cast<unsigned char>(c - 'A') < 26; }

// Pass-1 buffers, reused across calls: the fold runs once per article on the hot path.
struct FoldScratch {
  std::vector<char> chars;
  std::vector<uint32_t> cb, ce;
  std::vector<Word> words;
};

}  // namespace

FoldedText fold_text(std::string_view s) {
  // Pass 1: fold characters into `chars`, recording source offsets and word boundaries.
  // Written by index into buffers sized for the ASCII case (one folded byte per source byte at
  // most); only non-ASCII code points, which may fold to more bytes than they had, check room.
  thread_local FoldScratch scratch;
  std::vector<char>& chars_buf = scratch.chars;
  std::vector<uint32_t>& cb_buf = scratch.cb;
  std::vector<uint32_t>& ce_buf = scratch.ce;
  std::vector<Word>& words = scratch.words;
  words.clear();
  if (chars_buf.size() < s.size() + 16) {
    chars_buf.resize(s.size() + 16);
    cb_buf.resize(s.size() + 16);
    ce_buf.resize(s.size() + 16);
  }
  char* chars = chars_buf.data();
  uint32_t* cb = cb_buf.data();
  uint32_t* ce = ce_buf.data();
  size_t n = 0;  // folded bytes so far
  constexpr size_t kNoWord = std::string::npos;
  size_t word_start = kNoWord;
  auto close_word = [&](bool hyphen) {
    if (word_start != kNoWord && n > word_start) {
      words.push_back({static_cast<uint32_t>(word_start), static_cast<uint32_t>(n), hyphen});
    }
    word_start = kNoWord;
  };
  const auto* bytes = reinterpret_cast<const unsigned char*>(s.data());
  const auto length = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < length) {
    const unsigned char byte = bytes[i];
    if (const char folded = kAsciiFold[byte]; folded != 0) {
      // A run of ASCII letters and digits: the bulk of news text.
      if (word_start == kNoWord) word_start = n;
      chars[n] = folded;
      cb[n] = static_cast<uint32_t>(i);
      ce[n] = static_cast<uint32_t>(i + 1);
      ++n;
      ++i;
      while (i < length && kAsciiFold[bytes[i]] != 0) {
        chars[n] = kAsciiFold[bytes[i]];
        cb[n] = static_cast<uint32_t>(i);
        ce[n] = static_cast<uint32_t>(i + 1);
        ++n;
        ++i;
      }
      continue;
    }
    if (byte < 0x80) {
      ++i;
      if (byte == '\'' || byte == '`') {
        // dropped inside a word: "Kata'ib"; a possessive "'s" goes whole: "Baghdad's airport".
        if (i < length && bytes[i] == 's' && (i + 1 >= length || !ascii_alpha(bytes[i + 1]))) ++i;
      } else if (byte == '.' && word_start != kNoWord && n - word_start == 1 && i < length && ascii_alpha(bytes[i])) {
        // "U.S.": a period after a one-letter word followed by a letter joins the initials.
      } else {
        close_word(byte == '-');
      }
      continue;
    }
    const int32_t start = i;
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
    if ((c == 0x2019 || c == 0x2018) && i < length && bytes[i] == 's' && (i + 1 >= length || !ascii_alpha(bytes[i + 1]))) {
      ++i;  // possessive with a typographic apostrophe: "Baghdad’s", and the ‘ some copy uses for it
      continue;
    }
    const FoldedChar& f = fold_code_point(c);
    switch (f.cls) {
      case CharClass::kLetter:
        if (word_start == kNoWord) word_start = n;
        if (n + f.text.size() + 1 > chars_buf.size()) {
          const size_t grown = 2 * chars_buf.size() + f.text.size();
          chars_buf.resize(grown);
          cb_buf.resize(grown);
          ce_buf.resize(grown);
          chars = chars_buf.data();
          cb = cb_buf.data();
          ce = ce_buf.data();
        }
        for (char ch : f.text) {
          chars[n] = ch;
          cb[n] = static_cast<uint32_t>(start);
          ce[n] = static_cast<uint32_t>(i);
          ++n;
        }
        break;
      case CharClass::kDrop: break;
      default: close_word(false);
    }
  }
  close_word(false);

  // Pass 2: word rules (articles, compounds), then join with single spaces. Each word adds at
  // most two spaces (before it, and inside a split compound), so the output is sized once.
  FoldedText out;
  const size_t capacity = n + 2 * words.size();
  out.text.resize(capacity);
  out.begin.resize(capacity);
  out.end.resize(capacity);
  char* text_out = out.text.data();
  uint32_t* begin_out = out.begin.data();
  uint32_t* end_out = out.end.data();
  size_t m = 0;  // output bytes so far
  const std::string_view buffer(chars, n);
  auto append_range = [&](size_t b, size_t e) {
    // Words are short: a plain loop beats three memcpy calls.
    for (size_t k = b; k < e; ++k, ++m) {
      text_out[m] = chars[k];
      begin_out[m] = cb[k];
      end_out[m] = ce[k];
    }
  };
  auto append_space = [&](size_t prev_end_src, size_t next_begin_src) {
    text_out[m] = ' ';
    begin_out[m] = static_cast<uint32_t>(prev_end_src);
    end_out[m] = static_cast<uint32_t>(next_begin_src);
    ++m;
  };
  constexpr size_t kNone = static_cast<size_t>(-1);
  size_t article_begin = kNone;  // source start of a dropped article before the current word
  for (size_t w = 0; w < words.size(); ++w) {
    const Word& word = words[w];
    const std::string_view text = buffer.substr(word.begin, word.end - word.begin);
    const bool has_next = w + 1 < words.size();
    // Only two- and three-letter words can be an article; the check is skipped for the rest.
    if (has_next && (text.size() == 2 || text.size() == 3)) {
      const std::string_view next = buffer.substr(words[w + 1].begin, words[w + 1].end - words[w + 1].begin);
      // "ash-Shaddadi" always; "as Sulaymaniyah" only before a capital, so "as soon" keeps its "as".
      const bool capital_next = ascii_upper(bytes[cb[words[w + 1].begin]]);
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
    if (m > 0) append_space(end_out[m - 1], word_source_begin);
    const size_t first_byte = m;
    if (text.size() >= 7 && (text == "airbase" || text == "oilfield" || text == "airfield")) {
      append_range(b, b + 3);
      append_space(ce[b + 2], cb[b + 3]);
      append_range(b + 3, word.end);
    } else {
      append_range(b, word.end);
    }
    begin_out[first_byte] = static_cast<uint32_t>(word_source_begin);
    article_begin = kNone;
  }
  out.text.resize(m);
  out.begin.resize(m);
  out.end.resize(m);
  return out;
}

std::string fold_name(std::string_view s) { return fold_text(s).text; }

}  // namespace salvo
