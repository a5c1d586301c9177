#include "salvo/extract/tallies.h"

#include <algorithm>

#include <set>

#include "salvo/base/ascii.h"
#include "salvo/extract/actors.h"
#include "salvo/extract/kinds.h"
#include "salvo/extract/places.h"

namespace salvo::extract {

namespace {

// Whether a sentence with a count of attacks counts attacks on US or coalition forces over a
// country or more: it has a word of attack ("This news has been read 70 times" has none; "the US
// has retaliated three times" counts strikes), and a count for one base alone is no tally ("forces
// at Shaddadi had been attacked 22 times": tallies have no place).
bool counts_attacks_on_us(const ArticleView& view, size_t s) {
  const SentenceMentions& m = view.by_sentence[s];
  if (!m.has(TriggerKind::kAttack) && !m.has(TriggerKind::kStrike)) return false;
  // "the US has retaliated three times": US strikes counted (US forces "have been attacked"
  // stand before a word of attack in the passive, not of a strike).
  for (const TermMention* a : m.actors) {
    if (!is_strike_actor(view.term(*a)) || is_reporter(view, s, *a)) continue;
    for (const Trigger& t : m.triggers) {
      if (t.kind == TriggerKind::kStrike && a->end <= t.begin && t.begin - a->end < 40) return false;
    }
  }
  bool wide = false, one_place = false;
  for (const PlaceMention* p : m.places) {
    if (p->begin < dateline_end(view, s)) continue;
    const int rank = place_rank(p->precision);
    wide |= rank <= 2;
    one_place |= rank >= 3;
  }
  return wide || !one_place;
}

// A tally told twice (headline and body, lede and quote) is one; the telling that gives the
// window completes the other. A count of one country alone is that country's ("US bases in
// Syria have been subjected to 135 attacks").
void settle_tallies(const ArticleView& view, std::vector<Tally>& tallies) {
  for (Tally& t : tallies) {
    if (!t.country.empty() || t.what != TallyWhat::kAttacks) continue;
    std::set<std::string> countries;
    bool parts = false;
    // The country where the attacked are, named before the count; one named after it places
    // something else ("attacked four times since Sunday's strikes in Syria").
    for (const PlaceMention* p : view.by_sentence[t.sentence].places) {
      if (p->begin < dateline_end(view, t.sentence) || p->begin > t.count_begin) continue;
      if (in_domain_country(view.place(p->place).country)) countries.insert(view.place(p->place).country);
    }
    for (const Tally& other : tallies) parts |= &other != &t && other.sentence == t.sentence && !other.country.empty();
    if (countries.size() == 1 && !parts) t.country = *countries.begin();
  }
  std::vector<Tally> kept;
  for (Tally& t : tallies) {
    auto same = std::find_if(kept.begin(), kept.end(), [&](const Tally& k) {
      return k.what == t.what && k.count == t.count && k.country == t.country && k.qualifier == t.qualifier;
    });
    if (same == kept.end()) {
      kept.push_back(std::move(t));
      continue;
    }
    if (same->since.empty()) same->since = t.since;
    if (!same->as_of) same->as_of = t.as_of;
  }
  tallies = std::move(kept);
}

void find_tallies_told(const ArticleView& view, std::vector<Tally>& out);

}  // namespace

// Running tallies: "74 attacks since 17 October: 36 in Iraq, 38 in Syria", "45 US personnel
// injured", "targeted at least 41 times since October 17".
void find_tallies(const ArticleView& view, std::vector<Tally>& out) {
  find_tallies_told(view, out);
  settle_tallies(view, out);
}

// "have been attacked 15 times since March": repeated incidents counted over a stretch, at one
// base or many, are no incident of their own (a tally when they span a country).
bool counts_repeated_incidents(const ArticleView& view, size_t s) {
  bool since = false;
  for (const TimeExpression* t : view.by_sentence[s].times) since |= t->is_since;
  if (!since) return false;
  for (const NumberMention* n : view.by_sentence[s].numbers) {
    if (n->ordinal || n->value < 2) continue;
    const Nearby after = words_after(view.lowered, n->end, view.sentence(s).end, 1);
    if (!after.empty() && after[0] == "times") return true;
  }
  return false;
}

namespace {

void find_tallies_told(const ArticleView& view, std::vector<Tally>& out) {
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
    // "between Oct. 17-Nov. 13", "between October 17 and November 13": the window counted.
    for (size_t k = 0; k < m.times.size(); ++k) {
      const TimeExpression* t = m.times[k];
      const Nearby before = words_before(view.lowered, t->begin, sent.begin, 1);
      if (!since.empty() || before.empty() || before[0] != "between" || !t->value) continue;
      since = t->value->iso();
      if (t->value_max && t->value_max != t->value) {
        as_of = t->value_max;
      } else if (k + 1 < m.times.size() && m.times[k + 1]->value && m.times[k + 1]->begin - t->end <= 5) {
        as_of = m.times[k + 1]->value;
      }
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
      t.count_begin = n->begin;
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
      if (found && n->value >= 3 && counts_attacks_on_us(view, s)) {
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
            t.count_begin = n->begin;
            out.push_back(t);
          }
        }
      }
    }
  }
}

}  // namespace

}  // namespace salvo::extract
