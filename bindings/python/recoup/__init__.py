"""recoup: exact money, repayment plans, settlement maths and collections rule checks.

    >>> from recoup import Money
    >>> Money("10.00", "USD").allocate(3)
    [Money('3.34', 'USD'), Money('3.33', 'USD'), Money('3.33', 'USD')]
    >>> Money("1234.56", "USD").multiply("0.035", rounding="half_up")
    Money('43.21', 'USD')

Amounts are exact: Money holds a whole number of minor units, Decimal values go in and come
out as ``decimal.Decimal``, and every lossy step names its rounding mode.
"""

from __future__ import annotations

from . import columns, decide, portfolio, rules, settle, time
from ._core import (
    ISO4217_CITATION,
    ISO4217_PUBLISHED,
    Currency,
    Money,
    PaymentApplication,
    apply_in_order,
    apply_pro_rata,
    currencies,
    register_currency,
)
from ._core import __version__ as __version__
from ._errors import (
    CurrencyMismatchError,
    DivisionByZeroError,
    FloatInputError,
    InvalidInputError,
    InvalidTypeError,
    MoneyOverflowError,
    NoConvergenceError,
    RecoupError,
    RuleNotInForceError,
    RulePackError,
    UnknownCurrencyError,
    UnknownJurisdictionError,
)
from .decimal_ops import divide, multiply, quantize

#: The rounding mode names every lossy call accepts (Python decimal's ROUND_* constants too).
ROUNDING_MODES = ("half_even", "half_up", "half_down", "up", "down", "ceiling", "floor")
#: Where allocation puts the minor units left over by flooring each share.
REMAINDER_POLICIES = ("largest_remainder", "first", "last", "largest_share")

__all__ = [
    "ISO4217_CITATION",
    "ISO4217_PUBLISHED",
    "REMAINDER_POLICIES",
    "ROUNDING_MODES",
    "Currency",
    "CurrencyMismatchError",
    "DivisionByZeroError",
    "FloatInputError",
    "InvalidInputError",
    "InvalidTypeError",
    "Money",
    "MoneyOverflowError",
    "NoConvergenceError",
    "PaymentApplication",
    "RecoupError",
    "RuleNotInForceError",
    "RulePackError",
    "UnknownCurrencyError",
    "UnknownJurisdictionError",
    "apply_in_order",
    "apply_pro_rata",
    "columns",
    "currencies",
    "decide",
    "divide",
    "multiply",
    "portfolio",
    "quantize",
    "register_currency",
    "rules",
    "settle",
    "time",
]

from ._boundary import guard_module as _guard_module  # noqa: E402

_guard_module(globals(), __all__)  # apply_in_order, currencies, register_currency: ids on bad arguments
