// recoup/core.hpp — the money core: decimal, currency, rounding, money, allocation, columns, errors.
#pragma once

#include "recoup/core/allocation.hpp"
#include "recoup/core/columns.hpp"
#include "recoup/core/currency.hpp"
#include "recoup/core/decimal.hpp"
#include "recoup/core/error.hpp"
#include "recoup/core/money.hpp"
#include "recoup/core/payment_application.hpp"
#include "recoup/core/rounding.hpp"
