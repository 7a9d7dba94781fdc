"""Regulatory APR: Regulation Z Appendix J official examples, CONC App 1.2 examples, tolerance.

Every Appendix J row is an official example of 12 CFR 1026 Appendix J paragraph (c); the expected
figure is the APR the regulation prints (two decimals of a percent). The UK rows are the worked
examples of the reference catalogue (regulations.md section 6 and 3.9), recomputed independently
below with Python's decimal module.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal, getcontext
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import recoup
import recoup.plan as _plan
from recoup import Money, _rates

rates = _plan if hasattr(_plan, "apr") else _rates


def usd(a: str) -> Money:
    return Money(a, "USD")


def gbp(a: str) -> Money:
    return Money(a, "GBP")


def add_months(d: date, k: int, day: int | None = None) -> date:
    """d + k months on ``day`` (default d.day), clamped to the month's end (an independent helper)."""
    y, m = divmod(d.month - 1 + k, 12)
    y += d.year
    m += 1
    last = [
        31,
        29 if (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)) else 28,
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ]
    return date(y, m, min(day or d.day, last[m - 1]))


def monthly(first: date, n: int, amount: str, step: int = 1) -> list[tuple[date, Money]]:
    return [(add_months(first, k * step), usd(amount)) for k in range(n)]


def every(first: date, n: int, amount: str, days: int) -> list[tuple[date, Money]]:
    return [(first + timedelta(days=k * days), usd(amount)) for k in range(n)]


def semimonthly(first: date, n: int, amount: str) -> list[tuple[date, Money]]:
    out = []
    for k in range(n):
        m = add_months(first, k // 2, 1)
        out.append((m if k % 2 == 0 else m.replace(day=16), usd(amount)))
    return out


APP_J = [
    pytest.param(
        [(date(1978, 1, 10), usd("5000.00"))],
        monthly(date(1978, 2, 10), 24, "230.00"),
        "9.69",
        "month",
        id="App J (c)(1)(i) monthly regular first period [T-APR-1]",
    ),
    pytest.param(
        [(date(1978, 2, 10), usd("6000.00"))],
        monthly(date(1978, 4, 1), 36, "200.00"),
        "11.82",
        "month",
        id="App J (c)(1)(ii) monthly long first period [T-APR-2]",
    ),
    pytest.param(
        [(date(1978, 2, 23), usd("5000.00"))],
        semimonthly(date(1978, 3, 1), 24, "219.17"),
        "10.34",
        "semimonth",
        id="App J (c)(1)(iii) semimonthly short first period [T-APR-3]",
    ),
    pytest.param(
        [(date(1978, 5, 23), usd("10000.00"))],
        monthly(date(1978, 10, 1), 40, "385.00", 3),
        "8.97",
        "3 months",
        id="App J (c)(1)(iv) quarterly long first period [T-APR-4]",
    ),
    pytest.param(
        [(date(1978, 3, 20), usd("500.00"))],
        every(date(1978, 4, 21), 30, "17.60", 7),
        "14.96",
        "week",
        id="App J (c)(1)(v) weekly long first period [T-APR-5]",
    ),
    pytest.param(
        [(date(1978, 1, 10), usd("5000.00"))],
        [(date(1978, 2, 10), usd("250.00")), *monthly(date(1978, 3, 10), 23, "230.00")],
        "10.08",
        "month",
        id="App J (c)(2)(i) monthly odd first payment [T-APR-6]",
    ),
    pytest.param(
        [(date(1978, 3, 18), usd("400.00"))],
        [(date(1978, 4, 20), usd("39.50")), *every(date(1978, 5, 18), 11, "38.31", 28)],
        "28.50",
        "4 weeks",
        id="App J (c)(2)(ii) every 4 weeks long first period odd first payment",
    ),
    pytest.param(
        [(date(1978, 1, 10), usd("5000.00"))],
        [*monthly(date(1978, 2, 10), 23, "230.00"), (date(1980, 1, 10), usd("280.00"))],
        "10.50",
        "month",
        id="App J (c)(3)(i) monthly odd final payment",
    ),
    pytest.param(
        [(date(1978, 4, 3), usd("200.00"))],
        [*every(date(1978, 4, 11), 19, "9.50", 14), (date(1978, 4, 11) + timedelta(days=266), usd("30.00"))],
        "12.22",
        "2 weeks",
        id="App J (c)(3)(ii) every 2 weeks short first period odd final payment",
    ),
    pytest.param(
        [(date(1978, 1, 10), usd("5000.00"))],
        [
            (date(1978, 2, 10), usd("250.00")),
            *monthly(date(1978, 3, 10), 22, "230.00"),
            (date(1980, 1, 10), usd("280.00")),
        ],
        "10.90",
        "month",
        id="App J (c)(4)(i) monthly odd first and final payments",
    ),
    pytest.param(
        [(date(1978, 1, 10), usd("8000.00"))],
        [
            (date(1978, 3, 1), usd("449.36")),
            *monthly(date(1978, 5, 1), 18, "465.00", 2),
            (date(1981, 5, 1), usd("200.00")),
        ],
        "7.30",
        "2 months",
        id="App J (c)(4)(ii) every 2 months short first period odd first and final payments",
    ),
    pytest.param(
        [(date(1978, 1, 3), usd("1000.00"))],
        [(date(1978, 9, 15), usd("1080.00"))],
        "11.45",
        "term of 255 days",
        id="App J (c)(5)(i) single advance single payment 255 days",
    ),
]


@pytest.mark.parametrize(("advances", "payments", "percent", "unit"), APP_J)
def test_appendix_j_official_examples(advances: list, payments: list, percent: str, unit: str) -> None:
    r = rates.apr_details(advances, payments)
    assert r.disclosed == Decimal(percent) / 100, r.explain()
    assert rates.disclosed_apr(advances, payments) == Decimal(percent) / 100
    assert r.unit_period == unit
    assert r.method == "us_reg_z"
    rate = rates.apr(advances, payments)
    assert isinstance(rate, Decimal)
    assert rate.as_tuple().exponent == -12
    assert abs(rate - r.disclosed) <= Decimal("0.00005")


def test_appendix_j_c5i_matches_the_closed_form() -> None:
    """(c)(5)(i): one unit-period of 255 days, 365/255 a year: APR = 0.08 x 365 / 255."""
    r = rates.apr_details([(date(1978, 1, 3), usd("1000.00"))], [(date(1978, 9, 15), usd("1080.00"))])
    assert r.periods_per_year == Fraction(365, 255)
    expected = (Decimal("0.08") * 365 / 255).quantize(Decimal("1e-12"))
    assert r.rate == expected


def test_explain_shows_the_unit_period_fractions_and_citation() -> None:
    r = rates.apr_details([(date(1978, 2, 10), usd("6000.00"))], monthly(date(1978, 4, 1), 36, "200.00"))
    first = r.flows[1]
    assert (first.whole_periods, first.fraction) == (1, Fraction(19, 30))  # 1 month + 19 days / 30
    assert r.periods_per_year == 12
    text = r.explain()
    assert "Appendix J" in text and "unit-period: month" in text and "11.82%" in text
    assert "19/30" in text


def test_unit_period_override() -> None:
    adv = [(date(1978, 1, 10), usd("5000.00"))]
    pay = monthly(date(1978, 2, 10), 24, "230.00")
    assert rates.apr_details(adv, pay, unit_period="month").unit_period == "month"
    with pytest.raises(recoup.InvalidInputError) as e:
        rates.apr(adv, pay, unit_period="lunar month")
    assert e.value.id == "apr.unit_period"


def _uk_oracle(times: list[Decimal], amounts: list[Decimal], principal: Decimal) -> Decimal:
    getcontext().prec = 60
    lo, hi = Decimal(0), Decimal(100)
    for _ in range(300):
        mid = (lo + hi) / 2
        if principal - sum(a / (1 + mid) ** t for a, t in zip(amounts, times)) < 0:
            lo = mid
        else:
            hi = mid
    return lo


def test_uk_t_ukapr_1() -> None:
    """T-UKAPR-1: GBP 500 lent 10 Oct 2012, GBP 510 repaid 15 Oct 2012: 1.02^(365/5) - 1 = 324.4%."""
    adv, pay = [(date(2012, 10, 10), gbp("500.00"))], [(date(2012, 10, 15), gbp("510.00"))]
    assert rates.disclosed_apr(adv, pay, "uk_conc") == Decimal("3.244")
    getcontext().prec = 50
    exact = Decimal("1.02") ** (Decimal(365) / 5) - 1
    assert rates.apr(adv, pay, "uk_conc") == exact.quantize(Decimal("1e-12"))


def test_uk_t_ukapr_2_both_bases() -> None:
    """T-UKAPR-2 (regulations.md 3.9): 85.6% on equal months, 84.6% on actual days / 365."""
    adv = [(date(2012, 10, 10), gbp("500.00"))]
    pay = [(date(2012, 11, 10), gbp("270.00")), (date(2012, 12, 10), gbp("270.00"))]
    assert rates.disclosed_apr(adv, pay, "uk_conc") == Decimal("0.856")
    assert rates.disclosed_apr(adv, pay, "uk_conc", uk_basis="actual_days") == Decimal("0.846")
    r = rates.apr_details(adv, pay, "uk_conc")
    assert r.uk_basis == "equal_months" and r.unit_period is None
    want = _uk_oracle([Decimal(1) / 12, Decimal(2) / 12], [Decimal(270)] * 2, Decimal(500))
    assert abs(r.rate - want) < Decimal("1e-12")
    want_days = _uk_oracle([Decimal(31) / 365, Decimal(61) / 365], [Decimal(270)] * 2, Decimal(500))
    assert abs(rates.apr(adv, pay, "uk_conc", uk_basis="actual_days") - want_days) < Decimal("1e-12")
    assert "CONC App 1.2" in r.explain()


def test_tolerance_check_t_apr_1() -> None:
    """regulations.md section 6: disclosed 9.80% vs T-APR-1 is accurate; 9.85% is not."""
    computed = rates.apr([(date(1978, 1, 10), usd("5000.00"))], monthly(date(1978, 2, 10), 24, "230.00"))
    ok = rates.apr_tolerance_check(Decimal("0.0980"), computed)
    assert ok.accurate and bool(ok)
    assert ok.rule_id == "us.regz.apr.tolerance" and ok.citation == "12 CFR 1026.22(a)(2)"
    assert ok.tolerance == Decimal("0.00125")
    assert ok.difference == Decimal("0.0980") - computed
    assert "within 0.125%" in ok.explain()
    bad = rates.apr_tolerance_check("0.0985", computed)
    assert not bad.accurate and bad.explain().startswith("inaccurate")
    irregular = rates.apr_tolerance_check("0.0985", computed, irregular=True)
    assert irregular.accurate and irregular.citation == "12 CFR 1026.22(a)(3)"


@pytest.mark.parametrize(
    ("advances", "payments", "error", "error_id"),
    [
        pytest.param(
            [],
            [(date(2024, 2, 1), usd("10.00"))],
            recoup.InvalidInputError,
            "apr.no_advances",
            id="no advances",
        ),
        pytest.param(
            [(date(2024, 1, 1), usd("10.00"))],
            [],
            recoup.InvalidInputError,
            "apr.no_payments",
            id="no payments",
        ),
        pytest.param(
            [(date(2024, 1, 1), usd("100.00")), (date(2024, 3, 1), usd("1.00"))],
            [(date(2024, 2, 1), usd("110.00"))],
            recoup.InvalidInputError,
            "apr.advance_after_last_payment",
            id="advance after last payment",
        ),
        pytest.param(
            [(date(2024, 1, 1), usd("100.00"))],
            [(date(2023, 12, 1), usd("110.00"))],
            recoup.InvalidInputError,
            "apr.payment_before_advance",
            id="payment before advance",
        ),
        pytest.param(
            [(date(2024, 1, 1), usd("100.00"))],
            [(date(2024, 2, 1), usd("-110.00"))],
            recoup.InvalidInputError,
            "apr.non_positive_amount",
            id="negative payment",
        ),
        pytest.param(
            [(date(2024, 1, 1), usd("100.00"))],
            [(date(2024, 2, 1), gbp("110.00"))],
            recoup.CurrencyMismatchError,
            "money.currency_mismatch",
            id="mixed currencies",
        ),
        pytest.param(
            [(date(2024, 1, 1), usd("100.00"))],
            [(date(2024, 1, 1), usd("110.00"))],
            recoup.InvalidInputError,
            "apr.zero_term",
            id="zero term",
        ),
    ],
)
def test_bad_inputs_say_what_to_fix(advances: list, payments: list, error: type, error_id: str) -> None:
    with pytest.raises(error) as e:
        rates.apr(advances, payments)
    assert e.value.id == error_id


def test_unknown_method_and_basis() -> None:
    adv, pay = [(date(2024, 1, 1), usd("100.00"))], [(date(2024, 2, 1), usd("101.00"))]
    with pytest.raises(recoup.InvalidInputError, match="us_reg_z"):
        rates.apr(adv, pay, "eu_ccd")  # type: ignore[arg-type]
    with pytest.raises(recoup.InvalidInputError, match="equal_months"):
        rates.apr(adv, pay, "uk_conc", uk_basis="365.25")  # type: ignore[arg-type]


def test_floats_are_refused() -> None:
    with pytest.raises(recoup.FloatInputError):
        rates.apr_tolerance_check(0.098, Decimal("0.0969"))


@given(
    principal=st.integers(10_000, 5_000_000),
    periodic=st.integers(1, 300),  # periodic rate in units of 0.0001
    n=st.integers(2, 60),
    start=st.dates(date(1990, 1, 1), date(2040, 12, 1)).map(lambda d: d.replace(day=min(d.day, 28))),
)
def test_level_monthly_loan_apr_is_twelve_times_the_periodic_rate(
    principal: int, periodic: int, n: int, start: date
) -> None:
    """A regular monthly loan (first payment one month after the advance, same day of month) has a
    Reg Z APR equal to 12 x its periodic rate: the same as solve_rate."""
    r = Decimal(periodic) / 10000
    getcontext().prec = 60
    payment = (Decimal(principal) / 100 * r / (1 - (1 + r) ** -n)).quantize(Decimal("0.01"))
    adv = [(start, usd(str(Decimal(principal) / 100)))]
    pay = [(add_months(start, k + 1), usd(str(payment))) for k in range(n)]
    got = rates.apr_details(adv, pay)
    assert got.unit_period == "month"
    assert got.rate == rates.solve_rate(usd(str(Decimal(principal) / 100)), usd(str(payment)), n)
