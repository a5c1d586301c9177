// The calendar arithmetic of news dates: which Wednesday "on Wednesday" is, which year
// "January 28" is in, what "mid-October" or "over the weekend" spans. Pure functions of dates.
#pragma once

#include <optional>

#include "salvo/base/date.h"

namespace salvo {

struct DateRange {
  Date first;
  Date last;
};

Date add_days(Date date, long days);
int days_in_month(int year, int month);

enum class WeekdayDirection {
  kLatestNotAfter,   // "on Wednesday": the publication day itself if it is a Wednesday
  kStrictlyBefore,   // "last Wednesday" on a Wednesday: a week back
  kEarliestNotBefore,  // future tense "will meet on Wednesday"
  kStrictlyAfter,    // "next Wednesday"
};
Date resolve_relative_weekday(Date reference, int weekday, WeekdayDirection direction);

// The latest month/day not after `reference` + `tolerance_days` (news looks back: "January 28"
// in an April article is this year's, in a January 3 article last year's). For a future-tense
// sentence, the earliest not before `reference` − `tolerance_days`. Nothing for a day that does
// not exist in any nearby year (February 30).
std::optional<Date> infer_year(int month, int day, Date reference, int tolerance_days, bool future);

// The latest calendar month whose `first_day_of_part` is not after `reference` (or the earliest
// whose is not before, for the future): "in December" of a March article is last December.
int infer_year_of_month(int month, int first_day_of_part, Date reference, bool future);

enum class MonthPart { kWhole, kEarly, kMid, kLate };
// Early = 1–10, mid = 11–20, late = 21–end: the thirds analysts use for "mid-October".
DateRange month_part(int year, int month, MonthPart part);

// The Saturday–Sunday "over the weekend" refers to: the latest Saturday not after `reference`,
// clipped to `reference` (a Saturday article's "weekend" is only that day so far).
DateRange weekend_before(Date reference);

// Monday-based week containing `reference`.
Date monday_of_week(Date reference);

}  // namespace salvo
