// Business-day calendars: the TOML calendar loader, rule evaluation (fixed dates, nth and last
// weekdays, Easter offsets, observance), one-off days, and the precomputed day bitsets.
#include "recoup/time/calendar.hpp"

#include <toml++/toml.h>

#include "../detail/toml_reader.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <limits>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <utility>

namespace recoup {
namespace detail {
extern const std::string_view calendar_us_toml;      // generated from data/calendars/US.toml
extern const std::string_view calendar_gb_eaw_toml;  // generated from data/calendars/GB-EAW.toml
extern const std::string_view calendar_gb_sct_toml;  // generated from data/calendars/GB-SCT.toml
extern const std::string_view calendar_gb_nir_toml;  // generated from data/calendars/GB-NIR.toml

/// The immutable, precomputed content of a calendar, shared by every copy of it.
struct calendar_data {
  std::string id;
  std::string name;
  std::string citation;
  std::string note;
  int first_year = 0;
  int last_year = 0;
  std::int32_t first_serial = 0;
  std::int32_t last_serial = 0;
  unsigned weekend_mask = 0;              // bit i set: ISO weekday i + 1 is a day off
  std::vector<std::uint64_t> closed;      // bit per covered day: weekend or holiday
  std::vector<std::uint64_t> holiday_bits;  // bit per covered day: a holiday
  std::vector<holiday> holidays;          // in date order
};

}  // namespace detail

namespace {

using detail::calendar_data;

// --- weekdays ---------------------------------------------------------------------------------

constexpr std::array<std::string_view, 7> weekday_names{"monday", "tuesday",  "wednesday", "thursday",
                                                         "friday", "saturday", "sunday"};

/// ISO weekday (1 = Monday .. 7 = Sunday) of a day serial; 1970-01-01 was a Thursday.
int iso_weekday_of(std::int32_t serial) noexcept {
  const int r = static_cast<int>(((static_cast<std::int64_t>(serial) % 7) + 7 + 3) % 7);
  return r + 1;
}

bool weekend_day(unsigned mask, std::int32_t serial) noexcept {
  return ((mask >> (iso_weekday_of(serial) - 1)) & 1U) != 0;
}

// --- the parsed form of a calendar file ---------------------------------------------------------

enum class rule_kind { fixed, nth_weekday, last_weekday, easter };
enum class observance { none, us_federal, substitute };

struct rule_spec {
  std::string name;
  std::string citation;
  rule_kind kind = rule_kind::fixed;
  int month = 0;
  int day = 0;
  int weekday = 0;  // ISO 1..7
  int nth = 0;
  int offset = 0;
  observance observe = observance::none;
  int effective_from = 1;
  int effective_to = 9999;
};

struct one_off {
  civil_date date;
  std::string name;
  std::string citation;
  std::string source;  // "file line N" for error messages
};

struct moved_day {
  civil_date from;
  civil_date to;
  std::string name;
  std::string citation;
  std::string source;
};

struct calendar_spec {
  std::string source;
  std::string id;
  std::string name;
  std::string citation;
  std::string note;
  std::string extends;
  unsigned weekend_mask = 0;
  int first_year = 0;
  int last_year = 0;
  std::vector<rule_spec> rules;
  std::vector<one_off> added;
  std::vector<one_off> removed;
  std::vector<moved_day> moved;
};

// --- TOML reading: detail::toml_reader (src/detail/toml_reader.hpp) names file, line and key -------

class reader : public detail::toml_reader {
 public:
  explicit reader(std::string source) : toml_reader(std::move(source), "calendar.data") {}

  int weekday(const toml::node& n, std::string_view key) const {
    auto s = n.value<std::string>();
    if (s) {
      for (std::size_t i = 0; i < weekday_names.size(); ++i)
        if (weekday_names[i] == *s) return static_cast<int>(i) + 1;
    }
    fail(n.source(), key, "expected a weekday name in lower case: monday, tuesday, ..., sunday");
  }
};

const toml::array* table_array(const reader& r, const toml::table& doc, std::string_view key) {
  const toml::node* n = doc.get(key);
  if (n == nullptr) return nullptr;
  const toml::array* a = n->as_array();
  if (a == nullptr || !a->is_array_of_tables())
    r.fail(n->source(), key, "expected an array of tables ([[" + std::string(key) + "]])");
  return a;
}

rule_spec read_rule(const reader& r, const toml::table& t, int first_year) {
  r.only_keys(t, "[[rule]]",
              {"name", "kind", "month", "day", "weekday", "nth", "offset", "observance", "effective_from",
               "effective_to", "citation"});
  rule_spec rule;
  rule.name = r.text(t, "name", true);
  rule.citation = r.text(t, "citation", true);
  const std::string kind = r.text(t, "kind", true);
  auto forbid = [&](std::string_view key) {
    if (const toml::node* n = t.get(key)) r.fail(n->source(), key, "not used by kind = \"" + kind + "\"");
  };
  if (kind == "fixed") {
    rule.kind = rule_kind::fixed;
    rule.month = static_cast<int>(*r.integer(t, "month", 1, 12, true));
    rule.day = static_cast<int>(*r.integer(t, "day", 1, 31, true));
    const date::month_day md{date::month{static_cast<unsigned>(rule.month)},
                             date::day{static_cast<unsigned>(rule.day)}};
    if (!md.ok() || (rule.month == 2 && rule.day == 29))
      r.fail(t.get("day")->source(), "day",
             "no such day in month " + std::to_string(rule.month) + " every year (29 February is refused too)");
    forbid("weekday");
    forbid("nth");
    forbid("offset");
  } else if (kind == "nth_weekday") {
    rule.kind = rule_kind::nth_weekday;
    rule.month = static_cast<int>(*r.integer(t, "month", 1, 12, true));
    if (t.get("weekday") == nullptr) r.fail(t.source(), "weekday", "missing (expected a weekday name)");
    rule.weekday = r.weekday(*t.get("weekday"), "weekday");
    rule.nth = static_cast<int>(*r.integer(t, "nth", 1, 4, true));
    forbid("day");
    forbid("offset");
  } else if (kind == "last_weekday") {
    rule.kind = rule_kind::last_weekday;
    rule.month = static_cast<int>(*r.integer(t, "month", 1, 12, true));
    if (t.get("weekday") == nullptr) r.fail(t.source(), "weekday", "missing (expected a weekday name)");
    rule.weekday = r.weekday(*t.get("weekday"), "weekday");
    forbid("day");
    forbid("nth");
    forbid("offset");
  } else if (kind == "easter") {
    rule.kind = rule_kind::easter;
    rule.offset = static_cast<int>(*r.integer(t, "offset", -100, 100, true));
    forbid("month");
    forbid("day");
    forbid("weekday");
    forbid("nth");
  } else {
    r.fail(t.get("kind")->source(), "kind",
           "unknown kind '" + kind + "' (expected fixed, nth_weekday, last_weekday or easter)");
  }
  const std::string obs = t.get("observance") ? r.text(t, "observance", true) : std::string("none");
  if (obs == "none") rule.observe = observance::none;
  else if (obs == "us_federal") rule.observe = observance::us_federal;
  else if (obs == "substitute") rule.observe = observance::substitute;
  else
    r.fail(t.get("observance")->source(), "observance",
           "unknown observance '" + obs + "' (expected none, us_federal or substitute)");
  rule.effective_from = static_cast<int>(r.integer(t, "effective_from", 1, 9999, false).value_or(first_year));
  rule.effective_to = static_cast<int>(r.integer(t, "effective_to", 1, 9999, false).value_or(9999));
  if (rule.effective_to < rule.effective_from)
    r.fail(t.get("effective_to")->source(), "effective_to",
           std::to_string(rule.effective_to) + " is before effective_from " + std::to_string(rule.effective_from));
  return rule;
}

calendar_spec parse_spec(std::string_view text, const std::string& source) {
  const reader r(source);
  const toml::table doc = r.parse(text);
  r.only_keys(doc, "the top level", {"schema", "calendar", "rule", "added", "moved", "removed"});
  r.integer(doc, "schema", 1, 1, true);
  const toml::table* cal = doc["calendar"].as_table();
  if (cal == nullptr) r.fail(doc.source(), "calendar", "missing [calendar] table");
  r.only_keys(*cal, "[calendar]",
              {"id", "name", "weekend", "first_year", "last_year", "citation", "note", "extends"});
  calendar_spec spec;
  spec.source = source;
  spec.id = r.text(*cal, "id", true);
  if (spec.id.size() > 40 || std::any_of(spec.id.begin(), spec.id.end(), [](char c) {
        return !((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
                 c == '.');
      }))
    r.fail(cal->get("id")->source(), "id",
           "'" + spec.id.substr(0, 40) + "': use 1..40 letters, digits, '-', '_' or '.'");
  spec.name = cal->get("name") ? r.text(*cal, "name", true) : spec.id;
  spec.citation = r.text(*cal, "citation", true);
  spec.note = cal->get("note") ? r.text(*cal, "note", true) : std::string{};
  spec.extends = cal->get("extends") ? r.text(*cal, "extends", true) : std::string{};
  spec.first_year = static_cast<int>(*r.integer(*cal, "first_year", 1, 9998, true));
  spec.last_year = static_cast<int>(*r.integer(*cal, "last_year", 1, 9998, true));
  if (spec.last_year < spec.first_year)
    r.fail(cal->get("last_year")->source(), "last_year",
           std::to_string(spec.last_year) + " is before first_year " + std::to_string(spec.first_year));
  const toml::node* wk = cal->get("weekend");
  if (wk == nullptr || !wk->is_array())
    r.fail(wk ? wk->source() : cal->source(), "weekend",
           "expected a list of weekday names, e.g. [\"saturday\", \"sunday\"]");
  for (const toml::node& n : *wk->as_array()) spec.weekend_mask |= 1U << (r.weekday(n, "weekend") - 1);
  if (spec.weekend_mask == 0x7F) r.fail(wk->source(), "weekend", "every day of the week is a weekend day");

  if (const toml::array* rules = table_array(r, doc, "rule"))
    for (const toml::node& n : *rules) spec.rules.push_back(read_rule(r, *n.as_table(), spec.first_year));
  if (const toml::array* added = table_array(r, doc, "added")) {
    for (const toml::node& n : *added) {
      const toml::table& t = *n.as_table();
      r.only_keys(t, "[[added]]", {"date", "name", "citation"});
      spec.added.push_back(
          {r.date_value(t, "date"), r.text(t, "name", true), r.text(t, "citation", true), r.line_of(t)});
    }
  }
  if (const toml::array* removed = table_array(r, doc, "removed")) {
    for (const toml::node& n : *removed) {
      const toml::table& t = *n.as_table();
      r.only_keys(t, "[[removed]]", {"date", "name", "citation"});
      spec.removed.push_back({r.date_value(t, "date"), t.get("name") ? r.text(t, "name", true) : std::string{},
                              r.text(t, "citation", true), r.line_of(t)});
    }
  }
  if (const toml::array* moved = table_array(r, doc, "moved")) {
    for (const toml::node& n : *moved) {
      const toml::table& t = *n.as_table();
      r.only_keys(t, "[[moved]]", {"from", "to", "name", "citation"});
      spec.moved.push_back({r.date_value(t, "from"), r.date_value(t, "to"), r.text(t, "name", true),
                            r.text(t, "citation", true), r.line_of(t)});
    }
  }
  return spec;
}

// --- rule evaluation ----------------------------------------------------------------------------

civil_date easter_sunday(int y) {
  // The anonymous Gregorian computus (Meeus/Jones/Butcher).
  const int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  return civil_date::from_ymd(y, (h + l - 7 * m + 114) / 31, ((h + l - 7 * m + 114) % 31) + 1);
}

civil_date nominal_date(const rule_spec& rule, int y) {
  switch (rule.kind) {
    case rule_kind::fixed: return civil_date::from_ymd(y, rule.month, rule.day);
    case rule_kind::nth_weekday: {
      const civil_date first = civil_date::from_ymd(y, rule.month, 1);
      const int shift = (rule.weekday - first.iso_weekday() + 7) % 7;
      return first.add_days(shift + 7 * (rule.nth - 1));
    }
    case rule_kind::last_weekday: {
      const civil_date last = civil_date::from_ymd(y, rule.month, 1).end_of_month();
      return last.add_days(-((last.iso_weekday() - rule.weekday + 7) % 7));
    }
    case rule_kind::easter: return easter_sunday(y).add_days(rule.offset);
  }
  return civil_date{};
}

struct entry {
  std::int32_t serial;
  holiday day;
};

void set_bit(std::vector<std::uint64_t>& bits, std::int64_t index) {
  bits[static_cast<std::size_t>(index >> 6)] |= std::uint64_t{1} << (index & 63);
}

/// The shared data of a calendar from its holidays (any order; kept if inside the range).
std::shared_ptr<const calendar_data> finish(calendar_data data, std::vector<holiday> days) {
  data.first_serial = civil_date::from_ymd(data.first_year, 1, 1).serial();
  data.last_serial = civil_date::from_ymd(data.last_year, 12, 31).serial();
  const std::int64_t n = static_cast<std::int64_t>(data.last_serial) - data.first_serial + 1;
  data.closed.assign(static_cast<std::size_t>((n + 63) / 64), 0);
  data.holiday_bits.assign(data.closed.size(), 0);
  std::stable_sort(days.begin(), days.end(), [](const holiday& a, const holiday& b) { return a.date < b.date; });
  for (const holiday& h : days) {
    if (h.date.serial() < data.first_serial || h.date.serial() > data.last_serial) continue;
    const std::int64_t i = static_cast<std::int64_t>(h.date.serial()) - data.first_serial;
    set_bit(data.closed, i);
    set_bit(data.holiday_bits, i);
    data.holidays.push_back(h);
  }
  for (std::int64_t i = 0; i < n; ++i)
    if (weekend_day(data.weekend_mask, static_cast<std::int32_t>(data.first_serial + i))) set_bit(data.closed, i);
  return std::make_shared<const calendar_data>(std::move(data));
}

std::shared_ptr<const calendar_data> build(const calendar_spec& spec) {
  const reader r(spec.source);
  auto fail_at = [&](const std::string& where, std::string_view key, const std::string& what) {
    throw rule_pack_error("calendar.data", where + ", key '" + std::string(key) + "': " + what);
  };
  // Nominal days first, then observed or substitute days, year by year. A year on each side of the
  // range is evaluated too, so a day observed across a year end (US: Saturday 1 January observed
  // on 31 December) is not lost.
  std::vector<entry> days;
  std::set<std::int32_t> taken;
  const int from_year = std::max(1, spec.first_year - 1);
  const int to_year = std::min(9998, spec.last_year + 1);
  for (int y = from_year; y <= to_year; ++y) {
    std::vector<std::pair<const rule_spec*, civil_date>> nominal;
    for (const rule_spec& rule : spec.rules) {
      if (y < rule.effective_from || y > rule.effective_to) continue;
      const civil_date d = nominal_date(rule, y);
      nominal.emplace_back(&rule, d);
      taken.insert(d.serial());
      days.push_back({d.serial(), {d, rule.name, rule.citation}});
    }
    for (const auto& [rule, d] : nominal) {
      if (rule->observe == observance::us_federal) {
        const int wd = d.iso_weekday();
        if (wd == 6 || wd == 7) {
          const civil_date o = d.add_days(wd == 6 ? -1 : 1);
          taken.insert(o.serial());
          days.push_back({o.serial(), {o, rule->name + " (observed)", rule->citation}});
        }
      } else if (rule->observe == observance::substitute && weekend_day(spec.weekend_mask, d.serial())) {
        civil_date s = d.add_days(1);
        while (weekend_day(spec.weekend_mask, s.serial()) || taken.count(s.serial()) != 0) s = s.add_days(1);
        taken.insert(s.serial());
        days.push_back({s.serial(), {s, rule->name + " (substitute day)", rule->citation}});
      }
    }
  }
  const civil_date first = civil_date::from_ymd(spec.first_year, 1, 1);
  const civil_date last = civil_date::from_ymd(spec.last_year, 12, 31);
  auto in_range = [&](civil_date d) { return d >= first && d <= last; };
  auto check_range = [&](civil_date d, const std::string& where, std::string_view key) {
    if (!in_range(d))
      fail_at(where, key,
              d.to_string() + " is outside the calendar's years " + std::to_string(spec.first_year) + ".." +
                  std::to_string(spec.last_year));
  };
  auto remove = [&](civil_date d, const std::string& where, std::string_view key) {
    check_range(d, where, key);
    const auto before = days.size();
    std::erase_if(days, [&](const entry& e) { return e.serial == d.serial(); });
    if (days.size() == before)
      fail_at(where, key, d.to_string() + " is not a holiday under the rules, so it cannot be removed or moved");
  };
  auto add = [&](civil_date d, const std::string& name, const std::string& citation, const std::string& where,
                 std::string_view key) {
    check_range(d, where, key);
    for (const entry& e : days)
      if (e.serial == d.serial()) fail_at(where, key, d.to_string() + " is already a holiday (" + e.day.name + ")");
    days.push_back({d.serial(), {d, name, citation}});
  };
  for (const one_off& o : spec.removed) remove(o.date, o.source, "date");
  for (const moved_day& m : spec.moved) remove(m.from, m.source, "from");
  for (const moved_day& m : spec.moved) add(m.to, m.name, m.citation, m.source, "to");
  for (const one_off& o : spec.added) add(o.date, o.name, o.citation, o.source, "date");

  calendar_data data;
  data.id = spec.id;
  data.name = spec.name;
  data.citation = spec.citation;
  data.note = spec.note;
  data.first_year = spec.first_year;
  data.last_year = spec.last_year;
  data.weekend_mask = spec.weekend_mask;
  std::vector<holiday> list;
  list.reserve(days.size());
  for (entry& e : days) list.push_back(std::move(e.day));
  return finish(std::move(data), std::move(list));
}

// --- the built-in calendars -----------------------------------------------------------------------

struct builtin_source {
  std::string_view id;
  std::string_view file;
  const std::string_view* text;
};

constexpr std::array<builtin_source, 4> builtin_sources{{
    {"GB-EAW", "data/calendars/GB-EAW.toml", &detail::calendar_gb_eaw_toml},
    {"GB-NIR", "data/calendars/GB-NIR.toml", &detail::calendar_gb_nir_toml},
    {"GB-SCT", "data/calendars/GB-SCT.toml", &detail::calendar_gb_sct_toml},
    {"US", "data/calendars/US.toml", &detail::calendar_us_toml},
}};

std::string known_ids() {
  std::string s;
  for (const auto& b : builtin_sources) s += (s.empty() ? "" : ", ") + std::string(b.id);
  return s;
}

const calendar_spec& builtin_spec(std::string_view id);

/// Prepends the rules and one-off days of the built-in calendar `spec.extends`.
calendar_spec resolve(calendar_spec spec) {
  if (spec.extends.empty()) return spec;
  const calendar_spec* base = nullptr;
  for (const auto& b : builtin_sources)
    if (b.id == spec.extends) base = &builtin_spec(b.id);
  if (base == nullptr)
    throw rule_pack_error("calendar.data", spec.source + ", key 'extends': '" + spec.extends.substr(0, 40) +
                                               "' is not a built-in calendar (known: " + known_ids() + ")");
  if (!base->extends.empty())
    throw rule_pack_error("calendar.data", spec.source + ", key 'extends': '" + spec.extends +
                                               "' itself extends another calendar; extend that one instead");
  calendar_spec out = spec;
  out.rules = base->rules;
  out.rules.insert(out.rules.end(), spec.rules.begin(), spec.rules.end());
  const civil_date first = civil_date::from_ymd(spec.first_year, 1, 1);
  const civil_date last = civil_date::from_ymd(spec.last_year, 12, 31);
  auto inside = [&](civil_date d) { return d >= first && d <= last; };
  out.added.clear();
  out.removed.clear();
  out.moved.clear();
  for (const auto& o : base->added)
    if (inside(o.date)) out.added.push_back(o);
  for (const auto& o : base->removed)
    if (inside(o.date)) out.removed.push_back(o);
  for (const auto& m : base->moved)
    if (inside(m.from) && inside(m.to)) out.moved.push_back(m);
  out.added.insert(out.added.end(), spec.added.begin(), spec.added.end());
  out.removed.insert(out.removed.end(), spec.removed.begin(), spec.removed.end());
  out.moved.insert(out.moved.end(), spec.moved.begin(), spec.moved.end());
  return out;
}

struct builtin_table {
  std::map<std::string, calendar_spec, std::less<>> specs;
  std::map<std::string, std::shared_ptr<const calendar_data>, std::less<>> calendars;
};

const builtin_table& builtins() {
  static const builtin_table table = [] {  // thread-safe initialisation, immutable afterwards
    builtin_table t;
    for (const auto& b : builtin_sources) {
      calendar_spec spec = parse_spec(*b.text, std::string(b.file));
      if (spec.id != b.id)
        throw rule_pack_error("calendar.data",
                              std::string(b.file) + ", key 'id': expected '" + std::string(b.id) + "'");
      t.specs.emplace(std::string(b.id), std::move(spec));
    }
    for (const auto& [id, spec] : t.specs) {
      calendar_spec full = spec;
      if (!spec.extends.empty()) {
        const auto base = t.specs.find(spec.extends);
        if (base == t.specs.end())
          throw rule_pack_error("calendar.data", spec.source + ", key 'extends': unknown calendar " + spec.extends);
        calendar_spec merged = spec;
        merged.rules = base->second.rules;
        merged.rules.insert(merged.rules.end(), spec.rules.begin(), spec.rules.end());
        merged.added = base->second.added;
        merged.added.insert(merged.added.end(), spec.added.begin(), spec.added.end());
        merged.removed = base->second.removed;
        merged.removed.insert(merged.removed.end(), spec.removed.begin(), spec.removed.end());
        merged.moved = base->second.moved;
        merged.moved.insert(merged.moved.end(), spec.moved.begin(), spec.moved.end());
        full = std::move(merged);
      }
      t.calendars.emplace(id, build(full));
    }
    return t;
  }();
  return table;
}

const calendar_spec& builtin_spec(std::string_view id) { return builtins().specs.find(id)->second; }

// --- queries --------------------------------------------------------------------------------------

[[noreturn]] void out_of_range(const calendar_data& d, civil_date day) {
  throw invalid_input_error("calendar.out_of_range",
                            "calendar " + d.id + " covers " + std::to_string(d.first_year) + "-01-01.." +
                                std::to_string(d.last_year) + "-12-31; " + day.to_string() +
                                " is outside it (recoup does not guess holidays it has no data for)");
}

std::int64_t index_of(const calendar_data& d, civil_date day) {
  if (day.serial() < d.first_serial || day.serial() > d.last_serial) out_of_range(d, day);
  return static_cast<std::int64_t>(day.serial()) - d.first_serial;
}

bool bit(const std::vector<std::uint64_t>& bits, std::int64_t i) noexcept {
  return ((bits[static_cast<std::size_t>(i >> 6)] >> (i & 63)) & 1U) != 0;
}

/// Business days among covered day indices [lo, hi] (lo <= hi + 1).
std::int64_t business_in(const calendar_data& d, std::int64_t lo, std::int64_t hi) {
  std::int64_t closed = 0;
  std::int64_t i = lo;
  while (i <= hi && (i & 63) != 0) closed += bit(d.closed, i++) ? 1 : 0;
  while (i + 63 <= hi) {
    closed += std::popcount(d.closed[static_cast<std::size_t>(i >> 6)]);
    i += 64;
  }
  while (i <= hi) closed += bit(d.closed, i++) ? 1 : 0;
  return (hi - lo + 1) - closed;
}

std::string shown(std::string_view s) {
  std::string out(s.substr(0, 40));
  if (s.size() > 40) out += "...";
  return "'" + out + "'";
}

}  // namespace

// --- calendar ---------------------------------------------------------------------------------------

calendar calendar::get(std::string_view id) {
  const auto& table = builtins();
  const auto it = table.calendars.find(id);
  if (it == table.calendars.end())
    throw unknown_jurisdiction_error("calendar.unknown",
                                     "unknown calendar " + shown(id) + ": the built-in calendars are " + known_ids() +
                                         " (ids are case-sensitive); load your own with calendar::load or "
                                         "calendar::from_toml");
  return calendar(it->second);
}

std::vector<std::string> calendar::builtin_ids() {
  std::vector<std::string> out;
  for (const auto& b : builtin_sources) out.emplace_back(b.id);
  return out;
}

calendar calendar::custom(std::string id, const std::vector<date::weekday>& weekend, std::vector<holiday> holidays,
                          int first_year, int last_year) {
  auto bad = [](const std::string& what) { return invalid_input_error("calendar.custom", what); };
  if (id.empty() || id.size() > 40) throw bad("a calendar id must have 1..40 characters, got " + shown(id));
  if (first_year < 1 || last_year > 9998 || first_year > last_year)
    throw bad("calendar " + id + ": years " + std::to_string(first_year) + ".." + std::to_string(last_year) +
              " are not a range within 1..9998");
  calendar_data data;
  for (const date::weekday& w : weekend) {
    if (!w.ok()) throw bad("calendar " + id + ": an invalid weekday in the weekend");
    data.weekend_mask |= 1U << (w.iso_encoding() - 1);
  }
  if (data.weekend_mask == 0x7F) throw bad("calendar " + id + ": every day of the week is a weekend day");
  const civil_date first = civil_date::from_ymd(first_year, 1, 1);
  const civil_date last = civil_date::from_ymd(last_year, 12, 31);
  for (const holiday& h : holidays) {
    if (h.date < first || h.date > last)
      throw bad("calendar " + id + ": holiday " + h.date.to_string() + " (" + h.name + ") is outside the years " +
                std::to_string(first_year) + ".." + std::to_string(last_year) + " the calendar covers");
    if (h.name.empty()) throw bad("calendar " + id + ": holiday " + h.date.to_string() + " has no name");
  }
  data.id = std::move(id);
  data.name = data.id;
  data.citation = "user calendar";
  data.first_year = first_year;
  data.last_year = last_year;
  return calendar(finish(std::move(data), std::move(holidays)));
}

calendar calendar::from_toml(std::string_view text, std::string_view source_name) {
  return calendar(build(resolve(parse_spec(text, std::string(source_name)))));
}

calendar calendar::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw invalid_input_error("calendar.file", "cannot read calendar file '" + path + "'");
  std::ostringstream content;
  content << in.rdbuf();
  return from_toml(content.str(), path);
}

calendar calendar::joint(const std::vector<calendar>& calendars) {
  if (calendars.empty()) throw invalid_input_error("calendar.joint", "a joint calendar needs at least one calendar");
  calendar_data data;
  data.first_year = calendars.front().first_year();
  data.last_year = calendars.front().last_year();
  for (const calendar& c : calendars) {
    data.id += (data.id.empty() ? "" : "+") + c.id();
    data.name += (data.name.empty() ? "" : " + ") + c.name();
    data.citation += (data.citation.empty() ? "" : " | ") + c.id() + ": " + c.citation();
    data.first_year = std::max(data.first_year, c.first_year());
    data.last_year = std::min(data.last_year, c.last_year());
    data.weekend_mask |= c.data_->weekend_mask;
  }
  if (data.first_year > data.last_year)
    throw invalid_input_error("calendar.joint", "the calendars " + data.id + " cover no year in common");
  data.note = "A day is a business day only if it is one in every calendar of " + data.id + ".";
  std::vector<holiday> all;
  for (const calendar& c : calendars)
    for (const holiday& h : c.data_->holidays) all.push_back({h.date, c.id() + ": " + h.name, h.citation});
  return calendar(finish(std::move(data), std::move(all)));
}

const std::string& calendar::id() const noexcept { return data_->id; }
const std::string& calendar::name() const noexcept { return data_->name; }
const std::string& calendar::citation() const noexcept { return data_->citation; }
const std::string& calendar::note() const noexcept { return data_->note; }
int calendar::first_year() const noexcept { return data_->first_year; }
int calendar::last_year() const noexcept { return data_->last_year; }
civil_date calendar::first_date() const noexcept { return civil_date::from_serial(data_->first_serial); }
civil_date calendar::last_date() const noexcept { return civil_date::from_serial(data_->last_serial); }

std::vector<date::weekday> calendar::weekend() const {
  std::vector<date::weekday> out;
  for (unsigned i = 0; i < 7; ++i)
    if ((data_->weekend_mask >> i) & 1U) out.push_back(date::weekday{i + 1});  // 7 encodes Sunday
  return out;
}

bool calendar::is_weekend(civil_date d) const noexcept { return weekend_day(data_->weekend_mask, d.serial()); }

bool calendar::is_holiday(civil_date d) const { return bit(data_->holiday_bits, index_of(*data_, d)); }

bool calendar::is_business_day(civil_date d) const { return !bit(data_->closed, index_of(*data_, d)); }

void calendar::is_business_day(std::span<const std::int64_t> day_serials, std::span<bool> out) const {
  const calendar_data& c = *data_;
  if (day_serials.size() != out.size())
    throw invalid_input_error("columns.shape", "is_business_day: " + std::to_string(day_serials.size()) +
                                                   " days but room for " + std::to_string(out.size()) + " results");
  for (std::size_t row = 0; row < day_serials.size(); ++row) {
    const std::int64_t s = day_serials[row];
    if (s < c.first_serial || s > c.last_serial) {
      if (s == std::numeric_limits<std::int64_t>::min())
        throw invalid_input_error("columns.missing", "row " + std::to_string(row) + ": a missing date (NaT)");
      try {
        out_of_range(c, civil_date::from_serial(s));
      } catch (const error& e) {
        throw invalid_input_error(e.id(), "row " + std::to_string(row) + ": " + e.what());
      }
    }
    out[row] = !bit(c.closed, s - c.first_serial);
  }
}

civil_date calendar::adjust(civil_date d, business_day_convention convention) const {
  const calendar_data& c = *data_;
  std::int64_t i = index_of(c, d);
  if (convention == business_day_convention::unadjusted || !bit(c.closed, i)) return d;
  const std::int64_t last = static_cast<std::int64_t>(c.last_serial) - c.first_serial;
  auto forward = [&](std::int64_t j) {
    while (bit(c.closed, j)) {
      if (++j > last) out_of_range(c, civil_date::from_serial(c.last_serial + 1));
    }
    return civil_date::from_serial(c.first_serial + j);
  };
  auto backward = [&](std::int64_t j) {
    while (bit(c.closed, j)) {
      if (--j < 0) out_of_range(c, civil_date::from_serial(c.first_serial - 1));
    }
    return civil_date::from_serial(c.first_serial + j);
  };
  switch (convention) {
    case business_day_convention::unadjusted: return d;
    case business_day_convention::following: return forward(i);
    case business_day_convention::preceding: return backward(i);
    case business_day_convention::modified_following: {
      const civil_date f = forward(i);
      return f.month() == d.month() ? f : backward(i);
    }
    case business_day_convention::modified_preceding: {
      const civil_date p = backward(i);
      return p.month() == d.month() ? p : forward(i);
    }
  }
  return d;
}

civil_date calendar::add_business_days(civil_date d, std::int64_t n) const {
  const calendar_data& c = *data_;
  std::int64_t i = index_of(c, d);
  if (n == 0) return adjust(d, business_day_convention::following);
  const std::int64_t last = static_cast<std::int64_t>(c.last_serial) - c.first_serial;
  const std::int64_t step = n > 0 ? 1 : -1;
  std::int64_t left = n > 0 ? n : -n;
  while (left > 0) {
    i += step;
    if (i < 0 || i > last)
      throw invalid_input_error("calendar.out_of_range",
                                "adding " + std::to_string(n) + " business days to " + d.to_string() +
                                    " leaves calendar " + c.id + ", which covers " + std::to_string(c.first_year) +
                                    "-01-01.." + std::to_string(c.last_year) + "-12-31");
    if (!bit(c.closed, i)) --left;
  }
  return civil_date::from_serial(c.first_serial + i);
}

std::int64_t calendar::business_days_between(civil_date from, civil_date to) const {
  const std::int64_t a = index_of(*data_, from);
  const std::int64_t b = index_of(*data_, to);
  if (a == b) return 0;
  if (a < b) return business_in(*data_, a + 1, b);
  return -business_in(*data_, b + 1, a);
}

std::vector<holiday> calendar::holidays(int year) const {
  if (year < data_->first_year || year > data_->last_year)
    throw invalid_input_error("calendar.out_of_range", "calendar " + data_->id + " covers the years " +
                                                           std::to_string(data_->first_year) + ".." +
                                                           std::to_string(data_->last_year) + ", not " +
                                                           std::to_string(year));
  return holidays(civil_date::from_ymd(year, 1, 1), civil_date::from_ymd(year, 12, 31));
}

std::vector<holiday> calendar::holidays(civil_date from, civil_date to) const {
  index_of(*data_, from);
  index_of(*data_, to);
  if (to < from)
    throw invalid_input_error("calendar.range", "holidays from " + from.to_string() + " to " + to.to_string() +
                                                    ": the end is before the start");
  const auto& list = data_->holidays;
  auto lo = std::lower_bound(list.begin(), list.end(), from, [](const holiday& h, civil_date d) { return h.date < d; });
  auto hi = std::upper_bound(list.begin(), list.end(), to, [](civil_date d, const holiday& h) { return d < h.date; });
  return {lo, hi};
}

bool operator==(const calendar& a, const calendar& b) noexcept {
  if (a.data_ == b.data_) return true;
  const auto& x = *a.data_;
  const auto& y = *b.data_;
  return x.id == y.id && x.first_year == y.first_year && x.last_year == y.last_year &&
         x.weekend_mask == y.weekend_mask && x.holidays == y.holidays;
}

}  // namespace recoup
