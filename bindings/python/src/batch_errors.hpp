// Per-row errors of batch calls, as Python sees them: shared by every register_*.cpp with a
// columnar call (errors="raise" | "collect").
#pragma once

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include "recoup/core/columns.hpp"

namespace recoup::python {

namespace py = pybind11;

/// The errors a batch call collected, as (rows int64 array, ids list, messages list).
py::tuple errors_to_python(const row_errors& errs);

/// The per-row error policy of one batch call: raise at the first bad row, or collect them all.
struct batch_errors {
  bool collect;
  row_errors errors;
  /// Where the kernels record errors: nowhere (so they throw) unless collecting.
  row_errors* sink() { return collect ? &errors : nullptr; }
  /// The values alone, or (values, (rows, ids, messages)) when collecting.
  py::object result(py::object values) const {
    if (collect) return py::make_tuple(values, errors_to_python(errors));
    return values;
  }
};

}  // namespace recoup::python
