// Wage garnishment limits: the federal CCPA figure, the state figure, and which binds.
//
// One kernel for the scalar and the batch form: a plan resolves every rule of one jurisdiction
// (figures, protected floors, which caps apply) once; apply() turns one row's earnings into the
// federal, state and binding amounts in integer cents. The scalar form then writes the steps.
#include "recoup/rules/garnishment.hpp"

#include <algorithm>
#include <array>
#include <exception>
#include <string>
#include <utility>
#include <vector>

namespace recoup::rules {

namespace {

using detail::int128;

const currency& usd() {
  static const currency c("USD");
  return c;
}

/// The number of workweeks in a pay period as num/den (29 CFR 870.10(c): a month is 4 1/3 weeks).
std::pair<std::int64_t, std::int64_t> weeks_in(pay_period p) {
  switch (p) {
    case pay_period::weekly: return {1, 1};
    case pay_period::biweekly: return {2, 1};
    case pay_period::semimonthly: return {13, 6};
    case pay_period::monthly: return {13, 3};
  }
  return {1, 1};
}

/// A weekly amount in cents for the pay period: x 2, 13/6 or 13/3 weeks, rounded up to the cent
/// (protected amounts are rounded in the debtor's favour).
std::int64_t weekly_to_period(std::int64_t weekly_cents, pay_period p) {
  const auto [num, den] = weeks_in(p);
  return static_cast<std::int64_t>(
      detail::round_quotient<int128>(static_cast<int128>(weekly_cents) * num, den, rounding_mode::ceiling));
}

/// minor x fraction, rounded down (toward zero) to the cent.
std::int64_t share(std::int64_t minor, const decimal& fraction) {
  const int128 p = static_cast<int128>(minor) * fraction.coefficient();
  return static_cast<std::int64_t>(detail::round_quotient<int128>(p, detail::pow10(fraction.scale()), rounding_mode::down));
}

/// A percent figure as a fraction: "25" -> 0.25.
decimal fraction_of(const decimal& percent) { return percent * decimal::from_parts(1, 2); }

std::string usd_text(std::int64_t minor) { return money::from_minor(minor, usd()).to_string(); }

std::string state_name(std::string_view code) {
  static const std::array<std::pair<std::string_view, std::string_view>, 51> names{{
      {"US-AL", "Alabama"},        {"US-AK", "Alaska"},         {"US-AZ", "Arizona"},       {"US-AR", "Arkansas"},
      {"US-CA", "California"},     {"US-CO", "Colorado"},       {"US-CT", "Connecticut"},   {"US-DE", "Delaware"},
      {"US-DC", "the District of Columbia"}, {"US-FL", "Florida"}, {"US-GA", "Georgia"},    {"US-HI", "Hawaii"},
      {"US-ID", "Idaho"},          {"US-IL", "Illinois"},       {"US-IN", "Indiana"},       {"US-IA", "Iowa"},
      {"US-KS", "Kansas"},         {"US-KY", "Kentucky"},       {"US-LA", "Louisiana"},     {"US-ME", "Maine"},
      {"US-MD", "Maryland"},       {"US-MA", "Massachusetts"},  {"US-MI", "Michigan"},      {"US-MN", "Minnesota"},
      {"US-MS", "Mississippi"},    {"US-MO", "Missouri"},       {"US-MT", "Montana"},       {"US-NE", "Nebraska"},
      {"US-NV", "Nevada"},         {"US-NH", "New Hampshire"},  {"US-NJ", "New Jersey"},    {"US-NM", "New Mexico"},
      {"US-NY", "New York"},       {"US-NC", "North Carolina"}, {"US-ND", "North Dakota"},  {"US-OH", "Ohio"},
      {"US-OK", "Oklahoma"},       {"US-OR", "Oregon"},         {"US-PA", "Pennsylvania"},  {"US-RI", "Rhode Island"},
      {"US-SC", "South Carolina"}, {"US-SD", "South Dakota"},   {"US-TN", "Tennessee"},     {"US-TX", "Texas"},
      {"US-UT", "Utah"},           {"US-VT", "Vermont"},        {"US-VA", "Virginia"},      {"US-WA", "Washington"},
      {"US-WV", "West Virginia"},  {"US-WI", "Wisconsin"},      {"US-WY", "Wyoming"},
  }};
  for (const auto& [c, n] : names)
    if (c == code) return std::string(n);
  return std::string(code);
}

enum class state_kind : std::uint8_t { none, exempt, federal, formula };

/// Everything one jurisdiction, pay period, date and set of options decide, resolved once.
struct plan {
  std::string jurisdiction;
  std::string state_label;  // "New York"
  pay_period period = pay_period::weekly;
  civil_date as_of;

  // federal
  const rule_entry* fed_percent_rule = nullptr;
  const rule_entry* fed_multiple_rule = nullptr;
  const rule_entry* fed_wage_rule = nullptr;
  decimal fed_percent;     // 25
  decimal fed_multiple;    // 30 (weekly) or the period's multiple
  std::int64_t fed_floor = 0;  // cents

  // state
  state_kind kind = state_kind::none;
  const rule_entry* state_rule = nullptr;
  std::string no_state_reason;  // why no state rule applies
  std::vector<const rule_entry*> state_wage_rules;
  std::optional<decimal> gross_percent, disposable_percent;
  decimal excess_percent = decimal(100);
  bool has_floor = false;
  bool floor_on_gross = false;
  decimal state_multiple;
  std::string wage_description;  // "the greater of the federal (7.25 USD) and state (15.00 USD) minimum wage"
  std::int64_t state_wage = 0;   // cents
  std::int64_t state_floor = 0;  // cents
  bool fixed_floor = false;      // the statute names the protected amount itself (floor_amount)
  // Florida head of family
  bool head_of_family = false;
  bool consent = false;
  std::optional<std::int64_t> hof_exempt;  // cents for the period
  bool consent_allows = false;

  [[nodiscard]] bool needs_gross() const {
    return kind == state_kind::formula && (gross_percent.has_value() || floor_on_gross);
  }
};

/// The multiple of a pay period: the rule's own parameter when set, else weekly x weeks (exact).
decimal period_multiple(const rule_entry& e, const decimal& weekly, std::string_view key_prefix, pay_period p) {
  if (p != pay_period::weekly) {
    const std::string key = std::string(key_prefix) + std::string(to_string(p));
    if (e.param(key) != nullptr) return e.param_number(key, decimal(0));
  }
  const auto [num, den] = weeks_in(p);
  return divide(weekly * decimal(num), decimal(den), 12, rounding_mode::half_even).normalized();
}

/// wage x multiple for the period, rounded up to the cent (in the debtor's favour). The multiple
/// for derived periods is weekly x num/den, computed exactly here rather than from the 12-place
/// decimal above.
std::int64_t floor_of(std::int64_t wage_minor, const rule_entry& e, const decimal& weekly, std::string_view key_prefix,
                      pay_period p) {
  if (p != pay_period::weekly) {
    const std::string key = std::string(key_prefix) + std::string(to_string(p));
    if (e.param(key) != nullptr) {
      const decimal m = e.param_number(key, decimal(0));
      return static_cast<std::int64_t>(detail::round_quotient<int128>(static_cast<int128>(wage_minor) * m.coefficient(),
                                                                        detail::pow10(m.scale()), rounding_mode::ceiling));
    }
  }
  const auto [num, den] = weeks_in(p);
  const int128 n = static_cast<int128>(wage_minor) * weekly.coefficient() * num;
  const int128 d = detail::pow10(weekly.scale()) * den;
  return static_cast<std::int64_t>(detail::round_quotient<int128>(n, d, rounding_mode::ceiling));
}

[[noreturn]] void bad_state_rule(const rule_entry& e, const std::string& what) {
  throw rule_pack_error("garnishment.state_rule", e.version() + " (" + e.origin + "): " + what);
}

void require_usd(const money& m, const char* what) {
  if (!(m.currency() == usd()))
    throw currency_mismatch_error("garnishment.currency", std::string(what) + " " + m.to_string() +
                                                              " is not in USD: US garnishment limits are in US dollars");
}

void check_jurisdiction(std::string_view j) {
  if (j == "US") return;
  if (is_jurisdiction_code(j) && parent_jurisdiction(j) == "US") return;
  throw unknown_jurisdiction_error("garnishment.jurisdiction",
                                   "'" + std::string(j) +
                                       "' is not a US jurisdiction: garnishment_limit takes \"US\" (the federal limit) "
                                       "or a state code such as \"US-NY\" (ISO 3166-2, upper case)");
}

plan make_plan(std::string_view jurisdiction, pay_period period, civil_date as_of, const garnishment_options& options,
               const rule_book& book) {
  check_jurisdiction(jurisdiction);
  plan p;
  p.jurisdiction = std::string(jurisdiction);
  p.state_label = state_name(jurisdiction);
  p.period = period;
  p.as_of = as_of;

  // Federal: 25% / 30 x the federal minimum wage (per period).
  p.fed_percent_rule = &book.at("US", "garnishment.disposable_percent", as_of);
  p.fed_multiple_rule = &book.at("US", "garnishment.floor_multiple", as_of);
  const std::string wage_id = p.fed_multiple_rule->param_text("wage", "wage.minimum_hourly");
  p.fed_wage_rule = &book.at("US", wage_id, as_of);
  p.fed_percent = p.fed_percent_rule->number();
  const decimal fed_weekly = p.fed_multiple_rule->number();
  // The federal rule names its multiples "biweekly", "semimonthly", "monthly".
  p.fed_multiple = period_multiple(*p.fed_multiple_rule, fed_weekly, "", period);
  const money fed_wage = p.fed_wage_rule->amount();
  require_usd(fed_wage, "the federal minimum wage in the rule book");
  p.fed_floor = floor_of(fed_wage.minor_units(), *p.fed_multiple_rule, fed_weekly, "", period);

  if (jurisdiction == "US") return p;

  p.state_rule = book.find(jurisdiction, "garnishment.state_limit", as_of);
  if (p.state_rule == nullptr) {
    const auto versions = book.versions(jurisdiction, "garnishment.state_limit");
    if (versions.empty())
      p.no_state_reason = "The rule book has no garnishment limit for " + p.state_label + " (" + p.jurisdiction +
                          "): the federal limit alone is applied. Check state law before relying on it.";
    else
      p.no_state_reason = "The rule book's garnishment limit for " + p.state_label + " is not in force on " +
                          as_of.to_string() + " (its versions start " + versions.front().effective_from.to_string() +
                          "): the federal limit alone is applied.";
    return p;
  }
  const rule_entry& e = *p.state_rule;
  const std::string& kind = e.text();
  if (kind == "exempt") {
    p.kind = state_kind::exempt;
    return p;
  }
  if (kind == "federal") {
    p.kind = state_kind::federal;
    p.head_of_family = options.head_of_family;
    p.consent = options.written_consent;
    p.consent_allows = e.param_flag("consent_allows", false);
    if (e.param("head_of_family_exempt_weekly") != nullptr) {
      const money weekly(e.param_number("head_of_family_exempt_weekly", decimal(0)), usd());
      p.hof_exempt = weekly_to_period(weekly.minor_units(), period);
    }
    return p;
  }
  if (kind != "formula")
    bad_state_rule(e, "value '" + kind + "' is not one of exempt, federal, formula");
  p.kind = state_kind::formula;
  if (e.param("gross_percent") != nullptr) p.gross_percent = e.param_number("gross_percent", decimal(0));
  if (e.param("disposable_percent") != nullptr) p.disposable_percent = e.param_number("disposable_percent", decimal(0));
  p.excess_percent = e.param_number("excess_percent", decimal(100));
  const std::string base = e.param_text("floor_base", "disposable");
  if (base != "disposable" && base != "gross") bad_state_rule(e, "floor_base '" + base + "' is not disposable or gross");
  p.floor_on_gross = base == "gross";
  if (e.param("floor_amount") != nullptr) {
    // A fixed protected amount in the statute (Oregon: ORS 18.385(2)): the weekly figure, and the
    // statute's own figure for other pay periods where it gives one (floor_amount_biweekly, ...);
    // otherwise the weekly figure x 2, 13/6 or 13/3 weeks, rounded up to the cent.
    if (e.param("floor_multiple") != nullptr)
      bad_state_rule(e, "a formula has either floor_amount (a fixed sum) or floor_multiple (a multiple of a minimum "
                        "wage), not both");
    p.has_floor = true;
    p.fixed_floor = true;
    auto cents = [&](const std::string& key) {
      const money m(e.param_number(key, decimal(0)), usd());
      if (m.is_negative()) bad_state_rule(e, key + " is negative");
      return m.minor_units();
    };
    const std::string key = "floor_amount_" + std::string(to_string(period));
    p.state_floor = period != pay_period::weekly && e.param(key) != nullptr
                        ? cents(key)
                        : weekly_to_period(cents("floor_amount"), period);
  } else if (e.param("floor_multiple") != nullptr) {
    p.has_floor = true;
    const decimal weekly = e.param_number("floor_multiple", decimal(0));
    p.state_multiple = period_multiple(e, weekly, "floor_multiple_", period);
    const std::string basis = e.param_text("wage_basis", "greater_of_federal_state");
    const bool use_fed = basis == "federal" || basis == "greater_of_federal_state" || basis == "greater_of_federal_state_local";
    const bool use_state = basis != "federal";
    const bool use_local = basis == "greater_of_state_local" || basis == "greater_of_federal_state_local";
    if (!use_fed && basis != "state" && basis != "greater_of_state_local")
      bad_state_rule(e, "wage_basis '" + basis +
                            "' is not one of federal, state, greater_of_federal_state, greater_of_state_local, "
                            "greater_of_federal_state_local");
    std::int64_t wage = 0;
    std::vector<std::string> parts;
    if (use_fed) {
      wage = fed_wage.minor_units();
      parts.push_back("federal " + fed_wage.to_string());
    }
    if (use_state) {
      const std::string sid = options.wage_region.empty() ? "wage.minimum_hourly" : "wage.minimum_hourly_" + options.wage_region;
      const rule_entry& sw = book.at(jurisdiction, sid, as_of);
      p.state_wage_rules.push_back(&sw);
      const money w = sw.amount();
      require_usd(w, "the state minimum wage in the rule book");
      wage = std::max(wage, w.minor_units());
      parts.push_back(std::string(options.wage_region.empty() ? "state " : "state (" + options.wage_region + ") ") +
                      w.to_string());
    }
    if (use_local && options.local_minimum_hourly) {
      require_usd(*options.local_minimum_hourly, "the local minimum wage");
      if (options.local_minimum_hourly->is_negative())
        throw invalid_input_error("garnishment.local_wage", "the local minimum wage " +
                                                                options.local_minimum_hourly->to_string() + " is negative");
      wage = std::max(wage, options.local_minimum_hourly->minor_units());
      parts.push_back("local " + options.local_minimum_hourly->to_string());
    }
    p.state_wage = wage;
    if (parts.size() == 1) {
      p.wage_description = "the " + parts.front() + " minimum hourly wage";
    } else {
      std::string s = "the greater of the ";
      for (std::size_t i = 0; i < parts.size(); ++i) s += (i ? (i + 1 == parts.size() ? " and " : ", ") : "") + parts[i];
      p.wage_description = s + " minimum hourly wages (" + usd_text(wage) + ")";
    }
    p.state_floor = floor_of(wage, e, weekly, "floor_multiple_", period);
  }
  if (!p.gross_percent && !p.disposable_percent && !p.has_floor)
    bad_state_rule(e, "a formula needs at least one of gross_percent, disposable_percent, floor_multiple, floor_amount");
  return p;
}

/// One row's figures, in cents. state is -1 when no state figure applies.
struct row_figures {
  std::int64_t fed_share = 0;   // 25% of disposable
  std::int64_t fed_excess = 0;  // disposable - floor (may be negative)
  std::int64_t fed = 0;
  std::int64_t gross_cap = -1, disposable_cap = -1, excess_cap = -1, base_excess = 0;
  std::int64_t state = -1;
  std::int64_t amount = 0;
};

row_figures apply(const plan& p, std::int64_t disposable, std::optional<std::int64_t> gross) {
  if (disposable < 0)
    throw invalid_input_error("garnishment.negative_earnings",
                              "disposable earnings " + usd_text(disposable) + " are negative");
  if (gross) {
    if (*gross < 0)
      throw invalid_input_error("garnishment.negative_earnings", "gross earnings " + usd_text(*gross) + " are negative");
    if (*gross < disposable)
      throw invalid_input_error("garnishment.gross_below_disposable",
                                "gross earnings " + usd_text(*gross) + " are less than disposable earnings " +
                                    usd_text(disposable) + ": disposable earnings are what is left of gross earnings "
                                                           "after the deductions required by law");
  }
  row_figures r;
  r.fed_share = share(disposable, fraction_of(p.fed_percent));
  r.fed_excess = disposable - p.fed_floor;
  r.fed = std::max<std::int64_t>(0, std::min(r.fed_share, r.fed_excess));
  switch (p.kind) {
    case state_kind::none: break;
    case state_kind::exempt: r.state = 0; break;
    case state_kind::federal:
      if (p.head_of_family && p.hof_exempt) {
        // s222.11(2): all of a head of family's disposable earnings up to the weekly amount are
        // exempt; above it they may be garnished (within the CCPA limit) only with written consent.
        r.state = (p.consent && p.consent_allows && disposable > *p.hof_exempt) ? r.fed : 0;
      }
      break;
    case state_kind::formula: {
      if (p.needs_gross() && !gross)
        throw invalid_input_error("garnishment.gross_required",
                                  p.state_label + "'s garnishment limit (" + p.state_rule->citation +
                                      ") is computed on gross earnings: pass gross_earnings as well as disposable earnings");
      std::int64_t s = INT64_MAX;
      if (p.gross_percent) {
        r.gross_cap = share(*gross, fraction_of(*p.gross_percent));
        s = std::min(s, r.gross_cap);
      }
      if (p.disposable_percent) {
        r.disposable_cap = share(disposable, fraction_of(*p.disposable_percent));
        s = std::min(s, r.disposable_cap);
      }
      if (p.has_floor) {
        const std::int64_t base = p.floor_on_gross ? *gross : disposable;
        r.base_excess = base - p.state_floor;
        r.excess_cap = r.base_excess > 0 ? share(r.base_excess, fraction_of(p.excess_percent)) : 0;
        s = std::min(s, r.excess_cap);
      }
      r.state = std::max<std::int64_t>(0, s);
      break;
    }
  }
  r.amount = r.state < 0 ? r.fed : std::min(r.fed, r.state);
  return r;
}

std::string pct_text(const decimal& d) { return d.normalized().to_string() + "%"; }
std::string mult_text(const decimal& d) {
  const decimal n = d.normalized();
  if (n.is_integer()) return n.to_string();
  return n.rescale(2, rounding_mode::half_even).to_string();
}

void describe(garnishment_verdict& v, const plan& p, const row_figures& r, std::int64_t disposable,
              std::optional<std::int64_t> gross) {
  const std::string period(to_string(p.period));
  v.step("Pay period: " + period + "; disposable earnings " + usd_text(disposable) +
         (gross ? "; gross earnings " + usd_text(*gross) : std::string()) + "; earnings payable on " +
         p.as_of.to_string() + ".");
  v.step("Federal limit (CCPA Title III): " + pct_text(p.fed_percent) + " of disposable earnings is " +
         usd_text(r.fed_share) + "; the protected floor is " + mult_text(p.fed_multiple) + " x the federal minimum wage " +
         p.fed_wage_rule->amount().to_string() + " = " + usd_text(p.fed_floor) + (r.fed_excess > 0 ? ", exceeded by " + usd_text(r.fed_excess) : ", not exceeded") +
         "; the federal figure is the lesser, " + usd_text(r.fed) + ".");
  switch (p.kind) {
    case state_kind::none:
      if (!p.no_state_reason.empty()) v.step(p.no_state_reason);
      break;
    case state_kind::exempt:
      v.step(p.state_label + ": wages are exempt from garnishment for an ordinary consumer debt (" +
             p.state_rule->citation + "); the state figure is 0.00 USD.");
      break;
    case state_kind::federal:
      if (!p.head_of_family || !p.hof_exempt)
        v.step(p.state_label + ": no head-of-family exemption claimed; the federal limit applies (" + p.state_rule->citation + ").");
      else if (p.consent && p.consent_allows)
        v.step(p.state_label + ": head of family who agreed in writing: earnings above " + usd_text(*p.hof_exempt) +
               " for the period may be garnished within the federal limit, earnings up to it are exempt; the state figure is " +
               usd_text(r.state) + " (" + p.state_rule->citation + ").");
      else
        v.step(p.state_label + ": the earnings of a head of family are exempt (up to " + usd_text(*p.hof_exempt) +
               " for the period, and above it without written consent); the state figure is 0.00 USD (" +
               p.state_rule->citation + ").");
      break;
    case state_kind::formula: {
      std::string s = p.state_label + " (" + p.state_rule->citation + "): ";
      std::vector<std::string> parts;
      if (p.gross_percent) parts.push_back(pct_text(*p.gross_percent) + " of gross earnings is " + usd_text(r.gross_cap));
      if (p.disposable_percent)
        parts.push_back(pct_text(*p.disposable_percent) + " of disposable earnings is " + usd_text(r.disposable_cap));
      if (p.has_floor) {
        std::string f = (p.fixed_floor ? "the protected floor is the fixed amount " + usd_text(p.state_floor) +
                                             " for the pay period"
                                       : "the protected floor is " + mult_text(p.state_multiple) + " x " +
                                             p.wage_description + " = " + usd_text(p.state_floor)) +
                        ", and " + (p.floor_on_gross ? "gross" : "disposable") + " earnings ";
        if (r.base_excess > 0) {
          f += "exceed it by " + usd_text(r.base_excess);
          if (p.excess_percent != decimal(100)) f += ", of which " + pct_text(p.excess_percent) + " is " + usd_text(r.excess_cap);
        } else {
          f += "do not exceed it, so nothing may be taken";
        }
        parts.push_back(f);
      }
      for (std::size_t i = 0; i < parts.size(); ++i) s += (i ? "; " : "") + parts[i];
      s += "; the state figure is the least, " + usd_text(r.state) + ".";
      v.step(s);
      break;
    }
  }
  if (r.state >= 0) {
    if (r.state < r.fed) v.step("The state limit protects more: " + usd_text(r.amount) + " may be garnished.");
    else if (r.state > r.fed) v.step("The federal limit protects more: " + usd_text(r.amount) + " may be garnished.");
    else v.step("The federal and state limits agree: " + usd_text(r.amount) + " may be garnished.");
  } else {
    v.step("Maximum garnishable: " + usd_text(r.amount) + ".");
  }
  v.step("Each figure is rounded down to the cent (rounding mode down), in the debtor's favour; protected floors are "
         "rounded up to the cent. The limit covers all ordinary garnishments of the pay period together.");
}

}  // namespace

std::string_view to_string(pay_period p) noexcept {
  switch (p) {
    case pay_period::weekly: return "weekly";
    case pay_period::biweekly: return "biweekly";
    case pay_period::semimonthly: return "semimonthly";
    case pay_period::monthly: return "monthly";
  }
  return "weekly";
}

pay_period parse_pay_period(std::string_view name) {
  if (name == "weekly") return pay_period::weekly;
  if (name == "biweekly" || name == "bi-weekly" || name == "fortnightly") return pay_period::biweekly;
  if (name == "semimonthly" || name == "semi-monthly") return pay_period::semimonthly;
  if (name == "monthly") return pay_period::monthly;
  throw invalid_input_error("garnishment.pay_period", "'" + std::string(name) +
                                                          "' is not a pay period: use weekly, biweekly, semimonthly or monthly");
}

garnishment_verdict garnishment_limit(std::string_view jurisdiction, const money& disposable_earnings, pay_period period,
                                      civil_date as_of, const std::optional<money>& gross_earnings,
                                      const garnishment_options& options, const rule_book& book) {
  require_usd(disposable_earnings, "disposable earnings");
  if (gross_earnings) require_usd(*gross_earnings, "gross earnings");
  const plan p = make_plan(jurisdiction, period, as_of, options, book);
  std::optional<std::int64_t> gross;
  if (gross_earnings) gross = gross_earnings->minor_units();
  const row_figures r = apply(p, disposable_earnings.minor_units(), gross);

  garnishment_verdict v;
  v.amount = money::from_minor(r.amount, usd());
  v.federal_amount = money::from_minor(r.fed, usd());
  if (r.state >= 0) v.state_amount = money::from_minor(r.state, usd());
  v.binding = r.state < 0 || r.state > r.fed ? "federal" : (r.state < r.fed ? "state" : "both");
  v.jurisdiction = p.jurisdiction;
  v.period = period;
  v.disposable_earnings = disposable_earnings;
  v.gross_earnings = gross_earnings;
  v.federal_floor = money::from_minor(p.fed_floor, usd());
  if (p.kind == state_kind::formula && p.has_floor) v.state_floor = money::from_minor(p.state_floor, usd());
  v.rounding = rounding_mode::down;

  // The main rule first: the one that set the amount.
  const bool state_main = r.state >= 0 && r.state <= r.fed && p.state_rule != nullptr;
  const rule_entry* fed_main = r.fed_share <= r.fed_excess ? p.fed_percent_rule : p.fed_multiple_rule;
  if (state_main) v.use(*p.state_rule);
  v.use(*fed_main);
  v.use(*p.fed_percent_rule);
  v.use(*p.fed_multiple_rule);
  v.use(*p.fed_wage_rule);
  if (p.state_rule != nullptr) v.use(*p.state_rule);
  for (const auto* w : p.state_wage_rules) v.use(*w);
  describe(v, p, r, disposable_earnings.minor_units(), gross);
  return v;
}

void garnishment_limits(const garnishment_columns& columns, std::string_view default_jurisdiction, pay_period period,
                        civil_date as_of, std::span<std::int64_t> out, row_errors* errors,
                        const garnishment_options& options, const rule_book& book, std::span<std::int64_t> federal_out,
                        std::span<std::int64_t> state_out) {
  const std::size_t n = columns.disposable_minor.size();
  auto check_len = [&](std::size_t len, const char* what) {
    if (len != n)
      throw invalid_input_error("garnishment.batch_shape", std::string(what) + " has " + std::to_string(len) +
                                                               " rows; disposable earnings have " + std::to_string(n));
  };
  check_len(out.size(), "the output");
  if (!columns.jurisdictions.empty()) check_len(columns.jurisdictions.size(), "the jurisdiction column");
  if (!columns.gross_minor.empty()) check_len(columns.gross_minor.size(), "the gross earnings column");
  if (!federal_out.empty()) check_len(federal_out.size(), "the federal output");
  if (!state_out.empty()) check_len(state_out.size(), "the state output");

  // One plan per distinct jurisdiction (a portfolio has few); a jurisdiction that fails keeps its
  // error and every row of it reports it.
  struct cached {
    std::string jurisdiction;
    std::optional<plan> p;
    std::exception_ptr failure;
  };
  std::vector<cached> cache;
  auto plan_for = [&](std::string_view j) -> const plan& {
    for (const auto& c : cache)
      if (c.jurisdiction == j) {
        if (c.failure) std::rethrow_exception(c.failure);
        return *c.p;
      }
    cached c{std::string(j), std::nullopt, nullptr};
    try {
      c.p = make_plan(j, period, as_of, options, book);
    } catch (const error&) {
      c.failure = std::current_exception();
    }
    cache.push_back(std::move(c));
    if (cache.back().failure) std::rethrow_exception(cache.back().failure);
    return *cache.back().p;
  };

  detail::for_each_row(n, errors, [&](std::size_t i) {
    out[i] = 0;
    if (!federal_out.empty()) federal_out[i] = 0;
    if (!state_out.empty()) state_out[i] = -1;
    const std::string_view j = columns.jurisdictions.empty() ? default_jurisdiction : std::string_view(columns.jurisdictions[i]);
    const plan& p = plan_for(j);
    std::optional<std::int64_t> gross;
    if (!columns.gross_minor.empty() && columns.gross_minor[i] != no_gross) gross = columns.gross_minor[i];
    const row_figures r = apply(p, columns.disposable_minor[i], gross);
    out[i] = r.amount;
    if (!federal_out.empty()) federal_out[i] = r.fed;
    if (!state_out.empty()) state_out[i] = r.state;
  });
}

}  // namespace recoup::rules
