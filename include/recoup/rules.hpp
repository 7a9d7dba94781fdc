// recoup/rules.hpp — the rules layer: rule packs as data, the rule book, verdicts and checks.
#pragma once

#include "recoup/rules/rule_book.hpp"
#include "recoup/rules/rule_entry.hpp"
#include "recoup/rules/limitation.hpp"
#include "recoup/rules/verdict.hpp"
