"""Portfolio summaries and the self-contained HTML report of ``recoup demo``.

``summarise`` turns the result table of ``recoup portfolio evaluate`` (and, optionally, the
payment history and call log) into exact figures: aging by bucket, balances and recovery by
currency, time-barred share by jurisdiction, expected recovery by strategy, liquidation curves.
``render_html`` draws them into one HTML file whose charts are inline SVG: it loads nothing
from anywhere, so it can be mailed, archived or opened offline.

    >>> import datetime
    >>> from recoup import report
    >>> from recoup._demo import evaluate_demo
    >>> book, results = evaluate_demo(200, seed=1)
    >>> s = report.summarise(results, as_of=datetime.date(2026, 11, 23), payments=book.payments)
    >>> s.accounts, s.aging.labels[0]
    (200, 'current')

``demo_portfolio(n, seed=...)`` is the synthetic US and UK book that ``recoup demo`` reports on
(accounts as portfolio-file text columns, a payment history and a call log), for notebooks and
tests.

Money stays exact (int64 minor units, ``Money``, ``Decimal``) in every figure and table; the
charts convert amounts and rates to floats only at the plotting boundary, to place marks.
"""

from __future__ import annotations

import datetime
import html
import io
import pathlib
import re
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Sequence

import numpy as np
import numpy.typing as npt

from . import columns, portfolio
from ._core import Money
from ._demo_data import DemoPortfolio, demo_portfolio
from ._errors import InvalidInputError, InvalidTypeError
from ._report_decisions import DecisionSummary, summarise_decisions

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "CONTACT_FLAGS",
    "DEMO_EDGES",
    "JURISDICTION_HEADERS",
    "STRATEGY_HEADERS",
    "AgingSummary",
    "CurrencySummary",
    "DecisionSummary",
    "DemoPortfolio",
    "JurisdictionSummary",
    "PortfolioSummary",
    "StrategySummary",
    "aging_rows",
    "demo_portfolio",
    "jurisdiction_rows",
    "percent",
    "render_html",
    "strategy_rows",
    "summarise",
    "summarise_decisions",
    "write_report",
]

#: Aging edges for a book that holds charged-off debt: 0, 30, 60, 90, 180, 365, 730 days.
DEMO_EDGES: tuple[int, ...] = (0, 30, 60, 90, 180, 365, 730)


def percent(rate: Fraction | None, places: int = 1) -> str:
    """``rate`` as a percentage with ``places`` decimals, rounded half-even ("12.3%"); "n/a" for None."""
    if rate is None:
        return "n/a"
    from . import _core

    value: Decimal = _core.decimal_divide(rate.numerator * 100, rate.denominator, places, "half_even")
    return f"{value}%"


def _share(numerator: int, denominator: int) -> Fraction | None:
    return Fraction(numerator, denominator) if denominator else None


@dataclass(frozen=True)
class CurrencySummary:
    """One currency of the book: accounts, balance, collected so far and recovery to date."""

    currency: str
    accounts: int
    balance: Money
    collected: Money
    recovery: Fraction | None  # collected / (balance + collected)


@dataclass(frozen=True)
class AgingSummary:
    """Accounts and balance (minor units, per currency) per aging bucket."""

    labels: tuple[str, ...]
    counts: tuple[int, ...]
    balances: dict[str, tuple[int, ...]]


@dataclass(frozen=True)
class JurisdictionSummary:
    """One jurisdiction: accounts, their balance, and how many are time-barred (None: unknown)."""

    jurisdiction: str
    currency: str
    accounts: int
    balance: Money
    expired: int | None
    expired_balance: Money | None
    running: int | None

    @property
    def time_barred_share(self) -> Fraction | None:
        """Time-barred accounts / accounts with a known limitation status."""
        if self.expired is None or self.running is None:
            return None
        return _share(self.expired, self.expired + self.running)


@dataclass(frozen=True)
class StrategySummary:
    """Expected recovery of one collection strategy over the accounts it applies to."""

    strategy: str
    currency: str
    accounts: int
    expected_recovery: Money
    balance: Money

    @property
    def share(self) -> Fraction | None:
        return _share(self.expected_recovery.minor_units, self.balance.minor_units)


@dataclass(frozen=True)
class PortfolioSummary:
    """Everything the report shows; a chart without data says why in its place."""

    as_of: datetime.date
    accounts: int
    errors: int
    currencies: tuple[CurrencySummary, ...]
    aging: AgingSummary
    jurisdictions: tuple[JurisdictionSummary, ...]
    strategies: tuple[StrategySummary, ...] = ()
    liquidation: dict[str, pd.DataFrame] = field(default_factory=dict)
    calls: dict[str, int] = field(default_factory=dict)
    heavily_called: int = 0
    contact_flags: dict[str, int] = field(default_factory=dict)
    assumptions: tuple[tuple[str, str], ...] = ()
    notes: tuple[str, ...] = ()
    title: str = "recoup portfolio report"
    subtitle: str = ""
    decisions: DecisionSummary | None = None


def _minor(
    table: pd.DataFrame, name: str, rows: npt.NDArray[np.bool_], currency: str
) -> npt.NDArray[np.int64]:
    """Minor units of a money column: ``<name>_minor`` as it is (an in-memory result table), or
    ``<name>`` parsed from exact text or Decimals (a table read back from a file)."""
    if f"{name}_minor" in table.columns:
        minor: npt.NDArray[np.int64] = table[f"{name}_minor"].to_numpy(dtype=np.int64, na_value=0)[rows]
        return minor
    values = np.asarray([str(v) for v in table[name].to_numpy(dtype=object)[rows].tolist()], dtype=str)
    if values.size == 0:
        return np.zeros(0, dtype=np.int64)
    out: npt.NDArray[np.int64] = columns.parse(values, currency)
    return out


def summarise(
    results: pd.DataFrame,
    *,
    as_of: datetime.date,
    payments: pd.DataFrame | None = None,
    calls: pd.DataFrame | None = None,
    strategies: Sequence[StrategySummary] = (),
    assumptions: Sequence[tuple[str, str]] = (),
    edges: Sequence[int] = DEMO_EDGES,
    notes: Sequence[str] = (),
    title: str = "recoup portfolio report",
    subtitle: str = "",
    previous: pd.DataFrame | None = None,
    promises: pd.DataFrame | None = None,
) -> PortfolioSummary:
    """The figures of a result table (``recoup portfolio evaluate``'s columns, in memory with
    ``*_minor`` money or read back from its file; rows with an error are counted and left out).

    ``payments`` (``account_id``, ``date``, ``amount_minor``) gives the liquidation curves and the
    monthly cash; ``calls`` (``account_id``, ``date``, ``outcome``) the contact summary;
    ``previous`` (an earlier result table of the book) the roll rates and cure rate; ``promises``
    (``promise_date``, ``promised_minor``, ``paid_minor``) the promise-kept rate. With the
    decision columns (``strategy``, ...) the strategy figures are the decisions' own: the chosen
    strategy's expected net recovery, summed by strategy and currency."""
    import pandas as pd

    if not isinstance(results, pd.DataFrame):
        raise InvalidTypeError(
            "results must be a pandas DataFrame of recoup portfolio evaluate's columns, "
            f"not {type(results).__name__}",
            id="report.results",
        )
    missing = [c for c in ("error", "currency", "days_past_due") if c not in results.columns]
    if missing:
        raise InvalidInputError(
            f"results has no column {', '.join(repr(c) for c in missing)}: pass the table that "
            "recoup.portfolio.evaluate returns, or the file 'recoup portfolio evaluate' wrote, read back",
            id="report.results",
        )
    ok = results["error"].isna().to_numpy()
    good = results[ok]
    codes = sorted(set(good["currency"].tolist()))
    cur_summaries = []
    aging_balances: dict[str, tuple[int, ...]] = {}
    dpd_all = good["days_past_due"].to_numpy(dtype=np.int64)
    aged_all = portfolio.aging_buckets(dpd_all, edges)
    liquidation: dict[str, pd.DataFrame] = {}
    for code in codes:
        rows = (good["currency"] == code).to_numpy()
        balance = _minor(good, "balance", rows, code)
        collected = _minor(good, "collected", rows, code)
        rate = portfolio.recovery_rate(collected, balance + collected)
        cur_summaries.append(
            CurrencySummary(
                code,
                int(rows.sum()),
                columns.sum(balance, code),
                columns.sum(collected, code),
                rate.value,
            )
        )
        aged = portfolio.aging_buckets(dpd_all[rows], edges, amounts=balance)
        assert aged.balances is not None
        aging_balances[code] = tuple(int(v) for v in aged.balances)
        if payments is not None and "placement_date" in good.columns:
            liquidation[code] = _liquidation(good[rows], balance + collected, payments, as_of)

    jur_rows = []
    has_limitation = good["limitation_status"].notna().any() if "limitation_status" in good else False
    for jur in sorted(set(good["jurisdiction"].tolist())):
        rows = (good["jurisdiction"] == jur).to_numpy()
        code = str(good["currency"].to_numpy()[rows][0])
        balance = _minor(good, "balance", rows, code)
        if has_limitation:
            status = good["limitation_status"].to_numpy(dtype=object)[rows]
            expired = status == "expired"
            jur_rows.append(
                JurisdictionSummary(
                    jur,
                    code,
                    int(rows.sum()),
                    columns.sum(balance, code),
                    int(expired.sum()),
                    columns.sum(balance[expired], code),
                    int((status == "running").sum()),
                )
            )
        else:
            jur_rows.append(
                JurisdictionSummary(jur, code, int(rows.sum()), columns.sum(balance, code), None, None, None)
            )

    call_counts: dict[str, int] = {}
    heavy = 0
    flags: dict[str, int] = {}
    extra_notes: list[str] = []
    if calls is not None and len(calls):
        call_counts = {str(k): int(v) for k, v in calls["outcome"].value_counts().sort_index().items()}
        recent = calls[calls["date"].to_numpy().astype("datetime64[D]") > np.datetime64(as_of, "D") - 7]
        per = recent["account_id"].value_counts()
        heavy = int((per > 7).sum())  # a plain count; the rule engine's verdicts are in ``flags``
        flags, why = _contact_flags(calls, good, as_of)
        if why:
            extra_notes.append(why)

    decisions = summarise_decisions(
        results, previous=previous, payments=payments, promises=promises, as_of=as_of, edges=edges
    )
    if not strategies and decisions is not None:
        strategies = _chosen_strategies(decisions)

    return PortfolioSummary(
        as_of=as_of,
        decisions=decisions,
        accounts=len(results),
        errors=int((~ok).sum()),
        currencies=tuple(cur_summaries),
        aging=AgingSummary(aged_all.labels, tuple(int(v) for v in aged_all.counts), aging_balances),
        jurisdictions=tuple(jur_rows),
        strategies=tuple(strategies),
        liquidation=liquidation,
        calls=call_counts,
        heavily_called=heavy,
        contact_flags=flags,
        assumptions=tuple(assumptions),
        notes=(*notes, *extra_notes),
        title=title,
        subtitle=subtitle,
    )


def _chosen_strategies(d: DecisionSummary) -> tuple[StrategySummary, ...]:
    """Expected net recovery by chosen strategy and currency (strategies in code order)."""
    from .decide import STRATEGIES

    totals: dict[tuple[str, str], list[int]] = {}
    for m in d.mix:
        t = totals.setdefault((m.strategy, m.currency), [0, 0, 0])
        t[0] += m.accounts
        t[1] += m.balance.minor_units
        t[2] += m.expected_net_recovery.minor_units
    order = {name: k for k, name in enumerate(STRATEGIES)}
    return tuple(
        StrategySummary(strat, cur, n, Money.from_minor(value, cur), Money.from_minor(bal, cur))
        for (strat, cur), (n, bal, value) in sorted(
            totals.items(), key=lambda kv: (kv[0][1], order.get(kv[0][0], 99))
        )
    )


#: The call flags of ``recoup.rules.check_call_log`` the report counts, and how it names them.
CONTACT_FLAGS: tuple[tuple[str, str], ...] = (
    ("over_limit", "over the 7-calls-in-7-days limit (Reg F)"),
    ("in_wait", "within 7 days after a conversation (Reg F)"),
    ("outside_hours", "outside the consumer's calling hours"),
    ("over_state_limit", "over a state's own call limit"),
)


def _contact_flags(
    calls: pd.DataFrame, good: pd.DataFrame, as_of: datetime.date
) -> tuple[dict[str, int], str | None]:
    """Calls of US accounts flagged by the rule engine's Reg F checks, by flag."""
    from .rules import check_call_log

    us = set(good.loc[good["jurisdiction"].str.startswith("US"), "account_id"].tolist())
    log = calls[calls["account_id"].isin(us)]
    if not len(log) or "time" not in log.columns:
        return {}, None
    frame = {
        "person": log["account_id"].to_numpy(dtype=object),
        "debt": log["account_id"].to_numpy(dtype=object),
        "time": log["time"],
        "outcome": log["outcome"].to_numpy(dtype=object),
        "time_zone": log["time_zone"].to_numpy(dtype=object),
    }
    import pandas as pd

    checked = check_call_log(pd.DataFrame(frame).reset_index(drop=True), jurisdiction="US", as_of=as_of)
    return {name: int(np.count_nonzero(getattr(checked, name))) for name, _ in CONTACT_FLAGS}, None


def _liquidation(
    good: pd.DataFrame, placed: npt.NDArray[np.int64], payments: pd.DataFrame, as_of: datetime.date
) -> pd.DataFrame:
    """Cumulative collections / placed by placement-year cohort and month since placement
    (exact Fractions), for the placement years with at least a year of history."""
    import pandas as pd

    ids = good["account_id"].to_numpy(dtype=object)
    mine = payments[payments["account_id"].isin(set(ids.tolist()))]
    placed_on = pd.to_datetime(good["placement_date"]).to_numpy().astype("datetime64[D]")
    table = portfolio.liquidation_curves(
        ids,
        placed_on,
        placed,
        mine["account_id"].to_numpy(dtype=object),
        mine["date"].to_numpy().astype("datetime64[D]"),
        mine["amount_minor"].to_numpy(dtype=np.int64),
        as_of=as_of,
    )
    table = table.assign(year=[p.year for p in table["cohort"]])
    # a year's curve runs while every cohort of the year is in it (no mix shift at the tail)
    reach = table.groupby("cohort")["month"].max().rename("reach")
    table = table.join(reach, on="cohort")
    table = table[table["month"] <= table.groupby("year")["reach"].transform("min")]
    sums = table.groupby(["year", "month"], as_index=False)[["placed", "cumulative"]].sum()
    sums["rate"] = [
        Fraction(int(c), int(p)) if p else None for c, p in zip(sums["cumulative"], sums["placed"])
    ]
    return sums


# --- charts ---------------------------------------------------------------------------------

_PALETTE = ("#1f5f8b", "#e07b39", "#4c9a2a", "#b8336a", "#7a5195", "#2a9d8f", "#c9a227")


def _svg(fig: Any) -> str:
    """The figure as inline SVG markup, stripped of its XML prologue, DOCTYPE and RDF metadata
    (they name external URLs; a browser needs none of them inline)."""
    import matplotlib.pyplot as plt

    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None}, bbox_inches="tight")
    plt.close(fig)
    text = buf.getvalue()
    text = text[text.index("<svg") :]
    text = re.sub(r"<metadata>.*?</metadata>", "", text, flags=re.S)
    text = re.sub(r'\s+xmlns(:xlink)?="[^"]*"', "", text)
    return text.replace("<svg ", '<svg role="img" ', 1)


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update(
        {
            "svg.hashsalt": "recoup",  # stable element ids: the same book gives the same file
            "font.size": 9,
            "axes.spines.top": False,
            "axes.spines.right": False,
        }
    )
    return plt


def _amount(minor: int, currency: str) -> float:
    # plotting boundary: an exact amount becomes a float only to position a bar
    return float(Money.from_minor(minor, currency).amount)


def _chart_aging(s: PortfolioSummary) -> str:
    plt = _pyplot()
    fig, (left, right) = plt.subplots(1, 2, figsize=(9.5, 3.2))
    x = np.arange(len(s.aging.labels))
    left.bar(x, s.aging.counts, color=_PALETTE[0])
    left.set_title("Accounts by days past due")
    left.set_xticks(x, s.aging.labels, rotation=30)
    width = 0.8 / max(len(s.aging.balances), 1)
    for k, (code, balances) in enumerate(sorted(s.aging.balances.items())):
        values = [_amount(b, code) / 1000 for b in balances]
        right.bar(
            x + (k - (len(s.aging.balances) - 1) / 2) * width,
            values,
            width,
            label=code,
            color=_PALETTE[k + 1],
        )
    right.set_title("Balance by days past due (thousands)")
    right.set_xticks(x, s.aging.labels, rotation=30)
    right.legend(frameon=False)
    for ax in (left, right):
        ax.tick_params(axis="x", labelsize=8)
    return _svg(fig)


def _chart_time_barred(s: PortfolioSummary) -> str | None:
    known = [j for j in s.jurisdictions if j.time_barred_share is not None]
    if not known:
        return None
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(9.5, 3.2))
    names = [j.jurisdiction for j in known]
    # plotting boundary: exact shares become floats to size the bars
    shares = [float(j.time_barred_share or 0) * 100 for j in known]
    colors = [_PALETTE[1] if j.currency == "GBP" else _PALETTE[0] for j in known]
    ax.bar(names, shares, color=colors)
    ax.set_ylabel("% of accounts time-barred")
    ax.set_title("Time-barred share by jurisdiction (limitation period expired at the as-of date)")
    ax.set_ylim(0, 100)
    return _svg(fig)


def _chart_strategies(s: PortfolioSummary) -> str | None:
    if not s.strategies:
        return None
    plt = _pyplot()
    codes = sorted({t.currency for t in s.strategies})
    fig, axes = plt.subplots(1, len(codes), figsize=(9.5, 3.2), squeeze=False, sharey=True)
    for k, (ax, code) in enumerate(zip(axes[0], codes)):
        rows = [t for t in s.strategies if t.currency == code]
        values = [_amount(t.expected_recovery.minor_units, code) / 1000 for t in rows]
        ax.barh([t.strategy for t in rows], values, color=_PALETTE[(k + 1) % len(_PALETTE)])
        ax.set_title(f"{code} (thousands)")
    axes[0][0].invert_yaxis()
    return _svg(fig)


def _chart_liquidation(s: PortfolioSummary) -> str | None:
    if not s.liquidation:
        return None
    plt = _pyplot()
    codes = sorted(s.liquidation)
    fig, axes = plt.subplots(1, len(codes), figsize=(9.5, 3.4), squeeze=False, sharey=True)
    for ax, code in zip(axes[0], codes):
        table = s.liquidation[code]
        reach = table.groupby("year")["month"].max()
        years = [int(y) for y in reach.index if reach[y] >= 3][-6:]
        for k, year in enumerate(years):
            part = table[(table["year"] == year) & (table["month"] <= 60)]
            # plotting boundary: exact Fractions become floats to draw the curve
            rates = [float(r) * 100 if r is not None else np.nan for r in part["rate"]]
            ax.plot(part["month"], rates, label=str(year), color=_PALETTE[k % len(_PALETTE)])
        ax.set_title(f"Liquidation by placement year, {code}")
        ax.set_xlabel("months since placement")
        ax.legend(frameon=False, fontsize=7, ncol=2)
    axes[0][0].set_ylabel("% of placed balance collected")
    return _svg(fig)


def _chart_mix(d: DecisionSummary) -> str | None:
    """Accounts by segment, stacked by chosen strategy; one panel per currency."""
    if not d.mix:
        return None
    from .decide import STRATEGIES

    plt = _pyplot()
    codes = sorted({m.currency for m in d.mix})
    fig, axes = plt.subplots(1, len(codes), figsize=(9.5, 3.4), squeeze=False)
    for ax, code in zip(axes[0], codes):
        rows = [m for m in d.mix if m.currency == code]
        # segments sorted by their accounts, largest on top
        size: dict[str, int] = {}
        for m in rows:
            size[m.segment] = size.get(m.segment, 0) + m.accounts
        segments = sorted(size, key=lambda k: (-size[k], k))
        left = np.zeros(len(segments))
        for k, strat in enumerate(STRATEGIES):
            counts = np.array(
                [
                    sum(m.accounts for m in rows if m.segment == seg and m.strategy == strat)
                    for seg in segments
                ]
            )
            if counts.any():
                ax.barh(segments, counts, left=left, label=strat, color=_PALETTE[k % len(_PALETTE)])
                left += counts
        ax.invert_yaxis()
        ax.set_title(f"{code}: accounts by segment and strategy")
        ax.set_xlabel("accounts")
        ax.legend(frameon=False, fontsize=7)
    return _svg(fig)


def _chart_cash(d: DecisionSummary) -> str | None:
    if not d.cash:
        return None
    plt = _pyplot()
    codes = sorted(d.cash)
    fig, axes = plt.subplots(1, len(codes), figsize=(9.5, 3.2), squeeze=False)
    for k, (ax, code) in enumerate(zip(axes[0], codes)):
        months = d.cash[code][-24:]
        values = [_amount(v, code) / 1000 for _, v in months]
        ax.bar([m for m, _ in months], values, color=_PALETTE[(k + 1) % len(_PALETTE)])
        ax.set_title(f"Cash collected per month, {code} (thousands)")
        ax.tick_params(axis="x", labelsize=7, rotation=60)
    return _svg(fig)


#: Column headings of the decision tables.
MIX_HEADERS = ("segment", "currency", "strategy", "accounts", "balance", "expected net recovery", "net-back")
QUEUE_HEADERS = (
    "rank",
    "account",
    "currency",
    "balance",
    "strategy",
    "offer",
    "expected net recovery",
    "next action",
    "allowed from (UTC)",
    "priority",
)
BLOCKED_HEADERS = ("action", "accounts blocked", "blocked by (rule: accounts)")


def mix_rows(d: DecisionSummary) -> list[list[str]]:
    """The strategy mix: segment, currency, strategy, accounts, balance, value, net-back."""
    return [
        [
            m.segment,
            m.currency,
            m.strategy,
            f"{m.accounts:,}",
            _money_text(m.balance, code=False),
            _money_text(m.expected_net_recovery, code=False),
            percent(_share(m.expected_net_recovery.minor_units, m.balance.minor_units)),
        ]
        for m in d.mix
    ]


def queue_rows(d: DecisionSummary) -> list[list[str]]:
    """The top of the work queue, highest priority first."""
    out = []
    for k, q in enumerate(d.queue, start=1):
        offer = _money_text(q.offer, code=False)
        if q.strategy == "payment_plan" and q.instalments > 1:
            offer = f"{q.instalments} x {offer}"
        out.append(
            [
                str(k),
                q.account_id,
                q.currency,
                _money_text(q.balance, code=False),
                q.strategy,
                offer,
                _money_text(q.expected_net_recovery, code=False),
                q.next_action,
                (q.next_action_at or "blocked").replace("T", " ").replace("+00:00", ""),
                f"{q.priority:,}",
            ]
        )
    return out


def blocked_rows(d: DecisionSummary) -> list[list[str]]:
    """Actions the gate blocks now: accounts, and the rules that block them."""
    return [
        [
            b.action,
            f"{b.accounts:,}",
            "; ".join(f"{rule or 'unnamed'}: {n:,}" for rule, n in b.rules[:4])
            + ("; ..." if len(b.rules) > 4 else ""),
        ]
        for b in d.blocked
    ]


def roll_rows(d: DecisionSummary) -> list[list[str]]:
    """The roll-rate matrix: from bucket (rows) to bucket (columns), with closed accounts."""
    m = d.roll_rates
    if m is None:
        return []
    rates = m.rates()
    closed = m.closed_rates()
    out = []
    for i, label in enumerate(m.labels):
        total = int(m.counts[i].sum()) + int(m.closed_counts[i])
        cells = [percent(None if r is None else Fraction(r)) for r in (*rates[i], closed[i])]
        out.append([label, f"{total:,}", *cells])
    return out


def _decision_sections(s: PortfolioSummary) -> list[str]:
    d = s.decisions
    if d is None:
        return []
    parts = [
        _figure("chart-mix", "Strategy mix by segment", _chart_mix(d), "No account was decided."),
        _table(MIX_HEADERS, mix_rows(d), "mix"),
        "<h2>Work queue: the accounts where the decision is worth most</h2>",
        "<p>Priority is the chosen strategy's expected net recovery in minor units, raised for accounts "
        "whose limitation period ends soon; the next action is the one the chosen strategy needs, at the "
        "first moment the compliance gate allows it.</p>",
        _table(QUEUE_HEADERS, queue_rows(d), "queue"),
        "<h2>Actions blocked now, and why</h2>",
    ]
    if d.blocked:
        parts.append(_table(BLOCKED_HEADERS, blocked_rows(d), "blocked"))
    else:
        parts.append('<p class="note" id="blocked-missing">The gate blocks no action on any account.</p>')
    if d.roll_rates is not None:
        labels = d.roll_rates.labels
        parts.append("<h2>Roll rates since the previous snapshot</h2>")
        parts.append(_table(["from \\ to", "accounts", *labels, "closed"], roll_rows(d), "roll-rates"))
    if d.cure_rate is not None:
        c = d.cure_rate
        parts.append(
            f"<p>Cure rate: {percent(c.value)} of the {c.in_arrears_t0:,} accounts in arrears at the "
            f"previous snapshot are current now ({c.closed:,} closed accounts left out).</p>"
        )
    if d.cash:
        parts.append(_figure("chart-cash", "Cash collected per month", _chart_cash(d), ""))
        rows = []
        for code in sorted(d.cash):
            months = d.cash[code]
            earlier = sum(v for _, v in months[:-12])
            if len(months) > 12:  # the months before the last twelve in one row: the rows still add up
                rows.append(
                    [
                        code,
                        f"before {months[-12][0]}",
                        _money_text(Money.from_minor(earlier, code), code=False),
                    ]
                )
            rows += [[code, m, _money_text(Money.from_minor(v, code), code=False)] for m, v in months[-12:]]
        parts.append(_table(["currency", "month", "collected"], rows, "cash"))
    if d.promises is not None:
        p = d.promises
        parts.append(
            f"<p>Promise-kept rate: {percent(p.value)} of the promises due by {s.as_of.isoformat()} "
            f"were kept ({p.not_yet_due:,} not yet due).</p>"
        )
    return parts


# --- HTML -----------------------------------------------------------------------------------

_CSS = """
body { font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; margin: 2rem auto; max-width: 1000px;
       color: #1d2433; padding: 0 1rem; }
h1 { margin-bottom: 0.2rem; } .sub { color: #5b6475; margin-top: 0; }
.cards { display: flex; gap: 1rem; flex-wrap: wrap; }
.card { border: 1px solid #d9dee8; border-radius: 8px; padding: 0.8rem 1rem; min-width: 12rem; }
.card b { display: block; font-size: 1.3rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; font-size: 0.9rem; }
th, td { border-bottom: 1px solid #e4e7ee; padding: 0.3rem 0.7rem; text-align: right; }
th:first-child, td:first-child { text-align: left; }
figure.chart { margin: 1rem 0 2rem; } figure.chart svg { width: 100%; height: auto; }
.note { background: #fff6e0; border-left: 4px solid #e0a800; padding: 0.5rem 0.8rem; }
footer { color: #5b6475; font-size: 0.8rem; margin-top: 3rem; }
"""


def _money_text(m: Money, *, code: bool = True) -> str:
    return f"{m.amount:,} {m.currency}" if code else f"{m.amount:,}"


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], cls: str) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in rows)
    return f'<table class="{cls}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _figure(chart_id: str, title: str, svg: str | None, missing: str) -> str:
    if svg is None:
        return (
            f'<h2>{html.escape(title)}</h2><p class="note" id="{chart_id}-missing">{html.escape(missing)}</p>'
        )
    return f'<h2>{html.escape(title)}</h2><figure class="chart" id="{chart_id}">{svg}</figure>'


#: Column headings of ``jurisdiction_rows`` and ``strategy_rows``.
JURISDICTION_HEADERS = (
    "jurisdiction",
    "currency",
    "accounts",
    "balance",
    "time-barred",
    "share",
    "barred balance",
)
STRATEGY_HEADERS = ("strategy", "currency", "accounts", "balance", "expected net recovery", "net-back")


def aging_rows(s: PortfolioSummary) -> list[list[str]]:
    """The aging table: bucket, accounts, balance per currency."""
    codes = sorted(s.aging.balances)
    return [
        [
            label,
            f"{count:,}",
            *(_money_text(Money.from_minor(s.aging.balances[c][i], c), code=False) for c in codes),
        ]
        for i, (label, count) in enumerate(zip(s.aging.labels, s.aging.counts))
    ]


def jurisdiction_rows(s: PortfolioSummary) -> list[list[str]]:
    """The jurisdiction table: currency, accounts, balance, time-barred accounts, share, balance."""
    out = []
    for j in s.jurisdictions:
        out.append(
            [
                j.jurisdiction,
                j.currency,
                f"{j.accounts:,}",
                _money_text(j.balance, code=False),
                "n/a" if j.expired is None else f"{j.expired:,}",
                percent(j.time_barred_share),
                "n/a" if j.expired_balance is None else _money_text(j.expired_balance, code=False),
            ]
        )
    return out


def strategy_rows(s: PortfolioSummary) -> list[list[str]]:
    """The strategy table: accounts, balance, expected recovery and its share of the balance."""
    return [
        [
            t.strategy,
            t.currency,
            f"{t.accounts:,}",
            _money_text(t.balance, code=False),
            _money_text(t.expected_recovery, code=False),
            percent(t.share),
        ]
        for t in s.strategies
    ]


def render_html(s: PortfolioSummary) -> str:
    """The report as one self-contained HTML document (inline CSS and SVG, no external URL)."""
    cards = [f'<div class="card">Accounts<b>{s.accounts:,}</b>{s.errors:,} with errors</div>']
    for c in s.currencies:
        cards.append(
            f'<div class="card">Balance {html.escape(c.currency)}<b>{html.escape(_money_text(c.balance))}</b>'
            f"{c.accounts:,} accounts; collected {html.escape(_money_text(c.collected))} "
            f"({percent(c.recovery)} of placed)</div>"
        )
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(s.title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{html.escape(s.title)}</h1>",
        f'<p class="sub">{html.escape(s.subtitle or "")} As of {s.as_of.isoformat()}.</p>',
        f'<div class="cards">{"".join(cards)}</div>',
    ]
    for note in s.notes:
        parts.append(f'<p class="note">{html.escape(note)}</p>')
    codes = sorted(s.aging.balances)
    parts.append(_figure("chart-aging", "Aging", _chart_aging(s), ""))
    parts.append(_table(["bucket", "accounts", *(f"balance {c}" for c in codes)], aging_rows(s), "aging"))
    parts.append(
        _figure(
            "chart-time-barred",
            "Time-barred share by jurisdiction",
            _chart_time_barred(s),
            "No limitation status to chart: no account had a jurisdiction, a debt type and a start date.",
        )
    )
    parts.append(
        _table(
            JURISDICTION_HEADERS,
            jurisdiction_rows(s),
            "jurisdictions",
        )
    )
    if s.decisions is not None:
        parts.append(
            "<p>How each strategy was chosen: every strategy the policy offers in the account's segment is "
            "valued exactly (expected net recovery, discounted, net of costs and commission); a strategy "
            "whose action the compliance gate blocks, whose discount no authority band allows or whose "
            "instalment the consumer cannot afford is refused; the most valuable of the rest is chosen "
            f"(challenger accounts, {s.decisions.challengers:,} of {s.decisions.decided:,}, try the policy's "
            "test strategy first). <code>recoup.decide.decide(...).explain()</code> shows every candidate "
            "of one account.</p>"
        )
    parts.append(
        _figure(
            "chart-strategies",
            "Expected net recovery by chosen strategy"
            if s.decisions is not None
            else "Expected recovery by strategy",
            _chart_strategies(s),
            "No strategy was valued: no account without errors had a positive balance.",
        )
    )
    if s.strategies:
        parts.append(
            _table(
                STRATEGY_HEADERS,
                strategy_rows(s),
                "strategies",
            )
        )
    if s.assumptions:
        parts.append("<h3>Assumptions of these figures</h3>")
        parts.append(_table(["assumption", "value"], [list(a) for a in s.assumptions], "assumptions"))
    parts.extend(_decision_sections(s))
    parts.append(
        _figure(
            "chart-liquidation",
            "Liquidation curves",
            _chart_liquidation(s),
            "Liquidation curves need the payment history and each account's placement date.",
        )
    )
    if s.calls:
        rows = [[k.replace("_", " "), f"{v:,}"] for k, v in s.calls.items()]
        parts.append("<h2>Contact attempts, last 30 days</h2>")
        parts.append(_table(["outcome", "calls"], rows, "calls"))
        parts.append(f"<p>Accounts called more than 7 times in the last 7 days: {s.heavily_called:,}</p>")
        if s.contact_flags:
            rows = [[label, f"{s.contact_flags.get(name, 0):,}"] for name, label in CONTACT_FLAGS]
            parts.append("<h3>US calls flagged by the contact rules</h3>")
            parts.append(_table(["flag", "calls"], rows, "contact-flags"))
    parts.append(
        "<footer>Figures are exact (whole minor units); percentages are rounded half-even to one "
        "decimal; charts are drawn from the same figures. Generated by recoup.</footer></body></html>"
    )
    return "\n".join(parts) + "\n"


def write_report(s: PortfolioSummary, path: str | pathlib.Path) -> pathlib.Path:
    """Writes ``render_html(s)`` to ``path`` (UTF-8) and returns the absolute path."""
    from ._cli_io import atomic_output

    p = pathlib.Path(path).resolve()
    html = render_html(s)
    with atomic_output(p) as tmp:  # a failed write leaves no partial report
        tmp.write_text(html, encoding="utf-8")
    return p

from ._boundary import guard_module as _guard_module  # noqa: E402

_guard_module(globals(), __all__)  # every exported function raises recoup errors with ids
