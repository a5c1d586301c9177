// Recognition stage speed: the one-pass phrase scan plus numbers and times, on the bundled seed
// articles (analysed once, then recognised over and over). Run: build/recognize_bench
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>

#include "bench_support.h"
#include "salvo/base/data_dir.h"
#include "salvo/gazetteer/gazetteer.h"
#include "salvo/lexicon/fold.h"
#include "salvo/pipeline/analyze.h"
#include "salvo/recognize/recognizer.h"

namespace {

std::vector<salvo::AnalyzedArticle> analyzed(bool with_dev) {
  std::vector<salvo::AnalyzedArticle> out;
  for (salvo::Article& a : salvo::bench::read_bench_articles(with_dev)) out.push_back(salvo::analyze_article(std::move(a)));
  return out;
}

// The target's input: the five bundled seed articles, recognised over and over.
const std::vector<salvo::AnalyzedArticle>& seeds() {
  static const std::vector<salvo::AnalyzedArticle> articles = analyzed(/*with_dev=*/false);
  return articles;
}

// The seeds and the 21 dev articles of ../shared/dev (when present): more text than a branch
// predictor can learn by heart, so a check that the seeds' figure is not flattered by repetition.
const std::vector<salvo::AnalyzedArticle>& seeds_and_dev() {
  static const std::vector<salvo::AnalyzedArticle> articles = analyzed(/*with_dev=*/true);
  return articles;
}

using salvo::bench::recognizer;

int64_t clean_bytes(const std::vector<salvo::AnalyzedArticle>& articles) {
  int64_t bytes = 0;
  for (const auto& a : articles) bytes += static_cast<int64_t>(a.clean.text.size());
  return bytes;
}

// Start-up: loading every data file and compiling the matcher.
void BM_RecognizerLoad(benchmark::State& state) {
  for (auto _ : state) {
    auto loaded = salvo::Recognizer::load(salvo::data_dir());
    benchmark::DoNotOptimize(loaded);
    state.counters["phrases"] = static_cast<double>(loaded->phrase_count());
  }
  state.SetLabel("load lexicons + gazetteer, compile matcher");
}
BENCHMARK(BM_RecognizerLoad)->Unit(benchmark::kMillisecond)->Iterations(5);

// The gazetteer alone: every place table and installations.csv, validated and indexed. (Was a
// unit test with a 100 ms bound, which a loaded machine or a sanitizer build broke.)
void BM_GazetteerLoad(benchmark::State& state) {
  for (auto _ : state) {
    auto loaded = salvo::Gazetteer::load(salvo::data_dir());
    benchmark::DoNotOptimize(loaded);
    state.counters["places"] = static_cast<double>(loaded->places().size());
  }
}
BENCHMARK(BM_GazetteerLoad)->Unit(benchmark::kMillisecond)->Iterations(5);

void recognize_all(benchmark::State& state, const std::vector<salvo::AnalyzedArticle>& articles) {
  const auto& r = recognizer();
  size_t mentions = 0;
  for (auto _ : state) {
    for (const auto& a : articles) {
      const salvo::ArticleMentions m = r.recognize(a);
      mentions += m.places.size() + m.terms.size() + m.numbers.size() + m.times.size();
    }
  }
  benchmark::DoNotOptimize(mentions);
  state.SetBytesProcessed(state.iterations() * clean_bytes(articles));
  state.SetLabel("places, actors, targets, weapons, numbers, times");
}

void BM_Recognize(benchmark::State& state) { recognize_all(state, seeds()); }
BENCHMARK(BM_Recognize)->Unit(benchmark::kMicrosecond);

void BM_RecognizeSeedsAndDev(benchmark::State& state) { recognize_all(state, seeds_and_dev()); }
BENCHMARK(BM_RecognizeSeedsAndDev)->Unit(benchmark::kMicrosecond);

// The name folder alone. Flattered: run alone over five articles, its branches are learnt by
// heart; within the stage, where the scan and the look-ups run between two folds, they are not
// (a byte loop measured faster here than the eight-byte one that made the stage 10% faster).
void BM_Fold(benchmark::State& state) {
  const auto& articles = seeds();
  for (auto _ : state) {
    for (const auto& a : articles) benchmark::DoNotOptimize(salvo::fold_text(a.clean.text.view()));
  }
  state.SetBytesProcessed(state.iterations() * clean_bytes(articles));
}
BENCHMARK(BM_Fold)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
