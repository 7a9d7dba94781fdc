#pragma once
// recoup::reschedule — re-ageing: recast what is left of a plan into a new plan built by the
// schedule engine, keeping the history (old plan, its monitoring on the day, the amount recast
// and how it was found, the new plan) in one record.
//
//   recoup::schedule_terms t{.principal = money::zero(gbp), .shape = schedule_shape::level_payment,
//                            .periods = 12, .first_due = civil_date::parse("2026-05-01")};
//   auto rec = recoup::reschedule(old_plan, payments, civil_date::parse("2026-04-10"), t);
//   rec.new_plan.rows(); rec.monitoring.status; std::cout << rec.explain();
//
// The amount recast (exact minor units, no rounding):
//   unpaid_instalments     every instalment's unpaid part, due or not (an interest-free
//                          arrangement: the whole remaining plan);
//   outstanding_principal  the unpaid part of instalments due on or before as_of (arrears,
//                          including the interest they carry) + the scheduled balance after the
//                          last of them, less anything already paid toward later instalments:
//                          unearned future interest and fees are dropped.

#include <span>
#include <string>
#include <string_view>

#include "recoup/core/money.hpp"
#include "recoup/plan/monitor.hpp"
#include "recoup/plan/schedule.hpp"
#include "recoup/plan/schedule_terms.hpp"

namespace recoup {

enum class reschedule_basis { unpaid_instalments, outstanding_principal };

struct reschedule_record {
  schedule old_plan;
  monitor_result monitoring;   ///< the old plan as of the reschedule date
  reschedule_basis basis;
  money amount;                ///< recast into the new plan (its principal)
  schedule new_plan;

  /// Plain English: why and how much was recast, the old plan's state, the new plan's terms.
  [[nodiscard]] std::string explain() const;
};

[[nodiscard]] std::string_view to_string(reschedule_basis b) noexcept;
[[nodiscard]] reschedule_basis parse_reschedule_basis(std::string_view name);

/// The amount a reschedule would recast (see the header comment). Errors as monitor().
[[nodiscard]] money reschedule_amount(const schedule& old_plan, std::span<const dated_payment> payments, civil_date as_of,
                                      reschedule_basis basis, const monitor_policy& policy = {});

/// Recasts the remaining amount into build_schedule(new_terms with principal = that amount).
/// Errors: invalid_input_error "reschedule.nothing_outstanding" (nothing left to recast),
/// currency_mismatch_error "reschedule.currency" (new_terms in another currency), and those of
/// monitor() and build_schedule().
[[nodiscard]] reschedule_record reschedule(const schedule& old_plan, std::span<const dated_payment> payments, civil_date as_of,
                                           schedule_terms new_terms,
                                           reschedule_basis basis = reschedule_basis::unpaid_instalments,
                                           const monitor_policy& policy = {});

}  // namespace recoup
