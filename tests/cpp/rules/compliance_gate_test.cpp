// The compliance gate: one hand-worked scenario per rule family from the statute or regulation
// text (the paragraph is named in each SECTION), the boundary days and hours, precedence from
// the packs (exceptions and state overrides), impossible facts, and the columnar kernel against
// the scalar form with the monotonicity property.
#include "recoup/rules/compliance_gate.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "../support.hpp"
#include "recoup/rules/pre_action.hpp"

using recoup::civil_date;
using recoup::test::has_id;
using namespace recoup::rules;
using std::chrono::sys_seconds;

namespace {

sys_seconds utc(const std::string& s) {
  const civil_date d = civil_date::parse(s.substr(0, 10));
  const std::int64_t secs = std::int64_t{d.serial()} * 86400 + std::stoi(s.substr(11, 2)) * 3600 +
                            std::stoi(s.substr(14, 2)) * 60 + std::stoi(s.substr(17, 2));
  return sys_seconds{std::chrono::seconds{secs}};
}
civil_date day(const char* s) { return civil_date::parse(s); }

/// A US debt-collector account in New York with nothing unusual: every action but a few is allowed.
account_facts new_york() {
  account_facts a;
  a.jurisdiction = "US-NY";
  a.time_zones = {"America/New_York"};
  a.type = debt_type::open_account;
  a.opened_on = day("2020-02-01");
  a.first_delinquency = day("2025-01-15");
  a.defaulted_on = day("2025-01-15");
  a.first_contact_on = day("2026-09-01");
  a.validation_notice_sent_on = day("2026-09-04");
  return a;
}

/// 10:00 in New York on a December Monday.
const sys_seconds monday_10am = utc("2026-12-07 15:00:00");

const gate_reason* blocked_by(const action_verdict& v, const std::string& rule_id) {
  for (const auto& r : v.reasons)
    if (r.rule().rule_id == rule_id) return &r;
  return nullptr;
}
const gate_reason* conditioned_by(const action_verdict& v, const std::string& rule_id) {
  for (const auto& r : v.conditions)
    if (r.rule().rule_id == rule_id) return &r;
  return nullptr;
}
bool cites(const gate_reason& r, const std::string& rule_id) {
  return std::any_of(r.rules.begin(), r.rules.end(), [&](const rule_reference& x) { return x.rule_id == rule_id; });
}

}  // namespace

TEST_CASE("an ordinary account may be called, written to, reported and sued", "[rules][gate]") {
  const auto all = permitted_actions(new_york(), monday_10am);
  REQUIRE(all.size() == action_count);
  for (const auto a : {collection_action::call, collection_action::text, collection_action::letter,
                       collection_action::credit_report, collection_action::litigate, collection_action::settlement_offer,
                       collection_action::sell}) {
    INFO(to_string(a));
    CHECK(all[static_cast<std::size_t>(a)].status == gate_status::allowed);
    CHECK(all[static_cast<std::size_t>(a)].reasons.empty());
  }
  CHECK(all[0].action == collection_action::call);
  CHECK(all[0].as_of == day("2026-12-07"));
}

TEST_CASE("FDCPA 805(c): a cease request stops communication but leaves its three exceptions", "[rules][gate][cease]") {
  auto a = new_york();
  a.cease_requested_on = day("2026-11-02");
  SECTION("15 U.S.C. 1692c(c): no further communication") {
    for (const auto act : {collection_action::call, collection_action::email, collection_action::letter,
                           collection_action::settlement_offer, collection_action::payment_plan}) {
      const auto v = permitted(a, act, monday_10am);
      INFO(to_string(act));
      CHECK(v.status == gate_status::blocked);
      REQUIRE(blocked_by(v, "gate.cease_communication"));
      CHECK(v.main_rule().rule_id == "gate.cease_communication");
      CHECK(v.main_rule().citation.find("1692c(c)") != std::string::npos);
    }
  }
  SECTION("1692c(c)(1)-(3): notices that collection ends or of a specific remedy stay allowed (precedence in the pack)") {
    for (const auto act : {collection_action::termination_notice, collection_action::remedy_notice}) {
      const auto v = permitted(a, act, monday_10am);
      CHECK(v.status == gate_status::allowed);
      CHECK(conditioned_by(v, "gate.cease_communication_exceptions"));
    }
  }
  SECTION("suit and furnishing are not communications with the consumer") {
    CHECK(permitted(a, collection_action::litigate, monday_10am).allowed());
    CHECK(permitted(a, collection_action::credit_report, monday_10am).allowed());
  }
  SECTION("a request received today blocks today; one dated tomorrow is not yet a fact") {
    a.cease_requested_on = day("2026-12-07");
    CHECK(permitted(a, collection_action::call, monday_10am).status == gate_status::blocked);
    a.cease_requested_on = day("2026-12-08");
    CHECK_THROWS_MATCHES(permitted(a, collection_action::call, monday_10am), recoup::error, has_id("gate.future_fact"));
  }
  SECTION("the FDCPA binds debt collectors, not a creditor collecting its own debt (15 U.S.C. 1692a(6))") {
    a.role = collector_role::creditor;
    CHECK(permitted(a, collection_action::letter, monday_10am).allowed());
  }
}

TEST_CASE("FDCPA 809(b): a timely dispute pauses collection until verification", "[rules][gate][dispute]") {
  auto a = new_york();  // validation notice 2026-09-04: the validation period ends 2026-10-14
  SECTION("a dispute on the last day of the validation period pauses collection") {
    a.dispute_received_on = day("2026-10-14");
    const auto v = permitted(a, collection_action::call, monday_10am);
    CHECK(v.status == gate_status::blocked);
    const auto* r = blocked_by(v, "gate.dispute_pending");
    REQUIRE(r);
    CHECK(cites(*r, "regf.validation_period_days"));
    CHECK(r->text.find("2026-10-14") != std::string::npos);
    CHECK(permitted(a, collection_action::litigate, monday_10am).status == gate_status::blocked);
    CHECK(permitted(a, collection_action::credit_report, monday_10am).status == gate_status::blocked);
  }
  SECTION("a dispute the day after the period does not pause collection, but is reported as disputed (FCRA 623(a)(3))") {
    a.dispute_received_on = day("2026-10-15");
    CHECK(permitted(a, collection_action::call, monday_10am).allowed());
    const auto v = permitted(a, collection_action::credit_report, monday_10am);
    CHECK(v.allowed());
    CHECK(conditioned_by(v, "gate.disputed_reporting"));
  }
  SECTION("verification mailed ends the pause") {
    a.dispute_received_on = day("2026-10-01");
    a.dispute_verified_on = day("2026-10-20");
    CHECK(permitted(a, collection_action::call, monday_10am).allowed());
    CHECK_FALSE(conditioned_by(permitted(a, collection_action::credit_report, monday_10am), "gate.disputed_reporting"));
  }
  SECTION("verification before the dispute is impossible") {
    a.dispute_received_on = day("2026-10-01");
    a.dispute_verified_on = day("2026-09-20");
    CHECK_THROWS_MATCHES(permitted(a, collection_action::call, monday_10am), recoup::error, has_id("gate.event_order"));
  }
}

TEST_CASE("11 U.S.C. 362 and 524: the automatic stay and the discharge injunction", "[rules][gate][bankruptcy]") {
  auto a = new_york();
  a.bankruptcy_filed_on = day("2026-10-01");
  a.bankruptcy_chapter = 7;
  SECTION("362(a)(6): no act to collect while the case is open") {
    for (const auto act : {collection_action::call, collection_action::letter, collection_action::litigate,
                           collection_action::garnish, collection_action::settlement_offer}) {
      const auto v = permitted(a, act, monday_10am);
      INFO(to_string(act));
      CHECK(v.status == gate_status::blocked);
      CHECK(blocked_by(v, "gate.bankruptcy_stay"));
    }
    CHECK(permitted(a, collection_action::sell, monday_10am).allowed());
  }
  SECTION("362(c)(2)(B): the stay ends on the day the case is dismissed") {
    a.bankruptcy_dismissed_on = day("2026-12-07");
    CHECK(permitted(a, collection_action::call, monday_10am).allowed());
    a.bankruptcy_dismissed_on = day("2026-12-08");  // judged on the 7th, a dismissal tomorrow is not yet a fact
    CHECK_THROWS_MATCHES(permitted(a, collection_action::call, monday_10am), recoup::error, has_id("gate.future_fact"));
  }
  SECTION("524(a)(2): after discharge the debt may not be collected, and 1006.30(b) bars its sale") {
    a.bankruptcy_discharged_on = day("2026-12-01");
    const auto v = permitted(a, collection_action::call, monday_10am);
    CHECK(v.status == gate_status::blocked);
    CHECK(blocked_by(v, "gate.bankruptcy_discharge"));
    CHECK_FALSE(blocked_by(v, "gate.bankruptcy_stay"));
    const auto s = permitted(a, collection_action::sell, monday_10am);
    CHECK(s.status == gate_status::blocked);
    CHECK(blocked_by(s, "gate.sale_barred"));
  }
  SECTION("a discharge before the filing, or a chapter that does not exist, is refused") {
    a.bankruptcy_discharged_on = day("2026-09-01");
    CHECK_THROWS_MATCHES(permitted(a, collection_action::call, monday_10am), recoup::error, has_id("gate.event_order"));
    a.bankruptcy_discharged_on.reset();
    a.bankruptcy_chapter = 8;
    CHECK_THROWS_MATCHES(permitted(a, collection_action::call, monday_10am), recoup::error, has_id("gate.chapter"));
  }
}

TEST_CASE("Reg F 1006.26(b): no suit on a time-barred debt", "[rules][gate][limitation]") {
  account_facts a;
  a.jurisdiction = "US-TX";
  a.type = debt_type::open_account;
  a.last_payment = day("2021-03-15");  // 4 years: in time through 2025-03-15
  SECTION("the last day in time, and the first day barred") {
    CHECK(permitted(a, collection_action::litigate, utc("2025-03-15 12:00:00")).allowed());
    const auto v = permitted(a, collection_action::litigate, utc("2025-03-16 12:00:00"));
    CHECK(v.status == gate_status::blocked);
    const auto* r = blocked_by(v, "gate.time_barred_suit");
    REQUIRE(r);
    CHECK(r->rule().citation == "12 CFR 1006.26(b)");
    CHECK(cites(*r, "limitation.open_account"));
    CHECK(r->text.find("2025-03-15") != std::string::npos);
  }
  SECTION("an unknown limitation status blocks suit (strict liability)") {
    a.last_payment.reset();
    const auto v = permitted(a, collection_action::litigate, utc("2026-12-07 12:00:00"));
    CHECK(v.status == gate_status::blocked);
    CHECK(blocked_by(v, "gate.time_barred_suit")->text.find("unknown") != std::string::npos);
  }
  SECTION("before Reg F took effect (2021-11-30) the rule is not in force") {
    a.last_payment = day("2016-03-15");
    CHECK(permitted(a, collection_action::litigate, utc("2021-11-29 12:00:00")).allowed());
    CHECK(permitted(a, collection_action::litigate, utc("2021-11-30 12:00:00")).status == gate_status::blocked);
  }
}

TEST_CASE("Reg F 1006.30(a)(1): no furnishing before communicating, comment 30(a)(1)-2's 14 days", "[rules][gate][passive]") {
  auto a = new_york();
  a.first_contact_on.reset();
  a.validation_notice_sent_on = day("2026-11-20");  // conservative reading: furnish from 2026-12-05
  const auto v = permitted(a, collection_action::credit_report, utc("2026-12-04 18:00:00"));
  CHECK(v.status == gate_status::allowed_from);
  REQUIRE(v.allowed_from);
  CHECK(*v.allowed_from == utc("2026-12-05 05:00:00"));  // local midnight in New York (EST)
  CHECK(blocked_by(v, "gate.passive_credit_reporting"));
  CHECK(permitted(a, collection_action::credit_report, utc("2026-12-05 05:00:00")).allowed());
  SECTION("a telephone conversation about the debt satisfies it at once") {
    a.calls.push_back({.at = utc("2026-12-01 15:00:00"), .outcome = call_outcome::connected_conversation});
    CHECK(permitted(a, collection_action::credit_report, utc("2026-12-04 18:00:00")).allowed());
  }
  SECTION("with no letter and no conversation it is blocked") {
    a.validation_notice_sent_on.reset();
    CHECK(permitted(a, collection_action::credit_report, monday_10am).status == gate_status::blocked);
  }
}

TEST_CASE("FCRA 605(a)(4), (c): an obsolete item may not be reported", "[rules][gate][fcra]") {
  auto a = new_york();
  a.first_delinquency = day("2018-01-10");  // clock from 2018-07-09; obsolete from 2025-07-09
  a.defaulted_on = day("2018-01-10");
  a.opened_on = day("2016-05-01");
  a.first_contact_on = day("2018-03-01");
  a.validation_notice_sent_on = day("2018-03-02");
  CHECK(permitted(a, collection_action::credit_report, utc("2025-07-08 16:00:00")).allowed());
  const auto v = permitted(a, collection_action::credit_report, utc("2025-07-09 16:00:00"));
  CHECK(v.status == gate_status::blocked);
  CHECK(blocked_by(v, "gate.obsolete_reporting"));
  a.first_delinquency.reset();
  CHECK(permitted(a, collection_action::credit_report, monday_10am).status == gate_status::blocked);
}

TEST_CASE("Reg F 1006.14(h), 805(a)(2), 1006.6(a)(4) and the SCRA: media, attorneys, the deceased, servicemembers",
          "[rules][gate]") {
  auto a = new_york();
  SECTION("an opted-out medium only") {
    a.opted_out = {contact_channel::email};
    CHECK(permitted(a, collection_action::email, monday_10am).status == gate_status::blocked);
    CHECK(blocked_by(permitted(a, collection_action::email, monday_10am), "gate.medium_opt_out"));
    CHECK(permitted(a, collection_action::text, monday_10am).allowed());
  }
  SECTION("a represented consumer is not contacted; suit is not a communication with the consumer") {
    a.attorney_represented = true;
    CHECK(blocked_by(permitted(a, collection_action::call, monday_10am), "gate.attorney_represented"));
    CHECK(permitted(a, collection_action::litigate, monday_10am).allowed());
  }
  SECTION("a deceased consumer's estate is addressed through its representative") {
    a.deceased_on = day("2026-11-20");
    const auto v = permitted(a, collection_action::letter, monday_10am);
    CHECK(v.status == gate_status::blocked);
    CHECK(blocked_by(v, "gate.deceased")->text.find("estate") != std::string::npos);
  }
  SECTION("SCRA protections attach to legal action as a condition") {
    a.scra_active_duty = true;
    const auto v = permitted(a, collection_action::litigate, monday_10am);
    CHECK(v.allowed());
    CHECK(conditioned_by(v, "gate.scra_legal_action"));
  }
}

TEST_CASE("Reg F 1006.14(b) and 1006.6(b)(1): calls through the contact engine, DST-correct", "[rules][gate][contact]") {
  auto a = new_york();
  SECTION("7:00 in New York: allowed from 8:00") {
    const auto v = permitted(a, collection_action::call, utc("2026-12-07 12:00:00"));
    CHECK(v.status == gate_status::allowed_from);
    CHECK(*v.allowed_from == utc("2026-12-07 13:00:00"));
    const auto* r = blocked_by(v, "gate.call_limits");
    REQUIRE(r);
    CHECK(cites(*r, "contact.earliest_local_time"));
  }
  SECTION("the morning the clocks go forward (2026-03-08): 8:00 EDT is 12:00 UTC") {
    a.first_contact_on = day("2026-02-01");
    a.validation_notice_sent_on = day("2026-02-02");
    const auto v = permitted(a, collection_action::text, utc("2026-03-08 11:30:00"));
    CHECK(v.status == gate_status::allowed_from);
    CHECK(*v.allowed_from == utc("2026-03-08 12:00:00"));
  }
  SECTION("seven calls in seven days: the eighth waits for the window to move") {
    for (int d = 1; d <= 7; ++d)
      a.calls.push_back({.at = utc("2026-12-0" + std::to_string(d) + " 15:00:00"), .outcome = call_outcome::unanswered});
    const auto v = permitted(a, collection_action::call, utc("2026-12-07 16:00:00"));
    CHECK(v.status == gate_status::allowed_from);
    CHECK(*v.allowed_from == utc("2026-12-08 13:00:00"));
    CHECK(permitted(a, collection_action::email, utc("2026-12-07 16:00:00")).allowed());  // not a call
  }
  SECTION("every candidate zone must be inside the hours") {
    a.time_zones = {"America/New_York", "America/Los_Angeles"};
    const auto v = permitted(a, collection_action::call, utc("2026-12-07 14:00:00"));  // 9:00 NY, 6:00 LA
    CHECK(*v.allowed_from == utc("2026-12-07 16:00:00"));
  }
  SECTION("no known time zone: blocked, and the reason says to pass one") {
    a.time_zones.clear();
    const auto v = permitted(a, collection_action::call, monday_10am);
    CHECK(v.status == gate_status::blocked);
    CHECK(blocked_by(v, "gate.call_limits")->text.find("time zone") != std::string::npos);
    CHECK(permitted(a, collection_action::letter, monday_10am).allowed());
  }
  SECTION("an unknown zone name is an error") {
    a.time_zones = {"America/Nowhere"};
    CHECK_THROWS_MATCHES(permitted(a, collection_action::call, monday_10am), recoup::error,
                         has_id("contact.unknown_time_zone"));
  }
}

TEST_CASE("UK: Breathing Space, CCA s87 default notices and the Pre-Action Protocol", "[rules][gate][uk]") {
  account_facts a;
  a.jurisdiction = "GB-EAW";
  a.time_zones = {"Europe/London"};
  a.type = debt_type::written_contract;
  a.defaulted_on = day("2025-06-01");
  a.default_notice_served_on = day("2026-09-01");
  a.letter_of_claim_on = day("2026-09-20");
  const sys_seconds at = utc("2026-12-07 11:00:00");
  SECTION("with the notice and the letter done, proceedings may issue") {
    CHECK(permitted(a, collection_action::litigate, at).allowed());
    CHECK(conditioned_by(permitted(a, collection_action::call, at), "gate.uk_contact_times"));
  }
  SECTION("SI 2020/1311 reg 7 and 11: a standard Breathing Space from 2026-11-01 protects through 2026-12-30") {
    a.breathing_space_started_on = day("2026-11-01");
    for (const auto act : {collection_action::call, collection_action::litigate, collection_action::letter}) {
      const auto v = permitted(a, act, at);
      INFO(to_string(act));
      CHECK(v.status == gate_status::allowed_from);
      CHECK(*v.allowed_from == utc("2026-12-31 00:00:00"));  // GMT midnight
      REQUIRE(blocked_by(v, "gate.breathing_space"));
      CHECK(cites(*blocked_by(v, "gate.breathing_space"), "breathing_space.standard_days"));
    }
    CHECK(permitted(a, collection_action::sell, at).allowed());
  }
  SECTION("a mental health crisis moratorium without a treatment end date has no end") {
    a.breathing_space_started_on = day("2026-11-01");
    a.breathing_space_type = breathing_space_kind::mental_health;
    CHECK(permitted(a, collection_action::call, at).status == gate_status::blocked);
  }
  SECTION("CCA s87(1)/s88(2): no enforcement before the default notice's remedy date") {
    a.default_notice_served_on = day("2026-12-01");  // 14 clear days: action from 2026-12-16
    const auto v = permitted(a, collection_action::litigate, at);
    CHECK(v.status == gate_status::allowed_from);
    CHECK(*v.allowed_from == utc("2026-12-16 00:00:00"));
    CHECK(cites(*blocked_by(v, "gate.cca_default_notice"), "cca.default_notice_days"));
    a.default_notice_served_on.reset();
    CHECK(permitted(a, collection_action::litigate, at).status == gate_status::blocked);
    a.cca_regulated = false;
    CHECK(permitted(a, collection_action::litigate, at).allowed());
  }
  SECTION("Pre-Action Protocol para 3.1: 30 days after the Letter of Claim") {
    a.letter_of_claim_on = day("2026-11-20");
    const auto v = permitted(a, collection_action::litigate, at);
    CHECK(v.status == gate_status::allowed_from);
    const auto expected = pre_action_reply_deadline(day("2026-11-20")).date;
    CHECK(expected == day("2026-12-21"));  // reply due 2026-12-20; proceedings after it
    CHECK(*v.allowed_from == utc("2026-12-21 00:00:00"));
  }
  SECTION("Limitation Act 1980 s5: a statute-barred debt is not taken to court") {
    a.defaulted_on = day("2019-06-01");
    const auto v = permitted(a, collection_action::litigate, at);
    CHECK(v.status == gate_status::blocked);
    CHECK(blocked_by(v, "gate.statute_barred_court_action"));
    CHECK(permitted(a, collection_action::call, at).allowed());  // E&W: the debt still exists
  }
}

TEST_CASE("Scotland: a prescribed debt is extinguished and may not be pursued at all", "[rules][gate][uk]") {
  account_facts a;
  a.jurisdiction = "GB-SCT";
  a.type = debt_type::written_contract;
  a.defaulted_on = day("2019-01-10");  // 5 years: extinguished after 2024-01-10
  for (const auto act : {collection_action::call, collection_action::letter, collection_action::credit_report,
                         collection_action::sell, collection_action::place_with_agency, collection_action::litigate}) {
    const auto v = permitted(a, act, utc("2026-12-07 11:00:00"));
    INFO(to_string(act));
    CHECK(v.status == gate_status::blocked);
    CHECK(blocked_by(v, "gate.prescribed_debt"));
  }
  CHECK(permitted(a, collection_action::call, utc("2024-01-10 11:00:00")).allowed());
}

TEST_CASE("FFIEC retail credit policy: charge-off deadlines and re-ageing limits", "[rules][gate][ffiec]") {
  auto a = new_york();
  a.first_delinquency = day("2026-06-01");
  a.defaulted_on = day("2026-06-01");
  SECTION("open-end: 180 days past due; closed-end: 120") {
    auto v = permitted(a, collection_action::charge_off, monday_10am);
    CHECK(v.allowed());
    CHECK(v.required_by == day("2026-11-28"));
    CHECK(v.deadline->rule().rule_id == "gate.charge_off_open_end");
    a.open_end = false;
    CHECK(permitted(a, collection_action::charge_off, monday_10am).required_by == day("2026-09-29"));
  }
  SECTION("bankruptcy: within 60 days of notice, when that is sooner") {
    a.bankruptcy_filed_on = day("2026-07-01");
    const auto v = permitted(a, collection_action::charge_off, monday_10am);
    CHECK(v.required_by == day("2026-08-30"));
    CHECK(v.deadline->rule().rule_id == "gate.charge_off_bankruptcy");
  }
  SECTION("re-age: nine months on book, three consecutive minimum payments, once in 12 months, twice in five years") {
    a.consecutive_minimum_payments = 3;
    CHECK(permitted(a, collection_action::reage, monday_10am).allowed());
    a.reaged_on = {day("2026-06-15")};
    const auto v = permitted(a, collection_action::reage, monday_10am);
    CHECK(v.status == gate_status::allowed_from);
    CHECK(*v.allowed_from == utc("2027-06-15 04:00:00"));
    a.reaged_on = {day("2022-06-15"), day("2024-06-15")};
    CHECK(*permitted(a, collection_action::reage, monday_10am).allowed_from == utc("2027-06-15 04:00:00"));
    a.reaged_on.clear();
    a.consecutive_minimum_payments = 2;
    CHECK(permitted(a, collection_action::reage, monday_10am).status == gate_status::blocked);
  }
  SECTION("the validation notice is due five days after the initial communication") {
    a.validation_notice_sent_on.reset();
    a.first_contact_on = day("2026-12-03");
    CHECK(permitted(a, collection_action::validation_notice, monday_10am).required_by == day("2026-12-08"));
  }
}

TEST_CASE("precedence and overrides are data", "[rules][gate][packs]") {
  auto a = new_york();
  a.cease_requested_on = day("2026-11-02");
  SECTION("a pack that redefines the exception for one state changes that state only") {
    auto book = rule_book::with_defaults();
    book.load_text(R"(schema = 1
[pack]
id = "acme-gate"
title = "Acme: no remedy notices after a cease request in New York"
reviewed = 2026-12-06
[[rule]]
id = "gate.cease_communication_exceptions"
jurisdiction = "US-NY"
effective_from = 1978-03-20
value = true
unit = "boolean"
citation = "Acme policy 7.1"
certainty = "verified"
[rule.params]
condition = "cease_requested"
effect = "allow"
overrides = "gate.cease_communication"
actions = "termination_notice"
text = "only the notice that collection ends"
)",
                   "acme.toml");
    CHECK(permitted(a, collection_action::remedy_notice, monday_10am, book).status == gate_status::blocked);
    CHECK(permitted(a, collection_action::termination_notice, monday_10am, book).allowed());
    a.jurisdiction = "US-NJ";
    CHECK(permitted(a, collection_action::remedy_notice, monday_10am, book).allowed());
  }
  SECTION("a gate rule with an unknown condition or action names the rule") {
    auto book = rule_book::with_defaults();
    book.load_text(R"(schema = 1
[pack]
id = "broken"
title = "broken"
reviewed = 2026-12-06
[[rule]]
id = "gate.typo"
jurisdiction = "US-NY"
effective_from = 2000-01-01
value = true
unit = "boolean"
citation = "x"
certainty = "verified"
[rule.params]
condition = "cease_requsted"
actions = "call"
text = "x"
)",
                   "broken.toml");
    CHECK_THROWS_MATCHES(permitted(a, collection_action::call, monday_10am, book), recoup::error, has_id("gate.rule_param"));
  }
}

TEST_CASE("the gate refuses what it cannot judge", "[rules][gate][errors]") {
  auto a = new_york();
  CHECK_THROWS_MATCHES(parse_collection_action("phone"), recoup::error, has_id("gate.unknown_action"));
  a.last_payment = day("2030-01-01");
  CHECK_THROWS_MATCHES(permitted(a, collection_action::call, monday_10am), recoup::error, has_id("gate.future_fact"));
  a.last_payment.reset();
  a.jurisdiction = "EU";  // rules exist (late-payment interest) but no gate rules
  CHECK_THROWS_MATCHES(permitted(a, collection_action::call, monday_10am), recoup::error, has_id("gate.jurisdiction"));
  a.jurisdiction = "FR";
  CHECK_THROWS_MATCHES(permitted(a, collection_action::call, monday_10am), recoup::error, has_id("rules.unknown_jurisdiction"));
  a.jurisdiction = "US-XX";
  CHECK_THROWS_AS(permitted(a, collection_action::call, monday_10am), recoup::unknown_jurisdiction_error);
  a.jurisdiction = "";
  CHECK_THROWS_MATCHES(permitted(a, collection_action::call, monday_10am), recoup::error, has_id("gate.jurisdiction"));
}

namespace {

std::int32_t serial(const std::optional<civil_date>& d) { return d ? d->serial() : no_date; }

}  // namespace

TEST_CASE("the columnar gate gives the scalar verdicts, and adding a blocking event never frees an action",
          "[rules][gate][columns]") {
  const std::vector<std::string> codes{"US-NY", "US-TX", "US-MA", "GB-EAW", "GB-SCT"};
  const std::vector<std::string> zones{"America/New_York", "America/Chicago", "Europe/London"};
  const gate_table table(codes, zones);
  std::mt19937 rng(20261206);
  const sys_seconds at = utc("2026-12-07 15:30:00");
  const civil_date today = day("2026-12-07");
  auto maybe = [&](int percent, int lo_days, int hi_days) -> std::optional<civil_date> {
    if (static_cast<int>(rng() % 100) >= percent) return std::nullopt;
    return today.add_days(-lo_days - static_cast<int>(rng() % static_cast<unsigned>(hi_days - lo_days + 1)));
  };
  const int n = 300;
  std::vector<account_facts> accounts;
  std::vector<std::uint16_t> jcol;
  std::vector<std::int32_t> zcol;
  std::vector<std::uint32_t> fcol;
  for (int i = 0; i < n; ++i) {
    account_facts a;
    const auto j = static_cast<std::uint16_t>(rng() % codes.size());
    a.jurisdiction = codes[j];
    const std::int32_t z = j < 3 ? static_cast<std::int32_t>(rng() % 3) - 1 : 2;  // US rows sometimes without a zone
    if (z >= 0) a.time_zones = {zones[static_cast<std::size_t>(z)]};
    a.type = static_cast<debt_type>(rng() % 4);
    a.opened_on = today.add_days(-4000);
    a.defaulted_on = maybe(90, 30, 3000);
    a.first_delinquency = a.defaulted_on;
    a.validation_notice_sent_on = maybe(70, 1, 400);
    a.cease_requested_on = maybe(10, 0, 60);
    a.bankruptcy_filed_on = maybe(10, 10, 400);
    if (a.bankruptcy_filed_on && rng() % 2) a.bankruptcy_discharged_on = a.bankruptcy_filed_on->add_days(5);
    a.attorney_represented = rng() % 10 == 0;
    a.breathing_space_started_on = j == 3 ? maybe(20, 0, 90) : std::nullopt;
    a.default_notice_served_on = j >= 3 ? maybe(70, 1, 60) : std::nullopt;
    a.letter_of_claim_on = j == 3 ? maybe(70, 1, 60) : std::nullopt;
    std::uint32_t fl = 0;
    if (a.attorney_represented) fl |= gate_fact::attorney_represented;
    accounts.push_back(a);
    jcol.push_back(j);
    zcol.push_back(z);
    fcol.push_back(fl);
  }
  auto column = [&](std::optional<civil_date> account_facts::*m) {
    std::vector<std::int32_t> c;
    for (const auto& a : accounts) c.push_back(serial(a.*m));
    return c;
  };
  std::vector<std::uint8_t> types;
  for (const auto& a : accounts) types.push_back(static_cast<std::uint8_t>(a.type));
  const auto opened = column(&account_facts::opened_on), defaulted = column(&account_facts::defaulted_on),
             fd = column(&account_facts::first_delinquency), vn = column(&account_facts::validation_notice_sent_on),
             cease = column(&account_facts::cease_requested_on), filed = column(&account_facts::bankruptcy_filed_on),
             discharged = column(&account_facts::bankruptcy_discharged_on),
             bs = column(&account_facts::breathing_space_started_on), dn = column(&account_facts::default_notice_served_on),
             loc = column(&account_facts::letter_of_claim_on);
  const std::int64_t at_s = at.time_since_epoch().count();
  gate_columns_in in{.jurisdiction = jcol, .type = types, .at = {&at_s, 1}, .flags = fcol, .zone = zcol};
  in.opened_on = opened;
  in.defaulted_on = defaulted;
  in.first_delinquency = fd;
  in.validation_notice_sent_on = vn;
  in.cease_requested_on = cease;
  in.bankruptcy_filed_on = filed;
  in.bankruptcy_discharged_on = discharged;
  in.breathing_space_started_on = bs;
  in.default_notice_served_on = dn;
  in.letter_of_claim_on = loc;
  std::vector<std::uint8_t> status(n * action_count);
  std::vector<std::int64_t> from(n * action_count);
  std::vector<std::int32_t> reason(n * action_count), required(n * action_count);
  table.evaluate(in, {}, {.status = status, .allowed_from = from, .reason = reason, .required_by = required});

  std::vector<const account_facts*> pointers;
  for (const auto& a : accounts) pointers.push_back(&a);
  std::vector<std::vector<std::uint8_t>> batch_status(action_count, std::vector<std::uint8_t>(n));
  std::vector<std::vector<std::int64_t>> batch_from(action_count, std::vector<std::int64_t>(n));
  for (std::size_t k = 0; k < action_count; ++k)
    permitted_batch(pointers, all_actions[k], at, batch_status[k], batch_from[k]);
  for (int i = 0; i < n; ++i) {
    const auto verdicts = permitted_actions(accounts[static_cast<std::size_t>(i)], at);
    for (std::size_t k = 0; k < action_count; ++k) {
      CHECK(batch_status[k][static_cast<std::size_t>(i)] == static_cast<std::uint8_t>(verdicts[k].status));
      if (verdicts[k].allowed_from) CHECK(batch_from[k][static_cast<std::size_t>(i)] == verdicts[k].allowed_from->time_since_epoch().count());
    }
    for (std::size_t k = 0; k < action_count; ++k) {
      const auto& v = verdicts[k];
      const std::size_t e = static_cast<std::size_t>(i) * action_count + k;
      INFO("row " << i << " " << codes[jcol[static_cast<std::size_t>(i)]] << " " << to_string(v.action) << "\n" << v.explain());
      REQUIRE(status[e] == static_cast<std::uint8_t>(v.status));
      if (v.status == gate_status::allowed_from) CHECK(from[e] == v.allowed_from->time_since_epoch().count());
      if (v.status != gate_status::allowed) {
        REQUIRE_FALSE(v.reasons.empty());
        CHECK(table.rule_ids()[static_cast<std::size_t>(reason[e])] == v.reasons.front().rule().rule_id);
        CHECK(v.rules.front().rule_id == v.reasons.front().rule().rule_id);  // the verdict cites what decided it
      }
      CHECK(required[e] == (v.required_by ? v.required_by->serial() : no_date));
    }
    // Adding a cease request, a bankruptcy filing or an attorney never frees a blocked action.
    auto worse = accounts[static_cast<std::size_t>(i)];
    if (!worse.cease_requested_on) worse.cease_requested_on = today;
    if (!worse.bankruptcy_filed_on) worse.bankruptcy_filed_on = today;
    worse.attorney_represented = true;
    const auto after = permitted_actions(worse, at);
    for (std::size_t k = 0; k < action_count; ++k) {
      if (verdicts[k].status == gate_status::blocked) CHECK(after[k].status == gate_status::blocked);
      if (verdicts[k].status == gate_status::allowed_from && after[k].status == gate_status::allowed_from)
        CHECK(*after[k].allowed_from >= *verdicts[k].allowed_from);
    }
  }
}
