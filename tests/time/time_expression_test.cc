#include "salvo/time/time_expression.h"

#include <gtest/gtest.h>

#include <string>

#include "salvo/time/calendar_rules.h"

namespace salvo {
namespace {

// One expression of one sentence: where it is and what it resolves to.
struct Case {
  const char* source;      // where the sentence comes from (seeds/…, dev/…, or "variant")
  const char* sentence;
  const char* published;   // "" = no publication date
  const char* anchor;      // "" = none
  const char* expression;  // the expression's exact text; its offsets must be where it occurs
  const char* value;       // "" = unresolved
  const char* value_max;   // "" = a single day (or unresolved)
  TimePrecision precision;
};

constexpr TimePrecision kDay = TimePrecision::kDay;
constexpr TimePrecision kRange = TimePrecision::kRange;
constexpr TimePrecision kMonth = TimePrecision::kMonth;
constexpr TimePrecision kYear = TimePrecision::kYear;
constexpr TimePrecision kNone = TimePrecision::kUnresolved;

const Case kCases[] = {
    // seeds/001, published Friday 2023-11-24.
    {"seeds/001", "US forces were attacked four times in Iraq and Syria on Thursday, November 23 with rockets and armed drones",
     "2023-11-24", "", "Thursday, November 23", "2023-11-23", "", kDay},
    {"seeds/001", "In the early hours of Monday, a group calling itself the Islamic Resistance in Iraq claimed attacks on those locations.",
     "2023-11-24", "", "the early hours of Monday", "2023-11-20", "", kDay},
    {"seeds/001", "U.S. forces struck the Iran-aligned Kataeb Hezbollah (KH) armed group south of Baghdad the day before, killing eight members, according to KH.",
     "2023-11-24", "2023-11-23", "the day before", "2023-11-22", "", kDay},
    {"seeds/001 without anchor", "U.S. forces struck the Iran-aligned Kataeb Hezbollah (KH) armed group south of Baghdad the day before, killing eight members.",
     "2023-11-24", "", "the day before", "", "", kNone},
    {"seeds/001", "targeted U.S. and international forces dozens of times since October 17, 10 days after the Israel-Hamas war began.",
     "2023-11-24", "", "October 17", "2023-10-17", "", kDay},
    {"seeds/001 apposition", "targeted U.S. and international forces dozens of times since October 17, 10 days after the Israel-Hamas war began.",
     "2023-11-24", "", "10 days after", "2023-10-07", "", kDay},
    {"seeds/001", "As of Thursday, there had been 36 attacks in Iraq and 37 in Syria.", "2023-11-24", "", "Thursday",
     "2023-11-23", "", kDay},
    // seeds/002, published Monday 2024-04-22 (no header: date from the gold file).
    {"seeds/002", "Rockets were fired late Sunday from northern Iraq at a military base in Syria housing a US-led coalition.",
     "2024-04-22", "", "late Sunday", "2024-04-21", "", kDay},
    {"seeds/002", "The group has claimed most of the attacks on US forces carried between mid-October and early February.",
     "2024-04-22", "", "mid-October", "2023-10-11", "2023-10-20", kRange},
    {"seeds/002", "The group has claimed most of the attacks on US forces carried between mid-October and early February.",
     "2024-04-22", "", "early February", "2024-02-01", "2024-02-10", kRange},
    {"seeds/002", "A January 28 drone attack killed three US soldiers in the Jordanian desert on the Syrian border.",
     "2024-04-22", "", "January 28", "2024-01-28", "", kDay},
    {"seeds/002", "Sunday night’s rocket attack came against the background of increasing tension in the region.",
     "2024-04-22", "", "Sunday night", "2024-04-21", "", kDay},
    // seeds/003, published Tuesday 2024-04-23.
    {"seeds/003", "Speaking on the recent attack, the defense official stated, \"Yesterday there was an attack against Al-Asad Air Base\"",
     "2024-04-23", "", "Yesterday", "2024-04-22", "", kDay},
    {"seeds/003", "Over the weekend, rockets were launched from northern Iraq towards a base in Syria.", "2024-04-23", "",
     "the weekend", "2024-04-20", "2024-04-21", kRange},
    {"seeds/003", "However, a significant incident in late January saw a drone attack in Jordan.", "2024-04-23", "",
     "late January", "2024-01-21", "2024-01-31", kRange},
    {"seeds/003", "US troops in Western Iraq faces second attack since February 4", "2024-04-23", "", "February 4",
     "2024-02-04", "", kDay},
    {"seeds/003", "This series of airstrikes temporarily halted the attacks until late this month.", "2024-04-23", "",
     "late this month", "2024-04-21", "2024-04-30", kRange},
    {"seeds/003 weekday of publication", "A US defense official confirmed on Tuesday that American forces at a base in western Iraq were targeted.",
     "2024-04-23", "", "Tuesday", "2024-04-23", "", kDay},
    // seeds/000: no publication date anywhere.
    {"seeds/000", "An attack on US coalition forces in Syria on Wednesday broke a brief period of relative calm.", "", "",
     "Wednesday", "", "", kNone},
    {"seeds/000", "This is the first confirmed attack on US and coalition forces since November 23, a day before a temporary truce.",
     "", "", "November 23", "", "", kNone},
    {"seeds/000 with a date", "This is the first confirmed attack on US and coalition forces since November 23, a day before a temporary truce.",
     "2023-11-29", "", "November 23", "2023-11-23", "", kDay},
    {"seeds/000 with a date", "Earlier this month, for the first time since the Israel-Gaza war began, Washington struck targets in Iraq.",
     "2023-11-29", "", "Earlier this month", "2023-11-01", "2023-11-28", kRange},
    // seeds/004, published Wednesday 2022-01-05.
    {"seeds/004", "accused Iran-backed militias of firing a number of rockets towards a coalition base on Wednesday morning.",
     "2022-01-05", "", "Wednesday morning", "2022-01-05", "", kDay},
    {"seeds/004", "On Tuesday night, rockets targeted the Al-Nasr camp near Baghdad International Airport.", "2022-01-05", "",
     "Tuesday night", "2022-01-04", "", kDay},
    {"seeds/004 no publication", "pic.twitter.com/6Zk7aqOhGU January 5, 2022", "", "", "January 5, 2022", "2022-01-05", "", kDay},
    // dev set.
    {"dev/h1_003", "“At approximately 5:30 pm on Jan. 7, Iran launched more than a dozen ballistic missiles.", "2020-01-08", "",
     "Jan. 7", "2020-01-07", "", kDay},
    {"dev/h1_003", "the Pentagon confirmed on Tuesday local time.", "2020-01-08", "", "Tuesday local time", "2020-01-07", "", kDay},
    {"dev/h1_004 weekday of publication", "Two Americans and one British national were killed in a rocket attack on a base in Iraq on Wednesday.",
     "2020-03-11", "", "Wednesday", "2020-03-11", "", kDay},
    {"dev/h1_004", "In December, a similar rocket fusillade killed a U.S. contractor.", "2020-03-11", "", "December",
     "2019-12-01", "2019-12-31", kMonth},
    {"dev/h1_005", "On Wednesday, 18 Katyusha rockets struck the Taji base, killing two Americans.", "2020-03-14", "",
     "Wednesday", "2020-03-11", "", kDay},
    {"dev/h1_006", "2 hours ago - Politics & Policy", "2020-03-14", "", "2 hours ago", "2020-03-14", "", kDay},
    {"dev/h1_008", "and the nearby base hosting U.S. troops late Monday.", "2021-02-16", "", "late Monday", "2021-02-15", "", kDay},
    {"dev/h1_008", "Published: Feb. 16, 2021 at 5:10 AM EST|Updated: 3 hours ago", "2021-02-16", "", "Feb. 16, 2021",
     "2021-02-16", "", kDay},
    {"dev/h1_009", "The attack comes a week after more than a dozen rockets targeted a military complex at the Arbil airport.",
     "2021-02-23", "2021-02-22", "a week after", "2021-02-15", "", kDay},
    {"dev/h1_010", "in response to the Jan. 3 killing of Iran’s top military general Qassem Soleimani in Baghdad last year.",
     "2021-02-25", "", "Jan. 3", "2020-01-03", "", kDay},
    {"dev/h1_010", "Isabel van Brugen 2/25/2021 Updated: 2/26/2021", "2021-02-25", "", "2/25/2021", "2021-02-25", "", kDay},
    {"dev/h1_011", "during a rocket attack at Iraq's Al Asad Air Base early Wednesday morning.", "2021-03-03", "",
     "early Wednesday morning", "2021-03-03", "", kDay},
    {"dev/h1_012", "That Feb. 25 strike was the U.S. military’s first known action under President Joe Biden.", "2021-03-08", "",
     "Feb. 25", "2021-02-25", "", kDay},
    {"dev/h1_012 vague", "This attack came less than a week after the U.S. strike on an Iranian-backed militia.", "2021-03-08",
     "2021-03-03", "less than a week after", "", "", kNone},
    {"dev/h1_019", "Another artillery rocket attack had taken place earlier on Tuesday night, with rockets fired.", "2022-01-05",
     "", "earlier on Tuesday night", "2022-01-04", "", kDay},
    {"dev/h1_020", "On the same day as the Green Village rocket attack, U.S.-led coalition forces repelled several drones.",
     "2022-08-16", "2022-08-15", "the same day", "2022-08-15", "", kDay},
    {"dev/h1_021", "A number of rockets landed on 15 August near the Green Village base... 24.08.2022, Sputnik International",
     "2022-08-24", "", "15 August", "2022-08-15", "", kDay},
    {"dev/h1_021", "A number of rockets landed on 15 August near the Green Village base... 24.08.2022, Sputnik International",
     "2022-08-24", "", "24.08.2022", "2022-08-24", "", kDay},
    {"dev/h2_005 anchor in the sentence", "In the statement issued on Wednesday, Defense Secretary Lloyd Austin said the strike was conducted earlier in the day.",
     "2023-11-09", "", "earlier in the day", "2023-11-08", "", kDay},
    {"dev/h2_005", "On October 26, a US F-15 and two F-16s used precision-guided munitions to strike two facilities.",
     "2023-11-09", "", "October 26", "2023-10-26", "", kDay},
    {"dev/h2_004", "Since the start of the Israel-Hamas war last month, a series of rocket and drone attacks have targeted bases.",
     "2023-11-07", "", "last month", "2023-10-01", "2023-10-31", kMonth},
    {"dev/h2_009", "Thursday 14 December 2023 - 21:07", "2023-12-14", "", "Thursday 14 December 2023", "2023-12-14", "", kDay},
    {"dev/h2_009", "A few hours earlier, they also targeted US military bases in Al Tanf and Al Rukban regions.", "2023-12-14",
     "2023-12-14", "A few hours earlier", "2023-12-13", "2023-12-14", kRange},
    {"dev/h2_013", "A suicide drone targeting the US-led coalition forces near Erbil International Airport late on Thursday was shot down.",
     "2024-01-25", "", "late on Thursday", "2024-01-25", "", kDay},
    {"dev/h2_017", "at least five members of the SDF were killed and 20 wounded in the drone strike on Sunday.", "2024-02-05",
     "", "Sunday", "2024-02-04", "", kDay},
    {"dev/h1_018", "The 2020 U.S. drone strike at Baghdad’s airport killed Gen. Qassim Soleimani.", "2022-01-03", "", "2020",
     "2020-01-01", "2020-12-31", kYear},
    // Hard variants: year boundary, future tense, "last"/"next", no publication date, ranges.
    {"variant: year boundary", "The base was hit on December 28, officials said.", "2024-01-03", "", "December 28",
     "2023-12-28", "", kDay},
    {"variant: year boundary, month", "Attacks resumed in late December.", "2024-01-03", "", "late December", "2023-12-21",
     "2023-12-31", kRange},
    {"variant: future tense", "The minister will visit the base on Wednesday.", "2023-11-24", "", "Wednesday", "2023-11-29", "", kDay},
    {"variant: next", "Talks are set for next Friday.", "2023-11-24", "", "next Friday", "2023-12-01", "", kDay},
    {"variant: last, same weekday", "Rockets hit the base last Wednesday.", "2022-01-05", "", "last Wednesday", "2021-12-29", "", kDay},
    {"variant: future date", "Iraqi and US officials will meet on November 27 to discuss the withdrawal.", "2023-11-24", "",
     "November 27", "2023-11-27", "", kDay},
    {"variant: weekend on a Sunday", "Drones were downed over the weekend.", "2024-04-21", "", "the weekend", "2024-04-20",
     "2024-04-21", kRange},
    {"variant: last night", "A drone struck the base last night, officials said.", "2024-01-26", "", "last night",
     "2024-01-25", "", kDay},
    {"variant: overnight", "Rockets fell overnight near the airport.", "2024-01-26", "", "overnight", "2024-01-25",
     "2024-01-26", kRange},
    {"variant: no publication, explicit year", "Attacks have continued since mid-October 2023.", "", "", "mid-October 2023",
     "2023-10-11", "2023-10-20", kRange},
    {"variant: no publication, relative", "Rockets were fired late Sunday.", "", "", "late Sunday", "", "", kNone},
    {"variant: day before in the sentence", "On Jan. 7 the base was hit; the day before, two drones were downed.", "2020-01-09",
     "", "the day before", "2020-01-06", "", kDay},
    {"variant: next day", "Rockets hit Camp Taji on March 11 and the US struck back the next day.", "2020-03-14", "",
     "the next day", "2020-03-12", "", kDay},
    {"variant: two weeks ago", "The same base was attacked two weeks ago.", "2023-11-24", "", "two weeks ago", "2023-11-10",
     "", kDay},
    {"variant: last week", "Three attacks were recorded last week.", "2023-11-24", "", "last week", "2023-11-13",
     "2023-11-19", kRange},
    {"variant: ordinal", "The attack on the 7th of October 2023 started the war.", "", "", "7th of October 2023", "2023-10-07",
     "", kDay},
    {"variant: ISO date", "Updated 2023-11-24T08:00Z", "", "", "2023-11-24", "2023-11-24", "", kDay},
    {"dev/h1_018: anniversary of a written year", "Two armed drones were shot down at the Baghdad airport on Monday, a "
     "U.S.-led coalition official said, an attack that coincides with the anniversary of the 2020 U.S. killing of a top "
     "Iranian general.", "2022-01-03", "", "2020", "2020-01-03", "", kDay},
    {"variant: ordinal anniversary", "Rockets hit the base on Jan. 3, the fourth anniversary of the killing of Soleimani.",
     "2024-01-05", "", "fourth anniversary", "2020-01-03", "", kDay},
    {"variant: numeric ordinal anniversary", "The attack on Jan. 3, 2024 marked the 4th anniversary of the strike.", "", "",
     "4th anniversary", "2020-01-03", "", kDay},
    {"variant: anniversary counted from the anchor", "It came on the first anniversary of the Oct. 7 attack.", "", "2024-10-07",
     "first anniversary", "2023-10-07", "", kDay},
    {"variant: anniversary with no day told", "The groups marked the anniversary of the 2020 killing.", "2022-01-05", "", "2020",
     "2020-01-01", "2020-12-31", kYear},
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.source << ": \"" << c.expression << "\""; }

class TimeExpressionCases : public testing::TestWithParam<Case> {};

TEST_P(TimeExpressionCases, FindsAndResolves) {
  const Case& c = GetParam();
  TimeContext context;
  if (*c.published) context.publication = parse_iso_date_prefix(c.published);
  if (*c.anchor) context.anchor = parse_iso_date_prefix(c.anchor);
  const std::string_view sentence = c.sentence;
  const auto found = find_time_expressions(sentence, context);
  const TimeExpression* match = nullptr;
  std::string all;
  for (const auto& e : found) {
    all += "[" + e.text + "] ";
    if (e.text == c.expression) match = &e;
  }
  ASSERT_NE(match, nullptr) << c.source << ": no \"" << c.expression << "\" among " << all;
  // Offsets are into the sentence given, and point at the words.
  EXPECT_EQ(match->begin, sentence.find(c.expression)) << c.source;
  EXPECT_EQ(sentence.substr(match->begin, match->end - match->begin), c.expression) << c.source;
  EXPECT_EQ(match->value ? match->value->iso() : "", c.value) << c.source << ": " << c.expression;
  EXPECT_EQ(match->value_max ? match->value_max->iso() : "", c.value_max) << c.source << ": " << c.expression;
  EXPECT_EQ(to_string(match->precision), std::string(to_string(c.precision))) << c.source << ": " << c.expression;
}

INSTANTIATE_TEST_SUITE_P(RealSentencesAndVariants, TimeExpressionCases, testing::ValuesIn(kCases));

std::vector<TimeExpression> find(std::string_view sentence, const char* published = "") {
  TimeContext context;
  if (*published) context.publication = parse_iso_date_prefix(published);
  return find_time_expressions(sentence, context);
}

TEST(TimeExpression, AnAnniversaryDatesThePastEventNotTheSentencesOwn) {
  const auto found = find("Drones were downed on Monday, on the anniversary of the 2020 killing.", "2022-01-03");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_FALSE(found[0].anniversary);
  EXPECT_EQ(found[0].value->iso(), "2022-01-03");
  EXPECT_TRUE(found[1].anniversary);
  EXPECT_EQ(found[1].kind, TimeKind::kDate);
  EXPECT_EQ(found[1].value->iso(), "2020-01-03");
  // A year written before the word is the year of the anniversary, not of the past event.
  const auto before = find("The 2022 anniversary of the killing passed quietly on Monday.", "2022-01-05");
  for (const auto& e : before) EXPECT_FALSE(e.anniversary) << e.text;
  // February 29th has no anniversary in a common year: left as written.
  const auto leap = find("On Feb. 29, 2024, the first anniversary of the deal, rockets fell.", "2024-03-01");
  for (const auto& e : leap) EXPECT_FALSE(e.anniversary) << e.text;
}

TEST(TimeExpression, ClockTimeKeepsBothZonesInOneSpan) {
  const auto found = find("the statement said, at around 9:50 pm (1850 GMT).", "2024-04-22");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].text, "9:50 pm (1850 GMT)");
  EXPECT_EQ(found[0].kind, TimeKind::kClockTime);
  EXPECT_EQ(found[0].minutes_of_day, 21 * 60 + 50);
  EXPECT_FALSE(found[0].value);
}

TEST(TimeExpression, ClockTimeSpellings) {
  const auto found = find("Approximately at 7:20 p.m. (local time), and at 9:07 pm, then 21:07 and 5:10 AM EST");
  ASSERT_EQ(found.size(), 4u);
  EXPECT_EQ(found[0].text, "7:20 p.m.");
  EXPECT_EQ(found[0].minutes_of_day, 19 * 60 + 20);
  EXPECT_EQ(found[1].minutes_of_day, 21 * 60 + 7);
  EXPECT_EQ(found[2].minutes_of_day, 21 * 60 + 7);
  EXPECT_EQ(found[3].text, "5:10 AM EST");
  EXPECT_EQ(found[3].minutes_of_day, 5 * 60 + 10);
}

TEST(TimeExpression, WithoutPublicationKeepsWhatTheWordsSay) {
  const auto found = find("US forces were attacked on Thursday, November 23 with rockets");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].precision, TimePrecision::kUnresolved);
  EXPECT_EQ(found[0].weekday, 4);
  EXPECT_EQ(found[0].month, 11);
  EXPECT_EQ(found[0].day_of_month, 23);
  EXPECT_FALSE(found[0].year);
}

TEST(TimeExpression, SinceMarksTheStartOfAPeriod) {
  const auto found = find("second attack since February 4, and attacks since mid-October", "2024-04-23");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_TRUE(found[0].is_since);
  EXPECT_TRUE(found[1].is_since);
  EXPECT_EQ(found[1].text, "mid-October");
}

TEST(TimeExpression, FutureTenseIsFlaggedAndResolvedForward) {
  const auto found = find("The US will respond on Monday, the official said on Monday.", "2024-02-05");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_TRUE(found[0].future);
  EXPECT_EQ(found[0].value->iso(), "2024-02-05");
  EXPECT_FALSE(found[1].future);
  EXPECT_EQ(found[1].value->iso(), "2024-02-05");
  const auto tuesday = find("The US will respond on Tuesday.", "2024-02-05");
  EXPECT_EQ(tuesday[0].value->iso(), "2024-02-06");
}

TEST(TimeExpression, AnchorCanComeInASecondStep) {
  auto found = find("U.S. forces struck the group south of Baghdad the day before.", "2023-11-24");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_TRUE(found[0].needs_anchor);
  EXPECT_EQ(found[0].anchor_offset_days, -1);
  resolve_with_anchor(found[0], Date{2023, 11, 23});
  EXPECT_FALSE(found[0].needs_anchor);
  EXPECT_EQ(found[0].value->iso(), "2023-11-22");
  EXPECT_EQ(found[0].precision, TimePrecision::kDay);
}

TEST(TimeExpression, NumbersThatAreNotDates) {
  EXPECT_TRUE(find("one of the rockets hit a mosque nearby, according to Deir Ezzor 24.", "2022-01-05").empty());
  EXPECT_TRUE(find("There are about 2,500 American troops in Iraq and 900 in Syria.", "2022-01-05").empty());
  EXPECT_TRUE(find("a US F-15 and two F-16s used 240mm rockets at 15 miles", "2022-01-05").empty());
  EXPECT_TRUE(find("Militias may strike again, officials may march on.", "2022-01-05").empty());
  EXPECT_TRUE(find("rally to vent anger over weekend airstrikes", "2022-01-05").empty());
  EXPECT_TRUE(find("Story Code : 1102756", "2022-01-05").empty());
}

TEST(TimeExpression, VagueDurationsNeverResolve) {
  const auto found = find("The attack came less than a week after the strike, and more than two days later another.",
                          "2021-03-08");
  ASSERT_EQ(found.size(), 2u);
  for (const auto& e : found) {
    EXPECT_EQ(e.kind, TimeKind::kDuration);
    EXPECT_FALSE(e.value);
  }
}

TEST(TimeExpression, NamesADayOnlyForDaysAndShortRanges) {
  const auto found = find("over the weekend, last month, in 2014, late January, yesterday, at 9 pm", "2024-04-23");
  ASSERT_EQ(found.size(), 6u);
  EXPECT_TRUE(names_a_day(found[0]));
  EXPECT_FALSE(names_a_day(found[1]));
  EXPECT_FALSE(names_a_day(found[2]));
  EXPECT_TRUE(names_a_day(found[3]));
  EXPECT_TRUE(names_a_day(found[4]));
  EXPECT_FALSE(names_a_day(found[5]));
}

TEST(CalendarRules, WeekdayDirections) {
  const Date thursday{2023, 11, 23};
  EXPECT_EQ(resolve_relative_weekday(thursday, 4, WeekdayDirection::kLatestNotAfter).iso(), "2023-11-23");
  EXPECT_EQ(resolve_relative_weekday(thursday, 4, WeekdayDirection::kStrictlyBefore).iso(), "2023-11-16");
  EXPECT_EQ(resolve_relative_weekday(thursday, 3, WeekdayDirection::kLatestNotAfter).iso(), "2023-11-22");
  EXPECT_EQ(resolve_relative_weekday(thursday, 5, WeekdayDirection::kLatestNotAfter).iso(), "2023-11-17");
  EXPECT_EQ(resolve_relative_weekday(thursday, 5, WeekdayDirection::kEarliestNotBefore).iso(), "2023-11-24");
  EXPECT_EQ(resolve_relative_weekday(thursday, 4, WeekdayDirection::kStrictlyAfter).iso(), "2023-11-30");
}

TEST(CalendarRules, YearInferenceLooksBack) {
  EXPECT_EQ(infer_year(12, 28, {2024, 1, 3}, 1, false)->iso(), "2023-12-28");
  EXPECT_EQ(infer_year(1, 4, {2024, 1, 3}, 1, false)->iso(), "2024-01-04");  // a day of tolerance
  EXPECT_EQ(infer_year(1, 5, {2024, 1, 3}, 1, false)->iso(), "2023-01-05");
  EXPECT_EQ(infer_year(2, 29, {2023, 6, 1}, 1, false)->iso(), "2020-02-29");
  EXPECT_EQ(infer_year(1, 5, {2023, 12, 30}, 7, true)->iso(), "2024-01-05");
  EXPECT_FALSE(infer_year(2, 30, {2023, 6, 1}, 1, false));
}

TEST(CalendarRules, WeekendBefore) {
  auto range = weekend_before({2024, 4, 23});  // Tuesday
  EXPECT_EQ(range.first.iso(), "2024-04-20");
  EXPECT_EQ(range.last.iso(), "2024-04-21");
  range = weekend_before({2024, 4, 20});  // Saturday: only the day so far
  EXPECT_EQ(range.first.iso(), "2024-04-20");
  EXPECT_EQ(range.last.iso(), "2024-04-20");
}

}  // namespace
}  // namespace salvo
