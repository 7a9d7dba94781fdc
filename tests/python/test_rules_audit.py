"""Rule data a compliance officer can sign off: the audit, table horizons and RuleNotInForceError,
and a sample of shipped figures checked against copies of the official figures (citation beside
each), across every pack."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from typing import Any

import pytest

import recoup
from recoup import rules
from recoup.cli import main

AUDIT_DAY = datetime.date(2026, 12, 7)

# (jurisdiction, rule id, as of, the official figure, where it is written)
OFFICIAL_FIGURES: list[tuple[str, str, datetime.date, Any, str]] = [
    # reference-rates
    (
        "GB",
        "reference_rate.boe_bank_rate",
        datetime.date(2023, 8, 3),
        Decimal("5.25"),
        "Bank of England, Bank Rate history: 5.25% from 3 Aug 2023",
    ),
    (
        "GB",
        "reference_rate.boe_bank_rate",
        datetime.date(2020, 3, 19),
        Decimal("0.10"),
        "Bank of England, Bank Rate history: 0.1% from 19 Mar 2020",
    ),
    (
        "EU",
        "reference_rate.ecb_main_refinancing",
        datetime.date(2023, 9, 20),
        Decimal("4.50"),
        "ECB key interest rates: MRO 4.50% with effect from 20 Sep 2023",
    ),
    (
        "EU",
        "reference_rate.ecb_main_refinancing",
        datetime.date(2016, 3, 16),
        Decimal("0.00"),
        "ECB key interest rates: MRO 0.00% with effect from 16 Mar 2016",
    ),
    # statutory-interest
    (
        "GB",
        "late_payment.margin",
        datetime.date(2024, 1, 1),
        Decimal("8"),
        "SI 2002/1675 art. 4: reference rate plus 8 per cent",
    ),
    (
        "EU",
        "late_payment.margin",
        datetime.date(2024, 1, 1),
        Decimal("8"),
        "Directive 2011/7/EU art. 2(6): reference rate plus at least 8 percentage points",
    ),
    (
        "GB-EAW",
        "judgment_interest.rate",
        datetime.date(2024, 1, 1),
        Decimal("8"),
        "Judgment Debts (Rate of Interest) Order 1993 (SI 1993/564): 8 per cent",
    ),
    # uk-limitation
    (
        "GB-EAW",
        "limitation.open_account",
        datetime.date(2024, 1, 1),
        6,
        "Limitation Act 1980 s5: simple contract, six years",
    ),
    (
        "GB-EAW",
        "limitation.specialty",
        datetime.date(2024, 1, 1),
        12,
        "Limitation Act 1980 s8(1): action upon a specialty, twelve years",
    ),
    (
        "GB-SCT",
        "limitation.open_account",
        datetime.date(2024, 1, 1),
        5,
        "Prescription and Limitation (Scotland) Act 1973 s6: five years",
    ),
    # uk-notices
    (
        "GB",
        "cca.default_notice_days",
        datetime.date(2024, 1, 1),
        14,
        "Consumer Credit Act 1974 s88(2): not less than 14 days after service",
    ),
    (
        "GB-EAW",
        "breathing_space.standard_days",
        datetime.date(2024, 1, 1),
        60,
        "SI 2020/1311 reg. 26: the standard breathing space ends 60 days after it starts",
    ),
    # us-contact
    (
        "US",
        "contact.calls_per_window",
        datetime.date(2024, 1, 1),
        7,
        "12 CFR 1006.14(b)(2)(i)(A): more than seven calls within seven consecutive days",
    ),
    (
        "US",
        "contact.earliest_local_time",
        datetime.date(2024, 1, 1),
        "08:00",
        "15 U.S.C. 1692c(a)(1): before 8 o'clock antemeridian is inconvenient",
    ),
    (
        "US",
        "contact.latest_local_time",
        datetime.date(2024, 1, 1),
        "21:00",
        "15 U.S.C. 1692c(a)(1): after 9 o'clock postmeridian is inconvenient",
    ),
    # us-notices
    (
        "US",
        "fcra.obsolescence_years",
        datetime.date(2024, 1, 1),
        7,
        "15 U.S.C. 1681c(a)(4): accounts placed for collection, more than seven years",
    ),
    (
        "US",
        "fcra.obsolescence_delay_days",
        datetime.date(2024, 1, 1),
        180,
        "15 U.S.C. 1681c(c)(1): 180-day period after the delinquency",
    ),
    (
        "US",
        "irs_1099c.threshold",
        datetime.date(2024, 1, 1),
        Decimal("600.00"),
        "26 CFR 1.6050P-1(a)(1): discharge of $600 or more",
    ),
    # us-garnishment
    (
        "US",
        "garnishment.disposable_percent",
        datetime.date(2024, 1, 1),
        Decimal("25"),
        "15 U.S.C. 1673(a)(1): 25 per centum of disposable earnings",
    ),
    (
        "US",
        "garnishment.floor_multiple",
        datetime.date(2024, 1, 1),
        30,
        "15 U.S.C. 1673(a)(2): thirty times the Federal minimum hourly wage",
    ),
    (
        "US",
        "wage.minimum_hourly",
        datetime.date(2024, 1, 1),
        Decimal("7.25"),
        "29 U.S.C. 206(a)(1)(C): $7.25 an hour from 24 July 2009",
    ),
    (
        "US-CA",
        "wage.minimum_hourly",
        datetime.date(2026, 1, 1),
        Decimal("16.90"),
        "California DIR minimum wage FAQ: $16.90 from 1 Jan 2026 (Lab. Code 1182.12)",
    ),
    # us-state-limitation
    (
        "US-TX",
        "limitation.open_account",
        datetime.date(2024, 1, 1),
        4,
        "Tex. Civ. Prac. & Rem. Code 16.004(c): four years",
    ),
    (
        "US-NY",
        "limitation.open_account",
        datetime.date(2022, 4, 7),
        3,
        "N.Y. CPLR 214-i (L.2021 c.593): three years for consumer credit transactions",
    ),
    (
        "US-NY",
        "limitation.open_account",
        datetime.date(2022, 4, 6),
        6,
        "N.Y. CPLR 213(2): six years upon a contractual obligation",
    ),
    (
        "US-OH",
        "limitation.written_contract",
        datetime.date(2021, 6, 16),
        6,
        "Ohio Rev. Code 2305.06 as amended by S.B. 13 (2021): six years",
    ),
    # us-gate
    (
        "US",
        "gate.time_barred_suit",
        datetime.date(2024, 1, 1),
        True,
        "12 CFR 1006.26(b): a debt collector must not bring a legal action on a time-barred debt",
    ),
    # uk-gate
    (
        "GB-EAW",
        "gate.breathing_space",
        datetime.date(2024, 1, 1),
        True,
        "SI 2020/1311 reg. 7: moratorium protections during a breathing space",
    ),
]


@pytest.mark.parametrize(("jurisdiction", "rule_id", "as_of", "official", "where"), OFFICIAL_FIGURES,
                         ids=[f"{j} {r} {d}" for j, r, d, _, _ in OFFICIAL_FIGURES])  # fmt: skip
def test_shipped_figure_matches_the_official_text(
    jurisdiction: str, rule_id: str, as_of: datetime.date, official: Any, where: str
) -> None:
    entry = rules.rule(jurisdiction, rule_id, as_of)
    value = entry.value
    if isinstance(official, Decimal):
        assert Decimal(value) == official, where
    else:
        assert value == official, where
    assert entry.citation
    assert entry.certainty in ("verified", "secondary", "unverified", "contested")


def test_the_sample_covers_every_pack() -> None:
    packs = {p.id for p in rules.builtin_book().packs()}
    sampled = {rules.rule(j, r, d).pack for j, r, d, _, _ in OFFICIAL_FIGURES}
    assert sampled == packs


def test_audit_counts_every_figure_and_lists_horizons() -> None:
    a = rules.audit(AUDIT_DAY)
    entries = rules.builtin_book().entries()
    assert a.certainty["total"] == len(entries)
    assert a.certainty["verified"] == sum(e.certainty == "verified" for e in entries)
    tables = {(h["jurisdiction"], h["rule_id"]) for h in a.horizons}
    assert ("GB", "reference_rate.boe_bank_rate") in tables
    assert ("US-CA", "wage.minimum_hourly") in tables
    for h in a.horizons:
        last = datetime.date.fromisoformat(h["last_day"])
        assert h["days_left"] == (last - AUDIT_DAY).days
        assert h["state"] == (
            "expired" if last < AUDIT_DAY else "ending_soon" if h["days_left"] <= 90 else "current"
        )
    assert all(h["state"] != "current" for h in a.attention)
    d = a.to_dict()
    assert d["as_of"] == "2026-12-07" and d["within_days"] == 90
    assert {s["kind"] for s in d["sources"]} <= {"official", "mirror", "secondary", "none"}
    assert all(q["certainty"] in ("unverified", "contested") for q in d["open_questions"])
    assert "Rule data audit as of 2026-12-07" in a.to_text()


# Content farms, document-sharing mirrors and aggregators are never a source (issue 16); the
# first data pass removed them, and this keeps them out.
NOT_SOURCES = {
    "whychat.me", "docslib.org", "docketmath.com", "self-law.org", "cetient.com", "earthspot.org",
    "legalclarity.org", "laws9.com", "lawserver.com", "law.lawstack.com", "madeforlaw.com",
    "m2reporterhelp.weebly.com", "londondevelopmentsites.com", "statutes.laws-info.com", "observed.org",
    "scribd.com", "studocu.com", "coursehero.com", "news.az", "particle.news", "liquisearch.com",
}  # fmt: skip


def test_no_figure_is_sourced_from_a_content_farm() -> None:
    domains = {s["domain"] for s in rules.audit(AUDIT_DAY).to_dict()["sources"]}
    assert not (domains & NOT_SOURCES)


def test_audit_of_a_book_with_an_override_pack(tmp_path: Any) -> None:
    pack = tmp_path / "acme.toml"
    pack.write_text(
        'schema = 1\n[pack]\nid = "acme"\ntitle = "Acme wage table"\nreviewed = 2026-12-01\n'
        "valid_through = 2027-12-31\n\n"
        '[[rule]]\nid = "wage.minimum_hourly"\njurisdiction = "US-CA"\neffective_from = 2027-01-01\n'
        'effective_to = 2027-12-31\nvalue = "17.50"\nunit = "money"\ncurrency = "USD"\n'
        'citation = "Acme test figure (not a real wage)"\ncertainty = "unverified"\n'
        'note = "a test figure"\n'
    )
    book = rules.load_pack(pack)
    a = rules.audit(AUDIT_DAY, book=book)
    acme = next(p for p in a.to_dict()["packs"] if p["id"] == "acme")
    assert acme["valid_through"] == "2027-12-31" and acme["certainty"]["unverified"] == 1
    ca = next(h for h in a.horizons if h["jurisdiction"] == "US-CA" and h["rule_id"] == "wage.minimum_hourly")
    assert ca["last_day"] == "2027-12-31" and ca["pack"] == "acme"


@pytest.mark.parametrize("bad", [-1, 3661, True, "90", None])
def test_audit_refuses_a_bad_window(bad: Any) -> None:
    with pytest.raises(recoup.InvalidInputError) as e:
        rules.audit(AUDIT_DAY, within_days=bad)
    assert e.value.id == "audit.within_days"


def test_a_question_past_a_table_is_rule_not_in_force() -> None:
    last = max(e.effective_to for e in rules.builtin_book().versions("US-CA", "wage.minimum_hourly"))
    with pytest.raises(recoup.RuleNotInForceError) as e:
        rules.garnishment_limit(
            "US-CA", recoup.Money("900.00", "USD"), "weekly", last + datetime.timedelta(days=1)
        )
    assert e.value.id == "rules.not_in_force"
    assert f"the table ends on {last:%Y-%m-%d}" in str(e.value)
    assert isinstance(e.value, recoup.RecoupError) and isinstance(e.value, LookupError)


def test_a_lower_bound_start_is_shown_and_answers_earlier_dates() -> None:
    lower = [e for e in rules.builtin_book().entries() if e.since_at_least]
    assert lower, "some shipped entries start on a lower bound"
    e = lower[0]
    earlier = e.effective_from - datetime.timedelta(days=365)
    found = rules.rule(e.jurisdiction, e.id, earlier)
    assert found.effective_from == e.effective_from and found.since_at_least
    assert "since at least" in repr(found)


def test_cli_rules_audit_text_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "audit", "--as-of", "2026-12-07"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Rule data audit as of 2026-12-07")
    assert "Dated tables" in out and "Sources by domain" in out
    assert main(["rules", "audit", "--as-of", "2026-12-07", "--format", "json", "--within-days", "30"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["within_days"] == 30
    assert set(data["certainty"]) == {"verified", "secondary", "unverified", "contested", "total"}
    assert data["horizons"] and all("last_day" in h for h in data["horizons"])


def test_cli_rules_audit_errors(capsys: pytest.CaptureFixture[str], tmp_path: Any) -> None:
    assert main(["rules", "audit", "--within-days", "-5"]) == 1
    assert "audit.within_days" in capsys.readouterr().err
    assert main(["rules"]) == 2
    assert "a command is required (audit)" in capsys.readouterr().err
    broken = tmp_path / "broken.toml"
    broken.write_text('schema = 1\n[pack]\nid = "x"\n')
    assert main(["rules", "audit", "--pack", str(broken)]) == 1
    err = capsys.readouterr().err
    assert "rules.pack" in err and "broken.toml" in err
