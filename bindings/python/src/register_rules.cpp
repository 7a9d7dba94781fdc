// recoup._core: rule packs, the rule book, verdicts and limitation periods. The public face is
// recoup.rules, which converts columns and dates first; the columnar kernel runs without the GIL.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "array_view.hpp"
#include "casters.hpp"
#include "recoup/rules.hpp"
#include "verdict_binding.hpp"

namespace py = pybind11;

namespace recoup::python {
namespace {

using rules::rule_book;

py::object value_to_python(const rules::rule_value& v) {
  switch (v.index()) {
    case 0: return py::int_(std::get<std::int64_t>(v));
    case 1: return decimal_class()(std::get<decimal>(v).to_string());
    case 2: return py::bool_(std::get<bool>(v));
    case 3: return py::str(std::get<std::string>(v));
    default: return from_civil_date(std::get<civil_date>(v));
  }
}

py::dict params_of(const rules::rule_entry& e) {
  py::dict d;
  for (const auto& [k, v] : e.params) d[py::str(k)] = value_to_python(v);
  return d;
}


}  // namespace

void register_rules(py::module_& m) {
  // The limitation tables, defined once in recoup/rules/limitation.hpp.
  py::tuple types(rules::debt_type_count);
  for (std::size_t i = 0; i < rules::debt_type_count; ++i)
    types[i] = std::string(rules::to_string(static_cast<rules::debt_type>(i)));
  m.attr("DEBT_TYPES") = types;
  py::tuple statuses(rules::limitation_status_count);
  for (std::size_t i = 0; i < rules::limitation_status_count; ++i)
    statuses[i] = std::string(rules::to_string(static_cast<rules::limitation_status>(i)));
  m.attr("LIMITATION_STATUSES") = statuses;
  py::dict flags;
  for (const auto& f : rules::limitation_flag_names) flags[py::str(std::string(f.name))] = f.bit;
  m.attr("LIMITATION_FLAGS") = flags;

  py::class_<rules::rule_reference>(m, "RuleReference", "A rule version a verdict used: id, citation, dates, certainty.")
      .def_readonly("rule_id", &rules::rule_reference::rule_id)
      .def_readonly("jurisdiction", &rules::rule_reference::jurisdiction)
      .def_readonly("effective_from", &rules::rule_reference::effective_from)
      .def_readonly("effective_to", &rules::rule_reference::effective_to)
      .def_readonly("citation", &rules::rule_reference::citation)
      .def_property_readonly("certainty", [](const rules::rule_reference& r) { return std::string(to_string(r.sureness)); })
      .def_readonly("source", &rules::rule_reference::source)
      .def_readonly("note", &rules::rule_reference::note)
      .def_readonly("value", &rules::rule_reference::value, "The figure with its unit, e.g. '4 years'.")
      .def_readonly("since_at_least", &rules::rule_reference::since_at_least,
                    "True when effective_from is only the earliest day the pack could establish.")
      .def_property_readonly("version", &rules::rule_reference::version)
      .def("__repr__", [](const rules::rule_reference& r) {
        return "<RuleReference " + r.jurisdiction + " " + r.rule_id + " = " + r.value + " (" + r.citation + "; " +
               r.version() + "; " + std::string(to_string(r.sureness)) + ")>";
      });

  py::class_<rules::verdict>(m, "Verdict",
                             "The common part of every rule verdict: the rule versions used and the reasoning.")
      .def_readonly("rules", &rules::verdict::rules, "Every rule version used; the first is the main one.")
      .def_readonly("steps", &rules::verdict::steps, "The reasoning, one sentence per step.")
      .def_property_readonly("rule_id", [](const rules::verdict& v) { return v.main_rule().rule_id; })
      .def_property_readonly("citation", [](const rules::verdict& v) { return v.main_rule().citation; })
      .def_property_readonly("version", [](const rules::verdict& v) { return v.main_rule().version(); })
      .def_property_readonly("certainty",
                             [](const rules::verdict& v) { return std::string(to_string(v.main_rule().sureness)); })
      .def("explain", &rules::verdict::explain, "The reasoning and every rule used, in plain English.")
      .def("__str__", &rules::verdict::explain);

  py::class_<rules::rule_entry>(m, "RuleEntry", "One version of one rule figure of a rule pack.")
      .def_readonly("id", &rules::rule_entry::id)
      .def_readonly("jurisdiction", &rules::rule_entry::jurisdiction)
      .def_readonly("effective_from", &rules::rule_entry::effective_from)
      .def_readonly("effective_to", &rules::rule_entry::effective_to)
      .def_property_readonly("value", [](const rules::rule_entry& e) { return value_to_python(e.value); })
      .def_property_readonly("unit", [](const rules::rule_entry& e) { return std::string(to_string(e.unit)); })
      .def_property_readonly("currency", [](const rules::rule_entry& e) -> std::optional<std::string> {
        if (!e.money_currency) return std::nullopt;
        return std::string(e.money_currency->code());
      })
      .def_readonly("citation", &rules::rule_entry::citation)
      .def_property_readonly("certainty", [](const rules::rule_entry& e) { return std::string(to_string(e.sureness)); })
      .def_readonly("source", &rules::rule_entry::source)
      .def_readonly("note", &rules::rule_entry::note)
      .def_readonly("pack", &rules::rule_entry::pack)
      .def_readonly("origin", &rules::rule_entry::origin)
      .def_readonly("since_at_least", &rules::rule_entry::since_at_least,
                    "True when effective_from is only the earliest day the pack could establish; the figure "
                    "answers for earlier days too.")
      .def_property_readonly("params", &params_of)
      .def("in_force_on", &rules::rule_entry::in_force_on, py::arg("day"))
      .def("__repr__", [](const rules::rule_entry& e) {
        return "<RuleEntry " + e.version() + " = " + rules::to_string(e.value) + " " + std::string(rules::to_string(e.unit)) + ">";
      });

  py::class_<rules::pack_info>(m, "PackInfo", "What a rule pack's [pack] table says about it.")
      .def_readonly("id", &rules::pack_info::id)
      .def_readonly("title", &rules::pack_info::title)
      .def_readonly("reviewed", &rules::pack_info::reviewed)
      .def_readonly("valid_through", &rules::pack_info::valid_through)
      .def_readonly("note", &rules::pack_info::note)
      .def_readonly("origin", &rules::pack_info::origin)
      .def_readonly("rules", &rules::pack_info::rules)
      .def("__repr__", [](const rules::pack_info& p) {
        return "<PackInfo " + p.id + ": " + std::to_string(p.rules) + " rules from " + p.origin + ">";
      });

  py::class_<rule_book>(m, "RuleBook", "Loaded rule packs, looked up by jurisdiction, rule id and date.")
      .def(py::init([](bool defaults) { return defaults ? rule_book::with_defaults() : rule_book(); }),
           py::arg("defaults") = true)
      .def_static("builtin", &rule_book::defaults, py::return_value_policy::reference,
                  "The built-in packs (shared, immutable).")
      .def("load_file", &rule_book::load_file, py::arg("path"))
      .def("load_text", &rule_book::load_text, py::arg("text"), py::arg("origin") = "<string>")
      .def("at", &rule_book::at, py::arg("jurisdiction"), py::arg("rule_id"), py::arg("as_of"),
           py::return_value_policy::copy)
      .def("versions",
           [](const rule_book& b, std::string_view j, std::string_view id) {
             auto s = b.versions(j, id);
             return std::vector<rules::rule_entry>(s.begin(), s.end());
           },
           py::arg("jurisdiction"), py::arg("rule_id"))
      .def("entries",
           [](const rule_book& b) {
             auto s = b.entries();
             return std::vector<rules::rule_entry>(s.begin(), s.end());
           })
      .def("jurisdictions", &rule_book::jurisdictions)
      .def("has_jurisdiction", &rule_book::has_jurisdiction, py::arg("jurisdiction"))
      .def("require_jurisdiction", &rule_book::require_jurisdiction, py::arg("jurisdiction"))
      .def("packs", &rule_book::packs)
      .def("__copy__", [](const rule_book& b) { return rule_book(b); })
      .def("__deepcopy__", [](const rule_book& b, py::dict) { return rule_book(b); }, py::arg("memo"));

  m.def("rules_is_jurisdiction_code", &rules::is_jurisdiction_code, py::arg("code"));
  m.def("rules_parent_jurisdiction",
        [](std::string_view code) { return std::string(rules::parent_jurisdiction(code)); }, py::arg("code"));

  // --- limitation ------------------------------------------------------------------------------
  verdict_class<rules::limitation_verdict>(m, "LimitationVerdict",
                                           "When a debt becomes time-barred, its status on a date, and what a "
                                           "payment now would do.")
      .def_readonly("jurisdiction", &rules::limitation_verdict::jurisdiction)
      .def_property_readonly("debt_type",
                             [](const rules::limitation_verdict& v) { return std::string(to_string(v.type)); })
      .def_readonly("as_of", &rules::limitation_verdict::as_of)
      .def_property_readonly("status",
                             [](const rules::limitation_verdict& v) { return std::string(to_string(v.status)); })
      .def_readonly("starts_on", &rules::limitation_verdict::starts_on)
      .def_readonly("expires_on", &rules::limitation_verdict::expires_on)
      .def_readonly("period", &rules::limitation_verdict::period)
      .def_readonly("start_is_lower_bound", &rules::limitation_verdict::start_is_lower_bound)
      .def_readonly("restarted", &rules::limitation_verdict::restarted)
      .def_readonly("revived", &rules::limitation_verdict::revived)
      .def_readonly("extinguished", &rules::limitation_verdict::extinguished)
      .def_readonly("contested", &rules::limitation_verdict::contested)
      .def_readonly("alternative_expires_on", &rules::limitation_verdict::alternative_expires_on)
      .def_readonly("payment_now_restarts", &rules::limitation_verdict::payment_now_restarts)
      .def_readonly("payment_now_revives", &rules::limitation_verdict::payment_now_revives)
      .def("__repr__", [](const rules::limitation_verdict& v) {
        return "<LimitationVerdict " + v.jurisdiction + " " + std::string(to_string(v.type)) + ": " +
               std::string(to_string(v.status)) + (v.expires_on ? ", expires " + v.expires_on->to_string() : "") +
               " (as of " + v.as_of.to_string() + ")>";
      });

  m.def(
      "rules_limitation",
      [](std::string_view jurisdiction, std::string_view debt_type, std::optional<civil_date> defaulted_on,
         std::optional<civil_date> last_payment, std::optional<civil_date> last_acknowledgment,
         std::optional<civil_date> charged_off_on, bool debt_buyer, civil_date as_of, const rule_book* book) {
        rules::limitation_facts f{.defaulted_on = defaulted_on,
                                  .last_payment = last_payment,
                                  .last_acknowledgment = last_acknowledgment,
                                  .charged_off_on = charged_off_on,
                                  .debt_buyer = debt_buyer};
        return rules::limitation(jurisdiction, rules::debt_type_from_name(debt_type), f, as_of,
                                 book ? *book : rule_book::defaults());
      },
      py::arg("jurisdiction"), py::arg("debt_type"), py::arg("defaulted_on"), py::arg("last_payment"),
      py::arg("last_acknowledgment"), py::arg("charged_off_on"), py::arg("debt_buyer"), py::arg("as_of"),
      py::arg("book").none(true));

  m.def(
      "rules_limitation_columns",
      [](const std::vector<std::string>& codes, const py::array_t<std::uint16_t, py::array::c_style>& jurisdiction,
         const py::array_t<std::uint8_t, py::array::c_style>& type,
         const py::array_t<std::int32_t, py::array::c_style>& defaulted_on,
         const py::array_t<std::int32_t, py::array::c_style>& last_payment,
         const std::optional<py::array_t<std::int32_t, py::array::c_style>>& last_acknowledgment,
         const std::optional<py::array_t<std::int32_t, py::array::c_style>>& charged_off_on,
         const std::optional<py::array_t<std::uint8_t, py::array::c_style>>& debt_buyer,
         const py::array_t<std::int32_t, py::array::c_style>& as_of, const rule_book* book) {
        const rules::limitation_table table(codes, book ? *book : rule_book::defaults());
        const auto n = jurisdiction.size();
        py::array_t<std::int32_t> expires(n);
        py::array_t<std::uint8_t> status(n);
        py::array_t<std::uint8_t> flags(n);
        const auto un = static_cast<std::size_t>(n);
        {
          py::gil_scoped_release nogil;
          table.evaluate({.jurisdiction = view(jurisdiction),
                          .type = view(type),
                          .defaulted_on = view(defaulted_on),
                          .last_payment = view(last_payment),
                          .last_acknowledgment = view(last_acknowledgment),
                          .charged_off_on = view(charged_off_on),
                          .debt_buyer = view(debt_buyer),
                          .as_of = view(as_of)},
                         {.expires_on = {expires.mutable_data(), un},
                          .status = {status.mutable_data(), un},
                          .flags = {flags.mutable_data(), un}});
        }
        return py::make_tuple(expires, status, flags);
      },
      py::arg("codes"), py::arg("jurisdiction").noconvert(), py::arg("type").noconvert(),
      py::arg("defaulted_on").noconvert(), py::arg("last_payment").noconvert(),
      py::arg("last_acknowledgment").noconvert().none(true), py::arg("charged_off_on").noconvert().none(true),
      py::arg("debt_buyer").noconvert().none(true), py::arg("as_of").noconvert(), py::arg("book").none(true));
}

}  // namespace recoup::python
