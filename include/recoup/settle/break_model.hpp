#pragma once
// recoup/settle/break_model.hpp — how a payment plan breaks: the probability it is still paying.
//
// survival(t) is the probability that the payment due at period t is made. Period 0 (a payment
// made now) is certain: survival(0) = 1. Two models, both exact decimals:
//   constant_hazard(h)    the plan breaks in each period with probability h: survival(t) = (1 − h)^t
//   survival_curve(s)     the caller's curve: s[0] for period 1, s[1] for period 2, ...;
//                         every value in 0..1 and never rising; a plan longer than the curve is
//                         an error (recoup does not extrapolate)
// After a break nothing more is recovered under this model.
//
//   auto m = recoup::break_model::constant_hazard(decimal("0.05"));   // 5% break each period

#include <cstdint>
#include <string>
#include <vector>

#include "recoup/core/decimal.hpp"

namespace recoup {

class break_model {
 public:
  /// Never breaks (hazard 0).
  break_model() = default;
  /// Throws invalid_input_error "settle.hazard_range" unless 0 <= hazard <= 1.
  static break_model constant_hazard(const decimal& hazard);
  /// Throws "settle.survival_range" (a value outside 0..1), "settle.survival_not_monotone" (a
  /// value above the one before), "settle.survival_empty".
  static break_model survival_curve(std::vector<decimal> survival);

  [[nodiscard]] bool is_curve() const noexcept { return curve_; }
  [[nodiscard]] const decimal& hazard() const noexcept { return hazard_; }
  [[nodiscard]] const std::vector<decimal>& curve() const noexcept { return survival_; }
  /// The last period the model covers (-1: any period).
  [[nodiscard]] std::int64_t horizon() const noexcept {
    return curve_ ? static_cast<std::int64_t>(survival_.size()) : -1;
  }
  /// One line describing the model ("constant hazard 0.05 per period: survival(t) = 0.95^t").
  [[nodiscard]] std::string describe() const;

 private:
  bool curve_ = false;
  decimal hazard_ = decimal(0);
  std::vector<decimal> survival_{};
};

}  // namespace recoup
