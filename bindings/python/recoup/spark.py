"""PySpark helpers: the decision (``recoup.decide.evaluate_book``) and the schedule/aging columns
(``recoup.batch.evaluate_partition``) over a Spark DataFrame of accounts with ``mapInPandas``
(Arrow batches in, Arrow batches out; no Python loop per row in Spark).

    from recoup.spark import decide_accounts

    book = spark.read.parquet("s3://bucket/book/")            # recoup.decide.BOOK_COLUMNS
    decisions = decide_accounts(book, datetime.datetime(2026, 12, 1, tzinfo=datetime.timezone.utc))
    decisions.write.parquet("s3://bucket/decisions/")          # DECISION_SCHEMA

Needs the extra: ``pip install recoup[spark]``; recoup must be installed on every executor.

    from recoup.spark import evaluate_accounts

    accounts = spark.read.parquet("s3://bucket/accounts/")    # ACCOUNTS_SCHEMA columns
    results = evaluate_accounts(accounts, datetime.date(2025, 1, 1), currency="GBP")
    results.write.parquet("s3://bucket/results/")

Dates are Spark ``DATE`` columns (no time zone enters); amounts are ``BIGINT`` minor units and
rates decimal strings, so no money value passes through a float on the way.
"""

from __future__ import annotations

import datetime
from typing import Any, Iterator, Sequence

try:
    from pyspark.sql import DataFrame
    from pyspark.sql.types import (
        BooleanType,
        DateType,
        IntegerType,
        LongType,
        StringType,
        StructField,
        StructType,
        TimestampType,
    )
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError("recoup.spark needs PySpark: pip install recoup[spark]") from exc

from . import portfolio
from .batch import RESULT_COLUMNS, evaluate_partition

__all__ = ["ACCOUNTS_SCHEMA", "DECISION_SCHEMA", "RESULT_SCHEMA", "decide_accounts", "evaluate_accounts"]

#: The accounts a Spark DataFrame should hold (extra columns are ignored).
ACCOUNTS_SCHEMA = StructType(
    [
        StructField("account_id", LongType(), False),
        StructField("principal_minor", LongType(), False),
        StructField("annual_rate", StringType(), False),
        StructField("periods", LongType(), False),
        StructField("first_due", DateType(), False),
        StructField("oldest_unpaid_due", DateType(), True),
    ]
)

_SPARK_TYPES: dict[str, Any] = {"int64": LongType(), "int32": IntegerType(), "object": StringType()}

#: The explicit result schema of ``evaluate_accounts`` (``recoup.batch.RESULT_COLUMNS``).
RESULT_SCHEMA = StructType(
    [StructField(name, _SPARK_TYPES[dtype], dtype == "object") for name, dtype in RESULT_COLUMNS]
)


class _Evaluate:
    """The picklable per-batch function shipped to the executors (plain attributes only)."""

    def __init__(
        self, as_of: datetime.date | str, currency: str, shape: str, frequency: str, edges: tuple[int, ...]
    ) -> None:
        self.as_of = as_of
        self.currency = currency
        self.shape = shape
        self.frequency = frequency
        self.edges = edges

    def __call__(self, batches: Iterator[Any]) -> Iterator[Any]:
        for accounts in batches:
            yield evaluate_partition(
                accounts,
                self.as_of,
                currency=self.currency,
                shape=self.shape,
                frequency=self.frequency,
                edges=self.edges,
            )


def evaluate_accounts(
    accounts: DataFrame,
    as_of: datetime.date | str,
    *,
    currency: str = "GBP",
    shape: str = "level_payment",
    frequency: str = "monthly",
    edges: Sequence[int] = portfolio.DEFAULT_EDGES,
) -> DataFrame:
    """Per-account results (``RESULT_SCHEMA``) of a Spark DataFrame of accounts
    (``ACCOUNTS_SCHEMA``), evaluated by ``mapInPandas`` on every Arrow batch.

    Batches are ``spark.sql.execution.arrow.maxRecordsPerBatch`` rows (10,000 by default);
    raise it (e.g. 100,000) so that the per-call overhead is amortised.
    """
    columns = [f.name for f in ACCOUNTS_SCHEMA.fields]
    fn = _Evaluate(as_of, currency, shape, frequency, tuple(edges))
    return accounts.select(*columns).mapInPandas(fn, schema=RESULT_SCHEMA)


#: The explicit schema of ``decide_accounts`` (``recoup.decide.RESULT_COLUMNS``; money in BIGINT
#: minor units of ``currency``, ``next_action_at`` a UTC TIMESTAMP, ``charge_off_on`` a DATE).
DECISION_SCHEMA = StructType(
    [
        StructField("account_id", StringType(), False),
        StructField("segment", StringType(), True),
        StructField("strategy", StringType(), False),
        StructField("expected_net_recovery_minor", LongType(), False),
        StructField("offer_amount_minor", LongType(), False),
        StructField("instalments", IntegerType(), False),
        StructField("currency", StringType(), True),
        StructField("next_action", StringType(), False),
        StructField("next_action_at", TimestampType(), True),
        StructField("priority", LongType(), False),
        StructField("challenger", BooleanType(), False),
        StructField("blocked_actions", StringType(), True),
        StructField("blocked_by", StringType(), True),
        StructField("charge_off_on", DateType(), True),
        StructField("error_id", StringType(), True),
        StructField("error_message", StringType(), True),
    ]
)


class _Decide:
    """The picklable per-batch decision shipped to the executors (plain attributes only: the
    policy is a file path each executor loads, or None for the shipped example)."""

    def __init__(self, at: datetime.datetime | datetime.date, policy: str | None) -> None:
        self.at = at
        self.policy = policy

    def __call__(self, batches: Iterator[Any]) -> Iterator[Any]:
        import numpy as np
        import pandas as pd

        from .decide import evaluate_book

        for accounts in batches:
            accounts = accounts.copy()
            accounts["account_id"] = accounts["account_id"].astype(str)
            for name in accounts.columns:  # Spark DATE columns arrive as datetime.date objects
                col = accounts[name]
                first = col.first_valid_index() if col.dtype == object else None
                if first is not None and isinstance(col[first], datetime.date):  # one look, not a row loop
                    accounts[name] = pd.to_datetime(col)
            out = evaluate_book(accounts, self.at, policy=self.policy)
            out["strategy"] = out["strategy"].astype(str)
            out["next_action"] = out["next_action"].astype(str)
            out["instalments"] = out["instalments"].astype(np.int32)
            days = out["charge_off_on"].to_numpy().astype("datetime64[D]")
            out["charge_off_on"] = pd.Series([None if np.isnat(d) else d.item() for d in days], dtype=object)
            yield out.reset_index(drop=True)[[f.name for f in DECISION_SCHEMA.fields]]


def decide_accounts(
    accounts: DataFrame, at: datetime.datetime | datetime.date, *, policy: str | None = None
) -> DataFrame:
    """What to do next with every account of a Spark DataFrame (the columns of
    ``recoup.decide.BOOK_COLUMNS``; ``account_id``, ``jurisdiction`` and ``balance_minor`` are
    required): ``recoup.decide.evaluate_book`` on every Arrow batch, so the rows are those of the
    single-process call. ``policy`` is a policy file's path readable on every executor, or None
    for the shipped EXAMPLE policy. Bad rows carry ``error_id`` / ``error_message``."""
    from .decide import BOOK_COLUMNS

    known = [c for c in accounts.columns if c in BOOK_COLUMNS]  # extra columns are ignored
    return accounts.select(*known).mapInPandas(_Decide(at, policy), schema=DECISION_SCHEMA)

from ._boundary import guard_module as _guard_module  # noqa: E402

_guard_module(globals(), __all__)  # every exported function raises recoup errors with ids
