#pragma once
// recoup::frequency — how often instalments fall due, and the due dates it generates.
//
//   weekly, fortnightly, four_weekly, every_n_weeks(n)      — fixed steps of 7·n days
//   semi_monthly(1, 16)                                      — two named days each month
//   monthly, every_n_months(n), quarterly, half_yearly, yearly — calendar months
//
// Month-based series are anchored: the k-th date is k·n months after the first, on the anchor
// day clamped to that month's end. 31 Jan, 28 Feb, 31 Mar — never drifting to the 28th. With
// the end-of-month rule a series that starts on a month's last day stays on last days
// (30 Apr, 31 May, 30 Jun). Dates are generated unadjusted; a business-day calendar adjusts them
// afterwards, so an adjusted date never moves the anchor.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "recoup/core/error.hpp"
#include "recoup/time/civil_date.hpp"

namespace recoup {

enum class frequency_unit { week, semi_month, month };

class frequency {
 public:
  /// Longest step accepted: 52 weeks or 120 months.
  static constexpr int max_weeks = 52;
  static constexpr int max_months = 120;

  static frequency weekly() { return every_n_weeks(1); }
  static frequency fortnightly() { return every_n_weeks(2); }
  static frequency four_weekly() { return every_n_weeks(4); }
  static frequency monthly() { return every_n_months(1); }
  static frequency quarterly() { return every_n_months(3); }
  static frequency half_yearly() { return every_n_months(6); }
  static frequency yearly() { return every_n_months(12); }

  static frequency every_n_weeks(int n) {
    if (n < 1 || n > max_weeks) {
      throw invalid_input_error("frequency.invalid", "every " + std::to_string(n) + " weeks: the step must be 1.." +
                                                          std::to_string(max_weeks) + " weeks");
    }
    return frequency(frequency_unit::week, n, 0, 0);
  }
  static frequency every_n_months(int n) {
    if (n < 1 || n > max_months) {
      throw invalid_input_error("frequency.invalid", "every " + std::to_string(n) + " months: the step must be 1.." +
                                                          std::to_string(max_months) + " months");
    }
    return frequency(frequency_unit::month, n, 0, 0);
  }
  /// Twice a month on two named days (1..31, first < second; 31 means the month's last day),
  /// e.g. semi_monthly(1, 16) or semi_monthly(15, 31).
  static frequency semi_monthly(int first_day, int second_day) {
    if (first_day < 1 || first_day > 16 || second_day < first_day + 12 || second_day > 31) {
      throw invalid_input_error("frequency.invalid",
                                "semi-monthly days " + std::to_string(first_day) + " and " + std::to_string(second_day) +
                                    " must satisfy 1 <= first <= 16 and first + 12 <= second <= 31 (e.g. 1 and 16)");
    }
    return frequency(frequency_unit::semi_month, 1, first_day, second_day);
  }

  /// Parses "weekly", "fortnightly", "four_weekly", "monthly", "quarterly", "half_yearly",
  /// "yearly", "every_3_weeks", "every_2_months", "semi_monthly" (days 1 and 15) and
  /// "semi_monthly:1,16". Hyphens and spaces are accepted for underscores; case is ignored.
  static frequency parse(std::string_view text);

  [[nodiscard]] frequency_unit unit() const noexcept { return unit_; }
  /// Weeks or months per step (1 for semi-monthly).
  [[nodiscard]] int step() const noexcept { return step_; }
  [[nodiscard]] int first_day() const noexcept { return first_day_; }
  [[nodiscard]] int second_day() const noexcept { return second_day_; }

  /// Periods per year as an exact fraction numerator / denominator: 12/1 monthly, 12/5 every
  /// 5 months, 52/1 weekly, 26/1 fortnightly, 13/1 four-weekly, 24/1 semi-monthly.
  [[nodiscard]] std::int64_t periods_per_year_numerator() const noexcept {
    switch (unit_) {
      case frequency_unit::week: return 52;
      case frequency_unit::semi_month: return 24;
      case frequency_unit::month: return 12;
    }
    return 12;
  }
  [[nodiscard]] std::int64_t periods_per_year_denominator() const noexcept { return step_; }

  /// Canonical name: "monthly", "every_5_months", "semi_monthly:1,16", ...
  [[nodiscard]] std::string name() const;

  /// The date `k` periods after `first` (k may be negative). For month steps the day is
  /// `anchor_day` clamped to the month's end (anchor_day 31 = last day of every month).
  [[nodiscard]] civil_date nth_date(civil_date first, std::int64_t k, int anchor_day) const;

  friend bool operator==(const frequency&, const frequency&) = default;

 private:
  frequency(frequency_unit unit, int step, int d1, int d2) : unit_(unit), step_(step), first_day_(d1), second_day_(d2) {}

  frequency_unit unit_;
  int step_;
  int first_day_;
  int second_day_;
};

/// How a month-based series chooses its day of month.
struct date_roll {
  /// 0 = the first due date's day. 1..31 = that day (clamped), e.g. 31 for the last day.
  int anchor_day = 0;
  /// A series whose first date is a month's last day stays on last days (30 Apr -> 31 May).
  bool end_of_month = false;
};

/// The effective anchor day of a month-based series that starts on `first`.
[[nodiscard]] inline int anchor_day_for(civil_date first, const date_roll& roll) {
  if (roll.anchor_day < 0 || roll.anchor_day > 31) {
    throw invalid_input_error("frequency.anchor_day",
                              "anchor day " + std::to_string(roll.anchor_day) + " must be 0 (the first date's day) or 1..31");
  }
  if (roll.anchor_day != 0) return roll.anchor_day;
  if (roll.end_of_month && first.is_end_of_month()) return 31;
  return first.day();
}

/// `count` unadjusted due dates starting at `first`.
[[nodiscard]] std::vector<civil_date> due_dates(civil_date first, std::int64_t count, const frequency& f,
                                                const date_roll& roll = {});

// ---- implementation -----------------------------------------------------------------------------

inline frequency frequency::parse(std::string_view text) {
  std::string t;
  for (char c : text) t += (c == '-' || c == ' ') ? '_' : static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  auto bad = [&] {
    return invalid_input_error("frequency.unknown",
                               "unknown frequency '" + std::string(text) +
                                   "': use weekly, fortnightly, four_weekly, every_N_weeks, semi_monthly, "
                                   "semi_monthly:D1,D2, monthly, every_N_months, quarterly, half_yearly or yearly");
  };
  auto number = [&](std::string_view digits) {
    if (digits.empty() || digits.size() > 3) throw bad();
    int v = 0;
    for (char c : digits) {
      if (c < '0' || c > '9') throw bad();
      v = v * 10 + (c - '0');
    }
    return v;
  };
  if (t == "weekly") return weekly();
  if (t == "fortnightly" || t == "biweekly") return fortnightly();
  if (t == "four_weekly" || t == "4_weekly") return four_weekly();
  if (t == "monthly") return monthly();
  if (t == "quarterly") return quarterly();
  if (t == "half_yearly" || t == "semi_annual" || t == "semi_annually") return half_yearly();
  if (t == "yearly" || t == "annual" || t == "annually") return yearly();
  if (t == "semi_monthly") return semi_monthly(1, 15);
  const std::string_view v = t;
  if (v.starts_with("semi_monthly:")) {
    const auto rest = v.substr(13);
    const auto comma = rest.find(',');
    if (comma == std::string_view::npos) throw bad();
    return semi_monthly(number(rest.substr(0, comma)), number(rest.substr(comma + 1)));
  }
  if (v.starts_with("every_")) {
    const auto rest = v.substr(6);
    const auto sep = rest.find('_');
    if (sep == std::string_view::npos) throw bad();
    const int n = number(rest.substr(0, sep));
    const auto unit = rest.substr(sep + 1);
    if (unit == "weeks" || unit == "week") return every_n_weeks(n);
    if (unit == "months" || unit == "month") return every_n_months(n);
  }
  throw bad();
}

inline std::string frequency::name() const {
  switch (unit_) {
    case frequency_unit::week:
      if (step_ == 1) return "weekly";
      if (step_ == 2) return "fortnightly";
      if (step_ == 4) return "four_weekly";
      return "every_" + std::to_string(step_) + "_weeks";
    case frequency_unit::semi_month:
      return "semi_monthly:" + std::to_string(first_day_) + "," + std::to_string(second_day_);
    case frequency_unit::month:
      if (step_ == 1) return "monthly";
      if (step_ == 3) return "quarterly";
      if (step_ == 6) return "half_yearly";
      if (step_ == 12) return "yearly";
      return "every_" + std::to_string(step_) + "_months";
  }
  return "monthly";
}

inline civil_date frequency::nth_date(civil_date first, std::int64_t k, int anchor_day) const {
  switch (unit_) {
    case frequency_unit::week: return first.add_days(k * 7 * step_);
    case frequency_unit::month: return civil_date::nth_month_from(first, k * step_, anchor_day);
    case frequency_unit::semi_month: {
      // `first` sits on slot 0 (first_day) or slot 1 (second_day, clamped to the month's end).
      const int second_here = second_day_ < first.days_in_month() ? second_day_ : first.days_in_month();
      int slot0 = 0;
      if (first.day() == second_here) {
        slot0 = 1;
      } else if (first.day() != first_day_) {
        throw invalid_input_error("frequency.semi_monthly_day",
                                  first.to_string() + " is not on day " + std::to_string(first_day_) + " or day " +
                                      std::to_string(second_day_) + " of its month, as " + name() + " requires");
      }
      const std::int64_t index = slot0 + k;
      const std::int64_t months = index >= 0 ? index / 2 : -((-index + 1) / 2);
      const int slot = static_cast<int>(index - months * 2);
      return civil_date::nth_month_from(first, months, slot == 0 ? first_day_ : second_day_);
    }
  }
  return first;
}

inline std::vector<civil_date> due_dates(civil_date first, std::int64_t count, const frequency& f, const date_roll& roll) {
  if (count < 0) {
    throw invalid_input_error("frequency.count", "number of due dates " + std::to_string(count) + " is negative");
  }
  const int anchor = anchor_day_for(first, roll);
  std::vector<civil_date> out;
  out.reserve(static_cast<std::size_t>(count));
  for (std::int64_t k = 0; k < count; ++k) out.push_back(f.nth_date(first, k, anchor));
  return out;
}

}  // namespace recoup
