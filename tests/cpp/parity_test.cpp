// The shared worked examples (tests/data/parity/worked_examples.toml) through the C++ library.
// Python (tests/python/test_parity.py) and the C ABI (tests/c/parity_ctypes.py) run the same
// file and must give the same figures to the cent.
#include <catch2/catch.hpp>

#include <string>
#include <toml++/toml.h>

#include "recoup/recoup.hpp"
#include "support.hpp"

using namespace recoup;

namespace {

const toml::table& examples() {
  static const toml::table t = toml::parse_file(std::string(RECOUP_SOURCE_DIR) + "/tests/data/parity/worked_examples.toml");
  return t;
}

std::string text(const toml::table& c, const char* key) { return c[key].value<std::string>().value(); }
money amount(const toml::table& c, const char* key) { return money::parse(text(c, key)); }
civil_date day(const toml::node_view<const toml::node> n) {
  const auto d = n.value<toml::date>().value();
  return civil_date::from_ymd(d.year, d.month, d.day);
}
civil_date day(const toml::table& c, const char* key) { return day(c[key]); }

template <class Fn>
void each(const char* section, Fn&& fn) {
  const auto* cases = examples()[section].as_array();
  REQUIRE(cases != nullptr);
  REQUIRE(!cases->empty());
  for (const auto& node : *cases) {
    const auto& c = *node.as_table();
    INFO(section << ": " << text(c, "source"));
    fn(c);
  }
}

}  // namespace

TEST_CASE("parity: garnishment limits", "[parity]") {
  each("garnishment", [](const toml::table& c) {
    const auto v = rules::garnishment_limit(text(c, "jurisdiction"), amount(c, "disposable"),
                                            rules::parse_pay_period(text(c, "pay_period")), day(c, "as_of"));
    CHECK(v.amount == amount(c, "expected"));
  });
}

TEST_CASE("parity: statutory interest and compensation", "[parity]") {
  each("late_payment_interest", [](const toml::table& c) {
    const auto v = rules::late_payment_interest(amount(c, "debt"), day(c, "due"), day(c, "paid"),
                                                parse_rounding_mode(text(c, "rounding")), text(c, "jurisdiction"));
    CHECK(v.amount == amount(c, "expected"));
  });
  each("late_payment_compensation", [](const toml::table& c) {
    CHECK(rules::late_payment_compensation(amount(c, "debt"), day(c, "as_of"), text(c, "jurisdiction")).amount ==
          amount(c, "expected"));
  });
  each("judgment_interest", [](const toml::table& c) {
    const auto v = rules::judgment_interest(amount(c, "amount"), day(c, "entered"), day(c, "paid"),
                                            parse_rounding_mode(text(c, "rounding")), text(c, "jurisdiction"));
    CHECK(v.amount == amount(c, "expected"));
  });
}

TEST_CASE("parity: accrual", "[parity]") {
  each("accrual", [](const toml::table& c) {
    accrual_terms t{.rates = {{day(c, "from"), decimal::parse(text(c, "rate"))}},
                    .day_count = parse_day_count(text(c, "day_count"))};
    CHECK(accrue(amount(c, "principal"), day(c, "from"), day(c, "to"), t).interest == amount(c, "expected"));
  });
}

TEST_CASE("parity: payment waterfalls", "[parity]") {
  each("waterfall", [](const toml::table& c) {
    const currency ccy(text(c, "currency"));
    std::vector<charge> charges;
    for (const auto& n : *c["charges"].as_array()) {
      const auto& t = *n.as_table();
      charges.push_back({day(t, "due"), parse_charge_bucket(text(t, "bucket")), money(decimal::parse(text(t, "amount")), ccy),
                         t["instalment"].value<std::int64_t>().value()});
    }
    std::vector<ledger_payment> payments;
    for (const auto& n : *c["payments"].as_array()) {
      const auto& t = *n.as_table();
      payments.push_back({text(t, "id"), day(t, "date"), money(decimal::parse(text(t, "amount")), ccy)});
    }
    const auto w = apply_payments(charges, payments);
    const auto& expected = *c["expected_outstanding"].as_array();
    REQUIRE(expected.size() == w.outstanding.size());
    for (std::size_t i = 0; i < expected.size(); ++i)
      CHECK(w.outstanding[i] == money(decimal::parse(expected[i].value<std::string>().value()), ccy));
  });
}

TEST_CASE("parity: lump-sum settlements and Form 1099-C", "[parity]") {
  each("lump_sum", [](const toml::table& c) {
    auto o = lump_sum_offer(amount(c, "balance"), decimal::parse(text(c, "fraction")), std::nullopt, rounding_mode::half_up);
    const auto v = report_forgiveness(o, day(c, "filed_on"));
    CHECK(o.settled == amount(c, "expected_settled"));
    CHECK(o.forgiven() == amount(c, "expected_forgiven"));
    CHECK(v.required == c["expected_reportable"].value<bool>().value());
  });
}

TEST_CASE("parity: limitation periods", "[parity]") {
  each("limitation", [](const toml::table& c) {
    rules::limitation_facts f{.defaulted_on = day(c, "defaulted_on")};
    if (c.contains("last_payment")) f.last_payment = day(c, "last_payment");
    const auto v = rules::limitation(text(c, "jurisdiction"), rules::debt_type_from_name(text(c, "debt_type")), f,
                                     day(c, "as_of"));
    CHECK(rules::to_string(v.status) == text(c, "expected_status"));
    REQUIRE(v.expires_on.has_value());
    CHECK(*v.expires_on == day(c, "expected_expires_on"));
  });
}

TEST_CASE("parity: notice periods and dated duties", "[parity]") {
  each("notice", [](const toml::table& c) {
    const std::string kind = text(c, "kind");
    const civil_date event = day(c, "event");
    std::optional<civil_date> answer;
    if (kind == "validation_period_end") answer = rules::validation_period_end(event).date;
    if (kind == "validation_notice_due") answer = rules::validation_notice_due(event).date;
    if (kind == "furnishing_earliest") answer = rules::passive_collection_earliest_furnishing(event).date;
    if (kind == "credit_reporting_obsolete_on") answer = rules::credit_reporting_obsolete_on(event).date;
    if (kind == "default_notice_posted")
      answer = rules::cca_default_notice_earliest_action_posted(event, rules::post_class::first_class,
                                                                calendar::get("GB-EAW"))
                   .date;
    if (kind == "pre_action") answer = rules::pre_action_reply_deadline(event).date;
    if (kind == "breathing_space_ends_on") answer = rules::breathing_space(event).ends_on;
    INFO("kind " << kind);
    REQUIRE(answer.has_value());
    CHECK(*answer == day(c, "expected_date"));
  });
}
