#include <gtest/gtest.h>

#include "test_support.hpp"

namespace nxkx {
namespace {

using test::find_rule;
using test::good_application;
using test::may20;

TEST(KindPlanTarget, TargetsAtTheMinimumPass) {
  for (const auto& t : notice::builtin().project_types()) {
    auto r = check(notice::builtin(), good_application(t.code), may20());
    for (const auto& f : r.findings) ADD_FAILURE() << t.code << ": " << f.rule_id;
  }
}

TEST(KindPlanTarget, AParkPlanOfThreeEventsIsBelowTheMinimum) {
  auto app = good_application("park_sta_capacity");
  app.plan.targets["events"] = 3;
  auto r = check(notice::builtin(), app, may20());
  EXPECT_EQ(r.decision, decision::incomplete);
  const finding* f = find_rule(r, "target.park.events");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->path, "/plan/targets/events");
  EXPECT_FALSE(f->unknown);
  // Never "计划 未填写 人": a target not given is said so, without a unit after it.
  EXPECT_EQ(f->message(lang::zh),
            "预期目标“活动场次”为 3 场，需不少于 4 场；或 1 场不少于 200 "
            "人的大型活动，而“大型活动人数”未填写");
  EXPECT_EQ(f->message(lang::en),
            "the plan's target for events is 3 events, at least 4 events needed; or one event of "
            "at least 200 people, but the target for attendance of the large event is not given");
  ASSERT_GE(f->clauses().size(), 2u);
  EXPECT_EQ(f->clauses()[0].ref, "一(一)1(1)");
  EXPECT_EQ(f->clauses()[1].ref, "三(三)");
  EXPECT_FALSE(f->interpretation().empty());
}

TEST(KindPlanTarget, TheLargeEventIsAnAlternative) {
  auto app = good_application("haizhi_base_capacity");
  app.plan.targets["events"] = 1;
  app.plan.targets["large_event_attendance"] = 200;
  EXPECT_EQ(find_rule(check(notice::builtin(), app, may20()), "target.haizhi.events"), nullptr);
  app.plan.targets["large_event_attendance"] = 199;
  EXPECT_NE(find_rule(check(notice::builtin(), app, may20()), "target.haizhi.events"), nullptr);
  app.plan.targets.erase("events");
  app.plan.targets["large_event_attendance"] = 300;
  EXPECT_EQ(find_rule(check(notice::builtin(), app, may20()), "target.haizhi.events"), nullptr);
}

TEST(KindPlanTarget, AMissingTargetIsUnknown) {
  auto app = good_application("regional_academic_exchange");
  app.plan.targets.erase("experts");
  auto r = check(notice::builtin(), app, may20());
  const finding* f = find_rule(r, "target.exchange.experts");
  ASSERT_NE(f, nullptr);
  EXPECT_TRUE(f->unknown);
  EXPECT_EQ(f->level, severity::incomplete);
  EXPECT_EQ(f->message(lang::zh), "未填写预期目标“全国知名专家人数”");
  EXPECT_EQ(f->found.en, "not given");
}

TEST(KindPlanTarget, EachShortfallIsItsOwnFinding) {
  auto app = good_application("regional_academic_exchange");
  app.plan.targets["offline_attendance"] = 199;
  app.plan.targets["experts"] = 1;
  auto r = check(notice::builtin(), app, may20());
  EXPECT_EQ(test::rule_ids(r), (std::vector<std::string>{"target.exchange.experts",
                                                         "target.exchange.offline_attendance"}));
  EXPECT_EQ(find_rule(r, "target.exchange.offline_attendance")->message(lang::en),
            "the plan's target for offline attendance is 199 people, below the notice's minimum "
            "of 200 people");
}

TEST(KindPlanTarget, NotCheckedAtCompletion) {
  auto app = good_application("society_capacity");
  app.plan.targets.clear();
  check_options o = may20();
  o.stage = stage::completion;
  EXPECT_EQ(find_rule(check(notice::builtin(), app, o), "target.society.events"), nullptr);
}

}  // namespace
}  // namespace nxkx
