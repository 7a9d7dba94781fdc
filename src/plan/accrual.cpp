// accrue() and late_fee(): exact daily simple interest with rate changes, freezes and ceilings.
#include "recoup/plan/accrual.hpp"

#include <algorithm>
#include <set>
#include <sstream>

#include <boost/multiprecision/cpp_int.hpp>

#include "recoup/core/error.hpp"

namespace recoup {

namespace {

using rational = boost::multiprecision::cpp_rational;
using big = boost::multiprecision::cpp_int;

rational to_rational(const decimal& d) {
  return rational(detail::widen<big>(d.coefficient()), detail::widen<big>(detail::pow10(d.scale())));
}

/// A rational rounded to an integer with `mode`.
big round_rational(const rational& x, rounding_mode mode) {
  const big num = boost::multiprecision::numerator(x);
  const big den = boost::multiprecision::denominator(x);  // > 0
  const bool negative = num.sign() < 0;
  const big mag = negative ? big(-num) : num;
  big q;
  big rem;
  boost::multiprecision::divide_qr(mag, den, q, rem);
  if (rem.sign() != 0) {
    const big twice = rem * 2;
    // For a negative value, ceiling rounds toward zero and floor away from it.
    rounding_mode m = mode;
    if (negative && mode == rounding_mode::ceiling) m = rounding_mode::down;
    if (negative && mode == rounding_mode::floor) m = rounding_mode::up;
    if (!negative && mode == rounding_mode::ceiling) m = rounding_mode::up;
    if (!negative && mode == rounding_mode::floor) m = rounding_mode::down;
    if (detail::rounds_up_non_negative(m, twice.compare(den), bit_test(q, 0))) ++q;
  }
  return negative ? big(-q) : q;
}

/// The exact rational as a decimal for display: exact when it terminates within 18 places.
decimal display(const rational& units) {
  const rational scaled = units * rational(big(1000000000000000000ULL));
  const big r = round_rational(scaled, rounding_mode::half_even);
  return decimal::parse(r.str() + "e-18");
}

void check_currency(const money& m, currency c, const char* what) {
  if (m.currency() != c) {
    throw currency_mismatch_error("accrual.currency", std::string(what) + " " + m.to_string() +
                                                          " is not in the principal's currency " + std::string(c.code()));
  }
}

}  // namespace

accrual_result accrue(const money& principal, civil_date from, civil_date to, const accrual_terms& terms,
                      const std::vector<principal_change>& changes) {
  const currency c = principal.currency();
  if (to < from) {
    throw invalid_input_error("accrual.dates", "accrual ends " + to.to_string() + " before it starts " + from.to_string());
  }
  if (principal.minor_units() < 0) {
    throw invalid_input_error("accrual.balance", "principal " + principal.to_string() + " is negative");
  }
  if (terms.rates.empty() || terms.rates.front().effective > from) {
    throw invalid_input_error("accrual.rates", "no rate is in force on " + from.to_string() +
                                                   ": give a rate effective on or before the start");
  }
  for (std::size_t i = 0; i < terms.rates.size(); ++i) {
    if (terms.rates[i].annual_rate.is_negative()) {
      throw invalid_input_error("accrual.rates", "rate " + terms.rates[i].annual_rate.to_string() + " effective " +
                                                     terms.rates[i].effective.to_string() + " is negative");
    }
    if (i > 0 && terms.rates[i].effective <= terms.rates[i - 1].effective) {
      throw invalid_input_error("accrual.rates", "rates must be in order of effective date, each date once (" +
                                                     terms.rates[i].effective.to_string() + ")");
    }
  }
  for (const auto& f : terms.freezes) {
    if (f.until < f.from) {
      throw invalid_input_error("accrual.freeze", "freeze '" + f.reason + "' ends " + f.until.to_string() +
                                                      " before it starts " + f.from.to_string());
    }
  }
  for (const auto& ce : terms.ceilings) {
    if (ce.until < ce.from || ce.max_rate.is_negative()) {
      throw invalid_input_error("accrual.freeze", "rate ceiling '" + ce.reason + "' must end after it starts and "
                                                      "have a non-negative maximum");
    }
  }
  for (const auto& ch : changes) {
    check_currency(ch.delta, c, "principal change");
    if (ch.date < from || ch.date > to) {
      throw invalid_input_error("accrual.dates", "principal change on " + ch.date.to_string() +
                                                     " is outside the accrual period " + from.to_string() + " .. " +
                                                     to.to_string());
    }
  }

  // Every date where something changes cuts the period.
  std::set<civil_date> cuts{from, to};
  auto cut = [&](civil_date d) {
    if (d > from && d < to) cuts.insert(d);
  };
  for (const auto& r : terms.rates) cut(r.effective);
  for (const auto& f : terms.freezes) {
    cut(f.from);
    cut(f.until);
  }
  for (const auto& ce : terms.ceilings) {
    cut(ce.from);
    cut(ce.until);
  }
  for (const auto& ch : changes) cut(ch.date);

  accrual_result out{money::zero(c), "0", {}, terms.posting_rounding};
  rational total = 0;
  std::int64_t balance = principal.minor_units();
  for (auto it = cuts.begin(); std::next(it) != cuts.end(); ++it) {
    const civil_date a = *it;
    const civil_date b = *std::next(it);
    for (const auto& ch : changes) {
      if (ch.date == a) balance += ch.delta.minor_units();
    }
    if (balance < 0) {
      throw invalid_input_error("accrual.balance", "the principal goes negative on " + a.to_string());
    }
    decimal rate = terms.rates.front().annual_rate;
    for (const auto& r : terms.rates) {
      if (r.effective <= a) rate = r.annual_rate;
    }
    std::string note;
    for (const auto& ce : terms.ceilings) {
      if (ce.from <= a && a < ce.until && ce.max_rate < rate) {
        rate = ce.max_rate;
        note = "ceiling: " + ce.reason;
      }
    }
    for (const auto& f : terms.freezes) {
      if (f.from <= a && a < f.until) {
        rate = decimal(0);
        note = "frozen: " + f.reason;
      }
    }
    const day_count_fraction yf = year_fraction(terms.day_count, a, b);
    // In minor units; converted to currency units for display.
    const rational seg = rational(big(balance)) * to_rational(rate) * rational(big(yf.numerator), big(yf.denominator));
    const int places = c.minor_units() < 0 ? 0 : c.minor_units();
    const rational units = seg / rational(detail::widen<big>(detail::pow10(places)));
    total += seg;
    out.segments.push_back({a, b, money::from_minor(balance, c), rate, yf, display(units), note});
  }
  const big posted = round_rational(total, terms.posting_rounding);
  if (posted > big(INT64_MAX)) throw overflow_error("accrual.overflow", "accrued interest exceeds 64-bit minor units");
  out.interest = money::from_minor(static_cast<std::int64_t>(posted), c);
  const int places = c.minor_units() < 0 ? 0 : c.minor_units();
  const rational units = total / rational(detail::widen<big>(detail::pow10(places)));
  out.exact = boost::multiprecision::numerator(units).str() + "/" + boost::multiprecision::denominator(units).str();
  return out;
}

std::string accrual_result::explain() const {
  std::ostringstream o;
  for (const auto& s : segments) {
    o << s.from.to_string() << " .. " << s.to.to_string() << ": " << s.balance.to_string() << " x "
      << s.rate.to_string() << " x " << s.year_fraction.numerator << "/" << s.year_fraction.denominator << " = "
      << s.interest.to_string();
    if (!s.note.empty()) o << " (" << s.note << ")";
    o << "\n";
  }
  o << "Exact total " << exact << ", posted " << interest.to_string() << " (rounded " << to_string(rounding)
    << " once, at posting).\n";
  return o.str();
}

money late_fee(const money& instalment, std::int64_t days_late, const late_fee_rule& rule, civil_date charged_on,
               const std::vector<accrual_freeze>& freezes) {
  const currency c = instalment.currency();
  if (!rule.flat && !rule.percent_of_instalment) {
    throw invalid_input_error("late_fee.rule", "a late-fee rule needs a flat amount, a percentage, or both");
  }
  if (rule.flat) check_currency(*rule.flat, c, "flat fee");
  if (rule.cap) check_currency(*rule.cap, c, "fee cap");
  if ((rule.flat && rule.flat->minor_units() < 0) || (rule.percent_of_instalment && rule.percent_of_instalment->is_negative()) ||
      (rule.cap && rule.cap->minor_units() < 0) || rule.grace_days < 0) {
    throw invalid_input_error("late_fee.rule", "late-fee amounts, percentage, cap and grace days must not be negative");
  }
  if (days_late <= rule.grace_days) return money::zero(c);
  for (const auto& f : freezes) {
    if (f.fees && f.from <= charged_on && charged_on < f.until) return money::zero(c);
  }
  money fee = rule.flat ? *rule.flat : money::zero(c);
  if (rule.percent_of_instalment) fee = fee + instalment.multiply(*rule.percent_of_instalment, rule.rounding);
  if (rule.cap && fee > *rule.cap) fee = *rule.cap;
  return fee;
}

}  // namespace recoup
