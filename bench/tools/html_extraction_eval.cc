// Scores salvo's HTML main-content extraction against a labelled benchmark (the layout of
// scrapinghub/article-extraction-benchmark: html/<id>.html.gz + ground-truth.json) and times it.
//
// Usage: html_extraction_eval BENCH_DIR [--per-page] [--json] [--repeat N] [--show ID-PREFIX]
//
// Each page goes through the path `salvo extract` takes for HTML: decode_utf8 →
// extract_page_content → clean_text. Scoring is the benchmark authors': word 4-gram shingles
// (lower-cased, whitespace-tokenised) of predicted and true text; per page P = |pred∩true|/|pred|,
// R = |pred∩true|/|true|, F1; the means over pages are reported. Timing covers the pipeline
// path only (not reading or gunzipping files); --repeat runs it N times and keeps each page's
// fastest run, which steadies the figure on a busy machine.
// Exit codes: 0 ok, 1 bad arguments, 2 unreadable benchmark.
#include <fmt/format.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <unordered_set>
#include <vector>

#include "salvo/clean/cleaner.h"
#include "salvo/ingest/reader.h"
#include "salvo/markup/decode.h"
#include "salvo/markup/main_content.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Options {
  std::string bench_dir;
  bool per_page = false;
  bool json = false;
  int repeat = 1;
  std::string show;  // id prefix of a page to print in detail
};

struct PageScore {
  std::string id;
  std::string url;
  double precision = 0, recall = 0, f1 = 0;
  size_t predicted_words = 0, true_words = 0;
  size_t bytes = 0;
  double seconds = 0;           // decode + extract + clean, fastest run
  double decode_seconds = 0;    // each stage alone, fastest run
  double extract_seconds = 0;
  double clean_seconds = 0;
};

void usage(std::FILE* out) {
  std::fprintf(out,
               "usage: html_extraction_eval BENCH_DIR [--per-page] [--json] [--repeat N] [--show ID-PREFIX]\n"
               "example: html_extraction_eval ../shared/bench-html --per-page\n");
}

std::string lower_utf8(std::string_view text) {
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())))
      .toLower()
      .toUTF8String(out);
  return out;
}

std::vector<std::string> tokens_of(std::string_view text) {
  const std::string lowered = lower_utf8(text);
  std::vector<std::string> tokens;
  std::istringstream in(lowered);
  std::string token;
  while (in >> token) tokens.push_back(token);
  return tokens;
}

// Word 4-grams joined by a byte no token holds. A text shorter than four words is one shingle.
std::unordered_set<std::string> shingles_of(std::string_view text) {
  const std::vector<std::string> tokens = tokens_of(text);
  std::unordered_set<std::string> shingles;
  constexpr size_t kN = 4;
  if (tokens.empty()) return shingles;
  const size_t count = tokens.size() >= kN ? tokens.size() - kN + 1 : 1;
  for (size_t i = 0; i < count; ++i) {
    std::string shingle;
    for (size_t j = i; j < std::min(i + kN, tokens.size()); ++j) {
      if (j > i) shingle.push_back('\x1F');
      shingle += tokens[j];
    }
    shingles.insert(std::move(shingle));
  }
  return shingles;
}

void score(std::string_view predicted, std::string_view truth, PageScore& page) {
  const auto pred = shingles_of(predicted);
  const auto gold = shingles_of(truth);
  size_t common = 0;
  for (const std::string& s : pred) common += gold.count(s);
  page.predicted_words = tokens_of(predicted).size();
  page.true_words = tokens_of(truth).size();
  if (pred.empty() && gold.empty()) {
    page.precision = page.recall = page.f1 = 1;
    return;
  }
  page.precision = pred.empty() ? 0 : double(common) / double(pred.size());
  page.recall = gold.empty() ? 0 : double(common) / double(gold.size());
  const double sum = page.precision + page.recall;
  page.f1 = sum > 0 ? 2 * page.precision * page.recall / sum : 0;
}

// Prints a page's output paragraph by paragraph, marked "+" when most of its shingles are in the
// truth and "-" when not, then the true paragraphs the output missed ("?"): where F1 was lost.
void show_page(const std::string& id, std::string_view predicted, const salvo::CleanText& clean,
               const salvo::PageContent& page, std::string_view truth) {
  const auto gold = shingles_of(truth);
  const auto pred = shingles_of(predicted);
  std::printf("== %s\ntitle: %s\nurl: %s\npublished: %s\n", id.c_str(), page.title.value_or("-").c_str(),
              page.url.value_or("-").c_str(), page.published ? page.published->iso().c_str() : "-");
  for (const salvo::Paragraph& p : clean.paragraphs) {
    const std::string_view text = predicted.substr(p.begin, p.end - p.begin);
    const auto own = shingles_of(text);
    size_t in = 0;
    for (const std::string& s : own) in += gold.count(s);
    std::printf("%c %.*s\n", in * 2 >= own.size() ? '+' : '-', static_cast<int>(text.size()), text.data());
  }
  std::printf("-- missed:\n");
  size_t start = 0;
  while (start < truth.size()) {
    size_t end = truth.find('\n', start);
    if (end == std::string_view::npos) end = truth.size();
    const std::string_view line = truth.substr(start, end - start);
    const auto own = shingles_of(line);
    size_t in = 0;
    for (const std::string& s : own) in += pred.count(s);
    if (!own.empty() && in * 2 < own.size()) std::printf("? %.*s\n", static_cast<int>(line.size()), line.data());
    start = end + 1;
  }
}

int run(const Options& options) {
  const fs::path dir(options.bench_dir);
  std::ifstream truth_file(dir / "ground-truth.json");
  if (!truth_file) {
    std::fprintf(stderr, "error: %s: cannot read ground-truth.json\n", dir.string().c_str());
    return 2;
  }
  nlohmann::json truth_json;
  try {
    truth_file >> truth_json;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: %s/ground-truth.json: %s\n", dir.string().c_str(), e.what());
    return 2;
  }

  struct Input {
    std::string id, url, truth, raw;
    size_t body_offset = 0;
  };
  std::vector<Input> inputs;
  for (const auto& [id, entry] : truth_json.items()) {
    Input input;
    input.id = id;
    input.truth = entry.value("articleBody", "");
    input.url = entry.value("url", "");
    const std::string path = (dir / "html" / (id + ".html.gz")).string();
    salvo::read_articles(
        {path}, salvo::ReadOptions{},
        [&](salvo::Article&& article) {
          input.raw = std::move(article.raw);
          input.body_offset = article.body_offset;
        },
        [&](const salvo::InputProblem& problem) {
          std::fprintf(stderr, "warning: %s: %s\n", problem.where.c_str(), problem.message.c_str());
        });
    inputs.push_back(std::move(input));
  }
  if (inputs.empty()) {
    std::fprintf(stderr, "error: %s: no pages\n", dir.string().c_str());
    return 2;
  }

  std::vector<PageScore> scores;
  size_t total_bytes = 0;
  for (const Input& input : inputs) {
    PageScore page;
    page.id = input.id;
    page.url = input.url;
    page.bytes = input.raw.size();
    page.seconds = page.decode_seconds = page.extract_seconds = page.clean_seconds = 1e9;
    total_bytes += page.bytes;
    salvo::CleanText clean;
    salvo::PageContent content;
    for (int r = 0; r < options.repeat; ++r) {
      const auto t0 = Clock::now();
      const salvo::MappedText decoded = salvo::decode_utf8(input.raw, input.body_offset, input.raw.size());
      const auto t1 = Clock::now();
      content = salvo::extract_page_content(decoded);
      const auto t2 = Clock::now();
      clean = salvo::clean_text(content.text);
      const auto t3 = Clock::now();
      page.seconds = std::min(page.seconds, std::chrono::duration<double>(t3 - t0).count());
      page.decode_seconds = std::min(page.decode_seconds, std::chrono::duration<double>(t1 - t0).count());
      page.extract_seconds = std::min(page.extract_seconds, std::chrono::duration<double>(t2 - t1).count());
      page.clean_seconds = std::min(page.clean_seconds, std::chrono::duration<double>(t3 - t2).count());
    }
    score(clean.text.view(), input.truth, page);
    if (!options.show.empty() && input.id.rfind(options.show, 0) == 0) {
      show_page(input.id, clean.text.view(), clean, content, input.truth);
    }
    scores.push_back(std::move(page));
  }

  double precision = 0, recall = 0, f1 = 0, seconds = 0, decode_seconds = 0, extract_seconds = 0, clean_seconds = 0;
  for (const PageScore& s : scores) {
    precision += s.precision, recall += s.recall, f1 += s.f1;
    seconds += s.seconds, decode_seconds += s.decode_seconds;
    extract_seconds += s.extract_seconds, clean_seconds += s.clean_seconds;
  }
  const double n = static_cast<double>(scores.size());
  precision /= n, recall /= n, f1 /= n;
  const double pages_per_second = n / seconds;
  const double mb_per_second = double(total_bytes) / 1e6 / seconds;
  std::sort(scores.begin(), scores.end(), [](const PageScore& a, const PageScore& b) { return a.f1 < b.f1; });

  if (options.json) {
    nlohmann::json out = {{"pages", scores.size()},
                          {"precision", precision},
                          {"recall", recall},
                          {"f1", f1},
                          {"pages_per_second", pages_per_second},
                          {"mb_per_second", mb_per_second},
                          {"seconds", {{"decode", decode_seconds}, {"extract", extract_seconds},
                                       {"clean", clean_seconds}, {"total", seconds}}}};
    if (options.per_page) {
      nlohmann::json pages = nlohmann::json::array();
      for (const PageScore& s : scores) {
        pages.push_back({{"id", s.id}, {"url", s.url}, {"precision", s.precision}, {"recall", s.recall},
                         {"f1", s.f1}, {"predicted_words", s.predicted_words}, {"true_words", s.true_words},
                         {"bytes", s.bytes}, {"seconds", s.seconds}});
      }
      out["per_page"] = std::move(pages);
    }
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  if (options.per_page) {
    std::printf("%-12s %6s %6s %6s %7s %7s %8s  %s\n", "id", "P", "R", "F1", "words", "truth", "ms", "url");
    for (const PageScore& s : scores) {
      std::printf("%-12.12s %6.3f %6.3f %6.3f %7zu %7zu %8.2f  %s\n", s.id.c_str(), s.precision, s.recall, s.f1,
                  s.predicted_words, s.true_words, s.seconds * 1e3, s.url.c_str());
    }
    std::printf("\n");
  }
  std::printf("pages      %zu (%.1f MB)\n", scores.size(), double(total_bytes) / 1e6);
  std::printf("precision  %.3f\nrecall     %.3f\nF1         %.3f\n", precision, recall, f1);
  std::printf("speed      %.0f pages/s, %.1f MB/s (decode + extract + clean, one core)\n", pages_per_second,
              mb_per_second);
  std::printf("time       %.3f s = decode %.3f + extract %.3f + clean %.3f\n", seconds, decode_seconds,
              extract_seconds, clean_seconds);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--per-page") {
      options.per_page = true;
    } else if (arg == "--json") {
      options.json = true;
    } else if (arg == "--repeat" && i + 1 < argc) {
      options.repeat = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--show" && i + 1 < argc) {
      options.show = argv[++i];
    } else if (arg == "-h" || arg == "--help") {
      usage(stdout);
      return 0;
    } else if (!arg.empty() && arg[0] != '-' && options.bench_dir.empty()) {
      options.bench_dir = arg;
    } else {
      usage(stderr);
      return 1;
    }
  }
  if (options.bench_dir.empty()) {
    usage(stderr);
    return 1;
  }
  return run(options);
}
