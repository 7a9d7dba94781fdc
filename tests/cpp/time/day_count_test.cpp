#include <catch2/catch.hpp>

#include <string>

#include "recoup/time/day_count.hpp"

using recoup::civil_date;
using recoup::day_count_convention;
using recoup::day_count_fraction;
using recoup::day_count_options;
using dc = recoup::day_count_convention;

namespace {
civil_date d(const char* s) { return civil_date::parse(s); }
}  // namespace

TEST_CASE("30/360 day counts on ISDA's published example dates", "[time][day_count]") {
  // Rows: ISDA's 30/360 worked examples for the 2006 ISDA Definitions section 4.16(f)-(h)
  // (start, end, maturity 2009-02-28 for 30E/360 ISDA). Bond Basis is ISDA's own column; the
  // 30/360 US, 30E/360 and 30E/360 ISDA columns equal QuantLib 1.44 Thirty360(USA / European /
  // ISDA with terminationDate 2009-02-28) on the same dates.
  struct row {
    const char* start;
    const char* end;
    long us, bond, e, e_isda;
  };
  const row rows[] = {
      {"2007-01-15", "2007-01-30", 15, 15, 15, 15},     {"2007-01-15", "2007-02-15", 30, 30, 30, 30},
      {"2007-01-15", "2007-07-15", 180, 180, 180, 180}, {"2007-09-30", "2008-03-31", 180, 180, 180, 180},
      {"2007-09-30", "2007-10-31", 30, 30, 30, 30},     {"2007-09-30", "2008-09-30", 360, 360, 360, 360},
      {"2007-01-15", "2007-01-31", 16, 16, 15, 15},     {"2007-01-31", "2007-02-28", 28, 28, 28, 30},
      {"2007-02-28", "2007-03-31", 30, 33, 32, 30},     {"2006-08-31", "2007-02-28", 178, 178, 178, 180},
      {"2007-02-28", "2007-08-31", 180, 183, 182, 180}, {"2007-02-14", "2007-02-28", 14, 14, 14, 16},
      {"2007-02-26", "2008-02-29", 363, 363, 363, 364}, {"2008-02-29", "2009-02-28", 360, 359, 359, 358},
      {"2008-02-29", "2008-03-30", 30, 31, 31, 30},     {"2008-02-29", "2008-03-31", 30, 32, 31, 30},
      {"2007-02-28", "2007-03-05", 5, 7, 7, 5},         {"2007-10-31", "2007-11-28", 28, 28, 28, 28},
      {"2007-08-31", "2008-02-29", 179, 179, 179, 180}, {"2008-02-29", "2008-08-31", 180, 182, 181, 180},
      {"2008-08-31", "2009-02-28", 178, 178, 178, 178}, {"2009-02-28", "2009-08-31", 180, 183, 182, 180},
  };
  day_count_options maturity;
  maturity.maturity = d("2009-02-28");
  for (const auto& r : rows) {
    INFO(r.start << " .. " << r.end);
    CHECK(recoup::day_count_days(dc::thirty_360_us, d(r.start), d(r.end)) == r.us);
    CHECK(recoup::day_count_days(dc::thirty_360_bond_basis, d(r.start), d(r.end)) == r.bond);
    CHECK(recoup::day_count_days(dc::thirty_e_360, d(r.start), d(r.end)) == r.e);
    CHECK(recoup::day_count_days(dc::thirty_e_360_isda, d(r.start), d(r.end), maturity) == r.e_isda);
    CHECK(recoup::year_fraction(dc::thirty_360_bond_basis, d(r.start), d(r.end)) ==
          recoup::detail::make_fraction(r.bond, 360));
  }
  // Without a maturity the end date is not the maturity: its last day of February becomes 30.
  CHECK(recoup::day_count_days(dc::thirty_e_360_isda, d("2008-08-31"), d("2009-02-28")) == 180);
}

TEST_CASE("actual/actual on ISDA's examples (EMU and market conventions, 1998)", "[time][day_count]") {
  // ISDA, "EMU and Market Conventions: Recent Developments" (1998), section 4, the Actual/Actual
  // examples: ISDA and ICMA (then ISMA) results; QuantLib's test suite uses the same cases.
  struct row {
    const char* start;
    const char* end;
    const char* ref_start;
    const char* ref_end;
    int frequency;
    day_count_fraction isda;
    day_count_fraction icma;
    const char* icma_decimal;
  };
  const row rows[] = {
      // semi-annual regular period: 61/365 + 121/366 and 182/(2 × 182)
      {"2003-11-01", "2004-05-01", "2003-11-01", "2004-05-01", 2, {66491, 133590}, {1, 2}, "0.500000000000"},
      // short first period, annual: 150/365 for both
      {"1999-02-01", "1999-07-01", "1998-07-01", "1999-07-01", 1, {30, 73}, {30, 73}, "0.410958904110"},
      // long first period, semi-annual: ICMA 153/(2 × 184) + 1/2
      {"2002-08-15", "2003-07-15", "2003-01-15", "2003-07-15", 2, {334, 365}, {337, 368}, "0.915760869565"},
      // short final period, semi-annual, notional period to 2000-07-30: 152/(2 × 182)
      {"2000-01-30", "2000-06-30", "2000-01-30", "2000-07-30", 2, {76, 183}, {38, 91}, "0.417582417582"},
  };
  for (const auto& r : rows) {
    INFO(r.start << " .. " << r.end);
    CHECK(recoup::year_fraction(dc::act_act_isda, d(r.start), d(r.end)) == r.isda);
    day_count_options o;
    o.reference_start = d(r.ref_start);
    o.reference_end = d(r.ref_end);
    o.frequency = r.frequency;
    const auto f = recoup::year_fraction(dc::act_act_icma, d(r.start), d(r.end), o);
    CHECK(f == r.icma);
    CHECK(f.to_decimal(12, recoup::rounding_mode::half_even).to_string() == r.icma_decimal);
  }
  SECTION("start after end gives the negated fraction") {
    CHECK(recoup::year_fraction(dc::act_act_isda, d("2004-05-01"), d("2003-11-01")) ==
          day_count_fraction{-66491, 133590});
  }
}

TEST_CASE("actual day counts and exact fractions", "[time][day_count]") {
  CHECK(recoup::year_fraction(dc::act_360, d("2024-01-15"), d("2024-04-15")) == day_count_fraction{91, 360});
  CHECK(recoup::year_fraction(dc::act_365_fixed, d("2024-01-01"), d("2025-01-01")) == day_count_fraction{366, 365});
  CHECK(recoup::year_fraction(dc::act_act_isda, d("2024-01-01"), d("2025-01-01")) == day_count_fraction{1, 1});
  CHECK(recoup::year_fraction(dc::act_360, d("2024-04-15"), d("2024-01-15")) == day_count_fraction{-91, 360});
  CHECK(recoup::year_fraction(dc::act_360, d("2024-01-15"), d("2024-01-15")) == day_count_fraction{0, 1});
  CHECK(recoup::year_fraction(dc::thirty_360_us, d("2024-01-15"), d("2024-07-15")) == day_count_fraction{1, 2});
  CHECK(recoup::year_fraction(dc::act_360, d("2024-01-15"), d("2024-04-15"))
            .to_decimal(6, recoup::rounding_mode::half_even)
            .to_string() == "0.252778");
  CHECK(recoup::day_count_days(dc::act_act_isda, d("2023-12-01"), d("2024-03-01")) == 91);
}

TEST_CASE("day-count names parse case-insensitively", "[time][day_count]") {
  CHECK(recoup::parse_day_count("30/360") == dc::thirty_360_us);
  CHECK(recoup::parse_day_count("act/365f") == dc::act_365_fixed);
  CHECK(recoup::parse_day_count("Actual/365 (Fixed)") == dc::act_365_fixed);
  CHECK(recoup::parse_day_count("Actual/Actual (ICMA)") == dc::act_act_icma);
  CHECK(recoup::parse_day_count("30E/360 (ISDA)") == dc::thirty_e_360_isda);
  CHECK(recoup::parse_day_count("  bond   basis ") == dc::thirty_360_bond_basis);
  for (auto c : recoup::all_day_count_conventions) {
    CHECK(recoup::parse_day_count(recoup::to_string(c)) == c);
    CHECK(recoup::parse_day_count(recoup::enum_name(c)) == c);
  }
  CHECK_THROWS_WITH(recoup::parse_day_count("ACT/ACT"),
                    Catch::Contains("is ambiguous") && Catch::Contains("ACT/ACT ISDA"));
  CHECK_THROWS_WITH(recoup::parse_day_count("ACT/364"), Catch::Contains("'ACT/364' is not a convention"));
}

TEST_CASE("day-count options are required where used and refused elsewhere", "[time][day_count]") {
  CHECK_THROWS_WITH(recoup::year_fraction(dc::act_act_icma, d("2024-01-01"), d("2024-07-01")),
                    Catch::Contains("pass reference_start, reference_end and frequency"));
  day_count_options icma;
  icma.reference_start = d("2024-01-01");
  icma.reference_end = d("2024-07-01");
  icma.frequency = 4;
  CHECK_THROWS_WITH(recoup::year_fraction(dc::act_act_icma, d("2024-01-01"), d("2024-07-01"), icma),
                    Catch::Contains("is not one regular period of 3 months"));
  icma.frequency = 5;
  CHECK_THROWS_WITH(recoup::year_fraction(dc::act_act_icma, d("2024-01-01"), d("2024-07-01"), icma),
                    Catch::Contains("frequency 5"));
  icma.frequency = 2;
  CHECK_THROWS_AS(recoup::year_fraction(dc::act_360, d("2024-01-01"), d("2024-07-01"), icma),
                  recoup::invalid_input_error);
  CHECK_THROWS_WITH(recoup::year_fraction(dc::act_act_icma, d("2023-01-01"), d("2024-09-01"), icma),
                    Catch::Contains("starts before and ends after"));
  day_count_options maturity;
  maturity.maturity = d("2030-01-01");
  CHECK_THROWS_WITH(recoup::day_count_days(dc::thirty_360_us, d("2024-01-01"), d("2024-07-01"), maturity),
                    Catch::Contains("30/360 does not use a maturity date"));
}
