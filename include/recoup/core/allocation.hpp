// recoup/core/allocation.hpp — splitting a whole number of units by ratios without losing one.
//
// allocation_ratios holds validated ratios (non-negative decimals, positive sum) converted once
// to integers; splitter applies them to any number of amounts without allocating per amount.
// Every split is exact: the parts add up to the amount. The units that the floor of each share
// leaves over (fewer than the number of parts) go where remainder_policy says:
//
//   largest_remainder  to the parts whose exact share lost the most, ties to the earlier part
//                      (10.00 / 3 -> 3.34, 3.33, 3.33) — the default
//   first              one each to the first parts with a non-zero ratio
//   last               one each to the last parts with a non-zero ratio
//   largest_share      one each to the parts with the largest ratio, ties to the earlier part
//
// A part whose ratio is zero always gets zero. Money::allocate is the usual entry point; the
// columnar form (recoup/core/columns.hpp) reuses one splitter over millions of amounts.
#pragma once

#include "recoup/core/decimal.hpp"
#include "recoup/core/detail/wide_int.hpp"
#include "recoup/core/error.hpp"

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <numeric>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace recoup {

/// Where the units left over by flooring each share go.
enum class remainder_policy : unsigned char { largest_remainder, first, last, largest_share };

/// Stable name: "largest_remainder", "first", "last", "largest_share".
constexpr std::string_view to_string(remainder_policy p) noexcept {
  switch (p) {
    case remainder_policy::largest_remainder: return "largest_remainder";
    case remainder_policy::first: return "first";
    case remainder_policy::last: return "last";
    case remainder_policy::largest_share: return "largest_share";
  }
  return "?";
}

/// Parses a policy name; throws invalid_input_error ("allocation.unknown_policy") otherwise.
inline remainder_policy parse_remainder_policy(std::string_view name) {
  for (auto p : {remainder_policy::largest_remainder, remainder_policy::first, remainder_policy::last,
                 remainder_policy::largest_share})
    if (name == to_string(p)) return p;
  throw invalid_input_error("allocation.unknown_policy",
                            "unknown remainder policy '" + std::string(name.substr(0, 40)) +
                                "': use one of largest_remainder, first, last, largest_share");
}

/// Validated allocation ratios, converted once to integers of a common scale.
class allocation_ratios {
 public:
  using int128 = detail::int128;

  /// n equal parts (n >= 1). Throws invalid_input_error for n == 0.
  static allocation_ratios equal(std::size_t n) {
    if (n == 0) throw invalid_input_error("allocation.no_parts", "cannot allocate into 0 parts");
    check_part_count(n);
    allocation_ratios r;
    r.units_.assign(n, 1);
    r.sum_ = static_cast<int128>(n);
    r.equal_ = true;
    r.finish();
    return r;
  }

  /// Ratios as decimals (integers convert implicitly). Each must be >= 0 and their sum > 0.
  /// Throws invalid_input_error ("allocation.negative_ratio", "allocation.no_parts") or
  /// division_by_zero_error ("allocation.zero_ratios") when all are zero.
  explicit allocation_ratios(std::span<const decimal> ratios) {
    if (ratios.empty()) throw invalid_input_error("allocation.no_parts", "cannot allocate by an empty list of ratios");
    check_part_count(ratios.size());
    int scale = 0;
    for (std::size_t i = 0; i < ratios.size(); ++i) {
      if (ratios[i].is_negative())
        throw invalid_input_error("allocation.negative_ratio", "ratio " + std::to_string(i) + " is negative (" +
                                                                   ratios[i].to_string() + "); ratios must be >= 0");
      const decimal n = ratios[i].normalized();
      scale = std::max(scale, n.scale());
    }
    units_.reserve(ratios.size());
    detail::int256 sum = 0;
    for (const decimal& r : ratios) {
      const decimal n = r.rescale(scale, rounding_mode::down);  // exact: scale >= every normalized scale
      units_.push_back(n.coefficient());
      sum += detail::widen(n.coefficient());
    }
    if (sum == 0)
      throw division_by_zero_error("allocation.zero_ratios", "cannot allocate: every ratio is zero");
    if (!detail::narrow(sum, &sum_) || sum_ > decimal::max_coefficient)
      throw overflow_error("allocation.ratio_overflow", "the ratios add up to more than 38 digits");
    equal_ = std::all_of(units_.begin(), units_.end(), [&](int128 u) { return u == units_[0]; });
    finish();
  }
  allocation_ratios(std::initializer_list<decimal> ratios) : allocation_ratios(std::span<const decimal>(ratios.begin(), ratios.size())) {}

  /// Number of parts.
  [[nodiscard]] std::size_t size() const noexcept { return units_.size(); }
  /// The integer ratio units (ratios scaled to a common scale) and their sum.
  [[nodiscard]] std::span<const int128> units() const noexcept { return units_; }
  [[nodiscard]] int128 sum() const noexcept { return sum_; }
  [[nodiscard]] bool all_equal() const noexcept { return equal_; }

  static constexpr std::size_t max_parts = 1'000'000;

 private:
  friend class splitter;
  allocation_ratios() = default;
  static void check_part_count(std::size_t n) {
    if (n > max_parts)
      throw invalid_input_error("allocation.too_many_parts", "cannot allocate into " + std::to_string(n) +
                                                                 " parts: at most " + std::to_string(max_parts));
  }
  void finish() {
    const int128 lim = static_cast<int128>(INT64_MAX);
    small_ = sum_ <= lim;  // then every unit <= sum fits int64 too
    positive_.clear();
    for (std::uint32_t i = 0; i < units_.size(); ++i)
      if (units_[i] > 0) positive_.push_back(i);
    share_order_ = positive_;
    std::stable_sort(share_order_.begin(), share_order_.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return units_[a] > units_[b]; });
  }

  std::vector<int128> units_;
  int128 sum_ = 0;
  bool equal_ = false;
  bool small_ = false;
  std::vector<std::uint32_t> positive_;     // parts with a non-zero ratio, in order
  std::vector<std::uint32_t> share_order_;  // positive parts by ratio, largest first (stable)
};

/// Applies allocation_ratios to amounts; holds scratch space so repeated splits do not allocate.
/// One splitter per thread (the ratios it refers to may be shared).
class splitter {
 public:
  splitter(const allocation_ratios& ratios, remainder_policy policy)
      : r_(&ratios), policy_(policy), rem_(ratios.size()), idx_(ratios.size()) {}

  /// Splits `units` into r.size() parts written to out (size must equal r.size()); the parts
  /// add up to `units` exactly. A negative amount is split as its magnitude, then negated, so
  /// -10.00 / 3 gives -3.34, -3.33, -3.33. Throws overflow_error for INT64_MIN.
  void split(std::int64_t units, std::span<std::int64_t> out) {
    using detail::int128;
    const std::size_t k = r_->size();
    if (units == INT64_MIN)
      throw overflow_error("allocation.overflow", "cannot allocate the most negative 64-bit amount");
    const bool neg = units < 0;
    const std::int64_t a = neg ? -units : units;
    std::int64_t given = 0;
    if (r_->equal_) {
      const auto n = static_cast<std::int64_t>(k);
      const std::int64_t q = a / n;
      std::fill(out.begin(), out.end(), q);
      given = q * n;
    } else if (r_->small_) {
      const auto s = static_cast<std::int64_t>(r_->sum_);
      for (std::size_t i = 0; i < k; ++i) {
        const auto u = static_cast<std::int64_t>(r_->units_[i]);
        std::int64_t p = 0;
        if (!__builtin_mul_overflow(a, u, &p)) {
          out[i] = p / s;
          rem_[i] = p % s;
        } else {
          const int128 wp = static_cast<int128>(a) * u;
          out[i] = static_cast<std::int64_t>(wp / s);
          rem_[i] = wp % s;
        }
        given += out[i];
      }
    } else {
      const detail::int256 s = detail::widen(r_->sum_);
      for (std::size_t i = 0; i < k; ++i) {
        const detail::int256 wp = detail::widen(static_cast<int128>(a)) * detail::widen(r_->units_[i]);
        int128 q = 0, rr = 0;
        detail::narrow(detail::int256(wp / s), &q);
        detail::narrow(detail::int256(wp % s), &rr);
        out[i] = static_cast<std::int64_t>(q);
        rem_[i] = rr;
        given += out[i];
      }
    }
    auto left = static_cast<std::size_t>(a - given);  // < number of positive parts
    if (left > 0) distribute(left, out);
    if (neg)
      for (auto& v : out) v = -v;
  }

  [[nodiscard]] const allocation_ratios& ratios() const noexcept { return *r_; }
  [[nodiscard]] remainder_policy policy() const noexcept { return policy_; }

 private:
  void distribute(std::size_t left, std::span<std::int64_t> out) {
    const auto& pos = r_->positive_;
    switch (policy_) {
      case remainder_policy::first:
        for (std::size_t i = 0; i < left; ++i) ++out[pos[i]];
        return;
      case remainder_policy::last:
        for (std::size_t i = 0; i < left; ++i) ++out[pos[pos.size() - 1 - i]];
        return;
      case remainder_policy::largest_share:
        for (std::size_t i = 0; i < left; ++i) ++out[r_->share_order_[i]];
        return;
      case remainder_policy::largest_remainder:
        if (r_->equal_) {  // equal remainders: ties go to the earlier parts
          for (std::size_t i = 0; i < left; ++i) ++out[i];
          return;
        }
        idx_.assign(pos.begin(), pos.end());
        std::partial_sort(idx_.begin(), idx_.begin() + static_cast<std::ptrdiff_t>(left), idx_.end(),
                          [&](std::uint32_t x, std::uint32_t y) { return rem_[x] > rem_[y] || (rem_[x] == rem_[y] && x < y); });
        for (std::size_t i = 0; i < left; ++i) ++out[idx_[i]];
        return;
    }
  }

  const allocation_ratios* r_;
  remainder_policy policy_;
  std::vector<detail::int128> rem_;
  std::vector<std::uint32_t> idx_;
};

}  // namespace recoup
