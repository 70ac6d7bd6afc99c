#include <gtest/gtest.h>

#include "test_support.hpp"

namespace nxkx {
namespace {

using test::find_rule;
using test::good_application;
using test::may20;
using test::ymd;

TEST(KindSubmissionDeadline, DispatchOnTheLastDayCounts) {
  auto app = good_application();
  app.submitted.dispatch_date = ymd(2025, 5, 16);
  app.submitted.received_date = ymd(2025, 5, 19);  // arrives later: the dispatch date counts
  EXPECT_EQ(check(notice::builtin(), app, may20()).decision, decision::accepted);
}

TEST(KindSubmissionDeadline, DispatchTheDayAfterIsRejected) {
  auto app = good_application();
  app.submitted.dispatch_date = ymd(2025, 5, 17);
  auto r = check(notice::builtin(), app, may20());
  const finding* f = find_rule(r, "submission.deadline");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->path, "/submission/dispatch_date");
  EXPECT_EQ(f->found.zh, "2025-05-17（快递发出日期）");
  EXPECT_EQ(f->expected.en, "on or before 2025-05-16");
  EXPECT_EQ(r.decision, decision::rejected);
}

TEST(KindSubmissionDeadline, HandedInUsesTheHandInDate) {
  auto app = good_application();
  app.submitted.delivery = delivery_method::in_person;
  app.submitted.dispatch_date.reset();
  app.submitted.handed_in_date = ymd(2025, 5, 16);
  EXPECT_EQ(check(notice::builtin(), app, may20()).decision, decision::accepted);
  app.submitted.handed_in_date = ymd(2025, 5, 17);
  EXPECT_EQ(find_rule(check(notice::builtin(), app, may20()), "submission.deadline")->path,
            "/submission/handed_in_date");
}

TEST(KindSubmissionDeadline, MissingDateIsIncompleteUnlessReceivedInTime) {
  auto app = good_application();
  app.submitted.dispatch_date.reset();
  auto r = check(notice::builtin(), app, may20());
  ASSERT_NE(find_rule(r, "submission.deadline"), nullptr);
  EXPECT_TRUE(find_rule(r, "submission.deadline")->unknown);
  EXPECT_EQ(r.decision, decision::incomplete);
  app.submitted.received_date = ymd(2025, 5, 15);
  EXPECT_EQ(check(notice::builtin(), app, may20()).decision, decision::accepted);
}

TEST(KindSubmissionDeadline, MethodInferredFromTheOnlyDate) {
  auto app = good_application();
  app.submitted.delivery.reset();
  app.submitted.dispatch_date = ymd(2025, 5, 18);
  EXPECT_EQ(find_rule(check(notice::builtin(), app, may20()), "submission.deadline")->path,
            "/submission/dispatch_date");
}

TEST(KindSubmissionDeadline, DateAfterTheCheckDateGoesToAPerson) {
  auto app = good_application();
  app.submitted.dispatch_date = ymd(2025, 5, 14);
  auto r = check(notice::builtin(), app, test::as_of(ymd(2025, 5, 12)));
  ASSERT_NE(find_rule(r, "submission.not_after_check"), nullptr);
  EXPECT_EQ(r.decision, decision::needs_review);
}

}  // namespace
}  // namespace nxkx
