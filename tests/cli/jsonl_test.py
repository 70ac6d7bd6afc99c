#!/usr/bin/env python3
"""Tests of `nxkx check --jsonl` (tools/nxkx/check_jsonl.cpp), one scenario per ctest test:

    jsonl_test.py NXKX EXAMPLES_DIR SCENARIO

The inputs are written into a temporary folder from the bundled examples. Run with no
SCENARIO to run them all.
"""

from __future__ import annotations

import json
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

AS_OF = "2025-05-20"


class Failure(Exception):
    pass


def expect(cond: bool, what: str) -> None:
    if not cond:
        raise Failure(what)


class Context:
    def __init__(self, nxkx: str, examples: pathlib.Path, tmp: pathlib.Path) -> None:
        self.nxkx = nxkx
        self.tmp = tmp
        self.accepted = json.loads((examples / "society_capacity.json").read_text("utf-8"))
        self.rejected = json.loads((examples / "society_capacity-grade-c.json").read_text("utf-8"))
        self.all = [json.loads(p.read_text("utf-8")) for p in sorted(examples.glob("*.json"))]

    def file(self, name: str, lines: list) -> pathlib.Path:
        path = self.tmp / name
        with open(path, "w", encoding="utf-8", newline="") as f:
            for line in lines:
                f.write(line if isinstance(line, str) else json.dumps(line, ensure_ascii=False))
                f.write("\n")
        return path

    def run(self, *args: str, stdin: bytes = b"") -> subprocess.CompletedProcess:
        return subprocess.run([self.nxkx, "check", "--as-of", AS_OF, *args], input=stdin,
                              capture_output=True, timeout=300)


def json_lines(out: bytes) -> list:
    text = out.decode("utf-8")
    expect(text.endswith("\n") or text == "", "stdout does not end with a newline")
    return [json.loads(line) for line in text.splitlines()]


# ---- scenarios ----

def one_report_per_line(c: Context) -> None:
    apps = [dict(a, id=f"L{i}") for i, a in enumerate(c.all)]
    p = c.run("--jsonl", str(c.file("all.jsonl", apps)))
    expect(p.returncode == 1, f"exit {p.returncode}, expected 1 (some examples are rejected)")
    reports = json_lines(p.stdout)
    expect(len(reports) == len(apps), f"{len(reports)} lines for {len(apps)} applications")
    expect([r["application"]["id"] for r in reports] == [a["id"] for a in apps],
           "the reports are not in input order")
    expect(all("decision" in r and "findings" in r for r in reports), "not reports")
    expect(p.stderr == b"", f"stderr not empty when piped: {p.stderr!r}")


def accepted_exits_zero(c: Context) -> None:
    p = c.run("--jsonl", str(c.file("ok.jsonl", [c.accepted])))
    expect(p.returncode == 0, f"exit {p.returncode}, expected 0")
    expect(json_lines(p.stdout)[0]["decision"]["code"] == "accepted", "not accepted")


def duplicates_across_lines(c: Context) -> None:
    # The same applicant and type on lines 1 and 2, sent the same day: line 2 stands; line 1's
    # report, already written, is amended by a record after line 2's report (README, "Amendment
    # records").
    resubmitted = dict(c.accepted, id="2025-0005-b")
    path = c.file("dup.jsonl", [c.accepted, resubmitted])
    p = c.run("--jsonl", str(path))
    expect(p.returncode == 1, f"exit {p.returncode}, expected 1 (line 1 is now needs review)")
    first, second, amendment = json_lines(p.stdout)
    expect(first["decision"]["code"] == "accepted", "line 1 as first written")
    expect(second["decision"]["code"] == "accepted" and not second["findings"],
           "the later one is judged on its merits")
    expect(amendment["amends"] == {"position": 0, "id": "2025-0005", "file": str(path),
                                   "line": 1}, f"amends: {amendment['amends']}")
    expect(amendment["decision"]["code"] == "needs_review" and
           amendment["previous_decision"]["code"] == "accepted", f"{amendment}")
    f = amendment["finding"]
    expect(f["rule_id"] == "application.duplicate_applicant" and
           f["severity"]["code"] == "needs_review", f"{f}")
    expect(f"application 2025-0005-b ({path}, line 2)" in f["message"]["en"], f["message"]["en"])
    # As text, the amendment is a block of its own after the report that causes it.
    p = c.run("--jsonl", "--format", "text", str(path))
    out = p.stdout.decode("utf-8")
    expect(f"更正 {path} 第 1 行（申报 2025-0005）：结论改为 需人工审核（原为 受理）" in out, out)
    expect(out.rstrip("\n").splitlines()[-1] == "2 份申报: 受理 1, 需人工审核 1",
           f"the summary counts the amended decision: {out.splitlines()[-1]}")


def amendments_give_the_batch(c: Context) -> None:
    # Two applicants resubmitting in any date order, and another application between: the
    # stream's reports with its amendments applied say what `nxkx check` says of the same batch.
    apps = []
    dates = ["2025-05-14", "2025-05-10", "2025-05-16", "2025-05-12", "2025-05-16", "2025-05-11"]
    for i, on in enumerate(dates):
        a = json.loads(json.dumps(c.accepted))
        a["id"] = f"D{i}"
        a["title"] = f"第{i}稿"
        a["applicant"]["credit_code"] = ["51640000MJX000018H", "51640000MJX000026C"][i % 2]
        a["submission"]["dispatch_date"] = on
        a["submission"]["word_version"]["sent_on"] = on
        apps.append(a)
    apps.insert(3, dict(c.rejected, id="R"))
    stream = json_lines(c.run("--jsonl", str(c.file("mixed.jsonl", apps))).stdout)
    reports = {r["origin"]["line"]: r for r in stream if "amends" not in r}
    amended = 0
    for m in (r for r in stream if "amends" in r):
        r = reports[m["amends"]["line"]]
        expect(r["decision"]["code"] == m["previous_decision"]["code"], f"{m}")
        r["findings"] = [f for f in r["findings"] if f["rule_id"] != m["finding"]["rule_id"]]
        r["findings"].append(m["finding"])
        r["decision"] = m["decision"]
        amended += 1
    expect(amended >= 3, f"only {amended} amendments")
    array = c.tmp / "mixed-array.json"
    array.write_text(json.dumps(apps, ensure_ascii=False), "utf-8")
    batch = json.loads(c.run("--format", "json", str(array)).stdout)["reports"]
    stream_file = str(c.tmp / "mixed.jsonl")
    def key(f: dict, path: str) -> tuple:
        # The same application named by its line in the stream, by its item in the array.
        return (f["rule_id"], f["message"]["en"].replace(path, "F").replace(", item ", ", line "))
    for i, want in enumerate(batch):
        got = reports[i + 1]
        expect(got["decision"] == want["decision"],
               f"line {i + 1}: {got['decision']} != {want['decision']}")
        expect(sorted(key(f, stream_file) for f in got["findings"]) ==
               sorted(key(f, str(array)) for f in want["findings"]),
               f"line {i + 1}: {got['findings']} != {want['findings']}")


def input_error_names_the_line(c: Context) -> None:
    lines = [c.accepted, "", "   ", '{"project_type": "no_such_type"}', "not json", c.rejected]
    path = c.file("bad.jsonl", lines)
    p = c.run("--jsonl", str(path))
    expect(p.returncode == 2, f"exit {p.returncode}, expected 2")
    err = p.stderr.decode("utf-8")
    expect(f"nxkx: {path}:4: /project_type: " in err, f"line 4 not named: {err}")
    expect(f"nxkx: {path}:5: " in err and "[input.syntax]" in err, f"line 5 not named: {err}")
    out = json_lines(p.stdout)
    expect(len(out) == 4, f"{len(out)} lines, expected 4 (blank lines are skipped)")
    expect(out[1]["error"] == {"file": str(path), "line": 4, "code": "input.unknown_code",
                               "path": "/project_type", "reason": out[1]["error"]["reason"],
                               "reason_zh": out[1]["error"]["reason_zh"]},
           f"error line: {out[1]}")
    expect("未知的项目类型" in out[1]["error"]["reason_zh"], f"reason_zh: {out[1]}")
    expect("未知的项目类型" in err, f"stderr is in Chinese by default: {err}")
    expect(out[2]["error"]["line"] == 5 and out[2]["error"]["code"] == "input.syntax",
           f"error line: {out[2]}")
    expect(out[3]["decision"]["code"] == "rejected", "the line after the errors is not checked")


def limit_names_the_line(c: Context) -> None:
    deep = "[" * 100_000
    huge = json.dumps(dict(c.accepted, title="x" * (2 << 20)))  # a 2 MiB title
    long_line = '{"id": "' + "y" * (17 << 20) + '"}'  # more than max_bytes (16 MiB)
    p = c.run("--jsonl", str(c.file("limits.jsonl", [deep, huge, long_line, c.accepted])))
    expect(p.returncode == 2, f"exit {p.returncode}, expected 2")
    out = json_lines(p.stdout)
    expect([e.get("error", {}).get("code") for e in out[:3]] == ["input.limit"] * 3,
           f"not input.limit: {[e.get('error') for e in out[:3]]}")
    expect(out[0]["error"]["path"] == "/0" * 64 and "max_depth" in out[0]["error"]["reason"],
           f"depth: {out[0]['error']}")
    expect(out[1]["error"]["path"] == "/title" and "max_string_bytes" in out[1]["error"]["reason"],
           f"string: {out[1]['error']}")
    expect(out[2]["error"]["line"] == 3 and "max_bytes" in out[2]["error"]["reason"],
           f"line length: {out[2]['error']}")
    expect(out[3]["decision"]["code"] == "accepted", "the line after the limits is not checked")


def text_format(c: Context) -> None:
    p = c.run("--jsonl", "--format", "text", "--lang", "en",
              str(c.file("text.jsonl", [c.accepted, c.rejected, "oops"])))
    expect(p.returncode == 2, f"exit {p.returncode}, expected 2")
    out = p.stdout.decode("utf-8")
    expect("Decision: accepted" in out and "Decision: rejected" in out, out)
    expect(out.rstrip("\n").splitlines()[-1] ==
           "2 applications: accepted 1, rejected 1; 1 line could not be read",
           f"summary: {out.splitlines()[-1]}")


def stdin_and_crlf(c: Context) -> None:
    data = (json.dumps(c.accepted, ensure_ascii=False) + "\r\n").encode("utf-8") * 2
    p = c.run("--jsonl", "-", stdin=data)
    out = [r for r in json_lines(p.stdout) if "amends" not in r]
    expect(len(out) == 2 and out[1]["decision"]["code"] == "accepted", f"{out}")
    p = c.run("--jsonl", "-", stdin=b'{"nope": 1}\n')
    expect(b"<stdin>:1: " in p.stderr, f"stdin line not named: {p.stderr!r}")


def missing_file(c: Context) -> None:
    ok = c.file("ok.jsonl", [c.accepted])
    p = c.run("--jsonl", str(c.tmp / "missing.jsonl"), str(ok))
    expect(p.returncode == 2, f"exit {p.returncode}, expected 2")
    expect("missing.jsonl: 没有这个文件或文件夹" in p.stderr.decode("utf-8"), f"{p.stderr!r}")
    en = c.run("--jsonl", "--lang", "en", str(c.tmp / "missing.jsonl"), str(ok))
    expect(b"missing.jsonl: no such file or directory" in en.stderr, f"{en.stderr!r}")
    out = json_lines(p.stdout)
    expect(out[0]["error"]["code"] == "input.not_found" and out[1]["decision"]["code"] == "accepted",
           f"{out}")


def progress(c: Context) -> None:
    big = c.file("many.jsonl", [dict(c.accepted, id=f"P{i}", title=f"t{i}") for i in range(3000)])
    shown = c.run("--jsonl", "--progress", str(big))
    # One applicant's 3000 resubmissions: each line supersedes the one before (one amendment a
    # line, never one for each earlier line).
    lines = json_lines(shown.stdout)
    expect(len([r for r in lines if "amends" not in r]) == 3000, "not 3000 reports")
    expect(len([r for r in lines if "amends" in r]) == 2999, "not 2999 amendments")
    # The line is drawn at least once, with the final count, and cleared at the end.
    err = shown.stderr.decode("utf-8")
    expect("已核验 3,000 份" in err and err.endswith("\r\x1b[K"), f"progress: {err!r}")
    en = c.run("--jsonl", "--progress", "--lang", "en", str(big))
    expect("3,000 checked" in en.stderr.decode("utf-8"), f"progress: {en.stderr!r}")
    quiet = c.run("--jsonl", "--progress", "--quiet", str(big))
    expect(quiet.stderr == b"", f"--quiet is not quiet: {quiet.stderr!r}")
    piped = c.run("--jsonl", str(big))
    expect(piped.stderr == b"", f"piped is not quiet: {piped.stderr!r}")


def threads(c: Context) -> None:
    # The same reports, amendments and order on 1 thread and on 4 (several chunks of lines), the
    # default follows the process's CPU affinity, and a count out of range is refused.
    apps = []
    for i in range(3000):
        a = json.loads(json.dumps([c.accepted, c.rejected][i % 2]))
        a["id"] = f"T{i}"
        a["applicant"]["credit_code"] = ["51640000MJX000018H", "51640000MJX000026C"][i % 7 % 2]
        apps.append(a)
    path = str(c.file("threads.jsonl", apps))
    one = c.run("--jsonl", "--threads", "1", path)
    four = c.run("--jsonl", "--threads", "4", path)
    expect(one.returncode == four.returncode == 1, f"{one.returncode} {four.returncode}")
    expect(one.stdout == four.stdout, "--threads 4 writes other reports than --threads 1")
    expect(len(json_lines(one.stdout)) > len(apps), "no amendment records")
    array = c.tmp / "threads.json"
    array.write_text(json.dumps(apps[:300], ensure_ascii=False), "utf-8")
    a1 = c.run("--format", "json", "--threads", "1", str(array))
    a3 = c.run("--format", "json", "--threads", "3", str(array))
    expect(a1.stdout == a3.stdout and a1.returncode == a3.returncode == 1,
           "an array checked on 3 threads differs")
    for bad in ["0", "-1", "257", "two", "18446744073709551617"]:
        r = c.run("--jsonl", "--threads", bad, path)
        expect(r.returncode == 2 and b"--threads" in r.stderr and r.stdout == b"",
               f"--threads {bad}: {r.returncode} {r.stderr!r}")
    if shutil.which("taskset"):
        pinned = subprocess.run(["taskset", "-c", "0", c.nxkx, "check", "--help"],
                                capture_output=True, timeout=60)
        expect(b"here 1." in re.sub(rb"\s+", b" ", pinned.stdout),
               f"the default under taskset -c 0 is not 1: {pinned.stdout!r}")


SCENARIOS = {f.__name__: f for f in [
    one_report_per_line, accepted_exits_zero, duplicates_across_lines, amendments_give_the_batch,
    input_error_names_the_line, limit_names_the_line, text_format, stdin_and_crlf,
    missing_file, progress, threads]}


def main() -> int:
    if len(sys.argv) not in (3, 4):
        print(__doc__, file=sys.stderr)
        return 64
    nxkx, examples = sys.argv[1], pathlib.Path(sys.argv[2])
    names = [sys.argv[3]] if len(sys.argv) == 4 else list(SCENARIOS)
    failed = 0
    for name in names:
        with tempfile.TemporaryDirectory() as tmp:
            try:
                SCENARIOS[name](Context(nxkx, examples, pathlib.Path(tmp)))
                print(f"ok   {name}")
            except Failure as e:
                print(f"FAIL {name}: {e}")
                failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
