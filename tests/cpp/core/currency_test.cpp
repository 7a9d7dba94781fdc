// Tests of recoup::currency (recoup/core/currency.hpp, src/core/currency_registry.cpp).
// Expected figures are ISO 4217 List One (minor units and numeric codes).
#include "../support.hpp"

#include <algorithm>
#include <string>
#include <unordered_set>

using recoup::currency;
using recoup::currency_info;
using recoup::test::has_id;

namespace {
struct iso_row {
  const char* code;
  int numeric;
  int minor_units;
};

// User codes registered by this file start with "QC" (outside ISO 4217) so other files do not clash.
currency_info user_info(const char* code, int minor_units, int numeric = 0) {
  currency_info info;
  info.code = code;
  info.minor_units = minor_units;
  info.numeric = numeric;
  info.name = std::string("test unit ") + code;
  return info;
}
}  // namespace

TEST_CASE("currency looks up ISO 4217 codes", "[currency]") {
  SECTION("minor units and numeric codes") {
    const iso_row rows[] = {
        {"USD", 840, 2}, {"EUR", 978, 2}, {"GBP", 826, 2}, {"JPY", 392, 0}, {"KWD", 414, 3}, {"BHD", 48, 3},
        {"CLF", 990, 4}, {"UYW", 927, 4}, {"CHF", 756, 2}, {"ISK", 352, 0}, {"ALL", 8, 2},
    };
    for (const auto& row : rows) {
      INFO("code: " << row.code);
      const currency c(row.code);
      CHECK(c.code() == row.code);
      CHECK(c.numeric() == row.numeric);
      CHECK(c.minor_units() == row.minor_units);
      CHECK(c.has_minor_unit());
      CHECK(currency::of_numeric(row.numeric) == c);
    }
  }
  SECTION("numeric lookups") {
    CHECK(currency::of_numeric(840).code() == "USD");
    CHECK(currency::of_numeric(392).code() == "JPY");
    REQUIRE_THROWS_MATCHES(currency::of_numeric(1), recoup::unknown_currency_error, has_id("currency.unknown_numeric"));
    REQUIRE_THROWS_MATCHES(currency::of_numeric(-840), recoup::unknown_currency_error, has_id("currency.unknown_numeric"));
  }
  SECTION("codes whose minor unit is N.A. have none") {
    for (const char* code : {"XAU", "XDR", "XXX"}) {
      INFO("code: " << code);
      const currency c(code);
      CHECK_FALSE(c.has_minor_unit());
      CHECK(c.minor_units() == -1);
    }
    CHECK(currency("XAU").numeric() == 959);
    CHECK(currency("XAU").name() == "Gold");
  }
  SECTION("names, fund flags and entities") {
    CHECK(currency("USD").name() == "US Dollar");
    const currency_info clf = currency("CLF").info();
    CHECK(clf.fund);
    CHECK_FALSE(clf.user_defined);
    CHECK_FALSE(currency("USD").info().fund);
    const auto entities = currency("CHF").info().entities;
    CHECK(std::find(entities.begin(), entities.end(), "SWITZERLAND") != entities.end());
  }
  SECTION("equality and hashing") {
    CHECK(currency("USD") == currency("USD"));
    CHECK_FALSE(currency("USD") == currency("USN"));
    CHECK(std::hash<currency>{}(currency("USD")) == std::hash<currency>{}(currency::of_numeric(840)));
    const std::unordered_set<currency> set{currency("USD"), currency("EUR"), currency("USD"), currency("JPY")};
    CHECK(set.size() == 3);
  }
  SECTION("a currency is a small value") { CHECK(sizeof(currency) <= 8); }
}

TEST_CASE("currency refuses unknown and malformed codes with currency.unknown", "[currency][errors]") {
  const char* bad[] = {"usd", "Usd", "US", "USDX", "", "ZZZ", "QQQ", "U$D", "123", " USD"};
  for (const char* code : bad) {
    INFO("code: '" << code << "'");
    REQUIRE_THROWS_MATCHES(currency(code), recoup::unknown_currency_error, has_id("currency.unknown"));
  }
  SECTION("the message names the code and what to do") {
    REQUIRE_THROWS_MATCHES(currency("usd"), recoup::error, has_id("currency.unknown", "'usd'"));
    REQUIRE_THROWS_MATCHES(currency("ZZZ"), recoup::error, has_id("currency.unknown", "register_currency"));
  }
  SECTION("the kind is unknown_currency") {
    try {
      currency c("ZZZ");
      FAIL("no exception for " << c.code());
    } catch (const recoup::error& e) {
      CHECK(e.kind() == recoup::error_kind::unknown_currency);
    }
  }
}

TEST_CASE("register_currency adds user currencies and refuses redefinitions", "[currency][register]") {
  SECTION("a new code becomes known") {
    const currency c = recoup::register_currency(user_info("QCA", 0));
    CHECK(c.code() == "QCA");
    CHECK(c.minor_units() == 0);
    CHECK(c.numeric() == 0);
    CHECK(currency("QCA") == c);
    const currency_info info = currency("QCA").info();
    CHECK(info.user_defined);
    CHECK(info.name == "test unit QCA");
  }
  SECTION("registering the same definition again is allowed") {
    const currency a = recoup::register_currency(user_info("QCB", 4));
    const currency b = recoup::register_currency(user_info("QCB", 4));
    CHECK(a == b);
    CHECK(b.minor_units() == 4);
  }
  SECTION("a user numeric code is found by of_numeric") {
    const currency c = recoup::register_currency(user_info("QCN", 2, 5));
    CHECK(currency::of_numeric(5) == c);
  }
  SECTION("redefinitions are refused with currency.redefined") {
    (void)recoup::register_currency(user_info("QCC", 2));
    REQUIRE_THROWS_MATCHES(recoup::register_currency(user_info("QCC", 3)), recoup::invalid_input_error,
                           has_id("currency.redefined", "already registered"));
    REQUIRE_THROWS_MATCHES(recoup::register_currency(user_info("QCC", 2, 6)), recoup::invalid_input_error,
                           has_id("currency.redefined"));
    REQUIRE_THROWS_MATCHES(recoup::register_currency(user_info("USD", 2, 840)), recoup::invalid_input_error,
                           has_id("currency.redefined", "ISO 4217"));
    REQUIRE_THROWS_MATCHES(recoup::register_currency(user_info("XAU", 3)), recoup::invalid_input_error,
                           has_id("currency.redefined"));
    REQUIRE_THROWS_MATCHES(recoup::register_currency(user_info("QCD", 2, 840)), recoup::invalid_input_error,
                           has_id("currency.redefined", "840"));
    CHECK(currency("QCC").minor_units() == 2);
    REQUIRE_THROWS_AS(currency("QCD"), recoup::unknown_currency_error);
  }
  SECTION("invalid definitions are refused") {
    REQUIRE_THROWS_MATCHES(recoup::register_currency(user_info("qce", 2)), recoup::invalid_input_error,
                           has_id("currency.invalid_code"));
    REQUIRE_THROWS_MATCHES(recoup::register_currency(user_info("QCEE", 2)), recoup::invalid_input_error,
                           has_id("currency.invalid_code"));
    REQUIRE_THROWS_MATCHES(recoup::register_currency(user_info("QCE", 10)), recoup::invalid_input_error,
                           has_id("currency.invalid_minor_units"));
    REQUIRE_THROWS_MATCHES(recoup::register_currency(user_info("QCE", -1)), recoup::invalid_input_error,
                           has_id("currency.invalid_minor_units"));
    REQUIRE_THROWS_MATCHES(recoup::register_currency(user_info("QCE", 2, 1000)), recoup::invalid_input_error,
                           has_id("currency.invalid_numeric"));
    REQUIRE_THROWS_AS(currency("QCE"), recoup::unknown_currency_error);
  }
}

TEST_CASE("all_currencies lists ISO 4217 in code order, then user currencies", "[currency]") {
  (void)recoup::register_currency(user_info("QCF", 1));
  const auto all = recoup::all_currencies();
  CHECK(all.size() >= 170);
  std::size_t first_user = all.size();
  for (std::size_t i = 0; i < all.size(); ++i)
    if (all[i].user_defined) {
      first_user = i;
      break;
    }
  CHECK(first_user >= 170);
  CHECK(std::is_sorted(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(first_user),
                       [](const currency_info& a, const currency_info& b) { return a.code < b.code; }));
  for (std::size_t i = first_user; i < all.size(); ++i) CHECK(all[i].user_defined);
  CHECK(std::any_of(all.begin(), all.end(), [](const currency_info& c) { return c.code == "QCF"; }));
  CHECK(std::any_of(all.begin(), all.end(), [](const currency_info& c) { return c.code == "USD" && c.numeric == 840; }));
  SECTION("the list cites its source") {
    CHECK(recoup::iso4217_published() == "2026-01-01");
    CHECK(recoup::iso4217_citation().find("ISO 4217") != std::string::npos);
  }
}
