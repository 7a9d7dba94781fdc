// Tests of recoup/portfolio/roll_rate.hpp and portfolio_rates.hpp: the hand-worked roll-rate
// matrix of a 10-account portfolio, cure, recovery and promise-kept rates.
#include "../support.hpp"

#include "recoup/portfolio.hpp"

#include <cstdint>
#include <vector>

using recoup::civil_date;
using recoup::no_date;
using recoup::ratio;
using recoup::rounding_mode;
using recoup::test::has_id;
namespace portfolio = recoup::portfolio;
using column = std::vector<std::int64_t>;

namespace {
std::int64_t day(const char* iso) { return civil_date::parse(iso).serial(); }

// t0: accounts 1..10 in buckets 0 0 1 1 2 2 3 3 4 5 (balances 100..1000).
// t1: accounts 9 8 ... 1 (reversed order, to exercise the sort) and new account 11; 10 is closed.
const column ids0 = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
const column b0 = {0, 0, 1, 1, 2, 2, 3, 3, 4, 5};
const column bal0 = {100, 200, 300, 400, 500, 600, 700, 800, 900, 1000};
const column ids1 = {9, 8, 7, 6, 5, 4, 3, 2, 1, 11};
// account:          9  8  7  6  5  4  3  2  1  11
const column b1 = {5, 4, 4, 3, 2, 2, 0, 1, 0, 0};
const column bal1 = {950, 820, 710, 610, 505, 410, 0, 210, 90, 5000};
}  // namespace

TEST_CASE("the roll-rate matrix of a 10-account portfolio, by hand", "[portfolio][roll_rate]") {
  const auto m = portfolio::roll_rates({ids0, b0, bal0}, {ids1, b1, bal1}, 6);
  // from \ to   0  1  2  3  4  5   closed
  // 0           1  1  .  .  .  .   .        (1 stays, 2 rolls to 1-30)
  // 1           1  .  1  .  .  .   .        (3 cures, 4 rolls)
  // 2           .  .  1  1  .  .   .
  // 3           .  .  .  .  2  .   .
  // 4           .  .  .  .  .  1   .
  // 5           .  .  .  .  .  .   1        (10 closed)
  const column expected = {1, 1, 0, 0, 0, 0,  //
                           1, 0, 1, 0, 0, 0,  //
                           0, 0, 1, 1, 0, 0,  //
                           0, 0, 0, 0, 2, 0,  //
                           0, 0, 0, 0, 0, 1,  //
                           0, 0, 0, 0, 0, 0};
  CHECK(m.counts == expected);
  CHECK(m.closed_counts == column{0, 0, 0, 0, 0, 1});
  CHECK(m.new_counts == column{1, 0, 0, 0, 0, 0});
  CHECK(m.new_balances == column{5000, 0, 0, 0, 0, 0});
  CHECK(m.closed_balances == column{0, 0, 0, 0, 0, 1000});
  CHECK(m.balances[0 * 6 + 1] == 200);  // t0 balance of account 2
  CHECK(m.balances[3 * 6 + 4] == 1500);
  CHECK(m.rate(1, 0) == ratio{1, 2});
  CHECK(m.rate(3, 4) == ratio{2, 2});
  CHECK(m.closed_rate(5) == ratio{1, 1});
  CHECK(m.rate(1, 0).to_decimal(4, rounding_mode::half_even).to_string() == "0.5000");
  for (std::size_t i = 0; i < 6; ++i) {
    std::int64_t row = m.closed_counts[i];
    for (std::size_t j = 0; j < 6; ++j) row += m.count(i, j);
    std::int64_t at_t0 = 0;
    for (const auto b : b0) at_t0 += static_cast<std::size_t>(b) == i ? 1 : 0;
    CHECK(row == at_t0);
  }
  SECTION("without balances") {
    const auto c = portfolio::roll_rates({ids0, b0}, {ids1, b1}, 6);
    CHECK(c.counts == expected);
    CHECK(c.balances.empty());
  }
}

TEST_CASE("roll rates refuse bad snapshots", "[portfolio][roll_rate]") {
  REQUIRE_THROWS_MATCHES(portfolio::roll_rates({column{1, 2, 1}, column{0, 0, 0}}, {ids1, b1}, 6),
                         recoup::invalid_input_error,
                         has_id("portfolio.duplicate_account", "account_id_t0: account id 1 appears in rows 0 and 2"));
  REQUIRE_THROWS_MATCHES(portfolio::roll_rates({ids0, b0}, {column{1}, column{6}}, 6), recoup::invalid_input_error,
                         has_id("portfolio.bucket_range", "bucket_t1 row 0: bucket 6"));
  REQUIRE_THROWS_MATCHES(portfolio::roll_rates({ids0, column{0}}, {ids1, b1}, 6), recoup::invalid_input_error,
                         has_id("columns.length", "t0"));
  CHECK(!ratio{0, 0}.defined());
  REQUIRE_THROWS_MATCHES((ratio{0, 0}.to_decimal(2, rounding_mode::half_up)), recoup::division_by_zero_error,
                         has_id("portfolio.undefined_rate"));
}

TEST_CASE("cure, recovery and promise-kept rates", "[portfolio][rates]") {
  SECTION("cure rate of the 10-account portfolio") {
    const column dpd0 = {0, 0, 5, 30, 31, 60, 61, 90, 91, 150};
    // account:          9    8    7   6   5   4  3  2  1 11
    const column dpd1 = {125, 100, 95, 70, 45, 35, 0, 3, 0, 0};
    const auto c = portfolio::cure_rate(ids0, dpd0, ids1, dpd1);
    CHECK(c.in_arrears_t0 == 8);  // accounts 3..10
    CHECK(c.closed == 1);         // account 10
    CHECK(c.cured == 1);          // account 3
    CHECK(c.rate == ratio{1, 7});
    REQUIRE_THROWS_MATCHES(portfolio::cure_rate(ids0, dpd0, column{1}, column{-2}), recoup::invalid_input_error,
                           has_id("portfolio.negative_days", "dpd_t1 row 0"));
  }
  SECTION("recovery rate") {
    CHECK(portfolio::recovery_rate(column{250, 50, -25}, column{1000, 500}) == ratio{275, 1500});
    CHECK(portfolio::recovery_rate(column{250}, column{1000, 500})
              .to_decimal(4, rounding_mode::half_even)
              .to_string() == "0.1667");
    REQUIRE_THROWS_MATCHES(portfolio::recovery_rate(column{1}, column{5, -1}), recoup::invalid_input_error,
                           has_id("portfolio.negative_amount", "placed row 1"));
  }
  SECTION("promise-kept rate with a tolerance") {
    const column when = {day("2024-03-01"), day("2024-03-10"), day("2024-03-20"), day("2024-04-05")};
    const column promised = {5000, 5000, 2000, 1000};
    const column paid = {5000, 4999, 0, 0};
    const auto as_of = day("2024-03-31");
    const auto strict = portfolio::promise_kept_rate(when, promised, paid, as_of);
    CHECK(strict.due == 3);
    CHECK(strict.not_yet_due == 1);
    CHECK(strict.kept == 1);
    CHECK(strict.rate == ratio{1, 3});
    CHECK(portfolio::promise_kept_rate(when, promised, paid, as_of, 1).rate == ratio{2, 3});
    REQUIRE_THROWS_MATCHES(portfolio::promise_kept_rate(column{no_date}, column{1}, column{1}, as_of),
                           recoup::invalid_input_error, has_id("portfolio.date_missing", "promise_date row 0"));
    REQUIRE_THROWS_MATCHES(portfolio::promise_kept_rate(column{0}, column{0}, column{1}, as_of),
                           recoup::invalid_input_error, has_id("portfolio.non_positive_promise", "promised row 0"));
  }
}

TEST_CASE("roll rates of empty snapshots", "[portfolio][roll_rate]") {
  const column none;
  SECTION("everything new") {
    const auto m = portfolio::roll_rates({none, none, none}, {ids1, b1, bal1}, 6);
    CHECK(m.counts == column(36, 0));
    CHECK(m.balances == column(36, 0));
    CHECK(m.new_counts == column{3, 1, 2, 1, 2, 1});  // b1 = 5 4 4 3 2 2 0 1 0 0
    CHECK(!m.rate(0, 0).defined());
  }
  SECTION("everything closed") {
    const auto m = portfolio::roll_rates({ids0, b0}, {none, none}, 6);
    CHECK(m.closed_counts == column{2, 2, 2, 2, 1, 1});
    CHECK(m.closed_rate(0) == ratio{2, 2});
  }
}
