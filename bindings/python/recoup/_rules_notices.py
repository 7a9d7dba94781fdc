"""Notice periods, credit-reporting obsolescence, Breathing Space and the Form 1099-C trigger.

Each check reads its figures from the rule packs (``data/rules/us-notices.toml``,
``data/rules/uk-notices.toml``) as of a date (by default the triggering date) and returns a
verdict with the answer, ``.rule_id``, ``.citation``, ``.rules`` and ``.explain()``; re-exported
from ``recoup.rules``.

    >>> from datetime import date
    >>> from recoup._rules_notices import (breathing_space, credit_reporting_obsolete_on,
    ...                                    validation_period_end)
    >>> v = validation_period_end(provided_on=date(2026, 9, 4))   # catalogue T-RF-1
    >>> v.assumed_receipt, v.date
    (datetime.date(2026, 9, 14), datetime.date(2026, 10, 14))
    >>> credit_reporting_obsolete_on(first_delinquency=date(2020, 1, 15)).date
    datetime.date(2027, 7, 13)
    >>> b = breathing_space(start=date(2026, 3, 2))
    >>> b.midway_review_from, b.midway_review_to, b.ends_on
    (datetime.date(2026, 3, 27), datetime.date(2026, 4, 5), datetime.date(2026, 4, 30))

Dates are ``datetime.date`` or ISO ``"YYYY-MM-DD"`` strings; a ``datetime.datetime`` is refused
(its time would be dropped). Day counting is stated per check; see
docs/explanation/notices-and-periods.md.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, Sequence, Tuple, Union

import numpy as np
import numpy.typing as npt

from . import _core
from ._core import (
    ArrearsNoticeVerdict,
    BreathingSpaceProtection,
    BreathingSpaceVerdict,
    Calendar,
    DefaultNoticeVerdict,
    Form1099CVerdict,
    FurnishingVerdict,
    Money,
    ObsolescenceVerdict,
    PreActionVerdict,
    ValidationNoticeVerdict,
    ValidationPeriodVerdict,
)
from ._errors import FloatInputError, InvalidInputError
from .portfolio import _day_serials

if TYPE_CHECKING:
    from .plan import Schedule

__all__ = [
    "DISCHARGE_EVENTS",
    "ArrearsNoticeVerdict",
    "BreathingSpaceProtection",
    "BreathingSpaceVerdict",
    "DefaultNoticeVerdict",
    "Form1099CVerdict",
    "FurnishingVerdict",
    "ObsolescenceDates",
    "ObsolescenceVerdict",
    "PreActionVerdict",
    "ValidationNoticeVerdict",
    "ValidationPeriodVerdict",
    "breathing_space",
    "cca_arrears_notice_timing",
    "cca_default_notice_earliest_action",
    "credit_reporting_obsolete_dates",
    "credit_reporting_obsolete_on",
    "form_1099c_required",
    "passive_collection_earliest_furnishing",
    "pre_action_reply_deadline",
    "validation_notice_due",
    "validation_period_end",
]

DateLike = Union[datetime.date, str]

#: The identifiable events of 26 CFR 1.6050P-1(b)(2)(i), in the order of Form 1099-C codes A-H.
#: "non_payment_testing_period" (H) is refused for returns after 2016-12-31 (T.D. 9793).
DISCHARGE_EVENTS: tuple[str, ...] = tuple(_core.discharge_event_names())

_NAT = np.iinfo(np.int64).min


def _date(value: Any, what: str) -> Any:
    """Refuses a datetime with a message naming the argument (the core refuses it too)."""
    if isinstance(value, datetime.datetime):
        raise InvalidInputError(
            f"{what} {value!r} is a datetime; pass its .date() (the time of day would be dropped)",
            id="date.has_time",
        )
    return value


def _opt_date(value: Any, what: str) -> Any:
    return None if value is None else _date(value, what)


def validation_period_end(
    provided_on: DateLike,
    *,
    calendar: Union[Calendar, str, None] = None,
    observed_holidays: Literal["skip", "count"] | None = None,
    as_of: DateLike | None = None,
) -> ValidationPeriodVerdict:
    """The Reg F validation-period end date (12 CFR 1006.34(b)(5)) for information provided on
    ``provided_on``: ``.date`` = ``.assumed_receipt`` + 30 days.

    Assumed receipt is the fifth day after ``provided_on`` (the day after is day 1) that is not a
    Saturday, Sunday or legal public holiday of ``calendar`` (the US federal calendar by default).
    ``observed_holidays="skip"`` (the pack's default) also skips observed days (Monday 26 Dec 2022
    for Christmas on a Sunday): one day later, consumer-favourable, always allowed; ``"count"`` is
    the literal 5 U.S.C. 6103(a) reading. Before 2021-11-30 the rule is not in force
    (UnknownJurisdictionError "rules.not_in_force").

        >>> import datetime
        >>> validation_period_end(datetime.date(2022, 12, 21)).date
        datetime.date(2023, 1, 28)
        >>> validation_period_end(datetime.date(2022, 12, 21), observed_holidays="count").date
        datetime.date(2023, 1, 27)
    """
    result: ValidationPeriodVerdict = _core.validation_period_end(
        _date(provided_on, "provided_on"), calendar, observed_holidays, _opt_date(as_of, "as_of")
    )
    return result


def validation_notice_due(
    initial_communication: DateLike, *, as_of: DateLike | None = None
) -> ValidationNoticeVerdict:
    """The last day (``.date``) to provide validation information not given in the initial
    communication: within five days after it (12 CFR 1006.34(a)(1)(i)(B)), counted in calendar
    days from the next day (the earlier, safe reading).

        >>> import datetime
        >>> validation_notice_due(datetime.date(2026, 9, 4)).date
        datetime.date(2026, 9, 9)
    """
    result: ValidationNoticeVerdict = _core.validation_notice_due(
        _date(initial_communication, "initial_communication"), _opt_date(as_of, "as_of")
    )
    return result


def passive_collection_earliest_furnishing(
    sent_on: DateLike,
    *,
    undeliverable_notice_on: DateLike | None = None,
    reading: Literal["conservative", "literal"] | None = None,
    as_of: DateLike | None = None,
) -> FurnishingVerdict:
    """The earliest day (``.date``) a collector may furnish to a credit bureau after mailing a letter
    (or sending an electronic message) about the debt on ``sent_on`` (12 CFR 1006.30(a)(1),
    comment 30(a)(1)-2: 14 consecutive days to wait for a notice of undeliverability).

    ``reading="conservative"`` (the pack's default) counts from the day after sending (furnish from
    sent_on + 15); ``"literal"`` counts the sending day as day 1 (sent_on + 14). A notice of
    undeliverability received during the wait sets ``.blocked`` and ``.date`` to None.

        >>> import datetime
        >>> passive_collection_earliest_furnishing(datetime.date(2026, 3, 2)).date
        datetime.date(2026, 3, 17)
    """
    result: FurnishingVerdict = _core.passive_collection_earliest_furnishing(
        _date(sent_on, "sent_on"),
        _opt_date(undeliverable_notice_on, "undeliverable_notice_on"),
        reading,
        _opt_date(as_of, "as_of"),
    )
    return result


def credit_reporting_obsolete_on(
    first_delinquency: DateLike,
    *,
    added_to_file_on: DateLike | None = None,
    as_of: DateLike | None = None,
) -> ObsolescenceVerdict:
    """The FCRA obsolescence date (``.date``) of a collection or charge-off item whose delinquency
    began on ``first_delinquency`` (DOFD; 15 U.S.C. 1681c(a)(4), (c)).

    The 180-day period begins on the DOFD (day 1), so the 7-year period begins on DOFD + 180
    (``.clock_start``); the item may be reported through ``.last_reportable_day`` and is obsolete
    from ``.clock_start`` + 7 years. Only items added to a file on or after 1997-12-29: an earlier
    ``added_to_file_on`` (or, when not given, DOFD) raises InvalidInputError
    "notices.before_fcra_1997".

        >>> import datetime
        >>> v = credit_reporting_obsolete_on(datetime.date(2019, 9, 2))
        >>> v.clock_start, v.date
        (datetime.date(2020, 2, 29), datetime.date(2027, 2, 28))
    """
    result: ObsolescenceVerdict = _core.credit_reporting_obsolete_on(
        _date(first_delinquency, "first_delinquency"),
        _opt_date(added_to_file_on, "added_to_file_on"),
        _opt_date(as_of, "as_of"),
    )
    return result


class ObsolescenceDates(NamedTuple):
    """The result of :func:`credit_reporting_obsolete_dates` with ``errors="collect"``."""

    values: npt.NDArray[np.datetime64]
    error_rows: npt.NDArray[np.int64]
    error_ids: list[str]
    error_messages: list[str]


def credit_reporting_obsolete_dates(
    first_delinquency: Any, *, errors: Literal["raise", "collect"] = "raise"
) -> Union[npt.NDArray[np.datetime64], ObsolescenceDates]:
    """:func:`credit_reporting_obsolete_on` over a column of dates of first delinquency
    (numpy ``datetime64[D]``, or anything numpy converts to it: dates, ISO strings), for
    portfolios: one C++ loop without the GIL, the rule looked up once per version.

    The DOFD stands in for the date added to the file. With ``errors="raise"`` the first bad row
    (NaT: "columns.missing"; before 1997-12-29: "notices.before_fcra_1997") raises, its message
    starting "row N: "; with ``errors="collect"`` bad rows are NaT and the errors are returned.

        >>> import numpy as np
        >>> credit_reporting_obsolete_dates(np.array(["2020-01-15", "2019-09-02"], dtype="datetime64[D]"))
        array(['2027-07-13', '2027-02-28'], dtype='datetime64[D]')
    """
    if errors not in ("raise", "collect"):
        raise InvalidInputError(
            f"errors must be 'raise' or 'collect', not {errors!r}", id="columns.errors_mode"
        )
    serials = _day_serials(first_delinquency, "first_delinquency")
    out = _core.credit_reporting_obsolete_serials(serials, errors == "collect")
    if errors == "raise":
        return np.asarray(out, dtype=np.int64).view("datetime64[D]")
    values, (rows, ids, messages) = out
    return ObsolescenceDates(
        np.asarray(values, dtype=np.int64).view("datetime64[D]"),
        np.asarray(rows, dtype=np.int64),
        list(ids),
        list(messages),
    )


def breathing_space(
    start: DateLike,
    *,
    kind: Literal["standard", "mental_health"] = "standard",
    treatment_ended_on: DateLike | None = None,
    as_of: DateLike | None = None,
) -> BreathingSpaceVerdict:
    """The dates and protections of a Breathing Space moratorium (England and Wales,
    SI 2020/1311) that started on ``start``.

    Periods "beginning with the day on which the moratorium started" count ``start`` as day 1.
    ``standard``: ``.midway_review_from`` = day 26, ``.midway_review_to`` = day 35 (reg 27),
    ``.ends_on`` = day 60, the last protected day. ``mental_health``: ``.ends_on`` =
    ``treatment_ended_on`` + 30 days, or None while treatment continues; no midway review.
    ``.frozen`` lists what creditors must stop (interest, fees and charges, enforcement, contact
    demanding payment), each with its rule and citation. These are the longest dates: a
    moratorium can be cancelled earlier.

        >>> import datetime
        >>> v = breathing_space(datetime.date(2026, 3, 2), kind="mental_health",
        ...                     treatment_ended_on=datetime.date(2026, 5, 10))
        >>> v.ends_on
        datetime.date(2026, 6, 9)
        >>> [p.what for p in v.frozen]
        ['interest', 'fees_and_charges', 'enforcement', 'contact_demanding_payment']
    """
    result: BreathingSpaceVerdict = _core.breathing_space(
        _date(start, "start"),
        kind,
        _opt_date(treatment_ended_on, "treatment_ended_on"),
        _opt_date(as_of, "as_of"),
    )
    return result


def form_1099c_required(
    forgiven_amount: Union[Money, Decimal, int, str],
    event: str,
    as_of: DateLike,
    *,
    applicable_financial_entity: bool = True,
    limitation_defence_upheld: bool = False,
) -> Form1099CVerdict:
    """Whether Form 1099-C must be filed for a discharge of ``forgiven_amount`` (USD; Money, or a
    Decimal / int / decimal string in dollars) by ``event`` (one of ``DISCHARGE_EVENTS``), for a
    return filed or statement furnished on ``as_of``: ``.required`` and ``.reason``.

    Required when the creditor is an applicable entity (6050P(c); the caller's fact), the event
    counts, and the amount is $600.00 or more ($599.99 is not reported). ``statute_of_limitations``
    counts only with ``limitation_defence_upheld``. ``non_payment_testing_period`` (36 months
    without payment) raises InvalidInputError "notices.1099c_event_removed" for ``as_of`` after
    2016-12-31 (removed by T.D. 9793). Floats are refused.

        >>> import datetime
        >>> form_1099c_required("599.99", "agreement", datetime.date(2027, 1, 31)).required
        False
        >>> form_1099c_required("600.00", "agreement", datetime.date(2027, 1, 31)).required
        True
    """
    if isinstance(forgiven_amount, bool):
        raise TypeError("forgiven_amount must be Money or a decimal amount, not a bool")
    if isinstance(forgiven_amount, float):
        raise FloatInputError(
            "forgiven_amount is a float: pass Money, a Decimal or a string such as '600.00'",
            id="python.float_input",
        )
    amount = forgiven_amount if isinstance(forgiven_amount, Money) else Money(forgiven_amount, "USD")
    result: Form1099CVerdict = _core.form_1099c_required(
        amount, event, _date(as_of, "as_of"), applicable_financial_entity, limitation_defence_upheld
    )
    return result


def cca_default_notice_earliest_action(
    served_on: DateLike | None = None,
    *,
    posted_on: DateLike | None = None,
    post: Literal["first_class", "second_class"] = "first_class",
    calendar: Union[Calendar, str, None] = None,
    counting: Literal["clear_days", "after"] | None = None,
    as_of: DateLike | None = None,
) -> DefaultNoticeVerdict:
    """The earliest remedy date and enforcement day (``.date``) of a Consumer Credit Act 1974
    default notice (s88(2): not less than 14 days after the date of service).

    Give ``served_on``, or ``posted_on`` for deemed service on the second (first class) or fourth
    (second class) working day after posting on ``calendar`` (GB-EAW by default); exactly one
    (InvalidInputError "notices.default_notice_service" otherwise). ``counting="clear_days"`` (the
    pack's default) reads the 14 days as clear days (service + 15); ``"after"`` gives service + 14.

        >>> import datetime
        >>> cca_default_notice_earliest_action(datetime.date(2026, 3, 2)).date
        datetime.date(2026, 3, 17)
        >>> cca_default_notice_earliest_action(posted_on=datetime.date(2026, 4, 2)).served_on  # Easter
        datetime.date(2026, 4, 8)
    """
    result: DefaultNoticeVerdict = _core.cca_default_notice_earliest_action(
        _opt_date(served_on, "served_on"),
        _opt_date(posted_on, "posted_on"),
        post,
        calendar,
        counting,
        _opt_date(as_of, "as_of"),
    )
    return result


def pre_action_reply_deadline(
    letter_of_claim_sent_on: DateLike,
    *,
    reply_received_on: DateLike | None = None,
    seeking_advice: bool = False,
    documents_provided_on: DateLike | None = None,
    as_of: DateLike | None = None,
) -> PreActionVerdict:
    """The Pre-Action Protocol for Debt Claims timetable for a Letter of Claim dated and sent on
    ``letter_of_claim_sent_on``: ``.reply_due`` (30 days from the date of the letter) and
    ``.date``, the earliest day to issue proceedings.

    When the Reply Form (received on ``reply_received_on``) says the debtor is seeking debt advice,
    or asks for documents (provided on ``documents_provided_on``), proceedings should not start
    less than 30 days after the later of the two (read as 30 clear days).

        >>> import datetime
        >>> v = pre_action_reply_deadline(datetime.date(2026, 3, 2))
        >>> v.reply_due, v.date
        (datetime.date(2026, 4, 1), datetime.date(2026, 4, 2))
        >>> pre_action_reply_deadline(datetime.date(2026, 3, 2), reply_received_on=datetime.date(2026, 3, 20),
        ...                           seeking_advice=True).date
        datetime.date(2026, 4, 20)
    """
    result: PreActionVerdict = _core.pre_action_reply_deadline(
        _date(letter_of_claim_sent_on, "letter_of_claim_sent_on"),
        _opt_date(reply_received_on, "reply_received_on"),
        seeking_advice,
        _opt_date(documents_provided_on, "documents_provided_on"),
        _opt_date(as_of, "as_of"),
    )
    return result


def cca_arrears_notice_timing(
    schedule: Schedule,
    payments: Sequence[Tuple[datetime.date, Union[Money, Decimal, int, str]]],
    as_of: DateLike,
    agreement: Literal["fixed_sum", "running_account"] = "fixed_sum",
    *,
    unpaid_judgment: bool = False,
    last_notice_on: DateLike | None = None,
    notice_given_for_these_payments: bool = False,
    next_statement_period_end: DateLike | None = None,
) -> ArrearsNoticeVerdict:
    """The Consumer Credit Act 1974 arrears-notice trigger of ``recoup.plan.cca_arrears_notice``
    (s86B fixed-sum, s86C running-account: the same code, not a copy) as a verdict whose deadlines
    come from the rule pack: ``.first_notice_by`` (14 days beginning with the day the conditions
    are met), ``.next_notice_by`` (``last_notice_on`` + 6 months), ``.deadline`` (s86C).

        >>> import datetime
        >>> from recoup import Money
        >>> from recoup.plan import level_payment
        >>> plan = level_payment(Money("600.00", "GBP"), 0, 6, first_due=datetime.date(2026, 1, 15))
        >>> v = cca_arrears_notice_timing(plan, [], datetime.date(2026, 2, 15))
        >>> v.required, v.first_notice_by, v.rule_id
        (True, datetime.date(2026, 2, 28), 'cca.arrears_notice_first_days')
    """
    compiled: Any = getattr(schedule, "_s", schedule)
    if not isinstance(compiled, _core.Schedule):
        raise TypeError(f"schedule must be a recoup.plan.Schedule, not {type(schedule).__name__}")
    result: ArrearsNoticeVerdict = _core.cca_arrears_notice_timing(
        compiled,
        list(payments),
        _date(as_of, "as_of"),
        agreement,
        unpaid_judgment,
        _opt_date(last_notice_on, "last_notice_on"),
        notice_given_for_these_payments,
        _opt_date(next_statement_period_end, "next_statement_period_end"),
    )
    return result
