#include <gtest/gtest.h>

#include "test_support.hpp"

namespace nxkx {
namespace {

using test::find_rule;
using test::good_application;
using test::may20;

TEST(KindDivisionInRegion, CountiesOfNingxiaPass) {
  auto app = good_application("grassroots_societies_capacity");
  EXPECT_EQ(find_rule(check(notice::builtin(), app, may20()), "eligibility.grassroots_county"),
            nullptr);
}

TEST(KindDivisionInRegion, CountyOutsideNingxiaIsRejected) {
  auto app = good_application("grassroots_societies_capacity");
  app.joint_applicants[2].division = "610102";
  auto r = check(notice::builtin(), app, may20());
  const finding* f = find_rule(r, "eligibility.grassroots_county");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->path, "/joint_applicants/2/division");
  EXPECT_EQ(f->found.en, "610102");
  EXPECT_EQ(r.decision, decision::rejected);
}

TEST(KindDivisionInRegion, ACityIsNotACounty) {
  auto app = good_application("grassroots_societies_capacity");
  app.joint_applicants[0].division = "640100";
  const finding* f = nullptr;
  auto r = check(notice::builtin(), app, may20());
  f = find_rule(r, "eligibility.grassroots_county");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->found.zh, "银川市（640100）");
}

TEST(KindDivisionInRegion, ParkAnywhereInNingxiaButNotOutside) {
  auto app = good_application("park_sta_capacity");
  app.applicant.division = "640500";
  app.recommendation_letter->city = "640500";
  EXPECT_TRUE(check(notice::builtin(), app, may20()).findings.empty());
  app.applicant.division = "110105";
  EXPECT_NE(find_rule(check(notice::builtin(), app, may20()), "eligibility.park_in_region"),
            nullptr);
  app.applicant.division.reset();
  const finding* f = nullptr;
  auto r = check(notice::builtin(), app, may20());
  f = find_rule(r, "eligibility.park_in_region");
  ASSERT_NE(f, nullptr);
  EXPECT_TRUE(f->unknown);
}

}  // namespace
}  // namespace nxkx
