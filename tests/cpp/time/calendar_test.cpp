#include <catch2/catch.hpp>

#include <limits>
#include <memory>
#include <span>
#include <string>
#include <thread>
#include <vector>

#include "recoup/time/calendar.hpp"

using recoup::business_day_convention;
using recoup::calendar;
using recoup::civil_date;

namespace {
civil_date d(const char* s) { return civil_date::parse(s); }

std::vector<std::string> dates_of(const std::vector<recoup::holiday>& hs, bool business_only, const calendar& c) {
  std::vector<std::string> out;
  for (const auto& h : hs)
    if (!business_only || !c.is_weekend(h.date)) out.push_back(h.date.to_string());
  return out;
}
}  // namespace

TEST_CASE("US federal holidays follow 5 U.S.C. 6103 with Friday/Monday observance", "[time][calendar]") {
  const auto us = calendar::get("US");
  CHECK(us.id() == "US");
  CHECK(us.first_year() == 1971);
  CHECK(us.last_year() == 2100);
  SECTION("a Saturday New Year's Day is observed on Friday 31 December of the year before") {
    CHECK_FALSE(us.is_business_day(d("2021-12-31")));
    CHECK(us.is_holiday(d("2021-12-31")));
    CHECK(us.holidays(2021).back().name == "New Year's Day (observed)");
  }
  SECTION("Juneteenth from 2021, first observed on Friday 18 June 2021") {
    CHECK(us.is_holiday(d("2021-06-18")));
    CHECK_FALSE(us.is_holiday(d("2020-06-19")));
    CHECK(us.is_holiday(d("2022-06-20")));  // Sunday 19 June 2022 observed Monday
  }
  SECTION("a Sunday holiday is observed the Monday after") {
    CHECK_FALSE(us.is_business_day(d("2027-07-05")));
    CHECK(us.is_business_day(d("2027-07-06")));
  }
  SECTION("MLK Day from 1986 and Veterans Day on the fourth Monday of October 1971-1977") {
    CHECK_FALSE(us.is_holiday(d("1985-01-21")));
    CHECK(us.is_holiday(d("1986-01-20")));
    CHECK(us.is_holiday(d("1975-10-27")));
    CHECK_FALSE(us.is_holiday(d("1975-11-11")));
    CHECK(us.is_holiday(d("1978-11-10")));  // Saturday 11 November 1978 observed Friday
  }
  SECTION("the list of a year's holidays, weekdays only") {
    CHECK(dates_of(us.holidays(2027), true, us) ==
          std::vector<std::string>{"2027-01-01", "2027-01-18", "2027-02-15", "2027-05-31", "2027-06-18",
                                   "2027-07-05", "2027-09-06", "2027-10-11", "2027-11-11", "2027-11-25",
                                   "2027-12-24", "2027-12-31"});
  }
}

TEST_CASE("England and Wales bank holidays match the gov.uk list", "[time][calendar]") {
  const auto ew = calendar::get("GB-EAW");
  SECTION("2027 (gov.uk/bank-holidays): Christmas and Boxing Day substitutes on 27 and 28 December") {
    CHECK(dates_of(ew.holidays(2027), true, ew) ==
          std::vector<std::string>{"2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31",
                                   "2027-08-30", "2027-12-27", "2027-12-28"});
  }
  SECTION("moved and one-off days") {
    CHECK(ew.is_holiday(d("2020-05-08")));
    CHECK_FALSE(ew.is_holiday(d("2020-05-04")));
    CHECK(dates_of(ew.holidays(d("2022-05-01"), d("2022-09-30")), true, ew) ==
          std::vector<std::string>{"2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29", "2022-09-19"});
    CHECK(ew.is_holiday(d("2012-06-04")));
    CHECK(ew.is_holiday(d("2012-06-05")));
    CHECK_FALSE(ew.is_holiday(d("2012-05-28")));
    CHECK(ew.is_holiday(d("1999-12-31")));
    CHECK(ew.is_holiday(d("2011-04-29")));
    CHECK(ew.is_holiday(d("2023-05-08")));
    CHECK(ew.is_holiday(d("1995-05-08")));
  }
  SECTION("a Sunday Christmas: Boxing Day on Monday, Christmas substitute on Tuesday") {
    const auto h = ew.holidays(d("2022-12-24"), d("2022-12-31"));
    REQUIRE(h.size() == 3);
    CHECK(h[1].name == "Boxing Day");
    CHECK(h[2].date == d("2022-12-27"));
    CHECK(h[2].name == "Christmas Day (substitute day)");
    CHECK_FALSE(h[2].citation.empty());
  }
  SECTION("New Year's Day from 1974 and early May from 1978") {
    CHECK_FALSE(ew.is_holiday(d("1973-01-01")));
    CHECK(ew.is_holiday(d("1974-01-01")));
    CHECK_FALSE(ew.is_holiday(d("1977-05-02")));
    CHECK(ew.is_holiday(d("1978-05-01")));
  }
}

TEST_CASE("Scotland and Northern Ireland have their own days", "[time][calendar]") {
  const auto sct = calendar::get("GB-SCT");
  const auto nir = calendar::get("GB-NIR");
  CHECK(dates_of(sct.holidays(2022), true, sct) ==
        std::vector<std::string>{"2022-01-03", "2022-01-04", "2022-04-15", "2022-05-02", "2022-06-02", "2022-06-03",
                                 "2022-08-01", "2022-09-19", "2022-11-30", "2022-12-26", "2022-12-27"});
  CHECK(sct.is_holiday(d("2025-12-01")));  // St Andrew's Day on Sunday 30 November 2025
  CHECK_FALSE(sct.is_holiday(d("2006-11-30")));
  CHECK(sct.is_holiday(d("2007-11-30")));
  CHECK(sct.is_business_day(d("2027-03-29")));  // no Easter Monday in Scotland
  CHECK(nir.is_holiday(d("2026-03-17")));
  CHECK(nir.is_holiday(d("2026-07-13")));  // Boyne on Sunday 12 July 2026
  CHECK(nir.is_holiday(d("2027-03-29")));  // Easter Monday from GB-EAW
  CHECK(nir.is_holiday(d("2022-09-19")));
}

TEST_CASE("adjust moves a date by each business-day convention", "[time][calendar]") {
  const auto us = calendar::get("US");
  const auto ew = calendar::get("GB-EAW");
  SECTION("modified following stays in the month") {
    CHECK(us.adjust(d("2027-07-31"), business_day_convention::following) == d("2027-08-02"));
    CHECK(us.adjust(d("2027-07-31"), business_day_convention::modified_following) == d("2027-07-30"));
  }
  SECTION("preceding on the 1st leaves the month; modified preceding does not") {
    CHECK(ew.adjust(d("2022-05-01"), business_day_convention::preceding) == d("2022-04-29"));
    CHECK(ew.adjust(d("2022-05-01"), business_day_convention::modified_preceding) == d("2022-05-03"));
  }
  SECTION("business days and unadjusted are unchanged") {
    CHECK(us.adjust(d("2027-07-30"), business_day_convention::modified_following) == d("2027-07-30"));
    CHECK(us.adjust(d("2027-07-31"), business_day_convention::unadjusted) == d("2027-07-31"));
  }
  SECTION("names") {
    CHECK(recoup::parse_business_day_convention("modified_following") == business_day_convention::modified_following);
    CHECK(recoup::to_string(business_day_convention::preceding) == "preceding");
    CHECK_THROWS_WITH(recoup::parse_business_day_convention("ModFollowing"),
                      Catch::Contains("'ModFollowing'") && Catch::Contains("modified_preceding"));
  }
}

TEST_CASE("business-day arithmetic over Easter and Christmas", "[time][calendar]") {
  const auto ew = calendar::get("GB-EAW");
  const auto us = calendar::get("US");
  CHECK(ew.add_business_days(d("2024-03-28"), 1) == d("2024-04-02"));   // over Good Friday and Easter Monday
  CHECK(ew.add_business_days(d("2024-04-02"), -1) == d("2024-03-28"));
  CHECK(ew.add_business_days(d("2026-12-24"), 1) == d("2026-12-29"));   // 25 Dec, weekend, substitute 28 Dec
  CHECK(us.add_business_days(d("2026-12-24"), 1) == d("2026-12-28"));
  CHECK(ew.add_business_days(d("2026-12-24"), 5) == d("2027-01-05"));   // 1 January 2027 is a Friday
  SECTION("n = 0 rolls a non-business day forward (following)") {
    CHECK(ew.add_business_days(d("2026-12-25"), 0) == d("2026-12-29"));
    CHECK(ew.add_business_days(d("2026-12-24"), 0) == d("2026-12-24"));
  }
  SECTION("counting is over (from, to] and antisymmetric") {
    CHECK(ew.business_days_between(d("2024-03-28"), d("2024-04-02")) == 1);
    CHECK(ew.business_days_between(d("2024-04-02"), d("2024-03-28")) == -1);
    CHECK(ew.business_days_between(d("2024-01-01"), d("2024-12-31")) == 254);
    CHECK(ew.business_days_between(d("2024-01-01"), d("2024-01-01")) == 0);
    for (int n : {1, 7, 63, 64, 65, 300, 2000}) {
      const auto e = us.add_business_days(d("2023-01-01"), n);
      CHECK(us.business_days_between(d("2023-01-01"), e) == n);
    }
  }
}

TEST_CASE("calendar errors name the value and what to do", "[time][calendar]") {
  const auto us = calendar::get("US");
  CHECK_THROWS_AS(calendar::get("UK"), recoup::unknown_jurisdiction_error);
  CHECK_THROWS_WITH(calendar::get("UK"), Catch::Contains("GB-EAW, GB-NIR, GB-SCT, US"));
  CHECK_THROWS_AS(us.is_business_day(d("2101-01-03")), recoup::invalid_input_error);
  CHECK_THROWS_WITH(us.is_business_day(d("1970-12-31")),
                    Catch::Contains("1971-01-01..2100-12-31") && Catch::Contains("1970-12-31"));
  CHECK_THROWS_WITH(us.add_business_days(d("2100-12-30"), 5), Catch::Contains("leaves calendar US"));
  CHECK_THROWS_WITH(us.holidays(2101), Catch::Contains("1971..2100"));
  try {
    (void)us.holidays(1900);
  } catch (const recoup::error& e) {
    CHECK(e.id() == "calendar.out_of_range");
  }
}

TEST_CASE("user calendars from TOML, with errors naming file, line and key", "[time][calendar]") {
  const char* text = R"(schema = 1
[calendar]
id = "ACME"
extends = "GB-EAW"
weekend = ["saturday", "sunday"]
first_year = 2020
last_year = 2030
citation = "ACME staff handbook 2024, section 3"

[[rule]]
name = "Founders' Day"
kind = "nth_weekday"
month = 10
weekday = "friday"
nth = 2
citation = "ACME staff handbook 2024, section 3.2"

[[added]]
date = 2025-12-24
name = "Christmas Eve closure"
citation = "ACME notice 2025-07"
)";
  const auto acme = calendar::from_toml(text, "acme.toml");
  CHECK(acme.id() == "ACME");
  CHECK(acme.is_holiday(d("2025-10-10")));
  CHECK(acme.is_holiday(d("2025-12-24")));
  CHECK(acme.is_holiday(d("2022-06-03")));  // inherited one-off day
  CHECK(acme.is_holiday(d("2025-04-21")));  // inherited Easter Monday
  CHECK_THROWS_AS(acme.is_holiday(d("2019-12-31")), recoup::invalid_input_error);

  auto fails = [](const std::string& toml, const char* needle) {
    CHECK_THROWS_AS(calendar::from_toml(toml, "bad.toml"), recoup::rule_pack_error);
    CHECK_THROWS_WITH(calendar::from_toml(toml, "bad.toml"), Catch::Contains(needle));
  };
  const std::string head =
      "schema = 1\n[calendar]\nid = \"X\"\nweekend = [\"sunday\"]\nfirst_year = 2000\nlast_year = 2010\n"
      "citation = \"c\"\n";
  fails(head + "[[rule]]\nname = \"A\"\nkind = \"fixed\"\nmonth = 13\nday = 1\ncitation = \"c\"\n",
        "bad.toml line 11, key 'month': 13 is outside 1..12");
  fails(head + "[[rule]]\nname = \"A\"\nkind = \"weekly\"\ncitation = \"c\"\n", "key 'kind': unknown kind 'weekly'");
  fails(head + "[[rule]]\nname = \"A\"\nkind = \"fixed\"\nmonth = 1\nday = 1\n", "key 'citation': missing");
  fails(head + "[[rule]]\nname = \"A\"\nkind = \"fixed\"\nmonth = 1\nday = 1\ncitation = \"c\"\ncolour = 1\n",
        "line 14, key 'colour': unknown key in [[rule]]");
  fails(head + "[[added]]\ndate = 2011-02-30\nname = \"A\"\ncitation = \"c\"\n", "bad.toml line 9");
  fails(head + "[[added]]\ndate = \"2011-02-30\"\nname = \"A\"\ncitation = \"c\"\n",
        "line 9, key 'date': no such date: 2011-02-30");
  fails(head + "[[added]]\ndate = 2020-01-01\nname = \"A\"\ncitation = \"c\"\n", "outside the calendar's years");
  fails(head + "[[removed]]\ndate = 2005-01-01\ncitation = \"c\"\n", "is not a holiday under the rules");
  fails("schema = 1\n[calendar\n", "bad.toml line 2");
  fails(head + "[[rule]]\nname = \"A\"\nkind = \"fixed\"\nmonth = 2\nday = 29\ncitation = \"c\"\n", "29 February");
  CHECK_THROWS_AS(calendar::load("/nonexistent/calendar.toml"), recoup::invalid_input_error);
}

TEST_CASE("custom and joint calendars", "[time][calendar]") {
  const auto shop = calendar::custom("SHOP", {date::Friday}, {{d("2024-03-11"), "Spring closure", ""}}, 2024, 2024);
  CHECK(shop.is_weekend(d("2024-03-08")));
  CHECK(shop.is_business_day(d("2024-03-09")));
  CHECK_FALSE(shop.is_business_day(d("2024-03-11")));
  CHECK(shop.weekend() == std::vector<date::weekday>{date::Friday});
  CHECK_THROWS_AS(calendar::custom("X", {}, {{d("2025-01-01"), "x", ""}}, 2024, 2024), recoup::invalid_input_error);

  const auto both = calendar::joint({calendar::get("US"), calendar::get("GB-EAW")});
  CHECK(both.id() == "US+GB-EAW");
  CHECK_FALSE(both.is_business_day(d("2024-04-01")));  // Easter Monday (GB)
  CHECK_FALSE(both.is_business_day(d("2024-07-04")));  // Independence Day (US)
  CHECK(both.is_business_day(d("2024-04-02")));
  const auto h = both.holidays(d("2024-12-25"), d("2024-12-25"));
  REQUIRE(h.size() == 2);
  CHECK(h[0].name == "US: Christmas Day");
  CHECK(h[1].name == "GB-EAW: Christmas Day");
  CHECK_THROWS_AS(calendar::joint({}), recoup::invalid_input_error);
  const auto far = calendar::custom("FAR", {date::Sunday}, {}, 2200, 2201);
  CHECK_THROWS_WITH(calendar::joint({calendar::get("US"), far}), Catch::Contains("cover no year in common"));
  CHECK(calendar::joint({calendar::get("US"), shop}).first_year() == 2024);
  CHECK(calendar::joint({shop, shop}).first_year() == 2024);
}

TEST_CASE("calendars are cheap values usable from many threads", "[time][calendar]") {
  std::vector<std::thread> threads;
  std::vector<long> counts(4, 0);
  for (std::size_t t = 0; t < counts.size(); ++t) {
    threads.emplace_back([&counts, t] {
      const auto c = calendar::get(t % 2 == 0 ? "US" : "GB-SCT");
      counts[t] = static_cast<long>(c.business_days_between(d("2000-01-01"), d("2030-01-01")));
    });
  }
  for (auto& th : threads) th.join();
  CHECK(counts[0] == counts[2]);
  CHECK(counts[1] == counts[3]);
  const auto a = calendar::get("US");
  const auto b = a;  // NOLINT(performance-unnecessary-copy-initialization)
  CHECK(a == b);
  CHECK_FALSE(a == calendar::get("GB-EAW"));
}

TEST_CASE("observed days across the end of the covered range are kept", "[time][calendar]") {
  // 1 January 2101 is a Saturday: observed on Friday 31 December 2100, the last covered day.
  const auto us = calendar::get("US");
  CHECK(us.is_holiday(d("2100-12-31")));
  CHECK(us.holidays(2100).back().name == "New Year's Day (observed)");
}

TEST_CASE("the columnar is_business_day equals the scalar one and names the bad row", "[time][calendar]") {
  const auto ew = calendar::get("GB-EAW");
  std::vector<std::int64_t> days;
  for (int i = 0; i < 400; ++i) days.push_back(d("2026-01-01").serial() + i);
  const auto buffer = std::make_unique<bool[]>(days.size());  // not vector<bool>: it packs bits
  bool* out = buffer.get();
  ew.is_business_day(days, std::span<bool>(out, days.size()));
  for (std::size_t i = 0; i < days.size(); ++i) CHECK(out[i] == ew.is_business_day(civil_date::from_serial(days[i])));
  days[7] = d("2101-01-01").serial();
  CHECK_THROWS_WITH(ew.is_business_day(days, std::span<bool>(out, days.size())),
                    Catch::StartsWith("row 7: calendar GB-EAW"));
  days[7] = std::numeric_limits<std::int64_t>::min();
  CHECK_THROWS_WITH(ew.is_business_day(days, std::span<bool>(out, days.size())),
                    Catch::StartsWith("row 7: a missing date"));
  CHECK_THROWS_AS(ew.is_business_day(days, std::span<bool>(out, 3)), recoup::invalid_input_error);
}
