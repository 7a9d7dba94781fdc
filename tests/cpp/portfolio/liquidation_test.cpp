// Tests of recoup/portfolio/liquidation.hpp: cohorts by placement month, cumulative collections.
#include "../support.hpp"

#include "recoup/portfolio.hpp"

#include <cstdint>
#include <vector>

using recoup::civil_date;
using recoup::ratio;
using recoup::row_errors;
using recoup::test::has_id;
namespace portfolio = recoup::portfolio;
using column = std::vector<std::int64_t>;

namespace {
std::int64_t day(const char* iso) { return civil_date::parse(iso).serial(); }
}  // namespace

TEST_CASE("liquidation curves of two cohorts, by hand", "[portfolio][liquidation]") {
  // Cohort 2024-01: accounts 1 (1000.00) and 2 (500.00). Cohort 2024-02: account 3 (2000.00).
  const column ids = {1, 2, 3};
  const column placed_on = {day("2024-01-15"), day("2024-01-31"), day("2024-02-01")};
  const column placed = {100000, 50000, 200000};
  // Payments: account 1 pays 100.00 in Jan (month 0) and 200.00 in Mar (month 2); account 2
  // pays 50.00 on 2024-02-01 (month 1); account 3 pays 300.00 in Apr (month 2), reversed 100.00.
  const column pay_ids = {1, 1, 2, 3, 3};
  const column paid_on = {day("2024-01-20"), day("2024-03-05"), day("2024-02-01"), day("2024-04-10"),
                          day("2024-04-12")};
  const column amounts = {10000, 20000, 5000, 30000, -10000};
  const auto t = portfolio::liquidation_curves({ids, placed_on, placed}, {pay_ids, paid_on, amounts}, day("2024-04-30"));
  REQUIRE(t.cohort == column{(2024 - 1970) * 12, (2024 - 1970) * 12 + 1});
  CHECK(t.accounts == column{2, 1});
  CHECK(t.placed == column{150000, 200000});
  CHECK(t.offsets == column{0, 4, 7});  // Jan..Apr and Feb..Apr
  CHECK(t.collected == column{10000, 5000, 20000, 0, 0, 0, 20000});
  CHECK(t.cumulative == column{10000, 15000, 35000, 35000, 0, 0, 20000});
  CHECK(t.rate(0, 2) == ratio{35000, 150000});
  CHECK(t.rate(1, 2) == ratio{20000, 200000});
  CHECK(t.rate(0, 2).to_decimal(4, recoup::rounding_mode::half_even).to_string() == "0.2333");
  REQUIRE_THROWS_MATCHES(t.rate(1, 3), recoup::invalid_input_error, has_id("portfolio.month_range"));
}

TEST_CASE("liquidation refuses or collects bad payments", "[portfolio][liquidation]") {
  const column ids = {7};
  const column placed_on = {day("2024-01-15")};
  const column placed = {1000};
  const column pay_ids = {7, 8, 7, 7};
  const column paid_on = {day("2024-01-16"), day("2024-01-16"), day("2024-01-14"), day("2024-06-01")};
  const column amounts = {100, 100, 100, 100};
  const auto as_of = day("2024-03-31");
  REQUIRE_THROWS_MATCHES(portfolio::liquidation_curves({ids, placed_on, placed}, {pay_ids, paid_on, amounts}, as_of),
                         recoup::invalid_input_error, has_id("portfolio.unknown_account", "row 1: payment_account_id"));
  row_errors errs;
  const auto t =
      portfolio::liquidation_curves({ids, placed_on, placed}, {pay_ids, paid_on, amounts}, as_of, &errs);
  REQUIRE(errs.size() == 3);
  CHECK(errs[0].id == "portfolio.unknown_account");
  CHECK(errs[1].id == "portfolio.payment_before_placement");
  CHECK(errs[2].id == "portfolio.after_as_of");
  CHECK(t.cumulative == column{100, 100, 100});
  SECTION("account errors name the column and row") {
    REQUIRE_THROWS_MATCHES(portfolio::liquidation_curves({ids, column{day("2024-05-01")}, placed}, {}, as_of),
                           recoup::invalid_input_error, has_id("portfolio.after_as_of", "placement_date row 0"));
    REQUIRE_THROWS_MATCHES(portfolio::liquidation_curves({ids, placed_on, column{-1}}, {}, as_of),
                           recoup::invalid_input_error, has_id("portfolio.negative_amount", "placed row 0"));
    REQUIRE_THROWS_MATCHES(portfolio::liquidation_curves({column{1, 1}, column{0, 0}, column{0, 0}}, {}, as_of),
                           recoup::invalid_input_error, has_id("portfolio.duplicate_account"));
  }
}
