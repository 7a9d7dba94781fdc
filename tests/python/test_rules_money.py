"""Garnishment caps and statutory interest from Python: worked examples (catalogue section 6 and
the statutes worked by hand), errors with their ids, float refusal, the batch form, and the
garnishment invariants with hypothesis (oracle: Python's decimal)."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_DOWN, Decimal

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import recoup
from recoup import Money
from recoup._rules_money import (
    PAY_PERIODS,
    GarnishmentVerdict,
    garnishment_limit,
    garnishment_limits,
    judgment_interest,
    late_payment_compensation,
    late_payment_interest,
    reference_rate,
)
from recoup.rules import RuleBook, Verdict

USD = "USD"
FLOORS = {"weekly": "217.50", "biweekly": "435.00", "semimonthly": "471.25", "monthly": "942.50"}


def usd(amount: str) -> Money:
    return Money(amount, USD)


# --- federal garnishment --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("case", "disposable", "expected"),
    [
        ("T-GAR-1", "217.50", "0.00"),
        ("T-GAR-2", "250.00", "32.50"),
        ("T-GAR-3", "290.00", "72.50"),
        ("T-GAR-4", "500.00", "125.00"),
    ],
    ids=["T-GAR-1", "T-GAR-2", "T-GAR-3", "T-GAR-4"],
)
def test_federal_weekly_worked_examples(case: str, disposable: str, expected: str) -> None:
    v = garnishment_limit(
        jurisdiction="US", disposable_earnings=usd(disposable), pay_period="weekly", as_of=date(2026, 1, 9)
    )
    assert isinstance(v, GarnishmentVerdict)
    assert isinstance(v, Verdict)
    assert v.amount == usd(expected), case
    assert v.binding == "federal"
    assert "29 CFR 870.10" in v.citation
    assert v.rule_id in ("garnishment.disposable_percent", "garnishment.floor_multiple")
    assert "rounding mode down" in v.explain()


@pytest.mark.parametrize("period", PAY_PERIODS)
def test_federal_floor_of_each_pay_period(period: str) -> None:
    v = garnishment_limit("US", FLOORS[period], period, date(2025, 6, 1))
    assert v.federal_floor == usd(FLOORS[period])
    assert v.amount == usd("0.00")
    assert v.pay_period == period


def test_minimum_wage_change_before_and_after() -> None:
    assert garnishment_limit("US", "250.00", "weekly", date(2009, 7, 23)).amount == usd("53.50")
    assert garnishment_limit("US", "250.00", "weekly", "2009-07-24").amount == usd("32.50")


# --- states ----------------------------------------------------------------------------------------


def test_new_york_ten_percent_of_gross() -> None:
    v = garnishment_limit("US-NY", usd("600.00"), "weekly", date(2026, 3, 1), gross_earnings=usd("800.00"))
    assert (v.federal_amount, v.state_amount, v.amount) == (usd("150.00"), usd("80.00"), usd("80.00"))
    assert v.binding == "state"
    assert v.citation == "N.Y. CPLR 5231(b)"
    assert v.state_floor == usd("480.00")
    downstate = garnishment_limit(
        "US-NY",
        usd("500.00"),
        "weekly",
        date(2026, 3, 1),
        gross_earnings=usd("650.00"),
        wage_region="nyc_li_westchester",
    )
    assert downstate.state_floor == usd("510.00")
    assert downstate.amount == usd("0.00")


def test_california_after_and_before_sb_1477() -> None:
    assert garnishment_limit("US-CA", usd("1000.00"), "weekly", date(2026, 2, 1)).amount == usd("75.52")
    assert garnishment_limit("US-CA", usd("1000.00"), "weekly", date(2023, 8, 31)).amount == usd("190.00")
    assert garnishment_limit("US-CA", usd("1000.00"), "weekly", date(2023, 9, 1)).amount == usd("102.40")
    assert garnishment_limit("US-CA", usd("4000.00"), "monthly", date(2026, 2, 1)).amount == usd("193.92")


def test_exempt_states_and_florida_head_of_family() -> None:
    for state in ("US-TX", "US-PA", "US-NC", "US-SC"):
        assert garnishment_limit(state, usd("1000.00"), "weekly", date(2026, 2, 1)).amount == usd("0.00")
    fl = garnishment_limit("US-FL", usd("1000.00"), "weekly", date(2026, 2, 1), head_of_family=True)
    assert fl.amount == usd("0.00")
    consent = garnishment_limit(
        "US-FL", usd("900.00"), "weekly", date(2026, 2, 1), head_of_family=True, written_consent=True
    )
    assert consent.amount == usd("225.00")


def test_before_a_state_rule_starts_the_federal_limit_applies_and_says_so() -> None:
    v = garnishment_limit("US-IL", usd("500.00"), "weekly", date(2005, 6, 1))
    assert v.amount == usd("125.00")
    assert v.state_amount is None
    assert "garnishment limit for Illinois is not in force on 2005-06-01" in v.explain()


# --- garnishment errors -----------------------------------------------------------------------------


def test_unknown_jurisdiction() -> None:
    with pytest.raises(recoup.UnknownJurisdictionError) as e:
        garnishment_limit("GB", usd("100.00"), "weekly", date(2026, 1, 9))
    assert e.value.id == "garnishment.jurisdiction"
    assert isinstance(e.value, KeyError)


def test_pay_period_typo() -> None:
    with pytest.raises(recoup.InvalidInputError, match="weekley") as e:
        garnishment_limit("US", usd("100.00"), "weekley", date(2026, 1, 9))
    assert e.value.id == "garnishment.pay_period"


def test_negative_earnings() -> None:
    with pytest.raises(recoup.InvalidInputError, match=r"-1\.00 USD") as e:
        garnishment_limit("US", usd("-1.00"), "weekly", date(2026, 1, 9))
    assert e.value.id == "garnishment.negative_earnings"


def test_state_needing_gross_earnings() -> None:
    with pytest.raises(recoup.InvalidInputError, match="gross") as e:
        garnishment_limit("US-NY", usd("600.00"), "weekly", date(2026, 3, 1))
    assert e.value.id == "garnishment.gross_required"


def test_floats_are_refused_decimal_and_str_accepted() -> None:
    with pytest.raises(recoup.FloatInputError):
        garnishment_limit("US", 500.0, "weekly", date(2026, 1, 9))  # type: ignore[arg-type]
    with pytest.raises(recoup.FloatInputError):
        late_payment_compensation(amount=999.99, as_of=date(2024, 3, 1))  # type: ignore[arg-type]
    assert garnishment_limit("US", Decimal("500.00"), "weekly", date(2026, 1, 9)).amount == usd("125.00")
    assert garnishment_limit("US", "500.00 USD", "weekly", date(2026, 1, 9)).amount == usd("125.00")
    with pytest.raises(recoup.CurrencyMismatchError):
        garnishment_limit("US", Money("500.00", "GBP"), "weekly", date(2026, 1, 9))


# --- batch --------------------------------------------------------------------------------------------


def test_batch_matches_scalar_and_collects_errors() -> None:
    disposable = np.array([21750, 25000, 100000, 60000, -5], dtype=np.int64)
    gross = np.array([21750, 30000, 120000, 80000, 0], dtype=np.int64)
    states = ["US", "US", "US-CA", "US-NY", "US"]
    r = garnishment_limits(
        disposable, "weekly", date(2026, 3, 1), jurisdiction=states, gross_earnings=gross, errors="collect"
    )
    assert r.amount.tolist() == [0, 3250, 7552, 8000, 0]
    assert r.federal.tolist() == [0, 3250, 25000, 15000, 0]
    assert r.state.tolist() == [-1, -1, 7552, 8000, -1]
    assert r.error_rows.tolist() == [4]
    assert r.error_ids == ["garnishment.negative_earnings"]
    assert r.ok.tolist() == [True, True, True, True, False]
    for i in range(4):
        v = garnishment_limit(
            states[i],
            Money.from_minor(int(disposable[i]), USD),
            "weekly",
            date(2026, 3, 1),
            gross_earnings=Money.from_minor(int(gross[i]), USD),
        )
        assert v.amount.minor_units == r.amount[i]
    with pytest.raises(recoup.InvalidInputError, match="row 4: "):
        garnishment_limits(disposable, "weekly", date(2026, 3, 1), jurisdiction=states, gross_earnings=gross)


def test_batch_accepts_decimal_text_and_pandas_and_refuses_floats() -> None:
    pd = pytest.importorskip("pandas")
    s = pd.Series(["217.50", "500.00"], index=["a", "b"])
    r = garnishment_limits(s, "weekly", date(2026, 1, 9))
    assert r.amount.tolist() == [0, 12500]
    frame = r.to_pandas(index=s.index)
    assert frame.loc["b", "amount"] == 12500
    with pytest.raises(recoup.FloatInputError):
        garnishment_limits(np.array([217.5]), "weekly", date(2026, 1, 9))
    with pytest.raises(recoup.FloatInputError):
        garnishment_limits(np.array([Decimal("1.00"), 2.5], dtype=object), "weekly", date(2026, 1, 9))


# --- hypothesis: the invariants of every garnishment limit ---------------------------------------------


@given(
    cents=st.integers(min_value=0, max_value=10_000_000),
    period=st.sampled_from(PAY_PERIODS),
    state=st.sampled_from(["US", "US-CA", "US-CO", "US-TX", "US-FL", "US-OH"]),
)
def test_never_more_than_25_percent_nor_below_the_floor(cents: int, period: str, state: str) -> None:
    disposable = Decimal(cents).scaleb(-2)
    v = garnishment_limit(state, Money.from_minor(cents, USD), period, date(2026, 2, 1))
    amount = v.amount.amount
    quarter = (disposable * Decimal("0.25")).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
    floor = Decimal(FLOORS[period])
    assert Decimal(0) <= amount <= quarter
    assert amount == 0 or disposable - amount >= floor
    assert v.amount <= v.federal_amount
    # oracle for the federal figure: the lesser of 25% and the excess over the floor, floor 0
    assert v.federal_amount.amount == max(Decimal(0), min(quarter, disposable - floor))


@given(
    cents=st.integers(min_value=0, max_value=5_000_000),
    extra=st.integers(min_value=0, max_value=2_000_000),
    state=st.sampled_from(["US-NY", "US-IL", "US-MA"]),
)
def test_gross_based_states_never_exceed_the_federal_limit(cents: int, extra: int, state: str) -> None:
    v = garnishment_limit(
        state,
        Money.from_minor(cents, USD),
        "weekly",
        date(2026, 2, 1),
        gross_earnings=Money.from_minor(cents + extra, USD),
    )
    assert Money.from_minor(0, USD) <= v.amount <= v.federal_amount
    assert v.state_amount is not None and v.amount <= v.state_amount


# --- statutory interest ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("debt", "expected"),
    [("999.99", "40.00"), ("1000.00", "70.00"), ("9999.99", "70.00"), ("10000.00", "100.00")],
    ids=["999.99", "1000.00", "9999.99", "10000.00"],
)
def test_late_payment_compensation_bands(debt: str, expected: str) -> None:
    v = late_payment_compensation(amount=Money(debt, "GBP"), as_of=date(2024, 3, 1))
    assert v.amount == Money(expected, "GBP")
    assert v.rule_id == "late_payment.compensation"
    assert "s5A" in v.citation


def test_late_payment_interest_worked_example() -> None:
    # catalogue T-LP-1: GBP 10,000, 30 days at 5.25% + 8% = 13.25%: 108.90 (+ GBP 100 fixed sum)
    v = late_payment_interest(
        Money("10000.00", "GBP"), date(2024, 1, 31), date(2024, 3, 1), rounding="half_up"
    )
    assert v.amount == Money("108.90", "GBP")
    assert v.annual_rate == Decimal("13.25")
    assert v.reference_rate == Decimal("5.25")
    assert v.reference_date == date(2023, 12, 31)
    assert v.days == 30
    exact = Decimal(10000) * Decimal("0.1325") * 30 / 365
    assert v.amount.amount == exact.quantize(Decimal("0.01"))
    assert late_payment_compensation(Money("10000.00", "GBP"), date(2024, 2, 1)).amount == Money(
        "100.00", "GBP"
    )


def test_eu_interest_and_compensation() -> None:
    v = late_payment_interest(
        Money("10000.00", "EUR"), date(2024, 7, 31), date(2024, 8, 30), "IE", rounding="half_up"
    )
    assert v.annual_rate == Decimal("12.25")
    assert v.amount == Money("100.68", "EUR")
    assert late_payment_compensation("5000.00", date(2024, 8, 1), "IE").amount == Money("40.00", "EUR")
    assert late_payment_compensation("5000.00", date(2024, 8, 1), "EU").amount == Money("40.00", "EUR")


def test_judgment_interest() -> None:
    assert judgment_interest(
        Money("10000.00", "GBP"), date(2025, 3, 1), date(2025, 3, 2), rounding="half_up"
    ).amount == Money("2.19", "GBP")
    us = judgment_interest(
        Money("100000.00", "USD"),
        date(2024, 1, 10),
        date(2026, 1, 10),
        "US",
        rate_percent="4.80",
        rounding="half_up",
    )
    assert us.amount == Money("9844.18", "USD")
    with pytest.raises(recoup.InvalidInputError) as e:
        judgment_interest(
            Money("100.00", "USD"), date(2024, 1, 10), date(2025, 1, 10), "US", rounding="half_up"
        )
    assert e.value.id == "interest.rate"
    with pytest.raises(recoup.FloatInputError):
        judgment_interest(
            Money("100.00", "USD"),
            date(2024, 1, 10),
            date(2025, 1, 10),
            "US",
            rate_percent=4.8,
            rounding="half_up",
        )  # type: ignore[arg-type]


def test_reference_rates() -> None:
    assert reference_rate("boe_bank_rate", on=date(2024, 1, 1)).rate == Decimal("5.25")
    assert reference_rate("ecb_main_refinancing", on=date(2024, 7, 1)).rate == Decimal("4.25")
    with pytest.raises(recoup.UnknownJurisdictionError) as e:
        reference_rate("fed_funds", on=date(2024, 1, 1))
    assert e.value.id == "reference_rate.unknown"
    with pytest.raises(recoup.RuleNotInForceError) as e:
        reference_rate("boe_bank_rate", on=date(2030, 1, 1))
    assert e.value.id == "rules.not_in_force"


def test_interest_errors() -> None:
    with pytest.raises(recoup.InvalidInputError) as e:
        late_payment_interest(Money("1.00", "GBP"), date(2024, 3, 1), date(2024, 2, 1), rounding="half_up")
    assert e.value.id == "interest.dates"
    with pytest.raises(recoup.CurrencyMismatchError) as e2:
        late_payment_compensation(Money("1.00", "USD"), date(2024, 3, 1))
    assert e2.value.id == "interest.currency"


def test_a_users_rule_book_overrides_the_minimum_wage() -> None:
    book = RuleBook(True)
    book.load_text(
        """
schema = 1
[pack]
id = "test-wage"
title = "A hypothetical federal minimum wage"
reviewed = 2026-11-23
[[rule]]
id = "wage.minimum_hourly"
jurisdiction = "US"
effective_from = 2009-07-24
value = "10.00"
unit = "money"
currency = "USD"
citation = "hypothetical"
certainty = "unverified"
""",
        "test-wage.toml",
    )
    v = garnishment_limit("US", usd("400.00"), "weekly", date(2026, 1, 9), book=book)
    assert v.federal_floor == usd("300.00")
    assert v.amount == usd("100.00")
    assert "UNVERIFIED" in v.explain()
    assert garnishment_limit("US", usd("400.00"), "weekly", date(2026, 1, 9)).amount == usd("100.00")
    assert garnishment_limit("US", usd("300.00"), "weekly", date(2026, 1, 9), book=book).amount == usd("0.00")
    r = garnishment_limits(np.array([40000]), "weekly", date(2026, 1, 9), book=book)
    assert r.federal.tolist() == [10000]
