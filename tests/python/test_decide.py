"""The decision layer from Python: recoup.decide (policies, one account) and
recoup.portfolio.evaluate (a book), against an exact Fraction oracle and the scalar form."""

from __future__ import annotations

import math
import pathlib
from datetime import date, datetime, timedelta, timezone
from fractions import Fraction

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recoup import InvalidInputError, Money, RulePackError, decide, portfolio, rules

UTC = timezone.utc
AT = datetime(2026, 12, 7, 15, 0, tzinfo=UTC)
TODAY = date(2026, 12, 7)


def _half_even(x: Fraction) -> int:
    n = math.floor(x)
    r = x - n
    return n + 1 if r > Fraction(1, 2) or (r == Fraction(1, 2) and n % 2) else n


def ny(dpd: int, **changes: object) -> rules.Account:
    start = TODAY - timedelta(days=dpd)
    fields: dict[str, object] = dict(
        jurisdiction="US-NY",
        debt_type="open_account",
        time_zones=["America/New_York"],
        first_delinquency=start,
        defaulted_on=start,
        first_contact_on=start + timedelta(days=10),
        validation_notice_sent_on=start + timedelta(days=10),
    )
    fields.update(changes)
    return rules.Account(**fields)  # type: ignore[arg-type]


def test_the_example_policy_is_labelled_an_example() -> None:
    p = decide.Policy.example()
    assert p.is_example and p.id == "example" and p.segments == ["early", "late", "charged_off"]
    assert "EXAMPLE" in repr(p)
    assert p.currency_of("GB-EAW") == "GBP"


def test_values_match_an_exact_fraction_oracle() -> None:
    """Charged-off segment, 10,000.00 USD, monthly discount factor v = 1/1.01 (12% a year)."""
    d = decide.decide(ny(400), Money("10000.00", "USD"), at=AT, id="A-1")
    v = 1 / (1 + Fraction(12, 100) / 12)
    balance = 1_000_000
    by = {c.strategy: c for c in d.candidates}
    assert by["sale"].expected_net_recovery_minor == _half_even(balance * Fraction(6, 100))
    assert (
        by["litigation"].expected_net_recovery_minor
        == _half_even(Fraction(25, 100) * balance * v**12) - 85_000
    )
    assert by["agency"].expected_net_recovery_minor == _half_even(
        Fraction(15, 100) * Fraction(75, 100) * v**9 * balance
    )
    lump = balance - _half_even(balance * Fraction(55, 100))
    assert by["settlement"].offer_amount_minor == lump == 450_000
    assert by["settlement"].expected_net_recovery_minor == _half_even(Fraction(18, 100) * lump * v) - 450
    plan = by["payment_plan"]
    p, n, last = plan.offer_amount_minor, plan.instalments, plan.last_instalment_minor
    assert (n - 1) * p + last == balance  # conserves every cent
    keep = 1 - Fraction(10, 100)
    gross = sum(p * keep ** (k - 1) * v**k for k in range(1, n)) + last * keep ** (n - 1) * v**n
    handling = 125 * sum(keep ** (k - 1) * v**k for k in range(1, n + 1))
    assert plan.expected_net_recovery_minor == _half_even(Fraction(12, 100) * (gross - handling)) - 450
    assert d.strategy == "litigation" and d.chosen.strategy == "litigation"
    assert d.next_action == "litigate" and d.next_action_at == AT
    assert "litigation: eligible" in d.explain()


def test_the_gate_vetoes_and_authority_refuses() -> None:
    barred = rules.Account(
        jurisdiction="US-TX",
        debt_type="open_account",
        time_zones="America/Chicago",
        defaulted_on=date(2019, 1, 1),
        first_delinquency=date(2019, 1, 1),
        validation_notice_sent_on=date(2019, 3, 1),
    )
    d = decide.decide(barred, Money("10000.00", "USD"), at=AT, id="A-2")
    lit = d.candidates[decide.STRATEGIES.index("litigation")]
    assert (lit.refused, lit.gate) == ("gate_blocked", "blocked") and "gate.time_barred_suit" in lit.why
    assert d.strategy != "litigation" and "litigate" in d.blocked_actions
    bankrupt = decide.decide(
        ny(200, bankruptcy_filed_on=date(2026, 11, 1)), Money("3000.00", "USD"), at=AT, id="A-3"
    )
    assert {c.strategy for c in bankrupt.candidates if c.refused == "gate_blocked"} >= {
        "payment_plan",
        "settlement",
    }
    young = decide.decide(ny(179), Money("2000.00", "USD"), at=AT, id="A-4")  # 0.35 needs >= 180 days
    assert young.candidates[1].refused == "outside_authority" and young.strategy != "settlement"
    aged = decide.decide(ny(180), Money("2000.00", "USD"), at=AT, id="A-5")  # the bound is inclusive
    assert aged.candidates[1].eligible and aged.candidates[1].authority_level == "supervisor"


def test_affordability() -> None:
    d = decide.decide(ny(30), Money("1200.00", "USD"), at=AT, disposable_income=Money("150.00", "USD"))
    assert d.candidates[0].refused == "unaffordable" and "75.00 USD" in d.candidates[0].why


def _book() -> pd.DataFrame:
    rows = []
    for i in range(60):
        dpd = 15 + (i * 37) % 900
        start = TODAY - timedelta(days=dpd)
        rows.append(
            {
                "account_id": f"B-{i}",
                "jurisdiction": ["US-NY", "US-TX", "GB-EAW"][i % 3],
                "debt_type": "open_account" if i % 3 != 2 else "written_contract",
                "time_zone": ["America/New_York", "America/Chicago", "Europe/London"][i % 3],
                "balance_minor": 10_000 + i * 7_919,
                "first_delinquency": pd.Timestamp(start),
                "defaulted_on": pd.Timestamp(start),
                "validation_notice_sent_on": pd.Timestamp(start + timedelta(days=10)),
                "default_notice_served_on": pd.Timestamp(start + timedelta(days=5)) if i % 3 == 2 else pd.NaT,
                "letter_of_claim_on": pd.Timestamp(start + timedelta(days=40))
                if i % 3 == 2 and dpd > 60
                else pd.NaT,
                "cease_requested_on": pd.Timestamp("2026-11-01") if i % 11 == 0 else pd.NaT,
                "disposable_income_minor": 20_000 if i % 4 == 0 else None,
            }
        )
    return pd.DataFrame(rows)


def test_evaluate_equals_the_scalar_decision_row_by_row() -> None:
    df = _book()
    out = portfolio.evaluate(df, as_of=AT)
    assert list(out.columns) == list(decide.RESULT_COLUMNS)
    assert out.attrs["policy_is_example"] is True
    assert out["error_id"].isna().all()
    for i, row in df.iterrows():
        fields = {
            k: (None if pd.isna(v) else v.date() if isinstance(v, pd.Timestamp) else v)
            for k, v in row.items()
            if k not in ("account_id", "balance_minor", "time_zone", "disposable_income_minor")
        }
        acct = rules.Account(**fields, time_zones=[row["time_zone"]])  # type: ignore[arg-type]
        currency = "GBP" if row["jurisdiction"].startswith("GB") else "USD"
        income = row["disposable_income_minor"]
        d = decide.decide(
            acct,
            Money.from_minor(int(row["balance_minor"]), currency),
            at=AT,
            id=row["account_id"],
            disposable_income=None if pd.isna(income) else Money.from_minor(int(income), currency),
        )
        r = out.loc[i]
        assert (r["strategy"], r["expected_net_recovery_minor"], r["offer_amount_minor"]) == (
            d.strategy,
            d.chosen.expected_net_recovery_minor,
            d.chosen.offer_amount_minor,
        ), d.explain()
        assert (r["next_action"], r["priority"], r["challenger"], r["segment"]) == (
            d.next_action,
            d.priority,
            d.challenger,
            d.segment,
        )
        assert r["currency"] == currency
        assert set(r["blocked_actions"].split()) == set(d.blocked_actions)


def test_evaluate_collects_bad_rows() -> None:
    df = _book().head(5).copy()
    df.loc[1, "cease_requested_on"] = pd.Timestamp("2030-01-01")
    df.loc[2, "balance_minor"] = -100
    out = portfolio.evaluate(df, as_of=AT)
    assert out.loc[1, "error_id"] == "gate.future_fact" and out.loc[1, "strategy"] == "write_off"
    assert out.loc[2, "error_id"] == "decide.negative"
    assert out.loc[0, "error_id"] is None or pd.isna(out.loc[0, "error_id"])
    with pytest.raises(InvalidInputError, match="row 1"):
        portfolio.evaluate(df, as_of=AT, errors="raise")
    with pytest.raises(InvalidInputError, match="balance_minor"):
        portfolio.evaluate(df.drop(columns=["balance_minor"]), as_of=AT)


def test_a_policy_file_of_ones_own(tmp_path: pathlib.Path) -> None:
    text = (pathlib.Path(__file__).parents[2] / "data" / "policies" / "example.toml").read_text()
    mine = tmp_path / "acme.toml"
    mine.write_text(
        text.replace('id = "example"', 'id = "acme"')
        .replace('price = "0.06"', 'price = "0.30"')
        .replace("example = true", "example = false")
    )
    p = decide.load_policy(mine)
    assert (p.id, p.is_example) == ("acme", False)
    d = decide.decide(ny(400), Money("10000.00", "USD"), at=AT, policy=p)
    assert d.strategy == "sale" and d.chosen.expected_net_recovery_minor == 300_000
    broken = tmp_path / "broken.toml"
    broken.write_text(text.replace('price = "0.06"', "price = 0.06"))
    with pytest.raises(RulePackError, match=r"broken.toml line \d+, key 'price'"):
        decide.load_policy(broken)


@settings(max_examples=60, deadline=None)
@given(
    dpd=st.integers(15, 2000),
    cents=st.integers(1, 50_000_000),
    income=st.one_of(st.none(), st.integers(0, 500_000)),
    cease=st.booleans(),
    account=st.integers(0, 10**9),
)
def test_the_choice_is_the_most_valuable_eligible(
    dpd: int, cents: int, income: int | None, cease: bool, account: int
) -> None:
    acct = ny(dpd, cease_requested_on=date(2026, 12, 1) if cease else None)
    d = decide.decide(
        acct,
        Money.from_minor(cents, "USD"),
        at=AT,
        id=str(account),
        disposable_income=None if income is None else Money.from_minor(income, "USD"),
    )
    eligible = [c for c in d.candidates if c.eligible]
    assert d.chosen.eligible
    if not d.challenger:
        assert d.chosen.expected_net_recovery_minor == max(c.expected_net_recovery_minor for c in eligible)
    for c in d.candidates:
        if c.gate == "blocked":
            assert not c.eligible
        if c.strategy == "payment_plan" and c.instalments:
            assert (c.instalments - 1) * c.offer_amount_minor + c.last_instalment_minor == cents
        if c.strategy == "settlement":
            assert 0 <= c.offer_amount_minor <= cents


def test_the_example_policy_validates_against_its_json_schema() -> None:
    import json

    import jsonschema
    import tomllib

    root = pathlib.Path(__file__).parents[2] / "data" / "policies"
    schema = json.loads((root / "schema.json").read_text())
    doc = tomllib.loads((root / "example.toml").read_text())
    jsonschema.validate(doc, schema)
    doc["segment"][0]["payment_plan"]["take_up"] = "1.5"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, schema)
