// Statutory interest: the UK Late Payment Act (interest and s5A compensation), the EU directive,
// judgment interest (England and Wales, US federal), reference-rate tables and the SCRA ceiling.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "../support.hpp"
#include "recoup/rules/statutory_interest.hpp"

using namespace recoup;
using namespace recoup::rules;
using recoup::test::has_id;

namespace {

money m(const char* text) { return money::parse(text); }
civil_date d(const char* text) { return civil_date::parse(text); }

}  // namespace

TEST_CASE("Late Payment Act s5A: the fixed sum by band, at the boundaries", "[interest]") {
  struct row {
    const char* debt;
    const char* expected;
  };
  const std::vector<row> rows{{"0.00 GBP", "40.00 GBP"},       {"999.99 GBP", "40.00 GBP"},
                              {"1000.00 GBP", "70.00 GBP"},    {"9999.99 GBP", "70.00 GBP"},
                              {"10000.00 GBP", "100.00 GBP"},  {"250000.00 GBP", "100.00 GBP"}};
  for (const auto& r : rows) {
    INFO(r.debt);
    const auto v = late_payment_compensation(m(r.debt), d("2024-03-01"));
    CHECK(v.amount == m(r.expected));
    CHECK(v.main_rule().rule_id == "late_payment.compensation");
  }
  CHECK_THAT(late_payment_compensation(m("1000.00 GBP"), d("2024-03-01")).explain(),
             Catch::Contains("1000.00 GBP or more but under 10000.00 GBP"));
  REQUIRE_THROWS_MATCHES(late_payment_compensation(m("100.00 USD"), d("2024-03-01")), currency_mismatch_error,
                         has_id("interest.currency"));
  REQUIRE_THROWS_MATCHES(late_payment_compensation(m("-1.00 GBP"), d("2024-03-01")), invalid_input_error,
                         has_id("interest.negative_amount"));
  REQUIRE_THROWS_MATCHES(late_payment_compensation(m("100.00 GBP"), d("2001-01-01")), rule_not_in_force_error,
                         has_id("rules.not_in_force"));
}

TEST_CASE("EU directive: EUR 40 for the union and for a member state", "[interest]") {
  // regulations.md section 6, T-EU-1: Ireland, EUR 40 fixed compensation per late invoice.
  CHECK(late_payment_compensation(m("5000.00 EUR"), d("2024-08-01"), "EU").amount == m("40.00 EUR"));
  CHECK(late_payment_compensation(m("5000.00 EUR"), d("2024-08-01"), "IE").amount == m("40.00 EUR"));
  REQUIRE_THROWS_MATCHES(late_payment_compensation(m("5000.00 EUR"), d("2024-08-01"), "US"), unknown_jurisdiction_error,
                         has_id("interest.jurisdiction"));
  REQUIRE_THROWS_MATCHES(late_payment_compensation(m("5000.00 EUR"), d("2024-08-01"), "Ireland"),
                         unknown_jurisdiction_error, has_id("interest.jurisdiction"));
}

TEST_CASE("Late Payment Act interest: Bank Rate on the preceding 30 June / 31 December plus 8", "[interest]") {
  SECTION("T-LP-1: GBP 10,000, 30 days at 13.25% = 108.90") {
    // regulations.md section 6: interest from 1 Feb 2024, reference rate 5.25%, 10,000 x 0.1325 x 30/365.
    const auto v = late_payment_interest(m("10000.00 GBP"), d("2024-01-31"), d("2024-03-01"), rounding_mode::half_up);
    CHECK(v.amount == m("108.90 GBP"));
    CHECK(v.days == 30);
    CHECK(v.reference_date == d("2023-12-31"));
    CHECK(v.reference_rate == decimal("5.25"));
    CHECK(v.annual_rate == decimal("13.25"));
    CHECK(v.main_rule().rule_id == "late_payment.margin");
    CHECK_THAT(v.explain(), Catch::Contains("13.25% a year, fixed for this debt"));
    CHECK(late_payment_compensation(m("10000.00 GBP"), d("2024-02-01")).amount == m("100.00 GBP"));
  }
  SECTION("the rate is fixed by the start date even when Bank Rate changes while interest runs") {
    // Starts 16 Jul 2024: reference 30 Jun 2024 (5.25%); Bank Rate fell to 5.00% on 1 Aug 2024.
    const auto v = late_payment_interest(m("10000.00 GBP"), d("2024-07-15"), d("2024-09-13"), rounding_mode::half_up);
    CHECK(v.reference_date == d("2024-06-30"));
    CHECK(v.annual_rate == decimal("13.25"));
    CHECK(v.amount == m("217.81 GBP"));  // 10,000 x 0.1325 x 60 / 365 = 217.808...
  }
  SECTION("interest starting in January uses 31 December") {
    const auto v = late_payment_interest(m("5000.00 GBP"), d("2025-01-10"), d("2025-01-30"), rounding_mode::half_up);
    CHECK(v.reference_rate == decimal("4.75"));
    CHECK(v.amount == m("34.93 GBP"));  // 5,000 x 0.1275 x 20 / 365 = 34.931...
  }
  SECTION("the named rounding is applied once") {
    const auto up = late_payment_interest(m("10000.00 GBP"), d("2024-01-31"), d("2024-03-01"), rounding_mode::up);
    CHECK(up.amount == m("108.91 GBP"));
    CHECK(up.rounding == rounding_mode::up);
  }
  SECTION("paid on the due date: no interest") {
    CHECK(late_payment_interest(m("10000.00 GBP"), d("2024-01-31"), d("2024-01-31"), rounding_mode::half_up).amount ==
          m("0.00 GBP"));
  }
  SECTION("errors") {
    REQUIRE_THROWS_MATCHES(late_payment_interest(m("100.00 GBP"), d("2024-03-01"), d("2024-02-01"), rounding_mode::half_up),
                           invalid_input_error, has_id("interest.dates"));
    REQUIRE_THROWS_MATCHES(late_payment_interest(m("100.00 GBP"), d("2030-03-01"), d("2030-04-01"), rounding_mode::half_up),
                           rule_not_in_force_error, has_id("rules.not_in_force"));
  }
}

TEST_CASE("EU directive interest: the ECB rate on 1 January / 1 July of each half-year plus 8", "[interest]") {
  SECTION("T-EU-1: H2 2024 at 4.25% + 8 = 12.25%") {
    const auto v = late_payment_interest(m("10000.00 EUR"), d("2024-07-31"), d("2024-08-30"), rounding_mode::half_up, "IE");
    CHECK(v.annual_rate == decimal("12.25"));
    CHECK(v.reference_date == d("2024-07-01"));
    CHECK(v.amount == m("100.68 EUR"));  // 10,000 x 0.1225 x 30 / 365 = 100.684...
  }
  SECTION("across a half-year the rate changes") {
    // 10 days at 12.50% (ECB 4.50% on 1 Jan 2024) + 10 days at 12.25% (4.25% on 1 Jul 2024).
    const auto v = late_payment_interest(m("10000.00 EUR"), d("2024-06-20"), d("2024-07-10"), rounding_mode::half_up, "EU");
    CHECK(v.segments.size() == 2);
    CHECK(v.amount == m("67.81 EUR"));  // 34.2466 + 33.5616
  }
}

TEST_CASE("judgment interest: England and Wales 8% simple; US federal daily, compounded annually", "[interest]") {
  SECTION("T-JI-1: GBP 10,000 accrues GBP 2.19 a day") {
    const auto v = judgment_interest(m("10000.00 GBP"), d("2025-03-01"), d("2025-03-02"), rounding_mode::half_up);
    CHECK(v.amount == m("2.19 GBP"));
    CHECK(v.annual_rate == decimal("8"));
    CHECK(judgment_interest(m("10000.00 GBP"), d("2025-03-01"), d("2026-03-01"), rounding_mode::half_up).amount ==
          m("800.00 GBP"));
    CHECK_THAT(judgment_interest(m("1000.00 GBP"), d("2025-03-01"), d("2025-03-02"), rounding_mode::half_up).explain(),
               Catch::Contains("County Court"));
  }
  SECTION("28 U.S.C. 1961: the second year's interest runs on the first year's") {
    const auto v = judgment_interest(m("100000.00 USD"), d("2024-01-10"), d("2026-01-10"), rounding_mode::half_up, "US",
                                     decimal("4.80"));
    // Year 1 (366 days): 100,000 x 0.048 x 366/365 = 4,813.15; year 2: 104,813.15 x 0.048 = 5,031.03.
    CHECK(v.amount == m("9844.18 USD"));
    CHECK(v.days == 731);
  }
  SECTION("rate errors") {
    REQUIRE_THROWS_MATCHES(judgment_interest(m("100.00 USD"), d("2024-01-10"), d("2025-01-10"), rounding_mode::half_up, "US"),
                           invalid_input_error, has_id("interest.rate", "1-year constant-maturity"));
    REQUIRE_THROWS_MATCHES(judgment_interest(m("100.00 GBP"), d("2024-01-10"), d("2025-01-10"), rounding_mode::half_up,
                                             "GB-EAW", decimal("5")),
                           invalid_input_error, has_id("interest.rate", "fixed by law"));
  }
}

TEST_CASE("reference rates are dated tables", "[interest]") {
  CHECK(reference_rate("boe_bank_rate", d("2024-01-01")).rate == decimal("5.25"));
  CHECK(reference_rate("reference_rate.boe_bank_rate", d("2020-03-19")).rate == decimal("0.10"));
  CHECK(reference_rate("ecb_main_refinancing", d("2024-07-01")).rate == decimal("4.25"));
  CHECK(reference_rate("ecb_main_refinancing", d("2016-03-16")).rate == decimal("0"));
  CHECK(reference_rate("ecb_main_refinancing", d("2025-06-11")).effective_from == d("2025-06-11"));
  REQUIRE_THROWS_MATCHES(reference_rate("fed_funds", d("2024-01-01")), unknown_jurisdiction_error,
                         has_id("reference_rate.unknown", "boe_bank_rate"));
  REQUIRE_THROWS_MATCHES(reference_rate("boe_bank_rate", d("2030-01-01")), rule_not_in_force_error,
                         has_id("rules.not_in_force"));
}

TEST_CASE("the SCRA ceiling comes from the rule book and plugs into accrual", "[interest]") {
  const rate_ceiling c = scra_ceiling(d("2025-01-01"), d("2025-07-01"));
  CHECK(c.max_rate == decimal("0.06"));
  CHECK_THAT(c.reason, Catch::Contains("50 U.S.C. 3937"));
  accrual_terms terms{.rates = {{d("2024-01-01"), decimal("0.18")}}, .day_count = day_count_convention::act_365_fixed,
                      .freezes = {}, .ceilings = {c}, .posting_rounding = rounding_mode::half_up};
  const auto r = accrue(m("1000.00 USD"), d("2025-01-01"), d("2025-01-31"), terms);
  CHECK(r.interest == m("4.93 USD"));  // 1,000 x 0.06 x 30 / 365
}
