"""Business-day calendars: the built-in holidays against the ``holidays`` package and gov.uk,
business-day conventions, business-day arithmetic, user and joint calendars, errors."""

from __future__ import annotations

import datetime
import pickle
from datetime import date
from pathlib import Path

import holidays as pyholidays
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import recoup
from recoup import time

#: The whole covered range of the built-in calendars.
YEARS = range(1971, 2101)

_NEW_YEAR_1974 = (
    "New Year's Day has been a bank holiday in England, Wales and Northern Ireland by Royal Proclamation "
    "since 1974; the holidays package starts it in 1975"
)
_SCOTLAND_EARLY_MAY = (
    "the first Monday in May is a Scottish bank holiday by the Banking and Financial Dealings Act 1971 "
    "Sch. 1 para. 2 from 1971; the holidays package starts it in 1978"
)
_SCOTLAND_SPRING = (
    "the last Monday in May has been proclaimed a Scottish bank holiday since 1978; the holidays package "
    "has it from 1971"
)


def _nth_monday_of_may(year: int, n: int) -> date:
    """The first (n = 1) or last (n = -1) Monday of May."""
    mondays = [date(year, 5, d) for d in range(1, 32) if date(year, 5, d).weekday() == 0]
    return mondays[0] if n == 1 else mondays[-1]


#: Deliberate differences from the ``holidays`` package (version 0.108) over 1971-2100, each with
#: its reason: (calendar id, date) -> why recoup differs. None falls in 1990-2030 except St Andrew's
#: Day 2006.
KNOWN_DIFFERENCES = {
    ("GB-SCT", date(2006, 11, 30)): (
        "St Andrew's Day became a bank holiday under the St Andrew's Day Bank Holiday (Scotland) Act "
        "2007 (asp 2), Royal Assent 15 January 2007; the holidays package starts it in 2006"
    ),
    ("GB-EAW", date(1974, 1, 1)): _NEW_YEAR_1974,
    ("GB-NIR", date(1974, 1, 1)): _NEW_YEAR_1974,
    **{("GB-SCT", _nth_monday_of_may(y, 1)): _SCOTLAND_EARLY_MAY for y in range(1971, 1978)},
    **{("GB-SCT", _nth_monday_of_may(y, -1)): _SCOTLAND_SPRING for y in range(1971, 1978)},
}


def recoup_dates(cal_id: str) -> set[date]:
    cal = time.calendar(cal_id)
    return {d for d, _ in cal.holidays_between(date(YEARS[0], 1, 1), date(YEARS[-1], 12, 31))}


def oracle_dates(cal_id: str) -> set[date]:
    if cal_id == "US":
        source = pyholidays.country_holidays("US", years=YEARS)
    else:
        subdiv = {"GB-EAW": "ENG", "GB-SCT": "SCT", "GB-NIR": "NIR"}[cal_id]
        source = pyholidays.UK(subdiv=subdiv, years=YEARS)
    return {d for d in source if YEARS[0] <= d.year <= YEARS[-1]}


@pytest.mark.parametrize("cal_id", ["US", "GB-EAW", "GB-SCT", "GB-NIR"])
def test_every_holiday_1971_2100_matches_the_holidays_package(cal_id: str) -> None:
    ours, theirs = recoup_dates(cal_id), oracle_dates(cal_id)
    explained = {d for (c, d) in KNOWN_DIFFERENCES if c == cal_id}
    assert ours ^ theirs == explained, {
        "only in recoup": sorted(ours - theirs),
        "only in holidays": sorted((theirs - ours) - explained),
    }


def weekday_holidays(cal_id: str, year: int) -> list[date]:
    cal = time.calendar(cal_id)
    return [d for d, _ in cal.holidays(year) if not cal.is_weekend(d)]


def ds(year: int, *month_days: tuple[int, int]) -> list[date]:
    return [date(year, m, d) for m, d in month_days]


#: England and Wales bank holidays (weekdays) as listed at https://www.gov.uk/bank-holidays.
GOV_UK_ENGLAND_AND_WALES = {
    2019: ds(2019, (1, 1), (4, 19), (4, 22), (5, 6), (5, 27), (8, 26), (12, 25), (12, 26)),
    2020: ds(2020, (1, 1), (4, 10), (4, 13), (5, 8), (5, 25), (8, 31), (12, 25), (12, 28)),
    2021: ds(2021, (1, 1), (4, 2), (4, 5), (5, 3), (5, 31), (8, 30), (12, 27), (12, 28)),
    2022: ds(2022, (1, 3), (4, 15), (4, 18), (5, 2), (6, 2), (6, 3), (8, 29), (9, 19), (12, 26), (12, 27)),
    2023: ds(2023, (1, 2), (4, 7), (4, 10), (5, 1), (5, 8), (5, 29), (8, 28), (12, 25), (12, 26)),
    2024: ds(2024, (1, 1), (3, 29), (4, 1), (5, 6), (5, 27), (8, 26), (12, 25), (12, 26)),
    2025: ds(2025, (1, 1), (4, 18), (4, 21), (5, 5), (5, 26), (8, 25), (12, 25), (12, 26)),
    2026: ds(2026, (1, 1), (4, 3), (4, 6), (5, 4), (5, 25), (8, 31), (12, 25), (12, 28)),
    2027: ds(2027, (1, 1), (3, 26), (3, 29), (5, 3), (5, 31), (8, 30), (12, 27), (12, 28)),
}


@pytest.mark.parametrize("year", sorted(GOV_UK_ENGLAND_AND_WALES))
def test_england_and_wales_matches_gov_uk(year: int) -> None:
    assert weekday_holidays("GB-EAW", year) == GOV_UK_ENGLAND_AND_WALES[year]


def test_scotland_and_northern_ireland_match_gov_uk() -> None:
    # gov.uk/bank-holidays, Scotland 2024 and 2026 (St Andrew's Day 2024 on a Saturday: Monday 2 Dec).
    assert weekday_holidays("GB-SCT", 2024) == ds(
        2024, (1, 1), (1, 2), (3, 29), (5, 6), (5, 27), (8, 5), (12, 2), (12, 25), (12, 26)
    )
    assert weekday_holidays("GB-SCT", 2026) == ds(
        2026, (1, 1), (1, 2), (4, 3), (5, 4), (5, 25), (6, 15), (8, 3), (11, 30), (12, 25), (12, 28)
    )
    # Northern Ireland 2026: England and Wales plus St Patrick's Day and the Boyne (Sunday -> Monday).
    assert weekday_holidays("GB-NIR", 2026) == sorted(
        GOV_UK_ENGLAND_AND_WALES[2026] + [date(2026, 3, 17), date(2026, 7, 13)]
    )


def test_us_observed_days() -> None:
    us = time.calendar("US")
    assert not us.is_business_day(date(2021, 12, 31))  # New Year's Day 2022 (Saturday)
    assert (date(2021, 12, 31), "New Year's Day (observed)") in us.holidays(2021)
    assert us.is_holiday(date(2021, 6, 18))  # first Juneteenth, Saturday 19 June 2021
    assert not us.is_holiday(date(2020, 6, 19))
    assert not us.is_business_day(date(2027, 7, 5))  # Independence Day on a Sunday
    assert us.is_holiday(date(2027, 7, 4)) and not us.is_business_day(date(2027, 7, 4))


def test_calendar_metadata() -> None:
    ew = time.calendar("GB-EAW")
    assert ew.id == "GB-EAW"
    assert (ew.first_year, ew.last_year) == (1971, 2100)
    assert "Banking and Financial Dealings Act 1971" in ew.citation
    assert "cannot be known in advance" in ew.note
    assert ew.weekend == [6, 7]
    assert set(time.CALENDARS) == {"US", "GB-EAW", "GB-SCT", "GB-NIR"}
    details = ew.holiday_details(date(2022, 9, 19), date(2022, 9, 19))
    assert details[0][1] == "Bank holiday for the State Funeral of Queen Elizabeth II"
    assert "Proclamation" in details[0][2]
    assert repr(ew) == "Calendar('GB-EAW', 1971..2100)"


# --- adjustment and arithmetic ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cal_id", "day", "convention", "expected"),
    [
        ("US", date(2027, 7, 31), "following", date(2027, 8, 2)),
        ("US", date(2027, 7, 31), "modified_following", date(2027, 7, 30)),  # stays in July
        ("GB-EAW", date(2022, 5, 1), "preceding", date(2022, 4, 29)),
        ("GB-EAW", date(2022, 5, 1), "modified_preceding", date(2022, 5, 3)),  # 2 May is a bank holiday
        ("GB-EAW", date(2022, 5, 1), "unadjusted", date(2022, 5, 1)),
        ("GB-EAW", date(2024, 3, 29), "following", date(2024, 4, 2)),  # Good Friday + Easter Monday
        ("GB-EAW", date(2024, 4, 30), "modified_following", date(2024, 4, 30)),
    ],
    ids=lambda v: str(v),
)
def test_adjust(cal_id: str, day: date, convention: str, expected: date) -> None:
    assert time.calendar(cal_id).adjust(day, convention) == expected


@pytest.mark.parametrize(
    ("cal_id", "day", "n", "expected"),
    [
        ("GB-EAW", date(2024, 3, 28), 1, date(2024, 4, 2)),  # over Easter
        ("GB-EAW", date(2024, 4, 2), -1, date(2024, 3, 28)),
        ("GB-EAW", date(2026, 12, 24), 1, date(2026, 12, 29)),  # over Christmas and its substitute
        ("GB-EAW", date(2026, 12, 24), 5, date(2027, 1, 5)),
        ("US", date(2026, 12, 24), 1, date(2026, 12, 28)),
        ("GB-SCT", date(2025, 12, 31), 1, date(2026, 1, 5)),  # 1 and 2 January in Scotland
        ("GB-EAW", date(2026, 12, 25), 0, date(2026, 12, 29)),  # n = 0 rolls forward
    ],
    ids=lambda v: str(v),
)
def test_add_business_days(cal_id: str, day: date, n: int, expected: date) -> None:
    assert time.calendar(cal_id).add_business_days(day, n) == expected


def test_business_days_between_is_half_open() -> None:
    ew = time.calendar("GB-EAW")
    assert ew.business_days_between(date(2024, 3, 28), date(2024, 4, 2)) == 1
    assert ew.business_days_between(date(2024, 4, 2), date(2024, 3, 28)) == -1
    assert ew.business_days_between(date(2024, 1, 1), date(2024, 12, 31)) == 254


#: Dates at least 400 business days inside the covered range (the arithmetic tests add up to 400).
days_in_range = st.dates(date(1972, 1, 1), date(2098, 6, 30))
calendar_ids = st.sampled_from(["US", "GB-EAW", "GB-SCT", "GB-NIR", "US+GB-EAW"])


def get(cal_id: str) -> time.Calendar:
    return time.joint_calendar(cal_id.split("+")) if "+" in cal_id else time.calendar(cal_id)


@given(cal_id=calendar_ids, start=days_in_range, n=st.integers(0, 400))
def test_adding_then_counting_business_days_gives_n(cal_id: str, start: date, n: int) -> None:
    cal = get(cal_id)
    end = cal.add_business_days(start, n)
    assert cal.is_business_day(end)
    if n > 0:
        assert cal.business_days_between(start, end) == n
    back = cal.add_business_days(end, -n) if n > 0 else end
    if cal.is_business_day(start) or n == 0:
        assert back == cal.adjust(start, "following")


@given(cal_id=calendar_ids, day=days_in_range, convention=st.sampled_from(time.BUSINESS_DAY_CONVENTIONS))
def test_adjusted_days_are_business_days_in_the_right_place(cal_id: str, day: date, convention: str) -> None:
    cal = get(cal_id)
    adjusted = cal.adjust(day, convention)
    if convention == "unadjusted" or cal.is_business_day(day):
        assert adjusted == day
        return
    assert cal.is_business_day(adjusted)
    step = 1 if adjusted > day else -1
    between = [day + datetime.timedelta(days=step * i) for i in range(1, abs((adjusted - day).days))]
    assert not any(cal.is_business_day(d) for d in between)
    if convention.startswith("modified"):
        assert adjusted.month == day.month


# --- user and joint calendars -------------------------------------------------------------------

ACME = """\
schema = 1
[calendar]
id = "ACME"
extends = "GB-EAW"
weekend = ["saturday", "sunday"]
first_year = 2020
last_year = 2030
citation = "ACME staff handbook 2024, section 3"

[[added]]
date = 2025-12-24
name = "Christmas Eve closure"
citation = "ACME notice 2025-07"
"""


def test_user_calendar_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "acme.toml"
    path.write_text(ACME)
    acme = time.load_calendar(path)
    assert acme.id == "ACME"
    assert acme.is_holiday(date(2025, 12, 24))
    assert acme.is_holiday(date(2025, 4, 21))  # Easter Monday, from GB-EAW
    assert acme == time.calendar_from_toml(ACME)


def test_broken_user_calendar_names_file_line_and_key(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text(ACME.replace("date = 2025-12-24", 'date = "24/12/2025"'))
    with pytest.raises(recoup.RulePackError, match=r"broken\.toml line 11, key 'date'") as info:
        time.load_calendar(path)
    assert info.value.id == "calendar.data"
    with pytest.raises(recoup.RulePackError, match=r"line 3, key 'identifier': unknown key in \[calendar\]"):
        time.calendar_from_toml(ACME.replace('id = "ACME"', 'identifier = "ACME"'))
    with pytest.raises(recoup.RulePackError, match="'GB' is not a built-in calendar"):
        time.calendar_from_toml(ACME.replace('"GB-EAW"', '"GB"'))
    with pytest.raises(recoup.InvalidInputError, match="cannot read calendar file"):
        time.load_calendar(tmp_path / "missing.toml")


def test_custom_calendar() -> None:
    shop = time.custom_calendar(
        "SHOP",
        [
            (date(2026, 8, 3), "Stocktaking"),
            (date(2026, 12, 24), "Christmas Eve", "shop policy"),
            date(2026, 12, 31),
        ],
        weekend=["friday"],
    )
    assert (shop.first_year, shop.last_year) == (2026, 2026)
    assert shop.weekend == [5]
    assert not shop.is_business_day(date(2026, 8, 7))  # a Friday
    assert shop.is_business_day(date(2026, 8, 8))
    assert shop.holidays(2026)[-1] == (date(2026, 12, 31), "Holiday")
    assert pickle.loads(pickle.dumps(shop)) == shop
    with pytest.raises(recoup.InvalidInputError, match="'caturday' is not a weekday name"):
        time.custom_calendar("X", [date(2026, 1, 1)], weekend=["caturday"])
    with pytest.raises(recoup.InvalidInputError, match=r"outside the years 2027\.\.2027"):
        time.custom_calendar("X", [date(2026, 1, 1)], first_year=2027, last_year=2027)
    with pytest.raises(recoup.InvalidInputError, match="give first_year and last_year"):
        time.custom_calendar("X", [])


def test_joint_calendar() -> None:
    both = time.joint_calendar(["US", time.calendar("GB-EAW")])
    assert both.id == "US+GB-EAW"
    assert not both.is_business_day(date(2024, 4, 1))  # Easter Monday in England
    assert not both.is_business_day(date(2024, 7, 4))  # Independence Day
    assert both.holidays_between(date(2024, 12, 25), date(2024, 12, 25)) == [
        (date(2024, 12, 25), "US: Christmas Day"),
        (date(2024, 12, 25), "GB-EAW: Christmas Day"),
    ]
    assert pickle.loads(pickle.dumps(both)).holidays(2024) == both.holidays(2024)
    assert pickle.loads(pickle.dumps(time.calendar("US"))) == time.calendar("US")
    with pytest.raises(recoup.InvalidInputError, match="at least one calendar"):
        time.joint_calendar([])


# --- errors ---------------------------------------------------------------------------------------


def test_unknown_calendar() -> None:
    with pytest.raises(recoup.UnknownJurisdictionError, match="GB-EAW, GB-NIR, GB-SCT, US") as info:
        time.calendar("UK")
    assert info.value.id == "calendar.unknown"
    assert isinstance(info.value, KeyError)


def test_dates_outside_the_covered_years_are_refused() -> None:
    us = time.calendar("US")
    with pytest.raises(recoup.InvalidInputError, match=r"covers 1971-01-01..2100-12-31; 2101-01-03") as info:
        us.is_business_day(date(2101, 1, 3))
    assert info.value.id == "calendar.out_of_range"
    with pytest.raises(recoup.InvalidInputError, match=r"1971\.\.2100, not 1950"):
        us.holidays(1950)
    with pytest.raises(recoup.InvalidInputError, match="leaves calendar US"):
        us.add_business_days(date(2100, 12, 28), 10)


def test_bad_arguments() -> None:
    us = time.calendar("US")
    with pytest.raises(
        recoup.InvalidInputError, match="unknown business-day convention 'mod_following'"
    ) as info:
        us.adjust(date(2024, 1, 1), "mod_following")
    assert info.value.id == "calendar.unknown_convention"
    with pytest.raises(recoup.InvalidInputError) as info:
        us.is_business_day(datetime.datetime(2024, 1, 2, 9, 30))
    assert info.value.id == "date.has_time"


def test_business_day_mask_equals_the_scalar_calls() -> None:

    ew = time.calendar("GB-EAW")
    days = np.arange("2026-01-01", "2027-06-30", dtype="datetime64[D]")
    mask = time.business_day_mask(ew, days)
    assert mask.dtype == np.bool_
    assert mask.tolist() == [ew.is_business_day(d) for d in days.astype(object)]
    assert time.business_day_mask(ew, [date(2026, 12, 28)]).tolist() == [False]
    with pytest.raises(recoup.InvalidInputError, match=r"^row 1: a missing date") as info:
        time.business_day_mask(ew, np.array(["2026-01-02", "NaT"], dtype="datetime64[D]"))
    assert info.value.id == "columns.missing"
    with pytest.raises(recoup.InvalidInputError, match=r"^row 0: calendar GB-EAW covers"):
        time.business_day_mask(ew, np.array(["2101-01-03"], dtype="datetime64[D]"))


def test_module_docstring_examples_run() -> None:
    import doctest

    result = doctest.testmod(time, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 10
    assert result.failed == 0
