"""recoup.divide / multiply / quantize and Decimal in and out, checked against Python decimal."""

from __future__ import annotations

import decimal
import inspect
from decimal import Decimal

import pytest
from conftest import (
    ORACLE,
    PLACES,
    amount_of,
    currencies,
    decimals,
    fits_38_digits,
    minor_units,
    quantize,
    roundings,
)
from hypothesis import assume, example, given
from hypothesis import strategies as st

import recoup
from recoup import Money

scales = st.integers(0, 38)


def check(got: Decimal, want: Decimal, scale: int) -> None:
    assert isinstance(got, Decimal)
    assert got == want
    # recoup keeps the requested scale unless the coefficient would pass 38 digits, where it may
    # drop trailing zeros (exactly) instead
    if len(want.as_tuple().digits) <= 38:
        assert got.as_tuple().exponent == -scale, (got, want)


def run_or_overflow(fn, want: Decimal, scale: int) -> None:
    if fits_38_digits(want):
        check(fn(), want, scale)
    else:
        with pytest.raises(recoup.MoneyOverflowError, match="38"):
            fn()


@given(
    a=decimals(max_digits=19, max_places=19),
    b=decimals(max_digits=19, max_places=19),
    scale=scales,
    rounding=roundings,
)
@example(a=Decimal("0.0525"), b=Decimal(365), scale=10, rounding="half_even")
@example(a=Decimal(1), b=Decimal(3), scale=2, rounding="up")
@example(a=Decimal(-1), b=Decimal(8), scale=2, rounding="half_even")
@example(a=Decimal(-1), b=Decimal(8), scale=2, rounding="half_down")
@example(a=Decimal(-1), b=Decimal(8), scale=2, rounding="half_up")
def test_divide_matches_decimal(a, b, scale, rounding):
    assume(b != 0)
    want = quantize(ORACLE.divide(a, b), scale, rounding)
    run_or_overflow(lambda: recoup.divide(a, b, scale=scale, rounding=rounding), want, scale)


@given(
    a=decimals(max_digits=19, max_places=19),
    b=decimals(max_digits=19, max_places=19),
    scale=scales,
    rounding=roundings,
)
@example(a=Decimal("1.05"), b=Decimal("0.5"), scale=2, rounding="half_even")
@example(a=Decimal("1.05"), b=Decimal("0.5"), scale=2, rounding="half_up")
def test_multiply_matches_decimal(a, b, scale, rounding):
    want = quantize(ORACLE.multiply(a, b), scale, rounding)
    run_or_overflow(lambda: recoup.multiply(a, b, scale=scale, rounding=rounding), want, scale)


@given(value=decimals(max_digits=38, max_places=38), scale=scales, rounding=roundings)
@example(value=Decimal("1.005"), scale=2, rounding="half_even")
@example(value=Decimal("2.5"), scale=0, rounding="half_even")
@example(value=Decimal("-2.5"), scale=0, rounding="half_down")
@example(value=Decimal("-2.5"), scale=0, rounding="floor")
def test_quantize_matches_decimal(value, scale, rounding):
    want = quantize(value, scale, rounding)
    # quantize promises exactly `scale` places, so the result must fit 38 digits at that scale
    if len(want.as_tuple().digits) <= 38:
        check(recoup.quantize(value, scale=scale, rounding=rounding), want, scale)
    else:
        with pytest.raises(recoup.MoneyOverflowError, match="38"):
            recoup.quantize(value, scale=scale, rounding=rounding)


@given(value=decimals(max_digits=12, max_places=6), scale=st.integers(0, 10), rounding=roundings)
def test_int_and_str_inputs_match_decimal_inputs(value, scale, rounding):
    assert recoup.quantize(str(value), scale=scale, rounding=rounding) == quantize(value, scale, rounding)
    n = int(value)
    assert recoup.multiply(n, 3, scale=scale, rounding=rounding) == Decimal(n * 3)
    assume(n != 0)
    assert recoup.divide(str(value), n, scale=scale, rounding=rounding) == quantize(
        ORACLE.divide(value, Decimal(n)), scale, rounding
    )


def test_docstring_example():
    assert recoup.divide(Decimal("0.0525"), 365, scale=10, rounding="half_even") == Decimal("0.0001438356")
    assert str(recoup.quantize("1.005", scale=2, rounding="half_up")) == "1.01"
    assert str(recoup.quantize("1.005", scale=2, rounding="half_even")) == "1.00"
    assert str(recoup.quantize("1.5", scale=3, rounding="down")) == "1.500"


def test_results_ignore_the_ambient_decimal_context():
    with decimal.localcontext() as ctx:
        ctx.prec = 3
        ctx.rounding = decimal.ROUND_FLOOR
        assert recoup.divide(2, 3, scale=10, rounding="half_up") == Decimal("0.6666666667")
        assert recoup.multiply("123.456", "789.012", scale=6, rounding="half_even") == Decimal("97408.265472")
        assert Money("1234.56", "USD").amount == Decimal("1234.56")


@pytest.mark.parametrize("fn", [recoup.divide, recoup.multiply, recoup.quantize], ids=lambda f: f.__name__)
def test_scale_and_rounding_are_keyword_only(fn):
    params = inspect.signature(fn).parameters
    assert params["scale"].kind is inspect.Parameter.KEYWORD_ONLY
    assert params["rounding"].kind is inspect.Parameter.KEYWORD_ONLY
    args = ("1.5",) if fn is recoup.quantize else ("1.5", "2")
    with pytest.raises(TypeError):
        fn(*args, 2, "half_even")
    with pytest.raises(TypeError):
        fn(*args, scale=2)  # rounding is required


@given(minor=minor_units, currency=currencies)
def test_money_amount_is_an_exact_decimal(minor, currency):
    m = Money.from_minor(minor, currency)
    assert m.amount == amount_of(minor, PLACES[currency])
    assert Money(m.amount, currency) == m


@pytest.mark.parametrize("bad", ["NaN", "sNaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_decimals_are_refused(bad):
    with pytest.raises(recoup.InvalidInputError, match=r"NaN and Infinity") as e:
        recoup.quantize(Decimal(bad), scale=2, rounding="half_even")
    assert e.value.id == "decimal.nan"
    with pytest.raises(recoup.InvalidInputError, match=r"NaN and Infinity") as e:
        recoup.quantize(bad, scale=2, rounding="half_even")
    assert e.value.id == "decimal.syntax"


def test_float_inputs_are_refused():
    with pytest.raises(recoup.FloatInputError, match="must be exact"):
        recoup.divide(1.5, 2, scale=2, rounding="half_even")
    with pytest.raises(recoup.FloatInputError, match="must be exact"):
        recoup.multiply(1, 0.5, scale=2, rounding="half_even")


def test_division_by_zero():
    with pytest.raises(recoup.DivisionByZeroError, match="by zero") as e:
        recoup.divide(1, Decimal("0.000"), scale=2, rounding="half_even")
    assert e.value.id == "decimal.division_by_zero"
    assert isinstance(e.value, ZeroDivisionError)


@pytest.mark.parametrize("scale", [-1, 39])
def test_scale_out_of_range(scale):
    with pytest.raises(recoup.InvalidInputError, match=r"outside 0\.\.38") as e:
        recoup.quantize("1.5", scale=scale, rounding="half_even")
    assert e.value.id == "decimal.scale"
