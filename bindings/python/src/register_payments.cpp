// Bindings of payment waterfalls (recoup/plan/waterfall.hpp) and accrual (recoup/plan/accrual.hpp).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <string>
#include <vector>

#include "casters.hpp"
#include "recoup/plan/accrual.hpp"
#include "recoup/plan/schedule.hpp"
#include "recoup/plan/waterfall.hpp"

namespace py = pybind11;

namespace recoup::python {
namespace {

waterfall_policy to_policy(const py::object& policy, const py::object& overpayment) {
  waterfall_policy p = py::isinstance<py::str>(policy) ? waterfall_policy::preset(policy.cast<std::string>())
                                                       : policy.cast<waterfall_policy>();
  if (!overpayment.is_none()) p.overpayment = parse_overpayment_policy(overpayment.cast<std::string>());
  return p;
}

/// Payments from (date, Money) or (id, date, Money) tuples; ids default to "1", "2", ...
std::vector<ledger_payment> to_payments(const py::iterable& payments) {
  std::vector<ledger_payment> out;
  for (const auto& item : payments) {
    const auto t = py::reinterpret_borrow<py::sequence>(item);
    if (t.size() == 2) {
      out.push_back({std::to_string(out.size() + 1), to_civil_date(t[0], "payment date"), t[1].cast<money>()});
    } else if (t.size() == 3) {
      out.push_back({py::str(t[0]).cast<std::string>(), to_civil_date(t[1], "payment date"), t[2].cast<money>()});
    } else {
      throw invalid_input_error("waterfall.payment_shape", "each payment is (date, Money) or (id, date, Money)");
    }
  }
  return out;
}

}  // namespace

void register_payments(py::module_& m) {
  py::class_<charge>(m, "Charge", "Something owed: a due date, a bucket, an amount (and its instalment).")
      .def(py::init([](const py::object& due, const std::string& bucket, const money& amount, std::int64_t instalment) {
             return charge{to_civil_date(due, "due"), parse_charge_bucket(bucket), amount, instalment};
           }),
           py::arg("due"), py::arg("bucket"), py::arg("amount"), py::arg("instalment") = 0)
      .def_readonly("due", &charge::due)
      .def_property_readonly("bucket", [](const charge& c) { return std::string(to_string(c.bucket)); })
      .def_readonly("amount", &charge::amount)
      .def_readonly("instalment", &charge::instalment)
      .def("__repr__", [](const charge& c) {
        return "Charge(" + c.due.to_string() + ", '" + std::string(to_string(c.bucket)) + "', " + c.amount.to_string() +
               ", instalment=" + std::to_string(c.instalment) + ")";
      });

  py::class_<waterfall_policy>(m, "WaterfallPolicy", "Bucket order, scope and overpayment handling of a waterfall.")
      .def(py::init([](const std::vector<std::string>& order, const std::string& scope, const std::string& overpayment) {
             waterfall_policy p;
             p.order.clear();
             for (const auto& b : order) p.order.push_back(parse_charge_bucket(b));
             p.scope = parse_waterfall_scope(scope);
             p.overpayment = parse_overpayment_policy(overpayment);
             return p;
           }),
           py::arg("order"), py::arg("scope") = "per_instalment", py::arg("overpayment") = "hold_as_credit")
      .def_static("preset", &waterfall_policy::preset, py::arg("name"))
      .def_static("preset_names", &waterfall_policy::preset_names)
      .def_property_readonly("order",
                             [](const waterfall_policy& p) {
                               std::vector<std::string> out;
                               for (auto b : p.order) out.emplace_back(to_string(b));
                               return out;
                             })
      .def_property_readonly("scope", [](const waterfall_policy& p) { return std::string(to_string(p.scope)); })
      .def_property_readonly("overpayment",
                             [](const waterfall_policy& p) { return std::string(to_string(p.overpayment)); })
      .def("__repr__", [](const waterfall_policy& p) {
        std::string order;
        for (auto b : p.order) order += (order.empty() ? "'" : ", '") + std::string(to_string(b)) + "'";
        return "WaterfallPolicy([" + order + "], scope='" + std::string(to_string(p.scope)) + "', overpayment='" +
               std::string(to_string(p.overpayment)) + "')";
      });

  py::class_<allocation>(m, "Allocation", "A slice of a payment applied to one charge.")
      .def_readonly("payment_id", &allocation::payment_id)
      .def_readonly("date", &allocation::date)
      .def_readonly("charge_index", &allocation::charge_index)
      .def_property_readonly("bucket", [](const allocation& a) { return std::string(to_string(a.bucket)); })
      .def_readonly("amount", &allocation::amount)
      .def("__repr__", [](const allocation& a) {
        return "Allocation('" + a.payment_id + "', " + a.date.to_string() + ", charge " + std::to_string(a.charge_index) +
               ", " + std::string(to_string(a.bucket)) + ", " + a.amount.to_string() + ")";
      });

  py::class_<waterfall_result>(m, "WaterfallResult", "Allocations, what is still owed per charge, and credit held.")
      .def_readonly("allocations", &waterfall_result::allocations)
      .def_readonly("outstanding", &waterfall_result::outstanding)
      .def_readonly("credit", &waterfall_result::credit)
      .def_readonly("total_applied", &waterfall_result::total_applied)
      .def_readonly("total_outstanding", &waterfall_result::total_outstanding);

  m.def("charges_from_schedule", &charges_from_schedule, py::arg("schedule"),
        "What a schedule makes owed: each instalment's fees, interest and principal as charges.");
  m.def(
      "apply_payments",
      [](const std::vector<charge>& charges, const py::iterable& payments, const py::object& policy,
         const py::object& overpayment) { return apply_payments(charges, to_payments(payments), to_policy(policy, overpayment)); },
      py::arg("charges"), py::arg("payments"), py::arg("policy") = "standard", py::arg("overpayment") = py::none());
  m.def(
      "reverse_payment",
      [](const std::vector<charge>& charges, const py::iterable& payments, const std::string& id, const py::object& policy,
         const py::object& overpayment) {
        return reverse_payment(charges, to_payments(payments), id, to_policy(policy, overpayment));
      },
      py::arg("charges"), py::arg("payments"), py::arg("payment_id"), py::arg("policy") = "standard",
      py::arg("overpayment") = py::none());
  m.def(
      "explain_waterfall",
      [](const waterfall_result& r, const std::vector<charge>& charges) { return r.explain(charges); }, py::arg("result"),
      py::arg("charges"));

  py::class_<accrual_segment>(m, "AccrualSegment", "One stretch of an accrual with nothing changing inside it.")
      .def_readonly("start", &accrual_segment::from)
      .def_readonly("end", &accrual_segment::to)
      .def_readonly("balance", &accrual_segment::balance)
      .def_readonly("rate", &accrual_segment::rate)
      .def_property_readonly("year_fraction",
                             [](const accrual_segment& s) {
                               return py::module_::import("fractions")
                                   .attr("Fraction")(s.year_fraction.numerator, s.year_fraction.denominator);
                             })
      .def_readonly("interest", &accrual_segment::interest)
      .def_readonly("note", &accrual_segment::note);

  py::class_<accrual_result>(m, "AccrualResult", "Accrued interest: exact total, posted amount, segments.")
      .def_readonly("interest", &accrual_result::interest)
      .def_property_readonly("exact",
                             [](const accrual_result& r) { return py::module_::import("fractions").attr("Fraction")(r.exact); })
      .def_readonly("segments", &accrual_result::segments)
      .def("explain", &accrual_result::explain);

  m.def(
      "accrue",
      [](const money& principal, const py::object& start, const py::object& end, const py::object& rates,
         const std::string& day_count, const py::iterable& freezes, const py::iterable& ceilings,
         const py::iterable& changes, const py::object& rounding) {
        accrual_terms t{.rates = {}};
        const civil_date from = to_civil_date(start, "start");
        if (py::isinstance<py::str>(rates) || !py::hasattr(rates, "__iter__")) {
          t.rates.push_back({from, to_decimal(rates, "annual_rate")});
        } else {
          for (const auto& item : rates) {
            const auto pair = py::reinterpret_borrow<py::sequence>(item);
            t.rates.push_back({to_civil_date(pair[0], "rate date"), to_decimal(pair[1], "annual_rate")});
          }
        }
        t.day_count = parse_day_count(day_count);
        for (const auto& item : freezes) {
          const auto f = py::reinterpret_borrow<py::sequence>(item);
          t.freezes.push_back({to_civil_date(f[0], "freeze start"), to_civil_date(f[1], "freeze end"),
                               f.size() > 2 ? py::str(f[2]).cast<std::string>() : std::string("freeze"),
                               f.size() > 3 ? f[3].cast<bool>() : true});
        }
        for (const auto& item : ceilings) {
          const auto c = py::reinterpret_borrow<py::sequence>(item);
          t.ceilings.push_back({to_civil_date(c[0], "ceiling start"), to_civil_date(c[1], "ceiling end"),
                                to_decimal(c[2], "max_rate"),
                                c.size() > 3 ? py::str(c[3]).cast<std::string>() : std::string("rate ceiling")});
        }
        std::vector<principal_change> moves;
        for (const auto& item : changes) {
          const auto c = py::reinterpret_borrow<py::sequence>(item);
          moves.push_back({to_civil_date(c[0], "change date"), c[1].cast<money>()});
        }
        t.posting_rounding = to_rounding(rounding);
        return accrue(principal, from, to_civil_date(end, "end"), t, moves);
      },
      py::arg("principal"), py::arg("start"), py::arg("end"), py::arg("annual_rate"), py::arg("day_count") = "ACT/365F",
      py::arg("freezes") = py::tuple(), py::arg("ceilings") = py::tuple(), py::arg("principal_changes") = py::tuple(),
      py::arg("rounding") = "half_up");

  m.def(
      "late_fee",
      [](const money& instalment, std::int64_t days_late, const py::object& charged_on, const py::object& flat,
         const py::object& percent, const py::object& cap, std::int64_t grace_days, const py::object& rounding,
         const py::iterable& freezes) {
        late_fee_rule rule;
        rule.grace_days = grace_days;
        if (!flat.is_none()) rule.flat = flat.cast<money>();
        if (!percent.is_none()) rule.percent_of_instalment = to_decimal(percent, "percent");
        if (!cap.is_none()) rule.cap = cap.cast<money>();
        rule.rounding = to_rounding(rounding);
        std::vector<accrual_freeze> fz;
        for (const auto& item : freezes) {
          const auto f = py::reinterpret_borrow<py::sequence>(item);
          fz.push_back({to_civil_date(f[0], "freeze start"), to_civil_date(f[1], "freeze end"),
                        f.size() > 2 ? py::str(f[2]).cast<std::string>() : std::string("freeze"), true});
        }
        return late_fee(instalment, days_late, rule, to_civil_date(charged_on, "charged_on"), fz);
      },
      py::arg("instalment"), py::arg("days_late"), py::arg("charged_on"), py::arg("flat") = py::none(),
      py::arg("percent") = py::none(), py::arg("cap") = py::none(), py::arg("grace_days") = 0,
      py::arg("rounding") = "half_up", py::arg("freezes") = py::tuple());
}

}  // namespace recoup::python
