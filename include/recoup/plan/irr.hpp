#pragma once
// recoup/plan/irr.hpp — internal rates of return: periodic (irr, irr_all) and dated (xnpv, xirr).
//
// Root choice (deterministic): the NPV is scanned for sign changes on a fixed grid of 63 rates
// from -0.999999999999 to 10^15 (dense near zero); each bracket is refined to a width below 1e-45 with
// Newton steps kept inside it. irr() returns the root nearest zero (a tie goes to the positive
// one); irr_all() returns every root found, in increasing order. Two roots closer together than
// the grid spacing are not seen. No sign change -> no_convergence_error.
//
// Dated flows follow Excel's XNPV/XIRR: time in years = (date - first flow's date) / 365
// (Actual/365 fixed, leap days counted as days); the first flow's date is t = 0 and no flow may
// be earlier.
//
// Results: 28 significant digits, half_even, trailing zeros removed.
//
//   std::vector<recoup::decimal> v{-100, 39, 59, 55, 20};
//   recoup::irr(v);   // 0.2809484211599611...

#include <span>
#include <vector>

#include "recoup/core/decimal.hpp"
#include "recoup/plan/cash_flow.hpp"

namespace recoup {

/// The internal rate of return of values[t] at periods t = 0, 1, ... (root nearest zero).
decimal irr(std::span<const decimal> values);
/// Every real IRR found in (-1, 10^15], increasing. Empty when the NPV never changes sign.
std::vector<decimal> irr_all(std::span<const decimal> values);
/// NPV of dated flows at an annual rate, Actual/365 from the first flow's date.
decimal xnpv(const decimal& rate, std::span<const dated_value> flows);
/// The annual rate at which xnpv is zero (root nearest zero).
decimal xirr(std::span<const dated_value> flows);
/// Every root of xnpv found in (-1, 10^15], increasing.
std::vector<decimal> xirr_all(std::span<const dated_value> flows);

}  // namespace recoup
