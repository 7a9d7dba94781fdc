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

Optional columns and checks (what ``recoup portfolio evaluate`` uses):

``currency``           a column of ISO codes: each row in its own currency (else ``currency=``)
``checks=("limitation", "credit_reporting")`` adds the columns of ``CHECK_COLUMNS``; they read
``jurisdiction``, ``debt_type``, ``default_date`` and ``last_payment_date`` (dates, NaT = none) and
are answered by ``recoup.rules`` (the verdicts' rule ids and citations are columns too).
"""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, Sequence

import numpy as np
import numpy.typing as npt

from . import plan, portfolio
from ._errors import RecoupError

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "ACCOUNT_COLUMNS",
    "CHECKS",
    "CHECK_COLUMNS",
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


#: The optional checks of ``evaluate_partition`` and the module each needs.
CHECKS: dict[str, str] = {"limitation": "recoup.rules", "credit_reporting": "recoup.rules"}

#: The result columns each check adds (after ``RESULT_COLUMNS``, in the order of ``checks``).
CHECK_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "limitation": (
        ("limitation_status", "object"),
        ("limitation_expires_on", "datetime64[s]"),
        ("limitation_rule", "object"),
        ("limitation_citation", "object"),
    ),
    "credit_reporting": (("credit_reporting_obsolete_on", "datetime64[s]"),),
}


def _result_columns(checks: Sequence[str]) -> list[tuple[str, str]]:
    cols = list(RESULT_COLUMNS)
    for check in checks:
        if check not in CHECK_COLUMNS:
            raise ValueError(f"unknown check {check!r}: the checks are {', '.join(CHECK_COLUMNS)}")
        cols.extend(CHECK_COLUMNS[check])
    return cols


def result_meta(checks: Sequence[str] = ()) -> pd.DataFrame:
    """An empty DataFrame with the result columns and dtypes (Dask's ``meta``)."""
    import pandas as pd

    return pd.DataFrame({name: pd.Series([], dtype=dtype) for name, dtype in _result_columns(checks)})


def _dates(values: Any) -> npt.NDArray[np.datetime64]:
    """A column of dates (datetime64 of any unit, or date objects / None) as datetime64[D]."""
    arr = np.asarray(values)
    if arr.dtype.kind == "M":
        return arr.astype("datetime64[D]")
    return np.array([None if v is None or v != v else v for v in arr.tolist()], dtype="datetime64[D]")


def _rates(values: Any) -> tuple[list[Decimal], list[int]]:
    """The rates as Decimals (each distinct value parsed once; the core takes Decimals faster
    than strings), and the rows whose rate is not a decimal number (set to 0)."""
    import pandas as pd

    arr = np.asarray(values, dtype=object)
    codes, uniques = pd.factorize(arr, use_na_sentinel=False)
    zero = Decimal(0)
    parsed: list[Decimal | None] = []
    for v in uniques.tolist():
        if isinstance(v, float) or isinstance(v, bool) or not isinstance(v, (str, Decimal, int)):
            parsed.append(None)  # a binary float (or None, NaN) is refused, as everywhere in recoup
            continue
        try:
            d = Decimal(str(v))
        except InvalidOperation:
            parsed.append(None)
            continue
        parsed.append(d if d.is_finite() else None)
    table = [zero if d is None else d for d in parsed]
    out = [table[c] for c in codes.tolist()]
    bad_codes = np.array([d is None for d in parsed], dtype=bool)
    # a float equal to a Decimal (0.5, Decimal("0.5")) shares its factorize code, as True shares 1's:
    # floats and bools are found by type, row by row
    typed = np.fromiter((isinstance(v, (float, bool, np.floating)) for v in arr.tolist()), bool, len(arr))
    bad_rows = bad_codes[codes] | typed
    bad = np.flatnonzero(bad_rows).tolist() if bad_rows.any() else []
    for row in bad:
        out[row] = zero
    return out, bad


def evaluate_partition(
    accounts: pd.DataFrame,
    as_of: datetime.date | str,
    *,
    currency: str = "GBP",
    shape: str = "level_payment",
    frequency: str = "monthly",
    edges: Sequence[int] = portfolio.DEFAULT_EDGES,
    checks: Sequence[str] = (),
) -> pd.DataFrame:
    """Per-account results for one partition of accounts (see the module docstring for columns).

    For each account: the repayment schedule's regular payment, total payment, total interest
    and instalment count (``plan.build_schedules``), days past due at ``as_of``
    (``portfolio.days_past_due``) and the aging bucket index and label of ``edges``
    (``portfolio.bucket_of``). Rows line up with the input rows (the index is reset). A row
    with an error has zeros, bucket -1 and label None in the columns the error spoiled, and
    its first error in ``error_id`` / ``error_message``.

    With a ``currency`` column each row is in its own currency (one kernel call per currency).
    ``checks`` (names of ``CHECKS``) add the columns of ``CHECK_COLUMNS``; a check's errors
    (e.g. an unknown jurisdiction) are row errors like any other.
    """
    import pandas as pd

    result_columns = _result_columns(checks)
    n = len(accounts)
    if n == 0:
        return result_meta(checks)
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

    first_due = _dates(accounts["first_due"])
    if "currency" in accounts.columns:
        codes = np.asarray(accounts["currency"], dtype=object)
        groups = [(str(c), np.flatnonzero(codes == c)) for c in dict.fromkeys(codes.tolist())]
    else:
        groups = [(currency, np.arange(n))]
    instalments = np.zeros(n, dtype=np.int64)
    regular = np.zeros(n, dtype=np.int64)
    total = np.zeros(n, dtype=np.int64)
    interest = np.zeros(n, dtype=np.int64)
    for code, rows in groups:
        whole = len(rows) == n
        sched = plan.build_schedules(
            principal if whole else principal[rows],
            code,
            rates if whole else [rates[i] for i in rows.tolist()],
            periods if whole else periods[rows],
            first_due if whole else first_due[rows],
            shape=shape,
            frequency=frequency,
            errors="collect",
        )
        for row, eid, message in zip(sched.error_rows, sched.error_ids, sched.error_messages):
            note(int(rows[int(row)]), eid, message)
        instalments[rows] = np.diff(sched.offsets)
        regular[rows] = np.asarray(sched.regular_payment, dtype=np.int64)
        total[rows] = np.asarray(sched.total_payment, dtype=np.int64)
        interest[rows] = np.asarray(sched.total_interest, dtype=np.int64)
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
    }
    for check in checks:
        columns.update(_run_check(check, accounts, as_of, note))
    columns["error_id"] = np.array(error_id, dtype=object)
    columns["error_message"] = np.array(error_message, dtype=object)
    return pd.DataFrame({name: pd.Series(columns[name], dtype=dtype) for name, dtype in result_columns})


def _date_or_none(value: np.datetime64) -> datetime.date | None:
    if np.isnat(value):
        return None
    d: datetime.date = value.astype("datetime64[D]").item()
    return d


def _distinct(*cols: npt.NDArray[Any]) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """(a row of each distinct combination of the columns, the combination index of every row):
    hashed with pandas.factorize column by column (linear time, no sort)."""
    import pandas as pd

    n = len(cols[0])
    key = np.zeros(n, dtype=np.int64)
    for c in cols:
        codes, uniques = pd.factorize(c, use_na_sentinel=False)
        combined = key * max(len(uniques), 1) + codes  # key < n and codes < n: no overflow
        key, _ = pd.factorize(combined)
    inverse = np.asarray(key, dtype=np.intp)
    first = np.empty(int(inverse.max()) + 1 if n else 0, dtype=np.intp)
    first[inverse[::-1]] = np.arange(n - 1, -1, -1, dtype=np.intp)  # any row of a group will do
    return first, inverse


def _starts_with_us(jur: npt.NDArray[np.object_]) -> npt.NDArray[np.bool_]:
    """Whether each row's jurisdiction is federal US or a US state (one test per distinct code)."""
    import pandas as pd

    codes, uniques = pd.factorize(jur, use_na_sentinel=False)
    is_us = np.array([str(u).startswith("US") for u in uniques], dtype=bool)
    return is_us[codes] if len(uniques) else np.zeros(len(jur), dtype=bool)


def _as_dates(accounts: pd.DataFrame, name: str) -> npt.NDArray[np.datetime64]:
    if name in accounts.columns:
        return _dates(accounts[name])
    return np.full(len(accounts), np.datetime64("NaT", "D"))


def _limitation_columns(
    rules: Any,
    jur: npt.NDArray[np.object_],
    kind: npt.NDArray[np.object_],
    defaulted: npt.NDArray[np.datetime64],
    paid: npt.NDArray[np.datetime64],
    ref: datetime.date,
) -> dict[str, Any] | None:
    """The limitation columns from the rule engine's columnar kernel (one call for the whole
    partition), with the rule id and citation of one verdict per (jurisdiction, debt type); None
    when the kernel refuses a row (an unknown jurisdiction or debt type: the row-by-row path then
    says which row is bad)."""
    try:
        got = rules.limitation_columns(jur, kind, defaulted_on=defaulted, last_payment=paid, as_of=ref)
        first, inverse = _distinct(jur, kind)
        rule = np.empty(len(first), dtype=object)
        citation = np.empty(len(first), dtype=object)
        for u, row in enumerate(first.tolist()):
            v = rules.limitation(
                jur[row],
                kind[row],
                as_of=ref,
                defaulted_on=_date_or_none(defaulted[row]),
                last_payment=_date_or_none(paid[row]),
            )
            rule[u], citation[u] = v.rule_id or None, v.citation or None
    except RecoupError:
        return None
    names = np.array(list(rules.LIMITATION_STATUSES), dtype=object)
    status = names[np.asarray(got["status"], dtype=np.int64)]
    unknown = status == "unknown"
    rules_of_rows, citations_of_rows = rule[inverse], citation[inverse]
    rules_of_rows[unknown] = None
    citations_of_rows[unknown] = None
    return {
        "limitation_status": status,
        "limitation_expires_on": np.asarray(got["expires_on"], dtype="datetime64[D]").astype("datetime64[s]"),
        "limitation_rule": rules_of_rows,
        "limitation_citation": citations_of_rows,
    }


def _run_check(check: str, accounts: pd.DataFrame, as_of: datetime.date | str, note: Any) -> dict[str, Any]:
    """The columns of one check; row errors go to ``note(row, id, message)``. Each distinct
    input is asked once (a book has far fewer distinct (jurisdiction, type, dates) than rows)."""
    from . import rules

    ref = as_of if isinstance(as_of, datetime.date) else datetime.date.fromisoformat(as_of)
    nat = np.datetime64("NaT", "D")
    errors: dict[int, tuple[str, str]] = {}
    if check == "limitation":
        jur = np.asarray(accounts["jurisdiction"], dtype=object)
        kind = np.asarray(accounts["debt_type"], dtype=object)
        defaulted = _as_dates(accounts, "default_date")
        paid = _as_dates(accounts, "last_payment_date")
        fast = _limitation_columns(rules, jur, kind, defaulted, paid, ref)
        if fast is not None:
            return fast
        first, inverse = _distinct(jur, kind, defaulted.view(np.int64), paid.view(np.int64))
        k = len(first)
        status = np.empty(k, dtype=object)
        expires = np.full(k, nat)
        rule = np.empty(k, dtype=object)
        citation = np.empty(k, dtype=object)
        for u, row in enumerate(first.tolist()):
            try:
                v = rules.limitation(
                    str(jur[row]),
                    str(kind[row]),
                    as_of=ref,
                    defaulted_on=_date_or_none(defaulted[row]),
                    last_payment=_date_or_none(paid[row]),
                )
            except RecoupError as e:
                errors[u] = (e.id, str(e))
                continue
            status[u] = v.status
            expires[u] = nat if v.expires_on is None else np.datetime64(v.expires_on, "D")
            rule[u] = v.rule_id
            citation[u] = v.citation
        out = {
            "limitation_status": status[inverse],
            "limitation_expires_on": expires[inverse].astype("datetime64[s]"),
            "limitation_rule": rule[inverse],
            "limitation_citation": citation[inverse],
        }
    elif check == "credit_reporting":
        jur = np.asarray(accounts["jurisdiction"], dtype=object)
        defaulted = _as_dates(accounts, "default_date")
        us = _starts_with_us(jur)
        first, inverse = _distinct(defaulted.view(np.int64))
        obsolete = np.full(len(first), nat)
        for u, row in enumerate(first.tolist()):
            day = _date_or_none(defaulted[row])
            if day is None:
                continue
            try:
                got = rules.credit_reporting_obsolete_on(first_delinquency=day)
            except RecoupError:
                continue  # the rule does not apply (e.g. a delinquency before the FCRA's 1997 terms): empty
            obsolete[u] = np.datetime64(got.date, "D")
        # the FCRA's seven years: US consumer reports only
        out = {"credit_reporting_obsolete_on": np.where(us, obsolete[inverse], nat).astype("datetime64[s]")}
        if errors:
            inverse = np.where(us, inverse, -1)
    else:
        raise ValueError(f"unknown check {check!r}")
    for u, (eid, message) in errors.items():
        for row in np.flatnonzero(inverse == u).tolist():
            note(row, eid, message)
    return out


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

from ._boundary import guard_module as _guard_module  # noqa: E402

_guard_module(globals(), __all__)  # every exported function raises recoup errors with ids
