"""Accounts evaluated per second by ``recoup portfolio evaluate`` on a million accounts.

Generates a 1,000,000-account Parquet file once (the demo book's columns, seed 1; kept in
``--data`` and reused), then measures

* end to end: the ``recoup portfolio evaluate`` command in a fresh process (start-up, reading,
  checking, evaluating, writing Parquet), and
* in process: each phase of the same pipeline (read, check, evaluate, write) in this process,

and prints accounts per second for each. Not run by the tests (it takes about a minute)::

    .venv/bin/python benchmarks/portfolio_evaluate_bench.py
    .venv/bin/python benchmarks/portfolio_evaluate_bench.py --accounts 200000 --repeat 3
"""

from __future__ import annotations

import argparse
import datetime
import os
import pathlib
import subprocess
import sys
import tempfile
import time

AS_OF = datetime.date(2026, 11, 23)


def _data_file(folder: pathlib.Path, n: int) -> pathlib.Path:
    from recoup import report

    path = folder / f"accounts-{n}.parquet"
    if not path.exists():
        t0 = time.perf_counter()
        book = report.demo_portfolio(n, seed=1, as_of=AS_OF)
        book.accounts.to_parquet(path, index=False)
        print(f"generated {path} ({n:,} accounts) in {time.perf_counter() - t0:.1f} s")
    return path


def _rate(n: int, seconds: float) -> str:
    return f"{n / seconds:>12,.0f} accounts/s  ({seconds:6.2f} s)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accounts", type=int, default=1_000_000)
    parser.add_argument("--data", default=str(pathlib.Path(tempfile.gettempdir()) / "recoup-bench"))
    parser.add_argument("--repeat", type=int, default=1, help="runs of each measurement (the best is kept)")
    args = parser.parse_args(argv)

    import recoup
    from recoup import _cli_portfolio as cp
    from recoup import batch

    folder = pathlib.Path(args.data)
    folder.mkdir(parents=True, exist_ok=True)
    src = _data_file(folder, args.accounts)
    n = args.accounts
    print(f"recoup {recoup.__version__} from {pathlib.Path(recoup.__file__).parent}")
    print(f"checks: {', '.join(batch.CHECKS)}")

    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        [
            str(pathlib.Path(recoup.__file__).resolve().parents[1]),
            *([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []),
        ]
    )
    out = folder / "results.parquet"
    command = [
        sys.executable,
        "-m",
        "recoup",
        "portfolio",
        "evaluate",
        str(src),
        "--as-of",
        AS_OF.isoformat(),
    ]
    command += ["-o", str(out), "--quiet"]
    best = float("inf")
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - t0)
    print(f"end to end   recoup portfolio evaluate: {_rate(n, best)}")
    print(f"             ({' '.join(command[1:])})")

    phases = {"read": float("inf"), "check": float("inf"), "evaluate": float("inf"), "write": float("inf")}
    checks = tuple(batch.CHECKS)
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        raw = cp.read_accounts(src)
        t1 = time.perf_counter()
        accounts = cp.parse_accounts(raw, AS_OF)
        t2 = time.perf_counter()
        results = cp.evaluate_accounts(accounts, AS_OF, checks=checks)
        t3 = time.perf_counter()
        cp.write_results(results, folder / "results-in-process.parquet")
        t4 = time.perf_counter()
        for name, seconds in zip(phases, (t1 - t0, t2 - t1, t3 - t2, t4 - t3)):
            phases[name] = min(phases[name], seconds)
    for name, seconds in phases.items():
        print(f"in process   {name:<8}: {_rate(n, seconds)}")
    total = sum(phases.values())
    print(f"in process   total   : {_rate(n, total)}")
    print(
        f"             (evaluate = batch.evaluate_partition and the checks): {_rate(n, phases['evaluate'])}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
