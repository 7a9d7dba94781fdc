// recoup/core/decimal.hpp — recoup::decimal, an exact scaled decimal for rates, ratios and amounts.
//
// A decimal is coefficient × 10^-scale with |coefficient| < 10^38 and 0 <= scale <= 38: up to 38
// significant digits, which covers Python's default 28-digit context. It keeps its scale the way
// Python's Decimal keeps its exponent ("1.10" stays "1.10") and compares by value.
//
//   +, -, *   exact; a result that needs more than 38 digits throws overflow_error.
//   division  only through divide(a, b, scale, rounding_mode): the caller names places and mode.
//   double    only through decimal::from_double(x, places, mode) and to_double().
//
//   using namespace recoup::literals;
//   auto rate = "0.0525"_dec;
//   auto daily = recoup::divide(rate, 365, 10, recoup::rounding_mode::half_even);  // 0.0001438356
#pragma once

#include "recoup/core/detail/wide_int.hpp"
#include "recoup/core/error.hpp"
#include "recoup/core/rounding.hpp"

#include <charconv>
#include <compare>
#include <concepts>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <functional>
#include <string>
#include <string_view>
#include <system_error>

namespace recoup {

/// An exact decimal number: coefficient × 10^-scale, at most 38 digits, scale 0..38.
class decimal {
 public:
  using int128 = detail::int128;
  static constexpr int max_digits = 38;
  static constexpr int max_scale = 38;
  /// Largest coefficient magnitude: 10^38 - 1.
  static constexpr int128 max_coefficient = detail::pow10_128(38) - 1;

  /// Zero (scale 0).
  constexpr decimal() noexcept = default;

  /// Exact conversion from a built-in integer (implicit: no precision can be lost).
  template <std::integral I>
    requires(!std::same_as<I, bool> && sizeof(I) <= 8)
  constexpr decimal(I value) noexcept : coef_(static_cast<int128>(value)) {}  // NOLINT(google-explicit-constructor)

  decimal(bool) = delete;
  decimal(float) = delete;        ///< binary floating point is not exact: use from_double
  decimal(double) = delete;       ///< binary floating point is not exact: use from_double
  decimal(long double) = delete;  ///< binary floating point is not exact: use from_double

  /// Parses decimal text; see parse().
  explicit decimal(std::string_view text) : decimal(parse(text)) {}
  explicit decimal(const char* text) : decimal(parse(text)) {}

  /// Parses "123", "-0.05", "+1.50", ".5", "5.", "1.2E+3", "12e-4". No spaces, no thousands
  /// separators, no NaN or Infinity. Trailing fractional zeros beyond 38 digits are dropped
  /// (exact); any other excess throws overflow_error ("decimal.too_many_digits").
  static decimal parse(std::string_view text);
  /// The non-throwing parse: the value, or nullopt with the reason in *why (when given).
  [[nodiscard]] static std::optional<decimal> try_parse(std::string_view text, parse_failure* why = nullptr) noexcept {
    return detail::try_parse_with<decimal>([&] { return parse(text); }, why);
  }

  /// coefficient × 10^-scale. Throws invalid_input_error for a scale outside 0..38 and
  /// overflow_error for |coefficient| >= 10^38.
  static decimal from_parts(int128 coefficient, int scale);

  /// The exact binary value of `value` rounded to `places` decimal places with `mode`.
  /// The only way a double becomes a decimal. NaN and infinities throw invalid_input_error.
  static decimal from_double(double value, int places, rounding_mode mode);

  /// The nearest double (for charts and statistics only; never for money).
  [[nodiscard]] double to_double() const;

  [[nodiscard]] constexpr int128 coefficient() const noexcept { return coef_; }
  [[nodiscard]] constexpr int scale() const noexcept { return scale_; }
  [[nodiscard]] constexpr int signum() const noexcept { return coef_ < 0 ? -1 : (coef_ > 0 ? 1 : 0); }
  [[nodiscard]] constexpr bool is_zero() const noexcept { return coef_ == 0; }
  [[nodiscard]] constexpr bool is_negative() const noexcept { return coef_ < 0; }
  /// True when the value has no fractional part (1.00 is an integer).
  [[nodiscard]] bool is_integer() const noexcept { return scale_ == 0 || coef_ % detail::pow10(scale_) == 0; }
  /// Significant digits of the coefficient (0 has 1 digit).
  [[nodiscard]] int digits() const noexcept { return detail::digit_count(coef_); }

  /// The same value with trailing fractional zeros removed (1.500 -> 1.5, 100 -> 100).
  [[nodiscard]] decimal normalized() const noexcept;

  /// The value at exactly `new_scale` places, rounded with `mode` when places are dropped.
  /// Throws overflow_error if the coefficient would exceed 38 digits.
  [[nodiscard]] decimal rescale(int new_scale, rounding_mode mode) const;

  /// Rounds to a whole number with `mode` and returns it as int128.
  [[nodiscard]] int128 to_integer(rounding_mode mode) const { return rescale(0, mode).coef_; }

  /// Plain text without exponent: "-0.05", "1.10", "100".
  [[nodiscard]] std::string to_string() const;

  [[nodiscard]] constexpr decimal operator-() const noexcept { return raw(-coef_, scale_); }
  [[nodiscard]] constexpr decimal operator+() const noexcept { return *this; }
  [[nodiscard]] constexpr decimal abs() const noexcept { return coef_ < 0 ? raw(-coef_, scale_) : *this; }

  friend decimal operator+(const decimal& a, const decimal& b) { return add(a, b, false); }
  friend decimal operator-(const decimal& a, const decimal& b) { return add(a, b, true); }
  friend decimal operator*(const decimal& a, const decimal& b);
  decimal& operator+=(const decimal& o) { return *this = *this + o; }
  decimal& operator-=(const decimal& o) { return *this = *this - o; }
  decimal& operator*=(const decimal& o) { return *this = *this * o; }
  /// No operator/: division loses precision, so it goes through divide(a, b, scale, mode).
  friend decimal operator/(const decimal&, const decimal&) = delete;

  friend bool operator==(const decimal& a, const decimal& b) noexcept { return compare(a, b) == 0; }
  /// Weak, not strong: 1.5 and 1.50 compare equivalent but are not the same value (their
  /// scales differ, and to_string() shows it).
  friend std::weak_ordering operator<=>(const decimal& a, const decimal& b) noexcept {
    const int c = compare(a, b);
    return c < 0 ? std::weak_ordering::less : (c > 0 ? std::weak_ordering::greater : std::weak_ordering::equivalent);
  }

  /// Hash consistent with ==: 1.5 and 1.50 hash alike.
  [[nodiscard]] std::size_t hash() const noexcept;

  /// Builds a decimal from a wide coefficient, dropping trailing fractional zeros when the
  /// value would otherwise not fit; throws overflow_error ("decimal.overflow") if it still
  /// does not. `what` names the operation for the message.
  template <class Wide>
  static decimal fit(Wide coefficient, int scale, const char* what);

 private:
  static constexpr decimal raw(int128 c, int s) noexcept {
    decimal d;
    d.coef_ = c;
    d.scale_ = s;
    return d;
  }
  static decimal add(const decimal& a, const decimal& b, bool subtract);
  static int compare(const decimal& a, const decimal& b) noexcept;

  int128 coef_ = 0;
  int scale_ = 0;
};

/// a / b rounded to `scale` places with `mode`. Throws division_by_zero_error for b == 0.
decimal divide(const decimal& a, const decimal& b, int scale, rounding_mode mode);

/// a × b rounded to `scale` places with `mode` (for products that need more than 38 digits).
decimal multiply(const decimal& a, const decimal& b, int scale, rounding_mode mode);

namespace literals {
/// "12.34"_dec — a decimal literal (parsed at run time; throws on malformed text).
inline decimal operator""_dec(const char* text, std::size_t n) { return decimal::parse(std::string_view(text, n)); }
}  // namespace literals

// ---------------------------------------------------------------------------------------------
// Implementation

namespace detail {
[[noreturn]] inline void throw_decimal_overflow(const char* what, const std::string& detail_text) {
  throw overflow_error("decimal.overflow", std::string(what) + ": the exact result " + detail_text +
                                               " needs more than 38 significant digits or 38 decimal places;"
                                               " round explicitly (rescale, divide or multiply with a scale)");
}
inline std::string quote(std::string_view text) {
  std::string s = "'";
  if (text.size() > 60) {
    s.append(text.substr(0, 57));
    s.append("...");
  } else {
    s.append(text);
  }
  s.push_back('\'');
  return s;
}
}  // namespace detail

template <class Wide>
decimal decimal::fit(Wide c, int s, const char* what) {
  const Wide maxc = detail::widen<Wide>(max_coefficient);
  while ((s > max_scale || c > maxc || c < -maxc) && s > 0 && c % 10 == 0) {
    c /= 10;
    --s;
  }
  if (s > max_scale || c > maxc || c < -maxc) {
    std::string text = c.str();
    if (s > 0) text += "e-" + std::to_string(s);
    detail::throw_decimal_overflow(what, text);
  }
  int128 out = 0;
  detail::narrow(c, &out);
  return raw(out, s);
}

inline decimal decimal::parse(std::string_view text) {
  auto fail = [&](const char* why) -> decimal {
    throw invalid_input_error("decimal.syntax", "could not parse " + detail::quote(text) + " as a decimal number: " + why);
  };
  std::size_t i = 0;
  const std::size_t n = text.size();
  if (n == 0) return fail("the text is empty");
  bool neg = false;
  if (text[0] == '+' || text[0] == '-') {
    neg = text[0] == '-';
    ++i;
  }
  if (i < n && (text[i] == 'N' || text[i] == 'n' || text[i] == 'I' || text[i] == 'i' || text[i] == 's' || text[i] == 'S'))
    return fail("NaN and Infinity are not numbers recoup accepts");
  // Collect significant digits into a 256-bit accumulator (enough for 76 digits), count the rest.
  int128 coef = 0;
  int ndigits = 0;         // significant digits in coef (leading zeros skipped)
  int frac = 0;            // fractional digits accounted for in coef
  int frac_zero_tail = 0;  // fractional zeros seen but not yet pushed into coef
  bool any_digit = false;
  bool seen_point = false;
  bool overflowed = false;
  for (; i < n; ++i) {
    const char ch = text[i];
    if (ch >= '0' && ch <= '9') {
      any_digit = true;
      const int d = ch - '0';
      if (seen_point) {
        if (d == 0) {
          ++frac_zero_tail;  // defer: a trailing fractional zero may be dropped exactly
          continue;
        }
        // flush pending zeros
        for (; frac_zero_tail > 0; --frac_zero_tail) {
          if (coef != 0) {
            if (ndigits >= max_digits) overflowed = true;
            else { coef *= 10; ++ndigits; }
          }
          ++frac;
        }
        if (ndigits >= max_digits) overflowed = true;
        else { coef = coef * 10 + d; ++ndigits; }
        ++frac;
      } else {
        if (coef == 0 && d == 0) continue;  // leading zero
        if (ndigits >= max_digits) overflowed = true;
        else { coef = coef * 10 + d; ++ndigits; }
      }
    } else if (ch == '.') {
      if (seen_point) return fail("it has more than one decimal point");
      seen_point = true;
    } else if (ch == 'e' || ch == 'E') {
      break;
    } else if (ch == ' ' || ch == '\t' || ch == '\n') {
      return fail("it contains white space");
    } else if (ch == ',' || ch == '_' || ch == '\'') {
      return fail("thousands separators are not accepted");
    } else {
      return fail("unexpected character");
    }
  }
  if (!any_digit) return fail("it has no digits");
  long long exponent = 0;
  if (i < n) {  // exponent part: 'e' or 'E', at most one sign, then decimal digits (as Python's decimal)
    ++i;
    bool exponent_negative = false;
    if (i < n && (text[i] == '+' || text[i] == '-')) {
      exponent_negative = text[i] == '-';
      ++i;
    }
    if (i == n) return fail("the exponent has no digits");
    for (std::size_t k = i; k < n; ++k) {
      if (text[k] < '0' || text[k] > '9')
        return fail("the exponent must be digits after at most one sign, e.g. '1.5E+3' or '25E-4'");
      if (exponent <= 1000) exponent = exponent * 10 + (text[k] - '0');  // beyond 1000 only the range matters
    }
    if (exponent_negative) exponent = -exponent;
    if (exponent > 1000 || exponent < -1000) {
      if (coef == 0) return decimal{};
      throw overflow_error("decimal.too_many_digits", detail::quote(text) + " is outside the range of a 38-digit decimal");
    }
  }
  // Trailing fractional zeros keep the scale ("1.50" has scale 2) as far as 38 digits allow;
  // zeros beyond that are dropped, which is exact.
  for (; frac_zero_tail > 0; --frac_zero_tail) {
    if (coef == 0) { ++frac; continue; }
    if (ndigits >= max_digits || frac >= max_scale) break;
    coef *= 10;
    ++ndigits;
    ++frac;
  }
  if (overflowed)
    throw overflow_error("decimal.too_many_digits",
                         detail::quote(text) + " has more than 38 significant digits; recoup decimals hold at most 38");
  long long s = static_cast<long long>(frac) - exponent;
  if (coef == 0) s = s < 0 ? 0 : (s > max_scale ? max_scale : s);
  if (s < 0) {
    // positive exponent beyond the fraction: scale the coefficient up
    if (ndigits - s > max_digits)
      throw overflow_error("decimal.too_many_digits", detail::quote(text) + " needs more than 38 digits");
    coef *= detail::pow10(static_cast<int>(-s));
    s = 0;
  }
  while (s > max_scale && coef % 10 == 0) {
    coef /= 10;
    --s;
  }
  if (s > max_scale)
    throw overflow_error("decimal.too_many_digits",
                         detail::quote(text) + " has more than 38 decimal places; recoup decimals hold at most 38");
  return raw(neg ? -coef : coef, static_cast<int>(s));
}

inline decimal decimal::from_parts(int128 coefficient, int scale) {
  if (scale < 0 || scale > max_scale)
    throw invalid_input_error("decimal.scale", "decimal scale " + std::to_string(scale) + " is outside 0..38");
  if (coefficient > max_coefficient || coefficient < -max_coefficient)
    throw overflow_error("decimal.too_many_digits",
                         "coefficient " + detail::to_string(coefficient) + " has more than 38 digits");
  return raw(coefficient, scale);
}

inline decimal decimal::from_double(double value, int places, rounding_mode mode) {
  if (value != value) throw invalid_input_error("decimal.nan", "cannot convert NaN to a decimal");
  if (value - value != 0.0) throw invalid_input_error("decimal.infinite", "cannot convert an infinite value to a decimal");
  if (places < 0 || places > max_scale)
    throw invalid_input_error("decimal.scale", "decimal places " + std::to_string(places) + " is outside 0..38");
  // The exact binary expansion has at most 1074 fractional digits: print it exactly, then round.
  char buf[1500];
  auto res = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, 1074);
  std::string_view s(buf, static_cast<std::size_t>(res.ptr - buf));
  const bool neg = !s.empty() && s[0] == '-';
  if (neg) s.remove_prefix(1);
  const auto point = s.find('.');
  std::string_view ip = s.substr(0, point), fp = s.substr(point + 1);
  if (ip.size() > static_cast<std::size_t>(max_digits))
    throw overflow_error("decimal.too_many_digits", "the binary value " + std::string(ip.substr(0, 20)) + "... is beyond 38 digits");
  // 512 bits: up to 38 integer digits, 38 places and two rounding digits (10^78) overflow 256.
  detail::int512 kept = 0;
  for (char ch : ip) kept = kept * 10 + (ch - '0');
  for (int k = 0; k < places; ++k) kept = kept * 10 + (fp[static_cast<std::size_t>(k)] - '0');
  // Remainder classification: first dropped digit and whether anything non-zero follows.
  const int first = fp[static_cast<std::size_t>(places)] - '0';
  bool rest = false;
  for (std::size_t k = static_cast<std::size_t>(places) + 1; k < fp.size(); ++k)
    if (fp[k] != '0') { rest = true; break; }
  // Map onto round_quotient over an integer: value*10 = kept*10 + first (+ rest as a tie-breaker).
  const detail::int512 num = kept * 100 + first * 10 + (rest ? 1 : 0);
  return fit(detail::round_quotient<detail::int512>(neg ? detail::int512(-num) : num, 100, mode), places,
             "decimal::from_double");
}

inline double decimal::to_double() const {
  const std::string s = to_string();
  return std::strtod(s.c_str(), nullptr);
}

inline decimal decimal::normalized() const noexcept {
  int128 c = coef_;
  int s = scale_;
  if (c == 0) return decimal{};
  while (s > 0 && c % 10 == 0) {
    c /= 10;
    --s;
  }
  return raw(c, s);
}

inline decimal decimal::rescale(int new_scale, rounding_mode mode) const {
  if (new_scale < 0 || new_scale > max_scale)
    throw invalid_input_error("decimal.scale", "decimal scale " + std::to_string(new_scale) + " is outside 0..38");
  if (new_scale == scale_) return *this;
  if (new_scale > scale_) {
    int128 c = 0;
    if (detail::mul_overflow(coef_, detail::pow10(new_scale - scale_), &c) || c > max_coefficient || c < -max_coefficient)
      detail::throw_decimal_overflow("decimal::rescale", to_string() + " at " + std::to_string(new_scale) + " places");
    return raw(c, new_scale);
  }
  return raw(detail::round_quotient<int128>(coef_, detail::pow10(scale_ - new_scale), mode), new_scale);
}

inline std::string decimal::to_string() const {
  std::string digits = detail::to_string(coef_ < 0 ? -coef_ : coef_);
  std::string out;
  if (coef_ < 0) out.push_back('-');
  if (scale_ == 0) return out + digits;
  const auto s = static_cast<std::size_t>(scale_);
  if (digits.size() <= s) {
    out += "0.";
    out.append(s - digits.size(), '0');
    out += digits;
  } else {
    out.append(digits, 0, digits.size() - s);
    out.push_back('.');
    out.append(digits, digits.size() - s, s);
  }
  return out;
}

inline decimal decimal::add(const decimal& a, const decimal& b, bool subtract) {
  const int s = a.scale_ > b.scale_ ? a.scale_ : b.scale_;
  int128 ac = 0, bc = 0, r = 0;
  if (!detail::mul_overflow(a.coef_, detail::pow10(s - a.scale_), &ac) &&
      !detail::mul_overflow(b.coef_, detail::pow10(s - b.scale_), &bc) &&
      !(subtract ? __builtin_sub_overflow(ac, bc, &r) : detail::add_overflow(ac, bc, &r)) && r <= max_coefficient &&
      r >= -max_coefficient)
    return raw(r, s);
  const detail::int256 wa = detail::widen(a.coef_) * detail::pow10_wide<detail::int256>(s - a.scale_);
  const detail::int256 wb = detail::widen(b.coef_) * detail::pow10_wide<detail::int256>(s - b.scale_);
  return fit(subtract ? detail::int256(wa - wb) : detail::int256(wa + wb), s, subtract ? "decimal subtraction" : "decimal addition");
}

inline decimal operator*(const decimal& a, const decimal& b) {
  const int s = a.scale_ + b.scale_;
  detail::int128 r = 0;
  if (s <= decimal::max_scale && !detail::mul_overflow(a.coef_, b.coef_, &r) && r <= decimal::max_coefficient &&
      r >= -decimal::max_coefficient)
    return decimal::raw(r, s);
  return decimal::fit(detail::int256(detail::widen(a.coef_) * detail::widen(b.coef_)), s, "decimal multiplication");
}

inline int decimal::compare(const decimal& a, const decimal& b) noexcept {
  if (a.scale_ == b.scale_) return a.coef_ < b.coef_ ? -1 : (a.coef_ > b.coef_ ? 1 : 0);
  if (a.signum() != b.signum()) return a.signum() < b.signum() ? -1 : 1;
  const int s = a.scale_ > b.scale_ ? a.scale_ : b.scale_;
  int128 ac = 0, bc = 0;
  if (!detail::mul_overflow(a.coef_, detail::pow10(s - a.scale_), &ac) &&
      !detail::mul_overflow(b.coef_, detail::pow10(s - b.scale_), &bc))
    return ac < bc ? -1 : (ac > bc ? 1 : 0);
  const detail::int256 wa = detail::widen(a.coef_) * detail::pow10_wide<detail::int256>(s - a.scale_);
  const detail::int256 wb = detail::widen(b.coef_) * detail::pow10_wide<detail::int256>(s - b.scale_);
  return wa < wb ? -1 : (wa > wb ? 1 : 0);
}

inline std::size_t decimal::hash() const noexcept {
  const decimal n = normalized();
  const auto u = static_cast<detail::uint128>(n.coef_);
  std::size_t h = std::hash<std::uint64_t>{}(static_cast<std::uint64_t>(u));
  h ^= std::hash<std::uint64_t>{}(static_cast<std::uint64_t>(u >> 64)) + std::size_t{0x9e3779b97f4a7c15ULL} + (h << 6) + (h >> 2);
  h ^= static_cast<std::size_t>(n.scale_) * std::size_t{0x100000001b3ULL};
  return h;
}

inline decimal divide(const decimal& a, const decimal& b, int scale, rounding_mode mode) {
  if (b.is_zero())
    throw division_by_zero_error("decimal.division_by_zero", "cannot divide " + a.to_string() + " by zero");
  if (scale < 0 || scale > decimal::max_scale)
    throw invalid_input_error("decimal.scale", "decimal scale " + std::to_string(scale) + " is outside 0..38");
  // a/b at `scale` places: (a.c × 10^(scale + b.s - a.s)) / b.c, or a.c / (b.c × 10^(a.s - scale - b.s)).
  const int shift = scale + b.scale() - a.scale();
  using detail::int512;
  int512 num = detail::widen<int512>(a.coefficient());
  int512 den = detail::widen<int512>(b.coefficient());
  if (shift >= 0) num *= detail::pow10_wide<int512>(shift);
  else den *= detail::pow10_wide<int512>(-shift);
  return decimal::fit(detail::round_quotient<int512>(num, den, mode), scale, "decimal division");
}

inline decimal multiply(const decimal& a, const decimal& b, int scale, rounding_mode mode) {
  if (scale < 0 || scale > decimal::max_scale)
    throw invalid_input_error("decimal.scale", "decimal scale " + std::to_string(scale) + " is outside 0..38");
  using detail::int256;
  const int256 p = detail::widen(a.coefficient()) * detail::widen(b.coefficient());
  const int s = a.scale() + b.scale();
  if (s <= scale) return decimal::fit(int256(p * detail::pow10_wide<int256>(scale - s)), scale, "decimal multiplication");
  return decimal::fit(detail::round_quotient<int256>(p, detail::pow10_wide<int256>(s - scale), mode), scale,
                      "decimal multiplication");
}

}  // namespace recoup

template <>
struct std::hash<recoup::decimal> {
  std::size_t operator()(const recoup::decimal& d) const noexcept { return d.hash(); }
};
