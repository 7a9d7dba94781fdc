// recoup._core: the compiled module behind the public `recoup` package.
#include <pybind11/pybind11.h>

#include <iterator>

#include "casters.hpp"

namespace py = pybind11;

namespace recoup::python {

py::handle decimal_class() {
  PYBIND11_CONSTINIT static py::gil_safe_call_once_and_store<py::object> storage;
  return storage.call_once_and_store_result([] { return py::module_::import("decimal").attr("Decimal"); }).get_stored();
}

namespace {

/// Maps recoup::error kinds to the exception classes of recoup._errors.
void translate(const error& e) {
  static const char* names[] = {nullptr,
                                "InvalidInputError",
                                "CurrencyMismatchError",
                                "MoneyOverflowError",
                                "DivisionByZeroError",
                                "UnknownCurrencyError",
                                "UnknownJurisdictionError",
                                "RulePackError",
                                "FloatInputError",
                                "NoConvergenceError",
                                "RuleNotInForceError"};
  static_assert(std::size(names) == error_kind_max + 1, "one Python exception class per recoup::error_kind");
  const int k = static_cast<int>(e.kind());
  const char* name = (k >= 1 && k <= error_kind_max) ? names[k] : "RecoupError";
  py::object errors = py::module_::import("recoup._errors");
  py::object cls = errors.attr(name);
  py::object exc = cls(py::str(e.what()));
  exc.attr("id") = py::str(e.id());
  PyErr_SetObject(cls.ptr(), exc.ptr());
}

}  // namespace
}  // namespace recoup::python

PYBIND11_MODULE(_core, m) {
  m.doc() = "recoup._core: the compiled core of recoup (use the public `recoup` package)";
  m.attr("__version__") = recoup::version;
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const recoup::error& e) {
      recoup::python::translate(e);
    }
  });
  recoup::python::register_core(m);
  recoup::python::register_columns(m);
  recoup::python::register_time(m);
  recoup::python::register_schedule(m);
  recoup::python::register_rates(m);
  recoup::python::register_payments(m);
  recoup::python::register_monitor(m);
  recoup::python::register_portfolio(m);
  recoup::python::register_settle(m);
  recoup::python::register_rules(m);
  recoup::python::register_rules_audit(m);
  recoup::python::register_rules_contact(m);
  recoup::python::register_rules_money(m);
  recoup::python::register_rules_notices(m);
  recoup::python::register_rules_gate(m);
  recoup::python::register_decide(m);
}
