// The word lists extraction's rules look for, as typed tables (data/lexicon/cues.tsv is their
// intended home: the code should hold only the logic). Lower case: they are compared with words
// of the lowered article.
#pragma once

#include <algorithm>
#include <array>
#include <string_view>

namespace salvo::extract {

template <size_t N>
bool one_of(const std::array<std::string_view, N>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

inline constexpr std::array<std::string_view, 18> kReportingWords = {
    "said", "says", "told", "official", "officials", "statement", "spokesman", "spokesperson", "source",
    "sources", "announced", "confirmed", "reported", "stated", "added", "noted", "media", "spokeswoman"};
inline constexpr std::array<std::string_view, 13> kReportingVerbs = {"said", "says", "told", "announced", "confirmed", "reported",
                                                                     "stated", "added", "noted", "warned", "revealed", "claimed",
                                                                     "explained"};
inline constexpr std::array<std::string_view, 8> kPassiveAuxiliaries = {"was", "were", "been", "being", "is", "are", "got", "be"};
// Words of an attack that land: with them a sentence reports an attack even when something was
// also intercepted.
inline constexpr std::array<std::string_view, 17> kImpactWords = {"hit", "hits", "slammed", "slammed into", "landed", "impacted",
                                                                  "exploded", "explosion", "blast", "struck by", "touched down",
                                                                  "detonated", "rained down", "landing", "crashed", "crashed into",
                                                                  "crashes into"};
// Plural nouns of incidents: alone (without a count) they speak of a trend, not an incident.
inline constexpr std::array<std::string_view, 12> kPluralIncidentNouns = {
    "attacks", "strikes", "airstrikes", "air strikes", "assaults", "raids", "incidents", "rocket attacks",
    "drone attacks", "missile attacks", "air raids", "targets"};
// Words that place an incident before or after another, so that it does not share its day.
inline constexpr std::array<std::string_view, 10> kRelationalTimeWords = {"after", "before", "earlier", "ago", "previous",
                                                                          "prior", "later", "since", "anniversary", "following"};

}  // namespace salvo::extract
