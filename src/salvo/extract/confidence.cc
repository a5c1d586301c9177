#include "salvo/extract/confidence.h"

#include <algorithm>

#include "salvo/extract/places.h"

namespace salvo::extract {

// Confidence from what went wrong on the dev gold (salvo eval's calibration table): recalled
// incidents told in one sentence are often mis-dated or mis-typed; a vaguer place beside a
// site-level incident of the same kind and day is often that incident again.
void calibrate(std::vector<Event>& events) {
  for (Event& e : events) {
    if (e.role == EventRole::kBackground && e.sentences.size() == 1) e.confidence -= kRecalledOncePenalty;
    const int rank = place_rank(e.precision);
    if (rank == 2 || rank == 3) {
      for (const Event& other : events) {
        if (&other != &e && other.type == e.type && other.date == e.date && place_rank(other.precision) == 4 &&
            other.country == e.country) {
          e.confidence -= kBesideSitePenalty;
          break;
        }
      }
    }
    e.confidence = std::clamp(e.confidence, kMinConfidence, kMaxConfidence);
  }
}

}  // namespace salvo::extract
