// The scorer of shared/spec/scoring.md: the engine's per-article records against the gold files.
// A pure function of JSON values, independent of extraction, so it can be tested by hand-made
// cases and trusted when the engine changes.
//
// Where scoring.md leaves a choice, the choice is written beside the code that makes it and
// gathered in scoring_notes() so reports can show it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace salvo {

// One article to score.
struct ArticlePair {
  std::string article;               // shown in reports: the gold file's "article", or an id
  nlohmann::ordered_json predicted;  // the engine's per-article record (spec/output.md): events, tallies
  nlohmann::ordered_json gold;       // the gold file: events (with key, evidence as one quote), tallies
};

// Gold / predicted / paired, micro-averaged when summed.
struct PairCounts {
  size_t gold = 0;
  size_t predicted = 0;
  size_t paired = 0;
  std::optional<double> precision() const;  // none when nothing was predicted
  std::optional<double> recall() const;     // none when gold has nothing
  std::optional<double> f1() const;         // 2·paired / (gold + predicted); none when both are 0
  PairCounts& operator+=(const PairCounts& other);
};

// The fields of §4, in report order; then the extra fields scoring.md does not name.
enum class ScoredField { kDate, kLocation, kAdmin1, kActor, kActorStatus, kKilled, kInjured, kWeapons, kTarget, kRole };
inline constexpr ScoredField kAllScoredFields[] = {
    ScoredField::kDate,   ScoredField::kLocation, ScoredField::kAdmin1,  ScoredField::kActor,  ScoredField::kActorStatus,
    ScoredField::kKilled, ScoredField::kInjured,  ScoredField::kWeapons, ScoredField::kTarget, ScoredField::kRole};
const char* field_name(ScoredField field);
// target and role: reported for information, labelled "extra"; scoring.md §4 does not list them.
bool is_extra_field(ScoredField field);

struct FieldAccuracy {
  ScoredField field = ScoredField::kDate;
  size_t correct = 0;
  size_t n = 0;  // pairs where gold has a value for the field
  std::optional<double> accuracy() const;
};

// An event after §1 expansion: record `record` of the article's "events", copy `copy` of its count.
struct ExpandedEvent {
  size_t record = 0;
  size_t copy = 0;
  size_t copies = 1;
  nlohmann::ordered_json event;
};

struct FieldVerdict {
  ScoredField field;
  bool correct;
};

struct EventPairing {
  size_t predicted = 0;  // index into ArticleScore::predicted_events
  size_t gold = 0;       // index into ArticleScore::gold_events
  std::vector<FieldVerdict> verdicts;  // fields where gold has a value
};

// A predicted event after §1 expansion and §2 pairing, as calibration sees it: paired with a
// gold event counts as right, unpaired as a false alarm.
struct ConfidenceOutcome {
  std::optional<double> confidence;  // none when the event has no numeric "confidence"
  bool paired = false;
};

struct ArticleScore {
  std::string article;
  PairCounts events;
  PairCounts tallies;
  std::vector<ExpandedEvent> gold_events;
  std::vector<ExpandedEvent> predicted_events;
  std::vector<EventPairing> pairs;
  std::vector<size_t> missed;         // gold_events never paired
  std::vector<size_t> false_alarms;   // predicted_events never paired
  std::vector<ConfidenceOutcome> outcomes;  // one per predicted_events, in that order
  std::vector<nlohmann::ordered_json> missed_tallies;       // gold tallies never paired
  std::vector<nlohmann::ordered_json> false_alarm_tallies;  // predicted tallies never paired
  std::vector<std::string> problems;  // malformed values met, and how they were treated
  // Gold says nothing happened here ("events" is an array that expands to no event): every
  // predicted event is a false alarm. See slices.h.
  bool distractor = false;
};

// Predicted events whose confidence lies in [low, high) — [low, high] for the last bin.
struct ConfidenceBin {
  double low = 0;
  double high = 0;
  size_t predicted = 0;
  size_t paired = 0;
  double confidence_sum = 0;
  std::optional<double> precision() const;        // none for an empty bin
  std::optional<double> mean_confidence() const;  // none for an empty bin
};

// Events scored as `salvo eval --min-confidence X` scores them: those below X dropped, then paired anew.
struct ThresholdScore {
  double min_confidence = 0;
  PairCounts events;
};

// Does confidence mean something? Computed by calibrate() (calibration.h).
struct Calibration {
  std::vector<ConfidenceBin> bins;       // kConfidenceBinEdges
  ConfidenceBin trusted;                 // [kTrustedConfidence, 1]: the "events above 0.8"
  size_t unbinned = 0;                   // predicted events without a confidence in [0, 1]
  std::optional<double> expected_calibration_error;  // none without binned events
  std::vector<ThresholdScore> sweep;     // kConfidenceSweep
};

// The articles of one slice of the set (the batch they were collected in), summed. Computed by
// score_slices() (slices.h).
struct SliceScore {
  std::string slice;  // "h3"; empty for the articles whose id has no slice prefix
  size_t articles = 0;
  size_t distractors = 0;
  PairCounts events;
  PairCounts tallies;
};

struct DistractorArticle {
  std::string article;
  size_t false_events = 0;  // predicted events after §1 expansion: on a distractor all are false
};

// How often the engine reports an attack where gold has none. Computed by score_distractors() (slices.h).
struct DistractorScore {
  size_t articles = 0;
  size_t false_events = 0;                // summed over the distractors
  std::vector<DistractorArticle> by_article;  // every distractor, in set order
};

struct EvalReport {
  PairCounts events;   // summed over articles (micro-average)
  PairCounts tallies;
  std::vector<FieldAccuracy> fields;  // one per ScoredField, in kAllScoredFields order
  Calibration calibration;
  std::vector<SliceScore> slices;     // one per slice; a single one when the ids carry no prefix
  DistractorScore distractors;
  std::vector<ArticleScore> articles;
};

EvalReport score(const std::vector<ArticlePair>& articles);
ArticleScore score_article(const ArticlePair& article);

// The rules, one function each, exposed for tests and for tools that explain a score.
// §1: count k stands for k events (a missing or non-integer count is 1; capped at kMaxCount).
inline constexpr int64_t kMaxCount = 1000;
std::vector<ExpandedEvent> expand_events(const nlohmann::ordered_json& events);
// §2: may this predicted event pair with this gold event?
bool events_compatible(const nlohmann::ordered_json& predicted, const nlohmann::ordered_json& gold);
// §2 tie-break among compatible pairs, in [0, 300]: weapons (100), location name (100), evidence
// word overlap (0–100).
int tie_break_score(const nlohmann::ordered_json& predicted, const nlohmann::ordered_json& gold);
// §4: none when gold has no value for `field` (the pair does not count for it).
std::optional<bool> field_correct(ScoredField field, const nlohmann::ordered_json& predicted,
                                  const nlohmann::ordered_json& gold);
// Drops predicted events whose "confidence" is below `min_confidence` from a per-article record;
// events without a numeric confidence are kept.
void drop_low_confidence_events(nlohmann::ordered_json& record, double min_confidence);
// §5: a predicted tally pairs with a gold tally of equal what, country and count.
bool tallies_pair(const nlohmann::ordered_json& predicted, const nlohmann::ordered_json& gold);

// §6: B-cubed over mentions clustered two ways: the engine's merged event id and the gold key.
struct ClusteredMention {
  std::string merged_id;  // the engine's merged event
  std::string gold_key;   // the gold key of the gold event the mention paired with
};
struct BCubed {
  size_t mentions = 0;
  std::optional<double> precision;  // none without mentions
  std::optional<double> recall;
  std::optional<double> f1;
};
BCubed b_cubed(const std::vector<ClusteredMention>& mentions);

// Where scoring.md leaves a choice, what this scorer does: one line each, for reports.
const std::vector<std::string>& scoring_notes();

}  // namespace salvo
