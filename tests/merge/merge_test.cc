// Cross-document de-duplication: reports of one incident from several articles become one event
// with every source; different incidents stay apart; the result does not depend on input order.
#include "salvo/merge/merge.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace salvo {
namespace {

using Json = nlohmann::ordered_json;

// A per-article record (spec/output.md) with the given events; evidence is one made-up sentence.
Json record(const std::string& article, std::vector<Json> events) {
  Json r = {{"article", {{"id", article}}}, {"events", Json::array()}, {"tallies", Json::array()}};
  for (Json& e : events) {
    if (!e.contains("evidence")) e["evidence"] = Json::array({{{"start", 0}, {"end", 10}, {"text", article + " says so"}}});
    r["events"].push_back(std::move(e));
  }
  return r;
}

Json event(const char* type, const char* date, const char* country, const char* location, std::optional<double> lat,
           std::optional<double> lon, const char* precision, std::vector<std::string> weapons) {
  return {{"type", type},
          {"weapons", weapons},
          {"date", date ? Json(date) : Json()},
          {"date_max", Json()},
          {"country", country},
          {"admin1", Json()},
          {"location", location},
          {"lat", lat ? Json(*lat) : Json()},
          {"lon", lon ? Json(*lon) : Json()},
          {"place_precision", precision},
          {"actor", Json()},
          {"actor_status", Json()},
          {"killed", Json()},
          {"injured", Json()},
          {"count", 1},
          {"role", "main"},
          {"confidence", 0.8}};
}

// Ain al-Asad as two outlets write it, and Erbil airport.
Json asad(const char* date, std::vector<std::string> weapons = {"rocket"}) {
  return event("attack", date, "IQ", "Ain al-Asad air base", 33.78556, 42.44111, "site", weapons);
}
Json erbil(const char* date) { return event("attack", date, "IQ", "Erbil airport", 36.2375, 43.9631, "site", {"drone"}); }

std::vector<Mention> mentions_of(const std::vector<Json>& records) {
  std::vector<Mention> all;
  for (const Json& r : records) {
    for (Mention& m : mentions_of_record(r)) all.push_back(std::move(m));
  }
  return all;
}

TEST(Merge, OneIncidentFromThreeOutletsIsOneEventWithThreeSources) {
  Json a = asad("2021-03-03"), b = asad("2021-03-03"), c = asad("2021-03-04");  // "late Wednesday" vs "Thursday"
  a["killed"] = 1;
  b["killed"] = 1;
  c["killed"] = 0;
  const auto merged = merge_mentions(mentions_of({record("ap", {a}), record("afp", {b}), record("mil", {c})}));
  ASSERT_EQ(merged.size(), 1u);
  const Json& e = merged[0].event;
  EXPECT_EQ(e["sources"].size(), 3u);
  EXPECT_EQ(e["date"], "2021-03-03");  // two sources against one
  EXPECT_EQ(e["killed"], 1);
  // Disagreements are kept, every value with who gave it.
  ASSERT_TRUE(e["conflicts"].contains("killed"));
  EXPECT_EQ(e["conflicts"]["killed"].size(), 2u);
  EXPECT_TRUE(e["conflicts"].contains("date"));
  EXPECT_EQ(e["sources"][0]["evidence"][0]["text"], "afp says so");  // sources by article id
}

TEST(Merge, TheWeekendAndLateSundayAtABaseInSyriaAreOneIncident) {
  Json weekend = event("attack", "2024-04-20", "SY", "a base in Syria", std::nullopt, std::nullopt, "country", {"rocket"});
  weekend["date_max"] = "2024-04-21";
  const Json sunday = event("attack", "2024-04-21", "SY", "Syria", std::nullopt, std::nullopt, "country", {"rocket"});
  const auto merged = merge_mentions(mentions_of({record("afp", {sunday}), record("mia", {weekend})}));
  ASSERT_EQ(merged.size(), 1u);
  EXPECT_EQ(merged[0].event["date"], "2024-04-21");  // the day beats the range
}

TEST(Merge, TheMostSpecificPlaceWins) {
  const Json vague = event("attack", "2022-01-05", "SY", "eastern Syria", std::nullopt, std::nullopt, "region", {"rocket"});
  const Json site = event("attack", "2022-01-05", "SY", "Green Village", 35.15167, 40.57583, "site", {"rocket"});
  const auto merged = merge_mentions(mentions_of({record("bbc", {vague}), record("ap", {site}), record("cnn", {vague})}));
  ASSERT_EQ(merged.size(), 1u);
  EXPECT_EQ(merged[0].event["location"], "Green Village");
  EXPECT_EQ(merged[0].event["place_precision"], "site");
  EXPECT_FALSE(merged[0].event["conflicts"].contains("location"));  // vaguer, not different
}

TEST(Merge, DifferentPlacesDaysOrKindsStayApart) {
  const auto merged = merge_mentions(mentions_of({
      record("a", {asad("2023-11-23")}),
      record("b", {erbil("2023-11-23")}),                                       // another base, same day
      record("c", {asad("2023-11-26")}),                                        // the same base, three days on
      record("d", {event("strike", "2023-11-23", "IQ", "Ain al-Asad air base", 33.78556, 42.44111, "site", {"aircraft"})}),
      record("e", {event("attack", "2023-11-23", "SY", "Syria", std::nullopt, std::nullopt, "country", {"rocket"})}),
  }));
  EXPECT_EQ(merged.size(), 5u);
}

TEST(Merge, TwoEventsOfOneArticleAreNeverMerged) {
  const auto merged = merge_mentions(mentions_of({record("a", {asad("2023-11-23"), asad("2023-11-23")})}));
  EXPECT_EQ(merged.size(), 2u);
}

TEST(Merge, AnUndatedMentionStaysAlone) {
  const auto merged = merge_mentions(mentions_of({record("a", {asad("2023-11-23")}), record("b", {asad(nullptr)})}));
  EXPECT_EQ(merged.size(), 2u);
}

TEST(Merge, ResultAndIdsDoNotDependOnInputOrder) {
  std::vector<Json> records = {record("a", {asad("2021-03-03"), erbil("2021-02-15")}), record("b", {asad("2021-03-04")}),
                               record("c", {erbil("2021-02-16"), asad("2020-01-08", {"missile"})}),
                               record("d", {asad("2020-01-08", {"missile"})})};
  auto summary = [](const std::vector<MergedEvent>& merged) {
    std::vector<std::string> out;
    for (const MergedEvent& e : merged) out.push_back(e.id + " " + e.event.dump());
    return out;
  };
  const auto expected = summary(merge_mentions(mentions_of(records)));
  EXPECT_EQ(expected.size(), 3u);
  std::mt19937 random(7);
  for (int round = 0; round < 10; ++round) {
    std::shuffle(records.begin(), records.end(), random);
    std::vector<Mention> mentions = mentions_of(records);
    std::shuffle(mentions.begin(), mentions.end(), random);
    EXPECT_EQ(summary(merge_mentions(mentions)), expected);
  }
}

TEST(Merge, SimilarityWeighsDayPlaceAndWeapons) {
  const auto m = mentions_of({record("a", {asad("2021-03-03")}), record("b", {asad("2021-03-03", {"drone"})}),
                              record("c", {asad("2021-03-03")})});
  EXPECT_GT(similarity(m[0], m[2]), similarity(m[0], m[1]));  // weapons that disagree count against
  EXPECT_TRUE(may_be_same_incident(m[0], m[1]));
}

}  // namespace
}  // namespace salvo
