// Internal: the exact valuation kernel shared by valuation, break-even, sensitivity and the
// optimiser. Every sum is an exact fraction of minor units (detail::rational).
#pragma once

#include <string>

#include "recoup/plan/detail/high_precision.hpp"
#include "recoup/settle/break_model.hpp"
#include "recoup/settle/collection_costs.hpp"
#include "recoup/settle/offer.hpp"

namespace recoup::settle_detail {

using detail::big_int;
using detail::rational;

/// The exact sums behind one valuation.
struct exact_sums {
  rational npv;            ///< Σ a_t v^t (minor units)
  rational gross;          ///< Σ a_t S(t) v^t (minor units)
  rational survival_pv;    ///< Σ S(t) v^t over payments (a count)
  rational survival_sum;   ///< Σ S(t) over payments (a count, undiscounted)
  rational completion;     ///< S(last period)
};

/// Validates the rate and the model against the offer and computes the sums.
exact_sums compute_sums(const settlement_offer& offer, const decimal& rate, const break_model& model);

/// expected net = gross (1 − c) − per_contact (setup + per_payment × survival_pv) − legal, exact.
rational exact_net(const exact_sums& s, const collection_costs& costs);

/// Rounds an exact amount of minor units to money with `mode`.
money to_money(const rational& minor, currency c, rounding_mode mode, const char* what);

/// The text of an exact fraction as a decimal with up to 6 places and an ellipsis when inexact.
std::string show(const rational& minor_units, int currency_places);

}  // namespace recoup::settle_detail
