"""The decision figures of the management report: strategy mix, work queue, blocked actions,
roll rates and cure rate, monthly cash and promise-kept rate.

``summarise_decisions(results, ...)`` reads the decision columns of ``recoup portfolio evaluate``
(``segment``, ``strategy``, ``expected_net_recovery``, ``offer_amount``, ``next_action``,
``next_action_at``, ``priority``, ``blocked_actions``, ``blocked_by``), in memory (``*_minor``
money) or read back from its file (``recoup._cli_portfolio.read_results``), and, when given,
an earlier result file of the same book, the payment history and the promises to pay. Every
figure is an exact count, a sum of minor units or a Fraction; nothing here decides anything:
the decisions are the C++ decision layer's (recoup/decide/), the rates recoup.portfolio's.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from . import columns, portfolio
from ._core import Money

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "BlockedAction",
    "DecisionSummary",
    "MixRow",
    "QueueRow",
    "summarise_decisions",
]

#: How many accounts the work queue shows.
QUEUE_LENGTH = 20


@dataclass(frozen=True)
class MixRow:
    """Accounts of one segment and currency given one strategy, their balance and value."""

    segment: str
    currency: str
    strategy: str
    accounts: int
    balance: Money
    expected_net_recovery: Money


@dataclass(frozen=True)
class QueueRow:
    """One account at the top of the work queue (highest priority first)."""

    account_id: str
    currency: str
    strategy: str
    expected_net_recovery: Money
    offer: Money
    instalments: int
    next_action: str
    next_action_at: str | None  # ISO 8601 UTC; None when every step is blocked
    priority: int
    balance: Money


@dataclass(frozen=True)
class BlockedAction:
    """Accounts on which the gate blocks one action now, and the rules that block it."""

    action: str
    accounts: int
    rules: tuple[tuple[str, int], ...]  # (rule id, accounts), most frequent first


@dataclass(frozen=True)
class DecisionSummary:
    """The decision figures; the optional ones are None when their input was not given."""

    mix: tuple[MixRow, ...]
    queue: tuple[QueueRow, ...]
    blocked: tuple[BlockedAction, ...]
    decided: int
    challengers: int
    roll_rates: portfolio.RollRates | None = None
    cure_rate: portfolio.CureRate | None = None
    cash: dict[str, tuple[tuple[str, int], ...]] = field(default_factory=dict)  # currency -> (YYYY-MM, minor)
    promises: portfolio.PromiseKeptRate | None = None


def _money_minor(table: pd.DataFrame, name: str) -> npt.NDArray[np.int64]:
    col = table[f"{name}_minor"] if f"{name}_minor" in table.columns else table[name]
    out: npt.NDArray[np.int64] = col.to_numpy(dtype=np.int64, na_value=0)
    return out


def _mix(good: pd.DataFrame) -> tuple[MixRow, ...]:
    bal = _money_minor(good, "balance")
    val = _money_minor(good, "expected_net_recovery")
    keys = good[["segment", "currency", "strategy"]].astype(object).fillna("")
    out = []
    # money totals through columns.sum (C++, checked): a pandas int64 sum would wrap silently
    groups = keys.groupby(["segment", "currency", "strategy"]).indices
    for (seg, cur, strat), rows in sorted(groups.items()):
        code = str(cur)
        out.append(
            MixRow(
                str(seg),
                code,
                str(strat),
                len(rows),
                columns.sum(bal[rows], code),
                columns.sum(val[rows], code),
            )
        )
    return tuple(out)


def _queue(good: pd.DataFrame, length: int) -> tuple[QueueRow, ...]:
    prio = good["priority"].to_numpy(dtype=np.int64, na_value=0)
    # highest priority first; ties in file order (a stable sort of the negated priority)
    order = np.argsort(-prio, kind="stable")[:length]
    bal = _money_minor(good, "balance")
    val = _money_minor(good, "expected_net_recovery")
    offer = _money_minor(good, "offer_amount")
    inst = good["offer_instalments"].to_numpy(dtype=np.int64, na_value=0)
    ids = good["account_id"].to_numpy(dtype=object)
    cur = good["currency"].to_numpy(dtype=object)
    strat = good["strategy"].to_numpy(dtype=object)
    nxt = good["next_action"].to_numpy(dtype=object)
    at = good["next_action_at"].to_numpy(dtype=object)
    rows = []
    for i in order.tolist():
        c = str(cur[i])
        when = at[i]
        rows.append(
            QueueRow(
                str(ids[i]),
                c,
                str(strat[i]),
                Money.from_minor(int(val[i]), c),
                Money.from_minor(int(offer[i]), c),
                int(inst[i]),
                str(nxt[i]),
                None if when is None or when != when else str(when),
                int(prio[i]),
                Money.from_minor(int(bal[i]), c),
            )
        )
    return tuple(rows)


def _blocked(good: pd.DataFrame) -> tuple[BlockedAction, ...]:
    accounts: Counter[str] = Counter()
    rules: dict[str, Counter[str]] = {}
    # few distinct texts in a book: count them, then split each once
    by_text = good["blocked_by"].astype(object).fillna("").value_counts() if "blocked_by" in good else None
    if by_text is not None and len(by_text):
        for text, count in by_text.items():
            for item in str(text).split():
                action, _, rule = item.partition(":")
                accounts[action] += int(count)
                rules.setdefault(action, Counter())[rule] += int(count)
    else:
        for text, count in good["blocked_actions"].astype(object).fillna("").value_counts().items():
            for action in str(text).split():
                accounts[action] += int(count)
    return tuple(
        BlockedAction(action, n, tuple(rules.get(action, Counter()).most_common()))
        for action, n in sorted(accounts.items(), key=lambda kv: (-kv[1], kv[0]))
    )


def _month(values: Any) -> npt.NDArray[np.str_]:
    days = np.asarray(values).astype("datetime64[D]")
    return np.datetime_as_string(days.astype("datetime64[M]"), unit="M")


def summarise_decisions(
    results: pd.DataFrame,
    *,
    previous: pd.DataFrame | None = None,
    payments: pd.DataFrame | None = None,
    promises: pd.DataFrame | None = None,
    as_of: datetime.date | None = None,
    edges: Any = portfolio.DEFAULT_EDGES,
    queue_length: int = QUEUE_LENGTH,
) -> DecisionSummary | None:
    """The decision figures of a result table (None when it has no ``strategy`` column).

    ``previous``: an earlier result table of the same book (roll rates between its aging bucket
    and this one's, cure rate); ``payments`` (``account_id``, ``date``, ``amount_minor`` in the
    account's currency): cash collected per month; ``promises`` (``promise_date``,
    ``promised_minor``, ``paid_minor``): the promise-kept rate at ``as_of``."""
    if "strategy" not in results.columns:
        return None
    ok = results["error"].isna().to_numpy() if "error" in results.columns else np.ones(len(results), bool)
    good = results[ok & results["strategy"].notna().to_numpy()].reset_index(drop=True)
    challengers = int(good["challenger"].astype(bool).sum()) if "challenger" in good.columns else 0
    roll = cure = None
    if previous is not None:
        prev_ok = (
            previous["error"].isna().to_numpy()
            if "error" in previous.columns
            else np.ones(len(previous), bool)
        )
        prev = previous[prev_ok]
        dpd0 = prev["days_past_due"].to_numpy(dtype=np.int64, na_value=0)
        dpd1 = good["days_past_due"].to_numpy(dtype=np.int64, na_value=0)
        ids0 = prev["account_id"].astype(str).to_numpy(dtype=object)
        ids1 = good["account_id"].astype(str).to_numpy(dtype=object)
        roll = portfolio.roll_rates(
            ids0, portfolio.bucket_of(dpd0, edges), ids1, portfolio.bucket_of(dpd1, edges), edges=edges
        )
        cure = portfolio.cure_rate(ids0, dpd0, ids1, dpd1)
    cash: dict[str, tuple[tuple[str, int], ...]] = {}
    if payments is not None and len(payments):
        currency_of = dict(zip(good["account_id"].astype(str), good["currency"].astype(str)))
        acc = payments["account_id"].astype(str).map(currency_of)
        known = acc.notna().to_numpy()
        frame = payments[known].assign(
            currency=acc[known].to_numpy(), month=_month(payments["date"].to_numpy()[known])
        )
        amounts = frame["amount_minor"].to_numpy(dtype=np.int64)
        for (code, month), rows in sorted(frame.groupby(["currency", "month"]).indices.items()):
            total = columns.sum(amounts[rows], str(code)).minor_units  # checked, never wraps
            cash[str(code)] = (*cash.get(str(code), ()), (str(month), int(total)))
    kept = None
    if promises is not None and as_of is not None:
        kept = portfolio.promise_kept_rate(
            np.asarray(promises["promise_date"].to_numpy()).astype("datetime64[D]"),
            promises["promised_minor"].to_numpy(dtype=np.int64),
            promises["paid_minor"].to_numpy(dtype=np.int64),
            as_of,
        )
    return DecisionSummary(
        mix=_mix(good),
        queue=_queue(good, queue_length),
        blocked=_blocked(good),
        decided=len(good),
        challengers=challengers,
        roll_rates=roll,
        cure_rate=cure,
        cash=cash,
        promises=kept,
    )
