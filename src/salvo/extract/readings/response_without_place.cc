// A strike or an interception with no place of its own that answers the incident just told
// ("The coalition responded … by targeting the launch sites with air strikes"): same country
// and day.
#include "salvo/extract/readings/readings.h"

#include "salvo/extract/actors.h"
#include "salvo/extract/confidence.h"
#include "salvo/extract/dates.h"
#include "salvo/extract/event_type.h"
#include "salvo/extract/incident_words.h"
#include "salvo/extract/weapons.h"

namespace salvo::extract {

// Takes every sentence with no place that follow_up left: nothing else tells an incident there.
bool response_without_place(const ArticleView& view, const SentenceReading& r, ArticleState& state) {
  if (!r.places.empty()) return false;
  const size_t s = r.s;
  const Trigger* trigger = r.trigger;
  const ActorChoice& actor = r.actor;
  const PlacelessIncident& told = placeless_incident(view, r, state);
  const std::optional<TimeExpression>& own_date = told.own_date;
  const EventType type = told.type;
  if (state.events.empty() || type == EventType::kAttack || !trigger || trigger->weak) return true;
  if (!(own_date && own_date->value) && !is_response(view, s)) return true;
  if (!reports_incident(view, s)) return true;
  const Event& last = state.events.back();
  if (!told.same_day || last.type == type) return true;
  Event e;
  e.type = type;
  e.country = last.country;
  e.admin1 = last.admin1;
  e.date = own_date && own_date->value ? own_date->value : latest_event_date(state);
  if (own_date && own_date->value_max && own_date->value_max != own_date->value) e.date_max = own_date->value_max;
  e.weapons = weapon_classes(view, s);
  if (actor.mention) set_actor(view, e, *actor.mention, actor.status);
  e.target = target_text(view, s, actor);
  apply_casualties(e, r.casualties);
  if (type == EventType::kStrike) e.count = facility_count(view, s, strike_trigger(view, s, trigger));
  e.sentences.push_back(s);
  e.confidence = kResponseWithoutPlace;
  state.events.push_back(std::move(e));
  return true;
}

}  // namespace salvo::extract
