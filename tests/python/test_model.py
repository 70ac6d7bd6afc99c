"""The typed model: dict → Application → dict round trips, keyword construction, enums."""

from __future__ import annotations

import datetime
import json
from typing import Any, Dict

import pytest

import nxkx
from nxkx import _core
from conftest import AS_OF, EXAMPLES, corpus_applications, example_files, load

APPS = corpus_applications()


def canonical(d: Any) -> Dict[str, Any]:
    """What the C++ reader and writer make of an application."""
    return json.loads(_core._canonical_json(None, d))


@pytest.mark.parametrize("index", range(len(APPS)))
def test_dict_to_model_to_dict_is_the_cpp_round_trip(index: int) -> None:
    d = APPS[index]
    app = nxkx.Application.from_dict(d)
    assert app.to_dict() == canonical(d)
    assert nxkx.Application.from_json(app.to_json()) == app
    assert nxkx.Application.from_dict(app.to_dict()) == app


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.stem)
def test_examples_come_back_as_written(path: Any) -> None:
    d = load(path)
    back = nxkx.Application.from_dict(d).to_dict()
    if path.name == "returnee_alliance_capacity.json":
        # The one example that gives sent_on as an RFC 3339 timestamp; it reads as its date.
        assert back["submission"]["word_version"]["sent_on"] == "2025-05-16"
        back["submission"]["word_version"]["sent_on"] = d["submission"]["word_version"]["sent_on"]
    assert back == d
    # And the model's JSON is the C++ writer's text, byte for byte.
    assert nxkx.Application.from_dict(d).to_json() == _core._canonical_json(None, d, 2)


def test_attributes_are_typed() -> None:
    app = nxkx.Application.from_dict(load(EXAMPLES / "society_capacity.json"))
    assert app.applicant is not None and app.submission is not None
    assert app.applicant.kind is nxkx.ApplicantKind.SOCIETY
    assert app.applicant.history[2024].evaluation_grade is nxkx.EvaluationGrade.A
    assert app.applicant.history[2023].annual_inspection is nxkx.InspectionResult.QUALIFIED
    assert app.submission.delivery is nxkx.DeliveryMethod.IN_PERSON
    assert app.submission.handed_in_date == datetime.date(2025, 5, 15)
    assert app.submission.word_version is not None
    assert app.submission.word_version.sent_to == "nxkxxhb@163.com"
    assert app.form is not None and "budget" in (app.form.parts or [])
    assert app.recommendation_letter is None


def build_society() -> nxkx.Application:
    """examples/applications/society_capacity.json, written with keyword arguments."""
    year = dict(annual_inspection="qualified", penalized=False, projects="completed")
    return nxkx.Application(
        id="2025-0005",
        project_type="society_capacity",
        title="宁夏机械工程学会内部治理与服务能力提升项目",
        applicant=nxkx.Applicant(
            name="宁夏回族自治区机械工程学会",
            credit_code="51640000MJX000018H",
            kind=nxkx.ApplicantKind.SOCIETY,
            division="640104",
            legal_person=True,
            own_account=True,
            has_capacity=True,
            supervised_by_association=True,
            history={
                2023: nxkx.YearRecord(**year, evaluation_grade="b"),
                2024: nxkx.YearRecord(**year, evaluation_grade=nxkx.EvaluationGrade.A),
            },
        ),
        submission=nxkx.Submission(
            paper_copies=2,
            sealed=True,
            delivery="in_person",
            handed_in_date=datetime.date(2025, 5, 15),
            received_date="2025-05-15",
            word_version=nxkx.WordVersion(emailed=True, sent_to="nxkxxhb@163.com", sent_on=datetime.date(2025, 5, 15)),
        ),
        form=nxkx.Form(
            parts=["basic_info", "project_content", "work_measures", "targets", "schedule", "budget",
                   "applicant_opinion"]
        ),
    )


def test_keyword_construction_matches_the_example() -> None:
    example = load(EXAMPLES / "society_capacity.json")
    built = build_society()
    expected = nxkx.Application.from_dict(example)
    # The example also has a plan; add it, then the two are the same application.
    built.plan = expected.plan
    assert built == expected
    assert built.to_dict() == example
    assert nxkx.check(built, as_of=AS_OF) == nxkx.check(example, as_of=AS_OF)


def test_constructors_coerce_what_is_unambiguous() -> None:
    a = nxkx.Applicant(kind="society", field="health", history={"2024": nxkx.YearRecord(projects="completed")})
    assert a.kind is nxkx.ApplicantKind.SOCIETY
    assert a.field is nxkx.GrassrootsField.HEALTH
    assert list(a.history) == [2024]
    assert a.history[2024].projects is nxkx.ProjectCompletion.COMPLETED

    aware = datetime.datetime(2025, 5, 16, 16, 30, tzinfo=datetime.timezone.utc)  # 00:30 on the 17th in Beijing
    s = nxkx.Submission(dispatch_date=aware, handed_in_date="2025-05-16T23:59:00+08:00",
                        received_date=datetime.datetime(2025, 5, 19, 23, 59))
    assert s.dispatch_date == datetime.date(2025, 5, 17)
    assert s.handed_in_date == datetime.date(2025, 5, 16)
    assert s.received_date == datetime.date(2025, 5, 19)  # naive: China time

    # What does not convert is kept, for the reader to name when the application is checked.
    odd = nxkx.Applicant(kind="Society")
    assert odd.kind == "Society"
    with pytest.raises(nxkx.InputError) as e:
        nxkx.check(nxkx.Application(project_type="society_capacity", applicant=odd), as_of=AS_OF)
    assert (e.value.code, e.value.path) == ("input.unknown_code", "/applicant/kind")
    bad_date = nxkx.Submission(dispatch_date="2025-02-30")
    assert bad_date.dispatch_date == "2025-02-30"
    with pytest.raises(nxkx.InputError) as e:
        nxkx.Application(project_type="society_capacity", applicant=nxkx.Applicant(kind="society"),
                         submission=bad_date).to_json()
    assert (e.value.code, e.value.path) == ("input.date", "/submission/dispatch_date")


def test_unknown_is_left_out_false_is_kept() -> None:
    a = nxkx.Application(project_type="society_capacity", applicant=nxkx.Applicant(kind="society", legal_person=False))
    assert a.to_dict() == {"project_type": "society_capacity", "applicant": {"kind": "society", "legal_person": False}}
    # Facts whose presence is a fact are written even when empty (format §6).
    a.recommendation_letter = nxkx.RecommendationLetter()
    a.form = nxkx.Form(parts=[])
    a.applicant.history[2024] = nxkx.YearRecord()
    a.submission = nxkx.Submission(word_version=nxkx.WordVersion())  # nothing known: left out
    d = a.to_dict()
    assert d["recommendation_letter"] == {} and d["form"] == {"parts": []}
    assert d["applicant"]["history"] == {"2024": {}}
    assert "submission" not in d
    assert d == canonical(d)


def test_the_model_repr_shows_what_is_known() -> None:
    r = repr(nxkx.Applicant(kind="society", name="学会"))
    assert r == "Applicant(name='学会', kind=<ApplicantKind.SOCIETY: 'society'>)"


def test_enum_codes_are_the_cpp_codes() -> None:
    from nxkx._enums import NAMESPACES

    codes = _core._codes()
    assert set(codes) == set(NAMESPACES.values())
    for cls, ns in NAMESPACES.items():
        assert [m.value for m in cls] == codes[ns], cls.__name__


def test_enums_are_str_with_chinese_names() -> None:
    assert nxkx.Decision("rejected") is nxkx.Decision.REJECTED
    assert nxkx.Decision.REJECTED == "rejected"
    assert nxkx.Decision.REJECTED.zh == "不予受理" and nxkx.Decision.REJECTED.en == "rejected"
    assert nxkx.Decision.ACCEPTED.zh == "受理"
    assert nxkx.Severity.INCOMPLETE.zh == "材料不全"
    assert nxkx.Stage.COMPLETION.zh == "结项"
    assert nxkx.GrassrootsField.HEALTH.zh == "医疗卫生"
    assert nxkx.InspectionResult.BASICALLY_QUALIFIED.zh == "基本合格"
    notice = nxkx.Notice.builtin()
    for cls in (nxkx.ApplicantKind, nxkx.GrassrootsField, nxkx.InspectionResult, nxkx.ProjectCompletion,
                nxkx.EvaluationGrade, nxkx.DeliveryMethod):
        from nxkx._enums import NAMESPACES

        for m in cls:
            label = notice.label(f"{NAMESPACES[cls]}.{m.value}")
            assert label is not None and m.zh == label.zh and m.en == label.en


def test_severity_is_ordered_by_rank() -> None:
    s = nxkx.Severity
    assert s.NEEDS_REVIEW < s.INCOMPLETE < s.REJECTED
    assert max([s.INCOMPLETE, s.REJECTED, s.NEEDS_REVIEW]) is s.REJECTED
    assert {s.REJECTED: 1}["rejected"] == 1  # still hashes as its code
