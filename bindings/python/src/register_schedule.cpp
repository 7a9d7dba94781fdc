// Bindings of frequencies, due dates and repayment schedules (recoup/plan/schedule*.hpp).
// Conversion only: every decision is made by the C++ kernel.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "batch_errors.hpp"
#include "casters.hpp"

namespace py = pybind11;

namespace recoup::python {
namespace {

using i64_array = py::array_t<std::int64_t, py::array::c_style>;

std::optional<money> to_money_in(const py::object& value, currency c, const char* what) {
  if (value.is_none()) return std::nullopt;
  return to_money(value, c, what);  // a plain amount is read in the principal's currency
}

template <class T>
py::array_t<T> to_numpy(const std::vector<T>& v) {
  py::array_t<T> a(static_cast<py::ssize_t>(v.size()));
  std::copy(v.begin(), v.end(), a.mutable_data());
  return a;
}

/// A numpy array that takes over the vector's buffer (no copy; freed with the array).
template <class T>
py::array_t<T> move_to_numpy(std::vector<T>&& v) {
  auto* owned = new std::vector<T>(std::move(v));
  py::capsule owner(owned, [](void* p) { delete static_cast<std::vector<T>*>(p); });
  return py::array_t<T>(static_cast<py::ssize_t>(owned->size()), owned->data(), owner);
}

py::array dates_to_numpy(const std::vector<std::int32_t>& serials) {
  py::array_t<std::int64_t> a(static_cast<py::ssize_t>(serials.size()));
  std::copy(serials.begin(), serials.end(), a.mutable_data());
  return a.attr("view")("datetime64[D]");
}

/// datetime64[D] (or any datetime64, converted exactly to days) / date objects -> day serials.
std::vector<std::int32_t> to_serials(const py::object& values, const char* what) {
  py::module_ np = py::module_::import("numpy");
  py::array arr = np.attr("asarray")(values);
  const std::string kind = py::str(arr.dtype().attr("kind"));
  if (kind == "M") {
    py::array days = arr.attr("astype")("datetime64[D]");
    if (!np.attr("array_equal")(days, arr).cast<bool>()) {
      throw invalid_input_error("date.has_time", std::string(what) + ": datetime64 values carry a time of day; "
                                                                     "convert with .astype('datetime64[D]') first");
    }
    py::array_t<std::int64_t> raw = days.attr("view")("int64");
    std::vector<std::int32_t> out;
    out.reserve(static_cast<std::size_t>(raw.size()));
    const auto* p = raw.data();
    for (py::ssize_t i = 0; i < raw.size(); ++i) {
      if (p[i] == INT64_MIN) throw invalid_input_error("date.missing", std::string(what) + ": NaT in row " + std::to_string(i));
      out.push_back(civil_date::from_serial(p[i]).serial());
    }
    return out;
  }
  std::vector<std::int32_t> out;
  for (const auto& v : values) out.push_back(to_civil_date(v, what).serial());
  return out;
}

schedule_terms make_terms(const std::string& shape, const money& principal, const py::object& rate, std::int64_t periods,
                          const py::object& freq, const py::object& start, const py::object& first_due,
                          const std::string& interest, const std::string& day_count, const std::string& odd_period,
                          const py::object& interest_rounding, const py::object& payment_step,
                          const py::object& payment_rounding, const std::string& residue, const py::object& instalment,
                          const py::object& amounts, std::int64_t step_every, const py::object& step_rate,
                          const py::object& down_payment, const py::object& balloon, const py::object& fee,
                          std::int64_t interest_only_periods, std::int64_t payment_holiday_periods,
                          const py::object& cal, const std::string& adjustment, int anchor_day, bool end_of_month) {
  const currency c = principal.currency();
  schedule_terms t{.principal = principal};
  t.rate = annual_rate(to_decimal(rate, "annual_rate"));
  t.shape = parse_schedule_shape(shape);
  t.periods = periods;
  t.freq = py::isinstance<frequency>(freq) ? freq.cast<frequency>() : frequency::parse(freq.cast<std::string>());
  t.roll = date_roll{anchor_day, end_of_month};
  if (!start.is_none()) t.start = to_civil_date(start, "start");
  if (!first_due.is_none()) t.first_due = to_civil_date(first_due, "first_due");
  t.interest = parse_interest_method(interest);
  t.day_count = parse_day_count(day_count);
  t.odd_period = parse_odd_period_interest(odd_period);
  t.interest_rounding = to_rounding(interest_rounding);
  if (!payment_step.is_none()) {
    const auto step = to_money_in(payment_step, c, "payment_step");
    if (step->currency() != c) {
      throw currency_mismatch_error("plan.currency", "payment_step " + step->to_string() + " is not in " + std::string(c.code()));
    }
    t.payment_round.step_minor = step->minor_units();
  }
  t.payment_round.mode = to_rounding(payment_rounding);
  t.payment_round.residue = parse_residue_placement(residue);
  t.instalment = to_money_in(instalment, c, "instalment");
  if (!amounts.is_none()) {
    for (const auto& a : amounts) t.custom_amounts.push_back(*to_money_in(py::reinterpret_borrow<py::object>(a), c, "amounts"));
  }
  t.step_every = step_every;
  t.step_rate = to_decimal(step_rate, "step_rate");
  t.down_payment = to_money_in(down_payment, c, "down_payment");
  t.balloon = to_money_in(balloon, c, "balloon");
  t.fee_per_instalment = to_money_in(fee, c, "fee");
  t.interest_only_periods = interest_only_periods;
  t.payment_holiday_periods = payment_holiday_periods;
  if (!cal.is_none()) {
    t.business_days = py::isinstance<py::str>(cal) ? calendar::get(cal.cast<std::string>()) : cal.cast<calendar>();
  }
  t.adjustment = parse_business_day_convention(adjustment);
  return t;
}

/// Keyword arguments shared by build_schedule and build_schedules (after the per-schedule ones).
#define RECOUP_SCHEDULE_OPTION_ARGS                                                                             \
  py::arg("interest") = "periodic", py::arg("day_count") = "ACT/365F", py::arg("odd_period") = "daily",         \
  py::arg("interest_rounding") = "half_up", py::arg("payment_step") = py::none(),                                \
  py::arg("payment_rounding") = "half_up", py::arg("residue") = "last", py::arg("instalment") = py::none(),      \
  py::arg("amounts") = py::none(), py::arg("step_every") = 12, py::arg("step_rate") = 0,                        \
  py::arg("down_payment") = py::none(), py::arg("balloon") = py::none(), py::arg("fee") = py::none(),            \
  py::arg("interest_only_periods") = 0, py::arg("payment_holiday_periods") = 0, py::arg("calendar") = py::none(), \
  py::arg("adjustment") = "following", py::arg("anchor_day") = 0, py::arg("end_of_month") = false

}  // namespace

void register_schedule(py::module_& m) {
  py::class_<frequency>(m, "Frequency", "How often instalments fall due (see recoup.plan.due_dates).")
      .def(py::init([](const std::string& name) { return frequency::parse(name); }), py::arg("name"))
      .def_property_readonly("name", &frequency::name)
      .def_property_readonly("periods_per_year",
                             [](const frequency& f) {
                               return py::module_::import("fractions")
                                   .attr("Fraction")(f.periods_per_year_numerator(), f.periods_per_year_denominator());
                             })
      .def("__eq__",
           [](const frequency& a, const py::object& b) -> py::object {
             if (!py::isinstance<frequency>(b)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
             return py::bool_(a == b.cast<frequency>());
           })
      .def("__hash__", [](const frequency& f) { return py::hash(py::str(f.name())); })
      .def("__repr__", [](const frequency& f) { return "Frequency('" + f.name() + "')"; });

  m.def(
      "due_dates",
      [](const py::object& first, std::int64_t count, const std::string& freq, int anchor_day, bool end_of_month,
         const py::object& cal, const std::string& adjustment) {
        auto dates = due_dates(to_civil_date(first, "first"), count, frequency::parse(freq), date_roll{anchor_day, end_of_month});
        if (!cal.is_none()) {
          const calendar c = py::isinstance<py::str>(cal) ? calendar::get(cal.cast<std::string>()) : cal.cast<calendar>();
          const auto conv = parse_business_day_convention(adjustment);
          for (auto& d : dates) d = c.adjust(d, conv);
        }
        return dates;
      },
      py::arg("first"), py::arg("count"), py::arg("frequency") = "monthly", py::arg("anchor_day") = 0,
      py::arg("end_of_month") = false, py::arg("calendar") = py::none(), py::arg("adjustment") = "following");

  py::class_<schedule_row>(m, "ScheduleRow", "One instalment of a schedule (amounts are Money).")
      .def_readonly("number", &schedule_row::number)
      .def_readonly("due_date", &schedule_row::due_date)
      .def_readonly("payment", &schedule_row::payment)
      .def_readonly("interest", &schedule_row::interest)
      .def_readonly("principal", &schedule_row::principal)
      .def_readonly("fees", &schedule_row::fees)
      .def_readonly("balance", &schedule_row::balance)
      .def("__repr__", [](const schedule_row& r) {
        return "ScheduleRow(" + std::to_string(r.number) + ", " + r.due_date.to_string() + ", payment=" +
               r.payment.to_string() + ", interest=" + r.interest.to_string() + ", principal=" + r.principal.to_string() +
               ", balance=" + r.balance.to_string() + ")";
      });

  py::class_<schedule_adjustment>(m, "ScheduleAdjustment", "A rounding or clearing decision and the row that absorbed it.")
      .def_readonly("row", &schedule_adjustment::row)
      .def_readonly("kind", &schedule_adjustment::kind)
      .def_readonly("amount", &schedule_adjustment::amount)
      .def_readonly("reason", &schedule_adjustment::reason)
      .def("__repr__", [](const schedule_adjustment& a) {
        return "ScheduleAdjustment(row=" + std::to_string(a.row) + ", kind='" + a.kind + "', amount=" + a.amount.to_string() + ")";
      });

  py::class_<schedule>(m, "Schedule", "A repayment schedule: rows, totals and the record of every rounding.")
      .def_property_readonly("rows", &schedule::rows)
      .def_property_readonly("regular_payment", &schedule::regular_payment)
      .def_property_readonly("adjustments", &schedule::adjustments)
      .def_property_readonly("instalments", &schedule::instalments)
      .def_property_readonly("total_payment", &schedule::total_payment)
      .def_property_readonly("total_interest", &schedule::total_interest)
      .def_property_readonly("total_principal", &schedule::total_principal)
      .def_property_readonly("total_fees", &schedule::total_fees)
      .def_property_readonly("final_due_date", &schedule::final_due_date)
      .def_property_readonly("currency", [](const schedule& s) { return s.terms().principal.currency(); })
      .def("explain", &schedule::explain)
      .def(
          "_columns",
          [](const schedule& s) {
            const auto n = s.rows().size();
            std::vector<std::int64_t> number, pay, interest, principal, fees, balance;
            std::vector<std::int32_t> due;
            for (auto* v : {&number, &pay, &interest, &principal, &fees, &balance}) v->reserve(n);
            for (const auto& r : s.rows()) {
              number.push_back(r.number);
              due.push_back(r.due_date.serial());
              pay.push_back(r.payment.minor_units());
              interest.push_back(r.interest.minor_units());
              principal.push_back(r.principal.minor_units());
              fees.push_back(r.fees.minor_units());
              balance.push_back(r.balance.minor_units());
            }
            py::dict d;
            d["number"] = to_numpy(number);
            d["due_date"] = dates_to_numpy(due);
            d["payment"] = to_numpy(pay);
            d["interest"] = to_numpy(interest);
            d["principal"] = to_numpy(principal);
            d["fees"] = to_numpy(fees);
            d["balance"] = to_numpy(balance);
            return d;
          },
          "Columns of minor units (int64) and due dates (datetime64[D]).")
      .def("__len__", [](const schedule& s) { return s.rows().size(); })
      .def("__repr__", [](const schedule& s) {
        return "Schedule(" + std::string(to_string(s.terms().shape)) + ", " + std::to_string(s.instalments()) +
               " instalments, regular " + s.regular_payment().to_string() + ", total " + s.total_payment().to_string() + ")";
      });

  m.def(
      "build_schedule",
      [](const std::string& shape, const money& principal, const py::object& rate, std::int64_t periods,
         const py::object& freq, const py::object& start, const py::object& first_due, const std::string& interest,
         const std::string& day_count, const std::string& odd_period, const py::object& interest_rounding,
         const py::object& payment_step, const py::object& payment_rounding, const std::string& residue,
         const py::object& instalment, const py::object& amounts, std::int64_t step_every, const py::object& step_rate,
         const py::object& down_payment, const py::object& balloon, const py::object& fee,
         std::int64_t interest_only_periods, std::int64_t payment_holiday_periods, const py::object& cal,
         const std::string& adjustment, int anchor_day, bool end_of_month) {
        const schedule_terms t = make_terms(shape, principal, rate, periods, freq, start, first_due, interest, day_count,
                                            odd_period, interest_rounding, payment_step, payment_rounding, residue,
                                            instalment, amounts, step_every, step_rate, down_payment, balloon, fee,
                                            interest_only_periods, payment_holiday_periods, cal, adjustment, anchor_day,
                                            end_of_month);
        return build_schedule(t);
      },
      py::arg("shape"), py::arg("principal"), py::arg("annual_rate") = 0, py::arg("periods") = 0,
      py::arg("frequency") = "monthly", py::arg("start") = py::none(), py::arg("first_due") = py::none(),
      RECOUP_SCHEDULE_OPTION_ARGS);

  py::class_<schedule_terms>(m, "ScheduleTerms", "The terms of a schedule, checked when it is built (see schedule_terms).");
  m.def("schedule_terms", &make_terms,
        "The terms build_schedule would use, unbuilt (for reschedule, which sets the principal).", py::arg("shape"),
      py::arg("principal"), py::arg("annual_rate") = 0, py::arg("periods") = 0, py::arg("frequency") = "monthly",
      py::arg("start") = py::none(), py::arg("first_due") = py::none(), RECOUP_SCHEDULE_OPTION_ARGS);

  m.def(
      "build_schedules",
      [](const std::string& shape, const i64_array& principal_minor, const std::string& ccy, const py::object& rates,
         const py::object& periods, const py::object& first_due, const py::object& start, const py::object& freq,
         bool collect, const std::string& interest, const std::string& day_count, const std::string& odd_period,
         const py::object& interest_rounding, const py::object& payment_step, const py::object& payment_rounding,
         const std::string& residue, const py::object& instalment, const py::object& amounts, std::int64_t step_every,
         const py::object& step_rate, const py::object& down_payment, const py::object& balloon, const py::object& fee,
         std::int64_t interest_only_periods, std::int64_t payment_holiday_periods, const py::object& cal,
         const std::string& adjustment, int anchor_day, bool end_of_month) {
        const currency c(ccy);
        // One frequency for all (a name or Frequency), or one per schedule (a sequence of names).
        std::vector<frequency> per_schedule;
        const bool one_frequency = py::isinstance<py::str>(freq) || py::isinstance<frequency>(freq);
        if (!one_frequency) {
          std::map<std::string, frequency> parsed;
          for (const auto& f : freq) {
            if (py::isinstance<frequency>(f)) {
              per_schedule.push_back(f.cast<frequency>());
              continue;
            }
            const auto name = py::str(f).cast<std::string>();
            auto it = parsed.find(name);
            if (it == parsed.end()) it = parsed.emplace(name, frequency::parse(name)).first;
            per_schedule.push_back(it->second);
          }
        }
        const schedule_terms proto = make_terms(
            shape, money::from_minor(1, c), py::int_(0), 0, one_frequency ? freq : py::str("monthly"), py::none(), py::none(), interest, day_count, odd_period,
            interest_rounding, payment_step, payment_rounding, residue, instalment, amounts, step_every, step_rate,
            down_payment, balloon, fee, interest_only_periods, payment_holiday_periods, cal, adjustment, anchor_day,
            end_of_month);
        std::vector<decimal> rate_values;
        if (py::isinstance<py::str>(rates) || !py::hasattr(rates, "__iter__")) {
          rate_values.push_back(to_decimal(rates, "annual_rate"));
        } else {
          for (const auto& r : rates) rate_values.push_back(to_decimal(r, "annual_rate"));
        }
        std::vector<std::int64_t> period_values;
        if (!periods.is_none()) {
          i64_array p = py::module_::import("numpy").attr("asarray")(periods, "int64");
          period_values.assign(p.data(), p.data() + p.size());
        }
        const std::vector<std::int32_t> due = to_serials(first_due, "first_due");
        const std::vector<std::int32_t> starts = start.is_none() ? std::vector<std::int32_t>{} : to_serials(start, "start");
        schedule_batch_result out;
        row_errors errors;
        {
          py::gil_scoped_release nogil;
          out = build_schedules(proto,
                                schedule_batch_input{{principal_minor.data(), static_cast<std::size_t>(principal_minor.size())},
                                                     rate_values, period_values, due, starts, per_schedule},
                                collect ? &errors : nullptr);
        }
        py::dict d;
        d["due_date"] = dates_to_numpy(out.due_date);
        d["offsets"] = move_to_numpy(std::move(out.offsets));
        d["number"] = move_to_numpy(std::move(out.number));
        d["payment"] = move_to_numpy(std::move(out.payment));
        d["interest"] = move_to_numpy(std::move(out.interest));
        d["principal"] = move_to_numpy(std::move(out.principal));
        d["fees"] = move_to_numpy(std::move(out.fees));
        d["balance"] = move_to_numpy(std::move(out.balance));
        d["regular_payment"] = move_to_numpy(std::move(out.regular_payment));
        d["total_payment"] = move_to_numpy(std::move(out.total_payment));
        d["total_interest"] = move_to_numpy(std::move(out.total_interest));
        d["errors"] = errors_to_python(errors);
        return d;
      },
      py::arg("shape"), py::arg("principal_minor").noconvert(), py::arg("currency"), py::arg("annual_rate"),
      py::arg("periods"), py::arg("first_due"), py::arg("start") = py::none(), py::arg("frequency") = "monthly",
      py::arg("collect") = false, RECOUP_SCHEDULE_OPTION_ARGS);
}

}  // namespace recoup::python
