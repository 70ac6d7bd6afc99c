#!/usr/bin/env python3
"""Writes a realistic intake of applications (issue 13) and measures its mix with the engine.

    /usr/bin/python3 bench/realistic_mix.py --count 20000 [--seed 13] [--out build/release/bench/mix]
        [--nxkx build/release/nxkx | --python build/release/python]

An intake as the association receives it: every project type, about a third accepted, the rest
with findings (about 26 % incomplete, 40 % rejected, the rest needs review), about 1.5 KB of
compact JSON each. The applications are the bundled examples (examples/applications/*.json and
the application part of examples/completion/*.json, read when this runs), each with its own id,
title and lead credit code (valid check characters, GB 32100), padded to a drawn size with work
measures of its project type, then mutated towards the rules: each one is given a target class
(accepted, needs review, incomplete, rejected) and mutations of that class drawn from MUTATIONS,
the one table of field paths (issue 15 renames a few fields: change them there).

Nothing here decides an outcome. The batch is checked by the real engine (the built `nxkx check
--format json` on the array file, or `check_many` of the Python package of a build tree), and an
application whose decision is not the class it was meant for is drawn again, up to --rounds
times; what the engine says in the last round is what the files record. The measured mix is
printed (against the target) together with the mutations that did not give their class and the
rules that never fired.

Writes, in --out: mix-N.json (a JSON array, one application a line), mix-N.jsonl (one a line),
mix-N.expected.json (the engine's decision for each application, the counts, the findings per
rule, the sizes, the seed). The output depends only on the arguments and the engine's answers.
"""

from __future__ import annotations

import argparse
import collections
import copy
import datetime
import json
import pathlib
import random
import subprocess
import sys
from typing import Any, Dict, List, Optional, Sequence, Tuple

ROOT = pathlib.Path(__file__).resolve().parents[1]
AS_OF = "2025-05-20"
CLASSES = ("accepted", "needs_review", "incomplete", "rejected")
#: The mix of issue 13: a third accepted, 26 % incomplete, 40 % rejected, the rest needs review.
TARGET = {"accepted": 0.333, "incomplete": 0.26, "rejected": 0.40, "needs_review": 0.007}
#: Worse first (docs/notice/readings.md): a decision is the worst of its findings.
RANK = {"accepted": 0, "needs_review": 1, "incomplete": 2, "rejected": 3}

# ---- the field paths this generator touches ---------------------------------------------------
# JSON pointers (RFC 6901) into an application (docs/application-format.md). PATHS are the ones
# every application gets (identity, padding); MUTATIONS below name the rest.

PATHS = {
    "id": "/id",
    "project_type": "/project_type",
    "title": "/title",
    "lead_name": "/applicant/name",
    "lead_code": "/applicant/credit_code",
    "work_measures": "/plan/work_measures",
    # Completion-stage parts of examples/completion/*.json, left out of an application.
    "completion_only": ["/records", "/approval_date"],
}

# ---- mutations ------------------------------------------------------------------------------
# name: (class it is meant to give, project types it applies to (None: all), operations).
# An operation is one of
#   ("set", pointer, value)        sets a member (its parent must exist)
#   ("delete", pointer)            removes a member (an unknown fact: not a pass)
#   ("delete?", pointer)           removes a member if it is there (a clean-up, e.g. the date of
#                                  the other delivery method)
#   ("drop", pointer, value)       removes a value from a list
#   ("keep", pointer, n)           keeps the first n items of a list
#   ("bad_check", pointer)         a credit code whose last check character is wrong
#   ("code_prefix", pointer, p)    a credit code registered elsewhere (characters 1-8 = p)
#   ("same_applicant_as_earlier",) the lead applicant of an earlier application of the type
#   ("same_title_as_earlier",)     the title of an earlier application of another type
# The class is what the notice says (docs/notice/readings.md); the engine's answer is what counts.

_ALL = None
_PARK, _HAIZHI = "park_sta_capacity", "haizhi_base_capacity"
_ALLIANCE, _SOCIETY = "returnee_alliance_capacity", "society_capacity"
_GRASS, _EXCHANGE = "grassroots_societies_capacity", "regional_academic_exchange"
_SOCIETY_LEAD = (_SOCIETY, _GRASS, _EXCHANGE)  # a 全区学会 leads these

MUTATIONS: Dict[str, Tuple[str, Optional[Sequence[str]], List[tuple]]] = {
    # -- rejected: 二(一) who may apply, 二(三) disqualifications, 三(四) late, 三(一) twice
    "late_in_person": ("rejected", _ALL, [
        ("set", "/submission/delivery", "in_person"),
        ("delete?", "/submission/dispatch_date"),
        ("set", "/submission/handed_in_date", "2025-05-19"),
        ("set", "/submission/received_date", "2025-05-19"),
        ("set", "/submission/word_version/sent_on", "2025-05-19")]),
    "late_courier": ("rejected", _ALL, [
        ("set", "/submission/delivery", "courier"),
        ("delete?", "/submission/handed_in_date"),
        ("delete?", "/submission/received_date"),
        ("set", "/submission/dispatch_date", "2025-05-17"),
        ("set", "/submission/word_version/sent_on", "2025-05-17")]),
    "grade_c": ("rejected", _SOCIETY_LEAD, [
        ("set", "/applicant/history/2024/evaluation_grade", "c")]),
    "inspection_failed": ("rejected", _SOCIETY_LEAD, [
        ("set", "/applicant/history/2024/annual_inspection", "unqualified")]),
    "inspection_missed": ("rejected", _SOCIETY_LEAD, [
        ("set", "/applicant/history/2023/annual_inspection", "not_participated")]),
    "penalized": ("rejected", _SOCIETY_LEAD, [
        ("set", "/applicant/history/2024/penalized", True)]),
    "projects_not_completed": ("rejected", _SOCIETY_LEAD, [
        ("set", "/applicant/history/2024/projects", "not_completed")]),
    "not_affiliated": ("rejected", _SOCIETY_LEAD, [
        ("set", "/applicant/supervised_by_association", False),
        ("set", "/applicant/group_member", False)]),
    "haizhi_not_approved": ("rejected", (_HAIZHI,), [
        ("set", "/applicant/approved_by_cast", False)]),
    "park_not_established": ("rejected", (_PARK,), [
        ("set", "/applicant/establishment_approved", False)]),
    "park_outside_region": ("rejected", (_PARK,), [
        ("set", "/applicant/division", "610131")]),  # 西安高新区 (雁塔区)
    "park_applies_for_society_type": ("rejected", (_SOCIETY, _EXCHANGE), [
        ("set", "/applicant/kind", "park_sta"),
        ("delete?", "/applicant/supervised_by_association"),
        ("set", "/applicant/establishment_approved", True)]),
    "haizhi_applies_for_park_type": ("rejected", (_PARK,), [
        ("set", "/applicant/kind", "haizhi_base"),
        ("delete?", "/applicant/establishment_approved"),
        ("set", "/applicant/approved_by_cast", True)]),
    "partner_outside_region": ("rejected", (_GRASS,), [
        ("set", "/joint_applicants/2/division", "610102")]),  # 西安市新城区
    "partner_not_county": ("rejected", (_GRASS,), [
        ("set", "/joint_applicants/0/division", "640100")]),  # 银川市 (a city, not a county)
    "partner_wrong_kind": ("rejected", (_GRASS,), [
        ("set", "/joint_applicants/1/kind", "society")]),
    "applied_twice": ("rejected", _ALL, [("same_applicant_as_earlier",)]),
    "dated_after_check": ("rejected", _ALL, [  # a typo in the year's day: after the check date too
        ("set", "/submission/delivery", "in_person"),
        ("delete?", "/submission/dispatch_date"),
        ("set", "/submission/handed_in_date", "2025-05-26"),
        ("set", "/submission/received_date", "2025-05-26")]),
    # -- incomplete: 三(二) copies, seal, e-mail; 三(三) form, targets, joint seals; facts left out
    "one_copy": ("incomplete", _ALL, [("set", "/submission/paper_copies", 1)]),
    "not_sealed": ("incomplete", _ALL, [("set", "/submission/sealed", False)]),
    "word_not_emailed": ("incomplete", _ALL, [
        ("set", "/submission/word_version/emailed", False),
        ("delete?", "/submission/word_version/sent_on"),
        ("delete?", "/submission/word_version/sent_to")]),
    "word_wrong_address": ("incomplete", _ALL, [
        ("set", "/submission/word_version/sent_to", "nxkxxhb@126.com")]),
    "form_no_budget": ("incomplete", _ALL, [("drop", "/form/parts", "budget")]),
    "form_no_schedule_opinion": ("incomplete", _ALL, [
        ("drop", "/form/parts", "schedule"), ("drop", "/form/parts", "applicant_opinion")]),
    "no_work_measures": ("incomplete", _ALL, [("set", "/plan/work_measures", [])]),
    "credit_code_typo": ("incomplete", _ALL, [("bad_check", "/applicant/credit_code")]),
    "history_2023_left_out": ("incomplete", _SOCIETY_LEAD, [
        ("delete", "/applicant/history/2023")]),
    "capacity_left_out": ("incomplete", _ALL, [("delete", "/applicant/has_capacity")]),
    "no_recommendation": ("incomplete", (_PARK, _HAIZHI), [("delete", "/recommendation_letter")]),
    "park_few_events": ("incomplete", (_PARK,), [("set", "/plan/targets/events", 3)]),
    "park_few_platform_items": ("incomplete", (_PARK,), [
        ("set", "/plan/targets/platform_items", 60)]),
    "park_no_transfer": ("incomplete", (_PARK,), [("set", "/plan/targets/transfers", 0)]),
    "park_no_media": ("incomplete", (_PARK,), [("delete", "/plan/targets/media_reports")]),
    "park_no_case": ("incomplete", (_PARK,), [("set", "/plan/targets/texts", 0)]),
    "haizhi_few_events": ("incomplete", (_HAIZHI,), [("set", "/plan/targets/events", 2)]),
    "haizhi_few_platform_items": ("incomplete", (_HAIZHI,), [
        ("set", "/plan/targets/platform_items", 80)]),
    "haizhi_no_case": ("incomplete", (_HAIZHI,), [("set", "/plan/targets/texts", 0)]),
    "haizhi_no_media": ("incomplete", (_HAIZHI,), [("delete", "/plan/targets/media_reports")]),
    "alliance_few_services": ("incomplete", (_ALLIANCE,), [
        ("set", "/plan/targets/service_events", 1)]),
    "alliance_few_salons": ("incomplete", (_ALLIANCE,), [("set", "/plan/targets/salon_events", 1)]),
    "alliance_no_popular_science": ("incomplete", (_ALLIANCE,), [
        ("delete", "/plan/targets/popular_science_events")]),
    "alliance_no_report": ("incomplete", (_ALLIANCE,), [("set", "/plan/targets/texts", 0)]),
    "society_one_event": ("incomplete", (_SOCIETY,), [("set", "/plan/targets/events", 1)]),
    "society_no_case": ("incomplete", (_SOCIETY,), [("delete", "/plan/targets/texts")]),
    "grassroots_two_partners": ("incomplete", (_GRASS,), [
        ("keep", "/joint_applicants", 2), ("set", "/plan/targets/partners", 2)]),
    "grassroots_no_partner": ("incomplete", (_GRASS,), [
        ("delete", "/joint_applicants"), ("set", "/plan/targets/partners", 0)]),
    "grassroots_few_events": ("incomplete", (_GRASS,), [("set", "/plan/targets/events", 4)]),
    "grassroots_no_case": ("incomplete", (_GRASS,), [("delete", "/plan/targets/texts")]),
    "partner_not_signed": ("incomplete", (_GRASS,), [
        ("set", "/joint_applicants/1/head_signed", False)]),
    "partner_not_sealed": ("incomplete", (_GRASS,), [("set", "/joint_applicants/2/sealed", False)]),
    "partner_field_left_out": ("incomplete", (_GRASS,), [("delete", "/joint_applicants/0/field")]),
    "exchange_one_expert": ("incomplete", (_EXCHANGE,), [("set", "/plan/targets/experts", 1)]),
    "exchange_small_audience": ("incomplete", (_EXCHANGE,), [
        ("set", "/plan/targets/offline_attendance", 150)]),
    "exchange_no_report": ("incomplete", (_EXCHANGE,), [("set", "/plan/targets/texts", 0)]),
    "exchange_no_event": ("incomplete", (_EXCHANGE,), [("set", "/plan/targets/events", 0)]),
    # -- needs review: 二(二) 原则应, 二(一) city society, 一(一) letter of another city, 三(一) title
    "no_own_account": ("needs_review", _ALL, [("set", "/applicant/own_account", False)]),
    "city_society": ("needs_review", _SOCIETY_LEAD, [  # the readings (rev. 2): registered in a city
        ("code_prefix", "/applicant/credit_code", "51640100")]),
    "society_code_not_51": ("needs_review", _SOCIETY_LEAD, [  # a 民办非企业单位 code
        ("code_prefix", "/applicant/credit_code", "52640000")]),
    "letter_other_city": ("needs_review", (_PARK, _HAIZHI), [
        ("set", "/recommendation_letter/city", "640500"),
        ("set", "/recommendation_letter/issuer", "中卫市科学技术协会")]),
    "same_title_as_other": ("needs_review", _ALL, [("same_title_as_earlier",)]),
}

#: Per class: how many mutations of which classes an application gets, beyond the first of its
#: own class: (class, probability) pairs drawn in turn. A rejected application often has gaps
#: too; an incomplete one more than one.
EXTRA = {
    "accepted": [],
    "needs_review": [],
    "incomplete": [("incomplete", 0.35), ("needs_review", 0.15)],
    "rejected": [("incomplete", 0.45), ("incomplete", 0.15), ("rejected", 0.15),
                 ("needs_review", 0.10)],
}

#: Work measures a project of each type writes, to grow an application to its drawn size
#: (the notice asks for 明确具体工作举措; no rule judges their text).
MEASURES = {
    _PARK: [
        "每季度组织园区企业与区内外高校院所开展1场产学研对接活动，形成合作意向清单并跟踪落实",
        "建立园区企业技术需求库，由专人负责在“科创中国·宁夏中心”平台征集、审核和提交需求与成果",
        "围绕新材料、装备制造产业链组织技术路演和成果推介活动，邀请投资机构和行业专家参加",
        "推动园区企业与高校共建研发平台，促成1项以上科技成果在园区内转化落地",
        "联合主流媒体宣传园区科协组织建设和服务企业创新的成效，年底形成典型工作案例",
        "组织园区科技工作者参加学术年会和技术培训，提升企业科技人员创新能力",
    ],
    _HAIZHI: [
        "围绕新材料、储能等前沿领域举办学术交流、项目合作、人才引进和技术路演活动",
        "为海归科技工作者和海外高层次人才在宁创新创业提供场地、政策咨询和成果转化服务",
        "组织基地合作企业入驻“科创中国·宁夏中心”平台，提交技术需求和科技成果",
        "邀请海外专家线上线下开展技术咨询，对接企业关键技术难题不少于10项",
        "在主流媒体宣传报道基地引才引智成效，总结形成典型工作案例1篇",
        "建立海外人才联络站工作台账，定期走访入驻企业并收集人才与技术需求",
    ],
    _ALLIANCE: [
        "组织海归科技工作者深入枸杞、葡萄酒、新能源企业开展技术成果转化对接和技术路演",
        "发挥理事单位资源优势，面向中小学生和社区居民开展科普活动",
        "举办人才链与产业链、创新链融合主题学术沙龙和座谈交流活动",
        "围绕海归科技人才关心关切开展调研，形成建言献策报告",
        "组织理事单位赴县区开展科技服务活动，提供技术咨询和政策解读",
        "建立海归人才联络服务机制，定期发布人才政策和项目合作信息",
    ],
    _SOCIETY: [
        "修订理事会议事规则、会员管理办法和财务管理制度，发挥监事会和分支机构作用",
        "举办行业技术培训交流活动和产学研对接活动各1场，每场不少于50人",
        "总结学会深化内部治理改革经验，形成工作案例",
        "健全学会秘书处工作制度，完善财务管理与信息公开机制",
        "组织会员开展科技志愿服务，深入县区基层一线开展科普与技术咨询",
        "加强学会网站与新媒体建设，及时发布学术活动与科技资讯",
    ],
    _GRASS: [
        "与三个基层学会签订合作协议，将学会专家资源引入县域",
        "围绕设施农业、基层医疗技术和科学教育，与基层学会共同开展学习培训和技术指导活动",
        "组织专家赴县区开展课题合作和学术交流，帮助基层学会规范内部管理",
        "总结联合基层“三会”工作经验，形成典型工作案例",
    ],
    _EXCHANGE: [
        "围绕区域优势产业举办自治区级学术交流会，线下参会不少于200人",
        "邀请2名以上全国知名专家作主旨报告，开展专题研讨和圆桌对话",
        "会后形成产业发展决策咨询报告1篇，报告内容不超过1500字",
        "组织青年科技工作者论文交流和优秀论文评选，推荐优秀成果参加全国学术会议",
        "通过线上直播扩大学术交流覆盖面，会后汇编会议论文集",
    ],
}

#: Themes appended to a template's title, so that every title of the intake is its own.
THEMES = ["科技服务能力提升", "创新驱动发展", "产学研协同", "人才引进与培养", "科学普及",
          "成果转化对接", "数字化服务", "县域产业赋能", "学术交流合作", "规范化建设"]

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [pow(3, i, 31) for i in range(17)]
ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]


def _base36(c: str) -> int:
    return int(c) if c.isdigit() else ord(c) - ord("A") + 10


def credit_code(prefix: str, serial: int) -> str:
    """A GB 32100 code: characters 1-8 `prefix`, an organisation code built from `serial`
    (0 … 999,999), both check characters valid (as bench/make_jsonl.py)."""
    body = prefix + "MJ%06d" % serial
    c = 11 - sum(w * _base36(ch) for w, ch in zip(ORG_WEIGHTS, body[8:16])) % 11
    body += "X" if c == 10 else "0" if c == 11 else str(c)
    total = sum(w * ALPHABET.index(ch) for w, ch in zip(WEIGHTS, body))
    return body + ALPHABET[(31 - total % 31) % 31]


# ---- JSON pointers --------------------------------------------------------------------------

def _tokens(pointer: str) -> List[str]:
    if not pointer.startswith("/"):
        raise ValueError(f"not a JSON pointer: {pointer!r}")
    return [t.replace("~1", "/").replace("~0", "~") for t in pointer[1:].split("/")]


def _step(node: Any, token: str) -> Any:
    if isinstance(node, list):
        i = int(token)
        return node[i] if 0 <= i < len(node) else None
    return node.get(token) if isinstance(node, dict) else None


def get(doc: Any, pointer: str) -> Any:
    node = doc
    for t in _tokens(pointer):
        node = _step(node, t)
        if node is None:
            return None
    return node


def _parent(doc: Any, pointer: str) -> Tuple[Any, str]:
    tokens = _tokens(pointer)
    node = doc
    for t in tokens[:-1]:
        node = _step(node, t)
        if node is None:
            return None, tokens[-1]
    return node, tokens[-1]


def touched(name: str) -> List[List[str]]:
    """The fields a mutation changes, as lists of pointer tokens."""
    out = []
    for op in MUTATIONS[name][2]:
        if op[0] == "same_applicant_as_earlier":
            out += [_tokens(PATHS["lead_code"]), _tokens(PATHS["lead_name"])]
        elif op[0] == "same_title_as_earlier":
            out.append(_tokens(PATHS["title"]))
        else:
            out.append(_tokens(op[1]))
    return out


def overlaps(a: str, b: str) -> bool:
    """Whether two mutations change the same field, or one a field inside the other's."""
    return any(x[: len(y)] == y or y[: len(x)] == x for x in touched(a) for y in touched(b))


def applies(doc: Any, op: tuple) -> bool:
    """Whether the operation can be made on this application (its parent exists)."""
    if op[0] in ("same_applicant_as_earlier", "same_title_as_earlier"):
        return True
    parent, last = _parent(doc, op[1])
    if parent is None:
        return False
    if op[0] == "set":
        return isinstance(parent, dict) or (isinstance(parent, list) and int(last) < len(parent))
    if op[0] == "delete?":
        return True
    value = _step(parent, last)
    if op[0] == "delete":
        return value is not None
    if op[0] == "drop":
        return isinstance(value, list) and op[2] in value
    if op[0] == "keep":
        return isinstance(value, list) and len(value) > op[2]
    return isinstance(value, str) and len(value) == 18  # bad_check, code_prefix


def apply(doc: Any, op: tuple) -> None:
    parent, last = _parent(doc, op[1])
    kind = op[0]
    if kind == "delete?":
        if isinstance(parent, dict):
            parent.pop(last, None)
    elif kind == "set":
        if isinstance(parent, list):
            parent[int(last)] = copy.deepcopy(op[2])
        else:
            parent[last] = copy.deepcopy(op[2])
    elif kind == "delete":
        del parent[last]
    elif kind == "drop":
        parent[last] = [v for v in parent[last] if v != op[2]]
    elif kind == "keep":
        parent[last] = parent[last][: op[2]]
    elif kind == "bad_check":
        code = parent[last]
        parent[last] = code[:17] + ALPHABET[(ALPHABET.index(code[17]) + 7) % 31]
    elif kind == "code_prefix":
        code = parent[last]
        parent[last] = credit_code(op[2], int(code[10:16]) if code[10:16].isdigit() else 0)
    else:
        raise ValueError(f"unknown operation {kind}")


# ---- the intake -----------------------------------------------------------------------------

def load_templates() -> Dict[str, List[dict]]:
    """The bundled examples by project type, application part only."""
    by_type: Dict[str, List[dict]] = collections.defaultdict(list)
    paths = sorted((ROOT / "examples/applications").glob("*.json")) + \
        sorted((ROOT / "examples/completion").glob("*.json"))
    for path in paths:
        doc = json.loads(path.read_text(encoding="utf-8"))
        for pointer in PATHS["completion_only"]:
            parent, last = _parent(doc, pointer)
            if isinstance(parent, dict):
                parent.pop(last, None)
        doc["_template"] = path.relative_to(ROOT).as_posix()
        by_type[get(doc, PATHS["project_type"])].append(doc)
    return dict(by_type)


def compact(doc: dict) -> str:
    return json.dumps({k: v for k, v in doc.items() if not k.startswith("_")},
                      ensure_ascii=False, separators=(",", ":"))


class Intake:
    def __init__(self, args: argparse.Namespace, templates: Dict[str, List[dict]]):
        self.args = args
        self.rng = random.Random(args.seed)
        self.templates = templates
        self.types = sorted(templates)
        self.apps: List[dict] = []
        self.meant: List[str] = []
        self.mutations: List[List[str]] = []
        self.misfired: collections.Counter = collections.Counter()
        self.used: collections.Counter = collections.Counter()

    def base(self, i: int, project_type: str) -> dict:
        """A template of the type with its own identity, grown to a drawn size."""
        t = self.rng.choice(self.templates[project_type])
        doc = copy.deepcopy(t)
        doc["id"] = "MIX-%06d" % i
        theme = self.rng.choice(THEMES)
        doc["title"] = f"{doc.get('title', '项目')}（{theme}·NX2025-{i:06d}）"
        code = get(doc, PATHS["lead_code"]) or "51640000MJX000018H"
        parent, last = _parent(doc, PATHS["lead_code"])
        parent[last] = credit_code(code[:8], i)
        size = self.rng.randint(1250, 1550)
        measures = get(doc, PATHS["work_measures"])
        pool = [m for m in MEASURES[project_type] if measures is None or m not in measures]
        self.rng.shuffle(pool)
        while measures is not None and pool and len(compact(doc).encode()) < size:
            measures.append(pool.pop())
        return doc

    def candidates(self, doc: dict, project_type: str, cls: str, taken: List[str]) -> List[str]:
        out = []
        for name, (c, types, ops) in MUTATIONS.items():
            if c != cls or name in taken or (types is not None and project_type not in types):
                continue
            if any(overlaps(name, other) for other in taken):
                continue  # one mutation would undo or hide another
            missed = self.misfired[(name, cls)]
            if missed >= 5 and missed * 2 > self.used[name]:
                continue  # most often it does not give its class with this engine: leave it
            if all(applies(doc, op) for op in ops):
                out.append(name)
        return out

    def make(self, i: int, cls: str, project_type: str) -> Tuple[dict, List[str]]:
        doc = self.base(i, project_type)
        names: List[str] = []
        if cls != "accepted":
            first = self.candidates(doc, project_type, cls, names)
            if not first:  # nothing of this class applies to the type: draw another type
                return self.make(i, cls, self.rng.choice(self.types))
            names.append(self.rng.choice(first))
            for extra_cls, p in EXTRA[cls]:
                if self.rng.random() < p:
                    more = self.candidates(doc, project_type, extra_cls, names)
                    if more:
                        names.append(self.rng.choice(more))
        for name in names:
            self.used[name] += 1
            for op in MUTATIONS[name][2]:
                if op[0] in ("same_applicant_as_earlier", "same_title_as_earlier"):
                    doc.setdefault("_batch", []).append(op[0])
                elif applies(doc, op):
                    apply(doc, op)
        return doc, names

    def draw_class(self) -> str:
        r, acc = self.rng.random(), 0.0
        for cls in ("accepted", "incomplete", "rejected", "needs_review"):
            acc += TARGET[cls]
            if r < acc:
                return cls
        return "needs_review"

    @staticmethod
    def copy_from(doc: dict, earlier: dict, op: str) -> None:
        """The same applicant (credit code and name) or the same title as `earlier`."""
        keys = ("lead_code", "lead_name") if op == "same_applicant_as_earlier" else ("title",)
        for key in keys:
            parent, last = _parent(doc, PATHS[key])
            if isinstance(parent, dict):
                parent[last] = get(earlier, PATHS[key])

    def link_batch(self) -> None:
        """Makes the batch-level mutations: the earlier application is the nearest earlier one
        that is meant to be accepted (so that it stands and this one carries the finding)."""
        for i, doc in enumerate(self.apps):
            for op in doc.get("_batch", []):
                pt = doc["project_type"]
                j = next((k for k in range(i - 1, -1, -1) if self.meant[k] == "accepted" and
                          (self.apps[k]["project_type"] == pt) == (op == "same_applicant_as_earlier")
                          and "_batch" not in self.apps[k]), None)
                if j is None:
                    continue
                self.copy_from(doc, self.apps[j], op)

    def build(self) -> None:
        for i in range(self.args.count):
            cls = self.draw_class()
            doc, names = self.make(i, cls, self.types[i % len(self.types)])
            self.apps.append(doc)
            self.meant.append(cls)
            self.mutations.append(names)
        self.link_batch()

    def redraw(self, wrong: List[int], got: List[str]) -> None:
        for i in wrong:
            for name in self.mutations[i]:
                if MUTATIONS[name][0] == self.meant[i]:
                    self.misfired[(name, self.meant[i])] += 1
        for i in wrong:
            doc, names = self.make(i, self.meant[i], self.apps[i]["project_type"])
            self.apps[i] = doc
            self.mutations[i] = names
        # Batch-level links are drawn again for the new ones only.
        for i in wrong:
            for op in self.apps[i].get("_batch", []):
                pt = self.apps[i]["project_type"]
                j = next((k for k in range(i - 1, -1, -1) if self.meant[k] == "accepted" and
                          got[k] == "accepted" and
                          (self.apps[k]["project_type"] == pt) == (op == "same_applicant_as_earlier")),
                         None)
                if j is None:
                    continue
                self.copy_from(self.apps[i], self.apps[j], op)


# ---- the engine -----------------------------------------------------------------------------

def check_with_cli(nxkx: pathlib.Path, array_file: pathlib.Path) -> List[dict]:
    proc = subprocess.run([str(nxkx), "check", "--as-of", AS_OF, "--format", "json", str(array_file)],
                          capture_output=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"{nxkx} check failed ({proc.returncode}): {proc.stderr.decode(errors='replace')[:2000]}")
    out = json.loads(proc.stdout)
    if out.get("errors"):
        sys.exit(f"{nxkx} check: input errors: {json.dumps(out['errors'], ensure_ascii=False)[:2000]}")
    return [{"decision": r["decision"]["code"], "rule_ids": [f["rule_id"] for f in r["findings"]]}
            for r in out["reports"]]


def check_with_python(build_python: pathlib.Path, lines: List[str]) -> List[dict]:
    sys.path.insert(0, str(build_python))
    import nxkx  # noqa: E402  (the package of the build tree)
    reports = nxkx.check_many(lines, as_of=datetime.date.fromisoformat(AS_OF))
    return [{"decision": r.decision.value, "rule_ids": [f.rule_id for f in r.findings]} for r in reports]


def write_files(out: pathlib.Path, count: int, lines: List[str]) -> Tuple[pathlib.Path, pathlib.Path]:
    out.mkdir(parents=True, exist_ok=True)
    array_file, jsonl_file = out / f"mix-{count}.json", out / f"mix-{count}.jsonl"
    array_file.write_text("[\n" + ",\n".join(lines) + "\n]\n", encoding="utf-8")
    jsonl_file.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return array_file, jsonl_file


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--out", type=pathlib.Path, default=ROOT / "build/release/bench/mix")
    engine = parser.add_mutually_exclusive_group()
    engine.add_argument("--nxkx", type=pathlib.Path, help="the nxkx command (default build/release/nxkx)")
    engine.add_argument("--python", type=pathlib.Path, help="a build tree's python/ directory")
    parser.add_argument("--rounds", type=int, default=4,
                        help="times an application whose decision is not its class is drawn again")
    parser.add_argument("--quiet", action="store_true")
    parser.add_argument("--verbose", action="store_true", help="list the applications not meant")
    args = parser.parse_args()
    if not 1 <= args.count <= 999_999:
        parser.error("--count: 1 to 999,999 (the credit code serial has 6 digits)")
    nxkx = args.nxkx or (None if args.python else ROOT / "build/release/nxkx")
    if nxkx is not None and not nxkx.exists():
        parser.error(f"{nxkx}: no such command; build it (cmake --build --preset release --target nxkx_cli)")

    def engine(lines: List[str], array_file: pathlib.Path) -> List[dict]:
        return check_with_cli(nxkx, array_file) if nxkx else check_with_python(args.python, lines)

    # The templates the engine accepts as they are (with an identity of their own) are the
    # bases; the examples that show a finding (grade C, a late courier, …) are left out, since
    # the mutations make those findings where they are meant.
    templates = load_templates()
    flat = [t for pt in sorted(templates) for t in templates[pt]]
    probes = []
    for k, t in enumerate(flat):
        doc = copy.deepcopy(t)
        doc["id"], doc["title"] = f"TPL-{k}", f"{doc.get('title', '')}（模板{k}）"
        parent, last = _parent(doc, PATHS["lead_code"])
        parent[last] = credit_code((parent[last] or "51640000")[:8], 990_000 + k)
        probes.append(compact(doc))
    args.out.mkdir(parents=True, exist_ok=True)
    probe_file = args.out / "templates.json"
    probe_file.write_text("[\n" + ",\n".join(probes) + "\n]\n", encoding="utf-8")
    bases: Dict[str, List[dict]] = collections.defaultdict(list)
    for t, r in zip(flat, engine(probes, probe_file)):
        if r["decision"] == "accepted":
            bases[t["project_type"]].append(t)
        elif not args.quiet:
            print(f"template {t['_template']}: {r['decision']} ({', '.join(r['rule_ids'])}), not a base",
                  file=sys.stderr)
    if sorted(bases) != sorted(templates):
        sys.exit(f"no accepted example for {sorted(set(templates) - set(bases))}")

    intake = Intake(args, dict(bases))
    intake.build()
    for rnd in range(args.rounds + 1):
        lines = [compact(d) for d in intake.apps]
        array_file, jsonl_file = write_files(args.out, args.count, lines)
        results = engine(lines, array_file)
        if len(results) != len(lines):
            sys.exit(f"the engine answered {len(results)} reports for {len(lines)} applications")
        got = [r["decision"] for r in results]
        wrong = [i for i, g in enumerate(got) if g != intake.meant[i]]
        if not args.quiet:
            print(f"round {rnd}: {len(wrong)} of {len(lines)} not the class they were meant for",
                  file=sys.stderr)
        if args.verbose:
            pairs = collections.Counter((intake.meant[i], got[i], "+".join(intake.mutations[i])) for i in wrong)
            for (m, g, names), k in pairs.most_common():
                print(f"  meant {m}, engine {g}: {names} ×{k}", file=sys.stderr)
        if not wrong or rnd == args.rounds:
            break
        intake.redraw(wrong, got)

    counts = collections.Counter(got)
    rules = collections.Counter(rid for r in results for rid in r["rule_ids"])
    sizes = [len(line.encode()) for line in lines]
    pack = json.loads((ROOT / "data/notice-2025.json").read_text(encoding="utf-8"))
    app_rules = [r["id"] for r in pack["rules"] if r.get("stage", "application") == "application"]
    manifest = {
        "generator": "bench/realistic_mix.py",
        "seed": args.seed,
        "count": args.count,
        "as_of": AS_OF,
        "stage": "application",
        "engine": f"{nxkx} check --format json" if nxkx else f"nxkx.check_many ({args.python})",
        "files": {"array": array_file.name, "jsonl": jsonl_file.name},
        "decisions": {c: counts.get(c, 0) for c in CLASSES},
        "target": TARGET,
        "with_findings": sum(1 for r in results if r["rule_ids"]),
        "findings": sum(rules.values()),
        "findings_per_rule": dict(sorted(rules.items())),
        "rules_never_fired": [r for r in app_rules if r not in rules],
        "bytes": {"total": sum(sizes), "mean": round(sum(sizes) / len(sizes)),
                  "min": min(sizes), "max": max(sizes)},
        "by_type": dict(sorted(collections.Counter(d["project_type"] for d in intake.apps).items())),
        "not_meant": len(wrong),
        "misfired": {f"{n} (meant {c})": k for (n, c), k in sorted(intake.misfired.items())},
        "decision_of": got,
    }
    (args.out / f"mix-{args.count}.expected.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    n = len(got)
    print(f"{array_file} / {jsonl_file.name}: {n} applications, {sum(sizes) / 1e6:.1f} MB, "
          f"{sum(sizes) / n:.0f} bytes each on average ({min(sizes)}-{max(sizes)})")
    print("decision       measured   target")
    for c in ("accepted", "incomplete", "rejected", "needs_review"):
        print(f"  {c:<12} {counts.get(c, 0) / n:7.1%}   {TARGET[c]:6.1%}   ({counts.get(c, 0)})")
    print(f"  with findings {manifest['with_findings'] / n:.1%}; {manifest['findings'] / n:.2f} findings "
          f"per application; {len(rules)} of {len(app_rules)} application rules fired"
          + (f"; never: {', '.join(manifest['rules_never_fired'])}" if manifest["rules_never_fired"] else ""))
    if wrong:
        print(f"  {len(wrong)} applications still not the class they were meant for (kept as the engine says)")
    if intake.misfired:
        print("  mutations that did not give their class: " +
              ", ".join(f"{k} ×{v}" for k, v in manifest["misfired"].items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
