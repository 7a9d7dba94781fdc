// The currency registry: ISO 4217 List One parsed once from the embedded TOML, plus user currencies.
#include "recoup/core/currency.hpp"

#include <toml++/toml.h>

#include <array>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <sstream>

namespace recoup {
namespace detail {
extern const std::string_view iso4217_toml;  // generated from data/currencies/iso4217.toml
}  // namespace detail

struct currency_access {
  static currency make(const currency_info& i) { return currency(i.code.c_str(), i.numeric, i.minor_units); }
};

namespace {

constexpr std::size_t code_slots = 26 * 26 * 26;

bool valid_code(std::string_view code) {
  if (code.size() != 3) return false;
  for (char c : code)
    if (c < 'A' || c > 'Z') return false;
  return true;
}

std::size_t slot_of(std::string_view code) {
  return static_cast<std::size_t>((code[0] - 'A') * 676 + (code[1] - 'A') * 26 + (code[2] - 'A'));
}

[[noreturn]] void data_error(const toml::source_region& where, std::string_view key, const std::string& what) {
  std::ostringstream msg;
  msg << "data/currencies/iso4217.toml line " << where.begin.line << ", key '" << key << "': " << what;
  throw rule_pack_error("currency.data", msg.str());
}

struct builtin_table {
  std::vector<currency_info> records;         // in code order
  std::vector<currency> values;               // same order
  std::array<std::int16_t, code_slots> index{};  // slot -> position + 1 (0 = absent)
  std::map<int, std::size_t> by_numeric;
  std::string published;
  std::string citation;

  builtin_table() {
    toml::table doc;
    try {
      doc = toml::parse(detail::iso4217_toml, std::string_view{"data/currencies/iso4217.toml"});
    } catch (const toml::parse_error& e) {
      std::ostringstream msg;
      msg << "data/currencies/iso4217.toml line " << e.source().begin.line << ": " << e.description();
      throw rule_pack_error("currency.data", msg.str());
    }
    if (auto src = doc["source"].as_table()) {
      if (auto d = (*src)["published"].as_date()) {
        std::ostringstream os;
        os << d->get();
        published = os.str();
      }
      citation = (*src)["citation"].value_or(std::string{});
    }
    const toml::array* list = doc["currency"].as_array();
    if (list == nullptr) throw rule_pack_error("currency.data", "data/currencies/iso4217.toml has no [[currency]] entries");
    for (const toml::node& node : *list) {
      const toml::table* t = node.as_table();
      if (t == nullptr) data_error(node.source(), "currency", "expected a table");
      currency_info info;
      auto code = (*t)["code"].value<std::string>();
      if (!code || !valid_code(*code)) data_error(t->source(), "code", "expected three upper-case letters");
      info.code = *code;
      auto numeric = (*t)["numeric"].value<std::int64_t>();
      if (!numeric || *numeric < 0 || *numeric > 999) data_error(t->source(), "numeric", "expected an integer 0..999");
      info.numeric = static_cast<int>(*numeric);
      auto minor = (*t)["minor_units"].value<std::int64_t>();
      if (!minor || *minor < -1 || *minor > 9) data_error(t->source(), "minor_units", "expected an integer -1..9");
      info.minor_units = static_cast<int>(*minor);
      info.name = (*t)["name"].value_or(std::string{});
      info.fund = (*t)["fund"].value_or(false);
      if (auto ents = (*t)["entities"].as_array())
        for (const auto& e : *ents)
          if (auto s = e.value<std::string>()) info.entities.push_back(*s);
      const std::size_t slot = slot_of(info.code);
      if (index[slot] != 0) data_error(t->source(), "code", "duplicate code " + info.code);
      records.push_back(info);
      values.push_back(currency_access::make(info));
      index[slot] = static_cast<std::int16_t>(records.size());
      by_numeric.emplace(info.numeric, records.size() - 1);
    }
  }

  const currency* find(std::string_view code) const {
    const auto pos = index[slot_of(code)];
    return pos == 0 ? nullptr : &values[static_cast<std::size_t>(pos - 1)];
  }
};

const builtin_table& builtins() {
  static const builtin_table table;  // thread-safe initialisation, immutable afterwards
  return table;
}

struct user_registry {
  std::shared_mutex mutex;
  std::deque<currency_info> records;
  std::map<std::string, currency, std::less<>> by_code;
  std::map<int, currency> by_numeric;
};

user_registry& users() {
  static user_registry registry;
  return registry;
}

std::string shown(std::string_view code) {
  std::string s = "'";
  s.append(code.substr(0, 40));
  if (code.size() > 40) s += "...";
  return s + "'";
}

}  // namespace

currency::currency(const char* code, int numeric, int minor_units) noexcept
    : code_{code[0], code[1], code[2]},
      minor_units_(static_cast<std::int8_t>(minor_units)),
      numeric_(static_cast<std::uint16_t>(numeric)) {}

currency::currency(std::string_view code) {
  if (!valid_code(code))
    throw unknown_currency_error("currency.unknown", "unknown currency " + shown(code) +
                                                         ": currency codes are three upper-case letters, e.g. 'USD'");
  if (const currency* c = builtins().find(code)) {
    *this = *c;
    return;
  }
  auto& reg = users();
  std::shared_lock lock(reg.mutex);
  auto it = reg.by_code.find(code);
  if (it == reg.by_code.end())
    throw unknown_currency_error("currency.unknown", "unknown currency " + shown(code) +
                                                         ": not in ISO 4217 (List One, published " +
                                                         builtins().published + ") nor registered with register_currency");
  *this = it->second;
}

currency currency::of_numeric(int numeric) {
  const auto& b = builtins();
  if (auto it = b.by_numeric.find(numeric); it != b.by_numeric.end()) return b.values[it->second];
  auto& reg = users();
  std::shared_lock lock(reg.mutex);
  if (auto it = reg.by_numeric.find(numeric); it != reg.by_numeric.end()) return it->second;
  throw unknown_currency_error("currency.unknown_numeric",
                               "unknown ISO 4217 numeric currency code " + std::to_string(numeric));
}

currency_info currency::info() const {
  const auto& b = builtins();
  if (const auto pos = b.index[slot_of(code())]; pos != 0) return b.records[static_cast<std::size_t>(pos - 1)];
  auto& reg = users();
  std::shared_lock lock(reg.mutex);
  for (const auto& r : reg.records)
    if (r.code == code()) return r;
  throw unknown_currency_error("currency.unknown", "unknown currency " + shown(code()));
}

currency register_currency(const currency_info& in) {
  if (!valid_code(in.code))
    throw invalid_input_error("currency.invalid_code",
                              "cannot register currency " + shown(in.code) + ": a code is three upper-case letters");
  if (in.minor_units < 0 || in.minor_units > 9)
    throw invalid_input_error("currency.invalid_minor_units", "cannot register currency " + in.code + ": minor_units " +
                                                                  std::to_string(in.minor_units) + " is outside 0..9");
  if (in.numeric < 0 || in.numeric > 999)
    throw invalid_input_error("currency.invalid_numeric", "cannot register currency " + in.code + ": numeric code " +
                                                              std::to_string(in.numeric) + " is outside 0..999");
  if (const currency* c = builtins().find(in.code))
    throw invalid_input_error("currency.redefined", "cannot register currency " + in.code +
                                                        ": it is an ISO 4217 currency (" + c->name() + ")");
  auto& reg = users();
  std::unique_lock lock(reg.mutex);
  if (auto it = reg.by_code.find(in.code); it != reg.by_code.end()) {
    if (it->second.minor_units() == in.minor_units && it->second.numeric() == in.numeric) return it->second;
    throw invalid_input_error("currency.redefined", "cannot register currency " + in.code +
                                                        ": it is already registered with different minor units or numeric code");
  }
  if (in.numeric != 0 &&
      (builtins().by_numeric.count(in.numeric) != 0 || reg.by_numeric.count(in.numeric) != 0))
    throw invalid_input_error("currency.redefined", "cannot register currency " + in.code + ": numeric code " +
                                                        std::to_string(in.numeric) + " is already in use");
  currency_info stored = in;
  stored.user_defined = true;
  reg.records.push_back(stored);
  currency c = currency_access::make(stored);
  reg.by_code.emplace(stored.code, c);
  if (stored.numeric != 0) reg.by_numeric.emplace(stored.numeric, c);
  return c;
}

std::vector<currency_info> all_currencies() {
  std::vector<currency_info> out = builtins().records;
  auto& reg = users();
  std::shared_lock lock(reg.mutex);
  out.insert(out.end(), reg.records.begin(), reg.records.end());
  return out;
}

std::string iso4217_published() { return builtins().published; }
std::string iso4217_citation() { return builtins().citation; }

}  // namespace recoup
