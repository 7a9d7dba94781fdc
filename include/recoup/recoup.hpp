// recoup/recoup.hpp — everything in recoup: include this, link recoup::recoup.
#pragma once

#include "recoup/core.hpp"
#include "recoup/version.hpp"
