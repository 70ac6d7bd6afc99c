#!/usr/bin/env python3
"""Generates data/pack.schema.json, the JSON Schema of a notice pack (nxkx-notice-pack/2;
docs/pack-format.md), which `nxkx schema --pack` prints:

    python3 scripts/pack_schema.py > data/pack.schema.json

tests/schema/pack_schema_test.py checks that the file is this script's output and that every
shipped pack is valid by it. A requirement kind's params are described once here; the loader
(src/requirements/*.cpp) is stricter still (codes that must exist, values that must agree)."""
import json, collections
O = collections.OrderedDict
def s(desc, **kw):
    d = O(); d.update(kw); d["description"] = desc; return d
loc = {"$ref": "#/$defs/localized"}
code = {"$ref": "#/$defs/code"}
codes = {"type": "array", "items": code}
def obj(props, required=(), desc="", extra=False):
    d = O(type="object")
    if desc: d["description"] = desc
    d["properties"] = O(props)
    if required: d["required"] = list(required)
    d["additionalProperties"] = extra
    return d
date = {"$ref": "#/$defs/date"}
stated = {"type": ["string", "null"], "description": "null (or left out) when the notice does not state it: shown as 未载明 / not stated"}
count = {"type": "integer", "minimum": 0}
period = obj([("start", s("issued (the notice's issue date), approval_date_or_issued (the application's approval date, else the notice's date) or a date", anyOf=[{"enum": ["issued", "approval_date_or_issued"]}, {"$ref": "#/$defs/date"}])),
              ("end", s("completion_deadline (the project type's), the default, or a date", anyOf=[{"enum": ["completion_deadline"]}, {"$ref": "#/$defs/date"}]))], ["start"],
             "the project period records must fall in")
partner = obj([("kind", s("the applicant kind a partner must be", **code)),
               ("fact", s("a code declaration of the partner", **code)),
               ("allowed", s("the codes of that declaration that qualify", **codes))], ["kind", "fact", "allowed"])
subject = s("whose facts: lead (the default), joint_applicants, all (lead and joint), or application", enum=["lead", "joint_applicants", "all", "application"])
entity_kinds = s("only organisations of these applicant kinds", **codes)
unit = s("a unit of the vocabulary (unit.CODE) the count is shown in", **code)
condition = obj([
    ("fact", s("a declaration (legal_person; history.NAME; submission.NAME) or a shared fact: submission.paper_copies, submission.sealed, submission.word_version.emailed, submission.word_version.sent_to, plan.work_measures.count, joint_applicants.count", type="string")),
    ("year", s("for a history declaration: which year of the history window, counted from the notice's year (-1 = the year before)", type="integer", maximum=-1)),
    ("allowed", s("the value must be one of these", type="array", minItems=1)),
    ("forbidden", s("the value must not be one of these", type="array", minItems=1)),
    ("min", s("a count fact: at least", type="integer")),
    ("max", s("a count fact: at most", type="integer")),
    ("review", s("values that send the application to a person (needs_review) instead", type="array", minItems=1)),
    ("message", s("the name of the rule's message template used when this condition fails", type="string")),
    ("review_message", s("the template for a review value", type="string")),
    ("match", s("how a code/text is compared: email ignores case and surrounding white space", enum=["email"])),
    ("unit", unit),
    ("unknown_passes", s("an unknown value is not a finding", type="boolean")),
], ["fact"])
kinds = O()
kinds["applicant_kind"] = obj([("subject", s("whose kind: lead (the default) or joint_applicants", enum=["lead", "joint_applicants"])), ("expected_kinds", s("the kinds expected (default: the project type's eligible)", **codes))])
kinds["facts"] = obj([("subject", subject), ("combine", s("all conditions must hold (all, the default) or one of them (any)", enum=["all", "any"])),
                      ("entity_kinds", entity_kinds), ("conditions", {"type": "array", "minItems": 1, "items": condition})], ["conditions"])
kinds["division_in_region"] = obj([("subject", subject), ("entity_kinds", entity_kinds), ("level", s("the level the division must be: any (default) or county", enum=["any", "county"]))])
kinds["credit_code"] = obj([("subject", subject), ("entity_kinds", entity_kinds)])
kinds["credit_code_type"] = obj([("subject", subject), ("entity_kinds", entity_kinds),
                                 ("prefixes", s("the first two characters allowed (registering authority and type), e.g. 51", type="array", items={"type": "string", "pattern": "^[0-9A-Z]{2}$"})),
                                 ("registered_at", s("where it must be registered: the level of characters 3-8", type="string"))])
kinds["submission_deadline"] = obj([("deadline", s("application_deadline (/notice/application_deadline, which must be stated), completion_deadline (the project type's; with a declared date) or as_of (the date of the check)", enum=["application_deadline", "completion_deadline", "as_of"])),
                                    ("opens", s("application_opens: not before /notice/application_opens", enum=["application_opens"])),
                                    ("date", s("word_version.sent_on: judge the e-mailed Word version's date instead; or the name of a date declaration of scope application or submission", type="string")),
                                    ("received", s("a submission date declaration that counts when no other date is known", type="string")),
                                    ("late_if_absent", s("past the deadline, no dated paper submission is late", type="boolean")),
                                    ("not_after_check", s("the date may not be after the check date either", type="boolean")),
                                    ("submission", s("whose submission: application (/submission) or completion (/completion/submission)", enum=["application", "completion"]))], ["deadline"])
kinds["recommendation_letter"] = obj([])
kinds["same_city"] = obj([])
kinds["checklist"] = obj([("fact", s("form.parts or records.governance_systems", type="string")), ("namespace", s("the vocabulary namespace of the items", type="string")), ("items", s("the codes that must all be there", **codes))], ["fact", "namespace", "items"])
uib = obj([("key", s("what makes two applications the same; applicant (with max): a limit of projects per applicant across the project types", enum=["title", "applicant_per_project_type", "applicant"])),
           ("max", s("key applicant only, and required there: how many project types one applicant may apply for", type="integer", minimum=1))], ["key"])
uib["if"] = {"properties": {"key": {"const": "applicant"}}}
uib["then"] = {"required": ["max"]}
uib["else"] = {"not": {"required": ["max"]}}
kinds["unique_in_batch"] = uib
target = obj([("target", s("a code of vocabulary target", **code)), ("min", s("at least", type="integer", minimum=1)), ("unit", unit)], ["target", "min", "unit"])
pt = json.loads(json.dumps(target)); pt["properties"]["or"] = target
kinds["plan_target"] = pt
kinds["partner_societies"] = obj([("min", s("at least this many distinct partners", type="integer", minimum=1)), ("partner", partner), ("unit", unit),
                                  ("joint_event", obj([("types", s("event types", **codes)), ("per_event_min", s("attendance at least", type="integer", minimum=1)), ("period", period)], ["types", "period"]))], ["min", "partner"])
kinds["event_count"] = obj([("types", s("event types that count", **codes)), ("min", s("at least this many events", type="integer", minimum=1)),
                            ("per_event_min", s("an event counts with at least this attendance", type="integer", minimum=1)),
                            ("attendance", s("which attendance: attendance (default) or offline_attendance", enum=["attendance", "offline_attendance"])),
                            ("large_event", obj([("min_attendance", {"type": "integer", "minimum": 1})], ["min_attendance"], "or: one event of at least this attendance")),
                            ("partner", partner), ("period", period), ("unit", unit),
                            ("open_list", s("the list ends in 等: other types go to a person", anyOf=[{"type": "boolean"}, obj([("except", codes)])]))], ["types", "min", "period"])
kinds["record_count"] = obj([("records", s("which records", enum=["transfers", "platform_items", "media_reports", "experts"])), ("min", {"type": "integer", "minimum": 1}),
                             ("unit", unit), ("period", period), ("benefit_above", s("transfers: economic benefit above (yuan)", type="number")),
                             ("kinds", s("platform_items: the kinds that count", **codes)), ("mainstream", {"type": "boolean"}), ("nationally_known", {"type": "boolean"})], ["records", "min"])
kinds["text_length"] = obj([("text_type", s("a code of vocabulary text_type", **code)), ("min_zi", {"type": "integer", "minimum": 1}), ("max_zi", {"type": "integer", "minimum": 1}),
                            ("method", s("how 字 are counted", enum=["word_processor", "non_space"]))], ["text_type", "method"])

clause_ref = {"type": "string", "minLength": 1}
cite = {"anyOf": [clause_ref, obj([("ref", clause_ref), ("project_types", codes)], ["ref"])]}
sev = {"enum": ["rejected", "incomplete", "needs_review"]}
rule = obj([
    ("id", s("stable id, e.g. submission.deadline", type="string", pattern="^[a-z0-9_]+(\\.[a-z0-9_]+)*$")),
    ("kind", s("a requirement kind (docs/pack-format.md §7)", enum=list(kinds))),
    ("stage", {"enum": ["application", "completion"]}),
    ("clauses", s("the clauses cited, by ref of /clauses; the first is the primary one", type="array", minItems=1, items=cite)),
    ("interpretation", s("the pack's reading of an ambiguous clause", **loc)),
    ("outcome", s("the severity when broken", **sev)), ("when_unknown", s("the severity when the input leaves the fact out", **sev)),
    ("applies_to", obj([("project_types", codes), ("applicant_kinds", codes), ("with_joint_applicants", {"type": "boolean"})])),
    ("params", {"type": "object"}), ("title", loc),
    ("messages", {"type": "object", "properties": O([("failed", loc), ("expected", loc), ("unknown", loc)]), "additionalProperties": loc, "required": ["failed"]}),
], ["id", "kind", "stage", "clauses", "outcome", "title", "messages"])
rule["allOf"] = [{"if": {"properties": {"kind": {"const": k}}, "required": ["kind"]}, "then": {"properties": {"params": v}}} for k, v in kinds.items()]
decl = obj([("name", s("the JSON member, e.g. legal_person", **code)), ("scope", {"enum": ["organisation", "joint_applicant", "history", "submission", "application"]}),
            ("type", {"enum": ["yes_no", "code", "date", "count", "text"]}), ("codes", s("type code: the vocabulary namespace of its codes", **code)),
            ("title", loc), ("clause", clause_ref), ("applicant_kinds", s("the kinds that make it (empty: every kind)", **codes)),
            ("detail", s("a text declaration shown beside this one's value", **code))], ["name", "scope", "type", "title"])
root = O()
root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
root["$id"] = "urn:nxkx:notice-pack:2"
root["title"] = "nxkx notice pack, format 2 (docs/pack-format.md)"
root["description"] = "One grant notice as data: its dates, vocabulary, clauses, project types and rules."
root["type"] = "object"
root["properties"] = O([
    ("format", {"const": "nxkx-notice-pack/2"}), ("version", s("the pack's own version, e.g. 2025.2", type="string", minLength=1)),
    ("notice", obj([("id", s("stable id, e.g. nxkx-2025-61", type="string", pattern="^[A-Za-z0-9_.-]+$")), ("issuer", {"type": "string"}), ("number", stated), ("title", {"type": "string"}),
                    ("issued", date), ("application_opens", date),
                    ("application_deadline", s("the last day of the application stage; null when the notice states none", anyOf=[date, {"type": "null"}])),
                    ("deadline_interpretation", loc),
                    ("timezone", {"type": "string"}), ("submit_to", {"type": "string"}), ("address", stated), ("email", stated),
                    ("form", stated), ("text", s("the notice's text beside the pack (a path relative to it)", type="string")),
                    ("text_is_summary", s("true when the text is a summary of the notice in the pack's words, not the notice's own words", type="boolean")),
                    ("stated_weekdays", s("weekdays the notice states beside dates", type="object", additionalProperties={"type": "string"}))],
                   ["id", "issuer", "title", "issued", "application_deadline"])),
    ("clauses", s("ref → the notice's own words", type="object", minProperties=1, additionalProperties={"type": "string", "minLength": 1})),
    ("categories", s("the notice's groups of project types; leave out for a notice without them", type="array", items=obj([("code", code), ("clause", clause_ref), ("name", loc)], ["code", "clause", "name"]))),
    ("applicant_kinds", {"type": "array", "minItems": 1, "maxItems": 32, "items": obj([("code", code), ("clause", clause_ref), ("name", loc), ("definition", loc)], ["code", "clause", "name", "definition"])}),
    ("declarations", {"type": "array", "items": decl}),
    ("history", obj([("years_before_notice", {"type": "integer", "minimum": 1, "maximum": 20})], ["years_before_notice"])),
    ("delivery_methods", {"type": "array", "items": obj([("code", code), ("name", loc), ("date", s("the submission date declaration that counts", **code)), ("clause", clause_ref), ("interpretation", s("the pack's reading, where the notice does not say how the form is delivered", **loc))], ["code", "name", "date"])}),
    ("field_clauses", s("OBJECT/FIELD → the clause that shared field serves", type="object", additionalProperties=clause_ref)),
    ("contacts", {"type": "array", "items": obj([("code", code), ("name", {"type": "string"}), ("phone", stated), ("clause", clause_ref)], ["code", "name"])}),
    ("project_types", {"type": "array", "minItems": 1, "items": obj([("code", code), ("category", code), ("clause", clause_ref), ("name", loc), ("eligible", dict(codes, minItems=1)),
                         ("joint_eligible", codes), ("papers", {"type": "array", "items": loc}), ("completion_deadline", date), ("contact", s("a code of /contacts; null or left out when the notice names no one", anyOf=[code, {"type": "null"}])), ("applicants_text", loc), ("interpretation", loc)],
                        ["code", "clause", "name", "eligible", "completion_deadline"])}),
    ("divisions", obj([("region", obj([("code", {"type": "string", "pattern": "^[0-9]{6}$"}), ("name", {"type": "string"})], ["code", "name"])),
                       ("cities", {"type": "array", "items": obj([("code", {"type": "string", "pattern": "^[0-9]{6}$"}), ("name", {"type": "string"}),
                                   ("counties", {"type": "array", "items": obj([("code", {"type": "string", "pattern": "^[0-9]{6}$"}), ("name", {"type": "string"})], ["code", "name"])})], ["code", "name"])})], ["region", "cities"])),
    ("vocabulary", s("NAMESPACE.CODE → its labels", type="object", propertyNames={"pattern": "^[a-z0-9_]+(\\.[a-z0-9_]+)+$"}, additionalProperties=loc)),
    ("rules", {"type": "array", "minItems": 1, "items": rule}),
])
root["required"] = ["format", "version", "notice", "clauses", "applicant_kinds", "project_types", "divisions", "vocabulary", "rules"]
root["additionalProperties"] = False
root["$defs"] = O([
    ("localized", obj([("zh", {"type": "string"}), ("en", {"type": "string"})], ["zh", "en"], "a text in Chinese and English")),
    ("code", {"type": "string", "pattern": "^[a-z0-9_]+$", "description": "a lower-case snake_case code"}),
    ("date", {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "description": "YYYY-MM-DD"}),
])
print(json.dumps(root, ensure_ascii=False, indent=2))
