"""Income and expenditure statements and debt management plans (oracle: Fractions)."""

from __future__ import annotations

import decimal
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recoup import CurrencyMismatchError, FloatInputError, InvalidInputError, Money, settle

GBP = "GBP"
MONTHLY = {
    "weekly": Fraction(52, 12),
    "fortnightly": Fraction(26, 12),
    "four_weekly": Fraction(13, 12),
    "monthly": Fraction(1),
    "yearly": Fraction(1, 12),
}


def gbp(s: str) -> Money:
    return Money(s, GBP)


def oracle_monthly(amount: Decimal, frequency: str, mode: str) -> Decimal:
    x = Fraction(amount) * MONTHLY[frequency]
    q = decimal.Context(prec=100).divide(Decimal(x.numerator), Decimal(x.denominator))
    return q.quantize(Decimal("0.01"), rounding=getattr(decimal, "ROUND_" + mode.upper()))


def test_hand_worked_statement() -> None:
    s = settle.statement(
        [
            settle.Item("income", "earnings", gbp("450.00"), "weekly"),
            settle.Item("income", "benefits", "100.00", "fortnightly"),
            settle.Item("fixed_cost", "rent", "700"),
            settle.Item("fixed_cost", "council_tax", "120", "four_weekly"),
            settle.Item("flexible_cost", "food", "80", "weekly", label="family of three"),
            settle.Item("priority_debt", "energy_arrears", "150", "yearly"),
        ]
    )
    assert [x.monthly for x in s.lines] == [
        gbp("1950.00"),
        gbp("216.67"),
        gbp("700.00"),
        gbp("130.00"),
        gbp("346.67"),
        gbp("12.50"),
    ]
    assert (s.income, s.outgoings, s.disposable) == (gbp("2166.67"), gbp("1189.17"), gbp("977.50"))
    assert not s.no_disposable_income
    assert "rounded half_up" in s.explain()
    df = s.to_pandas()
    assert list(df["monthly"]) == [x.monthly.amount for x in s.lines]


@given(
    cents=st.integers(min_value=0, max_value=10**9),
    frequency=st.sampled_from(sorted(MONTHLY)),
    mode=st.sampled_from(["half_up", "half_even", "down", "ceiling"]),
)
def test_normalisation_matches_the_oracle(cents: int, frequency: str, mode: str) -> None:
    amount = Decimal(cents).scaleb(-2)
    s = settle.statement([settle.Item("income", "earnings", Money(amount, GBP), frequency)], rounding=mode)
    assert s.lines[0].monthly.amount == oracle_monthly(amount, frequency, mode)


def test_flags_and_errors() -> None:
    poor = settle.statement(
        [settle.Item("income", "benefits", "100"), settle.Item("fixed_cost", "rent", "400")], currency=GBP
    )
    assert poor.disposable == gbp("-300.00") and poor.no_disposable_income
    with pytest.raises(InvalidInputError) as e:
        settle.statement([settle.Item("income", "rent", "1")], currency=GBP)
    assert e.value.id == "affordability.category"
    with pytest.raises(InvalidInputError) as e:
        settle.statement([settle.Item("income", "earnings", "-1")], currency=GBP)
    assert e.value.id == "affordability.amount"
    with pytest.raises(InvalidInputError) as e:
        settle.statement([settle.Item("income", "earnings", "1", "daily")], currency=GBP)
    assert e.value.id == "affordability.frequency"
    with pytest.raises(InvalidInputError) as e:
        settle.statement([settle.Item("assets", "earnings", "1")], currency=GBP)
    assert e.value.id == "affordability.section"
    with pytest.raises(FloatInputError):
        settle.statement([settle.Item("income", "earnings", 1.5)], currency=GBP)  # type: ignore[arg-type]
    with pytest.raises(CurrencyMismatchError):
        settle.statement([settle.Item("income", "earnings", Money("1", "USD"))], currency=GBP)
    assert "earnings" in settle.categories("income")


def test_debt_management_plan() -> None:
    p = settle.debt_management_plan(gbp("100.00"), {"Card A": gbp("3000.00"), "Loan B": "1000"})
    assert [(s.name, s.payment, s.months) for s in p.shares] == [
        ("Card A", gbp("75.00"), 40),
        ("Loan B", gbp("25.00"), 40),
    ]
    assert p.months == 40 and not p.too_long
    long = settle.debt_management_plan(gbp("10.00"), [("A", gbp("1000.00"))])
    assert long.months == 100 and long.too_long
    assert not settle.debt_management_plan(gbp("10.00"), [("A", gbp("1000.00"))], max_months=120).too_long
    capped = settle.debt_management_plan(gbp("500.00"), [("A", gbp("100.00")), ("B", gbp("300.00"))])
    assert capped.undistributed == gbp("100.00")
    none = settle.debt_management_plan(gbp("0.00"), [("A", gbp("1.00"))])
    assert none.no_disposable_income and none.months is None
    with pytest.raises(InvalidInputError) as e:
        settle.debt_management_plan(gbp("10.00"), [])
    assert e.value.id == "affordability.creditors"
    with pytest.raises(InvalidInputError) as e:
        settle.debt_management_plan(gbp("10.00"), [("A", "1")], max_months=0)
    assert e.value.id == "affordability.max_months"
    assert list(p.to_pandas()["payment"]) == [Decimal("75.00"), Decimal("25.00")]


def test_from_a_statement() -> None:
    s = settle.statement(
        [settle.Item("income", "earnings", gbp("1000.00")), settle.Item("fixed_cost", "rent", "900")]
    )
    p = settle.debt_management_plan(s, [("A", "500"), ("B", "500"), ("C", "500")])
    assert [x.payment for x in p.shares] == [gbp("33.34"), gbp("33.33"), gbp("33.33")]


@given(
    disposable=st.integers(min_value=0, max_value=10**8),
    balances=st.lists(st.integers(min_value=1, max_value=10**9), min_size=1, max_size=8),
)
def test_allocation_conserves_disposable_income(disposable: int, balances: list[int]) -> None:
    d = Money(Decimal(disposable).scaleb(-2), GBP)
    creditors = [(f"c{i}", Money(Decimal(b).scaleb(-2), GBP)) for i, b in enumerate(balances)]
    p = settle.debt_management_plan(d, creditors)
    total = sum((s.payment.minor_units for s in p.shares), 0)
    assert total + p.undistributed.minor_units == disposable
    assert p.distributed.minor_units == total
    for s, b in zip(p.shares, balances):
        assert 0 <= s.payment.minor_units <= b
