// What kind of incident a sentence tells (attack, strike, interception), whether it reports an
// incident at all rather than a trend, and how many strikes it counts.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "salvo/extract/article_state.h"
#include "salvo/extract/sentence_view.h"

namespace salvo::extract {

const TermMention* strike_actor_in(const ArticleView& view, size_t s);
bool tells_of_strike(const ArticleView& view, size_t s, const ActorChoice& actor);
EventType event_type(const ArticleView& view, size_t s, const ActorChoice& actor, const Trigger* trigger, bool several_places);
bool may_become_interception(const Event& e);
const Trigger& strike_trigger(const ArticleView& view, size_t s, const Trigger* fallback);
int facility_count(const ArticleView& view, size_t s, const Trigger& trigger);
bool reports_incident(const ArticleView& view, size_t s);

}  // namespace salvo::extract
