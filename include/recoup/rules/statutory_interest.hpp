// recoup/rules/statutory_interest.hpp — interest and fixed sums the law adds to a late debt:
// UK Late Payment Act interest and compensation, the EU Late Payment Directive, judgment interest
// (England and Wales 8% simple; US federal 28 U.S.C. 1961, daily and compounded annually), the
// reference-rate tables they use, and the SCRA ceiling as an accrual rate_ceiling.
//
// Every rate and sum comes from the rule book (data/rules/statutory-interest.toml and
// reference-rates.toml) as of the relevant date, and each answer is a verdict naming the rules.
// Interest is daily simple interest on 365 days (recoup::accrue, ACT/365F), summed exactly and
// rounded once with the mode the caller names.
//
//   using namespace recoup;
//   auto v = rules::late_payment_interest(money::parse("10000.00 GBP"), civil_date::parse("2024-01-31"),
//                                         civil_date::parse("2024-03-01"), rounding_mode::half_up);
//   v.amount;            // 108.90 GBP: 10,000 x (5.25% + 8%) x 30 / 365
//   rules::late_payment_compensation(money::parse("10000.00 GBP"), civil_date::parse("2024-03-01")).amount;  // 100.00 GBP
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "recoup/core/decimal.hpp"
#include "recoup/core/money.hpp"
#include "recoup/core/rounding.hpp"
#include "recoup/plan/accrual.hpp"
#include "recoup/rules/rule_book.hpp"
#include "recoup/rules/verdict.hpp"
#include "recoup/time/civil_date.hpp"

namespace recoup::rules {

/// The fixed sum a creditor may add to a late commercial debt.
struct compensation_verdict : verdict {
  money amount = money::zero(currency("GBP"));  ///< the fixed sum (exact: no rounding)
  money debt = money::zero(currency("GBP"));    ///< the debt it was banded on
  std::string jurisdiction{};                   ///< "GB", "EU" or a member state
};

/// Interest the law adds to a late debt or a judgment, with how it was found.
struct statutory_interest_verdict : verdict {
  money amount = money::zero(currency("GBP"));     ///< the interest, rounded once with `rounding`
  money principal = money::zero(currency("GBP"));  ///< the debt it ran on
  civil_date from{};                 ///< the relevant (due) date or judgment date: interest runs from the next day
  civil_date to{};                   ///< the day paid (included)
  std::int64_t days = 0;             ///< to - from
  decimal annual_rate{};             ///< the rate applied, percent a year (the first, if it changed)
  std::optional<decimal> reference_rate{};     ///< the reference rate used (percent), when there is one
  std::optional<civil_date> reference_date{};  ///< the day the reference rate was read
  std::string jurisdiction{};
  std::string exact{};               ///< the exact interest before rounding, "numerator/denominator" in currency units
  rounding_mode rounding = rounding_mode::half_up;
  std::vector<accrual_segment> segments{};  ///< the accrual segments (dates, balance, rate, exact interest) behind amount
};

/// A reference rate on a date, with the table version it came from.
struct reference_rate_verdict : verdict {
  decimal rate{};           ///< percent a year ("5.25")
  std::string name{};       ///< "reference_rate.boe_bank_rate"
  civil_date on{};          ///< the date asked
  civil_date effective_from{};  ///< when that rate took effect
};

/// The fixed compensation for one late commercial debt in force on `as_of` (the day statutory
/// interest starts to run): for "GB" 40 / 70 / 100 GBP for a debt under 1,000 / under 10,000 /
/// 10,000 GBP or more (Late Payment Act s5A); for "EU" or a member state code 40 EUR (Directive
/// 2011/7/EU Art. 6). Errors: invalid_input_error "interest.negative_amount";
/// currency_mismatch_error "interest.currency" (a debt not in the sum's currency);
/// unknown_jurisdiction_error "interest.jurisdiction" and the rule book's "rules.not_in_force".
[[nodiscard]] compensation_verdict late_payment_compensation(const money& debt, civil_date as_of,
                                                             std::string_view jurisdiction = "GB",
                                                             const rule_book& book = rule_book::defaults());

/// Statutory interest on a late commercial debt due on `due_date` and paid on `paid_on`: daily
/// simple interest on 365 days for each day after the due date up to and including the day of
/// payment (paid_on - due_date days), rounded once with `rounding`.
///
/// "GB": Bank Rate in force on the 30 June or 31 December immediately before interest starts,
/// plus 8 points, fixed for the debt. "EU" (or a member state without its own rule): the ECB main
/// refinancing rate in force on 1 January / 1 July of each half-year in which interest runs, plus
/// 8 points. Errors: invalid_input_error "interest.dates" (paid before due),
/// "interest.negative_amount"; unknown_jurisdiction_error "interest.jurisdiction" and the rule
/// book's "rules.not_in_force" (a reference rate the book does not cover); currency_mismatch_error.
[[nodiscard]] statutory_interest_verdict late_payment_interest(const money& debt, civil_date due_date, civil_date paid_on,
                                                               rounding_mode rounding,
                                                               std::string_view jurisdiction = "GB",
                                                               const rule_book& book = rule_book::defaults());

/// Interest on a judgment debt entered on `entered_on` and paid on `paid_on`.
///
/// "GB-EAW": simple interest at the statutory rate (8%, Judgments Act 1838 s17) for
/// paid_on - entered_on days on 365, rounded once with `rounding`. "US": 28 U.S.C. 1961 — the
/// caller gives `rate_percent` (the weekly 1-year CMT yield for the week before judgment); interest
/// is daily (rate / 365) and compounded annually: each year's interest is rounded with `rounding`
/// on the anniversary of entry and added to the balance. Errors: invalid_input_error
/// "interest.rate" (US without a rate, a negative rate, a rate given where the law fixes it),
/// "interest.dates", "interest.negative_amount"; unknown_jurisdiction_error "interest.jurisdiction".
[[nodiscard]] statutory_interest_verdict judgment_interest(const money& amount, civil_date entered_on, civil_date paid_on,
                                                           rounding_mode rounding,
                                                           std::string_view jurisdiction = "GB-EAW",
                                                           const std::optional<decimal>& rate_percent = std::nullopt,
                                                           const rule_book& book = rule_book::defaults());

/// The reference rate `name` ("boe_bank_rate", "ecb_main_refinancing", or the full rule id
/// "reference_rate.boe_bank_rate") in force on `on`. Errors: unknown_jurisdiction_error
/// "reference_rate.unknown" (no such table) and the rule book's "rules.not_in_force".
[[nodiscard]] reference_rate_verdict reference_rate(std::string_view name, civil_date on,
                                                    const rule_book& book = rule_book::defaults());

/// The SCRA ceiling (50 U.S.C. 3937: 6% a year) for military service from `service_from` until
/// `service_until` (exclusive), as a rate_ceiling for recoup::accrue; the rate is the
/// scra.interest_cap rule in force on `service_from`.
[[nodiscard]] rate_ceiling scra_ceiling(civil_date service_from, civil_date service_until,
                                        const rule_book& book = rule_book::defaults());

}  // namespace recoup::rules
