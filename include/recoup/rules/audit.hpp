// recoup/rules/audit.hpp — what a compliance officer signs off: how sure, how sourced and how
// current every figure of a rule book is.
//
// audit() reads every entry of a book and reports certainty counts by pack and jurisdiction,
// the web domains the figures were checked at (official text, faithful mirror or secondary),
// the horizon of every dated table (a reference-rate or minimum-wage table ends on the last
// day its pack vouches for) with those ending within `within_days` of `as_of` flagged, and
// every unverified or contested figure with its note (what is unknown).
//
//   const auto a = recoup::rules::audit(recoup::rules::rule_book::defaults(),
//                                       recoup::civil_date::parse("2026-12-07"));
//   a.certainty.verified;          // figures seen in the official text
//   for (const auto& h : a.horizons) if (h.state != horizon_state::current) ...
//   std::cout << a.to_text();      // the report `recoup rules audit` prints
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "recoup/rules/rule_book.hpp"

namespace recoup::rules {

/// How many figures carry each certainty tag.
struct certainty_counts {
  std::size_t verified = 0;
  std::size_t secondary = 0;
  std::size_t unverified = 0;
  std::size_t contested = 0;

  void add(certainty c) noexcept;
  [[nodiscard]] std::size_t total() const noexcept { return verified + secondary + unverified + contested; }
  /// verified / total in tenths of a percent, rounded half-even (0 for an empty count): 481 = 48.1%.
  [[nodiscard]] std::int64_t verified_permille() const noexcept;
  /// verified_permille as text with one decimal: "48.1".
  [[nodiscard]] std::string verified_percent() const;
};

/// Where a figure was checked.
enum class source_kind : std::uint8_t {
  official,   ///< a legislature, regulator, central bank, court or government site
  mirror,     ///< a faithful mirror of statute text (law.justia.com, law.cornell.edu, ...)
  secondary,  ///< anything else: law firms, advice charities, news, trade bodies
  none,       ///< the entry names no source
};

/// "official", "mirror", "secondary", "none".
std::string_view to_string(source_kind k) noexcept;

/// The host of a source URL without "www." ("https://www.akleg.gov/x" -> "akleg.gov"); "" for
/// an empty or malformed URL.
std::string source_domain(std::string_view url);

/// Classifies a source URL: official (.gov, .gov.uk, .europa.eu, state legislature hosts
/// under .us, central banks and the official non-.gov statute sites listed in audit.cpp),
/// mirror, secondary or none.
source_kind classify_source(std::string_view url);

/// One pack of the book.
struct pack_audit {
  std::string id;
  std::string title;
  std::string origin;
  civil_date reviewed;
  std::optional<civil_date> valid_through;
  std::size_t rules = 0;
  certainty_counts certainty;
  std::size_t official_sources = 0;  ///< entries checked at an official site
  std::size_t without_source = 0;    ///< entries naming no source URL
  std::size_t since_at_least = 0;    ///< entries whose start date is only a lower bound
  std::vector<std::string> jurisdictions;
};

/// One jurisdiction of the book.
struct jurisdiction_audit {
  std::string jurisdiction;
  certainty_counts certainty;
  std::vector<std::string> checks;  ///< the rule-id families it has: "garnishment", "limitation", "wage"
};

/// The figures checked at one domain.
struct source_domain_audit {
  std::string domain;  ///< "" for entries with no source
  source_kind kind = source_kind::none;
  std::size_t figures = 0;
};

/// Where a dated table stands on the audit date.
enum class horizon_state : std::uint8_t {
  current,      ///< its last day is more than within_days away
  ending_soon,  ///< its last day is within within_days of as_of (inclusive)
  expired,      ///< its last day is before as_of: questions after it raise rules.not_in_force
};

/// "current", "ending_soon", "expired".
std::string_view to_string(horizon_state s) noexcept;

/// A dated table: a (jurisdiction, rule id) whose last version has an effective_to.
struct table_horizon {
  std::string pack;
  std::string jurisdiction;
  std::string rule_id;
  std::size_t versions = 0;
  civil_date last_day;            ///< effective_to of the last version: the table's horizon
  civil_date reviewed;            ///< the pack's review date
  std::int64_t days_left = 0;     ///< last_day - as_of (negative once past)
  horizon_state state = horizon_state::current;
  bool past_at_review = false;    ///< last_day < reviewed: the pack shipped already out of date
};

/// An unverified or contested figure: what is unknown about it.
struct open_question {
  std::string pack;
  std::string jurisdiction;
  std::string rule_id;
  civil_date effective_from;
  certainty sureness = certainty::unverified;
  std::string note;  ///< the pack's note (what is unknown, what the engine does)
};

/// The whole audit.
struct rules_audit {
  civil_date as_of;
  int within_days = 90;
  certainty_counts certainty;                    ///< every figure of the book
  std::vector<pack_audit> packs;                 ///< in load order
  std::vector<jurisdiction_audit> jurisdictions; ///< sorted by code
  std::vector<source_domain_audit> sources;      ///< most figures first
  std::vector<table_horizon> horizons;           ///< every dated table, soonest last day first
  std::vector<open_question> open_questions;     ///< unverified and contested figures

  /// The tables whose state is ending_soon or expired.
  [[nodiscard]] std::vector<table_horizon> attention() const;
  /// The report `recoup rules audit` prints: totals, packs, jurisdictions, sources, horizons
  /// and open questions, as aligned plain text.
  [[nodiscard]] std::string to_text() const;
};

/// Audits every entry of `book` as of `as_of`; tables ending within `within_days` (0..3660)
/// of it are flagged. Errors: invalid_input_error "audit.within_days".
[[nodiscard]] rules_audit audit(const rule_book& book, civil_date as_of, int within_days = 90);

}  // namespace recoup::rules
