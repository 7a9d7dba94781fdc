// Authority bands: who may approve a settlement offer.
#include "recoup/settle/authority.hpp"

#include <sstream>

#include "recoup/core/error.hpp"

namespace recoup {

namespace {

void check_bands(const std::vector<authority_band>& bands, const money& balance) {
  if (bands.empty()) throw invalid_input_error("settle.authority_bands", "no authority bands were given");
  for (std::size_t i = 0; i < bands.size(); ++i) {
    const auto& b = bands[i];
    const std::string where = "authority band " + std::to_string(i) + " ('" + b.level + "')";
    if (b.level.empty()) throw invalid_input_error("settle.authority_bands", where + " has no level name");
    if (b.max_discount < decimal(0) || b.max_discount > decimal(1))
      throw invalid_input_error("settle.authority_bands", where + ": max_discount " + b.max_discount.to_string() +
                                                              " must be between 0 and 1 (0.20 is 20%)");
    if (b.max_balance) {
      balance.require_same(*b.max_balance, "compare an authority limit with");
      if (!b.max_balance->is_positive())
        throw invalid_input_error("settle.authority_bands", where + ": max_balance " + b.max_balance->to_string() + " must be positive");
    }
    if (b.max_age_days && *b.max_age_days <= 0)
      throw invalid_input_error("settle.authority_bands", where + ": max_age_days must be positive");
    if (b.max_payments && *b.max_payments <= 0)
      throw invalid_input_error("settle.authority_bands", where + ": max_payments must be positive");
  }
}

/// "" when the band covers the offer, otherwise the first condition that fails.
std::string failed_condition(const authority_band& b, const settlement_offer& offer, std::int64_t age) {
  // forgiven / balance <= max_discount  <=>  forgiven <= max_discount × balance (exact)
  const decimal limit = b.max_discount * offer.balance.amount();
  if (offer.forgiven().amount() > limit)
    return "forgiven " + offer.forgiven().to_string() + " is more than " + b.max_discount.to_string() + " × " +
           offer.balance.to_string() + " = " + limit.to_string();
  if (b.max_balance && !(offer.balance < *b.max_balance))
    return "the balance " + offer.balance.to_string() + " is not under " + b.max_balance->to_string();
  if (b.max_age_days && !(age < *b.max_age_days))
    return "the account's age " + std::to_string(age) + " days is not under " + std::to_string(*b.max_age_days) + " days";
  if (b.max_payments && offer.payment_count() > *b.max_payments)
    return std::to_string(offer.payment_count()) + " payments is more than " + std::to_string(*b.max_payments);
  return {};
}

std::size_t rank_of(const std::vector<authority_band>& bands, std::string_view level) {
  std::size_t rank = 0;
  std::vector<std::string_view> seen;
  for (const auto& b : bands) {
    bool known = false;
    for (auto s : seen) known = known || s == b.level;
    if (!known) {
      if (b.level == level) return rank;
      seen.push_back(b.level);
      ++rank;
    }
  }
  throw invalid_input_error("settle.unknown_authority_level",
                            "no authority band has the level '" + std::string(level.substr(0, 60)) + "'");
}

}  // namespace

authority_decision approve(const settlement_offer& offer, std::int64_t account_age_days,
                           const std::vector<authority_band>& bands) {
  if (account_age_days < 0)
    throw invalid_input_error("settle.age", "the account's age " + std::to_string(account_age_days) + " days is negative");
  check_bands(bands, offer.balance);
  authority_decision d;
  d.lines.push_back("offer: forgiven " + offer.forgiven().to_string() + " of " + offer.balance.to_string() + " in " +
                    std::to_string(offer.payment_count()) + " payment(s), account aged " +
                    std::to_string(account_age_days) + " days; discounts are compared exactly (forgiven <= "
                    "max_discount × balance), balance and age limits are strict (under), payments inclusive");
  for (std::size_t i = 0; i < bands.size(); ++i) {
    const std::string why = failed_condition(bands[i], offer, account_age_days);
    if (why.empty()) {
      d.approvable = true;
      d.level = bands[i].level;
      d.band_index = i;
      d.lines.push_back("band " + std::to_string(i) + " (" + bands[i].level + ", up to " +
                        bands[i].max_discount.to_string() + "): covers the offer");
      return d;
    }
    d.lines.push_back("band " + std::to_string(i) + " (" + bands[i].level + ", up to " +
                      bands[i].max_discount.to_string() + "): no, " + why);
  }
  d.lines.push_back("no band covers the offer: nobody in these bands may approve it");
  return d;
}

bool within_authority(const settlement_offer& offer, std::int64_t account_age_days,
                      const std::vector<authority_band>& bands, std::string_view level) {
  const auto d = approve(offer, account_age_days, bands);
  const std::size_t held = rank_of(bands, level);
  if (!d.approvable) return false;
  return rank_of(bands, d.level) <= held;
}

std::string authority_decision::explain() const {
  std::ostringstream o;
  o << "Authority: " << (approvable ? "approvable by " + level : std::string("not approvable")) << "\n";
  for (const auto& l : lines) o << "  " << l << "\n";
  return o.str();
}

}  // namespace recoup
