#include "report_io.hpp"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>

#include "nxkx/codes.hpp"
#include "nxkx/date.hpp"
#include "nxkx/error.hpp"
#include "nxkx/text.hpp"

namespace nxkx::python {
namespace {

using json = nlohmann::json;
using ojson = nlohmann::ordered_json;

std::string child(const std::string& path, std::string_view key) {
  std::string out = path;
  nxkx::append_pointer_token(out, key);
  return out;
}

std::string child(const std::string& path, std::size_t index) {
  return path + '/' + std::to_string(index);
}

[[noreturn]] void type_fail(const std::string& path, const char* expected, const json& found) {
  throw input_error("input.type", path,
                    std::string("expected ") + expected + ", found " + found.type_name(),
                    std::string("应为 ") + expected + "，实为 " + found.type_name());
}

const json& member(const json& o, const char* key, const std::string& path) {
  auto it = o.find(key);
  if (it == o.end())
    throw input_error("input.missing", child(path, key), "required field is missing",
                      "缺少必填字段");
  return *it;
}

const json* optional_member(const json& o, const char* key) {
  auto it = o.find(key);
  return it == o.end() || it->is_null() ? nullptr : &*it;
}

const json& object_at(const json& o, const char* key, const std::string& path) {
  const json& v = member(o, key, path);
  if (!v.is_object()) type_fail(child(path, key), "an object", v);
  return v;
}

const json& array_at(const json& o, const char* key, const std::string& path) {
  const json& v = member(o, key, path);
  if (!v.is_array()) type_fail(child(path, key), "an array", v);
  return v;
}

std::string text_at(const json& o, const char* key, const std::string& path) {
  const json& v = member(o, key, path);
  if (!v.is_string()) type_fail(child(path, key), "a string", v);
  return v.get<std::string>();
}

std::string text_or(const json& o, const char* key, const std::string& path) {
  const json* v = optional_member(o, key);
  if (v == nullptr) return {};
  if (!v->is_string()) type_fail(child(path, key), "a string", *v);
  return v->get<std::string>();
}

localized localized_at(const json& o, const char* key, const std::string& path) {
  const json& v = object_at(o, key, path);
  const std::string p = child(path, key);
  return {text_at(v, "zh", p), text_at(v, "en", p)};
}

template <class E>
E code_at(const json& o, const char* key, const std::string& path, const char* what) {
  const std::string p = child(path, key);
  const std::string code = text_at(o, key, path);
  if (std::optional<E> e = from_code<E>(code)) return *e;
  throw input_error("input.unknown_code", p, std::string("unknown ") + what + " \"" + code + "\"",
                    std::string("未知的 ") + what + " \"" + code + "\"");
}

/// decision and severity are {code, zh, en} objects in a report; a bare code is read too.
template <class E>
E labelled_code_at(const json& o, const char* key, const std::string& path, const char* what) {
  const json& v = member(o, key, path);
  if (v.is_object()) return code_at<E>(v, "code", child(path, key), what);
  return code_at<E>(o, key, path, what);
}

rule_status status_of(const json& o, const std::string& path) {
  const std::string code = text_at(o, "status", path);
  for (rule_status s : {rule_status::passed, rule_status::failed, rule_status::not_applicable})
    if (to_code(s) == code) return s;
  throw input_error("input.unknown_code", child(path, "status"),
                    "unknown rule status \"" + code + "\"", "未知的规则状态 \"" + code + "\"");
}

finding finding_from(const json& o, const std::string& path) {
  if (!o.is_object()) type_fail(path, "a finding object", o);
  finding f;
  finding_context fc;
  f.rule_id = text_at(o, "rule_id", path);
  f.kind = text_or(o, "kind", path);
  f.level = labelled_code_at<severity>(o, "severity", path, "severity");
  if (const json* u = optional_member(o, "unknown")) {
    if (!u->is_boolean()) type_fail(child(path, "unknown"), "true or false", *u);
    f.unknown = u->get<bool>();
  }
  const json& clauses = array_at(o, "clauses", path);
  for (std::size_t i = 0; i < clauses.size(); ++i) {
    const std::string p = child(child(path, "clauses"), i);
    if (!clauses[i].is_object()) type_fail(p, "a clause object", clauses[i]);
    fc.clauses.push_back({text_at(clauses[i], "ref", p), text_or(clauses[i], "quote", p)});
  }
  if (optional_member(o, "interpretation"))
    fc.interpretation = localized_at(o, "interpretation", path);
  f.path = text_or(o, "path", path);
  localized message = localized_at(o, "message", path);
  localized expected = localized_at(o, "expected", path);
  f.found = localized_at(o, "found", path);
  if (const json* c = optional_member(o, "contact")) {
    const std::string p = child(path, "contact");
    if (!c->is_object()) type_fail(p, "a contact object", *c);
    fc.whom_to_call = {text_or(*c, "code", p), text_or(*c, "name", p), text_or(*c, "phone", p),
                       text_or(*c, "clause", p)};
  }
  // The texts as the report wrote them, not templates to fill again.
  message_templates texts;
  texts.expected = std::move(expected);
  texts.messages.push_back(std::move(message));
  texts.filled = true;
  fc.texts = std::make_shared<const message_templates>(std::move(texts));
  f.context = std::make_shared<const finding_context>(std::move(fc));
  return f;
}

}  // namespace

std::string report_state(const report& r) {
  ojson j = ojson::parse(to_json(r, -1));
  ojson& findings = j["findings"];
  for (std::size_t i = 0; i < r.findings.size(); ++i) {
    ojson& c = findings[i]["contact"];
    c["code"] = r.findings[i].whom_to_call().code;
    c["clause"] = r.findings[i].whom_to_call().clause;
  }
  return j.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

report report_from_json(std::string_view text) {
  (void)count_zi(text);  // throws input_error("input.utf8") naming the first bad byte
  json j;
  try {
    j = json::parse(text);
  } catch (const json::exception& e) {
    throw input_error("input.syntax", "", std::string("malformed report JSON: ") + e.what(),
                      std::string("报告 JSON 格式错误：") + e.what());
  }
  const std::string root;
  if (!j.is_object()) type_fail(root, "a report object", j);
  report r;
  r.notice_id = text_or(j, "notice_id", root);
  // The pack it was judged by; a report written before reports named their pack has none.
  if (const json* p = optional_member(j, "pack")) {
    const std::string where = "/pack";
    if (!p->is_object()) type_fail(where, "an object", *p);
    r.pack.id = text_or(*p, "id", where);
    r.pack.version = text_or(*p, "version", where);
    r.pack.sha256 = text_or(*p, "sha256", where);
  }
  r.stage = code_at<stage>(j, "stage", root, "stage");
  const std::string as_of = text_at(j, "as_of", root);
  const date_parse_result d = parse_date(as_of);
  if (!d) throw input_error("input.date", "/as_of", d.why, d.why_zh);
  r.as_of = *d;
  if (const json* a = optional_member(j, "application")) {
    const std::string p = "/application";
    if (!a->is_object()) type_fail(p, "an object", *a);
    r.application_id = text_or(*a, "id", p);
    r.title = text_or(*a, "title", p);
    r.project_type = text_or(*a, "project_type", p);
    r.applicant_name = text_or(*a, "applicant_name", p);
    r.credit_code = text_or(*a, "credit_code", p);
  }
  if (const json* o = optional_member(j, "origin")) {
    const std::string p = "/origin";
    if (!o->is_object()) type_fail(p, "an object", *o);
    r.origin.file = text_or(*o, "file", p);
    for (const char* k : {"index", "line"})
      if (const json* v = optional_member(*o, k)) {
        if (!v->is_number_unsigned()) type_fail(child(p, k), "a non-negative integer", *v);
        (std::string_view(k) == "index" ? r.origin.index : r.origin.line) = v->get<std::uint64_t>();
      }
  }
  r.decision = labelled_code_at<decision>(j, "decision", root, "decision");
  const json& findings = array_at(j, "findings", root);
  for (std::size_t i = 0; i < findings.size(); ++i)
    r.findings.push_back(finding_from(findings[i], child("/findings", i)));
  if (const json* t = optional_member(j, "trace")) {
    if (!t->is_array()) type_fail("/trace", "an array", *t);
    for (std::size_t i = 0; i < t->size(); ++i) {
      const std::string p = child("/trace", i);
      if (!(*t)[i].is_object()) type_fail(p, "a trace object", (*t)[i]);
      r.trace.push_back({text_at((*t)[i], "rule_id", p), status_of((*t)[i], p)});
    }
  }
  return r;
}

}  // namespace nxkx::python
