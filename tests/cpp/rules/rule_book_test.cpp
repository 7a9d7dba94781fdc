// The rule-pack loader and the rule book: schema errors name file, line and key; lookups by date.
#include <catch2/catch.hpp>

#include <string>

#include "../support.hpp"
#include "recoup/rules/rule_book.hpp"

using recoup::civil_date;
using recoup::rules::rule_book;
using recoup::test::has_id;

namespace {
civil_date d(const char* s) { return civil_date::parse(s); }

const char* const header = R"toml(schema = 1
[pack]
id = "test-pack"
title = "Test pack"
reviewed = 2026-11-23
)toml";

std::string pack(const std::string& rules) { return std::string(header) + rules; }

const char* const two_versions = R"toml(
[[rule]]
id = "limitation.open_account"
jurisdiction = "US-OH"
effective_from = 2012-09-28
effective_to = 2021-06-15
value = 8
unit = "years"
citation = "Ohio Rev. Code 2305.06 (as amended 2012)"
certainty = "secondary"

[[rule]]
id = "limitation.open_account"
jurisdiction = "US-OH"
effective_from = 2021-06-16
value = 6
unit = "years"
citation = "Ohio Rev. Code 2305.06 (as amended by S.B. 13, 2021)"
certainty = "verified"
source = "https://codes.ohio.gov/ohio-revised-code/section-2305.06"
[rule.params]
start_event = "default"
restart_by_payment = true
)toml";
}  // namespace

TEST_CASE("a rule pack's versions are looked up by the date in force", "[rules][rule_book]") {
  rule_book book;
  book.load_text(pack(two_versions), "ohio.toml");
  CHECK(book.at("US-OH", "limitation.open_account", d("2015-01-01")).integer() == 8);
  CHECK(book.at("US-OH", "limitation.open_account", d("2021-06-15")).integer() == 8);
  CHECK(book.at("US-OH", "limitation.open_account", d("2021-06-16")).integer() == 6);
  const auto& e = book.at("US-OH", "limitation.open_account", d("2026-11-23"));
  CHECK(e.sureness == recoup::rules::certainty::verified);
  CHECK(e.param_flag("restart_by_payment", false));
  CHECK(e.param_text("start_event", "x") == "default");
  CHECK(e.origin == "ohio.toml line 17");
  CHECK(e.version() == "US-OH limitation.open_account (in force from 2021-06-16)");
  CHECK(book.versions("US-OH", "limitation.open_account").size() == 2);
  CHECK(book.jurisdictions() == std::vector<std::string>{"US-OH"});
  REQUIRE(book.packs().size() == 1);
  CHECK(book.packs()[0].rules == 2);
  CHECK_THROWS_MATCHES(book.at("US-OH", "limitation.open_account", d("2000-01-01")),
                       recoup::rule_not_in_force_error, has_id("rules.not_in_force", "2012-09-28..2021-06-15"));
  CHECK_THROWS_MATCHES(book.at("US-OH", "limitation.oral_contract", d("2020-01-01")),
                       recoup::unknown_jurisdiction_error, has_id("rules.unknown_rule", "limitation.open_account"));
  CHECK_THROWS_MATCHES(book.at("US-ZZ", "limitation.open_account", d("2020-01-01")),
                       recoup::unknown_jurisdiction_error, has_id("rules.unknown_jurisdiction", "not a jurisdiction code"));
  CHECK_THROWS_MATCHES(book.at("US-TX", "limitation.open_account", d("2020-01-01")),
                       recoup::unknown_jurisdiction_error, has_id("rules.unknown_jurisdiction", "known: US-OH"));
}

TEST_CASE("a later pack replaces every version of the rules it defines", "[rules][rule_book]") {
  rule_book book;
  book.load_text(pack(two_versions), "ohio.toml");
  book.load_text(std::string(R"toml(schema = 1
[pack]
id = "acme-overrides"
title = "Acme's counsel's reading"
reviewed = 2026-11-01
[[rule]]
id = "limitation.open_account"
jurisdiction = "US-OH"
effective_from = 1900-01-01
value = 4
unit = "years"
citation = "Acme legal memo 2026-11"
certainty = "contested"
)toml"),
                 "acme.toml");
  CHECK(book.versions("US-OH", "limitation.open_account").size() == 1);
  CHECK(book.at("US-OH", "limitation.open_account", d("2015-01-01")).integer() == 4);
  CHECK(book.packs().size() == 2);
  // Reloading a pack with the same id replaces it entirely.
  book.load_text(pack(two_versions), "ohio-v2.toml");
  CHECK(book.versions("US-OH", "limitation.open_account").size() == 2);
  CHECK(book.packs().size() == 2);
}

TEST_CASE("broken rule packs name the file, the line and the key", "[rules][rule_book]") {
  rule_book book = rule_book::with_defaults();
  const auto generation = book.generation();
  const auto entries = book.entries().size();
  const auto packs = book.packs().size();
  auto fails = [&](const std::string& rules, const std::string& fragment) {
    INFO(fragment);
    CHECK_THROWS_MATCHES(book.load_text(pack(rules), "bad.toml"), recoup::rule_pack_error,
                         has_id("rules.pack", fragment));
    // All or nothing: a refused pack leaves the book in force exactly as it was.
    CHECK(book.generation() == generation);
    CHECK(book.entries().size() == entries);
    CHECK(book.packs().size() == packs);
  };
  const std::string base = R"toml(
[[rule]]
id = "garnishment.percent"
jurisdiction = "US"
effective_from = 1970-07-01
unit = "percent"
citation = "15 U.S.C. 1673(a)(1)"
certainty = "verified"
)toml";
  fails(base + "value = 0.25\n", "bad.toml line 14, key 'value': a TOML float is not exact");
  fails(base + "value = \"25.x\"\n", "key 'value': '25.x' is not a decimal number");
  fails(base + "value = \"25\"\nefective_to = 2000-01-01\n", "key 'efective_to': unknown key in [[rule]]");
  fails(base + "value = true\n", "true/false needs unit = \"boolean\"");
  fails(std::string(base).replace(base.find("verified"), 8, "sure") + "value = \"25\"\n",
        "key 'certainty': 'sure' is not one of verified, secondary, unverified, contested");
  fails(std::string(base).replace(base.find("\"US\""), 4, "\"us-tx\"") + "value = \"25\"\n",
        "key 'jurisdiction': 'us-tx' is not a jurisdiction code");
  fails(std::string(base).replace(base.find("citation"), 33, "") + "value = \"25\"\n", "key 'citation': missing");
  fails(base + "value = \"25\"\neffective_to = 1960-01-01\n", "is before effective_from 1970-07-01");
  fails(base + "value = \"25\"\ncurrency = \"USD\"\n", "only a rule with unit = \"money\" has a currency");
  fails(std::string(base).replace(base.find("\"percent\""), 9, "\"money\"") + "value = \"7.255\"\ncurrency = \"USD\"\n",
        "key 'currency'");
  fails(std::string(base).replace(base.find("\"percent\""), 9, "\"fortnights\"") + "value = 2\n",
        "key 'unit': 'fortnights' is not one of");
  fails(base + "value = \"25\"\n" + base + "value = \"30\"\n", "overlaps the version at bad.toml line 7");
  // Periods and counts cannot be negative (rates can: the ECB's deposit rate was).
  const std::string years = std::string(base).replace(base.find("\"percent\""), 9, "\"years\"");
  fails(years + "value = -3\n", "a period or count cannot be negative");
  fails(years + "value = \"-0.5\"\n", "a period or count cannot be negative");
  fails(base + "value = \"25\"\n[rule.params]\nx = [1, 2]\n", "key 'x': a parameter is a single value");
  CHECK_THROWS_MATCHES(book.load_text("schema = 1\n[pack]\nid = \"x\"\ntitle = \"t\"\nreviewed = 2026-01-01\n", "empty.toml"),
                       recoup::rule_pack_error, has_id("rules.pack", "expected one or more [[rule]] tables"));
  CHECK_THROWS_MATCHES(book.load_text("schema = 2\n", "v2.toml"), recoup::rule_pack_error,
                       has_id("rules.pack", "v2.toml line 1, key 'schema': 2 is outside 1..1"));
  CHECK_THROWS_MATCHES(book.load_text("schema = 1\n[pack\n", "syntax.toml"), recoup::rule_pack_error,
                       has_id("rules.pack", "syntax.toml line 2"));
  CHECK_THROWS_MATCHES(book.load_file("/nonexistent/acme.toml"), recoup::rule_pack_error,
                       has_id("rules.pack", "cannot open rule pack file '/nonexistent/acme.toml'"));
  CHECK(book.entries().size() == entries);  // nothing half-loaded
  // Found by fuzzing toml++ 3.3: a NUL in a table header asserted, and some non-ASCII letters
  // outside strings reached `unreachable`; both are refused before toml++ reads the text.
  CHECK_THROWS_MATCHES(book.load_text(std::string("schema = 1\n[pa\0ck]\n", 19), "nul.toml"), recoup::rule_pack_error,
                       has_id("rules.pack", "nul.toml line 2, column 4: control character U+0000"));
  CHECK_THROWS_MATCHES(book.load_text("schema = 1\n[rule\xd2\x92" "arams]\n", "letter.toml"), recoup::rule_pack_error,
                       has_id("rules.pack", "letter.toml line 2, column 6: a non-ASCII character outside a string"));
  CHECK_THROWS_MATCHES(book.load_text("schema = 1 \xc2\xa3\n", "pound.toml"), recoup::rule_pack_error,
                       has_id("rules.pack", "pound.toml line 1, column 12"));
  // ... and a table header broken by a newline tripped toml++'s assertion in parse_key.
  CHECK_THROWS_MATCHES(book.load_text("[\n]]apid = 5\n", "header.toml"), recoup::rule_pack_error,
                       has_id("rules.pack", "header.toml line 1, column 1: a table header must name a table"));
  CHECK(book.entries().size() == entries);
  // Non-ASCII inside strings and comments is text, as TOML allows (the shipped notes use £ and §).
  rule_book fresh;
  fresh.load_text(pack(base + "value = \"25\"\nnote = \"£5,000 under § 74 'q' \\\"e\\\"\"  # £ in a comment\n"
                       "source = '''https://example.org/''£'''\n"),
                  "text.toml");
  CHECK(fresh.entries().size() == 1);
}

TEST_CASE("the built-in packs load, cite every figure and cover every US state", "[rules][rule_book]") {
  const rule_book& book = rule_book::defaults();
  REQUIRE(book.packs().size() >= 2);
  for (const auto& e : book.entries()) {
    INFO(e.origin);
    CHECK(!e.citation.empty());
  }
  const char* states[] = {"AK", "AL", "AR", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "GA", "HI", "IA",
                          "ID", "IL", "IN", "KS", "KY", "LA", "MA", "MD", "ME", "MI", "MN", "MO", "MS",
                          "MT", "NC", "ND", "NE", "NH", "NJ", "NM", "NV", "NY", "OH", "OK", "OR", "PA",
                          "RI", "SC", "SD", "TN", "TX", "UT", "VA", "VT", "WA", "WI", "WV", "WY"};
  for (const char* s : states) {
    const std::string j = std::string("US-") + s;
    INFO(j);
    for (const char* t : {"written_contract", "oral_contract", "promissory_note", "open_account"})
      CHECK(book.find(j, std::string("limitation.") + t, d("2026-11-23")) != nullptr);
  }
  for (const char* j : {"GB-EAW", "GB-NIR", "GB-SCT"}) {
    INFO(j);
    CHECK(book.find(j, "limitation.open_account", d("2026-11-23")) != nullptr);
  }
}

TEST_CASE("jurisdiction codes and their parents", "[rules][rule_book]") {
  using recoup::rules::is_jurisdiction_code;
  using recoup::rules::parent_jurisdiction;
  CHECK(is_jurisdiction_code("US"));
  CHECK(is_jurisdiction_code("US-TX"));
  CHECK(is_jurisdiction_code("US-DC"));
  CHECK(is_jurisdiction_code("GB-EAW"));
  CHECK(is_jurisdiction_code("DE"));
  CHECK(is_jurisdiction_code("CA-ON"));
  CHECK_FALSE(is_jurisdiction_code("US-XX"));
  CHECK_FALSE(is_jurisdiction_code("GB-ENG"));
  CHECK_FALSE(is_jurisdiction_code("us-tx"));
  CHECK(parent_jurisdiction("US-TX") == "US");
  CHECK(parent_jurisdiction("GB-SCT") == "GB");
  CHECK(parent_jurisdiction("FR") == "EU");
  CHECK(parent_jurisdiction("US").empty());
}
