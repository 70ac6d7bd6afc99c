// Writing applications as JSON (docs/application-format.md), the format parse_application reads.
//
// An unknown fact (std::nullopt, an empty string or list) is left out, never written as false
// or zero, so that parse(to_json(a)) gives back `a` field by field.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "notice_data.hpp"
#include "nxkx/json.hpp"

namespace nxkx {
namespace {

using ojson = nlohmann::ordered_json;
namespace format = detail::format;

void put(ojson& o, const char* key, const std::string& v) {
  if (!v.empty()) o[key] = v;
}
void put(ojson& o, const char* key, const std::optional<std::string>& v) {
  if (v) o[key] = *v;
}
void put(ojson& o, const char* key, const tristate& v) {
  if (v) o[key] = *v;
}
void put(ojson& o, const char* key, const std::optional<std::int64_t>& v) {
  if (v) o[key] = *v;
}
void put(ojson& o, const char* key, const std::optional<double>& v) {
  if (v) o[key] = *v;  // nlohmann writes a non-finite double as null: unknown
}
void put(ojson& o, const char* key, const std::optional<date>& v) {
  if (v) o[key] = format_date(*v);
}
void put(ojson& o, const char* key, const std::vector<std::string>& v) {
  if (!v.empty()) o[key] = v;
}
void put(ojson& o, const char* key, ojson&& v) {
  if (!v.empty()) o[key] = std::move(v);
}

/// A history key: a 4-digit year ("2024"). Years outside 0-9999 cannot be read back.
std::string year_key(int year) {
  std::string s = std::to_string(year);
  if (year >= 0 && s.size() < 4) s.insert(0, 4 - s.size(), '0');
  return s;
}

void put(ojson& o, std::string_view key, const declared_value& v) {
  const std::string k(key);
  if (const bool* b = std::get_if<bool>(&v))
    o[k] = *b;
  else if (const std::int64_t* i = std::get_if<std::int64_t>(&v))
    o[k] = *i;
  else if (const date* d = std::get_if<date>(&v))
    o[k] = format_date(*d);
  else if (const std::string* t = std::get_if<std::string>(&v))
    o[k] = *t;
}

/// Writes the declarations of `object` (the notice's format) that `values` holds, in the order
/// of the format.
void put_declared(ojson& o, const format::object_info& object, const declarations& values) {
  for (const format::field& f : object.fields)
    if (f.declaration >= 0) put(o, f.name, values.at(static_cast<std::size_t>(f.declaration)));
}

ojson applicant_json(const organisation& a, const format::object_info& object) {
  ojson o = ojson::object();
  for (const format::field& f : object.fields) {
    if (f.declaration >= 0) {
      put(o, f.name, a.declared.at(static_cast<std::size_t>(f.declaration)));
    } else if (f.name == "name") {
      put(o, "name", a.name);
    } else if (f.name == "credit_code") {
      put(o, "credit_code", a.credit_code);
    } else if (f.name == "kind") {
      o["kind"] = a.kind;
    } else if (f.name == "division") {
      put(o, "division", a.division);
    } else if (f.name == "history" && !a.history.empty()) {
      ojson h = ojson::object();
      for (const auto& [year, r] : a.history) {
        ojson y = ojson::object();  // a year with every fact unknown is still written, as {}
        put_declared(y, *f.object, r);
        h[year_key(year)] = std::move(y);
      }
      o["history"] = std::move(h);
    }
  }
  return o;
}

ojson submission_json(const submission& s, const format::object_info& object) {
  ojson o = ojson::object();
  for (const format::field& f : object.fields) {
    if (f.declaration >= 0) {
      put(o, f.name, s.declared.at(static_cast<std::size_t>(f.declaration)));
    } else if (f.name == "paper_copies") {
      put(o, "paper_copies", s.paper_copies);
    } else if (f.name == "sealed") {
      put(o, "sealed", s.sealed);
    } else if (f.name == "delivery") {
      put(o, "delivery", s.delivery);
    } else if (f.name == "word_version") {
      ojson w = ojson::object();
      put(w, "emailed", s.word_version.emailed);
      put(w, "sent_to", s.word_version.sent_to);
      put(w, "sent_on", s.word_version.sent_on);
      put(o, "word_version", std::move(w));
    }
  }
  return o;
}

ojson records_json(const records& r) {
  ojson o = ojson::object();
  ojson events = ojson::array();
  for (const auto& e : r.events) {
    ojson x = ojson::object();
    put(x, "title", e.title);
    put(x, "type", e.type);
    put(x, "held_on", e.held_on);
    put(x, "attendance", e.attendance);
    put(x, "offline_attendance", e.offline_attendance);
    put(x, "place", e.place);
    put(x, "partners", e.partners);
    events.push_back(std::move(x));
  }
  put(o, "events", std::move(events));
  ojson transfers = ojson::array();
  for (const auto& t : r.transfers) {
    ojson x = ojson::object();
    put(x, "title", t.title);
    put(x, "transferred_on", t.transferred_on);
    put(x, "economic_benefit", t.economic_benefit);
    transfers.push_back(std::move(x));
  }
  put(o, "transfers", std::move(transfers));
  ojson items = ojson::array();
  for (const auto& i : r.platform_items) {
    ojson x = ojson::object();
    put(x, "kind", i.kind);
    put(x, "title", i.title);
    put(x, "filed_on", i.filed_on);
    items.push_back(std::move(x));
  }
  put(o, "platform_items", std::move(items));
  ojson reports = ojson::array();
  for (const auto& m : r.media_reports) {
    ojson x = ojson::object();
    put(x, "outlet", m.outlet);
    put(x, "title", m.title);
    put(x, "published_on", m.published_on);
    put(x, "mainstream", m.mainstream);
    reports.push_back(std::move(x));
  }
  put(o, "media_reports", std::move(reports));
  ojson experts = ojson::array();
  for (const auto& e : r.experts) {
    ojson x = ojson::object();
    put(x, "name", e.name);
    put(x, "affiliation", e.affiliation);
    put(x, "nationally_known", e.nationally_known);
    experts.push_back(std::move(x));
  }
  put(o, "experts", std::move(experts));
  put(o, "governance_systems", r.governance_systems);
  ojson texts = ojson::array();
  for (const auto& t : r.texts) {
    ojson x = ojson::object();
    put(x, "type", t.type);
    put(x, "title", t.title);
    if (t.file.empty())
      put(x, "content", t.content);
    else
      put(x, "file", t.file);  // the file is the text's source; its content is read from it
    texts.push_back(std::move(x));
  }
  put(o, "texts", std::move(texts));
  return o;
}

}  // namespace

std::string to_json(const application& a, const notice& n, int indent) {
  const format::notice_format& fmt = detail::data_of(n).format;
  ojson o = ojson::object();
  put(o, "id", a.id);
  put(o, "project_type", a.project_type);
  put(o, "title", a.title);
  put(o, "approval_date", a.approval_date);
  o["applicant"] = applicant_json(a.applicant, *fmt.applicant);
  ojson joint = ojson::array();
  for (const auto& j : a.joint_applicants) joint.push_back(applicant_json(j, *fmt.joint_applicant));
  put(o, "joint_applicants", std::move(joint));
  if (a.recommendation_letter) {  // a letter is written even when all its facts are unknown: it
                                  // exists
    ojson l = ojson::object();
    put(l, "issuer", a.recommendation_letter->issuer);
    put(l, "city", a.recommendation_letter->city);
    put(l, "issued", a.recommendation_letter->issued);
    o["recommendation_letter"] = std::move(l);
  }
  put(o, "submission", submission_json(a.submission, *fmt.submission));
  if (a.form.parts) o["form"] = ojson{{"parts", *a.form.parts}};  // [] is a fact
  ojson p = ojson::object();
  put(p, "work_measures", a.plan.work_measures);
  if (!a.plan.targets.empty()) {
    ojson t = ojson::object();
    for (const auto& [key, value] : a.plan.targets) t[key] = value;
    p["targets"] = std::move(t);
  }
  put(o, "plan", std::move(p));
  put(o, "records", records_json(a.records));
  ojson c = ojson::object();
  put(c, "submission", submission_json(a.completion.submission, *fmt.submission));
  put(o, "completion", std::move(c));
  put_declared(o, *fmt.application, a.declared);
  // Invalid UTF-8 in a string built in C++ is written as U+FFFD rather than thrown.
  return o.dump(indent, ' ', false, ojson::error_handler_t::replace);
}

}  // namespace nxkx
