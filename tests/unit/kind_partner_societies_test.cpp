#include <gtest/gtest.h>

#include "test_support.hpp"

namespace nxkx {
namespace {

using test::find_rule;
using test::good_application;
using test::may20;
using test::ymd;

const char* const at_application = "target.grassroots.partner_societies";
const char* const at_completion = "deliverable.grassroots.partners";

check_options completion() {
  check_options o = test::as_of(ymd(2025, 12, 1));
  o.stage = stage::completion;
  return o;
}

/// Gives the application one qualifying joint event with each of its joint applicants.
void hold_events_with_each(application& app) {
  unsigned month = 6;
  for (const auto& j : app.joint_applicants) {
    event e;
    e.title = "共同举办的技术指导";
    e.type = "technical_guidance";
    e.held_on = ymd(2025, month++, 15);
    e.attendance = 60;
    if (j.credit_code) e.partners = {*j.credit_code};
    app.records.events.push_back(e);
  }
}

TEST(KindPartnerSocieties, ThreeValidDistinctPartnersPass) {
  auto app = good_application("grassroots_societies_capacity");
  EXPECT_EQ(find_rule(check(notice::builtin(), app, may20()), at_application), nullptr);
}

TEST(KindPartnerSocieties, OneOutsideNingxiaLeavesTwo) {
  auto app = good_application("grassroots_societies_capacity");
  app.joint_applicants[2].division = "610102";
  auto r = check(notice::builtin(), app, may20());
  const finding* f = find_rule(r, at_application);
  ASSERT_NE(f, nullptr);
  EXPECT_FALSE(f->unknown);
  EXPECT_EQ(f->path, "/joint_applicants");
  EXPECT_EQ(f->message(lang::zh),
            "联合申报的有效基层“三会” 2 个，需不少于 3 个；未计入 1 个：/joint_applicants/"
            "2（基层学会640402，610102 不是宁夏回族自治区的县（区、市））");
  // 二(一) rejects the application too; the partner shortfall is its own finding.
  EXPECT_EQ(r.decision, decision::rejected);
  EXPECT_NE(find_rule(r, "eligibility.grassroots_county"), nullptr);
}

TEST(KindPartnerSocieties, TheSameSocietyTwiceCountsOnce) {
  auto app = good_application("grassroots_societies_capacity");
  app.joint_applicants[1].credit_code = app.joint_applicants[0].credit_code;
  auto r = check(notice::builtin(), app, may20());
  const finding* f = find_rule(r, at_application);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->message(lang::en),
            "valid partner 基层“三会” among the joint applicants: 2 societies, at least 3 "
            "societies needed; 1 joint applicant not counted: /joint_applicants/1 (基层学会640302: "
            "the same as /joint_applicants/0, counted once)");
}

TEST(KindPartnerSocieties, AnUndeclaredFieldIsUnknown) {
  auto app = good_application("grassroots_societies_capacity");
  decl(app.joint_applicants[0], "field").reset();
  auto r = check(notice::builtin(), app, may20());
  const finding* f = find_rule(r, at_application);
  ASSERT_NE(f, nullptr);
  EXPECT_TRUE(f->unknown);
  EXPECT_EQ(f->level, severity::incomplete);
  // One unknown, one not a 基层"三会" and one valid cannot reach three: a shortfall, not a gap.
  app.joint_applicants[1].kind = "park_sta";
  r = check(notice::builtin(), app, may20());
  f = find_rule(r, at_application);
  ASSERT_NE(f, nullptr);
  EXPECT_FALSE(f->unknown);
  EXPECT_NE(f->message(lang::zh).find("类型为园区科协，不是基层“三会”"), std::string::npos);
}

TEST(KindPartnerSocieties, AtCompletionEachPartnerNeedsAJointEvent) {
  auto app = good_application("grassroots_societies_capacity");
  hold_events_with_each(app);
  EXPECT_EQ(find_rule(check(notice::builtin(), app, completion()), at_completion), nullptr);

  app.records.events[2].attendance = 49;  // the third partner's only event is too small
  auto r = check(notice::builtin(), app, completion());
  const finding* f = find_rule(r, at_completion);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->message(lang::en),
            "valid partner 基层“三会” with a joint event: 2 societies, at least 3 societies "
            "needed; 1 joint applicant not counted: /joint_applicants/2 (no qualifying event held "
            "with it)");
  app.records.events[2].attendance = 50;
  app.records.events[2].held_on = ymd(2025, 12, 1);
  EXPECT_NE(find_rule(check(notice::builtin(), app, completion()), at_completion), nullptr);
}

TEST(KindPartnerSocieties, AtCompletionValidityIsJudgedAgain) {
  auto app = good_application("grassroots_societies_capacity");
  app.joint_applicants[0].division = "640100";  // a city, not a county
  hold_events_with_each(app);
  auto r = check(notice::builtin(), app, completion());
  const finding* f = find_rule(r, at_completion);
  ASSERT_NE(f, nullptr);
  EXPECT_NE(f->message(lang::zh).find("银川市 640100 不是宁夏回族自治区的县（区、市）"),
            std::string::npos)
      << f->message(lang::zh);
}

}  // namespace
}  // namespace nxkx
