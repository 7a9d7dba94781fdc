"""Expected recovery by collection strategy for ``recoup demo``, from ``recoup.settle``.

Each strategy is an offer shape (``recoup.settle``: lump sum, instalment settlement, full-balance
plan, or the optimiser's best offer within an authority) valued per account with
``settle.value`` (NPV at a monthly discount rate, a constant monthly break hazard by stage,
contact costs), then weighted by the share of debtors expected to take it up.

The take-up shares, hazards, discount rate, costs, authority bands and affordability below are
**assumptions of the demo**, written here as data and shown in the report; they are not recoup's.
recoup supplies the exact arithmetic: every valuation is exact and rounded once (half-even) to
the minor unit, and each expected recovery is the rounded valuation times the take-up share,
rounded half-even again.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Callable

import numpy as np

from ._core import Money

if TYPE_CHECKING:
    import pandas as pd

    from .report import StrategySummary

__all__ = ["ASSUMPTIONS", "STRATEGIES", "Strategy", "hazard_for", "strategy_summaries"]

#: Monthly discount rate of every valuation.
DISCOUNT_RATE = Decimal("0.01")
#: Monthly break hazard by stage: (most days past due, hazard); time-barred debts break most.
HAZARDS: tuple[tuple[int, Decimal], ...] = ((90, Decimal("0.04")), (365, Decimal("0.08")))
LATE_HAZARD = Decimal("0.12")
TIME_BARRED_HAZARD = Decimal("0.15")
#: Contact costs: per contact (in the account's currency), contacts to agree, contacts a payment.
PER_CONTACT = Decimal("3.50")
SETUP_CONTACTS = Decimal(2)
CONTACTS_PER_PAYMENT = Decimal("0.5")
#: Affordability: the most a debtor is taken to pay a month, a share of the balance (at least 10).
AFFORDABLE_SHARE = Decimal("0.04")
AFFORDABLE_FLOOR = Decimal("10")


@dataclass(frozen=True)
class Strategy:
    """A named offer shape and the share of debtors expected to take it up (an assumption)."""

    name: str
    take_up: Decimal
    build: Callable[..., Any]  # (settle module, balance, days past due, barred=) -> Valuation | None


def _valued(offer_of: Callable[[Any, Money], Any]) -> Callable[..., Any]:
    def run(settle: Any, balance: Money, dpd: int, *, barred: bool = False) -> Any:
        costs = settle.CollectionCosts(
            per_contact=PER_CONTACT, setup_contacts=SETUP_CONTACTS, contacts_per_payment=CONTACTS_PER_PAYMENT
        )
        return settle.value(
            offer_of(settle, balance), DISCOUNT_RATE, settle.constant_hazard(hazard_for(dpd, barred)), costs
        )

    return run


def _optimised(settle: Any, balance: Money, dpd: int, *, barred: bool = False) -> Any:
    """The optimiser's best offer a supervisor may approve, within the debtor's means."""
    bands = [
        settle.AuthorityBand("agent", "0.20"),
        settle.AuthorityBand("supervisor", "0.35"),
        settle.AuthorityBand("manager", "0.50"),
    ]
    afford = balance.multiply(AFFORDABLE_SHARE, rounding="down")
    floor = Money(AFFORDABLE_FLOOR, balance.currency)
    costs = settle.CollectionCosts(
        per_contact=PER_CONTACT, setup_contacts=SETUP_CONTACTS, contacts_per_payment=CONTACTS_PER_PAYMENT
    )
    result = settle.optimise(
        balance,
        max_payment=afford if afford > floor else floor,
        authority="supervisor",
        bands=bands,
        age_days=max(dpd, 0),
        discount_rate=DISCOUNT_RATE,
        model=settle.constant_hazard(hazard_for(dpd, barred)),
        costs=costs,
        max_payments=36,
    )
    return result.best


#: The strategies the demo compares.
STRATEGIES: tuple[Strategy, ...] = (
    Strategy("lump sum at 60%", Decimal("0.10"), _valued(lambda s, b: s.lump_sum(b, "0.60"))),
    Strategy(
        "75% over 6 months", Decimal("0.18"), _valued(lambda s, b: s.instalment_settlement(b, "0.75", 6))
    ),
    Strategy(
        "full balance over 12 months", Decimal("0.12"), _valued(lambda s, b: s.full_balance_plan(b, 12))
    ),
    Strategy("best offer (optimiser)", Decimal("0.20"), _optimised),
)


def _pct(share: Decimal) -> str:
    """An exact share as a percentage without trailing zeros (0.04 -> "4%", 0.035 -> "3.5%")."""
    value = share * 100
    text = str(int(value)) if value == value.to_integral_value() else format(value.normalize(), "f")
    return f"{text}%"


#: The assumptions, as (what, value) rows for the report.
ASSUMPTIONS: tuple[tuple[str, str], ...] = (
    *((f"take-up: {s.name}", f"{_pct(s.take_up)} of debtors") for s in STRATEGIES),
    ("discount rate", f"{_pct(DISCOUNT_RATE)} a month"),
    (
        "monthly break hazard",
        f"{_pct(HAZARDS[0][1])} up to 90 days past due, {_pct(HAZARDS[1][1])} up to 365, "
        f"{_pct(LATE_HAZARD)} later, {_pct(TIME_BARRED_HAZARD)} when time-barred",
    ),
    (
        "contact costs",
        f"{PER_CONTACT} a contact; {SETUP_CONTACTS} to agree, {CONTACTS_PER_PAYMENT} a payment",
    ),
    (
        "affordability (optimiser)",
        f"{_pct(AFFORDABLE_SHARE)} of the balance a month, at least {AFFORDABLE_FLOOR}",
    ),
    ("authority (optimiser)", "supervisor: up to 35% off (agent 20%, manager 50%)"),
)


def hazard_for(days_past_due: int, time_barred: bool = False) -> Decimal:
    """The monthly break hazard the demo assumes for an account."""
    if time_barred:
        return TIME_BARRED_HAZARD
    for most, hazard in HAZARDS:
        if days_past_due <= most:
            return hazard
    return LATE_HAZARD


def strategy_summaries(
    results: pd.DataFrame, as_of: datetime.date, progress: Callable[[int, int], None] | None = None
) -> tuple[list[StrategySummary], str | None]:
    """Expected recovery by strategy and currency over the accounts without errors (and no
    note); ``progress(done, total)`` is called after each strategy and currency."""
    from . import settle
    from .report import StrategySummary

    good = results[results["error"].isna()]
    codes = good["currency"].to_numpy(dtype=object)
    balance = good["balance_minor"].to_numpy(dtype=np.int64, na_value=0)
    dpd = good["days_past_due"].to_numpy(dtype=np.int64, na_value=0)
    barred = (
        good["time_barred"].to_numpy(dtype=bool, na_value=False)
        if "time_barred" in good.columns
        else np.zeros(len(good), dtype=bool)
    )
    out: list[StrategySummary] = []
    total = len(STRATEGIES) * int(np.count_nonzero(balance > 0))
    done = 0
    for strategy in STRATEGIES:
        for code in sorted(set(codes.tolist())):
            rows = np.flatnonzero((codes == code) & (balance > 0))
            expected = 0
            for i in rows.tolist():
                owed = Money.from_minor(int(balance[i]), code)
                valuation = strategy.build(settle, owed, int(dpd[i]), barred=bool(barred[i]))
                if valuation is None:
                    continue  # the optimiser found no offer within the authority
                net = valuation.expected_net
                expected += net.multiply(strategy.take_up, rounding="half_even").minor_units
            done += len(rows)
            if progress is not None:
                progress(done, total)
            out.append(
                StrategySummary(
                    strategy.name,
                    code,
                    len(rows),
                    Money.from_minor(expected, code),
                    Money.from_minor(int(balance[rows].sum()), code),
                )
            )
    return out, None
