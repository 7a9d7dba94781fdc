// recoup/portfolio/detail/join.hpp — matching the accounts of two snapshots by account id.
#pragma once

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "recoup/core/error.hpp"

namespace recoup::portfolio::detail {

/// Row order of `ids` sorted by id (stable); throws "portfolio.duplicate_account" naming both
/// rows when an id appears twice in `column`.
inline std::vector<std::int64_t> sorted_order(std::span<const std::int64_t> ids, const char* column) {
  std::vector<std::int64_t> order(ids.size());
  if (std::is_sorted(ids.begin(), ids.end())) {
    std::iota(order.begin(), order.end(), std::int64_t{0});
  } else {
    // Sorting (id, row) pairs in place is several times faster than sorting rows by an
    // indirect key; ties (duplicates) keep row order, so the error names the first two rows.
    std::vector<std::pair<std::int64_t, std::int64_t>> keyed(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) keyed[i] = {ids[i], static_cast<std::int64_t>(i)};
    std::sort(keyed.begin(), keyed.end());
    for (std::size_t i = 0; i < keyed.size(); ++i) order[i] = keyed[i].second;
  }
  for (std::size_t i = 1; i < order.size(); ++i) {
    const auto a = static_cast<std::size_t>(order[i - 1]);
    const auto b = static_cast<std::size_t>(order[i]);
    if (ids[a] == ids[b])
      throw invalid_input_error("portfolio.duplicate_account",
                                std::string(column) + ": account id " + std::to_string(ids[a]) + " appears in rows " +
                                    std::to_string(a) + " and " + std::to_string(b) +
                                    "; a snapshot lists each account once");
  }
  return order;
}

/// For every row of snapshot 0, its row in snapshot 1 or -1 (closed); rows of snapshot 1 with no
/// match are new. O(n log n), or O(n) when both id columns are already sorted.
struct snapshot_join {
  std::vector<std::int64_t> match0;  ///< per row of snapshot 0: row in snapshot 1, or -1
  std::vector<unsigned char> matched1;  ///< per row of snapshot 1: 1 when it is in snapshot 0
};

inline snapshot_join join_by_id(std::span<const std::int64_t> id0, std::span<const std::int64_t> id1,
                                const char* column0, const char* column1) {
  const auto o0 = sorted_order(id0, column0);
  const auto o1 = sorted_order(id1, column1);
  snapshot_join j;
  j.match0.assign(id0.size(), -1);
  j.matched1.assign(id1.size(), 0);
  std::size_t a = 0, b = 0;
  while (a < o0.size() && b < o1.size()) {
    const auto r0 = static_cast<std::size_t>(o0[a]);
    const auto r1 = static_cast<std::size_t>(o1[b]);
    if (id0[r0] < id1[r1]) {
      ++a;
    } else if (id1[r1] < id0[r0]) {
      ++b;
    } else {
      j.match0[r0] = static_cast<std::int64_t>(r1);
      j.matched1[r1] = 1;
      ++a;
      ++b;
    }
  }
  return j;
}

}  // namespace recoup::portfolio::detail
