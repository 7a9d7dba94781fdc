"""The ``recoup`` command line: help and version, the demo and its report, ``portfolio evaluate``
on good and bad files (with the exact messages), ``schedule`` against ``recoup.plan``, and the
installed console script."""

from __future__ import annotations

import datetime
import os
import pathlib
import shutil
import subprocess
import sys
from typing import Any

import pytest

from recoup import Money, batch, plan
from recoup._cli_portfolio import OUTPUT_COLUMNS
from recoup.cli import main

pd = pytest.importorskip("pandas")

AS_OF = "2026-11-23"
HEADER = (
    "account_id,jurisdiction,debt_type,currency,balance,default_date,last_payment_date,annual_rate,plan_term"
)
GOOD_ROWS = [
    "C-1,US-TX,open_account,USD,1200.00,2026-08-01,2026-07-15,0.199,12",
    "C-2,GB-EAW,written_contract,GBP,500.50,2020-03-10,,0,6",
    "C-3,US-NY,promissory_note,USD,75.00,2026-11-01,2026-10-01,19.9%,3",
]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def write_csv(path: pathlib.Path, rows: list[str], header: str = HEADER) -> pathlib.Path:
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def error_lines(err: str) -> list[str]:
    """stderr without rich's progress bar and notes: the error lines."""
    return [line for line in err.splitlines() if line.startswith("recoup")]


# --- help, version, usage -------------------------------------------------------------------


def test_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for command in ("demo", "portfolio", "schedule", "settle", "check"):
        assert command in out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    import recoup

    code, out, _ = run(capsys, "--version")
    assert (code, out.strip()) == (0, f"recoup {recoup.__version__}")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            [],
            "recoup: error: a command is required (demo, portfolio, report, schedule, settle, check, rules); "
            "see 'recoup --help'",
        ),
        (["frobnicate"], "recoup: error: argument COMMAND: invalid choice: 'frobnicate'"),
        (
            [
                "schedule",
                "--principal",
                "12.3.4 GBP",
                "--rate",
                "5%",
                "--term",
                "3",
                "--first-due",
                "2027-01-01",
            ],
            "recoup schedule: error: argument --principal: '12.3.4 GBP' is not an amount with its currency",
        ),
        (
            [
                "schedule",
                "--principal",
                "100.00 GBP",
                "--rate",
                "five",
                "--term",
                "3",
                "--first-due",
                "2027-01-01",
            ],
            "recoup schedule: error: argument --rate: 'five' is not a rate (e.g. 9.9% or 0.099)",
        ),
        (
            [
                "schedule",
                "--principal",
                "100.00 GBP",
                "--rate",
                "5%",
                "--term",
                "3",
                "--first-due",
                "2027-02-30",
            ],
            "recoup schedule: error: argument --first-due: '2027-02-30' is not a date (YYYY-MM-DD)",
        ),
        (["portfolio"], "recoup: error: recoup portfolio: a command is required (evaluate)"),
    ],
    ids=["no-command", "unknown-command", "bad-money", "bad-rate", "impossible-date", "portfolio-alone"],
)
def test_usage_errors_are_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1, err
    assert err.startswith(message), err
    assert "Traceback" not in err


# --- demo -----------------------------------------------------------------------------------


def test_demo_writes_the_report_and_prints_its_path(
    capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path
) -> None:
    code, out, _ = run(capsys, "demo", "--accounts", "300", "--out", str(tmp_path / "demo"), "--no-open")
    assert code == 0
    report = (tmp_path / "demo" / "recoup-demo-report.html").resolve()
    assert out.splitlines()[-1] == f"report: {report}"
    html = report.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert (
        html.count("<svg") >= 2
    )  # aging and liquidation always; time-barred and strategies with rules/settle
    assert 'id="chart-aging"' in html and 'id="chart-liquidation"' in html
    assert "://" not in html  # self-contained: no external URL of any kind
    for title in ("Portfolio at 2026-11-23", "Aging (days past due)", "By jurisdiction"):
        assert title in out
    assert (tmp_path / "demo" / "recoup-demo-accounts.csv").exists()


def test_demo_is_deterministic(capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path) -> None:
    pages = []
    for k in range(2):
        assert (
            run(
                capsys,
                "demo",
                "--accounts",
                "200",
                "--seed",
                "9",
                "--out",
                str(tmp_path / str(k)),
                "--no-open",
            )[0]
            == 0
        )
        pages.append((tmp_path / str(k) / "recoup-demo-report.html").read_bytes())
    assert pages[0] == pages[1]
    assert (
        run(capsys, "demo", "--accounts", "200", "--seed", "10", "--out", str(tmp_path / "x"), "--no-open")[0]
        == 0
    )
    assert (tmp_path / "x" / "recoup-demo-report.html").read_bytes() != pages[0]


def test_demo_accounts_file_evaluates_cleanly(
    capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path
) -> None:
    assert run(capsys, "demo", "--accounts", "150", "--out", str(tmp_path), "--no-open")[0] == 0
    out_file = tmp_path / "results.csv"
    code, out, _ = run(
        capsys,
        "portfolio",
        "evaluate",
        str(tmp_path / "recoup-demo-accounts.csv"),
        "--as-of",
        AS_OF,
        "-o",
        str(out_file),
        "--quiet",
    )
    assert code == 0
    assert "evaluated 150 of 150 accounts (0 with errors)" in out


# --- portfolio evaluate: good files ---------------------------------------------------------


def read_results(path: pathlib.Path) -> Any:
    if path.suffix == ".csv":
        return pd.read_csv(path, dtype=str, keep_default_na=False)
    return pd.read_parquet(path)


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_evaluate_good_file(capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path, suffix: str) -> None:
    src = write_csv(tmp_path / "accounts.csv", GOOD_ROWS)
    if suffix == ".parquet":
        frame = pd.read_csv(src, dtype=str, keep_default_na=False)
        src = tmp_path / "accounts.parquet"
        frame.to_parquet(src)
    out_file = tmp_path / f"results{suffix}"
    code, out, _ = run(capsys, "portfolio", "evaluate", str(src), "--as-of", AS_OF, "-o", str(out_file))
    assert code == 0, out
    assert out.splitlines()[-1] == f"results: {out_file.resolve()}"
    res = read_results(out_file)
    assert list(res.columns) == [name for name, _ in OUTPUT_COLUMNS]
    assert res["account_id"].tolist() == ["C-1", "C-2", "C-3"]
    assert [int(v) for v in res["days_past_due"]] == [114, 2449, 22]
    assert res["aging_bucket"].tolist() == ["91-120", "120+", "1-30"]
    assert [str(v) for v in res["balance"]] == ["1200.00", "500.50", "75.00"]
    # the proposed plan is recoup.plan.level_payment from one month after the as-of date
    first_due = datetime.date(2026, 12, 23)
    expected = [
        plan.level_payment(Money("1200.00", "USD"), "0.199", 12, first_due=first_due),
        plan.level_payment(Money("500.50", "GBP"), "0", 6, first_due=first_due),
        plan.level_payment(Money("75.00", "USD"), "0.199", 3, first_due=first_due),
    ]
    assert [str(v) for v in res["plan_payment"]] == [str(s.regular_payment.amount) for s in expected]
    assert [str(v) for v in res["plan_total_interest"]] == [str(s.total_interest.amount) for s in expected]
    assert [int(v) for v in res["plan_instalments"]] == [12, 6, 3]
    errors = res["error"].tolist()
    assert all(e in ("", None) or e != e for e in errors), errors


def test_evaluate_typed_parquet(capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path) -> None:
    pa = pytest.importorskip("pyarrow")
    from decimal import Decimal

    import pyarrow.parquet as pq

    table = pa.table(
        {
            "account_id": pa.array([1, 2], type=pa.int64()),
            "jurisdiction": ["US-CA", "GB-SCT"],
            "debt_type": ["open_account", "open_account"],
            "currency": ["USD", "GBP"],
            "balance": pa.array([Decimal("10.50"), Decimal("99.99")], type=pa.decimal128(12, 2)),
            "default_date": pa.array(
                [datetime.date(2026, 1, 1), datetime.date(2025, 1, 1)], type=pa.date32()
            ),
        }
    )
    pq.write_table(table, tmp_path / "typed.parquet")
    code, _, _ = run(
        capsys,
        "portfolio",
        "evaluate",
        str(tmp_path / "typed.parquet"),
        "--as-of",
        AS_OF,
        "-o",
        str(tmp_path / "out.parquet"),
        "--quiet",
    )
    assert code == 0
    res = pd.read_parquet(tmp_path / "out.parquet")
    assert res["account_id"].tolist() == ["1", "2"]
    assert [str(v) for v in res["balance"]] == ["10.50", "99.99"]  # decimal128: exact Decimals
    assert res["days_past_due"].tolist() == [326, 691]


# --- portfolio evaluate: bad rows -----------------------------------------------------------

BAD_ROWS = [
    (
        "C-9,US-TX,open_account,USD,12.3.4,2026-01-01,,0,12",
        "balance",
        "row 2, column 'balance': '12.3.4' is not a decimal amount (it has more than one decimal point)",
    ),
    (
        "C-9,US-TX,open_account,USD,12.345,2026-01-01,,0,12",
        "excess-places",
        "row 2, column 'balance': '12.345' has more decimal places than USD allows (2)",
    ),
    (
        "C-9,US-TX,open_account,USD,-5.00,2026-01-01,,0,12",
        "negative",
        "row 2, column 'balance': '-5.00' is negative",
    ),
    (
        "C-9,US-TX,open_account,USD,10.00,2023-02-30,,0,12",
        "impossible-date",
        "row 2, column 'default_date': '2023-02-30' is not a valid date (there is no such day)",
    ),
    (
        "C-9,US-TX,open_account,USD,10.00,01/02/2023,,0,12",
        "date-format",
        "row 2, column 'default_date': '01/02/2023' is not a date (expected YYYY-MM-DD)",
    ),
    (
        "C-9,US-TX,open_account,USD,10.00,2027-01-01,,0,12",
        "future-date",
        "row 2, column 'default_date': 2027-01-01 is after the as-of date 2026-11-23",
    ),
    (
        "C-9,US-ZZ,open_account,USD,10.00,2026-01-01,,0,12",
        "unknown-jurisdiction",
        "row 2, column 'jurisdiction': 'US-ZZ' is not a known jurisdiction (US-XX with a US state code, "
        "GB-EAW, GB-SCT or GB-NIR)",
    ),
    (
        "C-9,US-TX,car_loan,USD,10.00,2026-01-01,,0,12",
        "debt-type",
        "row 2, column 'debt_type': 'car_loan' is not a debt type (one of written_contract, oral_contract, "
        "promissory_note, open_account, specialty, judgment)",
    ),
    (
        "C-9,US-TX,open_account,XXY,10.00,2026-01-01,,0,12",
        "currency",
        "row 2, column 'currency': 'XXY' is not an ISO 4217 currency code",
    ),
    (
        "C-9,US-TX,open_account,USD,10.00,2026-01-01,,abc,12",
        "rate",
        "row 2, column 'annual_rate': 'abc' is not a rate (a decimal fraction such as 0.199, or 19.9%)",
    ),
    (
        "C-9,US-TX,open_account,USD,10.00,2026-01-01,,0,0",
        "term",
        "row 2, column 'plan_term': '0' is not a number of instalments (a whole number from 1 to 600)",
    ),
    (
        ",US-TX,open_account,USD,10.00,2026-01-01,,0,12",
        "empty-id",
        "row 2, column 'account_id': is empty (every account needs an id)",
    ),
]


@pytest.mark.parametrize(
    ("row", "message"), [(r, m) for r, _, m in BAD_ROWS], ids=[i for _, i, _ in BAD_ROWS]
)
def test_bad_values_are_row_errors(
    capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path, row: str, message: str
) -> None:
    src = write_csv(tmp_path / "accounts.csv", [GOOD_ROWS[0], row, GOOD_ROWS[1]])
    out_file = tmp_path / "results.csv"
    code, out, _ = run(
        capsys, "portfolio", "evaluate", str(src), "--as-of", AS_OF, "-o", str(out_file), "--quiet"
    )
    assert code == 0
    assert "evaluated 2 of 3 accounts (1 with errors)" in out
    assert f"first error: {message}" in out
    res = read_results(out_file)
    assert res["error"].tolist() == ["", message, ""]
    assert res["plan_payment"].tolist()[1] == ""  # a bad row has no figures
    assert res["plan_payment"].tolist()[0] != ""

    code, out, err = run(
        capsys,
        "portfolio",
        "evaluate",
        str(src),
        "--as-of",
        AS_OF,
        "-o",
        str(tmp_path / "r2.csv"),
        "--errors",
        "raise",
    )
    assert code == 1
    assert error_lines(err) == [f"recoup: error: {src}: {message} [cli.bad_value]"]
    assert not (tmp_path / "r2.csv").exists()


# --- portfolio evaluate: bad files ----------------------------------------------------------


def test_missing_column_lists_the_required_columns(
    capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path
) -> None:
    src = write_csv(
        tmp_path / "a.csv",
        ["C-1,US-TX,USD,10.00,2026-01-01"],
        "account_id,jurisdiction,currency,balance,default_date",
    )
    code, _, err = run(
        capsys, "portfolio", "evaluate", str(src), "--as-of", AS_OF, "-o", str(tmp_path / "o.csv")
    )
    assert code == 1
    assert err.strip() == (
        f"recoup: error: {src}: missing column 'debt_type'; the required columns are "
        "account_id, jurisdiction, debt_type, currency, balance, default_date [cli.missing_column]"
    )


def test_empty_file(capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path) -> None:
    src = tmp_path / "empty.csv"
    src.write_text("")
    code, _, err = run(
        capsys, "portfolio", "evaluate", str(src), "--as-of", AS_OF, "-o", str(tmp_path / "o.csv")
    )
    assert code == 1
    assert err.strip() == (
        f"recoup: error: {src}: the file is empty (expected a header with the columns "
        "account_id, jurisdiction, debt_type, currency, balance, default_date) [cli.empty_file]"
    )


def test_header_only_file_gives_an_empty_result(
    capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path
) -> None:
    src = write_csv(tmp_path / "h.csv", [])
    code, out, _ = run(
        capsys, "portfolio", "evaluate", str(src), "--as-of", AS_OF, "-o", str(tmp_path / "o.csv"), "--quiet"
    )
    assert code == 0
    assert "evaluated 0 of 0 accounts (0 with errors)" in out
    assert len(read_results(tmp_path / "o.csv")) == 0


@pytest.mark.parametrize(
    ("name", "output", "message"),
    [
        (
            "accounts.txt",
            "o.csv",
            "accounts.txt: unsupported input file type '.txt' (use .csv or .parquet) [cli.file_type]",
        ),
        (
            "accounts.csv",
            "o.xlsx",
            "o.xlsx: unsupported output file type '.xlsx' (use .csv or .parquet) [cli.file_type]",
        ),
        ("missing.csv", "o.csv", "missing.csv: no such file [cli.no_such_file]"),
    ],
    ids=["input-extension", "output-extension", "missing-file"],
)
def test_wrong_files_are_usage_errors(
    capsys: pytest.CaptureFixture[str],
    tmp_path: pathlib.Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    output: str,
    message: str,
) -> None:
    write_csv(tmp_path / "accounts.csv", GOOD_ROWS)
    (tmp_path / "accounts.txt").write_text(HEADER + "\n")
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "portfolio", "evaluate", name, "--as-of", AS_OF, "-o", output)
    assert code == 2
    assert err.strip() == f"recoup: error: {message}"


def test_parquet_float_amounts_are_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path
) -> None:
    frame = pd.read_csv(write_csv(tmp_path / "a.csv", GOOD_ROWS), dtype=str, keep_default_na=False)
    frame["balance"] = [1200.0, 500.5, 75.0]
    frame.to_parquet(tmp_path / "a.parquet")
    code, _, err = run(
        capsys,
        "portfolio",
        "evaluate",
        str(tmp_path / "a.parquet"),
        "--as-of",
        AS_OF,
        "-o",
        str(tmp_path / "o.csv"),
    )
    assert code == 1
    assert err.strip() == (
        f"recoup: error: {tmp_path / 'a.parquet'}: column 'balance' holds binary floating-point "
        "numbers (double), which cannot hold amounts exactly; "
        "store amounts and rates as decimal text or decimal128 [cli.float_column]"
    )


def test_not_a_parquet_file(capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path) -> None:
    (tmp_path / "a.parquet").write_text("this is not parquet\n")
    code, _, err = run(
        capsys,
        "portfolio",
        "evaluate",
        str(tmp_path / "a.parquet"),
        "--as-of",
        AS_OF,
        "-o",
        str(tmp_path / "o.csv"),
    )
    assert code == 1
    assert err.startswith(f"recoup: error: {tmp_path / 'a.parquet'}: not a readable Parquet file (")
    assert len(err.strip().splitlines()) == 1


def test_evaluate_needs_as_of(capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path) -> None:
    code, _, err = run(capsys, "portfolio", "evaluate", "a.csv", "-o", "o.csv")
    assert code == 2
    assert err.startswith("recoup portfolio evaluate: error: the following arguments are required: --as-of")


# --- schedule -------------------------------------------------------------------------------


def test_schedule_matches_recoup_plan(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "schedule",
        "--principal",
        "1200.00 GBP",
        "--rate",
        "9.9%",
        "--term",
        "24",
        "--first-due",
        "2027-01-01",
        "--plain",
    )
    assert code == 0
    s = plan.level_payment(Money("1200.00", "GBP"), "0.099", 24, first_due=datetime.date(2027, 1, 1))
    lines = out.splitlines()
    assert lines[0].split() == ["number", "due_date", "payment", "interest", "principal", "balance"]
    body = [line.split() for line in lines[1:-1]]
    assert body == [
        [
            str(r.number),
            str(r.due_date),
            str(r.payment.amount),
            str(r.interest.amount),
            str(r.principal.amount),
            str(r.balance.amount),
        ]
        for r in s.rows
    ]
    assert lines[-1].split() == [
        "total",
        str(s.total_payment.amount),
        str(s.total_interest.amount),
        "1200.00",
    ]


def test_schedule_rich_table_and_explain(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "schedule",
        "--principal",
        "1200.00 GBP",
        "--rate",
        "0.099",
        "--term",
        "24",
        "--first-due",
        "2027-01-01",
        "--explain",
    )
    assert code == 0
    assert "55.32" in out and "1327.63" in out
    assert "Totals: paid 1327.63 GBP" in out


def test_schedule_data_error_is_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(
        capsys,
        "schedule",
        "--principal",
        "1200.00 GBP",
        "--rate",
        "5%",
        "--term",
        "12",
        "--first-due",
        "2027-01-01",
        "--frequency",
        "fortnightlyish",
    )
    assert code == 1
    assert err.startswith("recoup: error: ") and len(err.strip().splitlines()) == 1


# --- settle and check -----------------------------------


def test_check_limitation(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "check",
        "limitation",
        "--jurisdiction",
        "US-TX",
        "--debt-type",
        "open_account",
        "--last-payment",
        "2019-03-01",
        "--as-of",
        AS_OF,
    )
    assert code == 0
    assert "status: expired" in out
    assert "16.004" in out  # Tex. Civ. Prac. & Rem. Code § 16.004


def test_check_unknown_jurisdiction_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(
        capsys,
        "check",
        "limitation",
        "--jurisdiction",
        "US-ZZ",
        "--debt-type",
        "open_account",
        "--last-payment",
        "2019-03-01",
    )
    assert code == 1
    assert len(err.strip().splitlines()) == 1 and "US-ZZ" in err


def test_check_without_a_check_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check")
    assert code == 2
    assert err.startswith("recoup: error: recoup check: a check is required")


# --- the installed console script -----------------------------------------------------------


def _env() -> dict[str, str]:
    env = dict(os.environ)
    import recoup

    env["PYTHONPATH"] = os.pathsep.join(
        [str(pathlib.Path(recoup.__file__).parents[1]), env.get("PYTHONPATH", "")]
    )
    return env


def test_python_dash_m_recoup(tmp_path: pathlib.Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "recoup",
            "schedule",
            "--principal",
            "300.00 USD",
            "--rate",
            "0%",
            "--term",
            "3",
            "--first-due",
            "2027-01-01",
            "--plain",
        ],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].split() == ["total", "300.00", "0.00", "300.00"]


def test_console_script_on_path(tmp_path: pathlib.Path) -> None:
    script = shutil.which("recoup") or shutil.which("recoup", path=str(pathlib.Path(sys.executable).parent))
    if script is None:
        pytest.skip("the recoup console script is not on PATH (package not installed with its scripts)")
    bad = tmp_path / "bad.csv"
    write_csv(bad, ["C-1,US-TX,open_account,USD,12.3.4,2026-01-01,,0,12"])
    result = subprocess.run(
        [
            script,
            "portfolio",
            "evaluate",
            str(bad),
            "--as-of",
            AS_OF,
            "-o",
            str(tmp_path / "o.csv"),
            "--errors",
            "raise",
        ],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == (
        f"recoup: error: {bad}: row 1, column 'balance': '12.3.4' is not a decimal amount "
        "(it has more than one decimal point) [cli.bad_value]"
    )
    assert "Traceback" not in result.stderr


def test_batch_checks_are_declared() -> None:
    meta = batch.result_meta(("limitation", "credit_reporting"))
    assert list(meta.columns)[-5:] == [
        "limitation_status",
        "limitation_expires_on",
        "limitation_rule",
        "limitation_citation",
        "credit_reporting_obsolete_on",
    ]


def test_zero_balance_and_bom(capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path) -> None:
    """A settled account (balance 0) is evaluated without a plan; a UTF-8 BOM (Excel) is read."""
    src = tmp_path / "bom.csv"
    src.write_text("\ufeff" + HEADER + "\n" + "Z-1,US-FL,open_account,USD,0.00,2026-01-01,,0,12\n", "utf-8")
    code, out, _ = run(
        capsys, "portfolio", "evaluate", str(src), "--as-of", AS_OF, "-o", str(tmp_path / "o.csv"), "--quiet"
    )
    assert code == 0, out
    row = read_results(tmp_path / "o.csv").iloc[0]
    assert (row["error"], row["plan_instalments"], row["plan_payment"], row["days_past_due"]) == (
        "",
        "0",
        "0.00",
        "326",
    )


# --- the wiring of recoup.rules, against a stand-in (the real engine is tested in its own files) --


# Tex. CPRC 16.004(c) 4 years from the last activity; Limitation Act 1980 s.5 6 years; CPLR 214-i 3 years.
EXPECTED_STATUS = ["running", "expired", "running", ""]
EXPECTED_EXPIRY = ["2030-08-01", "2026-03-10", "2029-11-01", ""]


def test_evaluate_runs_the_rule_engine(capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path) -> None:
    src = write_csv(
        tmp_path / "a.csv",
        [*GOOD_ROWS, "C-4,US-ZZ,open_account,USD,10.00,2020-01-01,,0,12"],
    )
    code, _, _ = run(
        capsys, "portfolio", "evaluate", str(src), "--as-of", AS_OF, "-o", str(tmp_path / "o.csv"), "--quiet"
    )
    assert code == 0
    res = read_results(tmp_path / "o.csv")
    assert res["limitation_status"].tolist() == EXPECTED_STATUS
    assert res["limitation_expires_on"].tolist() == EXPECTED_EXPIRY
    assert res["limitation_citation"].tolist()[0] == "Tex. Civ. Prac. & Rem. Code § 16.004(c)"
    assert res["error"].tolist()[3].startswith("row 4, column 'jurisdiction': ")
    assert "US-ZZ" in res["error"].tolist()[3]


def test_demo_draws_the_time_barred_chart(capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path) -> None:
    assert run(capsys, "demo", "--accounts", "200", "--out", str(tmp_path), "--no-open")[0] == 0
    html = (tmp_path / "recoup-demo-report.html").read_text(encoding="utf-8")
    assert 'id="chart-time-barred"' in html and 'id="chart-strategies"' in html
    assert "-missing" not in html


# --- settle -------------------------------------------------------------


def test_settle_values_an_offer_as_recoup_settle_does(capsys: pytest.CaptureFixture[str]) -> None:
    from recoup import settle

    code, out, _ = run(
        capsys, "settle", "--balance", "6000.00 USD", "--fraction", "70%", "--payments", "6",
        "--hazard", "5%", "--per-contact", "4.00", "--setup-contacts", "2", "--contacts-per-payment", "1",
    )  # fmt: skip
    assert code == 0
    offer = settle.instalment_settlement(Money("6000.00", "USD"), "0.70", 6)
    costs = settle.CollectionCosts(per_contact="4.00", setup_contacts=2, contacts_per_payment=1)
    v = settle.value(offer, "0.01", settle.constant_hazard("0.05"), costs)
    assert f"npv: {v.npv}" in out.splitlines()
    assert f"expected net: {v.expected_net}" in out.splitlines()
    assert "700.00" in out  # each of the six payments of 4200.00


def test_settle_optimiser(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "settle", "--balance", "6000.00 USD", "--max-payment", "400.00 USD", "--max-discount", "35%",
        "--hazard", "5%", "--max-payments", "24",
    )  # fmt: skip
    assert code == 0
    assert any(line.startswith("best: ") for line in out.splitlines())


def test_settle_bad_fraction_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "settle", "--balance", "100.00 USD", "--fraction", "150%")
    assert code == 2
    assert (
        err.strip()
        == "recoup: error: --fraction 1.50 must be more than 0 and at most 1 (100%) [cli.bad_argument]"
    )


def test_check_may_call_after_a_conversation(
    capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path
) -> None:
    # 12 CFR 1006.14(b)(2)(i)(B): a conversation on 20 Nov blocks 20-26 Nov; 8 a.m. in every zone
    # (1006.6(b)(1)(i)): the first permitted time is 27 Nov 08:00 PST = 16:00 UTC.
    calls = tmp_path / "calls.csv"
    calls.write_text("time,outcome\n2026-11-20T15:00:00+00:00,connected_conversation\n", encoding="utf-8")
    code, out, _ = run(
        capsys, "check", "may-call", "--at", "2026-11-23T17:30:00+00:00", "--time-zone", "America/New_York",
        "--time-zone", "America/Los_Angeles", "--calls", str(calls),
    )  # fmt: skip
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "allowed: False"
    assert lines[1] == "next_allowed: 2026-11-27T16:00:00+00:00"
    assert "1006.14(b)(2)(i)(B)" in out


def test_check_may_call_bad_input_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path
) -> None:
    calls = tmp_path / "calls.csv"
    calls.write_text("time,outcome\n2026-11-20 15:00,unanswered\n", encoding="utf-8")
    code, _, err = run(
        capsys, "check", "may-call", "--at", "2026-11-23T17:30:00+00:00", "--time-zone", "America/New_York",
        "--calls", str(calls),
    )  # fmt: skip
    assert code == 1
    assert err.strip().startswith(f"recoup: error: {calls} row 1, column 'time': ")
    code, _, err = run(
        capsys, "check", "may-call", "--at", "2026-11-23T17:30", "--time-zone", "America/New_York"
    )
    assert code == 2 and "has no UTC offset" in err
    code, _, err = run(
        capsys, "check", "may-call", "--at", "2026-11-23T17:30:00+00:00", "--time-zone", "Mars/Olympus_Mons"
    )
    assert code == 1 and "Mars/Olympus_Mons" in err and len(err.strip().splitlines()) == 1


def test_portfolio_evaluate_writes_the_decision_columns(
    capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path
) -> None:
    assert run(capsys, "demo", "--accounts", "60", "--out", str(tmp_path), "--no-open")[0] == 0
    out_file = tmp_path / "decided.csv"
    args = [
        "portfolio",
        "evaluate",
        str(tmp_path / "recoup-demo-accounts.csv"),
        "--as-of",
        AS_OF,
        "-o",
        str(out_file),
    ]
    code, out, _ = run(capsys, *args, "--quiet")
    assert code == 0 and "EXAMPLE strategy policy" in out
    table = read_results(out_file)
    assert {"strategy", "expected_net_recovery", "offer_amount", "next_action", "blocked_actions"} <= set(
        table.columns
    )
    assert set(table["strategy"]) <= {
        "payment_plan",
        "settlement",
        "litigation",
        "agency",
        "sale",
        "write_off",
    }
    assert all(t == "" or "." in t for t in table["expected_net_recovery"])  # exact decimal text, not floats
    assert "call" in " ".join(table["blocked_actions"])  # no consumer time zone in the file: calls wait
    policy = tmp_path / "sell.toml"
    policy.write_text(
        'schema = 1\n[policy]\nid = "sell"\ntitle = "Sell everything"\nannual_discount_rate = "0.12"\n'
        'minimum_payment = "25"\naffordability_share = "0.5"\n[currencies]\nUS = "USD"\nGB = "GBP"\n'
        '[[segment]]\nid = "all"\n[segment.sale]\nprice = "0.50"\n[segment.write_off]\n'
    )
    code, out, _ = run(capsys, *args, "--quiet", "--policy", str(policy))
    assert code == 0 and "EXAMPLE" not in out
    sold = read_results(out_file)
    assert set(sold.loc[sold["error"] == "", "strategy"]) <= {"sale", "write_off"}
