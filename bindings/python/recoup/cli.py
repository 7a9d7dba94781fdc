"""The ``recoup`` command line: a demo with an HTML report, portfolio evaluation and single cases.

    recoup demo [--accounts N] [--seed S] [--as-of DATE] [--out DIR] [--no-open]
    recoup portfolio evaluate accounts.csv --as-of 2026-11-23 -o results.parquet [--errors collect|raise]
    recoup report results.parquet -o report.html [--previous OLD] [--payments F] [--promises F]
    recoup schedule --principal "1200.00 GBP" --rate 9.9% --term 24 --first-due 2027-01-01
    recoup settle --balance "5000.00 USD" ...          (needs recoup.settle)
    recoup check limitation --jurisdiction US-TX ...    (needs recoup.rules)
    recoup rules audit [--as-of DATE] [--format json]   (certainty, sources, table horizons)

Exit status: 0 done, 1 the data could not be used (the message names the file, row and column),
2 the command line is wrong. Every error is one line on stderr, never a traceback, ending with
its stable id in brackets (``[cli.no_such_file]``, ``[money.excess_precision]``; see
docs/reference/errors.md). A check's ``--as-of`` defaults to today.

    >>> from recoup.cli import main
    >>> main(["schedule", "--principal", "300.00 GBP", "--rate", "0%", "--term", "3",
    ...       "--first-due", "2027-01-01", "--plain"])
    number  due_date    payment  interest  principal  balance
         1  2027-01-01   100.00      0.00     100.00   200.00
         2  2027-02-01   100.00      0.00     100.00   100.00
         3  2027-03-01   100.00      0.00     100.00     0.00
    total                300.00      0.00     300.00
    0
"""

from __future__ import annotations

import argparse
import datetime
import sys
from decimal import Decimal, InvalidOperation
from typing import Any, NoReturn, Sequence

from ._cli_io import DataError, UsageError

__all__ = ["DataError", "UsageError", "build_parser", "main"]

DEFAULT_AS_OF = datetime.date(2026, 11, 23)


class _ArgumentError(Exception):
    """argparse's complaint, raised instead of printing the usage and exiting."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _ArgumentError(f"{self.prog}: error: {message} (see '{self.prog} --help') [cli.arguments]")


# --- argument types (each raises ValueError/ArgumentTypeError with a one-line reason) ------------


def _date(text: str) -> datetime.date:
    """A YYYY-MM-DD date, or "today" (the local date when the command runs)."""
    if text == "today":
        return datetime.date.today()
    try:
        if len(text) != 10:
            raise ValueError
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _money(text: str) -> Any:
    from . import Money

    try:
        return Money.parse(text.strip())
    except (ValueError, KeyError) as e:
        raise argparse.ArgumentTypeError(f"{text!r} is not an amount with its currency ({e})") from None


def _rate(text: str) -> Decimal:
    s = text.strip()
    percent = s.endswith("%")
    try:
        value = Decimal(s[:-1] if percent else s)
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"{text!r} is not a rate (e.g. 9.9% or 0.099)") from None
    if not value.is_finite() or value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a rate (e.g. 9.9% or 0.099)")
    return value.scaleb(-2) if percent else value  # exact: 9.9% is 0.099


def _decimal(text: str) -> Decimal:
    """An exact non-negative decimal ("4.00", "2"): an amount in the case's currency or a count."""
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"{text!r} is not a decimal number") from None
    if not value.is_finite() or value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a non-negative decimal number")
    return value


def _positive(text: str) -> int:
    if not text.strip().isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of at least 1")
    return int(text)


def _edges(text: str) -> tuple[int, ...]:
    try:
        edges = tuple(int(p) for p in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a list of days such as 0,30,60,90,120") from None
    if any(e < 0 for e in edges) or list(edges) != sorted(set(edges)):
        raise argparse.ArgumentTypeError(f"{text!r}: edges must be increasing whole days")
    return edges


# --- the parser ---------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """The argparse parser of ``recoup`` (every subcommand and option)."""
    from . import __version__

    parser = _Parser(
        prog="recoup",
        description="Exact money, repayment plans, settlements and collections rule checks.",
        epilog="Start with 'recoup demo'. Exit status: 0 done, 1 bad data, 2 bad command line.",
    )
    parser.add_argument("--version", action="version", version=f"recoup {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    demo = sub.add_parser(
        "demo",
        help="evaluate a bundled synthetic portfolio and write an HTML report",
        description="Builds a deterministic synthetic book of US and UK accounts, evaluates it, prints "
        "a summary and writes one self-contained HTML report.",
    )
    demo.add_argument("--accounts", type=_positive, default=3000, metavar="N", help="accounts (default 3000)")
    demo.add_argument("--seed", type=int, default=2026, metavar="S", help="random seed (default 2026)")
    demo.add_argument(
        "--as-of",
        type=_date,
        default=DEFAULT_AS_OF,
        metavar="DATE",
        help="as-of date of the demo book (default 2026-11-23, so the demo is reproducible)",
    )
    demo.add_argument("--out", default=".", metavar="DIR", help="folder for the report (default: here)")
    demo.add_argument("--no-open", action="store_true", help="do not open the report in a browser")
    demo.set_defaults(func=_cmd_demo)

    port = sub.add_parser("portfolio", help="whole portfolios: evaluate a CSV or Parquet file")
    port_sub = port.add_subparsers(dest="portfolio_command", metavar="COMMAND", parser_class=_Parser)
    ev = port_sub.add_parser(
        "evaluate",
        help="run every calculator and check on each account of a file",
        description="Reads accounts (CSV or Parquet; columns in docs/how-to/evaluate-a-portfolio.md), "
        "evaluates each and writes one result row per account with an 'error' column.",
    )
    ev.add_argument("input", metavar="ACCOUNTS", help="accounts.csv or accounts.parquet")
    ev.add_argument("--as-of", type=_date, required=True, metavar="DATE", help="the as-of date (YYYY-MM-DD)")
    ev.add_argument("-o", "--output", required=True, metavar="OUT", help="results .csv or .parquet")
    ev.add_argument(
        "--errors",
        choices=("collect", "raise"),
        default="collect",
        help="collect: bad rows get an error and the rest are evaluated (default); raise: stop at the first",
    )
    ev.add_argument(
        "--edges", type=_edges, default=None, metavar="D,D,...", help="aging bucket edges in days"
    )
    ev.add_argument(
        "--policy", default=None, metavar="TOML",
        help="the strategy policy for the decision columns (default: the shipped EXAMPLE policy, "
        "data/policies/example.toml)",
    )  # fmt: skip
    ev.add_argument("--quiet", action="store_true", help="no progress bar")
    ev.set_defaults(func=_cmd_portfolio_evaluate)
    port.set_defaults(func=_need_sub(port, "evaluate"))

    sch = sub.add_parser(
        "schedule",
        help="print a repayment schedule",
        description="Prints the schedule of one plan, exact to the cent, and its totals.",
    )
    sch.add_argument("--principal", type=_money, required=True, metavar="AMOUNT", help='e.g. "1200.00 GBP"')
    sch.add_argument("--rate", type=_rate, required=True, help="nominal annual rate: 9.9%% or 0.099")
    sch.add_argument("--term", type=_positive, required=True, metavar="N", help="number of instalments")
    sch.add_argument("--first-due", type=_date, required=True, metavar="DATE", help="first due date")
    sch.add_argument("--frequency", default="monthly", help="monthly (default), weekly, fortnightly, ...")
    sch.add_argument(
        "--shape",
        default="level_payment",
        choices=("level_payment", "level_principal", "interest_only"),
        help="schedule shape (default level_payment)",
    )
    sch.add_argument("--explain", action="store_true", help="also print how every figure was reached")
    sch.add_argument("--plain", action="store_true", help="plain text table (no box drawing)")
    sch.set_defaults(func=_cmd_schedule)

    from . import _cli_report, _cli_rules, _cli_single

    _cli_report.add_report_parser(sub, _date, _edges)
    _cli_single.add_settle_parser(sub)
    _cli_single.add_check_parser(sub)
    _cli_rules.add_rules_parser(sub, _date, _need_sub)
    return parser


def _need_sub(parser: argparse.ArgumentParser, names: str) -> Any:
    def fail(args: argparse.Namespace) -> int:
        raise UsageError(
            f"{parser.prog}: a command is required ({names}); see '{parser.prog} --help'",
            id="cli.command_required",
        )

    return fail


# --- commands -----------------------------------------------------------------------------------


def _console(stderr: bool = False) -> Any:
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    console = Console(file=stream, highlight=False, soft_wrap=False)
    if not console.is_terminal:  # a file or a pipe: wide enough that no table folds
        console = Console(file=stream, highlight=False, soft_wrap=False, width=120)
    return console


def _cmd_schedule(args: argparse.Namespace) -> int:
    from . import plan

    s = plan.schedule(
        args.shape, args.principal, args.rate, args.term, args.frequency, first_due=args.first_due
    )
    headers = ["number", "due_date", "payment", "interest", "principal", "balance"]
    rows = [
        [
            str(r.number),
            str(r.due_date),
            *(str(m.amount) for m in (r.payment, r.interest, r.principal, r.balance)),
        ]
        for r in s.rows
    ]
    totals = [
        "total",
        "",
        *(str(m.amount) for m in (s.total_payment, s.total_interest, s.total_principal)),
        "",
    ]
    if args.plain:
        widths = [max(len(x) for x in col) for col in zip(headers, *rows, totals)]
        for row in [headers, *rows, totals]:
            first = row[0].rjust(widths[0]) if row[0].isdigit() else row[0].ljust(widths[0])
            cells = [first, row[1].ljust(widths[1]), *(c.rjust(w) for c, w in zip(row[2:], widths[2:]))]
            print("  ".join(cells).rstrip())
    else:
        from rich.table import Table

        cur = args.principal.currency
        table = Table(
            title=f"{args.shape.replace('_', ' ')} of {args.principal} at {args.rate} a year, "
            f"{s.instalments} {args.frequency} instalments",
            show_footer=True,
        )
        for i, h in enumerate(headers):
            label = h if i < 2 else f"{h} ({cur})"
            table.add_column(label, justify="left" if i == 1 else "right", footer=totals[i], overflow="fold")
        for row in rows:
            table.add_row(*row)
        _console().print(table)
    if args.explain:
        print(s.explain())
    return 0


def _cmd_portfolio_evaluate(args: argparse.Namespace) -> int:
    import pathlib

    from . import _cli_portfolio as cp
    from . import batch, portfolio

    out_path = pathlib.Path(args.output)
    cp._suffix(out_path, "output")  # a wrong output type fails before the work
    if out_path.parent and not out_path.parent.exists():
        raise UsageError(f"{out_path}: the folder {out_path.parent} does not exist", id="cli.no_such_folder")
    raw = cp.read_accounts(args.input)
    accounts = cp.parse_accounts(raw, args.as_of)
    first_bad = next((e for e in accounts.error.tolist() if e is not None), None)
    if args.errors == "raise" and first_bad is not None:
        raise DataError(f"{args.input}: {first_bad}", id="cli.bad_value")
    checks = tuple(batch.CHECKS)
    edges = args.edges if args.edges is not None else portfolio.DEFAULT_EDGES
    from . import decide

    policy = decide.load_policy(args.policy) if args.policy is not None else None
    results = _with_progress(
        accounts, args.as_of, checks, edges, quiet=args.quiet, label="evaluating", policy=policy
    )
    if args.errors == "raise":
        failed = results["error"].notna().to_numpy()
        if failed.any():
            row = int(failed.argmax())
            error_id = results["error_id"].iloc[row] if "error_id" in results else None
            raise DataError(f"{args.input}: {results['error'].iloc[row]}", id=error_id or "cli.bad_value")
    cp.write_results(results, out_path)
    bad = int(results["error"].notna().sum())
    n = len(results)
    print(f"evaluated {n - bad} of {n} accounts ({bad} with errors) as of {args.as_of.isoformat()}")
    if bad:
        print(f"first error: {first_bad or next(e for e in results['error'].tolist() if e is not None)}")
    if policy is None:
        print("decisions: the shipped EXAMPLE strategy policy (illustrative figures); pass --policy FILE")
    print(f"results: {out_path.resolve()}")
    return 0


def _with_progress(
    accounts: Any,
    as_of: datetime.date,
    checks: Sequence[str],
    edges: Sequence[int],
    *,
    quiet: bool,
    label: str,
    policy: Any = None,
) -> Any:
    from . import _cli_portfolio as cp

    chunk = max(min(100_000, accounts.n // 20 + 1), 100)
    if quiet:
        return cp.evaluate_accounts(accounts, as_of, checks=checks, edges=edges, chunk=chunk, policy=policy)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=_console(stderr=True),
        transient=False,
    ) as bar:
        task = bar.add_task(label, total=max(int(accounts.ok.sum()), 1))
        return cp.evaluate_accounts(
            accounts,
            as_of,
            checks=checks,
            edges=edges,
            chunk=chunk,
            progress=lambda done: bar.update(task, completed=done),
            policy=policy,
        )


def _cmd_demo(args: argparse.Namespace) -> int:
    from . import _demo

    return _demo.run(args, _console(), _console(stderr=True), _with_progress)


# --- entry point --------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Runs ``recoup`` with ``argv`` (default ``sys.argv[1:]``) and returns the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    except _ArgumentError as e:
        print(str(e), file=sys.stderr)
        return 2
    except SystemExit as e:  # --help and --version print and "exit"
        return int(e.code or 0)
    if getattr(args, "command", None) is None:
        print(
            "recoup: error: a command is required (demo, portfolio, report, schedule, settle, check, rules); "
            "see 'recoup --help' [cli.command_required]",
            file=sys.stderr,
        )
        return 2
    from ._errors import RecoupError

    try:
        status: int = args.func(args)
        return status
    except UsageError as e:
        print(f"recoup: error: {e} [{e.id}]", file=sys.stderr)
        return 2
    except RecoupError as e:  # DataError and the library's own errors
        print(f"recoup: error: {e} [{e.id}]", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("recoup: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `recoup schedule ... | head`
        return 0
    except Exception as e:  # one line, never a traceback (RECOUP_DEBUG=1 shows it)
        import os

        if os.environ.get("RECOUP_DEBUG"):
            raise
        first = str(e).splitlines()[0] if str(e) else ""
        print(
            f"recoup: error: {first} ({type(e).__name__}; set RECOUP_DEBUG=1 for the traceback) "
            "[cli.internal]",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
