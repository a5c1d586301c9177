#include "salvo/store/event_filter.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <sstream>

#include "salvo/base/ascii.h"
#include "salvo/base/date.h"
#include "salvo/base/utf8.h"

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

// "attack, strike" → {"attack", "strike"}; an empty item ("attack,") is none.
std::vector<std::string> comma_separated(const std::string& text) {
  std::vector<std::string> items;
  for (size_t start = 0; start <= text.size();) {
    const size_t end = std::min(text.find(',', start), text.size());
    std::string item = text.substr(start, end - start);
    item.erase(0, item.find_first_not_of(' '));
    item.erase(item.find_last_not_of(' ') + 1);
    items.push_back(std::move(item));
    start = end + 1;
  }
  return items;
}

// Each value of a comma-separated list, one of `values`.
template <size_t N>
Result<std::vector<std::string>> one_of_each(const std::string& text, const std::array<const char*, N>& values, const std::string& field) {
  std::vector<std::string> out;
  for (const std::string& item : comma_separated(text)) {
    if (!one_of(values, item)) {
      return Error{fmt::format("{} wants one or more of {} (comma-separated), got '{}'", field, listed(values), item)};
    }
    out.push_back(item);
  }
  return out;
}

// A country by code ("IQ", "iq") or by the gazetteer's name or alias ("Iraq", "syria"), ASCII
// case aside.
std::optional<std::string> country_code(const std::string& given, const Gazetteer& countries) {
  if (given.size() == 2 && is_ascii_alpha(given[0]) && is_ascii_alpha(given[1])) {
    const std::string code{static_cast<char>(given[0] & ~0x20), static_cast<char>(given[1] & ~0x20)};
    if (countries.find("country:" + code)) return code;
  }
  for (const Place& place : countries.places()) {
    if (place.kind != PlaceKind::kCountry) continue;
    if (equals_ignoring_ascii_case(place.name, given)) return place.country;
    for (const std::string& alias : place.aliases) {
      if (equals_ignoring_ascii_case(alias, given)) return place.country;
    }
  }
  return std::nullopt;
}

Result<std::vector<std::string>> parse_countries(const std::string& text, const std::string& field, const Gazetteer& countries) {
  std::vector<std::string> codes;
  if (text.empty()) return codes;
  for (const std::string& item : comma_separated(text)) {
    auto code = country_code(item, countries);
    if (!code) {
      return Error{fmt::format("{} wants countries by ISO code or name, comma-separated (IQ, SY, Iraq, syria), got '{}'",
                               field, item)};
    }
    if (std::find(codes.begin(), codes.end(), *code) == codes.end()) codes.push_back(*code);
  }
  return codes;
}

// Since and until, each a day, the one not after the other.
std::optional<Error> parse_days(const std::string& since, const std::string& until, FieldName field_name, std::string& since_out,
                                std::string& until_out) {
  for (const auto& [name, value, out] : {std::tuple{"since", &since, &since_out}, std::tuple{"until", &until, &until_out}}) {
    if (value->empty()) continue;
    if (value->size() != 10 || !parse_iso_date_prefix(*value)) {
      return Error{fmt::format("{} wants a date YYYY-MM-DD, got '{}'", field_name(name), *value)};
    }
    *out = *value;
  }
  // ISO dates compare as text.
  if (!since_out.empty() && !until_out.empty() && since_out > until_out) {
    return Error{fmt::format("{} {} is after {} {}: no day is in that range", field_name("since"), since_out, field_name("until"),
                             until_out)};
  }
  return std::nullopt;
}

// The words of a search: runs of letters and digits (any byte of a UTF-8 character counts as a
// letter), as both engines' tokenizers split text.
Result<std::vector<std::string>> search_words(const std::string& text, const std::string& field) {
  constexpr size_t kMaxWords = 32;
  bool valid = text.size() <= 500;
  for (size_t i = 0; valid && i < text.size();) {
    const size_t n = utf8_character_at(text, i);
    valid = n > 0 && text[i] != '\0';
    i += n;
  }
  std::vector<std::string> words;
  std::string word;
  for (size_t i = 0; valid && i <= text.size(); ++i) {
    if (i < text.size() && (is_ascii_alnum(text[i]) || static_cast<unsigned char>(text[i]) >= 0x80)) {
      word += text[i];
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!valid || words.empty() || words.size() > kMaxWords) {
    return Error{fmt::format("{} wants 1 to {} words in UTF-8 (at most 500 bytes), e.g. 'rockets Ain al-Asad', got '{}'", field,
                             kMaxWords, text)};
  }
  return words;
}

// A place id as the gazetteer makes them: letters, digits and : . _ - / (nothing JSON escapes).
bool place_id(const std::string& text) {
  return !text.empty() && text.size() <= 200 && std::all_of(text.begin(), text.end(), [](char c) {
    return is_ascii_alnum(c) || c == ':' || c == '.' || c == '_' || c == '-' || c == '/';
  });
}

}  // namespace

Result<TallyFilter> parse_tally_filter(const TallyFilterText& text, FieldName field_name, const Gazetteer& countries) {
  TallyFilter filter;
  auto codes = parse_countries(text.country, field_name("country"), countries);
  if (!codes) return codes.error();
  filter.countries = std::move(codes).value();
  if (auto problem = parse_days(text.since, text.until, field_name, filter.since, filter.until)) return *problem;
  return filter;
}

Result<EventFilter> parse_event_filter(const EventFilterText& text, FieldName field_name, const Gazetteer& countries) {
  EventFilter filter;
  // A NUL ends the name where SQL's LIKE reads it: "actor=%00" matched every event.
  if (text.actor.find('\0') != std::string::npos || text.actor.size() > 200) {
    return Error{fmt::format("{} wants a part of an actor's name (no NUL byte, at most 200 bytes)", field_name("actor"))};
  }
  filter.actor = text.actor;
  auto codes = parse_countries(text.country, field_name("country"), countries);
  if (!codes) return codes.error();
  filter.countries = std::move(codes).value();
  if (auto problem = parse_days(text.since, text.until, field_name, filter.since, filter.until)) return *problem;
  if (!text.type.empty()) {
    auto types = one_of_each(text.type, kTypes, field_name("type"));
    if (!types) return types.error();
    filter.types = std::move(types).value();
  }
  if (!text.weapon.empty()) {
    auto weapons = one_of_each(text.weapon, kWeapons, field_name("weapon"));
    if (!weapons) return weapons.error();
    filter.weapons = std::move(weapons).value();
  }
  if (!text.text.empty()) {
    auto words = search_words(text.text, field_name("text"));
    if (!words) return words.error();
    filter.words = std::move(words).value();
  }
  if (!text.admin1.empty()) {
    if (text.admin1.find('\0') != std::string::npos || text.admin1.size() > 200) {
      return Error{fmt::format("{} wants a first-level division's name (Anbar, Deir ez-Zor), got '{}'", field_name("admin1"), text.admin1)};
    }
    filter.admin1 = text.admin1;
  }
  if (!text.place.empty()) {
    if (!place_id(text.place)) {
      return Error{fmt::format("{} wants a place id (installation:ain-al-asad, geonames:98182), got '{}'", field_name("place"), text.place)};
    }
    filter.place = text.place;
  }
  if (!text.role.empty()) {
    if (text.role != "main" && text.role != "background") {
      return Error{fmt::format("{} wants 'main' (the incidents articles report) or 'background' (those they recall), got '{}'",
                               field_name("role"), text.role)};
    }
    filter.role = text.role;
  }
  if (!text.min_sources.empty()) {
    size_t value = 0;
    const auto [end, error] = std::from_chars(text.min_sources.data(), text.min_sources.data() + text.min_sources.size(), value);
    if (error != std::errc() || end != text.min_sources.data() + text.min_sources.size() || value < 1 || value > 1000000) {
      return Error{fmt::format("{} wants a whole number of sources, 1 or more, got '{}'", field_name("min_sources"), text.min_sources)};
    }
    filter.min_sources = value;
  }
  if (!text.located.empty()) {
    if (text.located != "true" && text.located != "false") {
      return Error{fmt::format("{} wants 'true' (events with coordinates) or 'false' (without), got '{}'", field_name("located"),
                               text.located)};
    }
    filter.located = text.located == "true";
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
