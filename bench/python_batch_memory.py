#!/usr/bin/env python3
"""Peak memory of nxkx.check_many on one large batch text, as docs/limits.md reports it.

    PYTHONPATH=build/dev/python /usr/bin/python3 bench/python_batch_memory.py --as bytes
    PYTHONPATH=build/dev/python /usr/bin/python3 bench/python_batch_memory.py --as str

The batch is one JSON array of --count copies of --example (by default
examples/applications/grassroots_societies_capacity.json, 100,000 copies: 272,400,001 bytes
today, max_batch_bytes raised to fit),
every one a duplicate of the others, so that every report carries a finding and is amended by
the next (the last one stands). Each run is one process (run it once per --as): the peak is the process's maximum
resident set (ru_maxrss) after the call, printed with the resident set just before the call
(the interpreter, the pack and the caller's text) and both as multiples of the UTF-8 text. The
script checks its answer: every report but the last must hold the duplicate finding, or it
exits 1.
"""

from __future__ import annotations

import argparse
import datetime
import pathlib
import resource
import sys

import nxkx

ROOT = pathlib.Path(__file__).resolve().parents[1]


def rss_kb() -> int:
    for line in pathlib.Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS in /proc/self/status")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--as", dest="kind", choices=("bytes", "str"), required=True)
    ap.add_argument("--count", type=int, default=100_000)
    ap.add_argument(
        "--example",
        type=pathlib.Path,
        default=ROOT / "examples/applications/grassroots_societies_capacity.json",
    )
    args = ap.parse_args()

    one = args.example.read_bytes().strip()
    data = b"[" + b",".join([one] * args.count) + b"]"
    text_bytes = len(data)
    batch = data if args.kind == "bytes" else data.decode("utf-8")
    del data
    before = rss_kb()
    # The text may pass the default max_batch_bytes (256 MiB): the limit is raised to it.
    limits = nxkx.InputLimits(max_batch_bytes=max(text_bytes, nxkx.InputLimits().max_batch_bytes))
    reports = nxkx.check_many(batch, as_of=datetime.date(2025, 5, 20), threads=1, limits=limits)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if len(reports) != args.count:
        print(f"expected {args.count} reports, got {len(reports)}", file=sys.stderr)
        return 1
    for i in (0, len(reports) // 2, len(reports) - 2):  # the latest stands: no finding
        rules = {f.rule_id for f in reports[i].findings}
        if "application.duplicate_applicant" not in rules:
            print(f"report {i} has no duplicate finding: {sorted(rules)}", file=sys.stderr)
            return 1
    kb = text_bytes / 1024
    print(
        f"check_many({args.kind}) of {args.count:,} applications, {text_bytes:,} bytes: "
        f"peak {peak:,} kB = {peak / kb:.2f}x the text; before the call {before:,} kB; "
        f"above it {peak - before:,} kB = {(peak - before) / kb:.2f}x"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
