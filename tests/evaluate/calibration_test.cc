// Calibration of event confidence (calibration.h) on hand-made outcomes and articles whose right
// answers are worked out in the comments.
#include "salvo/evaluate/calibration.h"
#include "salvo/evaluate/report.h"

#include <gtest/gtest.h>

namespace salvo {
namespace {

using Json = nlohmann::ordered_json;

ConfidenceOutcome right(double confidence) { return {confidence, true}; }
ConfidenceOutcome wrong(double confidence) { return {confidence, false}; }

TEST(Calibration, BinsAreHalfOpenButTheLastIsClosed) {
  const std::vector<ConfidenceOutcome> outcomes = {
      right(0.0), wrong(0.19),  // [0.0, 0.2)
      right(0.2),               // [0.2, 0.4): 0.2 is the low edge of the second bin
      wrong(0.6),               // [0.6, 0.8): not [0.4, 0.6), though 0.6 / 0.2 < 3 in doubles
      right(0.8), right(1.0),   // [0.8, 1.0]: 1.0 counts
      right(1.2), wrong(-0.1), {std::nullopt, true},  // in no bin
  };
  const std::vector<ConfidenceBin> bins = confidence_bins(outcomes, kConfidenceBinEdges);
  ASSERT_EQ(bins.size(), 5u);
  const size_t predicted[] = {2, 1, 0, 1, 2};
  const size_t paired[] = {1, 1, 0, 0, 2};
  for (size_t b = 0; b < 5; ++b) {
    EXPECT_EQ(bins[b].low, kConfidenceBinEdges[b]) << b;
    EXPECT_EQ(bins[b].high, kConfidenceBinEdges[b + 1]) << b;
    EXPECT_EQ(bins[b].predicted, predicted[b]) << b;
    EXPECT_EQ(bins[b].paired, paired[b]) << b;
  }
  EXPECT_DOUBLE_EQ(*bins[0].precision(), 0.5);
  EXPECT_DOUBLE_EQ(*bins[0].mean_confidence(), 0.095);
  EXPECT_FALSE(bins[2].precision().has_value());
  EXPECT_FALSE(bins[2].mean_confidence().has_value());
  EXPECT_DOUBLE_EQ(*bins[4].mean_confidence(), 0.9);
}

TEST(Calibration, ExpectedCalibrationErrorWeighsBinsByTheirEvents) {
  // [0.4, 0.6): one event at 0.5, right → precision 1, |1 − 0.5| = 0.5, weight 1/5.
  // [0.8, 1.0]: four at 0.9, three right → precision 0.75, |0.75 − 0.9| = 0.15, weight 4/5.
  // ECE = 0.2·0.5 + 0.8·0.15 = 0.22.
  const std::vector<ConfidenceOutcome> outcomes = {right(0.5), right(0.9), right(0.9), right(0.9), wrong(0.9)};
  EXPECT_NEAR(*expected_calibration_error(confidence_bins(outcomes, kConfidenceBinEdges)), 0.22, 1e-12);
  // Perfect: two at 0.5, one right; each bin's precision equals its mean confidence.
  EXPECT_NEAR(*expected_calibration_error(confidence_bins({right(0.5), wrong(0.5)}, kConfidenceBinEdges)), 0.0, 1e-12);
  // No binned event: undefined, not 0.
  EXPECT_FALSE(expected_calibration_error(confidence_bins({}, kConfidenceBinEdges)).has_value());
  EXPECT_FALSE(expected_calibration_error(confidence_bins({{std::nullopt, true}}, kConfidenceBinEdges)).has_value());
}

// One drone attack at Erbil airport on 2023-11-23.
Json event(Json changes) {
  Json e = {{"type", "attack"},   {"date", "2023-11-23"},   {"country", "IQ"}, {"location", "Erbil airport"},
            {"lat", 36.237},      {"lon", 43.963},          {"weapons", {"drone"}},
            {"count", 1},         {"evidence", "A drone hit Erbil airport."}};
  for (auto& [k, v] : changes.items()) e[k] = v;
  return e;
}

ArticlePair article(Json predicted_events, Json gold_events) {
  ArticlePair pair;
  pair.article = "a";
  pair.predicted = {{"events", std::move(predicted_events)}, {"tallies", Json::array()}};
  pair.gold = {{"article", "a.txt"}, {"events", std::move(gold_events)}, {"tallies", Json::array()}};
  return pair;
}

// Gold: one attack. Predicted: a low-confidence copy that wins the tie-break (same weapons) and a
// high-confidence one that loses it (rockets), plus a strike without a confidence (a false alarm).
std::vector<ArticlePair> one_gold_two_candidates() {
  return {article(Json::array({event({{"confidence", 0.3}}),
                               event({{"confidence", 0.9}, {"weapons", {"rocket"}}}),
                               event({{"type", "strike"}})}),
                  Json::array({event({{"key", "g1"}})}))};
}

TEST(Calibration, SweepDropsEventsBelowEachThresholdAndPairsAnew) {
  const std::vector<ArticlePair> articles = one_gold_two_candidates();
  const std::vector<ThresholdScore> sweep = confidence_sweep(articles, kConfidenceSweep);
  ASSERT_EQ(sweep.size(), 10u);
  for (size_t i = 0; i < sweep.size(); ++i) EXPECT_EQ(sweep[i].min_confidence, kConfidenceSweep[i]);
  // 0.0–0.3: all three kept, one pair: P 1/3, R 1.
  EXPECT_EQ(sweep[3].events.predicted, 3u);
  EXPECT_EQ(sweep[3].events.paired, 1u);
  // 0.4–0.9: the 0.3 event dropped; the 0.9 one, a false alarm at 0.0, now pairs. The event without
  // a confidence is kept at every threshold, as --min-confidence keeps it.
  for (size_t i = 4; i < sweep.size(); ++i) {
    EXPECT_EQ(sweep[i].events.gold, 1u) << i;
    EXPECT_EQ(sweep[i].events.predicted, 2u) << i;
    EXPECT_EQ(sweep[i].events.paired, 1u) << i;
  }
  EXPECT_DOUBLE_EQ(*sweep[9].events.precision(), 0.5);
  EXPECT_DOUBLE_EQ(*sweep[9].events.recall(), 1.0);
}

TEST(Calibration, ScoreReportsBinsFromTheFullRunPairing) {
  const EvalReport report = score(one_gold_two_candidates());
  const Calibration& c = report.calibration;
  // The full run pairs the 0.3 event (weapons tie-break): it is right, the 0.9 one is not.
  EXPECT_EQ(c.bins[1].predicted, 1u);
  EXPECT_EQ(c.bins[1].paired, 1u);
  EXPECT_EQ(c.trusted.low, kTrustedConfidence);
  EXPECT_EQ(c.trusted.predicted, 1u);
  EXPECT_EQ(c.trusted.paired, 0u);
  EXPECT_EQ(c.unbinned, 1u);  // the strike without a confidence
  // ECE over the two binned events: ½·|1 − 0.3| + ½·|0 − 0.9| = 0.8.
  EXPECT_NEAR(*c.expected_calibration_error, 0.8, 1e-12);
  EXPECT_EQ(c.sweep.size(), 10u);

  const std::string text = report_text(report, {});
  EXPECT_NE(text.find("events ≥ 0.8: precision 0.000 (0 of 1 right)"), std::string::npos) << text;
  EXPECT_NE(text.find("expected calibration error: 0.800"), std::string::npos) << text;
  EXPECT_NE(text.find("without a confidence in [0, 1]: 1 event(s)"), std::string::npos) << text;
  const Json json = report_json(report, {});
  EXPECT_EQ(json["calibration"]["bins"].size(), 5u);
  EXPECT_EQ(json["calibration"]["bins"][0]["precision"], nullptr);
  EXPECT_EQ(json["calibration"]["trusted"]["predicted"], 1);
  EXPECT_EQ(json["calibration"]["sweep"][9]["paired"], 1);
  EXPECT_EQ(json["calibration"]["sweep"][9]["min_confidence"], 0.9);
}

}  // namespace
}  // namespace salvo
