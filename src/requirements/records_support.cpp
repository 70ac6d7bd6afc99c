#include "requirements/records_support.hpp"

#include <algorithm>
#include <map>

namespace nxkx::detail {

namespace {

/// A list shown in a finding stops after this many records; the rest are counted ("… 另 95 条").
constexpr std::size_t max_named = 8;

}  // namespace

period_spec period_spec::from_params(const json& params, const std::string& path) {
  const json& p = member(params, "period", path);
  std::string pp = child(path, "period");
  if (!p.is_object()) pack_fail(pp, "expected an object such as {\"start\": \"issued\"}");
  for (const auto& [key, value] : p.items())
    if (key != "start" && key != "end")
      pack_fail(child(pp, key), "unknown field \"" + key + "\"", "pack.unknown_field");
  period_spec s;
  std::string start = text_at(p, "start", pp);
  if (start == "approval_date_or_issued") {
    s.start_ = start_kind::approval_date_or_issued;
  } else if (start == "issued") {
    s.start_ = start_kind::issued;
  } else {
    std::string why;
    auto d = parse_date(start, &why);
    if (!d)
      pack_fail(child(pp, "start"),
                "expected \"approval_date_or_issued\", \"issued\" or a date: " + why);
    s.start_ = start_kind::fixed;
    s.fixed_start_ = *d;
  }
  std::string end = text_or(p, "end", pp, "completion_deadline");
  if (end != "completion_deadline") {
    std::string why;
    auto d = parse_date(end, &why);
    if (!d) pack_fail(child(pp, "end"), "expected \"completion_deadline\" or a date: " + why);
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

void not_counted::add(std::string path, localized reason) {
  items_.emplace_back(std::move(path), std::move(reason));
}

localized not_counted::render() const {
  if (items_.empty()) return {"", ""};
  const std::string n = std::to_string(items_.size());
  localized out{"；未计入 " + n + " " + unit_.zh + "：",
                "; " + n + " " + unit_.en + (items_.size() == 1 ? "" : "s") + " not counted: "};
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
    const std::string rest = std::to_string(items_.size() - shown);
    out.zh += "、… 另 " + rest + " " + unit_.zh;
    out.en += ", … and " + rest + " more";
  }
  return out;
}

localized count_found(std::size_t counted, std::optional<std::int64_t> largest,
                      std::size_t skipped) {
  const std::string c = std::to_string(counted);
  localized out{"计入 " + c, c + " counted"};
  if (largest) {
    const std::string l = std::to_string(*largest);
    out.zh += "；最大一场 " + l + " 人";
    out.en += "; the largest had " + l;
  }
  if (skipped > 0) {
    const std::string s = std::to_string(skipped);
    out.zh += "；未计入 " + s;
    out.en += "; " + s + " not counted";
  }
  return out;
}

std::vector<std::string> vocabulary_list(const json& params, std::string_view key,
                                         const std::string& path, const notice_data& n,
                                         std::string_view ns) {
  const json& arr = array_at(params, key, path);
  std::string ap = child(path, key);
  if (arr.empty()) pack_fail(ap, "expected at least one code");
  std::vector<std::string> out;
  for (std::size_t i = 0; i < arr.size(); ++i) {
    std::string code = text(arr[i], child(ap, i));
    if (!n.label(std::string(ns) + "." + code))
      pack_fail(child(ap, i),
                "unknown " + std::string(ns) + " \"" + code + "\" (not in the vocabulary)",
                "pack.unknown_code");
    out.push_back(std::move(code));
  }
  return out;
}

std::int64_t integer_param(const json& params, std::string_view key, const std::string& path,
                           std::int64_t lowest) {
  const json& v = member(params, key, path);
  if (!v.is_number_integer() || v.get<std::int64_t>() < lowest)
    pack_fail(child(path, key), "expected an integer of at least " + std::to_string(lowest));
  return v.get<std::int64_t>();
}

partner_spec partner_spec::from_params(const json& params, const std::string& path) {
  const json& p = member(params, "partner", path);
  std::string pp = child(path, "partner");
  if (!p.is_object()) pack_fail(pp, "expected an object such as {\"fields\": [...]}");
  for (const auto& [key, value] : p.items())
    if (key != "fields")
      pack_fail(child(pp, key), "unknown field \"" + key + "\"", "pack.unknown_field");
  const json& fields = array_at(p, "fields", pp);
  if (fields.empty()) pack_fail(child(pp, "fields"), "expected at least one field");
  partner_spec s;
  for (std::size_t i = 0; i < fields.size(); ++i)
    s.fields.push_back(
        code_at<grassroots_field>(fields[i], child(child(pp, "fields"), i), "grassroots field"));
  return s;
}

std::vector<partner_status> judge_partners(const eval_context& ctx, const partner_spec& spec) {
  std::vector<partner_status> out;
  std::map<std::string, std::string, std::less<>> seen;  // applicant key → path of the first
  const division* region = ctx.n.divisions.region();
  const std::string region_name = region ? region->name : std::string("本区");
  for (std::size_t i = 0; i < ctx.app.joint_applicants.size(); ++i) {
    const applicant& org = ctx.app.joint_applicants[i].organisation;
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
    if (org.kind != applicant_kind::grassroots_society) {
      const localized k = kind_label(ctx.n, org.kind);
      invalid = reason("类型为" + k.zh + "，不是基层“三会”", "a " + k.en + ", not a 基层“三会”");
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
      if (!org.field) {
        if (!unknown) unknown = reason("未填领域", "field not given");
      } else if (std::find(spec.fields.begin(), spec.fields.end(), *org.field) ==
                 spec.fields.end()) {
        const localized f = ctx.n.label_or_code("grassroots_field", to_code(*org.field));
        invalid = reason("领域为" + f.zh, "field is " + f.en);
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

attendance_field attendance_param(const json& params, const std::string& path) {
  std::string f = text_or(params, "attendance", path, "attendance");
  if (f == "attendance") return attendance_field::attendance;
  if (f == "offline_attendance") return attendance_field::offline_attendance;
  pack_fail(child(path, "attendance"),
            "expected \"attendance\" or \"offline_attendance\", found \"" + f + "\"");
}

std::optional<std::int64_t> attendance_of(const event& e, attendance_field f) {
  return f == attendance_field::offline_attendance ? e.offline_attendance : e.attendance;
}

localized missing_attendance(attendance_field f) {
  if (f == attendance_field::offline_attendance)
    return {"未填线下参会人数", "no offline attendance"};
  return {"未填参加人数", "no attendance"};
}

}  // namespace nxkx::detail
