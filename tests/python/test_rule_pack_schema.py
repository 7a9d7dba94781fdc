"""The rule packs (data/rules/*.toml) against data/rules/schema.json, independently of the C++ loader.

Each pack is parsed with ``tomllib``; TOML local dates become ``datetime.date`` and are written
as ISO strings before validation (JSON has no date type; the schema checks them with
``"format": "date"``). The negative tests take a valid rule and break one thing at a time: the
schema must refuse what ``src/rules/rule_book.cpp`` refuses.
"""

from __future__ import annotations

import copy
import datetime
import json
from pathlib import Path
from typing import Any

import pytest
import tomllib

jsonschema = pytest.importorskip("jsonschema")

RULES = Path(__file__).resolve().parents[2] / "data" / "rules"
PACKS = sorted(RULES.glob("*.toml"))


def _jsonable(node: Any) -> Any:
    """The parsed TOML with dates as "YYYY-MM-DD" (tomllib gives datetime.date for local dates)."""
    if isinstance(node, dict):
        return {k: _jsonable(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_jsonable(v) for v in node]
    if isinstance(node, (datetime.datetime, datetime.time)):
        return node  # not a local date: left as is, so that the schema refuses it
    if isinstance(node, datetime.date):
        return node.isoformat()
    return node


def _load(path: Path) -> Any:
    with path.open("rb") as f:
        return tomllib.load(f)


@pytest.fixture(scope="module")
def validator() -> Any:
    schema = json.loads((RULES / "schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def _errors(validator: Any, doc: Any) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(doc)]


def test_packs_found() -> None:
    assert len(PACKS) >= 8, PACKS


@pytest.mark.parametrize("path", PACKS, ids=[p.name for p in PACKS])
def test_pack_validates(validator: Any, path: Path) -> None:
    errors = _errors(validator, _jsonable(_load(path)))
    assert not errors, "\n".join(errors[:20])


@pytest.mark.parametrize("path", PACKS, ids=[p.name for p in PACKS])
def test_pack_has_no_floats(path: Path) -> None:
    # JSON Schema's "integer" also accepts 7.0; the loader refuses every TOML float.
    def walk(node: Any, where: str) -> None:
        assert not isinstance(node, float), f"{path.name} {where}: a TOML float (write a decimal string)"
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, f"{where}.{k}")
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, f"{where}[{i}]")

    walk(_load(path), "")


@pytest.mark.parametrize("path", PACKS, ids=[p.name for p in PACKS])
def test_pack_dates_in_order_and_versions_do_not_overlap(path: Path) -> None:
    # What JSON Schema cannot say: effective_to >= effective_from; versions of one
    # (jurisdiction, id) do not overlap.
    versions: dict[tuple[str, str], list[tuple[datetime.date, datetime.date | None]]] = {}
    for rule in _load(path)["rule"]:
        start, end = rule["effective_from"], rule.get("effective_to")
        assert end is None or start <= end, (
            f"{path.name}: {rule['jurisdiction']} {rule['id']} ends before it starts"
        )
        versions.setdefault((rule["jurisdiction"], rule["id"]), []).append((start, end))
    for key, spans in versions.items():
        spans.sort(key=lambda s: s[0])
        for (_, prev_end), (next_start, _) in zip(spans, spans[1:]):
            assert prev_end is not None and prev_end < next_start, (
                f"{path.name}: overlapping versions of {key}"
            )


@pytest.mark.parametrize("path", PACKS, ids=[p.name for p in PACKS])
def test_sources_are_urls(path: Path) -> None:
    for rule in _load(path)["rule"]:
        if "source" in rule:
            assert rule["source"].startswith("http"), f"{path.name}: {rule['id']} source {rule['source']!r}"


# --- what the schema must refuse ------------------------------------------------------------------


def _pack(**changes: Any) -> dict[str, Any]:
    """A one-rule pack, valid as it stands; `changes` set (or, with None, remove) keys of the rule."""
    rule: dict[str, Any] = {
        "id": "limitation.open_account",
        "jurisdiction": "US-TX",
        "effective_from": datetime.date(1979, 8, 27),
        "value": 4,
        "unit": "years",
        "citation": "Tex. Civ. Prac. & Rem. Code § 16.004(a)(3)",
        "certainty": "verified",
        "source": "https://statutes.capitol.texas.gov/Docs/CP/htm/CP.16.htm",
        "params": {"start_event": "default", "restart_by_payment": True},
    }
    for key, value in changes.items():
        if value is None:
            rule.pop(key, None)
        else:
            rule[key] = value
    doc = {
        "schema": 1,
        "pack": {"id": "acme", "title": "Acme test pack", "reviewed": datetime.date(2026, 11, 23)},
        "rule": [rule],
    }
    return _jsonable(doc)  # type: ignore[no-any-return]


def test_baseline_is_valid(validator: Any) -> None:
    assert _errors(validator, _pack()) == []
    money = _pack(
        id="late_payment.compensation", jurisdiction="GB", value="40.00", unit="money", currency="GBP"
    )
    assert _errors(validator, money) == []


@pytest.mark.parametrize("value", [0.25, 7.5])
def test_rejects_float_value(validator: Any, value: float) -> None:
    # (7.0 would pass: JSON Schema's "integer" includes it; test_pack_has_no_floats covers that.)
    assert _errors(validator, _pack(value=value, unit="percent"))
    assert _errors(validator, _pack(value="0.25", unit="percent")) == []  # the decimal string is the spelling


def test_rejects_float_param(validator: Any) -> None:
    assert _errors(validator, _pack(params={"alternative_value": 2.5}))


def test_rejects_missing_citation(validator: Any) -> None:
    assert _errors(validator, _pack(citation=None))
    assert _errors(validator, _pack(citation=""))


def test_rejects_unknown_certainty(validator: Any) -> None:
    assert _errors(validator, _pack(certainty="sure"))


def test_rejects_unknown_top_level_key(validator: Any) -> None:
    doc = _pack()
    doc["rules"] = copy.deepcopy(doc["rule"])
    assert _errors(validator, doc)


def test_rejects_unknown_rule_and_pack_keys(validator: Any) -> None:
    assert _errors(validator, _pack(efective_from="2020-01-01"))
    doc = _pack()
    doc["pack"]["version"] = 2
    assert _errors(validator, doc)


def test_rejects_currency_on_non_money_unit(validator: Any) -> None:
    assert _errors(validator, _pack(currency="USD"))


def test_rejects_money_without_currency(validator: Any) -> None:
    assert _errors(validator, _pack(value="7.25", unit="money"))


@pytest.mark.parametrize("code", ["us-tx", "US-XX", "GB-ENG", "USA", "U1", "US_TX", "DE-", "GB-EAWX", ""])
def test_rejects_malformed_jurisdiction(validator: Any, code: str) -> None:
    assert _errors(validator, _pack(jurisdiction=code))


@pytest.mark.parametrize("code", ["US", "US-DC", "GB-SCT", "EU", "DE", "CA-ON"])
def test_accepts_jurisdiction_forms(validator: Any, code: str) -> None:
    assert _errors(validator, _pack(jurisdiction=code)) == []


@pytest.mark.parametrize(
    "changes",
    [
        {"unit": "fortnights"},
        {"id": "Limitation.open_account"},
        {"id": "limitation"},
        {"value": True},
        {"value": "four"},
        {"value": -1},
        {"value": "08:00", "unit": "time_of_day", "params": None},
        {"effective_from": "2026-02-30"},
        {"params": {"start_event": ["default"]}},
    ],
    ids=[
        "unit",
        "id-case",
        "id-no-dot",
        "bool-years",
        "text-years",
        "negative",
        "time-ok",
        "bad-date",
        "array-param",
    ],
)
def test_rejects_other_malformed_rules(validator: Any, changes: dict[str, Any]) -> None:
    errors = _errors(validator, _pack(**changes))
    if changes.get("unit") == "time_of_day":
        assert errors == []
        assert _errors(validator, _pack(**{**changes, "value": "25:00"}))
    else:
        assert errors
