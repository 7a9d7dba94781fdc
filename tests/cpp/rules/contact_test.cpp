// Reg F contact checks: call frequency (7 in 7), the wait after a conversation, convenient hours
// in every candidate zone across DST, state overlays (MA, WA), errors, and the columnar kernel.
#include "recoup/rules/contact.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "../support.hpp"

using recoup::civil_date;
using recoup::test::has_id;
using namespace recoup::rules;
using std::chrono::sys_seconds;

namespace {

/// "2026-03-08 12:00:00" (UTC) as sys_seconds.
sys_seconds utc(const std::string& s) {
  const civil_date d = civil_date::parse(s.substr(0, 10));
  const std::int64_t secs = std::int64_t{d.serial()} * 86400 + std::stoi(s.substr(11, 2)) * 3600 +
                            std::stoi(s.substr(14, 2)) * 60 + std::stoi(s.substr(17, 2));
  return sys_seconds{std::chrono::seconds{secs}};
}

std::int64_t secs(sys_seconds t) { return t.time_since_epoch().count(); }

call_record call(const std::string& at, call_outcome o = call_outcome::unanswered, bool consent = false,
                 number_kind k = number_kind::personal) {
  return call_record{.at = utc(at), .person = 1, .debt = 1, .outcome = o, .excluded_by_consent = consent, .number = k};
}

contact_request ask(const std::string& at, std::vector<std::string> zones = {"America/New_York"},
                    std::string jurisdiction = "US", number_kind k = number_kind::personal) {
  return contact_request{.at = utc(at), .time_zones = std::move(zones), .jurisdiction = std::move(jurisdiction), .number = k};
}

bool has_reason(const contact_verdict& v, contact_block b) {
  return std::any_of(v.reasons.begin(), v.reasons.end(), [&](const contact_reason& r) { return r.kind == b; });
}

}  // namespace

TEST_CASE("T-RF-4: the 8th counted call within 7 consecutive days is presumed a violation", "[contact][regf]") {
  // Catalogue section 6, T-RF-4: calls on days 1,1,2,3,4,5,6 (7 in days 1-7). Days 1..8 are
  // 2026-04-06..13 in New York (EDT, UTC-4); 14:00 UTC is 10:00 local.
  std::vector<call_record> log = {
      call("2026-04-06 14:00:00"), call("2026-04-06 15:00:00", call_outcome::voicemail),
      call("2026-04-07 14:00:00"), call("2026-04-08 14:00:00"), call("2026-04-09 14:00:00"),
      call("2026-04-10 14:00:00", call_outcome::voicemail), call("2026-04-11 14:00:00"),
      // busy signals and numbers not in service do not count
      call("2026-04-11 15:00:00", call_outcome::not_connected), call("2026-04-12 13:00:00", call_outcome::not_connected)};

  SECTION("an 8th call on day 7 is blocked, with the window's 7 calls listed") {
    const auto v = may_call(log, ask("2026-04-12 14:00:00"));
    REQUIRE_FALSE(v.allowed);
    REQUIRE(v.reasons.size() == 1);
    const auto& r = v.reasons.front();
    CHECK(r.kind == contact_block::call_frequency);
    CHECK(r.rule_id == "contact.calls_per_window");
    CHECK(r.jurisdiction == "US");
    CHECK(r.calls.size() == 7);
    CHECK(r.window_from == civil_date::parse("2026-04-06"));
    CHECK(r.window_to == civil_date::parse("2026-04-12"));
    CHECK(r.blocked_through == civil_date::parse("2026-04-12"));
    CHECK(r.message.find("would be number 8") != std::string::npos);
    // the first instant of day 8 inside the hours: 08:00 EDT = 12:00 UTC
    REQUIRE(v.next_allowed);
    CHECK(*v.next_allowed == utc("2026-04-13 12:00:00"));
    CHECK(v.main_rule().rule_id == "contact.calls_per_window");
    CHECK(v.main_rule().citation.find("1006.14(b)(2)(i)(A)") != std::string::npos);
    CHECK(v.explain().find("Not allowed (call_frequency)") != std::string::npos);
  }
  SECTION("day 8: one call leaves days 2-8 at 6, a second makes 7, a third would make 8") {
    auto v = may_call(log, ask("2026-04-13 14:00:00"));
    CHECK(v.allowed);
    CHECK(v.next_allowed == utc("2026-04-13 14:00:00"));
    log.push_back(call("2026-04-13 14:00:00"));
    v = may_call(log, ask("2026-04-13 15:00:00"));
    CHECK(v.allowed);
    log.push_back(call("2026-04-13 15:00:00"));
    v = may_call(log, ask("2026-04-13 16:00:00"));
    CHECK_FALSE(v.allowed);
    REQUIRE(v.reasons.size() == 1);
    CHECK(v.reasons.front().window_from == civil_date::parse("2026-04-07"));
    // day 9 drops day 2's call: allowed at 08:00 EDT on 2026-04-14
    CHECK(v.next_allowed == utc("2026-04-14 12:00:00"));
  }
  SECTION("the log may come in any order") {
    std::vector<call_record> shuffled(log.rbegin(), log.rend());
    const auto a = may_call(log, ask("2026-04-12 14:00:00"));
    const auto b = may_call(shuffled, ask("2026-04-12 14:00:00"));
    CHECK(a.allowed == b.allowed);
    CHECK(a.next_allowed == b.next_allowed);
    CHECK(a.reasons.front().calls == b.reasons.front().calls);
  }
  SECTION("a call placed with consent is excluded, and consented calls in the log do not count") {
    contact_request r = ask("2026-04-12 14:00:00");
    r.with_consent = true;
    CHECK(may_call(log, r).allowed);
    for (auto& c : log) c.excluded_by_consent = c.at < utc("2026-04-08 00:00:00");
    CHECK(may_call(log, ask("2026-04-12 14:00:00")).allowed);
  }
}

TEST_CASE("a conversation on day D blocks calls through D+6; D+7 is the first permitted day", "[contact][regf]") {
  const std::vector<call_record> log = {call("2026-04-06 14:00:00", call_outcome::connected_conversation)};
  SECTION("later the same day, and on D+6, blocked; D+7 at 08:00 local allowed") {
    const auto v = may_call(log, ask("2026-04-06 19:00:00"));
    REQUIRE_FALSE(v.allowed);
    REQUIRE(v.reasons.size() == 1);
    const auto& r = v.reasons.front();
    CHECK(r.kind == contact_block::post_conversation_wait);
    CHECK(r.rule_id == "contact.post_conversation_wait_days");
    CHECK(r.conversation_on == civil_date::parse("2026-04-06"));
    CHECK(r.blocked_through == civil_date::parse("2026-04-12"));
    CHECK(r.message.find("first permitted day is 2026-04-13") != std::string::npos);
    CHECK(v.next_allowed == utc("2026-04-13 12:00:00"));
    CHECK(v.main_rule().citation.find("1006.14(b)(2)(i)(B)") != std::string::npos);
    CHECK_FALSE(may_call(log, ask("2026-04-12 20:00:00")).allowed);
    CHECK(may_call(log, ask("2026-04-13 12:00:00")).allowed);
  }
  SECTION("a voicemail is not a conversation") {
    const std::vector<call_record> vm = {call("2026-04-06 14:00:00", call_outcome::voicemail)};
    CHECK(may_call(vm, ask("2026-04-06 19:00:00")).allowed);
  }
  SECTION("a conversation during a consented (excluded) call does not start the wait") {
    const std::vector<call_record> c = {call("2026-04-06 14:00:00", call_outcome::connected_conversation, true)};
    CHECK(may_call(c, ask("2026-04-07 14:00:00")).allowed);
  }
  SECTION("days are local: 23:30 EDT on D is still D") {
    const std::vector<call_record> late = {call("2026-04-07 03:30:00", call_outcome::connected_conversation)};
    CHECK(may_call(late, ask("2026-04-12 20:00:00")).reasons.front().conversation_on == civil_date::parse("2026-04-06"));
    CHECK(may_call(late, ask("2026-04-13 12:00:00")).allowed);
  }
}

TEST_CASE("hours are 08:00-21:00 local across the New York DST changes of 2026", "[contact][hours][dst]") {
  SECTION("spring forward, Sunday 2026-03-08 (EST to EDT at 02:00)") {
    auto v = may_call({}, ask("2026-03-08 11:30:00"));  // 07:30 EDT
    REQUIRE_FALSE(v.allowed);
    REQUIRE(v.reasons.size() == 1);
    CHECK(v.reasons.front().kind == contact_block::inconvenient_time);
    CHECK(v.reasons.front().rule_id == "contact.earliest_local_time");
    CHECK(v.reasons.front().time_zone == "America/New_York");
    CHECK(v.reasons.front().local_time == "07:30:00 EDT");
    CHECK(v.next_allowed == utc("2026-03-08 12:00:00"));  // 08:00 EDT
    CHECK(may_call({}, ask("2026-03-08 12:30:00")).allowed);                             // 08:30 EDT
    CHECK(may_call({}, ask("2026-03-07 12:30:00")).next_allowed == utc("2026-03-07 13:00:00"));  // 08:00 EST
    CHECK(may_call({}, ask("2026-03-09 00:59:59")).allowed);                             // 20:59:59 EDT
    v = may_call({}, ask("2026-03-09 01:00:00"));                                        // 21:00 EDT
    CHECK_FALSE(v.allowed);
    CHECK(v.reasons.front().rule_id == "contact.latest_local_time");
    CHECK(v.next_allowed == utc("2026-03-09 12:00:00"));
    // the evening before the change: 21:00 EST is 02:00 UTC
    CHECK(may_call({}, ask("2026-03-08 01:59:59")).allowed);
    CHECK(may_call({}, ask("2026-03-08 02:00:00")).next_allowed == utc("2026-03-08 12:00:00"));
  }
  SECTION("fall back, Sunday 2026-11-01 (EDT to EST at 02:00)") {
    CHECK(may_call({}, ask("2026-10-31 12:00:00")).allowed);                             // 08:00 EDT
    const auto v = may_call({}, ask("2026-11-01 12:30:00"));                             // 07:30 EST
    REQUIRE_FALSE(v.allowed);
    CHECK(v.reasons.front().local_time == "07:30:00 EST");
    CHECK(v.next_allowed == utc("2026-11-01 13:00:00"));
    CHECK(may_call({}, ask("2026-11-02 01:59:59")).allowed);                             // 20:59:59 EST
    CHECK(may_call({}, ask("2026-11-02 02:00:00")).next_allowed == utc("2026-11-02 13:00:00"));
    // before the change, 21:00 EDT is 01:00 UTC
    CHECK(may_call({}, ask("2026-11-01 00:59:59")).allowed);
    CHECK(may_call({}, ask("2026-11-01 01:00:00")).next_allowed == utc("2026-11-01 13:00:00"));
  }
}

TEST_CASE("waits and windows count local days across a DST change", "[contact][dst]") {
  // a conversation on Saturday 2026-03-07 (EST): blocked through Friday 03-13, then 08:00 EDT
  const std::vector<call_record> talk = {call("2026-03-07 15:00:00", call_outcome::connected_conversation)};
  CHECK(may_call(talk, ask("2026-03-08 15:00:00")).next_allowed == utc("2026-03-14 12:00:00"));
  CHECK_FALSE(may_call(talk, ask("2026-03-14 00:59:59")).allowed);  // 20:59:59 EDT on 03-13
  // seven calls up to Saturday 2026-10-31 (EDT): the 8th waits for 11-02 at 08:00 EST
  std::vector<call_record> log;
  for (int d = 26; d <= 31; ++d) log.push_back(call("2026-10-" + std::to_string(d) + " 13:00:00"));
  log.push_back(call("2026-10-31 14:00:00"));
  CHECK(may_call(log, ask("2026-11-01 14:00:00")).next_allowed == utc("2026-11-02 13:00:00"));
}

TEST_CASE("with several candidate zones the call must be inside the hours in every one", "[contact][hours]") {
  const std::vector<std::string> both = {"America/New_York", "America/Los_Angeles"};
  SECTION("Los Angeles + New York: 11:00-21:00 Eastern") {
    auto v = may_call({}, ask("2026-06-10 14:00:00", both));  // 10:00 EDT, 07:00 PDT
    REQUIRE_FALSE(v.allowed);
    REQUIRE(v.reasons.size() == 1);
    CHECK(v.reasons.front().time_zone == "America/Los_Angeles");
    CHECK(v.reasons.front().local_time == "07:00:00 PDT");
    CHECK(v.next_allowed == utc("2026-06-10 15:00:00"));  // 11:00 EDT = 08:00 PDT
    CHECK_FALSE(may_call({}, ask("2026-06-10 14:59:59", both)).allowed);
    CHECK(may_call({}, ask("2026-06-11 00:59:59", both)).allowed);  // 20:59:59 EDT
    v = may_call({}, ask("2026-06-11 01:00:00", both));               // 21:00 EDT, 18:00 PDT
    CHECK(v.reasons.front().time_zone == "America/New_York");
    CHECK(v.next_allowed == utc("2026-06-11 15:00:00"));
  }
  SECTION("zones with no common hour: never allowed, and the search ends") {
    // two 13-hour windows always overlap somewhere on the clock; three 8 hours apart do not
    const auto v = may_call({}, ask("2026-06-10 14:00:00", {"Asia/Shanghai", "Europe/London", "America/Los_Angeles"}));
    CHECK_FALSE(v.allowed);
    CHECK_FALSE(v.next_allowed);
    CHECK(v.explain().find("share no convenient hour") != std::string::npos);
  }
}

TEST_CASE("next_allowed searches across windows, waits and hours together", "[contact]") {
  // 7 calls by Friday evening, a conversation on Saturday at 20:30 EDT: the frequency frees day
  // 2026-04-13 but the wait holds until 2026-04-18 (Sat + 7), at 08:00 local.
  std::vector<call_record> log;
  for (int d = 6; d <= 10; ++d) log.push_back(call("2026-04-" + std::string(d < 10 ? "0" : "") + std::to_string(d) + " 14:00:00"));
  log.push_back(call("2026-04-10 20:00:00"));
  log.push_back(call("2026-04-12 00:30:00", call_outcome::connected_conversation));  // Sat 20:30 EDT
  const auto v = may_call(log, ask("2026-04-12 01:30:00"));  // Sat 21:30 EDT
  CHECK_FALSE(v.allowed);
  CHECK(has_reason(v, contact_block::call_frequency));
  CHECK(has_reason(v, contact_block::post_conversation_wait));
  CHECK(has_reason(v, contact_block::inconvenient_time));
  CHECK(v.next_allowed == utc("2026-04-18 12:00:00"));
  CHECK(v.main_rule().rule_id == "contact.latest_local_time");
}

TEST_CASE("Massachusetts: 2 calls in 7 days to personal numbers, 2 in 30 days to others", "[contact][state]") {
  SECTION("a third personal call in 7 days is blocked in US-MA, not federally") {
    const std::vector<call_record> log = {call("2026-04-06 14:00:00"), call("2026-04-08 14:00:00")};
    CHECK(may_call(log, ask("2026-04-10 14:00:00")).allowed);
    const auto v = may_call(log, ask("2026-04-10 14:00:00", {"America/New_York"}, "US-MA"));
    REQUIRE_FALSE(v.allowed);
    REQUIRE(v.reasons.size() == 1);
    CHECK(v.reasons.front().jurisdiction == "US-MA");
    CHECK(v.reasons.front().message.find("over the state limit") != std::string::npos);
    CHECK(v.main_rule().citation.find("209 CMR 18.16(1)(d)") != std::string::npos);
    CHECK(v.next_allowed == utc("2026-04-13 12:00:00"));  // days 04-07..04-13 hold one call
    // a call to a work number is under the other limit
    CHECK(may_call(log, ask("2026-04-10 14:00:00", {"America/New_York"}, "US-MA", number_kind::other)).allowed);
  }
  SECTION("other numbers: calls on days 1 and 10 fill every 30-day window through day 30") {
    const std::vector<call_record> log = {call("2026-04-01 14:00:00", call_outcome::unanswered, false, number_kind::other),
                                          call("2026-04-10 14:00:00", call_outcome::voicemail, false, number_kind::other)};
    const auto v = may_call(log, ask("2026-04-20 14:00:00", {"America/New_York"}, "US-MA", number_kind::other));
    REQUIRE_FALSE(v.allowed);
    CHECK(v.reasons.front().rule_id == "contact.other_number_calls_per_window");
    CHECK(v.reasons.front().blocked_through == civil_date::parse("2026-04-30"));
    CHECK(v.next_allowed == utc("2026-05-01 12:00:00"));  // days 05-01 back to 04-02 hold one call
    CHECK(may_call(log, ask("2026-04-20 14:00:00", {"America/New_York"}, "US-MA")).allowed);
  }
}

TEST_CASE("Washington: 3 communications a week; the federal 08:00 beats 07:30", "[contact][state]") {
  const std::vector<call_record> log = {call("2026-04-06 16:00:00"), call("2026-04-07 16:00:00"),
                                        call("2026-04-08 16:00:00")};
  const std::vector<std::string> seattle = {"America/Los_Angeles"};
  CHECK(may_call(log, ask("2026-04-09 16:00:00", seattle)).allowed);
  const auto v = may_call(log, ask("2026-04-09 16:00:00", seattle, "US-WA"));
  REQUIRE_FALSE(v.allowed);
  CHECK(v.reasons.front().jurisdiction == "US-WA");
  CHECK(v.next_allowed == utc("2026-04-13 15:00:00"));  // 08:00 PDT on the day the 04-06 call drops out
  const auto early = may_call({}, ask("2026-04-09 14:45:00", seattle, "US-WA"));  // 07:45 PDT
  CHECK_FALSE(early.allowed);
  CHECK(early.reasons.front().jurisdiction == "US");
  CHECK(early.earliest_local_time == "08:00");
  const bool cites_wa_hour = std::any_of(early.rules.begin(), early.rules.end(), [](const rule_reference& r) {
    return r.jurisdiction == "US-WA" && r.rule_id == "contact.earliest_local_time";
  });
  CHECK(cites_wa_hour);
}

TEST_CASE("contact errors name the bad value", "[contact][errors]") {
  using Catch::Matchers::Contains;
  CHECK_THROWS_MATCHES(may_call({}, ask("2026-04-06 14:00:00", {"America/New_Yrok"})), recoup::invalid_input_error,
                       has_id("contact.unknown_time_zone", "America/New_Yrok"));
  CHECK_THROWS_MATCHES(may_call({}, ask("2026-04-06 14:00:00", {"America/New_York", "Mars/Olympus"})),
                       recoup::invalid_input_error, has_id("contact.unknown_time_zone", "Mars/Olympus"));
  CHECK_THROWS_MATCHES(may_call({}, ask("2026-04-06 14:00:00", {})), recoup::invalid_input_error,
                       has_id("contact.no_time_zone"));
  CHECK_THROWS_MATCHES(may_call({}, ask("2026-04-06 14:00:00", {"Europe/London"}, "GB")),
                       recoup::unknown_jurisdiction_error, has_id("contact.jurisdiction", "'GB'"));
  std::vector<call_record> mixed = {call("2026-04-06 14:00:00"), call("2026-04-07 14:00:00")};
  mixed[1].debt = 2;
  CHECK_THROWS_MATCHES(may_call(mixed, ask("2026-04-08 14:00:00")), recoup::invalid_input_error,
                       has_id("contact.mixed_log", "debt 2"));
  auto r = ask("2026-04-06 14:00:00");
  r.search_days = 0;
  CHECK_THROWS_MATCHES(may_call({}, r), recoup::invalid_input_error, has_id("contact.search_days"));
  CHECK_THROWS_MATCHES(parse_call_outcome("busy"), recoup::invalid_input_error, has_id("contact.outcome", "busy"));
  CHECK_THROWS_MATCHES(parse_number_kind("work"), recoup::invalid_input_error, has_id("contact.number_kind", "work"));
  // Reg F's figures are in force from 2021-11-30 only
  CHECK_THROWS_AS(may_call({}, ask("2020-04-06 14:00:00")), recoup::rule_not_in_force_error);
}

TEST_CASE("check_call_log flags each call of a whole log, in the caller's order", "[contact][batch]") {
  // person 7 / debt 1: T-RF-4 plus an 8th call on day 7; person 7 / debt 2 and person 8: a
  // conversation, a call inside the wait, a call at 22:00 local. Rows shuffled.
  struct row {
    std::int64_t person, debt;
    std::string at;
    call_outcome o;
    std::uint8_t expect;
  };
  using namespace recoup::rules::call_flag;
  const std::vector<row> rows = {
      {7, 1, "2026-04-12 14:00:00", call_outcome::unanswered, counted | over_limit},
      {8, 1, "2026-04-06 14:00:00", call_outcome::connected_conversation, counted},
      {7, 1, "2026-04-06 14:00:00", call_outcome::unanswered, counted},
      {7, 1, "2026-04-06 15:00:00", call_outcome::voicemail, counted},
      {7, 1, "2026-04-07 14:00:00", call_outcome::unanswered, counted},
      {8, 1, "2026-04-12 20:00:00", call_outcome::unanswered, counted | in_wait},
      {7, 1, "2026-04-08 14:00:00", call_outcome::unanswered, counted},
      {7, 1, "2026-04-09 14:00:00", call_outcome::unanswered, counted},
      {7, 2, "2026-04-10 02:00:00", call_outcome::unanswered, counted | outside_hours},  // 22:00 EDT
      {7, 1, "2026-04-10 14:00:00", call_outcome::not_connected, 0},
      {7, 1, "2026-04-10 15:00:00", call_outcome::unanswered, counted},
      {7, 1, "2026-04-11 14:00:00", call_outcome::unanswered, counted},
      {8, 1, "2026-04-13 12:00:00", call_outcome::unanswered, counted},
  };
  std::vector<std::int64_t> person, debt, t;
  std::vector<std::uint8_t> outcome;
  for (const auto& r : rows) {
    person.push_back(r.person);
    debt.push_back(r.debt);
    t.push_back(secs(utc(r.at)));
    outcome.push_back(static_cast<std::uint8_t>(r.o));
  }
  std::vector<std::uint8_t> flags(rows.size());
  std::vector<std::int32_t> count(rows.size());
  const call_log_columns cols{.person = person, .debt = debt, .utc_seconds = t, .outcome = outcome};
  const call_log_options opts{.time_zones = {"America/New_York"}};
  check_call_log(cols, opts, flags, count);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    INFO("row " << i << " " << rows[i].at);
    CHECK(static_cast<int>(flags[i]) == static_cast<int>(rows[i].expect));
  }
  CHECK(count[0] == 8);
  CHECK(count[9] == 0);

  SECTION("a state overlay flags its own limit") {
    const call_log_options ma{.time_zones = {"America/New_York"}, .jurisdiction = "US-MA"};
    check_call_log(cols, ma, flags);
    CHECK((flags[3] & over_state_limit) == 0);  // second personal call in 7 days (04-06)
    CHECK((flags[4] & over_state_limit) != 0);  // third (04-07)
    CHECK((flags[0] & over_limit) != 0);        // the federal flag is unchanged
  }
  SECTION("shapes and codes are checked") {
    std::vector<std::uint8_t> short_flags(2);
    CHECK_THROWS_MATCHES(check_call_log(cols, opts, short_flags), recoup::invalid_input_error,
                         has_id("contact.batch_shape", "flags"));
    auto bad = outcome;
    bad[3] = 9;
    CHECK_THROWS_MATCHES(check_call_log({.person = person, .debt = debt, .utc_seconds = t, .outcome = bad}, opts, flags),
                         recoup::invalid_input_error, has_id("contact.outcome", "row 3"));
    const std::vector<std::int32_t> zone(rows.size(), 1);
    CHECK_THROWS_MATCHES(
        check_call_log({.person = person, .debt = debt, .utc_seconds = t, .outcome = outcome, .zone = zone}, opts, flags),
        recoup::invalid_input_error, has_id("contact.batch_shape", "zone index 1"));
  }
}

TEST_CASE("a dialer that follows next_allowed never breaks the limits", "[contact][property]") {
  std::mt19937_64 rng(20261123);
  for (const char* jurisdiction : {"US", "US-MA", "US-WA"}) {
    std::vector<call_record> log;
    sys_seconds t = utc("2026-03-01 03:17:00");
    const std::vector<std::string> zones = {"America/Chicago", "America/New_York"};
    for (int i = 0; i < 120; ++i) {
      contact_request r{.at = t, .time_zones = zones, .jurisdiction = jurisdiction};
      auto v = may_call(log, r);
      if (!v.allowed) {
        REQUIRE(v.next_allowed);
        REQUIRE(*v.next_allowed >= t);
        r.at = *v.next_allowed;
        v = may_call(log, r);
        REQUIRE(v.allowed);
      }
      const auto o = static_cast<call_outcome>(rng() % 4);
      log.push_back(call_record{.at = r.at, .person = 1, .debt = 1, .outcome = o});
      t = r.at + std::chrono::seconds{static_cast<std::int64_t>(rng() % (30 * 3600))};
    }
    std::vector<std::int64_t> p(log.size(), 1), d(log.size(), 1), ts;
    std::vector<std::uint8_t> oc;
    std::vector<std::int32_t> zone(log.size(), 0);  // each zone in turn: allowed calls fit both
    for (const auto& c : log) {
      ts.push_back(secs(c.at));
      oc.push_back(static_cast<std::uint8_t>(c.outcome));
    }
    std::vector<std::uint8_t> flags(log.size());
    for (std::int32_t z : {0, 1}) {
      std::fill(zone.begin(), zone.end(), z);
      check_call_log({.person = p, .debt = d, .utc_seconds = ts, .outcome = oc, .zone = zone},
                     {.time_zones = zones, .jurisdiction = jurisdiction}, flags);
      for (std::size_t i = 0; i < flags.size(); ++i) {
        INFO(jurisdiction << " zone " << z << " call " << i);
        CHECK((flags[i] & (call_flag::over_limit | call_flag::over_state_limit | call_flag::outside_hours |
                           call_flag::in_wait)) == 0);
      }
    }
  }
}

TEST_CASE("times outside the years 0001..9999 are refused, naming the row", "[contact][errors]") {
  const std::vector<std::int64_t> one = {1}, t = {std::numeric_limits<std::int64_t>::min()};
  const std::vector<std::uint8_t> oc = {1};
  std::vector<std::uint8_t> flags(1);
  CHECK_THROWS_MATCHES(check_call_log({.person = one, .debt = one, .utc_seconds = t, .outcome = oc},
                                      {.time_zones = {"America/New_York"}}, flags),
                       recoup::invalid_input_error, has_id("contact.time", "row 0"));
  const contact_request r{.at = sys_seconds{std::chrono::seconds{std::numeric_limits<std::int64_t>::max()}},
                          .time_zones = {"America/New_York"}};
  CHECK_THROWS_MATCHES(may_call({}, r), recoup::invalid_input_error, has_id("contact.time", "proposed time"));
}

TEST_CASE("a user pack overrides the figures, and a bad parameter is named", "[contact][pack]") {
  auto book = rule_book::with_defaults();
  book.load_text(R"(schema = 1
[pack]
id = "acme-contact"
title = "ACME house limits"
reviewed = 2026-11-23

[[rule]]
id = "contact.calls_per_window"
jurisdiction = "US-NY"
effective_from = 2021-11-30
value = 1
unit = "calls"
citation = "ACME policy 4.2"
certainty = "verified"
[rule.params]
counts = "communications"

[[rule]]
id = "contact.window_days"
jurisdiction = "US-NY"
effective_from = 2021-11-30
value = 2
unit = "days"
citation = "ACME policy 4.2"
certainty = "verified"
)",
                 "acme.toml");
  // an unanswered call does not count under "communications"; a voicemail does
  const std::vector<call_record> rang = {call("2026-04-06 14:00:00")};
  const std::vector<call_record> left_message = {call("2026-04-06 14:00:00", call_outcome::voicemail)};
  const auto req = ask("2026-04-07 14:00:00", {"America/New_York"}, "US-NY");
  CHECK(may_call(rang, req, book).allowed);
  const auto v = may_call(left_message, req, book);
  REQUIRE_FALSE(v.allowed);
  CHECK(v.main_rule().citation == "ACME policy 4.2");
  CHECK(v.next_allowed == utc("2026-04-08 12:00:00"));

  auto bad = rule_book::with_defaults();
  bad.load_text(R"(schema = 1
[pack]
id = "bad-contact"
title = "bad"
reviewed = 2026-11-23

[[rule]]
id = "contact.calls_per_window"
jurisdiction = "US-NY"
effective_from = 2021-11-30
value = 1
unit = "calls"
citation = "x"
certainty = "verified"
[rule.params]
number_kind = "work"
)",
                "bad.toml");
  CHECK_THROWS_MATCHES(may_call({}, req, bad), recoup::rule_pack_error,
                       has_id("contact.rule_param", "not contact.window_days for US-NY"));
  bad.load_text(R"(schema = 1
[pack]
id = "bad-window"
title = "bad"
reviewed = 2026-11-23

[[rule]]
id = "contact.window_days"
jurisdiction = "US-NY"
effective_from = 2021-11-30
value = 7
unit = "days"
citation = "x"
certainty = "verified"
)",
                "bad-window.toml");
  CHECK_THROWS_MATCHES(may_call({}, req, bad), recoup::rule_pack_error, has_id("contact.rule_param", "number_kind"));
}

TEST_CASE("explain = false gives the explained verdict without its text", "[contact][property]") {
  std::mt19937_64 rng(7);
  for (const char* jurisdiction : {"US", "US-MA", "US-WA"}) {
    std::vector<call_record> log;
    sys_seconds t = utc("2026-03-05 02:00:00");  // across the DST change of 2026-03-08
    for (int i = 0; i < 150; ++i) {
      const auto o = static_cast<call_outcome>(rng() % 4);
      log.push_back(call_record{.at = t, .person = 1, .debt = 1, .outcome = o, .excluded_by_consent = rng() % 9 == 0});
      t += std::chrono::seconds{static_cast<std::int64_t>(rng() % (20 * 3600))};
      for (const bool consent : {false, true}) {
        contact_request r{.at = t + std::chrono::seconds{static_cast<std::int64_t>(rng() % 86400)},
                          .time_zones = {"America/Los_Angeles", "America/New_York"},
                          .jurisdiction = jurisdiction,
                          .number = rng() % 3 == 0 ? number_kind::other : number_kind::personal,
                          .with_consent = consent};
        const auto full = may_call(log, r);
        r.explain = false;
        const auto bare = may_call(log, r);
        INFO(jurisdiction << " call " << i << "\n" << full.explain());
        CHECK(bare.allowed == full.allowed);
        CHECK(bare.next_allowed == full.next_allowed);
        REQUIRE(bare.reasons.size() == full.reasons.size());
        for (std::size_t k = 0; k < full.reasons.size(); ++k) {
          CHECK(bare.reasons[k].kind == full.reasons[k].kind);
          CHECK(bare.reasons[k].rule_id == full.reasons[k].rule_id);
          CHECK(bare.reasons[k].message.empty());
        }
        CHECK(bare.steps.empty());
        CHECK(bare.rules.empty());
      }
    }
  }
}
