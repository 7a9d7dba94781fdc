"""Currency: the ISO 4217 table recoup ships, lookups, and amounts in 0-, 2-, 3- and 4-place currencies."""

from __future__ import annotations

import pickle

import iso4217
import pytest
from conftest import PLACES

import recoup
from recoup import Currency, Money

ISO_ROWS = sorted(
    (
        (code, row) for code, row in iso4217.raw_table.items() if code is not None
    ),  # None: "No universal currency"
    key=lambda item: item[0],
)


def iso_minor_units(row: dict) -> int:
    return -1 if row["CcyMnrUnts"] == "N.A." else int(row["CcyMnrUnts"])


def test_the_iso_table_matches_the_iso4217_package():
    assert len(ISO_ROWS) > 150
    mismatches = []
    for code, row in ISO_ROWS:
        c = Currency(code)
        got = (c.code, c.numeric, c.minor_units)
        want = (row["Ccy"], int(row["CcyNbr"]), iso_minor_units(row))
        if got != want:
            mismatches.append((code, got, want))
    assert mismatches == []


def test_recoup_knows_no_iso_code_the_package_lacks():
    iso_codes = {code for code, _ in ISO_ROWS}
    builtin = {c.code for c in recoup.currencies() if not c.user_defined}
    assert builtin == iso_codes


def test_numeric_lookup_matches_the_iso4217_package():
    for code, row in ISO_ROWS:
        assert Currency.of_numeric(int(row["CcyNbr"])).code == code


@pytest.mark.parametrize(
    "code, numeric, places",
    [("USD", 840, 2), ("JPY", 392, 0), ("KWD", 414, 3), ("CLF", 990, 4), ("EUR", 978, 2), ("XAU", 959, -1)],
)
def test_well_known_currencies(code, numeric, places):
    c = Currency(code)
    assert (c.code, c.numeric, c.minor_units) == (code, numeric, places)
    assert str(c) == code and repr(c) == f"Currency('{code}')"
    assert Currency.of_numeric(numeric) == c
    assert hash(Currency(code)) == hash(c)
    assert pickle.loads(pickle.dumps(c)) == c


def test_currency_metadata():
    assert Currency("USD").name == "US Dollar"
    assert Currency("CLF").fund is True and Currency("USD").fund is False
    assert Currency("USD").user_defined is False
    assert "JAPAN" in {e.upper() for e in Currency("JPY").entities}
    assert Currency("USD") != Currency("EUR")
    assert (Currency("USD") == "USD") is False


@pytest.mark.parametrize("currency_code_and_places", list(PLACES.items()), ids=list(PLACES))
def test_places_follow_the_currency(currency_code_and_places):
    code, places = currency_code_and_places
    assert Currency(code).minor_units == places
    m = Money.from_minor(-123456789, code)
    digits = "123456789"
    expected = "-" + (digits[:-places] + "." + digits[-places:] if places else digits)
    assert str(m) == f"{expected} {code}"
    one_minor = "1" if places == 0 else "0." + "0" * (places - 1) + "1"
    assert Money(one_minor, code).minor_units == 1
    excess = "0." + "0" * places + "1"
    with pytest.raises(recoup.InvalidInputError, match=f"more decimal places than {code} allows") as e:
        Money(excess, code)
    assert e.value.id == "money.excess_precision"


def test_money_takes_a_currency_object():
    assert Money("1.5", Currency("KWD")) == Money("1.500", "KWD")
    assert Money.from_minor(5, Currency("JPY")).currency == "JPY"


@pytest.mark.parametrize("code", ["usd", "Usd", "US", "USDX", "", "ABC", "12 "])
def test_unknown_codes(code):
    with pytest.raises(recoup.UnknownCurrencyError, match="unknown currency") as e:
        Currency(code)
    assert e.value.id == "currency.unknown"
    assert isinstance(e.value, KeyError)


def test_unknown_numeric():
    with pytest.raises(recoup.UnknownCurrencyError, match=r"numeric currency code 1$") as e:
        Currency.of_numeric(1)
    assert e.value.id == "currency.unknown_numeric"


def test_no_money_in_currencies_without_a_minor_unit():
    with pytest.raises(recoup.InvalidInputError, match=r"XAU has no minor unit") as e:
        Money("1", "XAU")
    assert e.value.id == "money.no_minor_unit"
    with pytest.raises(recoup.InvalidInputError, match=r"XDR has no minor unit"):
        Money.from_minor(1, "XDR")


def test_register_currency():
    c = recoup.register_currency("QQP", 4, "Test points")
    assert (c.code, c.minor_units, c.user_defined) == ("QQP", 4, True)
    assert recoup.register_currency("QQP", 4, "Test points") == c  # the same definition again is fine
    assert str(Money("1.2345", "QQP")) == "1.2345 QQP"
    assert "QQP" in {x.code for x in recoup.currencies()}
    with pytest.raises(recoup.InvalidInputError, match="already registered") as e:
        recoup.register_currency("QQP", 2)
    assert e.value.id == "currency.redefined"
    with pytest.raises(recoup.InvalidInputError, match="ISO 4217 currency") as e:
        recoup.register_currency("USD", 2)
    assert e.value.id == "currency.redefined"
    with pytest.raises(recoup.InvalidInputError, match="three upper-case letters") as e:
        recoup.register_currency("qqx", 2)
    assert e.value.id == "currency.invalid_code"


def test_iso_publication_metadata():
    assert recoup.ISO4217_PUBLISHED == "2026-01-01"
    assert "4217" in recoup.ISO4217_CITATION
