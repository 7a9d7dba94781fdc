"""recoup's exceptions: one base, RecoupError, and a class per error kind.

Each class also derives from the matching Python built-in, so existing handlers keep working:

    >>> import recoup
    >>> try:
    ...     recoup.Money("1.001", "USD")
    ... except ValueError as e:               # InvalidInputError is a ValueError
    ...     print(e.id)
    money.excess_precision

Every exception carries ``id``, a stable dotted string listed in docs/reference/errors.md.
"""

from __future__ import annotations

__all__ = [
    "CurrencyMismatchError",
    "DivisionByZeroError",
    "FloatInputError",
    "InvalidInputError",
    "InvalidTypeError",
    "MoneyOverflowError",
    "NoConvergenceError",
    "RecoupError",
    "RuleNotInForceError",
    "RulePackError",
    "UnknownCurrencyError",
    "UnknownJurisdictionError",
]


class RecoupError(Exception):
    """Base of every recoup error. ``id`` is the stable error id (e.g. "money.overflow")."""

    id: str = "recoup.error"

    def __init__(self, *args: object, id: str | None = None) -> None:
        super().__init__(*args)
        if id is not None:
            self.id = id

    def __str__(self) -> str:  # KeyError would otherwise quote the message
        return str(self.args[0]) if self.args else ""


class InvalidInputError(RecoupError, ValueError):
    """Malformed or out-of-domain input: bad text, too many decimals, NaN, negative terms."""


class InvalidTypeError(RecoupError, TypeError):
    """An argument of the wrong type: None where Money is required, a str where a list of dates
    is (id ``python.argument_type``). Only the Python face raises it: C++ and C are typed."""

    id = "python.argument_type"


class CurrencyMismatchError(RecoupError, ValueError):
    """Two different currencies met in an operation that needs one."""


class MoneyOverflowError(RecoupError, OverflowError):
    """A result does not fit: beyond 64-bit minor units, or beyond 38 decimal digits."""


class DivisionByZeroError(RecoupError, ZeroDivisionError):
    """Division by zero, or allocation ratios that are all zero."""


class UnknownCurrencyError(RecoupError, KeyError):
    """A currency code that is neither in ISO 4217 nor registered."""


class UnknownJurisdictionError(RecoupError, KeyError):
    """A jurisdiction or rule id that no loaded rule pack defines."""


class RulePackError(RecoupError, ValueError):
    """A rule pack or data table that fails to parse or validate (names file, line and key)."""


class FloatInputError(RecoupError, TypeError):
    """A binary float where an exact value is required; convert it explicitly with a rounding."""


class NoConvergenceError(RecoupError, ArithmeticError):
    """An iterative solver (rate, IRR) that found no answer within tolerance."""


class RuleNotInForceError(RecoupError, LookupError):
    """A rule the book has, asked about a date no version covers (id ``rules.not_in_force``).

    Before the rule's first version, in a gap between versions, or past the horizon of a dated
    table (a reference-rate or minimum-wage table ends on the last day its pack vouches for).
    The message names the table, its last covered day and how to load a newer pack with
    ``recoup.rules.load_pack``.
    """
