// The CCA 1974 arrears-notice trigger: s86B (fixed-sum) and s86C (running-account), each case
// named by the subsection it exercises (regulations.md §3.3).
#include <catch2/catch.hpp>

#include <vector>

#include "../support.hpp"
#include "recoup/plan/arrears_notice.hpp"
#include "recoup/plan/schedule.hpp"

using namespace recoup;

namespace {
money m(const char* text) { return money::parse(text); }
civil_date d(const char* text) { return civil_date::parse(text); }
/// 6 × 100.00 GBP monthly on the 15th from 2026-01-15.
schedule six() { return build_schedule({.principal = m("600.00 GBP"), .periods = 6, .first_due = d("2026-01-15")}); }
constexpr auto fixed = cca_agreement::fixed_sum;
constexpr auto running = cca_agreement::running_account;
}  // namespace

TEST_CASE("CCA s86B(1): two payments due and unpaid -> notice required, first within 14 days", "[monitor][arrears_notice]") {
  const auto s = six();
  CHECK_FALSE(cca_arrears_notice(s, {}, d("2026-02-14"), fixed).required);  // only one payment fallen due
  const auto r = cca_arrears_notice(s, {}, d("2026-02-15"), fixed);
  CHECK(r.required);
  CHECK(r.rule_id == "uk.cca.arrears_notice.fixed_sum");
  CHECK_THAT(r.citation, Catch::Contains("Consumer Credit Act 1974 s86B"));
  CHECK(r.conditions_met_on == d("2026-02-15"));
  CHECK(r.first_notice_by == d("2026-02-28"));  // 14 days beginning with 02-15
  CHECK(r.shortfall == m("200.00 GBP"));
  CHECK(r.last_two_due == m("200.00 GBP"));
  CHECK_THAT(r.explain(), Catch::Contains("REQUIRED") && Catch::Contains("s86D"));
}

TEST_CASE("CCA s86B(1): shortfall below the last two payments -> no notice yet; it arises when it reaches them", "[monitor][arrears_notice]") {
  const auto s = six();
  const std::vector<dated_payment> pay = {{d("2026-01-15"), m("100.00 GBP")}};
  CHECK_FALSE(cca_arrears_notice(s, pay, d("2026-03-14"), fixed).required);  // shortfall 100 < 200
  const auto r = cca_arrears_notice(s, pay, d("2026-03-15"), fixed);
  CHECK(r.required);
  CHECK(r.conditions_met_on == d("2026-03-15"));
  CHECK(r.first_notice_by == d("2026-03-28"));
}

TEST_CASE("CCA s86B: the duty lasts until the debtor ceases to be in arrears", "[monitor][arrears_notice]") {
  const auto s = six();
  std::vector<dated_payment> pay = {{d("2026-01-15"), m("100.00 GBP")}, {d("2026-03-20"), m("150.00 GBP")}};
  const auto partly = cca_arrears_notice(s, pay, d("2026-03-25"), fixed);  // shortfall 50 < 200, still in arrears
  CHECK(partly.required);
  CHECK(partly.conditions_met_on == d("2026-03-15"));
  pay.push_back({d("2026-03-24"), m("50.00 GBP")});  // arrears cleared
  CHECK_FALSE(cca_arrears_notice(s, pay, d("2026-03-25"), fixed).required);
}

TEST_CASE("CCA s86B: further notices at intervals of not more than 6 months", "[monitor][arrears_notice]") {
  const auto r = cca_arrears_notice(six(), {}, d("2026-05-01"), fixed, {.last_notice_on = d("2026-02-20")});
  CHECK(r.required);
  CHECK(r.next_notice_by == d("2026-08-20"));
}

TEST_CASE("CCA s86B/s86C: no duty while a judgment is unpaid", "[monitor][arrears_notice]") {
  CHECK_FALSE(cca_arrears_notice(six(), {}, d("2026-05-01"), fixed, {.unpaid_judgment = true}).required);
  CHECK_FALSE(cca_arrears_notice(six(), {}, d("2026-05-01"), running, {.unpaid_judgment = true}).required);
}

TEST_CASE("CCA s86B: not in force before 1 Oct 2008", "[monitor][arrears_notice]") {
  const auto old = build_schedule({.principal = m("600.00 GBP"), .periods = 6, .first_due = d("2008-06-15")});
  CHECK_FALSE(cca_arrears_notice(old, {}, d("2008-09-30"), fixed).required);
  CHECK(cca_arrears_notice(old, {}, d("2008-10-01"), fixed).required);
}

TEST_CASE("CCA s86B: weekly instalments carry a caveat instead of an invented rule", "[monitor][arrears_notice]") {
  const auto weekly = build_schedule({.principal = m("100.00 GBP"), .periods = 10, .freq = frequency::parse("weekly"),
                                      .first_due = d("2026-01-05")});
  const auto r = cca_arrears_notice(weekly, {}, d("2026-01-20"), fixed);
  bool flagged = false;
  for (const auto& c : r.caveats) flagged = flagged || c.find("7 days or less") != std::string::npos;
  CHECK(flagged);
}

TEST_CASE("CCA s86C: the last two required payments not made -> notice required", "[monitor][arrears_notice]") {
  const auto s = six();
  const auto r = cca_arrears_notice(s, {}, d("2026-02-15"), running);
  CHECK(r.required);
  CHECK(r.rule_id == "uk.cca.arrears_notice.running_account");
  CHECK_THAT(r.citation, Catch::Contains("s86C"));
  CHECK(r.conditions_met_on == d("2026-02-15"));
  SECTION("the earlier payment made: only one missed, no notice") {
    const std::vector<dated_payment> pay = {{d("2026-01-15"), m("100.00 GBP")}};
    CHECK_FALSE(cca_arrears_notice(s, pay, d("2026-02-20"), running).required);
  }
  SECTION("a part payment does not make the payment (caveat says so)") {
    const std::vector<dated_payment> pay = {{d("2026-01-20"), m("10.00 GBP")}};
    CHECK(cca_arrears_notice(s, pay, d("2026-02-20"), running).required);
  }
  SECTION("a notice already given for either payment: no further notice for them") {
    CHECK_FALSE(cca_arrears_notice(s, {}, d("2026-02-20"), running, {.notice_given_for_these_payments = true}).required);
  }
  SECTION("deadline is the end of the next s78(4) statement period when given") {
    const auto x = cca_arrears_notice(s, {}, d("2026-02-20"), running, {.next_statement_period_end = d("2026-03-14")});
    CHECK(x.deadline == d("2026-03-14"));
  }
}
