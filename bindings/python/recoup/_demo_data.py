"""The bundled synthetic portfolio of ``recoup demo`` (and of the notebooks and benchmarks).

Deterministic: the same ``n``, ``seed`` and ``as_of`` give the same accounts, payments and calls,
byte for byte, on every machine (numpy's PCG64 generator; no wall clock). Amounts are drawn as
whole minor units (int64), never as floats, and written as exact decimal text.

The accounts frame has the columns of a portfolio file (``recoup portfolio evaluate``, see
docs/how-to/evaluate-a-portfolio.md), all as text, exactly as a CSV file would hold them.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from . import columns

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["DEFAULT_AS_OF", "TIME_ZONES", "DemoPortfolio", "demo_portfolio"]

#: The as-of date of the demo when none is given: fixed, so the figures never depend on the clock.
DEFAULT_AS_OF = datetime.date(2026, 11, 23)

#: Jurisdictions of the demo book, their currency and their share of the accounts.
_JURISDICTIONS: tuple[tuple[str, str, int], ...] = (
    ("US-TX", "USD", 16),
    ("US-CA", "USD", 16),
    ("US-NY", "USD", 12),
    ("US-FL", "USD", 12),
    ("US-IL", "USD", 6),
    ("US-PA", "USD", 6),
    ("US-OH", "USD", 5),
    ("US-WI", "USD", 3),
    ("GB-EAW", "GBP", 17),
    ("GB-SCT", "GBP", 5),
    ("GB-NIR", "GBP", 2),
)
#: Debt types (the limitation rule ids' suffixes) and their weights.
_DEBT_TYPES: tuple[tuple[str, int], ...] = (
    ("open_account", 55),
    ("written_contract", 30),
    ("promissory_note", 10),
    ("oral_contract", 5),
)
#: Call outcomes (the names of recoup.rules' contact checks) and their weights.
_CALL_OUTCOMES: tuple[tuple[str, int], ...] = (
    ("unanswered", 50),
    ("voicemail", 25),
    ("connected_conversation", 17),
    ("not_connected", 8),
)
#: The consumer's time zone by jurisdiction (one zone a state: the demo does not split states).
TIME_ZONES: dict[str, str] = {
    "US-TX": "America/Chicago",
    "US-CA": "America/Los_Angeles",
    "US-NY": "America/New_York",
    "US-FL": "America/New_York",
    "US-IL": "America/Chicago",
    "US-PA": "America/New_York",
    "US-OH": "America/New_York",
    "US-WI": "America/Chicago",
    "GB-EAW": "Europe/London",
    "GB-SCT": "Europe/London",
    "GB-NIR": "Europe/London",
}


@dataclass(frozen=True)
class DemoPortfolio:
    """The demo book: ``accounts`` (portfolio-file columns, text), ``payments`` (``account_id``,
    ``date``, ``amount_minor``, ``currency``) and ``calls`` (``account_id``, ``date`` (local),
    ``time`` (UTC instant), ``time_zone``, ``outcome``)."""

    accounts: pd.DataFrame
    payments: pd.DataFrame
    calls: pd.DataFrame
    as_of: datetime.date
    seed: int


def _pick(rng: np.random.Generator, n: int, weights: tuple[int, ...]) -> npt.NDArray[np.int64]:
    """Indices drawn with integer weights (an exact cumulative table, no float probabilities)."""
    cumulative = np.cumsum(np.asarray(weights, dtype=np.int64))
    draws = rng.integers(0, int(cumulative[-1]), size=n)
    return np.searchsorted(cumulative, draws, side="right").astype(np.int64)


def _iso(days: npt.NDArray[np.datetime64]) -> npt.NDArray[np.str_]:
    out: npt.NDArray[np.str_] = np.datetime_as_string(days, unit="D")
    return out


def demo_portfolio(n: int = 3000, *, seed: int = 2026, as_of: datetime.date = DEFAULT_AS_OF) -> DemoPortfolio:
    """A reproducible book of ``n`` US and UK consumer debts at ``as_of``.

    About 40% are early-stage (defaulted in the last six months), the rest charged off one to
    twelve years ago, so that the aging spreads over every bucket and a part of the book is
    time-barred. Balances run from 50 to 25,000 (USD or GBP by jurisdiction).
    """
    import pandas as pd

    if n < 1:
        raise ValueError(f"a demo portfolio needs at least 1 account, not {n}")
    rng = np.random.default_rng(seed)
    ref = np.datetime64(as_of, "D")
    day = np.timedelta64(1, "D")

    where = _pick(rng, n, tuple(w for _, _, w in _JURISDICTIONS))
    jurisdiction = np.array([j for j, _, _ in _JURISDICTIONS], dtype=object)[where]
    currency = np.array([c for _, c, _ in _JURISDICTIONS], dtype=object)[where]
    debt_type = np.array([d for d, _ in _DEBT_TYPES], dtype=object)[
        _pick(rng, n, tuple(w for _, w in _DEBT_TYPES))
    ]

    early = rng.integers(0, 100, size=n) < 40
    # days since default: early stage 1..180, late stage 181..4380 (12 years)
    since_default = np.where(early, rng.integers(1, 181, size=n), rng.integers(181, 4381, size=n))
    default_date = ref - since_default * day
    origination = default_date - rng.integers(180, 2200, size=n) * day
    placement = np.minimum(default_date + rng.integers(0, 120, size=n) * day, ref)

    # the last payment: mostly before default; for a quarter of the book a part payment since
    last_payment = default_date - rng.integers(1, 120, size=n) * day
    recent = rng.integers(0, 100, size=n) < 25
    span = (ref - default_date).astype(np.int64)
    last_payment = np.where(
        recent, default_date + (rng.integers(0, 1 << 30, size=n) % span) * day, last_payment
    )
    never_paid = rng.integers(0, 100, size=n) < 8
    last_payment_text = np.where(never_paid, "", _iso(last_payment.astype("datetime64[D]")))

    arranged = early & (rng.integers(0, 100, size=n) < 20)  # on a plan, paid up: DPD 0
    next_due = ref + rng.integers(1, 31, size=n) * day
    unpaid_text = np.where(arranged, _iso(next_due.astype("datetime64[D]")), "")

    placed_minor = rng.integers(5_000, 2_500_001, size=n, dtype=np.int64)
    rate_bp = np.where(early, rng.integers(0, 3000, size=n), 0)  # charged-off debt stops accruing
    rates = np.array([f"0.{b:04d}" for b in rate_bp.tolist()], dtype=object)
    term = rng.choice(np.array([6, 12, 18, 24, 36], dtype=np.int64), size=n)

    # payment history since placement: 0..6 payments of 1%..15% of the placed balance
    counts = np.where(rng.integers(0, 100, size=n) < 45, rng.integers(1, 7, size=n), 0).astype(np.int64)
    owner = np.repeat(np.arange(n, dtype=np.int64), counts)
    share_bp = rng.integers(100, 1501, size=owner.size)
    pay_minor = placed_minor[owner] * share_bp // 10_000  # floor: whole minor units
    pay_span = np.maximum((ref - placement).astype(np.int64), 1)[owner]
    # most money comes in soon after placement: the offset is span * u^3 for u uniform in [0, 1)
    u = rng.integers(0, 1 << 20, size=owner.size)
    pay_date = placement[owner] + (pay_span * (u * u // (1 << 20)) * u // (1 << 40)) * day
    collected = np.zeros(n, dtype=np.int64)
    np.add.at(collected, owner, pay_minor)
    balance_minor = np.maximum(placed_minor - collected, 0)

    ids = np.array([f"A{seed % 100:02d}-{i + 1:06d}" for i in range(n)], dtype=object)
    balance_text = np.empty(n, dtype=object)
    collected_text = np.empty(n, dtype=object)
    for cur in ("USD", "GBP"):
        rows = currency == cur
        balance_text[rows] = columns.format(balance_minor[rows], cur)
        collected_text[rows] = columns.format(collected[rows], cur)

    accounts = pd.DataFrame(
        {
            "account_id": ids,
            "jurisdiction": jurisdiction,
            "debt_type": debt_type,
            "currency": currency,
            "balance": balance_text,
            "annual_rate": rates,
            "plan_term": term.astype(str).astype(object),
            "origination_date": _iso(origination.astype("datetime64[D]")).astype(object),
            "default_date": _iso(default_date.astype("datetime64[D]")).astype(object),
            "last_payment_date": last_payment_text.astype(object),
            "oldest_unpaid_due": unpaid_text.astype(object),
            "placement_date": _iso(placement.astype("datetime64[D]")).astype(object),
            "collected": collected_text,
        }
    )
    order = np.lexsort((pay_date.astype(np.int64), owner))
    payments = pd.DataFrame(
        {
            "account_id": ids[owner[order]],
            "date": pay_date.astype("datetime64[D]")[order],
            "amount_minor": pay_minor[order],
            "currency": currency[owner[order]],
        }
    )

    # contact attempts over the last 30 days: 0..3 calls an account at 08:00-20:59 local, a few
    # accounts dialled 8..10 times in the last week, and one call in fifty outside 08:00-21:00
    calls_per = rng.integers(0, 4, size=n)
    heavy = rng.integers(0, 100, size=n) < 3
    heavy_per = np.where(heavy, rng.integers(8, 11, size=n), 0)
    everyone = np.arange(n, dtype=np.int64)
    caller = np.concatenate([np.repeat(everyone, calls_per), np.repeat(everyone, heavy_per)])
    back = np.concatenate(
        [rng.integers(0, 30, size=int(calls_per.sum())), rng.integers(0, 7, size=int(heavy_per.sum()))]
    )
    minute = rng.integers(8 * 60, 21 * 60, size=caller.size)
    late = rng.integers(0, 50, size=caller.size) == 0
    minute = np.where(late, rng.integers(21 * 60, 22 * 60, size=caller.size), minute)
    order = np.lexsort((minute, -back, caller))  # each account's calls in time order
    caller, back, minute = caller[order], back[order], minute[order]
    call_date = (ref - back * day).astype("datetime64[D]")
    local = call_date.astype("datetime64[m]") + minute.astype("timedelta64[m]")
    zone = np.array([TIME_ZONES[j] for j in jurisdiction[caller].tolist()], dtype=object)
    utc = np.empty(caller.size, dtype="datetime64[ns]")
    for name in sorted(set(zone.tolist())):
        rows = zone == name
        stamps = pd.DatetimeIndex(local[rows]).tz_localize(name, ambiguous=False, nonexistent="shift_forward")
        utc[rows] = stamps.tz_convert("UTC").tz_localize(None).to_numpy()
    names = np.array([o for o, _ in _CALL_OUTCOMES], dtype=object)
    outcome = names[_pick(rng, caller.size, tuple(w for _, w in _CALL_OUTCOMES))]
    calls = pd.DataFrame(
        {
            "account_id": ids[caller],
            "date": call_date,
            "time": pd.DatetimeIndex(utc).tz_localize("UTC"),
            "time_zone": zone,
            "outcome": outcome,
        }
    )
    return DemoPortfolio(accounts=accounts, payments=payments, calls=calls, as_of=as_of, seed=seed)
