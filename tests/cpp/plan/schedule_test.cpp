// Repayment schedules: worked examples written out by hand, and the invariants every schedule keeps.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "recoup/plan/schedule.hpp"
#include "recoup/plan/schedule_batch.hpp"

using namespace recoup;

namespace {

money m(const char* text) { return money::parse(text); }
civil_date d(const char* text) { return civil_date::parse(text); }

std::vector<std::string> payments(const schedule& s) {
  std::vector<std::string> out;
  for (const auto& r : s.rows()) out.push_back(r.payment.to_string());
  return out;
}

/// The invariants: rows add up, the balance never goes negative and ends at zero, principal
/// repaid equals the amount financed.
void check_invariants(const schedule& s) {
  const auto& rows = s.rows();
  REQUIRE(!rows.empty());
  money previous = s.terms().principal;
  for (const auto& r : rows) {
    CHECK(r.payment == r.interest + r.principal + r.fees);
    CHECK(r.balance == previous - r.principal);
    CHECK(r.balance.minor_units() >= 0);
    previous = r.balance;
  }
  CHECK(rows.back().balance.is_zero());
  CHECK(s.total_principal() == s.terms().principal);
  CHECK(s.total_payment() == s.total_interest() + s.total_principal() + s.total_fees());
}

}  // namespace

TEST_CASE("level payment: USD 10,000 at 6% over 12 months", "[plan][schedule]") {
  // PMT = 10000 × 0.005 / (1 - 1.005^-12) = 860.664..., rounded half up to 860.66; the last
  // instalment pays what remains (860.70). Interest per month rounded half up.
  const schedule s = build_schedule({.principal = m("10000.00 USD"),
                                     .rate = annual_rate(decimal("0.06")),
                                     .periods = 12,
                                     .first_due = d("2025-01-31")});
  check_invariants(s);
  CHECK(s.regular_payment() == m("860.66 USD"));
  CHECK(s.rows().front().interest == m("50.00 USD"));
  CHECK(s.rows().back().payment == m("860.70 USD"));
  CHECK(s.total_interest() == m("327.96 USD"));
  CHECK(s.rows()[1].due_date == d("2025-02-28"));
  CHECK(s.rows()[2].due_date == d("2025-03-31"));  // anchored on the 31st, no drift
  REQUIRE(s.adjustments().size() == 1);
  CHECK(s.adjustments()[0].kind == "final_clears_balance");
  CHECK(s.adjustments()[0].amount == m("0.04 USD"));
  CHECK_THAT(s.explain(), Catch::Contains("periodic rate 1/200"));
}

TEST_CASE("level payment: the classic 30-year USD 200,000 at 6.5% is 1,264.14", "[plan][schedule]") {
  const schedule s = build_schedule({.principal = m("200000.00 USD"),
                                     .rate = annual_rate(decimal("0.065")),
                                     .periods = 360,
                                     .first_due = d("2025-02-01")});
  check_invariants(s);
  CHECK(s.regular_payment() == m("1264.14 USD"));
  CHECK(s.instalments() == 360);
  CHECK(s.final_due_date() == d("2055-01-01"));
}

TEST_CASE("arrears arrangement: GBP 1,200 at GBP 50 a month is 24 instalments", "[plan][schedule]") {
  const schedule s = build_schedule({.principal = m("1200.00 GBP"),
                                     .shape = schedule_shape::fixed_instalment,
                                     .first_due = d("2026-01-15"),
                                     .instalment = m("50.00 GBP")});
  check_invariants(s);
  CHECK(s.instalments() == 24);
  CHECK(s.total_interest().is_zero());
  CHECK(s.final_due_date() == d("2027-12-15"));
  CHECK(s.rows().back().payment == m("50.00 GBP"));
  CHECK(s.adjustments().empty());
}

TEST_CASE("payment rounding: residue on the last or the first instalment, or whole pounds up", "[plan][schedule]") {
  schedule_terms t{.principal = m("1200.00 GBP"), .periods = 7, .first_due = d("2026-01-15")};
  // 1200 / 7 = 171.428571...: 171.43 half up; six of them leave 171.42.
  const schedule last = build_schedule(t);
  CHECK(payments(last) == std::vector<std::string>{"171.43 GBP", "171.43 GBP", "171.43 GBP", "171.43 GBP",
                                                   "171.43 GBP", "171.43 GBP", "171.42 GBP"});
  t.payment_round.residue = residue_placement::first;
  const schedule first = build_schedule(t);
  check_invariants(first);
  CHECK(payments(first) == std::vector<std::string>{"171.42 GBP", "171.43 GBP", "171.43 GBP", "171.43 GBP",
                                                    "171.43 GBP", "171.43 GBP", "171.43 GBP"});
  CHECK(first.adjustments().at(0).kind == "residue_first");
  // Whole pounds, rounded up: 172 a month, the last 168.
  t.payment_round = {100, rounding_mode::up, residue_placement::last};
  const schedule pounds = build_schedule(t);
  check_invariants(pounds);
  CHECK(payments(pounds).front() == "172.00 GBP");
  CHECK(payments(pounds).back() == "168.00 GBP");
}

TEST_CASE("level principal and interest-only shapes", "[plan][schedule]") {
  // 1,200 at 12% (1% a month): principal 300 each month plus interest 12, 9, 6, 3.
  const schedule lp = build_schedule({.principal = m("1200.00 USD"),
                                      .rate = annual_rate(decimal("0.12")),
                                      .shape = schedule_shape::level_principal,
                                      .periods = 4,
                                      .first_due = d("2025-03-01")});
  check_invariants(lp);
  CHECK(payments(lp) == std::vector<std::string>{"312.00 USD", "309.00 USD", "306.00 USD", "303.00 USD"});
  const schedule io = build_schedule({.principal = m("10000.00 USD"),
                                      .rate = annual_rate(decimal("0.12")),
                                      .shape = schedule_shape::interest_only,
                                      .periods = 3,
                                      .first_due = d("2025-03-01")});
  check_invariants(io);
  CHECK(payments(io) == std::vector<std::string>{"100.00 USD", "100.00 USD", "10100.00 USD"});
}

TEST_CASE("fixed instalment with interest derives the term; too small an instalment is refused", "[plan][schedule]") {
  schedule_terms t{.principal = m("1000.00 USD"),
                   .rate = annual_rate(decimal("0.12")),
                   .shape = schedule_shape::fixed_instalment,
                   .first_due = d("2025-03-01"),
                   .instalment = m("100.00 USD")};
  const schedule s = build_schedule(t);
  check_invariants(s);
  CHECK(s.instalments() == 11);  // n = -ln(0.9)/ln(1.01) = 10.59
  CHECK(s.rows().back().payment < m("100.00 USD"));
  t.instalment = m("10.00 USD");  // exactly the first month's interest: never clears
  CHECK_THROWS_WITH(build_schedule(t), Catch::Contains("does not cover the period's interest"));
  t.instalment = m("10.00 EUR");
  CHECK_THROWS_AS(build_schedule(t), currency_mismatch_error);
}

TEST_CASE("odd first period: a long stub charged on actual days", "[plan][schedule]") {
  // 1,000 at 12% from 1 Jan 2024, first due 15 Feb 2024 (regular start would be 15 Jan):
  // stub interest 1000 × 0.12 × 45/365 = 14.79 (ACT/365F, half up), then 1% a month.
  const schedule s = build_schedule({.principal = m("1000.00 USD"),
                                     .rate = annual_rate(decimal("0.12")),
                                     .periods = 2,
                                     .start = d("2024-01-01"),
                                     .first_due = d("2024-02-15")});
  check_invariants(s);
  CHECK(s.rows()[0].interest == m("14.79 USD"));
  CHECK(s.rows()[1].due_date == d("2024-03-15"));
  CHECK_THAT(s.explain(), Catch::Contains("odd first period"));
}

TEST_CASE("payment holiday capitalises interest; grace on principal pays interest only", "[plan][schedule]") {
  const schedule s = build_schedule({.principal = m("1000.00 USD"),
                                     .rate = annual_rate(decimal("0.12")),
                                     .periods = 3,
                                     .first_due = d("2025-03-01"),
                                     .payment_holiday_periods = 1});
  check_invariants(s);
  CHECK(s.rows()[0].payment.is_zero());
  CHECK(s.rows()[0].principal == m("-10.00 USD"));
  CHECK(s.rows()[0].balance == m("1010.00 USD"));
  CHECK(s.regular_payment() == m("512.59 USD"));  // 1010 × 0.01 / (1 - 1.01^-2) = 512.587...
  const schedule g = build_schedule({.principal = m("1000.00 USD"),
                                     .rate = annual_rate(decimal("0.12")),
                                     .periods = 4,
                                     .first_due = d("2025-03-01"),
                                     .interest_only_periods = 2});
  check_invariants(g);
  CHECK(payments(g)[0] == "10.00 USD");
  CHECK(payments(g)[1] == "10.00 USD");
}

TEST_CASE("down payment, balloon, fee, graduated and custom", "[plan][schedule]") {
  const schedule down = build_schedule({.principal = m("1200.00 USD"),
                                        .periods = 4,
                                        .start = d("2025-01-01"),
                                        .down_payment = m("200.00 USD")});
  check_invariants(down);
  CHECK(down.rows()[0].number == 0);
  CHECK(down.rows()[0].payment == m("200.00 USD"));
  CHECK(down.rows()[1].payment == m("250.00 USD"));
  CHECK(down.rows()[1].due_date == d("2025-02-01"));

  const schedule balloon = build_schedule({.principal = m("10000.00 USD"),
                                           .rate = annual_rate(decimal("0.06")),
                                           .periods = 12,
                                           .first_due = d("2025-01-31"),
                                           .balloon = m("5000.00 USD")});
  check_invariants(balloon);
  CHECK(balloon.rows().back().payment > m("5000.00 USD"));

  const schedule fee = build_schedule({.principal = m("300.00 USD"),
                                       .periods = 3,
                                       .first_due = d("2025-01-31"),
                                       .fee_per_instalment = m("1.50 USD")});
  check_invariants(fee);
  CHECK(fee.rows()[0].payment == m("101.50 USD"));
  CHECK(fee.total_fees() == m("4.50 USD"));

  const schedule grad = build_schedule({.principal = m("10000.00 USD"),
                                        .rate = annual_rate(decimal("0.06")),
                                        .shape = schedule_shape::graduated,
                                        .periods = 24,
                                        .first_due = d("2025-01-31"),
                                        .step_every = 12,
                                        .step_rate = decimal("0.10")});
  check_invariants(grad);
  const auto p1 = grad.rows()[0].payment.minor_units();
  const auto p13 = grad.rows()[12].payment.minor_units();
  CHECK(p13 == Approx(p1 * 11 / 10).margin(1));

  const schedule cust = build_schedule({.principal = m("1000.00 USD"),
                                        .shape = schedule_shape::custom,
                                        .first_due = d("2025-01-31"),
                                        .custom_amounts = {m("100.00 USD"), m("200.00 USD"), m("300.00 USD")}});
  check_invariants(cust);
  CHECK(payments(cust) == std::vector<std::string>{"100.00 USD", "200.00 USD", "700.00 USD"});
}

TEST_CASE("daily interest on actual dates under a day count", "[plan][schedule]") {
  const schedule s = build_schedule({.principal = m("3650.00 USD"),
                                     .rate = annual_rate(decimal("0.10")),
                                     .periods = 3,
                                     .start = d("2025-01-01"),
                                     .interest = interest_method::daily});
  check_invariants(s);
  // 31 days of January: 3650 × 0.10 × 31/365 = 31.00 exactly.
  CHECK(s.rows()[0].interest == m("31.00 USD"));
}

TEST_CASE("frequencies and end-of-month anchoring", "[plan][frequency]") {
  const auto eom = due_dates(d("2023-04-30"), 3, frequency::monthly(), {.anchor_day = 0, .end_of_month = true});
  CHECK(eom[1] == d("2023-05-31"));
  CHECK(eom[2] == d("2023-06-30"));
  const auto plain = due_dates(d("2023-04-30"), 2, frequency::monthly());
  CHECK(plain[1] == d("2023-05-30"));
  const auto semi = due_dates(d("1978-03-01"), 4, frequency::semi_monthly(1, 16));
  CHECK(semi[1] == d("1978-03-16"));
  CHECK(semi[2] == d("1978-04-01"));
  const auto semi_end = due_dates(d("2024-02-15"), 3, frequency::semi_monthly(15, 31));
  CHECK(semi_end[1] == d("2024-02-29"));
  CHECK(semi_end[2] == d("2024-03-15"));
  CHECK(frequency::parse("fortnightly").periods_per_year_numerator() == 52);
  CHECK(frequency::parse("fortnightly").periods_per_year_denominator() == 2);
  CHECK(frequency::parse("every_5_months").name() == "every_5_months");
  CHECK(frequency::parse("Semi-Monthly:1,16") == frequency::semi_monthly(1, 16));
  CHECK_THROWS_WITH(frequency::parse("daily"), Catch::Contains("unknown frequency 'daily'"));
  CHECK_THROWS_AS(frequency::semi_monthly(20, 25), invalid_input_error);
  CHECK_THROWS_WITH(frequency::semi_monthly(1, 16).nth_date(d("2024-02-10"), 1, 1), Catch::Contains("not on day 1"));
}

TEST_CASE("bad terms give specific errors", "[plan][schedule]") {
  auto id_of = [](const schedule_terms& t) {
    try {
      (void)build_schedule(t);
    } catch (const error& e) {
      return e.id();
    }
    return std::string("none");
  };
  CHECK(id_of({.principal = m("0.00 USD"), .periods = 3, .first_due = d("2025-01-01")}) == "plan.principal");
  CHECK(id_of({.principal = m("10.00 USD"), .periods = 0, .first_due = d("2025-01-01")}) == "plan.periods");
  CHECK(id_of({.principal = m("10.00 USD"), .periods = 3}) == "plan.dates");
  CHECK(id_of({.principal = m("10.00 USD"), .periods = 3, .start = d("2025-02-01"), .first_due = d("2025-01-01")}) ==
        "plan.dates");
  CHECK(id_of({.principal = m("10.00 USD"), .shape = schedule_shape::custom, .first_due = d("2025-01-01")}) ==
        "plan.shape_terms");
  CHECK(id_of({.principal = m("10.00 USD"), .periods = 3, .first_due = d("2025-01-01"), .interest_only_periods = 3}) ==
        "plan.shape_terms");
  CHECK_THROWS_AS(parse_schedule_shape("annuity"), invalid_input_error);
  CHECK_THROWS_AS(annual_rate(decimal("-0.01")), invalid_input_error);
  CHECK_THROWS_WITH(annual_rate(decimal("969")), Catch::Contains("pass a fraction"));
}

TEST_CASE("invariants hold over a sweep of terms, and the batch rows equal the scalar rows", "[plan][schedule]") {
  const char* rates[] = {"0", "0.0001", "0.0349", "0.0969", "0.1999", "0.35", "1.5"};
  const std::int64_t terms[] = {1, 2, 7, 12, 60, 361};
  const char* freqs[] = {"monthly", "weekly", "fortnightly", "quarterly", "semi_monthly:1,16", "every_5_months"};
  const std::int64_t principals[] = {1, 99, 100000, 123456789, 5000000000};
  for (const char* rate : rates) {
    for (auto n : terms) {
      for (const char* f : freqs) {
        for (auto p : principals) {
          schedule_terms t{.principal = money::from_minor(p, currency("USD")),
                           .rate = annual_rate(decimal(rate)),
                           .periods = n,
                           .freq = frequency::parse(f),
                           .first_due = d("2024-03-01")};
          const schedule s = build_schedule(t);
          check_invariants(s);
          // Batch of one equals the scalar.
          const std::int64_t minor[] = {p};
          const decimal r[] = {decimal(rate)};
          const std::int64_t per[] = {n};
          const std::int32_t due[] = {d("2024-03-01").serial()};
          const auto b = build_schedules(t, {minor, r, per, due, {}});
          REQUIRE(b.payment.size() == s.rows().size());
          for (std::size_t i = 0; i < b.payment.size(); ++i) {
            CHECK(b.payment[i] == s.rows()[i].payment.minor_units());
            CHECK(b.interest[i] == s.rows()[i].interest.minor_units());
            CHECK(b.due_date[i] == s.rows()[i].due_date.serial());
          }
        }
      }
    }
  }
}

TEST_CASE("batch collects per-row errors and keeps going", "[plan][schedule]") {
  const schedule_terms proto{.principal = money::from_minor(1, currency("USD"))};
  const std::int64_t minor[] = {100000, -5, 100000};
  const decimal r[] = {decimal("0.05")};
  const std::int64_t per[] = {12, 12, 0};
  const std::int32_t due[] = {d("2024-03-01").serial(), d("2024-03-01").serial(), d("2024-03-01").serial()};
  row_errors errors;
  const auto b = build_schedules(proto, {minor, r, per, due, {}}, &errors);
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].row == 1);
  CHECK(errors[0].id == "plan.principal");
  CHECK(errors[1].id == "plan.periods");
  CHECK(b.offsets == std::vector<std::int64_t>{0, 12, 12, 12});
  CHECK_THROWS_WITH(build_schedules(proto, {minor, r, per, due, {}}), Catch::StartsWith("row 1: "));
}

TEST_CASE("an exact half-cent payment is rounded by its named mode, not by approximation", "[plan][schedule]") {
  // 1.00 at 6% a year for one month: the exact payment is 1.005, a tie at half a cent.
  auto regular = [](rounding_mode mode) {
    schedule_terms t{.principal = m("1.00 USD"), .rate = annual_rate(decimal("0.06")), .periods = 1,
                     .first_due = d("2025-01-31")};
    t.payment_round.mode = mode;
    return build_schedule(t).regular_payment().to_string();
  };
  CHECK(regular(rounding_mode::half_up) == "1.01 USD");
  CHECK(regular(rounding_mode::half_even) == "1.00 USD");
  CHECK(regular(rounding_mode::half_down) == "1.00 USD");
  CHECK(regular(rounding_mode::up) == "1.01 USD");
  CHECK(regular(rounding_mode::down) == "1.00 USD");
  // Two months at 12%: 2.01 × 1.01² / (1.01² - 1)... checked against the exact rational path.
  schedule_terms two{.principal = m("201.00 USD"), .rate = annual_rate(decimal("0.12")), .periods = 2,
                     .first_due = d("2025-01-31")};
  const schedule s = build_schedule(two);
  check_invariants(s);
  CHECK(s.regular_payment() == m("102.01 USD"));  // 201 × 1.0201 / 2.01 = 102.01 exactly
}

TEST_CASE("due dates move to business days without moving the anchor", "[plan][schedule]") {
  // Independence Day 2025 is Friday 4 July: following moves it to Monday 7 July; August stays on the 4th.
  schedule_terms t{.principal = m("300.00 USD"), .periods = 3, .first_due = d("2025-06-04")};
  t.business_days = calendar::get("US");
  t.adjustment = business_day_convention::following;
  const schedule s = build_schedule(t);
  check_invariants(s);
  CHECK(s.rows()[0].due_date == d("2025-06-04"));
  CHECK(s.rows()[1].due_date == d("2025-07-07"));
  CHECK(s.rows()[2].due_date == d("2025-08-04"));
  CHECK_THAT(s.explain(), Catch::Contains("business days (following)"));
}

TEST_CASE("collecting many bad rows stays linear and keeps good rows intact", "[plan][schedule]") {
  const schedule_terms proto{.principal = money::from_minor(1, currency("USD"))};
  const std::size_t n = 20000;
  std::vector<std::int64_t> minor(n, 100000), per(n, 12);
  std::vector<std::int32_t> due(n, d("2024-03-01").serial());
  for (std::size_t i = 0; i < n; i += 50) minor[i] = -1;  // 400 bad rows spread through the batch
  const decimal r[] = {decimal("0.05")};
  row_errors errors;
  const auto b = build_schedules(proto, {minor, r, per, due, {}}, &errors);
  CHECK(errors.size() == 400);
  CHECK(b.payment.size() == (n - 400) * 12);
  CHECK(b.offsets.back() == static_cast<std::int64_t>(b.payment.size()));
  CHECK(b.offsets[1] == 0);   // row 0 failed: no rows
  CHECK(b.offsets[2] == 12);  // row 1 is whole
}
