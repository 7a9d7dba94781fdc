// recoup/portfolio/aging.hpp — days past due and aged-debt buckets, scalar and columnar.
//
// Days past due (DPD) are counted from the contractual due date of the oldest unpaid
// instalment: an instalment due on day D and still unpaid at the end of day D+1 is 1 day past
// due; on day D itself, and when nothing is unpaid, the account is current (0). Dates are day
// serials (days since 1970-01-01, as civil_date and numpy datetime64[D]); `no_date` (INT64_MIN,
// numpy's NaT) means "no unpaid instalment".
//
// Buckets are defined by strictly increasing, non-negative edges e0 < e1 < ... < e(k-1): bucket 0
// holds DPD <= e0, bucket i holds e(i-1) < DPD <= e(i), bucket k holds DPD > e(k-1). The usual
// edges {0, 30, 60, 90, 120} give "current", "1-30", "31-60", "61-90", "91-120", "120+".
//
// Per-row errors follow recoup/core/columns.hpp: with `errors` null the first bad row throws
// (message prefixed "row N: "); otherwise bad rows are recorded, their output set to 0 (DPD) or
// -1 (bucket index), and they are left out of counts and balances.
//
//   recoup::aging_edges edges;                             // 0, 30, 60, 90, 120
//   edges.bucket_of(45);                                   // 2 ("31-60")
//   auto s = recoup::portfolio::age(days, edges, balances); // counts and balances per bucket
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "recoup/core/columns.hpp"
#include "recoup/core/error.hpp"
#include "recoup/time/civil_date.hpp"

namespace recoup {

/// The day serial that stands for "no date" (numpy's NaT viewed as int64).
inline constexpr std::int64_t no_date = INT64_MIN;

/// Validated bucket edges in days past due: strictly increasing, non-negative, 1..64 of them.
class aging_edges {
 public:
  static constexpr std::size_t max_edges = 64;

  /// The common collections buckets: current, 1-30, 31-60, 61-90, 91-120, 120+.
  aging_edges() : edges_{0, 30, 60, 90, 120} {}

  /// Custom edges; throws invalid_input_error "portfolio.edges" naming the offending edge.
  explicit aging_edges(std::span<const std::int64_t> edges) : edges_(edges.begin(), edges.end()) { validate(); }
  aging_edges(std::initializer_list<std::int64_t> edges) : edges_(edges) { validate(); }

  /// Number of buckets (one more than the number of edges).
  [[nodiscard]] std::size_t buckets() const noexcept { return edges_.size() + 1; }
  [[nodiscard]] std::span<const std::int64_t> edges() const noexcept { return edges_; }

  /// The bucket of a non-negative DPD (no check: see bucket_of_checked).
  [[nodiscard]] std::size_t bucket_of(std::int64_t dpd) const noexcept {
    if (edges_.size() <= 8) {
      std::size_t b = 0;
      for (const std::int64_t e : edges_) b += static_cast<std::size_t>(dpd > e);
      return b;
    }
    return static_cast<std::size_t>(std::lower_bound(edges_.begin(), edges_.end(), dpd) - edges_.begin());
  }

  /// The bucket of `dpd`; throws invalid_input_error "portfolio.negative_days" when it is negative.
  [[nodiscard]] std::size_t bucket_of_checked(std::int64_t dpd) const {
    if (dpd < 0) negative_days(dpd);
    return bucket_of(dpd);
  }

  /// "current" for DPD <= 0, "a-b" for a middle bucket, "e+" for the last; with a first edge
  /// above 0 the first bucket is "0-e0".
  [[nodiscard]] std::string label(std::size_t bucket) const {
    if (bucket >= buckets())
      throw invalid_input_error("portfolio.bucket_range", "bucket " + std::to_string(bucket) + " is outside 0.." +
                                                              std::to_string(buckets() - 1));
    if (bucket == 0) return edges_[0] == 0 ? std::string("current") : "0-" + std::to_string(edges_[0]);
    if (bucket == edges_.size()) return std::to_string(edges_.back()) + "+";
    return std::to_string(edges_[bucket - 1] + 1) + "-" + std::to_string(edges_[bucket]);
  }

  [[noreturn, gnu::cold]] static void negative_days(std::int64_t dpd) {
    throw invalid_input_error("portfolio.negative_days",
                              "days past due " + std::to_string(dpd) + " is negative (current is 0)");
  }

 private:
  void validate() const {
    if (edges_.empty() || edges_.size() > max_edges)
      throw invalid_input_error("portfolio.edges", "aging needs 1.." + std::to_string(max_edges) + " bucket edges, not " +
                                                       std::to_string(edges_.size()));
    for (std::size_t i = 0; i < edges_.size(); ++i) {
      if (edges_[i] < 0)
        throw invalid_input_error("portfolio.edges", "edge " + std::to_string(i) + " (" + std::to_string(edges_[i]) +
                                                         ") is negative: edges are days past due");
      if (i > 0 && edges_[i] <= edges_[i - 1])
        throw invalid_input_error("portfolio.edges", "edges must be strictly increasing: edge " + std::to_string(i) +
                                                         " (" + std::to_string(edges_[i]) + ") follows " +
                                                         std::to_string(edges_[i - 1]));
    }
  }

  std::vector<std::int64_t> edges_;
};

namespace portfolio {

namespace detail {

[[noreturn, gnu::cold]] inline void serial_out_of_range(const char* column, std::int64_t serial) {
  throw invalid_input_error("portfolio.date_range", std::string(column) + ": day serial " + std::to_string(serial) +
                                                        " is outside 0001-01-01..9999-12-31");
}

inline void check_serial(const char* column, std::int64_t serial) {
  if (serial < civil_date::min_serial || serial > civil_date::max_serial) serial_out_of_range(column, serial);
}

}  // namespace detail

/// DPD of one account: as_of - oldest_unpaid_due when positive, else 0; 0 with no unpaid
/// instalment (`no_date`). Throws "portfolio.as_of_missing" for a missing as-of date and
/// "portfolio.date_range" for a serial outside 0001..9999.
[[nodiscard]] inline std::int64_t days_past_due(std::int64_t oldest_unpaid_due, std::int64_t as_of) {
  if (as_of == no_date) throw invalid_input_error("portfolio.as_of_missing", "as_of: the as-of date is missing (NaT)");
  detail::check_serial("as_of", as_of);
  if (oldest_unpaid_due == no_date) return 0;
  detail::check_serial("oldest_unpaid_due", oldest_unpaid_due);
  return std::max<std::int64_t>(0, as_of - oldest_unpaid_due);
}

/// The same over civil dates; std::nullopt is "no unpaid instalment".
[[nodiscard]] inline std::int64_t days_past_due(std::optional<civil_date> oldest_unpaid_due, civil_date as_of) {
  return oldest_unpaid_due ? std::max<std::int64_t>(0, as_of.serial() - oldest_unpaid_due->serial()) : 0;
}

/// DPD per row. `as_of` has one element (for every row) or one per row. Bad rows get 0.
inline void days_past_due(std::span<const std::int64_t> oldest_unpaid_due, std::span<const std::int64_t> as_of,
                          std::span<std::int64_t> out, row_errors* errors = nullptr) {
  const std::size_t n = oldest_unpaid_due.size();
  if (as_of.size() != 1 && as_of.size() != n)
    throw invalid_input_error("columns.length", "as_of has " + std::to_string(as_of.size()) +
                                                    " rows; expected 1 or " + std::to_string(n) +
                                                    " (the length of oldest_unpaid_due)");
  if (out.size() != n) throw invalid_input_error("columns.shape", "output and input lengths differ");
  const bool one = as_of.size() == 1;
  if (one) (void)days_past_due(no_date, as_of[0]);  // a bad scalar as-of is not a row error
  ::recoup::detail::for_each_row(n, errors, [&](std::size_t i) {
    out[i] = 0;
    out[i] = days_past_due(oldest_unpaid_due[i], one ? as_of[0] : as_of[i]);
  });
}

/// Bucket index per row (-1 for a bad row, e.g. a negative DPD).
inline void bucket_of(std::span<const std::int64_t> dpd, const aging_edges& edges, std::span<std::int32_t> out,
                      row_errors* errors = nullptr) {
  if (out.size() != dpd.size()) throw invalid_input_error("columns.shape", "output and input lengths differ");
  ::recoup::detail::for_each_row(dpd.size(), errors, [&](std::size_t i) {
    out[i] = -1;
    out[i] = static_cast<std::int32_t>(edges.bucket_of_checked(dpd[i]));
  });
}

/// Counts and (when amounts were given) balances per bucket, in minor units of one currency.
struct aging_summary {
  std::vector<std::int64_t> counts;    ///< accounts per bucket; sums to the rows aged
  std::vector<std::int64_t> balances;  ///< minor units per bucket; empty without amounts
  std::int64_t rows_aged = 0;          ///< rows counted (all rows unless errors were collected)
};

/// Ages a portfolio: counts (and balances) per bucket of `dpd`. Balances are summed in 128
/// bits; a bucket total beyond int64 throws overflow_error "portfolio.balance_overflow".
/// A negative DPD is a row error ("portfolio.negative_days"); collected bad rows are left out.
/// No allocation per row; one pass over the columns.
inline aging_summary age(std::span<const std::int64_t> dpd, const aging_edges& edges,
                         std::span<const std::int64_t> amounts = {}, row_errors* errors = nullptr) {
  const bool with_amounts = !amounts.empty();
  if (with_amounts && amounts.size() != dpd.size())
    throw invalid_input_error("columns.length", "amounts has " + std::to_string(amounts.size()) + " rows; dpd has " +
                                                    std::to_string(dpd.size()));
  const std::size_t k = edges.buckets();
  std::array<std::int64_t, aging_edges::max_edges + 1> counts{};
  std::array<recoup::detail::int128, aging_edges::max_edges + 1> sums{};
  const std::size_t n = dpd.size();
  std::size_t i = 0;
  // Hot loop without per-row try: leaves at the first negative DPD, which the slow path below
  // handles row by row.
  if (with_amounts) {
    for (; i < n; ++i) {
      const std::int64_t d = dpd[i];
      if (d < 0) break;
      const std::size_t b = edges.bucket_of(d);
      ++counts[b];
      sums[b] += amounts[i];
    }
  } else {
    for (; i < n; ++i) {
      const std::int64_t d = dpd[i];
      if (d < 0) break;
      ++counts[edges.bucket_of(d)];
    }
  }
  for (; i < n; ++i) {  // slow path: the rest of the rows, one error at a time
    const std::int64_t d = dpd[i];
    if (d < 0) {
      try {
        aging_edges::negative_days(d);
      } catch (const error& e) {
        if (errors == nullptr) ::recoup::detail::rethrow_for_row(e, i);
        errors->push_back({i, e.kind(), e.id(), e.what()});
      }
      continue;
    }
    const std::size_t b = edges.bucket_of(d);
    ++counts[b];
    if (with_amounts) sums[b] += amounts[i];
  }
  aging_summary s;
  s.counts.assign(counts.begin(), counts.begin() + static_cast<std::ptrdiff_t>(k));
  for (const auto c : s.counts) s.rows_aged += c;
  if (with_amounts) {
    s.balances.resize(k);
    for (std::size_t b = 0; b < k; ++b) {
      if (sums[b] > INT64_MAX || sums[b] < INT64_MIN)
        throw overflow_error("portfolio.balance_overflow", "the balance of bucket " + edges.label(b) + " (" +
                                                               recoup::detail::to_string(sums[b]) +
                                                               " minor units) is beyond 64 bits");
      s.balances[b] = static_cast<std::int64_t>(sums[b]);
    }
  }
  return s;
}

}  // namespace portfolio
}  // namespace recoup
