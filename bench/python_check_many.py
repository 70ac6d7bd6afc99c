#!/usr/bin/env python3
"""Per-application cost of nxkx.check_many (Python dicts in, Report objects out) against the
C++ batch (parse_application on each JSON text, then one check_batch), on the same batch.

    PYTHONPATH=build/release/python /usr/bin/python3 bench/python_check_many.py [--size N]

The batch is every accepted-or-not application of the conformance corpus and the examples,
repeated to --size. Each way is run --repeat times and the best run is kept. The benchmark
checks its own answer: every way must give the C++ batch's decisions, or it exits 1.
"""

from __future__ import annotations

import argparse
import datetime
import json
import pathlib
import sys
import time

import nxkx
from nxkx import _core

ROOT = pathlib.Path(__file__).resolve().parents[1]
AS_OF = datetime.date(2025, 5, 20)


def corpus() -> list:
    apps = []
    for path in sorted((ROOT / "tests/conformance/cases").glob("*.json")):
        case = json.loads(path.read_text(encoding="utf-8"))
        if "error" not in case and case.get("stage", "application") == "application":
            apps.extend(case["applications"])
    for path in sorted((ROOT / "examples/applications").glob("*.json")):
        apps.append(json.loads(path.read_text(encoding="utf-8")))
    return apps


def best_of(repeat: int, run) -> tuple:
    best, answer = float("inf"), None
    for _ in range(repeat):
        seconds, answer = run()
        best = min(best, seconds)
    return best, answer


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=5000, help="applications in the batch")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each way; the best counts")
    parser.add_argument("--threads", type=int, nargs="*", default=[1, 2])
    args = parser.parse_args()

    base = corpus()
    dicts = [base[i % len(base)] for i in range(args.size)]
    texts = [json.dumps(d, ensure_ascii=False) for d in dicts]
    notice = nxkx.Notice.builtin()
    print(f"nxkx {nxkx.__version__}: {len(dicts)} applications ({len(base)} distinct), as of {AS_OF}")

    failed = False
    for threads in args.threads:

        def cpp():
            return _core._bench_cpp_batch(notice, texts, AS_OF, threads)

        def python_dicts():
            start = time.perf_counter()
            reports = nxkx.check_many(dicts, as_of=AS_OF, threads=threads, notice=notice)
            seconds = time.perf_counter() - start
            return seconds, [r.decision.value for r in reports]

        def python_dumps():  # the other way to cross: json.dumps in Python, text to C++
            start = time.perf_counter()
            batch = [json.dumps(d, ensure_ascii=False) for d in dicts]
            reports = nxkx.check_many(batch, as_of=AS_OF, threads=threads, notice=notice)
            seconds = time.perf_counter() - start
            return seconds, [r.decision.value for r in reports]

        cpp_s, expected = best_of(args.repeat, cpp)
        per_cpp = cpp_s / len(dicts) * 1e6
        print(f"threads={threads}")
        print(f"  C++ batch (parse each text + check_batch)     {per_cpp:8.2f} µs/application")
        for name, run in (("check_many(list of dicts)", python_dicts),
                          ("json.dumps + check_many(list of str)", python_dumps)):
            s, answer = best_of(args.repeat, run)
            per = s / len(dicts) * 1e6
            ok = answer == expected
            failed |= not ok
            print(f"  {name:<44} {per:8.2f} µs/application  {per / per_cpp:5.2f}× C++"
                  f"{'' if ok else '  WRONG ANSWER'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
