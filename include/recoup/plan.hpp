// recoup/plan.hpp — repayment schedules, APR and rate solving.
#pragma once

#include "recoup/time.hpp"
