// Tests of recoup::decimal (recoup/core/decimal.hpp). Expected values were computed with
// Python's decimal module (getcontext().prec = 500, quantize with the matching ROUND_* constant).
#include "../support.hpp"

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <unordered_set>

using recoup::decimal;
using recoup::rounding_mode;
using recoup::test::has_id;
using recoup::test::table_modes;
using namespace recoup::literals;

namespace {

struct parse_row {
  const char* text;
  const char* canonical;
  int scale;
};

struct bad_row {
  const char* text;
  const char* why;  // a fragment of the message
};

// Expected results per mode, in the order of table_modes.
struct binary_row {
  const char* a;
  const char* b;
  int scale;
  std::array<const char*, 7> expected;
};

struct rescale_row {
  const char* value;
  int scale;
  std::array<const char*, 7> expected;
};

struct double_row {
  double value;
  int places;
  std::array<const char*, 7> expected;
};

const std::string max38 = "99999999999999999999999999999999999999";  // 10^38 - 1

}  // namespace

TEST_CASE("decimal parses the accepted text forms", "[decimal][parse]") {
  SECTION("plain, signed, fractional, exponent and leading-zero forms") {
    const parse_row rows[] = {
        {"123", "123", 0},
        {"-0.05", "-0.05", 2},
        {"+1.50", "1.50", 2},
        {".5", "0.5", 1},
        {"5.", "5", 0},
        {"1.2E+3", "1200", 0},
        {"1.2e3", "1200", 0},
        {"12e-4", "0.0012", 4},
        {"-12E-4", "-0.0012", 4},
        {"007", "7", 0},
        {"0.000", "0.000", 3},
        {"-0", "0", 0},
        {"1E-38", "0.00000000000000000000000000000000000001", 38},
        {"9.9e37", "99000000000000000000000000000000000000", 0},
        {"0e5000", "0", 0},
    };
    for (const auto& row : rows) {
      INFO("text: " << row.text);
      const decimal d = decimal::parse(row.text);
      CHECK(d.to_string() == row.canonical);
      CHECK(d.scale() == row.scale);
    }
  }

  SECTION("38 significant digits fit, with or without leading zeros") {
    CHECK(decimal::parse(max38).to_string() == max38);
    CHECK(decimal::parse("-" + max38).to_string() == "-" + max38);
    CHECK(decimal::parse("000" + max38).to_string() == max38);
    CHECK(decimal::parse("0." + max38).scale() == 38);
    CHECK(decimal::parse(max38).coefficient() == decimal::max_coefficient);
  }

  SECTION("fractional zeros beyond 38 digits are dropped, which is exact") {
    // 1 followed by 41 fractional zeros: only 37 of them fit next to the 1.
    const decimal d = decimal::parse("1." + std::string(41, '0'));
    CHECK(d == decimal(1));
    CHECK(d.scale() == 37);
    CHECK(d.digits() == 38);
  }

  SECTION("the string constructors and the literal parse the same way") {
    CHECK(decimal("12.34").to_string() == "12.34");
    CHECK(decimal(std::string_view("-7.5")).to_string() == "-7.5");
    CHECK("0.0525"_dec.to_string() == "0.0525");
    CHECK("0.0525"_dec.scale() == 4);
  }
}

TEST_CASE("decimal refuses malformed text with decimal.syntax", "[decimal][parse][errors]") {
  const bad_row rows[] = {
      {"", "empty"},
      {"abc", "unexpected character"},
      {"1.2.3", "more than one decimal point"},
      {"1 000", "white space"},
      {" 1", "white space"},
      {"1 ", "white space"},
      {"1,000", "thousands separators"},
      {"1_000", "thousands separators"},
      {"1'000", "thousands separators"},
      {"--1", "unexpected character"},
      {"+-1", "unexpected character"},
      {"+", "no digits"},
      {"-", "no digits"},
      {".", "no digits"},
      {"e5", "no digits"},
      {"1e", "exponent has no digits"},
      {"1e+", "exponent has no digits"},
      {"1e-", "exponent has no digits"},
      {"1e1.5", "exponent must be digits after at most one sign"},
      {"1e5x", "exponent must be digits after at most one sign"},
      // Two signs in the exponent (found by fuzzing; Python's decimal refuses them too).
      {"100E+-5", "exponent must be digits after at most one sign"},
      {"1E+-5", "exponent must be digits after at most one sign"},
      {"1e-+5", "exponent must be digits after at most one sign"},
      {"1e--5", "exponent must be digits after at most one sign"},
      {"1e++5", "exponent must be digits after at most one sign"},
      {"0.000E+-500000000000000001", "exponent must be digits after at most one sign"},
      {"1e 5", "exponent must be digits after at most one sign"},
      {"12a", "unexpected character"},
      {"0x10", "unexpected character"},
      {"1.5%", "unexpected character"},
  };
  for (const auto& row : rows) {
    INFO("text: '" << row.text << "'");
    REQUIRE_THROWS_MATCHES(decimal::parse(row.text), recoup::invalid_input_error, has_id("decimal.syntax", row.why));
  }

  SECTION("the message quotes the bad text") {
    REQUIRE_THROWS_MATCHES(decimal::parse("12a"), recoup::error, has_id("decimal.syntax", "'12a'"));
  }

  SECTION("the literal throws like parse") {
    REQUIRE_THROWS_MATCHES("1..2"_dec, recoup::invalid_input_error, has_id("decimal.syntax"));
  }
}

TEST_CASE("decimal refuses NaN and Infinity", "[decimal][parse][errors]") {
  const char* texts[] = {"NaN", "nan", "-NaN", "sNaN", "Infinity", "-Infinity", "+Infinity", "inf", "Inf"};
  for (const char* t : texts) {
    INFO("text: " << t);
    REQUIRE_THROWS_MATCHES(decimal::parse(t), recoup::invalid_input_error, has_id("decimal.syntax", "NaN and Infinity"));
  }
}

TEST_CASE("decimal refuses more than 38 digits with decimal.too_many_digits", "[decimal][parse][errors]") {
  SECTION("39 significant digits") {
    REQUIRE_THROWS_MATCHES(decimal::parse("1" + max38), recoup::overflow_error, has_id("decimal.too_many_digits"));
    REQUIRE_THROWS_MATCHES(decimal::parse("-123456789012345678901234567890123456789"), recoup::overflow_error,
                           has_id("decimal.too_many_digits"));
    REQUIRE_THROWS_MATCHES(decimal::parse("12345678901234567890123456789012345678.5"), recoup::overflow_error,
                           has_id("decimal.too_many_digits"));
  }
  SECTION("an exponent of any length is read exactly: zero stays zero, others overflow") {
    CHECK(decimal::parse("0E+99999999999999999999999") == decimal(0));
    CHECK(decimal::parse("-0.0e-99999999999999999999999") == decimal(0));
    REQUIRE_THROWS_MATCHES(decimal::parse("1e99999999999999999999999"), recoup::overflow_error,
                           has_id("decimal.too_many_digits"));
    REQUIRE_THROWS_MATCHES(decimal::parse("1e-99999999999999999999999"), recoup::overflow_error,
                           has_id("decimal.too_many_digits"));
  }
  SECTION("10^38 written with an exponent") {
    REQUIRE_THROWS_MATCHES(decimal::parse("1e38"), recoup::overflow_error, has_id("decimal.too_many_digits"));
    REQUIRE_THROWS_MATCHES(decimal::parse("1e1001"), recoup::overflow_error, has_id("decimal.too_many_digits"));
  }
  SECTION("more than 38 decimal places") {
    REQUIRE_THROWS_MATCHES(decimal::parse("0." + std::string(38, '0') + "1"), recoup::overflow_error,
                           has_id("decimal.too_many_digits"));
    REQUIRE_THROWS_MATCHES(decimal::parse("1e-39"), recoup::overflow_error, has_id("decimal.too_many_digits"));
  }
}

TEST_CASE("decimal text round-trips and keeps its scale", "[decimal][format]") {
  SECTION("to_string of parse is the identity on canonical text") {
    const char* texts[] = {"0",      "1",         "-1",    "1.10",   "-0.05",  "0.000",  "123456.789",
                           "100",    "0.0000001", "-42.0", "3.1416", "1000000000000000000000000000000000000",
                           "0.00000000000000000000000000000000000001", "-99999999999999999999999999999999999999"};
    for (const char* t : texts) {
      INFO("text: " << t);
      CHECK(decimal::parse(t).to_string() == t);
      CHECK(decimal::parse(decimal::parse(t).to_string()) == decimal::parse(t));
    }
  }

  SECTION("1.10 keeps two places through exact arithmetic") {
    const decimal d = "1.10"_dec;
    CHECK(d.scale() == 2);
    CHECK(d.to_string() == "1.10");
    CHECK((d + 0).to_string() == "1.10");
    CHECK((d + "2.305"_dec).to_string() == "3.405");
    CHECK((d * 1).to_string() == "1.10");
  }

  SECTION("from_parts places the point") {
    CHECK(decimal::from_parts(12345, 2).to_string() == "123.45");
    CHECK(decimal::from_parts(-5, 3).to_string() == "-0.005");
    CHECK(decimal::from_parts(0, 2).to_string() == "0.00");
    REQUIRE_THROWS_MATCHES(decimal::from_parts(1, -1), recoup::invalid_input_error, has_id("decimal.scale"));
    REQUIRE_THROWS_MATCHES(decimal::from_parts(1, 39), recoup::invalid_input_error, has_id("decimal.scale"));
    REQUIRE_THROWS_MATCHES(decimal::from_parts(decimal::max_coefficient + 1, 0), recoup::overflow_error,
                           has_id("decimal.too_many_digits"));
  }

  SECTION("integers convert exactly, including the int64 and uint64 extremes") {
    CHECK(decimal(std::numeric_limits<std::int64_t>::min()).to_string() == "-9223372036854775808");
    CHECK(decimal(std::numeric_limits<std::uint64_t>::max()).to_string() == "18446744073709551615");
    CHECK(decimal(0).to_string() == "0");
    CHECK(decimal().is_zero());
  }

  SECTION("normalized drops trailing fractional zeros only") {
    CHECK("1.500"_dec.normalized().to_string() == "1.5");
    CHECK("100"_dec.normalized().to_string() == "100");
    CHECK("0.000"_dec.normalized().to_string() == "0");
    CHECK("0.000"_dec.normalized().scale() == 0);
    CHECK("-2.0"_dec.normalized().to_string() == "-2");
  }

  SECTION("predicates") {
    CHECK("1.00"_dec.is_integer());
    CHECK_FALSE("1.01"_dec.is_integer());
    CHECK("-0.5"_dec.is_negative());
    CHECK("-0.5"_dec.signum() == -1);
    CHECK("0.00"_dec.signum() == 0);
    CHECK("0.01"_dec.signum() == 1);
    CHECK("0"_dec.digits() == 1);
    CHECK("-123.45"_dec.digits() == 5);
    CHECK((-"1.5"_dec).to_string() == "-1.5");
    CHECK("-1.50"_dec.abs().to_string() == "1.50");
  }
}

TEST_CASE("decimal compares and hashes by value across scales", "[decimal][compare]") {
  SECTION("1.5 == 1.50 and they hash alike") {
    CHECK("1.5"_dec == "1.50"_dec);
    CHECK("1.5"_dec.hash() == "1.50"_dec.hash());
    CHECK(std::hash<decimal>{}("100"_dec) == std::hash<decimal>{}("100.000"_dec));
    CHECK(std::hash<decimal>{}("0"_dec) == std::hash<decimal>{}("0.00"_dec));
    const std::unordered_set<decimal> set{"1.5"_dec, "1.50"_dec, "1.500"_dec, "-1.5"_dec, "0"_dec, "0.0"_dec};
    CHECK(set.size() == 3);
  }
  SECTION("ordering") {
    CHECK("1.5"_dec < "1.51"_dec);
    CHECK("-1.5"_dec < "1.5"_dec);
    CHECK("-1.51"_dec < "-1.5"_dec);
    CHECK("0.001"_dec > "0"_dec);
    CHECK("2"_dec > "1.999999999999"_dec);
    CHECK(("1.5"_dec <=> "1.50"_dec) == std::strong_ordering::equal);
    CHECK("1.5"_dec != "1.51"_dec);
  }
  SECTION("values whose common scale does not fit 128 bits") {
    const decimal big = decimal::parse("1" + std::string(37, '0'));  // 10^37, scale 0
    const decimal tiny = "0.01"_dec;                                 // 10^37 * 10^2 overflows int128
    CHECK(big > tiny);
    CHECK(tiny < big);
    CHECK(-big < tiny);
    CHECK(-big < -tiny);
    CHECK(big != tiny);
    CHECK(decimal::parse(max38) > decimal::parse("999999999999999999999999999999999999.99"));
  }
}

TEST_CASE("decimal +, - and * are exact", "[decimal][arithmetic]") {
  SECTION("sums and differences") {
    CHECK(("0.1"_dec + "0.2"_dec) == "0.3"_dec);
    CHECK(("0.1"_dec + "0.2"_dec).to_string() == "0.3");
    CHECK(("1"_dec - "0.01"_dec).to_string() == "0.99");
    CHECK(("-5.25"_dec + "5.25"_dec).to_string() == "0.00");
    CHECK(("1.10"_dec - "2.305"_dec).to_string() == "-1.205");
    decimal d = "1"_dec;
    d += "0.5"_dec;
    d -= "0.25"_dec;
    CHECK(d.to_string() == "1.25");
  }
  SECTION("products keep the sum of the scales") {
    CHECK(("1.10"_dec * "2.5"_dec).to_string() == "2.750");
    CHECK(("-3.5"_dec * 2).to_string() == "-7.0");
    CHECK(("0.5"_dec * "0.2"_dec).to_string() == "0.10");
    CHECK(("123.456"_dec * "-7.89"_dec).to_string() == "-974.06784");
    decimal d = "1.5"_dec;
    d *= "1.5"_dec;
    CHECK(d.to_string() == "2.25");
  }
  SECTION("a result over 38 digits sheds trailing fractional zeros when that is exact") {
    const decimal a = decimal::parse("0." + max38);                    // 38 nines at scale 38
    const decimal b = decimal::parse("0." + std::string(37, '0') + "1");  // 10^-38
    const decimal s = a + b;
    CHECK(s == 1);
    CHECK(s.scale() == 37);
    // 10^-37 * 10^-1 would have scale 39; the product 1.0e-38 drops its trailing zero.
    const decimal p = decimal::parse("0." + std::string(36, '0') + "10") * "0.1"_dec;
    CHECK(p == b);
    CHECK(p.scale() == 38);
  }
  SECTION("results beyond 38 digits throw decimal.overflow") {
    const decimal m = decimal::parse(max38);
    REQUIRE_THROWS_MATCHES(m + 1, recoup::overflow_error, has_id("decimal.overflow", "decimal addition"));
    REQUIRE_THROWS_MATCHES(-m - 1, recoup::overflow_error, has_id("decimal.overflow", "decimal subtraction"));
    REQUIRE_THROWS_MATCHES(m * 10, recoup::overflow_error, has_id("decimal.overflow", "decimal multiplication"));
    REQUIRE_THROWS_MATCHES(m * "0.5"_dec, recoup::overflow_error, has_id("decimal.overflow"));
    REQUIRE_THROWS_MATCHES("1e-38"_dec * "1e-38"_dec, recoup::overflow_error, has_id("decimal.overflow"));
    REQUIRE_THROWS_MATCHES(m + "0.1"_dec, recoup::overflow_error, has_id("decimal.overflow"));
    CHECK_NOTHROW(m - 1);
    CHECK((m - m).is_zero());
  }
}

TEST_CASE("decimal divide rounds with every mode like Python's quantize", "[decimal][divide][rounding]") {
  const binary_row rows[] = {
      {"1", "3", 2, {"0.33", "0.33", "0.33", "0.34", "0.33", "0.34", "0.33"}},
      {"2", "3", 2, {"0.67", "0.67", "0.67", "0.67", "0.66", "0.67", "0.66"}},
      {"-2", "3", 2, {"-0.67", "-0.67", "-0.67", "-0.67", "-0.66", "-0.66", "-0.67"}},
      {"1", "8", 2, {"0.12", "0.13", "0.12", "0.13", "0.12", "0.13", "0.12"}},
      {"-1", "8", 2, {"-0.12", "-0.13", "-0.12", "-0.13", "-0.12", "-0.12", "-0.13"}},
      {"5", "2", 0, {"2", "3", "2", "3", "2", "3", "2"}},
      {"7", "2", 0, {"4", "4", "3", "4", "3", "4", "3"}},
      {"-5", "2", 0, {"-2", "-3", "-2", "-3", "-2", "-2", "-3"}},
      {"-7", "2", 0, {"-4", "-4", "-3", "-4", "-3", "-3", "-4"}},
      {"1", "-8", 2, {"-0.12", "-0.13", "-0.12", "-0.13", "-0.12", "-0.12", "-0.13"}},
      {"0.0525", "365", 10,
       {"0.0001438356", "0.0001438356", "0.0001438356", "0.0001438357", "0.0001438356", "0.0001438357", "0.0001438356"}},
      {"-1", "3", 0, {"0", "0", "0", "-1", "0", "0", "-1"}},
      {"1", "7", 20,
       {"0.14285714285714285714", "0.14285714285714285714", "0.14285714285714285714", "0.14285714285714285715",
        "0.14285714285714285714", "0.14285714285714285715", "0.14285714285714285714"}},
      {"0.001", "3", 5, {"0.00033", "0.00033", "0.00033", "0.00034", "0.00033", "0.00034", "0.00033"}},
      {"123.45", "0.6", 1, {"205.8", "205.8", "205.7", "205.8", "205.7", "205.8", "205.7"}},
      {"-0.5", "-0.4", 0, {"1", "1", "1", "2", "1", "2", "1"}},
  };
  for (const auto& row : rows) {
    for (std::size_t m = 0; m < table_modes.size(); ++m) {
      INFO(row.a << " / " << row.b << " at " << row.scale << " places, " << recoup::to_string(table_modes[m]));
      const decimal q = recoup::divide(decimal::parse(row.a), decimal::parse(row.b), row.scale, table_modes[m]);
      CHECK(q.to_string() == row.expected[m]);
      CHECK(q.scale() == row.scale);
    }
  }

  SECTION("38 places of 1/7 fit; 38 places of 22/7 do not") {
    CHECK(recoup::divide(1, 7, 38, rounding_mode::half_even).to_string() ==
          "0.14285714285714285714285714285714285714");
    REQUIRE_THROWS_MATCHES(recoup::divide(22, 7, 38, rounding_mode::half_even), recoup::overflow_error,
                           has_id("decimal.overflow", "decimal division"));
  }
  SECTION("division by zero and bad scales") {
    REQUIRE_THROWS_MATCHES(recoup::divide(1, "0.00"_dec, 2, rounding_mode::half_even), recoup::division_by_zero_error,
                           has_id("decimal.division_by_zero"));
    REQUIRE_THROWS_MATCHES(recoup::divide(1, 3, -1, rounding_mode::half_even), recoup::invalid_input_error,
                           has_id("decimal.scale"));
    REQUIRE_THROWS_MATCHES(recoup::divide(1, 3, 39, rounding_mode::half_even), recoup::invalid_input_error,
                           has_id("decimal.scale"));
  }
}

TEST_CASE("decimal multiply rounds the product with every mode", "[decimal][multiply][rounding]") {
  const binary_row rows[] = {
      {"1.25", "0.5", 2, {"0.62", "0.63", "0.62", "0.63", "0.62", "0.63", "0.62"}},
      {"-1.25", "0.5", 2, {"-0.62", "-0.63", "-0.62", "-0.63", "-0.62", "-0.62", "-0.63"}},
      {"2.675", "1", 2, {"2.68", "2.68", "2.67", "2.68", "2.67", "2.68", "2.67"}},
      {"123.456", "7.89", 1, {"974.1", "974.1", "974.1", "974.1", "974.0", "974.1", "974.0"}},
      {"-123.456", "7.89", 1, {"-974.1", "-974.1", "-974.1", "-974.1", "-974.0", "-974.0", "-974.1"}},
      {"0.05", "0.5", 2, {"0.02", "0.03", "0.02", "0.03", "0.02", "0.03", "0.02"}},
      {"-0.333", "0.3", 3, {"-0.100", "-0.100", "-0.100", "-0.100", "-0.099", "-0.099", "-0.100"}},
      // The exact product needs 39 digits (operator* throws) but rounds to 38.
      {"99999999999999999999999999999999999999", "0.5", 0,
       {"50000000000000000000000000000000000000", "50000000000000000000000000000000000000",
        "49999999999999999999999999999999999999", "50000000000000000000000000000000000000",
        "49999999999999999999999999999999999999", "50000000000000000000000000000000000000",
        "49999999999999999999999999999999999999"}},
  };
  for (const auto& row : rows) {
    for (std::size_t m = 0; m < table_modes.size(); ++m) {
      INFO(row.a << " * " << row.b << " at " << row.scale << " places, " << recoup::to_string(table_modes[m]));
      const decimal p = recoup::multiply(decimal::parse(row.a), decimal::parse(row.b), row.scale, table_modes[m]);
      CHECK(p.to_string() == row.expected[m]);
    }
  }
  SECTION("a scale above the product's pads with zeros") {
    CHECK(recoup::multiply("1.5"_dec, "2"_dec, 4, rounding_mode::down).to_string() == "3.0000");
  }
  SECTION("bad scale and overflow") {
    REQUIRE_THROWS_MATCHES(recoup::multiply(1, 1, 39, rounding_mode::down), recoup::invalid_input_error,
                           has_id("decimal.scale"));
    REQUIRE_THROWS_MATCHES(recoup::multiply(decimal::parse(max38), 10, 0, rounding_mode::down), recoup::overflow_error,
                           has_id("decimal.overflow"));
  }
}

TEST_CASE("decimal rescale rounds dropped places and pads added ones", "[decimal][rescale][rounding]") {
  const rescale_row rows[] = {
      {"1.005", 2, {"1.00", "1.01", "1.00", "1.01", "1.00", "1.01", "1.00"}},
      {"-1.005", 2, {"-1.00", "-1.01", "-1.00", "-1.01", "-1.00", "-1.00", "-1.01"}},
      {"2.5", 0, {"2", "3", "2", "3", "2", "3", "2"}},
      {"-2.5", 0, {"-2", "-3", "-2", "-3", "-2", "-2", "-3"}},
      {"3.5", 0, {"4", "4", "3", "4", "3", "4", "3"}},
      {"1.0051", 2, {"1.01", "1.01", "1.01", "1.01", "1.00", "1.01", "1.00"}},
      {"-1.0049", 2, {"-1.00", "-1.00", "-1.00", "-1.01", "-1.00", "-1.00", "-1.01"}},
      {"0.0000001", 0, {"0", "0", "0", "1", "0", "1", "0"}},
  };
  for (const auto& row : rows) {
    for (std::size_t m = 0; m < table_modes.size(); ++m) {
      INFO(row.value << " to " << row.scale << " places, " << recoup::to_string(table_modes[m]));
      CHECK(decimal::parse(row.value).rescale(row.scale, table_modes[m]).to_string() == row.expected[m]);
    }
  }
  SECTION("more places are exact") {
    CHECK("1.5"_dec.rescale(3, rounding_mode::down).to_string() == "1.500");
    CHECK("-1.5"_dec.rescale(37, rounding_mode::down).scale() == 37);
  }
  SECTION("to_integer rounds to a whole number") {
    CHECK("2.5"_dec.to_integer(rounding_mode::half_even) == 2);
    CHECK("2.5"_dec.to_integer(rounding_mode::half_up) == 3);
    CHECK("-2.5"_dec.to_integer(rounding_mode::floor) == -3);
  }
  SECTION("errors") {
    REQUIRE_THROWS_MATCHES(decimal::parse(max38).rescale(1, rounding_mode::down), recoup::overflow_error,
                           has_id("decimal.overflow", "decimal::rescale"));
    REQUIRE_THROWS_MATCHES("1"_dec.rescale(39, rounding_mode::down), recoup::invalid_input_error, has_id("decimal.scale"));
    REQUIRE_THROWS_MATCHES("1"_dec.rescale(-1, rounding_mode::down), recoup::invalid_input_error, has_id("decimal.scale"));
  }
}

TEST_CASE("decimal from_double rounds the exact binary value", "[decimal][double][rounding]") {
  const double_row rows[] = {
      {0.1, 20,
       {"0.10000000000000000555", "0.10000000000000000555", "0.10000000000000000555", "0.10000000000000000556",
        "0.10000000000000000555", "0.10000000000000000556", "0.10000000000000000555"}},
      {2.675, 2, {"2.67", "2.67", "2.67", "2.68", "2.67", "2.68", "2.67"}},
      {2.675, 3, {"2.675", "2.675", "2.675", "2.675", "2.674", "2.675", "2.674"}},
      {0.5, 0, {"0", "1", "0", "1", "0", "1", "0"}},
      {-0.5, 0, {"0", "-1", "0", "-1", "0", "0", "-1"}},
      {-2.5, 0, {"-2", "-3", "-2", "-3", "-2", "-2", "-3"}},
      {1.005, 2, {"1.00", "1.00", "1.00", "1.01", "1.00", "1.01", "1.00"}},
      {-1.005, 2, {"-1.00", "-1.00", "-1.00", "-1.01", "-1.00", "-1.00", "-1.01"}},
      {1e-7, 10,
       {"0.0000001000", "0.0000001000", "0.0000001000", "0.0000001000", "0.0000000999", "0.0000001000", "0.0000000999"}},
      {5e-324, 38,
       {"0.00000000000000000000000000000000000000", "0.00000000000000000000000000000000000000",
        "0.00000000000000000000000000000000000000", "0.00000000000000000000000000000000000001",
        "0.00000000000000000000000000000000000000", "0.00000000000000000000000000000000000001",
        "0.00000000000000000000000000000000000000"}},
      {123456.789, 1, {"123456.8", "123456.8", "123456.8", "123456.8", "123456.7", "123456.8", "123456.7"}},
  };
  for (const auto& row : rows) {
    for (std::size_t m = 0; m < table_modes.size(); ++m) {
      INFO(row.value << " at " << row.places << " places, " << recoup::to_string(table_modes[m]));
      CHECK(decimal::from_double(row.value, row.places, table_modes[m]).to_string() == row.expected[m]);
    }
  }

  SECTION("0.1 at 20 places shows its binary error; 2.675 half_up is 2.67") {
    CHECK(decimal::from_double(0.1, 20, rounding_mode::half_even).to_string() == "0.10000000000000000555");
    CHECK(decimal::from_double(2.675, 2, rounding_mode::half_up).to_string() == "2.67");
  }
  SECTION("large doubles are exact integers") {
    // 1e30 is 1000000000000000019884624838656 in binary; its zero fraction is dropped to fit 38 digits.
    const decimal d = decimal::from_double(1e30, 20, rounding_mode::half_even);
    CHECK(d == decimal::parse("1000000000000000019884624838656"));
    CHECK(decimal::from_double(-0.0, 2, rounding_mode::floor).is_zero());
    // 38 integer digits asked for at 38 places: the zero fraction is dropped, as for 1e30.
    CHECK(decimal::from_double(9e37, 38, rounding_mode::half_even) ==
          decimal::parse("89999999999999992307089061666856370176"));
    CHECK(decimal::from_double(-9e37, 38, rounding_mode::floor) ==
          decimal::parse("-89999999999999992307089061666856370176"));
  }
  SECTION("NaN, infinities, bad places and huge values are refused") {
    REQUIRE_THROWS_MATCHES(decimal::from_double(std::nan(""), 2, rounding_mode::half_even), recoup::invalid_input_error,
                           has_id("decimal.nan"));
    REQUIRE_THROWS_MATCHES(decimal::from_double(std::numeric_limits<double>::infinity(), 2, rounding_mode::half_even),
                           recoup::invalid_input_error, has_id("decimal.infinite"));
    REQUIRE_THROWS_MATCHES(decimal::from_double(-std::numeric_limits<double>::infinity(), 2, rounding_mode::half_even),
                           recoup::invalid_input_error, has_id("decimal.infinite"));
    REQUIRE_THROWS_MATCHES(decimal::from_double(1.0, 39, rounding_mode::half_even), recoup::invalid_input_error,
                           has_id("decimal.scale"));
    REQUIRE_THROWS_MATCHES(decimal::from_double(1.0, -1, rounding_mode::half_even), recoup::invalid_input_error,
                           has_id("decimal.scale"));
    REQUIRE_THROWS_MATCHES(decimal::from_double(1e300, 0, rounding_mode::half_even), recoup::overflow_error,
                           has_id("decimal.too_many_digits"));
  }
  SECTION("to_double is the nearest double") {
    CHECK("0.1"_dec.to_double() == 0.1);
    CHECK("-2.675"_dec.to_double() == -2.675);
    CHECK("0"_dec.to_double() == 0.0);
  }
}
