"""The typed model of an application (docs/application-format.md), as dataclasses.

Each class mirrors one object of the JSON format, field for field and in the same order, with
the same names. Every fact is optional: ``None`` means *unknown* (the form does not say), never
"no". The C++ reader stays the only validator: a model is turned into the JSON form and read by
it, so ``check(Application(...))`` raises exactly the InputError the same dict would.

Constructors are forgiving: a valid code becomes its enum, a ``datetime`` or a date string
becomes a ``datetime.date`` (China Standard Time), and anything else is kept as given so that
the reader can name it in its error. ``Application.from_dict`` / ``from_json`` validate at once.
"""

from __future__ import annotations

import dataclasses as dc
import datetime
import enum
import json
import os
from typing import Any, Dict, List, Mapping, Optional, Union

from . import _core
from ._enums import (
    ApplicantKind,
    DeliveryMethod,
    EvaluationGrade,
    GrassrootsField,
    InspectionResult,
    ProjectCompletion,
)
from ._errors import InputError
from ._limits import InputLimits, _limits_argument

__all__ = [
    "Application",
    "Applicant",
    "JointApplicant",
    "YearRecord",
    "RecommendationLetter",
    "WordVersion",
    "Submission",
    "Completion",
    "Form",
    "Plan",
    "Records",
    "Event",
    "Transfer",
    "PlatformItem",
    "MediaReport",
    "Expert",
    "TextDocument",
]

DateLike = Union[datetime.date, str]

_CHINA = datetime.timezone(datetime.timedelta(hours=8), "CST")

# Field kinds, as the C++ writer treats them (src/json_out.cpp):
_STR = "str"  # std::string: "" is unknown and left out
_OSTR = "ostr"  # std::optional<std::string>: "" is a value and written
_BOOL = "bool"
_INT = "int"
_FLOAT = "float"
_DATE = "date"


class _ListOf:
    def __init__(self, item: Any, keep_empty: bool = False) -> None:
        self.item = item
        self.keep_empty = keep_empty  # form.parts: [] is a fact (nothing filled in)


class _Years:
    """history: year → YearRecord; a year is written even when all its facts are unknown."""


class _Targets:
    """plan.targets: code → count."""


class _Declarations:
    """A pack's declarations that the model has no field of its own for, by name: written in
    the JSON form beside the fields (``/requested_funds``, ``/applicant/party_organisation``)."""


def _declarations() -> Any:
    """The ``declarations`` field of a class at a declaration's scope (pack-format.md §4.2)."""
    return dc.field(default_factory=dict, metadata={"kind": _Declarations(), "keep_empty": False})


def _field(kind: Any, *, default_factory: Any = None, keep_empty: bool = False) -> Any:
    meta = {"kind": kind, "keep_empty": keep_empty}
    if default_factory is not None:
        return dc.field(default_factory=default_factory, metadata=meta)
    return dc.field(default=None, metadata=meta)


def china_date(value: datetime.datetime) -> datetime.date:
    """A datetime's date in China Standard Time; a naive one is taken as China time."""
    if value.tzinfo is not None and value.utcoffset() is not None:
        return value.astimezone(_CHINA).date()
    return value.date()


def _coerce(kind: Any, value: Any) -> Any:
    """What a constructor makes of a value: typed where that is unambiguous, else as given."""
    if value is None:
        return None
    if kind == _DATE:
        if isinstance(value, datetime.datetime):
            return china_date(value)
        if isinstance(value, str) and not isinstance(value, enum.Enum):
            try:
                return _core.parse_date(value)
            except (InputError, ValueError):
                return value  # the reader names it when the application is checked
        return value
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        if isinstance(value, str) and not isinstance(value, kind):
            try:
                return kind(value)
            except ValueError:
                return value
        return value
    if isinstance(kind, _Years) and isinstance(value, dict):
        out = {}
        for year, record in value.items():
            if isinstance(year, str) and len(year) == 4 and year.isdigit() and year.isascii():
                year = int(year)
            out[year] = record
        return out
    return value


def _to_wire(kind: Any, value: Any) -> Any:
    """A value in the JSON form: dates as 'YYYY-MM-DD', enums as their codes."""
    if isinstance(value, _Model):
        return value.to_dict()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime.datetime):
        return china_date(value).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(kind, _ListOf) and isinstance(value, (list, tuple)):
        return [_to_wire(kind.item, v) for v in value]
    if isinstance(kind, _Years) and isinstance(value, dict):
        return {
            (f"{y:04d}" if isinstance(y, int) and not isinstance(y, bool) and 0 <= y <= 9999 else y): _to_wire(
                YearRecord, r
            )
            for y, r in sorted(value.items(), key=_year_order)
        }
    if isinstance(kind, _Targets) and isinstance(value, dict):
        return {k: _to_wire(None, v) for k, v in value.items()}
    return value


def _year_order(item: Any) -> Any:
    y = item[0]
    return (0, y, "") if isinstance(y, int) and not isinstance(y, bool) else (1, 0, str(y))


def _is_empty(kind: Any, keep_empty: bool, wire: Any) -> bool:
    if wire is None:
        return True
    if keep_empty:
        return False
    if kind == _STR:
        return wire == ""
    if isinstance(kind, (_ListOf, _Years, _Targets)) or (isinstance(kind, type) and issubclass(kind, _Model)):
        return isinstance(wire, (list, dict, tuple)) and len(wire) == 0
    return False


def _from_wire(kind: Any, value: Any) -> Any:
    """A value of the canonical JSON form (what the C++ writer wrote) as the model holds it."""
    if value is None:
        return None
    if kind == _DATE:
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:  # year 0000: a valid date for the reader, not for datetime.date
            return value
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        try:
            return kind(value)
        except ValueError:  # a code of another pack: its enum is the built-in pack's
            return value
    if isinstance(kind, type) and issubclass(kind, _Model):
        return kind._from_wire(value)
    if isinstance(kind, _ListOf):
        return [_from_wire(kind.item, v) for v in value]
    if isinstance(kind, _Years):
        return {int(y): YearRecord._from_wire(r) for y, r in value.items()}
    if isinstance(kind, _Targets):
        return dict(value)
    return value


class _Model:
    """What every model class shares: coercion, the JSON form, a short repr."""

    def __post_init__(self) -> None:
        for f in dc.fields(self):  # type: ignore[arg-type]
            value = getattr(self, f.name)
            coerced = _coerce(f.metadata["kind"], value)
            if coerced is not value:
                object.__setattr__(self, f.name, coerced)

    def to_dict(self) -> Dict[str, Any]:
        """The JSON form (docs/application-format.md): unknown facts left out, dates as
        'YYYY-MM-DD', enums as codes. What the C++ writer gives for the same application."""
        out: Dict[str, Any] = {}
        declarations: Mapping[str, Any] = {}
        for f in dc.fields(self):  # type: ignore[arg-type]
            kind = f.metadata["kind"]
            if isinstance(kind, _Declarations):
                declarations = getattr(self, f.name) or {}
                continue
            wire = _to_wire(kind, getattr(self, f.name))
            if not _is_empty(kind, f.metadata["keep_empty"], wire):
                out[f.name] = wire
        for name, value in declarations.items():
            if any(f.name == name for f in dc.fields(self)):  # type: ignore[arg-type]
                raise ValueError(
                    f"declaration {name!r} is a field of {type(self).__name__}: set .{name} instead"
                )
            if value is not None:
                out[name] = _to_wire(None, value)
        return out

    @classmethod
    def _from_wire(cls, data: Mapping[str, Any]) -> Any:
        kwargs: Dict[str, Any] = {}
        names = set()
        declarations = None
        for f in dc.fields(cls):  # type: ignore[arg-type]
            names.add(f.name)
            if isinstance(f.metadata["kind"], _Declarations):
                declarations = f.name
            elif f.name in data:
                kwargs[f.name] = _from_wire(f.metadata["kind"], data[f.name])
        if declarations is not None:
            # What the reader accepted and the model has no field for: the pack's own declarations.
            kwargs[declarations] = {k: v for k, v in data.items() if k not in names}
        return cls(**kwargs)

    def __repr__(self) -> str:
        parts = []
        for f in dc.fields(self):  # type: ignore[arg-type]
            value = getattr(self, f.name)
            if value is None or (isinstance(value, (list, dict, str)) and not value and not f.metadata["keep_empty"]):
                continue
            parts.append(f"{f.name}={value!r}")
        return f"{type(self).__name__}({', '.join(parts)})"


@dc.dataclass(repr=False)
class YearRecord(_Model):
    """What a society declares about one past year, 二(三)."""

    annual_inspection: Optional[InspectionResult] = _field(InspectionResult)  # 年检
    penalized: Optional[bool] = _field(_BOOL)  # 受到民政厅行政处罚
    projects: Optional[ProjectCompletion] = _field(ProjectCompletion)  # 自治区科协有关项目
    evaluation_grade: Optional[EvaluationGrade] = _field(EvaluationGrade)  # 学会评价等级
    declarations: Dict[str, Any] = _declarations()  # another pack's, of scope history


@dc.dataclass(repr=False)
class Applicant(_Model):
    """An organisation that applies, alone or as lead (申报单位), 二. ``kind`` is required."""

    name: Optional[str] = _field(_STR)
    credit_code: Optional[str] = _field(_OSTR)  # 统一社会信用代码
    kind: Optional[ApplicantKind] = _field(ApplicantKind)  # 申报主体
    division: Optional[str] = _field(_OSTR)  # GB/T 2260, e.g. "640122"
    legal_person: Optional[bool] = _field(_BOOL)
    own_account: Optional[bool] = _field(_BOOL)
    has_capacity: Optional[bool] = _field(_BOOL)
    supervised_by_association: Optional[bool] = _field(_BOOL)
    group_member: Optional[bool] = _field(_BOOL)
    approved_by_cast: Optional[bool] = _field(_BOOL)
    establishment_approved: Optional[bool] = _field(_BOOL)
    field: Optional[GrassrootsField] = _field(GrassrootsField)
    field_name: Optional[str] = _field(_OSTR)  # the field's own name, with field "other"
    history: Dict[int, YearRecord] = _field(_Years(), default_factory=dict)  # by year, 二(三)
    declarations: Dict[str, Any] = _declarations()  # another pack's, of scope organisation


@dc.dataclass(repr=False)
class JointApplicant(Applicant):
    """A joint applicant (联合申报单位) with its head's signed opinion and seal, 三(三)."""

    head_signed: Optional[bool] = _field(_BOOL)
    sealed: Optional[bool] = _field(_BOOL)


@dc.dataclass(repr=False)
class RecommendationLetter(_Model):
    """推荐函 from a 市级科协, 一(一)1 and 一(一)2. Its presence is a fact, even when empty."""

    issuer: Optional[str] = _field(_STR)
    city: Optional[str] = _field(_OSTR)  # GB/T 2260 of the city, e.g. "640100"
    issued: Optional[datetime.date] = _field(_DATE)


@dc.dataclass(repr=False)
class WordVersion(_Model):
    """The e-mailed Word version of the form, 三(二)."""

    emailed: Optional[bool] = _field(_BOOL)
    sent_to: Optional[str] = _field(_OSTR)
    sent_on: Optional[datetime.date] = _field(_DATE)


@dc.dataclass(repr=False)
class Submission(_Model):
    """How and when the paper form was handed in, 三(二) and 三(四)."""

    paper_copies: Optional[int] = _field(_INT)  # 一式2份
    sealed: Optional[bool] = _field(_BOOL)
    delivery: Optional[DeliveryMethod] = _field(DeliveryMethod)
    dispatch_date: Optional[datetime.date] = _field(_DATE)  # 快递发出日期
    handed_in_date: Optional[datetime.date] = _field(_DATE)  # 现场提交日期
    received_date: Optional[datetime.date] = _field(_DATE)
    word_version: Optional[WordVersion] = _field(WordVersion)
    declarations: Dict[str, Any] = _declarations()  # another pack's, of scope submission


@dc.dataclass(repr=False)
class Completion(_Model):
    """What is handed in at the completion stage (the 黄石 notice's 四(一)): a Submission."""

    submission: Optional[Submission] = _field(Submission)


@dc.dataclass(repr=False)
class Form(_Model):
    """Which parts of 《项目申报书》 are filled in (codes of the vocabulary form_part), 三(三).
    ``[]`` is a fact (nothing filled in); ``None`` is unknown."""

    parts: Optional[List[str]] = _field(_ListOf(_STR), keep_empty=True)


@dc.dataclass(repr=False)
class Plan(_Model):
    """Work measures and promised targets (target code → count), 三(一) and 三(三)."""

    work_measures: List[str] = _field(_ListOf(_STR), default_factory=list)
    targets: Dict[str, int] = _field(_Targets(), default_factory=dict)


@dc.dataclass(repr=False)
class Event(_Model):
    """One activity held by the project (completion stage)."""

    title: Optional[str] = _field(_STR)
    type: Optional[str] = _field(_STR)  # vocabulary event_type
    held_on: Optional[datetime.date] = _field(_DATE)
    attendance: Optional[int] = _field(_INT)
    offline_attendance: Optional[int] = _field(_INT)
    place: Optional[str] = _field(_STR)
    partners: List[str] = _field(_ListOf(_STR), default_factory=list)  # credit codes


@dc.dataclass(repr=False)
class Transfer(_Model):
    """A 科技成果 transferred (转化), 一(一)1(1)."""

    title: Optional[str] = _field(_STR)
    transferred_on: Optional[datetime.date] = _field(_DATE)
    economic_benefit: Optional[float] = _field(_FLOAT)  # yuan


@dc.dataclass(repr=False)
class PlatformItem(_Model):
    """A need (需求) or a result (成果) filed on 科创中国·宁夏中心."""

    kind: Optional[str] = _field(_STR)  # "need" or "result"
    title: Optional[str] = _field(_STR)
    filed_on: Optional[datetime.date] = _field(_DATE)


@dc.dataclass(repr=False)
class MediaReport(_Model):
    """A report in the media."""

    outlet: Optional[str] = _field(_STR)
    title: Optional[str] = _field(_STR)
    published_on: Optional[datetime.date] = _field(_DATE)
    mainstream: Optional[bool] = _field(_BOOL)  # 主流媒体


@dc.dataclass(repr=False)
class Expert(_Model):
    """An invited expert, 一(三)(2)."""

    name: Optional[str] = _field(_STR)
    affiliation: Optional[str] = _field(_STR)
    nationally_known: Optional[bool] = _field(_BOOL)  # 全国知名


@dc.dataclass(repr=False)
class TextDocument(_Model):
    """A written deliverable: a case (案例) or a report (报告); 字 are counted by the engine.

    ``content`` is the text. ``file`` names a .docx (or .txt) that holds it instead, as the
    command reads it next to the application file; Python reads no file behind your back, so
    check() refuses a text that names a file without its content (``InputError("input.file")``):
    build it with ``TextDocument.from_docx(path)`` (also ``nxkx.Text.from_docx``).
    """

    type: Optional[str] = _field(_STR)  # vocabulary text_type
    title: Optional[str] = _field(_STR)
    content: Optional[str] = _field(_STR)
    file: Optional[str] = _field(_STR)

    @classmethod
    def from_docx(
        cls, path: Union[str, "os.PathLike[str]"], *, type: Optional[str] = None,
        title: Optional[str] = None
    ) -> "TextDocument":
        """The text of a Word document's body (paragraphs, tables, text boxes; not headers,
        footers, footnotes or comments), as Word's 字数 counts it. Raises ``InputError``
        (``input.docx``, ``input.docx_encrypted``, ``input.not_found``, ``input.unreadable``,
        ``input.directory``) when it cannot be read."""
        return cls(type=type, title=title, content=_core._docx_text(path))


@dc.dataclass(repr=False)
class Records(_Model):
    """What a project did, as records (never totals), for the completion check."""

    events: List[Event] = _field(_ListOf(Event), default_factory=list)
    transfers: List[Transfer] = _field(_ListOf(Transfer), default_factory=list)
    platform_items: List[PlatformItem] = _field(_ListOf(PlatformItem), default_factory=list)
    media_reports: List[MediaReport] = _field(_ListOf(MediaReport), default_factory=list)
    experts: List[Expert] = _field(_ListOf(Expert), default_factory=list)
    governance_systems: List[str] = _field(_ListOf(_STR), default_factory=list)
    texts: List[TextDocument] = _field(_ListOf(TextDocument), default_factory=list)


@dc.dataclass(repr=False)
class Application(_Model):
    """One application (申报) and, at completion, its records. ``project_type`` and
    ``applicant`` (with its ``kind``) are required; everything else may be unknown."""

    id: Optional[str] = _field(_STR)  # the caller's reference, echoed in the report
    project_type: Optional[str] = _field(_STR)
    title: Optional[str] = _field(_STR)  # 项目名称
    approval_date: Optional[datetime.date] = _field(_DATE)  # 立项日期
    applicant: Optional[Applicant] = _field(Applicant)
    joint_applicants: List[JointApplicant] = _field(_ListOf(JointApplicant), default_factory=list)
    recommendation_letter: Optional[RecommendationLetter] = _field(RecommendationLetter, keep_empty=True)
    submission: Optional[Submission] = _field(Submission)
    form: Optional[Form] = _field(Form)
    plan: Optional[Plan] = _field(Plan)
    records: Optional[Records] = _field(Records)
    completion: Optional[Completion] = _field(Completion)
    declarations: Dict[str, Any] = _declarations()  # another pack's, of scope application

    @classmethod
    def from_dict(
        cls,
        data: Mapping[str, Any],
        *,
        notice: Optional[_core.Notice] = None,
        limits: Optional[InputLimits] = None,
    ) -> "Application":
        """Reads the JSON form (as Python objects) with the C++ reader; raises InputError
        (``"input.limit"`` when the application crosses one of ``limits``, by default the
        library's)."""
        return cls._from_wire(json.loads(_core._canonical_json(notice, data, -1, _limits_argument(limits))))

    @classmethod
    def from_json(
        cls,
        text: Union[str, bytes],
        *,
        notice: Optional[_core.Notice] = None,
        limits: Optional[InputLimits] = None,
    ) -> "Application":
        """Reads JSON text with the C++ reader; raises InputError (``"input.limit"`` when the
        text crosses one of ``limits``, by default the library's)."""
        return cls._from_wire(json.loads(_core._canonical_json(notice, text, -1, _limits_argument(limits))))

    def to_json(
        self,
        indent: int = 2,
        *,
        notice: Optional[_core.Notice] = None,
        limits: Optional[InputLimits] = None,
    ) -> str:
        """The JSON text the C++ writer gives (``indent`` < 0: one line). Validates: raises
        InputError if the C++ reader refuses the application (or it crosses one of ``limits``)."""
        return _core._canonical_json(notice, self.to_dict(), indent, _limits_argument(limits))
