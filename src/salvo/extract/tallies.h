// Running tallies: "74 attacks since 17 October: 36 in Iraq, 38 in Syria", "45 US personnel
// injured", "targeted at least 41 times since October 17".
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "salvo/extract/article_state.h"
#include "salvo/extract/sentence_view.h"

namespace salvo::extract {

// Appends the running tallies the English sentences state, in text order; a tally told twice
// once, and a count of attacks in one country named before it that country's.
void find_tallies(const ArticleView& view, std::vector<Tally>& out);
// "have been attacked 15 times since March": sentence s counts repeated incidents since a day,
// which are no incident of their own.
bool counts_repeated_incidents(const ArticleView& view, size_t s);

}  // namespace salvo::extract
