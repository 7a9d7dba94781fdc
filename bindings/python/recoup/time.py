"""recoup.time: business-day calendars and day-count conventions.

    >>> import datetime
    >>> from recoup import time
    >>> us = time.calendar("US")
    >>> us.is_business_day(datetime.date(2021, 12, 31))  # New Year's Day 2022 observed
    False
    >>> us.add_business_days(datetime.date(2027, 7, 2), 1)
    datetime.date(2027, 7, 6)
    >>> time.year_fraction(datetime.date(2024, 1, 15), datetime.date(2024, 7, 15), "30/360")
    Decimal('0.5')
    >>> time.day_count_fraction(datetime.date(2024, 1, 15), datetime.date(2024, 4, 15), "ACT/360")
    Fraction(91, 360)

Calendars are data (``data/calendars/*.toml``) with a citation for every rule, and cover a range of
years (``first_year``..``last_year``): a date outside it raises InvalidInputError rather than being
treated as a business day. Dates are ``datetime.date`` (or ISO ``"YYYY-MM-DD"`` strings); a
``datetime.datetime`` is refused. See docs/explanation/calendars-and-day-counts.md.
"""

from __future__ import annotations

import datetime
import decimal
import os
from fractions import Fraction
from typing import Any, Iterable, Sequence, Tuple, Union

import numpy as np
import numpy.typing as npt

from . import _core
from ._core import Calendar
from ._errors import InvalidInputError

__all__ = [
    "BUSINESS_DAY_CONVENTIONS",
    "CALENDARS",
    "DAY_COUNTS",
    "WEEKDAYS",
    "Calendar",
    "business_day_mask",
    "calendar",
    "calendar_from_toml",
    "custom_calendar",
    "day_count_days",
    "day_count_fraction",
    "joint_calendar",
    "load_calendar",
    "year_fraction",
]

#: A date argument: a ``datetime.date`` (not a ``datetime.datetime``) or an ISO "YYYY-MM-DD" string.
DateLike = Union[datetime.date, str]

#: The canonical day-count names; each is accepted by the functions below, case-insensitively, as
#: are the ISDA 2006 section 4.16 names ("Actual/365 (Fixed)", ...). "30/360" is the US rule.
DAY_COUNTS: Tuple[str, ...] = tuple(_core.day_count_names())
#: The business-day conventions ``Calendar.adjust`` accepts.
BUSINESS_DAY_CONVENTIONS: Tuple[str, ...] = tuple(_core.business_day_convention_names())
#: The ids of the built-in calendars.
CALENDARS: Tuple[str, ...] = tuple(_core.calendar_ids())
#: Weekday names for ``custom_calendar(weekend=...)``, Monday first (ISO 1..7).
WEEKDAYS: Tuple[str, ...] = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

#: The context of ``year_fraction`` without ``scale``: 28 significant digits, half-even.
_CONTEXT = decimal.Context(prec=28, rounding=decimal.ROUND_HALF_EVEN)


def calendar(id: str) -> Calendar:
    """The built-in calendar ``id``: "US", "GB-EAW", "GB-SCT" or "GB-NIR" (see ``CALENDARS``).

    An unknown id raises UnknownJurisdictionError (a KeyError) listing the known ids.

        >>> calendar("GB-EAW").holidays(2027)[:2]
        [(datetime.date(2027, 1, 1), "New Year's Day"), (datetime.date(2027, 3, 26), 'Good Friday')]
    """
    return _core.calendar(id)


def joint_calendar(calendars: Iterable[Union[Calendar, str]]) -> Calendar:
    """A calendar whose business days are business days in every one of ``calendars``.

    Items are Calendar objects or built-in ids. The result covers the years all of them cover; its
    id joins theirs with "+", and each holiday name is prefixed with its calendar's id.

        >>> joint_calendar(["US", "GB-EAW"]).id
        'US+GB-EAW'
    """
    return _core.joint_calendar([c if isinstance(c, Calendar) else calendar(c) for c in calendars])


def _weekday(value: Union[str, int]) -> int:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise InvalidInputError(
            f"weekend day {value!r}: use a weekday name such as 'saturday'", id="calendar.custom"
        )
    if isinstance(value, int):
        return value
    name = value.strip().lower()
    if name not in WEEKDAYS:
        raise InvalidInputError(
            f"weekend day {value!r} is not a weekday name: use one of {', '.join(WEEKDAYS)}",
            id="calendar.custom",
        )
    return WEEKDAYS.index(name) + 1


def custom_calendar(
    id: str,
    holidays: Iterable[Union[DateLike, Tuple[DateLike, str], Tuple[DateLike, str, str]]],
    *,
    weekend: Sequence[Union[str, int]] = ("saturday", "sunday"),
    first_year: int | None = None,
    last_year: int | None = None,
) -> Calendar:
    """A user calendar from a list of holidays.

    ``holidays`` holds dates, ``(date, name)`` or ``(date, name, citation)`` tuples. ``weekend`` names
    the weekly days off (names or ISO numbers 1..7). The covered years default to those of the
    earliest and latest holiday; dates outside them raise InvalidInputError when queried.

        >>> import datetime
        >>> shop = custom_calendar("SHOP", [(datetime.date(2026, 8, 3), "Stocktaking")], weekend=["sunday"])
        >>> shop.is_business_day(datetime.date(2026, 8, 1)), shop.is_business_day(datetime.date(2026, 8, 3))
        (True, False)
    """
    days: list[tuple[DateLike, str, str]] = []
    for item in holidays:
        if isinstance(item, tuple):
            if len(item) == 2:
                days.append((item[0], item[1], ""))
            elif len(item) == 3:
                days.append((item[0], item[1], item[2]))
            else:
                raise InvalidInputError(
                    f"holiday {item!r}: expected a date, (date, name) or (date, name, citation)",
                    id="calendar.custom",
                )
        else:
            days.append((item, "Holiday", ""))
    converted = [(_core_date(d), name, cite) for d, name, cite in days]
    if first_year is None or last_year is None:
        if not converted:
            raise InvalidInputError(
                f"calendar {id!r} has no holidays: give first_year and last_year", id="calendar.custom"
            )
        years = [d.year for d, _, _ in converted]
        first_year = min(years) if first_year is None else first_year
        last_year = max(years) if last_year is None else last_year
    return _core.custom_calendar(id, [_weekday(w) for w in weekend], converted, first_year, last_year)


def _core_date(value: DateLike) -> datetime.date:
    if isinstance(value, datetime.datetime):
        raise InvalidInputError(
            "holiday date: expected a datetime.date, got a datetime.datetime (its time of day would be "
            "dropped); pass value.date()",
            id="date.has_time",
        )
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            if len(value) == 10:
                return datetime.date.fromisoformat(value)
        except ValueError:
            pass
        raise InvalidInputError(f"malformed date {value!r}: expected YYYY-MM-DD", id="date.malformed")
    raise InvalidInputError(f"holiday date {value!r}: expected a datetime.date", id="date.type")


def business_day_mask(cal: Calendar, dates: Any) -> npt.NDArray[np.bool_]:
    """Whether each date is a business day of ``cal``, as a numpy bool array.

    ``dates`` is anything numpy turns into ``datetime64[D]``: a datetime64 array, a pandas date
    column's ``.to_numpy()``, a list of ``datetime.date``. The loop runs in C++ without the GIL.
    A NaT raises InvalidInputError (``columns.missing``), a date outside the calendar's years
    ``calendar.out_of_range``; both messages start with the row.

        >>> import numpy as np
        >>> business_day_mask(calendar("US"), np.array(["2027-07-02", "2027-07-05"], dtype="datetime64[D]"))
        array([ True, False])
    """
    days = np.ascontiguousarray(np.asarray(dates, dtype="datetime64[D]")).view(np.int64)
    if days.ndim != 1:
        raise InvalidInputError(f"dates must be one-dimensional, got shape {days.shape}", id="columns.shape")
    mask: npt.NDArray[np.bool_] = _core.calendar_business_day_mask(cal, days)
    return mask


def calendar_from_toml(text: str, source_name: str = "<string>") -> Calendar:
    """A user calendar from TOML text in the schema of data/calendars/README.md.

    A broken file raises RulePackError naming ``source_name``, the line and the key.
    """
    return _core.calendar_from_toml(text, source_name)


def load_calendar(path: Union[str, os.PathLike[str]]) -> Calendar:
    """A user calendar from a TOML file (see ``calendar_from_toml``)."""
    return _core.load_calendar(os.fspath(path))


def day_count_fraction(
    start: DateLike,
    end: DateLike,
    convention: str,
    *,
    maturity: DateLike | None = None,
    reference_start: DateLike | None = None,
    reference_end: DateLike | None = None,
    frequency: int | None = None,
) -> Fraction:
    """The exact year fraction from ``start`` to ``end`` as a ``fractions.Fraction``.

    ``maturity`` is for "30E/360 ISDA" (the end date's last-of-February day stays as it is when it
    is the maturity). ``reference_start``, ``reference_end`` (the regular coupon period) and
    ``frequency`` (coupons per year: 1, 2, 3, 4, 6 or 12) are required by "ACT/ACT ICMA" and
    refused by the other conventions. When start > end the fraction is negative.

        >>> import datetime
        >>> day_count_fraction(datetime.date(2003, 11, 1), datetime.date(2004, 5, 1), "ACT/ACT ISDA")
        Fraction(66491, 133590)
    """
    num, den = _core.day_count_fraction(
        start, end, convention, maturity, reference_start, reference_end, frequency
    )
    return Fraction(num, den)


def year_fraction(
    start: DateLike,
    end: DateLike,
    convention: str,
    *,
    scale: int | None = None,
    rounding: str | None = None,
    maturity: DateLike | None = None,
    reference_start: DateLike | None = None,
    reference_end: DateLike | None = None,
    frequency: int | None = None,
) -> decimal.Decimal:
    """The year fraction from ``start`` to ``end`` as a ``decimal.Decimal``.

    Without ``scale`` the result is exact when it fits 28 significant digits (1/2, 0.25) and is
    otherwise rounded to 28 significant digits, half-even (91/360 = 0.2527...). With ``scale`` it
    is rounded to that many decimal places with ``rounding``, which is then required (as in
    ``recoup.divide``). For the exact value use ``day_count_fraction``. Options as for
    ``day_count_fraction``.

        >>> import datetime
        >>> a, b = datetime.date(2024, 1, 15), datetime.date(2024, 4, 15)
        >>> year_fraction(a, b, "ACT/360")
        Decimal('0.2527777777777777777777777778')
        >>> year_fraction(a, b, "ACT/360", scale=6, rounding="half_even")
        Decimal('0.252778')
    """
    if scale is not None:
        result: decimal.Decimal = _core.year_fraction_rounded(
            start, end, convention, scale, rounding, maturity, reference_start, reference_end, frequency
        )
        return result
    if rounding is not None:
        raise InvalidInputError(
            f"rounding={rounding!r} without scale: give scale= (decimal places) too, or leave rounding out "
            "for the exact or 28-significant-digit result",
            id="day_count.rounding_without_scale",
        )
    f = day_count_fraction(
        start,
        end,
        convention,
        maturity=maturity,
        reference_start=reference_start,
        reference_end=reference_end,
        frequency=frequency,
    )
    return _CONTEXT.divide(decimal.Decimal(f.numerator), decimal.Decimal(f.denominator))


def day_count_days(
    start: DateLike, end: DateLike, convention: str, *, maturity: DateLike | None = None
) -> int:
    """The days the convention counts from ``start`` to ``end``: the 30/360 day count for the 30/360
    family, the actual days for the ACT family (negative when end < start).

        >>> import datetime
        >>> day_count_days(datetime.date(2007, 2, 28), datetime.date(2007, 3, 31), "30/360")
        30
        >>> day_count_days(datetime.date(2007, 2, 28), datetime.date(2007, 3, 31), "30/360 Bond Basis")
        33
    """
    days: int = _core.day_count_days(start, end, convention, maturity)
    return days

from ._boundary import guard_module as _guard_module  # noqa: E402

_guard_module(globals(), __all__)  # every exported function raises recoup errors with ids
