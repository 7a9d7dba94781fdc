// Names of collection actions, contact channels and collector roles (recoup/rules/collection_action.hpp).
#include "recoup/rules/collection_action.hpp"

#include <string>

#include "notice_support.hpp"

namespace recoup::rules {
namespace {

constexpr std::array<std::string_view, action_count> action_names{
    "call",     "text",    "email",           "letter",       "validation_notice", "credit_report",
    "litigate", "garnish", "settlement_offer", "payment_plan", "charge_off",        "place_with_agency",
    "sell",     "termination_notice", "remedy_notice", "reage"};
constexpr std::array<std::string_view, channel_count> channel_names{"phone", "text", "email",
                                                                    "mail",  "social", "in_person"};
constexpr std::array<std::string_view, 2> role_names{"debt_collector", "creditor"};

}  // namespace

std::string_view to_string(collection_action a) noexcept { return action_names[static_cast<std::size_t>(a)]; }
collection_action parse_collection_action(std::string_view name) {
  return detail::parse_enum<collection_action>(name, action_names, "action", "gate.unknown_action");
}

std::string_view to_string(contact_channel c) noexcept { return channel_names[static_cast<std::size_t>(c)]; }
contact_channel parse_contact_channel(std::string_view name) {
  return detail::parse_enum<contact_channel>(name, channel_names, "channel", "gate.unknown_channel");
}

std::string_view to_string(collector_role r) noexcept { return role_names[static_cast<std::size_t>(r)]; }
collector_role parse_collector_role(std::string_view name) {
  return detail::parse_enum<collector_role>(name, role_names, "collector role", "gate.unknown_role");
}

}  // namespace recoup::rules
