// Who acts on whom in each incident, read from its sentences, and the scope rule (scope.h)
// applied to it: out-of-scope incidents leave the events for the not_events list.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "salvo/extract/article_state.h"
#include "salvo/extract/sentence_view.h"

namespace salvo::extract {

// Moves the incidents out of scope (scope.h) from state.events to left_out, with the reason.
void keep_in_scope(const ArticleView& view, ArticleState& state, std::vector<NotEvent>& left_out);

}  // namespace salvo::extract
