// Pro-rata distribution of disposable income among non-priority creditors.
#include "recoup/settle/debt_management_plan.hpp"

#include <sstream>

#include "recoup/core/error.hpp"

namespace recoup {

dmp_result debt_management_plan(const money& disposable, std::span<const dmp_creditor> creditors,
                                 const dmp_options& options) {
  if (creditors.empty()) throw invalid_input_error("affordability.creditors", "no creditors to share the payment");
  if (options.max_months <= 0)
    throw invalid_input_error("affordability.max_months", "max_months " + std::to_string(options.max_months) +
                                                              " must be positive");
  std::vector<decimal> ratios;
  for (std::size_t i = 0; i < creditors.size(); ++i) {
    disposable.require_same(creditors[i].balance, "share");
    if (!creditors[i].balance.is_positive())
      throw invalid_input_error("affordability.creditors", "creditor " + std::to_string(i) + " ('" +
                                                               creditors[i].name + "'): the balance " +
                                                               creditors[i].balance.to_string() + " must be positive");
    ratios.push_back(decimal(creditors[i].balance.minor_units()));
  }
  const money zero = money::zero(disposable.currency());
  dmp_result r{.disposable = disposable, .shares = {}, .distributed = zero, .undistributed = zero,
               .max_months = options.max_months, .remainder = options.remainder};
  if (!disposable.is_positive()) {
    r.no_disposable_income = true;
    r.undistributed = disposable;
    for (const auto& c : creditors) r.shares.push_back({.name = c.name, .balance = c.balance, .payment = zero});
    return r;
  }
  const auto parts = disposable.allocate(allocation_ratios(ratios), options.remainder);
  bool all_paid = true;
  std::int64_t longest = 0;
  for (std::size_t i = 0; i < creditors.size(); ++i) {
    const auto& c = creditors[i];
    money pay = parts[i] < c.balance ? parts[i] : c.balance;
    dmp_share sh{.name = c.name, .balance = c.balance, .payment = pay};
    if (pay.is_positive()) {
      const std::int64_t months = (c.balance.minor_units() + pay.minor_units() - 1) / pay.minor_units();
      sh.months = months;
      if (months > longest) longest = months;
    } else {
      all_paid = false;
    }
    r.distributed += pay;
    r.shares.push_back(std::move(sh));
  }
  r.undistributed = disposable - r.distributed;
  if (all_paid) r.months = longest;
  r.too_long = !all_paid || longest > options.max_months;
  return r;
}

std::string dmp_result::explain() const {
  std::ostringstream o;
  o << "Debt management plan: " << disposable.to_string() << " a month shared pro rata to balances (allocation, "
    << "remainder " << to_string(remainder) << ": no minor unit lost)\n";
  for (const auto& s : shares) {
    o << "  " << s.name << ": balance " << s.balance.to_string() << ", pays " << s.payment.to_string() << " a month";
    if (s.months) o << ", ceil(balance / payment) = " << *s.months << " months";
    else o << ", never repaid at this rate";
    o << "\n";
  }
  o << "  distributed " << distributed.to_string() << ", undistributed " << undistributed.to_string()
    << " (shares above a creditor's whole balance are capped)\n";
  if (no_disposable_income) o << "  flag: no disposable income: no plan is possible\n";
  if (months) o << "  plan length: " << *months << " months\n";
  if (too_long)
    o << "  flag: the plan runs longer than " << max_months << " months (a policy threshold, not a rule)\n";
  return o.str();
}

}  // namespace recoup
