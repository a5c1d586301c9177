// Who did it and how it is known (claimed, accused, reported), and what was hit.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "salvo/extract/article_state.h"
#include "salvo/extract/sentence_view.h"

namespace salvo::extract {

// The actor mention is who reports ("a US official said", "according to the Pentagon") or
// describes someone else ("the US embassy"), not who acts.
bool is_reporter(const ArticleView& view, size_t s, const TermMention& actor);
// "U.S. Central Command forces conducted strikes": the actor's name describes its own forces,
// which act (not the attacked: "a drone targeting the US-led coalition forces").
bool names_its_forces(const ArticleView& view, size_t s, const TermMention& actor);
// Who can claim an attack: not US or coalition forces, whose "claims" are statements about
// attacks on them ("The coalition claims that all recent attacks hit convoys of Iraqi forces").
bool may_claim(const ArticleView& view, const TermMention& actor);
// Gives e the actor of the mention, with how it is known: a named group by its canonical name, a
// description ("pro-Iranian militias") as the source words it.
void set_actor(const ArticleView& view, Event& e, const TermMention& actor, ActorStatus status);
// An incident with no actor takes the one actor the other incidents of its sentences agree on.
void share_sentence_actors(ArticleState& state);
// Who did what sentence s tells (by its trigger), and how it is known; none if not said.
ActorChoice choose_actor(const ArticleView& view, size_t s, const Trigger* trigger);
// The subject of an attack word in active voice: the nearest actor before it that is neither a
// reporter nor a force that strikes ("… strike by an AC-130 gunship when the Iranian-backed
// fighters fired two missiles at Al-Asad": the fighters fired).
ActorChoice attacker_of(const ArticleView& view, size_t s, const Trigger& trigger);
// "they also targeted …": the actor last named, when the trigger's subject refers back.
ActorChoice actor_referred_to(const ArticleView& view, const ArticleState& state, size_t s, const Trigger& trigger);
// What was hit, as written: the first target that is not the actor nor a bystander; "" if none.
std::string target_text(const ArticleView& view, size_t s, const ActorChoice& actor);
// A strike with no actor in a sentence about the US is a US strike.
void default_strike_actor(const ArticleView& view, Event& e);
// An attack told with no actor takes the perpetrator the article names acting nearest before it
// (after it when none is before): a group that attacks US forces or a generic name for them.
void apply_article_perpetrator(const ArticleView& view, ArticleState& state);
// "An Iraqi militia claimed a drone attack … The group, Saraya Awliya al-Dam, is one of …": a
// subject that refers back, named in apposition in one of the next sentences, names the generic
// actor of the incident just told (how it is known stays).
void name_described_actors(const ArticleView& view, ArticleState& state);
// Claims and accusations told apart (state.pending_claims) go to the incidents they follow.
void apply_article_claims(const ArticleView& view, ArticleState& state);

}  // namespace salvo::extract
