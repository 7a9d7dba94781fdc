#pragma once
// recoup::detail::exact_ratio — a non-negative rate as an exact fraction, applied to a balance in
// minor units with one named rounding: round(balance × num / den).
//
// A periodic rate 0.10 / 12 is kept as 10/1200 (never 0.0083333), a daily accrual as
// rate × days / 365 under the day count's exact year fraction. The fast path stays in 64-bit
// integers; products that need more use 128 and then 256 bits, and a result that does not fit
// int64 minor units throws overflow_error.

#include <cstdint>
#include <numeric>
#include <string>

#include "recoup/core/decimal.hpp"
#include "recoup/core/detail/wide_int.hpp"
#include "recoup/core/error.hpp"
#include "recoup/core/rounding.hpp"

namespace recoup::detail {

inline int128 gcd128(int128 a, int128 b) noexcept {
  if (a < 0) a = -a;
  if (b < 0) b = -b;
  constexpr int128 lim = static_cast<int128>(INT64_MAX);
  if (a <= lim && b <= lim) {
    return std::gcd(static_cast<std::uint64_t>(a), static_cast<std::uint64_t>(b));
  }
  while (b != 0) {
    const int128 t = a % b;
    a = b;
    b = t;
  }
  return a;
}

struct exact_ratio {
  int128 num = 0;  ///< >= 0
  int128 den = 1;  ///< > 0
  bool fits64 = true;  ///< num and den both below 2^62: balance × num fits int128
  std::uint64_t magic = 0;  ///< floor(2^64 / den) when 2 <= den < 2^62: division by multiplication

  /// rate × a / b (rate a non-negative decimal, a >= 0, b > 0), reduced.
  static exact_ratio of(const decimal& rate, std::int64_t a, std::int64_t b) {
    int128 c = rate.coefficient();
    int s = rate.scale();
    while (s > 0 && c % 10 == 0) {
      c /= 10;
      --s;
    }
    int128 n = 0;
    int128 d = 0;
    if (mul_overflow(c, static_cast<int128>(a), &n) || mul_overflow(pow10(s), static_cast<int128>(b), &d)) {
      throw overflow_error("plan.rate_precision", "rate " + rate.to_string() +
                                                      " has too many significant digits for exact accrual; "
                                                      "round it to at most 18 significant digits");
    }
    exact_ratio r;
    const int128 g = n == 0 ? d : gcd128(n, d);
    r.num = n / g;
    r.den = d / g;
    constexpr int128 limit = static_cast<int128>(1) << 62;
    r.fits64 = r.num < limit && r.den < limit;
    if (r.fits64 && r.den >= 2) {
      r.magic = static_cast<std::uint64_t>((static_cast<unsigned __int128>(1) << 64) / static_cast<unsigned __int128>(r.den));
    }
    return r;
  }

  [[nodiscard]] bool is_zero() const noexcept { return num == 0; }

  /// round(balance × num / den) with `mode`. The common case (a 64-bit product and divisor)
  /// is inline and divides by multiplication; wider products take the out-of-line path.
  [[nodiscard]] std::int64_t apply(std::int64_t balance, rounding_mode mode) const {
    if (magic != 0 && balance >= 0 && num <= static_cast<int128>(INT64_MAX)) {
      const unsigned __int128 prod = static_cast<unsigned __int128>(balance) * static_cast<std::uint64_t>(num);
      if (prod <= static_cast<unsigned __int128>(INT64_MAX)) {
        // n / den by one multiplication: the estimate is q or q - 1, one correction step.
        const auto n = static_cast<std::uint64_t>(prod);
        const auto d = static_cast<std::uint64_t>(den);
        auto q = static_cast<std::uint64_t>((static_cast<unsigned __int128>(n) * magic) >> 64);
        std::uint64_t rem = n - q * d;
        if (rem >= d) {
          ++q;
          rem -= d;
        }
        return round_non_negative(q, rem, d, mode);
      }
    }
    return apply_wide(balance, mode);
  }

  /// The general path: 128-bit, then 256-bit products.
  [[nodiscard, gnu::noinline]] std::int64_t apply_wide(std::int64_t balance, rounding_mode mode) const {
    if (num == 0 || balance == 0) return 0;
    if (fits64) {
      const int128 prod = static_cast<int128>(balance) * num;
      constexpr int128 lim = static_cast<int128>(INT64_MAX);
      if (prod <= lim && prod >= -lim && den <= lim) {
        return round_quotient<std::int64_t>(static_cast<std::int64_t>(prod), static_cast<std::int64_t>(den), mode);
      }
      return to_minor(round_quotient<int128>(prod, den, mode));
    }
    const int256 prod = int256(balance) * int256(num);
    const int256 q = round_quotient<int256>(prod, int256(den), mode);
    if (q > int256(INT64_MAX) || q < int256(-INT64_MAX)) overflow();
    return static_cast<std::int64_t>(q);
  }

 private:
  /// The rounded quotient of a non-negative n = q·d + rem (0 <= rem < d).
  static std::int64_t round_non_negative(std::uint64_t q, std::uint64_t rem, std::uint64_t d, rounding_mode mode) {
    if (rem == 0) return static_cast<std::int64_t>(q);
    const std::uint64_t other = d - rem;  // compare rem with d/2 without overflow
    const int vs_half = rem > other ? 1 : (rem == other ? 0 : -1);
    return static_cast<std::int64_t>(rounds_up_non_negative(mode, vs_half, (q & 1U) != 0) ? q + 1 : q);
  }
  [[noreturn]] static void overflow() {
    throw overflow_error("plan.overflow", "interest does not fit 64-bit minor units");
  }
  static std::int64_t to_minor(int128 v) {
    if (v > static_cast<int128>(INT64_MAX) || v < -static_cast<int128>(INT64_MAX)) overflow();
    return static_cast<std::int64_t>(v);
  }
};

}  // namespace recoup::detail
