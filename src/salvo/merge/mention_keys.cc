#include "salvo/merge/mention_keys.h"

#include <fmt/format.h>

#include <charconv>
#include <optional>
#include <vector>

namespace salvo {
namespace {

constexpr char kField = '\x1f';   // between fields
constexpr char kWeapon = '\x1e';  // between weapons
// The line's first field: a line of another layout is refused, never misread.
constexpr std::string_view kLayout = "k1";
constexpr size_t kFields = 11;  // layout, type, first day, last day, admin1, location, precision, lat, lon, actor, weapons

void append_escaped(std::string& out, std::string_view value) {
  for (char c : value) {
    if (c == kField || c == kWeapon || c == '\\') {
      out += '\\';
      out += c == kField ? 'f' : c == kWeapon ? 'w' : '\\';
    } else {
      out += c;
    }
  }
}

std::optional<std::string> unescaped(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (size_t i = 0; i < value.size(); ++i) {
    if (value[i] != '\\') {
      out += value[i];
      continue;
    }
    if (++i == value.size()) return std::nullopt;
    switch (value[i]) {
      case 'f': out += kField; break;
      case 'w': out += kWeapon; break;
      case '\\': out += '\\'; break;
      default: return std::nullopt;
    }
  }
  return out;
}

// Splits at `separator` (never escaped inside a field: escapes use letters).
std::vector<std::string_view> split(std::string_view line, char separator) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (;;) {
    const size_t end = line.find(separator, start);
    parts.push_back(line.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

void append_day(std::string& out, const std::optional<Date>& day) {
  if (day) out += fmt::format("{}", day->days_since_epoch());
}
// Shortest text that reads back as the same double (fmt's default for doubles).
void append_number(std::string& out, const std::optional<double>& x) {
  if (x) out += fmt::format("{}", *x);
}

template <typename T>
bool read_number(std::string_view text, std::optional<T>& out) {
  if (text.empty()) return true;
  T value{};
  const auto [end, failure] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (failure != std::errc() || end != text.data() + text.size()) return false;
  out = value;
  return true;
}

}  // namespace

std::string merge_keys(const Mention& m) {
  std::string line(kLayout);
  const auto field = [&](std::string_view value) {
    line += kField;
    append_escaped(line, value);
  };
  field(m.type);
  line += kField;
  append_day(line, m.date);
  line += kField;
  append_day(line, m.date ? m.date_max : std::nullopt);
  field(m.admin1);
  field(m.location);
  field(m.precision);
  line += kField;
  append_number(line, m.lat);
  line += kField;
  append_number(line, m.lon);
  field(m.actor);
  line += kField;
  for (size_t i = 0; i < m.weapons.size(); ++i) {
    if (i) line += kWeapon;
    append_escaped(line, m.weapons[i]);
  }
  return line;
}

Result<Mention> mention_of_keys(const std::string& article, size_t index, const std::string& country, std::string_view keys) {
  const auto refused = [&](std::string_view why) {
    return Error{fmt::format("mention {}#{}: merge keys {}", article, index, why)};
  };
  const std::vector<std::string_view> fields = split(keys, kField);
  if (fields.size() != kFields || fields[0] != kLayout) {
    return refused(fmt::format("are not a '{}' line of {} fields (found {} fields)", kLayout, kFields, fields.size()));
  }
  Mention m;
  m.article = article;
  m.index = index;
  m.country = country;
  for (const auto& [member, at] : {std::pair{&Mention::type, 1}, {&Mention::admin1, 4}, {&Mention::location, 5},
                                   {&Mention::precision, 6}, {&Mention::actor, 9}}) {
    std::optional<std::string> value = unescaped(fields[at]);
    if (!value) return refused(fmt::format("have a bad escape in field {}", at));
    m.*member = std::move(*value);
  }
  std::optional<long> first, last;
  if (!read_number(fields[2], first) || !read_number(fields[3], last)) return refused("have a day that is not a number");
  if (first) m.date = Date::from_days_since_epoch(*first);
  if (last) m.date_max = Date::from_days_since_epoch(*last);
  if (!read_number(fields[7], m.lat) || !read_number(fields[8], m.lon)) return refused("have a point that is not a number");
  if (!fields[10].empty()) {
    for (std::string_view weapon : split(fields[10], kWeapon)) {
      std::optional<std::string> value = unescaped(weapon);
      if (!value) return refused("have a bad escape in a weapon");
      m.weapons.push_back(std::move(*value));
    }
  }
  return m;
}

bool same_merge_keys(const Mention& a, const Mention& b) {
  return a.article == b.article && a.index == b.index && a.country == b.country && a.type == b.type &&
         a.date == b.date && (a.date ? a.date_max : std::nullopt) == (b.date ? b.date_max : std::nullopt) &&
         a.admin1 == b.admin1 && a.location == b.location && a.precision == b.precision && a.lat == b.lat &&
         a.lon == b.lon && a.actor == b.actor && a.weapons == b.weapons;
}

}  // namespace salvo
