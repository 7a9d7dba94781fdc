// Regulatory APR: Regulation Z Appendix J official examples, CONC App 1.2 examples, tolerance.
#include "recoup/plan/apr.hpp"

#include <string>
#include <vector>

#include "../support.hpp"

using namespace recoup;
using recoup::test::has_id;

namespace {

civil_date d(int y, int m, int day) { return civil_date::from_ymd(y, m, day); }
money usd(const char* amount) { return money(decimal::parse(amount), currency("USD")); }
money gbp(const char* amount) { return money(decimal::parse(amount), currency("GBP")); }

/// n payments of `amount`, every `months` months from `first` (same day of month).
std::vector<dated_amount> monthly(civil_date first, int n, const char* amount, int months = 1) {
  std::vector<dated_amount> out;
  for (int k = 0; k < n; ++k)
    out.push_back({civil_date::nth_month_from(first, static_cast<std::int64_t>(k) * months, first.day()), usd(amount)});
  return out;
}
std::vector<dated_amount> every_days(civil_date first, int n, const char* amount, int days) {
  std::vector<dated_amount> out;
  for (int k = 0; k < n; ++k) out.push_back({first.add_days(static_cast<std::int64_t>(k) * days), usd(amount)});
  return out;
}
/// Semimonthly on the 1st and 16th, starting with the 1st of `first`'s month.
std::vector<dated_amount> semimonthly(civil_date first, int n, const char* amount) {
  std::vector<dated_amount> out;
  for (int k = 0; k < n; ++k) {
    const civil_date m = civil_date::nth_month_from(first, k / 2, 1);
    out.push_back({k % 2 == 0 ? m : m.add_days(15), usd(amount)});
  }
  return out;
}

}  // namespace

TEST_CASE("Regulation Z Appendix J (c) official single-advance examples reproduce to the disclosed 0.01%", "[rates][apr]") {
  struct row {
    const char* citation;
    std::vector<dated_amount> advances;
    std::vector<dated_amount> payments;
    const char* expected;  // fraction, as disclosed
    const char* unit;
  };
  std::vector<dated_amount> c2i = monthly(d(1978, 3, 10), 23, "230.00");
  c2i.insert(c2i.begin(), {d(1978, 2, 10), usd("250.00")});
  std::vector<dated_amount> c2ii = every_days(d(1978, 5, 18), 11, "38.31", 28);
  c2ii.insert(c2ii.begin(), {d(1978, 4, 20), usd("39.50")});
  std::vector<dated_amount> c3i = monthly(d(1978, 2, 10), 23, "230.00");
  c3i.push_back({d(1980, 1, 10), usd("280.00")});
  std::vector<dated_amount> c3ii = every_days(d(1978, 4, 11), 19, "9.50", 14);
  c3ii.push_back({d(1978, 4, 11).add_days(14 * 19), usd("30.00")});
  std::vector<dated_amount> c4i = monthly(d(1978, 3, 10), 22, "230.00");
  c4i.insert(c4i.begin(), {d(1978, 2, 10), usd("250.00")});
  c4i.push_back({d(1980, 1, 10), usd("280.00")});
  std::vector<dated_amount> c4ii = monthly(d(1978, 5, 1), 18, "465.00", 2);
  c4ii.insert(c4ii.begin(), {d(1978, 3, 1), usd("449.36")});
  c4ii.push_back({d(1981, 5, 1), usd("200.00")});
  const std::vector<row> rows{
      {"App J (c)(1)(i) monthly, regular first period (T-APR-1)", {{d(1978, 1, 10), usd("5000.00")}},
       monthly(d(1978, 2, 10), 24, "230.00"), "0.0969", "month"},
      {"App J (c)(1)(ii) monthly, long first period (T-APR-2)", {{d(1978, 2, 10), usd("6000.00")}},
       monthly(d(1978, 4, 1), 36, "200.00"), "0.1182", "month"},
      {"App J (c)(1)(iii) semimonthly, short first period (T-APR-3)", {{d(1978, 2, 23), usd("5000.00")}},
       semimonthly(d(1978, 3, 1), 24, "219.17"), "0.1034", "semimonth"},
      {"App J (c)(1)(iv) quarterly, long first period (T-APR-4)", {{d(1978, 5, 23), usd("10000.00")}},
       monthly(d(1978, 10, 1), 40, "385.00", 3), "0.0897", "3 months"},
      {"App J (c)(1)(v) weekly, long first period (T-APR-5)", {{d(1978, 3, 20), usd("500.00")}},
       every_days(d(1978, 4, 21), 30, "17.60", 7), "0.1496", "week"},
      {"App J (c)(2)(i) monthly, odd first payment (T-APR-6)", {{d(1978, 1, 10), usd("5000.00")}}, c2i, "0.1008", "month"},
      {"App J (c)(2)(ii) every 4 weeks, long first period, odd first payment", {{d(1978, 3, 18), usd("400.00")}}, c2ii,
       "0.2850", "4 weeks"},
      {"App J (c)(3)(i) monthly, odd final payment", {{d(1978, 1, 10), usd("5000.00")}}, c3i, "0.1050", "month"},
      {"App J (c)(3)(ii) every 2 weeks, short first period, odd final payment", {{d(1978, 4, 3), usd("200.00")}}, c3ii,
       "0.1222", "2 weeks"},
      {"App J (c)(4)(i) monthly, odd first and final payments", {{d(1978, 1, 10), usd("5000.00")}}, c4i, "0.1090",
       "month"},
      {"App J (c)(4)(ii) every 2 months, short first period, odd first and final payments",
       {{d(1978, 1, 10), usd("8000.00")}}, c4ii, "0.0730", "2 months"},
      {"App J (c)(5)(i) single advance, single payment, term under a year in days", {{d(1978, 1, 3), usd("1000.00")}},
       {{d(1978, 9, 15), usd("1080.00")}}, "0.1145", "term of 255 days"},
  };
  for (const auto& r : rows) {
    SECTION(r.citation) {
      const apr_result res = apr_details(r.advances, r.payments, {});
      INFO(res.explain());
      CHECK(res.unit_period.name() == r.unit);
      CHECK(res.disclosed == decimal::parse(r.expected));
      CHECK(res.rate.scale() == 12);
    }
  }
}

TEST_CASE("Appendix J unit-period measurement follows (b)(5)", "[rates][apr]") {
  SECTION("monthly: full months back from the later date, leftover days / 30 ((c)(1)(ii))") {
    const auto m = reg_z_measure(d(1978, 2, 10), d(1978, 4, 1), reg_z_unit_period::month());
    CHECK(m.whole_periods == 1);
    CHECK(m.fraction_num == 19);
    CHECK(m.fraction_den == 30);
  }
  SECTION("semimonthly: 30 x months + days, / 15 ((c)(1)(iii))") {
    const auto m = reg_z_measure(d(1978, 2, 23), d(1978, 4, 1), reg_z_unit_period::semimonth());
    CHECK(m.whole_periods == 2);
    CHECK(m.fraction_num == 6);
    CHECK(m.fraction_den == 15);
  }
  SECTION("quarterly: 30 x months + days over 90 ((c)(1)(iv))") {
    const auto m = reg_z_measure(d(1978, 5, 23), d(1978, 10, 1), reg_z_unit_period::months(3));
    CHECK(m.whole_periods == 1);
    CHECK(m.fraction_num == 39);  // 4 months back to 1 June, then 9 days from 23 May
    CHECK(m.fraction_den == 90);
  }
  SECTION("weekly: actual days / 7 ((c)(1)(v))") {
    const auto m = reg_z_measure(d(1978, 3, 20), d(1978, 4, 21), reg_z_unit_period::weeks(1));
    CHECK(m.whole_periods == 4);
    CHECK(m.fraction_num == 4);
  }
  SECTION("month-end series measure last day to last day ((b)(3)(iv))") {
    const std::vector<civil_date> series{d(2023, 1, 31), d(2023, 2, 28), d(2023, 3, 31), d(2023, 4, 30)};
    CHECK(reg_z_anchor_day(series) == 31);
    const auto m = reg_z_months_back(d(2023, 1, 31), d(2023, 4, 30), 31);
    CHECK(m.months == 3);
    CHECK(m.days == 0);
    CHECK(reg_z_months_back(d(2023, 1, 31), d(2023, 2, 28), 31).months == 1);
  }
  SECTION("a series on the 30th uses the last day of February ((b)(3)(iv))") {
    const std::vector<civil_date> series{d(2023, 1, 30), d(2023, 2, 28), d(2023, 3, 30)};
    CHECK(reg_z_anchor_day(series) == 30);
    const auto m = reg_z_months_back(d(2023, 1, 30), d(2023, 3, 30), 30);
    CHECK(m.months == 2);
    CHECK(reg_z_months_back(d(2023, 1, 30), d(2023, 2, 28), 30).months == 1);
  }
  SECTION("yearly: leftover whole months / 12, else days / 365 ((b)(5)(v))") {
    const auto a = reg_z_measure(d(2020, 1, 15), d(2022, 4, 15), reg_z_unit_period::year());
    CHECK(a.whole_periods == 2);
    CHECK(a.fraction_num == 3);
    CHECK(a.fraction_den == 12);
    const auto b = reg_z_measure(d(2020, 1, 15), d(2022, 1, 25), reg_z_unit_period::year());
    CHECK(b.whole_periods == 2);
    CHECK(b.fraction_num == 10);
    CHECK(b.fraction_den == 365);
  }
  SECTION("single advance, single payment of whole months: 12 / months a year ((b)(5)(vi))") {
    const std::vector<civil_date> adv{d(2024, 1, 15)}, pay{d(2024, 7, 15)};
    const auto u = reg_z_detect_unit_period(d(2024, 1, 15), adv, pay);
    CHECK(u.name() == "term of 6 months");
    CHECK(u.per_year_num() == 12);
    CHECK(u.per_year_den() == 6);
    const std::vector<dated_amount> a{{d(2024, 1, 15), usd("1000.00")}}, p{{d(2024, 7, 15), usd("1030.00")}};
    CHECK(apr(a, p) == decimal::parse("0.060000000000"));
  }
  SECTION("unit-period names parse and are validated") {
    CHECK(reg_z_unit_period::parse("quarter") == reg_z_unit_period::months(3));
    CHECK(reg_z_unit_period::parse("2 weeks") == reg_z_unit_period::weeks(2));
    CHECK(reg_z_unit_period::parse("12 months") == reg_z_unit_period::year());
    CHECK_THROWS_MATCHES(reg_z_unit_period::parse("fortnightly-ish"), invalid_input_error, has_id("apr.unit_period"));
    CHECK_THROWS_MATCHES(reg_z_unit_period::weeks(53), invalid_input_error, has_id("apr.unit_period"));
  }
}

TEST_CASE("the unit-period can be overridden and the answer explains itself", "[rates][apr]") {
  const std::vector<dated_amount> adv{{d(1978, 1, 10), usd("5000.00")}};
  const auto pay = monthly(d(1978, 2, 10), 24, "230.00");
  apr_options opt;
  opt.unit_period = reg_z_unit_period::month();
  const apr_result r = apr_details(adv, pay, opt);
  CHECK(r.periods_per_year_num == 12);
  CHECK(r.flows.size() == 25);
  CHECK(r.flows[1].whole_periods == 1);
  const std::string text = r.explain();
  CHECK(text.find("Appendix J") != std::string::npos);
  CHECK(text.find("unit-period: month") != std::string::npos);
  CHECK(text.find("9.69%") != std::string::npos);
  // The rate of a level monthly loan is 12 x the periodic rate.
  CHECK((r.rate - r.unit_period_rate * decimal(12)).abs() <= decimal::parse("0.000000000006"));
}

TEST_CASE("CONC App 1.2 APR: the UK worked examples", "[rates][apr]") {
  apr_options uk;
  uk.method = apr_method::uk_conc;
  SECTION("T-UKAPR-1: GBP 500 lent 10 Oct 2012, GBP 510 repaid 15 Oct 2012 -> 324.4%") {
    const std::vector<dated_amount> a{{d(2012, 10, 10), gbp("500.00")}}, p{{d(2012, 10, 15), gbp("510.00")}};
    const apr_result r = apr_details(a, p, uk);
    CHECK(r.disclosed == decimal::parse("3.244"));
    CHECK(r.rate == decimal::parse("3.244363182553"));  // 1.02^(365/5) - 1
  }
  SECTION("T-UKAPR-2: GBP 500, GBP 270 on 10 Nov and 10 Dec 2012: 85.6% equal months, 84.6% actual days") {
    const std::vector<dated_amount> a{{d(2012, 10, 10), gbp("500.00")}};
    const std::vector<dated_amount> p{{d(2012, 11, 10), gbp("270.00")}, {d(2012, 12, 10), gbp("270.00")}};
    CHECK(apr_details(a, p, uk).disclosed == decimal::parse("0.856"));
    CHECK(apr_details(a, p, uk).rate == decimal::parse("0.855850779737"));
    apr_options days = uk;
    days.uk_basis = uk_time_basis::actual_days;
    CHECK(apr_details(a, p, days).disclosed == decimal::parse("0.846"));
    CHECK(apr_details(a, p, days).rate == decimal::parse("0.846308461818"));
    CHECK(apr_details(a, p, uk).explain().find("CONC App 1.2") != std::string::npos);
  }
}

TEST_CASE("APR inputs that cannot work are refused with the reason", "[rates][apr]") {
  const std::vector<dated_amount> adv{{d(2024, 1, 1), usd("1000.00")}};
  const std::vector<dated_amount> pay{{d(2024, 2, 1), usd("1010.00")}};
  const std::vector<dated_amount> none;
  CHECK_THROWS_MATCHES(apr(none, pay), invalid_input_error, has_id("apr.no_advances"));
  CHECK_THROWS_MATCHES(apr(adv, none), invalid_input_error, has_id("apr.no_payments"));
  const std::vector<dated_amount> late{{d(2024, 3, 1), usd("10.00")}, {d(2024, 1, 1), usd("1000.00")}};
  CHECK_THROWS_MATCHES(apr(late, pay), invalid_input_error, has_id("apr.advance_after_last_payment", "2024-03-01"));
  const std::vector<dated_amount> early{{d(2023, 12, 1), usd("1010.00")}};
  CHECK_THROWS_MATCHES(apr(adv, early), invalid_input_error, has_id("apr.payment_before_advance"));
  const std::vector<dated_amount> zero{{d(2024, 2, 1), usd("0.00")}};
  CHECK_THROWS_MATCHES(apr(adv, zero), invalid_input_error, has_id("apr.non_positive_amount"));
  const std::vector<dated_amount> pounds{{d(2024, 2, 1), gbp("1010.00")}};
  CHECK_THROWS_AS(apr(adv, pounds), currency_mismatch_error);
  const std::vector<dated_amount> same_day{{d(2024, 1, 1), usd("1010.00")}};
  CHECK_THROWS_MATCHES(apr(adv, same_day), invalid_input_error, has_id("apr.zero_term"));
  CHECK_THROWS_MATCHES(parse_apr_method("eu"), invalid_input_error, has_id("apr.unknown_method"));
}

TEST_CASE("a loan repaid with less than it borrowed has a negative APR", "[rates][apr]") {
  const std::vector<dated_amount> adv{{d(2024, 1, 1), usd("1000.00")}};
  const auto pay = std::vector<dated_amount>{{d(2024, 2, 1), usd("495.00")}, {d(2024, 3, 1), usd("495.00")}};
  CHECK(apr(adv, pay).is_negative());
}

TEST_CASE("12 CFR 1026.22(a)(2)-(3) tolerance: 1/8 point regular, 1/4 point irregular", "[rates][apr]") {
  const std::vector<dated_amount> adv{{d(1978, 1, 10), usd("5000.00")}};
  const decimal computed = apr(adv, monthly(d(1978, 2, 10), 24, "230.00"));
  const auto ok = apr_tolerance_check(decimal::parse("0.0980"), computed);
  CHECK(ok.accurate);
  CHECK(ok.citation == "12 CFR 1026.22(a)(2)");
  CHECK(ok.rule_id == "us.regz.apr.tolerance");
  CHECK(ok.explain().find("within 0.125%") != std::string::npos);
  const auto bad = apr_tolerance_check(decimal::parse("0.0985"), computed);
  CHECK_FALSE(bad.accurate);
  CHECK(bad.explain().find("inaccurate") == 0);
  CHECK(apr_tolerance_check(decimal::parse("0.0985"), computed, true).accurate);
  CHECK(apr_tolerance_check(decimal::parse("0.0985"), computed, true).citation == "12 CFR 1026.22(a)(3)");
  // exactly at the tolerance is within it
  CHECK(apr_tolerance_check(decimal::parse("0.10125"), decimal::parse("0.1")).accurate);
}
