"""Allocation and payment application: nothing is lost, every part is within a unit of its share."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from conftest import (
    INT64_MAX,
    PLACES,
    POLICIES,
    currencies,
    moderate_minor_units,
    oracle_allocate,
    policies,
    ratio_lists,
)
from hypothesis import example, given
from hypothesis import strategies as st

import recoup
from recoup import Money, apply_in_order, apply_pro_rata

amounts = st.one_of(st.integers(-10_000, 10_000), moderate_minor_units, st.integers(-INT64_MAX, INT64_MAX))


def exact_shares(units: int, ratios) -> list[Fraction]:
    rs = [Fraction(Decimal(r)) if not isinstance(r, int) else Fraction(r) for r in ratios]
    return [units * r / sum(rs) for r in rs]


def test_ten_dollars_in_three():
    parts = Money("10.00", "USD").allocate(3)
    assert parts == [Money("3.34", "USD"), Money("3.33", "USD"), Money("3.33", "USD")]
    assert all(isinstance(p, Money) for p in parts)
    assert Money("-10.00", "USD").allocate(3) == [
        Money("-3.34", "USD"),
        Money("-3.33", "USD"),
        Money("-3.33", "USD"),
    ]


@pytest.mark.parametrize(
    "policy, expected",
    [
        ("largest_remainder", ["16.67", "33.33", "50.00"]),
        ("first", ["16.67", "33.33", "50.00"]),
        ("last", ["16.66", "33.33", "50.01"]),
        ("largest_share", ["16.66", "33.33", "50.01"]),
    ],
)
def test_hundred_by_one_two_three(policy, expected):
    assert Money("100.00", "GBP").allocate([1, 2, 3], remainder=policy) == [Money(e, "GBP") for e in expected]


@pytest.mark.parametrize(
    "policy, expected",
    [
        ("largest_remainder", [0, 4, 3, 0, 3]),
        ("first", [0, 4, 3, 0, 3]),
        ("last", [0, 3, 3, 0, 4]),  # counts from the last part with a non-zero ratio
        ("largest_share", [0, 4, 3, 0, 3]),
    ],
)
def test_zero_ratios_get_nothing_and_leftovers_skip_them(policy, expected):
    parts = Money.from_minor(10, "JPY").allocate([0, 1, 1, 0, 1], remainder=policy)
    assert [p.minor_units for p in parts] == expected


def test_allocate_by_decimal_and_str_ratios():
    parts = Money("1.00", "USD").allocate([Decimal("0.5"), "0.25", Decimal("0.25")])
    assert parts == [Money("0.50", "USD"), Money("0.25", "USD"), Money("0.25", "USD")]
    assert Money("0.05", "USD").allocate(["0.3", "0.7"]) == [Money("0.02", "USD"), Money("0.03", "USD")]


def test_allocate_in_cash_steps():
    parts = Money("1.00", "CHF").allocate(3, step="0.05")
    assert parts == [Money("0.35", "CHF"), Money("0.35", "CHF"), Money("0.30", "CHF")]


@given(units=amounts, n=st.integers(1, 40), policy=policies, currency=currencies)
@example(units=1000, n=3, policy="largest_remainder", currency="USD")
@example(units=-INT64_MAX, n=7, policy="last", currency="USD")
@example(units=INT64_MAX, n=1, policy="first", currency="JPY")
def test_n_equal_parts_conserve_and_stay_within_a_unit(units, n, policy, currency):
    parts = [p.minor_units for p in Money.from_minor(units, currency).allocate(n, remainder=policy)]
    assert len(parts) == n
    assert sum(parts) == units
    for p in parts:
        assert abs(Fraction(p) - Fraction(units, n)) < 1
    assert max(parts) - min(parts) <= 1
    assert parts == oracle_allocate(units, [1] * n, policy)


@given(units=amounts, ratios=ratio_lists(), policy=policies, currency=currencies)
@example(units=10000, ratios=[1, 2, 3], policy="last", currency="GBP")
@example(units=1, ratios=[0, Decimal("0.000001"), 0], policy="largest_share", currency="USD")
@example(units=7, ratios=[Decimal("1.5"), 3, Decimal("1.50")], policy="largest_remainder", currency="USD")
def test_ratio_lists_conserve_and_match_the_oracle(units, ratios, policy, currency):
    parts = [p.minor_units for p in Money.from_minor(units, currency).allocate(ratios, remainder=policy)]
    assert len(parts) == len(ratios)
    assert sum(parts) == units
    for p, share, r in zip(parts, exact_shares(units, ratios), ratios):
        assert abs(p - share) <= 1
        if Decimal(r) == 0:
            assert p == 0
        if units >= 0:
            assert p >= 0
    assert parts == oracle_allocate(units, ratios, policy)


@given(units=amounts, ratios=ratio_lists())
def test_largest_remainder_parts_are_floor_or_ceiling(units, ratios):
    parts = [p.minor_units for p in Money.from_minor(units, "USD").allocate(ratios)]
    for p, share in zip(parts, exact_shares(units, ratios)):
        assert abs(p - share) < 1


@given(
    steps=st.integers(-(10**9), 10**9),
    n=st.integers(1, 12),
    step=st.sampled_from([5, 10, 25, 100]),
    policy=policies,
)
def test_step_allocation_conserves_in_whole_steps(steps, n, step, policy):
    m = Money.from_minor(steps * step, "CHF")
    parts = [p.minor_units for p in m.allocate(n, remainder=policy, step=Money.from_minor(step, "CHF"))]
    assert sum(parts) == steps * step
    assert all(p % step == 0 for p in parts)
    assert [p // step for p in parts] == oracle_allocate(steps, [1] * n, policy)


# --- payment application ------------------------------------------------------------------------

dues_lists = st.lists(st.integers(0, 10**9), min_size=0, max_size=8)


@given(payment=st.integers(0, 3 * 10**9), dues=dues_lists, currency=currencies)
@example(payment=15000, dues=[10000, 8000], currency="GBP")
def test_apply_in_order_fills_dues_in_turn(payment, dues, currency):
    r = apply_in_order(Money.from_minor(payment, currency), [Money.from_minor(d, currency) for d in dues])
    applied = [a.minor_units for a in r.applied]
    assert sum(applied) + r.unapplied.minor_units == payment
    left = payment
    for a, d in zip(applied, dues):
        assert a == min(d, left)
        left -= a
    assert r.unapplied.minor_units == left
    assert all(a.currency == currency for a in r.applied) and r.unapplied.currency == currency


@given(payment=st.integers(0, 3 * 10**9), dues=dues_lists, policy=policies, currency=currencies)
@example(payment=5000, dues=[10000, 8000], policy="largest_remainder", currency="GBP")
@example(payment=1, dues=[1, 1, 1], policy="largest_share", currency="USD")
def test_apply_pro_rata_conserves_and_never_exceeds_a_due(payment, dues, policy, currency):
    r = apply_pro_rata(
        Money.from_minor(payment, currency), [Money.from_minor(d, currency) for d in dues], remainder=policy
    )
    applied = [a.minor_units for a in r.applied]
    assert len(applied) == len(dues)
    assert sum(applied) + r.unapplied.minor_units == payment
    for a, d in zip(applied, dues):
        assert 0 <= a <= d
    total = sum(dues)
    if total <= payment:
        assert applied == dues and r.unapplied.minor_units == payment - total
    else:
        assert r.unapplied.minor_units == 0
        assert applied == oracle_allocate(payment, dues, policy)


def test_payment_application_examples():
    r = apply_in_order(Money("150.00", "GBP"), [Money("100.00", "GBP"), Money("80.00", "GBP")])
    assert r.applied == [Money("100.00", "GBP"), Money("50.00", "GBP")] and r.unapplied == Money(
        "0.00", "GBP"
    )
    assert repr(r) == "PaymentApplication(applied=[100.00 GBP, 50.00 GBP], unapplied=0.00 GBP)"
    r = apply_pro_rata(Money("50.00", "GBP"), [Money("100.00", "GBP"), Money("80.00", "GBP")])
    assert r.applied == [Money("27.78", "GBP"), Money("22.22", "GBP")]
    r = apply_in_order(Money("5.00", "GBP"), ["1.00", 2])  # dues may be amounts in the payment's currency
    assert r.applied == [Money("1.00", "GBP"), Money("2.00", "GBP")] and r.unapplied == Money("2.00", "GBP")


def test_payment_errors():
    with pytest.raises(recoup.InvalidInputError, match=r"payment -5.00 GBP is negative") as e:
        apply_in_order(Money("-5.00", "GBP"), [])
    assert e.value.id == "payment.negative"
    with pytest.raises(recoup.InvalidInputError, match=r"due 1 \(-1.00 GBP\) is negative") as e:
        apply_pro_rata(Money("5.00", "GBP"), [Money("1", "GBP"), Money("-1", "GBP")])
    assert e.value.id == "payment.negative_due"
    with pytest.raises(recoup.CurrencyMismatchError, match="different currencies") as e:
        apply_in_order(Money("5.00", "GBP"), [Money("1", "USD")])
    assert e.value.id == "money.currency_mismatch"


@pytest.mark.parametrize("policy", POLICIES)
def test_policies_are_named(policy):
    assert policy in recoup.REMAINDER_POLICIES
    assert sum(p.minor_units for p in Money("0.05", "USD").allocate(3, remainder=policy)) == 5


def test_places_do_not_matter_to_allocation():
    for code in PLACES:
        parts = Money.from_minor(10, code).allocate(3)
        assert [p.minor_units for p in parts] == [4, 3, 3]
