#!/usr/bin/env python3
"""Writes N applications, one compact JSON object per line, for `nxkx check --jsonl`.

    /usr/bin/python3 bench/make_jsonl.py [--count 1000000] [--duplicates-every 1000] OUT.jsonl

The applications are the bundled examples (examples/applications/, every project type, some
rejected), each with its own id, title and lead credit code (valid check characters, GB 32100),
so that nearly every one adds new keys to duplicate detection, the worst case for memory. Every
--duplicates-every-th application repeats an earlier applicant and project type (三(一)). The
output depends only on the arguments.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [pow(3, i, 31) for i in range(17)]
ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]


def base36(c: str) -> int:
    return int(c) if c.isdigit() else ord(c) - ord("A") + 10


def credit_code(prefix: str, serial: int) -> str:
    """prefix: characters 1-8 (e.g. "51640000"); serial: 0 … 999,999."""
    body = prefix + "MJ%06d" % serial
    c = 11 - sum(w * base36(ch) for w, ch in zip(ORG_WEIGHTS, body[8:16])) % 11
    body += "X" if c == 10 else "0" if c == 11 else str(c)
    total = sum(w * ALPHABET.index(ch) for w, ch in zip(WEIGHTS, body))
    return body + ALPHABET[(31 - total % 31) % 31]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=pathlib.Path)
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--duplicates-every", type=int, default=1000,
                        help="every Nth application repeats an earlier applicant (0: never)")
    args = parser.parse_args()
    if args.count > 1_000_000:
        parser.error("--count: at most 1,000,000 (the credit code serial has 6 digits)")

    templates = [json.loads(p.read_text(encoding="utf-8"))
                 for p in sorted((ROOT / "examples/applications").glob("*.json"))]
    total_bytes = 0
    with open(args.out, "w", encoding="utf-8", newline="\n") as out:
        for i in range(args.count):
            app = json.loads(json.dumps(templates[i % len(templates)]))
            serial = i
            if args.duplicates_every and i > 0 and i % args.duplicates_every == 0:
                serial = i - len(templates)  # the same template, so the same project type
            app["id"] = "J-%07d" % i
            app["title"] = "%s（第%d号）" % (app.get("title", "项目"), i)
            lead = app.setdefault("applicant", {})
            prefix = lead.get("credit_code", "51640000MJX000018H")[:8]
            lead["credit_code"] = credit_code(prefix, serial)
            line = json.dumps(app, ensure_ascii=False, separators=(",", ":"))
            total_bytes += len(line.encode()) + 1
            out.write(line + "\n")
    print(f"{args.out}: {args.count} applications, {total_bytes / 1e6:.1f} MB, "
          f"{total_bytes / max(args.count, 1):.0f} bytes each on average", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
