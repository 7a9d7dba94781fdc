"""``recoup demo``: the bundled book evaluated, summarised in the terminal and written as a report."""

from __future__ import annotations

import argparse
import datetime
import pathlib
from typing import TYPE_CHECKING, Any, Callable, Iterable, Sequence

import numpy as np

from . import _cli_portfolio as cp
from . import _demo_data, batch, report

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["REPORT_NAME", "evaluate_demo", "policy_assumptions", "run"]

#: The file name of the demo report (in ``--out``).
REPORT_NAME = "recoup-demo-report.html"


def evaluate_demo(
    n: int = 3000,
    *,
    seed: int = 2026,
    as_of: datetime.date = _demo_data.DEFAULT_AS_OF,
    evaluate: Callable[..., pd.DataFrame] | None = None,
) -> tuple[_demo_data.DemoPortfolio, pd.DataFrame]:
    """The demo book and its result table (the columns of ``recoup portfolio evaluate``)."""
    book = _demo_data.demo_portfolio(n, seed=seed, as_of=as_of)
    parsed = cp.parse_accounts(cp.columns_of_frame(book.accounts), as_of)
    checks = tuple(batch.CHECKS)
    if evaluate is None:
        results = cp.evaluate_accounts(parsed, as_of, checks=checks, edges=report.DEMO_EDGES)
    else:
        results = evaluate(parsed, as_of, checks, report.DEMO_EDGES)
    results["placement_date"] = book.accounts["placement_date"].to_numpy()
    return book, results


def _table(
    title: str, headers: Sequence[str], rows: Iterable[Sequence[str]], *, left: tuple[str, ...]
) -> Any:
    """A rich table: the ``left`` columns left-aligned, the figures right-aligned."""
    from rich.table import Table

    table = Table(title=title)
    for col in headers:
        table.add_column(col, justify="left" if col in left else "right", overflow="fold")
    for row in rows:
        table.add_row(*row)
    return table


def _print_summary(s: report.PortfolioSummary, out: Any) -> None:
    from rich.table import Table

    head = Table(title=f"Portfolio at {s.as_of.isoformat()}")
    for col in ("currency", "accounts", "balance", "collected", "recovered"):
        head.add_column(col, justify="left" if col == "currency" else "right", overflow="fold")
    for c in s.currencies:
        head.add_row(
            c.currency,
            f"{c.accounts:,}",
            f"{c.balance.amount:,}",
            f"{c.collected.amount:,}",
            report.percent(c.recovery),
        )
    out.print(head)

    codes = sorted(s.aging.balances)
    out.print(_table("Aging (days past due)", ["bucket", "accounts", *(f"balance {c}" for c in codes)],
                     report.aging_rows(s), left=("bucket",)))  # fmt: skip
    out.print(_table("By jurisdiction", report.JURISDICTION_HEADERS, report.jurisdiction_rows(s),
                     left=("jurisdiction", "currency")))  # fmt: skip
    if s.strategies:
        out.print(_table("Expected recovery by strategy", report.STRATEGY_HEADERS, report.strategy_rows(s),
                         left=("strategy", "currency")))  # fmt: skip

    if s.calls:
        calls = Table(title="Contact attempts, last 30 days")
        calls.add_column("outcome")
        calls.add_column("calls", justify="right")
        for k, v in s.calls.items():
            calls.add_row(k.replace("_", " "), f"{v:,}")
        out.print(calls)
        out.print(f"accounts called more than 7 times in the last 7 days: {s.heavily_called:,}")
    if s.contact_flags:
        flagged = Table(title="US calls flagged by the contact rules (recoup.rules)")
        flagged.add_column("flag")
        flagged.add_column("calls", justify="right")
        for name, label in report.CONTACT_FLAGS:
            flagged.add_row(label, f"{s.contact_flags.get(name, 0):,}")
        out.print(flagged)
    for note in s.notes:
        out.print(f"note: {note}")


def policy_assumptions() -> tuple[tuple[str, str], ...]:
    """The example policy's figures the report shows beside the decisions (from the policy
    itself, never restated here)."""
    from .decide import Policy

    p = Policy.example()
    return tuple((k, str(v)) for k, v in p.summary().items())


def _payments_text(book: _demo_data.DemoPortfolio) -> pd.DataFrame:
    """The demo's payment history as the file 'recoup report --payments' reads: amounts as exact
    decimal text in each account's currency."""
    import pandas as pd

    from . import columns

    pay = book.payments
    currency_of = dict(zip(book.accounts["account_id"], book.accounts["currency"]))
    codes = pay["account_id"].map(currency_of).to_numpy(dtype=object)
    minor = pay["amount_minor"].to_numpy(dtype=np.int64)
    text = np.empty(len(pay), dtype=object)
    for code in dict.fromkeys(codes.tolist()):
        rows = np.flatnonzero(codes == code)
        text[rows] = columns.format(minor[rows], str(code)).astype(object)
    dates = np.datetime_as_string(pay["date"].to_numpy().astype("datetime64[D]"), unit="D")
    return pd.DataFrame(
        {"account_id": pay["account_id"].to_numpy(dtype=object), "date": dates, "amount": text}
    )


def _open(path: pathlib.Path) -> None:
    """Opens the report in a browser when there is a screen to show it on."""
    import os
    import sys
    import webbrowser

    graphical = sys.platform in ("darwin", "win32") or bool(
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )
    if graphical and sys.stdout.isatty():
        webbrowser.open(path.as_uri())


def run(args: argparse.Namespace, out: Any, err: Any, with_progress: Callable[..., pd.DataFrame]) -> int:
    """The ``recoup demo`` command (``out``/``err``: rich consoles)."""
    folder = pathlib.Path(args.out)
    if folder.exists() and not folder.is_dir():
        raise cp.UsageError(f"{folder}: exists and is not a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise cp.UsageError(f"{folder}: cannot create the folder ({e.strerror})") from None
    as_of: datetime.date = args.as_of

    def evaluate(parsed: Any, day: datetime.date, checks: Any, edges: Any) -> pd.DataFrame:
        return with_progress(parsed, day, checks, edges, quiet=False, label="evaluating accounts")

    book, results = evaluate_demo(args.accounts, seed=args.seed, as_of=as_of, evaluate=evaluate)
    notes = [
        "Decisions by the shipped EXAMPLE strategy policy (data/policies/example.toml): its figures are "
        "illustrative; pass your own with 'recoup portfolio evaluate --policy FILE'."
    ]
    assumptions = policy_assumptions()
    s = report.summarise(
        results,
        as_of=as_of,
        payments=book.payments,
        calls=book.calls,
        assumptions=assumptions,
        notes=notes,
        title="recoup demo portfolio",
        subtitle=f"{args.accounts:,} synthetic US and UK accounts (seed {args.seed}).",
    )
    _print_summary(s, out)
    accounts_csv = folder / "recoup-demo-accounts.csv"
    book.accounts.to_csv(accounts_csv, index=False, lineterminator="\n")
    payments_csv = folder / "recoup-demo-payments.csv"
    _payments_text(book).to_csv(payments_csv, index=False, lineterminator="\n")
    path = report.write_report(s, folder / REPORT_NAME)
    bad = int(np.count_nonzero(results["error"].notna().to_numpy()))
    out.print(
        f"accounts: {accounts_csv.resolve()} ({len(results):,} rows, {bad} with errors)", soft_wrap=True
    )
    out.print(f"payments: {payments_csv.resolve()} (for 'recoup report --payments')", soft_wrap=True)
    if not args.no_open:
        _open(path)
    print(f"report: {path}")
    return 0
