// recoup/decide.hpp — the decision layer: strategy policies as data and the recovery officer's
// decision per account and per book.
#pragma once

#include "recoup/decide/decision.hpp"
#include "recoup/decide/strategy_policy.hpp"
