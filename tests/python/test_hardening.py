"""Regression tests for what fuzzing and fault injection found (docs/reliability.md).

Each finding keeps a test here: malformed exponents in decimal and money text, exponent notation
in money text, files that are not UTF-8, partial output files, and errors without ids."""

from __future__ import annotations

import datetime
import pathlib
from decimal import Context, Decimal, InvalidOperation

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import recoup
from recoup import InvalidInputError, Money, columns, decimal_ops
from recoup.cli import main

# --- decimal and money text ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["100E+-5", "1E+-5", "1e-+5", "1e--5", "1e++5", "0.000E+-500000000000000001", "1e 5", "1e5x"]
)
def test_malformed_exponents_are_refused_as_pythons_decimal_refuses_them(text: str) -> None:
    with pytest.raises(InvalidOperation):
        Decimal(text)
    with pytest.raises(InvalidInputError) as e:
        decimal_ops.quantize(text, scale=2, rounding="half_even")
    assert e.value.id == "decimal.syntax"
    with pytest.raises(InvalidInputError) as e:
        Money(text, "BHD")
    assert e.value.id == "decimal.syntax"
    with pytest.raises(InvalidInputError) as e:
        Money.parse(f"{text} USD")
    assert e.value.id in ("decimal.syntax", "money.syntax")


@given(
    mantissa=st.sampled_from(["0", "1", "12.5", "-3", "0.000", "+7.25"]),
    marker=st.sampled_from(["e", "E"]),
    signs=st.sampled_from(["", "+", "-", "+-", "-+", "--", "++"]),
    digits=st.text(alphabet="0123456789", min_size=0, max_size=3),
)
def test_exponent_syntax_agrees_with_pythons_decimal(
    mantissa: str, marker: str, signs: str, digits: str
) -> None:
    text = f"{mantissa}{marker}{signs}{digits}"
    try:
        expected: Decimal | None = Decimal(text)
    except InvalidOperation:
        expected = None
    if expected is None:
        with pytest.raises(InvalidInputError) as e:
            decimal_ops.quantize(text, scale=4, rounding="half_even")
        assert e.value.id == "decimal.syntax"
    elif expected != 0 and (
        abs(expected) >= Decimal("1E+34") or expected.normalize().as_tuple().exponent < -38
    ):
        # valid text beyond recoup's range: 38 digits (here at 4 places) and at most 38 places
        with pytest.raises(recoup.MoneyOverflowError):
            decimal_ops.quantize(text, scale=4, rounding="half_even")
    else:
        got = decimal_ops.quantize(text, scale=4, rounding="half_even")
        assert got == expected.quantize(Decimal("0.0001"), context=Context(prec=100))


def test_money_text_refuses_exponent_notation_and_names_the_plain_digits() -> None:
    with pytest.raises(InvalidInputError) as e:
        Money("1e5", "USD")
    assert e.value.id == "money.exponent_notation"
    assert "'100000'" in str(e.value) and "spreadsheet" in str(e.value)
    with pytest.raises(InvalidInputError) as e:
        Money.parse("1.2E+3 USD")
    assert e.value.id == "money.exponent_notation"
    # A Decimal is a value, not text: accepted however Python prints it.
    assert Money(Decimal("1.2E+3"), "USD") == Money("1200.00", "USD")
    assert Money(Decimal("1E-2"), "USD") == Money("0.01", "USD")
    # Rates and factors keep Python decimal's exponent notation.
    assert decimal_ops.quantize("1.99E-1", scale=3, rounding="half_even") == Decimal("0.199")


def test_amount_columns_refuse_exponent_notation_per_row() -> None:
    got = columns.parse(np.array(["12.34", "1E+05", "7"]), "USD", errors="collect")
    assert got.values.tolist() == [1234, 0, 700]
    assert got.error_rows.tolist() == [1]
    assert got.error_ids == ["money.exponent_notation"]
    with pytest.raises(InvalidInputError) as e:
        columns.parse(np.array(["1E+05"], dtype=object), "USD")
    assert e.value.id == "money.exponent_notation"


# --- the command line's files ----------------------------------------------------------------

HEADER = "account_id,jurisdiction,debt_type,currency,balance,default_date"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_portfolio_file_that_is_not_utf8_names_the_byte_and_line(
    capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path
) -> None:
    src = tmp_path / "latin1.csv"
    body = (
        f"{HEADER}\nC-1,US-TX,open_account,USD,10.00,2026-01-01\n"
        "C-\xe9,US-TX,open_account,USD,5.00,2026-01-01\n"
    )
    src.write_bytes(body.encode("latin-1"))
    offset = body.encode("latin-1").index(b"\xe9")
    code, _, err = _run(
        capsys, "portfolio", "evaluate", str(src), "--as-of", "2026-11-23", "-o", str(tmp_path / "o.csv")
    )
    assert code == 1
    line = err.strip().splitlines()[-1]
    assert line.startswith(f"recoup: error: {src}: not valid UTF-8 at byte {offset} (line 3, bytes e9")
    assert "'CSV UTF-8'" in line and line.endswith("[cli.not_utf8]")
    assert not (tmp_path / "o.csv").exists()


def test_a_byte_order_mark_is_still_accepted(
    capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path
) -> None:
    src = tmp_path / "bom.csv"
    src.write_bytes(b"\xef\xbb\xbf" + f"{HEADER}\nC-1,US-TX,open_account,USD,10.00,2026-01-01\n".encode())
    code, out, _ = _run(
        capsys,
        "portfolio",
        "evaluate",
        str(src),
        "--as-of",
        "2026-11-23",
        "-o",
        str(tmp_path / "o.csv"),
        "--quiet",
    )
    assert code == 0 and "evaluated 1 of 1 accounts" in out


def test_a_call_log_that_is_not_utf8(capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path) -> None:
    calls = tmp_path / "calls.csv"
    body = b"time,outcome\n2026-11-20T15:00:00+00:00,connected\xff\n"
    calls.write_bytes(body)
    code, _, err = _run(
        capsys, "check", "may-call", "--calls", str(calls), "--at", "2026-11-23T16:00:00+00:00",
        "--time-zone", "America/New_York", "--jurisdiction", "US",
    )  # fmt: skip
    assert code == 1
    offset = body.index(b"\xff")
    assert f"{calls}: not valid UTF-8 at byte {offset} (line 2, bytes ff" in err
    assert err.strip().endswith("[cli.not_utf8]")


def test_an_account_file_that_is_not_utf8(capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path) -> None:
    account = tmp_path / "account.json"
    account.write_bytes(b'{"jurisdiction": "US-TX", "name": "Jos\xe9"}')
    code, _, err = _run(
        capsys, "check", "actions", "--account", str(account), "--at", "2026-11-23T16:00:00+00:00"
    )
    assert code == 1
    assert f"{account}: not valid UTF-8 at byte 38 (line 1" in err and "[cli.not_utf8]" in err


def test_a_failed_write_leaves_no_partial_output(
    capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pandas as pd

    src = tmp_path / "a.csv"
    src.write_text(f"{HEADER}\nC-1,US-TX,open_account,USD,10.00,2026-01-01\n", encoding="utf-8")
    out = tmp_path / "o.csv"
    out.write_text("the previous results\n", encoding="utf-8")

    def fail_half_way(self: pd.DataFrame, path: object, **kwargs: object) -> None:
        pathlib.Path(str(path)).write_text("account_id,jurisd", encoding="utf-8")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pd.DataFrame, "to_csv", fail_half_way)
    code, _, err = _run(
        capsys, "portfolio", "evaluate", str(src), "--as-of", "2026-11-23", "-o", str(out), "--quiet"
    )
    assert code == 1
    assert (
        err.strip().splitlines()[-1]
        == f"recoup: error: {out}: cannot write (No space left on device) [cli.cannot_write]"
    )
    assert out.read_text(encoding="utf-8") == "the previous results\n"  # untouched, not half-written
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "o.csv"]  # no temporary file left


def test_a_check_answers_as_of_today_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["check", "limitation", "--jurisdiction", "US-TX", "--debt-type", "open_account", "--last-payment",
            "2025-06-01"]  # fmt: skip
    code, default_out, _ = _run(capsys, *argv)
    assert code == 0
    today = datetime.date.today().isoformat()
    code, today_out, _ = _run(capsys, *argv, "--as-of", today)
    assert code == 0 and default_out == today_out
    code, named_out, _ = _run(capsys, *argv, "--as-of", "today")
    assert code == 0 and named_out == today_out


@pytest.mark.parametrize(
    ("argv", "status", "error_id"),
    [
        (
            ["portfolio", "evaluate", "missing.csv", "--as-of", "2026-11-23", "-o", "o.csv"],
            2,
            "cli.no_such_file",
        ),
        (["check"], 2, "cli.command_required"),
        (["schedule", "--frobnicate"], 2, "cli.arguments"),
        (["check", "actions", "--fact", "nonsense"], 1, "cli.bad_fact"),
        (["check", "garnishment", "--disposable-earnings", "1e3 USD"], 2, "cli.arguments"),
    ],
    ids=["no-such-file", "command-required", "unknown-option", "bad-fact", "money-exponent"],
)
def test_every_cli_error_ends_with_its_id(
    capsys: pytest.CaptureFixture[str],
    tmp_path: pathlib.Path,
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    status: int,
    error_id: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = _run(capsys, *argv)
    assert code == status
    last = err.strip().splitlines()[-1]
    assert last.startswith("recoup") and last.endswith(f"[{error_id}]"), last


def test_cli_errors_are_recoup_errors() -> None:
    from recoup.cli import DataError, UsageError

    assert issubclass(UsageError, recoup.RecoupError) and UsageError("x").id == "cli.usage"
    assert (
        issubclass(DataError, recoup.RecoupError) and DataError("x", id="cli.bad_value").id == "cli.bad_value"
    )
