#pragma once
// recoup::build_schedules — many schedules in one call, as flat columns with offsets.
//
// Every schedule shares the `prototype` terms (shape, frequency, conventions, rounding, options)
// and takes its own principal, annual rate, number of periods and first due date (and start date
// and frequency when given). The rows of schedule i are rows offsets[i] .. offsets[i+1]-1 of the flat columns.
// The same kernel as build_schedule() runs for each, so a batch row equals the scalar row.
//
// Errors: with `errors` null the first bad schedule throws (message prefixed "row N: "); with a
// row_errors* each bad schedule is recorded, gets no rows and zero totals, and the rest go on.

#include <cstdint>
#include <span>
#include <vector>

#include "recoup/core/columns.hpp"
#include "recoup/core/decimal.hpp"
#include "recoup/plan/schedule_terms.hpp"

namespace recoup {

struct schedule_batch_input {
  std::span<const std::int64_t> principal_minor;  ///< per schedule, minor units of prototype's currency
  std::span<const decimal> annual_rate;           ///< per schedule (fraction), or one value for all
  std::span<const std::int64_t> periods;          ///< per schedule (ignored by fixed_instalment/custom)
  std::span<const std::int32_t> first_due;        ///< day serials (days since 1970-01-01)
  std::span<const std::int32_t> start;            ///< optional: empty = one period before first due
  std::span<const frequency> frequencies = {};    ///< optional per schedule: empty = the prototype's
};

struct schedule_batch_result {
  std::vector<std::int64_t> offsets;        ///< size n+1
  std::vector<std::int64_t> number;         ///< instalment number per row
  std::vector<std::int32_t> due_date;       ///< day serial per row
  std::vector<std::int64_t> payment, interest, principal, fees, balance;  ///< minor units per row
  std::vector<std::int64_t> regular_payment, total_payment, total_interest;  ///< per schedule
};

/// Builds one schedule per input element. `prototype.principal` supplies the currency (its
/// amount is replaced); `prototype.first_due/start/periods/rate` are replaced per schedule.
[[nodiscard]] schedule_batch_result build_schedules(const schedule_terms& prototype, const schedule_batch_input& in,
                                                    row_errors* errors = nullptr);

/// The same, writing into `out` and reusing its buffers' capacity (no allocation once warm):
/// for callers that stream partition after partition.
void build_schedules_into(const schedule_terms& prototype, const schedule_batch_input& in, schedule_batch_result& out,
                          row_errors* errors = nullptr);

}  // namespace recoup
