"""The exceptions nxkx raises. Only a broken input raises; a rejected application is a Report."""

from __future__ import annotations

import errno as _errno
from typing import Optional

__all__ = [
    "Error",
    "InputError",
    "FileError",
    "FileNotFoundInputError",
    "IsADirectoryInputError",
    "PackError",
]


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


class FileError(InputError, OSError):
    """A file nxkx was asked to read (``Notice.load``) cannot be read: an ``InputError`` with
    the command's code for it, and an ``OSError`` with ``errno`` and ``filename``, so that both
    ``except nxkx.InputError`` and ``except OSError`` catch it. The codes (docs/limits.md):
    ``input.not_found`` (a ``FileNotFoundError`` too), ``input.unreadable`` (permissions, an
    I/O error), ``input.directory`` (an ``IsADirectoryError`` too), ``input.not_regular`` (a
    socket, a block device). A file over its limit is a plain ``InputError`` (``input.limit``).
    """

    _ERRNO = {
        "input.not_found": _errno.ENOENT,
        "input.unreadable": _errno.EACCES,
        "input.directory": _errno.EISDIR,
        "input.not_regular": _errno.EINVAL,
    }

    def __init__(
        self,
        code: str,
        path: str,
        reason: str,
        reason_zh: Optional[str] = None,
        filename: Optional[str] = None,
    ) -> None:
        super().__init__(code, path, reason, reason_zh)
        self.errno = self._ERRNO.get(code)
        self.strerror = reason
        self.filename = filename

    def __str__(self) -> str:
        where = f"{self.filename}: " if self.filename is not None else ""
        return where + self.message("en")

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (type(self), (self.code, self.path, self.reason, self.reason_zh, self.filename))

    @staticmethod
    def of(
        code: str, path: str, reason: str, reason_zh: Optional[str], filename: Optional[str]
    ) -> "FileError":
        """The FileError class for `code`, made."""
        cls = {
            "input.not_found": FileNotFoundInputError,
            "input.directory": IsADirectoryInputError,
        }.get(code, FileError)
        return cls(code, path, reason, reason_zh, filename)


class FileNotFoundInputError(FileError, FileNotFoundError):
    """``input.not_found``: no such file (or a folder on its path is not one)."""


class IsADirectoryInputError(FileError, IsADirectoryError):
    """``input.directory``: a directory where a file was expected."""


class PackError(Error):
    """A notice pack cannot be loaded; ``path`` names the place in the pack."""
