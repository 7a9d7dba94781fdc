"""Dask helpers: ``recoup.batch.evaluate_partition`` over a Dask DataFrame of accounts.

Needs the extra: ``pip install recoup[dask]``.

    import dask.dataframe as dd
    from recoup.dask import evaluate_accounts

    accounts = dd.read_parquet("s3://bucket/accounts/")       # one row per account
    results = evaluate_accounts(accounts, datetime.date(2025, 1, 1), currency="GBP")
    results.to_parquet("s3://bucket/results/")

Every partition is evaluated by the same pure function with the same plain arguments, so the
result is the row-for-row concatenation of the single-process call on each partition.
"""

from __future__ import annotations

import datetime
from typing import Any, Sequence

try:
    import dask.dataframe as dd
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError(
        "recoup.dask needs Dask: pip install recoup[dask]  (dask[dataframe] and distributed)"
    ) from exc

from . import portfolio
from .batch import evaluate_partition, result_meta

__all__ = ["aging_summary", "decide_accounts", "evaluate_accounts"]


def evaluate_accounts(
    accounts: dd.DataFrame,
    as_of: datetime.date | str,
    *,
    currency: str = "GBP",
    shape: str = "level_payment",
    frequency: str = "monthly",
    edges: Sequence[int] = portfolio.DEFAULT_EDGES,
) -> dd.DataFrame:
    """Per-account results (``recoup.batch.RESULT_COLUMNS``) of a Dask DataFrame of accounts
    (``recoup.batch.ACCOUNT_COLUMNS``), one ``evaluate_partition`` call per partition.

    Lazy: call ``.compute()`` or write the result out. The index of each result partition
    starts at 0 (the rows line up with the input partition's rows).
    """
    results: dd.DataFrame = accounts.map_partitions(  # type: ignore[no-untyped-call]
        evaluate_partition,
        as_of,
        currency=currency,
        shape=shape,
        frequency=frequency,
        edges=tuple(edges),
        meta=result_meta(),
        align_dataframes=False,
        enforce_metadata=True,
    )
    return results


def aging_summary(results: dd.DataFrame) -> Any:
    """Accounts per aging bucket label from ``evaluate_accounts`` results: a lazy Dask Series of
    counts indexed by label (rows whose days past due failed are left out)."""
    ok = results[results["bucket"] >= 0]
    return ok.groupby("bucket_label")["account_id"].count()


def decide_accounts(
    accounts: dd.DataFrame,
    as_of: datetime.datetime | datetime.date,
    *,
    policy: str | None = None,
) -> dd.DataFrame:
    """What to do next with every account of a Dask DataFrame (``recoup.decide.BOOK_COLUMNS``):
    ``recoup.decide.evaluate_book`` on each partition, so the rows are those of the
    single-process call. ``policy`` is a policy file's path (each worker loads it) or None for
    the shipped example. Bad rows carry ``error_id`` / ``error_message``."""
    from .decide import decision_meta, evaluate_book

    results: dd.DataFrame = accounts.map_partitions(  # type: ignore[no-untyped-call]
        evaluate_book,
        as_of,
        policy=policy,
        meta=decision_meta(),
        align_dataframes=False,
        enforce_metadata=True,
    )
    return results

from ._boundary import guard_module as _guard_module  # noqa: E402

_guard_module(globals(), __all__)  # every exported function raises recoup errors with ids
