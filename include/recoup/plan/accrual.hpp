#pragma once
// recoup::accrue — daily simple interest on an outstanding principal, exact until it is posted.
//
// The period [from, to) is cut at every date where something changes: a new contractual rate,
// the start or end of a freeze (a breathing-space moratorium, a hardship freeze), a rate ceiling
// (the SCRA 6% cap while in military service), a principal movement. Each segment accrues
//
//     balance × min(rate, ceiling) × year_fraction(a, b)        (0 while frozen)
//
// as an exact rational under the chosen day count. The segments are summed exactly and rounded
// once, at posting, with the named mode. For actual-day conventions (ACT/360, ACT/365F,
// ACT/ACT ISDA) accrual over [a, c) equals accrual over [a, b) plus [b, c) before rounding.
//
// late_fee() prices a late-payment fee: a flat amount and/or a percentage of the instalment,
// after grace days, capped, and nothing while fees are frozen.

#include <optional>
#include <string>
#include <vector>

#include "recoup/core/decimal.hpp"
#include "recoup/core/money.hpp"
#include "recoup/core/rounding.hpp"
#include "recoup/time/civil_date.hpp"
#include "recoup/time/day_count.hpp"

namespace recoup {

/// The contractual annual rate (fraction) from `effective` onwards.
struct rate_period {
  civil_date effective;
  decimal annual_rate;
};

/// No interest (and, when `fees` is set, no fees) on days in [from, until).
struct accrual_freeze {
  civil_date from;
  civil_date until;
  std::string reason;  ///< e.g. "Debt Respite Scheme breathing space (SI 2020/1311 reg 7)"
  bool fees = true;
};

/// The annual rate may not exceed `max_rate` on days in [from, until).
struct rate_ceiling {
  civil_date from;
  civil_date until;
  decimal max_rate;
  std::string reason;  ///< e.g. "SCRA 50 U.S.C. 3937: 6% during military service"
};

/// A change of the outstanding principal taking effect on `date` (+ an advance, - a repayment).
struct principal_change {
  civil_date date;
  money delta;
};

struct accrual_terms {
  std::vector<rate_period> rates;  ///< ordered by effective date; the first on or before `from`
  day_count_convention day_count = day_count_convention::act_365_fixed;
  std::vector<accrual_freeze> freezes{};
  std::vector<rate_ceiling> ceilings{};
  rounding_mode posting_rounding = rounding_mode::half_up;
};

struct accrual_segment {
  civil_date from;
  civil_date to;
  money balance;
  decimal rate;            ///< the rate applied (after any ceiling; 0 when frozen)
  day_count_fraction year_fraction;
  decimal interest;        ///< exact where it terminates, else to 18 places (half_even), for display
  std::string note;        ///< "frozen: ...", "ceiling: ..." or empty
};

struct accrual_result {
  money interest;          ///< the posted amount: the exact total rounded once
  std::string exact;       ///< the exact total in currency units, as "numerator/denominator"
  std::vector<accrual_segment> segments;
  rounding_mode rounding;

  [[nodiscard]] std::string explain() const;
};

/// Interest on `principal` from `from` (inclusive) to `to` (exclusive) under `terms`, with
/// principal movements. Errors (invalid_input_error): "accrual.dates" (to before from, a
/// change outside the period), "accrual.rates" (no rate in force at `from`, rates out of
/// order, a negative rate), "accrual.freeze" (a freeze or ceiling that ends before it
/// starts), "accrual.balance" (a balance that goes negative); currency_mismatch_error.
[[nodiscard]] accrual_result accrue(const money& principal, civil_date from, civil_date to, const accrual_terms& terms,
                                    const std::vector<principal_change>& changes = {});

/// A late-payment fee rule.
struct late_fee_rule {
  std::int64_t grace_days = 0;                ///< no fee while days late <= grace
  std::optional<money> flat{};                ///< a fixed fee
  std::optional<decimal> percent_of_instalment{};  ///< a fraction of the late instalment (0.05 = 5%)
  std::optional<money> cap{};                 ///< the most one fee may be
  rounding_mode rounding = rounding_mode::half_up;
  std::string citation{};                     ///< the contract term or rule that allows the fee
};

/// The fee for `instalment` paid `days_late` days after its due date, charged on `charged_on`
/// (nothing when a freeze with `fees` covers that day). Errors: "late_fee.rule" (no flat or
/// percentage part, or a negative part), currency_mismatch_error.
[[nodiscard]] money late_fee(const money& instalment, std::int64_t days_late, const late_fee_rule& rule,
                             civil_date charged_on, const std::vector<accrual_freeze>& freezes = {});

}  // namespace recoup
