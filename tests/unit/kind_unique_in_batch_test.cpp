#include <gtest/gtest.h>

#include "test_support.hpp"

namespace nxkx {
namespace {

using test::find_rule;
using test::good_application;
using test::may20;

TEST(KindUniqueInBatch, DistinctApplicationsPass) {
  auto a = good_application("society_capacity");
  auto b = good_application("regional_academic_exchange");
  b.title = "另一个项目";
  std::vector<application> apps{a, b};
  for (const auto& r : check_batch(notice::builtin(), apps, may20()))
    EXPECT_EQ(r.decision, decision::accepted);
}

TEST(KindUniqueInBatch, SameApplicantSameTypeLaterOneIsRejected) {
  auto a = good_application("society_capacity");
  auto b = a;
  b.title = "完全不同的名称";
  std::vector<application> apps{a, b};
  auto reports = check_batch(notice::builtin(), apps, may20());
  EXPECT_EQ(reports[0].decision, decision::accepted);
  const finding* f = find_rule(reports[1], "application.duplicate_applicant");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->level, severity::rejected);
  EXPECT_NE(f->message.en.find("application 1"), std::string::npos) << f->message.en;
  EXPECT_EQ(find_rule(reports[1], "application.similar_title"), nullptr);
}

TEST(KindUniqueInBatch, SameTitleUnderAnotherTypeGoesToAPerson) {
  auto a = good_application("society_capacity");
  a.title = "宁夏 智慧农业 学术交流";
  auto b = good_application("regional_academic_exchange");
  b.title = "宁夏智慧农业学术交流。";
  std::vector<application> apps{a, b};
  auto reports = check_batch(notice::builtin(), apps, may20());
  EXPECT_EQ(reports[0].decision, decision::accepted);
  ASSERT_NE(find_rule(reports[1], "application.similar_title"), nullptr);
  EXPECT_EQ(reports[1].decision, decision::needs_review);
}

TEST(KindUniqueInBatch, ThreadsGiveTheSameAnswer) {
  std::vector<application> apps;
  for (int i = 0; i < 50; ++i) {
    auto a = good_application(i % 2 ? "society_capacity" : "regional_academic_exchange");
    a.title = "项目" + std::to_string(i % 7);
    apps.push_back(a);
  }
  check_options one = may20(), two = may20();
  two.threads = 2;
  auto r1 = check_batch(notice::builtin(), apps, one);
  auto r2 = check_batch(notice::builtin(), apps, two);
  ASSERT_EQ(r1.size(), r2.size());
  for (std::size_t i = 0; i < r1.size(); ++i) {
    EXPECT_EQ(r1[i].decision, r2[i].decision) << i;
    EXPECT_EQ(test::rule_ids(r1[i]), test::rule_ids(r2[i])) << i;
  }
}

TEST(KindUniqueInBatch, StreamingCheckerMatchesTheBatch) {
  std::vector<application> apps{good_application(), good_application(), good_application()};
  auto batch = check_batch(notice::builtin(), apps, may20());
  batch_checker stream(notice::builtin(), may20());
  for (std::size_t i = 0; i < apps.size(); ++i)
    EXPECT_EQ(test::rule_ids(stream.add(apps[i])), test::rule_ids(batch[i]));
}

TEST(KindUniqueInBatch, NotApplicableToASingleCheck) {
  check_options o = may20();
  o.trace = true;
  auto r = check(notice::builtin(), good_application(), o);
  for (const auto& t : r.trace) {
    if (t.rule_id == "application.duplicate_applicant") {
      EXPECT_EQ(t.status, rule_status::not_applicable);
    }
  }
}

}  // namespace
}  // namespace nxkx
