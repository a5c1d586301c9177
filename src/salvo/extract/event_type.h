// What kind of incident a sentence tells (attack, strike, interception), whether it reports an
// incident at all rather than a trend, and how many strikes it counts.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "salvo/extract/article_state.h"
#include "salvo/extract/sentence_view.h"

namespace salvo::extract {

// A US or allied force named acting in sentence s (not reporting, not described), or nullptr.
const TermMention* strike_actor_in(const ArticleView& view, size_t s);
// The article names US or allied forces striking in some sentence (found once).
bool article_names_striker(const ArticleView& view);
// Sentence s tells of US or allied forces striking, not of a strike on US forces.
bool tells_of_strike(const ArticleView& view, size_t s, const ActorChoice& actor);
// What kind of incident happened where `trigger` tells of it: a strike when the sentence tells
// of one; an interception when the trigger is one and nothing landed (with several places, the
// place's own trigger decides); else an attack.
EventType event_type(const ArticleView& view, size_t s, const ActorChoice& actor, const Trigger* trigger, bool several_places);
// An attack told with drones or missiles only and no impact: a later "shot down" may make it an
// interception (rockets that were shot down still hit).
bool may_become_interception(const Event& e);
// The strike word of sentence s, else `fallback` (the verb the striker acts with).
const Trigger& strike_trigger(const ArticleView& view, size_t s, const Trigger* fallback);
// "strike two facilities": how many strikes the trigger counts (1 unless counted).
int facility_count(const ArticleView& view, size_t s, const Trigger& trigger);
// Sentence s reports an incident rather than a trend ("attacks have surged", "a series of").
bool reports_incident(const ArticleView& view, size_t s);

}  // namespace salvo::extract
