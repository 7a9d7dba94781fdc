// The recovery decision: hand-worked accounts whose best strategy is known, values against an
// exact rational oracle (Python fractions, worked in the comments), the gate's vetoes, the
// authority bands' lower bounds, conservation of cents, and decide() = decide_book().
#include "recoup/decide/decision.hpp"

#include <random>
#include <string>
#include <vector>

#include "../support.hpp"

using recoup::civil_date;
using recoup::money;
using recoup::test::has_id;
using namespace recoup::decide;
namespace r = recoup::rules;
using std::chrono::sys_seconds;

namespace {

const sys_seconds at{std::chrono::seconds{1796655600}};  // 2026-12-07 15:00 UTC, 10:00 in New York
civil_date day(const char* s) { return civil_date::parse(s); }

account_case ny(const char* id, const char* balance, std::int64_t dpd) {
  account_case a{.id = id, .facts = {}, .balance = money::parse(balance)};
  a.facts.jurisdiction = "US-NY";
  a.facts.time_zones = {"America/New_York"};
  a.facts.type = r::debt_type::open_account;
  a.facts.first_delinquency = day("2026-12-07").add_days(-dpd);
  a.facts.defaulted_on = a.facts.first_delinquency;
  a.facts.first_contact_on = day("2026-12-07").add_days(-dpd + 10);
  a.facts.validation_notice_sent_on = a.facts.first_contact_on;
  return a;
}

const candidate& of(const account_decision& d, strategy s) { return d.candidates[static_cast<std::size_t>(s)]; }

}  // namespace

TEST_CASE("the example policy loads and says it is an example", "[decide][policy]") {
  const auto& p = strategy_policy::example();
  CHECK(p.is_example);
  CHECK(p.segments.size() == 3);
  CHECK(p.currency_of("US-TX").code() == "USD");
  CHECK(p.currency_of("GB-SCT").code() == "GBP");
  CHECK_THROWS_MATCHES(p.currency_of("DE"), recoup::error, has_id("decide.currency"));
}

TEST_CASE("a charged-off account is valued exactly for every strategy (monthly v = 1/1.01)", "[decide][value]") {
  auto a = ny("A-1", "10000.00 USD", 400);
  const auto d = decide(a, at);
  CHECK(d.segment == "charged_off");
  // sale: 0.06 x 10,000.00
  CHECK(of(d, strategy::sale).expected_net_recovery_minor == 60000);
  // litigation: 0.25 x 10,000.00 x v^12 - 850.00 = 1,368.62
  CHECK(of(d, strategy::litigation).expected_net_recovery_minor == 136862);
  // agency: 0.15 x (1 - 0.25) x v^9 x 10,000.00 = 1,028.63
  CHECK(of(d, strategy::agency).expected_net_recovery_minor == 102863);
  // settlement: lump 4,500.00 (discount 0.55, manager band: aged >= 365 days, balance >= 500), 0.18 x 4,500 x v - 4.50
  CHECK(of(d, strategy::settlement).offer_amount_minor == 450000);
  CHECK(of(d, strategy::settlement).authority_level == "manager");
  CHECK(of(d, strategy::settlement).expected_net_recovery_minor == 79748);
  // plan: 23 x 416.67 + 416.59, survival 0.9^(k-1), take-up 0.12, 1.25 handling a payment, 4.50 contact
  const auto& plan = of(d, strategy::payment_plan);
  CHECK(plan.instalments == 24);
  CHECK(plan.offer_amount_minor == 41667);
  CHECK(plan.last_instalment_minor == 41659);
  CHECK((plan.instalments - 1) * plan.offer_amount_minor + plan.last_instalment_minor == 1000000);  // conserves cents
  CHECK(plan.expected_net_recovery_minor == 42022);
  CHECK(d.chosen == strategy::litigation);  // worth most, and allowed
  CHECK(d.next_action == r::collection_action::litigate);
  CHECK(d.next_action_at == at);
  CHECK(d.explain().find("litigation: eligible") != std::string::npos);
}

TEST_CASE("the gate vetoes strategies: no suit on a time-barred debt, no contact in bankruptcy", "[decide][gate]") {
  SECTION("a time-barred debt is never sent to litigation (12 CFR 1006.26(b))") {
    auto a = ny("A-2", "10000.00 USD", 2500);
    a.facts.jurisdiction = "US-TX";
    a.facts.time_zones = {"America/Chicago"};
    a.facts.defaulted_on = day("2019-01-01");
    a.facts.first_delinquency = day("2019-01-01");
    const auto d = decide(a, at);
    CHECK(of(d, strategy::litigation).refused == refusal::gate_blocked);
    CHECK(of(d, strategy::litigation).why.find("gate.time_barred_suit") != std::string::npos);
    CHECK(d.chosen != strategy::litigation);
    CHECK(std::find(d.blocked_actions.begin(), d.blocked_actions.end(), r::collection_action::litigate) !=
          d.blocked_actions.end());
  }
  SECTION("a debtor in bankruptcy gets no contact strategy (11 U.S.C. 362(a))") {
    auto a = ny("A-3", "3000.00 USD", 200);
    a.facts.bankruptcy_filed_on = day("2026-11-01");
    const auto d = decide(a, at);
    for (const auto s : {strategy::payment_plan, strategy::settlement, strategy::litigation})
      CHECK(of(d, s).refused == refusal::gate_blocked);
    CHECK((d.chosen == strategy::agency || d.chosen == strategy::write_off || d.chosen == strategy::sale));
  }
}

TEST_CASE("authority bands with lower bounds refuse a discount they should", "[decide][authority]") {
  // late segment: discount 0.35 needs the supervisor band (aged at least 180 days)
  const auto young = decide(ny("A-4", "2000.00 USD", 179), at);
  CHECK(of(young, strategy::settlement).refused == refusal::outside_authority);
  CHECK(young.chosen != strategy::settlement);
  const auto old_enough = decide(ny("A-5", "2000.00 USD", 180), at);  // inclusive: exactly 180 days qualifies
  CHECK(of(old_enough, strategy::settlement).refused == refusal::none);
  CHECK(of(old_enough, strategy::settlement).authority_level == "supervisor");
}

TEST_CASE("affordability caps the instalment", "[decide][affordability]") {
  auto a = ny("A-6", "1200.00 USD", 30);  // early segment: 12 x 100.00
  a.disposable_income = money::parse("150.00 USD");  // half is 75.00 < 100.00
  const auto d = decide(a, at);
  CHECK(of(d, strategy::payment_plan).refused == refusal::unaffordable);
  a.disposable_income = money::parse("200.00 USD");
  CHECK(of(decide(a, at), strategy::payment_plan).refused == refusal::none);
}

TEST_CASE("bad input to the decision names the problem", "[decide][errors]") {
  auto a = ny("A-7", "100.00 GBP", 30);
  CHECK_THROWS_MATCHES(decide(a, at), recoup::error, has_id("decide.currency"));
  CHECK_THROWS_MATCHES(strategy_policy::from_text("schema = 1\n[policy]\nid = \"x\"\n", "mine.toml"), recoup::error,
                       has_id("decide.policy"));
  CHECK_THROWS_MATCHES(strategy_policy::from_text(R"(schema = 1
[policy]
id = "x"
title = "x"
annual_discount_rate = 0.12
minimum_payment = "25"
affordability_share = "0.5"
[currencies]
US = "USD"
[[segment]]
id = "all"
[segment.write_off]
)", "float.toml"),
                       recoup::error, has_id("decide.policy"));
}

TEST_CASE("decide_book gives decide()'s answers; the chosen value is never below an eligible one", "[decide][book]") {
  std::mt19937 rng(7);
  std::vector<account_case> book;
  for (int i = 0; i < 200; ++i) {
    auto a = ny(("B-" + std::to_string(i)).c_str(), "1.00 USD", static_cast<std::int64_t>(rng() % 900) + 15);
    a.balance = money::from_minor(static_cast<std::int64_t>(rng() % 2000000) + 100, recoup::currency("USD"));
    if (rng() % 10 == 0) a.facts.cease_requested_on = day("2026-12-01");
    if (rng() % 10 == 0) a.facts.bankruptcy_filed_on = day("2026-11-01");
    if (rng() % 3 == 0) a.disposable_income = money::from_minor(static_cast<std::int64_t>(rng() % 50000), recoup::currency("USD"));
    book.push_back(a);
  }
  book[5].facts.last_payment = day("2027-01-01");  // a future fact: an error for that row only
  const std::size_t n = book.size();
  std::vector<std::uint8_t> strat(n), next(n), challenger(n);
  std::vector<std::int64_t> value(n), offer(n), when(n), priority(n);
  std::vector<std::int32_t> instalments(n), charge(n), seg(n);
  std::vector<std::uint32_t> blocked(n);
  std::vector<std::int32_t> reason(n * r::action_count);
  recoup::row_errors errors;
  const auto rule_ids =
      decide_book(book, at,
                  {.strategy = strat, .expected_net_recovery_minor = value, .offer_amount_minor = offer,
                   .instalments = instalments, .next_action = next, .next_action_at = when, .priority = priority,
                   .challenger = challenger, .charge_off_on = charge, .blocked_actions = blocked, .segment = seg,
                   .blocked_reason = reason},
                  strategy_policy::example(), r::rule_book::defaults(), &errors);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].row == 5);
  CHECK(errors[0].id == "gate.future_fact");
  for (std::size_t k = 0; k < r::action_count; ++k) CHECK(reason[5 * r::action_count + k] == -1);
  int challengers = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (i == 5) continue;
    const auto d = decide(book[i], at);
    INFO(d.explain());
    CHECK(strat[i] == static_cast<std::uint8_t>(d.chosen));
    CHECK(value[i] == d.chosen_candidate().expected_net_recovery_minor);
    CHECK(offer[i] == d.chosen_candidate().offer_amount_minor);
    CHECK(priority[i] == d.priority);
    CHECK(next[i] == static_cast<std::uint8_t>(d.next_action));
    challengers += challenger[i];
    // every blocked action names the rule the scalar gate names first; others name none
    const auto verdicts = r::permitted_actions(book[i].facts, at);
    for (std::size_t k = 0; k < r::action_count; ++k) {
      const std::int32_t why = reason[i * r::action_count + k];
      CHECK(((blocked[i] >> k) & 1u) == (verdicts[k].status == r::gate_status::blocked ? 1u : 0u));
      if (verdicts[k].status != r::gate_status::blocked) {
        CHECK(why == -1);
      } else if (!verdicts[k].reasons.empty()) {
        REQUIRE(why >= 0);
        CHECK(rule_ids[static_cast<std::size_t>(why)] == verdicts[k].reasons.front().rule().rule_id);
      }
    }
    if (!d.challenger)
      for (const auto& c : d.candidates)
        if (c.refused == refusal::none) CHECK(d.chosen_candidate().expected_net_recovery_minor >= c.expected_net_recovery_minor);
    for (const auto& c : d.candidates) {
      if (c.kind == strategy::payment_plan && c.instalments > 0)
        CHECK((c.instalments - 1) * c.offer_amount_minor + c.last_instalment_minor == book[i].balance.minor_units());
      if (c.gate == r::gate_status::blocked) CHECK(c.refused != refusal::none);
    }
  }
  CHECK(challengers > 5);   // about one in ten of 199
  CHECK(challengers < 45);
}
