"""PySpark helpers: ``recoup.batch.evaluate_partition`` over a Spark DataFrame of accounts with
``mapInPandas`` (Arrow batches in, Arrow batches out; no Python loop per row in Spark).

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
        DateType,
        IntegerType,
        LongType,
        StringType,
        StructField,
        StructType,
    )
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError("recoup.spark needs PySpark: pip install recoup[spark]") from exc

from . import portfolio
from .batch import RESULT_COLUMNS, evaluate_partition

__all__ = ["ACCOUNTS_SCHEMA", "RESULT_SCHEMA", "evaluate_accounts"]

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
