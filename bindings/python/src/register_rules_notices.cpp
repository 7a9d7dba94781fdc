// recoup._core: notice periods, FCRA obsolescence, breathing space, 1099-C.
// (recoup/rules/{notices,credit_reporting,breathing_space,tax_reporting,default_notice,pre_action}.hpp)
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <optional>
#include <string>

#include "batch_errors.hpp"
#include "casters.hpp"
#include "recoup/plan/schedule.hpp"
#include "recoup/rules/breathing_space.hpp"
#include "recoup/rules/credit_reporting.hpp"
#include "recoup/rules/default_notice.hpp"
#include "recoup/rules/notices.hpp"
#include "recoup/rules/pre_action.hpp"
#include "recoup/rules/tax_reporting.hpp"
#include "recoup/settle/forgiveness.hpp"
#include "rule_book_arg.hpp"
#include "verdict_binding.hpp"

namespace recoup::python {
namespace {

using namespace recoup::rules;

/// A calendar from None (the default id), an id string or a Calendar object.
calendar to_calendar(const py::object& value, const char* fallback) {
  if (value.is_none()) return calendar::get(fallback);
  if (py::isinstance<py::str>(value)) return calendar::get(value.cast<std::string>());
  return value.cast<calendar>();
}

template <class Enum, class Parse>
std::optional<Enum> optional_enum(const std::optional<std::string>& name, Parse parse) {
  if (!name) return std::nullopt;
  return parse(*name);
}

std::string date_text(const std::optional<civil_date>& d) { return d ? d->to_string() : "None"; }

/// (date, amount) pairs; an amount that is not Money is an exact decimal in currency `c`.
std::vector<dated_payment> payment_list(const py::object& payments, currency c) {
  std::vector<dated_payment> out;
  std::size_t i = 0;
  for (const auto& item : payments) {
    const std::string what = "payments[" + std::to_string(i++) + "]";
    if (!((py::isinstance<py::tuple>(item) || py::isinstance<py::list>(item)) && py::len(item) == 2))
      throw invalid_input_error("monitor.payments", what + " is " + py::repr(item).cast<std::string>() +
                                                        "; each payment must be a (datetime.date, Money) pair");
    const auto seq = py::reinterpret_borrow<py::sequence>(item);
    const py::object amount = seq[1];
    out.push_back({to_civil_date(seq[0], what.c_str()),
                   to_money(amount, c, what.c_str())});
  }
  return out;
}

}  // namespace

void register_rules_notices(py::module_& m) {
  verdict_class<validation_period_verdict>(m, "ValidationPeriodVerdict",
                                           "The Reg F validation-period end date (.date) and assumed receipt.")
      .def_readonly("provided_on", &validation_period_verdict::provided_on)
      .def_readonly("assumed_receipt", &validation_period_verdict::assumed_receipt)
      .def_readonly("date", &validation_period_verdict::date)
      .def_property_readonly("observed_holidays",
                             [](const validation_period_verdict& v) { return std::string(to_string(v.observed)); })
      .def_readonly("skipped", &validation_period_verdict::skipped)
      .def("__repr__", [](const validation_period_verdict& v) {
        return "<ValidationPeriodVerdict date=" + v.date.to_string() + " assumed_receipt=" + v.assumed_receipt.to_string() +
               ">";
      });

  verdict_class<validation_notice_verdict>(m, "ValidationNoticeVerdict",
                                           "The last day (.date) to provide Reg F validation information.")
      .def_readonly("initial_communication", &validation_notice_verdict::initial_communication)
      .def_readonly("date", &validation_notice_verdict::date)
      .def("__repr__", [](const validation_notice_verdict& v) {
        return "<ValidationNoticeVerdict date=" + v.date.to_string() + ">";
      });

  verdict_class<furnishing_verdict>(m, "FurnishingVerdict",
                                    "The earliest day (.date, None when blocked) to furnish to a credit bureau.")
      .def_readonly("sent_on", &furnishing_verdict::sent_on)
      .def_readonly("wait_ends_on", &furnishing_verdict::wait_ends_on)
      .def_readonly("date", &furnishing_verdict::date)
      .def_readonly("blocked", &furnishing_verdict::blocked)
      .def_readonly("undeliverable_notice_on", &furnishing_verdict::undeliverable_notice_on)
      .def_property_readonly("reading", [](const furnishing_verdict& v) { return std::string(to_string(v.reading)); })
      .def("__repr__", [](const furnishing_verdict& v) {
        return "<FurnishingVerdict date=" + date_text(v.date) + (v.blocked ? " blocked" : "") + ">";
      });

  verdict_class<obsolescence_verdict>(m, "ObsolescenceVerdict",
                                      "The FCRA obsolescence date (.date) of a collection or charge-off item.")
      .def_readonly("first_delinquency", &obsolescence_verdict::first_delinquency)
      .def_readonly("clock_start", &obsolescence_verdict::clock_start)
      .def_readonly("last_reportable_day", &obsolescence_verdict::last_reportable_day)
      .def_readonly("date", &obsolescence_verdict::date)
      .def("__repr__", [](const obsolescence_verdict& v) {
        return "<ObsolescenceVerdict date=" + v.date.to_string() + " clock_start=" + v.clock_start.to_string() + ">";
      });

  py::class_<breathing_space_protection>(m, "BreathingSpaceProtection",
                                         "One thing creditors must stop during a breathing space, with its rule.")
      .def_readonly("what", &breathing_space_protection::what)
      .def_readonly("description", &breathing_space_protection::description)
      .def_readonly("rule_id", &breathing_space_protection::rule_id)
      .def_readonly("citation", &breathing_space_protection::citation)
      .def_property_readonly("certainty",
                             [](const breathing_space_protection& p) { return std::string(to_string(p.sureness)); })
      .def("__repr__", [](const breathing_space_protection& p) {
        return "<BreathingSpaceProtection " + p.what + " (" + p.rule_id + ")>";
      });

  verdict_class<breathing_space_verdict>(m, "BreathingSpaceVerdict",
                                         "The dates (.ends_on, .midway_review_from/.to) and protections (.frozen) "
                                         "of a breathing space.")
      .def_property_readonly("kind", [](const breathing_space_verdict& v) { return std::string(to_string(v.kind)); })
      .def_readonly("start", &breathing_space_verdict::start)
      .def_readonly("ends_on", &breathing_space_verdict::ends_on)
      .def_readonly("midway_review_from", &breathing_space_verdict::midway_review_from)
      .def_readonly("midway_review_to", &breathing_space_verdict::midway_review_to)
      .def_readonly("treatment_ended_on", &breathing_space_verdict::treatment_ended_on)
      .def_readonly("frozen", &breathing_space_verdict::frozen)
      .def("protects", &breathing_space_verdict::protects, py::arg("date"))
      .def("__repr__", [](const breathing_space_verdict& v) {
        return "<BreathingSpaceVerdict " + std::string(to_string(v.kind)) + " start=" + v.start.to_string() +
               " ends_on=" + date_text(v.ends_on) + ">";
      });

  verdict_class<form_1099c_verdict>(m, "Form1099CVerdict", "Whether a Form 1099-C is required (.required, .reason).")
      .def_readonly("required", &form_1099c_verdict::required)
      .def_readonly("amount", &form_1099c_verdict::amount)
      .def_readonly("threshold", &form_1099c_verdict::threshold)
      .def_property_readonly("event", [](const form_1099c_verdict& v) { return std::string(to_string(v.event)); })
      .def_readonly("as_of", &form_1099c_verdict::as_of)
      .def_readonly("reason", &form_1099c_verdict::reason)
      .def("__bool__", [](const form_1099c_verdict& v) { return v.required; })
      .def("__repr__", [](const form_1099c_verdict& v) {
        return std::string("<Form1099CVerdict required=") + (v.required ? "True" : "False") + " amount=" +
               v.amount.to_string() + ">";
      });

  // The settlement layer's report_forgiveness (recoup/settle/forgiveness.hpp): the verdict is
  // stored in the offer, so a valuation of that offer carries it.
  m.def(
      "_report_forgiveness",
      [](settlement_offer& o, const py::object& filed_on, const std::string& event, bool applicable_entity,
         const py::object& book) {
        return report_forgiveness(o, to_civil_date(filed_on, "filed_on"), parse_discharge_event(event),
                                  applicable_entity, book_of(book));
      },
      py::arg("offer"), py::arg("filed_on"), py::arg("event"), py::arg("applicable_entity"), py::arg("book") = py::none());

  verdict_class<default_notice_verdict>(m, "DefaultNoticeVerdict",
                                        "The earliest remedy date and action day (.date) of a CCA default notice.")
      .def_readonly("posted_on", &default_notice_verdict::posted_on)
      .def_readonly("served_on", &default_notice_verdict::served_on)
      .def_readonly("deemed", &default_notice_verdict::deemed)
      .def_readonly("remedy_date", &default_notice_verdict::remedy_date)
      .def_readonly("date", &default_notice_verdict::date)
      .def_property_readonly("counting", [](const default_notice_verdict& v) { return std::string(to_string(v.counting)); })
      .def("__repr__", [](const default_notice_verdict& v) {
        return "<DefaultNoticeVerdict date=" + v.date.to_string() + " served_on=" + v.served_on.to_string() + ">";
      });

  verdict_class<pre_action_verdict>(m, "PreActionVerdict",
                                    "The reply deadline and the earliest day (.date) to issue proceedings.")
      .def_readonly("letter_dated", &pre_action_verdict::letter_dated)
      .def_readonly("reply_due", &pre_action_verdict::reply_due)
      .def_readonly("date", &pre_action_verdict::date)
      .def_readonly("extended", &pre_action_verdict::extended)
      .def_readonly("reply_received_on", &pre_action_verdict::reply_received_on)
      .def_readonly("documents_provided_on", &pre_action_verdict::documents_provided_on)
      .def("__repr__", [](const pre_action_verdict& v) {
        return "<PreActionVerdict date=" + v.date.to_string() + " reply_due=" + v.reply_due.to_string() + ">";
      });

  m.def(
      "validation_period_end",
      [](civil_date provided_on, const py::object& cal, const std::optional<std::string>& observed,
         std::optional<civil_date> as_of) {
        return validation_period_end(provided_on, to_calendar(cal, "US"),
                                     optional_enum<observed_holidays>(observed, parse_observed_holidays), as_of);
      },
      py::arg("provided_on"), py::arg("calendar") = py::none(), py::arg("observed_holidays") = py::none(),
      py::arg("as_of") = py::none());
  m.def("validation_notice_due", [](civil_date d, std::optional<civil_date> as_of) { return validation_notice_due(d, as_of); },
        py::arg("initial_communication"), py::arg("as_of") = py::none());
  m.def(
      "passive_collection_earliest_furnishing",
      [](civil_date sent_on, std::optional<civil_date> undeliverable, const std::optional<std::string>& reading,
         std::optional<civil_date> as_of) {
        return passive_collection_earliest_furnishing(
            sent_on, undeliverable, optional_enum<furnishing_reading>(reading, parse_furnishing_reading), as_of);
      },
      py::arg("sent_on"), py::arg("undeliverable_notice_on") = py::none(), py::arg("reading") = py::none(),
      py::arg("as_of") = py::none());
  m.def(
      "credit_reporting_obsolete_on",
      [](civil_date dofd, std::optional<civil_date> added, std::optional<civil_date> as_of) {
        return credit_reporting_obsolete_on(dofd, added, as_of);
      },
      py::arg("first_delinquency"), py::arg("added_to_file_on") = py::none(), py::arg("as_of") = py::none());
  m.def(
      "credit_reporting_obsolete_serials",
      [](const py::array_t<std::int64_t, py::array::c_style>& serials, bool collect) {
        if (serials.ndim() != 1) throw invalid_input_error("columns.shape", "dates must be a 1-d array");
        const auto n = static_cast<std::size_t>(serials.shape(0));
        py::array_t<std::int64_t> out(serials.shape(0));
        batch_errors errs{collect, {}};
        {
          py::gil_scoped_release release;
          rules::credit_reporting_obsolete_on(std::span<const std::int64_t>(serials.data(), n),
                                              std::span<std::int64_t>(out.mutable_data(), n), errs.sink());
        }
        return errs.result(out);
      },
      py::arg("day_serials"), py::arg("collect") = false,
      "credit_reporting_obsolete_on over int64 days since 1970-01-01 (numpy datetime64[D] viewed as int64).");
  m.def(
      "breathing_space",
      [](civil_date start, const std::string& kind, std::optional<civil_date> treatment_ended_on,
         std::optional<civil_date> as_of) {
        return breathing_space(start, parse_breathing_space_kind(kind), treatment_ended_on, as_of);
      },
      py::arg("start"), py::arg("kind") = "standard", py::arg("treatment_ended_on") = py::none(),
      py::arg("as_of") = py::none());
  m.def(
      "form_1099c_required",
      [](const money& forgiven, const std::string& event, civil_date as_of, bool applicable_entity, bool upheld) {
        return form_1099c_required(forgiven, parse_discharge_event(event), as_of, applicable_entity, upheld);
      },
      py::arg("forgiven_amount"), py::arg("event"), py::arg("as_of"), py::arg("applicable_entity") = true,
      py::arg("limitation_defence_upheld") = false);
  m.def(
      "cca_default_notice_earliest_action",
      [](std::optional<civil_date> served_on, std::optional<civil_date> posted_on, const std::string& post,
         const py::object& cal, const std::optional<std::string>& counting, std::optional<civil_date> as_of) {
        if (served_on.has_value() == posted_on.has_value())
          throw invalid_input_error("notices.default_notice_service",
                                    "give exactly one of served_on (the date of service) and posted_on (deemed "
                                    "service from the posting date)");
        const auto c = optional_enum<notice_counting>(counting, parse_notice_counting);
        if (served_on) return cca_default_notice_earliest_action(*served_on, c, as_of);
        return cca_default_notice_earliest_action_posted(*posted_on, parse_post_class(post), to_calendar(cal, "GB-EAW"), c,
                                                         as_of);
      },
      py::arg("served_on") = py::none(), py::arg("posted_on") = py::none(), py::arg("post") = "first_class",
      py::arg("calendar") = py::none(), py::arg("counting") = py::none(), py::arg("as_of") = py::none());
  m.def(
      "pre_action_reply_deadline",
      [](civil_date letter, std::optional<civil_date> reply, bool advice, std::optional<civil_date> docs,
         std::optional<civil_date> as_of) { return pre_action_reply_deadline(letter, reply, advice, docs, as_of); },
      py::arg("letter_dated"), py::arg("reply_received_on") = py::none(), py::arg("seeking_advice") = false,
      py::arg("documents_provided_on") = py::none(), py::arg("as_of") = py::none());
  verdict_class<arrears_notice_verdict>(m, "ArrearsNoticeVerdict",
                                        "The CCA s86B/s86C arrears-notice trigger with deadlines from the rule pack.")
      .def_readonly("required", &arrears_notice_verdict::required)
      .def_readonly("first_notice_by", &arrears_notice_verdict::first_notice_by)
      .def_readonly("next_notice_by", &arrears_notice_verdict::next_notice_by)
      .def_readonly("deadline", &arrears_notice_verdict::deadline)
      .def_property_readonly("conditions_met_on", [](const arrears_notice_verdict& v) { return v.trigger.conditions_met_on; })
      .def_property_readonly("shortfall", [](const arrears_notice_verdict& v) { return v.trigger.shortfall; })
      .def_property_readonly("agreement", [](const arrears_notice_verdict& v) { return std::string(to_string(v.trigger.agreement)); })
      .def("__repr__", [](const arrears_notice_verdict& v) {
        return std::string("<ArrearsNoticeVerdict required=") + (v.required ? "True" : "False") +
               " first_notice_by=" + date_text(v.first_notice_by) + ">";
      });
  m.def(
      "cca_arrears_notice_timing",
      [](const schedule& s, const py::object& payments, civil_date as_of, const std::string& agreement,
         bool unpaid_judgment, std::optional<civil_date> last_notice_on, bool notice_given,
         std::optional<civil_date> statement_end) {
        std::vector<civil_date> due;
        std::vector<money> amounts;
        for (const auto& row : s.rows()) {
          due.push_back(row.due_date);
          amounts.push_back(row.payment);
        }
        arrears_notice_facts facts;
        facts.unpaid_judgment = unpaid_judgment;
        facts.last_notice_on = last_notice_on;
        facts.notice_given_for_these_payments = notice_given;
        facts.next_statement_period_end = statement_end;
        const auto pays = payment_list(payments, s.terms().principal.currency());
        return cca_arrears_notice_timing(due, amounts, pays, as_of, parse_cca_agreement(agreement), facts);
      },
      py::arg("schedule"), py::arg("payments"), py::arg("as_of"), py::arg("agreement") = "fixed_sum",
      py::arg("unpaid_judgment") = false, py::arg("last_notice_on") = py::none(),
      py::arg("notice_given_for_these_payments") = false, py::arg("next_statement_period_end") = py::none());
  m.def("discharge_event_names", [] {
    std::vector<std::string> out;
    for (int i = 0; i <= static_cast<int>(discharge_event::non_payment_testing_period); ++i)
      out.emplace_back(to_string(static_cast<discharge_event>(i)));
    return out;
  });
}

}  // namespace recoup::python
