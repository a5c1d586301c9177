// Reading one sentence: the patterns of reporting it may follow, tried in order.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "salvo/extract/article_state.h"
#include "salvo/extract/sentence_view.h"

namespace salvo::extract {

void read_sentence(const ArticleView& view, ArticleState& state, size_t s);
void apply_pending_casualties(const ArticleView& view, ArticleState& state);

}  // namespace salvo::extract
