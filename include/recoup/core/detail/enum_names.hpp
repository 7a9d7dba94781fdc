#pragma once
// Stable names for enumerations: one table per enum, looked up both ways, with an error that
// lists the valid names when a name is unknown.

#include <array>
#include <string>
#include <string_view>
#include <utility>

#include "recoup/core/error.hpp"

namespace recoup::detail {

template <class E, std::size_t N>
using enum_table = std::array<std::pair<std::string_view, E>, N>;

/// The value named `name`; otherwise invalid_input_error `id`: "unknown <what> '<name>': use one of ...".
template <class E, std::size_t N>
E enum_from_name(std::string_view name, const enum_table<E, N>& table, const char* what, const char* id) {
  std::string valid;
  for (const auto& [n, e] : table) {
    if (n == name) return e;
    valid += (valid.empty() ? "" : ", ") + std::string(n);
  }
  throw invalid_input_error(id, "unknown " + std::string(what) + " '" + std::string(name) + "': use one of " + valid);
}

/// The name of `e` in `table` ("?" if the table lacks it).
template <class E, std::size_t N>
constexpr std::string_view enum_name(E e, const enum_table<E, N>& table) noexcept {
  for (const auto& [n, v] : table) {
    if (v == e) return n;
  }
  return "?";
}

}  // namespace recoup::detail
