"""The exceptions nxkx raises. Only a broken input raises; a rejected application is a Report."""

from __future__ import annotations

from typing import Optional

__all__ = ["Error", "InputError", "PackError"]


class Error(Exception):
    """Base of every exception nxkx raises.

    ``code`` is stable and machine-readable (e.g. ``"input.type"``), ``path`` is the JSON
    pointer of the bad value in the document that was read (``""`` for the whole document),
    ``reason`` says in English what is wrong and ``reason_zh`` the same in Chinese (the English
    text when there is no Chinese one). ``str(e)`` is in English; ``e.message("zh")`` in Chinese.
    """

    code: str
    path: str
    reason: str
    reason_zh: str

    def __init__(self, code: str, path: str, reason: str, reason_zh: Optional[str] = None) -> None:
        zh = reason if reason_zh is None else reason_zh
        super().__init__(code, path, reason, zh)  # args: so that the error pickles
        self.code = code
        self.path = path
        self.reason = reason
        self.reason_zh = zh

    def message(self, lang: str = "zh") -> str:
        """``path: reason [code]`` in 'zh' or 'en'."""
        if lang not in ("zh", "en"):
            raise ValueError(f"lang must be 'zh' or 'en', not {lang!r}")
        where = f"{self.path}: " if self.path else ""
        return f"{where}{self.reason_zh if lang == 'zh' else self.reason} [{self.code}]"

    def __str__(self) -> str:
        return self.message("en")


class InputError(Error, ValueError):
    """An application (or another input) cannot be read: malformed JSON, a wrong type, an
    impossible date, an unknown code or field, invalid UTF-8, a limit crossed. The codes are
    listed in docs/application-format.md §5."""


class PackError(Error):
    """A notice pack cannot be loaded; ``path`` names the place in the pack."""
