#pragma once
// recoup::monitor — plan monitoring as a pure function of (schedule, payments, as-of date, policy):
// on track / in arrears / broken / completed, the contractual arrears and days past due, and the
// state of every instalment (paid, late, short, missed, in grace, not yet due) with what paid it.
//
//   recoup::monitor_policy p{.grace_days = 3, .broken_after_missed = 2};
//   auto r = recoup::monitor(plan, {{civil_date::parse("2026-01-15"), money::parse("50.00 GBP")}},
//                            civil_date::parse("2026-03-20"), p);
//   r.status;          // monitor_status::in_arrears
//   r.arrears;         // 50.00 GBP: unpaid on instalments due before the as-of date
//   r.days_past_due;   // as_of - due date of the oldest instalment not fully paid
//   std::cout << r.explain();
//
// Payments apply to instalments oldest first (the monitoring view of a plan, not a debt-bucket
// waterfall). Amounts are whole minor units: no rounding happens anywhere except the tolerance
// fraction of an instalment, which is rounded *down* to the minor unit (rounding_mode::down).
//
// Figures and verdicts:
//   arrears, days_past_due   contractual: instalments due strictly before as_of, no grace, no
//                            tolerance (the figures aging uses);
//   status                   applies grace days and tolerance: an instalment is late only after
//                            due date + grace_days, and a shortfall within tolerance is ignored.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "recoup/core/columns.hpp"
#include "recoup/core/decimal.hpp"
#include "recoup/core/money.hpp"
#include "recoup/plan/schedule.hpp"
#include "recoup/time/civil_date.hpp"

namespace recoup {

/// A payment received: its value date and amount (not negative; remove a reversed payment
/// from the list instead of adding a negative one).
struct dated_payment {
  civil_date date;
  money amount;
};

/// What happens to money paid beyond the instalments it can be applied to.
enum class overpayment_rule {
  /// Excess pays the next instalments in advance (cumulative view).
  roll_forward,
  /// A payment pays instalments due on or before its date and the next one only; anything
  /// beyond is held as unapplied credit and never counts toward later instalments.
  hold_as_credit,
};

/// The rules that turn payments into a verdict. Every field has a safe default.
struct monitor_policy {
  /// Days after a due date before an unpaid instalment counts as late or missed.
  std::int64_t grace_days = 0;
  /// A shortfall at or below this amount is ignored (same currency as the plan).
  std::optional<money> tolerance{};
  /// A shortfall at or below this fraction of the instalment (0.05 = 5%, scale <= 18, in
  /// [0, 1]) is ignored; rounded down to the minor unit. The larger of the two tolerances applies.
  decimal tolerance_fraction = decimal(0);
  /// Broken once this many instalments were missed (not paid within grace and tolerance);
  /// 0 turns the rule off.
  std::int64_t broken_after_missed = 2;
  /// true: the misses must be consecutive instalments; false: in total (since the last cure).
  bool missed_consecutive = false;
  /// Broken once the overdue amount (instalments past their grace) reaches this amount.
  std::optional<money> broken_arrears_at_least{};
  /// Broken once the overdue amount reaches the sum of the last k instalments that fell due; 0 = off.
  std::int64_t broken_arrears_instalments = 0;
  /// true: a broken plan whose overdue instalments are all paid is back on track (the counts
  /// start again); false: broken stays broken until everything is paid (completed).
  bool cure = true;
  overpayment_rule overpayment = overpayment_rule::roll_forward;
};

enum class monitor_status { on_track, in_arrears, broken, completed };

enum class instalment_state {
  paid,         ///< paid in full (or within tolerance) by due date + grace (early counts)
  late,         ///< paid in full (or within tolerance), but after due date + grace
  short_paid,   ///< past due date + grace, partly paid, shortfall above tolerance
  missed,       ///< past due date + grace, nothing paid
  in_grace,     ///< due, not paid in full, still within the grace days
  not_yet_due,  ///< due date after as_of (may already be partly paid)
};

/// One instalment as monitoring sees it on the as-of date.
struct instalment_status {
  std::int64_t number;                      ///< the schedule row's number (0 = down payment)
  civil_date due_date;
  money due;                                ///< the row's payment
  money paid;                               ///< applied to it by as_of
  money shortfall;                          ///< due - paid (may be within tolerance)
  money tolerance;                          ///< the shortfall ignored for this instalment
  instalment_state state;
  std::optional<civil_date> settled_on{};     ///< the day its shortfall fell within tolerance
  std::optional<civil_date> last_payment_on{};///< the last payment applied to it
  std::int64_t days_late = 0;               ///< settled_on - due_date when late; as_of - due_date when short/missed
};

/// Why a plan is (or was) broken: which rule, when, and the figure that tripped it.
struct monitor_event {
  civil_date date;
  std::string kind;    ///< "missed", "short", "broken", "cured"
  std::int64_t instalment = 0;
  std::string detail;  ///< plain English
};

struct monitor_result {
  monitor_status status;
  money arrears;                          ///< contractual: unpaid on instalments due before as_of
  std::int64_t days_past_due = 0;         ///< as_of - oldest unpaid due date before as_of (0 if none)
  money paid_total;                       ///< payments dated on or before as_of
  money applied_total;                    ///< of which applied to instalments
  money unapplied;                        ///< credit: overpayment not applied (paid - applied)
  money outstanding;                      ///< total of the plan not yet paid (due or not)
  std::int64_t missed_count = 0;          ///< misses counted by the broken rule now (since the last cure)
  std::int64_t missed_consecutive_now = 0;///< current run of consecutive misses
  std::int64_t payments_after_as_of = 0;  ///< payments dated after as_of, ignored
  std::optional<civil_date> broken_on{};    ///< when the current broken state began
  std::string broken_rule{};              ///< "missed_instalments", "arrears_amount", "arrears_instalments"
  std::optional<civil_date> last_cured_on{};
  std::vector<instalment_status> instalments{};
  std::vector<monitor_event> events{};    ///< misses, breaks and cures in date order
  civil_date as_of;
  monitor_policy policy;

  /// Plain English: the verdict and the policy rule that decided it, then each instalment.
  [[nodiscard]] std::string explain() const;
};

[[nodiscard]] std::string_view to_string(monitor_status s) noexcept;
[[nodiscard]] std::string_view to_string(instalment_state s) noexcept;
[[nodiscard]] std::string_view to_string(overpayment_rule r) noexcept;
[[nodiscard]] overpayment_rule parse_overpayment_rule(std::string_view name);

/// Monitors `plan` on `as_of`. Payments may come in any order (same-day payments keep their
/// order); payments after as_of are ignored and counted. Errors: invalid_input_error
/// "monitor.policy" (a negative or out-of-range policy field), "monitor.negative_payment",
/// "monitor.due_dates" (rows out of date order), "monitor.negative_instalment";
/// currency_mismatch_error "monitor.currency"; overflow_error when totals pass int64.
[[nodiscard]] monitor_result monitor(const schedule& plan, std::span<const dated_payment> payments, civil_date as_of,
                                     const monitor_policy& policy = {});

/// The same over bare instalments (due dates and amounts, one currency), for plans that did
/// not come from build_schedule. Row numbers are 1..n.
[[nodiscard]] monitor_result monitor(std::span<const civil_date> due_dates, std::span<const money> amounts,
                                     std::span<const dated_payment> payments, civil_date as_of,
                                     const monitor_policy& policy = {});

/// Status codes of the columnar form (0 = the row failed; see row_errors).
enum class monitor_code : std::int8_t { failed = 0, on_track = 1, in_arrears = 2, broken = 3, completed = 4 };

/// Flat input of monitor_plans(): plan i has instalments inst_offsets[i]..inst_offsets[i+1]-1
/// and payments pay_offsets[i]..pay_offsets[i+1]-1. Dates are day serials (days since
/// 1970-01-01); amounts minor units of one currency.
struct monitor_batch_input {
  std::span<const std::int64_t> inst_offsets;  ///< size n+1, starts at 0, non-decreasing
  std::span<const std::int32_t> due_date;
  std::span<const std::int64_t> due_minor;
  std::span<const std::int64_t> pay_offsets;   ///< size n+1
  std::span<const std::int32_t> pay_date;
  std::span<const std::int64_t> pay_minor;
  std::span<const std::int32_t> as_of;         ///< one per plan, or a single date for all
};

/// Per plan outputs (each span of size n).
struct monitor_batch_output {
  std::span<std::int8_t> status;          ///< monitor_code
  std::span<std::int64_t> arrears_minor;
  std::span<std::int64_t> days_past_due;
  std::span<std::int64_t> paid_minor;     ///< payments on or before as_of
  std::span<std::int64_t> outstanding_minor;
  std::span<std::int64_t> missed_count;
};

/// Monitors many plans with the kernel of monitor(): a batch row equals the scalar result.
/// `c` is the currency of every amount (it fixes the tolerance currency). Errors as for
/// monitor(), plus "monitor.batch_shape" (offsets or output sizes that do not fit); a failed
/// row gets status 0 and zeros when `errors` is given, otherwise the first throws "row N: ...".
void monitor_plans(const monitor_batch_input& in, currency c, const monitor_policy& policy,
                   const monitor_batch_output& out, row_errors* errors = nullptr);

}  // namespace recoup
