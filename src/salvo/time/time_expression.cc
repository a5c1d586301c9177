#include "salvo/time/time_expression.h"

#include <algorithm>

#include "salvo/time/calendar_rules.h"
#include "salvo/time/time_tokens.h"

namespace salvo {
namespace {

using time_tokens::Lex;
using time_tokens::Token;
using time_tokens::TokenType;

// A date spelled out: "Feb. 15, 2021", "14 December 2023", "the 7th of October".
struct DateParts {
  size_t end = 0;  // token after the last one
  int year = 0;    // 0: not written
  int month = 0;
  int day = 0;
};

// How many of a unit a phrase counts: "two days", "a few hours", "less than a week".
struct Quantity {
  bool found = false;
  size_t first = 0;       // first token of the phrase
  int count = 1;
  bool few = false;       // "a few", "several", "a couple of": a span, not a count
  bool hedged = false;    // "less than", "more than", "nearly", "about": a duration, not a date
  bool inverted = false;  // "comes a week after X": X is the earlier one
};

class Scanner {
 public:
  Scanner(std::string_view text, const TimeContext& context, const std::vector<Token>& tokens,
          std::vector<TimeExpression>& out)
      : text_(text), context_(context), t_(tokens), n_(tokens.size()), out_(out) {}

  void run() {
    // What the whole sentence says, read before its expressions: "last year", "anniversary".
    bool says_anniversary = false;
    for (size_t i = 0; i < n_; ++i) {
      if (t_[i].type != TokenType::kWord) continue;
      says_anniversary |= t_[i].lex == Lex::kAnniversary;
      if (t_[i].lex == Lex::kLast && is(i + 1, Lex::kYearUnit) && t_[i + 1].value == 0) says_last_year_ = true;
    }
    for (size_t i = 0; i < n_; ++i) {
      if (i < consumed_) continue;
      const Token& token = t_[i];
      if (token.type == TokenType::kNumber) {
        scan_number(i);
        continue;
      }
      if (token.type != TokenType::kWord) continue;
      switch (token.lex) {
        case Lex::kMonth: scan_month(i); break;
        case Lex::kWeekday: scan_weekday(i); break;
        case Lex::kYesterday:
        case Lex::kToday:
        case Lex::kTonight:
        case Lex::kTomorrow:
        case Lex::kOvernight: scan_relative_word(i); break;
        case Lex::kNight: scan_night(i); break;
        case Lex::kDay: scan_day(i); break;
        case Lex::kWeek:
        case Lex::kMonthUnit:
        case Lex::kYearUnit: scan_period(i); break;
        case Lex::kWeekend: scan_weekend(i); break;
        case Lex::kHour: scan_hours(i); break;
        default: break;
      }
    }
    if (says_anniversary) date_anniversaries();
  }

 private:
  // ---- token tests -------------------------------------------------------------------------
  bool in_range(long i) const { return i >= static_cast<long>(consumed_) && i < static_cast<long>(n_); }
  bool is(long i, Lex lex) const {
    return i >= 0 && i < static_cast<long>(n_) && t_[i].type == TokenType::kWord && t_[i].lex == lex;
  }
  // Left of the current expression: never reaches into an expression already emitted.
  bool is_left(long i, Lex lex) const { return in_range(i) && is(i, lex); }
  bool punct(long i, char c) const {
    return i >= 0 && i < static_cast<long>(n_) && t_[i].type == TokenType::kPunct && t_[i].punct == c;
  }
  bool adjacent(size_t a, size_t b) const { return b < n_ && t_[a].end == t_[b].begin; }
  const Token* number(size_t i) const {
    return i < n_ && t_[i].type == TokenType::kNumber && !t_[i].glued ? &t_[i] : nullptr;
  }
  bool is_letter(size_t i, char lower) const {
    return i < n_ && t_[i].type == TokenType::kWord && t_[i].end - t_[i].begin == 1 &&
           (text_[t_[i].begin] | 0x20) == lower;
  }
  // "May" is a month only with a capital (the modal verb is far more common).
  bool is_month(size_t i) const {
    if (!is(static_cast<long>(i), Lex::kMonth)) return false;
    return t_[i].value != 5 || text_[t_[i].begin] == 'M';
  }
  // The token after a month word, skipping the abbreviation's full stop ("Feb. 15").
  size_t after_month(size_t i) const {
    const bool abbreviated = t_[i].end - t_[i].begin <= 4 && (t_[i].end - t_[i].begin != 4 || t_[i].value == 9);
    return abbreviated && punct(static_cast<long>(i + 1), '.') && adjacent(i, i + 1) ? i + 2 : i + 1;
  }

  static bool plausible_year(const Token* token) {
    return token && token->digits == 4 && !token->ordinal && token->value >= 1900 && token->value <= 2099;
  }
  bool is_day_number(size_t i) const {
    const Token* token = number(i);
    if (!token || token->digits > 2 || token->value < 1 || token->value > 31) return false;
    // "15:30" is a clock, "15.5" a decimal.
    if ((punct(static_cast<long>(i + 1), ':') || punct(static_cast<long>(i + 1), '.')) && adjacent(i, i + 1) &&
        i + 2 < n_ && t_[i + 2].type == TokenType::kNumber && adjacent(i + 1, i + 2)) {
      return false;
    }
    return true;
  }
  // An optional ", 2021" / " 2021" after a day; returns the token after it.
  size_t read_year(size_t j, int& year) const {
    if (punct(static_cast<long>(j), ',') && plausible_year(number(j + 1))) {
      year = t_[j + 1].value;
      return j + 2;
    }
    if (plausible_year(number(j))) {
      year = t_[j].value;
      return j + 1;
    }
    return j;
  }

  bool match_month_day(size_t i, DateParts& d) const {
    if (!is_month(i)) return false;
    const size_t j = after_month(i);
    if (!is_day_number(j)) return false;
    d.month = t_[i].value;
    d.day = t_[j].value;
    d.year = 0;
    d.end = read_year(j + 1, d.year);
    return true;
  }
  bool match_day_month(size_t i, DateParts& d) const {
    if (!is_day_number(i)) return false;
    size_t j = i + 1;
    if (is(static_cast<long>(j), Lex::kOf)) ++j;
    if (!is_month(j)) return false;
    d.day = t_[i].value;
    d.month = t_[j].value;
    d.year = 0;
    d.end = read_year(after_month(j), d.year);
    return true;
  }
  // 2023-11-24, 2/25/2021 (US order; day first when the first number cannot be a month),
  // 24.08.2022 (day first).
  bool match_numeric_date(size_t i, DateParts& d) const {
    const Token* a = number(i);
    if (!a || i + 4 >= n_) return false;
    const Token* b = number(i + 2);
    const Token* c = number(i + 4);
    if (!b || !c) return false;
    for (size_t k = i; k < i + 4; ++k) {
      if (!adjacent(k, k + 1)) return false;
    }
    const char sep = t_[i + 1].type == TokenType::kPunct ? t_[i + 1].punct : 0;
    if (sep == 0 || !punct(static_cast<long>(i + 3), sep)) return false;
    if (sep == '-' && a->digits == 4 && b->digits == 2 && c->digits == 2) {
      d = {i + 5, a->value, b->value, c->value};
    } else if (sep == '/' && a->digits <= 2 && b->digits <= 2 && c->digits == 4) {
      d = a->value > 12 ? DateParts{i + 5, c->value, b->value, a->value}
                        : DateParts{i + 5, c->value, a->value, b->value};
    } else if (sep == '.' && a->digits <= 2 && b->digits <= 2 && c->digits == 4) {
      d = {i + 5, c->value, b->value, a->value};
    } else {
      return false;
    }
    return is_valid_date(d.year, d.month, d.day);
  }

  // am/pm in any of its spellings: "pm", "PM", "p.m.", "p.m"; returns tokens used (0 if none).
  size_t match_meridiem(size_t j, bool& pm) const {
    if (is(static_cast<long>(j), Lex::kAm) || is(static_cast<long>(j), Lex::kPm)) {
      pm = t_[j].lex == Lex::kPm;
      return 1;
    }
    if ((is_letter(j, 'a') || is_letter(j, 'p')) && punct(static_cast<long>(j + 1), '.') && is_letter(j + 2, 'm')) {
      pm = is_letter(j, 'p');
      return punct(static_cast<long>(j + 3), '.') ? 4 : 3;
    }
    return 0;
  }
  size_t match_zone(size_t j) const {
    if (is(static_cast<long>(j), Lex::kTimeZone)) return 1;
    if (is(static_cast<long>(j), Lex::kLocal) && is(static_cast<long>(j + 1), Lex::kTime)) return 2;
    return 0;
  }
  // "9:50 pm", "21:07", "5:10 AM EST", "9 p.m.", "1850 GMT", and "9:50 pm (1850 GMT)" as one.
  bool match_clock(size_t i, size_t& end, int& minutes) const {
    const Token* h = number(i);
    if (!h) return false;
    size_t j = i + 1;
    int hours = -1, mins = 0;
    bool needs_zone = false, needs_meridiem = false;
    if (h->digits <= 2 && punct(static_cast<long>(j), ':') && adjacent(i, j) && number(j + 1) &&
        t_[j + 1].digits == 2 && adjacent(j, j + 1)) {
      hours = h->value;
      mins = t_[j + 1].value;
      j += 2;
    } else if (h->digits == 4) {
      hours = h->value / 100;
      mins = h->value % 100;
      needs_zone = true;
    } else if (h->digits <= 2) {
      hours = h->value;
      needs_meridiem = true;
    } else {
      return false;
    }
    bool pm = false;
    const size_t meridiem = match_meridiem(j, pm);
    if (meridiem > 0) {
      if (hours < 1 || hours > 12) return false;
      hours = hours % 12 + (pm ? 12 : 0);
      j += meridiem;
    } else if (needs_meridiem) {
      return false;
    }
    const size_t zone = match_zone(j);
    if (zone == 0 && needs_zone) return false;
    j += zone;
    if (hours > 23 || mins > 59) return false;
    // The same time in another zone, in brackets: "9:50 pm (1850 GMT)".
    size_t inner_end = 0;
    int inner_minutes = 0;
    if (punct(static_cast<long>(j), '(') && match_clock(j + 1, inner_end, inner_minutes) &&
        punct(static_cast<long>(inner_end), ')')) {
      j = inner_end + 1;
    }
    end = j;
    minutes = hours * 60 + mins;
    return true;
  }

  // "will", "is expected to", "next": the sentence speaks of the future. Looks back within the
  // clause only, so "said on Monday it will respond" does not move Monday.
  bool future_tense(size_t first) const {
    for (long k = static_cast<long>(first) - 1; k >= 0 && k >= static_cast<long>(first) - 8; --k) {
      const Token& token = t_[k];
      if (token.type == TokenType::kPunct &&
          (token.punct == ',' || token.punct == ';' || token.punct == ':' || token.punct == '.' ||
           token.punct == '~' || token.punct == '(' || token.punct == '"')) {
        return false;
      }
      if (token.type == TokenType::kWord && token.lex == Lex::kFuture) return true;
    }
    return false;
  }

  // ---- emission ----------------------------------------------------------------------------
  TimeExpression& emit(size_t first, size_t end, TimeKind kind) {
    TimeExpression e;
    e.begin = t_[first].begin;
    e.end = t_[end - 1].end;
    e.text = std::string(text_.substr(e.begin, e.end - e.begin));
    e.kind = kind;
    e.is_since = is(static_cast<long>(first) - 1, Lex::kSince);
    out_.push_back(std::move(e));
    consumed_ = end;
    return out_.back();
  }
  static void set_day(TimeExpression& e, Date day) {
    e.value = day;
    e.value_max.reset();
    e.precision = TimePrecision::kDay;
  }
  static void set_range(TimeExpression& e, Date first, Date last, TimePrecision precision) {
    if (last < first) last = first;
    e.value = first;
    e.value_max = last;
    e.precision = first == last && precision == TimePrecision::kRange ? TimePrecision::kDay : precision;
    if (e.precision == TimePrecision::kDay) e.value_max.reset();
  }
  const std::optional<Date>& publication() const { return context_.publication; }

  void emit_date(size_t first, const DateParts& d, std::optional<int> weekday) {
    TimeExpression& e = emit(first, d.end, TimeKind::kDate);
    e.month = d.month;
    e.day_of_month = d.day;
    e.weekday = weekday;
    if (d.year != 0) e.year = d.year;
    if (d.year != 0) {
      if (is_valid_date(d.year, d.month, d.day)) set_day(e, {d.year, d.month, d.day});
      return;
    }
    if (!publication()) return;
    e.future = future_tense(first);
    // "the Jan. 3 killing ... last year": the sentence itself names the year.
    if (says_last_year_ && !e.future && is_valid_date(publication()->year - 1, d.month, d.day)) {
      set_day(e, {publication()->year - 1, d.month, d.day});
      return;
    }
    // One day of tolerance: a dateline in US time can run a day behind the event's local date.
    if (auto day = infer_year(d.month, d.day, *publication(), e.future ? 7 : 1, e.future)) set_day(e, *day);
  }

  // ---- heads -------------------------------------------------------------------------------
  void scan_number(size_t i) {
    DateParts d;
    if (match_numeric_date(i, d) || match_day_month(i, d)) {
      emit_date(i, d, std::nullopt);
      return;
    }
    size_t end = 0;
    int minutes = 0;
    if (match_clock(i, end, minutes)) {
      TimeExpression& e = emit(i, end, TimeKind::kClockTime);
      e.minutes_of_day = minutes;
      return;
    }
    const Token& token = t_[i];
    if (plausible_year(number(i)) && !punct(static_cast<long>(i) - 1, '$') &&
        !(punct(static_cast<long>(i + 1), '%'))) {
      TimeExpression& e = emit(i, i + 1, TimeKind::kYear);
      e.year = token.value;
      set_range(e, {token.value, 1, 1}, {token.value, 12, 31}, TimePrecision::kYear);
    }
  }

  // Which third of a month the words before `i` name: "mid-October", "late January",
  // "the end of January", "early this month". Returns the first token of the phrase.
  size_t month_part_left(size_t i, MonthPart& part) const {
    long k = static_cast<long>(i) - 1;
    if (punct(k, '-') && adjacent(static_cast<size_t>(k), i)) --k;  // "mid-October"
    if (is_left(k, Lex::kMid) || is_left(k, Lex::kEarly) || is_left(k, Lex::kLate)) {
      part = t_[k].lex == Lex::kMid ? MonthPart::kMid : t_[k].lex == Lex::kEarly ? MonthPart::kEarly : MonthPart::kLate;
      return static_cast<size_t>(k);
    }
    if (is_left(k, Lex::kOf) && (is_left(k - 1, Lex::kEnd) || is_left(k - 1, Lex::kBeginning) ||
                                 is_left(k - 1, Lex::kStart) || is_left(k - 1, Lex::kMiddle))) {
      const Lex lex = t_[k - 1].lex;
      part = lex == Lex::kEnd ? MonthPart::kLate : lex == Lex::kMiddle ? MonthPart::kMid : MonthPart::kEarly;
      return static_cast<size_t>(is_left(k - 2, Lex::kThe) ? k - 2 : k - 1);
    }
    part = MonthPart::kWhole;
    return i;
  }

  void scan_month(size_t i) {
    DateParts d;
    if (match_month_day(i, d)) {
      emit_date(i, d, std::nullopt);
      return;
    }
    if (!is_month(i)) return;
    MonthPart part = MonthPart::kWhole;
    const size_t first = month_part_left(i, part);
    int year = 0;
    const size_t end = read_year(after_month(i), year);
    const long k = static_cast<long>(first) - 1;
    const bool last = is_left(k, Lex::kLast) || is_left(k, Lex::kPast);
    const bool next = is_left(k, Lex::kNext) || is_left(k, Lex::kComing);
    const bool this_ = is_left(k, Lex::kThis);
    // A bare month name needs a preposition or a modifier: "in December", "since October".
    const bool introduced = is_left(k, Lex::kIn) || is_left(k, Lex::kSince) || is_left(k, Lex::kUntil) ||
                            is_left(k, Lex::kBy) || is_left(k, Lex::kFrom) || is_left(k, Lex::kDuring) ||
                            is_left(k, Lex::kBetween) || is_left(k, Lex::kOf) || last || next || this_;
    if (year == 0 && part == MonthPart::kWhole && !introduced) return;
    const size_t begin = last || next || this_ ? static_cast<size_t>(k) : first;
    TimeExpression& e = emit(begin, end, part == MonthPart::kWhole ? TimeKind::kMonth : TimeKind::kRange);
    const int month = t_[i].value;
    e.month = month;
    if (year != 0) e.year = year;
    const TimePrecision precision = part == MonthPart::kWhole ? TimePrecision::kMonth : TimePrecision::kRange;
    if (year == 0) {
      if (!publication()) return;
      const Date p = *publication();
      e.future = next || future_tense(begin);
      const int first_day = month_part(p.year, month, part).first.day;
      if (this_) year = p.year;
      else if (says_last_year_ && !e.future) year = p.year - 1;
      else if (last && month == p.month) year = p.year - 1;
      else year = infer_year_of_month(month, first_day, p, e.future);
    }
    const DateRange range = month_part(year, month, part);
    set_range(e, range.first, range.last, precision);
  }

  void scan_weekday(size_t i) {
    const int weekday = t_[i].value;
    // "Thursday, November 23", "Thursday 14 December 2023": the date, checked by its weekday.
    size_t j = i + 1;
    if (punct(static_cast<long>(j), ',')) ++j;
    DateParts d;
    if (match_month_day(j, d) || match_day_month(j, d)) {
      emit_date(i, d, weekday);
      return;
    }
    size_t first = i, end = i + 1;
    if (is(static_cast<long>(end), Lex::kMorning) || is(static_cast<long>(end), Lex::kAfternoon) ||
        is(static_cast<long>(end), Lex::kEvening) || is(static_cast<long>(end), Lex::kNight) ||
        is(static_cast<long>(end), Lex::kDawn)) {
      ++end;
    }
    if (size_t zone = match_zone(end); zone == 2) end += zone;  // "Tuesday local time"
    const long k = static_cast<long>(i) - 1;
    bool last = false, next = false;
    if (is_left(k, Lex::kLast) || is_left(k, Lex::kPast)) {
      last = true;
      first = static_cast<size_t>(k);
    } else if (is_left(k, Lex::kNext) || is_left(k, Lex::kComing)) {
      next = true;
      first = static_cast<size_t>(k);
    } else if (is_left(k, Lex::kThis)) {
      first = static_cast<size_t>(k);
    } else {
      // "late Sunday", "late on Thursday", "earlier on Tuesday night", "in the early hours of Monday".
      const long m = is_left(k, Lex::kOn) ? k - 1 : k;
      if (is_left(m, Lex::kLate) || is_left(m, Lex::kEarly) || is_left(m, Lex::kEarlier) || is_left(m, Lex::kLater)) {
        first = static_cast<size_t>(m);
      } else if (is_left(k, Lex::kOf) && is_left(k - 1, Lex::kHour) && is_left(k - 2, Lex::kEarly)) {
        first = static_cast<size_t>(is_left(k - 3, Lex::kThe) ? k - 3 : k - 2);
      }
    }
    TimeExpression& e = emit(first, end, TimeKind::kWeekday);
    e.weekday = weekday;
    if (!publication()) return;
    // News reports the past: "on Wednesday" is the latest Wednesday, the publication day itself
    // included, unless the sentence speaks of the future.
    e.future = next || future_tense(first);
    const WeekdayDirection direction = next     ? WeekdayDirection::kStrictlyAfter
                                       : last   ? WeekdayDirection::kStrictlyBefore
                                       : e.future ? WeekdayDirection::kEarliestNotBefore
                                                  : WeekdayDirection::kLatestNotAfter;
    set_day(e, resolve_relative_weekday(*publication(), weekday, direction));
  }

  void scan_relative_word(size_t i) {
    const Lex lex = t_[i].lex;
    size_t first = i, end = i + 1;
    // "overnight Tuesday" is Tuesday's: let the weekday speak.
    if (lex == Lex::kOvernight && (is(static_cast<long>(end), Lex::kWeekday))) return;
    if (is(static_cast<long>(end), Lex::kMorning) || is(static_cast<long>(end), Lex::kAfternoon) ||
        is(static_cast<long>(end), Lex::kEvening) || is(static_cast<long>(end), Lex::kNight)) {
      ++end;
    }
    if (is_left(static_cast<long>(i) - 1, Lex::kEarlier) || is_left(static_cast<long>(i) - 1, Lex::kLater)) --first;
    TimeExpression& e = emit(first, end, lex == Lex::kOvernight ? TimeKind::kRange : TimeKind::kRelativeDay);
    e.future = lex == Lex::kTomorrow;
    if (!publication()) return;
    const Date p = *publication();
    switch (lex) {
      case Lex::kYesterday: set_day(e, add_days(p, -1)); break;
      case Lex::kTomorrow: set_day(e, add_days(p, 1)); break;
      // Overnight attacks straddle two dates; the article's night is the one just gone.
      case Lex::kOvernight: set_range(e, add_days(p, -1), p, TimePrecision::kRange); break;
      default: set_day(e, p); break;
    }
  }

  // An anchor-relative expression counts from the nearest earlier day of the same sentence,
  // else from the context's anchor; without either it waits for resolve_with_anchor.
  void emit_anchor_relative(size_t first, size_t end, int offset, int span) {
    std::optional<Date> anchor;
    for (auto it = out_.rbegin(); it != out_.rend(); ++it) {
      if (it->kind != TimeKind::kAnchorRelative && names_a_day(*it)) {
        anchor = it->value;
        break;
      }
    }
    if (!anchor) anchor = context_.anchor;
    TimeExpression& e = emit(first, end, TimeKind::kAnchorRelative);
    e.anchor_offset_days = offset;
    e.anchor_span_days = span;
    e.needs_anchor = true;
    if (anchor) resolve_with_anchor(e, *anchor);
  }

  void scan_night(size_t i) {
    const long k = static_cast<long>(i) - 1;
    if (is_left(k, Lex::kLast)) {
      // "last night" in a morning paper is the evening before publication.
      TimeExpression& e = emit(static_cast<size_t>(k), i + 1, TimeKind::kRelativeDay);
      if (publication()) set_day(e, add_days(*publication(), -1));
      return;
    }
    if (is_left(k, Lex::kThe) && is(static_cast<long>(i + 1), Lex::kBefore)) {
      emit_anchor_relative(static_cast<size_t>(k), i + 2, -1, 0);  // "the night before"
      return;
    }
    if (is_left(k, Lex::kPrevious) && is_left(k - 1, Lex::kThe)) {
      emit_anchor_relative(static_cast<size_t>(k - 1), i + 1, -1, 0);
      return;
    }
    if (is_left(k, Lex::kThat) || (is_left(k, Lex::kSame) && is_left(k - 1, Lex::kThat))) {
      emit_anchor_relative(static_cast<size_t>(t_[k].lex == Lex::kSame ? k - 1 : k), i + 1, 0, 0);
    }
  }

  // "two days", "a few hours", "less than a week" before the unit at `unit`.
  Quantity quantity_left(size_t unit) const {
    Quantity q;
    long k = static_cast<long>(unit) - 1;
    if (const Token* token = in_range(k) ? number(static_cast<size_t>(k)) : nullptr; token && token->digits <= 3) {
      q.found = true;
      q.count = token->value;
    } else if (is_left(k, Lex::kNumberWord)) {
      q.found = true;
      q.count = t_[k].value;
    } else if (is_left(k, Lex::kFew) || is_left(k, Lex::kSeveral)) {
      q.found = q.few = true;
      q.count = 3;
      if (is_left(k - 1, Lex::kA)) --k;
    } else if (is_left(k, Lex::kOf) && is_left(k - 1, Lex::kCouple)) {
      q.found = true;
      q.count = 2;
      k -= is_left(k - 2, Lex::kA) ? 2 : 1;
    } else if (is_left(k, Lex::kA)) {
      q.found = true;
      q.count = 1;
    } else {
      return q;
    }
    q.first = static_cast<size_t>(k);
    long m = k - 1;
    if (is_left(m, Lex::kThan)) --m;
    if (is_left(m, Lex::kVague)) {
      q.hedged = true;
      q.first = static_cast<size_t>(m);
      --m;
    }
    // "comes a week after Y", and the apposition "on October 17, 10 days after the war began":
    // both say Y is the earlier day.
    q.inverted = is_left(m, Lex::kCome) ||
                 (punct(m, ',') && !out_.empty() && m >= 1 && out_.back().end == t_[m - 1].end);
    return q;
  }

  // "N units later/earlier/after/before/ago" for days, weeks (and vaguer months, years).
  bool scan_counted(size_t i, int unit_days) {
    const Quantity q = quantity_left(i);
    if (!q.found) return false;
    const long r = static_cast<long>(i + 1);
    const bool ago = is(r, Lex::kAgo);
    const bool later = is(r, Lex::kLater) || is(r, Lex::kAfter);
    const bool earlier = is(r, Lex::kEarlier) || is(r, Lex::kBefore);
    if (!ago && !later && !earlier) return false;
    if (q.hedged || unit_days == 0) {
      emit(q.first, i + 2, TimeKind::kDuration);
      return true;
    }
    const int days = q.count * unit_days;
    if (ago) {
      TimeExpression& e = emit(q.first, i + 2, q.few ? TimeKind::kRange : TimeKind::kRelativeDay);
      if (!publication()) return true;
      if (q.few) set_range(e, add_days(*publication(), -(5 * unit_days)), add_days(*publication(), -(2 * unit_days)), TimePrecision::kRange);
      else set_day(e, add_days(*publication(), -days));
      return true;
    }
    // "The attack comes a week after rockets targeted …": the rockets are the earlier event.
    const bool forward = later != q.inverted;
    if (q.few) {
      emit_anchor_relative(q.first, i + 2, forward ? 2 * unit_days : -5 * unit_days, 3 * unit_days);
    } else {
      emit_anchor_relative(q.first, i + 2, forward ? days : -days, 0);
    }
    return true;
  }

  void scan_day(size_t i) {
    const bool plural = t_[i].value != 0;
    if (scan_counted(i, 1) || plural) return;
    const long k = static_cast<long>(i) - 1;
    const long r = static_cast<long>(i + 1);
    // "the same day", "that same day", "on the same day", "that day", "later that day".
    if (is_left(k, Lex::kSame) && (is_left(k - 1, Lex::kThe) || is_left(k - 1, Lex::kThat))) {
      emit_anchor_relative(static_cast<size_t>(k - 1), i + 1, 0, 0);
      return;
    }
    if (is_left(k, Lex::kThat) && !is(r, Lex::kBefore) && !is(r, Lex::kAfter)) {
      emit_anchor_relative(static_cast<size_t>(is_left(k - 1, Lex::kLater) || is_left(k - 1, Lex::kEarlier) ? k - 1 : k), i + 1, 0, 0);
      return;
    }
    // "earlier in the day", "later in the day".
    if (is_left(k, Lex::kThe) && is_left(k - 1, Lex::kIn) && (is_left(k - 2, Lex::kEarlier) || is_left(k - 2, Lex::kLater))) {
      emit_anchor_relative(static_cast<size_t>(k - 2), i + 1, 0, 0);
      return;
    }
    // "the previous day", "the next day", "the following day".
    if (is_left(k - 1, Lex::kThe) && (is_left(k, Lex::kPrevious) || is_left(k, Lex::kPrior))) {
      emit_anchor_relative(static_cast<size_t>(k - 1), i + 1, -1, 0);
      return;
    }
    if (is_left(k - 1, Lex::kThe) && (is_left(k, Lex::kNext) || is_left(k, Lex::kFollowing))) {
      emit_anchor_relative(static_cast<size_t>(k - 1), i + 1, 1, 0);
      return;
    }
    // "the day before", "the day after".
    if (is_left(k, Lex::kThe) && (is(r, Lex::kBefore) || is(r, Lex::kAfter))) {
      emit_anchor_relative(static_cast<size_t>(k), i + 2, is(r, Lex::kBefore) ? -1 : 1, 0);
    }
  }

  // week / month / year: "last week", "earlier this month", "last year", "two weeks ago".
  void scan_period(size_t i) {
    const Lex unit = t_[i].lex;
    const bool plural = t_[i].value != 0;
    if (scan_counted(i, unit == Lex::kWeek ? 7 : 0) || plural) return;
    const long k = static_cast<long>(i) - 1;
    const bool last = is_left(k, Lex::kLast) || is_left(k, Lex::kPast);
    const bool this_ = is_left(k, Lex::kThis);
    const bool next = is_left(k, Lex::kNext) || is_left(k, Lex::kComing);
    if (!last && !this_ && !next) return;
    // "earlier this month", "late last month", "early next year".
    size_t first = static_cast<size_t>(k);
    const bool earlier = is_left(k - 1, Lex::kEarlier);
    MonthPart part = MonthPart::kWhole;
    if (earlier) first = static_cast<size_t>(k - 1);
    else if (is_left(k - 1, Lex::kLate)) part = MonthPart::kLate, first = static_cast<size_t>(k - 1);
    else if (is_left(k - 1, Lex::kEarly)) part = MonthPart::kEarly, first = static_cast<size_t>(k - 1);
    else if (is_left(k - 1, Lex::kMid) || (punct(k - 1, '-') && is_left(k - 2, Lex::kMid))) {
      part = MonthPart::kMid;
      first = static_cast<size_t>(punct(k - 1, '-') ? k - 2 : k - 1);
    }
    const bool whole = !earlier && part == MonthPart::kWhole;
    TimeKind kind = unit == Lex::kYearUnit && whole ? TimeKind::kYear
                    : unit == Lex::kMonthUnit && whole ? TimeKind::kMonth
                                                       : TimeKind::kRange;
    TimeExpression& e = emit(first, i + 1, kind);
    e.future = next;
    if (!publication()) return;
    const Date p = *publication();
    const Date yesterday = add_days(p, -1);
    if (unit == Lex::kWeek) {
      const Date monday = monday_of_week(p);
      if (last) set_range(e, add_days(monday, -7), add_days(monday, -1), TimePrecision::kRange);
      else if (next) set_range(e, add_days(monday, 7), add_days(monday, 13), TimePrecision::kRange);
      else set_range(e, monday, earlier ? yesterday : p, TimePrecision::kRange);
      return;
    }
    if (unit == Lex::kMonthUnit) {
      int year = p.year, month = p.month + (last ? -1 : next ? 1 : 0);
      if (month == 0) month = 12, --year;
      if (month == 13) month = 1, ++year;
      if (earlier) {
        set_range(e, {p.year, p.month, 1}, yesterday, TimePrecision::kRange);
        return;
      }
      const DateRange range = month_part(year, month, part);
      set_range(e, range.first, range.last, whole ? TimePrecision::kMonth : TimePrecision::kRange);
      e.month = month;
      return;
    }
    const int year = p.year + (last ? -1 : next ? 1 : 0);
    e.year = year;
    if (earlier) set_range(e, {p.year, 1, 1}, yesterday, TimePrecision::kRange);
    else set_range(e, {year, 1, 1}, {year, 12, 31}, whole ? TimePrecision::kYear : TimePrecision::kRange);
  }

  void scan_weekend(size_t i) {
    const long k = static_cast<long>(i) - 1;
    const bool last = is_left(k, Lex::kLast) || is_left(k, Lex::kPast) || is_left(k, Lex::kPrevious);
    const bool this_ = is_left(k, Lex::kThis);
    const bool the = is_left(k, Lex::kThe);
    // A bare "weekend airstrikes" is left alone: it is an adjective more often than a date.
    if (!last && !this_ && !the) return;
    size_t first = static_cast<size_t>(k);
    if (the && is_left(k - 1, Lex::kPast)) --first;
    TimeExpression& e = emit(first, i + 1, TimeKind::kRange);
    e.future = future_tense(first);
    if (!publication()) return;
    const Date p = *publication();
    DateRange range = weekend_before(p);
    if (e.future) range = {resolve_relative_weekday(p, 6, WeekdayDirection::kEarliestNotBefore), {}};
    if (e.future) range.last = add_days(range.first, 1);
    // "last weekend" said on a weekend means the one before.
    else if (last && (p.weekday() == 0 || p.weekday() == 6)) range = weekend_before(add_days(range.first, -1));
    set_range(e, range.first, range.last, TimePrecision::kRange);
  }

  void scan_hours(size_t i) {
    const Quantity q = quantity_left(i);
    const long r = static_cast<long>(i + 1);
    const bool ago = is(r, Lex::kAgo);
    const bool later = is(r, Lex::kLater) || is(r, Lex::kAfter);
    const bool earlier = is(r, Lex::kEarlier) || is(r, Lex::kBefore);
    if (!ago && !later && !earlier) return;
    if (!q.found && t_[i].value == 0) return;  // "hour later" without a count
    const size_t first = q.found ? q.first : i;
    if (q.hedged) {
      emit(first, i + 2, TimeKind::kDuration);
      return;
    }
    if (ago) {
      TimeExpression& e = emit(first, i + 2, TimeKind::kRelativeDay);
      if (publication()) set_day(e, add_days(*publication(), -(q.found && !q.few ? q.count / 24 : 0)));
      return;
    }
    // Hours either side of the anchor may cross midnight: a span of the anchor day and the next
    // (or previous) one.
    const bool forward = later != q.inverted;
    emit_anchor_relative(first, i + 2, forward ? 0 : -1, 1);
  }

  // "an attack that coincides with the anniversary of the 2020 U.S. killing", "on the fourth
  // anniversary of the strike": the past event fell on the month and day of the day the sentence
  // tells of (its first day, else the anchor), in the year written, or so many years back. The
  // written year becomes that day; an ordinal with no year written becomes an expression of its own.
  void date_anniversaries() {
    for (size_t i = 0; i < n_; ++i) {
      if (!is(static_cast<long>(i), Lex::kAnniversary) || !is(static_cast<long>(i + 1), Lex::kOf)) continue;
      const size_t after_of = i + 2 + (is(static_cast<long>(i + 2), Lex::kThe) ? 1 : 0);
      TimeExpression* year = nullptr;
      for (TimeExpression& e : out_) {
        if (e.kind == TimeKind::kYear && e.year && after_of < n_ && e.begin == t_[after_of].begin) year = &e;
      }
      const std::optional<Ordinal> ordinal = year ? std::nullopt : anniversary_ordinal(i);
      if (!year && !ordinal) continue;
      const std::optional<Date> day = day_told(year);
      if (!day) continue;
      const int past_year = year ? *year->year : day->year - ordinal->years;
      if (!is_valid_date(past_year, day->month, day->day) || past_year >= day->year) continue;
      const Date past{past_year, day->month, day->day};
      if (!year) {
        TimeExpression e;
        e.begin = t_[ordinal->token].begin;
        e.end = t_[i].end;
        e.text = std::string(text_.substr(e.begin, e.end - e.begin));
        year = &*out_.insert(std::find_if(out_.begin(), out_.end(), [&](const TimeExpression& x) { return x.begin > e.begin; }),
                             std::move(e));
      }
      year->kind = TimeKind::kDate;
      year->anniversary = true;
      year->year = past.year;
      year->month = past.month;
      year->day_of_month = past.day;
      set_day(*year, past);
    }
  }

  struct Ordinal {
    size_t token = 0;
    int years = 0;
  };
  // The ordinal before "anniversary" ("fourth", "4th", "first"); nullopt if there is none.
  std::optional<Ordinal> anniversary_ordinal(size_t i) const {
    if (i == 0) return std::nullopt;
    const Token& before = t_[i - 1];
    const bool digits = before.type == TokenType::kNumber && before.ordinal && before.value >= 1 && before.value <= 100;
    const bool word = before.type == TokenType::kWord && before.lex == Lex::kCountWord && before.value > 0;  // first…twelfth
    if (!digits && !word) return std::nullopt;
    return Ordinal{i - 1, static_cast<int>(before.value)};
  }

  // The day the sentence tells of: its first day (not `skip`, not a since-date), else the anchor.
  std::optional<Date> day_told(const TimeExpression* skip) const {
    for (const TimeExpression& e : out_) {
      if (&e != skip && !e.is_since && e.value && e.precision == TimePrecision::kDay) return e.value;
    }
    return context_.anchor;
  }

  std::string_view text_;
  const TimeContext& context_;
  const std::vector<Token>& t_;
  size_t n_;
  size_t consumed_ = 0;
  bool says_last_year_ = false;
  std::vector<TimeExpression>& out_;  // this sentence's expressions only
};

}  // namespace

const char* to_string(TimeKind kind) {
  switch (kind) {
    case TimeKind::kDate: return "date";
    case TimeKind::kWeekday: return "weekday";
    case TimeKind::kRelativeDay: return "relative_day";
    case TimeKind::kAnchorRelative: return "anchor_relative";
    case TimeKind::kRange: return "range";
    case TimeKind::kMonth: return "month";
    case TimeKind::kYear: return "year";
    case TimeKind::kClockTime: return "clock_time";
    case TimeKind::kDuration: return "duration";
  }
  return "?";
}

const char* to_string(TimePrecision precision) {
  switch (precision) {
    case TimePrecision::kDay: return "day";
    case TimePrecision::kRange: return "range";
    case TimePrecision::kMonth: return "month";
    case TimePrecision::kYear: return "year";
    case TimePrecision::kUnresolved: return "unresolved";
  }
  return "?";
}

std::vector<TimeExpression> find_time_expressions(std::string_view sentence, const TimeContext& context) {
  thread_local std::vector<Token> tokens;
  time_tokens::tokenize(sentence, tokens);
  std::vector<TimeExpression> out;
  find_time_expressions(sentence, context, tokens, out);
  return out;
}

void find_time_expressions(std::string_view sentence, const TimeContext& context,
                           const std::vector<time_tokens::Token>& tokens, std::vector<TimeExpression>& out) {
  out.clear();
  Scanner(sentence, context, tokens, out).run();
}

void resolve_with_anchor(TimeExpression& expression, Date anchor) {
  if (expression.kind != TimeKind::kAnchorRelative) return;
  expression.value = add_days(anchor, expression.anchor_offset_days);
  if (expression.anchor_span_days > 0) {
    expression.value_max = add_days(*expression.value, expression.anchor_span_days);
    expression.precision = TimePrecision::kRange;
  } else {
    expression.value_max.reset();
    expression.precision = TimePrecision::kDay;
  }
  expression.needs_anchor = false;
}

bool names_a_day(const TimeExpression& expression) {
  if (!expression.value) return false;
  if (expression.precision == TimePrecision::kDay) return true;
  // Short ranges ("over the weekend", "late January") stand for a day; months and years do not.
  return expression.precision == TimePrecision::kRange && expression.value_max &&
         expression.value_max->days_since_epoch() - expression.value->days_since_epoch() <= 11;
}

}  // namespace salvo
