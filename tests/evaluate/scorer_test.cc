// The scorer against shared/spec/scoring.md, rule by rule, on hand-made records whose right
// answer is worked out in the comments.
#include "salvo/evaluate/scorer.h"
#include "salvo/gazetteer/gazetteer.h"

#include <gtest/gtest.h>

namespace salvo {
namespace {

using Json = nlohmann::ordered_json;

// A gold event at Erbil International Airport on 2023-11-23; `changes` overrides members.
Json gold_event(const std::string& key, Json changes = Json::object()) {
  Json e = {{"key", key},          {"role", "main"},        {"type", "attack"},     {"weapons", {"drone"}},
            {"date", "2023-11-23"}, {"date_max", nullptr},  {"country", "IQ"},      {"admin1", "Erbil"},
            {"location", "Erbil International Airport"},    {"lat", 36.237},        {"lon", 43.963},
            {"target", "US and international forces"},      {"actor", "Islamic Resistance in Iraq"},
            {"actor_status", "claimed"}, {"killed", 0},     {"injured", 0},         {"count", 1},
            {"evidence", "the Erbil airport base near Erbil airport in northern Iraq launched a drone"}};
  for (auto& [k, v] : changes.items()) e[k] = v;
  return e;
}

// The same event as the engine would print it: no key, evidence as spans.
Json predicted_event(Json changes = Json::object()) {
  Json e = gold_event("");
  e.erase("key");
  e["confidence"] = 0.8;
  e["evidence"] = Json::array({{{"start", 0}, {"end", 10}, {"text", "Erbil airport base was attacked by a drone."}}});
  for (auto& [k, v] : changes.items()) e[k] = v;
  return e;
}

ArticlePair article(Json predicted_events, Json gold_events, Json predicted_tallies = Json::array(),
                    Json gold_tallies = Json::array()) {
  ArticlePair pair;
  pair.article = "a";
  pair.predicted = {{"events", std::move(predicted_events)}, {"tallies", std::move(predicted_tallies)}};
  pair.gold = {{"article", "a.txt"}, {"events", std::move(gold_events)}, {"tallies", std::move(gold_tallies)}};
  return pair;
}

bool compatible(Json predicted_changes, Json gold_changes = Json::object()) {
  return events_compatible(predicted_event(std::move(predicted_changes)), gold_event("k", std::move(gold_changes)));
}

bool field(ScoredField f, Json predicted_changes, Json gold_changes = Json::object()) {
  const auto verdict = field_correct(f, predicted_event(std::move(predicted_changes)), gold_event("k", std::move(gold_changes)));
  EXPECT_TRUE(verdict.has_value());
  return verdict.value_or(false);
}

// §1 ---------------------------------------------------------------------------------------------

TEST(Scorer, CountExpandsIntoThatManyEvents) {
  // Gold: one record standing for 3 incidents. Predicted: one record with count 2 → 2 pairs.
  const ArticleScore s = score_article(article({predicted_event({{"count", 2}})}, {gold_event("k", {{"count", 3}})}));
  EXPECT_EQ(s.events.gold, 3u);
  EXPECT_EQ(s.events.predicted, 2u);
  EXPECT_EQ(s.events.paired, 2u);
  ASSERT_EQ(s.missed.size(), 1u);
  EXPECT_EQ(s.gold_events[s.missed[0]].copies, 3u);
  // A missing count is 1.
  Json no_count = predicted_event();
  no_count.erase("count");
  EXPECT_EQ(expand_events(Json::array({no_count})).size(), 1u);
}

// §2 ---------------------------------------------------------------------------------------------

TEST(Scorer, TypeAndCountryMustBeEqual) {
  EXPECT_TRUE(compatible({}));
  EXPECT_FALSE(compatible({{"type", "strike"}}));
  EXPECT_FALSE(compatible({{"country", "SY"}}));
  EXPECT_FALSE(compatible({{"country", nullptr}}));
}

TEST(Scorer, NullDateIsCompatibleWithAnyDate) {
  EXPECT_TRUE(compatible({{"date", nullptr}}));
  EXPECT_TRUE(compatible({{"date", "2020-01-01"}}, {{"date", nullptr}}));
}

TEST(Scorer, DatesWithinOneDayAreCompatible) {
  EXPECT_TRUE(compatible({{"date", "2023-11-22"}}));   // gold 11-23 widened to 11-22..11-24
  EXPECT_TRUE(compatible({{"date", "2023-11-24"}}));
  EXPECT_FALSE(compatible({{"date", "2023-11-21"}}));
  EXPECT_FALSE(compatible({{"date", "2023-11-25"}}));
  EXPECT_TRUE(compatible({{"date", "2023-12-01"}}, {{"date", "2023-11-30"}}));  // across a month
}

TEST(Scorer, RangesOverlapTheWidenedGoldRange) {
  // Predicted 11-18..11-21 reaches gold 11-23 widened (11-22)? No: ends the day before.
  EXPECT_FALSE(compatible({{"date", "2023-11-18"}, {"date_max", "2023-11-21"}}));
  EXPECT_TRUE(compatible({{"date", "2023-11-18"}, {"date_max", "2023-11-22"}}));
  // Gold range 11-25..11-26, widened 11-24..11-27; predicted day 11-27 overlaps, 11-28 does not.
  EXPECT_TRUE(compatible({{"date", "2023-11-27"}}, {{"date", "2023-11-25"}, {"date_max", "2023-11-26"}}));
  EXPECT_FALSE(compatible({{"date", "2023-11-28"}}, {{"date", "2023-11-25"}, {"date_max", "2023-11-26"}}));
}

TEST(Scorer, PlacesWithin50KmAreCompatible) {
  EXPECT_NEAR(haversine_km(36.237, 43.963, 36.237, 44.5225), 50.0, 0.5);  // 0.5595° of longitude at 36.2°N
  EXPECT_TRUE(compatible({{"lat", 36.237}, {"lon", 44.50}}));    // ~48 km east
  EXPECT_FALSE(compatible({{"lat", 36.237}, {"lon", 44.55}}));   // ~53 km east
  EXPECT_FALSE(compatible({{"lat", 33.786}, {"lon", 42.441}}));  // Ain al-Asad: ~300 km
  EXPECT_TRUE(compatible({{"lat", nullptr}, {"lon", nullptr}}));  // no coordinates: compatible
  EXPECT_TRUE(compatible({{"lat", 33.786}, {"lon", 42.441}}, {{"lat", nullptr}, {"lon", nullptr}}));
}

TEST(Scorer, AssignmentMaximisesPairsWhereGreedyWouldNot) {
  // Predicted A (drone, 11-23) fits gold X (drone, 11-23) best and also gold Y (rocket, 11-22);
  // predicted B (11-24) fits only X, because Y's widened day ends at 11-23. Taking A–X first
  // would leave B alone; the best assignment is A–Y, B–X.
  const Json x = gold_event("X");
  const Json y = gold_event("Y", {{"date", "2023-11-22"}, {"weapons", {"rocket"}}, {"lat", nullptr}, {"lon", nullptr}});
  const Json a = predicted_event();
  const Json b = predicted_event({{"date", "2023-11-24"}, {"weapons", {"rocket"}}});
  ASSERT_GT(tie_break_score(a, x), tie_break_score(a, y));
  const ArticleScore s = score_article(article({a, b}, {x, y}));
  EXPECT_EQ(s.events.paired, 2u);
  ASSERT_EQ(s.pairs.size(), 2u);
  EXPECT_EQ(s.gold_events[s.pairs[0].gold].event["key"], "Y");  // A
  EXPECT_EQ(s.gold_events[s.pairs[1].gold].event["key"], "X");  // B
}

TEST(Scorer, TieBreakPrefersMatchingWeaponsLocationAndEvidence) {
  // Two gold drone attacks the same day without coordinates; the predicted one names Harir.
  const Json erbil = gold_event("erbil", {{"lat", nullptr}, {"lon", nullptr}});
  const Json harir = gold_event("harir", {{"location", "Harir airbase"}, {"lat", nullptr}, {"lon", nullptr},
                                          {"evidence", "a drone attacked Harir air base"}});
  const Json p = predicted_event({{"location", "Harir Air Base"}, {"lat", nullptr}, {"lon", nullptr},
                                  {"evidence", Json::array({{{"text", "A drone attacked Harir air base."}}})}});
  const ArticleScore s = score_article(article({p}, {erbil, harir}));
  ASSERT_EQ(s.pairs.size(), 1u);
  EXPECT_EQ(s.gold_events[s.pairs[0].gold].event["key"], "harir");
}

TEST(Scorer, PrecisionRecallF1AreMicroAveraged) {
  // Article 1: 1 predicted, 1 gold, 1 pair. Article 2: 3 predicted (strikes), 1 gold, 0 pairs.
  const Json strike = predicted_event({{"type", "strike"}});
  const EvalReport r = score({article({predicted_event()}, {gold_event("a")}),
                              article({strike, strike, strike}, {gold_event("b")})});
  EXPECT_EQ(r.events.predicted, 4u);
  EXPECT_EQ(r.events.gold, 2u);
  EXPECT_EQ(r.events.paired, 1u);
  EXPECT_DOUBLE_EQ(*r.events.precision(), 0.25);
  EXPECT_DOUBLE_EQ(*r.events.recall(), 0.5);
  EXPECT_DOUBLE_EQ(*r.events.f1(), 2 * 0.25 * 0.5 / 0.75);
  // Nothing predicted: precision undefined, recall and F1 zero.
  const EvalReport empty = score({article(Json::array(), {gold_event("a")})});
  EXPECT_FALSE(empty.events.precision().has_value());
  EXPECT_DOUBLE_EQ(*empty.events.recall(), 0.0);
  EXPECT_DOUBLE_EQ(*empty.events.f1(), 0.0);
}

// §4 ---------------------------------------------------------------------------------------------

TEST(Scorer, DateFieldIsExactInsideTheGoldDayOrRange) {
  EXPECT_TRUE(field(ScoredField::kDate, {}));
  EXPECT_FALSE(field(ScoredField::kDate, {{"date", "2023-11-22"}}));  // compatible, but not right
  EXPECT_FALSE(field(ScoredField::kDate, {{"date", nullptr}}));
  const Json range = {{"date", "2020-01-07"}, {"date_max", "2020-01-08"}};
  EXPECT_TRUE(field(ScoredField::kDate, {{"date", "2020-01-08"}}, range));
  EXPECT_TRUE(field(ScoredField::kDate, range, range));
  EXPECT_FALSE(field(ScoredField::kDate, {{"date", "2020-01-07"}, {"date_max", "2020-01-09"}}, range));
  EXPECT_FALSE(field_correct(ScoredField::kDate, predicted_event(), gold_event("k", {{"date", nullptr}})).has_value());
}

TEST(Scorer, LocationByNormalisedNameOrWithin25Km) {
  EXPECT_TRUE(field(ScoredField::kLocation, {{"location", "Ain Al Asad airbase"}, {"lat", nullptr}, {"lon", nullptr}},
                    {{"location", "Ain al-Asad Air Base"}}));
  // Names differ ("Assad"), and the predicted event has no coordinates.
  EXPECT_FALSE(field(ScoredField::kLocation, {{"location", "Ain al-Assad airbase"}, {"lat", nullptr}, {"lon", nullptr}},
                     {{"location", "Ain al-Asad Air Base"}}));
  // Different names, coordinates ~20 km apart: same place; ~30 km apart: not.
  EXPECT_TRUE(field(ScoredField::kLocation, {{"location", "Erbil"}, {"lat", 36.237}, {"lon", 44.186}}));
  EXPECT_FALSE(field(ScoredField::kLocation, {{"location", "Erbil"}, {"lat", 36.237}, {"lon", 44.30}}));
  EXPECT_FALSE(field(ScoredField::kLocation, {{"location", "Erbil"}, {"lat", nullptr}, {"lon", nullptr}}));
  EXPECT_FALSE(field_correct(ScoredField::kLocation, predicted_event(), gold_event("k", {{"location", nullptr}})).has_value());
}

TEST(Scorer, EqualFields) {
  EXPECT_TRUE(field(ScoredField::kAdmin1, {{"admin1", "Al-Erbil"}}));  // names: "al" folds away
  EXPECT_FALSE(field(ScoredField::kAdmin1, {{"admin1", "Nineveh"}}));
  EXPECT_FALSE(field(ScoredField::kAdmin1, {{"admin1", nullptr}}));
  EXPECT_TRUE(field(ScoredField::kActorStatus, {}));
  EXPECT_FALSE(field(ScoredField::kActorStatus, {{"actor_status", "reported"}}));
  EXPECT_FALSE(field(ScoredField::kKilled, {{"killed", nullptr}}));  // gold says 0
  EXPECT_TRUE(field(ScoredField::kKilled, {{"killed", 8}}, {{"killed", 8}}));
  EXPECT_FALSE(field(ScoredField::kInjured, {{"injured", 2}}));
  EXPECT_FALSE(field_correct(ScoredField::kInjured, predicted_event(), gold_event("k", {{"injured", nullptr}})));
}

TEST(Scorer, ActorNamesMatchWhenOneContainsTheOther) {
  EXPECT_TRUE(field(ScoredField::kActor, {{"actor", "the Islamic Resistance in Iraq"}}));
  EXPECT_TRUE(field(ScoredField::kActor, {{"actor", "Iran"}}, {{"actor", "Iran-backed militias"}}));
  EXPECT_FALSE(field(ScoredField::kActor, {{"actor", "Kataib Hezbollah"}}));
  EXPECT_FALSE(field(ScoredField::kActor, {{"actor", nullptr}}));
}

TEST(Scorer, WeaponsAreASetWithUnknownMatchingAnything) {
  EXPECT_TRUE(field(ScoredField::kWeapons, {{"weapons", {"drone", "rocket"}}}, {{"weapons", {"rocket", "drone"}}}));
  EXPECT_FALSE(field(ScoredField::kWeapons, {{"weapons", {"drone"}}}, {{"weapons", {"rocket", "drone"}}}));
  EXPECT_TRUE(field(ScoredField::kWeapons, {{"weapons", {"rocket"}}}, {{"weapons", {"unknown"}}}));
  EXPECT_TRUE(field(ScoredField::kWeapons, {{"weapons", {"unknown"}}}, {{"weapons", {"missile"}}}));
  EXPECT_TRUE(field(ScoredField::kWeapons, {{"weapons", {"rocket", "unknown"}}}, {{"weapons", {"rocket", "drone"}}}));
  EXPECT_FALSE(field(ScoredField::kWeapons, {{"weapons", {"mortar", "unknown"}}}, {{"weapons", {"rocket", "drone"}}}));
  EXPECT_FALSE(field(ScoredField::kWeapons, {{"weapons", Json::array()}}, {{"weapons", {"drone"}}}));
}

TEST(Scorer, FieldAccuracyCountsOnlyPairsWhereGoldHasAValue) {
  // Two pairs; gold injured is null in the second, so injured is scored over one pair.
  const EvalReport r = score({article({predicted_event(), predicted_event({{"injured", 3}})},
                                      {gold_event("a"), gold_event("b", {{"injured", nullptr}})})});
  ASSERT_EQ(r.events.paired, 2u);
  const FieldAccuracy& injured = r.fields[static_cast<size_t>(ScoredField::kInjured)];
  EXPECT_EQ(injured.n, 1u);
  EXPECT_EQ(injured.correct, 1u);
  const FieldAccuracy& date = r.fields[static_cast<size_t>(ScoredField::kDate)];
  EXPECT_EQ(date.n, 2u);
  EXPECT_EQ(date.correct, 2u);
  EXPECT_TRUE(is_extra_field(ScoredField::kTarget));
  EXPECT_FALSE(is_extra_field(ScoredField::kActor));
}

// §5 ---------------------------------------------------------------------------------------------

TEST(Scorer, TalliesPairOnWhatCountryAndCount) {
  auto tally = [](const char* what, Json country, int count, const char* qualifier = "exact") {
    return Json{{"what", what}, {"count", count}, {"qualifier", qualifier}, {"country", country},
                {"since", nullptr}, {"as_of", nullptr}, {"evidence", "…"}};
  };
  const Json gold = {tally("attacks", "IQ", 36), tally("attacks", "SY", 37), tally("injured", nullptr, 56)};
  // IQ 36 pairs (qualifier and dates do not matter); SY 36 does not; injured total 56 pairs once.
  const Json predicted = {tally("attacks", "IQ", 36, "about"), tally("attacks", "SY", 36),
                          tally("injured", nullptr, 56), tally("injured", nullptr, 56)};
  const ArticleScore s = score_article(article(Json::array(), Json::array(), predicted, gold));
  EXPECT_EQ(s.tallies.gold, 3u);
  EXPECT_EQ(s.tallies.predicted, 4u);
  EXPECT_EQ(s.tallies.paired, 2u);
  ASSERT_EQ(s.missed_tallies.size(), 1u);
  EXPECT_EQ(s.missed_tallies[0]["count"], 37);
  EXPECT_EQ(s.false_alarm_tallies.size(), 2u);
}

// §6 ---------------------------------------------------------------------------------------------

TEST(Scorer, BCubedOnATinyClustering) {
  // Gold keys: a a a b b. Engine: {1: a a}, {2: a b b}.
  // Precision per mention: 1, 1, 1/3, 2/3, 2/3 → 11/15. Recall: 2/3, 2/3, 1/3, 1, 1 → 11/15.
  const BCubed b = b_cubed({{"1", "a"}, {"1", "a"}, {"2", "a"}, {"2", "b"}, {"2", "b"}});
  EXPECT_EQ(b.mentions, 5u);
  EXPECT_NEAR(*b.precision, 11.0 / 15, 1e-12);
  EXPECT_NEAR(*b.recall, 11.0 / 15, 1e-12);
  EXPECT_NEAR(*b.f1, 11.0 / 15, 1e-12);
  // Everything merged into one: recall 1, precision (3·3/5 + 2·2/5)/5 = 13/25.
  const BCubed one = b_cubed({{"x", "a"}, {"x", "a"}, {"x", "a"}, {"x", "b"}, {"x", "b"}});
  EXPECT_NEAR(*one.precision, 13.0 / 25, 1e-12);
  EXPECT_NEAR(*one.recall, 1.0, 1e-12);
  EXPECT_FALSE(b_cubed({}).precision.has_value());
}

// Malformed input is reported, not silently read.
TEST(Scorer, ReportsMalformedValues) {
  const ArticleScore s = score_article(article({predicted_event({{"date", "2023-11"}})}, {gold_event("k")}));
  ASSERT_EQ(s.problems.size(), 1u);
  EXPECT_NE(s.problems[0].find("not YYYY-MM-DD"), std::string::npos);
  EXPECT_EQ(s.events.paired, 1u);  // read as a null date: compatible
}

}  // namespace
}  // namespace salvo
