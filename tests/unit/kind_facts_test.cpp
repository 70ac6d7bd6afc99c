#include <gtest/gtest.h>

#include "test_support.hpp"

namespace nxkx {
namespace {

using test::find_rule;
using test::good_application;
using test::may20;
using test::rule_ids;

TEST(KindFacts, AnyOfTwoDeclarationsSuffices) {
  auto app = good_application();
  app.lead.supervised_by_association = false;
  app.lead.group_member = true;
  EXPECT_EQ(find_rule(check(notice::builtin(), app, may20()), "eligibility.society_affiliation"),
            nullptr);
}

TEST(KindFacts, NeitherDeclarationIsRejected) {
  auto app = good_application();
  app.lead.supervised_by_association = false;
  app.lead.group_member = false;
  auto r = check(notice::builtin(), app, may20());
  const finding* f = find_rule(r, "eligibility.society_affiliation");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->level, severity::rejected);
  EXPECT_FALSE(f->unknown);
}

TEST(KindFacts, UnknownIsNeverNo) {
  auto app = good_application();
  app.lead.supervised_by_association.reset();
  app.lead.group_member.reset();
  auto r = check(notice::builtin(), app, may20());
  const finding* f = find_rule(r, "eligibility.society_affiliation");
  ASSERT_NE(f, nullptr);
  EXPECT_TRUE(f->unknown);
  EXPECT_EQ(f->level, severity::incomplete);
  EXPECT_EQ(r.decision, decision::incomplete);
}

TEST(KindFacts, EachMissingConditionIsItsOwnFinding) {
  auto app = good_application();
  app.lead.legal_person = false;
  app.lead.own_account.reset();
  auto r = check(notice::builtin(), app, may20());
  int n = 0;
  for (const auto& f : r.findings)
    if (f.rule_id == "eligibility.basic_conditions") {
      ++n;
      if (f.path == "/applicant/legal_person") {
        EXPECT_EQ(f.level, severity::needs_review);
        EXPECT_NE(f.message.zh.find("独立法人资格"), std::string::npos);
      } else {
        EXPECT_EQ(f.path, "/applicant/own_account");
        EXPECT_EQ(f.level, severity::incomplete);
      }
    }
  EXPECT_EQ(n, 2);
  EXPECT_EQ(r.decision, decision::incomplete);
}

TEST(KindFacts, YearlyFactsNameTheYear) {
  auto app = good_application();
  app.lead.history.erase(2023);
  app.lead.history[2024].annual_inspection = inspection_result::unqualified;
  auto r = check(notice::builtin(), app, may20());
  std::vector<std::string> paths;
  for (const auto& f : r.findings)
    if (f.rule_id == "disqualification.annual_inspection") paths.push_back(f.path);
  ASSERT_EQ(paths.size(), 2u);
  EXPECT_EQ(paths[0], "/applicant/history/2024/annual_inspection");  // rejected sorts first
  EXPECT_EQ(paths[1], "/applicant/history/2023/annual_inspection");
  EXPECT_EQ(r.decision, decision::rejected);
}

TEST(KindFacts, BasicallyQualifiedIsNotFailing) {
  auto app = good_application();
  app.lead.history[2024].annual_inspection = inspection_result::basically_qualified;
  EXPECT_TRUE(check(notice::builtin(), app, may20()).findings.empty());
}

TEST(KindFacts, GradeCAndPenaltyAndProjects) {
  auto app = good_application();
  app.lead.history[2024].evaluation_grade = evaluation_grade::c;
  app.lead.history[2024].penalized = true;
  app.lead.history[2024].projects = project_completion::not_completed;
  auto r = check(notice::builtin(), app, may20());
  EXPECT_EQ(rule_ids(r),
            (std::vector<std::string>{"disqualification.evaluation_grade",
                                      "disqualification.penalty", "disqualification.projects"}));
  EXPECT_EQ(find_rule(r, "disqualification.evaluation_grade")->found.zh, "C");
}

TEST(KindFacts, NoProjectsAssignedIsFine) {
  auto app = good_application();
  app.lead.history[2024].projects = project_completion::none_assigned;
  EXPECT_TRUE(check(notice::builtin(), app, may20()).findings.empty());
}

TEST(KindFacts, SocietyRulesDoNotApplyToParks) {
  auto app = good_application("park_sta_capacity");
  app.lead.history.clear();
  EXPECT_TRUE(check(notice::builtin(), app, may20()).findings.empty());
}

TEST(KindFacts, MinimumCount) {
  auto app = good_application();
  app.submitted.paper_copies = 1;
  app.project_plan.work_measures = {"  ", ""};
  auto r = check(notice::builtin(), app, may20());
  EXPECT_EQ(rule_ids(r),
            (std::vector<std::string>{"application.work_measures", "submission.copies"}));
  EXPECT_EQ(find_rule(r, "submission.copies")->found.en, "1");
  EXPECT_EQ(find_rule(r, "submission.copies")->expected.zh, "一式2份");
}

TEST(KindFacts, JointApplicantsEachSignAndSeal) {
  auto app = good_application("grassroots_societies_capacity");
  app.joint_applicants[2].head_signed = false;
  app.joint_applicants[0].sealed.reset();
  auto r = check(notice::builtin(), app, may20());
  std::vector<std::string> paths;
  for (const auto& f : r.findings) paths.push_back(f.path);
  std::sort(paths.begin(), paths.end());
  EXPECT_EQ(paths, (std::vector<std::string>{"/joint_applicants/0/sealed",
                                             "/joint_applicants/2/head_signed"}));
}

TEST(KindFacts, WordVersionAddressIsChecked) {
  auto app = good_application();
  app.submitted.word.sent_to = "someone@example.com";
  auto r = check(notice::builtin(), app, may20());
  ASSERT_NE(find_rule(r, "submission.word_version"), nullptr);
  app.submitted.word.sent_to.reset();  // unknown address, but e-mailed: passes
  EXPECT_TRUE(check(notice::builtin(), app, may20()).findings.empty());
}

}  // namespace
}  // namespace nxkx
