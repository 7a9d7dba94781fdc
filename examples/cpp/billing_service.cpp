// Linking recoup into an existing C++ service: a billing service keeps its own types and calls
// recoup at the boundary — money in minor units, dates as text, one catch for recoup::error that
// turns any failure into the service's own error reply. Built with the other examples; link
// recoup::recoup (find_package(recoup) or add_subdirectory).
#include <recoup/recoup.hpp>

#include <iostream>
#include <string>
#include <vector>

namespace billing {

/// The service's own request and reply types (as they might arrive from JSON or a queue).
struct arrangement_request {
  std::string account;
  std::string balance;     // "1200.00 GBP"
  std::string instalment;  // "50.00 GBP"
  std::string first_due;   // "2026-01-15"
};

struct reply {
  bool ok;
  std::string body;
};

class arrangement_service {
 public:
  /// Proposes an interest-free arrangement and returns its summary, or the reason it cannot.
  reply propose(const arrangement_request& r) const {
    try {
      const recoup::schedule plan = recoup::build_schedule({.principal = recoup::money::parse(r.balance),
                                                            .shape = recoup::schedule_shape::fixed_instalment,
                                                            .first_due = recoup::civil_date::parse(r.first_due),
                                                            .instalment = recoup::money::parse(r.instalment),
                                                            .business_days = recoup::calendar::get("GB-EAW")});
      return {true, r.account + ": " + std::to_string(plan.instalments()) + " instalments, last " +
                        plan.rows().back().payment.to_string() + " on " + plan.final_due_date().to_string()};
    } catch (const recoup::error& e) {
      // One place maps recoup's errors to the service's: the id is stable, the message says what to fix.
      return {false, r.account + ": rejected [" + e.id() + "] " + e.what()};
    }
  }
};

}  // namespace billing

int main() {
  const billing::arrangement_service service;
  const std::vector<billing::arrangement_request> requests{
      {"A-1001", "1200.00 GBP", "50.00 GBP", "2026-01-15"},
      {"A-1002", "1000.00 GBP", "75.00 GBP", "2026-02-28"},
      {"A-1003", "1000.00 GBP", "75.00 EUR", "2026-02-28"},
      {"A-1004", "1000.001 GBP", "75.00 GBP", "2026-02-28"},
      {"A-1005", "1000.00 GBP", "75.00 GBP", "2026-02-29"},
  };
  for (const auto& r : requests) {
    const billing::reply out = service.propose(r);
    std::cout << (out.ok ? "ok    " : "error ") << out.body << '\n';
  }
}
