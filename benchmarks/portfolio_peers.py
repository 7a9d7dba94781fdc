"""Accounts aged per second: recoup.portfolio vs a pandas implementation, side by side in one run.

For N accounts (default 10,000,000; 60% current, the rest 1..400 days past due, balances in
int64 cents) the same aging — accounts and balance per bucket of current, 1-30, 31-60, 61-90,
91-120, 120+ — is computed by:

* recoup        ``recoup.portfolio.aging_buckets(dpd, amounts=...)`` (one C++ pass, GIL released)
* recoup C++    ``BM_aging_summary/1`` from the Google Benchmark binary (``--cpp-bench``), same kernel
* pandas        ``pd.cut`` into the same right-closed bins, then ``groupby`` count and sum
* numpy         ``np.searchsorted`` + ``np.bincount`` (counts; balances by bincount of int64
                weights would go through float64, so they are summed per bucket with a mask)

and, for due dates in: ``recoup.portfolio.days_past_due`` + aging vs pandas date arithmetic +
``pd.cut``. Before timing, every implementation is checked to give the same counts and cents.

    python benchmarks/portfolio_peers.py --cpp-bench build/bench/benchmarks/recoup_bench
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
from typing import Any

import numpy as np
import pandas as pd
from peers import Row, best_of, cpp_items_per_second, print_table

import recoup
from recoup import portfolio

SEED = 20251123
EDGES = portfolio.DEFAULT_EDGES
AS_OF = np.datetime64("2025-06-30", "D")


def portfolio_columns(n: int) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    rng = np.random.default_rng(SEED)
    dpd = np.where(rng.random(n) < 0.6, 0, rng.integers(1, 401, size=n)).astype(np.int64)
    balances = rng.integers(0, 100_000_000, size=n, dtype=np.int64)
    return dpd, balances


def pandas_aging(dpd: np.ndarray[Any, Any], balances: np.ndarray[Any, Any]) -> tuple[list[int], list[int]]:
    bins = [-np.inf, *EDGES, np.inf]
    b = pd.cut(pd.Series(dpd), bins=bins, right=True, labels=False)
    g = pd.DataFrame({"b": b, "a": balances}).groupby("b")["a"]
    k = len(EDGES) + 1
    return (
        g.size().reindex(range(k), fill_value=0).astype(np.int64).tolist(),
        g.sum().reindex(range(k), fill_value=0).astype(np.int64).tolist(),
    )


def numpy_aging(dpd: np.ndarray[Any, Any], balances: np.ndarray[Any, Any]) -> tuple[list[int], list[int]]:
    idx = np.searchsorted(np.array(EDGES), dpd, side="left")
    k = len(EDGES) + 1
    counts = np.bincount(idx, minlength=k)
    sums = [int(balances[idx == i].sum()) for i in range(k)]
    return counts.tolist(), sums


def recoup_aging(dpd: np.ndarray[Any, Any], balances: np.ndarray[Any, Any]) -> tuple[list[int], list[int]]:
    aged = portfolio.aging_buckets(dpd, amounts=balances)
    assert aged.balances is not None
    return aged.counts.tolist(), aged.balances.tolist()


def pandas_from_dates(
    due: np.ndarray[Any, Any], balances: np.ndarray[Any, Any]
) -> tuple[list[int], list[int]]:
    s = pd.Series(due)
    days = (pd.Timestamp(AS_OF) - s).dt.days.fillna(0).clip(lower=0).astype(np.int64)
    return pandas_aging(days.to_numpy(), balances)


def recoup_from_dates(
    due: np.ndarray[Any, Any], balances: np.ndarray[Any, Any]
) -> tuple[list[int], list[int]]:
    return recoup_aging(portfolio.days_past_due(due, AS_OF), balances)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--n", type=int, default=10_000_000, help="accounts (default 10,000,000)")
    p.add_argument(
        "--repeat", type=int, default=3, help="timings per measurement; the best is kept (default 3)"
    )
    p.add_argument("--cpp-bench", default=None, help="path of recoup_bench, for the C++ kernel's accounts/s")
    args = p.parse_args(argv)
    if args.n <= 0 or args.repeat <= 0:
        p.error("--n and --repeat must be positive")
    n = args.n
    print(
        f"recoup {recoup.__version__}, numpy {np.__version__}, pandas {pd.__version__}, "
        f"Python {platform.python_version()}, {os.cpu_count()} CPUs"
    )
    print(f"N = {n:,} accounts (seed {SEED}), edges {EDGES}")
    dpd, balances = portfolio_columns(n)
    due = np.where(dpd == 0, np.datetime64("NaT"), AS_OF - dpd.astype("timedelta64[D]")).astype(
        "datetime64[D]"
    )

    want = recoup_aging(dpd, balances)
    checks = {
        "pandas": pandas_aging(dpd, balances),
        "numpy": numpy_aging(dpd, balances),
        "recoup from dates": recoup_from_dates(due, balances),
        "pandas from dates": pandas_from_dates(due, balances),
    }
    bad = [name for name, got in checks.items() if got != want]
    if bad:
        print(f"MISMATCH: {', '.join(bad)} disagree with recoup", file=sys.stderr)
        return 1
    print("check: recoup, pandas and numpy agree (counts and cents per bucket, from DPD and from due dates)")

    rows = [
        Row("age (counts+balances)", "recoup", best_of(lambda: recoup_aging(dpd, balances), args.repeat), ""),
    ]
    if args.cpp_bench:
        ips = cpp_items_per_second(args.cpp_bench, "BM_aging_summary/1")
        if ips:
            rows.append(Row("age (counts+balances)", "recoup C++", n / ips, "Google Benchmark, same kernel"))
    rows += [
        Row(
            "age (counts+balances)",
            "pandas",
            best_of(lambda: pandas_aging(dpd, balances), args.repeat),
            "pd.cut + groupby",
        ),
        Row(
            "age (counts+balances)",
            "numpy",
            best_of(lambda: numpy_aging(dpd, balances), args.repeat),
            "searchsorted + bincount + masks",
        ),
        Row(
            "DPD from due dates + age",
            "recoup",
            best_of(lambda: recoup_from_dates(due, balances), args.repeat),
            "",
        ),
        Row(
            "DPD from due dates + age",
            "pandas",
            best_of(lambda: pandas_from_dates(due, balances), args.repeat),
            "Timestamp - Series, .dt.days, pd.cut + groupby",
        ),
    ]
    print_table(rows, n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
