// The sentence's incident words as the readings use them: the main trigger, the one nearest a
// place, and what they say (a plural, a reference back, an impact, a response).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "salvo/extract/article_state.h"
#include "salvo/extract/sentence_view.h"

namespace salvo::extract {

// Sentence s has a trigger of this kind.
bool has_trigger(const ArticleView& view, size_t s, TriggerKind kind);
// The first incident word of sentence s that counts and is not negated; nullptr if none.
const Trigger* main_trigger(const ArticleView& view, size_t s);
// The incident word nearest pos (one before it preferred): what happened at a place there.
const Trigger* trigger_near(const ArticleView& view, size_t s, size_t pos);
// "in response to attacks", "in retaliation for the strike": the trigger names the incident
// another answers.
bool answers_for(const ArticleView& view, size_t s, const Trigger& trigger);
// A plural incident noun made a trend ("most of these attacks", "such strikes", "repeated rocket
// attacks"); "these attacks" alone names incidents told.
bool tells_of_a_trend(const ArticleView& view, size_t s);
// "the strikes", "the military strikes": a noun made definite, naming incidents told.
bool definite(const ArticleView& view, size_t s, const Trigger& noun);
// Sentence s speaks of one incident already told ("The attack was thwarted", "it").
bool refers_back(const ArticleView& view, size_t s, const Trigger* trigger, const Casualties& casualties);
// "Both drones", "all of them": every incident told with the one referred to.
bool speaks_of_all(const ArticleView& view, size_t s);
// "attacks", "retaliatory strikes", "air raids": incidents in the plural.
bool is_plural_noun(const Cues& cues, std::string_view surface);
// Every incident word of sentence s is "the attack" or the like, and it names no weapon.
bool only_definite_references(const ArticleView& view, size_t s);
// Sentence s tells of a response ("retaliated", "in response", "responded").
bool is_response(const ArticleView& view, size_t s);
// Sentence s says something landed or exploded ("hit", "slammed into", "a blast").
bool sentence_has_impact(const ArticleView& view, size_t s);

}  // namespace salvo::extract
