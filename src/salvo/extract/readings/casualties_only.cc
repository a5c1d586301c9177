// No incident words: the sentence may still tell the casualties of an incident told — the one at
// the place it names ("There were no casualties reported in Erbil"), else the one just before.
#include "salvo/extract/readings/readings.h"

#include <algorithm>

#include "salvo/extract/places.h"

namespace salvo::extract {

bool casualties_only(const ArticleView& view, const SentenceReading& r, ArticleState& state) {
  const SentenceMentions& m = view.by_sentence[r.s];
  if (r.trigger || !m.weapons.empty()) return false;
  const size_t s = r.s;
  const Casualties& casualties = r.casualties;
  const std::vector<const PlaceMention*>& places = r.places;
  if (!casualties.any() || r.tally_sentence) return true;
  if (!places.empty()) {
    // The incident at that place may be told only later in the article: settle at the end.
    state.pending_casualties.push_back({s, casualties, places});
    return true;
  }
  if (state.events.empty()) return true;
  if (places.empty() && s - state.events.back().sentences.back() <= 6) {
    // "There were no casualties in either attack": every incident of that day.
    const std::string_view lowered = view.lowered_sentence(s);
    const bool all = lowered.find("either") != std::string::npos || lowered.find("both") != std::string::npos ||
                     lowered.find("neither") != std::string::npos || lowered.find("any of the") != std::string::npos;
    // "… drone attacks on Green Village and al-Shaddadi. There were no casualties.": none is
    // said of every incident the last telling named, not of the last place alone (a count of
    // the hurt stays with the incident just told).
    const bool none = casualties.killed.value_or(1) == 0 || casualties.injured.value_or(1) == 0;
    const size_t first_telling = state.events.back().sentences.front();
    for (Event& e : state.events) {
      const bool same_telling = none && told_in(e, first_telling) &&
                                e.date == state.events.back().date;
      if (&e != &state.events.back() && !(all && e.date == state.events.back().date) && !same_telling) continue;
      apply_casualties(e, casualties);
      e.sentences.push_back(s);
    }
  }
  return true;
}

// Casualties told of a place in a sentence with no incident words ("one US service member at
// Mission Support Site Conoco received minor injury treatment"): the incident at that place.
void apply_pending_casualties(const ArticleView& view, ArticleState& state) {
  for (const PendingCasualties& pending : state.pending_casualties) {
    bool applied = false;
    for (const PlaceMention* p : pending.places) {
      for (Event& e : state.events) {
        if (e.place == kNoPlace) continue;
        const bool same_place = e.place == p->place ||
                                (e.precision == PlacePrecision::kTown && view.place(p->place).name == view.place(e.place).name);
        if (same_place && !applied) {
          apply_casualties(e, pending.casualties);
          e.sentences.push_back(pending.sentence);
          std::sort(e.sentences.begin(), e.sentences.end());
          applied = true;
        }
      }
    }
  }
}

}  // namespace salvo::extract
