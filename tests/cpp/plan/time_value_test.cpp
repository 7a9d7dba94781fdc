// Time value of money: numpy-financial shapes in exact decimals (oracle: Python decimal, 80 digits).
#include "recoup/plan/time_value.hpp"

#include <vector>

#include "../support.hpp"

using namespace recoup;
using recoup::test::has_id;

namespace {
decimal dec(const char* s) { return decimal::parse(s); }
money gbp(const char* s) { return money(decimal::parse(s), currency("GBP")); }
}  // namespace

TEST_CASE("closed forms are exact fractions rounded once to 28 significant digits", "[rates][time_value]") {
  CHECK(pmt(dec("0.00625"), 180, 200000) == dec("-1854.024720005476247786907149"));
  CHECK(fv(dec("0.004"), 120, -100, -100) == dec("15524.64868464427231029673790"));
  // fv above was rounded to 28 digits, so pv comes back within 1e-23 of -100, not exactly
  CHECK((pv(dec("0.004"), 120, -100, dec("15524.64868464427231029673790")) + 100).abs() < dec("0.00000000000000000000001"));
  CHECK(ipmt(dec("0.01"), 1, 12, 1000) == dec("-10"));
  CHECK(ipmt(dec("0.01"), 2, 12, 1000) == dec("-9.211512113216582926600121688"));
  CHECK(ppmt(dec("0.01"), 12, 12, 1000) == dec("-87.96909770132842310889884280"));
  CHECK(ipmt(dec("0.01"), 1, 12, 1000, 0, payment_timing::begin) == dec("0"));
  SECTION("zero rate") {
    CHECK(pmt(0, 10, 1000) == dec("-100"));
    CHECK(fv(0, 10, -100, -100) == dec("1100"));
    CHECK(pv(0, 10, -100) == dec("1000"));
    CHECK(nper(0, -100, 1000) == dec("10"));
  }
  SECTION("fractional periods go through 100-digit arithmetic") {
    const decimal a = pmt(dec("0.01"), dec("12.5"), 1000);
    CHECK(a.is_negative());
    CHECK(a.digits() == 28);
  }
}

TEST_CASE("npv puts the first flow at t = 0 like numpy-financial", "[rates][time_value]") {
  const std::vector<decimal> v{-100, 39, 59, 55, 20};
  CHECK(npv(dec("0.281"), v) == dec("-0.008478591638426130744669709271"));
  const std::vector<decimal> one{dec("5.5")};
  CHECK(npv(dec("0.1"), one) == dec("5.5"));
  CHECK_THROWS_MATCHES(npv(dec("-1"), v), invalid_input_error, has_id("time_value.rate_domain"));
}

TEST_CASE("nper and rate solve the annuity equation", "[rates][time_value]") {
  const decimal n2 = nper(dec("0.005"), -150, 8000);
  CHECK(n2.rescale(10, rounding_mode::half_even) == dec("62.1859342158"));
  // (10000/3500)^(1/10) - 1 = 0.11069085371075280625...; numpy-financial's Newton stops at 1e-6
  // and prints 0.11069085371426901
  CHECK(rate(10, 0, -3500, 10000) == dec("0.1106908537107528062538259006"));
  CHECK(rate(24, dec("-230"), 5000).rescale(12, rounding_mode::half_even) ==
        dec("0.008071423385"));
  CHECK_THROWS_MATCHES(nper(dec("0.01"), -10, 1000), invalid_input_error, has_id("time_value.nper_no_solution"));
  CHECK_THROWS_MATCHES(rate(10, 100, 1000), no_convergence_error, has_id("rate.no_sign_change"));
  CHECK_THROWS_MATCHES(ipmt(dec("0.01"), 13, 12, 1000), invalid_input_error, has_id("time_value.period_range"));
  CHECK_THROWS_MATCHES(parse_payment_timing("middle"), invalid_input_error, has_id("time_value.when"));
}

TEST_CASE("solve_rate and solve_term answer the recovery officer's questions", "[rates][time_value]") {
  // 24 x 230 repaying 5000 monthly: 12 x the periodic rate (App J (c)(1)(i) without odd days).
  const decimal annual = solve_rate(gbp("5000.00"), gbp("230.00"), 24);
  CHECK(annual == dec("0.096857080623"));
  // the 12-place rate is a hair below the exact one, so 24 payments leave a sliver: 25 (the last tiny)
  CHECK(solve_term(gbp("5000.00"), gbp("230.00"), annual) == 25);
  CHECK(solve_term(gbp("5000.00"), gbp("230.00"), dec("0.0968")) == 24);
  CHECK(solve_term(gbp("5000.00"), gbp("230.00"), dec("0.0969")) == 25);
  CHECK(solve_term(gbp("1000.00"), gbp("50.00"), dec("0.05")) == 21);
  CHECK(solve_term(gbp("1000.00"), gbp("100.00"), 0) == 10);
  CHECK(solve_term(gbp("1000.00"), gbp("99.99"), 0) == 11);
  CHECK_THROWS_MATCHES(solve_term(gbp("1000.00"), gbp("4.00"), dec("0.06")), invalid_input_error,
                       has_id("rate.payment_too_small", "5.00"));
  CHECK_THROWS_AS(solve_rate(gbp("1000.00"), money(dec("100.00"), currency("USD")), 12), currency_mismatch_error);
  CHECK(solve_rate(gbp("1000.00"), gbp("50.00"), 20) == dec("0"));
  CHECK(solve_rate(gbp("1000.00"), gbp("40.00"), 20).is_negative());
}
