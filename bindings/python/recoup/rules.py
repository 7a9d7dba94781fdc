"""Rule checks of debt collection: limitation periods, credit reporting, contact limits, notice
periods, garnishment caps, statutory interest and tax reporting, from rule packs (data) with
citations and effective dates.

Every check takes an ``as_of`` date, uses the version of each rule in force on that date and
returns a verdict: the answer's fields plus ``.rule_id``, ``.citation``, ``.version``,
``.certainty``, ``.rules`` (every rule version used) and ``.explain()``.

    >>> import datetime
    >>> from recoup import rules
    >>> v = rules.limitation(jurisdiction="US-TX", debt_type="open_account",
    ...                      defaulted_on=datetime.date(2021, 3, 15), as_of=datetime.date(2026, 11, 23))
    >>> v.status, v.expires_on
    ('expired', datetime.date(2025, 3, 15))
    >>> v.citation
    'Tex. Civ. Prac. & Rem. Code § 16.004(c)'

The figures live in TOML rule packs (``data/rules/``, compiled into the library). A compliance
team overrides or extends them without rebuilding anything::

    book = rules.load_pack("acme-overrides.toml")      # the built-in packs + this file
    rules.limitation(..., book=book)

and lists them as a table with :func:`table` (a pandas DataFrame).
"""

from __future__ import annotations

import datetime
import os
from typing import TYPE_CHECKING, Any, Union

import numpy as np
import numpy.typing as npt

from . import _core
from ._core import LimitationVerdict, PackInfo, RuleBook, RuleEntry, RuleReference, RulesAudit, Verdict
from ._errors import InvalidInputError
from .portfolio import _day_serials, _is_scalar_date, _one_date

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "DEBT_TYPES",
    "LIMITATION_FLAGS",
    "LIMITATION_STATUSES",
    "LimitationVerdict",
    "PackInfo",
    "RuleBook",
    "RuleEntry",
    "RuleReference",
    "RulesAudit",
    "Verdict",
    "audit",
    "builtin_book",
    "is_jurisdiction_code",
    "limitation",
    "limitation_columns",
    "load_pack",
    "parent_jurisdiction",
    "rule",
    "table",
]

#: The debt types limitation statutes distinguish (``limitation.<type>`` rule ids), from the
#: C++ table (recoup::rules::debt_type), in code order.
DEBT_TYPES: tuple[str, ...] = tuple(_core.DEBT_TYPES)
#: Codes of the ``status`` column of :func:`limitation_columns` (recoup::rules::limitation_status).
LIMITATION_STATUSES: tuple[str, ...] = tuple(_core.LIMITATION_STATUSES)
#: Bits of the ``flags`` column of :func:`limitation_columns` (recoup::rules::limitation_flag_names).
LIMITATION_FLAGS: dict[str, int] = dict(_core.LIMITATION_FLAGS)

_NO_DATE = np.iinfo(np.int32).min
_NAT = np.iinfo(np.int64).min

DateLike = Union[datetime.date, str]


def builtin_book() -> RuleBook:
    """The built-in rule packs (shared and immutable)."""
    return RuleBook.builtin()


def load_pack(path: Union[str, os.PathLike[str]], book: RuleBook | None = None) -> RuleBook:
    """A new book: ``book`` (default: the built-in packs) plus the pack in ``path``.

    A later pack replaces every version of each (jurisdiction, rule id) it defines; a pack with
    the id of one already loaded replaces it entirely. A broken file raises RulePackError naming
    the file, the line and the key; ``book`` itself is never changed.
    """
    out = RuleBook(defaults=True) if book is None else book.__copy__()
    out.load_file(os.fspath(path))
    return out


def audit(
    as_of: DateLike | None = None, *, within_days: int = 90, book: RuleBook | None = None
) -> RulesAudit:
    """Audits every figure of ``book`` (default: the built-in packs) as of ``as_of`` (default:
    today): certainty counts by pack and jurisdiction, the domains the figures were checked at
    (official, mirror, secondary), every dated table's horizon with those ending within
    ``within_days`` flagged (``.attention``), and every unverified or contested figure with its
    note. ``.to_text()`` is what ``recoup rules audit`` prints; ``.to_dict()`` is its JSON.

        >>> a = audit("2026-12-07")
        >>> a.certainty["total"] == len(builtin_book().entries())
        True
        >>> sorted(a.to_dict())[:3]
        ['as_of', 'certainty', 'horizons']

    A question about a date past a table's horizon raises RuleNotInForceError.
    """
    if isinstance(within_days, bool) or not isinstance(within_days, int):
        raise InvalidInputError(
            f"within_days must be a whole number of days, not {within_days!r}", id="audit.within_days"
        )
    day = datetime.date.today() if as_of is None else as_of
    return _core.rules_audit(day, within_days, book)


def is_jurisdiction_code(code: str) -> bool:
    """True for "US", "US-TX" (the 50 states and DC), "GB", "GB-EAW", "GB-SCT", "GB-NIR", "EU",
    an EU member state ("DE") or a code of the same form for a user pack ("CA-ON")."""
    return bool(_core.rules_is_jurisdiction_code(code))


def parent_jurisdiction(code: str) -> str:
    """The jurisdiction whose rules also apply: "US-TX" -> "US", "GB-EAW" -> "GB", "DE" -> "EU"."""
    return str(_core.rules_parent_jurisdiction(code))


def rule(jurisdiction: str, rule_id: str, as_of: DateLike, *, book: RuleBook | None = None) -> RuleEntry:
    """The version of one rule in force on ``as_of``: UnknownJurisdictionError for an unknown
    jurisdiction or rule, RuleNotInForceError when the rule exists but no version covers the date
    (the message lists what there is and, past a table's end, how to load a newer pack)."""
    return (book or builtin_book()).at(jurisdiction, rule_id, as_of)


def limitation(
    jurisdiction: str,
    debt_type: str,
    *,
    as_of: DateLike,
    last_payment: DateLike | None = None,
    defaulted_on: DateLike | None = None,
    last_acknowledgment: DateLike | None = None,
    charged_off_on: DateLike | None = None,
    debt_buyer: bool = False,
    book: RuleBook | None = None,
) -> LimitationVerdict:
    """The limitation verdict for one debt: ``.expires_on``, ``.status`` ("running", "expired",
    "unknown"), whether a payment now would restart (``.payment_now_restarts``) or revive
    (``.payment_now_revives``) it, extinguishment, contested classifications, and the citation.

    The period runs from the default (the breach); a payment or written acknowledgment while it
    runs restarts it where the jurisdiction says so. For ``debt_type="judgment"`` pass the day
    the judgment was entered as ``defaulted_on``. Without ``defaulted_on`` the last payment
    stands in for it (``.start_is_lower_bound``: the true expiry is no earlier); with neither the
    status is "unknown" -- nothing is guessed.
    """
    return _core.rules_limitation(
        jurisdiction,
        debt_type,
        defaulted_on,
        last_payment,
        last_acknowledgment,
        charged_off_on,
        bool(debt_buyer),
        as_of,
        builtin_book() if book is None else book,
    )


def _serials32(values: Any, what: str, n: int) -> npt.NDArray[np.int32]:
    serials = _day_serials(values, what)
    if serials.shape[0] != n:
        raise InvalidInputError(f"{what} has {serials.shape[0]} rows, expected {n}", id="columns.shape")
    missing = serials == _NAT
    if serials.size and (
        int(serials.max()) > 2932896 or int(np.min(serials, where=~missing, initial=0)) < -719162
    ):
        raise InvalidInputError(f"{what}: a date is outside 0001..9999", id="date.out_of_range")
    out = serials.astype(np.int32)  # in range now: exact
    out[missing] = _NO_DATE
    return out


def _factorize(values: Any, what: str) -> tuple[list[Any], npt.NDArray[np.intp]]:
    """(distinct values, the index of each row's value; -1 for a missing one). A pandas
    categorical gives its codes as they are; other columns are hashed with pandas.factorize when
    pandas is installed (fast on text), else sorted with numpy.unique."""
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - pandas is in the report and test extras
        pd = None
    if pd is not None:
        cat = values.array if isinstance(values, pd.Series) else values
        if isinstance(cat, pd.Categorical):
            return list(cat.categories), np.asarray(cat.codes, dtype=np.intp)
    arr = np.asarray(values, dtype=object) if not isinstance(values, np.ndarray) else values
    if arr.ndim != 1:
        raise InvalidInputError(f"{what} must be a one-dimensional column", id="columns.shape")
    if arr.dtype.kind == "f":
        raise InvalidInputError(f"{what} must be text codes, not {arr.dtype}", id="columns.dtype")
    if pd is not None:
        codes, uniques = pd.factorize(arr, use_na_sentinel=True)
        return list(uniques), np.asarray(codes, dtype=np.intp)
    if arr.size and any(v is None for v in arr.tolist()):
        row = next(i for i, v in enumerate(arr.tolist()) if v is None)
        raise InvalidInputError(f"{what} row {row}: missing value", id="columns.missing")
    uniques, inverse = np.unique(arr.astype(str), return_inverse=True)
    return list(uniques), np.asarray(inverse, dtype=np.intp).reshape(-1)


def _codes(values: Any, what: str, allowed: tuple[str, ...] | None = None) -> tuple[list[str], Any]:
    """(the distinct codes used, each row's index into them). Refuses missing values, values that
    are not text, and (with ``allowed``) values outside it, naming the first bad row."""
    uniques, index = _factorize(values, what)
    if index.size and int(index.min()) < 0:
        row = int(np.flatnonzero(index < 0)[0])
        raise InvalidInputError(f"{what} row {row}: missing value", id="columns.missing")
    used = np.bincount(index, minlength=len(uniques)) > 0 if index.size else np.zeros(len(uniques), bool)
    names: list[str] = []
    remap = np.full(len(uniques), -1, dtype=np.intp)
    for k, value in enumerate(uniques):
        if not used[k]:
            continue  # an unused category of a categorical
        if not isinstance(value, str):
            row = int(np.flatnonzero(index == k)[0])
            raise InvalidInputError(f"{what} row {row}: {value!r} is not a text code", id="columns.dtype")
        if allowed is not None and value not in allowed:
            row = int(np.flatnonzero(index == k)[0])
            raise InvalidInputError(
                f"{what} row {row}: unknown value {value!r} (expected one of {', '.join(allowed)})",
                id="limitation.debt_type",
            )
        remap[k] = len(names)
        names.append(value)
    return names, remap[index] if index.size else index


def limitation_columns(
    jurisdiction: Any,
    debt_type: Any,
    *,
    as_of: Any,
    last_payment: Any = None,
    defaulted_on: Any = None,
    last_acknowledgment: Any = None,
    charged_off_on: Any = None,
    debt_buyer: Any = None,
    book: RuleBook | None = None,
) -> dict[str, npt.NDArray[Any]]:
    """Limitation verdicts for whole columns (one C++ pass, GIL released, no Python per row):
    the same answers as :func:`limitation` without the explanation.

    ``jurisdiction`` and ``debt_type`` are text columns; dates are ``datetime64[D]`` (NaT =
    unknown), date objects or ISO strings; ``as_of`` is one date or a column. Returns
    ``expires_on`` (``datetime64[D]``, NaT when unknown), ``status`` (codes into
    :data:`LIMITATION_STATUSES`) and ``flags`` (bits of :data:`LIMITATION_FLAGS`).

        >>> import numpy as np
        >>> out = limitation_columns(["US-TX", "US-NY"], ["open_account", "open_account"],
        ...                          last_payment=np.array(["2021-03-15", "2025-01-10"], "datetime64[D]"),
        ...                          as_of="2026-11-23")
        >>> out["expires_on"]
        array(['2025-03-15', '2028-01-10'], dtype='datetime64[D]')
        >>> [LIMITATION_STATUSES[s] for s in out["status"]]
        ['expired', 'running']
    """
    codes, jidx = _codes(jurisdiction, "jurisdiction")
    n = int(jidx.shape[0])
    if len(codes) > 65535:
        raise InvalidInputError("more than 65535 distinct jurisdictions", id="columns.shape")
    type_names, tidx = _codes(debt_type, "debt_type", DEBT_TYPES)
    if tidx.shape[0] != n:
        raise InvalidInputError(f"debt_type has {tidx.shape[0]} rows, expected {n}", id="columns.shape")
    type_table = np.array([DEBT_TYPES.index(t) for t in type_names], dtype=np.uint8)
    type_codes = type_table[tidx] if n else np.zeros(0, np.uint8)
    none = np.full(n, _NO_DATE, dtype=np.int32)
    defaulted = none if defaulted_on is None else _serials32(defaulted_on, "defaulted_on", n)
    payment = none if last_payment is None else _serials32(last_payment, "last_payment", n)
    ack = None if last_acknowledgment is None else _serials32(last_acknowledgment, "last_acknowledgment", n)
    charge = None if charged_off_on is None else _serials32(charged_off_on, "charged_off_on", n)
    buyer = None
    if debt_buyer is not None:
        b = np.asarray(debt_buyer)
        if b.dtype.kind not in "biu" or b.shape != (n,):
            raise InvalidInputError(f"debt_buyer must be a boolean column of {n} rows", id="columns.shape")
        buyer = np.ascontiguousarray(b.astype(np.uint8))
    if _is_scalar_date(as_of):
        ref = np.array([_one_date(as_of, "as_of")], dtype=np.int32)
    else:
        ref = _serials32(as_of, "as_of", n)
    expires, status, flags = _core.rules_limitation_columns(
        codes,
        np.ascontiguousarray(jidx.astype(np.uint16)),
        np.ascontiguousarray(type_codes),
        defaulted,
        payment,
        ack,
        charge,
        buyer,
        ref,
        builtin_book() if book is None else book,
    )
    days = np.where(expires == _NO_DATE, _NAT, expires.astype(np.int64)).view("datetime64[D]")
    return {"expires_on": days, "status": status, "flags": flags}


def table(
    book: RuleBook | None = None,
    *,
    jurisdiction: str | None = None,
    prefix: str | None = None,
    as_of: DateLike | None = None,
) -> pd.DataFrame:
    """Every rule (or those of one jurisdiction, or whose id starts with ``prefix``, or in force
    on ``as_of``) as a pandas DataFrame: one row per version, with its value, unit, dates,
    citation, certainty, source, note, parameters and the pack and line it came from."""
    import pandas as pd

    day = None
    if as_of is not None:
        day = as_of if isinstance(as_of, datetime.date) else datetime.date.fromisoformat(str(as_of))
    rows = []
    for e in (book or builtin_book()).entries():
        if jurisdiction is not None and e.jurisdiction != jurisdiction:
            continue
        if prefix is not None and not e.id.startswith(prefix):
            continue
        if day is not None and not e.in_force_on(day):
            continue
        rows.append(
            {
                "jurisdiction": e.jurisdiction,
                "rule_id": e.id,
                "effective_from": e.effective_from,
                "effective_to": e.effective_to,
                "value": e.value,
                "unit": e.unit,
                "currency": e.currency,
                "citation": e.citation,
                "certainty": e.certainty,
                "source": e.source,
                "note": e.note,
                "params": e.params,
                "pack": e.pack,
                "origin": e.origin,
            }
        )
    columns = [
        "jurisdiction", "rule_id", "effective_from", "effective_to", "value", "unit", "currency",
        "citation", "certainty", "source", "note", "params", "pack", "origin",
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=columns)


# The other checks live in their own modules; ``recoup.rules`` is their one public face.
from ._rules_contact import *  # noqa: E402,F403
from ._rules_contact import __all__ as _contact_all  # noqa: E402
from ._rules_gate import *  # noqa: E402,F403
from ._rules_gate import __all__ as _gate_all  # noqa: E402
from ._rules_money import *  # noqa: E402,F403
from ._rules_money import __all__ as _money_all  # noqa: E402
from ._rules_notices import *  # noqa: E402,F403
from ._rules_notices import __all__ as _notices_all  # noqa: E402

__all__ += [*_contact_all, *_money_all, *_notices_all, *_gate_all]

from ._boundary import guard_module as _guard_module  # noqa: E402

_guard_module(globals(), __all__)  # every exported function raises recoup errors with ids
