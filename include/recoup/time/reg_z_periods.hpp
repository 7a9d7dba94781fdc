#pragma once
// recoup/time/reg_z_periods.hpp — Regulation Z Appendix J time measurement: unit-periods, full
// unit-periods and fractions, counted with "all months equal" (12 CFR 1026, Appendix J (b)(3)-(5)).
//
// Everything here is exact integer arithmetic on civil dates; fractions are kept as num/den.
//
//   using namespace recoup;
//   auto u = reg_z_unit_period::month();
//   auto m = reg_z_measure(civil_date::from_ymd(1978, 2, 10), civil_date::from_ymd(1978, 4, 1), u);
//   // m.whole_periods == 1, m.fraction_num == 19, m.fraction_den == 30   (App J (c)(1)(ii))

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "recoup/core/error.hpp"
#include "recoup/time/civil_date.hpp"

namespace recoup {

/// The kind of an Appendix J unit-period ((b)(3)(iii), (b)(4)).
enum class reg_z_unit_kind : unsigned char {
  day,        ///< 365 a year; fractions by actual days
  week,       ///< `count` weeks (1..52): 52/count a year; actual days / (7 x count)
  semimonth,  ///< 24 a year; days = 30 x full months + days, / 15
  month,      ///< `count` months (1..11): 12/count a year; monthly: days / 30, multi-month: / (30 x count)
  year,       ///< 1 a year; leftover whole months / 12, else leftover days / 365
  term,       ///< single advance, single payment under a year: the whole term ((b)(5)(vi)-(vii))
};

/// An Appendix J unit-period and its number per year (an exact fraction).
struct reg_z_unit_period {
  reg_z_unit_kind kind = reg_z_unit_kind::month;
  /// weeks or months in the unit (1 for day, semimonth, year); for `term`: the term's length,
  /// in months when `term_in_months`, else in days.
  int count = 1;
  bool term_in_months = false;

  static reg_z_unit_period day() { return {reg_z_unit_kind::day, 1, false}; }
  static reg_z_unit_period weeks(int n) { return checked({reg_z_unit_kind::week, n, false}); }
  static reg_z_unit_period semimonth() { return {reg_z_unit_kind::semimonth, 1, false}; }
  static reg_z_unit_period month() { return {reg_z_unit_kind::month, 1, false}; }
  static reg_z_unit_period months(int n) { return n == 12 ? year() : checked({reg_z_unit_kind::month, n, false}); }
  static reg_z_unit_period year() { return {reg_z_unit_kind::year, 1, false}; }
  static reg_z_unit_period term_months(int n) { return checked({reg_z_unit_kind::term, n, true}); }
  static reg_z_unit_period term_days(int n) { return checked({reg_z_unit_kind::term, n, false}); }

  /// Parses "day", "week", "2 weeks"/"biweek", "4 weeks", "semimonth", "month", "quarter",
  /// "3 months", "6 months", "year". Throws invalid_input_error "apr.unit_period".
  static reg_z_unit_period parse(const std::string& text);

  /// Unit-periods per year ((b)(5)): numerator and denominator (12/3 for a quarter, 365/255 for
  /// a single-payment term of 255 days).
  [[nodiscard]] std::int64_t per_year_num() const {
    switch (kind) {
      case reg_z_unit_kind::day: return 365;
      case reg_z_unit_kind::week: return 52;
      case reg_z_unit_kind::semimonth: return 24;
      case reg_z_unit_kind::month: return 12;
      case reg_z_unit_kind::year: return 1;
      case reg_z_unit_kind::term: return term_in_months ? 12 : 365;
    }
    return 1;
  }
  [[nodiscard]] std::int64_t per_year_den() const {
    switch (kind) {
      case reg_z_unit_kind::week:
      case reg_z_unit_kind::month:
      case reg_z_unit_kind::term: return count;
      default: return 1;
    }
  }
  /// "month", "3 months", "2 weeks", "semimonth", "day", "year", "term of 255 days".
  [[nodiscard]] std::string name() const {
    switch (kind) {
      case reg_z_unit_kind::day: return "day";
      case reg_z_unit_kind::week: return count == 1 ? "week" : std::to_string(count) + " weeks";
      case reg_z_unit_kind::semimonth: return "semimonth";
      case reg_z_unit_kind::month: return count == 1 ? "month" : std::to_string(count) + " months";
      case reg_z_unit_kind::year: return "year";
      case reg_z_unit_kind::term:
        return "term of " + std::to_string(count) + (term_in_months ? " months" : " days");
    }
    return "?";
  }
  /// Approximate length in days x 10000 (ordering only: the smaller unit wins ties, (b)(4)(i)(A)).
  [[nodiscard]] std::int64_t approx_length() const {
    switch (kind) {
      case reg_z_unit_kind::day: return 10000;
      case reg_z_unit_kind::week: return 70000LL * count;
      case reg_z_unit_kind::semimonth: return 152083;
      case reg_z_unit_kind::month: return 304167LL * count;
      case reg_z_unit_kind::year: return 3650000;
      case reg_z_unit_kind::term: return term_in_months ? 304167LL * count : 10000LL * count;
    }
    return 0;
  }

  friend bool operator==(const reg_z_unit_period&, const reg_z_unit_period&) = default;

 private:
  static reg_z_unit_period checked(reg_z_unit_period u) {
    const int limit = u.kind == reg_z_unit_kind::week ? 52 : (u.term_in_months ? 11 : (u.kind == reg_z_unit_kind::term ? 365 : 11));
    if (u.count < 1 || u.count > limit)
      throw invalid_input_error("apr.unit_period", "a unit-period of " + std::to_string(u.count) + " is outside 1.." +
                                                       std::to_string(limit) + " (App J (b)(3)(iii): at most one year)");
    return u;
  }
};

/// Full months counted back from `later` to `earlier` and the days left over ((b)(3)(iv), (b)(5)(i)).
struct reg_z_months_and_days {
  std::int64_t months = 0;
  std::int64_t days = 0;
};

/// Full unit-periods and the remaining fraction of one (fraction_num / fraction_den).
struct reg_z_interval {
  std::int64_t whole_periods = 0;
  std::int64_t fraction_num = 0;
  std::int64_t fraction_den = 1;
};

/// The date `k` months before `later` under "all months equal": on `anchor_day` (1..31, clamped to
/// the month's end; 31 = month-end series), or on later's own day when anchor_day is 0.
[[nodiscard]] inline civil_date reg_z_months_before(civil_date later, std::int64_t k, int anchor_day) {
  if (k == 0) return later;
  return civil_date::nth_month_from(later, -k, anchor_day == 0 ? later.day() : anchor_day);
}

/// Full months measured back from `later` to no earlier than `earlier`, and the days from
/// `earlier` forward to the start of the first full month. Requires earlier <= later.
[[nodiscard]] inline reg_z_months_and_days reg_z_months_back(civil_date earlier, civil_date later, int anchor_day = 0) {
  if (later < earlier)
    throw invalid_input_error("apr.date_order", "cannot measure from " + earlier.to_string() + " back to the earlier " +
                                                    later.to_string());
  std::int64_t k = (static_cast<std::int64_t>(later.year()) - earlier.year()) * 12 + (later.month() - earlier.month());
  if (k < 0) k = 0;
  while (k > 0 && reg_z_months_before(later, k, anchor_day) < earlier) --k;
  while (reg_z_months_before(later, k + 1, anchor_day) >= earlier) ++k;
  return {k, days_between(earlier, reg_z_months_before(later, k, anchor_day))};
}

/// The anchor day of a series of monthly dates for (b)(3)(iv): 31 when the series is scheduled
/// for month ends, the scheduled day when every date is on it (or on the last day of a shorter
/// month: "the 29th or 30th ... the last day of February"), else 0 (each date's own day).
[[nodiscard]] inline int reg_z_anchor_day(std::span<const civil_date> dates) {
  if (dates.size() < 2) return 0;
  int top = 0;
  bool all_month_end = true;
  for (const civil_date d : dates) {
    top = d.day() > top ? d.day() : top;
    all_month_end = all_month_end && d.is_end_of_month();
  }
  for (const civil_date d : dates)
    if (d.day() != top && !(d.is_end_of_month() && d.day() < top)) return 0;
  return (all_month_end && top == 31) ? 31 : top;
}

/// Full unit-periods and the fraction of a unit-period from `earlier` (the start of the term) to
/// `later` under Appendix J (b)(5). `anchor_day` is the series' anchor for month counting.
[[nodiscard]] inline reg_z_interval reg_z_measure(civil_date earlier, civil_date later, const reg_z_unit_period& unit,
                                                  int anchor_day = 0) {
  if (later < earlier)
    throw invalid_input_error("apr.date_order", "a flow on " + later.to_string() + " is before the start of the term " +
                                                    earlier.to_string());
  const std::int64_t days = days_between(earlier, later);
  switch (unit.kind) {
    case reg_z_unit_kind::day: return {days, 0, 1};
    case reg_z_unit_kind::week: {
      const std::int64_t w = 7LL * unit.count;
      return {days / w, days % w, w};
    }
    case reg_z_unit_kind::semimonth: {
      const auto md = reg_z_months_back(earlier, later, anchor_day);
      const std::int64_t total = 30 * md.months + md.days;
      return {total / 15, total % 15, 15};
    }
    case reg_z_unit_kind::month: {
      const auto md = reg_z_months_back(earlier, later, anchor_day);
      if (unit.count == 1) return {md.months, md.days, 30};
      const std::int64_t total = 30 * md.months + md.days;
      const std::int64_t per = 30LL * unit.count;
      return {total / per, total % per, per};
    }
    case reg_z_unit_kind::year: {
      const auto md = reg_z_months_back(earlier, later, anchor_day);
      const std::int64_t years = md.months / 12;
      if (md.days == 0) return {years, md.months % 12, 12};
      const civil_date start_of_full = reg_z_months_before(later, 12 * years, anchor_day);
      return {years, days_between(earlier, start_of_full), 365};
    }
    case reg_z_unit_kind::term: return {days == 0 ? 0 : 1, 0, 1};
  }
  return {};
}

/// The unit-period of a transaction under (b)(4): the common period (one that occurs more than
/// once) that occurs most often, the smaller one on a tie; with no common period, the average
/// period rounded to the nearest standard interval (the smaller at a midpoint). A single advance
/// with a single payment uses the term itself when under a year ((b)(4)(ii), (b)(5)(vi)-(vii)).
/// `advances` and `payments` must be sorted; `term_start` is the date finance charges begin.
[[nodiscard]] inline reg_z_unit_period reg_z_detect_unit_period(civil_date term_start,
                                                                std::span<const civil_date> advances,
                                                                std::span<const civil_date> payments) {
  if (payments.empty()) throw invalid_input_error("apr.no_payments", "an APR needs at least one payment");
  if (advances.size() == 1 && payments.size() == 1) {
    const auto md = reg_z_months_back(term_start, payments[0]);
    if (md.months >= 12) return reg_z_unit_period::year();
    if (md.days == 0 && md.months >= 1) return reg_z_unit_period::term_months(static_cast<int>(md.months));
    const std::int64_t days = days_between(term_start, payments[0]);
    if (days < 1) throw invalid_input_error("apr.zero_term", "the single payment is due on the day of the advance");
    return reg_z_unit_period::term_days(static_cast<int>(days));
  }
  // Candidate standard intervals and how many periods each matches.
  std::vector<std::pair<reg_z_unit_period, int>> counts;
  auto bump = [&](const reg_z_unit_period& u) {
    for (auto& c : counts)
      if (c.first == u) {
        ++c.second;
        return;
      }
    counts.emplace_back(u, 1);
  };
  std::int64_t total_days = 0;
  std::int64_t n_periods = 0;
  auto classify = [&](civil_date a, civil_date b, int anchor) {
    const std::int64_t days = days_between(a, b);
    if (days <= 0) return;
    total_days += days;
    ++n_periods;
    const auto md = reg_z_months_back(a, b, anchor);
    const bool whole_months = md.days == 0 && md.months >= 1;
    if (whole_months && md.months <= 12) bump(reg_z_unit_period::months(static_cast<int>(md.months)));
    if (days == 1) bump(reg_z_unit_period::day());
    if (days % 7 == 0 && days / 7 <= 52) bump(reg_z_unit_period::weeks(static_cast<int>(days / 7)));
    if (!whole_months && days >= 13 && days <= 17) bump(reg_z_unit_period::semimonth());
  };
  const int pay_anchor = reg_z_anchor_day(payments);
  const int adv_anchor = reg_z_anchor_day(advances);
  if (!advances.empty() && advances.front() > term_start) classify(term_start, advances.front(), adv_anchor);
  classify(term_start, payments.front(), pay_anchor);
  for (std::size_t i = 1; i < payments.size(); ++i) classify(payments[i - 1], payments[i], pay_anchor);
  for (std::size_t i = 1; i < advances.size(); ++i) classify(advances[i - 1], advances[i], adv_anchor);
  const std::pair<reg_z_unit_period, int>* best = nullptr;
  for (const auto& c : counts) {
    if (c.second < 2) continue;
    if (best == nullptr || c.second > best->second ||
        (c.second == best->second && c.first.approx_length() < best->first.approx_length()))
      best = &c;
  }
  if (best != nullptr) return best->first;
  if (n_periods == 0) throw invalid_input_error("apr.zero_term", "every payment is due on the day of the advance");
  // (b)(4)(i)(B): no common period: the average period rounded to the nearest standard interval.
  const std::int64_t avg = total_days * 10000 / n_periods;  // days x 10000
  std::vector<reg_z_unit_period> standard{reg_z_unit_period::day(), reg_z_unit_period::semimonth(), reg_z_unit_period::year()};
  for (int w = 1; w <= 52; ++w) standard.push_back(reg_z_unit_period::weeks(w));
  for (int m = 1; m <= 11; ++m) standard.push_back(reg_z_unit_period::months(m));
  reg_z_unit_period pick = standard.front();
  std::int64_t best_gap = -1;
  for (const auto& u : standard) {
    const std::int64_t gap = u.approx_length() > avg ? u.approx_length() - avg : avg - u.approx_length();
    if (best_gap < 0 || gap < best_gap || (gap == best_gap && u.approx_length() < pick.approx_length())) {
      best_gap = gap;
      pick = u;
    }
  }
  return pick;
}

inline reg_z_unit_period reg_z_unit_period::parse(const std::string& text) {
  if (text == "day" || text == "daily") return day();
  if (text == "week" || text == "weekly" || text == "1 week") return weeks(1);
  if (text == "biweek" || text == "biweekly" || text == "fortnight") return weeks(2);
  if (text == "semimonth" || text == "semimonthly") return semimonth();
  if (text == "month" || text == "monthly" || text == "1 month") return month();
  if (text == "quarter" || text == "quarterly") return months(3);
  if (text == "year" || text == "yearly" || text == "annual") return year();
  const auto space = text.find(' ');
  if (space != std::string::npos && space > 0) {
    int n = 0;
    for (std::size_t i = 0; i < space; ++i) {
      if (text[i] < '0' || text[i] > '9' || n > 1000) { n = -1; break; }
      n = n * 10 + (text[i] - '0');
    }
    const std::string rest = text.substr(space + 1);
    if (n > 0 && (rest == "weeks" || rest == "week")) return weeks(n);
    if (n > 0 && (rest == "months" || rest == "month")) return months(n);
  }
  throw invalid_input_error("apr.unit_period", "unknown unit-period '" + text +
                                                   "': use day, week, '2 weeks'.. '52 weeks', semimonth, month, quarter, "
                                                   "'2 months'.. '11 months' or year");
}

}  // namespace recoup
