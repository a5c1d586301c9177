// Does the engine generalise, or only fit the articles it was tuned on? One number over the whole
// set hides that; so scores per slice (the batch an article was collected in, named by its id's
// prefix: "h3_014_rudaw-…" is slice h3), and the false events on distractors (articles whose gold
// holds no event: reports of something else, or of no attack).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "salvo/evaluate/scorer.h"

namespace salvo {

// The slice an article id names: its part before the first '_' when that is letters then digits
// ("h3_014_x" → "h3", "dev12_a" → "dev12"); empty otherwise ("001_02c4…", "h3", "h3x_a", "_a").
std::string slice_of_article(std::string_view article);

// One SliceScore per slice among `scores`, summing their events and tallies: slices in natural
// order (h2 before h10), the articles without a prefix last.
std::vector<SliceScore> score_slices(const std::vector<ArticleScore>& scores);

// The distractors among `scores` (ArticleScore::distractor) and the false events on each.
DistractorScore score_distractors(const std::vector<ArticleScore>& scores);

}  // namespace salvo
