#pragma once
// recoup/settle/forgiveness.hpp — the tax-reporting consequence of a settlement: judges the
// offer's forgiven amount with the rules layer's Form 1099-C check (26 U.S.C. 6050P; 26 CFR
// 1.6050P-1) and records the verdict in the offer's `reporting` field.
//
//   auto o = recoup::lump_sum_offer(money::parse("4000.00 USD"), decimal("0.60"), {}, rounding_mode::half_up);
//   auto v = recoup::report_forgiveness(o, civil_date::parse("2027-01-31"));
//   v.required;               // true: $1,600.00 forgiven by agreement (event F), >= $600.00
//   o.reporting->citation;    // the rule the verdict used
//
// The settlement maths never decides reporting; this function is the one place the two meet.

#include "recoup/rules/rule_book.hpp"
#include "recoup/rules/tax_reporting.hpp"
#include "recoup/settle/offer.hpp"
#include "recoup/time/civil_date.hpp"

namespace recoup {

/// The Form 1099-C verdict on `offer.forgiven()` discharged by `event` (an accepted settlement is
/// an agreement, event F), judged for a return filed on `filed_on`; also stored in
/// `offer.reporting`. A lender that is not an applicable entity (6050P(c)) passes
/// `applicable_entity = false`. Errors: those of rules::form_1099c_required (a non-USD offer is
/// currency_mismatch_error "notices.1099c_currency").
rules::form_1099c_verdict report_forgiveness(settlement_offer& offer, civil_date filed_on,
                                             rules::discharge_event event = rules::discharge_event::agreement,
                                             bool applicable_entity = true,
                                             const rules::rule_book& book = rules::rule_book::defaults());

}  // namespace recoup
