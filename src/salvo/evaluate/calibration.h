// Is the engine's event confidence a probability of being right? Over the scored events: how
// often events of each confidence band paired with gold, how far that is from the confidence
// itself (expected calibration error), and what `--min-confidence X` would score for each X.
// The requirement: events at or above 0.8 right at least 80% of the time.
#pragma once

#include <span>
#include <vector>

#include "salvo/evaluate/scorer.h"

namespace salvo {

inline constexpr double kConfidenceBinEdges[] = {0.0, 0.2, 0.4, 0.6, 0.8, 1.0};
inline constexpr double kTrustedConfidence = 0.8;
inline constexpr double kConfidenceSweep[] = {0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

// One bin per pair of neighbouring `edges` (ascending, at least two): [e0, e1), [e1, e2), …,
// [e(n-1), en] — the last closed so a confidence of 1 counts. Outcomes without a confidence or
// outside [e0, en] fall in no bin.
std::vector<ConfidenceBin> confidence_bins(const std::vector<ConfidenceOutcome>& outcomes, std::span<const double> edges);

// Σ over bins of (bin events / all binned events) · |precision − mean confidence|; none when the
// bins hold no event. 0 is perfect; 0.1 means confidence is off by 10 points on average.
std::optional<double> expected_calibration_error(const std::vector<ConfidenceBin>& bins);

// For each threshold, every article scored anew with the events below it dropped
// (drop_low_confidence_events), summed over articles: what `salvo eval --min-confidence X` reports.
// Re-pairing matters: a gold event freed by a dropped event may pair with a kept one.
std::vector<ThresholdScore> confidence_sweep(const std::vector<ArticlePair>& articles, std::span<const double> thresholds);

// Bins (kConfidenceBinEdges), events ≥ kTrustedConfidence, ECE, and the sweep (kConfidenceSweep),
// from `scores` (score_article() of each of `articles`, same order) and the articles themselves.
Calibration calibrate(const std::vector<ArticlePair>& articles, const std::vector<ArticleScore>& scores);

}  // namespace salvo
