// The compliance gate: the columnar kernel over a synthetic book (every action, most accounts
// without events, a tenth with a cease request, bankruptcy, dispute or Breathing Space) and
// the scalar verdict with its explanation. Items per second are accounts.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <random>
#include <vector>

#include "recoup/decide/decision.hpp"
#include "recoup/rules/compliance_gate.hpp"

namespace {

using namespace recoup::rules;

struct book {
  std::vector<std::uint16_t> jurisdiction;
  std::vector<std::uint8_t> type;
  std::vector<std::int32_t> zone, defaulted, delinquent, notice, cease, filed, bs;
};

book make_book(std::size_t n) {
  std::mt19937 rng(42);
  book b;
  for (std::size_t i = 0; i < n; ++i) {
    const bool uk = rng() % 5 == 0;
    b.jurisdiction.push_back(static_cast<std::uint16_t>(uk ? 3 : rng() % 3));
    b.type.push_back(static_cast<std::uint8_t>(rng() % 4));
    b.zone.push_back(uk ? 1 : 0);
    const std::int32_t d = 20390 - static_cast<std::int32_t>(rng() % 2500);  // 2025-10-29 minus up to ~7 years
    b.defaulted.push_back(d);
    b.delinquent.push_back(d);
    b.notice.push_back(rng() % 10 < 7 ? d + 30 : no_date);
    const auto event = rng() % 40;
    b.cease.push_back(event == 0 ? 20400 : no_date);
    b.filed.push_back(event == 1 ? 20300 : no_date);
    b.bs.push_back(uk && event == 2 ? 20420 : no_date);
  }
  return b;
}

void BM_gate_columns(benchmark::State& state) {
  const std::size_t n = static_cast<std::size_t>(state.range(0));
  const book b = make_book(n);
  const gate_table table({"US-NY", "US-TX", "US-CA", "GB-EAW"}, {"America/New_York", "Europe/London"});
  const std::int64_t at = 20430LL * 86400 + 15 * 3600;  // 2025-12-07 15:00 UTC
  const std::vector<collection_action> actions{collection_action::letter, collection_action::credit_report,
                                               collection_action::litigate, collection_action::settlement_offer,
                                               collection_action::charge_off};
  std::vector<std::uint8_t> status(n * actions.size());
  std::vector<std::int64_t> from(n * actions.size());
  gate_columns_in in{.jurisdiction = b.jurisdiction, .type = b.type, .at = {&at, 1}, .zone = b.zone};
  in.defaulted_on = b.defaulted;
  in.first_delinquency = b.delinquent;
  in.validation_notice_sent_on = b.notice;
  in.cease_requested_on = b.cease;
  in.bankruptcy_filed_on = b.filed;
  in.breathing_space_started_on = b.bs;
  for (auto _ : state) {
    table.evaluate(in, actions, {.status = status, .allowed_from = from});
    benchmark::DoNotOptimize(status.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(n));
  state.counters["actions"] = static_cast<double>(actions.size());
}
BENCHMARK(BM_gate_columns)->Arg(100000)->Unit(benchmark::kMillisecond);

void BM_gate_scalar_explained(benchmark::State& state) {
  account_facts a;
  a.jurisdiction = "US-NY";
  a.time_zones = {"America/New_York"};
  a.defaulted_on = recoup::civil_date::parse("2025-01-15");
  a.first_delinquency = a.defaulted_on;
  a.validation_notice_sent_on = recoup::civil_date::parse("2025-02-01");
  a.cease_requested_on = recoup::civil_date::parse("2025-11-02");
  const std::chrono::sys_seconds at{std::chrono::seconds{20430LL * 86400 + 15 * 3600}};
  for (auto _ : state) benchmark::DoNotOptimize(permitted(a, collection_action::litigate, at));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_gate_scalar_explained)->Unit(benchmark::kMicrosecond);

}  // namespace

namespace {

void BM_decide_book(benchmark::State& state) {
  using namespace recoup::decide;
  const std::size_t n = static_cast<std::size_t>(state.range(0));
  std::mt19937 rng(11);
  std::vector<account_case> book;
  const recoup::currency usd("USD");
  for (std::size_t i = 0; i < n; ++i) {
    account_case a{.id = "A-" + std::to_string(i), .facts = {}, .balance = recoup::money::from_minor(
                                                                     static_cast<std::int64_t>(rng() % 2000000) + 100, usd)};
    a.facts.jurisdiction = i % 2 ? "US-NY" : "US-TX";
    a.facts.time_zones = {i % 2 ? "America/New_York" : "America/Chicago"};
    const std::int32_t d = 20390 - static_cast<std::int32_t>(rng() % 2500);
    a.facts.defaulted_on = recoup::civil_date::from_serial(d);
    a.facts.first_delinquency = a.facts.defaulted_on;
    a.facts.validation_notice_sent_on = recoup::civil_date::from_serial(d + 10);
    book.push_back(std::move(a));
  }
  const std::chrono::sys_seconds at{std::chrono::seconds{20430LL * 86400 + 15 * 3600}};
  std::vector<std::uint8_t> strat(n);
  std::vector<std::int64_t> value(n);
  for (auto _ : state) {
    decide_book(book, at, {.strategy = strat, .expected_net_recovery_minor = value});
    benchmark::DoNotOptimize(value.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(n));
}
BENCHMARK(BM_decide_book)->Arg(20000)->Unit(benchmark::kMillisecond);

}  // namespace
