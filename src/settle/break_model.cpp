// Break models (constant hazard, survival curve) and the validation of collection costs.
#include "recoup/settle/break_model.hpp"

#include <utility>

#include "recoup/core/error.hpp"
#include "recoup/core/money.hpp"
#include "recoup/settle/collection_costs.hpp"

namespace recoup {

break_model break_model::constant_hazard(const decimal& hazard) {
  if (hazard < decimal(0) || hazard > decimal(1))
    throw invalid_input_error("settle.hazard_range", "the hazard " + hazard.to_string() +
                                                         " must be a probability per period between 0 and 1");
  break_model m;
  m.hazard_ = hazard;
  return m;
}

break_model break_model::survival_curve(std::vector<decimal> survival) {
  if (survival.empty()) throw invalid_input_error("settle.survival_empty", "the survival curve has no periods");
  for (std::size_t i = 0; i < survival.size(); ++i) {
    const auto& s = survival[i];
    if (s < decimal(0) || s > decimal(1))
      throw invalid_input_error("settle.survival_range", "survival at period " + std::to_string(i + 1) + " (" +
                                                             s.to_string() + ") must be a probability between 0 and 1");
    if (i > 0 && s > survival[i - 1])
      throw invalid_input_error("settle.survival_not_monotone",
                                "survival at period " + std::to_string(i + 1) + " (" + s.to_string() +
                                    ") is above the period before (" + survival[i - 1].to_string() +
                                    "): a plan cannot un-break");
  }
  break_model m;
  m.curve_ = true;
  m.survival_ = std::move(survival);
  return m;
}

std::string break_model::describe() const {
  if (!curve_) {
    if (hazard_.is_zero()) return "no breaking (hazard 0): every payment is made";
    return "constant hazard " + hazard_.to_string() + " per period: survival(t) = (1 - " + hazard_.to_string() + ")^t";
  }
  std::string s = "survival curve over " + std::to_string(survival_.size()) + " periods: ";
  for (std::size_t i = 0; i < survival_.size() && i < 6; ++i) s += (i ? ", " : "") + survival_[i].to_string();
  if (survival_.size() > 6) s += ", ...";
  return s;
}

void validate(const collection_costs& costs, const money& like) {
  if (costs.per_contact) {
    like.require_same(*costs.per_contact, "add a contact cost to");
    if (costs.per_contact->is_negative())
      throw invalid_input_error("settle.costs", "the cost per contact " + costs.per_contact->to_string() + " is negative");
  }
  if (costs.legal) {
    like.require_same(*costs.legal, "add legal costs to");
    if (costs.legal->is_negative())
      throw invalid_input_error("settle.costs", "the legal costs " + costs.legal->to_string() + " are negative");
  }
  if (costs.setup_contacts.is_negative() || costs.contacts_per_payment.is_negative())
    throw invalid_input_error("settle.costs", "contact counts must not be negative (setup " +
                                                  costs.setup_contacts.to_string() + ", per payment " +
                                                  costs.contacts_per_payment.to_string() + ")");
  if (costs.commission.is_negative() || costs.commission >= decimal(1))
    throw invalid_input_error("settle.commission_range", "the commission " + costs.commission.to_string() +
                                                             " must be at least 0 and below 1 (0.25 is 25%)");
}

}  // namespace recoup
