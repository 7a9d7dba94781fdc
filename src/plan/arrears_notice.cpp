// The Consumer Credit Act 1974 s86B / s86C arrears-notice trigger (regulations.md §3.3).
#include "recoup/plan/arrears_notice.hpp"

#include <algorithm>
#include <sstream>
#include <vector>

namespace recoup {
namespace {

constexpr const char* fixed_sum_id = "uk.cca.arrears_notice.fixed_sum";
constexpr const char* running_account_id = "uk.cca.arrears_notice.running_account";
constexpr const char* fixed_sum_citation =
    "Consumer Credit Act 1974 s86B (inserted by the Consumer Credit Act 2006; in force 1 Oct 2008), "
    "https://www.legislation.gov.uk/ukpga/1974/39/section/86B";
constexpr const char* running_account_citation =
    "Consumer Credit Act 1974 s86C (inserted by the Consumer Credit Act 2006 s10), "
    "https://www.legislation.gov.uk/ukpga/1974/39/section/86C";

std::string yes_no(bool b) { return b ? "yes" : "no"; }

}  // namespace

std::string_view to_string(cca_agreement a) noexcept {
  return a == cca_agreement::fixed_sum ? "fixed_sum" : "running_account";
}

cca_agreement parse_cca_agreement(std::string_view name) {
  if (name == "fixed_sum") return cca_agreement::fixed_sum;
  if (name == "running_account") return cca_agreement::running_account;
  throw invalid_input_error("arrears_notice.agreement", "agreement '" + std::string(name) +
                                                            "' is not one of: fixed_sum (s86B), running_account (s86C)");
}

arrears_notice_result cca_arrears_notice(std::span<const civil_date> due_dates, std::span<const money> amounts,
                                         std::span<const dated_payment> payments, civil_date as_of, cca_agreement agreement,
                                         const arrears_notice_facts& facts) {
  if (due_dates.size() != amounts.size())
    throw invalid_input_error("monitor.batch_shape", std::to_string(due_dates.size()) + " due dates but " +
                                                         std::to_string(amounts.size()) + " amounts");
  if (amounts.empty())
    throw invalid_input_error("monitor.empty_plan", "an arrears-notice check needs at least one instalment");
  const currency c = amounts.front().currency();
  const bool fixed = agreement == cca_agreement::fixed_sum;
  arrears_notice_result r{.rule_id = fixed ? fixed_sum_id : running_account_id,
                          .citation = fixed ? fixed_sum_citation : running_account_citation,
                          .shortfall = money::zero(c),
                          .last_two_due = money::zero(c),
                          .as_of = as_of,
                          .agreement = agreement};
  const std::size_t n = amounts.size();
  std::vector<std::int64_t> prefix(n);
  std::int64_t total = 0;
  bool weekly = false;
  for (std::size_t i = 0; i < n; ++i) {
    if (amounts[i].currency() != c)
      throw currency_mismatch_error("monitor.currency", "instalment " + std::to_string(i + 1) + " is " + amounts[i].to_string() +
                                                           ", not in " + std::string(c.code()));
    if (amounts[i].is_negative())
      throw invalid_input_error("monitor.negative_instalment", "instalment " + std::to_string(i + 1) + " is " +
                                                                   amounts[i].to_string() + "; instalment amounts must not be negative");
    if (i > 0 && due_dates[i] < due_dates[i - 1])
      throw invalid_input_error("monitor.due_dates", "instalment " + std::to_string(i + 1) + " is due " + due_dates[i].to_string() +
                                                         ", before instalment " + std::to_string(i) +
                                                         "; list instalments in due-date order");
    if (i > 0 && due_dates[i].serial() - due_dates[i - 1].serial() <= 7) weekly = true;
    if (__builtin_add_overflow(total, amounts[i].minor_units(), &total))
      throw overflow_error("monitor.overflow", "the plan's total is beyond 64-bit minor units");
    prefix[i] = total;
  }
  std::vector<dated_payment> pays;
  for (std::size_t j = 0; j < payments.size(); ++j) {
    const auto& p = payments[j];
    if (p.amount.currency() != c)
      throw currency_mismatch_error("monitor.currency", "payment " + std::to_string(j + 1) + " on " + p.date.to_string() + " is " +
                                                           p.amount.to_string() + ", but the plan is in " + std::string(c.code()));
    if (p.amount.is_negative())
      throw invalid_input_error("monitor.negative_payment", "payment " + std::to_string(j + 1) + " on " + p.date.to_string() +
                                                                " is " + p.amount.to_string() +
                                                                "; remove a reversed payment instead of adding a negative one");
    if (p.date <= as_of) pays.push_back(p);
  }
  std::stable_sort(pays.begin(), pays.end(), [](const dated_payment& a, const dated_payment& b) { return a.date < b.date; });

  // Sweep the days on which something changes, evaluating at the end of each day.
  std::size_t k = 0, j = 0;
  std::int64_t paid = 0;
  bool holds = false;
  std::optional<civil_date> met;
  auto remaining = [&](std::size_t i) {
    const std::int64_t before = i == 0 ? 0 : prefix[i - 1];
    const std::int64_t a = amounts[i].minor_units();
    return a - std::clamp<std::int64_t>(paid - before, 0, a);
  };
  while (true) {
    std::optional<civil_date> next;
    if (k < n && due_dates[k] <= as_of) next = due_dates[k];
    if (j < pays.size() && (!next || pays[j].date < *next)) next = pays[j].date;
    if (!next) break;
    const civil_date d = *next;
    const std::size_t k_before = k;
    while (k < n && due_dates[k] <= d) ++k;
    while (j < pays.size() && pays[j].date <= d) paid += pays[j++].amount.minor_units();
    const std::int64_t due = k == 0 ? 0 : prefix[k - 1];
    bool cond = false;
    if (fixed) {
      const std::int64_t last2 = k >= 2 ? amounts[k - 1].minor_units() + amounts[k - 2].minor_units() : 0;
      cond = k >= 2 && paid < due && due - paid >= last2;
      // The duty, once it arises, lasts until the debtor ceases to be in arrears.
      if (!holds && cond) {
        holds = true;
        met = d;
      } else if (holds && paid >= due) {
        holds = false;
        met.reset();
      }
    } else {
      cond = k >= 2 && remaining(k - 1) > 0 && remaining(k - 2) > 0;
      if (cond && (!holds || k != k_before)) met = d;  // a new pair of missed payments starts a new occasion
      if (!cond) met.reset();
      holds = cond;
    }
  }
  const std::int64_t due_total = k == 0 ? 0 : prefix[k - 1];
  r.payments_fallen_due = static_cast<std::int64_t>(k);
  r.shortfall = money::from_minor(std::max<std::int64_t>(0, due_total - paid), c);
  if (k >= 2) r.last_two_due = amounts[k - 1] + amounts[k - 2];
  const civil_date in_force = civil_date::from_ymd(2008, 10, 1);

  r.reasons.push_back("payments fallen due by " + as_of.to_string() + ": " + std::to_string(k) + " (at least 2 needed): " +
                      yes_no(k >= 2));
  if (fixed) {
    r.reasons.push_back("total paid " + money::from_minor(paid, c).to_string() + " < total due " +
                        money::from_minor(due_total, c).to_string() + ": " + yes_no(paid < due_total));
    r.reasons.push_back("shortfall " + r.shortfall.to_string() + " >= the last two payments due (" + r.last_two_due.to_string() +
                        "): " + yes_no(k >= 2 && r.shortfall.is_positive() && r.shortfall >= r.last_two_due));
    r.reasons.push_back(holds ? "the duty arose on " + met->to_string() + " and the debtor has not ceased to be in arrears"
                              : "no duty is running on " + as_of.to_string());
  } else {
    r.reasons.push_back("the last two required payments not made (in full): " + yes_no(holds));
    r.reasons.push_back(std::string("a notice already given for either (caller's fact): ") +
                        yes_no(facts.notice_given_for_these_payments));
  }
  r.reasons.push_back(std::string("an unpaid judgment (caller's fact): ") + yes_no(facts.unpaid_judgment));
  r.required = holds && !facts.unpaid_judgment && (fixed ? true : !facts.notice_given_for_these_payments);
  if (fixed && as_of < in_force) {
    r.required = false;
    r.reasons.push_back("s86B is in force from 2008-10-01; " + as_of.to_string() + " is earlier");
  }
  if (holds) r.conditions_met_on = met;
  if (r.required && fixed) {
    r.first_notice_by = met->add_days(13);  // 14 days beginning with (and including) the day the conditions are met
    if (facts.last_notice_on && *facts.last_notice_on >= *met) r.next_notice_by = facts.last_notice_on->add_months(6);
  }
  if (r.required && !fixed && facts.next_statement_period_end) r.deadline = facts.next_statement_period_end;

  r.caveats.push_back("conditions are evaluated at the end of each day: an instalment unpaid at the end of its due date counts");
  if (fixed) {
    r.caveats.push_back("'ceases to be in arrears' is read as total paid >= total due to date (regulations.md: duty runs until "
                        "the debtor ceases to be in arrears or a judgment is given)");
    r.caveats.push_back("further notices are due at intervals of not more than 6 months while the duty lasts; "
                        "next_notice_by is last_notice_on + 6 calendar months (give last_notice_on to get it)");
    if (weekly)
      r.caveats.push_back("instalments fall due at intervals of 7 days or less: regulations.md §3.3 states only the two-payment "
                          "test; check s86B on legislation.gov.uk for the rule for weekly (or shorter) payment intervals, "
                          "which this function does not encode");
    if (r.required && !facts.last_notice_on)
      r.caveats.push_back("s86D: while a required notice is late the creditor cannot enforce the agreement and the debtor is "
                          "not liable for interest or default sums for that period (consequence wording unverified, "
                          "regulations.md [M])");
  } else {
    r.caveats.push_back("'not been made' is read as not paid in full (a part payment does not make the payment); "
                        "regulations.md does not settle part payments");
    r.caveats.push_back("regulations.md does not give the commencement date of s86C; it is not checked");
    if (r.required && !facts.next_statement_period_end)
      r.caveats.push_back("deadline: no later than the end of the period in which the next s78(4) statement is due (may be "
                          "given with that statement); pass next_statement_period_end to get the date");
  }
  return r;
}

arrears_notice_result cca_arrears_notice(const schedule& plan, std::span<const dated_payment> payments, civil_date as_of,
                                         cca_agreement agreement, const arrears_notice_facts& facts) {
  std::vector<civil_date> due;
  std::vector<money> amounts;
  for (const auto& row : plan.rows()) {
    due.push_back(row.due_date);
    amounts.push_back(row.payment);
  }
  return cca_arrears_notice(due, amounts, payments, as_of, agreement, facts);
}

std::string arrears_notice_result::explain() const {
  std::ostringstream o;
  o << (agreement == cca_agreement::fixed_sum ? "CCA s86B (fixed-sum) arrears notice" : "CCA s86C (running-account) arrears notice")
    << " as of " << as_of.to_string() << ": " << (required ? "REQUIRED" : "not required") << " [" << rule_id << "].\n";
  if (conditions_met_on) o << "Conditions met on " << conditions_met_on->to_string() << ".\n";
  if (first_notice_by) o << "First notice within 14 days beginning with that day: by " << first_notice_by->to_string() << ".\n";
  if (next_notice_by) o << "Next notice by " << next_notice_by->to_string() << " (not more than 6 months after the last).\n";
  if (deadline) o << "Deadline: " << deadline->to_string() << " (end of the next s78(4) statement period).\n";
  o << "Conditions:\n";
  for (const auto& s : reasons) o << "  - " << s << "\n";
  o << "Citation: " << citation << ".\n";
  if (!caveats.empty()) {
    o << "Caveats:\n";
    for (const auto& s : caveats) o << "  - " << s << "\n";
  }
  return o.str();
}

}  // namespace recoup
