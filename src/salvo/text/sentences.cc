#include "salvo/text/sentences.h"
#include "salvo/base/ascii.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>
#include <string>

namespace salvo {
namespace {

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t'; }

// Abbreviations that never end a sentence in news copy: titles and ranks before a name, and
// words that must be followed by a number.
constexpr std::array<std::string_view, 52> kNeverFinal = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "pvt",
    "adm", "brig", "cmdr", "cdr", "gov", "sen", "rep", "pres", "amb", "rev", "hon", "st", "mt", "ft",
    "no", "nos", "vol", "art", "fig", "approx", "vs", "v", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "lt.-gen", "maj.-gen", "gens", "sgts"};
// Country abbreviations: mid-sentence they are mostly followed by a proper noun ("U.S. Central
// Command"), so they end a sentence only before a word that typically opens one.
constexpr std::array<std::string_view, 6> kCountryAbbreviations = {"u.s", "u.k", "u.n", "u.a.e", "e.u", "u.s.a"};
// Abbreviations that often end a sentence: they do, unless the next word clearly continues it
// (lower case, a digit, a time zone: "10 p.m. local time", "9 a.m. GMT").
constexpr std::array<std::string_view, 10> kOftenFinal = {"a.m", "p.m", "jr", "sr", "inc", "corp", "co", "ltd", "e.g", "i.e"};
constexpr std::array<std::string_view, 8> kTimeZones = {"gmt", "utc", "et", "est", "edt", "ast", "local", "baghdad"};
// Words that typically open a sentence; after an ambiguous abbreviation they signal a real break.
constexpr std::array<std::string_view, 26> kSentenceOpeners = {
    "the", "a", "an", "it", "he", "she", "they", "we", "i", "this", "that", "these", "those", "there",
    "in", "on", "at", "but", "and", "however", "meanwhile", "his", "her", "their", "its", "after"};

template <size_t N>
bool contains(const std::array<std::string_view, N>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

// Thread-local ICU iterators: creating one loads rule data, so each thread makes one and reuses it.
enum class BreakKind { kSentence, kWord };

icu::BreakIterator* cached_iterator(BreakKind kind) {
  thread_local std::unique_ptr<icu::BreakIterator> iterators[2];
  std::unique_ptr<icu::BreakIterator>& slot = iterators[static_cast<int>(kind)];
  if (!slot) {
    UErrorCode status = U_ZERO_ERROR;
    slot.reset(kind == BreakKind::kSentence ? icu::BreakIterator::createSentenceInstance(icu::Locale::getUS(), status)
                                            : icu::BreakIterator::createWordInstance(icu::Locale::getUS(), status));
    if (U_FAILURE(status)) slot.reset();
  }
  return slot.get();
}

// Runs `iterator` over UTF-8 text and returns the boundaries as byte offsets.
std::vector<size_t> boundaries(icu::BreakIterator* iterator, std::string_view text) {
  std::vector<size_t> result;
  if (!iterator) return {0, text.size()};
  UErrorCode status = U_ZERO_ERROR;
  UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) return {0, text.size()};
  iterator->setText(utext, status);
  for (int32_t b = iterator->first(); b != icu::BreakIterator::DONE; b = iterator->next()) {
    result.push_back(static_cast<size_t>(b));
  }
  utext_close(utext);
  return result;
}

Span trim(std::string_view text, size_t begin, size_t end) {
  while (begin < end && is_space(text[begin])) ++begin;
  while (end > begin && is_space(text[end - 1])) --end;
  return {begin, end};
}

}  // namespace

bool is_false_sentence_break(std::string_view before, std::string_view after) {
  while (!before.empty() && is_space(before.back())) before.remove_suffix(1);
  while (!after.empty() && is_space(after.front())) after.remove_prefix(1);
  if (before.empty() || before.back() != '.' || after.empty()) return false;
  // The last word before the period, with inner periods kept ("U.S", "a.m").
  size_t w = before.size() - 1;
  while (w > 0 && !is_space(before[w - 1]) && before[w - 1] != '(' && before[w - 1] != '"') --w;
  const std::string word = lower_ascii(before.substr(w, before.size() - 1 - w));
  if (word.empty()) return false;
  // The first word after, lower-cased, and whether it starts in lower case or with a digit.
  size_t a = 0;
  while (a < after.size() && !is_space(after[a])) ++a;
  std::string next = lower_ascii(after.substr(0, a));
  while (!next.empty() && std::ispunct(static_cast<unsigned char>(next.back()))) next.pop_back();
  const unsigned char first = static_cast<unsigned char>(after.front());
  const bool continues = std::islower(first) || std::isdigit(first);

  // A single capital initial ("John W. Brennan").
  if (word.size() == 1 && std::isupper(static_cast<unsigned char>(before[w]))) return true;
  if (contains(kNeverFinal, word)) return true;
  if (contains(kCountryAbbreviations, word)) return continues || !contains(kSentenceOpeners, next);
  if (contains(kOftenFinal, word)) return continues || contains(kTimeZones, next);
  // Any lower case or digit start after a period is no new sentence in edited copy ("3 p.m. local").
  return continues && word.find('.') != std::string::npos;
}

std::vector<Span> split_sentences(std::string_view paragraph) {
  const std::vector<size_t> cuts = boundaries(cached_iterator(BreakKind::kSentence), paragraph);
  std::vector<Span> sentences;
  size_t start = 0;
  for (size_t k = 1; k < cuts.size(); ++k) {
    const size_t cut = cuts[k];
    if (cut < paragraph.size() && is_false_sentence_break(paragraph.substr(start, cut - start), paragraph.substr(cut))) {
      continue;
    }
    const Span s = trim(paragraph, start, cut);
    if (s.end > s.begin) sentences.push_back(s);
    start = cut;
  }
  if (start < paragraph.size()) {
    const Span s = trim(paragraph, start, paragraph.size());
    if (s.end > s.begin) sentences.push_back(s);
  }
  return sentences;
}

std::vector<Span> split_tokens(std::string_view sentence) {
  const std::vector<size_t> cuts = boundaries(cached_iterator(BreakKind::kWord), sentence);
  std::vector<Span> tokens;
  for (size_t k = 1; k < cuts.size(); ++k) {
    const Span t = trim(sentence, cuts[k - 1], cuts[k]);
    if (t.end > t.begin) tokens.push_back(t);
  }
  return tokens;
}

}  // namespace salvo
