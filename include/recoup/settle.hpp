// recoup/settle.hpp — settlement offers, authority, NPV / expected recovery, affordability.
#pragma once

#include "recoup/plan.hpp"
#include "recoup/settle/affordability.hpp"
#include "recoup/settle/authority.hpp"
#include "recoup/settle/break_even.hpp"
#include "recoup/settle/break_model.hpp"
#include "recoup/settle/collection_costs.hpp"
#include "recoup/settle/debt_management_plan.hpp"
#include "recoup/settle/forgiveness.hpp"
#include "recoup/settle/offer.hpp"
#include "recoup/settle/optimiser.hpp"
#include "recoup/settle/sensitivity.hpp"
#include "recoup/settle/valuation.hpp"
