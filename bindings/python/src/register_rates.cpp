// Bindings of APR, IRR/XIRR, time value of money, rate and term solving (wrapped by recoup/_rates.py).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "casters.hpp"

namespace py = pybind11;

namespace recoup::python {

namespace {

using flow_list = std::vector<std::pair<civil_date, money>>;

std::vector<dated_amount> to_dated(const flow_list& flows) {
  std::vector<dated_amount> out;
  out.reserve(flows.size());
  for (const auto& [d, m] : flows) out.push_back({d, m});
  return out;
}

/// (date, amount) pairs where amount is a Decimal, int, str or Money (one currency throughout).
std::vector<dated_value> to_dated_values(const py::iterable& flows, const char* what) {
  std::vector<dated_value> out;
  std::optional<money> first_money;
  std::size_t i = 0;
  for (py::handle item : flows) {
    const std::string label = std::string(what) + " flow " + std::to_string(i++);
    if (py::isinstance<py::str>(item) || !py::isinstance<py::sequence>(item) || py::len(item) != 2)
      throw_invalid_type(label + " must be a (datetime.date, amount) pair");
    const py::sequence pair = py::reinterpret_borrow<py::sequence>(item);
    const civil_date d = to_civil_date(pair[0], label.c_str());
    const py::object amount = pair[1];
    if (py::isinstance<money>(amount)) {
      const money m = amount.cast<money>();
      if (first_money) first_money->require_same(m, "combine");
      else first_money = m;
      out.push_back({d, m.amount()});
    } else {
      out.push_back({d, to_decimal(amount, label.c_str())});
    }
  }
  return out;
}

std::vector<decimal> to_values(const py::iterable& values) {
  std::vector<decimal> out;
  std::size_t i = 0;
  for (py::handle v : values) {
    const std::string label = "value " + std::to_string(i++);
    if (py::isinstance<money>(v)) out.push_back(v.cast<money>().amount());
    else out.push_back(to_decimal(v, label.c_str()));
  }
  return out;
}

py::object fraction(std::int64_t num, std::int64_t den) {
  return py::module_::import("fractions").attr("Fraction")(num, den);
}

}  // namespace

void register_rates(py::module_& m) {
  // --- APR ----------------------------------------------------------------------------------------
  py::class_<apr_flow_term>(m, "AprFlow", "One advance or payment as it entered the APR equation.")
      .def_readonly("date", &apr_flow_term::date)
      .def_readonly("amount", &apr_flow_term::amount)
      .def_readonly("advance", &apr_flow_term::advance, "True for an advance (drawdown), False for a payment.")
      .def_readonly("whole_periods", &apr_flow_term::whole_periods,
                    "US: full unit-periods from the start of the term; UK: whole months or weeks.")
      .def_property_readonly(
          "fraction", [](const apr_flow_term& f) { return fraction(f.fraction_num, f.fraction_den); },
          "US: the fraction of a unit-period (e.g. 19/30); UK: leftover days / 365 (as a year fraction).")
      .def("__repr__", [](const apr_flow_term& f) {
        return std::string("AprFlow(") + (f.advance ? "advance" : "payment") + ", " + f.date.to_string() + ", " +
               f.amount.to_string() + ", " + std::to_string(f.whole_periods) + " + " + std::to_string(f.fraction_num) +
               "/" + std::to_string(f.fraction_den) + ")";
      });

  py::class_<apr_result>(m, "AprResult", R"doc(
An APR with everything that produced it: the method, the unit-period (US), each flow's time,
the iterations, and any other roots of the equation. ``rate`` is a fraction (0.0969... is 9.69%),
``disclosed`` the figure as disclosed (US: 0.01 point, UK: 0.1 point, both rounded half up).
)doc")
      .def_property_readonly("method", [](const apr_result& r) { return to_string(r.method); })
      .def_readonly("rate", &apr_result::rate)
      .def_readonly("disclosed", &apr_result::disclosed)
      .def_readonly("unit_period_rate", &apr_result::unit_period_rate)
      .def_property_readonly("unit_period",
                             [](const apr_result& r) -> std::optional<std::string> {
                               if (r.method != apr_method::us_reg_z) return std::nullopt;
                               return r.unit_period.name();
                             })
      .def_property_readonly("periods_per_year",
                             [](const apr_result& r) { return fraction(r.periods_per_year_num, r.periods_per_year_den); })
      .def_property_readonly("uk_basis",
                             [](const apr_result& r) -> std::optional<std::string> {
                               if (r.method != apr_method::uk_conc) return std::nullopt;
                               return to_string(r.uk_basis);
                             })
      .def_readonly("term_start", &apr_result::term_start)
      .def_readonly("flows", &apr_result::flows)
      .def_readonly("iterations", &apr_result::iterations)
      .def_readonly("other_roots", &apr_result::other_roots)
      .def("explain", &apr_result::explain, "A readable account of the calculation, with citations.")
      .def("__repr__", [](const apr_result& r) {
        return "AprResult(method='" + to_string(r.method) + "', rate=Decimal('" + r.rate.to_string() +
               "'), disclosed=Decimal('" + r.disclosed.to_string() + "'))";
      });

  m.def(
      "_apr_details",
      [](const flow_list& advances, const flow_list& payments, const std::string& method,
         const std::optional<std::string>& unit_period, const std::string& uk_basis, int places, py::handle rounding) {
        apr_options opt;
        opt.method = parse_apr_method(method);
        if (unit_period) opt.unit_period = reg_z_unit_period::parse(*unit_period);
        opt.uk_basis = parse_uk_time_basis(uk_basis);
        opt.places = places;
        opt.rounding = to_rounding(rounding);
        const auto adv = to_dated(advances), pay = to_dated(payments);
        py::gil_scoped_release release;
        return apr_details(adv, pay, opt);
      },
      py::arg("advances"), py::arg("payments"), py::arg("method"), py::arg("unit_period"), py::arg("uk_basis"),
      py::arg("places"), py::arg("rounding"));

  py::class_<apr_tolerance_verdict>(m, "AprToleranceVerdict",
                                    "Whether a disclosed APR is accurate under 12 CFR 1026.22(a)(2)-(3), and why.")
      .def_readonly("accurate", &apr_tolerance_verdict::accurate)
      .def_readonly("rule_id", &apr_tolerance_verdict::rule_id)
      .def_readonly("citation", &apr_tolerance_verdict::citation)
      .def_readonly("disclosed", &apr_tolerance_verdict::disclosed)
      .def_readonly("computed", &apr_tolerance_verdict::computed)
      .def_readonly("difference", &apr_tolerance_verdict::difference, "disclosed - computed, as a fraction")
      .def_readonly("tolerance", &apr_tolerance_verdict::tolerance)
      .def_readonly("irregular", &apr_tolerance_verdict::irregular)
      .def("explain", &apr_tolerance_verdict::explain)
      .def("__bool__", [](const apr_tolerance_verdict& v) { return v.accurate; })
      .def("__repr__", [](const apr_tolerance_verdict& v) {
        return std::string("AprToleranceVerdict(accurate=") + (v.accurate ? "True" : "False") + ", difference=Decimal('" +
               v.difference.to_string() + "'), citation='" + v.citation + "')";
      });
  m.def(
      "_apr_tolerance_check",
      [](py::handle disclosed, py::handle computed, bool irregular) {
        return apr_tolerance_check(to_decimal(disclosed, "disclosed"), to_decimal(computed, "computed"), irregular);
      },
      py::arg("disclosed"), py::arg("computed"), py::arg("irregular"));

  // --- IRR / XIRR ---------------------------------------------------------------------------------
  m.def("_npv", [](const decimal& rate, const py::iterable& values) { return npv(rate, to_values(values)); },
        py::arg("rate"), py::arg("values"));
  m.def("_irr", [](const py::iterable& values) { return irr(to_values(values)); }, py::arg("values"));
  m.def("_irr_all", [](const py::iterable& values) { return irr_all(to_values(values)); }, py::arg("values"));
  m.def(
      "_xnpv", [](const decimal& rate, const py::iterable& flows) { return xnpv(rate, to_dated_values(flows, "xnpv")); },
      py::arg("rate"), py::arg("flows"));
  m.def("_xirr", [](const py::iterable& flows) { return xirr(to_dated_values(flows, "xirr")); }, py::arg("flows"));
  m.def("_xirr_all", [](const py::iterable& flows) { return xirr_all(to_dated_values(flows, "xirr")); },
        py::arg("flows"));

  // --- time value ----------------------------------------------------------------------------------
  m.def(
      "_pmt",
      [](const decimal& r, const decimal& n, const decimal& p, const decimal& f, const std::string& when) {
        return pmt(r, n, p, f, parse_payment_timing(when));
      },
      py::arg("rate"), py::arg("nper"), py::arg("pv"), py::arg("fv"), py::arg("when"));
  m.def(
      "_ipmt",
      [](const decimal& r, const decimal& per, const decimal& n, const decimal& p, const decimal& f,
         const std::string& when) { return ipmt(r, per, n, p, f, parse_payment_timing(when)); },
      py::arg("rate"), py::arg("per"), py::arg("nper"), py::arg("pv"), py::arg("fv"), py::arg("when"));
  m.def(
      "_ppmt",
      [](const decimal& r, const decimal& per, const decimal& n, const decimal& p, const decimal& f,
         const std::string& when) { return ppmt(r, per, n, p, f, parse_payment_timing(when)); },
      py::arg("rate"), py::arg("per"), py::arg("nper"), py::arg("pv"), py::arg("fv"), py::arg("when"));
  m.def(
      "_pv",
      [](const decimal& r, const decimal& n, const decimal& payment, const decimal& f, const std::string& when) {
        return pv(r, n, payment, f, parse_payment_timing(when));
      },
      py::arg("rate"), py::arg("nper"), py::arg("pmt"), py::arg("fv"), py::arg("when"));
  m.def(
      "_fv",
      [](const decimal& r, const decimal& n, const decimal& payment, const decimal& p, const std::string& when) {
        return fv(r, n, payment, p, parse_payment_timing(when));
      },
      py::arg("rate"), py::arg("nper"), py::arg("pmt"), py::arg("pv"), py::arg("when"));
  m.def(
      "_nper",
      [](const decimal& r, const decimal& payment, const decimal& p, const decimal& f, const std::string& when) {
        return nper(r, payment, p, f, parse_payment_timing(when));
      },
      py::arg("rate"), py::arg("pmt"), py::arg("pv"), py::arg("fv"), py::arg("when"));
  m.def(
      "_rate",
      [](const decimal& n, const decimal& payment, const decimal& p, const decimal& f, const std::string& when) {
        return rate(n, payment, p, f, parse_payment_timing(when));
      },
      py::arg("nper"), py::arg("pmt"), py::arg("pv"), py::arg("fv"), py::arg("when"));
  m.def(
      "_solve_rate",
      [](const money& principal, const money& payment, std::int64_t periods, int periods_per_year, int places) {
        return solve_rate(principal, payment, periods, periods_per_year, places);
      },
      py::arg("principal"), py::arg("payment"), py::arg("periods"), py::arg("periods_per_year"), py::arg("places"));
  m.def(
      "_solve_term",
      [](const money& principal, const money& payment, const decimal& annual_rate, int periods_per_year) {
        return solve_term(principal, payment, annual_rate, periods_per_year);
      },
      py::arg("principal"), py::arg("payment"), py::arg("annual_rate"), py::arg("periods_per_year"));
}

}  // namespace recoup::python
