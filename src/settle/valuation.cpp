// NPV and expected net recovery of a settlement offer, as exact fractions rounded once.
// GCC 12 reports a false "maybe uninitialized" inside cpp_int (see src/plan/time_value.cpp); the
// pragma must precede the first Boost include.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
// GCC 12 at -O3 also reports a false -Wrestrict inside std::string assignment from cpp_int::str()
// (GCC bug 105651).
#pragma GCC diagnostic ignored "-Wrestrict"
#include "recoup/settle/valuation.hpp"

#include <sstream>
#include <vector>

#include "recoup/core/error.hpp"
#include "valuation_kernel.hpp"

namespace recoup {
namespace settle_detail {

namespace {

/// Σ c_t x^t by Horner's rule (c indexed by period).
rational horner(const std::vector<rational>& c, const rational& x) {
  rational acc = c.back();
  for (std::size_t t = c.size() - 1; t-- > 0;) acc = c[t] + x * acc;
  return acc;
}

rational minor_of(const money& m) { return rational(m.minor_units()); }

}  // namespace

exact_sums compute_sums(const settlement_offer& offer, const decimal& rate, const break_model& model) {
  if (rate.is_negative())
    throw invalid_input_error("settle.discount_rate", "the discount rate " + rate.to_string() +
                                                          " per period must not be negative");
  if (offer.payments.empty()) throw invalid_input_error("settle.payments", "the offer has no payments");
  const std::int64_t last = offer.payments.back().period;
  if (model.is_curve() && last > model.horizon())
    throw invalid_input_error("settle.survival_too_short",
                              "the survival curve covers " + std::to_string(model.horizon()) +
                                  " periods but the offer's last payment is at period " + std::to_string(last) +
                                  ": extend the curve (recoup does not extrapolate it)");
  const auto n = static_cast<std::size_t>(last + 1);
  std::vector<rational> amount(n), count(n);
  for (const auto& p : offer.payments) {
    offer.balance.require_same(p.amount, "value");
    const auto t = static_cast<std::size_t>(p.period);
    amount[t] = amount[t] + minor_of(p.amount);
    count[t] = count[t] + rational(std::int64_t{1});
  }
  const rational one(std::int64_t{1});
  const rational v = (one / (one + rational(rate))).reduced();
  exact_sums s;
  s.npv = horner(amount, v);
  if (!model.is_curve()) {
    const rational keep = (one - rational(model.hazard())).reduced();
    const rational x = (v * keep).reduced();
    s.gross = horner(amount, x);
    s.survival_pv = horner(count, x);
    s.survival_sum = horner(count, keep);
    s.completion = detail::pow(keep, static_cast<std::uint64_t>(last));
  } else {
    std::vector<rational> surv(n);
    surv[0] = one;
    for (std::size_t t = 1; t < n; ++t) surv[t] = rational(model.curve()[t - 1]);
    std::vector<rational> a(n), c(n);
    rational total;
    for (std::size_t t = 0; t < n; ++t) {
      a[t] = amount[t] * surv[t];
      c[t] = count[t] * surv[t];
      total = total + c[t];
    }
    s.gross = horner(a, v);
    s.survival_pv = horner(c, v);
    s.survival_sum = total;
    s.completion = surv[n - 1];
  }
  return s;
}

rational exact_net(const exact_sums& s, const collection_costs& costs) {
  const rational one(std::int64_t{1});
  rational net = s.gross * (one - rational(costs.commission));
  if (costs.per_contact)
    net = net - minor_of(*costs.per_contact) *
                    (rational(costs.setup_contacts) + rational(costs.contacts_per_payment) * s.survival_pv);
  if (costs.legal) net = net - minor_of(*costs.legal);
  return net;
}

money to_money(const rational& minor, currency c, rounding_mode mode, const char* what) {
  const big_int q = detail::round_quotient<big_int>(minor.num, minor.den, mode);
  if (q > INT64_MAX || q < INT64_MIN)
    throw overflow_error("money.overflow", std::string(what) + " is beyond the range of 64-bit minor units");
  return money::from_minor(static_cast<std::int64_t>(q), c);
}

std::string show(const rational& minor_units, int currency_places) {
  const rational r = minor_units.reduced();
  const rational value = r / rational(detail::big_pow10(currency_places), big_int(1));
  const decimal d = detail::round_to_places(value, currency_places + 6, rounding_mode::half_even, "settle");
  const bool exact = (r.den == 1) || d == detail::round_to_places(value, currency_places + 12, rounding_mode::half_even, "settle");
  return d.normalized().to_string() + (exact ? "" : "...");
}

}  // namespace settle_detail

using settle_detail::rational;

offer_valuation value_offer(const settlement_offer& offer, const decimal& discount_rate, const break_model& model,
                            const collection_costs& costs, rounding_mode rounding) {
  validate(costs, offer.balance);
  const auto s = settle_detail::compute_sums(offer, discount_rate, model);
  const currency c = offer.balance.currency();
  const int places = c.minor_units();
  const auto rm = [&](const rational& x, const char* what) { return settle_detail::to_money(x, c, rounding, what); };
  const rational commission = s.gross * rational(costs.commission);
  rational contacts_pv;
  if (costs.per_contact)
    contacts_pv = rational(costs.per_contact->minor_units()) *
                  (rational(costs.setup_contacts) + rational(costs.contacts_per_payment) * s.survival_pv);
  const money npv_m = rm(s.npv, "npv");
  const money gross_m = rm(s.gross, "expected gross recovery");
  const money commission_m = rm(commission, "commission");
  const money contact_m = rm(contacts_pv, "contact costs");
  const money legal_m = costs.legal ? *costs.legal : money::zero(c);
  const rational contacts_n = rational(costs.setup_contacts) + rational(costs.contacts_per_payment) * s.survival_sum;
  offer_valuation v{
      .offer = offer,
      .discount_rate = discount_rate,
      .model = model,
      .costs = costs,
      .rounding = rounding,
      .npv = npv_m,
      .expected_gross = gross_m,
      .commission = commission_m,
      .contact_costs = contact_m,
      .legal = legal_m,
      .expected_net = gross_m - commission_m - contact_m - legal_m,
      .expected_contacts = detail::round_to_places(contacts_n, 6, rounding_mode::half_even, "expected contacts").normalized(),
      .completion_probability =
          detail::round_to_places(s.completion, 12, rounding_mode::half_even, "completion probability").normalized(),
  };
  const std::string mode(to_string(rounding));
  const std::string ccy(c.code());
  auto& st = v.steps;
  st.push_back("inputs: " + std::to_string(offer.payment_count()) + " payment(s) totalling " + offer.settled.to_string() +
               " on a balance of " + offer.balance.to_string() + "; discount rate " + discount_rate.to_string() +
               " per period, v = 1 / (1 + " + discount_rate.to_string() + "); " + model.describe());
  st.push_back("npv = sum of a_t v^t = " + settle_detail::show(s.npv, places) + " " + ccy + " -> " + npv_m.to_string() +
               " (rounded " + mode + ")");
  st.push_back("expected gross = sum of a_t survival(t) v^t = " + settle_detail::show(s.gross, places) + " " + ccy +
               " -> " + gross_m.to_string() + " (rounded " + mode + "); the plan completes with probability " +
               v.completion_probability.to_string() + " (rounded half_even to 12 places)");
  st.push_back("commission = " + costs.commission.to_string() + " × expected gross = " +
               settle_detail::show(commission, places) + " " + ccy + " -> " + commission_m.to_string() + " (rounded " +
               mode + ")");
  if (costs.per_contact)
    st.push_back("contact costs = " + costs.per_contact->to_string() + " × (" + costs.setup_contacts.to_string() +
                 " now + " + costs.contacts_per_payment.to_string() + " per payment × sum of survival(t) v^t = " +
                 settle_detail::show(s.survival_pv * rational(std::int64_t{100}), 2) + ") = " +
                 settle_detail::show(contacts_pv, places) + " " + ccy + " -> " + contact_m.to_string() + " (rounded " +
                 mode + "); expected contacts " + v.expected_contacts.to_string() + " (undiscounted, half_even to 6 places)");
  else
    st.push_back("contact costs: none given (0)");
  st.push_back("legal costs (now): " + legal_m.to_string());
  st.push_back("expected net = " + gross_m.to_string() + " - " + commission_m.to_string() + " - " + contact_m.to_string() +
               " - " + legal_m.to_string() + " = " + v.expected_net.to_string() +
               " (the difference of the rounded figures, so the statement adds up)");
  return v;
}

money offer_npv(const settlement_offer& offer, const decimal& discount_rate, rounding_mode rounding) {
  const auto s = settle_detail::compute_sums(offer, discount_rate, break_model{});
  return settle_detail::to_money(s.npv, offer.balance.currency(), rounding, "npv");
}

std::string offer_valuation::explain() const {
  std::ostringstream o;
  o << "Valuation of a " << to_string(offer.kind) << " offer: expected net " << expected_net.to_string() << "\n";
  for (const auto& s : steps) o << "  " << s << "\n";
  return o.str();
}

offer_valuation value_offer(const settlement_offer& offer, const periodic_rate& discount_rate, const break_model& model,
                            const collection_costs& costs, rounding_mode rounding) {
  if (offer.kind != offer_kind::lump_sum && offer.frequency_name != discount_rate.period().name())
    throw invalid_input_error("rate.frequency", "the offer is paid " + offer.frequency_name + " but the rate given is per " +
                                                    discount_rate.period().name() +
                                                    " period; convert it first (periodic_rate::from_annual)");
  return value_offer(offer, discount_rate.fraction(), model, costs, rounding);
}

}  // namespace recoup
