// The recovery decision (recoup/decide/decision.hpp): segment, gate, valuation and choice, one
// kernel for decide() and decide_book().
#include "recoup/decide/decision.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "recoup/core/detail/wide_int.hpp"
#include "recoup/rules/limitation.hpp"

namespace recoup::decide {

namespace {

using int128 = decimal::int128;
using rules::collection_action;
using rules::gate_status;

constexpr int factor_scale = 18;
constexpr int128 factor_one = static_cast<int128>(1'000'000'000'000'000'000LL);

constexpr std::array<collection_action, strategy_count> strategy_actions{
    collection_action::payment_plan, collection_action::settlement_offer, collection_action::litigate,
    collection_action::place_with_agency, collection_action::sell, collection_action::charge_off};

constexpr std::array<std::string_view, 6> refusal_names{"none",          "not_offered",  "gate_blocked",
                                                        "outside_authority", "unaffordable", "not_worth_it"};

/// a * b / 10^18 rounded half-even (a, b >= 0 or mixed signs; |a * b| < 1.7e38).
std::int64_t apply(int128 a, int128 factor) {
  const int128 p = a * factor;
  int128 q = p / factor_one;
  int128 r = p % factor_one;
  if (r < 0) {
    r += factor_one;
    q -= 1;
  }
  const int128 twice = 2 * r;
  if (twice > factor_one || (twice == factor_one && (q % 2 != 0))) q += 1;
  if (q > std::numeric_limits<std::int64_t>::max() || q < std::numeric_limits<std::int64_t>::min())
    throw overflow_error("decide.overflow", "an expected value does not fit 64-bit minor units");
  return static_cast<std::int64_t>(q);
}

int128 coef18(const decimal& d) { return d.rescale(factor_scale, rounding_mode::half_even).coefficient(); }

std::int64_t minor_of(const decimal& major, const currency& c) {
  return static_cast<std::int64_t>(major.rescale(c.minor_units(), rounding_mode::half_even).coefficient());
}

/// The valuation factors of one segment, at 18 places.
struct segment_factors {
  std::vector<int128> plan_cumulative;  // [k] = take_up x sum_{j<=k} survival_j v^j  (k = 0..max)
  std::vector<int128> plan_weight;      // [k] = take_up x survival_k v^k
  int128 settlement = 0;                // take_up x v
  int128 litigation = 0;                // success x v^months
  int128 agency = 0;                    // recovery x (1 - commission) x v^months
  int128 sale = 0;                      // price
};

decimal power(const decimal& x, int n) {
  decimal out(1);
  for (int i = 0; i < n; ++i) out = multiply(out, x, factor_scale, rounding_mode::half_even);
  return out;
}

segment_factors factors_of(const segment& s, const strategy_policy& p) {
  const decimal monthly = divide(p.annual_discount_rate, decimal(12), factor_scale, rounding_mode::half_even);
  const decimal v = divide(decimal(1), decimal(1) + monthly, factor_scale, rounding_mode::half_even);
  segment_factors f;
  const strategy_terms& plan = s.terms[static_cast<std::size_t>(strategy::payment_plan)];
  if (plan.offered) {
    f.plan_cumulative.assign(static_cast<std::size_t>(plan.max_instalments) + 1, 0);
    f.plan_weight.assign(static_cast<std::size_t>(plan.max_instalments) + 1, 0);
    decimal survival(1), disc(1), cumulative(0);
    const decimal keep = decimal(1) - plan.monthly_break_hazard;
    for (int k = 1; k <= plan.max_instalments; ++k) {
      disc = multiply(disc, v, factor_scale, rounding_mode::half_even);
      const decimal w = multiply(multiply(survival, disc, factor_scale, rounding_mode::half_even), plan.take_up,
                                 factor_scale, rounding_mode::half_even);
      cumulative += w;
      f.plan_weight[static_cast<std::size_t>(k)] = coef18(w);
      f.plan_cumulative[static_cast<std::size_t>(k)] = coef18(cumulative);
      survival = multiply(survival, keep, factor_scale, rounding_mode::half_even);
    }
  }
  const strategy_terms& st = s.terms[static_cast<std::size_t>(strategy::settlement)];
  f.settlement = coef18(multiply(st.take_up, v, factor_scale, rounding_mode::half_even));
  const strategy_terms& lit = s.terms[static_cast<std::size_t>(strategy::litigation)];
  f.litigation = coef18(multiply(lit.success, power(v, lit.months), factor_scale, rounding_mode::half_even));
  const strategy_terms& ag = s.terms[static_cast<std::size_t>(strategy::agency)];
  decimal commission(0);
  for (const auto& [tier, share] : p.costs.agency_commission)
    if (tier == p.agency_tier) commission = share;
  f.agency = coef18(multiply(multiply(ag.recovery, decimal(1) - commission, factor_scale, rounding_mode::half_even),
                             power(v, ag.months), factor_scale, rounding_mode::half_even));
  f.sale = coef18(s.terms[static_cast<std::size_t>(strategy::sale)].price);
  return f;
}

bool matches_jurisdiction(const std::vector<std::string>& patterns, const std::string& j) {
  if (patterns.empty()) return true;
  for (const auto& p : patterns) {
    if (p == j) return true;
    if (p.size() >= 2 && p.back() == '*' && j.compare(0, p.size() - 1, p, 0, p.size() - 1) == 0) return true;
  }
  return false;
}

/// The policy compiled once per call: factors per segment.
struct compiled_policy {
  const strategy_policy* policy;
  std::vector<segment_factors> factors;
  std::int64_t threshold;  // challenger buckets below this (of 10000)
  explicit compiled_policy(const strategy_policy& p) : policy(&p) {
    for (const auto& s : p.segments) factors.push_back(factors_of(s, p));
    threshold = static_cast<std::int64_t>(p.challenger_share.rescale(4, rounding_mode::down).coefficient());
  }
};

std::uint64_t fnv1a(const std::string& s) noexcept {
  std::uint64_t h = 1469598103934665603ULL;
  for (const char ch : s) {
    h ^= static_cast<unsigned char>(ch);
    h *= 1099511628211ULL;
  }
  return h;
}

/// The gate's answer for every action, as the kernel needs it.
struct gate_view {
  std::array<gate_status, rules::action_count> status{};
  std::array<std::optional<std::int64_t>, rules::action_count> from{};
  std::optional<civil_date> charge_off_on{};
  std::array<std::string, rules::action_count> why{};  // explain only
};

std::string money_text(std::int64_t minor, const currency& c) { return money::from_minor(minor, c).to_string(); }

/// Limitation tables compiled on first use per jurisdiction (none where it has no limitation rules).
class limitation_cache {
 public:
  explicit limitation_cache(const rules::rule_book& book) : book_(&book) {}
  const rules::limitation_table* table_for(const std::string& code) {
    for (auto& [c, t] : tables_)
      if (c == code) return t ? &*t : nullptr;
    std::optional<rules::limitation_table> t;
    try {
      t.emplace(std::vector<std::string>{code}, *book_);
    } catch (const error&) {
      t.reset();  // no limitation rules for the jurisdiction
    }
    tables_.emplace_back(code, std::move(t));
    return tables_.back().second ? &*tables_.back().second : nullptr;
  }

 private:
  const rules::rule_book* book_;
  std::vector<std::pair<std::string, std::optional<rules::limitation_table>>> tables_;
};

/// The kernel: one account, its gate view, the policy -> the decision (explanations when asked).
account_decision judge(const account_case& a, std::int64_t at, civil_date as_of, const gate_view& g,
                       const compiled_policy& cp, limitation_cache& lim, bool explain) {
  const strategy_policy& p = *cp.policy;
  account_decision d;
  d.id = a.id;
  const currency c = a.balance.currency();
  const currency expected = p.currency_of(a.facts.jurisdiction);
  if (expected != c)
    throw invalid_input_error("decide.currency", "the balance is in " + std::string(c.code()) + " but the policy's currency for " +
                                                     a.facts.jurisdiction + " is " + std::string(expected.code()));
  const std::int64_t balance = a.balance.minor_units();
  if (balance < 0) throw invalid_input_error("decide.negative", "the balance " + a.balance.to_string() + " is negative");
  std::int64_t dpd = 0;
  if (a.days_past_due) dpd = *a.days_past_due;
  else if (a.facts.first_delinquency) dpd = as_of.serial() - a.facts.first_delinquency->serial();
  else if (a.facts.defaulted_on) dpd = as_of.serial() - a.facts.defaulted_on->serial();
  if (dpd < 0) throw invalid_input_error("decide.negative", "days past due " + std::to_string(dpd) + " is negative");

  // The segment.
  const decimal major = a.balance.amount();
  std::size_t seg = p.segments.size();
  for (std::size_t i = 0; i < p.segments.size(); ++i) {
    const segment& s = p.segments[i];
    if (s.min_days_past_due && dpd < *s.min_days_past_due) continue;
    if (s.max_days_past_due && dpd > *s.max_days_past_due) continue;
    if (s.min_balance && major < *s.min_balance) continue;
    if (s.max_balance && *s.max_balance < major) continue;
    if (!matches_jurisdiction(s.jurisdictions, a.facts.jurisdiction)) continue;
    if (!s.debt_types.empty() && std::find(s.debt_types.begin(), s.debt_types.end(), a.facts.type) == s.debt_types.end())
      continue;
    if ((s.min_score || s.max_score) &&
        (!a.score || (s.min_score && *a.score < *s.min_score) || (s.max_score && *s.max_score < *a.score)))
      continue;
    seg = i;
    break;
  }
  if (seg == p.segments.size())
    throw invalid_input_error("decide.no_segment", "no segment of policy '" + p.id + "' matches the account (" +
                                                       std::to_string(dpd) + " days past due, balance " +
                                                       a.balance.to_string() + ", " + a.facts.jurisdiction + ")");
  const segment& s = p.segments[seg];
  const segment_factors& f = cp.factors[seg];
  d.segment = s.id;
  if (explain)
    d.steps.push_back("Segment '" + s.id + "' of policy '" + p.id + "'" + (p.is_example ? " (an EXAMPLE policy)" : "") + ": " +
                      std::to_string(dpd) + " days past due, balance " + a.balance.to_string() + ".");

  const std::int64_t contact = minor_of(p.costs.per_contact, c);
  const std::int64_t per_payment = minor_of(p.costs.per_payment, c);
  d.candidates.resize(strategy_count);
  for (std::size_t k = 0; k < strategy_count; ++k) {
    candidate& x = d.candidates[k];
    x.kind = static_cast<strategy>(k);
    x.action = strategy_actions[k];
    const auto ai = static_cast<std::size_t>(x.action);
    x.gate = g.status[ai];
    if (g.from[ai]) x.allowed_from = std::chrono::sys_seconds{std::chrono::seconds{*g.from[ai]}};
    const strategy_terms& t = s.terms[k];
    if (!t.offered) {
      x.refused = refusal::not_offered;
      if (explain) x.why = "not offered in segment '" + s.id + "'";
      continue;
    }
    switch (x.kind) {
      case strategy::payment_plan: {
        const int max_n = t.max_instalments;
        const std::int64_t min_pay = minor_of(p.minimum_payment, c);
        std::int64_t instalment = (balance + max_n - 1) / max_n;
        if (instalment < min_pay) instalment = min_pay;
        if (instalment > balance) instalment = balance;
        if (instalment <= 0) {
          x.refused = refusal::not_worth_it;
          if (explain) x.why = "nothing to collect";
          break;
        }
        const std::int64_t n = (balance + instalment - 1) / instalment;
        x.instalments = static_cast<int>(n);
        x.offer_amount_minor = instalment;
        x.last_instalment_minor = balance - (n - 1) * instalment;
        if (a.disposable_income) {
          if (a.disposable_income->currency() != c)
            throw invalid_input_error("decide.currency", "disposable income is in another currency than the balance");
          const std::int64_t afford = apply(a.disposable_income->minor_units(), coef18(p.affordability_share)) ;
          if (instalment > afford) {
            x.refused = refusal::unaffordable;
            if (explain)
              x.why = "the instalment " + money_text(instalment, c) + " exceeds the affordable " + money_text(afford, c) +
                      " (" + p.affordability_share.to_string() + " of disposable income " +
                      a.disposable_income->to_string() + ")";
            break;
          }
        }
        const int128 gross = static_cast<int128>(instalment) * f.plan_cumulative[static_cast<std::size_t>(n - 1)] +
                             static_cast<int128>(x.last_instalment_minor) * f.plan_weight[static_cast<std::size_t>(n)] -
                             static_cast<int128>(per_payment) * f.plan_cumulative[static_cast<std::size_t>(n)];
        x.expected_net_recovery_minor = apply(gross, 1) - contact;
        if (explain)
          x.why = std::to_string(n) + " instalments of " + money_text(instalment, c) +
                  (x.last_instalment_minor != instalment ? " (last " + money_text(x.last_instalment_minor, c) + ")" : "") +
                  ", take-up " + t.take_up.to_string() + ", monthly break hazard " + t.monthly_break_hazard.to_string();
        break;
      }
      case strategy::settlement: {
        const std::int64_t forgiven = apply(balance, coef18(t.discount));
        const std::int64_t lump = balance - forgiven;
        x.offer_amount_minor = lump;
        x.instalments = 1;
        const authority_band* band = nullptr;
        for (const auto& b : p.authority) {
          if (b.max_discount < t.discount) continue;
          if (b.min_age_days && dpd < *b.min_age_days) continue;
          if (b.max_age_days && dpd > *b.max_age_days) continue;
          if (b.min_balance && major < *b.min_balance) continue;
          if (b.max_balance && *b.max_balance < major) continue;
          band = &b;
          break;
        }
        x.expected_net_recovery_minor = apply(lump, f.settlement) - contact;
        if (band == nullptr) {
          x.refused = refusal::outside_authority;
          if (explain)
            x.why = "a discount of " + t.discount.to_string() + " at " + std::to_string(dpd) + " days past due and balance " +
                    a.balance.to_string() + " is within no authority band";
          break;
        }
        x.authority_level = band->level;
        if (explain)
          x.why = "lump sum " + money_text(lump, c) + " (discount " + t.discount.to_string() + ", approved at level '" +
                  band->level + "'), take-up " + t.take_up.to_string();
        break;
      }
      case strategy::litigation: {
        decimal legal(0);
        bool found = false;
        for (std::string_view j = a.facts.jurisdiction; !j.empty() && !found; j = rules::parent_jurisdiction(j))
          for (const auto& [code, cost] : p.costs.legal)
            if (code == j) {
              legal = cost;
              found = true;
              break;
            }
        x.expected_net_recovery_minor = apply(balance, f.litigation) - minor_of(legal, c);
        if (explain)
          x.why = "success " + t.success.to_string() + " after " + std::to_string(t.months) + " months, legal costs " +
                  money_text(minor_of(legal, c), c);
        break;
      }
      case strategy::agency:
        x.expected_net_recovery_minor = apply(balance, f.agency);
        if (explain)
          x.why = "recovery " + t.recovery.to_string() + " over " + std::to_string(t.months) + " months, net of the '" +
                  p.agency_tier + "' commission";
        break;
      case strategy::sale:
        x.expected_net_recovery_minor = apply(balance, f.sale);
        if (explain) x.why = "sold now at " + t.price.to_string() + " of face value";
        break;
      case strategy::write_off:
        if (explain) x.why = "charged off: no further recovery, no further cost";
        break;
    }
    if (x.refused == refusal::none && x.gate == gate_status::blocked) {
      x.refused = refusal::gate_blocked;
      if (explain) x.why = "the gate blocks '" + std::string(rules::to_string(x.action)) + "': " + g.why[ai];
    } else if (x.refused == refusal::none && x.expected_net_recovery_minor < 0) {
      x.refused = refusal::not_worth_it;
      if (explain) x.why += "; expected value " + money_text(x.expected_net_recovery_minor, c) + " is negative";
    }
  }

  // The champion: the eligible candidate worth most (ties: the lower code). write_off is always eligible.
  std::size_t best = static_cast<std::size_t>(strategy::write_off);
  for (std::size_t k = 0; k < strategy_count; ++k) {
    const candidate& x = d.candidates[k];
    if (x.refused != refusal::none) continue;
    const candidate& b = d.candidates[best];
    if (b.refused != refusal::none || x.expected_net_recovery_minor > b.expected_net_recovery_minor ||
        (x.expected_net_recovery_minor == b.expected_net_recovery_minor && k < best))
      best = k;
  }
  d.challenger = static_cast<std::int64_t>(fnv1a(a.id) % 10000) < cp.threshold;
  if (d.challenger && p.challenger && d.candidates[static_cast<std::size_t>(*p.challenger)].refused == refusal::none)
    best = static_cast<std::size_t>(*p.challenger);
  d.chosen = static_cast<strategy>(best);
  const candidate& chosen = d.candidates[best];

  // Urgency: the limitation period ends soon (the limitation kernel, compiled once per jurisdiction).
  if (const rules::limitation_table* lt = lim.table_for(a.facts.jurisdiction)) {
    auto serial = [](const std::optional<civil_date>& x) { return x ? x->serial() : rules::no_date; };
    const std::uint16_t j = 0;
    const std::uint8_t type = static_cast<std::uint8_t>(a.facts.type);
    const std::int32_t dd = serial(a.facts.defaulted_on), lp = serial(a.facts.last_payment),
                       la = serial(a.facts.last_acknowledgment), co = serial(a.facts.charged_off_on), as = as_of.serial();
    const std::uint8_t buyer = a.facts.debt_buyer ? 1 : 0;
    std::int32_t expires = rules::no_date;
    std::uint8_t status = 0, flags = 0;
    lt->evaluate({.jurisdiction = {&j, 1}, .type = {&type, 1}, .defaulted_on = {&dd, 1}, .last_payment = {&lp, 1},
                  .last_acknowledgment = {&la, 1}, .charged_off_on = {&co, 1}, .debt_buyer = {&buyer, 1},
                  .as_of = {&as, 1}},
                 {.expires_on = {&expires, 1}, .status = {&status, 1}, .flags = {&flags, 1}});
    d.urgent = static_cast<rules::limitation_status>(status) == rules::limitation_status::running &&
               expires != rules::no_date && expires - as_of.serial() <= p.urgency_days;
  }
  const std::int64_t value = std::max<std::int64_t>(chosen.expected_net_recovery_minor, 0);
  d.priority = d.urgent ? static_cast<std::int64_t>(static_cast<int128>(value) * (100 + p.urgency_bonus_percent) / 100) : value;
  d.next_action = chosen.action;
  d.next_action_blocked = chosen.gate == gate_status::blocked;
  d.next_action_at = chosen.allowed_from ? *chosen.allowed_from : std::chrono::sys_seconds{std::chrono::seconds{at}};
  d.charge_off_on = g.charge_off_on;
  for (std::size_t i = 0; i < rules::action_count; ++i)
    if (g.status[i] == gate_status::blocked) d.blocked_actions.push_back(rules::all_actions[i]);

  if (explain) {
    for (const auto& x : d.candidates)
      d.steps.push_back(std::string(to_string(x.kind)) + ": " +
                        (x.refused == refusal::none ? "eligible, expected net recovery " +
                                                          money_text(x.expected_net_recovery_minor, c)
                                                    : "refused (" + std::string(to_string(x.refused)) + ")") +
                        " — " + x.why + ".");
    d.steps.push_back("Chosen: " + std::string(to_string(d.chosen)) +
                      (d.challenger ? " (challenger group: the policy's test strategy first)" : " (the most valuable eligible)") +
                      ", next action '" + std::string(rules::to_string(d.next_action)) + "'" +
                      (d.next_action_blocked ? ", blocked" : "") + ".");
    if (d.urgent) d.steps.push_back("Urgent: the limitation period ends within " + std::to_string(p.urgency_days) + " days.");
  }
  return d;
}

gate_view gate_of(const account_case& a, std::chrono::sys_seconds at, const rules::rule_book& book) {
  gate_view g;
  const auto verdicts = rules::permitted_actions(a.facts, at, book);
  for (std::size_t i = 0; i < rules::action_count; ++i) {
    const auto& v = verdicts[i];
    g.status[i] = v.status;
    if (v.allowed_from) g.from[i] = v.allowed_from->time_since_epoch().count();
    if (!v.reasons.empty()) g.why[i] = v.reasons.front().rule().rule_id + " (" + v.reasons.front().rule().citation + ")";
  }
  g.charge_off_on = verdicts[static_cast<std::size_t>(collection_action::charge_off)].required_by;
  return g;
}

}  // namespace

std::string_view to_string(refusal r) noexcept { return refusal_names[static_cast<std::size_t>(r)]; }

std::string account_decision::explain() const {
  std::string out;
  for (const auto& s : steps) out += s + "\n";
  return out;
}

account_decision decide(const account_case& account, std::chrono::sys_seconds at, const strategy_policy& policy,
                        const rules::rule_book& book) {
  const compiled_policy cp(policy);
  const gate_view g = gate_of(account, at, book);
  limitation_cache lim(book);
  return judge(account, at.time_since_epoch().count(), rules::local_date(account.facts, at), g, cp, lim, true);
}

std::vector<std::string> decide_book(std::span<const account_case> accounts, std::chrono::sys_seconds at,
                                     const decision_columns_out& out, const strategy_policy& policy,
                                     const rules::rule_book& book, row_errors* errors) {
  const std::size_t n = accounts.size();
  auto fits = [&](std::size_t size, bool required, const char* name) {
    if ((required || size != 0) && size != n)
      throw invalid_input_error("decide.columns", std::string(name) + " must have " + std::to_string(n) + " elements");
  };
  fits(out.strategy.size(), true, "strategy");
  fits(out.expected_net_recovery_minor.size(), true, "expected_net_recovery_minor");
  fits(out.offer_amount_minor.size(), false, "offer_amount_minor");
  fits(out.instalments.size(), false, "instalments");
  fits(out.next_action.size(), false, "next_action");
  fits(out.next_action_at.size(), false, "next_action_at");
  fits(out.priority.size(), false, "priority");
  fits(out.challenger.size(), false, "challenger");
  fits(out.charge_off_on.size(), false, "charge_off_on");
  fits(out.blocked_actions.size(), false, "blocked_actions");
  fits(out.segment.size(), false, "segment");
  if (!out.blocked_reason.empty() && out.blocked_reason.size() != n * rules::action_count)
    throw invalid_input_error("decide.columns", "blocked_reason must have " + std::to_string(n) + " x " +
                                                    std::to_string(rules::action_count) + " elements");
  const compiled_policy cp(policy);
  limitation_cache lim(book);
  // The gate for every action over the whole book, through its batch kernel.
  std::vector<const rules::account_facts*> facts(n);
  for (std::size_t i = 0; i < n; ++i) facts[i] = &accounts[i].facts;
  constexpr std::size_t na = rules::action_count;
  std::vector<std::uint8_t> status(n * na);
  std::vector<std::int64_t> from(n * na);
  std::vector<std::int32_t> deadline(n * na);
  std::vector<std::int32_t> reason(n * na);
  row_errors gate_errors;
  std::vector<std::string> rule_ids = rules::permitted_batch(
      facts, rules::all_actions, at,
      rules::gate_columns_out{.status = status, .allowed_from = from, .reason = reason, .required_by = deadline}, book,
      &gate_errors);
  constexpr std::size_t charge_off = static_cast<std::size_t>(collection_action::charge_off);
  std::size_t next_gate_error = 0;
  for (std::size_t i = 0; i < n; ++i) {
    try {
      if (next_gate_error < gate_errors.size() && gate_errors[next_gate_error].row == i) {
        const row_error& e = gate_errors[next_gate_error++];
        throw invalid_input_error(e.id, e.message);
      }
      gate_view g;
      for (std::size_t k = 0; k < na; ++k) {
        g.status[k] = static_cast<gate_status>(status[i * na + k]);
        if (from[i * na + k] != std::numeric_limits<std::int64_t>::min()) g.from[k] = from[i * na + k];
      }
      if (deadline[i * na + charge_off] != rules::no_date) g.charge_off_on = civil_date::from_serial(deadline[i * na + charge_off]);
      const account_decision d =
          judge(accounts[i], at.time_since_epoch().count(), rules::local_date(accounts[i].facts, at), g, cp, lim, false);
      const candidate& c = d.chosen_candidate();
      out.strategy[i] = static_cast<std::uint8_t>(d.chosen);
      out.expected_net_recovery_minor[i] = c.expected_net_recovery_minor;
      if (!out.offer_amount_minor.empty()) out.offer_amount_minor[i] = c.offer_amount_minor;
      if (!out.instalments.empty()) out.instalments[i] = c.instalments;
      if (!out.next_action.empty()) out.next_action[i] = static_cast<std::uint8_t>(d.next_action);
      if (!out.next_action_at.empty())
        out.next_action_at[i] = d.next_action_blocked ? std::numeric_limits<std::int64_t>::min()
                                                      : d.next_action_at.time_since_epoch().count();
      if (!out.priority.empty()) out.priority[i] = d.priority;
      if (!out.challenger.empty()) out.challenger[i] = d.challenger ? 1 : 0;
      if (!out.charge_off_on.empty()) out.charge_off_on[i] = d.charge_off_on ? d.charge_off_on->serial() : rules::no_date;
      if (!out.blocked_actions.empty()) {
        std::uint32_t bits = 0;
        for (const auto act : d.blocked_actions) bits |= 1u << static_cast<unsigned>(act);
        out.blocked_actions[i] = bits;
      }
      if (!out.blocked_reason.empty())
        for (std::size_t k = 0; k < na; ++k)
          out.blocked_reason[i * na + k] =
              g.status[k] == gate_status::blocked ? reason[i * na + k] : std::int32_t{-1};
      if (!out.segment.empty()) {
        std::int32_t s = 0;
        while (policy.segments[static_cast<std::size_t>(s)].id != d.segment) ++s;
        out.segment[i] = s;
      }
    } catch (const error& e) {
      if (errors == nullptr) recoup::detail::rethrow_for_row(e, i);
      errors->push_back({i, e.kind(), e.id(), e.what()});
      out.strategy[i] = static_cast<std::uint8_t>(strategy::write_off);
      out.expected_net_recovery_minor[i] = 0;
      if (!out.next_action_at.empty()) out.next_action_at[i] = std::numeric_limits<std::int64_t>::min();
      if (!out.segment.empty()) out.segment[i] = -1;
      if (!out.blocked_reason.empty())
        std::fill_n(out.blocked_reason.begin() + static_cast<std::ptrdiff_t>(i * na), na, std::int32_t{-1});
    }
  }
  return rule_ids;
}

}  // namespace recoup::decide
