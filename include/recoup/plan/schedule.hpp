#pragma once
// recoup::schedule — the rows of a repayment plan, their totals, and a record of every rounding
// decision, so the figures reconcile to the cent and an auditor can see why.
//
//   auto s = recoup::build_schedule(terms);
//   for (const auto& r : s.rows()) { r.due_date; r.payment; r.interest; r.principal; r.balance; }
//   s.total_payment() == s.total_interest() + s.total_principal() + s.total_fees();
//   std::cout << s.explain();
//
// Invariants (tested): principal repaid equals the amount financed; the balance never goes
// negative and ends at exactly zero; every row's payment = interest + principal + fees.

#include <cstdint>
#include <string>
#include <vector>

#include "recoup/core/money.hpp"
#include "recoup/plan/schedule_terms.hpp"
#include "recoup/time/civil_date.hpp"

namespace recoup {

struct schedule_row {
  std::int64_t number;  ///< 1..n; 0 for a down payment at the start
  civil_date due_date;
  money payment;        ///< interest + principal + fees
  money interest;
  money principal;      ///< negative when unpaid interest is capitalised (payment holiday)
  money fees;
  money balance;        ///< outstanding principal after this row
};

/// One rounding or clearing decision: which row absorbed how much, and why.
struct schedule_adjustment {
  std::int64_t row;
  std::string kind;     ///< "payment_rounding", "residue_first", "final_clears_balance"
  money amount;         ///< signed: added to that row's payment relative to the regular payment
  std::string reason;
};

class schedule {
 public:
  schedule(schedule_terms terms, std::vector<schedule_row> rows, money regular_payment,
           std::string payment_derivation, std::vector<schedule_adjustment> adjustments);

  [[nodiscard]] const schedule_terms& terms() const noexcept { return terms_; }
  [[nodiscard]] const std::vector<schedule_row>& rows() const noexcept { return rows_; }
  /// The regular instalment before the first/last adjustments (excluding fees).
  [[nodiscard]] const money& regular_payment() const noexcept { return regular_payment_; }
  [[nodiscard]] const std::vector<schedule_adjustment>& adjustments() const noexcept { return adjustments_; }
  /// Number of instalments (rows numbered 1..n; a down payment row is not counted).
  [[nodiscard]] std::int64_t instalments() const noexcept;

  [[nodiscard]] money total_payment() const;
  [[nodiscard]] money total_interest() const;
  [[nodiscard]] money total_principal() const;
  [[nodiscard]] money total_fees() const;
  [[nodiscard]] civil_date final_due_date() const;

  /// Plain-English account of the terms, conventions, the payment's derivation, each
  /// rounding adjustment and the totals.
  [[nodiscard]] std::string explain() const;

 private:
  schedule_terms terms_;
  std::vector<schedule_row> rows_;
  money regular_payment_;
  std::string payment_derivation_;
  std::vector<schedule_adjustment> adjustments_;
};

/// Builds the schedule the terms describe. Errors (invalid_input_error unless stated):
/// "plan.principal" (not positive), "plan.periods" (missing, negative or over
/// max_schedule_periods), "plan.dates" (no start/first due, first due not after start),
/// "plan.payment_too_small" (an instalment that never clears the balance),
/// "plan.shape_terms" (an option the shape needs is missing or does not fit it),
/// currency_mismatch_error (amounts in another currency), overflow_error.
[[nodiscard]] schedule build_schedule(const schedule_terms& terms);

}  // namespace recoup
