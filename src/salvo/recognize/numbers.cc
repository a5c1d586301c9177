#include "salvo/recognize/numbers.h"

#include <array>
#include <algorithm>
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "salvo/base/ascii8.h"

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

// A token: its bytes in the text. Its lower-case form is made only for the few tokens read as
// words (see Lowered), not for every token of every sentence.
struct Token {
  size_t begin, end;
};

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
bool is(std::string_view text, const Token& t, std::string_view word) {
  return equals_lower(text.substr(t.begin, t.end - t.begin), word);
}

// Words, numbers ("2,500", "3.5", "107mm" stays one token) and single punctuation marks.
// Fills `tokens` (cleared first; reused across calls so the hot path does not allocate).
void tokenize(std::string_view text, std::vector<Token>& tokens) {
  tokens.clear();
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const size_t size = text.size();
  size_t i = 0;
  while (i < size) {
    const unsigned char c = bytes[i];
    if (c == ' ' || c == '\t' || c == '\n') {
      ++i;
      continue;
    }
    const size_t start = i;
    if (is_alnum(c)) {
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
        } else if ((d == ',' || d == '.') && i + 1 < size && is_digit(bytes[i + 1]) && i > start &&
                   is_digit(bytes[i - 1])) {
          ++i;  // "2,500", "3.5"
        } else if (d == '-' && i + 1 < size && is_alpha(bytes[i + 1])) {
          ++i;  // "twenty-five", "one-way"
        } else {
          break;
        }
      }
    } else {
      i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    }
    tokens.push_back({start, std::min(i, size)});
  }
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
  numbers.clear();
  thread_local std::vector<Token> tokens;
  tokenize(text, tokens);
  const NumberWords& words = number_words();
  for (size_t k = 0; k < tokens.size(); ++k) {
    const std::string_view token = text.substr(tokens[k].begin, tokens[k].end - tokens[k].begin);
    // Cheap rejection first: a number starts with a digit or is one of the known words.
    const auto first_byte = static_cast<unsigned char>(token.front());
    const NumberWord* word = nullptr;
    if (!is_digit(first_byte) && (word = words.find(text, tokens[k])) == nullptr) continue;
    NumberMention n;
    size_t first = k;  // first and last token of the number itself
    size_t last = k;
    if (!word) {
      const Lowered lowered(text, tokens[k]);
      const std::string_view w = lowered.view();
      if (auto v = digits_value(w)) {
        n.value = *v;
        // "2.5 million", "3 thousand"
        if (k + 1 < tokens.size() && (is(text, tokens[k + 1], "thousand") || is(text, tokens[k + 1], "million"))) {
          n.value *= is(text, tokens[k + 1], "thousand") ? 1000 : 1000000;
          last = k + 1;
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
          if (k + 1 < tokens.size() && is(text, tokens[k + 1], "hundred")) {
            n.value *= 100;
            last = k + 1;
          } else if (k + 1 < tokens.size() && is(text, tokens[k + 1], "thousand")) {
            n.value *= 1000;
            last = k + 1;
          }
          break;
        case WordKind::kOrdinal:
          n.value = word->value;
          n.ordinal = true;
          break;
        case WordKind::kDozen:
          if (!(k > 0 && (is(text, tokens[k - 1], "a") || is(text, tokens[k - 1], "one")))) continue;
          n.value = 12;
          first = k - 1;
          break;
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
    n.begin = tokens[first].begin;
    n.end = tokens[last].end;

    // Qualifiers before: "at least", "more than", "over", "nearly", "about", "some", "up to".
    k = first;  // qualifiers are looked for before the number's first token
    if (k >= 2 && is(text, tokens[k - 2], "at") && is(text, tokens[k - 1], "least")) {
      n.qualifier = Qualifier::kAtLeast, n.begin = tokens[k - 2].begin;
    } else if (k >= 2 && (is(text, tokens[k - 2], "more") || is(text, tokens[k - 2], "upwards")) &&
               (is(text, tokens[k - 1], "than") || is(text, tokens[k - 1], "of"))) {
      n.qualifier = Qualifier::kAtLeast, n.begin = tokens[k - 2].begin;
    } else if (k >= 2 && is(text, tokens[k - 2], "up") && is(text, tokens[k - 1], "to")) {
      n.qualifier = Qualifier::kAbout, n.begin = tokens[k - 2].begin;
    } else if (k >= 1 && (is(text, tokens[k - 1], "over") || is(text, tokens[k - 1], "least"))) {
      n.qualifier = Qualifier::kAtLeast, n.begin = tokens[k - 1].begin;
    } else if (k >= 1 && (is(text, tokens[k - 1], "nearly") || is(text, tokens[k - 1], "almost") ||
                          is(text, tokens[k - 1], "about") || is(text, tokens[k - 1], "around") ||
                          is(text, tokens[k - 1], "approximately") || is(text, tokens[k - 1], "roughly") ||
                          is(text, tokens[k - 1], "some") || is(text, tokens[k - 1], "estimated"))) {
      if (!n.ordinal) n.qualifier = Qualifier::kAbout, n.begin = tokens[k - 1].begin;
    }
    if (last + 1 < tokens.size()) n.next_word = std::string(Lowered(text, tokens[last + 1]).view());
    numbers.push_back(std::move(n));
    k = last;
  }
}

}  // namespace salvo
