// recoup/core/money.hpp — recoup::money: a whole number of a currency's minor units.
//
// A money value is an int64 count of minor units (cents, pence, fils) and a currency. It never
// holds a fraction of a minor unit: construction from a decimal with more places than the
// currency allows is an error unless the caller names a rounding (money::rounded). Arithmetic
// is checked: a different currency throws currency_mismatch_error, a result beyond int64 minor
// units throws overflow_error. Multiplication by a decimal, division and conversion round by a
// mode the caller names; there is no operator/ and no double anywhere.
//
//   using namespace recoup::literals;
//   auto m = recoup::money::parse("1234.56 USD");
//   auto fee = m.multiply("0.035"_dec, recoup::rounding_mode::half_up);   // 43.21 USD
//   auto parts = recoup::money(10, recoup::currency("USD")).allocate(3);   // 3.34, 3.33, 3.33
#pragma once

#include "recoup/core/allocation.hpp"
#include "recoup/core/currency.hpp"
#include "recoup/core/decimal.hpp"
#include "recoup/core/error.hpp"
#include "recoup/core/rounding.hpp"

#include <algorithm>
#include <compare>
#include <concepts>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace recoup {

/// An exact amount of one currency: int64 minor units + currency.
class money {
 public:
  /// The exact amount in `c`. Throws invalid_input_error ("money.excess_precision") when
  /// `amount` has a non-zero digit beyond the currency's minor unit (1.001 USD),
  /// invalid_input_error ("money.no_minor_unit") for currencies such as XAU, and
  /// overflow_error ("money.overflow") beyond int64 minor units.
  explicit money(const decimal& amount, ::recoup::currency c);

  /// Binary floating point is refused: use money::from_double(x, c, mode). (A template, so
  /// that an integer amount such as money(10, usd) is not ambiguous between float and double.)
  template <std::floating_point F>
  money(F, ::recoup::currency) = delete;

  /// `minor` minor units of `c` (1234 USD minor units = 12.34 USD).
  static money from_minor(std::int64_t minor, ::recoup::currency c);

  /// Zero in `c`.
  static money zero(::recoup::currency c) { return from_minor(0, c); }

  /// `amount` rounded to the currency's minor unit with `mode` (1.005 USD half_even -> 1.00).
  static money rounded(const decimal& amount, ::recoup::currency c, rounding_mode mode);

  /// A double rounded to the currency's minor unit with `mode`: the only double entry point.
  static money from_double(double amount, ::recoup::currency c, rounding_mode mode);

  /// Parses "<amount> <CODE>": "1234.56 USD", "-0.05 GBP", "100 JPY". Exactly one space;
  /// the amount obeys the same precision rule as the constructor and the syntax of parse_amount.
  static money parse(std::string_view text);

  /// The amount part of money text: plain digits with an optional sign and decimal point
  /// ("1234.56", "-0.05", "100"). Exponent notation ("1e5", "1.2E+3"), which decimal::parse
  /// accepts for rates and factors as Python's decimal does, is refused in money text with
  /// `money.exponent_notation`: in an amount column it is almost always a spreadsheet's
  /// rendering of a long number, and the digits it dropped cannot be recovered.
  static decimal parse_amount(std::string_view text);
  /// The non-throwing parse: the amount, or nullopt with the reason in *why (when given).
  [[nodiscard]] static std::optional<money> try_parse(std::string_view text, parse_failure* why = nullptr) noexcept {
    return detail::try_parse_with<money>([&] { return parse(text); }, why);
  }

  /// The count of minor units.
  [[nodiscard]] constexpr std::int64_t minor_units() const noexcept { return minor_; }
  /// The currency.
  [[nodiscard]] ::recoup::currency currency() const noexcept { return ccy_; }
  /// The amount as an exact decimal with the currency's places (12.34).
  [[nodiscard]] decimal amount() const { return decimal::from_parts(minor_, ccy_.minor_units()); }
  /// Canonical text: the amount with exactly the currency's places, a space, the code.
  [[nodiscard]] std::string to_string() const;

  [[nodiscard]] constexpr bool is_zero() const noexcept { return minor_ == 0; }
  [[nodiscard]] constexpr bool is_negative() const noexcept { return minor_ < 0; }
  [[nodiscard]] constexpr bool is_positive() const noexcept { return minor_ > 0; }
  [[nodiscard]] constexpr int signum() const noexcept { return minor_ < 0 ? -1 : (minor_ > 0 ? 1 : 0); }
  /// Magnitude. Throws overflow_error for INT64_MIN minor units.
  [[nodiscard]] money abs() const { return minor_ < 0 ? -*this : *this; }

  money operator-() const;
  money operator+() const noexcept { return *this; }
  friend money operator+(const money& a, const money& b);
  friend money operator-(const money& a, const money& b);
  money& operator+=(const money& o) { return *this = *this + o; }
  money& operator-=(const money& o) { return *this = *this - o; }

  /// Exact multiplication by an integer (checked; an unsigned factor beyond int64 overflows
  /// rather than wrapping).
  template <std::integral I>
    requires(!std::same_as<I, bool> && sizeof(I) <= 8)
  friend money operator*(const money& m, I k) {
    return m.times_integer(static_cast<detail::int128>(k));
  }
  template <std::integral I>
    requires(!std::same_as<I, bool> && sizeof(I) <= 8)
  friend money operator*(I k, const money& m) {
    return m.times_integer(static_cast<detail::int128>(k));
  }

  /// amount × factor rounded to the minor unit with `mode` (interest, fees, percentages).
  [[nodiscard]] money multiply(const decimal& factor, rounding_mode mode) const;
  /// amount ÷ divisor rounded to the minor unit with `mode`. Throws division_by_zero_error.
  [[nodiscard]] money divide(const decimal& divisor, rounding_mode mode) const;
  /// Rounds to a multiple of `increment` (a cash step such as 0.05 CHF, or 1.00 GBP for whole
  /// pounds) with `mode`. The increment must be positive and in the same currency.
  [[nodiscard]] money round_to(const money& increment, rounding_mode mode) const;
  /// The amount in `to` at `rate` units of `to` per unit of this currency, rounded with `mode`.
  [[nodiscard]] money convert(::recoup::currency to, const decimal& rate, rounding_mode mode) const;

  /// Splits into n parts that add up exactly (10.00 USD / 3 -> 3.34, 3.33, 3.33).
  [[nodiscard]] std::vector<money> allocate(std::size_t n,
                                            remainder_policy policy = remainder_policy::largest_remainder) const;
  /// Splits by ratios (integers or decimals, >= 0, positive sum); the parts add up exactly.
  [[nodiscard]] std::vector<money> allocate(const allocation_ratios& ratios,
                                            remainder_policy policy = remainder_policy::largest_remainder) const;
  /// As allocate(ratios, policy), with every part a multiple of `step` (a cash increment).
  /// The amount itself must be a multiple of `step` (round it with round_to first).
  [[nodiscard]] std::vector<money> allocate(const allocation_ratios& ratios, remainder_policy policy,
                                            const money& step) const;

  /// Same currency and amount. Values of different currencies are unequal (never an error).
  friend bool operator==(const money& a, const money& b) noexcept {
    return a.minor_ == b.minor_ && a.ccy_ == b.ccy_;
  }
  /// Ordering within one currency; throws currency_mismatch_error across currencies.
  friend std::strong_ordering operator<=>(const money& a, const money& b) {
    a.require_same(b, "compare");
    return a.minor_ <=> b.minor_;
  }

  // Binary floating point never mixes with money (see tests/cpp/static/misuse_test.cpp).
  template <std::floating_point F>
  friend money operator*(const money&, F) = delete;
  template <std::floating_point F>
  friend money operator*(F, const money&) = delete;

  /// Throws currency_mismatch_error unless `other` has the same currency; `op` names the step.
  void require_same(const money& other, const char* op) const;

 private:
  money(std::int64_t minor, ::recoup::currency c, int) noexcept : minor_(minor), ccy_(c) {}
  money times_integer(detail::int128 k) const;

  std::int64_t minor_ = 0;
  ::recoup::currency ccy_;
};

// ---------------------------------------------------------------------------------------------
// Implementation

namespace detail {

inline void require_minor_unit(const currency& c) {
  if (!c.has_minor_unit())
    throw invalid_input_error("money.no_minor_unit",
                              "currency " + std::string(c.code()) +
                                  " has no minor unit in ISO 4217 (\"N.A.\"); register a currency with the "
                                  "precision you need to hold amounts of it");
}

[[noreturn]] inline void throw_money_overflow(const std::string& what) {
  throw overflow_error("money.overflow", what + " is beyond the range of 64-bit minor units (about +/-9.2e18)");
}

/// Narrows a wide quotient to int64 minor units or throws money.overflow.
template <class Wide>
std::int64_t to_minor(const Wide& v, const std::string& what) {
  int128 n = 0;
  if (!narrow(v, &n) || n > INT64_MAX || n < INT64_MIN) throw_money_overflow(what);
  return static_cast<std::int64_t>(n);
}

/// Exact minor units of `amount` in a currency with `places` decimals, or throws.
inline std::int64_t exact_minor(const decimal& amount, const currency& c) {
  require_minor_unit(c);
  const int places = c.minor_units();
  int128 m = 0;
  if (amount.scale() <= places) {
    if (mul_overflow(amount.coefficient(), pow10(places - amount.scale()), &m) || m > INT64_MAX || m < INT64_MIN)
      throw_money_overflow(amount.to_string() + " " + std::string(c.code()));
  } else {
    const int128 unit = pow10(amount.scale() - places);
    if (amount.coefficient() % unit != 0)
      throw invalid_input_error("money.excess_precision",
                                amount.to_string() + " has more decimal places than " + std::string(c.code()) +
                                    " allows (" + std::to_string(places) +
                                    "); round it explicitly first (money::rounded in C++, Money.rounded in Python, with a rounding mode)");
    m = amount.coefficient() / unit;
    if (m > INT64_MAX || m < INT64_MIN) throw_money_overflow(amount.to_string() + " " + std::string(c.code()));
  }
  return static_cast<std::int64_t>(m);
}

}  // namespace detail

inline money::money(const decimal& amount, ::recoup::currency c) : minor_(detail::exact_minor(amount, c)), ccy_(c) {}

inline money money::from_minor(std::int64_t minor, ::recoup::currency c) {
  detail::require_minor_unit(c);
  return {minor, c, 0};
}

inline money money::rounded(const decimal& amount, ::recoup::currency c, rounding_mode mode) {
  detail::require_minor_unit(c);
  const int places = c.minor_units();
  if (amount.scale() <= places) return money(amount, c);
  const decimal r = amount.rescale(places, mode);
  return money(r, c);
}

inline money money::from_double(double amount, ::recoup::currency c, rounding_mode mode) {
  detail::require_minor_unit(c);
  return money(decimal::from_double(amount, c.minor_units(), mode), c);
}

inline money money::parse(std::string_view text) {
  const auto sp = text.find(' ');
  if (sp == std::string_view::npos || text.find(' ', sp + 1) != std::string_view::npos || sp == 0 ||
      sp + 1 == text.size())
    throw invalid_input_error("money.syntax", "could not parse " + detail::quote(text) +
                                                  " as money: expected '<amount> <CODE>' with one space, e.g. '1234.56 USD'");
  const std::string_view amount = text.substr(0, sp), code = text.substr(sp + 1);
  const auto letters = [](std::string_view t) {
    return t.size() == 3 && std::all_of(t.begin(), t.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; });
  };
  if (letters(amount) && !letters(code))
    throw invalid_input_error("money.syntax", "could not parse " + detail::quote(text) +
                                                  " as money: the amount comes first, e.g. '" + std::string(code) + " " +
                                                  std::string(amount) + "'");
  const ::recoup::currency c(code);
  return money(parse_amount(amount), c);
}

inline decimal money::parse_amount(std::string_view text) {
  const decimal d = decimal::parse(text);  // syntax errors first, with decimal's reasons
  if (text.find_first_of("eE") != std::string_view::npos)
    throw invalid_input_error("money.exponent_notation",
                              detail::quote(text) + " is in exponent notation; write money amounts in plain digits, "
                              "e.g. '" + d.to_string() + "' (an exponent in an amount column is usually a spreadsheet's "
                              "rendering of a long number: export the column as text or as a number with its places)");
  return d;
}

inline std::string money::to_string() const {
  std::string s = decimal::from_parts(minor_, ccy_.minor_units()).to_string();
  s.push_back(' ');
  s.append(ccy_.code());
  return s;
}

inline void money::require_same(const money& other, const char* op) const {
  if (!(ccy_ == other.ccy_))
    throw currency_mismatch_error("money.currency_mismatch", std::string("cannot ") + op + " " + to_string() +
                                                                 " and " + other.to_string() +
                                                                 ": different currencies (convert one first)");
}

inline money money::operator-() const {
  if (minor_ == INT64_MIN) detail::throw_money_overflow("-(" + to_string() + ")");
  return {-minor_, ccy_, 0};
}

inline money operator+(const money& a, const money& b) {
  a.require_same(b, "add");
  std::int64_t r = 0;
  if (__builtin_add_overflow(a.minor_, b.minor_, &r)) detail::throw_money_overflow(a.to_string() + " + " + b.to_string());
  return {r, a.ccy_, 0};
}

inline money operator-(const money& a, const money& b) {
  a.require_same(b, "subtract");
  std::int64_t r = 0;
  if (__builtin_sub_overflow(a.minor_, b.minor_, &r)) detail::throw_money_overflow(a.to_string() + " - " + b.to_string());
  return {r, a.ccy_, 0};
}

inline money money::times_integer(detail::int128 k) const {
  std::int64_t r = 0;
  if (__builtin_mul_overflow(minor_, k, &r))  // exact product, checked against int64
    detail::throw_money_overflow(to_string() + " * " + detail::to_string(k));
  return {r, ccy_, 0};
}

inline money money::multiply(const decimal& factor, rounding_mode mode) const {
  using detail::int128;
  const int128 fc = factor.coefficient();
  // Fast path: the product fits 128 bits when the coefficient fits 64.
  if (fc <= INT64_MAX && fc >= INT64_MIN) {
    const int128 p = static_cast<int128>(minor_) * fc;
    const int128 q = detail::round_quotient<int128>(p, detail::pow10(factor.scale()), mode);
    if (q > INT64_MAX || q < INT64_MIN) detail::throw_money_overflow(to_string() + " * " + factor.to_string());
    return {static_cast<std::int64_t>(q), ccy_, 0};
  }
  const detail::int256 p = detail::widen(static_cast<int128>(minor_)) * detail::widen(fc);
  const detail::int256 q = detail::round_quotient<detail::int256>(p, detail::pow10_wide<detail::int256>(factor.scale()), mode);
  return {detail::to_minor(q, to_string() + " * " + factor.to_string()), ccy_, 0};
}

inline money money::divide(const decimal& divisor, rounding_mode mode) const {
  if (divisor.is_zero())
    throw division_by_zero_error("money.division_by_zero", "cannot divide " + to_string() + " by zero");
  const detail::int256 num = detail::widen(static_cast<detail::int128>(minor_)) *
                             detail::pow10_wide<detail::int256>(divisor.scale());
  const detail::int256 q = detail::round_quotient<detail::int256>(num, detail::widen(divisor.coefficient()), mode);
  return {detail::to_minor(q, to_string() + " / " + divisor.to_string()), ccy_, 0};
}

inline money money::round_to(const money& increment, rounding_mode mode) const {
  require_same(increment, "round");
  if (increment.minor_ <= 0)
    throw invalid_input_error("money.increment", "rounding increment " + increment.to_string() + " must be positive");
  const std::int64_t q = detail::round_quotient<std::int64_t>(minor_, increment.minor_, mode);
  std::int64_t r = 0;
  if (__builtin_mul_overflow(q, increment.minor_, &r))
    detail::throw_money_overflow(to_string() + " rounded to " + increment.to_string());
  return {r, ccy_, 0};
}

inline money money::convert(::recoup::currency to, const decimal& rate, rounding_mode mode) const {
  detail::require_minor_unit(to);
  if (rate.signum() <= 0)
    throw invalid_input_error("money.rate", "exchange rate " + rate.to_string() + " must be positive");
  using detail::int256;
  const int shift = to.minor_units() - ccy_.minor_units();
  int256 num = detail::widen(static_cast<detail::int128>(minor_)) * detail::widen(rate.coefficient());
  int256 den = detail::pow10_wide<int256>(rate.scale());
  if (shift >= 0) num *= detail::pow10_wide<int256>(shift);
  else den *= detail::pow10_wide<int256>(-shift);
  return {detail::to_minor(detail::round_quotient<int256>(num, den, mode),
                           to_string() + " at " + rate.to_string() + " " + std::string(to.code())),
          to, 0};
}

inline std::vector<money> money::allocate(std::size_t n, remainder_policy policy) const {
  return allocate(allocation_ratios::equal(n), policy);
}

inline std::vector<money> money::allocate(const allocation_ratios& ratios, remainder_policy policy) const {
  std::vector<std::int64_t> parts(ratios.size());
  splitter(ratios, policy).split(minor_, parts);
  std::vector<money> out;
  out.reserve(parts.size());
  for (auto p : parts) out.push_back(money(p, ccy_, 0));
  return out;
}

inline std::vector<money> money::allocate(const allocation_ratios& ratios, remainder_policy policy,
                                          const money& step) const {
  require_same(step, "allocate in steps of");
  if (step.minor_ <= 0)
    throw invalid_input_error("money.increment", "allocation step " + step.to_string() + " must be positive");
  if (minor_ % step.minor_ != 0)
    throw invalid_input_error("allocation.not_multiple_of_step",
                              to_string() + " is not a multiple of the step " + step.to_string() +
                                  "; round it first with round_to(step, mode)");
  std::vector<std::int64_t> parts(ratios.size());
  splitter(ratios, policy).split(minor_ / step.minor_, parts);
  std::vector<money> out;
  out.reserve(parts.size());
  for (auto p : parts) out.push_back(money(p * step.minor_, ccy_, 0));
  return out;
}

}  // namespace recoup

template <>
struct std::hash<recoup::money> {
  std::size_t operator()(const recoup::money& m) const noexcept {
    return std::hash<std::int64_t>{}(m.minor_units()) * 31 + std::hash<recoup::currency>{}(m.currency());
  }
};
