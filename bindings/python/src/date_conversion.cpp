// datetime.date <-> recoup::civil_date, exactly, through the proleptic Gregorian ordinal.
#include <pybind11/pybind11.h>

#include <string>

#include "casters.hpp"

namespace recoup::python {

namespace {

// date(1970, 1, 1).toordinal(): the ordinal of civil_date's serial 0.
constexpr long long epoch_ordinal = 719163;

py::handle date_class() {
  PYBIND11_CONSTINIT static py::gil_safe_call_once_and_store<py::object> storage;
  return storage.call_once_and_store_result([] { return py::module_::import("datetime").attr("date"); })
      .get_stored();
}

py::handle datetime_class() {
  PYBIND11_CONSTINIT static py::gil_safe_call_once_and_store<py::object> storage;
  return storage.call_once_and_store_result([] { return py::module_::import("datetime").attr("datetime"); })
      .get_stored();
}

}  // namespace

civil_date to_civil_date(py::handle value, const char* what) {
  if (py::isinstance<py::str>(value)) {
    return civil_date::parse(value.cast<std::string>());
  }
  if (py::isinstance(value, datetime_class())) {
    throw invalid_input_error("date.has_time", std::string(what) + ": expected a datetime.date, got a " +
                                                   "datetime.datetime (its time of day would be dropped); " +
                                                   "pass value.date()");
  }
  if (py::isinstance(value, date_class())) {
    return civil_date::from_serial(value.attr("toordinal")().cast<long long>() - epoch_ordinal);
  }
  throw invalid_input_error("date.type", std::string(what) + ": expected a datetime.date or an ISO " +
                                             "'YYYY-MM-DD' string, got " +
                                             std::string(py::str(py::type::of(value).attr("__name__"))));
}

py::object from_civil_date(civil_date d) {
  return date_class().attr("fromordinal")(static_cast<long long>(d.serial()) + epoch_ordinal);
}

}  // namespace recoup::python
