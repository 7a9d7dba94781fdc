// recoup/portfolio/roll_rate.hpp — the roll-rate (transition) matrix between two snapshots.
//
// Two snapshots of a portfolio (account id and aging bucket at t0 and at t1) are matched by
// account id. counts[i][j] is the number of accounts in bucket i at t0 and bucket j at t1;
// accounts only at t0 are "closed" (paid off, settled, written off, sold: gone from the book)
// and accounts only at t1 are "new". The rate of i -> j is counts[i][j] over all accounts in
// bucket i at t0 (closed ones included), so a row of rates plus its closed rate is exactly 1.
// With balances, the same matrix is weighted by the t0 balance (new accounts by their t1
// balance), in minor units of one currency.
//
//   auto m = recoup::portfolio::roll_rates({ids0, buckets0}, {ids1, buckets1}, 6);
//   m.count(1, 2);   // accounts that rolled from 1-30 to 31-60
//   m.rate(1, 2);    // the same as an exact ratio of accounts in 1-30 at t0
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "recoup/core/decimal.hpp"
#include "recoup/core/error.hpp"
#include "recoup/portfolio/detail/join.hpp"
#include "recoup/portfolio/ratio.hpp"

namespace recoup::portfolio {

/// One snapshot: account ids (unique), bucket index per account, optional balance (minor units).
struct roll_rate_snapshot {
  std::span<const std::int64_t> account_id;
  std::span<const std::int64_t> bucket;
  std::span<const std::int64_t> balance = {};  ///< empty: no balance-weighted figures
};

struct roll_rate_matrix {
  std::size_t buckets = 0;
  std::vector<std::int64_t> counts;           ///< buckets × buckets, row-major [t0 bucket][t1 bucket]
  std::vector<std::int64_t> balances;         ///< the same weighted by t0 balance; empty without (zeros when t0 is empty)
  std::vector<std::int64_t> closed_counts;    ///< per t0 bucket: accounts absent at t1
  std::vector<std::int64_t> closed_balances;  ///< their t0 balances; empty without
  std::vector<std::int64_t> new_counts;       ///< per t1 bucket: accounts absent at t0
  std::vector<std::int64_t> new_balances;     ///< their t1 balances; empty without

  [[nodiscard]] std::int64_t count(std::size_t from, std::size_t to) const { return counts.at(from * buckets + to); }
  /// Accounts in bucket `from` at t0 (those still open at t1 plus those closed).
  [[nodiscard]] std::int64_t accounts_t0(std::size_t from) const {
    std::int64_t s = closed_counts.at(from);
    for (std::size_t j = 0; j < buckets; ++j) s += count(from, j);
    return s;
  }
  /// counts[from][to] / accounts_t0(from); undefined (denominator 0) for an empty t0 bucket.
  [[nodiscard]] ratio rate(std::size_t from, std::size_t to) const { return {count(from, to), accounts_t0(from)}; }
  /// closed_counts[from] / accounts_t0(from).
  [[nodiscard]] ratio closed_rate(std::size_t from) const { return {closed_counts.at(from), accounts_t0(from)}; }
};

namespace detail {

inline void check_bucket(std::int64_t b, std::size_t buckets, const char* column, std::size_t row) {
  if (b < 0 || static_cast<std::uint64_t>(b) >= buckets)
    throw invalid_input_error("portfolio.bucket_range", std::string(column) + " row " + std::to_string(row) +
                                                            ": bucket " + std::to_string(b) + " is outside 0.." +
                                                            std::to_string(buckets - 1));
}

inline std::int64_t checked_total(recoup::detail::int128 v, const char* what) {
  if (v > INT64_MAX || v < INT64_MIN)
    throw overflow_error("portfolio.balance_overflow", std::string(what) + " (" + recoup::detail::to_string(v) +
                                                           " minor units) is beyond 64 bits");
  return static_cast<std::int64_t>(v);
}

}  // namespace detail

/// The roll-rate matrix of `t1` against `t0` over `buckets` buckets. Throws invalid_input_error
/// for a bucket outside 0..buckets-1 ("portfolio.bucket_range"), an id listed twice in one
/// snapshot ("portfolio.duplicate_account") or columns of different lengths ("columns.length");
/// overflow_error "portfolio.balance_overflow" for a cell beyond 64-bit minor units.
[[nodiscard]] inline roll_rate_matrix roll_rates(const roll_rate_snapshot& t0, const roll_rate_snapshot& t1,
                                                 std::size_t buckets) {
  if (buckets == 0 || buckets > 65)
    throw invalid_input_error("portfolio.bucket_range", "a roll-rate matrix needs 1..65 buckets, not " +
                                                            std::to_string(buckets));
  auto same_length = [](const roll_rate_snapshot& s, const char* name) {
    if (s.bucket.size() != s.account_id.size() || (!s.balance.empty() && s.balance.size() != s.account_id.size()))
      throw invalid_input_error("columns.length", std::string(name) + ": account_id, bucket and balance columns have " +
                                                      std::to_string(s.account_id.size()) + ", " +
                                                      std::to_string(s.bucket.size()) + " and " +
                                                      std::to_string(s.balance.size()) + " rows");
  };
  same_length(t0, "t0");
  same_length(t1, "t1");
  for (std::size_t i = 0; i < t0.bucket.size(); ++i) detail::check_bucket(t0.bucket[i], buckets, "bucket_t0", i);
  for (std::size_t i = 0; i < t1.bucket.size(); ++i) detail::check_bucket(t1.bucket[i], buckets, "bucket_t1", i);
  const auto j = detail::join_by_id(t0.account_id, t1.account_id, "account_id_t0", "account_id_t1");

  using recoup::detail::int128;
  // An empty snapshot has all-zero balance figures whether or not a balance column came with it.
  const bool bal0 = !t0.balance.empty() || t0.account_id.empty();
  const bool bal1 = !t1.balance.empty() || t1.account_id.empty();
  roll_rate_matrix m;
  m.buckets = buckets;
  m.counts.assign(buckets * buckets, 0);
  m.closed_counts.assign(buckets, 0);
  m.new_counts.assign(buckets, 0);
  std::vector<int128> cell(bal0 ? buckets * buckets : 0), closed(bal0 ? buckets : 0), fresh(bal1 ? buckets : 0);
  for (std::size_t i = 0; i < t0.account_id.size(); ++i) {
    const auto from = static_cast<std::size_t>(t0.bucket[i]);
    if (j.match0[i] < 0) {
      ++m.closed_counts[from];
      if (bal0) closed[from] += t0.balance[i];
    } else {
      const auto to = static_cast<std::size_t>(t1.bucket[static_cast<std::size_t>(j.match0[i])]);
      ++m.counts[from * buckets + to];
      if (bal0) cell[from * buckets + to] += t0.balance[i];
    }
  }
  for (std::size_t i = 0; i < t1.account_id.size(); ++i) {
    if (j.matched1[i]) continue;
    const auto to = static_cast<std::size_t>(t1.bucket[i]);
    ++m.new_counts[to];
    if (bal1) fresh[to] += t1.balance[i];
  }
  for (const auto v : cell) m.balances.push_back(detail::checked_total(v, "a roll-rate balance"));
  for (const auto v : closed) m.closed_balances.push_back(detail::checked_total(v, "a closed balance"));
  for (const auto v : fresh) m.new_balances.push_back(detail::checked_total(v, "a new balance"));
  return m;
}

}  // namespace recoup::portfolio
