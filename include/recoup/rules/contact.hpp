// recoup/rules/contact.hpp — may a collector telephone this person about this debt now? Reg F call
// frequency (7 calls in 7 days, the wait after a conversation), convenient hours in every
// candidate time zone, and the stricter state overlays (US-MA, US-WA), from the us-contact pack.
//
// Figures come from the rule book (data/rules/us-contact.toml): contact.calls_per_window,
// contact.window_days, contact.post_conversation_wait_days, contact.earliest_local_time,
// contact.latest_local_time (federal "US", and the state's own where it has them; the stricter
// wins). Days are calendar days at the consumer's location, taken in the FIRST candidate zone;
// hours must hold in EVERY candidate zone (DST from the OS tz database).
//
//   using namespace recoup::rules;
//   std::vector<call_record> log = {...};                      // this person, this debt
//   contact_request req{.at = when, .time_zones = {"America/New_York", "America/Los_Angeles"}};
//   contact_verdict v = may_call(log, req);
//   if (!v.allowed) schedule(v.next_allowed);                  // earliest allowed instant (UTC)
//   std::puts(v.explain().c_str());                             // reasons, rules and citations
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "recoup/rules/rule_book.hpp"
#include "recoup/rules/verdict.hpp"

namespace recoup::rules {

/// What became of a telephone call. Codes are stable (the columnar form uses them).
enum class call_outcome : std::uint8_t {
  connected_conversation = 0,  ///< a live conversation with the person (starts the wait)
  unanswered = 1,              ///< rang out, or answered and dropped: counts
  voicemail = 2,               ///< reached voicemail or a recording (message left or not): counts
  not_connected = 3,           ///< busy signal, number not in service: excluded from every limit
};

/// "connected_conversation", "unanswered", "voicemail", "not_connected".
std::string_view to_string(call_outcome o) noexcept;
/// The outcome named `text`; throws invalid_input_error ("contact.outcome") listing the names.
call_outcome parse_call_outcome(std::string_view text);

/// The kind of number dialled (Massachusetts limits personal and other numbers separately).
enum class number_kind : std::uint8_t {
  personal = 0,  ///< residence, mobile, or another number the person gave as personal
  other = 1,     ///< any other number (work, ...)
};

/// "personal", "other".
std::string_view to_string(number_kind k) noexcept;
/// The kind named `text`; throws invalid_input_error ("contact.number_kind").
number_kind parse_number_kind(std::string_view text);

/// One telephone call already placed.
struct call_record {
  std::chrono::sys_seconds at{};                  ///< when it was placed (UTC)
  std::int64_t person = 0;                        ///< who was called (the caller's id)
  std::int64_t debt = 0;                          ///< about which debt (the caller's id)
  call_outcome outcome = call_outcome::unanswered;
  bool excluded_by_consent = false;               ///< placed with direct prior consent, within its window
  number_kind number = number_kind::personal;     ///< the kind of number dialled
};

/// The call a collector proposes to place.
struct contact_request {
  std::chrono::sys_seconds at{};              ///< proposed time (UTC)
  std::vector<std::string> time_zones{};      ///< candidate IANA zones; the first counts the days
  std::string jurisdiction = "US";            ///< "US" or a state "US-XX" (overlay on federal)
  number_kind number = number_kind::personal; ///< the kind of number to be dialled
  bool with_consent = false;                  ///< placed with direct prior consent: not counted
  int search_days = 400;                      ///< how far next_allowed searches (1..3660 days)
  /// false: the verdict only (allowed, next_allowed, each reason's kind and rule id) without
  /// steps, citations or reason messages, for batch callers that need no explanation.
  bool explain = true;
};

/// Which rule blocked a proposed call.
enum class contact_block : std::uint8_t {
  call_frequency = 0,          ///< too many calls in a rolling window (federal or state)
  post_conversation_wait = 1,  ///< within the wait after a telephone conversation
  inconvenient_time = 2,       ///< outside the convenient hours in some candidate zone
};

/// "call_frequency", "post_conversation_wait", "inconvenient_time".
std::string_view to_string(contact_block b) noexcept;

/// One reason a proposed call is not allowed, with the facts behind it.
struct contact_reason {
  contact_block kind = contact_block::call_frequency;
  std::string rule_id;                                ///< "contact.calls_per_window"
  std::string jurisdiction;                           ///< "US" or "US-MA"
  std::string message;                                ///< plain English
  std::vector<std::chrono::sys_seconds> calls{};      ///< frequency: the window's counted calls
  std::optional<civil_date> window_from{};            ///< frequency: first day of the full window
  std::optional<civil_date> window_to{};              ///< frequency: its last day
  std::optional<civil_date> conversation_on{};        ///< wait: the conversation's local date
  std::optional<civil_date> blocked_through{};        ///< wait / frequency: last blocked day
  std::string time_zone{};                            ///< hours: the zone where it is inconvenient
  std::string local_time{};                           ///< hours: local time there ("07:30:00 EST")
};

/// The answer of may_call: allowed or not, why, and the earliest allowed instant.
struct contact_verdict : verdict {
  bool allowed = false;
  std::chrono::sys_seconds at{};                            ///< the proposed time
  std::optional<std::chrono::sys_seconds> next_allowed{};   ///< earliest allowed >= at; none when
                                                            ///< nothing within search_days
  std::vector<contact_reason> reasons{};                    ///< empty when allowed
  std::string jurisdiction{};                               ///< as asked
  civil_date as_of{};                                       ///< local date of `at`: rule versions
  std::vector<std::string> time_zones{};                    ///< as asked; the first counts days
  std::string earliest_local_time{};                        ///< hours applied ("08:00")
  std::string latest_local_time{};                          ///< ("21:00", exclusive)
};

/// Whether a call to one person about one debt may be placed at `request.at`, given the calls
/// already placed (any order; they are sorted), under the federal rules and the jurisdiction's
/// overlay. Throws invalid_input_error: "contact.no_time_zone" (no candidate zone),
/// "contact.unknown_time_zone" (a name the tz database does not know), "contact.mixed_log" (calls
/// of more than one person or debt), "contact.search_days", "contact.time" (a time outside the
/// years 0001..9999); unknown_jurisdiction_error "contact.jurisdiction" (not "US" or "US-XX");
/// the rule book's errors when a figure is missing or not in force on the call's local date.
[[nodiscard]] contact_verdict may_call(std::span<const call_record> log, const contact_request& request,
                         const rule_book& book = rule_book::defaults());

/// Per-call flags written by check_call_log (a bit set per call).
namespace call_flag {
inline constexpr std::uint8_t counted = 1;           ///< counts toward the federal frequency
inline constexpr std::uint8_t over_limit = 2;        ///< 8th or later counted call in a federal window
inline constexpr std::uint8_t in_wait = 4;           ///< placed inside the wait after a conversation
inline constexpr std::uint8_t outside_hours = 8;     ///< outside the convenient hours (its zone)
inline constexpr std::uint8_t over_state_limit = 16; ///< over a state overlay's frequency limit
}  // namespace call_flag

/// A call log as columns (one row per call, any order). Optional columns may be empty.
struct call_log_columns {
  std::span<const std::int64_t> person{};
  std::span<const std::int64_t> debt{};
  std::span<const std::int64_t> utc_seconds{};          ///< seconds since 1970-01-01T00:00:00Z
  std::span<const std::uint8_t> outcome{};              ///< call_outcome codes 0..3
  std::span<const std::uint8_t> excluded_by_consent{};  ///< 0/1; empty = none
  std::span<const std::uint8_t> number{};               ///< number_kind codes; empty = all personal
  std::span<const std::int32_t> zone{};                 ///< index into time_zones; empty = all 0
};

/// Settings of check_call_log.
struct call_log_options {
  std::vector<std::string> time_zones{};  ///< each row's zone by index (one zone per row)
  std::string jurisdiction = "US";        ///< one jurisdiction for the whole log
  std::optional<civil_date> as_of{};      ///< rule versions; none = UTC date of the latest call
};

/// Flags every call of a log, in the caller's row order: counted, presumptively over the
/// federal limit (the 8th or later counted call to the person about the debt in 7 consecutive
/// local days), inside the wait after a conversation, outside the hours, over a state limit.
/// `window_count` (optional, same length) receives the number of counted calls in the 7 days
/// ending with each counted call (0 for calls not counted). One pass per (person, debt) group,
/// no allocation per row (one index and one day column per log). A local date that goes back
/// (a zone change between rows) is counted as the previous row's date. Throws
/// invalid_input_error "contact.batch_shape" (columns or outputs of different lengths, a zone
/// index out of range), "contact.outcome" / "contact.number_kind" / "contact.time" (naming the
/// row), and the errors of may_call for zones and jurisdiction.
void check_call_log(const call_log_columns& log, const call_log_options& options, std::span<std::uint8_t> flags,
                    std::span<std::int32_t> window_count = {}, const rule_book& book = rule_book::defaults());

}  // namespace recoup::rules
