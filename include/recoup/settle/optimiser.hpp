#pragma once
// recoup/settle/optimiser.hpp — the offer that maximises expected net recovery within the
// caller's authority and the debtor's means.
//
// Candidates: for k = 1 a lump sum now of min(balance, max_lump_sum or max_payment); for
// k = 2..max_payments an instalment settlement of min(balance, k × max_payment) in k payments
// (split with the library's allocation, so no payment exceeds max_payment). Larger k than the
// first that reaches the whole balance only adds risk and delay, so the search stops there.
// A candidate is kept when it is at least `minimum_settlement` and a holder of `authority` may
// approve it (within_authority). The best is the largest exact expected net value; a tie goes
// to fewer payments. Every candidate and the reason for any rejection are recorded.
//
//   recoup::offer_search s{.balance = money::parse("6000.00 USD"), .account_age_days = 200,
//                          .bands = bands, .authority = "supervisor",
//                          .max_payment = money::parse("400.00 USD")};
//   auto r = recoup::optimise_offer(s, decimal("0.01"), model, costs, rounding_mode::half_even);

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "recoup/core/decimal.hpp"
#include "recoup/core/money.hpp"
#include "recoup/settle/authority.hpp"
#include "recoup/settle/valuation.hpp"
#include "recoup/time/civil_date.hpp"
#include "recoup/time/frequency.hpp"

namespace recoup {

struct offer_search {
  money balance;
  std::int64_t account_age_days = 0;
  std::vector<authority_band> bands{};
  std::string authority{};                     ///< the level the caller holds
  money max_payment;                           ///< affordability: the most the debtor can pay a period
  std::optional<money> max_lump_sum{};         ///< the most the debtor can pay now (default max_payment)
  std::optional<money> minimum_settlement{};   ///< policy floor on the settled amount
  std::int64_t max_payments = 60;              ///< longest plan considered
  frequency freq = frequency::monthly();
  std::optional<civil_date> first_due{};
};

struct offer_candidate {
  offer_valuation valuation;
  bool allowed = false;
  std::string reason{};  ///< why it was rejected, or "allowed"
};

struct optimisation_result {
  std::optional<offer_valuation> best{};
  std::vector<offer_candidate> candidates{};

  [[nodiscard]] std::string explain() const;
};

/// Errors: "settle.max_payment" (not positive), "settle.payments" (max_payments outside
/// 1..max_offer_payments), and those of approve() and value_offer().
[[nodiscard]] optimisation_result optimise_offer(const offer_search& search, const decimal& discount_rate,
                                                 const break_model& model, const collection_costs& costs,
                                                 rounding_mode rounding);

}  // namespace recoup
