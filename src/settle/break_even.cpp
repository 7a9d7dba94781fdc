// The break-even lump-sum discount of a plan.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
// GCC 12 at -O3 also reports a false -Wrestrict inside std::string assignment from cpp_int::str()
// (GCC bug 105651).
#pragma GCC diagnostic ignored "-Wrestrict"
#include "recoup/settle/break_even.hpp"

#include <sstream>

#include "recoup/core/error.hpp"
#include "valuation_kernel.hpp"

namespace recoup {

using settle_detail::rational;

break_even_result break_even_discount(const settlement_offer& plan, const decimal& discount_rate,
                                      const break_model& model, const collection_costs& costs, int places) {
  if (places < 0 || places > 12)
    throw invalid_input_error("settle.places", "places " + std::to_string(places) + " must be 0..12");
  offer_valuation pv = value_offer(plan, discount_rate, model, costs, rounding_mode::half_even);
  const auto sums = settle_detail::compute_sums(plan, discount_rate, model);
  const rational e = settle_detail::exact_net(sums, costs);
  const rational one(std::int64_t{1});
  rational fixed;  // what a lump sum costs to collect: contacts (setup + one payment) and legal
  if (costs.per_contact)
    fixed = rational(costs.per_contact->minor_units()) * (rational(costs.setup_contacts) + rational(costs.contacts_per_payment));
  if (costs.legal) fixed = fixed + rational(costs.legal->minor_units());
  const rational denom = rational(plan.balance.minor_units()) * (one - rational(costs.commission));
  const rational f = (e + fixed) / denom;
  const decimal fraction = detail::round_to_places(f, places, rounding_mode::ceiling, "break-even fraction");
  const money lump = plan.balance.multiply(fraction, rounding_mode::ceiling);
  const int cp = plan.balance.currency().minor_units();
  break_even_result r{.plan = pv, .fraction = fraction, .discount = decimal(1) - fraction, .lump_sum = lump};
  r.steps.push_back("the plan's exact expected net value E = " + settle_detail::show(e, cp) + " " +
                    std::string(plan.balance.currency().code()) + " (" + pv.expected_net.to_string() + " rounded half_even)");
  r.steps.push_back("a lump sum f × balance now nets f × " + plan.balance.to_string() + " × (1 - " +
                    costs.commission.to_string() + ") - " + settle_detail::show(fixed, cp) +
                    " (contacts for one payment and legal costs)");
  r.steps.push_back("f = (E + " + settle_detail::show(fixed, cp) + ") / (" + plan.balance.amount().to_string() + " × (1 - " +
                    costs.commission.to_string() + ")) = " +
                    settle_detail::show(f * rational(detail::big_pow10(6), detail::big_int(1)), 6) + " -> " +
                    fraction.to_string() + " (rounded ceiling to " + std::to_string(places) +
                    " places, so a lump sum at f is never worth less than the plan)");
  r.steps.push_back("break-even discount = 1 - f = " + r.discount.to_string() + "; lump sum = balance × f = " +
                    lump.to_string() + " (rounded ceiling to the minor unit)");
  if (fraction > decimal(1))
    r.steps.push_back("f is above 1: the plan is worth more than the whole balance paid now; no discount pays");
  return r;
}

std::string break_even_result::explain() const {
  std::ostringstream o;
  o << "Break-even lump sum: " << fraction.to_string() << " of the balance (" << lump_sum.to_string()
    << "), a discount of " << discount.to_string() << "\n";
  for (const auto& s : steps) o << "  " << s << "\n";
  return o.str();
}

}  // namespace recoup
