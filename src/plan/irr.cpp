// IRR, XNPV and XIRR on the shared root solver of detail/high_precision.hpp.
// GCC 12 reports a false "maybe uninitialized" in cpp_int's limb union when it inlines moved-from
// unbounded integers (detail/high_precision.hpp); the pragma must precede the first Boost include.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include "recoup/plan/irr.hpp"

#include <string>
#include <vector>

#include "recoup/core/error.hpp"
#include "recoup/plan/detail/high_precision.hpp"

namespace recoup {

namespace {

using detail::hp_real;

void require_values(std::span<const decimal> values, const char* what) {
  if (values.empty()) throw invalid_input_error("irr.no_values", std::string(what) + " needs at least one cash flow");
}

std::vector<detail::root> periodic_roots(std::span<const decimal> values) {
  require_values(values, "irr");
  std::vector<detail::timed_flow> flows;
  for (std::size_t t = 0; t < values.size(); ++t)
    flows.push_back({detail::to_hp(values[t]), static_cast<std::int64_t>(t)});
  return detail::solve_timed_flows(flows, 1, "irr");
}

std::vector<detail::timed_flow> dated_flows(std::span<const dated_value> flows, const char* what) {
  if (flows.empty()) throw invalid_input_error("irr.no_values", std::string(what) + " needs at least one dated cash flow");
  std::vector<detail::timed_flow> out;
  const civil_date start = flows.front().date;
  for (std::size_t i = 0; i < flows.size(); ++i) {
    if (flows[i].date < start)
      throw invalid_input_error("irr.date_before_start",
                                std::string(what) + ": flow " + std::to_string(i) + " on " + flows[i].date.to_string() +
                                    " is before the first flow's date " + start.to_string() +
                                    " (t = 0); put the earliest flow first");
    out.push_back({detail::to_hp(flows[i].value), days_between(start, flows[i].date)});
  }
  return out;
}

[[noreturn]] void no_root(const char* what, std::span<const decimal> values) {
  bool pos = false, neg = false;
  for (const auto& v : values) {
    pos = pos || v.signum() > 0;
    neg = neg || v.signum() < 0;
  }
  throw no_convergence_error("irr.no_sign_change",
                             std::string(what) + ": the NPV does not change sign for any rate scanned in " + std::string(detail::rate_grid_text) +
                                 ((pos && neg) ? std::string(", each sign change refined by bracketed Newton/bisection")
                                               : std::string(": the cash flows need at least one positive and one negative value")));
}

decimal round_rate(const hp_real& x, const char* what) {
  return detail::round_to_digits(x, 28, rounding_mode::half_even, what);
}

}  // namespace

decimal irr(std::span<const decimal> values) {
  const auto roots = periodic_roots(values);
  if (roots.empty()) no_root("irr", values);
  return round_rate(detail::nearest_zero(roots).x, "irr");
}

std::vector<decimal> irr_all(std::span<const decimal> values) {
  std::vector<decimal> out;
  for (const auto& r : periodic_roots(values)) out.push_back(round_rate(r.x, "irr"));
  return out;
}

decimal xnpv(const decimal& rate, std::span<const dated_value> flows) {
  if (rate <= decimal(-1))
    throw invalid_input_error("irr.rate_domain", "xnpv: rate " + rate.to_string() + " must be greater than -1");
  const auto timed = dated_flows(flows, "xnpv");
  // (1 + r)^(-d/365) = b^(-d) with b = (1 + r)^(1/365): one logarithm, then integer powers.
  const hp_real b = boost::multiprecision::exp(boost::multiprecision::log1p(detail::to_hp(rate)) / 365);
  hp_real sum = 0;
  for (const auto& f : timed) sum += f.amount / detail::ipow(b, f.time);
  return round_rate(sum, "xnpv");
}

std::vector<decimal> xirr_all(std::span<const dated_value> flows) {
  const auto timed = dated_flows(flows, "xirr");
  std::vector<decimal> out;
  for (const auto& r : detail::solve_timed_flows(timed, 365, "xirr")) out.push_back(round_rate(r.x, "xirr"));
  return out;
}

decimal xirr(std::span<const dated_value> flows) {
  const auto timed = dated_flows(flows, "xirr");
  const auto roots = detail::solve_timed_flows(timed, 365, "xirr");
  if (roots.empty()) {
    std::vector<decimal> values;
    for (const auto& f : flows) values.push_back(f.value);
    no_root("xirr", values);
  }
  return round_rate(detail::nearest_zero(roots).x, "xirr");
}

}  // namespace recoup
