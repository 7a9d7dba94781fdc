// Fuzz target: strategy policies (strategy_policy::from_text, the decision layer's TOML).
// Invariant: only recoup errors refuse; an accepted policy answers currency_of for its table.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_contract.hpp"
#include "recoup/decide/strategy_policy.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  recoup::fuzz::refuses_only_with_recoup_errors([&] {
    const auto policy = recoup::decide::strategy_policy::from_text(text, "fuzz.toml");
    recoup::fuzz::refuses_only_with_recoup_errors([&] { (void)policy.currency_of("US-TX"); });
  });
  return 0;
}
