// recoup/rules/notices.hpp — Regulation F notice periods: the validation-period end date, the
// validation-notice deadline and the earliest day a collector may furnish to a credit bureau.
//
// Each check reads its figures from the rule book (data/rules/us-notices.toml) "as of" a date
// (by default the triggering date) and returns a verdict naming the rules it used:
//
//   auto v = recoup::rules::validation_period_end(recoup::civil_date::parse("2026-09-04"));
//   v.assumed_receipt;   // 2026-09-14: five days excluding Sat 5, Sun 6 and Labor Day 7 Sep
//   v.date;              // 2026-10-14: assumed receipt + 30 days (catalogue T-RF-1)
//   std::cout << v.explain();
//
// Day counting is stated per check: "within N days after X" starts counting on the day after X.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "recoup/rules/rule_book.hpp"
#include "recoup/rules/verdict.hpp"
#include "recoup/time/calendar.hpp"
#include "recoup/time/civil_date.hpp"

namespace recoup::rules {

/// Whether "observed" federal holidays (a Monday after a Sunday holiday, a Friday before a
/// Saturday one) are skipped when counting the five days to assumed receipt.
enum class observed_holidays : std::uint8_t {
  skip,   ///< skip them too: one day later, consumer-favourable, always allowed (the default)
  count,  ///< count them: the literal 5 U.S.C. 6103(a) list (weekday holidays on their own dates)
};

/// "skip", "count".
[[nodiscard]] std::string_view to_string(observed_holidays o) noexcept;
/// The inverse; invalid_input_error "notices.unknown_option" for another name.
[[nodiscard]] observed_holidays parse_observed_holidays(std::string_view name);

/// Which reading of "14 consecutive days after" mailing (Reg F comment 30(a)(1)-2) to apply.
enum class furnishing_reading : std::uint8_t {
  conservative,  ///< the day after mailing is day 1: furnish from sent_on + 15 (the default)
  literal,       ///< the mailing day is day 1: furnish from sent_on + 14
};

/// "conservative", "literal".
[[nodiscard]] std::string_view to_string(furnishing_reading r) noexcept;
/// The inverse; invalid_input_error "notices.unknown_option" for another name.
[[nodiscard]] furnishing_reading parse_furnishing_reading(std::string_view name);

/// The end of the Reg F validation period.
struct validation_period_verdict : verdict {
  civil_date provided_on;              ///< the day the validation information was provided
  civil_date assumed_receipt;          ///< the fifth countable day after provided_on
  civil_date date;                     ///< the validation-period end date: assumed_receipt + 30 days
  observed_holidays observed = observed_holidays::skip;  ///< the choice applied
  std::vector<civil_date> skipped{};   ///< the days not counted towards the five (weekends, holidays)
};

/// The validation-period end date to print on a validation notice (12 CFR 1006.34(b)(5)).
///
/// The collector may assume receipt on the fifth day after `provided_on` that is not a Saturday,
/// Sunday or legal public holidays of `cal` (the US federal calendar by default; counting starts on
/// the day after provided_on); the period ends 30 calendar days after that day (not moved off a
/// weekend: a later end date is always allowed, an earlier one is not). Rules: US
/// regf.validation_receipt_days and regf.validation_period_days as of `as_of` (default
/// provided_on; before 2021-11-30 "rules.not_in_force"). `observed` defaults to the rule's
/// params.observed_holidays ("skip" in the built-in pack). A day outside the calendar's range
/// throws "calendar.out_of_range".
[[nodiscard]] validation_period_verdict validation_period_end(civil_date provided_on, const calendar& cal,
                                                              std::optional<observed_holidays> observed = {},
                                                              std::optional<civil_date> as_of = {},
                                                              const rule_book& book = rule_book::defaults());
/// The same with the built-in "US" calendar.
[[nodiscard]] validation_period_verdict validation_period_end(civil_date provided_on,
                                                              std::optional<observed_holidays> observed = {},
                                                              std::optional<civil_date> as_of = {},
                                                              const rule_book& book = rule_book::defaults());

/// The last day to provide the validation information after an initial communication.
struct validation_notice_verdict : verdict {
  civil_date initial_communication;  ///< the day of the initial communication
  civil_date date;                   ///< the last day: initial_communication + 5 calendar days
};

/// The latest day to provide validation information when it was not in the initial
/// communication (12 CFR 1006.34(a)(1)(i)(B): "within five days after"). Calendar days are used
/// (the earlier, safe reading); the day after the communication is day 1. Rule: US
/// regf.validation_notice_days as of `as_of` (default initial_communication).
[[nodiscard]] validation_notice_verdict validation_notice_due(civil_date initial_communication,
                                                              std::optional<civil_date> as_of = {},
                                                              const rule_book& book = rule_book::defaults());

/// The earliest day a debt collector may furnish information about a debt to a consumer
/// reporting agency after mailing a letter (or sending an electronic message) about it.
struct furnishing_verdict : verdict {
  civil_date sent_on;                  ///< the day the letter was mailed or the message sent
  civil_date wait_ends_on;             ///< the last day of the waiting period
  std::optional<civil_date> date{};    ///< the earliest day to furnish; none when blocked
  bool blocked = false;                ///< a notice of undeliverability arrived in the period
  std::optional<civil_date> undeliverable_notice_on{};  ///< as given
  furnishing_reading reading = furnishing_reading::conservative;  ///< the reading applied
};

/// Reg F passive collection (12 CFR 1006.30(a)(1), comment 30(a)(1)-2): wait 14 consecutive days
/// after `sent_on` for a notice of undeliverability. A notice received from sent_on to the last day
/// of the wait blocks furnishing (date = none) until the requirement is met another way (speaking
/// to the consumer, or another letter that is not returned); one received later does not. Errors:
/// invalid_input_error "notices.date_order" for a notice dated before sent_on. Rule: US
/// regf.passive_collection_days as of `as_of` (default sent_on); `reading` defaults to the rule's
/// params.reading ("conservative" in the built-in pack).
/// The last day of the passive-collection wait after a letter or message sent on `sent_on` (the
/// figure and reading of regf.passive_collection_days, as passive_collection_earliest_furnishing
/// uses them), without building a verdict.
[[nodiscard]] civil_date passive_collection_wait_ends_on(civil_date sent_on, std::optional<furnishing_reading> reading = {},
                                                         std::optional<civil_date> as_of = {},
                                                         const rule_book& book = rule_book::defaults());

[[nodiscard]] furnishing_verdict passive_collection_earliest_furnishing(
    civil_date sent_on, std::optional<civil_date> undeliverable_notice_on = {},
    std::optional<furnishing_reading> reading = {}, std::optional<civil_date> as_of = {},
    const rule_book& book = rule_book::defaults());

}  // namespace recoup::rules
