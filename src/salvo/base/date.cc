#include "salvo/base/date.h"
#include "salvo/base/ascii.h"

#include <array>
#include <cctype>
#include <cstdio>

namespace salvo {
namespace {

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[static_cast<size_t>(month - 1)];
}

bool read_digits(std::string_view text, size_t pos, size_t count, int& out) {
  if (pos + count > text.size()) return false;
  int value = 0;
  for (size_t i = pos; i < pos + count; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
    value = value * 10 + (text[i] - '0');
  }
  out = value;
  return true;
}

}  // namespace

bool is_valid_date(int year, int month, int day) {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
         day <= days_in_month(year, month);
}

std::string Date::iso() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

long Date::days_since_epoch() const {
  const long y = month <= 2 ? year - 1 : year;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date Date::from_days_since_epoch(long days) {
  days += 719468;
  const long era = (days >= 0 ? days : days - 146096) / 146097;
  const long doe = days - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
  return {year, month, day};
}

int Date::weekday() const {
  const long days = days_since_epoch();
  return static_cast<int>(days >= -4 ? (days + 4) % 7 : (days + 5) % 7 + 6);
}

std::optional<Date> parse_iso_date_prefix(std::string_view text) {
  int year = 0, month = 0, day = 0;
  if (!read_digits(text, 0, 4, year) || text.size() < 10 || text[4] != '-' ||
      !read_digits(text, 5, 2, month) || text[7] != '-' || !read_digits(text, 8, 2, day)) {
    return std::nullopt;
  }
  if (text.size() > 10 && std::isdigit(static_cast<unsigned char>(text[10]))) return std::nullopt;
  if (!is_valid_date(year, month, day)) return std::nullopt;
  return Date{year, month, day};
}

int month_from_name(std::string_view name) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  if (!name.empty() && name.back() == '.') name.remove_suffix(1);
  const std::string lowered = lower_ascii(name);
  if (lowered.size() < 3) return 0;
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (lowered == kMonths[i]) return static_cast<int>(i) + 1;
    // Abbreviations are prefixes of the name: "nov", "sept".
    if (lowered.size() <= 4 && kMonths[i].substr(0, lowered.size()) == lowered) return static_cast<int>(i) + 1;
  }
  return 0;
}

std::optional<Date> parse_metadata_date(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  if (auto iso = parse_iso_date_prefix(text)) return iso;

  // Word tokens: "Thu, 23 Nov 2023 10:00:00 GMT", "November 23, 2023", "23 November 2023".
  std::array<std::string_view, 6> words{};
  size_t count = 0;
  size_t i = 0;
  while (i < text.size() && count < words.size()) {
    while (i < text.size() && !std::isalnum(static_cast<unsigned char>(text[i]))) ++i;
    size_t start = i;
    while (i < text.size() && std::isalnum(static_cast<unsigned char>(text[i]))) ++i;
    if (i > start) words[count++] = text.substr(start, i - start);
  }
  auto number = [](std::string_view w, int& out) {
    if (w.empty() || w.size() > 4) return false;
    return read_digits(w, 0, w.size(), out);
  };
  for (size_t k = 0; k + 2 < count + 0 && k + 2 < words.size(); ++k) {
    int day = 0, year = 0;
    int month = month_from_name(words[k]);
    if (month && number(words[k + 1], day) && number(words[k + 2], year) && words[k + 2].size() == 4 &&
        is_valid_date(year, month, day)) {
      return Date{year, month, day};
    }
    month = month_from_name(words[k + 1]);
    if (month && number(words[k], day) && number(words[k + 2], year) && words[k + 2].size() == 4 &&
        is_valid_date(year, month, day)) {
      return Date{year, month, day};
    }
  }
  return std::nullopt;
}

}  // namespace salvo
