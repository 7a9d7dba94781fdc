// recoup/time/business_day_convention.hpp — how a date that is not a business day is moved.
//
// The five conventions of ISDA 2006 Definitions section 4.12 (and QuantLib's BusinessDayConvention):
//
//   unadjusted          the date is kept as it is
//   following           the next business day
//   modified_following  the next business day, unless that is in the next month: then the previous one
//   preceding           the previous business day
//   modified_preceding  the previous business day, unless that is in the previous month: then the next one
//
//   auto c = recoup::parse_business_day_convention("modified_following");
//   recoup::calendar::get("US").adjust(recoup::civil_date::parse("2027-07-31"), c);  // 2027-07-30
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "recoup/core/error.hpp"

namespace recoup {

/// How calendar::adjust moves a date that is not a business day (ISDA 2006 section 4.12).
enum class business_day_convention {
  unadjusted,
  following,
  modified_following,
  preceding,
  modified_preceding,
};

/// Every convention, in declaration order.
inline constexpr std::array<business_day_convention, 5> all_business_day_conventions{
    business_day_convention::unadjusted, business_day_convention::following,
    business_day_convention::modified_following, business_day_convention::preceding,
    business_day_convention::modified_preceding};

/// The stable name: "unadjusted", "following", "modified_following", "preceding", "modified_preceding".
constexpr std::string_view to_string(business_day_convention c) noexcept {
  switch (c) {
    case business_day_convention::unadjusted: return "unadjusted";
    case business_day_convention::following: return "following";
    case business_day_convention::modified_following: return "modified_following";
    case business_day_convention::preceding: return "preceding";
    case business_day_convention::modified_preceding: return "modified_preceding";
  }
  return "unknown";
}

/// The convention named `name` (exactly one of the names to_string returns). Anything else throws
/// invalid_input_error "calendar.unknown_convention" listing the valid names.
inline business_day_convention parse_business_day_convention(std::string_view name) {
  for (auto c : all_business_day_conventions)
    if (to_string(c) == name) return c;
  std::string shown(name.substr(0, 40));
  throw invalid_input_error("calendar.unknown_convention",
                            "unknown business-day convention '" + shown +
                                "': use one of unadjusted, following, modified_following, preceding, "
                                "modified_preceding");
}

}  // namespace recoup
