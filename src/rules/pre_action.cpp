// The Pre-Action Protocol for Debt Claims, England and Wales (regulations.md §3.8).
#include "recoup/rules/pre_action.hpp"

#include <algorithm>
#include <string>

#include "notice_support.hpp"

namespace recoup::rules {

pre_action_verdict pre_action_reply_deadline(civil_date letter_dated, std::optional<civil_date> reply_received_on,
                                             bool seeking_advice, std::optional<civil_date> documents_provided_on,
                                             std::optional<civil_date> as_of, const rule_book& book) {
  if (reply_received_on) detail::require_order(letter_dated, "letter_dated", *reply_received_on, "reply_received_on");
  if (documents_provided_on)
    detail::require_order(letter_dated, "letter_dated", *documents_provided_on, "documents_provided_on");
  if (seeking_advice && !reply_received_on)
    throw invalid_input_error("notices.not_applicable",
                              "seeking_advice comes from the Reply Form: give reply_received_on, the day it was received");
  const civil_date when = detail::as_of_or(as_of, letter_dated);
  const rule_entry& reply = book.at("GB-EAW", "pre_action.reply_days", when);
  pre_action_verdict v;
  v.use(reply);
  v.letter_dated = letter_dated;
  v.reply_received_on = reply_received_on;
  v.documents_provided_on = documents_provided_on;
  v.reply_due = letter_dated.add_days(reply.integer());
  v.date = v.reply_due.add_days(1);
  v.step("The Letter of Claim is dated " + detail::day_name(letter_dated) + " (it should be posted that day); the debtor has " +
         std::to_string(reply.integer()) + " days from that date to reply: by " + detail::day_name(v.reply_due) + ".");
  v.step("With no reply, proceedings may start after those " + std::to_string(reply.integer()) + " days: from " +
         detail::day_name(v.date) + ".");
  if (seeking_advice || documents_provided_on) {
    const rule_entry& after = book.at("GB-EAW", "pre_action.after_reply_days", when);
    v.use(after);
    civil_date base = reply_received_on ? *reply_received_on : letter_dated;
    if (documents_provided_on) base = std::max(base, *documents_provided_on);
    const civil_date later = base.add_days(after.integer() + 1);
    v.extended = true;
    v.step(std::string("The Reply Form ") + (seeking_advice ? "says the debtor is seeking debt advice" : "asked for documents") +
           ": no proceedings less than " + std::to_string(after.integer()) +
           " days after the later of receiving it and providing the documents (" + base.to_string() + "), read as " +
           std::to_string(after.integer()) + " clear days: from " + detail::day_name(later) + ".");
    if (v.date < later) v.date = later;
  }
  v.step("Earliest day to issue proceedings: " + detail::day_name(v.date) + ".");
  return v;
}

}  // namespace recoup::rules
