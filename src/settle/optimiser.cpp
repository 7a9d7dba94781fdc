// The offer with the largest expected net recovery within authority and affordability.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
// GCC 12 at -O3 also reports a false -Wrestrict inside std::string assignment from cpp_int::str()
// (GCC bug 105651).
#pragma GCC diagnostic ignored "-Wrestrict"
#include "recoup/settle/optimiser.hpp"

#include <sstream>

#include "recoup/core/error.hpp"
#include "recoup/settle/offer.hpp"
#include "valuation_kernel.hpp"

namespace recoup {

using settle_detail::rational;

optimisation_result optimise_offer(const offer_search& search, const decimal& discount_rate, const break_model& model,
                                   const collection_costs& costs, rounding_mode rounding) {
  const money& b = search.balance;
  if (!b.is_positive())
    throw invalid_input_error("settle.balance", "the balance " + b.to_string() + " must be positive");
  b.require_same(search.max_payment, "compare an affordable payment with");
  if (!search.max_payment.is_positive())
    throw invalid_input_error("settle.max_payment", "the affordable payment " + search.max_payment.to_string() +
                                                        " must be positive");
  if (search.max_lump_sum) {
    b.require_same(*search.max_lump_sum, "compare an affordable lump sum with");
    if (!search.max_lump_sum->is_positive())
      throw invalid_input_error("settle.max_payment", "the affordable lump sum " + search.max_lump_sum->to_string() +
                                                          " must be positive");
  }
  if (search.max_payments < 1 || search.max_payments > max_offer_payments)
    throw invalid_input_error("settle.payments", "max_payments " + std::to_string(search.max_payments) + " must be 1.." +
                                                     std::to_string(max_offer_payments));
  if (search.minimum_settlement) b.require_same(*search.minimum_settlement, "compare a minimum settlement with");

  optimisation_result out;
  std::optional<rational> best_value;
  for (std::int64_t k = 1; k <= search.max_payments; ++k) {
    const money cap = k == 1 ? search.max_lump_sum.value_or(search.max_payment) : search.max_payment * k;
    const money settled = cap < b ? cap : b;
    settlement_offer o = [&] {
      if (k == 1) {
        settlement_offer l{.kind = offer_kind::lump_sum, .balance = b, .settled = settled};
        l.payments.push_back({.period = 0, .amount = settled});
        l.steps.push_back("the most the debtor can pay now, capped at the balance: " + settled.to_string() + ", paid now");
        return l;
      }
      settlement_offer p = full_balance_plan_offer(settled, k, search.freq, search.first_due);
      p.kind = settled == b ? offer_kind::full_balance_plan : offer_kind::instalment_settlement;
      p.balance = b;
      p.steps.front() = "settled = min(balance, " + std::to_string(k) + " × " + search.max_payment.to_string() +
                        ") = " + settled.to_string();
      return p;
    }();
    offer_valuation v = value_offer(o, discount_rate, model, costs, rounding);
    offer_candidate cand{.valuation = v, .allowed = false};
    if (search.minimum_settlement && settled < *search.minimum_settlement) {
      cand.reason = "settles " + settled.to_string() + ", under the minimum settlement " +
                    search.minimum_settlement->to_string();
    } else if (!within_authority(o, search.account_age_days, search.bands, search.authority)) {
      const auto d = approve(o, search.account_age_days, search.bands);
      cand.reason = "a discount of " + o.discount(6, rounding_mode::half_even).normalized().to_string() +
                    " is beyond the authority of " + search.authority +
                    (d.approvable ? " (needs " + d.level + ")" : std::string(" (nobody may approve it)"));
    } else {
      cand.allowed = true;
      cand.reason = "allowed";
      const rational value = settle_detail::exact_net(settle_detail::compute_sums(o, discount_rate, model), costs);
      if (!best_value || *best_value < value) {  // strictly better: a tie keeps fewer payments
        best_value = value;
        out.best = v;
      }
    }
    out.candidates.push_back(std::move(cand));
    if (settled == b) break;  // more payments only add delay and risk
  }
  return out;
}

std::string optimisation_result::explain() const {
  std::ostringstream o;
  if (best) {
    o << "Best offer: " << to_string(best->offer.kind) << ", " << best->offer.payment_count() << " payment(s) settling "
      << best->offer.settled.to_string() << " of " << best->offer.balance.to_string() << ", expected net "
      << best->expected_net.to_string() << " (largest exact expected net value; a tie goes to fewer payments)\n";
  } else {
    o << "No offer is both affordable and within the authority held\n";
  }
  for (const auto& c : candidates) {
    o << "  " << c.valuation.offer.payment_count() << " payment(s), settles " << c.valuation.offer.settled.to_string()
      << ", expected net " << c.valuation.expected_net.to_string() << ": " << c.reason << "\n";
  }
  return o.str();
}

}  // namespace recoup
