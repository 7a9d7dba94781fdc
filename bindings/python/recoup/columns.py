"""Columnar money: numpy int64 arrays of minor units, one currency per column.

The batch forms of the money core. Each call hands the whole array to one C++ kernel (the
same kernel as the scalar call) with the GIL released; there is no Python loop per row.

    >>> import numpy as np
    >>> from recoup import columns
    >>> cents = columns.parse(np.array(["10.00", "25.50", "-0.01"]), "USD")
    >>> cents
    array([1000, 2550,   -1])
    >>> columns.sum(cents, "USD")
    Money('35.49', 'USD')
    >>> columns.allocate(np.array([1000]), 3)
    array([[334, 333, 333]])

Inputs are never coerced silently: a float column is refused (convert it with ``from_float``
and a rounding mode), NaN is refused with its row index, and integer columns must fit int64.

Errors: with ``errors="raise"`` (default) the first bad row raises its error, its message
starting "row N: ". With ``errors="collect"`` the call returns a ``BatchResult``: the values
(0 in bad rows) and the rows, ids and messages of the errors.
"""

from __future__ import annotations

import builtins
from decimal import Decimal
from typing import Any, Iterable, NamedTuple, Union

import numpy as np
import numpy.typing as npt

from . import _core
from ._core import Currency, Money
from ._errors import CurrencyMismatchError, FloatInputError, InvalidInputError, InvalidTypeError

__all__ = [
    "BatchResult",
    "allocate",
    "format",
    "from_float",
    "multiply",
    "parse",
    "round",
    "sum",
    "to_decimals",
]

CurrencyLike = Union[str, Currency]
Number = Union[Decimal, int, str]


class BatchResult(NamedTuple):
    """The result of a batch call made with ``errors="collect"``."""

    values: npt.NDArray[np.int64]
    error_rows: npt.NDArray[np.int64]
    error_ids: list[str]
    error_messages: list[str]

    @property
    def ok(self) -> npt.NDArray[np.bool_]:
        """A boolean mask of the rows that succeeded (along the first axis of ``values``)."""
        mask = np.ones(len(self.values), dtype=bool)
        mask[self.error_rows] = False
        return mask


def _collect(errors: str) -> bool:
    if errors not in ("raise", "collect"):
        raise InvalidInputError(
            f"errors must be 'raise' or 'collect', not {errors!r}", id="columns.errors_mode"
        )
    return errors == "collect"


def _result(out: Any, collect: bool) -> Any:
    if not collect:
        return out
    values, (rows, ids, messages) = out
    return BatchResult(values, rows, list(ids), list(messages))


def _minor_array(minor: Any, what: str = "minor units") -> npt.NDArray[np.int64]:
    """A C-contiguous 1-d int64 view of ``minor``; refuses floats, bools and objects."""
    arr = np.asarray(minor)
    if arr.ndim != 1:
        raise InvalidInputError(
            f"{what} must be a one-dimensional array, not {arr.ndim}-dimensional", id="columns.shape"
        )
    kind = arr.dtype.kind
    if kind == "f":
        raise FloatInputError(
            f"{what} must be integers (int64 minor units), not {arr.dtype}: convert a float column "
            "explicitly with recoup.columns.from_float(values, currency, rounding=...)",
            id="python.float_input",
        )
    if kind == "b" or kind not in "iu":
        raise InvalidTypeError(
            f"{what} must be an integer array of minor units, not dtype {arr.dtype}; "
            "parse decimal strings or Decimal objects with recoup.columns.parse",
            id="columns.type",
        )
    if arr.dtype != np.int64:
        if kind == "u" and arr.size and int(arr.max()) > np.iinfo(np.int64).max:
            row = int(np.argmax(arr > np.iinfo(np.int64).max))
            from ._errors import MoneyOverflowError

            raise MoneyOverflowError(
                f"row {row}: {arr[row]} minor units is beyond 64 bits", id="money.overflow"
            )
        arr = arr.astype(np.int64)
    return np.ascontiguousarray(arr)


def sum(minor: npt.ArrayLike, currency: CurrencyLike) -> Money:
    """The total of a column as Money. Only a total beyond 64-bit minor units raises
    MoneyOverflowError; intermediate sums never wrap."""
    return Money.from_minor(_core.columns_sum(_minor_array(minor)), currency)


def allocate(
    minor: npt.ArrayLike,
    parts: Union[int, Iterable[Number]],
    *,
    remainder: str = "largest_remainder",
    errors: str = "raise",
) -> Any:
    """Splits every amount into ``parts`` equal parts or by a list of ratios.

    Returns an int64 array of shape (len(minor), number of parts) whose rows add up exactly
    to the amounts. ``remainder`` is "largest_remainder", "first", "last" or "largest_share".
    """
    collect = _collect(errors)
    spec: Union[int, list[Number]]
    if isinstance(parts, (int, np.integer)) and not isinstance(parts, bool):
        spec = int(parts)
    elif isinstance(parts, bool):
        raise InvalidTypeError(
            "parts must be a number of parts or a list of ratios, not a bool", id="columns.type"
        )
    else:
        spec = builtins.list(parts)
    return _result(_core.columns_allocate(_minor_array(minor), spec, remainder, collect), collect)


def round(
    minor: npt.ArrayLike,
    currency: CurrencyLike,
    increment: Union[Money, Number],
    *,
    rounding: str,
    errors: str = "raise",
) -> Any:
    """Rounds every amount to a multiple of ``increment`` (e.g. "0.05" CHF, "1" for whole
    units) with the named rounding."""
    collect = _collect(errors)
    step = increment if isinstance(increment, Money) else Money(increment, currency)
    code = Currency(currency).code if isinstance(currency, str) else currency.code
    if step.currency != code:
        raise CurrencyMismatchError(f"increment {step} is not in {code}", id="money.currency_mismatch")
    return _result(_core.columns_round(_minor_array(minor), step.minor_units, rounding, collect), collect)


def multiply(
    minor: npt.ArrayLike,
    factor: Number,
    *,
    rounding: str,
    errors: str = "raise",
) -> Any:
    """Multiplies every amount by ``factor`` (Decimal, str or int), rounding each product to a
    minor unit with the named rounding."""
    if isinstance(factor, float):
        raise FloatInputError(
            "the factor must be exact: pass a str or decimal.Decimal, not a float", id="python.float_input"
        )
    collect = _collect(errors)
    return _result(_core.columns_multiply(_minor_array(minor), factor, rounding, collect), collect)


def parse(
    values: npt.ArrayLike,
    currency: CurrencyLike,
    *,
    rounding: Union[str, None] = None,
    errors: str = "raise",
) -> Any:
    """Minor units from decimal text (a numpy str array, bytes array, or an object array of
    str / Decimal / int). Without ``rounding`` an amount with more places than the currency
    has is an error; with it, amounts are rounded by the named mode."""
    collect = _collect(errors)
    arr = np.asarray(values)
    if arr.dtype.kind not in "USO":
        if arr.dtype.kind == "f":
            raise FloatInputError(
                "a float column is not exact: convert it with "
                "recoup.columns.from_float(values, currency, rounding=...)",
                id="python.float_input",
            )
        if arr.dtype.kind in "iu":
            raise InvalidTypeError(
                "integers are minor units already; use them as they are (or Money.from_minor)",
                id="columns.type",
            )
        raise InvalidTypeError(
            f"expected decimal strings or Decimal objects, not dtype {arr.dtype}", id="columns.type"
        )
    return _result(_core.columns_parse(arr, currency, rounding, collect), collect)


def from_float(
    values: npt.ArrayLike,
    currency: CurrencyLike,
    *,
    rounding: str,
    errors: str = "raise",
) -> Any:
    """Minor units from a float column: each float's exact binary value rounded to the minor
    unit with the named rounding. NaN and infinities are errors naming their row."""
    collect = _collect(errors)
    arr = np.ascontiguousarray(np.asarray(values, dtype=np.float64))
    return _result(_core.columns_from_float(arr, currency, rounding, collect), collect)


def format(minor: npt.ArrayLike, currency: CurrencyLike) -> npt.NDArray[np.str_]:
    """Canonical decimal text of every amount ("12.34"), as a numpy str array."""
    return _core.columns_format(_minor_array(minor), currency)


def to_decimals(minor: npt.ArrayLike, currency: CurrencyLike) -> list[Decimal]:
    """Every amount as a ``decimal.Decimal`` with the currency's places."""
    return [Decimal(s) for s in builtins.list(format(minor, currency))]


from ._boundary import guard_module as _guard_module  # noqa: E402

_guard_module(globals(), __all__)  # every exported function raises recoup errors with ids
