// Uses the installed headers and library; prints one allocation so the test can check it.
#include <recoup/recoup.hpp>

#include <iostream>

int main() {
  for (const auto& part : recoup::money::parse("10.00 USD").allocate(3)) std::cout << part.to_string() << '\n';
  std::cout << recoup::currency("KWD").name() << '\n';
  return 0;
}
