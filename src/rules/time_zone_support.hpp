// Internal time-zone glue shared by the contact checks and the compliance gate (src/rules/
// contact.cpp, compliance_gate.cpp): zone lookup with recoup's error, local dates of an instant
// and the instant of a local midnight. Howard Hinnant's date/tz.h over the OS tz database stays
// here, out of the public headers. Not installed.
#pragma once

#include <chrono>
#include <cstdint>
#include <exception>
#include <string>

#include <date/tz.h>

#include "recoup/core/error.hpp"

namespace recoup::rules::detail {

inline constexpr std::int64_t day_seconds = 86400;

inline std::int64_t floor_div(std::int64_t a, std::int64_t b) noexcept {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

/// The zone named `name`; throws invalid_input_error "contact.unknown_time_zone".
inline const date::time_zone* find_zone(const std::string& name) {
  if (name.empty())
    throw invalid_input_error("contact.unknown_time_zone",
                              "empty time zone name: expected an IANA name such as \"America/New_York\"");
  try {
    return date::locate_zone(name);
  } catch (const std::exception&) {
    throw invalid_input_error("contact.unknown_time_zone",
                              "unknown time zone '" + name +
                                  "': the tz database has no such zone (expected an IANA name such as "
                                  "\"America/New_York\" or \"America/Los_Angeles\")");
  }
}

/// The local day serial of UTC instant `t` in `zone` (UTC when zone is null).
inline std::int64_t local_day(const date::time_zone* zone, std::int64_t t) {
  if (zone == nullptr) return floor_div(t, day_seconds);
  const date::sys_info info = zone->get_info(date::sys_seconds{std::chrono::seconds{t}});
  return floor_div(t + info.offset.count(), day_seconds);
}

/// The UTC instant at which local day `day` begins in `zone` (UTC midnight when zone is null).
/// A midnight that does not exist (a DST gap at 00:00) begins at the transition; an ambiguous
/// one at its earlier instant.
inline std::int64_t local_midnight(const date::time_zone* zone, std::int64_t day) {
  const std::int64_t local = day * day_seconds;
  if (zone == nullptr) return local;
  const date::local_info li = zone->get_info(date::local_seconds{std::chrono::seconds{local}});
  if (li.result == date::local_info::nonexistent) return li.second.begin.time_since_epoch().count();
  return local - li.first.offset.count();
}

}  // namespace recoup::rules::detail
