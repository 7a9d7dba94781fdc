"""Partition-friendly batch functions: one pandas DataFrame of accounts in, one DataFrame out.

Each function here is pure: it reads only its arguments (a DataFrame and plain, picklable
values), keeps no global or cached state, and returns a new DataFrame whose rows line up with the
input rows. That is what a cluster needs: the same call on every partition, in any order, on any
worker, gives the same rows as one call on the whole frame (``recoup.dask`` and ``recoup.spark``
map it over partitions).

The accounts frame has these columns (``ACCOUNT_COLUMNS``):

``account_id``        int64, carried through to the result
``principal_minor``   int64 minor units of ``currency`` (never float)
``annual_rate``       the nominal annual rate as a decimal string ("0.199") or ``Decimal``
``periods``           int64 number of instalments
``first_due``         date of the first instalment (``datetime64`` or ``datetime.date``)
``oldest_unpaid_due`` date of the oldest unpaid instalment; NaT / None means current

    >>> import datetime
    >>> import pandas as pd
    >>> from recoup import batch
    >>> accounts = pd.DataFrame({
    ...     "account_id": [1, 2],
    ...     "principal_minor": [100_000, -5],
    ...     "annual_rate": ["0.199", "0.05"],
    ...     "periods": [12, 6],
    ...     "first_due": [datetime.date(2024, 2, 1)] * 2,
    ...     "oldest_unpaid_due": [datetime.date(2024, 3, 1), None],
    ... })
    >>> out = batch.evaluate_partition(accounts, datetime.date(2024, 3, 31), currency="GBP")
    >>> out[["account_id", "regular_payment_minor", "days_past_due", "bucket_label"]].values.tolist()
    [[1, 9259, 30, '1-30'], [2, 0, 0, 'current']]
    >>> out["error_id"].tolist()
    [None, 'plan.principal']

Errors are collected per row (``error_id``, ``error_message``; the first error of the row), never
raised for a bad row: one bad account must not fail a partition of a million.
"""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, Sequence

import numpy as np
import numpy.typing as npt

from . import plan, portfolio

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "ACCOUNT_COLUMNS",
    "RESULT_COLUMNS",
    "evaluate_partition",
    "result_meta",
    "synthetic_accounts",
]

#: The input columns ``evaluate_partition`` reads.
ACCOUNT_COLUMNS: tuple[str, ...] = (
    "account_id",
    "principal_minor",
    "annual_rate",
    "periods",
    "first_due",
    "oldest_unpaid_due",
)

#: The result columns and their numpy dtypes, in order (``object`` columns hold str or None).
RESULT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("account_id", "int64"),
    ("regular_payment_minor", "int64"),
    ("total_payment_minor", "int64"),
    ("total_interest_minor", "int64"),
    ("instalments", "int64"),
    ("days_past_due", "int64"),
    ("bucket", "int32"),
    ("bucket_label", "object"),
    ("error_id", "object"),
    ("error_message", "object"),
)


def result_meta() -> pd.DataFrame:
    """An empty DataFrame with the result columns and dtypes (Dask's ``meta``)."""
    import pandas as pd

    return pd.DataFrame({name: pd.Series([], dtype=dtype) for name, dtype in RESULT_COLUMNS})


def _dates(values: Any) -> npt.NDArray[np.datetime64]:
    """A column of dates (datetime64 of any unit, or date objects / None) as datetime64[D]."""
    arr = np.asarray(values)
    if arr.dtype.kind == "M":
        return arr.astype("datetime64[D]")
    return np.array([None if v is None or v != v else v for v in arr.tolist()], dtype="datetime64[D]")


def _rates(values: Any) -> tuple[list[Decimal], list[int]]:
    """The rates as Decimals (parsed once per distinct string; the core takes Decimals faster than
    strings), and the rows whose rate is not a decimal number (set to 0)."""
    out: list[Decimal] = []
    bad: list[int] = []
    zero = Decimal(0)
    checked: dict[str, Decimal | None] = {}
    for i, v in enumerate(np.asarray(values, dtype=object).tolist()):
        if isinstance(v, float):  # a binary float is refused, as everywhere in recoup
            bad.append(i)
            out.append(zero)
            continue
        s = str(v) if isinstance(v, (str, Decimal, int)) and not isinstance(v, bool) else ""
        if s not in checked:
            try:
                d: Decimal | None = Decimal(s) if s else None
            except InvalidOperation:
                d = None
            checked[s] = d if d is not None and d.is_finite() else None
        parsed = checked[s]
        if parsed is not None:
            out.append(parsed)
        else:
            bad.append(i)
            out.append(zero)
    return out, bad


def evaluate_partition(
    accounts: pd.DataFrame,
    as_of: datetime.date | str,
    *,
    currency: str = "GBP",
    shape: str = "level_payment",
    frequency: str = "monthly",
    edges: Sequence[int] = portfolio.DEFAULT_EDGES,
) -> pd.DataFrame:
    """Per-account results for one partition of accounts (see the module docstring for columns).

    For each account: the repayment schedule's regular payment, total payment, total interest
    and instalment count (``plan.build_schedules``), days past due at ``as_of``
    (``portfolio.days_past_due``) and the aging bucket index and label of ``edges``
    (``portfolio.bucket_of``). Rows line up with the input rows (the index is reset). A row
    with an error has zeros, bucket -1 and label None in the columns the error spoiled, and
    its first error in ``error_id`` / ``error_message``.
    """
    import pandas as pd

    n = len(accounts)
    if n == 0:
        return result_meta()
    ids = np.asarray(accounts["account_id"])
    if ids.dtype.kind not in "iu":
        raise TypeError(f"account_id must be an integer column, not {ids.dtype}")
    principal = np.asarray(accounts["principal_minor"])
    periods = np.asarray(accounts["periods"])
    error_id: list[str | None] = [None] * n
    error_message: list[str | None] = [None] * n

    def note(row: int, eid: str, message: str) -> None:
        if error_id[row] is None:
            error_id[row] = eid
            error_message[row] = message

    rates, bad_rates = _rates(accounts["annual_rate"])
    for row in bad_rates:
        note(row, "batch.rate", f"annual_rate {accounts['annual_rate'].iloc[row]!r} is not a decimal string")

    sched = plan.build_schedules(
        principal,
        currency,
        rates,
        periods,
        _dates(accounts["first_due"]),
        shape=shape,
        frequency=frequency,
        errors="collect",
    )
    for row, eid, message in zip(sched.error_rows, sched.error_ids, sched.error_messages):
        note(int(row), eid, message)
    instalments = np.diff(sched.offsets).astype(np.int64)
    regular = np.array(sched.regular_payment, dtype=np.int64)
    total = np.array(sched.total_payment, dtype=np.int64)
    interest = np.array(sched.total_interest, dtype=np.int64)
    if bad_rates:
        for col in (regular, total, interest, instalments):
            col[bad_rates] = 0

    dpd = portfolio.days_past_due(_dates(accounts["oldest_unpaid_due"]), as_of, errors="collect")
    for row, eid, message in zip(dpd.error_rows, dpd.error_ids, dpd.error_messages):
        note(int(row), eid, message)
    days = np.asarray(dpd.values, dtype=np.int64)
    days[np.asarray(dpd.error_rows, dtype=np.int64)] = 0
    bucket = np.asarray(portfolio.bucket_of(days, edges), dtype=np.int32)
    bucket[np.asarray(dpd.error_rows, dtype=np.int64)] = -1
    labels = np.array([*portfolio.bucket_labels(edges), None], dtype=object)

    columns: dict[str, Any] = {
        "account_id": ids.astype(np.int64),
        "regular_payment_minor": regular,
        "total_payment_minor": total,
        "total_interest_minor": interest,
        "instalments": instalments,
        "days_past_due": days,
        "bucket": bucket,
        "bucket_label": labels[bucket],  # -1 picks the trailing None
        "error_id": np.array(error_id, dtype=object),
        "error_message": np.array(error_message, dtype=object),
    }
    return pd.DataFrame({name: pd.Series(columns[name], dtype=dtype) for name, dtype in RESULT_COLUMNS})


def synthetic_accounts(n: int, *, seed: int = 0, start_id: int = 0) -> pd.DataFrame:
    """A reproducible synthetic portfolio of ``n`` accounts (for tests, benchmarks and demos).

    About one account in a thousand is bad on purpose (a non-positive principal) so that the
    error columns are exercised.
    """
    import pandas as pd

    rng = np.random.default_rng(seed)
    principal = rng.integers(10_000, 5_000_000, size=n, dtype=np.int64)
    principal[rng.random(n) < 0.001] = 0
    bp = rng.integers(0, 3000, size=n)  # rates 0.0000 .. 0.2999 in basis points, as strings
    rates = [f"0.{b:04d}" for b in bp.tolist()]
    periods = rng.integers(3, 61, size=n, dtype=np.int64)
    first_due = np.datetime64("2024-01-01") + rng.integers(0, 365, size=n).astype("timedelta64[D]")
    unpaid = np.datetime64("2025-01-01") + rng.integers(-200, 60, size=n).astype("timedelta64[D]")
    unpaid[rng.random(n) < 0.5] = np.datetime64("NaT")
    return pd.DataFrame(
        {
            "account_id": np.arange(start_id, start_id + n, dtype=np.int64),
            "principal_minor": principal,
            "annual_rate": pd.Series(rates, dtype=object),
            "periods": periods,
            "first_due": first_due.astype("datetime64[s]"),
            "oldest_unpaid_due": unpaid.astype("datetime64[s]"),
        }
    )
