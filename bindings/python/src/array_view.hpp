// Read-only spans over C-contiguous numpy arrays (the binding's inputs to the columnar kernels);
// an absent optional column is an empty span.
#pragma once

#include <pybind11/numpy.h>

#include <cstddef>
#include <optional>
#include <span>

namespace recoup::python {

template <class T>
std::span<const T> view(const pybind11::array_t<T, pybind11::array::c_style>& a) {
  return {a.data(), static_cast<std::size_t>(a.size())};
}

template <class T>
std::span<const T> view(const std::optional<pybind11::array_t<T, pybind11::array::c_style>>& a) {
  return a ? view(*a) : std::span<const T>{};
}

}  // namespace recoup::python
