// The weapon classes of a sentence, or of one of its places.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "salvo/extract/article_state.h"
#include "salvo/extract/sentence_view.h"

namespace salvo::extract {

// The weapon classes sentence s names, sorted, once each.
std::vector<std::string> weapon_classes(const ArticleView& view, size_t s);
// The weapon classes of one of several places of sentence s: those nearest it, else those of the
// place before it joined by "and", else the sentence's.
std::vector<std::string> weapons_near(const ArticleView& view, size_t s, const PlaceMention& place, const std::vector<const PlaceMention*>& places);

}  // namespace salvo::extract
