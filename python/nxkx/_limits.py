"""InputLimits: the limits on what one input may hold (nxkx::input_limits, include/nxkx/limits.hpp)."""

from __future__ import annotations

import dataclasses as dc

from . import _core

__all__ = ["InputLimits"]

# Read from the C++ struct, so that the defaults here cannot drift from the library's.
_DEFAULTS = _core._default_limits()


@dc.dataclass(frozen=True)
class InputLimits:
    """Limits on one input, checked on its JSON text before it is read. Crossing one raises
    ``InputError`` with code ``"input.limit"``, the JSON pointer of the value that crosses it,
    and a reason naming the limit (``"... deeper than max_depth (64) ..."``).

    ``max_bytes``: bytes of one application (of each element of a batch given as JSON text).
    ``max_depth``: arrays and objects open at once (a batch's own array counts as one).
    ``max_string_bytes``: bytes of one string, key or value, once decoded (UTF-8), and of one
    number or literal as written. ``max_list_items``: items of one list inside an application.
    ``max_batch``: applications in one ``check_many`` call (an iterable is read no further
    than one past it). ``max_batch_bytes``: bytes of a batch given as one JSON text.

    The defaults are the C++ library's. Pass ``limits=`` to ``check``, ``check_many``,
    ``Application.from_dict``, ``Application.from_json`` or ``Application.to_json``.
    """

    max_bytes: int = _DEFAULTS["max_bytes"]
    max_depth: int = _DEFAULTS["max_depth"]
    max_string_bytes: int = _DEFAULTS["max_string_bytes"]
    max_list_items: int = _DEFAULTS["max_list_items"]
    max_batch: int = _DEFAULTS["max_batch"]
    max_batch_bytes: int = _DEFAULTS["max_batch_bytes"]

    def __post_init__(self) -> None:
        for f in dc.fields(self):
            value = getattr(self, f.name)
            if not isinstance(value, int) or isinstance(value, bool):
                raise TypeError(f"{f.name} must be an int, not {type(value).__name__!r}")
            if not 0 <= value < 2**64:
                raise ValueError(f"{f.name} must be from 0 to 2**64 - 1, not {value!r}")


def _limits_argument(limits: object) -> object:
    """``limits`` as the compiled module takes it: None (the defaults) or an InputLimits."""
    if limits is not None and not isinstance(limits, InputLimits):
        raise TypeError(f"limits must be an nxkx.InputLimits or None, not {type(limits).__name__!r}")
    return limits
