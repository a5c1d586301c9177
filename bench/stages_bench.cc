// Each pipeline stage on its own, on the seed and dev articles (read once, then processed over and
// over), so a profile of the whole run can be read stage by stage. Run: build/stages_bench
// (the dev articles are read from ../shared/dev when present; the seeds are bundled).
#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>

#include "bench_support.h"
#include "salvo/base/data_dir.h"
#include "salvo/clean/cleaner.h"
#include "salvo/extract/extract.h"
#include "salvo/ingest/reader.h"
#include "salvo/markup/decode.h"
#include "salvo/markup/dom.h"
#include "salvo/merge/merge.h"
#include "salvo/pipeline/analyze.h"
#include "salvo/pipeline/process.h"
#include "salvo/recognize/recognizer.h"
#include "salvo/record/article_record.h"
#include "salvo/text/sentences.h"

namespace {

const std::vector<salvo::Article>& articles() {
  static const std::vector<salvo::Article> read = salvo::bench::read_bench_articles(/*with_dev=*/true);
  return read;
}

const std::vector<salvo::AnalyzedArticle>& analyzed() {
  static const std::vector<salvo::AnalyzedArticle> out = [] {
    std::vector<salvo::AnalyzedArticle> v;
    for (const salvo::Article& a : articles()) v.push_back(salvo::analyze_article(a));
    return v;
  }();
  return out;
}

using salvo::bench::recognizer;

int64_t raw_bytes() {
  int64_t bytes = 0;
  for (const auto& a : articles()) bytes += static_cast<int64_t>(a.raw.size());
  return bytes;
}

// Markup stripped, text cleaned (scripts, templates, furniture, whitespace, NFC, language).
void BM_Clean(benchmark::State& state) {
  for (auto _ : state) {
    for (const auto& a : articles()) {
      benchmark::DoNotOptimize(salvo::clean_text(salvo::strip_markup(salvo::decode_utf8(a.raw, a.body_offset, a.raw.size()))));
    }
  }
  state.SetBytesProcessed(state.iterations() * raw_bytes());
}
BENCHMARK(BM_Clean)->Unit(benchmark::kMicrosecond);

void BM_Segment(benchmark::State& state) {
  for (auto _ : state) {
    for (const auto& a : analyzed()) {
      for (const auto& p : a.clean.paragraphs) {
        benchmark::DoNotOptimize(salvo::split_sentences(a.clean.text.view().substr(p.begin, p.end - p.begin)));
      }
    }
  }
  state.SetBytesProcessed(state.iterations() * raw_bytes());
}
BENCHMARK(BM_Segment)->Unit(benchmark::kMicrosecond);

void BM_Extract(benchmark::State& state) {
  std::vector<salvo::ArticleMentions> mentions;
  for (const auto& a : analyzed()) mentions.push_back(recognizer().recognize(a));
  for (auto _ : state) {
    for (size_t i = 0; i < analyzed().size(); ++i) {
      benchmark::DoNotOptimize(salvo::extract_events(analyzed()[i], mentions[i], recognizer()));
    }
  }
  state.SetBytesProcessed(state.iterations() * raw_bytes());
}
BENCHMARK(BM_Extract)->Unit(benchmark::kMicrosecond);

// The JSON record of an extraction (spec/output.md), as `salvo extract` prints it.
void BM_Record(benchmark::State& state) {
  std::vector<salvo::Extraction> extractions;
  for (const auto& a : analyzed()) extractions.push_back(salvo::extract_events(a, recognizer().recognize(a), recognizer()));
  for (auto _ : state) {
    for (size_t i = 0; i < analyzed().size(); ++i) {
      benchmark::DoNotOptimize(salvo::article_record(analyzed()[i], &extractions[i], {}).dump());
    }
  }
  state.SetBytesProcessed(state.iterations() * raw_bytes());
}
BENCHMARK(BM_Record)->Unit(benchmark::kMicrosecond);

// The whole per-article pipeline: what one `salvo extract` thread does per article.
void BM_ProcessArticle(benchmark::State& state) {
  for (auto _ : state) {
    for (const auto& a : articles()) benchmark::DoNotOptimize(salvo::process_article(a, recognizer(), {}).dump());
  }
  state.SetBytesProcessed(state.iterations() * raw_bytes());
  state.counters["articles/s"] = benchmark::Counter(static_cast<double>(state.iterations() * articles().size()),
                                                    benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ProcessArticle)->Unit(benchmark::kMicrosecond);

// Cross-document merge of N copies of the corpus' events (each copy another outlet, dates shifted
// by a week a copy so that blocks stay realistic): cost per mention as the corpus grows.
void BM_Merge(benchmark::State& state) {
  std::vector<salvo::Mention> base;
  for (const auto& a : articles()) {
    for (salvo::Mention& m : salvo::mentions_of_record(salvo::process_article(a, recognizer(), {}))) base.push_back(std::move(m));
  }
  std::vector<salvo::Mention> mentions;
  for (int copy = 0; copy < state.range(0); ++copy) {
    for (salvo::Mention m : base) {
      m.article += "#" + std::to_string(copy);
      if (m.date) m.date = salvo::Date::from_days_since_epoch(m.date->days_since_epoch() + 7 * (copy / 3));
      if (m.date_max) m.date_max = salvo::Date::from_days_since_epoch(m.date_max->days_since_epoch() + 7 * (copy / 3));
      mentions.push_back(std::move(m));
    }
  }
  for (auto _ : state) benchmark::DoNotOptimize(salvo::merge_mentions(mentions));
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(mentions.size()));
  state.SetLabel(std::to_string(mentions.size()) + " mentions");
}
BENCHMARK(BM_Merge)->Arg(1)->Arg(10)->Arg(100)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
