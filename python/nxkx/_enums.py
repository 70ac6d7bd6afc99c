"""The enumerations of nxkx: each member's value is its stable wire code (what portals store),
``.zh`` / ``.en`` its name in the notice's words."""

from __future__ import annotations

import enum
from typing import Dict, Tuple

__all__ = [
    "ApplicantKind",
    "GrassrootsField",
    "InspectionResult",
    "ProjectCompletion",
    "EvaluationGrade",
    "DeliveryMethod",
    "Stage",
    "Severity",
    "Decision",
]


class _Code(str, enum.Enum):
    """A code of the wire format. ``ApplicantKind("society") is ApplicantKind.SOCIETY``."""

    @property
    def zh(self) -> str:
        """The Chinese name, e.g. 全区学会 (from the built-in notice's vocabulary)."""
        return _label(self)[0]

    @property
    def en(self) -> str:
        """The English name."""
        return _label(self)[1]


class ApplicantKind(_Code):
    """Who applies (申报主体), 二(一)."""

    SOCIETY = "society"
    PARK_STA = "park_sta"
    HAIZHI_BASE = "haizhi_base"
    RETURNEE_ALLIANCE = "returnee_alliance"
    ALLIANCE_COUNCIL_MEMBER = "alliance_council_member"
    GRASSROOTS_SOCIETY = "grassroots_society"


class GrassrootsField(_Code):
    """The field of a 基层"三会", 二(一)."""

    SCIENCE_EDUCATION = "science_education"
    HEALTH = "health"
    AGRICULTURE = "agriculture"
    OTHER = "other"  # none of the three; Applicant.field_name names it


class InspectionResult(_Code):
    """An annual inspection (年检), 二(三)1."""

    NOT_PARTICIPATED = "not_participated"
    QUALIFIED = "qualified"
    BASICALLY_QUALIFIED = "basically_qualified"
    UNQUALIFIED = "unqualified"
    NOT_DUE = "not_due"  # registered too recently to have been due that year


class ProjectCompletion(_Code):
    """Whether a society completed the association's projects of a year, 二(三)3."""

    COMPLETED = "completed"
    NOT_COMPLETED = "not_completed"
    NONE_ASSIGNED = "none_assigned"


class EvaluationGrade(_Code):
    """学会评价等级, 二(三)4."""

    A = "a"
    B = "b"
    C = "c"
    NOT_RATED = "not_rated"


class DeliveryMethod(_Code):
    """How the paper form reached 学会学术部, 三(四)."""

    IN_PERSON = "in_person"
    COURIER = "courier"


class Stage(_Code):
    """Which check is made: at submission (申报) or when the project closes (结项)."""

    APPLICATION = "application"
    COMPLETION = "completion"


class Severity(_Code):
    """How bad a finding is. Ordered by ``rank``: a report's decision is its worst finding."""

    NEEDS_REVIEW = "needs_review"
    INCOMPLETE = "incomplete"
    REJECTED = "rejected"

    @property
    def rank(self) -> int:
        """1 needs review, 2 incomplete, 3 rejected."""
        return _RANK[self.value]

    def __lt__(self, other: object) -> bool:
        if isinstance(other, Severity):
            return self.rank < other.rank
        return NotImplemented

    def __le__(self, other: object) -> bool:
        if isinstance(other, Severity):
            return self.rank <= other.rank
        return NotImplemented

    def __gt__(self, other: object) -> bool:
        if isinstance(other, Severity):
            return self.rank > other.rank
        return NotImplemented

    def __ge__(self, other: object) -> bool:
        if isinstance(other, Severity):
            return self.rank >= other.rank
        return NotImplemented


class Decision(_Code):
    """The answer for one application: 受理, 需人工审核, 材料不全 (未完成 at completion), 不予受理,
    or 已完成 (a completion check with no finding)."""

    ACCEPTED = "accepted"
    NEEDS_REVIEW = "needs_review"
    INCOMPLETE = "incomplete"
    REJECTED = "rejected"
    COMPLETE = "complete"


_RANK = {"needs_review": 1, "incomplete": 2, "rejected": 3}

#: The prefix of each enum's codes in the notice vocabulary and in _core's tables.
NAMESPACES: Dict[type, str] = {
    ApplicantKind: "applicant_kind",
    GrassrootsField: "grassroots_field",
    InspectionResult: "inspection_result",
    ProjectCompletion: "project_completion",
    EvaluationGrade: "evaluation_grade",
    DeliveryMethod: "delivery_method",
    Stage: "stage",
    Severity: "severity",
    Decision: "decision",
}

_labels: Dict[str, Tuple[str, str]] = {}


def _label(member: _Code) -> Tuple[str, str]:
    if not _labels:
        from . import _core  # imported late: _core itself imports this module

        _labels.update(_core._labels())
    return _labels[f"{NAMESPACES[type(member)]}.{member.value}"]
