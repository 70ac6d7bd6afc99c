"""The desk from Python: write_xlsx, to_csv, to_html on what check_many returns (reports and
InputErrors), Text.from_docx, starter_application, Report.to_brief and origin."""

from __future__ import annotations

import copy
import csv
import io
import json
import pathlib
import subprocess
import sys
from typing import Any, List

import pytest

import nxkx
from conftest import AS_OF, EXAMPLES, ROOT, load

APPS = [load(p) for p in sorted(EXAMPLES.glob("*.json"))]


@pytest.fixture(scope="module")
def results() -> List[Any]:
    bad = copy.deepcopy(APPS[0])
    bad["submission"] = {"delivery": "快递"}
    return nxkx.check_many(APPS + [bad], as_of=AS_OF)


def test_the_workbook_holds_every_report_and_error(results: List[Any], tmp_path: pathlib.Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "审核结果.xlsx"
    nxkx.write_xlsx(results, path)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["汇总", "问题"]
    rows = list(wb["汇总"].iter_rows(min_row=2, values_only=True))
    reports = [r for r in results if isinstance(r, nxkx.Report)]
    assert len(rows) == len(results)
    for row, r in zip(rows, reports):
        assert row[1] == r.application_id and row[5] == r.decision_label("zh")
        assert row[6] == len(r.findings)
        assert row[0] == f"#{results.index(r)}"  # a list's reports are named by their place
    last = rows[-1]
    assert last[0] == f"#{len(APPS)}" and last[5] == "无法读取" and "[input.unknown_code]" in last[7]
    findings = list(wb["问题"].iter_rows(min_row=2, values_only=True))
    assert len(findings) == sum(len(r.findings) for r in reports) + 1
    assert wb["汇总"].freeze_panes == "A2" and wb["问题"].auto_filter.ref.startswith("A1:J")
    english = tmp_path / "results.xlsx"
    nxkx.write_xlsx(results, str(english), lang="en")
    assert openpyxl.load_workbook(english).sheetnames == ["Summary", "Findings"]


def test_csv_and_html(results: List[Any]) -> None:
    text = nxkx.to_csv(results)
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:], newline="")))
    reports = [r for r in results if isinstance(r, nxkx.Report)]
    assert len(rows) == 1 + sum(max(1, len(r.findings)) for r in reports) + 1
    page = nxkx.to_html(results)
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page
    for r in reports:
        assert r.application_id in page and r.decision_label("zh") in page
    assert "无法读取" in page
    assert "accepted" in nxkx.to_html(results, lang="en")
    with pytest.raises(TypeError):
        nxkx.to_csv({"not": "a list"})
    with pytest.raises(TypeError):
        nxkx.to_html([1, 2])


def test_the_brief_text_and_the_origin() -> None:
    report = nxkx.check(load(EXAMPLES / "society_capacity-grade-c.json"), as_of=AS_OF)
    brief = report.to_brief()
    assert brief.splitlines()[0].endswith("不予受理 (1 个问题)")
    assert "二(三)4" in brief and "4.2024年学会评价等级为" not in brief  # cited, not quoted
    assert report.origin is None
    again = nxkx.Report.from_json(json.dumps(dict(report.to_dict(), origin={"file": "a.json", "index": 2})))
    assert again.origin == {"file": "a.json", "index": 2}
    assert again.to_brief().startswith("a.json #2 · ")
    # The reader reads back the pack the report names; a report written without one has none.
    assert again.pack == report.pack and again.pack.sha256 == nxkx.Notice.builtin().identity["sha256"]
    assert nxkx.Report.from_json(report.to_json()) == report
    old = {k: v for k, v in report.to_dict().items() if k != "pack"}
    assert nxkx.Report.from_json(json.dumps(old)).pack.id == ""
    with pytest.raises(nxkx.InputError) as bad:
        nxkx.Report.from_json(json.dumps(dict(report.to_dict(), pack="nxkx-2025-61")))
    assert bad.value.path == "/pack"


def test_a_text_from_a_word_document(tmp_path: pathlib.Path) -> None:
    pytest.importorskip("docx")
    subprocess.run([sys.executable, str(ROOT / "tests" / "docx" / "make_fixtures.py"), str(tmp_path)],
                   check=True)
    text = nxkx.Text.from_docx(tmp_path / "facts.docx", type="case_study", title="案例")
    assert nxkx.Text is nxkx.TextDocument
    assert nxkx.count_zi(text.content) == 40  # as tests/docx/make_fixtures.py sums it
    assert text.to_dict() == {"type": "case_study", "title": "案例", "content": text.content}
    for name, code in (("encrypted.docx", "input.docx_encrypted"), ("broken.docx", "input.docx"),
                       ("legacy.doc", "input.docx")):
        with pytest.raises(nxkx.InputError) as e:
            nxkx.Text.from_docx(tmp_path / name)
        assert e.value.code == code and e.value.reason_zh != e.value.reason
    with pytest.raises(nxkx.InputError) as e:
        nxkx.Text.from_docx(tmp_path / "no-such.docx")
    assert e.value.code == "input.not_found"
    # A text that names a file is read by the command, not by check(): refused, not counted empty.
    record = load(ROOT / "examples" / "completion" / "park_sta_capacity-complete.json")
    named = copy.deepcopy(record)
    named["records"]["texts"][0] = {"type": "case_study", "file": "案例.docx"}
    with pytest.raises(nxkx.InputError) as e:
        nxkx.check(named, as_of="2025-11-30", stage="completion")
    assert (e.value.code, e.value.path) == ("input.file", "/records/texts/0/file")
    kept = nxkx.check_many([record, named], as_of="2025-11-30", stage="completion")
    assert isinstance(kept[1], nxkx.InputError) and kept[1].path == "/1/records/texts/0/file"
    # The model with the document's text checks as the content did.
    model = nxkx.Application.from_dict(record)
    model.records.texts[0] = nxkx.Text.from_docx(tmp_path / "facts.docx", type="case_study")
    short = nxkx.check(model, as_of="2025-11-30", stage="completion")
    assert "deliverable.park.case_study" in short.rule_ids  # 40 字 is short of 1500


def test_a_starter_application() -> None:
    starter = nxkx.starter_application("park_sta_capacity")
    assert starter["project_type"] == "park_sta_capacity"
    assert starter["applicant"]["kind"] == "park_sta"
    assert "establishment_approved" in starter["applicant"] and "history" not in starter["applicant"]
    # Filled in before the deadline: after it, nothing dated sent is late (三(四) rev. 2).
    report = nxkx.check(starter, as_of="2025-05-15")
    assert report.decision == nxkx.Decision.INCOMPLETE and len(report.findings) > 10
    done = nxkx.starter_application("society_capacity", stage=nxkx.Stage.COMPLETION)
    assert "texts" in done["records"] and "history" in done["applicant"]
    with pytest.raises(nxkx.InputError):
        nxkx.starter_application("no_such_type")
