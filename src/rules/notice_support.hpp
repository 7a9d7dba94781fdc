// Internal helpers shared by the notice-period checks (src/rules/{notices,credit_reporting,
// breathing_space,tax_reporting,default_notice,pre_action}.cpp). Not installed.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "recoup/core/error.hpp"
#include "recoup/time/civil_date.hpp"

namespace recoup::rules::detail {

/// The date a rule version is chosen by: as_of when given, else the triggering date.
inline civil_date as_of_or(std::optional<civil_date> as_of, civil_date trigger) noexcept {
  return as_of ? *as_of : trigger;
}

/// "2026-09-14 (Monday)".
inline std::string day_name(civil_date d) {
  static constexpr std::array<const char*, 7> names{"Monday", "Tuesday", "Wednesday", "Thursday",
                                                    "Friday", "Saturday", "Sunday"};
  return d.to_string() + " (" + names[static_cast<std::size_t>(d.iso_weekday() - 1)] + ")";
}

/// Looks `name` up among `names` (an enum's names in declaration order); throws
/// invalid_input_error `id` naming `what` and the accepted names.
template <class Enum, std::size_t N>
Enum parse_enum(std::string_view name, const std::array<std::string_view, N>& names, std::string_view what,
                std::string_view id = "notices.unknown_option") {
  for (std::size_t i = 0; i < N; ++i)
    if (names[i] == name) return static_cast<Enum>(i);
  std::string list;
  for (const auto n : names) list += (list.empty() ? "" : ", ") + std::string(n);
  throw invalid_input_error(id, std::string(what) + " '" + std::string(name) + "' is not one of: " + list);
}

/// Throws invalid_input_error "notices.date_order" unless !(later < earlier).
inline void require_order(civil_date earlier, std::string_view earlier_name, civil_date later,
                          std::string_view later_name) {
  if (later < earlier)
    throw invalid_input_error("notices.date_order", std::string(later_name) + " " + later.to_string() +
                                                        " is before " + std::string(earlier_name) + " " +
                                                        earlier.to_string());
}

}  // namespace recoup::rules::detail
