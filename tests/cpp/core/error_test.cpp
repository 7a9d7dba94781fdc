// Tests of recoup/core/error.hpp: error kinds, stable ids and messages.
#include "../support.hpp"

#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>

using recoup::error;
using recoup::error_kind;
using recoup::test::has_id;

namespace {
template <class E>
void check_error_type(error_kind expected_kind) {
  const E e("test.id", "something went wrong with '42'");
  CHECK(e.kind() == expected_kind);
  CHECK(e.id() == "test.id");
  CHECK(std::string(e.what()) == "something went wrong with '42'");
  const error& base = e;
  CHECK(base.kind() == expected_kind);
  try {
    throw E("test.thrown", "thrown");
  } catch (const std::runtime_error& caught) {
    CHECK(std::string(caught.what()) == "thrown");
    const auto* as_error = dynamic_cast<const error*>(&caught);
    REQUIRE(as_error != nullptr);
    CHECK(as_error->id() == "test.thrown");
  }
}
}  // namespace

TEST_CASE("error kinds have stable numbers and names", "[error]") {
  struct row {
    error_kind kind;
    int value;
    const char* name;
  };
  const row rows[] = {
      {error_kind::invalid_input, 1, "invalid_input"},
      {error_kind::currency_mismatch, 2, "currency_mismatch"},
      {error_kind::overflow, 3, "overflow"},
      {error_kind::division_by_zero, 4, "division_by_zero"},
      {error_kind::unknown_currency, 5, "unknown_currency"},
      {error_kind::unknown_jurisdiction, 6, "unknown_jurisdiction"},
      {error_kind::rule_pack, 7, "rule_pack"},
      {error_kind::float_input, 8, "float_input"},
      {error_kind::no_convergence, 9, "no_convergence"},
  };
  for (const auto& r : rows) {
    INFO("kind " << r.name);
    CHECK(static_cast<int>(r.kind) == r.value);
    CHECK(recoup::to_string(r.kind) == r.name);
  }
  CHECK(recoup::to_string(static_cast<error_kind>(99)) == "unknown");
}

TEST_CASE("every error class carries its kind, id and message", "[error]") {
  SECTION("invalid_input_error") { check_error_type<recoup::invalid_input_error>(error_kind::invalid_input); }
  SECTION("currency_mismatch_error") { check_error_type<recoup::currency_mismatch_error>(error_kind::currency_mismatch); }
  SECTION("overflow_error") { check_error_type<recoup::overflow_error>(error_kind::overflow); }
  SECTION("division_by_zero_error") { check_error_type<recoup::division_by_zero_error>(error_kind::division_by_zero); }
  SECTION("unknown_currency_error") { check_error_type<recoup::unknown_currency_error>(error_kind::unknown_currency); }
  SECTION("unknown_jurisdiction_error") {
    check_error_type<recoup::unknown_jurisdiction_error>(error_kind::unknown_jurisdiction);
  }
  SECTION("rule_pack_error") { check_error_type<recoup::rule_pack_error>(error_kind::rule_pack); }
  SECTION("float_input_error") { check_error_type<recoup::float_input_error>(error_kind::float_input); }
  SECTION("no_convergence_error") { check_error_type<recoup::no_convergence_error>(error_kind::no_convergence); }
  SECTION("the base class can be built directly") {
    const error e(error_kind::rule_pack, "rules.bad", "bad rule");
    CHECK(e.kind() == error_kind::rule_pack);
    CHECK(e.id() == "rules.bad");
  }
  SECTION("the hierarchy") {
    STATIC_REQUIRE(std::is_base_of_v<std::runtime_error, error>);
    STATIC_REQUIRE(std::is_base_of_v<error, recoup::overflow_error>);
    STATIC_REQUIRE(std::is_base_of_v<error, recoup::invalid_input_error>);
    STATIC_REQUIRE_FALSE(std::is_base_of_v<recoup::invalid_input_error, recoup::overflow_error>);
  }
}

TEST_CASE("errors thrown by the core have the documented kind, id and message", "[error]") {
  struct thrown {
    const char* what;
    error_kind kind;
    const char* id;
    const char* fragment;
  };
  auto capture = [](auto&& fn) -> std::optional<thrown> {
    try {
      fn();
    } catch (const error& e) {
      static std::string id, message;  // kept alive for the returned pointers
      id = e.id();
      message = e.what();
      return thrown{message.c_str(), e.kind(), id.c_str(), nullptr};
    }
    return std::nullopt;
  };
  SECTION("excess precision names the amount and the remedy") {
    const auto t = capture([] { (void)recoup::money::parse("1.001 USD"); });
    REQUIRE(t);
    CHECK(t->kind == error_kind::invalid_input);
    CHECK(std::string(t->id) == "money.excess_precision");
    CHECK(std::string(t->what).find("1.001") != std::string::npos);
    CHECK(std::string(t->what).find("money::rounded") != std::string::npos);
  }
  SECTION("unknown currencies are unknown_currency") {
    const auto t = capture([] { (void)recoup::currency("ABC"); });
    REQUIRE(t);
    CHECK(t->kind == error_kind::unknown_currency);
    CHECK(std::string(t->id) == "currency.unknown");
    CHECK(std::string(t->what).find("'ABC'") != std::string::npos);
  }
  SECTION("division by zero is division_by_zero") {
    REQUIRE_THROWS_MATCHES(recoup::divide(1, 0, 2, recoup::rounding_mode::half_even), recoup::division_by_zero_error,
                           has_id("decimal.division_by_zero", "cannot divide 1 by zero"));
  }
  SECTION("a long bad text is shortened in the message") {
    const std::string text(200, '7');
    const auto t = capture([&] { (void)recoup::decimal::parse(text + "x"); });
    REQUIRE(t);
    CHECK(std::string(t->what).find(std::string(57, '7') + "...") != std::string::npos);
    CHECK(std::string(t->what).find(std::string(58, '7')) == std::string::npos);
  }
}
