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
// Iraq, Syria, Jordan: the countries of this domain.
bool in_domain_country(std::string_view country);
// End of sentence s's dateline ("BAGHDAD (AP) —"), or its start when it has none.
size_t dateline_end(const ArticleView& view, size_t s);
// How precise a place is: site 4, town 3, province or region 2, country 1, none 0.
int place_rank(const std::optional<PlacePrecision>& precision);
// The places where sentence s's incidents happened, in text order, each once; nothing vaguer
// than the most specific one named.
std::vector<const PlaceMention*> event_places(const ArticleView& view, size_t s);
// "two sites in northeastern Syria": how many incidents a place stands for (1 unless counted).
int site_count(const ArticleView& view, size_t s, const PlaceMention& p);
// An event no place mention located, in a province or a country the article makes known: drawn
// at that province's or country's map point with that precision (as ACLED places an event known
// only to a province), its place id the area's; `location` stays what the text gave: none.
void place_in_known_area(const ArticleView& view, Event& e);

// Sets e's place (gazetteer index, precision, country, admin1, location as written, coordinates)
// from the mention p, refined by a site named after its kind or a base before it.
void fill_place(const ArticleView& view, Event& e, const PlaceMention& p);
// A multitude across whole countries ("dozens of targets in Syria and Iraq"): no incidents.
bool is_campaign(const ArticleView& view, size_t s, const std::vector<const PlaceMention*>& places);

}  // namespace salvo::extract
