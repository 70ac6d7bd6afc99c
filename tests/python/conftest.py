"""Shared fixtures of the Python tests. Run through ctest (tests/python.cmake), which puts the
build tree's package first on PYTHONPATH, or by hand:

    PYTHONPATH=build/dev/python /usr/bin/python3 -m pytest tests/python
"""

from __future__ import annotations

import datetime
import json
import os
import pathlib
from typing import Any, Callable, Dict, List

import pytest

import nxkx

ROOT = pathlib.Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "conformance" / "cases"
EXAMPLES = ROOT / "examples" / "applications"
AS_OF = datetime.date(2025, 5, 20)


def pytest_report_header(config: Any) -> str:
    return f"nxkx {nxkx.__version__} from {pathlib.Path(nxkx.__file__).parent}"


@pytest.fixture(scope="session", autouse=True)
def _the_package_under_test() -> None:
    # ctest names the package it built; a stale installed nxkx must not be tested instead.
    expected = os.environ.get("NXKX_PYTHON_PACKAGE_DIR")
    if expected:
        assert pathlib.Path(nxkx.__file__).parent.resolve() == pathlib.Path(expected).resolve()


def load(path: pathlib.Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def full_answer(call: Callable[[], Any]) -> Any:
    """Every report (and its JSON) and every error with its code, path and reasons, or the error
    raised: what two ways of reading one batch must agree on to the letter."""
    def one(r: Any) -> Any:
        if isinstance(r, nxkx.Report):
            return ("report", r, r.to_json())
        return (type(r).__name__, r.code, r.path, r.reason, r.reason_zh)
    try:
        return "returned", [one(r) for r in call()]
    except nxkx.Error as e:
        return "raised", one(e)


def case_files() -> List[pathlib.Path]:
    return sorted(CASES.glob("*.json"))


def example_files() -> List[pathlib.Path]:
    return sorted(EXAMPLES.glob("*.json"))


def corpus_applications() -> List[Dict[str, Any]]:
    """Every application of the corpus that reads (error cases left out) and every example."""
    apps = []
    for path in case_files():
        case = load(path)
        if "error" not in case:
            apps.extend(case["applications"])
    apps.extend(load(p) for p in example_files())
    return apps


@pytest.fixture
def society() -> Dict[str, Any]:
    """An application accepted as of 2025-05-20 (handed in on 2025-05-15)."""
    return load(EXAMPLES / "society_capacity.json")


@pytest.fixture
def courier() -> Dict[str, Any]:
    """An application sent by courier on 2025-05-15, accepted as of 2025-05-20."""
    return load(EXAMPLES / "haizhi_base_capacity.json")
