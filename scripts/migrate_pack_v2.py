#!/usr/bin/env python3
"""Migrates a notice pack of format nxkx-notice-pack/1 to nxkx-notice-pack/2 (docs/pack-format.md).

    python3 scripts/migrate_pack_v2.py old.json > new.json

What changes: the clause table (each quote once, rules cite by ref); the notice's vocabulary as
data (declarations, history window, delivery methods; the applicant kinds' and delivery methods'
labels come from their sections); rules refer to the application deadline instead of copying it;
history years are relative to the notice's year. The 2025 declarations are the ones the format 1
C++ compiled in; a pack for another notice writes its own.
"""
import collections
import json
import sys

# The attestations format 1 compiled into the C++ (model.hpp of 2025), as declarations.
DECLARATIONS_2025 = [
    ("legal_person", "organisation", "yes_no", None, "具有独立法人资格", "is an independent legal person", "二(二)", []),
    ("own_account", "organisation", "yes_no", None, "设立独立账户", "has its own bank account", "二(二)", []),
    ("has_capacity", "organisation", "yes_no", None, "具有完成项目必备的人才条件和物质条件", "has the people and means to do the work", "二(二)", []),
    ("supervised_by_association", "organisation", "yes_no", None, "业务主管单位为自治区科协", "supervised by the regional association", "二(一)", ["society"]),
    ("group_member", "organisation", "yes_no", None, "自治区科协团体会员", "group member of the regional association", "二(一)", ["society"]),
    ("approved_by_cast", "organisation", "yes_no", None, "中国科协已批准", "approved by CAST", "二(一)", ["haizhi_base"]),
    ("establishment_approved", "organisation", "yes_no", None, "已批复成立", "its establishment is approved", "二(一)", ["park_sta"]),
    ("field", "organisation", "code", "grassroots_field", "基层“三会”领域", "field of a grassroots society; other: none of the three", "二(一)", ["grassroots_society"]),
    ("field_name", "organisation", "text", None, "领域名称", "the field's own name, e.g. 工业技术 (with field other)", "二(一)", ["grassroots_society"]),
    ("head_signed", "joint_applicant", "yes_no", None, "负责人签署意见", "the joint applicant's head signed an opinion", "三(三)", []),
    ("sealed", "joint_applicant", "yes_no", None, "加盖单位公章", "the joint applicant's official seal is on it", "三(三)", []),
    ("annual_inspection", "history", "code", "inspection_result", "年检结果", "annual inspection", "二(三)1", ["society"]),
    ("penalized", "history", "yes_no", None, "受到民政厅行政处罚", "penalised by the civil affairs department", "二(三)2", ["society"]),
    ("projects", "history", "code", "project_completion", "自治区科协有关项目完成情况", "completion of the association's projects", "二(三)3", ["society"]),
    ("evaluation_grade", "history", "code", "evaluation_grade", "学会评价等级", "evaluation grade", "二(三)4", ["society"]),
    ("dispatch_date", "submission", "date", None, "快递发出日期", "courier dispatch date", "三(四)", []),
    ("handed_in_date", "submission", "date", None, "现场提交日期", "hand-in date", "三(二)", []),
    ("received_date", "submission", "date", None, "收到日期", "date received (informative only)", "", []),
]


def migrate(p):
    out = collections.OrderedDict()
    out["format"] = "nxkx-notice-pack/2"
    out["version"] = p.get("version", p["notice"]["id"].split("-")[1] + ".2")
    notice = dict(p["notice"])
    out["notice"] = notice
    clauses = collections.OrderedDict()
    for r in p["rules"]:
        for c in r["clauses"]:
            if c["ref"] in clauses and clauses[c["ref"]] != c["quote"]:
                raise SystemExit("clause %s is quoted two ways" % c["ref"])
            clauses[c["ref"]] = c["quote"]
    out["clauses"] = clauses
    out["categories"] = p["categories"]
    out["applicant_kinds"] = p["applicant_kinds"]
    vocab = p["vocabulary"]
    out["declarations"] = [
        dict(
            [("name", n), ("scope", s), ("type", t)]
            + ([("codes", c)] if c else [])
            + [("title", {"zh": zh, "en": en})]
            + ([("clause", cl)] if cl else [])
            + ([("applicant_kinds", k)] if k else [])
            + ([("detail", "field_name")] if n == "field" else [])
        )
        for (n, s, t, c, zh, en, cl, k) in DECLARATIONS_2025
    ]
    years = sorted(
        {c["year"] for r in p["rules"] if r["kind"] == "facts" for c in r["params"]["conditions"] if "year" in c}
    )
    issued_year = int(notice["issued"][:4])
    out["history"] = {"years_before_notice": issued_year - years[0] if years else 2}
    methods = []
    for r in p["rules"]:
        if r["kind"] == "submission_deadline" and "date_by_delivery" in r["params"]:
            for m, d in r["params"]["date_by_delivery"].items():
                if m not in [x["code"] for x in methods]:
                    methods.append(
                        {"code": m, "name": vocab["delivery_method." + m], "date": d,
                         "clause": "三(四)" if m == "courier" else "三(二)"}
                    )
    out["delivery_methods"] = methods
    out["contacts"] = p["contacts"]
    out["project_types"] = p["project_types"]
    out["divisions"] = p["divisions"]
    out["vocabulary"] = collections.OrderedDict(
        (k, v) for k, v in vocab.items() if not k.startswith(("applicant_kind.", "delivery_method.", "submission_date."))
    )
    rules = []
    for r in p["rules"]:
        r = collections.OrderedDict(r)
        r["clauses"] = [
            c["ref"] if "project_types" not in c else {"ref": c["ref"], "project_types": c["project_types"]}
            for c in r["clauses"]
        ]
        params = r["params"]
        if r["kind"] == "facts":
            for c in params["conditions"]:
                if "year" in c:
                    c["year"] = c["year"] - issued_year
        if r["kind"] == "submission_deadline":
            params.pop("date_by_delivery", None)
            if params.get("deadline") == notice["application_deadline"]:
                params["deadline"] = "application_deadline"
        for key in ("partner",):
            if key in params and "fields" in params[key]:
                params[key] = {"kind": "grassroots_society", "fact": "field", "allowed": params[key]["fields"]}
        rules.append(r)
    out["rules"] = rules
    return out


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as f:
        pack = json.load(f, object_pairs_hook=collections.OrderedDict)
    json.dump(migrate(pack), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
