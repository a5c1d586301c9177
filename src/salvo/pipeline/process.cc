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

namespace {

struct Processed {
  AnalyzedArticle analyzed;
  Extraction extraction;
};

Processed analyze_and_extract(Article article, const Recognizer& recognizer, const Limits& limits) {
  Processed out;
  out.analyzed = analyze_article(std::move(article), limits);
  AnalyzedArticle& analyzed = out.analyzed;
  ArticleMentions mentions = recognizer.recognize(analyzed);
  if (const auto first_dropped = keep_first_mentions(mentions, analyzed.sentences.size(), limits.max_mentions)) {
    const RawSpan from = analyzed.sentences[*first_dropped].raw;
    analyzed.warnings.push_back(fmt::format(
        "more than {} mentions (--max-mentions): sentences {} to {} (from byte {}) not read for events", limits.max_mentions,
        *first_dropped + 1, analyzed.sentences.size(), from.begin));
  }
  out.extraction = extract_events(analyzed, mentions, recognizer);
  return out;
}

}  // namespace

nlohmann::ordered_json process_article(Article article, const Recognizer& recognizer, const RecordOptions& options,
                                       const Limits& limits) {
  const Processed processed = analyze_and_extract(std::move(article), recognizer, limits);
  return article_record(processed.analyzed, &processed.extraction, options);
}

RecordText process_article_text(Article article, const Recognizer& recognizer, const RecordOptions& options,
                                const Limits& limits) {
  Processed processed = analyze_and_extract(std::move(article), recognizer, limits);
  RecordText out;
  append_article_record(out.json, processed.analyzed, &processed.extraction, options);
  out.source = std::move(processed.analyzed.article.source);
  out.warnings = std::move(processed.analyzed.warnings);
  return out;
}

}  // namespace salvo
