#pragma once
// recoup::apply_payments — a configurable payment waterfall over what a debtor owes, replayed
// from the ledger so that a returned (NSF) payment reverses exactly.
//
// What is owed is a list of charges: each has a due date, a bucket (costs, fees, penalties,
// interest, principal) and an amount. A payment is spread over the charges due on or before its
// date in the policy's order:
//
//   per_instalment  oldest due date first; within a date, the bucket order (Fineract's
//                   "Penalties, Fees, Interest, Principal order" is per_instalment)
//   per_bucket      the bucket order first; within a bucket, oldest due date first
//                   (all arrears interest before any principal)
//
// What is left after every charge due by the payment date is an overpayment, handled as the
// caller chooses: held as credit (unapplied), applied to the next charges not yet due (reduce
// next instalments), or applied to principal from the last instalment backwards (shorten the
// term). Payments are applied in date order (ties in ledger order); the result is a pure
// function of (charges, payments, policy), so reversing a payment is "remove it and replay".

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "recoup/core/money.hpp"
#include "recoup/plan/schedule.hpp"
#include "recoup/time/civil_date.hpp"

namespace recoup {

enum class charge_bucket { costs, fees, penalties, interest, principal };

enum class waterfall_scope { per_instalment, per_bucket };

enum class overpayment_policy { hold_as_credit, reduce_next_instalments, shorten_term };

struct charge {
  civil_date due;
  charge_bucket bucket;
  money amount;                ///< positive
  std::int64_t instalment = 0; ///< the instalment it belongs to (0 = not part of a plan)
};

struct ledger_payment {
  std::string id;              ///< unique; used to reverse it
  civil_date date;
  money amount;                ///< positive
};

struct waterfall_policy {
  std::vector<charge_bucket> order{charge_bucket::costs, charge_bucket::fees, charge_bucket::penalties,
                                   charge_bucket::interest, charge_bucket::principal};
  waterfall_scope scope = waterfall_scope::per_instalment;
  overpayment_policy overpayment = overpayment_policy::hold_as_credit;

  /// Named presets: "standard" (costs, fees, penalties, interest, principal; per instalment),
  /// "penalties_fees_interest_principal" (Fineract's mifos-standard order, per instalment),
  /// "principal_interest_penalties_fees", "interest_principal_penalties_fees" (Fineract's
  /// order-named strategies, per instalment), "arrears_interest_first" (per bucket: all
  /// interest arrears, then principal, then charges). Unknown names throw "waterfall.preset".
  static waterfall_policy preset(std::string_view name);
  /// The preset names, in documentation order.
  static std::vector<std::string> preset_names();
};

/// One slice of a payment applied to one charge.
struct allocation {
  std::string payment_id;
  civil_date date;
  std::size_t charge_index;    ///< index into the charges given
  charge_bucket bucket;
  money amount;
};

struct waterfall_result {
  std::vector<allocation> allocations;
  std::vector<money> outstanding;  ///< per charge, what is left unpaid
  money credit;                    ///< overpayment held (hold_as_credit, or nothing left to pay)
  money total_applied;
  money total_outstanding;

  /// Unpaid amount per bucket (costs .. principal).
  [[nodiscard]] money outstanding_in(charge_bucket b, const std::vector<charge>& charges) const;
  /// A plain-English account of each payment's split.
  [[nodiscard]] std::string explain(const std::vector<charge>& charges) const;
};

/// What a schedule makes owed: each instalment's fees, interest and principal (in that order)
/// as charges due on the row's date, with the row's number as `instalment`. Zero amounts are
/// left out; a down-payment row (number 0) is paid at the start, so it is not owed.
[[nodiscard]] std::vector<charge> charges_from_schedule(const schedule& plan);

/// Applies every payment, in date order, to `charges` under `policy`. Errors: invalid_input
/// "waterfall.amount" (a non-positive charge or payment), "waterfall.duplicate_id",
/// "waterfall.order" (an order that repeats or omits a bucket), currency_mismatch_error.
[[nodiscard]] waterfall_result apply_payments(const std::vector<charge>& charges,
                                              const std::vector<ledger_payment>& payments,
                                              const waterfall_policy& policy = {});

/// The same ledger without the payment `payment_id` (a returned or NSF payment), replayed:
/// every later allocation is recomputed exactly. Throws "waterfall.unknown_payment".
[[nodiscard]] waterfall_result reverse_payment(const std::vector<charge>& charges,
                                               const std::vector<ledger_payment>& payments,
                                               std::string_view payment_id, const waterfall_policy& policy = {});

[[nodiscard]] std::string_view to_string(charge_bucket b) noexcept;
[[nodiscard]] std::string_view to_string(waterfall_scope s) noexcept;
[[nodiscard]] std::string_view to_string(overpayment_policy p) noexcept;
[[nodiscard]] charge_bucket parse_charge_bucket(std::string_view name);
[[nodiscard]] waterfall_scope parse_waterfall_scope(std::string_view name);
[[nodiscard]] overpayment_policy parse_overpayment_policy(std::string_view name);

}  // namespace recoup
