"""What a user sends to another process pickles: notices, applications, reports, findings."""

from __future__ import annotations

import concurrent.futures
import pickle
from typing import Any, List

import nxkx
from conftest import AS_OF, EXAMPLES, corpus_applications, load

APPS = corpus_applications()


def roundtrip(x: Any) -> Any:
    return pickle.loads(pickle.dumps(x, protocol=pickle.HIGHEST_PROTOCOL))


def test_notices() -> None:
    builtin = nxkx.Notice.builtin()
    assert len(pickle.dumps(builtin)) < 200  # the built-in pack travels as a marker
    assert roundtrip(builtin) == builtin
    pack = builtin.to_dict()
    pack["notice"]["id"] = "nxkx-test"
    custom = nxkx.Notice.from_dict(pack)
    back = roundtrip(custom)
    assert back == custom and back != builtin and back.id == "nxkx-test"


def test_applications() -> None:
    for d in APPS:
        app = nxkx.Application.from_dict(d)
        assert roundtrip(app) == app


def test_reports_and_findings() -> None:
    reports = nxkx.check_many(APPS, as_of=AS_OF, trace=True)
    for r in reports:
        back = roundtrip(r)
        assert back == r
        assert back.to_json() == r.to_json()
        assert [f.contact.code for f in back.findings] == [f.contact.code for f in r.findings]
        for f in r.findings:
            assert roundtrip(f) == f
        assert nxkx.Report.from_dict(r.to_dict()) == r
        assert nxkx.Report.from_json(r.to_json()) == r
    assert any(r.findings for r in reports) and all(r.trace for r in reports)


def check_in_another_process(apps: List[Any], notice: nxkx.Notice) -> List[nxkx.Report]:
    return nxkx.check_many(apps, as_of=AS_OF, notice=notice)


def test_across_processes() -> None:
    apps = [nxkx.Application.from_dict(load(p)) for p in sorted(EXAMPLES.glob("*.json"))]
    notice = nxkx.Notice.builtin()
    with concurrent.futures.ProcessPoolExecutor(max_workers=1) as pool:
        reports = pool.submit(check_in_another_process, apps, notice).result(timeout=120)
    assert reports == nxkx.check_many(apps, as_of=AS_OF)
