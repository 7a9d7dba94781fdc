// The rule-data audit: certainty, sources and horizons of every figure of a book.
#include "recoup/rules/audit.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <sstream>

namespace recoup::rules {

namespace {

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// Official sites whose host is not under a government suffix: central banks, the official
// statute publishers of a few states, and the UK regulator's handbook.
constexpr std::array<std::string_view, 8> official_hosts{
    "bankofengland.co.uk", "bsi.si",        "banque-france.fr",     "bundesbank.de",
    "fca.org.uk",          "ksrevisor.org", "mainelegislature.org", "nmonesource.com"};

// Faithful mirrors of statute and case text: the text is the official text, the site is not.
constexpr std::array<std::string_view, 10> mirror_hosts{
    "law.justia.com",    "law.cornell.edu",  "codes.findlaw.com",  "casetext.com",
    "oregon.public.law", "lcco.law.lsu.edu", "courtlistener.com",  "govinfo.library.unt.edu",
    "unicourt.github.io",  // Public.Resource.Org's copies of the official annotated state codes
    "law.resource.org"};

}  // namespace

void certainty_counts::add(certainty c) noexcept {
  switch (c) {
    case certainty::verified: ++verified; break;
    case certainty::secondary: ++secondary; break;
    case certainty::unverified: ++unverified; break;
    case certainty::contested: ++contested; break;
  }
}

std::string certainty_counts::verified_percent() const {
  const std::int64_t p = verified_permille();
  return std::to_string(p / 10) + "." + std::to_string(p % 10);
}

std::int64_t certainty_counts::verified_permille() const noexcept {
  const auto n = static_cast<std::int64_t>(total());
  if (n == 0) return 0;
  const auto num = static_cast<std::int64_t>(verified) * 1000;
  std::int64_t q = num / n;
  const std::int64_t r2 = (num % n) * 2;
  if (r2 > n || (r2 == n && (q % 2) != 0)) ++q;  // half-even
  return q;
}

std::string_view to_string(source_kind k) noexcept {
  switch (k) {
    case source_kind::official: return "official";
    case source_kind::mirror: return "mirror";
    case source_kind::secondary: return "secondary";
    case source_kind::none: return "none";
  }
  return "none";
}

std::string_view to_string(horizon_state s) noexcept {
  switch (s) {
    case horizon_state::current: return "current";
    case horizon_state::ending_soon: return "ending_soon";
    case horizon_state::expired: return "expired";
  }
  return "current";
}

std::string source_domain(std::string_view url) {
  const auto scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  std::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  rest = rest.substr(0, rest.find(':'));
  std::string host(rest);
  std::transform(host.begin(), host.end(), host.begin(), [](unsigned char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  });
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  while (!host.empty() && host.back() == '.') host.pop_back();  // "bsi.si." is the fully qualified bsi.si
  return host;
}

namespace {

/// classify_source for a host already reduced by source_domain.
source_kind classify_host(const std::string& host) {
  if (host.empty()) return source_kind::none;
  auto is_or_under = [&](std::string_view h) { return host == h || ends_with(host, "." + std::string(h)); };
  for (auto h : official_hosts)
    if (is_or_under(h)) return source_kind::official;
  for (auto h : mirror_hosts)
    if (is_or_under(h)) return source_kind::mirror;
  // Government suffixes; US state sites under the .us locality domain (legis.state.pa.us).
  if (ends_with(host, ".gov") || ends_with(host, ".gov.uk") || ends_with(host, ".mil") ||
      ends_with(host, ".europa.eu") || host == "europa.eu" || ends_with(host, ".gov.scot") ||
      ends_with(host, ".gov.wales") || (ends_with(host, ".us") && host.find(".state.") != std::string::npos))
    return source_kind::official;
  return source_kind::secondary;
}

}  // namespace

source_kind classify_source(std::string_view url) { return classify_host(source_domain(url)); }

std::vector<table_horizon> rules_audit::attention() const {
  std::vector<table_horizon> out;
  for (const auto& h : horizons)
    if (h.state != horizon_state::current) out.push_back(h);
  return out;
}

rules_audit audit(const rule_book& book, civil_date as_of, int within_days) {
  if (within_days < 0 || within_days > 3660)
    throw invalid_input_error("audit.within_days",
                              "within_days " + std::to_string(within_days) + " is outside 0..3660 (days before a "
                              "table's last day to flag it)");
  rules_audit a;
  a.as_of = as_of;
  a.within_days = within_days;
  std::map<std::string, std::size_t> pack_index;
  for (const auto& p : book.packs()) {
    pack_index[p.id] = a.packs.size();
    pack_audit pa;
    pa.id = p.id;
    pa.title = p.title;
    pa.origin = p.origin;
    pa.reviewed = p.reviewed;
    pa.valid_through = p.valid_through;
    a.packs.push_back(std::move(pa));
  }
  std::map<std::string, jurisdiction_audit> by_jurisdiction;
  std::map<std::string, source_domain_audit> by_domain;
  std::map<std::string, std::set<std::string>> pack_jurisdictions;

  const auto entries = book.entries();  // sorted by jurisdiction, id, effective_from
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const rule_entry& e = entries[i];
    a.certainty.add(e.sureness);
    pack_audit* pack = nullptr;
    if (auto it = pack_index.find(e.pack); it != pack_index.end()) pack = &a.packs[it->second];
    const std::string domain = source_domain(e.source);
    const source_kind kind = classify_host(domain);
    if (pack != nullptr) {
      ++pack->rules;
      pack->certainty.add(e.sureness);
      if (kind == source_kind::official) ++pack->official_sources;
      if (kind == source_kind::none) ++pack->without_source;
      if (e.since_at_least) ++pack->since_at_least;
      pack_jurisdictions[e.pack].insert(e.jurisdiction);
    }
    auto& j = by_jurisdiction[e.jurisdiction];
    j.jurisdiction = e.jurisdiction;
    j.certainty.add(e.sureness);
    const std::string family = e.id.substr(0, e.id.find('.'));
    if (std::find(j.checks.begin(), j.checks.end(), family) == j.checks.end()) j.checks.push_back(family);
    auto& d = by_domain[domain];
    d.domain = domain;
    d.kind = kind;
    ++d.figures;
    if (e.sureness == certainty::unverified || e.sureness == certainty::contested)
      a.open_questions.push_back(open_question{.pack = e.pack, .jurisdiction = e.jurisdiction, .rule_id = e.id,
                                               .effective_from = e.effective_from, .sureness = e.sureness,
                                               .note = e.note});
    // The last version of a (jurisdiction, id) with an end date is a dated table's horizon.
    const bool last = i + 1 == entries.size() || entries[i + 1].jurisdiction != e.jurisdiction ||
                      entries[i + 1].id != e.id;
    if (last && e.effective_to) {
      table_horizon h;
      h.pack = e.pack;
      h.jurisdiction = e.jurisdiction;
      h.rule_id = e.id;
      h.versions = book.versions(e.jurisdiction, e.id).size();
      h.last_day = *e.effective_to;
      h.reviewed = pack != nullptr ? pack->reviewed : civil_date();
      h.days_left = static_cast<std::int64_t>(h.last_day.serial()) - as_of.serial();
      h.state = h.days_left < 0              ? horizon_state::expired
                : h.days_left <= within_days ? horizon_state::ending_soon
                                             : horizon_state::current;
      h.past_at_review = pack != nullptr && h.last_day < pack->reviewed;
      a.horizons.push_back(std::move(h));
    }
  }
  for (auto& p : a.packs) {
    const auto& js = pack_jurisdictions[p.id];
    p.jurisdictions.assign(js.begin(), js.end());
  }
  for (auto& [_, j] : by_jurisdiction) {
    std::sort(j.checks.begin(), j.checks.end());
    a.jurisdictions.push_back(std::move(j));
  }
  for (auto& [_, d] : by_domain) a.sources.push_back(std::move(d));
  std::stable_sort(a.sources.begin(), a.sources.end(),
                   [](const auto& x, const auto& y) { return x.figures > y.figures; });
  std::stable_sort(a.horizons.begin(), a.horizons.end(),
                   [](const auto& x, const auto& y) { return x.last_day < y.last_day; });
  return a;
}

namespace {

std::string counts(const certainty_counts& c) {
  return std::to_string(c.total()) + " figures: " + std::to_string(c.verified) + " verified (" +
         c.verified_percent() + "%), " + std::to_string(c.secondary) + " secondary, " +
         std::to_string(c.unverified) + " unverified, " + std::to_string(c.contested) + " contested";
}

std::string pad(std::string s, std::size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}

std::string days(std::int64_t n) {
  if (n < 0) return std::to_string(-n) + " day" + (n == -1 ? "" : "s") + " ago";
  if (n == 0) return "today";
  return "in " + std::to_string(n) + " day" + (n == 1 ? "" : "s");
}

}  // namespace

std::string rules_audit::to_text() const {
  std::ostringstream out;
  out << "Rule data audit as of " << as_of.to_string() << " (tables ending within " << within_days
      << " days are flagged)\n";
  out << "All packs: " << counts(certainty) << "\n\nPacks\n";
  for (const auto& p : packs) {
    out << "  " << pad(p.id, 22) << " reviewed " << p.reviewed.to_string();
    if (p.valid_through) out << ", valid through " << p.valid_through->to_string();
    out << ": " << counts(p.certainty) << "; " << p.official_sources << " checked at official sites";
    if (p.without_source != 0) out << ", " << p.without_source << " without a source";
    if (p.since_at_least != 0) out << ", " << p.since_at_least << " with a start date that is only a lower bound";
    out << "\n";
  }
  out << "\nJurisdictions\n";
  for (const auto& j : jurisdictions) {
    std::string checks;
    for (const auto& c : j.checks) checks += (checks.empty() ? "" : ", ") + c;
    out << "  " << pad(j.jurisdiction, 7) << " " << pad(checks, 36) << " " << counts(j.certainty) << "\n";
  }
  out << "\nSources by domain (figures checked there)\n";
  for (const auto& s : sources)
    out << "  " << pad(s.domain.empty() ? "(no source)" : s.domain, 40) << " " << pad(std::string(to_string(s.kind)), 10)
        << " " << s.figures << "\n";
  out << "\nDated tables (horizon = the last day the table covers)\n";
  if (horizons.empty()) out << "  none\n";
  for (const auto& h : horizons) {
    const char* flag = h.state == horizon_state::expired       ? "EXPIRED     "
                       : h.state == horizon_state::ending_soon ? "ENDING SOON "
                                                               : "current     ";
    out << "  " << flag << pad(h.jurisdiction + " " + h.rule_id, 48) << " ends " << h.last_day.to_string() << " ("
        << days(h.days_left) << "); " << h.versions << " version" << (h.versions == 1 ? "" : "s") << ", pack "
        << h.pack << " reviewed " << h.reviewed.to_string();
    if (h.past_at_review) out << " - ALREADY PAST WHEN REVIEWED";
    out << "\n";
  }
  out << "\nOpen questions (unverified or contested figures)\n";
  if (open_questions.empty()) out << "  none\n";
  for (const auto& q : open_questions)
    out << "  " << q.jurisdiction << " " << q.rule_id << " from " << q.effective_from.to_string() << " ["
        << to_string(q.sureness) << "]: " << (q.note.empty() ? "(the pack gives no note)" : q.note) << "\n";
  std::string s = out.str();
  if (!s.empty() && s.back() == '\n') s.pop_back();
  return s;
}

}  // namespace recoup::rules
