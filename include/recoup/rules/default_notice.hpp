// recoup/rules/default_notice.hpp — Consumer Credit Act 1974 notice timing: the earliest remedy
// date and enforcement day of a s87-88 default notice, and the s86B/s86C arrears-notice deadlines
// with their figures taken from the rule pack (the trigger itself is recoup::cca_arrears_notice,
// include/recoup/plan/arrears_notice.hpp, reused here, not duplicated).
//
//   auto v = recoup::rules::cca_default_notice_earliest_action(recoup::civil_date::parse("2026-03-02"));
//   v.remedy_date;  // 2026-03-17: 14 clear days after service on 2 March (the safer reading)
//   v.date;         // 2026-03-17: s87(1) action is allowed from the date specified
//
// Figures come from data/rules/uk-notices.toml (GB cca.*).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "recoup/core/money.hpp"
#include "recoup/plan/arrears_notice.hpp"
#include "recoup/plan/monitor.hpp"
#include "recoup/rules/rule_book.hpp"
#include "recoup/rules/verdict.hpp"
#include "recoup/time/calendar.hpp"
#include "recoup/time/civil_date.hpp"

namespace recoup::rules {

/// How a default notice was posted (for deemed service, Interpretation Act 1978 s7).
enum class post_class : std::uint8_t {
  first_class,   ///< deemed served on the second working day after posting
  second_class,  ///< deemed served on the fourth working day after posting
};

/// "first_class", "second_class".
[[nodiscard]] std::string_view to_string(post_class p) noexcept;
/// The inverse; invalid_input_error "notices.unknown_option" for another name.
[[nodiscard]] post_class parse_post_class(std::string_view name);

/// How "not less than 14 days after the date of service" is counted.
enum class notice_counting : std::uint8_t {
  clear_days,  ///< 14 whole days between service and the date: service + 15 (the default, safer)
  after,       ///< the 14th day after service: service + 14
};

/// "clear_days", "after".
[[nodiscard]] std::string_view to_string(notice_counting c) noexcept;
/// The inverse; invalid_input_error "notices.unknown_option" for another name.
[[nodiscard]] notice_counting parse_notice_counting(std::string_view name);

/// The timing of a CCA default notice.
struct default_notice_verdict : verdict {
  std::optional<civil_date> posted_on{};      ///< when deemed service was computed from posting
  civil_date served_on;                       ///< the date of service (given or deemed)
  bool deemed = false;                        ///< served_on was deemed from posted_on
  civil_date remedy_date;                     ///< the earliest date the notice may specify for remedy
  civil_date date;                            ///< the earliest day s87(1) action may be taken (= remedy_date)
  notice_counting counting = notice_counting::clear_days;  ///< the counting applied
};

/// The earliest remedy date and action day of a default notice served on `served_on`
/// (CCA 1974 s88(2): not less than 14 days after the date of service; no s87(1) action before
/// the date specified; the debtor remedies before that date, s89). Rule: GB cca.default_notice_days
/// as of `as_of` (default served_on; before 2006-10-01 "rules.not_in_force"); `counting` defaults to
/// the rule's params.counting ("clear_days" in the built-in pack).
[[nodiscard]] default_notice_verdict cca_default_notice_earliest_action(
    civil_date served_on, std::optional<notice_counting> counting = {},
    std::optional<civil_date> as_of = {}, const rule_book& book = rule_book::defaults());

/// The same for a notice posted on `posted_on`: the date of service is deemed to be the second
/// (first class) or fourth (second class) working day after posting on `cal` (GB-EAW by default;
/// CCA s189 working days). Rules: GB cca.deemed_service_first_class / _second_class and
/// cca.default_notice_days as of `as_of` (default posted_on).
[[nodiscard]] default_notice_verdict cca_default_notice_earliest_action_posted(
    civil_date posted_on, post_class post, const calendar& cal,
    std::optional<notice_counting> counting = {}, std::optional<civil_date> as_of = {},
    const rule_book& book = rule_book::defaults());

/// The s86B / s86C arrears-notice trigger of recoup::cca_arrears_notice with its deadlines taken
/// from the rule pack and the rules cited.
struct arrears_notice_verdict : verdict {
  bool required = false;                          ///< a notice is required on as_of
  std::optional<civil_date> first_notice_by{};    ///< s86B: conditions_met_on + (first_days - 1)
  std::optional<civil_date> next_notice_by{};     ///< s86B: last_notice_on + interval months
  std::optional<civil_date> deadline{};           ///< s86C: the end of the next s78(4) statement period
  arrears_notice_result trigger;                  ///< the full result of recoup::cca_arrears_notice
};

/// Runs recoup::cca_arrears_notice (the trigger and its reasons: unchanged) and computes the s86B
/// deadlines from GB cca.arrears_notice_first_days and cca.arrears_notice_interval_months as of
/// `as_of` (before 2008-10-01 "rules.not_in_force"). Errors: as cca_arrears_notice.
[[nodiscard]] arrears_notice_verdict cca_arrears_notice_timing(std::span<const civil_date> due_dates,
                                                               std::span<const money> amounts,
                                                               std::span<const dated_payment> payments,
                                                               civil_date as_of, cca_agreement agreement,
                                                               const arrears_notice_facts& facts = {},
                                                               const rule_book& book = rule_book::defaults());

}  // namespace recoup::rules
