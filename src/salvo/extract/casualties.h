// Killed and injured as one sentence states them: "killing eight members", "Three American and two
// Iraqi service members were injured", "no casualties", "No US personnel were injured",
// "A civilian U.S. contractor died". Zero only when the text says none.
#pragma once

#include <optional>
#include <string_view>

namespace salvo {

struct Casualties {
  std::optional<int> killed;
  std::optional<int> injured;
  bool any() const { return killed || injured; }
};

Casualties find_casualties(std::string_view sentence);
// The same, for a caller that holds the sentence in lower case already (byte for byte, ASCII
// letters lowered).
Casualties find_casualties(std::string_view sentence, std::string_view lowered);

struct Event;
// Sentences about one incident give partial counts ("two Americans killed", "three coalition
// personnel killed"); the largest is the most complete.
void apply_casualties(Event& e, const Casualties& c);

}  // namespace salvo
