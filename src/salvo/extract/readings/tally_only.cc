// A sentence a running tally was read from ("74 attacks since October 17: 36 in Iraq, 38 in
// Syria") tells no incident of its own, unless it names a town or a site.
#include "salvo/extract/readings/readings.h"

#include "salvo/extract/places.h"

namespace salvo::extract {

bool tally_only(const ArticleView& view, const SentenceReading& r, ArticleState& state) {
  if (!r.tally_sentence) return false;
  if (r.places.empty()) return true;
  bool specific = false;
  for (const PlaceMention* p : r.places) specific |= place_rank(p->precision) >= 3;
  return !specific;
}

}  // namespace salvo::extract
