// recoup/core/payment_application.hpp — applying one payment across a list of amounts due.
//
// The building blocks of payment waterfalls (recoup/plan builds the waterfalls on them):
//
//   apply_in_order   fills each due in turn (oldest first, or costs before interest before
//                    principal: the order of the list is the order of priority)
//   apply_pro_rata   shares the payment across the dues in proportion to their size, never
//                    more than a due; leftover cents go by remainder_policy
//
// Both conserve the payment exactly: sum(applied) + unapplied == payment.
//
//   auto r = recoup::apply_in_order(recoup::money::parse("150.00 GBP"),
//                                   {money::parse("100.00 GBP"), money::parse("80.00 GBP")});
//   // r.applied = {100.00, 50.00}, r.unapplied = 0.00
#pragma once

#include "recoup/core/allocation.hpp"
#include "recoup/core/money.hpp"

#include <span>
#include <string>
#include <vector>

namespace recoup {

/// How a payment was spread over the dues, plus what was left over.
struct payment_application {
  std::vector<money> applied;  ///< applied[i] goes to dues[i]; 0 <= applied[i] <= dues[i]
  money unapplied;             ///< the part of the payment that exceeded every due
};

namespace detail {
inline void check_payment_inputs(const money& payment, std::span<const money> dues) {
  if (payment.is_negative())
    throw invalid_input_error("payment.negative", "payment " + payment.to_string() + " is negative");
  for (std::size_t i = 0; i < dues.size(); ++i) {
    payment.require_same(dues[i], "apply a payment to");
    if (dues[i].is_negative())
      throw invalid_input_error("payment.negative_due", "due " + std::to_string(i) + " (" + dues[i].to_string() +
                                                            ") is negative");
  }
}
}  // namespace detail

/// Fills dues[0], then dues[1], ... until the payment runs out.
inline payment_application apply_in_order(const money& payment, std::span<const money> dues) {
  detail::check_payment_inputs(payment, dues);
  payment_application r{{}, payment};
  r.applied.reserve(dues.size());
  for (const money& due : dues) {
    const money take = due < r.unapplied ? due : r.unapplied;
    r.applied.push_back(take);
    r.unapplied -= take;
  }
  return r;
}
inline payment_application apply_in_order(const money& payment, std::initializer_list<money> dues) {
  return apply_in_order(payment, std::span<const money>(dues.begin(), dues.size()));
}

/// Shares the payment across the dues in proportion to their amounts. If the payment covers
/// them all, each due is paid in full and the rest is unapplied.
inline payment_application apply_pro_rata(const money& payment, std::span<const money> dues,
                                          remainder_policy policy = remainder_policy::largest_remainder) {
  detail::check_payment_inputs(payment, dues);
  money total = money::zero(payment.currency());
  for (const money& d : dues) total += d;
  if (total <= payment || dues.empty()) return {std::vector<money>(dues.begin(), dues.end()), payment - total};
  std::vector<decimal> weights;
  weights.reserve(dues.size());
  for (const money& d : dues) weights.emplace_back(d.minor_units());
  // Each share floor(P*d/T) + at most one unit stays <= d because P < T.
  return {payment.allocate(allocation_ratios(weights), policy), money::zero(payment.currency())};
}
inline payment_application apply_pro_rata(const money& payment, std::initializer_list<money> dues,
                                          remainder_policy policy = remainder_policy::largest_remainder) {
  return apply_pro_rata(payment, std::span<const money>(dues.begin(), dues.size()), policy);
}

}  // namespace recoup
