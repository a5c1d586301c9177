// "The attack was thwarted before reaching its target", "Both drones were shot down", "The
// strikes killed three …": a sentence with no place that speaks of the incident told before, on
// its day, completes it (day, casualties, weapons, interception, actor).
#include "salvo/extract/readings/readings.h"

#include <algorithm>

#include "salvo/extract/actors.h"
#include "salvo/extract/event_type.h"
#include "salvo/extract/incident_words.h"
#include "salvo/extract/weapons.h"

namespace salvo::extract {

bool follow_up(const ArticleView& view, const SentenceReading& r, ArticleState& state) {
  if (!r.places.empty()) return false;
  const size_t s = r.s;
  const Casualties& casualties = r.casualties;
  const ActorChoice& actor = r.actor;
  const PlacelessIncident& told = placeless_incident(view, r, state);
  const std::optional<TimeExpression>& own_date = told.own_date;
  Event* previous = told.previous;
  if (!(previous && told.same_day && refers_back(view, s, r.trigger, casualties))) return false;
  previous->sentences.push_back(s);
  // "in the drone strike on Sunday", "the last attack there was on Oct. 25": a day said of an
  // incident word, a few words from it. ("In a visit to Baghdad on Sunday, Blinken said the
  // attacks …" is the day of the visit.)
  const bool day_of_the_incident =
      own_date && std::any_of(view.by_sentence[s].triggers.begin(), view.by_sentence[s].triggers.end(), [&](const Trigger& t) {
        if (!tells_incident(t.kind)) return false;
        const Nearby between = own_date->begin >= t.end ? words_after(view.lowered, t.end, own_date->begin, 5)
                                                        : words_after(view.lowered, own_date->end, t.begin, 5);
        return between.size() <= 3;
      });
  if (told.own_short && day_of_the_incident && (!previous->date || previous->date_inherited)) {
    previous->date = own_date->value;  // "in the drone strike on Sunday": its own day at last
    previous->date_max = own_date->value_max != own_date->value ? own_date->value_max : std::nullopt;
    previous->date_inherited = false;
  }
  apply_casualties(*previous, casualties);
  // "There were no casualties in either attack": every incident of that day.
  const std::string_view lowered = view.lowered_sentence(s);
  if (lowered.find("either") != std::string::npos || lowered.find("both") != std::string::npos) {
    for (Event& e : state.events) {
      if (&e != previous && e.date == previous->date) apply_casualties(e, casualties);
    }
  }
  // Weapons named when the incident is told again complete it only if it had none: the
  // sentence may also name another incident's ("the C-RAM fired at mortars").
  if (previous->weapons.empty()) previous->weapons = weapon_classes(view, s);
  previous->impact |= sentence_has_impact(view, s);
  if (has_trigger(view, s, TriggerKind::kInterception) && may_become_interception(*previous)) {
    previous->type = EventType::kInterception;  // "The attack was thwarted before reaching its target"
  }
  if (has_trigger(view, s, TriggerKind::kInterception) && speaks_of_all(view, s) && !previous->sentences.empty()) {
    // "… drone attacks on Green Village and al-Shaddadi. Both drones were shot down": every
    // drone incident told in that sentence, on that day.
    const size_t first_telling = previous->sentences.front();
    for (Event& e : state.events) {
      if (&e == previous || !told_in(e, first_telling) || e.date != previous->date || !may_become_interception(e)) continue;
      e.type = EventType::kInterception;
      e.sentences.push_back(s);
    }
  }
  if (actor.mention && previous->actor.empty() && !is_strike_actor(view.term(*actor.mention))) {
    set_actor(view, *previous, *actor.mention, actor.status);
  }
  return true;
}

}  // namespace salvo::extract
