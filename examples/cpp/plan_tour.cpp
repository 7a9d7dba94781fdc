// A tour of repayment plans, due dates and APR: build it with the examples (ctest compares its
// output with plan_tour.expected) or run build/cpp/examples/plan_tour after `make demo`.
#include <recoup/recoup.hpp>

#include <iostream>
#include <vector>

int main() {
  using namespace recoup;

  // The most common collections arrangement: arrears repaid interest-free, GBP 50 a month.
  const schedule arrears = build_schedule({.principal = money::parse("1200.00 GBP"),
                                           .shape = schedule_shape::fixed_instalment,
                                           .first_due = civil_date::parse("2026-01-15"),
                                           .instalment = money::parse("50.00 GBP")});
  std::cout << "Arrears arrangement: " << arrears.instalments() << " instalments, last on "
            << arrears.final_due_date().to_string() << "\n\n";

  // A loan: 12 monthly instalments from 31 January; dates stay on the month's end.
  schedule_terms loan{.principal = money::parse("10000.00 USD"),
                      .rate = annual_rate(decimal("0.06")),
                      .periods = 12,
                      .first_due = civil_date::parse("2025-01-31")};
  loan.business_days = calendar::get("US");  // due dates move to a business day in the same month
  loan.adjustment = business_day_convention::modified_following;
  const schedule s = build_schedule(loan);
  std::cout << " #  due         payment     interest    principal   balance\n";
  for (const auto& r : s.rows()) {
    std::cout << (r.number < 10 ? " " : "") << r.number << "  " << r.due_date.to_string() << "  "
              << r.payment.to_string() << "  " << r.interest.to_string() << "  " << r.principal.to_string() << "  "
              << r.balance.to_string() << "\n";
  }
  std::cout << "\n" << s.explain() << "\n";

  // Regulation Z Appendix J (c)(1)(i): USD 5,000 advanced, 24 monthly payments of USD 230.
  const std::vector<dated_amount> advances{{civil_date::parse("1978-01-10"), money::parse("5000.00 USD")}};
  std::vector<dated_amount> payments;
  for (const civil_date d : due_dates(civil_date::parse("1978-02-10"), 24, frequency::monthly())) {
    payments.push_back({d, money::parse("230.00 USD")});
  }
  const apr_result a = apr_details(advances, payments);
  std::cout << "APR (Reg Z actuarial): " << a.rate.to_string() << ", disclosed " << a.disclosed.to_string() << "\n";
}
