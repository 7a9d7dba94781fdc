// The C ABI for plan monitoring (recoup::monitor and the columnar recoup::monitor_plans): on
// track, in arrears, broken or completed, with the contractual arrears and days past due.
#include "c_entry.hpp"

using namespace recoup::c_abi;

static_assert(RECOUP_MONITOR_FAILED == static_cast<int>(recoup::monitor_code::failed));
static_assert(RECOUP_MONITOR_ON_TRACK == static_cast<int>(recoup::monitor_code::on_track));
static_assert(RECOUP_MONITOR_IN_ARREARS == static_cast<int>(recoup::monitor_code::in_arrears));
static_assert(RECOUP_MONITOR_BROKEN == static_cast<int>(recoup::monitor_code::broken));
static_assert(RECOUP_MONITOR_COMPLETED == static_cast<int>(recoup::monitor_code::completed));
static_assert(RECOUP_INSTALMENT_PAID == static_cast<int>(recoup::instalment_state::paid));
static_assert(RECOUP_INSTALMENT_LATE == static_cast<int>(recoup::instalment_state::late));
static_assert(RECOUP_INSTALMENT_SHORT_PAID == static_cast<int>(recoup::instalment_state::short_paid));
static_assert(RECOUP_INSTALMENT_MISSED == static_cast<int>(recoup::instalment_state::missed));
static_assert(RECOUP_INSTALMENT_IN_GRACE == static_cast<int>(recoup::instalment_state::in_grace));
static_assert(RECOUP_INSTALMENT_NOT_YET_DUE == static_cast<int>(recoup::instalment_state::not_yet_due));

namespace {

int status_code(recoup::monitor_status s) {
  switch (s) {
    case recoup::monitor_status::on_track: return RECOUP_MONITOR_ON_TRACK;
    case recoup::monitor_status::in_arrears: return RECOUP_MONITOR_IN_ARREARS;
    case recoup::monitor_status::broken: return RECOUP_MONITOR_BROKEN;
    case recoup::monitor_status::completed: return RECOUP_MONITOR_COMPLETED;
  }
  return RECOUP_MONITOR_FAILED;
}

}  // namespace

extern "C" {

void recoup_monitor_policy_init(recoup_monitor_policy* policy) {
  if (policy == nullptr) return;
  const recoup::monitor_policy d;
  *policy = recoup_monitor_policy{};
  policy->struct_size = sizeof(recoup_monitor_policy);
  policy->grace_days = d.grace_days;
  policy->tolerance_minor = RECOUP_NO_AMOUNT;
  policy->broken_after_missed = d.broken_after_missed;
  policy->missed_consecutive = d.missed_consecutive ? 1 : 0;
  policy->broken_arrears_at_least_minor = RECOUP_NO_AMOUNT;
  policy->broken_arrears_instalments = d.broken_arrears_instalments;
  policy->cure = d.cure ? 1 : 0;
}

recoup_status recoup_plan_monitor(const recoup_schedule* plan, size_t payment_count, const char* const* payment_dates,
                                  const int64_t* payment_minor, const char* as_of, const recoup_monitor_policy* policy,
                                  recoup_monitor_result* out, int* states_out, char* explanation,
                                  size_t explanation_size, size_t* required) {
  return entry([&] {
    const auto& s = require(plan, "plan").value;
    auto& o = require(out, "out");
    check_struct_size(o.struct_size, RECOUP_C_FIELD_END(recoup_monitor_result, last_cured_on), "recoup_monitor_result");
    const recoup::currency c = s.terms().principal.currency();
    const auto payments = dated_payments(payment_count, payment_dates, payment_minor, c);
    const auto r = recoup::monitor(s, payments, recoup::civil_date::parse(require_text(as_of, "as_of")), monitor_policy_of(policy, c));
    o.status = status_code(r.status);
    o.arrears_minor = r.arrears.minor_units();
    o.days_past_due = r.days_past_due;
    o.paid_minor = r.paid_total.minor_units();
    o.applied_minor = r.applied_total.minor_units();
    o.unapplied_minor = r.unapplied.minor_units();
    o.outstanding_minor = r.outstanding.minor_units();
    o.missed_count = r.missed_count;
    o.missed_consecutive_now = r.missed_consecutive_now;
    o.payments_after_as_of = r.payments_after_as_of;
    o.broken_on = r.broken_on ? r.broken_on->serial() : RECOUP_NO_DATE;
    o.last_cured_on = r.last_cured_on ? r.last_cured_on->serial() : RECOUP_NO_DATE;
    if (states_out != nullptr)
      for (std::size_t i = 0; i < r.instalments.size(); ++i) states_out[i] = static_cast<int>(r.instalments[i].state);
    if (explanation == nullptr && required == nullptr) return RECOUP_STATUS_OK;
    return write_text(r.explain(), explanation, explanation_size, required);
  });
}

recoup_status recoup_plan_monitor_batch(const char* currency, size_t plan_count, const int64_t* inst_offsets,
                                        const int32_t* due_date, const int64_t* due_minor, const int64_t* pay_offsets,
                                        const int32_t* pay_date, const int64_t* pay_minor, const int32_t* as_of,
                                        size_t as_of_count, const recoup_monitor_policy* policy, int8_t* status_out,
                                        int64_t* arrears_minor_out, int64_t* days_past_due_out, int64_t* paid_minor_out,
                                        int64_t* outstanding_minor_out, int64_t* missed_count_out) {
  return entry([&] {
    const recoup::currency c(require_text(currency, "currency"));
    const auto inst = require_array(inst_offsets, plan_count + 1, "inst_offsets");
    const auto pay = require_array(pay_offsets, plan_count + 1, "pay_offsets");
    const auto total = [](std::span<const int64_t> offsets, const char* name) {
      const int64_t last = offsets.back();
      if (last < 0)
        throw recoup::invalid_input_error("monitor.batch_shape", std::string(name) + " ends below 0");
      return static_cast<std::size_t>(last);
    };
    const std::size_t n_inst = total(inst, "inst_offsets");
    const std::size_t n_pay = total(pay, "pay_offsets");
    const recoup::monitor_batch_input in{.inst_offsets = inst,
                                         .due_date = require_array(due_date, n_inst, "due_date"),
                                         .due_minor = require_array(due_minor, n_inst, "due_minor"),
                                         .pay_offsets = pay,
                                         .pay_date = require_array(pay_date, n_pay, "pay_date"),
                                         .pay_minor = require_array(pay_minor, n_pay, "pay_minor"),
                                         .as_of = require_array(as_of, as_of_count, "as_of")};
    // The kernel writes every column: a column the caller did not ask for goes to scratch.
    std::vector<int64_t> a(arrears_minor_out ? 0 : plan_count), d(days_past_due_out ? 0 : plan_count),
        pd(paid_minor_out ? 0 : plan_count), os(outstanding_minor_out ? 0 : plan_count), m(missed_count_out ? 0 : plan_count);
    const auto pick = [&](int64_t* p, std::vector<int64_t>& own) {
      return p != nullptr ? std::span<int64_t>(p, plan_count) : std::span<int64_t>(own);
    };
    recoup::monitor_plans(in, c, monitor_policy_of(policy, c),
                          {.status = require_array(status_out, plan_count, "status_out"),
                           .arrears_minor = pick(arrears_minor_out, a),
                           .days_past_due = pick(days_past_due_out, d),
                           .paid_minor = pick(paid_minor_out, pd),
                           .outstanding_minor = pick(outstanding_minor_out, os),
                           .missed_count = pick(missed_count_out, m)});
    return RECOUP_STATUS_OK;
  });
}

}  // extern "C"
