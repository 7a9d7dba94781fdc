// The rule book: the TOML rule-pack loader (schema in data/rules/README.md), validation with
// errors naming file, line and key, and lookup of the version of a rule in force on a date.
#include "recoup/rules/rule_book.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>

#include "../detail/toml_reader.hpp"

namespace recoup::detail {
std::span<const std::pair<std::string_view, std::string_view>> builtin_rule_packs();  // generated
}  // namespace recoup::detail

namespace recoup::rules {

namespace {

constexpr std::string_view us_states[] = {
    "AK", "AL", "AR", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "GA", "HI", "IA", "ID", "IL", "IN", "KS",
    "KY", "LA", "MA", "MD", "ME", "MI", "MN", "MO", "MS", "MT", "NC", "ND", "NE", "NH", "NJ", "NM", "NV",
    "NY", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VA", "VT", "WA", "WI", "WV", "WY"};
constexpr std::string_view gb_parts[] = {"EAW", "NIR", "SCT"};
constexpr std::string_view eu_members[] = {"AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES",
                                           "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU",
                                           "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"};

template <std::size_t N>
bool listed(const std::string_view (&list)[N], std::string_view code) noexcept {
  return std::find(std::begin(list), std::end(list), code) != std::end(list);
}

bool upper_alnum(std::string_view s) noexcept {
  return std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); });
}

constexpr std::string_view code_forms =
    "jurisdiction codes are 'US' (federal), 'US-TX' (a state or DC, ISO 3166-2), 'GB', 'GB-EAW', 'GB-SCT', "
    "'GB-NIR', 'EU', an EU member state such as 'DE', or a code of your own pack in the same form ('CA-ON')";

const std::set<std::string_view> numeric_units = {"years", "months", "weeks", "days", "calendar_days",
                                                  "business_days", "working_days", "hours", "calls"};

std::atomic<std::uint64_t> next_generation{1};

/// Key of a (jurisdiction, id) group.
std::string group_key(std::string_view jurisdiction, std::string_view id) {
  std::string k(jurisdiction);
  k += '\x1f';
  k += id;
  return k;
}

bool valid_rule_id(std::string_view id) noexcept {
  if (id.empty() || id.size() > 80 || id.front() == '.' || id.back() == '.') return false;
  bool dot = false;
  char prev = 0;
  for (char c : id) {
    if (c == '.') {
      if (prev == '.') return false;
      dot = true;
    } else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
      return false;
    }
    prev = c;
  }
  return dot;
}

bool valid_time_of_day(std::string_view s) noexcept {
  if (s.size() != 5 || s[2] != ':') return false;
  for (std::size_t i : {0U, 1U, 3U, 4U})
    if (s[i] < '0' || s[i] > '9') return false;
  const int h = (s[0] - '0') * 10 + (s[1] - '0');
  const int m = (s[3] - '0') * 10 + (s[4] - '0');
  return (h < 24 && m < 60) || (h == 24 && m == 0);
}

class pack_reader : public detail::toml_reader {
 public:
  explicit pack_reader(std::string origin) : toml_reader(std::move(origin), "rules.pack") {}

  /// A scalar value (the rule's value or a parameter), floats refused.
  rule_value scalar(const toml::node& n, std::string_view key) const {
    if (n.is_floating_point())
      fail(n.source(), key,
           "a TOML float is not exact: write the figure as a decimal string, e.g. \"0.25\" instead of 0.25");
    if (auto i = n.value<std::int64_t>(); i && n.is_integer()) return *i;
    if (n.is_boolean()) return *n.value<bool>();
    if (n.is_string()) return *n.value<std::string>();
    if (auto d = n.as_date()) {
      const toml::date v = d->get();
      try {
        return civil_date::from_ymd(v.year, v.month, v.day);
      } catch (const error& e) {
        fail(n.source(), key, e.what());
      }
    }
    fail(n.source(), key, "expected an integer, a decimal string, a boolean, text or a date");
  }

};

struct parsed_pack {
  pack_info info;
  std::vector<rule_entry> rules;
};

template <std::size_t N>
std::optional<std::size_t> index_of(const std::array<std::string_view, N>& names, std::string_view s) {
  for (std::size_t i = 0; i < N; ++i)
    if (names[i] == s) return i;
  return std::nullopt;
}

constexpr std::array<std::string_view, 4> certainty_names{"verified", "secondary", "unverified", "contested"};
constexpr std::array<std::string_view, 16> unit_names{
    "years",       "months", "weeks",   "days",  "calendar_days", "business_days", "working_days", "hours",
    "time_of_day", "calls",  "percent", "ratio", "money",         "multiple",      "boolean",      "text"};

template <std::size_t N>
std::string joined(const std::array<std::string_view, N>& names) {
  std::string s;
  for (auto n : names) s += (s.empty() ? "" : ", ") + std::string(n);
  return s;
}

rule_entry read_rule(const pack_reader& r, const toml::table& t, const std::string& pack_id) {
  r.only_keys(t, "[[rule]]",
              {"id", "jurisdiction", "effective_from", "effective_to", "value", "unit", "currency", "citation",
               "certainty", "source", "note", "params", "since_at_least"});
  rule_entry e;
  e.pack = pack_id;
  e.origin = r.line_of(t);
  e.id = r.text(t, "id", true);
  if (!valid_rule_id(e.id))
    r.fail(t.get("id")->source(), "id",
           "'" + e.id + "' is not a rule id: lower-case words joined by dots, e.g. \"limitation.open_account\"");
  e.jurisdiction = r.text(t, "jurisdiction", true);
  if (!is_jurisdiction_code(e.jurisdiction))
    r.fail(t.get("jurisdiction")->source(), "jurisdiction",
           "'" + e.jurisdiction + "' is not a jurisdiction code: " + std::string(code_forms));
  e.effective_from = r.date_value(t, "effective_from");
  if (t.get("effective_to") != nullptr) {
    e.effective_to = r.date_value(t, "effective_to");
    if (*e.effective_to < e.effective_from)
      r.fail(t.get("effective_to")->source(), "effective_to",
             e.effective_to->to_string() + " is before effective_from " + e.effective_from.to_string() +
                 " (effective_to is the last day in force)");
  }
  const std::string unit = r.text(t, "unit", true);
  const auto u = index_of(unit_names, unit);
  if (!u) r.fail(t.get("unit")->source(), "unit", "'" + unit + "' is not one of " + joined(unit_names));
  e.unit = static_cast<rule_unit>(*u);
  const std::string cert = r.text(t, "certainty", true);
  const auto c = index_of(certainty_names, cert);
  if (!c) r.fail(t.get("certainty")->source(), "certainty", "'" + cert + "' is not one of " + joined(certainty_names));
  e.sureness = static_cast<certainty>(*c);
  e.citation = r.text(t, "citation", true);
  e.source = r.text(t, "source", false);
  e.note = r.text(t, "note", false);
  if (const toml::node* sn = t.get("since_at_least")) {
    if (!sn->is_boolean())
      r.fail(sn->source(), "since_at_least",
             "expected true or false (true: effective_from is the earliest date the pack can vouch for)");
    e.since_at_least = *sn->value<bool>();
  }

  const toml::node* vn = t.get("value");
  if (vn == nullptr) r.fail(t.source(), "value", "missing (the figure: an integer, a decimal string, a boolean or text)");
  rule_value v = r.scalar(*vn, "value");
  auto bad_value = [&](const std::string& what) { r.fail(vn->source(), "value", what); };
  if (std::holds_alternative<civil_date>(v)) bad_value("a date is not a rule value (use a parameter)");
  if (e.unit == rule_unit::boolean) {
    if (!std::holds_alternative<bool>(v)) bad_value("unit \"boolean\" needs true or false");
  } else if (std::holds_alternative<bool>(v)) {
    bad_value("true/false needs unit = \"boolean\" (the unit is \"" + unit + "\")");
  } else if (e.unit == rule_unit::text) {
    if (!std::holds_alternative<std::string>(v)) bad_value("unit \"text\" needs a string");
  } else if (e.unit == rule_unit::time_of_day) {
    if (!std::holds_alternative<std::string>(v) || !valid_time_of_day(std::get<std::string>(v)))
      bad_value("unit \"time_of_day\" needs a 24-hour time \"HH:MM\", e.g. \"08:00\" or \"21:00\"");
  } else if (const auto* s = std::get_if<std::string>(&v)) {  // a number written as a decimal string
    try {
      v = decimal::parse(*s);
    } catch (const error&) {
      bad_value("'" + *s + "' is not a decimal number (unit \"" + unit + "\" needs a number)");
    }
  }
  if (e.unit == rule_unit::money) {
    const std::string code = r.text(t, "currency", true);
    try {
      e.money_currency = currency(code);
      (void)money(std::holds_alternative<std::int64_t>(v) ? decimal(std::get<std::int64_t>(v)) : std::get<decimal>(v),
                  *e.money_currency);
    } catch (const error& ex) {
      r.fail(t.get("currency")->source(), "currency", ex.what());
    }
  } else if (t.get("currency") != nullptr) {
    r.fail(t.get("currency")->source(), "currency", "only a rule with unit = \"money\" has a currency");
  }
  const bool negative = (std::holds_alternative<decimal>(v) && std::get<decimal>(v) < decimal(0)) ||
                        (std::holds_alternative<std::int64_t>(v) && std::get<std::int64_t>(v) < 0);
  if (numeric_units.count(unit) != 0 && negative) bad_value("a period or count cannot be negative");
  e.value = std::move(v);

  if (const toml::node* pn = t.get("params")) {
    const toml::table* pt = pn->as_table();
    if (pt == nullptr) r.fail(pn->source(), "params", "expected a table ([rule.params])");
    for (auto&& [k, node] : *pt) {
      if (node.is_table() || node.is_array())
        r.fail(node.source(), k.str(), "a parameter is a single value (integer, decimal string, boolean, text, date)");
      e.params.emplace_back(std::string(k.str()), r.scalar(node, k.str()));
    }
  }
  return e;
}

parsed_pack parse_pack(std::string_view text, const std::string& origin) {
  const pack_reader r(origin);
  toml::table doc = r.parse(text);
  r.only_keys(doc, "the top level", {"schema", "pack", "rule"});
  r.integer(doc, "schema", 1, 1, true);
  const toml::table* p = doc["pack"].as_table();
  if (p == nullptr) r.fail(doc.source(), "pack", "missing [pack] table (id, title, reviewed)");
  r.only_keys(*p, "[pack]", {"id", "title", "reviewed", "valid_through", "note"});
  parsed_pack out;
  out.info.origin = origin;
  out.info.id = r.text(*p, "id", true);
  const bool id_ok = out.info.id.size() <= 60 &&
                     std::all_of(out.info.id.begin(), out.info.id.end(), [](char c) {
                       return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
                     });
  if (!id_ok)
    r.fail(p->get("id")->source(), "id", "'" + out.info.id + "' is not a pack id (1..60 of a-z 0-9 - _ .)");
  out.info.title = r.text(*p, "title", true);
  out.info.reviewed = r.date_value(*p, "reviewed");
  out.info.note = r.text(*p, "note", false);
  if (p->get("valid_through") != nullptr) {
    out.info.valid_through = r.date_value(*p, "valid_through");
    if (*out.info.valid_through < out.info.reviewed)
      r.fail(p->get("valid_through")->source(), "valid_through",
             out.info.valid_through->to_string() + " is before reviewed " + out.info.reviewed.to_string() +
                 " (a pack cannot vouch only for days before it was checked)");
  }
  const toml::node* rn = doc.get("rule");
  if (rn == nullptr || !rn->is_array_of_tables() || rn->as_array()->empty())
    r.fail(rn ? rn->source() : doc.source(), "rule", "expected one or more [[rule]] tables");
  for (const toml::node& n : *rn->as_array()) out.rules.push_back(read_rule(r, *n.as_table(), out.info.id));
  out.info.rules = out.rules.size();

  // Versions of one (jurisdiction, id) must not overlap.
  std::vector<const rule_entry*> sorted;
  for (const auto& e : out.rules) sorted.push_back(&e);
  std::sort(sorted.begin(), sorted.end(), [](const rule_entry* a, const rule_entry* b) {
    if (a->jurisdiction != b->jurisdiction) return a->jurisdiction < b->jurisdiction;
    if (a->id != b->id) return a->id < b->id;
    return a->effective_from < b->effective_from;
  });
  for (std::size_t i = 1; i < sorted.size(); ++i) {
    const rule_entry& a = *sorted[i - 1];
    const rule_entry& b = *sorted[i];
    if (a.jurisdiction != b.jurisdiction || a.id != b.id) continue;
    if (b.since_at_least)
      throw rule_pack_error("rules.pack", b.origin + ", key 'since_at_least': " + b.jurisdiction + " " + b.id +
                                              " from " + b.effective_from.to_string() +
                                              " is not the earliest version (only the earliest version of a rule "
                                              "may say its start is a lower bound)");
    if (!a.effective_to || !(*a.effective_to < b.effective_from))
      throw rule_pack_error("rules.pack", b.origin + ", key 'effective_from': " + b.jurisdiction + " " + b.id +
                                              " from " + b.effective_from.to_string() + " overlaps the version at " +
                                              a.origin + " (" + (a.effective_to ? "to " + a.effective_to->to_string()
                                                                                : std::string("with no effective_to")) +
                                              ")");
  }
  return out;
}

}  // namespace

struct rule_book::impl {
  std::vector<rule_entry> entries;  // sorted by jurisdiction, id, effective_from
  std::unordered_map<std::string, std::pair<std::size_t, std::size_t>> groups;  // key -> [begin, count)
  std::vector<std::string> jurisdictions;
  std::vector<pack_info> packs;
  std::uint64_t generation = 0;

  void index() {
    std::stable_sort(entries.begin(), entries.end(), [](const rule_entry& a, const rule_entry& b) {
      if (a.jurisdiction != b.jurisdiction) return a.jurisdiction < b.jurisdiction;
      if (a.id != b.id) return a.id < b.id;
      return a.effective_from < b.effective_from;
    });
    groups.clear();
    jurisdictions.clear();
    for (std::size_t i = 0; i < entries.size();) {
      std::size_t j = i;
      while (j < entries.size() && entries[j].jurisdiction == entries[i].jurisdiction && entries[j].id == entries[i].id)
        ++j;
      groups.emplace(group_key(entries[i].jurisdiction, entries[i].id), std::make_pair(i, j - i));
      if (jurisdictions.empty() || jurisdictions.back() != entries[i].jurisdiction)
        jurisdictions.push_back(entries[i].jurisdiction);
      i = j;
    }
    generation = next_generation.fetch_add(1);
  }

  void add(parsed_pack pack) {
    // A pack loaded again (same id) replaces its earlier version entirely.
    std::erase_if(entries, [&](const rule_entry& e) { return e.pack == pack.info.id; });
    std::erase_if(packs, [&](const pack_info& p) { return p.id == pack.info.id; });
    // A later pack replaces every version of each (jurisdiction, id) it defines.
    std::set<std::string> defined;
    for (const auto& e : pack.rules) defined.insert(group_key(e.jurisdiction, e.id));
    std::erase_if(entries, [&](const rule_entry& e) { return defined.count(group_key(e.jurisdiction, e.id)) != 0; });
    for (auto& e : pack.rules) entries.push_back(std::move(e));
    packs.push_back(std::move(pack.info));
    index();
  }
};

rule_book::rule_book() : impl_(std::make_shared<const impl>()) {}
rule_book::~rule_book() = default;
rule_book::rule_book(const rule_book&) = default;
rule_book& rule_book::operator=(const rule_book&) = default;
rule_book::rule_book(rule_book&&) noexcept = default;
rule_book& rule_book::operator=(rule_book&&) noexcept = default;

const rule_book& rule_book::defaults() {
  static const rule_book book = [] {
    auto data = std::make_shared<impl>();
    for (const auto& [name, text] : detail::builtin_rule_packs())
      data->add(parse_pack(text, "built-in data/rules/" + std::string(name)));
    rule_book b;
    b.impl_ = std::move(data);
    return b;
  }();
  return book;
}

void rule_book::load_file(const std::string& path) {
  load_text(detail::read_data_file(path, "rules.pack", "rule pack file"), path);
}

void rule_book::load_text(std::string_view toml, std::string_view origin) {
  parsed_pack pack = parse_pack(toml, std::string(origin));
  auto next = std::make_shared<impl>(*impl_);
  next->add(std::move(pack));
  impl_ = std::move(next);
}

std::span<const rule_entry> rule_book::versions(std::string_view jurisdiction, std::string_view id) const {
  auto it = impl_->groups.find(group_key(jurisdiction, id));
  if (it == impl_->groups.end()) return {};
  return {impl_->entries.data() + it->second.first, it->second.second};
}

const rule_entry* rule_book::find(std::string_view jurisdiction, std::string_view id, civil_date as_of) const noexcept {
  for (const auto& e : versions(jurisdiction, id))
    if (e.in_force_on(as_of)) return &e;
  return nullptr;
}

const rule_entry& rule_book::at(std::string_view jurisdiction, std::string_view id, civil_date as_of) const {
  if (const rule_entry* e = find(jurisdiction, id, as_of)) return *e;
  require_jurisdiction(jurisdiction);
  const auto all = versions(jurisdiction, id);
  if (all.empty()) {
    const std::string prefix(id.substr(0, id.find('.') + 1));
    std::set<std::string> ids;
    for (const auto& e : impl_->entries)
      if (e.jurisdiction == jurisdiction && e.id.compare(0, prefix.size(), prefix) == 0) ids.insert(e.id);
    std::string known;
    for (const auto& i : ids) known += (known.empty() ? "" : ", ") + i;
    throw unknown_jurisdiction_error(
        "rules.unknown_rule", std::string(jurisdiction) + " has no rule '" + std::string(id) + "'" +
                                  (known.empty() ? std::string(" (and no rules starting '") + prefix + "')"
                                                 : "; its " + prefix + "* rules are: " + known));
  }
  // Versions are sorted and do not overlap: name the gap or the edge the date falls in.
  auto range = [](const rule_entry& e) {
    return e.effective_from.to_string() + ".." + (e.effective_to ? e.effective_to->to_string() : std::string());
  };
  std::string where;
  if (as_of < all.front().effective_from) {
    where = "the first version is " + range(all.front()) + " (" + all.front().citation + ")";
  } else if (all.back().effective_to && *all.back().effective_to < as_of) {
    const auto pack = std::find_if(impl_->packs.begin(), impl_->packs.end(),
                                   [&](const pack_info& p) { return p.id == all.back().pack; });
    where = "the table ends on " + all.back().effective_to->to_string() + ", the last day pack '" + all.back().pack +
            "'" + (pack != impl_->packs.end() ? " (reviewed " + pack->reviewed.to_string() + ")" : std::string()) +
            " vouches for; load a pack with the figures in force then (recoup.rules.load_pack / "
            "rule_book::load_file / recoup_rulebook_load; schema in data/rules/README.md) rather than assume the "
            "last figure still applies";
  } else {
    for (std::size_t i = 0; i + 1 < all.size(); ++i)
      if (all[i].effective_to && *all[i].effective_to < as_of && as_of < all[i + 1].effective_from)
        where = "it falls between the versions " + range(all[i]) + " and " + range(all[i + 1]);
  }
  throw rule_not_in_force_error("rules.not_in_force", std::string(jurisdiction) + " " + std::string(id) +
                                                          " is not in force on " + as_of.to_string() + " (" +
                                                          std::to_string(all.size()) + " version" +
                                                          (all.size() == 1 ? "" : "s") + "; " + where + ")");
}

bool rule_book::has_jurisdiction(std::string_view jurisdiction) const noexcept {
  return std::binary_search(impl_->jurisdictions.begin(), impl_->jurisdictions.end(), jurisdiction);
}

void rule_book::require_jurisdiction(std::string_view jurisdiction) const {
  if (has_jurisdiction(jurisdiction)) return;
  if (!is_jurisdiction_code(jurisdiction))
    throw unknown_jurisdiction_error("rules.unknown_jurisdiction", "'" + std::string(jurisdiction) +
                                                                       "' is not a jurisdiction code: " +
                                                                       std::string(code_forms));
  std::string known;
  for (const auto& j : impl_->jurisdictions) known += (known.empty() ? "" : ", ") + j;
  throw unknown_jurisdiction_error("rules.unknown_jurisdiction",
                                   "no loaded rule pack has rules for jurisdiction '" + std::string(jurisdiction) +
                                       "' (known: " + known + ")");
}

std::vector<std::string> rule_book::jurisdictions() const { return impl_->jurisdictions; }

std::span<const rule_entry> rule_book::entries() const noexcept { return impl_->entries; }

const std::vector<pack_info>& rule_book::packs() const noexcept { return impl_->packs; }

std::uint64_t rule_book::generation() const noexcept { return impl_->generation; }

bool is_jurisdiction_code(std::string_view code) noexcept {
  if (code == "US" || code == "GB" || code == "EU") return true;
  if (code.size() == 2) return upper_alnum(code) && code.find_first_of("0123456789") == std::string_view::npos;
  if (code.size() < 4 || code.size() > 6 || code[2] != '-') return false;
  const std::string_view country = code.substr(0, 2);
  const std::string_view part = code.substr(3);
  if (!upper_alnum(country) || !upper_alnum(part)) return false;
  if (country == "US") return listed(us_states, part);
  if (country == "GB") return listed(gb_parts, part);
  return true;
}

std::string_view parent_jurisdiction(std::string_view code) noexcept {
  if (code.size() > 3 && code[2] == '-') return code.substr(0, 2);
  if (code.size() == 2 && listed(eu_members, code)) return "EU";
  return {};
}

}  // namespace recoup::rules
