"""The error model: each bad input raises its own class, the matching built-in, a stable id and a
message that names the bad value."""

from __future__ import annotations

import contextlib
import decimal
import pickle
from decimal import Decimal

import numpy as np
import pytest

import recoup
from recoup import Money, columns

ERROR_BUILTINS = [
    (recoup.InvalidInputError, ValueError),
    (recoup.CurrencyMismatchError, ValueError),
    (recoup.MoneyOverflowError, OverflowError),
    (recoup.MoneyOverflowError, ArithmeticError),
    (recoup.DivisionByZeroError, ZeroDivisionError),
    (recoup.UnknownCurrencyError, KeyError),
    (recoup.UnknownJurisdictionError, KeyError),
    (recoup.RulePackError, ValueError),
    (recoup.FloatInputError, TypeError),
    (recoup.NoConvergenceError, ArithmeticError),
]


@pytest.mark.parametrize("cls, builtin", ERROR_BUILTINS, ids=lambda c: c.__name__)
def test_hierarchy(cls, builtin):
    assert issubclass(cls, recoup.RecoupError)
    assert issubclass(cls, builtin)
    assert issubclass(recoup.RecoupError, Exception)


@contextlib.contextmanager
def raises(cls, builtin, error_id, match):
    """pytest.raises for a recoup class that also checks the built-in base, the exact class and the id."""
    with pytest.raises(cls, match=match) as info:
        yield info
    err = info.value
    assert isinstance(err, builtin) and isinstance(err, recoup.RecoupError)
    assert type(err) is cls, type(err)
    assert err.id == error_id, err.id


# --- InvalidInputError (ValueError) -------------------------------------------------------------


@pytest.mark.parametrize(
    "text, error_id, match",
    [
        ("12.34USD", "money.syntax", r"could not parse '12\.34USD' as money"),
        ("", "money.syntax", "could not parse '' as money"),
        ("1  USD", "money.syntax", "with one space"),
        ("12.34 ", "money.syntax", r"could not parse '12\.34 ' as money"),
        ("abc USD", "decimal.syntax", "could not parse 'abc' as a decimal number: unexpected character"),
        ("1,000.00 USD", "decimal.syntax", "thousands separators"),
        ("1.2.3 USD", "decimal.syntax", "more than one decimal point"),
        ("- USD", "decimal.syntax", "no digits"),
        ("1e USD", "decimal.syntax", "exponent has no digits"),
    ],
    ids=[
        "no-space",
        "empty",
        "two-spaces",
        "trailing-space",
        "letters",
        "separator",
        "two-points",
        "no-digits",
        "bad-exponent",
    ],
)
def test_malformed_text(text, error_id, match):
    with raises(recoup.InvalidInputError, ValueError, error_id, match):
        Money.parse(text)


def test_excess_precision():
    with raises(
        recoup.InvalidInputError,
        ValueError,
        "money.excess_precision",
        r"1\.001 has more decimal places than USD allows \(2\)",
    ):
        Money.parse("1.001 USD")
    with raises(recoup.InvalidInputError, ValueError, "money.excess_precision", "than JPY allows"):
        Money(Decimal("1.5"), "JPY")


@pytest.mark.parametrize("text", ["NaN", "nan", "-NaN", "sNaN", "Infinity", "-Infinity", "inf"])
def test_nan_and_infinity_text(text):
    with raises(recoup.InvalidInputError, ValueError, "decimal.syntax", "NaN and Infinity are not numbers"):
        Money(text, "USD")
    with raises(recoup.InvalidInputError, ValueError, "decimal.syntax", "NaN and Infinity"):
        Money.parse(f"{text} USD")


@pytest.mark.parametrize("value", ["NaN", "sNaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_decimals(value):
    with raises(recoup.InvalidInputError, ValueError, "decimal.nan", f"Money amount is {value}"):
        Money(Decimal(value), "USD")
    with raises(recoup.InvalidInputError, ValueError, "decimal.nan", f"factor is {value}"):
        Money("1", "USD").multiply(Decimal(value), rounding="half_even")


@pytest.mark.parametrize("value", [True, False, np.bool_(True)], ids=["True", "False", "numpy-bool"])
def test_bool_amounts(value):
    if isinstance(value, np.bool_):
        with pytest.raises(TypeError):
            Money(value, "USD")
        return
    with raises(recoup.InvalidInputError, ValueError, "python.bool_input", "must be a number, not a bool"):
        Money(value, "USD")
    with raises(
        recoup.InvalidInputError, ValueError, "python.bool_input", "ratio 0 must be a number, not a bool"
    ):
        Money("1", "USD").allocate([value, 1])
    with pytest.raises(TypeError, match="must be an int"):
        Money.from_minor(value, "USD")


# --- FloatInputError (TypeError) ------------------------------------------------------------------


@pytest.mark.parametrize(
    "value", [0.1, np.float64(0.1), 1.0, float("nan")], ids=["float", "numpy.float64", "1.0", "nan"]
)
def test_float_amounts(value):
    with raises(
        recoup.FloatInputError,
        TypeError,
        "python.float_input",
        r"Money amount must be exact: pass a str, int or decimal\.Decimal, not a float.*Money\.from_float",
    ):
        Money(value, "USD")


def test_float_everywhere_else():
    m = Money("1.00", "USD")
    with raises(recoup.FloatInputError, TypeError, "python.float_input", "the factor must be exact"):
        m.multiply(0.5, rounding="half_even")
    with raises(recoup.FloatInputError, TypeError, "python.float_input", "the divisor must be exact"):
        m.divide(np.float64(2.0), rounding="half_even")
    with raises(recoup.FloatInputError, TypeError, "python.float_input", "a Money multiplier must be exact"):
        m * 2.0
    with raises(recoup.FloatInputError, TypeError, "python.float_input", "a Money multiplier must be exact"):
        2.0 * m
    with raises(recoup.FloatInputError, TypeError, "python.float_input", "minor units must be exact"):
        Money.from_minor(100.0, "USD")
    with raises(recoup.FloatInputError, TypeError, "python.float_input", "ratio 1 must be exact"):
        m.allocate([1, 0.5])
    with raises(recoup.FloatInputError, TypeError, "python.float_input", "rate must be exact"):
        m.convert("EUR", 0.9, rounding="half_even")


# --- UnknownCurrencyError (KeyError) --------------------------------------------------------------


@pytest.mark.parametrize(
    "code, match",
    [
        ("usd", "unknown currency 'usd'"),
        ("XYZ", "unknown currency 'XYZ'"),
        ("EURO", "unknown currency 'EURO'"),
    ],
)
def test_unknown_currency(code, match):
    with raises(recoup.UnknownCurrencyError, KeyError, "currency.unknown", match):
        Money("1", code)
    with raises(recoup.UnknownCurrencyError, KeyError, "currency.unknown", match):
        Money.parse(f"1 {code}")
    with raises(recoup.UnknownCurrencyError, KeyError, "currency.unknown", match):
        Money("1", "USD").convert(code, "1", rounding="half_even")


def test_key_error_message_is_not_quoted():
    try:
        Money("1", "usd")
    except KeyError as e:
        assert str(e).startswith("unknown currency 'usd'")
    else:
        pytest.fail("no KeyError")


# --- CurrencyMismatchError (ValueError) -----------------------------------------------------------


@pytest.mark.parametrize(
    "op, verb",
    [
        (lambda a, b: a + b, "add"),
        (lambda a, b: a - b, "subtract"),
        (lambda a, b: a < b, "compare"),
        (lambda a, b: a <= b, "compare"),
        (lambda a, b: a > b, "compare"),
        (lambda a, b: a >= b, "compare"),
        (lambda a, b: a.round_to(b, rounding="half_even"), "round"),
    ],
    ids=["+", "-", "<", "<=", ">", ">=", "round_to"],
)
def test_currency_mismatch(op, verb):
    with raises(
        recoup.CurrencyMismatchError,
        ValueError,
        "money.currency_mismatch",
        f"cannot {verb} 1.00 USD and 1.00 EUR: different currencies",
    ):
        op(Money("1", "USD"), Money("1", "EUR"))


# --- MoneyOverflowError (OverflowError, ArithmeticError) -------------------------------------------


def test_overflow():
    top = Money.from_minor(2**63 - 1, "USD")
    one = Money.from_minor(1, "USD")
    with raises(
        recoup.MoneyOverflowError,
        OverflowError,
        "money.overflow",
        r"92233720368547758\.07 USD \+ 0\.01 USD is beyond the range of 64-bit minor units",
    ):
        top + one
    with raises(recoup.MoneyOverflowError, ArithmeticError, "money.overflow", r"- 0\.01 USD is beyond"):
        Money.from_minor(-(2**63), "USD") - one
    with raises(
        recoup.MoneyOverflowError, OverflowError, "money.overflow", r"^-\(-92233720368547758\.08 USD\)"
    ):
        -Money.from_minor(-(2**63), "USD")
    with raises(
        recoup.MoneyOverflowError,
        OverflowError,
        "money.overflow",
        "^1180591620717411303424 minor units is beyond the range of 64-bit minor units",
    ):
        Money.from_minor(2**70, "USD")
    with raises(recoup.MoneyOverflowError, OverflowError, "money.overflow", r"\* 2 is beyond"):
        top * 2
    with raises(
        recoup.MoneyOverflowError, OverflowError, "money.overflow", r"\* 18446744073709551616 is beyond"
    ):
        one * 2**64
    with raises(
        recoup.MoneyOverflowError, OverflowError, "money.overflow", r"92233720368547758\.08 USD is beyond"
    ):
        Money("92233720368547758.08", "USD")
    with raises(recoup.MoneyOverflowError, OverflowError, "money.overflow", "is beyond"):
        top.multiply("1.5", rounding="half_even")
    with raises(recoup.MoneyOverflowError, OverflowError, "allocation.overflow", "most negative"):
        Money.from_minor(-(2**63), "USD").allocate(2)
    with raises(recoup.MoneyOverflowError, OverflowError, "decimal.too_many_digits", "more than 38"):
        Money("1" * 39, "USD")


# --- DivisionByZeroError (ZeroDivisionError) -------------------------------------------------------


@pytest.mark.parametrize(
    "zero", [0, "0", Decimal("0.00"), "-0"], ids=["int", "str", "Decimal", "negative-zero"]
)
def test_division_by_zero(zero):
    with raises(
        recoup.DivisionByZeroError,
        ZeroDivisionError,
        "money.division_by_zero",
        r"cannot divide 1\.00 USD by zero",
    ):
        Money("1", "USD").divide(zero, rounding="half_even")


@pytest.mark.parametrize("ratios", [[0], [0, 0], ["0.00", Decimal(0)]], ids=["one", "two", "decimal"])
def test_all_zero_ratios(ratios):
    with raises(
        recoup.DivisionByZeroError, ZeroDivisionError, "allocation.zero_ratios", "every ratio is zero"
    ):
        Money("1", "USD").allocate(ratios)


# --- rounding names ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["bankers", "HALF_EVEN", "half-even", "", "ROUND_05UP"])
def test_unknown_rounding(name):
    match = "ROUND_05UP is not supported" if name == "ROUND_05UP" else f"unknown rounding mode '{name}'"
    with raises(recoup.InvalidInputError, ValueError, "rounding.unknown_mode", match):
        Money("1", "USD").multiply("0.5", rounding=name)
    with raises(recoup.InvalidInputError, ValueError, "rounding.unknown_mode", match):
        recoup.quantize("1.5", scale=0, rounding=name)


def test_decimal_05up_constant_is_refused():
    with raises(recoup.InvalidInputError, ValueError, "rounding.unknown_mode", "ROUND_05UP is not supported"):
        Money("1", "USD").divide(3, rounding=decimal.ROUND_05UP)


def test_omitted_rounding():
    m = Money("1", "USD")
    for call in (
        lambda: m.multiply("0.5"),
        lambda: m.divide(3),
        lambda: m.round_to("0.05"),
        lambda: Money.rounded("1.005", "USD"),
        lambda: Money.from_float(1.5, "USD"),
        lambda: recoup.divide(1, 3, scale=2),
        lambda: columns.multiply(np.array([1]), "0.5"),
    ):
        with pytest.raises(TypeError):
            call()
    with raises(
        recoup.InvalidInputError,
        ValueError,
        "rounding.missing",
        "this operation loses precision: name a rounding mode",
    ):
        m.multiply("0.5", rounding=None)
    with raises(recoup.InvalidInputError, ValueError, "rounding.missing", "name a rounding mode"):
        Money.rounded("1.005", "USD", rounding=None)
    with pytest.raises(TypeError, match="rounding must be a mode name"):
        m.multiply("0.5", rounding=1)


# --- allocation inputs ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "parts, match",
    [
        (0, "cannot allocate into 0 parts"),
        (-2, "cannot allocate into -2 parts"),
        ([], "empty list of ratios"),
    ],
    ids=["zero", "negative", "empty"],
)
def test_no_parts(parts, match):
    with raises(recoup.InvalidInputError, ValueError, "allocation.no_parts", match):
        Money("1", "USD").allocate(parts)


def test_negative_ratio():
    with raises(
        recoup.InvalidInputError, ValueError, "allocation.negative_ratio", r"ratio 1 is negative \(-1\)"
    ):
        Money("1", "USD").allocate([1, -1, 3])
    with raises(
        recoup.InvalidInputError, ValueError, "allocation.negative_ratio", r"ratio 0 is negative \(-0.5\)"
    ):
        columns.allocate(np.array([1]), [Decimal("-0.5"), 1])


def test_unknown_remainder_policy():
    with raises(
        recoup.InvalidInputError, ValueError, "allocation.unknown_policy", "unknown remainder policy 'bogus'"
    ):
        Money("1", "USD").allocate(3, remainder="bogus")


def test_allocate_type_errors():
    with pytest.raises(TypeError, match="number of parts"):
        Money("1", "USD").allocate("3")
    with pytest.raises(TypeError, match="number of parts"):
        Money("1", "USD").allocate(True)


def test_other_value_errors():
    with raises(recoup.InvalidInputError, ValueError, "money.increment", "must be positive"):
        Money("1", "USD").round_to("0", rounding="half_even")
    with raises(recoup.InvalidInputError, ValueError, "money.rate", "exchange rate -1 must be positive"):
        Money("1", "USD").convert("EUR", "-1", rounding="half_even")
    with raises(
        recoup.InvalidInputError, ValueError, "allocation.not_multiple_of_step", "not a multiple of the step"
    ):
        Money("1.01", "CHF").allocate(3, step="0.05")


def test_errors_pickle_with_their_id():
    try:
        Money.parse("1.001 USD")
    except recoup.InvalidInputError as e:
        clone = pickle.loads(pickle.dumps(e))
        assert type(clone) is recoup.InvalidInputError
        assert clone.id == "money.excess_precision" and str(clone) == str(e)


# --- columns ------------------------------------------------------------------------------------------


def test_float_column_refused():
    floats = np.array([1.5, 2.25])
    for call in (
        lambda: columns.parse(floats, "USD"),
        lambda: columns.sum(floats, "USD"),
        lambda: columns.allocate(floats, 2),
        lambda: columns.round(floats, "USD", "0.05", rounding="up"),
        lambda: columns.multiply(floats, "2", rounding="up"),
        lambda: columns.format(floats, "USD"),
    ):
        with raises(recoup.FloatInputError, TypeError, "python.float_input", "from_float"):
            call()
    with raises(recoup.FloatInputError, TypeError, "python.float_input", "the factor must be exact"):
        columns.multiply(np.array([1]), 0.5, rounding="up")
    with raises(recoup.FloatInputError, TypeError, "python.float_input", r"^row 1: the amount must be exact"):
        columns.parse(np.array([Decimal("1"), 1.5], dtype=object), "USD")


def test_from_float_names_the_nan_row():
    with raises(recoup.InvalidInputError, ValueError, "decimal.nan", r"^row 2: cannot convert NaN"):
        columns.from_float(np.array([0.1, 2.5, np.nan]), "USD", rounding="half_even")
    with raises(
        recoup.InvalidInputError, ValueError, "decimal.infinite", r"^row 0: cannot convert an infinite"
    ):
        columns.from_float(np.array([-np.inf]), "USD", rounding="half_even")


def test_collect_returns_a_batch_result():
    res = columns.parse(np.array(["1", "x", "1.001", "NaN", "2"]), "USD", errors="collect")
    assert isinstance(res, columns.BatchResult)
    assert res.values.tolist() == [100, 0, 0, 0, 200]
    assert res.error_rows.tolist() == [1, 2, 3]
    assert res.error_ids == ["decimal.syntax", "money.excess_precision", "decimal.syntax"]
    assert "could not parse 'x'" in res.error_messages[0]
    assert "1.001 has more decimal places than USD" in res.error_messages[1]
    assert "NaN and Infinity" in res.error_messages[2]
    assert res.ok.tolist() == [True, False, False, False, True]

    res = columns.from_float(
        np.array([0.1, np.inf, np.nan, 3.0]), "USD", rounding="half_even", errors="collect"
    )
    assert res.values.tolist() == [10, 0, 0, 300]
    assert res.error_rows.tolist() == [1, 2] and res.error_ids == ["decimal.infinite", "decimal.nan"]

    res = columns.parse(
        np.array([Decimal("1"), Decimal("NaN"), None, 1.5], dtype=object), "USD", errors="collect"
    )
    assert res.values.tolist() == [100, 0, 0, 0]
    assert res.error_ids == ["decimal.nan", "columns.missing", "python.float_input"]

    res = columns.multiply(np.array([2**62, 5]), "3", rounding="half_up", errors="collect")
    assert res.values.tolist() == [0, 15] and res.error_ids == ["money.overflow"]


def test_raise_mode_names_the_row():
    with raises(
        recoup.InvalidInputError, ValueError, "money.excess_precision", r"^row 1: 1\.005 has more decimal"
    ):
        columns.parse(np.array(["1.5", "1.005"]), "USD")
    with raises(
        recoup.MoneyOverflowError,
        OverflowError,
        "money.overflow",
        r"^row 1: 4611686018427387904 minor units \* 3",
    ):
        columns.multiply(np.array([5, 2**62]), "3", rounding="half_up")
    with raises(
        recoup.InvalidInputError, ValueError, "decimal.syntax", "^row 1: the amount contains a non-ASCII"
    ):
        columns.parse(np.array(["1", "\u0661"]), "USD")


def test_column_argument_errors():
    with raises(
        recoup.InvalidInputError, ValueError, "columns.errors_mode", "errors must be 'raise' or 'collect'"
    ):
        columns.parse(np.array(["1"]), "USD", errors="ignore")
    with raises(recoup.InvalidInputError, ValueError, "columns.shape", "one-dimensional"):
        columns.parse(np.array([["1"]]), "USD")
    with raises(recoup.InvalidInputError, ValueError, "columns.shape", "one-dimensional"):
        columns.sum(np.array([[1]]), "USD")
    with pytest.raises(TypeError, match="integers are minor units already"):
        columns.parse(np.array([1, 2]), "USD")
    with pytest.raises(TypeError, match="not dtype bool"):
        columns.sum(np.array([True]), "USD")
    with raises(recoup.UnknownCurrencyError, KeyError, "currency.unknown", "unknown currency 'usd'"):
        columns.parse(np.array(["1"]), "usd")
