// JSON Schemas generated from the application format table (application_fields.hpp) and the
// notice's codes; the catalogue as JSON. docs/schema.md describes what they hold.
#include "nxkx/schema.hpp"

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "application_fields.hpp"
#include "notice_data.hpp"
#include "nxkx/codes.hpp"
#include "nxkx/date.hpp"
#include "nxkx/report.hpp"

namespace nxkx {
namespace detail {
extern const std::string_view pack_schema_json;
}  // namespace detail
namespace {

using ojson = nlohmann::ordered_json;
namespace format = detail::format;
using format::field;
using format::object_info;
using format::value_type;

constexpr std::string_view draft = "https://json-schema.org/draft/2020-12/schema";

/// What parse_date reads: YYYY-MM-DD, or an RFC 3339 timestamp (T, t or a space; seconds and
/// fractions optional; Z or ±HH:MM up to ±14:00, or no offset for China time). A pattern cannot
/// know that 2025-02-30 does not exist: the reader refuses it (docs/schema.md).
constexpr std::string_view date_pattern =
    "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
    "([Tt ]([01][0-9]|2[0-3]):[0-5][0-9](:([0-5][0-9]|60)(\\.[0-9]+)?)?"
    "([Zz]|[+-](0[0-9]|1[0-3]):[0-5][0-9]|[+-]14:00)?)?$";

/// One code with its labels.
struct code_label {
  std::string code;
  localized label;
};

ojson localized_json(const localized& t) { return ojson{{"zh", t.zh}, {"en", t.en}}; }

/// The codes of the pack's vocabulary namespace `ns`, in the pack's order.
std::vector<code_label> vocabulary_codes(const notice& n, std::string_view ns) {
  std::vector<code_label> out;
  for (std::string_view code : detail::data_of(n).codes(ns))
    if (const localized* l = n.label(std::string(ns) + "." + std::string(code)))
      out.push_back({std::string(code), *l});
  return out;
}

/// {"oneOf": [{"const": code, "title": 中文, "description": English}, …]}; null too if `nullable`
/// (an unknown fact).
ojson codes_schema(const std::vector<code_label>& codes, bool nullable) {
  ojson one_of = ojson::array();
  for (const auto& c : codes)
    one_of.push_back(ojson{{"const", c.code}, {"title", c.label.zh}, {"description", c.label.en}});
  if (nullable)
    one_of.push_back(
        ojson{{"type", "null"}, {"title", "未填写"}, {"description", "not given (unknown)"}});
  return ojson{{"oneOf", std::move(one_of)}};
}

ojson type_of(std::string_view json_type, bool nullable) {
  if (!nullable) return std::string(json_type);
  return ojson::array({std::string(json_type), "null"});
}

ojson count_schema(bool nullable) {
  return ojson{{"type", type_of("integer", nullable)},
               {"minimum", 0},
               {"maximum", std::numeric_limits<std::int64_t>::max()}};
}

ojson ref(std::string_view id) { return ojson{{"$ref", "#/$defs/" + std::string(id)}}; }

class generator {
 public:
  explicit generator(const notice& n) : n_(n) {}

  /// The $defs entry of every object of the format.
  ojson application_defs() const {
    ojson defs = ojson::object();
    for (const object_info& o : detail::data_of(n_).format.all) defs[std::string(o.id)] = object(o);
    return defs;
  }

  ojson object(const object_info& o) const {
    ojson s;
    s["type"] = "object";
    s["title"] = std::string(o.zh);
    s["description"] = std::string(o.en);
    ojson properties = ojson::object();
    ojson required = ojson::array();
    for (const field& f : o.fields) {
      properties[std::string(f.name)] = property(f);
      if (f.required) required.push_back(std::string(f.name));
    }
    s["properties"] = std::move(properties);
    if (!required.empty()) s["required"] = std::move(required);
    s["additionalProperties"] = false;
    // A text is its content or a file that holds it, not both (input.conflict).
    if (format::find_field(o, "content") != nullptr && format::find_field(o, "file") != nullptr)
      s["not"] =
          ojson{{"properties", {{"content", {{"type", "string"}}}, {"file", {{"type", "string"}}}}},
                {"required", {"content", "file"}}};
    return s;
  }

 private:
  ojson property(const field& f) const {
    // Every fact may be left out or given as null (unknown), except the required ones.
    const bool nullable = !f.required;
    ojson s;
    switch (f.type) {
      case value_type::string:
        s["type"] = type_of("string", nullable);
        break;
      case value_type::boolean:
        s["type"] = type_of("boolean", nullable);
        break;
      case value_type::count:
        s = count_schema(nullable);
        break;
      case value_type::number:
        s["type"] = type_of("number", nullable);
        break;
      case value_type::date:
        s["type"] = type_of("string", nullable);
        s["pattern"] = std::string(date_pattern);
        break;
      case value_type::project_type: {
        std::vector<code_label> types;
        for (const auto& t : n_.project_types()) types.push_back({t.code, t.name});
        s = codes_schema(types, nullable);
        break;
      }
      case value_type::vocabulary:
        s = codes_schema(vocabulary_codes(n_, f.codes), nullable);
        break;
      case value_type::strings:
        s["type"] = type_of("array", nullable);
        s["items"] = ojson{{"type", "string"}};
        break;
      case value_type::vocabulary_list:
        s["type"] = type_of("array", nullable);
        s["items"] = codes_schema(vocabulary_codes(n_, f.codes), false);
        break;
      case value_type::object:
        if (nullable)
          s["anyOf"] = ojson::array({ref(f.object->id), ojson{{"type", "null"}}});
        else
          s = ref(f.object->id);
        break;
      case value_type::objects:
        s["type"] = type_of("array", nullable);
        s["items"] = ref(f.object->id);
        break;
      case value_type::history:
        s["type"] = type_of("object", nullable);
        s["propertyNames"] = ojson{{"pattern", "^[0-9]{4}$"}};
        s["additionalProperties"] =
            ojson{{"anyOf", ojson::array({ref(f.object->id), ojson{{"type", "null"}}})}};
        break;
      case value_type::targets: {
        s["type"] = type_of("object", nullable);
        ojson properties = ojson::object();
        for (const auto& c : vocabulary_codes(n_, f.codes)) {
          ojson p = count_schema(true);
          p["title"] = c.label.zh;
          p["description"] = c.label.en;
          properties[c.code] = std::move(p);
        }
        s["properties"] = std::move(properties);
        s["additionalProperties"] = false;
        break;
      }
    }
    // Annotations after the assertions, so that a reader sees the type first.
    s["title"] = std::string(f.zh);
    s["description"] = std::string(f.en);
    if (!f.clause.empty()) s["x-clause"] = std::string(f.clause);
    return s;
  }

  const notice& n_;
};

// ---- the report ----

ojson text_schema(std::string_view zh, std::string_view en) {
  return ojson{{"type", "string"}, {"title", std::string(zh)}, {"description", std::string(en)}};
}

/// An object whose every property is required but those named `optional`.
ojson object_schema(std::string_view zh, std::string_view en, ojson properties,
                    std::initializer_list<std::string_view> optional = {}) {
  ojson required = ojson::array();
  for (const auto& [key, value] : properties.items())
    if (std::find(optional.begin(), optional.end(), key) == optional.end()) required.push_back(key);
  return ojson{{"type", "object"},
               {"title", std::string(zh)},
               {"description", std::string(en)},
               {"properties", std::move(properties)},
               {"required", std::move(required)},
               {"additionalProperties", false}};
}

/// The pack a result was judged by: this notice's id, version and sha256, as constants.
ojson pack_identity_schema(const notice& n) {
  const pack_identity& p = n.identity();
  return object_schema(
      "通知包", "the pack the application was judged by",
      ojson{{"id", ojson{{"const", p.id}, {"title", "编号"}, {"description", "the notice's id"}}},
            {"version",
             ojson{{"const", p.version}, {"title", "版本"}, {"description", "the pack's version"}}},
            {"sha256", ojson{{"const", p.sha256},
                             {"title", "SHA-256"},
                             {"description", "of the pack's JSON text, lower-case hex"}}}});
}

ojson localized_schema(std::string_view zh, std::string_view en) {
  return object_schema(
      zh, en,
      ojson{{"zh", text_schema("中文", "Chinese")}, {"en", text_schema("英文", "English")}});
}

template <class E>
ojson enum_schema(std::string_view zh, std::string_view en) {
  ojson codes = ojson::array();
  for (const auto& item : code_table<E>::items) codes.push_back(std::string(item.second));
  return ojson{
      {"enum", std::move(codes)}, {"title", std::string(zh)}, {"description", std::string(en)}};
}

/// A code with its labels, e.g. the decision {"code": "rejected", "zh": "不予受理", "en": …}.
template <class E>
ojson labelled_code_schema(std::string_view zh, std::string_view en) {
  return object_schema(zh, en,
                       ojson{{"code", enum_schema<E>("代码", "stable code")},
                             {"zh", text_schema("中文", "label in Chinese")},
                             {"en", text_schema("英文", "label in English")}});
}

ojson rule_id_schema(const notice& n) {
  ojson one_of = ojson::array();
  for (const auto& r : n.rules())
    one_of.push_back(ojson{{"const", r.id}, {"title", r.title.zh}, {"description", r.title.en}});
  return ojson{
      {"oneOf", std::move(one_of)}, {"title", "规则"}, {"description", "the rule, by its id"}};
}

ojson report_defs(const notice& n) {
  ojson defs = ojson::object();
  ojson clause = object_schema("条款", "a clause of the notice",
                               ojson{{"ref", text_schema("条款编号", "e.g. 二(三)4")},
                                     {"quote", text_schema("条款原文", "the clause's text")}},
                               {"quote"});  // required in a full report (report_detail)
  ojson finding_properties{
      {"rule_id", rule_id_schema(n)},
      {"kind", text_schema("规则类型", "the requirement kind that implements the rule")},
      {"severity", labelled_code_schema<severity>("严重程度", "how bad the finding is")},
      {"unknown", ojson{{"type", "boolean"},
                        {"title", "未填写"},
                        {"description",
                         "the rule could not be judged: the input leaves a "
                         "fact out"}}},
      {"clause", text_schema("条款", "the clauses, joined, e.g. 三(二)、三(四)")},
      {"clauses", ojson{{"type", "array"},
                        {"items", ref("clause")},
                        {"title", "条款"},
                        {"description", "the clauses cited, the first is the primary one"}}},
      {"interpretation",
       localized_schema("解读", "the pack's reading of an ambiguous clause, in both languages")},
      {"path", text_schema("字段", "JSON pointer of the field concerned in the application")},
      {"message", localized_schema("问题", "what is wrong")},
      {"expected", localized_schema("应为", "what the notice asks")},
      {"found", localized_schema("实为", "what the application says")},
      {"contact", object_schema("联系人", "whom to call about the project type",
                                ojson{{"name", text_schema("姓名", "name")},
                                      {"phone", text_schema("电话", "phone")}})}};
  // interpretation appears only when the pack has a reading for the rule; contact and each
  // clause's quote are required in a full report, left out of a compact one (below)
  ojson finding = object_schema("问题", "one broken or unverifiable rule", finding_properties,
                                {"interpretation", "contact"});

  ojson trace_item = object_schema(
      "核验规则", "one rule evaluated",
      ojson{{"rule_id", rule_id_schema(n)},
            {"status",
             ojson{{"enum", ojson::array({std::string(to_code(rule_status::passed)),
                                          std::string(to_code(rule_status::failed)),
                                          std::string(to_code(rule_status::not_applicable))})},
                   {"title", "结果"},
                   {"description", "passed, failed or not applicable"}}}});

  ojson application = object_schema(
      "申报", "the application as the input gave it",
      ojson{{"id", text_schema("申报编号", "the caller's reference")},
            {"title", text_schema("项目名称", "project title")},
            {"project_type", text_schema("项目类型", "project type code")},
            {"applicant_name", text_schema("申报单位", "name of the lead applicant")},
            {"credit_code", text_schema("统一社会信用代码", "credit code of the lead applicant")}});

  ojson index = count_schema(false);
  index["title"] = "数组下标";
  index["description"] = "0-based element of a JSON array of applications";
  ojson line = count_schema(false);
  line["minimum"] = 1;
  line["title"] = "行号";
  line["description"] = "1-based line of a JSON-lines file";
  ojson origin = object_schema("来源", "where the application was read from, as its caller said",
                               ojson{{"file", text_schema("文件", "the file's name as given")},
                                     {"index", std::move(index)},
                                     {"line", std::move(line)}},
                               {"file", "index", "line"});

  ojson report = object_schema(
      "核验结果", "the result for one application",
      ojson{
          {"notice_id", ojson{{"const", n.info().id},
                              {"title", "通知"},
                              {"description", "the id of the notice pack"}}},
          {"pack", pack_identity_schema(n)},
          {"detail", ojson{{"const", std::string(to_code(report_detail::compact))},
                           {"title", "简要报告"},
                           {"description",
                            "present in a compact report only: clauses cited by ref, without "
                            "their quotes, the readings and the contacts (nxkx rules has them)"}}},
          {"stage", enum_schema<stage>("阶段", "application or completion")},
          {"as_of", ojson{{"type", "string"},
                          {"pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
                          {"title", "核验日期"},
                          {"description", "the date the check was made as of"}}},
          {"application", std::move(application)},
          {"origin", std::move(origin)},
          {"decision", labelled_code_schema<decision>("结论", "the decision")},
          {"findings", ojson{{"type", "array"},
                             {"items", ref("finding")},
                             {"title", "问题"},
                             {"description", "worst first, then in the pack's order"}}},
          {"trace", ojson{{"type", "array"},
                          {"items", ref("trace")},
                          {"title", "核验规则"},
                          {"description", "every rule evaluated, when asked for"}}}},
      {"detail", "origin", "trace"});
  // A full report (no "detail") quotes every clause and names the contact; a compact one has
  // neither, nor the reading.
  const auto items_of = [](ojson finding_part) {
    return ojson{{"properties", {{"findings", {{"items", std::move(finding_part)}}}}}};
  };
  report["if"] = ojson{{"required", ojson::array({"detail"})}};
  report["then"] = items_of(
      ojson{{"not",
             {{"anyOf", ojson::array({ojson{{"required", ojson::array({"contact"})}},
                                      ojson{{"required", ojson::array({"interpretation"})}}})}}},
            {"properties",
             {{"clauses", {{"items", {{"not", {{"required", ojson::array({"quote"})}}}}}}}}}});
  report["else"] = items_of(
      ojson{{"required", ojson::array({"contact"})},
            {"properties", {{"clauses", {{"items", {{"required", ojson::array({"quote"})}}}}}}}});

  defs["report"] = std::move(report);
  defs["finding"] = std::move(finding);
  defs["clause"] = std::move(clause);
  defs["trace"] = std::move(trace_item);
  return defs;
}

ojson batch_schema_root(const notice& n) {
  ojson summary_properties{{"applications", count_schema(false)}};
  summary_properties["applications"]["title"] = "申报数";
  summary_properties["applications"]["description"] = "applications checked";
  for (const auto& [d, code] : code_table<decision>::items) {
    ojson c = count_schema(false);
    c["title"] = std::string(decision_label(d, lang::zh));
    c["description"] = "applications whose decision is " + std::string(code);
    summary_properties[std::string(code)] = std::move(c);
  }
  {
    ojson c = count_schema(false);
    c["title"] = "无法读取";
    c["description"] = "applications (or files) that could not be read";
    summary_properties["errors"] = std::move(c);
  }
  ojson index = count_schema(false);
  index["title"] = "数组下标";
  index["description"] = "0-based element of the file's array of applications";
  ojson error =
      object_schema("无法读取的输入", "an input that could not be read (nxkx check)",
                    ojson{{"file", text_schema("文件", "file")},
                          {"index", index},
                          {"code", text_schema("代码", "stable error code")},
                          {"path", text_schema("位置", "JSON pointer")},
                          {"reason", text_schema("原因", "what is wrong, in English")},
                          {"reason_zh", text_schema("原因（中文）", "the same in Chinese")}},
                    {"index"});
  // nxkx_check_batch (the C ABI) keeps going: an error entry in place of each unreadable element.
  ojson entry = object_schema(
      "无法读取的申报", "an element of the batch that could not be read, in its place",
      ojson{
          {"error", object_schema("错误", "why it could not be read",
                                  ojson{{"code", text_schema("代码", "stable error code")},
                                        {"path", text_schema("位置", "JSON pointer")},
                                        {"reason", text_schema("原因", "in English")},
                                        {"reason_zh", text_schema("原因（中文）", "in Chinese")}})},
          {"origin", object_schema("来源", "its place in the batch", ojson{{"index", index}})}});
  ojson root = object_schema(
      "批量核验结果", "the result of a batch",
      ojson{{"notice", ojson{{"const", n.info().id}, {"title", "通知"}, {"description", "id"}}},
            {"pack", pack_identity_schema(n)},
            {"stage", enum_schema<stage>("阶段", "application or completion")},
            {"as_of", ojson{{"type", "string"},
                            {"pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
                            {"title", "核验日期"},
                            {"description", "the date the check was made as of"}}},
            {"reports", ojson{{"type", "array"},
                              {"items", ojson{{"oneOf", ojson::array({ref("report"), entry})}}},
                              {"title", "核验结果"},
                              {"description",
                               "one report per application, in input order; from the C ABI an "
                               "error entry in place of an application that could not be read"}}},
            {"summary", object_schema("汇总", "how many of each decision", summary_properties)},
            {"errors", ojson{{"type", "array"},
                             {"items", std::move(error)},
                             {"title", "无法读取的输入"},
                             {"description", "only from nxkx check --format json"}}}},
      {"pack", "errors"});
  return root;
}

std::string dump(const ojson& j, int indent) {
  return j.dump(indent < 0 ? -1 : indent, ' ', false, ojson::error_handler_t::replace);
}

ojson head(const notice& n, schema_document d) {
  ojson s;
  s["$schema"] = std::string(draft);
  s["$id"] = "urn:nxkx:" + n.info().id + ":" + std::string(to_code(d));
  return s;
}

void append(ojson& to, ojson&& from) {
  for (auto& [key, value] : from.items()) to[key] = std::move(value);
}

}  // namespace

std::string json_schema(const notice& n, schema_document d, int indent) {
  ojson s = head(n, d);
  const notice_info& i = n.info();
  const std::string notice_title =
      i.issuer + i.number + (i.title.starts_with("《") ? i.title : "《" + i.title + "》");
  switch (d) {
    case schema_document::application: {
      const generator g(n);
      append(s, g.object(*detail::data_of(n).format.application));
      s["title"] = "申报 — " + notice_title;
      ojson defs = g.application_defs();
      defs.erase("application");  // the root is the application; nothing refers to it
      s["$defs"] = std::move(defs);
      break;
    }
    case schema_document::applications: {
      const generator g(n);
      s["title"] = "申报（一份或多份） — " + notice_title;
      s["description"] = "one application object, or an array of them checked as one batch";
      s["anyOf"] = ojson::array(
          {ref("application"), ojson{{"type", "array"}, {"items", ref("application")}}});
      s["$defs"] = g.application_defs();
      break;
    }
    case schema_document::report:
      append(s, ojson{{"$ref", "#/$defs/report"}});
      s["title"] = "核验结果 — " + notice_title;
      s["description"] = "the result for one application, as nxkx::to_json(report) writes it";
      s["$defs"] = report_defs(n);
      break;
    case schema_document::batch:
      append(s, batch_schema_root(n));
      s["title"] = "批量核验结果 — " + notice_title;
      s["$defs"] = report_defs(n);
      break;
  }
  return dump(s, indent);
}

std::string application_schema(const notice& n, int indent) {
  return json_schema(n, schema_document::application, indent);
}

std::string report_schema(const notice& n, int indent) {
  return json_schema(n, schema_document::report, indent);
}

std::string catalog_json(const notice& n, int indent) {
  const notice_info& i = n.info();
  ojson doc;
  doc["notice"] =
      ojson{{"id", i.id},
            {"issuer", i.issuer},
            {"number", i.number},
            {"title", i.title},
            {"issued", format_date(i.issued)},
            {"application_deadline",
             i.application_deadline ? ojson(format_date(*i.application_deadline)) : ojson(nullptr)},
            {"deadline_interpretation", localized_json(i.deadline_interpretation)},
            {"timezone", i.timezone},
            {"submit_to", i.submit_to},
            {"address", i.address},
            {"email", i.email},
            {"form_name", i.form_name}};
  ojson categories = ojson::array();
  for (const auto& c : n.categories())
    categories.push_back(
        ojson{{"code", c.code}, {"clause", c.clause}, {"name", localized_json(c.name)}});
  doc["categories"] = std::move(categories);
  ojson types = ojson::array();
  for (const auto& p : n.project_types()) {
    auto applicants = [&](lang l) {
      if (!p.applicants_text.in(l).empty()) return p.applicants_text.in(l);
      std::string out;
      for (const std::string& k : p.eligible) {
        if (!out.empty()) out += l == lang::zh ? "、" : ", ";
        const applicant_kind_info* info = n.find_applicant_kind(k);
        out += info != nullptr ? info->name.in(l) : k;
      }
      return out;
    };
    ojson t;
    t["code"] = p.code;
    t["category"] = p.category;
    t["clause"] = p.clause;
    t["name"] = localized_json(p.name);
    t["applicants"] = ojson{{"zh", applicants(lang::zh)}, {"en", applicants(lang::en)}};
    ojson eligible = ojson::array();
    for (const std::string& k : p.eligible) eligible.push_back(k);
    t["eligible"] = std::move(eligible);
    ojson joint = ojson::array();
    for (const std::string& k : p.joint_eligible) joint.push_back(k);
    t["joint_eligible"] = std::move(joint);
    ojson papers = ojson::array();
    for (const auto& paper : p.papers) papers.push_back(localized_json(paper));
    t["papers"] = std::move(papers);
    t["completion_deadline"] = format_date(p.completion_deadline);
    const contact* c = n.find_contact(p.contact);
    t["contact"] = ojson{{"code", p.contact},
                         {"name", c != nullptr ? c->name : std::string()},
                         {"phone", c != nullptr ? c->phone : std::string()}};
    types.push_back(std::move(t));
  }
  doc["project_types"] = std::move(types);
  return dump(doc, indent);
}

std::string_view pack_schema() noexcept { return detail::pack_schema_json; }

}  // namespace nxkx
