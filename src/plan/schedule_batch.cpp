// build_schedules(): the columnar form of build_schedule(), one kernel for both.
#include "recoup/plan/schedule_batch.hpp"

#include <string>

#include "recoup/plan/detail/amortiser.hpp"

namespace recoup {

schedule_batch_result build_schedules(const schedule_terms& prototype, const schedule_batch_input& in,
                                      row_errors* errors) {
  schedule_batch_result out;
  build_schedules_into(prototype, in, out, errors);
  return out;
}

void build_schedules_into(const schedule_terms& prototype, const schedule_batch_input& in, schedule_batch_result& out,
                          row_errors* errors) {
  const std::size_t n = in.principal_minor.size();
  auto mismatch = [&](const char* what, std::size_t size) {
    throw invalid_input_error("columns.length", std::string(what) + " has " + std::to_string(size) +
                                                    " elements; expected " + std::to_string(n));
  };
  const bool derived = prototype.shape == schedule_shape::fixed_instalment || prototype.shape == schedule_shape::custom;
  if (in.annual_rate.size() != n && in.annual_rate.size() != 1) mismatch("annual_rate", in.annual_rate.size());
  if (!derived && in.periods.size() != n) mismatch("periods", in.periods.size());
  if (in.first_due.size() != n) mismatch("first_due", in.first_due.size());
  if (!in.start.empty() && in.start.size() != n) mismatch("start", in.start.size());
  if (!in.frequencies.empty() && in.frequencies.size() != n) mismatch("frequency", in.frequencies.size());

  out.offsets.clear();
  std::size_t expected = 0;
  if (!derived) {
    for (auto p : in.periods) expected += p > 0 && p <= max_schedule_periods ? static_cast<std::size_t>(p) : 0;
  } else {
    expected = n * 12;
  }
  // Columns are sized up front (keeping a reused result's buffers, not clearing them) and
  // written by index: one bounds check per row, not seven.
  std::size_t pos = 0;
  struct column_ptrs {
    std::int64_t *number, *payment, *interest, *principal, *fees, *balance;
    std::int32_t* due;
    std::size_t capacity;
  } col{};
  auto resize_all = [&](std::size_t size) {
    for (auto* v : {&out.number, &out.payment, &out.interest, &out.principal, &out.fees, &out.balance}) v->resize(size);
    out.due_date.resize(size);
    col = {out.number.data(), out.payment.data(), out.interest.data(), out.principal.data(),
           out.fees.data(),   out.balance.data(), out.due_date.data(), size};
  };
  resize_all(expected);
  out.offsets.reserve(n + 1);
  out.offsets.push_back(0);
  out.regular_payment.assign(n, 0);
  out.total_payment.assign(n, 0);
  out.total_interest.assign(n, 0);

  schedule_terms t = prototype;
  const currency ccy = prototype.principal.currency();
  std::int64_t run_paid = 0;
  std::int64_t run_interest = 0;
  auto sink = [&](std::int64_t k, civil_date due, std::int64_t pay, std::int64_t interest, std::int64_t principal,
                  std::int64_t fee, std::int64_t balance) {
    if (pos == col.capacity) resize_all(pos * 2 + 64);
    col.number[pos] = k;
    col.due[pos] = due.serial();
    col.payment[pos] = pay;
    col.interest[pos] = interest;
    col.principal[pos] = principal;
    col.fees[pos] = fee;
    col.balance[pos] = balance;
    ++pos;
    run_paid += pay;
    run_interest += interest;
  };
  detail::for_each_row(n, errors, [&](std::size_t i) {
    const std::size_t mark = pos;
    try {
      t.principal = money::from_minor(in.principal_minor[i], ccy);
      t.rate = annual_rate(in.annual_rate.size() == 1 ? in.annual_rate[0] : in.annual_rate[i]);
      if (!derived) t.periods = in.periods[i];
      t.first_due = civil_date::from_serial(in.first_due[i]);
      if (!in.start.empty()) t.start = civil_date::from_serial(in.start[i]);
      if (!in.frequencies.empty()) t.freq = in.frequencies[i];
      const detail::plan_setup s = detail::resolve_terms(t);
      if (t.payment_round.residue == residue_placement::first || (t.down_payment && !t.down_payment->is_zero())) {
        throw invalid_input_error("plan.batch_option",
                                  "the batch call does not take residue='first' or a down payment; build those "
                                  "schedules one at a time with build_schedule");
      }
      run_paid = 0;
      run_interest = 0;
      const detail::amortise_outcome r = detail::amortise(s, sink);
      out.regular_payment[i] = r.regular;
      out.total_payment[i] = run_paid;
      out.total_interest[i] = run_interest;
    } catch (...) {
      // Drop the failed schedule's partial rows. The columns keep their size (they are trimmed
      // once at the end): shrinking here would regrow and refill them after every bad row.
      pos = mark;
      out.offsets.push_back(static_cast<std::int64_t>(mark));
      throw;
    }
    out.offsets.push_back(static_cast<std::int64_t>(pos));
  });
  resize_all(pos);
}

}  // namespace recoup
