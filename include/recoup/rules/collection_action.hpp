// recoup/rules/collection_action.hpp — the steps a collector or creditor may take on an account
// (call, letter, litigate, sell, ...), the contact channels they use, and the collector's role.
// The compliance gate (recoup/rules/compliance_gate.hpp) answers for each action whether it may
// be taken now; rule packs name actions in their `actions` parameter by these names.
//
//   auto a = recoup::rules::parse_collection_action("litigate");
//   recoup::rules::to_string(a);             // "litigate"
//   recoup::rules::channel_of(a);            // std::nullopt: not a contact
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace recoup::rules {

/// An action on an account. Codes are stable: the columnar gate and the C ABI use them.
enum class collection_action : std::uint8_t {
  call = 0,               ///< telephone the consumer
  text = 1,               ///< send a text message (SMS)
  email = 2,              ///< send an email
  letter = 3,             ///< post a collection letter
  validation_notice = 4,  ///< send the Reg F validation notice (12 CFR 1006.34)
  credit_report = 5,      ///< furnish the account to a consumer reporting agency
  litigate = 6,           ///< bring (or threaten) a legal action
  garnish = 7,            ///< enforce a judgment against earnings or accounts
  settlement_offer = 8,   ///< offer to settle for less than the balance
  payment_plan = 9,       ///< propose or agree a repayment plan
  charge_off = 10,        ///< charge the account off (creditor accounting)
  place_with_agency = 11, ///< place the account with a collection agency
  sell = 12,              ///< sell or transfer the debt for consideration
  termination_notice = 13,///< notify the consumer that collection efforts are ending (1692c(c)(1))
  remedy_notice = 14,     ///< notify the consumer of a specific remedy (1692c(c)(2)-(3))
  reage = 15,             ///< re-age a delinquent open-end account (bring it current)
};

/// The number of actions (codes 0 .. action_count - 1).
inline constexpr std::size_t action_count = 16;

/// Every action in code order.
inline constexpr std::array<collection_action, action_count> all_actions{
    collection_action::call,          collection_action::text,
    collection_action::email,         collection_action::letter,
    collection_action::validation_notice, collection_action::credit_report,
    collection_action::litigate,      collection_action::garnish,
    collection_action::settlement_offer, collection_action::payment_plan,
    collection_action::charge_off,    collection_action::place_with_agency,
    collection_action::sell,          collection_action::termination_notice,
    collection_action::remedy_notice, collection_action::reage};

/// "call", "validation_notice", ...
[[nodiscard]] std::string_view to_string(collection_action a) noexcept;
/// The action named `name`; throws invalid_input_error ("gate.unknown_action") listing the names.
[[nodiscard]] collection_action parse_collection_action(std::string_view name);

/// A medium of communication (12 CFR 1006.14(h): a consumer may ask that one not be used).
enum class contact_channel : std::uint8_t {
  phone = 0,
  text = 1,
  email = 2,
  mail = 3,
  social = 4,
  in_person = 5,
};

inline constexpr std::size_t channel_count = 6;

/// "phone", "text", "email", "mail", "social", "in_person".
[[nodiscard]] std::string_view to_string(contact_channel c) noexcept;
/// The channel named `name`; throws invalid_input_error ("gate.unknown_channel").
[[nodiscard]] contact_channel parse_contact_channel(std::string_view name);

/// The channel an action communicates through (call -> phone, letter and notices -> mail), or
/// none for actions that are not a communication with the consumer (litigate, sell, ...) or
/// whose channel the caller chooses (settlement_offer, payment_plan).
[[nodiscard]] constexpr std::optional<contact_channel> channel_of(collection_action a) noexcept {
  switch (a) {
    case collection_action::call: return contact_channel::phone;
    case collection_action::text: return contact_channel::text;
    case collection_action::email: return contact_channel::email;
    case collection_action::letter:
    case collection_action::validation_notice:
    case collection_action::termination_notice:
    case collection_action::remedy_notice: return contact_channel::mail;
    default: return std::nullopt;
  }
}

/// Who is acting: the FDCPA and Regulation F bind debt collectors (15 U.S.C. 1692a(6)), not
/// creditors collecting their own debts; rule packs say which role each rule binds.
enum class collector_role : std::uint8_t {
  debt_collector = 0,  ///< a third-party collector or debt buyer (the FDCPA applies)
  creditor = 1,        ///< the original creditor collecting its own debt
};

/// "debt_collector", "creditor".
[[nodiscard]] std::string_view to_string(collector_role r) noexcept;
/// The role named `name`; throws invalid_input_error ("gate.unknown_role").
[[nodiscard]] collector_role parse_collector_role(std::string_view name);

}  // namespace recoup::rules
