#include "salvo/extract/dates.h"

#include <cctype>

#include "salvo/base/ascii.h"

namespace salvo::extract {

namespace {

// A day this long before publication is recalled (a photo caption's, a background paragraph's).
constexpr int kRecalledDays = 30;

bool is_reporting_time(const ArticleView& view, size_t s, const TimeExpression& t);
std::optional<Date> lede_date(const ArticleView& view);
std::optional<Date> date_heading(const ArticleView& view, size_t s);

// Whether a time expression dates the report rather than the incident: "confirmed on Tuesday",
// "said on Monday".
bool is_reporting_time(const ArticleView& view, size_t s, const TimeExpression& t) {
  const Sentence& sent = view.sentence(s);
  Nearby before = words_before(view.lowered, t.begin, sent.begin, 2);
  if (!before.empty() && before[0] == "on") before.drop_first();
  if (!before.empty() && view.cues().has(CueKind::kReportingVerb, before[0])) return true;
  const Nearby after = words_after(view.lowered, t.end, sent.end, 1);
  return !after.empty() && view.cues().has(CueKind::kReportingVerb, after[0]);
}

// The day of an incident whose sentence names none: the incident just told, when this sentence
// follows it closely and does not place itself before or after something else.
// The day the lede gives for the news: its first resolved day, even one the report is dated
// by ("The United States on Wednesday announced that three … were injured").
std::optional<Date> lede_date(const ArticleView& view) {
  // Without a publication date the first full date may be a photo caption's: no guess then.
  // With one, a day long before it is a caption's or a recalled incident's, not the lede's.
  const std::optional<Date> published = view.article.article.published;
  if (!published) return std::nullopt;
  for (size_t s = 0; s < view.article.sentences.size() && s < 3; ++s) {
    for (const TimeExpression* t : view.by_sentence[s].times) {
      if (t->value && t->value->days_since_epoch() < published->days_since_epoch() - kRecalledDays) continue;
      if (t->value && !t->is_since && !t->anniversary && names_a_day(*t) && t->precision == TimePrecision::kDay) return t->value;
    }
  }
  return std::nullopt;
}

// A timeline's date heading: a sentence that is a day and nothing more ("10 June", "NOV. 2",
// "In 10 days: 8 June"). Its day, resolved, or nothing.
std::optional<Date> date_heading(const ArticleView& view, size_t s) {
  constexpr size_t kLeadInBytes = 16;  // "In 10 days:" before the day
  const SentenceMentions& m = view.by_sentence[s];
  if (m.times.size() != 1 || !m.triggers.empty() || !m.places.empty()) return std::nullopt;
  const TimeExpression& t = *m.times.front();
  if (!t.value || t.precision != TimePrecision::kDay || t.kind != TimeKind::kDate) return std::nullopt;
  const Sentence& sent = view.sentence(s);
  std::string_view before = view.text(sent.begin, t.begin), after = view.text(t.end, sent.end);
  while (!after.empty() && (after.back() == ' ' || after.back() == '.' || after.back() == ':')) after.remove_suffix(1);
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  const bool lead_in = before.empty() || (before.size() <= kLeadInBytes && before.back() == ':');
  if (!after.empty() || !lead_in) return std::nullopt;
  return t.value;
}

}  // namespace

// The sentence's time expression for an incident near `anchor_pos`, resolved; nullptr if none.
std::optional<TimeExpression> sentence_date(const ArticleView& view, const ArticleState& state, size_t s, size_t anchor_pos) {
  const TimeExpression* best = nullptr;
  size_t best_distance = static_cast<size_t>(-1);
  for (const TimeExpression* t : view.by_sentence[s].times) {
    if (t->is_since || t->anniversary || is_reporting_time(view, s, *t)) continue;
    if (t->kind == TimeKind::kClockTime || t->kind == TimeKind::kDuration || t->kind == TimeKind::kYear) continue;
    // Days and short ranges, resolved or not ("over the weekend" with no publication date).
    // A range counts when it is a few days ("over the weekend", "late January"), not a
    // stretch of weeks ("earlier this month").
    const bool short_range = t->kind == TimeKind::kRange && (t->month || lower_ascii(t->text).find("weekend") != std::string::npos);
    const bool day_like = t->kind == TimeKind::kWeekday || t->kind == TimeKind::kDate || t->kind == TimeKind::kRelativeDay ||
                          short_range || t->kind == TimeKind::kAnchorRelative;
    if (!names_a_day(*t) && !t->needs_anchor && !(day_like && !t->value)) continue;
    const size_t distance = t->begin > anchor_pos ? t->begin - anchor_pos : anchor_pos - t->end;
    if (distance < best_distance) best = t, best_distance = distance;
  }
  if (!best) return std::nullopt;
  TimeExpression resolved = *best;
  if (resolved.needs_anchor && !resolved.value) {
    const std::optional<Date> anchor = latest_event_date(state);
    if (anchor) resolve_with_anchor(resolved, *anchor);
  }
  return resolved;
}

std::optional<Date> latest_event_date(const ArticleState& state) {
  for (auto it = state.events.rbegin(); it != state.events.rend(); ++it) {
    if (it->date) return it->date;
  }
  return std::nullopt;
}

// The article's main date: the first incident date named, else the publication date.
std::optional<Date> main_date(const ArticleView& view, const ArticleState& state) {
  for (const Event& e : state.events) {
    if (e.date && e.role == EventRole::kMain) return e.date;
  }
  return view.article.article.published;
}

bool has_day(const ArticleView& view, size_t s) {
  for (const TimeExpression* t : view.by_sentence[s].times) {
    if (!t->is_since && !t->anniversary &&
        (t->kind == TimeKind::kWeekday || t->kind == TimeKind::kDate || t->kind == TimeKind::kRelativeDay)) {
      return true;
    }
  }
  return false;
}

bool has_relational_time_word(const ArticleView& view, size_t s) {
  const std::string_view lowered = view.lowered_sentence(s);
  for (std::string_view w : view.cues().of(CueKind::kRelationalTime)) {
    size_t pos = lowered.find(w);
    while (pos != std::string::npos) {
      const bool start = pos == 0 || !std::isalpha(static_cast<unsigned char>(lowered[pos - 1]));
      const bool end = pos + w.size() >= lowered.size() || !std::isalpha(static_cast<unsigned char>(lowered[pos + w.size()]));
      if (start && end) return true;
      pos = lowered.find(w, pos + 1);
    }
  }
  return false;
}

// "The 2020 U.S. drone strike": a year of its own and no day. When the article names exactly
// one day of that year ("the anniversary of the 2020 killing" in the lede, a "Jan. 3, 2020"
// elsewhere), that is the day; with none or several, no guess.
std::optional<Date> day_in_written_year(const ArticleView& view, size_t s) {
  std::optional<int> year;
  for (const TimeExpression* t : view.by_sentence[s].times) {
    if (t->kind == TimeKind::kYear && t->year && !t->is_since && !t->future) {
      year = t->year;
      break;
    }
  }
  if (!year) return std::nullopt;
  std::optional<Date> found;
  for (const SentenceMentions& other : view.by_sentence) {
    for (const TimeExpression* t : other.times) {
      if (t->is_since || !t->value || t->precision != TimePrecision::kDay || t->value->year != *year) continue;
      if (found && *found != *t->value) return std::nullopt;
      found = t->value;
    }
  }
  return found;
}

std::optional<Date> inherited_date(const ArticleView& view, const ArticleState& state, size_t s) {
  if (has_relational_time_word(view, s)) return std::nullopt;
  // The first incidents of an article with no day of their own happened on the lede's day.
  if (state.events.empty()) return lede_date(view);
  // "The 2020 U.S. drone strike": a year of its own, so not the day of the incident before.
  for (const TimeExpression* t : view.by_sentence[s].times) {
    if (t->kind == TimeKind::kYear || t->kind == TimeKind::kMonth || t->year) return std::nullopt;
  }
  const Event& last = state.events.back();
  if (s - last.sentences.back() > 3) return std::nullopt;
  // An incident recalled from long before (a photo caption's "October 18, 2016", a background
  // paragraph) lends its day to no incident told after it without a day: that one is the news.
  const std::optional<Date> published = view.article.article.published;
  if (last.date && published && last.date->days_since_epoch() < published->days_since_epoch() - kRecalledDays) {
    return lede_date(view);
  }
  return last.date;
}

// Days listed together, joined by commas or "and" ("on Oct. 26, Oct. 8, Oct. 13"): each an
// incident's day. Empty unless two or more are listed so.
std::vector<const TimeExpression*> listed_days(const ArticleView& view, size_t s) {
  std::vector<const TimeExpression*> run;
  for (const TimeExpression* t : view.by_sentence[s].times) {
    if (t->kind != TimeKind::kDate || t->is_since || t->anniversary) continue;
    if (!run.empty()) {
      const std::string between = lower_ascii(view.text(run.back()->end, t->begin));
      const bool joined = between == ", " || between == " and " || between == ", and " || between == ",";
      if (!joined) {
        if (run.size() > 1) break;
        run.clear();
      }
    }
    run.push_back(t);
  }
  if (run.size() < 2) run.clear();
  return run;
}

// The day of the timeline entry a sentence belongs to: the date heading of the paragraph just
// before its own ("13 June" / "Two rockets fell in Taji base").
std::optional<Date> heading_date(const ArticleView& view, size_t s) {
  const size_t paragraph = view.sentence(s).paragraph;
  for (size_t k = s; k > 0; --k) {
    const size_t before = k - 1;
    if (view.sentence(before).paragraph == paragraph) continue;
    if (view.sentence(before).paragraph + 1 != paragraph) return std::nullopt;
    return date_heading(view, before);
  }
  return std::nullopt;
}

}  // namespace salvo::extract
