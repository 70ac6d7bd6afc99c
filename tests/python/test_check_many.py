"""check_many: one batch, judged across (三(一)), the same on any number of native threads."""

from __future__ import annotations

import copy
import json
import sys
import threading
from typing import Any, Dict, List

import pytest

import nxkx
from nxkx import _core
from conftest import AS_OF, EXAMPLES, corpus_applications, full_answer, load

APPS = corpus_applications()


def test_threads_give_the_sequential_reports() -> None:
    batch = APPS * 3  # repeats: later copies carry 三(一) duplicate findings
    sequential = [nxkx.check_many(batch, as_of=AS_OF, trace=True)]
    assert len(sequential[0]) == len(batch)
    for threads in (2, 3, 8, 1000):
        assert nxkx.check_many(batch, as_of=AS_OF, threads=threads, trace=True) == sequential[0], threads
    # Reports keep input order.
    assert [r.application_id for r in sequential[0]] == [a.get("id", "") for a in batch]


def test_the_batch_is_judged_across() -> None:
    app = load(EXAMPLES / "society_capacity.json")
    resubmitted = copy.deepcopy(app)
    resubmitted["id"] = "2025-0005-b"
    first, second = nxkx.check_many([app, resubmitted], as_of=AS_OF, threads=2)
    # Sent the same day: the later in the batch stands, the earlier is superseded by it (三(一)
    # rev. 2: needs review, never rejected for being a duplicate), and says which by its id.
    assert second.decision is nxkx.Decision.ACCEPTED
    assert first.decision is nxkx.Decision.NEEDS_REVIEW
    assert first.rule_ids == ("application.duplicate_applicant",)
    assert "application 2025-0005-b, also submitted on 2025-05-15" in first.findings[0].message("en")
    # check() looks at one application alone.
    assert nxkx.check(app, as_of=AS_OF).decision is nxkx.Decision.ACCEPTED


def test_any_mix_of_inputs() -> None:
    dicts = [load(p) for p in sorted(EXAMPLES.glob("*.json"))]
    expected = nxkx.check_many(dicts, as_of=AS_OF)
    mixed = [d if i % 3 == 0 else json.dumps(d) if i % 3 == 1 else nxkx.Application.from_dict(d)
             for i, d in enumerate(dicts)]
    assert nxkx.check_many(mixed, as_of=AS_OF, threads=2) == expected
    assert nxkx.check_many(iter(dicts), as_of=AS_OF) == expected
    assert nxkx.check_many(tuple(dicts), as_of=AS_OF) == expected
    assert nxkx.check_many(json.dumps(dicts).encode(), as_of=AS_OF) == expected
    assert nxkx.check_many([], as_of=AS_OF) == []


@pytest.mark.parametrize("threads", [1, 2, 4])
def test_the_first_bad_application_is_named_by_its_index(threads: int) -> None:
    batch = [copy.deepcopy(a) for a in APPS[:40]]
    batch[17]["submission"] = {"paper_copies": "two"}
    batch[29]["applicant"]["kind"] = "nobody"
    with pytest.raises(nxkx.InputError) as e:
        nxkx.check_many(batch, as_of=AS_OF, threads=threads, strict=True)
    assert (e.value.code, e.value.path) == ("input.type", "/17/submission/paper_copies")
    # Keeping going: each unreadable one in its place, the others checked as one batch.
    results = nxkx.check_many(batch, as_of=AS_OF, threads=threads)
    assert len(results) == 40
    errors = {i: r for i, r in enumerate(results) if isinstance(r, nxkx.InputError)}
    assert sorted(errors) == [17, 29]
    assert (errors[17].code, errors[17].path) == ("input.type", "/17/submission/paper_copies")
    assert (errors[29].code, errors[29].path) == ("input.unknown_code", "/29/applicant/kind")
    assert "全区学会" in errors[29].reason_zh  # the codes with their labels
    good = [a for i, a in enumerate(batch) if i not in errors]
    assert [r for r in results if isinstance(r, nxkx.Report)] == nxkx.check_many(good, as_of=AS_OF)
    batch[17] = '{"project_type": '
    with pytest.raises(nxkx.InputError) as e:
        nxkx.check_many(batch, as_of=AS_OF, threads=threads, strict=True)
    assert (e.value.code, e.value.path) == ("input.syntax", "/17")


def test_a_broken_element_of_a_json_text_does_not_stop_the_others() -> None:
    texts = [json.dumps(a, ensure_ascii=False) for a in APPS[:3]]
    broken = texts[1][:-1] + ',}'  # a trailing comma
    results = nxkx.check_many("[" + ",".join([texts[0], broken, texts[2]]) + "]", as_of=AS_OF)
    assert [type(r).__name__ for r in results] == ["Report", "InputError", "Report"]
    assert (results[1].code, results[1].path) == ("input.syntax", "/1")
    assert "逗号" in results[1].reason_zh and "comma" in results[1].reason
    assert results[1].message("zh").endswith("[input.syntax]")
    # An array that cannot be split into elements is still one error.
    with pytest.raises(nxkx.InputError):
        nxkx.check_many("[" + texts[0] + ",", as_of=AS_OF)


def test_other_python_threads_run_while_a_batch_is_checked() -> None:
    # With the GIL released, a Python thread keeps running during the native work. A batch that
    # takes ~0.1 s leaves it time for many iterations; holding the GIL would leave it none.
    batch = APPS * 20
    ticks = 0
    done = threading.Event()

    def count() -> None:
        nonlocal ticks
        while not done.is_set():
            ticks += 1

    t = threading.Thread(target=count)
    t.start()
    try:
        before = ticks
        nxkx.check_many([json.dumps(a) for a in batch], as_of=AS_OF, threads=2)
        during = ticks - before
    finally:
        done.set()
        t.join()
    assert during > 1000, during


def test_a_str_is_read_without_a_utf8_copy_left_in_it() -> None:
    # A non-ASCII str is encoded for the call only: PyUnicode_AsUTF8AndSize would cache a UTF-8
    # copy of the whole batch in the caller's str for as long as it lives (docs/limits.md), and
    # sys.getsizeof counts that cache.
    text = "[" + ",".join(json.dumps(a, ensure_ascii=False) for a in APPS[:20]) + "]"
    assert not text.isascii()
    size = sys.getsizeof(text)
    as_str = nxkx.check_many(text, as_of=AS_OF)
    assert sys.getsizeof(text) == size
    assert as_str == nxkx.check_many(text.encode("utf-8"), as_of=AS_OF)
    one = json.dumps(APPS[0], ensure_ascii=False)
    assert not one.isascii()
    size = sys.getsizeof(one)
    assert nxkx.check(one, as_of=AS_OF) == nxkx.check(one.encode("utf-8"), as_of=AS_OF)
    assert sys.getsizeof(one) == size


# ---- a non-ASCII str batch, read element by element ------------------------------------------
#
# check_many(str) finds the elements of the top-level array in the str's own code units and
# encodes one element at a time to UTF-8 (no copy of the whole text); whatever it does not read
# that way (an error of the text, a limit, a surrogate, not an array …) is read whole, as the
# text's UTF-8. Either way the answer is check_many(text.encode("utf-8", "surrogatepass"))'s, to
# the letter of every reason. _core._streamed_str_batches() counts the batches read element by
# element.


def same_as_utf8(text: str, expect_streamed: bool, **kw: Any) -> Any:
    """check_many(text) answers as check_many of its UTF-8, keeping going and strict, each read
    element by element or whole as `expect_streamed` says."""
    assert not text.isascii()
    kw.setdefault("as_of", AS_OF)
    utf8 = text.encode("utf-8", "surrogatepass")
    out = None
    for strict in (False, True):
        before = _core._streamed_str_batches()
        got = full_answer(lambda: nxkx.check_many(text, strict=strict, **kw))
        streamed = _core._streamed_str_batches() - before
        assert got == full_answer(lambda: nxkx.check_many(utf8, strict=strict, **kw)), (strict, got)
        assert streamed == (1 if expect_streamed else 0), (strict, got)
        out = out or got
    return out


def element(i: int, **changes: Any) -> Dict[str, Any]:
    app = copy.deepcopy(APPS[i % len(APPS)])
    app.update(changes)
    return app


def batch_text(items: List[Any], sep: str = ",") -> str:
    return "[" + sep.join(i if isinstance(i, str) else json.dumps(i, ensure_ascii=False) for i in items) + "]"


def test_a_str_batch_is_read_element_by_element() -> None:
    apps = [element(i) for i in range(12)] + [element(0), element(1)]  # duplicates: amended reports
    kind, got = same_as_utf8(batch_text(apps), True, threads=2)
    assert kind == "returned" and len(got) == 14 and all(g[0] == "report" for g in got)
    # Each width of str: Latin-1 (1 byte a character), the BMP (2) and beyond it (4).
    for title in ("Société é", "宁夏科协", "科协 😀 𠀀"):
        same_as_utf8(batch_text([element(0, title=title), element(3)]), True)
    # White space per JSON around and between the elements; strings holding what ends an element
    # or a string ("]", "},", an escaped quote and backslash), and escapes of non-ASCII.
    same_as_utf8(" \t\r\n[ \n" + batch_text([element(2, title='宁夏 "]}, \\ ')], sep=" ,\n")[1:-1] + "\n ] \n", True)
    escaped = json.dumps(element(4, title='中文 \\" ]'), ensure_ascii=True).replace("\\\\", "\\u005c")
    same_as_utf8(batch_text([escaped, element(5, title="中\\u4e2d")]), True)


def test_what_a_str_batch_element_says_is_its_error_in_place() -> None:
    bad_kind = element(1)
    bad_kind["applicant"]["kind"] = "nobody"
    kind, got = same_as_utf8(batch_text([element(0), bad_kind, element(2, submission={"paper_copies": "两"})]), True)
    assert [g[0] for g in got] == ["report", "InputError", "InputError"]
    assert got[1][1:3] == ("input.unknown_code", "/1/applicant/kind")
    assert got[2][1:3] == ("input.type", "/2/submission/paper_copies")
    # Not an object; a text named by file (strict: after every error of the model).
    named = element(3)
    named["records"] = {"texts": [{"type": "case_study", "file": "案例.docx"}]}
    same_as_utf8(batch_text([element(0), named, bad_kind]), True)
    same_as_utf8(batch_text([element(0), named]), True)
    same_as_utf8(batch_text([element(0), "[1, 2]"]), False)  # an element not an object: read whole


def test_a_str_batch_the_scan_does_not_read_is_read_whole() -> None:
    good = json.dumps(element(0), ensure_ascii=False)
    # A syntax error inside an element: its reason names the byte, line and column of the whole text.
    kind, got = same_as_utf8(batch_text([element(1), good[:-1] + ",}", element(2)]), False)
    assert got[1][1:3] == ("input.syntax", "/1") and "line" in got[1][3]
    same_as_utf8(batch_text([element(1), '{"title": "中" "x"}']), False)
    same_as_utf8(batch_text([element(1), good.replace('"title"', '"ti\ntle"', 1)]), False)  # a raw control character
    # Lone surrogates (encoded with surrogatepass, as before), in a string or outside one.
    same_as_utf8(batch_text([element(1), element(0, title="宁\ud800")]), False)
    same_as_utf8(batch_text([element(1), "\udfff" + good]), False)
    # A top level that is not an array, an array that does not close, an empty element,
    # trailing garbage, a byte order mark.
    same_as_utf8(good, False)
    same_as_utf8("[" + good, False)
    same_as_utf8("[" + good + ",]", False)
    same_as_utf8("[" + good + ",," + good + "]", False)
    same_as_utf8(batch_text([good]) + " 中", False)
    same_as_utf8(batch_text([good]) + "]", False)
    same_as_utf8("[" + good + "}]", False)
    same_as_utf8("\ufeff" + batch_text([good]), False)
    same_as_utf8("[\ufeff" + good + "]", False)
    # An empty array has no non-ASCII character: it is read in place, as every ASCII str.
    assert nxkx.check_many("[]", as_of=AS_OF) == nxkx.check_many(b"[]", as_of=AS_OF) == []


def test_a_str_batch_keeps_every_limit() -> None:
    apps = [element(i) for i in range(5)]
    text = batch_text(apps)
    utf8 = len(text.encode())
    assert utf8 > len(text) + 100  # the UTF-8 is longer than the str: the limits count bytes
    longest = max(len(json.dumps(a, ensure_ascii=False).encode()) for a in apps)
    for limits, streamed in [
        (nxkx.InputLimits(max_batch_bytes=utf8), True),
        (nxkx.InputLimits(max_batch_bytes=utf8 - 1), False),  # refused as a whole
        (nxkx.InputLimits(max_batch_bytes=len(text)), False),
        (nxkx.InputLimits(max_bytes=longest), True),
        (nxkx.InputLimits(max_bytes=longest - 1), False),  # that element refused
        (nxkx.InputLimits(max_batch=5), True),
        (nxkx.InputLimits(max_batch=4), False),  # refused at element 5
        (nxkx.InputLimits(max_batch=0), False),
        (nxkx.InputLimits(max_string_bytes=40), False),
        (nxkx.InputLimits(max_list_items=1), False),
        (nxkx.InputLimits(max_depth=0), False),
    ]:
        got = same_as_utf8(text, streamed, limits=limits)
        assert streamed or "input.limit" in repr(got), limits
    # max_depth: the batch's array is one level of it.
    deep = element(0, title="宁夏")
    deep["records"] = {"texts": [{"type": "case_study", "content": "案例"}]}  # object, list, object: 4 levels
    for depth, streamed in [(5, True), (4, False), (64, True)]:
        same_as_utf8(batch_text([deep, element(1)]), streamed, limits=nxkx.InputLimits(max_depth=depth))
    # Leading white space counts against max_bytes.
    same_as_utf8(" " * 50 + text, True, limits=nxkx.InputLimits(max_bytes=max(longest, 50)))
    same_as_utf8(" " * (longest + 1) + text, False, limits=nxkx.InputLimits(max_bytes=longest))
