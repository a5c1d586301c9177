#include "salvo/extract/tallies.h"

#include <algorithm>

#include "salvo/base/ascii.h"

namespace salvo::extract {

// Running tallies: "74 attacks since 17 October: 36 in Iraq, 38 in Syria", "45 US personnel
// injured", "targeted at least 41 times since October 17".
void find_tallies(const ArticleView& view, std::vector<Tally>& out) {
  for (size_t s = 0; s < view.article.sentences.size(); ++s) {
    if (!view.sentence(s).english) continue;
    const SentenceMentions& m = view.by_sentence[s];
    if (m.numbers.empty()) continue;  // a tally is a number
    const Sentence& sent = view.sentence(s);
    const std::string_view lowered = view.lowered_sentence(s);
    const bool cumulative = lowered.find("since") != std::string::npos || lowered.find("total") != std::string::npos ||
                            lowered.find("so far") != std::string::npos || lowered.find("as of") != std::string::npos ||
                            lowered.find("there had been") != std::string::npos || lowered.find("series of") != std::string::npos ||
                            lowered.find("beginning in") != std::string::npos || lowered.find("have been") != std::string::npos ||
                            lowered.find("have suffered") != std::string::npos || lowered.find("recorded") != std::string::npos ||
                            lowered.find("updated") != std::string::npos || lowered.find("had been") != std::string::npos ||
                            lowered.find("sustained") != std::string::npos;
    if (!cumulative) continue;
    std::string since;
    std::optional<Date> as_of;
    for (const TimeExpression* t : m.times) {
      if (t->is_since && t->value) {
        since = t->precision == TimePrecision::kMonth ? t->value->iso().substr(0, 7) : t->value->iso();
      }
      const Nearby before = words_before(view.lowered, t->begin, sent.begin, 2);
      if (before.size() >= 2 && before[0] == "of" && before[1] == "as" && t->value) as_of = t->value;
    }
    // "Beginning in October": the start of the count, a month.
    for (const TimeExpression* t : m.times) {
      const Nearby before = words_before(view.lowered, t->begin, sent.begin, 2);
      if (since.empty() && !before.empty() && (before[0] == "beginning" || (before[0] == "in" && before.size() > 1 && before[1] == "beginning")) && t->value) {
        since = t->value->iso().substr(0, 7);
      }
    }
    bool attack_tally = false;
    for (const NumberMention* n : m.numbers) {
      if (n->ordinal || n->vague) continue;
      const Nearby after = words_after(view.lowered, n->end, sent.end, 8);
      const Nearby before = words_before(view.lowered, n->begin, sent.begin, 4);
      Tally t;
      t.count = n->value;
      t.qualifier = n->qualifier;
      t.since = since;
      t.as_of = as_of;
      t.sentence = s;
      bool found = false;
      // "36 attacks", "40 drone or missile attacks", "41 times", "the total number of attacks to 74"
      for (size_t k = 0; k < after.size() && k < 4; ++k) {
        if (after[k] == "attacks" || (after[k] == "times" && k == 0)) {
          found = true;
          break;
        }
        if (after[k] == "," || after[k] == "in" || k >= 3) break;
      }
      if (!found && !before.empty() && before[0] == "to" && lowered.find("attacks") != std::string::npos &&
          lowered.find("total") != std::string::npos) {
        found = true;
      }
      if (found && n->value >= 3) {
        t.what = TallyWhat::kAttacks;
        attack_tally = true;
        // "36 attacks in Iraq"
        for (const PlaceMention* p : m.places) {
          if (p->begin > n->end && p->begin - n->end < 24 && view.place(p->place).kind == PlaceKind::kCountry) {
            const std::string between = lower_ascii(view.text(n->end, p->begin));
            if (between.find(" in ") != std::string::npos && between.find(',') == std::string::npos) t.country = view.place(p->place).country;
            break;
          }
        }
        out.push_back(t);
        continue;
      }
      // "45 US personnel", "56 U.S. service members have suffered wounds", "45 reported injuries"
      bool injured = false, killed = false;
      for (size_t k = 0; k < after.size(); ++k) {
        if (after[k].rfind("injur", 0) == 0 || after[k].rfind("wound", 0) == 0) injured = true;
        if (after[k] == "killed" || after[k] == "deaths" || after[k] == "died") killed = true;
      }
      if (!before.empty() && (before[0] == "injuring" || before[0] == "wounding")) injured = true;
      if (!after.empty() && (after[0] == "troops" || after[0] == "personnel" || after[0] == "members") && !injured) {
        const Nearby further = words_after(view.lowered, n->end, sent.end, 6);
        for (std::string_view w : further) injured |= w.rfind("injur", 0) == 0 || w.rfind("wound", 0) == 0;
      }
      // Only counts of US and coalition people: not "1,400 reported deaths" of another war.
      bool people = false;
      for (std::string_view w : after) people |= view.cues().has(CueKind::kPeopleWord, w);
      for (std::string_view w : before) people |= view.cues().has(CueKind::kPeopleWord, w);
      // "Three US soldiers have been killed and more than 100 wounded": the people may be
      // named once for both counts.
      for (std::string_view word : {"soldiers", "troops", "personnel", "service members", "servicemembers", "americans"}) {
        people |= lowered.find(word) != std::string::npos;
      }
      // "Three US soldiers have been killed … since October": a count since a date, however small.
      const bool since_count = !since.empty() && (lowered.find("have been") != std::string::npos);
      // "… including at least 20 traumatic brain injuries": a part of the count before, no tally.
      bool part = false;
      for (std::string_view w : before) part |= w == "including" || w == "among";
      if ((injured || killed) && people && !part && (n->value >= 10 || since_count)) {
        t.what = injured ? TallyWhat::kInjured : TallyWhat::kKilled;
        out.push_back(t);
      }
    }
    // "with 36 in Iraq and 38 in Syria": the per-country parts of an attack tally.
    if (attack_tally) {
      for (const NumberMention* n : m.numbers) {
        const std::string after_text = lower_ascii(view.text(n->end, std::min(sent.end, n->end + 12)));
        if (after_text.rfind(" in ", 0) != 0) continue;
        for (const PlaceMention* p : m.places) {
          if (p->begin == n->end + 4 && view.place(p->place).kind == PlaceKind::kCountry) {
            bool duplicate = false;
            for (const Tally& existing : out) duplicate |= existing.sentence == s && existing.count == n->value;
            if (duplicate) {
              for (Tally& existing : out) {
                if (existing.sentence == s && existing.count == n->value) existing.country = view.place(p->place).country;
              }
              continue;
            }
            Tally t;
            t.what = TallyWhat::kAttacks;
            t.count = n->value;
            t.qualifier = n->qualifier;
            t.country = view.place(p->place).country;
            t.since = since;
            t.as_of = as_of;
            t.sentence = s;
            out.push_back(t);
          }
        }
      }
    }
  }
}

}  // namespace salvo::extract
