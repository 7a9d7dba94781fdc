// recoup/rules/limitation.hpp — limitation periods (statutes of limitation, UK limitation and
// Scottish prescription): when a debt becomes time-barred, its status on a date, and whether a
// payment now would restart or revive it. Figures come from the rule packs
// (data/rules/us-state-limitation.toml, uk-limitation.toml; ids "limitation.<debt type>").
//
//   recoup::rules::limitation_facts facts;
//   facts.last_payment = recoup::civil_date::parse("2021-03-15");
//   auto v = recoup::rules::limitation("US-TX", recoup::rules::debt_type::open_account, facts,
//                                      recoup::civil_date::parse("2026-11-23"));
//   v.status;      // limitation_status::expired
//   v.expires_on;  // 2025-03-15
//   v.explain();
//
// Conventions (docs/explanation/limitation.md):
// - The period runs from its start event (the pack's params.start_event: "default" = the breach
//   or first missed payment). expires_on = start + the period (the anniversary, month-end
//   clamped): the last day on which an action is in time; the debt is time-barred from the
//   day after.
// - When the default date is missing but a last payment is known, the last payment is used as
//   the start: the default came after it, so the true expiry is no earlier. The verdict says
//   so (start_is_lower_bound): safe for "may we sue?", not for telling a consumer the debt is
//   time-barred. With neither date the status is "unknown" — never a guess.
// - A part payment (restart_by_payment) or a written acknowledgment (restart_by_acknowledgment)
//   made while the period runs starts it again. Made after expiry, it revives the debt only
//   where params.revival_after_expiry allows (and never for debt buyers where
//   limitation.revival_debt_buyer is false).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "recoup/rules/rule_book.hpp"
#include "recoup/rules/verdict.hpp"

namespace recoup::rules {

/// The kinds of debt limitation statutes distinguish.
enum class debt_type : std::uint8_t {
  written_contract,
  oral_contract,
  promissory_note,
  open_account,  ///< open account / credit card (classified differently by state; may be contested)
  specialty,     ///< a deed (UK: 12 years)
  judgment,      ///< a money judgment: how long it may be enforced or sued on; the period runs
                 ///< from the day it was entered (pass that day as limitation_facts::defaulted_on)
};
/// The number of debt types (codes 0 .. debt_type_count - 1).
inline constexpr std::size_t debt_type_count = 6;

/// "written_contract", ...; debt_type_from_name throws invalid_input_error ("limitation.debt_type").
std::string_view to_string(debt_type t) noexcept;
debt_type debt_type_from_name(std::string_view name);

enum class limitation_status : std::uint8_t {
  running,  ///< in time on the as-of date
  expired,  ///< time-barred on the as-of date
  unknown,  ///< no start date known, or no rule in force: nothing is guessed
};
/// The number of limitation statuses.
inline constexpr std::size_t limitation_status_count = 3;

std::string_view to_string(limitation_status s) noexcept;

/// What is known about the debt. Missing dates stay missing.
struct limitation_facts {
  std::optional<civil_date> defaulted_on{};         ///< breach / first missed payment (cause of action)
  std::optional<civil_date> last_payment{};         ///< the latest part payment
  std::optional<civil_date> last_acknowledgment{};  ///< the latest written, signed acknowledgment
  std::optional<civil_date> charged_off_on{};       ///< for packs whose start event is the charge-off
  bool debt_buyer = false;                          ///< the holder bought the debt (revival rules differ)
};

struct limitation_verdict : verdict {
  std::string jurisdiction;
  debt_type type = debt_type::open_account;
  civil_date as_of;
  limitation_status status = limitation_status::unknown;
  std::optional<civil_date> starts_on{};   ///< the date the period runs from (after restarts)
  std::optional<civil_date> expires_on{};  ///< the last day in time (time-barred from the next day)
  std::string period;                      ///< "4 years"
  bool start_is_lower_bound = false;       ///< the start is the last payment standing in for a missing default
  bool restarted = false;                  ///< a payment or acknowledgment while running restarted the period
  bool revived = false;                    ///< a payment or acknowledgment after expiry revived the debt
  bool extinguished = false;               ///< expired where expiry extinguishes the debt itself (WI, MS, Scotland)
  bool contested = false;                  ///< the classification is contested; see alternative_expires_on
  std::optional<civil_date> alternative_expires_on{};  ///< expiry under the contested longer period
  bool payment_now_restarts = false;       ///< running: a part payment today would start the period again
  bool payment_now_revives = false;        ///< expired: a payment today would revive the debt
};

/// The limitation verdict for one debt.
[[nodiscard]] limitation_verdict limitation(std::string_view jurisdiction, debt_type type, const limitation_facts& facts,
                              civil_date as_of, const rule_book& book = rule_book::defaults());

// --- columnar form ----------------------------------------------------------------------------

/// Marks a missing date in the columnar form.
inline constexpr std::int32_t no_date = INT32_MIN;

/// Bits of limitation_columns_out::flags.
enum limitation_flag : std::uint8_t {
  limitation_lower_bound = 1,    ///< start_is_lower_bound
  limitation_restarted = 2,
  limitation_revived = 4,
  limitation_extinguished = 8,
  limitation_contested = 16,
  limitation_payment_restarts = 32,
  limitation_payment_revives = 64,
  limitation_no_rule = 128,      ///< no version in force on the as-of date (status unknown)
};

/// The flag bits with their names: the one table the Python (rules.LIMITATION_FLAGS) and C
/// (RECOUP_LIMITATION_*, checked at compile time) names come from.
struct limitation_flag_name {
  std::string_view name;
  std::uint8_t bit;
};
inline constexpr std::array<limitation_flag_name, 8> limitation_flag_names{{
    {"start_is_lower_bound", limitation_lower_bound},
    {"restarted", limitation_restarted},
    {"revived", limitation_revived},
    {"extinguished", limitation_extinguished},
    {"contested", limitation_contested},
    {"payment_now_restarts", limitation_payment_restarts},
    {"payment_now_revives", limitation_payment_revives},
    {"no_rule_in_force", limitation_no_rule},
}};

/// Input columns. Dates are day serials (days since 1970-01-01) with no_date for missing;
/// jurisdiction holds indexes into the code list given to limitation_table; as_of has one
/// element (every row) or one per row; last_acknowledgment and charged_off_on may be empty.
struct limitation_columns_in {
  std::span<const std::uint16_t> jurisdiction;
  std::span<const std::uint8_t> type;
  std::span<const std::int32_t> defaulted_on;
  std::span<const std::int32_t> last_payment;
  std::span<const std::int32_t> last_acknowledgment{};
  std::span<const std::int32_t> charged_off_on{};
  std::span<const std::uint8_t> debt_buyer{};
  std::span<const std::int32_t> as_of{};
};

/// Output columns, each as long as the input.
struct limitation_columns_out {
  std::span<std::int32_t> expires_on;  ///< no_date when unknown
  std::span<std::uint8_t> status;      ///< limitation_status
  std::span<std::uint8_t> flags;       ///< limitation_flag bits
};

/// The limitation rules of a set of jurisdictions compiled for the columnar kernel: the same
/// answers as limitation() without its explanation, with no allocation per row.
class limitation_table {
 public:
  /// Throws unknown_jurisdiction_error for a code with no limitation rules in the book.
  limitation_table(const std::vector<std::string>& jurisdictions, const rule_book& book = rule_book::defaults());
  /// Evaluates every row. Throws invalid_input_error ("limitation.columns") for mismatched
  /// lengths, a jurisdiction index out of range or an unknown debt type code.
  void evaluate(const limitation_columns_in& in, const limitation_columns_out& out) const;

  /// One rule version compiled for the kernel (internal).
  struct version {
    std::int32_t from = 0;
    std::int32_t to = INT32_MAX;
    std::int32_t months = 0;
    std::int32_t alternative_months = 0;  ///< 0: not contested
    std::uint8_t start = 0;               ///< 0 default, 1 charge-off, 2 last payment, 3 last activity
    std::uint8_t revive = 0;              ///< 0 none, 1 acknowledgment, 2 payment or acknowledgment
    bool restart_by_payment = false;
    bool restart_by_acknowledgment = false;
    bool extinguishes = false;
  };

 private:
  struct debt_buyer_rule {
    std::int32_t from;
    std::int32_t to;
    bool may_revive;
  };
  std::vector<std::vector<version>> table_;  // [jurisdiction * 5 + debt type] -> versions
  std::vector<std::vector<debt_buyer_rule>> debt_buyer_;  // [jurisdiction] -> limitation.revival_debt_buyer
  std::vector<std::string> codes_;
};

}  // namespace recoup::rules
