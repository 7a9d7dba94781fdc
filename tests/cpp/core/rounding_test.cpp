// Tests of recoup/core/rounding.hpp: mode names, parsing, and integer-quotient rounding.
// Expected quotients were computed with Python: (Decimal(n) / Decimal(d)).quantize(Decimal(1), ROUND_*).
#include "../support.hpp"

#include <cstdint>
#include <string>

using recoup::rounding_mode;
using recoup::test::has_id;
using recoup::test::table_modes;

namespace {
struct quotient_row {
  std::int64_t num;
  std::int64_t den;
  std::array<std::int64_t, 7> expected;  // in the order of table_modes
};

const quotient_row quotient_rows[] = {
    {5, 2, {2, 3, 2, 3, 2, 3, 2}},
    {-5, 2, {-2, -3, -2, -3, -2, -2, -3}},
    {7, 2, {4, 4, 3, 4, 3, 4, 3}},
    {-7, 2, {-4, -4, -3, -4, -3, -3, -4}},
    {1, 3, {0, 0, 0, 1, 0, 1, 0}},
    {2, 3, {1, 1, 1, 1, 0, 1, 0}},
    {-2, 3, {-1, -1, -1, -1, 0, 0, -1}},
    {-1, 3, {0, 0, 0, -1, 0, 0, -1}},
    {9, 4, {2, 2, 2, 3, 2, 3, 2}},
    {10, 4, {2, 3, 2, 3, 2, 3, 2}},
    {-10, 4, {-2, -3, -2, -3, -2, -2, -3}},
    {11, 4, {3, 3, 3, 3, 2, 3, 2}},
    {5, -2, {-2, -3, -2, -3, -2, -2, -3}},
    {-5, -2, {2, 3, 2, 3, 2, 3, 2}},
    {7, -3, {-2, -2, -2, -3, -2, -2, -3}},
    {0, 5, {0, 0, 0, 0, 0, 0, 0}},
    {6, 3, {2, 2, 2, 2, 2, 2, 2}},
    {-6, 3, {-2, -2, -2, -2, -2, -2, -2}},
    {1000000000000000001, 2,
     {500000000000000000, 500000000000000001, 500000000000000000, 500000000000000001, 500000000000000000,
      500000000000000001, 500000000000000000}},
};
}  // namespace

TEST_CASE("rounding modes have stable names", "[rounding]") {
  SECTION("to_string") {
    CHECK(recoup::to_string(rounding_mode::half_even) == "half_even");
    CHECK(recoup::to_string(rounding_mode::half_up) == "half_up");
    CHECK(recoup::to_string(rounding_mode::half_down) == "half_down");
    CHECK(recoup::to_string(rounding_mode::up) == "up");
    CHECK(recoup::to_string(rounding_mode::down) == "down");
    CHECK(recoup::to_string(rounding_mode::ceiling) == "ceiling");
    CHECK(recoup::to_string(rounding_mode::floor) == "floor");
  }
  SECTION("all_rounding_modes lists seven distinct modes") {
    CHECK(recoup::all_rounding_modes.size() == 7);
    for (std::size_t i = 0; i < recoup::all_rounding_modes.size(); ++i)
      for (std::size_t j = i + 1; j < recoup::all_rounding_modes.size(); ++j)
        CHECK(recoup::all_rounding_modes[i] != recoup::all_rounding_modes[j]);
  }
}

TEST_CASE("parse_rounding_mode accepts recoup and Python decimal names", "[rounding][parse]") {
  SECTION("every recoup name round-trips") {
    for (rounding_mode m : recoup::all_rounding_modes) CHECK(recoup::parse_rounding_mode(recoup::to_string(m)) == m);
  }
  SECTION("Python's ROUND_* constants") {
    CHECK(recoup::parse_rounding_mode("ROUND_HALF_EVEN") == rounding_mode::half_even);
    CHECK(recoup::parse_rounding_mode("ROUND_HALF_UP") == rounding_mode::half_up);
    CHECK(recoup::parse_rounding_mode("ROUND_HALF_DOWN") == rounding_mode::half_down);
    CHECK(recoup::parse_rounding_mode("ROUND_UP") == rounding_mode::up);
    CHECK(recoup::parse_rounding_mode("ROUND_DOWN") == rounding_mode::down);
    CHECK(recoup::parse_rounding_mode("ROUND_CEILING") == rounding_mode::ceiling);
    CHECK(recoup::parse_rounding_mode("ROUND_FLOOR") == rounding_mode::floor);
  }
  SECTION("ROUND_05UP is refused with its own explanation") {
    REQUIRE_THROWS_MATCHES(recoup::parse_rounding_mode("ROUND_05UP"), recoup::invalid_input_error,
                           has_id("rounding.unknown_mode", "ROUND_05UP is not supported"));
  }
  SECTION("unknown names are refused with the list of valid ones") {
    const char* bad[] = {"", "HALF_EVEN", "halfeven", "Half_Even", "round_half_even", "ROUND_", "ROUND_NEAREST",
                         "bankers", " half_even", "half_even "};
    for (const char* name : bad) {
      INFO("name: '" << name << "'");
      REQUIRE_THROWS_MATCHES(recoup::parse_rounding_mode(name), recoup::invalid_input_error,
                             has_id("rounding.unknown_mode", "use one of half_even, half_up, half_down, up, down"));
    }
  }
  SECTION("a long bad name is shortened in the message") {
    const std::string longname(200, 'x');
    try {
      (void)recoup::parse_rounding_mode(longname);
      FAIL("no exception");
    } catch (const recoup::error& e) {
      CHECK(std::string(e.what()).find(std::string(41, 'x')) == std::string::npos);
      CHECK(std::string(e.what()).find(std::string(40, 'x')) != std::string::npos);
    }
  }
}

TEST_CASE("round_quotient rounds integer quotients like Python's quantize", "[rounding][quotient]") {
  SECTION("int64") {
    for (const auto& row : quotient_rows) {
      for (std::size_t m = 0; m < table_modes.size(); ++m) {
        INFO(row.num << " / " << row.den << ", " << recoup::to_string(table_modes[m]));
        CHECK(recoup::detail::round_quotient<std::int64_t>(row.num, row.den, table_modes[m]) == row.expected[m]);
      }
    }
  }
  SECTION("int128 agrees") {
    for (const auto& row : quotient_rows) {
      for (std::size_t m = 0; m < table_modes.size(); ++m) {
        INFO(row.num << " / " << row.den << ", " << recoup::to_string(table_modes[m]));
        const auto q = recoup::detail::round_quotient<recoup::detail::int128>(row.num, row.den, table_modes[m]);
        CHECK(static_cast<std::int64_t>(q) == row.expected[m]);
      }
    }
  }
  SECTION("checked 256-bit agrees") {
    using recoup::detail::int256;
    for (const auto& row : quotient_rows) {
      for (std::size_t m = 0; m < table_modes.size(); ++m) {
        INFO(row.num << " / " << row.den << ", " << recoup::to_string(table_modes[m]));
        const int256 q = recoup::detail::round_quotient<int256>(int256(row.num), int256(row.den), table_modes[m]);
        CHECK(q == int256(row.expected[m]));
      }
    }
  }
  SECTION("the header's examples") {
    using recoup::detail::round_quotient;
    CHECK(round_quotient<int>(25, 10, rounding_mode::half_even) == 2);
    CHECK(round_quotient<int>(35, 10, rounding_mode::half_even) == 4);
    CHECK(round_quotient<int>(-25, 10, rounding_mode::half_up) == -3);
    CHECK(round_quotient<int>(-25, 10, rounding_mode::half_down) == -2);
    CHECK(round_quotient<int>(-21, 10, rounding_mode::up) == -3);
    CHECK(round_quotient<int>(29, 10, rounding_mode::down) == 2);
    CHECK(round_quotient<int>(-29, 10, rounding_mode::ceiling) == -2);
    CHECK(round_quotient<int>(-21, 10, rounding_mode::floor) == -3);
  }
  SECTION("extreme int64 numerators do not overflow") {
    using recoup::detail::round_quotient;
    constexpr std::int64_t max = INT64_MAX;  // 9223372036854775807
    CHECK(round_quotient<std::int64_t>(max, 2, rounding_mode::half_up) == 4611686018427387904);
    CHECK(round_quotient<std::int64_t>(max, 2, rounding_mode::half_down) == 4611686018427387903);
    CHECK(round_quotient<std::int64_t>(max, max, rounding_mode::up) == 1);
    CHECK(round_quotient<std::int64_t>(max - 1, max, rounding_mode::half_even) == 1);
    CHECK(round_quotient<std::int64_t>(INT64_MIN, 10, rounding_mode::floor) == -922337203685477581);
  }
}
