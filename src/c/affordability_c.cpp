// The C ABI for affordability: an income and expenditure statement normalised to monthly figures
// (recoup::assess_affordability) and a debt management plan sharing the disposable income among
// creditors without losing a minor unit (recoup::debt_management_plan).
#include "c_entry.hpp"

using namespace recoup::c_abi;

extern "C" {

recoup_status recoup_affordability_assess(const char* currency, size_t count, const char* const* sections,
                                          const char* const* categories, const int64_t* amounts_minor,
                                          const char* const* frequencies, const char* rounding,
                                          recoup_affordability_result* out, int64_t* monthly_out, char* explanation,
                                          size_t explanation_size, size_t* required) {
  return entry([&] {
    auto& o = require(out, "out");
    check_struct_size(o.struct_size, RECOUP_C_FIELD_END(recoup_affordability_result, no_disposable_income),
                      "recoup_affordability_result");
    const recoup::currency c(require_text(currency, "currency"));
    const auto sec = require_array(sections, count, "sections");
    const auto cat = require_array(categories, count, "categories");
    const auto amt = require_array(amounts_minor, count, "amounts_minor");
    std::vector<recoup::ie_item> items;
    items.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
      recoup::ie_item it{.section = recoup::parse_ie_section(require_text(sec[i], "sections[i]")),
                         .category = require_text(cat[i], "categories[i]"),
                         .amount = recoup::money::from_minor(amt[i], c)};
      if (frequencies != nullptr)
        it.frequency = recoup::parse_pay_frequency(require_text(frequencies[i], "frequencies[i]"));
      items.push_back(std::move(it));
    }
    const auto s = recoup::assess_affordability(items, c,
                                                recoup::parse_rounding_mode(rounding == nullptr ? "half_up" : rounding));
    o.income_minor = s.income.minor_units();
    o.fixed_costs_minor = s.fixed_costs.minor_units();
    o.flexible_costs_minor = s.flexible_costs.minor_units();
    o.priority_debts_minor = s.priority_debts.minor_units();
    o.outgoings_minor = s.outgoings.minor_units();
    o.disposable_minor = s.disposable.minor_units();
    o.no_disposable_income = s.no_disposable_income ? 1 : 0;
    if (monthly_out != nullptr)
      for (std::size_t i = 0; i < s.lines.size(); ++i) monthly_out[i] = s.lines[i].monthly.minor_units();
    if (explanation == nullptr && required == nullptr) return RECOUP_STATUS_OK;
    return write_text(s.explain(), explanation, explanation_size, required);
  });
}

recoup_status recoup_affordability_dmp(const char* currency, int64_t disposable_minor, size_t count,
                                       const char* const* names, const int64_t* balances_minor, int64_t max_months,
                                       const char* remainder, recoup_dmp_result* out, int64_t* payments_out,
                                       int64_t* months_out, char* explanation, size_t explanation_size,
                                       size_t* required) {
  return entry([&] {
    auto& o = require(out, "out");
    check_struct_size(o.struct_size, RECOUP_C_FIELD_END(recoup_dmp_result, too_long), "recoup_dmp_result");
    const recoup::currency c(require_text(currency, "currency"));
    const auto bal = require_array(balances_minor, count, "balances_minor");
    std::vector<recoup::dmp_creditor> creditors;
    creditors.reserve(count);
    for (std::size_t i = 0; i < count; ++i)
      creditors.push_back({names == nullptr ? "creditor " + std::to_string(i + 1) : require_text(names[i], "names[i]"),
                           recoup::money::from_minor(bal[i], c)});
    recoup::dmp_options options;
    if (max_months != 0) options.max_months = max_months;
    if (remainder != nullptr) options.remainder = recoup::parse_remainder_policy(remainder);
    const auto r = recoup::debt_management_plan(recoup::money::from_minor(disposable_minor, c), creditors, options);
    o.distributed_minor = r.distributed.minor_units();
    o.undistributed_minor = r.undistributed.minor_units();
    o.months = r.months ? *r.months : -1;
    o.no_disposable_income = r.no_disposable_income ? 1 : 0;
    o.too_long = r.too_long ? 1 : 0;
    for (std::size_t i = 0; i < r.shares.size(); ++i) {
      if (payments_out != nullptr) payments_out[i] = r.shares[i].payment.minor_units();
      if (months_out != nullptr) months_out[i] = r.shares[i].months ? *r.shares[i].months : -1;
    }
    if (explanation == nullptr && required == nullptr) return RECOUP_STATUS_OK;
    return write_text(r.explain(), explanation, explanation_size, required);
  });
}

}  // extern "C"
