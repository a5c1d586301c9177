// Who did it and how it is known (claimed, accused, reported), and what was hit.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "salvo/extract/article_state.h"
#include "salvo/extract/sentence_view.h"

namespace salvo::extract {

bool is_reporter(const ArticleView& view, size_t s, const TermMention& actor);
void set_actor(const ArticleView& view, Event& e, const TermMention& actor, ActorStatus status);
void share_sentence_actors(ArticleState& state);
ActorChoice choose_actor(const ArticleView& view, size_t s, const Trigger* trigger);
ActorChoice actor_referred_to(const ArticleView& view, const ArticleState& state, size_t s, const Trigger& trigger);
std::string target_text(const ArticleView& view, size_t s, const ActorChoice& actor);
void default_strike_actor(const ArticleView& view, Event& e);
void apply_article_claims(const ArticleView& view, ArticleState& state);

}  // namespace salvo::extract
