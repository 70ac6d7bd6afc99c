#!/usr/bin/env python3
"""Writes the seed corpus of each fuzz target, and a dictionary for the JSON targets, from the
conformance corpus, the examples and the pack (what the replay tests read directly).

    /usr/bin/python3 fuzz/make_seeds.py OUT_DIR

OUT_DIR/<target>/ gets one file per seed; OUT_DIR/json.dict every key and short string value
of the corpus (libFuzzer's -dict). Nothing is written into the source tree.
"""

from __future__ import annotations

import hashlib
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]


def applications() -> list:
    """Each conformance case's batch, and each application alone; then the examples."""
    docs = []
    for path in sorted((ROOT / "tests/conformance/cases").glob("*.json")):
        apps = json.loads(path.read_text(encoding="utf-8"))["applications"]
        docs.append(apps)
        docs.extend(apps)
    for path in sorted((ROOT / "examples/applications").glob("*.json")):
        docs.append(json.loads(path.read_text(encoding="utf-8")))
    return docs


def strings(value, out: set) -> None:
    if isinstance(value, dict):
        for k, v in value.items():
            out.add(k)
            strings(v, out)
    elif isinstance(value, list):
        for v in value:
            strings(v, out)
    elif isinstance(value, str) and len(value.encode()) <= 48:
        out.add(value)


def dict_char(b: int) -> str:
    """One byte as libFuzzer's dictionary syntax writes it."""
    if b in (0x22, 0x5C):
        return "\\" + chr(b)
    return chr(b) if 0x20 <= b < 0x7F else "\\x%02X" % b


def write(directory: pathlib.Path, data: bytes) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / hashlib.sha1(data).hexdigest()).write_bytes(data)


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    out = pathlib.Path(sys.argv[1])
    docs = applications()
    pack = (ROOT / "data/notice-2025.json").read_bytes()
    codes = set()

    for doc in docs:
        compact = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()
        write(out / "application", compact)
        write(out / "c_api", b"\x00" + compact if isinstance(doc, dict) else b"\x08" + compact)
        for app in doc if isinstance(doc, list) else [doc]:
            for key in ("credit_code",):
                code = app.get("applicant", {}).get(key)
                if isinstance(code, str):
                    codes.add(code)
    for name in ("bad-date.json", "malformed.json"):
        write(out / "application", (ROOT / "tests/cli" / name).read_bytes())
    for path in sorted((ROOT / "fuzz/seeds/application").iterdir()):
        write(out / "application", path.read_bytes())

    write(out / "pack", pack)
    write(out / "pack", (ROOT / "tests/cli/bad-pack.json").read_bytes())

    for name in ("zi.txt", "invalid-utf8.txt"):
        write(out / "count_zi", (ROOT / "tests/cli" / name).read_bytes())
    for path in sorted((ROOT / "examples/applications").glob("*.json")):
        write(out / "count_zi", path.read_bytes())

    for path in sorted((ROOT / "fuzz/seeds/credit_code").iterdir()):
        write(out / "credit_code", path.read_bytes())
    for code in sorted(codes):
        write(out / "credit_code", code.encode())

    words = set()
    for doc in docs:
        strings(doc, words)
    strings(json.loads(pack), words)
    tokens = [json.dumps(w, ensure_ascii=False).encode() for w in sorted(words)]
    tokens += [b"{", b"}", b"[", b"]", b":", b",", b"null", b"true", b"false", b"\\u"]
    with open(out / "json.dict", "w", encoding="ascii") as f:
        for token in tokens:
            f.write('kw="' + "".join(dict_char(b) for b in token) + '"\n')
    return 0


if __name__ == "__main__":
    sys.exit(main())
