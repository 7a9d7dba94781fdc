// Bindings of plan monitoring, promises to pay, CCA arrears notices and rescheduling
// (recoup/plan/monitor.hpp, promise_to_pay.hpp, arrears_notice.hpp, reschedule.hpp).
// Conversion only: results come back as dicts that recoup/_monitor.py turns into dataclasses.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <vector>

#include "batch_errors.hpp"
#include "casters.hpp"
#include "recoup/plan/arrears_notice.hpp"
#include "recoup/plan/monitor.hpp"
#include "recoup/plan/promise_to_pay.hpp"
#include "recoup/plan/reschedule.hpp"

namespace py = pybind11;

namespace recoup::python {
namespace {

using i64_array = py::array_t<std::int64_t, py::array::c_style>;
using i32_array = py::array_t<std::int32_t, py::array::c_style>;

std::optional<money> to_optional_money(const py::object& value, currency c, const char* what) {
  if (value.is_none()) return std::nullopt;
  return to_money(value, c, what);
}

std::optional<civil_date> to_optional_date(const py::object& value, const char* what) {
  if (value.is_none()) return std::nullopt;
  return to_civil_date(value, what);
}

py::object opt_date(const std::optional<civil_date>& d) { return d ? from_civil_date(*d) : py::none(); }

/// A list of (date, amount) pairs; plain amounts are read in `c`.
std::vector<dated_payment> to_payments(const py::object& payments, currency c) {
  std::vector<dated_payment> out;
  std::size_t i = 0;
  for (const auto& item : payments) {
    const bool pair = (py::isinstance<py::tuple>(item) || py::isinstance<py::list>(item)) && py::len(item) == 2;
    if (!pair)
      throw invalid_input_error("monitor.payments", "payments[" + std::to_string(i) + "] is " +
                                                        py::repr(item).cast<std::string>() +
                                                        "; each payment must be a (datetime.date, Money) pair");
    const auto seq = py::reinterpret_borrow<py::sequence>(item);
    const std::string what = "payments[" + std::to_string(i) + "]";
    out.push_back({to_civil_date(seq[0], what.c_str()), to_money(seq[1], c, what.c_str())});
    ++i;
  }
  return out;
}

/// The policy from the dict recoup._monitor.MonitorPolicy produces (missing keys = defaults).
monitor_policy to_policy(const py::object& obj, currency c) {
  monitor_policy p;
  if (obj.is_none()) return p;
  const py::dict d = obj.cast<py::dict>();
  auto get = [&](const char* key) -> py::object {
    return d.contains(key) ? py::reinterpret_borrow<py::object>(d[key]) : py::object(py::none());
  };
  if (auto v = get("grace_days"); !v.is_none()) p.grace_days = v.cast<std::int64_t>();
  p.tolerance = to_optional_money(get("tolerance"), c, "tolerance");
  if (auto v = get("tolerance_fraction"); !v.is_none()) p.tolerance_fraction = to_decimal(v, "tolerance_fraction");
  if (auto v = get("broken_after_missed"); !v.is_none()) p.broken_after_missed = v.cast<std::int64_t>();
  if (auto v = get("missed_consecutive"); !v.is_none()) p.missed_consecutive = v.cast<bool>();
  p.broken_arrears_at_least = to_optional_money(get("broken_arrears_at_least"), c, "broken_arrears_at_least");
  if (auto v = get("broken_arrears_instalments"); !v.is_none()) p.broken_arrears_instalments = v.cast<std::int64_t>();
  if (auto v = get("cure"); !v.is_none()) p.cure = v.cast<bool>();
  if (auto v = get("overpayment"); !v.is_none()) p.overpayment = parse_overpayment_rule(v.cast<std::string>());
  return p;
}

py::dict result_dict(const monitor_result& r) {
  py::dict d;
  d["status"] = std::string(to_string(r.status));
  d["arrears"] = r.arrears;
  d["days_past_due"] = r.days_past_due;
  d["paid_total"] = r.paid_total;
  d["applied_total"] = r.applied_total;
  d["unapplied"] = r.unapplied;
  d["outstanding"] = r.outstanding;
  d["missed_count"] = r.missed_count;
  d["missed_consecutive_now"] = r.missed_consecutive_now;
  d["payments_after_as_of"] = r.payments_after_as_of;
  d["broken_on"] = opt_date(r.broken_on);
  d["broken_rule"] = r.broken_rule.empty() ? py::object(py::none()) : py::object(py::str(r.broken_rule));
  d["last_cured_on"] = opt_date(r.last_cured_on);
  d["as_of"] = r.as_of;
  py::list inst;
  for (const auto& s : r.instalments) {
    py::dict i;
    i["number"] = s.number;
    i["due_date"] = s.due_date;
    i["due"] = s.due;
    i["paid"] = s.paid;
    i["shortfall"] = s.shortfall;
    i["tolerance"] = s.tolerance;
    i["state"] = std::string(to_string(s.state));
    i["settled_on"] = opt_date(s.settled_on);
    i["last_payment_on"] = opt_date(s.last_payment_on);
    i["days_late"] = s.days_late;
    inst.append(i);
  }
  d["instalments"] = inst;
  py::list ev;
  for (const auto& e : r.events) ev.append(py::make_tuple(e.date, e.kind, e.instalment, e.detail));
  d["events"] = ev;
  d["explanation"] = r.explain();
  return d;
}

std::pair<std::vector<civil_date>, std::vector<money>> instalments_of(const py::object& due_dates, const py::object& amounts,
                                                                     currency c) {
  std::vector<civil_date> due;
  std::vector<money> amt;
  for (const auto& v : due_dates) due.push_back(to_civil_date(v, "due_dates"));
  for (const auto& v : amounts) amt.push_back(to_money(v, c, "amounts"));
  return {due, amt};
}

}  // namespace

void register_monitor(py::module_& m) {
  // The status codes of monitor_plans, from the C++ tables (monitor_code = monitor_status + 1).
  static_assert(static_cast<int>(monitor_code::completed) == static_cast<int>(monitor_status::completed) + 1);
  py::dict codes;
  codes[py::int_(0)] = "failed";
  for (int k = 0; k <= static_cast<int>(monitor_status::completed); ++k)
    codes[py::int_(k + 1)] = std::string(to_string(static_cast<monitor_status>(k)));
  m.attr("MONITOR_STATUS_CODES") = codes;

  m.def(
      "monitor",
      [](const schedule& s, const py::object& payments, const py::object& as_of, const py::object& policy) {
        const currency c = s.terms().principal.currency();
        const auto pays = to_payments(payments, c);
        return result_dict(monitor(s, pays, to_civil_date(as_of, "as_of"), to_policy(policy, c)));
      },
      py::arg("schedule"), py::arg("payments"), py::arg("as_of"), py::arg("policy") = py::none());

  m.def(
      "monitor_instalments",
      [](const py::object& due_dates, const py::object& amounts, const std::string& ccy, const py::object& payments,
         const py::object& as_of, const py::object& policy) {
        const currency c(ccy);
        const auto [due, amt] = instalments_of(due_dates, amounts, c);
        const auto pays = to_payments(payments, c);
        return result_dict(monitor(due, amt, pays, to_civil_date(as_of, "as_of"), to_policy(policy, c)));
      },
      py::arg("due_dates"), py::arg("amounts"), py::arg("currency"), py::arg("payments"), py::arg("as_of"),
      py::arg("policy") = py::none());

  m.def(
      "monitor_plans",
      [](const i64_array& inst_offsets, const i32_array& due_date, const i64_array& due_minor, const i64_array& pay_offsets,
         const i32_array& pay_date, const i64_array& pay_minor, const i32_array& as_of, const std::string& ccy,
         const py::object& policy, bool collect) {
        const currency c(ccy);
        const monitor_policy p = to_policy(policy, c);
        auto span64 = [](const i64_array& a) { return std::span<const std::int64_t>(a.data(), static_cast<std::size_t>(a.size())); };
        auto span32 = [](const i32_array& a) { return std::span<const std::int32_t>(a.data(), static_cast<std::size_t>(a.size())); };
        const std::size_t n = inst_offsets.size() > 0 ? static_cast<std::size_t>(inst_offsets.size()) - 1 : 0;
        const auto sn = static_cast<py::ssize_t>(n);
        py::array_t<std::int8_t> status(sn);
        i64_array arrears(sn), dpd(sn), paid(sn), outstanding(sn), missed(sn);
        auto out64 = [n](i64_array& a) { return std::span<std::int64_t>(a.mutable_data(), n); };
        const monitor_batch_output out{std::span<std::int8_t>(status.mutable_data(), n), out64(arrears), out64(dpd),
                                       out64(paid), out64(outstanding), out64(missed)};
        const monitor_batch_input in{span64(inst_offsets), span32(due_date), span64(due_minor), span64(pay_offsets),
                                     span32(pay_date), span64(pay_minor), span32(as_of)};
        row_errors errors;
        {
          py::gil_scoped_release nogil;
          monitor_plans(in, c, p, out, collect ? &errors : nullptr);
        }
        py::dict d;
        d["status"] = status;
        d["arrears_minor"] = arrears;
        d["days_past_due"] = dpd;
        d["paid_minor"] = paid;
        d["outstanding_minor"] = outstanding;
        d["missed_count"] = missed;
        d["errors"] = errors_to_python(errors);
        return d;
      },
      py::arg("inst_offsets").noconvert(), py::arg("due_date").noconvert(), py::arg("due_minor").noconvert(),
      py::arg("pay_offsets").noconvert(), py::arg("pay_date").noconvert(), py::arg("pay_minor").noconvert(),
      py::arg("as_of").noconvert(), py::arg("currency"), py::arg("policy") = py::none(), py::arg("collect") = false);

  m.def(
      "check_promise",
      [](const py::object& date, const money& amount, const py::object& payments, const py::object& as_of,
         const py::object& made_on, const py::object& tolerance, std::int64_t grace_days) {
        const currency c = amount.currency();
        promise_to_pay pr{.date = to_civil_date(date, "date"),
                          .amount = amount,
                          .made_on = to_optional_date(made_on, "made_on"),
                          .tolerance = to_optional_money(tolerance, c, "tolerance"),
                          .grace_days = grace_days};
        const auto pays = to_payments(payments, c);
        const auto r = check_promise(pr, pays, to_civil_date(as_of, "as_of"));
        py::dict d;
        d["status"] = std::string(to_string(r.status));
        d["promised"] = r.promised;
        d["paid"] = r.paid;
        d["shortfall"] = r.shortfall;
        d["paid_after_deadline"] = r.paid_after_deadline;
        d["deadline"] = r.deadline;
        d["kept_on"] = opt_date(r.kept_on);
        d["as_of"] = r.as_of;
        d["explanation"] = r.explain();
        return d;
      },
      py::arg("date"), py::arg("amount"), py::arg("payments"), py::arg("as_of"), py::arg("made_on") = py::none(),
      py::arg("tolerance") = py::none(), py::arg("grace_days") = 0);

  m.def(
      "cca_arrears_notice",
      [](const schedule& s, const py::object& payments, const py::object& as_of, const std::string& agreement,
         bool unpaid_judgment, const py::object& last_notice_on, bool notice_given, const py::object& statement_end) {
        const currency c = s.terms().principal.currency();
        const arrears_notice_facts facts{.unpaid_judgment = unpaid_judgment,
                                         .last_notice_on = to_optional_date(last_notice_on, "last_notice_on"),
                                         .notice_given_for_these_payments = notice_given,
                                         .next_statement_period_end = to_optional_date(statement_end, "next_statement_period_end")};
        const auto pays = to_payments(payments, c);
        const auto r = cca_arrears_notice(s, pays, to_civil_date(as_of, "as_of"), parse_cca_agreement(agreement), facts);
        py::dict d;
        d["required"] = r.required;
        d["rule_id"] = r.rule_id;
        d["citation"] = r.citation;
        d["conditions_met_on"] = opt_date(r.conditions_met_on);
        d["first_notice_by"] = opt_date(r.first_notice_by);
        d["next_notice_by"] = opt_date(r.next_notice_by);
        d["deadline"] = opt_date(r.deadline);
        d["shortfall"] = r.shortfall;
        d["last_two_due"] = r.last_two_due;
        d["payments_fallen_due"] = r.payments_fallen_due;
        d["as_of"] = r.as_of;
        d["agreement"] = std::string(to_string(r.agreement));
        d["reasons"] = r.reasons;
        d["caveats"] = r.caveats;
        d["explanation"] = r.explain();
        return d;
      },
      py::arg("schedule"), py::arg("payments"), py::arg("as_of"), py::arg("agreement") = "fixed_sum",
      py::arg("unpaid_judgment") = false, py::arg("last_notice_on") = py::none(),
      py::arg("notice_given_for_these_payments") = false, py::arg("next_statement_period_end") = py::none());

  m.def(
      "reschedule",
      [](const schedule& s, const py::object& payments, const py::object& as_of, const schedule_terms& terms,
         const std::string& basis, const py::object& policy) {
        const currency c = s.terms().principal.currency();
        const auto pays = to_payments(payments, c);
        const reschedule_record r =
            reschedule(s, pays, to_civil_date(as_of, "as_of"), terms, parse_reschedule_basis(basis), to_policy(policy, c));
        py::dict d;
        d["old_plan"] = r.old_plan;
        d["monitoring"] = result_dict(r.monitoring);
        d["basis"] = std::string(to_string(r.basis));
        d["amount"] = r.amount;
        d["new_plan"] = r.new_plan;
        d["explanation"] = r.explain();
        return d;
      },
      "recoup::reschedule: recast what is left of a plan into a new plan built from `terms`.", py::arg("schedule"),
      py::arg("payments"), py::arg("as_of"), py::arg("terms"), py::arg("basis") = "unpaid_instalments",
      py::arg("policy") = py::none());
  m.def(
      "reschedule_amount",
      [](const schedule& s, const py::object& payments, const py::object& as_of, const std::string& basis,
         const py::object& policy) {
        const currency c = s.terms().principal.currency();
        const auto pays = to_payments(payments, c);
        return reschedule_amount(s, pays, to_civil_date(as_of, "as_of"), parse_reschedule_basis(basis), to_policy(policy, c));
      },
      py::arg("schedule"), py::arg("payments"), py::arg("as_of"), py::arg("basis") = "unpaid_instalments",
      py::arg("policy") = py::none());
}

}  // namespace recoup::python
