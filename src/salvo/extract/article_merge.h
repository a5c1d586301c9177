// Coalescing: the events of an article that are one incident, told several times or at several
// precisions, become one (not to be confused with merge/, which joins articles).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "salvo/extract/article_state.h"
#include "salvo/extract/sentence_view.h"

namespace salvo::extract {

bool same_incident(const Event& a, const Event& b);
void merge_events(ArticleState& state);

}  // namespace salvo::extract
