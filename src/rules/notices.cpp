// Regulation F notice periods (regulations.md §1.1): validation-period end, validation-notice
// deadline, passive-collection furnishing date.
#include "recoup/rules/notices.hpp"

#include <array>
#include <string>

#include "notice_support.hpp"

namespace recoup::rules {
namespace {

constexpr std::array<std::string_view, 2> observed_names{"skip", "count"};
constexpr std::array<std::string_view, 2> reading_names{"conservative", "literal"};

/// True when `d` is a holiday of `cal` on its own date (not only an observed or substitute day).
bool nominal_holiday(const calendar& cal, civil_date d) {
  for (const auto& h : cal.holidays(d, d)) {
    const std::string_view name = h.name;
    const bool moved = name.ends_with("(observed)") || name.ends_with("(substitute day)");
    if (!moved) return true;
  }
  return false;
}

}  // namespace

std::string_view to_string(observed_holidays o) noexcept { return observed_names[static_cast<std::size_t>(o)]; }
observed_holidays parse_observed_holidays(std::string_view name) {
  return detail::parse_enum<observed_holidays>(name, observed_names, "observed_holidays");
}
std::string_view to_string(furnishing_reading r) noexcept { return reading_names[static_cast<std::size_t>(r)]; }
furnishing_reading parse_furnishing_reading(std::string_view name) {
  return detail::parse_enum<furnishing_reading>(name, reading_names, "reading");
}

validation_period_verdict validation_period_end(civil_date provided_on, const calendar& cal,
                                                std::optional<observed_holidays> observed_choice,
                                                std::optional<civil_date> as_of, const rule_book& book) {
  const civil_date when = detail::as_of_or(as_of, provided_on);
  const rule_entry& receipt = book.at("US", "regf.validation_receipt_days", when);
  const rule_entry& period = book.at("US", "regf.validation_period_days", when);
  const observed_holidays observed =
      observed_choice ? *observed_choice : parse_observed_holidays(receipt.param_text("observed_holidays", "skip"));
  validation_period_verdict v;
  v.use(receipt);
  v.use(period);
  v.provided_on = provided_on;
  v.observed = observed;
  const std::int64_t n = receipt.integer();
  v.step("The validation information was provided on " + detail::day_name(provided_on) + ".");
  // Count n days after provided_on, skipping weekends and holidays (observed days per the choice).
  civil_date d = provided_on;
  std::int64_t counted = 0;
  while (counted < n) {
    d = d.add_days(1);
    bool skip = cal.is_weekend(d);
    if (!skip && cal.is_holiday(d)) skip = observed == observed_holidays::skip || nominal_holiday(cal, d);
    if (skip) {
      v.skipped.push_back(d);
    } else {
      ++counted;
    }
  }
  v.assumed_receipt = d;
  std::string skipped;
  for (const auto& s : v.skipped) {
    std::string why = cal.is_weekend(s) ? "weekend" : "";
    for (const auto& h : cal.holidays(s, s)) why += (why.empty() ? "" : ", ") + h.name;
    skipped += (skipped.empty() ? "" : "; ") + s.to_string() + " (" + why + ")";
  }
  v.step("Counting " + std::to_string(n) + " days from the day after, excluding Saturdays, Sundays and legal public holidays (" +
         cal.id() + " calendar; observed holidays " +
         (observed == observed_holidays::skip ? "also skipped, the later and consumer-favourable reading" : "counted, the literal 5 U.S.C. 6103(a) reading") +
         ")" + (skipped.empty() ? ", no day is skipped" : ", skipping " + skipped) + ": assumed receipt " +
         detail::day_name(v.assumed_receipt) + ".");
  v.date = v.assumed_receipt.add_days(period.integer());
  v.step("The validation period ends " + std::to_string(period.integer()) + " days after assumed receipt: " +
         detail::day_name(v.date) + " (not moved off a weekend or holiday; a later date is always allowed, an earlier one is not).");
  return v;
}

validation_period_verdict validation_period_end(civil_date provided_on, std::optional<observed_holidays> observed,
                                                std::optional<civil_date> as_of, const rule_book& book) {
  return validation_period_end(provided_on, calendar::get("US"), observed, as_of, book);
}

validation_notice_verdict validation_notice_due(civil_date initial_communication, std::optional<civil_date> as_of,
                                                const rule_book& book) {
  const rule_entry& e = book.at("US", "regf.validation_notice_days", detail::as_of_or(as_of, initial_communication));
  validation_notice_verdict v;
  v.use(e);
  v.initial_communication = initial_communication;
  v.date = initial_communication.add_days(e.integer());
  v.step("The initial communication was on " + detail::day_name(initial_communication) +
         "; unless it contained the validation information, provide it within " + std::to_string(e.integer()) +
         " days after, counting calendar days from the next day (the earlier, safe reading).");
  v.step("Last day to provide the validation information: " + detail::day_name(v.date) +
         " (not required if the consumer has paid the debt before then).");
  return v;
}

civil_date passive_collection_wait_ends_on(civil_date sent_on, std::optional<furnishing_reading> reading_choice,
                                           std::optional<civil_date> as_of, const rule_book& book) {
  const rule_entry& e = book.at("US", "regf.passive_collection_days", detail::as_of_or(as_of, sent_on));
  const furnishing_reading reading =
      reading_choice ? *reading_choice : parse_furnishing_reading(e.param_text("reading", "conservative"));
  const std::int64_t n = e.integer();
  // Conservative: days 1..n are the n days after sent_on; literal: sent_on is day 1.
  return sent_on.add_days(reading == furnishing_reading::conservative ? n : n - 1);
}

furnishing_verdict passive_collection_earliest_furnishing(civil_date sent_on, std::optional<civil_date> undeliverable_notice_on,
                                                          std::optional<furnishing_reading> reading_choice,
                                                          std::optional<civil_date> as_of, const rule_book& book) {
  if (undeliverable_notice_on) detail::require_order(sent_on, "sent_on", *undeliverable_notice_on, "undeliverable_notice_on");
  const rule_entry& e = book.at("US", "regf.passive_collection_days", detail::as_of_or(as_of, sent_on));
  const furnishing_reading reading =
      reading_choice ? *reading_choice : parse_furnishing_reading(e.param_text("reading", "conservative"));
  furnishing_verdict v;
  v.use(e);
  v.sent_on = sent_on;
  v.reading = reading;
  v.undeliverable_notice_on = undeliverable_notice_on;
  const std::int64_t n = e.integer();
  v.wait_ends_on = passive_collection_wait_ends_on(sent_on, reading, as_of, book);
  v.step("The letter or electronic message about the debt was sent on " + detail::day_name(sent_on) + "; wait " +
         std::to_string(n) + " consecutive days for a notice of undeliverability (" +
         (reading == furnishing_reading::conservative ? "counting from the day after sending, the conservative reading"
                                                      : "counting the sending day as day 1, the literal reading") +
         "): the wait ends on " + detail::day_name(v.wait_ends_on) + ".");
  if (undeliverable_notice_on && !(v.wait_ends_on < *undeliverable_notice_on)) {
    v.blocked = true;
    v.step("A notice of undeliverability arrived on " + undeliverable_notice_on->to_string() +
           ", within the wait: do not furnish until the requirement is met another way (speak to the consumer, or "
           "send another letter or message and wait again without a notice of undeliverability).");
    return v;
  }
  if (undeliverable_notice_on)
    v.step("The notice of undeliverability of " + undeliverable_notice_on->to_string() +
           " arrived after the wait ended; it does not block furnishing under the comment.");
  v.date = v.wait_ends_on.add_days(1);
  v.step("Earliest day to furnish to a consumer reporting agency: " + detail::day_name(*v.date) + ".");
  return v;
}

}  // namespace recoup::rules
