"""Exact decimal arithmetic on ``decimal.Decimal`` values, independent of the decimal context.

Python's ``decimal`` rounds to the ambient context's precision (28 digits by default) and uses
its rounding; these functions take the scale and the rounding mode as arguments instead, and
raise rather than lose a digit silently:

    >>> from decimal import Decimal
    >>> from recoup import divide
    >>> divide(Decimal("0.0525"), 365, scale=10, rounding="half_even")
    Decimal('0.0001438356')
"""

from __future__ import annotations

from decimal import Decimal
from typing import Union

from . import _core

__all__ = ["divide", "multiply", "quantize"]

Number = Union[Decimal, int, str]


def divide(a: Number, b: Number, *, scale: int, rounding: str) -> Decimal:
    """``a / b`` rounded to ``scale`` decimal places with ``rounding``."""
    return _core.decimal_divide(a, b, scale, rounding)


def multiply(a: Number, b: Number, *, scale: int, rounding: str) -> Decimal:
    """``a * b`` rounded to ``scale`` decimal places with ``rounding``."""
    return _core.decimal_multiply(a, b, scale, rounding)


def quantize(value: Number, *, scale: int, rounding: str) -> Decimal:
    """``value`` at exactly ``scale`` decimal places, rounded with ``rounding``."""
    return _core.decimal_round(value, scale, rounding)

from ._boundary import guard_module as _guard_module  # noqa: E402

_guard_module(globals(), __all__)  # every exported function raises recoup errors with ids
