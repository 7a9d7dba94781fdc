// Plan monitoring: the kernel shared by monitor() and monitor_plans(), and the explanations.
#include "recoup/plan/monitor.hpp"

#include <algorithm>
#include <sstream>

#include "recoup/plan/detail/monitor_kernel.hpp"

namespace recoup {
namespace {

std::string fmt(std::int64_t minor, const currency& c) { return money::from_minor(minor, c).to_string(); }
std::string day(std::int32_t serial) { return civil_date::from_serial(serial).to_string(); }

std::int64_t checked_add(std::int64_t a, std::int64_t b, const char* what) {
  std::int64_t r = 0;
  if (__builtin_add_overflow(a, b, &r))
    throw overflow_error("monitor.overflow", std::string(what) + " is beyond 64-bit minor units");
  return r;
}

std::string plural(std::int64_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

}  // namespace

std::string_view to_string(monitor_status s) noexcept {
  switch (s) {
    case monitor_status::on_track: return "on_track";
    case monitor_status::in_arrears: return "in_arrears";
    case monitor_status::broken: return "broken";
    case monitor_status::completed: return "completed";
  }
  return "unknown";
}

std::string_view to_string(instalment_state s) noexcept {
  switch (s) {
    case instalment_state::paid: return "paid";
    case instalment_state::late: return "late";
    case instalment_state::short_paid: return "short";
    case instalment_state::missed: return "missed";
    case instalment_state::in_grace: return "in_grace";
    case instalment_state::not_yet_due: return "not_yet_due";
  }
  return "unknown";
}

std::string_view to_string(overpayment_rule r) noexcept {
  return r == overpayment_rule::roll_forward ? "roll_forward" : "hold_as_credit";
}

overpayment_rule parse_overpayment_rule(std::string_view name) {
  if (name == "roll_forward") return overpayment_rule::roll_forward;
  if (name == "hold_as_credit") return overpayment_rule::hold_as_credit;
  throw invalid_input_error("monitor.policy", "overpayment rule '" + std::string(name) +
                                                  "' is not one of: roll_forward, hold_as_credit");
}

namespace detail {

monitor_params make_monitor_params(const monitor_policy& p, const currency& c) {
  monitor_params r;
  if (p.grace_days < 0 || p.grace_days > 3660)
    throw invalid_input_error("monitor.policy", "grace_days " + std::to_string(p.grace_days) +
                                                    " must be between 0 and 3660 days");
  r.grace = p.grace_days;
  if (p.tolerance) {
    if (p.tolerance->currency() != c)
      throw currency_mismatch_error("monitor.currency", "tolerance " + p.tolerance->to_string() + " is not in the plan's currency " +
                                                           std::string(c.code()));
    if (p.tolerance->is_negative())
      throw invalid_input_error("monitor.policy", "tolerance " + p.tolerance->to_string() + " must not be negative");
    r.tol_abs = p.tolerance->minor_units();
  }
  const decimal& f = p.tolerance_fraction;
  if (f.coefficient() < 0 || f > decimal(1) || f.scale() > 18)
    throw invalid_input_error("monitor.policy", "tolerance_fraction " + f.to_string() +
                                                    " must be a fraction between 0 and 1 with at most 18 places (0.05 = 5%)");
  r.frac_coef = f.coefficient();
  r.frac_unit = pow10_128(f.scale());
  if (p.broken_after_missed < 0)
    throw invalid_input_error("monitor.policy", "broken_after_missed " + std::to_string(p.broken_after_missed) +
                                                    " must be 0 (off) or a positive count");
  r.n_missed = p.broken_after_missed;
  r.consecutive = p.missed_consecutive;
  if (p.broken_arrears_at_least) {
    if (p.broken_arrears_at_least->currency() != c)
      throw currency_mismatch_error("monitor.currency", "broken_arrears_at_least " + p.broken_arrears_at_least->to_string() +
                                                           " is not in the plan's currency " + std::string(c.code()));
    if (!p.broken_arrears_at_least->is_positive())
      throw invalid_input_error("monitor.policy", "broken_arrears_at_least " + p.broken_arrears_at_least->to_string() +
                                                      " must be positive (leave it unset to turn the rule off)");
    r.arrears_at_least = p.broken_arrears_at_least->minor_units();
  }
  if (p.broken_arrears_instalments < 0)
    throw invalid_input_error("monitor.policy", "broken_arrears_instalments " + std::to_string(p.broken_arrears_instalments) +
                                                    " must be 0 (off) or a positive count");
  r.k_instalments = p.broken_arrears_instalments;
  r.cure = p.cure;
  r.roll_forward = p.overpayment == overpayment_rule::roll_forward;
  return r;
}

void monitor_kernel(std::span<const std::int32_t> due, std::span<const std::int64_t> amount,
                    std::span<const std::int32_t> pay_date, std::span<const std::int64_t> pay_amount, std::int32_t as_of,
                    const monitor_params& p, monitor_scratch& s, monitor_summary& out, std::vector<monitor_event>* events,
                    const currency& c) {
  const std::size_t n = due.size();
  const std::size_t m = pay_date.size();
  out = monitor_summary{};
  s.remaining.assign(amount.begin(), amount.end());
  s.tol.resize(n);
  s.applied.assign(n, 0);
  s.prefix_due.resize(n);
  s.settled.resize(n);
  s.last_paid.assign(n, not_settled);
  std::int64_t total = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (amount[i] < 0)
      throw invalid_input_error("monitor.negative_instalment", "instalment " + std::to_string(i + 1) + " is " +
                                                                   fmt(amount[i], c) + "; instalment amounts must not be negative");
    if (i > 0 && due[i] < due[i - 1])
      throw invalid_input_error("monitor.due_dates", "instalment " + std::to_string(i + 1) + " is due " + day(due[i]) +
                                                         ", before instalment " + std::to_string(i) + " (" + day(due[i - 1]) +
                                                         "); list instalments in due-date order");
    total = checked_add(total, amount[i], "the plan's total");
    s.prefix_due[i] = total;
    std::int64_t frac = 0;
    if (p.frac_coef != 0)
      frac = static_cast<std::int64_t>(round_quotient<int128>(static_cast<int128>(amount[i]) * p.frac_coef, p.frac_unit,
                                                              rounding_mode::down));
    s.tol[i] = std::max(p.tol_abs, frac);
    s.settled[i] = amount[i] <= s.tol[i] ? settled_without_payment : not_settled;
  }
  out.total_due = total;
  // Payments in date order; same-day payments keep their order (stable).
  bool sorted = true;
  for (std::size_t j = 0; j < m; ++j) {
    if (pay_amount[j] < 0)
      throw invalid_input_error("monitor.negative_payment", "payment " + std::to_string(j + 1) + " on " + day(pay_date[j]) + " is " +
                                                                fmt(pay_amount[j], c) +
                                                                "; remove a reversed payment instead of adding a negative one");
    if (j > 0 && pay_date[j] < pay_date[j - 1]) sorted = false;
  }
  if (!sorted) {
    s.order.resize(m);
    for (std::size_t j = 0; j < m; ++j) s.order[j] = static_cast<std::uint32_t>(j);
    std::stable_sort(s.order.begin(), s.order.end(), [&](std::uint32_t a, std::uint32_t b) { return pay_date[a] < pay_date[b]; });
  }

  std::size_t a = 0;  // oldest instalment with something left to pay
  while (a < n && s.remaining[a] == 0) ++a;
  std::size_t lim = 0;     // hold_as_credit: instalments due on or before the payment date
  std::size_t checked = 0; // instalments whose grace has ended (deadline before the current day)
  bool broken = false;
  std::int64_t k_sum = 0;  // sum of the last k instalments checked

  auto deadline = [&](std::size_t i) { return static_cast<std::int64_t>(due[i]) + p.grace; };
  auto check = [&](std::size_t i) {
    const std::int32_t when = static_cast<std::int32_t>(deadline(i) + 1);
    const bool miss = s.remaining[i] > s.tol[i];
    if (p.k_instalments > 0) {
      k_sum = checked_add(k_sum, amount[i], "the sum of the last instalments");
      if (static_cast<std::int64_t>(i) >= p.k_instalments) k_sum -= amount[i - static_cast<std::size_t>(p.k_instalments)];
    }
    if (miss) {
      ++out.missed;
      ++out.consecutive;
      if (events)
        events->push_back({civil_date::from_serial(when), s.applied[i] > 0 ? "short" : "missed", static_cast<std::int64_t>(i),
                           (s.applied[i] > 0 ? "short by " + fmt(s.remaining[i], c) : "nothing paid of " + fmt(amount[i], c)) +
                               " when its grace ended (due " + day(due[i]) + " + " + plural(p.grace, "grace day") + ")"});
    } else {
      out.consecutive = 0;
    }
    if (broken) return;
    const std::int64_t overdue = std::max<std::int64_t>(0, s.prefix_due[i] - out.applied);
    std::string why;
    const std::int64_t count = p.consecutive ? out.consecutive : out.missed;
    if (p.n_missed > 0 && miss && count >= p.n_missed) {
      out.broken_rule = "missed_instalments";
      if (events)
        why = std::to_string(count) + (p.consecutive ? " consecutive" : "") + " missed instalments reached the limit of " +
              std::to_string(p.n_missed);
    } else if (p.arrears_at_least >= 0 && overdue >= p.arrears_at_least) {
      out.broken_rule = "arrears_amount";
      if (events) why = "overdue " + fmt(overdue, c) + " reached the limit of " + fmt(p.arrears_at_least, c);
    } else if (p.k_instalments > 0 && static_cast<std::int64_t>(i) + 1 >= p.k_instalments && overdue > 0 && overdue >= k_sum) {
      out.broken_rule = "arrears_instalments";
      if (events)
        why = "overdue " + fmt(overdue, c) + " reached the last " + plural(p.k_instalments, "instalment") + " due (" +
              fmt(k_sum, c) + ")";
    } else {
      return;
    }
    broken = true;
    out.broken_on = when;
    if (events) events->push_back({civil_date::from_serial(when), "broken", static_cast<std::int64_t>(i), why});
  };
  auto apply = [&](std::int32_t date, std::int64_t amt) {
    out.paid = checked_add(out.paid, amt, "the total paid");
    std::size_t limit = n;
    if (!p.roll_forward) {
      while (lim < n && due[lim] <= date) ++lim;
      limit = std::min(n, lim + 1);
    }
    std::int64_t left = amt;
    while (a < limit && left > 0) {
      const std::int64_t take = std::min(left, s.remaining[a]);
      s.remaining[a] -= take;
      s.applied[a] += take;
      out.applied += take;
      left -= take;
      s.last_paid[a] = date;
      if (s.settled[a] == not_settled && s.remaining[a] <= s.tol[a]) s.settled[a] = date;
      if (s.remaining[a] == 0) ++a;
    }
    if (broken && p.cure) {
      for (std::size_t j = a; j < checked; ++j)
        if (s.remaining[j] > s.tol[j]) return;
      broken = false;
      out.missed = 0;
      out.consecutive = 0;
      out.cured_on = date;
      out.broken_rule = "";
      out.broken_on = not_settled;
      if (events)
        events->push_back({civil_date::from_serial(date), "cured", 0,
                           "every instalment past its grace is paid (within tolerance): back on track, miss counts restart"});
    }
  };

  for (std::size_t jj = 0; jj < m; ++jj) {
    const std::size_t j = sorted ? jj : s.order[jj];
    const std::int32_t d = pay_date[j];
    if (d > as_of) {
      ++out.after_as_of;
      continue;
    }
    while (checked < n && deadline(checked) < d) check(checked++);
    apply(d, pay_amount[j]);
  }
  while (checked < n && deadline(checked) < as_of) check(checked++);
  out.checked = checked;

  // Contractual figures: instalments due strictly before as_of, exact, no grace or tolerance.
  std::size_t due_before = 0;
  while (due_before < n && due[due_before] < as_of) ++due_before;
  out.arrears = due_before == 0 ? 0 : std::max<std::int64_t>(0, s.prefix_due[due_before - 1] - out.applied);
  out.dpd = (a < n && due[a] < as_of) ? static_cast<std::int64_t>(as_of) - due[a] : 0;
  out.outstanding = total - out.applied;
  if (a == n) {
    out.status = monitor_code::completed;
  } else if (broken) {
    out.status = monitor_code::broken;
  } else {
    out.status = monitor_code::on_track;
    for (std::size_t j = a; j < checked; ++j)
      if (s.remaining[j] > s.tol[j]) {
        out.status = monitor_code::in_arrears;
        break;
      }
  }
}

}  // namespace detail

monitor_result monitor(std::span<const civil_date> due_dates, std::span<const money> amounts, std::span<const dated_payment> payments,
                       civil_date as_of, const monitor_policy& policy) {
  if (due_dates.size() != amounts.size())
    throw invalid_input_error("monitor.batch_shape", std::to_string(due_dates.size()) + " due dates but " +
                                                         std::to_string(amounts.size()) + " amounts");
  if (amounts.empty() && payments.empty())
    throw invalid_input_error("monitor.empty_plan", "a plan to monitor needs at least one instalment or payment currency");
  const currency c = amounts.empty() ? payments.front().amount.currency() : amounts.front().currency();
  const auto p = detail::make_monitor_params(policy, c);
  std::vector<std::int32_t> due, pd;
  std::vector<std::int64_t> amt, pa;
  due.reserve(amounts.size());
  amt.reserve(amounts.size());
  for (std::size_t i = 0; i < amounts.size(); ++i) {
    if (amounts[i].currency() != c)
      throw currency_mismatch_error("monitor.currency", "instalment " + std::to_string(i + 1) + " is " + amounts[i].to_string() +
                                                           ", not in " + std::string(c.code()));
    due.push_back(due_dates[i].serial());
    amt.push_back(amounts[i].minor_units());
  }
  for (std::size_t j = 0; j < payments.size(); ++j) {
    if (payments[j].amount.currency() != c)
      throw currency_mismatch_error("monitor.currency", "payment " + std::to_string(j + 1) + " on " + payments[j].date.to_string() +
                                                           " is " + payments[j].amount.to_string() + ", but the plan is in " +
                                                           std::string(c.code()));
    pd.push_back(payments[j].date.serial());
    pa.push_back(payments[j].amount.minor_units());
  }
  detail::monitor_scratch s;
  detail::monitor_summary sum;
  monitor_result r{.status = monitor_status::on_track,
                   .arrears = money::zero(c),
                   .paid_total = money::zero(c),
                   .applied_total = money::zero(c),
                   .unapplied = money::zero(c),
                   .outstanding = money::zero(c),
                   .as_of = as_of,
                   .policy = policy};
  detail::monitor_kernel(due, amt, pd, pa, as_of.serial(), p, s, sum, &r.events, c);
  switch (sum.status) {
    case monitor_code::completed: r.status = monitor_status::completed; break;
    case monitor_code::broken: r.status = monitor_status::broken; break;
    case monitor_code::in_arrears: r.status = monitor_status::in_arrears; break;
    default: r.status = monitor_status::on_track; break;
  }
  r.arrears = money::from_minor(sum.arrears, c);
  r.days_past_due = sum.dpd;
  r.paid_total = money::from_minor(sum.paid, c);
  r.applied_total = money::from_minor(sum.applied, c);
  r.unapplied = money::from_minor(sum.paid - sum.applied, c);
  r.outstanding = money::from_minor(sum.outstanding, c);
  r.missed_count = sum.missed;
  r.missed_consecutive_now = sum.consecutive;
  r.payments_after_as_of = sum.after_as_of;
  if (sum.broken_on != detail::not_settled) r.broken_on = civil_date::from_serial(sum.broken_on);
  r.broken_rule = sum.broken_rule;
  if (sum.cured_on != detail::not_settled) r.last_cured_on = civil_date::from_serial(sum.cured_on);
  const std::int64_t grace = p.grace;
  for (std::size_t i = 0; i < amounts.size(); ++i) {
    instalment_status st{.number = static_cast<std::int64_t>(i + 1),
                         .due_date = due_dates[i],
                         .due = amounts[i],
                         .paid = money::from_minor(s.applied[i], c),
                         .shortfall = money::from_minor(s.remaining[i], c),
                         .tolerance = money::from_minor(s.tol[i], c),
                         .state = instalment_state::not_yet_due};
    if (s.last_paid[i] != detail::not_settled) st.last_payment_on = civil_date::from_serial(s.last_paid[i]);
    const std::int64_t deadline = due[i] + grace;
    if (s.remaining[i] <= s.tol[i]) {
      if (s.settled[i] != detail::not_settled && s.settled[i] != detail::settled_without_payment)
        st.settled_on = civil_date::from_serial(s.settled[i]);
      if (s.settled[i] != detail::settled_without_payment && s.settled[i] > deadline) {
        st.state = instalment_state::late;
        st.days_late = s.settled[i] - due[i];
      } else {
        st.state = instalment_state::paid;
      }
    } else if (due[i] > as_of.serial()) {
      st.state = instalment_state::not_yet_due;
    } else if (deadline >= as_of.serial()) {
      st.state = instalment_state::in_grace;
    } else {
      st.state = s.applied[i] > 0 ? instalment_state::short_paid : instalment_state::missed;
      st.days_late = as_of.serial() - due[i];
    }
    r.instalments.push_back(st);
  }
  for (auto& e : r.events)
    if (e.kind != "cured") e.instalment = r.instalments[static_cast<std::size_t>(e.instalment)].number;
  return r;
}

monitor_result monitor(const schedule& plan, std::span<const dated_payment> payments, civil_date as_of,
                       const monitor_policy& policy) {
  std::vector<civil_date> due;
  std::vector<money> amounts;
  for (const auto& row : plan.rows()) {
    due.push_back(row.due_date);
    amounts.push_back(row.payment);
  }
  auto r = monitor(due, amounts, payments, as_of, policy);
  for (std::size_t i = 0; i < r.instalments.size(); ++i) r.instalments[i].number = plan.rows()[i].number;
  // The bare form numbers instalments 1..n; map them to the schedule's row numbers.
  for (auto& e : r.events)
    if (e.kind != "cured") e.instalment = plan.rows()[static_cast<std::size_t>(e.instalment - 1)].number;
  return r;
}

std::string monitor_result::explain() const {
  std::ostringstream o;
  const currency c = arrears.currency();
  const auto& p = policy;
  o << "Plan monitored as of " << as_of.to_string() << ": " << to_string(status) << ".\n";
  o << "Arrears (contractual: unpaid on instalments due before " << as_of.to_string() << ", no grace or tolerance): "
    << arrears.to_string() << "; " << plural(days_past_due, "day") << " past due";
  for (const auto& st : instalments)
    if (st.shortfall.is_positive() && st.due_date < as_of) {
      o << " (oldest unpaid: instalment " << st.number << " due " << st.due_date.to_string() << ")";
      break;
    }
  o << ".\n";
  o << "Why: ";
  switch (status) {
    case monitor_status::completed:
      o << "every instalment is paid in full (" << applied_total.to_string() << " applied).";
      break;
    case monitor_status::broken: {
      o << "the arrangement broke on " << (broken_on ? broken_on->to_string() : std::string("?")) << " under the rule '"
        << broken_rule << "'";
      for (const auto& e : events)
        if (e.kind == "broken" && broken_on && e.date == *broken_on) o << ": " << e.detail;
      o << (p.cure ? "; it has not been cured (cure needs every instalment past its grace paid within tolerance)."
                   : "; the policy has no cure, so it stays broken until everything is paid.");
      break;
    }
    case monitor_status::in_arrears: {
      o << "instalment(s) past their grace with a shortfall above tolerance:";
      for (const auto& st : instalments)
        if (st.state == instalment_state::short_paid || st.state == instalment_state::missed)
          o << " #" << st.number << " (" << to_string(st.state) << ", " << st.shortfall.to_string() << " unpaid)";
      o << "; the broken rules are not met (" << plural(missed_count, "missed instalment") << " counted";
      if (p.broken_after_missed > 0)
        o << " of " << p.broken_after_missed << (p.missed_consecutive ? " consecutive" : " in total") << " allowed before broken";
      o << ").";
      break;
    }
    case monitor_status::on_track:
      o << "no instalment past its grace has a shortfall above tolerance";
      if (arrears.is_positive()) o << " (the contractual arrears are within grace or tolerance)";
      if (last_cured_on) o << "; cured on " << last_cured_on->to_string();
      o << ".";
      break;
  }
  o << "\nPolicy: grace " << plural(p.grace_days, "day") << "; tolerance "
    << (p.tolerance ? p.tolerance->to_string() : money::zero(c).to_string());
  if (p.tolerance_fraction.coefficient() != 0) o << " or " << p.tolerance_fraction.to_string() << " of the instalment (rounded down), the larger";
  o << "; broken after ";
  bool any = false;
  if (p.broken_after_missed > 0) {
    o << p.broken_after_missed << (p.missed_consecutive ? " consecutive" : "") << " missed instalments";
    any = true;
  }
  if (p.broken_arrears_at_least) {
    o << (any ? ", or " : "") << "overdue >= " << p.broken_arrears_at_least->to_string();
    any = true;
  }
  if (p.broken_arrears_instalments > 0) {
    o << (any ? ", or " : "") << "overdue >= the last " << plural(p.broken_arrears_instalments, "instalment");
    any = true;
  }
  if (!any) o << "never (no broken rule set)";
  o << "; cure " << (p.cure ? "on" : "off") << "; overpayments " << to_string(p.overpayment) << ".\n";
  o << "Payments: " << paid_total.to_string() << " on or before " << as_of.to_string() << ", " << applied_total.to_string()
    << " applied oldest instalment first";
  if (unapplied.is_positive()) o << ", " << unapplied.to_string() << " held as unapplied credit";
  if (payments_after_as_of > 0) o << "; " << plural(payments_after_as_of, "payment") << " dated after as_of ignored";
  o << "; outstanding on the plan " << outstanding.to_string() << ".\n";
  o << "Instalments:\n";
  for (const auto& st : instalments) {
    o << "  #" << st.number << " due " << st.due_date.to_string() << " " << st.due.to_string() << ": paid " << st.paid.to_string();
    if (st.last_payment_on) o << " (last payment " << st.last_payment_on->to_string() << ")";
    o << " - ";
    switch (st.state) {
      case instalment_state::paid: o << "paid"; break;
      case instalment_state::late: o << "late (settled " << st.settled_on->to_string() << ", " << plural(st.days_late, "day") << " after due)"; break;
      case instalment_state::short_paid: o << "short by " << st.shortfall.to_string() << ", " << plural(st.days_late, "day") << " overdue"; break;
      case instalment_state::missed: o << "missed, " << plural(st.days_late, "day") << " overdue"; break;
      case instalment_state::in_grace: o << "due, within grace until " << st.due_date.add_days(p.grace_days).to_string(); break;
      case instalment_state::not_yet_due: o << "not yet due"; break;
    }
    if ((st.state == instalment_state::paid || st.state == instalment_state::late) && st.shortfall.is_positive())
      o << " (shortfall " << st.shortfall.to_string() << " within tolerance " << st.tolerance.to_string() << ")";
    o << "\n";
  }
  if (!events.empty()) {
    o << "Events:\n";
    for (const auto& e : events) {
      o << "  " << e.date.to_string() << " " << e.kind;
      if (e.kind != "cured") o << " (instalment " << e.instalment << ")";
      o << ": " << e.detail << "\n";
    }
  }
  return o.str();
}

void monitor_plans(const monitor_batch_input& in, currency c, const monitor_policy& policy, const monitor_batch_output& out,
                   row_errors* errors) {
  if (in.inst_offsets.empty() || in.pay_offsets.size() != in.inst_offsets.size())
    throw invalid_input_error("monitor.batch_shape", "inst_offsets and pay_offsets need n+1 entries each (got " +
                                                         std::to_string(in.inst_offsets.size()) + " and " +
                                                         std::to_string(in.pay_offsets.size()) + ")");
  const std::size_t n = in.inst_offsets.size() - 1;
  if (in.as_of.size() != n && in.as_of.size() != 1)
    throw invalid_input_error("monitor.batch_shape", "as_of has " + std::to_string(in.as_of.size()) + " dates for " +
                                                         std::to_string(n) + " plans (give one per plan or one for all)");
  if (in.due_date.size() != in.due_minor.size() || in.pay_date.size() != in.pay_minor.size())
    throw invalid_input_error("monitor.batch_shape", "due dates/amounts or payment dates/amounts differ in length");
  for (auto* o : {&out.arrears_minor, &out.days_past_due, &out.paid_minor, &out.outstanding_minor, &out.missed_count})
    if (o->size() != n) throw invalid_input_error("monitor.batch_shape", "an output column does not have one cell per plan");
  if (out.status.size() != n) throw invalid_input_error("monitor.batch_shape", "the status column does not have one cell per plan");
  auto check_offsets = [](std::span<const std::int64_t> off, std::size_t len, const char* what) {
    if (off.front() != 0 || off.back() != static_cast<std::int64_t>(len))
      throw invalid_input_error("monitor.batch_shape", std::string(what) + " must start at 0 and end at " + std::to_string(len));
    for (std::size_t i = 1; i < off.size(); ++i)
      if (off[i] < off[i - 1])
        throw invalid_input_error("monitor.batch_shape", std::string(what) + " decrease at plan " + std::to_string(i - 1));
  };
  check_offsets(in.inst_offsets, in.due_date.size(), "inst_offsets");
  check_offsets(in.pay_offsets, in.pay_date.size(), "pay_offsets");
  const auto p = detail::make_monitor_params(policy, c);
  detail::monitor_scratch s;
  detail::monitor_summary sum;
  detail::for_each_row(n, errors, [&](std::size_t i) {
    out.status[i] = 0;
    out.arrears_minor[i] = out.days_past_due[i] = out.paid_minor[i] = out.outstanding_minor[i] = out.missed_count[i] = 0;
    const auto ib = static_cast<std::size_t>(in.inst_offsets[i]), ie = static_cast<std::size_t>(in.inst_offsets[i + 1]);
    const auto pb = static_cast<std::size_t>(in.pay_offsets[i]), pe = static_cast<std::size_t>(in.pay_offsets[i + 1]);
    detail::monitor_kernel(in.due_date.subspan(ib, ie - ib), in.due_minor.subspan(ib, ie - ib), in.pay_date.subspan(pb, pe - pb),
                           in.pay_minor.subspan(pb, pe - pb), in.as_of[in.as_of.size() == 1 ? 0 : i], p, s, sum, nullptr, c);
    out.status[i] = static_cast<std::int8_t>(sum.status);
    out.arrears_minor[i] = sum.arrears;
    out.days_past_due[i] = sum.dpd;
    out.paid_minor[i] = sum.paid;
    out.outstanding_minor[i] = sum.outstanding;
    out.missed_count[i] = sum.missed;
  });
}

}  // namespace recoup
