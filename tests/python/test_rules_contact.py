"""Reg F contact checks from Python: may_call (one person, one debt) and check_call_log (a whole
log). Worked examples from the catalogue (section 6, T-RF-4; 12 CFR 1006.14(b)(2)(i)(A)-(B)),
the New York DST changes of 2026 at 08:00 and 21:00, several candidate zones, excluded calls,
the Massachusetts and Washington overlays, errors, and a dialer that follows next_allowed."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from recoup import InvalidInputError, UnknownJurisdictionError
from recoup._rules_contact import (
    CALL_OUTCOMES,
    CallRecord,
    ContactVerdict,
    check_call_log,
    may_call,
)

UTC = timezone.utc
NY = ["America/New_York"]


def at(text: str) -> datetime:
    """'2026-04-06 14:00' (UTC) as an aware datetime."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def calls(*items: str | tuple[str, str]) -> list[CallRecord]:
    out = []
    for item in items:
        when, outcome = (item, "unanswered") if isinstance(item, str) else item
        out.append(CallRecord(at(when), outcome))
    return out


# T-RF-4: countable calls on days 1,1,2,3,4,5,6 (days 1..8 = 2026-04-06..13, New York, EDT;
# 14:00 UTC is 10:00 local); busy signals and numbers not in service do not count.
T_RF_4 = [
    *calls("2026-04-06 14:00", ("2026-04-06 15:00", "voicemail"), "2026-04-07 14:00", "2026-04-08 14:00"),
    *calls("2026-04-09 14:00", ("2026-04-10 14:00", "voicemail"), "2026-04-11 14:00"),
    *calls(("2026-04-11 15:00", "not_connected"), ("2026-04-12 13:00", "not_connected")),
]


class TestWorkedExamples:
    def test_eighth_call_in_seven_days_is_blocked(self) -> None:
        v = may_call(T_RF_4, at("2026-04-12 14:00"), NY)
        assert isinstance(v, ContactVerdict)
        assert not v.allowed and not v
        (r,) = v.reasons
        assert (r.kind, r.rule_id, r.jurisdiction) == ("call_frequency", "contact.calls_per_window", "US")
        assert len(r.calls) == 7 and all(c.tzinfo is not None for c in r.calls)
        assert (r.window_from, r.window_to) == (date(2026, 4, 6), date(2026, 4, 12))
        assert "would be number 8" in r.message
        assert v.next_allowed == at("2026-04-13 12:00")  # 08:00 EDT on day 8
        assert v.rule_id == "contact.calls_per_window"
        assert "1006.14(b)(2)(i)(A)" in v.citation
        assert "1006.14(b)(2)(i)(A)" in v.explain()

    def test_day_eight_allows_two_calls_not_three(self) -> None:
        log = list(T_RF_4)
        for when, expected in [
            ("2026-04-13 14:00", True),
            ("2026-04-13 15:00", True),
            ("2026-04-13 16:00", False),
        ]:
            v = may_call(log, at(when), NY)
            assert v.allowed is expected, when
            log.append(CallRecord(at(when)))

    def test_conversation_on_day_d_blocks_through_d_plus_6(self) -> None:
        log = [(at("2026-04-06 14:00"), "connected_conversation")]
        v = may_call(log, at("2026-04-06 19:00"), NY)
        (r,) = v.reasons
        assert r.kind == "post_conversation_wait"
        assert (r.conversation_on, r.blocked_through) == (date(2026, 4, 6), date(2026, 4, 12))
        assert v.next_allowed == at("2026-04-13 12:00")
        assert "1006.14(b)(2)(i)(B)" in v.citation
        assert not may_call(log, at("2026-04-12 20:00"), NY).allowed
        assert may_call(log, at("2026-04-13 12:00"), NY).allowed

    def test_voicemail_is_not_a_conversation(self) -> None:
        assert may_call([(at("2026-04-06 14:00"), "voicemail")], at("2026-04-06 19:00"), NY).allowed


class TestExcludedCalls:
    def test_not_connected_calls_do_not_count(self) -> None:
        log = [CallRecord(at(f"2026-04-06 {h}:00"), "not_connected") for h in range(12, 22)]
        assert may_call(log, at("2026-04-07 14:00"), NY).allowed

    def test_consented_calls_do_not_count(self) -> None:
        log = [CallRecord(c.at, c.outcome, excluded_by_consent=True) for c in T_RF_4]
        assert may_call(log, at("2026-04-12 14:00"), NY).allowed

    def test_a_call_placed_with_consent_is_excluded(self) -> None:
        assert may_call(T_RF_4, at("2026-04-12 14:00"), NY, with_consent=True).allowed


# (proposed UTC time, zones, allowed, next_allowed UTC): New York spring-forward Sunday
# 2026-03-08 and fall-back Sunday 2026-11-01, at the 08:00 and 21:00 boundaries.
DST = [
    ("2026-03-07 12:59:59", NY, False, "2026-03-07 13:00:00"),  # 07:59:59 EST
    ("2026-03-08 01:59:59", NY, True, "2026-03-08 01:59:59"),  # 20:59:59 EST
    ("2026-03-08 02:00:00", NY, False, "2026-03-08 12:00:00"),  # 21:00 EST -> 08:00 EDT
    ("2026-03-08 11:30:00", NY, False, "2026-03-08 12:00:00"),  # 07:30 EDT
    ("2026-03-08 12:30:00", NY, True, "2026-03-08 12:30:00"),  # 08:30 EDT (07:30 in EST terms)
    ("2026-03-09 00:59:59", NY, True, "2026-03-09 00:59:59"),  # 20:59:59 EDT
    ("2026-03-09 01:00:00", NY, False, "2026-03-09 12:00:00"),  # 21:00 EDT
    ("2026-10-31 12:00:00", NY, True, "2026-10-31 12:00:00"),  # 08:00 EDT
    ("2026-11-01 00:59:59", NY, True, "2026-11-01 00:59:59"),  # 20:59:59 EDT
    ("2026-11-01 01:00:00", NY, False, "2026-11-01 13:00:00"),  # 21:00 EDT -> 08:00 EST
    ("2026-11-01 12:30:00", NY, False, "2026-11-01 13:00:00"),  # 07:30 EST
    ("2026-11-02 01:59:59", NY, True, "2026-11-02 01:59:59"),  # 20:59:59 EST
    ("2026-11-02 02:00:00", NY, False, "2026-11-02 13:00:00"),  # 21:00 EST
]
TWO_ZONES = ["America/Los_Angeles", "America/New_York"]
BOTH = [
    ("2026-06-10 14:00:00", TWO_ZONES, False, "2026-06-10 15:00:00"),  # 10:00 EDT, 07:00 PDT
    ("2026-06-10 14:59:59", TWO_ZONES, False, "2026-06-10 15:00:00"),
    ("2026-06-10 15:00:00", TWO_ZONES, True, "2026-06-10 15:00:00"),  # 11:00 EDT, 08:00 PDT
    ("2026-06-11 00:59:59", TWO_ZONES, True, "2026-06-11 00:59:59"),  # 20:59:59 EDT
    ("2026-06-11 01:00:00", TWO_ZONES, False, "2026-06-11 15:00:00"),  # 21:00 EDT, 18:00 PDT
]


@pytest.mark.parametrize(
    ("when", "zones", "allowed", "next_allowed"), DST + BOTH, ids=[r[0] for r in DST + BOTH]
)
def test_hours_across_dst_and_zones(when: str, zones: list[str], allowed: bool, next_allowed: str) -> None:
    v = may_call([], at(when), zones)
    assert v.allowed is allowed
    assert v.next_allowed == at(next_allowed)
    if not allowed:
        assert {r.kind for r in v.reasons} == {"inconvenient_time"}


def test_hours_reason_names_the_zone_and_local_time() -> None:
    v = may_call([], at("2026-06-10 14:00"), TWO_ZONES)
    (r,) = v.reasons
    assert (r.time_zone, r.local_time, r.rule_id) == (
        "America/Los_Angeles",
        "07:00:00 PDT",
        "contact.earliest_local_time",
    )


def test_zones_without_a_common_hour_are_never_allowed() -> None:
    v = may_call([], at("2026-06-10 14:00"), ["Asia/Shanghai", "Europe/London", "America/Los_Angeles"])
    assert not v.allowed and v.next_allowed is None
    assert "share no convenient hour" in v.explain()


def test_aware_datetimes_in_any_zone() -> None:
    local = datetime(2026, 3, 8, 8, 0, tzinfo=ZoneInfo("America/New_York"))  # 12:00 UTC
    assert may_call([], local, "America/New_York").allowed
    assert not may_call([], local - timedelta(seconds=1), "America/New_York").allowed


class TestStateOverlays:
    def test_massachusetts_two_personal_calls_in_seven_days(self) -> None:
        log = calls("2026-04-06 14:00", "2026-04-08 14:00")
        assert may_call(log, at("2026-04-10 14:00"), NY).allowed
        v = may_call(log, at("2026-04-10 14:00"), NY, "US-MA")
        (r,) = v.reasons
        assert r.jurisdiction == "US-MA"
        assert "209 CMR 18.16(1)(d)" in v.citation
        assert v.next_allowed == at("2026-04-13 12:00")
        assert may_call(log, at("2026-04-10 14:00"), NY, "US-MA", number_kind="other").allowed

    def test_massachusetts_two_other_number_calls_in_thirty_days(self) -> None:
        log = [
            CallRecord(at("2026-04-01 14:00"), number_kind="other"),
            CallRecord(at("2026-04-10 14:00"), "voicemail", number_kind="other"),
        ]
        v = may_call(log, at("2026-04-20 14:00"), NY, "US-MA", number_kind="other")
        assert v.reasons[0].rule_id == "contact.other_number_calls_per_window"
        assert v.reasons[0].blocked_through == date(2026, 4, 30)  # the window from day 1 holds both
        assert v.next_allowed == at("2026-05-01 12:00")

    def test_washington_three_a_week_and_federal_hours(self) -> None:
        seattle = ["America/Los_Angeles"]
        log = calls("2026-04-06 16:00", "2026-04-07 16:00", "2026-04-08 16:00")
        assert may_call(log, at("2026-04-09 16:00"), seattle).allowed
        v = may_call(log, at("2026-04-09 16:00"), seattle, "US-WA")
        assert v.reasons[0].jurisdiction == "US-WA"
        assert v.next_allowed == at("2026-04-13 15:00")
        early = may_call([], at("2026-04-09 14:45"), seattle, "US-WA")  # 07:45 PDT
        assert not early.allowed and early.earliest_local_time == "08:00"
        assert any(
            r.jurisdiction == "US-WA" and r.rule_id == "contact.earliest_local_time" for r in early.rules
        )


PACK = """schema = 1
[pack]
id = "acme-contact"
title = "ACME house limits"
reviewed = 2026-11-23

[[rule]]
id = "contact.calls_per_window"
jurisdiction = "US-NY"
effective_from = 2021-11-30
value = 1
unit = "calls"
citation = "ACME policy 4.2"
certainty = "verified"

[[rule]]
id = "contact.window_days"
jurisdiction = "US-NY"
effective_from = 2021-11-30
value = 2
unit = "days"
citation = "ACME policy 4.2"
certainty = "verified"
"""


def test_a_user_pack_adds_an_overlay(tmp_path: Any) -> None:
    from recoup.rules import load_pack

    path = tmp_path / "acme.toml"
    path.write_text(PACK)
    book = load_pack(path)
    log = calls("2026-04-06 14:00")
    assert may_call(log, at("2026-04-07 14:00"), NY, "US-NY").allowed
    v = may_call(log, at("2026-04-07 14:00"), NY, "US-NY", book=book)
    assert (v.allowed, v.citation) == (False, "ACME policy 4.2")
    assert v.next_allowed == at("2026-04-08 12:00")
    flags = check_call_log(
        {"time": [c.at for c in log * 2], "outcome": ["voicemail"] * 2},
        "UTC",
        jurisdiction="US-NY",
        book=book,
    )
    assert flags.over_state_limit.tolist() == [False, True]


class TestErrors:
    def test_unknown_time_zone_is_named(self) -> None:
        with pytest.raises(InvalidInputError, match="America/New_Yrok") as e:
            may_call([], at("2026-04-06 14:00"), ["America/New_Yrok"])
        assert e.value.id == "contact.unknown_time_zone"

    def test_no_time_zone(self) -> None:
        with pytest.raises(InvalidInputError) as e:
            may_call([], at("2026-04-06 14:00"), [])
        assert e.value.id == "contact.no_time_zone"

    def test_naive_datetimes_are_refused(self) -> None:
        with pytest.raises(InvalidInputError, match="naive") as e:
            may_call([], datetime(2026, 4, 6, 14), NY)
        assert e.value.id == "contact.naive_time"
        with pytest.raises(InvalidInputError) as e:
            may_call([(datetime(2026, 4, 6, 14), "unanswered")], at("2026-04-07 14:00"), NY)
        assert e.value.id == "contact.naive_time"
        with pytest.raises(InvalidInputError) as e:
            check_call_log(
                {"time": np.array(["2026-04-06T14:00"], dtype="datetime64[s]"), "outcome": ["voicemail"]},
                "UTC",
            )
        assert e.value.id == "contact.naive_time"

    def test_times_outside_the_calendar_are_refused(self) -> None:
        with pytest.raises(InvalidInputError, match="row 1") as e:
            check_call_log({"utc_seconds": np.array([0, 2**62]), "outcome": [1, 1]}, "UTC")
        assert e.value.id == "contact.time"

    def test_jurisdiction_outside_the_us(self) -> None:
        with pytest.raises(UnknownJurisdictionError) as e:
            may_call([], at("2026-04-06 14:00"), ["Europe/London"], "GB")
        assert e.value.id == "contact.jurisdiction"

    def test_bad_outcome_and_mixed_log(self) -> None:
        with pytest.raises(InvalidInputError, match="'busy'") as e:
            may_call([(at("2026-04-06 14:00"), "busy")], at("2026-04-07 14:00"), NY)
        assert e.value.id == "contact.outcome"
        mixed = [CallRecord(at("2026-04-06 14:00"), debt="A"), CallRecord(at("2026-04-06 15:00"), debt="B")]
        with pytest.raises(InvalidInputError) as e:
            may_call(mixed, at("2026-04-07 14:00"), NY)
        assert e.value.id == "contact.mixed_log"


class TestCallLog:
    def frame(self) -> Any:
        pd = pytest.importorskip("pandas")
        rows = [
            ("ann", "d1", "2026-04-12 14:00", "unanswered"),
            ("bob", "d1", "2026-04-06 14:00", "connected_conversation"),
            *[("ann", "d1", c.at.strftime("%Y-%m-%d %H:%M"), c.outcome) for c in T_RF_4],
            ("bob", "d1", "2026-04-12 20:00", "voicemail"),
            ("ann", "d2", "2026-04-10 02:00", "unanswered"),  # 22:00 EDT
        ]
        df = pd.DataFrame(rows, columns=["person", "debt", "time", "outcome"])
        df["time"] = pd.to_datetime(df["time"]).dt.tz_localize("UTC")
        return df.sample(frac=1.0, random_state=7)  # any order

    def test_flags_from_a_dataframe(self) -> None:
        df = self.frame()
        out = check_call_log(df, "America/New_York").to_pandas()
        assert list(out.index) == list(df.index)
        joined = df.join(out)
        ann = joined[(joined.person == "ann") & (joined.debt == "d1")].sort_values("time")
        assert ann.over_limit.tolist() == [False] * 9 + [True]
        assert ann.window_count.max() == 8
        assert not ann[ann.outcome == "not_connected"].counted.any()
        bob = joined[joined.person == "bob"].sort_values("time")
        assert bob.in_wait.tolist() == [False, True]
        assert joined[joined.debt == "d2"].outside_hours.all()
        assert int(out.outside_hours.sum()) == 1

    def test_columns_with_utc_seconds_and_a_zone_column(self) -> None:
        t = np.array([1775484000 + i * 3600 for i in range(3)], dtype=np.int64)  # 2026-04-06 14:00 UTC on
        flags = check_call_log(
            {
                "person": [1, 1, 1],
                "debt": [5, 5, 5],
                "utc_seconds": t,
                "outcome": [0, 1, 2],
                "time_zone": ["America/New_York", "Asia/Tokyo", "America/New_York"],
            },
            jurisdiction="US-MA",
        )
        assert flags.outside_hours.tolist() == [False, True, False]  # 00:00 in Tokyo
        assert flags.in_wait.tolist() == [False, True, True]
        assert flags.over_state_limit.tolist() == [False, False, True]
        assert flags.violation.tolist() == [False, True, True]

    def test_unknown_column_is_named(self) -> None:
        with pytest.raises(InvalidInputError, match="when") as e:
            check_call_log({"when": [], "outcome": []}, "UTC")
        assert e.value.id == "contact.column"

    def test_outcome_names(self) -> None:
        assert CALL_OUTCOMES == ("connected_conversation", "unanswered", "voicemail", "not_connected")


ZONE_SETS = [
    ["America/New_York"],
    ["America/Chicago", "America/New_York"],
    ["America/Los_Angeles", "America/Denver"],
]


@given(
    jurisdiction=st.sampled_from(["US", "US-MA", "US-WA"]),
    zones=st.sampled_from(ZONE_SETS),
    start=st.integers(min_value=0, max_value=365 * 86400),
    steps=st.lists(
        st.tuples(st.integers(min_value=0, max_value=40 * 3600), st.sampled_from(CALL_OUTCOMES)),
        min_size=1,
        max_size=40,
    ),
)
def test_a_dialer_that_follows_next_allowed_never_breaks_the_limits(
    jurisdiction: str, zones: list[str], start: int, steps: list[tuple[int, str]]
) -> None:
    log: list[CallRecord] = []
    t = at("2026-01-01 00:00") + timedelta(seconds=start)
    for gap, outcome in steps:
        v = may_call(log, t, zones, jurisdiction)
        if not v.allowed:
            assert v.next_allowed is not None and v.next_allowed >= t
            t = v.next_allowed
            assert may_call(log, t, zones, jurisdiction).allowed
        log.append(CallRecord(t, outcome))
        t += timedelta(seconds=gap)
    # the oracle: count counted calls per 7 local days directly
    tz = ZoneInfo(zones[0])
    counted = sorted(c.at.astimezone(tz).date() for c in log if c.outcome != "not_connected")
    for i, day in enumerate(counted):
        in_window = [d for d in counted[: i + 1] if (day - d).days < 7]
        assert len(in_window) <= 7
    flags = check_call_log(
        {"time": [c.at for c in log], "outcome": [c.outcome for c in log]},
        zones[0],
        jurisdiction=jurisdiction,
    )
    assert not flags.violation.any()


@given(
    jurisdiction=st.sampled_from(["US", "US-MA", "US-WA"]),
    rows=st.lists(
        st.tuples(
            st.integers(min_value=0, max_value=20 * 86400),
            st.sampled_from(CALL_OUTCOMES),
            st.booleans(),
            st.sampled_from(["personal", "other"]),
        ),
        min_size=1,
        max_size=30,
    ),
)
def test_check_call_log_agrees_with_may_call_on_every_prefix(
    jurisdiction: str, rows: list[tuple[int, str, bool, str]]
) -> None:
    """Each call's flags are may_call's verdict on the calls before it (the one kernel, twice)."""
    start = at("2026-02-20 00:00")
    log = [CallRecord(start + timedelta(seconds=s), o, c, k) for s, o, c, k in rows]
    flags = check_call_log(
        {
            "time": [r.at for r in log],
            "outcome": [r.outcome for r in log],
            "excluded_by_consent": [r.excluded_by_consent for r in log],
            "number_kind": [r.number_kind for r in log],
        },
        "America/New_York",
        jurisdiction=jurisdiction,
    )
    order = sorted(range(len(log)), key=lambda i: (log[i].at, i))
    for n, i in enumerate(order):
        call = log[i]
        v = may_call(
            [log[j] for j in order[:n]],
            call.at,
            NY,
            jurisdiction,
            number_kind=call.number_kind,
            with_consent=call.excluded_by_consent,
        )
        kinds = {(r.kind, r.jurisdiction == "US") for r in v.reasons}
        assert flags.outside_hours[i] == (("inconvenient_time", True) in kinds)
        if call.outcome == "not_connected":
            assert not (
                flags.counted[i] or flags.over_limit[i] or flags.in_wait[i] or flags.over_state_limit[i]
            )
            continue
        assert flags.counted[i] == (not call.excluded_by_consent)
        assert flags.over_limit[i] == (("call_frequency", True) in kinds)
        assert flags.in_wait[i] == (("post_conversation_wait", True) in kinds)
        assert flags.over_state_limit[i] == (("call_frequency", False) in kinds)


def test_a_stream_flagged_in_chunks_with_30_days_of_history_matches_the_whole_log() -> None:
    rng = np.random.default_rng(11)
    n = 600
    utc_seconds = np.sort(1775001600 + rng.integers(0, 90 * 86400, n))  # 90 days from 2026-04-01
    log = {
        "person": rng.integers(0, 6, n),
        "debt": rng.integers(0, 2, n),
        "utc_seconds": utc_seconds,
        "outcome": rng.integers(0, 4, n),
        "number_kind": rng.integers(0, 2, n),
    }
    whole = check_call_log(log, "America/New_York", jurisdiction="US-MA", as_of="2026-06-01")
    for start in range(0, 90, 10):
        lo = 1775001600 + start * 86400
        new = (utc_seconds >= lo) & (utc_seconds < lo + 10 * 86400)
        rows = (utc_seconds >= lo - 30 * 86400) & (utc_seconds < lo + 10 * 86400)
        part = check_call_log(
            {k: v[rows] for k, v in log.items()}, "America/New_York", jurisdiction="US-MA", as_of="2026-06-01"
        )
        keep = new[rows]
        assert (part.flags[keep] == whole.flags[new]).all()
        assert (part.window_count[keep] == whole.window_count[new]).all()
