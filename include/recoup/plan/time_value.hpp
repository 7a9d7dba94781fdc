#pragma once
// recoup/plan/time_value.hpp — time value of money with numpy-financial's call shapes, in exact
// decimals: npv, pmt, ipmt, ppmt, pv, fv, nper, rate; and the recovery officer's solve_rate and
// solve_term.
//
// Precision: results are rounded once, half_even, to 28 significant digits (never more than 38
// decimal places) with trailing zeros removed. With a whole number of periods (up to a size
// limit) npv, pmt, ipmt, ppmt, pv and fv are computed as exact fractions first, so the only
// error is that one rounding; with fractional periods, and for nper and rate, the work is done
// in 100-digit arithmetic (detail/high_precision.hpp) before the same rounding.
//
// Sign convention (numpy-financial, Excel): money paid out is negative, money received positive;
// pmt(0.05/12, 360, 200000) is negative. `when` is payment_timing::end (ordinary annuity) or
// begin (annuity due).
//
//   recoup::pmt("0.005"_dec, 360, 200000);   // -1199.101050305504...
//   recoup::solve_term(money::parse("1000.00 GBP"), money::parse("50.00 GBP"), "0.05"_dec);  // 21

#include <cstdint>
#include <span>
#include <string>

#include "recoup/core/decimal.hpp"
#include "recoup/core/money.hpp"
#include "recoup/core/rounding.hpp"

namespace recoup {

/// When payments fall within each period.
enum class payment_timing : unsigned char { end, begin };

/// "end"/"begin" (also "0"/"1"); throws invalid_input_error "time_value.when".
payment_timing parse_payment_timing(const std::string& text);

/// Significant digits of every time-value result.
inline constexpr int time_value_digits = 28;

/// Net present value, numpy-financial style: values[0] at t = 0 (undiscounted), values[t] at t.
/// (Excel's NPV discounts the first value too: excel_npv = npv(rate, values) / (1 + rate).)
decimal npv(const decimal& rate, std::span<const decimal> values);

/// The level payment that turns present_value into future_value over nper periods.
decimal pmt(const decimal& rate, const decimal& nper, const decimal& present_value,
            const decimal& future_value = decimal{}, payment_timing when = payment_timing::end);
/// The interest part of payment number `per` (1..nper).
decimal ipmt(const decimal& rate, const decimal& per, const decimal& nper, const decimal& present_value,
             const decimal& future_value = decimal{}, payment_timing when = payment_timing::end);
/// The principal part of payment number `per` (1..nper): pmt - ipmt.
decimal ppmt(const decimal& rate, const decimal& per, const decimal& nper, const decimal& present_value,
             const decimal& future_value = decimal{}, payment_timing when = payment_timing::end);
/// Present value of a payment stream and a final value.
decimal pv(const decimal& rate, const decimal& nper, const decimal& payment, const decimal& future_value = decimal{},
           payment_timing when = payment_timing::end);
/// Future value of a present value and a payment stream.
decimal fv(const decimal& rate, const decimal& nper, const decimal& payment, const decimal& present_value,
           payment_timing when = payment_timing::end);
/// Number of periods (fractional in general). Throws invalid_input_error
/// "time_value.nper_no_solution" when the payment never gets there.
decimal nper(const decimal& rate, const decimal& payment, const decimal& present_value,
             const decimal& future_value = decimal{}, payment_timing when = payment_timing::end);
/// The periodic rate r > -1 solving fv + pv(1+r)^n + pmt(1+r*when)((1+r)^n - 1)/r = 0; the root
/// nearest zero when there are several. Throws no_convergence_error when none exists.
decimal rate(const decimal& nper, const decimal& payment, const decimal& present_value,
             const decimal& future_value = decimal{}, payment_timing when = payment_timing::end);

/// The annual nominal rate (periodic rate x periods_per_year) at which `periods` level payments
/// of `payment` (in arrears) repay `principal`; rounded half_even to `places` (12 by default).
/// Throws currency_mismatch_error, invalid_input_error ("rate.non_positive", "rate.periods").
decimal solve_rate(const money& principal, const money& payment, std::int64_t periods, int periods_per_year = 12,
                   int places = 12);

/// How many payments of `payment` (in arrears, the last one smaller or equal) repay `principal`
/// at `annual_rate` (a fraction, nominal: periodic rate = annual_rate / periods_per_year, exact).
/// Interest is not rounded period by period. Throws invalid_input_error "rate.payment_too_small"
/// (with the smallest payment that ever repays) when the payment does not exceed the interest.
std::int64_t solve_term(const money& principal, const money& payment, const decimal& annual_rate,
                        int periods_per_year = 12);

}  // namespace recoup
