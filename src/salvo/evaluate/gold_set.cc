#include "salvo/evaluate/gold_set.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <system_error>

#include "salvo/ingest/reader.h"
#include "salvo/pipeline/process.h"

namespace salvo {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

// 1-based line of byte `offset` in `text`, for messages that name file:line.
size_t line_of(const std::string& text, size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

Result<Json> read_gold_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{fmt::format("{}: cannot read", path.string())};
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  try {
    Json gold = Json::parse(bytes);
    if (!gold.is_object()) return Error{fmt::format("{}:1: a gold file is one JSON object", path.string())};
    const auto article = gold.find("article");
    if (article == gold.end() || !article->is_string() || article->get<std::string>().empty()) {
      return Error{fmt::format("{}: no \"article\" naming the article file", path.string())};
    }
    return gold;
  } catch (const Json::parse_error& e) {
    return Error{fmt::format("{}:{}: invalid JSON: {}", path.string(), line_of(bytes, e.byte), e.what())};
  }
}

}  // namespace

fs::path default_articles_dir(const fs::path& gold_dir) {
  fs::path dir = gold_dir;
  if (!dir.has_filename()) dir = dir.parent_path();  // "gold/seeds/" → "gold/seeds"
  return dir.parent_path().parent_path() / dir.filename();
}

namespace {
std::string pair_name(const fs::path& gold_path) { return gold_path.stem().string(); }
}  // namespace

Result<GoldSetRun> run_gold_set(const GoldSetOptions& options, const Recognizer& recognizer) {
  std::error_code ec;
  if (!fs::is_directory(options.gold_dir, ec)) {
    return Error{fmt::format("{}: not a folder of gold files", options.gold_dir.string())};
  }
  std::vector<fs::path> gold_files;
  for (const fs::directory_entry& entry : fs::directory_iterator(options.gold_dir, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") gold_files.push_back(entry.path());
  }
  if (ec) return Error{fmt::format("{}: {}", options.gold_dir.string(), ec.message())};
  if (gold_files.empty()) return Error{fmt::format("{}: no .json gold files", options.gold_dir.string())};
  std::sort(gold_files.begin(), gold_files.end());

  GoldSetRun run;
  run.articles_dir = options.articles_dir.empty() ? default_articles_dir(options.gold_dir) : options.articles_dir;
  for (const fs::path& gold_path : gold_files) {
    Result<Json> gold = read_gold_file(gold_path);
    if (!gold) {
      run.skipped.push_back(gold.error().message);
      continue;
    }
    const fs::path article_path = run.articles_dir / gold->at("article").get<std::string>();
    if (!fs::is_regular_file(article_path, ec)) {
      run.skipped.push_back(fmt::format("{}: article {} not found (named by {})", article_path.string(),
                                        gold->at("article").get<std::string>(), gold_path.string()));
      continue;
    }
    std::vector<Article> read;
    read_articles({article_path.string()}, ReadOptions{}, [&](Article&& article) { read.push_back(std::move(article)); },
                  [&](const InputProblem& problem) {
                    run.skipped.push_back(fmt::format("{}: {}", problem.where, problem.message));
                  });
    if (read.size() != 1) {
      if (!read.empty()) {
        run.skipped.push_back(fmt::format("{}: holds {} articles; a gold file scores one", article_path.string(),
                                          read.size()));
      }
      continue;
    }
    ArticlePair pair;
    pair.article = pair_name(gold_path);
    Article& article = read.front();
    if (options.given_published && !article.published && gold->contains("published") && gold->at("published").is_string()) {
      // Given before analysis, so it also stands before a byline in the text: both name the day
      // the article appeared.
      article.published = parse_iso_date_prefix(gold->at("published").get<std::string>());
      if (article.published) {
        article.published_from = PublishedFrom::kMetadata;
        run.given_published.push_back(pair_name(gold_path));
      }
    }
    pair.predicted = process_article(std::move(article), recognizer, {});
    if (options.min_confidence > 0) drop_low_confidence_events(pair.predicted, options.min_confidence);
    pair.gold = std::move(*gold);
    run.articles.push_back(std::move(pair));
  }
  return run;
}

GoldSetMerge merge_gold_set(const GoldSetRun& run) {
  std::vector<Mention> mentions;
  std::vector<std::pair<size_t, size_t>> origin;  // per mention: article, record
  for (size_t a = 0; a < run.articles.size(); ++a) {
    for (Mention& m : mentions_of_record(run.articles[a].predicted)) {
      m.article = run.articles[a].article;  // the gold file's name: unique in the set
      origin.emplace_back(a, m.index);
      mentions.push_back(std::move(m));
    }
  }
  GoldSetMerge out;
  out.events = merge_mentions(mentions);
  out.ids.resize(run.articles.size());
  out.by_record.resize(run.articles.size());
  for (size_t a = 0; a < run.articles.size(); ++a) {
    const auto& events = run.articles[a].predicted["events"];
    out.ids[a].resize(events.is_array() ? events.size() : 0);
    out.by_record[a].resize(out.ids[a].size(), nullptr);
  }
  for (const MergedEvent& e : out.events) {
    for (size_t member : e.members) {
      const auto [a, r] = origin[member];
      out.ids[a][r] = e.id;
      out.by_record[a][r] = &e.event;
    }
  }
  return out;
}

}  // namespace salvo
