// recoup/rules/account_facts.hpp — what a collector knows about one account, as the compliance
// gate (recoup/rules/compliance_gate.hpp) reads it: where the consumer is, what the debt is,
// its key dates, the events that change what may be done (disputes, cease requests,
// bankruptcy, death, military duty, Breathing Space, ...) and the contact log.
//
// Every field is optional where a collector may not know it; missing stays missing (the gate
// never guesses a date: a rule that needs a missing fact applies its pack's `on_unknown`).
//
//   recoup::rules::account_facts a;
//   a.jurisdiction = "US-NY";
//   a.type = recoup::rules::debt_type::open_account;
//   a.defaulted_on = recoup::civil_date::parse("2019-05-01");
//   a.cease_requested_on = recoup::civil_date::parse("2026-11-02");
//   a.time_zones = {"America/New_York"};
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "recoup/core/money.hpp"
#include "recoup/rules/breathing_space.hpp"
#include "recoup/rules/collection_action.hpp"
#include "recoup/rules/contact.hpp"
#include "recoup/rules/limitation.hpp"
#include "recoup/time/civil_date.hpp"

namespace recoup::rules {

/// The facts of one account.
struct account_facts {
  // --- where and what -----------------------------------------------------------------------
  std::string jurisdiction;                    ///< the governing jurisdiction: "US-NY", "GB-SCT", ...
  std::vector<std::string> other_jurisdictions{};  ///< further jurisdictions whose gate rules also apply
  std::vector<std::string> time_zones{};       ///< the consumer's candidate IANA zones; the first counts days
  debt_type type = debt_type::open_account;    ///< for limitation
  std::optional<bool> open_end{};              ///< revolving credit (FFIEC); none = open_account is open-end
  collector_role role = collector_role::debt_collector;  ///< who acts (FDCPA rules bind debt collectors)
  std::optional<money> balance{};              ///< the balance (informational; the gate reads no money rule yet)

  // --- the debt's dates ---------------------------------------------------------------------
  std::optional<civil_date> opened_on{};                   ///< account opened
  std::optional<civil_date> first_delinquency{};           ///< date of first delinquency (FCRA, FFIEC)
  std::optional<civil_date> defaulted_on{};                ///< breach / first missed payment (limitation)
  std::optional<civil_date> last_payment{};                ///< latest part payment
  std::optional<civil_date> last_acknowledgment{};         ///< latest written acknowledgment
  std::optional<civil_date> charged_off_on{};              ///< charge-off
  std::optional<civil_date> placed_on{};                   ///< placed with the current collector
  std::optional<civil_date> first_contact_on{};            ///< the initial communication (Reg F 1006.34)
  std::optional<civil_date> validation_notice_sent_on{};   ///< validation notice mailed / sent
  std::optional<civil_date> settled_on{};                  ///< paid or settled in full
  bool debt_buyer = false;                                 ///< the holder bought the debt

  // --- events -------------------------------------------------------------------------------
  std::optional<civil_date> dispute_received_on{};         ///< written dispute received
  std::optional<civil_date> dispute_verified_on{};         ///< verification mailed (ends the pause)
  std::optional<civil_date> cease_requested_on{};          ///< written cease-communication request received
  std::optional<civil_date> bankruptcy_filed_on{};         ///< petition filed (or notice of it received)
  int bankruptcy_chapter = 0;                              ///< 7, 9, 11, 12, 13; 0 = not known
  std::optional<civil_date> bankruptcy_discharged_on{};    ///< discharge granted
  std::optional<civil_date> bankruptcy_dismissed_on{};     ///< case dismissed (or closed without discharge)
  std::optional<civil_date> deceased_on{};                 ///< the consumer died
  bool scra_active_duty = false;                           ///< on active military duty (SCRA)
  std::optional<civil_date> breathing_space_started_on{};  ///< a Breathing Space moratorium began (day 1)
  breathing_space_kind breathing_space_type = breathing_space_kind::standard;
  std::optional<civil_date> breathing_space_ended_on{};    ///< cancelled early (standard) / treatment ended (mental health)
  bool vulnerable = false;                                 ///< a vulnerability is known (FCA FG21/1)
  std::optional<civil_date> identity_theft_reported_on{};  ///< identity-theft report received
  std::optional<civil_date> fraud_discovered_on{};         ///< fraud discovered (FFIEC charge-off)
  bool attorney_represented = false;                       ///< represented by an attorney for this debt
  std::vector<contact_channel> opted_out{};                ///< media the consumer asked not to be used
  bool call_consent = false;                               ///< direct prior consent to the next call
  std::vector<call_record> calls{};                        ///< telephone calls already placed (one person, one debt)

  // --- UK -----------------------------------------------------------------------------------
  std::optional<bool> cca_regulated{};                     ///< a regulated CCA agreement; none = assume regulated
  std::optional<civil_date> default_notice_served_on{};    ///< CCA s87 default notice served
  std::optional<civil_date> letter_of_claim_on{};          ///< Pre-Action Protocol Letter of Claim dated

  // --- re-ageing (FFIEC) ----------------------------------------------------------------------
  std::vector<civil_date> reaged_on{};                     ///< earlier re-ages of this account
  int consecutive_minimum_payments = 0;                    ///< consecutive minimum monthly payments just made
};

}  // namespace recoup::rules
