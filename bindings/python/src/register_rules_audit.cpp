// recoup._core: the rule-data audit (recoup/rules/audit.hpp). recoup.rules.audit() is the face.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <string>

#include "casters.hpp"
#include "recoup/rules/audit.hpp"
#include "rule_book_arg.hpp"

namespace py = pybind11;

namespace recoup::python {
namespace {

py::dict counts_dict(const rules::certainty_counts& c) {
  py::dict d;
  d["verified"] = c.verified;
  d["secondary"] = c.secondary;
  d["unverified"] = c.unverified;
  d["contested"] = c.contested;
  d["total"] = c.total();
  return d;
}

py::object iso(const civil_date& d) { return py::str(d.to_string()); }

py::dict horizon_dict(const rules::table_horizon& h) {
  py::dict d;
  d["pack"] = h.pack;
  d["jurisdiction"] = h.jurisdiction;
  d["rule_id"] = h.rule_id;
  d["versions"] = h.versions;
  d["last_day"] = iso(h.last_day);
  d["reviewed"] = iso(h.reviewed);
  d["days_left"] = h.days_left;
  d["state"] = std::string(rules::to_string(h.state));
  d["past_at_review"] = h.past_at_review;
  return d;
}

py::list horizon_list(const std::vector<rules::table_horizon>& hs) {
  py::list out;
  for (const auto& h : hs) out.append(horizon_dict(h));
  return out;
}

/// The audit as plain JSON-ready values (dates as ISO text), the shape `--format json` prints.
py::dict audit_dict(const rules::rules_audit& a) {
  py::dict out;
  out["as_of"] = iso(a.as_of);
  out["within_days"] = a.within_days;
  out["certainty"] = counts_dict(a.certainty);
  out["verified_percent"] = a.certainty.verified_percent();
  py::list packs;
  for (const auto& p : a.packs) {
    py::dict d;
    d["id"] = p.id;
    d["title"] = p.title;
    d["origin"] = p.origin;
    d["reviewed"] = iso(p.reviewed);
    d["valid_through"] = p.valid_through ? iso(*p.valid_through) : py::none();
    d["rules"] = p.rules;
    d["certainty"] = counts_dict(p.certainty);
    d["official_sources"] = p.official_sources;
    d["without_source"] = p.without_source;
    d["since_at_least"] = p.since_at_least;
    d["jurisdictions"] = p.jurisdictions;
    packs.append(d);
  }
  out["packs"] = packs;
  py::list js;
  for (const auto& j : a.jurisdictions) {
    py::dict d;
    d["jurisdiction"] = j.jurisdiction;
    d["checks"] = j.checks;
    d["certainty"] = counts_dict(j.certainty);
    js.append(d);
  }
  out["jurisdictions"] = js;
  py::list sources;
  for (const auto& s : a.sources) {
    py::dict d;
    d["domain"] = s.domain;
    d["kind"] = std::string(rules::to_string(s.kind));
    d["figures"] = s.figures;
    sources.append(d);
  }
  out["sources"] = sources;
  out["horizons"] = horizon_list(a.horizons);
  py::list questions;
  for (const auto& q : a.open_questions) {
    py::dict d;
    d["pack"] = q.pack;
    d["jurisdiction"] = q.jurisdiction;
    d["rule_id"] = q.rule_id;
    d["effective_from"] = iso(q.effective_from);
    d["certainty"] = std::string(rules::to_string(q.sureness));
    d["note"] = q.note;
    questions.append(d);
  }
  out["open_questions"] = questions;
  return out;
}

}  // namespace

void register_rules_audit(py::module_& m) {
  py::class_<rules::rules_audit>(m, "RulesAudit",
                                 "How sure, how sourced and how current every figure of a rule book is.")
      .def_readonly("as_of", &rules::rules_audit::as_of)
      .def_readonly("within_days", &rules::rules_audit::within_days)
      .def_property_readonly("certainty", [](const rules::rules_audit& a) { return counts_dict(a.certainty); })
      .def_property_readonly("horizons", [](const rules::rules_audit& a) { return horizon_list(a.horizons); },
                             "Every dated table (its last day, days left, state), soonest first.")
      .def_property_readonly("attention", [](const rules::rules_audit& a) { return horizon_list(a.attention()); },
                             "The dated tables ending within within_days, or already past.")
      .def("to_dict", &audit_dict, "Packs, jurisdictions, sources, horizons and open questions as plain values.")
      .def("to_text", &rules::rules_audit::to_text, "The report `recoup rules audit` prints.")
      .def("__str__", &rules::rules_audit::to_text)
      .def("__repr__", [](const rules::rules_audit& a) {
        return "<RulesAudit as of " + a.as_of.to_string() + ": " + std::to_string(a.certainty.total()) + " figures, " +
               std::to_string(a.certainty.verified) + " verified, " + std::to_string(a.attention().size()) +
               " tables needing attention>";
      });
  m.def(
      "rules_audit",
      [](const civil_date& as_of, int within_days, const py::object& book) {
        return rules::audit(book_of(book), as_of, within_days);
      },
      py::arg("as_of"), py::arg("within_days") = 90, py::arg("book") = py::none());
}

}  // namespace recoup::python
