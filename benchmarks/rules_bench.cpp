// Limitation verdicts per second over 10,000,000 accounts (columns): the kernel behind
// recoup.rules.limitation_columns, with every US state + DC and the three UK jurisdictions
// mixed, four debt types, last payments spread over 2012..2026 and a quarter of the default
// dates unknown (the last payment stands in). Also the scalar verdict (one account, with its
// explanation) for scale. Issue 4's target: 20 million verdicts per second per core.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "recoup/rules.hpp"

namespace {

using namespace recoup;
using namespace recoup::rules;

constexpr std::size_t accounts = 10'000'000;

struct account_columns {
  std::vector<std::string> codes;
  std::vector<std::uint16_t> jurisdiction;
  std::vector<std::uint8_t> type;
  std::vector<std::int32_t> defaulted_on, last_payment;
};

const account_columns& columns() {
  static const account_columns c = [] {
    account_columns out;
    for (const auto& j : rule_book::defaults().jurisdictions())
      if (j.starts_with("US-") || j.starts_with("GB-")) out.codes.push_back(j);
    std::mt19937_64 rng(20261123);
    const auto first = static_cast<std::int32_t>(civil_date::parse("2012-01-01").serial());
    out.jurisdiction.resize(accounts);
    out.type.resize(accounts);
    out.defaulted_on.resize(accounts);
    out.last_payment.resize(accounts);
    for (std::size_t i = 0; i < accounts; ++i) {
      out.jurisdiction[i] = static_cast<std::uint16_t>(rng() % out.codes.size());
      out.type[i] = static_cast<std::uint8_t>(rng() % 4);  // written, oral, note, open account
      const auto paid = first + static_cast<std::int32_t>(rng() % 5400);
      out.last_payment[i] = paid;
      out.defaulted_on[i] = rng() % 4 == 0 ? rules::no_date : paid + static_cast<std::int32_t>(rng() % 90);
    }
    return out;
  }();
  return c;
}

void BM_limitation_columns(benchmark::State& state) {
  const auto& c = columns();
  const limitation_table table(c.codes);
  const std::vector<std::int32_t> as_of{static_cast<std::int32_t>(civil_date::parse("2026-11-23").serial())};
  std::vector<std::int32_t> expires(accounts);
  std::vector<std::uint8_t> status(accounts), flags(accounts);
  const limitation_columns_in in{.jurisdiction = c.jurisdiction,
                                 .type = c.type,
                                 .defaulted_on = c.defaulted_on,
                                 .last_payment = c.last_payment,
                                 .as_of = as_of};
  const limitation_columns_out out{.expires_on = expires, .status = status, .flags = flags};
  for (auto _ : state) {
    table.evaluate(in, out);
    benchmark::DoNotOptimize(expires.data());
    benchmark::DoNotOptimize(status.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(accounts));
  state.SetLabel("verdicts/s, 10M accounts, 54 jurisdictions");
}
BENCHMARK(BM_limitation_columns)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_limitation_scalar(benchmark::State& state) {
  const auto as_of = civil_date::parse("2026-11-23");
  limitation_facts facts;
  facts.last_payment = civil_date::parse("2021-03-15");
  for (auto _ : state) {
    auto v = limitation("US-TX", debt_type::open_account, facts, as_of);
    benchmark::DoNotOptimize(v);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetLabel("verdicts/s, one account with explanation");
}
BENCHMARK(BM_limitation_scalar)->Unit(benchmark::kMicrosecond);

}  // namespace
