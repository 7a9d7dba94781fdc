// A CRM's questions through the C++ library: where a payment goes, and whether a call may be
// placed now. Output checked by ctest (crm_tour.expected).
#include <recoup/recoup.hpp>

#include <iostream>

int main() {
  using namespace recoup;
  using namespace std::chrono;
  // Where a payment goes: instalment 1 first (interest, then principal), the late fee after.
  const std::vector<charge> owed{
      {civil_date::parse("2025-01-31"), charge_bucket::interest, money::parse("10.00 GBP"), 1},
      {civil_date::parse("2025-01-31"), charge_bucket::principal, money::parse("90.00 GBP"), 1},
      {civil_date::parse("2025-02-05"), charge_bucket::fees, money::parse("25.00 GBP"), 0}};
  const auto w = apply_payments(owed, {{"p1", civil_date::parse("2025-02-10"), money::parse("100.00 GBP")}});
  std::cout << "outstanding after p1: " << w.total_outstanding.to_string() << '\n';  // 25.00 GBP
  // May we call at 09:00 in Chicago with no calls placed yet? (Reg F 1006.14)
  const rules::contact_request q{.at = sys_days{year{2026} / 12 / 7} + hours{15}, .time_zones = {"America/Chicago"}};
  const auto v = rules::may_call({}, q);
  std::cout << "call now: " << (v.allowed ? "yes" : "no") << '\n';
  // At 06:00 there: no, and the verdict says until when and under which rule.
  const rules::contact_request early{.at = sys_days{year{2026} / 12 / 7} + hours{12}, .time_zones = {"America/Chicago"}};
  const auto e = rules::may_call({}, early);
  std::cout << "call at 06:00: " << (e.allowed ? "yes" : "no") << " (" << e.reasons.front().rule_id << ", "
            << e.main_rule().citation << ")\n";
  return 0;
}
