#include "nxkx/notice.hpp"

#include <algorithm>
#include <fstream>
#include <initializer_list>
#include <set>
#include <sstream>

#include "notice_data.hpp"
#include "nxkx/read.hpp"
#include "pack_reader.hpp"
#include "requirements/requirement.hpp"

namespace nxkx {

namespace detail {
extern const std::string_view builtin_pack_2025;

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

std::vector<applicant_kind> kinds_list(const json& arr, const std::string& path) {
  if (!arr.is_array()) pack_fail(path, std::string("expected an array, found ") + arr.type_name());
  std::vector<applicant_kind> out;
  for (std::size_t i = 0; i < arr.size(); ++i)
    out.push_back(code_at<applicant_kind>(arr[i], child(path, i), "applicant kind"));
  return out;
}

severity severity_at(const json& rule, std::string_view key, const std::string& path,
                     severity fallback) {
  const json* v = optional_member(rule, key);
  if (!v) return fallback;
  return code_at<severity>(*v, child(path, key), "severity");
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
  c.messages.failed = localized_at(m, "failed", mp);
  c.messages.expected = localized_at(m, "expected", mp);
  c.messages.unknown =
      optional_member(m, "unknown") ? localized_at(m, "unknown", mp) : c.messages.failed;
  for (const auto& n : named) c.messages.named.emplace_back(n, localized_at(m, n, mp));
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

void read_rules(const json& root, notice_data& d) {
  const json& rules = array_at(root, "rules", "");
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
      expect_keys(clauses[k], {"ref", "quote", "project_types"}, cp);
      clause_ref c{text_at(clauses[k], "ref", cp), text_at(clauses[k], "quote", cp)};
      if (const json* pts = optional_member(clauses[k], "project_types"))
        c.project_types = project_type_list(*pts, child(cp, "project_types"), d);
      info.clauses.push_back(std::move(c));
    }
    info.interpretation = reading_at(r, "interpretation", path);
    info.outcome = severity_at(r, "outcome", path, severity::rejected);
    if (!optional_member(r, "outcome")) member(r, "outcome", path);  // required
    info.when_unknown = severity_at(r, "when_unknown", path, severity::incomplete);
    if (const json* a = optional_member(r, "applies_to")) {
      std::string ap = child(path, "applies_to");
      expect_keys(*a, {"project_types", "applicant_kinds"}, ap);
      if (const json* pts = optional_member(*a, "project_types"))
        info.project_types = project_type_list(*pts, child(ap, "project_types"), d);
      if (const json* ks = optional_member(*a, "applicant_kinds"))
        info.applicant_kinds = kinds_list(*ks, child(ap, "applicant_kinds"));
    }
    info.title = localized_at(r, "title", path);
    const json& params = member(r, "params", path);
    if (!params.is_object()) pack_fail(child(path, "params"), "expected an object");
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
    c.clauses_for_type.resize(d.project_types.size());
    for (std::size_t t = 0; t < d.project_types.size(); ++t)
      for (const clause_ref& cl : info.clauses)
        if (cl.project_types.empty() ||
            std::find(cl.project_types.begin(), cl.project_types.end(), d.project_types[t].code) !=
                cl.project_types.end())
          c.clauses_for_type[t].push_back({cl.ref, cl.quote});
    // A clause cited for some types only: each type the rule applies to must cite one at least.
    for (std::size_t t = 0; t < d.project_types.size(); ++t)
      if (c.for_type[t] && c.clauses_for_type[t].empty())
        pack_fail(child(child("/rules", i), "clauses"),
                  "no clause is cited for project type \"" + d.project_types[t].code + "\"");
    static_assert(code_table<applicant_kind>::items.size() <= 32, "for_kinds holds 32 bits");
    if (!info.applicant_kinds.empty()) {
      c.for_kinds = 0;
      for (applicant_kind k : info.applicant_kinds) c.for_kinds |= 1u << static_cast<unsigned>(k);
    }
  }
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
        pack_fail(path, "division code \"" + c + "\" appears twice", "pack.duplicate");
  }
  d.divisions = division_table(std::move(all));
}

void read_catalogue(const json& root, notice_data& d) {
  const json& cats = array_at(root, "categories", "");
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
    d.applicant_kinds.push_back(
        {code_at<applicant_kind>(member(kinds[i], "code", p), child(p, "code"), "applicant kind"),
         text_at(kinds[i], "clause", p), localized_at(kinds[i], "name", p),
         localized_at(kinds[i], "definition", p)});
  }
  const json& contacts = array_at(root, "contacts", "");
  for (std::size_t i = 0; i < contacts.size(); ++i) {
    std::string p = child("/contacts", i);
    expect_keys(contacts[i], {"code", "name", "phone", "clause"}, p);
    d.contacts.push_back({text_at(contacts[i], "code", p), text_at(contacts[i], "name", p),
                          text_at(contacts[i], "phone", p), text_at(contacts[i], "clause", p)});
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
    info.category = text_at(t, "category", p);
    if (std::none_of(d.categories.begin(), d.categories.end(),
                     [&](const category_info& c) { return c.code == info.category; }))
      pack_fail(child(p, "category"), "unknown category \"" + info.category + "\"",
                "pack.unknown_code");
    info.clause = text_at(t, "clause", p);
    info.name = localized_at(t, "name", p);
    info.eligible = kinds_list(member(t, "eligible", p), child(p, "eligible"));
    if (info.eligible.empty()) pack_fail(child(p, "eligible"), "no applicant kind may apply");
    if (const json* j = optional_member(t, "joint_eligible"))
      info.joint_eligible = kinds_list(*j, child(p, "joint_eligible"));
    info.papers = localized_list(array_at(t, "papers", p), child(p, "papers"));
    info.completion_deadline = date_at(t, "completion_deadline", p);
    info.contact = text_at(t, "contact", p);
    if (std::none_of(d.contacts.begin(), d.contacts.end(),
                     [&](const contact& c) { return c.code == info.contact; }))
      pack_fail(child(p, "contact"), "unknown contact \"" + info.contact + "\"",
                "pack.unknown_code");
    info.applicants_text = localized_at(t, "applicants_text", p);
    info.interpretation = reading_at(t, "interpretation", p);
    d.project_types.push_back(std::move(info));
  }
}

void read_notice_info(const json& root, notice_info& info) {
  const json& n = member(root, "notice", "");
  std::string p = "/notice";
  expect_keys(n,
              {"id", "issuer", "number", "title", "issued", "application_deadline",
               "deadline_interpretation", "timezone", "submit_to", "address", "email", "form"},
              p);
  info.id = text_at(n, "id", p);
  info.issuer = text_at(n, "issuer", p);
  info.number = text_at(n, "number", p);
  info.title = text_at(n, "title", p);
  info.issued = date_at(n, "issued", p);
  info.application_deadline = date_at(n, "application_deadline", p);
  info.deadline_interpretation = reading_at(n, "deadline_interpretation", p);
  info.timezone = text_or(n, "timezone", p);
  info.submit_to = text_or(n, "submit_to", p);
  info.address = text_or(n, "address", p);
  info.email = text_or(n, "email", p);
  info.form_name = text_or(n, "form", p);
}

std::shared_ptr<const notice_data> load_pack(std::string_view text) {
  json root;
  try {
    root = json::parse(text);
  } catch (const json::parse_error& e) {
    throw pack_error("pack.syntax", "", std::string("the pack is not valid JSON: ") + e.what());
  }
  if (!root.is_object())
    pack_fail("", std::string("expected an object, found ") + root.type_name());
  expect_keys(root,
              {"format", "notice", "categories", "applicant_kinds", "contacts", "project_types",
               "divisions", "vocabulary", "rules"},
              "");
  std::string format = text_at(root, "format", "");
  if (format != "nxkx-notice-pack/1")
    pack_fail("/format",
              "unsupported pack format \"" + format + "\"; this library reads nxkx-notice-pack/1");
  auto d = std::make_shared<notice_data>();
  d->source = std::string(text);
  read_notice_info(root, d->info);
  const json& vocab = member(root, "vocabulary", "");
  if (!vocab.is_object()) pack_fail("/vocabulary", "expected an object");
  for (const auto& [code, labels] : vocab.items()) {
    std::string p = child("/vocabulary", code);
    d->vocabulary.emplace(code, localized{text_at(labels, "zh", p), text_at(labels, "en", p)});
  }
  read_catalogue(root, *d);
  read_divisions(root, *d);
  read_rules(root, *d);
  return d;
}

}  // namespace
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
  static const notice instance(detail::load_pack(detail::builtin_pack_2025));
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
const applicant_kind_info* notice::find_applicant_kind(applicant_kind k) const noexcept {
  for (const auto& a : data_->applicant_kinds)
    if (a.kind == k) return &a;
  return nullptr;
}
const contact* notice::find_contact(std::string_view code) const noexcept {
  for (const auto& c : data_->contacts)
    if (c.code == code) return &c;
  return nullptr;
}

}  // namespace nxkx
