// recoup/portfolio/ratio.hpp — an exact ratio of two integer totals (rates of a portfolio).
//
// Portfolio rates (recovery, cure, promise-kept, roll and liquidation rates) are quotients of
// whole counts or of whole minor units. recoup keeps them as the exact pair and rounds only when
// asked, to a named number of places with a named rounding mode.
//
//   recoup::ratio r{1, 3};
//   r.to_decimal(4, recoup::rounding_mode::half_even).to_string();  // "0.3333"
#pragma once

#include <cstdint>
#include <string>

#include "recoup/core/decimal.hpp"
#include "recoup/core/error.hpp"
#include "recoup/core/rounding.hpp"

namespace recoup {

/// numerator / denominator, both exact integers; the denominator may be 0 (rate undefined).
struct ratio {
  std::int64_t numerator = 0;
  std::int64_t denominator = 0;

  /// Whether the rate is defined (a non-zero denominator).
  [[nodiscard]] bool defined() const noexcept { return denominator != 0; }

  /// The quotient rounded to `places` (0..38) with `mode`. Throws division_by_zero_error
  /// "portfolio.undefined_rate" when the denominator is 0.
  [[nodiscard]] decimal to_decimal(int places, rounding_mode mode) const {
    if (denominator == 0)
      throw division_by_zero_error("portfolio.undefined_rate",
                                   "the rate " + std::to_string(numerator) + "/0 is undefined (nothing to divide by)");
    return divide(decimal::from_parts(numerator, 0), decimal::from_parts(denominator, 0), places, mode);
  }

  friend bool operator==(const ratio&, const ratio&) = default;
};

}  // namespace recoup
