"""The exceptions nxkx raises. Only a broken input raises; a rejected application is a Report."""

from __future__ import annotations

__all__ = ["Error", "InputError", "PackError"]


class Error(Exception):
    """Base of every exception nxkx raises.

    ``code`` is stable and machine-readable (e.g. ``"input.type"``), ``path`` is the JSON
    pointer of the bad value in the document that was read (``""`` for the whole document)
    and ``reason`` says in English what is wrong.
    """

    code: str
    path: str
    reason: str

    def __init__(self, code: str, path: str, reason: str) -> None:
        super().__init__(code, path, reason)  # args: so that the error pickles
        self.code = code
        self.path = path
        self.reason = reason

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"{where}{self.reason} [{self.code}]"


class InputError(Error, ValueError):
    """An application (or another input) cannot be read: malformed JSON, a wrong type, an
    impossible date, an unknown code or field, invalid UTF-8, a limit crossed. The codes are
    listed in docs/application-format.md §5."""


class PackError(Error):
    """A notice pack cannot be loaded; ``path`` names the place in the pack."""
