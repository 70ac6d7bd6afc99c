#!/usr/bin/env python3
"""Tests of the desk (docs/desk.md): `nxkx check` of a folder written as a workbook, CSV, HTML and
brief text and compared row by row with the JSON report; the HTML printed to PDF by headless
Chromium and read back with pdftotext; `nxkx new`; Word documents; other encodings. One
scenario per ctest test:

    desk_test.py NXKX SOURCE_DIR OUT_DIR SCENARIO

OUT_DIR keeps what a person may want to look at (the PDF, the PNG of the page). With
NXKX_DESK_PNG=path the PNG of the page is also copied there (docs/img/desk-report.png is made
so). CHROMIUM and PDFTOTEXT name the programs (default: chromium, pdftotext on PATH).
"""

from __future__ import annotations

import csv
import io
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

AS_OF = "2025-05-20"
BEFORE_DEADLINE = "2025-05-15"
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f\u202a-\u202e\u2066-\u2069]")
CONTROL_AND_LINES = re.compile(r"[\x00-\x1f\x7f\x80-\x9f\u202a-\u202e\u2066-\u2069]")


class Failure(Exception):
    pass


def expect(cond: bool, what: str) -> None:
    if not cond:
        raise Failure(what)


class Context:
    def __init__(self, nxkx: str, source: pathlib.Path, out: pathlib.Path, tmp: pathlib.Path):
        self.nxkx, self.source, self.out, self.tmp = nxkx, source, out, tmp
        self.examples = source / "examples" / "applications"
        catalog = json.loads(self.run_nxkx("catalog", "--format", "json").stdout)
        self.types = {t["code"]: t for t in catalog["project_types"]}
        self.contacts = {c["code"]: c for c in catalog.get("contacts", [])}

    def run_nxkx(self, *args: str, check: bool = True, stdin: bytes = b"") -> subprocess.CompletedProcess:
        # Run in the temporary folder, naming its files relative to it, as staff would
        # ("收件/…"): that is what the tables and pages show.
        here = str(self.tmp) + os.sep
        args = tuple(a[len(here):] if a.startswith(here) else a for a in args)
        p = subprocess.run([self.nxkx, *args], capture_output=True, input=stdin, timeout=600,
                           cwd=self.tmp)
        if check and p.returncode not in (0, 1, 2):
            raise Failure(f"nxkx {' '.join(args)}: exit {p.returncode}: {p.stderr.decode()}")
        return p

    def intake(self) -> pathlib.Path:
        """A folder as staff get one: the nine examples (some in a subfolder), an array of two
        (the second unreadable), a file saved as GB18030, and one that is not JSON."""
        d = self.tmp / "收件"
        (d / "第二批").mkdir(parents=True, exist_ok=True)
        for i, p in enumerate(sorted(self.examples.glob("*.json"))):
            target = d / ("第二批" if i % 3 == 2 else "") / p.name
            shutil.copy(p, target)
        society = json.loads((self.examples / "society_capacity.json").read_text("utf-8"))
        second = dict(society, id="2025-0099", submission={"delivery": "快递"})
        (d / "第二批" / "array.json").write_text(
            json.dumps([dict(society, id="2025-0098", title="另一个项目",
                             applicant=dict(society["applicant"], credit_code="51640000MJX000018H")),
                        second], ensure_ascii=False), "utf-8")
        (d / "gbk.json").write_bytes(json.dumps({"id": "宁夏", "project_type": "society_capacity",
                                                 "applicant": {"kind": "society"}},
                                                ensure_ascii=False).encode("gb18030"))
        (d / "broken.json").write_text('{"project_type": "society_capacity",}', "utf-8")
        (d / ".hidden.json").write_text("{", "utf-8")  # left out: names that begin with "."
        return d

    def check(self, *args: str) -> subprocess.CompletedProcess:
        return self.run_nxkx("check", "--as-of", AS_OF, *args)

    def reference(self, folder: pathlib.Path, *args: str) -> dict:
        p = self.check(folder_arg(folder), "--format", "json", *args)
        return json.loads(p.stdout)

    # What a table shows of a report, from the JSON report and the catalogue.
    def origin_text(self, o: dict) -> str:
        text = o.get("file", "")
        if "index" in o:
            text += (" #" if text else "#") + str(o["index"])
        if "line" in o:
            text += (":" if text else "line ") + str(o["line"])
        return text

    def project_name(self, code: str) -> str:
        return self.types[code]["name"]["zh"] if code in self.types else code

    def contact(self, code: str) -> str:
        t = self.types.get(code)
        if not t:
            return ""
        c = t.get("contact") or {}
        if isinstance(c, str):
            c = self.contacts.get(c, {})
        return " ".join(x for x in (c.get("name", ""), c.get("phone", "")) if x)


def folder_arg(p: pathlib.Path) -> str:
    return str(p)


def found_text(f: dict) -> str:
    found = f["found"]["zh"]
    return "未填写" if not found and f["unknown"] else found


def reading(f: dict) -> str:
    r = f.get("interpretation", "")
    return r.get("zh", "") if isinstance(r, dict) else r


def pack_text(r: dict) -> str:
    """The pack a report names, as the desk's last column 依据 shows it."""
    p = r["pack"]
    return f"{p['id']} {p['version']} sha256:{p['sha256']}"


def summary_rows(c: Context, doc: dict) -> list:
    rows = []
    for r in doc["reports"]:
        a = r["application"]
        rows.append([c.origin_text(r.get("origin", {})), a["id"], a["applicant_name"], a["credit_code"],
                     c.project_name(a["project_type"]), r["decision"]["zh"], str(len(r["findings"])),
                     r["findings"][0]["message"]["zh"] if r["findings"] else "", c.contact(a["project_type"]),
                     pack_text(r)])
    return rows


def finding_rows(c: Context, doc: dict) -> list:
    rows = []
    for r in doc["reports"]:
        for f in r["findings"]:
            rows.append([c.origin_text(r.get("origin", {})), r["application"]["id"], f["clause"],
                         f["severity"]["zh"], f["rule_id"], f["path"], f["message"]["zh"],
                         f["expected"]["zh"], found_text(f), reading(f)])
    return rows


def cell(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


# ---- scenarios ----

def workbook_matches_json(c: Context) -> None:
    import openpyxl  # python3-openpyxl

    folder = c.intake()
    doc = c.reference(folder)
    xlsx = c.tmp / "审核结果.xlsx"
    p = c.check(str(folder), "-o", str(xlsx))  # the format from the extension
    expect(p.returncode == 2, f"exit {p.returncode}: unreadable inputs are exit 2")
    expect(p.stdout == b"", "-o FILE writes nothing on standard output")
    expect(f"{xlsx.name}：".encode() in p.stderr, f"the summary names the file on stderr: {p.stderr!r}")
    wb = openpyxl.load_workbook(xlsx)
    expect(wb.sheetnames == ["汇总", "问题"], f"sheets {wb.sheetnames}")
    summary, findings = wb["汇总"], wb["问题"]
    header = [cell(v.value) for v in summary[1]]
    expect(header == ["文件", "编号", "申报单位", "统一社会信用代码", "项目类型", "结论", "问题数",
                      "主要问题", "联系人", "依据"], f"汇总 header {header}")
    got = [[cell(v) for v in row] for row in summary.iter_rows(min_row=2, values_only=True)]
    want = summary_rows(c, doc)
    expect(got[:len(want)] == want, "汇总 rows differ from the JSON report:\n" +
           "\n".join(f"{g}\n{w}" for g, w in zip(got, want) if g != w))
    errors = got[len(want):]
    expect(len(errors) == len(doc["errors"]) == 3, f"{len(errors)} error rows, {len(doc['errors'])} errors")
    for row, e in zip(errors, doc["errors"]):
        expect(row[5] == "无法读取" and f"[{e['code']}]" in row[7] and e["file"] in row[0], f"error row {row}")
    # The array's unreadable element is named by its index.
    expect(any(r[0].endswith("array.json #1") for r in errors), f"no array.json #1 in {errors}")
    header = [cell(v.value) for v in findings[1]]
    expect(header == ["文件", "编号", "条款", "严重程度", "规则", "字段", "说明", "应为", "实为", "解读"],
           f"问题 header {header}")
    got = [[cell(v) for v in row] for row in findings.iter_rows(min_row=2, values_only=True)]
    want = finding_rows(c, doc)
    expect(got[:len(want)] == want, "问题 rows differ:\n" +
           "\n".join(f"{g}\n{w}" for g, w in zip(got, want) if g != w))
    expect(len(got) == len(want) + len(doc["errors"]), "one 问题 row per finding and error")
    # Header frozen, filters on, columns sized, decisions coloured.
    for ws, ncols in ((summary, 10), (findings, 10)):
        expect(ws.freeze_panes == "A2", f"{ws.title}: freeze panes {ws.freeze_panes}")
        expect(ws.auto_filter.ref == f"A1:{'ABCDEFGHIJ'[ncols - 1]}{ws.max_row}",
               f"{ws.title}: filter {ws.auto_filter.ref}")
        widths = [ws.column_dimensions[chr(65 + i)].width for i in range(ncols)]
        expect(all(w and w > 5 for w in widths), f"{ws.title}: widths {widths}")
        expect(ws["A1"].font.b, f"{ws.title}: the header is not bold")
    colours = {}
    for row in summary.iter_rows(min_row=2):
        colours.setdefault(row[5].value, set()).add(row[5].fill.fgColor.rgb)
    expect(len(colours["受理"]) == 1 and len(colours["不予受理"]) == 1 and
           colours["受理"] != colours["不予受理"] and colours["无法读取"] == colours["不予受理"],
           f"decision colours {colours}")
    expect(isinstance(summary["G2"].value, (int, float)), "问题数 is a number")


def csv_matches_json(c: Context) -> None:
    folder = c.intake()
    doc = c.reference(folder)
    out = c.tmp / "审核结果.csv"
    c.check(str(folder), "-o", str(out))
    raw = out.read_bytes()
    expect(raw.startswith(b"\xef\xbb\xbf"), "the CSV starts with a UTF-8 byte-order mark")
    expect(b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b""), "CRLF line ends (RFC 4180)")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    expect(rows[0] == ["文件", "编号", "申报单位", "统一社会信用代码", "项目类型", "结论", "问题数", "条款",
                       "严重程度", "规则", "字段", "说明", "应为", "实为", "解读", "联系人", "依据"],
           f"header {rows[0]}")
    want = []
    for s, r in zip(summary_rows(c, doc), doc["reports"]):
        app = s[:7]
        if not r["findings"]:
            want.append(app + [""] * 8 + [s[8], s[9]])
        for f in r["findings"]:
            want.append(app + [f["clause"], f["severity"]["zh"], f["rule_id"], f["path"],
                               f["message"]["zh"], f["expected"]["zh"], found_text(f), reading(f), s[8], s[9]])
    got = rows[1:]
    expect(got[:len(want)] == want, "CSV rows differ:\n" +
           "\n".join(f"{g}\n{w}" for g, w in zip(got, want) if g != w))
    expect(len(got) == len(want) + len(doc["errors"]), f"{len(got)} rows")
    expect(all(r[5] == "无法读取" for r in got[len(want):]), "error rows")
    # A cell with a comma, a quote or a line break is quoted, quotes doubled.
    expect('"未知的提交方式 ""快递""' in raw.decode("utf-8-sig"), "quotes are doubled")


def pdf_text(c: Context, html: pathlib.Path, pdf: pathlib.Path) -> str:
    chromium = os.environ.get("CHROMIUM", "chromium")
    profile = c.tmp / "chromium-profile"
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}"]
    p = subprocess.run([chromium, *flags, "--no-pdf-header-footer", f"--print-to-pdf={pdf}",
                        html.as_uri()], capture_output=True, timeout=300)
    expect(p.returncode == 0 and pdf.exists(), f"chromium: {p.stderr.decode(errors='replace')[-500:]}")
    png = c.out / "desk-report.png"
    p = subprocess.run([chromium, *flags, "--hide-scrollbars", "--window-size=1100,1400",
                        f"--screenshot={png}", html.as_uri()], capture_output=True, timeout=300)
    expect(p.returncode == 0 and png.exists(), f"chromium screenshot: {p.stderr.decode(errors='replace')[-500:]}")
    if os.environ.get("NXKX_DESK_PNG"):
        shutil.copy(png, os.environ["NXKX_DESK_PNG"])
    pdftotext = os.environ.get("PDFTOTEXT", "pdftotext")
    text = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, check=True,
                          timeout=120).stdout.decode("utf-8")
    pages = text.count("\f")
    return text, pages


def html_prints_every_application(c: Context) -> None:
    folder = c.intake()
    doc = c.reference(folder)
    html = c.out / "审核.html"
    c.check(str(folder), "--format", "html", "-o", str(html))
    page = html.read_text("utf-8")
    # Self-contained: no script, no stylesheet or image to fetch, and a policy that forbids any.
    expect("<script" not in page and "<link" not in page and "<img" not in page and "url(" not in page,
           "the page loads nothing")
    expect("default-src 'none'" in page, "no Content-Security-Policy")
    expect("break-before: page" in page and "@media print" in page, "no print CSS")
    text, pages = pdf_text(c, html, c.out / "审核.pdf")
    flat = re.sub(r"\s+", "", text)
    for r in doc["reports"]:
        expect(r["application"]["id"] in flat, f"{r['application']['id']} not in the PDF")
        expect(r["decision"]["zh"] in flat, f"{r['decision']['zh']} not in the PDF")
    # A summary page, one page (at least) per application, then the unreadable inputs.
    expect(pages >= 1 + len(doc["reports"]) + 1, f"{pages} pages for {len(doc['reports'])} applications")
    for r in doc["reports"]:  # each application starts a page: its id heads it
        head = f"{r['application']['id']} · "
        expect(any(p.lstrip().startswith(head) for p in text.split("\f")), f"no page starts with {head}")
    expect("无法读取" in flat, "the unreadable inputs are on the page")


def text_and_brief_say_where(c: Context) -> None:
    folder = c.intake()
    doc = c.reference(folder)
    brief = c.check(str(folder), "--brief").stdout.decode("utf-8")
    lines = brief.splitlines()
    for r in doc["reports"]:
        where = c.origin_text(r["origin"])
        head = [l for l in lines if l.startswith(where + " · ")]
        expect(len(head) == 1, f"no brief line for {where}")
        expect(head[0].endswith(r["decision"]["zh"]) or f"{r['decision']['zh']} (" in head[0], head[0])
    n_findings = sum(len(r["findings"]) for r in doc["reports"])
    finding_lines = [l for l in lines if l.startswith("  [")]
    expect(len(finding_lines) == n_findings, f"{len(finding_lines)} finding lines, {n_findings} findings")
    # Clauses cited, never quoted (the quotes are in the JSON, the HTML and nxkx rules).
    quotes = {q["quote"] for r in doc["reports"] for f in r["findings"] for q in f["clauses"] if q["quote"]}
    expect(not any(q[:20] in brief for q in quotes), "a clause is quoted in the brief text")
    # One line per application and one per finding, and the summary line.
    expect(len(lines) == len(doc["reports"]) + n_findings + 1, f"{len(lines)} lines")
    full = c.check(str(folder)).stdout.decode("utf-8")
    expect(len(brief) < len(full), "the brief text is not brief")
    # -o FILE for text: the unreadable inputs are in the file too.
    out = c.tmp / "审核.txt"
    c.check(str(folder), "--brief", "-o", str(out))
    saved = out.read_text("utf-8")
    expect(saved.count("无法读取: ") == len(doc["errors"]), "errors in the text file")
    # The order of a folder: by path, folder by folder, byte by byte.
    files = [r["origin"]["file"] for r in doc["reports"]]
    expect(files == sorted(files, key=lambda f: pathlib.PurePath(f).parts), f"order {files}")
    expect(not any(".hidden" in f for f in files + [e["file"] for e in doc["errors"]]), "hidden file read")


def control_characters_are_visible(c: Context) -> None:
    society = json.loads((c.examples / "society_capacity.json").read_text("utf-8"))
    evil = dict(society, id="A\u001b[31mB", title="标题\u0007\u202e响铃",
                applicant=dict(society["applicant"], name="学会\r\n第二行"))
    path = c.tmp / "evil\u001b.json"
    path.write_text(json.dumps(evil, ensure_ascii=False), "utf-8")
    outputs = {}
    for fmt in ("text", "csv", "html"):
        outputs[fmt] = c.check(str(path), "--format", fmt).stdout.decode("utf-8")
    outputs["brief"] = c.check(str(path), "--brief").stdout.decode("utf-8")
    xlsx = c.tmp / "evil.xlsx"
    c.check(str(path), "-o", str(xlsx))
    with zipfile.ZipFile(xlsx) as z:
        outputs["xlsx"] = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))
    stderr = c.check(str(c.tmp / "missing\u001b.json")).stderr.decode("utf-8")
    outputs["stderr"] = stderr
    for name, text in outputs.items():
        check = CONTROL if name in ("text", "brief", "stderr") else CONTROL_AND_LINES
        body = text if name not in ("csv",) else text.replace("\r\n", "")
        if name == "html":
            body = body.replace("\n", "")
        if name == "xlsx":
            body = body.replace("\n", "").replace("\r", "")
        bad = check.search(body)
        expect(bad is None, f"{name}: a raw control character {bad and repr(bad.group())}")
        if name != "stderr":
            expect("\\u001b" in text, f"{name}: ESC is not shown as \\u001b")
    expect("\\u001b" in stderr, "a file name's ESC is shown on stderr")
    expect("\\u202e" in outputs["html"] and "\\u000d\\u000a" in outputs["csv"], "bidi override and CR LF")


def encodings(c: Context) -> None:
    society = json.loads((c.examples / "society_capacity.json").read_text("utf-8"))
    text = json.dumps(society, ensure_ascii=False, indent=2)
    files = {
        "gb18030": text.encode("gb18030"),
        "utf-16": text.encode("utf-16"),        # with a byte-order mark (what Notepad writes)
        "utf-16le": text.encode("utf-16-le"),
        "utf-16be": text.encode("utf-16-be"),
    }
    for enc, data in files.items():
        p = c.tmp / f"{enc}.json"
        p.write_bytes(data)
        plain = c.check(str(p))
        expect(plain.returncode == 2, f"{enc}: read as UTF-8 it is an input error")
        err = plain.stderr.decode("utf-8")
        guess = "GB18030" if enc == "gb18030" else ("UTF-16BE" if enc.endswith("be") else "UTF-16LE")
        expect(guess in err and "--encoding" in err, f"{enc}: no hint naming {guess}: {err}")
        for given in (enc, "auto"):
            ok = c.check("--encoding", given, str(p))
            expect(ok.returncode == 0 and "受理 1" in ok.stdout.decode("utf-8"), f"{enc} read as {given}: {ok.stderr!r}")
    bad = c.tmp / "bad-gb.json"
    bad.write_bytes(b'{"id": "\x81\x20"}')
    p = c.check("--encoding", "gb18030", str(bad))
    expect(b"[input.encoding]" in p.stderr, f"no input.encoding: {p.stderr!r}")
    # A UTF-8 byte-order mark is skipped everywhere: the reader, --jsonl, count.
    bom = c.tmp / "bom.json"
    bom.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    expect(c.check(str(bom)).returncode == 0, "a BOM before the JSON")
    jsonl = c.tmp / "bom.jsonl"
    jsonl.write_bytes(b"\xef\xbb\xbf" + json.dumps(society, ensure_ascii=False).encode() + b"\n")
    expect(c.check("--jsonl", str(jsonl)).returncode == 0, "a BOM before the first JSON line")
    txt = c.tmp / "bom.txt"
    txt.write_bytes(b"\xef\xbb\xbf" + "宁夏科协2025年学术交流项目。".encode())
    out = c.run_nxkx("count", "--method", "word_processor", str(txt)).stdout.decode()
    expect(out.strip().endswith("13 字 (Word 字数统计口径)"), f"count with a BOM: {out}")
    gbtxt = c.tmp / "gb.txt"
    gbtxt.write_bytes("宁夏科协2025年学术交流项目。".encode("gb18030"))
    out = c.run_nxkx("count", "--encoding", "gb18030", "--method", "word_processor", str(gbtxt))
    expect(out.stdout.decode().strip().endswith("13 字 (Word 字数统计口径)"), f"count of GB18030: {out.stdout!r}")


def starter_files_give_the_todo_list(c: Context) -> None:
    for stage in ("application", "completion"):
        for code, t in c.types.items():
            p = c.run_nxkx("new", "--type", code, "--stage", stage)
            expect(p.returncode == 0, f"new {code}: {p.stderr!r}")
            starter = json.loads(p.stdout)
            expect(starter["project_type"] == code, "project_type")
            expect(starter["applicant"]["kind"] == t["eligible"][0], f"{code}: kind {starter['applicant']}")

            def leaves(v, at=""):
                if isinstance(v, dict):
                    for k, x in v.items():
                        yield from leaves(x, f"{at}/{k}")
                elif isinstance(v, list):
                    for i, x in enumerate(v):
                        yield from leaves(x, f"{at}/{i}")
                else:
                    yield at, v
            values = dict(leaves(starter))
            given = {k: v for k, v in values.items() if v is not None}
            expect(set(given) <= {"/project_type", "/applicant/kind", "/joint_applicants/0/kind"},
                   f"{code}: a starter states no fact: {given}")
            path = c.tmp / f"{code}-{stage}.json"
            path.write_text(p.stdout.decode("utf-8"), "utf-8")
            # An applicant fills a starter in before the deadline: after it, an application with
            # nothing dated sent is late (三(四) rev. 2), not a to-do list.
            checked = c.run_nxkx("check", "--as-of", BEFORE_DEADLINE, "--stage", stage,
                                 "--format", "json", str(path))
            expect(checked.returncode == 1, f"{code} {stage}: a starter is not accepted ({checked.returncode})")
            report = json.loads(checked.stdout)["reports"][0]
            expect(report["findings"], f"{code}: no to-do list")
            # Every finding points at a field of the starter (or at a list the starter holds).
            for f in report["findings"]:
                expect(f["path"] in values or any(k.startswith(f["path"] + "/") for k in values),
                       f"{code} {stage}: {f['rule_id']} points at {f['path']}, not in the starter")
            # At submission the to-do list is of facts not yet given (unknown, 材料不全).
            if stage == "application":
                wrong = [f["rule_id"] for f in report["findings"] if f["severity"]["code"] == "rejected"]
                expect(not wrong, f"{code}: a starter is rejected by {wrong}")
                expect(report["decision"]["code"] == "incomplete",
                       f"{code}: a starter is incomplete, not {report['decision']['code']}")
    p = c.run_nxkx("new", "--type", "no_such_type")
    expect(p.returncode == 2 and "未知的项目类型" in p.stderr.decode("utf-8"), f"{p.stderr!r}")
    out = c.tmp / "申报-银川经开区.json"
    p = c.run_nxkx("new", "--type", "park_sta_capacity", "-o", str(out))
    expect(p.returncode == 0 and json.loads(out.read_text("utf-8"))["project_type"] == "park_sta_capacity", "-o")


def fixtures(c: Context) -> pathlib.Path:
    d = c.tmp / "docx"
    subprocess.run([sys.executable, str(c.source / "tests" / "docx" / "make_fixtures.py"), str(d)],
                   check=True, timeout=300)
    return d


def word_documents(c: Context) -> None:
    d = fixtures(c)
    expected = json.loads((d / "expected.json").read_text("utf-8"))
    # docs/deliverables.md: Hello、World。 4; 宁夏科协2025年学术交流项目。 13; Hello, world. 2; Hello , world . 4;
    # with the table (6), the text box (6, once), the hyperlink (2), a word in two runs (1) and
    # a tab between two words (2): 40. Headers, footers, footnotes, comments: nothing.
    expect(expected["facts.docx"]["word_processor"] == 40, "the fixture script's own sum")
    for name, want in expected.items():
        p = c.run_nxkx("count", "--method", "word_processor", str(d / name))
        got = p.stdout.decode("utf-8").strip()
        expect(got.endswith(f"{name}: {want['word_processor']} 字 (Word 字数统计口径)"), f"{name}: {got} {p.stderr!r}")
    for name, code in (("broken.docx", "input.docx"), ("not-a-zip.docx", "input.docx"),
                       ("no-body.docx", "input.docx"), ("bad-xml.docx", "input.docx"),
                       ("encrypted.docx", "input.docx_encrypted"), ("legacy.doc", "input.docx")):
        p = c.run_nxkx("count", str(d / name))
        err = p.stderr.decode("utf-8")
        expect(p.returncode == 2 and f"[{code}]" in err, f"{name}: {err}")
    err = c.run_nxkx("count", str(d / "encrypted.docx")).stderr.decode("utf-8")
    expect("已加密" in err, err)
    err = c.run_nxkx("count", str(d / "legacy.doc")).stderr.decode("utf-8")
    expect("Word 97-2003" in err, err)


def completion_text_from_docx(c: Context) -> None:
    import docx  # python3-docx

    src = c.source / "examples" / "completion" / "park_sta_capacity-complete.json"
    record = json.loads(src.read_text("utf-8"))
    text = record["records"]["texts"][0]["content"]
    folder = c.tmp / "结项"
    folder.mkdir()
    doc = docx.Document()
    for para in text.split("\n"):
        doc.add_paragraph(para)
    doc.save(str(folder / "案例.docx"))
    as_file = json.loads(json.dumps(record))
    del as_file["records"]["texts"][0]["content"]
    as_file["records"]["texts"][0]["file"] = "案例.docx"
    (folder / "record.json").write_text(json.dumps(as_file, ensure_ascii=False), "utf-8")
    want = json.loads(c.check("--stage", "completion", "--format", "json", str(src)).stdout)["reports"][0]
    got = json.loads(c.check("--stage", "completion", "--format", "json", str(folder)).stdout)["reports"][0]
    expect(got["decision"] == want["decision"] and
           [f["rule_id"] for f in got["findings"]] == [f["rule_id"] for f in want["findings"]],
           f"the .docx text is judged as the content was: {got['decision']} {want['decision']}")
    # A short document: the case falls short of 1500 字, named as the rule says.
    short = docx.Document()
    short.add_paragraph("太短的案例。")
    short.save(str(folder / "案例.docx"))
    got = json.loads(c.check("--stage", "completion", "--format", "json", str(folder)).stdout)["reports"][0]
    expect("deliverable.park.case_study" in [f["rule_id"] for f in got["findings"]], "short case")
    # An encrypted document named by a record: the application is unreadable, the file named.
    shutil.copy(fixtures(c) / "encrypted.docx", folder / "案例.docx")
    p = c.check("--stage", "completion", str(folder))
    err = p.stderr.decode("utf-8")
    expect(p.returncode == 2 and "/records/texts/0/file" in err and "案例.docx" in err and
           "[input.docx_encrypted]" in err, err)


SCENARIOS = {f.__name__: f for f in [
    workbook_matches_json, csv_matches_json, html_prints_every_application,
    text_and_brief_say_where, control_characters_are_visible, encodings,
    starter_files_give_the_todo_list, word_documents, completion_text_from_docx]}


def main() -> int:
    if len(sys.argv) not in (4, 5):
        print(__doc__, file=sys.stderr)
        return 64
    nxkx, source, out = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
    out.mkdir(parents=True, exist_ok=True)
    names = [sys.argv[4]] if len(sys.argv) == 5 else list(SCENARIOS)
    failed = 0
    for name in names:
        with tempfile.TemporaryDirectory() as tmp:
            try:
                SCENARIOS[name](Context(nxkx, source, out, pathlib.Path(tmp)))
                print(f"ok   {name}")
            except Failure as e:
                print(f"FAIL {name}: {e}")
                failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
