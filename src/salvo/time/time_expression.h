// The temporal tagger: finds the time expressions of one sentence of news English and resolves
// them to calendar days against the publication date (and, for "the day before", an anchor date).
//
//   find_time_expressions(sentence, {publication, anchor}) → [TimeExpression]
//
// Guarantees: one left-to-right pass over the bytes (no regex, no backtracking beyond a few
// tokens); offsets are byte offsets into the `sentence` given; nothing is guessed that the text
// and the context do not support. Without a publication date only what is absolute resolves; a
// weekday or a year-less date keeps its fields (weekday, month, day) with an empty `value`.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "salvo/base/date.h"

namespace salvo {

namespace time_tokens {
struct Token;
}

enum class TimeKind {
  kDate,            // "January 28", "Feb. 15, 2021", "Thursday, November 23", "2/25/2021"
  kWeekday,         // "on Wednesday", "late Sunday", "in the early hours of Monday"
  kRelativeDay,     // "yesterday", "last night", "today"
  kAnchorRelative,  // "the day before", "the same day", "a few hours earlier" (needs an anchor)
  kRange,           // "over the weekend", "earlier this month", "last month", "late January"
  kMonth,           // "in December", "October 2023"
  kYear,            // "in 2014", "last year"
  kClockTime,       // "9:50 pm", "1850 GMT" (no day of its own)
  kDuration,        // "less than a week after", "for three days" (vague: never resolved)
};

enum class TimePrecision {
  kDay,         // value is the day
  kRange,       // [value, value_max] a few days ("over the weekend", "mid-October")
  kMonth,       // [value, value_max] is one calendar month
  kYear,        // [value, value_max] is one calendar year
  kUnresolved,  // value is empty: no publication date, no anchor, or nothing to resolve
};

const char* to_string(TimeKind kind);
const char* to_string(TimePrecision precision);

struct TimeExpression {
  size_t begin = 0;  // byte offsets into the sentence given
  size_t end = 0;
  std::string text;  // sentence[begin, end)
  TimeKind kind = TimeKind::kDate;
  TimePrecision precision = TimePrecision::kUnresolved;
  std::optional<Date> value;      // the day, or the first day of a range
  std::optional<Date> value_max;  // last day of a range (month, year, "over the weekend")

  // What the words say, kept even when `value` cannot be resolved.
  std::optional<int> weekday;        // 0 = Sunday … 6 = Saturday
  std::optional<int> year;           // as written ("2021", "2020 U.S. drone strike")
  std::optional<int> month;          // 1..12
  std::optional<int> day_of_month;   // 1..31
  std::optional<int> minutes_of_day; // clock times: "9:50 pm" → 1310

  // Anchor-relative expressions: the day is anchor + anchor_offset_days, widened to
  // anchor_offset_days + anchor_span_days ("a few hours earlier" = −1 … 0).
  int anchor_offset_days = 0;
  int anchor_span_days = 0;
  bool needs_anchor = false;  // resolved only once an anchor is known (see resolve_with_anchor)

  // "the anniversary of the 2020 killing", "the fourth anniversary of …": a day of the past event
  // the anniversary recalls, not of the sentence's own incident.
  bool anniversary = false;
  bool future = false;    // future tense or "next": resolved forward from the publication date
  bool is_since = false;  // "since February 4": the start of a period, not an event day
};

struct TimeContext {
  std::optional<Date> publication;
  // The date of the event the text is talking about just before this sentence (the previous
  // clause, or the article's main event); "the day before" and "the same day" count from it.
  std::optional<Date> anchor;
};

// Every time expression of `sentence`, in text order, resolved as far as `context` allows.
// An anchor-relative expression counts from the nearest earlier day in the same sentence
// ("On Jan. 7 …, and two days later …"), else from context.anchor.
std::vector<TimeExpression> find_time_expressions(std::string_view sentence,
                                                  const TimeContext& context);

// The same on the sentence's tokens, already made by time_tokens::tokenize(sentence, tokens):
// for a caller that looks at the tokens first (the recognizer skips sentences without a time
// cue). Fills `out` (cleared first), so a caller can reuse it.
void find_time_expressions(std::string_view sentence, const TimeContext& context,
                           const std::vector<time_tokens::Token>& tokens, std::vector<TimeExpression>& out);

// Second step for an anchor-relative expression whose anchor was only known later: sets value
// (and value_max for a span) from `anchor`. Does nothing to other kinds.
void resolve_with_anchor(TimeExpression& expression, Date anchor);

// True for a day the expression can stand for: a resolved day or a short range (not a month,
// year, clock time or since-date).
bool names_a_day(const TimeExpression& expression);

}  // namespace salvo
