// FCRA obsolescence of collection and charge-off items (regulations.md §1.2), scalar and columnar.
#include "recoup/rules/credit_reporting.hpp"

#include <limits>
#include <string>

#include "recoup/core/columns.hpp"

#include "notice_support.hpp"

namespace recoup::rules {
namespace {

/// 1997-12-29: 455 days after the 30 Sep 1996 enactment of the Consumer Credit Reporting Reform Act
/// (15 U.S.C. 1681c(c)(2)). The rule pack's versions start there too; this constant only words the error.
civil_date fcra_1997() { return civil_date::from_ymd(1997, 12, 29); }

[[noreturn]] void before_1997(civil_date added, bool given) {
  throw invalid_input_error(
      "notices.before_fcra_1997",
      std::string(given ? "the item was added to the file on " : "the date of first delinquency ") + added.to_string() +
          (given ? "" : " (standing in for the date the item was added to the file)") +
          " is before 1997-12-29: the 180-day + 7-year rule of 15 U.S.C. 1681c(c) applies only to items added to a "
          "file on or after that day (1681c(c)(2)); for an older item pass added_to_file_on, or apply the earlier rule "
          "(7 years from the date of the collection or charge-off) yourself");
}

/// The two figures in force on `when`, or nullptr.
struct figures {
  const rule_entry* delay = nullptr;
  const rule_entry* years = nullptr;
  [[nodiscard]] bool cover(civil_date d) const noexcept {
    return delay != nullptr && years != nullptr && delay->in_force_on(d) && years->in_force_on(d);
  }
};

}  // namespace

obsolescence_verdict credit_reporting_obsolete_on(civil_date first_delinquency, std::optional<civil_date> added_to_file_on,
                                                  std::optional<civil_date> as_of, const rule_book& book) {
  if (added_to_file_on) detail::require_order(first_delinquency, "first_delinquency", *added_to_file_on, "added_to_file_on");
  const civil_date added = added_to_file_on ? *added_to_file_on : first_delinquency;
  if (added < fcra_1997()) before_1997(added, added_to_file_on.has_value());
  const civil_date when = detail::as_of_or(as_of, added);
  const rule_entry& delay = book.at("US", "fcra.obsolescence_delay_days", when);
  const rule_entry& years = book.at("US", "fcra.obsolescence_years", when);
  obsolescence_verdict v;
  v.use(years);
  v.use(delay);
  v.first_delinquency = first_delinquency;
  v.clock_start = first_delinquency.add_days(delay.integer());
  v.date = v.clock_start.add_months(years.integer() * 12);
  v.last_reportable_day = v.date.add_days(-1);
  v.step("The delinquency that preceded the collection or charge-off began on " + first_delinquency.to_string() +
         " (DOFD; payments, sale of the debt or disputes do not move it).");
  v.step("The " + std::to_string(delay.integer()) + "-day period begins on the DOFD (day 1) and expires at the end of " +
         first_delinquency.add_days(delay.integer() - 1).to_string() + "; the " + std::to_string(years.integer()) +
         "-year period begins on " + v.clock_start.to_string() + ".");
  v.step("The item may be reported through " + v.last_reportable_day.to_string() + " and is obsolete from " +
         v.date.to_string() + " (" + v.clock_start.to_string() + " + " + std::to_string(years.integer()) + " years" +
         (v.clock_start.month() == 2 && v.clock_start.day() == 29 ? ", 29 February landing on 28 February" : "") + ").");
  return v;
}

void credit_reporting_obsolete_on(std::span<const std::int64_t> first_delinquency, std::span<std::int64_t> out,
                                  row_errors* errors, const rule_book& book) {
  if (out.size() != first_delinquency.size())
    throw invalid_input_error("columns.shape", "credit_reporting_obsolete_on: " + std::to_string(first_delinquency.size()) +
                                                   " dates but " + std::to_string(out.size()) + " outputs");
  constexpr std::int64_t missing = std::numeric_limits<std::int64_t>::min();
  const civil_date floor = fcra_1997();
  figures f;  // the versions in force for the last row; looked up again only when a row leaves them
  recoup::detail::for_each_row(first_delinquency.size(), errors, [&](std::size_t i) {
    out[i] = missing;
    if (first_delinquency[i] == missing)
      throw invalid_input_error("columns.missing", "no date of first delinquency (NaT)");
    const civil_date dofd = civil_date::from_serial(first_delinquency[i]);
    if (dofd < floor) before_1997(dofd, false);
    if (!f.cover(dofd)) {
      f.delay = &book.at("US", "fcra.obsolescence_delay_days", dofd);
      f.years = &book.at("US", "fcra.obsolescence_years", dofd);
    }
    out[i] = dofd.add_days(f.delay->integer()).add_months(f.years->integer() * 12).serial();
  });
}

}  // namespace recoup::rules
