// "found the vehicle used in the attack": a sentence whose only incident is "the attack" speaks
// of one already told, wherever else it goes.
#include "salvo/extract/readings/readings.h"

#include "salvo/extract/article_merge.h"
#include "salvo/extract/incident_words.h"
#include "salvo/extract/places.h"

namespace salvo::extract {

bool definite_reference(const ArticleView& view, const SentenceReading& r, ArticleState& state) {
  const size_t s = r.s;
  if (r.places.empty()) return false;
  if (!(only_definite_references(view, s) && !state.events.empty())) return false;
  Event& previous = state.events.back();
  previous.sentences.push_back(s);
  apply_casualties(previous, r.casualties);
  // "… claimed the attack as 'against the US occupation base in the Al-Omar oil field'": the
  // incident told again, placed more precisely than before.
  for (const PlaceMention* p : r.places) {
    Event here;
    fill_place(view, here, *p);
    if (place_rank(here.precision) > place_rank(previous.precision) && same_incident(previous, here)) {
      fill_place(view, previous, *p);
      break;
    }
  }
  return true;
}

}  // namespace salvo::extract
