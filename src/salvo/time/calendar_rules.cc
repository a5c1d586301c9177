#include "salvo/time/calendar_rules.h"

namespace salvo {

Date add_days(Date date, long days) {
  return Date::from_days_since_epoch(date.days_since_epoch() + days);
}

int days_in_month(int year, int month) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

Date resolve_relative_weekday(Date reference, int weekday, WeekdayDirection direction) {
  const int back = (reference.weekday() - weekday + 7) % 7;
  const int forward = (weekday - reference.weekday() + 7) % 7;
  switch (direction) {
    case WeekdayDirection::kLatestNotAfter: return add_days(reference, -back);
    case WeekdayDirection::kStrictlyBefore: return add_days(reference, -(back == 0 ? 7 : back));
    case WeekdayDirection::kEarliestNotBefore: return add_days(reference, forward);
    case WeekdayDirection::kStrictlyAfter: return add_days(reference, forward == 0 ? 7 : forward);
  }
  return reference;
}

std::optional<Date> infer_year(int month, int day, Date reference, int tolerance_days, bool future) {
  const long ref = reference.days_since_epoch();
  if (!future) {
    // Four years back covers February 29.
    for (int year = reference.year + 1; year >= reference.year - 4; --year) {
      if (!is_valid_date(year, month, day)) continue;
      const Date candidate{year, month, day};
      if (candidate.days_since_epoch() <= ref + tolerance_days) return candidate;
    }
    return std::nullopt;
  }
  for (int year = reference.year - 1; year <= reference.year + 4; ++year) {
    if (!is_valid_date(year, month, day)) continue;
    const Date candidate{year, month, day};
    if (candidate.days_since_epoch() >= ref - tolerance_days) return candidate;
  }
  return std::nullopt;
}

int infer_year_of_month(int month, int first_day_of_part, Date reference, bool future) {
  const Date this_year{reference.year, month, first_day_of_part};
  if (future) return this_year < reference && month != reference.month ? reference.year + 1 : reference.year;
  return reference < this_year ? reference.year - 1 : reference.year;
}

DateRange month_part(int year, int month, MonthPart part) {
  const int last = days_in_month(year, month);
  switch (part) {
    case MonthPart::kWhole: return {{year, month, 1}, {year, month, last}};
    case MonthPart::kEarly: return {{year, month, 1}, {year, month, 10}};
    case MonthPart::kMid: return {{year, month, 11}, {year, month, 20}};
    case MonthPart::kLate: return {{year, month, 21}, {year, month, last}};
  }
  return {{year, month, 1}, {year, month, last}};
}

DateRange weekend_before(Date reference) {
  const Date saturday = resolve_relative_weekday(reference, 6, WeekdayDirection::kLatestNotAfter);
  const Date sunday = add_days(saturday, 1);
  return {saturday, sunday <= reference ? sunday : reference};
}

Date monday_of_week(Date reference) {
  return add_days(reference, -((reference.weekday() + 6) % 7));
}

}  // namespace salvo
