// Fuzz target: decimal text (decimal::parse, the number syntax of rates and factors).
// Invariants: a parse either succeeds or throws a recoup::error; what parses prints back to
// text that parses to the same value and scale; parse and try_parse agree.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_contract.hpp"
#include "recoup/core/decimal.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  recoup::parse_failure why;
  const auto quiet = recoup::decimal::try_parse(text, &why);
  const bool parsed = recoup::fuzz::refuses_only_with_recoup_errors([&] {
    const recoup::decimal d = recoup::decimal::parse(text);
    const std::string printed = d.to_string();
    const recoup::decimal again = recoup::decimal::parse(printed);
    recoup::fuzz::require(again == d && again.to_string() == printed, "decimal text does not round-trip", printed);
    recoup::fuzz::require(quiet.has_value() && *quiet == d, "try_parse disagrees with parse", text);
  });
  if (!parsed) recoup::fuzz::require(!quiet.has_value() && !why.id.empty(), "try_parse accepted what parse refused", text);
  return 0;
}
