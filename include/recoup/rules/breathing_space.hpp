// recoup/rules/breathing_space.hpp — the Debt Respite Scheme (Breathing Space), England and
// Wales (SI 2020/1311): how long a moratorium lasts, when its midway review falls and what it
// freezes, each with its citation.
//
//   auto v = recoup::rules::breathing_space(recoup::civil_date::parse("2026-03-02"));
//   v.midway_review_from;  // 2026-03-27: day 26 (reg 27(3): not in the 25 days beginning with the start)
//   v.midway_review_to;    // 2026-04-05: day 35 (reg 27(2): before the end of the 35 days)
//   v.ends_on;             // 2026-04-30: day 60, the last protected day
//
// Counting: "the period of N days beginning with the day on which the moratorium started" counts
// the start day as day 1, so day N is start + N - 1 (the drafting of reg 27, seen verbatim).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "recoup/rules/rule_book.hpp"
#include "recoup/rules/verdict.hpp"
#include "recoup/time/civil_date.hpp"

namespace recoup::rules {

/// The two kinds of moratorium.
enum class breathing_space_kind : std::uint8_t {
  standard,       ///< up to 60 days, with a midway review (regs 23-27)
  mental_health,  ///< while mental health crisis treatment lasts, plus 30 days (Part 3)
};

/// "standard", "mental_health".
[[nodiscard]] std::string_view to_string(breathing_space_kind k) noexcept;
/// The inverse; invalid_input_error "notices.unknown_option" for another name.
[[nodiscard]] breathing_space_kind parse_breathing_space_kind(std::string_view name);

/// One protection of a moratorium: what creditors must not do, and the rule that says so.
struct breathing_space_protection {
  std::string what;       ///< "interest", "fees_and_charges", "enforcement", "contact_demanding_payment"
  std::string description;///< a plain-English sentence
  std::string rule_id;    ///< "breathing_space.frozen.interest"
  std::string citation;   ///< "SI 2020/1311 reg 7: ..."
  certainty sureness = certainty::unverified;
};

/// The dates and protections of one moratorium.
struct breathing_space_verdict : verdict {
  breathing_space_kind kind = breathing_space_kind::standard;
  civil_date start;                                ///< the day the moratorium started (day 1)
  std::optional<civil_date> ends_on{};             ///< the last protected day; none while crisis treatment continues
  std::optional<civil_date> midway_review_from{};  ///< standard: the first day the review may be done (day 26)
  std::optional<civil_date> midway_review_to{};    ///< standard: the last day to complete it (day 35)
  std::optional<civil_date> treatment_ended_on{};  ///< mental health: as given
  std::vector<breathing_space_protection> frozen{};  ///< what creditors must stop while it lasts

  /// Whether `d` falls within the moratorium (start..ends_on; open-ended while treatment continues).
  [[nodiscard]] bool protects(civil_date d) const noexcept {
    return !(d < start) && (!ends_on || !(*ends_on < d));
  }
};

/// The dates and protections of a breathing space that started on `start`.
///
/// standard: ends_on = start + 59 (the 60th day), midway review from start + 25 to start + 34.
/// mental_health: ends_on = treatment_ended_on + 30 (30 days after the day treatment ends), or none
/// while it continues; no midway review. The moratorium can end earlier (cancellation): these are
/// the longest dates. Errors: invalid_input_error "notices.date_order" when treatment_ended_on is
/// before start, "notices.not_applicable" when treatment_ended_on is given for a standard one.
/// Rules: GB-EAW breathing_space.* as of `as_of` (default start; before 2021-05-04 "rules.not_in_force").
[[nodiscard]] breathing_space_verdict breathing_space(civil_date start,
                                                      breathing_space_kind kind = breathing_space_kind::standard,
                                                      std::optional<civil_date> treatment_ended_on = {},
                                                      std::optional<civil_date> as_of = {},
                                                      const rule_book& book = rule_book::defaults());

}  // namespace recoup::rules
