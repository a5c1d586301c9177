// The exact maximum-weight matching behind §2's "best one-to-one assignment".
#include "salvo/evaluate/assignment.h"

#include <gtest/gtest.h>

#include <functional>

namespace salvo {
namespace {

using Pairs = std::vector<std::pair<size_t, size_t>>;

TEST(MaxWeightMatching, BeatsGreedy) {
  // Greedy takes (0,0) = 10 first and leaves row 1 nothing; the best is (0,1) + (1,0) = 17.
  EXPECT_EQ(max_weight_matching({{10, 8}, {9, 0}}), (Pairs{{0, 1}, {1, 0}}));
}

TEST(MaxWeightMatching, RectangularBothWaysAndZeroMeansNoPair) {
  EXPECT_EQ(max_weight_matching({{0, 5, 1}}), (Pairs{{0, 1}}));
  EXPECT_EQ(max_weight_matching({{0}, {5}, {1}}), (Pairs{{1, 0}}));
  EXPECT_EQ(max_weight_matching({{0, 0}, {0, 0}}), Pairs{});
  EXPECT_EQ(max_weight_matching({}), Pairs{});
}

TEST(MaxWeightMatching, AgreesWithBruteForceOnSmallMatrices) {
  uint32_t seed = 12345;
  auto next = [&seed] { return seed = seed * 1103515245u + 12345u, (seed >> 16) % 7; };
  for (int trial = 0; trial < 200; ++trial) {
    const size_t rows = 1 + next() % 4, columns = 1 + next() % 4;
    std::vector<std::vector<int64_t>> w(rows, std::vector<int64_t>(columns));
    for (auto& row : w) {
      for (auto& x : row) x = next() < 3 ? 0 : next();
    }
    // Brute force over injective maps of rows to columns-or-nothing.
    int64_t best = 0;
    std::vector<int> pick(rows, -1);
    std::function<void(size_t, int64_t, uint32_t)> search = [&](size_t r, int64_t sum, uint32_t used) {
      if (r == rows) return void(best = std::max(best, sum));
      search(r + 1, sum, used);
      for (size_t c = 0; c < columns; ++c) {
        if (!(used & (1u << c)) && w[r][c] > 0) search(r + 1, sum + w[r][c], used | (1u << c));
      }
    };
    search(0, 0, 0);
    int64_t got = 0;
    for (const auto& [r, c] : max_weight_matching(w)) got += w[r][c];
    EXPECT_EQ(got, best) << "trial " << trial;
  }
}

}  // namespace
}  // namespace salvo
