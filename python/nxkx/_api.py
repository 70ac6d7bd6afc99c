"""check and check_many: the engine's entry points, with Python arguments."""

from __future__ import annotations

import datetime
from typing import Any, Iterable, List, Mapping, Optional, Union

from . import _core
from ._enums import Severity, Stage
from ._errors import InputError
from ._limits import InputLimits, _limits_argument
from ._model import Application

_DEFAULT_LIMITS = InputLimits()

__all__ = ["check", "check_many"]

#: What check() takes as an application: the JSON form as Python objects, JSON text, or a model.
ApplicationLike = Union[Mapping[str, Any], str, bytes, Application]
DateArg = Union[datetime.date, str]


def _wire(application: Any) -> Any:
    return application.to_dict() if isinstance(application, Application) else application


def check(
    application: ApplicationLike,
    *,
    as_of: DateArg,
    stage: Union[Stage, str] = Stage.APPLICATION,
    notice: Optional[_core.Notice] = None,
    trace: bool = False,
    bad_credit_code: Union[Severity, str] = Severity.INCOMPLETE,
    limits: Optional[InputLimits] = None,
) -> _core.Report:
    """Checks one application on its own (no duplicate detection across a batch).

    ``application`` is a dict (the JSON form of docs/application-format.md; dates may be
    ``datetime.date`` / ``datetime.datetime``), JSON text, or an ``Application``. ``as_of`` is
    the date of the check (a ``datetime`` counts by its China date): results never depend on
    the machine's clock. ``notice`` defaults to the built-in 2025 notice. A rejected application
    is a Report; only an input that cannot be read raises (``InputError``). ``limits`` (an
    ``InputLimits``, the library's defaults when None) bounds what the input may hold: crossing
    one raises ``InputError`` with code ``"input.limit"``.
    """
    return _core._check(
        notice, _wire(application), as_of, stage, trace, bad_credit_code, _limits_argument(limits)
    )


def check_many(
    applications: Union[Iterable[ApplicationLike], str, bytes],
    *,
    as_of: DateArg,
    threads: int = 1,
    stage: Union[Stage, str] = Stage.APPLICATION,
    notice: Optional[_core.Notice] = None,
    trace: bool = False,
    bad_credit_code: Union[Severity, str] = Severity.INCOMPLETE,
    limits: Optional[InputLimits] = None,
    strict: bool = False,
) -> List[Union[_core.Report, InputError]]:
    """Checks a batch: each application on its own, then 三(一) across the batch (one applicant,
    one application per project type). The first in order stands. Results keep input order.

    ``applications`` is a list (any iterable) of what check() takes, or one JSON text holding an
    array. The GIL is released while the batch is read and checked on ``threads`` native
    threads; the reports are the same for any number of threads.

    An application that cannot be read does not stop the others: in its place the list holds
    the ``InputError`` (not raised) with a path starting at its index (``/3/submission/...``),
    and the others are checked as one batch without it. In a JSON text, an element that is not
    valid JSON (a trailing comma …) is an error entry too, as long as the array can be split into
    elements. With ``strict=True`` the first unreadable application raises its ``InputError``
    instead, and the list holds only reports.

    ``limits`` applies to each application as in check(); a batch of more than
    ``limits.max_batch`` applications raises ``InputError`` (``"input.limit"``) before any is read,
    as does a JSON text that cannot be split into elements or is longer than
    ``limits.max_batch_bytes``. An iterable is consumed lazily and no further than item
    ``max_batch + 1``: an endless generator ends with that error.
    """
    if isinstance(applications, Mapping):
        raise TypeError("check_many takes a list of applications; use check() for one")
    limits = _limits_argument(limits)
    if not isinstance(applications, (str, bytes, bytearray)):
        # At most one past max_batch is taken: the compiled module refuses that many with the
        # library's own input.limit, before it writes any of them.
        cap = (limits or _DEFAULT_LIMITS).max_batch
        items: List[Any] = []
        for a in applications:
            items.append(_wire(a))
            if len(items) > cap:
                break
        applications = items
    return _core._check_many(
        notice, applications, as_of, stage, trace, bad_credit_code, threads, limits, bool(strict)
    )
