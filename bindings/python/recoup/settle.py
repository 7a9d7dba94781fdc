"""Settlement offers, authority, NPV and expected recovery; income and expenditure, affordability.

Offers are exact to the cent, and every lossy step names its rounding:

    >>> from recoup import Money, settle
    >>> offer = settle.lump_sum(Money("4000.00", "USD"), "0.60")
    >>> offer.settled, offer.forgiven
    (Money('2400.00', 'USD'), Money('1600.00', 'USD'))
    >>> plan = settle.full_balance_plan(Money("300.00", "USD"), 3)
    >>> v = settle.value(plan, "0", settle.constant_hazard("0.1"))
    >>> v.npv, v.expected_net
    (Money('300.00', 'USD'), Money('243.90', 'USD'))

Who may approve an offer is data the caller supplies (lowest authority first):

    >>> bands = [settle.AuthorityBand("agent", "0.20", max_balance=Money("5000.00", "USD"), max_age_days=180),
    ...          settle.AuthorityBand("supervisor", "0.35"), settle.AuthorityBand("manager", "0.50")]
    >>> settle.approve(offer, bands, age_days=90).level
    'manager'

Affordability, in the spirit of the UK Standard Financial Statement:

    >>> s = settle.statement([settle.Item("income", "earnings", Money("450.00", "GBP"), "weekly"),
    ...                       settle.Item("fixed_cost", "rent", Money("700.00", "GBP"))])
    >>> s.disposable
    Money('1250.00', 'GBP')

Probabilities, rates and fractions are exact: pass ``str``, ``int`` or ``decimal.Decimal``; a float
raises ``recoup.FloatInputError``. Whether a forgiven amount must be reported (IRS Form 1099-C) is
decided by the rules layer, which fills ``Offer.forgiveness_report``; this module never decides it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence, Union

import numpy as np
import numpy.typing as npt

from . import _core
from ._core import Money

if TYPE_CHECKING:
    import pandas as pd

    from .plan import Schedule

__all__ = [
    "FREQUENCIES",
    "SECTIONS",
    "AuthorityBand",
    "AuthorityDecision",
    "BreakEven",
    "BreakModel",
    "Candidate",
    "CollectionCosts",
    "DebtManagementPlan",
    "Item",
    "Offer",
    "Optimisation",
    "SensitivityGrid",
    "Share",
    "Statement",
    "StatementLine",
    "Valuation",
    "approve",
    "break_even",
    "categories",
    "constant_hazard",
    "debt_management_plan",
    "forgiven_amount",
    "from_schedule",
    "full_balance_plan",
    "instalment_settlement",
    "lump_sum",
    "npv",
    "optimise",
    "sensitivity",
    "statement",
    "survival_curve",
    "value",
    "within_authority",
]

#: Untyped handle on the compiled module (its stubs are generated separately).
_k: Any = _core

ExactLike = Union[Decimal, int, str]
AmountLike = Union[Money, Decimal, int, str]
DateLike = Union[date, str]

#: Sections of an income and expenditure statement.
SECTIONS = ("income", "fixed_cost", "flexible_cost", "priority_debt")
#: Frequencies an item may have; each is normalised to monthly exactly (weekly * 52 / 12, ...).
FREQUENCIES = ("weekly", "fortnightly", "four_weekly", "monthly", "yearly")


# --- offers ------------------------------------------------------------------------------------


class Offer:
    """A settlement offer: the balance, the payments that settle it, and the forgiven amount.

    ``payments`` is a list of ``(period, amount, due_date)``: period 0 is now, 1 one period from
    now; ``due_date`` is ``None`` unless a first due date was given. ``forgiveness_report`` is the
    hook for the rules layer (for example the 26 U.S.C. 6050P / Form 1099-C check): ``None`` until
    that layer fills it with ``attach_forgiveness_report``.
    """

    __slots__ = ("_o", "forgiveness_report")

    def __init__(self, compiled: Any) -> None:
        self._o = compiled
        self.forgiveness_report: Any = None

    @property
    def kind(self) -> str:
        """One of "lump_sum", "instalment_settlement", "full_balance_plan", "schedule_plan"."""
        k: str = self._o.kind
        return k

    @property
    def balance(self) -> Money:
        m: Money = self._o.balance
        return m

    @property
    def settled(self) -> Money:
        """The sum of the payments."""
        m: Money = self._o.settled
        return m

    @property
    def forgiven(self) -> Money:
        """balance - settled (zero when the payments reach the balance)."""
        m: Money = self._o.forgiven
        return m

    @property
    def payments(self) -> list[tuple[int, Money, date | None]]:
        p: list[tuple[int, Money, date | None]] = self._o.payments
        return p

    @property
    def frequency(self) -> str:
        """The period of the payments ("monthly"); empty for a lump sum."""
        f: str = self._o.frequency
        return f

    def discount(self, places: int = 6, rounding: str = "half_even") -> Decimal:
        """forgiven ÷ balance, rounded to ``places`` with ``rounding`` (0.4 for 40% off)."""
        d: Decimal = self._o.discount(places, rounding)
        return d

    def attach_forgiveness_report(self, report: Any) -> None:
        """Records the rules layer's verdict on the forgiven amount (e.g. a 1099-C verdict)."""
        self.forgiveness_report = report

    def report_forgiveness(
        self,
        filed_on: date,
        *,
        event: str = "agreement",
        applicable_financial_entity: bool = True,
    ) -> Any:
        """Judges the forgiven amount with the rules layer's Form 1099-C check (26 U.S.C. 6050P,
        26 CFR 1.6050P-1: an identifiable event and $600.00 or more), attaches the verdict and
        returns it. An accepted settlement is an agreement (event F); a lender that is not an
        applicable entity passes ``applicable_financial_entity=False``. USD offers only.

            >>> o = lump_sum(Money("4000.00", "USD"), "0.60")
            >>> o.report_forgiveness(date(2027, 1, 31)).required
            True
        """
        verdict = _k._report_forgiveness(self._o, filed_on, event, applicable_financial_entity)
        self.forgiveness_report = verdict
        return verdict

    def explain(self) -> str:
        """How the amounts were derived, each rounding with its mode, and the forgiven amount."""
        text: str = self._o.explain()
        if self.forgiveness_report is not None:
            text += f"  forgiveness report attached by the rules layer: {self.forgiveness_report!r}\n"
        return text

    def __repr__(self) -> str:
        return (
            f"Offer(kind='{self.kind}', balance={self.balance}, settled={self.settled}, "
            f"forgiven={self.forgiven}, payments={len(self.payments)})"
        )


def _balance(balance: Money) -> Money:
    if not isinstance(balance, Money):
        raise TypeError(
            "balance must be a recoup.Money (it carries the currency), e.g. Money('1000.00', 'USD')"
        )
    return balance


def lump_sum(
    balance: Money, fraction: ExactLike, *, minimum: AmountLike | None = None, rounding: str = "half_up"
) -> Offer:
    """A lump sum now of ``balance * fraction`` (``fraction`` paid, 0 < fraction <= 1).

    The product is rounded to the minor unit with ``rounding``, raised to ``minimum`` when given,
    never above the balance. Errors: ``settle.balance``, ``settle.fraction``, ``settle.minimum``.
    """
    return Offer(_k._settle_lump_sum(_balance(balance), fraction, minimum, rounding))


def instalment_settlement(
    balance: Money,
    fraction: ExactLike,
    payments: int,
    frequency: Any = "monthly",
    *,
    first_due: DateLike | None = None,
    rounding: str = "half_up",
    remainder: str = "largest_remainder",
) -> Offer:
    """``balance * fraction`` (rounded with ``rounding``) in ``payments`` instalments.

    The split uses the library's allocation (parts differ by at most one minor unit and add up
    exactly; ``remainder`` says which get the extra unit); payments fall at periods 1..k of
    ``frequency``, with due dates from ``first_due`` when given.
    """
    return Offer(
        _k._settle_instalments(
            _balance(balance), fraction, payments, frequency, first_due, rounding, remainder
        )
    )


def full_balance_plan(
    balance: Money,
    payments: int,
    frequency: Any = "monthly",
    *,
    first_due: DateLike | None = None,
    remainder: str = "largest_remainder",
) -> Offer:
    """The whole balance in ``payments`` instalments (no discount), split as above."""
    return Offer(_k._settle_full_balance(_balance(balance), payments, frequency, first_due, remainder))


def from_schedule(balance: Money, schedule: Schedule) -> Offer:
    """A plan offer from a ``recoup.plan`` schedule: row k is paid at period k."""
    return Offer(_k._settle_from_schedule(_balance(balance), schedule._s))


def forgiven_amount(balance: Money, settled: AmountLike) -> Money:
    """balance - settled; ``settle.settled_range`` unless 0 <= settled <= balance."""
    m: Money = _k._settle_forgiven(_balance(balance), settled)
    return m


# --- authority ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class AuthorityBand:
    """One authority band: ``level`` may approve a discount up to ``max_discount`` (inclusive)
    on balances under ``max_balance`` and accounts aged under ``max_age_days`` (both strict),
    with at most ``max_payments`` payments. Unset conditions do not restrict."""

    level: str
    max_discount: ExactLike
    max_balance: AmountLike | None = None
    max_age_days: int | None = None
    max_payments: int | None = None


class AuthorityDecision:
    """Who may approve an offer: ``level`` (``None`` when nobody) and ``explain()``."""

    __slots__ = ("_d",)

    def __init__(self, compiled: Any) -> None:
        self._d = compiled

    @property
    def approvable(self) -> bool:
        a: bool = self._d.approvable
        return a

    @property
    def level(self) -> str | None:
        level: str | None = self._d.level
        return level

    @property
    def band_index(self) -> int | None:
        i: int | None = self._d.band_index
        return i

    def explain(self) -> str:
        """Each band checked, and the condition that failed."""
        text: str = self._d.explain()
        return text

    def __bool__(self) -> bool:
        return self.approvable

    def __repr__(self) -> str:
        return f"AuthorityDecision(approvable={self.approvable}, level={self.level!r})"


def approve(offer: Offer, bands: Sequence[AuthorityBand], *, age_days: int) -> AuthorityDecision:
    """The first band (lowest authority first) that covers ``offer``."""
    return AuthorityDecision(_k._settle_approve(offer._o, list(bands), age_days))


def within_authority(offer: Offer, bands: Sequence[AuthorityBand], level: str, *, age_days: int) -> bool:
    """Whether a holder of ``level`` may approve ``offer``."""
    ok: bool = _k._settle_within_authority(offer._o, list(bands), level, age_days)
    return ok


# --- break models and costs ----------------------------------------------------------------------


class BreakModel:
    """How a plan breaks: survival(t) is the probability the payment at period t is made."""

    __slots__ = ("_m",)

    def __init__(self, compiled: Any) -> None:
        self._m = compiled

    def describe(self) -> str:
        text: str = self._m.describe()
        return text

    def __repr__(self) -> str:
        return f"BreakModel({self.describe()!r})"


def constant_hazard(hazard: ExactLike) -> BreakModel:
    """Breaks with probability ``hazard`` each period: survival(t) = (1 - hazard)^t.

    ``settle.hazard_range`` unless 0 <= hazard <= 1.
    """
    return BreakModel(_k._settle_hazard(hazard))


def survival_curve(survival: Iterable[ExactLike]) -> BreakModel:
    """The caller's survival curve: ``survival[0]`` for period 1, ``survival[1]`` for period 2, ...

    Values in 0..1, never rising; a plan longer than the curve is an error.
    """
    return BreakModel(_k._settle_curve(list(survival)))


_NO_BREAK: Any = None


def _model(model: BreakModel | None) -> Any:
    global _NO_BREAK
    if model is not None:
        return model._m
    if _NO_BREAK is None:
        _NO_BREAK = _k._settle_hazard(0)
    return _NO_BREAK


@dataclass(frozen=True)
class CollectionCosts:
    """The cost to collect: ``per_contact`` * expected contacts (``setup_contacts`` now plus
    ``contacts_per_payment`` per payment while the plan pays), ``legal`` costs now, and agency
    ``commission`` as a fraction of every amount recovered (0 <= commission < 1). Plain amounts
    are read in the offer's currency."""

    per_contact: AmountLike | None = None
    setup_contacts: ExactLike = 0
    contacts_per_payment: ExactLike = 0
    legal: AmountLike | None = None
    commission: ExactLike = 0

    def _args(self) -> tuple[Any, ...]:
        return (self.per_contact, self.setup_contacts, self.contacts_per_payment, self.legal, self.commission)


_NO_COSTS = CollectionCosts()


# --- valuation -----------------------------------------------------------------------------------


class Valuation:
    """An offer's NPV and expected net recovery, with ``explain()``.

    ``expected_net = expected_gross - commission - contact_costs - legal``, each figure rounded
    once from an exact fraction with ``rounding``, so the statement adds up to the cent.
    """

    __slots__ = ("_source", "_v")

    def __init__(self, compiled: Any, source: Offer | None = None) -> None:
        self._v = compiled
        self._source = source

    @property
    def offer(self) -> Offer:
        """The offer valued, with the forgiveness report it carried (``report_forgiveness``)."""
        o = Offer(self._v.offer)
        if self._source is not None:
            o.forgiveness_report = self._source.forgiveness_report
        else:
            o.forgiveness_report = self._v.offer.reporting
        return o

    @property
    def discount_rate(self) -> Decimal:
        d: Decimal = self._v.discount_rate
        return d

    @property
    def npv(self) -> Money:
        """Σ a_t v^t: no breaking, no costs."""
        m: Money = self._v.npv
        return m

    @property
    def expected_gross(self) -> Money:
        """Σ a_t survival(t) v^t."""
        m: Money = self._v.expected_gross
        return m

    @property
    def commission(self) -> Money:
        m: Money = self._v.commission
        return m

    @property
    def contact_costs(self) -> Money:
        m: Money = self._v.contact_costs
        return m

    @property
    def legal(self) -> Money:
        m: Money = self._v.legal
        return m

    @property
    def expected_net(self) -> Money:
        m: Money = self._v.expected_net
        return m

    @property
    def expected_contacts(self) -> Decimal:
        """Undiscounted expected contacts, rounded half_even to 6 places."""
        d: Decimal = self._v.expected_contacts
        return d

    @property
    def completion_probability(self) -> Decimal:
        """Survival at the last payment, rounded half_even to 12 places."""
        d: Decimal = self._v.completion_probability
        return d

    def explain(self) -> str:
        """Inputs, each formula with its figures, and the rule of each rounding."""
        text: str = self._v.explain()
        return text

    def __repr__(self) -> str:
        return f"Valuation(npv={self.npv}, expected_net={self.expected_net})"


def value(
    offer: Offer,
    discount_rate: ExactLike,
    model: BreakModel | None = None,
    costs: CollectionCosts | None = None,
    *,
    rounding: str = "half_even",
) -> Valuation:
    """Values ``offer`` at ``discount_rate`` per period of the offer (>= 0).

    ``model`` defaults to no breaking, ``costs`` to none. Errors: ``settle.discount_rate``,
    ``settle.survival_too_short``, ``settle.costs``, ``settle.commission_range``.
    """
    c = costs or _NO_COSTS
    return Valuation(
        _k._settle_value(offer._o, discount_rate, _model(model), *c._args(), rounding), offer
    )


def npv(offer: Offer, discount_rate: ExactLike, *, rounding: str = "half_even") -> Money:
    """The offer's NPV alone (no breaking, no costs): at a rate of 0 it is the total."""
    return value(offer, discount_rate, rounding=rounding).npv


class BreakEven:
    """The lump-sum fraction of the balance whose net value equals the plan's expected net."""

    __slots__ = ("_b",)

    def __init__(self, compiled: Any) -> None:
        self._b = compiled

    @property
    def fraction(self) -> Decimal:
        """f, rounded up (ceiling) so a lump sum at f never loses to the plan."""
        d: Decimal = self._b.fraction
        return d

    @property
    def discount(self) -> Decimal:
        """1 - f."""
        d: Decimal = self._b.discount
        return d

    @property
    def lump_sum(self) -> Money:
        """balance * f, rounded up to the minor unit."""
        m: Money = self._b.lump_sum
        return m

    @property
    def plan(self) -> Valuation:
        return Valuation(self._b.plan)

    def explain(self) -> str:
        text: str = self._b.explain()
        return text

    def __repr__(self) -> str:
        return (
            f"BreakEven(fraction=Decimal('{self.fraction}'), discount=Decimal('{self.discount}'), "
            f"lump_sum={self.lump_sum})"
        )


def break_even(
    plan: Offer,
    discount_rate: ExactLike,
    model: BreakModel | None = None,
    costs: CollectionCosts | None = None,
    *,
    places: int = 4,
) -> BreakEven:
    """The break-even lump-sum discount of ``plan`` (``places`` 0..12)."""
    c = costs or _NO_COSTS
    return BreakEven(_k._settle_break_even(plan._o, discount_rate, _model(model), *c._args(), places))


@dataclass(frozen=True)
class Candidate:
    """One offer the optimiser considered, whether it was allowed, and why not."""

    valuation: Valuation
    allowed: bool
    reason: str


class Optimisation:
    """The offer with the largest expected net recovery (``best``) and every ``candidate``."""

    __slots__ = ("_r",)

    def __init__(self, compiled: Any) -> None:
        self._r = compiled

    @property
    def best(self) -> Valuation | None:
        b = self._r.best
        return None if b is None else Valuation(b)

    @property
    def candidates(self) -> list[Candidate]:
        return [Candidate(Valuation(c.valuation), bool(c.allowed), str(c.reason)) for c in self._r.candidates]

    def explain(self) -> str:
        text: str = self._r.explain()
        return text

    def __repr__(self) -> str:
        b = self.best
        best = (
            "None" if b is None else f"{b.offer.kind} x{len(b.offer.payments)}, expected_net={b.expected_net}"
        )
        return f"Optimisation(best={best}, candidates={len(self._r.candidates)})"


def optimise(
    balance: Money,
    *,
    max_payment: AmountLike,
    authority: str,
    bands: Sequence[AuthorityBand],
    age_days: int,
    discount_rate: ExactLike,
    model: BreakModel | None = None,
    costs: CollectionCosts | None = None,
    max_lump_sum: AmountLike | None = None,
    minimum_settlement: AmountLike | None = None,
    max_payments: int = 60,
    frequency: Any = "monthly",
    first_due: DateLike | None = None,
    rounding: str = "half_even",
) -> Optimisation:
    """The offer that maximises expected net recovery within ``authority`` and the debtor's means.

    Candidates: a lump sum now of min(balance, ``max_lump_sum`` or ``max_payment``), then k
    payments of at most ``max_payment`` (k = 2 .. ``max_payments``) settling
    min(balance, k * max_payment), stopping at the first that reaches the balance. A tie goes to
    fewer payments.
    """
    c = costs or _NO_COSTS
    return Optimisation(
        _k._settle_optimise(
            _balance(balance),
            age_days,
            list(bands),
            authority,
            max_payment,
            max_lump_sum,
            minimum_settlement,
            max_payments,
            frequency,
            first_due,
            discount_rate,
            _model(model),
            *c._args(),
            rounding,
        )
    )


class SensitivityGrid:
    """Expected net recovery over discount rates (rows) * constant hazards (columns)."""

    __slots__ = ("_t",)

    def __init__(self, compiled: Any) -> None:
        self._t = compiled

    @property
    def rates(self) -> list[Decimal]:
        r: list[Decimal] = self._t.rates
        return r

    @property
    def hazards(self) -> list[Decimal]:
        h: list[Decimal] = self._t.hazards
        return h

    @property
    def minor_units(self) -> npt.NDArray[np.int64]:
        """A 2-D int64 array of minor units, one row per rate."""
        a: npt.NDArray[np.int64] = self._t.minor_units
        return a

    def at(self, rate_index: int, hazard_index: int) -> Money:
        m: Money = self._t.at(rate_index, hazard_index)
        return m

    def to_pandas(self, *, minor_units: bool = False) -> pd.DataFrame:
        """A DataFrame indexed by discount rate with one column per hazard (exact ``Decimal``
        amounts, or int64 minor units with ``minor_units=True``) — ready for a heatmap."""
        import pandas as pd

        cells = self.minor_units
        places = self._t.currency.minor_units
        if minor_units:
            data: Any = cells
        else:
            data = [[Decimal(int(v)).scaleb(-places) for v in row] for row in cells]
        frame = pd.DataFrame(data, index=pd.Index(self.rates, name="discount_rate"), columns=self.hazards)
        frame.columns.name = "hazard"
        return frame

    def explain(self) -> str:
        text: str = self._t.explain()
        return text

    def __repr__(self) -> str:
        return f"SensitivityGrid({len(self.rates)} rates x {len(self.hazards)} hazards)"


def sensitivity(
    offer: Offer,
    rates: Iterable[ExactLike],
    hazards: Iterable[ExactLike],
    costs: CollectionCosts | None = None,
    *,
    rounding: str = "half_even",
) -> SensitivityGrid:
    """One exact valuation per (rate, hazard) cell; the GIL is released while it runs."""
    c = costs or _NO_COSTS
    return SensitivityGrid(_k._settle_sensitivity(offer._o, list(rates), list(hazards), *c._args(), rounding))


# --- affordability --------------------------------------------------------------------------------


def categories(section: str) -> tuple[str, ...]:
    """The categories ``section`` accepts (for example ``categories("income")``)."""
    return tuple(_k._affordability_categories(section))


@dataclass(frozen=True)
class Item:
    """One line of an income and expenditure statement: ``section`` (see ``SECTIONS``), a
    ``category`` from ``categories(section)``, an ``amount`` and its ``frequency``."""

    section: str
    category: str
    amount: AmountLike
    frequency: str = "monthly"
    label: str = ""


class StatementLine:
    """An item and its monthly equivalent, with the ``rule`` that produced it."""

    __slots__ = ("_l",)

    def __init__(self, compiled: Any) -> None:
        self._l = compiled

    @property
    def section(self) -> str:
        s: str = self._l.section
        return s

    @property
    def category(self) -> str:
        s: str = self._l.category
        return s

    @property
    def label(self) -> str:
        s: str = self._l.label
        return s

    @property
    def frequency(self) -> str:
        s: str = self._l.frequency
        return s

    @property
    def amount(self) -> Money:
        m: Money = self._l.amount
        return m

    @property
    def monthly(self) -> Money:
        m: Money = self._l.monthly
        return m

    @property
    def rule(self) -> str:
        s: str = self._l.rule
        return s

    def __repr__(self) -> str:
        return (
            f"StatementLine({self.section}/{self.category}: {self.amount} {self.frequency} "
            f"-> {self.monthly} monthly)"
        )


class Statement:
    """Monthly income, fixed and flexible costs, priority debts and disposable income."""

    __slots__ = ("_s",)

    def __init__(self, compiled: Any) -> None:
        self._s = compiled

    @property
    def lines(self) -> list[StatementLine]:
        return [StatementLine(x) for x in self._s.lines]

    def _money(self, name: str) -> Money:
        m: Money = getattr(self._s, name)
        return m

    @property
    def income(self) -> Money:
        return self._money("income")

    @property
    def fixed_costs(self) -> Money:
        return self._money("fixed_costs")

    @property
    def flexible_costs(self) -> Money:
        return self._money("flexible_costs")

    @property
    def priority_debts(self) -> Money:
        return self._money("priority_debts")

    @property
    def outgoings(self) -> Money:
        return self._money("outgoings")

    @property
    def disposable(self) -> Money:
        """income - outgoings, monthly (may be negative)."""
        return self._money("disposable")

    @property
    def no_disposable_income(self) -> bool:
        """True when disposable income is zero or negative."""
        b: bool = self._s.no_disposable_income
        return b

    def explain(self) -> str:
        text: str = self._s.explain()
        return text

    def to_pandas(self) -> pd.DataFrame:
        """One row per item: section, category, label, frequency, amount and monthly (Decimal)."""
        import pandas as pd

        return pd.DataFrame(
            [
                {
                    "section": x.section,
                    "category": x.category,
                    "label": x.label,
                    "frequency": x.frequency,
                    "amount": x.amount.amount,
                    "monthly": x.monthly.amount,
                }
                for x in self.lines
            ]
        )

    def __repr__(self) -> str:
        return f"Statement(income={self.income}, outgoings={self.outgoings}, disposable={self.disposable})"


def statement(items: Iterable[Item], *, currency: str | None = None, rounding: str = "half_up") -> Statement:
    """Builds a statement; each item is made monthly exactly and rounded once with ``rounding``.

    ``currency`` defaults to the first ``Money`` amount's; plain amounts are read in it. Errors:
    ``affordability.category``, ``affordability.amount``, ``affordability.section``,
    ``affordability.frequency``.
    """
    its = list(items)
    ccy: Any = currency
    if ccy is None:
        for it in its:
            if isinstance(it.amount, Money):
                ccy = it.amount.currency
                break
    if ccy is None:
        raise TypeError("statement: give currency= or at least one Money amount")
    return Statement(_k._affordability_statement(its, ccy, rounding))


class Share:
    """One creditor's monthly payment and plan length (``months`` is None when it gets nothing)."""

    __slots__ = ("_s",)

    def __init__(self, compiled: Any) -> None:
        self._s = compiled

    @property
    def name(self) -> str:
        s: str = self._s.name
        return s

    @property
    def balance(self) -> Money:
        m: Money = self._s.balance
        return m

    @property
    def payment(self) -> Money:
        m: Money = self._s.payment
        return m

    @property
    def months(self) -> int | None:
        n: int | None = self._s.months
        return n

    def __repr__(self) -> str:
        return f"Share({self.name!r}, payment={self.payment}, months={self.months})"


class DebtManagementPlan:
    """Disposable income shared pro rata to balances; ``distributed + undistributed`` is the
    disposable income to the cent."""

    __slots__ = ("_p",)

    def __init__(self, compiled: Any) -> None:
        self._p = compiled

    @property
    def shares(self) -> list[Share]:
        return [Share(s) for s in self._p.shares]

    @property
    def disposable(self) -> Money:
        m: Money = self._p.disposable
        return m

    @property
    def distributed(self) -> Money:
        m: Money = self._p.distributed
        return m

    @property
    def undistributed(self) -> Money:
        m: Money = self._p.undistributed
        return m

    @property
    def months(self) -> int | None:
        """The longest creditor plan in months; None when a creditor gets nothing."""
        n: int | None = self._p.months
        return n

    @property
    def too_long(self) -> bool:
        """Longer than ``max_months`` (a policy threshold, not a rule)."""
        b: bool = self._p.too_long
        return b

    @property
    def no_disposable_income(self) -> bool:
        b: bool = self._p.no_disposable_income
        return b

    def explain(self) -> str:
        text: str = self._p.explain()
        return text

    def to_pandas(self) -> pd.DataFrame:
        """One row per creditor: name, balance, payment (Decimal) and months."""
        import pandas as pd

        return pd.DataFrame(
            [
                {"name": s.name, "balance": s.balance.amount, "payment": s.payment.amount, "months": s.months}
                for s in self.shares
            ]
        )

    def __repr__(self) -> str:
        return f"DebtManagementPlan(shares={self.shares!r}, months={self.months}, too_long={self.too_long})"


def debt_management_plan(
    disposable: Money | Statement,
    creditors: Mapping[str, AmountLike] | Sequence[tuple[str, AmountLike]],
    *,
    max_months: int = 84,
    remainder: str = "largest_remainder",
) -> DebtManagementPlan:
    """Shares the monthly ``disposable`` income (or a ``Statement``'s) among non-priority
    ``creditors`` pro rata to their balances with the library's allocation.

    ``max_months`` (default 84, seven years) is a policy choice of this library, not a rule:
    plans longer than it are flagged ``too_long``.
    """
    amount = disposable.disposable if isinstance(disposable, Statement) else disposable
    pairs = list(creditors.items()) if isinstance(creditors, Mapping) else list(creditors)
    return DebtManagementPlan(_k._affordability_dmp(amount, pairs, max_months, remainder))

from ._boundary import guard_module as _guard_module  # noqa: E402

_guard_module(globals(), __all__)  # every exported function raises recoup errors with ids
