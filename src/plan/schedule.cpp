// build_schedule(): validates terms, resolves them to minor units and exact ratios, runs the
// shared kernel (detail/amortiser.hpp) and records every rounding decision.
#include "recoup/plan/schedule.hpp"

#include <array>

#include "recoup/core/detail/enum_names.hpp"
#include <sstream>
#include <utility>

#include "recoup/plan/detail/amortiser.hpp"

namespace recoup {

namespace {


constexpr std::array<std::pair<std::string_view, schedule_shape>, 6> shape_names{{
    {"level_payment", schedule_shape::level_payment},
    {"level_principal", schedule_shape::level_principal},
    {"interest_only", schedule_shape::interest_only},
    {"fixed_instalment", schedule_shape::fixed_instalment},
    {"graduated", schedule_shape::graduated},
    {"custom", schedule_shape::custom},
}};
constexpr std::array<std::pair<std::string_view, interest_method>, 2> method_names{{
    {"periodic", interest_method::periodic},
    {"daily", interest_method::daily},
}};
constexpr std::array<std::pair<std::string_view, odd_period_interest>, 2> odd_names{{
    {"daily", odd_period_interest::daily},
    {"full_period", odd_period_interest::full_period},
}};
constexpr std::array<std::pair<std::string_view, residue_placement>, 2> residue_names{{
    {"last", residue_placement::last},
    {"first", residue_placement::first},
}};


}  // namespace

namespace {

[[noreturn]] void terms_error(const std::string& message) { throw invalid_input_error("plan.shape_terms", message); }

std::int64_t minor_in(const money& m, currency c, const char* what) {
  if (m.currency() != c) {
    throw currency_mismatch_error("plan.currency", std::string(what) + " " + m.to_string() +
                                                       " is not in the principal's currency " + std::string(c.code()));
  }
  return m.minor_units();
}

}  // namespace

detail::plan_setup detail::resolve_terms(const schedule_terms& t) {
  const currency c = t.principal.currency();
  detail::plan_setup s;
  s.shape = t.shape;
  if (t.principal.minor_units() <= 0) {
    throw invalid_input_error("plan.principal", "principal " + t.principal.to_string() + " must be positive");
  }
  s.balance = t.principal.minor_units();
  if (t.down_payment) {
    const std::int64_t down = minor_in(*t.down_payment, c, "down payment");
    if (down < 0 || down >= s.balance) {
      terms_error("down payment " + t.down_payment->to_string() + " must be at least zero and below the principal " +
                  t.principal.to_string());
    }
    s.balance -= down;
  }
  if (t.payment_round.step_minor < 1) {
    throw invalid_input_error("plan.rounding_step", "payment rounding step " + std::to_string(t.payment_round.step_minor) +
                                                        " minor units must be at least 1");
  }
  s.pay_round = t.payment_round;
  s.interest_mode = t.interest_rounding;
  s.freq = t.freq;
  s.method = t.interest;
  s.day_count = t.day_count;
  s.rate = t.rate.fraction();
  if (t.interest_only_periods < 0 || t.payment_holiday_periods < 0) {
    throw invalid_input_error("plan.periods", "interest-only and payment-holiday periods must not be negative");
  }
  s.holidays = t.payment_holiday_periods;
  s.interest_only = t.interest_only_periods;

  // Term.
  const bool derived = t.shape == schedule_shape::fixed_instalment || t.shape == schedule_shape::custom;
  if (derived) {
    if (t.periods != 0) terms_error(std::string(to_string(t.shape)) + " derives its term: leave periods at 0");
  } else {
    if (t.periods < 1 || t.periods > max_schedule_periods) {
      throw invalid_input_error("plan.periods", "periods " + std::to_string(t.periods) + " must be 1.." +
                                                    std::to_string(max_schedule_periods));
    }
    if (t.periods <= s.holidays + s.interest_only) {
      terms_error("periods " + std::to_string(t.periods) + " leave no instalment after " +
                  std::to_string(s.holidays) + " payment-holiday and " + std::to_string(s.interest_only) +
                  " interest-only periods");
    }
  }
  s.periods = t.periods;
  if (t.shape == schedule_shape::fixed_instalment) {
    if (!t.instalment) terms_error("fixed_instalment needs the instalment amount");
    s.instalment = minor_in(*t.instalment, c, "instalment");
    if (s.instalment <= 0) {
      throw invalid_input_error("plan.payment_too_small", "instalment " + t.instalment->to_string() + " must be positive");
    }
  } else if (t.instalment) {
    terms_error("an instalment amount applies to fixed_instalment only (this is " + std::string(to_string(t.shape)) + ")");
  }
  if (t.shape == schedule_shape::custom) {
    if (t.custom_amounts.empty()) terms_error("custom needs at least one amount");
    if (static_cast<std::int64_t>(t.custom_amounts.size()) > max_schedule_periods) {
      throw invalid_input_error("plan.periods", "more than " + std::to_string(max_schedule_periods) + " custom amounts");
    }
    if (s.holidays + s.interest_only >= static_cast<std::int64_t>(t.custom_amounts.size())) {
      terms_error("custom amounts must outnumber payment-holiday and interest-only periods");
    }
    for (const auto& a : t.custom_amounts) {
      if (minor_in(a, c, "custom amount") < 0) terms_error("custom amount " + a.to_string() + " is negative");
    }
    s.custom = &t.custom_amounts;
  } else if (!t.custom_amounts.empty()) {
    terms_error("custom amounts apply to the custom shape only");
  }
  if (t.shape == schedule_shape::graduated) {
    if (t.step_every < 1) terms_error("graduated step_every must be at least 1 period");
    if (t.step_rate <= decimal(-1)) terms_error("graduated step_rate " + t.step_rate.to_string() + " must be above -1");
  }
  s.step_every = t.step_every;
  s.step_rate = t.step_rate;
  if (t.balloon) {
    if (t.shape != schedule_shape::level_payment) terms_error("a balloon applies to level_payment only");
    s.balloon = minor_in(*t.balloon, c, "balloon");
    if (s.balloon < 0 || s.balloon >= s.balance) {
      terms_error("balloon " + t.balloon->to_string() + " must be at least zero and below the amount financed");
    }
  }
  if (t.fee_per_instalment) {
    s.fee = minor_in(*t.fee_per_instalment, c, "fee per instalment");
    if (s.fee < 0) terms_error("fee per instalment " + t.fee_per_instalment->to_string() + " is negative");
  }

  // Dates.
  if (!t.start && !t.first_due) {
    throw invalid_input_error("plan.dates", "give the start date, the first due date, or both");
  }
  const int anchor_probe = t.first_due ? anchor_day_for(*t.first_due, t.roll) : 0;
  s.first_due = t.first_due ? *t.first_due : t.freq.nth_date(*t.start, 1, anchor_day_for(*t.start, t.roll));
  s.anchor = t.first_due ? anchor_probe : anchor_day_for(*t.start, t.roll);
  const civil_date regular_start = s.freq.nth_date(s.first_due, -1, s.anchor);
  s.start = t.start ? *t.start : regular_start;
  if (s.first_due <= s.start) {
    throw invalid_input_error("plan.dates", "first due date " + s.first_due.to_string() + " must be after the start " +
                                                s.start.to_string());
  }
  if (t.business_days) s.business_days = &*t.business_days;
  s.adjustment = t.adjustment;

  // Rates.
  s.periodic = detail::exact_ratio::of(s.rate, t.freq.periods_per_year_denominator(), t.freq.periods_per_year_numerator());
  const bool odd = s.start != regular_start;
  s.first = odd && t.odd_period == odd_period_interest::daily ? detail::accrual_ratio(s, s.start, s.first_due) : s.periodic;
  return s;
}

namespace {

struct row_collector {
  currency ccy;
  std::vector<schedule_row>* rows;
  void operator()(std::int64_t k, civil_date due, std::int64_t pay, std::int64_t interest, std::int64_t principal,
                  std::int64_t fee, std::int64_t balance) const {
    rows->push_back(schedule_row{k, due, money::from_minor(pay, ccy), money::from_minor(interest, ccy),
                                 money::from_minor(principal, ccy), money::from_minor(fee, ccy),
                                 money::from_minor(balance, ccy)});
  }
};

std::string describe_ratio(const detail::exact_ratio& r) {
  return detail::to_string(r.num) + "/" + detail::to_string(r.den);
}

}  // namespace

std::string_view to_string(schedule_shape s) noexcept { return detail::enum_name(s, shape_names); }
std::string_view to_string(interest_method m) noexcept { return detail::enum_name(m, method_names); }
std::string_view to_string(odd_period_interest o) noexcept { return detail::enum_name(o, odd_names); }
std::string_view to_string(residue_placement r) noexcept { return detail::enum_name(r, residue_names); }
schedule_shape parse_schedule_shape(std::string_view n) { return detail::enum_from_name(n, shape_names, "schedule shape", "plan.shape"); }
interest_method parse_interest_method(std::string_view n) {
  return detail::enum_from_name(n, method_names, "interest method", "plan.interest_method");
}
odd_period_interest parse_odd_period_interest(std::string_view n) {
  return detail::enum_from_name(n, odd_names, "odd-period interest", "plan.odd_period");
}
residue_placement parse_residue_placement(std::string_view n) {
  return detail::enum_from_name(n, residue_names, "residue placement", "plan.residue");
}

schedule build_schedule(const schedule_terms& t) {
  detail::plan_setup s = detail::resolve_terms(t);
  const currency c = t.principal.currency();
  std::vector<schedule_row> rows;
  if (t.down_payment && !t.down_payment->is_zero()) {
    const money zero = money::zero(c);
    rows.push_back(schedule_row{0, s.start, *t.down_payment, zero, *t.down_payment, zero,
                                money::from_minor(s.balance, c)});
  }
  const std::size_t head = rows.size();
  const auto truncate = [&rows, head] { rows.erase(rows.begin() + static_cast<std::ptrdiff_t>(head), rows.end()); };
  if (t.periods > 0) rows.reserve(head + static_cast<std::size_t>(t.periods));
  detail::amortise_outcome out = detail::amortise(s, row_collector{c, &rows});
  std::vector<schedule_adjustment> adjustments;

  // Residue on the first instalment: move the last instalment's difference to the first
  // (discounted to it), re-run, and repeat until the last equals the regular payment.
  const bool level = t.shape == schedule_shape::level_payment || t.shape == schedule_shape::fixed_instalment ||
                     t.shape == schedule_shape::graduated;
  if (level && t.payment_round.residue == residue_placement::first && out.instalments > out.first_amortising) {
    const std::int64_t regular_last =
        t.shape == schedule_shape::graduated ? rows.back().payment.minor_units() - s.fee : out.regular;
    for (int pass = 0; pass < 8 && out.last != regular_last + s.balloon; ++pass) {
      const std::int64_t diff = out.last - (regular_last + s.balloon);
      const std::int64_t n_after = out.instalments - out.first_amortising;
      // Discount the difference back over the periods between first and last instalment.
      const detail::annuity_real one(1);
      const detail::annuity_real r = detail::to_real(s.periodic.num) / detail::to_real(s.periodic.den);
      const detail::annuity_real pv =
          detail::annuity_real(diff) / boost::multiprecision::pow(one + r, static_cast<long>(n_after));
      const auto shift = static_cast<std::int64_t>(boost::multiprecision::round(pv));
      s.first_adjust += shift != 0 ? shift : (diff > 0 ? 1 : -1);
      truncate();
      out = detail::amortise(s, row_collector{c, &rows});
      if (t.shape == schedule_shape::fixed_instalment) break;  // its last is smaller by design
    }
    if (s.first_adjust != 0) {
      adjustments.push_back({out.first_amortising, "residue_first", money::from_minor(s.first_adjust, c),
                             "the rounding residue is placed on the first instalment"});
    }
  }
  const std::int64_t expected_last =
      t.shape == schedule_shape::interest_only ? 0 : (t.shape == schedule_shape::level_payment ? out.regular + s.balloon : out.regular);
  if (t.shape != schedule_shape::interest_only && t.shape != schedule_shape::level_principal &&
      t.shape != schedule_shape::custom && out.last != expected_last) {
    adjustments.push_back({out.instalments, "final_clears_balance", money::from_minor(out.last - expected_last, c),
                           "the last instalment pays exactly the remaining balance and its interest"});
  }
  if (out.cleared_early) {
    adjustments.push_back({out.instalments, "cleared_early", money::zero(c),
                           "rounded instalments clear the balance before the agreed term"});
  }

  std::ostringstream d;
  switch (t.shape) {
    case schedule_shape::level_payment:
      d << "level payment over " << (s.periods - s.holidays - s.interest_only) << " instalments at periodic rate "
        << describe_ratio(s.periodic) << " (annual " << s.rate.to_string() << " / " << t.freq.periods_per_year_numerator()
        << "/" << t.freq.periods_per_year_denominator() << " periods a year)";
      if (s.first.num != s.periodic.num || s.first.den != s.periodic.den) {
        d << ", first period at " << describe_ratio(s.first) << " (odd first period, " << to_string(t.day_count) << ")";
      }
      if (s.balloon != 0) d << ", balloon " << money::from_minor(s.balloon, c).to_string();
      d << "; exact payment rounded " << to_string(t.payment_round.mode) << " to a multiple of "
        << money::from_minor(t.payment_round.step_minor, c).to_string();
      break;
    case schedule_shape::level_principal:
      d << "equal principal each instalment, rounded " << to_string(t.payment_round.mode) << ", plus that period's interest";
      break;
    case schedule_shape::interest_only: d << "interest each period, the whole principal with the last instalment"; break;
    case schedule_shape::fixed_instalment: d << "fixed instalment until cleared; the last is what remains"; break;
    case schedule_shape::graduated:
      d << "graduated: payment steps by " << t.step_rate.to_string() << " every " << t.step_every
        << " instalments, first step solved so the plan amortises, each step rounded " << to_string(t.payment_round.mode);
      break;
    case schedule_shape::custom: d << "the caller's amount per instalment; the last clears the balance"; break;
  }
  return schedule(t, std::move(rows), money::from_minor(out.regular, c), d.str(), std::move(adjustments));
}

schedule::schedule(schedule_terms terms, std::vector<schedule_row> rows, money regular_payment,
                   std::string payment_derivation, std::vector<schedule_adjustment> adjustments)
    : terms_(std::move(terms)),
      rows_(std::move(rows)),
      regular_payment_(regular_payment),
      payment_derivation_(std::move(payment_derivation)),
      adjustments_(std::move(adjustments)) {}

std::int64_t schedule::instalments() const noexcept {
  return rows_.empty() ? 0 : rows_.back().number;
}

namespace {
template <class F>
money total_of(const std::vector<schedule_row>& rows, currency c, F field) {
  money sum = money::zero(c);
  for (const auto& r : rows) sum = sum + field(r);
  return sum;
}
}  // namespace

money schedule::total_payment() const {
  return total_of(rows_, terms_.principal.currency(), [](const schedule_row& r) { return r.payment; });
}
money schedule::total_interest() const {
  return total_of(rows_, terms_.principal.currency(), [](const schedule_row& r) { return r.interest; });
}
money schedule::total_principal() const {
  return total_of(rows_, terms_.principal.currency(), [](const schedule_row& r) { return r.principal; });
}
money schedule::total_fees() const {
  return total_of(rows_, terms_.principal.currency(), [](const schedule_row& r) { return r.fees; });
}
civil_date schedule::final_due_date() const { return rows_.back().due_date; }

std::string schedule::explain() const {
  const auto& t = terms_;
  std::ostringstream o;
  o << "Schedule: " << to_string(t.shape) << " of " << t.principal.to_string() << " at " << t.rate.fraction().to_string()
    << " a year (nominal), " << instalments() << " " << t.freq.name() << " instalments";
  if (!rows_.empty()) o << " from " << rows_.front().due_date.to_string() << " to " << final_due_date().to_string();
  o << ".\n";
  o << "Interest: ";
  if (t.interest == interest_method::periodic) {
    o << "periodic (annual rate / periods a year, exact)";
  } else {
    o << "daily on the actual dates of each period, day count " << to_string(t.day_count);
  }
  o << "; each period's interest rounded " << to_string(t.interest_rounding) << " to the minor unit.\n";
  o << "Payment: " << payment_derivation_ << "; regular instalment " << regular_payment_.to_string() << ".\n";
  if (t.down_payment) o << "Down payment " << t.down_payment->to_string() << " at the start.\n";
  if (t.payment_holiday_periods > 0) {
    o << "Payment holiday: " << t.payment_holiday_periods << " instalments with no payment, interest capitalised.\n";
  }
  if (t.interest_only_periods > 0) o << "Grace on principal: " << t.interest_only_periods << " interest-only instalments.\n";
  if (t.business_days) {
    o << "Due dates adjusted to " << t.business_days->id() << " business days (" << to_string(t.adjustment) << ").\n";
  }
  for (const auto& a : adjustments_) {
    o << "Adjustment on instalment " << a.row << " (" << a.kind << "): " << a.amount.to_string() << " — " << a.reason
      << ".\n";
  }
  o << "Totals: paid " << total_payment().to_string() << " = interest " << total_interest().to_string() << " + principal "
    << total_principal().to_string() << " + fees " << total_fees().to_string() << ".\n";
  return o.str();
}

}  // namespace recoup
