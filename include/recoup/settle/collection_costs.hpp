#pragma once
// recoup/settle/collection_costs.hpp — the cost to collect an offer, as data.
//
//   per_contact × expected contacts, where expected contacts = setup_contacts (now) +
//       contacts_per_payment for each payment while the plan is still paying (weighted by the
//       break model's survival, discounted like the payment it goes with)
//   legal costs, incurred now
//   agency commission, a fraction of every amount recovered (0 <= commission < 1)
//
//   recoup::collection_costs c{.per_contact = money::parse("4.00 USD"), .setup_contacts = decimal(2),
//                              .contacts_per_payment = decimal(1), .commission = decimal("0.25")};

#include <optional>

#include "recoup/core/decimal.hpp"
#include "recoup/core/money.hpp"

namespace recoup {

struct collection_costs {
  std::optional<money> per_contact{};          ///< cost of one contact (none: contacts are free)
  decimal setup_contacts = decimal(0);         ///< contacts to agree the offer, now
  decimal contacts_per_payment = decimal(0);   ///< contacts per payment while the plan pays
  std::optional<money> legal{};                ///< legal costs, now
  decimal commission = decimal(0);             ///< agency commission on amounts recovered, 0..1 (exclusive)
};

/// Validates costs against the offer's currency. Errors: "settle.costs" (a negative cost or
/// contact count), "settle.commission_range" (commission outside 0 <= c < 1),
/// currency_mismatch_error.
void validate(const collection_costs& costs, const money& like);

}  // namespace recoup
