"""The rest of the API: the catalogue, reports and findings, dates in and out, 字 counting and
credit codes."""

from __future__ import annotations

import datetime
import json

import pytest

import nxkx
from conftest import AS_OF, EXAMPLES, ROOT, load

CHINA = datetime.timezone(datetime.timedelta(hours=8))


def test_the_builtin_notice() -> None:
    n = nxkx.Notice.builtin()
    assert n.id == n.info.id == "nxkx-2025-61"
    assert n.info.number == "〔2025〕61号"
    assert n.info.application_deadline == datetime.date(2025, 5, 16)
    assert isinstance(n.info.issued, datetime.date)
    assert n.info.email == "nxkxxhb@163.com"
    assert "nxkx-2025-61" in repr(n)
    assert n == nxkx.Notice.load(ROOT / "data" / "notice-2025.json")
    assert n == nxkx.Notice.load(str(ROOT / "data" / "notice-2025.json"))
    assert nxkx.Notice.from_json(n.source) == n
    assert nxkx.Notice.from_dict(n.to_dict()).id == n.id
    assert hash(n) == hash(nxkx.Notice.builtin())


def test_the_catalogue() -> None:
    n = nxkx.Notice.builtin()
    codes = [t.code for t in n.project_types]
    assert codes == ["park_sta_capacity", "haizhi_base_capacity", "returnee_alliance_capacity", "society_capacity",
                     "grassroots_societies_capacity", "regional_academic_exchange"]
    for t in n.project_types:
        assert t.name.zh and t.name.en and t.clause
        assert t.category.code in {c.code for c in n.categories} and t.category.name.zh
        assert t.eligible and all(isinstance(k, nxkx.ApplicantKind) for k in t.eligible)
        assert t.contact.name and t.contact.phone
        assert isinstance(t.completion_deadline, datetime.date)
        assert n.project_type(t.code) is not None
    park = n.project_type("park_sta_capacity")
    assert park is not None
    assert park.eligible == (nxkx.ApplicantKind.PARK_STA,)
    assert park.clause == "一(一)1" and park.contact.name == "杨清" and park.contact.phone == "0951-5085190"
    assert any("推荐函" in p.zh for p in park.papers)
    assert park.completion_deadline == datetime.date(2025, 11, 30)
    assert n.project_type("nope") is None
    assert [a.kind for a in n.applicant_kinds] == list(nxkx.ApplicantKind)
    assert all(c.name and c.phone for c in n.contacts)
    assert n.label("event_type.academic_exchange") == n.label("event_type.academic_exchange")
    assert n.label("event_type.academic_exchange").zh == "学术交流"
    assert n.label("no.such.code") is None


def test_the_rules() -> None:
    rules = nxkx.Notice.builtin().rules
    assert len({r.id for r in rules}) == len(rules) > 20
    for r in rules:
        assert isinstance(r.stage, nxkx.Stage) and isinstance(r.outcome, nxkx.Severity)
        assert r.clauses and r.clause.startswith(r.clauses[0].ref) and r.quote == r.clauses[0].quote
        assert r.quotes == tuple(c.quote for c in r.clauses)
        assert r.title.zh and isinstance(r.params, dict)
    deadline = next(r for r in rules if r.id == "submission.deadline")
    assert deadline.clause == "三(二)、三(四)"
    # Every reading is given in both languages; a rule without one has None.
    assert isinstance(deadline.interpretation, nxkx.Localized)
    assert deadline.interpretation.zh.startswith("“5月16日前”") and "16 May" in deadline.interpretation.en
    assert all(r.interpretation is None or (r.interpretation.zh and r.interpretation.en) for r in rules)
    assert nxkx.Notice.builtin().info.deadline_interpretation.en
    assert deadline.outcome is nxkx.Severity.REJECTED and deadline.when_unknown is nxkx.Severity.INCOMPLETE


def test_a_report_and_its_finding() -> None:
    r = nxkx.check(load(EXAMPLES / "society_capacity-grade-c.json"), as_of=AS_OF)
    assert r.decision is nxkx.Decision.REJECTED and not r.accepted
    assert r.decision_label() == "不予受理" and r.decision_label("en") == "rejected"
    assert (r.notice_id, r.stage, r.as_of) == ("nxkx-2025-61", nxkx.Stage.APPLICATION, AS_OF)
    assert (r.application_id, r.project_type, r.credit_code) == ("2025-0006", "society_capacity", "51640000MJX000026C")
    assert r.applicant_name == "宁夏回族自治区计算机学会" and r.title
    (f,) = r.findings
    assert f.rule_id == "disqualification.evaluation_grade"
    assert f.severity is nxkx.Severity.REJECTED and not f.unknown
    assert f.clause == "二(三)、二(三)4" and [c.ref for c in f.clauses] == ["二(三)", "二(三)4"]
    assert f.clauses[1].quote == "4.2024年学会评价等级为C的全区学会。"
    assert f.path == "/applicant/history/2024/evaluation_grade"
    assert f.message("zh") == "2024年学会评价等级为C" and f.message() == f.message("zh")
    assert f.message("en") == "2024 evaluation grade is C"
    assert f.expected("en") == "a 2024 grade of A or B, or not rated" and f.found("en") == "C"
    assert (f.contact.name, f.contact.phone) == ("周莉", "0951-5085156")
    assert f.severity_label() == "不予受理"
    assert repr(r) == ("Report(id='2025-0006', project_type='society_capacity', decision=Decision.REJECTED, "
                       "findings=['disqualification.evaluation_grade'])")
    assert repr(f).startswith("Finding(rule_id='disqualification.evaluation_grade', severity=Severity.REJECTED")
    # to_dict is the report JSON (README, "Report JSON"), to_json the C++ text.
    d = r.to_dict()
    assert d == json.loads(r.to_json())
    assert list(d) == ["notice_id", "pack", "stage", "as_of", "application", "decision", "findings"]
    # Every report names the pack it was judged by, typed, and the report JSON carries it.
    ident = nxkx.Notice.builtin().identity
    assert isinstance(r.pack, nxkx.PackIdentity)
    assert (r.pack.id, r.pack.version, r.pack.sha256) == (ident["id"], ident["version"], ident["sha256"])
    assert d["pack"] == ident
    assert str(r.pack) == f"{ident['id']} {ident['version']} sha256:{ident['sha256']}"
    assert f"Pack: {r.pack}" in r.to_text("en")
    assert d["decision"] == {"code": "rejected", "zh": "不予受理", "en": "rejected"}
    assert d["findings"][0] == f.to_dict()
    assert "Decision: rejected" in r.to_text("en")
    assert "全区学会能力提升项目" in r.to_text("zh", nxkx.Notice.builtin())
    assert r != nxkx.check(load(EXAMPLES / "society_capacity.json"), as_of=AS_OF)
    assert r == nxkx.check(load(EXAMPLES / "society_capacity-grade-c.json"), as_of=AS_OF)
    assert len({r, nxkx.check(load(EXAMPLES / "society_capacity-grade-c.json"), as_of=AS_OF)}) == 1
    # A finding keeps its report alive.
    f = nxkx.check(load(EXAMPLES / "society_capacity-grade-c.json"), as_of=AS_OF).findings[0]
    assert f.rule_id == "disqualification.evaluation_grade"


def test_compact_report() -> None:
    r = nxkx.check(load(EXAMPLES / "society_capacity-grade-c.json"), as_of=AS_OF)
    full, compact = r.to_dict(), r.to_dict(compact=True)
    assert compact == json.loads(r.to_json(compact=True)) == json.loads(r.to_json(-1, compact=True))
    assert list(compact)[:3] == ["notice_id", "pack", "detail"] and compact["detail"] == "compact"
    (f,) = compact["findings"]
    assert f["clauses"] == [{"ref": "二(三)"}, {"ref": "二(三)4"}]
    assert "contact" not in f and "interpretation" not in f
    del full["findings"][0]["contact"]
    full["findings"][0].pop("interpretation", None)
    for c in full["findings"][0]["clauses"]:
        del c["quote"]
    assert {**full, "detail": "compact"} == compact
    text = r.to_text("zh", compact=True)
    assert "二(三)4" in text and "联系人" not in text and "4.2024年学会评价等级为C" not in text
    assert "联系人" in r.to_text("zh")
    # Read back, a compact report has the clauses' refs only; it writes the same text again.
    back = nxkx.Report.from_json(r.to_json(compact=True))
    assert [c.ref for c in back.findings[0].clauses] == ["二(三)", "二(三)4"]
    assert back.findings[0].clauses[1].quote == "" and back != r
    assert back.to_json(compact=True) == r.to_json(compact=True)
    with pytest.raises(TypeError):
        r.to_json(2, True)  # compact is keyword-only


def test_trace() -> None:
    r = nxkx.check(load(EXAMPLES / "society_capacity.json"), as_of=AS_OF, trace=True)
    statuses = {t.status for t in r.trace}
    assert statuses <= {"passed", "failed", "not_applicable"} and "passed" in statuses
    assert [t["rule_id"] for t in r.to_dict()["trace"]] == [t.rule_id for t in r.trace]
    assert not nxkx.check(load(EXAMPLES / "society_capacity.json"), as_of=AS_OF).trace


def test_options() -> None:
    d = load(EXAMPLES / "society_capacity.json")
    d["applicant"]["credit_code"] = "51640000MJX000018J"  # a wrong check character
    assert nxkx.check(d, as_of=AS_OF).decision is nxkx.Decision.INCOMPLETE
    for severity in (nxkx.Severity.NEEDS_REVIEW, "needs_review"):
        assert nxkx.check(d, as_of=AS_OF, bad_credit_code=severity).decision is nxkx.Decision.NEEDS_REVIEW
    custom = nxkx.Notice.builtin().to_dict()
    custom["notice"]["id"] = "nxkx-custom"
    assert nxkx.check(d, as_of=AS_OF, notice=nxkx.Notice.from_dict(custom)).notice_id == "nxkx-custom"


def test_the_completion_stage() -> None:
    r = nxkx.check(load(EXAMPLES / "society_capacity.json"), as_of=datetime.date(2025, 12, 1), stage="completion")
    assert r.stage is nxkx.Stage.COMPLETION
    assert r.decision in (nxkx.Decision.COMPLETE, nxkx.Decision.INCOMPLETE, nxkx.Decision.NEEDS_REVIEW,
                          nxkx.Decision.REJECTED)
    if r.decision is nxkx.Decision.INCOMPLETE:
        assert r.decision_label() == "未完成"
    rules = [x.id for x in nxkx.Notice.builtin().rules if x.stage is nxkx.Stage.COMPLETION]
    assert set(r.rule_ids) <= set(rules)


def courier_sent(when: object) -> nxkx.Report:
    d = load(EXAMPLES / "haizhi_base_capacity.json")
    assert d["submission"]["delivery"] == "courier"
    d["submission"]["dispatch_date"] = when
    return nxkx.check(d, as_of=AS_OF)


def test_dates_in_dicts_count_in_china_time() -> None:
    utc = datetime.timezone.utc
    assert courier_sent(datetime.date(2025, 5, 16)).decision is nxkx.Decision.ACCEPTED
    assert courier_sent(datetime.date(2025, 5, 17)).decision is nxkx.Decision.REJECTED
    # 16:30 UTC on the 16th is 00:30 on the 17th in Beijing: late. 15:30 UTC is 23:30: on time.
    assert courier_sent(datetime.datetime(2025, 5, 16, 16, 30, tzinfo=utc)).decision is nxkx.Decision.REJECTED
    assert courier_sent(datetime.datetime(2025, 5, 16, 15, 30, tzinfo=utc)).decision is nxkx.Decision.ACCEPTED
    # Naive: taken as China time.
    assert courier_sent(datetime.datetime(2025, 5, 16, 23, 59)).decision is nxkx.Decision.ACCEPTED
    # West of UTC: the 15th at 23:00 in New York (UTC-4) is the 16th at 11:00 in Beijing.
    ny = datetime.timezone(datetime.timedelta(hours=-4))
    assert courier_sent(datetime.datetime(2025, 5, 16, 12, 0, tzinfo=ny)).decision is nxkx.Decision.REJECTED
    assert courier_sent(datetime.datetime(2025, 5, 15, 23, 0, tzinfo=ny)).decision is nxkx.Decision.ACCEPTED
    assert courier_sent("2025-05-16T16:30:00Z").decision is nxkx.Decision.REJECTED


def test_as_of() -> None:
    d = load(EXAMPLES / "society_capacity.json")
    assert nxkx.check(d, as_of="2025-05-20").as_of == AS_OF
    late = datetime.datetime(2025, 5, 19, 17, 0, tzinfo=datetime.timezone.utc)  # 01:00 on the 20th in China
    assert nxkx.check(d, as_of=late).as_of == AS_OF
    assert nxkx.check(d, as_of=datetime.datetime(2025, 5, 20, 23, 59, tzinfo=CHINA)).as_of == AS_OF
    assert nxkx.check(d, as_of=datetime.datetime(2025, 5, 20, 8, 0)).as_of == AS_OF


def test_parse_date() -> None:
    assert nxkx.parse_date("2025-05-16") == datetime.date(2025, 5, 16)
    assert nxkx.parse_date("2025-05-16T16:30:00Z") == datetime.date(2025, 5, 17)
    with pytest.raises(nxkx.InputError):
        nxkx.parse_date("16/05/2025")


def test_count_zi() -> None:
    text = (ROOT / "tests" / "cli" / "zi.txt").read_text(encoding="utf-8")
    assert nxkx.count_zi(text) == 16  # as README's `nxkx count` example
    assert nxkx.count_zi(text, method="non_space") == 22
    assert nxkx.count_zi(text.encode()) == 16
    both = nxkx.count_zi_both(text)
    assert (both.word_processor, both.non_space) == (16, 22) and both.code_points >= 22
    assert nxkx.count_zi("") == 0 and nxkx.count_zi("宁夏 2025 UTF8") == 4


def test_credit_codes() -> None:
    ok = nxkx.validate_credit_code("51640000MJX000018H")
    assert ok and ok.ok and ok.status == "valid" and ok.position == 0 and ok.expected is None
    bad = nxkx.validate_credit_code("51640000MJX000018J")
    assert not bad and bad.status == "bad_check_character" and bad.position == 18 and bad.expected == "H"
    assert nxkx.validate_credit_code("5164").status == "wrong_length"
    assert nxkx.validate_credit_code("51640000MJX00001IH").status == "invalid_character"
