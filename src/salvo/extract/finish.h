// The last touches of an event once the article is read: a default striker, its weapons in
// order, its role (main or background) and the confidence its retelling earns.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "salvo/extract/article_state.h"
#include "salvo/extract/sentence_view.h"

namespace salvo::extract {

// The last touches of e once the article is read (default striker, weapons, role, confidence).
void finish(const ArticleView& view, const ArticleState& state, Event& e);

}  // namespace salvo::extract
