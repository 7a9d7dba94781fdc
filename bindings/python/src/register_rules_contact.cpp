// recoup._core: Reg F contact frequency and hours, state overlays (recoup/rules/contact.hpp).
// Conversion only: recoup/_rules_contact.py turns logs (DataFrames, columns, records, aware
// datetimes) into the int64 / uint8 columns taken here.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "array_view.hpp"
#include "aware_time.hpp"
#include "casters.hpp"
#include "recoup/rules/contact.hpp"
#include "rule_book_arg.hpp"
#include "verdict_binding.hpp"

namespace py = pybind11;

namespace recoup::python {

namespace {

using i64_array = py::array_t<std::int64_t, py::array::c_style>;
using i32_array = py::array_t<std::int32_t, py::array::c_style>;
using u8_array = py::array_t<std::uint8_t, py::array::c_style>;

}  // namespace

void register_rules_contact(py::module_& m) {
  using namespace recoup::rules;

  py::tuple outcomes(4);
  for (std::size_t i = 0; i < 4; ++i) outcomes[i] = std::string(to_string(static_cast<call_outcome>(i)));
  m.attr("CALL_OUTCOMES") = outcomes;
  py::tuple kinds(2);
  for (std::size_t i = 0; i < 2; ++i) kinds[i] = std::string(to_string(static_cast<number_kind>(i)));
  m.attr("NUMBER_KINDS") = kinds;

  py::class_<contact_reason>(m, "ContactReason",
                             "One reason a proposed call is not allowed: the rule, a plain-English message and "
                             "the facts behind it (the window's calls, the conversation date, the zone and local "
                             "time).")
      .def_property_readonly("kind", [](const contact_reason& r) { return std::string(to_string(r.kind)); },
                             "'call_frequency', 'post_conversation_wait' or 'inconvenient_time'")
      .def_readonly("rule_id", &contact_reason::rule_id)
      .def_readonly("jurisdiction", &contact_reason::jurisdiction)
      .def_readonly("message", &contact_reason::message)
      .def_property_readonly(
          "calls",
          [](const contact_reason& r) {
            py::list out;
            for (auto t : r.calls) out.append(aware(t));
            return out;
          },
          "frequency: the counted calls of the fullest window; wait: the conversation (aware datetimes, UTC)")
      .def_readonly("window_from", &contact_reason::window_from, "frequency: first day of the fullest window")
      .def_readonly("window_to", &contact_reason::window_to, "frequency: last day of that window")
      .def_readonly("conversation_on", &contact_reason::conversation_on, "wait: the conversation's local date")
      .def_readonly("blocked_through", &contact_reason::blocked_through, "wait / frequency: last blocked day")
      .def_readonly("time_zone", &contact_reason::time_zone)
      .def_readonly("local_time", &contact_reason::local_time)
      .def("__repr__", [](const contact_reason& r) {
        return "<ContactReason " + std::string(to_string(r.kind)) + " " + r.jurisdiction + " " + r.rule_id + ": " +
               r.message + ">";
      });

  verdict_class<contact_verdict>(m, "ContactVerdict",
                                 "Whether a telephone call may be placed now (Reg F frequency, the wait after a "
                                 "conversation, convenient hours in every candidate zone, state overlays), why, "
                                 "and the earliest allowed instant.")
      .def_readonly("allowed", &contact_verdict::allowed)
      .def_property_readonly("at", [](const contact_verdict& v) { return aware(v.at); },
                             "the proposed time (aware datetime, UTC)")
      .def_property_readonly("next_allowed", [](const contact_verdict& v) { return aware_or_none(v.next_allowed); },
                             "earliest allowed instant at or after `at` (aware datetime, UTC); None when nothing "
                             "was found within search_days")
      .def_readonly("reasons", &contact_verdict::reasons)
      .def_readonly("jurisdiction", &contact_verdict::jurisdiction)
      .def_readonly("as_of", &contact_verdict::as_of)
      .def_readonly("time_zones", &contact_verdict::time_zones)
      .def_readonly("earliest_local_time", &contact_verdict::earliest_local_time)
      .def_readonly("latest_local_time", &contact_verdict::latest_local_time)
      .def("__bool__", [](const contact_verdict& v) { return v.allowed; })
      .def("__repr__", [](const contact_verdict& v) {
        std::string s = "<ContactVerdict allowed=" + std::string(v.allowed ? "True" : "False");
        if (!v.allowed) {
          s += " next_allowed=" + py::str(aware_or_none(v.next_allowed)).cast<std::string>();
          s += " reasons=[";
          for (std::size_t i = 0; i < v.reasons.size(); ++i)
            s += (i ? ", " : "") + std::string(to_string(v.reasons[i].kind));
          s += "]";
        }
        return s + ">";
      });

  m.def(
      "contact_may_call",
      [](const i64_array& person, const i64_array& debt, const i64_array& utc_seconds, const u8_array& outcome,
         const u8_array& consent, const u8_array& number, std::int64_t at, std::vector<std::string> time_zones,
         std::string jurisdiction, const std::string& kind, bool with_consent, int search_days, const py::object& book) {
        const std::size_t n = static_cast<std::size_t>(person.size());
        if (static_cast<std::size_t>(debt.size()) != n || static_cast<std::size_t>(utc_seconds.size()) != n ||
            static_cast<std::size_t>(outcome.size()) != n || static_cast<std::size_t>(consent.size()) != n ||
            static_cast<std::size_t>(number.size()) != n)
          throw invalid_input_error("contact.batch_shape", "the log's columns have different lengths");
        std::vector<call_record> log;
        log.reserve(n);
        for (std::size_t i = 0; i < n; ++i) {
          if (outcome.data()[i] > 3)
            throw invalid_input_error("contact.outcome", "row " + std::to_string(i) + ": call outcome code " +
                                                             std::to_string(outcome.data()[i]) + " is not 0..3");
          if (number.data()[i] > 1)
            throw invalid_input_error("contact.number_kind", "row " + std::to_string(i) + ": number kind code " +
                                                                 std::to_string(number.data()[i]) + " is not 0 or 1");
          log.push_back(call_record{.at = std::chrono::sys_seconds{std::chrono::seconds{utc_seconds.data()[i]}},
                                    .person = person.data()[i],
                                    .debt = debt.data()[i],
                                    .outcome = static_cast<call_outcome>(outcome.data()[i]),
                                    .excluded_by_consent = consent.data()[i] != 0,
                                    .number = static_cast<number_kind>(number.data()[i])});
        }
        const contact_request request{.at = std::chrono::sys_seconds{std::chrono::seconds{at}},
                                      .time_zones = std::move(time_zones),
                                      .jurisdiction = std::move(jurisdiction),
                                      .number = parse_number_kind(kind),
                                      .with_consent = with_consent,
                                      .search_days = search_days};
        const rule_book& b = book_of(book);
        py::gil_scoped_release nogil;
        return may_call(log, request, b);
      },
      py::arg("person").noconvert(), py::arg("debt").noconvert(), py::arg("utc_seconds").noconvert(),
      py::arg("outcome").noconvert(), py::arg("excluded_by_consent").noconvert(), py::arg("number_kind").noconvert(),
      py::arg("at"), py::arg("time_zones"), py::arg("jurisdiction") = "US", py::arg("kind") = "personal",
      py::arg("with_consent") = false, py::arg("search_days") = 400, py::arg("book") = py::none());

  m.def(
      "contact_check_call_log",
      [](const i64_array& person, const i64_array& debt, const i64_array& utc_seconds, const u8_array& outcome,
         std::vector<std::string> time_zones, const std::optional<u8_array>& consent,
         const std::optional<u8_array>& number, const std::optional<i32_array>& zone, std::string jurisdiction,
         const py::object& as_of, const py::object& book) {
        const call_log_columns cols{.person = view(person),
                                    .debt = view(debt),
                                    .utc_seconds = view(utc_seconds),
                                    .outcome = view(outcome),
                                    .excluded_by_consent = view(consent),
                                    .number = view(number),
                                    .zone = view(zone)};
        call_log_options options{.time_zones = std::move(time_zones), .jurisdiction = std::move(jurisdiction)};
        if (!as_of.is_none()) options.as_of = to_civil_date(as_of, "as_of");
        const auto n = static_cast<py::ssize_t>(person.size());
        u8_array flags(n);
        i32_array count(n);
        const std::span<std::uint8_t> f(flags.mutable_data(), static_cast<std::size_t>(n));
        const std::span<std::int32_t> c(count.mutable_data(), static_cast<std::size_t>(n));
        const rule_book& b = book_of(book);
        {
          py::gil_scoped_release nogil;
          check_call_log(cols, options, f, c, b);
        }
        return py::make_tuple(flags, count);
      },
      py::arg("person").noconvert(), py::arg("debt").noconvert(), py::arg("utc_seconds").noconvert(),
      py::arg("outcome").noconvert(), py::arg("time_zones"), py::arg("excluded_by_consent").noconvert() = py::none(),
      py::arg("number_kind").noconvert() = py::none(), py::arg("zone").noconvert() = py::none(),
      py::arg("jurisdiction") = "US", py::arg("as_of") = py::none(), py::arg("book") = py::none());
}

}  // namespace recoup::python
