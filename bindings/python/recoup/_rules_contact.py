"""Reg F telephone contact checks: may a collector call this person about this debt now?

Re-exported from ``recoup.rules``. Two entry points over one C++ kernel:

``may_call(log, at, time_zones, jurisdiction)`` answers for one person and one debt: allowed
or not, the reasons (which rule, which calls, which conversation, which zone), the rules with
their citations, and ``next_allowed``, the earliest allowed instant at or after ``at``.

    >>> from datetime import datetime, timezone
    >>> from recoup._rules_contact import CallRecord, may_call
    >>> utc = timezone.utc
    >>> log = [CallRecord(datetime(2026, 4, 6, 14, 0, tzinfo=utc), "connected_conversation")]
    >>> v = may_call(log, datetime(2026, 4, 8, 14, 0, tzinfo=utc), ["America/New_York"])
    >>> v.allowed, v.next_allowed
    (False, datetime.datetime(2026, 4, 13, 12, 0, tzinfo=datetime.timezone.utc))
    >>> v.reasons[0].kind, v.rule_id
    ('post_conversation_wait', 'contact.post_conversation_wait_days')

``check_call_log(log, time_zone=...)`` flags every call of a whole log (any number of people
and debts, any order) in one pass: counted, over the federal limit, inside the wait, outside
the hours, over a state limit.

Times are aware datetimes (or tz-aware pandas columns, or int64 ``utc_seconds``); a naive
datetime is refused (``InvalidInputError``, id ``contact.naive_time``): the rules are about the
consumer's local time, so a time without a zone cannot be judged.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Union

import numpy as np
import numpy.typing as npt

from . import _core
from ._core import ContactReason, ContactVerdict, RuleBook
from ._errors import InvalidInputError

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "CALL_OUTCOMES",
    "NUMBER_KINDS",
    "CallLogFlags",
    "CallRecord",
    "ContactReason",
    "ContactVerdict",
    "check_call_log",
    "may_call",
]

#: Call outcomes, by code: a conversation starts the wait; unanswered and voicemail calls count;
#: not_connected calls (busy, number not in service) are excluded from every limit.
CALL_OUTCOMES: tuple[str, ...] = tuple(_core.CALL_OUTCOMES)
#: Kinds of number dialled, by code (Massachusetts limits them separately).
NUMBER_KINDS: tuple[str, ...] = tuple(_core.NUMBER_KINDS)

_EPOCH = _dt.datetime(1970, 1, 1, tzinfo=_dt.timezone.utc)
_SECOND = _dt.timedelta(seconds=1)

# The bits of the flags column written by the C++ kernel (recoup::rules::call_flag).
_COUNTED, _OVER_LIMIT, _IN_WAIT, _OUTSIDE_HOURS, _OVER_STATE_LIMIT = 1, 2, 4, 8, 16


@dataclass(frozen=True)
class CallRecord:
    """One telephone call already placed.

    ``at`` is an aware datetime; ``outcome`` one of ``CALL_OUTCOMES``; ``excluded_by_consent``
    marks a call placed with the person's direct prior consent (excluded for at most 7 days after
    the consent, 12 CFR 1006.14(b)(3)(i): the caller keeps track of that window);
    ``number_kind`` is ``"personal"`` or ``"other"``; ``person`` and ``debt`` are any ids.
    """

    at: _dt.datetime
    outcome: str = "unanswered"
    excluded_by_consent: bool = False
    number_kind: str = "personal"
    person: Hashable = 0
    debt: Hashable = 0


LogLike = Union[Iterable[Union[CallRecord, Sequence[Any]]], Mapping[str, Any], "pd.DataFrame"]


def _utc_seconds(value: object, what: str) -> int:
    """Seconds since 1970 (UTC) of an aware datetime, exactly."""
    if not isinstance(value, _dt.datetime):
        raise InvalidInputError(
            f"{what}: expected an aware datetime.datetime, got {type(value).__name__}",
            id="contact.naive_time",
        )
    if value.tzinfo is None or value.utcoffset() is None:
        raise InvalidInputError(
            f"{what}: {value.isoformat()} is a naive datetime; give an aware one "
            "(tzinfo=datetime.timezone.utc, or a zoneinfo.ZoneInfo of the zone it was recorded in)",
            id="contact.naive_time",
        )
    seconds: int = (value - _EPOCH) // _SECOND
    return seconds


def _time_column(values: Any, what: str) -> npt.NDArray[np.int64]:
    """An int64 column of UTC seconds from a tz-aware pandas column or aware datetimes."""
    dtype = getattr(values, "dtype", None)
    if getattr(dtype, "tz", None) is not None and hasattr(values, "dt"):  # tz-aware pandas Series
        naive_utc = values.dt.tz_convert("UTC").dt.tz_localize(None)
        out: npt.NDArray[np.int64] = naive_utc.to_numpy(dtype="datetime64[s]").astype(np.int64)
        return out
    if dtype is not None and np.dtype(dtype).kind == "M":
        raise InvalidInputError(
            f"{what}: datetime64 values carry no time zone; localize them (pandas: "
            ".dt.tz_localize('UTC')) or pass int64 seconds since 1970 UTC as 'utc_seconds'",
            id="contact.naive_time",
        )
    items = list(values)
    return np.array([_utc_seconds(v, f"{what} row {i}") for i, v in enumerate(items)], dtype=np.int64)


def _codes(values: Any, names: tuple[str, ...], what: str, error_id: str) -> npt.NDArray[np.uint8]:
    """Codes 0..len(names)-1 from names (str) or integer codes."""
    arr = np.asarray(values)
    if arr.dtype.kind in "iu":
        bad = np.flatnonzero((arr < 0) | (arr >= len(names)))
        if bad.size:
            raise InvalidInputError(
                f"{what} row {int(bad[0])}: code {arr[bad[0]]} is not 0..{len(names) - 1} "
                f"({', '.join(names)})",
                id=error_id,
            )
        return arr.astype(np.uint8)
    if arr.size == 0:
        return np.zeros(0, dtype=np.uint8)
    text = arr.astype(str)
    uniques, inverse = np.unique(text, return_inverse=True)
    table = np.empty(len(uniques), dtype=np.uint8)
    for i, name in enumerate(uniques):
        if name not in names:
            row = int(np.flatnonzero(text == name)[0])
            raise InvalidInputError(
                f"{what} row {row}: '{name}' is not one of {', '.join(names)}", id=error_id
            )
        table[i] = names.index(str(name))
    out: npt.NDArray[np.uint8] = table[inverse.reshape(-1)]
    return out


def _ids(values: Any) -> npt.NDArray[np.int64]:
    """int64 ids: integers as they are, anything else numbered by first appearance."""
    arr = np.asarray(values)
    if arr.dtype.kind in "iu":
        return arr.astype(np.int64)
    seen: dict[Any, int] = {}
    return np.array([seen.setdefault(v, len(seen)) for v in arr.tolist()], dtype=np.int64)


def _flag_column(values: Any, n: int) -> npt.NDArray[np.uint8]:
    arr = np.asarray(values)
    if arr.shape != (n,):
        raise InvalidInputError(
            f"excluded_by_consent has {arr.size} rows, the log {n}", id="contact.batch_shape"
        )
    return arr.astype(bool).astype(np.uint8)


@dataclass
class _Columns:
    person: npt.NDArray[np.int64]
    debt: npt.NDArray[np.int64]
    utc_seconds: npt.NDArray[np.int64]
    outcome: npt.NDArray[np.uint8]
    consent: npt.NDArray[np.uint8]
    number: npt.NDArray[np.uint8]
    zone_names: list[str] = field(default_factory=list)
    zone: npt.NDArray[np.int32] | None = None
    index: Any = None


def _is_table(log: object) -> bool:
    return isinstance(log, Mapping) or (hasattr(log, "columns") and hasattr(log, "__getitem__"))


def _columns(log: LogLike) -> _Columns:
    """The log as columns, from a DataFrame / mapping of columns or from records."""
    if _is_table(log):
        table: Any = log
        names = set(table.columns) if hasattr(table, "columns") else set(table.keys())
        known = {
            "person",
            "debt",
            "time",
            "utc_seconds",
            "outcome",
            "excluded_by_consent",
            "number_kind",
            "time_zone",
        }
        unknown = sorted(str(c) for c in names - known)
        if unknown:
            raise InvalidInputError(
                f"unknown call-log column(s) {unknown}: expected {sorted(known)}", id="contact.column"
            )
        if "time" in names:
            utc = _time_column(table["time"], "time")
        elif "utc_seconds" in names:
            raw = np.asarray(table["utc_seconds"])
            if raw.dtype.kind not in "iu":
                raise InvalidInputError(
                    f"utc_seconds must be integer seconds since 1970 UTC, got dtype {raw.dtype}",
                    id="contact.column",
                )
            utc = raw.astype(np.int64)
        else:
            raise InvalidInputError(
                "the call log needs a 'time' (aware) or 'utc_seconds' column", id="contact.column"
            )
        if "outcome" not in names:
            raise InvalidInputError("the call log needs an 'outcome' column", id="contact.column")
        n = len(utc)
        cols = _Columns(
            person=_ids(table["person"]) if "person" in names else np.zeros(n, dtype=np.int64),
            debt=_ids(table["debt"]) if "debt" in names else np.zeros(n, dtype=np.int64),
            utc_seconds=utc,
            outcome=_codes(table["outcome"], CALL_OUTCOMES, "outcome", "contact.outcome"),
            consent=_flag_column(table["excluded_by_consent"], n)
            if "excluded_by_consent" in names
            else np.zeros(n, dtype=np.uint8),
            number=_codes(table["number_kind"], NUMBER_KINDS, "number_kind", "contact.number_kind")
            if "number_kind" in names
            else np.zeros(n, dtype=np.uint8),
            index=getattr(table, "index", None),
        )
        if "time_zone" in names:
            zones = np.asarray(table["time_zone"]).astype(str)
            uniques, inverse = np.unique(zones, return_inverse=True)
            cols.zone_names = [str(z) for z in uniques]
            cols.zone = inverse.reshape(-1).astype(np.int32)
        return cols

    records: list[CallRecord] = []
    for i, item in enumerate(log):
        if isinstance(item, CallRecord):
            records.append(item)
        elif isinstance(item, Sequence) and not isinstance(item, str) and 2 <= len(item) <= 4:
            records.append(CallRecord(*item))
        else:
            raise InvalidInputError(
                f"call {i}: expected a CallRecord or a tuple "
                f"(at, outcome[, excluded_by_consent[, number_kind]]), got {item!r}",
                id="contact.column",
            )
    n = len(records)
    return _Columns(
        person=_ids([r.person for r in records]) if n else np.zeros(0, dtype=np.int64),
        debt=_ids([r.debt for r in records]) if n else np.zeros(0, dtype=np.int64),
        utc_seconds=np.array(
            [_utc_seconds(r.at, f"call {i}") for i, r in enumerate(records)], dtype=np.int64
        ),
        outcome=_codes([r.outcome for r in records], CALL_OUTCOMES, "outcome", "contact.outcome"),
        consent=np.array([bool(r.excluded_by_consent) for r in records], dtype=np.uint8),
        number=_codes([r.number_kind for r in records], NUMBER_KINDS, "number_kind", "contact.number_kind"),
    )


def may_call(
    log: LogLike,
    at: _dt.datetime,
    time_zones: str | Sequence[str],
    jurisdiction: str = "US",
    *,
    number_kind: str = "personal",
    with_consent: bool = False,
    search_days: int = 400,
    book: RuleBook | None = None,
) -> ContactVerdict:
    """Whether a telephone call to one person about one debt may be placed at ``at``.

    ``log``: the calls already placed to that person about that debt, in any order: ``CallRecord``
    objects, tuples ``(at, outcome[, excluded_by_consent[, number_kind]])``, or a DataFrame /
    mapping of columns (``time`` or ``utc_seconds``, ``outcome``, optional ``person``, ``debt``,
    ``excluded_by_consent``, ``number_kind``). ``at``: an aware datetime. ``time_zones``: the
    consumer's candidate IANA zones (address, phone area code, ...): the call must be inside
    the convenient hours in every one; days are counted in the first. ``jurisdiction``: ``"US"``
    or a state (``"US-MA"``, ``"US-WA"``): the state's overlay applies on top of the federal
    rules and the stricter figure wins. ``number_kind`` is the number about to be dialled;
    ``with_consent`` marks a call placed with the person's direct prior consent (not counted).
    ``book``: a ``RuleBook`` with override packs (``recoup.rules.load_pack``); default built-in.

    Returns a ``ContactVerdict``: ``allowed``, ``reasons``, ``next_allowed`` (aware UTC datetime,
    or None when nothing is allowed within ``search_days``), ``rule_id``, ``citation``,
    ``explain()``. Raises ``InvalidInputError`` (``contact.unknown_time_zone``,
    ``contact.no_time_zone``, ``contact.naive_time``, ``contact.mixed_log``) and
    ``UnknownJurisdictionError`` (``contact.jurisdiction``).
    """
    zones = [time_zones] if isinstance(time_zones, str) else [str(z) for z in time_zones]
    at_seconds = _utc_seconds(at, "at")
    c = _columns(log)
    if c.zone is not None:
        raise InvalidInputError(
            "may_call takes the candidate zones as time_zones=[...], not a time_zone column",
            id="contact.column",
        )
    verdict: ContactVerdict = _core.contact_may_call(
        c.person,
        c.debt,
        c.utc_seconds,
        c.outcome,
        c.consent,
        c.number,
        at_seconds,
        zones,
        jurisdiction=jurisdiction,
        kind=number_kind,
        with_consent=with_consent,
        search_days=search_days,
        book=book,
    )
    return verdict


@dataclass(frozen=True)
class CallLogFlags:
    """Per-call flags of ``check_call_log``, in the log's row order (numpy arrays).

    ``counted``: counts toward the federal 7-in-7; ``over_limit``: the 8th or later counted call
    to the person about the debt within 7 consecutive local days (presumed violation);
    ``in_wait``: placed inside the 7 days after a conversation (the conversation's day is day 1);
    ``outside_hours``: outside 08:00-21:00 local (the stricter state hours where they apply);
    ``over_state_limit``: over the jurisdiction's own frequency limit; ``window_count``: counted
    calls in the 7 days ending with the call (0 when not counted); ``flags``: the raw bit set.
    """

    counted: npt.NDArray[np.bool_]
    over_limit: npt.NDArray[np.bool_]
    in_wait: npt.NDArray[np.bool_]
    outside_hours: npt.NDArray[np.bool_]
    over_state_limit: npt.NDArray[np.bool_]
    window_count: npt.NDArray[np.int32]
    flags: npt.NDArray[np.uint8]
    index: Any = None

    def __len__(self) -> int:
        return len(self.flags)

    @property
    def violation(self) -> npt.NDArray[np.bool_]:
        """Any of over_limit, in_wait, outside_hours, over_state_limit."""
        out: npt.NDArray[np.bool_] = (
            self.flags & (_OVER_LIMIT | _IN_WAIT | _OUTSIDE_HOURS | _OVER_STATE_LIMIT)
        ) != 0
        return out

    def to_pandas(self) -> pd.DataFrame:
        """A DataFrame of the flags (the input DataFrame's index when there was one)."""
        import pandas as pd

        return pd.DataFrame(
            {
                "counted": self.counted,
                "over_limit": self.over_limit,
                "in_wait": self.in_wait,
                "outside_hours": self.outside_hours,
                "over_state_limit": self.over_state_limit,
                "window_count": self.window_count,
            },
            index=self.index,
        )


def check_call_log(
    log: LogLike,
    time_zone: str | None = None,
    *,
    jurisdiction: str = "US",
    as_of: _dt.date | str | None = None,
    book: RuleBook | None = None,
) -> CallLogFlags:
    """Flags every call of a whole call log: many people and debts, any order, one C++ pass.

    ``log``: a DataFrame or mapping of columns ``person``, ``debt`` (any ids; default one
    person and debt), ``time`` (tz-aware) or ``utc_seconds`` (int64), ``outcome`` (names of
    ``CALL_OUTCOMES`` or their codes), optional ``excluded_by_consent``, ``number_kind`` and
    ``time_zone`` (one IANA zone per row); or records as for ``may_call``. ``time_zone``: the zone
    of every row when the log has no ``time_zone`` column. ``as_of``: the date whose rule versions
    apply (default: the UTC date of the latest call); ``book`` as for ``may_call``. Returns
    ``CallLogFlags``.
    """
    c = _columns(log)
    zones = c.zone_names if c.zone is not None else ([time_zone] if time_zone is not None else [])
    flags, count = _core.contact_check_call_log(
        c.person,
        c.debt,
        c.utc_seconds,
        c.outcome,
        zones,
        excluded_by_consent=c.consent,
        number_kind=c.number,
        zone=c.zone,
        jurisdiction=jurisdiction,
        as_of=as_of,
        book=book,
    )
    f: npt.NDArray[np.uint8] = flags
    return CallLogFlags(
        counted=(f & _COUNTED) != 0,
        over_limit=(f & _OVER_LIMIT) != 0,
        in_wait=(f & _IN_WAIT) != 0,
        outside_hours=(f & _OUTSIDE_HOURS) != 0,
        over_state_limit=(f & _OVER_STATE_LIMIT) != 0,
        window_count=count,
        flags=f,
        index=c.index,
    )
