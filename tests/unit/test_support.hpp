// Test helpers: a typed application that the 2025 notice accepts, to break one fact at a time.
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "nxkx/nxkx.hpp"

namespace nxkx::test {

inline date ymd(int y, unsigned m, unsigned d) {
  return std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d};
}

inline applicant good_society() {
  applicant a;
  a.name = "宁夏测试学会";
  a.credit_code = "51640000MJX000018H";
  a.kind = applicant_kind::society;
  a.division = "640000";
  a.legal_person = a.own_account = a.has_capacity = true;
  a.supervised_by_association = true;
  a.group_member = false;
  a.history[2023].annual_inspection = inspection_result::qualified;
  year_record& y = a.history[2024];
  y.annual_inspection = inspection_result::qualified;
  y.penalized = false;
  y.projects = project_completion::completed;
  y.evaluation_grade = evaluation_grade::b;
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
  app.lead = good_society();
  if (type == "park_sta_capacity" || type == "haizhi_base_capacity") {
    app.lead.kind =
        type == "park_sta_capacity" ? applicant_kind::park_sta : applicant_kind::haizhi_base;
    app.lead.credit_code = "52640100MJX000026E";
    app.lead.division = "640106";
    app.lead.establishment_approved = true;
    app.lead.approved_by_cast = true;
    app.letter = recommendation_letter{"银川市科学技术协会", "640100", ymd(2025, 5, 10)};
  } else if (type == "returnee_alliance_capacity") {
    app.lead.kind = applicant_kind::returnee_alliance;
    app.lead.credit_code = "52640100MJX000026E";
  } else if (type == "grassroots_societies_capacity") {
    // Three distinct 基层"三会": the same credit code twice would count once (一(二)2(1)).
    const char* codes[] = {"51640122MJX000114U", "51640302MJX0001222", "51640402MJX0020057"};
    int k = 0;
    for (const char* div : {"640122", "640302", "640402"}) {
      joint_applicant j;
      j.organisation.name = std::string("基层学会") + div;
      j.organisation.kind = applicant_kind::grassroots_society;
      j.organisation.credit_code = codes[k++];
      j.organisation.division = div;
      j.organisation.field = grassroots_field::agriculture;
      // 二(二) holds for every 申报单位, joint applicants included.
      j.organisation.legal_person = j.organisation.own_account = j.organisation.has_capacity = true;
      j.head_signed = j.sealed = true;
      app.joint_applicants.push_back(j);
    }
  }
  app.submitted.paper_copies = 2;
  app.submitted.sealed = true;
  app.submitted.delivery = delivery_method::courier;
  app.submitted.dispatch_date = ymd(2025, 5, 16);
  app.submitted.word.emailed = true;
  app.submitted.word.sent_to = "nxkxxhb@163.com";
  app.form_parts.parts =
      std::vector<std::string>{"basic_info", "project_content", "work_measures",    "targets",
                               "schedule",   "budget",          "applicant_opinion"};
  app.project_plan.work_measures = {"举办培训交流活动"};
  app.project_plan.targets = good_targets(type);
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
