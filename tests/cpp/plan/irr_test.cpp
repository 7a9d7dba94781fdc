// IRR, XNPV and XIRR: deterministic root choice, every root on request, Excel's XIRR example.
#include "recoup/plan/irr.hpp"

#include <vector>

#include "../support.hpp"

using namespace recoup;
using recoup::test::has_id;

namespace {
decimal dec(const char* s) { return decimal::parse(s); }
civil_date d(int y, int m, int day) { return civil_date::from_ymd(y, m, day); }
}  // namespace

TEST_CASE("irr picks the root nearest zero and irr_all lists every root", "[rates][irr]") {
  const std::vector<decimal> v{-100, 39, 59, 55, 20};
  CHECK(irr(v).rescale(16, rounding_mode::half_even) == dec("0.2809484211599611"));  // numpy-financial docs
  CHECK(irr(v).digits() == 28);
  // (1+r)^2 - 2.5(1+r) + 1.5 = 0 has roots r = 0 and r = 0.5: -1, 2.5, -1.5
  const std::vector<decimal> two{-1, dec("2.5"), dec("-1.5")};
  const auto roots = irr_all(two);
  REQUIRE(roots.size() == 2);
  CHECK(roots[0] == dec("0"));
  CHECK(roots[1] == dec("0.5"));
  CHECK(irr(two) == dec("0"));
  const std::vector<decimal> flat{-100, 100};
  CHECK(irr(flat) == dec("0"));
  const std::vector<decimal> positive{100, 100};
  CHECK_THROWS_MATCHES(irr(positive), no_convergence_error, has_id("irr.no_sign_change", "positive and one negative"));
  CHECK(irr_all(positive).empty());
  CHECK_THROWS_MATCHES(irr(std::vector<decimal>{}), invalid_input_error, has_id("irr.no_values"));
  CHECK_THROWS_MATCHES(irr(std::vector<decimal>{0, 0}), invalid_input_error, has_id("rate.indeterminate"));
  // 12 x 100 against 1000: numpy-financial 0.029228540769133504
  const std::vector<decimal> big{-1000, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100};
  CHECK(irr(big).rescale(12, rounding_mode::half_even) == dec("0.029228540769"));
}

TEST_CASE("xirr reproduces Excel's documented example (Actual/365)", "[rates][irr]") {
  // Microsoft XIRR help (and KB Q116041): -10000, 2750, 4250, 3250, 2750 -> 0.373362535
  const std::vector<dated_value> flows{{d(2008, 1, 1), -10000},
                                       {d(2008, 3, 1), 2750},
                                       {d(2008, 10, 30), 4250},
                                       {d(2009, 2, 15), 3250},
                                       {d(2009, 4, 1), 2750}};
  // The exact root is 0.3733625335188315103...; Excel stops iterating within 0.000001% and shows
  // 0.373362535, so the two agree to 8 places.
  const decimal r = xirr(flows);
  CHECK(r == dec("0.3733625335188315103084554119"));
  CHECK(r.rescale(8, rounding_mode::half_even) == dec("0.37336253"));
  CHECK(xnpv(r, flows).abs() < dec("0.000000000000000000001"));
  // Excel XNPV help: 9% -> 2086.647602
  const std::vector<dated_value> x{{d(2008, 1, 1), -10000},
                                   {d(2008, 3, 1), 2750},
                                   {d(2008, 10, 30), 4250},
                                   {d(2009, 2, 15), 3250},
                                   {d(2009, 4, 1), 2750}};
  CHECK(xnpv(dec("0.09"), x).rescale(6, rounding_mode::half_even) == dec("2086.647602"));
  const std::vector<dated_value> backwards{{d(2008, 3, 1), 2750}, {d(2008, 1, 1), -10000}};
  CHECK_THROWS_MATCHES(xirr(backwards), invalid_input_error, has_id("irr.date_before_start"));
}
