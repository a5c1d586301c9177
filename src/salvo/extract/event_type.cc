#include "salvo/extract/event_type.h"

#include <algorithm>

#include "salvo/extract/actors.h"
#include "salvo/extract/dates.h"
#include "salvo/extract/incident_words.h"
#include "salvo/extract/kinds.h"

namespace salvo::extract {

namespace {

bool is_verb_form(std::string_view surface);

bool is_verb_form(std::string_view surface) {
  return surface.size() > 3 && (surface.compare(surface.size() - 2, 2, "ed") == 0 ||
                                surface.compare(surface.size() - 3, 3, "ing") == 0 || surface == "hit" || surface == "hits");
}

}  // namespace

// Whether the sentence tells of US or allied forces striking: "US airstrikes", "F-15s struck a
// facility", "The U.S. targeted five facilities" — and not of a strike on US forces.
// A US or allied force named as acting in the sentence (not reporting, not describing).
const TermMention* strike_actor_in(const ArticleView& view, size_t s) {
  for (const TermMention* a : view.by_sentence[s].actors) {
    if (!is_strike_actor(view.term(*a)) || (is_reporter(view, s, *a) && !names_its_forces(view, s, *a))) continue;
    // The force must come before what it did: in "rockets struck near where U.S. forces are
    // based" the US forces are where the rockets fell.
    for (const Trigger& t : view.by_sentence[s].triggers) {
      const TriggerKind kind = t.kind;
      if ((kind == TriggerKind::kStrike || kind == TriggerKind::kAttack) && a->end <= t.begin && t.begin - a->end < 80 &&
          !t.negated) {
        return a;
      }
      // "a U.S. drone strike": the force named with its strike.
      if (kind == TriggerKind::kStrike && t.begin >= a->begin && t.end <= a->end) return a;
    }
  }
  return nullptr;
}

bool article_names_striker(const ArticleView& view) {
  if (!view.names_striker) {
    bool found = false;
    for (size_t s = 0; s < view.by_sentence.size() && !found; ++s) found = strike_actor_in(view, s) != nullptr;
    view.names_striker = found;
  }
  return *view.names_striker;
}

bool tells_of_strike(const ArticleView& view, size_t s, const ActorChoice& actor) {
  const SentenceMentions& m = view.by_sentence[s];
  const bool strike_actor = (actor.mention && is_strike_actor(view.term(*actor.mention)) &&
                             actor.status == ActorStatus::kReported) ||
                            strike_actor_in(view, s) != nullptr;
  // "… in the drone strike on Sunday that was claimed by Islamic Resistance in Iraq": a strike
  // word of a group that attacks US forces tells its attack, whoever else strikes in the article.
  const bool attacker_named = actor.mention && (side_of_actor(view.term(*actor.mention)) == Side::kMilitia ||
                                                is_generic_actor(view.term(*actor.mention)));
  bool aircraft = false;
  for (const TermMention* w : m.weapons) aircraft |= view.term(*w).kind == "aircraft";
  for (const Trigger& trig : m.triggers) {
    const Trigger* t = &trig;
    const TriggerKind kind = t->kind;
    const std::string_view surface = t->surface;
    if (kind == TriggerKind::kStrike) {
      const bool air_word = surface.find("air") != std::string_view::npos || surface.find("raid") != std::string_view::npos ||
                            surface.find("retaliat") != std::string_view::npos ||
                            surface.find("self-def") != std::string_view::npos;
      // "Austin said the strikes were conducted against a training facility": in an article
      // that names US or allied forces striking, "the strikes" are theirs.
      if (!(strike_actor || aircraft || air_word || (article_names_striker(view) && definite(view, s, *t) && !attacker_named))) {
        continue;
      }
      bool us_target = false;
      for (const TermMention* target : m.targets) {
        us_target |= target->begin > t->end && target->begin - t->end < 40 && is_us_forces_target(view.term(*target));
      }
      if (strike_actor || !us_target) return true;
    } else if (kind == TriggerKind::kAttack && strike_actor && !t->passive) {
      // "The U.S. targeted five facilities": a verb, not the noun of "faces second attack".
      if (surface.size() > 3 && (surface.compare(surface.size() - 2, 2, "ed") == 0 ||
                                 surface.compare(surface.size() - 3, 3, "ing") == 0)) {
        return true;
      }
    }
  }
  return false;
}

EventType event_type(const ArticleView& view, size_t s, const ActorChoice& actor, const Trigger* trigger, bool several_places) {
  if (tells_of_strike(view, s, actor)) {
    // "… after the group targeted the Ain al-Asad base, to which the US responded with
    // airstrikes near Qaim": the place nearest an attack word was attacked, not struck.
    // "an airstrike targeting facilities … east of Syria": the place of a verb describing the
    // strike is struck; a place by an attack noun ("following a drone attack … in Jordan") is not.
    bool strike_before = false;
    const bool near_is_noun = trigger && trigger->kind == TriggerKind::kAttack && !is_verb_form(trigger->surface);
    const SentenceMentions& m = view.by_sentence[s];
    for (const Trigger& t : m.triggers) {
      // "… a retaliatory strike by an AC-130 that was in the air when the Iranian-backed fighters
      // fired missiles at Al-Asad": a group that attacks US forces, acting between the strike and
      // this place's word, did what happened here.
      const bool attacker_between = trigger && std::any_of(m.actors.begin(), m.actors.end(), [&](const TermMention* a) {
                                      return a->begin >= t.end && a->end <= trigger->begin &&
                                             (side_of_actor(view.term(*a)) == Side::kMilitia || is_generic_actor(view.term(*a)));
                                    });
      strike_before |= t.kind == TriggerKind::kStrike && trigger && t.end <= trigger->begin && !near_is_noun && !attacker_between;
    }
    const bool strike_near = !trigger || trigger->kind == TriggerKind::kStrike || strike_before ||
                             (!near_is_noun && actor.mention && is_strike_actor(view.term(*actor.mention)) &&
                              actor.mention->end <= trigger->begin);
    if (strike_near) return EventType::kStrike;
  }
  // The place's own trigger decides: "Two drones were shot down near Al-Tanf, while rockets hit
  // Green Village" is an interception and an attack.
  // With one place, anything that landed makes it an attack ("intercepted a drone over Ain
  // al-Asad air base, but a second drone hit the base").
  if (trigger && trigger->kind == TriggerKind::kInterception) {
    return several_places || !sentence_has_impact(view, s) ? EventType::kInterception : EventType::kAttack;
  }
  // "A drone targeting the coalition near Erbil airport was shot down": at one place, an attack
  // told as stopped, with nothing said to land, was intercepted.
  if (!several_places && !sentence_has_impact(view, s)) {
    for (const Trigger& t : view.by_sentence[s].triggers) {
      if (t.kind == TriggerKind::kInterception && !t.negated) return EventType::kInterception;
    }
  }
  return EventType::kAttack;
}

// An attack told first becomes an interception when the text then says it was stopped — for
// drones and missiles, which air defences stop; rockets that were "shot down" still hit.
bool may_become_interception(const Event& e) {
  if (e.type != EventType::kAttack || e.impact) return false;
  for (const std::string& w : e.weapons) {
    if (w != "drone" && w != "missile") return false;
  }
  return !e.weapons.empty();
}

// The word telling of the strike itself: a strike word, else the verb the striker acts with.
const Trigger& strike_trigger(const ArticleView& view, size_t s, const Trigger* fallback) {
  for (const Trigger& t : view.by_sentence[s].triggers) {
    if (t.kind == TriggerKind::kStrike && !t.negated) return t;
  }
  return *fallback;
}

// "strike two facilities", "targeted five … weapon storage facilities": how many strikes.
int facility_count(const ArticleView& view, size_t s, const Trigger& trigger) {
  // "two strikes against nine targets in two locations": the places struck are the incidents
  // (one event = one place on one day), however many targets each held.
  for (const NumberMention* n : view.by_sentence[s].numbers) {
    if (n->begin < trigger.end || n->ordinal || n->vague || n->value < 2 || n->value > 20) continue;
    const Nearby after = words_after(view.lowered, n->end, view.sentence(s).end, 2);
    const bool places = !after.empty() && (after[0] == "locations" || after[0] == "sites" || after[0] == "places" ||
                                           (after.size() > 1 && after[1] == "locations"));
    const Nearby before = words_before(view.lowered, n->begin, view.sentence(s).begin, 1);
    if (places && !before.empty() && (before[0] == "in" || before[0] == "at")) return static_cast<int>(n->value);
  }
  for (const NumberMention* n : view.by_sentence[s].numbers) {
    if (n->begin < trigger.end || n->begin - trigger.end > 16 || n->ordinal || n->vague || n->value < 2 || n->value > 20) continue;
    for (std::string_view w : words_after(view.lowered, n->end, view.sentence(s).end, 7)) {
      if (view.cues().has(CueKind::kFacilityWord, w)) return static_cast<int>(n->value);
    }
  }
  return 1;
}

// Whether the sentence reports an incident rather than a trend: some trigger is not a bare
// plural ("attacks on US troops have surged"), or the plural is counted ("two attacks").
bool reports_incident(const ArticleView& view, size_t s) {
  const SentenceMentions& m = view.by_sentence[s];
  // Words of a trend: "this pattern of rocket and drone assaults", "a series of attacks".
  const std::string_view lowered = view.lowered_sentence(s);
  for (std::string_view cue : view.cues().of(CueKind::kTrend)) {
    if (lowered.find(cue) != std::string::npos) return false;
  }
  for (const Trigger& trig : m.triggers) {
    const Trigger* t = &trig;
    if (!m.counts(*t)) continue;
    if (!is_plural_noun(view.cues(), t->surface)) return true;
    // "The military strikes landed at …": definite plurals are incidents already in view.
    const Nearby before = words_before(view.lowered, t->begin, view.sentence(s).begin, 2);
    for (std::string_view w : before) {
      if (w == "the" || w == "these" || w == "those") return true;
    }
    for (const NumberMention* n : view.by_sentence[s].numbers) {
      if (n->end <= t->begin && t->begin - n->end < 24 && !n->ordinal && !n->vague) return true;
    }
    // "The US responded with airstrikes near Al-Qaim", "ordered airstrikes … on Thursday": a
    // force's strikes are an incident when they answer one or have a day ("protection against
    // Russian airstrikes" has neither).
    if (t->kind == TriggerKind::kStrike && tells_of_strike(view, s, choose_actor(view, s, t)) && (is_response(view, s) || has_day(view, s))) return true;
  }
  return false;
}

}  // namespace salvo::extract
