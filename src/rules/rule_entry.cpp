// One dated, cited figure of a rule pack: typed access to its value and parameters, with errors
// that name the rule and where it came from.
#include "recoup/rules/rule_entry.hpp"

#include <array>

namespace recoup::rules {

namespace {

constexpr std::array<std::string_view, 4> certainty_names{"verified", "secondary", "unverified", "contested"};
constexpr std::array<std::string_view, 16> unit_names{
    "years", "months",   "weeks", "days",    "calendar_days", "business_days", "working_days", "hours",
    "time_of_day", "calls", "percent", "ratio", "money", "multiple", "boolean", "text"};

std::string_view type_name(const rule_value& v) noexcept {
  switch (v.index()) {
    case 0: return "an integer";
    case 1: return "a decimal";
    case 2: return "a boolean";
    case 3: return "text";
    default: return "a date";
  }
}

[[noreturn]] void wrong_value(const rule_entry& e, std::string_view wanted) {
  throw rule_pack_error("rules.value_type", e.jurisdiction + " " + e.id + " (" + e.origin + "): the value is " +
                                                std::string(type_name(e.value)) + " (" + to_string(e.value) +
                                                "), but the check needs " + std::string(wanted));
}

[[noreturn]] void wrong_param(const rule_entry& e, std::string_view key, const rule_value& v, std::string_view wanted) {
  throw rule_pack_error("rules.param_type", e.jurisdiction + " " + e.id + " (" + e.origin + "): params." +
                                                std::string(key) + " is " + std::string(type_name(v)) + " (" +
                                                to_string(v) + "), but the check needs " + std::string(wanted));
}

}  // namespace

std::string_view to_string(certainty c) noexcept { return certainty_names[static_cast<std::size_t>(c)]; }

std::string_view to_string(rule_unit u) noexcept { return unit_names[static_cast<std::size_t>(u)]; }

std::string to_string(const rule_value& v) {
  switch (v.index()) {
    case 0: return std::to_string(std::get<std::int64_t>(v));
    case 1: return std::get<decimal>(v).to_string();
    case 2: return std::get<bool>(v) ? "true" : "false";
    case 3: return std::get<std::string>(v);
    default: return std::get<civil_date>(v).to_string();
  }
}

std::int64_t rule_entry::integer() const {
  if (const auto* i = std::get_if<std::int64_t>(&value)) return *i;
  wrong_value(*this, "an integer");
}

decimal rule_entry::number() const {
  if (const auto* i = std::get_if<std::int64_t>(&value)) return decimal(*i);
  if (const auto* d = std::get_if<decimal>(&value)) return *d;
  wrong_value(*this, "a number");
}

bool rule_entry::flag() const {
  if (const auto* b = std::get_if<bool>(&value)) return *b;
  wrong_value(*this, "a boolean");
}

const std::string& rule_entry::text() const {
  if (const auto* s = std::get_if<std::string>(&value)) return *s;
  wrong_value(*this, "text");
}

money rule_entry::amount() const {
  if (unit != rule_unit::money || !money_currency) wrong_value(*this, "money (unit = \"money\" with a currency)");
  return money(number(), *money_currency);
}

const rule_value* rule_entry::param(std::string_view key) const noexcept {
  for (const auto& [k, v] : params)
    if (k == key) return &v;
  return nullptr;
}

std::int64_t rule_entry::param_integer(std::string_view key, std::int64_t fallback) const {
  const rule_value* v = param(key);
  if (v == nullptr) return fallback;
  if (const auto* i = std::get_if<std::int64_t>(v)) return *i;
  wrong_param(*this, key, *v, "an integer");
}

decimal rule_entry::param_number(std::string_view key, const decimal& fallback) const {
  const rule_value* v = param(key);
  if (v == nullptr) return fallback;
  if (const auto* i = std::get_if<std::int64_t>(v)) return decimal(*i);
  if (const auto* s = std::get_if<std::string>(v)) {
    try {
      return decimal::parse(*s);
    } catch (const error&) {
      wrong_param(*this, key, *v, "a decimal number");
    }
  }
  if (const auto* d = std::get_if<decimal>(v)) return *d;
  wrong_param(*this, key, *v, "a number");
}

bool rule_entry::param_flag(std::string_view key, bool fallback) const {
  const rule_value* v = param(key);
  if (v == nullptr) return fallback;
  if (const auto* b = std::get_if<bool>(v)) return *b;
  wrong_param(*this, key, *v, "a boolean");
}

std::string rule_entry::param_text(std::string_view key, std::string_view fallback) const {
  const rule_value* v = param(key);
  if (v == nullptr) return std::string(fallback);
  if (const auto* s = std::get_if<std::string>(v)) return *s;
  wrong_param(*this, key, *v, "text");
}

std::optional<civil_date> rule_entry::param_date(std::string_view key) const {
  const rule_value* v = param(key);
  if (v == nullptr) return std::nullopt;
  if (const auto* d = std::get_if<civil_date>(v)) return *d;
  wrong_param(*this, key, *v, "a date");
}

std::string in_force_text(civil_date from, const std::optional<civil_date>& to, bool since_at_least) {
  std::string s = std::string("in force ") + (since_at_least ? "since at least " : to ? "" : "from ") + from.to_string();
  if (to) s += " to " + to->to_string();
  return s;
}

std::string rule_entry::version() const {
  return jurisdiction + " " + id + " (" + in_force_text(effective_from, effective_to, since_at_least) + ")";
}

}  // namespace recoup::rules
