#pragma once
// recoup::periodic_rate — an interest or discount rate per period of a named frequency, as a
// fraction (0.01 a month). The companion of annual_rate: a distinct type, so a monthly rate
// cannot be passed where an annual one is meant (or the reverse), and a rate for one frequency
// cannot discount a plan paid at another.
//
//   auto m = recoup::periodic_rate(recoup::decimal("0.01"), recoup::frequency::monthly());
//   m.nominal_annual();                       // annual_rate 0.12: 0.01 x 12, exact
//   recoup::periodic_rate::from_annual(recoup::annual_rate(recoup::decimal("0.10")),
//                                      recoup::frequency::monthly(), 12, recoup::rounding_mode::half_even);
//                                             // 0.008333333333 (0.10 / 12, rounded as named)

#include <cstdint>
#include <string>

#include "recoup/core/decimal.hpp"
#include "recoup/core/error.hpp"
#include "recoup/core/rounding.hpp"
#include "recoup/plan/annual_rate.hpp"
#include "recoup/time/frequency.hpp"

namespace recoup {

class periodic_rate {
 public:
  /// A rate of `fraction` per period of `freq`. Throws invalid_input_error "rate.negative".
  periodic_rate(const decimal& fraction, const frequency& freq) : fraction_(fraction), freq_(freq) {
    if (fraction.is_negative())
      throw invalid_input_error("rate.negative", "periodic rate " + fraction.to_string() + " per " + freq.name() +
                                                     " period is negative");
  }

  /// The periodic rate of a nominal annual rate: annual ÷ periods per year, rounded to `places`
  /// with `mode` (0.10 / 12 does not terminate, so the rounding is the caller's to name).
  static periodic_rate from_annual(const annual_rate& annual, const frequency& freq, int places, rounding_mode mode) {
    const decimal per_year_num(freq.periods_per_year_numerator());
    const decimal per_year_den(freq.periods_per_year_denominator());
    return periodic_rate(divide(annual.fraction() * per_year_den, per_year_num, places, mode), freq);
  }

  /// The nominal annual rate: fraction × periods per year. Exact when the periods per year are
  /// whole (12, 24, 26, 52); otherwise rounded to `places` with `mode`.
  [[nodiscard]] annual_rate nominal_annual(int places = 18, rounding_mode mode = rounding_mode::half_even) const {
    const decimal per_year(freq_.periods_per_year_numerator());
    const std::int64_t steps = freq_.periods_per_year_denominator();
    if (steps == 1) return annual_rate(fraction_ * per_year);
    return annual_rate(divide(fraction_ * per_year, decimal(steps), places, mode));
  }

  [[nodiscard]] const decimal& fraction() const noexcept { return fraction_; }
  [[nodiscard]] const frequency& period() const noexcept { return freq_; }
  [[nodiscard]] bool is_zero() const noexcept { return fraction_.is_zero(); }

  friend bool operator==(const periodic_rate&, const periodic_rate&) = default;

 private:
  decimal fraction_;
  frequency freq_;
};

}  // namespace recoup
