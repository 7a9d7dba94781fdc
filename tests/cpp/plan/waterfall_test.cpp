// Payment waterfalls and interest accrual: worked scenarios written out by hand.
#include <catch2/catch.hpp>

#include <boost/multiprecision/cpp_int.hpp>

#include <string>
#include <vector>

#include "recoup/plan/accrual.hpp"
#include "recoup/plan/schedule.hpp"
#include "recoup/plan/waterfall.hpp"

using namespace recoup;

namespace {

money m(const char* text) { return money::parse(text); }
civil_date d(const char* text) { return civil_date::parse(text); }

/// Two instalments of a plan and a late fee charged in between.
std::vector<charge> plan_charges() {
  return {{d("2025-01-31"), charge_bucket::interest, m("10.00 GBP"), 1},
          {d("2025-01-31"), charge_bucket::principal, m("90.00 GBP"), 1},
          {d("2025-02-05"), charge_bucket::fees, m("25.00 GBP"), 0},
          {d("2025-02-28"), charge_bucket::interest, m("9.10 GBP"), 2},
          {d("2025-02-28"), charge_bucket::principal, m("90.90 GBP"), 2}};
}

}  // namespace

TEST_CASE("waterfall: per instalment pays the oldest instalment first, per bucket the first bucket first",
          "[plan][waterfall]") {
  const auto charges = plan_charges();
  const std::vector<ledger_payment> pay{{"p1", d("2025-02-10"), m("100.00 GBP")}};
  // Per instalment (standard order): instalment 1's interest and principal take all 100.00.
  const auto a = apply_payments(charges, pay, waterfall_policy::preset("standard"));
  CHECK(a.outstanding[0].is_zero());
  CHECK(a.outstanding[1].is_zero());
  CHECK(a.outstanding[2] == m("25.00 GBP"));
  // Per bucket (fees before interest before principal): the fee first, then interest, then 65.00 principal.
  waterfall_policy by_bucket;
  by_bucket.scope = waterfall_scope::per_bucket;
  const auto b = apply_payments(charges, pay, by_bucket);
  CHECK(b.outstanding[2].is_zero());
  CHECK(b.outstanding[0].is_zero());
  CHECK(b.outstanding[1] == m("25.00 GBP"));
  CHECK(b.total_applied == m("100.00 GBP"));
  CHECK(b.total_outstanding == m("125.00 GBP"));
  // Charges not yet due are untouched.
  CHECK(b.outstanding[3] == m("9.10 GBP"));
  CHECK_THAT(b.explain(charges), Catch::Contains("Payment p1: 25.00 GBP to fees due 2025-02-05;"));
}

TEST_CASE("waterfall: overpayment held as credit, reducing the next instalment, or shortening the term",
          "[plan][waterfall]") {
  const auto charges = plan_charges();
  const std::vector<ledger_payment> pay{{"p1", d("2025-02-10"), m("150.00 GBP")}};
  waterfall_policy p;  // 125.00 is due by 10 Feb; 25.00 is over
  const auto held = apply_payments(charges, pay, p);
  // Held credit pays instalment 2 when it falls due on 28 Feb: interest 9.10, principal 15.90.
  CHECK(held.credit.is_zero());
  CHECK(held.outstanding[3].is_zero());
  CHECK(held.outstanding[4] == m("75.00 GBP"));
  CHECK(held.allocations.back().date == d("2025-02-28"));
  p.overpayment = overpayment_policy::reduce_next_instalments;
  const auto next = apply_payments(charges, pay, p);
  CHECK(next.outstanding[4] == m("75.00 GBP"));
  CHECK(next.allocations.back().date == d("2025-02-10"));
  p.overpayment = overpayment_policy::shorten_term;
  const auto shorter = apply_payments(charges, pay, p);
  CHECK(shorter.outstanding[3] == m("9.10 GBP"));  // interest of instalment 2 still due
  CHECK(shorter.outstanding[4] == m("65.90 GBP"));
  // Nothing left to pay: the rest stays as credit.
  const auto all = apply_payments(charges, {{"big", d("2025-03-01"), m("300.00 GBP")}}, p);
  CHECK(all.total_outstanding.is_zero());
  CHECK(all.credit == m("75.00 GBP"));
}

TEST_CASE("waterfall: a returned payment is reversed by replaying the ledger", "[plan][waterfall]") {
  const auto charges = plan_charges();
  const std::vector<ledger_payment> ledger{{"p1", d("2025-02-10"), m("100.00 GBP")},
                                           {"p2", d("2025-03-05"), m("150.00 GBP")}};
  const auto before = apply_payments(charges, ledger);
  const auto reversed = reverse_payment(charges, ledger, "p1");
  // Without p1, p2 pays instalment 1 (100.00) then the fee (25.00) then 25.00 of instalment 2.
  CHECK(reversed.outstanding[1].is_zero());
  CHECK(reversed.outstanding[2].is_zero());
  CHECK(reversed.outstanding[3].is_zero());
  CHECK(reversed.outstanding[4] == m("75.00 GBP"));
  CHECK(reversed.total_applied == m("150.00 GBP"));
  CHECK(before.total_applied == m("225.00 GBP"));
  CHECK(before.credit == m("25.00 GBP"));
  CHECK_THROWS_WITH(reverse_payment(charges, ledger, "p9"), Catch::Contains("no payment with id 'p9'"));
}

TEST_CASE("waterfall: a schedule's charges add up to its total, fees before interest before principal",
          "[plan][waterfall]") {
  schedule_terms t{.principal = m("1000.00 USD"), .rate = annual_rate(decimal::parse("0.12")), .periods = 12,
                   .start = d("2026-01-01"), .first_due = d("2026-02-01")};
  const auto plan = build_schedule(t);
  const auto charges = charges_from_schedule(plan);
  REQUIRE(charges.size() == 24);  // interest and principal of 12 instalments (no fees)
  money total = money::zero(currency("USD"));
  for (const auto& c : charges) total = total + c.amount;
  CHECK(total == plan.total_payment());
  CHECK(charges[0].bucket == charge_bucket::interest);
  CHECK(charges[1].bucket == charge_bucket::principal);
  CHECK(charges[0].due == plan.rows()[0].due_date);
  CHECK(charges[23].instalment == 12);
  // Paying every instalment on its due date clears the ledger exactly.
  std::vector<ledger_payment> pays;
  for (const auto& r : plan.rows()) pays.push_back({std::to_string(r.number), r.due_date, r.payment});
  const auto w = apply_payments(charges, pays);
  CHECK(w.total_outstanding.is_zero());
  CHECK(w.credit.is_zero());
}

TEST_CASE("waterfall: bad ledgers are refused", "[plan][waterfall]") {
  const auto charges = plan_charges();
  CHECK_THROWS_WITH(apply_payments(charges, {{"a", d("2025-02-01"), m("1.00 GBP")}, {"a", d("2025-02-02"), m("1.00 GBP")}}),
                    Catch::Contains("appears twice"));
  CHECK_THROWS_AS(apply_payments(charges, {{"a", d("2025-02-01"), m("1.00 USD")}}), currency_mismatch_error);
  CHECK_THROWS_WITH(apply_payments(charges, {{"a", d("2025-02-01"), m("-1.00 GBP")}}), Catch::Contains("must be positive"));
  waterfall_policy p;
  p.order.pop_back();
  CHECK_THROWS_WITH(apply_payments(charges, {}, p), Catch::Contains("exactly once"));
  CHECK_THROWS_WITH(waterfall_policy::preset("fifo"), Catch::Contains("unknown waterfall preset 'fifo'"));
}

TEST_CASE("accrual: published examples and exact posting", "[plan][accrual]") {
  // T-LP-1 (regulations.md §6): GBP 10,000 at 13.25% (8% + 5.25% reference rate, Late Payment of
  // Commercial Debts (Interest) Act 1998 s6) for 30 days = 10,000 x 0.1325 x 30/365 = 108.90.
  const accrual_terms lp{.rates = {{d("2024-02-01"), decimal("0.1325")}}};
  CHECK(accrue(m("10000.00 GBP"), d("2024-02-01"), d("2024-03-02"), lp).interest == m("108.90 GBP"));
  // T-JI-1: judgment interest at 8% (Judgments Act 1838 s17) on GBP 10,000 is 2.19 a day.
  const accrual_terms ji{.rates = {{d("2025-01-01"), decimal("0.08")}}};
  const auto day = accrue(m("10000.00 GBP"), d("2025-03-01"), d("2025-03-02"), ji);
  CHECK(day.interest == m("2.19 GBP"));
  CHECK(day.exact == "160/73");  // 10000 x 0.08 / 365 = 2.1917...
}

TEST_CASE("accrual: rate changes, a freeze, a ceiling and a repayment cut the period", "[plan][accrual]") {
  accrual_terms t{.rates = {{d("2025-01-01"), decimal("0.0365")}, {d("2025-01-11"), decimal("0.073")}}};
  // 10 days at 3.65% then 10 days at 7.3% on 3650.00 under ACT/365F: 3.65 + 7.30 = 10.95.
  const auto r = accrue(m("3650.00 USD"), d("2025-01-01"), d("2025-01-21"), t);
  CHECK(r.interest == m("10.95 USD"));
  REQUIRE(r.segments.size() == 2);
  // Breathing space (SI 2020/1311) freezes interest on days 5..14: 4 days at 3.65% + 6 days at 7.3%.
  t.freezes.push_back({d("2025-01-05"), d("2025-01-15"), "breathing space", true});
  const auto frozen = accrue(m("3650.00 USD"), d("2025-01-01"), d("2025-01-21"), t);
  CHECK(frozen.interest == m("5.84 USD"));  // 1.46 + 4.38
  CHECK_THAT(frozen.explain(), Catch::Contains("frozen: breathing space"));
  // SCRA 50 U.S.C. 3937: 6% ceiling on an 18% debt during service.
  const accrual_terms scra{.rates = {{d("2025-01-01"), decimal("0.18")}},
                           .ceilings = {{d("2025-01-01"), d("2026-01-01"), decimal("0.06"), "SCRA 6%"}}};
  CHECK(accrue(m("3650.00 USD"), d("2025-01-01"), d("2025-01-11"), scra).interest == m("6.00 USD"));
  // A principal repayment of 1825.00 on day 10 halves the balance.
  const accrual_terms flat{.rates = {{d("2025-01-01"), decimal("0.0365")}}};
  const auto paid = accrue(m("3650.00 USD"), d("2025-01-01"), d("2025-01-21"), flat,
                           {{d("2025-01-11"), m("-1825.00 USD")}});
  CHECK(paid.interest == m("5.48 USD"));  // 3.65 + 1.825 = 5.475, half up
}

TEST_CASE("accrual: additive over split periods before rounding; errors", "[plan][accrual]") {
  const accrual_terms t{.rates = {{d("2024-01-01"), decimal("0.0999")}}, .day_count = day_count_convention::act_act_isda};
  const auto whole = accrue(m("1234.57 EUR"), d("2024-11-15"), d("2025-02-20"), t);
  const auto first = accrue(m("1234.57 EUR"), d("2024-11-15"), d("2025-01-01"), t);
  const auto second = accrue(m("1234.57 EUR"), d("2025-01-01"), d("2025-02-20"), t);
  CHECK(whole.segments.size() == 1);
  // Exact before rounding: whole = first + second (each posted amount is rounded on its own).
  using rational = boost::multiprecision::cpp_rational;
  CHECK(rational(whole.exact) == rational(first.exact) + rational(second.exact));
  CHECK_THROWS_WITH(accrue(m("1.00 EUR"), d("2024-01-01"), d("2024-02-01"),
                           accrual_terms{.rates = {{d("2024-01-02"), decimal("0.01")}}}),
                    Catch::Contains("no rate is in force on 2024-01-01"));
  CHECK_THROWS_AS(accrue(m("1.00 EUR"), d("2024-02-01"), d("2024-01-01"), t), invalid_input_error);
}

TEST_CASE("late fees: grace, percentage with a cap, freezes", "[plan][accrual]") {
  const late_fee_rule rule{.grace_days = 15, .flat = m("5.00 USD"), .percent_of_instalment = decimal("0.05"),
                           .cap = m("25.00 USD"), .citation = "contract clause 7.2"};
  CHECK(late_fee(m("300.00 USD"), 15, rule, d("2025-03-01")).is_zero());
  CHECK(late_fee(m("300.00 USD"), 16, rule, d("2025-03-01")) == m("20.00 USD"));
  CHECK(late_fee(m("900.00 USD"), 16, rule, d("2025-03-01")) == m("25.00 USD"));
  const std::vector<accrual_freeze> hardship{{d("2025-02-01"), d("2025-04-01"), "hardship freeze", true}};
  CHECK(late_fee(m("900.00 USD"), 30, rule, d("2025-03-01"), hardship).is_zero());
  CHECK_THROWS_WITH(late_fee(m("1.00 USD"), 30, late_fee_rule{}, d("2025-03-01")), Catch::Contains("needs a flat amount"));
}
