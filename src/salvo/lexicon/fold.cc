#include "salvo/lexicon/fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>
#include <cstring>
#include <unordered_map>

#include "salvo/base/ascii8.h"
#include "salvo/base/literal.h"

namespace salvo {
namespace {

enum class CharClass { kLetter, kDrop, kSpace, kPeriod };

struct FoldedChar {
  std::string text;  // folded UTF-8 (empty for kDrop/kSpace)
  CharClass cls;
};

bool is_arabic(UChar32 c) { return c >= 0x0600 && c <= 0x06FF; }

const FoldedChar& fold_code_point_from_map(UChar32 c);

// Folds one non-ASCII code point. Cached: news text repeats a small set of them. The two-byte
// characters (Latin accents, Arabic) and general punctuation (’ “ ” —) are looked up in flat
// tables, since an article with an Arabic paragraph folds hundreds of them.
const FoldedChar& fold_code_point(UChar32 c) {
  thread_local std::array<const FoldedChar*, 0x800> two_byte{};
  thread_local std::array<const FoldedChar*, 0x80> punctuation{};  // U+2000–U+207F
  const FoldedChar** slot = c < 0x800 ? &two_byte[static_cast<size_t>(c)]
                            : c >= 0x2000 && c < 0x2080 ? &punctuation[static_cast<size_t>(c - 0x2000)]
                                                        : nullptr;
  if (slot == nullptr) return fold_code_point_from_map(c);
  if (*slot == nullptr) *slot = &fold_code_point_from_map(c);
  return **slot;
}

const FoldedChar& fold_code_point_from_map(UChar32 c) {
  thread_local std::unordered_map<UChar32, FoldedChar> cache;  // its elements never move
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

// The Arabic article before a sun letter is assimilated: "ash-Shaddadah", "as Sulaymaniyah",
// "ar-Ramadi". Returns whether `article` assimilates to the start of `next`.
bool is_assimilated_article(std::string_view article, std::string_view next) {
  if (article[0] != 'a' || next.size() < 2) return false;  // every article is "a" + consonant(s)
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

constexpr size_t kNone = static_cast<size_t>(-1);

// Folds the run of ASCII letters and digits at in[i] into t, b, e; returns where the run ends.
// `| 0x20` lowers a letter and leaves a digit as it is. A function of its own so that its
// pointers stay in registers: in fold_text's loop the char stores could alias them.
// Eight bytes at a time while eight are left: all eight are written (the caller has made room
// for the rest of the input) and the run's length, one count of zeros, says how many count. A
// loop byte by byte mispredicts its exit at the end of nearly every word, and that cost the fold
// more than its stores.
inline size_t fold_ascii_run(const unsigned char* in, size_t i, size_t length, char* t, uint32_t* b, uint32_t* e) {
  size_t k = i;
  if constexpr (ascii8::kUsable) {
    while (length - k >= 8) {
      const uint64_t x = ascii8::load(in + k);
      const size_t run = ascii8::leading(ascii8::letters(x) | ascii8::digits(x));
      const uint64_t lowered = x | 0x20 * ascii8::kOnes;
      std::memcpy(t, &lowered, 8);
      // Offsets k … k + 7 and one past each, four at a time (GCC's and Clang's vector types).
      using Offsets = uint32_t __attribute__((vector_size(16)));
      const auto at = static_cast<uint32_t>(k);
      const Offsets first = Offsets{at, at, at, at} + Offsets{0, 1, 2, 3};
      const Offsets second = first + 4;
      const Offsets first_end = first + 1;
      const Offsets second_end = first + 5;
      std::memcpy(b, &first, 16);
      std::memcpy(b + 4, &second, 16);
      std::memcpy(e, &first_end, 16);
      std::memcpy(e + 4, &second_end, 16);
      t += run;
      b += run;
      e += run;
      k += run;
      if (run < 8) return k;
    }
  }
  while (k < length && kAsciiFold[in[k]] != 0) {
    *t++ = static_cast<char>(in[k] | 0x20);
    *b++ = static_cast<uint32_t>(k);
    *e++ = static_cast<uint32_t>(k + 1);
    ++k;
  }
  return k;
}

// The last word written, kept until the word after it shows whether it is an Arabic article to
// drop ("al Asad", "ash-Shaddadi").
struct WrittenWord {
  size_t out_begin = 0;  // its bytes in the output
  size_t length = 0;
  uint32_t source_begin = 0;    // source offset of its first character
  size_t inherited_article = kNone;  // source start of articles dropped before it
  bool hyphen_after = false;
};

}  // namespace

FoldedText fold_text(std::string_view s) {
  FoldedText out;
  fold_text(s, out);
  return out;
}

// One pass: characters are folded straight into the output, a word at a time. When a word ends,
// the rules that need the next word (the article before it) are settled for the word before it,
// and that word is cut out of the output if it is an article; the rules of the word itself
// (Arabic "ال", compounds) are applied in place.
void fold_text(std::string_view s, FoldedText& out) {
  size_t capacity = s.size() + 16;
  out.text.resize(capacity);
  out.begin.resize(capacity);
  out.end.resize(capacity);
  char* text = out.text.data();
  uint32_t* begin = out.begin.data();
  uint32_t* end = out.end.data();
  size_t m = 0;  // output bytes so far
  // Room for `extra` more bytes. Folding never outgrows the input by much (a space stands for at
  // least one separator byte); only some non-ASCII letters and split compounds add bytes.
  auto grow = [&](size_t extra) {
    capacity = 2 * capacity + extra;
    out.text.resize(capacity);
    out.begin.resize(capacity);
    out.end.resize(capacity);
    text = out.text.data();
    begin = out.begin.data();
    end = out.end.data();
  };
  auto reserve = [&](size_t extra) {
    if (m + extra > capacity) [[unlikely]] grow(extra);
  };
  auto move_bytes = [&](size_t to, size_t from, size_t count) {
    std::memmove(text + to, text + from, count);
    std::memmove(begin + to, begin + from, count * sizeof(uint32_t));
    std::memmove(end + to, end + from, count * sizeof(uint32_t));
  };

  const auto* bytes = reinterpret_cast<const unsigned char*>(s.data());
  size_t word_start = kNone;  // output offset of the open word's first byte
  size_t article_begin = kNone;  // source start of a dropped article before the open word
  WrittenWord previous;
  bool has_previous = false;

  auto open_word = [&] {
    if (m > 0) {
      reserve(1);
      text[m++] = ' ';  // its offsets are set when the word closes
    }
    word_start = m;
  };
  // Inlined: it runs once a word, and as a call it keeps the loop's state out of registers.
  auto close_word = [&](bool hyphen) __attribute__((always_inline)) {
    if (word_start == kNone) return;
    const uint32_t source_begin = begin[word_start];
    std::string_view word(text + word_start, m - word_start);
    // The word before this one, if an article: "al"/"el" before any word; "ash", "as", "ad" …
    // when hyphenated or before a capital ("ash-Shaddadi", "as Sulaymaniyah", not "as soon").
    // Every article starts with 'a' or 'e': one byte settles most words ("of", "the", "and").
    const char previous_first = has_previous ? text[previous.out_begin] : 0;
    if ((previous_first == 'a' || previous_first == 'e') && (previous.length == 2 || previous.length == 3)) {
      const std::string_view article(text + previous.out_begin, previous.length);
      const bool capital_next = ascii_upper(bytes[source_begin]);
      if (is_literal(article, "al") || is_literal(article, "el") ||
          ((previous.hyphen_after || capital_next) && is_assimilated_article(article, word))) {
        // Drop the article from the folded text but keep its bytes in this word's source span,
        // so that a match on "asad" reports "Al-Asad".
        article_begin = previous.inherited_article != kNone ? previous.inherited_article : previous.source_begin;
        const size_t cut = word_start - previous.out_begin;  // the article and the space after it
        move_bytes(previous.out_begin, word_start, m - word_start);
        m -= cut;
        word_start = previous.out_begin;
        word = std::string_view(text + word_start, m - word_start);
      }
    }
    const size_t inherited_article = article_begin;
    const size_t length = word.size();
    // Arabic-script article "ال" on a word of three or more letters after it.
    if (length >= 4 + 6 && is_literal(word.substr(0, 4), "\xD8\xA7\xD9\x84")) {
      move_bytes(word_start, word_start + 4, m - word_start - 4);
      m -= 4;
    }
    const uint32_t word_source_begin = article_begin != kNone ? static_cast<uint32_t>(article_begin) : begin[word_start];
    if (word_start > 0) {
      begin[word_start - 1] = end[word_start - 2];
      end[word_start - 1] = word_source_begin;
    }
    // Compounds news writes both ways: "airbase" → "air base".
    if (length >= 7 && (word[0] == 'a' || word[0] == 'o') &&  // the first letter settles most words
        (is_literal(word, "airbase") || is_literal(word, "oilfield") || is_literal(word, "airfield"))) {
      reserve(1);
      const size_t split = word_start + 3;
      move_bytes(split + 1, split, m - split);
      ++m;
      text[split] = ' ';
      begin[split] = end[split - 1];
      end[split] = begin[split + 1];
    }
    begin[word_start] = word_source_begin;
    article_begin = kNone;
    previous = {word_start, length, source_begin, inherited_article, hyphen};
    has_previous = true;
    word_start = kNone;
  };

  const size_t length = s.size();
  size_t i = 0;
  while (i < length) {
    const unsigned char byte = bytes[i];
    if (kAsciiFold[byte] != 0) {
      // A run of ASCII letters and digits: the bulk of news text. Room for the rest of the input
      // is room for the run.
      if (word_start == kNone) open_word();
      reserve(length - i);
      const size_t k = fold_ascii_run(bytes, i, length, text + m, begin + m, end + m);
      m += k - i;
      i = k;
      // One space and a letter or digit: the usual way a word ends, settled here rather than
      // by the tests below for every other separator.
      if (i + 1 < length && bytes[i] == ' ' && kAsciiFold[bytes[i + 1]] != 0) {
        close_word(false);
        ++i;
      }
      continue;
    }
    if (byte < 0x80) {
      ++i;
      if (byte == '\'' || byte == '`') {
        // dropped inside a word: "Kata'ib"; a possessive "'s" goes whole: "Baghdad's airport".
        if (i < length && bytes[i] == 's' && (i + 1 >= length || !ascii_alpha(bytes[i + 1]))) ++i;
      } else if (byte == '.' && word_start != kNone && m - word_start == 1 && i < length && ascii_alpha(bytes[i])) {
        // "U.S.": a period after a one-letter word followed by a letter joins the initials.
      } else {
        close_word(byte == '-');
      }
      continue;
    }
    const size_t start = i;
    UChar32 c;
    {
      int32_t next = static_cast<int32_t>(i);
      U8_NEXT(s.data(), next, static_cast<int32_t>(length), c);
      i = static_cast<size_t>(next);
    }
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
        if (word_start == kNone) open_word();
        reserve(f.text.size());
        for (char ch : f.text) {
          text[m] = ch;
          begin[m] = static_cast<uint32_t>(start);
          end[m] = static_cast<uint32_t>(i);
          ++m;
        }
        break;
      case CharClass::kDrop: break;
      default: close_word(false);
    }
  }
  close_word(false);
  out.text.resize(m);
  out.begin.resize(m);
  out.end.resize(m);
}

std::string fold_name(std::string_view s) { return fold_text(s).text; }

}  // namespace salvo
