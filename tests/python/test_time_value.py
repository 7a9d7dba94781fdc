"""Time value of money: exact against Python decimal, close to numpy-financial, solvers round-trip."""

from __future__ import annotations

from decimal import Context, Decimal, getcontext
from fractions import Fraction

import numpy_financial as npf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import recoup
import recoup.plan as _plan
from recoup import Money, _rates

rates = _plan if hasattr(_plan, "apr") else _rates

C28 = Context(prec=28)
W = {"end": 0, "begin": 1}


# The oracles are exact (fractions.Fraction) and rounded once, correctly, to 28 digits by
# Decimal division: an oracle computed in 90-digit Decimal arithmetic would misjudge the exact
# half-way cases (fv(0.000755, 4, -100, 0.03) = 400.42313735038073348714498125 exactly, which
# half-even rounds down to ...812, while a 90-digit evaluation of p / r * (t - 1) lands just above
# the tie and rounds up).


def r28(x: Fraction) -> Decimal:
    """x correctly rounded to 28 significant digits, half-even."""
    return C28.divide(Decimal(x.numerator), Decimal(x.denominator))


def o_pmt(r: Decimal, n: int, pv: Decimal, fv: Decimal = Decimal(0), w: int = 0) -> Fraction:
    R, PV, FV = Fraction(r), Fraction(pv), Fraction(fv)
    if R == 0:
        return -(FV + PV) / n
    t = (1 + R) ** n
    return -(FV + PV * t) * R / ((1 + R * w) * (t - 1))


def o_fv(r: Decimal, n: int, p: Decimal | Fraction, pv: Decimal, w: int = 0) -> Fraction:
    R, P, PV = Fraction(r), Fraction(p), Fraction(pv)
    if R == 0:
        return -(PV + P * n)
    t = (1 + R) ** n
    return -(PV * t + P * (1 + R * w) / R * (t - 1))


def o_pv(r: Decimal, n: int, p: Decimal, fv: Decimal = Decimal(0), w: int = 0) -> Fraction:
    R, P, FV = Fraction(r), Fraction(p), Fraction(fv)
    if R == 0:
        return -(FV + P * n)
    t = (1 + R) ** n
    return -(FV + P * (1 + R * w) / R * (t - 1)) / t


def o_ipmt(r: Decimal, per: int, n: int, pv: Decimal, fv: Decimal, w: int) -> Fraction:
    total = o_pmt(r, n, pv, fv, w)
    ip = o_fv(r, per - 1, total, pv, w) * Fraction(r)
    if w == 1:
        ip = Fraction(0) if per == 1 else ip / (1 + Fraction(r))
    return ip


rates_st = st.integers(0, 50000).map(lambda k: Decimal(k).scaleb(-6))  # 0 .. 5% a period, 6 places
pv_st = st.integers(1, 10**8).map(lambda k: Decimal(k).scaleb(-2))
when_st = st.sampled_from(["end", "begin"])


@given(rates_st, st.integers(1, 480), pv_st, when_st)
def test_closed_forms_are_exact_to_28_digits(r: Decimal, n: int, pv: Decimal, when: str) -> None:
    w = W[when]
    assert rates.pmt(r, n, pv, 0, when) == r28(o_pmt(r, n, pv, Decimal(0), w))
    assert rates.fv(r, n, Decimal(-100), pv, when) == r28(o_fv(r, n, Decimal(-100), pv, w))
    assert rates.pv(r, n, Decimal(-100), Decimal(0), when) == r28(o_pv(r, n, Decimal(-100), Decimal(0), w))
    per = (n + 1) // 2
    ip = o_ipmt(r, per, n, pv, Decimal(0), w)
    assert rates.ipmt(r, per, n, pv, 0, when) == r28(ip)
    assert rates.ppmt(r, per, n, pv, 0, when) == r28(o_pmt(r, n, pv, Decimal(0), w) - ip)


def test_an_exact_half_way_fv_rounds_half_even() -> None:
    # found by hypothesis: the exact future value ends in a 5 at the 29th digit
    assert o_fv(Decimal("0.000755"), 4, Decimal(-100), Decimal("0.03")) == Fraction(
        "400.42313735038073348714498125"
    )
    assert rates.fv("0.000755", 4, -100, "0.03") == Decimal("400.4231373503807334871449812")


@settings(max_examples=80)
@given(rates_st.filter(lambda r: r > 0), st.integers(1, 360), pv_st, when_st)
def test_matches_numpy_financial(r: Decimal, n: int, pv: Decimal, when: str) -> None:
    rel = 1e-9
    assert float(rates.pmt(r, n, pv, 0, when)) == pytest.approx(
        npf.pmt(float(r), n, float(pv), 0, when), rel=rel
    )
    per = max(1, n // 3)
    assert float(rates.ipmt(r, per, n, pv, 0, when)) == pytest.approx(
        npf.ipmt(float(r), per, n, float(pv), 0, when), rel=rel, abs=1e-9
    )
    assert float(rates.ppmt(r, per, n, pv, 0, when)) == pytest.approx(
        npf.ppmt(float(r), per, n, float(pv), 0, when), rel=rel, abs=1e-9
    )
    payment = rates.pmt(r, n, pv, 0, when)
    assert float(rates.nper(r, payment, pv, 0, when)) == pytest.approx(n, rel=1e-12)
    assert float(rates.nper(r, payment, pv, 0, when)) == pytest.approx(
        float(npf.nper(float(r), float(payment), float(pv), 0, when)), rel=1e-9
    )
    if n == 1 and when == "begin":  # the one payment at t = 0 repays pv at any rate
        with pytest.raises(recoup.InvalidInputError, match="every rate"):
            rates.rate(n, payment, pv, 0, when)
        return
    back = rates.rate(n, payment, pv, 0, when)
    assert abs(back - r) < Decimal("1e-25")
    assert float(back) == pytest.approx(
        float(npf.rate(n, float(payment), float(pv), 0, when)), rel=1e-6, abs=1e-9
    )


def test_npv_first_flow_at_zero_like_numpy_financial() -> None:
    getcontext().prec = 60
    values = [-100, 39, 59, 55, 20]
    want = sum(Decimal(v) / Decimal("1.281") ** t for t, v in enumerate(values))
    assert rates.npv("0.281", values) == C28.plus(want)
    assert float(rates.npv("0.281", values)) == pytest.approx(npf.npv(0.281, values), rel=1e-12)


def test_documented_numbers() -> None:
    assert rates.pmt("0.00625", 180, 200000) == Decimal("-1854.024720005476247786907149")
    assert rates.ipmt("0.01", 1, 12, 1000) == Decimal(-10)
    assert rates.fv(0, 10, -100, -100) == Decimal(1100)
    # (10000/3500)^(1/10) - 1 exactly to 28 digits (numpy-financial's Newton gives ...1426901)
    assert rates.rate(10, 0, -3500, 10000) == Decimal("0.1106908537107528062538259006")
    assert rates.pmt("0.01", 12, 1000, when=1) == rates.pmt("0.01", 12, 1000, when="begin")


def test_errors_and_float_refusal() -> None:
    with pytest.raises(recoup.FloatInputError):
        rates.pmt(0.05, 12, 1000)
    with pytest.raises(recoup.InvalidInputError) as e:
        rates.ipmt("0.01", 13, 12, 1000)
    assert e.value.id == "time_value.period_range"
    with pytest.raises(recoup.InvalidInputError) as e:
        rates.nper("0.01", -5, 1000)
    assert e.value.id == "time_value.nper_no_solution"
    with pytest.raises(recoup.NoConvergenceError):
        rates.rate(12, 100, 1000)
    with pytest.raises(ValueError, match="begin"):
        rates.pmt("0.01", 12, 1000, when="middle")  # type: ignore[arg-type]
    with pytest.raises(recoup.InvalidInputError) as e:
        rates.pmt("-1", 12, 1000)
    assert e.value.id == "time_value.rate_domain"


def test_solve_rate_and_term_for_recovery_officers() -> None:
    gbp = lambda a: Money(a, "GBP")  # noqa: E731
    annual = rates.solve_rate(gbp("5000.00"), gbp("230.00"), 24)
    assert annual == Decimal("0.096857080623")
    assert rates.solve_term(gbp("1000.00"), gbp("50.00"), "0.05") == 21
    assert rates.solve_term(gbp("1000.00"), gbp("100.00"), 0) == 10
    with pytest.raises(recoup.InvalidInputError) as e:
        rates.solve_term(gbp("1000.00"), gbp("4.00"), "0.06")
    assert e.value.id == "rate.payment_too_small"
    assert "5.00" in str(e.value)
    with pytest.raises(recoup.CurrencyMismatchError):
        rates.solve_rate(gbp("1000.00"), Money("100.00", "USD"), 12)


@settings(max_examples=80)
@given(
    principal=st.integers(10_000, 10**8),
    annual_bp=st.integers(0, 3000),
    periods=st.integers(1, 360),
    ppy=st.sampled_from([12, 26, 52, 4]),
)
def test_solve_term_and_solve_rate_round_trip(principal: int, annual_bp: int, periods: int, ppy: int) -> None:
    """A payment rounded up to the cent repays within `periods`; one cent less needs at least as
    many; solve_rate recovers the rate from the exact-rate payment to within rounding."""
    getcontext().prec = 60
    annual = Decimal(annual_bp) / 10000
    p = Decimal(principal) / 100
    r = annual / ppy
    exact = p / periods if r == 0 else p * r / (1 - (1 + r) ** -periods)
    payment = exact.quantize(Decimal("0.01"), rounding="ROUND_CEILING")
    n = rates.solve_term(Money(p, "GBP"), Money(payment, "GBP"), annual, ppy)
    assert n <= periods
    if payment - Decimal("0.01") > p * r:
        assert rates.solve_term(Money(p, "GBP"), Money(payment - Decimal("0.01"), "GBP"), annual, ppy) >= n
    if n == periods and periods > 1:
        solved = rates.solve_rate(Money(p, "GBP"), Money(payment, "GBP"), periods, ppy)
        assert solved >= annual - Decimal("1e-12")


@pytest.mark.deep
@given(rates_st, st.integers(1, 2000), pv_st, when_st)
def test_closed_forms_exact_deep(r: Decimal, n: int, pv: Decimal, when: str) -> None:
    test_closed_forms_are_exact_to_28_digits.hypothesis.inner_test(r, n, pv, when)  # type: ignore[attr-defined]
