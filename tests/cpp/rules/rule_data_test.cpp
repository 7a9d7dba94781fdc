// The shipped rule data across the days statutes changed: the day before a new period applies
// and the day it does, with the citation of each change beside it.
#include <catch2/catch.hpp>

#include "../support.hpp"
#include "recoup/rules/limitation.hpp"
#include "recoup/rules/rule_book.hpp"

using recoup::civil_date;
using recoup::rules::rule_book;

namespace {
civil_date d(const char* s) { return civil_date::parse(s); }
std::int64_t years(const char* j, const char* id, const char* on) {
  return rule_book::defaults().at(j, id, d(on)).integer();
}
std::string param(const char* j, const char* id, const char* on, const char* key) {
  return rule_book::defaults().at(j, id, d(on)).param_text(key, "");
}
}  // namespace

TEST_CASE("New York: CPLR 214-i (Consumer Credit Fairness Act, L.2021 c.593) from 2022-04-07", "[rules][data]") {
  // Before: CPLR 213(2), six years; revival by a signed written acknowledgment (GOL 17-101).
  CHECK(years("US-NY", "limitation.open_account", "2022-04-06") == 6);
  CHECK(years("US-NY", "limitation.written_contract", "2022-04-06") == 6);
  CHECK(param("US-NY", "limitation.open_account", "2022-04-06", "revival_after_expiry") == "acknowledgment");
  // From the 150th day after signing (2021-11-08): three years, no revival (CPLR 214-i).
  CHECK(years("US-NY", "limitation.open_account", "2022-04-07") == 3);
  CHECK(years("US-NY", "limitation.written_contract", "2022-04-07") == 3);
  CHECK(param("US-NY", "limitation.open_account", "2022-04-07", "revival_after_expiry") == "none");
}

TEST_CASE("Ohio: S.B. 224 (2012-09-28) and S.B. 13 (2021-06-16) shortened the contract periods", "[rules][data]") {
  // Ohio Rev. Code 2305.06 (written): 15 years, 8 from 2012-09-28, 6 from 2021-06-16.
  CHECK(years("US-OH", "limitation.written_contract", "2012-09-27") == 15);
  CHECK(years("US-OH", "limitation.written_contract", "2012-09-28") == 8);
  CHECK(years("US-OH", "limitation.written_contract", "2021-06-15") == 8);
  CHECK(years("US-OH", "limitation.written_contract", "2021-06-16") == 6);
  // Ohio Rev. Code 2305.07 (oral): 6 years, 4 from 2021-06-16.
  CHECK(years("US-OH", "limitation.oral_contract", "2021-06-15") == 6);
  CHECK(years("US-OH", "limitation.oral_contract", "2021-06-16") == 4);
}

TEST_CASE("Kentucky: KRS 413.090(2) written contracts 15 -> 10 years after 2014-07-15", "[rules][data]") {
  CHECK(years("US-KY", "limitation.written_contract", "2014-07-15") == 15);
  CHECK(years("US-KY", "limitation.written_contract", "2014-07-16") == 10);
}

TEST_CASE("Mississippi: Miss. Code 15-1-3(2) (Laws 2005 ch. 417) part payment restarts from 2005-07-01",
          "[rules][data]") {
  const auto& before = rule_book::defaults().at("US-MS", "limitation.open_account", d("2005-06-30"));
  const auto& after = rule_book::defaults().at("US-MS", "limitation.open_account", d("2005-07-01"));
  CHECK_FALSE(before.param_flag("restart_by_payment", true));
  CHECK(after.param_flag("restart_by_payment", false));
  CHECK(before.integer() == 3);
  CHECK(after.integer() == 3);
}

TEST_CASE("Maryland: Cts. & Jud. Proc. 5-1202, no revival of a time-barred consumer debt", "[rules][data]") {
  CHECK(param("US-MD", "limitation.open_account", "2016-12-31", "revival_after_expiry") == "acknowledgment");
  CHECK(param("US-MD", "limitation.open_account", "2017-01-01", "revival_after_expiry") == "none");
}

TEST_CASE("Texas: Fin. Code 392.307 (H.B. 996) bars debt-buyer revival from 2019-09-01", "[rules][data]") {
  CHECK(rule_book::defaults().at("US-TX", "limitation.revival_debt_buyer", d("2019-08-31")).flag());
  CHECK_FALSE(rule_book::defaults().at("US-TX", "limitation.revival_debt_buyer", d("2019-09-01")).flag());
}

TEST_CASE("money judgments: Cal. CCP 683.020, ten years from entry, renewable (683.110)", "[rules][data]") {
  using namespace recoup::rules;
  limitation_facts facts;
  facts.defaulted_on = d("2015-03-02");  // the day the judgment was entered
  const auto v = limitation("US-CA", debt_type::judgment, facts, d("2024-06-01"));
  CHECK(v.main_rule().rule_id == "limitation.judgment");
  CHECK(v.expires_on == d("2025-03-02"));
  CHECK(v.status == limitation_status::running);
  CHECK_THAT(v.explain(), Catch::Contains("the day the judgment was entered"));
  CHECK_THAT(v.explain(), Catch::Contains("may be renewed or revived before 2025-03-02"));
  CHECK(limitation("US-CA", debt_type::judgment, facts, d("2026-12-07")).status == limitation_status::expired);
  CHECK(years("US-NY", "limitation.judgment", "2024-01-01") == 20);  // CPLR 211(b)
  CHECK(debt_type_from_name("judgment") == debt_type::judgment);
}

TEST_CASE("no shipped entry starts on a placeholder date, and every figure names its citation", "[rules][data]") {
  for (const auto& e : rule_book::defaults().entries()) {
    INFO(e.jurisdiction << " " << e.id << " " << e.origin);
    CHECK(d("1900-01-01") < e.effective_from);
    CHECK_FALSE(e.citation.empty());
  }
}

TEST_CASE("every unverified or contested figure says what is unknown", "[rules][data]") {
  for (const auto& e : rule_book::defaults().entries()) {
    if (e.sureness != recoup::rules::certainty::unverified && e.sureness != recoup::rules::certainty::contested)
      continue;
    INFO(e.jurisdiction << " " << e.id << " " << e.origin);
    CHECK(e.note.size() > 20);
  }
}

TEST_CASE("garnishment covers every state and DC", "[rules][data]") {
  static const char* const states[] = {
      "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
      "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC",
      "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY"};
  for (const char* s : states) {
    const std::string j = std::string("US-") + s;
    INFO(j);
    const auto* e = rule_book::defaults().find(j, "garnishment.state_limit", d("2026-06-01"));
    REQUIRE(e != nullptr);
    CHECK_FALSE(e->param_text("method", "").empty());
    CHECK(rule_book::defaults().find(j, "limitation.open_account", d("2026-06-01")) != nullptr);
  }
}
