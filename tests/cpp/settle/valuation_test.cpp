// NPV, expected recovery, break-even, sensitivity and the optimiser. Expected figures were worked
// by hand and checked with Python's fractions module.
#include "recoup/settle/break_even.hpp"
#include "recoup/settle/optimiser.hpp"
#include "recoup/settle/sensitivity.hpp"
#include "recoup/settle/valuation.hpp"

#include "../support.hpp"

using namespace recoup;
using recoup::test::has_id;

namespace {
decimal dec(const char* s) { return decimal::parse(s); }
money usd(const char* s) { return money(decimal::parse(s), currency("USD")); }
settlement_offer three_hundred() { return full_balance_plan_offer(usd("300.00"), 3, frequency::monthly(), std::nullopt); }
}  // namespace

TEST_CASE("npv discounts each payment; at 0% it is the total", "[settle][valuation]") {
  const auto p = three_hundred();
  CHECK(offer_npv(p, dec("0"), rounding_mode::half_even) == usd("300.00"));
  // 100/1.1 + 100/1.21 + 100/1.331 = 248.6851990984...
  CHECK(offer_npv(p, dec("0.10"), rounding_mode::half_even) == usd("248.69"));
  CHECK(offer_npv(p, dec("0.10"), rounding_mode::down) == usd("248.68"));
  const auto lump = lump_sum_offer(usd("300.00"), dec("0.5"), std::nullopt, rounding_mode::half_up);
  CHECK(offer_npv(lump, dec("0.10"), rounding_mode::half_even) == usd("150.00"));
  CHECK_THROWS_MATCHES(offer_npv(p, dec("-0.01"), rounding_mode::half_even), invalid_input_error,
                       has_id("settle.discount_rate"));
}

TEST_CASE("expected recovery under a constant hazard, net of the cost to collect", "[settle][valuation]") {
  const auto p = three_hundred();
  const collection_costs c{.per_contact = usd("5.00"), .setup_contacts = dec("2"), .contacts_per_payment = dec("1"),
                           .legal = usd("50.00"), .commission = dec("0.2")};
  const auto v = value_offer(p, dec("0"), break_model::constant_hazard(dec("0.1")), c, rounding_mode::half_even);
  CHECK(v.npv == usd("300.00"));
  CHECK(v.expected_gross == usd("243.90"));     // 90 + 81 + 72.9
  CHECK(v.commission == usd("48.78"));
  CHECK(v.contact_costs == usd("22.20"));       // 5 × (2 + 0.9 + 0.81 + 0.729) = 22.195, half_even
  CHECK(v.legal == usd("50.00"));
  CHECK(v.expected_net == usd("122.92"));
  CHECK(v.expected_contacts == dec("4.439"));
  CHECK(v.completion_probability == dec("0.729"));
  CHECK(v.explain().find("rounded half_even") != std::string::npos);
  SECTION("a survival curve from the caller") {
    const auto m = break_model::survival_curve({dec("0.9"), dec("0.8"), dec("0.5")});
    CHECK(value_offer(p, dec("0"), m, {}, rounding_mode::half_even).expected_gross == usd("220.00"));
    const auto shorter = break_model::survival_curve({dec("0.9"), dec("0.8")});
    CHECK_THROWS_MATCHES(value_offer(p, dec("0"), shorter, {}, rounding_mode::half_even), invalid_input_error,
                         has_id("settle.survival_too_short"));
  }
  SECTION("bad models and costs") {
    CHECK_THROWS_MATCHES(break_model::constant_hazard(dec("1.01")), invalid_input_error, has_id("settle.hazard_range"));
    CHECK_THROWS_MATCHES(break_model::constant_hazard(dec("-0.01")), invalid_input_error, has_id("settle.hazard_range"));
    CHECK_THROWS_MATCHES(break_model::survival_curve({dec("0.9"), dec("0.95")}), invalid_input_error,
                         has_id("settle.survival_not_monotone"));
    CHECK_THROWS_MATCHES(break_model::survival_curve({dec("1.2")}), invalid_input_error, has_id("settle.survival_range"));
    CHECK_THROWS_MATCHES(break_model::survival_curve({}), invalid_input_error, has_id("settle.survival_empty"));
    const collection_costs bad{.commission = dec("1")};
    CHECK_THROWS_MATCHES(value_offer(p, dec("0"), {}, bad, rounding_mode::half_even), invalid_input_error,
                         has_id("settle.commission_range"));
    const collection_costs neg{.per_contact = usd("-1.00")};
    CHECK_THROWS_MATCHES(value_offer(p, dec("0"), {}, neg, rounding_mode::half_even), invalid_input_error,
                         has_id("settle.costs"));
  }
}

TEST_CASE("expected recovery falls as the hazard rises", "[settle][valuation]") {
  const auto p = full_balance_plan_offer(usd("2400.00"), 24, frequency::monthly(), std::nullopt);
  money previous = usd("999999.00");
  for (const char* h : {"0", "0.01", "0.05", "0.1", "0.3", "1"}) {
    const auto v = value_offer(p, dec("0.005"), break_model::constant_hazard(dec(h)), {}, rounding_mode::half_even);
    CHECK(v.expected_net < previous);
    previous = v.expected_net;
  }
  CHECK(previous == usd("0.00"));  // hazard 1: nothing after period 0
}

TEST_CASE("break-even discount equates a lump sum with the plan's expected net value", "[settle][break_even]") {
  const collection_costs c{.per_contact = usd("5.00"), .setup_contacts = dec("2"), .contacts_per_payment = dec("1"),
                           .legal = usd("50.00"), .commission = dec("0.2")};
  // E = 243.90 × 0.8 - 22.195 - 50 = 122.925; f = (122.925 + 65) / 240 = 0.783020833...
  const auto b = break_even_discount(three_hundred(), dec("0"), break_model::constant_hazard(dec("0.1")), c, 4);
  CHECK(b.fraction == dec("0.7831"));
  CHECK(b.discount == dec("0.2169"));
  CHECK(b.lump_sum == usd("234.93"));
  CHECK(b.explain().find("ceiling") != std::string::npos);
  // With no costs and no risk at 0%, the plan is worth the whole balance: no discount.
  const auto none = break_even_discount(three_hundred(), dec("0"), {}, {}, 4);
  CHECK(none.fraction == dec("1"));
  CHECK(none.discount == dec("0"));
  CHECK_THROWS_MATCHES(break_even_discount(three_hundred(), dec("0"), {}, {}, 13), invalid_input_error,
                       has_id("settle.places"));
}

TEST_CASE("the sensitivity grid holds one exact valuation per cell", "[settle][sensitivity]") {
  const auto p = three_hundred();
  const std::vector<decimal> rates{dec("0"), dec("0.10")}, hazards{dec("0"), dec("0.1")};
  const auto g = sensitivity_grid(p, rates, hazards, {}, rounding_mode::half_even);
  REQUIRE(g.expected_net_minor.size() == 4);
  CHECK(g.at(0, 0) == usd("300.00"));
  CHECK(g.at(0, 1) == usd("243.90"));
  CHECK(g.at(1, 0) == usd("248.69"));
  CHECK(g.at(1, 1) ==
        value_offer(p, dec("0.10"), break_model::constant_hazard(dec("0.1")), {}, rounding_mode::half_even).expected_net);
  CHECK_THROWS_MATCHES(sensitivity_grid(p, {}, hazards, {}, rounding_mode::half_even), invalid_input_error,
                       has_id("settle.grid"));
  CHECK_THROWS_MATCHES(g.at(2, 0), invalid_input_error, has_id("settle.grid"));
}

TEST_CASE("the optimiser weighs a discounted lump sum now against a plan that may break", "[settle][optimiser]") {
  std::vector<authority_band> bands{
      {.level = "agent", .max_discount = dec("0.20"), .max_balance = usd("5000.00"), .max_age_days = 180},
      {.level = "supervisor", .max_discount = dec("0.35")},
      {.level = "manager", .max_discount = dec("0.50")}};
  offer_search s{.balance = usd("1000.00"), .account_age_days = 90, .bands = bands, .authority = "supervisor",
                 .max_payment = usd("100.00"), .max_lump_sum = usd("700.00")};
  SECTION("a risky plan: the lump sum at 30% off wins (plan worth 559.92)") {
    const auto r = optimise_offer(s, dec("0.01"), break_model::constant_hazard(dec("0.1")), {}, rounding_mode::half_even);
    REQUIRE(r.best.has_value());
    CHECK(r.best->offer.kind == offer_kind::lump_sum);
    CHECK(r.best->expected_net == usd("700.00"));
    CHECK(r.candidates.size() == 10);
    CHECK(r.candidates.back().valuation.expected_net == usd("559.92"));
    CHECK_FALSE(r.candidates[1].allowed);  // 200.00 in 2: 80% off
  }
  SECTION("a safer plan: the full balance over 10 months wins (725.12)") {
    const auto r = optimise_offer(s, dec("0.01"), break_model::constant_hazard(dec("0.05")), {}, rounding_mode::half_even);
    REQUIRE(r.best.has_value());
    CHECK(r.best->offer.kind == offer_kind::full_balance_plan);
    CHECK(r.best->offer.payment_count() == 10);
    CHECK(r.best->expected_net == usd("725.12"));
  }
  SECTION("an agent may not give 30% off") {
    s.authority = "agent";
    const auto r = optimise_offer(s, dec("0.01"), break_model::constant_hazard(dec("0.1")), {}, rounding_mode::half_even);
    REQUIRE(r.best.has_value());
    CHECK(r.best->offer.payment_count() == 10);
    CHECK_FALSE(r.candidates[0].allowed);
    CHECK(r.candidates[0].reason.find("needs supervisor") != std::string::npos);
  }
  SECTION("nothing allowed") {
    s.max_payment = usd("10.00");
    s.max_lump_sum = usd("10.00");
    s.max_payments = 12;
    const auto r = optimise_offer(s, dec("0.01"), {}, {}, rounding_mode::half_even);
    CHECK_FALSE(r.best.has_value());
    CHECK(r.explain().find("No offer") != std::string::npos);
  }
  SECTION("bad input") {
    s.max_payment = usd("0.00");
    CHECK_THROWS_MATCHES(optimise_offer(s, dec("0"), {}, {}, rounding_mode::half_even), invalid_input_error,
                         has_id("settle.max_payment"));
  }
}
