// recoup/plan.hpp — repayment schedules, APR and rate solving.
#pragma once

#include "recoup/time.hpp"
#include "recoup/plan/accrual.hpp"
#include "recoup/plan/annual_rate.hpp"
#include "recoup/plan/schedule.hpp"
#include "recoup/plan/schedule_batch.hpp"
#include "recoup/plan/schedule_terms.hpp"
#include "recoup/plan/apr.hpp"
#include "recoup/plan/cash_flow.hpp"
#include "recoup/plan/irr.hpp"
#include "recoup/plan/time_value.hpp"
#include "recoup/plan/monitor.hpp"
#include "recoup/plan/promise_to_pay.hpp"
#include "recoup/plan/arrears_notice.hpp"
#include "recoup/plan/reschedule.hpp"
#include "recoup/time/reg_z_periods.hpp"
#include "recoup/plan/waterfall.hpp"
