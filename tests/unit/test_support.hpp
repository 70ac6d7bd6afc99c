// Test helpers: a typed application that the 2025 notice accepts, to break one fact at a time.
#pragma once

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "nxkx/nxkx.hpp"

namespace nxkx::test {

inline date ymd(int y, unsigned m, unsigned d) {
  return std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d};
}

/// A declaration of the built-in pack in an application built by hand, by its name in the pack:
/// `decl(app.applicant, "legal_person") = true`, `decl(app.applicant.history[2024],
/// "annual_inspection") = "qualified"`, `decl(app.submission, "dispatch_date") = ymd(…)`.
class decl_ref {
 public:
  decl_ref(declarations& d, std::size_t index) : d_(d), index_(index) {}
  decl_ref& operator=(bool v) { return put(v); }
  decl_ref& operator=(int v) { return put(std::int64_t{v}); }
  decl_ref& operator=(std::int64_t v) { return put(v); }
  decl_ref& operator=(date v) { return put(v); }
  decl_ref& operator=(const char* v) { return put(std::string(v)); }
  decl_ref& operator=(std::string v) { return put(std::move(v)); }
  decl_ref& operator=(const decl_ref& o) { return put(o.value()); }
  void reset() { d_.set(index_, std::monostate{}); }
  const declared_value& value() const { return d_.at(index_); }
  bool has_value() const { return !std::holds_alternative<std::monostate>(value()); }
  /// The value as a date, or nullopt when it is not one (unknown).
  std::optional<date> as_date() const {
    if (const date* d = std::get_if<date>(&value())) return *d;
    return std::nullopt;
  }
  friend bool operator==(const decl_ref& r, bool v) { return r.value() == declared_value(v); }
  friend bool operator==(const decl_ref& r, const char* v) {
    return r.value() == declared_value(std::string(v));
  }
  friend bool operator==(const decl_ref& r, const std::string& v) {
    return r.value() == declared_value(v);
  }
  friend bool operator==(const decl_ref& r, date v) { return r.value() == declared_value(v); }
  friend bool operator==(const decl_ref& r, const decl_ref& o) { return r.value() == o.value(); }
  friend std::ostream& operator<<(std::ostream& os, const decl_ref& r) {
    std::visit(
        [&](const auto& v) {
          using V = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<V, std::monostate>)
            os << "(unknown)";
          else if constexpr (std::is_same_v<V, date>)
            os << format_date(v);
          else
            os << v;
        },
        r.value());
    return os;
  }

 private:
  decl_ref& put(declared_value v) {
    d_.set(index_, std::move(v));
    return *this;
  }
  declarations& d_;
  std::size_t index_;
};

inline std::size_t decl_index(std::string_view name, std::initializer_list<declaration_scope> in) {
  for (declaration_scope s : in)
    if (auto i = notice::builtin().declaration_index(name, s)) return *i;
  throw std::logic_error("the built-in pack has no declaration " + std::string(name));
}

// decl() takes const objects too, to read them (EXPECT_EQ(decl(a.applicant, "field"), "health")):
// the reference is only assigned through for objects the test itself made.
/// An organisation's declaration (scope organisation, or joint_applicant).
inline decl_ref decl(const organisation& o, std::string_view name) {
  return {const_cast<declarations&>(o.declared),
          decl_index(name, {declaration_scope::organisation, declaration_scope::joint})};
}
/// A declaration of one year of an organisation's history.
inline decl_ref decl(const declarations& year, std::string_view name) {
  return {const_cast<declarations&>(year), decl_index(name, {declaration_scope::history})};
}
inline decl_ref decl(const submission& s, std::string_view name) {
  return {const_cast<declarations&>(s.declared), decl_index(name, {declaration_scope::submission})};
}
inline decl_ref decl(const application& a, std::string_view name) {
  return {const_cast<declarations&>(a.declared),
          decl_index(name, {declaration_scope::application})};
}

inline organisation good_society() {
  organisation a;
  a.name = "宁夏测试学会";
  a.credit_code = "51640000MJX000018H";
  a.kind = "society";
  a.division = "640000";
  decl(a, "legal_person") = true;
  decl(a, "own_account") = true;
  decl(a, "has_capacity") = true;
  decl(a, "supervised_by_association") = true;
  decl(a, "group_member") = false;
  decl(a.history[2023], "annual_inspection") = "qualified";
  declarations& y = a.history[2024];
  decl(y, "annual_inspection") = "qualified";
  decl(y, "penalized") = false;
  decl(y, "projects") = "completed";
  decl(y, "evaluation_grade") = "b";
  return a;
}

/// Plan targets that meet the notice's minimums for `type` (三(三) 目标合理).
inline std::map<std::string, std::int64_t> good_targets(const std::string& type) {
  if (type == "park_sta_capacity")
    return {{"events", 4},
            {"transfers", 1},
            {"platform_items", 100},
            {"media_reports", 1},
            {"texts", 1}};
  if (type == "haizhi_base_capacity")
    return {{"events", 4}, {"platform_items", 100}, {"media_reports", 1}, {"texts", 1}};
  if (type == "returnee_alliance_capacity")
    return {
        {"service_events", 2}, {"popular_science_events", 2}, {"salon_events", 2}, {"texts", 1}};
  if (type == "grassroots_societies_capacity")
    return {{"partners", 3}, {"events", 5}, {"texts", 1}};
  if (type == "regional_academic_exchange")
    return {{"events", 1}, {"experts", 2}, {"offline_attendance", 200}, {"texts", 1}};
  return {{"events", 2}, {"texts", 1}};
}

/// An application for `type` that the 2025 notice accepts as of 2025-05-20.
inline application good_application(const std::string& type = "society_capacity") {
  application app;
  app.id = "T-1";
  app.project_type = type;
  app.title = "测试项目";
  app.applicant = good_society();
  if (type == "park_sta_capacity" || type == "haizhi_base_capacity") {
    app.applicant.kind = type == "park_sta_capacity" ? "park_sta" : "haizhi_base";
    app.applicant.credit_code = "52640100MJX000026E";
    app.applicant.division = "640106";
    decl(app.applicant, "establishment_approved") = true;
    decl(app.applicant, "approved_by_cast") = true;
    app.recommendation_letter =
        recommendation_letter{"银川市科学技术协会", "640100", ymd(2025, 5, 10)};
  } else if (type == "returnee_alliance_capacity") {
    app.applicant.kind = "returnee_alliance";
    app.applicant.credit_code = "52640100MJX000026E";
  } else if (type == "grassroots_societies_capacity") {
    // Three distinct 基层"三会": the same credit code twice would count once (一(二)2(1)).
    const char* codes[] = {"51640122MJX000114U", "51640302MJX0001222", "51640402MJX0020057"};
    int k = 0;
    for (const char* div : {"640122", "640302", "640402"}) {
      joint_applicant j;
      j.name = std::string("基层学会") + div;
      j.kind = "grassroots_society";
      j.credit_code = codes[k++];
      j.division = div;
      decl(j, "field") = "agriculture";
      // 二(二) holds for every 申报单位, joint applicants included.
      decl(j, "legal_person") = decl(j, "own_account") = decl(j, "has_capacity") = true;
      decl(j, "head_signed") = decl(j, "sealed") = true;
      app.joint_applicants.push_back(j);
    }
  }
  app.submission.paper_copies = 2;
  app.submission.sealed = true;
  app.submission.delivery = "courier";
  decl(app.submission, "dispatch_date") = ymd(2025, 5, 16);
  app.submission.word_version.emailed = true;
  app.submission.word_version.sent_to = "nxkxxhb@163.com";
  app.form.parts =
      std::vector<std::string>{"basic_info", "project_content", "work_measures",    "targets",
                               "schedule",   "budget",          "applicant_opinion"};
  app.plan.work_measures = {"举办培训交流活动"};
  app.plan.targets = good_targets(type);
  return app;
}

inline check_options as_of(date d) {
  check_options o;
  o.as_of = d;
  return o;
}

inline check_options may20() { return as_of(ymd(2025, 5, 20)); }

/// The rule ids of a report's findings, sorted.
inline std::vector<std::string> rule_ids(const report& r) {
  std::vector<std::string> out;
  for (const auto& f : r.findings) out.push_back(f.rule_id);
  std::sort(out.begin(), out.end());
  return out;
}

inline const finding* find_rule(const report& r, std::string_view id) {
  for (const auto& f : r.findings)
    if (f.rule_id == id) return &f;
  return nullptr;
}

}  // namespace nxkx::test

namespace nxkx {
// Found by argument-dependent lookup beside the model's types: decl(app.applicant, "field").
using test::decl;
}  // namespace nxkx
