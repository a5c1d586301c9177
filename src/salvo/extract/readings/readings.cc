#include "salvo/extract/readings/readings.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "salvo/base/ascii.h"
#include "salvo/extract/actors.h"
#include "salvo/extract/article_merge.h"
#include "salvo/extract/casualties.h"
#include "salvo/extract/cues.h"
#include "salvo/extract/dates.h"
#include "salvo/extract/event_type.h"
#include "salvo/extract/incident_words.h"
#include "salvo/extract/kinds.h"
#include "salvo/extract/places.h"
#include "salvo/extract/weapons.h"

namespace salvo::extract {

namespace {

void add_unnamed_counted(const ArticleView& view, ArticleState& state, size_t s, size_t events_before, const ActorChoice& actor);

// "Two separate attacks were reported on bases in Iraq on Thursday, with an explosion at the
// Harir airbase": a counted group names fewer places than it counts; the rest happened
// somewhere in the country named.
void add_unnamed_counted(const ArticleView& view, ArticleState& state, size_t s, size_t events_before, const ActorChoice& actor) {
  long counted = 0;
  for (const Trigger& trig : view.by_sentence[s].triggers) {
    const Trigger* t = &trig;
    if (t->kind != TriggerKind::kAttack || !is_plural_noun(t->surface)) continue;
    for (const NumberMention* n : view.by_sentence[s].numbers) {
      if (n->end <= t->begin && t->begin - n->end < 24 && !n->ordinal && !n->vague && n->value >= 2 && n->value <= 5) {
        counted = n->value;
      }
    }
  }
  const long told = static_cast<long>(state.events.size() - events_before);
  if (counted <= told || told == 0) return;
  const PlaceMention* country = nullptr;
  for (const PlaceMention* p : view.by_sentence[s].places) {
    if (p->precision == PlacePrecision::kCountry && view.place(p->place).country == state.events.back().country) country = p;
  }
  if (!country) return;
  Event e = state.events.back();
  fill_place(view, e, *country);
  e.lat.reset();
  e.lon.reset();
  e.count = static_cast<int>(counted - told);
  e.weapons.clear();
  e.killed.reset();
  e.injured.reset();
  e.confidence = 0.5;
  if (actor.mention && e.actor.empty()) set_actor(view, e, *actor.mention, actor.status);
  state.events.push_back(std::move(e));
}

}  // namespace

void read_sentence(const ArticleView& view, ArticleState& state, size_t s) {
  const SentenceMentions& m = view.by_sentence[s];
  const Trigger* trigger = main_trigger(view, s);
  const bool claim = has_trigger(view, s, TriggerKind::kClaim);
  const bool accuse = has_trigger(view, s, TriggerKind::kAccuse);
  const Casualties casualties = find_casualties(view.article.sentence_text(view.sentence(s)), view.lowered_sentence(s));
  const std::vector<const PlaceMention*> places = event_places(view, s);
  const bool tally_sentence = state.tally_sentences.count(s) > 0;

  if (!trigger && m.weapons.empty()) {
    // No incident words: the sentence may still tell the casualties of an incident told — the
    // one at the place it names ("There were no casualties reported in Erbil"), else the one
    // just before.
    if (!casualties.any() || tally_sentence) return;
    if (!places.empty()) {
      // The incident at that place may be told only later in the article: settle at the end.
      state.pending_casualties.push_back({s, casualties, places});
      return;
    }
    if (state.events.empty()) return;
    if (places.empty() && s - state.events.back().sentences.back() <= 6) {
      // "There were no casualties in either attack": every incident of that day.
      const std::string_view lowered = view.lowered_sentence(s);
      const bool all = lowered.find("either") != std::string::npos || lowered.find("both") != std::string::npos ||
                       lowered.find("neither") != std::string::npos || lowered.find("any of the") != std::string::npos;
      for (Event& e : state.events) {
        if (&e != &state.events.back() && !(all && e.date == state.events.back().date)) continue;
        apply_casualties(e, casualties);
        e.sentences.push_back(s);
      }
    }
    return;
  }
  ActorChoice actor = choose_actor(view, s, trigger);
  if (!actor.mention && trigger) actor = actor_referred_to(view, state, s, *trigger);

  if (places.empty()) {
    if (tally_sentence) return;
    // A claim or accusation about incidents already told: "… claimed attacks on those locations".
    // "The majority of these attacks have been attributed to …" speaks of a trend: only claims
    // and accusations about "the attack(s)" just told count.
    if ((claim || accuse) && actor.mention) {
      if (accuse && trigger && is_plural_noun(trigger->surface)) return;
      state.pending_claims.push_back({s, actor});
      // A claim that also gives the toll tells the incident again: "… were killed and 20
      // wounded in the drone strike on Sunday that was claimed by …".
      if (!casualties.any()) return;
    }
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
    if (previous && same_day && refers_back(view, s, trigger, casualties)) {
      previous->sentences.push_back(s);
      if (own_short && (!previous->date || previous->date_inherited)) {
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
        const size_t told_in = previous->sentences.front();
        for (Event& e : state.events) {
          const bool same_telling = std::find(e.sentences.begin(), e.sentences.end(), told_in) != e.sentences.end();
          if (&e == previous || !same_telling || e.date != previous->date || !may_become_interception(e)) continue;
          e.type = EventType::kInterception;
          e.sentences.push_back(s);
        }
      }
      if (actor.mention && previous->actor.empty() && !is_strike_actor(view.term(*actor.mention))) {
        set_actor(view, *previous, *actor.mention, actor.status);
      }
      return;
    }
    // A strike or an interception with no place of its own that answers the incident just told
    // ("The coalition responded … by targeting the launch sites with air strikes"): same country
    // and day.
    if (state.events.empty() || type == EventType::kAttack || !trigger || trigger->weak) return;
    if (!(own_date && own_date->value) && !is_response(view, s)) return;
    if (!reports_incident(view, s)) return;
    const Event& last = state.events.back();
    if (!same_day || last.type == type) return;
    Event e;
    e.type = type;
    e.country = last.country;
    e.admin1 = last.admin1;
    e.date = own_date && own_date->value ? own_date->value : latest_event_date(state);
    if (own_date && own_date->value_max && own_date->value_max != own_date->value) e.date_max = own_date->value_max;
    e.weapons = weapon_classes(view, s);
    if (actor.mention) set_actor(view, e, *actor.mention, actor.status);
    e.target = target_text(view, s, actor);
    apply_casualties(e, casualties);
    if (type == EventType::kStrike) e.count = facility_count(view, s, strike_trigger(view, s, trigger));
    e.sentences.push_back(s);
    e.confidence = 0.6;  // right on every seed and dev case so far (salvo eval calibration)
    state.events.push_back(std::move(e));
    return;
  }
  if (tally_sentence) {
    bool specific = false;
    for (const PlaceMention* p : places) specific |= place_rank(p->precision) >= 3;
    if (!specific) return;
  }
  if (!trigger || !reports_incident(view, s)) return;
  // "found the vehicle used in the attack": a sentence whose only incident is "the attack"
  // speaks of one already told, wherever else it goes.
  if (only_definite_references(view, s) && !state.events.empty()) {
    Event& previous = state.events.back();
    previous.sentences.push_back(s);
    apply_casualties(previous, casualties);
    // "… claimed the attack as 'against the US occupation base in the Al-Omar oil field'": the
    // incident told again, placed more precisely than before.
    for (const PlaceMention* p : places) {
      Event here;
      fill_place(view, here, *p);
      if (place_rank(here.precision) > place_rank(previous.precision) && same_incident(previous, here)) {
        fill_place(view, previous, *p);
        break;
      }
    }
    return;
  }
  if (is_campaign(view, s, places)) return;
  const size_t events_before = state.events.size();
  // The sentence names several incident places: each has its own trigger and weapons.
  const bool several_places = places.size() > 1;
  for (const PlaceMention* p : places) {
    Event e;
    const std::optional<TimeExpression> date = sentence_date(view, state, s, p->begin);
    // A day the text names counts as the sentence's own even when it cannot be resolved (no
    // publication date): "on Wednesday" is then null, not the day of another incident.
    const bool own_day = date.has_value();
    if (date && date->value) {
      e.date = date->value;
      if (date->value_max && date->value_max != date->value) e.date_max = date->value_max;
      e.confidence += 0.15;
    } else if (const std::optional<Date> day = day_in_written_year(view, s)) {
      e.date = day;
    } else {
      e.date = inherited_date(view, state, s);
      e.date_inherited = e.date.has_value();
    }
    // A whole country with no day of its own is a trend ("a surge in attacks … in Iraq and
    // Syria"), not an incident — unless it answers the incident just told.
    // (The rank is the place's as filled: "a mission support site in Euphrates, Syria" is a site.)
    fill_place(view, e, *p);
    const int rank_here = place_rank(e.precision);
    if (rank_here <= 1 && !own_day && !(is_response(view, s) && e.date)) continue;
    const Trigger* near = trigger_near(view, s, p->begin);
    // The place of a trend: "the nearly daily attacks on American forces in Iraq and Syria".
    // (US "airstrikes in eastern Syria" are the incident, "attacks on American forces in Iraq" a trend.)
    if (near && is_plural_noun(near->surface) && rank_here <= 2 &&
        !(near->kind == TriggerKind::kStrike && tells_of_strike(view, s, actor))) {
      bool counted = false;
      for (const NumberMention* n : view.by_sentence[s].numbers) {
        counted |= n->end <= near->begin && near->begin - n->end < 24 && !n->ordinal && !n->vague;
      }
      if (!counted) continue;
    }
    // "The attack comes days after the group targeted …": an incident recalled with no day is
    // too vague to count as one.
    if (!own_day && !e.date && has_relational_time_word(view, s) && !state.events.empty()) continue;
    e.type = event_type(view, s, actor, near ? near : trigger, several_places);
    e.impact = several_places && near ? one_of(kImpactWords, near->surface) : sentence_has_impact(view, s);
    e.weapons = places.size() > 1 ? weapons_near(view, s, *p, places) : weapon_classes(view, s);
    if (e.type == EventType::kStrike && !(actor.mention && is_strike_actor(view.term(*actor.mention)))) {
      if (const TermMention* striker = strike_actor_in(view, s)) set_actor(view, e, *striker, ActorStatus::kReported);
    } else if (actor.mention && !(e.type == EventType::kAttack && is_strike_actor(view.term(*actor.mention)))) {
      set_actor(view, e, *actor.mention, actor.status);
    }
    e.target = target_text(view, s, actor);
    apply_casualties(e, casualties);
    e.count = e.type == EventType::kStrike ? facility_count(view, s, strike_trigger(view, s, near ? near : trigger)) : site_count(view, s, *p);
    e.sentences.push_back(s);
    e.confidence += 0.15;
    if (!e.weapons.empty()) e.confidence += 0.05;
    e.confidence += rank_here >= 3 ? 0.15 : rank_here == 2 ? 0.05 : -0.15;
    state.events.push_back(std::move(e));
  }
  add_unnamed_counted(view, state, s, events_before, actor);
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
