// `nxkx pack diff` (diff.hpp): the two packs' JSON for the pointers and the values, the loaded
// notices for what they mean (labels, the rules' clauses, the history years).
#include "nxkx/diff.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <utility>

#include "nxkx/error.hpp"
#include "nxkx/report.hpp"
#include "pack_reader.hpp"

namespace nxkx {
namespace {

using ojson = nlohmann::ordered_json;

// A JSON pointer one level down (the loader's, so every tool names a place the same way).
template <class Key>
std::string pointer(const std::string& base, Key key) {
  return detail::child(base, key);
}

std::string dump(const ojson& j) { return j.dump(-1, ' ', false, ojson::error_handler_t::replace); }

bool is_localized(const ojson& j) {
  return j.is_object() && j.size() == 2 && j.contains("zh") && j.contains("en");
}

/// The key that identifies each object of an array across packs ("code", "id", "ref", "fact"
/// with its "year", "name", "target"), or "" when the array is a value compared whole.
std::string element_key(const ojson& a, const ojson& b) {
  static const char* const names[] = {"id", "code", "ref", "fact", "name", "target"};
  if (!a.is_array() || !b.is_array() || (a.empty() && b.empty())) return {};
  for (const char* name : names) {
    bool all = true;
    for (const ojson* arr : {&a, &b})
      for (const ojson& e : *arr)
        all = all && e.is_object() && e.contains(name) && e[name].is_string();
    if (all) return name;
  }
  return {};
}

std::string key_of(const ojson& e, const std::string& name) {
  std::string k = e[name].get<std::string>();
  if (e.contains("year") && e["year"].is_number_integer())
    k += "@" + std::to_string(e["year"].get<long long>());
  return k;
}

/// The labels of the fields people read (the pack format's own names, §2–§6).
const std::map<std::string, localized>& field_labels() {
  static const std::map<std::string, localized> labels = {
      {"id", {"编号", "id"}},
      {"issuer", {"发文单位", "issuer"}},
      {"number", {"文号", "number"}},
      {"title", {"标题", "title"}},
      {"issued", {"印发日期", "issued on"}},
      {"application_opens", {"申报开始日期", "applications open"}},
      {"application_deadline", {"申报截止日期", "application deadline"}},
      {"deadline_interpretation", {"截止日期的解读", "reading of the deadline"}},
      {"timezone", {"时区", "time zone"}},
      {"submit_to", {"提交至", "submit to"}},
      {"address", {"地址", "address"}},
      {"email", {"电子信箱", "e-mail"}},
      {"form", {"申报书", "form"}},
      {"years", {"回溯年份", "years looked back on"}},
      {"category", {"类别", "category"}},
      {"clause", {"条款", "clause"}},
      {"name", {"名称", "name"}},
      {"definition", {"定义", "definition"}},
      {"eligible", {"申报主体", "who may apply"}},
      {"joint_eligible", {"可联合申报的单位", "who may apply jointly"}},
      {"papers", {"需附材料", "papers to attach"}},
      {"completion_deadline", {"完成时限", "completion deadline"}},
      {"contact", {"联系人", "contact"}},
      {"applicants_text", {"申报主体（通知原文）", "applicants (as the notice words it)"}},
      {"interpretation", {"解读", "reading"}},
      {"date", {"以何日期为准", "the date that counts"}},
      {"phone", {"电话", "phone"}},
      {"scope", {"填写位置", "where it is written"}},
      {"type", {"类型", "type"}},
      {"codes", {"代码表", "code list"}},
      {"applicant_kinds", {"适用的申报主体", "applicant kinds"}},
      {"detail", {"说明字段", "detail field"}},
      {"kind", {"规则类型", "requirement kind"}},
      {"stage", {"阶段", "stage"}},
      {"clauses", {"引用条款", "clauses cited"}},
      {"outcome", {"违反时", "outcome when broken"}},
      {"when_unknown", {"未填写时", "when the fact is not given"}},
      {"applies_to", {"适用范围", "applies to"}},
      {"params", {"参数", "params"}},
      {"quote", {"原文", "quote"}},
      {"label", {"名称", "label"}},
      {"region", {"地区", "region"}},
      {"cities", {"市", "cities"}},
  };
  return labels;
}

localized label_of_field(const std::string& field) {
  if (field.empty()) return {};
  const std::size_t slash = field.find('/');
  const std::string head = field.substr(0, slash);
  const std::string rest = slash == std::string::npos ? "" : field.substr(slash + 1);
  const auto& labels = field_labels();
  const auto it = labels.find(head);
  localized l = it != labels.end() ? it->second : localized{head, head};
  if (!rest.empty()) {
    l.zh += " " + rest;
    l.en += " " + rest;
  }
  // A threshold's name in words beside its path: 参数 min（不少于）.
  static const std::map<std::string, localized, std::less<>> thresholds = {
      {"min", {"不少于", "at least"}},
      {"max", {"不超过", "at most"}},
      {"min_zi", {"字数不少于", "at least, in 字"}},
      {"max_zi", {"字数不超过", "at most, in 字"}},
      {"per_event_min", {"每场人数不少于", "people per event, at least"}},
      {"min_attendance", {"人数不少于", "people, at least"}},
      {"benefit_above", {"效益高于", "benefit above"}},
  };
  if (head == "params") {
    const std::string leaf = field.substr(field.rfind('/') + 1);
    if (const auto t = thresholds.find(leaf); t != thresholds.end()) {
      l.zh += "（" + t->second.zh + "）";
      l.en += " (" + t->second.en + ")";
    }
  }
  return l;
}

/// How a value reads in one pack: a code as its label where the field says what it is a code of.
class renderer {
 public:
  explicit renderer(const notice& n) : n_(n) {}
  /// The stage whose words an outcome takes (材料不全 at application is 未完成 at completion).
  void at(stage s) noexcept { stage_ = s; }
  /// The section whose values are rendered (a declaration's "type" is its value's type).
  void in(std::string section) { section_ = std::move(section); }

  localized text(const ojson& v, const std::string& field) const {
    return {one(v, field, lang::zh), one(v, field, lang::en)};
  }

 private:
  std::string one(const ojson& v, const std::string& field, lang l) const {
    if (v.is_null()) return {};
    if (is_localized(v)) return v[l == lang::zh ? "zh" : "en"].get<std::string>();
    const std::string leaf =
        field.substr(field.rfind('/') == std::string::npos ? 0 : field.rfind('/') + 1);
    if (v.is_string() && v.get<std::string>().empty()) return l == lang::zh ? "（空）" : "(empty)";
    if (v.is_string()) return code(v.get<std::string>(), leaf, l);
    if (v.is_array()) {
      std::string out;
      for (const ojson& e : v) {
        if (!out.empty()) out += l == lang::zh ? "、" : ", ";
        if (e.is_object() && e.contains("ref") && e["ref"].is_string())
          out += e["ref"].get<std::string>();
        else
          out += one(e, field, l);
      }
      return out.empty() ? (l == lang::zh ? "（无）" : "(none)") : out;
    }
    if (v.is_boolean())
      return v.get<bool>() ? (l == lang::zh ? "是" : "yes") : (l == lang::zh ? "否" : "no");
    return dump(v);
  }

  std::string code(const std::string& s, const std::string& leaf, lang l) const {
    if (leaf == "eligible" || leaf == "joint_eligible" || leaf == "applicant_kinds") {
      if (const auto* k = n_.find_applicant_kind(s)) return k->name.in(l);
    } else if (leaf == "category") {
      if (const auto* c = n_.find_category(s)) return c->name.in(l);
    } else if (leaf == "contact") {
      if (const auto* c = n_.find_contact(s)) return c->name + " " + c->phone;
    } else if (leaf == "project_types") {
      if (const auto* t = n_.find_project_type(s)) return t->name.in(l);
    } else if (leaf == "outcome" || leaf == "when_unknown") {
      if (auto sev = from_code<severity>(s)) return std::string(severity_label(*sev, stage_, l));
    } else if (leaf == "type" && section_ == "declarations") {
      static const std::map<std::string, localized, std::less<>> types = {
          {"yes_no", {"是/否", "yes/no"}}, {"code", {"代码", "a code"}},
          {"day", {"日期", "a date"}},     {"date", {"日期", "a date"}},
          {"count", {"数量", "a count"}},  {"text", {"文字", "a text"}}};
      if (const auto t = types.find(s); t != types.end()) return t->second.in(l);
    } else if (leaf == "stage") {
      if (s == "application") return l == lang::zh ? "申报" : "application";
      if (s == "completion") return l == lang::zh ? "结项" : "completion";
    }
    return s;
  }

  const notice& n_;
  stage stage_ = stage::application;
  std::string section_;
};

class differ {
 public:
  differ(const notice& a, const notice& b)
      : a_(a),
        b_(b),
        ja_(ojson::parse(a.source())),
        jb_(ojson::parse(b.source())),
        ra_(a),
        rb_(b) {}

  pack_diff run() {
    out_.old_pack = a_.identity();
    out_.new_pack = b_.identity();
    notice_section();
    history();
    keyed_array("delivery_methods", "code");
    keyed_array("categories", "code");
    keyed_array("applicant_kinds", "code");
    declarations();
    keyed_array("contacts", "code");
    keyed_array("project_types", "code");
    divisions();
    keyed_object("vocabulary");
    keyed_object("clauses");
    rules();
    return std::move(out_);
  }

 private:
  struct entry {
    std::string section, key;
    localized subject_old, subject_new;
  };

  static const ojson& member(const ojson& j, const char* name) {
    static const ojson none;
    return j.is_object() && j.contains(name) ? j[name] : none;
  }

  void emit(const entry& e, change_kind kind, const std::string& field, const std::string& pa,
            const std::string& pb, const ojson* va, const ojson* vb) {
    pack_change c;
    c.kind = kind;
    c.section = e.section;
    c.key = e.key;
    c.field = field;
    c.old_path = va ? pa : "";
    c.new_path = vb ? pb : "";
    c.old_value = va ? dump(*va) : "";
    c.new_value = vb ? dump(*vb) : "";
    c.subject = vb ? e.subject_new : e.subject_old;
    if (c.subject.empty()) c.subject = va ? e.subject_old : e.subject_new;
    c.field_label = label_of_field(field);
    ra_.in(e.section);
    rb_.in(e.section);
    if (va) c.old_text = ra_.text(*va, field);
    if (vb) c.new_text = rb_.text(*vb, field);
    out_.changes.push_back(std::move(c));
  }

  /// Every leaf that differs between a and b, as "changed" fields of the entry `e`.
  void compare(const entry& e, const ojson& a, const ojson& b, const std::string& pa,
               const std::string& pb, const std::string& field,
               const std::set<std::string>& skip = {}) {
    if (a == b) return;
    auto sub = [&](const std::string& k) { return field.empty() ? k : field + "/" + k; };
    if (a.is_object() && b.is_object() && !is_localized(a) && !is_localized(b)) {
      for (const auto& [k, v] : a.items()) {
        if (skip.count(k)) continue;
        if (b.contains(k))
          compare(e, v, b[k], pointer(pa, k), pointer(pb, k), sub(k));
        else
          emit(e, change_kind::changed, sub(k), pointer(pa, k), "", &v, nullptr);
      }
      for (const auto& [k, v] : b.items())
        if (!skip.count(k) && !a.contains(k))
          emit(e, change_kind::changed, sub(k), "", pointer(pb, k), nullptr, &v);
      return;
    }
    const std::string key = element_key(a, b);
    if (!key.empty()) {
      std::map<std::string, std::size_t> in_b;
      for (std::size_t i = 0; i < b.size(); ++i) in_b.emplace(key_of(b[i], key), i);
      std::set<std::string> seen;
      bool unique = in_b.size() == b.size();
      for (const ojson& x : a) unique = unique && seen.insert(key_of(x, key)).second;
      if (unique) {
        for (std::size_t i = 0; i < a.size(); ++i) {
          const std::string k = key_of(a[i], key);
          const std::string f = field + "[" + k + "]";
          const auto it = in_b.find(k);
          if (it != in_b.end())
            compare(e, a[i], b[it->second], pointer(pa, i), pointer(pb, it->second), f);
          else
            emit(e, change_kind::changed, f, pointer(pa, i), "", &a[i], nullptr);
        }
        for (std::size_t i = 0; i < b.size(); ++i)
          if (!seen.count(key_of(b[i], key)))
            emit(e, change_kind::changed, field + "[" + key_of(b[i], key) + "]", "", pointer(pb, i),
                 nullptr, &b[i]);
        return;
      }
    }
    emit(e, change_kind::changed, field, pa, pb, &a, &b);
  }

  void notice_section() {
    entry e{"notice", "", {"通知", "notice"}, {"通知", "notice"}};
    compare(e, member(ja_, "notice"), member(jb_, "notice"), "/notice", "/notice", "",
            {"text", "stated_weekdays"});
  }

  /// The years a history covers follow from the notice's year and the window: one change.
  void history() {
    const auto& ya = a_.info().history_years;
    const auto& yb = b_.info().history_years;
    if (ya == yb) return;
    ojson va = ojson::array(), vb = ojson::array();
    for (int y : ya) va.push_back(y);
    for (int y : yb) vb.push_back(y);
    auto where = [](const ojson& j) {
      return j.contains("history") ? std::string("/history") : std::string("/notice/issued");
    };
    entry e{"history", "", {"历史年份", "history"}, {"历史年份", "history"}};
    emit(e, change_kind::changed, "years", where(ja_), where(jb_), ya.empty() ? nullptr : &va,
         yb.empty() ? nullptr : &vb);
  }

  localized subject_of(const std::string& section, const std::string& key, const ojson& j) const {
    static const std::map<std::string, localized> names = {
        {"delivery_methods", {"提交方式", "delivery method"}},
        {"categories", {"项目类别", "category"}},
        {"applicant_kinds", {"申报主体类别", "applicant kind"}},
        {"declarations", {"申报声明", "declaration"}},
        {"contacts", {"联系人", "contact"}},
        {"project_types", {"项目类型", "project type"}},
        {"vocabulary", {"词表", "vocabulary"}},
        {"clauses", {"条款", "clause"}},
    };
    const auto it = names.find(section);
    localized s = it != names.end() ? it->second : localized{section, section};
    s.zh += " " + key;
    s.en += " " + key;
    const ojson& name = section == "declarations"             ? member(j, "title")
                        : j.is_object() && j.contains("name") ? j["name"]
                                                              : member(j, "title");
    if (is_localized(name)) {
      s.zh += "「" + name["zh"].get<std::string>() + "」";
      s.en += " \"" + name["en"].get<std::string>() + "\"";
    } else if (name.is_string() && name.get<std::string>() != key) {
      s.zh += "「" + name.get<std::string>() + "」";
      s.en += " \"" + name.get<std::string>() + "\"";
    }
    return s;
  }

  /// Sections that are arrays of objects with a stable key.
  void keyed_array(const char* section, const char* key_name,
                   const std::function<std::string(const ojson&)>& key_fn = {}) {
    const ojson& a = member(ja_, section);
    const ojson& b = member(jb_, section);
    auto key = [&](const ojson& x) {
      return key_fn ? key_fn(x)
             : x.is_object() && x.contains(key_name) && x[key_name].is_string()
                 ? x[key_name].get<std::string>()
                 : std::string();
    };
    const std::string base = std::string("/") + section;
    std::map<std::string, std::size_t> in_b;
    if (b.is_array())
      for (std::size_t i = 0; i < b.size(); ++i) in_b.emplace(key(b[i]), i);
    std::set<std::string> in_a;
    if (a.is_array())
      for (std::size_t i = 0; i < a.size(); ++i) {
        const std::string k = key(a[i]);
        in_a.insert(k);
        const auto it = in_b.find(k);
        entry e{section, k, subject_of(section, k, a[i]), {}};
        if (it == in_b.end()) {
          emit(e, change_kind::removed, "", pointer(base, i), "", &a[i], nullptr);
          out_.changes.back().old_text = summary(section, a[i], a_);
          continue;
        }
        e.subject_new = subject_of(section, k, b[it->second]);
        compare(e, a[i], b[it->second], pointer(base, i), pointer(base, it->second), "",
                {key_name});
      }
    if (b.is_array())
      for (std::size_t i = 0; i < b.size(); ++i)
        if (!in_a.count(key(b[i]))) {
          const std::string k = key(b[i]);
          entry e{section, k, {}, subject_of(section, k, b[i])};
          emit(e, change_kind::added, "", "", pointer(base, i), nullptr, &b[i]);
          out_.changes.back().new_text = summary(section, b[i], b_);
        }
  }

  /// An entry added or removed whole, as people read it: its fields with their labels.
  localized summary(const std::string& section, const ojson& j, const notice& n) {
    static const std::map<std::string, std::vector<std::string>> shown = {
        {"delivery_methods", {"date", "clause"}},
        {"categories", {"clause"}},
        {"applicant_kinds", {"definition", "clause"}},
        {"declarations", {"type", "codes", "applicant_kinds", "clause"}},
        {"contacts", {"phone", "clause"}},
        {"project_types",
         {"category", "clause", "eligible", "joint_eligible", "papers", "completion_deadline",
          "contact", "interpretation"}},
    };
    renderer& r = &n == &a_ ? ra_ : rb_;
    r.in(section);
    localized s;
    const auto it = shown.find(section);
    if (it == shown.end() || !j.is_object()) return r.text(j, "");
    for (const std::string& f : it->second) {
      if (!j.contains(f)) continue;
      localized v = r.text(j[f], f);
      if (section == "delivery_methods" && f == "date")
        if (auto d = n.declaration_index(j[f].get<std::string>(), declaration_scope::submission))
          v = n.declarations()[*d].title;
      if (v.empty()) continue;
      const localized label = label_of_field(f);
      s.zh += (s.zh.empty() ? "" : "；") + label.zh + " " + v.zh;
      s.en += (s.en.empty() ? "" : "; ") + label.en + " " + v.en;
    }
    return s;
  }

  void declarations() {
    keyed_array("declarations", "name", [](const ojson& x) {
      if (!x.is_object() || !x.contains("name") || !x["name"].is_string()) return std::string();
      const std::string scope = x.contains("scope") && x["scope"].is_string()
                                    ? x["scope"].get<std::string>()
                                    : std::string("organisation");
      const std::string name = x["name"].get<std::string>();
      return scope == "organisation" ? name : scope + "." + name;
    });
  }

  /// Sections that are objects keyed by a code or ref (vocabulary, clauses).
  void keyed_object(const char* section) {
    const ojson& a = member(ja_, section);
    const ojson& b = member(jb_, section);
    const std::string base = std::string("/") + section;
    const std::string field = std::string(section) == "clauses" ? "quote" : "label";
    auto subject = [&](const std::string& k) { return subject_of(section, k, ojson()); };
    if (a.is_object())
      for (const auto& [k, v] : a.items()) {
        entry e{section, k, subject(k), subject(k)};
        if (b.is_object() && b.contains(k)) {
          if (v != b[k])
            emit(e, change_kind::changed, field, pointer(base, k), pointer(base, k), &v, &b[k]);
        } else {
          emit(e, change_kind::removed, "", pointer(base, k), "", &v, nullptr);
        }
      }
    if (b.is_object())
      for (const auto& [k, v] : b.items())
        if (!a.is_object() || !a.contains(k)) {
          entry e{section, k, subject(k), subject(k)};
          emit(e, change_kind::added, "", "", pointer(base, k), nullptr, &v);
        }
  }

  void divisions() {
    entry e{"divisions", "", {"行政区划", "divisions"}, {"行政区划", "divisions"}};
    compare(e, member(ja_, "divisions"), member(jb_, "divisions"), "/divisions", "/divisions", "");
  }

  static localized rule_subject(const rule_info& r) {
    return {"规则 " + r.id + "「" + r.title.zh + "」（" + r.clause_text() + "）",
            "rule " + r.id + " \"" + r.title.en + "\" (" + r.clause_text() + ")"};
  }

  /// An added or removed rule as people read it: its stage, its outcome, where it applies.
  static localized rule_summary(const notice& n, const rule_info& r) {
    localized s{std::string(r.stage == stage::application ? "申报" : "结项") + "阶段，违反时" +
                    std::string(severity_label(r.outcome, r.stage, lang::zh)),
                std::string(r.stage == stage::application ? "at application" : "at completion") +
                    ", " + std::string(severity_label(r.outcome, r.stage, lang::en)) +
                    " when broken"};
    std::vector<std::pair<std::string, std::string>> numbers;
    numeric_params(ojson::parse(r.params_json.empty() ? "{}" : r.params_json), "", numbers);
    for (const auto& [path, value] : numbers) {
      s.zh += "；参数 " + path + " " + value;
      s.en += "; param " + path + " " + value;
    }
    if (!r.project_types.empty()) {
      s.zh += "；适用于：";
      s.en += "; for: ";
      for (std::size_t i = 0; i < r.project_types.size(); ++i) {
        const auto* t = n.find_project_type(r.project_types[i]);
        s.zh += (i ? "、" : "") + (t ? t->name.zh : r.project_types[i]);
        s.en += (i ? ", " : "") + (t ? t->name.en : r.project_types[i]);
      }
    }
    return s;
  }

  /// The numbers of a rule's params (its thresholds), with their paths inside the params.
  static void numeric_params(const ojson& j, const std::string& path,
                             std::vector<std::pair<std::string, std::string>>& out) {
    if (j.is_number()) out.emplace_back(path, dump(j));
    if (j.is_object())
      for (const auto& [k, v] : j.items())
        numeric_params(v, path.empty() ? k : path + "/" + k, out);
    if (j.is_array())
      for (std::size_t i = 0; i < j.size(); ++i) {
        const ojson& e = j[i];
        std::string k = std::to_string(i);
        if (e.is_object() && e.contains("fact") && e["fact"].is_string()) k = key_of(e, "fact");
        numeric_params(e, path + "[" + k + "]", out);
      }
  }

  void rules() {
    const ojson& a = member(ja_, "rules");
    const ojson& b = member(jb_, "rules");
    std::map<std::string, std::size_t> in_b;
    for (std::size_t i = 0; i < b_.rules().size(); ++i) in_b.emplace(b_.rules()[i].id, i);
    std::set<std::string> in_a;
    for (std::size_t i = 0; i < a_.rules().size(); ++i) {
      const rule_info& r = a_.rules()[i];
      in_a.insert(r.id);
      const auto it = in_b.find(r.id);
      entry e{"rules", r.id, rule_subject(r), {}};
      if (it == in_b.end()) {
        emit_rule(e, change_kind::removed, pointer("/rules", i), a[i], rule_summary(a_, r), true);
        continue;
      }
      const rule_info& q = b_.rules()[it->second];
      e.subject_new = rule_subject(q);
      ra_.at(r.stage);
      rb_.at(q.stage);
      if (r.kind != q.kind) {
        // Another kind is another rule under the same id: its params are not comparable.
        emit(e, change_kind::changed, "kind", pointer(pointer("/rules", i), "kind"),
             pointer(pointer("/rules", it->second), "kind"), &a[i]["kind"], &b[it->second]["kind"]);
        compare(e, member(a[i], "params"), member(b[it->second], "params"),
                pointer(pointer("/rules", i), "params"),
                pointer(pointer("/rules", it->second), "params"), "params");
        continue;
      }
      compare(e, a[i], b[it->second], pointer("/rules", i), pointer("/rules", it->second), "",
              {"id", "title", "messages"});
    }
    ra_.at(stage::application);
    rb_.at(stage::application);
    for (std::size_t i = 0; i < b_.rules().size(); ++i) {
      const rule_info& q = b_.rules()[i];
      if (in_a.count(q.id)) continue;
      entry e{"rules", q.id, {}, rule_subject(q)};
      emit_rule(e, change_kind::added, pointer("/rules", i), b[i], rule_summary(b_, q), false);
    }
  }

  void emit_rule(const entry& e, change_kind kind, const std::string& path, const ojson& value,
                 const localized& summary, bool old_side) {
    emit(e, kind, "", old_side ? path : "", old_side ? "" : path, old_side ? &value : nullptr,
         old_side ? nullptr : &value);
    (old_side ? out_.changes.back().old_text : out_.changes.back().new_text) = summary;
  }

  const notice& a_;
  const notice& b_;
  ojson ja_, jb_;
  renderer ra_, rb_;
  pack_diff out_;
};

ojson localized_json(const localized& l) { return ojson{{"zh", l.zh}, {"en", l.en}}; }

ojson identity_json(const pack_identity& p) {
  return ojson{{"id", p.id}, {"version", p.version}, {"sha256", p.sha256}};
}

/// A value on one line of text: new lines shown as ⏎, at most about 200 characters.
std::string one_line(std::string s) {
  for (std::size_t at = s.find('\n'); at != std::string::npos; at = s.find('\n', at))
    s.replace(at, 1, " ⏎ ");
  return s;
}

}  // namespace

pack_diff diff(const notice& old_pack, const notice& new_pack) {
  return differ(old_pack, new_pack).run();
}

std::string diff_json(const pack_diff& d, int indent) {
  ojson doc;
  doc["old"] = identity_json(d.old_pack);
  doc["new"] = identity_json(d.new_pack);
  doc["changes"] = d.changes.size();
  ojson items = ojson::array();
  for (const pack_change& c : d.changes) {
    ojson item{{"change", std::string(to_code(c.kind))},
               {"section", c.section},
               {"key", c.key},
               {"field", c.field},
               {"old_path", c.old_path},
               {"new_path", c.new_path}};
    item["old"] = c.old_value.empty() ? ojson() : ojson::parse(c.old_value);
    item["new"] = c.new_value.empty() ? ojson() : ojson::parse(c.new_value);
    item["subject"] = localized_json(c.subject);
    item["field_label"] = localized_json(c.field_label);
    item["old_text"] = localized_json(c.old_text);
    item["new_text"] = localized_json(c.new_text);
    items.push_back(std::move(item));
  }
  doc["items"] = std::move(items);
  return doc.dump(indent < 0 ? -1 : indent, ' ', false, ojson::error_handler_t::replace);
}

std::string diff_text(const pack_diff& d, lang l) {
  const bool zh = l == lang::zh;
  static const std::map<std::string, localized> headings = {
      {"notice", {"通知", "Notice"}},
      {"history", {"历史年份", "History window"}},
      {"delivery_methods", {"提交方式", "Delivery methods"}},
      {"categories", {"项目类别", "Categories"}},
      {"applicant_kinds", {"申报主体类别", "Applicant kinds"}},
      {"declarations", {"申报声明", "Declarations"}},
      {"contacts", {"联系人", "Contacts"}},
      {"project_types", {"项目类型", "Project types"}},
      {"divisions", {"行政区划", "Divisions"}},
      {"vocabulary", {"词表", "Vocabulary"}},
      {"clauses", {"条款原文", "Clause quotes"}},
      {"rules", {"规则", "Rules"}},
  };
  auto path_or_dash = [](const std::string& p) { return p.empty() ? std::string("—") : p; };
  std::string out = (zh ? "规则包 " : "pack ") + d.old_pack.id + " " + d.old_pack.version + " → " +
                    d.new_pack.id + " " + d.new_pack.version + "\n";
  std::string section;
  for (const pack_change& c : d.changes) {
    if (c.section != section) {
      section = c.section;
      const auto it = headings.find(section);
      out += "\n" + (it != headings.end() ? it->second.in(l) : section) + "\n";
    }
    std::string line = "  ";
    switch (c.kind) {
      case change_kind::added:
        line += (zh ? "新增 " : "added ") + c.subject.in(l);
        if (!c.new_text.in(l).empty()) line += (zh ? "：" : ": ") + one_line(c.new_text.in(l));
        break;
      case change_kind::removed:
        line += (zh ? "删除 " : "removed ") + c.subject.in(l);
        if (!c.old_text.in(l).empty()) line += (zh ? "：" : ": ") + one_line(c.old_text.in(l));
        break;
      case change_kind::changed:
        if (!c.key.empty()) line += c.subject.in(l) + (zh ? "，" : ", ");
        line += c.field_label.in(l) + (zh ? "：" : ": ");
        if (c.old_path.empty())
          line += (zh ? "新增 " : "new: ") + one_line(c.new_text.in(l));
        else if (c.new_path.empty())
          line += (zh ? "删除（原为 " : "removed (was ") + one_line(c.old_text.in(l)) +
                  (zh ? "）" : ")");
        else
          line += one_line(c.old_text.in(l)) + " → " + one_line(c.new_text.in(l));
        break;
    }
    out += line + "  [" + path_or_dash(c.old_path) + " → " + path_or_dash(c.new_path) + "]\n";
  }
  if (d.changes.empty())
    out += zh ? "\n对申报者没有变化\n" : "\nno change for applicants\n";
  else
    out += zh ? "\n共 " + std::to_string(d.changes.size()) + " 处变化\n"
              : "\n" + std::to_string(d.changes.size()) +
                    (d.changes.size() == 1 ? " change\n" : " changes\n");
  return out;
}

}  // namespace nxkx
