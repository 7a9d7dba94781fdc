// Reg F verdicts over call logs per second: check_call_log over a 1M-call log (grouped and
// shuffled), and may_call for one person with a 20-call log.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <numeric>
#include <random>
#include <vector>

#include "recoup/rules/contact.hpp"

namespace {

using namespace recoup::rules;

struct call_log {
  std::vector<std::int64_t> person, debt, t;
  std::vector<std::uint8_t> outcome;
  std::vector<std::int32_t> zone;
};

/// `groups` (person, debt) pairs with `per_group` calls each over 30 days from 2026-04-01,
/// sorted by person, debt and time (the dialer's export order), or shuffled.
call_log make_log(std::size_t groups, std::size_t per_group, bool shuffled) {
  std::mt19937_64 rng(42);
  call_log log;
  const std::int64_t start = 1775001600;  // 2026-04-01 00:00 UTC
  for (std::size_t g = 0; g < groups; ++g) {
    std::vector<std::int64_t> times(per_group);
    for (auto& x : times) x = start + static_cast<std::int64_t>(rng() % (30 * 86400));
    std::sort(times.begin(), times.end());
    for (auto x : times) {
      log.person.push_back(static_cast<std::int64_t>(g / 2));
      log.debt.push_back(static_cast<std::int64_t>(g % 2));
      log.t.push_back(x);
      log.outcome.push_back(static_cast<std::uint8_t>(rng() % 4));
      log.zone.push_back(static_cast<std::int32_t>(g % 3));
    }
  }
  if (shuffled) {
    std::vector<std::size_t> p(log.t.size());
    std::iota(p.begin(), p.end(), std::size_t{0});
    std::shuffle(p.begin(), p.end(), rng);
    call_log s;
    for (auto i : p) {
      s.person.push_back(log.person[i]);
      s.debt.push_back(log.debt[i]);
      s.t.push_back(log.t[i]);
      s.outcome.push_back(log.outcome[i]);
      s.zone.push_back(log.zone[i]);
    }
    return s;
  }
  return log;
}

void run_call_log(benchmark::State& state, bool shuffled, const char* jurisdiction) {
  const call_log log = make_log(50000, 20, shuffled);  // 1,000,000 calls
  std::vector<std::uint8_t> flags(log.t.size());
  std::vector<std::int32_t> count(log.t.size());
  const call_log_columns cols{
      .person = log.person, .debt = log.debt, .utc_seconds = log.t, .outcome = log.outcome, .zone = log.zone};
  const call_log_options opts{.time_zones = {"America/New_York", "America/Chicago", "America/Los_Angeles"},
                              .jurisdiction = jurisdiction};
  for (auto _ : state) {
    check_call_log(cols, opts, flags, count);
    benchmark::DoNotOptimize(flags.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(log.t.size()));
}

void BM_contact_call_log_grouped(benchmark::State& state) { run_call_log(state, false, "US"); }
void BM_contact_call_log_grouped_ma(benchmark::State& state) { run_call_log(state, false, "US-MA"); }
void BM_contact_call_log_shuffled(benchmark::State& state) { run_call_log(state, true, "US"); }

void BM_contact_may_call(benchmark::State& state) {
  const call_log log = make_log(1, 20, false);
  std::vector<call_record> records;
  for (std::size_t i = 0; i < log.t.size(); ++i)
    records.push_back(call_record{.at = std::chrono::sys_seconds{std::chrono::seconds{log.t[i]}},
                                  .outcome = static_cast<call_outcome>(log.outcome[i])});
  const contact_request req{.at = std::chrono::sys_seconds{std::chrono::seconds{log.t.back() + 3600}},
                            .time_zones = {"America/New_York", "America/Chicago"}};
  for (auto _ : state) benchmark::DoNotOptimize(may_call(records, req));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

}  // namespace

BENCHMARK(BM_contact_call_log_grouped)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_contact_call_log_grouped_ma)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_contact_call_log_shuffled)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_contact_may_call)->Unit(benchmark::kMicrosecond);
