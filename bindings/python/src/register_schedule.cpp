// Python bindings: see casters.hpp for the register_* family.
#include <pybind11/pybind11.h>

#include "casters.hpp"

namespace recoup::python {

void register_schedule(py::module_& m) { (void)m; }

}  // namespace recoup::python
