// Must NOT compile: money's constructor from a decimal is explicit, so an amount cannot be
// brace-initialised by accident from a number and a currency (ctest c++.money_brace_init_refused).
#include <recoup/core/money.hpp>

recoup::money owed() { return {recoup::decimal(1234), recoup::currency("USD")}; }
