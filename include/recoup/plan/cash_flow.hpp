#pragma once
// recoup/plan/cash_flow.hpp — dated cash flows: an amount of money on a civil date.
//
//   recoup::dated_amount advance{recoup::civil_date::from_ymd(2012, 10, 10), recoup::money::parse("500.00 GBP")};

#include <span>
#include <string>

#include "recoup/core/error.hpp"
#include "recoup/core/money.hpp"
#include "recoup/time/civil_date.hpp"

namespace recoup {

/// An amount of money paid or advanced on a date.
struct dated_amount {
  civil_date date;
  money amount;
  friend bool operator==(const dated_amount&, const dated_amount&) = default;
};

/// A signed amount (a plain decimal, any currency or none) on a date: XNPV / XIRR input.
struct dated_value {
  civil_date date;
  decimal value;
  friend bool operator==(const dated_value&, const dated_value&) = default;
};

namespace detail {
/// Throws invalid_input_error `empty_id` when `flows` is empty, "apr.non_positive_amount" when an
/// amount is zero or negative, and currency_mismatch_error when currencies differ from `ccy`.
inline void check_positive_flows(std::span<const dated_amount> flows, const char* role, const char* empty_id,
                                 const money& reference) {
  if (flows.empty())
    throw invalid_input_error(empty_id, std::string("no ") + role + " given: an APR needs at least one advance and one payment");
  for (std::size_t i = 0; i < flows.size(); ++i) {
    reference.require_same(flows[i].amount, "combine");
    if (!flows[i].amount.is_positive())
      throw invalid_input_error("apr.non_positive_amount",
                                std::string(role) + " " + std::to_string(i) + " (" + flows[i].date.to_string() + ") is " +
                                    flows[i].amount.to_string() + ": amounts must be positive (advances and payments are listed separately)");
  }
}
}  // namespace detail

}  // namespace recoup
