// recoup/rules/compliance_gate.hpp — may we take this action on this account now, and if not,
// from when? One gate over every rule family (FDCPA / Reg F cease, disputes, attorney, deceased,
// channel opt-outs, contact frequency and hours; bankruptcy stay and discharge; time-barred
// suits; passive credit reporting and FCRA obsolescence; SCRA; FFIEC charge-off and re-ageing;
// UK Breathing Space, CCA default notices, the Pre-Action Protocol, CONC 7 and Scottish
// prescription), read from the gate packs (data/rules/us-gate.toml, uk-gate.toml).
//
// Precedence is data: each gate rule names the condition it tests, the actions it blocks, and
// its effect — "block", "allow" (an exception lifting the named rules' blocks for some actions,
// e.g. a cease request still allows a notice that collection is ending), "require" (an
// obligation attached to an allowed action, e.g. report a disputed account as disputed) or
// "deadline" (the latest day, e.g. FFIEC charge-off). A state's rule of the same id replaces
// the federal one.
//
//   recoup::rules::account_facts a;  a.jurisdiction = "US-TX";  ...
//   auto v = recoup::rules::permitted(a, recoup::rules::collection_action::litigate, now);
//   v.status;           // gate_status::blocked (time-barred: 12 CFR 1006.26(b))
//   v.explain();        // every reason with its rule, version, citation and certainty
//
// allowed_from is the first instant the action becomes allowed if nothing else changes: date
// rules lift at local midnight of their first free day in the consumer's first time zone (UTC
// when no zone is known); calls and messages then wait for the Reg F hours in every candidate
// zone (DST-correct, through the contact engine).
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "recoup/core/columns.hpp"
#include "recoup/rules/account_facts.hpp"
#include "recoup/rules/collection_action.hpp"
#include "recoup/rules/rule_book.hpp"
#include "recoup/rules/verdict.hpp"

namespace recoup::rules {

/// The gate's answer for one action.
enum class gate_status : std::uint8_t {
  allowed = 0,       ///< may be taken now
  blocked = 1,       ///< may not be taken, and no date is known when that ends
  allowed_from = 2,  ///< may not be taken now; allowed from `allowed_from` if nothing changes
};

/// "allowed", "blocked", "allowed_from".
[[nodiscard]] std::string_view to_string(gate_status s) noexcept;

/// One reason behind a gate verdict: the gate rule that decided (first in `rules`), the rules it
/// consulted (a limitation period, a validation period, ...), and a plain-English sentence.
struct gate_reason {
  std::vector<rule_reference> rules;                   ///< the gate rule first, then what it consulted
  std::string text;                                    ///< why, with the facts and dates
  std::optional<std::chrono::sys_seconds> until{};     ///< a block: the instant it lifts (none = not known)
  [[nodiscard]] const rule_reference& rule() const { return rules.front(); }
};

/// Whether one action may be taken at `at`, why, and from when.
struct action_verdict : verdict {
  collection_action action = collection_action::call;
  gate_status status = gate_status::blocked;
  std::chrono::sys_seconds at{};                          ///< the moment asked about (UTC)
  civil_date as_of{};                                     ///< its local date (first zone; UTC without one)
  std::optional<std::chrono::sys_seconds> allowed_from{}; ///< status allowed_from: the first allowed instant
  std::vector<gate_reason> reasons{};                     ///< what blocks it (at `at`, then on the way to allowed_from)
  std::vector<gate_reason> conditions{};                  ///< obligations and exceptions that apply when it is taken
  std::optional<civil_date> required_by{};                ///< a deadline (charge-off, validation notice), if any
  std::optional<gate_reason> deadline{};                  ///< the rule that set required_by

  [[nodiscard]] bool allowed() const noexcept { return status == gate_status::allowed; }
};

/// The verdict for one action at `at`. Throws invalid_input_error for impossible facts
/// ("gate.event_order": a discharge before the filing, a verification before the dispute;
/// "gate.future_fact": a fact or call dated after `at`; "gate.chapter"), the contact errors for
/// unknown time zones, and unknown_jurisdiction_error ("gate.jurisdiction") when no gate pack
/// covers the account's jurisdiction.
[[nodiscard]] action_verdict permitted(const account_facts& account, collection_action action,
                                       std::chrono::sys_seconds at, const rule_book& book = rule_book::defaults());

/// The verdicts of every action, in code order (one element per collection_action).
[[nodiscard]] std::vector<action_verdict> permitted_actions(const account_facts& account, std::chrono::sys_seconds at,
                                                            const rule_book& book = rule_book::defaults());

/// The instant local day `d` begins for the account: midnight in its first time zone (UTC when
/// it has none; a midnight inside a DST gap begins at the transition). Throws the contact
/// errors for an unknown zone name.
[[nodiscard]] std::chrono::sys_seconds start_of_local_day(const account_facts& account, civil_date d);

/// One action for many accounts through the kernel without explanations: the statuses,
/// instants and deadlines of permitted() (calls and every candidate zone included), with no
/// explanation text built. `allowed_from` (INT64_MIN when none) and `required_by` (no_date when
/// none) may be empty; otherwise each span is as long as `accounts`. A bad account throws with
/// "row N: " in front, or is recorded in `errors` (status blocked) when `errors` is given.
void permitted_batch(std::span<const account_facts* const> accounts, collection_action action,
                     std::chrono::sys_seconds at, std::span<std::uint8_t> status, std::span<std::int64_t> allowed_from = {},
                     std::span<std::int32_t> required_by = {}, const rule_book& book = rule_book::defaults(),
                     row_errors* errors = nullptr);

/// The account's local date of UTC instant `at` (in its first time zone; UTC when none): the date
/// the gate judges rules by.
[[nodiscard]] civil_date local_date(const account_facts& account, std::chrono::sys_seconds at);

/// Several actions for many accounts in one pass (one kernel per account): outputs are row-major,
/// element [row * actions.size() + k] for actions[k]; otherwise as permitted_batch above.
void permitted_batch(std::span<const account_facts* const> accounts, std::span<const collection_action> actions,
                     std::chrono::sys_seconds at, std::span<std::uint8_t> status, std::span<std::int64_t> allowed_from,
                     std::span<std::int32_t> required_by, const rule_book& book, row_errors* errors = nullptr);

struct gate_columns_out;

/// As above, with the main blocking (or delaying) rule of every (row, action): `out.reason[row *
/// actions.size() + k]` indexes the returned rule ids (-1 when allowed now).
/// `out.status` is required; the other spans may be empty or accounts x actions long.
std::vector<std::string> permitted_batch(std::span<const account_facts* const> accounts,
                                         std::span<const collection_action> actions, std::chrono::sys_seconds at,
                                         const gate_columns_out& out, const rule_book& book,
                                         row_errors* errors = nullptr);

// --- columnar form ------------------------------------------------------------------------------

/// Bits of gate_columns_in::flags.
namespace gate_fact {
inline constexpr std::uint32_t debt_buyer = 1u << 0;
inline constexpr std::uint32_t attorney_represented = 1u << 1;
inline constexpr std::uint32_t scra_active_duty = 1u << 2;
inline constexpr std::uint32_t vulnerable = 1u << 3;
inline constexpr std::uint32_t mental_health_breathing_space = 1u << 4;
inline constexpr std::uint32_t open_end = 1u << 5;       ///< revolving credit (set with known_credit_kind)
inline constexpr std::uint32_t known_credit_kind = 1u << 6;  ///< open_end says closed (0) or open (1)
inline constexpr std::uint32_t not_cca_regulated = 1u << 7;
inline constexpr std::uint32_t creditor = 1u << 8;       ///< the creditor acts (not a debt collector)
inline constexpr std::uint32_t call_consent = 1u << 9;
}  // namespace gate_fact

/// An account book as columns. Dates are day serials with no_date for missing; any date
/// column may be empty (all missing). `at` has one element (every row) or one per row.
struct gate_columns_in {
  std::span<const std::uint16_t> jurisdiction;  ///< index into the codes given to gate_table
  std::span<const std::uint8_t> type{};         ///< debt_type codes; empty = open_account
  std::span<const std::int64_t> at{};           ///< UTC seconds since 1970
  std::span<const std::uint32_t> flags{};       ///< gate_fact bits; empty = none
  std::span<const std::uint8_t> opted_out{};    ///< bit (1 << contact_channel) per opted-out medium
  std::span<const std::int32_t> zone{};         ///< index into the zones given to gate_table; -1 none
  std::span<const std::uint8_t> bankruptcy_chapter{};
  std::span<const std::uint8_t> consecutive_minimum_payments{};
  std::span<const std::int32_t> opened_on{}, first_delinquency{}, defaulted_on{}, last_payment{},
      last_acknowledgment{}, charged_off_on{}, first_contact_on{}, validation_notice_sent_on{}, settled_on{},
      dispute_received_on{}, dispute_verified_on{}, cease_requested_on{}, bankruptcy_filed_on{},
      bankruptcy_discharged_on{}, bankruptcy_dismissed_on{}, deceased_on{}, breathing_space_started_on{},
      breathing_space_ended_on{}, identity_theft_reported_on{}, fraud_discovered_on{},
      default_notice_served_on{}, letter_of_claim_on{}, last_reaged_on{};
};

/// Throws invalid_input_error "gate.columns" unless every optional column is empty or as long as
/// `jurisdiction` (and `at` has 0, 1 or one element per row).
void check_columns(const gate_columns_in& in);

/// Fills `out` with row `row` of `in` (jurisdiction and zone as indexes into `codes` and
/// `zones`), reusing its storage (no allocation once its strings and vectors have grown). The
/// row reader of gate_table and of the decision layer's columns. Throws "gate.columns" for an
/// index out of range.
void account_from_columns(const gate_columns_in& in, std::size_t row, std::span<const std::string> codes,
                          std::span<const std::string> zones, account_facts& out);

/// Output columns, row-major over the actions asked: element [row * actions.size() + k] is the
/// verdict of actions[k] for that row.
struct gate_columns_out {
  std::span<std::uint8_t> status;          ///< gate_status
  std::span<std::int64_t> allowed_from{};  ///< UTC seconds; INT64_MIN unless status is allowed_from
  std::span<std::int32_t> reason{};        ///< index into gate_table::rule_ids() of the main blocking rule; -1 none
  std::span<std::int32_t> required_by{};   ///< deadline day serial; no_date for none
};

/// The gate rules of a set of jurisdictions compiled once for a book: the columnar kernel gives
/// the same statuses and instants as permitted(), without explanations. Rows with a pending
/// cease, bankruptcy, dispute or notice consult the scalar checks of those rules; a row with no
/// such event allocates nothing.
class gate_table {
 public:
  /// Throws unknown_jurisdiction_error ("gate.jurisdiction") for a code no gate pack covers and
  /// the contact errors for an unknown zone name.
  gate_table(const std::vector<std::string>& jurisdictions, const std::vector<std::string>& zones = {},
             const rule_book& book = rule_book::defaults());
  ~gate_table();
  gate_table(gate_table&&) noexcept;
  gate_table& operator=(gate_table&&) noexcept;

  /// Evaluates every row for each action in `actions` (empty = all, in code order). Throws
  /// invalid_input_error "gate.columns" for mismatched lengths or codes out of range; a row
  /// whose facts are impossible throws with "row N: " in front, or is recorded in `errors`
  /// (its statuses set to blocked, reason -1) when `errors` is given.
  void evaluate(const gate_columns_in& in, std::span<const collection_action> actions, const gate_columns_out& out,
                row_errors* errors = nullptr) const;

  /// The gate rule ids the `reason` column indexes.
  [[nodiscard]] const std::vector<std::string>& rule_ids() const noexcept;

  struct impl;

 private:
  std::unique_ptr<impl> impl_;
};

}  // namespace recoup::rules
