// Google Benchmark: valuing settlement offers (exact fractions) and sharing disposable income.
#include <benchmark/benchmark.h>

#include <vector>

#include "recoup/settle.hpp"

namespace {

using namespace recoup;

void value_plan(benchmark::State& state) {
  const auto plan = full_balance_plan_offer(money::parse("6000.00 USD"), state.range(0), frequency::monthly(), std::nullopt);
  const auto model = break_model::constant_hazard(decimal("0.04"));
  const collection_costs costs{.per_contact = money::parse("3.50 USD"), .contacts_per_payment = decimal(1),
                               .commission = decimal("0.25")};
  for (auto _ : state) benchmark::DoNotOptimize(value_offer(plan, decimal("0.0075"), model, costs, rounding_mode::half_even));
}
BENCHMARK(value_plan)->Arg(12)->Arg(60);

void sensitivity_10x10(benchmark::State& state) {
  const auto plan = full_balance_plan_offer(money::parse("6000.00 USD"), 24, frequency::monthly(), std::nullopt);
  std::vector<decimal> rates, hazards;
  for (int i = 0; i < 10; ++i) {
    rates.push_back(decimal::from_parts(i * 25, 4));    // 0 .. 0.0225
    hazards.push_back(decimal::from_parts(i * 2, 2));   // 0 .. 0.18
  }
  for (auto _ : state) benchmark::DoNotOptimize(sensitivity_grid(plan, rates, hazards, {}, rounding_mode::half_even));
}
BENCHMARK(sensitivity_10x10);

void dmp_ten_creditors(benchmark::State& state) {
  std::vector<dmp_creditor> creditors;
  for (int i = 1; i <= 10; ++i) {
    std::string name = std::to_string(i);  // "c1".."c10" (built by append: GCC 12's -Wrestrict misfires on "c" + s)
    name.insert(name.begin(), 'c');
    creditors.push_back({name, money::from_minor(i * 123457, currency("GBP"))});
  }
  const money disposable = money::parse("345.67 GBP");
  for (auto _ : state) benchmark::DoNotOptimize(debt_management_plan(disposable, creditors));
}
BENCHMARK(dmp_ten_creditors);

}  // namespace
