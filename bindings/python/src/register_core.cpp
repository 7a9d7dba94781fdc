// Bindings of the money core: Currency, Money, allocation, payment application, conversions.
#include <pybind11/operators.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "casters.hpp"

namespace py = pybind11;

namespace recoup::python {

[[noreturn]] void refuse_float(const char* what, const char* alternative) {
  throw float_input_error("python.float_input", std::string(what) +
                                                    " must be exact: pass a str, int or decimal.Decimal, not a float "
                                                    "(binary floating point cannot hold most cents exactly); " +
                                                    alternative);
}

void throw_invalid_type(const std::string& message, const char* id) {
  py::object cls = py::module_::import("recoup._errors").attr("InvalidTypeError");
  py::object exc = cls(py::str(message));
  exc.attr("id") = py::str(id);
  PyErr_SetObject(cls.ptr(), exc.ptr());
  throw py::error_already_set();
}

namespace {
std::string type_name(py::handle v) { return py::str(py::type::handle_of(v).attr("__name__")); }
}  // namespace

decimal to_decimal(py::handle value, const char* what, const char* float_hint) {
  if (py::isinstance<py::str>(value)) return decimal::parse(value.cast<std::string>());
  if (PyBool_Check(value.ptr()))
    throw invalid_input_error("python.bool_input", std::string(what) + " must be a number, not a bool");
  if (PyFloat_Check(value.ptr())) refuse_float(what, float_hint);
  if (py::isinstance(value, decimal_class())) {
    py::object finite = value.attr("is_finite")();
    if (!finite.cast<bool>())
      throw invalid_input_error("decimal.nan", std::string(what) + " is " + py::str(value).cast<std::string>() +
                                                   ": NaN and Infinity are not numbers recoup accepts");
    return decimal::parse(py::str(value).cast<std::string>());
  }
  if (PyLong_Check(value.ptr())) return decimal::parse(py::str(value).cast<std::string>());
  if (PyIndex_Check(value.ptr())) {  // numpy integers
    py::object i = py::reinterpret_steal<py::object>(PyNumber_Index(value.ptr()));
    if (!i) throw py::error_already_set();
    return decimal::parse(py::str(i).cast<std::string>());
  }
  if (py::hasattr(value, "dtype") && py::str(value.attr("dtype").attr("kind")).cast<std::string>() == "f")
    refuse_float(what, float_hint);
  throw_invalid_type(std::string(what) + " must be a str, int or decimal.Decimal, not " + type_name(value));
}

decimal to_amount(py::handle value, const char* what, const char* float_hint) {
  if (py::isinstance<py::str>(value)) return money::parse_amount(value.cast<std::string>());
  return to_decimal(value, what, float_hint);
}

money to_money(py::handle value, currency c, const char* what) {
  if (py::isinstance<money>(value)) return value.cast<money>();
  return money(to_amount(value, what), c);
}

allocation_ratios to_ratios(py::handle parts) {
  if (PyLong_Check(parts.ptr()) && !PyBool_Check(parts.ptr())) {
    const long long n = parts.cast<long long>();
    if (n <= 0)
      throw invalid_input_error("allocation.no_parts", "cannot allocate into " + std::to_string(n) + " parts");
    return allocation_ratios::equal(static_cast<std::size_t>(n));
  }
  if (py::isinstance<py::str>(parts) || !py::isinstance<py::iterable>(parts))
    throw_invalid_type("allocate takes a number of parts (int) or a list of ratios (ints, str or Decimal)");
  std::vector<decimal> ratios;
  std::size_t i = 0;
  for (py::handle r : parts) {
    std::string what = "ratio " + std::to_string(i++);
    ratios.push_back(to_decimal(r, what.c_str()));
  }
  return allocation_ratios(ratios);
}

py::object from_decimal(const decimal& d) { return decimal_class()(py::str(d.to_string())); }

currency to_currency(py::handle value) {
  if (py::isinstance<currency>(value)) return value.cast<currency>();
  if (py::isinstance<py::str>(value)) return currency(value.cast<std::string>());
  throw_invalid_type("currency must be a code such as 'USD' or a recoup.Currency, not " + type_name(value));
}

rounding_mode to_rounding(py::handle value) {
  if (value.is_none())
    throw invalid_input_error("rounding.missing", "this operation loses precision: name a rounding mode, e.g. "
                                                  "rounding='half_even' (half_even, half_up, half_down, up, down, ceiling, floor)");
  if (!py::isinstance<py::str>(value))
    throw_invalid_type("rounding must be a mode name such as 'half_even', not " + type_name(value));
  return parse_rounding_mode(value.cast<std::string>());
}

namespace {

money make_money(py::handle amount, py::handle ccy) {
  const currency c = to_currency(ccy);
  return money(to_amount(amount, "Money amount",
                         "use Money.from_float(x, currency, rounding=...) to round a float explicitly"),
               c);
}

money money_operand(const money& self, py::handle v, const char* what) {
  if (py::isinstance<money>(v)) return v.cast<money>();
  return money(to_amount(v, what), self.currency());
}


/// a × k for an integer k beyond 64 bits: exact in Python ints, so 0 × 2**64 is still 0 and
/// -0.01 × 2**63 is the most negative amount; only a product beyond 64-bit minor units throws.
money times_big_int(const money& a, py::handle k) {
  const py::object exact = py::int_(a.minor_units()) * py::reinterpret_borrow<py::object>(k);
  int overflow = 0;
  const long long v = PyLong_AsLongLongAndOverflow(exact.ptr(), &overflow);
  if (overflow != 0) detail::throw_money_overflow(a.to_string() + " * " + py::str(k).cast<std::string>());
  return money::from_minor(v, a.currency());
}

std::vector<money> to_dues(const money& payment, const py::iterable& dues) {
  std::vector<money> out;
  for (py::handle d : dues) out.push_back(money_operand(payment, d, "due"));
  return out;
}

/// Money * k and k * Money: exact for Python ints of any size (checked against int64 minor
/// units); Decimal, str and float factors are refused with the explicit alternative.
py::object money_times_integer(const money& a, py::object k) {
  if (PyLong_Check(k.ptr()) && !PyBool_Check(k.ptr())) {
    int overflow = 0;
    const long long v = PyLong_AsLongLongAndOverflow(k.ptr(), &overflow);
    if (overflow != 0) return py::cast(times_big_int(a, k));
    return py::cast(a * v);
  }
  if (PyFloat_Check(k.ptr()))
    refuse_float("a Money multiplier", "use m.multiply(factor, rounding=...) with a Decimal or str factor");
  if (py::isinstance(k, decimal_class()) || py::isinstance<py::str>(k))
    throw_invalid_type("Money * " + type_name(k) + " may need rounding: use m.multiply(factor, rounding=...)");
  return py::reinterpret_borrow<py::object>(Py_NotImplemented);
}

}  // namespace


void register_core(py::module_& m) {
  // --- Currency ---------------------------------------------------------------------------------
  py::class_<currency>(m, "Currency", R"doc(
A currency: ISO 4217 code, numeric code and minor-unit digits.

    >>> Currency("KWD").minor_units
    3
    >>> Currency.of_numeric(392).code
    'JPY'

Unknown codes raise UnknownCurrencyError (a KeyError).
)doc")
      .def(py::init([](const std::string& code) { return currency(code); }), py::arg("code"))
      .def_static("of_numeric", &currency::of_numeric, py::arg("numeric"), "Lookup by ISO 4217 numeric code.")
      .def_property_readonly("code", [](const currency& c) { return std::string(c.code()); })
      .def_property_readonly("numeric", &currency::numeric)
      .def_property_readonly("minor_units", &currency::minor_units,
                             "Decimal places of the minor unit; -1 where ISO 4217 says N.A.")
      .def_property_readonly("name", &currency::name)
      .def_property_readonly("fund", [](const currency& c) { return c.info().fund; })
      .def_property_readonly("user_defined", [](const currency& c) { return c.info().user_defined; })
      .def_property_readonly("entities", [](const currency& c) { return c.info().entities; })
      .def("__eq__", [](const currency& a, py::object b) -> py::object {
        if (!py::isinstance<currency>(b)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
        return py::bool_(a == b.cast<currency>());
      })
      .def("__hash__", [](const currency& c) { return std::hash<currency>{}(c); })
      .def("__str__", [](const currency& c) { return std::string(c.code()); })
      .def("__repr__", [](const currency& c) { return "Currency('" + std::string(c.code()) + "')"; })
      .def(py::pickle([](const currency& c) { return std::string(c.code()); },
                      [](const std::string& code) { return currency(code); }));

  m.def(
      "register_currency",
      [](const std::string& code, int minor_units, const std::string& name, int numeric) {
        currency_info info;
        info.code = code;
        info.minor_units = minor_units;
        info.name = name;
        info.numeric = numeric;
        return register_currency(info);
      },
      py::arg("code"), py::arg("minor_units"), py::arg("name") = "", py::arg("numeric") = 0,
      "Registers a currency outside ISO 4217 and returns it.");
  m.def(
      "currencies",
      []() {
        std::vector<currency> out;
        for (const auto& i : all_currencies()) out.push_back(currency(i.code));
        return out;
      },
      "Every known currency: ISO 4217 List One, then user currencies.");
  m.attr("ISO4217_PUBLISHED") = iso4217_published();
  m.attr("ISO4217_CITATION") = iso4217_citation();
  m.def("rounding_modes", []() {
    std::vector<std::string> out;
    for (auto r : all_rounding_modes) out.emplace_back(to_string(r));
    return out;
  });

  // --- Money ------------------------------------------------------------------------------------
  py::class_<money> cls(m, "Money", R"doc(
An exact amount of one currency: a whole number of its minor units.

    >>> Money("12.34", "USD")
    Money('12.34', 'USD')
    >>> Money("10.00", "USD").allocate(3)
    [Money('3.34', 'USD'), Money('3.33', 'USD'), Money('3.33', 'USD')]

`amount` is a str, int or decimal.Decimal; a float raises TypeError (use Money.from_float with a
rounding). More decimals than the currency has raise InvalidInputError (round explicitly with
Money.rounded). Arithmetic across currencies raises CurrencyMismatchError; results beyond 64-bit
minor units raise MoneyOverflowError.
)doc");
  cls.def(py::init([](py::object amount, py::object ccy) { return make_money(amount, ccy); }), py::arg("amount"),
          py::arg("currency"))
      .def_static(
          "from_minor",
          [](py::object minor, py::object ccy) {
            if (PyFloat_Check(minor.ptr())) refuse_float("minor units", "pass an int");
            if (!PyIndex_Check(minor.ptr()) || PyBool_Check(minor.ptr()))
              throw_invalid_type("minor units must be an int");
            py::object i = py::reinterpret_steal<py::object>(PyNumber_Index(minor.ptr()));
            long long v = 0;
            int overflow = 0;
            v = PyLong_AsLongLongAndOverflow(i.ptr(), &overflow);
            if (overflow != 0)
              throw overflow_error("money.overflow", py::str(i).cast<std::string>() +
                                                         " minor units is beyond the range of 64-bit minor units");
            return money::from_minor(v, to_currency(ccy));
          },
          py::arg("minor_units"), py::arg("currency"), "Money from a count of minor units: from_minor(1234, 'USD') is 12.34 USD.")
      .def_static("parse", &money::parse, py::arg("text"), "Parses '<amount> <CODE>', e.g. '1234.56 USD'.")
      .def_static(
          "zero", [](py::object ccy) { return money::zero(to_currency(ccy)); }, py::arg("currency"))
      .def_static(
          "rounded",
          [](py::object amount, py::object ccy, py::object rounding) {
            return money::rounded(to_decimal(amount, "amount"), to_currency(ccy), to_rounding(rounding));
          },
          py::arg("amount"), py::arg("currency"), py::kw_only(), py::arg("rounding"),
          "The amount rounded to the currency's minor unit with the named rounding.")
      .def_static(
          "from_float",
          [](double x, py::object ccy, py::object rounding) {
            return money::from_double(x, to_currency(ccy), to_rounding(rounding));
          },
          py::arg("value"), py::arg("currency"), py::kw_only(), py::arg("rounding"),
          "The float's exact binary value rounded to the minor unit with the named rounding.")
      .def_property_readonly("amount", &money::amount, "The amount as a decimal.Decimal with the currency's places.")
      .def_property_readonly("currency", [](const money& x) { return std::string(x.currency().code()); },
                             "The currency code (str).")
      .def_property_readonly("minor_units", &money::minor_units, "The amount in minor units (int).")
      .def("__str__", &money::to_string)
      .def("__repr__",
           [](const money& x) {
             return "Money('" + columns::format_minor(x.minor_units(), x.currency()) + "', '" +
                    std::string(x.currency().code()) + "')";
           })
      .def("__hash__", [](const money& x) { return std::hash<money>{}(x); })
      .def("__bool__", [](const money& x) { return !x.is_zero(); })
      .def("__eq__",
           [](const money& a, py::object b) -> py::object {
             if (!py::isinstance<money>(b)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
             return py::bool_(a == b.cast<money>());
           })
      .def("__ne__",
           [](const money& a, py::object b) -> py::object {
             if (!py::isinstance<money>(b)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
             return py::bool_(!(a == b.cast<money>()));
           })
      .def("__lt__", [](const money& a, const money& b) { return a < b; }, py::is_operator())
      .def("__le__", [](const money& a, const money& b) { return a <= b; }, py::is_operator())
      .def("__gt__", [](const money& a, const money& b) { return a > b; }, py::is_operator())
      .def("__ge__", [](const money& a, const money& b) { return a >= b; }, py::is_operator())
      .def("__add__", [](const money& a, const money& b) { return a + b; }, py::is_operator())
      .def("__sub__", [](const money& a, const money& b) { return a - b; }, py::is_operator())
      .def("__neg__", [](const money& a) { return -a; })
      .def("__pos__", [](const money& a) { return a; })
      .def("__abs__", [](const money& a) { return a.abs(); })
      .def("__mul__", &money_times_integer)
      .def("__rmul__", &money_times_integer)
      .def("__truediv__",
           [](const money&, py::object) -> money {
             throw_invalid_type("division loses precision: use m.divide(divisor, rounding=...) or m.allocate(n)");
           })
      .def("__floordiv__",
           [](const money&, py::object) -> money {
             throw_invalid_type("division loses precision: use m.divide(divisor, rounding=...) or m.allocate(n)");
           })
      .def("__float__",
           [](const money&) -> double {
             throw_invalid_type("Money does not convert to float: use m.amount (a decimal.Decimal)");
           })
      .def(
          "multiply",
          [](const money& a, py::object factor, py::object rounding) {
            return a.multiply(to_decimal(factor, "the factor", "pass it as a str or decimal.Decimal"),
                              to_rounding(rounding));
          },
          py::arg("factor"), py::arg("rounding"),
          "amount × factor, rounded to the minor unit with the named rounding (factor: Decimal, str or int).")
      .def(
          "divide",
          [](const money& a, py::object divisor, py::object rounding) {
            return a.divide(to_decimal(divisor, "the divisor", "pass it as a str or decimal.Decimal"),
                            to_rounding(rounding));
          },
          py::arg("divisor"), py::arg("rounding"), "amount ÷ divisor, rounded to the minor unit with the named rounding.")
      .def(
          "round_to",
          [](const money& a, py::object increment, py::object rounding) {
            return a.round_to(money_operand(a, increment, "increment"), to_rounding(rounding));
          },
          py::arg("increment"), py::arg("rounding"),
          "Rounds to a multiple of increment (a cash step such as '0.05' CHF, or '1' for whole units).")
      .def(
          "convert",
          [](const money& a, py::object to, py::object rate, py::object rounding) {
            return a.convert(to_currency(to), to_decimal(rate, "rate"), to_rounding(rounding));
          },
          py::arg("currency"), py::arg("rate"), py::arg("rounding"),
          "The amount in another currency at `rate` units of it per unit of this one.")
      .def(
          "allocate",
          [](const money& a, py::object parts, const std::string& remainder, py::object step) {
            const auto ratios = to_ratios(parts);
            const auto policy = parse_remainder_policy(remainder);
            if (step.is_none()) return a.allocate(ratios, policy);
            return a.allocate(ratios, policy, money_operand(a, step, "step"));
          },
          py::arg("parts"), py::arg("remainder") = "largest_remainder", py::arg("step") = py::none(),
          R"doc(Splits into parts that add up exactly.

`parts` is a number of equal parts or a list of ratios (ints, str or Decimal, >= 0).
`remainder` says where leftover minor units go: "largest_remainder" (default), "first",
"last" or "largest_share". `step` makes every part a multiple of a cash increment.)doc")
      .def("is_zero", &money::is_zero)
      .def("is_negative", &money::is_negative)
      .def("is_positive", &money::is_positive)
      .def(py::pickle(
          [](const money& x) { return py::make_tuple(x.minor_units(), std::string(x.currency().code())); },
          [](const py::tuple& t) {
            if (t.size() != 2) throw invalid_input_error("money.pickle", "bad pickled Money state");
            return money::from_minor(t[0].cast<long long>(), currency(t[1].cast<std::string>()));
          }));

  // --- Payment application ----------------------------------------------------------------------
  py::class_<payment_application>(m, "PaymentApplication", "How one payment was spread over a list of dues.")
      .def_readonly("applied", &payment_application::applied, "Money applied to each due, in the order given.")
      .def_readonly("unapplied", &payment_application::unapplied, "What exceeded every due.")
      .def("__repr__", [](const payment_application& r) {
        std::string s = "PaymentApplication(applied=[";
        for (std::size_t i = 0; i < r.applied.size(); ++i) s += (i ? ", " : "") + r.applied[i].to_string();
        return s + "], unapplied=" + r.unapplied.to_string() + ")";
      });
  m.def(
      "apply_in_order",
      [](const money& payment, const py::iterable& dues) { return apply_in_order(payment, to_dues(payment, dues)); },
      py::arg("payment"), py::arg("dues"), "Fills each due in turn until the payment runs out.");
  m.def(
      "apply_pro_rata",
      [](const money& payment, const py::iterable& dues, const std::string& remainder) {
        return apply_pro_rata(payment, to_dues(payment, dues), parse_remainder_policy(remainder));
      },
      py::arg("payment"), py::arg("dues"), py::arg("remainder") = "largest_remainder",
      "Shares the payment across the dues in proportion to their amounts, never more than a due.");

  // --- Decimal helpers (recoup's exact arithmetic on decimal.Decimal values) -------------------
  m.def(
      "decimal_divide",
      [](const decimal& a, const decimal& b, int scale, py::object rounding) {
        return divide(a, b, scale, to_rounding(rounding));
      },
      py::arg("a"), py::arg("b"), py::arg("scale"), py::arg("rounding"));
  m.def(
      "decimal_multiply",
      [](const decimal& a, const decimal& b, int scale, py::object rounding) {
        return multiply(a, b, scale, to_rounding(rounding));
      },
      py::arg("a"), py::arg("b"), py::arg("scale"), py::arg("rounding"));
  m.def(
      "decimal_round",
      [](const decimal& a, int scale, py::object rounding) { return a.rescale(scale, to_rounding(rounding)); },
      py::arg("value"), py::arg("scale"), py::arg("rounding"));
}

}  // namespace recoup::python
