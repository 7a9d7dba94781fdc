// The public C++ headers hold the promises a finance library makes to its callers: exact
// construction is explicit, decimals order weakly (1.5 ~ 1.50 but not the same value), every
// verdict and result is [[nodiscard]], and each parse has a non-throwing form.
#include <catch2/catch.hpp>

#include <compare>
#include <type_traits>

#include "../support.hpp"
#include "recoup/plan/periodic_rate.hpp"
#include "recoup/settle/offer.hpp"
#include "recoup/settle/valuation.hpp"

using namespace recoup;

// money(decimal, currency) is explicit: `money m = {1234, usd}` does not compile (checked by the
// compile-failure test c++.money_brace_init_refused), while direct construction does.
static_assert(std::is_constructible_v<money, decimal, currency>);
static_assert(!std::is_convertible_v<decimal, money>);
static_assert(std::is_same_v<decltype(decimal(1) <=> decimal(1)), std::weak_ordering>);

TEST_CASE("decimal orders weakly: equivalent values may differ in scale", "[core][api]") {
  const auto a = decimal::parse("1.5");
  const auto b = decimal::parse("1.50");
  CHECK((a <=> b) == std::weak_ordering::equivalent);
  CHECK(a == b);
  CHECK(a.to_string() != b.to_string());  // not substitutable: the scale shows
  CHECK(a.hash() == b.hash());
}

TEST_CASE("try_parse: the non-throwing parse gives the value or the reason", "[core][api]") {
  CHECK(money::try_parse("12.34 USD") == money::parse("12.34 USD"));
  parse_failure why;
  CHECK_FALSE(money::try_parse("12.345 USD", &why).has_value());
  CHECK(why.kind == error_kind::invalid_input);
  CHECK(why.id == "money.excess_precision");
  CHECK_THAT(why.message, Catch::Contains("12.345"));
  CHECK_FALSE(money::try_parse("1.00 XYZ", &why).has_value());
  CHECK(why.id == "currency.unknown");
  CHECK_FALSE(money::try_parse("1.00 USD ").has_value());  // no reason asked for
  CHECK(decimal::try_parse("1.2E+3") == decimal::parse("1200"));
  CHECK_FALSE(decimal::try_parse("1,200", &why).has_value());
  CHECK(why.id == "decimal.syntax");
}

TEST_CASE("periodic_rate: a rate that names its period", "[plan][api]") {
  const periodic_rate monthly(decimal::parse("0.01"), frequency::monthly());
  CHECK(monthly.nominal_annual().fraction() == decimal::parse("0.12"));
  const auto from_annual =
      periodic_rate::from_annual(annual_rate(decimal::parse("0.10")), frequency::monthly(), 12, rounding_mode::half_even);
  CHECK(from_annual.fraction() == decimal::parse("0.008333333333"));
  const auto every_five = periodic_rate(decimal::parse("0.05"), frequency::every_n_months(5));
  CHECK(every_five.nominal_annual().fraction() == decimal::parse("0.12"));  // 0.05 x 12 / 5
  REQUIRE_THROWS_MATCHES(periodic_rate(decimal::parse("-0.01"), frequency::monthly()), invalid_input_error,
                         recoup::test::has_id("rate.negative"));

  // Valuing a monthly plan with a weekly rate is refused; with its own period it equals the decimal form.
  const auto plan = full_balance_plan_offer(money::parse("1200.00 USD"), 12, frequency::monthly(), std::nullopt);
  const periodic_rate weekly(decimal::parse("0.002"), frequency::weekly());
  REQUIRE_THROWS_MATCHES(value_offer(plan, weekly, break_model{}, collection_costs{}, rounding_mode::half_even),
                         invalid_input_error, recoup::test::has_id("rate.frequency"));
  const auto typed = value_offer(plan, monthly, break_model{}, collection_costs{}, rounding_mode::half_even);
  const auto plain = value_offer(plan, decimal::parse("0.01"), break_model{}, collection_costs{}, rounding_mode::half_even);
  CHECK(typed.npv == plain.npv);
}
