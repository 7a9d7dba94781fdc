// Tests of recoup/core/columns.hpp: columnar kernels over int64 minor units and per-row errors.
// Expected values were computed with Python's decimal module (quantize with ROUND_*).
#include "../support.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

using recoup::allocation_ratios;
using recoup::currency;
using recoup::decimal;
using recoup::remainder_policy;
using recoup::rounding_mode;
using recoup::row_errors;
using recoup::test::has_id;
using recoup::test::table_modes;
using namespace recoup::literals;
namespace columns = recoup::columns;

using column = std::vector<std::int64_t>;

namespace {
const currency usd("USD");

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }
}  // namespace

TEST_CASE("columns::sum overflows only at the final total", "[columns][sum]") {
  SECTION("intermediate totals beyond int64 are fine") {
    CHECK(columns::sum(column{INT64_MAX, 1, -1}) == INT64_MAX);
    CHECK(columns::sum(column{INT64_MIN, -1, 1}) == INT64_MIN);
    CHECK(columns::sum(column{INT64_MAX, INT64_MAX, INT64_MIN, INT64_MIN, 1}) == -1);
    CHECK(columns::sum(column{1000, 2550, -1}) == 3549);
    CHECK(columns::sum(column{}) == 0);
  }
  SECTION("a final total beyond int64 throws columns.sum_overflow") {
    REQUIRE_THROWS_MATCHES(columns::sum(column{INT64_MAX, 1}), recoup::overflow_error,
                           has_id("columns.sum_overflow", "9223372036854775808"));
    REQUIRE_THROWS_MATCHES(columns::sum(column{INT64_MIN, -1}), recoup::overflow_error,
                           has_id("columns.sum_overflow", "-9223372036854775809"));
    REQUIRE_THROWS_MATCHES(columns::sum(column(4, INT64_MAX)), recoup::overflow_error, has_id("columns.sum_overflow"));
  }
}

TEST_CASE("columns::allocate splits every row exactly", "[columns][allocation]") {
  const allocation_ratios thirds = allocation_ratios::equal(3);
  SECTION("row-major output; each row adds up") {
    const column amounts{1000, -1000, 1, 0};
    column out(12, -99);
    columns::allocate(amounts, thirds, remainder_policy::largest_remainder, out);
    CHECK(out == column{334, 333, 333, -334, -333, -333, 1, 0, 0, 0, 0, 0});
  }
  SECTION("the same kernel as money::allocate") {
    const allocation_ratios r{1, 2, 3};
    const column amounts{10000, 7};
    column out(6);
    columns::allocate(amounts, r, remainder_policy::last, out);
    const auto a = recoup::money::from_minor(10000, usd).allocate(r, remainder_policy::last);
    const auto b = recoup::money::from_minor(7, usd).allocate(r, remainder_policy::last);
    CHECK(out == column{a[0].minor_units(), a[1].minor_units(), a[2].minor_units(), b[0].minor_units(),
                        b[1].minor_units(), b[2].minor_units()});
  }
  SECTION("a wrong output shape is refused") {
    column out(5);
    REQUIRE_THROWS_MATCHES(columns::allocate(column{1, 2}, thirds, remainder_policy::first, out),
                           recoup::invalid_input_error, has_id("columns.shape"));
  }
  SECTION("bad rows are collected: zero output, the rest goes on") {
    const column amounts{300, INT64_MIN, 3};
    column out(9, -99);
    row_errors errors;
    columns::allocate(amounts, thirds, remainder_policy::first, out, &errors);
    CHECK(out == column{100, 100, 100, 0, 0, 0, 1, 1, 1});
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].row == 1);
    CHECK(errors[0].kind == recoup::error_kind::overflow);
    CHECK(errors[0].id == "allocation.overflow");
    CHECK(errors[0].message.find("most negative") != std::string::npos);
  }
  SECTION("without an error list the first bad row throws with 'row N: '") {
    column out(9);
    REQUIRE_THROWS_MATCHES(columns::allocate(column{300, 3, INT64_MIN}, thirds, remainder_policy::first, out),
                           recoup::overflow_error, has_id("allocation.overflow", "row 2: "));
    try {
      columns::allocate(column{300, 3, INT64_MIN}, thirds, remainder_policy::first, out);
      FAIL("no exception");
    } catch (const recoup::error& e) {
      CHECK(starts_with(e.what(), "row 2: cannot allocate the most negative"));
    }
  }
}

TEST_CASE("columns::round_to_increment rounds every row", "[columns][rounding]") {
  const column in{102, 103, 105, 115, -105, 0, 7, -7};
  const std::array<column, 7> expected{{
      {100, 100, 100, 120, -100, 0, 10, -10},  // half_even
      {100, 100, 110, 120, -110, 0, 10, -10},  // half_up
      {100, 100, 100, 110, -100, 0, 10, -10},  // half_down
      {110, 110, 110, 120, -110, 0, 10, -10},  // up
      {100, 100, 100, 110, -100, 0, 0, 0},     // down
      {110, 110, 110, 120, -100, 0, 10, 0},    // ceiling
      {100, 100, 100, 110, -110, 0, 0, -10},   // floor
  }};
  for (std::size_t i = 0; i < table_modes.size(); ++i) {
    INFO("mode " << recoup::to_string(table_modes[i]));
    column out(in.size());
    columns::round_to_increment(in, 10, table_modes[i], out);
    CHECK(out == expected[i]);
  }
  SECTION("errors") {
    column out(2);
    REQUIRE_THROWS_MATCHES(columns::round_to_increment(column{1, 2}, 0, rounding_mode::up, out),
                           recoup::invalid_input_error, has_id("money.increment"));
    REQUIRE_THROWS_MATCHES(columns::round_to_increment(column{1}, 5, rounding_mode::up, out),
                           recoup::invalid_input_error, has_id("columns.shape"));
    row_errors errors;
    column out3(3, -99);
    columns::round_to_increment(column{7, INT64_MAX, -7}, 5, rounding_mode::up, out3, &errors);
    CHECK(out3 == column{10, 0, -10});
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].row == 1);
    CHECK(errors[0].id == "money.overflow");
    REQUIRE_THROWS_MATCHES(columns::round_to_increment(column{7, INT64_MAX, -7}, 5, rounding_mode::up, out3),
                           recoup::overflow_error, has_id("money.overflow", "row 1: "));
  }
}

TEST_CASE("columns::multiply rounds every product", "[columns][multiply]") {
  const column in{12345, -12345, 5, -5, 0};
  struct row {
    const char* factor;
    std::array<column, 7> expected;
  };
  const row rows[] = {
      {"0.5",
       {{{6172, -6172, 2, -2, 0},
         {6173, -6173, 3, -3, 0},
         {6172, -6172, 2, -2, 0},
         {6173, -6173, 3, -3, 0},
         {6172, -6172, 2, -2, 0},
         {6173, -6172, 3, -2, 0},
         {6172, -6173, 2, -3, 0}}}},
      // coefficient 10^19 + 1 does not fit 64 bits: the wide path
      {"1.0000000000000000001",
       {{{12345, -12345, 5, -5, 0},
         {12345, -12345, 5, -5, 0},
         {12345, -12345, 5, -5, 0},
         {12346, -12346, 6, -6, 0},
         {12345, -12345, 5, -5, 0},
         {12346, -12345, 6, -5, 0},
         {12345, -12346, 5, -6, 0}}}},
      {"-0.125",
       {{{-1543, 1543, -1, 1, 0},
         {-1543, 1543, -1, 1, 0},
         {-1543, 1543, -1, 1, 0},
         {-1544, 1544, -1, 1, 0},
         {-1543, 1543, 0, 0, 0},
         {-1543, 1544, 0, 1, 0},
         {-1544, 1543, -1, 0, 0}}}},
  };
  for (const auto& r : rows) {
    for (std::size_t i = 0; i < table_modes.size(); ++i) {
      INFO("factor " << r.factor << ", mode " << recoup::to_string(table_modes[i]));
      column out(in.size());
      columns::multiply(in, decimal::parse(r.factor), table_modes[i], out);
      CHECK(out == r.expected[i]);
    }
  }
  SECTION("overflowing rows") {
    row_errors errors;
    column out(3, -99);
    columns::multiply(column{1, INT64_MAX, 2}, 2, rounding_mode::half_even, out, &errors);
    CHECK(out == column{2, 0, 4});
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].row == 1);
    CHECK(errors[0].kind == recoup::error_kind::overflow);
    column wide_out(2, -99);
    errors.clear();
    columns::multiply(column{INT64_MAX, 3}, "2.0000000000000000000"_dec, rounding_mode::down, wide_out, &errors);
    CHECK(wide_out == column{0, 6});
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].id == "money.overflow");
    REQUIRE_THROWS_MATCHES(columns::multiply(column{1, INT64_MAX}, 2, rounding_mode::down, wide_out),
                           recoup::overflow_error, has_id("money.overflow", "row 1: "));
    REQUIRE_THROWS_MATCHES(columns::multiply(column{1, 2}, 2, rounding_mode::down, out), recoup::invalid_input_error,
                           has_id("columns.shape"));
  }
}

TEST_CASE("columns::parse_minor and format_minor are the money text kernels", "[columns][parse]") {
  const currency jpy("JPY");
  const currency clf("CLF");
  SECTION("parse_minor") {
    CHECK(columns::parse_minor("12.34", usd, std::nullopt) == 1234);
    CHECK(columns::parse_minor("-0.05", usd, std::nullopt) == -5);
    CHECK(columns::parse_minor("100", jpy, std::nullopt) == 100);
    CHECK(columns::parse_minor("1.005", usd, rounding_mode::half_up) == 101);
    CHECK(columns::parse_minor("1.005", usd, rounding_mode::half_even) == 100);
    CHECK(columns::parse_minor("-1.005", usd, rounding_mode::floor) == -101);
    REQUIRE_THROWS_MATCHES(columns::parse_minor("1.005", usd, std::nullopt), recoup::invalid_input_error,
                           has_id("money.excess_precision"));
    REQUIRE_THROWS_MATCHES(columns::parse_minor("abc", usd, std::nullopt), recoup::invalid_input_error,
                           has_id("decimal.syntax"));
    // A spreadsheet's "1E+05" in an amount column is refused, not read as 100000.00.
    REQUIRE_THROWS_MATCHES(columns::parse_minor("1E+05", usd, std::nullopt), recoup::invalid_input_error,
                           has_id("money.exponent_notation"));
    REQUIRE_THROWS_MATCHES(columns::parse_minor("92233720368547758.08", usd, std::nullopt), recoup::overflow_error,
                           has_id("money.overflow"));
    REQUIRE_THROWS_MATCHES(columns::parse_minor("1", currency("XAU"), std::nullopt), recoup::invalid_input_error,
                           has_id("money.no_minor_unit"));
  }
  SECTION("format_minor") {
    CHECK(columns::format_minor(1234, usd) == "12.34");
    CHECK(columns::format_minor(-5, usd) == "-0.05");
    CHECK(columns::format_minor(100, jpy) == "100");
    CHECK(columns::format_minor(1, clf) == "0.0001");
    CHECK(columns::format_minor(INT64_MIN, usd) == "-92233720368547758.08");
    REQUIRE_THROWS_MATCHES(columns::format_minor(1, currency("XAU")), recoup::invalid_input_error,
                           has_id("money.no_minor_unit"));
  }
  SECTION("format then parse is the identity") {
    for (std::int64_t v : {std::int64_t{0}, std::int64_t{1}, std::int64_t{-1}, std::int64_t{123456789}, INT64_MAX, INT64_MIN})
      for (const currency& c : {usd, jpy, clf}) CHECK(columns::parse_minor(columns::format_minor(v, c), c, std::nullopt) == v);
  }
}

TEST_CASE("per-row errors keep their kind and id and name the row", "[columns][errors]") {
  const column in{5, INT64_MAX, 5, INT64_MIN};
  column out(4);
  SECTION("collected in row order") {
    row_errors errors;
    columns::round_to_increment(in, 10, rounding_mode::up, out, &errors);
    REQUIRE(errors.size() == 2);
    CHECK(errors[0].row == 1);
    CHECK(errors[1].row == 3);
    for (const auto& e : errors) {
      CHECK(e.kind == recoup::error_kind::overflow);
      CHECK(e.id == "money.overflow");
      CHECK_FALSE(starts_with(e.message, "row "));  // the row is in .row, not repeated
    }
    CHECK(out == column{10, 0, 10, 0});
  }
  SECTION("thrown with the same type, kind and id") {
    try {
      columns::round_to_increment(in, 10, rounding_mode::up, out);
      FAIL("no exception");
    } catch (const recoup::overflow_error& e) {
      CHECK(e.kind() == recoup::error_kind::overflow);
      CHECK(e.id() == "money.overflow");
      CHECK(starts_with(e.what(), "row 1: "));
      CHECK(std::string(e.what()).find("9223372036854775807") != std::string::npos);
    }
  }
}
