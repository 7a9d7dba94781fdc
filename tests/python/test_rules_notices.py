"""Notice periods, FCRA obsolescence, Breathing Space, the Pre-Action Protocol and the Form 1099-C
trigger from Python: each row names the worked example or rule it exercises (regulations.md §1.1,
1.2, 1.5, 3.3, 3.5, 3.8 and §6)."""

from __future__ import annotations

import datetime
from datetime import date, timedelta
from decimal import Decimal

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import recoup
from recoup import Money
from recoup._rules_notices import (
    DISCHARGE_EVENTS,
    breathing_space,
    cca_arrears_notice_timing,
    cca_default_notice_earliest_action,
    credit_reporting_obsolete_dates,
    credit_reporting_obsolete_on,
    form_1099c_required,
    passive_collection_earliest_furnishing,
    pre_action_reply_deadline,
    validation_notice_due,
    validation_period_end,
)

VALIDATION_ROWS = [
    # provided, observed, assumed receipt, end, source
    ("2026-09-04", "skip", "2026-09-14", "2026-10-14", "T-RF-1: Sat, Sun and Labor Day skipped"),
    ("2022-12-21", "skip", "2022-12-29", "2023-01-28", "Christmas 2022 observed Mon 26 Dec skipped"),
    ("2022-12-21", "count", "2022-12-28", "2023-01-27", "literal 6103(a): 26 Dec counts"),
    ("2022-12-28", "skip", "2023-01-05", "2023-02-04", "New Year 2023 observed Mon 2 Jan skipped"),
    ("2022-12-28", "count", "2023-01-04", "2023-02-03", "literal: 2 Jan counts"),
    ("2022-12-23", "skip", "2023-01-03", "2023-02-02", "across both observed days"),
    ("2022-06-15", "skip", "2022-06-23", "2022-07-23", "Juneteenth 2022 observed Mon 20 June skipped"),
    ("2022-06-15", "count", "2022-06-22", "2022-07-22", "literal: 20 June 2022 counts"),
    ("2023-06-16", "count", "2023-06-26", "2023-07-26", "Juneteenth 2023 on Monday 19 June"),
]


@pytest.mark.parametrize(
    ("provided", "observed", "receipt", "end"),
    [r[:4] for r in VALIDATION_ROWS],
    ids=[r[4] for r in VALIDATION_ROWS],
)
def test_validation_period_end_vectors(provided: str, observed: str, receipt: str, end: str) -> None:
    v = validation_period_end(provided_on=date.fromisoformat(provided), observed_holidays=observed)  # type: ignore[arg-type]
    assert v.assumed_receipt == date.fromisoformat(receipt)
    assert v.date == date.fromisoformat(end)
    assert v.observed_holidays == observed


def test_validation_period_verdict_cites_its_rules() -> None:
    v = validation_period_end(provided_on=date(2022, 12, 21))
    assert v.observed_holidays == "skip"  # the pack's default
    assert v.rule_id == "regf.validation_receipt_days"
    assert "1006.34(b)(5)" in v.citation
    assert [r.rule_id for r in v.rules] == ["regf.validation_receipt_days", "regf.validation_period_days"]
    assert v.skipped == [date(2022, 12, 24), date(2022, 12, 25), date(2022, 12, 26)]
    text = v.explain()
    assert "Christmas Day (observed)" in text
    assert "2023-01-28" in text


def test_juneteenth_before_2021_and_reg_f_in_force() -> None:
    # Fri 19 June 2020 was an ordinary day; asked as of a date Reg F is in force.
    assert validation_period_end(date(2020, 6, 17), as_of=date(2021, 11, 30)).assumed_receipt == date(
        2020, 6, 24
    )
    with pytest.raises(recoup.RuleNotInForceError) as e:
        validation_period_end(date(2021, 11, 29))
    assert e.value.id == "rules.not_in_force"


def test_validation_period_accepts_a_calendar_and_strings() -> None:
    assert validation_period_end("2026-09-04", calendar="US").date == date(2026, 10, 14)
    assert validation_period_end("2026-09-04", calendar=recoup.time.calendar("US")).date == date(2026, 10, 14)
    with pytest.raises(recoup.InvalidInputError) as e:
        validation_period_end("2026-09-04", observed_holidays="maybe")  # type: ignore[arg-type]
    assert e.value.id == "notices.unknown_option"


def test_validation_notice_due() -> None:
    v = validation_notice_due(initial_communication=date(2026, 9, 4))
    assert v.date == date(2026, 9, 9)
    assert v.rule_id == "regf.validation_notice_days"


def test_passive_collection_readings_and_blocking() -> None:
    v = passive_collection_earliest_furnishing(sent_on=date(2026, 3, 2))
    assert (v.reading, v.wait_ends_on, v.date, v.blocked) == (
        "conservative",
        date(2026, 3, 16),
        date(2026, 3, 17),
        False,
    )
    lit = passive_collection_earliest_furnishing(date(2026, 3, 2), reading="literal")
    assert lit.date == date(2026, 3, 16)
    blocked = passive_collection_earliest_furnishing(
        date(2026, 3, 2), undeliverable_notice_on=date(2026, 3, 16)
    )
    assert blocked.blocked and blocked.date is None
    late = passive_collection_earliest_furnishing(date(2026, 3, 2), undeliverable_notice_on=date(2026, 3, 17))
    assert not late.blocked and late.date == date(2026, 3, 17)
    with pytest.raises(recoup.InvalidInputError) as e:
        passive_collection_earliest_furnishing(date(2026, 3, 2), undeliverable_notice_on=date(2026, 3, 1))
    assert e.value.id == "notices.date_order"


FCRA_ROWS = [
    # DOFD, clock start, obsolete on, why
    ("2020-01-15", "2020-07-13", "2027-07-13", "DOFD is day 1 of the 180"),
    ("2019-09-02", "2020-02-29", "2027-02-28", "29 February + 7 years = 28 February"),
    ("1997-12-29", "1998-06-27", "2005-06-27", "the first day the 1996 Reform Act rule applies"),
]


@pytest.mark.parametrize(
    ("dofd", "start", "obsolete"), [r[:3] for r in FCRA_ROWS], ids=[r[3] for r in FCRA_ROWS]
)
def test_fcra_examples(dofd: str, start: str, obsolete: str) -> None:
    v = credit_reporting_obsolete_on(first_delinquency=date.fromisoformat(dofd))
    assert v.clock_start == date.fromisoformat(start)
    assert v.date == date.fromisoformat(obsolete)
    assert v.last_reportable_day == v.date - timedelta(days=1)
    assert v.rule_id == "fcra.obsolescence_years"
    assert "1681c(a)(4)" in v.citation
    assert "obsolete from" in v.explain()


def test_fcra_refuses_items_before_29_december_1997() -> None:
    with pytest.raises(recoup.InvalidInputError) as e:
        credit_reporting_obsolete_on(first_delinquency=date(1997, 12, 28))
    assert e.value.id == "notices.before_fcra_1997"
    assert "1997-12-29" in str(e.value)
    # An older delinquency added to the file after the date is covered.
    assert credit_reporting_obsolete_on(date(1996, 5, 1), added_to_file_on=date(1998, 1, 10)).date == date(
        2003, 10, 28
    )


@given(st.dates(min_value=date(1997, 12, 29), max_value=date(2090, 12, 31)))
def test_fcra_invariants(dofd: date) -> None:
    v = credit_reporting_obsolete_on(dofd)
    assert v.clock_start == dofd + timedelta(days=180)
    assert v.date.year == v.clock_start.year + 7
    assert v.date.month == v.clock_start.month
    # 29 February lands on 28 February; every other day keeps its day of month.
    assert v.date.day == v.clock_start.day or (v.clock_start.day == 29 and v.date.day == 28)


def test_fcra_batch_matches_scalar_and_reports_rows() -> None:
    dofd = np.array(["2020-01-15", "2019-09-02", "1997-12-29", "2024-12-31"], dtype="datetime64[D]")
    out = credit_reporting_obsolete_dates(dofd)
    assert isinstance(out, np.ndarray) and out.dtype == np.dtype("datetime64[D]")
    assert [x.astype(object) for x in out] == [
        credit_reporting_obsolete_on(d.astype(object)).date for d in dofd
    ]
    bad = np.array(["2020-01-15", "NaT", "1990-01-01"], dtype="datetime64[D]")
    with pytest.raises(recoup.InvalidInputError) as e:
        credit_reporting_obsolete_dates(bad)
    assert e.value.id == "columns.missing" and str(e.value).startswith("row 1: ")
    got = credit_reporting_obsolete_dates(bad, errors="collect")
    assert not isinstance(got, np.ndarray)
    assert got.values[0] == np.datetime64("2027-07-13")
    assert np.isnat(got.values[1]) and np.isnat(got.values[2])
    assert got.error_rows.tolist() == [1, 2]
    assert got.error_ids == ["columns.missing", "notices.before_fcra_1997"]
    with pytest.raises(recoup.InvalidInputError):
        credit_reporting_obsolete_dates(np.array(["2020-01-15T10:00"], dtype="datetime64[m]"))
    with pytest.raises(recoup.FloatInputError):
        credit_reporting_obsolete_dates(np.array([1.5]))
    with pytest.raises(recoup.InvalidInputError) as e:
        credit_reporting_obsolete_dates(dofd, errors="ignore")  # type: ignore[arg-type]
    assert e.value.id == "columns.errors_mode"


def test_breathing_space_standard_dates() -> None:
    v = breathing_space(start=date(2026, 3, 2))
    assert (v.midway_review_from, v.midway_review_to, v.ends_on) == (
        date(2026, 3, 27),
        date(2026, 4, 5),
        date(2026, 4, 30),
    )
    assert v.kind == "standard"
    assert v.protects(date(2026, 4, 30)) and not v.protects(date(2026, 5, 1))
    assert [p.what for p in v.frozen] == [
        "interest",
        "fees_and_charges",
        "enforcement",
        "contact_demanding_payment",
    ]
    contact = v.frozen[3]
    assert contact.rule_id == "breathing_space.frozen.contact_demanding_payment"
    assert "reg 11(1)" in contact.citation and contact.certainty == "verified"
    assert "day 1" in v.explain()
    leap = breathing_space(date(2024, 2, 1))
    assert (leap.midway_review_from, leap.midway_review_to, leap.ends_on) == (
        date(2024, 2, 26),
        date(2024, 3, 6),
        date(2024, 3, 31),
    )


def test_breathing_space_mental_health() -> None:
    open_ended = breathing_space(date(2026, 3, 2), kind="mental_health")
    assert open_ended.ends_on is None and open_ended.midway_review_from is None
    v = breathing_space(date(2026, 3, 2), kind="mental_health", treatment_ended_on=date(2026, 5, 10))
    assert v.ends_on == date(2026, 6, 9)
    with pytest.raises(recoup.InvalidInputError) as e:
        breathing_space(date(2026, 3, 2), kind="mental_health", treatment_ended_on=date(2026, 3, 1))
    assert e.value.id == "notices.date_order"
    with pytest.raises(recoup.InvalidInputError) as e:
        breathing_space(date(2026, 3, 2), kind="crisis")  # type: ignore[arg-type]
    assert e.value.id == "notices.unknown_option"


@pytest.mark.parametrize(
    ("amount", "required"),
    [
        ("599.99", False),
        ("600.00", True),
        (Decimal("600"), True),
        (600, True),
        (Money("599.99", "USD"), False),
    ],
    ids=["599.99 below", "600.00 at", "Decimal 600", "int 600", "Money 599.99"],
)
def test_1099c_threshold_boundary(amount: object, required: bool) -> None:
    v = form_1099c_required(amount, "agreement", date(2027, 1, 31))  # type: ignore[arg-type]
    assert v.required is required
    assert v.threshold == Money("600.00", "USD")
    assert v.rule_id == "irs_1099c.threshold"
    assert ("below" in v.reason) is not required


def test_1099c_36_month_event_before_and_after_2017() -> None:
    assert form_1099c_required("1000", "non_payment_testing_period", date(2016, 12, 31)).required
    with pytest.raises(recoup.InvalidInputError) as e:
        form_1099c_required("1000", "non_payment_testing_period", date(2017, 1, 1))
    assert e.value.id == "notices.1099c_event_removed"
    assert "T.D. 9793" in str(e.value)


def test_1099c_events_and_facts() -> None:
    assert DISCHARGE_EVENTS[0] == "bankruptcy" and DISCHARGE_EVENTS[-1] == "non_payment_testing_period"
    assert len(DISCHARGE_EVENTS) == 8
    assert not form_1099c_required("900", "statute_of_limitations", date(2027, 1, 31)).required
    assert form_1099c_required(
        "900", "statute_of_limitations", date(2027, 1, 31), limitation_defence_upheld=True
    ).required
    assert not form_1099c_required(
        "900", "creditor_policy", date(2027, 1, 31), applicable_financial_entity=False
    )
    with pytest.raises(recoup.InvalidInputError) as e:
        form_1099c_required("900", "forgiveness", date(2027, 1, 31))
    assert e.value.id == "notices.unknown_event"
    with pytest.raises(recoup.CurrencyMismatchError):
        form_1099c_required(Money("900.00", "GBP"), "agreement", date(2027, 1, 31))
    with pytest.raises(recoup.FloatInputError):
        form_1099c_required(600.0, "agreement", date(2027, 1, 31))  # type: ignore[arg-type]
    with pytest.raises(recoup.InvalidInputError) as e:
        form_1099c_required("-1", "agreement", date(2027, 1, 31))
    assert e.value.id == "notices.1099c_amount"


def test_cca_default_notice() -> None:
    v = cca_default_notice_earliest_action(date(2026, 3, 2))
    assert (v.remedy_date, v.date, v.counting, v.deemed) == (
        date(2026, 3, 17),
        date(2026, 3, 17),
        "clear_days",
        False,
    )
    assert cca_default_notice_earliest_action(date(2026, 3, 2), counting="after").date == date(2026, 3, 16)
    posted = cca_default_notice_earliest_action(posted_on=date(2026, 4, 2), post="second_class")
    assert (posted.served_on, posted.remedy_date, posted.deemed) == (
        date(2026, 4, 10),
        date(2026, 4, 25),
        True,
    )
    for kwargs in ({}, {"served_on": date(2026, 3, 2), "posted_on": date(2026, 3, 2)}):
        with pytest.raises(recoup.InvalidInputError) as e:
            cca_default_notice_earliest_action(**kwargs)  # type: ignore[arg-type]
        assert e.value.id == "notices.default_notice_service"


def test_pre_action_reply_deadline() -> None:
    v = pre_action_reply_deadline(letter_of_claim_sent_on=date(2026, 3, 2))
    assert (v.reply_due, v.date, v.extended) == (date(2026, 4, 1), date(2026, 4, 2), False)
    assert v.rule_id == "pre_action.reply_days"
    docs = pre_action_reply_deadline(
        date(2026, 3, 2),
        reply_received_on=date(2026, 3, 20),
        seeking_advice=True,
        documents_provided_on=date(2026, 4, 10),
    )
    assert docs.extended and docs.date == date(2026, 5, 11)
    with pytest.raises(recoup.InvalidInputError) as e:
        pre_action_reply_deadline(date(2026, 3, 2), seeking_advice=True)
    assert e.value.id == "notices.not_applicable"


@pytest.mark.parametrize(
    "call",
    [
        lambda: credit_reporting_obsolete_on(first_delinquency=datetime.datetime(2020, 1, 15, 10, 30)),  # type: ignore[arg-type]
        lambda: validation_period_end(provided_on=datetime.datetime(2026, 9, 4)),  # type: ignore[arg-type]
        lambda: breathing_space(start=datetime.datetime(2026, 3, 2)),  # type: ignore[arg-type]
    ],
    ids=["fcra", "validation", "breathing_space"],
)
def test_datetime_is_refused(call: object) -> None:
    with pytest.raises(recoup.InvalidInputError) as e:
        call()  # type: ignore[operator]
    assert e.value.id == "date.has_time"


@pytest.mark.parametrize("text", ["2023-02-29", "2026-13-01", "2026-9-4", "04/09/2026"])
def test_impossible_or_malformed_dates_are_refused(text: str) -> None:
    with pytest.raises(recoup.InvalidInputError) as e:
        credit_reporting_obsolete_on(first_delinquency=text)
    assert e.value.id in ("date.invalid", "date.malformed")


def test_verdicts_derive_from_verdict() -> None:
    from recoup.rules import Verdict

    for v in (
        validation_period_end(date(2026, 9, 4)),
        credit_reporting_obsolete_on(date(2020, 1, 15)),
        breathing_space(date(2026, 3, 2)),
        form_1099c_required("600", "agreement", date(2027, 1, 31)),
        pre_action_reply_deadline(date(2026, 3, 2)),
    ):
        assert isinstance(v, Verdict)
        assert v.rules and v.steps and v.explain()


def test_cca_arrears_notice_timing_reuses_the_plan_trigger() -> None:
    from recoup.plan import cca_arrears_notice, level_payment

    plan = level_payment(Money("600.00", "GBP"), 0, 6, first_due=date(2026, 1, 15))
    v = cca_arrears_notice_timing(plan, [], date(2026, 2, 15))
    plain = cca_arrears_notice(plan, [], date(2026, 2, 15))
    assert v.required and plain.required
    assert v.first_notice_by == plain.first_notice_by == date(2026, 2, 28)
    assert v.conditions_met_on == date(2026, 2, 15)
    assert v.rule_id == "cca.arrears_notice_first_days"
    later = cca_arrears_notice_timing(
        plan, [(date(2026, 3, 1), "10.00")], date(2026, 3, 20), last_notice_on=date(2026, 2, 20)
    )
    assert later.next_notice_by == date(2026, 8, 20)
    assert later.shortfall == Money("290.00", "GBP")  # three instalments due, 10.00 paid
