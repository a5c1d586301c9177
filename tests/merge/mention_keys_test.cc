// The merge keys a store keeps beside each mention: every value round-trips, a line of another
// layout is refused with its mention named, and mentions read back from their keys cluster exactly
// as the full mentions do (what lets an incremental merge read keys instead of JSON).
#include "salvo/merge/mention_keys.h"

#include <gtest/gtest.h>

#include <random>

namespace salvo {
namespace {

Mention full_mention() {
  Mention m;
  m.article = "art-1";
  m.index = 3;
  m.country = "SY";
  m.type = "attack";
  m.date = Date{2023, 10, 20};
  m.date_max = Date{2023, 10, 22};
  m.admin1 = "Deir ez-Zor";
  m.location = "Conoco gas field";
  m.precision = "site";
  m.lat = 35.3567;
  m.lon = -0.1;  // a negative coordinate, written shortest
  m.actor = "Islamic Resistance in Iraq";
  m.weapons = {"drone", "rocket"};
  // Fields the keys leave out: the event is built from the mention's JSON.
  m.killed = 2;
  m.evidence = nlohmann::ordered_json::array({"a sentence"});
  return m;
}

TEST(MentionKeys, EveryClusteringFieldRoundTrips) {
  const Mention m = full_mention();
  const Result<Mention> back = mention_of_keys(m.article, m.index, m.country, merge_keys(m));
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_TRUE(same_merge_keys(m, *back));
  EXPECT_EQ(back->lat, 35.3567);
  EXPECT_EQ(back->weapons, (std::vector<std::string>{"drone", "rocket"}));
  EXPECT_FALSE(back->killed.has_value()) << "what the keys leave out is not invented";
}

TEST(MentionKeys, SeparatorsAndBackslashesInsideValuesRoundTrip) {
  Mention m = full_mention();
  m.location = "a\x1f" "b\\c\x1e" "d\\";
  m.actor = "\\f";
  m.weapons = {"x\x1ey", "\\"};
  const Result<Mention> back = mention_of_keys(m.article, m.index, m.country, merge_keys(m));
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->location, m.location);
  EXPECT_EQ(back->actor, m.actor);
  EXPECT_EQ(back->weapons, m.weapons);
}

TEST(MentionKeys, AnUndatedPlacelessMentionRoundTrips) {
  Mention m;
  m.article = "a";
  m.type = "strike";
  m.date_max = Date{2024, 1, 1};  // without a date a date_max means nothing: not kept
  const Result<Mention> back = mention_of_keys("a", 0, "", merge_keys(m));
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_TRUE(same_merge_keys(m, *back));
  EXPECT_FALSE(back->date.has_value());
  EXPECT_FALSE(back->lat.has_value());
  EXPECT_TRUE(back->weapons.empty());
}

TEST(MentionKeys, ALineOfAnotherLayoutIsRefusedNamingTheMention) {
  const std::string good = merge_keys(full_mention());
  for (const std::string& bad : {std::string("{\"type\":\"attack\"}"), std::string(), "k2" + good.substr(2),
                                 good + "\x1f" "extra", good.substr(0, good.rfind('\x1f'))}) {
    const Result<Mention> back = mention_of_keys("art-9", 4, "IQ", bad);
    ASSERT_FALSE(back.ok()) << bad;
    EXPECT_NE(back.error().message.find("art-9#4"), std::string::npos) << back.error().message;
  }
  std::string bad_day = good;
  bad_day.replace(bad_day.find("19650"), 5, "1965x");  // 2023-10-20 is day 19650
  EXPECT_FALSE(mention_of_keys("a", 0, "SY", bad_day).ok());
  EXPECT_FALSE(mention_of_keys("a", 0, "SY", good + "\\").ok()) << "a dangling escape";
}

// Random mentions over a few days, places, provinces, actors and weapons, so that every field the
// keys hold decides some pair (a field left out of the keys changes the clusters).
std::vector<Mention> random_mentions(unsigned seed, size_t n) {
  std::mt19937 rng(seed);
  const auto pick = [&](size_t k) { return static_cast<size_t>(rng() % k); };
  const char* types[] = {"attack", "interception", "strike"};
  const char* admin1s[] = {"", "Anbar", "Erbil", "Deir ez-Zor"};
  const char* places[] = {"", "Ain al-Asad", "Erbil airport", "al-Omar field", "Harir"};
  const char* precisions[] = {"site", "town", "region", "country", "admin1", ""};
  const char* actors[] = {"", "Islamic Resistance in Iraq", "Kataib Hezbollah", "Islamic Resistance"};
  const char* weapons[] = {"rocket", "drone", "missile"};
  std::vector<Mention> out;
  for (size_t i = 0; i < n; ++i) {
    Mention m;
    m.article = "a" + std::to_string(pick(n / 2 + 1));
    m.index = i;
    m.country = pick(10) ? "IQ" : "SY";
    m.type = types[pick(3)];
    if (pick(8)) {
      m.date = Date::from_days_since_epoch(19650 + static_cast<long>(pick(6)));
      if (!pick(5)) m.date_max = Date::from_days_since_epoch(m.date->days_since_epoch() + 1 + static_cast<long>(pick(3)));
    }
    m.admin1 = admin1s[pick(4)];
    m.location = places[pick(5)];
    m.precision = precisions[pick(6)];
    if (m.precision != "region" && m.precision != "country" && pick(4)) {
      m.lat = 33.0 + 0.05 * static_cast<double>(pick(20));
      m.lon = 42.0 + 0.05 * static_cast<double>(pick(20));
    }
    m.actor = actors[pick(4)];
    for (const char* w : weapons) {
      if (!pick(3)) m.weapons.push_back(w);
    }
    out.push_back(std::move(m));
  }
  return out;
}

TEST(MentionKeys, MentionsReadFromTheirKeysClusterAsTheFullMentions) {
  for (unsigned seed = 1; seed <= 5; ++seed) {
    const std::vector<Mention> full = random_mentions(seed, 600);
    std::vector<Mention> keyed;
    for (const Mention& m : full) {
      Result<Mention> back = mention_of_keys(m.article, m.index, m.country, merge_keys(m));
      ASSERT_TRUE(back.ok()) << back.error().message;
      keyed.push_back(std::move(*back));
    }
    std::vector<MentionCluster> a = cluster_mentions(full), b = cluster_mentions(keyed);
    const auto by_id = [](const MentionCluster& x, const MentionCluster& y) { return x.id < y.id; };
    std::sort(a.begin(), a.end(), by_id);
    std::sort(b.begin(), b.end(), by_id);
    ASSERT_EQ(a.size(), b.size()) << "seed " << seed;
    size_t joined = 0;
    for (size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(a[i].id, b[i].id);
      EXPECT_EQ(a[i].members, b[i].members);
      joined += a[i].members.size() > 1;
    }
    EXPECT_GT(joined, 10u) << "the mentions must join, or the test weighs nothing";
  }
}

}  // namespace
}  // namespace salvo
