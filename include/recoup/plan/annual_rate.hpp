#pragma once
// recoup::annual_rate — a nominal annual interest rate, as a fraction (0.0969 is 9.69% a year).
//
// A distinct type so an annual rate cannot be passed where a periodic one is meant: schedules
// derive the periodic rate themselves (annual / periods per year, kept exact as a fraction) or
// accrue daily under a named day-count convention.

#include <string>

#include "recoup/core/decimal.hpp"
#include "recoup/core/error.hpp"

namespace recoup {

class annual_rate {
 public:
  /// Rates above this (10,000% a year) are refused as almost certainly a unit mistake.
  static constexpr int max_percent = 10000;

  /// From a fraction: 0.0969 for 9.69%. Throws invalid_input_error "rate.negative" or
  /// "rate.too_large" (a percentage passed as a fraction, e.g. 9.69 for 9.69%).
  explicit annual_rate(const decimal& fraction) : fraction_(fraction) {
    if (fraction.is_negative()) {
      throw invalid_input_error("rate.negative", "annual rate " + fraction.to_string() + " is negative");
    }
    if (fraction > decimal(max_percent / 100)) {
      throw invalid_input_error("rate.too_large", "annual rate " + fraction.to_string() +
                                                      " is over " + std::to_string(max_percent) +
                                                      "% a year; pass a fraction (0.0969 for 9.69%)");
    }
  }

  /// From a percentage: from_percent(9.69) is 0.0969. Exact.
  static annual_rate from_percent(const decimal& percent) {
    return annual_rate(decimal::from_parts(percent.coefficient(), percent.scale() + 2));
  }

  [[nodiscard]] const decimal& fraction() const noexcept { return fraction_; }
  [[nodiscard]] bool is_zero() const noexcept { return fraction_.is_zero(); }

  friend bool operator==(const annual_rate&, const annual_rate&) = default;

 private:
  decimal fraction_;
};

}  // namespace recoup
