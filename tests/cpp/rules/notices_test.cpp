// Notice periods, FCRA obsolescence, Breathing Space, the Pre-Action Protocol and the Form 1099-C
// trigger: each case names the rule or worked example it exercises (regulations.md §1.1, 1.2, 1.5,
// 3.3, 3.5, 3.8 and §6).
#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <vector>

#include "../support.hpp"
#include "recoup/rules/breathing_space.hpp"
#include "recoup/rules/credit_reporting.hpp"
#include "recoup/rules/default_notice.hpp"
#include "recoup/rules/notices.hpp"
#include "recoup/rules/pre_action.hpp"
#include "recoup/rules/tax_reporting.hpp"

using namespace recoup;
using namespace recoup::rules;
using recoup::test::has_id;

namespace {
civil_date d(const char* text) { return civil_date::parse(text); }
money m(const char* text) { return money::parse(text); }
constexpr auto skip = observed_holidays::skip;
constexpr auto count = observed_holidays::count;
}  // namespace

TEST_CASE("Reg F validation period: worked examples and holiday edges", "[notices][regf]") {
  struct row {
    const char* provided;
    observed_holidays observed;
    const char* receipt;
    const char* end;
    const char* source;
  };
  const row rows[] = {
      {"2026-09-04", skip, "2026-09-14", "2026-10-14", "T-RF-1 (regulations.md §6): Sat 5, Sun 6, Labor Day 7 Sep skipped"},
      {"2026-09-04", count, "2026-09-14", "2026-10-14", "T-RF-1: Labor Day is a 6103(a) holiday on its own date"},
      {"2022-12-21", skip, "2022-12-29", "2023-01-28", "Christmas 2022 on a Sunday, observed Mon 26 Dec: skipped"},
      {"2022-12-21", count, "2022-12-28", "2023-01-27", "literal 6103(a): Mon 26 Dec counts"},
      {"2022-12-28", skip, "2023-01-05", "2023-02-04", "New Year 2023 on a Sunday, observed Mon 2 Jan: skipped"},
      {"2022-12-28", count, "2023-01-04", "2023-02-03", "literal 6103(a): Mon 2 Jan counts"},
      {"2022-12-23", skip, "2023-01-03", "2023-02-02", "across both observed days (T-RF-3 shape: one day later per observed day)"},
      {"2022-12-23", count, "2022-12-30", "2023-01-29", "literal reading across both"},
      {"2022-06-15", skip, "2022-06-23", "2022-07-23", "Juneteenth 2022 on a Sunday, observed Mon 20 June: skipped"},
      {"2022-06-15", count, "2022-06-22", "2022-07-22", "literal: Mon 20 June 2022 counts"},
      {"2023-06-16", skip, "2023-06-26", "2023-07-26", "Juneteenth 2023 on Monday 19 June: a holiday on its own date"},
      {"2023-06-16", count, "2023-06-26", "2023-07-26", "Juneteenth 2023: same under both readings"},
  };
  for (const auto& r : rows) {
    INFO(r.source);
    const auto v = validation_period_end(d(r.provided), r.observed);
    CHECK(v.provided_on == d(r.provided));
    CHECK(v.assumed_receipt == d(r.receipt));
    CHECK(v.date == d(r.end));
    CHECK(v.observed == r.observed);
  }

  SECTION("the default choice comes from the pack (skip) and the verdict names both rules") {
    const auto v = validation_period_end(d("2022-12-21"));
    CHECK(v.observed == skip);
    CHECK(v.date == d("2023-01-28"));
    REQUIRE(v.rules.size() == 2);
    CHECK(v.main_rule().rule_id == "regf.validation_receipt_days");
    CHECK(v.rules[1].rule_id == "regf.validation_period_days");
    CHECK_THAT(v.main_rule().citation, Catch::Contains("1006.34(b)(5)"));
    CHECK(v.skipped == std::vector<civil_date>{d("2022-12-24"), d("2022-12-25"), d("2022-12-26")});
    CHECK_THAT(v.explain(), Catch::Contains("2022-12-26 (Christmas Day (observed))") &&
                                Catch::Contains("assumed receipt 2022-12-29 (Thursday)") && Catch::Contains("secondary"));
  }
  SECTION("Juneteenth before 2021 is an ordinary day (asked as of a date Reg F is in force)") {
    const auto v = validation_period_end(d("2020-06-17"), skip, d("2021-11-30"));
    CHECK(v.assumed_receipt == d("2020-06-24"));  // Fri 19 June 2020 counted
  }
  SECTION("before Regulation F (30 Nov 2021) the rule is not in force") {
    CHECK_THROWS_MATCHES(validation_period_end(d("2021-11-29")), rule_not_in_force_error,
                         has_id("rules.not_in_force", "regf.validation_receipt_days"));
    CHECK(validation_period_end(d("2021-11-30")).assumed_receipt == d("2021-12-07"));
  }
  SECTION("a user calendar can be passed") {
    const auto cal = calendar::get("US");
    CHECK(validation_period_end(d("2026-09-04"), cal, count).date == d("2026-10-14"));
  }
  SECTION("option names round-trip and unknown names are refused") {
    CHECK(parse_observed_holidays("count") == count);
    CHECK(to_string(skip) == "skip");
    CHECK_THROWS_MATCHES(parse_observed_holidays("maybe"), invalid_input_error, has_id("notices.unknown_option", "skip, count"));
  }
}

TEST_CASE("Reg F validation notice within five days after the initial communication", "[notices][regf]") {
  const auto v = validation_notice_due(d("2026-09-04"));
  CHECK(v.date == d("2026-09-09"));  // calendar days, the day after is day 1
  CHECK(v.main_rule().rule_id == "regf.validation_notice_days");
  CHECK(v.main_rule().sureness == certainty::verified);
}

TEST_CASE("Reg F passive collection: 14 consecutive days before furnishing", "[notices][regf]") {
  SECTION("conservative reading (the pack default): furnish from sent + 15") {
    const auto v = passive_collection_earliest_furnishing(d("2026-03-02"));
    CHECK(v.reading == furnishing_reading::conservative);
    CHECK(v.wait_ends_on == d("2026-03-16"));
    REQUIRE(v.date);
    CHECK(*v.date == d("2026-03-17"));
    CHECK_FALSE(v.blocked);
  }
  SECTION("literal reading: the mailing day is day 1, furnish from sent + 14") {
    const auto v = passive_collection_earliest_furnishing(d("2026-03-02"), {}, furnishing_reading::literal);
    CHECK(v.wait_ends_on == d("2026-03-15"));
    CHECK(*v.date == d("2026-03-16"));
  }
  SECTION("a notice of undeliverability within the wait blocks furnishing") {
    for (const char* on : {"2026-03-02", "2026-03-10", "2026-03-16"}) {
      INFO(on);
      const auto v = passive_collection_earliest_furnishing(d("2026-03-02"), d(on));
      CHECK(v.blocked);
      CHECK_FALSE(v.date);
      CHECK_THAT(v.explain(), Catch::Contains("do not furnish"));
    }
    const auto late = passive_collection_earliest_furnishing(d("2026-03-02"), d("2026-03-17"));
    CHECK_FALSE(late.blocked);
    CHECK(*late.date == d("2026-03-17"));
  }
  SECTION("a notice dated before sending is refused") {
    CHECK_THROWS_MATCHES(passive_collection_earliest_furnishing(d("2026-03-02"), d("2026-03-01")), invalid_input_error,
                         has_id("notices.date_order", "undeliverable_notice_on 2026-03-01 is before sent_on 2026-03-02"));
  }
}

TEST_CASE("FCRA obsolescence: DOFD + 180 days, then 7 years", "[notices][fcra]") {
  SECTION("a worked example: DOFD is day 1 of the 180") {
    const auto v = credit_reporting_obsolete_on(d("2020-01-15"));
    CHECK(v.clock_start == d("2020-07-13"));
    CHECK(v.date == d("2027-07-13"));
    CHECK(v.last_reportable_day == d("2027-07-12"));
    CHECK(v.main_rule().rule_id == "fcra.obsolescence_years");
    CHECK_THAT(v.main_rule().citation, Catch::Contains("1681c(a)(4)"));
    CHECK_THAT(v.explain(), Catch::Contains("expires at the end of 2020-07-12"));
  }
  SECTION("a clock start on 29 February lands on 28 February seven years later") {
    const auto v = credit_reporting_obsolete_on(d("2019-09-02"));
    CHECK(v.clock_start == d("2020-02-29"));
    CHECK(v.date == d("2027-02-28"));
  }
  SECTION("items added from 29 Dec 1997 only") {
    CHECK(credit_reporting_obsolete_on(d("1997-12-29")).date == d("2005-06-27"));
    CHECK_THROWS_MATCHES(credit_reporting_obsolete_on(d("1997-12-28")), invalid_input_error,
                         has_id("notices.before_fcra_1997", "1997-12-28 (standing in for the date the item was added"));
    // An older delinquency added to the file after the date is covered.
    CHECK(credit_reporting_obsolete_on(d("1996-05-01"), d("1998-01-10")).date == d("2003-10-28"));
    CHECK_THROWS_MATCHES(credit_reporting_obsolete_on(d("1996-05-01"), d("1997-06-01")), invalid_input_error,
                         has_id("notices.before_fcra_1997", "added to the file on 1997-06-01"));
    CHECK_THROWS_MATCHES(credit_reporting_obsolete_on(d("2020-05-01"), d("2020-04-01")), invalid_input_error,
                         has_id("notices.date_order"));
  }
}

TEST_CASE("FCRA obsolescence over a column matches the scalar form", "[notices][fcra][batch]") {
  const std::vector<civil_date> dofd{d("2020-01-15"), d("2019-09-02"), d("1997-12-29"), d("2024-12-31")};
  std::vector<std::int64_t> in, out(dofd.size());
  for (const auto& x : dofd) in.push_back(x.serial());
  credit_reporting_obsolete_on(in, out);
  for (std::size_t i = 0; i < dofd.size(); ++i) CHECK(out[i] == credit_reporting_obsolete_on(dofd[i]).date.serial());

  constexpr std::int64_t nat = std::numeric_limits<std::int64_t>::min();
  std::vector<std::int64_t> bad{d("2020-01-15").serial(), nat, d("1990-01-01").serial()};
  std::vector<std::int64_t> res(bad.size());
  CHECK_THROWS_MATCHES(credit_reporting_obsolete_on(bad, res), invalid_input_error, has_id("columns.missing", "row 1: "));
  row_errors errs;
  credit_reporting_obsolete_on(bad, res, &errs);
  CHECK(res[0] == d("2027-07-13").serial());
  CHECK(res[1] == nat);
  CHECK(res[2] == nat);
  REQUIRE(errs.size() == 2);
  CHECK(errs[1].row == 2);
  CHECK(errs[1].id == "notices.before_fcra_1997");
  std::vector<std::int64_t> short_out(1);
  CHECK_THROWS_MATCHES(credit_reporting_obsolete_on(bad, short_out), invalid_input_error, has_id("columns.shape"));
}

TEST_CASE("Breathing Space: 60 days beginning with the start, midway review on days 26-35", "[notices][breathing_space]") {
  SECTION("standard") {
    const auto v = breathing_space(d("2026-03-02"));
    CHECK(v.kind == breathing_space_kind::standard);
    CHECK(v.midway_review_from == d("2026-03-27"));  // reg 27(3): not in the 25 days beginning with the start
    CHECK(v.midway_review_to == d("2026-04-05"));    // reg 27(2): before the end of the 35 days
    CHECK(v.ends_on == d("2026-04-30"));             // day 60
    CHECK(v.protects(d("2026-03-02")));
    CHECK(v.protects(d("2026-04-30")));
    CHECK_FALSE(v.protects(d("2026-05-01")));
    CHECK_FALSE(v.protects(d("2026-03-01")));
    REQUIRE(v.frozen.size() == 4);
    CHECK(v.frozen[0].what == "interest");
    CHECK(v.frozen[3].what == "contact_demanding_payment");
    CHECK_THAT(v.frozen[3].citation, Catch::Contains("reg 11(1)"));
    CHECK(v.frozen[3].sureness == certainty::verified);
    CHECK(v.main_rule().rule_id == "breathing_space.standard_days");
    CHECK_THAT(v.explain(), Catch::Contains("day 1") && Catch::Contains("SI 2020/1311 reg 27(3)"));
  }
  SECTION("across a month end and a leap day") {
    const auto v = breathing_space(d("2024-02-01"));
    CHECK(v.midway_review_from == d("2024-02-26"));
    CHECK(v.midway_review_to == d("2024-03-06"));
    CHECK(v.ends_on == d("2024-03-31"));
  }
  SECTION("mental health crisis: treatment + 30 days, no midway review") {
    const auto open = breathing_space(d("2026-03-02"), breathing_space_kind::mental_health);
    CHECK_FALSE(open.ends_on);
    CHECK_FALSE(open.midway_review_from);
    CHECK(open.protects(d("2030-01-01")));
    const auto v = breathing_space(d("2026-03-02"), breathing_space_kind::mental_health, d("2026-05-10"));
    CHECK(v.ends_on == d("2026-06-09"));
    CHECK(v.frozen.size() == 4);
    CHECK(v.main_rule().rule_id == "breathing_space.mental_health_after_treatment_days");
  }
  SECTION("bad input") {
    CHECK_THROWS_MATCHES(breathing_space(d("2026-03-02"), breathing_space_kind::mental_health, d("2026-03-01")),
                         invalid_input_error, has_id("notices.date_order"));
    CHECK_THROWS_MATCHES(breathing_space(d("2026-03-02"), breathing_space_kind::standard, d("2026-04-01")),
                         invalid_input_error, has_id("notices.not_applicable"));
    CHECK_THROWS_MATCHES(breathing_space(d("2021-05-03")), rule_not_in_force_error, has_id("rules.not_in_force"));
    CHECK_THROWS_MATCHES(parse_breathing_space_kind("crisis"), invalid_input_error, has_id("notices.unknown_option"));
  }
}

TEST_CASE("Form 1099-C: an identifiable event and $600 or more", "[notices][1099c]") {
  const auto as_of = d("2027-01-31");
  SECTION("the threshold boundary") {
    const auto below = form_1099c_required(m("599.99 USD"), discharge_event::agreement, as_of);
    CHECK_FALSE(below.required);
    CHECK_THAT(below.reason, Catch::Contains("below the 600.00 USD threshold"));
    const auto at = form_1099c_required(m("600.00 USD"), discharge_event::agreement, as_of);
    CHECK(at.required);
    CHECK(at.threshold == m("600.00 USD"));
    CHECK(at.main_rule().rule_id == "irs_1099c.threshold");
    CHECK(at.rules[1].rule_id == "irs_1099c.event.agreement");
  }
  SECTION("the 36-month testing period: an event before 2017, refused after") {
    const auto before = form_1099c_required(m("1000.00 USD"), discharge_event::non_payment_testing_period, d("2016-12-31"));
    CHECK(before.required);
    CHECK(before.rules[1].effective_to == d("2016-12-31"));
    CHECK_THROWS_MATCHES(form_1099c_required(m("1000.00 USD"), discharge_event::non_payment_testing_period, d("2017-01-01")),
                         invalid_input_error, has_id("notices.1099c_event_removed", "T.D. 9793"));
  }
  SECTION("limitation counts only once the defence is upheld; other entities do not file") {
    CHECK_FALSE(form_1099c_required(m("900.00 USD"), discharge_event::statute_of_limitations, as_of).required);
    CHECK(form_1099c_required(m("900.00 USD"), discharge_event::statute_of_limitations, as_of, true, true).required);
    const auto other = form_1099c_required(m("900.00 USD"), discharge_event::creditor_policy, as_of, false);
    CHECK_FALSE(other.required);
    CHECK_THAT(other.reason, Catch::Contains("not an applicable entity"));
  }
  SECTION("bad input") {
    CHECK_THROWS_MATCHES(form_1099c_required(m("600.00 GBP"), discharge_event::agreement, as_of), currency_mismatch_error,
                         has_id("notices.1099c_currency"));
    CHECK_THROWS_MATCHES(form_1099c_required(m("-1.00 USD"), discharge_event::agreement, as_of), invalid_input_error,
                         has_id("notices.1099c_amount"));
    CHECK_THROWS_MATCHES(parse_discharge_event("forgiveness"), invalid_input_error, has_id("notices.unknown_event", "bankruptcy"));
    for (auto e : {discharge_event::bankruptcy, discharge_event::probate, discharge_event::creditor_policy})
      CHECK(parse_discharge_event(to_string(e)) == e);
  }
}

TEST_CASE("CCA s88 default notice: not less than 14 days after service", "[notices][cca]") {
  const auto v = cca_default_notice_earliest_action(d("2026-03-02"));
  CHECK(v.counting == notice_counting::clear_days);
  CHECK(v.remedy_date == d("2026-03-17"));
  CHECK(v.date == d("2026-03-17"));
  CHECK(cca_default_notice_earliest_action(d("2026-03-02"), notice_counting::after).remedy_date == d("2026-03-16"));
  CHECK(v.main_rule().rule_id == "cca.default_notice_days");

  SECTION("deemed service of a posted notice over Easter 2026 (working days, GB-EAW)") {
    const auto cal = calendar::get("GB-EAW");
    const auto first = cca_default_notice_earliest_action_posted(d("2026-04-02"), post_class::first_class, cal);
    CHECK(first.deemed);
    CHECK(first.served_on == d("2026-04-08"));  // Good Friday 3 and Easter Monday 6 April skipped
    CHECK(first.remedy_date == d("2026-04-23"));
    CHECK(first.main_rule().rule_id == "cca.default_notice_days");
    CHECK(first.rules[1].rule_id == "cca.deemed_service_first_class");
    const auto second = cca_default_notice_earliest_action_posted(d("2026-04-02"), post_class::second_class, cal);
    CHECK(second.served_on == d("2026-04-10"));
    CHECK(second.remedy_date == d("2026-04-25"));
  }
  SECTION("before the 2006 amendment the 14-day rule is not in force") {
    CHECK_THROWS_MATCHES(cca_default_notice_earliest_action(d("2006-09-30")), rule_not_in_force_error,
                         has_id("rules.not_in_force"));
  }
}

TEST_CASE("CCA s86B arrears-notice deadlines reuse the plan trigger with the pack's figures", "[notices][cca]") {
  std::vector<civil_date> due;
  std::vector<money> amounts;
  for (int k = 0; k < 6; ++k) {
    due.push_back(civil_date::from_ymd(2026, 1 + k, 15));
    amounts.push_back(m("100.00 GBP"));
  }
  const auto v = cca_arrears_notice_timing(due, amounts, {}, d("2026-02-15"), cca_agreement::fixed_sum);
  const auto plain = cca_arrears_notice(due, amounts, {}, d("2026-02-15"), cca_agreement::fixed_sum);
  CHECK(v.required);
  CHECK(v.first_notice_by == d("2026-02-28"));
  CHECK(v.first_notice_by == plain.first_notice_by);
  CHECK(v.trigger.conditions_met_on == d("2026-02-15"));
  CHECK(v.main_rule().rule_id == "cca.arrears_notice_first_days");
  arrears_notice_facts facts;
  facts.last_notice_on = d("2026-02-20");
  const auto later = cca_arrears_notice_timing(due, amounts, {}, d("2026-03-20"), cca_agreement::fixed_sum, facts);
  CHECK(later.next_notice_by == d("2026-08-20"));
  CHECK(later.next_notice_by ==
        cca_arrears_notice(due, amounts, {}, d("2026-03-20"), cca_agreement::fixed_sum, facts).next_notice_by);
  const auto running = cca_arrears_notice_timing(due, amounts, {}, d("2026-02-15"), cca_agreement::running_account);
  CHECK(running.required);
  CHECK(running.main_rule().rule_id == "uk.cca.arrears_notice.running_account");
}

TEST_CASE("Pre-Action Protocol for Debt Claims: 30 days to reply, 30 more for advice", "[notices][pre_action]") {
  const auto v = pre_action_reply_deadline(d("2026-03-02"));
  CHECK(v.reply_due == d("2026-04-01"));
  CHECK(v.date == d("2026-04-02"));
  CHECK_FALSE(v.extended);
  CHECK(v.main_rule().rule_id == "pre_action.reply_days");

  const auto advice = pre_action_reply_deadline(d("2026-03-02"), d("2026-03-20"), true);
  CHECK(advice.extended);
  CHECK(advice.date == d("2026-04-20"));
  const auto docs = pre_action_reply_deadline(d("2026-03-02"), d("2026-03-20"), true, d("2026-04-10"));
  CHECK(docs.date == d("2026-05-11"));
  const auto early = pre_action_reply_deadline(d("2026-03-02"), d("2026-03-03"), true);
  CHECK(early.date == d("2026-04-03"));

  CHECK_THROWS_MATCHES(pre_action_reply_deadline(d("2026-03-02"), d("2026-03-01")), invalid_input_error,
                       has_id("notices.date_order"));
  CHECK_THROWS_MATCHES(pre_action_reply_deadline(d("2026-03-02"), {}, true), invalid_input_error,
                       has_id("notices.not_applicable"));
  CHECK_THROWS_MATCHES(pre_action_reply_deadline(d("2017-09-30")), rule_not_in_force_error,
                       has_id("rules.not_in_force"));
}
