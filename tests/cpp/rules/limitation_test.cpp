// Limitation verdicts: start, restart, revival, extinguishment, unknown, contested; the columnar
// kernel gives the scalar answers.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "../support.hpp"
#include "recoup/rules/limitation.hpp"

using recoup::civil_date;
using recoup::rules::debt_type;
using recoup::rules::limitation;
using recoup::rules::limitation_facts;
using recoup::rules::limitation_status;
using recoup::rules::rule_book;
using recoup::test::has_id;

namespace {
civil_date d(const char* s) { return civil_date::parse(s); }

// A book of invented jurisdictions' rules, so these tests pin the kernel, not the data.
rule_book test_book() {
  rule_book b;
  b.load_text(R"toml(schema = 1
[pack]
id = "limitation-test"
title = "Limitation rules for the kernel's tests (invented figures)"
reviewed = 2026-11-23

[[rule]]
id = "limitation.open_account"
jurisdiction = "US-TX"
effective_from = 1900-01-01
value = 4
unit = "years"
citation = "test: restart by payment and acknowledgment, revival by either"
certainty = "verified"
[rule.params]
start_event = "default"
restart_by_payment = true
restart_by_acknowledgment = true
revival_after_expiry = "payment_or_acknowledgment"

[[rule]]
id = "limitation.revival_debt_buyer"
jurisdiction = "US-TX"
effective_from = 2019-09-01
value = false
unit = "boolean"
citation = "test: no revival for debt buyers"
certainty = "verified"

[[rule]]
id = "limitation.open_account"
jurisdiction = "GB-EAW"
effective_from = 1900-01-01
value = 6
unit = "years"
citation = "test: acknowledgment restarts, no revival"
certainty = "verified"
[rule.params]
restart_by_payment = true
restart_by_acknowledgment = true
revival_after_expiry = "none"

[[rule]]
id = "limitation.open_account"
jurisdiction = "US-WI"
effective_from = 1900-01-01
value = 6
unit = "years"
citation = "test: extinguishes"
certainty = "secondary"
[rule.params]
restart_by_payment = true
extinguishes = true

[[rule]]
id = "limitation.open_account"
jurisdiction = "US-GA"
effective_from = 1900-01-01
value = 4
unit = "years"
citation = "test: contested classification"
certainty = "contested"
note = "courts split on whether credit cards are written contracts"
[rule.params]
alternative_value = 6
)toml",
              "limitation-test.toml");
  return b;
}
}  // namespace

TEST_CASE("limitation runs from the default and expires on the anniversary", "[rules][limitation]") {
  const rule_book book = test_book();
  limitation_facts f;
  f.defaulted_on = d("2020-02-29");
  auto v = limitation("US-TX", debt_type::open_account, f, d("2024-02-28"), book);
  CHECK(v.status == limitation_status::running);
  CHECK(v.starts_on == d("2020-02-29"));
  CHECK(v.expires_on == d("2024-02-29"));
  CHECK(v.payment_now_restarts);
  CHECK_FALSE(v.start_is_lower_bound);
  CHECK(v.main_rule().rule_id == "limitation.open_account");
  CHECK(v.period == "4 years");
  v = limitation("US-TX", debt_type::open_account, f, d("2024-03-01"), book);
  CHECK(v.status == limitation_status::expired);
  CHECK(v.payment_now_revives);
  CHECK(v.explain().find("expires on 2024-02-29") != std::string::npos);
}

TEST_CASE("a missing start date gives unknown, never a guess", "[rules][limitation]") {
  const auto v = limitation("US-TX", debt_type::open_account, {}, d("2026-11-23"), test_book());
  CHECK(v.status == limitation_status::unknown);
  CHECK_FALSE(v.expires_on.has_value());
  CHECK(v.explain().find("unknown") != std::string::npos);
}

TEST_CASE("the last payment stands in for a missing default, flagged as a lower bound", "[rules][limitation]") {
  limitation_facts f;
  f.last_payment = d("2021-03-15");
  const auto v = limitation("US-TX", debt_type::open_account, f, d("2026-11-23"), test_book());
  CHECK(v.status == limitation_status::expired);
  CHECK(v.expires_on == d("2025-03-15"));
  CHECK(v.start_is_lower_bound);
}

TEST_CASE("payments and acknowledgments restart a running period and revive where allowed", "[rules][limitation]") {
  const rule_book book = test_book();
  limitation_facts f;
  f.defaulted_on = d("2015-01-10");
  f.last_payment = d("2018-06-01");  // while running: restarts
  auto v = limitation("US-TX", debt_type::open_account, f, d("2022-01-01"), book);
  CHECK(v.restarted);
  CHECK(v.expires_on == d("2022-06-01"));
  CHECK(v.status == limitation_status::running);
  // A payment after expiry revives in this jurisdiction...
  f.last_payment = d("2020-01-01");  // expiry was 2019-01-10
  v = limitation("US-TX", debt_type::open_account, f, d("2022-01-01"), book);
  CHECK(v.revived);
  CHECK(v.expires_on == d("2024-01-01"));
  // ...but not for a debt buyer once the debt-buyer rule is in force (the events are before it,
  // and the rule is looked up as of the check date).
  f.debt_buyer = true;
  v = limitation("US-TX", debt_type::open_account, f, d("2022-01-01"), book);
  CHECK_FALSE(v.revived);
  CHECK(v.status == limitation_status::expired);
  CHECK_FALSE(v.payment_now_revives);
  CHECK(v.rules.size() == 2);
  // England and Wales: no revival after expiry.
  limitation_facts g;
  g.defaulted_on = d("2010-01-01");
  g.last_acknowledgment = d("2017-01-01");
  v = limitation("GB-EAW", debt_type::open_account, g, d("2026-11-23"), book);
  CHECK(v.status == limitation_status::expired);
  CHECK(v.expires_on == d("2016-01-01"));
  CHECK_FALSE(v.revived);
  // Events after the as-of date have not happened yet.
  g.last_acknowledgment = d("2015-06-01");
  v = limitation("GB-EAW", debt_type::open_account, g, d("2015-05-31"), book);
  CHECK_FALSE(v.restarted);
  CHECK(v.expires_on == d("2016-01-01"));
}

TEST_CASE("extinguishment and contested classifications are reported", "[rules][limitation]") {
  const rule_book book = test_book();
  limitation_facts f;
  f.defaulted_on = d("2010-05-05");
  auto v = limitation("US-WI", debt_type::open_account, f, d("2026-11-23"), book);
  CHECK(v.extinguished);
  CHECK_FALSE(v.payment_now_revives);
  v = limitation("US-GA", debt_type::open_account, f, d("2015-01-01"), book);
  CHECK(v.contested);
  CHECK(v.expires_on == d("2014-05-05"));
  CHECK(v.alternative_expires_on == d("2016-05-05"));
  CHECK(v.status == limitation_status::expired);
  CHECK(v.explain().find("CONTESTED") != std::string::npos);
  CHECK_THROWS_MATCHES(recoup::rules::debt_type_from_name("credit_card"), recoup::invalid_input_error,
                       has_id("limitation.debt_type", "written_contract"));
}

TEST_CASE("the columnar kernel gives the scalar verdicts", "[rules][limitation]") {
  const rule_book book = test_book();
  const std::vector<std::string> codes{"US-TX", "GB-EAW", "US-WI", "US-GA"};
  const recoup::rules::limitation_table table(codes, book);
  std::mt19937 rng(7);
  const std::size_t n = 4000;
  std::vector<std::uint16_t> j(n);
  std::vector<std::uint8_t> t(n, static_cast<std::uint8_t>(debt_type::open_account)), buyer(n);
  std::vector<std::int32_t> def(n), pay(n), ack(n), exp(n);
  std::vector<std::uint8_t> status(n), flags(n);
  const std::int32_t base = d("2008-01-01").serial();
  for (std::size_t i = 0; i < n; ++i) {
    j[i] = static_cast<std::uint16_t>(rng() % codes.size());
    def[i] = rng() % 5 == 0 ? recoup::rules::no_date : base + static_cast<std::int32_t>(rng() % 6000);
    pay[i] = rng() % 3 == 0 ? recoup::rules::no_date : base + static_cast<std::int32_t>(rng() % 6500);
    ack[i] = rng() % 4 != 0 ? recoup::rules::no_date : base + static_cast<std::int32_t>(rng() % 6500);
    buyer[i] = static_cast<std::uint8_t>(rng() % 2);
  }
  const std::int32_t as_of = d("2026-11-23").serial();
  table.evaluate({.jurisdiction = j, .type = t, .defaulted_on = def, .last_payment = pay, .last_acknowledgment = ack,
                  .charged_off_on = {}, .debt_buyer = buyer, .as_of = std::span<const std::int32_t>(&as_of, 1)},
                 {.expires_on = exp, .status = status, .flags = flags});
  auto opt = [](std::int32_t s) {
    return s == recoup::rules::no_date ? std::optional<civil_date>{} : civil_date::from_serial(s);
  };
  for (std::size_t i = 0; i < n; ++i) {
    limitation_facts f{.defaulted_on = opt(def[i]), .last_payment = opt(pay[i]), .last_acknowledgment = opt(ack[i]),
                       .charged_off_on = {}, .debt_buyer = buyer[i] != 0};
    const auto v = limitation(codes[j[i]], debt_type::open_account, f, civil_date::from_serial(as_of), book);
    INFO("row " << i);
    REQUIRE(static_cast<int>(status[i]) == static_cast<int>(v.status));
    if (v.expires_on) REQUIRE(exp[i] == v.expires_on->serial());
    REQUIRE(((flags[i] & recoup::rules::limitation_revived) != 0) == v.revived);
    REQUIRE(((flags[i] & recoup::rules::limitation_payment_revives) != 0) == v.payment_now_revives);
  }
  CHECK_THROWS_MATCHES(recoup::rules::limitation_table({"US-NY"}, book), recoup::unknown_jurisdiction_error,
                       has_id("rules.unknown_jurisdiction"));
}
