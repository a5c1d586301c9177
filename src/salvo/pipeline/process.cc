#include "salvo/pipeline/process.h"

#include <fmt/format.h>

#include <algorithm>

#include "salvo/extract/extract.h"
#include "salvo/pipeline/analyze.h"

namespace salvo {
namespace {

// Keeps the mentions of the first sentences, as many as `max_mentions` allows; returns the first
// sentence whose mentions were dropped, or nothing when all fit. Cutting whole sentences keeps
// what is read consistent: no sentence is read with half its mentions.
std::optional<size_t> keep_first_mentions(ArticleMentions& mentions, size_t sentence_count, size_t max_mentions) {
  const size_t total = mentions.terms.size() + mentions.places.size() + mentions.numbers.size() + mentions.times.size();
  if (total <= max_mentions) return std::nullopt;
  std::vector<size_t> per_sentence(sentence_count, 0);
  for (const auto& m : mentions.terms) ++per_sentence[m.sentence];
  for (const auto& m : mentions.places) ++per_sentence[m.sentence];
  for (const auto& m : mentions.numbers) ++per_sentence[m.sentence];
  for (const auto& m : mentions.times) ++per_sentence[m.sentence];
  size_t first_dropped = 0;
  for (size_t kept = 0; first_dropped < sentence_count && kept + per_sentence[first_dropped] <= max_mentions; ++first_dropped) {
    kept += per_sentence[first_dropped];
  }
  auto drop_from = [&](auto& list) {
    std::erase_if(list, [&](const auto& m) { return m.sentence >= first_dropped; });
  };
  drop_from(mentions.terms);
  drop_from(mentions.places);
  drop_from(mentions.numbers);
  drop_from(mentions.times);
  return first_dropped;
}

}  // namespace

nlohmann::ordered_json process_article(Article article, const Recognizer& recognizer, const RecordOptions& options,
                                       const Limits& limits) {
  AnalyzedArticle analyzed = analyze_article(std::move(article), limits);
  ArticleMentions mentions = recognizer.recognize(analyzed);
  if (const auto first_dropped = keep_first_mentions(mentions, analyzed.sentences.size(), limits.max_mentions)) {
    const RawSpan from = analyzed.sentences[*first_dropped].raw;
    analyzed.warnings.push_back(fmt::format(
        "more than {} mentions (--max-mentions): sentences {} to {} (from byte {}) not read for events", limits.max_mentions,
        *first_dropped + 1, analyzed.sentences.size(), from.begin));
  }
  const Extraction extraction = extract_events(analyzed, mentions, recognizer);
  return article_record(analyzed, &extraction, options);
}

}  // namespace salvo
