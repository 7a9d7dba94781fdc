// recoup/decide/strategy_policy.hpp — a recovery strategy policy as data: segments of a book
// (days past due, balance, jurisdiction, debt type, score) with the take-up and break hazard of
// each strategy, its costs, the settlement authority bands (upper and lower bounds) and the
// affordability rule. Loaded from TOML (data/policies/README.md; JSON Schema
// data/policies/schema.json); the shipped policy is an EXAMPLE with illustrative figures.
//
//   auto p = recoup::decide::strategy_policy::example();          // data/policies/example.toml
//   auto mine = recoup::decide::strategy_policy::from_file("acme.toml");  // rule_pack_error names line and key
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "recoup/core/decimal.hpp"
#include "recoup/core/money.hpp"
#include "recoup/rules/limitation.hpp"

namespace recoup::decide {

/// The strategies a policy may value. Codes are stable (the columnar form uses them).
enum class strategy : std::uint8_t {
  payment_plan = 0,  ///< an affordable instalment plan for the full balance
  settlement = 1,    ///< a lump sum for less than the balance
  litigation = 2,    ///< sue, then enforce the judgment
  agency = 3,        ///< place with a collection agency on commission
  sale = 4,          ///< sell the debt at a share of face value
  write_off = 5,     ///< charge off and stop (worth nothing, costs nothing)
};

inline constexpr std::size_t strategy_count = 6;

/// "payment_plan", "settlement", "litigation", "agency", "sale", "write_off".
[[nodiscard]] std::string_view to_string(strategy s) noexcept;
/// The strategy named `name`; throws invalid_input_error ("decide.unknown_strategy").
[[nodiscard]] strategy parse_strategy(std::string_view name);

/// How one strategy behaves in one segment. Rates are exact decimals (0..1).
struct strategy_terms {
  bool offered = false;                 ///< the segment offers this strategy at all
  decimal take_up = decimal(0);         ///< share of accounts that accept (plan, settlement)
  decimal monthly_break_hazard = decimal(0);  ///< plan: chance a running plan breaks each month
  int max_instalments = 12;             ///< plan: the most instalments offered
  decimal discount = decimal(0);        ///< settlement: share of the balance forgiven
  decimal success = decimal(0);         ///< litigation: chance of recovering the balance
  decimal recovery = decimal(0);        ///< agency: share of the balance the agency recovers
  int months = 0;                       ///< litigation / agency: months until the money arrives
  decimal price = decimal(0);           ///< sale: share of face value paid now
};

/// One segment of the book: the first segment whose conditions all hold is the account's.
struct segment {
  std::string id;
  std::optional<std::int64_t> min_days_past_due{}, max_days_past_due{};  ///< inclusive bounds
  std::optional<decimal> min_balance{}, max_balance{};  ///< inclusive, in major units of the balance's currency
  std::vector<std::string> jurisdictions{};  ///< codes or "US-*" prefixes; empty = any
  std::vector<rules::debt_type> debt_types{};  ///< empty = any
  std::optional<std::int64_t> min_score{}, max_score{};  ///< inclusive; an account without a score matches only unbounded segments
  strategy_terms terms[strategy_count]{};
};

/// A settlement authority band: the largest discount allowed where every condition holds.
/// Bounds are inclusive (the boundary rule is stated in the policy file and its docs).
struct authority_band {
  std::string level;                        ///< "agent", "supervisor", ...
  decimal max_discount = decimal(0);
  std::optional<std::int64_t> min_age_days{}, max_age_days{};
  std::optional<decimal> min_balance{}, max_balance{};  ///< major units
};

/// Collection costs, in major units of the balance's currency.
struct cost_terms {
  decimal per_contact = decimal(0);     ///< each letter or call of a plan or offer
  decimal per_payment = decimal(0);     ///< handling each plan payment
  std::vector<std::pair<std::string, decimal>> legal{};  ///< jurisdiction (or parent) -> legal costs and fees
  std::vector<std::pair<std::string, decimal>> agency_commission{};  ///< tier -> commission share
};

/// A whole policy.
struct strategy_policy {
  std::string id;
  std::string title;
  bool is_example = false;            ///< illustrative figures (the shipped default)
  std::string origin;                 ///< file name, or "built-in data/policies/example.toml"
  decimal annual_discount_rate = decimal(0);   ///< the lender's cost of money, for NPV
  decimal affordability_share = decimal(1);    ///< share of disposable income an instalment may take
  decimal minimum_payment = decimal(0);        ///< major units
  std::vector<std::pair<std::string, std::string>> currencies{};  ///< jurisdiction (or parent) -> ISO code
  std::vector<segment> segments{};
  std::vector<authority_band> authority{};
  cost_terms costs{};
  std::string agency_tier = "primary";         ///< the tier whose commission applies
  decimal challenger_share = decimal(0);       ///< champion/challenger: share of accounts in the test group
  std::optional<strategy> challenger{};        ///< the strategy the test group tries first
  std::int64_t urgency_days = 90;              ///< limitation expiring within this many days is urgent
  std::int64_t urgency_bonus_percent = 50;     ///< priority uplift of urgent accounts

  /// The shipped example policy (parsed once; thread-safe).
  static const strategy_policy& example();
  /// A policy from a TOML file or text; throws rule_pack_error ("decide.policy") naming the
  /// source, the line and the key.
  static strategy_policy from_file(const std::string& path);
  static strategy_policy from_text(std::string_view toml, std::string_view origin = "<string>");

  /// The currency of a jurisdiction by the policy's table (exact code, then its parent); throws
  /// invalid_input_error ("decide.currency") when the table has neither.
  [[nodiscard]] currency currency_of(std::string_view jurisdiction) const;
};

}  // namespace recoup::decide
