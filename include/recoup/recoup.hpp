// recoup/recoup.hpp — everything in recoup: include this, link recoup::recoup.
#pragma once

#include "recoup/core.hpp"
#include "recoup/decide.hpp"
#include "recoup/plan.hpp"
#include "recoup/portfolio.hpp"
#include "recoup/rules.hpp"
#include "recoup/settle.hpp"
#include "recoup/time.hpp"
#include "recoup/version.hpp"
