"""Portfolio metrics over columns: days past due, aging buckets, roll rates, liquidation curves,
recovery, cure and promise-kept rates.

Every function takes whole numpy columns (or pandas Series) and hands them to one C++ kernel
with the GIL released; there is no Python loop per account. Money is int64 minor units of one
currency, dates are ``datetime64[D]`` (or int64 day serials, days since 1970-01-01), account ids
are integers (or any other labels, which are matched as they are).

    >>> import numpy as np
    >>> from recoup import portfolio
    >>> dpd = np.array([0, 0, 5, 30, 31, 60, 61, 90, 91, 150])
    >>> aged = portfolio.aging_buckets(dpd, amounts=np.array([100] * 10))
    >>> aged.labels
    ('current', '1-30', '31-60', '61-90', '91-120', '120+')
    >>> aged.counts
    array([2, 2, 2, 2, 1, 1])
    >>> aged.balances
    array([200, 200, 200, 200, 100, 100])

Rates are exact. Each is a pair of whole numbers (accounts, or minor units); by default it comes
back as a :class:`fractions.Fraction`, and as a :class:`decimal.Decimal` when you name the places
and the rounding (``places=4, rounding="half_even"``). No rate passes through a binary float.

Errors: columns are never coerced silently: a float column raises FloatInputError, a negative
DPD or a date out of range names its row. The per-account calls (``days_past_due``,
``bucket_of``, ``aging_buckets``, ``liquidation_curves`` for its payments) take
``errors="raise"`` (default: the first bad row raises, "row N: ...") or ``errors="collect"``
(bad rows are reported and left out). The aggregate rates (roll, cure, recovery, promise-kept)
always raise: a rate over silently dropped rows would be a different rate.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Sequence, Union

import numpy as np
import numpy.typing as npt

from . import _core
from ._errors import DivisionByZeroError, FloatInputError, InvalidInputError
from .columns import _collect, _minor_array, _result

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "DEFAULT_EDGES",
    "AgingBuckets",
    "CureRate",
    "LiquidationResult",
    "PromiseKeptRate",
    "Rate",
    "RollRates",
    "aging_buckets",
    "bucket_labels",
    "bucket_of",
    "cure_rate",
    "days_past_due",
    "evaluate",
    "liquidation_curves",
    "promise_kept_rate",
    "recovery_rate",
    "roll_rates",
]

#: The usual collections buckets: current, 1-30, 31-60, 61-90, 91-120, 120+ days past due.
DEFAULT_EDGES: tuple[int, ...] = (0, 30, 60, 90, 120)

I64 = npt.NDArray[np.int64]
RateValue = Union[Fraction, Decimal, None]
DateLike = Union[datetime.date, np.datetime64, str, int]
_NAT = np.iinfo(np.int64).min


# --- column conversion ----------------------------------------------------------------------


def _array(values: Any) -> npt.NDArray[Any]:
    """np.asarray, except that an empty list is an empty int64 column (numpy would make it float)."""
    arr = np.asarray(values)
    if arr.size == 0 and arr.ndim == 1 and arr.dtype.kind == "f" and not isinstance(values, np.ndarray):
        return np.zeros(0, dtype=np.int64)
    return arr


def _money(values: Any, what: str) -> I64:
    return _minor_array(_array(values), what)


def _int_column(values: Any, what: str) -> I64:
    """A C-contiguous 1-d int64 copy/view of an integer column; floats raise FloatInputError."""
    arr = _array(values)
    if arr.ndim != 1:
        raise InvalidInputError(
            f"{what} must be a one-dimensional array, not {arr.ndim}-dimensional", id="columns.shape"
        )
    if arr.dtype.kind == "f":
        raise FloatInputError(
            f"{what} must be an integer column, not {arr.dtype}: round it explicitly "
            "(e.g. np.rint) and cast to int64 first",
            id="python.float_input",
        )
    if arr.dtype.kind not in "iu" or arr.dtype.kind == "b":
        if arr.size == 0:
            return np.zeros(0, dtype=np.int64)
        raise TypeError(f"{what} must be an integer column, not dtype {arr.dtype}")
    if arr.dtype.kind == "u" and arr.size and int(arr.max()) > np.iinfo(np.int64).max:
        raise InvalidInputError(f"{what}: a value is beyond int64", id="columns.shape")
    return np.ascontiguousarray(arr, dtype=np.int64)


def _day_serials(values: Any, what: str) -> I64:
    """Day serials (int64, NaT as INT64_MIN) from datetime64, date objects, ISO strings or ints."""
    arr = _array(values)
    if arr.ndim == 0:
        arr = arr.reshape(1)
    if arr.ndim != 1:
        raise InvalidInputError(
            f"{what} must be a one-dimensional column of dates, not {arr.ndim}-dimensional",
            id="columns.shape",
        )
    kind = arr.dtype.kind
    if kind == "f":
        raise FloatInputError(
            f"{what} must be dates (datetime64[D]) or integer day serials, not {arr.dtype}",
            id="python.float_input",
        )
    if kind in "iu" and kind != "b":
        return _int_column(arr, what)
    if kind in "OUS":
        if kind == "O":
            items = arr.tolist()
            for i, v in enumerate(items):
                if isinstance(v, datetime.datetime):
                    raise InvalidInputError(
                        f"{what} row {i}: {v!r} is a datetime; pass its .date() "
                        "(the time of day would be dropped)",
                        id="date.has_time",
                    )
                if isinstance(v, float) and not np.isnan(v):
                    raise FloatInputError(
                        f"{what} row {i}: {v!r} is a float, not a date", id="python.float_input"
                    )
                if type(v).__name__ == "NAType":  # pandas.NA (nullable / Arrow-backed columns)
                    items[i] = None
            arr = np.array(items, dtype=object)
        try:
            arr = arr.astype("datetime64")  # the unit the text carries: a time of day is caught below
        except (ValueError, TypeError) as e:
            raise InvalidInputError(f"{what}: not a column of dates ({e})", id="portfolio.not_dates") from e
        kind = "M"
    if kind != "M":
        raise TypeError(f"{what} must be dates (datetime64[D]) or integer day serials, not dtype {arr.dtype}")
    days = arr.astype("datetime64[D]")
    if arr.dtype != days.dtype:
        exact = (days == arr) | np.isnat(arr)
        if not bool(exact.all()):
            row = int(np.argmin(exact))
            raise InvalidInputError(
                f"{what} row {row}: {arr[row]} carries a time of day; convert with .astype('datetime64[D]')",
                id="date.has_time",
            )
    return np.ascontiguousarray(days.view(np.int64))


def _one_date(value: Any, what: str) -> int:
    """The day serial of one date (date, datetime64, ISO string or int serial)."""
    if isinstance(value, datetime.datetime):
        raise InvalidInputError(
            f"{what} {value!r} is a datetime; pass its .date() (the time of day would be dropped)",
            id="date.has_time",
        )
    if isinstance(value, datetime.date):
        value = np.datetime64(value, "D")
    return int(_day_serials(np.array([value]), what)[0])


def _is_scalar_date(value: Any) -> bool:
    return isinstance(value, (datetime.date, np.datetime64, str, int, np.integer)) and not isinstance(
        value, bool
    )


def _edges(edges: Sequence[int]) -> list[int]:
    out: list[int] = []
    for i, e in enumerate(edges):
        if isinstance(e, (float, np.floating)):
            raise FloatInputError(
                f"edge {i} ({e!r}) must be a whole number of days, not a float", id="python.float_input"
            )
        if isinstance(e, (bool, np.bool_)) or not isinstance(e, (int, np.integer)):
            raise TypeError(f"edge {i} ({e!r}) must be an int (days past due)")
        out.append(int(e))
    return out


def _rate(numerator: int, denominator: int, places: int | None, rounding: str | None) -> RateValue:
    """numerator/denominator as a Fraction, or a Decimal at `places` with `rounding`; None if 0/0."""
    if denominator == 0:
        return None
    if places is None:
        if rounding is not None:
            raise InvalidInputError(
                "rounding= needs places= (the number of decimal places)", id="portfolio.rounding"
            )
        return Fraction(numerator, denominator)
    if rounding is None:
        raise InvalidInputError(
            f"places={places} needs a named rounding, e.g. rounding='half_even'", id="portfolio.rounding"
        )
    result: Decimal = _core.decimal_divide(numerator, denominator, places, rounding)
    return result


# --- results --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rate:
    """An exact rate: ``numerator / denominator`` (accounts, or minor units).

    ``value`` is the Fraction (None when the denominator is 0); ``to_decimal(places, rounding)``
    rounds it once, with a named mode.
    """

    numerator: int
    denominator: int

    @property
    def defined(self) -> bool:
        return self.denominator != 0

    @property
    def value(self) -> Fraction | None:
        return Fraction(self.numerator, self.denominator) if self.denominator else None

    def to_decimal(self, places: int, rounding: str) -> Decimal:
        """The rate rounded to ``places`` with ``rounding``; DivisionByZeroError when undefined."""
        if not self.denominator:
            raise DivisionByZeroError(
                f"the rate {self.numerator}/0 is undefined (nothing to divide by)",
                id="portfolio.undefined_rate",
            )
        result: Decimal = _core.decimal_divide(self.numerator, self.denominator, places, rounding)
        return result


@dataclass(frozen=True)
class CureRate(Rate):
    """Cured accounts / accounts in arrears at t0 still present at t1."""

    in_arrears_t0: int = 0
    closed: int = 0


@dataclass(frozen=True)
class PromiseKeptRate(Rate):
    """Kept promises / promises due by the as-of date."""

    not_yet_due: int = 0


@dataclass(frozen=True)
class AgingBuckets:
    """Accounts (and balances, in minor units) per aging bucket.

    ``counts`` sums to the rows aged and ``balances`` (None without amounts) to their total.
    With ``errors="collect"`` the bad rows are listed in ``error_rows`` / ``error_ids`` /
    ``error_messages`` and left out of both.
    """

    labels: tuple[str, ...]
    counts: I64
    balances: I64 | None
    edges: tuple[int, ...]
    error_rows: I64 = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    error_ids: tuple[str, ...] = ()
    error_messages: tuple[str, ...] = ()

    def to_frame(self) -> pd.DataFrame:
        """A DataFrame indexed by bucket label with columns ``accounts`` and ``balance``."""
        import pandas as pd

        data: dict[str, Any] = {"accounts": self.counts}
        if self.balances is not None:
            data["balance"] = self.balances
        return pd.DataFrame(data, index=pd.Index(list(self.labels), name="bucket"))


@dataclass(frozen=True)
class RollRates:
    """The roll-rate matrix between two snapshots: ``counts[i][j]`` accounts went from bucket i
    at t0 to bucket j at t1; ``closed_counts[i]`` accounts of bucket i left the book; and
    ``new_counts[j]`` accounts entered it in bucket j. Balances (minor units) are weighted by
    the t0 balance (new accounts: their t1 balance), None when not given.
    """

    labels: tuple[str, ...]
    counts: I64
    closed_counts: I64
    new_counts: I64
    balances: I64 | None = None
    closed_balances: I64 | None = None
    new_balances: I64 | None = None

    @property
    def accounts_t0(self) -> I64:
        """Accounts per t0 bucket: each row of ``counts`` plus its closed accounts."""
        return np.asarray(self.counts.sum(axis=1) + self.closed_counts, dtype=np.int64)

    def rates(self, places: int | None = None, rounding: str | None = None) -> list[list[RateValue]]:
        """Row-normalised rates: counts[i][j] / accounts_t0[i] (closed accounts included in the
        denominator, so each row plus ``closed_rates()[i]`` is exactly 1). Fractions, or Decimals
        at ``places`` with ``rounding``; None for a bucket empty at t0."""
        totals = self.accounts_t0
        k = len(self.labels)
        return [
            [_rate(int(self.counts[i, j]), int(totals[i]), places, rounding) for j in range(k)]
            for i in range(k)
        ]

    def closed_rates(self, places: int | None = None, rounding: str | None = None) -> list[RateValue]:
        """closed_counts[i] / accounts_t0[i]."""
        totals = self.accounts_t0
        return [_rate(int(c), int(t), places, rounding) for c, t in zip(self.closed_counts, totals)]

    def balance_rates(self, places: int | None = None, rounding: str | None = None) -> list[list[RateValue]]:
        """Balance roll rates: balances[i][j] / (t0 balance of bucket i, closed included)."""
        if self.balances is None or self.closed_balances is None:
            raise InvalidInputError("balance roll rates need balance_t0", id="portfolio.no_balances")
        totals = self.balances.sum(axis=1) + self.closed_balances
        k = len(self.labels)
        return [
            [_rate(int(self.balances[i, j]), int(totals[i]), places, rounding) for j in range(k)]
            for i in range(k)
        ]

    def to_frame(
        self, places: int | None = None, rounding: str | None = None, *, rates: bool = False
    ) -> pd.DataFrame:
        """The matrix as a DataFrame (index: t0 bucket, columns: t1 buckets and "closed"):
        counts, or with ``rates=True`` the row-normalised rates."""
        import pandas as pd

        k = len(self.labels)
        if rates:
            cells: list[list[Any]] = [
                [*row, c] for row, c in zip(self.rates(places, rounding), self.closed_rates(places, rounding))
            ]
        else:
            cells = [[*(int(v) for v in self.counts[i]), int(self.closed_counts[i])] for i in range(k)]
        return pd.DataFrame(
            cells,
            index=pd.Index(list(self.labels), name="t0"),
            columns=pd.Index([*self.labels, "closed"], name="t1"),
        )


class LiquidationResult:
    """``liquidation_curves(..., errors="collect")``: the table and the payment rows left out."""

    def __init__(self, table: pd.DataFrame, rows: I64, ids: list[str], messages: list[str]) -> None:
        self.table = table
        self.error_rows = rows
        self.error_ids = ids
        self.error_messages = messages

    def __repr__(self) -> str:
        return f"LiquidationResult({len(self.table)} cells, {len(self.error_rows)} payment errors)"


# --- aging ----------------------------------------------------------------------------------


def days_past_due(oldest_unpaid_due: Any, as_of: Any, *, errors: str = "raise") -> Any:
    """Days past due per account from the contractual due date of its oldest unpaid instalment.

    ``oldest_unpaid_due`` is a column of dates (``datetime64[D]``, dates, ISO strings or int
    day serials); NaT means no unpaid instalment (current, 0). ``as_of`` is one date for every
    account or a column of them. DPD is ``as_of - due`` when positive, else 0 (due today, or not
    yet due, is current).

        >>> import numpy as np
        >>> due = np.array(["2024-03-01", "NaT", "2024-04-15"], dtype="datetime64[D]")
        >>> days_past_due(due, datetime.date(2024, 3, 31))
        array([30,  0,  0])

    Returns an int64 array; with ``errors="collect"`` a ``recoup.columns.BatchResult`` (0 in bad
    rows, e.g. a date outside 0001..9999).
    """
    collect = _collect(errors)
    due = _day_serials(oldest_unpaid_due, "oldest_unpaid_due")
    ref = np.array([_one_date(as_of, "as_of")]) if _is_scalar_date(as_of) else _day_serials(as_of, "as_of")
    return _result(_core.portfolio_days_past_due(due, ref, collect), collect)


def bucket_labels(edges: Sequence[int] = DEFAULT_EDGES) -> tuple[str, ...]:
    """The bucket labels of ``edges``: ("current", "1-30", ..., "120+") for the default edges.

    >>> bucket_labels((7, 14))
    ('0-7', '8-14', '14+')
    """
    return tuple(_core.portfolio_edge_labels(_edges(edges)))


def bucket_of(days_past_due: Any, edges: Sequence[int] = DEFAULT_EDGES, *, errors: str = "raise") -> Any:
    """The bucket index of every account (int32; -1 for a row collected as bad), to join with
    ``bucket_labels(edges)`` or feed to ``roll_rates``.

    Bucket 0 holds DPD <= edges[0], bucket i holds edges[i-1] < DPD <= edges[i], the last
    bucket DPD > edges[-1]. Edges must be strictly increasing non-negative ints.

        >>> import numpy as np
        >>> bucket_of(np.array([0, 1, 30, 31, 121]))
        array([0, 1, 1, 2, 5], dtype=int32)
    """
    collect = _collect(errors)
    dpd = _int_column(days_past_due, "days_past_due")
    return _result(_core.portfolio_bucket_of(dpd, _edges(edges), collect), collect)


def aging_buckets(
    days_past_due: Any,
    edges: Sequence[int] = DEFAULT_EDGES,
    *,
    amounts: Any = None,
    errors: str = "raise",
) -> AgingBuckets:
    """Ages a portfolio: accounts per bucket and, with ``amounts`` (int64 minor units of one
    currency), the balance per bucket, in one pass over the columns (10 million accounts take
    a few tens of milliseconds).

    ``days_past_due`` is an integer column (see ``days_past_due()``); a negative value is an
    error naming its row (``portfolio.negative_days``). With ``errors="collect"`` bad rows are
    left out of counts and balances and listed in the result.
    """
    collect = _collect(errors)
    dpd = _int_column(days_past_due, "days_past_due")
    cuts = _edges(edges)
    minor = None if amounts is None else _money(amounts, "amounts")
    out = _core.portfolio_age(dpd, cuts, minor, collect)
    labels = tuple(_core.portfolio_edge_labels(cuts))
    if collect:
        (counts, balances), (rows, ids, messages) = out
        return AgingBuckets(labels, counts, balances, tuple(cuts), rows, tuple(ids), tuple(messages))
    counts, balances = out
    return AgingBuckets(labels, counts, balances, tuple(cuts))


# --- roll rates and rates -------------------------------------------------------------------


def _account_ids(t0: Any, t1: Any) -> tuple[I64, I64]:
    """Integer ids as they are; any other labels (str, object) coded jointly to integers."""
    a, b = _array(t0), _array(t1)
    if a.dtype.kind == "f" or b.dtype.kind == "f":
        raise FloatInputError("account ids must be integers or labels, not floats", id="python.float_input")
    if a.dtype.kind in "iu" and b.dtype.kind in "iu":
        return _int_column(a, "account_id_t0"), _int_column(b, "account_id_t1")
    if a.ndim != 1 or b.ndim != 1:
        raise InvalidInputError("account ids must be one-dimensional", id="columns.shape")
    _, codes = np.unique(np.concatenate([a.astype(object), b.astype(object)]), return_inverse=True)
    codes = codes.astype(np.int64)
    return np.ascontiguousarray(codes[: len(a)]), np.ascontiguousarray(codes[len(a) :])


def roll_rates(
    account_id_t0: Any,
    bucket_t0: Any,
    account_id_t1: Any,
    bucket_t1: Any,
    *,
    balance_t0: Any = None,
    balance_t1: Any = None,
    edges: Sequence[int] = DEFAULT_EDGES,
) -> RollRates:
    """The roll-rate matrix between snapshots t0 and t1, matched by account id.

    Buckets are indices into ``bucket_labels(edges)`` (as ``bucket_of`` gives). An id twice in
    one snapshot (``portfolio.duplicate_account``) or a bucket out of range
    (``portfolio.bucket_range``) raises InvalidInputError naming the column and row.

        >>> m = roll_rates([1, 2, 3], [0, 1, 1], [1, 2, 4], [1, 0, 0])
        >>> m.counts[:2, :2]
        array([[0, 1],
               [1, 0]])
        >>> m.closed_counts[:2], m.new_counts[:2]
        (array([0, 1]), array([1, 0]))
        >>> m.rates()[1][0]
        Fraction(1, 2)
    """
    cuts = _edges(edges)
    labels = tuple(_core.portfolio_edge_labels(cuts))
    ids0, ids1 = _account_ids(account_id_t0, account_id_t1)
    b0 = _int_column(bucket_t0, "bucket_t0")
    b1 = _int_column(bucket_t1, "bucket_t1")
    bal0 = None if balance_t0 is None else _money(balance_t0, "balance_t0")
    bal1 = None if balance_t1 is None else _money(balance_t1, "balance_t1")
    counts, balances, closed, closed_bal, new, new_bal = _core.portfolio_roll_rates(
        ids0, b0, bal0, ids1, b1, bal1, len(labels)
    )
    return RollRates(labels, counts, closed, new, balances, closed_bal, new_bal)


def recovery_rate(collected: Any, placed: Any) -> Rate:
    """Total collected / total placed (int64 minor units of one currency; the columns may
    differ in length). Reversals may be negative collections; a negative placed balance raises.

        >>> recovery_rate([250, 50], [1000, 500]).value
        Fraction(1, 5)
    """
    num, den = _core.portfolio_recovery_rate(_money(collected, "collected"), _money(placed, "placed"))
    return Rate(int(num), int(den))


def cure_rate(
    account_id_t0: Any, days_past_due_t0: Any, account_id_t1: Any, days_past_due_t1: Any
) -> CureRate:
    """Share of the accounts in arrears at t0 (DPD > 0) that are current (DPD 0) at t1.

    Accounts in arrears at t0 that are absent at t1 are counted in ``closed`` and left out of the
    denominator (two snapshots cannot tell a pay-off from a write-off).

        >>> r = cure_rate([1, 2, 3], [10, 40, 0], [1, 2, 3], [0, 70, 0])
        >>> r.value, r.in_arrears_t0
        (Fraction(1, 2), 2)
    """
    ids0, ids1 = _account_ids(account_id_t0, account_id_t1)
    cured, den, in_arrears, closed = _core.portfolio_cure_rate(
        ids0,
        _int_column(days_past_due_t0, "days_past_due_t0"),
        ids1,
        _int_column(days_past_due_t1, "days_past_due_t1"),
    )
    return CureRate(int(cured), int(den), in_arrears_t0=int(in_arrears), closed=int(closed))


def promise_kept_rate(
    promise_date: Any, promised: Any, paid: Any, as_of: DateLike, *, tolerance: int = 0
) -> PromiseKeptRate:
    """Kept promises / promises due on or before ``as_of``.

    A promise is kept when ``paid >= promised - tolerance`` (minor units; ``paid`` is what came
    in towards it by its date). Promises dated after ``as_of`` are counted in ``not_yet_due``.

        >>> import numpy as np
        >>> dates = np.array(["2024-03-01", "2024-03-10", "2024-04-05"], dtype="datetime64[D]")
        >>> promise_kept_rate(dates, [5000, 5000, 100], [5000, 4990, 0], "2024-03-31", tolerance=10).value
        Fraction(1, 1)
    """
    if isinstance(tolerance, (float, Decimal)) or isinstance(tolerance, bool):
        raise FloatInputError("tolerance must be int minor units", id="python.float_input")
    kept, due, later = _core.portfolio_promise_kept_rate(
        _day_serials(promise_date, "promise_date"),
        _money(promised, "promised"),
        _money(paid, "paid"),
        _one_date(as_of, "as_of"),
        int(tolerance),
    )
    return PromiseKeptRate(int(kept), int(due), not_yet_due=int(later))


# --- liquidation ----------------------------------------------------------------------------


def liquidation_curves(
    account_id: Any,
    placement_date: Any,
    placed: Any,
    payment_account_id: Any,
    payment_date: Any,
    payment_amount: Any,
    *,
    as_of: DateLike | None = None,
    places: int | None = None,
    rounding: str | None = None,
    errors: str = "raise",
) -> Any:
    """Liquidation curves: cumulative collections over placed balance, by placement-month
    cohort and month since placement, as a long pandas DataFrame.

    Columns: ``cohort`` (pandas Period, monthly), ``month`` (0 = the placement month, by
    calendar month of the payment), ``accounts``, ``placed``, ``collected`` (in that month),
    ``cumulative`` (minor units) and ``rate`` = cumulative / placed, a Fraction, or a Decimal at
    ``places`` with ``rounding``. Each cohort runs to the month of ``as_of`` (default: the latest
    placement or payment date). Pivot for a curve per cohort:
    ``df.pivot(index="cohort", columns="month", values="rate")``.

    Payments must name a known account and fall between its placement and ``as_of``; with
    ``errors="collect"`` bad payments are left out and a ``LiquidationResult`` (``.table`` and
    the errors) is returned.
    """
    import pandas as pd

    collect = _collect(errors)
    _rate(0, 1, places, rounding)  # validates places/rounding before the work
    ids, pay_ids = _account_ids(account_id, payment_account_id)
    placed_on = _day_serials(placement_date, "placement_date")
    paid_on = _day_serials(payment_date, "payment_date")
    if as_of is None:
        seen = np.concatenate([placed_on, paid_on])
        seen = seen[seen != _NAT]
        if seen.size == 0:
            raise InvalidInputError("no dates to take as_of from: pass as_of=", id="portfolio.as_of_missing")
        ref = int(seen.max())
    else:
        ref = _one_date(as_of, "as_of")
    out = _core.portfolio_liquidation(
        ids,
        placed_on,
        _money(placed, "placed"),
        pay_ids,
        paid_on,
        _money(payment_amount, "payment_amount"),
        ref,
        collect,
    )
    if collect:
        (cohort, accounts, placed_total, offsets, collected, cumulative), (rows, eids, messages) = out
    else:
        cohort, accounts, placed_total, offsets, collected, cumulative = out
    months_per = np.diff(offsets)
    which = np.repeat(np.arange(len(cohort)), months_per)
    month = np.arange(int(offsets[-1]), dtype=np.int64) - np.repeat(offsets[:-1], months_per)
    placed_cell = placed_total[which]
    table = pd.DataFrame(
        {
            "cohort": pd.PeriodIndex.from_ordinals(cohort[which], freq="M"),
            "month": month,
            "accounts": accounts[which],
            "placed": placed_cell,
            "collected": collected,
            "cumulative": cumulative,
            "rate": pd.Series(
                [_rate(int(c), int(p), places, rounding) for c, p in zip(cumulative, placed_cell)],
                dtype=object,
            ),
        }
    )
    if collect:
        return LiquidationResult(table, rows, list(eids), list(messages))
    return table


def evaluate(
    accounts: Any,
    as_of: Any = None,
    policy: Any = None,
    *,
    errors: str = "collect",
    book: Any = None,
) -> Any:
    """What to do next with every account of a book: ``recoup.decide.evaluate_book``.

    ``accounts`` is a DataFrame with the columns of ``recoup.decide.BOOK_COLUMNS``
    (``account_id``, ``jurisdiction``, ``balance_minor`` and any account facts); the result has
    one row per account with ``strategy``, ``expected_net_recovery_minor``,
    ``offer_amount_minor``, ``next_action``, ``next_action_at``, ``priority``,
    ``blocked_actions``, ``charge_off_on``, ``error_id`` and ``error_message`` (the columns of
    ``recoup.decide.RESULT_COLUMNS``). ``policy``: a ``recoup.decide.Policy``, a path to a
    policy file, or None for the shipped EXAMPLE policy.
    """
    from .decide import evaluate_book

    return evaluate_book(accounts, as_of, policy=policy, errors=errors, book=book)  # type: ignore[arg-type]

from ._boundary import guard_module as _guard_module  # noqa: E402

_guard_module(globals(), __all__)  # every exported function raises recoup errors with ids
