"""Thread safety: the batch kernels (which release the GIL), calendars and the rate solvers give
the same results when called from several threads at once as when called one at a time.

Each task gets its own inputs (a different seed); the shared objects are a calendar, a joint
calendar, the built-in currency table and the rule tables behind them. Every concurrent result
is compared with the single-threaded result for the same inputs.
"""

from __future__ import annotations

import datetime
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from typing import Any, Callable

import numpy as np
import pytest

from recoup import Money, columns, plan, portfolio, time

THREADS = 4
ROUNDS = 3  # every input is evaluated ROUNDS times concurrently, interleaved with the others
N = 20_000  # accounts / plans per task: long enough for the kernels to overlap in time

CAL = time.calendar("GB-EAW")
JOINT = time.joint_calendar(["US", "GB-EAW"])


def _inputs(seed: int) -> dict[str, Any]:
    rng = np.random.default_rng(seed)
    principal = rng.integers(10_000, 2_000_000, size=N, dtype=np.int64)
    rates = [Decimal(int(b)).scaleb(-4) for b in rng.integers(0, 3000, size=N)]
    periods = rng.integers(3, 37, size=N, dtype=np.int64)
    first_due = np.datetime64("2026-01-01") + rng.integers(0, 365, size=N).astype("timedelta64[D]")
    unpaid = np.datetime64("2026-06-01") + rng.integers(-300, 30, size=N).astype("timedelta64[D]")
    unpaid[rng.random(N) < 0.4] = np.datetime64("NaT")
    dates = np.datetime64("2026-01-01") + rng.integers(0, 730, size=N).astype("timedelta64[D]")
    return {
        "principal": principal,
        "rates": rates,
        "periods": periods,
        "first_due": first_due,
        "unpaid": unpaid,
        "dates": dates,
        "seed": seed,
    }


def _schedules(x: dict[str, Any]) -> tuple[Any, ...]:
    b = plan.build_schedules(
        x["principal"],
        "GBP",
        x["rates"],
        x["periods"],
        x["first_due"],
        calendar=CAL,
        adjustment="modified_following",
        errors="collect",
    )
    return (b.offsets, b.due_date, b.payment, b.interest, b.balance, b.regular_payment, b.total_payment)


def _monitor(x: dict[str, Any]) -> tuple[Any, ...]:
    b = plan.build_schedules(x["principal"], "GBP", x["rates"], x["periods"], x["first_due"])
    rng = np.random.default_rng(x["seed"] + 1000)
    n_inst = np.diff(b.offsets)
    n_pay = rng.integers(0, 6, size=N)
    pay_offsets = np.concatenate([[0], np.cumsum(n_pay)]).astype(np.int64)
    first = b.due_date[b.offsets[:-1]]
    pay_date = np.repeat(first, n_pay) + rng.integers(0, 200, size=int(n_pay.sum())).astype("timedelta64[D]")
    pay_minor = np.repeat(b.regular_payment, n_pay)
    assert len(n_inst) == N
    m = plan.monitor_plans(
        b.offsets,
        b.due_date,
        b.payment,
        pay_offsets,
        pay_date,
        pay_minor,
        datetime.date(2026, 9, 30),
        "GBP",
        errors="collect",
    )
    return (m.status, m.arrears_minor, m.days_past_due, m.paid_minor, m.outstanding_minor, m.missed_count)


def _portfolio(x: dict[str, Any]) -> tuple[Any, ...]:
    dpd = portfolio.days_past_due(x["unpaid"], datetime.date(2026, 6, 30))
    aged = portfolio.aging_buckets(dpd, amounts=x["principal"])
    aged_custom = portfolio.aging_buckets(dpd, (7, 14, 28), amounts=x["principal"])
    return (dpd, aged.counts, aged.balances, aged_custom.counts, aged_custom.balances, aged.labels)


def _columns(x: dict[str, Any]) -> tuple[Any, ...]:
    total = columns.sum(x["principal"], "GBP")
    total_jpy = columns.sum(x["principal"] // 100, "JPY")
    parts = Money.from_minor(int(x["principal"][0]), "GBP").allocate(7)
    return (total, total_jpy, parts)


def _calendars(x: dict[str, Any]) -> tuple[Any, ...]:
    mask = time.business_day_mask(CAL, x["dates"])
    joint_mask = time.business_day_mask(JOINT, x["dates"])
    own = time.joint_calendar(["GB-SCT", "US"])  # built while others read the same tables
    d = x["dates"][:200].astype(object).tolist()
    adjusted = [CAL.adjust(v, "modified_following") for v in d]
    added = [JOINT.add_business_days(v, 5) for v in d]
    fractions = [time.day_count_fraction(d[0], v, "ACT/365F") for v in d]
    return (mask, joint_mask, time.business_day_mask(own, x["dates"]), adjusted, added, fractions)


def _rates(x: dict[str, Any]) -> tuple[Any, ...]:
    rng = np.random.default_rng(x["seed"] + 2000)
    out = []
    for _ in range(30):
        principal = int(rng.integers(100_000, 1_000_000))
        months = int(rng.integers(6, 36))
        start = datetime.date(2026, 1, 15)
        pay = plan.pmt(Decimal(int(rng.integers(10, 300))).scaleb(-4), months, -principal // 100)
        payment = Money(pay.quantize(Decimal("0.01")), "GBP")
        flows = [(datetime.date(2026 + (m // 12), m % 12 + 1, 15), payment) for m in range(1, months + 1)]
        out.append(plan.apr([(start, Money.from_minor(principal, "GBP"))], flows, "uk_conc"))
        out.append(plan.irr([-principal, *[int(payment.minor_units) for _ in range(months)]]))
    return tuple(out)


KERNELS: dict[str, Callable[[dict[str, Any]], tuple[Any, ...]]] = {
    "build_schedules": _schedules,
    "monitor_plans": _monitor,
    "portfolio": _portfolio,
    "columns": _columns,
    "calendars": _calendars,
    "rates": _rates,
}


def _same(a: tuple[Any, ...], b: tuple[Any, ...]) -> bool:
    assert len(a) == len(b)
    for x, y in zip(a, b):
        if isinstance(x, np.ndarray):
            if x.dtype != y.dtype or x.shape != y.shape:
                return False
            if not np.array_equal(x, y, equal_nan=x.dtype.kind == "M"):
                return False
        elif x != y:
            return False
    return True


@pytest.fixture(scope="module")
def inputs() -> list[dict[str, Any]]:
    return [_inputs(seed) for seed in range(THREADS)]


@pytest.mark.parametrize("kernel", list(KERNELS))
def test_kernel_from_four_threads_matches_serial(kernel: str, inputs: list[dict[str, Any]]) -> None:
    fn = KERNELS[kernel]
    serial = [fn(x) for x in inputs]
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        futures = [(i, pool.submit(fn, inputs[i])) for _ in range(ROUNDS) for i in range(THREADS)]
        for i, f in futures:
            assert _same(f.result(), serial[i]), f"{kernel}: thread result differs for input {i}"


def test_all_kernels_at_once_match_serial(inputs: list[dict[str, Any]]) -> None:
    """Different kernels interleaved: schedules, monitoring, aging, sums, calendars and rates."""
    tasks = [(name, i) for name in KERNELS for i in range(THREADS)]
    serial = {(name, i): KERNELS[name](inputs[i]) for name, i in tasks}
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        futures = {t: pool.submit(KERNELS[t[0]], inputs[t[1]]) for t in reversed(tasks)}
        for t, f in futures.items():
            assert _same(f.result(), serial[t]), f"{t}: concurrent result differs"


def test_batch_partitions_from_threads_match_serial() -> None:
    """recoup.batch.evaluate_partition from four threads (pandas in, pandas out)."""
    pd = pytest.importorskip("pandas")
    try:
        from recoup import batch
    except ImportError:
        pytest.skip("recoup.batch not in the installed package")
    frames = [batch.synthetic_accounts(5_000, seed=s, start_id=s * 5_000) for s in range(THREADS)]
    as_of = datetime.date(2025, 1, 1)
    serial = [batch.evaluate_partition(f, as_of) for f in frames]
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        got = list(pool.map(lambda f: batch.evaluate_partition(f, as_of), frames * 2))
    for i, g in enumerate(got):
        pd.testing.assert_frame_equal(g, serial[i % THREADS])
