"""Limitation verdicts per second from Python: recoup's columnar call against the scalar call and
against the peers a team would otherwise write, in one run.

For N accounts (default 10,000,000) across every US state + DC and the UK jurisdictions, four
debt types, last payments over 2012..2026 and a quarter of default dates unknown (the generator
of benchmarks/rules_bench.cpp):

* recoup columns  ``recoup.rules.limitation_columns`` (one C++ pass, GIL released): expiry,
                  status and the restart / revival / extinguishment flags; timed with the
                  jurisdiction and debt type as pandas categoricals (their codes are used as they
                  are) and as text columns (hashed first with pandas.factorize)
* numpy lookup    the usual vectorised shortcut: a period-in-years table by (jurisdiction, type),
                  ``start + years`` with numpy datetime arithmetic and a comparison with as_of. It
                  knows nothing of start events, restarts, revival or versions: a lower bound on
                  what a correct pure-numpy version would cost
* recoup scalar   ``recoup.rules.limitation`` per account (with its explanation), on a subsample
* python loop     a dict lookup and ``date.replace(year=...)`` per account, on a subsample

    python benchmarks/rules_peers.py [--accounts 10000000]
"""

from __future__ import annotations

import argparse
import time
from datetime import date
from typing import Any

import numpy as np

from recoup import rules

AS_OF = date(2026, 11, 23)
TYPES = ("written_contract", "oral_contract", "promissory_note", "open_account")


def generate(n: int, seed: int = 20261123) -> dict[str, Any]:
    rng = np.random.default_rng(seed)
    codes = [j for j in rules.builtin_book().jurisdictions() if j.startswith(("US-", "GB-"))]
    jidx = rng.integers(0, len(codes), n)
    tidx = rng.integers(0, 4, n)
    paid = np.datetime64("2012-01-01") + rng.integers(0, 5400, n).astype("timedelta64[D]")
    defaulted = paid + rng.integers(0, 90, n).astype("timedelta64[D]")
    defaulted[rng.integers(0, 4, n) == 0] = np.datetime64("NaT")
    return {
        "codes": codes,
        "jurisdiction": np.array(codes, dtype=object)[jidx],
        "jidx": jidx,
        "debt_type": np.array(TYPES, dtype=object)[tidx],
        "tidx": tidx,
        "last_payment": paid.astype("datetime64[D]"),
        "defaulted_on": defaulted.astype("datetime64[D]"),
    }


def best_of(repeat: int, fn: Any) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--accounts", type=int, default=10_000_000)
    parser.add_argument("--sample", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    n = args.accounts
    d = generate(n)
    print(f"limitation verdicts, {n:,} accounts, {len(d['codes'])} jurisdictions, as of {AS_OF}")

    import pandas as pd

    jur_cat = pd.Categorical(d["jurisdiction"])
    type_cat = pd.Categorical(d["debt_type"])

    def recoup_columns() -> None:
        rules.limitation_columns(
            jur_cat, type_cat, defaulted_on=d["defaulted_on"], last_payment=d["last_payment"], as_of=AS_OF
        )

    def recoup_text_columns() -> None:
        rules.limitation_columns(
            d["jurisdiction"], d["debt_type"], defaulted_on=d["defaulted_on"], last_payment=d["last_payment"],
            as_of=AS_OF,
        )  # fmt: skip

    t_cols = best_of(args.repeat, recoup_columns)
    t_text = best_of(args.repeat, recoup_text_columns)

    # numpy lookup peer: years[(j, t)], start + years, compare.
    years = np.zeros((len(d["codes"]), 4), dtype=np.int64)
    for i, j in enumerate(d["codes"]):
        for k, t in enumerate(TYPES):
            try:
                years[i, k] = int(rules.rule(j, f"limitation.{t}", AS_OF).value)
            except Exception:
                years[i, k] = 0

    def numpy_lookup() -> None:
        start = np.where(np.isnat(d["defaulted_on"]), d["last_payment"], d["defaulted_on"])
        y = years[d["jidx"], d["tidx"]]
        months = start.astype("datetime64[M]") + (y * 12).astype("timedelta64[M]")
        day = (start - start.astype("datetime64[M]")).astype(np.int64)
        expires = months.astype("datetime64[D]") + day.astype("timedelta64[D]")
        _ = expires < np.datetime64(AS_OF)

    t_np = best_of(args.repeat, numpy_lookup)

    m = min(args.sample, n)
    sample = [
        (d["jurisdiction"][i], d["debt_type"][i], d["defaulted_on"][i], d["last_payment"][i])
        for i in range(m)
    ]

    def as_date(x: Any) -> date | None:
        return None if np.isnat(x) else x.astype(date)

    sample_dates = [(j, t, as_date(a), as_date(b)) for j, t, a, b in sample]

    def recoup_scalar() -> None:
        for j, t, a, b in sample_dates:
            rules.limitation(jurisdiction=j, debt_type=t, defaulted_on=a, last_payment=b, as_of=AS_OF)

    t_scalar = best_of(1, recoup_scalar) * n / m

    table = {(j, t): int(years[i, k]) for i, j in enumerate(d["codes"]) for k, t in enumerate(TYPES)}

    def python_loop() -> None:
        for j, t, a, b in sample_dates:
            start = a or b
            if start is None:
                continue
            y = table[(j, t)]
            try:
                end = start.replace(year=start.year + y)
            except ValueError:
                end = start.replace(year=start.year + y, day=28)
            _ = end < AS_OF

    t_py = best_of(1, python_loop) * n / m

    rows = [
        ("recoup columns", t_cols, "categoricals; exact: start events, restarts, revival, versions, flags"),
        ("recoup, text", t_text, "the same from text columns (factorized first)"),
        ("numpy lookup", t_np, "years table only: no start events, restarts, revival or versions"),
        ("recoup scalar", t_scalar, f"with explanation; {m:,}-account sample, scaled"),
        ("python loop", t_py, f"years table only; {m:,}-account sample, scaled"),
    ]
    print(f"{'':16} {'seconds':>9} {'verdicts/s':>14} {'vs recoup columns':>18}")
    for name, t, note in rows:
        print(f"{name:16} {t:9.3f} {n / t:14,.0f} {t / t_cols:17.1f}x   {note}")


if __name__ == "__main__":
    main()
