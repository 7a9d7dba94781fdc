// recoup/portfolio.hpp — aging, roll rates, liquidation curves and portfolio rates.
#pragma once

#include "recoup/portfolio/aging.hpp"
#include "recoup/portfolio/liquidation.hpp"
#include "recoup/portfolio/portfolio_rates.hpp"
#include "recoup/portfolio/ratio.hpp"
#include "recoup/portfolio/roll_rate.hpp"
