// Expected net recovery over a grid of discount rates × hazards.
#include "recoup/settle/sensitivity.hpp"

#include <sstream>

#include "recoup/core/error.hpp"
#include "recoup/settle/valuation.hpp"

namespace recoup {

sensitivity_table sensitivity_grid(const settlement_offer& offer, const std::vector<decimal>& rates,
                                   const std::vector<decimal>& hazards, const collection_costs& costs,
                                   rounding_mode rounding) {
  if (rates.empty() || hazards.empty() || rates.size() * hazards.size() > 10000)
    throw invalid_input_error("settle.grid", "the grid needs at least one rate and one hazard and at most 10,000 cells (" +
                                                 std::to_string(rates.size()) + " × " + std::to_string(hazards.size()) + ")");
  sensitivity_table t{.rates = rates, .hazards = hazards, .ccy = offer.balance.currency(), .expected_net_minor = {},
                      .rounding = rounding};
  t.expected_net_minor.reserve(rates.size() * hazards.size());
  std::vector<break_model> models;
  models.reserve(hazards.size());
  for (const auto& h : hazards) models.push_back(break_model::constant_hazard(h));
  for (const auto& r : rates)
    for (const auto& m : models) t.expected_net_minor.push_back(value_offer(offer, r, m, costs, rounding).expected_net.minor_units());
  return t;
}

money sensitivity_table::at(std::size_t rate_index, std::size_t hazard_index) const {
  if (rate_index >= rates.size() || hazard_index >= hazards.size())
    throw invalid_input_error("settle.grid", "cell (" + std::to_string(rate_index) + ", " + std::to_string(hazard_index) +
                                                 ") is outside the " + std::to_string(rates.size()) + " × " +
                                                 std::to_string(hazards.size()) + " grid");
  return money::from_minor(expected_net_minor[rate_index * hazards.size() + hazard_index], ccy);
}

std::string sensitivity_table::explain() const {
  std::ostringstream o;
  o << "Sensitivity of expected net recovery (" << ccy.code() << ", each cell rounded " << to_string(rounding)
    << " to the minor unit): rows are discount rates per period, columns constant hazards per period\n";
  o << "  rate \\ hazard";
  for (const auto& h : hazards) o << " | " << h.to_string();
  o << "\n";
  for (std::size_t i = 0; i < rates.size(); ++i) {
    o << "  " << rates[i].to_string();
    for (std::size_t j = 0; j < hazards.size(); ++j) o << " | " << at(i, j).amount().to_string();
    o << "\n";
  }
  return o.str();
}

}  // namespace recoup
