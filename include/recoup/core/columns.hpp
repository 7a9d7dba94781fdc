// recoup/core/columns.hpp — columnar kernels over int64 minor-unit arrays (one currency per column).
//
// The batch forms of the money core: the same kernels as the scalar calls, looped over spans
// without allocating per row. The Python face (recoup.columns) hands numpy arrays straight to
// these with the GIL released.
//
// Per-row errors: functions that can fail on one row take a `row_errors*`. When it is null the
// first bad row throws its error with "row N: " in front of the message; otherwise each bad
// row is recorded there, its output is set to 0, and the batch goes on.
//
//   std::vector<std::int64_t> cents = {1000, 2550, -1};
//   auto total = recoup::columns::sum(cents);   // 3549, overflow-checked
#pragma once

#include "recoup/core/allocation.hpp"
#include "recoup/core/currency.hpp"
#include "recoup/core/decimal.hpp"
#include "recoup/core/error.hpp"
#include "recoup/core/money.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace recoup {

/// One failed row of a batch call.
struct row_error {
  std::size_t row;
  error_kind kind;
  std::string id;
  std::string message;
};

/// The errors of a batch call, in row order.
using row_errors = std::vector<row_error>;

namespace detail {

/// Throws a copy of `e` of the same kind with "row N: " in front of its message.
[[noreturn]] inline void rethrow_for_row(const error& e, std::size_t row) {
  const std::string msg = "row " + std::to_string(row) + ": " + e.what();
  switch (e.kind()) {
    case error_kind::invalid_input: throw invalid_input_error(e.id(), msg);
    case error_kind::currency_mismatch: throw currency_mismatch_error(e.id(), msg);
    case error_kind::overflow: throw overflow_error(e.id(), msg);
    case error_kind::division_by_zero: throw division_by_zero_error(e.id(), msg);
    case error_kind::unknown_currency: throw unknown_currency_error(e.id(), msg);
    case error_kind::unknown_jurisdiction: throw unknown_jurisdiction_error(e.id(), msg);
    case error_kind::rule_pack: throw rule_pack_error(e.id(), msg);
    case error_kind::float_input: throw float_input_error(e.id(), msg);
    case error_kind::no_convergence: throw no_convergence_error(e.id(), msg);
    case error_kind::rule_not_in_force: throw rule_not_in_force_error(e.id(), msg);
  }
  throw error(e.kind(), e.id(), msg);
}

/// Runs fn(row) for every row; routes a recoup::error to `errors` or rethrows it with the row.
template <class Fn>
void for_each_row(std::size_t n, row_errors* errors, Fn&& fn) {
  for (std::size_t i = 0; i < n; ++i) {
    try {
      fn(i);
    } catch (const error& e) {
      if (errors == nullptr) rethrow_for_row(e, i);
      errors->push_back({i, e.kind(), e.id(), e.what()});
    }
  }
}

}  // namespace detail

namespace columns {

/// Sum of a column of minor units. The running total is 128-bit, so only a final total beyond
/// int64 throws overflow_error ("columns.sum_overflow"); nothing wraps.
inline std::int64_t sum(std::span<const std::int64_t> minor) {
  // Exact and vectorisable: v = (v >> 32) * 2^32 + (v & 0xffffffff). Within a block of 2^31
  // rows the high halves (each in [-2^31, 2^31)) sum below 2^62 in int64 and the low halves
  // (each < 2^32) below 2^63 in uint64; blocks then add into a 128-bit total.
  detail::int128 total = 0;
  constexpr std::size_t block = std::size_t{1} << 31;
  for (std::size_t start = 0; start < minor.size(); start += block) {
    const std::size_t end = std::min(minor.size(), start + block);
    std::int64_t hi = 0;
    std::uint64_t lo = 0;
    for (std::size_t i = start; i < end; ++i) {
      hi += minor[i] >> 32;
      lo += static_cast<std::uint64_t>(minor[i]) & 0xffffffffULL;
    }
    total += static_cast<detail::int128>(hi) * (detail::int128{1} << 32) + static_cast<detail::int128>(lo);
  }
  if (total > INT64_MAX || total < INT64_MIN)
    throw overflow_error("columns.sum_overflow", "the column total " + detail::to_string(total) +
                                                     " minor units is beyond 64 bits");
  return static_cast<std::int64_t>(total);
}

/// Splits every amount by `ratios`; out is row-major (amounts.size() × ratios.size()).
/// Each row adds up exactly to its amount.
inline void allocate(std::span<const std::int64_t> amounts, const allocation_ratios& ratios, remainder_policy policy,
                     std::span<std::int64_t> out, row_errors* errors = nullptr) {
  const std::size_t k = ratios.size();
  if (out.size() != amounts.size() * k)
    throw invalid_input_error("columns.shape", "output has " + std::to_string(out.size()) + " cells, expected " +
                                                   std::to_string(amounts.size() * k));
  splitter s(ratios, policy);
  detail::for_each_row(amounts.size(), errors, [&](std::size_t i) {
    auto row = out.subspan(i * k, k);
    try {
      s.split(amounts[i], row);
    } catch (...) {
      std::fill(row.begin(), row.end(), 0);
      throw;
    }
  });
}

/// Rounds every amount to a multiple of `increment` minor units with `mode`.
inline void round_to_increment(std::span<const std::int64_t> in, std::int64_t increment, rounding_mode mode,
                               std::span<std::int64_t> out, row_errors* errors = nullptr) {
  if (increment <= 0)
    throw invalid_input_error("money.increment", "rounding increment " + std::to_string(increment) +
                                                     " minor units must be positive");
  if (out.size() != in.size()) throw invalid_input_error("columns.shape", "output and input lengths differ");
  detail::for_each_row(in.size(), errors, [&](std::size_t i) {
    out[i] = 0;
    const std::int64_t q = detail::round_quotient<std::int64_t>(in[i], increment, mode);
    std::int64_t r = 0;
    if (__builtin_mul_overflow(q, increment, &r))
      detail::throw_money_overflow(std::to_string(in[i]) + " minor units rounded to " + std::to_string(increment));
    out[i] = r;
  });
}

/// Multiplies every amount by `factor`, rounding each product to a minor unit with `mode`.
inline void multiply(std::span<const std::int64_t> in, const decimal& factor, rounding_mode mode,
                     std::span<std::int64_t> out, row_errors* errors = nullptr) {
  if (out.size() != in.size()) throw invalid_input_error("columns.shape", "output and input lengths differ");
  const detail::int128 fc = factor.coefficient();
  const bool fast = fc <= INT64_MAX && fc >= INT64_MIN;
  const detail::int128 unit = detail::pow10(factor.scale());
  detail::for_each_row(in.size(), errors, [&](std::size_t i) {
    out[i] = 0;
    if (fast) {
      const detail::int128 q = detail::round_quotient<detail::int128>(static_cast<detail::int128>(in[i]) * fc, unit, mode);
      if (q > INT64_MAX || q < INT64_MIN)
        detail::throw_money_overflow(std::to_string(in[i]) + " minor units * " + factor.to_string());
      out[i] = static_cast<std::int64_t>(q);
    } else {
      const detail::int256 p = detail::widen(static_cast<detail::int128>(in[i])) * detail::widen(fc);
      out[i] = detail::to_minor(detail::round_quotient<detail::int256>(p, detail::pow10_wide<detail::int256>(factor.scale()), mode),
                                std::to_string(in[i]) + " minor units * " + factor.to_string());
    }
  });
}

/// Minor units of `amount` in currency `c`: exact (excess places are an error), or rounded
/// with *mode when given. The kernel behind the column parse of text and of Decimal objects.
inline std::int64_t to_minor(const decimal& amount, const currency& c, std::optional<rounding_mode> mode) {
  return (mode ? money::rounded(amount, c, *mode) : money(amount, c)).minor_units();
}

/// Minor units of one amount text in currency `c` (money::parse_amount syntax: no exponent
/// notation); see to_minor.
inline std::int64_t parse_minor(std::string_view text, const currency& c, std::optional<rounding_mode> mode) {
  return to_minor(money::parse_amount(text), c, mode);
}

/// The canonical decimal text of `minor` minor units of `c` ("12.34"; no currency code).
inline std::string format_minor(std::int64_t minor, const currency& c) {
  detail::require_minor_unit(c);
  return decimal::from_parts(minor, c.minor_units()).to_string();
}

}  // namespace columns
}  // namespace recoup
