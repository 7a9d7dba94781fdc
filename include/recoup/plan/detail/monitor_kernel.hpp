#pragma once
// recoup::detail::monitor_kernel — the one kernel behind monitor() and monitor_plans(): minor
// units and day serials in, a summary and per-instalment scratch out, no allocation once warm.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "recoup/core/money.hpp"
#include "recoup/plan/monitor.hpp"

namespace recoup::detail {

/// A policy reduced to minor units of one currency (validated once per call).
struct monitor_params {
  std::int64_t grace = 0;
  std::int64_t tol_abs = 0;
  int128 frac_coef = 0;      ///< tolerance fraction = frac_coef / frac_unit
  int128 frac_unit = 1;
  std::int64_t n_missed = 0;
  bool consecutive = false;
  std::int64_t arrears_at_least = -1;  ///< -1 = off
  std::int64_t k_instalments = 0;
  bool cure = true;
  bool roll_forward = true;
};

/// Validates `p` for currency `c` and reduces it to minor units ("monitor.policy", "monitor.currency").
monitor_params make_monitor_params(const monitor_policy& p, const currency& c);

/// Per-instalment working state, reused across plans.
struct monitor_scratch {
  std::vector<std::int64_t> remaining, tol, applied, prefix_due;
  std::vector<std::int32_t> settled, last_paid;
  std::vector<std::uint32_t> order;
};

/// Sentinels of monitor_scratch::settled: never settled, or settled with nothing to pay.
inline constexpr std::int32_t not_settled = INT32_MIN;
inline constexpr std::int32_t settled_without_payment = INT32_MIN + 1;

struct monitor_summary {
  monitor_code status = monitor_code::failed;
  std::int64_t arrears = 0, dpd = 0, paid = 0, applied = 0, outstanding = 0, total_due = 0;
  std::int64_t missed = 0, consecutive = 0, after_as_of = 0;
  std::int32_t broken_on = not_settled, cured_on = not_settled;
  const char* broken_rule = "";
  std::size_t checked = 0;  ///< instalments whose grace ended before as_of
};

/// Monitors one plan. `events` (may be null) receives misses, breaks and cures with their
/// reasons; `c` only formats amounts in those reasons.
void monitor_kernel(std::span<const std::int32_t> due, std::span<const std::int64_t> amount,
                    std::span<const std::int32_t> pay_date, std::span<const std::int64_t> pay_amount, std::int32_t as_of,
                    const monitor_params& p, monitor_scratch& s, monitor_summary& out, std::vector<monitor_event>* events,
                    const currency& c);

}  // namespace recoup::detail
