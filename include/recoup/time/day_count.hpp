// recoup/time/day_count.hpp — day-count conventions as exact fractions (no floating point).
//
// A day-count convention turns two dates into a number of days and a fraction of a year, the
// factor an annual rate is multiplied by. recoup returns the fraction exactly, as a reduced
// numerator/denominator, and converts it to a decimal only through a named rounding.
//
//   convention            name             days                               year fraction
//   thirty_360_us         "30/360"         30/360 with the US end-of-month rules  days / 360
//   thirty_360_bond_basis "30/360 Bond Basis" ISDA 2006 4.16(f)                   days / 360
//   thirty_e_360          "30E/360"        ISDA 2006 4.16(g), Eurobond basis    days / 360
//   thirty_e_360_isda     "30E/360 ISDA"   ISDA 2006 4.16(h), needs the maturity days / 360
//   act_360               "ACT/360"        actual days                          days / 360
//   act_365_fixed         "ACT/365F"       actual days                          days / 365
//   act_act_isda          "ACT/ACT ISDA"   actual days        days in leap years / 366 + others / 365
//   act_act_icma          "ACT/ACT ICMA"   actual days        days / (frequency × days of the reference period)
//
// The results equal QuantLib 1.44's Thirty360(USA), Thirty360(BondBasis), Thirty360(European),
// Thirty360(ISDA, terminationDate), Actual360, Actual365Fixed, ActualActual(ISDA) and
// ActualActual(ISMA) exactly (the tests compare thousands of random pairs). When start > end the
// result is what QuantLib gives: the 30/360 formulas applied to the dates as given (a negative
// count), the actual conventions the negated fraction of (end, start).
//
//   auto f = recoup::year_fraction(recoup::day_count_convention::act_360,
//                                  recoup::civil_date::parse("2024-01-15"),
//                                  recoup::civil_date::parse("2024-04-15"));  // 91/360
//   f.to_decimal(6, recoup::rounding_mode::half_even).to_string();            // "0.252778"
#pragma once

#include <array>
#include <cctype>
#include <cstdint>
#include <numeric>
#include <optional>
#include <string>
#include <string_view>

#include "recoup/core/decimal.hpp"
#include "recoup/core/error.hpp"
#include "recoup/core/rounding.hpp"
#include "recoup/time/civil_date.hpp"

namespace recoup {

/// A day-count convention (see the table at the top of this header).
enum class day_count_convention {
  thirty_360_us,
  thirty_360_bond_basis,
  thirty_e_360,
  thirty_e_360_isda,
  act_360,
  act_365_fixed,
  act_act_isda,
  act_act_icma,
};

/// Every convention, in declaration order.
inline constexpr std::array<day_count_convention, 8> all_day_count_conventions{
    day_count_convention::thirty_360_us, day_count_convention::thirty_360_bond_basis,
    day_count_convention::thirty_e_360,  day_count_convention::thirty_e_360_isda,
    day_count_convention::act_360,       day_count_convention::act_365_fixed,
    day_count_convention::act_act_isda,  day_count_convention::act_act_icma};

/// The canonical name: "30/360", "30/360 Bond Basis", "30E/360", "30E/360 ISDA", "ACT/360",
/// "ACT/365F", "ACT/ACT ISDA", "ACT/ACT ICMA". parse_day_count accepts each of them.
constexpr std::string_view to_string(day_count_convention c) noexcept {
  switch (c) {
    case day_count_convention::thirty_360_us: return "30/360";
    case day_count_convention::thirty_360_bond_basis: return "30/360 Bond Basis";
    case day_count_convention::thirty_e_360: return "30E/360";
    case day_count_convention::thirty_e_360_isda: return "30E/360 ISDA";
    case day_count_convention::act_360: return "ACT/360";
    case day_count_convention::act_365_fixed: return "ACT/365F";
    case day_count_convention::act_act_isda: return "ACT/ACT ISDA";
    case day_count_convention::act_act_icma: return "ACT/ACT ICMA";
  }
  return "unknown";
}

/// The enum's own name: "thirty_360_us", ..., "act_act_icma".
constexpr std::string_view enum_name(day_count_convention c) noexcept {
  switch (c) {
    case day_count_convention::thirty_360_us: return "thirty_360_us";
    case day_count_convention::thirty_360_bond_basis: return "thirty_360_bond_basis";
    case day_count_convention::thirty_e_360: return "thirty_e_360";
    case day_count_convention::thirty_e_360_isda: return "thirty_e_360_isda";
    case day_count_convention::act_360: return "act_360";
    case day_count_convention::act_365_fixed: return "act_365_fixed";
    case day_count_convention::act_act_isda: return "act_act_isda";
    case day_count_convention::act_act_icma: return "act_act_icma";
  }
  return "unknown";
}

/// The convention named `name`, case-insensitively, ignoring parentheses and repeated spaces:
/// the canonical names of to_string, the enum names, and the ISDA 2006 section 4.16 names
/// ("Actual/360", "Actual/365 (Fixed)", "Actual/Actual (ISDA)", "Actual/Actual (ICMA)",
/// "30E/360 (ISDA)", "Eurobond Basis", "Bond Basis", "360/360"), plus "30/360 US", "30U/360",
/// "ACT/365 Fixed", "ACT/ACT ISMA". Bare "30/360" means the US rule (see the header comment and
/// docs/explanation/calendars-and-day-counts.md). The ambiguous "ACT/ACT" and anything else
/// throw invalid_input_error "day_count.unknown" listing the canonical names.
inline day_count_convention parse_day_count(std::string_view name) {
  std::string key;
  for (char ch : name.substr(0, 64)) {
    const bool blank = ch == '(' || ch == ')' || ch == '\t';
    const char c = blank ? ' ' : static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    if (c == ' ' && (key.empty() || key.back() == ' ')) continue;
    key.push_back(c);
  }
  while (!key.empty() && key.back() == ' ') key.pop_back();
  struct alias {
    std::string_view text;
    day_count_convention convention;
  };
  using dc = day_count_convention;
  static constexpr std::array<alias, 34> aliases{{
      {"30/360", dc::thirty_360_us},
      {"30/360 US", dc::thirty_360_us},
      {"30U/360", dc::thirty_360_us},
      {"THIRTY_360_US", dc::thirty_360_us},
      {"30/360 BOND BASIS", dc::thirty_360_bond_basis},
      {"BOND BASIS", dc::thirty_360_bond_basis},
      {"360/360", dc::thirty_360_bond_basis},
      {"THIRTY_360_BOND_BASIS", dc::thirty_360_bond_basis},
      {"30E/360", dc::thirty_e_360},
      {"EUROBOND BASIS", dc::thirty_e_360},
      {"THIRTY_E_360", dc::thirty_e_360},
      {"30E/360 ISDA", dc::thirty_e_360_isda},
      {"THIRTY_E_360_ISDA", dc::thirty_e_360_isda},
      {"ACT/360", dc::act_360},
      {"ACTUAL/360", dc::act_360},
      {"A/360", dc::act_360},
      {"ACT_360", dc::act_360},
      {"ACT/365F", dc::act_365_fixed},
      {"ACT/365 FIXED", dc::act_365_fixed},
      {"ACTUAL/365 FIXED", dc::act_365_fixed},
      {"A/365F", dc::act_365_fixed},
      {"ACT_365_FIXED", dc::act_365_fixed},
      {"ACT/ACT ISDA", dc::act_act_isda},
      {"ACTUAL/ACTUAL ISDA", dc::act_act_isda},
      {"ACT_ACT_ISDA", dc::act_act_isda},
      {"ACT/ACT ICMA", dc::act_act_icma},
      {"ACTUAL/ACTUAL ICMA", dc::act_act_icma},
      {"ACT/ACT ISMA", dc::act_act_icma},
      {"ACTUAL/ACTUAL ISMA", dc::act_act_icma},
      {"ACT_ACT_ICMA", dc::act_act_icma},
      {"ACT/365 F", dc::act_365_fixed},
      {"30 E/360", dc::thirty_e_360},
      {"30E/360 GERMAN", dc::thirty_e_360_isda},
      {"GERMAN", dc::thirty_e_360_isda},
  }};
  for (const auto& a : aliases)
    if (a.text == key) return a.convention;
  const bool ambiguous = key == "ACT/ACT" || key == "ACTUAL/ACTUAL" || key == "ACT/365" || key == "ACTUAL/365";
  throw invalid_input_error("day_count.unknown",
                            "day count '" + std::string(name.substr(0, 40)) + "' " +
                                (ambiguous ? "is ambiguous" : "is not a convention recoup knows") +
                                ": use one of \"30/360\" (US), \"30/360 Bond Basis\", \"30E/360\", \"30E/360 ISDA\", "
                                "\"ACT/360\", \"ACT/365F\", \"ACT/ACT ISDA\", \"ACT/ACT ICMA\"");
}

/// An exact fraction of a year: numerator / denominator, reduced, denominator > 0.
struct day_count_fraction {
  std::int64_t numerator = 0;
  std::int64_t denominator = 1;

  /// numerator / denominator rounded to `scale` places (0..38) with `mode`.
  [[nodiscard]] decimal to_decimal(int scale, rounding_mode mode) const {
    return divide(decimal(numerator), decimal(denominator), scale, mode);
  }

  friend bool operator==(const day_count_fraction&, const day_count_fraction&) = default;
};

/// What some conventions need besides the two dates. Passing an option the chosen convention
/// does not use throws invalid_input_error "day_count.unused_option" (a likely mix-up).
struct day_count_options {
  /// 30E/360 ISDA: the maturity (termination) date. When `end` is the maturity and the last day
  /// of February, its day is not changed to 30 (ISDA 2006 4.16(h)). Without it, `end` is taken
  /// not to be the maturity (QuantLib's default).
  std::optional<civil_date> maturity;
  /// ACT/ACT ICMA: the regular coupon period the accrual period belongs to (quasi-coupon dates;
  /// for a stub, the notional regular period) and the coupons per year (1, 2, 3, 4, 6 or 12).
  std::optional<civil_date> reference_start;
  std::optional<civil_date> reference_end;
  int frequency = 0;
};

namespace detail {

inline day_count_fraction make_fraction(std::int64_t num, std::int64_t den) {
  if (den < 0) {
    num = -num;
    den = -den;
  }
  const std::int64_t g = std::gcd(num < 0 ? -num : num, den);
  if (g > 1) {
    num /= g;
    den /= g;
  }
  if (num == 0) den = 1;
  return {num, den};
}

inline day_count_fraction add_fractions(day_count_fraction a, day_count_fraction b) {
  const std::int64_t g = std::gcd(a.denominator, b.denominator);
  const std::int64_t den = a.denominator / g * b.denominator;
  return make_fraction(a.numerator * (den / a.denominator) + b.numerator * (den / b.denominator), den);
}

inline bool is_last_of_february(const civil_date& d) noexcept { return d.month() == 2 && d.is_end_of_month(); }

inline std::int64_t thirty_360(int y1, int m1, int d1, int y2, int m2, int d2) noexcept {
  return 360 * static_cast<std::int64_t>(y2 - y1) + 30 * static_cast<std::int64_t>(m2 - m1) + (d2 - d1);
}

inline void refuse_option(bool present, day_count_convention c, const char* option) {
  if (!present) return;
  throw invalid_input_error("day_count.unused_option",
                            std::string(to_string(c)) + " does not use " + option +
                                ": remove it, or choose the convention that does (maturity: 30E/360 ISDA; "
                                "reference_start, reference_end, frequency: ACT/ACT ICMA)");
}

/// QuantLib's ActualActual::ISMA_Impl::yearFraction, exactly, with the period length in months
/// taken from the frequency (validated against the reference period by the caller).
inline day_count_fraction icma(civil_date d1, civil_date d2, civil_date ref_start, civil_date ref_end, int months) {
  if (d1 == d2) return {0, 1};
  if (d1 > d2) {
    auto f = icma(d2, d1, ref_start, ref_end, months);
    return {-f.numerator, f.denominator};
  }
  if (!(ref_end > ref_start && ref_end > d1)) {
    throw invalid_input_error("day_count.icma_reference",
                              "ACT/ACT ICMA: the reference period " + ref_start.to_string() + ".." +
                                  ref_end.to_string() + " must end after it starts and after the accrual start " +
                                  d1.to_string());
  }
  if (d2 <= ref_end) {
    if (d1 >= ref_start) {
      return make_fraction(months * days_between(d1, d2), 12 * days_between(ref_start, ref_end));
    }
    const civil_date previous = ref_start.add_months(-months);
    if (d2 > ref_start)
      return add_fractions(icma(d1, ref_start, previous, ref_start, months),
                           icma(ref_start, d2, ref_start, ref_end, months));
    return icma(d1, d2, previous, ref_start, months);
  }
  if (ref_start > d1) {
    throw invalid_input_error("day_count.icma_reference",
                              "ACT/ACT ICMA: the accrual period " + d1.to_string() + ".." + d2.to_string() +
                                  " starts before and ends after the reference period " + ref_start.to_string() +
                                  ".." + ref_end.to_string() + ": give the regular period the accrual belongs to");
  }
  day_count_fraction sum = icma(d1, ref_end, ref_start, ref_end, months);
  for (std::int64_t i = 0;; ++i) {
    const civil_date next_start = ref_end.add_months(months * i);
    const civil_date next_end = ref_end.add_months(months * (i + 1));
    if (d2 < next_end) return add_fractions(sum, icma(next_start, d2, next_start, next_end, months));
    sum = add_fractions(sum, make_fraction(months, 12));
  }
}

}  // namespace detail

/// The days the convention counts from `start` to `end`: the 30/360 day count for the 30/360
/// family, the actual days (end - start) for the ACT family. Negative when end < start.
[[nodiscard]] inline std::int64_t day_count_days(day_count_convention c, civil_date start, civil_date end,
                                                 const day_count_options& options = {}) {
  using dc = day_count_convention;
  if (c != dc::thirty_e_360_isda) detail::refuse_option(options.maturity.has_value(), c, "a maturity date");
  if (c != dc::act_act_icma)
    detail::refuse_option(options.reference_start || options.reference_end || options.frequency != 0, c,
                          "a reference period or frequency");
  int d1 = start.day();
  int d2 = end.day();
  switch (c) {
    case dc::thirty_360_us:
      // QuantLib Thirty360::US_Impl (the order of the checks matters).
      if (detail::is_last_of_february(start)) {
        if (detail::is_last_of_february(end)) d2 = 30;
        d1 = 30;
      }
      if (d2 == 31 && d1 >= 30) d2 = 30;
      if (d1 == 31) d1 = 30;
      break;
    case dc::thirty_360_bond_basis:
      if (d1 == 31) d1 = 30;
      if (d2 == 31 && d1 == 30) d2 = 30;
      break;
    case dc::thirty_e_360:
      if (d1 == 31) d1 = 30;
      if (d2 == 31) d2 = 30;
      break;
    case dc::thirty_e_360_isda:
      if (d1 == 31 || detail::is_last_of_february(start)) d1 = 30;
      if (d2 == 31) d2 = 30;
      if (detail::is_last_of_february(end) && !(options.maturity && *options.maturity == end)) d2 = 30;
      break;
    case dc::act_360:
    case dc::act_365_fixed:
    case dc::act_act_isda:
    case dc::act_act_icma: return days_between(start, end);
  }
  return detail::thirty_360(start.year(), start.month(), d1, end.year(), end.month(), d2);
}

/// The fraction of a year from `start` to `end` under convention `c`, exact and reduced.
/// ACT/ACT ICMA requires options.reference_start, reference_end and frequency: without them it
/// throws invalid_input_error "day_count.icma_reference". Other errors: "day_count.unused_option".
[[nodiscard]] inline day_count_fraction year_fraction(day_count_convention c, civil_date start, civil_date end,
                                                      const day_count_options& options = {}) {
  using dc = day_count_convention;
  const std::int64_t days = day_count_days(c, start, end, options);
  switch (c) {
    case dc::thirty_360_us:
    case dc::thirty_360_bond_basis:
    case dc::thirty_e_360:
    case dc::thirty_e_360_isda:
    case dc::act_360: return detail::make_fraction(days, 360);
    case dc::act_365_fixed: return detail::make_fraction(days, 365);
    case dc::act_act_isda: {
      if (start == end) return {0, 1};
      const civil_date a = start < end ? start : end;
      const civil_date b = start < end ? end : start;
      // Days in leap years count 1/366, days in other years 1/365: over 365 × 366.
      std::int64_t leap_days = 0;
      std::int64_t other_days = 0;
      for (int y = a.year(); y <= b.year(); ++y) {
        const civil_date from = y == a.year() ? a : civil_date::from_ymd(y, 1, 1);
        const civil_date to = y == b.year() ? b : civil_date::from_ymd(y + 1, 1, 1);
        (civil_date::is_leap_year(y) ? leap_days : other_days) += days_between(from, to);
      }
      auto f = detail::make_fraction(leap_days * 365 + other_days * 366, 365 * 366);
      if (start > end) f.numerator = -f.numerator;
      return f;
    }
    case dc::act_act_icma: {
      if (!options.reference_start || !options.reference_end || options.frequency == 0) {
        throw invalid_input_error("day_count.icma_reference",
                                  "ACT/ACT ICMA needs the reference (regular coupon) period and the coupons per "
                                  "year: pass reference_start, reference_end and frequency (1, 2, 3, 4, 6 or 12)");
      }
      const int f = options.frequency;
      if (f < 1 || f > 12 || 12 % f != 0) {
        throw invalid_input_error("day_count.icma_reference",
                                  "ACT/ACT ICMA: frequency " + std::to_string(f) +
                                      " is not 1, 2, 3, 4, 6 or 12 coupons per year");
      }
      const int months = 12 / f;
      const std::int64_t ref_days = days_between(*options.reference_start, *options.reference_end);
      // The reference period must be one regular period: about 12/f months long (QuantLib rounds
      // 12 × days / 365 to whole months and uses that as the period).
      const std::int64_t estimated = ref_days > 0 ? (24 * ref_days + 365) / 730 : 0;
      if (estimated != months) {
        throw invalid_input_error("day_count.icma_reference",
                                  "ACT/ACT ICMA: the reference period " + options.reference_start->to_string() +
                                      ".." + options.reference_end->to_string() + " (" + std::to_string(ref_days) +
                                      " days) is not one regular period of " + std::to_string(months) +
                                      " months for frequency " + std::to_string(f));
      }
      return detail::icma(start, end, *options.reference_start, *options.reference_end, months);
    }
  }
  return {0, 1};
}

}  // namespace recoup
