#pragma once
// recoup/plan/apr.hpp — regulatory annual percentage rates: US Regulation Z (12 CFR 1026,
// Appendix J actuarial method) and UK CONC App 1.2 (annual compounding), and the Reg Z
// disclosure tolerance of 12 CFR 1026.22(a)(2)-(3).
//
// The rate is solved exactly in the sense of recoup's rate solvers (100-digit working precision,
// a proven bracket narrower than 1e-45) and rounded once: apr() returns a fraction (0.0969... for
// 9.69%) to `places` decimal places (12 by default, half_even); apr_result::disclosed is the
// figure as disclosed (US: two decimals of a percent, half_up; UK: one decimal, half_up).
//
//   using namespace recoup;
//   std::vector<dated_amount> adv{{civil_date::from_ymd(1978, 1, 10), money::parse("5000.00 USD")}};
//   std::vector<dated_amount> pay;  // 24 x 230.00 monthly from 1978-02-10
//   for (int k = 0; k < 24; ++k) pay.push_back({civil_date::from_ymd(1978, 2, 10).add_months(k), money::parse("230.00 USD")});
//   apr_result r = apr_details(adv, pay, {});  // r.disclosed == 0.0969 (App J (c)(1)(i))

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "recoup/core/decimal.hpp"
#include "recoup/core/rounding.hpp"
#include "recoup/plan/cash_flow.hpp"
#include "recoup/time/reg_z_periods.hpp"

namespace recoup {

/// Which regulation's APR.
enum class apr_method : unsigned char {
  us_reg_z,  ///< 12 CFR 1026.22 and Appendix J: unit-period rate x unit-periods per year
  uk_conc,   ///< FCA CONC App 1.2 (SI 2010/1011): the annual rate, compounding annually
};

/// How CONC App 1.2 measures time from the first drawdown.
enum class uk_time_basis : unsigned char {
  equal_months,  ///< whole months counted back from each date / 12, plus leftover days / 365
  weeks,         ///< whole weeks / 52, plus leftover days / 365
  actual_days,   ///< days / 365
};

/// "us_reg_z" / "uk_conc" and "equal_months" / "weeks" / "actual_days"; throw invalid_input_error.
apr_method parse_apr_method(const std::string& name);
uk_time_basis parse_uk_time_basis(const std::string& name);
std::string to_string(apr_method m);
std::string to_string(uk_time_basis b);

/// Options of an APR calculation.
struct apr_options {
  apr_method method = apr_method::us_reg_z;
  /// US: the unit-period; detected per App J (b)(4) when empty.
  std::optional<reg_z_unit_period> unit_period;
  /// UK: the time basis (CONC App 1.2.6 / CCD Annex I remark (c)).
  uk_time_basis uk_basis = uk_time_basis::equal_months;
  /// Decimal places of apr_result::rate (a fraction: 12 places = 10 places of a percent).
  int places = 12;
  rounding_mode rounding = rounding_mode::half_even;
};

/// How one flow entered the equation.
struct apr_flow_term {
  civil_date date;
  money amount;
  bool advance = false;
  /// US: full unit-periods (q or t of App J (b)(8)); UK: whole months or weeks (0 for actual_days).
  std::int64_t whole_periods = 0;
  /// US: fraction of a unit-period (e or f), num/den; UK: leftover days / 365.
  std::int64_t fraction_num = 0;
  std::int64_t fraction_den = 1;
};

/// The APR, how it was found, and enough to show an auditor.
struct apr_result {
  apr_method method = apr_method::us_reg_z;
  /// The annual rate as a fraction, rounded to options.places with options.rounding.
  decimal rate;
  /// As disclosed: US to 0.01 percentage point (4 places of a fraction), UK to 0.1 point (3
  /// places), both half_up, rounded once from the solved rate (never from an already rounded figure).
  decimal disclosed;
  /// The unit-period rate (US) to options.places; for UK equal to rate.
  decimal unit_period_rate;
  /// US only: the unit-period and unit-periods per year (num/den).
  reg_z_unit_period unit_period;
  std::int64_t periods_per_year_num = 1;
  std::int64_t periods_per_year_den = 1;
  uk_time_basis uk_basis = uk_time_basis::equal_months;
  civil_date term_start;
  std::vector<apr_flow_term> flows;
  int iterations = 0;
  /// Other real roots of the equation (rounded like rate), when it has more than one.
  std::vector<decimal> other_roots;

  /// A readable account: method, citation, unit-period, each flow's time, the equation, the result.
  [[nodiscard]] std::string explain() const;
};

/// Solves the APR equation. Advances and payments are listed separately, each with a positive
/// amount of one currency. Throws invalid_input_error ("apr.no_advances", "apr.no_payments",
/// "apr.non_positive_amount", "apr.payment_before_advance", "apr.advance_after_last_payment",
/// "apr.zero_term"), currency_mismatch_error, or no_convergence_error.
apr_result apr_details(std::span<const dated_amount> advances, std::span<const dated_amount> payments,
                       const apr_options& options = {});

/// apr_details(...).rate.
decimal apr(std::span<const dated_amount> advances, std::span<const dated_amount> payments,
            const apr_options& options = {});

/// The verdict of 12 CFR 1026.22(a)(2)/(a)(3): is a disclosed APR within tolerance of the
/// computed one (1/8 of a percentage point, 1/4 in an irregular transaction)?
struct apr_tolerance_verdict {
  bool accurate = false;
  std::string rule_id;   ///< "us.regz.apr.tolerance"
  std::string citation;  ///< "12 CFR 1026.22(a)(2)" or "12 CFR 1026.22(a)(3)"
  decimal disclosed;     ///< fraction
  decimal computed;      ///< fraction
  decimal difference;    ///< disclosed - computed (fraction)
  decimal tolerance;     ///< 0.00125 or 0.0025 (fraction)
  bool irregular = false;
  [[nodiscard]] std::string explain() const;
};

/// Checks a disclosed APR (fraction) against a computed one (fraction). Exact decimal comparison;
/// a difference of exactly the tolerance is accurate ("within").
apr_tolerance_verdict apr_tolerance_check(const decimal& disclosed, const decimal& computed, bool irregular = false);

}  // namespace recoup
