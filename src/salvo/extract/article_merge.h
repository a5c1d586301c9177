// Coalescing: the events of an article that are one incident, told several times or at several
// precisions, become one (not to be confused with merge/, which joins articles).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "salvo/extract/article_state.h"
#include "salvo/extract/sentence_view.h"

namespace salvo::extract {

// Whether b (vaguer or equal) may be the same incident as a: types that agree, one country,
// compatible days, and places that can be one (the same place, a convoy on the move, one base
// under two names, or a vaguer place holding the other).
bool same_incident(const Event& a, const Event& b);
// Coalesces the events of state that are one incident, pair by pair in text order (the result
// depends on that order).
void merge_events(ArticleState& state);

}  // namespace salvo::extract
