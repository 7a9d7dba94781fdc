// Parsing of rounding-mode names (recoup's and Python decimal's).
#include "recoup/core/rounding.hpp"

#include "recoup/core/error.hpp"

#include <string>

namespace recoup {

rounding_mode parse_rounding_mode(std::string_view name) {
  for (rounding_mode m : all_rounding_modes)
    if (name == to_string(m)) return m;
  // Python decimal's constant values: "ROUND_HALF_EVEN" and friends.
  if (name.starts_with("ROUND_")) {
    std::string lower;
    for (char c : name.substr(6)) lower.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    if (lower == "05up")
      throw invalid_input_error("rounding.unknown_mode",
                                "rounding mode ROUND_05UP is not supported: it is not a rounding rule of any "
                                "currency or regulation; use one of half_even, half_up, half_down, up, down, ceiling, floor");
    for (rounding_mode m : all_rounding_modes)
      if (lower == to_string(m)) return m;
  }
  std::string shown(name.substr(0, 40));
  throw invalid_input_error("rounding.unknown_mode", "unknown rounding mode '" + shown +
                                                         "': use one of half_even, half_up, half_down, up, down, ceiling, floor");
}

}  // namespace recoup
