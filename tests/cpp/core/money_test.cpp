// Tests of recoup::money (recoup/core/money.hpp). Expected values were computed with Python's
// decimal module: (Decimal(a) * Decimal(f)).quantize(Decimal("0.01"), ROUND_*) and the like.
#include "../support.hpp"

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <unordered_set>

using recoup::currency;
using recoup::decimal;
using recoup::money;
using recoup::rounding_mode;
using recoup::test::has_id;
using recoup::test::table_modes;
using namespace recoup::literals;

namespace {
const currency usd("USD");
const currency eur("EUR");
const currency gbp("GBP");
const currency jpy("JPY");
const currency kwd("KWD");
const currency chf("CHF");
const currency clf("CLF");

money m(const char* text) { return money::parse(text); }
money usd_minor(std::int64_t minor) { return money::from_minor(minor, usd); }

struct op_row {
  const char* amount;  // in USD unless stated
  const char* operand;
  std::array<const char*, 7> expected;  // amounts in the order of table_modes
};

struct convert_row {
  const char* amount;
  const char* from;
  const char* rate;
  const char* to;
  std::array<const char*, 7> expected;
};
}  // namespace

TEST_CASE("money parses and formats '<amount> <CODE>'", "[money][parse]") {
  SECTION("canonical forms") {
    CHECK(m("1234.56 USD").minor_units() == 123456);
    CHECK(m("1234.56 USD").to_string() == "1234.56 USD");
    CHECK(m("-0.05 GBP").minor_units() == -5);
    CHECK(m("-0.05 GBP").currency() == gbp);
    CHECK(m("-0.05 GBP").to_string() == "-0.05 GBP");
    CHECK(m("100 JPY").minor_units() == 100);
    CHECK(m("100 JPY").to_string() == "100 JPY");
    CHECK(m("1.234 KWD").minor_units() == 1234);
    CHECK(m("1.234 KWD").to_string() == "1.234 KWD");
    CHECK(m("1 CLF").to_string() == "1.0000 CLF");
  }
  SECTION("fewer places are padded, trailing zeros beyond the minor unit are exact") {
    CHECK(m("1.5 USD").to_string() == "1.50 USD");
    CHECK(m("7 USD").minor_units() == 700);
    CHECK(m("1.500 USD").minor_units() == 150);
    CHECK(m("0 USD").is_zero());
  }
  SECTION("money text is plain digits: exponent notation is refused, naming the plain form") {
    REQUIRE_THROWS_MATCHES(m("2E+2 JPY"), recoup::invalid_input_error, has_id("money.exponent_notation", "'200'"));
    REQUIRE_THROWS_MATCHES(m("1e5 USD"), recoup::invalid_input_error, has_id("money.exponent_notation", "'100000'"));
    REQUIRE_THROWS_MATCHES(money::parse_amount("1.2E-1"), recoup::invalid_input_error,
                           has_id("money.exponent_notation", "spreadsheet"));
    // Malformed exponents keep decimal's syntax error (found by fuzzing: "100E+-5" was 0.001).
    REQUIRE_THROWS_MATCHES(m("100E+-5 BHD"), recoup::invalid_input_error, has_id("decimal.syntax", "exponent"));
    REQUIRE_THROWS_MATCHES(m("0.000E+-500000000000000001 USD"), recoup::invalid_input_error,
                           has_id("decimal.syntax", "exponent"));
    CHECK(money::parse_amount("-12.30") == decimal::parse("-12.30"));
    // decimal::parse, for rates and factors, keeps Python decimal's exponent notation.
    CHECK(decimal::parse("2E+2") == decimal(200));
  }
  SECTION("amount() gives the exact decimal at the currency's places") {
    CHECK(m("12.3 USD").amount().to_string() == "12.30");
    CHECK(m("5 JPY").amount().to_string() == "5");
  }
  SECTION("excess precision is an error") {
    REQUIRE_THROWS_MATCHES(m("1.001 USD"), recoup::invalid_input_error, has_id("money.excess_precision", "USD"));
    REQUIRE_THROWS_MATCHES(m("1.5 JPY"), recoup::invalid_input_error, has_id("money.excess_precision"));
    REQUIRE_THROWS_MATCHES(m("1.2345 KWD"), recoup::invalid_input_error, has_id("money.excess_precision"));
  }
  SECTION("malformed text") {
    for (const char* text : {"1234.56USD", "1234.56  USD", " 1 USD", "1 USD ", "USD", "", " ", "1 U SD"}) {
      INFO("text: '" << text << "'");
      REQUIRE_THROWS_MATCHES(m(text), recoup::invalid_input_error, has_id("money.syntax"));
    }
    REQUIRE_THROWS_MATCHES(m("1 usd"), recoup::unknown_currency_error, has_id("currency.unknown"));
    REQUIRE_THROWS_MATCHES(m("abc USD"), recoup::invalid_input_error, has_id("decimal.syntax"));
    REQUIRE_THROWS_MATCHES(m("NaN USD"), recoup::invalid_input_error, has_id("decimal.syntax"));
    REQUIRE_THROWS_MATCHES(m("1 XAU"), recoup::invalid_input_error, has_id("money.no_minor_unit", "XAU"));
  }
  SECTION("the int64 range of minor units") {
    CHECK(m("92233720368547758.07 USD").minor_units() == INT64_MAX);
    CHECK(m("-92233720368547758.08 USD").minor_units() == INT64_MIN);
    REQUIRE_THROWS_MATCHES(m("92233720368547758.08 USD"), recoup::overflow_error, has_id("money.overflow"));
    REQUIRE_THROWS_MATCHES(m("-92233720368547758.09 USD"), recoup::overflow_error, has_id("money.overflow"));
    REQUIRE_THROWS_MATCHES(m("1000000000000000000000000000000 USD"), recoup::overflow_error, has_id("money.overflow"));
    CHECK(money::from_minor(INT64_MIN, usd).to_string() == "-92233720368547758.08 USD");
  }
}

TEST_CASE("money construction is exact or explicitly rounded", "[money][construct]") {
  SECTION("from decimals and integers") {
    CHECK(money(10, usd).minor_units() == 1000);
    CHECK(money("0.1"_dec, usd).minor_units() == 10);
    CHECK(money(-3, jpy).minor_units() == -3);
    CHECK(money::from_minor(1234, usd).to_string() == "12.34 USD");
    CHECK(money::zero(kwd).to_string() == "0.000 KWD");
    REQUIRE_THROWS_MATCHES(money("0.001"_dec, usd), recoup::invalid_input_error, has_id("money.excess_precision"));
  }
  SECTION("currencies without a minor unit hold no money") {
    REQUIRE_THROWS_MATCHES(money::from_minor(1, currency("XAU")), recoup::invalid_input_error,
                           has_id("money.no_minor_unit"));
    REQUIRE_THROWS_MATCHES(money::zero(currency("XDR")), recoup::invalid_input_error, has_id("money.no_minor_unit"));
    REQUIRE_THROWS_MATCHES(money(1, currency("XXX")), recoup::invalid_input_error, has_id("money.no_minor_unit"));
  }
  SECTION("rounded() with every mode") {
    struct row {
      const char* amount;
      const char* code;
      std::array<const char*, 7> expected;
    };
    const row rows[] = {
        {"1.005", "USD", {"1.00", "1.01", "1.00", "1.01", "1.00", "1.01", "1.00"}},
        {"-1.005", "USD", {"-1.00", "-1.01", "-1.00", "-1.01", "-1.00", "-1.00", "-1.01"}},
        {"2.5", "JPY", {"2", "3", "2", "3", "2", "3", "2"}},
        {"1.23456", "KWD", {"1.235", "1.235", "1.235", "1.235", "1.234", "1.235", "1.234"}},
        {"-0.0001", "USD", {"0.00", "0.00", "0.00", "-0.01", "0.00", "0.00", "-0.01"}},
    };
    for (const auto& r : rows) {
      const currency c(r.code);
      for (std::size_t i = 0; i < table_modes.size(); ++i) {
        INFO(r.amount << " " << r.code << ", " << recoup::to_string(table_modes[i]));
        CHECK(money::rounded(decimal::parse(r.amount), c, table_modes[i]) == money(decimal::parse(r.expected[i]), c));
      }
    }
    CHECK(money::rounded("12.3"_dec, usd, rounding_mode::down).to_string() == "12.30 USD");
  }
  SECTION("from_double rounds the binary value") {
    CHECK(money::from_double(2.675, usd, rounding_mode::half_up).to_string() == "2.67 USD");
    CHECK(money::from_double(0.1, usd, rounding_mode::half_even).to_string() == "0.10 USD");
    CHECK(money::from_double(-1.005, usd, rounding_mode::floor).to_string() == "-1.01 USD");
    CHECK(money::from_double(1234.5, jpy, rounding_mode::half_even).to_string() == "1234 JPY");
    REQUIRE_THROWS_MATCHES(money::from_double(std::nan(""), usd, rounding_mode::half_even), recoup::invalid_input_error,
                           has_id("decimal.nan"));
    REQUIRE_THROWS_MATCHES(money::from_double(1e19, usd, rounding_mode::half_even), recoup::overflow_error,
                           has_id("money.overflow"));
    REQUIRE_THROWS_MATCHES(money::from_double(1.0, currency("XAU"), rounding_mode::half_even),
                           recoup::invalid_input_error, has_id("money.no_minor_unit"));
  }
}

TEST_CASE("money addition and subtraction are exact and checked", "[money][arithmetic]") {
  SECTION("same currency") {
    CHECK(m("0.10 USD") + m("0.20 USD") == m("0.30 USD"));
    CHECK(m("1.00 USD") - m("2.50 USD") == m("-1.50 USD"));
    money total = m("0.00 EUR");
    total += m("10.01 EUR");
    total -= m("0.02 EUR");
    CHECK(total.to_string() == "9.99 EUR");
    CHECK(-m("1.25 USD") == m("-1.25 USD"));
    CHECK(+m("1.25 USD") == m("1.25 USD"));
    CHECK(m("-1.25 USD").abs() == m("1.25 USD"));
  }
  SECTION("different currencies throw money.currency_mismatch naming both") {
    REQUIRE_THROWS_MATCHES(m("1.00 USD") + m("1.00 EUR"), recoup::currency_mismatch_error,
                           has_id("money.currency_mismatch", "1.00 USD and 1.00 EUR"));
    REQUIRE_THROWS_MATCHES(m("1.00 USD") - m("1 JPY"), recoup::currency_mismatch_error,
                           has_id("money.currency_mismatch", "subtract"));
    money a = m("1.00 USD");
    REQUIRE_THROWS_AS(a += m("1.00 GBP"), recoup::currency_mismatch_error);
    CHECK(a == m("1.00 USD"));
  }
  SECTION("overflow beyond int64 minor units") {
    REQUIRE_THROWS_MATCHES(usd_minor(INT64_MAX) + usd_minor(1), recoup::overflow_error, has_id("money.overflow"));
    REQUIRE_THROWS_MATCHES(usd_minor(INT64_MIN) - usd_minor(1), recoup::overflow_error, has_id("money.overflow"));
    REQUIRE_THROWS_MATCHES(usd_minor(INT64_MIN) + usd_minor(-1), recoup::overflow_error, has_id("money.overflow"));
    REQUIRE_THROWS_MATCHES(usd_minor(0) - usd_minor(INT64_MIN), recoup::overflow_error, has_id("money.overflow"));
    REQUIRE_THROWS_MATCHES(-usd_minor(INT64_MIN), recoup::overflow_error, has_id("money.overflow"));
    REQUIRE_THROWS_MATCHES(usd_minor(INT64_MIN).abs(), recoup::overflow_error, has_id("money.overflow"));
    CHECK((usd_minor(INT64_MAX) + usd_minor(INT64_MIN)).minor_units() == -1);
    CHECK((-usd_minor(INT64_MAX)).minor_units() == -INT64_MAX);
  }
}

TEST_CASE("money multiplication by an integer is exact and checked", "[money][arithmetic]") {
  CHECK(m("1.25 USD") * 3 == m("3.75 USD"));
  CHECK(3 * m("1.25 USD") == m("3.75 USD"));
  CHECK(m("1.25 USD") * -2 == m("-2.50 USD"));
  CHECK(m("1.25 USD") * std::size_t{4} == m("5.00 USD"));
  CHECK(m("1.25 USD") * 0 == m("0.00 USD"));
  REQUIRE_THROWS_MATCHES(usd_minor(INT64_MAX) * 2, recoup::overflow_error, has_id("money.overflow"));
  REQUIRE_THROWS_MATCHES(usd_minor(INT64_MIN) * -1, recoup::overflow_error, has_id("money.overflow"));
  REQUIRE_THROWS_MATCHES(-1 * usd_minor(INT64_MIN), recoup::overflow_error, has_id("money.overflow"));
  SECTION("unsigned factors beyond int64 overflow instead of wrapping") {
    // 2^64 - 1 would wrap to -1 if narrowed to a signed 64-bit factor.
    REQUIRE_THROWS_MATCHES(usd_minor(1) * std::numeric_limits<std::uint64_t>::max(), recoup::overflow_error,
                           has_id("money.overflow"));
    REQUIRE_THROWS_MATCHES((std::uint64_t{1} << 63) * usd_minor(1), recoup::overflow_error, has_id("money.overflow"));
    CHECK(usd_minor(0) * std::numeric_limits<std::uint64_t>::max() == usd_minor(0));
  }
}

TEST_CASE("money multiply and divide round with the named mode", "[money][rounding]") {
  SECTION("multiply by a decimal") {
    const op_row rows[] = {
        {"1234.56", "0.035", {"43.21", "43.21", "43.21", "43.21", "43.20", "43.21", "43.20"}},
        {"-1234.56", "0.035", {"-43.21", "-43.21", "-43.21", "-43.21", "-43.20", "-43.20", "-43.21"}},
        // The factor's coefficient (10^19 + 1) does not fit 64 bits: the wide path.
        {"100.00", "1.0000000000000000001", {"100.00", "100.00", "100.00", "100.01", "100.00", "100.01", "100.00"}},
        {"-100.00", "1.0000000000000000001",
         {"-100.00", "-100.00", "-100.00", "-100.01", "-100.00", "-100.00", "-100.01"}},
        {"0.05", "0.5", {"0.02", "0.03", "0.02", "0.03", "0.02", "0.03", "0.02"}},
        {"0.15", "0.5", {"0.08", "0.08", "0.07", "0.08", "0.07", "0.08", "0.07"}},
        {"19.99", "-0.5", {"-10.00", "-10.00", "-9.99", "-10.00", "-9.99", "-9.99", "-10.00"}},
    };
    for (const auto& r : rows) {
      const money a(decimal::parse(r.amount), usd);
      for (std::size_t i = 0; i < table_modes.size(); ++i) {
        INFO(r.amount << " USD * " << r.operand << ", " << recoup::to_string(table_modes[i]));
        CHECK(a.multiply(decimal::parse(r.operand), table_modes[i]) == money(decimal::parse(r.expected[i]), usd));
      }
    }
  }
  SECTION("divide by a decimal") {
    const op_row rows[] = {
        {"10.00", "3", {"3.33", "3.33", "3.33", "3.34", "3.33", "3.34", "3.33"}},
        {"-10.00", "3", {"-3.33", "-3.33", "-3.33", "-3.34", "-3.33", "-3.33", "-3.34"}},
        {"10.00", "0.5", {"20.00", "20.00", "20.00", "20.00", "20.00", "20.00", "20.00"}},
        {"10.00", "-4", {"-2.50", "-2.50", "-2.50", "-2.50", "-2.50", "-2.50", "-2.50"}},
        {"0.05", "2", {"0.02", "0.03", "0.02", "0.03", "0.02", "0.03", "0.02"}},
        {"-0.05", "2", {"-0.02", "-0.03", "-0.02", "-0.03", "-0.02", "-0.02", "-0.03"}},
        {"0.15", "-2", {"-0.08", "-0.08", "-0.07", "-0.08", "-0.07", "-0.07", "-0.08"}},
    };
    for (const auto& r : rows) {
      const money a(decimal::parse(r.amount), usd);
      for (std::size_t i = 0; i < table_modes.size(); ++i) {
        INFO(r.amount << " USD / " << r.operand << ", " << recoup::to_string(table_modes[i]));
        CHECK(a.divide(decimal::parse(r.operand), table_modes[i]) == money(decimal::parse(r.expected[i]), usd));
      }
    }
  }
  SECTION("the header's example: a 3.5% fee") {
    CHECK(m("1234.56 USD").multiply("0.035"_dec, rounding_mode::half_up).to_string() == "43.21 USD");
  }
  SECTION("errors") {
    REQUIRE_THROWS_MATCHES(m("1.00 USD").divide("0.0"_dec, rounding_mode::half_even), recoup::division_by_zero_error,
                           has_id("money.division_by_zero"));
    REQUIRE_THROWS_MATCHES(usd_minor(INT64_MAX).multiply(2, rounding_mode::half_even), recoup::overflow_error,
                           has_id("money.overflow"));
    REQUIRE_THROWS_MATCHES(usd_minor(INT64_MAX).multiply("2.0000000000000000000"_dec, rounding_mode::half_even),
                           recoup::overflow_error, has_id("money.overflow"));
    REQUIRE_THROWS_MATCHES(m("1.00 USD").divide(decimal::parse("0.0000000000000000000000000000000000003"),
                                                rounding_mode::half_even),
                           recoup::overflow_error, has_id("money.overflow"));
    CHECK(usd_minor(INT64_MAX).multiply("1.0000000000000000000"_dec, rounding_mode::up) == usd_minor(INT64_MAX));
  }
}

TEST_CASE("money round_to rounds to a cash increment", "[money][rounding]") {
  struct row {
    const char* amount;
    const char* increment;
    const char* code;
    std::array<const char*, 7> expected;
  };
  const row rows[] = {
      {"1.02", "0.05", "CHF", {"1.00", "1.00", "1.00", "1.05", "1.00", "1.05", "1.00"}},
      {"1.03", "0.05", "CHF", {"1.05", "1.05", "1.05", "1.05", "1.00", "1.05", "1.00"}},
      {"-1.03", "0.05", "CHF", {"-1.05", "-1.05", "-1.05", "-1.05", "-1.00", "-1.00", "-1.05"}},
      {"1.05", "0.10", "CHF", {"1.00", "1.10", "1.00", "1.10", "1.00", "1.10", "1.00"}},
      {"1.15", "0.10", "CHF", {"1.20", "1.20", "1.10", "1.20", "1.10", "1.20", "1.10"}},
      {"-1.05", "0.10", "CHF", {"-1.00", "-1.10", "-1.00", "-1.10", "-1.00", "-1.00", "-1.10"}},
      {"1234.50", "1.00", "GBP", {"1234.00", "1235.00", "1234.00", "1235.00", "1234.00", "1235.00", "1234.00"}},
      {"1235.50", "1.00", "GBP", {"1236.00", "1236.00", "1235.00", "1236.00", "1235.00", "1236.00", "1235.00"}},
      {"-1234.50", "1.00", "GBP", {"-1234.00", "-1235.00", "-1234.00", "-1235.00", "-1234.00", "-1234.00", "-1235.00"}},
      {"1234.49", "1.00", "GBP", {"1234.00", "1234.00", "1234.00", "1235.00", "1234.00", "1235.00", "1234.00"}},
  };
  for (const auto& r : rows) {
    const currency c(r.code);
    const money a(decimal::parse(r.amount), c);
    const money inc(decimal::parse(r.increment), c);
    for (std::size_t i = 0; i < table_modes.size(); ++i) {
      INFO(r.amount << " " << r.code << " to " << r.increment << ", " << recoup::to_string(table_modes[i]));
      CHECK(a.round_to(inc, table_modes[i]) == money(decimal::parse(r.expected[i]), c));
    }
  }
  SECTION("errors") {
    REQUIRE_THROWS_MATCHES(m("1.00 CHF").round_to(m("0.00 CHF"), rounding_mode::half_even), recoup::invalid_input_error,
                           has_id("money.increment"));
    REQUIRE_THROWS_MATCHES(m("1.00 CHF").round_to(m("-0.05 CHF"), rounding_mode::half_even),
                           recoup::invalid_input_error, has_id("money.increment"));
    REQUIRE_THROWS_MATCHES(m("1.00 CHF").round_to(m("0.05 EUR"), rounding_mode::half_even),
                           recoup::currency_mismatch_error, has_id("money.currency_mismatch"));
    REQUIRE_THROWS_MATCHES(money::from_minor(INT64_MAX, chf).round_to(m("0.05 CHF"), rounding_mode::up),
                           recoup::overflow_error, has_id("money.overflow"));
    CHECK(money::from_minor(INT64_MIN, chf).round_to(m("0.01 CHF"), rounding_mode::up).minor_units() == INT64_MIN);
  }
}

TEST_CASE("money converts between currencies with different minor units", "[money][convert]") {
  const convert_row rows[] = {
      {"100.00", "USD", "151.234", "JPY", {"15123", "15123", "15123", "15124", "15123", "15124", "15123"}},
      {"1000", "JPY", "0.0066", "USD", {"6.60", "6.60", "6.60", "6.60", "6.60", "6.60", "6.60"}},
      {"1.234", "KWD", "3.25", "USD", {"4.01", "4.01", "4.01", "4.02", "4.01", "4.02", "4.01"}},
      {"12.34", "USD", "0.0254", "CLF", {"0.3134", "0.3134", "0.3134", "0.3135", "0.3134", "0.3135", "0.3134"}},
      {"-12.34", "USD", "0.30685", "KWD", {"-3.787", "-3.787", "-3.787", "-3.787", "-3.786", "-3.786", "-3.787"}},
      {"12345", "JPY", "0.002", "KWD", {"24.690", "24.690", "24.690", "24.690", "24.690", "24.690", "24.690"}},
      {"-1", "JPY", "0.5", "USD", {"-0.50", "-0.50", "-0.50", "-0.50", "-0.50", "-0.50", "-0.50"}},
      {"0.01", "USD", "0.5", "JPY", {"0", "0", "0", "1", "0", "1", "0"}},
  };
  for (const auto& r : rows) {
    const currency from(r.from);
    const currency to(r.to);
    const money a(decimal::parse(r.amount), from);
    for (std::size_t i = 0; i < table_modes.size(); ++i) {
      INFO(r.amount << " " << r.from << " at " << r.rate << " " << r.to << ", " << recoup::to_string(table_modes[i]));
      const money c = a.convert(to, decimal::parse(r.rate), table_modes[i]);
      CHECK(c.currency() == to);
      CHECK(c == money(decimal::parse(r.expected[i]), to));
    }
  }
  SECTION("errors") {
    REQUIRE_THROWS_MATCHES(m("1.00 USD").convert(eur, "0"_dec, rounding_mode::half_even), recoup::invalid_input_error,
                           has_id("money.rate"));
    REQUIRE_THROWS_MATCHES(m("1.00 USD").convert(eur, "-0.9"_dec, rounding_mode::half_even), recoup::invalid_input_error,
                           has_id("money.rate"));
    REQUIRE_THROWS_MATCHES(m("1.00 USD").convert(currency("XAU"), "0.0005"_dec, rounding_mode::half_even),
                           recoup::invalid_input_error, has_id("money.no_minor_unit"));
    REQUIRE_THROWS_MATCHES(money::from_minor(INT64_MAX, jpy).convert(kwd, "1"_dec, rounding_mode::half_even),
                           recoup::overflow_error, has_id("money.overflow"));
  }
}

TEST_CASE("money compares within one currency only", "[money][compare]") {
  SECTION("ordering within a currency") {
    CHECK(m("1.00 USD") < m("1.01 USD"));
    CHECK(m("-1.00 USD") < m("0.00 USD"));
    CHECK(m("2.00 USD") >= m("2.0 USD"));
    CHECK((m("1.5 USD") <=> m("1.50 USD")) == std::strong_ordering::equal);
  }
  SECTION("equality across currencies is false, never an error") {
    CHECK_FALSE(m("1.00 USD") == m("1.00 EUR"));
    CHECK(m("1.00 USD") != m("1.00 EUR"));
    CHECK_FALSE(m("0 JPY") == m("0.00 USD"));
  }
  SECTION("ordering across currencies throws") {
    REQUIRE_THROWS_MATCHES(static_cast<void>(m("1.00 USD") < m("1.00 EUR")), recoup::currency_mismatch_error,
                           has_id("money.currency_mismatch", "compare"));
    REQUIRE_THROWS_AS(static_cast<void>(m("1.00 USD") >= m("1.00 EUR")), recoup::currency_mismatch_error);
    REQUIRE_THROWS_AS(static_cast<void>(m("1.00 USD") <=> m("1 JPY")), recoup::currency_mismatch_error);
  }
  SECTION("hash agrees with ==") {
    CHECK(std::hash<money>{}(m("1.5 USD")) == std::hash<money>{}(m("1.50 USD")));
    const std::unordered_set<money> set{m("1.00 USD"), m("1 USD"), m("1.00 EUR"), m("100 JPY")};
    CHECK(set.size() == 3);
  }
  SECTION("sign predicates") {
    CHECK(m("-0.01 USD").is_negative());
    CHECK(m("-0.01 USD").signum() == -1);
    CHECK(m("0.01 USD").is_positive());
    CHECK(m("0.00 USD").signum() == 0);
    CHECK(m("0.00 USD").is_zero());
  }
}

TEST_CASE("money allocate splits into parts that add up", "[money][allocation]") {
  const auto parts = m("10.00 USD").allocate(3);
  REQUIRE(parts.size() == 3);
  CHECK(parts[0] == m("3.34 USD"));
  CHECK(parts[1] == m("3.33 USD"));
  CHECK(parts[2] == m("3.33 USD"));
  const auto yen = m("100 JPY").allocate(3);
  CHECK(yen[0] == m("34 JPY"));
  CHECK(yen[2] == m("33 JPY"));
  REQUIRE_THROWS_MATCHES(m("10.00 USD").allocate(0), recoup::invalid_input_error, has_id("allocation.no_parts"));
}
