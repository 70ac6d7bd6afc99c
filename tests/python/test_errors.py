"""Errors as Python users expect them: one base class, input errors are ValueErrors with a path
and a reason, pack errors their own class; and no other exception (let alone a crash) whatever
a dict holds."""

from __future__ import annotations

import copy
import datetime
import json
import math
import pathlib
import pickle
import random
from typing import Any, Dict, List

import pytest

import nxkx
from conftest import AS_OF, EXAMPLES, ROOT, load


def input_error(application: Any) -> nxkx.InputError:
    with pytest.raises(nxkx.InputError) as e:
        nxkx.check(application, as_of=AS_OF)
    return e.value


def test_the_hierarchy() -> None:
    assert issubclass(nxkx.InputError, nxkx.Error) and issubclass(nxkx.InputError, ValueError)
    assert issubclass(nxkx.PackError, nxkx.Error) and not issubclass(nxkx.PackError, ValueError)
    assert issubclass(nxkx.Error, Exception)
    e = nxkx.InputError("input.type", "/a", "expected an integer, found a string")
    assert (e.code, e.path, e.reason) == ("input.type", "/a", "expected an integer, found a string")
    assert str(e) == "/a: expected an integer, found a string [input.type]"
    assert str(nxkx.PackError("pack.syntax", "", "not JSON")) == "not JSON [pack.syntax]"


def test_errors_pickle() -> None:
    e = input_error({"project_type": "nope", "applicant": {"kind": "society"}})
    back = pickle.loads(pickle.dumps(e))
    assert type(back) is nxkx.InputError
    assert (back.code, back.path, back.reason) == (e.code, e.path, e.reason)


# One example per code of docs/application-format.md §5, as dicts and as JSON text.
def _society() -> Dict[str, Any]:
    return load(EXAMPLES / "society_capacity.json")


def _with(path: List[Any], value: Any) -> Dict[str, Any]:
    d = _society()
    target = d
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return d


@pytest.mark.parametrize(
    "application, code, path",
    [
        ('{"project_type": }', "input.syntax", ""),
        (b'{"title": "\xff"}', "input.utf8", ""),
        ("[" * 100 + "]" * 100, "input.limit", "/0" * 63 + "/0"),
        (_with(["title"], "x" * (2**20 + 1)), "input.limit", "/title"),
        ('{"project_type": "society_capacity", "project_type": "b"}', "input.duplicate_key", "/project_type"),
        (_with(["submission", "paper_copies"], "2"), "input.type", "/submission/paper_copies"),
        (_with(["submission", "paper_copies"], 2.0), "input.type", "/submission/paper_copies"),
        ({"applicant": {"kind": "society"}}, "input.missing", "/project_type"),
        (_with(["applicant", "kind"], None), "input.missing", "/applicant/kind"),
        (_with(["applicant", "nmae"], "x"), "input.unknown_field", "/applicant/nmae"),
        (_with(["applicant", "kind"], "foo"), "input.unknown_code", "/applicant/kind"),
        (_with(["submission", "handed_in_date"], "2025-02-30"), "input.date", "/submission/handed_in_date"),
        (_with(["submission", "paper_copies"], -1), "input.range", "/submission/paper_copies"),
        (_with(["submission", "paper_copies"], 2**63), "input.range", "/submission/paper_copies"),
    ],
    ids=lambda v: v if isinstance(v, str) and v.startswith("input.") else "",
)
def test_every_input_error_code(application: Any, code: str, path: str) -> None:
    e = input_error(application)
    assert (e.code, e.path) == (code, path), str(e)
    assert e.reason and isinstance(e.reason, str)


def test_python_values_json_cannot_hold_are_named_by_path() -> None:
    cases = [
        (["submission", "paper_copies"], float("nan"), "input.range"),
        (["submission", "paper_copies"], float("-inf"), "input.range"),
        (["submission", "paper_copies"], 10**5000, "input.range"),  # beyond str()'s digit limit
        (["submission", "paper_copies"], {1, 2}, "input.type"),
        (["submission", "paper_copies"], b"2", "input.type"),
        (["submission", "paper_copies"], object(), "input.type"),
        (["submission", "paper_copies"], datetime.time(1, 2), "input.type"),
        (["title"], "a\udc80b", "input.utf8"),
    ]
    for path, value, code in cases:
        e = input_error(_with(path, value))
        assert (e.code, e.path) == (code, "/" + "/".join(path)), (value, str(e))
    e = input_error(_with(["submission", 3.5], 1))
    assert (e.code, e.path) == ("input.type", "/submission")
    d = _society()
    d["applicant"]["history"][2024] = {}  # 2024 and "2024": the reader refuses the second
    assert input_error(d).code == "input.duplicate_key"
    d = _society()
    d["self"] = d
    e = input_error(d)
    assert e.code == "input.limit" and "max_depth (64)" in e.reason, str(e)


def test_pack_errors() -> None:
    with pytest.raises(nxkx.PackError) as e:
        nxkx.Notice.from_json("not json")
    assert e.value.code == "pack.syntax"
    with pytest.raises(nxkx.PackError) as e:
        nxkx.Notice.load(ROOT / "tests" / "cli" / "bad-pack.json")
    assert (e.value.code, e.value.path) == ("pack.invalid", "/notice/id")
    pack = nxkx.Notice.builtin().to_dict()
    pack["rules"][0]["outcome"] = "fatal"
    with pytest.raises(nxkx.PackError) as e:
        nxkx.Notice.from_dict(pack)
    assert e.value.path == "/rules/0/outcome"
    pack = nxkx.Notice.builtin().to_dict()
    pack["notice"]["id"] = {1, 2}
    with pytest.raises(nxkx.PackError) as e:
        nxkx.Notice.from_dict(pack)
    assert e.value.path == "/notice/id"
    with pytest.raises(FileNotFoundError):
        nxkx.Notice.load(ROOT / "no-such-pack.json")


def test_argument_errors() -> None:
    app = _society()
    with pytest.raises(TypeError):
        nxkx.check(app, as_of=20250520)
    with pytest.raises(nxkx.InputError) as e:
        nxkx.check(app, as_of="2025-02-30")
    assert e.value.code == "input.date"
    with pytest.raises(ValueError):
        nxkx.check(app, as_of=AS_OF, stage="plan")
    with pytest.raises(ValueError):
        nxkx.check(app, as_of=AS_OF, bad_credit_code="ignore")
    finding = nxkx.check(_with(["submission", "paper_copies"], 1), as_of=AS_OF).findings[0]
    with pytest.raises(ValueError):
        finding.message("fr")
    with pytest.raises(ValueError):
        nxkx.count_zi("字", method="characters")
    with pytest.raises(TypeError):
        nxkx.count_zi(5)  # type: ignore[arg-type]
    with pytest.raises(nxkx.InputError) as e:
        nxkx.count_zi(b"ab\xffcd")
    assert e.value.code == "input.utf8"
    with pytest.raises(nxkx.InputError):
        nxkx.count_zi("a\ud800b")
    with pytest.raises(ValueError):
        nxkx.check_many([app], as_of=AS_OF, threads=0)
    with pytest.raises(TypeError):
        nxkx.check_many(app, as_of=AS_OF)  # type: ignore[arg-type]


# ---- junk everywhere --------------------------------------------------------------------------

class Weird:
    def __str__(self) -> str:
        raise RuntimeError("str() must not be called")


def junk(rng: random.Random, depth: int = 0) -> Any:
    simple = [None, True, False, 0, -1, 2**63, -(2**63) - 1, 10**400, 1.5, math.nan, math.inf, -0.0, "",
              "x" * 1000, "\x00\"\\", "a\udcff", "宁夏", b"bytes", bytearray(b"x"), {1, 2}, frozenset(), object(),
              Weird(), datetime.date(1, 1, 1), datetime.date(9999, 12, 31),
              datetime.datetime(9999, 12, 31, 23, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=-12))),
              datetime.datetime(1, 1, 1, 0, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=14))),
              datetime.timedelta(1), nxkx.Decision.REJECTED, complex(1, 2), range(3), ...]
    if depth > 3 or rng.random() < 0.6:
        return rng.choice(simple)
    if rng.random() < 0.5:
        return [junk(rng, depth + 1) for _ in range(rng.randrange(3))]
    keys = ["name", "kind", "2024", 2023, 1.5, None, True, (1,), "", "~/", "history", "title"]
    return {rng.choice(keys): junk(rng, depth + 1) for _ in range(rng.randrange(3))}


def places(d: Any, path: tuple = ()) -> List[tuple]:
    out = [path]
    if isinstance(d, dict):
        for k, v in d.items():
            out.extend(places(v, path + (k,)))
    elif isinstance(d, list):
        for i, v in enumerate(d):
            out.extend(places(v, path + (i,)))
    return out


def test_junk_at_every_place_gives_a_report_or_an_input_error() -> None:
    rng = random.Random(61)
    base = load(EXAMPLES / "grassroots_societies_capacity.json")
    outcomes = {"report": 0, "error": 0}
    batch = []
    for path in places(base)[1:]:
        for _ in range(6):
            d = copy.deepcopy(base)
            target = d
            for key in path[:-1]:
                target = target[key]
            target[path[-1]] = junk(rng)
            batch.append(d)
            try:
                nxkx.check(d, as_of=AS_OF)
                outcomes["report"] += 1
            except nxkx.InputError as e:
                assert e.code.startswith("input.") and isinstance(e.path, str) and e.reason
                outcomes["error"] += 1
    assert outcomes["report"] > 0 and outcomes["error"] > 0
    # Whole junk documents, one by one and as batches on several threads.
    for _ in range(300):
        try:
            nxkx.check(junk(rng), as_of=AS_OF)
        except nxkx.InputError:
            pass
    for threads in (1, 3):
        try:
            nxkx.check_many(batch, as_of=AS_OF, threads=threads)
        except nxkx.InputError as e:
            assert e.path.startswith("/")


def test_corrupted_text_gives_a_report_or_an_input_error() -> None:
    rng = random.Random(2025)
    text = (EXAMPLES / "park_sta_capacity.json").read_bytes()
    for _ in range(1500):
        b = bytearray(text)
        for _ in range(rng.randrange(1, 4)):
            b[rng.randrange(len(b))] = rng.randrange(256)
        cut = bytes(b[: rng.randrange(len(b) + 1)]) if rng.random() < 0.2 else bytes(b)
        try:
            nxkx.check(cut, as_of=AS_OF)
        except nxkx.InputError:
            pass
        try:
            nxkx.Report.from_json(cut)
        except nxkx.InputError:
            pass
        try:
            nxkx.Notice.from_json(cut)
        except nxkx.PackError:
            pass


def test_report_from_junk_is_an_input_error() -> None:
    rng = random.Random(7)
    good = nxkx.check(load(EXAMPLES / "society_capacity-grade-c.json"), as_of=AS_OF).to_dict()
    for path in places(good)[1:]:
        d = copy.deepcopy(good)
        target = d
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = junk(rng)
        try:
            nxkx.Report.from_dict(d)
        except nxkx.InputError:
            pass


def test_notice_lint() -> None:
    # The built-in pack lints clean; a wrong weekday is an error at its pointer.
    clean = nxkx.Notice.builtin().lint((ROOT / "docs" / "notice" / "notice.md").read_text("utf-8"))
    assert (clean["errors"], clean["warnings"]) == (0, 0), clean["issues"]
    assert clean["pack"] == nxkx.Notice.builtin().identity
    pack = nxkx.Notice.builtin().to_dict()
    pack["notice"]["stated_weekdays"]["2025-05-16"] = "星期一"
    found = nxkx.Notice.from_dict(pack).lint()
    assert found["errors"] == 1
    assert found["issues"][0]["path"] == "/notice/stated_weekdays/2025-05-16"
    assert found["issues"][0]["code"] == "lint.weekday"


def test_notice_load_file_errors(tmp_path: pathlib.Path) -> None:
    """Notice.load gives the command's code for each way a file cannot be read, as an
    nxkx.FileError: an InputError and an OSError at once (FileNotFoundError, IsADirectoryError)."""
    import errno
    import os
    import pickle
    import socket

    def load_error(path: object) -> nxkx.FileError:
        with pytest.raises(nxkx.FileError) as e:
            nxkx.Notice.load(path)
        assert isinstance(e.value, nxkx.InputError) and isinstance(e.value, OSError)
        assert e.value.reason_zh and e.value.reason_zh != e.value.reason
        return e.value

    e = load_error(tmp_path / "no-such-pack.json")
    assert (e.code, e.path, e.errno) == ("input.not_found", "", errno.ENOENT)
    assert isinstance(e, FileNotFoundError)
    assert e.filename == str(tmp_path / "no-such-pack.json")
    assert str(e).startswith(str(tmp_path / "no-such-pack.json") + ": ") and "[input.not_found]" in str(e)
    again = pickle.loads(pickle.dumps(e))
    assert type(again) is type(e) and (again.code, again.filename) == (e.code, e.filename)
    below = tmp_path / "a.json"
    below.write_text("{}", encoding="utf-8")
    assert load_error(below / "below").code == "input.not_found"
    assert load_error(str(tmp_path / "missing.json").encode()).code == "input.not_found"

    e = load_error(tmp_path)
    assert (e.code, e.errno) == ("input.directory", errno.EISDIR)
    assert isinstance(e, IsADirectoryError)

    sock_path = tmp_path / "s.sock"
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        s.bind(str(sock_path))
        e = load_error(sock_path)
        assert e.code == "input.not_regular" and not isinstance(e, FileNotFoundError)
    finally:
        s.close()

    locked = tmp_path / "locked.json"
    locked.write_text("{}", encoding="utf-8")
    locked.chmod(0)
    if os.geteuid() != 0:  # root reads anything
        e = load_error(locked)
        assert (e.code, e.errno) == ("input.unreadable", errno.EACCES)

    # Over the limit: a plain InputError (input.limit), not a FileError.
    big = tmp_path / "big.json"
    with open(big, "wb") as f:
        f.truncate((16 << 20) + 1)
    with pytest.raises(nxkx.InputError) as limit:
        nxkx.Notice.load(big)
    assert limit.value.code == "input.limit" and "max_pack_bytes" in limit.value.reason
    assert not isinstance(limit.value, OSError)
