"""``recoup report RESULTS -o report.html``: the management report of the user's own results,
checked against independent sums of the results file (Python ``decimal``, pandas counts), and
its errors at the command line."""

from __future__ import annotations

import html
import pathlib
import re
from decimal import Decimal
from typing import Any

import pytest

from recoup._cli_portfolio import OUTPUT_COLUMNS, read_results
from recoup.cli import main

pd = pytest.importorskip("pandas")
pytest.importorskip("matplotlib")

AS_OF = "2026-11-23"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> dict[str, pathlib.Path]:
    """The demo book (accounts and payments files), evaluated at AS_OF and a month before."""
    folder = tmp_path_factory.mktemp("book")
    assert main(["demo", "--accounts", "300", "--seed", "5", "--out", str(folder), "--no-open"]) == 0
    accounts = folder / "recoup-demo-accounts.csv"
    paths = {"accounts": accounts, "payments": folder / "recoup-demo-payments.csv"}
    for name, day, suffix in (
        ("now", AS_OF, ".csv"),
        ("now_pq", AS_OF, ".parquet"),
        ("before", "2026-10-23", ".parquet"),
    ):
        out = folder / f"{name}{suffix}"
        assert main(["portfolio", "evaluate", str(accounts), "--as-of", day, "-o", str(out), "--quiet"]) == 0
        paths[name] = out
    return paths


def _table(page: str, cls: str) -> list[list[str]]:
    """The body rows of the report table with class ``cls``, as cell text."""
    found = re.search(rf'<table class="{cls}">.*?<tbody>(.*?)</tbody></table>', page, re.S)
    assert found, f"no table {cls}"
    return [
        [html.unescape(c) for c in re.findall(r"<td>(.*?)</td>", row)]
        for row in re.findall(r"<tr>(.*?)</tr>", found.group(1))
    ]


def _amount(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def _report(capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path, *argv: str) -> str:
    out = tmp_path / "report.html"
    code, stdout, err = run(capsys, "report", *argv, "-o", str(out))
    assert code == 0, err
    assert str(out.resolve()) in stdout
    return out.read_text(encoding="utf-8")


def test_read_results_round_trips_the_evaluated_table(book: dict[str, pathlib.Path]) -> None:
    csv, parquet = read_results(book["now"]), read_results(book["now_pq"])
    for name, kind in OUTPUT_COLUMNS:
        col = f"{name}_minor" if kind == "money" else name
        assert csv[col].tolist() == parquet[col].tolist(), name
    raw = pd.read_csv(book["now"], dtype=str, keep_default_na=False)
    usd = (raw["currency"] == "USD").to_numpy()
    # the exact text of every amount comes back as its minor units
    assert [int(Decimal(t) * 100) for t in raw.loc[usd, "balance"]] == csv.loc[usd, "balance_minor"].tolist()


@pytest.mark.parametrize("which", ["now", "now_pq"])
def test_report_figures_equal_independent_sums_of_the_results(
    capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path, book: dict[str, pathlib.Path], which: str
) -> None:
    page = _report(capsys, tmp_path, str(book[which]), "--as-of", AS_OF)
    raw = pd.read_csv(book["now"], dtype=str, keep_default_na=False)
    good = raw[raw["error"] == ""]
    # expected net recovery by chosen strategy and currency: Decimal sums of the file's text
    want: dict[tuple[str, str], tuple[int, Decimal, Decimal]] = {}
    for (strategy, code), part in good.groupby(["strategy", "currency"]):
        want[(strategy, code)] = (
            len(part),
            sum((Decimal(v) for v in part["balance"]), Decimal(0)),
            sum((Decimal(v) for v in part["expected_net_recovery"]), Decimal(0)),
        )
    got = {
        (r[0], r[1]): (int(r[2].replace(",", "")), _amount(r[3]), _amount(r[4]))
        for r in _table(page, "strategies")
    }
    assert got == want
    # the strategy mix by segment adds up to the same accounts
    mix = _table(page, "mix")
    assert sum(int(r[3].replace(",", "")) for r in mix) == len(good)
    assert {r[0] for r in mix} == set(good["segment"])
    # the work queue: the highest priorities of the file, in order
    queue = _table(page, "queue")
    top = (
        good.assign(p=good["priority"].astype(int)).sort_values("p", ascending=False, kind="stable").head(20)
    )
    assert [r[1] for r in queue] == top["account_id"].tolist()
    assert [int(r[9].replace(",", "")) for r in queue] == top["p"].tolist()
    # blocked actions and why: the counts of the file's blocked_actions, the rules of blocked_by
    counts: dict[str, int] = {}
    for text in good["blocked_actions"]:
        for action in text.split():
            counts[action] = counts.get(action, 0) + 1
    blocked = _table(page, "blocked")
    assert {r[0]: int(r[1].replace(",", "")) for r in blocked} == counts
    litigate = next(r for r in blocked if r[0] == "litigate")
    barred = int(good["blocked_by"].str.contains("litigate:gate.time_barred_suit").sum())
    assert f"gate.time_barred_suit: {barred:,}" in litigate[2]
    for chart in ("chart-aging", "chart-mix", "chart-strategies"):
        assert f'<figure class="chart" id="{chart}">' in page
    assert "http://" not in page.replace("http://www.w3.org", "")  # self-contained


def test_report_with_previous_snapshot_payments_and_promises(
    capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path, book: dict[str, pathlib.Path]
) -> None:
    from recoup import portfolio

    now, before = read_results(book["now"]), read_results(book["before"])
    promises = tmp_path / "promises.csv"
    ids = now["account_id"].tolist()[:4]
    promises.write_text(
        "account_id,promise_date,promised,paid\n"
        f"{ids[0]},2026-11-01,100.00,100.00\n{ids[1]},2026-11-10,50.00,20.00\n"
        f"{ids[2]},2026-11-20,10.00,10.00\n{ids[3]},2026-12-15,80.00,0\n",
        encoding="utf-8",
    )
    page = _report(
        capsys,
        tmp_path,
        str(book["now"]),
        "--as-of",
        AS_OF,
        "--previous",
        str(book["before"]),
        "--payments",
        str(book["payments"]),
        "--promises",
        str(promises),
    )
    # cure rate: recoup.portfolio on the two files' good rows
    ok0, ok1 = now["error"].isna(), before["error"].isna()
    cure = portfolio.cure_rate(
        before.loc[ok1, "account_id"].tolist(),
        before.loc[ok1, "days_past_due"].to_numpy(dtype="int64"),
        now.loc[ok0, "account_id"].tolist(),
        now.loc[ok0, "days_past_due"].to_numpy(dtype="int64"),
    )
    assert f"of the {cure.in_arrears_t0:,} accounts in arrears" in page
    roll = _table(page, "roll-rates")
    assert [r[0] for r in roll] == list(portfolio.bucket_labels())
    assert sum(int(r[1].replace(",", "")) for r in roll) == int(ok1.sum())
    # monthly cash: Decimal sums of the payments file per currency
    pay = pd.read_csv(book["payments"], dtype=str)
    code_of = dict(zip(now["account_id"], now["currency"]))
    pay["currency"] = pay["account_id"].map(code_of)
    cash = _table(page, "cash")
    for code in ("GBP", "USD"):
        want = sum((Decimal(v) for v in pay.loc[pay["currency"] == code, "amount"]), Decimal(0))
        assert sum((_amount(r[2]) for r in cash if r[0] == code), Decimal(0)) == want
    # promise-kept: 2 of the 3 due by the as-of date kept, one not yet due
    assert "Promise-kept rate: 66.7% of the promises due by 2026-11-23 were kept (1 not yet due)" in page


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["nowhere.csv"], "nowhere.csv: no such file"),
        (["{now}", "-o", "{tmp}/r.pdf"], "the report is HTML; name it .html"),
        (["{now}", "-o", "{tmp}/missing/r.html"], "does not exist"),
        (["{accounts}"], "not a results file of 'recoup portfolio evaluate'"),
        (["{now}", "--payments", "{bad_payments}"], "account 'NOPE' is not in the results file"),
        (["{now}", "--payments", "{bad_amount}"], "column 'amount' (USD)"),
        (["{now}", "--as-of", "2026-02-30"], "--as-of"),
    ],
)
def test_report_errors_name_what_to_fix(
    capsys: pytest.CaptureFixture[str],
    tmp_path: pathlib.Path,
    book: dict[str, pathlib.Path],
    argv: list[str],
    message: str,
) -> None:
    bad_payments = tmp_path / "p.csv"
    bad_payments.write_text("account_id,date,amount\nNOPE,2026-01-01,1.00\n", encoding="utf-8")
    usd = read_results(book["now"]).query("currency == 'USD'")["account_id"].iloc[0]
    bad_amount = tmp_path / "q.csv"
    bad_amount.write_text(f"account_id,date,amount\n{usd},2026-01-01,1.2.3\n", encoding="utf-8")
    accounts = tmp_path / "accounts.csv"
    accounts.write_text(
        "account_id,jurisdiction,debt_type,currency,balance,default_date\nA,US-TX,open_account,USD,1.00,2026-01-01\n"
    )
    fill: dict[str, Any] = {
        "now": book["now"],
        "tmp": tmp_path,
        "bad_payments": bad_payments,
        "bad_amount": bad_amount,
        "accounts": accounts,
    }
    args = [a.format(**fill) for a in argv]
    if "-o" not in args:
        args += ["-o", str(tmp_path / "r.html")]
    code, _, err = run(capsys, "report", *args)
    assert code in (1, 2)
    assert message in err, err
    assert "Traceback" not in err
