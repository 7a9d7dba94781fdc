// recoup/portfolio/liquidation.hpp — liquidation (cumulative collection) curves by cohort.
//
// A cohort is the calendar month of placement. For cohort c and month m = 0, 1, ... (m = 0 is
// the placement month itself, m = 1 the next calendar month, and so on, by calendar month of
// the payment date), the curve is the cumulative amount collected from the cohort's accounts up
// to and including month m, over the balance placed. Cells run up to the month of `as_of`: a
// younger cohort has fewer observed months, never a flat line standing in for months not yet seen.
//
// Money is minor units of one currency; sums are 128-bit and a total beyond int64 throws
// overflow_error "portfolio.balance_overflow". The rate of a cell is an exact ratio.
//
// Errors: account rows must be valid (unique ids, dates in range and on or before as_of,
// placed balance >= 0), else the call throws naming column and row. Payment rows that fail
// (unknown account, before placement, after as_of, bad date) throw with "row N: ", or with a
// row_errors* are recorded and left out of the curves.
//
//   auto t = recoup::portfolio::liquidation_curves({ids, placed_on, placed}, {pay_ids, paid_on, paid}, as_of);
//   t.rate(0, 3);   // cohort 0, cumulative collections to the end of month 3 / placed
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include <date/date.h>

#include "recoup/core/columns.hpp"
#include "recoup/core/error.hpp"
#include "recoup/portfolio/aging.hpp"
#include "recoup/portfolio/detail/join.hpp"
#include "recoup/portfolio/ratio.hpp"
#include "recoup/portfolio/roll_rate.hpp"

namespace recoup::portfolio {

struct liquidation_accounts {
  std::span<const std::int64_t> account_id;      ///< unique
  std::span<const std::int64_t> placement_date;  ///< day serials
  std::span<const std::int64_t> placed_minor;    ///< balance placed, >= 0
};

struct liquidation_payments {
  std::span<const std::int64_t> account_id;    ///< an id of liquidation_accounts
  std::span<const std::int64_t> payment_date;  ///< day serials
  std::span<const std::int64_t> amount_minor;  ///< negative for a reversal
};

struct liquidation_table {
  std::vector<std::int64_t> cohort;      ///< placement month: months since 1970-01 (0 = 1970-01), ascending
  std::vector<std::int64_t> accounts;    ///< accounts placed per cohort
  std::vector<std::int64_t> placed;      ///< balance placed per cohort
  std::vector<std::int64_t> offsets;     ///< cohort c owns cells offsets[c] .. offsets[c+1]-1 (months 0..)
  std::vector<std::int64_t> collected;   ///< per cell: collected in that month
  std::vector<std::int64_t> cumulative;  ///< per cell: collected up to and including that month

  [[nodiscard]] std::size_t months(std::size_t c) const {
    return static_cast<std::size_t>(offsets.at(c + 1) - offsets.at(c));
  }
  /// Cumulative collected to month m over placed; denominator 0 for a cohort placed at 0.
  [[nodiscard]] ratio rate(std::size_t c, std::size_t m) const {
    if (m >= months(c))
      throw invalid_input_error("portfolio.month_range", "cohort " + std::to_string(c) + " has months 0.." +
                                                             std::to_string(months(c) - 1) + ", not " +
                                                             std::to_string(m));
    return {cumulative[static_cast<std::size_t>(offsets[c]) + m], placed[c]};
  }
};

namespace detail {

/// Months since 1970-01 of a day serial.
inline std::int64_t month_index(std::int64_t serial) {
  const date::year_month_day ymd{date::sys_days{date::days{serial}}};
  return (static_cast<std::int64_t>(static_cast<int>(ymd.year())) - 1970) * 12 +
         static_cast<std::int64_t>(static_cast<unsigned>(ymd.month())) - 1;
}

}  // namespace detail

/// Liquidation curves of every placement-month cohort, observed to the month of `as_of`.
[[nodiscard]] inline liquidation_table liquidation_curves(const liquidation_accounts& acc,
                                                          const liquidation_payments& pay, std::int64_t as_of,
                                                          row_errors* payment_errors = nullptr) {
  using recoup::detail::int128;
  const std::size_t n = acc.account_id.size();
  if (acc.placement_date.size() != n || acc.placed_minor.size() != n)
    throw invalid_input_error("columns.length", "account_id, placement_date and placed have " + std::to_string(n) +
                                                    ", " + std::to_string(acc.placement_date.size()) + " and " +
                                                    std::to_string(acc.placed_minor.size()) + " rows");
  const std::size_t p = pay.account_id.size();
  if (pay.payment_date.size() != p || pay.amount_minor.size() != p)
    throw invalid_input_error("columns.length", "payment_account_id, payment_date and amount have " +
                                                    std::to_string(p) + ", " + std::to_string(pay.payment_date.size()) +
                                                    " and " + std::to_string(pay.amount_minor.size()) + " rows");
  (void)days_past_due(no_date, as_of);  // checks as_of
  const std::int64_t last_month = detail::month_index(as_of);

  // Accounts: validate, find each one's cohort month.
  std::vector<std::int64_t> account_month(n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::int64_t d = acc.placement_date[i];
    const std::string where = " row " + std::to_string(i);
    if (d == no_date)
      throw invalid_input_error("portfolio.date_missing", "placement_date" + where + ": the date is missing (NaT)");
    detail::check_serial("placement_date", d);
    if (d > as_of)
      throw invalid_input_error("portfolio.after_as_of",
                                "placement_date" + where + ": the account is placed after the as-of date");
    if (acc.placed_minor[i] < 0)
      throw invalid_input_error("portfolio.negative_amount", "placed" + where + ": placed balance " +
                                                                 std::to_string(acc.placed_minor[i]) + " is negative");
    account_month[i] = detail::month_index(d);
  }
  std::vector<std::int64_t> months = account_month;
  std::sort(months.begin(), months.end());
  months.erase(std::unique(months.begin(), months.end()), months.end());

  liquidation_table t;
  const std::size_t cohorts = months.size();
  t.cohort = months;
  t.accounts.assign(cohorts, 0);
  t.offsets.assign(cohorts + 1, 0);
  for (std::size_t c = 0; c < cohorts; ++c) t.offsets[c + 1] = t.offsets[c] + (last_month - months[c] + 1);
  auto cohort_of = [&](std::int64_t month) {
    return static_cast<std::size_t>(std::lower_bound(months.begin(), months.end(), month) - months.begin());
  };
  std::vector<std::size_t> account_cohort(n);
  std::vector<int128> placed(cohorts, 0);
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t c = cohort_of(account_month[i]);
    account_cohort[i] = c;
    ++t.accounts[c];
    placed[c] += acc.placed_minor[i];
  }
  for (const auto v : placed) t.placed.push_back(detail::checked_total(v, "a cohort's placed balance"));

  // Payments: find the account by id, check the dates, add to the cell.
  const auto order = detail::sorted_order(acc.account_id, "account_id");
  std::vector<int128> cells(static_cast<std::size_t>(t.offsets.back()), 0);
  ::recoup::detail::for_each_row(p, payment_errors, [&](std::size_t k) {
    const std::int64_t id = pay.account_id[k];
    const auto it = std::lower_bound(order.begin(), order.end(), id, [&](std::int64_t row, std::int64_t v) {
      return acc.account_id[static_cast<std::size_t>(row)] < v;
    });
    if (it == order.end() || acc.account_id[static_cast<std::size_t>(*it)] != id)
      throw invalid_input_error("portfolio.unknown_account",
                                "payment_account_id: account " + std::to_string(id) + " is not among the accounts");
    const auto a = static_cast<std::size_t>(*it);
    const std::int64_t d = pay.payment_date[k];
    if (d == no_date) throw invalid_input_error("portfolio.date_missing", "payment_date: the date is missing (NaT)");
    detail::check_serial("payment_date", d);
    if (d < acc.placement_date[a])
      throw invalid_input_error("portfolio.payment_before_placement",
                                "payment_date: the payment to account " + std::to_string(id) +
                                    " is dated before the account was placed");
    if (d > as_of)
      throw invalid_input_error("portfolio.after_as_of", "payment_date: the payment is dated after the as-of date");
    const std::size_t c = account_cohort[a];
    const std::int64_t m = detail::month_index(d) - account_month[a];
    cells[static_cast<std::size_t>(t.offsets[c] + m)] += pay.amount_minor[k];
  });
  t.collected.reserve(cells.size());
  t.cumulative.reserve(cells.size());
  for (std::size_t c = 0; c < cohorts; ++c) {
    int128 running = 0;
    for (auto k = static_cast<std::size_t>(t.offsets[c]); k < static_cast<std::size_t>(t.offsets[c + 1]); ++k) {
      running += cells[k];
      t.collected.push_back(detail::checked_total(cells[k], "a month's collections"));
      t.cumulative.push_back(detail::checked_total(running, "a cohort's cumulative collections"));
    }
  }
  return t;
}

}  // namespace recoup::portfolio
