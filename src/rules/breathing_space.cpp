// The Debt Respite Scheme (Breathing Space), SI 2020/1311 (regulations.md §3.5).
#include "recoup/rules/breathing_space.hpp"

#include <array>
#include <string>

#include "notice_support.hpp"

namespace recoup::rules {
namespace {

constexpr std::array<std::string_view, 2> kind_names{"standard", "mental_health"};
constexpr const char* jurisdiction = "GB-EAW";

struct protection_row {
  const char* what;
  const char* description;
};

constexpr std::array<protection_row, 4> protections{{
    {"interest", "no interest may be charged on a moratorium debt while the moratorium lasts"},
    {"fees_and_charges", "no fees, penalties or charges may be added to a moratorium debt"},
    {"enforcement", "no enforcement action: no proceedings, judgment, warrant, enforcement agent or bankruptcy petition"},
    {"contact_demanding_payment",
     "no contact with the debtor to demand payment or as a precursor to proceedings (contact through the debt "
     "adviser, at the debtor's request, or about other liabilities remains allowed)"},
}};

}  // namespace

std::string_view to_string(breathing_space_kind k) noexcept { return kind_names[static_cast<std::size_t>(k)]; }
breathing_space_kind parse_breathing_space_kind(std::string_view name) {
  return detail::parse_enum<breathing_space_kind>(name, kind_names, "breathing space kind");
}

breathing_space_verdict breathing_space(civil_date start, breathing_space_kind kind,
                                        std::optional<civil_date> treatment_ended_on, std::optional<civil_date> as_of,
                                        const rule_book& book) {
  const civil_date when = detail::as_of_or(as_of, start);
  breathing_space_verdict v;
  v.kind = kind;
  v.start = start;
  v.treatment_ended_on = treatment_ended_on;
  if (kind == breathing_space_kind::standard) {
    if (treatment_ended_on)
      throw invalid_input_error("notices.not_applicable",
                                "treatment_ended_on applies to a mental_health breathing space, not a standard one");
    const rule_entry& length = book.at(jurisdiction, "breathing_space.standard_days", when);
    const rule_entry& not_before = book.at(jurisdiction, "breathing_space.midway_review_not_before_days", when);
    const rule_entry& by = book.at(jurisdiction, "breathing_space.midway_review_by_days", when);
    v.use(length);
    v.use(not_before);
    v.use(by);
    v.ends_on = start.add_days(length.integer() - 1);
    v.midway_review_from = start.add_days(not_before.integer());
    v.midway_review_to = start.add_days(by.integer() - 1);
    v.step("A standard breathing space started on " + detail::day_name(start) + " (day 1: periods 'beginning with the day on which the moratorium started' include it).");
    v.step("Midway review: not in the first " + std::to_string(not_before.integer()) + " days, so from day " +
           std::to_string(not_before.integer() + 1) + " (" + v.midway_review_from->to_string() +
           "), and completed before the end of day " + std::to_string(by.integer()) + " (" +
           v.midway_review_to->to_string() + ").");
    v.step("Unless cancelled earlier, it lasts " + std::to_string(length.integer()) + " days: the last protected day is day " +
           std::to_string(length.integer()) + ", " + detail::day_name(*v.ends_on) +
           "; collection may resume on " + v.ends_on->add_days(1).to_string() + ".");
  } else {
    const rule_entry& after = book.at(jurisdiction, "breathing_space.mental_health_after_treatment_days", when);
    v.use(after);
    v.step("A mental health crisis breathing space started on " + detail::day_name(start) +
           "; it lasts while the debtor receives mental health crisis treatment, then " + std::to_string(after.integer()) +
           " more days (no midway review).");
    if (treatment_ended_on) {
      detail::require_order(start, "start", *treatment_ended_on, "treatment_ended_on");
      v.ends_on = treatment_ended_on->add_days(after.integer());
      v.step("Treatment ended on " + treatment_ended_on->to_string() + ": the last protected day is " +
             std::to_string(after.integer()) + " days after, " + detail::day_name(*v.ends_on) +
             "; collection may resume on " + v.ends_on->add_days(1).to_string() + ".");
    } else {
      v.step("Treatment has not ended (no treatment_ended_on): the moratorium has no end date yet.");
    }
  }
  for (const auto& p : protections) {
    const rule_entry& e = book.at(jurisdiction, std::string("breathing_space.frozen.") + p.what, when);
    if (!e.flag()) continue;  // a pack may switch a protection off
    v.use(e);
    v.frozen.push_back({.what = p.what, .description = p.description, .rule_id = e.id, .citation = e.citation,
                        .sureness = e.sureness});
  }
  std::string frozen;
  for (const auto& f : v.frozen) frozen += (frozen.empty() ? "" : ", ") + f.what;
  v.step("While it lasts, creditors of moratorium debts must stop: " + frozen + ".");
  return v;
}

}  // namespace recoup::rules
