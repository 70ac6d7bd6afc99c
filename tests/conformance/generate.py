#!/usr/bin/env python3
"""Writes the conformance corpus (cases/*.json) from a good application per project type and
one change each. The expected decision and rule ids are stated here by hand, from RULES.md,
never computed by nxkx: the corpus is what every face of nxkx (C++, C, Python, WebAssembly)
must agree with.

Run: python3 tests/conformance/generate.py   (rewrites tests/conformance/cases/)
"""
import copy
import json
import pathlib
import shutil

HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE / "cases"
PARTS = ["basic_info", "project_content", "work_measures", "targets", "schedule", "budget",
         "applicant_opinion"]


def society(code="51640000MJX000018H", name="宁夏测试学会"):
    return {
        "name": name, "credit_code": code, "kind": "society", "division": "640000",
        "legal_person": True, "own_account": True, "has_capacity": True,
        "supervised_by_association": True, "group_member": False,
        "history": {
            "2023": {"annual_inspection": "qualified"},
            "2024": {"annual_inspection": "qualified", "penalized": False,
                     "projects": "completed", "evaluation_grade": "b"},
        },
    }


def grassroots(div, code, field="agriculture"):
    return {"name": f"{div}农业技术学会", "credit_code": code, "kind": "grassroots_society",
            "division": div, "field": field, "legal_person": True, "own_account": True,
            "has_capacity": True, "head_signed": True, "sealed": True}


def base(ptype):
    app = {
        "id": f"{ptype}-1", "project_type": ptype, "title": f"{ptype} 测试项目",
        "applicant": society(),
        "submission": {"paper_copies": 2, "sealed": True, "delivery": "courier",
                       "dispatch_date": "2025-05-16", "received_date": "2025-05-19",
                       "word_version": {"emailed": True, "sent_to": "nxkxxhb@163.com",
                                        "sent_on": "2025-05-16"}},
        "form": {"parts": list(PARTS)},
        "plan": {"work_measures": ["组织开展活动并按期提交案例"]},
    }
    a = app["applicant"]
    if ptype in ("park_sta_capacity", "haizhi_base_capacity"):
        for k in ("supervised_by_association", "group_member", "history"):
            a.pop(k)
        a.update(kind="park_sta" if ptype == "park_sta_capacity" else "haizhi_base",
                 credit_code="52640100MJX000026E", division="640106", name="测试园区科协")
        if ptype == "park_sta_capacity":
            a["establishment_approved"] = True
        else:
            a["approved_by_cast"] = True
        app["recommendation_letter"] = {"issuer": "银川市科学技术协会", "city": "640100",
                                        "issued": "2025-05-10"}
    elif ptype == "returnee_alliance_capacity":
        for k in ("supervised_by_association", "group_member", "history"):
            a.pop(k)
        a.update(kind="returnee_alliance", credit_code="52640100MJX000026E",
                 division="640100", name="宁夏海归创业联合体")
    elif ptype == "grassroots_societies_capacity":
        app["joint_applicants"] = [grassroots("640122", "91640100763203439G"),
                                   grassroots("640302", "53640000MJX1736997"),
                                   grassroots("640402", "52640100MJX000026E", "health")]
    return app


TYPES = ["park_sta_capacity", "haizhi_base_capacity", "returnee_alliance_capacity",
         "society_capacity", "grassroots_societies_capacity", "regional_academic_exchange"]

cases = []


def case(name, description, apps, expect, as_of="2025-05-20", options=None, error=None):
    c = {"name": name, "description": description, "as_of": as_of, "stage": "application"}
    if options:
        c["options"] = options
    c["applications"] = apps
    if error:
        c["error"] = error
    else:
        c["expect"] = expect
    cases.append(c)


def one(name, description, ptype, change, decision, rules, **kw):
    app = base(ptype)
    change(app)
    case(name, description, [app], [{"decision": decision, "rule_ids": sorted(set(rules))}], **kw)


ok = lambda app: None

# ---- every project type accepted ----
for t in TYPES:
    one(f"accepted-{t}", f"a complete, timely {t} application is accepted", t, ok, "accepted", [])

one("accepted-alliance-council-member", "一(一)3 reading: a council member may apply alone",
    "returnee_alliance_capacity", lambda a: a["applicant"].update(kind="alliance_council_member"),
    "accepted", [])
one("accepted-group-member-only", "二(一): a 团体会员 not supervised by the association",
    "society_capacity",
    lambda a: a["applicant"].update(supervised_by_association=False, group_member=True),
    "accepted", [])
one("accepted-basically-qualified", "二(三)1: 基本合格 in 2024 is not 不合格", "society_capacity",
    lambda a: a["applicant"]["history"]["2024"].update(annual_inspection="basically_qualified"),
    "accepted", [])
one("accepted-no-projects-assigned", "二(三)3: no 2024 projects assigned", "society_capacity",
    lambda a: a["applicant"]["history"]["2024"].update(projects="none_assigned"), "accepted", [])

# ---- 二(一) eligibility ----
one("rejected-wrong-kind", "二(一): a park association cannot apply for the society project",
    "society_capacity", lambda a: a["applicant"].update(kind="park_sta"), "rejected",
    # As a park it has not declared 已批复成立 either; the society rules no longer apply.
    ["eligibility.applicant_kind", "eligibility.park_established"])
one("rejected-joint-wrong-kind", "一(二)2: joint applicants are 基层三会",
    "grassroots_societies_capacity",
    lambda a: a["joint_applicants"][0].update(kind="park_sta"), "rejected",
    ["eligibility.joint_applicant_kind"])
one("incomplete-no-grassroots-partner", "一(二)2: no 基层三会 named",
    "grassroots_societies_capacity", lambda a: a.pop("joint_applicants"), "incomplete",
    ["eligibility.grassroots_partners_present"])
one("rejected-not-affiliated", "二(一): neither supervised nor a member", "society_capacity",
    lambda a: a["applicant"].update(supervised_by_association=False), "rejected",
    ["eligibility.society_affiliation"])
one("incomplete-affiliation-unknown", "a fact the input leaves out is unknown, not no",
    "regional_academic_exchange",
    lambda a: [a["applicant"].pop("supervised_by_association"), a["applicant"].pop("group_member")],
    "incomplete", ["eligibility.society_affiliation"])
one("rejected-haizhi-not-approved", "二(一): 海智基地 approved by 中国科协",
    "haizhi_base_capacity", lambda a: a["applicant"].update(approved_by_cast=False), "rejected",
    ["eligibility.haizhi_approved"])
one("rejected-park-not-established", "二(一): 园区科协 已批复成立", "park_sta_capacity",
    lambda a: a["applicant"].update(establishment_approved=False), "rejected",
    ["eligibility.park_established"])
one("rejected-park-outside-ningxia", "二(一): 全区范围内", "park_sta_capacity",
    lambda a: a["applicant"].update(division="610102"), "rejected",
    ["eligibility.park_in_region", "recommendation.other_city"])
one("rejected-grassroots-outside-ningxia", "二(一): a 三会 in a county outside Ningxia",
    "grassroots_societies_capacity",
    lambda a: a["joint_applicants"][2].update(division="610102"), "rejected",
    ["eligibility.grassroots_county"])
one("incomplete-grassroots-field-missing", "二(一): the field of a 三会 left out",
    "grassroots_societies_capacity",
    lambda a: a["joint_applicants"][1].pop("field"), "incomplete",
    ["eligibility.grassroots_field"])
one("needs-review-society-not-51", "a 全区学会 whose code is not a 社会团体 code",
    "society_capacity", lambda a: a["applicant"].update(credit_code="52640100MJX000026E"),
    "needs_review", ["eligibility.society_org_type"])
one("incomplete-bad-credit-code", "GB 32100 check character 18 wrong", "society_capacity",
    lambda a: a["applicant"].update(credit_code="51640000MJX000018J"), "incomplete",
    ["identity.credit_code"])
one("needs-review-bad-credit-code-as-warning", "the check severity is a setting",
    "society_capacity", lambda a: a["applicant"].update(credit_code="51640000MJX000018J"),
    "needs_review", ["identity.credit_code"], options={"bad_credit_code": "needs_review"})
one("incomplete-joint-bad-credit-code", "joint applicants' codes are checked",
    "grassroots_societies_capacity",
    lambda a: a["joint_applicants"][0].update(credit_code="91640100763203439A"), "incomplete",
    ["identity.credit_code"])

# ---- 二(二) ----
one("needs-review-no-own-account", "二(二) 原则应: a person decides", "society_capacity",
    lambda a: a["applicant"].update(own_account=False), "needs_review",
    ["eligibility.basic_conditions"])
one("incomplete-capacity-undeclared", "二(二) undeclared is missing material",
    "park_sta_capacity", lambda a: a["applicant"].pop("has_capacity"), "incomplete",
    ["eligibility.basic_conditions"])

# ---- 二(三) ----
one("rejected-no-2023-inspection", "二(三)1 reading: missing either year counts",
    "society_capacity",
    lambda a: a["applicant"]["history"]["2023"].update(annual_inspection="not_participated"),
    "rejected", ["disqualification.annual_inspection"])
one("rejected-2024-inspection-failed", "二(三)1: 2024 年检不合格", "regional_academic_exchange",
    lambda a: a["applicant"]["history"]["2024"].update(annual_inspection="unqualified"),
    "rejected", ["disqualification.annual_inspection"])
one("incomplete-2023-undeclared", "二(三)1: the 2023 inspection left out", "society_capacity",
    lambda a: a["applicant"]["history"].pop("2023"), "incomplete",
    ["disqualification.annual_inspection"])
one("rejected-penalised-2024", "二(三)2", "grassroots_societies_capacity",
    lambda a: a["applicant"]["history"]["2024"].update(penalized=True), "rejected",
    ["disqualification.penalty"])
one("incomplete-penalty-undeclared", "二(三)2 undeclared is not 'no penalty'",
    "society_capacity", lambda a: a["applicant"]["history"]["2024"].pop("penalized"),
    "incomplete", ["disqualification.penalty"])
one("rejected-projects-not-completed", "二(三)3", "society_capacity",
    lambda a: a["applicant"]["history"]["2024"].update(projects="not_completed"), "rejected",
    ["disqualification.projects"])
one("rejected-grade-c", "二(三)4", "society_capacity",
    lambda a: a["applicant"]["history"]["2024"].update(evaluation_grade="c"), "rejected",
    ["disqualification.evaluation_grade"])

# ---- 三 ----
one("incomplete-no-work-measures", "三(一) 明确具体工作举措", "society_capacity",
    lambda a: a["plan"].update(work_measures=[" "]), "incomplete",
    ["application.work_measures"])
one("incomplete-one-copy", "三(二) 一式2份", "society_capacity",
    lambda a: a["submission"].update(paper_copies=1), "incomplete", ["submission.copies"])
one("incomplete-unsealed", "三(二) 加盖单位公章", "haizhi_base_capacity",
    lambda a: a["submission"].update(sealed=False), "incomplete", ["submission.sealed"])
one("incomplete-word-not-emailed", "三(二) word版", "returnee_alliance_capacity",
    lambda a: a["submission"]["word_version"].update(emailed=False), "incomplete",
    ["submission.word_version"])
one("incomplete-form-parts-missing", "三(三) 要素齐全", "society_capacity",
    lambda a: a["form"].update(parts=PARTS[:-2]), "incomplete", ["form.complete"])
one("incomplete-joint-unsigned", "三(三) 联合申报单位负责人签署意见并盖章",
    "grassroots_societies_capacity",
    lambda a: a["joint_applicants"][1].update(head_signed=False), "incomplete",
    ["joint.signed_sealed"])
one("incomplete-no-letter", "一(一)1 推荐函", "park_sta_capacity",
    lambda a: a.pop("recommendation_letter"), "incomplete", ["recommendation.present"])
one("needs-review-letter-other-city", "一(一)2 a letter from another city", "haizhi_base_capacity",
    lambda a: a["recommendation_letter"].update(city="640400"), "needs_review",
    ["recommendation.other_city"])

# ---- dates (三(二), 三(四)) ----
one("accepted-dispatch-on-deadline", "dispatched 05-16, received 05-19: the dispatch date counts",
    "society_capacity", ok, "accepted", [])
one("rejected-dispatch-after-deadline", "dispatched 05-17", "society_capacity",
    lambda a: a["submission"].update(dispatch_date="2025-05-17"), "rejected",
    ["submission.deadline"])
one("rejected-handed-in-after-deadline", "handed in 05-17", "society_capacity",
    lambda a: a["submission"].update(delivery="in_person", dispatch_date=None,
                                     handed_in_date="2025-05-17", received_date="2025-05-17"),
    "rejected", ["submission.deadline"])
one("accepted-handed-in-on-deadline", "handed in 05-16", "society_capacity",
    lambda a: a["submission"].update(delivery="in_person", dispatch_date=None,
                                     handed_in_date="2025-05-16", received_date="2025-05-16"),
    "accepted", [])
one("rejected-utc-timestamp-is-next-day-in-china",
    "2025-05-16T16:30:00Z is 2025-05-17 00:30 in China", "society_capacity",
    lambda a: a["submission"].update(dispatch_date="2025-05-16T16:30:00Z"), "rejected",
    ["submission.deadline"])
one("accepted-utc-timestamp-still-16th-in-china", "2025-05-16T15:59:59Z is 23:59:59 in China",
    "society_capacity", lambda a: a["submission"].update(dispatch_date="2025-05-16T15:59:59Z"),
    "accepted", [])
one("incomplete-no-submission-date", "no dispatch or hand-in date, no receipt",
    "society_capacity",
    lambda a: a["submission"].update(dispatch_date=None, received_date=None), "incomplete",
    ["submission.deadline"])
one("needs-review-dated-after-check", "dispatched after the date of the check",
    "society_capacity", lambda a: a["submission"].update(dispatch_date="2025-05-14"),
    "needs_review", ["submission.not_after_check"], as_of="2025-05-12")

# ---- 三(一) across a batch ----
a1 = base("society_capacity")
a2 = base("society_capacity")
a2["id"] = "dup-2"
a2["title"] = "另一个名称"
case("rejected-duplicate-applicant", "三(一): one applicant, one application per type; the first stands",
     [a1, a2], [{"decision": "accepted", "rule_ids": []},
                {"decision": "rejected", "rule_ids": ["application.duplicate_applicant"]}])
b1 = base("society_capacity")
b1["title"] = "宁夏智慧农业学术交流"
b2 = base("regional_academic_exchange")
b2["title"] = "宁夏 智慧农业 学术交流。"
case("needs-review-same-title-other-type", "三(一): the same title under another type",
     [b1, b2], [{"decision": "accepted", "rule_ids": []},
                {"decision": "needs_review", "rule_ids": ["application.similar_title"]}])

# ---- worst finding decides (§6) ----
def many(a):
    a["applicant"]["legal_person"] = False
    a["submission"]["paper_copies"] = 1
    a["applicant"]["history"]["2024"]["evaluation_grade"] = "c"
one("rejected-worst-of-three", "§6: rejected > incomplete > needs review", "society_capacity",
    many, "rejected", ["eligibility.basic_conditions", "submission.copies",
                       "disqualification.evaluation_grade"])

# ---- broken input: an error naming the path, never a report ----
def bad(name, description, ptype, change, code, path):
    app = base(ptype)
    change(app)
    case(name, description, [app], None, error={"code": code, "path": path})

bad("error-impossible-date", "2025-02-30 does not exist", "society_capacity",
    lambda a: a["submission"].update(dispatch_date="2025-02-30"), "input.date",
    "/0/submission/dispatch_date")
bad("error-wrong-type", "a number where a boolean belongs", "grassroots_societies_capacity",
    lambda a: a["joint_applicants"][1].update(sealed="yes"), "input.type",
    "/0/joint_applicants/1/sealed")
bad("error-unknown-code", "an applicant kind the notice does not know", "society_capacity",
    lambda a: a["applicant"].update(kind="university"), "input.unknown_code", "/0/applicant/kind")
bad("error-unknown-project-type", "a project type the notice does not know", "society_capacity",
    lambda a: a.update(project_type="space_programme"), "input.unknown_code", "/0/project_type")
bad("error-unknown-field", "a misspelt field is reported, not dropped", "society_capacity",
    lambda a: a["applicant"].update(nmae="x"), "input.unknown_field", "/0/applicant/nmae")
bad("error-missing-project-type", "project_type is required", "society_capacity",
    lambda a: a.pop("project_type"), "input.missing", "/0/project_type")
bad("error-negative-copies", "a count cannot be negative", "society_capacity",
    lambda a: a["submission"].update(paper_copies=-2), "input.range", "/0/submission/paper_copies")

if OUT.exists():
    shutil.rmtree(OUT)
OUT.mkdir()
for i, c in enumerate(cases):
    (OUT / f"{i:03d}-{c['name']}.json").write_text(
        json.dumps(c, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
print(f"{len(cases)} cases written to {OUT}")
