#!/usr/bin/env python3
"""Text output cannot be turned against a terminal (issue 14, point 4):

    escape_test.py NXKX EXAMPLES_DIR

An application whose id, title, applicant name, an unknown key and an unknown code hold every
C0 control character, DEL, C1 controls and the bidirectional overrides is checked in every
format the command writes. No output meant for people (text, brief, --jsonl --format text, CSV,
HTML, the workbook's cells, standard error) carries one of them raw: each shows in the
documented form \\u001b. JSON output stays exact: the id reads back as it was given.
"""

from __future__ import annotations

import json
import pathlib
import subprocess
import sys
import tempfile
import zipfile

AS_OF = "2025-05-20"
# Every C0 control but none of them as the only content, DEL, two C1 controls, U+202E.
CONTROLS = "".join(chr(c) for c in range(0x00, 0x20)) + "\x7f\x85\x9b\u202e"
ALLOWED_RAW = {"\n", "\t"}  # line breaks and tabs of the output's own layout


def raw_controls(text: str) -> set:
    return {c for c in text if (ord(c) < 0x20 or ord(c) == 0x7f or 0x80 <= ord(c) <= 0x9f
                                or 0x202a <= ord(c) <= 0x202e or 0x2066 <= ord(c) <= 0x2069)
            and c not in ALLOWED_RAW}


def main() -> int:
    nxkx, examples = sys.argv[1], pathlib.Path(sys.argv[2])
    failures = []

    def expect(cond: bool, what: str) -> None:
        if not cond:
            failures.append(what)

    app = json.loads((examples / "society_capacity.json").read_text("utf-8"))
    app["id"] = "ID" + CONTROLS + "END"
    app["title"] = "TITLE" + CONTROLS
    app["applicant"]["name"] = "NAME\x1b[2J\x07"
    bad_key = dict(app)
    bad_key["\x1b[31mkey\r"] = 1
    bad_code = dict(app)
    bad_code["project_type"] = "\x1b]0;pwn\x07"
    bad_file = json.loads(json.dumps(app))  # a text whose file name is quoted in the reason
    bad_file.setdefault("records", {})["texts"] = [{"file": "\x1b[2J\x07case.txt"}]
    with tempfile.TemporaryDirectory() as d:
        tmp = pathlib.Path(d)
        good = tmp / "good.json"
        good.write_text(json.dumps(app), "utf-8")
        broken = tmp / "broken.json"
        broken.write_text(json.dumps([bad_key, bad_code, bad_file]), "utf-8")
        lines = tmp / "lines.jsonl"
        lines.write_text(json.dumps(app) + "\n" + json.dumps(bad_key) + "\n", "utf-8")

        def run(*args: str) -> subprocess.CompletedProcess:
            return subprocess.run([nxkx, "check", "--as-of", AS_OF, *args], capture_output=True)

        for args in (["--format", "text"], ["--brief"], ["--format", "csv"], ["--format", "html"],
                     ["--lang", "en"], ["--jsonl", "--format", "text", str(lines)]):
            for f in ([] if "--jsonl" in args else [good, broken]):
                p = run(*args, str(f))
                out, err = p.stdout.decode("utf-8"), p.stderr.decode("utf-8")
                out = out.replace("\r\n", "\n")  # CSV's own line ends (RFC 4180)
                expect(not raw_controls(out), f"{args} {f.name}: raw {raw_controls(out)!r} on stdout")
                expect(not raw_controls(err), f"{args} {f.name}: raw {raw_controls(err)!r} on stderr")
                if f == good:
                    expect("\\u001b" in out, f"{args}: ESC not shown as \\u001b: {out[:300]!r}")
                else:
                    expect("\\u001b" in err, f"{args}: ESC not shown as \\u001b on stderr: {err!r}")
            if "--jsonl" in args:
                p = run(*args)
                out, err = p.stdout.decode("utf-8"), p.stderr.decode("utf-8")
                expect(not raw_controls(out), f"--jsonl text: raw {raw_controls(out)!r} on stdout")
                expect(not raw_controls(err), f"--jsonl text: raw {raw_controls(err)!r} on stderr")
                expect("\\u001b" in out and "\\u001b" in err, f"--jsonl text: {out[:200]!r} {err!r}")

        # JSON stays exact.
        p = run("--format", "json", str(good))
        doc = json.loads(p.stdout)
        expect(doc["reports"][0]["application"]["id"] == app["id"], "JSON id is not exact")
        p = run("--jsonl", str(lines))
        first = json.loads(p.stdout.decode("utf-8").split("\n")[0])  # not splitlines: U+0085
        expect(first["application"]["id"] == app["id"], "JSON lines id is not exact")

        # The workbook: no cell holds a raw control character (XML 1.0 could not even hold most).
        book = tmp / "out.xlsx"
        run("-o", str(book), str(good), str(broken))
        with zipfile.ZipFile(book) as z:
            for name in z.namelist():
                if name.endswith(".xml"):
                    xml = z.read(name).decode("utf-8")
                    expect(not raw_controls(xml.replace("\r", "")), f"{name}: raw controls")
            strings = z.read("xl/sharedStrings.xml").decode("utf-8") if "xl/sharedStrings.xml" in z.namelist() else ""
            sheets = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("xl/worksheets/"))
            expect("\\u001b" in strings + sheets, "the workbook does not show ESC as \\u001b")
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
