// benchmarks/core_bench.cpp — Google Benchmark timings of the money core: scalar money and
// decimal operations, and the columnar sum and allocate kernels over 10 million amounts.
//
// Inputs are deterministic (std::mt19937_64 with a fixed seed) and drawn before timing. The
// scalar benchmarks cycle through a pool of 4096 values so that nothing is constant-folded and
// the pool stays in L1/L2; every result goes through benchmark::DoNotOptimize.
//
//   make bench                                   # builds build/bench in Release and runs this
//   build/bench/benchmarks/recoup_bench --benchmark_filter=columns
#include <benchmark/benchmark.h>

#include "recoup/core/allocation.hpp"
#include "recoup/core/columns.hpp"
#include "recoup/core/currency.hpp"
#include "recoup/core/decimal.hpp"
#include "recoup/core/money.hpp"
#include "recoup/core/rounding.hpp"

#include <cstdint>
#include <numeric>
#include <random>
#include <span>
#include <string>
#include <vector>

namespace {

using recoup::allocation_ratios;
using recoup::currency;
using recoup::decimal;
using recoup::money;
using recoup::remainder_policy;
using recoup::rounding_mode;

constexpr std::uint64_t seed = 20240501;
constexpr std::size_t pool_size = 4096;  // a power of two: index with & (pool_size - 1)
constexpr std::size_t column_size = 10'000'000;

/// Minor-unit amounts: uniform in [-0.1M, 1M) currency units (cents), mostly positive.
std::vector<std::int64_t> random_minor(std::size_t n, std::uint64_t s) {
  std::mt19937_64 gen(s);
  std::uniform_int_distribution<std::int64_t> dist(-10'000'000, 99'999'999);
  std::vector<std::int64_t> v(n);
  for (auto& x : v) x = dist(gen);
  return v;
}

std::vector<money> money_pool(std::uint64_t s) {
  const currency usd("USD");
  std::vector<money> pool;
  pool.reserve(pool_size);
  for (std::int64_t m : random_minor(pool_size, s)) pool.push_back(money::from_minor(m, usd));
  return pool;
}

/// Factors such as 0.0525 or 1.0375: four places, in [0, 2).
std::vector<decimal> factor_pool() {
  std::mt19937_64 gen(seed + 1);
  std::uniform_int_distribution<std::int64_t> dist(1, 19'999);
  std::vector<decimal> pool;
  pool.reserve(pool_size);
  for (std::size_t i = 0; i < pool_size; ++i) pool.push_back(decimal::from_parts(dist(gen), 4));
  return pool;
}

// --- scalar money -------------------------------------------------------------------------------

void BM_money_add(benchmark::State& state) {
  const auto a = money_pool(seed);
  const auto b = money_pool(seed + 2);
  std::size_t i = 0;
  for (auto _ : state) {
    money r = a[i] + b[i];
    benchmark::DoNotOptimize(r);
    i = (i + 1) & (pool_size - 1);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_money_add);

void BM_money_multiply_half_even(benchmark::State& state) {
  const auto a = money_pool(seed);
  const auto f = factor_pool();
  std::size_t i = 0;
  for (auto _ : state) {
    money r = a[i].multiply(f[i], rounding_mode::half_even);
    benchmark::DoNotOptimize(r);
    i = (i + 1) & (pool_size - 1);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_money_multiply_half_even);

// money::allocate(3) builds its allocation_ratios on every call: this is the cost a caller of
// the one-line API pays (two small vectors for the ratios, one for the parts).
void BM_money_allocate_3(benchmark::State& state) {
  const auto a = money_pool(seed);
  std::size_t i = 0;
  for (auto _ : state) {
    auto parts = a[i].allocate(3);
    benchmark::DoNotOptimize(parts.data());
    benchmark::ClobberMemory();
    i = (i + 1) & (pool_size - 1);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_money_allocate_3);

// Ratios validated once, as a caller splitting many amounts by the same ratios would.
void BM_money_allocate_ratios_1_2_3(benchmark::State& state) {
  const auto a = money_pool(seed);
  const allocation_ratios ratios{1, 2, 3};
  std::size_t i = 0;
  for (auto _ : state) {
    auto parts = a[i].allocate(ratios);
    benchmark::DoNotOptimize(parts.data());
    benchmark::ClobberMemory();
    i = (i + 1) & (pool_size - 1);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_money_allocate_ratios_1_2_3);

// The same with the ratios built per call (allocate(allocation_ratios{1, 2, 3})).
void BM_money_allocate_ratios_1_2_3_built_per_call(benchmark::State& state) {
  const auto a = money_pool(seed);
  std::size_t i = 0;
  for (auto _ : state) {
    auto parts = a[i].allocate(allocation_ratios{1, 2, 3});
    benchmark::DoNotOptimize(parts.data());
    benchmark::ClobberMemory();
    i = (i + 1) & (pool_size - 1);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_money_allocate_ratios_1_2_3_built_per_call);

void BM_money_parse(benchmark::State& state) {
  std::vector<std::string> texts;
  texts.reserve(pool_size);
  for (const money& m : money_pool(seed)) texts.push_back(m.to_string());  // "1234.56 USD"
  std::size_t i = 0;
  for (auto _ : state) {
    money r = money::parse(texts[i]);
    benchmark::DoNotOptimize(r);
    i = (i + 1) & (pool_size - 1);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_money_parse);

void BM_money_to_string(benchmark::State& state) {
  const auto a = money_pool(seed);
  std::size_t i = 0;
  for (auto _ : state) {
    std::string s = a[i].to_string();
    benchmark::DoNotOptimize(s.data());
    benchmark::ClobberMemory();
    i = (i + 1) & (pool_size - 1);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_money_to_string);

// --- scalar decimal -----------------------------------------------------------------------------

void BM_decimal_parse(benchmark::State& state) {
  std::vector<std::string> texts;
  texts.reserve(pool_size);
  for (const money& m : money_pool(seed)) texts.push_back(m.amount().to_string());  // "1234.56"
  std::size_t i = 0;
  for (auto _ : state) {
    decimal d = decimal::parse(texts[i]);
    benchmark::DoNotOptimize(d);
    i = (i + 1) & (pool_size - 1);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_decimal_parse);

// An amount divided by a rate-like divisor to 10 places, half_even.
void BM_decimal_divide(benchmark::State& state) {
  std::vector<decimal> a;
  a.reserve(pool_size);
  for (const money& m : money_pool(seed)) a.push_back(m.amount());
  const auto b = factor_pool();  // never zero
  std::size_t i = 0;
  for (auto _ : state) {
    decimal q = recoup::divide(a[i], b[i], 10, rounding_mode::half_even);
    benchmark::DoNotOptimize(q);
    i = (i + 1) & (pool_size - 1);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_decimal_divide);

// --- columns over 10M amounts -------------------------------------------------------------------

const std::vector<std::int64_t>& column() {
  static const std::vector<std::int64_t> c = random_minor(column_size, seed + 3);
  return c;
}

void BM_columns_sum(benchmark::State& state) {
  const auto& c = column();
  for (auto _ : state) {
    std::int64_t total = recoup::columns::sum(c);
    benchmark::DoNotOptimize(total);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(c.size()));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(c.size() * sizeof(std::int64_t)));
}
BENCHMARK(BM_columns_sum)->Unit(benchmark::kMillisecond);

// The floor for columns::sum: an unchecked int64 std::accumulate over the same column (the loop
// numpy's int64 sum runs). It would wrap silently on overflow; columns::sum cannot.
void BM_columns_sum_unchecked_int64_floor(benchmark::State& state) {
  const auto& c = column();
  for (auto _ : state) {
    std::int64_t total = std::accumulate(c.begin(), c.end(), std::int64_t{0});
    benchmark::DoNotOptimize(total);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(c.size()));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(c.size() * sizeof(std::int64_t)));
}
BENCHMARK(BM_columns_sum_unchecked_int64_floor)->Unit(benchmark::kMillisecond);

void columns_allocate(benchmark::State& state, const allocation_ratios& ratios) {
  const auto& c = column();
  std::vector<std::int64_t> out(c.size() * ratios.size());
  for (auto _ : state) {
    recoup::columns::allocate(c, ratios, remainder_policy::largest_remainder, out);
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(c.size()));
}

void BM_columns_allocate_3(benchmark::State& state) {
  columns_allocate(state, allocation_ratios::equal(3));
}
BENCHMARK(BM_columns_allocate_3)->Unit(benchmark::kMillisecond);

void BM_columns_allocate_ratios_1_2_3(benchmark::State& state) {
  columns_allocate(state, allocation_ratios{1, 2, 3});
}
BENCHMARK(BM_columns_allocate_ratios_1_2_3)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
