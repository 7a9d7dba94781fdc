// A settlement's forgiven amount judged by the Form 1099-C rule (26 CFR 1.6050P-1: $600
// threshold, event F = agreement for less than full consideration).
#include "recoup/settle/forgiveness.hpp"

#include "../support.hpp"

using namespace recoup;
using recoup::test::has_id;

namespace {
money usd(const char* s) { return money(decimal::parse(s), currency("USD")); }
const civil_date filed = civil_date::parse("2027-01-31");
}  // namespace

TEST_CASE("a settlement forgiving $600 or more is reportable; the verdict is attached", "[settle][forgiveness]") {
  auto o = lump_sum_offer(usd("4000.00"), decimal::parse("0.60"), std::nullopt, rounding_mode::half_up);
  const auto v = report_forgiveness(o, filed);
  CHECK(v.required);
  CHECK(v.amount == usd("1600.00"));
  REQUIRE(o.reporting.has_value());
  CHECK(o.reporting->reportable);
  CHECK(o.reporting->citation == v.main_rule().citation);
  CHECK_FALSE(o.reporting->reason.empty());
  CHECK(o.explain().find("1600.00") != std::string::npos);
}

TEST_CASE("the $600.00 boundary: $599.99 forgiven is not reported", "[settle][forgiveness]") {
  auto below = lump_sum_offer(usd("1599.99"), decimal::parse("0.625"), usd("1000.00"), rounding_mode::half_up);
  CHECK(below.forgiven() == usd("599.99"));
  CHECK_FALSE(report_forgiveness(below, filed).required);
  CHECK_FALSE(below.reporting->reportable);
  auto at = lump_sum_offer(usd("1600.00"), decimal::parse("0.625"), std::nullopt, rounding_mode::half_up);
  CHECK(at.forgiven() == usd("600.00"));
  CHECK(report_forgiveness(at, filed).required);
}

TEST_CASE("a lender that is not an applicable entity files nothing; non-USD offers are refused",
          "[settle][forgiveness]") {
  auto o = lump_sum_offer(usd("4000.00"), decimal::parse("0.50"), std::nullopt, rounding_mode::half_up);
  CHECK_FALSE(report_forgiveness(o, filed, rules::discharge_event::agreement, false).required);
  auto gbp = lump_sum_offer(money(decimal::parse("4000.00"), currency("GBP")), decimal::parse("0.50"), std::nullopt,
                            rounding_mode::half_up);
  CHECK_THROWS_MATCHES(report_forgiveness(gbp, filed), currency_mismatch_error, has_id("notices.1099c_currency"));
  CHECK_FALSE(gbp.reporting.has_value());
}
