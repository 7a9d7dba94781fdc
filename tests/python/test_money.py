"""Money: construction, text, arithmetic and every rounding step, checked against Python decimal."""

from __future__ import annotations

import copy
import pickle
from decimal import Decimal

import numpy as np
import pytest
from conftest import (
    CURRENCIES,
    INT64_MAX,
    INT64_MIN,
    ORACLE,
    PLACES,
    amount_of,
    currencies,
    decimals,
    fits_int64,
    minor_units,
    moderate_minor_units,
    positive_decimals,
    quantize,
    roundings,
)
from hypothesis import assume, example, given
from hypothesis import strategies as st

import recoup
from recoup import Money

# --- the acceptance names ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "amount, currency, minor, text",
    [
        ("12.34", "USD", 1234, "12.34 USD"),
        (12, "USD", 1200, "12.00 USD"),
        (Decimal("12.3"), "USD", 1230, "12.30 USD"),
        ("-0.05", "GBP", -5, "-0.05 GBP"),
        (1234, "JPY", 1234, "1234 JPY"),
        ("1.234", "KWD", 1234, "1.234 KWD"),
        (Decimal("0.0001"), "CLF", 1, "0.0001 CLF"),
        ("1.50000", "USD", 150, "1.50 USD"),  # trailing zeros are exact
        (Decimal("1.2E+3"), "USD", 120000, "1200.00 USD"),  # a Decimal's value, however Python prints it
    ],
    ids=["str", "int", "Decimal", "negative", "JPY", "KWD", "CLF", "trailing-zeros", "exponent-Decimal"],
)
def test_constructor_takes_str_int_and_decimal(amount, currency, minor, text):
    m = Money(amount, currency)
    assert m.minor_units == minor
    assert isinstance(m.minor_units, int)
    assert str(m) == text
    assert m.currency == currency
    assert isinstance(m.currency, str)
    assert isinstance(m.amount, Decimal)
    assert m.amount == Decimal(text.split()[0])
    assert str(m.amount) == text.split()[0]  # the amount carries the currency's places


def test_from_minor_parse_and_str():
    m = Money.from_minor(1234, "USD")
    assert m == Money("12.34", "USD")
    assert Money.parse("12.34 USD") == m
    assert str(Money.parse("12.34 USD")) == "12.34 USD"
    assert repr(m) == "Money('12.34', 'USD')"
    assert m.amount == Decimal("12.34") and m.amount.as_tuple().exponent == -2
    assert Money.from_minor(np.int64(-7), "KWD") == Money("-0.007", "KWD")


def test_properties_have_the_right_types():
    m = Money("1234.56", "USD")
    assert (str(m), m.minor_units, m.amount) == ("1234.56 USD", 123456, Decimal("1234.56"))
    assert type(m.amount) is Decimal and type(m.currency) is str and type(m.minor_units) is int


def test_float_amount_raises_type_error():
    with pytest.raises(TypeError, match="must be exact"):
        Money(0.1, "USD")


def test_readme_examples():
    assert Money("1234.56", "USD").multiply(Decimal("0.035"), rounding="half_up") == Money("43.21", "USD")
    assert Money("10.00", "USD").allocate(3) == [
        Money("3.34", "USD"),
        Money("3.33", "USD"),
        Money("3.33", "USD"),
    ]
    assert Money("100.00", "GBP").allocate([1, 2, 3], remainder="last") == [
        Money("16.66", "GBP"),
        Money("33.33", "GBP"),
        Money("50.01", "GBP"),
    ]
    assert Money("7.23", "CHF").round_to("0.05", rounding="half_up") == Money("7.25", "CHF")
    assert Money("1234.56", "USD") + Money("43.21", "USD") == Money("1277.77", "USD")


def test_multiply_accepts_decimal_str_and_int_factors():
    m = Money("100.00", "USD")
    assert m.multiply(Decimal("0.125"), rounding="half_even") == Money("12.50", "USD")
    assert m.multiply("0.125", rounding="half_even") == Money("12.50", "USD")
    assert m.multiply(3, rounding="half_even") == Money("300.00", "USD")
    assert Money("0.05", "USD").multiply("0.5", rounding="half_even") == Money("0.02", "USD")
    assert Money("0.05", "USD").multiply("0.5", rounding="half_up") == Money("0.03", "USD")


def test_rounding_accepts_decimal_module_constants():
    import decimal

    assert Money("0.05", "USD").multiply("0.5", rounding=decimal.ROUND_HALF_UP) == Money("0.03", "USD")
    assert Money("0.05", "USD").multiply("0.5", rounding=decimal.ROUND_HALF_EVEN) == Money("0.02", "USD")
    assert Money("0.01", "USD").multiply("0.1", rounding=decimal.ROUND_CEILING) == Money("0.01", "USD")


# --- text round trips --------------------------------------------------------------------------


@given(minor=minor_units, currency=currencies)
@example(minor=INT64_MIN, currency="CLF")
@example(minor=INT64_MAX, currency="JPY")
@example(minor=-1, currency="KWD")
def test_text_and_amount_round_trip(minor, currency):
    m = Money.from_minor(minor, currency)
    places = PLACES[currency]
    expected_amount = amount_of(minor, places)
    assert m.amount == expected_amount
    assert m.amount.as_tuple().exponent == -places
    assert str(m) == f"{expected_amount:f} {currency}"
    assert Money.parse(str(m)) == m
    assert Money(m.amount, m.currency) == m
    assert Money(str(m.amount), m.currency) == m
    assert m.minor_units == minor


@given(minor=minor_units, currency=currencies)
def test_pickle_copy_and_hash(minor, currency):
    m = Money.from_minor(minor, currency)
    for clone in (pickle.loads(pickle.dumps(m)), copy.copy(m), copy.deepcopy(m)):
        assert clone == m and hash(clone) == hash(m)
        assert clone.currency == currency and clone.minor_units == minor
    equal = Money(amount_of(minor, PLACES[currency]), currency)
    assert hash(equal) == hash(m)
    assert len({m, equal, Money.parse(str(m))}) == 1


def test_equal_money_hashes_alike_across_spellings():
    spellings = [
        Money("1", "USD"),
        Money("1.0", "USD"),
        Money("1.00", "USD"),
        Money(1, "USD"),
        Money(Decimal("1.000"), "USD"),
        Money.from_minor(100, "USD"),
        Money.parse("1.00 USD"),
    ]
    assert len({hash(m) for m in spellings}) == 1
    assert len(set(spellings)) == 1
    assert Money("1", "USD") != Money("1", "EUR")
    assert Money("1", "USD") != Money("1.01", "USD")


# --- arithmetic -----------------------------------------------------------------------------


@given(a=minor_units, b=minor_units, currency=currencies)
def test_add_sub_neg_against_exact_integers(a, b, currency):
    x, y = Money.from_minor(a, currency), Money.from_minor(b, currency)
    places = PLACES[currency]
    for op, exact in ((lambda: x + y, a + b), (lambda: x - y, a - b), (lambda: -x, -a)):
        if fits_int64(exact):
            r = op()
            assert r.minor_units == exact and r.currency == currency
            assert r.amount == amount_of(exact, places)
        else:
            with pytest.raises(recoup.MoneyOverflowError):
                op()
    if fits_int64(-a):
        assert abs(x).minor_units == abs(a)


@given(a=minor_units, b=minor_units, currency=currencies)
def test_comparisons_follow_the_amounts(a, b, currency):
    x, y = Money.from_minor(a, currency), Money.from_minor(b, currency)
    assert (x < y) == (a < b)
    assert (x <= y) == (a <= b)
    assert (x > y) == (a > b)
    assert (x >= y) == (a >= b)
    assert (x == y) == (a == b)
    assert (x != y) == (a != b)
    assert bool(x) == (a != 0)
    assert (x.is_zero(), x.is_negative(), x.is_positive()) == (a == 0, a < 0, a > 0)


@given(
    a=minor_units, k=st.one_of(st.integers(-1000, 1000), st.integers(-(2**70), 2**70)), currency=currencies
)
@example(a=0, k=2**63, currency="JPY")  # 0 x a huge int is 0: no overflow
@example(a=-1, k=2**63, currency="USD")  # exactly the most negative amount
@example(a=1, k=2**63, currency="USD")
def test_multiply_by_int_is_exact_or_overflows(a, k, currency):
    x = Money.from_minor(a, currency)
    exact = a * k
    if fits_int64(exact):
        assert (x * k).minor_units == exact
        assert (k * x).minor_units == exact
    else:
        with pytest.raises(recoup.MoneyOverflowError):
            x * k
        with pytest.raises(recoup.MoneyOverflowError):
            k * x


@given(a=minor_units, factor=decimals(max_digits=20, max_places=20), currency=currencies, rounding=roundings)
@example(a=5, factor=Decimal("0.5"), currency="USD", rounding="half_even")
@example(a=-5, factor=Decimal("0.5"), currency="USD", rounding="half_up")
@example(a=INT64_MAX, factor=Decimal("1.0000000000000000001"), currency="USD", rounding="down")
def test_multiply_matches_decimal(a, factor, currency, rounding):
    places = PLACES[currency]
    x = Money.from_minor(a, currency)
    want = quantize(ORACLE.multiply(amount_of(a, places), factor), places, rounding)
    want_minor = int(want.scaleb(places, context=ORACLE))
    if fits_int64(want_minor):
        got = x.multiply(factor, rounding=rounding)
        assert got.amount == want and got.currency == currency
        assert x.multiply(str(factor), rounding=rounding) == got
    else:
        with pytest.raises(recoup.MoneyOverflowError):
            x.multiply(factor, rounding=rounding)


@given(a=minor_units, divisor=decimals(max_digits=20, max_places=20), currency=currencies, rounding=roundings)
@example(a=1000, divisor=Decimal(3), currency="USD", rounding="half_even")
@example(a=1, divisor=Decimal(2), currency="JPY", rounding="half_even")
@example(a=3, divisor=Decimal(2), currency="JPY", rounding="half_even")
@example(a=INT64_MAX, divisor=Decimal("0.1"), currency="USD", rounding="down")
def test_divide_matches_decimal(a, divisor, currency, rounding):
    assume(divisor != 0)
    places = PLACES[currency]
    x = Money.from_minor(a, currency)
    want = quantize(ORACLE.divide(amount_of(a, places), divisor), places, rounding)
    want_minor = int(want.scaleb(places, context=ORACLE))
    if fits_int64(want_minor):
        got = x.divide(divisor, rounding=rounding)
        assert got.amount == want and got.currency == currency
    else:
        with pytest.raises(recoup.MoneyOverflowError):
            x.divide(divisor, rounding=rounding)


@given(
    a=minor_units,
    increment=st.one_of(st.sampled_from([1, 5, 10, 25, 50, 100, 1000]), st.integers(1, 10**12)),
    currency=currencies,
    rounding=roundings,
)
@example(a=723, increment=5, currency="USD", rounding="half_up")
@example(a=725, increment=10, currency="USD", rounding="half_even")
@example(a=-725, increment=10, currency="USD", rounding="half_down")
def test_round_to_matches_decimal(a, increment, currency, rounding):
    places = PLACES[currency]
    x = Money.from_minor(a, currency)
    step = Money.from_minor(increment, currency)
    # the number of steps, rounded by decimal; then back to an amount
    steps = quantize(ORACLE.divide(Decimal(a), Decimal(increment)), 0, rounding)
    want_minor = int(steps) * increment
    if fits_int64(want_minor):
        got = x.round_to(step, rounding=rounding)
        assert got.minor_units == want_minor
        assert got.amount == amount_of(want_minor, places)
        assert x.round_to(str(step.amount), rounding=rounding) == got
    else:
        with pytest.raises(recoup.MoneyOverflowError):
            x.round_to(step, rounding=rounding)


@given(
    a=moderate_minor_units, source=currencies, target=currencies, rate=positive_decimals(), rounding=roundings
)
@example(a=100, source="USD", target="JPY", rate=Decimal("150.5"), rounding="half_even")
@example(a=1, source="JPY", target="USD", rate=Decimal("0.005"), rounding="half_even")
def test_convert_matches_decimal(a, source, target, rate, rounding):
    x = Money.from_minor(a, source)
    want = quantize(ORACLE.multiply(amount_of(a, PLACES[source]), rate), PLACES[target], rounding)
    want_minor = int(want.scaleb(PLACES[target], context=ORACLE))
    if fits_int64(want_minor):
        got = x.convert(target, rate, rounding=rounding)
        assert got.currency == target
        assert got.amount == want
    else:
        with pytest.raises(recoup.MoneyOverflowError):
            x.convert(target, rate, rounding=rounding)


@given(value=decimals(max_digits=19, max_places=12), currency=currencies, rounding=roundings)
@example(value=Decimal("1.005"), currency="USD", rounding="half_even")
@example(value=Decimal("1.005"), currency="USD", rounding="half_up")
@example(value=Decimal("-2.5"), currency="JPY", rounding="half_even")
def test_rounded_matches_decimal(value, currency, rounding):
    places = PLACES[currency]
    want = quantize(value, places, rounding)
    want_minor = int(want.scaleb(places, context=ORACLE))
    if fits_int64(want_minor):
        got = Money.rounded(value, currency, rounding=rounding)
        assert got.amount == want
        assert Money.rounded(str(value), currency, rounding=rounding) == got
    else:
        with pytest.raises(recoup.MoneyOverflowError):
            Money.rounded(value, currency, rounding=rounding)


@given(
    x=st.one_of(
        st.floats(min_value=-1e12, max_value=1e12, allow_nan=False),
        st.integers(-(10**9), 10**9).map(lambda n: n / 1000),  # "decimal-looking" floats near ties
        st.integers(-(10**9), 10**9).map(lambda n: n / 200),
    ),
    currency=currencies,
    rounding=roundings,
)
@example(x=2.675, currency="USD", rounding="half_up")  # 2.67499999... in binary
@example(x=0.125, currency="USD", rounding="half_even")  # an exact binary tie
@example(x=-0.0, currency="USD", rounding="floor")
def test_from_float_rounds_the_exact_binary_value(x, currency, rounding):
    places = PLACES[currency]
    got = Money.from_float(x, currency, rounding=rounding)
    assert got.amount == quantize(Decimal(x), places, rounding)
    assert Money.from_float(np.float64(x), currency, rounding=rounding) == got


def test_from_float_known_values():
    assert Money.from_float(2.675, "USD", rounding="half_up") == Money("2.67", "USD")
    assert Money.from_float(0.125, "USD", rounding="half_even") == Money("0.12", "USD")
    assert Money.from_float(0.125, "USD", rounding="half_up") == Money("0.13", "USD")
    assert Money.from_float(0.1, "USD", rounding="up") == Money("0.11", "USD")  # 0.1000000000000000055...


def test_mixed_currencies_never_compare_equal_but_are_unequal():
    assert (Money("1", "USD") == Money("1", "EUR")) is False
    assert (Money("1", "USD") != Money("1", "EUR")) is True
    assert (Money("1", "USD") == "1.00 USD") is False


def test_division_operators_refuse_and_point_to_divide():
    m = Money("10.00", "USD")
    with pytest.raises(TypeError, match=r"divide\(divisor, rounding"):
        m / 3
    with pytest.raises(TypeError, match=r"divide\(divisor, rounding"):
        m // 3
    with pytest.raises(TypeError, match="does not convert to float"):
        float(m)
    with pytest.raises(TypeError, match=r"multiply\(factor, rounding"):
        m * Decimal("1.5")
    with pytest.raises(TypeError, match=r"multiply\(factor, rounding"):
        Decimal("1.5") * m


@pytest.mark.parametrize("currency", CURRENCIES)
def test_zero(currency):
    z = Money.zero(currency)
    assert z.minor_units == 0 and not z and z.is_zero() and str(z).endswith(currency)
    assert -z == z
