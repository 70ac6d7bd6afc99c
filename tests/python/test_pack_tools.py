"""Notice.diff and Notice.doc: the same as `nxkx pack diff` and `nxkx pack doc`."""

from __future__ import annotations

import pathlib
import xml.etree.ElementTree as ET

import pytest

import nxkx

ROOT = pathlib.Path(__file__).resolve().parents[2]
SAMPLE_2026 = ROOT / "examples" / "packs" / "notice-2026-sample.json"
HUANGSHI = ROOT / "examples" / "packs" / "notice-huangshi-2023.json"


def find(d, section, key, field=""):
    hits = [c for c in d["items"] if (c["section"], c["key"], c["field"]) == (section, key, field)]
    assert len(hits) == 1, (section, key, field)
    return hits[0]


def test_diff_2025_to_2026() -> None:
    old, new = nxkx.Notice.builtin(), nxkx.Notice.load(SAMPLE_2026)
    d = old.diff(new)
    assert d["old"] == old.identity and d["new"] == new.identity
    assert d["changes"] == len(d["items"]) > 0
    # From the 2026 notice's text: 5月6日至5月15日期间, 一式3份, 邮戳日期, 党组织, 志愿服务项目.
    deadline = find(d, "notice", "", "application_deadline")
    assert (deadline["old"], deadline["new"]) == ("2025-05-16", "2026-05-15")
    assert deadline["old_path"] == deadline["new_path"] == "/notice/application_deadline"
    opens = find(d, "notice", "", "application_opens")
    assert opens["old"] is None and opens["old_path"] == "" and opens["new"] == "2026-05-06"
    copies = find(d, "rules", "submission.copies", "params/conditions[submission.paper_copies]/min")
    assert (copies["old"], copies["new"]) == (2, 3)
    assert "三(二)" in copies["subject"]["zh"]
    assert find(d, "delivery_methods", "post")["change"] == "added"
    party = find(d, "rules", "disqualification.party_organisation")
    assert party["change"] == "added" and party["new"]["outcome"] == "rejected"
    assert "不予受理" in party["new_text"]["zh"]
    assert find(d, "project_types", "society_volunteer_service")["change"] == "added"
    years = find(d, "history", "", "years")
    assert (years["old"], years["new"]) == ([2023, 2024], [2024, 2025])


def test_diff_with_itself_and_huangshi() -> None:
    n = nxkx.Notice.load(SAMPLE_2026)
    assert n.diff(n)["changes"] == 0
    assert n.diff(nxkx.Notice.load(SAMPLE_2026))["items"] == []
    d = nxkx.Notice.builtin().diff(nxkx.Notice.load(HUANGSHI))
    assert d["changes"] > 0
    assert {c["change"] for c in d["items"]} == {"added", "removed", "changed"}
    with pytest.raises(TypeError):
        n.diff("data/notice-2025.json")  # type: ignore[arg-type]


@pytest.mark.parametrize("pack", [None, SAMPLE_2026, HUANGSHI])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_doc(pack, lang) -> None:
    n = nxkx.Notice.builtin() if pack is None else nxkx.Notice.load(pack)
    md = n.doc(lang=lang)
    page = n.doc(format="html", lang=lang)
    assert md.startswith("# ") and page.startswith("<!DOCTYPE html>")
    text = "".join(ET.fromstring(page.split("\n", 1)[1]).itertext())
    for r in n.rules:
        assert r.id in md and r.id in text
    for ref in n.to_dict()["clauses"]:
        assert ref in md and ref in text
    assert n.doc("md", lang) == md


def test_doc_arguments() -> None:
    n = nxkx.Notice.builtin()
    with pytest.raises(ValueError, match="format"):
        n.doc(format="pdf")
    with pytest.raises(ValueError, match="lang"):
        n.doc(lang="fr")
