// recoup/plan/detail/high_precision.hpp — the one place that wraps Boost.Multiprecision for rates.
//
// Two tools, both deterministic (software arithmetic, no hardware floating point, no global state):
//
//   rational  exact fractions of unbounded integers (boost cpp_int), for closed-form time-value
//             formulas with whole numbers of periods: computed exactly, then rounded once.
//   hp_real   a 100-significant-digit binary number (cpp_bin_float_100) for the transcendental
//             steps: logarithms, fractional powers and root solving.
//
// Results come back to recoup::decimal only through round_to_places / round_to_digits, which turn
// the value into an exact integer fraction and round it with a named rounding_mode in integer
// arithmetic (detail::round_quotient), so the last digit never depends on the machine.
//
// Root solving: find_roots() scans a fixed grid for sign changes and refines each bracket with
// Newton steps kept inside the bracket (bisection whenever Newton leaves it or stalls). A root is
// accepted only when the bracket around it is narrower than 1e-45 relative (the sign change is
// proven, not assumed); otherwise no_convergence_error says what was tried.
#pragma once

#include <boost/multiprecision/cpp_bin_float.hpp>
#include <boost/multiprecision/cpp_int.hpp>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "recoup/core/decimal.hpp"
#include "recoup/core/error.hpp"
#include "recoup/core/rounding.hpp"

namespace recoup::detail {

/// Unbounded integer for exact fractions.
using big_int = boost::multiprecision::cpp_int;
/// 100 significant decimal digits (332-bit mantissa): the working precision of every
/// transcendental step in rate solving.
using hp_real = boost::multiprecision::cpp_bin_float_100;

inline big_int to_big(int128 v) { return widen<big_int>(v); }

inline big_int big_pow10(int n) {
  big_int r = 1;
  for (int i = 0; i < n; ++i) r *= 10;
  return r;
}

/// An exact fraction num/den with den > 0 (not reduced: the formulas here stay small).
struct rational {
  big_int num = 0;
  big_int den = 1;

  rational() = default;
  rational(big_int n, big_int d) : num(std::move(n)), den(std::move(d)) {
    if (den < 0) {
      num = -num;
      den = -den;
    }
  }
  explicit rational(std::int64_t v) : num(v), den(1) {}
  explicit rational(const decimal& d) : num(to_big(d.coefficient())), den(big_pow10(d.scale())) {}

  [[nodiscard]] int sign() const { return num < 0 ? -1 : (num > 0 ? 1 : 0); }
  [[nodiscard]] bool is_zero() const { return num == 0; }

  friend rational operator+(const rational& a, const rational& b) {
    if (a.den == b.den) return {a.num + b.num, a.den};
    return {a.num * b.den + b.num * a.den, a.den * b.den};
  }
  friend rational operator-(const rational& a, const rational& b) {
    if (a.den == b.den) return {a.num - b.num, a.den};
    return {a.num * b.den - b.num * a.den, a.den * b.den};
  }
  friend rational operator*(const rational& a, const rational& b) { return {a.num * b.num, a.den * b.den}; }
  friend rational operator/(const rational& a, const rational& b) {
    if (b.num == 0) throw division_by_zero_error("rate.division_by_zero", "a rate formula divided by zero");
    return {a.num * b.den, a.den * b.num};
  }
  rational operator-() const { return {-num, den}; }
  friend bool operator==(const rational& a, const rational& b) { return a.num * b.den == b.num * a.den; }
  friend bool operator<(const rational& a, const rational& b) { return a.num * b.den < b.num * a.den; }

  /// Reduces by the greatest common divisor (used before long chains of products).
  [[nodiscard]] rational reduced() const {
    if (num == 0) return {big_int(0), big_int(1)};
    const big_int g = boost::multiprecision::gcd(num, den);
    return {big_int(num / g), big_int(den / g)};
  }
};

/// base^n for n >= 0, exactly.
inline rational pow(const rational& base, std::uint64_t n) {
  rational result(1);
  rational b = base.reduced();
  while (n != 0) {
    if ((n & 1U) != 0) result = result * b;
    n >>= 1;
    if (n != 0) b = b * b;
  }
  return result;
}

/// Decimal digits of |v| (0 has 1 digit); cheap estimate good to +-1 is not enough here, so exact.
inline std::int64_t big_digits(const big_int& v) {
  if (v == 0) return 1;
  const big_int a = v < 0 ? big_int(-v) : v;
  return static_cast<std::int64_t>(a.str().size());
}

/// The exact value of a binary hp_real as a fraction (every finite binary number is one).
inline rational exact_rational(const hp_real& x) {
  if (x == 0) return {};
  int e = 0;
  const hp_real f = boost::multiprecision::frexp(x, &e);  // x = f * 2^e, 0.5 <= |f| < 1
  constexpr int bits = std::numeric_limits<hp_real>::digits;
  const hp_real m = boost::multiprecision::ldexp(f, bits);  // an integer, exactly
  const big_int mant = m.convert_to<big_int>();
  const int shift = e - bits;
  if (shift >= 0) return {big_int(mant << shift), big_int(1)};
  return {mant, big_int(big_int(1) << -shift)};
}

inline hp_real to_hp(const rational& r) { return hp_real(r.num) / hp_real(r.den); }
inline hp_real to_hp(const decimal& d) { return to_hp(rational(d)); }

/// Narrows a wide coefficient into a decimal at `scale`, or throws overflow_error naming `what`.
inline decimal to_decimal_checked(const big_int& coefficient, int scale, const char* what) {
  static const big_int limit = to_big(decimal::max_coefficient);
  if (coefficient > limit || coefficient < -limit)
    throw overflow_error("rate.overflow", std::string(what) + ": the result " + coefficient.str() +
                                              (scale > 0 ? "e-" + std::to_string(scale) : std::string()) +
                                              " needs more than 38 significant digits");
  const bool neg = coefficient < 0;
  const big_int a = neg ? big_int(-coefficient) : coefficient;
  const auto low = static_cast<std::uint64_t>(a & big_int(std::numeric_limits<std::uint64_t>::max()));
  const auto high = static_cast<std::uint64_t>(a >> 64);
  const auto u = static_cast<int128>((static_cast<uint128>(high) << 64) | low);
  return decimal::from_parts(neg ? -u : u, scale);
}

/// `value` rounded to `places` decimal places with `mode`: the one named rounding (integer
/// arithmetic on the exact fraction).
inline decimal round_to_places(const rational& value, int places, rounding_mode mode, const char* what) {
  const big_int q = round_quotient<big_int>(value.num * big_pow10(places), value.den, mode);
  return to_decimal_checked(q, places, what);
}

/// `value` rounded to `digits` significant digits with `mode` (never more than 38 places), with
/// trailing fractional zeros removed: 1000 stays 1000, 0.10 becomes 0.1.
inline decimal round_to_digits(const rational& value, int digits, rounding_mode mode, const char* what) {
  if (value.num == 0) return decimal{};
  const big_int an = value.num < 0 ? big_int(-value.num) : value.num;
  // 10^(k-1) <= |value| < 10^k: k is the position of the leading digit.
  std::int64_t k = big_digits(an) - big_digits(value.den);
  const auto ge_pow10 = [&](std::int64_t p) {  // |value| >= 10^p ?
    return p >= 0 ? an >= value.den * big_pow10(static_cast<int>(p)) : an * big_pow10(static_cast<int>(-p)) >= value.den;
  };
  while (ge_pow10(k)) ++k;
  while (!ge_pow10(k - 1)) --k;
  std::int64_t places = digits - k;
  if (places > decimal::max_scale) places = decimal::max_scale;
  if (places >= 0) return round_to_places(value, static_cast<int>(places), mode, what).normalized();
  const big_int unit = big_pow10(static_cast<int>(-places));
  const big_int q = round_quotient<big_int>(value.num, value.den * unit, mode);
  return to_decimal_checked(q * unit, 0, what);
}

inline decimal round_to_places(const hp_real& x, int places, rounding_mode mode, const char* what) {
  return round_to_places(exact_rational(x), places, mode, what);
}
inline decimal round_to_digits(const hp_real& x, int digits, rounding_mode mode, const char* what) {
  return round_to_digits(exact_rational(x), digits, mode, what);
}

// ---------------------------------------------------------------------------------------------
// Root solving

/// f(x) and f'(x) at one point.
struct value_and_slope {
  hp_real value;
  hp_real slope;
};

using objective = std::function<value_and_slope(const hp_real&)>;

/// One root and the work it took.
struct root {
  hp_real x;
  int iterations = 0;
};

/// Relative bracket width at which a root is accepted.
inline hp_real root_tolerance() {
  static const hp_real tol("1e-45");
  return tol;
}
/// Iteration cap per bracket (bisection alone needs about 160 steps from 1e6 to 1e-45).
inline constexpr int max_root_iterations = 400;

/// Refines a root of f inside [lo, hi] where f(lo) and f(hi) have opposite signs (neither zero).
/// Newton steps stay inside the shrinking bracket, else bisection. Throws no_convergence_error.
inline root refine_root(const objective& f, hp_real lo, hp_real hi, hp_real flo, const char* what) {
  hp_real x = (lo + hi) / 2;
  hp_real last_step = hi - lo;
  for (int it = 1; it <= max_root_iterations; ++it) {
    const value_and_slope v = f(x);
    if (v.value == 0) return {x, it};
    if ((v.value < 0) == (flo < 0)) {
      lo = x;
      flo = v.value;
    } else {
      hi = x;
    }
    const hp_real width = hi - lo;
    const hp_real scale = boost::multiprecision::abs(x) > 1 ? hp_real(boost::multiprecision::abs(x)) : hp_real(1);
    const hp_real tol = root_tolerance() * scale;
    if (width <= tol) return {(lo + hi) / 2, it};
    hp_real next = (lo + hi) / 2;
    if (v.slope != 0) {
      const hp_real step = v.value / v.slope;
      hp_real candidate = x - step;
      if (boost::multiprecision::abs(step) < tol / 2) {  // converged: step past it to prove the bracket
        candidate = x - step + (step > 0 ? hp_real(-tol / 2) : hp_real(tol / 2));
      }
      if (candidate > lo && candidate < hi && boost::multiprecision::abs(step) * 2 <= last_step) {
        next = candidate;
        last_step = boost::multiprecision::abs(step);
      } else {
        last_step = width / 2;
      }
    }
    x = next;
  }
  throw no_convergence_error("rate.no_convergence",
                             std::string(what) + ": no root within 1e-45 after " + std::to_string(max_root_iterations) +
                                 " bracketed Newton/bisection steps on a proven sign change");
}

/// Every root found between consecutive grid points where f changes sign (or is exactly zero),
/// in increasing order. Two roots closer together than the grid spacing cancel out and are not
/// seen; the grid is fixed, so the answer is deterministic.
inline std::vector<root> find_roots(const objective& f, const std::vector<hp_real>& grid, const char* what) {
  std::vector<root> roots;
  std::vector<hp_real> values;
  values.reserve(grid.size());
  for (const hp_real& g : grid) values.push_back(f(g).value);
  for (std::size_t i = 0; i < grid.size(); ++i) {
    if (values[i] == 0) {
      roots.push_back({grid[i], 1});
      continue;
    }
    if (i + 1 < grid.size() && values[i + 1] != 0 && ((values[i] < 0) != (values[i + 1] < 0)))
      roots.push_back(refine_root(f, grid[i], grid[i + 1], values[i], what));
  }
  return roots;
}

/// The fixed grid of rates scanned for sign changes: 63 points from -0.999999999999 to 10^15,
/// dense near zero where rates live (see rate_grid_text).
inline const std::vector<hp_real>& rate_grid() {
  static const std::vector<hp_real> grid = [] {
    const char* points[] = {"-0.999999999999", "-0.999999999", "-0.999999", "-0.99999", "-0.9999", "-0.999", "-0.995", "-0.99", "-0.98", "-0.95",
                            "-0.9",      "-0.8",     "-0.7",    "-0.6",   "-0.5",   "-0.4",  "-0.3",  "-0.2",
                            "-0.15",     "-0.1",     "-0.07",   "-0.05",  "-0.03",  "-0.02", "-0.01", "-0.005",
                            "-0.002",    "-0.001",   "0",       "0.001",  "0.002",  "0.005", "0.01",  "0.02",
                            "0.03",      "0.05",     "0.07",    "0.1",    "0.15",   "0.2",   "0.3",   "0.4",
                            "0.5",       "0.75",     "1",       "1.5",    "2",      "3",     "5",     "7.5",
                            "10",        "20",       "50",      "100",    "300",    "1000",  "10000", "100000",
                            "1000000",  "100000000", "10000000000", "1000000000000", "1000000000000000"};
    std::vector<hp_real> g;
    for (const char* p : points) g.emplace_back(p);
    return g;
  }();
  return grid;
}

/// How the grid is described in error messages and docs.
inline constexpr const char* rate_grid_text = "(-0.999999999999, 10^15] (63 grid points)";

/// Picks the root nearest zero (a tie goes to the positive root).
inline const root& nearest_zero(const std::vector<root>& roots) {
  std::size_t best = 0;
  for (std::size_t i = 1; i < roots.size(); ++i) {
    const hp_real a = boost::multiprecision::abs(roots[i].x);
    const hp_real b = boost::multiprecision::abs(roots[best].x);
    if (a < b || (a == b && roots[i].x > 0)) best = i;
  }
  return roots[best];
}

/// b^n for an integer n >= 0 by repeated squaring.
inline hp_real ipow(const hp_real& b, std::int64_t n) {
  hp_real result = 1;
  hp_real base = b;
  auto e = static_cast<std::uint64_t>(n);
  while (e != 0) {
    if ((e & 1U) != 0) result *= base;
    e >>= 1;
    if (e != 0) base *= base;
  }
  return result;
}

/// A cash flow at an integer time e (in 1/units_per_year of a year, or in periods).
struct timed_flow {
  hp_real amount;
  std::int64_t time = 0;
};

/// Roots r > -1 of  sum amount_k (1 + r)^(-time_k / units)  = 0.
///
/// Solved in b = (1 + r)^(1/units) > 0 on the polynomial sum amount_k b^(T - time_k) (T the
/// latest time), which has the same sign for b > 0 and no fractional powers; r = b^units - 1.
/// Flows on the same time are added first and the polynomial is evaluated by Horner's rule over
/// the gaps between times. Returns every root found on the rate grid, in increasing order.
/// Throws invalid_input_error "rate.indeterminate" when the flows cancel at every time (then
/// every rate is a root).
inline std::vector<root> solve_timed_flows(std::vector<timed_flow> flows, std::int64_t units, const char* what) {
  std::stable_sort(flows.begin(), flows.end(), [](const timed_flow& a, const timed_flow& b) { return a.time < b.time; });
  std::vector<timed_flow> merged;
  for (const auto& fl : flows) {
    if (!merged.empty() && merged.back().time == fl.time) merged.back().amount += fl.amount;
    else merged.push_back(fl);
  }
  bool all_zero = true;
  for (const auto& fl : merged) all_zero = all_zero && fl.amount == 0;
  if (all_zero)
    throw invalid_input_error("rate.indeterminate", std::string(what) +
                                                        ": the cash flows cancel out on every date, so every rate "
                                                        "solves the equation; there is no rate to report");
  // Horner: acc = (...(a_0 b^(t_1 - t_0) + a_1) b^(t_2 - t_1) + ...) + a_last; slope alongside.
  const objective f = [&merged](const hp_real& b) {
    hp_real acc = merged.front().amount;
    hp_real slope = 0;
    for (std::size_t k = 1; k < merged.size(); ++k) {
      const std::int64_t gap = merged[k].time - merged[k - 1].time;
      const hp_real bm1 = ipow(b, gap - 1);
      const hp_real bm = bm1 * b;
      slope = slope * bm + acc * hp_real(gap) * bm1;
      acc = acc * bm + merged[k].amount;
    }
    return value_and_slope{acc, slope};
  };
  std::vector<hp_real> grid;
  for (const hp_real& r : rate_grid()) {
    if (units == 1) grid.push_back(1 + r);
    else grid.push_back(boost::multiprecision::exp(boost::multiprecision::log1p(r) / hp_real(units)));
  }
  std::vector<root> roots = find_roots(f, grid, what);
  for (auto& rt : roots) rt.x = (units == 1 ? rt.x : ipow(rt.x, units)) - 1;
  return roots;
}

}  // namespace recoup::detail
