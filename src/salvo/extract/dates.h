// The day of an incident: the sentence's own time expression, the written year's one day, the
// lede's day, or the day of the incident just told.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "salvo/base/date.h"
#include "salvo/extract/article_state.h"
#include "salvo/extract/sentence_view.h"
#include "salvo/time/time_expression.h"

namespace salvo::extract {

// The time expression of sentence s nearest anchor_pos that dates an incident (not the report),
// resolved against the latest event's day if it needs an anchor; nullopt if none.
std::optional<TimeExpression> sentence_date(const ArticleView& view, const ArticleState& state, size_t s, size_t anchor_pos);
// The day of the last event told that has one.
std::optional<Date> latest_event_date(const ArticleState& state);
// The article's main date: the first main event's day, else the publication date.
std::optional<Date> main_date(const ArticleView& view, const ArticleState& state);
// Sentence s names a day (a weekday, a date, "yesterday"), not a "since" or an anniversary.
bool has_day(const ArticleView& view, size_t s);
// Sentence s places something before or after something else ("after", "earlier", "since").
bool has_relational_time_word(const ArticleView& view, size_t s);
// For a sentence naming only a year, the one day of that year the article names; else nullopt.
std::optional<Date> day_in_written_year(const ArticleView& view, size_t s);
// The day an incident with none of its own borrows: the lede's for the first, else the day of the
// incident just told if it is close; nullopt when the sentence places itself elsewhere in time.
std::optional<Date> inherited_date(const ArticleView& view, const ArticleState& state, size_t s);
// Days listed together for one place ("on Oct. 26, Oct. 8, Oct. 13"), two or more; else empty.
std::vector<const TimeExpression*> listed_days(const ArticleView& view, size_t s);
// A timeline's entry: the day of the date heading ("13 June", "In 10 days: 8 June") of the
// paragraph just before sentence s's; nullopt if that paragraph is none.
std::optional<Date> heading_date(const ArticleView& view, size_t s);

}  // namespace salvo::extract
