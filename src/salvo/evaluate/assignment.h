// Best one-to-one assignment for scoring: the exact maximum-weight bipartite matching (Hungarian
// algorithm, O(n²m)). Sizes in scoring are tens of events, so exactness costs nothing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace salvo {

// `weight[r][c]` ≥ 0; 0 means "may not pair". Returns the (row, column) pairs of a matching of
// maximum total weight, only pairs of positive weight, sorted by row. All rows have equal length.
std::vector<std::pair<size_t, size_t>> max_weight_matching(const std::vector<std::vector<int64_t>>& weight);

}  // namespace salvo
