// recoup._core: the compliance gate (recoup/rules/compliance_gate.hpp). Conversion only:
// recoup/_rules_gate.py turns keyword facts, logs and DataFrames into the values taken here.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <chrono>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "array_view.hpp"
#include "batch_errors.hpp"
#include "aware_time.hpp"
#include "casters.hpp"
#include "gate_columns_arg.hpp"
#include "recoup/rules/compliance_gate.hpp"
#include "rule_book_arg.hpp"
#include "verdict_binding.hpp"

namespace py = pybind11;

namespace recoup::python {

namespace {

using namespace recoup::rules;
using i64_array = py::array_t<std::int64_t, py::array::c_style>;
using i32_array = py::array_t<std::int32_t, py::array::c_style>;
using u32_array = py::array_t<std::uint32_t, py::array::c_style>;
using u16_array = py::array_t<std::uint16_t, py::array::c_style>;
using u8_array = py::array_t<std::uint8_t, py::array::c_style>;


}  // namespace

void register_rules_gate(py::module_& m) {
  py::tuple actions(action_count);
  for (std::size_t i = 0; i < action_count; ++i) actions[i] = std::string(to_string(all_actions[i]));
  m.attr("GATE_ACTIONS") = actions;
  py::tuple channels(channel_count);
  for (std::size_t i = 0; i < channel_count; ++i) channels[i] = std::string(to_string(static_cast<contact_channel>(i)));
  m.attr("CONTACT_CHANNELS") = channels;
  py::tuple statuses(3);
  for (std::size_t i = 0; i < 3; ++i) statuses[i] = std::string(to_string(static_cast<gate_status>(i)));
  m.attr("GATE_STATUSES") = statuses;
  py::dict fact_bits;
  fact_bits["debt_buyer"] = gate_fact::debt_buyer;
  fact_bits["attorney_represented"] = gate_fact::attorney_represented;
  fact_bits["scra_active_duty"] = gate_fact::scra_active_duty;
  fact_bits["vulnerable"] = gate_fact::vulnerable;
  fact_bits["mental_health_breathing_space"] = gate_fact::mental_health_breathing_space;
  fact_bits["open_end"] = gate_fact::open_end;
  fact_bits["known_credit_kind"] = gate_fact::known_credit_kind;
  fact_bits["not_cca_regulated"] = gate_fact::not_cca_regulated;
  fact_bits["creditor"] = gate_fact::creditor;
  fact_bits["call_consent"] = gate_fact::call_consent;
  m.attr("GATE_FACT_BITS") = fact_bits;

  py::class_<account_facts>(m, "AccountFacts",
                            "The facts of one account as the compliance gate reads them (use recoup.rules.Account).")
      .def(py::init<>())
      .def_readwrite("jurisdiction", &account_facts::jurisdiction)
      .def_readwrite("other_jurisdictions", &account_facts::other_jurisdictions)
      .def_readwrite("time_zones", &account_facts::time_zones)
      .def_property(
          "debt_type", [](const account_facts& a) { return std::string(to_string(a.type)); },
          [](account_facts& a, const std::string& s) { a.type = debt_type_from_name(s); })
      .def_readwrite("open_end", &account_facts::open_end)
      .def_property(
          "collector", [](const account_facts& a) { return std::string(to_string(a.role)); },
          [](account_facts& a, const std::string& s) { a.role = parse_collector_role(s); })
      .def_readwrite("balance", &account_facts::balance)
      .def_readwrite("opened_on", &account_facts::opened_on)
      .def_readwrite("first_delinquency", &account_facts::first_delinquency)
      .def_readwrite("defaulted_on", &account_facts::defaulted_on)
      .def_readwrite("last_payment", &account_facts::last_payment)
      .def_readwrite("last_acknowledgment", &account_facts::last_acknowledgment)
      .def_readwrite("charged_off_on", &account_facts::charged_off_on)
      .def_readwrite("placed_on", &account_facts::placed_on)
      .def_readwrite("first_contact_on", &account_facts::first_contact_on)
      .def_readwrite("validation_notice_sent_on", &account_facts::validation_notice_sent_on)
      .def_readwrite("settled_on", &account_facts::settled_on)
      .def_readwrite("debt_buyer", &account_facts::debt_buyer)
      .def_readwrite("dispute_received_on", &account_facts::dispute_received_on)
      .def_readwrite("dispute_verified_on", &account_facts::dispute_verified_on)
      .def_readwrite("cease_requested_on", &account_facts::cease_requested_on)
      .def_readwrite("bankruptcy_filed_on", &account_facts::bankruptcy_filed_on)
      .def_property(
          "bankruptcy_chapter",
          [](const account_facts& a) -> std::optional<int> {
            return a.bankruptcy_chapter ? std::optional<int>(a.bankruptcy_chapter) : std::nullopt;
          },
          [](account_facts& a, std::optional<int> c) { a.bankruptcy_chapter = c.value_or(0); })
      .def_readwrite("bankruptcy_discharged_on", &account_facts::bankruptcy_discharged_on)
      .def_readwrite("bankruptcy_dismissed_on", &account_facts::bankruptcy_dismissed_on)
      .def_readwrite("deceased_on", &account_facts::deceased_on)
      .def_readwrite("scra_active_duty", &account_facts::scra_active_duty)
      .def_readwrite("breathing_space_started_on", &account_facts::breathing_space_started_on)
      .def_property(
          "breathing_space_kind", [](const account_facts& a) { return std::string(to_string(a.breathing_space_type)); },
          [](account_facts& a, const std::string& s) { a.breathing_space_type = parse_breathing_space_kind(s); })
      .def_readwrite("breathing_space_ended_on", &account_facts::breathing_space_ended_on)
      .def_readwrite("vulnerable", &account_facts::vulnerable)
      .def_readwrite("identity_theft_reported_on", &account_facts::identity_theft_reported_on)
      .def_readwrite("fraud_discovered_on", &account_facts::fraud_discovered_on)
      .def_readwrite("attorney_represented", &account_facts::attorney_represented)
      .def_property(
          "opted_out",
          [](const account_facts& a) {
            std::vector<std::string> out;
            for (const auto c : a.opted_out) out.emplace_back(to_string(c));
            return out;
          },
          [](account_facts& a, const std::vector<std::string>& names) {
            a.opted_out.clear();
            for (const auto& n : names) a.opted_out.push_back(parse_contact_channel(n));
          })
      .def_readwrite("call_consent", &account_facts::call_consent)
      .def_readwrite("cca_regulated", &account_facts::cca_regulated)
      .def_readwrite("default_notice_served_on", &account_facts::default_notice_served_on)
      .def_readwrite("letter_of_claim_on", &account_facts::letter_of_claim_on)
      .def_readwrite("reaged_on", &account_facts::reaged_on)
      .def_readwrite("consecutive_minimum_payments", &account_facts::consecutive_minimum_payments)
      .def_property_readonly("call_count", [](const account_facts& a) { return a.calls.size(); },
                             "the number of calls in the contact log")
      .def(
          "_set_calls",
          [](account_facts& a, const i64_array& utc_seconds, const u8_array& outcome, const u8_array& consent,
             const u8_array& number) {
            const std::size_t n = static_cast<std::size_t>(utc_seconds.size());
            if (static_cast<std::size_t>(outcome.size()) != n || static_cast<std::size_t>(consent.size()) != n ||
                static_cast<std::size_t>(number.size()) != n)
              throw invalid_input_error("contact.batch_shape", "the log's columns have different lengths");
            a.calls.clear();
            a.calls.reserve(n);
            for (std::size_t i = 0; i < n; ++i) {
              if (outcome.data()[i] > 3)
                throw invalid_input_error("contact.outcome", "row " + std::to_string(i) + ": call outcome code " +
                                                                 std::to_string(outcome.data()[i]) + " is not 0..3");
              if (number.data()[i] > 1)
                throw invalid_input_error("contact.number_kind", "row " + std::to_string(i) + ": number kind code is not 0 or 1");
              a.calls.push_back(call_record{.at = std::chrono::sys_seconds{std::chrono::seconds{utc_seconds.data()[i]}},
                                            .outcome = static_cast<call_outcome>(outcome.data()[i]),
                                            .excluded_by_consent = consent.data()[i] != 0,
                                            .number = static_cast<number_kind>(number.data()[i])});
            }
          },
          py::arg("utc_seconds"), py::arg("outcome"), py::arg("consent"), py::arg("number"));

  py::class_<gate_reason>(m, "GateReason",
                          "One reason behind a gate verdict: the gate rule that decided (rule_id, citation, "
                          "certainty, version), the rules it consulted, a sentence and, for a block, when it lifts.")
      .def_property_readonly("rule_id", [](const gate_reason& r) { return r.rule().rule_id; })
      .def_property_readonly("jurisdiction", [](const gate_reason& r) { return r.rule().jurisdiction; })
      .def_property_readonly("citation", [](const gate_reason& r) { return r.rule().citation; })
      .def_property_readonly("certainty", [](const gate_reason& r) { return std::string(to_string(r.rule().sureness)); })
      .def_property_readonly("version", [](const gate_reason& r) { return r.rule().version(); })
      .def_readonly("rules", &gate_reason::rules, "the gate rule first, then every rule it consulted")
      .def_readonly("text", &gate_reason::text)
      .def_property_readonly("until", [](const gate_reason& r) { return aware_or_none(r.until); },
                             "a block: the instant it lifts (aware UTC datetime), None when not known")
      .def("__repr__", [](const gate_reason& r) {
        return "<GateReason " + r.rule().rule_id + " (" + r.rule().citation + "): " + r.text + ">";
      });

  verdict_class<action_verdict>(m, "ActionVerdict",
                                "May this action be taken on this account now, and if not, from when: the status, "
                                "every reason with its rule and citation, the conditions and any deadline.")
      .def_property_readonly("action", [](const action_verdict& v) { return std::string(to_string(v.action)); })
      .def_property_readonly("status", [](const action_verdict& v) { return std::string(to_string(v.status)); },
                             "'allowed', 'blocked' or 'allowed_from'")
      .def_property_readonly("allowed", &action_verdict::allowed, "True when the action may be taken at `at`")
      .def_property_readonly("allowed_from", [](const action_verdict& v) { return aware_or_none(v.allowed_from); },
                             "status 'allowed_from': the first allowed instant (aware UTC datetime); else None")
      .def_property_readonly("at", [](const action_verdict& v) { return aware(v.at); }, "the moment judged (UTC)")
      .def_readonly("as_of", &action_verdict::as_of, "the local date of `at` (first time zone; UTC without one)")
      .def_readonly("reasons", &action_verdict::reasons, "what blocks it, each with its rule and citation")
      .def_readonly("conditions", &action_verdict::conditions, "obligations and exceptions that apply when it is taken")
      .def_readonly("required_by", &action_verdict::required_by, "a deadline (charge-off, validation notice) or None")
      .def_readonly("deadline", &action_verdict::deadline, "the rule that set required_by, or None")
      .def("__repr__", [](const action_verdict& v) {
        std::string s = "<ActionVerdict " + std::string(to_string(v.action)) + ": " + std::string(to_string(v.status));
        if (v.allowed_from) s += " " + py::str(aware(*v.allowed_from)).cast<std::string>();
        if (!v.reasons.empty()) {
          s += " by";
          for (const auto& r : v.reasons) s += " " + r.rule().rule_id;
        }
        return s + ">";
      });

  m.def(
      "gate_permitted",
      [](const account_facts& a, const std::string& action, std::int64_t at, const py::object& book) {
        const collection_action act = parse_collection_action(action);
        const rule_book& b = book_of(book);
        py::gil_scoped_release nogil;
        return permitted(a, act, std::chrono::sys_seconds{std::chrono::seconds{at}}, b);
      },
      py::arg("account"), py::arg("action"), py::arg("at"), py::arg("book") = py::none());
  m.def(
      "gate_permitted_actions",
      [](const account_facts& a, std::int64_t at, const py::object& book) {
        const rule_book& b = book_of(book);
        py::gil_scoped_release nogil;
        return permitted_actions(a, std::chrono::sys_seconds{std::chrono::seconds{at}}, b);
      },
      py::arg("account"), py::arg("at"), py::arg("book") = py::none());
  m.def(
      "gate_start_of_local_day",
      [](const account_facts& a, civil_date d) { return start_of_local_day(a, d).time_since_epoch().count(); },
      py::arg("account"), py::arg("day"));

  m.def(
      "gate_columns",
      [](const std::vector<std::string>& codes, const std::vector<std::string>& zones, const u16_array& jurisdiction,
         const std::optional<u8_array>& type, const i64_array& at, const std::optional<u32_array>& flags,
         const std::optional<u8_array>& opted_out, const std::optional<i32_array>& zone,
         const std::optional<u8_array>& chapter, const std::optional<u8_array>& payments, const py::dict& dates,
         const std::vector<std::string>& action_names, const py::object& book, bool collect) {
        const rule_book& b = book_of(book);
        std::vector<collection_action> acts;
        for (const auto& a : action_names) acts.push_back(parse_collection_action(a));
        if (acts.empty()) acts.assign(all_actions.begin(), all_actions.end());
        const gate_columns_arg arg(jurisdiction, type, at, flags, opted_out, zone, chapter, payments, dates);
        const gate_columns_in& in = arg.in;
        const std::size_t n = in.jurisdiction.size();
        const std::size_t na = acts.size();
        const std::vector<py::ssize_t> shape{static_cast<py::ssize_t>(n), static_cast<py::ssize_t>(na)};
        u8_array status(shape);
        i64_array from(shape);
        i32_array reason(shape);
        i32_array required(shape);
        row_errors errors;
        const gate_table table(codes, zones, b);
        {
          py::gil_scoped_release nogil;
          table.evaluate(in, acts,
                         {.status = {status.mutable_data(), n * na}, .allowed_from = {from.mutable_data(), n * na},
                          .reason = {reason.mutable_data(), n * na}, .required_by = {required.mutable_data(), n * na}},
                         collect ? &errors : nullptr);
        }
        return py::make_tuple(status, from, reason, required, table.rule_ids(), errors_to_python(errors));
      },
      py::arg("codes"), py::arg("zones"), py::arg("jurisdiction"), py::arg("type"), py::arg("at"), py::arg("flags"),
      py::arg("opted_out"), py::arg("zone"), py::arg("chapter"), py::arg("payments"), py::arg("dates"),
      py::arg("actions"), py::arg("book"), py::arg("collect"));
}

}  // namespace recoup::python
