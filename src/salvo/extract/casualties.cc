#include "salvo/extract/casualties.h"

#include <array>
#include <string>
#include <vector>

#include "salvo/base/ascii.h"
#include "salvo/base/date.h"
#include "salvo/extract/event.h"
#include "salvo/recognize/numbers.h"

namespace salvo {
namespace {

struct Word {
  size_t begin, end;
  std::string_view lower;  // a view of the lower-cased sentence
};

// The words of `text`, viewed in `lowered` (the same text in lower case).
std::vector<Word> words_of(std::string_view text, std::string_view lowered) {
  std::vector<Word> words;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !is_ascii_alnum(text[i]) &&
           text[i] != ',' && text[i] != ';' && text[i] != '.') {
      ++i;
    }
    if (i >= text.size()) break;
    const size_t start = i;
    if (text[i] == ',' || text[i] == ';' || text[i] == '.') {
      ++i;  // punctuation is a word of its own: it ends clauses
    } else {
      while (i < text.size() && (is_ascii_alnum(text[i]) || text[i] == '\'' ||
                                 (text[i] == '.' && i + 1 < text.size() && is_ascii_alpha(text[i + 1])) ||
                                 (text[i] == ',' && i + 1 < text.size() && is_ascii_digit(text[i + 1])))) {
        ++i;
      }
      // The closing period of an initialism ("U.S. contractor") or of a month or rank abbreviation
      // ("Feb. 15", "Gen. Soleimani") is part of the word, not a full stop.
      if (i < text.size() && text[i] == '.') {
        const std::string_view word = text.substr(start, i - start);
        const bool abbreviation = word.find('.') != std::string_view::npos || word.size() == 1 ||
                                  (word.size() <= 4 && month_from_name(word) != 0) || word == "Gen" || word == "Col" ||
                                  word == "Maj" || word == "Lt" || word == "Sgt" || word == "Capt" || word == "Mr" || word == "Dr";
        if (abbreviation) ++i;
      }
    }
    words.push_back(Word{start, i, lowered.substr(start, i - start)});
  }
  return words;
}

// Every rule below needs a word that starts with one of these stems (a casualty word, "treated",
// "lives", "critical"); most sentences of a report have none and are settled by one pass over
// their words.
constexpr std::array<std::string_view, 13> kCasualtyStems = {
    "kill", "dead", "died", "death", "fatal", "lives", "injur", "wound", "hurt", "concussion", "casualt", "critical",
    "treated"};
// The letters a stem starts with: a word starting with any other is passed over without a
// comparison (this runs on every word of every sentence).
constexpr std::array<bool, 256> kStemFirstLetter = [] {
  std::array<bool, 256> letters{};
  for (std::string_view stem : kCasualtyStems) letters[static_cast<unsigned char>(stem[0])] = true;
  return letters;
}();

bool may_tell_casualties(std::string_view lowered) {
  for (size_t i = 0; i < lowered.size();) {
    if (!is_ascii_alnum(lowered[i])) {
      ++i;
      continue;
    }
    if (kStemFirstLetter[static_cast<unsigned char>(lowered[i])]) {
      const std::string_view rest = lowered.substr(i);
      for (std::string_view stem : kCasualtyStems) {
        if (stem[0] == rest[0] && rest.starts_with(stem)) return true;
      }
    }
    while (i < lowered.size() && is_ascii_alnum(lowered[i])) ++i;  // to the next word
  }
  return false;
}

bool starts(std::string_view word, std::string_view prefix) { return word.substr(0, prefix.size()) == prefix; }

bool is_killed_word(std::string_view w) {
  return w == "killed" || w == "dead" || w == "died" || w == "deaths" || w == "death" || w == "fatalities" ||
         w == "fatality" || w == "lives" || starts(w, "killing");
}
bool is_injured_word(std::string_view w) {
  return starts(w, "injur") || starts(w, "wound") || w == "hurt" || w == "concussion" || w == "concussions";
}
bool is_clause_break(std::string_view w) { return w == "." || w == ";" || w == "but" || w == "while" || w == "which"; }

// Words after which a number counts things that are not people.
bool counts_things(std::string_view next) {
  static constexpr std::array<std::string_view, 24> kThings = {
      "rockets", "rocket", "drones", "drone", "missiles", "missile", "times", "attacks", "attack", "sites",
      "km", "kilometers", "kilometres", "miles", "hours", "days", "weeks", "months", "years", "percent",
      "mortars", "bases", "facilities", "targets"};
  for (std::string_view t : kThings) {
    if (next == t) return true;
  }
  return false;
}

}  // namespace

Casualties find_casualties(std::string_view sentence) { return find_casualties(sentence, lower_ascii(sentence)); }

Casualties find_casualties(std::string_view sentence, std::string_view lowered) {
  Casualties result;
  if (!may_tell_casualties(lowered)) return result;
  const std::vector<Word> words = words_of(sentence, lowered);

  // Negations: "no casualties", "No US personnel were injured", "without causing casualties",
  // "no one was hurt", "no fatalities".
  for (size_t i = 0; i < words.size(); ++i) {
    std::string_view w = words[i].lower;
    // "did not cause any injuries", "did not result in damage or injuries": "not" before what an
    // attack causes. (Not any "not": "it was not clear how many were hurt" says nothing.)
    const bool not_caused = w == "not" && i + 1 < words.size() &&
                            (starts(words[i + 1].lower, "caus") || starts(words[i + 1].lower, "result") ||
                             words[i + 1].lower == "lead" || words[i + 1].lower == "leave");
    // "failed to kill a single US or Iraqi soldier".
    const bool failed_to = w == "failed" && i + 1 < words.size() && words[i + 1].lower == "to";
    const bool negation = w == "no" || w == "without" || w == "nobody" || w == "none" || w == "zero" || not_caused || failed_to;
    if (!negation) continue;
    // "no U.S. service members have been reported injured": up to eight words on.
    for (size_t j = i + 1; j < words.size() && j <= i + 8; ++j) {
      std::string_view v = words[j].lower;
      if (is_clause_break(v) || v == ",") break;
      if (starts(v, "casualt")) {
        result.killed = 0;
        result.injured = 0;
        break;
      }
      if (is_injured_word(v)) {
        result.injured = 0;
        // "no injuries", "no one was hurt": nobody at all was harmed, so nobody died either.
        // "No US personnel were injured" speaks of some people only: their deaths stay unknown.
        const bool unscoped = j == i + 1 || (w == "nobody" && j == i + 2) || (j == i + 3 && words[i + 1].lower == "one");
        if (unscoped) result.killed = 0;
        break;
      }
      if (v == "killed" || starts(v, "fatalit") || v == "deaths" || v == "dead" || (failed_to && v == "kill")) {
        result.killed = 0;
        // "No US or Coalition troops were killed or wounded": both denied.
        if (j + 2 < words.size() && (words[j + 1].lower == "or" || words[j + 1].lower == "and") &&
            is_injured_word(words[j + 2].lower)) {
          result.injured = 0;
        }
        break;
      }
    }
  }

  // Numbers tied to a casualty word: "killing N …", "N … were killed", "injuring N", "N injured".
  const std::vector<NumberMention> numbers = find_numbers(sentence);
  auto word_index_at = [&](size_t byte) {
    for (size_t k = 0; k < words.size(); ++k) {
      if (words[k].begin >= byte) return k;
    }
    return words.size();
  };
  std::optional<int> killed, injured;
  auto add = [](std::optional<int>& total, long value) { total = static_cast<int>((total ? *total : 0) + value); };
  std::optional<int>* previous_class = nullptr;  // where the previous number of the clause went
  size_t previous_end = 0;                       // word index after it
  for (size_t n = 0; n < numbers.size(); ++n) {
    const NumberMention& number = numbers[n];
    if (number.ordinal || number.vague || counts_things(number.next_word)) continue;
    // An attack on a base kills or wounds a few, or dozens; a four-figure count is another story
    // ("over 1,400 reported deaths" of the war in Gaza).
    if (number.value > 200) continue;
    // A clock time is no count: "at 10:30 pm caused no injuries".
    const bool clock = (number.end < sentence.size() && sentence[number.end] == ':') ||
                       (number.begin > 0 && sentence[number.begin - 1] == ':') || number.next_word == "pm" ||
                       number.next_word == "am" || number.next_word == "gmt";
    if (clock) continue;
    const size_t first = word_index_at(number.begin);
    const size_t after = word_index_at(number.end);
    if (first > 0 && words[first - 1].lower == "no") continue;  // "no one was hurt"
    // The day of a date is no count of people: "on Feb. 15 … killed a contractor".
    if (first > 0 && month_from_name(words[first - 1].lower) != 0) continue;
    if (after < words.size() && words[after].lower == "," && after + 1 < words.size() && words[after + 1].lower.size() == 4 &&
        is_ascii_digit(words[after + 1].lower[0])) {
      continue;  // "March 11, 2020"
    }
    // "killing two Americans and one British national": a number joined by "and" to a counted one
    // counts the same way.
    // Lists run on with commas: "three Iraqi army soldiers, two policemen and a civilian".
    if (previous_class && first > previous_end && first - previous_end <= 4 &&
        (words[first - 1].lower == "and" || words[first - 1].lower == ",")) {
      bool plain = true;
      for (size_t k = previous_end; k + 1 < first; ++k) {
        plain &= !is_clause_break(words[k].lower) && !is_killed_word(words[k].lower) && !is_injured_word(words[k].lower);
      }
      if (plain) {
        add(*previous_class, number.value);
        previous_end = after;
        continue;
      }
    }
    // A casualty word right after the number decides: "were killed and 20 wounded".
    if (after < words.size() && (is_injured_word(words[after].lower) || is_killed_word(words[after].lower))) {
      if (is_injured_word(words[after].lower)) {
        add(injured, number.value);
      } else {
        add(killed, number.value);
      }
      continue;
    }
    // Verb before: "killing three coalition personnel", "injuring 12 others", "treated 11 of its troops".
    bool decided = false;
    for (size_t k = first; k > 0 && k + 3 > first; --k) {
      std::string_view v = words[k - 1].lower;
      if (is_clause_break(v)) break;
      // "were killed in two US strikes": the number counts what did it, not who died.
      if (v == "in" || v == "by" || v == "during" || v == "from" || v == "after") break;
      // "a contractor was killed and five service members were wounded": the verb of an earlier
      // subject, told in the passive; this number's own verb comes after it.
      const bool earlier_passive = k >= 2 && (words[k - 2].lower == "was" || words[k - 2].lower == "were");
      if (earlier_passive && (v == "killed" || v == "injured" || v == "wounded")) break;
      if (v == "killing" || v == "killed" || v == "kills" || (v == "of" && k >= 2 && words[k - 2].lower == "deaths")) {
        add(killed, number.value);
        previous_class = &killed, previous_end = after;
        decided = true;
        break;
      }
      if (v == "injuring" || v == "wounding" || v == "injured" || v == "wounded" || v == "treated") {
        add(injured, number.value);
        previous_class = &injured, previous_end = after;
        decided = true;
        break;
      }
      if (v == "and") continue;  // "killing two Americans and one British national"
    }
    if (decided) continue;
    // Verb after, in the same clause: "Three American and two Iraqi service members were injured",
    // "Two U.S. service members and one member of the anti-ISIS coalition were killed".
    for (size_t k = after; k < words.size() && k < after + 16; ++k) {
      std::string_view v = words[k].lower;
      if (is_clause_break(v) || v == ",") break;
      if (is_killed_word(v)) {
        add(killed, number.value);
        previous_class = &killed, previous_end = after;
        break;
      }
      if (is_injured_word(v) || v == "critical") {
        add(injured, number.value);
        previous_class = &injured, previous_end = after;
        break;
      }
    }
  }
  // "killing two Americans and a British soldier", "five service members and another contractor
  // were wounded": "and a …", "and another …" right after a counted list is one more.
  if (previous_class && previous_end + 1 < words.size() && words[previous_end].lower != "." ) {
    for (size_t k = previous_end; k + 1 < words.size() && k < previous_end + 4; ++k) {
      if (is_clause_break(words[k].lower) || words[k].lower == ",") break;
      if (words[k].lower == "and" && (words[k + 1].lower == "a" || words[k + 1].lower == "an" || words[k + 1].lower == "another")) {
        add(*previous_class, 1);
        break;
      }
    }
  }
  if (killed) result.killed = killed;
  if (injured) result.injured = injured;

  // "killed a civilian contractor", "the death of a contractor", "injured a U.S. service
  // member": one person.
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    std::string_view v = words[i].lower;
    const bool one = words[i + 1].lower == "a" || words[i + 1].lower == "an";
    if (!one) continue;
    std::string_view previous = i > 0 ? words[i - 1].lower : v;
    if (!result.killed && (v == "killed" || v == "killing" || (v == "of" && (previous == "death" || previous == "deaths")) ||
                           (v == "suffered" && i + 2 < words.size() && words[i + 2].lower == "fatal"))) {
      result.killed = 1;  // "suffered a fatal heart attack"
    } else if (!result.injured && (v == "injured" || v == "injuring" || v == "wounded" || v == "wounding" ||
                                   (v == "of" && (previous == "injury" || previous == "injuries")))) {
      result.injured = 1;
    }
  }
  // "A civilian U.S. contractor died", "a soldier was killed": one person.
  if (!result.killed) {
    for (size_t i = 0; i < words.size(); ++i) {
      if (words[i].lower != "a" && words[i].lower != "an" && words[i].lower != "one") continue;
      for (size_t j = i + 1; j < words.size() && j <= i + 6; ++j) {
        std::string_view v = words[j].lower;
        if (is_clause_break(v) || v == ",") break;
        if (v == "died" || (v == "killed" && j >= 1 && (words[j - 1].lower == "was"))) {
          result.killed = 1;
          break;
        }
      }
      if (result.killed) break;
    }
  }
  return result;
}

void apply_casualties(Event& e, const Casualties& c) {
  if (c.killed && (!e.killed || *c.killed > *e.killed)) e.killed = c.killed;
  if (c.injured && (!e.injured || *c.injured > *e.injured)) e.injured = c.injured;
}

}  // namespace salvo
