"""``recoup report RESULTS -o report.html``: the management report of the user's own results.

Reads a result file of ``recoup portfolio evaluate`` (CSV or Parquet) and, when given, an earlier
result file of the same book (roll rates, cure rate), the payment history (cash collected per
month) and the promises to pay (promise-kept rate), and writes the self-contained HTML report of
``recoup.report`` (inline SVG charts, no external URL).
"""

from __future__ import annotations

import argparse
import datetime
import pathlib
from typing import TYPE_CHECKING, Any, Callable, Sequence

import numpy as np

from . import _cli_portfolio as cp
from . import columns
from ._cli_portfolio import DataError, UsageError
from ._errors import RecoupError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["add_report_parser", "read_dated_amounts", "run"]


def add_report_parser(sub: Any, date: Callable[[str], datetime.date], edges: Callable[[str], Any]) -> None:
    rep = sub.add_parser(
        "report",
        help="the HTML management report of a results file of 'recoup portfolio evaluate'",
        description="Renders the management report (aging, time-barred share, strategy mix by segment "
        "and currency, the work queue, actions blocked and why, expected net recovery by strategy; with "
        "--previous roll rates and cure rate, with --payments monthly cash, with --promises the "
        "promise-kept rate) as one self-contained HTML file.",
    )
    rep.add_argument(
        "results", metavar="RESULTS", help="results .csv or .parquet of 'recoup portfolio evaluate'"
    )
    rep.add_argument(
        "-o",
        "--output",
        default="recoup-report.html",
        metavar="HTML",
        help="the report file (default recoup-report.html)",
    )
    rep.add_argument(
        "--as-of",
        type=date,
        default=None,
        metavar="DATE",
        help="the date the results are as of (default: today, UTC)",
    )
    rep.add_argument(
        "--previous",
        default=None,
        metavar="RESULTS",
        help="an earlier results file of the same book: roll rates and cure rate",
    )
    rep.add_argument(
        "--payments",
        default=None,
        metavar="FILE",
        help="payments .csv/.parquet (account_id, date, amount): cash collected per month",
    )
    rep.add_argument(
        "--promises",
        default=None,
        metavar="FILE",
        help="promises .csv/.parquet (account_id, promise_date, promised, paid): the promise-kept rate",
    )
    rep.add_argument(
        "--edges", type=edges, default=None, metavar="D,D,...", help="aging bucket edges in days"
    )
    rep.add_argument("--title", default="recoup portfolio report", help="the report's title")
    rep.set_defaults(func=run)


def read_dated_amounts(
    path: str | pathlib.Path, results: pd.DataFrame, date_columns: Sequence[str], money_columns: Sequence[str]
) -> pd.DataFrame:
    """A CSV or Parquet file of ``account_id``, dates and amounts (decimal text in the account's
    currency, as in the results) as a frame with ``datetime64[D]`` dates and ``<name>_minor``
    int64 amounts. Rows of accounts not in ``results`` are refused, naming the first."""
    import pandas as pd

    p = pathlib.Path(path)
    wanted = ("account_id", *date_columns, *money_columns)
    raw, n = cp._read_columns(p, "input", wanted, ", ".join(wanted))
    missing = [c for c in wanted if c not in raw]
    if missing:
        raise DataError(
            f"{p}: missing column{'s' if len(missing) > 1 else ''} "
            f"{', '.join(repr(c) for c in missing)}; the columns are {', '.join(wanted)}",
            id="cli.missing_column",
        )
    ids = np.asarray(cp._text(raw["account_id"]), dtype=object)
    currency_of = dict(
        zip(results["account_id"].astype(str).tolist(), results["currency"].astype(str).tolist())
    )
    codes = np.array([currency_of.get(str(i)) for i in ids.tolist()], dtype=object)
    unknown = np.flatnonzero(pd.isna(codes))
    if len(unknown):
        row = int(unknown[0])
        raise DataError(
            f"{p}: row {row + 1}: account {ids[row]!r} is not in the results file", id="cli.bad_value"
        )
    out: dict[str, Any] = {"account_id": ids}
    for name in date_columns:
        col = raw[name]
        dates = col if np.asarray(col).dtype.kind == "M" else cp._dates_of_text(p, name, col)
        if np.isnat(np.asarray(dates, dtype="datetime64[D]")).any():
            row = int(np.flatnonzero(np.isnat(np.asarray(dates, dtype="datetime64[D]")))[0])
            raise DataError(f"{p}: row {row + 1}, column '{name}': a date is required", id="cli.bad_value")
        out[name] = np.asarray(dates, dtype="datetime64[D]")
    for name in money_columns:
        text = cp._text(raw[name])
        minor = np.zeros(n, dtype=np.int64)
        for code in dict.fromkeys(codes.tolist()):
            rows = np.flatnonzero(codes == code)
            try:
                minor[rows] = columns.parse(np.asarray(text[rows], dtype=str), str(code))
            except RecoupError as e:
                raise DataError(f"{p}: column '{name}' ({code}): {e}", id=e.id) from None
        out[f"{name}_minor"] = minor
    return pd.DataFrame(out)


def run(args: argparse.Namespace) -> int:
    """The ``recoup report`` command."""
    from . import portfolio, report

    out = pathlib.Path(args.output)
    if out.suffix.lower() not in (".html", ".htm"):
        raise UsageError(f"{out}: the report is HTML; name it .html", id="cli.file_type")
    if out.parent and not out.parent.exists():
        raise UsageError(f"{out}: the folder {out.parent} does not exist", id="cli.no_such_folder")
    results = cp.read_results(args.results)
    as_of = args.as_of or datetime.datetime.now(datetime.timezone.utc).date()
    previous = cp.read_results(args.previous) if args.previous else None
    payments = promises = None
    if args.payments:
        payments = read_dated_amounts(args.payments, results, ("date",), ("amount",))
    if args.promises:
        promises = read_dated_amounts(args.promises, results, ("promise_date",), ("promised", "paid"))
    edges = args.edges if args.edges is not None else portfolio.DEFAULT_EDGES
    notes = []
    if args.as_of is None:
        notes.append(f"As-of date not given (--as-of): today, {as_of.isoformat()}, is shown.")
    s = report.summarise(
        results,
        as_of=as_of,
        payments=payments,
        previous=previous,
        promises=promises,
        edges=edges,
        notes=notes,
        title=args.title,
        subtitle=f"{len(results):,} accounts from {pathlib.Path(args.results).name}.",
    )
    path = report.write_report(s, out)
    bad = s.errors
    print(f"report: {path} ({s.accounts:,} accounts, {bad:,} with errors left out)")
    return 0
