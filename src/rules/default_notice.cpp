// CCA 1974 notice timing (regulations.md §3.3): s87-88 default notices, and the s86B/s86C
// arrears-notice deadlines on top of recoup::cca_arrears_notice (src/plan/arrears_notice.cpp).
#include "recoup/rules/default_notice.hpp"

#include <array>
#include <string>
#include <utility>

#include "notice_support.hpp"

namespace recoup::rules {
namespace {

constexpr std::array<std::string_view, 2> post_names{"first_class", "second_class"};
constexpr std::array<std::string_view, 2> counting_names{"clear_days", "after"};

default_notice_verdict finish(default_notice_verdict v, const rule_entry& days, std::optional<notice_counting> choice) {
  v.use(days);
  v.counting = choice ? *choice : parse_notice_counting(days.param_text("counting", "clear_days"));
  const std::int64_t n = days.integer();
  v.remedy_date = v.served_on.add_days(n + (v.counting == notice_counting::clear_days ? 1 : 0));
  v.date = v.remedy_date;
  v.step("The date for remedy must be not less than " + std::to_string(n) + " days after service (" +
         (v.counting == notice_counting::clear_days
              ? std::to_string(n) + " clear days: neither the day of service nor the date specified counted, the safer reading"
              : "the " + std::to_string(n) + "th day after service") +
         "): the earliest date the notice may specify is " + detail::day_name(v.remedy_date) + ".");
  v.step("The debtor may remedy before that date (s89); no s87(1) action (termination, demanding earlier payment, "
         "recovering goods or land, enforcing security) before it: earliest action " +
         detail::day_name(v.date) + ".");
  return v;
}

}  // namespace

std::string_view to_string(post_class p) noexcept { return post_names[static_cast<std::size_t>(p)]; }
post_class parse_post_class(std::string_view name) { return detail::parse_enum<post_class>(name, post_names, "post"); }
std::string_view to_string(notice_counting c) noexcept { return counting_names[static_cast<std::size_t>(c)]; }
notice_counting parse_notice_counting(std::string_view name) {
  return detail::parse_enum<notice_counting>(name, counting_names, "counting");
}

default_notice_verdict cca_default_notice_earliest_action(civil_date served_on, std::optional<notice_counting> counting,
                                                          std::optional<civil_date> as_of, const rule_book& book) {
  const rule_entry& days = book.at("GB", "cca.default_notice_days", detail::as_of_or(as_of, served_on));
  default_notice_verdict v;
  v.served_on = served_on;
  v.step("The default notice was served on " + detail::day_name(served_on) + ".");
  return finish(std::move(v), days, counting);
}

default_notice_verdict cca_default_notice_earliest_action_posted(civil_date posted_on, post_class post, const calendar& cal,
                                                                 std::optional<notice_counting> counting,
                                                                 std::optional<civil_date> as_of, const rule_book& book) {
  const civil_date when = detail::as_of_or(as_of, posted_on);
  const rule_entry& days = book.at("GB", "cca.default_notice_days", when);
  const rule_entry& deemed =
      book.at("GB", post == post_class::first_class ? "cca.deemed_service_first_class" : "cca.deemed_service_second_class", when);
  default_notice_verdict v;
  v.use(days);  // the main rule first
  v.use(deemed);
  v.posted_on = posted_on;
  v.deemed = true;
  v.served_on = cal.add_business_days(posted_on, deemed.integer());
  v.step("The default notice was posted " + std::string(post == post_class::first_class ? "first" : "second") +
         " class on " + detail::day_name(posted_on) + "; it is deemed served on the " +
         (deemed.integer() == 2 ? std::string("second") : std::to_string(deemed.integer()) + "th") +
         " working day after posting (" + cal.id() + " calendar): " + detail::day_name(v.served_on) +
         ", unless the contrary is proved.");
  return finish(std::move(v), days, counting);
}

arrears_notice_verdict cca_arrears_notice_timing(std::span<const civil_date> due_dates, std::span<const money> amounts,
                                                 std::span<const dated_payment> payments, civil_date as_of,
                                                 cca_agreement agreement, const arrears_notice_facts& facts,
                                                 const rule_book& book) {
  arrears_notice_result trigger = cca_arrears_notice(due_dates, amounts, payments, as_of, agreement, facts);
  arrears_notice_verdict v{{}, trigger.required, std::nullopt, std::nullopt, trigger.deadline, std::move(trigger)};
  const arrears_notice_result& t = v.trigger;
  for (const auto& r : t.reasons) v.step(r);
  if (agreement == cca_agreement::running_account) {
    v.step("s86C: the notice is due by the end of the period of the next s78(4) statement" +
           (t.deadline ? std::string(" (") + t.deadline->to_string() + ")" : std::string(" (not given)")) + ".");
    for (const auto& c : t.caveats) v.step("Caveat: " + c);
    // The s86C deadline has no figure in the pack: cite the trigger's own rule (plan/arrears_notice).
    rule_reference ref;
    ref.rule_id = t.rule_id;
    ref.jurisdiction = "GB";
    ref.effective_from = civil_date::from_ymd(2008, 10, 1);
    ref.citation = t.citation;
    ref.sureness = certainty::verified;
    ref.value = "by the end of the next s78(4) statement period";
    v.rules.push_back(std::move(ref));
    return v;
  }
  const rule_entry& first = book.at("GB", "cca.arrears_notice_first_days", as_of);
  const rule_entry& interval = book.at("GB", "cca.arrears_notice_interval_months", as_of);
  v.use(first);
  v.use(interval);
  if (t.conditions_met_on) {
    v.first_notice_by = t.conditions_met_on->add_days(first.integer() - 1);
    v.step("s86B: the first notice within " + std::to_string(first.integer()) + " days beginning with " +
           t.conditions_met_on->to_string() + ": by " + detail::day_name(*v.first_notice_by) + ".");
  }
  if (facts.last_notice_on && t.required) {
    v.next_notice_by = facts.last_notice_on->add_months(interval.integer());
    v.step("s86B: further notices at intervals of not more than " + std::to_string(interval.integer()) +
           " months: the next by " + detail::day_name(*v.next_notice_by) + ".");
  }
  for (const auto& c : t.caveats) v.step("Caveat: " + c);
  return v;
}

}  // namespace recoup::rules
