// recoup/core/detail/wide_int.hpp — checked integer helpers: int128, checked 256-bit, powers of ten.
#pragma once

#include <boost/multiprecision/cpp_int.hpp>

#include <cstdint>
#include <limits>
#include <string>

namespace recoup::detail {

using int128 = __int128;
using uint128 = unsigned __int128;

/// A 256-bit signed integer that throws std::overflow_error instead of wrapping.
using int256 = boost::multiprecision::number<boost::multiprecision::cpp_int_backend<
    256, 256, boost::multiprecision::signed_magnitude, boost::multiprecision::checked, void>>;

/// 10^n for n in [0, 38] as int128 (10^38 < 2^127).
constexpr int128 pow10_128(int n) noexcept {
  int128 r = 1;
  for (int i = 0; i < n; ++i) r *= 10;
  return r;
}

inline constexpr auto pow10_table = [] {
  struct table_t {
    int128 v[39];
  } t{};
  for (int i = 0; i <= 38; ++i) t.v[i] = pow10_128(i);
  return t;
}();

/// 10^n for n in [0, 38], from a table.
constexpr int128 pow10(int n) noexcept { return pow10_table.v[n]; }

/// A 512-bit signed checked integer, for quotients whose numerator is scaled by up to 10^76.
using int512 = boost::multiprecision::number<boost::multiprecision::cpp_int_backend<
    512, 512, boost::multiprecision::signed_magnitude, boost::multiprecision::checked, void>>;

/// 10^n as a checked wide integer (Wide = int256 for n <= 76, int512 for n <= 153).
template <class Wide>
Wide pow10_wide(int n) {
  Wide r = 1;
  for (int i = 0; i < n; ++i) r *= 10;
  return r;
}

/// Decimal digits of an int128 (sign included).
inline std::string to_string(int128 v) {
  if (v == 0) return "0";
  const bool neg = v < 0;
  uint128 u = neg ? uint128(0) - static_cast<uint128>(v) : static_cast<uint128>(v);
  char buf[48];
  int i = 48;
  while (u != 0) {
    buf[--i] = static_cast<char>('0' + static_cast<int>(u % 10));
    u /= 10;
  }
  if (neg) buf[--i] = '-';
  return std::string(buf + i, buf + 48);
}

/// Number of decimal digits in |v| (0 has 1 digit).
constexpr int digit_count(int128 v) noexcept {
  uint128 u = v < 0 ? uint128(0) - static_cast<uint128>(v) : static_cast<uint128>(v);
  int n = 1;
  while (u >= 10) {
    u /= 10;
    ++n;
  }
  return n;
}

/// a * b into *out; false on overflow.
constexpr bool mul_overflow(int128 a, int128 b, int128* out) noexcept { return __builtin_mul_overflow(a, b, out); }
/// a + b into *out; false on overflow.
constexpr bool add_overflow(int128 a, int128 b, int128* out) noexcept { return __builtin_add_overflow(a, b, out); }

/// Narrow a checked wide integer to int128; false when it does not fit.
template <class Wide>
bool narrow(const Wide& v, int128* out) {
  static const Wide hi = (Wide(1) << 127) - 1;
  if (v > hi || v < -hi) return false;
  const bool neg = v < 0;
  const Wide a = neg ? Wide(-v) : v;
  const auto low = static_cast<std::uint64_t>(a & Wide(std::numeric_limits<std::uint64_t>::max()));
  const auto high = static_cast<std::uint64_t>(a >> 64);
  const uint128 u = (static_cast<uint128>(high) << 64) | low;
  *out = neg ? -static_cast<int128>(u) : static_cast<int128>(u);
  return true;
}

/// Widen an int128 to a checked wide integer (int256 or int512).
template <class Wide = int256>
Wide widen(int128 v) {
  const bool neg = v < 0;
  const uint128 u = neg ? uint128(0) - static_cast<uint128>(v) : static_cast<uint128>(v);
  Wide r = Wide(static_cast<std::uint64_t>(u >> 64));
  r <<= 64;
  r += static_cast<std::uint64_t>(u);
  return neg ? Wide(-r) : r;
}

}  // namespace recoup::detail
