// The C ABI for re-ageing: recoup::reschedule recasts what is left of a plan into a new one and
// keeps the history (the old plan's monitoring on the day, the amount recast and how).
#include "c_entry.hpp"

using namespace recoup::c_abi;

extern "C" {

recoup_status recoup_plan_reschedule(const recoup_schedule* plan, size_t payment_count, const char* const* payment_dates,
                                     const int64_t* payment_minor, const char* as_of,
                                     const recoup_schedule_terms* new_terms, const char* basis,
                                     const recoup_monitor_policy* policy, recoup_schedule** new_plan_out,
                                     int64_t* amount_minor_out, char* explanation, size_t explanation_size,
                                     size_t* required) {
  return entry([&] {
    require(new_plan_out, "new_plan_out") = nullptr;
    const auto& old = require(plan, "plan").value;
    const recoup::currency c = old.terms().principal.currency();
    const auto terms = schedule_terms_of(require(new_terms, "new_terms"));
    const auto rec = recoup::reschedule(
        old, dated_payments(payment_count, payment_dates, payment_minor, c),
        recoup::civil_date::parse(require_text(as_of, "as_of")), terms,
        recoup::parse_reschedule_basis(basis == nullptr ? "unpaid_instalments" : basis), monitor_policy_of(policy, c));
    recoup_status status = RECOUP_STATUS_OK;
    if (explanation != nullptr || required != nullptr)
      status = write_text(rec.explain(), explanation, explanation_size, required);
    if (status != RECOUP_STATUS_OK) return status;
    if (amount_minor_out != nullptr) *amount_minor_out = rec.amount.minor_units();
    *new_plan_out = new recoup_schedule{rec.new_plan};
    return RECOUP_STATUS_OK;
  });
}

}  // extern "C"
