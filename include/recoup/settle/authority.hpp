#pragma once
// recoup/settle/authority.hpp — who may approve a settlement offer: authority bands as data.
//
// The caller supplies the bands, lowest authority first. A band covers an offer when every
// condition it states holds:
//   discount <= max_discount            ("up to 20%": inclusive, compared exactly, never rounded)
//   balance  <  max_balance             ("balances under 5,000": strict)
//   account age in days < max_age_days  ("aged under 180 days": strict)
//   payments <= max_payments            (inclusive)
// Several bands may share a level (an age × balance matrix); a level's rank is the position of
// its first band. approve() names the first band that covers the offer; within_authority() says
// whether a holder of `level` may approve it (some band of that rank or lower covers it).
//
//   std::vector<recoup::authority_band> bands{
//       {.level = "agent", .max_discount = decimal("0.20"), .max_balance = money::parse("5000.00 USD"), .max_age_days = 180},
//       {.level = "supervisor", .max_discount = decimal("0.35")},
//       {.level = "manager", .max_discount = decimal("0.50")}};
//   recoup::approve(offer, 90, bands).level;   // "agent", "supervisor", "manager" or "" (nobody)

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "recoup/core/decimal.hpp"
#include "recoup/core/money.hpp"
#include "recoup/settle/offer.hpp"

namespace recoup {

/// One authority band. Unset conditions do not restrict.
struct authority_band {
  std::string level;                            ///< who holds it: "agent", "supervisor", ...
  decimal max_discount = decimal(0);            ///< largest forgiven ÷ balance, inclusive (0..1)
  std::optional<money> max_balance{};           ///< balances strictly under this
  std::optional<std::int64_t> max_age_days{};   ///< accounts aged strictly under this many days
  std::optional<std::int64_t> max_payments{};   ///< at most this many payments
};

/// Who may approve an offer, and why.
struct authority_decision {
  bool approvable = false;         ///< some band covers the offer
  std::string level{};             ///< the lowest level that may approve ("" when nobody)
  std::size_t band_index = 0;      ///< index of the covering band (valid when approvable)
  std::vector<std::string> lines{};  ///< each band checked, with the condition that failed

  [[nodiscard]] std::string explain() const;
};

/// The first band that covers `offer` for an account aged `account_age_days`. Errors:
/// "settle.authority_bands" (no bands, an empty level, max_discount outside 0..1, a limit that
/// is not positive), "settle.age" (negative age), currency_mismatch_error (max_balance).
[[nodiscard]] authority_decision approve(const settlement_offer& offer, std::int64_t account_age_days,
                                         const std::vector<authority_band>& bands);

/// Whether a holder of `level` may approve `offer`. Throws invalid_input_error
/// "settle.unknown_authority_level" when no band has that level.
[[nodiscard]] bool within_authority(const settlement_offer& offer, std::int64_t account_age_days,
                                    const std::vector<authority_band>& bands, std::string_view level);

}  // namespace recoup
