#include <catch2/catch.hpp>

#include "recoup/time/civil_date.hpp"

using recoup::civil_date;

TEST_CASE("civil_date parses, formats and validates ISO dates", "[time][civil_date]") {
  CHECK(civil_date::parse("2024-02-29").to_string() == "2024-02-29");
  CHECK(civil_date::parse("1970-01-01").serial() == 0);
  CHECK(civil_date::parse("0001-01-01").serial() == civil_date::min_serial);
  CHECK(civil_date::parse("9999-12-31").serial() == civil_date::max_serial);
  CHECK_THROWS_WITH(civil_date::parse("2023-02-29"), Catch::Contains("no such date: 2023-02-29"));
  CHECK_THROWS_WITH(civil_date::parse("2023-2-01"), Catch::Contains("expected YYYY-MM-DD"));
  CHECK_THROWS_WITH(civil_date::parse("2023-13-01"), Catch::Contains("no such date"));
  CHECK_THROWS_WITH(civil_date::parse("0000-01-01"), Catch::Contains("outside 1..9999"));
  CHECK_THROWS_AS(civil_date::from_serial(civil_date::max_serial + 1), recoup::invalid_input_error);
  CHECK_THROWS_AS(civil_date::parse("9999-12-31").add_days(1), recoup::invalid_input_error);
}

TEST_CASE("civil_date month arithmetic clamps without drifting", "[time][civil_date]") {
  const auto jan31 = civil_date::parse("2023-01-31");
  CHECK(jan31.add_months(1).to_string() == "2023-02-28");
  CHECK(civil_date::parse("2024-01-31").add_months(1).to_string() == "2024-02-29");
  CHECK(jan31.add_months(-2).to_string() == "2022-11-30");
  CHECK(jan31.add_months(13).to_string() == "2024-02-29");
  // Anchored: the third month after 31 Jan is 30 Apr, not 28 Apr (no drift through February).
  CHECK(civil_date::nth_month_from(jan31, 3, 31).to_string() == "2023-04-30");
  CHECK(civil_date::nth_month_from(jan31, 2, 31).to_string() == "2023-03-31");
  CHECK(civil_date::nth_month_from(civil_date::parse("2023-01-15"), -13, 15).to_string() == "2021-12-15");
  CHECK(civil_date::parse("2023-02-10").end_of_month().to_string() == "2023-02-28");
  CHECK(civil_date::parse("2024-02-29").is_end_of_month());
  CHECK(civil_date::parse("2026-11-23").iso_weekday() == 1);
  CHECK(recoup::days_between(civil_date::parse("2024-01-01"), civil_date::parse("2025-01-01")) == 366);
}
