#include <gtest/gtest.h>

#include "test_support.hpp"

namespace nxkx {
namespace {

using test::find_rule;
using test::good_application;
using test::may20;

TEST(KindCreditCode, ValidCodesPass) {
  EXPECT_EQ(
      find_rule(check(notice::builtin(), good_application(), may20()), "identity.credit_code"),
      nullptr);
}

TEST(KindCreditCode, BadCheckCharacterIsIncompleteByDefault) {
  auto app = good_application();
  app.applicant.credit_code = "51640000MJX000018J";
  auto r = check(notice::builtin(), app, may20());
  const finding* f = find_rule(r, "identity.credit_code");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->level, severity::incomplete);
  EXPECT_EQ(f->path, "/applicant/credit_code");
  EXPECT_NE(f->message(lang::en).find("should be H"), std::string::npos) << f->message(lang::en);
}

TEST(KindCreditCode, SeverityOfABadCheckIsASetting) {
  auto app = good_application();
  app.applicant.credit_code = "51640000MJX000018J";
  check_options o = may20();
  o.bad_credit_code = severity::needs_review;
  auto r = check(notice::builtin(), app, o);
  EXPECT_EQ(find_rule(r, "identity.credit_code")->level, severity::needs_review);
  EXPECT_EQ(r.decision, decision::needs_review);
}

TEST(KindCreditCode, JointApplicantsAreCheckedToo) {
  auto app = good_application("grassroots_societies_capacity");
  app.joint_applicants[1].credit_code = "91640100";
  auto r = check(notice::builtin(), app, may20());
  const finding* f = find_rule(r, "identity.credit_code");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->path, "/joint_applicants/1/credit_code");
  EXPECT_EQ(f->level, severity::incomplete);
}

TEST(KindCreditCodeType, SocietyNeedsASocialOrganisationCode) {
  auto app = good_application();
  app.applicant.credit_code = "52640100MJX000026E";
  auto r = check(notice::builtin(), app, may20());
  const finding* f = find_rule(r, "eligibility.society_org_type");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->level, severity::needs_review);
  EXPECT_FALSE(f->interpretation().empty());
}

// One missing fact, one finding: the credit code's rule says it is missing; the rules that read
// the code's type and registration say nothing more.
TEST(KindCreditCodeType, AMissingCodeIsOneFinding) {
  auto app = good_application();
  app.applicant.credit_code.reset();
  auto r = check(notice::builtin(), app, may20());
  ASSERT_EQ(r.findings.size(), 1u) << to_text(r, lang::en);
  EXPECT_EQ(r.findings[0].rule_id, "identity.credit_code");
  EXPECT_TRUE(r.findings[0].unknown);
  EXPECT_EQ(r.findings[0].message(lang::zh), "宁夏测试学会未填写统一社会信用代码");
  EXPECT_EQ(r.decision, decision::incomplete);
  app.applicant.credit_code = "5164000";  // malformed: the same, one finding
  r = check(notice::builtin(), app, may20());
  EXPECT_EQ(test::rule_ids(r), (std::vector<std::string>{"identity.credit_code"}));
}

// 二(一) rev. 2: a 全区学会 is registered with the region's 民政厅 (positions 3-8 are 640000); a
// society registered with a city is most likely a city society: a person checks it.
TEST(KindCreditCodeType, ASocietyRegisteredBelowTheRegionNeedsReview) {
  auto app = good_application();
  app.applicant.credit_code = "51640100MJX0001065";
  ASSERT_TRUE(check_credit_code(*app.applicant.credit_code).ok());
  auto r = check(notice::builtin(), app, may20());
  EXPECT_EQ(test::rule_ids(r), (std::vector<std::string>{"eligibility.society_registration"}));
  EXPECT_EQ(r.decision, decision::needs_review);
  EXPECT_NE(r.findings[0].message(lang::zh).find("第3—8位为银川市（640100）"), std::string::npos)
      << r.findings[0].message(lang::zh);
  app.applicant.credit_code = "51640000MJX000018H";
  EXPECT_EQ(check(notice::builtin(), app, may20()).decision, decision::accepted);
}

}  // namespace
}  // namespace nxkx
