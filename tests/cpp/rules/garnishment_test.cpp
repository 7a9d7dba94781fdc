// Wage garnishment limits: the catalogue's federal worked examples, state limits worked by hand
// from the statutes, minimum-wage changes and the errors.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "../support.hpp"
#include "recoup/rules/garnishment.hpp"

using namespace recoup;
using namespace recoup::rules;
using recoup::test::has_id;

namespace {

money usd(const char* amount) { return money(decimal(amount), currency("USD")); }
civil_date d(const char* text) { return civil_date::parse(text); }

}  // namespace

TEST_CASE("federal limit: the catalogue's weekly worked examples at $7.25", "[garnishment]") {
  // regulations.md section 6, T-GAR-1..4 (29 CFR 870.10; federal minimum wage $7.25)
  struct row {
    const char* id;
    const char* disposable;
    const char* expected;
  };
  const std::vector<row> rows{{"T-GAR-1", "217.50", "0.00"},
                              {"T-GAR-2", "250.00", "32.50"},
                              {"T-GAR-3", "290.00", "72.50"},
                              {"T-GAR-4", "500.00", "125.00"}};
  for (const auto& r : rows) {
    INFO(r.id);
    const auto v = garnishment_limit("US", usd(r.disposable), pay_period::weekly, d("2026-01-09"));
    CHECK(v.amount == usd(r.expected));
    CHECK(v.federal_amount == usd(r.expected));
    CHECK_FALSE(v.state_amount.has_value());
    CHECK(v.binding == "federal");
    CHECK(v.federal_floor == usd("217.50"));
    CHECK(v.rounding == rounding_mode::down);
  }
}

TEST_CASE("federal limit: the floors and crossovers of each pay period", "[garnishment]") {
  // 29 CFR 870.10(c): 30 / 60 / 65 / 130 x $7.25; above floor / 0.75 the 25% test binds.
  struct row {
    pay_period period;
    const char* floor;
    const char* crossover;
  };
  const std::vector<row> rows{{pay_period::weekly, "217.50", "290.00"},
                              {pay_period::biweekly, "435.00", "580.00"},
                              {pay_period::semimonthly, "471.25", "628.33"},
                              {pay_period::monthly, "942.50", "1256.67"}};
  for (const auto& r : rows) {
    INFO(to_string(r.period));
    const auto at_floor = garnishment_limit("US", usd(r.floor), r.period, d("2025-06-01"));
    CHECK(at_floor.federal_floor == usd(r.floor));
    CHECK(at_floor.amount == usd("0.00"));
    const auto cross = garnishment_limit("US", usd(r.crossover), r.period, d("2025-06-01"));
    // At the crossover both tests give (nearly) the same figure; the lesser, rounded down.
    const money quarter = usd(r.crossover).multiply(decimal("0.25"), rounding_mode::down);
    const money excess = usd(r.crossover) - usd(r.floor);
    CHECK(cross.amount == std::min(quarter, excess));
  }
  // Monthly crossover 1,256.67 (catalogue [R]): 25% = 314.1675 -> 314.16; excess 314.17.
  CHECK(garnishment_limit("US", usd("1256.67"), pay_period::monthly, d("2025-06-01")).amount == usd("314.16"));
  CHECK(garnishment_limit("US", usd("2000.00"), pay_period::monthly, d("2025-06-01")).amount == usd("500.00"));
  CHECK(garnishment_limit("US", usd("1000.00"), pay_period::monthly, d("2025-06-01")).amount == usd("57.50"));
}

TEST_CASE("federal limit: the minimum wage in force when the earnings are payable", "[garnishment]") {
  SECTION("the day before and the day of the 2009 increase") {
    const auto before = garnishment_limit("US", usd("250.00"), pay_period::weekly, d("2009-07-23"));
    CHECK(before.federal_floor == usd("196.50"));  // 30 x 6.55
    CHECK(before.amount == usd("53.50"));
    const auto after = garnishment_limit("US", usd("250.00"), pay_period::weekly, d("2009-07-24"));
    CHECK(after.federal_floor == usd("217.50"));
    CHECK(after.amount == usd("32.50"));
  }
  SECTION("2007 and 2008 steps") {
    CHECK(garnishment_limit("US", usd("250.00"), pay_period::weekly, d("2008-07-23")).federal_floor == usd("175.50"));
    CHECK(garnishment_limit("US", usd("250.00"), pay_period::weekly, d("2007-07-23")).federal_floor == usd("154.50"));
  }
  SECTION("before the wage table starts: the book says which ranges it covers") {
    REQUIRE_THROWS_MATCHES(garnishment_limit("US", usd("250.00"), pay_period::weekly, d("1990-01-01")),
                           rule_not_in_force_error, has_id("rules.not_in_force"));
  }
}

TEST_CASE("New York CPLR 5231(b): 10% of gross, 25% of disposable, 30x the greater minimum wage", "[garnishment]") {
  // 2026, remainder of state: 16.00 an hour -> floor 30 x 16.00 = 480.00 a week.
  SECTION("10% of gross binds") {
    const auto v = garnishment_limit("US-NY", usd("600.00"), pay_period::weekly, d("2026-03-01"), usd("800.00"));
    CHECK(v.federal_amount == usd("150.00"));
    CHECK(v.state_amount == usd("80.00"));
    CHECK(v.amount == usd("80.00"));
    CHECK(v.binding == "state");
    CHECK(v.state_floor == usd("480.00"));
    CHECK(v.main_rule().citation == "N.Y. CPLR 5231(b)");
  }
  SECTION("the excess over the state floor binds") {
    const auto v = garnishment_limit("US-NY", usd("500.00"), pay_period::weekly, d("2026-03-01"), usd("650.00"));
    CHECK(v.amount == usd("20.00"));  // 500 - 480
  }
  SECTION("New York City, Long Island and Westchester: 17.00 an hour protects 510.00") {
    garnishment_options o;
    o.wage_region = "nyc_li_westchester";
    const auto v = garnishment_limit("US-NY", usd("500.00"), pay_period::weekly, d("2026-03-01"), usd("650.00"), o);
    CHECK(v.state_floor == usd("510.00"));
    CHECK(v.amount == usd("0.00"));
  }
  SECTION("semimonthly: 65 x 16.00 = 1,040.00") {
    const auto v = garnishment_limit("US-NY", usd("1500.00"), pay_period::semimonthly, d("2026-03-01"), usd("2000.00"));
    CHECK(v.state_floor == usd("1040.00"));
    CHECK(v.amount == usd("200.00"));  // 10% of 2,000 < 460 excess < 375 (25%)
  }
  SECTION("a state minimum-wage change moves the floor") {
    CHECK(garnishment_limit("US-NY", usd("500.00"), pay_period::weekly, d("2025-12-31"), usd("650.00")).state_floor ==
          usd("465.00"));  // 30 x 15.50
    CHECK(garnishment_limit("US-NY", usd("500.00"), pay_period::weekly, d("2026-01-01"), usd("650.00")).state_floor ==
          usd("480.00"));
  }
  SECTION("gross earnings are required") {
    REQUIRE_THROWS_MATCHES(garnishment_limit("US-NY", usd("600.00"), pay_period::weekly, d("2026-03-01")),
                           invalid_input_error, has_id("garnishment.gross_required", "gross"));
    REQUIRE_THROWS_MATCHES(garnishment_limit("US-NY", usd("600.00"), pay_period::weekly, d("2026-03-01"), usd("500.00")),
                           invalid_input_error, has_id("garnishment.gross_below_disposable"));
  }
}

TEST_CASE("California CCP 706.050: 20% / 40% over 48x the state minimum wage from 2023-09-01", "[garnishment]") {
  SECTION("weekly, 2026: floor 48 x 16.90 = 811.20") {
    const auto v = garnishment_limit("US-CA", usd("1000.00"), pay_period::weekly, d("2026-02-01"));
    CHECK(v.state_floor == usd("811.20"));
    CHECK(v.state_amount == usd("75.52"));  // 40% of 188.80
    CHECK(v.amount == usd("75.52"));
    CHECK(v.binding == "state");
  }
  SECTION("monthly, 2026: 208 x 16.90 = 3,515.20") {
    const auto v = garnishment_limit("US-CA", usd("4000.00"), pay_period::monthly, d("2026-02-01"));
    CHECK(v.state_floor == usd("3515.20"));
    CHECK(v.amount == usd("193.92"));  // 40% of 484.80
  }
  SECTION("the version before and after 1 September 2023 (same 15.50 wage)") {
    const auto before = garnishment_limit("US-CA", usd("1000.00"), pay_period::weekly, d("2023-08-31"));
    CHECK(before.state_floor == usd("620.00"));  // 40 x 15.50
    CHECK(before.amount == usd("190.00"));       // 50% of 380.00 < 25% (250.00)
    const auto after = garnishment_limit("US-CA", usd("1000.00"), pay_period::weekly, d("2023-09-01"));
    CHECK(after.state_floor == usd("744.00"));  // 48 x 15.50
    CHECK(after.amount == usd("102.40"));       // 40% of 256.00
  }
  SECTION("a higher local minimum wage protects more") {
    garnishment_options o;
    o.local_minimum_hourly = usd("19.18");
    const auto v = garnishment_limit("US-CA", usd("1000.00"), pay_period::weekly, d("2026-02-01"), std::nullopt, o);
    CHECK(v.state_floor == usd("920.64"));
    CHECK(v.amount == usd("31.74"));  // 40% of 79.36 = 31.744, rounded down
  }
}

TEST_CASE("other states: Illinois, Massachusetts, Colorado, Florida, exempt states, states without a rule",
          "[garnishment]") {
  SECTION("Illinois: 15% of gross or the excess over 45 x 15.00") {
    const auto v = garnishment_limit("US-IL", usd("800.00"), pay_period::weekly, d("2026-02-01"), usd("1000.00"));
    CHECK(v.state_floor == usd("675.00"));
    CHECK(v.amount == usd("125.00"));
  }
  SECTION("Massachusetts: 15% of gross or gross over 50 x 15.00") {
    CHECK(garnishment_limit("US-MA", usd("800.00"), pay_period::weekly, d("2026-02-01"), usd("1000.00")).amount ==
          usd("150.00"));
    CHECK(garnishment_limit("US-MA", usd("700.00"), pay_period::weekly, d("2026-02-01"), usd("800.00")).amount ==
          usd("50.00"));
    CHECK(garnishment_limit("US-MA", usd("3000.00"), pay_period::monthly, d("2026-02-01"), usd("4000.00")).state_floor ==
          usd("3250.00"));  // 50 x 4 1/3 weeks x 15.00
  }
  SECTION("Colorado: 20% or the excess over 40 x 15.16") {
    const auto v = garnishment_limit("US-CO", usd("800.00"), pay_period::weekly, d("2026-02-01"));
    CHECK(v.state_floor == usd("606.40"));
    CHECK(v.amount == usd("160.00"));
  }
  SECTION("Florida: a head of family's wages are exempt unless agreed in writing") {
    garnishment_options o;
    CHECK(garnishment_limit("US-FL", usd("1000.00"), pay_period::weekly, d("2026-02-01"), std::nullopt, o).amount ==
          usd("250.00"));
    o.head_of_family = true;
    const auto v = garnishment_limit("US-FL", usd("1000.00"), pay_period::weekly, d("2026-02-01"), std::nullopt, o);
    CHECK(v.amount == usd("0.00"));
    CHECK(v.binding == "state");
    o.written_consent = true;  // s222.11(2)(b): above 750 a week, the CCPA limit with written consent
    CHECK(garnishment_limit("US-FL", usd("900.00"), pay_period::weekly, d("2026-02-01"), std::nullopt, o).amount ==
          usd("225.00"));
    CHECK(garnishment_limit("US-FL", usd("750.00"), pay_period::weekly, d("2026-02-01"), std::nullopt, o).amount ==
          usd("0.00"));
  }
  SECTION("Texas, Pennsylvania, North and South Carolina: nothing for an ordinary consumer debt") {
    for (const char* j : {"US-TX", "US-PA", "US-NC", "US-SC"}) {
      INFO(j);
      const auto v = garnishment_limit(j, usd("1000.00"), pay_period::weekly, d("2026-02-01"));
      CHECK(v.amount == usd("0.00"));
      CHECK(v.federal_amount == usd("250.00"));
      CHECK(v.binding == "state");
    }
  }
  SECTION("Oregon: a fixed protected amount per pay period (ORS 18.385(2), wages payable from 2026-07-01)") {
    const auto w = garnishment_limit("US-OR", usd("500.00"), pay_period::weekly, d("2026-08-01"));
    CHECK(w.amount == usd("100.00"));  // 500 - 400 < 25% of 500
    CHECK(w.state_floor == usd("400.00"));
    CHECK_THAT(w.explain(), Catch::Contains("the fixed amount 400.00 USD for the pay period"));
    // the statute's own biweekly figure (832), not twice the weekly one
    CHECK(garnishment_limit("US-OR", usd("1000.00"), pay_period::biweekly, d("2026-08-01")).amount == usd("168.00"));
    // no monthly figure in the statute as read: 400 x 13/3 = 1733.333... rounded up to 1733.34
    const auto m = garnishment_limit("US-OR", usd("2000.00"), pay_period::monthly, d("2026-08-01"));
    CHECK(m.state_floor == usd("1733.34"));
    CHECK(m.amount == usd("266.66"));
    CHECK(garnishment_limit("US-OR", usd("500.00"), pay_period::weekly, d("2025-03-01")).amount == usd("125.00"));
  }
  SECTION("a date before the state's rule starts in the book: the federal limit alone, and the verdict says so") {
    const auto v = garnishment_limit("US-IL", usd("500.00"), pay_period::weekly, d("2005-06-01"));
    CHECK(v.amount == usd("125.00"));
    CHECK_FALSE(v.state_amount.has_value());
    CHECK_THAT(v.explain(), Catch::Contains("garnishment limit for Illinois is not in force on 2005-06-01"));
  }
  SECTION("every state and DC has a rule; a start date that is only a lower bound answers for earlier dates too") {
    for (const char* j : {"US-AL", "US-OH", "US-WY", "US-DC", "US-KS"})
      CHECK(rule_book::defaults().find(j, "garnishment.state_limit", d("2026-02-01")) != nullptr);
    const auto* oh = rule_book::defaults().find("US-OH", "garnishment.state_limit", d("2001-01-01"));
    REQUIRE(oh != nullptr);
    CHECK(oh->since_at_least);
    const auto v = garnishment_limit("US-OH", usd("500.00"), pay_period::weekly, d("2026-02-01"));
    CHECK(v.amount == usd("125.00"));
    CHECK_THAT(v.explain(), Catch::Contains("START DATE A LOWER BOUND"));
  }
}

TEST_CASE("garnishment verdicts explain themselves and cite their rules", "[garnishment]") {
  const auto v = garnishment_limit("US-NY", usd("600.00"), pay_period::weekly, d("2026-03-01"), usd("800.00"));
  const std::string text = v.explain();
  CHECK_THAT(text, Catch::Contains("10% of gross earnings is 80.00 USD"));
  CHECK_THAT(text, Catch::Contains("29 CFR 870.10"));
  CHECK_THAT(text, Catch::Contains("rounding mode down"));
  CHECK(v.rules.size() >= 4);
  CHECK(garnishment_limit("US", usd("250.00"), pay_period::weekly, d("2026-01-09")).main_rule().rule_id ==
        "garnishment.floor_multiple");
  CHECK(garnishment_limit("US", usd("500.00"), pay_period::weekly, d("2026-01-09")).main_rule().rule_id ==
        "garnishment.disposable_percent");
}

TEST_CASE("garnishment errors name the bad value", "[garnishment]") {
  REQUIRE_THROWS_MATCHES(parse_pay_period("weekley"), invalid_input_error, has_id("garnishment.pay_period", "weekley"));
  CHECK(parse_pay_period("semi-monthly") == pay_period::semimonthly);
  REQUIRE_THROWS_MATCHES(garnishment_limit("US", usd("-1.00"), pay_period::weekly, d("2026-01-09")), invalid_input_error,
                         has_id("garnishment.negative_earnings", "-1.00 USD"));
  REQUIRE_THROWS_MATCHES(garnishment_limit("GB", usd("100.00"), pay_period::weekly, d("2026-01-09")),
                         unknown_jurisdiction_error, has_id("garnishment.jurisdiction", "'GB'"));
  REQUIRE_THROWS_MATCHES(garnishment_limit("us-ny", usd("100.00"), pay_period::weekly, d("2026-01-09")),
                         unknown_jurisdiction_error, has_id("garnishment.jurisdiction"));
  REQUIRE_THROWS_MATCHES(garnishment_limit("US", money::parse("100.00 GBP"), pay_period::weekly, d("2026-01-09")),
                         currency_mismatch_error, has_id("garnishment.currency"));
}

TEST_CASE("the batch form agrees with the scalar form row by row", "[garnishment]") {
  const std::vector<std::int64_t> disposable{21750, 25000, 100000, 60000, -5, 100000};
  const std::vector<std::string> states{"US", "US", "US-CA", "US-NY", "US", "XX"};
  const std::vector<std::int64_t> gross{21750, 30000, 120000, 80000, 0, 100000};
  std::vector<std::int64_t> out(disposable.size()), fed(disposable.size()), state(disposable.size());
  row_errors errors;
  garnishment_limits({disposable, states, gross}, "US", pay_period::weekly, d("2026-03-01"), out, &errors, {},
                     rule_book::defaults(), fed, state);
  CHECK(out == std::vector<std::int64_t>{0, 3250, 7552, 8000, 0, 0});
  CHECK(fed == std::vector<std::int64_t>{0, 3250, 25000, 15000, 0, 0});
  CHECK(state == std::vector<std::int64_t>{-1, -1, 7552, 8000, -1, -1});
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].row == 4);
  CHECK(errors[0].id == "garnishment.negative_earnings");
  CHECK(errors[1].row == 5);
  CHECK(errors[1].id == "garnishment.jurisdiction");
  for (std::size_t i = 0; i < 4; ++i) {
    const auto v = garnishment_limit(states[i], money::from_minor(disposable[i], currency("USD")), pay_period::weekly,
                                     d("2026-03-01"), money::from_minor(gross[i], currency("USD")));
    CHECK(v.amount.minor_units() == out[i]);
  }
  SECTION("without an error sink the first bad row throws with its row number") {
    std::vector<std::int64_t> o(disposable.size());
    REQUIRE_THROWS_MATCHES(garnishment_limits({disposable, states, gross}, "US", pay_period::weekly, d("2026-03-01"), o),
                           invalid_input_error, has_id("garnishment.negative_earnings", "row 4: "));
  }
  SECTION("no_gross marks a row without gross earnings: a federal row is unaffected, New York needs it") {
    const std::vector<std::int64_t> g{no_gross, no_gross};
    const std::vector<std::int64_t> disp{25000, 60000};
    const std::vector<std::string> js{"US", "US-NY"};
    std::vector<std::int64_t> o(2);
    row_errors errs;
    garnishment_limits({disp, js, g}, "US", pay_period::weekly, d("2026-03-01"), o, &errs);
    CHECK(o[0] == 3250);
    REQUIRE(errs.size() == 1);
    CHECK(errs[0].row == 1);
    CHECK(errs[0].id == "garnishment.gross_required");
  }
  SECTION("column lengths must agree") {
    std::vector<std::int64_t> short_out(2);
    REQUIRE_THROWS_MATCHES(garnishment_limits({disposable, {}, {}}, "US", pay_period::weekly, d("2026-03-01"), short_out),
                           invalid_input_error, has_id("garnishment.batch_shape"));
  }
}

TEST_CASE("the limit never exceeds 25% of disposable earnings nor cuts into the federal floor", "[garnishment]") {
  for (std::int64_t cents = 0; cents <= 400000; cents += 997) {
    for (auto p : {pay_period::weekly, pay_period::biweekly, pay_period::semimonthly, pay_period::monthly}) {
      const money disp = money::from_minor(cents, currency("USD"));
      const auto v = garnishment_limit("US-CA", disp, p, d("2026-02-01"));
      CHECK(v.amount <= disp.multiply(decimal("0.25"), rounding_mode::down));
      CHECK((v.amount.is_zero() || disp - v.amount >= v.federal_floor));
      CHECK_FALSE(v.amount.is_negative());
    }
  }
}
