// tests/cpp/support.hpp — shared test helpers: Catch2 printers for recoup types and an error matcher.
#pragma once

#include "recoup/core.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <string>
#include <utility>

namespace Catch {
template <>
struct StringMaker<recoup::decimal> {
  static std::string convert(const recoup::decimal& d) { return d.to_string() + " (scale " + std::to_string(d.scale()) + ")"; }
};
template <>
struct StringMaker<recoup::money> {
  static std::string convert(const recoup::money& m) { return m.to_string(); }
};
template <>
struct StringMaker<recoup::currency> {
  static std::string convert(const recoup::currency& c) { return std::string(c.code()); }
};
template <>
struct StringMaker<recoup::rounding_mode> {
  static std::string convert(recoup::rounding_mode m) { return std::string(recoup::to_string(m)); }
};
template <>
struct StringMaker<recoup::error_kind> {
  static std::string convert(recoup::error_kind k) { return std::string(recoup::to_string(k)); }
};
}  // namespace Catch

namespace recoup::test {

/// Matches a recoup::error by its stable id and, optionally, a fragment of its message.
class error_matcher : public Catch::MatcherBase<recoup::error> {
 public:
  error_matcher(std::string id, std::string fragment) : id_(std::move(id)), fragment_(std::move(fragment)) {}
  bool match(const recoup::error& e) const override {
    return e.id() == id_ && std::string(e.what()).find(fragment_) != std::string::npos;
  }
  std::string describe() const override {
    std::string s = "has error id \"" + id_ + "\"";
    if (!fragment_.empty()) s += " and a message containing \"" + fragment_ + "\"";
    return s;
  }

 private:
  std::string id_;
  std::string fragment_;
};

/// REQUIRE_THROWS_MATCHES(expr, recoup::overflow_error, has_id("money.overflow"))
inline error_matcher has_id(std::string id, std::string fragment = {}) {
  return error_matcher(std::move(id), std::move(fragment));
}

/// The modes in the order of the expected-value columns of the tables below (and of
/// Python's ROUND_HALF_EVEN, ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_UP, ROUND_DOWN,
/// ROUND_CEILING, ROUND_FLOOR).
inline constexpr std::array<rounding_mode, 7> table_modes = all_rounding_modes;

}  // namespace recoup::test
