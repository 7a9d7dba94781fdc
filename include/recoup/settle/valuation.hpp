#pragma once
// recoup/settle/valuation.hpp — what an offer is worth: NPV and expected net recovery.
//
// With v = 1 / (1 + r) (r the discount rate per period of the offer), survival(t) from a
// break_model, and the offer's payments a_t at periods t:
//
//   npv              = Σ a_t v^t                                   (no breaking, no costs)
//   expected_gross   = Σ a_t survival(t) v^t
//   commission       = commission × expected_gross
//   contact_costs    = per_contact × (setup_contacts + contacts_per_payment × Σ survival(t) v^t)
//   legal            = legal costs (now)
//   expected_net     = expected_gross − commission − contact_costs − legal
//
// Every sum is computed as an exact fraction; each of npv, expected_gross, commission and
// contact_costs is then rounded once to the minor unit with the named mode, and expected_net is
// the difference of the rounded figures, so the statement adds up to the cent. Comparisons
// (the optimiser, break-even) use the exact values. At r = 0 with no breaking, npv is the total.
//
//   auto v = recoup::value_offer(offer, decimal("0.01"), break_model::constant_hazard(decimal("0.05")),
//                                costs, rounding_mode::half_even);
//   v.expected_net; std::cout << v.explain();

#include <string>
#include <vector>

#include "recoup/core/decimal.hpp"
#include "recoup/core/money.hpp"
#include "recoup/core/rounding.hpp"
#include "recoup/plan/periodic_rate.hpp"
#include "recoup/settle/break_model.hpp"
#include "recoup/settle/collection_costs.hpp"
#include "recoup/settle/offer.hpp"

namespace recoup {

/// An offer's value under a discount rate, a break model and collection costs.
struct offer_valuation {
  settlement_offer offer;
  decimal discount_rate;
  break_model model;
  collection_costs costs;
  rounding_mode rounding = rounding_mode::half_even;
  money npv;
  money expected_gross;
  money commission;
  money contact_costs;
  money legal;
  money expected_net;
  decimal expected_contacts;       ///< undiscounted, rounded half_even to 6 places
  decimal completion_probability;  ///< survival at the last payment, rounded half_even to 12 places
  std::vector<std::string> steps{};

  /// Plain-English lines: inputs, each formula with its figures, and the rule of each rounding.
  [[nodiscard]] std::string explain() const;
};

/// Values `offer`. `discount_rate` is per period of the offer (0.01 a month), >= 0. Errors:
/// "settle.discount_rate", "settle.survival_too_short" (the curve ends before the last payment),
/// and those of validate(collection_costs).
[[nodiscard]] offer_valuation value_offer(const settlement_offer& offer, const decimal& discount_rate,
                                          const break_model& model, const collection_costs& costs,
                                          rounding_mode rounding);

/// As above with a rate that names its period: throws invalid_input_error "rate.frequency"
/// unless it is per period of the offer's payments (a lump sum, paid now, takes any rate).
[[nodiscard]] offer_valuation value_offer(const settlement_offer& offer, const periodic_rate& discount_rate,
                                          const break_model& model, const collection_costs& costs,
                                          rounding_mode rounding);

/// The offer's npv alone (no breaking, no costs), rounded with `rounding`.
[[nodiscard]] money offer_npv(const settlement_offer& offer, const decimal& discount_rate, rounding_mode rounding);

}  // namespace recoup
