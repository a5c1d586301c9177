// Where the incidents of a sentence happened: the places that say so (not an actor's name, an
// origin, a dateline or a qualifier of another place), and an event's place filled from one.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "salvo/extract/article_state.h"
#include "salvo/extract/sentence_view.h"

namespace salvo::extract {

inline constexpr size_t kNoPlace = static_cast<size_t>(-1);  // Event::place when there is none
int place_rank(const std::optional<PlacePrecision>& precision);
std::vector<const PlaceMention*> event_places(const ArticleView& view, size_t s);
int site_count(const ArticleView& view, size_t s, const PlaceMention& p);
void fill_place(const ArticleView& view, Event& e, const PlaceMention& p);
bool is_campaign(const ArticleView& view, size_t s, const std::vector<const PlaceMention*>& places);

}  // namespace salvo::extract
