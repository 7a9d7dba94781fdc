// The C ABI for promises to pay: a promise (amount by a date, with tolerance and grace) checked
// against the payments by recoup::check_promise.
#include "c_entry.hpp"

using namespace recoup::c_abi;

static_assert(RECOUP_PROMISE_PENDING == static_cast<int>(recoup::promise_status::pending));
static_assert(RECOUP_PROMISE_KEPT == static_cast<int>(recoup::promise_status::kept));
static_assert(RECOUP_PROMISE_PARTIALLY_KEPT == static_cast<int>(recoup::promise_status::partially_kept));
static_assert(RECOUP_PROMISE_BROKEN == static_cast<int>(recoup::promise_status::broken));

extern "C" {

void recoup_promise_init(recoup_promise* promise) {
  if (promise == nullptr) return;
  *promise = recoup_promise{};
  promise->struct_size = sizeof(recoup_promise);
  promise->tolerance_minor = RECOUP_NO_AMOUNT;
}

recoup_status recoup_promise_check(const char* currency, const recoup_promise* promise, size_t payment_count,
                                   const char* const* payment_dates, const int64_t* payment_minor, const char* as_of,
                                   recoup_promise_result* out, char* explanation, size_t explanation_size,
                                   size_t* required) {
  return entry([&] {
    const auto& p = require(promise, "promise");
    check_struct_size(p.struct_size, RECOUP_C_FIELD_END(recoup_promise, grace_days), "recoup_promise");
    auto& o = require(out, "out");
    check_struct_size(o.struct_size, RECOUP_C_FIELD_END(recoup_promise_result, kept_on), "recoup_promise_result");
    const recoup::currency c(require_text(currency, "currency"));
    recoup::promise_to_pay pr{.date = recoup::civil_date::parse(require_text(p.date, "promise->date")),
                              .amount = recoup::money::from_minor(p.amount_minor, c),
                              .made_on = optional_date(p.made_on),
                              .grace_days = p.grace_days};
    if (p.tolerance_minor != RECOUP_NO_AMOUNT) pr.tolerance = recoup::money::from_minor(p.tolerance_minor, c);
    const auto payments = dated_payments(payment_count, payment_dates, payment_minor, c);
    const auto r = recoup::check_promise(pr, payments, recoup::civil_date::parse(require_text(as_of, "as_of")));
    o.status = static_cast<int>(r.status);
    o.paid_minor = r.paid.minor_units();
    o.shortfall_minor = r.shortfall.minor_units();
    o.paid_after_deadline_minor = r.paid_after_deadline.minor_units();
    copy_date(o.deadline, r.deadline);
    copy_optional_date(o.kept_on, r.kept_on);
    if (explanation == nullptr && required == nullptr) return RECOUP_STATUS_OK;
    return write_text(r.explain(), explanation, explanation_size, required);
  });
}

}  // extern "C"
