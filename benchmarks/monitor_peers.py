"""Plans monitored per second from Python: recoup's columnar call vs the scalar call and a
plain-Python loop of the same rules, in one run.

For N plans (default 1,000,000) of 12 monthly instalments with a mix of on-time, late, short and
missing payments (same generator as benchmarks/monitor_bench.cpp, seeded):

* recoup batch   ``recoup._monitor.monitor_plans`` (one call, GIL released, exact minor units)
* recoup scalar  ``recoup._monitor.monitor_instalments`` per plan (per-instalment states and
                 explanations included), timed on a subsample
* python loop    a plain-Python oldest-first monitor (status, arrears, days past due; grace 3,
                 2 missed in total, no tolerance, cure), timed on a subsample and checked to
                 agree with recoup on it

    python benchmarks/monitor_peers.py [--plans 1000000]
"""

from __future__ import annotations

import argparse
import time
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import numpy as np

from recoup import Money
from recoup._monitor import STATUS_CODES, MonitorPolicy, monitor_instalments, monitor_plans

K = 12
POLICY = MonitorPolicy(grace_days=3, broken_after_missed=2)


def generate(n: int, seed: int = 20251123) -> dict[str, Any]:
    rng = np.random.default_rng(seed)
    start = np.datetime64("2025-01-15") + (np.arange(n) % 28)
    amount = 5000 + (np.arange(n) % 5000)
    due = (start[:, None] + np.arange(K)[None, :] * 30).ravel()
    due_minor = np.repeat(amount, K)
    r = rng.integers(0, 10, size=(n, 8))
    keep = r != 0
    pay_day = start[:, None] + np.arange(8)[None, :] * 30 + np.where(r == 1, 9, 0)
    pay_amt = np.where(r == 2, amount[:, None] // 2, amount[:, None])
    counts = keep.sum(axis=1)
    return {
        "inst_offsets": np.arange(n + 1, dtype=np.int64) * K,
        "due_date": due,
        "due_minor": due_minor.astype(np.int64),
        "pay_offsets": np.concatenate([[0], np.cumsum(counts)]).astype(np.int64),
        "pay_date": pay_day[keep],
        "pay_minor": pay_amt[keep].astype(np.int64),
        "as_of": start + 240,
    }


def plan_of(d: dict[str, Any], i: int) -> tuple[list[date], list[int], list[tuple[date, int]], date]:
    a, b = int(d["inst_offsets"][i]), int(d["inst_offsets"][i + 1])
    p, q = int(d["pay_offsets"][i]), int(d["pay_offsets"][i + 1])
    due = [x.astype(date) for x in d["due_date"][a:b]]
    pays = [(x.astype(date), int(m)) for x, m in zip(d["pay_date"][p:q], d["pay_minor"][p:q])]
    return due, [int(x) for x in d["due_minor"][a:b]], pays, d["as_of"][i].astype(date)


def python_monitor(
    due: list[date], amounts: list[int], pays: list[tuple[date, int]], as_of: date
) -> tuple[str, int, int]:
    """Oldest-first monitoring in plain Python: grace 3 days, broken after 2 misses in total, cure."""
    remaining = list(amounts)
    grace = timedelta(days=3)
    a = checked = missed = 0
    broken = False
    applied = 0

    def check(i: int) -> None:
        nonlocal missed, broken
        if remaining[i] > 0:
            missed += 1
            if missed >= 2:
                broken = True

    for d, amt in sorted(pays, key=lambda x: x[0]):
        if d > as_of:
            continue
        while checked < len(due) and due[checked] + grace < d:
            check(checked)
            checked += 1
        while a < len(due) and amt > 0:
            take = min(amt, remaining[a])
            remaining[a] -= take
            applied += take
            amt -= take
            if remaining[a] == 0:
                a += 1
        if broken and all(remaining[j] <= 0 for j in range(a, checked)):
            broken, missed = False, 0
    while checked < len(due) and due[checked] + grace < as_of:
        check(checked)
        checked += 1
    past = [i for i in range(len(due)) if due[i] < as_of]
    arrears = max(0, sum(amounts[i] for i in past) - applied) if past else 0
    dpd = (as_of - due[a]).days if a < len(due) and due[a] < as_of else 0
    if a == len(due):
        status = "completed"
    elif broken:
        status = "broken"
    elif any(remaining[j] > 0 for j in range(a, checked)):
        status = "in_arrears"
    else:
        status = "on_track"
    return status, arrears, dpd


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--plans", type=int, default=1_000_000)
    ap.add_argument("--sample", type=int, default=5_000)
    args = ap.parse_args()
    d = generate(args.plans)
    t0 = time.perf_counter()
    b = monitor_plans(**d, currency="GBP", policy=POLICY)
    batch_s = time.perf_counter() - t0
    sample = range(min(args.sample, args.plans))
    plans = [plan_of(d, i) for i in sample]
    t0 = time.perf_counter()
    scalar = [
        monitor_instalments(
            due,
            [Money(Decimal(m).scaleb(-2), "GBP") for m in amts],
            "GBP",
            [(x, Money(Decimal(m).scaleb(-2), "GBP")) for x, m in pays],
            as_of,
            POLICY,
        )
        for due, amts, pays, as_of in plans
    ]
    scalar_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    loop = [python_monitor(*p) for p in plans]
    loop_s = time.perf_counter() - t0
    for i, (r, (status, arrears, dpd)) in enumerate(zip(scalar, loop)):
        assert (r.status, r.arrears.minor_units, r.days_past_due) == (status, arrears, dpd), i
        assert STATUS_CODES[int(b.status[i])] == status and int(b.arrears_minor[i]) == arrears, i
    n = len(plans)
    print(f"plans: {args.plans:,} x {K} instalments; subsample {n:,} (all three agree on it)")
    print(f"{'recoup batch':<16}{args.plans / batch_s:>14,.0f} plans/s  ({batch_s:.2f} s)")
    print(f"{'recoup scalar':<16}{n / scalar_s:>14,.0f} plans/s")
    print(f"{'python loop':<16}{n / loop_s:>14,.0f} plans/s")
    counts = {STATUS_CODES[k]: int((b.status == k).sum()) for k in range(5)}
    print("status mix:", counts)


if __name__ == "__main__":
    main()
