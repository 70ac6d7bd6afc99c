"""Dicts are read straight into the reader's tree (bindings/python/wire.cpp), with no JSON text in
between: whatever a dict holds, check(dict) answers as check(its compact JSON text) does, the
same report or the same error (code, path and reason, byte offsets included, which count bytes of
json.dumps(dict, ensure_ascii=False, separators=(",", ":"))), whatever the limits. What JSON text
cannot hold (NaN, ∞, a key that is neither str nor int, a set …) is refused naming its path."""

from __future__ import annotations

import copy
import datetime
import json
import math
import os
import tempfile
from typing import Any, Callable, Dict, List, Optional, Tuple

import pytest
from hypothesis import HealthCheck, assume, given, settings, strategies as st
from hypothesis.configuration import set_hypothesis_home_dir

import nxkx
from conftest import AS_OF, corpus_applications, load, EXAMPLES

APPS: List[Dict[str, Any]] = corpus_applications()

# Hypothesis's cache in the temporary directory, not in the source tree (as test_hypothesis.py).
if not os.environ.get("HYPOTHESIS_STORAGE_DIRECTORY"):
    set_hypothesis_home_dir(os.path.join(tempfile.gettempdir(), f"nxkx-hypothesis-{os.getuid()}"))


def compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def answer(call: Callable[[], Any]) -> Tuple[str, Any]:
    try:
        return "ok", call()
    except nxkx.InputError as e:
        return "error", (e.code, e.path, e.reason, e.reason_zh)


def check(value: Any, limits: Optional[nxkx.InputLimits] = None) -> Tuple[str, Any]:
    return answer(lambda: nxkx.check(value, as_of=AS_OF, limits=limits))


def same(value: Any, limits: Optional[nxkx.InputLimits] = None) -> Tuple[str, Any]:
    """check(value) and check(its compact text) agree; the answer."""
    from_dict = check(value, limits)
    from_text = check(compact(value), limits)
    assert from_dict == from_text, (from_dict, from_text)
    return from_dict


def test_every_corpus_application_reads_as_its_text() -> None:
    assert len(APPS) > 50
    for app in APPS:
        kind, _ = same(app)
        assert kind == "ok"


def test_check_many_on_dicts_answers_as_on_texts() -> None:
    broken = copy.deepcopy(APPS[0])
    broken["title"] = 12
    apps = APPS[:20] + [broken, {"x": [1] * 10_001}]
    from_dicts = nxkx.check_many(apps, as_of=AS_OF, threads=2)
    from_texts = nxkx.check_many([compact(a) for a in apps], as_of=AS_OF, threads=2)
    assert len(from_dicts) == len(from_texts) == len(apps)
    for d, t in zip(from_dicts, from_texts):
        if isinstance(t, nxkx.InputError):
            assert (d.code, d.path, d.reason) == (t.code, t.path, t.reason)
        else:
            assert d == t
    assert from_dicts[-2].code == "input.type" and from_dicts[-2].path == "/20/title"
    assert from_dicts[-1].code == "input.limit" and from_dicts[-1].path == "/21/x"


def test_limits_are_crossed_where_the_text_crosses_them() -> None:
    society = load(EXAMPLES / "society_capacity.json")
    size = len(compact(society).encode())
    # max_bytes is the compact text's length: exactly that many bytes is allowed.
    assert same(society, nxkx.InputLimits(max_bytes=size))[0] == "ok"
    kind, (code, path, reason, _) = same(society, nxkx.InputLimits(max_bytes=size - 1))
    assert (kind, code, path) == ("error", "input.limit", "")
    assert f"is {size} bytes, more than max_bytes ({size - 1})" in reason
    # Depth, strings (values and keys), numbers and lists, each with the text's byte offset.
    cases = [
        ({"a": {"b": {"c": {}}}}, nxkx.InputLimits(max_depth=3), "/a/b/c", "max_depth (3)"),
        ({"title": "x" * 11}, nxkx.InputLimits(max_string_bytes=10), "/title", "at byte 9"),
        ({"k" * 11: 1}, nxkx.InputLimits(max_string_bytes=10), "", "at byte 1"),
        ({"id": 12345678901}, nxkx.InputLimits(max_string_bytes=10), "/id", "at byte 6"),
        ({"id": False}, nxkx.InputLimits(max_string_bytes=4), "/id", "at byte 6"),
        ({"a": 1, "b": [1, "\n", 3]}, nxkx.InputLimits(max_list_items=2), "/b", "at byte 19"),
    ]
    for value, limits, where, words in cases:
        kind, (code, path, reason, _) = same(value, limits)
        assert (kind, code, path) == ("error", "input.limit", where), (value, reason)
        assert words in reason, (value, reason)
    # Past max_bytes, the size is what is wrong, whatever else is.
    kind, (code, path, reason, _) = same({"a": "x" * 50, "b": {"c": {}}}, nxkx.InputLimits(max_bytes=40, max_depth=2))
    assert (code, path) == ("input.limit", "") and "max_bytes (40)" in reason


def test_integers_beyond_int64_are_out_of_range() -> None:
    for big in (2**63, -(2**63) - 1, 10**30):
        app = dict(APPS[0], id=big)
        kind, (code, path, reason, _) = same(app)
        assert (kind, code, path) == ("error", "input.range", "/id")
        assert str(big) in reason
    assert same(dict(APPS[0], id=2**63 - 1))[0] == "error"  # an int where a str belongs: input.type


def test_bool_is_not_an_int() -> None:
    app = copy.deepcopy(APPS[0])
    app["submission"] = dict(app.get("submission") or {}, paper_copies=True)
    kind, (code, path, _, _) = same(app)
    assert (kind, code, path) == ("error", "input.type", "/submission/paper_copies")


def test_what_json_cannot_hold_is_refused_naming_its_path() -> None:
    base = copy.deepcopy(APPS[0])
    for value, code, words in [
        (math.nan, "input.range", "nan"),
        (math.inf, "input.range", "inf"),
        (-math.inf, "input.range", "-inf"),
        ({1.5: "x"}, "input.type", "float"),
        ({None: "x"}, "input.type", "NoneType"),
        ({(1, 2): "x"}, "input.type", "tuple"),
        ({True: "x"}, "input.type", "bool"),
        ({1, 2}, "input.type", "set"),
        (b"x", "input.type", "bytes"),
    ]:
        app = dict(base, records={"nested": [0, value]})
        kind, (c, path, reason, _) = check(app)
        assert (kind, c, path) == ("error", code, "/records/nested/1"), (value, reason)
        assert words in reason, (value, reason)
    kind, (c, path, reason, _) = check(dict(base, title="\ud800"))
    assert (kind, c, path) == ("error", "input.utf8", "/title")


def test_int_keys_read_as_their_digits() -> None:
    value = {"history": {2024: {}}, "x": 1}
    assert check(value) == check(compact(value))  # json.dumps writes 2024 as "2024" too
    # An int key and its digits as a str are the same key twice, as in the text.
    twice = dict(APPS[0], **{"title": "x"})
    twice[1] = 1
    twice["1"] = 2
    assert check(twice) == check(compact(twice))
    assert check(twice)[0] == "error"


def test_a_self_referencing_dict_is_refused_for_its_depth() -> None:
    d: Dict[str, Any] = {}
    d["a"] = d
    d["b"] = d
    kind, (code, path, reason, _) = check(d)
    assert (kind, code) == ("error", "input.limit") and "max_depth (64)" in reason
    assert path == "/a" * 64


def test_a_dict_changed_while_read_is_refused() -> None:
    class Grow(datetime.tzinfo):
        def utcoffset(self, dt: Any) -> datetime.timedelta:
            items.append(1)
            return datetime.timedelta(hours=8)

    items: List[Any] = [datetime.datetime(2025, 5, 1, tzinfo=Grow())]
    with pytest.raises(RuntimeError):
        nxkx.check({"records": {"x": items}}, as_of=AS_OF)

# ---- properties, with Hypothesis (derandomized: the same examples on every run) ----------------

unicode_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
keys = st.sampled_from(sorted({k for a in APPS[:10] for k in a})) | unicode_text
scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.sampled_from([2**63 - 1, 2**63, -(2**63), -(2**63) - 1, 10**30])
    | st.floats(allow_nan=False, allow_infinity=False)
    | unicode_text
    | st.sampled_from(["\x00", "\x1f\x7f\u2028\u2029", '"\\/', "字" * 20, "2025-05-15"])
)
values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=5) | st.dictionaries(keys | st.integers(2000, 2030), children, max_size=6),
    max_leaves=30,
)
limits = st.builds(
    nxkx.InputLimits,
    max_bytes=st.integers(1, 400),
    max_depth=st.integers(1, 5),
    max_string_bytes=st.integers(1, 30),
    max_list_items=st.integers(1, 4),
)

props = settings(max_examples=150, deadline=None, derandomize=True, database=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@st.composite
def mutated(draw: Callable[..., Any]) -> Dict[str, Any]:
    app = copy.deepcopy(draw(st.sampled_from(APPS)))
    for _ in range(draw(st.integers(1, 3))):
        app[draw(keys)] = draw(values)
    return app


@props
@given(st.one_of(mutated(), st.dictionaries(keys, values, max_size=8), st.lists(values, max_size=3)))
def test_a_dict_answers_as_its_text(value: Any) -> None:
    try:
        compact(value)
    except ValueError:
        assume(False)  # an int too long for str()
    same(value)


@props
@given(st.one_of(mutated(), st.dictionaries(keys, values, max_size=8)), limits)
def test_a_dict_answers_as_its_text_whatever_the_limits(value: Any, lim: nxkx.InputLimits) -> None:
    try:
        compact(value)
    except ValueError:
        assume(False)
    same(value, lim)
