// recoup/core/rounding.hpp — the named rounding modes, and rounding of integer quotients.
//
// Every lossy step in recoup takes a rounding_mode argument; there is no default and no
// global setting. The modes are those of Python's decimal module except ROUND_05UP:
//
//   half_even  ties to the even neighbour ("banker's rounding")   2.5 -> 2,  3.5 -> 4
//   half_up    ties away from zero                                 2.5 -> 3, -2.5 -> -3
//   half_down  ties toward zero                                    2.5 -> 2, -2.5 -> -2
//   up         away from zero                                      2.1 -> 3, -2.1 -> -3
//   down       toward zero (truncate)                              2.9 -> 2, -2.9 -> -2
//   ceiling    toward +infinity                                    2.1 -> 3, -2.9 -> -2
//   floor      toward -infinity                                    2.9 -> 2, -2.1 -> -3
#pragma once

#include <array>
#include <string_view>

namespace recoup {

/// How to round a value that lies between two representable neighbours.
enum class rounding_mode : unsigned char { half_even, half_up, half_down, up, down, ceiling, floor };

/// All modes, in declaration order.
inline constexpr std::array<rounding_mode, 7> all_rounding_modes{
    rounding_mode::half_even, rounding_mode::half_up, rounding_mode::half_down, rounding_mode::up,
    rounding_mode::down,      rounding_mode::ceiling, rounding_mode::floor};

/// The mode's stable name: "half_even", "half_up", "half_down", "up", "down", "ceiling", "floor".
constexpr std::string_view to_string(rounding_mode mode) noexcept {
  switch (mode) {
    case rounding_mode::half_even: return "half_even";
    case rounding_mode::half_up: return "half_up";
    case rounding_mode::half_down: return "half_down";
    case rounding_mode::up: return "up";
    case rounding_mode::down: return "down";
    case rounding_mode::ceiling: return "ceiling";
    case rounding_mode::floor: return "floor";
  }
  return "?";
}

/// Parses a mode name. Accepts recoup's names ("half_even") and Python decimal's constants
/// ("ROUND_HALF_EVEN"). Throws invalid_input_error (id "rounding.unknown_mode") listing the
/// valid names otherwise; "ROUND_05UP" is refused with its own explanation.
rounding_mode parse_rounding_mode(std::string_view name);

namespace detail {

/// Whether a non-negative value q + f (q a whole number, 0 < f < 1 a non-zero fraction) rounds
/// up to q + 1 under `mode`. `vs_half` says how f compares with one half (-1 below, 0 equal,
/// +1 above); `q_odd` is q's parity (for half_even). One decision table for every kernel that
/// knows its quotient and remainder (exact ratios, annuity payments, graduated steps).
constexpr bool rounds_up_non_negative(rounding_mode mode, int vs_half, bool q_odd) noexcept {
  switch (mode) {
    case rounding_mode::down:
    case rounding_mode::floor: return false;
    case rounding_mode::up:
    case rounding_mode::ceiling: return true;
    case rounding_mode::half_up: return vs_half >= 0;
    case rounding_mode::half_down: return vs_half > 0;
    case rounding_mode::half_even: return vs_half > 0 || (vs_half == 0 && q_odd);
  }
  return false;
}

/// Rounds the quotient num/den to an integer with `mode`. T is a signed integer type
/// (int64_t, __int128 or a Boost.Multiprecision checked integer). den must be non-zero and
/// neither operand may be the most negative value of T.
template <class T>
constexpr T round_quotient(const T& num, const T& den, rounding_mode mode) {
  T q = num / den;  // truncates toward zero
  T r = num % den;  // same sign as num
  if (r == 0) return q;
  const bool positive = (num < 0) == (den < 0);
  const T step = positive ? T(1) : T(-1);
  const T ar = r < 0 ? T(-r) : r;
  const T ad = den < 0 ? T(-den) : den;
  const T other = ad - ar;  // distance to the next multiple: compare without overflow
  switch (mode) {
    case rounding_mode::down: return q;
    case rounding_mode::up: return q + step;
    case rounding_mode::ceiling: return positive ? T(q + 1) : q;
    case rounding_mode::floor: return positive ? q : T(q - 1);
    case rounding_mode::half_up: return ar >= other ? T(q + step) : q;
    case rounding_mode::half_down: return ar > other ? T(q + step) : q;
    case rounding_mode::half_even: {
      if (ar > other) return q + step;
      if (ar < other) return q;
      const T two = 2;
      return (q % two != 0) ? T(q + step) : q;
    }
  }
  return q;
}

}  // namespace detail
}  // namespace recoup
