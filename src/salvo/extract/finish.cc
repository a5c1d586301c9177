#include "salvo/extract/finish.h"

#include <algorithm>

#include "salvo/extract/actors.h"
#include "salvo/extract/confidence.h"
#include "salvo/extract/dates.h"
#include "salvo/extract/places.h"

namespace salvo::extract {

void finish(const ArticleView& view, const ArticleState& state, Event& e) {
  default_strike_actor(view, e);
  // A US or allied strike is flown or fired from the air: rockets and mortars named with it are
  // what it struck ("targeting the rocket launch sites with air strikes").
  if (e.type == EventType::kStrike) {
    const bool air = std::any_of(e.weapons.begin(), e.weapons.end(),
                                 [](const std::string& w) { return w == "aircraft" || w == "drone" || w == "missile"; });
    if (air) {
      e.weapons.erase(std::remove_if(e.weapons.begin(), e.weapons.end(),
                                     [](const std::string& w) { return w != "aircraft" && w != "drone" && w != "missile"; }),
                      e.weapons.end());
    }
  }
  // "unknown" (projectiles, munitions) only when nothing more specific is named.
  if (e.weapons.size() > 1) e.weapons.erase(std::remove(e.weapons.begin(), e.weapons.end(), "unknown"), e.weapons.end());
  std::sort(e.weapons.begin(), e.weapons.end());
  e.weapons.erase(std::unique(e.weapons.begin(), e.weapons.end()), e.weapons.end());
  const std::optional<Date> published = view.article.article.published;
  const std::optional<Date> reference = published ? published : main_date(view, state);
  if (e.date && reference) {
    const Date last = e.date_max.value_or(*e.date);
    if (last.days_since_epoch() < reference->days_since_epoch() - 3) e.role = EventRole::kBackground;
  }
  place_in_known_area(view, e);
  e.confidence = std::clamp(e.confidence + (e.sentences.size() > 1 ? kToldAgain : 0.0), kMinConfidence, kMaxConfidence);
}

}  // namespace salvo::extract
