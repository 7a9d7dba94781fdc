// Fuzz target: money text (money::parse "<amount> <CODE>", money::parse_amount, the kernels
// of Money.parse, amount columns and recoup_money_parse).
// Invariants: only recoup errors refuse; money prints back to the same money; exponent
// notation never passes as money; a parsed amount has no more places than its currency.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_contract.hpp"
#include "recoup/core/columns.hpp"
#include "recoup/core/money.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  recoup::fuzz::refuses_only_with_recoup_errors([&] {
    const recoup::money m = recoup::money::parse(text);
    const std::string_view amount = text.substr(0, text.find(' '));  // the code may hold an E ("EUR")
    recoup::fuzz::require(amount.find_first_of("eE") == std::string_view::npos,
                          "money text in exponent notation was accepted", text);
    const std::string printed = m.to_string();
    recoup::fuzz::require(recoup::money::parse(printed) == m, "money text does not round-trip", printed);
  });
  recoup::fuzz::refuses_only_with_recoup_errors([&] {
    const recoup::decimal d = recoup::money::parse_amount(text);
    recoup::fuzz::require(text.find_first_of("eE") == std::string_view::npos, "parse_amount accepted an exponent",
                          text);
    const std::int64_t minor = recoup::columns::parse_minor(text, recoup::currency("USD"), std::nullopt);
    recoup::fuzz::require(recoup::money::from_minor(minor, recoup::currency("USD")).amount() == d,
                          "parse_minor disagrees with parse_amount", text);
  });
  return 0;
}
