// Which side of this domain a party is on: the `side` column of data/lexicon/actors.csv, and what
// scope decides from (extract/scope.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace salvo {

enum class Side {
  kUnknown,      // not named, or named only generically ("gunmen", "unknown assailants")
  kUsCoalition,  // US forces, the US-led coalition and its members, US diplomats and contractors
  kOther,        // any other force: Iraqi, Kurdish, Turkish, Israeli, Russian, Syrian, Iranian, ISIS
  kMilitia,      // the groups that attack US forces (Iran-aligned militias, their fronts and umbrellas)
  // Iran's own forces: they attack US bases (Ain al-Asad, January 2020) and targets of their own
  // in Iraq ("spy headquarters" in Erbil); in scope only when a US target or site is hit.
  kIranianState,
};

// The side as actors.csv writes it: unknown, us_coalition, other, militia, iranian_state.
const char* to_string(Side side);
std::optional<Side> parse_side(std::string_view text);
// Every side as written there, for error messages: "unknown, us_coalition, …".
std::string side_names();

}  // namespace salvo
