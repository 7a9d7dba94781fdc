"""Scale-out: recoup.batch over partitions, on a local Dask cluster and a local Spark session,
gives exactly the rows of one single-process ``evaluate_partition`` call on the whole frame."""

from __future__ import annotations

import datetime
import os
import pickle
import shutil
import sys
import time
from decimal import Decimal
from typing import Any

import numpy as np
import pandas as pd
import pytest

from recoup import batch

AS_OF = datetime.date(2025, 1, 1)
N_ACCOUNTS = 20_000
N_PARTITIONS = 8


@pytest.fixture(scope="module")
def accounts() -> pd.DataFrame:
    return batch.synthetic_accounts(N_ACCOUNTS, seed=7)


@pytest.fixture(scope="module")
def expected(accounts: pd.DataFrame) -> pd.DataFrame:
    return batch.evaluate_partition(accounts, AS_OF, currency="GBP")


def _normalised(df: pd.DataFrame) -> pd.DataFrame:
    """Results sorted by account with plain dtypes (string columns as object, None for missing)."""
    out = df.sort_values("account_id").reset_index(drop=True)
    for name, dtype in batch.RESULT_COLUMNS:
        if dtype == "object":
            out[name] = pd.Series(
                [None if v is None or v is pd.NA or v != v else str(v) for v in out[name].tolist()],
                dtype=object,
            )
        else:
            out[name] = out[name].astype(dtype)
    return out[[name for name, _ in batch.RESULT_COLUMNS]]


# --- the pure batch function ----------------------------------------------------------------


def test_partitions_concatenate_to_the_whole(accounts: pd.DataFrame, expected: pd.DataFrame) -> None:
    parts = np.array_split(np.arange(len(accounts)), N_PARTITIONS)
    pieces = [batch.evaluate_partition(accounts.iloc[p], AS_OF, currency="GBP") for p in parts]
    pd.testing.assert_frame_equal(pd.concat(pieces, ignore_index=True), expected)


def test_results_are_plausible(accounts: pd.DataFrame, expected: pd.DataFrame) -> None:
    assert len(expected) == N_ACCOUNTS
    assert list(expected.columns) == [name for name, _ in batch.RESULT_COLUMNS]
    bad = expected["error_id"].notna()
    assert 0 < bad.sum() < N_ACCOUNTS // 100  # synthetic_accounts plants ~0.1% bad principals
    assert set(expected.loc[bad, "error_id"]) == {"plan.principal"}
    good = expected[~bad]
    assert (good["regular_payment_minor"] > 0).all()
    principal = accounts.loc[~bad, "principal_minor"]
    assert (good["total_payment_minor"] == good["total_interest_minor"] + principal).all()
    assert (good["instalments"] == accounts.loc[~bad, "periods"]).all()
    # DPD against an independent computation (datetime arithmetic, NaT is current)
    due = accounts["oldest_unpaid_due"].to_numpy().astype("datetime64[D]")
    oracle = np.where(np.isnat(due), 0, np.maximum((np.datetime64(AS_OF) - due).astype(np.int64), 0))
    assert (expected["days_past_due"].to_numpy() == oracle).all()
    assert set(expected["bucket_label"]) <= {"current", "1-30", "31-60", "61-90", "91-120", "120+"}


def test_bad_rows_are_collected_not_raised() -> None:
    df = pd.DataFrame(
        {
            "account_id": [1, 2, 3, 4, 5],
            "principal_minor": [100_000, 100_000, -1, 100_000, 100_000],
            "annual_rate": ["0.199", "abc", "0.05", 0.05, Decimal("0.05")],
            "periods": [12, 12, 12, 12, 0],
            "first_due": [datetime.date(2024, 2, 1)] * 5,
            "oldest_unpaid_due": [datetime.date(2024, 12, 1), None, None, None, datetime.date(2025, 2, 1)],
        }
    )
    out = batch.evaluate_partition(df, AS_OF)
    assert out["error_id"].tolist() == [None, "batch.rate", "plan.principal", "batch.rate", "plan.periods"]
    assert out["regular_payment_minor"].tolist()[1:] == [0, 0, 0, 0]
    assert out["days_past_due"].tolist() == [31, 0, 0, 0, 0]
    assert out["bucket_label"].tolist() == ["31-60", "current", "current", "current", "current"]


def test_float_money_is_refused() -> None:
    df = batch.synthetic_accounts(3)
    df["principal_minor"] = df["principal_minor"].astype(float)
    with pytest.raises(Exception, match="float"):
        batch.evaluate_partition(df, AS_OF)


def test_empty_partition_has_the_meta_dtypes() -> None:
    empty = batch.evaluate_partition(batch.synthetic_accounts(0), AS_OF)
    pd.testing.assert_frame_equal(empty, batch.result_meta())


def test_arguments_and_function_pickle() -> None:
    fn = pickle.loads(pickle.dumps(batch.evaluate_partition))
    df = batch.synthetic_accounts(50, seed=3)
    shipped = pickle.loads(pickle.dumps(df))
    pd.testing.assert_frame_equal(fn(shipped, AS_OF), batch.evaluate_partition(df, AS_OF))


# --- Dask -----------------------------------------------------------------------------------


def test_dask_local_cluster_matches_single_process(accounts: pd.DataFrame, expected: pd.DataFrame) -> None:
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    from recoup import dask as recoup_dask

    t0 = time.perf_counter()
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster),
    ):
        ddf = dd.from_pandas(accounts, npartitions=N_PARTITIONS)
        assert ddf.npartitions == N_PARTITIONS
        lazy = recoup_dask.evaluate_accounts(ddf, AS_OF, currency="GBP")
        got = lazy.compute()
        counts = recoup_dask.aging_summary(lazy).compute()
    pd.testing.assert_frame_equal(_normalised(got), _normalised(expected))
    want = expected[expected["bucket"] >= 0].groupby("bucket_label")["account_id"].count()
    assert counts.sort_index().to_dict() == want.sort_index().to_dict()
    assert time.perf_counter() - t0 < 60


DECISION_AT = datetime.datetime(2026, 11, 23, 15, tzinfo=datetime.timezone.utc)


@pytest.fixture(scope="module")
def decision_book() -> pd.DataFrame:
    """A US and UK book for the decision, with a bad row (7: a cease request in the future)."""
    n = 900
    rng = np.random.default_rng(5)
    start = pd.Timestamp("2026-11-23") - pd.to_timedelta(rng.integers(20, 2500, n), unit="D")
    book = pd.DataFrame(
        {
            "account_id": [f"D-{i}" for i in range(n)],
            "jurisdiction": rng.choice(["US-NY", "US-TX", "GB-EAW"], n),
            "debt_type": "open_account",
            "balance_minor": rng.integers(1_000, 3_000_000, n),
            "defaulted_on": start,
            "first_delinquency": start,
            "cease_requested_on": np.where(rng.random(n) < 0.1, pd.Timestamp("2026-11-01"), pd.NaT),
        }
    )
    book.loc[7, "cease_requested_on"] = pd.Timestamp("2030-01-01")  # a bad row, collected
    return book


def test_dask_decisions_match_the_single_process_call(decision_book: pd.DataFrame) -> None:
    """recoup.dask.decide_accounts = recoup.decide.evaluate_book on the whole book."""
    dd = pytest.importorskip("dask.dataframe")
    from recoup import dask as recoup_dask
    from recoup import decide

    book = decision_book
    at = DECISION_AT
    expected = decide.evaluate_book(book, at)
    got = recoup_dask.decide_accounts(dd.from_pandas(book, npartitions=N_PARTITIONS), at).compute(
        scheduler="synchronous"
    )

    def same_missing(df: pd.DataFrame) -> pd.DataFrame:  # Dask may hand back a missing text as NaN, not None
        df = df.reset_index(drop=True).copy()
        for name in ("segment", "error_id", "error_message"):
            df[name] = df[name].astype(object).where(df[name].notna(), None)
        return df

    pd.testing.assert_frame_equal(same_missing(got), same_missing(expected), check_categorical=False)
    assert expected.loc[7, "error_id"] == "gate.future_fact"
    assert list(decide.decision_meta().columns) == list(decide.RESULT_COLUMNS)


# --- Spark ----------------------------------------------------------------------------------


def _java_ok() -> bool:
    return shutil.which("java") is not None or bool(os.environ.get("JAVA_HOME"))


@pytest.fixture(scope="module")
def spark_session() -> Any:
    """One local Spark session for the module's Spark tests (its start-up is most of their time)."""
    if not _java_ok():
        pytest.skip("Spark needs a Java runtime (java on PATH or JAVA_HOME)")
    pytest.importorskip("pyspark")
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("recoup-scale-out-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "2500")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )
    yield session
    session.stop()


@pytest.mark.filterwarnings("ignore::FutureWarning")  # PySpark 4.x on pandas 3: "not yet fully supported"
@pytest.mark.filterwarnings("ignore:The copy keyword is deprecated")
def test_spark_local_session_matches_single_process(
    accounts: pd.DataFrame, expected: pd.DataFrame, spark_session: Any
) -> None:
    from recoup import spark as recoup_spark

    session = spark_session
    rows = accounts.copy()
    for col in ("first_due", "oldest_unpaid_due"):  # Spark DATE columns: datetime.date or None
        days = rows[col].to_numpy().astype("datetime64[D]")
        rows[col] = pd.Series([None if np.isnat(d) else d.item() for d in days], dtype=object)
    sdf = session.createDataFrame(rows, schema=recoup_spark.ACCOUNTS_SCHEMA).repartition(N_PARTITIONS)
    assert sdf.rdd.getNumPartitions() == N_PARTITIONS
    result = recoup_spark.evaluate_accounts(sdf, AS_OF, currency="GBP")
    assert result.schema == recoup_spark.RESULT_SCHEMA
    got = result.toPandas()
    pd.testing.assert_frame_equal(_normalised(got), _normalised(expected))


@pytest.mark.filterwarnings("ignore::FutureWarning")
@pytest.mark.filterwarnings("ignore:The copy keyword is deprecated")
def test_spark_decisions_match_the_single_process_call(
    decision_book: pd.DataFrame, spark_session: Any
) -> None:
    """recoup.spark.decide_accounts over several partitions = recoup.decide.evaluate_book."""
    from recoup import decide
    from recoup import spark as recoup_spark

    expected = decide.evaluate_book(decision_book, DECISION_AT)
    rows = decision_book.assign(extra_column="ignored")
    for col in ("defaulted_on", "first_delinquency", "cease_requested_on"):  # Spark DATE columns
        days = rows[col].to_numpy().astype("datetime64[D]")
        rows[col] = pd.Series([None if np.isnat(d) else d.item() for d in days], dtype=object)
    sdf = spark_session.createDataFrame(rows).repartition(N_PARTITIONS)
    assert sdf.rdd.getNumPartitions() == N_PARTITIONS
    result = recoup_spark.decide_accounts(sdf, DECISION_AT)
    assert result.schema == recoup_spark.DECISION_SCHEMA
    got = (
        result.toPandas()
        .sort_values("account_id", key=lambda c: c.str[2:].astype(int))
        .reset_index(drop=True)
    )
    want = expected.reset_index(drop=True)
    for name in ("account_id", "segment", "strategy", "currency", "next_action", "blocked_actions",
                 "blocked_by", "error_id", "error_message"):  # fmt: skip
        assert (
            got[name].astype(object).where(got[name].notna(), None).tolist()
            == want[name].astype(object).where(want[name].notna(), None).tolist()
        ), name
    for name in (
        "expected_net_recovery_minor",
        "offer_amount_minor",
        "instalments",
        "priority",
        "challenger",
    ):
        assert got[name].tolist() == want[name].tolist(), name
    when = pd.to_datetime(got["next_action_at"]).dt.tz_localize(None)  # UTC session time zone
    assert when.tolist() == want["next_action_at"].dt.tz_localize(None).tolist()
    charge = pd.to_datetime(got["charge_off_on"])
    assert charge.tolist() == pd.to_datetime(want["charge_off_on"]).tolist()
    assert want.loc[7, "error_id"] == "gate.future_fact"
