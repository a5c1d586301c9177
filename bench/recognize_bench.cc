// Recognition stage speed: the one-pass phrase scan plus numbers and times, on the bundled seed
// articles (analysed once, then recognised over and over). Run: build/recognize_bench
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>

#include "bench_support.h"
#include "salvo/base/data_dir.h"
#include "salvo/lexicon/fold.h"
#include "salvo/pipeline/analyze.h"
#include "salvo/recognize/recognizer.h"

namespace {

const std::vector<salvo::AnalyzedArticle>& seeds() {
  static const std::vector<salvo::AnalyzedArticle> articles = [] {
    std::vector<salvo::AnalyzedArticle> out;
    for (salvo::Article& a : salvo::bench::read_bench_articles(/*with_dev=*/false)) out.push_back(salvo::analyze_article(std::move(a)));
    return out;
  }();
  return articles;
}

using salvo::bench::recognizer;

int64_t clean_bytes() {
  int64_t bytes = 0;
  for (const auto& a : seeds()) bytes += static_cast<int64_t>(a.clean.text.size());
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

void BM_Recognize(benchmark::State& state) {
  const auto& articles = seeds();
  const auto& r = recognizer();
  size_t mentions = 0;
  for (auto _ : state) {
    for (const auto& a : articles) {
      const salvo::ArticleMentions m = r.recognize(a);
      mentions += m.places.size() + m.terms.size() + m.numbers.size() + m.times.size();
    }
  }
  benchmark::DoNotOptimize(mentions);
  state.SetBytesProcessed(state.iterations() * clean_bytes());
  state.SetLabel("places, actors, targets, weapons, numbers, times");
}
BENCHMARK(BM_Recognize)->Unit(benchmark::kMicrosecond);

void BM_Fold(benchmark::State& state) {
  const auto& articles = seeds();
  for (auto _ : state) {
    for (const auto& a : articles) benchmark::DoNotOptimize(salvo::fold_text(a.clean.text.view()));
  }
  state.SetBytesProcessed(state.iterations() * clean_bytes());
}
BENCHMARK(BM_Fold)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
