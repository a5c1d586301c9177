// The day of an incident: the sentence's own time expression, the written year's one day, the
// lede's day, or the day of the incident just told.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "salvo/extract/article_state.h"
#include "salvo/extract/sentence_view.h"

namespace salvo::extract {

std::optional<TimeExpression> sentence_date(const ArticleView& view, const ArticleState& state, size_t s, size_t anchor_pos);
std::optional<Date> latest_event_date(const ArticleState& state);
std::optional<Date> main_date(const ArticleView& view, const ArticleState& state);
bool has_day(const ArticleView& view, size_t s);
bool has_relational_time_word(const ArticleView& view, size_t s);
std::optional<Date> day_in_written_year(const ArticleView& view, size_t s);
std::optional<Date> inherited_date(const ArticleView& view, const ArticleState& state, size_t s);

}  // namespace salvo::extract
