// Income and expenditure statements: monthly normalisation and disposable income.
#include "recoup/settle/affordability.hpp"

#include <sstream>

#include "recoup/core/error.hpp"

namespace recoup {

std::string_view to_string(ie_section s) noexcept {
  switch (s) {
    case ie_section::income: return "income";
    case ie_section::fixed_cost: return "fixed_cost";
    case ie_section::flexible_cost: return "flexible_cost";
    case ie_section::priority_debt: return "priority_debt";
  }
  return "?";
}

std::string_view to_string(pay_frequency f) noexcept {
  switch (f) {
    case pay_frequency::weekly: return "weekly";
    case pay_frequency::fortnightly: return "fortnightly";
    case pay_frequency::four_weekly: return "four_weekly";
    case pay_frequency::monthly: return "monthly";
    case pay_frequency::yearly: return "yearly";
  }
  return "?";
}

ie_section parse_ie_section(std::string_view name) {
  for (auto s : {ie_section::income, ie_section::fixed_cost, ie_section::flexible_cost, ie_section::priority_debt})
    if (name == to_string(s)) return s;
  throw invalid_input_error("affordability.section", "unknown section '" + std::string(name.substr(0, 40)) +
                                                         "': use income, fixed_cost, flexible_cost or priority_debt");
}

pay_frequency parse_pay_frequency(std::string_view name) {
  for (auto f : {pay_frequency::weekly, pay_frequency::fortnightly, pay_frequency::four_weekly, pay_frequency::monthly,
                 pay_frequency::yearly})
    if (name == to_string(f)) return f;
  throw invalid_input_error("affordability.frequency", "unknown frequency '" + std::string(name.substr(0, 40)) +
                                                           "': use weekly, fortnightly, four_weekly, monthly or yearly");
}

const std::vector<std::string_view>& ie_categories(ie_section s) {
  static const std::vector<std::string_view> income{"earnings", "self_employment", "benefits", "pension",
                                                    "maintenance_received", "other_income"};
  static const std::vector<std::string_view> fixed{"rent", "mortgage", "council_tax", "utilities", "water",
                                                   "insurance", "childcare", "travel_fixed", "phone_internet",
                                                   "tv_licence", "other_fixed"};
  static const std::vector<std::string_view> flexible{"food", "housekeeping", "clothing", "personal_care", "leisure",
                                                      "pets", "gifts", "travel_flexible", "other_flexible"};
  static const std::vector<std::string_view> priority{"mortgage_arrears", "rent_arrears", "council_tax_arrears",
                                                      "energy_arrears", "water_arrears", "court_fines",
                                                      "child_maintenance_arrears", "tax_arrears", "hire_purchase",
                                                      "tv_licence_arrears", "other_priority"};
  switch (s) {
    case ie_section::income: return income;
    case ie_section::fixed_cost: return fixed;
    case ie_section::flexible_cost: return flexible;
    case ie_section::priority_debt: return priority;
  }
  return income;
}

namespace {

struct ratio {
  std::int64_t num;
  std::int64_t den;
  const char* text;
};

ratio monthly_ratio(pay_frequency f) {
  switch (f) {
    case pay_frequency::weekly: return {52, 12, " × 52 / 12"};
    case pay_frequency::fortnightly: return {26, 12, " × 26 / 12"};
    case pay_frequency::four_weekly: return {13, 12, " × 13 / 12"};
    case pay_frequency::monthly: return {1, 1, " (monthly already)"};
    case pay_frequency::yearly: return {1, 12, " / 12"};
  }
  return {1, 1, ""};
}

}  // namespace

affordability_statement assess_affordability(std::span<const ie_item> items, currency ccy, rounding_mode rounding) {
  const money zero = money::zero(ccy);
  affordability_statement s{.ccy = ccy, .rounding = rounding, .lines = {}, .income = zero, .fixed_costs = zero,
                            .flexible_costs = zero, .priority_debts = zero, .outgoings = zero, .disposable = zero};
  const int places = ccy.minor_units();
  for (std::size_t i = 0; i < items.size(); ++i) {
    const ie_item& it = items[i];
    zero.require_same(it.amount, "add to the statement");
    const auto& cats = ie_categories(it.section);
    bool known = false;
    std::string list;
    for (auto c : cats) {
      known = known || c == it.category;
      list += (list.empty() ? "" : ", ") + std::string(c);
    }
    if (!known)
      throw invalid_input_error("affordability.category", "item " + std::to_string(i) + ": '" + it.category.substr(0, 40) +
                                                              "' is not a " + std::string(to_string(it.section)) +
                                                              " category; use one of " + list);
    if (it.amount.is_negative())
      throw invalid_input_error("affordability.amount", "item " + std::to_string(i) + " (" + it.category + "): the amount " +
                                                            it.amount.to_string() + " is negative");
    const ratio r = monthly_ratio(it.frequency);
    const detail::int128 num = static_cast<detail::int128>(it.amount.minor_units()) * r.num;
    const detail::int128 q = detail::round_quotient<detail::int128>(num, r.den, rounding);
    if (q > INT64_MAX) throw overflow_error("money.overflow", "item " + std::to_string(i) + " is beyond 64-bit minor units");
    const money monthly = money::from_minor(static_cast<std::int64_t>(q), ccy);
    std::string rule = it.amount.amount().to_string() + r.text;
    if (num % r.den == 0) {
      rule += " = " + monthly.amount().to_string() + " exactly";
    } else {
      rule += " = " + divide(decimal::from_parts(num, places), decimal(r.den), places + 4, rounding_mode::down).to_string() +
              "... -> " + monthly.amount().to_string() + " (rounded " + std::string(to_string(rounding)) + ")";
    }
    switch (it.section) {
      case ie_section::income: s.income += monthly; break;
      case ie_section::fixed_cost: s.fixed_costs += monthly; break;
      case ie_section::flexible_cost: s.flexible_costs += monthly; break;
      case ie_section::priority_debt: s.priority_debts += monthly; break;
    }
    s.lines.push_back({.item = it, .monthly = monthly, .rule = std::move(rule)});
  }
  s.outgoings = s.fixed_costs + s.flexible_costs + s.priority_debts;
  s.disposable = s.income - s.outgoings;
  s.no_disposable_income = !s.disposable.is_positive();
  return s;
}

std::string affordability_statement::explain() const {
  std::ostringstream o;
  o << "Income and expenditure (monthly, " << ccy.code() << "; each item normalised exactly, then rounded "
    << to_string(rounding) << " to the minor unit; totals are sums of the rounded lines)\n";
  for (const auto& l : lines) {
    o << "  " << to_string(l.item.section) << " / " << l.item.category;
    if (!l.item.label.empty()) o << " (" << l.item.label << ")";
    o << ": " << to_string(l.item.frequency) << " " << l.rule << "\n";
  }
  o << "  income " << income.to_string() << "; fixed costs " << fixed_costs.to_string() << "; flexible costs "
    << flexible_costs.to_string() << "; priority debts " << priority_debts.to_string() << "\n";
  o << "  disposable income = income - outgoings = " << income.to_string() << " - " << outgoings.to_string() << " = "
    << disposable.to_string() << "\n";
  if (no_disposable_income) o << "  flag: no disposable income: there is nothing to offer non-priority creditors\n";
  return o.str();
}

}  // namespace recoup
