"""Properties, with Hypothesis: whatever a caller hands nxkx (any nested dicts, lists, strings,
ints, floats, bools and None; the example applications with values replaced, inserted or
deleted at random places; any bytes or str as JSON text), the answer is a report or an
exception that is an ``nxkx.Error`` (``InputError`` …). Never another exception, never a crash.
And the ways in agree: a dict and its JSON text, check() and check_many(), one thread and two.

ctest runs the "ci" profile: few examples, derandomized (the same examples on every run, no
example database written), a few seconds in all. The "long" profile runs 50 times as many, from
a fresh random seed each time (several minutes); run it by hand:

    NXKX_HYPOTHESIS_PROFILE=long PYTHONPATH=build/dev/python /usr/bin/python3 -m pytest -q \\
        -p no:cacheprovider tests/python/test_hypothesis.py

A failure prints the smallest example Hypothesis found; in the "long" profile it also prints a
``@reproduce_failure`` decorator that replays it.
"""

from __future__ import annotations

import copy
import datetime
import json
import os
import tempfile
from typing import Any, Callable, Dict, List, Optional, Tuple

from hypothesis import HealthCheck, assume, event, given, settings, strategies as st
from hypothesis.configuration import set_hypothesis_home_dir

import nxkx
from nxkx import _core
from conftest import AS_OF, EXAMPLES, full_answer, load

PROFILE = os.environ.get("NXKX_HYPOTHESIS_PROFILE", "ci")
assert PROFILE in ("ci", "long"), f"NXKX_HYPOTHESIS_PROFILE must be 'ci' or 'long', not {PROFILE!r}"
LONG = PROFILE == "long"

# Hypothesis keeps a cache (of Unicode tables) in ./.hypothesis, which would be the source tree:
# somewhere in the temporary directory instead, unless HYPOTHESIS_STORAGE_DIRECTORY says where.
if not os.environ.get("HYPOTHESIS_STORAGE_DIRECTORY"):
    set_hypothesis_home_dir(os.path.join(tempfile.gettempdir(), f"nxkx-hypothesis-{os.getuid()}"))


def budget(examples: int) -> settings:
    """The settings of one property: `examples` in CI (derandomized), 50 times as many by hand."""
    return settings(
        max_examples=examples * 50 if LONG else examples,
        deadline=None,
        derandomize=not LONG,
        database=None,  # nothing written into the source tree (ctest runs in tests/python)
        print_blob=LONG,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )


EXAMPLE_APPS: List[Dict[str, Any]] = [load(p) for p in sorted(EXAMPLES.glob("*.json"))]
EXAMPLE_TEXTS: List[bytes] = [p.read_bytes() for p in sorted(EXAMPLES.glob("*.json"))]


def all_keys(value: Any, out: set) -> set:
    if isinstance(value, dict):
        for k, v in value.items():
            out.add(k)
            all_keys(v, out)
    elif isinstance(value, list):
        for v in value:
            all_keys(v, out)
    return out


# The format's own words, so that random documents and insertions get past "unknown field".
FIELD_NAMES = sorted(set().union(*(all_keys(a, set()) for a in EXAMPLE_APPS)))
CODES = sorted({c for codes in _core._codes().values() for c in codes})
PROJECT_TYPES = [t.code for t in nxkx.Notice.builtin().project_types]

# ---- strategies ---------------------------------------------------------------------------------

# Any Unicode scalar value but the surrogates: control characters, non-BMP, NUL, U+FFFF …
unicode_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
edge_ints = st.sampled_from(
    [0, -1, 1, 2, 2**31, 2**53 + 1, 2**63 - 1, 2**63, -(2**63), -(2**63) - 1, 2**64, 10**30, -(10**400)]
) | st.builds(pow, st.just(10), st.just(5000))  # more digits than str() will write (a repr() of its own)
ints = st.integers(min_value=-10, max_value=3000) | st.integers() | st.integers(-(2**200), 2**200) | edge_ints
floats = st.floats()  # nan, ±inf, -0.0, subnormals included
strings = (
    unicode_text
    | st.sampled_from(FIELD_NAMES + CODES + PROJECT_TYPES)
    | st.dates().map(datetime.date.isoformat)
    | st.sampled_from(["2025-02-30", "2025-05-16T16:30:00Z", "2025-05-16T23:59:59+08:00", "", " ", "\x00", "\ud7ff",
                       "\U0010ffff", "字" * 3000, "51640000MJX000018H"])
)
dates = st.dates() | st.datetimes() | st.datetimes(
    timezones=st.builds(datetime.timezone, st.timedeltas(min_value=datetime.timedelta(hours=-23),
                                                         max_value=datetime.timedelta(hours=23)))
)
json_scalars = st.none() | st.booleans() | ints | floats | strings
keys = st.sampled_from(FIELD_NAMES) | unicode_text
json_keys = keys | st.integers(2000, 2030)  # history years may be int keys

# JSON-shaped Python values only (what json.dumps can write, once NaN and huge ints are out).
json_values = st.recursive(
    json_scalars,
    lambda children: st.lists(children, max_size=5) | st.dictionaries(keys, children, max_size=6),
    max_leaves=25,
)
# Also Python values JSON cannot hold (dates the binding writes, and sets, bytes, tuples …).
python_scalars = json_scalars | dates | st.sampled_from([b"2", bytearray(b"x"), {1, 2}, frozenset(), (), (1, "a"),
                                                         complex(1, 2), object()])
python_values = st.recursive(
    python_scalars,
    lambda children: st.lists(children, max_size=5)
    | st.tuples(children, children)
    | st.dictionaries(json_keys, children, max_size=6),
    max_leaves=25,
)


def places(value: Any, path: Tuple[Any, ...] = ()) -> List[Tuple[Any, ...]]:
    out = [path]
    if isinstance(value, dict):
        for k, v in value.items():
            out.extend(places(v, path + (k,)))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out.extend(places(v, path + (i,)))
    return out


def at(value: Any, path: Tuple[Any, ...]) -> Any:
    for k in path:
        value = value[k]
    return value


@st.composite
def mutated_application(draw: Callable[..., Any], values: st.SearchStrategy = python_values) -> Dict[str, Any]:
    """An example application with 1-4 values replaced, inserted or deleted at random places."""
    app = copy.deepcopy(draw(st.sampled_from(EXAMPLE_APPS)))
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(places(app)))
        target = at(app, path)
        op = draw(st.sampled_from(["replace", "insert", "delete"]))
        if op == "insert" and isinstance(target, dict):
            target[draw(json_keys if values is python_values else keys)] = draw(values)
        elif op == "insert" and isinstance(target, list):
            target.insert(draw(st.integers(0, len(target))), draw(values))
        elif path == ():
            continue  # the root is only ever inserted into
        elif op == "delete":
            del at(app, path[:-1])[path[-1]]
        else:
            at(app, path[:-1])[path[-1]] = draw(values)
    return app


@st.composite
def mutated_text(draw: Callable[..., Any]) -> bytes:
    """An example application's text with a few bytes flipped, inserted or cut."""
    b = bytearray(draw(st.sampled_from(EXAMPLE_TEXTS)))
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(b)))
        op = draw(st.sampled_from(["flip", "insert", "delete", "truncate"]))
        if op == "flip" and i < len(b):
            b[i] = draw(st.integers(0, 255))
        elif op == "insert":
            b[i:i] = draw(st.binary(min_size=1, max_size=4) | st.sampled_from([b"[", b"{", b'"', b"\\u", b"\xf0\x9f"]))
        elif op == "delete":
            del b[i : i + draw(st.integers(1, 8))]
        else:
            del b[i:]
    return bytes(b)


# ---- the outcomes -------------------------------------------------------------------------------


def outcome(call: Callable[[], Any]) -> Tuple[str, Any]:
    """("ok", result) or ("error", the nxkx.Error). Any other exception fails the test."""
    try:
        return "ok", call()
    except nxkx.Error as e:
        assert e.code and isinstance(e.code, str) and isinstance(e.path, str) and e.reason, repr(e)
        assert e.path == "" or e.path.startswith("/"), repr(e)
        return "error", e


def check(application: Any) -> Tuple[str, Any]:
    kind, result = outcome(lambda: nxkx.check(application, as_of=AS_OF))
    if kind == "ok":
        assert isinstance(result, nxkx.Report)
        assert isinstance(result.decision, nxkx.Decision)
        json.loads(result.to_json())  # the report is JSON
    else:
        assert isinstance(result, nxkx.InputError) and result.code.startswith("input."), repr(result)
    return kind, result


def read(application: Any) -> Tuple[str, Any]:
    """Application.from_dict / from_json, and a model read back from its own JSON."""
    reader = nxkx.Application.from_dict if isinstance(application, (dict, list)) else nxkx.Application.from_json
    kind, app = outcome(lambda: reader(application))
    if kind == "ok":
        assert isinstance(app, nxkx.Application)
        assert nxkx.Application.from_json(app.to_json()) == app
        assert nxkx.Application.from_dict(app.to_dict()) == app
    else:
        assert isinstance(app, nxkx.InputError), repr(app)
    return kind, app


def same_answer(a: Tuple[str, Any], b: Tuple[str, Any]) -> None:
    """Both read with the same report, or both refused with the same code at the same place."""
    assert a[0] == b[0], (a, b)
    if a[0] == "ok":
        assert a[1] == b[1]
    else:
        assert (a[1].code, a[1].path) == (b[1].code, b[1].path), (str(a[1]), str(b[1]))


def as_json_text(value: Any) -> Optional[str]:
    """json.dumps of a JSON-shaped value, or None when JSON cannot hold it (NaN, ∞, a number
    too long for str())."""
    try:
        return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    except ValueError:
        return None


# ---- properties ---------------------------------------------------------------------------------


@budget(200)
@given(python_values)
def test_any_python_value_is_a_report_or_an_input_error(value: Any) -> None:
    check(value)
    if isinstance(value, dict):
        read(value)


@budget(200)
@given(mutated_application())
def test_a_mutated_application_is_a_report_or_an_input_error(app: Dict[str, Any]) -> None:
    kind, report = check(app)
    read_kind, model = read(app)
    # The reader judges the model and check() alike; a model checks as the dict does.
    assert read_kind == kind, (report, model)
    if kind == "ok":
        assert nxkx.check(model, as_of=AS_OF) == report


@budget(150)
@given(st.one_of(mutated_application(json_values), st.dictionaries(keys, json_values, max_size=8),
                st.lists(json_values, max_size=3)))
def test_a_dict_and_its_json_text_give_the_same_answer(value: Any) -> None:
    text = as_json_text(value)
    assume(text is not None)
    from_dict = check(value)
    same_answer(from_dict, check(text))
    same_answer(from_dict, check(text.encode()))
    if isinstance(value, dict):
        same_answer(read(value), read(text))


@budget(80)
@given(
    st.lists(st.one_of(mutated_application(), st.sampled_from(EXAMPLE_APPS), python_values), min_size=1, max_size=5),
    st.sampled_from([1, 2]),
)
def test_check_many_answers_as_check_does(apps: List[Any], threads: int) -> None:
    kind, result = outcome(lambda: nxkx.check_many(apps, as_of=AS_OF, threads=threads, strict=True))
    # Keeping going, element i is what check() says of it alone: an error, or a report.
    kept = nxkx.check_many(apps, as_of=AS_OF, threads=threads)
    assert len(kept) == len(apps)
    alone = [check(a) for a in apps]
    first_error = next((i for i, (k, _) in enumerate(alone) if k == "error"), None)
    if kind == "ok":
        assert first_error is None
        assert len(result) == len(apps) and all(isinstance(r, nxkx.Report) for r in result)
        # Across the batch 三(一) may add findings, never take any away.
        for r, (_, one) in zip(result, alone):
            assert set(one.rule_ids) <= set(r.rule_ids)
        assert nxkx.check_many(apps, as_of=AS_OF, threads=3 - threads, strict=True) == result
        assert kept == result
    else:
        # The batch's error is that of its first unreadable application, at its index.
        assert first_error is not None, repr(result)
        e = alone[first_error][1]
        assert (result.code, result.path) == (e.code, f"/{first_error}{e.path}"), (str(result), str(e))
    for i, (k, one) in enumerate(alone):
        if k == "error":
            assert isinstance(kept[i], nxkx.InputError), repr(kept[i])
            assert (kept[i].code, kept[i].path) == (one.code, f"/{i}{one.path}")
        else:
            assert isinstance(kept[i], nxkx.Report), repr(kept[i])


@budget(200)
@given(st.binary(max_size=200) | st.text(st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_any_text_is_a_report_or_an_input_error(text: Any) -> None:
    check(text)
    read(text)
    outcome(lambda: nxkx.check_many(text, as_of=AS_OF))


@budget(200)
@given(mutated_text())
def test_a_mutated_application_text_is_a_report_or_an_input_error(text: bytes) -> None:
    assume(not text.startswith(b"\xef\xbb\xbf"))  # a byte order mark starts a document only
    kind, alone = check(text)
    read(text)
    # The same text as the second application of a batch: read as well, or refused as well.
    batch = b"[" + EXAMPLE_TEXTS[0] + b"," + text + b"]"
    batch_kind, result = outcome(lambda: nxkx.check_many(batch, as_of=AS_OF, threads=2, strict=True))
    if kind == "ok":
        assert batch_kind == "ok", str(result)
    elif batch_kind == "error" and alone.code not in ("input.syntax", "input.utf8"):
        # A well-formed text refused for what it says: for the same reason at the same place.
        assert (result.code, result.path) == (alone.code, "/1" + alone.path), (str(result), str(alone))


@budget(80)
@given(mutated_application(json_values), st.sampled_from(["max_depth", "max_string_bytes", "max_list_items",
                                                          "max_bytes"]), st.integers(0, 40))
def test_limits_of_ones_own_are_a_report_or_an_input_error(app: Dict[str, Any], name: str, n: int) -> None:
    limits = nxkx.InputLimits(**{name: n * 100 if name == "max_bytes" else n})
    kind, result = outcome(lambda: nxkx.check(app, as_of=AS_OF, limits=limits))
    if kind == "error" and result.code == "input.limit":
        assert f"{name} ({getattr(limits, name)})" in result.reason, str(result)
    text = as_json_text(app)
    if text is not None and name != "max_bytes":  # json.dumps escapes \b and \f in fewer bytes
        same_answer((kind, result), outcome(lambda: nxkx.check(text, as_of=AS_OF, limits=limits)))


# ---- a non-ASCII str batch ----------------------------------------------------------------------

# Strings that the scan of a str batch must see through: what ends a string or an element inside
# one, escapes (of a quote, a backslash, non-ASCII), every width of character.
tricky_strings = st.lists(
    st.sampled_from(['\\"', "\\\\", "\\u4e2d", "\\ud83d\\ude00", "\\n", '"', "\\", "]", "}", "[", "{", ",", " ",
                     "宁夏", "é", "😀", "\u2028"]) | unicode_text,
    max_size=6,
).map("".join)


@st.composite
def str_batch_element(draw: Callable[..., Any]) -> Tuple[str, bool]:
    """One element of a batch as text, and whether it is a well-formed JSON object: an example
    (its title replaced), a mutated application or JSON value, nested arrays, a broken text, a
    lone surrogate."""
    kind = draw(st.sampled_from(["example"] * 5 + ["mutated"] * 2 + ["value", "nested", "broken", "malformed",
                                                                     "surrogate"]))
    if kind in ("example", "malformed", "surrogate"):
        app = copy.deepcopy(draw(st.sampled_from(EXAMPLE_APPS)))
        app["title"] = draw(tricky_strings)
        text = json.dumps(app, ensure_ascii=draw(st.sampled_from([False, False, True])))
        if kind == "example":
            return text, True
        if kind == "malformed":  # brackets still matched: the element itself is malformed
            edit = draw(st.sampled_from([(-1, ",}"), ('": ', '" '), ('"title": "', '"title": "\n'),
                                         ("true", "tru"), (", ", "，"), ('"id"', "'id'"), ("[", "[,")]))
            if edit[0] == -1:
                return text[:-1] + edit[1], False
            return text.replace(edit[0], edit[1], 1), edit[0] not in text
        i = draw(st.integers(0, len(text)))
        return text[:i] + draw(st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)) + text[i:], False
    if kind == "mutated":
        text = as_json_text(draw(mutated_application(json_values)))
        assume(text is not None)
        return text, True
    if kind == "value":
        text = as_json_text(draw(json_values))
        assume(text is not None)
        return text, text.startswith("{")
    if kind == "nested":
        depth = draw(st.integers(1, 12))
        return '{"records": ' + "[" * depth + '"中"' + "]" * depth + "}", True
    return draw(mutated_text()).decode("utf-8", "surrogateescape"), False


@st.composite
def str_batch(draw: Callable[..., Any]) -> Tuple[str, bool]:
    """A batch as a str, and whether it is an array of well-formed objects only."""
    elements = draw(st.lists(str_batch_element(), min_size=1, max_size=5))
    space = st.sampled_from(["", " ", "\n", " \t\r\n"])
    inner = "".join((draw(space) + t + draw(space) + ("," if i + 1 < len(elements) else ""))
                    for i, (t, _) in enumerate(elements))
    text = draw(space) + "[" + inner + "]" + draw(space)
    clean = all(ok for _, ok in elements)
    frame = draw(st.sampled_from(["as is"] * 12 + ["unclosed", "trailing", "empty element", "bom"]))
    if frame == "unclosed":
        text, clean = text.rstrip()[:-1], False
    elif frame == "trailing":
        text, clean = text + draw(st.sampled_from(["x", "中", "]", ",", "{}"])), False
    elif frame == "empty element":
        text, clean = text.replace("[", "[,", 1), False
    elif frame == "bom":
        text, clean = "\ufeff" + text, False
    return text, clean


@budget(100)
@given(
    str_batch(),
    st.sampled_from([None, None, {"max_depth": 4}, {"max_depth": 6}, {"max_bytes": 3000}, {"max_batch": 2},
                     {"max_string_bytes": 30}, {"max_batch_bytes": 6000}]),
    st.sampled_from([1, 2]),
    st.booleans(),
)
def test_a_str_batch_answers_as_its_utf8(batch: Tuple[str, bool], limit: Optional[Dict[str, int]], threads: int,
                                         strict: bool) -> None:
    text, clean = batch
    assume(not text.isascii())
    limits = nxkx.InputLimits(**limit) if limit else None
    before = _core._streamed_str_batches()
    got = full_answer(lambda: nxkx.check_many(text, as_of=AS_OF, threads=threads, limits=limits, strict=strict))
    streamed = _core._streamed_str_batches() - before
    event("read element by element" if streamed else "read whole")
    utf8 = text.encode("utf-8", "surrogatepass")
    assert got == full_answer(lambda: nxkx.check_many(utf8, as_of=AS_OF, threads=threads, limits=limits,
                                                      strict=strict)), text
    if clean and limits is None and "input.syntax" not in repr(got):
        # An array of well-formed objects within the limits is read element by element. (A mutated
        # application may still be malformed for this reader: a number out of range.)
        assert streamed == 1, got
