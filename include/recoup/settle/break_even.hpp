#pragma once
// recoup/settle/break_even.hpp — the lump sum worth as much as a plan's expected net recovery.
//
// A lump sum of f × balance paid now nets f × balance × (1 − commission) − per_contact ×
// (setup_contacts + contacts_per_payment) − legal. Setting that equal to the plan's exact
// expected net value E gives
//
//   f = (E + per_contact × (setup_contacts + contacts_per_payment) + legal) / (balance × (1 − commission))
//
// f is rounded up (ceiling) to `places` so that a lump sum at f is never worth less than the
// plan; the break-even discount is 1 − f; the lump sum is balance × f rounded up to the minor
// unit. A plan worth more than the whole balance gives f > 1 (no discount pays); f is reported
// as computed, never clamped.
//
//   auto b = recoup::break_even_discount(plan, decimal("0.01"), model, costs, 4);
//   b.discount;   // e.g. 0.1834: any lump sum at less than 18.34% off beats the plan

#include <string>
#include <vector>

#include "recoup/core/decimal.hpp"
#include "recoup/core/money.hpp"
#include "recoup/settle/valuation.hpp"

namespace recoup {

struct break_even_result {
  offer_valuation plan;  ///< the plan's valuation (rounded with half_even)
  decimal fraction;      ///< f: the share of the balance a lump sum must pay (ceiling, `places`)
  decimal discount;      ///< 1 − f
  money lump_sum;        ///< balance × f, rounded up to the minor unit
  std::vector<std::string> steps{};

  [[nodiscard]] std::string explain() const;
};

/// The break-even lump-sum fraction for `plan`. `places` is 0..12. Errors: those of
/// value_offer, "settle.places".
[[nodiscard]] break_even_result break_even_discount(const settlement_offer& plan, const decimal& discount_rate,
                                                    const break_model& model, const collection_costs& costs,
                                                    int places = 4);

}  // namespace recoup
