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
  app.lead.credit_code = "51640000MJX000018J";
  auto r = check(notice::builtin(), app, may20());
  const finding* f = find_rule(r, "identity.credit_code");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->level, severity::incomplete);
  EXPECT_EQ(f->path, "/applicant/credit_code");
  EXPECT_NE(f->message.en.find("should be H"), std::string::npos) << f->message.en;
}

TEST(KindCreditCode, SeverityOfABadCheckIsASetting) {
  auto app = good_application();
  app.lead.credit_code = "51640000MJX000018J";
  check_options o = may20();
  o.bad_credit_code = severity::needs_review;
  auto r = check(notice::builtin(), app, o);
  EXPECT_EQ(find_rule(r, "identity.credit_code")->level, severity::needs_review);
  EXPECT_EQ(r.decision, decision::needs_review);
}

TEST(KindCreditCode, JointApplicantsAreCheckedToo) {
  auto app = good_application("grassroots_societies_capacity");
  app.joint_applicants[1].organisation.credit_code = "91640100";
  auto r = check(notice::builtin(), app, may20());
  const finding* f = find_rule(r, "identity.credit_code");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->path, "/joint_applicants/1/credit_code");
  EXPECT_EQ(f->level, severity::incomplete);
}

TEST(KindCreditCodeType, SocietyNeedsASocialOrganisationCode) {
  auto app = good_application();
  app.lead.credit_code = "52640100MJX000026E";
  auto r = check(notice::builtin(), app, may20());
  const finding* f = find_rule(r, "eligibility.society_org_type");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->level, severity::needs_review);
  EXPECT_FALSE(f->interpretation.empty());
}

TEST(KindCreditCodeType, MissingCodeIsUnknown) {
  auto app = good_application();
  app.lead.credit_code.reset();
  auto r = check(notice::builtin(), app, may20());
  ASSERT_NE(find_rule(r, "eligibility.society_org_type"), nullptr);
  EXPECT_TRUE(find_rule(r, "identity.credit_code")->unknown);
  EXPECT_EQ(r.decision, decision::incomplete);
}

}  // namespace
}  // namespace nxkx
