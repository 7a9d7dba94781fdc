// recoup/portfolio/portfolio_rates.hpp — recovery, cure and promise-kept rates over columns.
//
// Each rate is an exact ratio of integer totals (recoup/portfolio/ratio.hpp), rounded only when
// the caller asks. Bad input throws invalid_input_error naming the column and the row: these are
// aggregates, and a rate over silently dropped rows would be a different rate.
//
//   auto r = recoup::portfolio::recovery_rate(collected_minor, placed_minor);
//   r.to_decimal(4, recoup::rounding_mode::half_even);  // e.g. 0.2375
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "recoup/core/columns.hpp"
#include "recoup/core/error.hpp"
#include "recoup/portfolio/aging.hpp"
#include "recoup/portfolio/detail/join.hpp"
#include "recoup/portfolio/ratio.hpp"

namespace recoup::portfolio {

/// Recovery rate: total collected / total placed, in minor units of one currency. The columns
/// may differ in length (payments and accounts); a negative placed balance is an error
/// ("portfolio.negative_amount"); totals beyond int64 throw "columns.sum_overflow".
[[nodiscard]] inline ratio recovery_rate(std::span<const std::int64_t> collected_minor,
                                         std::span<const std::int64_t> placed_minor) {
  for (std::size_t i = 0; i < placed_minor.size(); ++i)
    if (placed_minor[i] < 0)
      throw invalid_input_error("portfolio.negative_amount", "placed row " + std::to_string(i) + ": placed balance " +
                                                                 std::to_string(placed_minor[i]) + " is negative");
  return {columns::sum(collected_minor), columns::sum(placed_minor)};
}

/// The cure rate between two snapshots, with its parts.
struct cure_result {
  ratio rate;                   ///< cured / (in_arrears_t0 - closed)
  std::int64_t in_arrears_t0 = 0;  ///< accounts with DPD > 0 at t0
  std::int64_t cured = 0;          ///< of those, accounts present at t1 with DPD 0
  std::int64_t closed = 0;         ///< of those, accounts absent at t1 (left out of the rate)
};

/// Cure rate: the share of accounts in arrears at t0 (DPD > 0) that are current (DPD 0) at t1.
/// Accounts are matched by id; accounts in arrears at t0 that are gone at t1 are counted in
/// `closed` and left out of the denominator (two snapshots cannot say whether they were paid
/// off or written off). Negative DPD: "portfolio.negative_days" with the column and row.
[[nodiscard]] inline cure_result cure_rate(std::span<const std::int64_t> id_t0, std::span<const std::int64_t> dpd_t0,
                                           std::span<const std::int64_t> id_t1, std::span<const std::int64_t> dpd_t1) {
  auto check = [](std::span<const std::int64_t> ids, std::span<const std::int64_t> dpd, const char* name) {
    if (ids.size() != dpd.size())
      throw invalid_input_error("columns.length", std::string(name) + ": " + std::to_string(ids.size()) +
                                                      " account ids but " + std::to_string(dpd.size()) +
                                                      " days past due");
    for (std::size_t i = 0; i < dpd.size(); ++i)
      if (dpd[i] < 0)
        throw invalid_input_error("portfolio.negative_days", std::string(name) + " row " + std::to_string(i) +
                                                                 ": days past due " + std::to_string(dpd[i]) +
                                                                 " is negative (current is 0)");
  };
  check(id_t0, dpd_t0, "dpd_t0");
  check(id_t1, dpd_t1, "dpd_t1");
  const auto j = detail::join_by_id(id_t0, id_t1, "account_id_t0", "account_id_t1");
  cure_result r;
  for (std::size_t i = 0; i < id_t0.size(); ++i) {
    if (dpd_t0[i] == 0) continue;
    ++r.in_arrears_t0;
    if (j.match0[i] < 0)
      ++r.closed;
    else if (dpd_t1[static_cast<std::size_t>(j.match0[i])] == 0)
      ++r.cured;
  }
  r.rate = {r.cured, r.in_arrears_t0 - r.closed};
  return r;
}

/// The promise-kept rate as of a date, with its parts.
struct promise_kept_result {
  ratio rate;                    ///< kept / due
  std::int64_t due = 0;          ///< promises whose date is on or before as_of
  std::int64_t kept = 0;         ///< of those, paid within tolerance
  std::int64_t not_yet_due = 0;  ///< promises dated after as_of (left out)
};

/// Promise-kept rate: of the promises to pay due on or before `as_of`, the share kept, a promise
/// being kept when paid_minor >= promised_minor - tolerance_minor (what was paid towards it by
/// its date, as the caller's plan monitoring measured it). Dates are day serials; a missing
/// date is "portfolio.date_missing", a promised amount <= 0 "portfolio.non_positive_promise",
/// a negative tolerance "portfolio.negative_amount".
[[nodiscard]] inline promise_kept_result promise_kept_rate(std::span<const std::int64_t> promise_date,
                                                           std::span<const std::int64_t> promised_minor,
                                                           std::span<const std::int64_t> paid_minor,
                                                           std::int64_t as_of, std::int64_t tolerance_minor = 0) {
  const std::size_t n = promise_date.size();
  if (promised_minor.size() != n || paid_minor.size() != n)
    throw invalid_input_error("columns.length", "promise_date, promised and paid have " + std::to_string(n) + ", " +
                                                    std::to_string(promised_minor.size()) + " and " +
                                                    std::to_string(paid_minor.size()) + " rows");
  if (tolerance_minor < 0)
    throw invalid_input_error("portfolio.negative_amount",
                              "tolerance " + std::to_string(tolerance_minor) + " minor units is negative");
  (void)days_past_due(no_date, as_of);  // checks as_of
  promise_kept_result r;
  for (std::size_t i = 0; i < n; ++i) {
    if (promise_date[i] == no_date)
      throw invalid_input_error("portfolio.date_missing", "promise_date row " + std::to_string(i) +
                                                              ": the promise date is missing (NaT)");
    detail::check_serial("promise_date", promise_date[i]);
    if (promised_minor[i] <= 0)
      throw invalid_input_error("portfolio.non_positive_promise", "promised row " + std::to_string(i) + ": " +
                                                                      std::to_string(promised_minor[i]) +
                                                                      " minor units is not a positive promise");
    if (promise_date[i] > as_of) {
      ++r.not_yet_due;
      continue;
    }
    ++r.due;
    // promised - tolerance cannot overflow: promised > 0 and tolerance >= 0.
    if (paid_minor[i] >= promised_minor[i] - tolerance_minor) ++r.kept;
  }
  r.rate = {r.kept, r.due};
  return r;
}

}  // namespace recoup::portfolio
