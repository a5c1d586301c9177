#include "salvo/store/event_filter.h"

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <cmath>
#include <sstream>

#include "salvo/base/date.h"

namespace salvo {
namespace {

constexpr std::array<const char*, 3> kTypes = {"attack", "interception", "strike"};
constexpr std::array<const char*, 8> kWeapons = {"rocket", "drone", "missile", "mortar", "ied", "small_arms", "aircraft", "unknown"};

template <size_t N>
bool one_of(const std::array<const char*, N>& values, const std::string& value) {
  for (const char* v : values) {
    if (value == v) return true;
  }
  return false;
}

template <size_t N>
std::string listed(const std::array<const char*, N>& values) {
  std::string out;
  for (const char* v : values) out += (out.empty() ? "" : ", ") + std::string(v);
  return out;
}

}  // namespace

Result<EventFilter> parse_event_filter(const EventFilterText& text, std::string (*field_name)(const char* field)) {
  EventFilter filter;
  // A NUL ends the name where SQL's LIKE reads it: "actor=%00" matched every event.
  if (text.actor.find('\0') != std::string::npos || text.actor.size() > 200) {
    return Error{fmt::format("{} wants a part of an actor's name (no NUL byte, at most 200 bytes)", field_name("actor"))};
  }
  filter.actor = text.actor;
  if (!text.country.empty()) {
    const bool code = text.country.size() == 2 && std::isupper(static_cast<unsigned char>(text.country[0])) &&
                      std::isupper(static_cast<unsigned char>(text.country[1]));
    if (!code) return Error{fmt::format("{} wants an ISO country code of two capitals (IQ, SY, JO), got '{}'", field_name("country"), text.country)};
    filter.country = text.country;
  }
  for (const auto& [name, value, out] : {std::tuple{"since", &text.since, &filter.since}, std::tuple{"until", &text.until, &filter.until}}) {
    if (value->empty()) continue;
    if (value->size() != 10 || !parse_iso_date_prefix(*value)) {
      return Error{fmt::format("{} wants a date YYYY-MM-DD, got '{}'", field_name(name), *value)};
    }
    *out = *value;
  }
  // ISO dates compare as text.
  if (!filter.since.empty() && !filter.until.empty() && filter.since > filter.until) {
    return Error{fmt::format("{} {} is after {} {}: no day is in that range", field_name("since"), filter.since, field_name("until"),
                             filter.until)};
  }
  if (!text.type.empty()) {
    if (!one_of(kTypes, text.type)) return Error{fmt::format("{} wants one of {}, got '{}'", field_name("type"), listed(kTypes), text.type)};
    filter.type = text.type;
  }
  if (!text.weapon.empty()) {
    if (!one_of(kWeapons, text.weapon)) {
      return Error{fmt::format("{} wants one of {}, got '{}'", field_name("weapon"), listed(kWeapons), text.weapon)};
    }
    filter.weapon = text.weapon;
  }
  if (!text.bbox.empty()) {
    std::array<double, 4> box{};
    std::istringstream in(text.bbox);
    char comma[3] = {};
    const bool read = static_cast<bool>(in >> box[0] >> comma[0] >> box[1] >> comma[1] >> box[2] >> comma[2] >> box[3]) &&
                      (in >> std::ws).eof() && comma[0] == ',' && comma[1] == ',' && comma[2] == ',';
    if (!read || box[0] > box[2] || box[1] > box[3] || box[1] < -90 || box[3] > 90 || box[0] < -180 || box[2] > 180) {
      return Error{fmt::format("{} wants WEST,SOUTH,EAST,NORTH in degrees (e.g. 38,29,49,38), got '{}'", field_name("bbox"), text.bbox)};
    }
    filter.bbox = box;
  }
  if (!text.min_confidence.empty()) {
    double value = -1;
    const auto [end, error] = std::from_chars(text.min_confidence.data(), text.min_confidence.data() + text.min_confidence.size(), value);
    if (error != std::errc() || end != text.min_confidence.data() + text.min_confidence.size() || !(value >= 0 && value <= 1)) {
      return Error{fmt::format("{} wants a number from 0 to 1, got '{}'", field_name("min_confidence"), text.min_confidence)};
    }
    filter.min_confidence = value;
  }
  if (!text.limit.empty()) {
    size_t value = 0;
    const auto [end, error] = std::from_chars(text.limit.data(), text.limit.data() + text.limit.size(), value);
    if (error != std::errc() || end != text.limit.data() + text.limit.size() || value < 1 || value > kMaxEventPage) {
      return Error{fmt::format("{} wants a whole number from 1 to {}, got '{}'", field_name("limit"), kMaxEventPage, text.limit)};
    }
    filter.limit = value;
  }
  if (!text.cursor.empty()) {
    if (!parse_event_cursor(text.cursor)) {
      return Error{fmt::format("{} is not a cursor this server gave (next_cursor of a page), got '{}'", field_name("cursor"), text.cursor)};
    }
    filter.cursor = text.cursor;
  }
  if (!text.sort.empty()) {
    if (text.sort != "date" && text.sort != "-date") {
      return Error{fmt::format("{} wants 'date' (oldest first) or '-date' (newest first), got '{}'", field_name("sort"), text.sort)};
    }
    filter.newest_first = text.sort == "-date";
  }
  return filter;
}

}  // namespace salvo
