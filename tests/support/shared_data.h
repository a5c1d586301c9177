// The team's shared data set (../shared beside the checkout: the seed and dev articles, their gold,
// the off-topic pages of the extraction benchmark) is not in the repository, so a clone on a new
// machine has none of it. Tests take their articles from here: the seeds fall back to the copy
// bundled in examples/seeds, and a test that only the dev set (or the gold) can make skips,
// saying what it lacks — a clone must pass `make test`, not fail 19 tests for a missing folder.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace salvo::testing {

// shared/<part> ("dev", "gold/seeds", "bench-html/html" …) when this machine has it.
std::optional<std::filesystem::path> shared_data(std::string_view part);

// The five seed articles: shared/seeds, else examples/seeds (the same five files).
std::filesystem::path seed_articles();

// Why a test that needs shared/<part> is skipped, for GTEST_SKIP().
std::string lacks_shared_data(std::string_view part);

}  // namespace salvo::testing
