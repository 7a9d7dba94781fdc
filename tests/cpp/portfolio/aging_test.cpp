// Tests of recoup/portfolio/aging.hpp: days past due, bucket edges, labels and the aging summary.
// The 10-account portfolio below is worked out by hand in the comments.
#include "../support.hpp"

#include "recoup/portfolio.hpp"

#include <cstdint>
#include <vector>

using recoup::aging_edges;
using recoup::civil_date;
using recoup::no_date;
using recoup::row_errors;
using recoup::test::has_id;
namespace portfolio = recoup::portfolio;
using column = std::vector<std::int64_t>;

namespace {
std::int64_t day(const char* iso) { return civil_date::parse(iso).serial(); }
}  // namespace

TEST_CASE("default edges give the usual collections buckets", "[portfolio][aging]") {
  const aging_edges e;
  REQUIRE(e.buckets() == 6);
  const std::vector<std::string> labels = {"current", "1-30", "31-60", "61-90", "91-120", "120+"};
  for (std::size_t b = 0; b < 6; ++b) CHECK(e.label(b) == labels[b]);
  SECTION("each edge belongs to the bucket it closes") {
    CHECK(e.bucket_of(0) == 0);
    CHECK(e.bucket_of(1) == 1);
    CHECK(e.bucket_of(30) == 1);
    CHECK(e.bucket_of(31) == 2);
    CHECK(e.bucket_of(120) == 4);
    CHECK(e.bucket_of(121) == 5);
    CHECK(e.bucket_of(INT64_MAX) == 5);
  }
  SECTION("a negative DPD is refused") {
    REQUIRE_THROWS_MATCHES(e.bucket_of_checked(-1), recoup::invalid_input_error, has_id("portfolio.negative_days", "-1"));
  }
}

TEST_CASE("custom edges are validated and labelled", "[portfolio][aging]") {
  SECTION("first edge above zero") {
    const aging_edges e{7, 14};
    CHECK(e.label(0) == "0-7");
    CHECK(e.label(1) == "8-14");
    CHECK(e.label(2) == "14+");
    CHECK(e.bucket_of(7) == 0);
    CHECK(e.bucket_of(8) == 1);
  }
  SECTION("many edges use the binary search and agree with the linear count") {
    std::vector<std::int64_t> v;
    for (std::int64_t i = 0; i < 20; ++i) v.push_back(i * 10);
    const aging_edges e{std::span<const std::int64_t>(v)};
    for (std::int64_t d = 0; d < 250; ++d) {
      std::size_t expected = 0;
      for (const auto x : v) expected += d > x ? 1 : 0;
      CHECK(e.bucket_of(d) == expected);
    }
  }
  SECTION("errors name the offending edge") {
    REQUIRE_THROWS_MATCHES((aging_edges{0, 30, 30}), recoup::invalid_input_error,
                           has_id("portfolio.edges", "edge 2 (30) follows 30"));
    REQUIRE_THROWS_MATCHES((aging_edges{-5, 30}), recoup::invalid_input_error, has_id("portfolio.edges", "negative"));
    REQUIRE_THROWS_MATCHES(aging_edges{std::span<const std::int64_t>{}}, recoup::invalid_input_error,
                           has_id("portfolio.edges", "not 0"));
    REQUIRE_THROWS_MATCHES(aging_edges{}.label(6), recoup::invalid_input_error, has_id("portfolio.bucket_range"));
  }
}

TEST_CASE("days past due count from the oldest unpaid due date", "[portfolio][aging]") {
  const auto as_of = day("2024-03-31");
  SECTION("scalar") {
    CHECK(portfolio::days_past_due(day("2024-03-31"), as_of) == 0);  // due today: current
    CHECK(portfolio::days_past_due(day("2024-03-30"), as_of) == 1);
    CHECK(portfolio::days_past_due(day("2024-01-31"), as_of) == 60);  // 2024 is a leap year
    CHECK(portfolio::days_past_due(day("2024-04-15"), as_of) == 0);   // not yet due
    CHECK(portfolio::days_past_due(no_date, as_of) == 0);             // nothing unpaid
    CHECK(portfolio::days_past_due(std::optional<civil_date>{civil_date::parse("2023-12-31")},
                                   civil_date::parse("2024-03-31")) == 91);
    CHECK(portfolio::days_past_due(std::nullopt, civil_date::parse("2024-03-31")) == 0);
  }
  SECTION("columnar with one as-of date and with one per row") {
    const column due = {day("2024-03-01"), no_date, day("2024-05-01"), day("2023-11-30")};
    column out(4);
    portfolio::days_past_due(due, column{as_of}, out);
    CHECK(out == column{30, 0, 0, 122});  // Dec 31 + Jan 31 + Feb 29 + Mar 31
    const column as_ofs = {day("2024-03-02"), as_of, day("2024-05-03"), day("2023-12-01")};
    portfolio::days_past_due(due, as_ofs, out);
    CHECK(out == column{1, 0, 2, 1});
  }
  SECTION("bad rows raise with their row, or are collected") {
    const column due = {day("2024-03-01"), INT64_MAX, day("2024-03-30")};
    column out(3);
    REQUIRE_THROWS_MATCHES(portfolio::days_past_due(due, column{as_of}, out), recoup::invalid_input_error,
                           has_id("portfolio.date_range", "row 1: oldest_unpaid_due"));
    row_errors errs;
    portfolio::days_past_due(due, column{as_of}, out, &errs);
    CHECK(out == column{30, 0, 1});
    REQUIRE(errs.size() == 1);
    CHECK(errs[0].row == 1);
    CHECK(errs[0].id == "portfolio.date_range");
  }
  SECTION("a missing as-of date and length mismatches") {
    column out(1);
    REQUIRE_THROWS_MATCHES(portfolio::days_past_due(column{0}, column{no_date}, out), recoup::invalid_input_error,
                           has_id("portfolio.as_of_missing"));
    row_errors errs;  // a bad scalar as-of is not a row error, even when collecting
    REQUIRE_THROWS_MATCHES(portfolio::days_past_due(column{0}, column{no_date}, out, &errs),
                           recoup::invalid_input_error, has_id("portfolio.as_of_missing"));
    column out3(3);
    REQUIRE_THROWS_MATCHES(portfolio::days_past_due(column{0, 1, 2}, column{0, 1}, out3), recoup::invalid_input_error,
                           has_id("columns.length", "expected 1 or 3"));
  }
}

TEST_CASE("a 10-account portfolio ages by hand", "[portfolio][aging]") {
  // dpd:     0    0    5   30   31   60   61   90   91  150
  // bucket:  0    0    1    1    2    2    3    3    4    5
  const column dpd = {0, 0, 5, 30, 31, 60, 61, 90, 91, 150};
  const column bal = {100, 200, 300, 400, 500, 600, 700, 800, 900, 1000};
  const aging_edges e;
  std::vector<std::int32_t> idx(10);
  portfolio::bucket_of(dpd, e, idx);
  CHECK(idx == std::vector<std::int32_t>{0, 0, 1, 1, 2, 2, 3, 3, 4, 5});
  const auto s = portfolio::age(dpd, e, bal);
  CHECK(s.counts == column{2, 2, 2, 2, 1, 1});
  CHECK(s.balances == column{300, 700, 1100, 1500, 900, 1000});
  CHECK(s.rows_aged == 10);
  const auto no_amounts = portfolio::age(dpd, e);
  CHECK(no_amounts.counts == s.counts);
  CHECK(no_amounts.balances.empty());
}

TEST_CASE("aging reports negative days by row, or leaves them out", "[portfolio][aging]") {
  const column dpd = {10, -3, 40, -1};
  const column bal = {1, 2, 3, 4};
  const aging_edges e;
  REQUIRE_THROWS_MATCHES(portfolio::age(dpd, e, bal), recoup::invalid_input_error,
                         has_id("portfolio.negative_days", "row 1: days past due -3"));
  row_errors errs;
  const auto s = portfolio::age(dpd, e, bal, &errs);
  CHECK(s.counts == column{0, 1, 1, 0, 0, 0});
  CHECK(s.balances == column{0, 1, 3, 0, 0, 0});
  CHECK(s.rows_aged == 2);
  REQUIRE(errs.size() == 2);
  CHECK(errs[0].row == 1);
  CHECK(errs[1].row == 3);
  std::vector<std::int32_t> idx(4);
  row_errors errs2;
  portfolio::bucket_of(dpd, e, idx, &errs2);
  CHECK(idx == std::vector<std::int32_t>{1, -1, 2, -1});
  CHECK(errs2.size() == 2);
  REQUIRE_THROWS_MATCHES(portfolio::age(dpd, e, column{1}), recoup::invalid_input_error, has_id("columns.length"));
}

TEST_CASE("bucket balances are summed without wrapping", "[portfolio][aging]") {
  const column dpd = {0, 0, 0};
  const column bal = {INT64_MAX, INT64_MAX, -INT64_MAX};
  CHECK(portfolio::age(dpd, aging_edges{}, bal).balances[0] == INT64_MAX);
  const column too_much = {INT64_MAX, 1, 0};
  REQUIRE_THROWS_MATCHES(portfolio::age(dpd, aging_edges{}, too_much), recoup::overflow_error,
                         has_id("portfolio.balance_overflow", "current"));
}
