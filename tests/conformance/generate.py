#!/usr/bin/env python3
"""Writes the conformance corpus (cases/*.json) from a good application per project type and
one change each. The expected decision and rule ids are stated here by hand, from the notice
and the readings of docs/notice/readings.md (revision 2), never computed by nxkx: the corpus is
what every face of nxkx (C++, C, Python, WebAssembly) must agree with.

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


# 三(三) 目标合理: each project type's plan targets at exactly the notice's minimums (项目内容).
TARGETS = {
    "park_sta_capacity": {"events": 4, "transfers": 1, "platform_items": 100, "media_reports": 1,
                          "texts": 1},
    "haizhi_base_capacity": {"events": 4, "platform_items": 100, "media_reports": 1, "texts": 1},
    "returnee_alliance_capacity": {"service_events": 2, "popular_science_events": 2,
                                   "salon_events": 2, "texts": 1},
    "society_capacity": {"events": 2, "texts": 1},
    "grassroots_societies_capacity": {"partners": 3, "events": 5, "texts": 1},
    "regional_academic_exchange": {"events": 1, "experts": 2, "offline_attendance": 200,
                                   "texts": 1},
}


def base(ptype):
    app = {
        "id": f"{ptype}-1", "project_type": ptype, "title": f"{ptype} 测试项目",
        "applicant": society(),
        "submission": {"paper_copies": 2, "sealed": True, "delivery": "courier",
                       "dispatch_date": "2025-05-16", "received_date": "2025-05-19",
                       "word_version": {"emailed": True, "sent_to": "nxkxxhb@163.com",
                                        "sent_on": "2025-05-16"}},
        "form": {"parts": list(PARTS)},
        "plan": {"work_measures": ["组织开展活动并按期提交案例"], "targets": dict(TARGETS[ptype])},
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


def case(name, description, apps, expect, as_of="2025-05-20", options=None, error=None,
         stage="application"):
    c = {"name": name, "description": description, "as_of": as_of, "stage": stage}
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

one("needs-review-alliance-council-member-alone",
    "一(一)3 reading rev. 2: the alliance leads; a council member alone goes to a person",
    "returnee_alliance_capacity", lambda a: a["applicant"].update(kind="alliance_council_member"),
    "needs_review", ["eligibility.alliance_lead"])
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
# 一(二)2(1): a partner that is not a valid 基层三会 also leaves fewer than three valid partners.
one("incomplete-joint-wrong-kind",
    "一(二)2 rev. 2: a joint applicant of another kind goes to a person; two valid partners are short",
    "grassroots_societies_capacity",
    lambda a: a["joint_applicants"][0].update(kind="park_sta"), "incomplete",
    ["eligibility.joint_applicant_kind", "target.grassroots.partner_societies"])
one("incomplete-no-grassroots-partner", "一(二)2: no 基层三会 named: one finding",
    "grassroots_societies_capacity", lambda a: a.pop("joint_applicants"), "incomplete",
    ["target.grassroots.partner_societies"])
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
    ["eligibility.grassroots_county", "target.grassroots.partner_societies"])
one("incomplete-grassroots-field-missing", "二(一): the field of a 三会 left out",
    "grassroots_societies_capacity",
    lambda a: a["joint_applicants"][1].pop("field"), "incomplete",
    ["eligibility.grassroots_field", "target.grassroots.partner_societies"])
one("needs-review-society-not-51", "a 全区学会 whose code is not a 社会团体 code",
    "society_capacity", lambda a: a["applicant"].update(credit_code="52640000MJX000042Y"),
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
def undated(a):
    a["submission"].update(dispatch_date=None, received_date=None)
    a["submission"]["word_version"]["sent_on"] = "2025-05-14"
one("incomplete-no-submission-date",
    "三(四) rev. 2: before the deadline, no dispatch or hand-in date is missing material",
    "society_capacity", undated, "incomplete", ["submission.deadline"], as_of="2025-05-15")
def dated_after_check(a):
    a["submission"].update(dispatch_date="2025-05-14")
    a["submission"]["word_version"]["sent_on"] = "2025-05-11"
one("needs-review-dated-after-check", "dispatched after the date of the check",
    "society_capacity", dated_after_check, "needs_review", ["submission.not_after_check"],
    as_of="2025-05-12")

# ---- 三(一) across a batch ----
a1 = base("society_capacity")
a2 = base("society_capacity")
a2["id"] = "dup-2"
a2["title"] = "另一个名称"
case("needs-review-duplicate-applicant-same-day",
     "三(一) rev. 2: the same applicant and type twice, sent the same day: the later in the input "
     "stands, the earlier is superseded (needs review, not rejected)",
     [a1, a2], [{"decision": "needs_review", "rule_ids": ["application.duplicate_applicant"]},
                {"decision": "accepted", "rule_ids": []}])
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

# =============================================================================================
# 三(三) 目标合理: the plan's targets against the notice's minimums (application stage)
# =============================================================================================
def target(name, description, ptype, code, value, rules, decision="incomplete"):
    def change(a):
        if value is None:
            a["plan"]["targets"].pop(code)
        else:
            a["plan"]["targets"][code] = value
    one(name, description, ptype, change, decision, rules)


target("incomplete-target-park-three-events", "一(一)1(1): a park plan promising 3 events",
       "park_sta_capacity", "events", 3, ["target.park.events"])
one("accepted-target-park-large-event", "一(一)1(1): 3 events, but one large event of 200",
    "park_sta_capacity",
    lambda a: a["plan"]["targets"].update(events=3, large_event_attendance=200), "accepted", [])
one("incomplete-target-park-large-event-199", "一(一)1(1): 3 events and a large event of 199",
    "park_sta_capacity",
    lambda a: a["plan"]["targets"].update(events=3, large_event_attendance=199), "incomplete",
    ["target.park.events"])
target("incomplete-target-park-no-transfer", "一(一)1(1): no 科技成果 transfer planned",
       "park_sta_capacity", "transfers", 0, ["target.park.transfers"])
target("incomplete-target-park-99-items", "一(一)1(2): 99 platform items",
       "park_sta_capacity", "platform_items", 99, ["target.park.platform_items"])
target("incomplete-target-park-media-missing", "一(一)1(3): the media target left out (unknown)",
       "park_sta_capacity", "media_reports", None, ["target.park.media_reports"])
target("incomplete-target-park-no-case", "一(一)1(3): no case study planned",
       "park_sta_capacity", "texts", 0, ["target.park.texts"])
target("incomplete-target-haizhi-events-missing", "一(一)2(1): the event target left out",
       "haizhi_base_capacity", "events", None, ["target.haizhi.events"])
target("incomplete-target-haizhi-50-items", "一(一)2(2): 50 platform items",
       "haizhi_base_capacity", "platform_items", 50, ["target.haizhi.platform_items"])
target("incomplete-target-haizhi-no-report", "一(一)2(3): no news report planned",
       "haizhi_base_capacity", "media_reports", 0, ["target.haizhi.media_reports"])
target("incomplete-target-haizhi-case-missing", "一(一)2(3): the case target left out",
       "haizhi_base_capacity", "texts", None, ["target.haizhi.texts"])
target("incomplete-target-alliance-one-service-event", "一(一)3(1): 1 service event",
       "returnee_alliance_capacity", "service_events", 1, ["target.alliance.service_events"])
target("incomplete-target-alliance-one-popular-science", "一(一)3(2): 1 科普 event",
       "returnee_alliance_capacity", "popular_science_events", 1,
       ["target.alliance.popular_science_events"])
target("incomplete-target-alliance-salons-missing", "一(一)3(3): salons left out",
       "returnee_alliance_capacity", "salon_events", None, ["target.alliance.salon_events"])
target("incomplete-target-alliance-no-report", "一(一)3(4): no 建言献策报告 planned",
       "returnee_alliance_capacity", "texts", 0, ["target.alliance.texts"])
target("incomplete-target-society-one-event", "一(二)1(2): 1 event", "society_capacity",
       "events", 1, ["target.society.events"])
target("incomplete-target-society-case-missing", "一(二)1(3): the case target left out",
       "society_capacity", "texts", None, ["target.society.texts"])
target("incomplete-target-grassroots-two-partners", "一(二)2(1): a plan pairing with 2",
       "grassroots_societies_capacity", "partners", 2, ["target.grassroots.partners"])
target("incomplete-target-grassroots-four-events", "一(二)2(2): 4 joint events",
       "grassroots_societies_capacity", "events", 4, ["target.grassroots.events"])
target("incomplete-target-grassroots-no-case", "一(二)2(3): no case planned",
       "grassroots_societies_capacity", "texts", 0, ["target.grassroots.texts"])
one("incomplete-target-grassroots-duplicate-partner",
    "一(二)2(1): the same 基层三会 twice (same credit code) counts once",
    "grassroots_societies_capacity",
    lambda a: a["joint_applicants"][1].update(credit_code="91640100763203439G"), "incomplete",
    ["target.grassroots.partner_societies"])
target("incomplete-target-exchange-no-event", "一(三)(1): no exchange planned",
       "regional_academic_exchange", "events", 0, ["target.exchange.events"])
target("incomplete-target-exchange-one-expert", "一(三)(2): 1 expert",
       "regional_academic_exchange", "experts", 1, ["target.exchange.experts"])
target("incomplete-target-exchange-199-offline", "一(三)(2): 199 people on site",
       "regional_academic_exchange", "offline_attendance", 199,
       ["target.exchange.offline_attendance"])
target("incomplete-target-exchange-report-missing", "一(三)(3): the report target left out",
       "regional_academic_exchange", "texts", None, ["target.exchange.texts"])

# =============================================================================================
# 项目内容 at completion: counted from the records, within the project period
# (from the approval date, else the notice's 2025-05-06, to 2025-11-30 inclusive)
# =============================================================================================
GRASSROOTS_CODES = ["91640100763203439G", "53640000MJX1736997", "52640100MJX000026E"]


def zi(n):
    """A text of exactly n 字 by both methods (one Han character each)."""
    return "字" * n


def ev(type_, held_on, attendance=None, offline=None, partners=None, title="活动"):
    e = {"title": title, "type": type_, "held_on": held_on, "place": "银川市"}
    if attendance is not None:
        e["attendance"] = attendance
    if offline is not None:
        e["offline_attendance"] = offline
    if partners is not None:
        e["partners"] = partners
    return e


def items(n, filed_on="2025-07-01"):
    return [{"kind": "need" if i % 2 else "result", "title": f"条目{i}", "filed_on": filed_on}
            for i in range(n)]


MAINSTREAM = {"outlet": "宁夏日报", "title": "项目建设见成效", "published_on": "2025-10-10",
              "mainstream": True}


def records(ptype):
    """Records that meet every deliverable of the type, several exactly at the bar."""
    if ptype == "park_sta_capacity":
        return {"events": [ev("academic_exchange", "2025-06-10", 60),
                           ev("rd_cooperation", "2025-07-15", 45),
                           ev("tech_roadshow", "2025-09-05", 80),
                           ev("results_promotion", "2025-11-30", 70)],
                "transfers": [{"title": "枸杞深加工技术", "transferred_on": "2025-09-01",
                               "economic_benefit": 150000}],
                "platform_items": items(100), "media_reports": [dict(MAINSTREAM)],
                "texts": [{"type": "case_study", "title": "案例", "content": zi(1500)}]}
    if ptype == "haizhi_base_capacity":
        return {"events": [ev("academic_exchange", "2025-06-10", 60),
                           ev("project_cooperation", "2025-07-15"),
                           ev("talent_recruitment", "2025-09-05", 40),
                           ev("tech_roadshow", "2025-10-30", 90)],
                "platform_items": items(100), "media_reports": [dict(MAINSTREAM)],
                "texts": [{"type": "case_study", "title": "案例", "content": zi(1500)}]}
    if ptype == "returnee_alliance_capacity":
        return {"events": [ev("tech_transfer_matchmaking", "2025-06-10"),
                           ev("tech_roadshow", "2025-08-10"),
                           ev("popular_science", "2025-07-01"),
                           ev("popular_science", "2025-09-01"),
                           ev("academic_salon", "2025-07-20"), ev("symposium", "2025-10-20")],
                "texts": [{"type": "policy_advice", "title": "建言", "content": zi(1500)}]}
    if ptype == "society_capacity":
        return {"governance_systems": ["council_procedure", "membership", "finance"],
                "events": [ev("training", "2025-06-20", 30),
                           ev("industry_matchmaking", "2025-09-20", 31)],
                "texts": [{"type": "governance_case", "title": "案例", "content": zi(1500)}]}
    if ptype == "grassroots_societies_capacity":
        return {"events": [ev("training", "2025-06-01", 50, partners=[GRASSROOTS_CODES[0]]),
                           ev("academic_exchange", "2025-07-01", 80,
                              partners=[GRASSROOTS_CODES[1]]),
                           ev("technical_guidance", "2025-08-01", 60,
                              partners=[GRASSROOTS_CODES[2]]),
                           ev("research_cooperation", "2025-09-01", 55,
                              partners=list(GRASSROOTS_CODES)),
                           ev("training", "2025-10-01", 70, partners=[GRASSROOTS_CODES[0]])],
                "texts": [{"type": "case_study", "title": "案例", "content": zi(1500)}]}
    return {"events": [ev("academic_exchange", "2025-09-20", 260, 200)],
            "experts": [{"name": "甲", "affiliation": "中国科学院", "nationally_known": True},
                        {"name": "乙", "affiliation": "清华大学", "nationally_known": True}],
            "texts": [{"type": "decision_report", "title": "报告", "content": zi(1500)}]}


def done(name, description, ptype, change, decision, rules, as_of="2025-12-01"):
    app = base(ptype)
    app["records"] = records(ptype)
    change(app)
    case(name, description, [app], [{"decision": decision, "rule_ids": sorted(set(rules))}],
         as_of=as_of, stage="completion")


def recs(app):
    return app["records"]


for t in TYPES:
    done(f"complete-{t}", f"every deliverable of {t} in the records, several exactly at the bar",
         t, ok, "complete", [])

# ---- 一(一)1 park ----
done("incomplete-park-three-events", "一(一)1(1): 3 events, the largest 150 — neither branch",
     "park_sta_capacity",
     lambda a: recs(a).update(events=[ev("academic_exchange", "2025-06-10", 150),
                                      ev("tech_roadshow", "2025-07-10", 80),
                                      ev("incubation", "2025-08-10", 60)]),
     "incomplete", ["deliverable.park.events"])
done("complete-park-one-large-event-200", "一(一)1(1): one event of exactly 200 people",
     "park_sta_capacity",
     lambda a: recs(a).update(events=[ev("industry_matchmaking", "2025-09-10", 200)]),
     "complete", [])
done("incomplete-park-one-large-event-199", "一(一)1(1): one event of 199 people",
     "park_sta_capacity",
     lambda a: recs(a).update(events=[ev("industry_matchmaking", "2025-09-10", 199)]),
     "incomplete", ["deliverable.park.events"])
done("incomplete-park-event-on-12-01", "完成时限: the fourth event on 2025-12-01 is too late",
     "park_sta_capacity",
     lambda a: recs(a)["events"][3].update(held_on="2025-12-01"), "incomplete",
     ["deliverable.park.events"])
done("incomplete-park-event-without-date", "a record without a date does not count",
     "park_sta_capacity", lambda a: recs(a)["events"][0].pop("held_on"), "incomplete",
     ["deliverable.park.events"])
done("complete-park-work-before-approval-counts",
     "§3 rev. 2: the period starts at the notice; work before a later approval date counts",
     "park_sta_capacity", lambda a: a.update(approval_date="2025-06-15"), "complete", [])
done("complete-park-event-after-notice-no-approval",
     "without an approval date the period starts at the notice (2025-05-06)",
     "park_sta_capacity", lambda a: recs(a)["events"][0].update(held_on="2025-05-06"),
     "complete", [])
done("incomplete-park-event-after-check", "a record dated after the check does not count",
     "park_sta_capacity", ok, "incomplete", ["deliverable.park.events"], as_of="2025-11-29")
done("incomplete-park-benefit-zero", "一(一)1(1): a transfer without economic benefit",
     "park_sta_capacity", lambda a: recs(a)["transfers"][0].update(economic_benefit=0),
     "incomplete", ["deliverable.park.transfers"])
done("incomplete-park-99-items", "一(一)1(2): 99 items on 科创中国·宁夏中心",
     "park_sta_capacity", lambda a: recs(a).update(platform_items=items(99)), "incomplete",
     ["deliverable.park.platform_items"])
done("incomplete-park-not-mainstream", "一(一)1(3): a report, but not in a mainstream outlet",
     "park_sta_capacity", lambda a: recs(a)["media_reports"][0].update(mainstream=False),
     "incomplete", ["deliverable.park.media_reports"])
done("incomplete-park-case-1499", "一(一)1(3): a case of 1499 字", "park_sta_capacity",
     lambda a: recs(a)["texts"][0].update(content=zi(1499)), "incomplete",
     ["deliverable.park.case_study"])
done("complete-park-case-1501", "一(一)1(3): a case of 1501 字", "park_sta_capacity",
     lambda a: recs(a)["texts"][0].update(content=zi(1501)), "complete", [])

# ---- 一(一)2 haizhi ----
done("needs-review-haizhi-other-type-would-meet",
     "一(一)2(1) 等 rev. 2: 3 listed events and a popular-science one: a person decides",
     "haizhi_base_capacity", lambda a: recs(a)["events"][3].update(type="popular_science"),
     "needs_review", ["deliverable.haizhi.events"])
done("incomplete-haizhi-items-before-notice", "一(一)2(2): items filed before the period",
     "haizhi_base_capacity", lambda a: recs(a).update(platform_items=items(100, "2025-04-30")),
     "incomplete", ["deliverable.haizhi.platform_items"])
done("incomplete-haizhi-no-report", "一(一)2(3): no news report", "haizhi_base_capacity",
     lambda a: recs(a).update(media_reports=[]), "incomplete",
     ["deliverable.haizhi.media_reports"])
done("incomplete-haizhi-no-case", "一(一)2(3): no case", "haizhi_base_capacity",
     lambda a: recs(a).update(texts=[]), "incomplete", ["deliverable.haizhi.case_study"])

# ---- 一(一)3 returnee alliance ----
done("incomplete-alliance-one-service-event", "一(一)3(1): 1 service event",
     "returnee_alliance_capacity", lambda a: recs(a)["events"].pop(1), "incomplete",
     ["deliverable.alliance.service_events"])
done("incomplete-alliance-one-popular-science", "一(一)3(2): the second 科普 event is late",
     "returnee_alliance_capacity", lambda a: recs(a)["events"][3].update(held_on="2025-12-01"),
     "incomplete", ["deliverable.alliance.popular_science_events"])
done("incomplete-alliance-one-salon", "一(一)3(3): 1 salon", "returnee_alliance_capacity",
     lambda a: recs(a)["events"].pop(5), "incomplete", ["deliverable.alliance.salon_events"])
done("incomplete-alliance-report-1499", "一(一)3(4): a report of 1499 字",
     "returnee_alliance_capacity", lambda a: recs(a)["texts"][0].update(content=zi(1499)),
     "incomplete", ["deliverable.alliance.policy_advice"])

# ---- 一(二)1 society ----
done("incomplete-society-no-finance-rules", "一(二)1(1): 财务管理制度 missing",
     "society_capacity", lambda a: recs(a).update(governance_systems=["council_procedure",
                                                                      "membership"]),
     "incomplete", ["deliverable.society.governance_systems"])
done("incomplete-society-event-of-29", "一(二)1(2): an event of 29 people does not count",
     "society_capacity", lambda a: recs(a)["events"][0].update(attendance=29), "incomplete",
     ["deliverable.society.events"])
done("incomplete-society-case-1499", "一(二)1(3): a case of 1499 字", "society_capacity",
     lambda a: recs(a)["texts"][0].update(content=zi(1499)), "incomplete",
     ["deliverable.society.governance_case"])

# ---- 一(二)2 grassroots ----
done("incomplete-grassroots-event-of-49", "一(二)2(2): an event of 49 people does not count",
     "grassroots_societies_capacity", lambda a: recs(a)["events"][4].update(attendance=49),
     "incomplete", ["deliverable.grassroots.events"])


def partner_outside(a):
    a["joint_applicants"][2].update(division="610102")
    for e in recs(a)["events"]:
        e["partners"] = list(GRASSROOTS_CODES)


done("incomplete-grassroots-partner-outside-ningxia",
     "一(二)2(1), 二(一): of three partners one is in a county outside Ningxia",
     "grassroots_societies_capacity", partner_outside, "incomplete",
     ["deliverable.grassroots.partners"])


def partner_twice(a):
    a["joint_applicants"][1].update(credit_code=GRASSROOTS_CODES[0])
    for e in recs(a)["events"]:
        e["partners"] = [GRASSROOTS_CODES[0]]


done("incomplete-grassroots-duplicate-partner", "一(二)2(1): the same society twice counts once",
     "grassroots_societies_capacity", partner_twice, "incomplete",
     ["deliverable.grassroots.partners"])
done("incomplete-grassroots-partner-without-event",
     "一(二)2(1): a partner with no qualifying joint event (its events are not with it)",
     "grassroots_societies_capacity",
     lambda a: [e.update(partners=[GRASSROOTS_CODES[0]]) for e in recs(a)["events"]],
     "incomplete", ["deliverable.grassroots.partners"])
done("incomplete-grassroots-case-missing", "一(二)2(3): the case is another type",
     "grassroots_societies_capacity", lambda a: recs(a)["texts"][0].update(type="policy_advice"),
     "incomplete", ["deliverable.grassroots.case_study"])

# ---- 一(三) academic exchange ----
done("incomplete-exchange-no-exchange", "一(三)(1): the only event is a training",
     "regional_academic_exchange", lambda a: recs(a)["events"][0].update(type="training"),
     "incomplete", ["deliverable.exchange.event", "deliverable.exchange.offline_attendance"])
done("incomplete-exchange-offline-199", "一(三)(2): 199 people on site (260 in all)",
     "regional_academic_exchange",
     lambda a: recs(a)["events"][0].update(offline_attendance=199), "incomplete",
     ["deliverable.exchange.offline_attendance"])
done("incomplete-exchange-offline-not-summed",
     "一(三)(2) reading: the largest single exchange, not a sum (150 + 150)",
     "regional_academic_exchange",
     lambda a: recs(a).update(events=[ev("academic_exchange", "2025-09-20", 150, 150),
                                      ev("academic_exchange", "2025-10-20", 150, 150)]),
     "incomplete", ["deliverable.exchange.offline_attendance"])
done("incomplete-exchange-one-expert", "一(三)(2): one expert not nationally known",
     "regional_academic_exchange", lambda a: recs(a)["experts"][1].update(nationally_known=False),
     "incomplete", ["deliverable.exchange.experts"])
done("incomplete-exchange-report-1501", "一(三)(3): a report of 1501 字 is over the maximum",
     "regional_academic_exchange", lambda a: recs(a)["texts"][0].update(content=zi(1501)),
     "incomplete", ["deliverable.exchange.decision_report"])
done("incomplete-exchange-empty-report", "一(三)(3): an empty report is still missing",
     "regional_academic_exchange", lambda a: recs(a)["texts"][0].update(content=""),
     "incomplete", ["deliverable.exchange.decision_report"])
done("complete-exchange-short-report", "一(三)(3): a short report is fine (maximum only)",
     "regional_academic_exchange", lambda a: recs(a)["texts"][0].update(content=zi(300)),
     "complete", [])



# =============================================================================================
# Revision 2 of the readings (docs/notice/readings.md): both outcomes where there are two
# =============================================================================================

# ---- 三(四): nothing dated sent by the deadline ----
def nothing_dated(a):
    a["submission"].update(dispatch_date=None, received_date=None)
one("rejected-nothing-dated-after-deadline",
    "三(四) rev. 2: checked after the deadline, no dated paper submission is late",
    "society_capacity", nothing_dated, "rejected", ["submission.deadline"])
def only_email(a):
    a["submission"] = {"word_version": {"emailed": True, "sent_to": "nxkxxhb@163.com",
                                        "sent_on": "2025-05-16"}}
one("rejected-only-email-after-deadline",
    "三(四) rev. 2: only the e-mail, checked after the deadline: late (the paper facts are "
    "missing too)",
    "society_capacity", only_email, "rejected",
    ["submission.deadline", "submission.copies", "submission.sealed"])
def only_email_before(a):
    only_email(a)
    a["submission"]["word_version"]["sent_on"] = "2025-05-14"
one("incomplete-only-email-before-deadline",
    "三(四) rev. 2: only the e-mail before the deadline: still incomplete, it can be sent",
    "society_capacity", only_email_before, "incomplete",
    ["submission.deadline", "submission.copies", "submission.sealed"], as_of="2025-05-15")

# ---- 三(二): the Word version's address and date ----
one("accepted-word-address-case-and-spaces",
    "三(二) rev. 2: the address compares without case and surrounding spaces",
    "returnee_alliance_capacity",
    lambda a: a["submission"]["word_version"].update(sent_to=" NXKXXHB@163.com "), "accepted", [])
one("incomplete-word-wrong-address", "三(二): the Word version went to another address",
    "society_capacity",
    lambda a: a["submission"]["word_version"].update(sent_to="nxkx@163.com"), "incomplete",
    ["submission.word_version"])
one("needs-review-word-sent-after-deadline",
    "三(二) rev. 2: the Word version e-mailed on 06-30: a person decides",
    "society_capacity", lambda a: a["submission"]["word_version"].update(sent_on="2025-06-30"),
    "needs_review", ["submission.word_version_date"], as_of="2025-07-01")
def word_after_check(a):
    a["submission"].update(dispatch_date="2025-05-12")
    a["submission"]["word_version"]["sent_on"] = "2025-05-14"
one("needs-review-word-dated-after-check",
    "三(二) rev. 2: the Word version dated after the check date: a person checks it",
    "society_capacity", word_after_check, "needs_review", ["submission.word_version_date"],
    as_of="2025-05-13")

# ---- 二: eligibility readings ----
def alliance_with_members(a):
    a["joint_applicants"] = [
        {"name": "宁夏某科技有限公司", "credit_code": "91640100763203439G",
         "kind": "alliance_council_member", "division": "640106", "legal_person": True,
         "own_account": True, "has_capacity": True, "head_signed": True, "sealed": True},
        {"name": "宁夏某研究院", "credit_code": "53640000MJX1736997",
         "kind": "alliance_council_member", "division": "640104", "legal_person": True,
         "own_account": True, "has_capacity": True, "head_signed": True, "sealed": True}]
one("accepted-alliance-with-council-members",
    "一(一)3 rev. 2: the alliance leads, its council members join it",
    "returnee_alliance_capacity", alliance_with_members, "accepted", [])
def alliance_other_joint(a):
    alliance_with_members(a)
    a["joint_applicants"][1]["kind"] = "society"
one("needs-review-alliance-joint-not-council-member",
    "一(一)3 rev. 2: a joint applicant that is not a 理事单位 goes to a person",
    "returnee_alliance_capacity", alliance_other_joint, "needs_review",
    ["eligibility.joint_applicant_kind"])
def extra_joint(a):
    a["joint_applicants"].append(
        {"name": "宁夏大学", "credit_code": "51640000MJX000077L",
         "kind": "society", "division": "640104", "legal_person": True, "own_account": True,
         "has_capacity": True, "head_signed": True, "sealed": True})
one("needs-review-grassroots-further-joint-of-another-kind",
    "一(二)2 rev. 2: three 基层三会 and a further joint applicant of another kind: a person decides",
    "grassroots_societies_capacity", extra_joint, "needs_review",
    ["eligibility.joint_applicant_kind"])
one("needs-review-joint-no-own-account",
    "二(二) rev. 2: judged for every 申报单位, joint applicants included",
    "grassroots_societies_capacity",
    lambda a: a["joint_applicants"][1].update(own_account=False), "needs_review",
    ["eligibility.basic_conditions"])
one("incomplete-joint-capacity-undeclared",
    "二(二) rev. 2: a joint applicant's capacity left out is missing material",
    "grassroots_societies_capacity",
    lambda a: a["joint_applicants"][2].pop("has_capacity"), "incomplete",
    ["eligibility.basic_conditions"])
one("needs-review-inspection-not-yet-due",
    "二(三)1 rev. 2: a society too young to have been due for the 2023 inspection says so",
    "society_capacity",
    lambda a: a["applicant"]["history"]["2023"].update(annual_inspection="not_due"),
    "needs_review", ["disqualification.annual_inspection"])
one("needs-review-society-registered-in-a-city",
    "二(一) rev. 2: a 全区学会 code with 640100 at positions 3-8 is likely a city society",
    "regional_academic_exchange",
    lambda a: a["applicant"].update(credit_code="51640100MJX0001065"), "needs_review",
    ["eligibility.society_registration"])
def other_field(a):
    a["joint_applicants"][0].update(field="other", field_name="工业技术")
one("rejected-grassroots-other-field",
    "二(一) rev. 2: a 基层三会 of another field (工业技术) is expressible and rejected",
    "grassroots_societies_capacity", other_field, "rejected",
    ["eligibility.grassroots_field", "target.grassroots.partner_societies"])
one("incomplete-credit-code-missing",
    "one missing fact, one finding: a missing credit code is identity.credit_code alone",
    "society_capacity", lambda a: a["applicant"].pop("credit_code"), "incomplete",
    ["identity.credit_code"])

# ---- 项目内容 §3 rev. 2: the period, 等, counted once, unknown is not zero ----
def before_notice(a):
    a["approval_date"] = "2025-06-15"
    recs(a)["events"][0]["held_on"] = "2025-05-05"
done("incomplete-park-event-before-notice",
     "§3 rev. 2: the period starts at the notice's issue date (2025-05-06), not earlier",
     "park_sta_capacity", before_notice, "incomplete", ["deliverable.park.events"])
def other_type_short(a):
    recs(a)["events"][2]["type"] = "popular_science"
    recs(a)["events"].pop(3)
done("incomplete-park-other-type-not-enough",
     "一(一)1(1) 等 rev. 2: 2 listed events and a popular-science one would still be short",
     "park_sta_capacity", other_type_short, "incomplete", ["deliverable.park.events"])
done("needs-review-alliance-service-other-type",
     "一(一)3(1) 等 rev. 2: a roadshow and a results promotion: a person decides",
     "returnee_alliance_capacity",
     lambda a: recs(a)["events"][1].update(type="results_promotion"), "needs_review",
     ["deliverable.alliance.service_events"])
def same_event_twice(a):
    recs(a)["events"][3] = dict(recs(a)["events"][2])
done("incomplete-park-same-event-twice",
     "§3 rev. 2: the same event (date and title) listed twice counts once",
     "park_sta_capacity", same_event_twice, "incomplete", ["deliverable.park.events"])
def same_title_other_day(a):
    recs(a)["events"][3] = dict(recs(a)["events"][2], held_on="2025-09-06")
done("complete-park-same-title-another-day",
     "§3 rev. 2: the same title on another day is another event",
     "park_sta_capacity", same_title_other_day, "complete", [])
def same_expert_twice(a):
    recs(a)["experts"][1] = dict(recs(a)["experts"][0])
done("incomplete-exchange-same-expert-twice",
     "§3 rev. 2: the same expert (name and affiliation) listed twice counts once",
     "regional_academic_exchange", same_expert_twice, "incomplete",
     ["deliverable.exchange.experts"])
def namesake(a):
    recs(a)["experts"][1] = dict(recs(a)["experts"][0], affiliation="清华大学")
done("complete-exchange-namesake-elsewhere",
     "§3 rev. 2: a namesake of another affiliation is another expert",
     "regional_academic_exchange", namesake, "complete", [])
def item_twice(a):
    recs(a)["platform_items"][99] = dict(recs(a)["platform_items"][0])
done("incomplete-park-platform-item-twice",
     "§3 rev. 2: a platform item (kind and title) listed twice counts once",
     "park_sta_capacity", item_twice, "incomplete", ["deliverable.park.platform_items"])
done("incomplete-exchange-offline-not-given",
     "§3 rev. 2: unknown is not zero: offline attendance not given (线下人数未填写)",
     "regional_academic_exchange",
     lambda a: recs(a)["events"][0].pop("offline_attendance"), "incomplete",
     ["deliverable.exchange.offline_attendance"])

# ---- counting 字: a byte-order mark is no 字 ----
done("complete-park-case-1500-after-bom", "字 counting: a BOM, then 1500 字, is 1500 字",
     "park_sta_capacity",
     lambda a: recs(a)["texts"][0].update(content="\ufeff" + zi(1500)), "complete", [])
done("incomplete-park-case-1499-after-bom", "字 counting: a BOM does not make 1499 字 1500",
     "park_sta_capacity",
     lambda a: recs(a)["texts"][0].update(content="\ufeff" + zi(1499)), "incomplete",
     ["deliverable.park.case_study"])


# ---- 三(一) rev. 2: the latest submission stands, by date, then input order ----
def resubmission(flawed_first_in_input):
    original = base("society_capacity")
    original["id"] = "2025-0301"
    original["submission"]["dispatch_date"] = "2025-05-12"
    original["submission"]["word_version"]["sent_on"] = "2025-05-12"
    original["submission"]["paper_copies"] = 1  # the flaw the resubmission corrects
    corrected = base("society_capacity")
    corrected["id"] = "2025-0302"
    corrected["title"] = "society_capacity 测试项目（修改稿）"
    corrected["submission"]["dispatch_date"] = "2025-05-15"
    corrected["submission"]["word_version"]["sent_on"] = "2025-05-15"
    flawed = {"decision": "incomplete",
              "rule_ids": ["application.duplicate_applicant", "submission.copies"]}
    fine = {"decision": "accepted", "rule_ids": []}
    return ([original, corrected], [flawed, fine]) if flawed_first_in_input else \
        ([corrected, original], [fine, flawed])
case("accepted-corrected-resubmission-stands",
     "三(一) rev. 2: a corrected resubmission (sent 05-15) is judged on its merits; the flawed "
     "original (05-12) is superseded, not rejected",
     *resubmission(True))
case("accepted-corrected-resubmission-first-in-input",
     "三(一) rev. 2: ordered by submission date, not by place in the batch",
     *resubmission(False))
def three():
    apps = []
    for i, (on, title) in enumerate([("2025-05-10", "第一稿"), ("2025-05-14", "第三稿"),
                                     ("2025-05-12", "第二稿")]):
        a = base("regional_academic_exchange")
        a["id"] = f"2025-040{i + 1}"
        a["title"] = title
        a["submission"]["dispatch_date"] = on
        a["submission"]["word_version"]["sent_on"] = on
        apps.append(a)
    return apps
case("needs-review-three-submissions-the-latest-stands",
     "三(一) rev. 2: three of one applicant and type: the latest (05-14) stands, both earlier are "
     "superseded",
     three(), [{"decision": "needs_review", "rule_ids": ["application.duplicate_applicant"]},
               {"decision": "accepted", "rule_ids": []},
               {"decision": "needs_review", "rule_ids": ["application.duplicate_applicant"]}])
def undated_and_dated():
    u = base("society_capacity")
    u["id"] = "2025-0501"
    u["submission"].update(dispatch_date=None, received_date=None)
    d = base("society_capacity")
    d["id"] = "2025-0502"
    d["title"] = "有日期的一份"
    return [d, u]
case("rejected-undated-resubmission-comes-first",
     "三(一) rev. 2: an application without a submission date is ordered first: the dated one "
     "stands (the undated one is late as well, 三(四))",
     undated_and_dated(),
     [{"decision": "accepted", "rule_ids": []},
      {"decision": "rejected",
       "rule_ids": ["application.duplicate_applicant", "submission.deadline"]}])
def other_applicant_same_title():
    a = base("society_capacity")
    a["id"] = "2025-0601"
    a["title"] = "宁夏智慧农业学术交流"
    b = base("society_capacity")
    b["id"] = "2025-0602"
    b["title"] = "宁夏 智慧农业 学术交流。"
    b["applicant"].update(credit_code="51640000MJX000069R", name="宁夏另一学会")
    return [a, b]
case("needs-review-same-title-other-applicant",
     "三(一): the same title from another applicant goes to a person",
     other_applicant_same_title(),
     [{"decision": "accepted", "rule_ids": []},
      {"decision": "needs_review", "rule_ids": ["application.similar_title"]}])

if OUT.exists():
    shutil.rmtree(OUT)
OUT.mkdir()
for i, c in enumerate(cases):
    (OUT / f"{i:03d}-{c['name']}.json").write_text(
        json.dumps(c, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
print(f"{len(cases)} cases written to {OUT}")
