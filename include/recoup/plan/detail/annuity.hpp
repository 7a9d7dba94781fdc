#pragma once
// recoup::detail::annuity_payment — the level payment that amortises a balance, rounded to a
// step of minor units with a named mode, exactly.
//
// With periodic rate r = p/q, first-period rate r1 = p1/q1 (an odd first period), n payments and
// a balloon F paid with the last one, the exact payment is the rational
//
//     pmt = (B·(1+r1)·(1+r)^(n-1) - F) · r / ((1+r)^n - 1)
//         = (B·(q1+p1)·(q+p)^(n-1) - F·q1·q^(n-1)) · p / (q1·((q+p)^n - q^n)).
//
// It is evaluated first with Boost.Multiprecision's 128-bit binary `cpp_bin_float` (a power and a
// few products, well inside a microsecond); when that approximation lies within 1e-12 of a step
// or of a half step — where rounding could go either way — the rational is evaluated exactly
// with unbounded `cpp_int` and rounded in integer arithmetic. The result is therefore always the
// correctly rounded payment.

#include <cstdint>
#include <string>

#include <boost/multiprecision/cpp_bin_float.hpp>
#include <boost/multiprecision/cpp_int.hpp>

#include "recoup/core/error.hpp"
#include "recoup/core/rounding.hpp"
#include "recoup/plan/detail/exact_ratio.hpp"

namespace recoup::detail {

/// 128-bit-mantissa binary real for annuity factors (a transcendental step; never money).
using annuity_real = boost::multiprecision::number<
    boost::multiprecision::cpp_bin_float<128, boost::multiprecision::digit_base_2>, boost::multiprecision::et_off>;
using big_int = boost::multiprecision::cpp_int;

inline annuity_real to_real(int128 v) {
  const bool neg = v < 0;
  const unsigned __int128 u = neg ? static_cast<unsigned __int128>(-(v + 1)) + 1 : static_cast<unsigned __int128>(v);
  annuity_real r = boost::multiprecision::ldexp(annuity_real(static_cast<std::uint64_t>(u >> 64)), 64) +
                   annuity_real(static_cast<std::uint64_t>(u));
  return neg ? annuity_real(-r) : r;
}

/// Exact rounding of the payment rational N/D to a multiple of `step`.
inline std::int64_t annuity_payment_exact(std::int64_t balance, const exact_ratio& r, const exact_ratio& r1,
                                          std::int64_t n, std::int64_t balloon, std::int64_t step,
                                          rounding_mode mode) {
  const big_int p = widen<big_int>(r.num), q = widen<big_int>(r.den), p1 = widen<big_int>(r1.num), q1 = widen<big_int>(r1.den);
  const auto un = static_cast<unsigned>(n);
  const big_int qp_n1 = boost::multiprecision::pow(q + p, un - 1);
  const big_int q_n1 = boost::multiprecision::pow(q, un - 1);
  const big_int num = (big_int(balance) * (q1 + p1) * qp_n1 - big_int(balloon) * q1 * q_n1) * p;
  const big_int den = q1 * (qp_n1 * (q + p) - q_n1 * q) * big_int(step);
  if (num.sign() < 0) {
    throw invalid_input_error("plan.shape_terms", "the balloon is larger than the instalments can leave outstanding; "
                                                  "lower the balloon");
  }
  big_int steps;
  big_int rem;
  boost::multiprecision::divide_qr(num, den, steps, rem);
  if (rem.sign() != 0) {
    const big_int twice = rem * 2;
    if (rounds_up_non_negative(mode, twice.compare(den), bit_test(steps, 0))) ++steps;
  }
  const big_int minor = steps * step;
  if (minor > big_int(INT64_MAX) || minor < big_int(-INT64_MAX)) {
    throw overflow_error("plan.overflow", "the level payment does not fit 64-bit minor units");
  }
  return static_cast<std::int64_t>(minor);
}

/// The level payment for `balance` over `n` periods at periodic rate `r` (first period at `r1`),
/// with `balloon` outstanding until the last payment, rounded to a multiple of `step` minor units.
inline std::int64_t annuity_payment(std::int64_t balance, const exact_ratio& r, const exact_ratio& r1,
                                    std::int64_t n, std::int64_t balloon, std::int64_t step, rounding_mode mode) {
  if (n < 1) throw invalid_input_error("plan.periods", "a level payment needs at least one period");
  if (r.is_zero() && r1.is_zero()) {
    return static_cast<std::int64_t>(
        round_quotient<int128>(static_cast<int128>(balance) - balloon, static_cast<int128>(n) * step, mode) * step);
  }
  if (r.is_zero()) {
    // (B(1+r1) - F) / n: the stub's interest spread over the instalments.
    return annuity_payment_exact(balance, exact_ratio::of(decimal(0), 0, 1), r1, n, balloon, step, mode);
  }
  // One division for the base (1 + r) and one for the result; the rest are products.
  const annuity_real p = to_real(r.num), q = to_real(r.den), p1 = to_real(r1.num), q1 = to_real(r1.den);
  const annuity_real base = (q + p) / q;
  const annuity_real g = boost::multiprecision::pow(base, static_cast<long>(n - 1));
  const annuity_real numerator = (annuity_real(balance) * (q1 + p1) * g - annuity_real(balloon) * q1) * p;
  const annuity_real denominator = q1 * q * (g * base - annuity_real(1)) * annuity_real(step);
  const annuity_real v = numerator / denominator;  // the payment in steps
  static const annuity_real limit(INT64_MAX / 2);
  if (!(v > annuity_real(0)) || v > limit) {
    return annuity_payment_exact(balance, r, r1, n, balloon, step, mode);  // sign or range: decide exactly
  }
  const annuity_real fl = boost::multiprecision::floor(v);
  const annuity_real frac = v - fl;
  static const annuity_real eps("1e-12");
  static const annuity_real half = annuity_real(1) / 2;
  static const annuity_real one(1);
  if (frac < eps || one - frac < eps || boost::multiprecision::abs(frac - half) < eps) {
    return annuity_payment_exact(balance, r, r1, n, balloon, step, mode);
  }
  const auto k = static_cast<std::int64_t>(fl);
  const int vs_half = frac > half ? 1 : -1;  // never within eps of a half here
  return (rounds_up_non_negative(mode, vs_half, (k & 1) != 0) ? k + 1 : k) * step;
}

}  // namespace recoup::detail
