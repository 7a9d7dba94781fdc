// Regulatory APR: Regulation Z Appendix J (actuarial method) and CONC App 1.2.
// GCC 12 reports a false "maybe uninitialized" in cpp_int's limb union when it inlines moved-from
// unbounded integers (detail/high_precision.hpp); the pragma must precede the first Boost include.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include "recoup/plan/apr.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "recoup/core/error.hpp"
#include "recoup/plan/detail/high_precision.hpp"

namespace recoup {

namespace {

using detail::hp_real;
using detail::rational;

/// A fraction as a percentage text: 0.0969 -> "9.69%".
std::string percent(const decimal& fraction) {
  const decimal p = fraction.scale() >= 2 ? decimal::from_parts(fraction.coefficient(), fraction.scale() - 2)
                                          : fraction * decimal(100);
  return p.to_string() + "%";
}

std::vector<dated_amount> sorted(std::span<const dated_amount> flows) {
  std::vector<dated_amount> out(flows.begin(), flows.end());
  std::stable_sort(out.begin(), out.end(), [](const dated_amount& a, const dated_amount& b) { return a.date < b.date; });
  return out;
}

std::vector<civil_date> dates_of(const std::vector<dated_amount>& flows) {
  std::vector<civil_date> out;
  for (const auto& f : flows) out.push_back(f.date);
  return out;
}

struct us_term {
  hp_real amount;  // advances positive, payments negative
  std::int64_t q = 0;
  hp_real e;
};

void solve_us(apr_result& res, const std::vector<dated_amount>& adv, const std::vector<dated_amount>& pay,
              const apr_options& opt) {
  const std::vector<civil_date> adv_dates = dates_of(adv), pay_dates = dates_of(pay);
  res.unit_period = opt.unit_period ? *opt.unit_period : reg_z_detect_unit_period(res.term_start, adv_dates, pay_dates);
  res.periods_per_year_num = res.unit_period.per_year_num();
  res.periods_per_year_den = res.unit_period.per_year_den();
  const int adv_anchor = reg_z_anchor_day(adv_dates), pay_anchor = reg_z_anchor_day(pay_dates);
  std::vector<us_term> terms;
  auto add = [&](const dated_amount& f, bool advance) {
    const reg_z_interval m = reg_z_measure(res.term_start, f.date, res.unit_period, advance ? adv_anchor : pay_anchor);
    res.flows.push_back({f.date, f.amount, advance, m.whole_periods, m.fraction_num, m.fraction_den});
    const hp_real a = detail::to_hp(f.amount.amount());
    terms.push_back({advance ? a : hp_real(-a), m.whole_periods, hp_real(m.fraction_num) / hp_real(m.fraction_den)});
  };
  for (const auto& f : adv) add(f, true);
  for (const auto& f : pay) add(f, false);
  // App J (b)(8): sum A_k / ((1 + e_k i)(1 + i)^q_k) - sum P_j / ((1 + f_j i)(1 + i)^t_j) = 0.
  const detail::objective f = [&](const hp_real& i) {
    detail::value_and_slope out{0, 0};
    const hp_real g = 1 + i;
    for (const auto& t : terms) {
      const hp_real lin = 1 + t.e * i;
      const hp_real pv = t.amount / (lin * detail::ipow(g, t.q));
      out.value += pv;
      out.slope -= pv * (t.e / lin + hp_real(t.q) / g);
    }
    return out;
  };
  const auto roots = detail::find_roots(f, detail::rate_grid(), "apr (Regulation Z Appendix J)");
  if (roots.empty())
    throw no_convergence_error("apr.no_sign_change",
                               "apr: the Appendix J (b)(8) equation does not change sign for any unit-period rate scanned in " +
                               std::string(detail::rate_grid_text) + "; check that the payments repay the advances");
  const detail::root& chosen = detail::nearest_zero(roots);
  res.iterations = chosen.iterations;
  const rational per_year(detail::big_int(res.periods_per_year_num), detail::big_int(res.periods_per_year_den));
  const rational exact_unit = detail::exact_rational(chosen.x);
  const rational exact_annual = exact_unit * per_year;
  res.unit_period_rate = detail::round_to_places(exact_unit, opt.places, opt.rounding, "apr");
  res.rate = detail::round_to_places(exact_annual, opt.places, opt.rounding, "apr");
  res.disclosed = detail::round_to_places(exact_annual, 4, rounding_mode::half_up, "apr");
  for (const auto& r : roots)
    if (&r != &chosen)
      res.other_roots.push_back(
          detail::round_to_places(detail::exact_rational(r.x) * per_year, opt.places, opt.rounding, "apr"));
}

void solve_uk(apr_result& res, const std::vector<dated_amount>& adv, const std::vector<dated_amount>& pay,
              const apr_options& opt) {
  res.periods_per_year_num = 1;
  res.periods_per_year_den = 1;
  const int adv_anchor = reg_z_anchor_day(dates_of(adv)), pay_anchor = reg_z_anchor_day(dates_of(pay));
  // Time in years = exponent / units: equal months 365m + 12d over 4380 (= m/12 + d/365); weeks
  // 365w + 52d over 18980 (= w/52 + d/365); actual days d over 365.
  std::int64_t units = 365;
  if (opt.uk_basis == uk_time_basis::equal_months) units = 4380;
  if (opt.uk_basis == uk_time_basis::weeks) units = 18980;
  std::vector<detail::timed_flow> flows;
  auto add = [&](const dated_amount& f, bool advance) {
    std::int64_t whole = 0, days = days_between(res.term_start, f.date), exponent = days;
    if (opt.uk_basis == uk_time_basis::equal_months) {
      const auto md = reg_z_months_back(res.term_start, f.date, advance ? adv_anchor : pay_anchor);
      whole = md.months;
      days = md.days;
      exponent = 365 * whole + 12 * days;
    } else if (opt.uk_basis == uk_time_basis::weeks) {
      whole = days / 7;
      days %= 7;
      exponent = 365 * whole + 52 * days;
    }
    res.flows.push_back({f.date, f.amount, advance, whole, days, 365});
    const hp_real a = detail::to_hp(f.amount.amount());
    flows.push_back({advance ? a : hp_real(-a), exponent});
  };
  for (const auto& f : adv) add(f, true);
  for (const auto& f : pay) add(f, false);
  // CONC App 1.2.1: sum A_k (1 + X)^-t_k = sum P_j (1 + X)^-s_j.
  const auto roots = detail::solve_timed_flows(flows, units, "apr (CONC App 1.2)");
  if (roots.empty())
    throw no_convergence_error("apr.no_sign_change",
                               "apr: the CONC App 1.2 equation does not change sign for any annual rate scanned in " +
                               std::string(detail::rate_grid_text) + "; check that the payments repay the advances");
  const detail::root& chosen = detail::nearest_zero(roots);
  res.iterations = chosen.iterations;
  const rational exact = detail::exact_rational(chosen.x);
  res.rate = detail::round_to_places(exact, opt.places, opt.rounding, "apr");
  res.unit_period_rate = res.rate;
  res.disclosed = detail::round_to_places(exact, 3, rounding_mode::half_up, "apr");
  for (const auto& r : roots)
    if (&r != &chosen) res.other_roots.push_back(detail::round_to_places(r.x, opt.places, opt.rounding, "apr"));
}

}  // namespace

apr_method parse_apr_method(const std::string& name) {
  if (name == "us_reg_z") return apr_method::us_reg_z;
  if (name == "uk_conc") return apr_method::uk_conc;
  throw invalid_input_error("apr.unknown_method", "unknown APR method '" + name + "': use 'us_reg_z' or 'uk_conc'");
}

uk_time_basis parse_uk_time_basis(const std::string& name) {
  if (name == "equal_months") return uk_time_basis::equal_months;
  if (name == "weeks") return uk_time_basis::weeks;
  if (name == "actual_days") return uk_time_basis::actual_days;
  throw invalid_input_error("apr.unknown_basis",
                            "unknown UK time basis '" + name + "': use 'equal_months', 'weeks' or 'actual_days'");
}

std::string to_string(apr_method m) { return m == apr_method::us_reg_z ? "us_reg_z" : "uk_conc"; }

std::string to_string(uk_time_basis b) {
  switch (b) {
    case uk_time_basis::equal_months: return "equal_months";
    case uk_time_basis::weeks: return "weeks";
    case uk_time_basis::actual_days: return "actual_days";
  }
  return "?";
}

apr_result apr_details(std::span<const dated_amount> advances, std::span<const dated_amount> payments,
                       const apr_options& options) {
  if (advances.empty())
    throw invalid_input_error("apr.no_advances", "no advances given: an APR needs at least one advance and one payment");
  if (payments.empty())
    throw invalid_input_error("apr.no_payments", "no payments given: an APR needs at least one advance and one payment");
  if (options.places < 0 || options.places > 38)
    throw invalid_input_error("apr.places", "places " + std::to_string(options.places) + " is outside 0..38");
  const money& reference = advances.front().amount;
  detail::check_positive_flows(advances, "advance", "apr.no_advances", reference);
  detail::check_positive_flows(payments, "payment", "apr.no_payments", reference);
  const auto adv = sorted(advances), pay = sorted(payments);
  apr_result res;
  res.method = options.method;
  res.uk_basis = options.uk_basis;
  res.term_start = adv.front().date;
  if (pay.front().date < res.term_start)
    throw invalid_input_error("apr.payment_before_advance",
                              "the payment on " + pay.front().date.to_string() + " is before the first advance (" +
                                  res.term_start.to_string() + "), where the term begins");
  if (adv.back().date > pay.back().date)
    throw invalid_input_error("apr.advance_after_last_payment",
                              "the advance on " + adv.back().date.to_string() + " is after the last payment (" +
                                  pay.back().date.to_string() + "): nothing repays it");
  if (pay.back().date == res.term_start)
    throw invalid_input_error("apr.zero_term", "every payment is due on the day of the first advance (" +
                                                   res.term_start.to_string() + "): the term has no length");
  if (options.method == apr_method::us_reg_z) solve_us(res, adv, pay, options);
  else solve_uk(res, adv, pay, options);
  return res;
}

decimal apr(std::span<const dated_amount> advances, std::span<const dated_amount> payments, const apr_options& options) {
  return apr_details(advances, payments, options).rate;
}

std::string apr_result::explain() const {
  std::string s;
  if (method == apr_method::us_reg_z) {
    s += "APR " + percent(rate) + " (disclosed " + percent(disclosed) + "), Regulation Z actuarial method, "
         "12 CFR 1026.22(a)(1) and Appendix J (b)(8)\n";
    s += "unit-period: " + unit_period.name() + ", " + std::to_string(periods_per_year_num) +
         (periods_per_year_den == 1 ? std::string() : "/" + std::to_string(periods_per_year_den)) +
         " unit-periods a year (App J (b)(4)-(5)); unit-period rate i = " + unit_period_rate.to_string() + "\n";
    s += "term begins " + term_start.to_string() + "; each flow: full unit-periods q/t and fraction e/f from then\n";
    for (const auto& f : flows)
      s += "  " + std::string(f.advance ? "advance " : "payment ") + f.date.to_string() + "  " + f.amount.to_string() +
           "  periods " + std::to_string(f.whole_periods) + " + " + std::to_string(f.fraction_num) + "/" +
           std::to_string(f.fraction_den) + "\n";
    s += "equation: sum A/((1+e i)(1+i)^q) = sum P/((1+f i)(1+i)^t); APR = i x unit-periods per year\n";
  } else {
    s += "APR " + percent(rate) + " (disclosed " + percent(disclosed) +
         ", one decimal place, half up), CONC App 1.2 (SI 2010/1011), annual compounding\n";
    s += "time from the first drawdown " + term_start.to_string() + " in years, basis " + to_string(uk_basis) +
         (uk_basis == uk_time_basis::equal_months ? " (whole months / 12 + days / 365)"
                                                  : (uk_basis == uk_time_basis::weeks ? " (whole weeks / 52 + days / 365)"
                                                                                      : " (days / 365)")) +
         "\n";
    for (const auto& f : flows)
      s += "  " + std::string(f.advance ? "drawdown  " : "repayment ") + f.date.to_string() + "  " + f.amount.to_string() +
           "  " +
           (uk_basis == uk_time_basis::actual_days
                ? std::to_string(f.fraction_num) + "/365 years"
                : std::to_string(f.whole_periods) + (uk_basis == uk_time_basis::weeks ? "/52" : "/12") + " + " +
                      std::to_string(f.fraction_num) + "/365 years") +
           "\n";
    s += "equation: sum A (1+X)^-t = sum P (1+X)^-s\n";
  }
  s += "solved by bracketed Newton/bisection to a bracket below 1e-45 (" + std::to_string(iterations) +
       " iterations); rounded to " + std::to_string(rate.scale()) + " places";
  if (!other_roots.empty()) {
    s += "; other roots:";
    for (const auto& r : other_roots) s += " " + r.to_string();
  }
  return s + "\n";
}

apr_tolerance_verdict apr_tolerance_check(const decimal& disclosed, const decimal& computed, bool irregular) {
  apr_tolerance_verdict v;
  v.rule_id = "us.regz.apr.tolerance";
  v.citation = irregular ? "12 CFR 1026.22(a)(3)" : "12 CFR 1026.22(a)(2)";
  v.disclosed = disclosed;
  v.computed = computed;
  v.difference = disclosed - computed;
  v.tolerance = irregular ? decimal::parse("0.0025") : decimal::parse("0.00125");
  v.irregular = irregular;
  v.accurate = v.difference.abs() <= v.tolerance;
  return v;
}

std::string apr_tolerance_verdict::explain() const {
  return std::string(accurate ? "accurate" : "inaccurate") + ": disclosed " + percent(disclosed) + " vs computed " +
         percent(computed) + " differs by " + percent(difference.abs()) + (accurate ? ", within " : ", more than ") +
         percent(tolerance) + " (" + (irregular ? "1/4" : "1/8") + " of a percentage point, " +
         (irregular ? "irregular" : "regular") + " transaction) [" + rule_id + ", " + citation + "]";
}

}  // namespace recoup
