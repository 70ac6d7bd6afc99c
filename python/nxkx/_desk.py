"""The desk's formats for a batch: a CSV, a printable HTML page and an Excel workbook, the same
writers as the command's (`nxkx check -o 审核结果.xlsx`), and a starter application.

    results = nxkx.check_many(applications, as_of="2025-05-20")   # reports and InputErrors
    nxkx.write_xlsx(results, "审核结果.xlsx")
    html = nxkx.to_html(results)
    csv_text = nxkx.to_csv(results)
"""

from __future__ import annotations

import json
import os
from typing import Any, Dict, Iterable, Optional, Union

from . import _core
from ._enums import ApplicantKind, Stage

__all__ = ["to_csv", "to_html", "write_xlsx", "starter_application"]

Results = Iterable[Any]  # nxkx.Report and nxkx.InputError items, as check_many returns them


def _items(results: Results) -> list:
    if isinstance(results, (str, bytes, dict)):
        raise TypeError("expected a list of reports (and InputErrors), as check_many returns")
    if isinstance(results, _core.Report):
        return [results]
    return list(results)


def to_csv(results: Results, *, lang: str = "zh", notice: Optional[_core.Notice] = None) -> str:
    """CSV (RFC 4180, a byte-order mark first so that Excel reads it as UTF-8): one row per
    finding with its application's columns, a row for an application without findings and one
    per InputError. Write it with ``open(path, "w", encoding="utf-8", newline="")``."""
    return _core._to_csv(_items(results), lang, notice)


def to_html(results: Results, *, lang: str = "zh", notice: Optional[_core.Notice] = None) -> str:
    """A self-contained HTML page (no script, no request): a summary table, then one application
    per printed page with its findings, the clauses quoted and whom to call."""
    return _core._to_html(_items(results), lang, notice)


def write_xlsx(
    results: Results,
    path: Union[str, "os.PathLike[str]"],
    *,
    lang: str = "zh",
    notice: Optional[_core.Notice] = None,
) -> None:
    """Writes an Excel workbook: sheet 汇总 (one row per application: 文件, 编号, 申报单位,
    统一社会信用代码, 项目类型, 结论, 问题数, 主要问题, 联系人) and sheet 问题 (one row per
    finding: 文件, 编号, 条款, 严重程度, 规则, 字段, 说明, 应为, 实为, 解读); header frozen,
    filters on, decisions coloured. An InputError is a row with 结论 无法读取."""
    _core._write_xlsx(_items(results), path, lang, notice)


def starter_application(
    project_type: str,
    *,
    stage: Union[Stage, str] = Stage.APPLICATION,
    kind: Union[ApplicantKind, str, None] = None,
    notice: Optional[_core.Notice] = None,
) -> Dict[str, Any]:
    """A starter application for ``project_type`` (``nxkx new``): every field its rules read at
    ``stage`` and every declaration of the type (read by a rule or not), None (unknown)."""
    return json.loads(_core._starter(notice, project_type, stage, kind))
