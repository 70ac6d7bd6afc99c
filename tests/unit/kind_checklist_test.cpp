#include <gtest/gtest.h>

#include "test_support.hpp"

namespace nxkx {
namespace {

using test::find_rule;
using test::good_application;
using test::may20;

TEST(KindChecklist, AllPartsPresentPasses) {
  EXPECT_EQ(find_rule(check(notice::builtin(), good_application(), may20()), "form.complete"),
            nullptr);
}

TEST(KindChecklist, EachMissingPartIsNamed) {
  auto app = good_application();
  app.form.parts = std::vector<std::string>{"basic_info", "project_content", "targets", "schedule",
                                            "applicant_opinion"};
  auto r = check(notice::builtin(), app, may20());
  std::vector<std::string> missing;
  for (const auto& f : r.findings)
    if (f.rule_id == "form.complete") missing.push_back(f.message(lang::zh));
  EXPECT_EQ(missing, (std::vector<std::string>{"《项目申报书》缺少“工作举措”部分",
                                               "《项目申报书》缺少“经费预算”部分"}));
  EXPECT_EQ(r.decision, decision::incomplete);
}

TEST(KindChecklist, UnknownPartsAreOneUnknownFinding) {
  auto app = good_application();
  app.form.parts.reset();
  auto r = check(notice::builtin(), app, may20());
  const finding* f = find_rule(r, "form.complete");
  ASSERT_NE(f, nullptr);
  EXPECT_TRUE(f->unknown);
}

}  // namespace
}  // namespace nxkx
