"""No raw exception crosses the Python face: every exported function, given bad arguments,
either answers or raises a recoup error with an id that is also the matching built-in.

The walk calls every function in the ``__all__`` of every public module with a table of bad
values in every required argument (positional and keyword-only): None, NaN, a float, nonsense
text, a negative number, a bare object, empty containers, a bool and Decimal NaN."""

from __future__ import annotations

import importlib
import inspect
from decimal import Decimal
from typing import Any, Callable

import numpy as np
import pytest

import recoup
from recoup import RecoupError

MODULES = [
    "recoup",
    "recoup.columns",
    "recoup.decide",
    "recoup.decimal_ops",
    "recoup.plan",
    "recoup.portfolio",
    "recoup.report",
    "recoup.rules",
    "recoup.settle",
    "recoup.time",
    "recoup.batch",
]
BAD: list[tuple[str, Any]] = [
    ("None", None),
    ("nan", float("nan")),
    ("float", 1.5),
    ("text", "nonsense"),
    ("negative", -1),
    ("object", object()),
    ("list", []),
    ("dict", {}),
    ("bool", True),
    ("decimal-nan", Decimal("NaN")),
    ("object-array", np.array([object()], dtype=object)),
]


def _functions() -> list[tuple[str, Callable[..., Any]]]:
    out = []
    for name in MODULES:
        module = importlib.import_module(name)
        for attr in module.__all__:
            f = getattr(module, attr)
            if callable(f) and not isinstance(f, type):
                out.append((f"{name}.{attr}", f))
    return out


FUNCTIONS = _functions()


def _call_with(f: Callable[..., Any], bad: Any) -> Any:
    try:
        params = list(inspect.signature(f).parameters.values())
    except (TypeError, ValueError):  # a compiled function without a signature: one argument
        return f(bad)
    positional = [
        bad for p in params if p.default is p.empty and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
    ]
    keywords = {p.name: bad for p in params if p.default is p.empty and p.kind is p.KEYWORD_ONLY}
    return f(*positional, **keywords)


def test_the_walk_covers_the_public_api() -> None:
    names = {n for n, _ in FUNCTIONS}
    assert len(FUNCTIONS) > 120
    for expected in (
        "recoup.rules.limitation",
        "recoup.settle.value",
        "recoup.columns.sum",
        "recoup.plan.apr",
    ):
        assert expected in names


@pytest.mark.parametrize(("label", "bad"), BAD, ids=[label for label, _ in BAD])
def test_bad_arguments_raise_recoup_errors_with_ids(label: str, bad: Any) -> None:
    raw: list[str] = []
    for name, f in FUNCTIONS:
        try:
            _call_with(f, bad)
        except RecoupError as e:
            if not isinstance(e.id, str) or "." not in e.id:
                raw.append(f"{name}: {type(e).__name__} without an id")
        except Exception as e:
            raw.append(f"{name}: raw {type(e).__name__}: {str(e)[:120]}")
    assert not raw, "\n".join(raw)


def test_a_wrong_type_is_still_a_type_error_and_names_the_function() -> None:
    with pytest.raises(TypeError) as e:
        recoup.settle.value(None, discount_rate="0.1")
    assert isinstance(e.value, recoup.InvalidTypeError)
    assert e.value.id == "python.argument_type"
    assert str(e.value).startswith("recoup.settle.value(): ")
    assert e.value.__cause__ is not None  # the original exception is kept


def test_columns_sum_of_objects_is_an_invalid_type_error() -> None:
    # Found by the first fuzzing pass: an object array gave a plain TypeError without an id.
    with pytest.raises(recoup.InvalidTypeError) as e:
        recoup.columns.sum(np.array(["1.00"], dtype=object), "USD")
    assert e.value.id == "columns.type" and "recoup.columns.parse" in str(e.value)


def test_money_of_none_is_an_invalid_type_error() -> None:
    with pytest.raises(recoup.InvalidTypeError) as e:
        recoup.Money(None, "USD")  # type: ignore[arg-type]
    assert e.value.id == "python.argument_type"
    assert "Money amount must be a str, int or decimal.Decimal, not NoneType" in str(e.value)
