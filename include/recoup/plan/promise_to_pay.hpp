#pragma once
// recoup::promise_to_pay — a debtor's promise (amount by a date) checked against the payments:
// kept, partially kept, broken or still pending, with the figures and the reason.
//
//   recoup::promise_to_pay pr{.date = civil_date::parse("2026-03-10"), .amount = money::parse("200.00 GBP"),
//                             .made_on = civil_date::parse("2026-03-01"), .grace_days = 2};
//   auto r = recoup::check_promise(pr, payments, civil_date::parse("2026-03-15"));
//   r.status;   // promise_status::partially_kept when 150.00 came in by 2026-03-12
//
// Counted: payments dated from made_on (when given) to the promised date + grace, and not after
// as_of. Kept once the counted total reaches amount - tolerance (even before the date). Payments
// after the deadline do not keep a promise; they are reported as paid_after_deadline.
// Amounts are whole minor units: no rounding.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "recoup/core/money.hpp"
#include "recoup/plan/monitor.hpp"
#include "recoup/time/civil_date.hpp"

namespace recoup {

struct promise_to_pay {
  civil_date date;                      ///< the promised payment date
  money amount;                         ///< the promised amount (positive)
  std::optional<civil_date> made_on{};  ///< when the promise was made: earlier payments do not count
  std::optional<money> tolerance{};     ///< a shortfall at or below this still keeps the promise
  std::int64_t grace_days = 0;          ///< days after `date` that still count
};

enum class promise_status { pending, kept, partially_kept, broken };

struct promise_result {
  promise_status status;
  money promised;
  money paid;                           ///< counted toward the promise (made_on .. deadline, <= as_of)
  money shortfall;                      ///< promised - paid, at least 0
  money paid_after_deadline;            ///< payments after the deadline and not after as_of
  civil_date deadline;                  ///< date + grace_days
  std::optional<civil_date> kept_on{};  ///< the day the counted total reached the amount less tolerance
  civil_date as_of;
  promise_to_pay promise;

  /// Plain English: the verdict, the window counted, the figures and the rule applied.
  [[nodiscard]] std::string explain() const;
};

[[nodiscard]] std::string_view to_string(promise_status s) noexcept;

/// Checks one promise on `as_of`. Errors: invalid_input_error "promise.amount" (not positive),
/// "promise.policy" (negative grace or tolerance, made_on after the date),
/// "monitor.negative_payment"; currency_mismatch_error "promise.currency".
[[nodiscard]] promise_result check_promise(const promise_to_pay& promise, std::span<const dated_payment> payments,
                                           civil_date as_of);

}  // namespace recoup
