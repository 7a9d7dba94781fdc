"""The compliance gate from Python: recoup.rules.Account, permitted, permitted_actions and
permitted_columns (the same C++ kernel), the CLI's `recoup check actions`, and bad input.

Scenarios name the statute or rule paragraph they come from; the C++ suite
(tests/cpp/rules/compliance_gate_test.cpp) has the full set per rule family.
"""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recoup import FloatInputError, InvalidInputError, UnknownJurisdictionError, rules

UTC = timezone.utc
MONDAY_10AM_NY = datetime(2026, 12, 7, 15, 0, tzinfo=UTC)


def new_york(**changes: object) -> rules.Account:
    fields: dict[str, object] = dict(
        jurisdiction="US-NY",
        debt_type="open_account",
        time_zones=["America/New_York"],
        opened_on=date(2020, 2, 1),
        defaulted_on=date(2025, 1, 15),
        first_delinquency=date(2025, 1, 15),
        first_contact_on=date(2026, 9, 1),
        validation_notice_sent_on=date(2026, 9, 4),
    )
    fields.update(changes)
    return rules.Account(**fields)  # type: ignore[arg-type]


def test_an_ordinary_account_allows_the_usual_steps() -> None:
    verdicts = rules.permitted_actions(new_york(), at=MONDAY_10AM_NY)
    assert list(verdicts) == list(rules.GATE_ACTIONS)
    for action in ("call", "text", "letter", "credit_report", "litigate", "settlement_offer", "sell"):
        v = verdicts[action]
        assert (v.action, v.status, v.allowed, v.allowed_from, v.reasons) == (
            action,
            "allowed",
            True,
            None,
            [],
        )
    assert verdicts["call"].as_of == date(2026, 12, 7)
    assert verdicts["call"].at == MONDAY_10AM_NY


def test_cease_request_blocks_communication_but_not_its_exceptions() -> None:
    """15 U.S.C. 1692c(c) and its exceptions (1)-(3), with the precedence in the us-gate pack."""
    acct = new_york(cease_requested_on=date(2026, 11, 2))
    v = rules.permitted(acct, "call", at=MONDAY_10AM_NY)
    assert v.status == "blocked" and not v.allowed and v.allowed_from is None
    (reason,) = v.reasons
    assert reason.rule_id == "gate.cease_communication"
    assert "1692c(c)" in reason.citation and reason.certainty == "verified"
    assert "2026-11-02" in reason.text
    assert v.rule_id == "gate.cease_communication"
    assert "gate.cease_communication" in v.explain()
    ok = rules.permitted(acct, "termination_notice", at=MONDAY_10AM_NY)
    assert ok.status == "allowed"
    assert [c.rule_id for c in ok.conditions] == ["gate.cease_communication_exceptions"]
    assert rules.permitted(acct, "litigate", at=MONDAY_10AM_NY).allowed
    creditor = new_york(cease_requested_on=date(2026, 11, 2), collector="creditor")
    assert rules.permitted(creditor, "letter", at=MONDAY_10AM_NY).allowed


def test_dispute_on_the_last_day_of_the_validation_period_pauses_collection() -> None:
    """15 U.S.C. 1692g(b): validation notice 2026-09-04, period ends 2026-10-14."""
    on_time = new_york(dispute_received_on=date(2026, 10, 14))
    v = rules.permitted(on_time, "litigate", at=MONDAY_10AM_NY)
    assert v.status == "blocked" and v.reasons[0].rule_id == "gate.dispute_pending"
    assert "regf.validation_period_days" in [r.rule_id for r in v.reasons[0].rules]
    late = new_york(dispute_received_on=date(2026, 10, 15))
    assert rules.permitted(late, "call", at=MONDAY_10AM_NY).allowed
    report = rules.permitted(late, "credit_report", at=MONDAY_10AM_NY)
    assert report.allowed and [c.rule_id for c in report.conditions] == ["gate.disputed_reporting"]


def test_bankruptcy_stay_lifts_on_dismissal_and_discharge_is_permanent() -> None:
    """11 U.S.C. 362(a), (c)(2) and 524(a)(2); 12 CFR 1006.30(b)(1) for the sale."""
    filed = dict(bankruptcy_filed_on=date(2026, 10, 1), bankruptcy_chapter=7)
    assert (
        rules.permitted(new_york(**filed), "call", at=MONDAY_10AM_NY).reasons[0].rule_id
        == "gate.bankruptcy_stay"
    )
    assert rules.permitted(
        new_york(**filed, bankruptcy_dismissed_on=date(2026, 12, 7)), "call", at=MONDAY_10AM_NY
    ).allowed
    discharged = new_york(**filed, bankruptcy_discharged_on=date(2026, 12, 1))
    assert (
        rules.permitted(discharged, "call", at=MONDAY_10AM_NY).reasons[0].rule_id
        == "gate.bankruptcy_discharge"
    )
    assert rules.permitted(discharged, "sell", at=MONDAY_10AM_NY).reasons[0].rule_id == "gate.sale_barred"


def test_time_barred_debt_is_never_sued_on() -> None:
    """12 CFR 1006.26(b) with Tex. Civ. Prac. & Rem. Code 16.004: in time through 2025-03-15."""
    acct = rules.Account(jurisdiction="US-TX", debt_type="open_account", last_payment=date(2021, 3, 15))
    assert rules.permitted(acct, "litigate", at=date(2025, 3, 15)).allowed
    v = rules.permitted(acct, "litigate", at=date(2025, 3, 16))
    assert v.status == "blocked"
    assert [r.rule_id for r in v.reasons[0].rules][:2] == ["gate.time_barred_suit", "limitation.open_account"]
    unknown = rules.Account(jurisdiction="US-TX", debt_type="open_account")
    assert rules.permitted(unknown, "litigate", at=date(2026, 12, 7)).status == "blocked"


def test_calls_wait_for_the_hours_in_every_zone_and_across_dst() -> None:
    """12 CFR 1006.6(b)(1)(i): 8 a.m. to 9 p.m.; 2026-03-08 is the first day of EDT."""
    v = rules.permitted(new_york(), "call", at=datetime(2026, 12, 7, 12, 0, tzinfo=UTC))
    assert v.status == "allowed_from" and v.allowed_from == datetime(2026, 12, 7, 13, 0, tzinfo=UTC)
    two = new_york(time_zones=["America/New_York", "America/Los_Angeles"])
    assert rules.permitted(two, "call", at=datetime(2026, 12, 7, 14, 0, tzinfo=UTC)).allowed_from == datetime(
        2026, 12, 7, 16, 0, tzinfo=UTC
    )
    spring = new_york(first_contact_on=date(2026, 2, 1), validation_notice_sent_on=date(2026, 2, 2))
    assert rules.permitted(
        spring, "text", at=datetime(2026, 3, 8, 11, 30, tzinfo=UTC)
    ).allowed_from == datetime(2026, 3, 8, 12, 0, tzinfo=UTC)


def test_seven_calls_in_seven_days_from_a_call_log() -> None:
    """12 CFR 1006.14(b)(2)(i)(A): the eighth call waits for the window to move."""
    log = [rules.CallRecord(datetime(2026, 12, d, 15, 0, tzinfo=UTC), "unanswered") for d in range(1, 8)]
    acct = new_york(calls=log)
    assert acct.call_count == 7
    v = rules.permitted(acct, "call", at=datetime(2026, 12, 7, 16, 0, tzinfo=UTC))
    assert v.allowed_from == datetime(2026, 12, 8, 13, 0, tzinfo=UTC)
    assert "contact.calls_per_window" in [r.rule_id for r in v.reasons[0].rules]


def test_breathing_space_and_the_default_notice_in_england() -> None:
    """SI 2020/1311 regs 7, 11 and 26; Consumer Credit Act 1974 s87(1), s88(2)."""
    base = dict(
        jurisdiction="GB-EAW",
        debt_type="written_contract",
        time_zones="Europe/London",
        defaulted_on=date(2025, 6, 1),
        default_notice_served_on=date(2026, 9, 1),
        letter_of_claim_on=date(2026, 9, 20),
    )
    at = datetime(2026, 12, 7, 11, 0, tzinfo=UTC)
    assert rules.permitted(rules.Account(**base), "litigate", at=at).allowed  # type: ignore[arg-type]
    bs = rules.Account(**base, breathing_space_started_on=date(2026, 11, 1))  # type: ignore[arg-type]
    v = rules.permitted(bs, "call", at=at)
    assert (v.status, v.allowed_from) == ("allowed_from", datetime(2026, 12, 31, tzinfo=UTC))
    assert v.reasons[0].until == datetime(2026, 12, 31, tzinfo=UTC)
    late_notice = rules.Account(**{**base, "default_notice_served_on": date(2026, 12, 1)})  # type: ignore[arg-type]
    assert rules.permitted(late_notice, "litigate", at=at).allowed_from == datetime(2026, 12, 16, tzinfo=UTC)


def test_charge_off_deadline_and_reage() -> None:
    """FFIEC Uniform Retail Credit Classification policy (65 Fed. Reg. 36903): 180 / 120 days; re-ageing."""
    acct = new_york(first_delinquency=date(2026, 6, 1), defaulted_on=date(2026, 6, 1))
    v = rules.permitted(acct, "charge_off", at=MONDAY_10AM_NY)
    assert (
        v.allowed and v.required_by == date(2026, 11, 28) and v.deadline.rule_id == "gate.charge_off_open_end"
    )
    closed = acct.replace(open_end=False)
    assert rules.permitted(closed, "charge_off", at=MONDAY_10AM_NY).required_by == date(2026, 9, 29)
    reaged = acct.replace(consecutive_minimum_payments=3, reaged_on=[date(2026, 6, 15)])
    assert rules.permitted(reaged, "reage", at=MONDAY_10AM_NY).allowed_from == datetime(
        2027, 6, 15, 4, 0, tzinfo=UTC
    )


def test_a_date_judges_the_start_of_the_consumers_local_day() -> None:
    v = rules.permitted(new_york(), "call", at=date(2026, 12, 7))
    assert v.at == datetime(2026, 12, 7, 5, 0, tzinfo=UTC)  # midnight in New York
    assert v.allowed_from == datetime(2026, 12, 7, 13, 0, tzinfo=UTC)
    assert rules.permitted(new_york(), "call").at.tzinfo is not None  # None = now


def test_accounts_pickle_and_replace() -> None:
    acct = new_york(cease_requested_on=date(2026, 11, 2), opted_out="email text")
    again = pickle.loads(pickle.dumps(acct))
    assert again.opted_out == ["email", "text"]
    assert rules.permitted(again, "call", at=MONDAY_10AM_NY).status == "blocked"
    assert "US-NY" in repr(acct)
    assert acct.replace(cease_requested_on=None).cease_requested_on is None


@pytest.mark.parametrize(
    ("make", "error", "error_id"),
    [
        (
            lambda: rules.Account(jurisdiction="US-NY", ceased_on=date(2026, 1, 1)),
            InvalidInputError,
            "gate.unknown_field",
        ),
        (
            lambda: rules.Account(jurisdiction="US-NY", defaulted_on=1.5),
            FloatInputError,
            "python.float_input",
        ),
        (
            lambda: rules.Account(jurisdiction="US-NY", defaulted_on=datetime(2026, 1, 1, 9)),
            InvalidInputError,
            "date.has_time",
        ),
        (
            lambda: rules.Account(jurisdiction="US-NY", defaulted_on="2026-02-30"),
            InvalidInputError,
            "date.invalid",
        ),
        (
            lambda: rules.Account(jurisdiction="US-NY", debt_type="credit_card"),
            InvalidInputError,
            "limitation.debt_type",
        ),
        (
            lambda: rules.Account(jurisdiction="US-NY", opted_out=["fax"]),
            InvalidInputError,
            "gate.unknown_channel",
        ),
        (
            lambda: rules.Account(jurisdiction="US-NY", attorney_represented="yes"),
            InvalidInputError,
            "gate.fact_type",
        ),
        (
            lambda: rules.permitted(new_york(), "phone", at=MONDAY_10AM_NY),
            InvalidInputError,
            "gate.unknown_action",
        ),
        (
            lambda: rules.permitted(new_york(last_payment=date(2030, 1, 1)), "call", at=MONDAY_10AM_NY),
            InvalidInputError,
            "gate.future_fact",
        ),
        (
            lambda: rules.permitted(
                new_york(bankruptcy_filed_on=date(2026, 10, 1), bankruptcy_discharged_on=date(2026, 9, 1)),
                "call",
                at=MONDAY_10AM_NY,
            ),
            InvalidInputError,
            "gate.event_order",
        ),
        (
            lambda: rules.permitted(new_york(time_zones=["Mars/Olympus"]), "call", at=MONDAY_10AM_NY),
            InvalidInputError,
            "contact.unknown_time_zone",
        ),
        (
            lambda: rules.permitted(new_york(), "call", at=datetime(2026, 12, 7, 10)),
            InvalidInputError,
            "contact.naive_time",
        ),
        (
            lambda: rules.permitted(rules.Account(jurisdiction="EU"), "call", at=MONDAY_10AM_NY),
            UnknownJurisdictionError,
            "gate.jurisdiction",
        ),
        (
            lambda: rules.permitted(rules.Account(jurisdiction="US-XX"), "call", at=MONDAY_10AM_NY),
            UnknownJurisdictionError,
            "rules.unknown_jurisdiction",
        ),
        (lambda: rules.permitted({"jurisdiction": "US-NY"}, "call"), InvalidInputError, "gate.fact_type"),  # type: ignore[arg-type]
    ],
    ids=[
        "unknown field",
        "float date",
        "date with time",
        "impossible date",
        "debt type",
        "channel",
        "flag text",
        "action",
        "future fact",
        "event order",
        "zone",
        "naive time",
        "no gate rules",
        "bad code",
        "not an account",
    ],
)
def test_bad_input_gets_a_specific_error(make: object, error: type[Exception], error_id: str) -> None:
    with pytest.raises(error) as info:
        make()  # type: ignore[operator]
    assert info.value.id == error_id  # type: ignore[attr-defined]


# --- the columnar form -------------------------------------------------------------------------


def _book_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "account_id": ["a", "b", "c", "d"],
            "jurisdiction": ["US-NY", "US-TX", "GB-EAW", "GB-SCT"],
            "debt_type": ["open_account", "open_account", "written_contract", "written_contract"],
            "time_zone": ["America/New_York", None, "Europe/London", "Europe/London"],
            "defaulted_on": pd.to_datetime(["2025-01-15", "2021-03-15", "2025-06-01", "2019-01-10"]),
            "first_delinquency": pd.to_datetime(["2025-01-15", "2021-03-15", None, None]),
            "validation_notice_sent_on": pd.to_datetime(["2026-09-04", None, None, None]),
            "cease_requested_on": pd.to_datetime(["2026-11-02", None, None, None]),
            "breathing_space_started_on": pd.to_datetime([None, None, "2026-11-01", None]),
            "attorney_represented": [False, True, False, False],
        }
    )


def test_columns_match_the_scalar_verdicts() -> None:
    df = _book_frame()
    out = rules.permitted_columns(df, at=MONDAY_10AM_NY)
    assert list(out["account_id"]) == ["a", "b", "c", "d"]
    for i, row in df.iterrows():
        fields = {
            k: (None if pd.isna(v) else (v.date() if isinstance(v, pd.Timestamp) else v))
            for k, v in row.items()
            if k not in ("account_id", "time_zone")
        }
        zone = row["time_zone"]
        acct = rules.Account(**fields, time_zones=[] if pd.isna(zone) else [zone])  # type: ignore[arg-type]
        for action, v in rules.permitted_actions(acct, at=MONDAY_10AM_NY).items():
            assert out.loc[i, action] == v.status, (i, action)
            expected_from = pd.NaT if v.allowed_from is None else pd.Timestamp(v.allowed_from)
            assert (pd.isna(out.loc[i, f"{action}_from"]) and pd.isna(expected_from)) or out.loc[
                i, f"{action}_from"
            ] == expected_from
            rule = out.loc[i, f"{action}_rule"]
            assert (pd.isna(rule) and not v.reasons) or rule == v.reasons[0].rule_id
    assert out.loc[0, "call"] == "blocked" and out.loc[0, "call_rule"] == "gate.cease_communication"
    assert out.loc[1, "litigate_rule"] == "gate.time_barred_suit"
    assert out.loc[2, "call"] == "allowed_from"
    assert out.loc[3, "sell_rule"] == "gate.prescribed_debt"


def test_columns_collect_bad_rows() -> None:
    df = _book_frame()
    df.loc[1, "cease_requested_on"] = pd.Timestamp("2030-01-01")
    with pytest.raises(InvalidInputError, match="row 1"):
        rules.permitted_columns(df, at=MONDAY_10AM_NY)
    out = rules.permitted_columns(df, at=MONDAY_10AM_NY, actions=["call", "litigate"], errors="collect")
    assert list(out.columns[:3]) == ["account_id", "call", "call_from"]
    assert out.loc[1, "error_id"] == "gate.future_fact" and out.loc[1, "call"] == "blocked"
    assert pd.isna(out.loc[0, "error_id"])
    with pytest.raises(InvalidInputError, match="unknown column"):
        rules.permitted_columns(df.rename(columns={"defaulted_on": "default_date"}), at=MONDAY_10AM_NY)


_dates = st.one_of(st.none(), st.dates(min_value=date(2018, 1, 1), max_value=date(2026, 12, 6)))


@settings(max_examples=60, deadline=None)
@given(
    default=_dates,
    cease=_dates,
    filed=_dates,
    dispute=_dates,
    attorney=st.booleans(),
    state=st.sampled_from(["US-NY", "US-TX", "US-CA", "US-MA"]),
)
def test_a_blocking_event_never_frees_an_action(
    default: date | None,
    cease: date | None,
    filed: date | None,
    dispute: date | None,
    attorney: bool,
    state: str,
) -> None:
    at = datetime(2026, 12, 7, 17, 0, tzinfo=UTC)
    acct = rules.Account(
        jurisdiction=state,
        defaulted_on=default,
        first_delinquency=default,
        cease_requested_on=cease,
        bankruptcy_filed_on=filed,
        dispute_received_on=dispute,
        attorney_represented=attorney,
        time_zones=["America/Chicago"],
        validation_notice_sent_on=date(2017, 6, 1),
    )
    before = rules.permitted_actions(acct, at=at)
    after = rules.permitted_actions(
        acct.replace(
            cease_requested_on=cease or date(2026, 12, 7), bankruptcy_filed_on=filed or date(2026, 12, 7)
        ),
        at=at,
    )
    for action, v in before.items():
        if v.status == "blocked":
            assert after[action].status == "blocked", action
        if v.status != "allowed":
            assert v.reasons and v.rules[0].rule_id == v.reasons[0].rule_id  # cites what decided
        if v.status == "allowed_from" and after[action].status == "allowed_from":
            assert after[action].allowed_from >= v.allowed_from


# --- the CLI -----------------------------------------------------------------------------------


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "recoup", *args], capture_output=True, text=True, check=False
    )


def test_cli_check_actions_text_and_json(tmp_path: object) -> None:
    args = [
        "check",
        "actions",
        "--jurisdiction",
        "US-NY",
        "--time-zone",
        "America/New_York",
        "--at",
        "2026-12-07T15:00:00+00:00",
        "--fact",
        "cease_requested_on=2026-11-02",
        "--fact",
        "defaulted_on=2025-01-15",
        "--fact",
        "first_delinquency=2025-01-15",
        "--fact",
        "validation_notice_sent_on=2026-09-04",
    ]
    text = _cli(*args)
    assert text.returncode == 0, text.stderr
    assert "judged at 2026-12-07T15:00:00+00:00" in text.stdout
    call_line = next(line for line in text.stdout.splitlines() if line.startswith("call "))
    assert "blocked" in call_line and "gate.cease_communication" in call_line
    js = _cli(*args, "--format", "json", "--action", "call", "--action", "termination_notice")
    assert js.returncode == 0, js.stderr
    out = json.loads(js.stdout)
    assert out["at_is_now"] is False
    assert out["actions"]["call"]["status"] == "blocked"
    assert out["actions"]["call"]["reasons"][0]["rule_id"] == "gate.cease_communication"
    assert out["actions"]["termination_notice"]["status"] == "allowed"
    now = _cli("check", "actions", "--jurisdiction", "US-TX", "--format", "json")
    assert json.loads(now.stdout)["at_is_now"] is True


def test_cli_check_actions_errors() -> None:
    bad = _cli("check", "actions", "--jurisdiction", "US-NY", "--fact", "ceased_on=2026-01-01")
    assert bad.returncode != 0 and "unknown account field" in bad.stderr
    bad = _cli("check", "actions", "--fact", "defaulted_on=2026-01-01")
    assert bad.returncode != 0 and "--jurisdiction" in bad.stderr
    bad = _cli("check", "actions", "--jurisdiction", "US-NY", "--fact", "cease")
    assert bad.returncode != 0 and "name=value" in bad.stderr


def test_gate_packs_state_their_rules_with_citations() -> None:
    table = rules.table(prefix="gate.")
    assert len(table) >= 30
    assert table["citation"].str.len().min() > 0
    assert set(table["certainty"]) <= {"verified", "secondary", "unverified", "contested"}
    for params in table["params"]:
        assert params["condition"] and params["actions"] and params["text"]


def test_times_are_exact_seconds() -> None:
    v = rules.permitted(new_york(), "call", at=datetime(2026, 12, 7, 12, 59, 59, tzinfo=UTC))
    assert v.allowed_from - v.at == timedelta(seconds=1)
    assert np.int64(v.allowed_from.timestamp()) == 1796648400
