"""Garnishment caps and statutory interest, from the rule packs, with verdicts that cite them.

US wage garnishment for an ordinary judgment creditor (CCPA Title III, 29 CFR 870.10, and the
states that protect more):

    >>> from datetime import date
    >>> from recoup import Money
    >>> from recoup._rules_money import garnishment_limit, late_payment_compensation
    >>> v = garnishment_limit(jurisdiction="US", disposable_earnings=Money("500.00", "USD"),
    ...                       pay_period="weekly", as_of=date(2026, 1, 9))
    >>> v.amount
    Money('125.00', 'USD')
    >>> v.rule_id, v.citation
    ('garnishment.disposable_percent', '15 U.S.C. 1673(a)(1); 29 CFR 870.10(a)-(b)')

UK Late Payment Act fixed compensation (s5A):

    >>> late_payment_compensation(amount=Money("999.99", "GBP"), as_of=date(2024, 3, 1)).amount
    Money('40.00', 'GBP')

Amounts are Money, or Decimal / int / decimal strings in the check's currency (USD for
garnishment; GBP for "GB", EUR for "EU" and member states). Floats are refused
(recoup.FloatInputError).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple, Sequence, Union

import numpy as np
import numpy.typing as npt

from . import _core
from ._core import (
    CompensationVerdict,
    GarnishmentVerdict,
    Money,
    ReferenceRateVerdict,
    StatutoryInterestVerdict,
)
from ._errors import FloatInputError, InvalidInputError
from .columns import _collect, _minor_array, parse

__all__ = [
    "PAY_PERIODS",
    "CompensationVerdict",
    "GarnishmentLimits",
    "GarnishmentVerdict",
    "ReferenceRateVerdict",
    "StatutoryInterestVerdict",
    "garnishment_limit",
    "garnishment_limits",
    "judgment_interest",
    "late_payment_compensation",
    "late_payment_interest",
    "reference_rate",
]

#: The pay periods of 29 CFR 870.10(c).
PAY_PERIODS = ("weekly", "biweekly", "semimonthly", "monthly")

#: An amount: Money, or an exact number in the check's currency. Floats are refused.
Amount = Union[Money, Decimal, int, str]
#: A date, or ISO "YYYY-MM-DD" text.
DateLike = Union[date, str]


def _money(value: Amount, currency: str, what: str) -> Money:
    """Money from Money, Decimal, int or decimal text in ``currency``; floats refused."""
    if isinstance(value, Money):
        return value
    if isinstance(value, float):
        raise FloatInputError(
            f"{what} is a float ({value!r}): pass Money, a Decimal or a string such as '500.00'",
            id="python.float_input",
        )
    if isinstance(value, bool) or not isinstance(value, (Decimal, int, str)):
        raise TypeError(f"{what} must be Money, Decimal, int or str, not {type(value).__name__}")
    if isinstance(value, str) and " " in value:
        return Money.parse(value)
    return Money(value, currency)


def _default_currency(jurisdiction: str) -> str:
    if jurisdiction == "GB" or jurisdiction.startswith("GB-"):
        return "GBP"
    if jurisdiction == "US" or jurisdiction.startswith("US-"):
        return "USD"
    return "EUR"


def garnishment_limit(
    jurisdiction: str,
    disposable_earnings: Amount,
    pay_period: str,
    as_of: DateLike,
    *,
    gross_earnings: Amount | None = None,
    head_of_family: bool = False,
    written_consent: bool = False,
    local_minimum_hourly: Amount | None = None,
    wage_region: str = "",
    book: Any = None,
) -> GarnishmentVerdict:
    """The most an ordinary judgment creditor may garnish from one pay period's earnings.

    ``jurisdiction`` is "US" (the federal CCPA limit alone) or a state code such as "US-NY"
    (the federal and the state limit; the one protecting more binds). ``pay_period`` is
    "weekly", "biweekly", "semimonthly" or "monthly"; ``as_of`` the day the earnings are
    payable (it picks the minimum wage and the statute version). ``gross_earnings`` is needed
    where the state limit is a share of gross pay (New York, Illinois, Massachusetts).
    ``head_of_family`` / ``written_consent``: Florida s222.11. ``local_minimum_hourly``: a higher
    local minimum wage (California, Colorado). ``wage_region="nyc_li_westchester"``: New York's
    downstate minimum wage.

    The result's ``amount`` is rounded down to the cent, in the debtor's favour. Errors:
    InvalidInputError (garnishment.pay_period, garnishment.negative_earnings,
    garnishment.gross_required, garnishment.gross_below_disposable), CurrencyMismatchError
    (garnishment.currency), UnknownJurisdictionError (garnishment.jurisdiction,
    rules.not_in_force).
    """
    gross = None if gross_earnings is None else _money(gross_earnings, "USD", "gross_earnings")
    local = (
        None if local_minimum_hourly is None else _money(local_minimum_hourly, "USD", "local_minimum_hourly")
    )
    result: GarnishmentVerdict = _core._garnishment_limit(
        jurisdiction,
        _money(disposable_earnings, "USD", "disposable_earnings"),
        pay_period,
        as_of,
        gross,
        head_of_family,
        written_consent,
        local,
        wage_region,
        book,
    )
    return result


class GarnishmentLimits(NamedTuple):
    """The result of garnishment_limits: int64 USD cents per row, and the rows that failed."""

    amount: npt.NDArray[np.int64]
    federal: npt.NDArray[np.int64]
    state: npt.NDArray[np.int64]  # -1 where no state rule applies
    error_rows: npt.NDArray[np.int64]
    error_ids: list[str]
    error_messages: list[str]

    @property
    def ok(self) -> npt.NDArray[np.bool_]:
        """A boolean mask of the rows that succeeded."""
        mask = np.ones(len(self.amount), dtype=bool)
        mask[self.error_rows] = False
        return mask

    def to_pandas(self, index: Any = None) -> Any:
        """A pandas DataFrame (columns amount, federal, state in cents; ok) with ``index``."""
        import pandas as pd

        return pd.DataFrame(
            {"amount": self.amount, "federal": self.federal, "state": self.state, "ok": self.ok}, index=index
        )


def _usd_column(values: Any, what: str) -> npt.NDArray[np.int64]:
    """int64 cents from an integer column (cents) or a column of Decimal / decimal strings."""
    arr = np.asarray(values)
    if arr.dtype.kind in "OUS":
        items = arr.tolist()
        for row, item in enumerate(items):
            if isinstance(item, float):
                raise FloatInputError(
                    f"row {row}: {what} holds a float ({item!r}): pass int64 cents, Decimal or decimal text",
                    id="python.float_input",
                )
        text = np.array([str(x) for x in items], dtype=object)
        return np.ascontiguousarray(parse(text, "USD"), dtype=np.int64)
    return _minor_array(arr, what)


def garnishment_limits(
    disposable_earnings: Any,
    pay_period: str,
    as_of: DateLike,
    *,
    jurisdiction: Union[str, Sequence[str], Any] = "US",
    gross_earnings: Any = None,
    head_of_family: bool = False,
    written_consent: bool = False,
    local_minimum_hourly: Amount | None = None,
    wage_region: str = "",
    errors: str = "raise",
    book: Any = None,
) -> GarnishmentLimits:
    """garnishment_limit over columns of a portfolio (numpy arrays or pandas Series).

    ``disposable_earnings`` (and ``gross_earnings``) are int64 USD cents, or columns of Decimal
    or decimal strings; float columns are refused. ``jurisdiction`` is one code for every row or
    a column of codes. One pay period, date and set of options for the call. The rules of each
    jurisdiction are resolved once; the kernel runs without the GIL.

    With ``errors="raise"`` the first bad row raises, its message starting "row N: "; with
    ``errors="collect"`` bad rows get 0 and are listed in ``error_rows`` / ``error_ids``.

        >>> import numpy as np
        >>> r = garnishment_limits(np.array([21750, 50000]), "weekly", "2026-01-09")
        >>> r.amount
        array([    0, 12500])
    """
    collect = _collect(errors)
    disposable = _usd_column(disposable_earnings, "disposable_earnings")
    gross = None if gross_earnings is None else _usd_column(gross_earnings, "gross_earnings")
    if isinstance(jurisdiction, str):
        codes: list[str] | None = None
        default = jurisdiction
    else:
        codes = [str(j) for j in np.asarray(jurisdiction, dtype=object).tolist()]
        default = "US"
    if gross is not None and len(gross) != len(disposable):
        raise InvalidInputError(
            f"gross_earnings has {len(gross)} rows; disposable_earnings have {len(disposable)}",
            id="garnishment.batch_shape",
        )
    local = (
        None if local_minimum_hourly is None else _money(local_minimum_hourly, "USD", "local_minimum_hourly")
    )
    out = _core._garnishment_limits(
        disposable,
        codes,
        default,
        pay_period,
        as_of,
        gross,
        head_of_family,
        written_consent,
        local,
        wage_region,
        book,
        collect,
    )
    if collect:
        (amount, federal, state), (rows, ids, messages) = out
        return GarnishmentLimits(
            amount, federal, state, np.asarray(rows, dtype=np.int64), list(ids), list(messages)
        )
    amount, federal, state = out
    return GarnishmentLimits(amount, federal, state, np.zeros(0, dtype=np.int64), [], [])


def late_payment_compensation(
    amount: Amount, as_of: DateLike, jurisdiction: str = "GB", *, book: Any = None
) -> CompensationVerdict:
    """The fixed sum for one late commercial debt of ``amount``, in force on ``as_of`` (the
    day statutory interest starts to run).

    "GB": 40 / 70 / 100 GBP for a debt under 1,000 / under 10,000 / 10,000 GBP or more (Late
    Payment of Commercial Debts (Interest) Act 1998 s5A). "EU" or a member state ("IE", "DE"):
    40 EUR (Directive 2011/7/EU Art. 6). The sum is exact: nothing is rounded.
    """
    debt = _money(amount, _default_currency(jurisdiction), "amount")
    result: CompensationVerdict = _core._late_payment_compensation(debt, as_of, jurisdiction, book)
    return result


def late_payment_interest(
    amount: Amount,
    due_date: DateLike,
    paid_on: DateLike,
    jurisdiction: str = "GB",
    *,
    rounding: str,
    book: Any = None,
) -> StatutoryInterestVerdict:
    """Statutory interest on a late commercial debt: daily simple interest on 365 days for each
    day after ``due_date`` up to and including ``paid_on``, rounded once with ``rounding``.

    "GB": Bank Rate on the 30 June / 31 December immediately before interest starts, plus 8
    points, fixed for the debt (SI 2002/1675). "EU" or a member state: the ECB main refinancing
    rate on 1 January / 1 July of each half-year, plus 8 points (Directive 2011/7/EU).

        >>> late_payment_interest(Money("10000.00", "GBP"), date(2024, 1, 31), date(2024, 3, 1),
        ...                       rounding="half_up").amount
        Money('108.90', 'GBP')
    """
    debt = _money(amount, _default_currency(jurisdiction), "amount")
    result: StatutoryInterestVerdict = _core._late_payment_interest(
        debt, due_date, paid_on, rounding, jurisdiction, book
    )
    return result


def judgment_interest(
    amount: Amount,
    entered_on: DateLike,
    paid_on: DateLike,
    jurisdiction: str = "GB-EAW",
    *,
    rounding: str,
    rate_percent: Decimal | int | str | None = None,
    book: Any = None,
) -> StatutoryInterestVerdict:
    """Interest on a judgment debt from ``entered_on`` to ``paid_on``.

    "GB-EAW": 8% a year simple (Judgments Act 1838 s17), rounded once with ``rounding``. "US":
    28 U.S.C. 1961, ``rate_percent`` being the weekly 1-year constant-maturity Treasury yield for
    the week before judgment: daily on 365 days, compounded annually (each year's interest rounded
    with ``rounding`` on the anniversary and added to the balance).
    """
    if isinstance(rate_percent, float):
        raise FloatInputError(
            f"rate_percent is a float ({rate_percent!r}): pass a Decimal or a string such as '4.80'",
            id="python.float_input",
        )
    debt = _money(amount, _default_currency(jurisdiction), "amount")
    result: StatutoryInterestVerdict = _core._judgment_interest(
        debt, entered_on, paid_on, rounding, jurisdiction, rate_percent, book
    )
    return result


def reference_rate(name: str, on: DateLike, *, book: Any = None) -> ReferenceRateVerdict:
    """A reference rate in force on a date: "boe_bank_rate" (Bank of England Bank Rate) or
    "ecb_main_refinancing" (ECB main refinancing operations), as a percent Decimal in ``.rate``.

        >>> reference_rate("boe_bank_rate", on=date(2024, 1, 1)).rate
        Decimal('5.25')
    """
    result: ReferenceRateVerdict = _core._reference_rate(name, on, book)
    return result
