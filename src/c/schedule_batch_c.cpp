// The C ABI for many schedules in one call: recoup::build_schedules over caller columns, kept in
// an opaque batch that hands out per-schedule totals and flat row columns with offsets.
#include <algorithm>

#include "c_entry.hpp"

using namespace recoup::c_abi;

struct recoup_schedule_batch {
  recoup::schedule_batch_result value;
};

namespace {

template <class T, class U>
void copy_column(const std::vector<T>& from, U* to) {
  if (to != nullptr) std::copy(from.begin(), from.end(), to);
}

}  // namespace

extern "C" {

recoup_status recoup_schedule_batch_build(const recoup_schedule_terms* prototype, const recoup_schedule_columns* in,
                                          int32_t* row_status_out, recoup_schedule_batch** out) {
  return entry([&] {
    require(out, "out") = nullptr;
    const auto terms = schedule_terms_of(require(prototype, "prototype"));
    const auto& c = require(in, "in");
    check_struct_size(c.struct_size, RECOUP_C_FIELD_END(recoup_schedule_columns, start), "recoup_schedule_columns");
    const std::size_t n = c.count;
    if (c.annual_rate_count != 1 && c.annual_rate_count != n)
      throw recoup::invalid_input_error("columns.length", "annual_rate has " + std::to_string(c.annual_rate_count) +
                                                              " values; expected 1 or " + std::to_string(n));
    std::vector<recoup::decimal> rates;
    rates.reserve(c.annual_rate_count);
    for (const char* r : require_array(c.annual_rate, c.annual_rate_count, "in->annual_rate"))
      rates.push_back(recoup::decimal::parse(require_text(r, "in->annual_rate[i]")));
    const recoup::schedule_batch_input input{
        .principal_minor = require_array(c.principal_minor, n, "in->principal_minor"),
        .annual_rate = rates,
        .periods = require_array(c.periods, n, "in->periods"),
        .first_due = require_array(c.first_due, n, "in->first_due"),
        .start = c.start == nullptr ? std::span<const std::int32_t>{} : std::span{c.start, n}};
    recoup::row_errors errors;
    auto batch = std::make_unique<recoup_schedule_batch>();
    batch->value = recoup::build_schedules(terms, input, row_status_out == nullptr ? nullptr : &errors);
    if (row_status_out != nullptr) {
      std::fill(row_status_out, row_status_out + n, RECOUP_STATUS_OK);
      for (const auto& e : errors) row_status_out[e.row] = static_cast<int32_t>(e.kind);
    }
    *out = batch.release();
    return RECOUP_STATUS_OK;
  });
}

recoup_status recoup_schedule_batch_sizes(const recoup_schedule_batch* batch, size_t* schedule_count_out,
                                          size_t* row_count_out) {
  return entry([&] {
    const auto& b = require(batch, "batch").value;
    if (schedule_count_out != nullptr) *schedule_count_out = b.regular_payment.size();
    if (row_count_out != nullptr) *row_count_out = b.number.size();
    return RECOUP_STATUS_OK;
  });
}

recoup_status recoup_schedule_batch_totals(const recoup_schedule_batch* batch, int64_t* regular_payment,
                                           int64_t* total_payment, int64_t* total_interest) {
  return entry([&] {
    const auto& b = require(batch, "batch").value;
    copy_column(b.regular_payment, regular_payment);
    copy_column(b.total_payment, total_payment);
    copy_column(b.total_interest, total_interest);
    return RECOUP_STATUS_OK;
  });
}

recoup_status recoup_schedule_batch_rows(const recoup_schedule_batch* batch, int64_t* offsets, int64_t* number,
                                         int32_t* due_date, int64_t* payment, int64_t* interest, int64_t* principal,
                                         int64_t* fees, int64_t* balance) {
  return entry([&] {
    const auto& b = require(batch, "batch").value;
    copy_column(b.offsets, offsets);
    copy_column(b.number, number);
    copy_column(b.due_date, due_date);
    copy_column(b.payment, payment);
    copy_column(b.interest, interest);
    copy_column(b.principal, principal);
    copy_column(b.fees, fees);
    copy_column(b.balance, balance);
    return RECOUP_STATUS_OK;
  });
}

void recoup_schedule_batch_free(recoup_schedule_batch* batch) { delete batch; }

}  // extern "C"
