// recoup/rules/garnishment.hpp — how much of a pay period's earnings an ordinary judgment creditor
// may garnish in the US: the federal CCPA Title III limit and the state limits that protect more.
//
// The federal limit (15 U.S.C. 1673(a); 29 CFR 870.10) is the lesser of 25% of disposable
// earnings and the excess of disposable earnings over 30 times the federal minimum hourly wage
// (60 / 65 / 130 times for biweekly / semimonthly / monthly pay). A state may protect more (New
// York 10% of gross, California 20% / 40% over 48x the state minimum wage, ...) or forbid wage
// garnishment for consumer debts (Texas, Pennsylvania, ...). Every figure comes from the rule
// book (data/rules/us-garnishment.toml) as of the date the earnings are payable; the smaller
// figure binds, and the verdict names both and the rules used.
//
//   using namespace recoup;
//   auto v = rules::garnishment_limit("US", money::parse("500.00 USD"), rules::pay_period::weekly,
//                                     civil_date::parse("2026-01-09"));
//   v.amount;       // 125.00 USD: 25% of 500.00 (the excess over 217.50 is 282.50)
//   v.explain();    // the steps, then each rule with its citation and certainty
//
// Rounding: each figure is rounded down (toward zero) to the cent, in the debtor's favour; the
// protected floor (minimum wage x multiple) is rounded up to the cent, also in the debtor's favour.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "recoup/core/columns.hpp"
#include "recoup/core/money.hpp"
#include "recoup/rules/rule_book.hpp"
#include "recoup/rules/verdict.hpp"
#include "recoup/time/civil_date.hpp"

namespace recoup::rules {

/// How often the debtor is paid (29 CFR 870.10(c)).
enum class pay_period : std::uint8_t { weekly, biweekly, semimonthly, monthly };

/// "weekly", "biweekly", "semimonthly", "monthly".
std::string_view to_string(pay_period p) noexcept;

/// Parses a pay period name. Accepts the four names (and "bi-weekly", "semi-monthly", "fortnightly"
/// as spellings of the same periods); anything else throws invalid_input_error
/// ("garnishment.pay_period") listing the valid names.
pay_period parse_pay_period(std::string_view name);

/// Facts about the debtor that some states' limits depend on.
struct garnishment_options {
  bool head_of_family = false;   ///< Florida s222.11: provides more than half the support of a dependant
  bool written_consent = false;  ///< Florida: the head of family agreed in writing (then above 750 USD a week the CCPA limit applies)
  std::optional<money> local_minimum_hourly{};  ///< a higher local minimum wage where the debtor works (CA, CO)
  std::string wage_region{};  ///< a regional state minimum wage: "nyc_li_westchester" (New York)
};

/// The answer of garnishment_limit: the most an ordinary judgment creditor may garnish this pay
/// period, the federal and state figures it came from, and the rules used.
struct garnishment_verdict : verdict {
  money amount = money::zero(currency("USD"));           ///< the maximum garnishable, >= 0, rounded down to the cent
  money federal_amount = money::zero(currency("USD"));   ///< the federal (CCPA) figure
  std::optional<money> state_amount{};                   ///< the state figure (none when no state rule applies)
  std::string binding{};              ///< "federal", "state" or "both" (equal): which limit sets amount
  std::string jurisdiction{};         ///< "US" or "US-XX" as asked
  pay_period period = pay_period::weekly;
  money disposable_earnings = money::zero(currency("USD"));
  std::optional<money> gross_earnings{};
  money federal_floor = money::zero(currency("USD"));    ///< the protected federal floor (30x minimum wage ...)
  std::optional<money> state_floor{};                    ///< the state's protected floor, when its formula has one
  rounding_mode rounding = rounding_mode::down;          ///< how each figure was rounded to the cent
};

/// The maximum an ordinary (non-support, non-tax, non-bankruptcy) judgment creditor may garnish
/// from one pay period's earnings, as of the date they are payable.
///
/// `jurisdiction` is "US" (federal limit alone) or "US-XX" (the federal limit and the state's, the
/// smaller binding; a state without a rule in the book, or without one in force on `as_of`, gets
/// the federal limit alone and the verdict says so). `disposable_earnings` are earnings after the
/// deductions required by law; `gross_earnings` is needed by states whose limit is a share of
/// gross pay (NY, IL, MA) and must not be less than disposable earnings. Amounts are USD.
///
/// Errors: invalid_input_error "garnishment.negative_earnings", "garnishment.gross_required"
/// (a state needs gross earnings and none was given), "garnishment.gross_below_disposable";
/// currency_mismatch_error "garnishment.currency"; unknown_jurisdiction_error
/// "garnishment.jurisdiction" (not "US" or a US state code) and the rule book's
/// "rules.not_in_force" (e.g. no minimum wage in the book for `as_of`); rule_pack_error
/// "garnishment.state_rule" (a state rule the check does not understand).
[[nodiscard]] garnishment_verdict garnishment_limit(std::string_view jurisdiction, const money& disposable_earnings,
                                                    pay_period period, civil_date as_of,
                                                    const std::optional<money>& gross_earnings = std::nullopt,
                                                    const garnishment_options& options = {},
                                                    const rule_book& book = rule_book::defaults());

/// In garnishment_columns::gross_minor: no gross earnings known for this row.
inline constexpr std::int64_t no_gross = INT64_MIN;

/// Columns of a portfolio for garnishment_limits: one row per debtor, amounts in USD cents.
struct garnishment_columns {
  std::span<const std::int64_t> disposable_minor;   ///< disposable earnings, cents
  std::span<const std::string> jurisdictions{};     ///< one per row, or empty: every row `default_jurisdiction`
  std::span<const std::int64_t> gross_minor{};      ///< gross earnings, cents (no_gross: none), or empty (none)
};

/// The batch form of garnishment_limit: writes the maximum garnishable (cents) of each row to
/// `out` and, when `federal_out` / `state_out` are not empty, the federal and state figures
/// (state: -1 where no state rule applies). One pay period, date and options for the batch; the
/// rules of each jurisdiction are resolved once. Rows fail alone when `errors` is given (their
/// outputs are 0); otherwise the first bad row throws with "row N: " in front. Column lengths must
/// agree: invalid_input_error "garnishment.batch_shape".
void garnishment_limits(const garnishment_columns& columns, std::string_view default_jurisdiction, pay_period period,
                        civil_date as_of, std::span<std::int64_t> out, row_errors* errors = nullptr,
                        const garnishment_options& options = {}, const rule_book& book = rule_book::defaults(),
                        std::span<std::int64_t> federal_out = {}, std::span<std::int64_t> state_out = {});

}  // namespace recoup::rules
