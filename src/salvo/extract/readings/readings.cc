#include "salvo/extract/readings/readings.h"

#include "salvo/extract/actors.h"
#include "salvo/extract/dates.h"
#include "salvo/extract/event_type.h"
#include "salvo/extract/incident_words.h"
#include "salvo/extract/places.h"
#include "salvo/extract/tallies.h"

namespace salvo::extract {

void read_sentence(const ArticleView& view, ArticleState& state, size_t s) {
  // "have been attacked 15 times since March": repeated incidents, none of its own.
  if (counts_repeated_incidents(view, s)) return;
  SentenceReading r;
  r.s = s;
  r.trigger = main_trigger(view, s);
  r.claim = has_trigger(view, s, TriggerKind::kClaim);
  r.accuse = has_trigger(view, s, TriggerKind::kAccuse);
  r.casualties = find_casualties(view.article.sentence_text(view.sentence(s)), view.lowered_sentence(s));
  r.places = event_places(view, s);
  r.tally_sentence = state.tally_sentences.count(s) > 0;
  // (casualties_only, the first reading, does not look at the actor.)
  r.actor = choose_actor(view, s, r.trigger);
  if (!r.actor.mention && r.trigger) r.actor = actor_referred_to(view, state, s, *r.trigger);
  for (const Reading reading : kReadings) {
    if (reading(view, r, state)) return;
  }
}

const PlacelessIncident& placeless_incident(const ArticleView& view, const SentenceReading& r, ArticleState& state) {
  if (r.placeless) return *r.placeless;
  const size_t s = r.s;
  const Trigger* trigger = r.trigger;
  const ActorChoice& actor = r.actor;
  const std::optional<TimeExpression> own_date = sentence_date(view, state, s, trigger ? trigger->begin : view.sentence(s).begin);
  // With no place to be near, the strike word (if any) says what happened.
  EventType type = event_type(view, s, actor, trigger ? &strike_trigger(view, s, trigger) : nullptr, false);
  // "The strikes killed …" after a strike was told: those strikes.
  if (trigger && strike_trigger(view, s, trigger).kind == TriggerKind::kStrike) {
    for (const Event& e : state.events) {
      if (e.type == EventType::kStrike) type = EventType::kStrike;
    }
  }
  // The latest incident this one may be: "the attack" refers back to it; an attack and the
  // interception of its drones are one incident.
  Event* previous = nullptr;
  for (auto it = state.events.rbegin(); it != state.events.rend(); ++it) {
    const bool compatible = it->type == type || (type != EventType::kStrike && it->type != EventType::kStrike);
    if (compatible) {
      previous = &*it;
      break;
    }
  }
  // A borrowed day gives way to a day of the incident's own, not to a stretch of months
  // ("most of the attacks … between mid-October and early February").
  const bool own_short = own_date && own_date->value &&
                         (!own_date->value_max || own_date->value_max->days_since_epoch() - own_date->value->days_since_epoch() <= 2);
  const bool same_day = !own_date || !own_date->value ||
                        (previous && (!previous->date || (previous->date_inherited && own_short) || own_date->value == previous->date));
  r.placeless = PlacelessIncident{own_date, type, previous, own_short, same_day};
  return *r.placeless;
}

}  // namespace salvo::extract
