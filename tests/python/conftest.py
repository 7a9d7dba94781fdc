"""Shared oracles, strategies and fixtures for the recoup money-core tests.

The oracle is Python's ``decimal`` module in a local 100-digit context: every expected value is
computed there exactly and then quantized with the rounding mode of the same name. Nothing here
calls recoup to compute an expected value.

Hypothesis profiles: "default" (quick, 200 examples) and "deep" (many more examples); pick one
with ``HYPOTHESIS_PROFILE=deep``.
"""

from __future__ import annotations

import decimal
import math
import os
from decimal import Decimal
from fractions import Fraction
from typing import Sequence

import numpy as np
import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

settings.register_profile(
    "default", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "deep", max_examples=20_000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

#: recoup's rounding names and the decimal module's constants.
ROUNDING = {
    "half_even": decimal.ROUND_HALF_EVEN,
    "half_up": decimal.ROUND_HALF_UP,
    "half_down": decimal.ROUND_HALF_DOWN,
    "up": decimal.ROUND_UP,
    "down": decimal.ROUND_DOWN,
    "ceiling": decimal.ROUND_CEILING,
    "floor": decimal.ROUND_FLOOR,
}
ROUNDING_NAMES = tuple(ROUNDING)

#: ISO 4217 minor units of the currencies the property tests use, written out from the standard
#: (not read from recoup): JPY 0, USD 2, KWD 3, CLF 4.
PLACES = {"JPY": 0, "USD": 2, "KWD": 3, "CLF": 4}
CURRENCIES = tuple(PLACES)

POLICIES = ("largest_remainder", "first", "last", "largest_share")

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1

#: The oracle's context: 100 digits, wide exponents, every surprise trapped.
ORACLE = decimal.Context(
    prec=100,
    Emax=10**6,
    Emin=-(10**6),
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)


def quantize(value: Decimal, places: int, rounding: str) -> Decimal:
    """``value`` rounded to ``places`` decimal places by the decimal module (exact input)."""
    return value.quantize(
        Decimal(1).scaleb(-places, context=ORACLE), rounding=ROUNDING[rounding], context=ORACLE
    )


def to_minor(value: Decimal, places: int) -> int:
    """An exact Decimal with at most ``places`` places as an integer count of minor units."""
    scaled = value.scaleb(places, context=ORACLE)
    assert scaled == scaled.to_integral_value(context=ORACLE), value
    return int(scaled)


def expected_minor(value: Decimal, places: int, rounding: str) -> int:
    """Minor units of ``value`` rounded to ``places`` places with ``rounding``."""
    return to_minor(quantize(value, places, rounding), places)


def amount_of(minor: int, places: int) -> Decimal:
    """The exact amount of ``minor`` minor units with ``places`` places (no recoup involved)."""
    return Decimal(minor).scaleb(-places, context=ORACLE)


def fits_int64(n: int) -> bool:
    return INT64_MIN <= n <= INT64_MAX


def fits_38_digits(value: Decimal) -> bool:
    """Whether ``value`` fits recoup's decimal: at most 38 significant digits and 38 places once
    trailing fractional zeros are dropped (an exact, lossless step recoup also takes)."""
    if value.is_zero():
        return True
    _sign, digits, exp = value.as_tuple()
    coef = int("".join(map(str, digits)))
    while exp < 0 and coef % 10 == 0:
        coef //= 10
        exp += 1
    if exp < -38:
        return False
    return len(str(coef)) + max(exp, 0) <= 38


def oracle_allocate(units: int, ratios: Sequence[object], policy: str) -> list[int]:
    """The allocation recoup documents, written independently with Fractions.

    Each part is the floor of its exact share of ``|units|``; the units left over go one each to
    the parts the policy picks; a negative amount is split as its magnitude and negated.
    """
    rs = [Fraction(Decimal(str(r))) if not isinstance(r, int) else Fraction(r) for r in ratios]
    total = sum(rs)
    a = abs(units)
    shares = [a * r / total for r in rs]
    parts = [math.floor(s) for s in shares]
    left = a - sum(parts)
    positive = [i for i, r in enumerate(rs) if r > 0]
    if policy == "first":
        chosen = positive[:left]
    elif policy == "last":
        chosen = positive[::-1][:left]
    elif policy == "largest_share":
        chosen = sorted(positive, key=lambda i: (-rs[i], i))[:left]
    elif policy == "largest_remainder":
        chosen = sorted(positive, key=lambda i: (-(shares[i] - parts[i]), i))[:left]
    else:
        raise AssertionError(policy)
    for i in chosen:
        parts[i] += 1
    return [-p for p in parts] if units < 0 else parts


# --- strategies -----------------------------------------------------------------------------

roundings = st.sampled_from(ROUNDING_NAMES)
currencies = st.sampled_from(CURRENCIES)
policies = st.sampled_from(POLICIES)

#: Minor units across the whole int64 range, with small values and the edges well represented.
minor_units = st.one_of(
    st.integers(-1000, 1000),
    st.integers(-(10**12), 10**12),
    st.integers(INT64_MIN, INT64_MAX),
    st.sampled_from([INT64_MIN, INT64_MIN + 1, INT64_MAX - 1, INT64_MAX, 0, 1, -1]),
)

#: Minor units whose magnitude leaves room for products and sums in tests that must not overflow.
moderate_minor_units = st.integers(-(10**15), 10**15)


@st.composite
def decimals(
    draw: st.DrawFn, max_digits: int = 18, max_places: int = 12, allow_negative: bool = True
) -> Decimal:
    """Exact Decimals with up to ``max_digits`` digits and ``max_places`` places (ties included)."""
    places = draw(st.integers(0, max_places))
    bound = 10**max_digits - 1
    coef = draw(
        st.one_of(st.integers(-bound if allow_negative else 0, bound), st.sampled_from([0, 5, 15, 25, 50]))
    )
    if not allow_negative:
        coef = abs(coef)
    return Decimal(f"{coef}E-{places}") if places else Decimal(coef)


@st.composite
def positive_decimals(draw: st.DrawFn, max_digits: int = 12, max_places: int = 10) -> Decimal:
    d = draw(decimals(max_digits=max_digits, max_places=max_places, allow_negative=False))
    return d if d > 0 else Decimal(1)


@st.composite
def ratio_lists(draw: st.DrawFn, max_size: int = 8) -> list[object]:
    """Lists of ratios (ints or Decimals, zeros allowed) with at least one positive."""
    kind = draw(st.sampled_from(["int", "decimal", "mixed"]))
    int_ratio = st.one_of(st.integers(0, 1000), st.just(0))
    dec_ratio = decimals(max_digits=8, max_places=6, allow_negative=False)
    element = {"int": int_ratio, "decimal": dec_ratio, "mixed": st.one_of(int_ratio, dec_ratio)}[kind]
    ratios = draw(st.lists(element, min_size=1, max_size=max_size))
    if all(Decimal(r) == 0 for r in ratios):
        ratios[draw(st.integers(0, len(ratios) - 1))] = draw(
            st.one_of(st.integers(1, 50), positive_decimals())
        )
    return ratios


# --- fixtures -------------------------------------------------------------------------------


@pytest.fixture
def rng() -> np.random.Generator:
    """A seeded numpy generator (fixed seed: failures reproduce)."""
    return np.random.default_rng(20260101)


@pytest.fixture(params=CURRENCIES, ids=[f"{c}-{p}-places" for c, p in PLACES.items()])
def currency_code(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(params=ROUNDING_NAMES, ids=list(ROUNDING_NAMES))
def rounding(request: pytest.FixtureRequest) -> str:
    return str(request.param)
