"""Peer ratios for recoup's columnar kernels: recoup vs Python ``decimal`` vs numpy int64.

Times, over N int64 minor-unit amounts (cents; default 10,000,000):

* sum       recoup.columns.sum  |  sum() of decimal.Decimal amounts  |  numpy int64 .sum()
* allocate  recoup.columns.allocate(amounts, 3)  |  a Python loop over Decimal amounts doing the
            same largest-remainder split (q = amount // 3 cents, one extra cent to each of the
            first parts)  |  the same split vectorised in numpy int64

numpy is the floor: it does no overflow checking (an int64 sum wraps silently) and has no
money semantics. The decimal loop is what a careful pure-Python program would write; it is
timed on a subsample (default 1,000,000 amounts) and scaled per item to N, and the table says
so. Before timing, the three implementations are checked to agree (recoup vs numpy on all N,
decimal on the subsample); the script exits with status 1 if they do not.

    python benchmarks/peers.py                      # N = 10M, decimal subsample 1M
    python benchmarks/peers.py --n 1000000 --decimal-n 100000 --repeat 3
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from decimal import ROUND_DOWN, Decimal
from typing import Any, Callable, NamedTuple

import numpy as np
import numpy.typing as npt

import recoup
from recoup import columns

__all__ = ["main"]

SEED = 20240501
PARTS = 3
CENT = Decimal("0.01")

I64 = npt.NDArray[np.int64]


class Row(NamedTuple):
    operation: str
    implementation: str
    seconds: float  # for all N items (scaled from the subsample when `note` says so)
    note: str


def amounts(n: int) -> I64:
    """Cents uniform in [-0.1M, 1M) USD, mostly positive (as the C++ benchmark draws them)."""
    rng = np.random.default_rng(SEED)
    return rng.integers(-10_000_000, 100_000_000, size=n, dtype=np.int64)


def best_of(fn: Callable[[], Any], repeat: int) -> float:
    """The fastest of `repeat` wall-clock timings of fn() (time.perf_counter), in seconds."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def cpp_items_per_second(binary: str, name: str) -> float | None:
    """items_per_second of the Google Benchmark `name` (a full name, matched exactly) in `binary`."""
    import json
    import subprocess

    out = subprocess.run(
        [binary, f"--benchmark_filter=^{name}$", "--benchmark_format=json"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    for b in json.loads(out)["benchmarks"]:
        return float(b["items_per_second"])
    return None


# --- the peers ------------------------------------------------------------------------------------


def decimal_sum(values: list[Decimal]) -> Decimal:
    return sum(values, Decimal(0))


def decimal_allocate(values: list[Decimal], n: int = PARTS) -> list[list[Decimal]]:
    """Splits each amount into n parts of whole cents that add up to it: q = the amount divided
    by n, truncated to cents; the cents left over go one each to the first parts. A negative
    amount is split as its magnitude, then negated (recoup's rule: -10.00 -> -3.34, -3.33, -3.33)."""
    out = []
    for a in values:
        q = (a / n).quantize(CENT, rounding=ROUND_DOWN)  # truncates toward zero
        left = int((a - q * n) / CENT)  # -(n-1) .. n-1, with the sign of a
        if left == 0:
            out.append([q] * n)
        else:
            step = CENT if left > 0 else -CENT
            k = abs(left)
            out.append([q + step] * k + [q] * (n - k))
    return out


def numpy_allocate(a: I64, n: int = PARTS) -> I64:
    """The same split vectorised over int64 cents."""
    mag = np.abs(a)
    q, r = np.divmod(mag, n)
    parts = q[:, None] + (np.arange(n) < r[:, None])
    np.negative(parts, out=parts, where=(a < 0)[:, None])
    return parts


# --- checks ---------------------------------------------------------------------------------------


def check(a: I64, decimals: list[Decimal], m: int) -> list[str]:
    """Disagreements between the implementations (an empty list when they all agree)."""
    problems = []
    total = int(a.sum())
    if columns.sum(a, "USD").minor_units != total:
        problems.append(f"sum: recoup {columns.sum(a, 'USD')} != numpy {total} cents")
    if int(decimal_sum(decimals).scaleb(2)) != int(a[:m].sum()):
        problems.append("sum: Decimal sum of the subsample differs from numpy")
    got = columns.allocate(a, PARTS)
    want = numpy_allocate(a)
    if got.shape != want.shape or not np.array_equal(got, want):
        bad = int(np.argmax((got != want).any(axis=1))) if got.shape == want.shape else -1
        problems.append(f"allocate: recoup and numpy differ (first row {bad})")
    if not np.array_equal(got.sum(axis=1), a):
        problems.append("allocate: recoup rows do not add up to the amounts")
    dec = np.array([[int(p.scaleb(2)) for p in row] for row in decimal_allocate(decimals)], dtype=np.int64)
    if not np.array_equal(dec, got[:m]):
        bad = int(np.argmax((dec != got[:m]).any(axis=1)))
        problems.append(f"allocate: decimal loop and recoup differ (first row {bad})")
    return problems


# --- report ---------------------------------------------------------------------------------------


def print_table(rows: list[Row], n: int) -> None:
    recoup_s = {r.operation: r.seconds for r in rows if r.implementation == "recoup"}
    head = ("operation", "implementation", "seconds", "items/s", "vs recoup", "note")
    table = [head]
    for r in rows:
        ratio = r.seconds / recoup_s[r.operation]
        table.append(
            (
                r.operation,
                r.implementation,
                f"{r.seconds:.4g}",
                f"{n / r.seconds:.3g}",
                f"{ratio:.2f}x",
                r.note,
            )
        )
    widths = [max(len(row[i]) for row in table) for i in range(len(head))]
    right = {2, 3, 4}

    def fmt(row: tuple[str, ...]) -> str:
        cells = [c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths))]
        return "| " + " | ".join(cells) + " |"

    print(fmt(head))
    print(
        "|"
        + "|".join(("-" * (w + 1) + ":") if i in right else ("-" * (w + 2)) for i, w in enumerate(widths))
        + "|"
    )
    for row in table[1:]:
        print(fmt(row))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--n", type=int, default=10_000_000, help="amounts per column (default 10,000,000)")
    p.add_argument(
        "--decimal-n",
        type=int,
        default=1_000_000,
        help="subsample timed for the Python decimal loops, scaled per item to N (default 1,000,000)",
    )
    p.add_argument(
        "--repeat", type=int, default=5, help="timings per measurement; the best is kept (default 5)"
    )
    p.add_argument(
        "--decimal-repeat", type=int, default=3, help="timings of the (slow) decimal loops (default 3)"
    )
    args = p.parse_args(argv)
    n = args.n
    m = min(args.decimal_n, n)
    if n <= 0 or m <= 0 or args.repeat <= 0 or args.decimal_repeat <= 0:
        p.error("--n, --decimal-n, --repeat and --decimal-repeat must be positive")

    print(
        f"recoup {recoup.__version__}, numpy {np.__version__}, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, OPENBLAS_CORETYPE={os.environ.get('OPENBLAS_CORETYPE', '(unset)')}"
    )
    print(f"N = {n:,} int64 cents (seed {SEED}); Python decimal timed on the first {m:,}, scaled to N")

    a = amounts(n)
    sub = a[:m]
    decimals = [Decimal(int(c)).scaleb(-2) for c in sub]  # exact: 1234.56, -0.05 ...

    problems = check(a, decimals, m)
    if problems:
        for line in problems:
            print("MISMATCH:", line, file=sys.stderr)
        return 1
    print("check: recoup, numpy and decimal agree (sum and allocate into 3)")

    scale = n / m
    note = f"timed on {m:,}, scaled x{scale:g}" if m < n else ""
    rows = [
        Row("sum", "recoup", best_of(lambda: columns.sum(a, "USD"), args.repeat), ""),
        Row("sum", "decimal", best_of(lambda: decimal_sum(decimals), args.decimal_repeat) * scale, note),
        Row("sum", "numpy int64 (floor)", best_of(lambda: a.sum(), args.repeat), "unchecked, wraps"),
        Row("allocate 3", "recoup", best_of(lambda: columns.allocate(a, PARTS), args.repeat), ""),
        Row(
            "allocate 3",
            "decimal",
            best_of(lambda: decimal_allocate(decimals), args.decimal_repeat) * scale,
            note,
        ),
        Row(
            "allocate 3", "numpy int64 (floor)", best_of(lambda: numpy_allocate(a), args.repeat), "vectorised"
        ),
    ]
    print()
    print_table(rows, n)
    print()
    print(
        "seconds: best wall-clock time for all N items; vs recoup: seconds / recoup's seconds (>1 = slower)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
