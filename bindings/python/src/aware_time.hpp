// UTC instants as Python sees them: an aware datetime (UTC) for a number of seconds since 1970,
// built exactly (no float timestamp). Shared by the contact, gate and decision bindings.
#pragma once

#include <pybind11/pybind11.h>

#include <chrono>
#include <optional>

namespace recoup::python {

namespace py = pybind11;

/// An aware datetime (UTC) for `t`, exactly.
inline py::object aware(std::chrono::sys_seconds t) {
  PYBIND11_CONSTINIT static py::gil_safe_call_once_and_store<py::object> epoch;
  const py::object& e = epoch
                            .call_once_and_store_result([] {
                              py::module_ dt = py::module_::import("datetime");
                              return dt.attr("datetime")(1970, 1, 1, 0, 0, 0, 0, dt.attr("timezone").attr("utc"));
                            })
                            .get_stored();
  py::module_ dt = py::module_::import("datetime");
  return e + dt.attr("timedelta")(py::arg("seconds") = t.time_since_epoch().count());
}

/// aware(*t), or None.
inline py::object aware_or_none(const std::optional<std::chrono::sys_seconds>& t) {
  return t ? aware(*t) : py::object(py::none());
}

}  // namespace recoup::python
