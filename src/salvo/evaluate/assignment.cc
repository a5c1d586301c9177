#include "salvo/evaluate/assignment.h"

#include <algorithm>
#include <limits>

namespace salvo {
namespace {

// Minimum-cost assignment of every row of `cost` (rows ≤ columns) to a distinct column: the
// potentials form of the Hungarian algorithm. Returns the column of each row.
std::vector<size_t> min_cost_rows(const std::vector<std::vector<int64_t>>& cost, size_t rows, size_t columns) {
  constexpr int64_t kInfinity = std::numeric_limits<int64_t>::max() / 4;
  // 1-based, with row/column 0 as the sentinel of the augmenting search.
  std::vector<int64_t> u(rows + 1, 0), v(columns + 1, 0);
  std::vector<size_t> row_of(columns + 1, 0), way(columns + 1, 0);
  for (size_t r = 1; r <= rows; ++r) {
    row_of[0] = r;
    size_t c0 = 0;
    std::vector<int64_t> min_slack(columns + 1, kInfinity);
    std::vector<bool> used(columns + 1, false);
    do {
      used[c0] = true;
      const size_t r0 = row_of[c0];
      int64_t delta = kInfinity;
      size_t c1 = 0;
      for (size_t c = 1; c <= columns; ++c) {
        if (used[c]) continue;
        const int64_t slack = cost[r0 - 1][c - 1] - u[r0] - v[c];
        if (slack < min_slack[c]) min_slack[c] = slack, way[c] = c0;
        if (min_slack[c] < delta) delta = min_slack[c], c1 = c;
      }
      for (size_t c = 0; c <= columns; ++c) {
        if (used[c]) {
          u[row_of[c]] += delta;
          v[c] -= delta;
        } else {
          min_slack[c] -= delta;
        }
      }
      c0 = c1;
    } while (row_of[c0] != 0);
    do {
      const size_t c1 = way[c0];
      row_of[c0] = row_of[c1];
      c0 = c1;
    } while (c0 != 0);
  }
  std::vector<size_t> column_of(rows, 0);
  for (size_t c = 1; c <= columns; ++c) {
    if (row_of[c] != 0) column_of[row_of[c] - 1] = c - 1;
  }
  return column_of;
}

}  // namespace

std::vector<std::pair<size_t, size_t>> max_weight_matching(const std::vector<std::vector<int64_t>>& weight) {
  const size_t rows = weight.size();
  const size_t columns = rows == 0 ? 0 : weight[0].size();
  if (rows == 0 || columns == 0) return {};
  // The algorithm wants rows ≤ columns; transpose otherwise. Weights are non-negative, so a
  // maximum-weight full assignment restricted to positive pairs is a maximum-weight matching.
  const bool transpose = rows > columns;
  const size_t n = transpose ? columns : rows;
  const size_t m = transpose ? rows : columns;
  std::vector<std::vector<int64_t>> cost(n, std::vector<int64_t>(m));
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < m; ++j) cost[i][j] = -(transpose ? weight[j][i] : weight[i][j]);
  }
  const std::vector<size_t> column_of = min_cost_rows(cost, n, m);
  std::vector<std::pair<size_t, size_t>> pairs;
  for (size_t i = 0; i < n; ++i) {
    const size_t r = transpose ? column_of[i] : i;
    const size_t c = transpose ? i : column_of[i];
    if (weight[r][c] > 0) pairs.emplace_back(r, c);
  }
  std::sort(pairs.begin(), pairs.end());
  return pairs;
}

}  // namespace salvo
