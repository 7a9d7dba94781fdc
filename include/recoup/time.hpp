// recoup/time.hpp — civil dates, business-day calendars, day counts, frequencies.
#pragma once

#include "recoup/time/civil_date.hpp"
