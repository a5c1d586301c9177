// Running tallies: "74 attacks since 17 October: 36 in Iraq, 38 in Syria", "45 US personnel
// injured", "targeted at least 41 times since October 17".
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "salvo/extract/article_state.h"
#include "salvo/extract/sentence_view.h"

namespace salvo::extract {

// Appends the running tallies the English sentences state, in text order.
void find_tallies(const ArticleView& view, std::vector<Tally>& out);

}  // namespace salvo::extract
