"""`nxkx pack doc --format html` of a pack is one well-formed page that holds the whole pack.

    doc_check.py NXKX PACK

For zh and en: the page parses as XML (strictly: every element closed, every text escaped) and
with html.parser; it has no control character but new lines, no script, no external resource and
an @media print rule; its text holds every rule id, every rule title, every clause ref of the
clause table and of the rules, and every project type's name. Markdown too holds every id and ref."""

import html.parser
import json
import pathlib
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "scripts"))
from readings import render_title  # noqa: E402  (the loader's rendering of a title)

nxkx, pack_file = sys.argv[1], sys.argv[2]
pack = json.loads(pathlib.Path(pack_file).read_text("utf-8"))
failures = []


def run(*args):
    return subprocess.run([nxkx, "pack", "doc", *args, pack_file], check=True,
                          capture_output=True).stdout.decode("utf-8")


def refs_of(rule):
    for c in rule["clauses"]:
        yield c if isinstance(c, str) else c["ref"]


class Balance(html.parser.HTMLParser):
    VOID = {"meta", "br", "hr", "img", "link", "input"}

    def __init__(self):
        super().__init__()
        self.stack = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        pass  # <meta/>, <br/>: nothing to close

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            failures.append(f"</{tag}> closes {self.stack[-1:]}")
        else:
            self.stack.pop()


for lang in ("zh", "en"):
    page = run("--format", "html", "--lang", lang)
    what = f"{pack_file} html {lang}"
    if re.search(r"[\x00-\x09\x0b-\x1f\x7f]", page):
        failures.append(f"{what}: a control character")
    for bad in ("<script", "<link", "src=", "href=", "url(", "@import"):
        if bad in page:
            failures.append(f"{what}: {bad}")
    if "@media print" not in page:
        failures.append(f"{what}: no @media print")
    try:
        root = ET.fromstring(page.split("\n", 1)[1])  # after <!DOCTYPE html>
    except ET.ParseError as e:
        failures.append(f"{what}: not well-formed: {e}")
        continue
    b = Balance()
    b.feed(page)
    b.close()
    if b.stack:
        failures.append(f"{what}: never closed: {b.stack}")
    text = "".join(root.itertext())
    wanted = set(pack["clauses"])
    for r in pack["rules"]:
        wanted.add(r["id"])
        wanted.add(render_title(r["title"][lang], r["params"]))  # a template over its params
        wanted.update(refs_of(r))
    wanted.update(t["name"][lang] for t in pack["project_types"])
    for w in sorted(wanted):
        if w not in text:
            failures.append(f"{what}: {w!r} is not in the page")

    md = run("--lang", lang)
    for r in pack["rules"]:
        if f"`{r['id']}`" not in md:
            failures.append(f"{pack_file} md {lang}: {r['id']} is not in it")
    for ref in pack["clauses"]:
        if ref not in md:
            failures.append(f"{pack_file} md {lang}: clause {ref} is not in it")

for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
