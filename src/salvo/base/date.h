// Calendar dates as news uses them: a day in the proleptic Gregorian calendar.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace salvo {

struct Date {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31

  std::string iso() const;  // YYYY-MM-DD
  // Days since 1970-01-01 (Howard Hinnant's days_from_civil), for arithmetic and comparison.
  long days_since_epoch() const;
  static Date from_days_since_epoch(long days);
  int weekday() const;  // 0 = Sunday … 6 = Saturday
  auto operator<=>(const Date&) const = default;
};

bool is_valid_date(int year, int month, int day);

// Parses the date at the start of an ISO 8601 string: "2023-11-24", "2023-11-24T08:00:00Z",
// "2023-11-24 08:00". Returns nothing for anything else or an impossible date.
std::optional<Date> parse_iso_date_prefix(std::string_view text);

// Parses the dates web pages put in their metadata: ISO 8601 (above) and RFC 822/1123
// ("Thu, 23 Nov 2023 10:00:00 GMT"), and "November 23, 2023" / "23 November 2023".
std::optional<Date> parse_metadata_date(std::string_view text);

// Month from an English month name or its usual abbreviation ("Nov", "Nov.", "Sept"), else 0.
int month_from_name(std::string_view name);

}  // namespace salvo
