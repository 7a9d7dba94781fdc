// errors_to_python(): see batch_errors.hpp.
#include "batch_errors.hpp"

namespace recoup::python {

py::tuple errors_to_python(const row_errors& errs) {
  py::array_t<std::int64_t> rows(static_cast<py::ssize_t>(errs.size()));
  auto* r = rows.mutable_data();
  py::list ids, messages;
  for (std::size_t i = 0; i < errs.size(); ++i) {
    r[i] = static_cast<std::int64_t>(errs[i].row);
    ids.append(errs[i].id);
    messages.append(errs[i].message);
  }
  return py::make_tuple(rows, ids, messages);
}

}  // namespace recoup::python
