// recoup/rules/pre_action.hpp — the Pre-Action Protocol for Debt Claims (England and Wales): the
// debtor's 30 days to reply to a Letter of Claim, and the further 30 days when the debtor says they
// are getting debt advice or asks for documents.
//
//   auto v = recoup::rules::pre_action_reply_deadline(recoup::civil_date::parse("2026-03-02"));
//   v.reply_due;   // 2026-04-01: 30 days from the date of the letter
//   v.date;        // 2026-04-02: the earliest day to issue proceedings
//
// Figures come from data/rules/uk-notices.toml (GB-EAW pre_action.*).
#pragma once

#include <optional>

#include "recoup/rules/rule_book.hpp"
#include "recoup/rules/verdict.hpp"
#include "recoup/time/civil_date.hpp"

namespace recoup::rules {

/// The reply deadline and the earliest day to start proceedings.
struct pre_action_verdict : verdict {
  civil_date letter_dated;                         ///< the date of the Letter of Claim
  civil_date reply_due;                            ///< letter_dated + 30
  civil_date date;                                 ///< the earliest day to issue proceedings
  bool extended = false;                           ///< the further 30 days (advice / documents) applied
  std::optional<civil_date> reply_received_on{};   ///< as given
  std::optional<civil_date> documents_provided_on{};  ///< as given
};

/// The Protocol's timetable for a Letter of Claim dated (and posted) on `letter_dated`.
///
/// The reply is due within 30 days of the date of the letter (the last day is letter + 30); with no
/// reply, proceedings may start after those 30 days (from letter + 31). When the Reply Form, received
/// on `reply_received_on`, says the debtor is seeking debt advice (`seeking_advice`) or asks for
/// documents (provided on `documents_provided_on`), proceedings should not start less than 30
/// days after the later of the two: read as 30 clear days, from that date + 31 (and never before
/// letter + 31). Errors: invalid_input_error "notices.date_order" for a reply or documents dated
/// before the letter, "notices.not_applicable" for seeking_advice without reply_received_on.
/// Rules: GB-EAW pre_action.reply_days, pre_action.after_reply_days as of `as_of` (default
/// letter_dated; before 2017-10-01 "rules.not_in_force").
[[nodiscard]] pre_action_verdict pre_action_reply_deadline(civil_date letter_dated,
                                                           std::optional<civil_date> reply_received_on = {},
                                                           bool seeking_advice = false,
                                                           std::optional<civil_date> documents_provided_on = {},
                                                           std::optional<civil_date> as_of = {},
                                                           const rule_book& book = rule_book::defaults());

}  // namespace recoup::rules
