// Form 1099-C: cancellation of debt (26 U.S.C. 6050P; 26 CFR 1.6050P-1; regulations.md §1.5).
#include "recoup/rules/tax_reporting.hpp"

#include <array>
#include <string>

#include "notice_support.hpp"

namespace recoup::rules {
namespace {

constexpr std::array<std::string_view, 8> event_names{
    "bankruptcy", "court_proceeding", "statute_of_limitations", "foreclosure_election",
    "probate",    "agreement",        "creditor_policy",        "non_payment_testing_period"};
constexpr std::array<char, 8> event_codes{'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'};

}  // namespace

std::string_view to_string(discharge_event e) noexcept { return event_names[static_cast<std::size_t>(e)]; }
discharge_event parse_discharge_event(std::string_view name) {
  return detail::parse_enum<discharge_event>(name, event_names, "discharge event", "notices.unknown_event");
}

form_1099c_verdict form_1099c_required(const money& forgiven, discharge_event event, civil_date as_of, bool applicable_entity,
                                       bool limitation_defence_upheld, const rule_book& book) {
  const currency usd("USD");
  if (forgiven.currency() != usd)
    throw currency_mismatch_error("notices.1099c_currency", "Form 1099-C reports US dollar discharges; " +
                                                                forgiven.to_string() + " is not in USD");
  if (forgiven.is_negative())
    throw invalid_input_error("notices.1099c_amount", "the discharged amount " + forgiven.to_string() + " is negative");
  const std::string name(to_string(event));
  const char code = event_codes[static_cast<std::size_t>(event)];
  const rule_entry& threshold = book.at("US", "irs_1099c.threshold", as_of);
  const rule_entry& ev = book.at("US", "irs_1099c.event." + name, as_of);
  if (!ev.flag()) {
    // Only the removed 36-month event is switched off in the built-in pack; a user pack may do it to others.
    throw invalid_input_error(
        "notices.1099c_event_removed",
        "'" + name + "' is not an identifiable event for returns filed or statements furnished on " + as_of.to_string() +
            ": " + ev.citation +
            (event == discharge_event::non_payment_testing_period
                 ? ". 36 months without payment no longer triggers a Form 1099-C; file when an actual discharge occurs "
                   "(another identifiable event: agreement, creditor_policy, ...)."
                 : "."));
  }
  form_1099c_verdict v;
  v.use(threshold);
  v.use(ev);
  v.amount = forgiven;
  v.threshold = threshold.amount();
  v.event = event;
  v.as_of = as_of;
  v.step("Discharge of " + forgiven.to_string() + " by identifiable event " + std::string(1, code) + " (" + name +
         "), judged for a return filed on " + as_of.to_string() + ".");
  const bool enough = !(forgiven < v.threshold);
  if (!applicable_entity) {
    v.reason = "not required: the creditor is not an applicable entity (26 U.S.C. 6050P(c): banks, credit unions, "
               "federal agencies, organisations whose significant trade or business is lending money)";
  } else if (event == discharge_event::statute_of_limitations && !limitation_defence_upheld) {
    v.reason = "not required yet: the running of the limitation period is an identifiable event only once the debtor's "
               "limitation defence is upheld in a final judgment whose appeal period has expired";
  } else if (!enough) {
    v.reason = "not required: " + forgiven.to_string() + " is below the " + v.threshold.to_string() + " threshold";
  } else {
    v.required = true;
    v.reason = "required: an applicable entity discharged " + forgiven.to_string() + " (at least " +
               v.threshold.to_string() + ") by identifiable event " + std::string(1, code) + " (" + name + ")";
  }
  v.step(std::string(v.required ? "Form 1099-C is " : "Form 1099-C is ") + v.reason + ".");
  return v;
}

}  // namespace recoup::rules
