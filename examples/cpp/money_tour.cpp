// A tour of recoup's money core: exact amounts, named rounding, allocation, payments, columns.
#include <recoup/recoup.hpp>

#include <iostream>
#include <vector>

int main() {
  using namespace recoup;
  using namespace recoup::literals;

  // Exact amounts in any ISO 4217 currency, with its own minor unit.
  const money balance = money::parse("1234.56 USD");
  std::cout << "balance            " << balance.to_string() << " (" << balance.minor_units() << " cents)\n";
  std::cout << "in KWD (3 places)  " << money::parse("1.234 KWD").to_string() << ", in JPY " << money::parse("500 JPY").to_string() << "\n";

  // Every lossy step names its rounding mode.
  const money fee = balance.multiply("0.035"_dec, rounding_mode::half_up);
  std::cout << "3.5% fee           " << fee.to_string() << "\n";
  std::cout << "monthly of 1000/7  " << money::parse("1000.00 GBP").divide(7, rounding_mode::half_even).to_string() << "\n";
  std::cout << "CHF cash rounding  " << money::parse("7.23 CHF").round_to(money::parse("0.05 CHF"), rounding_mode::half_up).to_string() << "\n";

  // Allocation never loses a cent; the caller chooses where the remainder goes.
  std::cout << "10.00 USD / 3      ";
  for (const money& m : money::parse("10.00 USD").allocate(3)) std::cout << m.to_string() << "  ";
  std::cout << "\n100.00 GBP 1:2:3   ";
  for (const money& m : money::parse("100.00 GBP").allocate({1, 2, 3}, remainder_policy::last)) std::cout << m.to_string() << "  ";
  std::cout << "\n";

  // One payment over the amounts due, oldest first.
  const std::vector<money> dues = {money::parse("100.00 GBP"), money::parse("80.00 GBP"), money::parse("40.00 GBP")};
  const payment_application paid = apply_in_order(money::parse("150.00 GBP"), dues);
  std::cout << "150.00 GBP applied ";
  for (const money& m : paid.applied) std::cout << m.to_string() << "  ";
  std::cout << "unapplied " << paid.unapplied.to_string() << "\n";

  // Columns of minor units: one call, overflow-checked.
  const std::vector<std::int64_t> cents = {1000, 2550, 1, 99999};
  std::cout << "column total       " << money::from_minor(columns::sum(cents), currency("USD")).to_string() << "\n";

  // Errors say what was wrong and what to do.
  try {
    (void)money::parse("1.001 USD");
  } catch (const invalid_input_error& e) {
    std::cout << "error " << e.id() << ": " << e.what() << "\n";
  }
  try {
    (void)(money::parse("1.00 USD") + money::parse("1.00 EUR"));
  } catch (const currency_mismatch_error& e) {
    std::cout << "error " << e.id() << ": " << e.what() << "\n";
  }
  return 0;
}
