"""Day-count conventions: exact fractions against QuantLib 1.44 over random dates, published
examples, names, and errors."""

from __future__ import annotations

import datetime
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any, Callable

import pytest
import QuantLib as ql
from hypothesis import given, settings
from hypothesis import strategies as st

import recoup
from recoup import time


def qd(d: date) -> Any:
    return ql.Date(d.day, d.month, d.year)


#: recoup's canonical name -> the QuantLib day counter it must equal (30E/360 ISDA takes the
#: maturity as QuantLib's terminationDate).
QUANTLIB: dict[str, Callable[[date | None], Any]] = {
    "30/360": lambda _m: ql.Thirty360(ql.Thirty360.USA),
    "30/360 Bond Basis": lambda _m: ql.Thirty360(ql.Thirty360.BondBasis),
    "30E/360": lambda _m: ql.Thirty360(ql.Thirty360.European),
    "30E/360 ISDA": lambda m: (
        ql.Thirty360(ql.Thirty360.ISDA, qd(m)) if m else ql.Thirty360(ql.Thirty360.ISDA)
    ),
    "ACT/360": lambda _m: ql.Actual360(),
    "ACT/365F": lambda _m: ql.Actual365Fixed(),
    "ACT/ACT ISDA": lambda _m: ql.ActualActual(ql.ActualActual.ISDA),
}

# QuantLib's dates run from 1901 to 2199.
ql_dates = st.dates(date(1901, 1, 1), date(2199, 12, 31))
#: Dates near month ends and February, where the 30/360 rules differ, drawn often.
month_ends = st.builds(
    lambda y, m, back: (
        (date(y, m, 1) + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=back)
    ),
    st.integers(1901, 2198),
    st.integers(1, 12),
    st.integers(1, 3),
)
any_dates = st.one_of(ql_dates, month_ends)


def check_against_quantlib(convention: str, start: date, end: date, maturity: date | None) -> None:
    counter = QUANTLIB[convention](maturity)
    kwargs = {"maturity": maturity} if convention == "30E/360 ISDA" else {}
    exact = time.day_count_fraction(start, end, convention, **kwargs)
    assert abs(float(exact) - counter.yearFraction(qd(start), qd(end))) < 1e-12
    assert time.day_count_days(start, end, convention, **kwargs) == counter.dayCount(qd(start), qd(end))
    if convention.startswith("30"):
        assert exact == Fraction(counter.dayCount(qd(start), qd(end)), 360)


@given(
    convention=st.sampled_from(sorted(QUANTLIB)),
    start=any_dates,
    end=any_dates,
    end_is_maturity=st.booleans(),
)
def test_day_counts_equal_quantlib(convention: str, start: date, end: date, end_is_maturity: bool) -> None:
    check_against_quantlib(convention, start, end, end if end_is_maturity else None)


@pytest.mark.deep
@settings(max_examples=20_000)
@given(
    convention=st.sampled_from(sorted(QUANTLIB)),
    start=any_dates,
    end=any_dates,
    end_is_maturity=st.booleans(),
)
def test_day_counts_equal_quantlib_deep(
    convention: str, start: date, end: date, end_is_maturity: bool
) -> None:
    check_against_quantlib(convention, start, end, end if end_is_maturity else None)


def add_months(d: date, months: int) -> date:
    """QuantLib's Date + n*Months: the same day, clamped to the end of the target month."""
    total = d.year * 12 + d.month - 1 + months
    y, m = divmod(total, 12)
    first_next = date(y + (m + 1) // 12, (m + 1) % 12 + 1, 1)
    return date(y, m + 1, min(d.day, (first_next - datetime.timedelta(days=1)).day))


@st.composite
def icma_cases(draw: st.DrawFn) -> tuple[date, date, date, date, int]:
    """An accrual period and its reference period in every position QuantLib's ISMA accepts:
    regular, short or long first period (start before the reference period, end inside it), and
    long last period (start inside, end after)."""
    frequency = draw(st.sampled_from([1, 2, 3, 4, 6, 12]))
    ref_start = draw(st.dates(date(1910, 1, 1), date(2180, 12, 31)))
    ref_end = add_months(ref_start, 12 // frequency)
    period = (ref_end - ref_start).days
    if draw(st.booleans()):
        start = ref_start + datetime.timedelta(days=draw(st.integers(-3 * period, period - 1)))
        end_limit = (ref_end - start).days
        end = start + datetime.timedelta(days=draw(st.integers(0, end_limit)))
    else:
        start = ref_start + datetime.timedelta(days=draw(st.integers(0, period - 1)))
        end = start + datetime.timedelta(days=draw(st.integers(0, 4 * period)))
    if draw(st.booleans()):
        start, end = end, start
    return start, end, ref_start, ref_end, frequency


def check_icma(case: tuple[date, date, date, date, int]) -> None:
    start, end, ref_start, ref_end, frequency = case
    exact = time.day_count_fraction(
        start, end, "ACT/ACT ICMA", reference_start=ref_start, reference_end=ref_end, frequency=frequency
    )
    expected = ql.ActualActual(ql.ActualActual.ISMA).yearFraction(
        qd(start), qd(end), qd(ref_start), qd(ref_end)
    )
    assert abs(float(exact) - expected) < 1e-12


@given(case=icma_cases())
def test_act_act_icma_equals_quantlib(case: tuple[date, date, date, date, int]) -> None:
    check_icma(case)


@pytest.mark.deep
@settings(max_examples=20_000)
@given(case=icma_cases())
def test_act_act_icma_equals_quantlib_deep(case: tuple[date, date, date, date, int]) -> None:
    check_icma(case)


# --- published examples ---------------------------------------------------------------------------

#: ISDA's 30/360 worked examples for the 2006 ISDA Definitions section 4.16(f) (30/360, Bond
#: Basis), as reproduced at http://finance.fyicenter.com/1000400_30_360_-Day_Count_Examples_by_ISDA.html:
#: (start, end, days).
ISDA_BOND_BASIS_EXAMPLES = [
    ("2006-08-20", "2007-02-20", 180),
    ("2006-08-31", "2007-02-28", 178),
    ("2007-02-28", "2007-08-31", 183),
    ("2007-08-31", "2008-02-29", 179),
    ("2008-02-29", "2008-08-31", 182),
    ("2008-08-31", "2009-02-28", 178),
    ("2009-02-28", "2009-08-31", 183),
    ("2006-01-31", "2006-02-28", 28),
    ("2006-02-28", "2006-03-03", 5),
    ("2006-09-30", "2006-10-31", 30),
    ("2006-10-31", "2006-11-28", 28),
    ("2007-02-26", "2008-02-29", 363),
    ("2008-02-29", "2009-02-28", 359),
    ("2008-02-28", "2008-03-31", 33),
    ("2008-02-29", "2008-03-31", 32),
]


@pytest.mark.parametrize(("start", "end", "days"), ISDA_BOND_BASIS_EXAMPLES, ids=lambda v: str(v))
def test_isda_bond_basis_examples(start: str, end: str, days: int) -> None:
    assert time.day_count_days(start, end, "30/360 Bond Basis") == days
    assert time.day_count_fraction(start, end, "Bond Basis") == Fraction(days, 360)


#: ISDA, "EMU and Market Conventions: Recent Developments" (1998), section 4 (Actual/Actual):
#: (start, end, reference start, reference end, frequency, ISDA result, ICMA result), results as
#: published to the digits shown there.
ISDA_ACT_ACT_EXAMPLES = [
    ("2003-11-01", "2004-05-01", "2003-11-01", "2004-05-01", 2, "0.49772", "0.50000"),
    ("1999-02-01", "1999-07-01", "1998-07-01", "1999-07-01", 1, "0.41096", "0.41096"),
    ("2002-08-15", "2003-07-15", "2003-01-15", "2003-07-15", 2, "0.91507", "0.91576"),
    ("2003-07-15", "2004-01-15", "2003-07-15", "2004-01-15", 2, "0.50400", "0.50000"),
    ("1999-07-30", "2000-01-30", "1999-07-30", "2000-01-30", 2, "0.50389", "0.50000"),
    ("2000-01-30", "2000-06-30", "2000-01-30", "2000-07-30", 2, "0.41530", "0.41758"),
]


@pytest.mark.parametrize(
    ("start", "end", "ref_start", "ref_end", "frequency", "isda", "icma"),
    ISDA_ACT_ACT_EXAMPLES,
    ids=lambda v: str(v),
)
def test_isda_actual_actual_examples(
    start: str, end: str, ref_start: str, ref_end: str, frequency: int, isda: str, icma: str
) -> None:
    assert time.year_fraction(start, end, "ACT/ACT ISDA", scale=5, rounding="half_even") == Decimal(isda)
    got = time.year_fraction(
        start,
        end,
        "ACT/ACT ICMA",
        scale=5,
        rounding="half_even",
        reference_start=ref_start,
        reference_end=ref_end,
        frequency=frequency,
    )
    assert got == Decimal(icma)


def test_exact_and_rounded_results() -> None:
    a, b = date(2024, 1, 15), date(2024, 4, 15)
    assert time.day_count_fraction(a, b, "ACT/360") == Fraction(91, 360)
    assert time.year_fraction(a, b, "ACT/360") == Decimal("0.2527777777777777777777777778")
    assert time.year_fraction(a, b, "ACT/360", scale=4, rounding="down") == Decimal("0.2527")
    assert time.year_fraction(a, date(2024, 7, 15), "30/360") == Decimal("0.5")
    assert time.year_fraction(a, a, "ACT/365F") == Decimal(0)
    assert time.year_fraction(b, a, "ACT/360") == -time.year_fraction(a, b, "ACT/360")
    assert time.day_count_fraction(date(2024, 1, 1), date(2025, 1, 1), "ACT/ACT ISDA") == 1
    assert time.day_count_days(date(2023, 12, 1), date(2024, 3, 1), "ACT/ACT ISDA") == 91


# --- names and errors -----------------------------------------------------------------------------


def test_names() -> None:
    assert time.DAY_COUNTS == (
        "30/360",
        "30/360 Bond Basis",
        "30E/360",
        "30E/360 ISDA",
        "ACT/360",
        "ACT/365F",
        "ACT/ACT ISDA",
        "ACT/ACT ICMA",
    )
    assert time.BUSINESS_DAY_CONVENTIONS == (
        "unadjusted",
        "following",
        "modified_following",
        "preceding",
        "modified_preceding",
    )
    a, b = date(2024, 2, 29), date(2024, 3, 31)
    for alias, canonical in [
        ("act/365f", "ACT/365F"),
        ("Actual/365 (Fixed)", "ACT/365F"),
        ("30U/360", "30/360"),
        ("thirty_e_360", "30E/360"),
        ("Eurobond Basis", "30E/360"),
        ("Actual/Actual (ISDA)", "ACT/ACT ISDA"),
        ("act_360", "ACT/360"),
    ]:
        assert time.day_count_fraction(a, b, alias) == time.day_count_fraction(a, b, canonical)


def test_errors() -> None:
    a, b = date(2024, 1, 1), date(2024, 7, 1)
    with pytest.raises(recoup.InvalidInputError, match="'ACT/ACT' is ambiguous") as info:
        time.year_fraction(a, b, "ACT/ACT")
    assert info.value.id == "day_count.unknown"
    with pytest.raises(recoup.InvalidInputError, match="'ACT/364' is not a convention recoup knows"):
        time.day_count_days(a, b, "ACT/364")
    with pytest.raises(
        recoup.InvalidInputError, match="pass reference_start, reference_end and frequency"
    ) as info:
        time.year_fraction(a, b, "ACT/ACT ICMA")
    assert info.value.id == "day_count.icma_reference"
    with pytest.raises(recoup.InvalidInputError, match="is not one regular period of 3 months"):
        time.year_fraction(a, b, "ACT/ACT ICMA", reference_start=a, reference_end=b, frequency=4)
    with pytest.raises(recoup.InvalidInputError, match="ACT/360 does not use a reference period") as info:
        time.year_fraction(a, b, "ACT/360", reference_start=a, reference_end=b, frequency=2)
    assert info.value.id == "day_count.unused_option"
    with pytest.raises(recoup.InvalidInputError, match="30/360 does not use a maturity date"):
        time.day_count_fraction(a, b, "30/360", maturity=b)
    with pytest.raises(recoup.InvalidInputError) as info:
        time.year_fraction(datetime.datetime(2024, 1, 1, 12), b, "ACT/360")
    assert info.value.id == "date.has_time"
    with pytest.raises(recoup.InvalidInputError, match="rounding mode"):
        time.year_fraction(a, b, "ACT/360", scale=4, rounding="sideways")
    with pytest.raises(recoup.InvalidInputError, match="rounding mode") as info:
        time.year_fraction(a, b, "ACT/360", scale=4)
    assert info.value.id == "rounding.missing"
    with pytest.raises(recoup.InvalidInputError, match="without scale") as info:
        time.year_fraction(a, b, "ACT/360", rounding="down")
    assert info.value.id == "day_count.rounding_without_scale"
