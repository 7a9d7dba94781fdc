// The common part of every verdict: the rule versions used and the reasoning, and explain().
#include "recoup/rules/verdict.hpp"

#include <sstream>

namespace recoup::rules {

namespace {

std::string value_with_unit(const rule_entry& e) {
  std::string v = to_string(e.value);
  switch (e.unit) {
    case rule_unit::money: return v + " " + std::string(e.money_currency ? e.money_currency->code() : "");
    case rule_unit::percent: return v + "%";
    case rule_unit::boolean:
    case rule_unit::text:
    case rule_unit::time_of_day: return v;
    case rule_unit::multiple: return v + " times";
    default: {
      std::string unit(to_string(e.unit));
      for (char& c : unit)
        if (c == '_') c = ' ';
      return v + " " + unit;
    }
  }
}

}  // namespace

rule_reference rule_reference::of(const rule_entry& e) {
  return rule_reference{.rule_id = e.id,
                        .jurisdiction = e.jurisdiction,
                        .effective_from = e.effective_from,
                        .effective_to = e.effective_to,
                        .citation = e.citation,
                        .sureness = e.sureness,
                        .source = e.source,
                        .note = e.note,
                        .value = value_with_unit(e),
                        .since_at_least = e.since_at_least};
}

std::string rule_reference::version() const { return in_force_text(effective_from, effective_to, since_at_least); }

const rule_reference& verdict::main_rule() const {
  if (rules.empty()) throw invalid_input_error("rules.no_rule", "this verdict used no rule (nothing to cite)");
  return rules.front();
}

const rule_reference& verdict::use(const rule_entry& e) {
  for (const auto& r : rules)
    if (r.rule_id == e.id && r.jurisdiction == e.jurisdiction && r.effective_from == e.effective_from) return r;
  rules.push_back(rule_reference::of(e));
  return rules.back();
}

std::string verdict::explain() const {
  std::ostringstream out;
  for (const auto& s : steps) out << s << "\n";
  if (!rules.empty()) {
    out << "Rules used:\n";
    for (const auto& r : rules) {
      out << "  - " << r.jurisdiction << " " << r.rule_id << " = " << r.value << ": " << r.citation << " ("
          << r.version() << "; " << to_string(r.sureness);
      if (!r.source.empty()) out << "; checked at " << r.source;
      out << ")\n";
      if (r.sureness == certainty::unverified)
        out << "    UNVERIFIED: this figure was not seen in an official or secondary source when the pack was "
               "written; confirm it before relying on it.\n";
      else if (r.sureness == certainty::contested)
        out << "    CONTESTED: courts disagree on this point" << (r.note.empty() ? "" : ": " + r.note) << "\n";
      if (r.since_at_least)
        out << "    START DATE A LOWER BOUND: the pack could not establish when this figure took effect, only that "
               "it was in force on "
            << r.effective_from.to_string() << "; for an earlier date it is assumed to apply.\n";
    }
  }
  std::string s = out.str();
  if (!s.empty() && s.back() == '\n') s.pop_back();
  return s;
}

}  // namespace recoup::rules
