// The rule-data audit and the horizons of dated tables: certainty counts, sources by domain,
// tables ending soon or already past, and the lower-bound start dates of since_at_least.
#include <catch2/catch.hpp>

#include <string>

#include "../support.hpp"
#include "recoup/rules/audit.hpp"
#include "recoup/rules/limitation.hpp"

using recoup::civil_date;
using namespace recoup::rules;
using recoup::test::has_id;

namespace {
civil_date d(const char* s) { return civil_date::parse(s); }

const char* const small_pack = R"toml(schema = 1
[pack]
id = "audit-test"
title = "Audit test pack"
reviewed = 2026-12-01
valid_through = 2027-06-30

[[rule]]
id = "reference_rate.test_rate"
jurisdiction = "GB"
effective_from = 2026-01-01
effective_to = 2026-12-31
value = "4.00"
unit = "percent"
citation = "Test rate table"
certainty = "verified"
source = "https://www.bankofengland.co.uk/monetary-policy/the-interest-rate-bank-rate"

[[rule]]
id = "limitation.open_account"
jurisdiction = "US-OH"
effective_from = 2000-01-01
since_at_least = true
value = 6
unit = "years"
citation = "Ohio Rev. Code 2305.07"
certainty = "secondary"
source = "https://www.example-law-firm.com/ohio"

[[rule]]
id = "limitation.oral_contract"
jurisdiction = "US-OH"
effective_from = 2000-01-01
value = 6
unit = "years"
citation = "Ohio Rev. Code 2305.07"
certainty = "unverified"
note = "the period was not seen in any source"
)toml";
}  // namespace

TEST_CASE("the audit counts certainty by pack and jurisdiction and classifies sources", "[rules][audit]") {
  rule_book book;
  book.load_text(small_pack, "audit-test.toml");
  const auto a = audit(book, d("2026-12-07"));
  CHECK(a.certainty.total() == 3);
  CHECK(a.certainty.verified == 1);
  CHECK(a.certainty.secondary == 1);
  CHECK(a.certainty.unverified == 1);
  CHECK(a.certainty.verified_permille() == 333);
  REQUIRE(a.packs.size() == 1);
  CHECK(a.packs[0].valid_through == d("2027-06-30"));
  CHECK(a.packs[0].official_sources == 1);
  CHECK(a.packs[0].without_source == 1);
  CHECK(a.packs[0].since_at_least == 1);
  REQUIRE(a.jurisdictions.size() == 2);
  CHECK(a.jurisdictions[1].jurisdiction == "US-OH");
  CHECK(a.jurisdictions[1].checks == std::vector<std::string>{"limitation"});
  REQUIRE(a.open_questions.size() == 1);
  CHECK(a.open_questions[0].note == "the period was not seen in any source");
  CHECK(classify_source("https://www.akleg.gov/basis/statutes.asp") == source_kind::official);
  CHECK(classify_source("https://www.legis.state.pa.us/cfdocs/legis/LI/consCheck.cfm") == source_kind::official);
  CHECK(classify_source("https://www.legislation.gov.uk/ukpga/1980/58/section/5") == source_kind::official);
  CHECK(classify_source("https://law.justia.com/codes/ohio/") == source_kind::mirror);
  CHECK(classify_source("https://unicourt.github.io/cic-code-ak/transforms/ak/ocak/r82/gov.ak.code.title.09.html") ==
        source_kind::mirror);
  CHECK(classify_source("https://www.example-law-firm.com/ohio") == source_kind::secondary);
  CHECK(classify_source("") == source_kind::none);
  CHECK(source_domain("HTTPS://WWW.Akleg.GOV:443/x?y") == "akleg.gov");
  CHECK(source_domain("http://www.bsi.si./en/ecb-interest-rates") == "bsi.si");
  CHECK(classify_source("http://www.bsi.si./en/ecb-interest-rates") == source_kind::official);
}

TEST_CASE("the audit flags tables ending within the window and those already past", "[rules][audit]") {
  rule_book book;
  book.load_text(small_pack, "audit-test.toml");
  const auto soon = audit(book, d("2026-12-07"), 90);
  REQUIRE(soon.horizons.size() == 1);
  CHECK(soon.horizons[0].rule_id == "reference_rate.test_rate");
  CHECK(soon.horizons[0].last_day == d("2026-12-31"));
  CHECK(soon.horizons[0].days_left == 24);
  CHECK(soon.horizons[0].state == horizon_state::ending_soon);
  CHECK_FALSE(soon.horizons[0].past_at_review);
  CHECK(soon.attention().size() == 1);
  CHECK(audit(book, d("2026-12-07"), 10).horizons[0].state == horizon_state::current);
  const auto late = audit(book, d("2027-01-01"));
  CHECK(late.horizons[0].state == horizon_state::expired);
  CHECK(late.horizons[0].days_left == -1);
  const std::string text = late.to_text();
  CHECK_THAT(text, Catch::Contains("EXPIRED"));
  CHECK_THAT(text, Catch::Contains("GB reference_rate.test_rate"));
  CHECK_THAT(text, Catch::Contains("1 day ago"));
  CHECK_THAT(text, Catch::Contains("bankofengland.co.uk"));
  CHECK_THAT(text, Catch::Contains("the period was not seen in any source"));
  CHECK_THROWS_MATCHES(audit(book, d("2026-12-07"), -1), recoup::invalid_input_error, has_id("audit.within_days"));
}

TEST_CASE("a question past a table's last day is rule_not_in_force, naming the table's end and the fix",
          "[rules][audit]") {
  rule_book book;
  book.load_text(small_pack, "audit-test.toml");
  CHECK(book.at("GB", "reference_rate.test_rate", d("2026-12-31")).number() == recoup::decimal::parse("4.00"));
  CHECK_THROWS_MATCHES(book.at("GB", "reference_rate.test_rate", d("2027-01-01")), recoup::rule_not_in_force_error,
                       has_id("rules.not_in_force", "the table ends on 2026-12-31"));
  CHECK_THROWS_MATCHES(book.at("GB", "reference_rate.test_rate", d("2027-01-01")), recoup::rule_not_in_force_error,
                       has_id("rules.not_in_force", "load_pack"));
  CHECK_THROWS_MATCHES(book.at("GB", "reference_rate.test_rate", d("2025-12-31")), recoup::rule_not_in_force_error,
                       has_id("rules.not_in_force", "the first version is 2026-01-01.."));
  try {
    (void)book.at("GB", "reference_rate.test_rate", d("2027-01-01"));
  } catch (const recoup::error& e) {
    CHECK(e.kind() == recoup::error_kind::rule_not_in_force);
  }
}

TEST_CASE("since_at_least: a lower-bound start answers for earlier dates and verdicts say so", "[rules][audit]") {
  rule_book book;
  book.load_text(small_pack, "audit-test.toml");
  const rule_entry* e = book.find("US-OH", "limitation.open_account", d("1995-03-01"));
  REQUIRE(e != nullptr);
  CHECK(e->since_at_least);
  CHECK(e->version() == "US-OH limitation.open_account (in force since at least 2000-01-01)");
  CHECK(book.find("US-OH", "limitation.oral_contract", d("1995-03-01")) == nullptr);
  limitation_facts facts;
  facts.defaulted_on = d("1990-01-15");
  const auto v = limitation("US-OH", debt_type::open_account, facts, d("1995-03-01"), book);
  CHECK(v.status == limitation_status::running);
  CHECK(v.main_rule().version() == "in force since at least 2000-01-01");
  CHECK_THAT(v.explain(), Catch::Contains("START DATE A LOWER BOUND"));
}

TEST_CASE("since_at_least only on the earliest version; valid_through not before reviewed", "[rules][audit]") {
  const std::string later = R"toml(schema = 1
[pack]
id = "bad"
title = "Bad"
reviewed = 2026-12-01

[[rule]]
id = "limitation.open_account"
jurisdiction = "US-OH"
effective_from = 2000-01-01
effective_to = 2009-12-31
value = 6
unit = "years"
citation = "x"
certainty = "secondary"

[[rule]]
id = "limitation.open_account"
jurisdiction = "US-OH"
effective_from = 2010-01-01
since_at_least = true
value = 6
unit = "years"
citation = "x"
certainty = "secondary"
)toml";
  rule_book book;
  CHECK_THROWS_MATCHES(book.load_text(later, "bad.toml"), recoup::rule_pack_error,
                       has_id("rules.pack", "is not the earliest version"));
  std::string early = small_pack;
  early.replace(early.find("valid_through = 2027-06-30"), 26, "valid_through = 2026-01-01");
  CHECK_THROWS_MATCHES(book.load_text(early, "early.toml"), recoup::rule_pack_error,
                       has_id("rules.pack", "is before reviewed 2026-12-01"));
  std::string not_bool = small_pack;
  not_bool.replace(not_bool.find("since_at_least = true"), 21, "since_at_least = 1");
  CHECK_THROWS_MATCHES(book.load_text(not_bool, "nb.toml"), recoup::rule_pack_error,
                       has_id("rules.pack", "since_at_least"));
}

// Tables whose newer figures could not be confirmed from a reachable source when the pack was
// reviewed. Each is listed with the reason; the test fails when another table is stale, and
// also when a listed one is extended (so the list cannot hide a table that is fixed).
struct known_gap {
  const char* jurisdiction;
  const char* rule_id;
  const char* reason;
};
constexpr known_gap known_gaps[] = {
    {"GB", "reference_rate.boe_bank_rate",
     "Bank Rate decision of 2026-11-05 not found in a reachable source at review (2026-12-07)"},
    {"EU", "reference_rate.ecb_main_refinancing",
     "ECB decision of 2026-10-29 not found in a reachable source at review (2026-12-07)"},
    {"US-DC", "wage.minimum_hourly", "DC minimum wage from 2026-07-01 not found at review (2026-12-07)"},
};

TEST_CASE("no shipped dated table was already past when its pack was reviewed, except the listed gaps",
          "[rules][audit][data]") {
  const auto a = audit(rule_book::defaults(), d("2026-12-07"));
  CHECK(a.certainty.total() == rule_book::defaults().entries().size());
  CHECK_FALSE(a.horizons.empty());
  std::size_t gaps_seen = 0;
  for (const auto& h : a.horizons) {
    INFO(h.jurisdiction << " " << h.rule_id << " ends " << h.last_day.to_string() << ", pack " << h.pack
                        << " reviewed " << h.reviewed.to_string());
    bool listed = false;
    for (const auto& g : known_gaps)
      if (h.jurisdiction == g.jurisdiction && h.rule_id == g.rule_id) listed = true;
    if (listed) {
      ++gaps_seen;
      CHECK(h.past_at_review);  // extended since: take it off the list
    } else {
      CHECK_FALSE(h.past_at_review);
    }
  }
  CHECK(gaps_seen == std::size(known_gaps));
  for (const auto& p : a.packs) {
    INFO(p.id);
    CHECK(p.rules > 0);
    if (p.valid_through) CHECK_FALSE(*p.valid_through < p.reviewed);
  }
}
