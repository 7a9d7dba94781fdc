// recoup._core: garnishment caps, statutory interest, reference rates. The public face is
// recoup._rules_money (re-exported by recoup.rules), which converts amounts and columns first;
// the batch kernel runs with the GIL released.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "batch_errors.hpp"
#include "casters.hpp"
#include "recoup/rules/garnishment.hpp"
#include "recoup/rules/statutory_interest.hpp"
#include "rule_book_arg.hpp"
#include "verdict_binding.hpp"

namespace recoup::python {

namespace {

using i64_array = py::array_t<std::int64_t, py::array::c_style>;

std::optional<money> optional_money(const py::object& value) {
  if (value.is_none()) return std::nullopt;
  return value.cast<money>();
}

rules::garnishment_options to_options(bool head_of_family, bool written_consent, const py::object& local_minimum_hourly,
                                      const std::string& wage_region) {
  rules::garnishment_options o;
  o.head_of_family = head_of_family;
  o.written_consent = written_consent;
  o.local_minimum_hourly = optional_money(local_minimum_hourly);
  o.wage_region = wage_region;
  return o;
}

std::string money_or_none(const std::optional<money>& m) { return m ? m->to_string() : std::string("None"); }

}  // namespace

void register_rules_money(py::module_& m) {
  // --- garnishment ---------------------------------------------------------------------------
  verdict_class<rules::garnishment_verdict>(m, "GarnishmentVerdict", R"doc(
The most an ordinary judgment creditor may garnish from one pay period's earnings.

``amount`` is the binding figure (Money, rounded down to the cent); ``federal_amount`` and
``state_amount`` are the two limits (``state_amount`` is None when no state rule applies) and
``binding`` says which set the amount ("federal", "state" or "both"). ``explain()`` gives the
steps and the rules with their citations.)doc")
      .def_readonly("amount", &rules::garnishment_verdict::amount)
      .def_readonly("federal_amount", &rules::garnishment_verdict::federal_amount)
      .def_readonly("state_amount", &rules::garnishment_verdict::state_amount)
      .def_readonly("binding", &rules::garnishment_verdict::binding)
      .def_readonly("jurisdiction", &rules::garnishment_verdict::jurisdiction)
      .def_property_readonly("pay_period",
                             [](const rules::garnishment_verdict& v) { return std::string(rules::to_string(v.period)); })
      .def_readonly("disposable_earnings", &rules::garnishment_verdict::disposable_earnings)
      .def_readonly("gross_earnings", &rules::garnishment_verdict::gross_earnings)
      .def_readonly("federal_floor", &rules::garnishment_verdict::federal_floor)
      .def_readonly("state_floor", &rules::garnishment_verdict::state_floor)
      .def_property_readonly("rounding",
                             [](const rules::garnishment_verdict& v) { return std::string(to_string(v.rounding)); })
      .def("__repr__", [](const rules::garnishment_verdict& v) {
        return "GarnishmentVerdict(" + v.jurisdiction + ", " + std::string(rules::to_string(v.period)) +
               ", amount=" + v.amount.to_string() + ", federal=" + v.federal_amount.to_string() +
               ", state=" + money_or_none(v.state_amount) + ", binding=" + v.binding + ")";
      });

  m.def(
      "_garnishment_limit",
      [](const std::string& jurisdiction, const money& disposable, const std::string& period, const civil_date& as_of,
         const py::object& gross, bool head_of_family, bool written_consent, const py::object& local_minimum_hourly,
         const std::string& wage_region, const py::object& book) {
        return rules::garnishment_limit(jurisdiction, disposable, rules::parse_pay_period(period), as_of,
                                        optional_money(gross),
                                        to_options(head_of_family, written_consent, local_minimum_hourly, wage_region),
                                        book_of(book));
      },
      py::arg("jurisdiction"), py::arg("disposable_earnings"), py::arg("pay_period"), py::arg("as_of"),
      py::arg("gross_earnings"), py::arg("head_of_family"), py::arg("written_consent"),
      py::arg("local_minimum_hourly"), py::arg("wage_region"), py::arg("book"));

  m.def(
      "_garnishment_limits",
      [](const i64_array& disposable, const std::optional<std::vector<std::string>>& jurisdictions,
         const std::string& default_jurisdiction, const std::string& period, const civil_date& as_of,
         const std::optional<i64_array>& gross, bool head_of_family, bool written_consent,
         const py::object& local_minimum_hourly, const std::string& wage_region, const py::object& book,
         bool collect) -> py::object {
        const auto p = rules::parse_pay_period(period);
        const auto options = to_options(head_of_family, written_consent, local_minimum_hourly, wage_region);
        const rules::rule_book& b = book_of(book);
        const auto n = static_cast<std::size_t>(disposable.size());
        i64_array out(disposable.size()), fed(disposable.size()), state(disposable.size());
        batch_errors errs{collect, {}};
        {
          py::gil_scoped_release nogil;
          rules::garnishment_columns cols{
              .disposable_minor = {disposable.data(), n},
              .jurisdictions = jurisdictions ? std::span<const std::string>(*jurisdictions) : std::span<const std::string>{},
              .gross_minor = gross ? std::span<const std::int64_t>(gross->data(), static_cast<std::size_t>(gross->size()))
                                   : std::span<const std::int64_t>{}};
          rules::garnishment_limits(cols, default_jurisdiction, p, as_of, {out.mutable_data(), n}, errs.sink(), options, b,
                                    {fed.mutable_data(), n}, {state.mutable_data(), n});
        }
        return errs.result(py::make_tuple(out, fed, state));
      },
      py::arg("disposable_minor").noconvert(), py::arg("jurisdictions").none(true), py::arg("default_jurisdiction"),
      py::arg("pay_period"), py::arg("as_of"), py::arg("gross_minor").noconvert().none(true), py::arg("head_of_family"),
      py::arg("written_consent"), py::arg("local_minimum_hourly"), py::arg("wage_region"), py::arg("book"),
      py::arg("collect"));

  m.def("_parse_pay_period", [](const std::string& name) { return std::string(rules::to_string(rules::parse_pay_period(name))); },
        py::arg("name"));

  // --- statutory interest --------------------------------------------------------------------
  verdict_class<rules::compensation_verdict>(m, "CompensationVerdict", R"doc(
The fixed sum a creditor may add to a late commercial debt (UK Late Payment Act s5A, EU
Directive 2011/7/EU Art. 6): ``amount`` (Money), the ``debt`` it was banded on, and the rules.)doc")
      .def_readonly("amount", &rules::compensation_verdict::amount)
      .def_readonly("debt", &rules::compensation_verdict::debt)
      .def_readonly("jurisdiction", &rules::compensation_verdict::jurisdiction)
      .def("__repr__", [](const rules::compensation_verdict& v) {
        return "CompensationVerdict(" + v.jurisdiction + ", debt=" + v.debt.to_string() + ", amount=" + v.amount.to_string() + ")";
      });

  verdict_class<rules::statutory_interest_verdict>(m, "StatutoryInterestVerdict", R"doc(
Interest the law adds to a late debt or a judgment: ``amount`` (Money, rounded once with
``rounding``), the ``annual_rate`` (percent, Decimal), the reference rate and the day it was read,
the number of ``days``, the ``exact`` unrounded figure and the accrual ``segments``.)doc")
      .def_readonly("amount", &rules::statutory_interest_verdict::amount)
      .def_readonly("principal", &rules::statutory_interest_verdict::principal)
      .def_readonly("start", &rules::statutory_interest_verdict::from, "The due date (or date of judgment).")
      .def_readonly("end", &rules::statutory_interest_verdict::to, "The day of payment.")
      .def_readonly("days", &rules::statutory_interest_verdict::days)
      .def_readonly("annual_rate", &rules::statutory_interest_verdict::annual_rate)
      .def_readonly("reference_rate", &rules::statutory_interest_verdict::reference_rate)
      .def_readonly("reference_date", &rules::statutory_interest_verdict::reference_date)
      .def_readonly("jurisdiction", &rules::statutory_interest_verdict::jurisdiction)
      .def_readonly("exact", &rules::statutory_interest_verdict::exact)
      .def_property_readonly("rounding",
                             [](const rules::statutory_interest_verdict& v) { return std::string(to_string(v.rounding)); })
      .def_readonly("segments", &rules::statutory_interest_verdict::segments)
      .def("__repr__", [](const rules::statutory_interest_verdict& v) {
        return "StatutoryInterestVerdict(" + v.jurisdiction + ", " + v.principal.to_string() + ", " + v.from.to_string() +
               " to " + v.to.to_string() + ", " + v.annual_rate.to_string() + "%, amount=" + v.amount.to_string() + ")";
      });

  verdict_class<rules::reference_rate_verdict>(m, "ReferenceRateVerdict", R"doc(
A reference rate on a date: ``rate`` (percent, Decimal), the table ``name``, the date asked
``on`` and the ``effective_from`` date of that rate.)doc")
      .def_readonly("rate", &rules::reference_rate_verdict::rate)
      .def_readonly("name", &rules::reference_rate_verdict::name)
      .def_readonly("on", &rules::reference_rate_verdict::on)
      .def_readonly("effective_from", &rules::reference_rate_verdict::effective_from)
      .def("__repr__", [](const rules::reference_rate_verdict& v) {
        return "ReferenceRateVerdict(" + v.name + ", " + v.on.to_string() + ", rate=" + v.rate.to_string() + "%)";
      });

  m.def(
      "_late_payment_compensation",
      [](const money& debt, const civil_date& as_of, const std::string& jurisdiction, const py::object& book) {
        return rules::late_payment_compensation(debt, as_of, jurisdiction, book_of(book));
      },
      py::arg("debt"), py::arg("as_of"), py::arg("jurisdiction"), py::arg("book"));
  m.def(
      "_late_payment_interest",
      [](const money& debt, const civil_date& due, const civil_date& paid, const py::object& rounding,
         const std::string& jurisdiction, const py::object& book) {
        return rules::late_payment_interest(debt, due, paid, to_rounding(rounding), jurisdiction, book_of(book));
      },
      py::arg("debt"), py::arg("due_date"), py::arg("paid_on"), py::arg("rounding"), py::arg("jurisdiction"),
      py::arg("book"));
  m.def(
      "_judgment_interest",
      [](const money& amount, const civil_date& entered, const civil_date& paid, const py::object& rounding,
         const std::string& jurisdiction, const py::object& rate, const py::object& book) {
        std::optional<decimal> r;
        if (!rate.is_none()) r = to_decimal(rate, "rate_percent", "pass it as a str or decimal.Decimal, e.g. '4.80'");
        return rules::judgment_interest(amount, entered, paid, to_rounding(rounding), jurisdiction, r, book_of(book));
      },
      py::arg("amount"), py::arg("entered_on"), py::arg("paid_on"), py::arg("rounding"), py::arg("jurisdiction"),
      py::arg("rate_percent"), py::arg("book"));
  m.def(
      "_reference_rate",
      [](const std::string& name, const civil_date& on, const py::object& book) {
        return rules::reference_rate(name, on, book_of(book));
      },
      py::arg("name"), py::arg("on"), py::arg("book"));
}

}  // namespace recoup::python
