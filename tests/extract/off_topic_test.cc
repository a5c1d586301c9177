// Precision on text outside the domain: the 181 pages of the article-extraction benchmark
// (shared/bench-html: shopping, sport, politics, tech …) report no attack on US or coalition
// forces, so Salvo must extract no event from them.
#include <gtest/gtest.h>

#include <filesystem>

#include "../support/shared_data.h"
#include "../support/shared_recognizer.h"
#include "salvo/ingest/reader.h"
#include "salvo/pipeline/process.h"

namespace salvo {
namespace {

TEST(OffTopicPages, YieldNoEvents) {
  const auto pages = testing::shared_data("bench-html/html");
  if (!pages) GTEST_SKIP() << testing::lacks_shared_data("bench-html/html");
  size_t articles = 0;
  read_articles(
      {pages->string()}, ReadOptions{},
      [&](Article&& article) {
        const std::string id = article.id;
        const auto record = process_article(std::move(article), testing::shared_recognizer(), {});
        EXPECT_TRUE(record["events"].empty()) << id << ": " << record["events"].dump();
        ++articles;
      },
      [](const InputProblem& p) { ADD_FAILURE() << p.where << ": " << p.message; });
  EXPECT_EQ(articles, 181u);
}

}  // namespace
}  // namespace salvo
