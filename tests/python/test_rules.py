"""The rules core from Python: the rule book and its packs, verdicts that cite and explain, and
limitation periods (scalar and columnar). Worked examples name the statute they follow."""

from __future__ import annotations

import datetime
import pathlib
from datetime import date

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import recoup
from recoup import rules

AS_OF = date(2026, 11, 23)


# --- the acceptance call -------------------------------------------------------------------------


def test_texas_open_account_from_the_last_payment() -> None:
    # Tex. Civ. Prac. & Rem. Code § 16.004(c): open account, 4 years from when dealings ceased.
    v = rules.limitation(
        jurisdiction="US-TX", debt_type="open_account", last_payment=date(2021, 3, 15), as_of=AS_OF
    )
    assert v.status == "expired"
    assert v.expires_on == date(2025, 3, 15)
    assert v.citation == "Tex. Civ. Prac. & Rem. Code § 16.004(c)"
    assert v.rule_id == "limitation.open_account"
    assert v.certainty in ("verified", "secondary", "unverified", "contested")
    text = v.explain()
    assert "16.004(c)" in text and "2025-03-15" in text and "expired" in text.lower()
    assert v.rules[0].jurisdiction == "US-TX"
    assert str(v) == text


def test_running_debt_and_what_a_payment_would_do() -> None:
    v = rules.limitation(
        jurisdiction="GB-EAW", debt_type="open_account", last_payment=date(2024, 5, 1), as_of=AS_OF
    )
    assert v.status == "running"
    assert v.expires_on == date(2030, 5, 1)  # Limitation Act 1980 s.5: six years
    assert v.payment_now_restarts  # s.29(5): a part payment restarts the period


def test_no_start_date_is_unknown_never_a_guess() -> None:
    v = rules.limitation(jurisdiction="US-CA", debt_type="written_contract", as_of=AS_OF)
    assert v.status == "unknown"
    assert v.expires_on is None
    assert "unknown" in v.explain().lower()


def test_scotland_prescription_extinguishes() -> None:
    # Prescription and Limitation (Scotland) Act 1973 s.6: five years, the obligation is extinguished.
    v = rules.limitation(
        jurisdiction="GB-SCT", debt_type="open_account", defaulted_on=date(2019, 1, 10), as_of=AS_OF
    )
    assert v.status == "expired"
    assert v.extinguished
    assert not v.payment_now_revives


def test_new_york_cplr_214i_no_revival() -> None:
    # CPLR 214-i (from 2022-04-07): a payment after expiry does not revive consumer credit debt.
    v = rules.limitation(
        jurisdiction="US-NY", debt_type="open_account", defaulted_on=date(2020, 1, 10), as_of=AS_OF
    )
    assert v.status == "expired"
    assert not v.payment_now_revives
    assert any("214" in r.citation for r in v.rules)


def test_a_lower_bound_start_is_said_so() -> None:
    v = rules.limitation(
        jurisdiction="GB-EAW", debt_type="open_account", last_payment=date(2024, 5, 1), as_of=AS_OF
    )
    assert v.start_is_lower_bound or v.starts_on == date(2024, 5, 1)


# --- bad input ----------------------------------------------------------------------------------


def test_unknown_jurisdiction_and_debt_type_are_named() -> None:
    with pytest.raises(recoup.UnknownJurisdictionError) as e:
        rules.limitation(
            jurisdiction="US-XX", debt_type="open_account", last_payment=date(2024, 1, 1), as_of=AS_OF
        )
    assert e.value.id.startswith("rules.")
    assert "US-XX" in str(e.value)
    with pytest.raises(recoup.InvalidInputError) as e2:
        rules.limitation(
            jurisdiction="US-TX", debt_type="credit_card", last_payment=date(2024, 1, 1), as_of=AS_OF
        )
    assert e2.value.id == "limitation.debt_type"
    assert "open_account" in str(e2.value)


@pytest.mark.parametrize("bad", [float("nan"), 1.5, "2024-02-30", "yesterday"])
def test_bad_dates_are_refused(bad: object) -> None:
    with pytest.raises((recoup.RecoupError, TypeError, ValueError)):
        rules.limitation(jurisdiction="US-TX", debt_type="open_account", last_payment=bad, as_of=AS_OF)  # type: ignore[arg-type]


def test_before_any_version_is_not_in_force() -> None:
    with pytest.raises(recoup.RuleNotInForceError) as e:
        rules.rule("US-TX", "limitation.open_account", date(1900, 1, 1))
    assert e.value.id == "rules.not_in_force"


# --- the rule book and packs --------------------------------------------------------------------


def test_table_lists_every_rule_with_citation_and_certainty() -> None:
    df = rules.table()
    assert len(df) > 200
    assert set(df["certainty"]) <= {"verified", "secondary", "unverified", "contested"}
    assert (df["citation"].str.len() > 0).all()
    states = {j for j in df["jurisdiction"] if j.startswith("US-")}
    assert len(states) == 51  # 50 states + DC
    tx = rules.table(jurisdiction="US-TX", prefix="limitation.", as_of=AS_OF)
    assert set(tx["rule_id"]) >= {"limitation.open_account", "limitation.written_contract"}


def test_override_pack_replaces_a_figure(tmp_path: pathlib.Path) -> None:
    pack = tmp_path / "acme.toml"
    pack.write_text(
        """schema = 1
[pack]
id = "acme-overrides"
title = "Acme's counsel's reading"
reviewed = 2026-11-01

[[rule]]
id = "limitation.open_account"
jurisdiction = "US-TX"
effective_from = 1985-09-01
value = 6
unit = "years"
citation = "Acme legal memo 2026-14"
certainty = "secondary"
[rule.params]
start_event = "default"
restart_by_payment = false
restart_by_acknowledgment = true
revival_after_expiry = "acknowledgment"
"""
    )
    book = rules.load_pack(pack)
    v = rules.limitation(
        jurisdiction="US-TX", debt_type="open_account", defaulted_on=date(2021, 3, 15), as_of=AS_OF, book=book
    )
    assert v.expires_on == date(2027, 3, 15)
    assert v.citation == "Acme legal memo 2026-14"
    # the built-in book is untouched
    w = rules.limitation(
        jurisdiction="US-TX", debt_type="open_account", defaulted_on=date(2021, 3, 15), as_of=AS_OF
    )
    assert w.expires_on == date(2025, 3, 15)
    assert "acme-overrides" in [p.id for p in book.packs()]


def test_broken_pack_names_file_line_and_key(tmp_path: pathlib.Path) -> None:
    pack = tmp_path / "broken.toml"
    pack.write_text(
        """schema = 1
[pack]
id = "broken"
title = "broken"
reviewed = 2026-11-01

[[rule]]
id = "limitation.open_account"
jurisdiction = "US-TX"
effective_from = 1985-09-01
value = 6
unit = "years"
citation = "x"
certainty = "sure"
"""
    )
    with pytest.raises(recoup.RulePackError) as e:
        rules.load_pack(pack)
    assert e.value.id == "rules.pack"
    msg = str(e.value)
    assert "broken.toml" in msg and "line 14" in msg and "certainty" in msg


def test_float_values_in_packs_are_refused(tmp_path: pathlib.Path) -> None:
    pack = tmp_path / "float.toml"
    pack.write_text(
        'schema = 1\n[pack]\nid = "f"\ntitle = "f"\nreviewed = 2026-11-01\n[[rule]]\nid = "x.rate"\n'
        'jurisdiction = "US"\neffective_from = 2020-01-01\nvalue = 0.25\nunit = "ratio"\ncitation = "c"\n'
        'certainty = "verified"\n'
    )
    with pytest.raises(recoup.RulePackError, match="decimal string"):
        rules.load_pack(pack)


def test_missing_pack_file() -> None:
    with pytest.raises(recoup.RulePackError, match="cannot open"):
        rules.load_pack("/nonexistent/pack.toml")


def test_jurisdiction_codes() -> None:
    assert rules.is_jurisdiction_code("US-TX") and rules.is_jurisdiction_code("GB-SCT")
    assert rules.is_jurisdiction_code("DE")
    assert not rules.is_jurisdiction_code("us-tx")
    assert rules.parent_jurisdiction("US-TX") == "US"


# --- columns ------------------------------------------------------------------------------------

JURISDICTIONS = ["US-TX", "US-NY", "US-CA", "US-WI", "US-MS", "US-OH", "GB-EAW", "GB-SCT", "GB-NIR", "US-DC"]
DEBT_TYPES = ["written_contract", "oral_contract", "promissory_note", "open_account"]


def test_columns_match_scalar_verdicts_on_a_grid() -> None:
    rows = [
        (j, t, d, p)
        for j in JURISDICTIONS
        for t in DEBT_TYPES
        for d, p in [
            (None, date(2021, 3, 15)),
            (date(2018, 6, 1), date(2023, 2, 1)),
            (date(2024, 1, 31), None),
            (None, None),
        ]
    ]

    def col(values: list[date | None]) -> np.ndarray:
        return np.array([np.datetime64(v) if v else np.datetime64("NaT") for v in values], "datetime64[D]")

    out = rules.limitation_columns(
        [r[0] for r in rows],
        [r[1] for r in rows],
        defaulted_on=col([r[2] for r in rows]),
        last_payment=col([r[3] for r in rows]),
        as_of=AS_OF,
    )
    for i, (j, t, d, p) in enumerate(rows):
        v = rules.limitation(jurisdiction=j, debt_type=t, defaulted_on=d, last_payment=p, as_of=AS_OF)
        assert rules.LIMITATION_STATUSES[out["status"][i]] == v.status, (j, t, d, p)
        got = out["expires_on"][i]
        assert (np.isnat(got) and v.expires_on is None) or got == np.datetime64(v.expires_on), (j, t, d, p)
        flags = int(out["flags"][i])
        assert bool(flags & rules.LIMITATION_FLAGS["extinguished"]) == v.extinguished
        assert bool(flags & rules.LIMITATION_FLAGS["payment_now_revives"]) == v.payment_now_revives
        assert bool(flags & rules.LIMITATION_FLAGS["payment_now_restarts"]) == v.payment_now_restarts


@settings(max_examples=200, deadline=None)
@given(
    j=st.sampled_from(JURISDICTIONS),
    t=st.sampled_from(DEBT_TYPES),
    d=st.none() | st.dates(date(1990, 1, 1), date(2026, 11, 1)),
    p=st.none() | st.dates(date(1990, 1, 1), date(2026, 11, 1)),
    a=st.none() | st.dates(date(1990, 1, 1), date(2026, 11, 1)),
    buyer=st.booleans(),
)
def test_columns_equal_scalar_property(
    j: str, t: str, d: date | None, p: date | None, a: date | None, buyer: bool
) -> None:
    def one(v: date | None) -> np.ndarray:
        return np.array([np.datetime64(v) if v else np.datetime64("NaT")], "datetime64[D]")

    out = rules.limitation_columns(
        [j], [t], defaulted_on=one(d), last_payment=one(p), last_acknowledgment=one(a),
        debt_buyer=np.array([buyer]), as_of=AS_OF,
    )  # fmt: skip
    v = rules.limitation(
        jurisdiction=j,
        debt_type=t,
        defaulted_on=d,
        last_payment=p,
        last_acknowledgment=a,
        debt_buyer=buyer,
        as_of=AS_OF,
    )
    assert rules.LIMITATION_STATUSES[out["status"][0]] == v.status
    got = out["expires_on"][0]
    assert (np.isnat(got) and v.expires_on is None) or got == np.datetime64(v.expires_on)


def test_columns_refuse_floats_and_unknown_types() -> None:
    with pytest.raises(recoup.InvalidInputError) as e:
        rules.limitation_columns(["US-TX"], ["credit_card"], last_payment=["2024-01-01"], as_of=AS_OF)
    assert e.value.id == "limitation.debt_type" and "row 0" in str(e.value)
    with pytest.raises(recoup.RecoupError):
        rules.limitation_columns(["US-TX"], ["open_account"], last_payment=np.array([1.5]), as_of=AS_OF)
    with pytest.raises(recoup.RecoupError):
        rules.limitation_columns(
            ["US-TX", "US-NY"], ["open_account"], last_payment=["2024-01-01"], as_of=AS_OF
        )
    with pytest.raises(recoup.UnknownJurisdictionError):
        rules.limitation_columns(["US-ZZ"], ["open_account"], last_payment=["2024-01-01"], as_of=AS_OF)


def test_columns_as_of_per_row_and_empty() -> None:
    out = rules.limitation_columns(
        ["GB-EAW", "GB-EAW"],
        ["open_account", "open_account"],
        defaulted_on=["2020-01-01", "2020-01-01"],
        as_of=np.array(["2025-12-31", "2026-01-02"], "datetime64[D]"),
    )
    assert [rules.LIMITATION_STATUSES[s] for s in out["status"]] == ["running", "expired"]
    empty = rules.limitation_columns([], [], as_of=AS_OF)
    assert empty["status"].shape == (0,)


def test_acceptance_names_of_the_other_checks_are_exported() -> None:
    for name in (
        "credit_reporting_obsolete_on",
        "validation_period_end",
        "garnishment_limit",
        "breathing_space",
        "late_payment_compensation",
        "may_call",
        "check_call_log",
        "form_1099c_required",
    ):
        assert callable(getattr(rules, name)), name
        assert name in rules.__all__


def test_columns_take_pandas_categoricals_and_refuse_missing_codes() -> None:
    pd = pytest.importorskip("pandas")
    jur = pd.Series(["US-TX", "GB-EAW", "US-TX"], dtype=pd.CategoricalDtype(["US-ZZ", "GB-EAW", "US-TX"]))
    kind = pd.Categorical(["open_account"] * 3)
    paid = np.array(["2021-03-15", "2024-05-01", "2025-01-01"], "datetime64[D]")
    out = rules.limitation_columns(jur, kind, last_payment=paid, as_of=AS_OF)  # the unused US-ZZ is ignored
    text = rules.limitation_columns(list(jur), list(kind), last_payment=paid, as_of=AS_OF)
    assert (out["expires_on"] == text["expires_on"]).all() and (out["status"] == text["status"]).all()
    with pytest.raises(recoup.InvalidInputError) as e:
        rules.limitation_columns(["US-TX", None], ["open_account"] * 2, last_payment=paid[:2], as_of=AS_OF)
    assert e.value.id == "columns.missing" and "row 1" in str(e.value)
    with pytest.raises(recoup.InvalidInputError) as e2:
        rules.limitation_columns(["US-TX", 7], ["open_account"] * 2, last_payment=paid[:2], as_of=AS_OF)
    assert e2.value.id == "columns.dtype" and "row 1" in str(e2.value)


def test_after_the_last_version_says_how_to_supply_the_figure() -> None:
    # The Bank Rate table stops where the pack's sources stop; a later date is refused, not guessed.
    table = rules.table(jurisdiction="GB", prefix="reference_rate.boe_bank_rate")
    if table["effective_to"].isna().any():
        pytest.skip("the Bank Rate table has an open-ended version now")
    last = table["effective_to"].max()
    with pytest.raises(recoup.RuleNotInForceError) as e:
        rules.rule("GB", "reference_rate.boe_bank_rate", last + datetime.timedelta(days=1))
    assert e.value.id == "rules.not_in_force"
    assert f"the table ends on {last:%Y-%m-%d}" in str(e.value) and "load_pack" in str(e.value)
    assert isinstance(e.value, LookupError) and not isinstance(e.value, recoup.UnknownJurisdictionError)
