// recoup/core/error.hpp — the one error model: recoup::error, its kinds, and stable error ids.
//
// Every failure in recoup throws a class derived from recoup::error. Each carries
//   - a kind (error_kind): the broad category, which maps to a C status code and to the
//     Python built-in the Python exception also derives from;
//   - an id: a stable dotted string such as "money.excess_precision", listed in
//     docs/reference/errors.md, safe to match on in code;
//   - a message (what()) naming the bad value and what to do about it.
//
//   try { auto m = recoup::money::parse("1.001 USD"); }
//   catch (const recoup::invalid_input_error& e) { e.id(); /* "money.excess_precision" */ }
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace recoup {

/// The broad category of an error. The numeric values are stable (C status codes use them).
enum class error_kind : int {
  invalid_input = 1,         ///< malformed or out-of-domain argument        (Python: ValueError)
  currency_mismatch = 2,     ///< two currencies met where one is required  (Python: ValueError)
  overflow = 3,              ///< a result does not fit its representation  (Python: OverflowError)
  division_by_zero = 4,      ///< division or ratio by zero                 (Python: ZeroDivisionError)
  unknown_currency = 5,      ///< no such currency code                     (Python: KeyError)
  unknown_jurisdiction = 6,  ///< no such jurisdiction or rule              (Python: KeyError)
  rule_pack = 7,             ///< a rule pack is broken                     (Python: ValueError)
  float_input = 8,           ///< binary floating point where exact input is required (TypeError)
  no_convergence = 9,        ///< an iterative solver found no answer       (Python: ArithmeticError)
  rule_not_in_force = 10,    ///< a rule exists but no version covers the date (Python: LookupError)
};

/// The highest error kind (kinds are 1 .. error_kind_max).
inline constexpr int error_kind_max = 10;

/// Stable name of an error kind ("invalid_input", "overflow", ...).
constexpr std::string_view to_string(error_kind kind) noexcept {
  switch (kind) {
    case error_kind::invalid_input: return "invalid_input";
    case error_kind::currency_mismatch: return "currency_mismatch";
    case error_kind::overflow: return "overflow";
    case error_kind::division_by_zero: return "division_by_zero";
    case error_kind::unknown_currency: return "unknown_currency";
    case error_kind::unknown_jurisdiction: return "unknown_jurisdiction";
    case error_kind::rule_pack: return "rule_pack";
    case error_kind::float_input: return "float_input";
    case error_kind::no_convergence: return "no_convergence";
    case error_kind::rule_not_in_force: return "rule_not_in_force";
  }
  return "unknown";
}

/// Base of every recoup exception: kind + stable id + a message naming the bad value.
class error : public std::runtime_error {
 public:
  error(error_kind kind, std::string_view id, const std::string& message)
      : std::runtime_error(message), kind_(kind), id_(id) {}

  /// The broad category (maps to C status codes and Python built-ins).
  [[nodiscard]] error_kind kind() const noexcept { return kind_; }
  /// The stable dotted id, e.g. "money.excess_precision" (see docs/reference/errors.md).
  [[nodiscard]] const std::string& id() const noexcept { return id_; }

 private:
  error_kind kind_;
  std::string id_;
};

/// Why a non-throwing parse (money::try_parse, decimal::try_parse) failed: what the throwing
/// form would have thrown.
struct parse_failure {
  error_kind kind = error_kind::invalid_input;
  std::string id;       ///< "money.syntax", "currency.unknown", ...
  std::string message;  ///< names the bad text and what to fix
};

namespace detail {
/// Runs parse(); on a recoup::error fills *why (when given) and returns nullopt. Never throws:
/// out of memory gives kind overflow with no id or message (nothing can be allocated).
template <class T, class Parse>
std::optional<T> try_parse_with(Parse&& parse, parse_failure* why) noexcept {
  try {
    return parse();
  } catch (const error& e) {
    if (why != nullptr) {
      why->kind = e.kind();
      try {
        why->id = e.id();
        why->message = e.what();
      } catch (...) {
      }
    }
  } catch (...) {
    if (why != nullptr) why->kind = error_kind::overflow;  // out of memory: no text can be kept
  }
  return std::nullopt;
}
}  // namespace detail

#define RECOUP_DEFINE_ERROR_(name, kind_value)                                      \
  class name : public error {                                                       \
   public:                                                                          \
    name(std::string_view id, const std::string& message)                           \
        : error(error_kind::kind_value, id, message) {}                             \
  };

/// Malformed or out-of-domain input: bad text, negative term, too many decimals, NaN.
RECOUP_DEFINE_ERROR_(invalid_input_error, invalid_input)
/// Two different currencies in an operation that needs one.
RECOUP_DEFINE_ERROR_(currency_mismatch_error, currency_mismatch)
/// A result or an input does not fit the representation (int64 minor units, 38 digits).
RECOUP_DEFINE_ERROR_(overflow_error, overflow)
/// Division by zero, or ratios that sum to zero.
RECOUP_DEFINE_ERROR_(division_by_zero_error, division_by_zero)
/// A currency code that is neither in ISO 4217 nor registered by the user.
RECOUP_DEFINE_ERROR_(unknown_currency_error, unknown_currency)
/// A jurisdiction or rule id that no loaded rule pack defines.
RECOUP_DEFINE_ERROR_(unknown_jurisdiction_error, unknown_jurisdiction)
/// A rule pack that fails to parse or validate (message names file, line and key).
RECOUP_DEFINE_ERROR_(rule_pack_error, rule_pack)
/// Binary floating point offered where an exact value is required.
RECOUP_DEFINE_ERROR_(float_input_error, float_input)
/// An iterative solver (rate, IRR) that did not converge to the required tolerance.
RECOUP_DEFINE_ERROR_(no_convergence_error, no_convergence)
/// A rule the book defines, asked about a date no version of it covers: before its first
/// version, in a gap, or past the horizon of a dated table (the message names the table, its
/// last covered day and how to load a newer pack).
RECOUP_DEFINE_ERROR_(rule_not_in_force_error, rule_not_in_force)

#undef RECOUP_DEFINE_ERROR_

}  // namespace recoup
