#include "salvo/lexicon/side.h"

#include <array>
#include <utility>

namespace salvo {

namespace {

constexpr std::array<std::pair<Side, std::string_view>, 5> kSideNames = {{
    {Side::kUnknown, "unknown"},
    {Side::kUsCoalition, "us_coalition"},
    {Side::kOther, "other"},
    {Side::kMilitia, "militia"},
    {Side::kIranianState, "iranian_state"},
}};

}  // namespace

const char* to_string(Side side) {
  for (const auto& [value, name] : kSideNames) {
    if (value == side) return name.data();
  }
  return "unknown";
}

std::optional<Side> parse_side(std::string_view text) {
  for (const auto& [value, name] : kSideNames) {
    if (name == text) return value;
  }
  return std::nullopt;
}

std::string side_names() {
  std::string names;
  for (const auto& entry : kSideNames) {
    if (!names.empty()) names += ", ";
    names += entry.second;
  }
  return names;
}

}  // namespace salvo
