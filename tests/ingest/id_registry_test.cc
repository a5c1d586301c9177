#include "salvo/ingest/id_registry.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace salvo {
namespace {

TEST(IdRegistry, ARepeatedIdNamesTheSourceThatGaveItFirst) {
  IdRegistry given;
  EXPECT_FALSE(given.add("a1", "feed.jsonl:14"));
  EXPECT_FALSE(given.add("a2", "feed.jsonl:15"));
  EXPECT_EQ(given.add("a1", "other.jsonl:3"), "feed.jsonl:14");
  EXPECT_EQ(given.add("a1", "third.txt"), "feed.jsonl:14");
  EXPECT_EQ(given.size(), 2u);
}

// The source comes back byte for byte, also when its end only looks like a line number.
TEST(IdRegistry, SourcesComeBackAsGiven) {
  const std::vector<std::string> sources{"feed.jsonl:14",  "2024/jan/report.txt", "odd:012", "odd:",
                                         "dir:7/page.html", "big:99999999999",     "a:b:3",   "stdin:1"};
  IdRegistry given;
  for (size_t i = 0; i < sources.size(); ++i) EXPECT_FALSE(given.add(fmt::format("id{}", i), sources[i]));
  for (size_t i = 0; i < sources.size(); ++i) EXPECT_EQ(given.add(fmt::format("id{}", i), "again"), sources[i]);
}

// Many ids across the tables' growth: each found once, with its own source.
TEST(IdRegistry, HoldsEveryIdOfALongFeed) {
  IdRegistry given;
  constexpr size_t kIds = 300000;
  for (size_t i = 1; i <= kIds; ++i) ASSERT_FALSE(given.add(fmt::format("r{}", i), fmt::format("feed.jsonl:{}", i))) << i;
  EXPECT_EQ(given.size(), kIds);
  for (size_t i = 1; i <= kIds; i += 997) EXPECT_EQ(given.add(fmt::format("r{}", i), "x"), fmt::format("feed.jsonl:{}", i));
  EXPECT_FALSE(given.add("r0", "x"));
}

}  // namespace
}  // namespace salvo
