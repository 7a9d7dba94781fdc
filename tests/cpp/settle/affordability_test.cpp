// Income and expenditure statements and debt management plans (figures worked by hand).
#include "recoup/settle/affordability.hpp"
#include "recoup/settle/debt_management_plan.hpp"

#include "../support.hpp"

using namespace recoup;
using recoup::test::has_id;

namespace {
money gbp(const char* s) { return money(decimal::parse(s), currency("GBP")); }
ie_item item(ie_section s, const char* cat, const char* amount, pay_frequency f) {
  return {.section = s, .category = cat, .amount = gbp(amount), .frequency = f};
}
}  // namespace

TEST_CASE("every frequency normalises to monthly exactly, then rounds once", "[settle][affordability]") {
  const std::vector<ie_item> items{
      item(ie_section::income, "earnings", "450.00", pay_frequency::weekly),           // 1950.00 exactly
      item(ie_section::income, "benefits", "100.00", pay_frequency::fortnightly),      // 216.666... -> 216.67
      item(ie_section::fixed_cost, "rent", "700.00", pay_frequency::monthly),
      item(ie_section::fixed_cost, "council_tax", "120.00", pay_frequency::four_weekly),  // 130.00
      item(ie_section::flexible_cost, "food", "80.00", pay_frequency::weekly),         // 346.666... -> 346.67
      item(ie_section::priority_debt, "energy_arrears", "150.00", pay_frequency::yearly),  // 12.50
  };
  const auto s = assess_affordability(items, currency("GBP"), rounding_mode::half_up);
  CHECK(s.lines[0].monthly == gbp("1950.00"));
  CHECK(s.lines[1].monthly == gbp("216.67"));
  CHECK(s.lines[3].monthly == gbp("130.00"));
  CHECK(s.lines[5].monthly == gbp("12.50"));
  CHECK(s.income == gbp("2166.67"));
  CHECK(s.fixed_costs == gbp("830.00"));
  CHECK(s.flexible_costs == gbp("346.67"));
  CHECK(s.priority_debts == gbp("12.50"));
  CHECK(s.disposable == gbp("977.50"));
  CHECK_FALSE(s.no_disposable_income);
  CHECK(s.lines[1].rule.find("half_up") != std::string::npos);
  CHECK(assess_affordability(items, currency("GBP"), rounding_mode::down).lines[1].monthly == gbp("216.66"));
  SECTION("negative disposable income is flagged, not refused") {
    const std::vector<ie_item> poor{item(ie_section::income, "benefits", "100.00", pay_frequency::monthly),
                                    item(ie_section::fixed_cost, "rent", "400.00", pay_frequency::monthly)};
    const auto p = assess_affordability(poor, currency("GBP"), rounding_mode::half_up);
    CHECK(p.disposable == gbp("-300.00"));
    CHECK(p.no_disposable_income);
    CHECK(p.explain().find("no disposable income") != std::string::npos);
  }
  SECTION("bad input") {
    const std::vector<ie_item> bad_cat{item(ie_section::income, "rent", "1.00", pay_frequency::monthly)};
    CHECK_THROWS_MATCHES(assess_affordability(bad_cat, currency("GBP"), rounding_mode::half_up), invalid_input_error,
                         has_id("affordability.category"));
    const std::vector<ie_item> neg{item(ie_section::income, "earnings", "-1.00", pay_frequency::monthly)};
    CHECK_THROWS_MATCHES(assess_affordability(neg, currency("GBP"), rounding_mode::half_up), invalid_input_error,
                         has_id("affordability.amount"));
    CHECK_THROWS_AS(assess_affordability(bad_cat, currency("USD"), rounding_mode::half_up), currency_mismatch_error);
    CHECK_THROWS_MATCHES(parse_pay_frequency("daily"), invalid_input_error, has_id("affordability.frequency"));
    CHECK_THROWS_MATCHES(parse_ie_section("assets"), invalid_input_error, has_id("affordability.section"));
  }
}

TEST_CASE("a debt management plan shares disposable income pro rata without losing a penny", "[settle][affordability]") {
  const std::vector<dmp_creditor> two{{"Card A", gbp("3000.00")}, {"Loan B", gbp("1000.00")}};
  const auto p = debt_management_plan(gbp("100.00"), two);
  CHECK(p.shares[0].payment == gbp("75.00"));
  CHECK(p.shares[1].payment == gbp("25.00"));
  CHECK(*p.shares[0].months == 40);
  CHECK(*p.months == 40);
  CHECK_FALSE(p.too_long);
  const std::vector<dmp_creditor> three{{"A", gbp("500.00")}, {"B", gbp("500.00")}, {"C", gbp("500.00")}};
  const auto q = debt_management_plan(gbp("100.00"), three);
  CHECK(q.shares[0].payment == gbp("33.34"));
  CHECK(q.shares[2].payment == gbp("33.33"));
  CHECK(q.distributed == gbp("100.00"));
  CHECK(*q.months == 16);  // ceil(500.00 / 33.33) = 16
  SECTION("a share above the balance is capped; the rest is undistributed") {
    const std::vector<dmp_creditor> small{{"A", gbp("100.00")}, {"B", gbp("300.00")}};
    const auto r = debt_management_plan(gbp("500.00"), small);
    CHECK(r.shares[0].payment == gbp("100.00"));
    CHECK(r.undistributed == gbp("100.00"));
    CHECK(*r.months == 1);
  }
  SECTION("too long and nothing to share") {
    const std::vector<dmp_creditor> one{{"A", gbp("1000.00")}};
    const auto r = debt_management_plan(gbp("10.00"), one);
    CHECK(*r.months == 100);
    CHECK(r.too_long);
    CHECK_FALSE(debt_management_plan(gbp("10.00"), one, {.max_months = 120}).too_long);
    const auto z = debt_management_plan(gbp("0.00"), one);
    CHECK(z.no_disposable_income);
    CHECK_FALSE(z.months.has_value());
    CHECK(z.explain().find("no disposable income") != std::string::npos);
  }
  SECTION("bad input") {
    CHECK_THROWS_MATCHES(debt_management_plan(gbp("10.00"), std::vector<dmp_creditor>{}), invalid_input_error,
                         has_id("affordability.creditors"));
    const std::vector<dmp_creditor> zero{{"A", gbp("0.00")}};
    CHECK_THROWS_MATCHES(debt_management_plan(gbp("10.00"), zero), invalid_input_error, has_id("affordability.creditors"));
    const std::vector<dmp_creditor> one{{"A", gbp("1.00")}};
    CHECK_THROWS_MATCHES(debt_management_plan(gbp("10.00"), one, {.max_months = 0}), invalid_input_error,
                         has_id("affordability.max_months"));
  }
}
