// apply_payments(): the payment waterfall, replayed from the ledger (see waterfall.hpp).
#include "recoup/plan/waterfall.hpp"

#include <algorithm>
#include <array>
#include <deque>
#include <map>
#include <numeric>
#include <set>
#include <sstream>
#include <utility>

#include "recoup/core/detail/enum_names.hpp"
#include "recoup/core/error.hpp"

namespace recoup {

namespace {

constexpr std::array<std::pair<std::string_view, charge_bucket>, 5> bucket_names{{
    {"costs", charge_bucket::costs},
    {"fees", charge_bucket::fees},
    {"penalties", charge_bucket::penalties},
    {"interest", charge_bucket::interest},
    {"principal", charge_bucket::principal},
}};
constexpr std::array<std::pair<std::string_view, waterfall_scope>, 2> scope_names{{
    {"per_instalment", waterfall_scope::per_instalment},
    {"per_bucket", waterfall_scope::per_bucket},
}};
constexpr std::array<std::pair<std::string_view, overpayment_policy>, 3> overpayment_names{{
    {"hold_as_credit", overpayment_policy::hold_as_credit},
    {"reduce_next_instalments", overpayment_policy::reduce_next_instalments},
    {"shorten_term", overpayment_policy::shorten_term},
}};



/// Charge indices in the order the policy pays them.
std::vector<std::size_t> payment_order(const std::vector<charge>& charges, const waterfall_policy& policy) {
  std::array<int, 5> rank{};
  for (std::size_t i = 0; i < policy.order.size(); ++i) rank[static_cast<std::size_t>(policy.order[i])] = static_cast<int>(i);
  std::vector<std::size_t> idx(charges.size());
  std::iota(idx.begin(), idx.end(), 0);
  auto bucket_rank = [&](std::size_t i) { return rank[static_cast<std::size_t>(charges[i].bucket)]; };
  if (policy.scope == waterfall_scope::per_instalment) {
    std::stable_sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) {
      if (charges[a].due != charges[b].due) return charges[a].due < charges[b].due;
      return bucket_rank(a) < bucket_rank(b);
    });
  } else {
    std::stable_sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) {
      if (bucket_rank(a) != bucket_rank(b)) return bucket_rank(a) < bucket_rank(b);
      return charges[a].due < charges[b].due;
    });
  }
  return idx;
}

void require_currency(const money& m, currency c, const std::string& what) {
  if (m.currency() != c) {
    throw currency_mismatch_error("waterfall.currency", what + " is in " + std::string(m.currency().code()) +
                                                            "; the ledger is in " + std::string(c.code()));
  }
}

void validate(const std::vector<charge>& charges, const std::vector<ledger_payment>& payments,
              const waterfall_policy& policy, currency c) {
  std::set<charge_bucket> seen(policy.order.begin(), policy.order.end());
  if (policy.order.size() != 5 || seen.size() != 5) {
    throw invalid_input_error("waterfall.order", "a waterfall order must list each of costs, fees, penalties, "
                                                 "interest and principal exactly once");
  }
  for (std::size_t i = 0; i < charges.size(); ++i) {
    require_currency(charges[i].amount, c, "charge " + std::to_string(i));
    if (charges[i].amount.minor_units() <= 0) {
      throw invalid_input_error("waterfall.amount", "charge " + std::to_string(i) + " (" +
                                                        std::string(to_string(charges[i].bucket)) + " due " +
                                                        charges[i].due.to_string() + ") must be positive, not " +
                                                        charges[i].amount.to_string());
    }
  }
  std::set<std::string> ids;
  for (const auto& p : payments) {
    require_currency(p.amount, c, "payment '" + p.id + "'");
    if (p.amount.minor_units() <= 0) {
      throw invalid_input_error("waterfall.amount", "payment '" + p.id + "' of " + p.amount.to_string() +
                                                        " must be positive (reverse a payment with reverse_payment)");
    }
    if (!ids.insert(p.id).second) {
      throw invalid_input_error("waterfall.duplicate_id", "payment id '" + p.id + "' appears twice in the ledger");
    }
  }
}

}  // namespace

std::string_view to_string(charge_bucket b) noexcept { return detail::enum_name(b, bucket_names); }
std::string_view to_string(waterfall_scope s) noexcept { return detail::enum_name(s, scope_names); }
std::string_view to_string(overpayment_policy p) noexcept { return detail::enum_name(p, overpayment_names); }
charge_bucket parse_charge_bucket(std::string_view n) { return detail::enum_from_name(n, bucket_names, "charge bucket", "waterfall.bucket"); }
waterfall_scope parse_waterfall_scope(std::string_view n) {
  return detail::enum_from_name(n, scope_names, "waterfall scope", "waterfall.scope");
}
overpayment_policy parse_overpayment_policy(std::string_view n) {
  return detail::enum_from_name(n, overpayment_names, "overpayment policy", "waterfall.overpayment");
}

waterfall_policy waterfall_policy::preset(std::string_view name) {
  using b = charge_bucket;
  waterfall_policy p;
  if (name == "standard") return p;
  if (name == "penalties_fees_interest_principal") {
    p.order = {b::penalties, b::fees, b::interest, b::principal, b::costs};
    return p;
  }
  if (name == "principal_interest_penalties_fees") {
    p.order = {b::principal, b::interest, b::penalties, b::fees, b::costs};
    return p;
  }
  if (name == "interest_principal_penalties_fees") {
    p.order = {b::interest, b::principal, b::penalties, b::fees, b::costs};
    return p;
  }
  if (name == "arrears_interest_first") {
    p.order = {b::interest, b::principal, b::penalties, b::fees, b::costs};
    p.scope = waterfall_scope::per_bucket;
    return p;
  }
  std::string valid;
  for (const auto& n : preset_names()) valid += (valid.empty() ? "" : ", ") + n;
  throw invalid_input_error("waterfall.preset", "unknown waterfall preset '" + std::string(name) + "': use one of " + valid);
}

std::vector<std::string> waterfall_policy::preset_names() {
  return {"standard", "penalties_fees_interest_principal", "principal_interest_penalties_fees",
          "interest_principal_penalties_fees", "arrears_interest_first"};
}

waterfall_result apply_payments(const std::vector<charge>& charges, const std::vector<ledger_payment>& payments,
                                const waterfall_policy& policy) {
  if (charges.empty() && payments.empty()) {
    throw invalid_input_error("waterfall.empty", "nothing to apply: no charges and no payments");
  }
  const currency c = charges.empty() ? payments.front().amount.currency() : charges.front().amount.currency();
  validate(charges, payments, policy, c);

  std::vector<std::int64_t> owed(charges.size());
  for (std::size_t i = 0; i < charges.size(); ++i) owed[i] = charges[i].amount.minor_units();
  const std::vector<std::size_t> order = payment_order(charges, policy);

  waterfall_result r{{}, {}, money::zero(c), money::zero(c), money::zero(c)};
  std::deque<std::pair<std::string, std::int64_t>> credit;  // FIFO of held overpayments

  auto pay = [&](const std::string& id, civil_date date, std::size_t i, std::int64_t& remaining) {
    const std::int64_t take = std::min(remaining, owed[i]);
    if (take <= 0) return;
    owed[i] -= take;
    remaining -= take;
    r.allocations.push_back({id, date, i, charges[i].bucket, money::from_minor(take, c)});
  };
  auto pay_due = [&](const std::string& id, civil_date date, std::int64_t& remaining) {
    for (std::size_t i : order) {
      if (remaining == 0) break;
      if (charges[i].due <= date) pay(id, date, i, remaining);
    }
  };

  // Event dates: every payment date, and (for held credit) every due date.
  std::vector<std::size_t> by_date(payments.size());
  std::iota(by_date.begin(), by_date.end(), 0);
  std::stable_sort(by_date.begin(), by_date.end(),
                   [&](std::size_t a, std::size_t b) { return payments[a].date < payments[b].date; });
  std::set<civil_date> dates;
  for (const auto& p : payments) dates.insert(p.date);
  if (policy.overpayment == overpayment_policy::hold_as_credit) {
    for (const auto& ch : charges) dates.insert(ch.due);
  }
  std::size_t next = 0;
  for (const civil_date d : dates) {
    // Held credit pays charges as they fall due, oldest overpayment first.
    while (!credit.empty()) {
      auto& [id, amount] = credit.front();
      pay_due(id, d, amount);
      if (amount > 0) break;
      credit.pop_front();
    }
    for (; next < by_date.size() && payments[by_date[next]].date == d; ++next) {
      const ledger_payment& p = payments[by_date[next]];
      std::int64_t remaining = p.amount.minor_units();
      pay_due(p.id, p.date, remaining);
      if (remaining == 0) continue;
      switch (policy.overpayment) {
        case overpayment_policy::hold_as_credit: break;
        case overpayment_policy::reduce_next_instalments:
          for (std::size_t i : order) {
            if (remaining == 0) break;
            pay(p.id, p.date, i, remaining);
          }
          break;
        case overpayment_policy::shorten_term:
          for (auto it = order.rbegin(); it != order.rend() && remaining > 0; ++it) {
            if (charges[*it].bucket == charge_bucket::principal) pay(p.id, p.date, *it, remaining);
          }
          break;
      }
      if (remaining > 0) credit.emplace_back(p.id, remaining);
    }
  }
  std::int64_t held = 0;
  for (const auto& [id, amount] : credit) held += amount;
  std::int64_t applied = 0;
  for (const auto& a : r.allocations) applied += a.amount.minor_units();
  std::int64_t left = 0;
  r.outstanding.reserve(charges.size());
  for (auto o : owed) {
    r.outstanding.push_back(money::from_minor(o, c));
    left += o;
  }
  r.credit = money::from_minor(held, c);
  r.total_applied = money::from_minor(applied, c);
  r.total_outstanding = money::from_minor(left, c);
  return r;
}

waterfall_result reverse_payment(const std::vector<charge>& charges, const std::vector<ledger_payment>& payments,
                                 std::string_view payment_id, const waterfall_policy& policy) {
  std::vector<ledger_payment> kept;
  kept.reserve(payments.size());
  bool found = false;
  for (const auto& p : payments) {
    if (p.id == payment_id) {
      found = true;
    } else {
      kept.push_back(p);
    }
  }
  if (!found) {
    throw invalid_input_error("waterfall.unknown_payment",
                              "no payment with id '" + std::string(payment_id) + "' in the ledger to reverse");
  }
  return apply_payments(charges, kept, policy);
}

money waterfall_result::outstanding_in(charge_bucket b, const std::vector<charge>& charges) const {
  money sum = money::zero(total_outstanding.currency());
  for (std::size_t i = 0; i < charges.size() && i < outstanding.size(); ++i) {
    if (charges[i].bucket == b) sum = sum + outstanding[i];
  }
  return sum;
}

std::string waterfall_result::explain(const std::vector<charge>& charges) const {
  std::ostringstream o;
  std::map<std::string, std::vector<const allocation*>> by_payment;
  std::vector<std::string> ids;
  for (const auto& a : allocations) {
    if (by_payment[a.payment_id].empty()) ids.push_back(a.payment_id);
    by_payment[a.payment_id].push_back(&a);
  }
  for (const auto& id : ids) {
    o << "Payment " << id << ":";
    for (const allocation* a : by_payment[id]) {
      const charge& ch = charges[a->charge_index];
      o << " " << a->amount.to_string() << " to " << to_string(ch.bucket) << " due " << ch.due.to_string()
        << (a->date != by_payment[id].front()->date ? " (held credit applied " + a->date.to_string() + ")" : "") << ";";
    }
    o << "\n";
  }
  o << "Applied " << total_applied.to_string() << "; outstanding " << total_outstanding.to_string() << "; credit held "
    << credit.to_string() << ".\n";
  return o.str();
}

std::vector<charge> charges_from_schedule(const schedule& plan) {
  std::vector<charge> out;
  for (const auto& r : plan.rows()) {
    if (r.number == 0) continue;
    for (const auto& [bucket, amount] : {std::pair{charge_bucket::fees, r.fees}, std::pair{charge_bucket::interest, r.interest},
                                         std::pair{charge_bucket::principal, r.principal}}) {
      if (amount.minor_units() > 0) out.push_back(charge{.due = r.due_date, .bucket = bucket, .amount = amount, .instalment = r.number});
    }
  }
  return out;
}

}  // namespace recoup
