"""The compliance gate: may we take this action on this account now, and if not, from when?

Re-exported from ``recoup.rules``. ``Account(...)`` holds what a collector knows about one
account (keyword fields, every one optional but the jurisdiction); ``permitted(account,
action, at=...)`` judges one action, ``permitted_actions(account, at=...)`` every action, and
``permitted_columns(accounts, at=...)`` a whole book in one C++ pass. All three run the same
C++ kernel (recoup/rules/compliance_gate.hpp) over the gate packs (data/rules/us-gate.toml,
uk-gate.toml), whose rules say what blocks what, which exceptions apply and which deadlines run.

    >>> from datetime import date, datetime, timezone
    >>> from recoup import rules
    >>> acct = rules.Account(jurisdiction="US-NY", debt_type="open_account",
    ...                      defaulted_on=date(2025, 1, 15), first_delinquency=date(2025, 1, 15),
    ...                      validation_notice_sent_on=date(2026, 9, 4),
    ...                      cease_requested_on=date(2026, 11, 2), time_zones=["America/New_York"])
    >>> at = datetime(2026, 12, 7, 15, 0, tzinfo=timezone.utc)
    >>> v = rules.permitted(acct, "call", at=at)
    >>> v.status, v.rule_id, v.citation
    ('blocked', 'gate.cease_communication', '15 U.S.C. 1692c(c) (FDCPA 805(c)); 12 CFR 1006.6(c)(1)')
    >>> rules.permitted(acct, "termination_notice", at=at).status
    'allowed'
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import numpy.typing as npt

from . import _core
from ._core import AccountFacts, ActionVerdict, GateReason, RuleBook
from ._errors import FloatInputError, InvalidInputError
from ._rules_contact import LogLike, _columns, _utc_seconds

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "ACCOUNT_COLUMNS",
    "CONTACT_CHANNELS",
    "GATE_ACTIONS",
    "GATE_STATUSES",
    "Account",
    "ActionVerdict",
    "GateReason",
    "permitted",
    "permitted_actions",
    "permitted_columns",
]

#: The actions the gate judges, in code order.
GATE_ACTIONS: tuple[str, ...] = tuple(_core.GATE_ACTIONS)
#: The media of communication a consumer may opt out of (12 CFR 1006.14(h)).
CONTACT_CHANNELS: tuple[str, ...] = tuple(_core.CONTACT_CHANNELS)
#: The statuses of a verdict.
GATE_STATUSES: tuple[str, ...] = tuple(_core.GATE_STATUSES)

_DATE_FIELDS = (
    "opened_on",
    "first_delinquency",
    "defaulted_on",
    "last_payment",
    "last_acknowledgment",
    "charged_off_on",
    "placed_on",
    "first_contact_on",
    "validation_notice_sent_on",
    "settled_on",
    "dispute_received_on",
    "dispute_verified_on",
    "cease_requested_on",
    "bankruptcy_filed_on",
    "bankruptcy_discharged_on",
    "bankruptcy_dismissed_on",
    "deceased_on",
    "breathing_space_started_on",
    "breathing_space_ended_on",
    "identity_theft_reported_on",
    "fraud_discovered_on",
    "default_notice_served_on",
    "letter_of_claim_on",
)
_FLAG_FIELDS = ("debt_buyer", "scra_active_duty", "vulnerable", "attorney_represented", "call_consent")
_TRISTATE_FIELDS = ("open_end", "cca_regulated")
_TEXT_FIELDS = ("jurisdiction", "debt_type", "collector", "breathing_space_kind")
_FIELDS = (
    *_TEXT_FIELDS,
    "other_jurisdictions",
    "time_zones",
    "balance",
    *_DATE_FIELDS,
    *_FLAG_FIELDS,
    *_TRISTATE_FIELDS,
    "bankruptcy_chapter",
    "opted_out",
    "reaged_on",
    "consecutive_minimum_payments",
    "calls",
)

#: The columns ``permitted_columns`` reads (all optional but ``jurisdiction``): the Account
#: fields, with one ``time_zone`` per row instead of ``time_zones``, ``opted_out`` as text
#: ("email text") and ``last_reaged_on`` for the latest re-age.
ACCOUNT_COLUMNS: tuple[str, ...] = (
    "jurisdiction",
    "debt_type",
    "time_zone",
    "collector",
    "breathing_space_kind",
    *_DATE_FIELDS,
    *_FLAG_FIELDS,
    *_TRISTATE_FIELDS,
    "bankruptcy_chapter",
    "opted_out",
    "last_reaged_on",
    "consecutive_minimum_payments",
)


def _date(value: Any, what: str) -> _dt.date | str | None:
    """A date fact: a date, an ISO string, or a midnight pandas/numpy timestamp; None = unknown."""
    if value is None:
        return None
    if isinstance(value, np.datetime64):
        if np.isnat(value):
            return None
        value = value.astype("datetime64[s]").astype(_dt.datetime)
    if isinstance(value, _dt.datetime):
        if value.tzinfo is not None or value.time() != _dt.time(0):
            raise InvalidInputError(
                f"{what}: {value!r} carries a time of day or zone; pass a date (the time would be dropped)",
                id="date.has_time",
            )
        return value.date()
    if isinstance(value, float):
        if value != value:  # NaN from a pandas column: unknown
            return None
        raise FloatInputError(f"{what}: {value!r} is a float, not a date", id="python.float_input")
    if isinstance(value, (_dt.date, str)):
        return value
    raise InvalidInputError(
        f"{what}: expected a date, an ISO date string or None, got {type(value).__name__}",
        id="gate.fact_type",
    )


def _flag(value: Any, what: str) -> bool:
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    raise InvalidInputError(f"{what} must be True or False, got {value!r}", id="gate.fact_type")


def _whole(value: Any, what: str) -> int:
    if isinstance(value, (float, np.floating)):
        raise FloatInputError(
            f"{what} must be a whole number, not a float ({value!r})", id="python.float_input"
        )
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise InvalidInputError(f"{what} must be a whole number, got {value!r}", id="gate.fact_type")
    return int(value)


def _zones(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(z) for z in value]


class Account(AccountFacts):
    """What a collector knows about one account, as the compliance gate reads it.

    Keyword fields (all optional but ``jurisdiction``; a missing date stays unknown, never
    guessed): ``jurisdiction`` ("US-NY", "GB-EAW", ...), ``other_jurisdictions``,
    ``time_zones`` (the consumer's candidate IANA zones; the first counts days), ``debt_type``
    (``rules.DEBT_TYPES``), ``open_end`` (revolving credit; default: open_account is open-end),
    ``collector`` ("debt_collector" or "creditor": the FDCPA binds debt collectors),
    ``balance`` (Money); the dates ``opened_on``, ``first_delinquency``, ``defaulted_on``,
    ``last_payment``, ``last_acknowledgment``, ``charged_off_on``, ``placed_on``,
    ``first_contact_on``, ``validation_notice_sent_on``, ``settled_on``; ``debt_buyer``; the
    events ``dispute_received_on``, ``dispute_verified_on``, ``cease_requested_on``,
    ``bankruptcy_filed_on``, ``bankruptcy_chapter``, ``bankruptcy_discharged_on``,
    ``bankruptcy_dismissed_on``, ``deceased_on``, ``scra_active_duty``,
    ``breathing_space_started_on``, ``breathing_space_kind`` ("standard" or "mental_health"),
    ``breathing_space_ended_on``, ``vulnerable``, ``identity_theft_reported_on``,
    ``fraud_discovered_on``, ``attorney_represented``, ``opted_out`` (``CONTACT_CHANNELS``),
    ``call_consent``, ``calls`` (the telephone log, as ``may_call`` takes it); UK:
    ``cca_regulated``, ``default_notice_served_on``, ``letter_of_claim_on``; re-ageing:
    ``reaged_on`` (dates), ``consecutive_minimum_payments``.

    An unknown field name, a float where a date or count belongs, or a time of day on a date
    raises ``InvalidInputError`` naming the field.
    """

    def __init__(self, *, jurisdiction: str, calls: LogLike | None = None, **fields: Any) -> None:
        super().__init__()
        unknown = sorted(set(fields) - set(_FIELDS))
        if unknown:
            raise InvalidInputError(
                f"unknown account field(s) {', '.join(unknown)}; the fields are: {', '.join(_FIELDS)}",
                id="gate.unknown_field",
            )
        self._fields: dict[str, Any] = {"jurisdiction": jurisdiction, **fields}
        if calls is not None:
            self._fields["calls"] = calls
        if not isinstance(jurisdiction, str):
            raise InvalidInputError(
                f"jurisdiction must be a code such as 'US-NY', got {jurisdiction!r}", id="gate.fact_type"
            )
        self.jurisdiction = jurisdiction
        for name, value in fields.items():
            if name in _DATE_FIELDS:
                setattr(self, name, _date(value, name))
            elif name in _FLAG_FIELDS:
                setattr(self, name, _flag(value, name))
            elif name in _TRISTATE_FIELDS:
                setattr(self, name, None if value is None else _flag(value, name))
            elif name in ("debt_type", "collector", "breathing_space_kind"):
                setattr(self, name, str(value))
            elif name == "time_zones":
                self.time_zones = _zones(value)
            elif name == "other_jurisdictions":
                self.other_jurisdictions = [str(j) for j in (value or ())]
            elif name == "opted_out":
                self.opted_out = value.split() if isinstance(value, str) else [str(c) for c in (value or ())]
            elif name == "reaged_on":
                dates = [_date(d, "reaged_on") for d in (value or ())]
                self.reaged_on = [d for d in dates if d is not None]
            elif name in ("bankruptcy_chapter", "consecutive_minimum_payments"):
                setattr(
                    self,
                    name,
                    None if value is None and name == "bankruptcy_chapter" else _whole(value, name),
                )
            elif name == "balance":
                self.balance = value
        if calls is not None:
            c = _columns(calls)
            self._set_calls(c.utc_seconds, c.outcome, c.consent, c.number)

    def replace(self, **changes: Any) -> Account:
        """A copy with some fields changed: ``acct.replace(cease_requested_on=date(2026, 12, 1))``."""
        return Account(**{**self._fields, **changes})

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self._fields,))

    def __repr__(self) -> str:
        shown = ", ".join(f"{k}={v!r}" for k, v in self._fields.items() if k != "calls")
        calls = f", calls=<{self.call_count} calls>" if self.call_count else ""
        return f"Account({shown}{calls})"


def _rebuild(fields: dict[str, Any]) -> Account:
    return Account(**fields)


def _at(account: AccountFacts, at: _dt.datetime | _dt.date | None) -> int:
    """UTC seconds of the moment judged: an aware datetime; a date = the start of that local day."""
    if at is None:
        return _utc_seconds(_dt.datetime.now(_dt.timezone.utc), "at")
    if isinstance(at, _dt.datetime):
        return _utc_seconds(at, "at")
    if isinstance(at, (_dt.date, str)):
        return int(_core.gate_start_of_local_day(account, at))
    raise InvalidInputError(
        f"at: expected an aware datetime or a date, got {type(at).__name__}", id="gate.time"
    )


def _account(account: Any) -> AccountFacts:
    if not isinstance(account, AccountFacts):
        raise InvalidInputError(
            f"expected a recoup.rules.Account, got {type(account).__name__}", id="gate.fact_type"
        )
    return account


def permitted(
    account: Account,
    action: str,
    at: _dt.datetime | _dt.date | None = None,
    *,
    book: RuleBook | None = None,
) -> ActionVerdict:
    """May ``action`` be taken on ``account`` at ``at``, and if not, from when?

    ``action`` is one of :data:`GATE_ACTIONS`. ``at`` is an aware datetime, or a date (the
    start of that day in the consumer's first time zone, UTC without one), or None for now.
    Returns an ``ActionVerdict`` with ``.status`` ("allowed", "blocked", "allowed_from"),
    ``.allowed``, ``.allowed_from`` (aware UTC datetime or None), ``.reasons`` (each with
    ``.rule_id``, ``.citation``, ``.certainty``, ``.text``, ``.until``), ``.conditions``,
    ``.required_by`` and ``.explain()``. Raises ``InvalidInputError`` (``gate.unknown_action``,
    ``gate.future_fact``, ``gate.event_order``, ``contact.unknown_time_zone``, ...) and
    ``UnknownJurisdictionError`` (``gate.jurisdiction``).
    """
    a = _account(account)
    if not isinstance(action, str):
        raise InvalidInputError(
            f"action must be one of {', '.join(GATE_ACTIONS)}, got {action!r}", id="gate.unknown_action"
        )
    verdict: ActionVerdict = _core.gate_permitted(a, action, _at(a, at), book)
    return verdict


def permitted_actions(
    account: Account,
    at: _dt.datetime | _dt.date | None = None,
    *,
    book: RuleBook | None = None,
) -> dict[str, ActionVerdict]:
    """Every action's verdict at ``at``, as a mapping action name -> ``ActionVerdict`` (in
    :data:`GATE_ACTIONS` order). Same arguments and errors as :func:`permitted`."""
    a = _account(account)
    verdicts = _core.gate_permitted_actions(a, _at(a, at), book)
    return {v.action: v for v in verdicts}


# --- the columnar form ------------------------------------------------------------------------


def _text_column(df: pd.DataFrame, name: str, n: int) -> list[str] | None:
    if name not in df.columns:
        return None
    col = df[name]
    if col.isna().any():
        row = int(np.flatnonzero(col.isna().to_numpy())[0])
        raise InvalidInputError(f"row {row}: {name} is missing", id="columns.missing")
    return [str(v) for v in col.tolist()]


def _bool_column(df: pd.DataFrame, name: str) -> npt.NDArray[np.bool_] | None:
    if name not in df.columns:
        return None
    col = df[name]
    if col.dtype.kind == "b":
        out: npt.NDArray[np.bool_] = col.to_numpy()
        return out
    if col.dtype.kind == "O":
        values = col.tolist()
        for i, v in enumerate(values):
            if not isinstance(v, (bool, np.bool_)):
                raise InvalidInputError(
                    f"row {i}: {name} must be True or False, got {v!r}", id="columns.dtype"
                )
        return np.array(values, dtype=bool)
    raise InvalidInputError(f"{name} must be a boolean column, not {col.dtype}", id="columns.dtype")


def _small_ints(df: pd.DataFrame, name: str, top: int) -> npt.NDArray[np.uint8] | None:
    if name not in df.columns:
        return None
    col = df[name]
    if col.dtype.kind == "f":
        if not col.isna().all() and not np.all(np.isnan(col.to_numpy()) | (col.to_numpy() % 1 == 0)):
            raise FloatInputError(f"{name} must hold whole numbers", id="python.float_input")
        values = col.fillna(0).to_numpy()
    elif col.dtype.kind in "iu":
        values = col.to_numpy()
    else:
        raise InvalidInputError(f"{name} must be an integer column, not {col.dtype}", id="columns.dtype")
    if len(values) and (values.min() < 0 or values.max() > top):
        raise InvalidInputError(f"{name} must be within 0..{top}", id="columns.range")
    return np.ascontiguousarray(values.astype(np.uint8))


def _gate_column_args(
    accounts: pd.DataFrame,
    at: _dt.datetime | _dt.date | None,
    what: str,
    extra: Sequence[str] = ("account_id",),
) -> tuple[Any, ...]:
    """The accounts frame as the columns the C++ gate reads (shared by permitted_columns and
    recoup.portfolio.evaluate): codes, zones, index arrays, flags and day-serial date columns."""
    import pandas as pd

    from .portfolio import _day_serials
    from .rules import DEBT_TYPES, _codes

    if not isinstance(accounts, pd.DataFrame):
        raise InvalidInputError(f"{what} takes a pandas DataFrame of accounts", id="columns.dtype")
    unknown = sorted(set(accounts.columns) - set(ACCOUNT_COLUMNS) - set(extra))
    if unknown:
        raise InvalidInputError(
            f"unknown column(s) {', '.join(map(str, unknown))}; the gate reads: {', '.join(ACCOUNT_COLUMNS)}",
            id="columns.unknown",
        )
    if "jurisdiction" not in accounts.columns:
        raise InvalidInputError("the accounts need a 'jurisdiction' column", id="columns.missing")
    df = accounts
    n = len(df)
    codes, jidx = _codes(df["jurisdiction"], "jurisdiction")
    type_codes = None
    if "debt_type" in df.columns:
        names, tidx = _codes(df["debt_type"], "debt_type", DEBT_TYPES)
        table = np.array([DEBT_TYPES.index(t) for t in names], dtype=np.uint8)
        type_codes = np.ascontiguousarray(table[tidx]) if n else np.zeros(0, np.uint8)
    zones: list[str] = []
    zone_idx = None
    if "time_zone" in df.columns:
        idx, values = pd.factorize(df["time_zone"], use_na_sentinel=True)  # NA -> -1
        zones = [str(z) for z in values]
        zone_idx = np.ascontiguousarray(idx.astype(np.int32))
    bits = _core.GATE_FACT_BITS
    flags = np.zeros(n, dtype=np.uint32)
    for name in ("debt_buyer", "attorney_represented", "scra_active_duty", "vulnerable", "call_consent"):
        b = _bool_column(df, name)
        if b is not None:
            flags |= np.where(b, np.uint32(bits[name]), np.uint32(0))
    if "open_end" in df.columns:
        col = df["open_end"]
        known = ~col.isna().to_numpy()
        flags |= np.where(known, np.uint32(bits["known_credit_kind"]), np.uint32(0))
        flags |= np.where(
            known & (col.fillna(False).to_numpy(dtype=bool)), np.uint32(bits["open_end"]), np.uint32(0)
        )
    if "cca_regulated" in df.columns:
        col = df["cca_regulated"]
        flags |= np.where(
            col.eq(False).to_numpy(dtype=bool), np.uint32(bits["not_cca_regulated"]), np.uint32(0)
        )
    collectors = _text_column(df, "collector", n)
    if collectors is not None:
        for i, c in enumerate(collectors):
            if c not in ("debt_collector", "creditor"):
                raise InvalidInputError(
                    f"row {i}: collector {c!r} is not 'debt_collector' or 'creditor'", id="gate.unknown_role"
                )
        flags |= np.where(np.array(collectors) == "creditor", np.uint32(bits["creditor"]), np.uint32(0))
    kinds = _text_column(df, "breathing_space_kind", n)
    if kinds is not None:
        for i, k in enumerate(kinds):
            if k not in ("standard", "mental_health"):
                raise InvalidInputError(
                    f"row {i}: breathing_space_kind {k!r} is not 'standard' or 'mental_health'",
                    id="notices.unknown_option",
                )
        flags |= np.where(
            np.array(kinds) == "mental_health", np.uint32(bits["mental_health_breathing_space"]), np.uint32(0)
        )
    opted = None
    if "opted_out" in df.columns:
        opted = np.zeros(n, dtype=np.uint8)
        for i, v in enumerate(df["opted_out"].tolist()):
            if v is None or (isinstance(v, float) and v != v):
                continue
            for c in v.split() if isinstance(v, str) else v:
                if c not in CONTACT_CHANNELS:
                    raise InvalidInputError(
                        f"row {i}: opted_out channel {c!r} is not one of {', '.join(CONTACT_CHANNELS)}",
                        id="gate.unknown_channel",
                    )
                opted[i] |= 1 << CONTACT_CHANNELS.index(c)
    dates: dict[str, npt.NDArray[np.int32]] = {}
    for name in (*_DATE_FIELDS, "last_reaged_on"):
        if name in df.columns and name != "placed_on":
            serials = _day_serials(df[name], name)
            dates[name] = np.ascontiguousarray(
                np.where(serials == np.iinfo(np.int64).min, np.iinfo(np.int32).min, serials).astype(np.int32)
            )
    if at is None or isinstance(at, _dt.datetime):
        at_s = np.array([_utc_seconds(at or _dt.datetime.now(_dt.timezone.utc), "at")], dtype=np.int64)
    else:
        at_s = np.array([int(_core.gate_start_of_local_day(AccountFacts(), at))], dtype=np.int64)
    return (
        codes,
        zones,
        np.ascontiguousarray(jidx.astype(np.uint16)),
        type_codes,
        at_s,
        flags,
        opted,
        zone_idx,
        _small_ints(df, "bankruptcy_chapter", 13),
        _small_ints(df, "consecutive_minimum_payments", 255),
        dates,
    )


def permitted_columns(
    accounts: pd.DataFrame,
    at: _dt.datetime | _dt.date | None = None,
    *,
    actions: Sequence[str] | None = None,
    errors: Literal["raise", "collect"] = "raise",
    book: RuleBook | None = None,
) -> pd.DataFrame:
    """The gate over a whole book in one C++ pass (GIL released): one row per account.

    ``accounts`` is a DataFrame with the columns of :data:`ACCOUNT_COLUMNS` (``jurisdiction``
    required; dates as ``datetime64``, dates or ISO text with NaT/None for unknown; flags
    boolean; ``time_zone`` one IANA zone per row or missing). ``at`` is one aware datetime (or
    a date: UTC midnight). For each action ``a`` of ``actions`` (default all) the result has
    ``a`` (the status text), ``a_from`` (the first allowed instant, UTC, NaT unless
    "allowed_from") and ``a_rule`` (the gate rule that decided, None when allowed); charge_off
    and validation_notice also get ``a_required_by``. With ``errors="collect"`` a bad row is
    reported in ``error_id`` / ``error_message`` (its actions "blocked") instead of raising.
    The statuses and instants are those of :func:`permitted`, without the explanations.
    """
    import pandas as pd

    if errors not in ("raise", "collect"):
        raise InvalidInputError(
            f"errors must be 'raise' or 'collect', got {errors!r}", id="columns.errors_mode"
        )
    args = _gate_column_args(accounts, at, "permitted_columns")
    df = accounts
    n = len(df)
    wanted = list(actions) if actions is not None else list(GATE_ACTIONS)
    for a in wanted:
        if a not in GATE_ACTIONS:
            raise InvalidInputError(
                f"action {a!r} is not one of: {', '.join(GATE_ACTIONS)}", id="gate.unknown_action"
            )
    status, start, reason, required, rule_ids, errs = _core.gate_columns(  # type: ignore[call-arg]
        *args, wanted, book, errors == "collect"
    )
    out: dict[str, Any] = {}
    status_names = np.array(GATE_STATUSES, dtype=object)
    ids = np.array([None, *rule_ids], dtype=object)
    for col, a in enumerate(wanted):
        out[a] = pd.Categorical(status_names[status[:, col]], categories=list(GATE_STATUSES))
        s = start[:, col]
        out[f"{a}_from"] = pd.to_datetime(
            np.where(s == np.iinfo(np.int64).min, np.datetime64("NaT"), s.astype("datetime64[s]")), utc=True
        )
        out[f"{a}_rule"] = ids[reason[:, col] + 1]
        if a in ("charge_off", "validation_notice"):
            r = required[:, col].astype(np.int64)
            out[f"{a}_required_by"] = np.where(
                r == np.iinfo(np.int32).min, np.datetime64("NaT"), r.astype("datetime64[D]")
            )
    result = pd.DataFrame(out, index=df.index)
    if "account_id" in df.columns:
        result.insert(0, "account_id", df["account_id"].to_numpy())
    if errors == "collect":
        _attach_errors(result, errs, n)
    return result


def _attach_errors(result: pd.DataFrame, errs: tuple[Any, Any, Any], n: int) -> None:
    """Adds ``error_id`` and ``error_message`` (None for good rows) from a batch call's
    ``(rows, ids, messages)``."""
    rows, err_ids, messages = errs
    eid = np.full(n, None, dtype=object)
    msg = np.full(n, None, dtype=object)
    eid[rows] = err_ids
    msg[rows] = messages
    result["error_id"] = eid
    result["error_message"] = msg
