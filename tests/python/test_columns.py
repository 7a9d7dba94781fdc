"""recoup.columns: the batch kernels over int64 minor units, checked row by row against decimal."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pytest
from conftest import (
    INT64_MAX,
    INT64_MIN,
    ORACLE,
    PLACES,
    amount_of,
    currencies,
    decimals,
    expected_minor,
    fits_int64,
    oracle_allocate,
    policies,
    ratio_lists,
    roundings,
)
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import recoup
from recoup import Currency, Money, columns

int64_columns = hnp.arrays(
    np.int64,
    st.integers(0, 40),
    elements=st.one_of(st.integers(-(10**12), 10**12), st.integers(INT64_MIN, INT64_MAX)),
)
moderate_columns = hnp.arrays(np.int64, st.integers(0, 40), elements=st.integers(-(10**15), 10**15))


def test_readme_tour():
    cents = columns.parse(np.array(["10.00", "25.50", "0.01"]), "USD")
    assert cents.dtype == np.int64 and cents.tolist() == [1000, 2550, 1]
    assert columns.sum(cents, "USD") == Money("35.51", "USD")
    assert columns.allocate(cents, 3).tolist() == [[334, 333, 333], [850, 850, 850], [1, 0, 0]]


# --- sum ---------------------------------------------------------------------------------------


@given(values=int64_columns, currency=currencies)
def test_sum_is_exact_or_overflows(values, currency):
    exact = sum(int(v) for v in values)
    if fits_int64(exact):
        total = columns.sum(values, currency)
        assert total.minor_units == exact and total.currency == currency
    else:
        with pytest.raises(recoup.MoneyOverflowError, match="beyond 64 bits") as e:
            columns.sum(values, currency)
        assert e.value.id == "columns.sum_overflow"


def test_sum_never_wraps_in_between():
    assert columns.sum(np.array([INT64_MAX, 1, -5], dtype=np.int64), "USD").minor_units == INT64_MAX - 4
    assert columns.sum(np.array([], dtype=np.int64), Currency("JPY")) == Money(0, "JPY")
    assert columns.sum(np.array([1, 2], dtype=np.int32), "USD").minor_units == 3
    assert columns.sum(np.arange(10)[::2], "USD").minor_units == 20  # non-contiguous


def test_sum_refuses_uint64_beyond_int64():
    with pytest.raises(recoup.MoneyOverflowError, match=r"row 1: 18446744073709551615 minor units") as e:
        columns.sum(np.array([1, 2**64 - 1], dtype=np.uint64), "USD")
    assert e.value.id == "money.overflow"


# --- allocate ------------------------------------------------------------------------------------


@given(values=int64_columns, n=st.integers(1, 12), policy=policies)
def test_allocate_n_matches_the_oracle_per_row(values, n, policy):
    values = values[values != INT64_MIN]
    out = columns.allocate(values, n, remainder=policy)
    assert out.shape == (len(values), n) and out.dtype == np.int64
    for v, row in zip(values.tolist(), out.tolist()):
        assert sum(row) == v
        assert row == oracle_allocate(v, [1] * n, policy)


@given(values=moderate_columns, ratios=ratio_lists(), policy=policies)
def test_allocate_ratios_matches_the_oracle_per_row(values, ratios, policy):
    out = columns.allocate(values, ratios, remainder=policy)
    assert out.shape == (len(values), len(ratios))
    for v, row in zip(values.tolist(), out.tolist()):
        assert sum(row) == v
        assert row == oracle_allocate(v, ratios, policy)
    # the batch form agrees with the scalar form
    for v, row in zip(values.tolist()[:5], out.tolist()[:5]):
        assert row == [p.minor_units for p in Money.from_minor(v, "USD").allocate(ratios, remainder=policy)]


def test_allocate_collects_the_one_row_that_cannot_split():
    res = columns.allocate(np.array([5, INT64_MIN, 7]), 2, errors="collect")
    assert isinstance(res, columns.BatchResult)
    assert res.values.tolist() == [[3, 2], [0, 0], [4, 3]]
    assert res.error_rows.tolist() == [1] and res.error_ids == ["allocation.overflow"]
    assert "most negative" in res.error_messages[0]
    assert res.ok.tolist() == [True, False, True]
    with pytest.raises(recoup.MoneyOverflowError, match=r"^row 1: cannot allocate the most negative"):
        columns.allocate(np.array([5, INT64_MIN, 7]), 2)


# --- round / multiply ------------------------------------------------------------------------------


@given(
    values=int64_columns, increment=st.sampled_from(["0.05", "0.10", "1", "0.01", "0.25"]), rounding=roundings
)
def test_round_matches_decimal(values, increment, rounding):
    inc_minor = int(Decimal(increment) * 100)
    res = columns.round(values, "CHF", increment, rounding=rounding, errors="collect")
    bad = set(res.error_rows.tolist())
    for i, v in enumerate(values.tolist()):
        steps = int(
            ORACLE.divide(Decimal(v), Decimal(inc_minor)).quantize(Decimal(1), rounding=_mode(rounding))
        )
        want = steps * inc_minor
        if fits_int64(want):
            assert i not in bad and res.values[i] == want
        else:
            assert i in bad and res.values[i] == 0
    assert all(i == "money.overflow" for i in res.error_ids)


def _mode(name):
    from conftest import ROUNDING

    return ROUNDING[name]


def test_round_takes_a_currency_object_or_money_increment():
    want = [725, 720, -725]
    cents = np.array([723, 722, -723])
    assert columns.round(cents, "CHF", "0.05", rounding="half_up").tolist() == want
    assert columns.round(cents, Currency("CHF"), "0.05", rounding="half_up").tolist() == want
    assert columns.round(cents, "CHF", Money("0.05", "CHF"), rounding="half_up").tolist() == want
    assert columns.round(cents, Currency("CHF"), Money("0.05", "CHF"), rounding="half_up").tolist() == want


def test_round_refuses_an_increment_in_another_currency():
    with pytest.raises(recoup.CurrencyMismatchError, match=r"increment 0.05 USD is not in CHF") as e:
        columns.round(np.array([723]), "CHF", Money("0.05", "USD"), rounding="half_up")
    assert e.value.id == "money.currency_mismatch"


@given(values=int64_columns, factor=decimals(max_digits=20, max_places=20), rounding=roundings)
def test_multiply_matches_decimal(values, factor, rounding):
    res = columns.multiply(values, factor, rounding=rounding, errors="collect")
    bad = set(res.error_rows.tolist())
    for i, v in enumerate(values.tolist()):
        want = expected_minor(ORACLE.multiply(Decimal(v), factor), 0, rounding)
        if fits_int64(want):
            assert i not in bad and res.values[i] == want, (v, factor)
        else:
            assert i in bad and res.values[i] == 0
    ok = res.ok
    plain = columns.multiply(values[ok], str(factor), rounding=rounding)
    assert plain.tolist() == res.values[ok].tolist()


# --- parse / format / from_float ------------------------------------------------------------------


@given(
    amounts=st.lists(decimals(max_digits=14, max_places=6), max_size=30),
    currency=currencies,
    rounding=roundings,
)
def test_parse_with_rounding_matches_decimal(amounts, currency, rounding):
    places = PLACES[currency]
    texts = np.array([str(a) for a in amounts], dtype=str)
    got = columns.parse(texts, currency, rounding=rounding)
    assert got.tolist() == [expected_minor(a, places, rounding) for a in amounts]
    # object arrays of Decimal and bytes arrays give the same answer
    obj = np.array([*amounts, None], dtype=object)[:-1]
    assert columns.parse(obj, currency, rounding=rounding).tolist() == got.tolist()
    assert (
        columns.parse(
            np.array([t.encode() for t in texts.tolist()], dtype=bytes), currency, rounding=rounding
        ).tolist()
        == got.tolist()
    )


@given(amounts=st.lists(decimals(max_digits=14, max_places=6), max_size=30), currency=currencies)
def test_parse_without_rounding_is_exact_or_refuses(amounts, currency):
    places = PLACES[currency]
    res = columns.parse(np.array([str(a) for a in amounts], dtype=str), currency, errors="collect")
    bad = dict(zip(res.error_rows.tolist(), res.error_ids))
    for i, a in enumerate(amounts):
        if quantize_is_exact(a, places):
            assert i not in bad and res.values[i] == int(a.scaleb(places, context=ORACLE))
        else:
            assert bad[i] == "money.excess_precision" and res.values[i] == 0


def quantize_is_exact(a: Decimal, places: int) -> bool:
    scaled = a.scaleb(places, context=ORACLE)
    return scaled == scaled.to_integral_value(context=ORACLE)


@given(values=int64_columns, currency=currencies)
def test_format_and_to_decimals_round_trip(values, currency):
    places = PLACES[currency]
    texts = columns.format(values, currency)
    want = [f"{amount_of(v, places):f}" for v in values.tolist()]
    assert texts.tolist() == want
    decs = columns.to_decimals(values, currency)
    assert decs == [amount_of(v, places) for v in values.tolist()]
    assert all(d.as_tuple().exponent == -places for d in decs)
    assert columns.parse(texts, currency).tolist() == values.tolist()


@given(
    values=hnp.arrays(np.float64, st.integers(0, 30), elements=st.floats(-1e12, 1e12, allow_nan=False)),
    currency=currencies,
    rounding=roundings,
)
def test_from_float_matches_decimal(values, currency, rounding):
    places = PLACES[currency]
    got = columns.from_float(values, currency, rounding=rounding)
    assert got.tolist() == [expected_minor(Decimal(x), places, rounding) for x in values.tolist()]


def test_from_float_known_values():
    got = columns.from_float(np.array([0.1, 2.675, -1.005, 0.125]), "USD", rounding="half_even")
    assert got.tolist() == [10, 267, -100, 12]
    assert columns.from_float(np.arange(10.0)[::3], "USD", rounding="down").tolist() == [0, 300, 600, 900]


def test_parse_examples():
    assert columns.parse(np.array(["10.00", "25.50", "-0.01"]), "USD").tolist() == [1000, 2550, -1]
    assert columns.parse(["1.5", "-2"], "KWD").tolist() == [1500, -2000]
    obj = np.array([Decimal("1.5"), 2, "3.25"], dtype=object)
    assert columns.parse(obj, "USD").tolist() == [150, 200, 325]
    assert columns.parse(np.array(["1.005"]), "USD", rounding="half_up").tolist() == [101]
    assert columns.parse(np.array(["1.005"]), "USD", rounding="half_even").tolist() == [100]
