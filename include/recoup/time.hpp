// recoup/time.hpp — civil dates, business-day calendars, day counts, frequencies.
#pragma once

#include "recoup/time/civil_date.hpp"
#include "recoup/time/business_day_convention.hpp"
#include "recoup/time/calendar.hpp"
#include "recoup/time/day_count.hpp"
