"""Deep property runs: well over a million random cases against Python's decimal module.

Excluded from the default run (pyproject addopts has -m 'not deep'); run with
``make test-deep`` or ``pytest -m deep``. The batch kernels take whole numpy columns; the oracle
loops over the rows in Python decimal. The random generators are seeded, so failures reproduce.
"""

from __future__ import annotations

import decimal
from decimal import Decimal

import numpy as np
import pytest
from conftest import (
    INT64_MAX,
    INT64_MIN,
    ORACLE,
    PLACES,
    POLICIES,
    ROUNDING,
    ROUNDING_NAMES,
    fits_int64,
    oracle_allocate,
    policies,
    ratio_lists,
)
from hypothesis import given, settings
from hypothesis import strategies as st

import recoup
from recoup import Money, columns

pytestmark = pytest.mark.deep

#: rows checked by each test; together well over a million
CASES = {
    "multiply": 7 * 4 * 40_000,
    "from_float": 7 * 4 * 40_000,
    "parse": 7 * 4 * 20_000,
    "round": 7 * 3 * 20_000,
    "allocate": 4 * 250_000,
    "scalar": 7 * 2 * 30_000,
    "hypothesis": 5_000,
}
assert sum(CASES.values()) >= 1_000_000

ONE = Decimal(1)


def random_minor(rng: np.random.Generator, n: int, limit: int = INT64_MAX) -> np.ndarray:
    """int64 minor units of mixed magnitudes: a third small, a third mid, a third up to ``limit``."""
    small = rng.integers(-100_000, 100_000, n)
    digits = rng.integers(1, 19, n)
    mid = rng.integers(-(10**18), 10**18, n) // (10 ** (18 - digits))
    wide = rng.integers(-limit, limit, n, endpoint=True)
    which = rng.integers(0, 3, n)
    return np.where(which == 0, small, np.where(which == 1, mid, wide)).astype(np.int64)


def assert_same(got: list, want: list, inputs: list, what: str) -> None:
    if got != want:
        bad = [(inputs[i], got[i], want[i]) for i in range(len(want)) if got[i] != want[i]][:5]
        pytest.fail(
            f"{what}: {sum(g != w for g, w in zip(got, want))} rows differ, e.g. (input, got, want) {bad}"
        )


@pytest.mark.parametrize("rounding", ROUNDING_NAMES)
def test_columns_multiply(rounding, rng):
    mode = ROUNDING[rounding]
    n = CASES["multiply"] // 28
    for _ in range(4):
        scale = int(rng.integers(0, 12))
        factor = Decimal(int(rng.integers(-(10**9), 10**9))).scaleb(-scale, context=ORACLE)
        minor = random_minor(rng, n)
        res = columns.multiply(minor, factor, rounding=rounding, errors="collect")
        exact = [
            int(ORACLE.multiply(Decimal(v), factor).quantize(ONE, rounding=mode, context=ORACLE))
            for v in minor.tolist()
        ]
        want = [q if fits_int64(q) else 0 for q in exact]
        assert_same(res.values.tolist(), want, minor.tolist(), f"multiply by {factor} {rounding}")
        overflowed = [i for i, q in enumerate(exact) if not fits_int64(q)]
        assert res.error_rows.tolist() == overflowed


@pytest.mark.parametrize("rounding", ROUNDING_NAMES)
def test_columns_from_float(rounding, rng):
    mode = ROUNDING[rounding]
    n = CASES["from_float"] // 28
    for currency, places in PLACES.items():
        unit = Decimal(1).scaleb(-places)
        # half are "decimal-looking" values near ties (k/2 of a minor unit), half are spread widely
        ties = rng.integers(-(10**12), 10**12, n // 2) / (2 * 10**places)
        wide = rng.standard_normal(n - n // 2) * 10.0 ** rng.integers(-3, 12, n - n // 2)
        values = np.concatenate([ties, wide])
        got = columns.from_float(values, currency, rounding=rounding).tolist()
        want = [
            int(Decimal(x).quantize(unit, rounding=mode, context=ORACLE).scaleb(places, context=ORACLE))
            for x in values.tolist()
        ]
        assert_same(got, want, values.tolist(), f"from_float {currency} {rounding}")


@pytest.mark.parametrize("rounding", ROUNDING_NAMES)
def test_columns_parse(rounding, rng):
    mode = ROUNDING[rounding]
    n = CASES["parse"] // 28
    for currency, places in PLACES.items():
        unit = Decimal(1).scaleb(-places)
        coef = rng.integers(-(10**13), 10**13, n)
        scale = rng.integers(0, 8, n)
        texts = [
            str(Decimal(int(c)).scaleb(-int(s), context=ORACLE))
            for c, s in zip(coef.tolist(), scale.tolist())
        ]
        arr = np.array(texts)
        got = columns.parse(arr, currency, rounding=rounding).tolist()
        want = [
            int(Decimal(t).quantize(unit, rounding=mode, context=ORACLE).scaleb(places, context=ORACLE))
            for t in texts
        ]
        assert_same(got, want, texts, f"parse {currency} {rounding}")
        # without a rounding: exact rows parse to the same units, the others are refused
        res = columns.parse(arr, currency, errors="collect")
        exact = [Decimal(t).scaleb(places, context=ORACLE) == Decimal(w) for t, w in zip(texts, want)]
        assert res.error_rows.tolist() == [i for i, e in enumerate(exact) if not e]
        assert set(res.error_ids) <= {"money.excess_precision"}
        assert_same(
            res.values.tolist(),
            [w if e else 0 for w, e in zip(want, exact)],
            texts,
            f"exact parse {currency}",
        )
        # format is the inverse of parse
        assert_same(
            columns.format(np.array(want, dtype=np.int64), currency).tolist(),
            [f"{Decimal(w).scaleb(-places, context=ORACLE):f}" for w in want],
            want,
            f"format {currency}",
        )


@pytest.mark.parametrize("rounding", ROUNDING_NAMES)
def test_columns_round(rounding, rng):
    mode = ROUNDING[rounding]
    n = CASES["round"] // 21
    for inc in (5, 10, int(rng.integers(1, 10**6))):
        minor = random_minor(rng, n)
        res = columns.round(minor, "USD", Money.from_minor(inc, "USD"), rounding=rounding, errors="collect")
        want = []
        for v in minor.tolist():
            r = (
                int(ORACLE.divide(Decimal(v), Decimal(inc)).quantize(ONE, rounding=mode, context=ORACLE))
                * inc
            )
            want.append(r if fits_int64(r) else 0)
        assert_same(res.values.tolist(), want, minor.tolist(), f"round to {inc} {rounding}")


@pytest.mark.parametrize("policy", POLICIES)
def test_columns_allocate(policy, rng):
    """Equal parts, vectorised: conservation, each part within one unit, and the exact layout."""
    n_rows = CASES["allocate"] // 4
    for parts in (2, 3, 7, 12):
        amounts = random_minor(rng, n_rows // 4, limit=10**17)
        amounts[amounts == INT64_MIN] = 0
        out = columns.allocate(amounts, parts, remainder=policy)
        assert out.shape == (len(amounts), parts)
        assert (out.sum(axis=1) == amounts).all()
        # |part - a/n| < 1  <=>  |part*n - a| < n   (no overflow: |a| <= 1e17, n <= 12)
        assert (np.abs(out * parts - amounts[:, None]) < parts).all()
        # the layout: the |a| mod n leftover units go to the first (or last) parts, sign restored
        mag = np.abs(amounts)
        q, r = mag // parts, mag % parts
        idx = np.arange(parts)[None, :]
        extra = (idx >= parts - r[:, None]) if policy == "last" else (idx < r[:, None])
        expected = (q[:, None] + extra) * np.sign(amounts)[:, None]
        assert (out == expected).all()


def test_scalar_divide_and_convert(rng):
    n = CASES["scalar"] // 14
    for rounding in ROUNDING_NAMES:
        mode = ROUNDING[rounding]
        minor = random_minor(rng, n, limit=10**15).tolist()
        divisors = rng.integers(1, 10**6, n).tolist()
        scales = rng.integers(0, 6, n).tolist()
        for v, d, s in zip(minor, divisors, scales):
            divisor = Decimal(d).scaleb(-s, context=ORACLE)
            m = Money.from_minor(v, "USD")
            want = int(ORACLE.divide(Decimal(v), divisor).quantize(ONE, rounding=mode, context=ORACLE))
            if fits_int64(want):
                got = m.divide(divisor, rounding=rounding).minor_units
                if got != want:
                    pytest.fail(f"{v} minor / {divisor} {rounding}: got {got}, want {want}")
            else:
                with pytest.raises(recoup.MoneyOverflowError):
                    m.divide(divisor, rounding=rounding)
            # USD -> KWD at the same figure as a rate: one more place in the target
            want = int(ORACLE.multiply(Decimal(v) * 10, divisor).quantize(ONE, rounding=mode, context=ORACLE))
            if fits_int64(want):
                got = m.convert("KWD", divisor, rounding=rounding)
                if got.minor_units != want or got.currency != "KWD":
                    pytest.fail(f"{v} USD minor at {divisor} KWD {rounding}: got {got}, want {want}")
            else:
                with pytest.raises(recoup.MoneyOverflowError):
                    m.convert("KWD", divisor, rounding=rounding)


@settings(max_examples=CASES["hypothesis"], deadline=None)
@given(units=st.integers(-(10**15), 10**15), ratios=ratio_lists(max_size=10), policy=policies)
def test_ratio_allocation_against_the_oracle(units, ratios, policy):
    parts = [p.minor_units for p in Money.from_minor(units, "EUR").allocate(ratios, remainder=policy)]
    assert parts == oracle_allocate(units, ratios, policy)
    assert columns.allocate(np.array([units]), ratios, remainder=policy).tolist() == [parts]


def test_decimal_context_is_independent():
    with decimal.localcontext() as ctx:
        ctx.prec = 2
        assert recoup.divide(1, 7, scale=20, rounding="half_even") == Decimal("0.14285714285714285714")
