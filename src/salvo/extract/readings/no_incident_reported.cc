// Places named, but no incident told at them: no incident word, or only a trend ("attacks on US
// troops have surged", "a series of attacks").
#include "salvo/extract/readings/readings.h"

#include "salvo/extract/event_type.h"

namespace salvo::extract {

bool no_incident_reported(const ArticleView& view, const SentenceReading& r, ArticleState& state) {
  if (r.places.empty()) return false;
  return !r.trigger || !reports_incident(view, r.s);
}

}  // namespace salvo::extract
