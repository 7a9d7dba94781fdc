"""The shared worked examples (tests/data/parity/worked_examples.toml) through the Python face.

C++ (tests/cpp/parity_test.cpp) and the C ABI (tests/c/parity_ctypes.py) run the same file;
all three must give the same figures to the cent.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import tomllib

from recoup import Money, plan, rules, settle

EXAMPLES: dict[str, Any] = tomllib.loads(
    (Path(__file__).resolve().parents[1] / "data" / "parity" / "worked_examples.toml").read_text()
)


def cases(section: str) -> Any:
    found = EXAMPLES[section]
    assert found, section
    return pytest.mark.parametrize("case", found, ids=[c["source"][:48] for c in found])


def money(text: str) -> Money:
    return Money.parse(text)


@cases("garnishment")
def test_garnishment(case: dict[str, Any]) -> None:
    v = rules.garnishment_limit(
        case["jurisdiction"], money(case["disposable"]), case["pay_period"], case["as_of"]
    )
    assert v.amount == money(case["expected"])


@cases("late_payment_interest")
def test_late_payment_interest(case: dict[str, Any]) -> None:
    v = rules.late_payment_interest(
        money(case["debt"]), case["due"], case["paid"], case["jurisdiction"], rounding=case["rounding"]
    )
    assert v.amount == money(case["expected"])


@cases("late_payment_compensation")
def test_late_payment_compensation(case: dict[str, Any]) -> None:
    v = rules.late_payment_compensation(money(case["debt"]), case["as_of"], case["jurisdiction"])
    assert v.amount == money(case["expected"])


@cases("judgment_interest")
def test_judgment_interest(case: dict[str, Any]) -> None:
    v = rules.judgment_interest(
        money(case["amount"]), case["entered"], case["paid"], case["jurisdiction"], rounding=case["rounding"]
    )
    assert v.amount == money(case["expected"])


@cases("accrual")
def test_accrual(case: dict[str, Any]) -> None:
    r = plan.accrue(
        money(case["principal"]), case["from"], case["to"], case["rate"], day_count=case["day_count"]
    )
    assert r.interest == money(case["expected"])


@cases("waterfall")
def test_waterfall(case: dict[str, Any]) -> None:
    ccy = case["currency"]
    charges = [
        plan.Charge(c["due"], c["bucket"], Money(c["amount"], ccy), c["instalment"]) for c in case["charges"]
    ]
    payments = [(p["id"], p["date"], Money(p["amount"], ccy)) for p in case["payments"]]
    w = plan.apply_payments(charges, payments)
    assert list(w.outstanding) == [Money(a, ccy) for a in case["expected_outstanding"]]


@cases("lump_sum")
def test_lump_sum(case: dict[str, Any]) -> None:
    o = settle.lump_sum(money(case["balance"]), case["fraction"])
    verdict = o.report_forgiveness(case["filed_on"])
    assert o.settled == money(case["expected_settled"])
    assert o.forgiven == money(case["expected_forgiven"])
    assert verdict.required is case["expected_reportable"]


@cases("limitation")
def test_limitation(case: dict[str, Any]) -> None:
    v = rules.limitation(
        case["jurisdiction"],
        case["debt_type"],
        as_of=case["as_of"],
        defaulted_on=case["defaulted_on"],
        last_payment=case.get("last_payment"),
    )
    assert v.status == case["expected_status"]
    assert v.expires_on == case["expected_expires_on"]


NOTICE_DATE = {
    "validation_period_end": lambda d: rules.validation_period_end(provided_on=d).date,
    "validation_notice_due": lambda d: rules.validation_notice_due(d).date,
    "furnishing_earliest": lambda d: rules.passive_collection_earliest_furnishing(d).date,
    "credit_reporting_obsolete_on": lambda d: rules.credit_reporting_obsolete_on(first_delinquency=d).date,
    "default_notice_posted": lambda d: rules.cca_default_notice_earliest_action(
        posted_on=d, post="first_class"
    ).date,
    "pre_action": lambda d: rules.pre_action_reply_deadline(d).date,
    "breathing_space_ends_on": lambda d: rules.breathing_space(d).ends_on,
}


@cases("notice")
def test_notice(case: dict[str, Any]) -> None:
    assert NOTICE_DATE[case["kind"]](case["event"]) == case["expected_date"]
