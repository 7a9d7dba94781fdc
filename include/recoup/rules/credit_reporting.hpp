// recoup/rules/credit_reporting.hpp — FCRA obsolescence: the day a collection or charge-off item
// may no longer appear on a consumer report (15 U.S.C. 1681c(a)(4), (c)), scalar and columnar.
//
//   auto v = recoup::rules::credit_reporting_obsolete_on(recoup::civil_date::parse("2020-01-15"));
//   v.clock_start;   // 2020-07-13: DOFD + 180 days (DOFD is day 1 of the 180)
//   v.date;          // 2027-07-13: clock_start + 7 years, the first day it must not be reported
//
// Figures come from data/rules/us-notices.toml (US fcra.obsolescence_delay_days, fcra.obsolescence_years).
#pragma once

#include <cstdint>
#include <optional>
#include <span>

#include "recoup/core/columns.hpp"
#include "recoup/rules/rule_book.hpp"
#include "recoup/rules/verdict.hpp"
#include "recoup/time/civil_date.hpp"

namespace recoup::rules {

/// When a delinquent account placed for collection or charged off becomes obsolete.
struct obsolescence_verdict : verdict {
  civil_date first_delinquency;       ///< the date of first delinquency (DOFD) given
  civil_date clock_start;             ///< DOFD + 180 days: the first day of the 7-year period
  civil_date last_reportable_day;     ///< date - 1
  civil_date date;                    ///< clock_start + 7 years: the first day it may not be reported
};

/// The FCRA obsolescence date of a collection or charge-off item.
///
/// Counting: the 180-day period begins on the DOFD (day 1), so it expires at the end of DOFD + 179
/// and the 7-year period begins on DOFD + 180; the item may be reported through the last day of
/// that period and is obsolete from clock_start + 7 years (29 February + 7 years = 28 February).
/// Payments, sale of the debt or disputes do not move the DOFD (no re-aging).
///
/// The rule applies to items added to a file on or after 1997-12-29 (1681c(c)(2)). The date the
/// item was added (`added_to_file_on`; when not given, the DOFD stands in for it) before that day
/// throws invalid_input_error "notices.before_fcra_1997"; an added date before the DOFD throws
/// "notices.date_order". The rule version is the one in force on `as_of` (default: the added
/// date, else the DOFD).
[[nodiscard]] obsolescence_verdict credit_reporting_obsolete_on(civil_date first_delinquency,
                                                                std::optional<civil_date> added_to_file_on = {},
                                                                std::optional<civil_date> as_of = {},
                                                                const rule_book& book = rule_book::defaults());

/// The columnar form: out[i] = the obsolescence date of first_delinquency[i], both as day serials
/// (days since 1970-01-01, numpy datetime64[D] viewed as int64), with the DOFD standing in for the
/// date added to the file. The figures are looked up once per rule version, with no allocation per
/// row. Spans must have the same length ("columns.shape"). A missing day (INT64_MIN, numpy NaT)
/// fails with "columns.missing", a day before 1997-12-29 with "notices.before_fcra_1997". Per-row
/// errors follow recoup/core/columns.hpp: with `errors` null the first bad row throws, its message
/// starting "row N: "; otherwise each bad row is recorded there, its out[] is INT64_MIN (NaT) and
/// the batch goes on.
void credit_reporting_obsolete_on(std::span<const std::int64_t> first_delinquency, std::span<std::int64_t> out,
                                  row_errors* errors = nullptr, const rule_book& book = rule_book::defaults());

}  // namespace recoup::rules
