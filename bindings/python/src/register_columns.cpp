// Bindings of the columnar kernels (recoup/core/columns.hpp) over numpy int64 minor-unit arrays.
// The kernels run with the GIL released; inputs are checked here, never coerced silently.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <vector>

#include "batch_errors.hpp"
#include "casters.hpp"

namespace py = pybind11;

namespace recoup::python {
namespace {

using i64_array = py::array_t<std::int64_t, py::array::c_style>;


std::span<const std::int64_t> view(const i64_array& a) {
  return {a.data(), static_cast<std::size_t>(a.size())};
}

std::span<std::int64_t> mutable_view(i64_array& a) { return {a.mutable_data(), static_cast<std::size_t>(a.size())}; }


/// The text of element i of a numpy str ('U') array: UCS-4 code points, ASCII only.
bool ucs4_to_ascii(const char32_t* p, std::size_t width, std::string& out) {
  out.clear();
  for (std::size_t j = 0; j < width && p[j] != 0; ++j) {
    if (p[j] > 127) return false;
    out.push_back(static_cast<char>(p[j]));
  }
  return true;
}

}  // namespace

void register_columns(py::module_& m) {
  m.def(
      "columns_sum",
      [](const i64_array& minor) {
        std::int64_t total = 0;
        {
          py::gil_scoped_release nogil;
          total = columns::sum(view(minor));
        }
        return total;
      },
      py::arg("minor").noconvert());

  m.def(
      "columns_allocate",
      [](const i64_array& amounts, py::object parts, const std::string& remainder, bool collect) -> py::object {
        const allocation_ratios ratios = to_ratios(parts);
        const auto policy = parse_remainder_policy(remainder);
        const auto n = static_cast<py::ssize_t>(amounts.size());
        i64_array out({n, static_cast<py::ssize_t>(ratios.size())});
        batch_errors errs{collect, {}};
        {
          py::gil_scoped_release nogil;
          columns::allocate(view(amounts), ratios, policy,
                            mutable_view(out), errs.sink());
        }
        return errs.result(std::move(out));
      },
      py::arg("amounts").noconvert(), py::arg("parts"), py::arg("remainder"), py::arg("collect"));

  m.def(
      "columns_round",
      [](const i64_array& minor, std::int64_t increment, py::object rounding, bool collect) -> py::object {
        const auto mode = to_rounding(rounding);
        i64_array out(minor.size());
        batch_errors errs{collect, {}};
        {
          py::gil_scoped_release nogil;
          columns::round_to_increment(view(minor), increment, mode,
                                      mutable_view(out), errs.sink());
        }
        return errs.result(std::move(out));
      },
      py::arg("minor").noconvert(), py::arg("increment"), py::arg("rounding"), py::arg("collect"));

  m.def(
      "columns_multiply",
      [](const i64_array& minor, const decimal& factor, py::object rounding, bool collect) -> py::object {
        const auto mode = to_rounding(rounding);
        i64_array out(minor.size());
        batch_errors errs{collect, {}};
        {
          py::gil_scoped_release nogil;
          columns::multiply(view(minor), factor, mode, mutable_view(out),
                            errs.sink());
        }
        return errs.result(std::move(out));
      },
      py::arg("minor").noconvert(), py::arg("factor"), py::arg("rounding"), py::arg("collect"));

  m.def(
      "columns_parse",
      [](py::array values, py::object ccy, py::object rounding, bool collect) -> py::object {
        const currency c = to_currency(ccy);
        std::optional<rounding_mode> mode;
        if (!rounding.is_none()) mode = to_rounding(rounding);
        if (values.ndim() != 1) throw invalid_input_error("columns.shape", "expected a one-dimensional array of amounts");
        const auto n = static_cast<std::size_t>(values.size());
        i64_array out(static_cast<py::ssize_t>(n));
        std::int64_t* o = out.mutable_data();
        batch_errors errs{collect, {}};
        const char kind = values.dtype().kind();
        if (kind == 'U') {
          py::array contiguous = py::array::ensure(values, py::array::c_style);
          const auto width = static_cast<std::size_t>(contiguous.itemsize()) / 4;
          const auto* base = static_cast<const char32_t*>(contiguous.data());
          py::gil_scoped_release nogil;
          std::string text;
          detail::for_each_row(n, errs.sink(), [&](std::size_t i) {
            o[i] = 0;
            if (!ucs4_to_ascii(base + i * width, width, text))
              throw invalid_input_error("decimal.syntax", "the amount contains a non-ASCII character");
            o[i] = columns::parse_minor(text, c, mode);
          });
        } else if (kind == 'S') {
          py::array contiguous = py::array::ensure(values, py::array::c_style);
          const auto width = static_cast<std::size_t>(contiguous.itemsize());
          const auto* base = static_cast<const char*>(contiguous.data());
          py::gil_scoped_release nogil;
          detail::for_each_row(n, errs.sink(), [&](std::size_t i) {
            o[i] = 0;
            std::string_view s(base + i * width, width);
            s = s.substr(0, s.find('\0'));
            o[i] = columns::parse_minor(s, c, mode);
          });
        } else if (kind == 'O') {
          detail::for_each_row(n, errs.sink(), [&](std::size_t i) {
            o[i] = 0;
            py::object item = values.attr("__getitem__")(i);
            if (item.is_none()) throw invalid_input_error("columns.missing", "the amount is missing (None)");
            o[i] = columns::to_minor(
                to_amount(item, "the amount",
                           "convert float columns with recoup.columns.from_float(values, currency, rounding=...)"),
                c, mode);
          });
        } else if (kind == 'f') {
          refuse_float("a float column", "convert it with recoup.columns.from_float(values, currency, rounding=...)");
        } else {
          throw_invalid_type("expected an array of decimal strings or Decimal objects, not dtype " +
                               py::str(values.dtype()).cast<std::string>());
        }
        return errs.result(std::move(out));
      },
      py::arg("values"), py::arg("currency"), py::arg("rounding"), py::arg("collect"));

  m.def(
      "columns_from_float",
      [](const py::array_t<double, py::array::c_style>& values, py::object ccy, py::object rounding,
         bool collect) -> py::object {
        const currency c = to_currency(ccy);
        const auto mode = to_rounding(rounding);
        const auto n = static_cast<std::size_t>(values.size());
        i64_array out(static_cast<py::ssize_t>(n));
        std::int64_t* o = out.mutable_data();
        const double* in = values.data();
        batch_errors errs{collect, {}};
        {
          py::gil_scoped_release nogil;
          detail::for_each_row(n, errs.sink(), [&](std::size_t i) {
            o[i] = 0;
            o[i] = money::from_double(in[i], c, mode).minor_units();
          });
        }
        return errs.result(std::move(out));
      },
      py::arg("values").noconvert(), py::arg("currency"), py::arg("rounding"), py::arg("collect"));

  m.def(
      "columns_format",
      [](const i64_array& minor, py::object ccy) {
        const currency c = to_currency(ccy);
        detail::require_minor_unit(c);
        std::vector<std::string> texts(static_cast<std::size_t>(minor.size()));
        const std::int64_t* in = minor.data();
        {
          py::gil_scoped_release nogil;
          for (std::size_t i = 0; i < texts.size(); ++i) texts[i] = columns::format_minor(in[i], c);
        }
        py::array out = py::module_::import("numpy").attr("array")(py::cast(texts), py::str("U"));
        return out;
      },
      py::arg("minor").noconvert(), py::arg("currency"));
}

}  // namespace recoup::python
