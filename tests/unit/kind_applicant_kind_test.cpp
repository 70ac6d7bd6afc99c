#include <gtest/gtest.h>

#include "test_support.hpp"

namespace nxkx {
namespace {

using test::find_rule;
using test::good_application;
using test::may20;

TEST(KindApplicantKind, EligibleLeadPasses) {
  auto r = check(notice::builtin(), good_application("society_capacity"), may20());
  EXPECT_EQ(find_rule(r, "eligibility.applicant_kind"), nullptr);
  EXPECT_EQ(r.decision, decision::accepted);
}

TEST(KindApplicantKind, WrongLeadKindIsRejected) {
  auto app = good_application("society_capacity");
  app.applicant.kind = "park_sta";
  auto r = check(notice::builtin(), app, may20());
  const finding* f = find_rule(r, "eligibility.applicant_kind");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->level, severity::rejected);
  EXPECT_EQ(f->path, "/applicant/kind");
  EXPECT_EQ(f->found.zh, "园区科协");
  EXPECT_NE(f->expected(lang::zh).find("全区学会"), std::string::npos);
  EXPECT_EQ(r.decision, decision::rejected);
}

TEST(KindApplicantKind, AllianceCouncilMemberMayApplyAlone) {
  auto app = good_application("returnee_alliance_capacity");
  app.applicant.kind = "alliance_council_member";
  auto r = check(notice::builtin(), app, may20());
  EXPECT_EQ(find_rule(r, "eligibility.applicant_kind"), nullptr);
}

TEST(KindApplicantKind, JointApplicantOfWrongKind) {
  auto app = good_application("grassroots_societies_capacity");
  app.joint_applicants[1].kind = "park_sta";
  auto r = check(notice::builtin(), app, may20());
  const finding* f = find_rule(r, "eligibility.joint_applicant_kind");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->path, "/joint_applicants/1/kind");
}

TEST(KindApplicantKind, JointKindsNotRestrictedElsewhere) {
  auto app = good_application("society_capacity");
  joint_applicant j;
  j = test::good_society();
  decl(j, "head_signed") = decl(j, "sealed") = true;
  app.joint_applicants.push_back(j);
  check_options o = may20();
  o.trace = true;
  auto r = check(notice::builtin(), app, o);
  EXPECT_EQ(find_rule(r, "eligibility.joint_applicant_kind"), nullptr);
  for (const auto& t : r.trace) {
    if (t.rule_id == "eligibility.joint_applicant_kind") {
      EXPECT_EQ(t.status, rule_status::not_applicable);
    }
  }
}

}  // namespace
}  // namespace nxkx
