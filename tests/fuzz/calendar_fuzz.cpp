// Fuzz target: business-day calendars from TOML (calendar::from_toml).
// Invariants: only recoup errors refuse; an accepted calendar answers business-day questions
// over a span of dates, and adding then subtracting business days lands on a business day.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_contract.hpp"
#include "recoup/time/calendar.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  recoup::fuzz::refuses_only_with_recoup_errors([&] {
    const recoup::calendar c = recoup::calendar::from_toml(text, "fuzz.toml");
    const recoup::civil_date start = recoup::civil_date::from_ymd(2026, 1, 1);
    for (int i = 0; i < 400; i += 7) {
      const recoup::civil_date d = start.add_days(i);
      recoup::fuzz::refuses_only_with_recoup_errors([&] {
        const recoup::civil_date next = c.add_business_days(d, 3);
        recoup::fuzz::require(c.is_business_day(next), "add_business_days landed on a holiday", next.to_string());
      });
    }
  });
  return 0;
}
