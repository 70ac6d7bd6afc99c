"""The Python model with packs other than the built-in one, and against the C++ description of
the application.

The enums of nxkx (ApplicantKind.SOCIETY …) are the built-in 2025 pack's vocabulary. Another
pack's codes are plain strings, and its declarations that the model has no field for are kept in
``declarations`` (by name, as on the wire) at their scope: Application, Applicant /
JointApplicant, YearRecord, Submission."""

from __future__ import annotations

import dataclasses
import json
import pathlib
from typing import Any, Dict, List

import pytest

import nxkx
from nxkx import _core

ROOT = pathlib.Path(__file__).resolve().parents[2]
PACKS = ROOT / "tests" / "conformance" / "packs"
CASES = sorted(PACKS.glob("*/*.json"))
_LOADED: Dict[str, nxkx.Notice] = {}


def _notice(case: pathlib.Path) -> nxkx.Notice:
    name = case.parent.name
    if name not in _LOADED:
        _LOADED[name] = nxkx.Notice.load(ROOT / "examples" / "packs" / f"{name}.json")
    return _LOADED[name]


def test_the_pack_corpora_are_there() -> None:
    folders = [d for d in PACKS.iterdir() if d.is_dir()]
    assert len(folders) >= 2
    assert len(CASES) == sum(len(list(d.glob("*.json"))) for d in folders)


@pytest.mark.parametrize("case", CASES, ids=[f"{c.parent.name}/{c.stem}" for c in CASES])
def test_pack_case_through_the_model(case: pathlib.Path) -> None:
    """Application.from_dict gives back what the C++ reader reads, and check_many of the models
    gives the case's answers."""
    c = json.loads(case.read_text(encoding="utf-8"))
    n = _notice(case)
    if "error" in c:
        with pytest.raises(nxkx.InputError) as e:
            for a in c["applications"]:
                nxkx.Application.from_dict(a, notice=n)
        index = c["error"]["path"].split("/")[1]
        assert e.value.code == c["error"]["code"]
        assert "/" + index + e.value.path == c["error"]["path"]
        return
    models = []
    for a in c["applications"]:
        m = nxkx.Application.from_dict(a, notice=n)
        assert m.to_dict() == json.loads(_core._canonical_json(n, a, -1, None))
        assert nxkx.Application.from_json(m.to_json(notice=n), notice=n) == m
        models.append(m)
    reports = nxkx.check_many(
        models, as_of=c["as_of"], stage=c.get("stage", "application"), notice=n, **c.get("options", {})
    )
    got = [{"decision": r.decision.value, "rule_ids": sorted({f.rule_id for f in r.findings})} for r in reports]
    assert got == c["expect"]


def test_codes_of_another_pack_are_strings() -> None:
    n = nxkx.Notice.load(ROOT / "examples" / "packs" / "notice-huangshi-2023.json")
    case = json.loads((PACKS / "notice-huangshi-2023" / "000-accepted-key_academic-city-society.json").read_text(encoding="utf-8"))
    m = nxkx.Application.from_dict(case["applications"][0], notice=n)
    assert m.applicant.kind == "city_society" and not isinstance(m.applicant.kind, nxkx.ApplicantKind)
    # A kind the built-in pack has too is its enum member: the same code.
    assert nxkx.Applicant(kind="society").kind is nxkx.ApplicantKind.SOCIETY
    assert nxkx.Applicant(kind="city_society").kind == "city_society"


def test_declarations_of_another_pack() -> None:
    n = nxkx.Notice.load(ROOT / "examples" / "packs" / "notice-2026-sample.json")
    case = json.loads((PACKS / "notice-2026-sample" / "000-accepted-society_capacity.json").read_text(encoding="utf-8"))
    m = nxkx.Application.from_dict(case["applications"][0], notice=n)
    assert m.declarations == {"requested_funds": 50000}
    assert m.applicant.declarations == {"party_organisation": True}
    as_of = case["as_of"]
    assert nxkx.check(m, as_of=as_of, notice=n).decision is nxkx.Decision.ACCEPTED
    # Built by hand: without a party organisation, 2026 rejects (the case 001).
    no_party = dataclasses.replace(m, applicant=dataclasses.replace(m.applicant, declarations={"party_organisation": False}))
    r = nxkx.check(no_party, as_of=as_of, notice=n)
    assert r.decision is nxkx.Decision.REJECTED
    assert "disqualification.party_organisation" in {f.rule_id for f in r.findings}
    # An unknown declaration is the reader's error, with its path and the valid names.
    bad = dataclasses.replace(m, declarations={"requested_fund": 1})
    with pytest.raises(nxkx.InputError) as e:
        nxkx.check(bad, as_of=as_of, notice=n)
    assert (e.value.code, e.value.path) == ("input.unknown_field", "/requested_fund")
    # The built-in pack has no such declaration.
    with pytest.raises(nxkx.InputError) as e:
        nxkx.check(m, as_of=as_of)
    assert e.value.code == "input.unknown_field"
    # A declaration that is a field of the model is set as the field.
    with pytest.raises(ValueError, match="set .legal_person"):
        nxkx.Applicant(kind="society", declarations={"legal_person": True}).to_dict()


# ---- the model against the C++ description of the application ----

_DEFS = {
    nxkx.Applicant: "applicant",
    nxkx.JointApplicant: "joint_applicant",
    nxkx.YearRecord: "year_record",
    nxkx.RecommendationLetter: "recommendation_letter",
    nxkx.Submission: "submission",
    nxkx.Completion: "completion",
    nxkx.WordVersion: "word_version",
    nxkx.Form: "form",
    nxkx.Plan: "plan",
    nxkx.Records: "records",
    nxkx.Event: "event",
    nxkx.Transfer: "transfer",
    nxkx.PlatformItem: "platform_item",
    nxkx.MediaReport: "media_report",
    nxkx.Expert: "expert",
    nxkx.TextDocument: "text",
}


def _fields(cls: Any) -> List[str]:
    return [f.name for f in dataclasses.fields(cls) if f.name != "declarations"]


def test_the_model_is_the_schema_of_the_builtin_pack() -> None:
    """Every class of the model has the fields, in the order, that the C++ reader's JSON Schema
    of the built-in pack gives its object (nxkx schema): the two cannot drift apart."""
    schema = json.loads(_core._schema(None, "application"))
    assert _fields(nxkx.Application) == list(schema["properties"])
    defs = schema["$defs"]
    assert set(defs) == set(_DEFS.values()), "an object of the schema has no model class"
    for cls, name in _DEFS.items():
        assert _fields(cls) == list(defs[name]["properties"]), name
        assert defs[name].get("additionalProperties") is False


@pytest.mark.parametrize("pack", sorted(d.name for d in PACKS.iterdir() if d.is_dir()))
def test_another_packs_schema_is_the_model_and_its_declarations(pack: str) -> None:
    """Under another pack, each object's members that the model has no field for are the
    pack's declarations, which the model writes through ``declarations`` (never a field of the
    model under another name)."""
    n = nxkx.Notice.load(ROOT / "examples" / "packs" / f"{pack}.json")
    schema = json.loads(_core._schema(n, "application"))
    classes = dict(_DEFS)
    classes[nxkx.Application] = None
    for cls, name in classes.items():
        props = schema["properties"] if name is None else schema["$defs"].get(name, {}).get("properties", {})
        extra = [k for k in props if k not in set(_fields(cls))]
        if not extra:
            continue
        assert any(f.name == "declarations" for f in dataclasses.fields(cls)), (name, extra)
        assert list(cls(declarations={k: True for k in extra}).to_dict()) == extra
    with pytest.raises(ValueError):
        _core._schema(n, "bogus")
