// Kind "facts": an eligibility declaration. Each condition names a declared fact (a yes/no,
// a code, a number) and what it must be; "all" conditions must hold, or "any" one of them.
// An undeclared fact is unknown: the rule then yields the rule's `when_unknown` severity.
// A condition may name its own message template ("message"), values that send the file to a
// person instead ("review", with "review_message"), a unit for a number ("unit": the count is
// shown as "1 份"), and how a code is compared ("match": "email" ignores case and surrounding
// white space).
#include <algorithm>
#include <array>
#include <cstdint>

#include "requirements/params.hpp"
#include "requirements/records_support.hpp"
#include "requirements/requirement.hpp"

namespace nxkx::detail {
namespace {

struct fact_value {
  enum class type { unknown, boolean, code, integer } t = type::unknown;
  bool b = false;
  std::string_view code;
  std::int64_t i = 0;
};

enum class fact_type { boolean, code, integer };
enum class fact_subject { entity, joint, application };

/// What a fact is read from.
struct fact_source {
  const application& app;
  const organisation* entity = nullptr;
  bool joint = false;
};

fact_value of(const tristate& v) {
  fact_value f;
  if (v) {
    f.t = fact_value::type::boolean;
    f.b = *v;
  }
  return f;
}
fact_value of_int(std::optional<std::int64_t> v) {
  fact_value f;
  if (v) {
    f.t = fact_value::type::integer;
    f.i = *v;
  }
  return f;
}
fact_value of(const declared_value& v) {
  fact_value f;
  if (const bool* b = std::get_if<bool>(&v)) {
    f.t = fact_value::type::boolean;
    f.b = *b;
  } else if (const std::int64_t* i = std::get_if<std::int64_t>(&v)) {
    f.t = fact_value::type::integer;
    f.i = *i;
  } else if (const std::string* c = std::get_if<std::string>(&v)) {
    f.t = fact_value::type::code;
    f.code = *c;
  }
  return f;
}

/// A fact of the shared structures (model.hpp), the same for every notice.
struct shared_fact {
  std::string_view name;
  fact_type type;
  fact_value (*get)(const fact_source&);
  std::string_view path;  ///< JSON pointer in the application
};

const std::array<shared_fact, 10> shared_facts{{
    {"submission.paper_copies", fact_type::integer,
     [](const fact_source& s) { return of_int(s.app.submission.paper_copies); },
     "/submission/paper_copies"},
    {"submission.sealed", fact_type::boolean,
     [](const fact_source& s) { return of(s.app.submission.sealed); }, "/submission/sealed"},
    {"submission.word_version.emailed", fact_type::boolean,
     [](const fact_source& s) { return of(s.app.submission.word_version.emailed); },
     "/submission/word_version/emailed"},
    {"submission.word_version.sent_to", fact_type::code,
     [](const fact_source& s) {
       fact_value f;
       if (s.app.submission.word_version.sent_to) {
         f.t = fact_value::type::code;
         f.code = *s.app.submission.word_version.sent_to;
       }
       return f;
     },
     "/submission/word_version/sent_to"},
    // The completion stage's own submission (/completion/submission), for rules at completion.
    {"completion.submission.paper_copies", fact_type::integer,
     [](const fact_source& s) { return of_int(s.app.completion.submission.paper_copies); },
     "/completion/submission/paper_copies"},
    {"completion.submission.sealed", fact_type::boolean,
     [](const fact_source& s) { return of(s.app.completion.submission.sealed); },
     "/completion/submission/sealed"},
    {"completion.submission.word_version.emailed", fact_type::boolean,
     [](const fact_source& s) { return of(s.app.completion.submission.word_version.emailed); },
     "/completion/submission/word_version/emailed"},
    {"completion.submission.word_version.sent_to", fact_type::code,
     [](const fact_source& s) {
       fact_value f;
       if (s.app.completion.submission.word_version.sent_to) {
         f.t = fact_value::type::code;
         f.code = *s.app.completion.submission.word_version.sent_to;
       }
       return f;
     },
     "/completion/submission/word_version/sent_to"},
    {"plan.work_measures.count", fact_type::integer,
     [](const fact_source& s) {
       // A blank line is not a measure.
       auto n = std::count_if(s.app.plan.work_measures.begin(), s.app.plan.work_measures.end(),
                              [](const std::string& m) {
                                return m.find_first_not_of(" \t\r\n") != std::string::npos;
                              });
       return of_int(static_cast<std::int64_t>(n));
     },
     "/plan/work_measures"},
    {"joint_applicants.count", fact_type::integer,
     [](const fact_source& s) {
       return of_int(static_cast<std::int64_t>(s.app.joint_applicants.size()));
     },
     "/joint_applicants"},
}};

/// A fact a condition names: a shared one, or one of the pack's declarations.
struct fact_def {
  std::string name;
  fact_type type = fact_type::boolean;
  fact_subject subject = fact_subject::application;
  std::string ns;  ///< vocabulary namespace of its codes
  bool yearly = false;
  const shared_fact* shared = nullptr;
  std::size_t declaration = 0;
  declaration_scope scope = declaration_scope::organisation;
  bool at_completion = false;  ///< a submission declaration of /completion/submission
  std::string path;            ///< relative JSON pointer; "{year}" stands for the year
  std::string detail;          ///< a text declaration shown beside a code's label ("" for none)

  fact_value get(const fact_source& s, int year) const {
    if (shared != nullptr) return shared->get(s);
    switch (scope) {
      case declaration_scope::organisation:
      case declaration_scope::joint:
        return of(s.entity->declared.at(declaration));
      case declaration_scope::history: {
        auto it = s.entity->history.find(year);
        return it == s.entity->history.end() ? fact_value{} : of(it->second.at(declaration));
      }
      case declaration_scope::submission:
        return of((at_completion ? s.app.completion.submission : s.app.submission)
                      .declared.at(declaration));
      case declaration_scope::application:
        return of(s.app.declared.at(declaration));
    }
    return {};
  }
};

/// The fact `name` of the pack, or nullopt: a shared fact, a declaration by its name
/// ("legal_person"), a history one as "history.NAME", a submission one as "submission.NAME"
/// (the completion stage's submission: "completion.submission.NAME").
std::optional<fact_def> find_fact(const notice_data& n, std::string_view name) {
  for (const auto& f : shared_facts)
    if (f.name == name) {
      fact_def d;
      d.name = std::string(name);
      d.type = f.type;
      d.subject = fact_subject::application;
      d.shared = &f;
      d.path = std::string(f.path);
      return d;
    }
  for (std::size_t i = 0; i < n.declarations.size(); ++i) {
    const declaration_info& decl = n.declarations[i];
    std::string full = decl.name;
    if (decl.scope == declaration_scope::history) full = "history." + decl.name;
    if (decl.scope == declaration_scope::submission) full = "submission." + decl.name;
    const bool at_completion =
        decl.scope == declaration_scope::submission && name == "completion." + full;
    if (full != name && !at_completion) continue;
    fact_def d;
    d.at_completion = at_completion;
    if (at_completion) full = "completion." + full;
    d.name = full;
    d.declaration = i;
    d.scope = decl.scope;
    d.ns = decl.codes;
    d.detail = decl.detail;
    switch (decl.type) {
      case declaration_type::yes_no:
        d.type = fact_type::boolean;
        break;
      case declaration_type::code:
      case declaration_type::text:
        d.type = fact_type::code;
        break;
      case declaration_type::count:
        d.type = fact_type::integer;
        break;
      case declaration_type::day:
        return std::nullopt;  // dates are judged by submission_deadline
    }
    switch (decl.scope) {
      case declaration_scope::organisation:
        d.subject = fact_subject::entity;
        d.path = "/" + decl.name;
        break;
      case declaration_scope::joint:
        d.subject = fact_subject::joint;
        d.path = "/" + decl.name;
        break;
      case declaration_scope::history:
        d.subject = fact_subject::entity;
        d.yearly = true;
        d.path = "/history/{year}/" + decl.name;
        break;
      case declaration_scope::submission:
        d.subject = fact_subject::application;
        d.path = (at_completion ? "/completion/submission/" : "/submission/") + decl.name;
        break;
      case declaration_scope::application:
        d.subject = fact_subject::application;
        d.path = "/" + decl.name;
        break;
    }
    return d;
  }
  return std::nullopt;
}

struct condition {
  std::optional<fact_def> fact;
  int year = 0;
  std::vector<json> allowed;    ///< the value must be one of these
  std::vector<json> forbidden;  ///< or must not be one of these
  std::optional<std::int64_t> min;
  std::optional<std::int64_t> max;
  std::vector<json> review;  ///< values that send the file to a person (needs review)
  bool unknown_passes = false;
  bool match_email = false;    ///< codes compare without case and surrounding white space
  std::string unit;            ///< integer facts: the vocabulary unit of the count, or ""
  std::string message;         ///< the template when it fails; "" = the rule's "failed"
  std::string review_message;  ///< the template for a review value; "" = message
};

enum class verdict { holds, fails, unknown, review };

/// An e-mail address as compared: without surrounding white space (ASCII or U+3000), ASCII
/// letters in lower case (the domain is case-insensitive, and 163.com treats the local part so).
std::string email_key(std::string_view s) {
  auto blank_at_front = [&](std::string_view v) -> std::size_t {
    if (!v.empty() &&
        (v.front() == ' ' || v.front() == '\t' || v.front() == '\r' || v.front() == '\n'))
      return 1;
    if (v.starts_with("\xE3\x80\x80")) return 3;
    return 0;
  };
  auto blank_at_back = [&](std::string_view v) -> std::size_t {
    if (!v.empty() && (v.back() == ' ' || v.back() == '\t' || v.back() == '\r' || v.back() == '\n'))
      return 1;
    if (v.ends_with("\xE3\x80\x80")) return 3;
    return 0;
  };
  while (std::size_t n = blank_at_front(s)) s.remove_prefix(n);
  while (std::size_t n = blank_at_back(s)) s.remove_suffix(n);
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

struct facts_params {
  std::string subject = "lead";
  std::string combine = "all";
  std::optional<std::vector<std::string>> entity_kinds;
  const json* conditions = nullptr;
};

using fp = facts_params;
constexpr param<fp> facts_desc[] = {
    {"subject", &fp::subject,
     "whose facts: `lead`, `joint_applicants`, `all`, or `application` (required for "
     "application and submission facts)"},
    {"combine", &fp::combine, "`all` conditions must hold, or `any` of them"},
    {"entity_kinds", &fp::entity_kinds, entity_kinds_doc},
    {"conditions", &fp::conditions,
     "at least one `{fact, …}` with one test: `allowed`, `forbidden` or `min`/`max` (below)", true,
     0, "array of objects"},
};

class facts_requirement final : public requirement {
 public:
  facts_requirement(const json& params, const std::string& path, const notice_data& n) : n_(n) {
    const fp p = read_params<fp>(params, path, facts_desc);
    if (p.subject == "application") {
      application_level_ = true;
    } else {
      scope_ = entity_scope::make(p.subject, p.entity_kinds, path, n);
    }
    const std::string& combine = p.combine;
    if (combine != "all" && combine != "any")
      pack_fail(child(path, "combine"), "expected \"all\" or \"any\", found \"" + combine + "\"");
    any_ = combine == "any";
    const json& conds = *p.conditions;
    if (!conds.is_array())
      pack_fail(child(path, "conditions"),
                std::string("expected an array, found ") + conds.type_name());
    if (conds.empty()) pack_fail(child(path, "conditions"), "at least one condition is needed");
    for (std::size_t i = 0; i < conds.size(); ++i)
      conditions_.push_back(read_condition(conds[i], child(child(path, "conditions"), i)));
  }

  bool evaluate(const eval_context& ctx, std::vector<violation>& out) const override {
    if (application_level_) {
      judge(fact_source{ctx.app}, "", "/applicant", out);
      return true;
    }
    bool any_entity = false;
    scope_.for_each(ctx.app, [&](const organisation& e, bool joint, const std::string& base) {
      any_entity = true;
      judge(fact_source{ctx.app, &e, joint}, base, base, out);
    });
    return any_entity;
  }

  std::vector<std::string_view> variables() const override {
    return {"item", "year", "name", "min", "max", "count"};
  }

  std::vector<std::string> message_names() const override {
    std::vector<std::string> out;
    for (const auto& c : conditions_)
      for (const std::string* m : {&c.message, &c.review_message})
        if (!m->empty() && std::find(out.begin(), out.end(), *m) == out.end()) out.push_back(*m);
    return out;
  }

 private:
  condition read_condition(const json& c, const std::string& p) const {
    if (!c.is_object()) pack_fail(p, "expected an object");
    for (const auto& [key, value] : c.items())
      if (key != "fact" && key != "year" && key != "allowed" && key != "forbidden" &&
          key != "min" && key != "max" && key != "unknown_passes" && key != "review" &&
          key != "message" && key != "review_message" && key != "match" && key != "unit")
        pack_fail(child(p, key), "unknown field \"" + key + "\"", "pack.unknown_field");
    condition out;
    std::string name = text_at(c, "fact", p);
    out.fact = find_fact(n_, name);
    if (!out.fact) {
      // A date declaration is a fact of its own kind (T5): say so, and what judges it.
      for (const auto& d : n_.declarations) {
        const std::string full = (d.scope == declaration_scope::history      ? "history."
                                  : d.scope == declaration_scope::submission ? "submission."
                                                                             : "") +
                                 d.name;
        if (d.type == declaration_type::day && (name == d.name || name == full))
          pack_fail(child(p, "fact"),
                    "\"" + name +
                        "\" is a date declaration, which facts cannot test; use the kind "
                        "submission_deadline with \"date\": \"" +
                        d.name +
                        "\" and a deadline (application_deadline, completion_deadline or as_of)",
                    "pack.invalid");
      }
      std::string known;
      for (const auto& f : shared_facts) known += (known.empty() ? "" : ", ") + std::string(f.name);
      for (const auto& d : n_.declarations) {
        if (d.type == declaration_type::day) continue;
        known += ", ";
        if (d.scope == declaration_scope::history) known += "history.";
        if (d.scope == declaration_scope::submission) known += "submission.";
        known += d.name;
      }
      pack_fail(child(p, "fact"), "unknown fact \"" + name + "\"; known facts: " + known,
                "pack.unknown_code");
    }
    const fact_def& f = *out.fact;
    if (application_level_ != (f.subject == fact_subject::application)) {
      // T6: name the subject in force and the one the fact needs.
      const bool app = f.subject == fact_subject::application;
      pack_fail(
          child(p, "fact"),
          "fact \"" + name + "\" is of scope " +
              (app ? "application (or submission)" : "organisation (lead or joint)") +
              "; this rule's subject is " +
              (application_level_ ? "application" : "lead (the default) or joint_applicants") +
              (app ? ": add \"subject\": \"application\" to the params"
                   : ": give it a rule whose subject is lead or joint_applicants"));
    }
    if (f.subject == fact_subject::joint && scope_.who != entity_scope::subject::joint_applicants)
      pack_fail(child(p, "fact"), "fact \"" + name + "\" exists only for joint applicants");
    if (f.yearly) {
      // A year of the history window, counted back from the notice's year: -1 is the year
      // before it. The pack says which years (/history); a condition names one of them.
      const json& y = member(c, "year", p);
      const int notice_year = static_cast<int>(n_.info.issued.year());
      const auto& years = n_.info.history_years;
      if (!y.is_number_integer() ||
          std::find(years.begin(), years.end(), notice_year + y.get<int>()) == years.end())
        pack_fail(child(p, "year"),
                  "expected a year of the history window, counted from the notice's year: -1 "
                  "(the year before it) to -" +
                      std::to_string(years.size()) + " (/history/years_before_notice)");
      out.year = notice_year + y.get<int>();
    } else if (optional_member(c, "year")) {
      pack_fail(child(p, "year"), "fact \"" + name + "\" is not kept by year");
    }
    auto read_values = [&](std::string_view key, std::vector<json>& into) {
      const json* v = optional_member(c, key);
      if (!v) return;
      std::string vp = child(p, key);
      if (!v->is_array() || v->empty()) pack_fail(vp, "expected a non-empty array");
      for (std::size_t i = 0; i < v->size(); ++i) {
        const json& x = (*v)[i];
        bool ok = (f.type == fact_type::boolean && x.is_boolean()) ||
                  (f.type == fact_type::code && x.is_string());
        if (!ok)
          pack_fail(child(vp, i), std::string("a value of the wrong type for fact \"") +
                                      std::string(f.name) + "\"");
        if (x.is_string() && !f.ns.empty()) {
          std::string key_code = std::string(f.ns) + "." + x.get<std::string>();
          if (!n_.label(key_code))
            pack_fail(child(vp, i),
                      "unknown code \"" + x.get<std::string>() + "\" for fact \"" +
                          std::string(f.name) + "\"",
                      "pack.unknown_code");
        }
        into.push_back(x);
      }
    };
    read_values("allowed", out.allowed);
    read_values("forbidden", out.forbidden);
    read_values("review", out.review);
    for (const auto& [key, into] : {std::pair<const char*, std::string*>{"message", &out.message},
                                    {"review_message", &out.review_message}}) {
      *into = text_or(c, key, p);
      if (into->empty() && optional_member(c, key))
        pack_fail(child(p, key), "expected the name of a message template");
      if (*into == "failed" || *into == "expected" || *into == "unknown") into->clear();
    }
    if (!out.review_message.empty() && out.review.empty())
      pack_fail(child(p, "review_message"), "a review_message needs review values");
    if (const json* m = optional_member(c, "match")) {
      if (text(*m, child(p, "match")) != "email" || f.type != fact_type::code)
        pack_fail(child(p, "match"), "\"match\" is \"email\", for a code fact");
      out.match_email = true;
    }
    if (optional_member(c, "unit")) {
      if (f.type != fact_type::integer) pack_fail(child(p, "unit"), "a unit is for a number fact");
      out.unit = unit_param(c, "unit", p, n_, "");
    }
    for (const auto& [key, into] :
         {std::pair<const char*, std::optional<std::int64_t>*>{"min", &out.min},
          {"max", &out.max}}) {
      if (const json* m = optional_member(c, key)) {
        if (f.type != fact_type::integer || !m->is_number_integer())
          pack_fail(child(p, key),
                    "\"" + std::string(key) + "\" needs a count fact and an integer bound");
        *into = m->get<std::int64_t>();
      }
    }
    const int tests = !out.allowed.empty() + !out.forbidden.empty() +
                      (out.min.has_value() || out.max.has_value());
    if (tests != 1) pack_fail(p, "a condition needs exactly one of allowed, forbidden, min/max");
    if (const json* u = optional_member(c, "unknown_passes")) {
      if (!u->is_boolean()) pack_fail(child(p, "unknown_passes"), "expected true or false");
      out.unknown_passes = u->get<bool>();
    }
    return out;
  }

  static bool matches(const condition& c, const fact_value& v, const json& x) {
    if (v.t == fact_value::type::boolean) return x.is_boolean() && x.get<bool>() == v.b;
    if (v.t == fact_value::type::code) {
      if (!x.is_string()) return false;
      const std::string& want = x.get_ref<const std::string&>();
      return c.match_email ? email_key(want) == email_key(v.code) : want == v.code;
    }
    return false;
  }

  static verdict test(const condition& c, const fact_value& v) {
    if (v.t == fact_value::type::unknown)
      return c.unknown_passes ? verdict::holds : verdict::unknown;
    auto is = [&](const json& x) { return matches(c, v, x); };
    if (std::any_of(c.review.begin(), c.review.end(), is)) return verdict::review;
    if (c.min || c.max)
      return (!c.min || v.i >= *c.min) && (!c.max || v.i <= *c.max) ? verdict::holds
                                                                    : verdict::fails;
    if (!c.allowed.empty())
      return std::any_of(c.allowed.begin(), c.allowed.end(), is) ? verdict::holds : verdict::fails;
    return std::none_of(c.forbidden.begin(), c.forbidden.end(), is) ? verdict::holds
                                                                    : verdict::fails;
  }

  localized show(const condition& c, const fact_value& v, const fact_source& src) const {
    switch (v.t) {
      case fact_value::type::boolean:
        return v.b ? localized{"是", "yes"} : localized{"否", "no"};
      case fact_value::type::code: {
        localized l =
            c.fact->ns.empty() ? both(std::string(v.code)) : n_.label_or_code(c.fact->ns, v.code);
        // A code with a detail the pack shows beside it: the field as the applicant names it.
        if (!c.fact->detail.empty() && src.entity != nullptr)
          return shown_code(n_, *src.entity, c.fact->declaration);
        return l;
      }
      case fact_value::type::integer:
        return c.unit.empty() ? both(std::to_string(v.i)) : quantity(n_, v.i, c.unit);
      case fact_value::type::unknown:
        break;
    }
    return {"未填写", "not given"};
  }

  /// `base`: the pointer the fact's path is under ("" for an application fact); `named`: the
  /// pointer of the organisation the message names (its name is made only for a violation).
  violation make(const condition& c, const fact_value& v, const fact_source& src,
                 const std::string& base, std::string_view named, verdict r) const {
    violation out;
    std::string rel(c.fact->path);
    if (auto at = rel.find("{year}"); at != std::string::npos)
      rel.replace(at, 6, std::to_string(c.year));
    out.path = base + rel;
    out.found = show(c, v, src);
    out.unknown = r == verdict::unknown;
    if (r == verdict::fails) out.message = c.message;
    if (r == verdict::review) {
      out.message = c.review_message.empty() ? c.message : c.review_message;
      out.level = severity::needs_review;
    }
    out.vars.emplace_back("item", n_.label_or_code("fact", c.fact->name));
    out.vars.emplace_back("year", both(c.year ? std::to_string(c.year) : std::string()));
    out.vars.emplace_back("name", entity_name(src.entity ? *src.entity : src.app.applicant, named));
    auto count = [&](std::int64_t x) {
      return c.unit.empty() ? both(std::to_string(x)) : quantity(n_, x, c.unit);
    };
    out.vars.emplace_back("min", c.min ? count(*c.min) : both(""));
    out.vars.emplace_back("max", c.max ? count(*c.max) : both(""));
    out.vars.emplace_back("count", v.t == fact_value::type::integer ? count(v.i) : both(""));
    return out;
  }

  void judge(const fact_source& src, const std::string& base, std::string_view named,
             std::vector<violation>& out) const {
    if (any_) {
      const condition* first_unknown = nullptr;
      const condition* first_review = nullptr;
      for (const auto& c : conditions_) {
        verdict r = test(c, c.fact->get(src, c.year));
        if (r == verdict::holds) return;
        if (r == verdict::unknown && !first_unknown) first_unknown = &c;
        if (r == verdict::review && !first_review) first_review = &c;
      }
      const condition& c = first_review    ? *first_review
                           : first_unknown ? *first_unknown
                                           : conditions_.front();
      const verdict r = first_review    ? verdict::review
                        : first_unknown ? verdict::unknown
                                        : verdict::fails;
      out.push_back(make(c, c.fact->get(src, c.year), src, base, named, r));
      return;
    }
    for (const auto& c : conditions_) {
      fact_value v = c.fact->get(src, c.year);
      verdict r = test(c, v);
      if (r != verdict::holds) out.push_back(make(c, v, src, base, named, r));
    }
  }

  const notice_data& n_;
  bool application_level_ = false;
  entity_scope scope_;
  bool any_ = false;
  std::vector<condition> conditions_;
};

}  // namespace

std::unique_ptr<requirement> make_facts(const json& params, const std::string& path,
                                        const notice_data& n) {
  return std::make_unique<facts_requirement>(params, path, n);
}

std::vector<std::string_view> shared_fact_names() {
  std::vector<std::string_view> out;
  for (const auto& f : shared_facts) out.push_back(f.name);
  return out;
}

std::vector<param_info> facts_params() { return describe<fp>(facts_desc); }
}  // namespace nxkx::detail
