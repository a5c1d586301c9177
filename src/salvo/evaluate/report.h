// An EvalReport for people (a terminal report) and for machines (one JSON document).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "salvo/evaluate/scorer.h"

namespace salvo {

struct ReportOptions {
  // Also list every pair with the fields it got wrong, and the evidence uncut.
  bool verbose = false;
  std::vector<std::string> skipped;  // inputs not scored, shown with the report
};

// Summary (events P/R/F1, tallies), events by slice when the set has more than one, false events
// on distractors, field accuracy with n, confidence calibration (bins, ECE, the --min-confidence
// sweep), a per-article table, then per article its misses and false alarms with their evidence.
std::string report_text(const EvalReport& report, const ReportOptions& options);

// The same, always complete (pairs and per-field verdicts included); ratios are null when undefined.
nlohmann::ordered_json report_json(const EvalReport& report, const ReportOptions& options);

}  // namespace salvo
