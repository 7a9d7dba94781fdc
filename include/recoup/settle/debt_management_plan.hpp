#pragma once
// recoup/settle/debt_management_plan.hpp — sharing disposable income among non-priority creditors.
//
// The monthly disposable income is split pro rata to the creditors' balances with the library's
// allocation (money::allocate with the balances as ratios, remainder by `remainder`), so not one
// minor unit is lost: Σ payments + undistributed = disposable. A share above a creditor's whole
// balance is capped at the balance and the excess is left undistributed. Each creditor's plan
// length is ceil(balance / payment) months; the plan's length is the longest of them.
//
// Flags: no_disposable_income (disposable <= 0: nothing to distribute, no plan length);
// too_long (a plan longer than max_months). The default of 84 months (seven years) is a policy
// choice of this library, not a rule of any regulator: pass your own.
//
//   std::vector<recoup::dmp_creditor> c{{"Card A", money::parse("3000.00 GBP")},
//                                       {"Loan B", money::parse("1000.00 GBP")}};
//   auto p = recoup::debt_management_plan(money::parse("100.00 GBP"), c);   // 75.00 and 25.00

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "recoup/core/allocation.hpp"
#include "recoup/core/money.hpp"

namespace recoup {

struct dmp_creditor {
  std::string name;
  money balance;
};

struct dmp_options {
  std::int64_t max_months = 84;  ///< a policy choice, not a rule
  remainder_policy remainder = remainder_policy::largest_remainder;
};

struct dmp_share {
  std::string name;
  money balance;
  money payment;                        ///< monthly
  std::optional<std::int64_t> months{};  ///< ceil(balance / payment); none when payment is zero
};

struct dmp_result {
  money disposable;
  std::vector<dmp_share> shares;
  money distributed;
  money undistributed;
  std::optional<std::int64_t> months{};  ///< the longest creditor plan; none when one gets nothing
  std::int64_t max_months = 84;
  bool no_disposable_income = false;
  bool too_long = false;
  remainder_policy remainder = remainder_policy::largest_remainder;

  [[nodiscard]] std::string explain() const;
};

/// Errors: "affordability.creditors" (no creditors, or a balance that is not positive),
/// "affordability.max_months" (not positive), currency_mismatch_error.
[[nodiscard]] dmp_result debt_management_plan(const money& disposable, std::span<const dmp_creditor> creditors,
                                              const dmp_options& options = {});

}  // namespace recoup
