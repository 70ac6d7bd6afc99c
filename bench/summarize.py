#!/usr/bin/env python3
"""The table of bench/run_all.sh: every figure of issue 13, measured in one run, with its target.

    /usr/bin/python3 bench/summarize.py --run build/release/bench/run --mix build/release/bench/mix/mix-20000.jsonl

Reads what run_all.sh left in --run (nxkx_bench.json, python.json, cli.tsv, cli-out.jsonl,
probe.json, load.txt) and checks the command's answers: its output file must hold one report a
line with the generator's decision for each application (FILE.expected.json), or this exits 1.
Times are medians over the repetitions; CPU time unless a column says wall.
"""

from __future__ import annotations

import argparse
import collections
import json
import pathlib
import statistics
import sys

TARGETS = {
    "mix": "≤ 3 µs",
    "2kb": "≤ 2 µs",
    "rules": "≤ 0.5 µs",
    "pack": "≤ 100 µs",
    "py_texts": "≤ 1.2×",
    "py_dicts": "≤ 1.3×",
    "cli": "≤ 5 µs",
}
ISSUE_NOW = {  # the "now" column of issue 13, for reference
    "mix": "10.8 µs", "2kb": "5.3–5.5 µs", "rules": "0.4–1.7 µs", "pack": "1,256 µs",
    "py_texts": "1.6×", "py_dicts": "1.9×", "cli": "18.4 µs",
}


def medians(path: pathlib.Path) -> dict:
    """run name -> the median aggregate of a Google Benchmark JSON file."""
    if not path.exists():
        return {}
    out = {}
    for b in json.loads(path.read_text())["benchmarks"]:
        if b.get("aggregate_name") == "median":
            out[b["run_name"]] = b
    return out


def us(b: dict, key: str = "cpu_time") -> float:
    scale = {"ns": 1e-3, "us": 1.0, "ms": 1e3, "s": 1e6}[b["time_unit"]]
    return b[key] * scale


def per_app(b: dict) -> float:
    return b["per_app"] * 1e6  # seconds (an inverted rate of CPU time) to µs


def per_app_wall(b: dict) -> float:
    return us(b, "real_time") / b["applications"]


def check_cli_output(out_file: pathlib.Path, expected: list) -> str:
    # A report a line, in input order; an amendment record ({"amends": {"position": …}, …},
    # README "Amendment records") changes the decision of the report at that position.
    got = []
    with out_file.open(encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            if "amends" in record:
                got[record["amends"]["position"]] = record["decision"]["code"]
            else:
                got.append(record["decision"]["code"])
    if got != expected:
        wrong = sum(1 for a, b in zip(got, expected) if a != b) + abs(len(got) - len(expected))
        sys.exit(f"nxkx check --jsonl: {wrong} of {len(expected)} reports not the generator's decision")
    c = collections.Counter(got)
    return ", ".join(f"{k} {c[k]}" for k in ("accepted", "incomplete", "rejected", "needs_review"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--run", type=pathlib.Path, required=True)
    parser.add_argument("--mix", type=pathlib.Path, required=True)
    args = parser.parse_args()
    run = args.run
    expected_file = args.mix.with_name(args.mix.name.removesuffix(".jsonl") + ".expected.json")
    manifest = json.loads(expected_file.read_text(encoding="utf-8"))
    expected = manifest["decision_of"]
    n = len(expected)
    b = medians(run / "nxkx_bench.json")
    py = json.loads((run / "python.json").read_text())["threads"]["1"]
    cli = collections.defaultdict(list)
    for line in (run / "cli.tsv").read_text().splitlines():
        target, wall, user, sys_ = line.split()
        cli[target].append((float(wall), float(user) + float(sys_)))
    cli_answers = check_cli_output(run / "cli-out.jsonl", expected)
    for key in ("cpp", "texts", "dicts"):
        if not py[key]["answers_ok"]:
            sys.exit(f"python_check_many.py: {key}: wrong answers")

    rows = []

    def row(what, now, target_key=None, note=""):
        rows.append((what, now, ISSUE_NOW.get(target_key, "") if target_key else "",
                     TARGETS.get(target_key, "—") if target_key else "—", note))

    d = manifest["decisions"]
    mix_note = (f"{n:,} applications, {manifest['bytes']['mean']:,} bytes each; "
                f"{d['accepted'] / n:.1%} accepted, {d['incomplete'] / n:.1%} incomplete, "
                f"{d['rejected'] / n:.1%} rejected, {d['needs_review'] / n:.1%} needs review")
    full = b["mix/text_to_report_json"]
    row("realistic mix, JSON text → report JSON (decision + findings), per application, C++, 1 thread",
        f"{per_app(full):.2f} µs (wall {per_app_wall(full):.2f})", "mix", mix_note)
    row("  … JSON text → report objects (no JSON written)", f"{per_app(b['mix/text_to_report']):.2f} µs")
    row("  … of which parse_application", f"{per_app(b['mix/parse']):.2f} µs")
    row("  … of which the rules (check_batch of the decoded mix)", f"{per_app(b['mix/rules']):.2f} µs")
    row("  … of which the report JSON (append_json)", f"{per_app(b['mix/report_json']):.2f} µs",
        note=f"{full['report_bytes']:,.0f} bytes a report, {full['report_bytes'] / full['json_bytes']:.2f}× its input")
    two = [(k.split("/")[-1], us(v)) for k, v in b.items() if k.endswith("@2kb")]
    row("an accepted 2 KB application, end to end (corpus case grown to 2 KB)",
        ", ".join(f"{t:.2f} µs" for _, t in two), "2kb", ", ".join(name for name, _ in two))
    rules = {k.split("/")[-1]: us(v) for k, v in b.items() if k.startswith("rules_only/application/")}
    worst = max(rules, key=rules.get)
    row("rules alone, any type, a rejection included",
        f"{min(rules.values()):.2f}–{max(rules.values()):.2f} µs", "rules",
        f"slowest {worst}; the mix's average {per_app(b['mix/rules']):.2f} µs")
    row("loading the built-in pack", f"{us(b['pack_load_builtin']):,.0f} µs", "pack",
        f"notice::from_json of the same text, which hashes it: {us(b['pack_load']):,.0f} µs")
    cpp = per_app(b["mix/text_to_report"])
    for key, label in (("texts", "texts"), ("dicts", "dicts")):
        p = py[key]
        row(f"Python check_many, {label}, against the C++ batch (text → reports, same mix)",
            f"{p['cpu_us_per_app'] / cpp:.2f}× ({p['cpu_us_per_app']:.2f} µs)", f"py_{key}",
            f"in-process C++ of the same script: {py['cpp']['wall_us_per_app']:.2f} µs wall; "
            f"{p['ratio']:.2f}× of wall times")
    for target, label in (("devnull", "/dev/null"), ("file", "a file")):
        walls = [w for w, _ in cli[target]]
        cpus = [c for _, c in cli[target]]
        row(f"nxkx check --jsonl, realistic mix, per application on one core, to {label}",
            f"{statistics.median(walls) / n * 1e6:.2f} µs wall (CPU {statistics.median(cpus) / n * 1e6:.2f})",
            "cli", cli_answers if target == "file" else "taskset -c; the command's default threads")

    loads = (run / "load.txt").read_text().split("\n")
    print(f"Measured in one run of bench/run_all.sh; medians of {len(cli['file'])} repetitions; "
          f"CPU time unless marked wall. Load average {loads[0].removeprefix('load before: ')} before, "
          f"{loads[-2].strip().removeprefix('load: ')} after.\n")
    print("| what | now | issue 13's \"now\" | target | |")
    print("|---|---|---|---|---|")
    for what, now, was, target, note in rows:
        print(f"| {what} | {now} | {was} | {target} | {note} |")

    probe = medians(run / "probe.json")
    if probe:
        print("\nJSON readers on the same texts (nxkx_json_probe), per application and per KB (1,000 bytes):\n")
        print("| reader | per application | per KB | MB/s |")
        print("|---|---|---|---|")
        for name, v in probe.items():
            print(f"| `{name}` | {v['per_app'] * 1e6:.2f} µs | {v['per_kb'] * 1e6:.2f} µs | "
                  f"{v['bytes_per_second'] / 1e6:,.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
