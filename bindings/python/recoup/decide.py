"""What to do next with each account: strategy policies as data and the recovery decision.

A thin face on the C++ decision layer (recoup/decide/): ``load_policy(path)`` reads a strategy
policy (TOML, schema in data/policies/README.md; ``Policy.example()`` is the shipped EXAMPLE
with illustrative figures), ``decide(account, balance, at=...)`` decides one account with every
candidate explained, and ``evaluate_book(accounts, as_of=...)`` (also ``recoup.portfolio.evaluate``)
decides a whole DataFrame in one C++ pass.

    >>> from datetime import date, datetime, timezone
    >>> from recoup import Money, decide, rules
    >>> acct = rules.Account(jurisdiction="US-TX", debt_type="open_account", time_zones="America/Chicago",
    ...                      defaulted_on=date(2019, 1, 1), first_delinquency=date(2019, 1, 1),
    ...                      validation_notice_sent_on=date(2019, 3, 1))
    >>> at = datetime(2026, 12, 7, 15, tzinfo=timezone.utc)
    >>> d = decide.decide(acct, Money("10000.00", "USD"), at=at, id="A-2")
    >>> d.strategy, d.candidates[2].strategy, d.candidates[2].refused     # time-barred: no suit
    ('agency', 'litigation', 'gate_blocked')
"""

from __future__ import annotations

import datetime as _dt
import os
from typing import TYPE_CHECKING, Any, Literal, Union

import numpy as np

from . import _core
from ._core import AccountDecision, Candidate, Policy, RuleBook
from ._errors import InvalidInputError
from ._rules_gate import ACCOUNT_COLUMNS as _GATE_COLUMNS
from ._rules_gate import GATE_ACTIONS, Account, _at, _attach_errors, _gate_column_args

if TYPE_CHECKING:
    import pandas as pd

    from ._core import Money

__all__ = [
    "BOOK_COLUMNS",
    "RESULT_COLUMNS",
    "STRATEGIES",
    "AccountDecision",
    "Candidate",
    "Policy",
    "decide",
    "decision_meta",
    "evaluate_book",
    "load_policy",
]

#: The strategies a policy values, in code order.
STRATEGIES: tuple[str, ...] = tuple(_core.STRATEGIES)

#: The columns ``evaluate_book`` reads: ``account_id``, ``jurisdiction`` and ``balance_minor``
#: are required; ``currency`` (default: the policy's currency of the jurisdiction),
#: ``disposable_income_minor``, ``days_past_due`` (default: from first_delinquency, else
#: defaulted_on), ``score``, and every column of ``recoup.rules.ACCOUNT_COLUMNS`` are optional.
BOOK_COLUMNS: tuple[str, ...] = (
    "account_id",
    "balance_minor",
    "currency",
    "disposable_income_minor",
    "days_past_due",
    "score",
    *_GATE_COLUMNS,
)

#: The columns of ``evaluate_book``'s result, in order.
RESULT_COLUMNS: tuple[str, ...] = (
    "account_id",
    "segment",
    "strategy",
    "expected_net_recovery_minor",
    "offer_amount_minor",
    "instalments",
    "currency",
    "next_action",
    "next_action_at",
    "priority",
    "challenger",
    "blocked_actions",
    "blocked_by",
    "charge_off_on",
    "error_id",
    "error_message",
)

PolicyLike = Union[Policy, str, "os.PathLike[str]", None]


def load_policy(path: str | os.PathLike[str]) -> Policy:
    """A strategy policy from a TOML file; ``RulePackError`` (``decide.policy``) names the file,
    the line and the key of anything wrong."""
    return Policy.from_file(os.fspath(path))


def _policy(policy: PolicyLike) -> Policy | None:
    if policy is None or isinstance(policy, Policy):
        return policy
    if isinstance(policy, (str, os.PathLike)):
        return load_policy(policy)
    raise InvalidInputError(
        f"policy must be a Policy, a path or None, got {type(policy).__name__}", id="decide.policy"
    )


def decide(
    account: Account,
    balance: Money,
    at: _dt.datetime | _dt.date | None = None,
    *,
    id: str = "",
    disposable_income: Money | None = None,
    days_past_due: int | None = None,
    score: int | None = None,
    policy: PolicyLike = None,
    book: RuleBook | None = None,
) -> AccountDecision:
    """The decision for one account: ``.strategy``, ``.chosen`` (the winning ``Candidate`` with
    ``.expected_net_recovery_minor``, ``.offer_amount_minor``, ``.instalments``), every
    ``.candidates`` entry with why it won or lost, ``.priority``, ``.next_action`` and
    ``.next_action_at``, ``.blocked_actions``, ``.charge_off_on`` and ``.explain()``.
    ``account`` is a ``recoup.rules.Account``; ``id`` feeds the champion/challenger split."""
    if not isinstance(account, Account):
        raise InvalidInputError(
            f"expected a recoup.rules.Account, got {type(account).__name__}", id="gate.fact_type"
        )
    for name, value in (("days_past_due", days_past_due), ("score", score)):
        if value is not None and (
            isinstance(value, (bool, float)) or not isinstance(value, (int, np.integer))
        ):
            raise InvalidInputError(f"{name} must be a whole number, got {value!r}", id="decide.fact_type")
    decision: AccountDecision = _core.decide_account(
        account,
        str(id),
        balance,
        disposable_income,
        days_past_due,
        score,
        _at(account, at),
        _policy(policy),
        book,
    )
    return decision


def _int64_or_missing(df: pd.DataFrame, name: str) -> np.ndarray[Any, np.dtype[np.int64]] | None:
    if name not in df.columns:
        return None
    col = df[name]
    if col.dtype.kind == "f":
        values = col.to_numpy()
        ok = np.isnan(values) | (values == np.floor(values))
        if not ok.all():
            row = int(np.flatnonzero(~ok)[0])
            raise InvalidInputError(f"row {row}: {name} must be a whole number", id="python.float_input")
        return np.ascontiguousarray(
            np.where(np.isnan(values), np.iinfo(np.int64).min, values).astype(np.int64)
        )
    if col.dtype.kind in "iu":
        return np.ascontiguousarray(col.to_numpy().astype(np.int64))
    if col.dtype.kind == "O" or str(col.dtype).startswith("Int"):
        return np.ascontiguousarray(
            col.astype("Int64").fillna(np.iinfo(np.int64).min).to_numpy(dtype=np.int64)
        )
    raise InvalidInputError(f"{name} must be an integer column, not {col.dtype}", id="columns.dtype")


def evaluate_book(
    accounts: pd.DataFrame,
    as_of: _dt.datetime | _dt.date | None = None,
    *,
    policy: PolicyLike = None,
    errors: Literal["raise", "collect"] = "collect",
    book: RuleBook | None = None,
) -> pd.DataFrame:
    """Decides every account of a DataFrame in one C++ pass: one row per account with the
    columns of :data:`RESULT_COLUMNS` (money in int64 minor units, ``_minor``). ``as_of`` is an
    aware datetime (or a date: its UTC midnight; None: now). Bad rows get ``error_id`` and
    ``error_message`` (their strategy "write_off", value 0) unless ``errors="raise"``."""
    import pandas as pd

    if errors not in ("raise", "collect"):
        raise InvalidInputError(
            f"errors must be 'raise' or 'collect', got {errors!r}", id="columns.errors_mode"
        )
    extra = ("account_id", "balance_minor", "currency", "disposable_income_minor", "days_past_due", "score")
    for required in ("account_id", "jurisdiction", "balance_minor"):
        if isinstance(accounts, pd.DataFrame) and required not in accounts.columns:
            raise InvalidInputError(f"the accounts need a {required!r} column", id="columns.missing")
    args = _gate_column_args(accounts, as_of, "evaluate", extra)
    df = accounts
    n = len(df)
    pol = _policy(policy)
    effective = pol if pol is not None else Policy.example()
    balance = _int64_or_missing(df, "balance_minor")
    assert balance is not None
    if n and (balance == np.iinfo(np.int64).min).any():
        row = int(np.flatnonzero(balance == np.iinfo(np.int64).min)[0])
        raise InvalidInputError(f"row {row}: balance_minor is missing", id="columns.missing")
    if "currency" in df.columns:
        cur_idx, cur_values = pd.factorize(df["currency"], use_na_sentinel=True)
        if (cur_idx < 0).any():
            raise InvalidInputError(
                f"row {int(np.flatnonzero(cur_idx < 0)[0])}: currency is missing", id="columns.missing"
            )
        currencies = [str(c) for c in cur_values]
    else:
        codes = args[0]
        currencies = [effective.currency_of(c) for c in codes]
        cur_idx = args[2].astype(np.intp)
    ids = df["account_id"].astype(str).tolist()
    out, errs = _core.decide_columns(  # type: ignore[call-arg]
        *args,
        ids,
        balance,
        currencies,
        np.ascontiguousarray(np.asarray(cur_idx).astype(np.uint16)),
        _int64_or_missing(df, "disposable_income_minor"),
        _int64_or_missing(df, "days_past_due"),
        _int64_or_missing(df, "score"),
        pol,
        book,
        errors == "collect",
    )
    strategies = np.array(STRATEGIES, dtype=object)
    actions = np.array(GATE_ACTIONS, dtype=object)
    segments = np.array([None, *effective.segments], dtype=object)
    when = out["next_action_at"]
    blocked_bits = out["blocked_actions"]
    # Few distinct sets of blocked actions in a book: name each once.
    distinct, inverse = np.unique(blocked_bits, return_inverse=True)
    names = np.array(
        [" ".join(a for k, a in enumerate(GATE_ACTIONS) if int(bits) >> k & 1) for bits in distinct],
        dtype=object,
    )
    blocked_text = names[inverse.reshape(-1)] if n else np.array([], dtype=object)
    # ... and each distinct set of blocking rules: "action:rule_id" per blocked action, in order.
    rule_ids = np.array([*out["blocked_rule_ids"], ""], dtype=object)  # -1 (not blocked) -> ""
    reasons = out["blocked_reason"]
    if n:
        rows, where = np.unique(reasons, axis=0, return_inverse=True)
        texts = np.array(
            [
                " ".join(f"{GATE_ACTIONS[k]}:{rule_ids[r]}" for k, r in enumerate(row.tolist()) if r >= 0)
                for row in rows
            ],
            dtype=object,
        )
        blocked_by = texts[where.reshape(-1)]
    else:
        blocked_by = np.array([], dtype=object)
    charge = out["charge_off_on"].astype(np.int64)
    result = pd.DataFrame(
        {
            "account_id": df["account_id"].to_numpy(),
            "segment": segments[out["segment"] + 1],
            "strategy": pd.Categorical(strategies[out["strategy"]], categories=list(STRATEGIES)),
            "expected_net_recovery_minor": out["expected_net_recovery_minor"],
            "offer_amount_minor": out["offer_amount_minor"],
            "instalments": out["instalments"],
            "currency": np.array(currencies, dtype=object)[np.asarray(cur_idx)]
            if n
            else np.array([], dtype=object),
            "next_action": pd.Categorical(actions[out["next_action"]], categories=list(GATE_ACTIONS)),
            "next_action_at": pd.to_datetime(
                np.where(when == np.iinfo(np.int64).min, np.datetime64("NaT"), when.astype("datetime64[s]")),
                utc=True,
            ),
            "priority": out["priority"],
            "challenger": out["challenger"].astype(bool),
            "blocked_actions": blocked_text,
            "blocked_by": blocked_by,
            "charge_off_on": np.where(
                charge == np.iinfo(np.int32).min, np.datetime64("NaT"), charge.astype("datetime64[D]")
            ),
        },
        index=df.index,
    )
    _attach_errors(result, errs, n)
    for name in ("segment", "currency", "blocked_actions", "blocked_by", "error_id", "error_message"):
        result[name] = pd.Series(result[name].to_numpy(dtype=object), index=result.index, dtype=object)
    result.attrs["policy"] = effective.id
    result.attrs["policy_is_example"] = effective.is_example
    return result


def decision_meta() -> pd.DataFrame:
    """An empty ``evaluate_book`` result with its columns and dtypes (Dask's ``meta``)."""
    import pandas as pd

    empty = pd.DataFrame(
        {
            "account_id": pd.Series([], dtype=object),
            "jurisdiction": pd.Series([], dtype=object),
            "balance_minor": np.array([], dtype=np.int64),
        }
    )
    return evaluate_book(empty, _dt.datetime(2000, 1, 1, tzinfo=_dt.timezone.utc))

from ._boundary import guard_module as _guard_module  # noqa: E402

_guard_module(globals(), __all__)  # every exported function raises recoup errors with ids
