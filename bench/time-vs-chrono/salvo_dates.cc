// Builds the date cases of the gold events and resolves them with Salvo's temporal tagger.
//
//   salvo_dates SHARED_DIR > cases.json
//
// For every gold event with a date, in SHARED_DIR/gold/{seeds,dev}/*.json, writes the article's
// publication date (gold "published"), the gold day or range, and the text windows a date may be
// found in, in the order they are tried (the same windows are given to chrono-node by
// chrono_dates.js; score.js picks one date per case with one rule for both systems):
//   quote     the evidence quote itself
//   sentence  the sentence(s) the quote lies in
//   previous  the sentence before them
//   earlier   the article from its start to those sentences (the lede names the main event)
// Each window carries Salvo's expressions, found with the publication date and an anchor for
// "the day before" / "the same day": the last day named earlier in the same paragraph, else the
// first day the article names (its main event). Datelines (a full date with its year, equal to
// the publication date) are never anchors: they date the page, not an event.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "salvo/ingest/reader.h"
#include "salvo/pipeline/analyze.h"
#include "salvo/time/time_expression.h"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace salvo;

namespace {

bool is_dateline(const TimeExpression& e, const std::optional<Date>& published) {
  return e.kind == TimeKind::kDate && e.year && published && e.value && *e.value == *published;
}

bool can_anchor(const TimeExpression& e, const std::optional<Date>& published) {
  return names_a_day(e) && e.kind != TimeKind::kAnchorRelative && !e.is_since && !e.anniversary && !is_dateline(e, published);
}

// Finds `quote` in `text` ignoring differences in whitespace; returns [begin, end) or npos.
std::pair<size_t, size_t> find_quote(std::string_view text, std::string_view quote) {
  if (size_t at = text.find(quote); at != std::string_view::npos) return {at, at + quote.size()};
  std::string squeezed;
  std::vector<size_t> origin;
  bool space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const bool is_space = std::isspace(static_cast<unsigned char>(text[i]));
    if (is_space && space) continue;
    squeezed.push_back(is_space ? ' ' : text[i]);
    origin.push_back(i);
    space = is_space;
  }
  std::string q;
  space = false;
  for (char c : quote) {
    const bool is_space = std::isspace(static_cast<unsigned char>(c));
    if (is_space && space) continue;
    q.push_back(is_space ? ' ' : c);
    space = is_space;
  }
  const size_t at = squeezed.find(q);
  if (at == std::string::npos) return {std::string::npos, std::string::npos};
  return {origin[at], origin[at + q.size() - 1] + 1};
}

json expression_json(const TimeExpression& e) {
  return json{{"begin", e.begin},
              {"end", e.end},
              {"text", e.text},
              {"kind", to_string(e.kind)},
              {"precision", to_string(e.precision)},
              {"value", e.value ? json(e.value->iso()) : json(nullptr)},
              {"value_max", e.value_max ? json(e.value_max->iso()) : json(nullptr)},
              {"names_a_day", names_a_day(e)},
              {"since", e.is_since},
              {"anniversary", e.anniversary}};
}

std::optional<Article> read_one(const fs::path& path) {
  std::optional<Article> article;
  read_articles({path.string()}, ReadOptions{}, [&](Article&& a) { article = std::move(a); },
                [&](const InputProblem& p) { std::cerr << p.where << ": " << p.message << "\n"; });
  return article;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: salvo_dates SHARED_DIR > cases.json\n";
    return 2;
  }
  const fs::path shared = argv[1];
  json cases = json::array();
  for (const char* set : {"seeds", "dev"}) {
    std::vector<fs::path> golds;
    for (const auto& entry : fs::directory_iterator(shared / "gold" / set)) {
      if (entry.path().extension() == ".json") golds.push_back(entry.path());
    }
    std::sort(golds.begin(), golds.end());
    for (const fs::path& gold_path : golds) {
      std::ifstream in(gold_path);
      const json gold = json::parse(in);
      const std::string article_name = gold.at("article").get<std::string>();
      std::optional<Date> published;
      if (gold.contains("published") && gold["published"].is_string()) {
        published = parse_iso_date_prefix(gold["published"].get<std::string>());
      }
      auto article = read_one(shared / set / article_name);
      if (!article) return 1;
      const AnalyzedArticle analyzed = analyze_article(std::move(*article));
      const std::string_view text = analyzed.clean.text.view();
      const auto& sentences = analyzed.sentences;

      // Tag the whole article once, sentence by sentence, to choose anchors.
      const TimeContext plain{published, std::nullopt};
      struct Day {
        size_t at;  // offset in the clean text
        size_t paragraph;
        Date day;
      };
      std::vector<Day> days;
      for (const Sentence& s : sentences) {
        for (const TimeExpression& e : find_time_expressions(analyzed.sentence_text(s), plain)) {
          if (can_anchor(e, published)) days.push_back({s.begin + e.begin, s.paragraph, *e.value});
        }
      }

      int index = 0;
      for (const json& event : gold.at("events")) {
        ++index;
        if (!event.contains("date") || !event["date"].is_string()) continue;
        const std::string evidence = event.at("evidence").get<std::string>();
        const auto [qb, qe] = find_quote(text, evidence);
        json c{{"set", set},
               {"article", article_name},
               {"event", index},
               {"published", published ? json(published->iso()) : json(nullptr)},
               {"gold_date", event["date"]},
               {"gold_date_max", event.value("date_max", json(nullptr))},
               {"evidence", evidence}};
        if (qb == std::string::npos) {
          c["error"] = "evidence not found in the cleaned article";
          cases.push_back(c);
          continue;
        }
        size_t first = 0, last = 0;
        for (size_t i = 0; i < sentences.size(); ++i) {
          if (sentences[i].end <= qb) first = i + 1;
          if (sentences[i].begin < qe) last = i;
        }
        first = std::min(first, sentences.size() - 1);
        last = std::max(last, first);
        const size_t sentence_begin = sentences[first].begin;
        const size_t paragraph = sentences[first].paragraph;

        std::optional<Date> anchor;
        for (const Day& d : days) {
          if (d.at < qb && d.paragraph == paragraph) anchor = d.day;
        }
        if (!anchor && !days.empty()) anchor = days.front().day;

        struct Window {
          const char* name;
          size_t begin, end;
        };
        std::vector<Window> windows = {{"quote", qb, qe}, {"sentence", sentence_begin, sentences[last].end}};
        if (first > 0) windows.push_back({"previous", sentences[first - 1].begin, sentences[first - 1].end});
        if (sentence_begin > 0) windows.push_back({"earlier", 0, sentence_begin});
        json window_list = json::array();
        const TimeContext context{published, anchor};
        for (const Window& w : windows) {
          const std::string_view window_text = text.substr(w.begin, w.end - w.begin);
          json found = json::array();
          for (const TimeExpression& e : find_time_expressions(window_text, context)) {
            found.push_back(expression_json(e));
          }
          window_list.push_back({{"name", w.name}, {"text", window_text}, {"salvo", found}});
        }
        c["anchor"] = anchor ? json(anchor->iso()) : json(nullptr);
        c["windows"] = window_list;
        cases.push_back(c);
      }
    }
  }
  std::cout << cases.dump(1) << "\n";
  return 0;
}
