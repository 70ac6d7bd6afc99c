"""The shared conformance corpus (tests/conformance/cases) through Python: the same decisions
and rule ids as tests/unit/conformance_test.cpp expects of the C++ API, by every way in."""

from __future__ import annotations

import datetime
import json
import pathlib
from typing import Any, Dict, List

import pytest

import nxkx
from conftest import ROOT, case_files, load

CASES = case_files()


def options(case: Dict[str, Any]) -> Dict[str, Any]:
    out: Dict[str, Any] = {
        "as_of": datetime.date.fromisoformat(case["as_of"]),
        "stage": nxkx.Stage(case.get("stage", "application")),
    }
    if "bad_credit_code" in case.get("options", {}):
        out["bad_credit_code"] = nxkx.Severity(case["options"]["bad_credit_code"])
    return out


def outcome(reports: List[nxkx.Report]) -> List[Dict[str, Any]]:
    return [{"decision": r.decision.value, "rule_ids": list(r.rule_ids)} for r in reports]


def test_the_corpus_is_there() -> None:
    assert len(CASES) >= 150


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_case(path: pathlib.Path) -> None:
    case = load(path)
    apps = case["applications"]
    opt = options(case)
    if "error" in case:
        with pytest.raises(nxkx.InputError) as dicts:
            nxkx.check_many(apps, strict=True, **opt)
        with pytest.raises(nxkx.InputError) as text:
            nxkx.check_many(json.dumps(apps, ensure_ascii=False), strict=True, **opt)
        # Keeping going (the default), the error is an entry in place of the application.
        kept = [r for r in nxkx.check_many(apps, **opt) if isinstance(r, nxkx.InputError)]
        kept_text = [r for r in nxkx.check_many(json.dumps(apps, ensure_ascii=False), **opt)
                     if isinstance(r, nxkx.InputError)]
        for e in (dicts.value, text.value, kept[0], kept_text[0]):
            assert (e.code, e.path) == (case["error"]["code"], case["error"]["path"]), str(e)
            assert e.reason_zh and e.reason_zh != e.reason, e.reason_zh
        assert dicts.value.reason == text.value.reason == kept[0].reason
        return

    expected = case["expect"]
    by_dicts = nxkx.check_many(apps, **opt)
    assert outcome(by_dicts) == expected, [r.to_text("en") for r in by_dicts]

    # The same batch as one JSON document, as typed models, and on two threads.
    by_text = nxkx.check_many(json.dumps(apps, ensure_ascii=False), **opt)
    by_models = nxkx.check_many([nxkx.Application.from_dict(a) for a in apps], **opt)
    threaded = nxkx.check_many(apps, threads=2, **opt)
    assert by_text == by_dicts
    assert by_models == by_dicts
    assert threaded == by_dicts

    # A batch of one is check(): the same unless 三(一) judged it against an earlier one.
    if len(apps) == 1:
        assert nxkx.check(apps[0], **opt) == by_dicts[0]



# ---- the corpora of the shipped example packs (tests/conformance/packs/PACK/) ----

PACK_CASES = sorted((ROOT / "tests" / "conformance" / "packs").glob("*/*.json"))
_PACKS: Dict[str, nxkx.Notice] = {}


def _pack_of(path: pathlib.Path) -> nxkx.Notice:
    name = path.parent.name
    if name not in _PACKS:
        _PACKS[name] = nxkx.Notice.load(ROOT / "examples" / "packs" / f"{name}.json")
    return _PACKS[name]


def test_the_pack_corpora_are_there() -> None:
    assert len(PACK_CASES) >= 4


@pytest.mark.parametrize("path", PACK_CASES, ids=[f"{p.parent.name}/{p.stem}" for p in PACK_CASES])
def test_pack_case(path: pathlib.Path) -> None:
    case = load(path)
    if "error" in case:  # an application this notice's vocabulary cannot hold
        with pytest.raises(nxkx.InputError) as e:
            nxkx.check_many(case["applications"], notice=_pack_of(path), strict=True,
                            **options(case))
        assert (e.value.code, e.value.path) == (case["error"]["code"], case["error"]["path"])
        return
    reports = nxkx.check_many(case["applications"], notice=_pack_of(path), **options(case))
    assert outcome(reports) == case["expect"], [r.to_text("en") for r in reports]
