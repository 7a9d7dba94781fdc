// Calculators are safe to call from many threads at once: rule data is immutable after load and
// there is no hidden mutable state. Each thread runs the batch kernels on its own inputs and the
// results must equal a single-threaded run.
#include <catch2/catch.hpp>

#include <thread>
#include <vector>

#include "recoup/recoup.hpp"

using namespace recoup;

namespace {

struct inputs {
  std::vector<std::int64_t> principal, periods;
  std::vector<decimal> rates;
  std::vector<std::int32_t> due;
};

inputs make_inputs(int seed, std::size_t n) {
  inputs in;
  for (std::size_t i = 0; i < n; ++i) {
    in.principal.push_back(10000 + static_cast<std::int64_t>((i * 7919 + static_cast<std::size_t>(seed) * 104729) % 5000000));
    in.periods.push_back(6 + static_cast<std::int64_t>(i % 55));
    in.rates.push_back(decimal::from_parts(static_cast<decimal::int128>((i * 31 + static_cast<std::size_t>(seed)) % 3000), 4));
    in.due.push_back(civil_date::parse("2025-01-01").serial() + static_cast<std::int32_t>((i + static_cast<std::size_t>(seed)) % 60));
  }
  return in;
}

/// Everything one thread computes: schedule columns, business-day answers, a column sum.
struct outcome {
  schedule_batch_result batch;
  std::vector<int> business;
  std::int64_t sum = 0;
  friend bool operator==(const outcome& a, const outcome& b) {
    return a.batch.payment == b.batch.payment && a.batch.interest == b.batch.interest &&
           a.batch.due_date == b.batch.due_date && a.batch.offsets == b.batch.offsets && a.business == b.business &&
           a.sum == b.sum;
  }
};

outcome run(const inputs& in, const char* calendar_id) {
  schedule_terms proto{.principal = money::from_minor(1, currency("GBP"))};
  proto.business_days = calendar::get(calendar_id);
  outcome o;
  o.batch = build_schedules(proto, {in.principal, in.rates, in.periods, in.due, {}});
  const calendar cal = calendar::get(calendar_id);
  for (auto d : in.due) o.business.push_back(cal.is_business_day(civil_date::from_serial(d)) ? 1 : 0);
  o.sum = columns::sum(o.batch.payment);
  return o;
}

}  // namespace

TEST_CASE("batch kernels give the same results from 4 threads as from one", "[threads]") {
  const char* calendars[] = {"US", "GB-EAW", "GB-SCT", "GB-NIR"};
  std::vector<inputs> in;
  std::vector<outcome> expected;
  for (int t = 0; t < 4; ++t) {
    in.push_back(make_inputs(t, 2000));
    expected.push_back(run(in.back(), calendars[t]));
  }
  std::vector<outcome> got(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] { got[t] = run(in[t], calendars[t]); });
  }
  for (auto& th : threads) th.join();
  for (std::size_t t = 0; t < 4; ++t) CHECK(got[t] == expected[t]);
}
