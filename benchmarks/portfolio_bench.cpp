// Accounts aged per second: days past due from due dates, bucket indices, and the aging summary
// (counts and balances per bucket) over 10,000,000 accounts — the kernels behind
// recoup.portfolio.days_past_due / bucket_of / aging_buckets; plus a 1,000,000-account
// roll-rate matrix (join by id).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

#include "recoup/portfolio.hpp"

namespace {

constexpr std::size_t accounts = 10'000'000;

/// DPD as the Python peer script draws them: 60% current, the rest uniform in 1..400 days.
const std::vector<std::int64_t>& dpd_column() {
  static const std::vector<std::int64_t> v = [] {
    std::mt19937_64 rng(20251123);
    std::vector<std::int64_t> out(accounts);
    for (auto& d : out) d = rng() % 10 < 6 ? 0 : static_cast<std::int64_t>(1 + rng() % 400);
    return out;
  }();
  return v;
}

const std::vector<std::int64_t>& balance_column() {
  static const std::vector<std::int64_t> v = [] {
    std::mt19937_64 rng(7);
    std::vector<std::int64_t> out(accounts);
    for (auto& b : out) b = static_cast<std::int64_t>(rng() % 1'000'000'00);
    return out;
  }();
  return v;
}

void BM_aging_summary(benchmark::State& state) {
  const auto& dpd = dpd_column();
  const auto& bal = balance_column();
  const recoup::aging_edges edges;
  const bool with_balances = state.range(0) != 0;
  for (auto _ : state) {
    auto s = recoup::portfolio::age(dpd, edges, with_balances ? std::span<const std::int64_t>(bal)
                                                              : std::span<const std::int64_t>{});
    benchmark::DoNotOptimize(s);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(accounts));
  state.SetLabel(with_balances ? "accounts/s, counts+balances" : "accounts/s, counts");
}
BENCHMARK(BM_aging_summary)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_bucket_of(benchmark::State& state) {
  const auto& dpd = dpd_column();
  const recoup::aging_edges edges;
  std::vector<std::int32_t> out(accounts);
  for (auto _ : state) {
    recoup::portfolio::bucket_of(dpd, edges, out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(accounts));
  state.SetLabel("accounts/s");
}
BENCHMARK(BM_bucket_of)->Unit(benchmark::kMillisecond);

void BM_days_past_due(benchmark::State& state) {
  std::vector<std::int64_t> due(accounts);
  const std::int64_t as_of = recoup::civil_date::parse("2025-06-30").serial();
  const auto& dpd = dpd_column();
  for (std::size_t i = 0; i < accounts; ++i) due[i] = dpd[i] == 0 ? recoup::no_date : as_of - dpd[i];
  std::vector<std::int64_t> out(accounts);
  const std::vector<std::int64_t> ref{as_of};
  for (auto _ : state) {
    recoup::portfolio::days_past_due(due, ref, out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(accounts));
  state.SetLabel("accounts/s");
}
BENCHMARK(BM_days_past_due)->Unit(benchmark::kMillisecond);

void BM_roll_rates(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  std::vector<std::int64_t> ids0(n), ids1(n), b0(n), b1(n);
  std::mt19937_64 rng(3);
  for (std::size_t i = 0; i < n; ++i) {
    ids0[i] = static_cast<std::int64_t>(i);
    ids1[i] = static_cast<std::int64_t>(i + n / 20);  // 5% closed, 5% new
    b0[i] = static_cast<std::int64_t>(rng() % 6);
    b1[i] = static_cast<std::int64_t>(rng() % 6);
  }
  std::shuffle(ids1.begin(), ids1.end(), rng);  // t1 unsorted: the sort is part of the cost
  for (auto _ : state) {
    auto m = recoup::portfolio::roll_rates({ids0, b0}, {ids1, b1}, 6);
    benchmark::DoNotOptimize(m);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(n));
  state.SetLabel("accounts/s (t0), t1 shuffled");
}
BENCHMARK(BM_roll_rates)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

}  // namespace
