// recoup/rules/rule_entry.hpp — one dated, cited figure of a rule pack (one version of one rule).
//
// A rule pack (data/rules/*.toml, schema in data/rules/README.md) is a list of entries. Each
// entry is one version of one figure: its id ("limitation.open_account"), its jurisdiction
// ("US-TX"), the days it is in force, its exact value and unit, its citation and how sure the
// data is of it. Checks read entries from a rule_book "as of" a date and name them in verdicts.
//
//   const auto& e = recoup::rules::rule_book::defaults().at("US-TX", "limitation.open_account",
//                                                          recoup::civil_date::parse("2026-01-01"));
//   e.integer();                             // 4
//   e.param_text("start_event", "default");  // "default"
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "recoup/core/decimal.hpp"
#include "recoup/core/error.hpp"
#include "recoup/core/money.hpp"
#include "recoup/time/civil_date.hpp"

namespace recoup::rules {

/// How sure the data is of a figure (the catalogue's tags).
enum class certainty : std::uint8_t {
  verified,    ///< seen in the official text
  secondary,   ///< seen in a secondary source (law firm, advice charity, public code quoting it)
  unverified,  ///< not seen in a source when the pack was written; a lead, flagged in verdicts
  contested,   ///< the law itself is unsettled (courts disagree); the note says how
};

/// "verified", "secondary", "unverified", "contested".
std::string_view to_string(certainty c) noexcept;

/// The unit of a figure's value.
enum class rule_unit : std::uint8_t {
  years, months, weeks, days, calendar_days, business_days, working_days, hours, time_of_day,
  calls, percent, ratio, money, multiple, boolean, text,
};

/// "years", "business_days", ...
std::string_view to_string(rule_unit u) noexcept;

/// A value in a pack: an integer, an exact decimal, a flag, text or a date.
using rule_value = std::variant<std::int64_t, decimal, bool, std::string, civil_date>;

/// The value as text, as it would be written in a pack ("4", "0.25", "true", "08:00").
std::string to_string(const rule_value& v);

/// "in force from 2022-04-07", "in force 2012-09-28 to 2021-06-15", "in force since at least
/// 2000-01-01": the phrase rule_entry::version and rule_reference::version share.
std::string in_force_text(civil_date from, const std::optional<civil_date>& to, bool since_at_least);

/// One version of one rule figure.
struct rule_entry {
  std::string id;                          ///< "limitation.open_account"
  std::string jurisdiction;                ///< "US-TX"
  civil_date effective_from;               ///< first day in force
  std::optional<civil_date> effective_to;  ///< last day in force (inclusive); none = in force
  rule_value value;                        ///< the figure
  rule_unit unit = rule_unit::text;        ///< its unit
  std::optional<currency> money_currency;  ///< the currency when unit == money
  std::string citation;                    ///< statute or rule section
  certainty sureness = certainty::unverified;  ///< how sure the data is
  std::string source;                      ///< URL where the figure was checked (may be empty)
  std::string note;                        ///< assumptions, contested points (may be empty)
  std::string pack;                        ///< id of the pack that defined it
  std::string origin;                      ///< "file line N" of its [[rule]] table
  std::vector<std::pair<std::string, rule_value>> params;  ///< check-specific parameters
  /// effective_from is only the earliest day the pack could establish ("in force since at
  /// least"); the figure is taken to answer for earlier days too, and verdicts say so. Only the
  /// earliest version of a rule may set it.
  bool since_at_least = false;

  /// The day serials this version answers for, [first, last]: INT32_MIN when since_at_least,
  /// INT32_MAX with no effective_to. Compiled rule tables use it as in_force_on does.
  [[nodiscard]] std::pair<std::int32_t, std::int32_t> serial_window() const noexcept {
    return {since_at_least ? INT32_MIN : effective_from.serial(), effective_to ? effective_to->serial() : INT32_MAX};
  }

  /// True when this version answers for `d`: within [effective_from, effective_to], or before
  /// effective_from when since_at_least.
  [[nodiscard]] bool in_force_on(civil_date d) const noexcept {
    const auto [first, last] = serial_window();
    return first <= d.serial() && d.serial() <= last;
  }

  /// The value as an integer; throws rule_pack_error ("rules.value_type") naming the rule otherwise.
  [[nodiscard]] std::int64_t integer() const;
  /// The value as an exact number (an integer or a decimal string).
  [[nodiscard]] decimal number() const;
  /// The value as a flag (unit boolean).
  [[nodiscard]] bool flag() const;
  /// The value as text.
  [[nodiscard]] const std::string& text() const;
  /// The value as money (unit money, with its currency).
  [[nodiscard]] money amount() const;

  /// A parameter, or nullptr when the entry does not set it.
  [[nodiscard]] const rule_value* param(std::string_view key) const noexcept;
  /// Typed parameter access with a default for an absent key; a present key of the wrong type
  /// throws rule_pack_error ("rules.param_type") naming the rule and the key.
  [[nodiscard]] std::int64_t param_integer(std::string_view key, std::int64_t fallback) const;
  [[nodiscard]] decimal param_number(std::string_view key, const decimal& fallback) const;
  [[nodiscard]] bool param_flag(std::string_view key, bool fallback) const;
  [[nodiscard]] std::string param_text(std::string_view key, std::string_view fallback) const;
  [[nodiscard]] std::optional<civil_date> param_date(std::string_view key) const;

  /// "US-TX limitation.open_account (in force from 1979-08-27)" — the version a verdict used.
  [[nodiscard]] std::string version() const;
};

}  // namespace recoup::rules
