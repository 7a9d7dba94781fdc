"""``recoup portfolio evaluate``: read a portfolio file, check every value, evaluate every
account with ``recoup.batch.evaluate_partition`` and write one result row per account.

Reading is strict and says where: a file that cannot be used at all raises ``DataError`` with
a message naming the file (a missing column lists the required ones); a bad value is a row
error ("row 17, column 'balance': '12.3.4' is not a decimal amount ...") that leaves that
account out of the figures and is written in its ``error`` column. Rows are numbered from 1,
the header not counted.

Amounts are parsed from their text straight into int64 minor units (``recoup.columns.parse``)
and written back as exact decimal text: no amount passes through a binary float.
"""

from __future__ import annotations

import datetime
import pathlib
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, Callable, Sequence

import numpy as np
import numpy.typing as npt

from . import _core, batch, columns, decide, plan, portfolio
from ._cli_io import DataError, UsageError, atomic_output, read_text
from ._errors import RecoupError

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "DEBT_TYPES",
    "JURISDICTIONS",
    "OPTIONAL_COLUMNS",
    "OUTPUT_COLUMNS",
    "REQUIRED_COLUMNS",
    "DataError",
    "ParsedAccounts",
    "UsageError",
    "columns_of_frame",
    "evaluate_accounts",
    "frame_column",
    "parse_accounts",
    "read_accounts",
    "write_results",
]


#: The columns every portfolio file must have.
REQUIRED_COLUMNS: tuple[str, ...] = (
    "account_id",
    "jurisdiction",
    "debt_type",
    "currency",
    "balance",
    "default_date",
)
#: The optional columns and the value an absent column or an empty cell means.
OPTIONAL_COLUMNS: dict[str, str] = {
    "last_payment_date": "",
    "oldest_unpaid_due": "",
    "annual_rate": "0",
    "plan_term": "12",
    "origination_date": "",
    "placement_date": "",
    "collected": "0",
}
_DATE_COLUMNS = (
    "default_date",
    "last_payment_date",
    "oldest_unpaid_due",
    "origination_date",
    "placement_date",
)

_US_STATES = (
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY "
    "NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY"
).split()
#: The jurisdictions a portfolio file may name: US-XX (the 50 states and DC) and the UK's three.
JURISDICTIONS: tuple[str, ...] = (*(f"US-{s}" for s in _US_STATES), "GB-EAW", "GB-SCT", "GB-NIR")
#: The debt types (the limitation rule packs' classification).
DEBT_TYPES: tuple[str, ...] = tuple(_core.DEBT_TYPES)

#: The output file's columns and their kinds (text, money, int, date, bool). Money is exact: decimal
#: text in CSV, ``decimal128`` in Parquet. In memory (``evaluate_accounts``) a money column ``x``
#: is ``x_minor``, nullable int64 minor units of the row's currency.
OUTPUT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("account_id", "text"),
    ("jurisdiction", "text"),
    ("debt_type", "text"),
    ("currency", "text"),
    ("balance", "money"),
    ("collected", "money"),
    ("days_past_due", "int"),
    ("aging_bucket", "text"),
    ("plan_instalments", "int"),
    ("plan_payment", "money"),
    ("plan_total_interest", "money"),
    ("plan_total", "money"),
    ("limitation_status", "text"),
    ("limitation_expires_on", "date"),
    ("limitation_rule", "text"),
    ("limitation_citation", "text"),
    ("time_barred", "bool"),
    ("credit_reporting_obsolete_on", "date"),
    ("segment", "text"),
    ("strategy", "text"),
    ("challenger", "bool"),
    ("expected_net_recovery", "money"),
    ("offer_amount", "money"),
    ("offer_instalments", "int"),
    ("next_action", "text"),
    ("next_action_at", "text"),
    ("priority", "int"),
    ("blocked_actions", "text"),
    ("blocked_by", "text"),
    ("charge_off_on", "date"),
    ("error", "text"),
)


def frame_column(name: str, kind: str) -> str:
    """The in-memory column of output column ``name`` (money columns carry ``_minor``)."""
    return f"{name}_minor" if kind == "money" else name


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NAT = np.datetime64("NaT", "D")


# --- reading -------------------------------------------------------------------------------


def _suffix(path: pathlib.Path, what: str) -> str:
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".parquet"):
        shown = suffix or "no extension"
        raise UsageError(
            f"{path}: unsupported {what} file type '{shown}' (use .csv or .parquet)", id="cli.file_type"
        )
    return suffix


def _text(values: Any) -> npt.NDArray[np.object_]:
    """A column as an object array of str ('' for missing)."""
    import pandas as pd

    out = np.asarray(values, dtype=object)
    missing = pd.isna(out)  # None, NaN, NaT, pd.NA: one C loop
    if missing.any():
        out = out.copy()
        out[missing] = ""
    return out


def _arrow_column(path: pathlib.Path, name: str, col: Any) -> Any:
    """A Parquet column as text (object array of str) or, for date columns, datetime64[D]."""
    import pyarrow as pa
    import pyarrow.compute as pc

    t = col.type
    if pa.types.is_date(t):
        return np.asarray(col.to_numpy(zero_copy_only=False)).astype("datetime64[D]")
    if pa.types.is_timestamp(t):
        raw = np.asarray(col.to_numpy(zero_copy_only=False))
        days = raw.astype("datetime64[D]")
        if not bool(((days == raw) | np.isnat(raw)).all()):
            raise DataError(
                f"{path}: column '{name}' holds timestamps with a time of day; store dates",
                id="cli.column_type",
            )
        return days
    if pa.types.is_floating(t):
        raise DataError(
            f"{path}: column '{name}' holds binary floating-point numbers ({t}), which cannot hold "
            "amounts exactly; store amounts and rates as decimal text or decimal128",
            id="cli.float_column",
        )
    if pa.types.is_decimal(t) or pa.types.is_integer(t) or pa.types.is_boolean(t):
        return _text([None if v is None else str(v) for v in col.to_pylist()])
    if pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_dictionary(t):
        text = pc.fill_null(pc.cast(col, pa.string()), "")
        return np.asarray(text.to_numpy(zero_copy_only=False), dtype=object)
    raise DataError(
        f"{path}: column '{name}' has type {t}; expected text, integers, decimals or dates",
        id="cli.column_type",
    )


def read_accounts(path: str | pathlib.Path) -> dict[str, Any]:
    """The columns of a portfolio file (CSV or Parquet): name → object array of str, or
    datetime64[D] for typed Parquet date columns. Absent optional columns are filled."""
    p = pathlib.Path(path)
    raw, n = _read_columns(p, "input", (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS), ", ".join(REQUIRED_COLUMNS))
    missing = [c for c in REQUIRED_COLUMNS if c not in raw]
    if missing:
        listed = ", ".join(f"'{c}'" for c in missing)
        raise DataError(
            f"{p}: missing column{'s' if len(missing) > 1 else ''} {listed}; "
            f"the required columns are {', '.join(REQUIRED_COLUMNS)}",
            id="cli.missing_column",
        )
    return _complete(raw, n)


def _read_columns(
    p: pathlib.Path, what: str, wanted: Sequence[str], header: str
) -> tuple[dict[str, Any], int]:
    """The ``wanted`` columns of a CSV (text) or Parquet file (``_arrow_column``) and its rows."""
    suffix = _suffix(p, what)
    if not p.exists():
        raise UsageError(f"{p}: no such file", id="cli.no_such_file")
    if p.is_dir():
        raise UsageError(
            f"{p}: is a directory, not a {'portfolio' if what == 'input' else what} file", id="cli.not_a_file"
        )
    if p.stat().st_size == 0:
        raise DataError(
            f"{p}: the file is empty (expected a header with the columns {header})", id="cli.empty_file"
        )
    raw: dict[str, Any] = {}
    if suffix == ".csv":
        import pandas as pd

        try:
            frame = pd.read_csv(p, dtype=str, keep_default_na=False, na_filter=False, encoding="utf-8-sig")
        except UnicodeDecodeError as e:  # pandas reads in chunks: find the byte and line only now
            read_text(p, "CSV file")  # raises cli.not_utf8 naming them
            raise DataError(f"{p}: not valid UTF-8 ({e})", id="cli.not_utf8") from None
        except pd.errors.EmptyDataError:
            raise DataError(
                f"{p}: the file is empty (expected a header with the columns {header})", id="cli.empty_file"
            ) from None
        except (pd.errors.ParserError, ValueError) as e:
            first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
            raise DataError(f"{p}: not a readable CSV file ({first})", id="cli.unreadable_csv") from None
        names = [str(c).strip() for c in frame.columns]
        for name, col in zip(names, frame.columns):
            raw[name] = frame[col].to_numpy(dtype=object)  # text, '' for empty (na_filter=False)
        return raw, len(frame)
    try:
        import pyarrow.parquet as pq
    except ImportError:  # pragma: no cover - pyarrow is in the report/arrow extras
        raise UsageError(
            "reading Parquet needs pyarrow: pip install 'recoup[arrow]'", id="cli.needs_pyarrow"
        ) from None
    try:
        table = pq.read_table(p)
    except Exception as e:  # pyarrow raises ArrowInvalid / OSError with its own text
        first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise DataError(f"{p}: not a readable Parquet file ({first})", id="cli.unreadable_parquet") from None
    for name in table.column_names:
        if name.strip() in wanted:
            raw[name.strip()] = _arrow_column(p, name.strip(), table.column(name).combine_chunks())
    return raw, table.num_rows


def _complete(raw: dict[str, Any], n: int) -> dict[str, Any]:
    for name, default in OPTIONAL_COLUMNS.items():
        if name not in raw:
            raw[name] = np.full(n, default, dtype=object)
    raw["__rows__"] = n
    return raw


def columns_of_frame(frame: pd.DataFrame) -> dict[str, Any]:
    """The columns of a pandas DataFrame of accounts (text cells) as ``read_accounts`` gives them."""
    missing = [c for c in REQUIRED_COLUMNS if c not in frame.columns]
    if missing:
        raise DataError(
            f"missing columns {', '.join(missing)}; the required columns are {', '.join(REQUIRED_COLUMNS)}",
            id="cli.missing_column",
        )
    raw: dict[str, Any] = {str(name): _text(frame[name].to_numpy(dtype=object)) for name in frame.columns}
    return _complete(raw, len(frame))


# --- checking ------------------------------------------------------------------------------


@dataclass
class ParsedAccounts:
    """The checked accounts: typed columns for ``recoup.batch`` and the first error of each row."""

    n: int
    account_id: npt.NDArray[np.object_]
    jurisdiction: npt.NDArray[np.object_]
    debt_type: npt.NDArray[np.object_]
    currency: npt.NDArray[np.object_]
    balance_minor: npt.NDArray[np.int64]
    collected_minor: npt.NDArray[np.int64]
    annual_rate: list[Decimal]
    plan_term: npt.NDArray[np.int64]
    dates: dict[str, npt.NDArray[np.datetime64]]
    error: npt.NDArray[np.object_] = field(default_factory=lambda: np.zeros(0, dtype=object))

    def note(self, row: int, column: str | None, message: str) -> None:
        """Keeps the first error of ``row`` (0-based), written with its 1-based number."""
        if self.error[row] is None:
            where = f"row {row + 1}, column '{column}'" if column else f"row {row + 1}"
            self.error[row] = f"{where}: {message}"

    @property
    def ok(self) -> npt.NDArray[np.bool_]:
        return np.array([e is None for e in self.error.tolist()], dtype=bool)


def _shown(value: str) -> str:
    return repr(value) if value else "(empty)"


def _parse_dates(raw: Any, name: str, accounts: ParsedAccounts, required: bool) -> npt.NDArray[np.datetime64]:
    arr = np.asarray(raw)
    if arr.dtype.kind == "M":
        out = arr.astype("datetime64[D]")
        if required:
            for row in np.flatnonzero(np.isnat(out)).tolist():
                accounts.note(row, name, "is empty (a date is required)")
        return out
    import pandas as pd

    codes, uniques = pd.factorize(np.asarray(raw, dtype=object), sort=False)
    parsed = np.full(len(uniques), _NAT)
    problem: list[str | None] = [None] * len(uniques)
    for k, text in enumerate(uniques.tolist()):
        s = str(text).strip()
        if not s:
            if required:
                problem[k] = "is empty (a date is required)"
            continue
        if not _ISO_DATE.match(s):
            problem[k] = f"{s!r} is not a date (expected YYYY-MM-DD)"
            continue
        try:
            parsed[k] = np.datetime64(datetime.date.fromisoformat(s), "D")
        except ValueError:
            problem[k] = f"{s!r} is not a valid date (there is no such day)"
    result: npt.NDArray[np.datetime64] = parsed[codes]
    if any(p is not None for p in problem):
        bad = np.array([p is not None for p in problem], dtype=bool)
        for row in np.flatnonzero(bad[codes]).tolist():
            accounts.note(row, name, str(problem[codes[row]]))
    return result


def _parse_rates(raw: Any, accounts: ParsedAccounts) -> list[Decimal]:
    import pandas as pd

    codes, uniques = pd.factorize(np.asarray(raw, dtype=object), sort=False)
    values: list[Decimal] = []
    problem: list[str | None] = []
    for text in uniques.tolist():
        s = str(text).strip()
        percent = s.endswith("%")
        body = s[:-1].strip() if percent else s
        try:
            d = Decimal(body) if body else Decimal(0)
            ok = d.is_finite() and not body.lower().startswith(("nan", "inf", "+inf", "-inf"))
        except InvalidOperation:
            ok, d = False, Decimal(0)
        if ok and percent:
            d = d.scaleb(-2)  # exact: 19.9% is 0.199
        if not ok:
            problem.append(f"{s!r} is not a rate (a decimal fraction such as 0.199, or 19.9%)")
        elif d < 0 or d >= 10:
            problem.append(f"{s!r} is not a plausible annual rate (0 to 1000%)")
        else:
            problem.append(None)
        values.append(d if ok else Decimal(0))
    bad = np.array([p is not None for p in problem], dtype=bool)
    for row in np.flatnonzero(bad[codes]).tolist():
        accounts.note(row, "annual_rate", str(problem[codes[row]]))
    return [values[c] for c in codes.tolist()]


def _parse_terms(raw: Any, accounts: ParsedAccounts) -> npt.NDArray[np.int64]:
    import pandas as pd

    codes, uniques = pd.factorize(np.asarray(raw, dtype=object), sort=False)
    values = np.zeros(len(uniques), dtype=np.int64)
    problem: list[str | None] = []
    for k, text in enumerate(uniques.tolist()):
        s = str(text).strip() or OPTIONAL_COLUMNS["plan_term"]
        if s.isdigit() and 1 <= int(s) <= 600:
            values[k] = int(s)
            problem.append(None)
        else:
            problem.append(f"{s!r} is not a number of instalments (a whole number from 1 to 600)")
    bad = np.array([p is not None for p in problem], dtype=bool)
    for row in np.flatnonzero(bad[codes]).tolist():
        accounts.note(row, "plan_term", str(problem[codes[row]]))
    out: npt.NDArray[np.int64] = values[codes]
    return out


def _parse_amounts(
    raw: Any, name: str, currency: npt.NDArray[np.object_], accounts: ParsedAccounts, default: str | None
) -> npt.NDArray[np.int64]:
    text = np.asarray(raw, dtype=object)
    if default is not None:
        text = np.where(text == "", default, text)
    out = np.zeros(len(text), dtype=np.int64)
    for code in dict.fromkeys(currency.tolist()):
        if code is None:
            continue
        rows = np.flatnonzero(currency == code)
        got = columns.parse(text[rows].astype(str), code, errors="collect")
        out[rows] = got.values
        for r, eid, message in zip(got.error_rows.tolist(), got.error_ids, got.error_messages):
            row = int(rows[r])
            value = str(text[row])
            if not value.strip():
                accounts.note(row, name, "is empty (an amount is required)")
            elif eid == "money.excess_precision":
                places = message.split("allows (")[-1].split(")")[0] if "allows (" in message else "?"
                accounts.note(row, name, f"{value!r} has more decimal places than {code} allows ({places})")
            elif eid == "money.overflow":
                accounts.note(row, name, f"{value!r} is too large an amount")
            else:
                reason = message.split(": ", 1)[1] if ": " in message else message
                accounts.note(row, name, f"{value!r} is not a decimal amount ({reason})")
    for row in np.flatnonzero(out < 0).tolist():
        accounts.note(row, name, f"{str(text[row])!r} is negative")
    return out


def _categories(
    values: Any, case: Callable[[str], str]
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.object_]]:
    """A column of codes (jurisdiction, currency, ...): each distinct value stripped and cased
    once; returns (codes, values) with ``values[codes]`` the normalised column."""
    import pandas as pd

    codes, uniques = pd.factorize(_text(values), sort=False)
    normal = np.array([case(str(u).strip()) for u in uniques.tolist()] or [""], dtype=object)
    return np.asarray(codes, dtype=np.intp), normal


def parse_accounts(raw: dict[str, Any], as_of: datetime.date) -> ParsedAccounts:
    """Checks every value of the columns ``read_accounts`` gave; see the module docstring."""
    from . import _core

    n = int(raw["__rows__"])
    jur_codes, jur_values = _categories(raw["jurisdiction"], str.upper)
    type_codes, type_values = _categories(raw["debt_type"], str.lower)
    cur_codes, cur_values = _categories(raw["currency"], str.upper)
    accounts = ParsedAccounts(
        n=n,
        account_id=_text(raw["account_id"]),
        jurisdiction=jur_values[jur_codes],
        debt_type=type_values[type_codes],
        currency=cur_values[cur_codes],
        balance_minor=np.zeros(n, dtype=np.int64),
        collected_minor=np.zeros(n, dtype=np.int64),
        annual_rate=[],
        plan_term=np.zeros(n, dtype=np.int64),
        dates={},
        error=np.full(n, None, dtype=object),
    )
    for row in np.flatnonzero(accounts.account_id == "").tolist():
        accounts.note(row, "account_id", "is empty (every account needs an id)")
    known = set(JURISDICTIONS)
    for k, value in enumerate(jur_values.tolist()):
        if value not in known:
            why = "is empty" if not value else f"{value!r} is not a known jurisdiction"
            for row in np.flatnonzero(jur_codes == k).tolist():
                accounts.note(
                    row, "jurisdiction", f"{why} (US-XX with a US state code, GB-EAW, GB-SCT or GB-NIR)"
                )
    for k, value in enumerate(type_values.tolist()):
        if value not in DEBT_TYPES:
            why = "is empty" if not value else f"{value!r} is not a debt type"
            for row in np.flatnonzero(type_codes == k).tolist():
                accounts.note(row, "debt_type", f"{why} (one of {', '.join(DEBT_TYPES)})")
    valid_currency = accounts.currency.copy()
    for k, value in enumerate(cur_values.tolist()):
        try:
            _core.Currency(value)
        except (KeyError, ValueError, TypeError):
            why = "is empty" if not value else f"{value!r} is not an ISO 4217 currency code"
            rows = np.flatnonzero(cur_codes == k)
            for row in rows.tolist():
                accounts.note(row, "currency", why)
            valid_currency[rows] = None
    accounts.balance_minor = _parse_amounts(raw["balance"], "balance", valid_currency, accounts, None)
    accounts.collected_minor = _parse_amounts(raw["collected"], "collected", valid_currency, accounts, "0")
    for name in _DATE_COLUMNS:
        accounts.dates[name] = _parse_dates(raw[name], name, accounts, required=name == "default_date")
    ref = np.datetime64(as_of, "D")
    for name in ("default_date", "last_payment_date", "origination_date", "placement_date"):
        late = accounts.dates[name] > ref  # NaT compares False
        for row in np.flatnonzero(late).tolist():
            accounts.note(
                row, name, f"{accounts.dates[name][row]} is after the as-of date {as_of.isoformat()}"
            )
    accounts.annual_rate = _parse_rates(raw["annual_rate"], accounts)
    accounts.plan_term = _parse_terms(raw["plan_term"], accounts)
    return accounts


# --- evaluating ----------------------------------------------------------------------------


def evaluate_accounts(
    accounts: ParsedAccounts,
    as_of: datetime.date,
    *,
    checks: Sequence[str] = (),
    edges: Sequence[int] = portfolio.DEFAULT_EDGES,
    chunk: int = 100_000,
    progress: Callable[[int], None] | None = None,
    policy: Any = None,
) -> pd.DataFrame:
    """The result table, one row per account in file order: the columns of ``OUTPUT_COLUMNS``
    with money as nullable int64 minor units (``balance_minor``, ...; see ``frame_column``).

    Good rows go through ``batch.evaluate_partition`` in chunks of ``chunk`` (``progress(k)`` is
    called after each with the accounts done); rows with an error get only their identifying
    columns and the error.
    """
    import pandas as pd

    n = accounts.n
    first_due = plan.due_dates(as_of, 2)[1]  # a proposed plan starts one month after as_of
    ok_before = accounts.ok
    good = np.flatnonzero(ok_before)
    unpaid = np.where(
        np.isnat(accounts.dates["oldest_unpaid_due"]),
        accounts.dates["default_date"],
        accounts.dates["oldest_unpaid_due"],
    )
    frame = pd.DataFrame(
        {
            "account_id": good.astype(np.int64),
            "currency": pd.Series(accounts.currency[good], dtype=object),
            "principal_minor": accounts.balance_minor[good],
            "annual_rate": pd.Series([accounts.annual_rate[i] for i in good.tolist()], dtype=object),
            "periods": accounts.plan_term[good],
            "first_due": np.full(len(good), np.datetime64(first_due, "D")),
            "oldest_unpaid_due": unpaid[good],
            "jurisdiction": pd.Series(accounts.jurisdiction[good], dtype=object),
            "debt_type": pd.Series(accounts.debt_type[good], dtype=object),
            "default_date": accounts.dates["default_date"][good],
            "last_payment_date": accounts.dates["last_payment_date"][good],
        }
    )
    pieces = []
    done = 0
    for start in range(0, max(len(frame), 1), max(chunk, 1)):
        part = frame.iloc[start : start + chunk]
        pieces.append(batch.evaluate_partition(part, as_of, edges=edges, checks=checks))
        done += len(part)
        if progress is not None:
            progress(done)
    results = pd.concat(pieces, ignore_index=True) if pieces else batch.result_meta(checks)
    # The decision for every account (recoup.decide over the C++ decision kernel), as of the
    # start of the as-of date (UTC): strategy, offer, next action and the actions blocked now.
    dpd = results.set_index("account_id")["days_past_due"] if len(results) else pd.Series(dtype=np.int64)
    decisions = decide.evaluate_book(
        pd.DataFrame(
            {
                "account_id": good.astype(np.int64),
                "jurisdiction": frame["jurisdiction"],
                "debt_type": frame["debt_type"],
                "currency": frame["currency"],
                "balance_minor": frame["principal_minor"],
                "days_past_due": dpd.reindex(good.astype(np.int64)).fillna(0).to_numpy(dtype=np.int64),
                "defaulted_on": frame["default_date"],
                # an unpaid due date still to come is no delinquency yet
                "first_delinquency": np.where(unpaid[good] <= np.datetime64(as_of, "D"), unpaid[good], _NAT),
                "last_payment": frame["last_payment_date"],
            }
        ),
        as_of,
        policy=policy,
    )
    for row, message in zip(decisions["account_id"].tolist(), decisions["error_message"].tolist()):
        if (
            message is not None
            and message == message
            and int(row) < n
            and accounts.balance_minor[int(row)] != 0
        ):
            accounts.note(int(row), None, f"decision: {message}")
    flagged = results[results["error_id"].notna()]
    for row, message, eid in zip(
        flagged["account_id"].tolist(), flagged["error_message"].tolist(), flagged["error_id"].tolist()
    ):
        if eid == "plan.principal" and accounts.balance_minor[int(row)] == 0:
            continue  # a settled account (balance 0) needs no plan: its plan columns stay 0
        column = {
            "plan.principal": "balance",
            "batch.rate": "annual_rate",
            "plan.periods": "plan_term",
        }.get(str(eid), "jurisdiction" if str(eid).startswith(("rules.", "jurisdiction")) else None)
        accounts.note(int(row), column, str(message))
    ok = accounts.ok
    where = np.full(n, -1, dtype=np.int64)
    where[results["account_id"].to_numpy(dtype=np.int64)] = np.arange(len(results))

    def spread(name: str, fill: Any, dtype: Any) -> Any:
        out = np.full(n, fill, dtype=dtype)
        rows = np.flatnonzero(ok)
        if name in results.columns and len(rows):
            out[rows] = results[name].to_numpy()[where[rows]]
        return out

    nat = np.datetime64("NaT", "D")

    def minor(values: npt.NDArray[np.int64]) -> Any:
        return pd.arrays.IntegerArray(np.where(ok, values, 0), ~ok)

    def text(values: npt.NDArray[np.object_]) -> Any:
        return pd.Series(values, dtype=object)

    out: dict[str, Any] = {
        "account_id": text(accounts.account_id),
        "jurisdiction": text(accounts.jurisdiction),
        "debt_type": text(accounts.debt_type),
        "currency": text(accounts.currency),
        "balance_minor": minor(accounts.balance_minor),
        "collected_minor": minor(accounts.collected_minor),
        "days_past_due": minor(spread("days_past_due", 0, np.int64)),
        "aging_bucket": text(spread("bucket_label", None, object)),
        "plan_instalments": minor(spread("instalments", 0, np.int64)),
        "plan_payment_minor": minor(spread("regular_payment_minor", 0, np.int64)),
        "plan_total_interest_minor": minor(spread("total_interest_minor", 0, np.int64)),
        "plan_total_minor": minor(spread("total_payment_minor", 0, np.int64)),
    }
    if "limitation" in checks:
        status = spread("limitation_status", None, object)
        out["limitation_status"] = text(status)
        out["limitation_expires_on"] = spread("limitation_expires_on", nat, "datetime64[D]")
        out["limitation_rule"] = text(spread("limitation_rule", None, object))
        out["limitation_citation"] = text(spread("limitation_citation", None, object))
        known = np.array([s is not None for s in status.tolist()], dtype=bool)
        out["time_barred"] = pd.arrays.BooleanArray(status == "expired", ~known)
    else:
        for name in ("limitation_status", "limitation_rule", "limitation_citation"):
            out[name] = text(np.full(n, None, dtype=object))
        out["limitation_expires_on"] = np.full(n, nat)
        out["time_barred"] = pd.arrays.BooleanArray(np.zeros(n, dtype=bool), np.ones(n, dtype=bool))
    if "credit_reporting" in checks:
        out["credit_reporting_obsolete_on"] = spread("credit_reporting_obsolete_on", nat, "datetime64[D]")
    else:
        out["credit_reporting_obsolete_on"] = np.full(n, nat)
    drow = np.full(n, -1, dtype=np.int64)
    drow[decisions["account_id"].to_numpy(dtype=np.int64)] = np.arange(len(decisions))

    def decided(name: str, fill: Any, dtype: Any) -> Any:
        values = np.full(n, fill, dtype=dtype)
        rows = np.flatnonzero(ok & (drow >= 0))
        if len(rows):
            values[rows] = decisions[name].to_numpy(dtype=dtype)[drow[rows]]
        return values

    out["segment"] = text(decided("segment", None, object))
    out["strategy"] = text(decided("strategy", None, object))
    chosen = decided("challenger", False, bool)
    out["challenger"] = pd.arrays.BooleanArray(chosen, ~(ok & (drow >= 0)))
    out["expected_net_recovery_minor"] = minor(decided("expected_net_recovery_minor", 0, np.int64))
    out["offer_amount_minor"] = minor(decided("offer_amount_minor", 0, np.int64))
    out["offer_instalments"] = minor(decided("instalments", 0, np.int64))
    out["next_action"] = text(decided("next_action", None, object))
    stamps = decisions["next_action_at"]
    iso = stamps.dt.strftime("%Y-%m-%dT%H:%M:%S+00:00").astype(object)
    decisions["next_action_text"] = iso.where(stamps.notna(), None)
    out["next_action_at"] = text(decided("next_action_text", None, object))
    out["priority"] = minor(decided("priority", 0, np.int64))
    out["blocked_actions"] = text(decided("blocked_actions", None, object))
    out["blocked_by"] = text(decided("blocked_by", None, object))
    out["charge_off_on"] = decided("charge_off_on", nat, "datetime64[D]")
    out["error"] = text(accounts.error)
    return pd.DataFrame(
        {frame_column(name, kind): out[frame_column(name, kind)] for name, kind in OUTPUT_COLUMNS}
    )


# --- writing -------------------------------------------------------------------------------


def _money_text(table: pd.DataFrame, name: str) -> npt.NDArray[np.object_]:
    """A money column as exact decimal text per row's currency (None where missing)."""
    values = table[name].to_numpy(dtype=np.int64, na_value=0)
    missing = table[name].isna().to_numpy()
    codes = table["currency"].to_numpy(dtype=object)
    out = np.full(len(table), None, dtype=object)
    for code in dict.fromkeys(codes[~missing].tolist()):
        rows = np.flatnonzero(~missing & (codes == code))
        out[rows] = columns.format(values[rows], str(code)).astype(object)
    return out


def _money_decimal128(table: pd.DataFrame, name: str) -> Any:
    """A money column as an Arrow decimal128(38, s) array, s the most places of its currencies:
    built from the minor units themselves (scaled up exactly where a currency has fewer places)."""
    import pyarrow as pa

    from . import _core

    values = table[name].to_numpy(dtype=np.int64, na_value=0)
    missing = table[name].isna().to_numpy()
    codes = table["currency"].to_numpy(dtype=object)
    places = {str(c): _core.Currency(str(c)).minor_units for c in dict.fromkeys(codes[~missing].tolist())}
    scale = max(places.values(), default=2)
    scaled = values.copy()
    for code, p in places.items():
        if p != scale:
            rows = ~missing & (codes == code)
            scaled[rows] = values[rows] * 10 ** (scale - p)  # exact: int64 holds any real balance
    words = np.empty((len(scaled), 2), dtype=np.int64)  # little-endian 128-bit two's complement
    words[:, 0] = scaled
    words[:, 1] = scaled >> 63
    validity = pa.array(~missing).buffers()[1] if missing.any() else None
    return pa.Array.from_buffers(
        pa.decimal128(38, scale), len(scaled), [validity, pa.py_buffer(words.tobytes())], null_count=-1
    )


def read_results(path: str | pathlib.Path) -> pd.DataFrame:
    """A result file of ``write_results`` (CSV or Parquet) back in memory as ``evaluate_accounts``
    gives it: money as nullable int64 minor units (``balance_minor``, ...; parsed exactly from
    the decimal text or decimal128 per row's currency), dates ``datetime64[D]``, counts nullable
    int64, text None where empty. A file without ``account_id``, ``currency``,
    ``days_past_due`` and ``error`` is refused."""
    import pandas as pd

    p = pathlib.Path(path)
    raw, n = _read_columns(
        p, "results", [name for name, _ in OUTPUT_COLUMNS], "of 'recoup portfolio evaluate'"
    )
    for required in ("account_id", "currency", "days_past_due", "error"):
        if required not in raw:
            raise DataError(
                f"{p}: not a results file of 'recoup portfolio evaluate' (no '{required}' column)",
                id="cli.missing_column",
            )
    out: dict[str, Any] = {}
    codes = np.asarray(raw["currency"], dtype=object)
    for name, kind in OUTPUT_COLUMNS:
        if name not in raw:
            continue
        col = raw[name]
        if kind == "date":
            values = col if np.asarray(col).dtype.kind == "M" else _dates_of_text(p, name, col)
            out[name] = np.asarray(values, dtype="datetime64[D]")
            continue
        text = _text(col)
        empty = text == ""
        if kind == "text":
            values = text.copy()
            values[empty] = None
            out[name] = pd.Series(values, dtype=object)
        elif kind == "bool":
            known = ~empty
            bad = known & ~np.isin(text, ["True", "False", "true", "false"])
            if bad.any():
                row = int(np.flatnonzero(bad)[0])
                raise DataError(
                    f"{p}: row {row + 1}, column '{name}': {text[row]!r} is not true or false",
                    id="cli.bad_value",
                )
            out[name] = pd.arrays.BooleanArray(np.isin(text, ["True", "true"]), empty)
        elif kind == "int":
            try:
                ints = np.array([int(v) if v else 0 for v in text.tolist()], dtype=np.int64)
            except ValueError:
                row = next(i for i, v in enumerate(text.tolist()) if v and not v.lstrip("-").isdigit())
                raise DataError(
                    f"{p}: row {row + 1}, column '{name}': {text[row]!r} is not a whole number",
                    id="cli.bad_value",
                ) from None
            out[name] = pd.arrays.IntegerArray(ints, empty)
        else:  # money: exact decimal text in the row's currency
            minor = np.zeros(n, dtype=np.int64)
            for code in dict.fromkeys(codes[~empty].tolist()):
                rows = np.flatnonzero(~empty & (codes == code))
                try:
                    minor[rows] = columns.parse(np.asarray(text[rows], dtype=str), str(code))
                except RecoupError as e:
                    raise DataError(f"{p}: column '{name}' ({code}): {e}", id=e.id) from None
            out[frame_column(name, kind)] = pd.arrays.IntegerArray(minor, empty)
    return pd.DataFrame(out)


def _dates_of_text(path: pathlib.Path, name: str, col: Any) -> npt.NDArray[np.datetime64]:
    text = _text(col)
    out = np.full(len(text), _NAT)
    for i, v in enumerate(text.tolist()):
        if v:
            if not _ISO_DATE.match(v):
                raise DataError(
                    f"{path}: row {i + 1}, column '{name}': {v!r} is not a YYYY-MM-DD date",
                    id="cli.bad_value",
                )
            out[i] = np.datetime64(v, "D")
    return out


def write_results(table: pd.DataFrame, path: str | pathlib.Path) -> pathlib.Path:
    """Writes an ``evaluate_accounts`` table as CSV (money as decimal text, dates ISO, empty for
    none) or Parquet (money decimal128, dates date32, text string, counts int64)."""
    import pandas as pd

    p = pathlib.Path(path)
    suffix = _suffix(p, "output")
    if p.parent and not p.parent.exists():
        raise UsageError(f"{p}: the folder {p.parent} does not exist", id="cli.no_such_folder")
    if suffix == ".csv":
        data: dict[str, Any] = {}
        for name, kind in OUTPUT_COLUMNS:
            col = frame_column(name, kind)
            if kind == "money":
                data[name] = _money_text(table, col)
            elif kind == "date":
                values = np.asarray(table[col].to_numpy(), dtype="datetime64[D]")
                data[name] = np.where(np.isnat(values), "", np.datetime_as_string(values, unit="D"))
            else:
                data[name] = table[col]
        try:
            with atomic_output(p) as tmp:
                pd.DataFrame(data).to_csv(tmp, index=False, lineterminator="\n")
        except OSError as e:
            raise DataError(f"{p}: cannot write ({e.strerror})", id="cli.cannot_write") from None
        return p
    import pyarrow as pa
    import pyarrow.parquet as pq

    arrays = []
    for name, kind in OUTPUT_COLUMNS:
        col = table[frame_column(name, kind)]
        if kind == "money":
            arrays.append(_money_decimal128(table, frame_column(name, kind)))
        elif kind == "date":
            values = np.asarray(col.to_numpy(), dtype="datetime64[D]")
            arrays.append(pa.array(values, type=pa.date32(), mask=np.isnat(values)))
        elif kind == "int":
            arrays.append(pa.array(col, type=pa.int64(), from_pandas=True))
        elif kind == "bool":
            arrays.append(pa.array(col, type=pa.bool_(), from_pandas=True))
        else:
            arrays.append(pa.array(col.to_numpy(dtype=object), type=pa.string(), from_pandas=True))
    try:
        with atomic_output(p) as tmp:
            pq.write_table(pa.table(arrays, names=[n for n, _ in OUTPUT_COLUMNS]), tmp)
    except OSError as e:
        raise DataError(f"{p}: cannot write ({e})", id="cli.cannot_write") from None
    return p
