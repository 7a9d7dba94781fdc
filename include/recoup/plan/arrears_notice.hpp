#pragma once
// recoup::cca_arrears_notice — the Consumer Credit Act 1974 arrears-notice (NOSIA) trigger,
// s86B (fixed-sum credit) and s86C (running-account credit), computed from a plan and its
// payments: whether a notice is required on the as-of date, since when, by when, with the rule
// id, the citation and the caveats where the reference text is uncertain.
//
//   auto v = recoup::cca_arrears_notice(plan, payments, civil_date::parse("2026-04-20"),
//                                       recoup::cca_agreement::fixed_sum);
//   v.required; v.conditions_met_on; v.first_notice_by; v.rule_id; v.citation;
//   std::cout << v.explain();
//
// Conditions are evaluated at the end of each day (an instalment falls due on its due date;
// payments count on their value date). Payments apply to instalments oldest first. Amounts are
// whole minor units: no rounding. Source: regulations.md §3.3 (legislation.gov.uk, s86B and
// CCA 2006 s10 for s86C).

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "recoup/core/money.hpp"
#include "recoup/plan/monitor.hpp"
#include "recoup/plan/schedule.hpp"
#include "recoup/time/civil_date.hpp"

namespace recoup {

enum class cca_agreement {
  fixed_sum,        ///< s86B: loans, hire purchase, fixed-sum credit
  running_account,  ///< s86C: credit cards, store cards (instalments = the required payments)
};

/// Facts the schedule and payments cannot tell.
struct arrears_notice_facts {
  bool unpaid_judgment = false;                 ///< a judgment for sums due is unpaid: no duty (s86B, s86C)
  std::optional<civil_date> last_notice_on{};   ///< s86B: the last notice given in the current duty
  bool notice_given_for_these_payments = false; ///< s86C: a notice was already given for either missed payment
  std::optional<civil_date> next_statement_period_end{}; ///< s86C: end of the period of the next s78(4) statement
};

struct arrears_notice_result {
  bool required = false;
  std::string rule_id;                    ///< "uk.cca.arrears_notice.fixed_sum" / ".running_account"
  std::string citation;
  std::optional<civil_date> conditions_met_on{};  ///< s86B: the day the current duty arose; s86C: the day the current pair of missed payments arose
  std::optional<civil_date> first_notice_by{};    ///< s86B: last day of the 14 days beginning with conditions_met_on
  std::optional<civil_date> next_notice_by{};     ///< s86B: last_notice_on + 6 months, while the duty lasts
  std::optional<civil_date> deadline{};           ///< s86C: the end of the next s78(4) statement period, when given
  money shortfall;                        ///< total due to date - total paid (at least 0)
  money last_two_due;                     ///< s86B: the sum of the last two payments due
  std::int64_t payments_fallen_due = 0;
  civil_date as_of;
  cca_agreement agreement = cca_agreement::fixed_sum;
  std::vector<std::string> reasons{};     ///< each condition and whether it holds
  std::vector<std::string> caveats{};     ///< where the reference text is uncertain or a fact is missing

  [[nodiscard]] std::string explain() const;
};

[[nodiscard]] std::string_view to_string(cca_agreement a) noexcept;
[[nodiscard]] cca_agreement parse_cca_agreement(std::string_view name);

/// The s86B / s86C trigger on `as_of`. Errors: as monitor() for the payments and instalments,
/// invalid_input_error "arrears_notice.agreement" for an unknown agreement name.
[[nodiscard]] arrears_notice_result cca_arrears_notice(const schedule& plan, std::span<const dated_payment> payments,
                                                       civil_date as_of, cca_agreement agreement,
                                                       const arrears_notice_facts& facts = {});
/// The same over bare instalments (due dates and amounts in one currency, in date order).
[[nodiscard]] arrears_notice_result cca_arrears_notice(std::span<const civil_date> due_dates, std::span<const money> amounts,
                                                       std::span<const dated_payment> payments, civil_date as_of,
                                                       cca_agreement agreement, const arrears_notice_facts& facts = {});

}  // namespace recoup
