// Plans monitored per second: the scalar monitor() (with explanations and per-instalment
// states) and the columnar monitor_plans() kernel behind recoup.plan.monitor_plans, over
// 100,000 plans of 12 monthly instalments with a realistic mix of on-time, late, short and
// missing payments.
#include <benchmark/benchmark.h>

#include <vector>

#include "recoup/plan/monitor.hpp"
#include "recoup/plan/schedule.hpp"

namespace {

const recoup::civil_date first = recoup::civil_date::parse("2025-01-15");

struct plans_fixture {
  std::vector<std::int64_t> io{0}, po{0}, due_minor, pay_minor;
  std::vector<std::int32_t> due_date, pay_date, as_of;
  std::vector<std::int8_t> status;
  std::vector<std::int64_t> arrears, dpd, paid, outstanding, missed;
  explicit plans_fixture(std::size_t n, std::int64_t k = 12) {
    std::uint64_t x = 88172645463325252ULL;  // xorshift: deterministic mix of behaviours
    auto next = [&x] {
      x ^= x << 13;
      x ^= x >> 7;
      x ^= x << 17;
      return x;
    };
    for (std::size_t i = 0; i < n; ++i) {
      const std::int32_t start = first.serial() + static_cast<std::int32_t>(i % 28);
      const std::int64_t amount = 5000 + static_cast<std::int64_t>(i % 5000);
      for (std::int64_t j = 0; j < k; ++j) {
        due_date.push_back(start + static_cast<std::int32_t>(30 * j));
        due_minor.push_back(amount);
      }
      io.push_back(static_cast<std::int64_t>(due_date.size()));
      for (std::int64_t j = 0; j < 8; ++j) {
        const auto r = next() % 10;
        if (r == 0) continue;                                   // missed
        pay_date.push_back(start + static_cast<std::int32_t>(30 * j + (r == 1 ? 9 : 0)));  // late
        pay_minor.push_back(r == 2 ? amount / 2 : amount);      // short
      }
      po.push_back(static_cast<std::int64_t>(pay_date.size()));
      as_of.push_back(start + 240);
    }
    status.resize(n);
    for (auto* v : {&arrears, &dpd, &paid, &outstanding, &missed}) v->resize(n);
  }
};

const recoup::monitor_policy policy{.grace_days = 3, .tolerance = recoup::money::parse("1.00 GBP"), .broken_after_missed = 2};

void BM_monitor_scalar(benchmark::State& state) {
  const auto plan = recoup::build_schedule({.principal = recoup::money::parse("1200.00 GBP"), .periods = 12, .first_due = first});
  std::vector<recoup::dated_payment> pay;
  for (std::size_t j = 0; j < 8; ++j) {
    if (j == 4) continue;
    pay.push_back({plan.rows()[j].due_date.add_days(j == 2 ? 9 : 0), plan.rows()[j].payment});
  }
  const auto as_of = first.add_days(240);
  for (auto _ : state) {
    auto r = recoup::monitor(plan, pay, as_of, policy);
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
  state.SetLabel("plans/s (with states and events)");
}
BENCHMARK(BM_monitor_scalar);

void BM_monitor_batch(benchmark::State& state) {
  plans_fixture f(static_cast<std::size_t>(state.range(0)));
  const recoup::monitor_batch_input in{f.io, f.due_date, f.due_minor, f.po, f.pay_date, f.pay_minor, f.as_of};
  const recoup::monitor_batch_output out{f.status, f.arrears, f.dpd, f.paid, f.outstanding, f.missed};
  recoup::row_errors errors;
  for (auto _ : state) {
    recoup::monitor_plans(in, recoup::currency("GBP"), policy, out, &errors);
    benchmark::DoNotOptimize(f.status.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * state.range(0));
  state.SetLabel("plans/s (12 instalments each)");
}
BENCHMARK(BM_monitor_batch)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace
