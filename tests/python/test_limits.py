"""The input limits (nxkx.InputLimits, nxkx::input_limits) through Python: each one crossed as
JSON text and as a dict, by default and with limits= of one's own, on every function that reads
applications. Crossing one is InputError("input.limit") with the JSON pointer of the value that
crosses it and a reason naming the limit."""

from __future__ import annotations

import copy
import dataclasses
import json
import pickle
from typing import Any, Callable, Dict, Optional

import pytest

import nxkx
from nxkx import _core
from conftest import AS_OF, EXAMPLES, load

MIB = 2**20
DEFAULTS = nxkx.InputLimits()


def society() -> Dict[str, Any]:
    return load(EXAMPLES / "society_capacity.json")


def limit_error(call: Callable[[], Any]) -> nxkx.InputError:
    with pytest.raises(nxkx.InputError) as e:
        call()
    assert e.value.code == "input.limit", str(e.value)
    return e.value


def crosses(application: Any, path: str, names: str, limits: Optional[nxkx.InputLimits] = None) -> None:
    """`application` (a dict or JSON text) crosses the limit `names` (e.g. "max_depth (64)") at
    `path`, for check(), Application.from_dict/from_json, and check_many (as the first of two:
    the error of the lowest index is the batch's)."""
    e = limit_error(lambda: nxkx.check(application, as_of=AS_OF, limits=limits))
    assert e.path == path and names in e.reason, str(e)
    if isinstance(application, dict):
        e = limit_error(lambda: nxkx.Application.from_dict(application, limits=limits))
    else:
        e = limit_error(lambda: nxkx.Application.from_json(application, limits=limits))
    assert e.path == path and names in e.reason, str(e)
    e = limit_error(lambda: nxkx.check_many(strict=True, applications=[application, society()], as_of=AS_OF, limits=limits))
    assert e.path == "/0" + path and names in e.reason, str(e)


def does_not_cross(application: Any, limits: Optional[nxkx.InputLimits] = None) -> None:
    """Read past the limits: a report, or an input error of another kind."""
    try:
        nxkx.check(application, as_of=AS_OF, limits=limits)
    except nxkx.InputError as e:
        assert e.code != "input.limit", str(e)


def pointer(tokens: Any) -> str:
    return "".join("/" + str(t).replace("~", "~0").replace("/", "~1") for t in tokens)


def items_of(value: Any) -> Any:
    return value.items() if isinstance(value, dict) else enumerate(value)


def first_long_list(value: Any, n: int, tokens: tuple = ()) -> Optional[str]:
    """The pointer of the first list with more than n items, in the order a reader meets them
    (a list is too long when its item n + 1 begins, after items 0 … n - 1)."""
    if not isinstance(value, (dict, list)):
        return None
    for i, (k, v) in enumerate(items_of(value)):
        if isinstance(value, list) and i == n:
            return pointer(tokens)
        found = first_long_list(v, n, tokens + (k,))
        if found is not None:
            return found
    return None


def first_long_string(value: Any, n: int, tokens: tuple = ()) -> Optional[str]:
    """The pointer of the first key, string, number or literal longer than n bytes (a key's is
    its object's)."""
    if isinstance(value, (dict, list)):
        for k, v in items_of(value):
            if isinstance(value, dict) and len(k.encode()) > n:
                return pointer(tokens)
            found = first_long_string(v, n, tokens + (k,))
            if found is not None:
                return found
        return None
    written = value.encode() if isinstance(value, str) else json.dumps(value).encode()
    return pointer(tokens) if len(written) > n else None


# ---- InputLimits --------------------------------------------------------------------------------


def test_the_defaults_are_the_cpp_ones() -> None:
    assert dataclasses.asdict(DEFAULTS) == _core._default_limits()
    assert [f.name for f in dataclasses.fields(nxkx.InputLimits)] == list(_core._default_limits())
    assert DEFAULTS == nxkx.InputLimits(
        max_bytes=16 * MIB, max_depth=64, max_string_bytes=MIB, max_list_items=10_000, max_batch=100_000,
        max_batch_bytes=256 * MIB,
    )


def test_input_limits_is_a_frozen_value() -> None:
    limits = nxkx.InputLimits(max_depth=8)
    with pytest.raises(dataclasses.FrozenInstanceError):
        limits.max_depth = 9  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(limits)) == limits
    assert hash(limits) == hash(nxkx.InputLimits(max_depth=8))
    assert dataclasses.replace(limits, max_batch=3).max_batch == 3
    assert "max_depth=8" in repr(limits)


@pytest.mark.parametrize("value, error", [(-1, ValueError), (2**64, ValueError), (1.0, TypeError),
                                          ("64", TypeError), (True, TypeError), (None, TypeError)])
def test_input_limits_refuses_what_is_not_a_count(value: Any, error: type) -> None:
    with pytest.raises(error):
        nxkx.InputLimits(max_depth=value)


def test_limits_must_be_input_limits() -> None:
    for call in (
        lambda: nxkx.check(society(), as_of=AS_OF, limits={"max_depth": 3}),  # type: ignore[arg-type]
        lambda: nxkx.check_many([society()], as_of=AS_OF, limits=64),  # type: ignore[arg-type]
        lambda: nxkx.Application.from_dict(society(), limits="strict"),  # type: ignore[arg-type]
    ):
        with pytest.raises(TypeError):
            call()
    # The compiled module reads the five attributes of whatever it is given, and checks them.
    with pytest.raises(TypeError):
        _core._check(None, society(), AS_OF, "application", False, "incomplete", object())
    fake = type("Fake", (), dict(_core._default_limits(), max_depth=-1))()
    with pytest.raises(ValueError):
        _core._check(None, society(), AS_OF, "application", False, "incomplete", fake)


def test_the_defaults_read_the_examples_and_none_means_defaults() -> None:
    for path in sorted(EXAMPLES.glob("*.json")):
        text = path.read_text(encoding="utf-8")
        assert nxkx.check(text, as_of=AS_OF) == nxkx.check(text, as_of=AS_OF, limits=DEFAULTS)
        assert nxkx.check(json.loads(text), as_of=AS_OF, limits=None) == nxkx.check(text, as_of=AS_OF)


# ---- max_depth ----------------------------------------------------------------------------------


def nested(depth: int) -> Any:
    v: Any = 0
    for _ in range(depth):
        v = [v]
    return v


def test_max_depth_as_text_and_as_dict() -> None:
    # 100 arrays under "records": the 64th container open (the root is the first) is the last
    # allowed, so the first too deep is the 63rd array.
    too_deep = "/records" + "/0" * 63
    d = society()
    d["records"] = nested(100)
    crosses(d, too_deep, "max_depth (64)")
    crosses(json.dumps(d), too_deep, "max_depth (64)")
    crosses(json.dumps(d).encode(), too_deep, "max_depth (64)")
    e = limit_error(lambda: nxkx.check(d, as_of=AS_OF))
    # A dict is read as its compact text: the reader's words, with that text's byte offset.
    compact = json.dumps(d, ensure_ascii=False, separators=(",", ":"))
    assert e.reason == limit_error(lambda: nxkx.check(compact, as_of=AS_OF)).reason, e.reason
    assert e.reason.startswith("arrays and objects nest deeper than max_depth (64) at byte "), e.reason
    d["records"] = nested(63)  # 64 open at once: the limit, not beyond (the reader refuses the list)
    does_not_cross(d)
    does_not_cross(json.dumps(d))


def test_a_dict_that_contains_itself_crosses_max_depth() -> None:
    d = society()
    d["self"] = d
    e = limit_error(lambda: nxkx.check(d, as_of=AS_OF))
    # "self" is the last key: at the 63rd level, the applicant's history is the first too deep
    assert e.path == "/self" * 61 + "/applicant/history/2023" == first_too_deep(d, 64), e.path
    assert "max_depth (64)" in e.reason
    # However high max_depth is, a Python value nests 1000 deep at most (the writer recurses).
    e = limit_error(lambda: nxkx.check(d, as_of=AS_OF, limits=nxkx.InputLimits(max_depth=10**6)))
    assert e.path == "/self" * 997 + "/applicant/history/2023", e.path
    assert e.reason.startswith("arrays and objects nest deeper than 1000,") and "max_depth (1000000)" in e.reason
    loop: list = []
    loop.append(loop)
    e = limit_error(lambda: nxkx.check_many(strict=True, applications=[society(), society(), {"a": loop}], as_of=AS_OF))
    assert e.path == "/2/a" + "/0" * 63 and "max_depth (64)" in e.reason


def first_too_deep(value: Any, max_depth: int, tokens: tuple = (), open_: int = 0) -> Optional[str]:
    """The pointer of the first container (in document order) opened when max_depth are open."""
    if not isinstance(value, (dict, list)):
        return None
    if open_ >= max_depth:
        return pointer(tokens)
    items = value.items() if isinstance(value, dict) else enumerate(value)
    for k, v in items:
        found = first_too_deep(v, max_depth, tokens + (k,), open_ + 1)
        if found is not None:
            return found
    return None


@pytest.mark.parametrize("max_depth", [1, 2, 3])
def test_max_depth_of_ones_own(max_depth: int) -> None:
    d = load(EXAMPLES / "regional_academic_exchange.json")
    path = first_too_deep(d, max_depth)
    assert path is not None
    limits = nxkx.InputLimits(max_depth=max_depth)
    crosses(d, path, f"max_depth ({max_depth})", limits)
    crosses(json.dumps(d, ensure_ascii=False), path, f"max_depth ({max_depth})", limits)
    e = limit_error(lambda: nxkx.Application.from_dict(d).to_json(limits=limits))
    assert "max_depth" in e.reason
    # Raised far enough, a deep value is read past the limits.
    d["records"] = nested(200)
    does_not_cross(d, nxkx.InputLimits(max_depth=500))
    does_not_cross(json.dumps(d), nxkx.InputLimits(max_depth=500))


def test_max_depth_zero_refuses_everything() -> None:
    limits = nxkx.InputLimits(max_depth=0)
    crosses(society(), "", "max_depth (0)", limits)
    crosses(json.dumps(society()), "", "max_depth (0)", limits)


# ---- max_string_bytes ---------------------------------------------------------------------------


def test_max_string_bytes_as_text_and_as_dict() -> None:
    d = society()
    d["title"] = "x" * (MIB + 1)
    crosses(d, "/title", "max_string_bytes (1048576)")
    crosses(json.dumps(d), "/title", "max_string_bytes (1048576)")
    d["title"] = "x" * MIB  # exactly the limit
    does_not_cross(d)
    does_not_cross(json.dumps(d))
    # Bytes, decoded: 349,526 字 are 1,048,578 bytes of UTF-8, \\u-escaped or not.
    d["title"] = "字" * 349_526
    crosses(d, "/title", "max_string_bytes (1048576)")
    crosses(json.dumps(d), "/title", "max_string_bytes (1048576)")  # ensure_ascii: \\u5b57
    crosses(json.dumps(d, ensure_ascii=False), "/title", "max_string_bytes (1048576)")
    d["title"] = "字" * 349_525
    does_not_cross(json.dumps(d))


def test_a_key_longer_than_max_string_bytes() -> None:
    d = society()
    d["applicant"]["k" * (MIB + 1)] = 1
    # A key's path is the object that holds it.
    crosses(d, "/applicant", "max_string_bytes (1048576)")
    crosses(json.dumps(d), "/applicant", "max_string_bytes (1048576)")


def test_a_number_longer_than_max_string_bytes() -> None:
    text = json.dumps(society()).replace('"paper_copies": 2', '"paper_copies": ' + "1" * (MIB + 1))
    assert text != json.dumps(society())
    crosses(text, "/submission/paper_copies", "max_string_bytes (1048576)")


@pytest.mark.parametrize("n", [4, 9, 21, 40])
def test_max_string_bytes_of_ones_own(n: int) -> None:
    for example in ("society_capacity.json", "regional_academic_exchange.json"):
        d = load(EXAMPLES / example)
        path = first_long_string(d, n)
        assert path is not None
        limits = nxkx.InputLimits(max_string_bytes=n)
        crosses(d, path, f"max_string_bytes ({n})", limits)
        crosses(json.dumps(d), path, f"max_string_bytes ({n})", limits)


# ---- max_list_items -----------------------------------------------------------------------------


def test_max_list_items_as_text_and_as_dict() -> None:
    d = society()
    d["joint_applicants"] = [{}] * 10_001
    crosses(d, "/joint_applicants", "max_list_items (10000)")
    crosses(json.dumps(d), "/joint_applicants", "max_list_items (10000)")
    d["joint_applicants"] = [{}] * 10_000
    does_not_cross(d)
    does_not_cross(json.dumps(d))


@pytest.mark.parametrize("n", [0, 1, 2])
def test_max_list_items_of_ones_own(n: int) -> None:
    d = load(EXAMPLES / "regional_academic_exchange.json")
    d["joint_applicants"] = [copy.deepcopy(j) for j in d.get("joint_applicants", [])] or [{}]
    d["joint_applicants"] *= 3
    path = first_long_list(d, n)
    assert path is not None
    limits = nxkx.InputLimits(max_list_items=n)
    crosses(d, path, f"max_list_items ({n})", limits)
    crosses(json.dumps(d), path, f"max_list_items ({n})", limits)


# ---- max_bytes ----------------------------------------------------------------------------------


def test_max_bytes_as_text() -> None:
    text = json.dumps(society())
    padded = text[:-1] + " " * (16 * MIB + 1 - len(text)) + "}"
    assert len(padded) == 16 * MIB + 1
    crosses(padded, "", "max_bytes (16777216)")
    crosses(padded.encode(), "", "max_bytes (16777216)")
    exact = text[:-1] + " " * (16 * MIB - len(text)) + "}"
    assert nxkx.check(exact, as_of=AS_OF) == nxkx.check(text, as_of=AS_OF)  # 16 MiB: the limit
    # In a batch given as one JSON text, each application has the limit; the path is its index.
    batch = "[" + text + "," + padded[:-1] + ',"k": 0' * 8 + "}]"
    e = limit_error(lambda: nxkx.check_many(strict=True, applications=batch, as_of=AS_OF))
    assert e.path == "/1" and "max_bytes (16777216)" in e.reason, str(e)


def test_max_bytes_as_dict() -> None:
    d = society()
    d["joint_applicants"] = [{"name": "x" * (MIB - 100)} for _ in range(17)]
    crosses(d, "", "max_bytes (16777216)")


def test_max_bytes_of_ones_own() -> None:
    # The binding writes a dict as compactly as this (and escapes the same characters).
    text = json.dumps(society(), ensure_ascii=False, separators=(",", ":"))
    size = len(text.encode())
    limits = nxkx.InputLimits(max_bytes=size - 1)
    crosses(society(), "", f"max_bytes ({size - 1})", limits)
    crosses(text, "", f"max_bytes ({size - 1})", limits)
    does_not_cross(text, nxkx.InputLimits(max_bytes=size))
    does_not_cross(society(), nxkx.InputLimits(max_bytes=size))
    e = limit_error(lambda: nxkx.check_many(strict=True, applications="[" + text + "," + text + "]", as_of=AS_OF, limits=limits))
    assert e.path == "/0" and f"max_bytes ({size - 1})" in e.reason


# ---- max_batch ----------------------------------------------------------------------------------


def test_max_batch_as_a_list_and_as_text() -> None:
    e = limit_error(lambda: nxkx.check_many(strict=True, applications=[{}] * 100_001, as_of=AS_OF))
    assert e.path == "" and "max_batch (100000)" in e.reason, str(e)
    e = limit_error(lambda: nxkx.check_many(strict=True, applications=({} for _ in range(100_001)), as_of=AS_OF))
    assert e.path == "" and "max_batch (100000)" in e.reason
    e = limit_error(lambda: nxkx.check_many(strict=True, applications="[" + ",".join(["{}"] * 100_001) + "]", as_of=AS_OF))
    assert e.path == "" and "max_batch (100000)" in e.reason, str(e)
    # 100,000 pass the limit; then the first one cannot be read ({} has no project type).
    with pytest.raises(nxkx.InputError) as err:
        nxkx.check_many([{}] * 100_000, as_of=AS_OF, strict=True)
    assert (err.value.code, err.value.path) == ("input.missing", "/0/project_type")


def test_max_batch_of_ones_own() -> None:
    apps = [load(p) for p in sorted(EXAMPLES.glob("*.json"))[:3]]
    limits = nxkx.InputLimits(max_batch=2)
    e = limit_error(lambda: nxkx.check_many(strict=True, applications=apps, as_of=AS_OF, limits=limits))
    assert e.path == "" and "max_batch (2)" in e.reason
    e = limit_error(lambda: nxkx.check_many(strict=True, applications=json.dumps(apps), as_of=AS_OF, limits=limits, threads=2))
    assert e.path == "" and "max_batch (2)" in e.reason
    assert len(nxkx.check_many(apps[:2], as_of=AS_OF, limits=limits)) == 2
    assert len(nxkx.check_many(json.dumps(apps[:2]), as_of=AS_OF, limits=limits)) == 2
    # One application is not a batch: check() ignores max_batch.
    assert nxkx.check(apps[0], as_of=AS_OF, limits=nxkx.InputLimits(max_batch=0)).decision


def test_limits_hold_on_several_threads() -> None:
    apps = [society() for _ in range(6)]
    longest = max(len(t) for t in json.dumps(apps[0], ensure_ascii=False).encode().split(b'"'))
    apps[4] = dict(apps[4], title="x" * (longest + 1))
    apps[5] = dict(apps[5], title="x" * (longest + 1))
    limits = nxkx.InputLimits(max_string_bytes=longest)
    for threads in (1, 2, 4):
        e = limit_error(lambda: nxkx.check_many(strict=True, applications=apps, as_of=AS_OF, limits=limits, threads=threads))
        assert e.path == "/4/title" and f"max_string_bytes ({longest})" in e.reason
        texts = [json.dumps(a, ensure_ascii=False) for a in apps]
        e = limit_error(lambda: nxkx.check_many(strict=True, applications=texts, as_of=AS_OF, limits=limits, threads=threads))
        assert e.path == "/4/title" and f"max_string_bytes ({longest})" in e.reason


# ---- bounded on every face (issue 14) -----------------------------------------------------------


def test_an_endless_generator_ends_at_max_batch_plus_one() -> None:
    taken = 0

    def endless() -> Any:
        nonlocal taken
        while True:
            taken += 1
            yield {}

    e = limit_error(lambda: nxkx.check_many(endless(), as_of=AS_OF))
    assert e.path == "" and "max_batch (100000)" in e.reason, str(e)
    assert taken == 100_001, taken
    taken = 0
    e = limit_error(lambda: nxkx.check_many(endless(), as_of=AS_OF, limits=nxkx.InputLimits(max_batch=3)))
    assert "max_batch (3)" in e.reason and taken == 4, (str(e), taken)


def test_max_batch_bytes_of_a_batch_given_as_text() -> None:
    text = json.dumps([society(), society()])
    e = limit_error(lambda: nxkx.check_many(text, as_of=AS_OF, limits=nxkx.InputLimits(max_batch_bytes=len(text) - 1)))
    assert e.path == "" and f"max_batch_bytes ({len(text) - 1})" in e.reason, str(e)
    assert len(nxkx.check_many(text, as_of=AS_OF, limits=nxkx.InputLimits(max_batch_bytes=len(text)))) == 2


def test_a_notice_never_initialised_is_a_clean_error() -> None:
    n = nxkx.Notice.__new__(nxkx.Notice)
    for call in (lambda: nxkx.check(society(), as_of=AS_OF, notice=n),
                 lambda: nxkx.check_many([society()], as_of=AS_OF, notice=n),
                 lambda: repr(n), lambda: n.id, lambda: n.rules, lambda: n == nxkx.Notice.builtin()):
        with pytest.raises(TypeError, match="Notice.__new__"):
            call()
    # A real one still pickles (unpickling goes through __new__ and then __setstate__).
    assert pickle.loads(pickle.dumps(nxkx.Notice.builtin())) == nxkx.Notice.builtin()


def test_notice_load_stops_at_max_pack_bytes() -> None:
    e = limit_error(lambda: nxkx.Notice.load("/dev/zero"))
    assert "max_pack_bytes (16777216)" in e.reason, str(e)
