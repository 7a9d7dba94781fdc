// Re-ageing: recast what is left of a plan into a new plan, keeping the history.
#include <catch2/catch.hpp>

#include <vector>

#include "../support.hpp"
#include "recoup/plan/reschedule.hpp"

using namespace recoup;
using recoup::test::has_id;

namespace {
money m(const char* text) { return money::parse(text); }
civil_date d(const char* text) { return civil_date::parse(text); }
}  // namespace

TEST_CASE("reschedule recasts the unpaid instalments into a new plan and keeps the old one", "[monitor][reschedule]") {
  const auto old = build_schedule({.principal = m("600.00 GBP"), .periods = 6, .first_due = d("2026-01-15")});
  const std::vector<dated_payment> pay = {{d("2026-01-15"), m("100.00 GBP")}};
  const schedule_terms t{.principal = money::zero(currency("GBP")), .periods = 10, .first_due = d("2026-04-15")};
  const auto rec = reschedule(old, pay, d("2026-03-20"), t);
  CHECK(rec.amount == m("500.00 GBP"));
  CHECK(to_string(rec.monitoring.status) == "broken");
  CHECK(rec.new_plan.instalments() == 10);
  CHECK(rec.new_plan.regular_payment() == m("50.00 GBP"));
  CHECK(rec.old_plan.total_payment() == m("600.00 GBP"));
  CHECK_THAT(rec.explain(), Catch::Contains("500.00 GBP recast") && Catch::Contains("monitoring of the old plan"));
  CHECK(reschedule_amount(old, pay, d("2026-03-20"), reschedule_basis::outstanding_principal) == m("500.00 GBP"));
}

TEST_CASE("outstanding_principal drops unearned interest: a current loan recasts its scheduled balance", "[monitor][reschedule]") {
  const auto loan = build_schedule({.principal = m("1200.00 GBP"), .rate = annual_rate(decimal("0.10")), .periods = 12,
                                    .first_due = d("2026-01-31")});
  std::vector<dated_payment> pay;
  for (std::size_t i = 0; i < 3; ++i) pay.push_back({loan.rows()[i].due_date, loan.rows()[i].payment});
  const auto as_of = loan.rows()[2].due_date;
  CHECK(reschedule_amount(loan, pay, as_of, reschedule_basis::outstanding_principal) == loan.rows()[2].balance);
  CHECK(reschedule_amount(loan, pay, as_of, reschedule_basis::unpaid_instalments) ==
        loan.total_payment() - loan.rows()[0].payment - loan.rows()[1].payment - loan.rows()[2].payment);
}

TEST_CASE("reschedule refuses a plan with nothing left", "[monitor][reschedule]") {
  const auto old = build_schedule({.principal = m("200.00 GBP"), .periods = 2, .first_due = d("2026-01-15")});
  const std::vector<dated_payment> pay = {{d("2026-01-15"), m("200.00 GBP")}};
  const schedule_terms t{.principal = money::zero(currency("GBP")), .periods = 2, .first_due = d("2026-04-15")};
  REQUIRE_THROWS_MATCHES(reschedule(old, pay, d("2026-02-01"), t), invalid_input_error,
                         has_id("reschedule.nothing_outstanding", "completed"));
  const schedule_terms usd{.principal = money::zero(currency("USD")), .periods = 2, .first_due = d("2026-04-15")};
  REQUIRE_THROWS_MATCHES(reschedule(old, {}, d("2026-02-01"), usd), currency_mismatch_error, has_id("reschedule.currency"));
}
