// Schedule rows per second: one level-payment schedule (scalar build_schedule) and a batch of
// 10,000 schedules (build_schedules, the kernel behind the Python batch call), 60 and 360 periods.
#include <benchmark/benchmark.h>

#include <vector>

#include "recoup/plan/schedule.hpp"
#include "recoup/plan/schedule_batch.hpp"

namespace {

recoup::schedule_terms terms(std::int64_t periods) {
  return {.principal = recoup::money::parse("25000.00 USD"),
          .rate = recoup::annual_rate(recoup::decimal("0.0969")),
          .periods = periods,
          .first_due = recoup::civil_date::parse("2025-01-31")};
}

void BM_schedule_scalar(benchmark::State& state) {
  const auto t = terms(state.range(0));
  std::int64_t rows = 0;
  for (auto _ : state) {
    auto s = recoup::build_schedule(t);
    rows += static_cast<std::int64_t>(s.rows().size());
    benchmark::DoNotOptimize(s);
  }
  state.SetItemsProcessed(rows);
  state.SetLabel("rows/s");
}
BENCHMARK(BM_schedule_scalar)->Arg(60)->Arg(360);

/// 10,000 loans: principals from USD 1,000 up, rates 3.00% .. 22.99%, first due dates over 28 days.
struct batch_fixture {
  std::vector<std::int64_t> principal, periods;
  std::vector<recoup::decimal> rates;
  std::vector<std::int32_t> due;
  explicit batch_fixture(std::int64_t n_periods, std::size_t n = 10000)
      : principal(n), periods(n, n_periods), rates(n), due(n) {
    for (std::size_t i = 0; i < n; ++i) {
      principal[i] = 100000 + static_cast<std::int64_t>(i) * 1237;
      rates[i] = recoup::decimal::from_parts(static_cast<recoup::decimal::int128>(300 + i % 2000), 4);
      due[i] = recoup::civil_date::parse("2025-01-01").serial() + static_cast<std::int32_t>(i % 28);
    }
  }
  [[nodiscard]] recoup::schedule_batch_input input() const { return {principal, rates, periods, due, {}}; }
};

void BM_schedule_batch(benchmark::State& state) {
  const batch_fixture f(state.range(0));
  const auto proto = terms(state.range(0));
  std::int64_t rows = 0;
  for (auto _ : state) {
    auto out = recoup::build_schedules(proto, f.input());
    rows += static_cast<std::int64_t>(out.payment.size());
    benchmark::DoNotOptimize(out);
  }
  state.SetItemsProcessed(rows);
  state.SetLabel("rows/s");
}
BENCHMARK(BM_schedule_batch)->Arg(60)->Arg(360)->Unit(benchmark::kMillisecond);

// The same batch writing into reused buffers (build_schedules_into): the kernel without the
// page faults of fresh output arrays.
void BM_schedule_batch_reused(benchmark::State& state) {
  const batch_fixture f(state.range(0));
  const auto proto = terms(state.range(0));
  recoup::schedule_batch_result out;
  std::int64_t rows = 0;
  for (auto _ : state) {
    recoup::build_schedules_into(proto, f.input(), out);
    rows += static_cast<std::int64_t>(out.payment.size());
    benchmark::DoNotOptimize(out.payment.data());
  }
  state.SetItemsProcessed(rows);
  state.SetLabel("rows/s");
}
BENCHMARK(BM_schedule_batch_reused)->Arg(60)->Arg(360)->Unit(benchmark::kMillisecond);

}  // namespace
