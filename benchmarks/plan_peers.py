"""Schedule rows per second: recoup's batch call vs its peers, side by side in one run.

For N level-payment loans (default 20,000) of 60 and of 360 monthly instalments:

* recoup        ``recoup.plan.build_schedules`` (exact cents, due dates, one call, GIL released)
* recoup C++    ``build_schedules`` from the Google Benchmark binary (``--cpp-bench``), same kernel
* decimal       a Python ``decimal`` loop computing the same schedule (payment, interest per
                period rounded half up, last instalment clearing), timed on a subsample
* numpy-financial  ``npf.ipmt`` / ``npf.ppmt`` broadcast over loans x periods: float, unrounded,
                no dates, no final clearing — less work than a schedule, shown as a floor
* QuantLib      ``ql.Schedule`` per loan: due dates only, no amounts, timed on a subsample

Before timing, recoup and the decimal loop are checked to give the same cents on the subsample.

    python benchmarks/plan_peers.py --cpp-bench build/bench/benchmarks/recoup_bench
"""

from __future__ import annotations

import argparse
import decimal
import sys
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import numpy as np
from peers import Row, best_of, cpp_items_per_second, print_table

from recoup import plan

SEED = 20251123
CENT = Decimal("0.01")
CTX = decimal.Context(prec=50)


def loans(n: int) -> tuple[np.ndarray[Any, Any], list[str]]:
    rng = np.random.default_rng(SEED)
    principal = rng.integers(100_00, 500_000_00, size=n, dtype=np.int64)
    rates = [f"0.{int(r):04d}" for r in rng.integers(300, 3000, size=n)]
    return principal, rates


def decimal_schedule(principal: Decimal, annual: Decimal, n: int) -> list[tuple[Decimal, Decimal, Decimal]]:
    r = CTX.divide(annual, Decimal(12))
    growth = CTX.power(1 + r, n)
    pmt = CTX.divide(CTX.multiply(CTX.multiply(principal, r), growth), growth - 1).quantize(
        CENT, ROUND_HALF_UP
    )
    rows = []
    balance = principal
    for k in range(1, n + 1):
        # balance x rate first (exact), then / 12: rounding a half cent the right way.
        interest = CTX.divide(CTX.multiply(balance, annual), 12).quantize(CENT, ROUND_HALF_UP)
        # The last instalment, or one that would overpay, clears the balance exactly.
        pay = balance + interest if k == n or pmt >= balance + interest else pmt
        balance -= pay - interest
        rows.append((pay, interest, balance))
        if balance == 0:
            break
    return rows


def measure(periods: int, args: argparse.Namespace, principal: np.ndarray[Any, Any], rates: list[str]) -> int:
    """Prints the table for loans of `periods` instalments; 1 if recoup and decimal disagree."""
    import numpy_financial as npf
    import QuantLib as ql

    first = np.full(args.n, np.datetime64("2025-01-31"), dtype="datetime64[D]")
    total_rows = args.n * periods
    per = np.full(args.n, periods, dtype=np.int64)
    batch = plan.build_schedules(principal, "USD", rates, per, first)
    # Check recoup against the decimal loop on the subsample.
    for i in range(args.sub):
        want = decimal_schedule(Decimal(int(principal[i])).scaleb(-2), Decimal(rates[i]), periods)
        sl = batch.rows_of(i)
        got = list(zip(batch.payment[sl].tolist(), batch.interest[sl].tolist(), batch.balance[sl].tolist()))
        if got != [(int(a * 100), int(b * 100), int(c * 100)) for a, b, c in want]:
            print(f"MISMATCH: loan {i} ({periods} periods): recoup and decimal differ", file=sys.stderr)
            return 1
    scale = args.n / args.sub
    sub_note = f"timed on {args.sub:,} loans, scaled x{scale:g}"

    def run_decimal() -> None:
        for i in range(args.sub):
            decimal_schedule(Decimal(int(principal[i])).scaleb(-2), Decimal(rates[i]), periods)

    rate_f = np.array([float(r) for r in rates]) / 12
    pv = principal.astype(np.float64) / 100
    per_idx = np.arange(1, periods + 1)

    def run_npf() -> None:
        npf.ipmt(rate_f[:, None], per_idx[None, :], periods, -pv[:, None])
        npf.ppmt(rate_f[:, None], per_idx[None, :], periods, -pv[:, None])

    def run_ql() -> None:
        for _ in range(args.sub):
            ql.Schedule(
                ql.Date(31, 1, 2025),
                ql.Date(31, 1, 2025) + ql.Period(periods - 1, ql.Months),
                ql.Period(ql.Monthly),
                ql.NullCalendar(),
                ql.Unadjusted,
                ql.Unadjusted,
                ql.DateGeneration.Forward,
                True,
            )

    rows = [
        Row(
            "schedule",
            "recoup",
            best_of(lambda: plan.build_schedules(principal, "USD", rates, per, first), args.repeat),
            "Python batch call, exact cents",
        ),
        Row("schedule", "decimal loop", best_of(run_decimal, args.repeat) * scale, sub_note),
        Row(
            "schedule",
            "numpy-financial ipmt+ppmt",
            best_of(run_npf, args.repeat),
            "float, no rounding, no dates",
        ),
        Row(
            "schedule",
            "QuantLib Schedule",
            best_of(run_ql, args.repeat) * scale,
            "dates only; " + sub_note,
        ),
    ]
    if args.cpp_bench:
        rps = cpp_items_per_second(args.cpp_bench, f"BM_schedule_batch/{periods}")
        if rps:
            rows.insert(
                1, Row("schedule", "recoup C++ kernel", total_rows / rps, "Google Benchmark, 10k loans")
            )
    print(f"\n{args.n:,} loans x {periods} monthly instalments = {total_rows:,} rows")
    print_table(rows, total_rows)
    return 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--n", type=int, default=20_000, help="loans (default 20,000)")
    p.add_argument("--sub", type=int, default=300, help="loans timed for the slow peers (default 300)")
    p.add_argument("--repeat", type=int, default=3, help="timings per measurement, best kept (default 3)")
    p.add_argument("--cpp-bench", default=None, help="path of recoup_bench, for the C++ kernel's rows/s")
    args = p.parse_args(argv)
    principal, rates = loans(args.n)
    for periods in (60, 360):
        if measure(periods, args, principal, rates):
            return 1
    print(
        "\nseconds: best wall-clock time for all rows; items/s: schedule rows per second; "
        "vs recoup: >1 = slower"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
