"""APR, IRR/XIRR, time value of money, rate and term solving: exact, deterministic, explained.

Regulatory APR (US Regulation Z Appendix J, UK CONC App 1.2), as a fraction:

    >>> from datetime import date
    >>> from recoup import Money
    >>> from recoup._rates import apr, disclosed_apr, apr_tolerance_check
    >>> advance = [(date(1978, 1, 10), Money("5000.00", "USD"))]
    >>> due = [date(1978 + (m + 1) // 12, (m + 1) % 12 + 1, 10) for m in range(24)]
    >>> payments = [(d, Money("230.00", "USD")) for d in due]
    >>> apr(advance, payments)
    Decimal('0.096857080623')
    >>> disclosed_apr(advance, payments)
    Decimal('0.0969')
    >>> apr_tolerance_check("0.0980", apr(advance, payments)).accurate
    True

Time value with numpy-financial's call shapes, in exact decimals (28 significant digits):

    >>> from recoup._rates import pmt, irr
    >>> pmt("0.00625", 180, 200000)
    Decimal('-1854.024720005476247786907149')
    >>> irr([-100, 39, 59, 55, 20])
    Decimal('0.2809484211599611045765619513')

Floats are refused (recoup.FloatInputError): pass Decimal, int or str.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Iterable, Literal, Sequence, Tuple, Union

from . import _core
from ._core import AprFlow, AprResult, AprToleranceVerdict, Money

__all__ = [
    "AprFlow",
    "AprResult",
    "AprToleranceVerdict",
    "apr",
    "apr_details",
    "apr_tolerance_check",
    "disclosed_apr",
    "fv",
    "ipmt",
    "irr",
    "irr_all",
    "nper",
    "npv",
    "pmt",
    "ppmt",
    "pv",
    "rate",
    "solve_rate",
    "solve_term",
    "xirr",
    "xirr_all",
    "xnpv",
]

#: An exact number: Decimal, int or decimal text. Floats are refused.
Number = Union[Decimal, int, str]
#: A dated amount of money: an advance or a payment.
DatedMoney = Tuple[date, Money]
#: A dated cash flow for xnpv / xirr: the amount may be a number or Money (one currency).
DatedFlow = Tuple[date, Union[Decimal, int, str, Money]]
#: When payments fall within each period (numpy-financial accepts 0/1 too).
When = Union[Literal["end", "begin"], Literal[0, 1]]
Method = Literal["us_reg_z", "uk_conc"]
UkBasis = Literal["equal_months", "weeks", "actual_days"]


def _when(when: When) -> str:
    if isinstance(when, bool) or when not in ("end", "begin", 0, 1):
        raise ValueError(f"when={when!r}: use 'end' (0) or 'begin' (1)")
    return {"end": "end", "begin": "begin", 0: "end", 1: "begin"}[when]


def apr_details(
    advances: Sequence[DatedMoney],
    payments: Sequence[DatedMoney],
    method: Method = "us_reg_z",
    *,
    unit_period: str | None = None,
    uk_basis: UkBasis = "equal_months",
    places: int = 12,
    rounding: str = "half_even",
) -> AprResult:
    """The APR with how it was found (see ``AprResult.explain()``).

    ``method="us_reg_z"``: 12 CFR 1026.22(a)(1) and Appendix J, actuarial method. The
    unit-period is detected per App J (b)(4) (the most frequent common period, the smaller on a
    tie; a single advance with a single payment uses the term); override it with ``unit_period``
    = "day", "week", "2 weeks" .. "52 weeks", "semimonth", "month", "quarter", "2 months" ..
    "11 months" or "year". Times are counted per App J (b)(5) with all months equal ((b)(3)(iv)).

    ``method="uk_conc"``: CONC App 1.2 (SI 2010/1011), annual compounding, time in years from the
    first drawdown. ``uk_basis="equal_months"`` (default): whole months counted back from each
    date to the drawdown, /12, plus leftover days /365; ``"weeks"``: whole weeks /52 plus days
    /365; ``"actual_days"``: days /365.

    ``rate`` is a fraction rounded to ``places`` decimal places with ``rounding`` (12, half_even);
    ``disclosed`` is rounded once from the solved rate, half up, to 0.01 point (US) or 0.1 point
    (UK). Advances and payments are positive Money of one currency.
    """
    return _core._apr_details(list(advances), list(payments), method, unit_period, uk_basis, places, rounding)


def apr(
    advances: Sequence[DatedMoney],
    payments: Sequence[DatedMoney],
    method: Method = "us_reg_z",
    *,
    unit_period: str | None = None,
    uk_basis: UkBasis = "equal_months",
    places: int = 12,
    rounding: str = "half_even",
) -> Decimal:
    """The annual percentage rate as a fraction (0.0969... for 9.69%), to ``places`` decimal
    places (12 by default, half_even). See ``apr_details`` for the methods and options."""
    return apr_details(
        advances,
        payments,
        method,
        unit_period=unit_period,
        uk_basis=uk_basis,
        places=places,
        rounding=rounding,
    ).rate


def disclosed_apr(
    advances: Sequence[DatedMoney],
    payments: Sequence[DatedMoney],
    method: Method = "us_reg_z",
    *,
    unit_period: str | None = None,
    uk_basis: UkBasis = "equal_months",
) -> Decimal:
    """The APR as disclosed, as a fraction: US to 0.01 percentage point (Decimal('0.0969')), UK to
    0.1 point (CONC App 1.2: at least one decimal place, rounded half up: Decimal('3.244'))."""
    return apr_details(advances, payments, method, unit_period=unit_period, uk_basis=uk_basis).disclosed


def apr_tolerance_check(disclosed: Number, computed: Number, irregular: bool = False) -> AprToleranceVerdict:
    """Is a disclosed APR accurate? 12 CFR 1026.22(a)(2): within 1/8 of a percentage point of the
    computed APR; (a)(3): within 1/4 point in an irregular transaction (multiple advances,
    irregular payment periods or amounts, other than an irregular first period or first or final
    payment). Both rates are fractions (0.0980 for 9.80%)."""
    return _core._apr_tolerance_check(disclosed, computed, irregular)


# --- IRR and dated flows -----------------------------------------------------------------------


def npv(rate: Number, values: Iterable[Union[Number, Money]]) -> Decimal:
    """Net present value with the first value at t = 0, like numpy-financial (Excel's NPV starts at
    t = 1: ``excel_npv = npv(rate, values) / (1 + rate)``). Exact fraction, rounded once to 28
    significant digits (half_even)."""
    return _core._npv(rate, list(values))


def irr(values: Iterable[Union[Number, Money]]) -> Decimal:
    """Internal rate of return of values at periods 0, 1, 2, ...: the root nearest zero of the NPV
    in (-1, 10^15] (a tie goes to the positive root), found by scanning a fixed grid of 63 rates for
    sign changes and refining each to 1e-45. 28 significant digits. No sign change:
    NoConvergenceError."""
    return _core._irr(list(values))


def irr_all(values: Iterable[Union[Number, Money]]) -> list[Decimal]:
    """Every IRR found (one per sign change on the grid), in increasing order; [] when none."""
    return list(_core._irr_all(list(values)))


def xnpv(rate: Number, flows: Iterable[DatedFlow]) -> Decimal:
    """NPV of dated flows like Excel's XNPV: sum of v / (1 + rate)^((d - d0) / 365), d0 the first
    flow's date (no flow may be earlier). 100-digit arithmetic, 28 significant digits."""
    return _core._xnpv(rate, list(flows))


def xirr(flows: Iterable[DatedFlow]) -> Decimal:
    """The annual rate at which ``xnpv`` is zero (Actual/365 from the first flow, like Excel's
    XIRR); the root nearest zero, 28 significant digits."""
    return _core._xirr(list(flows))


def xirr_all(flows: Iterable[DatedFlow]) -> list[Decimal]:
    """Every XIRR root found, in increasing order."""
    return list(_core._xirr_all(list(flows)))


# --- time value (numpy-financial shapes) --------------------------------------------------------


def pmt(rate: Number, nper: Number, pv: Number, fv: Number = 0, when: When = "end") -> Decimal:
    """The level payment per period (negative when pv is positive, as in numpy-financial)."""
    return _core._pmt(rate, nper, pv, fv, _when(when))


def ipmt(rate: Number, per: Number, nper: Number, pv: Number, fv: Number = 0, when: When = "end") -> Decimal:
    """The interest part of payment ``per`` (1..nper)."""
    return _core._ipmt(rate, per, nper, pv, fv, _when(when))


def ppmt(rate: Number, per: Number, nper: Number, pv: Number, fv: Number = 0, when: When = "end") -> Decimal:
    """The principal part of payment ``per`` (1..nper): pmt - ipmt."""
    return _core._ppmt(rate, per, nper, pv, fv, _when(when))


def pv(rate: Number, nper: Number, pmt: Number, fv: Number = 0, when: When = "end") -> Decimal:
    """Present value."""
    return _core._pv(rate, nper, pmt, fv, _when(when))


def fv(rate: Number, nper: Number, pmt: Number, pv: Number, when: When = "end") -> Decimal:
    """Future value."""
    return _core._fv(rate, nper, pmt, pv, _when(when))


def nper(rate: Number, pmt: Number, pv: Number, fv: Number = 0, when: When = "end") -> Decimal:
    """Number of periods (fractional in general; 100-digit logarithms, 28 significant digits)."""
    return _core._nper(rate, pmt, pv, fv, _when(when))


def rate(nper: Number, pmt: Number, pv: Number, fv: Number = 0, when: When = "end") -> Decimal:
    """The periodic rate solving ``fv + pv(1+r)^n + pmt(1+r*when)((1+r)^n - 1)/r = 0``: the root
    nearest zero (bracketed, 1e-45), 28 significant digits. Unlike numpy-financial there is no
    guess, tolerance or iteration cap to tune, and no NaN: NoConvergenceError when no root exists."""
    return _core._rate(nper, pmt, pv, fv, _when(when))


def solve_rate(
    principal: Money, payment: Money, periods: int, periods_per_year: int = 12, *, places: int = 12
) -> Decimal:
    """The annual nominal rate (periodic rate x periods_per_year) at which ``periods`` payments of
    ``payment`` in arrears repay ``principal``; a fraction rounded half_even to ``places``."""
    return _core._solve_rate(principal, payment, periods, periods_per_year, places)


def solve_term(principal: Money, payment: Money, annual_rate: Number, periods_per_year: int = 12) -> int:
    """How many payments of ``payment`` (in arrears; the last one smaller or equal) repay
    ``principal`` at the nominal ``annual_rate`` (a fraction; periodic rate = annual_rate /
    periods_per_year, exact, interest not rounded period by period). A payment that does not
    exceed the first period's interest raises InvalidInputError (``rate.payment_too_small``)."""
    return int(_core._solve_term(principal, payment, annual_rate, periods_per_year))
