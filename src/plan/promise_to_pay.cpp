// Promise-to-pay tracking.
#include "recoup/plan/promise_to_pay.hpp"

#include <algorithm>
#include <sstream>
#include <vector>

namespace recoup {

std::string_view to_string(promise_status s) noexcept {
  switch (s) {
    case promise_status::pending: return "pending";
    case promise_status::kept: return "kept";
    case promise_status::partially_kept: return "partially_kept";
    case promise_status::broken: return "broken";
  }
  return "unknown";
}

promise_result check_promise(const promise_to_pay& pr, std::span<const dated_payment> payments, civil_date as_of) {
  const currency c = pr.amount.currency();
  if (!pr.amount.is_positive())
    throw invalid_input_error("promise.amount", "promised amount " + pr.amount.to_string() + " must be positive");
  if (pr.grace_days < 0 || pr.grace_days > 3660)
    throw invalid_input_error("promise.policy", "grace_days " + std::to_string(pr.grace_days) + " must be between 0 and 3660");
  money tol = money::zero(c);
  if (pr.tolerance) {
    if (pr.tolerance->currency() != c)
      throw currency_mismatch_error("promise.currency", "tolerance " + pr.tolerance->to_string() + " is not in " +
                                                           std::string(c.code()) + ", the promise's currency");
    if (pr.tolerance->is_negative())
      throw invalid_input_error("promise.policy", "tolerance " + pr.tolerance->to_string() + " must not be negative");
    tol = *pr.tolerance;
  }
  if (pr.made_on && *pr.made_on > pr.date)
    throw invalid_input_error("promise.policy", "the promise was made on " + pr.made_on->to_string() +
                                                    ", after the promised date " + pr.date.to_string());
  const civil_date deadline = pr.date.add_days(pr.grace_days);
  const money target = tol >= pr.amount ? money::zero(c) : pr.amount - tol;
  promise_result r{.status = promise_status::pending,
                   .promised = pr.amount,
                   .paid = money::zero(c),
                   .shortfall = pr.amount,
                   .paid_after_deadline = money::zero(c),
                   .deadline = deadline,
                   .as_of = as_of,
                   .promise = pr};
  // Payments in date order (stable), so kept_on is the day the total reached the target.
  std::vector<std::size_t> order(payments.size());
  for (std::size_t j = 0; j < order.size(); ++j) order[j] = j;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return payments[a].date < payments[b].date; });
  for (const std::size_t j : order) {
    const auto& p = payments[j];
    if (p.amount.currency() != c)
      throw currency_mismatch_error("promise.currency", "payment " + std::to_string(j + 1) + " on " + p.date.to_string() + " is " +
                                                           p.amount.to_string() + ", but the promise is in " + std::string(c.code()));
    if (p.amount.is_negative())
      throw invalid_input_error("monitor.negative_payment", "payment " + std::to_string(j + 1) + " on " + p.date.to_string() +
                                                                " is " + p.amount.to_string() +
                                                                "; remove a reversed payment instead of adding a negative one");
    if (p.date > as_of || (pr.made_on && p.date < *pr.made_on)) continue;
    if (p.date > deadline) {
      r.paid_after_deadline += p.amount;
      continue;
    }
    r.paid += p.amount;
    if (!r.kept_on && r.paid >= target) r.kept_on = p.date;
  }
  r.shortfall = r.paid >= pr.amount ? money::zero(c) : pr.amount - r.paid;
  if (r.kept_on) {
    r.status = promise_status::kept;
  } else if (as_of <= deadline) {
    r.status = promise_status::pending;
  } else {
    r.status = r.paid.is_positive() ? promise_status::partially_kept : promise_status::broken;
  }
  return r;
}

std::string promise_result::explain() const {
  std::ostringstream o;
  o << "Promise to pay " << promised.to_string() << " by " << promise.date.to_string();
  if (promise.grace_days > 0) o << " (+" << promise.grace_days << " grace days: deadline " << deadline.to_string() << ")";
  o << ", checked as of " << as_of.to_string() << ": " << to_string(status) << ".\n";
  o << "Counted: payments dated " << (promise.made_on ? "from " + promise.made_on->to_string() + " (when the promise was made)"
                                                      : std::string("from any date (no promise date given)"))
    << " to " << (as_of < deadline ? as_of : deadline).to_string() << ": " << paid.to_string() << ".\n";
  const money tol = promise.tolerance ? *promise.tolerance : money::zero(promised.currency());
  o << "Rule: kept once the counted total reaches the promised amount less the tolerance of " << tol.to_string() << " ("
    << (tol >= promised ? money::zero(promised.currency()) : promised - tol).to_string() << "); ";
  switch (status) {
    case promise_status::kept: o << "reached on " << kept_on->to_string(); break;
    case promise_status::pending: o << "not reached yet, and the deadline " << deadline.to_string() << " has not passed"; break;
    case promise_status::partially_kept:
      o << "the deadline passed with " << paid.to_string() << " paid, " << shortfall.to_string() << " short";
      break;
    case promise_status::broken: o << "the deadline passed with nothing paid"; break;
  }
  o << ".\n";
  if (paid_after_deadline.is_positive())
    o << "Paid after the deadline (does not keep the promise): " << paid_after_deadline.to_string() << ".\n";
  return o.str();
}

}  // namespace recoup
