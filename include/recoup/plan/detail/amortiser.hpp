#pragma once
// recoup::detail::amortise — the one schedule kernel behind build_schedule() and the columnar
// batch call. It works in int64 minor units and hands each row to a sink, so the scalar form
// collects money rows and the batch form writes straight into arrays without allocating.

#include <cstdint>
#include <string>
#include <vector>

#include "recoup/core/error.hpp"
#include "recoup/core/rounding.hpp"
#include "recoup/plan/detail/annuity.hpp"
#include "recoup/plan/detail/exact_ratio.hpp"
#include "recoup/plan/schedule_terms.hpp"
#include "recoup/time/calendar.hpp"
#include "recoup/time/day_count.hpp"
#include "recoup/time/frequency.hpp"

namespace recoup::detail {

/// Terms resolved to minor units, exact ratios and concrete dates.
struct plan_setup {
  schedule_shape shape = schedule_shape::level_payment;
  std::int64_t balance = 0;          ///< after any down payment
  std::int64_t periods = 0;          ///< instalments; 0 = derived (fixed_instalment, custom)
  frequency freq = frequency::monthly();
  int anchor = 1;
  civil_date start;
  civil_date first_due;
  decimal rate;
  interest_method method = interest_method::periodic;
  day_count_convention day_count = day_count_convention::act_365_fixed;
  exact_ratio periodic;              ///< rate / periods per year
  exact_ratio first;                 ///< the first period's rate (the stub's when odd)
  rounding_mode interest_mode = rounding_mode::half_up;
  payment_rounding pay_round{};
  std::int64_t instalment = 0;       ///< fixed_instalment
  const std::vector<money>* custom = nullptr;
  std::int64_t step_every = 12;
  decimal step_rate;
  std::int64_t balloon = 0;
  std::int64_t fee = 0;
  std::int64_t holidays = 0;
  std::int64_t interest_only = 0;
  const calendar* business_days = nullptr;
  business_day_convention adjustment = business_day_convention::following;
  std::int64_t first_adjust = 0;     ///< residue placed on the first amortising instalment
};

/// What the kernel decided, for explain() and the residue pass.
struct amortise_outcome {
  std::int64_t regular = 0;          ///< regular instalment (excl. fees) of the amortising phase
  std::int64_t last = 0;             ///< last instalment (excl. fees)
  std::int64_t instalments = 0;
  std::int64_t first_amortising = 0; ///< number of the first amortising instalment
  bool cleared_early = false;
};

/// Validates `t` and resolves it for the kernel (src/plan/schedule.cpp). The setup points into
/// `t` (custom amounts, calendar): keep `t` alive while the setup is used.
plan_setup resolve_terms(const schedule_terms& t);

inline exact_ratio accrual_ratio(const plan_setup& s, civil_date from, civil_date to) {
  const day_count_fraction yf = year_fraction(s.day_count, from, to);
  if (yf.numerator < 0) {
    throw invalid_input_error("plan.dates", "interest period " + from.to_string() + " .. " + to.to_string() +
                                                " runs backwards");
  }
  return exact_ratio::of(s.rate, yf.numerator, yf.denominator);
}

/// Days since 1970-01-01 of a valid y-m-d (H. Hinnant's days_from_civil; no validation).
constexpr std::int64_t serial_of(std::int64_t y, unsigned m, unsigned d) noexcept {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

constexpr unsigned days_in_month(std::int64_t y, unsigned m) noexcept {
  constexpr unsigned table[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m != 2) return table[m - 1];
  return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
}

/// The unadjusted due dates of a schedule, computed incrementally without re-decoding dates:
/// the hot path of the kernel. Same dates as frequency::nth_date (tested).
class due_date_stepper {
 public:
  explicit due_date_stepper(const plan_setup& s) : s_(s) {
    const auto ymd = s.first_due.ymd();
    base_month_ = static_cast<std::int64_t>(static_cast<int>(ymd.year())) * 12 + (static_cast<unsigned>(ymd.month()) - 1);
  }
  /// The k-th (1-based) due date, business-day adjusted when the plan has a calendar.
  civil_date operator()(std::int64_t k) const {
    civil_date d = s_.first_due;
    switch (s_.freq.unit()) {
      case frequency_unit::week: d = s_.first_due.add_days((k - 1) * 7 * s_.freq.step()); break;
      case frequency_unit::month: {
        const std::int64_t months = base_month_ + (k - 1) * s_.freq.step();
        const std::int64_t y = months / 12;
        if (y > 9999) d = civil_date::nth_month_from(s_.first_due, (k - 1) * s_.freq.step(), s_.anchor);  // throws
        const auto m = static_cast<unsigned>(months - y * 12 + 1);
        const unsigned dim = days_in_month(y, m);
        const auto day = static_cast<unsigned>(s_.anchor) < dim ? static_cast<unsigned>(s_.anchor) : dim;
        d = civil_date::from_serial(serial_of(y, m, day));
        break;
      }
      case frequency_unit::semi_month: d = s_.freq.nth_date(s_.first_due, k - 1, s_.anchor); break;
    }
    return s_.business_days ? s_.business_days->adjust(d, s_.adjustment) : d;
  }

 private:
  const plan_setup& s_;
  std::int64_t base_month_ = 0;
};

/// Block payments of a graduated plan: P0·(1+g)^b, P0 chosen so the plan amortises `balance`.
inline std::vector<std::int64_t> graduated_payments(const plan_setup& s, std::int64_t balance, std::int64_t m,
                                                    const exact_ratio& r1) {
  const annuity_real one(1);
  const annuity_real r = to_real(s.periodic.num) / to_real(s.periodic.den);
  const annuity_real first = to_real(r1.num) / to_real(r1.den);
  const annuity_real g = to_real(s.step_rate.coefficient()) / to_real(pow10(s.step_rate.scale()));
  const std::int64_t blocks = (m + s.step_every - 1) / s.step_every;
  annuity_real pv_factor = 0;
  annuity_real discount = one / (one + first);
  annuity_real growth = one;
  for (std::int64_t j = 0; j < m; ++j) {
    if (j > 0 && j % s.step_every == 0) growth *= (one + g);
    pv_factor += growth * discount;
    discount /= (one + r);
  }
  const annuity_real p0 = annuity_real(balance) / pv_factor;
  std::vector<std::int64_t> out;
  out.reserve(static_cast<std::size_t>(blocks));
  annuity_real block = p0;
  const std::int64_t step = s.pay_round.step_minor;
  for (std::int64_t b = 0; b < blocks; ++b) {
    const annuity_real v = block / annuity_real(step);
    const annuity_real fl = boost::multiprecision::floor(v);
    const annuity_real frac = v - fl;
    auto k = static_cast<std::int64_t>(fl);
    if (frac > 0) {
      const annuity_real twice = frac * 2;
      const int vs_half = twice > one ? 1 : (twice == one ? 0 : -1);
      if (rounds_up_non_negative(s.pay_round.mode, vs_half, (k & 1) != 0)) ++k;
    }
    out.push_back(k * step);
    block *= (one + g);
  }
  return out;
}

inline std::int64_t checked_add(std::int64_t a, std::int64_t b) {
  std::int64_t r = 0;
  if (__builtin_add_overflow(a, b, &r)) throw overflow_error("plan.overflow", "a schedule amount exceeds 64-bit minor units");
  return r;
}

/// Runs the schedule; `sink(number, due, payment, interest, principal, fee, balance)` per row.
template <class Sink>
amortise_outcome amortise(const plan_setup& s, Sink&& sink) {
  amortise_outcome out;
  std::int64_t balance = s.balance;
  const std::int64_t limit = s.periods > 0 ? s.periods : max_schedule_periods;
  const std::int64_t phase_start = s.holidays + s.interest_only + 1;
  const std::int64_t m = s.periods - s.holidays - s.interest_only;  // amortising instalments (when known)
  std::int64_t regular = 0;
  std::int64_t principal_part = 0;
  std::vector<std::int64_t> blocks;
  // The instalment that must clear: the last of the term, or of the custom amounts.
  const std::int64_t final_k =
      s.periods > 0 ? s.periods : (s.custom ? static_cast<std::int64_t>(s.custom->size()) : 0);
  civil_date prev = s.start;
  const due_date_stepper due_date_of(s);
  for (std::int64_t k = 1; k <= limit; ++k) {
    const civil_date due = due_date_of(k);
    std::int64_t interest = 0;
    if (k == 1) {
      interest = s.method == interest_method::daily ? accrual_ratio(s, prev, due).apply(balance, s.interest_mode)
                                                    : s.first.apply(balance, s.interest_mode);
    } else {
      interest = s.method == interest_method::daily ? accrual_ratio(s, prev, due).apply(balance, s.interest_mode)
                                                    : s.periodic.apply(balance, s.interest_mode);
    }
    std::int64_t payment = 0;
    std::int64_t principal = 0;
    const bool last = k == final_k;
    if (k < phase_start && !last) {
      if (k <= s.holidays) {
        principal = -interest;  // capitalised
        balance = checked_add(balance, interest);
      } else {
        payment = interest;
      }
    } else {
      if (k == phase_start) {
        out.first_amortising = k;
        const exact_ratio& r1 = k == 1 ? s.first : s.periodic;
        switch (s.shape) {
          case schedule_shape::level_payment:
            regular = annuity_payment(balance, s.periodic, r1, m, s.balloon, s.pay_round.step_minor, s.pay_round.mode);
            break;
          case schedule_shape::level_principal:
            principal_part = round_quotient<std::int64_t>(balance, m * s.pay_round.step_minor, s.pay_round.mode) *
                             s.pay_round.step_minor;
            break;
          case schedule_shape::fixed_instalment:
            regular = s.instalment;
            if (regular <= interest && regular < checked_add(balance, interest)) {
              throw invalid_input_error("plan.payment_too_small",
                                        "an instalment of " + std::to_string(regular) +
                                            " minor units does not cover the period's interest of " +
                                            std::to_string(interest) + "; the balance would never clear");
            }
            break;
          case schedule_shape::graduated: blocks = graduated_payments(s, balance, m, r1); break;
          case schedule_shape::interest_only:
          case schedule_shape::custom: break;
        }
      }
      const std::int64_t j = k - phase_start;  // 0-based index in the amortising phase
      switch (s.shape) {
        case schedule_shape::level_payment:
          payment = regular + (j == 0 ? s.first_adjust : 0);
          break;
        case schedule_shape::level_principal: payment = checked_add(principal_part, interest); break;
        case schedule_shape::interest_only: payment = interest; break;
        case schedule_shape::fixed_instalment: payment = regular + (j == 0 ? s.first_adjust : 0); break;
        case schedule_shape::graduated:
          payment = blocks[static_cast<std::size_t>(j / s.step_every)] + (j == 0 ? s.first_adjust : 0);
          if (j == 0) regular = payment;
          break;
        case schedule_shape::custom:
          payment = (*s.custom)[static_cast<std::size_t>(k - 1)].minor_units();
          if (j == 0) regular = payment;
          break;
      }
      const std::int64_t owed = checked_add(balance, interest);
      if (last || payment >= owed) {
        if (!last) out.cleared_early = s.periods > 0;
        payment = owed;
        principal = balance;
        balance = 0;
      } else {
        principal = payment - interest;
        balance -= principal;
      }
    }
    out.last = payment;
    out.instalments = k;
    sink(k, due, checked_add(payment, s.fee), interest, principal, s.fee, balance);
    prev = due;
    if (balance == 0 && k >= phase_start) break;
    if (k == limit) {
      throw invalid_input_error("plan.payment_too_small",
                                "the plan does not clear within " + std::to_string(max_schedule_periods) +
                                    " instalments; raise the instalment");
    }
  }
  out.regular = regular;
  return out;
}

}  // namespace recoup::detail
