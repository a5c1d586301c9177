// The sentence tells of incidents at the places it names: one event per place, with its day, its
// type (the trigger nearest the place decides), its weapons, actor, target and casualties.
#include "salvo/extract/readings/readings.h"

#include <algorithm>

#include "salvo/extract/actors.h"
#include "salvo/extract/confidence.h"
#include "salvo/extract/dates.h"
#include "salvo/extract/event_type.h"
#include "salvo/extract/incident_words.h"
#include "salvo/extract/places.h"
#include "salvo/extract/weapons.h"

namespace salvo::extract {

namespace {

// "Two separate attacks were reported on bases in Iraq on Thursday, with an explosion at the
// Harir airbase": a counted group names fewer places than it counts; the rest happened
// somewhere in the country named.
void add_unnamed_counted(const ArticleView& view, ArticleState& state, size_t s, size_t events_before, const ActorChoice& actor) {
  long counted = 0;
  for (const Trigger& trig : view.by_sentence[s].triggers) {
    const Trigger* t = &trig;
    if (t->kind != TriggerKind::kAttack || !is_plural_noun(view.cues(), t->surface)) continue;
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
  e.confidence = kUnnamedCounted;
  if (actor.mention && e.actor.empty()) set_actor(view, e, *actor.mention, actor.status);
  state.events.push_back(std::move(e));
}

}  // namespace

bool incidents_at_places(const ArticleView& view, const SentenceReading& r, ArticleState& state) {
  const size_t s = r.s;
  const Trigger* trigger = r.trigger;
  const ActorChoice& actor = r.actor;
  const Casualties& casualties = r.casualties;
  const std::vector<const PlaceMention*>& places = r.places;
  if (is_campaign(view, s, places)) return true;
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
      e.confidence += kOwnDay;
    } else if (const std::optional<Date> day = heading_date(view, s)) {
      e.date = day;  // a timeline's entry
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
    // At a named base too, when no day says which: "The majority of these assaults have focused
    // on the Conoco gas plant and the al-Shaddadi base".
    // ("The military strikes landed at the Ain al-Assad airbase": the strikes told, definite.)
    if (near && is_plural_noun(view.cues(), near->surface) && (rank_here <= 2 || (!own_day && !definite(view, s, *near))) &&
        !(near->kind == TriggerKind::kStrike && tells_of_strike(view, s, actor))) {
      bool counted = false;
      for (const NumberMention* n : view.by_sentence[s].numbers) {
        counted |= n->end <= near->begin && near->begin - n->end < 24 && !n->ordinal && !n->vague;
      }
      if (!counted) continue;
    }
    // "Most of these attacks have targeted Al-Tanf and Green Village": incidents counted over a
    // stretch of time, whatever verb follows.
    if (!own_day && tells_of_a_trend(view, s)) continue;
    // "The attack comes days after the group targeted …": an incident recalled with no day is
    // too vague to count as one.
    if (!own_day && !e.date && has_relational_time_word(view, s) && !state.events.empty()) continue;
    e.type = event_type(view, s, actor, near ? near : trigger, several_places);
    e.impact = several_places && near ? view.cues().has(CueKind::kImpact, near->surface) : sentence_has_impact(view, s);
    e.weapons = places.size() > 1 ? weapons_near(view, s, *p, places) : weapon_classes(view, s);
    if (e.type == EventType::kStrike && !(actor.mention && is_strike_actor(view.term(*actor.mention)))) {
      if (const TermMention* striker = strike_actor_in(view, s)) set_actor(view, e, *striker, ActorStatus::kReported);
    } else if (actor.mention && !(e.type == EventType::kAttack && is_strike_actor(view.term(*actor.mention)))) {
      set_actor(view, e, *actor.mention, actor.status);
    }
    // "The U.S. strike followed … when the Iranian-backed fighters fired two missiles at
    // Al-Asad": an attack told beside a strike has the subject of its own word.
    if (e.actor.empty() && e.type != EventType::kStrike && near && near != trigger) {
      const ActorChoice own = attacker_of(view, s, *near);
      if (own.mention) set_actor(view, e, *own.mention, own.status);
    }
    e.target = target_text(view, s, actor);
    apply_casualties(e, casualties);
    e.count = e.type == EventType::kStrike ? facility_count(view, s, strike_trigger(view, s, near ? near : trigger)) : site_count(view, s, *p);
    e.sentences.push_back(s);
    e.confidence += kToldAtPlace;
    if (!e.weapons.empty()) e.confidence += kWeaponNamed;
    e.confidence += rank_here >= 3 ? kTownOrSitePlace : rank_here == 2 ? kProvincePlace : -kCountryPlacePenalty;
    // "… has retaliated three times, on Oct. 26, Oct. 8, Oct. 13 in Deir ez-Zor": one incident
    // per day listed. Days that resolve make one record each; days that do not (no publication
    // date) one record that counts them.
    const std::vector<const TimeExpression*> days = listed_days(view, s);
    if (days.size() > 1) {
      const bool resolved = std::all_of(days.begin(), days.end(), [](const TimeExpression* t) { return t->value.has_value(); });
      if (resolved) {
        for (const TimeExpression* day : days) {
          if (day->value == e.date) continue;
          Event copy = e;
          copy.date = day->value;
          copy.date_max.reset();
          state.events.push_back(std::move(copy));
        }
      } else {
        e.count = static_cast<int>(days.size());
      }
    }
    state.events.push_back(std::move(e));
  }
  add_unnamed_counted(view, state, s, events_before, actor);
  return true;
}

}  // namespace salvo::extract
