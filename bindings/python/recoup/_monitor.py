"""Plan monitoring, promises to pay, the CCA arrears-notice trigger and rescheduling.

Pure functions of (plan, payments, as-of date, policy); re-exported from ``recoup.plan``.

    >>> from datetime import date
    >>> from recoup import Money
    >>> from recoup.plan import level_payment
    >>> from recoup._monitor import MonitorPolicy, monitor
    >>> plan = level_payment(Money("600.00", "GBP"), 0, 6, first_due=date(2026, 1, 15))
    >>> paid = [(date(2026, 1, 14), Money("100.00", "GBP")), (date(2026, 2, 18), Money("60.00", "GBP"))]
    >>> r = monitor(plan, paid, date(2026, 3, 1), MonitorPolicy(grace_days=3))
    >>> r.status, r.arrears, r.days_past_due
    ('in_arrears', Money('40.00', 'GBP'), 14)
    >>> [i.state for i in r.instalments][:3]
    ['paid', 'short', 'not_yet_due']

Payments apply to instalments oldest first. ``arrears`` and ``days_past_due`` are contractual
(instalments due before ``as_of``, no grace, no tolerance); ``status`` applies the policy's grace
days, tolerance, broken rules and cure. Amounts are exact minor units: nothing is rounded except
a tolerance given as a fraction of an instalment, which is rounded down to the minor unit.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal, Sequence, Tuple, Union

import numpy as np
import numpy.typing as npt

from . import _core
from ._core import Money

if TYPE_CHECKING:
    from .plan import Schedule

__all__ = [
    "STATUS_CODES",
    "ArrearsNoticeResult",
    "InstalmentStatus",
    "MonitorBatch",
    "MonitorEvent",
    "MonitorPolicy",
    "MonitorResult",
    "PromiseResult",
    "RescheduleRecord",
    "cca_arrears_notice",
    "check_promise",
    "monitor",
    "monitor_instalments",
    "monitor_plans",
    "reschedule",
    "reschedule_amount",
]

AmountLike = Union[Money, Decimal, int, str]
DateLike = Union[date, str]
Payment = Tuple[date, AmountLike]

#: Status codes of ``monitor_plans`` (0 = the row failed; see ``error_rows``).
STATUS_CODES: dict[int, str] = dict(_core.MONITOR_STATUS_CODES)  # from recoup::monitor_code


@dataclass(frozen=True)
class MonitorPolicy:
    """The rules that turn payments into a verdict (every field has a safe default).

    ``grace_days``: days after a due date before an unpaid instalment is late or missed.
    ``tolerance`` (an amount) and ``tolerance_fraction`` (of the instalment, ``"0.05"`` = 5%,
    rounded down to the minor unit): a shortfall at or below the larger is ignored.
    Broken rules (any one breaks the plan): ``broken_after_missed`` misses (0 = off), counted
    ``missed_consecutive`` or in total since the last cure; ``broken_arrears_at_least`` (the
    overdue amount reaches it); ``broken_arrears_instalments`` (overdue reaches the sum of the
    last k instalments due; 0 = off). ``cure``: a broken plan whose overdue instalments are paid is
    back on track. ``overpayment``: ``"roll_forward"`` (excess pays later instalments) or
    ``"hold_as_credit"`` (a payment pays instalments due by its date and the next one only).
    """

    grace_days: int = 0
    tolerance: AmountLike | None = None
    tolerance_fraction: Decimal | str | int = 0
    broken_after_missed: int = 2
    missed_consecutive: bool = False
    broken_arrears_at_least: AmountLike | None = None
    broken_arrears_instalments: int = 0
    cure: bool = True
    overpayment: Literal["roll_forward", "hold_as_credit"] = "roll_forward"

    def _to_core(self) -> dict[str, Any]:
        if isinstance(self.tolerance_fraction, float):
            from ._errors import FloatInputError

            raise FloatInputError("tolerance_fraction is a float: pass a Decimal or a string such as '0.05'")
        return asdict(self)


@dataclass(frozen=True)
class InstalmentStatus:
    """One instalment on the as-of date: ``state`` is ``paid``, ``late``, ``short``, ``missed``,
    ``in_grace`` or ``not_yet_due``; ``days_late`` is settled_on - due_date when late and
    as_of - due_date when short or missed."""

    number: int
    due_date: date
    due: Money
    paid: Money
    shortfall: Money
    tolerance: Money
    state: str
    settled_on: date | None
    last_payment_on: date | None
    days_late: int


@dataclass(frozen=True)
class MonitorEvent:
    """A miss, short payment, break or cure, in date order."""

    date: date
    kind: str
    instalment: int
    detail: str


@dataclass(frozen=True)
class MonitorResult:
    """The verdict on a plan: ``status`` (``on_track``, ``in_arrears``, ``broken``,
    ``completed``), the contractual ``arrears`` and ``days_past_due``, per-instalment states,
    the events that decided it, and ``explain()``."""

    status: str
    arrears: Money
    days_past_due: int
    paid_total: Money
    applied_total: Money
    unapplied: Money
    outstanding: Money
    missed_count: int
    missed_consecutive_now: int
    payments_after_as_of: int
    broken_on: date | None
    broken_rule: str | None
    last_cured_on: date | None
    as_of: date
    instalments: tuple[InstalmentStatus, ...]
    events: tuple[MonitorEvent, ...]
    explanation: str = field(repr=False)

    def explain(self) -> str:
        """Plain English: the verdict, the policy rule that decided it, each instalment."""
        return self.explanation

    @classmethod
    def _from_core(cls, d: dict[str, Any]) -> MonitorResult:
        d = dict(d)
        d["instalments"] = tuple(InstalmentStatus(**i) for i in d["instalments"])
        d["events"] = tuple(MonitorEvent(*e) for e in d["events"])
        return cls(**d)


def _policy(policy: MonitorPolicy | None) -> dict[str, Any] | None:
    if policy is None:
        return None
    if not isinstance(policy, MonitorPolicy):
        raise TypeError(f"policy must be a MonitorPolicy, not {type(policy).__name__}")
    return policy._to_core()


def _compiled(schedule: Schedule | Any) -> Any:
    compiled = getattr(schedule, "_s", schedule)
    if not isinstance(compiled, _core.Schedule):
        raise TypeError(f"schedule must be a recoup.plan.Schedule, not {type(schedule).__name__}")
    return compiled


def _payments(payments: Sequence[Payment]) -> list[Payment]:
    return list(payments)


def monitor(
    schedule: Schedule,
    payments: Sequence[Payment],
    as_of: DateLike,
    policy: MonitorPolicy | None = None,
) -> MonitorResult:
    """Monitors ``schedule`` on ``as_of`` given ``payments`` (a list of ``(date, Money)``).

    Payments may be in any order; those dated after ``as_of`` are ignored (and counted).
    Raises ``InvalidInputError`` (``monitor.negative_payment``, ``monitor.policy``,
    ``monitor.payments``) and ``CurrencyMismatchError`` (``monitor.currency``).
    """
    return MonitorResult._from_core(
        _core.monitor(_compiled(schedule), _payments(payments), as_of, _policy(policy))
    )


def monitor_instalments(
    due_dates: Sequence[DateLike],
    amounts: Sequence[AmountLike],
    currency: str,
    payments: Sequence[Payment],
    as_of: DateLike,
    policy: MonitorPolicy | None = None,
) -> MonitorResult:
    """As ``monitor`` over bare instalments (due dates in order, amounts in ``currency``)."""
    return MonitorResult._from_core(
        _core.monitor_instalments(
            list(due_dates), list(amounts), currency, _payments(payments), as_of, _policy(policy)
        )
    )


@dataclass(frozen=True)
class MonitorBatch:
    """Per-plan results of ``monitor_plans``: ``status`` codes (see ``STATUS_CODES``), minor units
    of arrears / paid / outstanding, days past due, misses counted; failed rows in ``error_*``."""

    status: npt.NDArray[np.int8]
    arrears_minor: npt.NDArray[np.int64]
    days_past_due: npt.NDArray[np.int64]
    paid_minor: npt.NDArray[np.int64]
    outstanding_minor: npt.NDArray[np.int64]
    missed_count: npt.NDArray[np.int64]
    error_rows: list[int]
    error_ids: list[str]
    error_messages: list[str]

    def __len__(self) -> int:
        return len(self.status)

    def status_names(self) -> npt.NDArray[np.str_]:
        """The status codes as names (``"on_track"``, ...; ``"failed"`` for error rows)."""
        names = np.array([STATUS_CODES[k] for k in range(5)])
        return names[self.status.astype(np.int64)]


def _ints(values: npt.ArrayLike, name: str) -> npt.NDArray[np.int64]:
    arr = np.asarray(values)
    if arr.dtype.kind == "f":
        from ._errors import FloatInputError

        raise FloatInputError(f"{name} is a float array: pass int64 (minor units or offsets)")
    return np.ascontiguousarray(arr, dtype=np.int64)


def _serials(values: Any, name: str) -> npt.NDArray[np.int32]:
    """datetime64 (or date / ISO string) values as int32 day serials, refusing NaT and times."""
    from ._errors import InvalidInputError

    arr = np.asarray(values)
    if arr.dtype.kind in ("O", "U"):
        arr = arr.astype("datetime64[D]")
    if arr.dtype.kind != "M":
        raise TypeError(f"{name} must be datetime64 values or dates, not {arr.dtype}")
    days = arr.astype("datetime64[D]")
    if np.isnat(days).any():
        raise InvalidInputError(f"{name}: NaT in row {int(np.flatnonzero(np.isnat(days))[0])}")
    if not np.array_equal(days, arr):
        raise InvalidInputError(
            f"{name}: datetime64 values carry a time of day; convert with .astype('datetime64[D]')"
        )
    raw = days.view(np.int64)
    if raw.size and (raw.min() < _MIN_SERIAL or raw.max() > _MAX_SERIAL):
        raise InvalidInputError(f"{name}: a date is outside 0001-01-01..9999-12-31")
    return np.ascontiguousarray(raw, dtype=np.int32)


#: Day serials (days since 1970-01-01) of 0001-01-01 and 9999-12-31, recoup's date range.
_MIN_SERIAL, _MAX_SERIAL = -719162, 2932896


def monitor_plans(
    inst_offsets: npt.ArrayLike,
    due_date: Any,
    due_minor: npt.ArrayLike,
    pay_offsets: npt.ArrayLike,
    pay_date: Any,
    pay_minor: npt.ArrayLike,
    as_of: Any,
    currency: str,
    policy: MonitorPolicy | None = None,
    *,
    errors: str = "raise",
) -> MonitorBatch:
    """Monitors many plans in one call (the GIL is released while the kernel runs).

    Plan ``i`` has instalments ``inst_offsets[i]:inst_offsets[i+1]`` of ``due_date`` /
    ``due_minor`` and payments ``pay_offsets[i]:pay_offsets[i+1]`` of ``pay_date`` /
    ``pay_minor``; dates are ``datetime64[D]`` (or dates), amounts int64 minor units of
    ``currency``; ``as_of`` one date for all or one per plan. Each row equals ``monitor()``.
    With ``errors="collect"`` bad rows get status 0 and are listed in ``error_*``.
    """
    if errors not in ("raise", "collect"):
        raise ValueError(f"errors must be 'raise' or 'collect', not {errors!r}")
    as_of_arr = np.atleast_1d(
        np.asarray(as_of, dtype="datetime64[D]") if isinstance(as_of, (date, str)) else np.asarray(as_of)
    )
    d = _core.monitor_plans(
        _ints(inst_offsets, "inst_offsets"),
        _serials(due_date, "due_date"),
        _ints(due_minor, "due_minor"),
        _ints(pay_offsets, "pay_offsets"),
        _serials(pay_date, "pay_date"),
        _ints(pay_minor, "pay_minor"),
        _serials(as_of_arr, "as_of"),
        currency,
        _policy(policy),
        errors == "collect",
    )
    rows, ids, messages = d.pop("errors")
    return MonitorBatch(**d, error_rows=list(rows), error_ids=list(ids), error_messages=list(messages))


@dataclass(frozen=True)
class PromiseResult:
    """A promise to pay checked on ``as_of``: ``status`` is ``kept``, ``partially_kept``,
    ``broken`` or ``pending``; ``paid`` counts payments from ``made_on`` to the deadline."""

    status: str
    promised: Money
    paid: Money
    shortfall: Money
    paid_after_deadline: Money
    deadline: date
    kept_on: date | None
    as_of: date
    explanation: str = field(repr=False)

    def explain(self) -> str:
        """Plain English: the verdict, the window counted, the figures and the rule."""
        return self.explanation


def check_promise(
    date: DateLike,
    amount: Money,
    payments: Sequence[Payment],
    as_of: DateLike,
    *,
    made_on: DateLike | None = None,
    tolerance: AmountLike | None = None,
    grace_days: int = 0,
) -> PromiseResult:
    """Checks a promise to pay ``amount`` by ``date`` (+ ``grace_days``) against ``payments``.

    Kept once payments dated from ``made_on`` to the deadline reach ``amount - tolerance``;
    pending until the deadline passes; then partially kept (something paid) or broken.
    """
    return PromiseResult(
        **_core.check_promise(date, amount, _payments(payments), as_of, made_on, tolerance, grace_days)
    )


@dataclass(frozen=True)
class ArrearsNoticeResult:
    """The CCA 1974 s86B/s86C arrears-notice verdict: ``required``, since when
    (``conditions_met_on``), by when (``first_notice_by``, ``next_notice_by``, ``deadline``), the
    ``rule_id`` and ``citation``, each condition in ``reasons`` and the ``caveats``."""

    required: bool
    rule_id: str
    citation: str
    conditions_met_on: date | None
    first_notice_by: date | None
    next_notice_by: date | None
    deadline: date | None
    shortfall: Money
    last_two_due: Money
    payments_fallen_due: int
    as_of: date
    agreement: str
    reasons: list[str]
    caveats: list[str]
    explanation: str = field(repr=False)

    def explain(self) -> str:
        """Plain English: the verdict, the dates, each condition, the citation, the caveats."""
        return self.explanation


def cca_arrears_notice(
    schedule: Schedule,
    payments: Sequence[Payment],
    as_of: DateLike,
    agreement: Literal["fixed_sum", "running_account"] = "fixed_sum",
    *,
    unpaid_judgment: bool = False,
    last_notice_on: DateLike | None = None,
    notice_given_for_these_payments: bool = False,
    next_statement_period_end: DateLike | None = None,
) -> ArrearsNoticeResult:
    """Whether a Consumer Credit Act 1974 arrears notice is required on ``as_of``.

    ``agreement="fixed_sum"`` applies s86B (two payments due, shortfall at least the last two
    payments; first notice within 14 days beginning with the day the conditions are met, then
    at intervals of not more than 6 months while in arrears). ``"running_account"`` applies s86C
    (the last two required payments not made). The facts a plan cannot tell come as keywords.
    """
    return ArrearsNoticeResult(
        **_core.cca_arrears_notice(
            _compiled(schedule),
            _payments(payments),
            as_of,
            agreement,
            unpaid_judgment,
            last_notice_on,
            notice_given_for_these_payments,
            next_statement_period_end,
        )
    )


def reschedule_amount(
    schedule: Schedule,
    payments: Sequence[Payment],
    as_of: DateLike,
    basis: Literal["unpaid_instalments", "outstanding_principal"] = "unpaid_instalments",
    policy: MonitorPolicy | None = None,
) -> Money:
    """What a reschedule on ``as_of`` would recast: every unpaid instalment (``unpaid_instalments``)
    or the arrears plus the scheduled balance less prepayments (``outstanding_principal``: unearned
    future interest and fees dropped)."""
    result: Money = _core.reschedule_amount(
        _compiled(schedule), _payments(payments), as_of, basis, _policy(policy)
    )
    return result


@dataclass(frozen=True)
class RescheduleRecord:
    """Re-ageing with its history: the old plan, its monitoring on the day, the amount recast
    and its basis, and the new plan (all from the C++ ``recoup::reschedule``)."""

    old_plan: Schedule
    monitoring: MonitorResult
    basis: str
    amount: Money
    new_plan: Schedule
    explanation: str = ""

    def explain(self) -> str:
        """Plain English: how much was recast and why, the old plan's state, the new plan."""
        return self.explanation


def reschedule(
    schedule: Schedule,
    payments: Sequence[Payment],
    as_of: DateLike,
    *,
    shape: str = "level_payment",
    annual_rate: Decimal | str | int = 0,
    periods: int = 0,
    frequency: str = "monthly",
    first_due: DateLike | None = None,
    basis: Literal["unpaid_instalments", "outstanding_principal"] = "unpaid_instalments",
    policy: MonitorPolicy | None = None,
    **schedule_options: Any,
) -> RescheduleRecord:
    """Recasts what is left of ``schedule`` on ``as_of`` into a new plan with the terms of
    ``recoup.plan.schedule(shape, amount, annual_rate, periods, frequency, first_due=..., ...)``
    (the C++ ``recoup::reschedule``).

    Raises ``InvalidInputError`` (``reschedule.nothing_outstanding``) when nothing is left.
    """
    from .plan import Schedule as _Schedule

    compiled = _compiled(schedule)
    options = dict(schedule_options)
    if options.get("amounts") is not None:
        options["amounts"] = list(options["amounts"])
    zero = Money(0, compiled.currency)
    terms = _core.schedule_terms(
        shape, zero, annual_rate, periods, frequency, first_due=first_due, **options
    )
    d = _core.reschedule(compiled, _payments(payments), as_of, terms, basis, _policy(policy))
    return RescheduleRecord(
        old_plan=schedule if isinstance(schedule, _Schedule) else _Schedule(compiled),
        monitoring=MonitorResult._from_core(d["monitoring"]),
        basis=d["basis"],
        amount=d["amount"],
        new_plan=_Schedule(d["new_plan"]),
        explanation=d["explanation"],
    )
