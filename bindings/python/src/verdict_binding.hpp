// Python classes of rule verdicts. register_rules() registers the base class `Verdict` (rules
// used, reasoning steps, explain()) and `RuleReference`; each check registers its own result
// class deriving from it with verdict_class<T>(m, "LimitationVerdict", "doc"), so every
// verdict has .rule_id, .citation, .version, .certainty, .rules, .steps and .explain().
#pragma once

#include <pybind11/stl.h>

#include "casters.hpp"
#include "recoup/rules/verdict.hpp"

namespace recoup::python {

/// A pybind11 class for a verdict type T (deriving from recoup::rules::verdict).
template <class T>
py::class_<T, rules::verdict> verdict_class(py::module_& m, const char* name, const char* doc) {
  static_assert(std::is_base_of_v<rules::verdict, T>, "verdict_class<T>: T must derive from rules::verdict");
  return py::class_<T, rules::verdict>(m, name, doc);
}

}  // namespace recoup::python
