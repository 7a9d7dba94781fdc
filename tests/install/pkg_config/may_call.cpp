// Built with `pkg-config --cflags --libs recoup` alone: the contact rules need date-tz at link
// time. An eighth call in seven days is blocked (12 CFR 1006.14(b)(2)(i)).
#include <recoup/recoup.hpp>

#include <iostream>

int main() {
  using namespace std::chrono;
  std::vector<recoup::rules::call_record> log;
  const sys_seconds monday = sys_days{year{2026} / 3 / 2} + hours{15};
  for (int d = 0; d < 7; ++d) log.push_back({.at = monday + days{d % 6} + minutes{d}});
  recoup::rules::contact_request q{.at = monday + days{6} + hours{1}, .time_zones = {"America/New_York"}};
  std::cout << (recoup::rules::may_call(log, q).allowed ? "allowed" : "blocked") << '\n';
  return 0;
}
