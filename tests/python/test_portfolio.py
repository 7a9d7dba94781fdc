"""recoup.portfolio: days past due, aging buckets, roll rates, liquidation curves and rates.

Worked scenarios are written out by hand (a 10-account portfolio with known buckets and a hand
roll-rate matrix); aging is checked against a pandas oracle (pd.cut + groupby) on random data;
invariants (counts sum to n, balances to the total, roll rows to the accounts at t0) by
hypothesis. Nothing here calls recoup to compute an expected value.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import recoup
from recoup import portfolio
from recoup.columns import BatchResult

LABELS = ("current", "1-30", "31-60", "61-90", "91-120", "120+")

# The 10-account portfolio: ids 1..10 at t0, DPD and balance (cents) by hand.
IDS0 = np.arange(1, 11)
DPD0 = np.array([0, 0, 5, 30, 31, 60, 61, 90, 91, 150])
BUCKET0 = np.array([0, 0, 1, 1, 2, 2, 3, 3, 4, 5])
BAL0 = np.array([100, 200, 300, 400, 500, 600, 700, 800, 900, 1000])
# t1: account 10 is closed, 11 is new; listed in another order.
IDS1 = np.array([9, 8, 7, 6, 5, 4, 3, 2, 1, 11])
DPD1 = np.array([125, 100, 95, 70, 45, 35, 0, 3, 0, 0])
BUCKET1 = np.array([5, 4, 4, 3, 2, 2, 0, 1, 0, 0])
BAL1 = np.array([950, 820, 710, 610, 505, 410, 0, 210, 90, 5000])


def pandas_aging(dpd: np.ndarray, amounts: np.ndarray, edges: tuple[int, ...]) -> tuple[list[int], list[int]]:
    """The oracle: pd.cut into (-inf, e0], (e0, e1], ..., (e_last, inf) and a groupby sum."""
    bins = [-np.inf, *edges, np.inf]
    cut = pd.cut(pd.Series(dpd), bins=bins, right=True, labels=False)
    frame = pd.DataFrame({"b": cut, "a": amounts})
    g = frame.groupby("b")["a"]
    k = len(edges) + 1
    counts = g.size().reindex(range(k), fill_value=0)
    sums = g.apply(lambda s: sum(int(v) for v in s)).reindex(range(k), fill_value=0)
    return [int(c) for c in counts], [int(s) for s in sums]


# --- worked scenarios -----------------------------------------------------------------------


class TestAgingByHand:
    def test_ten_accounts(self) -> None:
        aged = portfolio.aging_buckets(DPD0, amounts=BAL0)
        assert aged.labels == LABELS
        assert aged.edges == (0, 30, 60, 90, 120)
        assert aged.counts.tolist() == [2, 2, 2, 2, 1, 1]
        assert aged.balances is not None
        assert aged.balances.tolist() == [300, 700, 1100, 1500, 900, 1000]
        assert portfolio.bucket_of(DPD0).tolist() == BUCKET0.tolist()

    def test_without_amounts_balances_are_none(self) -> None:
        aged = portfolio.aging_buckets(DPD0)
        assert aged.balances is None
        assert aged.counts.sum() == 10

    def test_custom_edges_and_labels(self) -> None:
        aged = portfolio.aging_buckets(DPD0, edges=(7, 45), amounts=BAL0)
        assert aged.labels == ("0-7", "8-45", "45+")
        assert aged.counts.tolist() == [3, 2, 5]  # 0 0 5 | 30 31 | 60 61 90 91 150
        assert portfolio.bucket_labels((0, 90)) == ("current", "1-90", "90+")

    def test_to_frame(self) -> None:
        frame = portfolio.aging_buckets(DPD0, amounts=BAL0).to_frame()
        assert list(frame.index) == list(LABELS)
        assert frame.loc["61-90", "accounts"] == 2
        assert frame.loc["61-90", "balance"] == 1500

    def test_pandas_series_in(self) -> None:
        aged = portfolio.aging_buckets(pd.Series(DPD0, dtype="int32"), amounts=pd.Series(BAL0))
        assert aged.counts.tolist() == [2, 2, 2, 2, 1, 1]


class TestDaysPastDue:
    def test_dates_and_nat(self) -> None:
        due = np.array(["2024-03-31", "2024-03-30", "2024-01-31", "2024-04-15", "NaT"], dtype="datetime64[D]")
        out = portfolio.days_past_due(due, datetime.date(2024, 3, 31))
        assert out.dtype == np.int64
        assert out.tolist() == [0, 1, 60, 0, 0]  # due today is current; 2024 is a leap year

    def test_as_of_forms_agree(self) -> None:
        due = np.array(["2024-03-01", "NaT"], dtype="datetime64[D]")
        expected = [30, 0]
        for as_of in ("2024-03-31", np.datetime64("2024-03-31"), datetime.date(2024, 3, 31), 19813):
            assert portfolio.days_past_due(due, as_of).tolist() == expected, as_of
        assert portfolio.days_past_due(due.view(np.int64), 19813).tolist() == expected

    def test_as_of_per_row(self) -> None:
        due = np.array(["2024-03-01", "2024-03-01"], dtype="datetime64[D]")
        as_of = np.array(["2024-03-02", "2024-02-01"], dtype="datetime64[D]")
        assert portfolio.days_past_due(due, as_of).tolist() == [1, 0]

    def test_pandas_datetime_series_and_objects(self) -> None:
        s = pd.Series(pd.to_datetime(["2024-03-01", None]))
        assert portfolio.days_past_due(s, "2024-03-31").tolist() == [30, 0]
        objs = [datetime.date(2024, 3, 1), None]
        assert portfolio.days_past_due(objs, "2024-03-31").tolist() == [30, 0]

    def test_time_of_day_refused(self) -> None:
        with pytest.raises(recoup.InvalidInputError, match="row 0") as e:
            portfolio.days_past_due(np.array(["2024-03-01T12:00"], dtype="datetime64[m]"), "2024-03-31")
        assert e.value.id == "date.has_time"
        with pytest.raises(recoup.InvalidInputError):
            portfolio.days_past_due([datetime.datetime(2024, 3, 1, 9)], "2024-03-31")
        with pytest.raises(recoup.InvalidInputError):
            portfolio.days_past_due([datetime.date(2024, 3, 1)], datetime.datetime(2024, 3, 31, 9))

    def test_nat_as_of_and_length_mismatch(self) -> None:
        due = np.array(["2024-03-01"], dtype="datetime64[D]")
        with pytest.raises(recoup.InvalidInputError) as e:
            portfolio.days_past_due(due, np.datetime64("NaT"))
        assert e.value.id == "portfolio.as_of_missing"
        with pytest.raises(recoup.InvalidInputError, match="expected 1 or 3") as e2:
            portfolio.days_past_due(np.zeros(3, dtype=np.int64), np.zeros(2, dtype=np.int64))
        assert e2.value.id == "columns.length"

    def test_bad_rows_raise_or_collect(self) -> None:
        due = np.array([19700, 10**9, 19800])
        with pytest.raises(recoup.InvalidInputError, match="row 1: oldest_unpaid_due") as e:
            portfolio.days_past_due(due, 19813)
        assert e.value.id == "portfolio.date_range"
        res = portfolio.days_past_due(due, 19813, errors="collect")
        assert isinstance(res, BatchResult)
        assert res.values.tolist() == [113, 0, 13]
        assert res.error_rows.tolist() == [1]
        assert res.error_ids == ["portfolio.date_range"]
        assert res.ok.tolist() == [True, False, True]

    def test_float_dates_refused(self) -> None:
        with pytest.raises(recoup.FloatInputError):
            portfolio.days_past_due(np.array([19700.0]), 19813)


class TestAgingErrors:
    @pytest.mark.parametrize(
        ("edges", "fragment"),
        [
            ((0, 30, 30), "strictly increasing"),
            ((30, 0), "strictly increasing"),
            ((-1, 30), "negative"),
            ((), "not 0"),
        ],
        ids=["repeated", "decreasing", "negative", "empty"],
    )
    def test_bad_edges(self, edges: tuple[int, ...], fragment: str) -> None:
        with pytest.raises(recoup.InvalidInputError, match=fragment) as e:
            portfolio.aging_buckets(DPD0, edges=edges)
        assert e.value.id == "portfolio.edges"

    def test_float_and_bool_edges(self) -> None:
        with pytest.raises(recoup.FloatInputError):
            portfolio.aging_buckets(DPD0, edges=(0, 30.0))  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            portfolio.bucket_of(DPD0, edges=(True, 30))

    def test_negative_days(self) -> None:
        dpd = np.array([10, -3, 40, -1])
        with pytest.raises(recoup.InvalidInputError, match="row 1: days past due -3") as e:
            portfolio.aging_buckets(dpd)
        assert e.value.id == "portfolio.negative_days"
        aged = portfolio.aging_buckets(dpd, amounts=np.array([1, 2, 3, 4]), errors="collect")
        assert aged.counts.tolist() == [0, 1, 1, 0, 0, 0]
        assert aged.balances is not None and aged.balances.tolist() == [0, 1, 3, 0, 0, 0]
        assert aged.error_rows.tolist() == [1, 3]
        assert aged.error_ids == ("portfolio.negative_days",) * 2
        res = portfolio.bucket_of(dpd, errors="collect")
        assert res.values.tolist() == [1, -1, 2, -1]

    def test_length_mismatch(self) -> None:
        with pytest.raises(recoup.InvalidInputError) as e:
            portfolio.aging_buckets(DPD0, amounts=BAL0[:3])
        assert e.value.id == "columns.length"

    def test_float_columns_refused(self) -> None:
        with pytest.raises(recoup.FloatInputError):
            portfolio.aging_buckets(DPD0.astype(float))
        with pytest.raises(recoup.FloatInputError):
            portfolio.aging_buckets(DPD0, amounts=BAL0.astype(float))
        with pytest.raises(recoup.FloatInputError):
            portfolio.bucket_of(np.array([1.5]))

    def test_errors_mode(self) -> None:
        with pytest.raises(recoup.InvalidInputError) as e:
            portfolio.aging_buckets(DPD0, errors="ignore")
        assert e.value.id == "columns.errors_mode"

    def test_balance_overflow(self) -> None:
        big = np.array([2**63 - 1, 1], dtype=np.int64)
        with pytest.raises(recoup.MoneyOverflowError) as e:
            portfolio.aging_buckets(np.array([0, 0]), amounts=big)
        assert e.value.id == "portfolio.balance_overflow"


class TestRollRatesByHand:
    def test_matrix(self) -> None:
        m = portfolio.roll_rates(IDS0, BUCKET0, IDS1, BUCKET1, balance_t0=BAL0, balance_t1=BAL1)
        expected = [
            [1, 1, 0, 0, 0, 0],  # 1 stays current, 2 rolls to 1-30
            [1, 0, 1, 0, 0, 0],  # 3 cures, 4 rolls to 31-60
            [0, 0, 1, 1, 0, 0],
            [0, 0, 0, 0, 2, 0],
            [0, 0, 0, 0, 0, 1],
            [0, 0, 0, 0, 0, 0],  # 10 closed
        ]
        assert m.labels == LABELS
        assert m.counts.tolist() == expected
        assert m.closed_counts.tolist() == [0, 0, 0, 0, 0, 1]
        assert m.new_counts.tolist() == [1, 0, 0, 0, 0, 0]
        assert m.accounts_t0.tolist() == [2, 2, 2, 2, 1, 1]
        assert m.balances is not None and m.balances[3].tolist() == [0, 0, 0, 0, 1500, 0]
        assert m.closed_balances is not None and m.closed_balances.tolist() == [0, 0, 0, 0, 0, 1000]
        assert m.new_balances is not None and m.new_balances.tolist() == [5000, 0, 0, 0, 0, 0]
        rates = m.rates()
        assert rates[1][0] == Fraction(1, 2)
        assert rates[3][4] == Fraction(1)
        assert rates[5] == [Fraction(0)] * 6
        assert m.closed_rates()[5] == Fraction(1)
        assert m.rates(4, "half_even")[0][1] == Decimal("0.5000")
        assert m.balance_rates()[0][1] == Fraction(200, 300)
        assert m.balance_rates(3, "half_up")[0][1] == Decimal("0.667")

    def test_empty_row_is_undefined_and_frame(self) -> None:
        m = portfolio.roll_rates([1], [0], [1], [2])
        assert m.rates()[3] == [None] * 6
        frame = m.to_frame()
        assert list(frame.columns) == [*LABELS, "closed"]
        assert frame.loc["current", "31-60"] == 1
        assert m.to_frame(rates=True).loc["current", "31-60"] == Fraction(1)

    def test_string_ids(self) -> None:
        m = portfolio.roll_rates(["a", "b"], [0, 1], ["b", "c"], [1, 1])
        assert m.counts[1, 1] == 1 and m.closed_counts[0] == 1 and m.new_counts[1] == 1

    def test_errors(self) -> None:
        with pytest.raises(
            recoup.InvalidInputError, match="account_id_t0: account id 1 appears in rows 0 and 2"
        ) as e:
            portfolio.roll_rates([1, 2, 1], [0, 0, 0], [1], [0])
        assert e.value.id == "portfolio.duplicate_account"
        with pytest.raises(recoup.InvalidInputError, match="bucket_t1 row 0: bucket 6") as e2:
            portfolio.roll_rates([1], [0], [1], [6])
        assert e2.value.id == "portfolio.bucket_range"
        with pytest.raises(recoup.InvalidInputError) as e3:
            portfolio.roll_rates([1, 2], [0], [1], [0])
        assert e3.value.id == "columns.length"
        with pytest.raises(recoup.InvalidInputError) as e4:
            portfolio.roll_rates([1], [0], [1], [0]).balance_rates()
        assert e4.value.id == "portfolio.no_balances"
        with pytest.raises(recoup.InvalidInputError) as e5:
            portfolio.roll_rates([1], [0], [1], [0]).rates(places=2)
        assert e5.value.id == "portfolio.rounding"
        with pytest.raises(recoup.FloatInputError):
            portfolio.roll_rates([1.0], [0], [1], [0])


class TestRates:
    def test_cure_rate(self) -> None:
        r = portfolio.cure_rate(IDS0, DPD0, IDS1, DPD1)
        assert (r.numerator, r.denominator, r.in_arrears_t0, r.closed) == (1, 7, 8, 1)
        assert r.value == Fraction(1, 7)
        assert r.to_decimal(4, "half_even") == Decimal("0.1429")

    def test_recovery_rate(self) -> None:
        r = portfolio.recovery_rate(np.array([250, 50, -25]), np.array([1000, 500]))
        assert r.value == Fraction(275, 1500)
        assert r.to_decimal(2, "down") == Decimal("0.18")
        with pytest.raises(recoup.InvalidInputError, match="placed row 1") as e:
            portfolio.recovery_rate([1], [5, -1])
        assert e.value.id == "portfolio.negative_amount"
        empty = portfolio.recovery_rate([], [])
        assert not empty.defined and empty.value is None
        with pytest.raises(recoup.DivisionByZeroError) as e2:
            empty.to_decimal(2, "half_up")
        assert e2.value.id == "portfolio.undefined_rate"

    def test_promise_kept_rate(self) -> None:
        when = np.array(["2024-03-01", "2024-03-10", "2024-03-20", "2024-04-05"], dtype="datetime64[D]")
        promised, paid = [5000, 5000, 2000, 1000], [5000, 4999, 0, 0]
        r = portfolio.promise_kept_rate(when, promised, paid, datetime.date(2024, 3, 31))
        assert (r.numerator, r.denominator, r.not_yet_due) == (1, 3, 1)
        assert portfolio.promise_kept_rate(when, promised, paid, "2024-03-31", tolerance=1).value == Fraction(
            2, 3
        )
        with pytest.raises(recoup.InvalidInputError, match="promise_date row 0") as e:
            portfolio.promise_kept_rate(np.array(["NaT"], dtype="datetime64[D]"), [1], [1], "2024-03-31")
        assert e.value.id == "portfolio.date_missing"
        with pytest.raises(recoup.InvalidInputError) as e2:
            portfolio.promise_kept_rate(when[:1], [0], [0], "2024-03-31")
        assert e2.value.id == "portfolio.non_positive_promise"


class TestLiquidation:
    def frame(self, **kw: object) -> pd.DataFrame:
        # Cohort 2024-01: accounts 1 (1000.00) and 2 (500.00); cohort 2024-02: account 3 (2000.00).
        return portfolio.liquidation_curves(
            [1, 2, 3],
            np.array(["2024-01-15", "2024-01-31", "2024-02-01"], dtype="datetime64[D]"),
            [100000, 50000, 200000],
            [1, 1, 2, 3, 3],
            np.array(
                ["2024-01-20", "2024-03-05", "2024-02-01", "2024-04-10", "2024-04-12"], dtype="datetime64[D]"
            ),
            [10000, 20000, 5000, 30000, -10000],
            as_of=datetime.date(2024, 4, 30),
            **kw,  # type: ignore[arg-type]
        )

    def test_by_hand(self) -> None:
        df = self.frame()
        assert list(df.columns) == [
            "cohort",
            "month",
            "accounts",
            "placed",
            "collected",
            "cumulative",
            "rate",
        ]
        assert [str(c) for c in df["cohort"]] == ["2024-01"] * 4 + ["2024-02"] * 3
        assert df["month"].tolist() == [0, 1, 2, 3, 0, 1, 2]
        assert df["collected"].tolist() == [10000, 5000, 20000, 0, 0, 0, 20000]
        assert df["cumulative"].tolist() == [10000, 15000, 35000, 35000, 0, 0, 20000]
        assert df["rate"].tolist()[2] == Fraction(35000, 150000)
        wide = df.pivot(index="cohort", columns="month", values="rate")
        assert wide.shape == (2, 4)
        assert pd.isna(wide.iloc[1, 3])  # 2024-02 has no month 3 yet

    def test_decimal_rates(self) -> None:
        df = self.frame(places=4, rounding="half_even")
        assert df["rate"].tolist()[:3] == [Decimal("0.0667"), Decimal("0.1000"), Decimal("0.2333")]

    def test_default_as_of_is_latest_date(self) -> None:
        df = portfolio.liquidation_curves([1], ["2024-01-15"], [1000], [1], ["2024-03-01"], [250])
        assert df["month"].tolist() == [0, 1, 2]
        assert df["rate"].tolist()[-1] == Fraction(1, 4)

    def test_bad_payments(self) -> None:
        args = (
            [7],
            ["2024-01-15"],
            [1000],
            [7, 8, 7, 7],
            ["2024-01-16", "2024-01-16", "2024-01-14", "2024-06-01"],
        )
        with pytest.raises(recoup.InvalidInputError, match="row 1: payment_account_id") as e:
            portfolio.liquidation_curves(*args, [100] * 4, as_of="2024-03-31")
        assert e.value.id == "portfolio.unknown_account"
        res = portfolio.liquidation_curves(*args, [100] * 4, as_of="2024-03-31", errors="collect")
        assert isinstance(res, portfolio.LiquidationResult)
        assert res.error_rows.tolist() == [1, 2, 3]
        assert res.error_ids == [
            "portfolio.unknown_account",
            "portfolio.payment_before_placement",
            "portfolio.after_as_of",
        ]
        assert res.table["cumulative"].tolist() == [100, 100, 100]

    def test_float_amounts_refused(self) -> None:
        with pytest.raises(recoup.FloatInputError):
            portfolio.liquidation_curves([1], ["2024-01-15"], [1000.0], [], [], [])


# --- oracle and invariants ------------------------------------------------------------------


@pytest.mark.parametrize("edges", [(0, 30, 60, 90, 120), (0, 1), (5,), tuple(range(0, 400, 20))], ids=str)
def test_aging_matches_pandas_cut(rng: np.random.Generator, edges: tuple[int, ...]) -> None:
    n = 20_000
    dpd = rng.integers(0, 400, size=n)
    dpd[rng.random(n) < 0.3] = 0
    amounts = rng.integers(-(10**12), 10**12, size=n)
    aged = portfolio.aging_buckets(dpd, edges, amounts=amounts)
    counts, sums = pandas_aging(dpd, amounts, edges)
    assert aged.counts.tolist() == counts
    assert aged.balances is not None and aged.balances.tolist() == sums
    assert (
        portfolio.bucket_of(dpd, edges).tolist()
        == pd.cut(pd.Series(dpd), bins=[-np.inf, *edges, np.inf], labels=False).tolist()
    )


edge_lists = st.lists(st.integers(0, 500), min_size=1, max_size=12, unique=True).map(
    lambda v: tuple(sorted(v))
)


@given(
    dpd=hnp.arrays(np.int64, st.integers(0, 300), elements=st.integers(0, 10**6)),
    edges=edge_lists,
    data=st.data(),
)
def test_counts_and_balances_add_up(dpd: np.ndarray, edges: tuple[int, ...], data: st.DataObject) -> None:
    amounts = data.draw(hnp.arrays(np.int64, len(dpd), elements=st.integers(-(10**15), 10**15)))
    aged = portfolio.aging_buckets(dpd, edges, amounts=amounts)
    assert int(aged.counts.sum()) == len(dpd)
    assert aged.balances is not None
    assert sum(int(b) for b in aged.balances) == sum(int(a) for a in amounts)
    idx = portfolio.bucket_of(dpd, edges)
    assert np.bincount(idx, minlength=len(edges) + 1).tolist() == aged.counts.tolist()


@given(
    n0=st.integers(0, 60),
    n1=st.integers(0, 60),
    data=st.data(),
)
def test_roll_matrix_rows_sum_to_accounts_at_t0(n0: int, n1: int, data: st.DataObject) -> None:
    ids0 = np.array(
        data.draw(st.lists(st.integers(0, 100), min_size=n0, max_size=n0, unique=True)), dtype=np.int64
    )
    ids1 = np.array(
        data.draw(st.lists(st.integers(0, 100), min_size=n1, max_size=n1, unique=True)), dtype=np.int64
    )
    b0 = np.array(data.draw(st.lists(st.integers(0, 5), min_size=n0, max_size=n0)), dtype=np.int64)
    b1 = np.array(data.draw(st.lists(st.integers(0, 5), min_size=n1, max_size=n1)), dtype=np.int64)
    m = portfolio.roll_rates(ids0, b0, ids1, b1, balance_t0=b0 * 100 + 1, balance_t1=b1 * 7)
    assert m.accounts_t0.tolist() == np.bincount(b0, minlength=6).tolist()
    assert int(m.counts.sum() + m.new_counts.sum()) == n1
    common = set(ids0.tolist()) & set(ids1.tolist())
    assert int(m.counts.sum()) == len(common)
    for row, closed in zip(m.rates(), m.closed_rates()):
        if closed is not None:
            assert sum(r for r in row if r is not None) + closed == 1
    assert m.balances is not None and m.closed_balances is not None
    assert int(m.balances.sum() + m.closed_balances.sum()) == int((b0 * 100 + 1).sum())


@given(st.lists(st.tuples(st.integers(0, 200), st.integers(0, 200)), max_size=80))
def test_cure_rate_matches_a_plain_count(pairs: list[tuple[int, int]]) -> None:
    dpd0 = np.array([a for a, _ in pairs], dtype=np.int64)
    dpd1 = np.array([b for _, b in pairs], dtype=np.int64)
    ids = np.arange(len(pairs))
    r = portfolio.cure_rate(ids, dpd0, ids, dpd1)
    arrears = [(a, b) for a, b in pairs if a > 0]
    assert r.in_arrears_t0 == len(arrears) and r.closed == 0
    assert (r.numerator, r.denominator) == (sum(1 for _, b in arrears if b == 0), len(arrears))


@pytest.mark.deep
def test_ten_million_accounts_in_one_call() -> None:
    rng = np.random.default_rng(7)
    n = 10_000_000
    dpd = rng.integers(0, 200, size=n)
    amounts = rng.integers(0, 10**7, size=n)
    aged = portfolio.aging_buckets(dpd, amounts=amounts)
    assert int(aged.counts.sum()) == n
    assert aged.balances is not None and int(aged.balances.sum()) == int(amounts.sum())
    counts, _ = pandas_aging(dpd[:100_000], amounts[:100_000], portfolio.DEFAULT_EDGES)
    assert portfolio.aging_buckets(dpd[:100_000]).counts.tolist() == counts


def test_liquidation_matches_a_pandas_groupby(rng: np.random.Generator) -> None:
    n, p = 300, 2000
    placed_on = np.datetime64("2023-01-01") + rng.integers(0, 500, size=n).astype("timedelta64[D]")
    placed = rng.integers(0, 10**8, size=n)
    who = rng.integers(0, n, size=p)
    paid_on = placed_on[who] + rng.integers(0, 300, size=p).astype("timedelta64[D]")
    amount = rng.integers(-(10**5), 10**6, size=p)
    as_of = np.datetime64("2024-12-31")
    keep = paid_on <= as_of
    who, paid_on, amount = who[keep], paid_on[keep], amount[keep]
    df = portfolio.liquidation_curves(
        np.arange(n) * 7, placed_on, placed, who * 7, paid_on, amount, as_of=as_of
    )
    # Oracle: months by pandas Periods, sums by groupby.
    cohort = pd.PeriodIndex(placed_on, freq="M")
    pay = pd.DataFrame(
        {
            "cohort": cohort[who],
            "month": (pd.PeriodIndex(paid_on, freq="M") - cohort[who]).map(lambda d: d.n),
            "a": amount,
        }
    )
    by_cell = pay.groupby(["cohort", "month"])["a"].sum()
    placed_by = pd.Series(placed).groupby(cohort).sum()
    last = pd.Period(as_of, freq="M")
    rows = []
    for c, total in placed_by.items():
        run = 0
        for m in range((last - c).n + 1):
            run += int(by_cell.get((c, m), 0))
            rows.append((str(c), m, int(total), run, Fraction(run, int(total)) if total else None))
    got = list(zip(df["cohort"].astype(str), df["month"], df["placed"], df["cumulative"], df["rate"]))
    assert [(a, int(b), int(c), int(d), e) for a, b, c, d, e in got] == rows


def test_iso_text_with_a_time_of_day_is_refused() -> None:
    with pytest.raises(recoup.InvalidInputError, match="row 1") as e:
        portfolio.days_past_due(["2024-03-01", "2024-03-01T12:00"], "2024-03-31")
    assert e.value.id == "date.has_time"
    with pytest.raises(recoup.InvalidInputError) as e2:
        portfolio.days_past_due(["not a date"], "2024-03-31")
    assert e2.value.id == "portfolio.not_dates"


def test_arrow_and_nullable_date_columns() -> None:
    pa = pytest.importorskip("pyarrow")
    dates = pa.array([datetime.date(2024, 3, 1), None])
    assert portfolio.days_past_due(dates, "2024-03-31").tolist() == [30, 0]
    series = pd.Series([datetime.date(2024, 3, 1), None], dtype="date32[pyarrow]")
    assert portfolio.days_past_due(series, "2024-03-31").tolist() == [30, 0]
    aged = portfolio.aging_buckets(pa.array([0, 5, 40]), amounts=pa.array([1, 2, 3]))
    assert aged.counts.tolist() == [1, 1, 1, 0, 0, 0]
