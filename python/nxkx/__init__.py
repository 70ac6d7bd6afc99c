"""nxkx: the rules of 宁夏科协〔2025〕61号《关于组织申报2025年学术交流及学会能力提升项目的通知》
as code.

    import datetime, json, nxkx

    report = nxkx.check(json.load(open("app.json")), as_of=datetime.date(2025, 5, 20))
    print(report.decision)                      # Decision.REJECTED …
    for f in report.findings:
        print(f.clause, f.rule_id, f.path, f.message("zh"))

A thin typed layer over the C++ library (the compiled module ``nxkx._core``). See
docs/python.md.
"""

# _errors and _enums first: the compiled module looks them up when it is imported.
from ._errors import (
    Error,
    FileError,
    FileNotFoundInputError,
    InputError,
    IsADirectoryInputError,
    PackError,
)
from ._enums import (
    ApplicantKind,
    Decision,
    DeliveryMethod,
    EvaluationGrade,
    GrassrootsField,
    InspectionResult,
    ProjectCompletion,
    Severity,
    Stage,
)
from . import _core
from ._core import (
    ApplicantKindInfo,
    Category,
    ClauseRef,
    Contact,
    CreditCodeCheck,
    Finding,
    Localized,
    Notice,
    NoticeInfo,
    ProjectType,
    PackIdentity,
    Report,
    Rule,
    RuleTrace,
    ZiCount,
    count_zi,
    count_zi_both,
    parse_date,
    validate_credit_code,
)
from ._model import (
    Applicant,
    Application,
    Event,
    Expert,
    Form,
    JointApplicant,
    MediaReport,
    Plan,
    PlatformItem,
    RecommendationLetter,
    Records,
    Submission,
    Completion,
    TextDocument,
    Transfer,
    WordVersion,
    YearRecord,
)
from ._limits import InputLimits
from ._api import check, check_many
from ._desk import starter_application, to_csv, to_html, write_xlsx

#: ``nxkx.Text.from_docx(path)``: a text read from a Word document.
Text = TextDocument

__version__: str = _core.__version__

__all__ = [
    # checking
    "check",
    "check_many",
    "InputLimits",
    # the desk: spreadsheets, pages, starter files
    "write_xlsx",
    "to_csv",
    "to_html",
    "starter_application",
    "Notice",
    "Report",
    "Finding",
    # the typed model
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
    "Text",
    # enums
    "ApplicantKind",
    "GrassrootsField",
    "InspectionResult",
    "ProjectCompletion",
    "EvaluationGrade",
    "DeliveryMethod",
    "Stage",
    "Severity",
    "Decision",
    # the catalogue and other values
    "NoticeInfo",
    "Category",
    "ApplicantKindInfo",
    "ProjectType",
    "Rule",
    "Contact",
    "ClauseRef",
    "Localized",
    "PackIdentity",
    "RuleTrace",
    "ZiCount",
    "CreditCodeCheck",
    # utilities
    "count_zi",
    "count_zi_both",
    "validate_credit_code",
    "parse_date",
    # errors
    "Error",
    "InputError",
    "FileError",
    "FileNotFoundInputError",
    "IsADirectoryInputError",
    "PackError",
    "__version__",
]
