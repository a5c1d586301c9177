#include "salvo/recognize/numbers.h"

#include <array>
#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "salvo/base/ascii8.h"
#include "salvo/base/utf8.h"
#include "salvo/time/time_tokens.h"

namespace salvo {

const char* to_string(Qualifier q) {
  switch (q) {
    case Qualifier::kAtLeast: return "at_least";
    case Qualifier::kAbout: return "about";
    default: return "exact";
  }
}

namespace {

// ASCII character tests without the locale calls (the C locale's isalnum/isdigit/isalpha/tolower).
enum : uint8_t { kDigit = 1, kAlpha = 2 };
constexpr std::array<uint8_t, 256> make_char_flags() {
  std::array<uint8_t, 256> flags{};
  for (int c = '0'; c <= '9'; ++c) flags[static_cast<size_t>(c)] = kDigit;
  for (int c = 'a'; c <= 'z'; ++c) flags[static_cast<size_t>(c)] = flags[static_cast<size_t>(c - 32)] = kAlpha;
  return flags;
}
constexpr std::array<uint8_t, 256> kCharFlags = make_char_flags();
inline bool is_digit(unsigned char c) { return kCharFlags[c] & kDigit; }
inline bool is_alpha(unsigned char c) { return kCharFlags[c] & kAlpha; }
inline bool is_alnum(unsigned char c) { return kCharFlags[c] != 0; }
inline char to_lower(unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); }

// The reader's tokens: runs of letters and digits, joined by ',' or '.' between digits ("2,500",
// "3.5") and by '-' before a letter ("twenty-five", "one-way", "5-year"); every other mark is a
// token of its own (a UTF-8 character whole); spaces, tabs and newlines only separate. A token
// is made only where it is read, around a place the time tokens say a number may start, from
// the bytes on either side: a sentence is not tokenized a second time.
struct Token {
  size_t begin, end;
};

bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n'; }

// Whether the byte at `at` (a letter or digit) continues the token of the byte before it.
bool joined_to_previous(std::string_view text, size_t at) {
  if (at == 0) return false;
  const auto c = static_cast<unsigned char>(text[at]);
  const auto previous = static_cast<unsigned char>(text[at - 1]);
  if (is_alnum(previous)) return true;
  if (at < 2 || !is_alnum(static_cast<unsigned char>(text[at - 2]))) return false;
  if (previous == ',' || previous == '.') return is_digit(c) && is_digit(static_cast<unsigned char>(text[at - 2]));
  return previous == '-' && is_alpha(c);
}

// The token that starts at `begin` (not a space).
Token token_at(std::string_view text, size_t begin) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const size_t size = text.size();
  size_t i = begin;
  if (!is_alnum(bytes[i])) return {begin, std::min(size, begin + utf8_length(bytes[i]))};
  // Letters and digits eight bytes at a time; the loop below takes the marks that join runs.
  while (ascii8::kUsable && size - i >= 8) {
    const uint64_t x = ascii8::load(bytes + i);
    const size_t run = ascii8::leading(ascii8::letters(x) | ascii8::digits(x));
    i += run;
    if (run < 8) break;
  }
  while (i < size) {
    const unsigned char d = bytes[i];
    if (is_alnum(d)) {
      ++i;
    } else if (i + 1 < size && is_alnum(bytes[i + 1]) && joined_to_previous(text, i + 1)) {
      i += 2;
    } else {
      break;
    }
  }
  return {begin, i};
}

// The token after `t`, if any.
std::optional<Token> token_after(std::string_view text, const Token& t) {
  size_t i = t.end;
  while (i < text.size() && is_space(static_cast<unsigned char>(text[i]))) ++i;
  if (i == text.size()) return std::nullopt;
  return token_at(text, i);
}

// The token before `t`, if any.
std::optional<Token> token_before(std::string_view text, const Token& t) {
  size_t end = t.begin;
  while (end > 0 && is_space(static_cast<unsigned char>(text[end - 1]))) --end;
  if (end == 0) return std::nullopt;
  size_t begin = end - 1;
  const auto last = static_cast<unsigned char>(text[begin]);
  if (is_alnum(last)) {
    while (joined_to_previous(text, begin)) begin -= is_alnum(static_cast<unsigned char>(text[begin - 1])) ? 1 : 2;
  } else if (last >= 0x80) {
    // Back to the character's first byte (at most three continuation bytes before it).
    while (begin > 0 && end - begin < 4 && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80) --begin;
    if (begin + utf8_length(static_cast<unsigned char>(text[begin])) != end) begin = end - 1;
  }
  return Token{begin, end};
}

// A token's lower-case form; words longer than the buffer keep a truncated form, which is
// harmless: no number word is that long.
class Lowered {
 public:
  Lowered(std::string_view text, const Token& t)
      : length_(static_cast<uint8_t>(std::min<size_t>(t.end - t.begin, sizeof buffer_))) {
    for (size_t k = 0; k < length_; ++k) buffer_[k] = to_lower(static_cast<unsigned char>(text[t.begin + k]));
  }
  std::string_view view() const { return {buffer_, length_}; }

 private:
  char buffer_[24];
  uint8_t length_;
};

// Whether `s` is `lower` (lower case) in any case: "At", "LEAST".
bool equals_lower(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (size_t k = 0; k < s.size(); ++k) {
    if (to_lower(static_cast<unsigned char>(s[k])) != lower[k]) return false;
  }
  return true;
}
bool is(std::string_view text, const std::optional<Token>& t, std::string_view word) {
  return t && equals_lower(text.substr(t->begin, t->end - t->begin), word);
}

// What a number word says; every word the recognizer knows is in one table, so a token costs one
// bucket scan instead of a hash lookup and a dozen string compares.
enum class WordKind : uint8_t { kSmall, kOrdinal, kDozen, kDozens, kScores, kSeveral, kMultiple, kNumerous };
struct NumberWord {
  std::string word;
  WordKind kind;
  long value;
  uint64_t head = 0;  // head_of the word
};

// The first eight bytes of text[begin, begin + size) with `| 0x20`, from the low end (zeros past
// the end). On a token's bytes (letters, digits, ',', '.', '-') `| 0x20` lower-cases letters and
// changes nothing else, so two heads are equal when the words are, in any case.
uint64_t head_of(std::string_view text, size_t begin, size_t size) {
  if (ascii8::kUsable && text.size() - begin >= 8) {
    return ascii8::lowered_head(ascii8::load(reinterpret_cast<const unsigned char*>(text.data() + begin)), size);
  }
  uint64_t head = 0;
  for (size_t k = 0; k < size && k < 8; ++k) {
    head |= static_cast<uint64_t>(static_cast<unsigned char>(text[begin + k]) | 0x20) << (8 * k);
  }
  return head;
}

constexpr size_t kMaxNumberWord = 16;

class NumberWords {
 public:
  NumberWords() {
    // Number words up to ninety-nine, including hyphenated compounds ("twenty-five").
    static constexpr std::array<std::string_view, 20> kUnits = {
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
    static constexpr std::array<std::string_view, 8> kTens = {"twenty", "thirty", "forty", "fifty",
                                                              "sixty", "seventy", "eighty", "ninety"};
    static constexpr std::array<std::string_view, 12> kOrdinals = {
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"};
    std::vector<NumberWord> words;
    for (size_t i = 0; i < kUnits.size(); ++i) words.push_back({std::string(kUnits[i]), WordKind::kSmall, static_cast<long>(i)});
    for (size_t t = 0; t < kTens.size(); ++t) {
      words.push_back({std::string(kTens[t]), WordKind::kSmall, static_cast<long>(20 + 10 * t)});
      for (size_t u = 1; u < 10; ++u) {
        words.push_back({std::string(kTens[t]) + "-" + std::string(kUnits[u]), WordKind::kSmall,
                         static_cast<long>(20 + 10 * t + u)});
      }
    }
    for (size_t i = 0; i < kOrdinals.size(); ++i) words.push_back({std::string(kOrdinals[i]), WordKind::kOrdinal, static_cast<long>(i + 1)});
    words.push_back({"dozen", WordKind::kDozen, 12});
    words.push_back({"dozens", WordKind::kDozens, 24});
    words.push_back({"scores", WordKind::kScores, 40});
    words.push_back({"several", WordKind::kSeveral, 3});
    words.push_back({"multiple", WordKind::kMultiple, 2});
    words.push_back({"numerous", WordKind::kNumerous, 2});
    // Bucketed by (length, first letter): entries_ sorted so each bucket is a contiguous range.
    std::sort(words.begin(), words.end(), [](const NumberWord& a, const NumberWord& b) {
      return std::pair(a.word.size(), a.word[0]) < std::pair(b.word.size(), b.word[0]);
    });
    for (NumberWord& w : words) w.head = head_of(w.word, 0, w.word.size());
    entries_ = std::move(words);
    for (auto& by_letter : ranges_) by_letter.fill({0, 0});
    for (size_t i = 0; i < entries_.size(); ++i) {
      auto& range = ranges_[entries_[i].word.size()][static_cast<size_t>(entries_[i].word[0] - 'a')];
      if (range.second == 0) range.first = static_cast<uint16_t>(i);
      ++range.second;
    }
  }

  // The entry for the token text[t.begin, t.end) in any case ("Three", "DOZENS"), or nullptr.
  const NumberWord* find(std::string_view text, const Token& t) const {
    const size_t size = t.end - t.begin;
    if (size < 3 || size > kMaxNumberWord) return nullptr;
    const auto first = static_cast<unsigned char>(to_lower(static_cast<unsigned char>(text[t.begin])));
    if (first < 'a' || first > 'z') return nullptr;
    const auto [begin, count] = ranges_[size][first - 'a'];
    if (count == 0) return nullptr;
    // The token's first eight bytes against each entry's, as one integer; then the rest.
    const uint64_t head = head_of(text, t.begin, size);
    for (size_t i = begin; i < begin + count; ++i) {
      if (entries_[i].head == head &&
          (size <= 8 || equals_lower(text.substr(t.begin + 8, size - 8), std::string_view(entries_[i].word).substr(8)))) {
        return &entries_[i];
      }
    }
    return nullptr;
  }

 private:
  std::vector<NumberWord> entries_;
  std::array<std::array<std::pair<uint16_t, uint16_t>, 26>, kMaxNumberWord + 1> ranges_;
};

const NumberWords& number_words() {
  static const NumberWords kWords;
  return kWords;
}

std::optional<long> digits_value(std::string_view w);

// "3rd", "21st", "4th"; nothing for one too large to be a count (as digits_value).
std::optional<long> digit_ordinal(std::string_view w) {
  size_t digits = 0;
  while (digits < w.size() && is_digit(static_cast<unsigned char>(w[digits]))) ++digits;
  if (digits > 0 && digits + 2 == w.size()) {
    const std::string_view suffix = w.substr(digits);
    if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") return digits_value(w.substr(0, digits));
  }
  return std::nullopt;
}

// A count in digits ("2,500"), nothing past a billion: no count of attacks or people is larger,
// and the value must fit whatever the digits say.
std::optional<long> digits_value(std::string_view w) {
  if (w.empty() || !is_digit(static_cast<unsigned char>(w.front()))) return std::nullopt;
  long value = 0;
  for (char c : w) {
    if (c == ',') continue;
    if (c == '.') break;  // "3.5" → 3: counts of things are whole
    if (!is_digit(static_cast<unsigned char>(c))) return std::nullopt;
    value = value * 10 + (c - '0');
    if (value > 1'000'000'000) return std::nullopt;
  }
  return value;
}

}  // namespace

std::vector<NumberMention> find_numbers(std::string_view text) {
  std::vector<NumberMention> numbers;
  find_numbers(text, numbers);
  return numbers;
}

void find_numbers(std::string_view text, std::vector<NumberMention>& numbers) {
  thread_local std::vector<time_tokens::Token> tokens;
  time_tokens::tokenize(text, tokens);
  find_numbers(text, tokens, numbers);
}

void find_numbers(std::string_view text, std::span<const time_tokens::Token> time_tokens,
                  std::vector<NumberMention>& numbers) {
  numbers.clear();
  const NumberWords& words = number_words();
  for (const time_tokens::Token& head : time_tokens) {
    // A number starts with a digit or is one of the known words, at the start of a token: not
    // the 500 of "2,500" nor the 15 of "F15".
    const bool may_start = head.type == time_tokens::TokenType::kNumber ||
                           (head.type == time_tokens::TokenType::kWord && time_tokens::is_number_head(head.lex));
    if (!may_start || joined_to_previous(text, head.begin)) continue;
    const Token token = token_at(text, head.begin);
    const NumberWord* word = nullptr;
    if (!is_digit(static_cast<unsigned char>(text[token.begin])) && (word = words.find(text, token)) == nullptr) continue;
    NumberMention n;
    Token first = token;  // first and last token of the number itself
    Token last = token;
    const std::optional<Token> next = token_after(text, token);
    if (!word) {
      const Lowered lowered(text, token);
      const std::string_view w = lowered.view();
      if (auto v = digits_value(w)) {
        n.value = *v;
        // "2.5 million", "3 thousand"
        if (is(text, next, "thousand") || is(text, next, "million")) {
          n.value *= is(text, next, "thousand") ? 1000 : 1000000;
          last = *next;
        }
      } else if (auto o = digit_ordinal(w)) {
        n.value = *o;
        n.ordinal = true;
      } else {
        continue;
      }
    } else {
      switch (word->kind) {
        case WordKind::kSmall:
          n.value = word->value;
          if (is(text, next, "hundred")) {
            n.value *= 100;
            last = *next;
          } else if (is(text, next, "thousand")) {
            n.value *= 1000;
            last = *next;
          }
          break;
        case WordKind::kOrdinal:
          n.value = word->value;
          n.ordinal = true;
          break;
        case WordKind::kDozen: {
          const std::optional<Token> before = token_before(text, token);
          if (!(is(text, before, "a") || is(text, before, "one"))) continue;
          n.value = 12;
          first = *before;
          break;
        }
        case WordKind::kDozens:
        case WordKind::kScores:
        case WordKind::kSeveral:
        case WordKind::kMultiple:
        case WordKind::kNumerous:
          n.value = word->value;
          n.qualifier = Qualifier::kAtLeast;
          n.vague = true;
          break;
      }
    }
    n.begin = first.begin;
    n.end = last.end;

    // Qualifiers before: "at least", "more than", "over", "nearly", "about", "some", "up to".
    // The word before is lower-cased once; the one before it is read only after the four words
    // that can end a two-word qualifier.
    if (const std::optional<Token> before1 = token_before(text, first)) {
      const Lowered lowered1(text, *before1);
      const std::string_view word1 = lowered1.view();
      std::optional<Token> before2;
      std::optional<Lowered> lowered2;
      std::string_view word2;
      if (word1 == "least" || word1 == "than" || word1 == "of" || word1 == "to") {
        before2 = token_before(text, *before1);
        if (before2) word2 = lowered2.emplace(text, *before2).view();
      }
      if (word2 == "at" && word1 == "least") {
        n.qualifier = Qualifier::kAtLeast, n.begin = before2->begin;
      } else if ((word2 == "more" || word2 == "upwards") && (word1 == "than" || word1 == "of")) {
        n.qualifier = Qualifier::kAtLeast, n.begin = before2->begin;
      } else if (word2 == "up" && word1 == "to") {
        n.qualifier = Qualifier::kAbout, n.begin = before2->begin;
      } else if (word1 == "over" || word1 == "least") {
        n.qualifier = Qualifier::kAtLeast, n.begin = before1->begin;
      } else if (word1 == "nearly" || word1 == "almost" || word1 == "about" || word1 == "around" ||
                 word1 == "approximately" || word1 == "roughly" || word1 == "some" || word1 == "estimated") {
        if (!n.ordinal) n.qualifier = Qualifier::kAbout, n.begin = before1->begin;
      }
    }
    if (const std::optional<Token> after = last.end == token.end ? next : token_after(text, last)) {
      n.next_word = std::string(Lowered(text, *after).view());
    }
    numbers.push_back(std::move(n));
  }
}

}  // namespace salvo
