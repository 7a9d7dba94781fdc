// recoup/time/calendar.hpp — business-day calendars: built-in (US, GB-EAW, GB-SCT, GB-NIR), user
// calendars from TOML or from a list, and joint calendars.
//
// A calendar is an immutable value: it shares its precomputed data through a
// std::shared_ptr<const ...>, so copies are cheap and one calendar may be used from many threads.
// Built-in calendars are data (data/calendars/*.toml, compiled into the library), parsed once on
// first use; every rule carries its citation.
//
// Each calendar covers a range of years (first_year()..last_year()). Asking about a day outside
// that range throws invalid_input_error "calendar.out_of_range" instead of guessing. One-off days
// (royal weddings, state funerals, moved bank holidays) are known only once proclaimed: a calendar
// holds those proclaimed when its data was last reviewed (see note()).
//
//   auto us = recoup::calendar::get("US");
//   us.is_business_day(recoup::civil_date::parse("2021-12-31"));   // false: New Year 2022 observed
//   us.add_business_days(recoup::civil_date::parse("2027-07-02"), 1).to_string();  // "2027-07-06"
//   auto both = recoup::calendar::joint({us, recoup::calendar::get("GB-EAW")});
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include "recoup/time/business_day_convention.hpp"
#include "recoup/time/civil_date.hpp"

namespace recoup {

/// One holiday of a calendar: its date, its name ("Christmas Day (substitute day)") and the
/// rule or proclamation it comes from. A holiday that falls on a weekend is listed on its own
/// date and, where a substitute or observed day is given, that day is listed too.
struct holiday {
  civil_date date;
  std::string name;
  std::string citation;

  friend bool operator==(const holiday&, const holiday&) = default;
};

namespace detail {
struct calendar_data;
}  // namespace detail

/// A business-day calendar: weekend days plus holidays over a covered range of years.
class calendar {
 public:
  /// A built-in calendar: "US", "GB-EAW", "GB-SCT" or "GB-NIR". Any other id throws
  /// unknown_jurisdiction_error "calendar.unknown" listing the known ids.
  static calendar get(std::string_view id);

  /// The ids get() accepts, sorted.
  static std::vector<std::string> builtin_ids();

  /// A user calendar from a list of holidays. `weekend` lists the weekly days off (for example
  /// {date::Saturday, date::Sunday}; at least one weekday must remain a working day); every
  /// holiday must lie in first_year..last_year (1..9998). Two holidays on one date are kept as
  /// two entries. Throws invalid_input_error "calendar.custom" naming the bad value.
  static calendar custom(std::string id, const std::vector<date::weekday>& weekend,
                         std::vector<holiday> holidays, int first_year, int last_year);

  /// A user calendar from TOML text in the schema of data/calendars/README.md. `source_name`
  /// (a file name) appears in error messages. A file that fails to parse or validate throws
  /// rule_pack_error "calendar.data" naming the source, the line and the key.
  static calendar from_toml(std::string_view text, std::string_view source_name = "<string>");

  /// from_toml on the content of a file; a file that cannot be read throws invalid_input_error
  /// "calendar.file".
  static calendar load(const std::string& path);

  /// A joint calendar: a day is a business day only if it is one in every calendar given (the
  /// union of weekends and holidays). It covers the years all of them cover; its id is the ids
  /// joined with '+', and each holiday's name is prefixed with the id of its calendar.
  /// Throws invalid_input_error "calendar.joint" for an empty list or disjoint ranges.
  static calendar joint(const std::vector<calendar>& calendars);

  /// The id: "US", "GB-EAW", a user id, or "US+GB-EAW" for a joint calendar.
  [[nodiscard]] const std::string& id() const noexcept;
  /// A readable name, e.g. "England and Wales bank holidays".
  [[nodiscard]] const std::string& name() const noexcept;
  /// The legal sources of the calendar as a whole (each holiday carries its own citation too).
  [[nodiscard]] const std::string& citation() const noexcept;
  /// What the data does not cover (e.g. future one-off days) and when it was last reviewed.
  [[nodiscard]] const std::string& note() const noexcept;
  /// First and last covered years (inclusive) and the first and last covered dates.
  [[nodiscard]] int first_year() const noexcept;
  [[nodiscard]] int last_year() const noexcept;
  [[nodiscard]] civil_date first_date() const noexcept;
  [[nodiscard]] civil_date last_date() const noexcept;
  /// The weekly days off, Monday first.
  [[nodiscard]] std::vector<date::weekday> weekend() const;

  /// Whether `d` is one of the calendar's weekly days off (any date, no range check).
  [[nodiscard]] bool is_weekend(civil_date d) const noexcept;
  /// Whether `d` is a holiday (including a holiday that falls on a weekend). Throws
  /// "calendar.out_of_range" outside the covered range, as do all the queries below.
  [[nodiscard]] bool is_holiday(civil_date d) const;
  /// Neither a weekend day nor a holiday.
  [[nodiscard]] bool is_business_day(civil_date d) const;

  /// The columnar form of is_business_day: out[i] for the day serial in[i] (days since 1970-01-01,
  /// the int64 view of numpy datetime64[D]). Spans must have the same length. A missing day
  /// (INT64_MIN, numpy NaT) throws invalid_input_error "columns.missing", a day outside the covered
  /// range "calendar.out_of_range"; both messages start with "row N: ".
  void is_business_day(std::span<const std::int64_t> day_serials, std::span<bool> out) const;

  /// `d` moved to a business day by `convention` (unchanged if it already is one, or for
  /// unadjusted).
  [[nodiscard]] civil_date adjust(civil_date d, business_day_convention convention) const;

  /// The date `n` business days after `d` (before it for n < 0), counting from `d` whether or
  /// not `d` is a business day: each step moves to the next (previous) business day. n = 0
  /// returns `d` adjusted with `following` (QuantLib's Calendar::advance does the same), so
  /// "T+0" on a holiday is the next business day.
  [[nodiscard]] civil_date add_business_days(civil_date d, std::int64_t n) const;

  /// The business days in the half-open interval (from, to]: `from` excluded, `to` included;
  /// negative (minus the count over (to, from]) when to < from. Hence
  /// business_days_between(d, add_business_days(d, n)) == n for every n >= 0.
  [[nodiscard]] std::int64_t business_days_between(civil_date from, civil_date to) const;

  /// The holidays of `year` (which must be covered), in date order.
  [[nodiscard]] std::vector<holiday> holidays(int year) const;
  /// The holidays from `from` to `to`, both included, in date order.
  [[nodiscard]] std::vector<holiday> holidays(civil_date from, civil_date to) const;

  /// Calendars are equal when they have the same id and the same data.
  friend bool operator==(const calendar& a, const calendar& b) noexcept;

 private:
  explicit calendar(std::shared_ptr<const detail::calendar_data> data) noexcept : data_(std::move(data)) {}
  std::shared_ptr<const detail::calendar_data> data_;
};

}  // namespace recoup
