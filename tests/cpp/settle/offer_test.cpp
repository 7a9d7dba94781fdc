// Settlement offers and authority bands (hand-worked figures; oracle: exact arithmetic by hand).
#include "recoup/settle/authority.hpp"
#include "recoup/settle/offer.hpp"

#include "../support.hpp"

using namespace recoup;
using recoup::test::has_id;

namespace {
decimal dec(const char* s) { return decimal::parse(s); }
money usd(const char* s) { return money(decimal::parse(s), currency("USD")); }

std::vector<authority_band> bands() {
  return {{.level = "agent", .max_discount = dec("0.20"), .max_balance = usd("5000.00"), .max_age_days = 180},
          {.level = "supervisor", .max_discount = dec("0.35")},
          {.level = "manager", .max_discount = dec("0.50")}};
}
}  // namespace

TEST_CASE("a lump sum is balance × fraction, raised to a floor, capped at the balance", "[settle][offer]") {
  const auto o = lump_sum_offer(usd("4000.00"), dec("0.60"), std::nullopt, rounding_mode::half_up);
  CHECK(o.settled == usd("2400.00"));
  CHECK(o.forgiven() == usd("1600.00"));
  CHECK(o.discount(6, rounding_mode::half_even) == dec("0.4"));
  REQUIRE(o.payments.size() == 1);
  CHECK(o.payments[0].period == 0);
  SECTION("the rounding is named") {
    CHECK(lump_sum_offer(usd("1234.57"), dec("0.333"), std::nullopt, rounding_mode::half_up).settled == usd("411.11"));
    CHECK(lump_sum_offer(usd("1234.57"), dec("0.333"), std::nullopt, rounding_mode::ceiling).settled == usd("411.12"));
  }
  SECTION("the minimum floor") {
    CHECK(lump_sum_offer(usd("1000.00"), dec("0.10"), usd("250.00"), rounding_mode::half_up).settled == usd("250.00"));
    CHECK(lump_sum_offer(usd("200.00"), dec("0.10"), usd("250.00"), rounding_mode::half_up).settled == usd("200.00"));
    CHECK(lump_sum_offer(usd("1000.00"), dec("0.50"), usd("250.00"), rounding_mode::half_up).settled == usd("500.00"));
  }
  SECTION("bad input") {
    CHECK_THROWS_MATCHES(lump_sum_offer(usd("-1.00"), dec("0.5"), std::nullopt, rounding_mode::half_up), invalid_input_error,
                         has_id("settle.balance"));
    CHECK_THROWS_MATCHES(lump_sum_offer(usd("100.00"), dec("1.01"), std::nullopt, rounding_mode::half_up),
                         invalid_input_error, has_id("settle.fraction"));
    CHECK_THROWS_MATCHES(lump_sum_offer(usd("100.00"), dec("0"), std::nullopt, rounding_mode::half_up), invalid_input_error,
                         has_id("settle.fraction"));
    CHECK_THROWS_MATCHES(lump_sum_offer(usd("100.00"), dec("0.5"), usd("-1.00"), rounding_mode::half_up),
                         invalid_input_error, has_id("settle.minimum"));
    CHECK_THROWS_AS(lump_sum_offer(usd("100.00"), dec("0.5"), money::parse("1.00 GBP"), rounding_mode::half_up),
                    currency_mismatch_error);
  }
}

TEST_CASE("instalment offers split with allocation and take due dates from the frequency", "[settle][offer]") {
  const auto o = instalment_settlement_offer(usd("1000.00"), dec("0.75"), 4, frequency::monthly(),
                                             civil_date::parse("2026-01-31"), rounding_mode::half_up);
  CHECK(o.settled == usd("750.00"));
  REQUIRE(o.payments.size() == 4);
  for (const auto& p : o.payments) CHECK(p.amount == usd("187.50"));
  CHECK(o.payments[0].period == 1);
  CHECK(o.payments[1].due_date->to_string() == "2026-02-28");
  CHECK(o.payments[3].due_date->to_string() == "2026-04-30");
  const auto f = full_balance_plan_offer(usd("1000.00"), 3, frequency::fortnightly(), std::nullopt);
  CHECK(f.payments[0].amount == usd("333.34"));
  CHECK(f.payments[2].amount == usd("333.33"));
  CHECK(f.forgiven() == usd("0.00"));
  CHECK_FALSE(f.payments[0].due_date.has_value());
  CHECK_THROWS_MATCHES(full_balance_plan_offer(usd("1000.00"), 0, frequency::monthly(), std::nullopt), invalid_input_error,
                       has_id("settle.payments"));
  CHECK_THROWS_MATCHES(forgiven_amount(usd("100.00"), usd("100.01")), invalid_input_error, has_id("settle.settled_range"));
  CHECK(forgiven_amount(usd("100.00"), usd("60.00")) == usd("40.00"));
  CHECK(o.explain().find("forgiven = balance - settled = 250.00 USD") != std::string::npos);
}

TEST_CASE("a schedule becomes a plan offer row by row", "[settle][offer]") {
  schedule_terms t{.principal = usd("1200.00"), .periods = 12, .first_due = civil_date::parse("2026-01-15")};
  const auto s = build_schedule(t);
  const auto o = offer_from_schedule(usd("1200.00"), s);
  CHECK(o.payments.size() == 12);
  CHECK(o.settled == usd("1200.00"));
  CHECK(o.payments[11].period == 12);
}

TEST_CASE("authority bands: the first band that covers the offer approves it", "[settle][authority]") {
  const auto b = bands();
  const auto at = [&](const char* bal, const char* frac, std::int64_t age) {
    return approve(lump_sum_offer(usd(bal), dec(frac), std::nullopt, rounding_mode::half_up), age, b);
  };
  CHECK(at("4000.00", "0.80", 179).level == "agent");          // 20% off: inclusive
  CHECK(at("4000.00", "0.80", 180).level == "supervisor");     // aged 180: not under 180
  CHECK(at("5000.00", "0.80", 10).level == "supervisor");      // 5000: not under 5000
  CHECK(at("4999.99", "0.81", 10).level == "agent");
  CHECK(at("4000.00", "0.7999", 10).level == "supervisor");    // 20.01% off
  CHECK(at("4000.00", "0.65", 10).level == "supervisor");      // 35% off: inclusive
  CHECK(at("4000.00", "0.6499", 10).level == "manager");
  CHECK(at("4000.00", "0.50", 10).level == "manager");
  const auto nobody = at("4000.00", "0.49", 10);
  CHECK_FALSE(nobody.approvable);
  CHECK(nobody.explain().find("no band covers the offer") != std::string::npos);

  const auto agent_offer = lump_sum_offer(usd("4000.00"), dec("0.80"), std::nullopt, rounding_mode::half_up);
  CHECK(within_authority(agent_offer, 10, b, "supervisor"));
  CHECK(within_authority(agent_offer, 10, b, "agent"));
  const auto deep = lump_sum_offer(usd("4000.00"), dec("0.60"), std::nullopt, rounding_mode::half_up);
  CHECK_FALSE(within_authority(deep, 10, b, "supervisor"));
  CHECK(within_authority(deep, 10, b, "manager"));
  CHECK_THROWS_MATCHES(within_authority(deep, 10, b, "director"), invalid_input_error,
                       has_id("settle.unknown_authority_level"));
  CHECK_THROWS_MATCHES(approve(deep, -1, b), invalid_input_error, has_id("settle.age"));
  CHECK_THROWS_MATCHES(approve(deep, 1, {}), invalid_input_error, has_id("settle.authority_bands"));
  std::vector<authority_band> bad{{.level = "x", .max_discount = dec("1.5")}};
  CHECK_THROWS_MATCHES(approve(deep, 1, bad), invalid_input_error, has_id("settle.authority_bands"));
  SECTION("a payment limit") {
    std::vector<authority_band> pb{{.level = "agent", .max_discount = dec("0"), .max_payments = 6},
                                   {.level = "supervisor", .max_discount = dec("0")}};
    CHECK(approve(full_balance_plan_offer(usd("600.00"), 6, frequency::monthly(), std::nullopt), 0, pb).level == "agent");
    CHECK(approve(full_balance_plan_offer(usd("700.00"), 7, frequency::monthly(), std::nullopt), 0, pb).level ==
          "supervisor");
  }
}
