// recoup/core/currency.hpp — recoup::currency: ISO 4217 codes with minor units, plus user currencies.
//
// The ISO 4217 List One (data/currencies/iso4217.toml, embedded at build time) is built in.
// A currency is a small value (8 bytes): its code, numeric code and number of minor-unit digits.
//
//   auto usd = recoup::currency("USD");            // lookup by code; unknown -> unknown_currency_error
//   auto jpy = recoup::currency::of_numeric(392);  // lookup by ISO numeric code
//   usd.minor_units();                             // 2   (JPY: 0, KWD: 3, CLF: 4)
//   recoup::register_currency({"XPT1", ...});      // user currencies (see currency_info)
#pragma once

#include "recoup/core/error.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace recoup {

/// Everything recoup knows about one currency.
struct currency_info {
  std::string code;              ///< three upper-case letters, e.g. "USD"
  int numeric = 0;               ///< ISO numeric code (0 when a user currency has none)
  int minor_units = 2;           ///< decimal places of the minor unit; -1 when ISO says "N.A."
  std::string name;              ///< e.g. "US Dollar"
  bool fund = false;             ///< an ISO "fund" code (e.g. CLF, USN)
  bool user_defined = false;     ///< registered at run time, not from ISO 4217
  std::vector<std::string> entities;  ///< countries and territories using it (ISO spelling)
};

/// A currency: code, numeric code and minor-unit digits. Compare, copy and hash freely.
class currency {
 public:
  /// Looks the code up among ISO 4217 and user-registered currencies.
  /// Throws unknown_currency_error ("currency.unknown") for any other text.
  explicit currency(std::string_view code);

  /// Lookup by ISO numeric code (840 -> USD). Throws unknown_currency_error.
  static currency of_numeric(int numeric);

  /// The three-letter code.
  [[nodiscard]] std::string_view code() const noexcept { return {code_, 3}; }
  /// ISO numeric code, 0 for a user currency without one.
  [[nodiscard]] int numeric() const noexcept { return numeric_; }
  /// Digits of the minor unit (USD 2, JPY 0, KWD 3, CLF 4); -1 when the currency has none.
  [[nodiscard]] int minor_units() const noexcept { return minor_units_; }
  /// False for ISO codes whose minor unit is "N.A." (XAU, XDR, XXX...): no money in them.
  [[nodiscard]] bool has_minor_unit() const noexcept { return minor_units_ >= 0; }
  /// The full record (name, entities, fund flag).
  [[nodiscard]] currency_info info() const;
  /// The currency's name, e.g. "US Dollar".
  [[nodiscard]] std::string name() const { return info().name; }

  friend bool operator==(const currency& a, const currency& b) noexcept {
    return a.code_[0] == b.code_[0] && a.code_[1] == b.code_[1] && a.code_[2] == b.code_[2];
  }

 private:
  currency(const char* code, int numeric, int minor_units) noexcept;
  friend struct currency_access;

  char code_[3]{};
  std::int8_t minor_units_ = 0;
  std::uint16_t numeric_ = 0;
};

/// Registers a currency outside ISO 4217 (a loyalty point, a crypto asset, an internal unit)
/// and returns it. The code must be three upper-case ASCII letters and minor_units in 0..9.
/// Registering the same definition twice is allowed; redefining an existing code (ISO or user)
/// differently throws invalid_input_error ("currency.redefined"). Thread-safe.
currency register_currency(const currency_info& info);

/// Every known currency: ISO 4217 List One in code order, then user currencies.
std::vector<currency_info> all_currencies();

/// The publication date of the built-in ISO 4217 list (e.g. "2026-01-01") and its citation.
std::string iso4217_published();
std::string iso4217_citation();

}  // namespace recoup

template <>
struct std::hash<recoup::currency> {
  std::size_t operator()(const recoup::currency& c) const noexcept {
    const auto s = c.code();
    return (static_cast<std::size_t>(static_cast<unsigned char>(s[0])) << 16) |
           (static_cast<std::size_t>(static_cast<unsigned char>(s[1])) << 8) |
           static_cast<std::size_t>(static_cast<unsigned char>(s[2]));
  }
};
