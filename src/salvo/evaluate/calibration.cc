#include "salvo/evaluate/calibration.h"

#include <cmath>

namespace salvo {

std::vector<ConfidenceBin> confidence_bins(const std::vector<ConfidenceOutcome>& outcomes, std::span<const double> edges) {
  std::vector<ConfidenceBin> bins;
  for (size_t i = 0; i + 1 < edges.size(); ++i) bins.push_back({edges[i], edges[i + 1]});
  if (bins.empty()) return bins;
  for (const ConfidenceOutcome& outcome : outcomes) {
    if (!outcome.confidence) continue;
    const double c = *outcome.confidence;
    if (c < edges.front() || c > edges.back()) continue;
    // Compared with the edges themselves, not floor(c / width): 0.6 / 0.2 is 2.9999…, which
    // would put a confidence of exactly 0.6 in the bin below.
    size_t b = 0;
    while (b + 1 < bins.size() && c >= bins[b + 1].low) ++b;
    ++bins[b].predicted;
    if (outcome.paired) ++bins[b].paired;
    bins[b].confidence_sum += c;
  }
  return bins;
}

std::optional<double> expected_calibration_error(const std::vector<ConfidenceBin>& bins) {
  size_t total = 0;
  for (const ConfidenceBin& bin : bins) total += bin.predicted;
  if (total == 0) return std::nullopt;
  double error = 0;
  for (const ConfidenceBin& bin : bins) {
    if (bin.predicted == 0) continue;
    error += static_cast<double>(bin.predicted) / static_cast<double>(total) *
             std::abs(*bin.precision() - *bin.mean_confidence());
  }
  return error;
}

std::vector<ThresholdScore> confidence_sweep(const std::vector<ArticlePair>& articles, std::span<const double> thresholds) {
  std::vector<ThresholdScore> sweep;
  for (double threshold : thresholds) {
    ThresholdScore row{threshold, {}};
    for (const ArticlePair& article : articles) {
      ArticlePair kept = article;
      drop_low_confidence_events(kept.predicted, threshold);
      row.events += score_article(kept).events;
    }
    sweep.push_back(row);
  }
  return sweep;
}

Calibration calibrate(const std::vector<ArticlePair>& articles, const std::vector<ArticleScore>& scores) {
  std::vector<ConfidenceOutcome> outcomes;
  for (const ArticleScore& score : scores) outcomes.insert(outcomes.end(), score.outcomes.begin(), score.outcomes.end());
  Calibration out;
  out.bins = confidence_bins(outcomes, kConfidenceBinEdges);
  const double trusted_edges[] = {kTrustedConfidence, 1.0};
  out.trusted = confidence_bins(outcomes, trusted_edges).front();
  size_t binned = 0;
  for (const ConfidenceBin& bin : out.bins) binned += bin.predicted;
  out.unbinned = outcomes.size() - binned;
  out.expected_calibration_error = expected_calibration_error(out.bins);
  out.sweep = confidence_sweep(articles, kConfidenceSweep);
  return out;
}

}  // namespace salvo
