// Settlement offers: lump sums, instalment settlements, full-balance plans, plans from schedules.
#include "recoup/settle/offer.hpp"

#include <sstream>
#include <string>
#include <utility>

#include "recoup/core/error.hpp"

namespace recoup {

std::string_view to_string(offer_kind k) noexcept {
  switch (k) {
    case offer_kind::lump_sum: return "lump_sum";
    case offer_kind::instalment_settlement: return "instalment_settlement";
    case offer_kind::full_balance_plan: return "full_balance_plan";
    case offer_kind::schedule_plan: return "schedule_plan";
  }
  return "?";
}

namespace {

void check_balance(const money& balance) {
  if (!balance.is_positive())
    throw invalid_input_error("settle.balance", "the balance " + balance.to_string() + " must be positive");
}

void check_fraction(const decimal& fraction) {
  if (fraction <= decimal(0) || fraction > decimal(1))
    throw invalid_input_error("settle.fraction", "the settlement fraction " + fraction.to_string() +
                                                     " must be above 0 and at most 1 (0.60 pays 60% of the balance)");
}

void check_payments(std::int64_t k) {
  if (k < 1 || k > max_offer_payments)
    throw invalid_input_error("settle.payments", "the number of payments " + std::to_string(k) + " must be 1.." +
                                                     std::to_string(max_offer_payments));
}

/// balance × fraction rounded with `mode`, raised to `minimum`, capped at the balance.
money settled_amount(const money& balance, const decimal& fraction, const std::optional<money>& minimum,
                     rounding_mode mode, std::vector<std::string>& steps) {
  check_balance(balance);
  check_fraction(fraction);
  money s = balance.multiply(fraction, mode);
  steps.push_back("settled = balance × fraction = " + balance.amount().to_string() + " × " + fraction.to_string() +
                  " = " + (balance.amount() * fraction).to_string() + ", rounded " + std::string(to_string(mode)) +
                  " to the minor unit: " + s.to_string());
  if (minimum) {
    balance.require_same(*minimum, "compare a minimum settlement with");
    if (minimum->is_negative())
      throw invalid_input_error("settle.minimum", "the minimum settlement " + minimum->to_string() + " is negative");
    if (s < *minimum) {
      s = *minimum < balance ? *minimum : balance;
      steps.push_back("raised to the minimum settlement " + minimum->to_string() +
                      (*minimum < balance ? std::string() : " (capped at the balance)") + ": " + s.to_string());
    }
  }
  return s;
}

settlement_offer split_offer(offer_kind kind, const money& balance, const money& settled, std::int64_t k,
                             const frequency& freq, const std::optional<civil_date>& first_due,
                             remainder_policy remainder, std::vector<std::string> steps) {
  check_payments(k);
  settlement_offer o{.kind = kind, .balance = balance, .settled = settled, .frequency_name = freq.name()};
  const auto parts = settled.allocate(static_cast<std::size_t>(k), remainder);
  std::vector<civil_date> dates;
  if (first_due) dates = due_dates(*first_due, k, freq);
  for (std::int64_t i = 0; i < k; ++i) {
    offer_payment p{.period = i + 1, .amount = parts[static_cast<std::size_t>(i)]};
    if (first_due) p.due_date = dates[static_cast<std::size_t>(i)];
    o.payments.push_back(p);
  }
  steps.push_back(settled.to_string() + " split into " + std::to_string(k) + " " + freq.name() +
                  " payments with allocation (remainder " + std::string(to_string(remainder)) +
                  ": the parts differ by at most one minor unit and add up exactly): " + parts.front().to_string() +
                  (parts.back() == parts.front() ? std::string(" each") : " down to " + parts.back().to_string()) +
                  ", at periods 1.." + std::to_string(k) +
                  (first_due ? ", first due " + first_due->to_string() : std::string()));
  o.steps = std::move(steps);
  return o;
}

}  // namespace

decimal settlement_offer::discount(int places, rounding_mode mode) const {
  return divide(forgiven().amount(), balance.amount(), places, mode);
}

std::string settlement_offer::explain() const {
  std::ostringstream o;
  o << "Offer: " << to_string(kind) << " on a balance of " << balance.to_string() << "\n";
  for (const auto& s : steps) o << "  " << s << "\n";
  o << "  payments: " << payments.size();
  if (!frequency_name.empty()) o << " (" << frequency_name << ")";
  o << ", settled " << settled.to_string() << "\n";
  o << "  forgiven = balance - settled = " << forgiven().to_string() << " (discount "
    << discount(6, rounding_mode::half_even).normalized().to_string() << " of the balance, shown rounded half_even to 6 places)\n";
  if (reporting) {
    o << "  forgiveness reporting (" << reporting->rule_id << ", " << reporting->citation
      << "): " << (reporting->reportable ? "reportable" : "not reportable") << ": " << reporting->reason << "\n";
  } else {
    o << "  forgiveness reporting: not assessed here (the rules layer decides it)\n";
  }
  return o.str();
}

money forgiven_amount(const money& balance, const money& settled) {
  check_balance(balance);
  balance.require_same(settled, "compare a settlement with");
  if (settled.is_negative() || settled > balance)
    throw invalid_input_error("settle.settled_range", "the settled amount " + settled.to_string() +
                                                          " must be between zero and the balance " + balance.to_string());
  return balance - settled;
}

settlement_offer lump_sum_offer(const money& balance, const decimal& fraction, const std::optional<money>& minimum,
                                rounding_mode mode) {
  std::vector<std::string> steps;
  const money s = settled_amount(balance, fraction, minimum, mode, steps);
  settlement_offer o{.kind = offer_kind::lump_sum, .balance = balance, .settled = s};
  o.payments.push_back({.period = 0, .amount = s});
  steps.push_back("paid now (period 0) in one sum");
  o.steps = std::move(steps);
  return o;
}

settlement_offer instalment_settlement_offer(const money& balance, const decimal& fraction, std::int64_t payments,
                                             const frequency& freq, const std::optional<civil_date>& first_due,
                                             rounding_mode mode, remainder_policy remainder) {
  check_payments(payments);
  std::vector<std::string> steps;
  const money s = settled_amount(balance, fraction, std::nullopt, mode, steps);
  return split_offer(offer_kind::instalment_settlement, balance, s, payments, freq, first_due, remainder,
                     std::move(steps));
}

settlement_offer full_balance_plan_offer(const money& balance, std::int64_t payments, const frequency& freq,
                                         const std::optional<civil_date>& first_due, remainder_policy remainder) {
  check_balance(balance);
  check_payments(payments);
  return split_offer(offer_kind::full_balance_plan, balance, balance, payments, freq, first_due, remainder,
                     {"settled = the whole balance " + balance.to_string() + " (no discount)"});
}

settlement_offer offer_from_schedule(const money& balance, const schedule& plan) {
  check_balance(balance);
  settlement_offer o{.kind = offer_kind::schedule_plan,
                     .balance = balance,
                     .settled = money::zero(balance.currency()),
                     .frequency_name = plan.terms().freq.name()};
  for (const auto& r : plan.rows()) {
    balance.require_same(r.payment, "value a schedule against");
    if (r.payment.is_zero()) continue;
    o.payments.push_back({.period = r.number, .amount = r.payment, .due_date = r.due_date});
    o.settled += r.payment;
  }
  if (o.payments.empty())
    throw invalid_input_error("settle.payments", "the schedule has no payments to value");
  o.steps.push_back("payments from a " + std::string(to_string(plan.terms().shape)) + " schedule of " +
                    std::to_string(plan.instalments()) + " instalments: row k paid at period k, total " +
                    o.settled.to_string() + " (interest and fees included)");
  return o;
}

}  // namespace recoup
