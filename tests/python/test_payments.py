"""Payment waterfalls, reversals and accrual: worked cases and invariants by hypothesis."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recoup import CurrencyMismatchError, InvalidInputError, Money, plan

GBP = "GBP"


def money_st(max_minor: int = 100_000) -> st.SearchStrategy[Money]:
    return st.integers(min_value=1, max_value=max_minor).map(lambda v: Money.from_minor(v, GBP))


def day_st(start: date = date(2025, 1, 1), span: int = 200) -> st.SearchStrategy[date]:
    return st.integers(min_value=0, max_value=span).map(lambda k: start + timedelta(days=k))


charges_st = st.lists(
    st.builds(
        plan.Charge,
        day_st(),
        st.sampled_from(["costs", "fees", "penalties", "interest", "principal"]),
        money_st(),
    ),
    min_size=1,
    max_size=12,
)
payments_st = st.lists(st.tuples(day_st(), money_st(200_000)), min_size=1, max_size=6)
policy_st = st.sampled_from(plan.WATERFALL_PRESETS)
overpayment_st = st.sampled_from(["hold_as_credit", "reduce_next_instalments", "shorten_term"])


def total(ms: list[Money]) -> int:
    return sum(m.minor_units for m in ms)


def test_schedule_waterfall_worked_example() -> None:
    s = plan.level_payment(Money("1000.00", GBP), "0.12", 3, first_due=date(2025, 1, 31))
    charges = plan.charges_from_schedule(s)
    assert [(c.bucket, str(c.amount)) for c in charges[:2]] == [
        ("interest", "10.00 GBP"),
        ("principal", "330.02 GBP"),
    ]
    # 400.00 on 5 Feb: instalment 1 (340.02) is due; 59.98 is held and pays instalment 2 on 28 Feb.
    r = plan.apply_payments(charges, [(date(2025, 2, 5), Money("400.00", GBP))])
    assert r.total_applied == Money("400.00", GBP)
    assert [str(a.amount) for a in r.allocations] == ["10.00 GBP", "330.02 GBP", "6.70 GBP", "53.28 GBP"]
    assert r.allocations[-1].date == date(2025, 2, 28)
    text = plan.explain_waterfall(r, charges)
    assert "held credit applied 2025-02-28" in text


@given(charges=charges_st, payments=payments_st, policy=policy_st, overpayment=overpayment_st)
def test_waterfall_conserves_every_cent(
    charges: list[plan.Charge], payments: list[tuple[date, Money]], policy: str, overpayment: str
) -> None:
    r = plan.apply_payments(charges, payments, policy, overpayment=overpayment)
    paid = total([p[1] for p in payments])
    owed = total([c.amount for c in charges])
    assert r.total_applied.minor_units + r.credit.minor_units == paid
    assert r.total_applied.minor_units + r.total_outstanding.minor_units == owed
    assert total([a.amount for a in r.allocations]) == r.total_applied.minor_units
    assert all(o.minor_units >= 0 for o in r.outstanding)
    # No allocation pays a charge before its due date unless the policy applies overpayments early.
    if overpayment == "hold_as_credit":
        assert all(a.date >= charges[a.charge_index].due for a in r.allocations)


@given(charges=charges_st, payments=payments_st, policy=policy_st, pick=st.integers(min_value=0, max_value=5))
def test_reversal_then_the_same_payment_gives_the_starting_state(
    charges: list[plan.Charge], payments: list[tuple[date, Money]], policy: str, pick: int
) -> None:
    ledger = [(str(i), d, amount) for i, (d, amount) in enumerate(payments)]
    victim = ledger[pick % len(ledger)]
    start = plan.apply_payments(charges, ledger, policy)
    reversed_ = plan.reverse_payment(charges, ledger, victim[0], policy)
    assert reversed_.total_applied.minor_units <= start.total_applied.minor_units
    replayed = plan.apply_payments(charges, [p for p in ledger if p[0] != victim[0]] + [victim], policy)
    # The state is the same; which payment paid what can differ only between same-day payments.
    assert replayed.outstanding == start.outstanding
    assert replayed.credit == start.credit
    assert replayed.total_applied == start.total_applied
    if sum(1 for p in ledger if p[1] == victim[1]) == 1:
        assert sorted(
            (a.payment_id, a.charge_index, a.amount.minor_units) for a in replayed.allocations
        ) == sorted((a.payment_id, a.charge_index, a.amount.minor_units) for a in start.allocations)


def test_waterfall_errors() -> None:
    charges = [plan.Charge(date(2025, 1, 31), "interest", Money("1.00", GBP))]
    with pytest.raises(InvalidInputError, match="unknown charge bucket 'tax'"):
        plan.Charge(date(2025, 1, 31), "tax", Money("1.00", GBP))
    with pytest.raises(CurrencyMismatchError):
        plan.apply_payments(charges, [(date(2025, 2, 1), Money("1.00", "USD"))])
    with pytest.raises(InvalidInputError, match="unknown waterfall preset"):
        plan.apply_payments(charges, [(date(2025, 2, 1), Money("1.00", GBP))], "lifo")
    with pytest.raises(InvalidInputError, match="no payment with id 'x'"):
        plan.reverse_payment(charges, [(date(2025, 2, 1), Money("1.00", GBP))], "x")
    custom = plan.WaterfallPolicy(["principal", "interest", "fees", "penalties", "costs"], scope="per_bucket")
    assert custom.order[0] == "principal"


def oracle_accrual(principal: Money, start: date, end: date, rate: Decimal, basis: int) -> Fraction:
    return Fraction(principal.minor_units) * Fraction(rate) * Fraction((end - start).days, basis) / 100


@given(
    principal=money_st(10**9),
    rate=st.decimals(min_value=0, max_value=Decimal("0.5"), places=5),
    a=day_st(date(2023, 6, 1), 900),
    gap1=st.integers(min_value=0, max_value=400),
    gap2=st.integers(min_value=0, max_value=400),
    convention=st.sampled_from(["ACT/365F", "ACT/360", "ACT/ACT ISDA"]),
)
def test_accrual_is_additive_before_rounding_and_matches_fractions(
    principal: Money, rate: Decimal, a: date, gap1: int, gap2: int, convention: str
) -> None:
    b = a + timedelta(days=gap1)
    c = b + timedelta(days=gap2)
    whole = plan.accrue(principal, a, c, rate, day_count=convention)
    first = plan.accrue(principal, a, b, rate, day_count=convention)
    second = plan.accrue(principal, b, c, rate, day_count=convention)
    assert whole.exact == first.exact + second.exact
    if convention != "ACT/ACT ISDA":
        assert whole.exact == oracle_accrual(principal, a, c, rate, 365 if convention == "ACT/365F" else 360)
    cents = whole.exact * 100
    assert abs(Fraction(whole.interest.minor_units) - cents) <= Fraction(1, 2)


def test_accrual_with_changes_freeze_and_ceiling() -> None:
    a = plan.accrue(
        Money("3650.00", "USD"),
        date(2025, 1, 1),
        date(2025, 1, 21),
        [(date(2025, 1, 1), "0.0365"), (date(2025, 1, 11), "0.073")],
        freezes=[(date(2025, 1, 5), date(2025, 1, 15), "breathing space")],
    )
    assert a.interest == Money("5.84", "USD")
    assert [s.note for s in a.segments if s.note] == ["frozen: breathing space", "frozen: breathing space"]
    scra = plan.accrue(
        Money("3650.00", "USD"),
        date(2025, 1, 1),
        date(2025, 1, 11),
        "0.18",
        ceilings=[(date(2024, 6, 1), date(2026, 1, 1), "0.06", "SCRA 50 U.S.C. 3937")],
    )
    assert scra.interest == Money("6.00", "USD")
    assert "ceiling: SCRA" in scra.explain()
    with pytest.raises(InvalidInputError, match="no rate is in force"):
        plan.accrue(Money("1.00", "USD"), date(2025, 1, 1), date(2025, 2, 1), [(date(2025, 1, 2), "0.01")])


def test_late_fee() -> None:
    fee = plan.late_fee(
        Money("300.00", "USD"),
        16,
        date(2025, 3, 1),
        flat=Money("5.00", "USD"),
        percent="0.05",
        cap=Money("25.00", "USD"),
        grace_days=15,
    )
    assert fee == Money("20.00", "USD")
    frozen = plan.late_fee(
        Money("300.00", "USD"),
        16,
        date(2025, 3, 1),
        flat=Money("5.00", "USD"),
        freezes=[(date(2025, 2, 1), date(2025, 4, 1), "hardship")],
    )
    assert frozen == Money("0.00", "USD")
