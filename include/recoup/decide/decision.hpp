// recoup/decide/decision.hpp — what to do next with one account, and with a whole book: every
// strategy the compliance gate allows, valued exactly (expected net recovery, discounted, net
// of costs and commission), the best one within authority and affordability, the concrete
// offer, the champion/challenger group, a priority and the next action with the moment it is
// next allowed. Scalar and columnar forms share one kernel.
//
//   recoup::decide::account_case c;
//   c.id = "A-1001";  c.facts.jurisdiction = "US-TX";  ...
//   c.balance = recoup::money::parse("2400.00 USD");
//   auto d = recoup::decide::decide(c, as_of_instant);          // the example policy
//   d.chosen;         // strategy::settlement
//   d.explain();      // every candidate and why it won or lost
//
// Valuation (docs/explanation/decisions.md): monthly discount factor v = 1 / (1 + r/12);
// plan: take_up x sum of instalment_k x survival_k x v^k, minus handling costs; settlement:
// take_up x lump sum x v, minus a contact; litigation: success x balance x v^months, minus legal
// costs; agency: recovery x balance x (1 - commission) x v^months; sale: price x balance;
// write-off: 0. Factors carry 18 decimal places; each value is rounded once, half-even, to the
// minor unit.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "recoup/core/columns.hpp"
#include "recoup/core/money.hpp"
#include "recoup/decide/strategy_policy.hpp"
#include "recoup/rules/compliance_gate.hpp"

namespace recoup::decide {

/// One account as the decision reads it: the gate's facts plus the money and segment inputs.
struct account_case {
  std::string id;                              ///< the caller's account id (champion/challenger hashes it)
  rules::account_facts facts;                  ///< jurisdiction, dates, events, contact log
  money balance;                               ///< the balance owed now
  std::optional<money> disposable_income{};    ///< monthly, from an income and expenditure statement
  std::optional<std::int64_t> days_past_due{}; ///< when not given: from first_delinquency, else defaulted_on
  std::optional<std::int64_t> score{};         ///< an optional user score for segments
};

/// Why a candidate cannot be chosen.
enum class refusal : std::uint8_t {
  none = 0,
  not_offered = 1,      ///< the segment does not offer it
  gate_blocked = 2,     ///< the compliance gate blocks its action
  outside_authority = 3,///< no authority band allows the discount
  unaffordable = 4,     ///< the instalment exceeds what the consumer can afford
  not_worth_it = 5,     ///< its expected value is negative
};

/// "none", "not_offered", "gate_blocked", "outside_authority", "unaffordable", "not_worth_it".
[[nodiscard]] std::string_view to_string(refusal r) noexcept;

/// One strategy considered for an account.
struct candidate {
  strategy kind = strategy::write_off;
  rules::collection_action action = rules::collection_action::charge_off;  ///< the gate action it needs
  refusal refused = refusal::none;
  std::string why;                               ///< explain: the reason it is refused or how it is valued
  std::int64_t expected_net_recovery_minor = 0;  ///< rounded half-even
  std::int64_t offer_amount_minor = 0;           ///< plan: the regular instalment; settlement: the lump sum
  int instalments = 0;                           ///< plan: number of instalments (last one may be smaller)
  std::int64_t last_instalment_minor = 0;        ///< plan: the last instalment (conserves the balance)
  rules::gate_status gate = rules::gate_status::allowed;
  std::optional<std::chrono::sys_seconds> allowed_from{};
  std::string authority_level{};                 ///< settlement: the band that allows it
};

/// The decision for one account.
struct account_decision {
  std::string id;
  std::string segment;
  strategy chosen = strategy::write_off;
  bool challenger = false;                       ///< in the test group of the champion/challenger split
  std::vector<candidate> candidates{};           ///< one per strategy, in code order
  std::int64_t priority = 0;                     ///< expected value, uplifted when urgent
  bool urgent = false;                           ///< limitation expires within the policy's urgency days
  rules::collection_action next_action = rules::collection_action::charge_off;
  std::chrono::sys_seconds next_action_at{};     ///< when the next action is (next) allowed
  bool next_action_blocked = false;              ///< every candidate is blocked: no date known
  std::optional<civil_date> charge_off_on{};     ///< the FFIEC charge-off deadline, if any
  std::vector<rules::collection_action> blocked_actions{};  ///< actions the gate blocks now
  std::vector<std::string> steps{};              ///< explain()

  [[nodiscard]] const candidate& chosen_candidate() const { return candidates[static_cast<std::size_t>(chosen)]; }
  [[nodiscard]] std::string explain() const;
};

/// The decision for one account at `at`, under `policy` and the gate rules of `book`. Throws the
/// gate's errors for impossible facts, invalid_input_error "decide.no_segment" when no segment
/// matches, "decide.currency" for a balance in another currency than the jurisdiction's,
/// "decide.negative" for a negative balance.
[[nodiscard]] account_decision decide(const account_case& account, std::chrono::sys_seconds at,
                                      const strategy_policy& policy = strategy_policy::example(),
                                      const rules::rule_book& book = rules::rule_book::defaults());

/// A book's decisions as columns (one row per account, in order): the same as decide() without
/// the explanations. Each output span is as long as `accounts` (optional ones may be empty).
struct decision_columns_out {
  std::span<std::uint8_t> strategy;                   ///< strategy codes
  std::span<std::int64_t> expected_net_recovery_minor;
  std::span<std::int64_t> offer_amount_minor{};
  std::span<std::int32_t> instalments{};
  std::span<std::uint8_t> next_action{};              ///< collection_action codes
  std::span<std::int64_t> next_action_at{};           ///< UTC seconds; INT64_MIN when blocked
  std::span<std::int64_t> priority{};
  std::span<std::uint8_t> challenger{};               ///< 1 = test group
  std::span<std::int32_t> charge_off_on{};            ///< day serial; no_date when none
  std::span<std::uint32_t> blocked_actions{};         ///< bit (1 << action) per action blocked now
  std::span<std::int32_t> segment{};                  ///< index into the policy's segments
  /// accounts x action_count, row-major: for each action blocked now, the gate rule that blocks
  /// it (an index into decide_book's returned rule ids); -1 for an action not blocked.
  std::span<std::int32_t> blocked_reason{};
};

/// Decides every account (errors per row into `errors`, or the first thrown with "row N: ").
/// Returns the gate rule ids `out.blocked_reason` indexes.
std::vector<std::string> decide_book(std::span<const account_case> accounts, std::chrono::sys_seconds at,
                                     const decision_columns_out& out,
                                     const strategy_policy& policy = strategy_policy::example(),
                                     const rules::rule_book& book = rules::rule_book::defaults(),
                                     row_errors* errors = nullptr);

}  // namespace recoup::decide
