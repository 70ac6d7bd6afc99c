#include "requirements/records_support.hpp"

#include <algorithm>
#include <map>

namespace nxkx::detail {

namespace {

/// A list shown in a finding stops after this many records; the rest are counted ("… 另 95 条").
constexpr std::size_t max_named = 8;

}  // namespace

namespace {
struct period_params {
  std::string start;
  std::string end = "completion_deadline";
};
constexpr param<period_params> period_desc[] = {
    {"start", &period_params::start,
     "`issued`, `approval_date_or_issued` (the application's approval date, else the notice's "
     "date) or a date",
     true},
    {"end", &period_params::end, "`completion_deadline` (the project type's) or a date"},
};

struct partner_params {
  std::string kind;
  std::string fact;
  std::optional<std::vector<std::string>> allowed;
};
constexpr param<partner_params> partner_desc[] = {
    {"kind", &partner_params::kind, "the applicant kind a partner is", true},
    {"fact", &partner_params::fact, "a code declaration of an organisation", true},
    {"allowed", &partner_params::allowed, "its codes that qualify", true},
};
}  // namespace

period_spec period_spec::from_json(const json* v, const std::string& pp) {
  if (!v) pack_fail(pp, "required field is missing", "pack.missing");
  if (!v->is_object()) pack_fail(pp, "expected an object such as {\"start\": \"issued\"}");
  const period_params p = read_params<period_params>(*v, pp, period_desc);
  period_spec s;
  const std::string& start = p.start;
  if (start == "approval_date_or_issued") {
    s.start_ = start_kind::approval_date_or_issued;
  } else if (start == "issued") {
    s.start_ = start_kind::issued;
  } else {
    const auto d = parse_date(start);
    if (!d)
      pack_fail(child(pp, "start"),
                "expected \"approval_date_or_issued\", \"issued\" or a date: " + d.why);
    s.start_ = start_kind::fixed;
    s.fixed_start_ = *d;
  }
  const std::string& end = p.end;
  if (end != "completion_deadline") {
    const auto d = parse_date(end);
    if (!d) pack_fail(child(pp, "end"), "expected \"completion_deadline\" or a date: " + d.why);
    s.end_ = end_kind::fixed;
    s.fixed_end_ = *d;
  }
  return s;
}

project_period period_spec::resolve(const eval_context& ctx) const {
  project_period p;
  switch (start_) {
    case start_kind::approval_date_or_issued:
      p.start = ctx.app.approval_date ? *ctx.app.approval_date : ctx.n.info.issued;
      break;
    case start_kind::issued:
      p.start = ctx.n.info.issued;
      break;
    case start_kind::fixed:
      p.start = fixed_start_;
      break;
  }
  p.end = end_ == end_kind::fixed ? fixed_end_ : ctx.type.completion_deadline;
  p.as_of = ctx.opt.as_of;
  return p;
}

std::optional<localized> date_problem(const std::optional<date>& d, const project_period& p) {
  if (!d) return localized{"未填日期", "no date"};
  const std::string on = format_date(*d);
  if (*d < p.start) {
    const std::string s = format_date(p.start);
    return localized{on + "，早于 " + s, on + ", before " + s};
  }
  if (*d > p.end) {
    const std::string e = format_date(p.end);
    return localized{on + "，晚于 " + e, on + ", after " + e};
  }
  if (*d > p.as_of) {
    const std::string a = format_date(p.as_of);
    return localized{on + "，晚于核验日期 " + a, on + ", after the date of the check " + a};
  }
  return std::nullopt;
}

localized describe(const project_period& p, const application& a) {
  localized out{format_date(p.start) + " 至 " + format_date(p.end),
                format_date(p.start) + " to " + format_date(p.end)};
  if (a.approval_date && *a.approval_date != p.start) {
    const std::string d = format_date(*a.approval_date);
    out.zh += "，立项日期 " + d + " 不缩短项目期";
    out.en += "; the approval date " + d + " does not shorten it";
  }
  return out;
}

void not_counted::add(std::string path, localized reason) {
  items_.emplace_back(std::move(path), std::move(reason));
}

localized not_counted::summary() const {
  if (items_.empty()) return {"", ""};
  const localized q = quantity(n_, static_cast<std::int64_t>(items_.size()), unit_);
  return {"；未计入 " + q.zh, "; " + q.en + " not counted"};
}

localized not_counted::render() const {
  if (items_.empty()) return {"", ""};
  const localized q = quantity(n_, static_cast<std::int64_t>(items_.size()), unit_);
  localized out{"；未计入 " + q.zh + "：", "; " + q.en + " not counted: "};
  const std::size_t shown = std::min(items_.size(), max_named);
  for (std::size_t i = 0; i < shown; ++i) {
    if (i > 0) {
      out.zh += "、";
      out.en += ", ";
    }
    out.zh += items_[i].first + "（" + items_[i].second.zh + "）";
    out.en += items_[i].first + " (" + items_[i].second.en + ")";
  }
  if (shown < items_.size()) {
    const localized rest = quantity(n_, static_cast<std::int64_t>(items_.size() - shown), unit_);
    out.zh += "、… 另 " + rest.zh;
    out.en += ", … and another " + rest.en;
  }
  return out;
}

std::optional<std::string> record_keys::repeat_of(const std::string& key, const std::string& path) {
  if (key.empty()) return std::nullopt;
  const auto [it, added] = seen_.try_emplace(key, path);
  if (added) return std::nullopt;
  return it->second;
}

localized record_keys::reason(const std::string& first) {
  return {"与 " + first + " 重复，只计一次", "the same as " + first + ", counted once"};
}

std::string key_part(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

std::vector<std::string> vocabulary_list(const json& params, std::string_view key,
                                         const std::string& path, const notice_data& n,
                                         std::string_view ns) {
  const json& arr = array_at(params, key, path);
  std::string ap = child(path, key);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < arr.size(); ++i) out.push_back(text(arr[i], child(ap, i)));
  return vocabulary_codes(out, ap, n, ns);
}

std::vector<std::string> vocabulary_codes(const std::vector<std::string>& codes,
                                          const std::string& ap, const notice_data& n,
                                          std::string_view ns) {
  if (codes.empty()) pack_fail(ap, "expected at least one code");
  for (std::size_t i = 0; i < codes.size(); ++i)
    if (!n.label(std::string(ns) + "." + codes[i]))
      pack_fail(child(ap, i),
                "unknown " + std::string(ns) + " \"" + codes[i] + "\" (not in the vocabulary)",
                "pack.unknown_code");
  return codes;
}

std::int64_t integer_param(const json& params, std::string_view key, const std::string& path,
                           std::int64_t lowest) {
  const json& v = member(params, key, path);
  if (!v.is_number_integer() || v.get<std::int64_t>() < lowest)
    pack_fail(child(path, key), "expected an integer of at least " + std::to_string(lowest));
  return v.get<std::int64_t>();
}

partner_spec partner_spec::from_json(const json* v, const std::string& pp, const notice_data& n) {
  if (!v) pack_fail(pp, "required field is missing", "pack.missing");
  if (!v->is_object())
    pack_fail(pp, "expected an object such as {\"kind\": …, \"fact\": …, \"allowed\": [...]}");
  const partner_params p = read_params<partner_params>(*v, pp, partner_desc);
  partner_spec s;
  s.kind = check_kinds({p.kind}, child(pp, "kind"), n).front();
  const std::string& fact = p.fact;
  s.fact = n.declaration(fact, declaration_scope::organisation);
  if (s.fact == static_cast<std::size_t>(-1) ||
      n.declarations[s.fact].type != declaration_type::code)
    pack_fail(child(pp, "fact"), "\"" + fact + "\" is not a code declaration of an organisation",
              "pack.unknown_code");
  const std::vector<std::string>& allowed = *p.allowed;
  if (allowed.empty()) pack_fail(child(pp, "allowed"), "expected at least one code");
  const std::string& ns = n.declarations[s.fact].codes;
  for (std::size_t i = 0; i < allowed.size(); ++i) {
    const std::string& code = allowed[i];
    if (!n.label(ns + "." + code))
      pack_fail(child(child(pp, "allowed"), i), "unknown code \"" + code + "\" of " + ns,
                "pack.unknown_code");
    s.allowed.push_back(code);
  }
  return s;
}

localized shown_code(const notice_data& n, const organisation& org, std::size_t index) {
  const declaration_info& d = n.declarations[index];
  const auto* code = std::get_if<std::string>(&org.declared.at(index));
  if (code == nullptr) return {"未填写", "not given"};
  localized l = n.label_or_code(d.codes, *code);
  if (!d.detail.empty()) {
    const std::size_t k = n.declaration(d.detail, d.scope);
    const auto* t = std::get_if<std::string>(&org.declared.at(k));
    if (t != nullptr && !t->empty()) {
      l.zh += "（" + *t + "）";
      l.en += " (" + *t + ")";
    }
  }
  return l;
}

std::vector<partner_status> judge_partners(const eval_context& ctx, const partner_spec& spec) {
  std::vector<partner_status> out;
  std::map<std::string, std::string, std::less<>> seen;  // applicant key → path of the first
  const division* region = ctx.n.divisions.region();
  const std::string region_name = region ? region->name : std::string("本区");
  for (std::size_t i = 0; i < ctx.app.joint_applicants.size(); ++i) {
    const organisation& org = ctx.app.joint_applicants[i];
    partner_status st;
    st.index = i;
    st.path = "/joint_applicants/" + std::to_string(i);
    st.credit_code = org.credit_code.value_or("");
    // A reason opens with the partner's name; most partners need none, so none is built ahead.
    auto reason = [&](std::string_view zh, std::string_view en) {
      localized r;
      if (!org.name.empty()) {
        r.zh = org.name + "，";
        r.en = org.name + ": ";
      }
      r.zh += zh;
      r.en += en;
      return r;
    };
    std::optional<localized> invalid, unknown;
    if (org.kind != spec.kind) {
      const localized k = kind_label(ctx.n, org.kind);
      const localized want = kind_label(ctx.n, spec.kind);
      invalid = reason("类型为" + k.zh + "，不是" + want.zh, "a " + k.en + ", not a " + want.en);
    }
    auto [it, first] = seen.try_emplace(applicant_key(org), st.path);
    if (!invalid && !first)
      invalid = reason("与 " + it->second + " 重复，只计一次",
                       "the same as " + it->second + ", counted once");
    if (!invalid) {
      if (!org.division) {
        unknown = reason("未填所在县（区、市）", "county not given");
      } else {
        const division* d = ctx.n.divisions.find(*org.division);
        if (!d || d->level != division_level::county) {
          const std::string shown = d ? d->name + " " + d->code : *org.division;
          invalid = reason(shown + " 不是" + region_name + "的县（区、市）",
                           shown + " is not a county-level division of " + region_name);
        }
      }
    }
    if (!invalid) {
      const declaration_info& fact = ctx.n.declarations[spec.fact];
      const auto* code = std::get_if<std::string>(&org.declared.at(spec.fact));
      if (code == nullptr) {
        if (!unknown) unknown = reason("未填" + fact.title.zh, fact.title.en + " not given");
      } else if (std::find(spec.allowed.begin(), spec.allowed.end(), *code) == spec.allowed.end()) {
        invalid = reason(fact.title.zh + "为" + shown_code(ctx.n, org, spec.fact).zh,
                         fact.title.en + " is " + shown_code(ctx.n, org, spec.fact).en);
      }
    }
    if (invalid) {
      st.verdict = partner_status::state::invalid;
      st.reason = std::move(*invalid);
    } else if (unknown) {
      st.verdict = partner_status::state::unknown;
      st.reason = std::move(*unknown);
    }
    out.push_back(std::move(st));
  }
  return out;
}

attendance_field attendance_code(const std::string& f, const std::string& path) {
  if (f == "attendance") return attendance_field::attendance;
  if (f == "offline_attendance") return attendance_field::offline_attendance;
  pack_fail(path, "expected \"attendance\" or \"offline_attendance\", found \"" + f + "\"");
}

std::optional<std::int64_t> attendance_of(const event& e, attendance_field f) {
  return f == attendance_field::offline_attendance ? e.offline_attendance : e.attendance;
}

localized missing_attendance(attendance_field f) {
  if (f == attendance_field::offline_attendance)
    return {"线下人数未填写", "offline attendance not given"};
  return {"人数未填写", "attendance not given"};
}

localized attendance_text(const notice_data& n, attendance_field f, std::int64_t people) {
  const localized q = quantity(n, people, "person");
  if (f == attendance_field::offline_attendance) return {"线下 " + q.zh, q.en + " on site"};
  return q;
}

}  // namespace nxkx::detail
