#pragma once
// recoup::civil_date — a calendar date without time or zone, on Howard Hinnant's `date`.
//
// Stored as a day serial (days since 1970-01-01) so rows of schedules stay compact and compare
// fast. The valid range is 0001-01-01 .. 9999-12-31, the same as Python's datetime.date, so every
// civil_date converts to and from Python exactly. Impossible dates (2023-02-29) and dates outside
// the range are errors, never silently normalised.
//
//   auto d = recoup::civil_date::parse("2024-01-31");
//   d.add_months(1);            // 2024-02-29: the day is clamped to the month's end
//   d.add_days(30).to_string(); // "2024-03-01"

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include <date/date.h>

#include "recoup/core/error.hpp"

namespace recoup {

class civil_date {
 public:
  /// First and last days of the supported range (serials of 0001-01-01 and 9999-12-31).
  static constexpr std::int32_t min_serial = -719162;
  static constexpr std::int32_t max_serial = 2932896;

  /// 1970-01-01.
  constexpr civil_date() noexcept = default;

  /// From year, month (1-12) and day; throws invalid_input_error "date.invalid" for impossible
  /// dates and "date.out_of_range" outside 0001..9999.
  static civil_date from_ymd(int year, int month, int day) {
    if (year < 1 || year > 9999) {
      throw invalid_input_error("date.out_of_range",
                                "year " + std::to_string(year) + " is outside 1..9999");
    }
    if (month < 1 || month > 12 || day < 1 || day > 31) {
      throw invalid_input_error("date.invalid", "no such date: " + std::to_string(year) + "-" +
                                                    std::to_string(month) + "-" + std::to_string(day));
    }
    const date::year_month_day ymd{date::year{year}, date::month{static_cast<unsigned>(month)},
                                   date::day{static_cast<unsigned>(day)}};
    if (!ymd.ok()) {
      throw invalid_input_error("date.invalid", "no such date: " + std::to_string(year) + "-" +
                                                    pad2(month) + "-" + pad2(day));
    }
    return civil_date(date::sys_days(ymd).time_since_epoch().count());
  }

  /// From a `date::year_month_day`; same checks as from_ymd.
  static civil_date from(const date::year_month_day& ymd) {
    return from_ymd(static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                    static_cast<int>(static_cast<unsigned>(ymd.day())));
  }

  /// From a day serial (days since 1970-01-01); throws "date.out_of_range" outside the range.
  static civil_date from_serial(std::int64_t serial) {
    if (serial < min_serial || serial > max_serial) serial_out_of_range(serial);
    return civil_date(static_cast<std::int32_t>(serial));
  }

  /// Parses ISO 8601 "YYYY-MM-DD" exactly (no time, no zone, no other layout).
  static civil_date parse(std::string_view text) {
    auto bad = [&] {
      return invalid_input_error("date.malformed",
                                 "malformed date '" + std::string(text) + "': expected YYYY-MM-DD");
    };
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') throw bad();
    auto digits = [&](std::size_t from, std::size_t n) {
      int v = 0;
      for (std::size_t i = from; i < from + n; ++i) {
        if (text[i] < '0' || text[i] > '9') throw bad();
        v = v * 10 + (text[i] - '0');
      }
      return v;
    };
    return from_ymd(digits(0, 4), digits(5, 2), digits(8, 2));
  }

  [[nodiscard]] constexpr std::int32_t serial() const noexcept { return serial_; }
  [[nodiscard]] date::sys_days sys_days() const noexcept { return date::sys_days{date::days{serial_}}; }
  [[nodiscard]] date::year_month_day ymd() const noexcept { return date::year_month_day{sys_days()}; }
  [[nodiscard]] int year() const noexcept { return static_cast<int>(ymd().year()); }
  [[nodiscard]] int month() const noexcept { return static_cast<int>(static_cast<unsigned>(ymd().month())); }
  [[nodiscard]] int day() const noexcept { return static_cast<int>(static_cast<unsigned>(ymd().day())); }
  [[nodiscard]] date::weekday weekday() const noexcept { return date::weekday{sys_days()}; }
  /// ISO weekday: 1 = Monday .. 7 = Sunday.
  [[nodiscard]] int iso_weekday() const noexcept { return static_cast<int>(weekday().iso_encoding()); }
  [[nodiscard]] bool is_weekend() const noexcept { return iso_weekday() >= 6; }

  /// Number of days in this date's month.
  [[nodiscard]] int days_in_month() const noexcept {
    const auto ym = ymd();
    return static_cast<int>(static_cast<unsigned>(
        date::year_month_day_last{ym.year(), date::month_day_last{ym.month()}}.day()));
  }
  [[nodiscard]] bool is_end_of_month() const noexcept { return day() == days_in_month(); }
  [[nodiscard]] civil_date end_of_month() const noexcept {
    return civil_date(serial_ + (days_in_month() - day()));
  }
  [[nodiscard]] static bool is_leap_year(int year) noexcept { return date::year{year}.is_leap(); }

  /// Adds (or subtracts) days; throws "date.out_of_range" when the result leaves 0001..9999.
  [[nodiscard]] civil_date add_days(std::int64_t n) const { return from_serial(serial_ + n); }

  /// Adds calendar months keeping the day of month, clamped to the month's end
  /// (31 Jan + 1 month = 28/29 Feb). For anchored series use `nth_month_from` so the day does not
  /// drift after a short month.
  [[nodiscard]] civil_date add_months(std::int64_t n) const { return nth_month_from(*this, n, day()); }

  /// The date `n` months after `anchor`'s month, on `anchor_day` clamped to that month's end.
  /// anchor_day may be 1..31; anchor_day >= 31 means "the last day of each month".
  [[nodiscard]] static civil_date nth_month_from(civil_date anchor, std::int64_t n, int anchor_day) {
    const auto ym = anchor.ymd();
    const std::int64_t months = static_cast<std::int64_t>(static_cast<int>(ym.year())) * 12 +
                                (static_cast<unsigned>(ym.month()) - 1) + n;
    const std::int64_t y = months >= 0 ? months / 12 : -((-months + 11) / 12);
    const int m = static_cast<int>(months - y * 12) + 1;
    if (y < 1 || y > 9999) {
      throw invalid_input_error("date.out_of_range", "adding " + std::to_string(n) + " months to " +
                                                         anchor.to_string() + " leaves 0001..9999");
    }
    const date::year_month_day_last last{date::year{static_cast<int>(y)},
                                         date::month_day_last{date::month{static_cast<unsigned>(m)}}};
    const int dim = static_cast<int>(static_cast<unsigned>(last.day()));
    return from_ymd(static_cast<int>(y), m, anchor_day < dim ? anchor_day : dim);
  }

  /// "YYYY-MM-DD".
  [[nodiscard]] std::string to_string() const {
    const auto v = ymd();
    std::string y = std::to_string(static_cast<int>(v.year()));
    while (y.size() < 4) y.insert(y.begin(), '0');
    return y + "-" + pad2(static_cast<int>(static_cast<unsigned>(v.month()))) + "-" +
           pad2(static_cast<int>(static_cast<unsigned>(v.day())));
  }

  friend constexpr bool operator==(civil_date, civil_date) noexcept = default;
  friend constexpr std::strong_ordering operator<=>(civil_date a, civil_date b) noexcept {
    return a.serial_ <=> b.serial_;
  }

 private:
  constexpr explicit civil_date(std::int32_t serial) noexcept : serial_(serial) {}
  [[noreturn, gnu::noinline, gnu::cold]] static void serial_out_of_range(std::int64_t serial) {
    throw invalid_input_error("date.out_of_range",
                              "day serial " + std::to_string(serial) + " is outside 0001-01-01..9999-12-31");
  }
  static std::string pad2(int v) {
    std::string s(2, '0');
    s[0] = static_cast<char>('0' + (v / 10) % 10);
    s[1] = static_cast<char>('0' + v % 10);
    return s;
  }

  std::int32_t serial_ = 0;
};

/// Days from `from` to `to` (negative when `to` is earlier).
[[nodiscard]] constexpr std::int64_t days_between(civil_date from, civil_date to) noexcept {
  return static_cast<std::int64_t>(to.serial()) - from.serial();
}

}  // namespace recoup
