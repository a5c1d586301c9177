#include "salvo/recognize/numbers.h"

#include <array>
#include <cctype>
#include <optional>
#include <unordered_map>
#include <vector>

namespace salvo {

const char* to_string(Qualifier q) {
  switch (q) {
    case Qualifier::kAtLeast: return "at_least";
    case Qualifier::kAbout: return "about";
    default: return "exact";
  }
}

namespace {

// A token and its lower-case form; words longer than the buffer keep a truncated form, which is
// harmless: no number word is that long.
struct Token {
  size_t begin, end;
  char buffer[24];
  uint8_t length;
  std::string_view lower() const { return {buffer, length}; }
};

// Words, numbers ("2,500", "3.5", "107mm" stays one token) and single punctuation marks.
std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 5);
  size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\t' || c == '\n') {
      ++i;
      continue;
    }
    const size_t start = i;
    if (std::isalnum(c)) {
      while (i < text.size()) {
        const auto d = static_cast<unsigned char>(text[i]);
        if (std::isalnum(d)) {
          ++i;
        } else if ((d == ',' || d == '.') && i + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[i + 1])) &&
                   i > start && std::isdigit(static_cast<unsigned char>(text[i - 1]))) {
          ++i;  // "2,500", "3.5"
        } else if (d == '-' && i + 1 < text.size() && std::isalpha(static_cast<unsigned char>(text[i + 1]))) {
          ++i;  // "twenty-five", "one-way"
        } else {
          break;
        }
      }
    } else {
      i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    }
    Token t;
    t.begin = start;
    t.end = std::min(i, text.size());
    t.length = static_cast<uint8_t>(std::min<size_t>(t.end - t.begin, sizeof t.buffer));
    for (size_t k = 0; k < t.length; ++k) {
      t.buffer[k] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[t.begin + k])));
    }
    tokens.push_back(t);
  }
  return tokens;
}

// Number words up to ninety-nine, including hyphenated compounds ("twenty-five").
std::optional<long> small_number_word(std::string_view w) {
  static const std::unordered_map<std::string_view, long> kWords = [] {
    static constexpr std::array<std::string_view, 20> kUnits = {
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
    static constexpr std::array<std::string_view, 8> kTens = {"twenty", "thirty", "forty", "fifty",
                                                              "sixty", "seventy", "eighty", "ninety"};
    static std::vector<std::string> compounds;  // storage for "twenty-one" …
    compounds.reserve(8 * 9);
    std::unordered_map<std::string_view, long> words;
    for (size_t i = 0; i < kUnits.size(); ++i) words.emplace(kUnits[i], static_cast<long>(i));
    for (size_t t = 0; t < kTens.size(); ++t) {
      words.emplace(kTens[t], static_cast<long>(20 + 10 * t));
      for (size_t u = 1; u < 10; ++u) {
        compounds.push_back(std::string(kTens[t]) + "-" + std::string(kUnits[u]));
        words.emplace(compounds.back(), static_cast<long>(20 + 10 * t + u));
      }
    }
    return words;
  }();
  const auto it = kWords.find(w);
  if (it == kWords.end()) return std::nullopt;
  return it->second;
}

std::optional<long> ordinal_word(std::string_view w) {
  static constexpr std::array<std::string_view, 12> kOrdinals = {
      "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"};
  for (size_t i = 0; i < kOrdinals.size(); ++i) {
    if (w == kOrdinals[i]) return static_cast<long>(i + 1);
  }
  // "3rd", "21st", "4th"
  size_t digits = 0;
  while (digits < w.size() && std::isdigit(static_cast<unsigned char>(w[digits]))) ++digits;
  if (digits > 0 && digits + 2 == w.size()) {
    const std::string_view suffix = w.substr(digits);
    if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") return std::stol(std::string(w.substr(0, digits)));
  }
  return std::nullopt;
}

std::optional<long> digits_value(std::string_view w) {
  if (w.empty() || !std::isdigit(static_cast<unsigned char>(w.front()))) return std::nullopt;
  long value = 0;
  for (char c : w) {
    if (c == ',') continue;
    if (c == '.') break;  // "3.5" → 3: counts of things are whole
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    value = value * 10 + (c - '0');
    if (value > 1'000'000'000) return std::nullopt;
  }
  return value;
}

}  // namespace

std::vector<NumberMention> find_numbers(std::string_view text) {
  const std::vector<Token> tokens = tokenize(text);
  std::vector<NumberMention> numbers;
  for (size_t k = 0; k < tokens.size(); ++k) {
    const std::string_view w = tokens[k].lower();
    NumberMention n;
    size_t first = k;  // first and last token of the number itself
    size_t last = k;
    if (auto v = digits_value(w)) {
      n.value = *v;
      // "2.5 million", "3 thousand"
      if (k + 1 < tokens.size() && (tokens[k + 1].lower() == "thousand" || tokens[k + 1].lower() == "million")) {
        n.value *= tokens[k + 1].lower() == "thousand" ? 1000 : 1000000;
        last = k + 1;
      }
    } else if (auto v = small_number_word(w)) {
      n.value = *v;
      if (k + 1 < tokens.size() && tokens[k + 1].lower() == "hundred") {
        n.value *= 100;
        last = k + 1;
      } else if (k + 1 < tokens.size() && tokens[k + 1].lower() == "thousand") {
        n.value *= 1000;
        last = k + 1;
      }
    } else if (auto v = ordinal_word(w)) {
      n.value = *v;
      n.ordinal = true;
    } else if (w == "dozen" && k > 0 && (tokens[k - 1].lower() == "a" || tokens[k - 1].lower() == "one")) {
      n.value = 12;
      first = k - 1;
    } else if (w == "dozens" || w == "scores") {
      n.value = w == "dozens" ? 24 : 40;
      n.qualifier = Qualifier::kAtLeast;
      n.vague = true;
    } else if (w == "several" || w == "multiple" || w == "numerous") {
      n.value = w == "several" ? 3 : 2;
      n.qualifier = Qualifier::kAtLeast;
      n.vague = true;
    } else {
      continue;
    }
    n.begin = tokens[first].begin;
    n.end = tokens[last].end;

    // Qualifiers before: "at least", "more than", "over", "nearly", "about", "some", "up to".
    k = first;  // qualifiers are looked for before the number's first token
    if (k >= 2 && tokens[k - 2].lower() == "at" && tokens[k - 1].lower() == "least") {
      n.qualifier = Qualifier::kAtLeast, n.begin = tokens[k - 2].begin;
    } else if (k >= 2 && (tokens[k - 2].lower() == "more" || tokens[k - 2].lower() == "upwards") &&
               (tokens[k - 1].lower() == "than" || tokens[k - 1].lower() == "of")) {
      n.qualifier = Qualifier::kAtLeast, n.begin = tokens[k - 2].begin;
    } else if (k >= 2 && tokens[k - 2].lower() == "up" && tokens[k - 1].lower() == "to") {
      n.qualifier = Qualifier::kAbout, n.begin = tokens[k - 2].begin;
    } else if (k >= 1 && (tokens[k - 1].lower() == "over" || tokens[k - 1].lower() == "least")) {
      n.qualifier = Qualifier::kAtLeast, n.begin = tokens[k - 1].begin;
    } else if (k >= 1 && (tokens[k - 1].lower() == "nearly" || tokens[k - 1].lower() == "almost" ||
                          tokens[k - 1].lower() == "about" || tokens[k - 1].lower() == "around" ||
                          tokens[k - 1].lower() == "approximately" || tokens[k - 1].lower() == "roughly" ||
                          tokens[k - 1].lower() == "some" || tokens[k - 1].lower() == "estimated")) {
      if (!n.ordinal) n.qualifier = Qualifier::kAbout, n.begin = tokens[k - 1].begin;
    }
    if (last + 1 < tokens.size()) n.next_word = std::string(tokens[last + 1].lower());
    numbers.push_back(std::move(n));
    k = last;
  }
  return numbers;
}

}  // namespace salvo
