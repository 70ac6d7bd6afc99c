// A starter application for a project type (json.hpp, `nxkx new`): every field that type's rules
// read and every declaration of the type (B12: read by a rule or not), unknown (null).
//
// No template is written by hand, per type or at all. The fields come from the format's table
// (application_fields.cpp), and which of them a type's rules read is asked of the engine itself,
// with the loaded pack: a field is read when some rule's finding points at it (or into it) while
// it is unknown, or when giving it a value changes what the rules find. Facts that matter only
// once another fact is known (a courier's dispatch date, once the delivery is by courier; an
// event's attendance, once it is of a type that counts) are found by repeating the search with
// each read fact set, in turn, to the value that leaves the fewest findings. Duplicate rules
// (三(一)) are judged across a batch: each probe checks the application twice, as a batch.
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "application_fields.hpp"
#include "declarations_read.hpp"
#include "notice_data.hpp"
#include "nxkx/engine.hpp"
#include "nxkx/error.hpp"
#include "nxkx/json.hpp"

namespace nxkx {
namespace {

using ojson = nlohmann::ordered_json;
namespace format = detail::format;
using format::field;
using format::object_info;
using format::value_type;

/// A place in the application: its JSON pointer and the field the table says it is.
struct slot {
  std::string pointer;
  const field* f = nullptr;
};

class prober {
 public:
  prober(const notice& n, const project_type_info& type, const std::string& kind, stage st)
      : n_(n), type_(type) {
    opt_.stage = st;
    opt_.as_of = n.info().application_deadline.value_or(n.info().issued);
    base_ = ojson::object();
    base_["project_type"] = type.code;
    base_["applicant"] = ojson{{"kind", kind}};
  }

  /// Searches until no round finds a new field; returns the pointers of the fields read.
  std::set<std::string> run() {
    for (int round = 0; round < 6; ++round) {
      const std::size_t before = read_.size();
      discover();
      settle();
      if (read_.size() == before && round > 0) break;
    }
    return read_;
  }

  /// The kind of a joint applicant: the first the type lets join.
  std::string joint_kind() const {
    if (!type_.joint_eligible.empty()) return type_.joint_eligible.front();
    return n_.applicant_kinds().empty() ? std::string() : n_.applicant_kinds().back().code;
  }

 private:
  // ---- what the engine says of a document ----

  /// The findings of the document, checked twice as a batch, as comparable text.
  std::string outcome(const ojson& doc, std::size_t* findings = nullptr,
                      std::size_t* unknown = nullptr) {
    const std::string text = doc.dump();
    if (auto it = cache_.find(text); it != cache_.end()) {
      if (findings != nullptr) *findings = it->second.findings;
      if (unknown != nullptr) *unknown = it->second.unknown;
      return it->second.key;
    }
    result res;
    try {
      const application a = parse_application(text, n_);
      const std::vector<application> pair{a, a};
      for (const report& r : check_batch(n_, pair, opt_)) {
        res.key += to_code(r.decision);
        for (const finding& f : r.findings) {
          res.key += '|' + f.rule_id + ' ' + f.path + ' ' + f.found.en + ' ' + f.message(lang::en);
          ++res.findings;
          res.unknown += f.unknown ? 1 : 0;
        }
        res.key += '\n';
      }
    } catch (const input_error& e) {
      res.key = "error " + e.code() + " " + e.path();
      res.findings = res.unknown = 1000;
    }
    cache_.emplace(text, res);
    if (findings != nullptr) *findings = res.findings;
    if (unknown != nullptr) *unknown = res.unknown;
    return res.key;
  }

  /// The finding paths of an outcome, from its text.
  static std::map<std::string, int> paths_of(const std::string& key) {
    std::map<std::string, int> out;
    std::size_t i = 0;
    while ((i = key.find('|', i)) != std::string::npos) {
      const std::size_t space = key.find(' ', i + 1);
      const std::size_t end = key.find(' ', space + 1);
      if (space == std::string::npos || end == std::string::npos) break;
      out[key.substr(space + 1, end - space - 1)] = 1;
      i = end;
    }
    return out;
  }

  // ---- the places of the format ----

  /// Every place under `pointer` of an object of kind `info`: each field, the first element of
  /// each list, each year the rules name, each target of the pack.
  void places(const object_info& info, const std::string& pointer, std::vector<slot>& out) const {
    for (const field& f : info.fields) {
      const std::string p = pointer + "/" + std::string(f.name);
      if (f.required) {  // given already: project_type, kind; the applicant's fields are places
        if (f.type == value_type::object) places(*f.object, p, out);
        continue;
      }
      out.push_back({p, &f});
      switch (f.type) {
        case value_type::object:
          places(*f.object, p, out);
          break;
        case value_type::objects:
          places(*f.object, p + "/0", out);
          break;
        case value_type::history:
          for (const std::string& year : years_) {
            out.push_back({p + "/" + year, &f});
            places(*f.object, p + "/" + year, out);
          }
          break;
        case value_type::targets:
          for (const auto& [code, label] : detail::data_of(n_).vocabulary)
            if (code.starts_with(std::string(f.codes) + "."))
              out.push_back({p + "/" + code.substr(f.codes.size() + 1), &f});
          break;
        default:
          break;
      }
    }
  }

  /// The values a place is tried with.
  std::vector<ojson> values(const slot& s) const {
    const field& f = *s.f;
    std::vector<ojson> out;
    const bool target_key = f.type == value_type::targets && !s.pointer.ends_with("/targets");
    const bool year_key = f.type == value_type::history && !s.pointer.ends_with("/history");
    if (target_key) return {0, 1000000};
    if (year_key) return {ojson::object()};
    switch (f.type) {
      case value_type::string:
        return {"?", "640104", "51640000MJX000018H", n_.info().email};
      case value_type::boolean:
        return {true, false};
      case value_type::count:
        return {0, 50, 1000000};
      case value_type::number:
        return {0, 1e9};
      case value_type::date:
        return {"2000-01-01", format_date(n_.info().issued),
                format_date(n_.info().application_deadline.value_or(n_.info().issued)),
                format_date(type_.completion_deadline), "2099-12-31"};
      case value_type::vocabulary:
        for (const std::string& code : vocabulary(f.codes)) out.emplace_back(code);
        return out;
      case value_type::vocabulary_list: {
        ojson all = ojson::array();
        for (const std::string& code : vocabulary(f.codes)) all.push_back(code);
        return {ojson::array(), all};
      }
      case value_type::strings:
        return {ojson::array({"?"})};
      case value_type::object:
        return {ojson::object()};
      case value_type::objects:
        return {ojson::array({element(*f.object)})};
      case value_type::history:
      case value_type::targets:
        return {ojson::object()};
      case value_type::project_type:
        return {};
    }
    return out;
  }

  std::vector<std::string> vocabulary(std::string_view ns) const {
    std::vector<std::string> out;
    for (std::string_view code : detail::data_of(n_).codes(ns)) out.emplace_back(code);
    return out;
  }

  /// A list element holding what the format requires of it.
  ojson element(const object_info& info) const {
    ojson e = ojson::object();
    for (const field& f : info.fields)
      if (f.required && f.name == "kind") e["kind"] = joint_kind();
    return e;
  }

  /// `doc` with the containers above `pointer` made (objects, and lists of one element).
  ojson with_parents(ojson doc, const std::string& pointer) const {
    std::size_t at = 0;
    const object_info* info = detail::data_of(n_).format.application;
    while ((at = pointer.find('/', at + 1)) != std::string::npos) {
      const std::string parent = pointer.substr(0, at);
      const std::string name = parent.substr(parent.rfind('/') + 1);
      const ojson::json_pointer jp(parent);
      const field* f = info != nullptr ? format::find_field(*info, name) : nullptr;
      if (f == nullptr) {  // an element index or a year: the container above made it
        continue;
      }
      if (f->type == value_type::objects) {
        if (!doc.contains(jp) || !doc[jp].is_array() || doc[jp].empty())
          doc[jp] = ojson::array({element(*f->object)});
        info = f->object;
      } else if (f->type == value_type::object || f->type == value_type::history ||
                 f->type == value_type::targets) {
        if (!doc.contains(jp) || !doc[jp].is_object()) doc[jp] = ojson::object();
        info = f->object;
      }
    }
    return doc;
  }

  static ojson set(ojson doc, const std::string& pointer, const ojson& value) {
    doc[ojson::json_pointer(pointer)] = value;
    return doc;
  }

  static ojson erase(ojson doc, const std::string& pointer) {
    const ojson::json_pointer jp(pointer);
    if (doc.contains(jp)) doc[jp.parent_pointer()].erase(jp.back());
    return doc;
  }

  // ---- the search ----

  /// Marks as read every place a finding points at or into, and every place whose value
  /// changes the findings; learns the years the rules name.
  void discover() {
    learn_years(outcome(base_));
    std::vector<slot> all;
    places(*detail::data_of(n_).format.application, "", all);
    for (const slot& s : all) {
      if (read_.count(s.pointer) != 0 || !in_a_read_list(s.pointer)) continue;
      const ojson context = with_parents(erase(base_, s.pointer), s.pointer);
      const std::string before = outcome(context);
      learn_years(before);
      bool read = pointed_at(before, s.pointer);
      // A list is asked for when the rules, seeing it empty, point at it (too few partners,
      // events, texts); one they only judge when it is there (joint applicants of a type that
      // takes none) is no part of a starter.
      if (s.f->type == value_type::objects) {
        if (read) mark(s.pointer);
        continue;
      }
      read = read || changes(context, s, before);
      // Inside a list's element, a field may matter only once a sibling has a certain value
      // (an event's attendance, once its type counts): try it with each sibling's values.
      if (!read && s.pointer.find("/0/") != std::string::npos) {
        const std::string parent = s.pointer.substr(0, s.pointer.rfind('/'));
        for (const slot& sibling : all) {
          if (read) break;
          if (sibling.pointer == s.pointer || read_.count(sibling.pointer) == 0 ||
              sibling.pointer.substr(0, sibling.pointer.rfind('/')) != parent)
            continue;
          for (const ojson& g : values(sibling)) {
            const ojson given = set(context, sibling.pointer, g);
            if (changes(given, s, outcome(given))) {
              read = true;
              break;
            }
          }
        }
      }
      // Records that point at each other by text (an event's partners, the credit codes of the
      // joint applicants): the same text in both places, each place of another list.
      if (!read && s.pointer.find("/0/") != std::string::npos &&
          (s.f->type == value_type::strings || s.f->type == value_type::string)) {
        const std::string list = s.pointer.substr(0, s.pointer.find("/0/"));
        for (const slot& other : all) {
          if (read) break;
          if (other.f->type != value_type::string ||
              other.pointer.find("/0/") == std::string::npos ||
              other.pointer.starts_with(list + "/") || !in_a_read_list(other.pointer))
            continue;
          for (const ojson& v : values(other)) {
            const ojson given = with_parents(set(context, other.pointer, v), other.pointer);
            const ojson value = s.f->type == value_type::strings ? ojson::array({v}) : v;
            const std::string with_both = outcome(set(given, s.pointer, value));
            if (!with_both.starts_with("error ") && with_both != outcome(given)) {
              read = true;
              mark(other.pointer);
              base_ = set(set(base_, other.pointer, v), s.pointer, value);
              break;
            }
          }
        }
      }
      if (read) mark(s.pointer);
    }
  }

  /// True when a value at `s` changes the findings of `context` (`before`), or a finding then
  /// points at it. A value the format refuses there (content beside file) says nothing.
  bool changes(const ojson& context, const slot& s, const std::string& before) {
    for (const ojson& v : values(s)) {
      const std::string after = outcome(set(context, s.pointer, v));
      if (after.starts_with("error ")) continue;
      learn_years(after);
      if (after != before || pointed_at(after, s.pointer)) return true;
    }
    return false;
  }

  /// Sets each read place, in turn, to the value that leaves the fewest findings, so that the
  /// facts that matter only once others are known come to light in the next round.
  void settle() {
    std::vector<slot> all;
    places(*detail::data_of(n_).format.application, "", all);
    for (const slot& s : all) {
      if (read_.count(s.pointer) == 0) continue;
      const ojson context = with_parents(base_, s.pointer);
      std::size_t now_findings = 0, now_unknown = 0;
      const std::string now = outcome(context, &now_findings, &now_unknown);
      // The value that leaves the fewest findings (then the fewest unknown); when none leaves
      // fewer, the one that changes the most little: an event of a type that counts, whose
      // date and attendance then matter.
      std::optional<ojson> better, changed;
      std::size_t better_f = now_findings, better_u = now_unknown;
      std::size_t changed_f = 0, changed_u = 0;
      for (const ojson& v : values(s)) {
        std::size_t f = 0, u = 0;
        const ojson doc = set(context, s.pointer, v);
        const std::string key = outcome(doc, &f, &u);
        if (key.starts_with("error ")) continue;
        if (f < better_f || (f == better_f && u < better_u)) {
          better_f = f;
          better_u = u;
          better = doc;
        }
        if (key != now && (!changed || f < changed_f || (f == changed_f && u < changed_u))) {
          changed_f = f;
          changed_u = u;
          changed = doc;
        }
      }
      if (better)
        base_ = *better;
      else if (changed)
        base_ = *changed;
    }
  }

  /// False for a place inside an element of a list that is not read: its fields are no
  /// part of the starter, whatever they would change.
  bool in_a_read_list(const std::string& pointer) const {
    for (std::size_t at = pointer.find("/0"); at != std::string::npos;
         at = pointer.find("/0", at + 1))
      if ((at + 2 == pointer.size() || pointer[at + 2] == '/') &&
          read_.count(pointer.substr(0, at)) == 0)
        return false;
    return true;
  }

  static bool pointed_at(const std::string& outcome_key, const std::string& pointer) {
    for (const auto& [path, unused] : paths_of(outcome_key))
      if (path == pointer || path.starts_with(pointer + "/")) return true;
    return false;
  }

  /// The years of the history the findings point into ("/applicant/history/2024/…").
  void learn_years(const std::string& outcome_key) {
    for (const auto& [path, unused] : paths_of(outcome_key)) {
      const std::size_t at = path.find("/history/");
      if (at == std::string::npos || path.size() < at + 13) continue;
      const std::string year = path.substr(at + 9, 4);
      if (std::all_of(year.begin(), year.end(), [](char c) { return c >= '0' && c <= '9'; }))
        years_.insert(year);
    }
  }

  /// A place and the containers above it are read.
  void mark(const std::string& pointer) {
    read_.insert(pointer);
    for (std::size_t at = pointer.find('/', 1); at != std::string::npos;
         at = pointer.find('/', at + 1))
      read_.insert(pointer.substr(0, at));
  }

  struct result {
    std::string key;
    std::size_t findings = 0, unknown = 0;
  };

  const notice& n_;
  const project_type_info& type_;
  check_options opt_;
  ojson base_;
  std::set<std::string> read_;
  std::set<std::string> years_;
  std::map<std::string, result> cache_;
};

/// The starter: the fields read, null, in the order of the format's table.
ojson render(const object_info& info, const std::string& pointer, const std::set<std::string>& read,
             const std::string& joint_kind) {
  ojson o = ojson::object();
  for (const field& f : info.fields) {
    const std::string p = pointer + "/" + std::string(f.name);
    if (f.required) {
      if (f.name == "kind") o["kind"] = joint_kind;
      continue;  // project_type and the applicant are put in by the caller
    }
    if (read.count(p) == 0) continue;
    switch (f.type) {
      case value_type::object:
        o[std::string(f.name)] = render(*f.object, p, read, joint_kind);
        break;
      case value_type::objects:
        o[std::string(f.name)] = ojson::array({render(*f.object, p + "/0", read, joint_kind)});
        break;
      case value_type::history:
      case value_type::targets: {
        ojson keyed = ojson::object();
        for (const std::string& q : read)
          if (q.starts_with(p + "/") && q.find('/', p.size() + 1) == std::string::npos) {
            const std::string key = q.substr(p.size() + 1);
            keyed[key] = f.type == value_type::history ? render(*f.object, q, read, joint_kind)
                                                       : ojson(nullptr);
          }
        o[std::string(f.name)] = std::move(keyed);
        break;
      }
      default:
        o[std::string(f.name)] = nullptr;
    }
  }
  return o;
}

}  // namespace

std::string starter_application(const notice& n, std::string_view project_type, stage st,
                                std::optional<std::string> kind) {
  const project_type_info* type = n.find_project_type(project_type);
  if (type == nullptr) {
    std::string codes;
    for (const auto& t : n.project_types()) codes += (codes.empty() ? "" : ", ") + t.code;
    throw input_error(
        "input.unknown_code", "/project_type",
        "unknown project type \"" + std::string(project_type) + "\"; expected one of " + codes,
        "未知的项目类型 \"" + std::string(project_type) + "\"；应为以下之一：" + codes);
  }
  const std::string lead = kind ? *kind
                                : (!type->eligible.empty()        ? type->eligible.front()
                                   : !n.applicant_kinds().empty() ? n.applicant_kinds().front().code
                                                                  : std::string());
  prober p(n, *type, lead, st);
  std::set<std::string> read = p.run();
  if (st == stage::completion) {
    // At completion the file is still the application, with its records added: what the
    // application's rules read stays in it.
    prober at_application(n, *type, lead, stage::application);
    for (const std::string& q : at_application.run()) read.insert(q);
    // A record is a record: every field of an event, a transfer, a text … the rules count,
    // whether they judge it or it only names the record (title, place). Not `file`, which is
    // the alternative to `content` (a .docx that holds the text).
    std::vector<std::string> lists;
    for (const std::string& q : read)
      if (q.starts_with("/records/") && q.find('/', 9) == std::string::npos) lists.push_back(q);
    for (const std::string& list : lists) {
      const field* f = format::find_field(*detail::data_of(n).format.records, list.substr(9));
      if (f == nullptr || f->type != value_type::objects) continue;
      read.insert(list + "/0");
      for (const field& g : f->object->fields)
        if (g.name != "file") read.insert(list + "/0/" + std::string(g.name));
    }
  }
  // What a report names the application by, read by no rule but shown in every report.
  for (const char* always : {"/id", "/title", "/applicant", "/applicant/name"}) read.insert(always);
  // A declaration no rule reads is still asked for: the pack declares it for the form (a portal
  // builds its page from the starter), where its scope and applicant kinds put it
  // (docs/pack-format.md §4.2; `nxkx pack lint` warns lint.unused).
  const std::set<std::string> used = detail::names_used(n, ojson::parse(n.source()));
  auto asked_of = [](const declaration_info& d, const std::string& k) {
    return d.applicant_kinds.empty() ||
           std::find(d.applicant_kinds.begin(), d.applicant_kinds.end(), k) !=
               d.applicant_kinds.end();
  };
  auto ask = [&read](const std::string& pointer) {
    read.insert(pointer);
    for (std::size_t at = pointer.rfind('/'); at != std::string::npos && at > 0;
         at = pointer.rfind('/', at - 1))
      read.insert(pointer.substr(0, at));
  };
  const bool joint = read.count("/joint_applicants") != 0;
  for (const declaration_info& d : n.declarations()) {
    if (detail::declaration_read(d, used)) continue;
    switch (d.scope) {
      case declaration_scope::organisation:
        if (asked_of(d, lead)) ask("/applicant/" + d.name);
        if (joint && asked_of(d, p.joint_kind())) ask("/joint_applicants/0/" + d.name);
        break;
      case declaration_scope::joint:
        if (joint && asked_of(d, p.joint_kind())) ask("/joint_applicants/0/" + d.name);
        break;
      case declaration_scope::history:
        if (asked_of(d, lead))
          for (int y : n.info().history_years)
            ask("/applicant/history/" + std::to_string(y) + "/" + d.name);
        break;
      case declaration_scope::submission:
        ask("/submission/" + d.name);
        break;
      case declaration_scope::application:
        ask("/" + d.name);
        break;
    }
  }
  ojson out = ojson::object();
  out["id"] = nullptr;
  out["project_type"] = type->code;
  ojson body = render(*detail::data_of(n).format.application, "", read, p.joint_kind());
  body.erase("id");
  ojson applicant =
      render(*detail::data_of(n).format.applicant, "/applicant", read, p.joint_kind());
  applicant["kind"] = lead;
  // Keep the table's order: title, dates, then the applicant, then the rest.
  for (auto& [key, value] : body.items()) {
    if (key == "applicant") continue;
    if (key == "joint_applicants" || key == "recommendation_letter" || key == "submission" ||
        key == "form" || key == "plan" || key == "records")
      continue;
    out[key] = value;
  }
  ojson ordered_applicant = ojson::object();
  ordered_applicant["name"] = nullptr;
  ordered_applicant["kind"] = applicant["kind"];
  for (auto& [key, value] : applicant.items())
    if (key != "name" && key != "kind") ordered_applicant[key] = value;
  out["applicant"] = std::move(ordered_applicant);
  for (const char* key :
       {"joint_applicants", "recommendation_letter", "submission", "form", "plan", "records"})
    if (body.contains(key)) out[key] = body[key];
  return out.dump(2, ' ', false, ojson::error_handler_t::replace) + "\n";
}

}  // namespace nxkx
