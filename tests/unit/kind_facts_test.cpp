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
  decl(app.applicant, "supervised_by_association") = false;
  decl(app.applicant, "group_member") = true;
  EXPECT_EQ(find_rule(check(notice::builtin(), app, may20()), "eligibility.society_affiliation"),
            nullptr);
}

TEST(KindFacts, NeitherDeclarationIsRejected) {
  auto app = good_application();
  decl(app.applicant, "supervised_by_association") = false;
  decl(app.applicant, "group_member") = false;
  auto r = check(notice::builtin(), app, may20());
  const finding* f = find_rule(r, "eligibility.society_affiliation");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->level, severity::rejected);
  EXPECT_FALSE(f->unknown);
}

TEST(KindFacts, UnknownIsNeverNo) {
  auto app = good_application();
  decl(app.applicant, "supervised_by_association").reset();
  decl(app.applicant, "group_member").reset();
  auto r = check(notice::builtin(), app, may20());
  const finding* f = find_rule(r, "eligibility.society_affiliation");
  ASSERT_NE(f, nullptr);
  EXPECT_TRUE(f->unknown);
  EXPECT_EQ(f->level, severity::incomplete);
  EXPECT_EQ(r.decision, decision::incomplete);
}

TEST(KindFacts, EachMissingConditionIsItsOwnFinding) {
  auto app = good_application();
  decl(app.applicant, "legal_person") = false;
  decl(app.applicant, "own_account").reset();
  auto r = check(notice::builtin(), app, may20());
  int n = 0;
  for (const auto& f : r.findings)
    if (f.rule_id == "eligibility.basic_conditions") {
      ++n;
      if (f.path == "/applicant/legal_person") {
        EXPECT_EQ(f.level, severity::needs_review);
        EXPECT_NE(f.message(lang::zh).find("独立法人资格"), std::string::npos);
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
  app.applicant.history.erase(2023);
  decl(app.applicant.history[2024], "annual_inspection") = "unqualified";
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
  decl(app.applicant.history[2024], "annual_inspection") = "basically_qualified";
  EXPECT_TRUE(check(notice::builtin(), app, may20()).findings.empty());
}

TEST(KindFacts, GradeCAndPenaltyAndProjects) {
  auto app = good_application();
  decl(app.applicant.history[2024], "evaluation_grade") = "c";
  decl(app.applicant.history[2024], "penalized") = true;
  decl(app.applicant.history[2024], "projects") = "not_completed";
  auto r = check(notice::builtin(), app, may20());
  EXPECT_EQ(rule_ids(r),
            (std::vector<std::string>{"disqualification.evaluation_grade",
                                      "disqualification.penalty", "disqualification.projects"}));
  EXPECT_EQ(find_rule(r, "disqualification.evaluation_grade")->found.zh, "C");
}

TEST(KindFacts, NoProjectsAssignedIsFine) {
  auto app = good_application();
  decl(app.applicant.history[2024], "projects") = "none_assigned";
  EXPECT_TRUE(check(notice::builtin(), app, may20()).findings.empty());
}

TEST(KindFacts, SocietyRulesDoNotApplyToParks) {
  auto app = good_application("park_sta_capacity");
  app.applicant.history.clear();
  EXPECT_TRUE(check(notice::builtin(), app, may20()).findings.empty());
}

TEST(KindFacts, MinimumCount) {
  auto app = good_application();
  app.submission.paper_copies = 1;
  app.plan.work_measures = {"  ", ""};
  auto r = check(notice::builtin(), app, may20());
  EXPECT_EQ(rule_ids(r),
            (std::vector<std::string>{"application.work_measures", "submission.copies"}));
  EXPECT_EQ(find_rule(r, "submission.copies")->found.en, "1 copy");
  EXPECT_EQ(find_rule(r, "submission.copies")->message(lang::zh), "纸质版只有 1 份，需一式 2 份");
  EXPECT_EQ(find_rule(r, "submission.copies")->message(lang::en),
            "only 1 copy of the paper form, 2 copies required");
  EXPECT_EQ(find_rule(r, "submission.copies")->expected(lang::zh), "纸质版一式 2 份");
}

TEST(KindFacts, JointApplicantsEachSignAndSeal) {
  auto app = good_application("grassroots_societies_capacity");
  decl(app.joint_applicants[2], "head_signed") = false;
  decl(app.joint_applicants[0], "sealed").reset();
  auto r = check(notice::builtin(), app, may20());
  std::vector<std::string> paths, messages;
  for (const auto& f : r.findings) {
    paths.push_back(f.path);
    messages.push_back(f.message(lang::zh));
  }
  EXPECT_EQ(paths, (std::vector<std::string>{"/joint_applicants/0/sealed",
                                             "/joint_applicants/2/head_signed"}));
  // Each says what is wrong: never "负责人签署意见" for a head who did not sign.
  EXPECT_EQ(messages, (std::vector<std::string>{"联合申报单位基层学会640122未说明加盖单位公章情况",
                                                "联合申报单位基层学会640402负责人未签署意见"}));
}

// 二(二) rev. 2: for every 申报单位, joint applicants included, each named.
TEST(KindFacts, BasicConditionsHoldForEveryApplicant) {
  auto app = good_application("grassroots_societies_capacity");
  decl(app.joint_applicants[1], "own_account") = false;
  decl(app.joint_applicants[2], "has_capacity").reset();
  auto r = check(notice::builtin(), app, may20());
  std::vector<std::string> paths, messages;
  for (const auto& f : r.findings) {
    EXPECT_EQ(f.rule_id, "eligibility.basic_conditions");
    paths.push_back(f.path);
    messages.push_back(f.message(lang::en));
  }
  EXPECT_EQ(paths, (std::vector<std::string>{"/joint_applicants/2/has_capacity",
                                             "/joint_applicants/1/own_account"}));
  EXPECT_EQ(
      messages,
      (std::vector<std::string>{
          "基层学会640402 does not declare whether it has the people and means to do the work",
          "基层学会640302 lacks an independent bank account"}));
  EXPECT_EQ(r.decision, decision::incomplete);
}

// 二(三)1 rev. 2: a society too young to have been due for an inspection says so: a person
// checks it. Either year missing still rejects; one missing year is one finding.
TEST(KindFacts, AnInspectionNotYetDueGoesToAPerson) {
  auto app = good_application();
  decl(app.applicant.history[2023], "annual_inspection") = "not_due";
  auto r = check(notice::builtin(), app, may20());
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].level, severity::needs_review);
  EXPECT_EQ(r.findings[0].message(lang::zh),
            "声明2023年未到年检时间（成立不久，当年尚无年检），请人工核实");
  decl(app.applicant.history[2023], "annual_inspection") = "not_participated";
  r = check(notice::builtin(), app, may20());
  EXPECT_EQ(r.findings.at(0).message(lang::zh), "2023年未参加年检");
  EXPECT_EQ(r.decision, decision::rejected);
  decl(app.applicant.history[2023], "annual_inspection") = "qualified";
  decl(app.applicant.history[2024], "annual_inspection") = "unqualified";
  r = check(notice::builtin(), app, may20());
  EXPECT_EQ(r.findings.at(0).message(lang::en), "failed the 2024 annual inspection");
  decl(app.applicant.history[2024], "annual_inspection").reset();
  r = check(notice::builtin(), app, may20());
  ASSERT_EQ(r.findings.size(), 1u);  // two conditions read 2024's result: one finding
  EXPECT_TRUE(r.findings[0].unknown);
  EXPECT_EQ(r.findings[0].message(lang::zh), "未填写2024年年检情况");
}

// 二(一) rev. 2: a 基层"三会" of another field is expressible, so that the rejection can fire.
TEST(KindFacts, AGrassrootsSocietyOfAnotherFieldIsRejected) {
  auto app = good_application("grassroots_societies_capacity");
  decl(app.joint_applicants[0], "field") = "other";
  decl(app.joint_applicants[0], "field_name") = "工业技术";
  auto r = check(notice::builtin(), app, may20());
  const finding* f = find_rule(r, "eligibility.grassroots_field");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(
      f->message(lang::zh),
      "基层“三会”基层学会640122的领域为其他领域（工业技术），不属科技教育、医疗卫生、农业技术");
  EXPECT_EQ(r.decision, decision::rejected);
}

TEST(KindFacts, WordVersionAddressIsChecked) {
  auto app = good_application();
  app.submission.word_version.sent_to = "someone@example.com";
  auto r = check(notice::builtin(), app, may20());
  ASSERT_NE(find_rule(r, "submission.word_version"), nullptr);
  EXPECT_EQ(find_rule(r, "submission.word_version")->message(lang::zh),
            "申报书word版发送至someone@example.com，不是通知指定的电子信箱nxkxxhb@163.com");
  app.submission.word_version.sent_to.reset();  // unknown address, but e-mailed: passes
  EXPECT_TRUE(check(notice::builtin(), app, may20()).findings.empty());
  // FACTS: an address is compared without case and surrounding white space.
  for (const char* same : {"NXKXXHB@163.com", " nxkxxhb@163.COM\t", "\u3000nxkxxhb@163.com"}) {
    app.submission.word_version.sent_to = same;
    EXPECT_TRUE(check(notice::builtin(), app, may20()).findings.empty()) << same;
  }
  app.submission.word_version.sent_to = "nxkx xhb@163.com";  // a space inside is another address
  EXPECT_NE(find_rule(check(notice::builtin(), app, may20()), "submission.word_version"), nullptr);
  // Not sent: says so, never the positive fact.
  app.submission.word_version.sent_to.reset();
  app.submission.word_version.emailed = false;
  r = check(notice::builtin(), app, may20());
  EXPECT_EQ(find_rule(r, "submission.word_version")->message(lang::zh), "未发送申报书word版");
  EXPECT_EQ(find_rule(r, "submission.word_version")->message(lang::en),
            "the Word version was not e-mailed");
}

}  // namespace
}  // namespace nxkx
