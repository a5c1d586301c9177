// Scores by slice and on distractors (slices.h), on hand-made articles whose right answers are
// worked out in the comments.
#include "salvo/evaluate/slices.h"
#include "salvo/evaluate/report.h"

#include <gtest/gtest.h>

namespace salvo {
namespace {

using Json = nlohmann::ordered_json;

// A drone attack at Erbil airport on 2023-11-23; `changes` overrides members.
Json event(Json changes = Json::object()) {
  Json e = {{"type", "attack"},   {"date", "2023-11-23"}, {"country", "IQ"}, {"location", "Erbil airport"},
            {"lat", 36.237},      {"lon", 43.963},        {"weapons", {"drone"}},
            {"count", 1},         {"evidence", "A drone hit Erbil airport."}};
  for (auto& [k, v] : changes.items()) e[k] = v;
  return e;
}

// A tally of 3 attacks on US forces in Iraq.
Json tally() { return {{"what", "attacks"}, {"country", "IQ"}, {"count", 3}}; }

ArticlePair article(const std::string& id, Json predicted_events, Json gold_events,
                    Json predicted_tallies = Json::array(), Json gold_tallies = Json::array()) {
  ArticlePair pair;
  pair.article = id;
  pair.predicted = {{"events", std::move(predicted_events)}, {"tallies", std::move(predicted_tallies)}};
  pair.gold = {{"article", id + ".txt"}, {"events", std::move(gold_events)}, {"tallies", std::move(gold_tallies)}};
  return pair;
}

TEST(Slices, PrefixIsLettersThenDigitsBeforeTheFirstUnderscore) {
  EXPECT_EQ(slice_of_article("h3_014_rudaw-isis-kirkuk-dibis"), "h3");
  EXPECT_EQ(slice_of_article("h12_a"), "h12");
  EXPECT_EQ(slice_of_article("dev2_x_y"), "dev2");
  EXPECT_EQ(slice_of_article("H1_x"), "H1");
  // No slice: the seeds' numbered ids, and anything not letters-then-digits before a '_'.
  for (const char* id : {"001_02c4609296c7c39b", "h3", "h_1", "3h_x", "h3x_a", "h-3_a", "_a", "", "erbil"}) {
    EXPECT_EQ(slice_of_article(id), "") << id;
  }
}

TEST(Slices, CountsAreSummedPerSliceInNaturalOrderWithoutPrefixLast) {
  const std::vector<ArticlePair> articles = {
      // h10: one gold, one predicted, paired; one tally right.
      article("h10_a", Json::array({event()}), Json::array({event({{"key", "k"}})}), Json::array({tally()}),
              Json::array({tally()})),
      // (none): gold one attack, the engine a strike: a miss and a false alarm.
      article("001_b", Json::array({event({{"type", "strike"}})}), Json::array({event({{"key", "k"}})})),
      // h2: two gold (count 2), one predicted and paired; the predicted tally is wrong.
      article("h2_c", Json::array({event()}), Json::array({event({{"key", "k"}, {"count", 2}})}),
              Json::array({tally()}), Json::array()),
      // h2 again: a distractor with nothing predicted.
      article("h2_d", Json::array(), Json::array()),
  };
  const EvalReport report = score(articles);
  const std::vector<SliceScore>& slices = report.slices;
  ASSERT_EQ(slices.size(), 3u);
  EXPECT_EQ(slices[0].slice, "h2");  // before h10, though "h10" < "h2" as strings
  EXPECT_EQ(slices[1].slice, "h10");
  EXPECT_EQ(slices[2].slice, "");

  EXPECT_EQ(slices[0].articles, 2u);
  EXPECT_EQ(slices[0].distractors, 1u);
  EXPECT_EQ(slices[0].events.gold, 2u);
  EXPECT_EQ(slices[0].events.predicted, 1u);
  EXPECT_EQ(slices[0].events.paired, 1u);
  EXPECT_DOUBLE_EQ(*slices[0].events.f1(), 2.0 / 3.0);  // 2·1 / (2 + 1)
  EXPECT_EQ(slices[0].tallies.predicted, 1u);
  EXPECT_EQ(slices[0].tallies.paired, 0u);
  EXPECT_DOUBLE_EQ(*slices[0].tallies.f1(), 0.0);

  EXPECT_EQ(slices[1].articles, 1u);
  EXPECT_EQ(slices[1].distractors, 0u);
  EXPECT_DOUBLE_EQ(*slices[1].events.f1(), 1.0);
  EXPECT_DOUBLE_EQ(*slices[1].tallies.f1(), 1.0);

  EXPECT_EQ(slices[2].events.gold, 1u);
  EXPECT_EQ(slices[2].events.paired, 0u);
  EXPECT_DOUBLE_EQ(*slices[2].events.f1(), 0.0);
  EXPECT_FALSE(slices[2].tallies.f1().has_value());  // no tallies either side: undefined, not 0

  // The slices add up to the headline.
  PairCounts sum;
  for (const SliceScore& s : slices) sum += s.events;
  EXPECT_EQ(sum.gold, report.events.gold);
  EXPECT_EQ(sum.predicted, report.events.predicted);
  EXPECT_EQ(sum.paired, report.events.paired);
}

TEST(Slices, ArticlesWithoutPrefixAreOneSlice) {
  const std::vector<SliceScore> slices =
      score(std::vector<ArticlePair>{article("000_x", Json::array(), Json::array({event({{"key", "k"}})})),
                                     article("001_y", Json::array(), Json::array({event({{"key", "k"}})}))})
          .slices;
  ASSERT_EQ(slices.size(), 1u);
  EXPECT_EQ(slices[0].slice, "");
  EXPECT_EQ(slices[0].articles, 2u);
  EXPECT_EQ(slices[0].events.gold, 2u);
}

TEST(Distractors, EmptyGoldEventsMakeADistractorAndEveryPredictedEventOnItIsFalse) {
  const std::vector<ArticlePair> articles = {
      // Gold []: two predicted records, one standing for 3 incidents → 4 false events.
      article("h1_quiet", Json::array({event(), event({{"count", 3}})}), Json::array()),
      // Gold [] and nothing predicted: a distractor the engine got right.
      article("h1_clean", Json::array(), Json::array()),
      // Gold holds only a count-0 record (no incident): a distractor too; one false event.
      article("h2_zero", Json::array({event()}), Json::array({event({{"key", "k"}, {"count", 0}})})),
      // Gold has an event: not a distractor, though its prediction is false.
      article("h2_real", Json::array({event({{"type", "strike"}})}), Json::array({event({{"key", "k"}})})),
  };
  ArticlePair no_events = article("h3_broken", Json::array({event()}), Json::array());
  no_events.gold.erase("events");  // malformed gold: reported as a problem, not counted as a distractor
  std::vector<ArticlePair> all = articles;
  all.push_back(no_events);

  const EvalReport report = score(all);
  const DistractorScore& d = report.distractors;
  EXPECT_EQ(d.articles, 3u);
  EXPECT_EQ(d.false_events, 5u);  // 4 + 0 + 1
  ASSERT_EQ(d.by_article.size(), 3u);
  EXPECT_EQ(d.by_article[0].article, "h1_quiet");
  EXPECT_EQ(d.by_article[0].false_events, 4u);
  EXPECT_EQ(d.by_article[1].article, "h1_clean");
  EXPECT_EQ(d.by_article[1].false_events, 0u);
  EXPECT_EQ(d.by_article[2].article, "h2_zero");
  EXPECT_EQ(d.by_article[2].false_events, 1u);
  EXPECT_FALSE(report.articles[3].distractor);
  EXPECT_FALSE(report.articles[4].distractor);
  EXPECT_FALSE(report.articles[4].problems.empty());
  EXPECT_EQ(report.slices[0].distractors, 2u);  // h1
}

TEST(Distractors, NoneInASetWithoutThem) {
  const DistractorScore d =
      score(std::vector<ArticlePair>{article("h1_a", Json::array({event()}), Json::array({event({{"key", "k"}})}))})
          .distractors;
  EXPECT_EQ(d.articles, 0u);
  EXPECT_EQ(d.false_events, 0u);
  EXPECT_TRUE(d.by_article.empty());
}

TEST(SlicesReport, TextShowsSlicesAndDistractorsJsonHoldsThem) {
  const EvalReport report = score(std::vector<ArticlePair>{
      article("h1_a", Json::array({event()}), Json::array({event({{"key", "k"}})})),
      article("h2_quiet", Json::array({event(), event()}), Json::array()),
      article("h2_clean", Json::array(), Json::array()),
      article("007_seed", Json::array(), Json::array({event({{"key", "k"}})})),
  });
  const std::string text = report_text(report, {});
  EXPECT_NE(text.find("Events by slice (the article id's prefix, h3 for h3_…; (none): ids without one):"),
            std::string::npos)
      << text;
  // h1: 1 article, no distractor, 1 gold, 1 predicted, 1 paired; P = R = F1 = 1; no tallies.
  EXPECT_NE(text.find("  h1            1      0     1     1       1    1.000  1.000  1.000        n/a\n"),
            std::string::npos)
      << text;
  // h2: 2 articles, both distractors; 2 false events, none paired; R undefined.
  EXPECT_NE(text.find("  h2            2      2     0     2       0    0.000    n/a  0.000        n/a\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("  (none)        1      0     1     0       0      n/a  0.000  0.000        n/a\n"),
            std::string::npos)
      << text;
  EXPECT_LT(text.find("  h2  "), text.find("  (none)  "));
  EXPECT_NE(text.find("Distractors (gold holds no event): 2 article(s), 2 false event(s) on 1 of them\n"
                      "  h2_quiet    2 false\n\n"),  // as wide as the longest distractor id, h2_clean
            std::string::npos)
      << text;
  // The rest of the report is still there, in its place; the distractor list leaves out clean ones.
  const size_t distractors = text.find("Distractors");
  const size_t fields = text.find("Field accuracy");
  ASSERT_LT(distractors, fields);
  EXPECT_EQ(text.substr(distractors, fields - distractors).find("h2_clean"), std::string::npos) << text;

  const Json json = report_json(report, {});
  ASSERT_EQ(json["slices"].size(), 3u);
  EXPECT_EQ(json["slices"][0]["slice"], "h1");
  EXPECT_EQ(json["slices"][1]["slice"], "h2");
  EXPECT_EQ(json["slices"][1]["distractors"], 2);
  EXPECT_EQ(json["slices"][1]["events"]["predicted"], 2);
  EXPECT_EQ(json["slices"][1]["events"]["recall"], nullptr);
  EXPECT_EQ(json["slices"][2]["slice"], nullptr);  // ids without a prefix
  EXPECT_EQ(json["slices"][0]["tallies"]["f1"], nullptr);
  EXPECT_EQ(json["distractors"]["articles"], 2);
  EXPECT_EQ(json["distractors"]["false_events"], 2);
  ASSERT_EQ(json["distractors"]["by_article"].size(), 2u);  // JSON lists every distractor, clean ones too
  EXPECT_EQ(json["distractors"]["by_article"][0]["article"], "h2_quiet");
  EXPECT_EQ(json["distractors"]["by_article"][1]["false_events"], 0);
  EXPECT_EQ(json["articles"][1]["distractor"], true);
  EXPECT_EQ(json["articles"][0]["distractor"], false);
}

TEST(SlicesReport, OneSliceIsNotRepeatedAndNoDistractorsIsSaid) {
  const std::string text = report_text(
      score(std::vector<ArticlePair>{article("001_a", Json::array({event()}), Json::array({event({{"key", "k"}})}))}),
      {});
  EXPECT_EQ(text.find("Events by slice"), std::string::npos) << text;
  EXPECT_NE(text.find("Distractors (gold holds no event): none\n"), std::string::npos) << text;
}

}  // namespace
}  // namespace salvo
