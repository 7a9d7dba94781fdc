// The `book=` argument of the rule checks: None is the built-in rule book, otherwise a RuleBook.
#pragma once

#include <pybind11/pybind11.h>

#include "recoup/rules/rule_book.hpp"

namespace recoup::python {

inline const rules::rule_book& book_of(const pybind11::object& book) {
  if (book.is_none()) return rules::rule_book::defaults();
  return book.cast<const rules::rule_book&>();
}

}  // namespace recoup::python
