"""check_many: one batch, judged across (三(一)), the same on any number of native threads."""

from __future__ import annotations

import copy
import json
import sys
import threading

import pytest

import nxkx
from conftest import AS_OF, EXAMPLES, corpus_applications, load

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
