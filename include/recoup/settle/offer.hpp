#pragma once
// recoup/settle/offer.hpp — a settlement offer: what the debtor pays, when, and what is forgiven.
//
// Three shapes, all exact to the minor unit:
//   lump_sum                balance × fraction (rounded with a named mode), raised to a minimum
//                           floor and capped at the balance; paid now (period 0)
//   instalment_settlement   balance × fraction split into k payments with the library's
//                           allocation (no lost cent), one period apart, the first at period 1
//                           (due dates from recoup::due_dates when a first due date is given)
//   full_balance_plan       the whole balance in k payments (an instalment settlement at 100%)
// and offer_from_schedule(), which takes the rows of any recoup::schedule as a plan offer.
//
// forgiven() is balance − settled. Whether a forgiveness must be reported (for example on IRS
// Form 1099-C) is decided by the rules layer, which fills `reporting`; this layer never decides it.
//
//   auto o = recoup::lump_sum_offer(money::parse("4000.00 USD"), decimal("0.60"), {},
//                                   rounding_mode::half_up);          // 2400.00 USD, 1600.00 forgiven
//   o.discount(6, rounding_mode::half_even);                           // 0.400000

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "recoup/core/allocation.hpp"
#include "recoup/core/decimal.hpp"
#include "recoup/core/money.hpp"
#include "recoup/core/rounding.hpp"
#include "recoup/plan/schedule.hpp"
#include "recoup/time/civil_date.hpp"
#include "recoup/time/frequency.hpp"

namespace recoup {

enum class offer_kind : unsigned char { lump_sum, instalment_settlement, full_balance_plan, schedule_plan };

/// "lump_sum", "instalment_settlement", "full_balance_plan", "schedule_plan".
[[nodiscard]] std::string_view to_string(offer_kind k) noexcept;

/// One payment of an offer: at `period` (0 = now, 1 = one period from now, ...).
struct offer_payment {
  std::int64_t period = 0;
  money amount;
  std::optional<civil_date> due_date{};
};

/// The verdict of a reporting rule on the forgiven amount (filled by the rules layer, e.g. the
/// 26 U.S.C. 6050P / Form 1099-C check); the settlement layer only carries it.
struct forgiveness_report {
  bool reportable = false;
  std::string rule_id{};
  std::string citation{};
  std::string reason{};
};

/// Most payments an offer may have.
inline constexpr std::int64_t max_offer_payments = 1200;

/// A settlement offer: the balance, the payments that settle it, and how they were derived.
struct settlement_offer {
  offer_kind kind = offer_kind::lump_sum;
  money balance;
  money settled;                        ///< sum of the payments
  std::vector<offer_payment> payments{};  ///< in period order
  std::string frequency_name{};         ///< the period of the payments ("monthly"), empty for a lump sum
  std::vector<std::string> steps{};     ///< how the amounts were derived (for explain)
  std::optional<forgiveness_report> reporting{};  ///< filled by the rules layer

  /// balance − settled, or zero when the payments reach the balance (a plan with interest).
  [[nodiscard]] money forgiven() const { return settled >= balance ? money::zero(balance.currency()) : balance - settled; }
  /// forgiven ÷ balance rounded to `places` with `mode` (0.4 for 40% off).
  [[nodiscard]] decimal discount(int places, rounding_mode mode) const;
  /// The number of payments.
  [[nodiscard]] std::int64_t payment_count() const noexcept { return static_cast<std::int64_t>(payments.size()); }
  /// Plain-English lines: the shape, the balance, each derivation step, the forgiven amount.
  [[nodiscard]] std::string explain() const;
};

/// balance − settled. Throws invalid_input_error "settle.balance" (balance not positive) and
/// "settle.settled_range" (settled negative or above the balance), currency_mismatch_error.
[[nodiscard]] money forgiven_amount(const money& balance, const money& settled);

/// A lump sum of balance × fraction, rounded to the minor unit with `mode`, raised to `minimum`
/// when given, never above the balance. `fraction` is the share paid, 0 < fraction <= 1.
/// Errors: "settle.balance", "settle.fraction", "settle.minimum", currency_mismatch_error.
[[nodiscard]] settlement_offer lump_sum_offer(const money& balance, const decimal& fraction,
                                              const std::optional<money>& minimum, rounding_mode mode);

/// balance × fraction (rounded with `mode`) in `payments` instalments split with `remainder`
/// (the parts differ by at most one minor unit and add up exactly), at periods 1..k of `freq`;
/// with `first_due` each payment carries its due date. Errors: as lump_sum_offer, and
/// "settle.payments" (k outside 1..max_offer_payments).
[[nodiscard]] settlement_offer instalment_settlement_offer(const money& balance, const decimal& fraction,
                                                           std::int64_t payments, const frequency& freq,
                                                           const std::optional<civil_date>& first_due,
                                                           rounding_mode mode,
                                                           remainder_policy remainder = remainder_policy::largest_remainder);

/// The full balance in `payments` instalments (no discount).
[[nodiscard]] settlement_offer full_balance_plan_offer(const money& balance, std::int64_t payments,
                                                       const frequency& freq, const std::optional<civil_date>& first_due,
                                                       remainder_policy remainder = remainder_policy::largest_remainder);

/// A plan offer from the rows of a schedule: row k is paid at period k (a down payment row at
/// period 0). `balance` is the debt the plan settles; settled is the schedule's total payment
/// (interest and fees included), so forgiven() is max(balance − total, 0). Errors:
/// "settle.balance", currency_mismatch_error.
[[nodiscard]] settlement_offer offer_from_schedule(const money& balance, const schedule& plan);

}  // namespace recoup
