"""Repayment schedules, exact to the cent, on the dates they fall due; APR and rate solving.

Schedules are below; APR (Reg Z Appendix J, UK CONC App 1), IRR/XIRR, numpy-financial-shaped
time-value functions and rate/term solving come from ``recoup._rates`` and are re-exported
here (``plan.apr``, ``plan.xirr``, ``plan.pmt``, ``plan.solve_rate``, ...).

    >>> from datetime import date
    >>> from recoup import Money, plan
    >>> s = plan.level_payment(Money("10000.00", "USD"), "0.06", 12, first_due=date(2025, 1, 31))
    >>> s.regular_payment, s.rows[-1].payment
    (Money('860.66', 'USD'), Money('860.70', 'USD'))
    >>> [str(r.due_date) for r in s.rows[:3]]
    ['2025-01-31', '2025-02-28', '2025-03-31']
    >>> s.total_principal == Money("10000.00", "USD")
    True

The most common collections arrangement, interest-free instalments for arrears:

    >>> gbp = Money("1200.00", "GBP")
    >>> a = plan.arrears_arrangement(gbp, Money("50.00", "GBP"), first_due=date(2026, 1, 15))
    >>> a.instalments, a.final_due_date
    (24, datetime.date(2027, 12, 15))

Every schedule ends at a balance of exactly zero, its rows add up to its totals, and every
rounding decision is recorded in ``adjustments`` and told by ``explain()``.

Shapes: ``level_payment`` (annuity), ``level_principal``, ``interest_only`` (balloon),
``fixed_instalment`` (term derived), ``graduated`` (step payments), ``custom``; see
``schedule()`` for every option (down payment, grace on principal, payment holidays, odd first
period, balloon, fees, payment rounding to a multiple with the residue first or last, business
day adjustment, daily interest under a day-count convention).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Iterator, Sequence, Union

import numpy as np
import numpy.typing as npt

from . import _core
from ._core import (
    AccrualResult,
    AccrualSegment,
    Allocation,
    Charge,
    Frequency,
    Money,
    ScheduleAdjustment,
    ScheduleRow,
    WaterfallPolicy,
    WaterfallResult,
)
from ._monitor import (
    STATUS_CODES,
    ArrearsNoticeResult,
    InstalmentStatus,
    MonitorBatch,
    MonitorEvent,
    MonitorPolicy,
    MonitorResult,
    PromiseResult,
    RescheduleRecord,
    cca_arrears_notice,
    check_promise,
    monitor,
    monitor_instalments,
    monitor_plans,
    reschedule,
    reschedule_amount,
)
from ._rates import (
    AprFlow,
    AprResult,
    AprToleranceVerdict,
    apr,
    apr_details,
    apr_tolerance_check,
    disclosed_apr,
    fv,
    ipmt,
    irr,
    irr_all,
    nper,
    npv,
    pmt,
    ppmt,
    pv,
    rate,
    solve_rate,
    solve_term,
    xirr,
    xirr_all,
    xnpv,
)

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

__all__ = [
    "SHAPES",
    "STATUS_CODES",
    "WATERFALL_PRESETS",
    "AccrualResult",
    "AccrualSegment",
    "Allocation",
    "AprFlow",
    "AprResult",
    "AprToleranceVerdict",
    "ArrearsNoticeResult",
    "Charge",
    "Frequency",
    "InstalmentStatus",
    "MonitorBatch",
    "MonitorEvent",
    "MonitorPolicy",
    "MonitorResult",
    "PromiseResult",
    "RescheduleRecord",
    "Schedule",
    "ScheduleAdjustment",
    "ScheduleBatch",
    "ScheduleRow",
    "WaterfallPolicy",
    "WaterfallResult",
    "accrue",
    "apply_payments",
    "apr",
    "apr_details",
    "apr_tolerance_check",
    "arrears_arrangement",
    "build_schedules",
    "cca_arrears_notice",
    "charges_from_schedule",
    "check_promise",
    "custom",
    "disclosed_apr",
    "due_dates",
    "explain_waterfall",
    "fixed_instalment",
    "fv",
    "graduated",
    "interest_only",
    "ipmt",
    "irr",
    "irr_all",
    "late_fee",
    "level_payment",
    "level_principal",
    "monitor",
    "monitor_instalments",
    "monitor_plans",
    "nper",
    "npv",
    "pmt",
    "ppmt",
    "pv",
    "rate",
    "reschedule",
    "reschedule_amount",
    "reverse_payment",
    "schedule",
    "solve_rate",
    "solve_term",
    "xirr",
    "xirr_all",
    "xnpv",
]

RateLike = Union[Decimal, int, str]
AmountLike = Union[Money, Decimal, int, str]
DateLike = Union[date, str]

SHAPES = ("level_payment", "level_principal", "interest_only", "fixed_instalment", "graduated", "custom")


def _decimal_column(minor: npt.NDArray[np.int64], places: int) -> list[Decimal]:
    return [Decimal(int(v)).scaleb(-places) for v in minor]


class Schedule:
    """A repayment schedule: ``rows``, totals, ``adjustments`` and ``explain()``.

    Amounts are ``Money``; ``to_pandas()`` and ``to_arrow()`` give exact Decimal columns
    (or int64 minor units with ``minor_units=True``).
    """

    __slots__ = ("_s",)

    def __init__(self, compiled: _core.Schedule) -> None:
        self._s = compiled

    @property
    def rows(self) -> list[ScheduleRow]:
        return self._s.rows

    @property
    def regular_payment(self) -> Money:
        """The regular instalment before first/last adjustments (fees excluded)."""
        return self._s.regular_payment

    @property
    def adjustments(self) -> list[ScheduleAdjustment]:
        return self._s.adjustments

    @property
    def instalments(self) -> int:
        return self._s.instalments

    @property
    def total_payment(self) -> Money:
        return self._s.total_payment

    @property
    def total_interest(self) -> Money:
        return self._s.total_interest

    @property
    def total_principal(self) -> Money:
        return self._s.total_principal

    @property
    def total_fees(self) -> Money:
        return self._s.total_fees

    @property
    def final_due_date(self) -> date:
        return self._s.final_due_date

    def explain(self) -> str:
        """A plain-English account of the terms, conventions, roundings and totals."""
        return self._s.explain()

    def columns(self) -> dict[str, npt.NDArray[Any]]:
        """Columns of int64 minor units and ``datetime64[D]`` due dates."""
        return dict(self._s._columns())

    def to_pandas(self, *, minor_units: bool = False) -> pd.DataFrame:
        """Rows as a DataFrame: due_date (datetime64), payment, interest, principal, fees, balance.

        Amounts are exact ``Decimal`` objects, or int64 minor units with ``minor_units=True``.
        """
        import pandas as pd

        cols = self.columns()
        places = self._s.currency.minor_units
        frame: dict[str, Any] = {"number": cols["number"], "due_date": cols["due_date"]}
        for name in ("payment", "interest", "principal", "fees", "balance"):
            frame[name] = cols[name] if minor_units else _decimal_column(cols[name], places)
        return pd.DataFrame(frame)

    def to_arrow(self) -> pa.Table:
        """Rows as an Arrow table with exact ``decimal128(38, minor units)`` amount columns."""
        import pyarrow as pa

        cols = self.columns()
        places = self._s.currency.minor_units
        amount = pa.decimal128(38, places)
        arrays: dict[str, Any] = {
            "number": pa.array(cols["number"]),
            "due_date": pa.array(cols["due_date"]),
        }
        for name in ("payment", "interest", "principal", "fees", "balance"):
            arrays[name] = pa.array(_decimal_column(cols[name], places), type=amount)
        return pa.table(arrays)

    def __len__(self) -> int:
        return len(self._s)

    def __iter__(self) -> Iterator[ScheduleRow]:
        return iter(self._s.rows)

    def __repr__(self) -> str:
        return repr(self._s)


def schedule(
    shape: str,
    principal: Money,
    annual_rate: RateLike = 0,
    periods: int = 0,
    frequency: str | Frequency = "monthly",
    *,
    start: DateLike | None = None,
    first_due: DateLike | None = None,
    interest: str = "periodic",
    day_count: str = "ACT/365F",
    odd_period: str = "daily",
    interest_rounding: str = "half_up",
    payment_step: AmountLike | None = None,
    payment_rounding: str = "half_up",
    residue: str = "last",
    instalment: AmountLike | None = None,
    amounts: Sequence[AmountLike] | None = None,
    step_every: int = 12,
    step_rate: RateLike = 0,
    down_payment: AmountLike | None = None,
    balloon: AmountLike | None = None,
    fee: AmountLike | None = None,
    interest_only_periods: int = 0,
    payment_holiday_periods: int = 0,
    calendar: Any = None,
    adjustment: str = "following",
    anchor_day: int = 0,
    end_of_month: bool = False,
) -> Schedule:
    """Builds a schedule of any shape.

    ``annual_rate`` is a nominal annual fraction ("0.0969" for 9.69%). ``start`` is when
    interest starts (default: one period before ``first_due``); ``first_due`` the first
    instalment (default: one period after ``start``); a different gap is an odd first period,
    charged per ``odd_period`` ("daily" under ``day_count``, or "full_period").
    ``interest`` is "periodic" (rate / periods a year, exact) or "daily" (actual dates under
    ``day_count``). ``payment_step`` (e.g. ``Money("1", "GBP")``) and ``payment_rounding``
    round the regular payment; ``residue`` ("last" or "first") says which instalment absorbs
    the difference. ``calendar`` (a ``recoup.time`` calendar or its id) with ``adjustment``
    moves due dates to business days. Amounts given as plain numbers are in the principal's
    currency.
    """
    return Schedule(
        _core.build_schedule(
            shape,
            principal,
            annual_rate,
            periods,
            frequency,
            start,
            first_due,
            interest=interest,
            day_count=day_count,
            odd_period=odd_period,
            interest_rounding=interest_rounding,
            payment_step=payment_step,
            payment_rounding=payment_rounding,
            residue=residue,
            instalment=instalment,
            amounts=list(amounts) if amounts is not None else None,
            step_every=step_every,
            step_rate=step_rate,
            down_payment=down_payment,
            balloon=balloon,
            fee=fee,
            interest_only_periods=interest_only_periods,
            payment_holiday_periods=payment_holiday_periods,
            calendar=calendar,
            adjustment=adjustment,
            anchor_day=anchor_day,
            end_of_month=end_of_month,
        )
    )


def level_payment(
    principal: Money,
    annual_rate: RateLike,
    periods: int,
    frequency: str | Frequency = "monthly",
    first_due: DateLike | None = None,
    start: DateLike | None = None,
    **options: Any,
) -> Schedule:
    """Equal instalments (an annuity); the last instalment clears the balance exactly."""
    return schedule(
        "level_payment",
        principal,
        annual_rate,
        periods,
        frequency,
        start=start,
        first_due=first_due,
        **options,
    )


def level_principal(
    principal: Money,
    annual_rate: RateLike,
    periods: int,
    frequency: str | Frequency = "monthly",
    first_due: DateLike | None = None,
    start: DateLike | None = None,
    **options: Any,
) -> Schedule:
    """Equal principal each instalment plus that period's interest."""
    return schedule(
        "level_principal",
        principal,
        annual_rate,
        periods,
        frequency,
        start=start,
        first_due=first_due,
        **options,
    )


def interest_only(
    principal: Money,
    annual_rate: RateLike,
    periods: int,
    frequency: str | Frequency = "monthly",
    first_due: DateLike | None = None,
    start: DateLike | None = None,
    **options: Any,
) -> Schedule:
    """Interest each period, the principal with the last instalment (a balloon)."""
    return schedule(
        "interest_only",
        principal,
        annual_rate,
        periods,
        frequency,
        start=start,
        first_due=first_due,
        **options,
    )


def fixed_instalment(
    principal: Money,
    instalment: AmountLike,
    annual_rate: RateLike = 0,
    frequency: str | Frequency = "monthly",
    first_due: DateLike | None = None,
    start: DateLike | None = None,
    **options: Any,
) -> Schedule:
    """A fixed instalment until cleared: the term is derived and the last instalment is smaller."""
    return schedule(
        "fixed_instalment",
        principal,
        annual_rate,
        0,
        frequency,
        start=start,
        first_due=first_due,
        instalment=instalment,
        **options,
    )


def arrears_arrangement(
    balance: Money,
    instalment: AmountLike,
    frequency: str | Frequency = "monthly",
    first_due: DateLike | None = None,
    **options: Any,
) -> Schedule:
    """Interest-free instalments against arrears (GBP 1,200 at GBP 50 a month is 24 instalments)."""
    return fixed_instalment(balance, instalment, 0, frequency, first_due=first_due, **options)


def graduated(
    principal: Money,
    annual_rate: RateLike,
    periods: int,
    step_rate: RateLike,
    step_every: int = 12,
    frequency: str | Frequency = "monthly",
    first_due: DateLike | None = None,
    start: DateLike | None = None,
    **options: Any,
) -> Schedule:
    """Payments that change by ``step_rate`` (0.05 = +5%) every ``step_every`` instalments."""
    return schedule(
        "graduated",
        principal,
        annual_rate,
        periods,
        frequency,
        start=start,
        first_due=first_due,
        step_rate=step_rate,
        step_every=step_every,
        **options,
    )


def custom(
    principal: Money,
    amounts: Sequence[AmountLike],
    annual_rate: RateLike = 0,
    frequency: str | Frequency = "monthly",
    first_due: DateLike | None = None,
    start: DateLike | None = None,
    **options: Any,
) -> Schedule:
    """The caller's amount per instalment; the last instalment clears whatever remains."""
    return schedule(
        "custom",
        principal,
        annual_rate,
        0,
        frequency,
        start=start,
        first_due=first_due,
        amounts=amounts,
        **options,
    )


def due_dates(
    first: DateLike,
    count: int,
    frequency: str = "monthly",
    *,
    anchor_day: int = 0,
    end_of_month: bool = False,
    calendar: Any = None,
    adjustment: str = "following",
) -> list[date]:
    """``count`` due dates from ``first``: month steps keep their day (31 Jan, 28 Feb, 31 Mar)."""
    return _core.due_dates(first, count, frequency, anchor_day, end_of_month, calendar, adjustment)


@dataclass(frozen=True)
class ScheduleBatch:
    """Many schedules as flat columns: rows of schedule i are ``offsets[i]:offsets[i+1]``."""

    offsets: npt.NDArray[np.int64]
    number: npt.NDArray[np.int64]
    due_date: npt.NDArray[np.datetime64]
    payment: npt.NDArray[np.int64]
    interest: npt.NDArray[np.int64]
    principal: npt.NDArray[np.int64]
    fees: npt.NDArray[np.int64]
    balance: npt.NDArray[np.int64]
    regular_payment: npt.NDArray[np.int64]
    total_payment: npt.NDArray[np.int64]
    total_interest: npt.NDArray[np.int64]
    error_rows: list[int]
    error_ids: list[str]
    error_messages: list[str]

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def rows_of(self, i: int) -> slice:
        """The slice of the flat row columns that holds schedule ``i``."""
        return slice(int(self.offsets[i]), int(self.offsets[i + 1]))


def build_schedules(
    principal_minor: npt.ArrayLike,
    currency: str,
    annual_rate: RateLike | Sequence[RateLike],
    periods: npt.ArrayLike | None,
    first_due: Any,
    *,
    shape: str = "level_payment",
    frequency: str | Frequency | Sequence[str] = "monthly",
    start: Any = None,
    errors: str = "raise",
    **options: Any,
) -> ScheduleBatch:
    """Builds one schedule per element in one call (the GIL is released while it runs).

    ``principal_minor`` is an int64 array of minor units; ``annual_rate`` one rate for all or
    one per schedule; ``frequency`` one name for all or one per schedule; ``periods`` an int
    array; ``first_due`` (and ``start``) a
    ``datetime64[D]`` array or a sequence of dates. Other options are those of ``schedule()``
    (except ``residue="first"`` and ``down_payment``). With ``errors="collect"`` bad schedules
    are reported in ``error_rows``/``error_ids``/``error_messages`` and get no rows.
    """
    if errors not in ("raise", "collect"):
        raise ValueError(f"errors must be 'raise' or 'collect', not {errors!r}")
    arr = np.asarray(principal_minor)
    if arr.dtype.kind == "f":
        from ._errors import FloatInputError

        raise FloatInputError("principal_minor is a float array: pass int64 minor units")
    arr = np.ascontiguousarray(arr, dtype=np.int64)
    rates: Any = annual_rate
    if isinstance(annual_rate, np.ndarray):
        rates = annual_rate.tolist()
    d = _core.build_schedules(
        shape, arr, currency, rates, periods, first_due, start, frequency, errors == "collect", **options
    )
    rows, ids, messages = d.pop("errors")
    return ScheduleBatch(**d, error_rows=list(rows), error_ids=list(ids), error_messages=list(messages))


# --- payments: waterfalls, reversals, accrual ----------------------------------------------------

#: The named waterfall presets (see ``WaterfallPolicy.preset``).
WATERFALL_PRESETS = tuple(WaterfallPolicy.preset_names())

PaymentLike = Union[tuple[DateLike, Money], tuple[str, DateLike, Money]]


def charges_from_schedule(schedule: Schedule) -> list[Charge]:
    """What a schedule makes owed: each instalment's fees, interest and principal as charges
    (zero amounts left out; a down payment is paid at the start, so it is not owed)."""
    charges: list[Charge] = _core.charges_from_schedule(schedule._s)
    return charges


def apply_payments(
    charges: Sequence[Charge],
    payments: Sequence[PaymentLike],
    policy: str | WaterfallPolicy = "standard",
    *,
    overpayment: str | None = None,
) -> WaterfallResult:
    """Applies payments, in date order, to the charges due by each payment's date.

    ``payments`` are ``(date, Money)`` or ``(id, date, Money)``; ``policy`` is a preset name
    (``WATERFALL_PRESETS``) or a ``WaterfallPolicy``; ``overpayment`` ("hold_as_credit",
    "reduce_next_instalments", "shorten_term") overrides the policy's.
    """
    return _core.apply_payments(list(charges), list(payments), policy, overpayment)


def reverse_payment(
    charges: Sequence[Charge],
    payments: Sequence[PaymentLike],
    payment_id: str,
    policy: str | WaterfallPolicy = "standard",
    *,
    overpayment: str | None = None,
) -> WaterfallResult:
    """The ledger replayed without ``payment_id`` (a returned or NSF payment)."""
    return _core.reverse_payment(list(charges), list(payments), payment_id, policy, overpayment)


def explain_waterfall(result: WaterfallResult, charges: Sequence[Charge]) -> str:
    """A plain-English account of where each payment went."""
    return _core.explain_waterfall(result, list(charges))


def accrue(
    principal: Money,
    start: DateLike,
    end: DateLike,
    annual_rate: RateLike | Sequence[tuple[DateLike, RateLike]],
    *,
    day_count: str = "ACT/365F",
    freezes: Sequence[tuple[Any, ...]] = (),
    ceilings: Sequence[tuple[Any, ...]] = (),
    principal_changes: Sequence[tuple[DateLike, Money]] = (),
    rounding: str = "half_up",
) -> AccrualResult:
    """Daily simple interest on ``principal`` from ``start`` (inclusive) to ``end`` (exclusive).

    ``annual_rate`` is one rate or ``[(effective_date, rate), ...]``. ``freezes`` are
    ``(from, until, reason[, fees_frozen])`` (no interest on those days), ``ceilings``
    ``(from, until, max_rate, reason)`` (e.g. the SCRA 6% cap), ``principal_changes``
    ``(date, Money)`` (negative for repayments). Exact until posted: ``.exact`` is a Fraction,
    ``.interest`` the amount rounded once with ``rounding``.
    """
    return _core.accrue(
        principal,
        start,
        end,
        annual_rate,
        day_count,
        list(freezes),
        list(ceilings),
        list(principal_changes),
        rounding,
    )


def late_fee(
    instalment: Money,
    days_late: int,
    charged_on: DateLike,
    *,
    flat: Money | None = None,
    percent: RateLike | None = None,
    cap: Money | None = None,
    grace_days: int = 0,
    rounding: str = "half_up",
    freezes: Sequence[tuple[Any, ...]] = (),
) -> Money:
    """A late fee: ``flat`` plus ``percent`` of the instalment, after ``grace_days``, at most ``cap``;
    nothing when ``charged_on`` falls in one of ``freezes`` (``(from, until[, reason])``)."""
    return _core.late_fee(
        instalment, days_late, charged_on, flat, percent, cap, grace_days, rounding, list(freezes)
    )

from ._boundary import guard_module as _guard_module  # noqa: E402

_guard_module(globals(), __all__)  # every exported function raises recoup errors with ids
