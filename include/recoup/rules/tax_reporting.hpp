// recoup/rules/tax_reporting.hpp — whether a discharge of debt must be reported to the IRS on
// Form 1099-C (26 U.S.C. 6050P; 26 CFR 1.6050P-1): an identifiable event and $600 or more.
//
//   auto v = recoup::rules::form_1099c_required(recoup::money::parse("600.00 USD"),
//                                               recoup::rules::discharge_event::agreement,
//                                               recoup::civil_date::parse("2027-01-31"));
//   v.required;   // true: a settlement for less than the balance, $600.00 >= $600.00
//
// Figures come from data/rules/us-notices.toml (US irs_1099c.threshold, irs_1099c.event.*).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "recoup/core/money.hpp"
#include "recoup/rules/rule_book.hpp"
#include "recoup/rules/verdict.hpp"
#include "recoup/time/civil_date.hpp"

namespace recoup::rules {

/// The identifiable events of 26 CFR 1.6050P-1(b)(2)(i) (Form 1099-C box 6 codes A-H).
enum class discharge_event : std::uint8_t {
  bankruptcy,                  ///< (A) discharge under title 11
  court_proceeding,            ///< (B) unenforceable in a receivership, foreclosure or similar court proceeding
  statute_of_limitations,      ///< (C) limitation expired and the defence upheld in a final judgment
  foreclosure_election,        ///< (D) election of foreclosure remedies barring collection
  probate,                     ///< (E) unenforceable under a probate or similar proceeding
  agreement,                   ///< (F) agreement to discharge for less than full consideration
  creditor_policy,             ///< (G) decision or defined policy to discontinue collection
  non_payment_testing_period,  ///< (H) 36 months without payment: removed for returns after 2016-12-31
};

/// "bankruptcy", "court_proceeding", ... (the rule-id suffix of each event).
[[nodiscard]] std::string_view to_string(discharge_event e) noexcept;
/// The inverse; invalid_input_error "notices.unknown_event" listing the names.
[[nodiscard]] discharge_event parse_discharge_event(std::string_view name);

/// The answer and its reason.
struct form_1099c_verdict : verdict {
  bool required = false;                                    ///< a Form 1099-C must be filed
  money amount = money::zero(currency("USD"));              ///< the discharged amount given
  money threshold = money::zero(currency("USD"));           ///< the threshold in force ($600.00)
  discharge_event event = discharge_event::agreement;       ///< the event given
  civil_date as_of;                                         ///< the filing / furnishing date judged
  std::string reason;                                       ///< one sentence: why (not) required
};

/// Whether an applicable entity must file Form 1099-C for a discharge of `forgiven` (USD) by
/// `event`, judged for returns filed (statements furnished) on `as_of`.
///
/// Required when the entity is an applicable entity (6050P(c): banks, credit unions, federal
/// agencies, organisations a significant trade or business of which is lending money; the caller's
/// fact), the event counts, and forgiven >= the threshold ($600.00: $599.99 is not reported).
/// statute_of_limitations counts only with `limitation_defence_upheld` (the defence upheld in a
/// final judgment whose appeal period has expired). Errors: currency_mismatch_error
/// "notices.1099c_currency" for a non-USD amount, invalid_input_error "notices.1099c_amount" for a
/// negative one, "notices.1099c_event_removed" for non_payment_testing_period with as_of after
/// 2016-12-31 (removed by T.D. 9793; the message explains). No rounding: amounts are exact cents.
[[nodiscard]] form_1099c_verdict form_1099c_required(const money& forgiven, discharge_event event, civil_date as_of,
                                                     bool applicable_entity = true,
                                                     bool limitation_defence_upheld = false,
                                                     const rule_book& book = rule_book::defaults());

}  // namespace recoup::rules
