// The scorer's own name normaliser, written from spec/scoring.md §4 and nothing else: case,
// accents, the Arabic article "al-", hyphens, "airbase" = "air base".
//
// It is deliberately not lexicon/fold.h: the engine's folder is richer (apostrophes, "U.S.",
// "ash-", "oilfield") and changes with the engine, and a scorer that shares the engine's folding
// would grade the engine by its own rules. Here "At-Tanf" ≠ "Tanf" and "U.S." ≠ "US", as the spec
// reads.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace salvo {

// "Ain Al-Asad Airbase" → "ain asad air base"; "Ḩasakah" → "hasakah". Words separated by one
// space, no leading or trailing space. "al" is dropped whether hyphenated or not ("Al Tanf").
std::string normalize_name_for_scoring(std::string_view utf8);

// The words of normalize_name_for_scoring(utf8).
std::vector<std::string> scoring_words(std::string_view utf8);

// Actor rule of §4: one name contains the other, as whole words, after normalisation
// ("Iran" ⊂ "Iran-backed militias"; "US" is not inside "Russian forces"). Empty never matches.
bool names_contain_one_another(std::string_view a, std::string_view b);

}  // namespace salvo
