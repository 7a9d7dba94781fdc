"""What including recoup's public headers costs a C++ or C caller, in compile time.

    python benchmarks/include_cost.py [--cxx c++] [--runs 3]

For each header it times `-fsyntax-only` of a translation unit that includes only that header
(median of --runs) and prints the cost beside the same measure for a baseline TU holding the
standard headers every recoup header uses (<string>, <vector>, <optional>, ...), so the ratio
is what recoup itself adds. Boost.Multiprecision enters through recoup/core/decimal.hpp
(its 128-bit arithmetic) and Howard Hinnant's date through recoup/time/civil_date.hpp.
"""

from __future__ import annotations

import argparse
import pathlib
import statistics
import subprocess
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]

BASELINE = "#include <string>\n#include <vector>\n#include <optional>\n#include <span>\n#include <compare>\n"
HEADERS = [
    "recoup/core/decimal.hpp",
    "recoup/core/money.hpp",
    "recoup/core.hpp",
    "recoup/plan.hpp",
    "recoup/rules.hpp",
    "recoup/recoup.hpp",
]


def compile_seconds(cxx: str, source: str, suffix: str, runs: int, std: str) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp) / f"tu{suffix}"
        path.write_text(source)
        samples = []
        for _ in range(runs):
            start = time.perf_counter()
            command = [cxx, std, "-fsyntax-only", f"-I{ROOT / 'include'}", str(path)]
            subprocess.run(command, check=True, capture_output=True)
            samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cxx", default="c++")
    parser.add_argument("--cc", default="cc")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    base = compile_seconds(args.cxx, BASELINE, ".cpp", args.runs, "-std=gnu++20")
    print(f"include cost (-fsyntax-only, median of {args.runs}); baseline (standard headers): {base:.2f} s")
    print(f"{'header':32} {'seconds':>8} {'x baseline':>11}")
    for h in HEADERS:
        t = compile_seconds(args.cxx, f"#include <{h}>\n", ".cpp", args.runs, "-std=gnu++20")
        print(f"{h:32} {t:8.2f} {t / base:11.1f}")
    c = compile_seconds(args.cc, "#include <recoup/c/recoup.h>\n", ".c", args.runs, "-std=c99")
    print(f"{'recoup/c/recoup.h (C99)':32} {c:8.2f} {'':>11}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
