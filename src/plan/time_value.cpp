// Time value of money (numpy-financial shapes) in exact fractions or 100-digit arithmetic.
// GCC 12 reports a false "maybe uninitialized" in cpp_int's limb union when it inlines moved-from
// unbounded integers (detail/high_precision.hpp); the pragma must precede the first Boost include.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include "recoup/plan/time_value.hpp"

#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "recoup/core/error.hpp"
#include "recoup/plan/detail/high_precision.hpp"

namespace recoup {

namespace {

using detail::hp_real;
using detail::rational;

/// Exact fractions are used while (digits of 1 + rate's numerator) x periods stays below this.
constexpr std::int64_t exact_digit_budget = 200000;

decimal finish(const rational& v, const char* what) {
  return detail::round_to_digits(v, time_value_digits, rounding_mode::half_even, what);
}
decimal finish(const hp_real& v, const char* what) {
  return detail::round_to_digits(v, time_value_digits, rounding_mode::half_even, what);
}

void check_rate(const decimal& r, const char* what) {
  if (r <= decimal(-1))
    throw invalid_input_error("time_value.rate_domain",
                              std::string(what) + ": rate " + r.to_string() + " must be greater than -1 (a fraction per period)");
}

/// True (and the count) when `n` is a whole number of periods small enough for exact fractions.
bool exact_periods(const decimal& r, const decimal& n, std::int64_t* out) {
  if (!n.is_integer() || n.is_negative() || n > decimal(100000000)) return false;
  const auto count = static_cast<std::int64_t>(n.to_integer(rounding_mode::down));
  const rational g = rational(std::int64_t{1}) + rational(r);
  if (detail::big_digits(g.num) * count > exact_digit_budget) return false;
  *out = count;
  return true;
}

int timing_factor(payment_timing w) { return w == payment_timing::begin ? 1 : 0; }

bool is_zero(const rational& x) { return x.is_zero(); }
bool is_zero(const hp_real& x) { return x == 0; }

template <class N>
N make(std::int64_t v) {
  if constexpr (std::is_same_v<N, rational>) return rational(v);
  else return hp_real(v);
}

// The numpy-financial formulas, for N = rational (exact) or hp_real. T = (1 + r)^n.
template <class N>
N pmt_f(const N& r, const N& n, const N& T, const N& pv_, const N& fv_, int w) {
  if (is_zero(r)) return -(fv_ + pv_) / n;
  return -(fv_ + pv_ * T) * r / ((make<N>(1) + r * make<N>(w)) * (T - make<N>(1)));
}
template <class N>
N fv_f(const N& r, const N& n, const N& T, const N& pmt_, const N& pv_, int w) {
  if (is_zero(r)) return -(pv_ + pmt_ * n);
  return -(pv_ * T + pmt_ * (make<N>(1) + r * make<N>(w)) / r * (T - make<N>(1)));
}
template <class N>
N pv_f(const N& r, const N& n, const N& T, const N& pmt_, const N& fv_, int w) {
  if (is_zero(r)) return -(fv_ + pmt_ * n);
  return -(fv_ + pmt_ * (make<N>(1) + r * make<N>(w)) / r * (T - make<N>(1))) / T;
}

rational growth_pow(const decimal& r, std::int64_t n) {
  return detail::pow(rational(std::int64_t{1}) + rational(r), static_cast<std::uint64_t>(n));
}
hp_real growth_pow(const hp_real& r, const hp_real& n) {
  if (n == 0) return 1;
  return boost::multiprecision::exp(n * boost::multiprecision::log1p(r));
}

void check_nper(const decimal& n, const char* what) {
  if (n.is_zero()) throw invalid_input_error("time_value.zero_periods", std::string(what) + ": nper must not be zero");
}

}  // namespace

payment_timing parse_payment_timing(const std::string& text) {
  if (text == "end" || text == "0") return payment_timing::end;
  if (text == "begin" || text == "start" || text == "1") return payment_timing::begin;
  throw invalid_input_error("time_value.when", "when='" + text + "': use 'end' (0) or 'begin' (1)");
}

decimal npv(const decimal& rate, std::span<const decimal> values) {
  check_rate(rate, "npv");
  if (values.empty()) throw invalid_input_error("irr.no_values", "npv needs at least one cash flow");
  std::int64_t n = 0;
  if (exact_periods(rate, decimal(static_cast<std::int64_t>(values.size())), &n)) {
    // Horner in v = 1/(1 + r): values[0] + v (values[1] + v (values[2] + ...)).
    const rational v = rational(std::int64_t{1}) / (rational(std::int64_t{1}) + rational(rate));
    rational acc(values.back());
    for (std::size_t i = values.size() - 1; i-- > 0;) acc = rational(values[i]) + v * acc;
    return finish(acc, "npv");
  }
  const hp_real v = 1 / (1 + detail::to_hp(rate));
  hp_real acc = detail::to_hp(values.back());
  for (std::size_t i = values.size() - 1; i-- > 0;) acc = detail::to_hp(values[i]) + v * acc;
  return finish(acc, "npv");
}

decimal pmt(const decimal& rate, const decimal& nper, const decimal& present_value, const decimal& future_value,
            payment_timing when) {
  check_rate(rate, "pmt");
  check_nper(nper, "pmt");
  const int w = timing_factor(when);
  std::int64_t n = 0;
  if (exact_periods(rate, nper, &n))
    return finish(pmt_f(rational(rate), rational(n), growth_pow(rate, n), rational(present_value), rational(future_value), w),
                  "pmt");
  const hp_real r = detail::to_hp(rate), hn = detail::to_hp(nper);
  return finish(pmt_f(r, hn, growth_pow(r, hn), detail::to_hp(present_value), detail::to_hp(future_value), w), "pmt");
}

decimal fv(const decimal& rate, const decimal& nper, const decimal& payment, const decimal& present_value,
           payment_timing when) {
  check_rate(rate, "fv");
  const int w = timing_factor(when);
  std::int64_t n = 0;
  if (exact_periods(rate, nper, &n))
    return finish(fv_f(rational(rate), rational(n), growth_pow(rate, n), rational(payment), rational(present_value), w), "fv");
  const hp_real r = detail::to_hp(rate), hn = detail::to_hp(nper);
  return finish(fv_f(r, hn, growth_pow(r, hn), detail::to_hp(payment), detail::to_hp(present_value), w), "fv");
}

decimal pv(const decimal& rate, const decimal& nper, const decimal& payment, const decimal& future_value,
           payment_timing when) {
  check_rate(rate, "pv");
  const int w = timing_factor(when);
  std::int64_t n = 0;
  if (exact_periods(rate, nper, &n))
    return finish(pv_f(rational(rate), rational(n), growth_pow(rate, n), rational(payment), rational(future_value), w), "pv");
  const hp_real r = detail::to_hp(rate), hn = detail::to_hp(nper);
  return finish(pv_f(r, hn, growth_pow(r, hn), detail::to_hp(payment), detail::to_hp(future_value), w), "pv");
}

namespace {

void check_per(const decimal& per, const decimal& nper, const char* what) {
  if (!per.is_integer() || per < decimal(1) || per > nper)
    throw invalid_input_error("time_value.period_range", std::string(what) + ": per " + per.to_string() +
                                                             " must be a whole period number from 1 to nper (" +
                                                             nper.to_string() + ")");
}

template <class N, class Pow>
std::pair<N, N> ipmt_and_pmt(const N& r, const N& per, const N& n, const N& pv_, const N& fv_, int w, Pow power,
                             bool first) {
  const N total = pmt_f(r, n, power(n), pv_, fv_, w);
  const N before = per - make<N>(1);
  N interest = fv_f(r, before, power(before), total, pv_, w) * r;
  if (w == 1) interest = first ? make<N>(0) : N(interest / (make<N>(1) + r));
  return {interest, total};
}

std::pair<decimal, decimal> interest_and_total(const decimal& rate, const decimal& per, const decimal& nper,
                                               const decimal& present_value, const decimal& future_value,
                                               payment_timing when, const char* what) {
  check_rate(rate, what);
  check_nper(nper, what);
  check_per(per, nper, what);
  const int w = timing_factor(when);
  const bool first = per == decimal(1);
  std::int64_t n = 0;
  if (exact_periods(rate, nper, &n)) {
    const auto power = [&](const rational& k) {
      return growth_pow(rate, static_cast<std::int64_t>(k.num / k.den));
    };
    const auto [i, t] = ipmt_and_pmt(rational(rate), rational(per), rational(n), rational(present_value),
                                     rational(future_value), w, power, first);
    return {finish(i, what), finish(t - i, what)};
  }
  const hp_real r = detail::to_hp(rate);
  const auto power = [&](const hp_real& k) { return growth_pow(r, k); };
  const auto [i, t] = ipmt_and_pmt(r, detail::to_hp(per), detail::to_hp(nper), detail::to_hp(present_value),
                                   detail::to_hp(future_value), w, power, first);
  return {finish(i, what), finish(hp_real(t - i), what)};
}

}  // namespace

decimal ipmt(const decimal& rate, const decimal& per, const decimal& nper, const decimal& present_value,
             const decimal& future_value, payment_timing when) {
  return interest_and_total(rate, per, nper, present_value, future_value, when, "ipmt").first;
}

decimal ppmt(const decimal& rate, const decimal& per, const decimal& nper, const decimal& present_value,
             const decimal& future_value, payment_timing when) {
  return interest_and_total(rate, per, nper, present_value, future_value, when, "ppmt").second;
}

decimal nper(const decimal& rate, const decimal& payment, const decimal& present_value, const decimal& future_value,
             payment_timing when) {
  check_rate(rate, "nper");
  const rational r(rate), p(payment), pv_(present_value), fv_(future_value);
  auto no_solution = [&](const std::string& why) {
    return invalid_input_error("time_value.nper_no_solution",
                               "nper: no number of periods reaches fv " + future_value.to_string() + " from pv " +
                                   present_value.to_string() + " with payment " + payment.to_string() + " at rate " +
                                   rate.to_string() + ": " + why);
  };
  if (r.is_zero()) {
    if (p.is_zero()) throw no_solution("the payment is zero and the rate is zero");
    return finish(-(fv_ + pv_) / p, "nper");
  }
  const rational z = p * (rational(std::int64_t{1}) + r * rational(std::int64_t{timing_factor(when)})) / r;
  const rational den = pv_ + z;
  if (den.is_zero()) throw no_solution("the payment exactly pays the interest, so the balance never changes");
  const rational a = -(fv_ - z) / den;
  if (a.sign() <= 0) throw no_solution("the balance moves away from the target (log of a non-positive number)");
  const hp_real result = boost::multiprecision::log(detail::to_hp(a)) / boost::multiprecision::log1p(detail::to_hp(rate));
  return finish(result, "nper");
}

decimal rate(const decimal& nper, const decimal& payment, const decimal& present_value, const decimal& future_value,
             payment_timing when) {
  if (nper <= decimal(0))
    throw invalid_input_error("time_value.zero_periods", "rate: nper " + nper.to_string() + " must be positive");
  const int w = timing_factor(when);
  std::vector<detail::root> roots;
  if (nper.is_integer() && nper <= decimal(100000)) {
    const auto n = static_cast<std::int64_t>(nper.to_integer(rounding_mode::down));
    // The flows view: pv at t = 0, the payments, fv at t = n; its IRR is the rate.
    std::vector<detail::timed_flow> flows;
    const hp_real p = detail::to_hp(payment);
    flows.push_back({detail::to_hp(present_value), 0});
    for (std::int64_t t = 1 - w; t <= n - w; ++t) flows.push_back({p, t});
    flows.push_back({detail::to_hp(future_value), n});
    roots = detail::solve_timed_flows(flows, 1, "rate");
  } else {
    const hp_real n = detail::to_hp(nper), p = detail::to_hp(payment), pv_ = detail::to_hp(present_value),
                  fv_ = detail::to_hp(future_value), hw = w;
    const detail::objective g = [&](const hp_real& r) {
      if (r == 0) return detail::value_and_slope{fv_ + pv_ + p * n, 0};
      const hp_real t1 = growth_pow(r, n);
      const hp_real dt1 = n * t1 / (1 + r);
      const hp_real a = (1 + r * hw) * (t1 - 1) / r;
      const hp_real da = hw * (t1 - 1) / r + (1 + r * hw) * (dt1 * r - (t1 - 1)) / (r * r);
      return detail::value_and_slope{fv_ + pv_ * t1 + p * a, pv_ * dt1 + p * da};
    };
    roots = detail::find_roots(g, detail::rate_grid(), "rate");
  }
  if (roots.empty())
    throw no_convergence_error("rate.no_sign_change",
                               "rate: fv + pv(1+r)^n + pmt(1+r*when)((1+r)^n-1)/r does not change sign for any r scanned in " +
                               std::string(detail::rate_grid_text) + "; check the signs of pmt, pv and fv (money out is negative)");
  return finish(detail::nearest_zero(roots).x, "rate");
}

decimal solve_rate(const money& principal, const money& payment, std::int64_t periods, int periods_per_year, int places) {
  principal.require_same(payment, "solve a rate from");
  if (!principal.is_positive() || !payment.is_positive())
    throw invalid_input_error("rate.non_positive", "solve_rate: principal " + principal.to_string() + " and payment " +
                                                       payment.to_string() + " must both be positive");
  if (periods < 1 || periods > 100000 || periods_per_year < 1 || periods_per_year > 365)
    throw invalid_input_error("rate.periods", "solve_rate: periods " + std::to_string(periods) + " must be 1..100000 and "
                                                  "periods_per_year " + std::to_string(periods_per_year) + " 1..365");
  std::vector<detail::timed_flow> flows;
  flows.push_back({-detail::to_hp(principal.amount()), 0});
  const hp_real p = detail::to_hp(payment.amount());
  for (std::int64_t t = 1; t <= periods; ++t) flows.push_back({p, t});
  const auto roots = detail::solve_timed_flows(flows, 1, "solve_rate");
  if (roots.empty())
    throw no_convergence_error("rate.no_sign_change", "solve_rate: no rate in " + std::string(detail::rate_grid_text) + " per period makes " +
                                                          std::to_string(periods) + " payments of " + payment.to_string() +
                                                          " worth " + principal.to_string());
  const rational annual = detail::exact_rational(detail::nearest_zero(roots).x) * rational(std::int64_t{periods_per_year});
  return detail::round_to_places(annual, places, rounding_mode::half_even, "solve_rate");
}

std::int64_t solve_term(const money& principal, const money& payment, const decimal& annual_rate, int periods_per_year) {
  principal.require_same(payment, "solve a term from");
  if (!principal.is_positive() || !payment.is_positive())
    throw invalid_input_error("rate.non_positive", "solve_term: principal " + principal.to_string() + " and payment " +
                                                       payment.to_string() + " must both be positive");
  if (annual_rate.is_negative())
    throw invalid_input_error("rate.negative", "solve_term: annual rate " + annual_rate.to_string() + " is negative");
  if (periods_per_year < 1 || periods_per_year > 365)
    throw invalid_input_error("rate.periods", "solve_term: periods_per_year " + std::to_string(periods_per_year) +
                                                  " must be 1..365");
  const rational pr(principal.amount()), pay(payment.amount());
  const rational r = rational(annual_rate) / rational(std::int64_t{periods_per_year});
  auto too_long = [&] {
    return invalid_input_error("rate.term_too_long", "solve_term: " + payment.to_string() + " a period would take more than "
                                                         "1,000,000 payments to repay " + principal.to_string());
  };
  if (r.is_zero()) {
    const detail::big_int n = (pr.num * pay.den + pay.num * pr.den - 1) / (pay.num * pr.den);  // ceil
    if (n > 1000000) throw too_long();
    return static_cast<std::int64_t>(n);
  }
  const rational interest = pr * r;
  if (!(interest < pay)) {
    const decimal minimum = detail::round_to_places(interest, principal.currency().minor_units(), rounding_mode::floor,
                                                    "solve_term");
    throw invalid_input_error("rate.payment_too_small",
                              "solve_term: a payment of " + payment.to_string() + " does not exceed the first period's interest (" +
                                  interest.num.str() + "/" + interest.den.str() + " = about " + minimum.to_string() + " " +
                                  std::string(principal.currency().code()) +
                                  "), so the debt is never repaid; pay more than that each period");
  }
  // Smallest n with (1 + r)^n >= pay / (pay - principal * r).
  const rational target = pay / (pay - interest);
  const hp_real nstar = boost::multiprecision::log(detail::to_hp(target)) / boost::multiprecision::log1p(detail::to_hp(r));
  if (nstar > 1000000) throw too_long();
  auto n = static_cast<std::int64_t>(boost::multiprecision::ceil(nstar).convert_to<long long>());
  if (n < 1) n = 1;
  // Confirm exactly at the boundary when the numbers stay small.
  const rational g = rational(std::int64_t{1}) + r;
  if (detail::big_digits(g.reduced().num) * n <= exact_digit_budget) {
    const auto reaches = [&](std::int64_t k) { return !(detail::pow(g, static_cast<std::uint64_t>(k)) < target); };
    while (!reaches(n)) ++n;
    while (n > 1 && reaches(n - 1)) --n;
  }
  return n;
}

}  // namespace recoup
