// Where the English gate (is_plainly_english) and CLD2 would disagree, over real paragraphs.
//
// Usage: language_gate PATH...      (files or folders, any input salvo reads)
//
// Every paragraph of every article is cleaned as `salvo extract` cleans it and given to CLD2
// alone (detect_language_cld2). The report counts the paragraphs and bytes the gate calls English
// without CLD2, and lists every gated paragraph CLD2 would have called something else: the gate
// may skip CLD2 only where CLD2 would have said "en" anyway.
// Exit codes: 0 no disagreement, 1 disagreements found, 2 bad arguments or unreadable input.
#include <fmt/format.h>

#include <iostream>
#include <string>
#include <vector>

#include "salvo/clean/language.h"
#include "salvo/ingest/reader.h"
#include "salvo/pipeline/analyze.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: language_gate PATH...\n";
    return 2;
  }
  const std::vector<std::string> paths(argv + 1, argv + argc);
  size_t articles = 0, paragraphs = 0, gated = 0, disagreements = 0, problems = 0;
  size_t bytes = 0, gated_bytes = 0;
  salvo::read_articles(
      paths, salvo::ReadOptions{},
      [&](salvo::Article&& article) {
        ++articles;
        const std::string where = article.source;
        const salvo::AnalyzedArticle analyzed = salvo::analyze_article(std::move(article));
        const std::string_view text = analyzed.clean.text.view();
        for (const auto& p : analyzed.clean.paragraphs) {
          const std::string_view paragraph = text.substr(p.begin, p.end - p.begin);
          ++paragraphs;
          bytes += paragraph.size();
          if (!salvo::is_plainly_english(paragraph)) continue;
          ++gated;
          gated_bytes += paragraph.size();
          const salvo::LanguageGuess cld2 = salvo::detect_language_cld2(paragraph);
          if (cld2.code != "en") {
            ++disagreements;
            fmt::print("{}: CLD2 says {} ({}): {}\n", where, cld2.code, cld2.reliable ? "reliable" : "unreliable",
                       paragraph.substr(0, 200));
          }
        }
      },
      [&](const salvo::InputProblem& problem) {
        ++problems;
        std::cerr << problem.where << ": " << problem.message << "\n";
      });
  fmt::print("{} articles, {} paragraphs ({:.1f} MB); the gate calls {} of them English ({:.1f}% of bytes) "
             "without CLD2; CLD2 disagrees on {}\n",
             articles, paragraphs, bytes / 1e6, gated, bytes ? 100.0 * gated_bytes / bytes : 0.0, disagreements);
  if (problems > 0 && articles == 0) return 2;
  return disagreements == 0 ? 0 : 1;
}
