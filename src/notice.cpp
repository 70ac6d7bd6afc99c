#include "nxkx/notice.hpp"

#include <algorithm>
#include <fstream>
#include <functional>
#include <initializer_list>
#include <set>
#include <sstream>

#include "notice_data.hpp"
#include "nxkx/read.hpp"
#include "pack_json.hpp"
#include "pack_reader.hpp"
#include "requirements/requirement.hpp"
#include "sha256.hpp"

namespace nxkx {

namespace detail {

notice_data::notice_data() = default;
notice_data::~notice_data() = default;

localized notice_data::label_or_code(std::string_view ns, std::string_view code) const {
  std::string key(ns);
  key += '.';
  key += code;
  if (const localized* l = label(key)) return *l;
  return both(std::string(code));
}

namespace {

/// The contact of `code` in `contacts` (their codes are unique), or null.
const contact* contact_of(const std::vector<contact>& contacts, std::string_view code) noexcept {
  for (const auto& c : contacts)
    if (c.code == code) return &c;
  return nullptr;
}

void expect_keys(const json& obj, std::initializer_list<std::string_view> allowed,
                 const std::string& path) {
  if (!obj.is_object())
    pack_fail(path, std::string("expected an object, found ") + obj.type_name());
  for (const auto& [key, value] : obj.items()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
      pack_fail(child(path, key), "unknown field \"" + key + "\"", "pack.unknown_field");
  }
}

/// A reading (`interpretation`): absent, or {"zh": …, "en": …} with both texts — every reading
/// is given in both languages.
localized reading_at(const json& obj, std::string_view key, const std::string& path) {
  const json* v = optional_member(obj, key);
  if (!v) return {};
  const std::string p = child(path, key);
  if (!v->is_object())
    pack_fail(p, std::string("expected {\"zh\": …, \"en\": …} (a reading in both languages), "
                             "found ") +
                     v->type_name());
  expect_keys(*v, {"zh", "en"}, p);
  localized out = localized_at(obj, key, path);
  if (out.zh.empty() || out.en.empty())
    pack_fail(p, "a reading needs its text in both languages, zh and en");
  return out;
}

std::vector<localized> localized_list(const json& arr, const std::string& path) {
  std::vector<localized> out;
  for (std::size_t i = 0; i < arr.size(); ++i) {
    std::string p = child(path, i);
    out.push_back({text_at(arr[i], "zh", p), text_at(arr[i], "en", p)});
  }
  return out;
}

}  // namespace

std::vector<std::string> check_kinds(std::vector<std::string> codes, const std::string& path,
                                     const notice_data& d) {
  for (std::size_t i = 0; i < codes.size(); ++i) {
    if (d.kind_index(codes[i]) == static_cast<std::size_t>(-1)) {
      std::string known;
      for (const auto& k : d.applicant_kinds) known += (known.empty() ? "" : ", ") + k.code;
      pack_fail(child(path, i),
                "unknown applicant kind \"" + codes[i] + "\"; the pack's applicant_kinds: " + known,
                "pack.unknown_code");
    }
  }
  return codes;
}

std::vector<std::string> kinds_list(const json& arr, const std::string& path,
                                    const notice_data& d) {
  if (!arr.is_array()) pack_fail(path, std::string("expected an array, found ") + arr.type_name());
  std::vector<std::string> out;
  for (std::size_t i = 0; i < arr.size(); ++i) out.push_back(text(arr[i], child(path, i)));
  return check_kinds(std::move(out), path, d);
}

namespace {

severity severity_at(const json& rule, std::string_view key, const std::string& path,
                     severity fallback) {
  const json* v = optional_member(rule, key);
  if (!v) return fallback;
  return code_at<severity>(*v, child(path, key), "severity");
}

/// The value a title's {placeholder} names in the rule's params: a dotted path of members
/// ("or.min"; an array of one object is looked into), or a name found once anywhere in them
/// ("min"). Numbers are written in decimal, texts as they are.
std::string title_value(const json& params, std::string_view name, const std::string& path) {
  auto scalar_text = [&](const json& v) -> std::optional<std::string> {
    if (v.is_number_integer()) return std::to_string(v.get<std::int64_t>());
    if (v.is_string()) return v.get<std::string>();
    return std::nullopt;
  };
  if (name.find('.') != std::string_view::npos) {
    const json* at = &params;
    std::string_view rest = name;
    while (!rest.empty()) {
      const std::size_t dot = rest.find('.');
      const std::string part(rest.substr(0, dot));
      rest = dot == std::string_view::npos ? std::string_view{} : rest.substr(dot + 1);
      if (at->is_array() && at->size() == 1) at = &(*at)[0];
      if (!at->is_object() || !at->contains(part)) {
        at = nullptr;
        break;
      }
      at = &(*at)[part];
    }
    if (at != nullptr)
      if (auto t = scalar_text(*at)) return *t;
    pack_fail(path, "the placeholder {" + std::string(name) +
                        "} names no number or text of this rule's params");
  }
  // A member of the params themselves first ("min" beside "or": {"min": …}).
  if (auto it = params.find(std::string(name)); it != params.end())
    if (auto t = scalar_text(*it)) return *t;
  std::vector<std::string> found;
  std::function<void(const json&)> walk = [&](const json& v) {
    if (v.is_object()) {
      for (const auto& [k, x] : v.items()) {
        if (k == name)
          if (auto t = scalar_text(x))
            if (std::find(found.begin(), found.end(), *t) == found.end()) found.push_back(*t);
        walk(x);
      }
    } else if (v.is_array()) {
      for (const auto& x : v) walk(x);
    }
  };
  walk(params);
  if (found.size() == 1) return found.front();
  if (found.empty())
    pack_fail(path, "the placeholder {" + std::string(name) +
                        "} is not a param of this rule (a title is a template over its params)");
  pack_fail(path, "the placeholder {" + std::string(name) +
                      "} names several params of different values: write the path, e.g. {or." +
                      std::string(name) + "}");
}

/// A rule's title, a template over its params (docs/pack-format.md §8), rendered.
std::string render_title(const std::string& tpl, const json& params, const std::string& path) {
  std::string out;
  std::size_t from = 0;
  for (std::size_t open = tpl.find('{'); open != std::string::npos; open = tpl.find('{', from)) {
    const std::size_t close = tpl.find('}', open);
    if (close == std::string::npos) pack_fail(path, "unclosed '{' in the title");
    out.append(tpl, from, open - from);
    out += title_value(params, std::string_view(tpl).substr(open + 1, close - open - 1), path);
    from = close + 1;
  }
  out.append(tpl, from, std::string::npos);
  return out;
}

/// Checks that every {placeholder} of a template is one the rule can fill.
void check_template(const std::string& tpl, const std::vector<std::string_view>& vars,
                    const std::string& path) {
  for (std::size_t open = tpl.find('{'); open != std::string::npos;
       open = tpl.find('{', open + 1)) {
    std::size_t close = tpl.find('}', open);
    if (close == std::string::npos) pack_fail(path, "unclosed '{' in message template");
    std::string_view name(tpl.data() + open + 1, close - open - 1);
    if (std::find(vars.begin(), vars.end(), name) == vars.end()) {
      std::string known;
      for (auto v : vars) known += (known.empty() ? "" : ", ") + std::string(v);
      pack_fail(path, "unknown placeholder {" + std::string(name) + "}; this rule fills: " + known);
    }
  }
}

void read_messages(const json& rule, const std::string& path, compiled_rule& c) {
  const json& m = member(rule, "messages", path);
  std::string mp = child(path, "messages");
  if (!m.is_object()) pack_fail(mp, std::string("expected an object, found ") + m.type_name());
  const std::vector<std::string> named = c.impl->message_names();
  for (const auto& [key, value] : m.items()) {
    if (key == "failed" || key == "expected" || key == "unknown") continue;
    if (std::find(named.begin(), named.end(), key) == named.end()) {
      std::string known = "failed, expected, unknown";
      for (const auto& n : named) known += ", " + n;
      pack_fail(child(mp, key), "unknown message \"" + key + "\"; this rule's messages: " + known,
                "pack.unknown_field");
    }
  }
  message_templates t;
  t.expected = localized_at(m, "expected", mp);
  t.messages.push_back(localized_at(m, "failed", mp));
  t.messages.push_back(optional_member(m, "unknown") ? localized_at(m, "unknown", mp)
                                                     : t.messages.front());
  for (const auto& n : named) t.messages.push_back(localized_at(m, n, mp));
  c.messages.texts = std::make_shared<const message_templates>(std::move(t));
  c.messages.named = named;
  std::vector<std::string_view> vars = c.impl->variables();
  vars.push_back("found");
  for (const auto& [key, value] : m.items()) {
    std::string p = child(mp, key);
    check_template(m[key]["zh"].get<std::string>(), vars, child(p, "zh"));
    check_template(m[key]["en"].get<std::string>(), vars, child(p, "en"));
  }
}

/// An array of project type codes of the pack.
std::vector<std::string> project_type_list(const json& pts, const std::string& path,
                                           const notice_data& d) {
  if (!pts.is_array()) pack_fail(path, "expected an array");
  std::vector<std::string> out;
  for (std::size_t k = 0; k < pts.size(); ++k) {
    std::string code = text(pts[k], child(path, k));
    bool known = std::any_of(d.project_types.begin(), d.project_types.end(),
                             [&](const project_type_info& t) { return t.code == code; });
    if (!known)
      pack_fail(child(path, k), "unknown project type \"" + code + "\"", "pack.unknown_code");
    out.push_back(std::move(code));
  }
  return out;
}

/// A code of the pack: lower-case ASCII letters, digits and '_', starting with a letter.
std::string code_text(const json& obj, const std::string& path, std::string_view key = "code") {
  std::string c = text_at(obj, key, path);
  const bool ok = !c.empty() && c.size() <= 64 && c[0] >= 'a' && c[0] <= 'z' &&
                  std::all_of(c.begin(), c.end(), [](char ch) {
                    return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_';
                  });
  if (!ok)
    pack_fail(child(path, key), "\"" + c +
                                    "\" is not a code: lower-case letters, digits and _, starting "
                                    "with a letter, at most 64");
  return c;
}

/// Puts the label of `ns.code` in the vocabulary; a section that defines codes (applicant
/// kinds, delivery methods) is where their labels are written, not /vocabulary.
void add_label(notice_data& d, std::string_view ns, const std::string& code, const localized& l,
               const std::string& path) {
  std::string key = std::string(ns) + "." + code;
  if (d.vocabulary.count(key) != 0)
    pack_fail(path,
              "\"" + key + "\" is labelled twice: " + std::string(ns) +
                  " codes take their labels from their own section, not /vocabulary",
              "pack.duplicate");
  d.vocabulary_order.push_back(key);
  d.vocabulary.emplace(std::move(key), l);
}

void read_clauses(const json& root, notice_data& d) {
  const json& c = member(root, "clauses", "");
  if (!c.is_object() || c.empty())
    pack_fail("/clauses", "expected an object of the notice's clauses: ref → quote");
  for (const auto& [ref, quote] : c.items()) {
    const std::string p = child("/clauses", ref);
    if (ref.empty()) pack_fail(p, "a clause ref must not be empty");
    std::string q = text(quote, p);
    if (q.empty()) pack_fail(p, "a clause needs its text (the notice's own words)");
    d.clauses.emplace_back(ref, std::move(q));
  }
}

bool has_namespace(const notice_data& d, std::string_view ns) {
  const std::string prefix = std::string(ns) + ".";
  return std::any_of(d.vocabulary.begin(), d.vocabulary.end(),
                     [&](const auto& e) { return e.first.starts_with(prefix); });
}

void read_declarations(const json& root, notice_data& d) {
  const json* decls = optional_member(root, "declarations");
  if (decls == nullptr) return;
  if (!decls->is_array()) pack_fail("/declarations", "expected an array");
  for (std::size_t i = 0; i < decls->size(); ++i) {
    const json& x = (*decls)[i];
    const std::string p = child("/declarations", i);
    expect_keys(
        x, {"name", "scope", "type", "codes", "title", "clause", "applicant_kinds", "detail"}, p);
    declaration_info info;
    info.name = code_text(x, p, "name");
    info.scope = code_choice<declaration_scope>(x, "scope", p);
    info.type = code_choice<declaration_type>(x, "type", p);
    if (info.type == declaration_type::code) {
      info.codes = code_text(x, p, "codes");
      if (!has_namespace(d, info.codes))
        pack_fail(child(p, "codes"),
                  "the vocabulary has no codes \"" + info.codes + ".…\" for this declaration",
                  "pack.unknown_code");
    } else if (optional_member(x, "codes")) {
      pack_fail(child(p, "codes"), "only a declaration of type code takes codes");
    }
    info.title = localized_at(x, "title", p);
    info.clause = text_or(x, "clause", p);
    if (!info.clause.empty() && d.quote(info.clause) == nullptr)
      pack_fail(child(p, "clause"), "the clause \"" + info.clause + "\" is not in /clauses",
                "pack.unknown_code");
    if (const json* k = optional_member(x, "applicant_kinds"))
      info.applicant_kinds = kinds_list(*k, child(p, "applicant_kinds"), d);
    info.detail = text_or(x, "detail", p);
    // Names are unique in their object; a rule names a declaration of an organisation, joint
    // applicant or application by its bare name, so those are unique together.
    auto same_object = [](declaration_scope a, declaration_scope b) {
      auto bare = [](declaration_scope s) {
        return s == declaration_scope::organisation || s == declaration_scope::joint ||
               s == declaration_scope::application;
      };
      return a == b || (bare(a) && bare(b));
    };
    for (const auto& other : d.declarations)
      if (other.name == info.name && same_object(other.scope, info.scope))
        pack_fail(child(p, "name"), "duplicate declaration \"" + info.name + "\"",
                  "pack.duplicate");
    d.declarations.push_back(std::move(info));
  }
  for (std::size_t i = 0; i < d.declarations.size(); ++i) {
    const declaration_info& info = d.declarations[i];
    if (info.detail.empty()) continue;
    const std::size_t k = d.declaration(info.detail, info.scope);
    if (k == static_cast<std::size_t>(-1) || d.declarations[k].type != declaration_type::text)
      pack_fail(child(child("/declarations", i), "detail"),
                "\"" + info.detail + "\" is not a text declaration of the same scope",
                "pack.unknown_code");
  }
}

/// /field_clauses: the clause each shared field of the application serves in this notice.
void read_field_clauses(const json& root, notice_data& d) {
  const json* f = optional_member(root, "field_clauses");
  if (f == nullptr) return;
  if (!f->is_object())
    pack_fail("/field_clauses", "expected an object: \"OBJECT/FIELD\" → clause ref");
  for (const auto& [key, ref] : f->items()) {
    const std::string p = child("/field_clauses", key);
    std::string r = text(ref, p);
    if (d.quote(r) == nullptr)
      pack_fail(p, "the clause \"" + r + "\" is not in /clauses", "pack.unknown_code");
    d.field_clauses.emplace_back(key, std::move(r));
  }
}

void read_history(const json& root, notice_data& d) {
  const json* h = optional_member(root, "history");
  if (h == nullptr) return;
  expect_keys(*h, {"years_before_notice"}, "/history");
  const json& n = member(*h, "years_before_notice", "/history");
  if (!n.is_number_integer() || n.get<std::int64_t>() < 1 || n.get<std::int64_t>() > 20)
    pack_fail("/history/years_before_notice",
              "expected a number of years from 1 to 20 (2: the two calendar years before the "
              "notice's year)");
  const int year = static_cast<int>(d.info.issued.year());
  for (int k = static_cast<int>(n.get<std::int64_t>()); k >= 1; --k)
    d.info.history_years.push_back(year - k);
}

void read_delivery_methods(const json& root, notice_data& d) {
  const json* m = optional_member(root, "delivery_methods");
  if (m == nullptr) return;
  if (!m->is_array()) pack_fail("/delivery_methods", "expected an array");
  for (std::size_t i = 0; i < m->size(); ++i) {
    const json& x = (*m)[i];
    const std::string p = child("/delivery_methods", i);
    expect_keys(x, {"code", "name", "date", "clause", "interpretation"}, p);
    delivery_method_info info{code_text(x, p), localized_at(x, "name", p), text_at(x, "date", p),
                              text_or(x, "clause", p), reading_at(x, "interpretation", p)};
    const std::size_t k = d.declaration(info.date, declaration_scope::submission);
    if (k == static_cast<std::size_t>(-1) || d.declarations[k].type != declaration_type::day)
      pack_fail(child(p, "date"),
                "\"" + info.date + "\" is not a date declaration of the submission (/declarations)",
                "pack.unknown_code");
    if (!info.clause.empty() && d.quote(info.clause) == nullptr)
      pack_fail(child(p, "clause"), "the clause \"" + info.clause + "\" is not in /clauses",
                "pack.unknown_code");
    for (const auto& other : d.delivery_methods)
      if (other.code == info.code)
        pack_fail(child(p, "code"), "duplicate delivery method \"" + info.code + "\"",
                  "pack.duplicate");
    add_label(d, "delivery_method", info.code, info.name, child(p, "code"));
    d.delivery_methods.push_back(std::move(info));
  }
}

void read_rules(const json& root, notice_data& d) {
  const json& rules = array_at(root, "rules", "");
  if (rules.empty())
    pack_fail("/rules", "a pack needs rules: with none, every application would be accepted");
  d.rules.reserve(rules.size());
  d.compiled.reserve(rules.size());
  std::set<std::string, std::less<>> ids;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const json& r = rules[i];
    std::string path = child("/rules", i);
    expect_keys(r,
                {"id", "kind", "stage", "clauses", "interpretation", "outcome", "when_unknown",
                 "applies_to", "params", "title", "messages"},
                path);
    rule_info info;
    info.id = text_at(r, "id", path);
    if (info.id.empty()) pack_fail(child(path, "id"), "a rule id must not be empty");
    if (!ids.insert(info.id).second)
      pack_fail(child(path, "id"), "duplicate rule id \"" + info.id + "\"", "pack.duplicate");
    info.kind = text_at(r, "kind", path);
    info.stage = code_at<stage>(member(r, "stage", path), child(path, "stage"), "stage");
    const json& clauses = array_at(r, "clauses", path);
    if (clauses.empty()) pack_fail(child(path, "clauses"), "a rule must cite at least one clause");
    for (std::size_t k = 0; k < clauses.size(); ++k) {
      std::string cp = child(child(path, "clauses"), k);
      clause_ref c;
      if (clauses[k].is_string()) {
        c.ref = clauses[k].get<std::string>();
      } else {
        if (clauses[k].is_object() && clauses[k].contains("quote"))
          pack_fail(child(cp, "quote"),
                    "a rule cites a clause by its ref; its quote is written once, in /clauses",
                    "pack.unknown_field");
        expect_keys(clauses[k], {"ref", "project_types"}, cp);
        c.ref = text_at(clauses[k], "ref", cp);
        if (const json* pts = optional_member(clauses[k], "project_types"))
          c.project_types = project_type_list(*pts, child(cp, "project_types"), d);
        cp = child(cp, "ref");
      }
      const std::string* quote = d.quote(c.ref);
      if (quote == nullptr)
        pack_fail(cp, "the clause \"" + c.ref + "\" is not in the clause table (/clauses)",
                  "pack.unknown_code");
      c.quote = *quote;
      info.clauses.push_back(std::move(c));
    }
    info.interpretation = reading_at(r, "interpretation", path);
    info.outcome = severity_at(r, "outcome", path, severity::rejected);
    if (!optional_member(r, "outcome")) member(r, "outcome", path);  // required
    info.when_unknown = severity_at(r, "when_unknown", path, severity::incomplete);
    if (const json* a = optional_member(r, "applies_to")) {
      std::string ap = child(path, "applies_to");
      expect_keys(*a, {"project_types", "applicant_kinds", "with_joint_applicants"}, ap);
      if (const json* w = optional_member(*a, "with_joint_applicants")) {
        if (!w->is_boolean() || !w->get<bool>())
          pack_fail(child(ap, "with_joint_applicants"),
                    "expected true (the rule applies only to applications with joint applicants)");
        info.with_joint_applicants = true;
      }
      if (const json* pts = optional_member(*a, "project_types"))
        info.project_types = project_type_list(*pts, child(ap, "project_types"), d);
      if (const json* ks = optional_member(*a, "applicant_kinds"))
        info.applicant_kinds = kinds_list(*ks, child(ap, "applicant_kinds"), d);
    }
    info.title = localized_at(r, "title", path);
    const json& params = member(r, "params", path);
    if (!params.is_object()) pack_fail(child(path, "params"), "expected an object");
    // A title is a template over the params ("一式{min}份"): what every face shows is rendered.
    info.title_template = info.title;
    info.title = {render_title(info.title.zh, params, child(child(path, "title"), "zh")),
                  render_title(info.title.en, params, child(child(path, "title"), "en"))};
    info.params_json = params.dump();

    requirement_factory make = find_kind(info.kind);
    if (!make)
      pack_fail(child(path, "kind"),
                "unknown requirement kind \"" + info.kind + "\"; known kinds: " + kind_names(),
                "pack.unknown_code");
    compiled_rule c;
    c.impl = make(params, child(path, "params"), d);
    read_messages(r, path, c);
    d.rules.push_back(std::move(info));
    d.compiled.push_back(std::move(c));
  }
  for (std::size_t i = 0; i < d.rules.size(); ++i) {
    compiled_rule& c = d.compiled[i];
    const rule_info& info = d.rules[i];
    c.info = &info;
    c.for_type.assign(d.project_types.size(), info.project_types.empty());
    for (const auto& code : info.project_types)
      for (std::size_t t = 0; t < d.project_types.size(); ++t)
        if (d.project_types[t].code == code) c.for_type[t] = true;
    c.context_for_type.clear();
    for (std::size_t t = 0; t < d.project_types.size(); ++t) {
      finding_context fc;
      for (const clause_ref& cl : info.clauses)
        if (cl.project_types.empty() ||
            std::find(cl.project_types.begin(), cl.project_types.end(), d.project_types[t].code) !=
                cl.project_types.end())
          fc.clauses.push_back({cl.ref, cl.quote});
      // A clause cited for some types only: each type the rule applies to must cite one at least.
      if (c.for_type[t] && fc.clauses.empty())
        pack_fail(child(child("/rules", i), "clauses"),
                  "no clause is cited for project type \"" + d.project_types[t].code + "\"");
      fc.interpretation = info.interpretation;
      fc.texts = c.messages.texts;
      if (const contact* whom = contact_of(d.contacts, d.project_types[t].contact))
        fc.whom_to_call = *whom;
      c.context_for_type.push_back(std::make_shared<const finding_context>(std::move(fc)));
    }
    c.context_any = std::make_shared<const finding_context>(
        finding_context{info.clauses, info.interpretation, contact{}, c.messages.texts});
    if (!info.applicant_kinds.empty()) {
      c.for_kinds = 0;
      for (const std::string& k : info.applicant_kinds)
        c.for_kinds |= std::uint32_t{1} << d.kind_index(k);  // at most 32 kinds (read_catalogue)
    }
  }
  // A project type no rule judges would accept every application of it.
  for (std::size_t t = 0; t < d.project_types.size(); ++t)
    if (std::none_of(d.compiled.begin(), d.compiled.end(),
                     [&](const compiled_rule& c) { return c.for_type[t]; }))
      pack_fail(child(child("/project_types", t), "code"),
                "no rule applies to project type \"" + d.project_types[t].code +
                    "\": it would accept every application");
}

void read_divisions(const json& root, notice_data& d) {
  const json& div = member(root, "divisions", "");
  std::string path = "/divisions";
  std::vector<division> all;
  const json& region = member(div, "region", path);
  std::string rp = child(path, "region");
  all.push_back(
      {text_at(region, "code", rp), text_at(region, "name", rp), division_level::region, ""});
  const json& cities = array_at(div, "cities", path);
  for (std::size_t i = 0; i < cities.size(); ++i) {
    std::string cp = child(child(path, "cities"), i);
    std::string city = text_at(cities[i], "code", cp);
    all.push_back({city, text_at(cities[i], "name", cp), division_level::city, city});
    const json& counties = array_at(cities[i], "counties", cp);
    for (std::size_t k = 0; k < counties.size(); ++k) {
      std::string kp = child(child(cp, "counties"), k);
      all.push_back({text_at(counties[k], "code", kp), text_at(counties[k], "name", kp),
                     division_level::county, city});
    }
  }
  for (std::size_t i = 0; i < all.size(); ++i) {
    const std::string& c = all[i].code;
    if (c.size() != 6 ||
        !std::all_of(c.begin(), c.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
      pack_fail(path, "division code \"" + c + "\" is not six digits");
    for (std::size_t k = 0; k < i; ++k)
      if (all[k].code == c)
        pack_fail(path,
                  "division code \"" + c +
                      "\" appears twice; a notice issued by a city writes its province as the "
                      "region and the city as its one city, with its counties "
                      "(docs/pack-format.md §5)",
                  "pack.duplicate");
  }
  d.divisions = division_table(std::move(all));
}

void read_catalogue(const json& root, notice_data& d) {
  // A notice without a level of groups has no categories (docs/pack-format.md §1).
  static const json no_categories = json::array();  // (and no contacts)
  const json& cats =
      optional_member(root, "categories") ? array_at(root, "categories", "") : no_categories;
  for (std::size_t i = 0; i < cats.size(); ++i) {
    std::string p = child("/categories", i);
    expect_keys(cats[i], {"code", "clause", "name"}, p);
    d.categories.push_back({text_at(cats[i], "code", p), text_at(cats[i], "clause", p),
                            localized_at(cats[i], "name", p)});
  }
  const json& kinds = array_at(root, "applicant_kinds", "");
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    std::string p = child("/applicant_kinds", i);
    expect_keys(kinds[i], {"code", "clause", "name", "definition"}, p);
    applicant_kind_info k{code_text(kinds[i], p), text_at(kinds[i], "clause", p),
                          localized_at(kinds[i], "name", p),
                          localized_at(kinds[i], "definition", p)};
    if (d.kind_index(k.code) != static_cast<std::size_t>(-1))
      pack_fail(child(p, "code"), "duplicate applicant kind \"" + k.code + "\"", "pack.duplicate");
    if (d.applicant_kinds.size() == 32)
      pack_fail(p, "a pack may define at most 32 applicant kinds");
    add_label(d, "applicant_kind", k.code, k.name, child(p, "code"));
    d.applicant_kinds.push_back(std::move(k));
  }
  if (d.applicant_kinds.empty()) pack_fail("/applicant_kinds", "a notice needs an applicant kind");
  // Whom to call: a notice may name no one (then the project types name no contact).
  const json& contacts =
      optional_member(root, "contacts") ? array_at(root, "contacts", "") : no_categories;
  for (std::size_t i = 0; i < contacts.size(); ++i) {
    std::string p = child("/contacts", i);
    expect_keys(contacts[i], {"code", "name", "phone", "clause"}, p);
    // A phone the notice does not state: null or left out (shown as not stated).
    contact c{text_at(contacts[i], "code", p), text_at(contacts[i], "name", p),
              text_or(contacts[i], "phone", p), text_or(contacts[i], "clause", p)};
    // Project types name their contact by code: two of one code would make it ambiguous.
    if (contact_of(d.contacts, c.code) != nullptr)
      pack_fail(child(p, "code"), "duplicate contact \"" + c.code + "\"", "pack.duplicate");
    d.contacts.push_back(std::move(c));
  }
  const json& types = array_at(root, "project_types", "");
  if (types.empty()) pack_fail("/project_types", "a notice needs at least one project type");
  for (std::size_t i = 0; i < types.size(); ++i) {
    const json& t = types[i];
    std::string p = child("/project_types", i);
    expect_keys(t,
                {"code", "category", "clause", "name", "eligible", "joint_eligible", "papers",
                 "completion_deadline", "contact", "applicants_text", "interpretation"},
                p);
    project_type_info info;
    info.code = text_at(t, "code", p);
    for (const auto& other : d.project_types)
      if (other.code == info.code)
        pack_fail(child(p, "code"), "duplicate project type \"" + info.code + "\"",
                  "pack.duplicate");
    // A type's category, if the notice groups its types (a type without one is shown apart).
    if (optional_member(t, "category")) {
      info.category = text_at(t, "category", p);
      if (std::none_of(d.categories.begin(), d.categories.end(),
                       [&](const category_info& c) { return c.code == info.category; }))
        pack_fail(child(p, "category"),
                  "unknown category \"" + info.category + "\"" +
                      (d.categories.empty() ? "; the pack has no /categories" : ""),
                  "pack.unknown_code");
    }
    info.clause = text_at(t, "clause", p);
    info.name = localized_at(t, "name", p);
    info.eligible = kinds_list(member(t, "eligible", p), child(p, "eligible"), d);
    if (info.eligible.empty()) pack_fail(child(p, "eligible"), "no applicant kind may apply");
    if (const json* j = optional_member(t, "joint_eligible"))
      info.joint_eligible = kinds_list(*j, child(p, "joint_eligible"), d);
    if (optional_member(t, "papers"))
      info.papers = localized_list(array_at(t, "papers", p), child(p, "papers"));
    info.completion_deadline = date_at(t, "completion_deadline", p);
    // Whom to call: a code of /contacts, or null / left out when the notice names no one.
    info.contact = text_or(t, "contact", p);
    if (!info.contact.empty() && contact_of(d.contacts, info.contact) == nullptr)
      pack_fail(child(p, "contact"), "unknown contact \"" + info.contact + "\"",
                "pack.unknown_code");
    info.applicants_text = reading_at(t, "applicants_text", p);  // optional: else the kinds
    info.interpretation = reading_at(t, "interpretation", p);
    d.project_types.push_back(std::move(info));
  }
}

void read_notice_info(const json& root, notice_info& info) {
  const json& n = member(root, "notice", "");
  std::string p = "/notice";
  expect_keys(n,
              {"id", "issuer", "number", "title", "issued", "application_opens",
               "application_deadline", "deadline_interpretation", "stated_weekdays", "timezone",
               "submit_to", "address", "email", "form", "text", "text_is_summary"},
              p);
  info.id = text_at(n, "id", p);
  info.issuer = text_at(n, "issuer", p);
  info.number = text_or(n, "number", p);  // null or left out: not stated
  info.title = text_at(n, "title", p);
  info.issued = date_at(n, "issued", p);
  if (optional_member(n, "application_opens"))
    info.application_opens = date_at(n, "application_opens", p);
  // Required, but null when the notice states none (未载明): a rule that needs it is refused.
  if (!member(n, "application_deadline", p).is_null())
    info.application_deadline = date_at(n, "application_deadline", p);
  if (info.application_opens && !info.application_deadline)
    pack_fail(child(p, "application_opens"),
              "a window that opens needs an application deadline (/notice/application_deadline)");
  if (info.application_opens && *info.application_opens > *info.application_deadline)
    pack_fail(child(p, "application_opens"), "the window opens after the deadline");
  if (const json* w = optional_member(n, "stated_weekdays")) {
    const std::string wp = child(p, "stated_weekdays");
    if (!w->is_object())
      pack_fail(wp, "expected an object: date → weekday as the notice states it");
    for (const auto& [day, weekday] : w->items()) {
      const auto parsed = parse_date(day);
      if (!parsed || day.size() != 10)
        pack_fail(child(wp, day), "expected a date YYYY-MM-DD as key");
      info.stated_weekdays.emplace_back(*parsed, text(weekday, child(wp, day)));
    }
  }
  info.text_file = text_or(n, "text", p);
  if (const json* s = optional_member(n, "text_is_summary")) {
    if (!s->is_boolean())
      pack_fail(child(p, "text_is_summary"),
                std::string("expected true or false (the text is a summary of the notice), "
                            "found ") +
                    s->type_name());
    info.text_is_summary = s->get<bool>();
    if (info.text_is_summary && info.text_file.empty())
      pack_fail(child(p, "text_is_summary"),
                "a summary needs its text: name the file in /notice/text");
  }
  info.deadline_interpretation = reading_at(n, "deadline_interpretation", p);
  info.timezone = text_or(n, "timezone", p);
  info.submit_to = text_or(n, "submit_to", p);
  info.address = text_or(n, "address", p);
  info.email = text_or(n, "email", p);
  info.form_name = text_or(n, "form", p);
}

}  // namespace

std::shared_ptr<const notice_data> load_pack(std::string_view text, std::string_view sha256) {
  const json root = read_pack_json(text);
  if (!root.is_object())
    pack_fail("", std::string("expected an object, found ") + root.type_name());
  const std::string format = text_at(root, "format", "");
  if (format == "nxkx-notice-pack/1")
    pack_fail("/format",
              "this is a pack of format nxkx-notice-pack/1; this library reads "
              "nxkx-notice-pack/2 (docs/pack-format.md; scripts/migrate_pack_v2.py migrates it)");
  if (format != "nxkx-notice-pack/2")
    pack_fail("/format",
              "unsupported pack format \"" + format + "\"; this library reads nxkx-notice-pack/2");
  expect_keys(root,
              {"format", "version", "notice", "clauses", "categories", "applicant_kinds",
               "declarations", "history", "delivery_methods", "field_clauses", "contacts",
               "project_types", "divisions", "vocabulary", "rules"},
              "");
  auto d = std::make_shared<notice_data>();
  d->source = std::string(text);
  read_notice_info(root, d->info);
  d->identity = {d->info.id, text_at(root, "version", ""),
                 sha256.empty() ? sha256_hex(text) : std::string(sha256)};
  read_clauses(root, *d);
  const json& vocab = member(root, "vocabulary", "");
  if (!vocab.is_object()) pack_fail("/vocabulary", "expected an object");
  for (const auto& [code, labels] : vocab.items()) {
    std::string p = child("/vocabulary", code);
    expect_keys(labels, {"zh", "en"}, p);
    d->vocabulary.emplace(code, localized{text_at(labels, "zh", p), text_at(labels, "en", p)});
    d->vocabulary_order.push_back(code);
  }
  read_catalogue(root, *d);
  read_declarations(root, *d);
  read_history(root, *d);
  read_delivery_methods(root, *d);
  read_divisions(root, *d);
  read_field_clauses(root, *d);
  format::build_format(d->format, d->declarations, d->field_clauses);
  read_rules(root, *d);
  return d;
}

}  // namespace detail

std::string rule_info::clause_text() const {
  std::string out;
  for (const auto& c : clauses) {
    if (!out.empty()) out += "、";
    out += c.ref;
  }
  return out;
}

const notice& notice::builtin() {
  static const notice instance(
      detail::load_pack(detail::builtin_pack_2025, detail::builtin_pack_2025_sha256));
  return instance;
}

notice notice::from_json(std::string_view json_text) {
  return notice(detail::load_pack(json_text));
}

notice notice::load(const std::filesystem::path& file) {
  // Read with a cap, so that /dev/zero or a stray 10 GB file ends at once (read.hpp).
  return from_json(read_file(file, max_pack_bytes));
}

const notice_info& notice::info() const noexcept { return data_->info; }
const std::vector<category_info>& notice::categories() const noexcept { return data_->categories; }
const std::vector<applicant_kind_info>& notice::applicant_kinds() const noexcept {
  return data_->applicant_kinds;
}
const std::vector<project_type_info>& notice::project_types() const noexcept {
  return data_->project_types;
}
const std::vector<contact>& notice::contacts() const noexcept { return data_->contacts; }
const std::vector<rule_info>& notice::rules() const noexcept { return data_->rules; }
const division_table& notice::divisions() const noexcept { return data_->divisions; }
const std::string& notice::source() const noexcept { return data_->source; }
const localized* notice::label(std::string_view code) const noexcept { return data_->label(code); }
std::vector<std::string_view> notice::codes(std::string_view ns) const { return data_->codes(ns); }

const project_type_info* notice::find_project_type(std::string_view code) const noexcept {
  for (const auto& t : data_->project_types)
    if (t.code == code) return &t;
  return nullptr;
}
const category_info* notice::find_category(std::string_view code) const noexcept {
  for (const auto& c : data_->categories)
    if (c.code == code) return &c;
  return nullptr;
}
const applicant_kind_info* notice::find_applicant_kind(std::string_view code) const noexcept {
  const std::size_t i = data_->kind_index(code);
  return i < data_->applicant_kinds.size() ? &data_->applicant_kinds[i] : nullptr;
}
const std::vector<declaration_info>& notice::declarations() const noexcept {
  return data_->declarations;
}
const std::vector<delivery_method_info>& notice::delivery_methods() const noexcept {
  return data_->delivery_methods;
}
const pack_identity& notice::identity() const noexcept { return data_->identity; }
std::optional<std::size_t> notice::declaration_index(std::string_view name,
                                                     declaration_scope scope) const noexcept {
  const std::size_t i = data_->declaration(name, scope);
  if (i == static_cast<std::size_t>(-1)) return std::nullopt;
  return i;
}
std::optional<std::size_t> notice::declaration_index(std::string_view name) const noexcept {
  auto scoped = [&](std::string_view prefix,
                    declaration_scope scope) -> std::optional<std::size_t> {
    if (!name.starts_with(prefix)) return std::nullopt;
    return declaration_index(name.substr(prefix.size()), scope);
  };
  if (auto i = scoped("history.", declaration_scope::history)) return i;
  if (auto i = scoped("submission.", declaration_scope::submission)) return i;
  for (declaration_scope s :
       {declaration_scope::organisation, declaration_scope::joint, declaration_scope::application})
    if (auto i = declaration_index(name, s)) return i;
  return std::nullopt;
}
const delivery_method_info* notice::find_delivery_method(std::string_view code) const noexcept {
  for (const auto& m : data_->delivery_methods)
    if (m.code == code) return &m;
  return nullptr;
}
const contact* notice::find_contact(std::string_view code) const noexcept {
  return detail::contact_of(data_->contacts, code);
}

}  // namespace nxkx
