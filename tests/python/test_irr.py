"""IRR, XNPV and XIRR: numpy-financial cross-checks, Python-decimal oracles, Excel's XIRR example."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Context, Decimal, getcontext

import numpy as np
import numpy_financial as npf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import recoup
import recoup.plan as _plan
from recoup import Money, _rates

rates = _plan if hasattr(_plan, "apr") else _rates

C28 = Context(prec=28)

EXCEL = [
    (date(2008, 1, 1), -10000),
    (date(2008, 3, 1), 2750),
    (date(2008, 10, 30), 4250),
    (date(2009, 2, 15), 3250),
    (date(2009, 4, 1), 2750),
]


def oracle_xnpv(rate: Decimal, flows: list[tuple[date, Decimal]]) -> Decimal:
    d0 = flows[0][0]
    return sum((Decimal(v) / (1 + rate) ** (Decimal((d - d0).days) / 365) for d, v in flows), Decimal(0))


def oracle_root(f, lo: Decimal, hi: Decimal) -> Decimal:  # type: ignore[no-untyped-def]
    flo = f(lo)
    for _ in range(250):
        mid = (lo + hi) / 2
        fm = f(mid)
        if (fm < 0) == (flo < 0):
            lo, flo = mid, fm
        else:
            hi = mid
    return lo


def test_irr_numpy_financial_docstring_example() -> None:
    got = rates.irr([-100, 39, 59, 55, 20])
    assert abs(got - Decimal("0.28094842115996066")) < Decimal("1e-15")
    assert len(got.as_tuple().digits) == 28


def test_irr_picks_root_nearest_zero_and_lists_all() -> None:
    # (1+r)^2 - 2.5(1+r) + 1.5 = 0 has roots 0 and 0.5
    assert rates.irr_all([-1, "2.5", "-1.5"]) == [Decimal(0), Decimal("0.5")]
    assert rates.irr([-1, "2.5", "-1.5"]) == 0
    # (g - 1.1)(g - 1.3): roots 0.1 and 0.3; the answer is the one nearest zero
    assert rates.irr_all([-1, "2.4", "-1.43"]) == [Decimal("0.1"), Decimal("0.3")]
    assert rates.irr([-1, "2.4", "-1.43"]) == Decimal("0.1")
    # (g - 0.8)(g - 1.3): roots -0.2 and 0.3; -0.2 is nearer zero
    assert rates.irr([-1, "2.1", "-1.04"]) == Decimal("-0.2")


def test_irr_all_signs_same_is_no_convergence() -> None:
    with pytest.raises(recoup.NoConvergenceError) as e:
        rates.irr([100, 200])
    assert e.value.id == "irr.no_sign_change"
    assert "positive and one negative" in str(e.value)
    assert isinstance(e.value, ArithmeticError)
    assert rates.irr_all([100, 200]) == []
    with pytest.raises(recoup.InvalidInputError) as e:
        rates.irr([0, 0, 0])
    assert e.value.id == "rate.indeterminate"
    with pytest.raises(recoup.InvalidInputError):
        rates.irr([])


def test_irr_refuses_floats() -> None:
    with pytest.raises(recoup.FloatInputError):
        rates.irr([-100, 50.5, 60])


def test_npv_at_irr_is_zero_and_money_values_work() -> None:
    v = [Money("-1000.00", "USD"), Money("300.00", "USD"), Money("400.00", "USD"), Money("500.00", "USD")]
    r = rates.irr(v)
    assert abs(rates.npv(r, v)) < Decimal("1e-24")


@given(
    st.integers(1, 10**6),
    st.lists(st.integers(0, 10**6), min_size=1, max_size=11).filter(lambda xs: sum(xs) > 0),
)
def test_conventional_irr_matches_numpy_financial(outlay: int, returns: list[int]) -> None:
    """One sign change: a unique IRR, which numpy-financial also finds (floats agree to ~1e-9)."""
    values = [-outlay, *returns]
    got = rates.irr(values)
    ref = npf.irr(np.array(values, dtype=float))
    if np.isfinite(ref) and -0.99 < ref < 100:
        assert float(got) == pytest.approx(ref, rel=1e-9, abs=1e-9)
    assert abs(rates.npv(got, values)) <= Decimal("1e-20") * max(abs(v) for v in values)


def test_xirr_excel_example() -> None:
    """Microsoft's XIRR help example (also KB Q116041, 1992 dates): Excel shows 0.373362535; the
    exact root is 0.37336253351883..., so the two agree to 8 places (Excel stops iterating
    within 0.000001%)."""
    got = rates.xirr(EXCEL)
    getcontext().prec = 60
    want = oracle_root(
        lambda r: oracle_xnpv(r, [(d, Decimal(v)) for d, v in EXCEL]), Decimal("0.3"), Decimal("0.5")
    )
    assert abs(got - want) < Decimal("1e-26")
    assert got.quantize(Decimal("1e-8")) == Decimal("0.37336253")
    assert abs(rates.xnpv(got, EXCEL)) < Decimal("1e-20")
    # Excel's XNPV help: 9% -> 2086.647602
    assert rates.xnpv("0.09", EXCEL).quantize(Decimal("0.000001")) == Decimal("2086.647602")


def test_xnpv_matches_decimal_oracle() -> None:
    getcontext().prec = 60
    flows = [
        (date(2020, 1, 15), Decimal(-5000)),
        (date(2020, 7, 3), Decimal("1200.50")),
        (date(2021, 2, 28), Decimal(2500)),
        (date(2024, 2, 29), Decimal(2000)),
    ]
    for rate in ("0.05", "0.123", "-0.2"):
        assert rates.xnpv(rate, flows) == C28.plus(oracle_xnpv(Decimal(rate), flows))


def test_xirr_errors() -> None:
    with pytest.raises(recoup.InvalidInputError) as e:
        rates.xirr([(date(2020, 2, 1), 100), (date(2020, 1, 1), -100)])
    assert e.value.id == "irr.date_before_start"
    with pytest.raises(recoup.CurrencyMismatchError):
        rates.xirr([(date(2020, 1, 1), Money("-100.00", "USD")), (date(2020, 2, 1), Money("110.00", "GBP"))])
    with pytest.raises(recoup.NoConvergenceError):
        rates.xirr([(date(2020, 1, 1), 100), (date(2020, 2, 1), 110)])


@settings(max_examples=80)
@given(
    st.lists(st.tuples(st.integers(30, 2000), st.integers(1, 10**6)), min_size=1, max_size=8),
    st.integers(10, 150),
)
def test_xirr_npv_is_zero_for_investment_then_returns(returns: list[tuple[int, int]], percent: int) -> None:
    """An outlay of 10%..150% of the returns, returns 30+ days later: one root, xnpv zero there.
    (Rates below -0.999999 a year are outside the scanned range: see the docs.)"""
    start = date(2015, 6, 30)
    outlay = max(1, sum(v for _, v in returns) * percent // 100)
    flows = [(start, -outlay)] + [(start + timedelta(days=d), v) for d, v in returns]
    r = rates.xirr(flows)
    assert abs(rates.xnpv(r, flows)) <= Decimal("1e-18") * outlay
    assert rates.xirr_all(flows) == [r]
