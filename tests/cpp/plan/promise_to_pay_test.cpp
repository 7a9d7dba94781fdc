// Promise-to-pay tracking: kept, partially kept, broken, pending, with tolerance and grace.
#include <catch2/catch.hpp>

#include <vector>

#include "../support.hpp"
#include "recoup/plan/promise_to_pay.hpp"

using namespace recoup;
using recoup::test::has_id;

namespace {
money m(const char* text) { return money::parse(text); }
civil_date d(const char* text) { return civil_date::parse(text); }
/// 200.00 GBP promised on 2026-03-01 for 2026-03-10, 2 grace days (deadline 2026-03-12).
promise_to_pay promise() {
  return {.date = d("2026-03-10"), .amount = m("200.00 GBP"), .made_on = d("2026-03-01"), .grace_days = 2};
}
std::string status(const promise_result& r) { return std::string(to_string(r.status)); }
}  // namespace

TEST_CASE("a promise paid in full before the date is kept on the day the total reached it", "[monitor][promise]") {
  const std::vector<dated_payment> pay = {{d("2026-03-05"), m("120.00 GBP")}, {d("2026-03-09"), m("80.00 GBP")}};
  const auto r = check_promise(promise(), pay, d("2026-03-09"));
  CHECK(status(r) == "kept");
  CHECK(r.kept_on == d("2026-03-09"));
  CHECK(r.shortfall.is_zero());
  CHECK_THAT(r.explain(), Catch::Contains("kept") && Catch::Contains("reached on 2026-03-09"));
}

TEST_CASE("a promise part paid is pending until the deadline, then partially kept", "[monitor][promise]") {
  const std::vector<dated_payment> pay = {{d("2026-03-12"), m("150.00 GBP")}, {d("2026-03-13"), m("50.00 GBP")}};
  CHECK(status(check_promise(promise(), pay, d("2026-03-11"))) == "pending");
  const auto r = check_promise(promise(), pay, d("2026-03-15"));
  CHECK(status(r) == "partially_kept");
  CHECK(r.paid == m("150.00 GBP"));
  CHECK(r.shortfall == m("50.00 GBP"));
  CHECK(r.paid_after_deadline == m("50.00 GBP"));  // one day late: does not keep the promise
  CHECK_THAT(r.explain(), Catch::Contains("Paid after the deadline"));
}

TEST_CASE("a promise with nothing paid by the deadline is broken; on the last grace day it is pending", "[monitor][promise]") {
  CHECK(status(check_promise(promise(), {}, d("2026-03-12"))) == "pending");
  CHECK(status(check_promise(promise(), {}, d("2026-03-13"))) == "broken");
}

TEST_CASE("payments before the promise was made do not count; tolerance keeps a near miss", "[monitor][promise]") {
  const std::vector<dated_payment> pay = {{d("2026-02-27"), m("200.00 GBP")}, {d("2026-03-10"), m("199.00 GBP")}};
  const auto strict = check_promise(promise(), pay, d("2026-03-20"));
  CHECK(status(strict) == "partially_kept");
  CHECK(strict.paid == m("199.00 GBP"));
  auto tolerant = promise();
  tolerant.tolerance = m("1.00 GBP");
  CHECK(status(check_promise(tolerant, pay, d("2026-03-20"))) == "kept");
}

TEST_CASE("promise errors", "[monitor][promise]") {
  auto p = promise();
  p.amount = m("0.00 GBP");
  REQUIRE_THROWS_MATCHES(check_promise(p, {}, d("2026-03-01")), invalid_input_error, has_id("promise.amount", "positive"));
  p = promise();
  p.made_on = d("2026-04-01");
  REQUIRE_THROWS_MATCHES(check_promise(p, {}, d("2026-03-01")), invalid_input_error, has_id("promise.policy", "after the promised date"));
  const std::vector<dated_payment> usd = {{d("2026-03-05"), m("1.00 USD")}};
  REQUIRE_THROWS_MATCHES(check_promise(promise(), usd, d("2026-03-09")), currency_mismatch_error, has_id("promise.currency"));
}
