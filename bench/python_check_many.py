#!/usr/bin/env python3
"""Per-application cost of nxkx.check_many (Python dicts in, Report objects out) against the
C++ batch (parse_application on each JSON text, then one check_batch), on the same batch.

    PYTHONPATH=build/release/python /usr/bin/python3 bench/python_check_many.py [--size N]
    PYTHONPATH=build/release/python /usr/bin/python3 bench/python_check_many.py \
        --mix build/release/bench/mix/mix-20000.jsonl [--threads 1] [--json OUT.json]

The batch is every accepted-or-not application of the conformance corpus and the examples,
repeated to --size; or, with --mix, a realistic mix of bench/realistic_mix.py (issue 13), read
as texts (check_many of a list of str) and as dicts (json.loads beforehand, not timed). Each way
is run --repeat times; the best and the median run are printed (the median is what --json
writes). The benchmark checks its own answer: every way must give the C++ batch's decisions,
and with --mix the decisions the generator measured (FILE.expected.json), or it exits 1.
"""

from __future__ import annotations

import argparse
import datetime
import json
import pathlib
import statistics
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


def timed(repeat: int, run) -> tuple:
    """Medians of `repeat` runs, after one run not counted: (wall seconds, CPU seconds of the
    process, best wall seconds, the answer of the last run)."""
    run()
    walls, cpus, answer = [], [], None
    for _ in range(repeat):
        cpu = time.process_time()
        wall, answer = run()
        cpus.append(time.process_time() - cpu)
        walls.append(wall)
    return statistics.median(walls), statistics.median(cpus), min(walls), answer


def mix_main(args) -> int:
    """--mix: texts and dicts of a realistic mix against the C++ batch, answers checked. The C++
    batch's time is taken inside the call (without the list of str crossing to C++); the
    Python ways' both as wall time and as the process's CPU time (steadier on a shared machine:
    with threads=1 one thread works at a time). The ratio printed is of wall times; bench/
    run_all.sh divides the CPU times by nxkx_bench's mix/text_to_report of the same run."""
    lines = [l for l in args.mix.read_text(encoding="utf-8").splitlines() if l]
    expected_file = args.mix.with_name(args.mix.name.removesuffix(".jsonl") + ".expected.json")
    expected = json.loads(expected_file.read_text(encoding="utf-8"))["decision_of"]
    dicts = [json.loads(l) for l in lines]
    notice = nxkx.Notice.builtin()
    n = len(lines)
    print(f"nxkx {nxkx.__version__}: {args.mix.name}, {n} applications, "
          f"{sum(len(l.encode()) for l in lines) / n:.0f} bytes each, as of {AS_OF}; "
          f"medians of {args.repeat} runs, µs per application")
    failed, out = False, {"applications": n, "repeat": args.repeat, "threads": {}}
    for threads in args.threads:
        def cpp():
            return _core._bench_cpp_batch(notice, lines, AS_OF, threads)

        def texts():
            start = time.perf_counter()
            reports = nxkx.check_many(lines, as_of=AS_OF, threads=threads, notice=notice)
            return time.perf_counter() - start, [r.decision.value for r in reports]

        def from_dicts():
            start = time.perf_counter()
            reports = nxkx.check_many(dicts, as_of=AS_OF, threads=threads, notice=notice)
            return time.perf_counter() - start, [r.decision.value for r in reports]

        print(f"threads={threads}{'':38} CPU     wall   (best wall)")
        row, base = {}, None
        for key, name, run in (("cpp", "C++ batch (parse each text + check_batch)", cpp),
                               ("texts", "check_many(list of str)", texts),
                               ("dicts", "check_many(list of dicts)", from_dicts)):
            wall, cpu, best, answer = timed(args.repeat, run)
            ok = list(answer) == expected
            failed |= not ok
            per = {"cpu_us_per_app": None if key == "cpp" else cpu / n * 1e6,
                   "wall_us_per_app": wall / n * 1e6, "best_wall_us_per_app": best / n * 1e6}
            base = base or per["wall_us_per_app"]
            per["ratio"] = per["wall_us_per_app"] / base
            per["answers_ok"] = ok
            row[key] = per
            shown_cpu = "     —" if key == "cpp" else f"{per['cpu_us_per_app']:6.2f}"
            print(f"  {name:<44} {shown_cpu} {per['wall_us_per_app']:7.2f} "
                  f"({per['best_wall_us_per_app']:.2f})  {per['ratio']:5.2f}× C++"
                  f"{'' if ok else '  WRONG ANSWER: not the generator' + chr(39) + 's decisions'}")
        out["threads"][str(threads)] = row
    if args.json:
        args.json.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    return 1 if failed else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=5000, help="applications in the batch")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each way; the best counts")
    parser.add_argument("--threads", type=int, nargs="*", default=[1, 2])
    parser.add_argument("--mix", type=pathlib.Path, help="a JSON-lines file of bench/realistic_mix.py")
    parser.add_argument("--json", type=pathlib.Path, help="with --mix: write the figures here")
    args = parser.parse_args()
    if args.mix:
        return mix_main(args)

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
