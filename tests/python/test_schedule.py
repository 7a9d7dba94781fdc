"""Repayment schedules against independent oracles: exact fractions, numpy-financial, QuantLib dates."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction

import numpy as np
import numpy_financial as npf
import pytest
from hypothesis import given
from hypothesis import strategies as st

from recoup import FloatInputError, InvalidInputError, Money, plan


def round_half_up(x: Fraction) -> Decimal:
    """An exact fraction of currency units rounded half up to the cent."""
    cents = x * 100
    whole = cents.numerator // cents.denominator
    if (cents - whole) * 2 >= 1:
        whole += 1
    return Decimal(whole).scaleb(-2)


def oracle_level_payment(
    principal: Decimal, annual: Decimal, n: int, per_year: int
) -> list[tuple[Decimal, Decimal]]:
    """Rows (payment, interest) of a level-payment schedule in exact rational arithmetic."""
    r = Fraction(annual) / per_year
    if r == 0:
        pmt = round_half_up(Fraction(principal) / n)
    else:
        growth = (1 + r) ** n
        pmt = round_half_up(Fraction(principal) * r * growth / (growth - 1))
    rows = []
    balance = principal
    for k in range(1, n + 1):
        interest = round_half_up(Fraction(balance) * r)
        if k == n or pmt >= balance + interest:
            rows.append((balance + interest, interest))
            break
        rows.append((pmt, interest))
        balance -= pmt - interest
    return rows


def amounts(rows: list[plan.ScheduleRow], field: str) -> list[Decimal]:
    return [getattr(r, field).amount for r in rows]


def check_invariants(s: plan.Schedule, principal: Money) -> None:
    previous = principal
    for r in s.rows:
        assert r.payment == r.interest + r.principal + r.fees
        assert r.balance == previous - r.principal
        assert r.balance.amount >= 0
        previous = r.balance
    assert s.rows[-1].balance.amount == 0
    assert s.total_principal == principal
    assert s.total_payment == s.total_interest + s.total_principal + s.total_fees


def test_level_payment_acceptance_names() -> None:
    s = plan.level_payment(
        principal=Money("5000.00", "USD"),
        annual_rate=Decimal("0.0969"),
        periods=24,
        frequency="monthly",
        first_due=date(1978, 2, 10),
        start=date(1978, 1, 10),
    )
    row = s.rows[0]
    assert (row.due_date, row.payment, row.interest, row.principal, row.balance) == (
        date(1978, 2, 10),
        Money("230.01", "USD"),
        Money("40.38", "USD"),
        Money("189.63", "USD"),
        Money("4810.37", "USD"),
    )
    frame = s.to_pandas()
    assert list(frame.columns) == [
        "number",
        "due_date",
        "payment",
        "interest",
        "principal",
        "fees",
        "balance",
    ]
    assert frame["payment"].sum() == s.total_payment.amount
    assert isinstance(frame["payment"].iloc[0], Decimal)
    table = s.to_arrow()
    assert str(table.schema.field("payment").type) == "decimal128(38, 2)"
    assert sum(v.as_py() for v in table.column("interest")) == s.total_interest.amount


@given(
    principal=st.integers(min_value=1, max_value=10**11),
    rate=st.decimals(min_value=0, max_value=Decimal("0.60"), places=4),
    n=st.integers(min_value=1, max_value=120),
    freq=st.sampled_from([("monthly", 12), ("weekly", 52), ("quarterly", 4), ("fortnightly", 26)]),
)
def test_level_payment_matches_decimal_oracle(
    principal: int, rate: Decimal, n: int, freq: tuple[str, int]
) -> None:
    p = Money.from_minor(principal, "USD")
    s = plan.level_payment(p, rate, n, freq[0], first_due=date(2025, 1, 31))
    expected = oracle_level_payment(p.amount, rate, n, freq[1])
    assert amounts(s.rows, "payment") == [e[0] for e in expected]
    assert amounts(s.rows, "interest") == [e[1] for e in expected]
    check_invariants(s, p)


@given(
    principal=st.integers(min_value=100, max_value=10**9),
    rate=st.decimals(min_value=Decimal("0.001"), max_value=Decimal("0.40"), places=4),
    n=st.integers(min_value=2, max_value=360),
)
def test_numpy_financial_agrees_where_floats_round_to_the_same_cents(
    principal: int, rate: Decimal, n: int
) -> None:
    p = Money.from_minor(principal, "USD")
    s = plan.level_payment(p, rate, n, first_due=date(2025, 1, 31))
    r = float(rate) / 12
    pv = principal / 100
    pmt = float(npf.pmt(r, n, -pv))
    ipmt = float(npf.ipmt(r, 1, n, -pv))
    ppmt = float(npf.ppmt(r, 1, n, -pv))

    def cents_of(value: float) -> Decimal | None:
        cents = value * 100
        if abs(cents - np.floor(cents) - 0.5) < 1e-6 * max(1.0, abs(cents)):
            return None  # a float near a half cent: not an oracle there
        return Decimal(int(np.floor(cents + 0.5))) / 100

    rounded = {name: cents_of(v) for name, v in (("pmt", pmt), ("ipmt", ipmt), ("ppmt", ppmt))}
    if rounded["pmt"] is not None:
        assert rounded["pmt"] == s.regular_payment.amount
    if rounded["ipmt"] is not None:
        assert rounded["ipmt"] == s.rows[0].interest.amount
    # Our principal is the rounded payment less the rounded interest; ppmt (unrounded) agrees
    # whenever its own rounding is consistent with theirs.
    if None not in rounded.values() and rounded["ppmt"] == rounded["pmt"] - rounded["ipmt"]:  # type: ignore[operator]
        assert rounded["ppmt"] == s.rows[0].principal.amount


SHAPE_TERMS = [
    ("level_payment", {}),
    ("level_principal", {}),
    ("interest_only", {}),
    ("graduated", {"step_rate": "0.05", "step_every": 6}),
]


@pytest.mark.parametrize(("shape", "extra"), SHAPE_TERMS)
@given(
    principal=st.integers(min_value=1, max_value=10**10),
    rate=st.decimals(min_value=0, max_value=Decimal("0.9"), places=3),
    n=st.integers(min_value=1, max_value=60),
    holiday=st.integers(min_value=0, max_value=2),
    stub_days=st.integers(min_value=-20, max_value=30),
    residue=st.sampled_from(["last", "first"]),
    step=st.sampled_from([None, "1", "0.05"]),
    interest=st.sampled_from(["periodic", "daily"]),
)
def test_every_shape_keeps_the_invariants(
    shape: str,
    extra: dict[str, str],
    principal: int,
    rate: Decimal,
    n: int,
    holiday: int,
    stub_days: int,
    residue: str,
    step: str | None,
    interest: str,
) -> None:
    p = Money.from_minor(principal, "GBP")
    holiday = min(holiday, n - 1)
    first_due = date(2026, 3, 31)
    start = date.fromordinal(date(2026, 2, 28).toordinal() + stub_days)
    s = plan.schedule(
        shape,
        p,
        rate,
        n,
        start=start,
        first_due=first_due,
        payment_holiday_periods=holiday,
        residue=residue,
        payment_step=step,
        interest=interest,
        **extra,
    )
    check_invariants(s, p)


def test_arrears_and_fixed_instalment() -> None:
    s = plan.arrears_arrangement(Money("1200.00", "GBP"), Money("50.00", "GBP"), first_due=date(2026, 1, 15))
    assert s.instalments == 24
    assert s.total_interest == Money("0", "GBP")
    s2 = plan.fixed_instalment(Money("1000", "USD"), "100", "0.12", first_due=date(2025, 3, 1))
    assert s2.instalments == 11
    with pytest.raises(InvalidInputError, match="does not cover the period's interest") as info:
        plan.fixed_instalment(Money("1000", "USD"), "10", "0.12", first_due=date(2025, 3, 1))
    assert info.value.id == "plan.payment_too_small"


def test_custom_and_whole_pounds() -> None:
    s = plan.custom(Money("1000", "GBP"), ["100", "200", Money("300", "GBP")], first_due=date(2025, 1, 31))
    assert amounts(s.rows, "payment") == [Decimal("100.00"), Decimal("200.00"), Decimal("700.00")]
    w = plan.level_payment(
        Money("1200", "GBP"),
        0,
        7,
        first_due=date(2025, 1, 31),
        payment_step=Money("1", "GBP"),
        payment_rounding="up",
    )
    assert amounts(w.rows, "payment") == [Decimal("172.00")] * 6 + [Decimal("168.00")]
    assert "final_clears_balance" in [a.kind for a in w.adjustments]
    assert "rounded up to a multiple of 1.00 GBP" in w.explain()


def test_due_dates_anchor_and_end_of_month() -> None:
    assert plan.due_dates(date(2023, 1, 31), 4) == [
        date(2023, 1, 31),
        date(2023, 2, 28),
        date(2023, 3, 31),
        date(2023, 4, 30),
    ]
    assert plan.due_dates(date(2023, 2, 28), 2, end_of_month=True) == [date(2023, 2, 28), date(2023, 3, 31)]
    assert plan.due_dates(date(2023, 2, 28), 2) == [date(2023, 2, 28), date(2023, 3, 28)]
    assert plan.due_dates(date(2023, 2, 28), 2, anchor_day=30) == [date(2023, 2, 28), date(2023, 3, 30)]
    assert plan.due_dates(date(2024, 1, 1), 3, "fortnightly") == [
        date(2024, 1, 1),
        date(2024, 1, 15),
        date(2024, 1, 29),
    ]


def test_due_dates_match_quantlib_month_arithmetic() -> None:
    ql = pytest.importorskip("QuantLib")
    for first in (date(2023, 1, 31), date(2024, 2, 29), date(2023, 3, 15), date(2023, 11, 30)):
        ours = plan.due_dates(first, 25)
        start = ql.Date(first.day, first.month, first.year)
        for k, d in enumerate(ours):
            # QuantLib's Date + Period(k, Months) clamps to the month's end from the anchor date.
            q = start + ql.Period(k, ql.Months)
            assert d == date(q.year(), q.month(), q.dayOfMonth())


def test_batch_equals_scalar_and_collects_errors() -> None:
    principal = np.array([1_000_00, 250_000_00, -5, 99], dtype=np.int64)
    rates = ["0.0969", "0.065", "0.05", "0"]
    periods = np.array([24, 360, 12, 3])
    first_due = np.array(["2025-01-31"] * 4, dtype="datetime64[D]")
    b = plan.build_schedules(principal, "USD", rates, periods, first_due, errors="collect")
    assert b.error_rows == [2]
    assert b.error_ids == ["plan.principal"]
    for i in (0, 1, 3):
        s = plan.level_payment(
            Money.from_minor(int(principal[i]), "USD"), rates[i], int(periods[i]), first_due=date(2025, 1, 31)
        )
        sl = b.rows_of(i)
        assert b.payment[sl].tolist() == [r.payment.minor_units for r in s.rows]
        assert b.balance[sl].tolist() == [r.balance.minor_units for r in s.rows]
        assert b.due_date[sl].astype(object).tolist() == [r.due_date for r in s.rows]
        assert b.total_payment[i] == s.total_payment.minor_units
    with pytest.raises(InvalidInputError, match=r"^row 2: "):
        plan.build_schedules(principal, "USD", rates, periods, first_due)


def test_bad_input_is_refused_clearly() -> None:
    p = Money("100", "USD")
    with pytest.raises(FloatInputError):
        plan.level_payment(p, 0.05, 12, first_due=date(2025, 1, 1))  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="unknown frequency 'monthy'"):
        plan.level_payment(p, "0.05", 12, "monthy", first_due=date(2025, 1, 1))
    with pytest.raises(InvalidInputError, match=r"datetime\.datetime"):
        plan.level_payment(p, "0.05", 12, first_due=datetime(2025, 1, 1))
    with pytest.raises(InvalidInputError, match="pass a fraction"):
        plan.level_payment(p, "969", 12, first_due=date(2025, 1, 1))
    with pytest.raises(InvalidInputError, match="periods -1"):
        plan.level_payment(p, "0.05", -1, first_due=date(2025, 1, 1))
    with pytest.raises(InvalidInputError, match="unknown schedule shape"):
        plan.schedule("annuity", p, "0.05", 12, first_due=date(2025, 1, 1))
    with pytest.raises(FloatInputError):
        plan.build_schedules(np.array([1.5]), "USD", "0.05", [12], ["2025-01-01"])


def test_batch_takes_one_frequency_per_schedule() -> None:
    freqs = ["monthly", "fortnightly", "quarterly", "semi_monthly:1,16"]
    principal = np.array([500_00, 500_00, 500_00, 500_00], dtype=np.int64)
    first_due = [date(2025, 3, 1), date(2025, 3, 1), date(2025, 3, 1), date(2025, 3, 1)]
    b = plan.build_schedules(principal, "GBP", "0.08", [6, 6, 6, 6], first_due, frequency=freqs)
    for i, f in enumerate(freqs):
        s = plan.level_payment(Money("500.00", "GBP"), "0.08", 6, f, first_due=date(2025, 3, 1))
        assert b.due_date[b.rows_of(i)].astype(object).tolist() == [r.due_date for r in s.rows]
        assert b.interest[b.rows_of(i)].tolist() == [r.interest.minor_units for r in s.rows]
    with pytest.raises(InvalidInputError, match="frequency has 1 elements"):
        plan.build_schedules(principal, "GBP", "0.08", [6, 6, 6, 6], first_due, frequency=["monthly"])
