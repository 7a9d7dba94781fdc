#pragma once
// recoup::schedule_terms — everything that defines a repayment schedule, with every convention
// and rounding named. Build one with designated initialisers and pass it to build_schedule():
//
//   recoup::schedule_terms t{.principal = recoup::money::parse("10000.00 USD"),
//                            .rate = recoup::annual_rate(recoup::decimal("0.065")),
//                            .shape = recoup::schedule_shape::level_payment,
//                            .periods = 60,
//                            .first_due = recoup::civil_date::parse("2025-02-01")};
//
// The shapes (Fineract's menu as a library call):
//   level_payment     annuity: equal instalments, interest falling, principal rising
//   level_principal   equal principal each period plus that period's interest
//   interest_only     interest each period, the whole principal with the last instalment (balloon)
//   fixed_instalment  a given instalment until cleared; the term is derived, the last is smaller
//   graduated         payments that step up (or down) by step_rate every step_every periods
//   custom            the caller's amount per period; the last instalment clears the balance
// Modifiers: down payment, interest-only (grace on principal) periods, payment holidays
// (interest capitalised), an odd first period (short or long stub), a balloon on a level-payment
// plan, a fee per instalment, payment rounding to a multiple with the residue placed explicitly.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "recoup/core/decimal.hpp"
#include "recoup/core/money.hpp"
#include "recoup/core/rounding.hpp"
#include "recoup/plan/annual_rate.hpp"
#include "recoup/time/business_day_convention.hpp"
#include "recoup/time/calendar.hpp"
#include "recoup/time/civil_date.hpp"
#include "recoup/time/day_count.hpp"
#include "recoup/time/frequency.hpp"

namespace recoup {

enum class schedule_shape { level_payment, level_principal, interest_only, fixed_instalment, graduated, custom };

/// How a period's interest is computed.
enum class interest_method {
  /// balance × annual rate ÷ periods per year (exact fraction; 0.10/12, not 0.008333).
  periodic,
  /// balance × annual rate × year fraction of the period's actual dates under `day_count`.
  daily,
};

/// Interest for a first period that is not a regular period (start to first due date).
enum class odd_period_interest {
  /// Year fraction of start..first due under `day_count` (short or long stub charged exactly).
  daily,
  /// One regular period's interest whatever the stub's length.
  full_period,
};

/// Which instalment absorbs the difference left by rounding the regular payment.
enum class residue_placement { last, first };

/// How the regular payment is rounded: to a multiple of `step_minor` minor units (1 = the
/// currency's minor unit, 100 = whole pounds/dollars) with `mode` (up = never short).
struct payment_rounding {
  std::int64_t step_minor = 1;
  rounding_mode mode = rounding_mode::half_up;
  residue_placement residue = residue_placement::last;
};

struct schedule_terms {
  money principal;                                   ///< amount financed (before any down payment)
  annual_rate rate = annual_rate(decimal(0));        ///< nominal annual rate (0 = interest-free)
  schedule_shape shape = schedule_shape::level_payment;
  std::int64_t periods = 0;                          ///< instalments incl. grace/holidays (not for fixed_instalment/custom)
  frequency freq = frequency::monthly();
  date_roll roll{};                                  ///< anchor day / end-of-month rule for month steps
  std::optional<civil_date> start{};                   ///< interest starts (consummation); default: one period before first_due
  std::optional<civil_date> first_due{};               ///< first instalment; default: one period after start
  interest_method interest = interest_method::periodic;
  day_count_convention day_count = day_count_convention::act_365_fixed;  ///< for daily interest and stubs
  odd_period_interest odd_period = odd_period_interest::daily;
  rounding_mode interest_rounding = rounding_mode::half_up;  ///< each period's interest to the minor unit
  payment_rounding payment_round{};
  std::optional<money> instalment{};                 ///< fixed_instalment: the amount per period
  std::vector<money> custom_amounts{};                 ///< custom: the amount per period
  std::int64_t step_every = 12;                      ///< graduated: periods per step
  decimal step_rate = decimal(0);                    ///< graduated: growth per step (0.05 = +5%)
  std::optional<money> down_payment{};                 ///< paid at start, row 0
  std::optional<money> balloon{};                      ///< level_payment: residual paid with the last instalment
  std::optional<money> fee_per_instalment{};           ///< added to each instalment (fees column)
  std::int64_t interest_only_periods = 0;            ///< grace on principal: first n pay interest only
  std::int64_t payment_holiday_periods = 0;          ///< first n pay nothing; interest is capitalised
  std::optional<calendar> business_days{};             ///< adjust due dates to business days
  business_day_convention adjustment = business_day_convention::following;
};

/// Most instalments a schedule may have (a guard against terms that never clear).
inline constexpr std::int64_t max_schedule_periods = 10000;

[[nodiscard]] std::string_view to_string(schedule_shape s) noexcept;
[[nodiscard]] std::string_view to_string(interest_method m) noexcept;
[[nodiscard]] std::string_view to_string(odd_period_interest o) noexcept;
[[nodiscard]] std::string_view to_string(residue_placement r) noexcept;
[[nodiscard]] schedule_shape parse_schedule_shape(std::string_view name);
[[nodiscard]] interest_method parse_interest_method(std::string_view name);
[[nodiscard]] odd_period_interest parse_odd_period_interest(std::string_view name);
[[nodiscard]] residue_placement parse_residue_placement(std::string_view name);

}  // namespace recoup
