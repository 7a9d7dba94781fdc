#pragma once
// recoup/settle/affordability.hpp — an income and expenditure statement and disposable income.
//
// In the spirit of the UK Standard Financial Statement: every item is in one section (income,
// fixed costs, flexible costs, priority debts) with a category from a documented set (see
// ie_categories) and a frequency. Each item is normalised to a monthly amount exactly and then
// rounded once to the minor unit with the named mode:
//
//   weekly × 52 / 12     fortnightly × 26 / 12     four_weekly × 13 / 12     monthly × 1     yearly / 12
//
// The section totals are sums of the rounded monthly lines (the statement adds up to the cent);
// disposable income = income − fixed costs − flexible costs − priority debts (monthly). A zero
// or negative disposable income is flagged, not refused.
//
//   std::vector<recoup::ie_item> items{
//       {.section = ie_section::income, .category = "earnings", .amount = money::parse("450.00 GBP"),
//        .frequency = pay_frequency::weekly}};
//   auto s = recoup::assess_affordability(items, currency("GBP"), rounding_mode::half_up);
//   s.disposable;   // 1950.00 GBP

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "recoup/core/currency.hpp"
#include "recoup/core/money.hpp"
#include "recoup/core/rounding.hpp"

namespace recoup {

enum class ie_section : unsigned char { income, fixed_cost, flexible_cost, priority_debt };
enum class pay_frequency : unsigned char { weekly, fortnightly, four_weekly, monthly, yearly };

/// "income", "fixed_cost", "flexible_cost", "priority_debt".
[[nodiscard]] std::string_view to_string(ie_section s) noexcept;
/// "weekly", "fortnightly", "four_weekly", "monthly", "yearly".
[[nodiscard]] std::string_view to_string(pay_frequency f) noexcept;
/// Throws invalid_input_error "affordability.section".
[[nodiscard]] ie_section parse_ie_section(std::string_view name);
/// Throws invalid_input_error "affordability.frequency".
[[nodiscard]] pay_frequency parse_pay_frequency(std::string_view name);
/// The categories a section accepts (for example income: earnings, benefits, pension, ...).
[[nodiscard]] const std::vector<std::string_view>& ie_categories(ie_section s);

/// One line of the statement as the debtor gives it.
struct ie_item {
  ie_section section = ie_section::income;
  std::string category;
  money amount;
  pay_frequency frequency = pay_frequency::monthly;
  std::string label{};
};

/// The item and its monthly equivalent.
struct ie_line {
  ie_item item;
  money monthly;
  std::string rule;  ///< "450.00 × 52 / 12 = 1950 exactly" or "... = 216.666… -> 216.67 (half_up)"
};

struct affordability_statement {
  currency ccy;
  rounding_mode rounding = rounding_mode::half_up;
  std::vector<ie_line> lines;
  money income;
  money fixed_costs;
  money flexible_costs;
  money priority_debts;
  money outgoings;   ///< fixed + flexible + priority
  money disposable;  ///< income − outgoings (monthly; may be negative)
  bool no_disposable_income = false;  ///< disposable <= 0

  [[nodiscard]] std::string explain() const;
};

/// Builds the statement. Errors: "affordability.category" (not in the section's set),
/// "affordability.amount" (negative), currency_mismatch_error (an item in another currency).
[[nodiscard]] affordability_statement assess_affordability(std::span<const ie_item> items, currency ccy,
                                                           rounding_mode rounding);

}  // namespace recoup
