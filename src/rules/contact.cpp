// Reg F contact checks: the rules of the us-contact pack, the time-zone glue (Howard Hinnant's
// date/tz.h over the OS tz database; only here, never in a public header), may_call with its
// bounded search for the next allowed instant, and the columnar call-log kernel.
#include "recoup/rules/contact.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <limits>
#include <numeric>
#include <string>
#include <utility>
#include <vector>

#include <date/tz.h>

#include "time_zone_support.hpp"

namespace recoup::rules {

namespace {

using detail::day_seconds;
using detail::floor_div;

std::string pad2(std::int64_t v) {
  std::string s = std::to_string(v);
  return s.size() < 2 ? "0" + s : s;
}

/// "HH:MM:SS" of a number of seconds into a day.
std::string clock_text(std::int64_t seconds_of_day) {
  return pad2(seconds_of_day / 3600) + ":" + pad2(seconds_of_day / 60 % 60) + ":" + pad2(seconds_of_day % 60);
}

std::string date_text(std::int64_t day) {
  if (day < civil_date::min_serial || day > civil_date::max_serial) return "day " + std::to_string(day);
  return civil_date::from_serial(day).to_string();
}

/// "2026-03-08 12:00:00 UTC".
std::string utc_text(std::int64_t t) {
  const std::int64_t d = floor_div(t, day_seconds);
  return date_text(d) + " " + clock_text(t - d * day_seconds) + " UTC";
}

// --- time zones -------------------------------------------------------------------------------

using detail::find_zone;

/// One zone with its current UTC offset cached (offsets change only at transitions).
struct zone_clock {
  const date::time_zone* zone = nullptr;
  std::string name{};
  std::int64_t begin = 1;  // [begin, end): UTC seconds where `offset` holds; empty at first
  std::int64_t end = 0;
  std::int64_t offset = 0;

  std::int64_t offset_at(std::int64_t t) {
    if (t >= begin && t < end) return offset;
    const date::sys_info info = zone->get_info(date::sys_seconds{std::chrono::seconds{t}});
    begin = info.begin.time_since_epoch().count();
    end = info.end.time_since_epoch().count();
    offset = info.offset.count();
    return offset;
  }
  std::int64_t local(std::int64_t t) { return t + offset_at(t); }
  std::int64_t local_day(std::int64_t t) { return floor_div(local(t), day_seconds); }
  std::int64_t seconds_of_day(std::int64_t t) {
    const std::int64_t l = local(t);
    return l - floor_div(l, day_seconds) * day_seconds;
  }
  /// The UTC instant of a local time (the earlier one when it occurs twice, the transition
  /// when it is skipped).
  [[nodiscard]] std::int64_t to_utc(std::int64_t local_seconds) const {
    const date::local_seconds ls{std::chrono::seconds{local_seconds}};
    return zone->to_sys(ls, date::choose::earliest).time_since_epoch().count();
  }
  /// "07:30:00 EST".
  std::string local_text(std::int64_t t) {
    const date::sys_info info = zone->get_info(date::sys_seconds{std::chrono::seconds{t}});
    return clock_text(seconds_of_day(t)) + " " + info.abbrev;
  }
};

/// Refuses a time whose date is outside 0001..9999 (with a day of margin for the zone offset).
void check_time(std::int64_t t, const std::string& what) {
  constexpr std::int64_t lo = (std::int64_t{civil_date::min_serial} + 1) * day_seconds;
  constexpr std::int64_t hi = std::int64_t{civil_date::max_serial} * day_seconds;
  if (t < lo || t >= hi)
    throw invalid_input_error("contact.time", what + ": " + std::to_string(t) +
                                                  " s since 1970 UTC is outside the years 0001..9999");
}

std::vector<zone_clock> resolve_zones(const std::vector<std::string>& names) {
  if (names.empty())
    throw invalid_input_error("contact.no_time_zone",
                              "no candidate time zone: give at least one IANA zone for the consumer's location "
                              "(e.g. the address's and the phone area code's)");
  std::vector<zone_clock> zones;
  zones.reserve(names.size());
  for (const auto& n : names) zones.push_back(zone_clock{.zone = find_zone(n), .name = n});
  return zones;
}

// --- rules ------------------------------------------------------------------------------------

void check_jurisdiction(const std::string& j) {
  if (j == "US" || (is_jurisdiction_code(j) && parent_jurisdiction(j) == "US")) return;
  throw unknown_jurisdiction_error("contact.jurisdiction",
                                   "contact rules cover \"US\" and its states (\"US-MA\", \"US-WA\", ...): got '" + j +
                                       "'");
}

[[noreturn]] void bad_param(const rule_entry& e, const std::string& what) {
  throw rule_pack_error("contact.rule_param", e.version() + " (" + e.origin + "): " + what);
}

std::int64_t seconds_of(const rule_entry& e) {
  const std::string& s = e.text();
  if (s.size() != 5 || s[2] != ':') bad_param(e, "expected a time of day \"HH:MM\", got '" + s + "'");
  for (std::size_t i : {0U, 1U, 3U, 4U})
    if (s[i] < '0' || s[i] > '9') bad_param(e, "expected a time of day \"HH:MM\", got '" + s + "'");
  return ((s[0] - '0') * 10 + (s[1] - '0')) * 3600 + ((s[3] - '0') * 10 + (s[4] - '0')) * 60;
}

std::int64_t days_of(const rule_entry& e, std::int64_t lo) {
  const std::int64_t v = e.integer();
  if (v < lo || v > 3660) bad_param(e, "a number of days must be within " + std::to_string(lo) + "..3660, got " + std::to_string(v));
  return v;
}

/// One frequency limit: at most max_calls counted calls in any window_days consecutive days.
struct limit_rule {
  const rule_entry* calls = nullptr;
  const rule_entry* window = nullptr;
  std::int64_t max_calls = 0;
  std::int64_t window_days = 1;
  int kind = 0;  // 0 any number, 1 personal numbers, 2 other numbers
  bool count_unanswered = true;
  bool consent_excludes = true;
  bool federal = true;

  [[nodiscard]] bool applies_to(number_kind n) const noexcept {
    return kind == 0 || (kind == 1 && n == number_kind::personal) || (kind == 2 && n == number_kind::other);
  }
  [[nodiscard]] bool counts(call_outcome o, bool consent, number_kind n) const noexcept {
    if (o == call_outcome::not_connected) return false;
    if (consent && consent_excludes) return false;
    if (!count_unanswered && o == call_outcome::unanswered) return false;
    return applies_to(n);
  }
  [[nodiscard]] std::string scope() const {
    switch (kind) {
      case 1: return " to personal numbers";
      case 2: return " to other (non-personal) numbers";
      default: return "";
    }
  }
};

limit_rule make_limit(const rule_entry& calls, const rule_entry& window, bool federal) {
  limit_rule l{.calls = &calls, .window = &window, .federal = federal};
  l.max_calls = calls.integer();
  if (l.max_calls < 0 || l.max_calls > 1000000) bad_param(calls, "a number of calls must be within 0..1000000");
  l.window_days = days_of(window, 1);
  const std::string kind = calls.param_text("number_kind", "any");
  if (kind == "any") l.kind = 0;
  else if (kind == "personal") l.kind = 1;
  else if (kind == "other") l.kind = 2;
  else bad_param(calls, "params.number_kind must be any, personal or other, got '" + kind + "'");
  const std::string counts = calls.param_text("counts", "attempts");
  if (counts == "attempts") l.count_unanswered = true;
  else if (counts == "communications") l.count_unanswered = false;
  else bad_param(calls, "params.counts must be attempts or communications, got '" + counts + "'");
  l.consent_excludes = calls.param_flag("consent_excludes", true);
  return l;
}

/// The figures that apply in a jurisdiction on a date: federal, plus the state's where stricter.
struct contact_rules {
  std::vector<limit_rule> limits{};  // the federal 7-in-7 first
  const rule_entry* wait = nullptr;
  std::int64_t wait_days = 0;
  const rule_entry* earliest = nullptr;  // the stricter earliest time
  const rule_entry* latest = nullptr;    // the stricter latest time
  std::int64_t earliest_s = 0;
  std::int64_t latest_s = 0;
  std::vector<const rule_entry*> also{};  // consulted but not binding (cited as context)
  bool overlay = false;                   // the state has contact rules of its own
};

contact_rules resolve_rules(const rule_book& book, const std::string& j, civil_date as_of) {
  contact_rules r;
  r.limits.push_back(make_limit(book.at("US", "contact.calls_per_window", as_of),
                                book.at("US", "contact.window_days", as_of), true));
  r.wait = &book.at("US", "contact.post_conversation_wait_days", as_of);
  r.wait_days = days_of(*r.wait, 0);
  r.earliest = &book.at("US", "contact.earliest_local_time", as_of);
  r.latest = &book.at("US", "contact.latest_local_time", as_of);
  r.earliest_s = seconds_of(*r.earliest);
  r.latest_s = seconds_of(*r.latest);
  if (const rule_entry* c = book.find("US", "contact.consent_window_days", as_of)) r.also.push_back(c);
  if (j == "US") return r;

  auto add_limit = [&](std::string_view calls_id, std::string_view window_id) {
    const rule_entry* c = book.find(j, calls_id, as_of);
    if (c == nullptr) return;
    const rule_entry* w = book.find(j, window_id, as_of);
    if (w == nullptr) bad_param(*c, "the pack defines it but not " + std::string(window_id) + " for " + j);
    r.limits.push_back(make_limit(*c, *w, false));
    r.overlay = true;
  };
  add_limit("contact.calls_per_window", "contact.window_days");
  add_limit("contact.other_number_calls_per_window", "contact.other_number_window_days");
  if (const rule_entry* w = book.find(j, "contact.post_conversation_wait_days", as_of)) {
    r.overlay = true;
    if (days_of(*w, 0) > r.wait_days) {
      r.also.push_back(r.wait);
      r.wait = w;
      r.wait_days = days_of(*w, 0);
    } else {
      r.also.push_back(w);
    }
  }
  if (const rule_entry* e = book.find(j, "contact.earliest_local_time", as_of)) {
    r.overlay = true;
    if (seconds_of(*e) > r.earliest_s) {
      r.also.push_back(r.earliest);
      r.earliest = e;
      r.earliest_s = seconds_of(*e);
    } else {
      r.also.push_back(e);
    }
  }
  if (const rule_entry* l = book.find(j, "contact.latest_local_time", as_of)) {
    r.overlay = true;
    if (seconds_of(*l) < r.latest_s) {
      r.also.push_back(r.latest);
      r.latest = l;
      r.latest_s = seconds_of(*l);
    } else {
      r.also.push_back(l);
    }
  }
  return r;
}

std::string hours_text(const contact_rules& r) {
  return clock_text(r.earliest_s).substr(0, 5) + "-" + clock_text(r.latest_s).substr(0, 5);
}

// --- hours --------------------------------------------------------------------------------------

bool in_hours(zone_clock& z, std::int64_t t, const contact_rules& r) {
  const std::int64_t s = z.seconds_of_day(t);
  return s >= r.earliest_s && s < r.latest_s;
}

/// The earliest instant >= t inside the hours in zone z.
std::int64_t next_in_hours(zone_clock& z, std::int64_t t, const contact_rules& r) {
  if (in_hours(z, t, r)) return t;
  const std::int64_t local = z.local(t);
  std::int64_t day = floor_div(local, day_seconds);
  if (local - day * day_seconds >= r.earliest_s) ++day;
  std::int64_t c = z.to_utc(day * day_seconds + r.earliest_s);
  // A skipped or repeated local time near the start of the hours: step to the next day's start.
  for (int guard = 0; guard < 4 && (c < t || !in_hours(z, c, r)); ++guard) c = z.to_utc(++day * day_seconds + r.earliest_s);
  return std::max(c, t + 1);
}

/// The earliest instant in [lo, hi) inside the hours in every zone.
std::optional<std::int64_t> earliest_in_all(std::vector<zone_clock>& zones, std::int64_t lo, std::int64_t hi,
                                            const contact_rules& r) {
  if (r.earliest_s >= r.latest_s) return std::nullopt;
  std::int64_t t = lo;
  for (int pass = 0; pass < 64 && t < hi; ++pass) {
    bool moved = false;
    for (auto& z : zones) {
      const std::int64_t n = next_in_hours(z, t, r);
      if (n != t) {
        t = n;
        moved = true;
        if (t >= hi) return std::nullopt;
      }
    }
    if (!moved) return t;
  }
  return std::nullopt;
}

// --- may_call -----------------------------------------------------------------------------------

struct logged_call {
  std::int64_t t = 0;
  std::int64_t day = 0;
  call_record rec{};
};

/// Day-indexed counts of one limit's counted calls over [first_day, first_day + size).
struct day_counts {
  std::int64_t first_day = 0;
  std::vector<std::int64_t> prefix{};  // prefix[i] = counted calls on days < first_day + i

  [[nodiscard]] std::int64_t sum(std::int64_t from, std::int64_t to) const {  // days [from, to]
    const auto clamp = [&](std::int64_t d) {
      return std::clamp<std::int64_t>(d - first_day, 0, static_cast<std::int64_t>(prefix.size()) - 1);
    };
    return prefix[static_cast<std::size_t>(clamp(to + 1))] - prefix[static_cast<std::size_t>(clamp(from))];
  }
};

struct window_state {
  bool blocked = false;
  std::int64_t worst_from = 0;  // first day of the fullest window containing the day
  std::int64_t worst_count = 0;
};

window_state check_window(const limit_rule& l, const day_counts& c, std::int64_t day) {
  window_state w{.worst_from = day - l.window_days + 1};
  w.worst_count = -1;
  for (std::int64_t s = day - l.window_days + 1; s <= day; ++s) {
    const std::int64_t n = c.sum(s, s + l.window_days - 1);
    if (n > w.worst_count) {
      w.worst_count = n;
      w.worst_from = s;
    }
  }
  w.blocked = w.worst_count + 1 > l.max_calls;
  return w;
}

}  // namespace

std::string_view to_string(call_outcome o) noexcept {
  switch (o) {
    case call_outcome::connected_conversation: return "connected_conversation";
    case call_outcome::unanswered: return "unanswered";
    case call_outcome::voicemail: return "voicemail";
    case call_outcome::not_connected: return "not_connected";
  }
  return "unknown";
}

call_outcome parse_call_outcome(std::string_view text) {
  for (auto o : {call_outcome::connected_conversation, call_outcome::unanswered, call_outcome::voicemail,
                 call_outcome::not_connected})
    if (text == to_string(o)) return o;
  throw invalid_input_error("contact.outcome", "unknown call outcome '" + std::string(text) +
                                                   "': expected connected_conversation, unanswered, voicemail or "
                                                   "not_connected");
}

std::string_view to_string(number_kind k) noexcept { return k == number_kind::personal ? "personal" : "other"; }

number_kind parse_number_kind(std::string_view text) {
  if (text == "personal") return number_kind::personal;
  if (text == "other") return number_kind::other;
  throw invalid_input_error("contact.number_kind",
                            "unknown number kind '" + std::string(text) + "': expected personal or other");
}

std::string_view to_string(contact_block b) noexcept {
  switch (b) {
    case contact_block::call_frequency: return "call_frequency";
    case contact_block::post_conversation_wait: return "post_conversation_wait";
    case contact_block::inconvenient_time: return "inconvenient_time";
  }
  return "unknown";
}

contact_verdict may_call(std::span<const call_record> log, const contact_request& request, const rule_book& book) {
  std::vector<zone_clock> zones = resolve_zones(request.time_zones);
  if (request.search_days < 1 || request.search_days > 3660)
    throw invalid_input_error("contact.search_days",
                              "search_days must be within 1..3660, got " + std::to_string(request.search_days));
  check_jurisdiction(request.jurisdiction);

  const std::int64_t t0 = request.at.time_since_epoch().count();
  check_time(t0, "the proposed time");
  zone_clock& dz = zones.front();  // days are counted in the first candidate zone
  const std::int64_t d0 = dz.local_day(t0);
  const civil_date as_of = civil_date::from_serial(d0);
  const contact_rules rules = resolve_rules(book, request.jurisdiction, as_of);

  const bool ex = request.explain;  // false: the verdict and next_allowed only
  contact_verdict v;
  v.at = request.at;
  v.jurisdiction = request.jurisdiction;
  v.as_of = as_of;
  v.time_zones = request.time_zones;
  if (ex) {
    v.earliest_local_time = clock_text(rules.earliest_s).substr(0, 5);
    v.latest_local_time = clock_text(rules.latest_s).substr(0, 5);
  }

  // The log: one person, one debt; sorted by time (stable, so equal times keep their order).
  std::vector<logged_call> calls;
  calls.reserve(log.size());
  for (const auto& c : log) {
    if (!calls.empty() && (c.person != calls.front().rec.person || c.debt != calls.front().rec.debt))
      throw invalid_input_error("contact.mixed_log",
                                "the log mixes calls to person " + std::to_string(calls.front().rec.person) +
                                    " about debt " + std::to_string(calls.front().rec.debt) + " and person " +
                                    std::to_string(c.person) + " about debt " + std::to_string(c.debt) +
                                    ": may_call takes the calls of one person about one debt");
    const std::int64_t t = c.at.time_since_epoch().count();
    check_time(t, "call " + std::to_string(calls.size()));
    calls.push_back(logged_call{.t = t, .day = dz.local_day(t), .rec = c});
  }
  std::stable_sort(calls.begin(), calls.end(), [](const logged_call& a, const logged_call& b) { return a.t < b.t; });

  // Counted calls per limit, by local day, over every day the search can look at.
  std::int64_t reach = rules.wait_days;
  for (const auto& l : rules.limits) reach = std::max(reach, l.window_days);
  const std::int64_t first_day = d0 - reach;
  const std::int64_t last_day = d0 + request.search_days + reach;
  std::vector<day_counts> counts(rules.limits.size());
  for (std::size_t j = 0; j < rules.limits.size(); ++j) {
    auto& dc = counts[j];
    dc.first_day = first_day;
    dc.prefix.assign(static_cast<std::size_t>(last_day - first_day + 2), 0);
    for (const auto& c : calls)
      if (c.day >= first_day && c.day <= last_day &&
          rules.limits[j].counts(c.rec.outcome, c.rec.excluded_by_consent, c.rec.number))
        ++dc.prefix[static_cast<std::size_t>(c.day - first_day + 1)];
    std::partial_sum(dc.prefix.begin(), dc.prefix.end(), dc.prefix.begin());
  }
  // Which limits this call falls under (a consented call is excluded where consent excludes).
  std::vector<std::size_t> live;
  for (std::size_t j = 0; j < rules.limits.size(); ++j) {
    const auto& l = rules.limits[j];
    if (l.applies_to(request.number) && !(request.with_consent && l.consent_excludes)) live.push_back(j);
  }
  const bool wait_applies = !request.with_consent && rules.wait_days > 0;
  // The latest conversation that starts a wait covering `day` and happened at or before t.
  auto blocking_conversation = [&](std::int64_t day, std::int64_t t) -> const logged_call* {
    if (!wait_applies) return nullptr;
    const logged_call* hit = nullptr;
    for (const auto& c : calls) {
      if (c.t > t) break;
      if (c.rec.outcome == call_outcome::connected_conversation &&
          !(c.rec.excluded_by_consent && rules.limits.front().consent_excludes) && c.day <= day &&
          day <= c.day + rules.wait_days - 1)
        hit = &c;
    }
    return hit;
  };
  auto day_blocked = [&](std::int64_t day) {
    return std::any_of(live.begin(), live.end(),
                       [&](std::size_t j) { return check_window(rules.limits[j], counts[j], day).blocked; });
  };
  auto midnight = [&](std::int64_t day) { return dz.to_utc(day * day_seconds); };

  std::vector<const rule_entry*> blocking;
  std::string where;
  if (ex) {
    where = request.jurisdiction == "US" ? "federal rules (US)"
                                         : "federal rules (US) with the " + request.jurisdiction + " overlay";
    if (request.jurisdiction != "US" && !rules.overlay) where += " (the loaded packs have no contact rules for it)";
  }
  if (ex) v.step("Proposed call at " + utc_text(t0) + " to a " + std::string(to_string(request.number)) + " number" +
         (request.with_consent ? ", placed with the person's direct prior consent" : "") + "; " + where +
         ", rule versions as of " + as_of.to_string() + " (the call's local date in " + dz.name + ").");

  // Hours in every candidate zone.
  {
    std::string local_all;
    bool ok = rules.earliest_s < rules.latest_s;
    for (auto& z : zones) {
      if (!ex) {
        if (in_hours(z, t0, rules)) continue;
        const bool early = z.seconds_of_day(t0) < rules.earliest_s;
        const rule_entry& e = early ? *rules.earliest : *rules.latest;
        v.reasons.push_back(contact_reason{.kind = contact_block::inconvenient_time, .rule_id = e.id,
                                           .jurisdiction = e.jurisdiction, .message = {}, .time_zone = z.name});
        continue;
      }
      const std::string lt = z.local_text(t0);
      local_all += (local_all.empty() ? "" : ", ") + lt + " in " + z.name;
      if (in_hours(z, t0, rules)) continue;
      ok = false;
      const bool early = z.seconds_of_day(t0) < rules.earliest_s;
      const rule_entry& e = early ? *rules.earliest : *rules.latest;
      blocking.push_back(&e);
      v.reasons.push_back(contact_reason{
          .kind = contact_block::inconvenient_time,
          .rule_id = e.id,
          .jurisdiction = e.jurisdiction,
          .message = lt + " in " + z.name + " is " +
                     (early ? "before " + v.earliest_local_time + ", the earliest"
                            : "at or after " + v.latest_local_time + ", the end of the") +
                     " convenient time at the consumer's location (" + e.citation + ")",
          .time_zone = z.name,
          .local_time = lt});
    }
    if (ex) v.step("Convenient hours " + hours_text(rules) + " local time in every candidate zone (" + rules.earliest->jurisdiction +
           " " + rules.earliest->citation + "): the call is at " + local_all + (ok ? ": inside." : ": outside."));
  }

  // Frequency limits.
  for (std::size_t j = 0; j < rules.limits.size(); ++j) {
    const auto& l = rules.limits[j];
    if (!ex) {
      if (std::find(live.begin(), live.end(), j) == live.end() || !check_window(l, counts[j], d0).blocked) continue;
      v.reasons.push_back(contact_reason{.kind = contact_block::call_frequency, .rule_id = l.calls->id,
                                         .jurisdiction = l.calls->jurisdiction, .message = {}});
      continue;
    }
    const std::string head = l.calls->jurisdiction + " " + l.calls->id + ": at most " + std::to_string(l.max_calls) +
                             " calls" + l.scope() + " in any " + std::to_string(l.window_days) + " consecutive days";
    if (std::find(live.begin(), live.end(), j) == live.end()) {
      if (ex) v.step(head + ": does not apply to this call (" +
             (l.applies_to(request.number) ? std::string("placed with consent") : "another kind of number") + ").");
      continue;
    }
    const window_state w = check_window(l, counts[j], d0);
    const std::string span_text =
        date_text(w.worst_from) + " to " + date_text(w.worst_from + l.window_days - 1);
    if (!w.blocked) {
      if (ex) v.step(head + "; the fullest window containing " + as_of.to_string() + " (" + span_text + ") holds " +
             std::to_string(w.worst_count) + ": room for this call.");
      continue;
    }
    std::int64_t through = d0;
    while (through + 1 <= d0 + request.search_days && check_window(l, counts[j], through + 1).blocked) ++through;
    contact_reason reason{.kind = contact_block::call_frequency,
                          .rule_id = l.calls->id,
                          .jurisdiction = l.calls->jurisdiction,
                          .message = {},
                          .window_from = civil_date::from_serial(w.worst_from),
                          .window_to = civil_date::from_serial(w.worst_from + l.window_days - 1),
                          .blocked_through = civil_date::from_serial(through)};
    for (const auto& c : calls)
      if (c.day >= w.worst_from && c.day <= w.worst_from + l.window_days - 1 &&
          l.counts(c.rec.outcome, c.rec.excluded_by_consent, c.rec.number))
        reason.calls.push_back(c.rec.at);
    reason.message = std::to_string(w.worst_count) + " counted call" + (w.worst_count == 1 ? "" : "s") + l.scope() +
                     " already in the " + std::to_string(l.window_days) + " days " + span_text + " (" +
                     l.calls->jurisdiction + ": at most " + std::to_string(l.max_calls) + "; " + l.calls->citation +
                     "); this call would be number " + std::to_string(w.worst_count + 1) +
                     (l.federal ? ", presumed to violate" : ", over the state limit") + "; blocked through " +
                     date_text(through);
    blocking.push_back(l.calls);
    blocking.push_back(l.window);
    if (ex) v.step(head + "; " + reason.message + ".");
    v.reasons.push_back(std::move(reason));
  }

  // The wait after a conversation.
  if (!wait_applies) {
    if (ex) v.step(std::string("Post-conversation wait (") + rules.wait->citation + "): " +
           (request.with_consent ? "does not apply to a call placed with consent." : "none."));
  } else if (const logged_call* c = blocking_conversation(d0, t0); c != nullptr && !ex) {
    v.reasons.push_back(contact_reason{.kind = contact_block::post_conversation_wait, .rule_id = rules.wait->id,
                                       .jurisdiction = rules.wait->jurisdiction, .message = {}});
  } else if (c != nullptr) {
    const std::int64_t through = c->day + rules.wait_days - 1;
    contact_reason reason{.kind = contact_block::post_conversation_wait,
                          .rule_id = rules.wait->id,
                          .jurisdiction = rules.wait->jurisdiction,
                          .message = "a telephone conversation on " + date_text(c->day) + " (" + utc_text(c->t) +
                                     ", day 1 of " + std::to_string(rules.wait_days) + ") blocks calls through " +
                                     date_text(through) + "; the first permitted day is " + date_text(through + 1) +
                                     " (" + rules.wait->citation + ")",
                          .calls = {c->rec.at},
                          .conversation_on = civil_date::from_serial(c->day),
                          .blocked_through = civil_date::from_serial(through)};
    blocking.push_back(rules.wait);
    if (ex) v.step("Post-conversation wait: " + reason.message + ".");
    v.reasons.push_back(std::move(reason));
  } else {
    if (ex) v.step("Post-conversation wait (" + std::to_string(rules.wait_days) + " days, " + rules.wait->citation +
           "): no telephone conversation in the " + std::to_string(rules.wait_days) + " days up to " +
           as_of.to_string() + ".");
  }

  // What was not counted.
  if (ex) {
    std::int64_t not_connected = 0, consented = 0;
    for (const auto& c : calls) {
      if (c.rec.outcome == call_outcome::not_connected) ++not_connected;
      else if (c.rec.excluded_by_consent) ++consented;
    }
    if (not_connected + consented > 0) {
      std::string s = "Not counted toward the federal limits: ";
      if (not_connected > 0) s += std::to_string(not_connected) + " call(s) not connected to the dialled number (busy, not in service)";
      if (consented > 0)
        s += std::string(not_connected > 0 ? "; " : "") + std::to_string(consented) +
             " call(s) flagged as placed with direct prior consent (excluded for at most 7 consecutive days after the "
             "consent; 12 CFR 1006.14(b)(3)(i))";
      if (ex) v.step(s + ".");
    }
  }

  v.allowed = v.reasons.empty();
  if (v.allowed) {
    v.next_allowed = request.at;
    if (ex) v.step("Allowed: the call is presumed to comply with the frequency limits and is within the convenient hours.");
  } else {
    // Bounded search, day by day in the first zone: the day must pass every frequency limit,
    // then the earliest instant inside the hours everywhere must not fall in a wait.
    for (std::int64_t k = d0; k <= d0 + request.search_days; ++k) {
      if (day_blocked(k)) continue;
      const std::int64_t lo = k == d0 ? t0 : std::max(t0, midnight(k));
      const std::int64_t hi = midnight(k + 1);
      if (hi <= lo) continue;
      const auto t = earliest_in_all(zones, lo, hi, rules);
      if (!t || blocking_conversation(k, *t) != nullptr) continue;
      v.next_allowed = std::chrono::sys_seconds{std::chrono::seconds{*t}};
      break;
    }
    std::string kinds;
    for (const auto& r : v.reasons) {
      if (!ex) break;
      const std::string k(to_string(r.kind));
      if (kinds.find(k) == std::string::npos) kinds += (kinds.empty() ? "" : ", ") + k;
    }
    if (v.next_allowed) {
      const std::int64_t n = v.next_allowed->time_since_epoch().count();
      if (ex) v.step("Not allowed (" + kinds + "). Next allowed: " + utc_text(n) + " (" + dz.local_text(n) + " in " + dz.name +
             ").");
    } else {
      if (ex) v.step("Not allowed (" + kinds + "). No allowed time within " + std::to_string(request.search_days) +
             " days of the proposed call" +
             (earliest_in_all(zones, t0, t0 + 3 * day_seconds, rules) ? "." : ": the candidate zones share no convenient hour."));
    }
  }

  // Cite the blocking rules first (the main rule), then everything consulted.
  if (!ex) return v;
  for (const rule_entry* e : blocking) v.use(*e);
  for (const auto& l : rules.limits) {
    v.use(*l.calls);
    v.use(*l.window);
  }
  v.use(*rules.wait);
  v.use(*rules.earliest);
  v.use(*rules.latest);
  for (const rule_entry* e : rules.also) v.use(*e);
  return v;
}

void check_call_log(const call_log_columns& in, const call_log_options& options, std::span<std::uint8_t> flags,
                    std::span<std::int32_t> window_count, const rule_book& book) {
  const std::size_t n = in.person.size();
  auto shape = [&](std::size_t size, const char* what, bool optional) {
    if (size != n && !(optional && size == 0))
      throw invalid_input_error("contact.batch_shape", std::string(what) + " has " + std::to_string(size) +
                                                           " rows, the person column " + std::to_string(n));
  };
  shape(in.debt.size(), "the debt column", false);
  shape(in.utc_seconds.size(), "the utc_seconds column", false);
  shape(in.outcome.size(), "the outcome column", false);
  shape(in.excluded_by_consent.size(), "the excluded_by_consent column", true);
  shape(in.number.size(), "the number column", true);
  shape(in.zone.size(), "the zone column", true);
  shape(flags.size(), "the flags output", false);
  shape(window_count.size(), "the window_count output", true);
  std::vector<zone_clock> zones = resolve_zones(options.time_zones);
  check_jurisdiction(options.jurisdiction);
  for (std::size_t i = 0; i < n; ++i) {
    check_time(in.utc_seconds[i], "row " + std::to_string(i));
    if (in.outcome[i] > 3)
      throw invalid_input_error("contact.outcome", "row " + std::to_string(i) + ": call outcome code " +
                                                       std::to_string(in.outcome[i]) + " is not 0..3");
    if (!in.number.empty() && in.number[i] > 1)
      throw invalid_input_error("contact.number_kind", "row " + std::to_string(i) + ": number kind code " +
                                                           std::to_string(in.number[i]) + " is not 0 (personal) or 1 (other)");
    if (!in.zone.empty() && (in.zone[i] < 0 || static_cast<std::size_t>(in.zone[i]) >= zones.size()))
      throw invalid_input_error("contact.batch_shape", "row " + std::to_string(i) + ": zone index " +
                                                           std::to_string(in.zone[i]) + " is not 0.." +
                                                           std::to_string(zones.size() - 1));
  }
  if (n == 0) return;
  civil_date as_of;
  if (options.as_of) {
    as_of = *options.as_of;
  } else {
    const std::int64_t last = *std::max_element(in.utc_seconds.begin(), in.utc_seconds.end());
    as_of = civil_date::from_serial(floor_div(last, day_seconds));
  }
  const contact_rules rules = resolve_rules(book, options.jurisdiction, as_of);
  const std::size_t nl = rules.limits.size();
  if (nl > 8)
    throw rule_pack_error("contact.rule_param", "more than 8 frequency limits for " + options.jurisdiction);

  // Group by (person, debt), then time; the caller's order is kept when already so.
  auto before = [&](std::size_t a, std::size_t b) {
    if (in.person[a] != in.person[b]) return in.person[a] < in.person[b];
    if (in.debt[a] != in.debt[b]) return in.debt[a] < in.debt[b];
    if (in.utc_seconds[a] != in.utc_seconds[b]) return in.utc_seconds[a] < in.utc_seconds[b];
    return a < b;
  };
  bool sorted = true;
  for (std::size_t i = 1; i < n && sorted; ++i) sorted = !before(i, i - 1);
  std::vector<std::size_t> order;
  if (!sorted) {
    // Sort the keys themselves (contiguous, no indirection), then keep only the row order.
    struct sort_key {
      std::int64_t person, debt, t;
      std::size_t row;
    };
    std::vector<sort_key> keys(n);
    for (std::size_t i = 0; i < n; ++i) keys[i] = sort_key{in.person[i], in.debt[i], in.utc_seconds[i], i};
    std::sort(keys.begin(), keys.end(), [](const sort_key& a, const sort_key& b) {
      if (a.person != b.person) return a.person < b.person;
      if (a.debt != b.debt) return a.debt < b.debt;
      if (a.t != b.t) return a.t < b.t;
      return a.row < b.row;
    });
    order.resize(n);
    for (std::size_t i = 0; i < n; ++i) order[i] = keys[i].row;
  }
  std::vector<std::int64_t> day(n);
  std::vector<std::uint8_t> qual(n);  // bit j: counted by limit j
  std::vector<std::size_t> left(nl, 0);
  std::vector<std::int64_t> count(nl, 0);
  const limit_rule& fed = rules.limits.front();
  const std::int64_t wait_days = rules.wait_days;

  bool has_conv = false;
  std::int64_t conv_day = 0;
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t i = sorted ? k : order[k];
    const std::size_t prev = k == 0 ? 0 : (sorted ? k - 1 : order[k - 1]);
    const bool new_group = k == 0 || in.person[i] != in.person[prev] || in.debt[i] != in.debt[prev];
    zone_clock& z = zones[in.zone.empty() ? 0 : static_cast<std::size_t>(in.zone[i])];
    const std::int64_t local = z.local(in.utc_seconds[i]);
    std::int64_t d = floor_div(local, day_seconds);
    const std::int64_t tod = local - d * day_seconds;
    if (new_group) {
      std::fill(left.begin(), left.end(), k);
      std::fill(count.begin(), count.end(), 0);
      has_conv = false;
    } else if (d < day[k - 1]) {
      d = day[k - 1];
    }
    day[k] = d;

    const auto oc = static_cast<call_outcome>(in.outcome[i]);
    const bool consent = !in.excluded_by_consent.empty() && in.excluded_by_consent[i] != 0;
    const auto nk = in.number.empty() ? number_kind::personal : static_cast<number_kind>(in.number[i]);
    std::uint8_t f = 0;
    if (tod < rules.earliest_s || tod >= rules.latest_s) f |= call_flag::outside_hours;
    std::uint8_t q = 0;
    for (std::size_t j = 0; j < nl; ++j) {
      const limit_rule& l = rules.limits[j];
      const auto bit = static_cast<std::uint8_t>(1U << j);
      while (left[j] < k && day[left[j]] < d - (l.window_days - 1)) {
        if ((qual[left[j]] & bit) != 0) --count[j];
        ++left[j];
      }
      if (l.counts(oc, consent, nk)) {
        q |= bit;
        if (++count[j] > l.max_calls) f |= l.federal ? call_flag::over_limit : call_flag::over_state_limit;
      }
    }
    qual[k] = q;
    if ((q & 1U) != 0) f |= call_flag::counted;
    const bool placed = oc != call_outcome::not_connected && !(consent && fed.consent_excludes);
    if (placed && has_conv && d <= conv_day + wait_days - 1) f |= call_flag::in_wait;
    if (placed && oc == call_outcome::connected_conversation) {
      has_conv = true;
      conv_day = d;
    }
    flags[i] = f;
    if (!window_count.empty())
      window_count[i] = (q & 1U) != 0 ? static_cast<std::int32_t>(std::min<std::int64_t>(count[0], 2147483647)) : 0;
  }
}

}  // namespace recoup::rules
