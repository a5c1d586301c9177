// Runs the engine over the articles a gold set names and pairs each record with its gold file,
// ready for score() (scorer.h). The only part of evaluate/ that knows the engine exists.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "salvo/base/result.h"
#include "salvo/evaluate/scorer.h"
#include "salvo/merge/merge.h"
#include "salvo/recognize/recognizer.h"

namespace salvo {

struct GoldSetOptions {
  std::filesystem::path gold_dir;  // shared/gold/<set>: one <article-stem>.json per article
  // Where the articles named by the gold files' "article" field are; empty: default_articles_dir().
  std::filesystem::path articles_dir;
  // Predicted events with a lower "confidence" are dropped before scoring (events without one are kept).
  double min_confidence = 0;
  // An article that carries no publication date of its own (no header, no metadata, no byline)
  // is given the gold file's "published", as a feed's metadata would give it: the dates the text
  // states relative to the day it was published ("on Wednesday") can then be scored on their own.
  bool given_published = false;
};

struct GoldSetRun {
  std::filesystem::path articles_dir;  // as resolved
  std::vector<ArticlePair> articles;   // in gold file name order
  std::vector<std::string> skipped;    // one message per gold file or article that could not be used
  std::vector<std::string> given_published;  // articles given the gold's publication date
};

// shared/gold/<set> → shared/<set>: the gold folder's name, two levels up.
std::filesystem::path default_articles_dir(const std::filesystem::path& gold_dir);

// Reads every *.json in `options.gold_dir`, the article it names, and runs process_article() on
// it. An unreadable gold file or a missing article is skipped with a message; an Error means the
// gold folder itself cannot be used (missing, not a folder, holds no .json file).
Result<GoldSetRun> run_gold_set(const GoldSetOptions& options, const Recognizer& recognizer);

// The engine's de-duplication over every predicted record of a run: the merged events, and for
// each article's record r its merged event's id and event — what score_dedup() (dedup.h) takes.
struct GoldSetMerge {
  std::vector<MergedEvent> events;
  std::vector<std::vector<std::string>> ids;                            // [article][record]
  std::vector<std::vector<const nlohmann::ordered_json*>> by_record;    // [article][record], into events
};
GoldSetMerge merge_gold_set(const GoldSetRun& run);

}  // namespace salvo
