// Conversions between Python objects and recoup values, shared by the register_*.cpp files.
//
// recoup::decimal <-> decimal.Decimal: exact, through the canonical text form. Python int and
// str also convert to recoup::decimal; float and bool never do (a TypeError that says how to
// convert explicitly).
#pragma once

#include <pybind11/pybind11.h>

#include "recoup/recoup.hpp"

namespace recoup::python {

namespace py = pybind11;

/// The decimal.Decimal class (imported once, kept alive safely across interpreter shutdown).
py::handle decimal_class();

/// Raises recoup's FloatInputError (a TypeError) naming `what` and the explicit alternative.
[[noreturn]] void refuse_float(const char* what, const char* alternative);

/// Raises recoup.InvalidTypeError (a TypeError) with `message` and the id `id`: an argument of
/// the wrong type, which only a dynamically typed face can be given.
[[noreturn]] void throw_invalid_type(const std::string& message, const char* id = "python.argument_type");

/// A recoup::decimal from a Python str, int or decimal.Decimal; `what` names the argument and
/// `float_hint` says how to convert a float, which is refused.
decimal to_decimal(py::handle value, const char* what,
                   const char* float_hint = "to convert a float, round it explicitly with from_float(x, ..., rounding=...)");

/// A money amount from a Python str, int or decimal.Decimal: as to_decimal, except that text
/// follows money::parse_amount (plain digits; exponent notation is refused).
decimal to_amount(py::handle value, const char* what,
                  const char* float_hint = "to convert a float, round it explicitly with from_float(x, ..., rounding=...)");

/// A Money as given, or a plain amount (str, int, Decimal; see to_amount) read in `c`.
money to_money(py::handle value, currency c, const char* what);

/// Allocation ratios from a number of parts (int) or an iterable of ratios (int, str, Decimal).
allocation_ratios to_ratios(py::handle parts);

/// A decimal.Decimal equal to `d`.
py::object from_decimal(const decimal& d);

/// A recoup::currency from a code (str) or a Currency object.
currency to_currency(py::handle value);

/// A rounding_mode from a name ("half_even") or Python decimal's constant ("ROUND_HALF_EVEN").
rounding_mode to_rounding(py::handle value);

/// A recoup::civil_date from a datetime.date (not a datetime.datetime: its time would be
/// dropped silently) or an ISO "YYYY-MM-DD" string; `what` names the argument in errors.
civil_date to_civil_date(py::handle value, const char* what);

/// A datetime.date equal to `d`.
py::object from_civil_date(civil_date d);

void register_core(py::module_& m);
void register_columns(py::module_& m);
void register_time(py::module_& m);      // calendars, business days, day counts
void register_schedule(py::module_& m);  // frequencies, due dates, repayment schedules
void register_rates(py::module_& m);     // APR, IRR/XIRR, rate and term solving
void register_payments(py::module_& m);  // payment waterfalls, reversals, interest accrual
void register_monitor(py::module_& m);   // plan monitoring, promises to pay, arrears notices
void register_portfolio(py::module_& m); // aging, roll rates, liquidation curves, rates
void register_settle(py::module_& m);    // settlement offers, expected recovery, affordability
void register_rules(py::module_& m);     // rule packs, the rule book, verdicts, limitation
void register_rules_contact(py::module_& m);  // Reg F contact frequency and hours, overlays
void register_rules_money(py::module_& m);    // garnishment caps, statutory interest, rates
void register_rules_audit(py::module_& m);    // the rule-data audit
void register_rules_notices(py::module_& m);  // notice periods, FCRA, breathing space, 1099-C
void register_rules_gate(py::module_& m);     // the compliance gate: may this action be taken now
void register_decide(py::module_& m);         // strategy policies and the recovery decision

}  // namespace recoup::python

namespace pybind11::detail {
/// Lets bound functions take and return recoup::decimal as decimal.Decimal.
template <>
struct type_caster<recoup::decimal> {
  PYBIND11_TYPE_CASTER(recoup::decimal, io_name("decimal.Decimal | int | str", "decimal.Decimal"));
  bool load(handle src, bool) {
    value = recoup::python::to_decimal(src, "value");
    return true;
  }
  static handle cast(const recoup::decimal& d, return_value_policy, handle) {
    return recoup::python::from_decimal(d).release();
  }
};

/// Lets bound functions take and return recoup::civil_date as datetime.date.
template <>
struct type_caster<recoup::civil_date> {
  PYBIND11_TYPE_CASTER(recoup::civil_date, io_name("datetime.date | str", "datetime.date"));
  bool load(handle src, bool) {
    value = recoup::python::to_civil_date(src, "date");
    return true;
  }
  static handle cast(recoup::civil_date d, return_value_policy, handle) {
    return recoup::python::from_civil_date(d).release();
  }
};
}  // namespace pybind11::detail
