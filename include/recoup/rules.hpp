// recoup/rules.hpp — the rules layer: rule packs as data, the rule book, verdicts and checks.
#pragma once

#include "recoup/rules/rule_book.hpp"
#include "recoup/rules/rule_entry.hpp"
#include "recoup/rules/verdict.hpp"

#include "recoup/rules/account_facts.hpp"
#include "recoup/rules/audit.hpp"
#include "recoup/rules/breathing_space.hpp"
#include "recoup/rules/collection_action.hpp"
#include "recoup/rules/compliance_gate.hpp"
#include "recoup/rules/contact.hpp"
#include "recoup/rules/credit_reporting.hpp"
#include "recoup/rules/default_notice.hpp"
#include "recoup/rules/garnishment.hpp"
#include "recoup/rules/limitation.hpp"
#include "recoup/rules/notices.hpp"
#include "recoup/rules/pre_action.hpp"
#include "recoup/rules/statutory_interest.hpp"
#include "recoup/rules/tax_reporting.hpp"
