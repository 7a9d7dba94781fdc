// Plan monitoring: hand-worked scenarios on a 6-instalment plan (payments in, per-instalment
// state and status out), grace boundary, tolerance, broken rules, cure, completion, the batch
// kernel against the scalar call, and errors.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "../support.hpp"
#include "recoup/plan/monitor.hpp"
#include "recoup/plan/schedule.hpp"

using namespace recoup;
using recoup::test::has_id;

namespace {

money m(const char* text) { return money::parse(text); }
civil_date d(const char* text) { return civil_date::parse(text); }

/// 600.00 GBP interest-free in 6 monthly instalments of 100.00, due on the 15th, Jan..Jun 2026.
schedule six() {
  return build_schedule({.principal = m("600.00 GBP"), .periods = 6, .first_due = d("2026-01-15")});
}

std::vector<std::string> states(const monitor_result& r) {
  std::vector<std::string> out;
  for (const auto& s : r.instalments) out.emplace_back(to_string(s.state));
  return out;
}

using S = std::vector<std::string>;

}  // namespace

TEST_CASE("the worked plan has six instalments of 100.00 GBP on the 15th", "[monitor]") {
  const auto s = six();
  REQUIRE(s.rows().size() == 6);
  for (const auto& r : s.rows()) CHECK(r.payment == m("100.00 GBP"));
  CHECK(s.rows()[5].due_date == d("2026-06-15"));
}

TEST_CASE("worked scenario: early, last-grace-day and short payments, then two misses break the plan", "[monitor]") {
  const auto s = six();
  const monitor_policy p{.grace_days = 3, .broken_after_missed = 2};
  std::vector<dated_payment> pay = {{d("2026-01-14"), m("100.00 GBP")},   // early: paid
                                    {d("2026-02-18"), m("100.00 GBP")},   // due 02-15 + 3 grace days: on time
                                    {d("2026-03-19"), m("60.00 GBP")}};   // after 03-18: #3 missed, then short

  SECTION("as of 2026-04-10: in arrears, 40.00 short on #3, 26 days past due") {
    const auto r = monitor(s, pay, d("2026-04-10"), p);
    CHECK(to_string(r.status) == "in_arrears");
    CHECK(r.arrears == m("40.00 GBP"));
    CHECK(r.days_past_due == 26);
    CHECK(states(r) == S{"paid", "paid", "short", "not_yet_due", "not_yet_due", "not_yet_due"});
    CHECK(r.instalments[2].paid == m("60.00 GBP"));
    CHECK(r.instalments[2].shortfall == m("40.00 GBP"));
    CHECK(r.instalments[2].last_payment_on == d("2026-03-19"));
    CHECK(r.instalments[1].settled_on == d("2026-02-18"));
    CHECK(r.missed_count == 1);
    CHECK(r.paid_total == m("260.00 GBP"));
    CHECK(r.outstanding == m("340.00 GBP"));
    const auto text = r.explain();
    CHECK_THAT(text, Catch::Contains("in_arrears") && Catch::Contains("#3 (short, 40.00 GBP unpaid)") &&
                         Catch::Contains("1 missed instalment counted of 2 in total allowed"));
  }
  SECTION("as of 2026-04-19: #4 missed after its grace -> broken by the 2-missed rule") {
    const auto r = monitor(s, pay, d("2026-04-19"), p);
    CHECK(to_string(r.status) == "broken");
    CHECK(r.broken_rule == "missed_instalments");
    CHECK(r.broken_on == d("2026-04-19"));
    CHECK(r.arrears == m("140.00 GBP"));
    CHECK(r.days_past_due == 35);
    CHECK(states(r) == S{"paid", "paid", "short", "missed", "not_yet_due", "not_yet_due"});
    CHECK_THAT(r.explain(), Catch::Contains("2 missed instalments reached the limit of 2"));
  }
  SECTION("as of 2026-04-18 (last grace day of #4) it is still only in arrears") {
    const auto r = monitor(s, pay, d("2026-04-18"), p);
    CHECK(to_string(r.status) == "in_arrears");
    CHECK(states(r)[3] == "in_grace");
  }
  SECTION("cure: clearing the arrears on 2026-04-25 puts the plan back on track") {
    pay.push_back({d("2026-04-25"), m("140.00 GBP")});
    const auto r = monitor(s, pay, d("2026-04-30"), p);
    CHECK(to_string(r.status) == "on_track");
    CHECK(r.arrears == m("0.00 GBP"));
    CHECK(r.days_past_due == 0);
    CHECK(r.last_cured_on == d("2026-04-25"));
    CHECK(r.missed_count == 0);
    CHECK(states(r) == S{"paid", "paid", "late", "late", "not_yet_due", "not_yet_due"});
    CHECK(r.instalments[2].days_late == 41);
    CHECK(r.instalments[3].days_late == 10);
    SECTION("without cure the plan stays broken") {
      auto no_cure = p;
      no_cure.cure = false;
      CHECK(to_string(monitor(s, pay, d("2026-04-30"), no_cure).status) == "broken");
    }
  }
  SECTION("completed: everything paid (even early) whatever happened before") {
    pay.push_back({d("2026-04-25"), m("340.00 GBP")});
    const auto r = monitor(s, pay, d("2026-05-01"), p);
    CHECK(to_string(r.status) == "completed");
    CHECK(r.outstanding == m("0.00 GBP"));
    CHECK(states(r) == S{"paid", "paid", "late", "late", "paid", "paid"});
  }
}

TEST_CASE("grace boundary: paid on the last grace day is paid, a day later is late", "[monitor]") {
  const auto s = six();
  const monitor_policy p{.grace_days = 3};
  const std::vector<dated_payment> first = {{d("2026-01-15"), m("100.00 GBP")}};
  auto on_time = first;
  on_time.push_back({d("2026-02-18"), m("100.00 GBP")});
  auto late = first;
  late.push_back({d("2026-02-19"), m("100.00 GBP")});
  CHECK(states(monitor(s, on_time, d("2026-03-01"), p))[1] == "paid");
  const auto r = monitor(s, late, d("2026-03-01"), p);
  CHECK(states(r)[1] == "late");
  CHECK(r.instalments[1].days_late == 4);
  CHECK(to_string(r.status) == "on_track");
  SECTION("unpaid: in grace through 02-18, missed from 02-19") {
    const auto g = monitor(s, first, d("2026-02-18"), p);
    CHECK(states(g)[1] == "in_grace");
    CHECK(to_string(g.status) == "on_track");
    CHECK(g.arrears == m("100.00 GBP"));  // contractual arrears ignore grace
    CHECK(g.days_past_due == 3);
    const auto x = monitor(s, first, d("2026-02-19"), p);
    CHECK(states(x)[1] == "missed");
    CHECK(to_string(x.status) == "in_arrears");
  }
  SECTION("due today with no grace: in grace (due), 0 days past due, no arrears yet") {
    const auto t = monitor(s, first, d("2026-02-15"), {});
    CHECK(states(t)[1] == "in_grace");
    CHECK(t.days_past_due == 0);
    CHECK(t.arrears.is_zero());
  }
}

TEST_CASE("tolerance: a shortfall at or below the tolerance is ignored by the status, not by the arrears", "[monitor]") {
  const auto s = six();
  const std::vector<dated_payment> pay = {{d("2026-01-15"), m("99.50 GBP")}};
  SECTION("no tolerance: short") {
    const auto r = monitor(s, pay, d("2026-01-20"), {});
    CHECK(states(r)[0] == "short");
    CHECK(to_string(r.status) == "in_arrears");
  }
  SECTION("an amount of 0.50 tolerates it") {
    const auto r = monitor(s, pay, d("2026-01-20"), {.tolerance = m("0.50 GBP")});
    CHECK(states(r)[0] == "paid");
    CHECK(to_string(r.status) == "on_track");
    CHECK(r.arrears == m("0.50 GBP"));
    CHECK(r.instalments[0].shortfall == m("0.50 GBP"));
    CHECK_THAT(r.explain(), Catch::Contains("within tolerance 0.50 GBP"));
  }
  SECTION("0.49 does not") {
    CHECK(to_string(monitor(s, pay, d("2026-01-20"), {.tolerance = m("0.49 GBP")}).status) == "in_arrears");
  }
  SECTION("a fraction of 0.5% of 100.00 = 0.50 tolerates it; 0.4% does not") {
    CHECK(to_string(monitor(s, pay, d("2026-01-20"), {.tolerance_fraction = decimal("0.005")}).status) == "on_track");
    CHECK(to_string(monitor(s, pay, d("2026-01-20"), {.tolerance_fraction = decimal("0.004")}).status) == "in_arrears");
  }
  SECTION("shortfalls accumulate: the next 99.50 first tops up #1, leaving #2 short by 1.00") {
    const std::vector<dated_payment> two = {{d("2026-01-15"), m("99.50 GBP")}, {d("2026-02-15"), m("99.50 GBP")}};
    const auto r = monitor(s, two, d("2026-02-20"), {.tolerance = m("0.50 GBP")});
    CHECK(states(r)[0] == "paid");
    CHECK(r.instalments[0].settled_on == d("2026-01-15"));
    CHECK(states(r)[1] == "short");
    CHECK(r.instalments[1].shortfall == m("1.00 GBP"));
  }
}

TEST_CASE("broken rules: consecutive misses, arrears amount, arrears in instalments", "[monitor]") {
  const auto s = six();
  // #1 paid, #2 missed, #3 paid on time (covers #2 oldest first, so #3 is then missed), ...
  const std::vector<dated_payment> pay = {{d("2026-01-15"), m("100.00 GBP")}, {d("2026-03-15"), m("100.00 GBP")}};
  SECTION("in total: #2 and #3 missed -> broken on 03-16") {
    const auto r = monitor(s, pay, d("2026-03-20"), {.broken_after_missed = 2});
    CHECK(to_string(r.status) == "broken");
    CHECK(r.broken_on == d("2026-03-16"));
  }
  SECTION("3 consecutive needed: not broken until #4 is missed too") {
    const monitor_policy p{.broken_after_missed = 3, .missed_consecutive = true};
    CHECK(to_string(monitor(s, pay, d("2026-04-15"), p).status) == "in_arrears");
    CHECK(to_string(monitor(s, pay, d("2026-04-16"), p).status) == "broken");
  }
  SECTION("arrears of at least 150.00 (miss rule off): broken when overdue reaches 200.00 on 04-16") {
    const monitor_policy p{.broken_after_missed = 0, .broken_arrears_at_least = m("150.00 GBP")};
    CHECK(to_string(monitor(s, pay, d("2026-04-15"), p).status) == "in_arrears");
    const auto r = monitor(s, pay, d("2026-04-16"), p);
    CHECK(r.broken_rule == "arrears_amount");
    CHECK_THAT(r.explain(), Catch::Contains("overdue 200.00 GBP reached the limit of 150.00 GBP"));
  }
  SECTION("arrears of 2 instalments (200.00)") {
    const monitor_policy p{.broken_after_missed = 0, .broken_arrears_instalments = 2};
    const auto r = monitor(s, pay, d("2026-04-16"), p);
    CHECK(r.broken_rule == "arrears_instalments");
    CHECK(to_string(monitor(s, pay, d("2026-04-15"), p).status) == "in_arrears");
  }
  SECTION("no rule: never broken, only in arrears") {
    const monitor_policy p{.broken_after_missed = 0};
    CHECK(to_string(monitor(s, {}, d("2026-07-01"), p).status) == "in_arrears");
  }
}

TEST_CASE("overpayments roll forward, or are held as credit", "[monitor]") {
  const auto s = six();
  const std::vector<dated_payment> pay = {{d("2026-01-15"), m("300.00 GBP")}};
  const auto roll = monitor(s, pay, d("2026-03-20"), {});
  CHECK(to_string(roll.status) == "on_track");
  CHECK(states(roll) == S{"paid", "paid", "paid", "not_yet_due", "not_yet_due", "not_yet_due"});
  CHECK(roll.unapplied.is_zero());
  const auto held = monitor(s, pay, d("2026-03-20"), {.overpayment = overpayment_rule::hold_as_credit});
  // 01-15 pays #1 (due) and #2 (the next one); 100.00 is held as credit; #3 is missed.
  CHECK(states(held) == S{"paid", "paid", "missed", "not_yet_due", "not_yet_due", "not_yet_due"});
  CHECK(held.unapplied == m("100.00 GBP"));
  CHECK(to_string(held.status) == "in_arrears");
  CHECK_THAT(held.explain(), Catch::Contains("100.00 GBP held as unapplied credit"));
}

TEST_CASE("payments in any order, payments after as_of ignored, zero payments allowed", "[monitor]") {
  const auto s = six();
  const std::vector<dated_payment> pay = {{d("2026-02-15"), m("100.00 GBP")},
                                          {d("2026-01-15"), m("100.00 GBP")},
                                          {d("2026-01-20"), m("0.00 GBP")},
                                          {d("2026-09-01"), m("400.00 GBP")}};
  const auto r = monitor(s, pay, d("2026-02-20"), {});
  CHECK(to_string(r.status) == "on_track");
  CHECK(r.payments_after_as_of == 1);
  CHECK(r.paid_total == m("200.00 GBP"));
  CHECK(to_string(monitor(s, pay, d("2026-09-02"), {}).status) == "completed");
}

TEST_CASE("monitor errors name the bad value and what to do", "[monitor]") {
  const auto s = six();
  const std::vector<dated_payment> neg = {{d("2026-01-15"), m("-5.00 GBP")}};
  REQUIRE_THROWS_MATCHES(monitor(s, neg, d("2026-02-01")), invalid_input_error,
                         has_id("monitor.negative_payment", "remove a reversed payment"));
  const std::vector<dated_payment> usd = {{d("2026-01-15"), m("5.00 USD")}};
  REQUIRE_THROWS_MATCHES(monitor(s, usd, d("2026-02-01")), currency_mismatch_error, has_id("monitor.currency", "GBP"));
  REQUIRE_THROWS_MATCHES(monitor(s, {}, d("2026-02-01"), {.grace_days = -1}), invalid_input_error,
                         has_id("monitor.policy", "grace_days -1"));
  REQUIRE_THROWS_MATCHES(monitor(s, {}, d("2026-02-01"), {.tolerance_fraction = decimal("1.5")}), invalid_input_error,
                         has_id("monitor.policy", "tolerance_fraction 1.5"));
  REQUIRE_THROWS_MATCHES(monitor(s, {}, d("2026-02-01"), {.tolerance = m("1.00 USD")}), currency_mismatch_error,
                         has_id("monitor.currency"));
  const std::vector<civil_date> due = {d("2026-02-01"), d("2026-01-01")};
  const std::vector<money> amt = {m("1.00 GBP"), m("1.00 GBP")};
  REQUIRE_THROWS_MATCHES(monitor(due, amt, {}, d("2026-02-01")), invalid_input_error, has_id("monitor.due_dates", "2026-01-01"));
}

TEST_CASE("monitor_plans: each batch row equals the scalar monitor()", "[monitor][batch]") {
  std::mt19937_64 rng(20260101);
  const currency gbp("GBP");
  const monitor_policy p{.grace_days = 2, .tolerance = m("0.50 GBP"), .broken_after_missed = 2};
  std::vector<std::int64_t> io{0}, po{0}, due_minor, pay_minor;
  std::vector<std::int32_t> due_date, pay_date, as_of;
  const std::size_t plans = 300;
  for (std::size_t i = 0; i < plans; ++i) {
    const auto n = static_cast<std::int32_t>(rng() % 12);
    const std::int32_t start = d("2026-01-01").serial() + static_cast<std::int32_t>(rng() % 60);
    for (std::int32_t k = 0; k < n; ++k) {
      due_date.push_back(start + 30 * k);
      due_minor.push_back(static_cast<std::int64_t>(5000 + rng() % 3));
    }
    io.push_back(static_cast<std::int64_t>(due_date.size()));
    const auto k = rng() % 10;
    for (std::size_t j = 0; j < k; ++j) {
      pay_date.push_back(start + static_cast<std::int32_t>(rng() % 400) - 10);
      pay_minor.push_back(static_cast<std::int64_t>(rng() % 12000));
    }
    po.push_back(static_cast<std::int64_t>(pay_date.size()));
    as_of.push_back(start + static_cast<std::int32_t>(rng() % 420));
  }
  pay_minor[3] = -1;  // one bad row
  std::vector<std::int8_t> status(plans);
  std::vector<std::int64_t> arrears(plans), dpd(plans), paid(plans), outstanding(plans), missed(plans);
  row_errors errors;
  monitor_plans({io, due_date, due_minor, po, pay_date, pay_minor, as_of}, gbp, p,
                {status, arrears, dpd, paid, outstanding, missed}, &errors);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].id == "monitor.negative_payment");
  for (std::size_t i = 0; i < plans; ++i) {
    std::vector<civil_date> dd;
    std::vector<money> aa;
    std::vector<dated_payment> pp;
    for (auto k = io[i]; k < io[i + 1]; ++k) {
      dd.push_back(civil_date::from_serial(due_date[static_cast<std::size_t>(k)]));
      aa.push_back(money::from_minor(due_minor[static_cast<std::size_t>(k)], gbp));
    }
    for (auto k = po[i]; k < po[i + 1]; ++k)
      pp.push_back({civil_date::from_serial(pay_date[static_cast<std::size_t>(k)]),
                    money::from_minor(pay_minor[static_cast<std::size_t>(k)], gbp)});
    if (i == errors[0].row) {
      CHECK(status[i] == 0);
      continue;
    }
    if (aa.empty() && pp.empty()) continue;
    const auto r = monitor(dd, aa, pp, civil_date::from_serial(as_of[i]), p);
    INFO("plan " << i);
    CHECK(status[i] == static_cast<std::int8_t>(r.status) + 1);
    CHECK(arrears[i] == r.arrears.minor_units());
    CHECK(dpd[i] == r.days_past_due);
    CHECK(paid[i] == r.paid_total.minor_units());
    CHECK(outstanding[i] == r.outstanding.minor_units());
    CHECK(missed[i] == r.missed_count);
  }
  SECTION("without an error list the bad row throws with its row number") {
    REQUIRE_THROWS_MATCHES(monitor_plans({io, due_date, due_minor, po, pay_date, pay_minor, as_of}, gbp, p,
                                         {status, arrears, dpd, paid, outstanding, missed}),
                           invalid_input_error, has_id("monitor.negative_payment", "row " + std::to_string(errors[0].row) + ": "));
  }
  SECTION("bad offsets are refused") {
    std::vector<std::int64_t> bad = io;
    bad.back() += 1;
    REQUIRE_THROWS_MATCHES(monitor_plans({bad, due_date, due_minor, po, pay_date, pay_minor, as_of}, gbp, p,
                                         {status, arrears, dpd, paid, outstanding, missed}),
                           invalid_input_error, has_id("monitor.batch_shape"));
  }
}
