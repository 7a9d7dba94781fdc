// Re-ageing / rescheduling: recast the remaining balance of a plan into a new one.
#include "recoup/plan/reschedule.hpp"

#include <sstream>

namespace recoup {

std::string_view to_string(reschedule_basis b) noexcept {
  return b == reschedule_basis::unpaid_instalments ? "unpaid_instalments" : "outstanding_principal";
}

reschedule_basis parse_reschedule_basis(std::string_view name) {
  if (name == "unpaid_instalments") return reschedule_basis::unpaid_instalments;
  if (name == "outstanding_principal") return reschedule_basis::outstanding_principal;
  throw invalid_input_error("reschedule.basis", "basis '" + std::string(name) +
                                                    "' is not one of: unpaid_instalments, outstanding_principal");
}

namespace {

money amount_from(const schedule& plan, const monitor_result& m, reschedule_basis basis) {
  if (basis == reschedule_basis::unpaid_instalments) return m.outstanding;
  const auto& rows = plan.rows();
  const currency c = m.outstanding.currency();
  money arrears = money::zero(c), prepaid = money::zero(c);
  std::optional<money> balance;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].due_date <= m.as_of) {
      arrears += m.instalments[i].shortfall;
      balance = rows[i].balance;
    } else {
      prepaid += m.instalments[i].paid;
    }
  }
  // Before the first due date the balance is the first row's opening balance.
  const money scheduled = balance ? *balance : (rows.empty() ? money::zero(c) : rows.front().balance + rows.front().principal);
  const money r = arrears + scheduled - prepaid;
  return r.is_negative() ? money::zero(c) : r;
}

}  // namespace

money reschedule_amount(const schedule& old_plan, std::span<const dated_payment> payments, civil_date as_of,
                        reschedule_basis basis, const monitor_policy& policy) {
  return amount_from(old_plan, monitor(old_plan, payments, as_of, policy), basis);
}

reschedule_record reschedule(const schedule& old_plan, std::span<const dated_payment> payments, civil_date as_of,
                             schedule_terms new_terms, reschedule_basis basis, const monitor_policy& policy) {
  auto m = monitor(old_plan, payments, as_of, policy);
  const money amount = amount_from(old_plan, m, basis);
  if (new_terms.principal.currency() != amount.currency())
    throw currency_mismatch_error("reschedule.currency", "the new terms are in " + std::string(new_terms.principal.currency().code()) +
                                                             ", the old plan in " + std::string(amount.currency().code()));
  if (!amount.is_positive())
    throw invalid_input_error("reschedule.nothing_outstanding", "nothing is left to recast on " + as_of.to_string() + " (basis " +
                                                                    std::string(to_string(basis)) + ", plan status " +
                                                                    std::string(to_string(m.status)) + ")");
  new_terms.principal = amount;
  schedule fresh = build_schedule(new_terms);
  return reschedule_record{old_plan, std::move(m), basis, amount, std::move(fresh)};
}

std::string reschedule_record::explain() const {
  std::ostringstream o;
  o << "Rescheduled on " << monitoring.as_of.to_string() << ": " << amount.to_string() << " recast (basis "
    << to_string(basis) << ") into a new plan of " << new_plan.instalments() << " instalments, regular "
    << new_plan.regular_payment().to_string() << ", first due " << new_plan.rows().front().due_date.to_string()
    << ", last due " << new_plan.final_due_date().to_string() << ", total " << new_plan.total_payment().to_string() << ".\n";
  o << "Old plan: " << old_plan.instalments() << " instalments totalling " << old_plan.total_payment().to_string() << "; "
    << monitoring.applied_total.to_string() << " applied; status on the day " << to_string(monitoring.status)
    << ", arrears " << monitoring.arrears.to_string() << ", " << monitoring.days_past_due << " days past due.\n";
  o << "--- monitoring of the old plan ---\n" << monitoring.explain();
  o << "--- the new plan ---\n" << new_plan.explain();
  return o.str();
}

}  // namespace recoup
