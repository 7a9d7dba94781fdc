// Strategy policies from TOML (recoup/decide/strategy_policy.hpp; schema data/policies/README.md).
#include "recoup/decide/strategy_policy.hpp"

#include <array>
#include <fstream>
#include <sstream>
#include <string>

#include "../detail/toml_reader.hpp"
#include "../rules/notice_support.hpp"

namespace recoup::detail {
extern const std::string_view policy_example_toml;  // generated from data/policies/example.toml
}  // namespace recoup::detail

namespace recoup::decide {

namespace {

constexpr std::array<std::string_view, strategy_count> strategy_names{"payment_plan", "settlement", "litigation",
                                                                      "agency",       "sale",       "write_off"};

class policy_reader : public detail::toml_reader {
 public:
  explicit policy_reader(std::string origin) : toml_reader(std::move(origin), "decide.policy") {}

  /// An exact decimal written as a string ("0.25"); a TOML float is refused.
  std::optional<decimal> number(const toml::table& t, std::string_view key, bool required, const decimal& lo,
                                const std::optional<decimal>& hi) const {
    const toml::node* n = t.get(key);
    if (n == nullptr) {
      if (required) fail(t.source(), key, "missing (expected a decimal string such as \"0.25\")");
      return std::nullopt;
    }
    if (n->is_floating_point())
      fail(n->source(), key, "a TOML float is not exact: write the figure as a decimal string, e.g. \"0.25\"");
    std::string text;
    if (auto s = n->value<std::string>()) text = *s;
    else if (n->is_integer()) text = std::to_string(*n->value<std::int64_t>());
    else fail(n->source(), key, "expected a decimal string such as \"0.25\"");
    decimal d;
    try {
      d = decimal::parse(text);
    } catch (const error& e) {
      fail(n->source(), key, e.what());
    }
    if (d < lo || (hi && *hi < d))
      fail(n->source(), key, text + " is outside " + lo.to_string() + ".." + (hi ? hi->to_string() : std::string("")));
    return d;
  }

  decimal rate(const toml::table& t, std::string_view key, bool required = true) const {
    return number(t, key, required, decimal(0), decimal(1)).value_or(decimal(0));
  }

  const toml::table* table(const toml::table& t, std::string_view key, bool required) const {
    const toml::node* n = t.get(key);
    if (n == nullptr) {
      if (required) fail(t.source(), key, "missing table");
      return nullptr;
    }
    if (!n->is_table()) fail(n->source(), key, "expected a table");
    return n->as_table();
  }

  std::vector<std::pair<std::string, decimal>> money_map(const toml::table& t, const std::optional<decimal>& hi) const {
    std::vector<std::pair<std::string, decimal>> out;
    for (auto&& [k, v] : t) {
      (void)v;
      out.emplace_back(std::string(k.str()), *number(t, k.str(), true, decimal(0), hi));
    }
    return out;
  }

  std::vector<std::string> list(const toml::table& t, std::string_view key) const {
    std::vector<std::string> out;
    const toml::node* n = t.get(key);
    if (n == nullptr) return out;
    const toml::array* a = n->as_array();
    if (a == nullptr) fail(n->source(), key, "expected an array of strings");
    for (auto&& e : *a) {
      auto s = e.value<std::string>();
      if (!s) fail(e.source(), key, "expected an array of strings");
      out.push_back(*s);
    }
    return out;
  }
};

strategy_policy read_policy(std::string_view text, std::string origin) {
  policy_reader r(origin);
  const toml::table doc = r.parse(text);
  r.only_keys(doc, "the file", {"schema", "policy", "currencies", "costs", "champion_challenger", "authority", "segment"});
  if (r.integer(doc, "schema", 1, 1, true) != 1) r.fail(doc.source(), "schema", "unsupported");
  strategy_policy p;
  p.origin = origin;
  const toml::table& head = *r.table(doc, "policy", true);
  r.only_keys(head, "[policy]", {"id", "title", "example", "annual_discount_rate", "minimum_payment",
                                 "affordability_share", "agency_tier", "urgency_days", "urgency_bonus_percent", "note"});
  p.id = r.text(head, "id", true);
  p.title = r.text(head, "title", true);
  if (const toml::node* e = head.get("example")) {
    if (!e->is_boolean()) r.fail(e->source(), "example", "expected true or false");
    p.is_example = *e->value<bool>();
  }
  p.annual_discount_rate = r.rate(head, "annual_discount_rate");
  p.minimum_payment = *r.number(head, "minimum_payment", true, decimal(0), std::nullopt);
  p.affordability_share = r.rate(head, "affordability_share");
  if (head.get("agency_tier") != nullptr) p.agency_tier = r.text(head, "agency_tier", true);
  p.urgency_days = r.integer(head, "urgency_days", 0, 3660, false).value_or(90);
  p.urgency_bonus_percent = r.integer(head, "urgency_bonus_percent", 0, 1000, false).value_or(50);

  const toml::table& cur = *r.table(doc, "currencies", true);
  for (auto&& [k, v] : cur) {
    (void)v;
    const std::string code = r.text(cur, k.str(), true);
    try {
      (void)currency(code);
    } catch (const error& e) {
      r.fail(k.source(), k.str(), e.what());
    }
    p.currencies.emplace_back(std::string(k.str()), code);
  }

  if (const toml::table* c = r.table(doc, "costs", false)) {
    r.only_keys(*c, "[costs]", {"per_contact", "per_payment", "legal", "agency_commission"});
    p.costs.per_contact = r.number(*c, "per_contact", false, decimal(0), std::nullopt).value_or(decimal(0));
    p.costs.per_payment = r.number(*c, "per_payment", false, decimal(0), std::nullopt).value_or(decimal(0));
    if (const toml::table* l = r.table(*c, "legal", false)) p.costs.legal = r.money_map(*l, std::nullopt);
    if (const toml::table* a = r.table(*c, "agency_commission", false)) p.costs.agency_commission = r.money_map(*a, decimal(1));
  }
  if (const toml::table* cc = r.table(doc, "champion_challenger", false)) {
    r.only_keys(*cc, "[champion_challenger]", {"challenger_share", "challenger"});
    p.challenger_share = r.rate(*cc, "challenger_share");
    if (cc->get("challenger") != nullptr) {
      try {
        p.challenger = parse_strategy(r.text(*cc, "challenger", true));
      } catch (const error& e) {
        r.fail(cc->get("challenger")->source(), "challenger", e.what());
      }
    }
  }
  if (const toml::node* a = doc.get("authority")) {
    const toml::array* bands = a->as_array();
    if (bands == nullptr) r.fail(a->source(), "authority", "expected [[authority]] tables");
    for (auto&& b : *bands) {
      const toml::table* t = b.as_table();
      if (t == nullptr) r.fail(b.source(), "authority", "expected a table");
      r.only_keys(*t, "[[authority]]", {"level", "max_discount", "min_age_days", "max_age_days", "min_balance", "max_balance"});
      authority_band band;
      band.level = r.text(*t, "level", true);
      band.max_discount = r.rate(*t, "max_discount");
      band.min_age_days = r.integer(*t, "min_age_days", 0, 100000, false);
      band.max_age_days = r.integer(*t, "max_age_days", 0, 100000, false);
      band.min_balance = r.number(*t, "min_balance", false, decimal(0), std::nullopt);
      band.max_balance = r.number(*t, "max_balance", false, decimal(0), std::nullopt);
      p.authority.push_back(std::move(band));
    }
  }
  const toml::node* segs = doc.get("segment");
  if (segs == nullptr || segs->as_array() == nullptr || segs->as_array()->empty())
    r.fail(doc.source(), "segment", "a policy needs at least one [[segment]]");
  for (auto&& node : *segs->as_array()) {
    const toml::table* t = node.as_table();
    if (t == nullptr) r.fail(node.source(), "segment", "expected a table");
    r.only_keys(*t, "[[segment]]", {"id", "min_days_past_due", "max_days_past_due", "min_balance", "max_balance",
                                    "jurisdictions", "debt_types", "min_score", "max_score", "payment_plan",
                                    "settlement", "litigation", "agency", "sale", "write_off"});
    segment s;
    s.id = r.text(*t, "id", true);
    s.min_days_past_due = r.integer(*t, "min_days_past_due", 0, 100000, false);
    s.max_days_past_due = r.integer(*t, "max_days_past_due", 0, 100000, false);
    s.min_balance = r.number(*t, "min_balance", false, decimal(0), std::nullopt);
    s.max_balance = r.number(*t, "max_balance", false, decimal(0), std::nullopt);
    s.min_score = r.integer(*t, "min_score", INT32_MIN, INT32_MAX, false);
    s.max_score = r.integer(*t, "max_score", INT32_MIN, INT32_MAX, false);
    s.jurisdictions = r.list(*t, "jurisdictions");
    for (const auto& d : r.list(*t, "debt_types")) {
      try {
        s.debt_types.push_back(rules::debt_type_from_name(d));
      } catch (const error& e) {
        r.fail(t->get("debt_types")->source(), "debt_types", e.what());
      }
    }
    bool any = false;
    for (std::size_t k = 0; k < strategy_count; ++k) {
      const toml::table* st = r.table(*t, strategy_names[k], false);
      if (st == nullptr) continue;
      any = true;
      strategy_terms& x = s.terms[k];
      x.offered = true;
      switch (static_cast<strategy>(k)) {
        case strategy::payment_plan:
          r.only_keys(*st, "payment_plan", {"take_up", "monthly_break_hazard", "max_instalments"});
          x.take_up = r.rate(*st, "take_up");
          x.monthly_break_hazard = r.rate(*st, "monthly_break_hazard");
          x.max_instalments = static_cast<int>(*r.integer(*st, "max_instalments", 1, 360, true));
          break;
        case strategy::settlement:
          r.only_keys(*st, "settlement", {"take_up", "discount"});
          x.take_up = r.rate(*st, "take_up");
          x.discount = r.rate(*st, "discount");
          break;
        case strategy::litigation:
          r.only_keys(*st, "litigation", {"success", "months"});
          x.success = r.rate(*st, "success");
          x.months = static_cast<int>(*r.integer(*st, "months", 0, 240, true));
          break;
        case strategy::agency:
          r.only_keys(*st, "agency", {"recovery", "months"});
          x.recovery = r.rate(*st, "recovery");
          x.months = static_cast<int>(*r.integer(*st, "months", 0, 240, true));
          break;
        case strategy::sale:
          r.only_keys(*st, "sale", {"price"});
          x.price = r.rate(*st, "price");
          break;
        case strategy::write_off: r.only_keys(*st, "write_off", {}); break;
      }
    }
    if (!any) r.fail(t->source(), "segment", "segment '" + s.id + "' offers no strategy");
    p.segments.push_back(std::move(s));
  }
  return p;
}

}  // namespace

std::string_view to_string(strategy s) noexcept { return strategy_names[static_cast<std::size_t>(s)]; }
strategy parse_strategy(std::string_view name) {
  return rules::detail::parse_enum<strategy>(name, strategy_names, "strategy", "decide.unknown_strategy");
}

const strategy_policy& strategy_policy::example() {
  static const strategy_policy p = read_policy(detail::policy_example_toml, "built-in data/policies/example.toml");
  return p;
}

strategy_policy strategy_policy::from_file(const std::string& path) {
  return read_policy(detail::read_data_file(path, "decide.policy", "policy file"), path);
}

strategy_policy strategy_policy::from_text(std::string_view toml, std::string_view origin) {
  return read_policy(toml, std::string(origin));
}

currency strategy_policy::currency_of(std::string_view jurisdiction) const {
  for (std::string_view j = jurisdiction; !j.empty(); j = rules::parent_jurisdiction(j))
    for (const auto& [code, iso] : currencies)
      if (code == j) return currency(iso);
  throw invalid_input_error("decide.currency", "the policy '" + id + "' names no currency for '" + std::string(jurisdiction) +
                                                   "' (add it to [currencies])");
}

}  // namespace recoup::decide
