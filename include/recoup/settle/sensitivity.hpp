#pragma once
// recoup/settle/sensitivity.hpp — expected net recovery over a grid of discount rate × hazard.
//
// cell(i, j) is value_offer(offer, rates[i], constant_hazard(hazards[j]), costs, rounding)
// .expected_net, in minor units, row-major (one row per rate): a table for a heatmap, and a
// flat int64 buffer for batch use. Each cell is an independent exact valuation.
//
//   auto g = recoup::sensitivity_grid(plan, {decimal("0"), decimal("0.01")},
//                                     {decimal("0"), decimal("0.05")}, costs, rounding_mode::half_even);
//   g.at(1, 1);   // money at rate 0.01, hazard 0.05

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "recoup/core/decimal.hpp"
#include "recoup/core/money.hpp"
#include "recoup/settle/collection_costs.hpp"
#include "recoup/settle/offer.hpp"

namespace recoup {

struct sensitivity_table {
  std::vector<decimal> rates;
  std::vector<decimal> hazards;
  currency ccy;
  std::vector<std::int64_t> expected_net_minor;  ///< rates.size() × hazards.size(), row-major
  rounding_mode rounding = rounding_mode::half_even;

  [[nodiscard]] money at(std::size_t rate_index, std::size_t hazard_index) const;
  [[nodiscard]] std::string explain() const;
};

/// Errors: "settle.grid" (an empty axis or more than 10,000 cells) and those of value_offer.
[[nodiscard]] sensitivity_table sensitivity_grid(const settlement_offer& offer, const std::vector<decimal>& rates,
                                                 const std::vector<decimal>& hazards, const collection_costs& costs,
                                                 rounding_mode rounding);

}  // namespace recoup
