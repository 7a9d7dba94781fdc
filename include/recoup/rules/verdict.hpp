// recoup/rules/verdict.hpp — what every rule check returns besides its answer: the rules it
// used (id, version, citation, certainty) and the steps of its reasoning in plain English.
//
// Each check has its own result struct (limitation_verdict, garnishment_verdict, ...) that
// derives from verdict and adds the fields of its answer. explain() renders the whole story:
//
//   Texas open account: the limitation period is 4 years (Tex. Civ. Prac. & Rem. Code
//   § 16.004(a)(3); verified; in force from 1979-08-27). ...
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "recoup/rules/rule_entry.hpp"

namespace recoup::rules {

/// The part of a rule entry a verdict keeps: enough to cite it and to find the version again.
struct rule_reference {
  std::string rule_id;                     ///< "limitation.open_account"
  std::string jurisdiction;                ///< "US-TX"
  civil_date effective_from;               ///< the version used: first day in force
  std::optional<civil_date> effective_to;  ///< and last day (none = still in force)
  std::string citation;                    ///< statute or rule section
  certainty sureness = certainty::unverified;
  std::string source;                      ///< URL where the figure was checked (may be empty)
  std::string note;                        ///< the pack's note (may be empty)
  std::string value;                       ///< the figure as written, with its unit: "4 years"
  bool since_at_least = false;             ///< effective_from is a lower bound (rule_entry::since_at_least)

  /// The reference for one entry.
  static rule_reference of(const rule_entry& e);
  /// "in force from 2022-04-07", "in force 2012-09-28 to 2021-06-15" or, when the start is a
  /// lower bound, "in force since at least 2000-01-01".
  [[nodiscard]] std::string version() const;
};

/// The common part of every verdict.
struct verdict {
  std::vector<rule_reference> rules;  ///< every rule version used; the first is the main one
  std::vector<std::string> steps;     ///< the reasoning, one plain-English sentence per step

  /// The main rule (the first); throws invalid_input_error ("rules.no_rule") when none was used.
  [[nodiscard]] const rule_reference& main_rule() const;
  /// Records that `e` was used (once) and returns its reference.
  const rule_reference& use(const rule_entry& e);
  /// Adds a step of reasoning.
  void step(std::string sentence) { steps.push_back(std::move(sentence)); }
  /// The steps, then one line per rule used with its citation, version and certainty; an
  /// unverified or contested rule is flagged so nobody relies on it unknowingly.
  [[nodiscard]] std::string explain() const;
};

}  // namespace recoup::rules
