#include <gtest/gtest.h>

#include "test_support.hpp"

namespace nxkx {
namespace {

using test::good_application;
using test::may20;

TEST(Engine, EveryProjectTypeCanBeAccepted) {
  for (const auto& t : notice::builtin().project_types()) {
    auto r = check(notice::builtin(), good_application(t.code), may20());
    EXPECT_EQ(r.decision, decision::accepted) << t.code;
    EXPECT_TRUE(r.accepted());
  }
}

TEST(Engine, DecisionIsTheWorstFindingAndWorstComesFirst) {
  auto app = good_application();
  decl(app.applicant, "legal_person") = false;                  // needs review
  app.submission.paper_copies = 1;                              // incomplete
  decl(app.applicant.history[2024], "evaluation_grade") = "c";  // rejected
  auto r = check(notice::builtin(), app, may20());
  EXPECT_EQ(r.decision, decision::rejected);
  ASSERT_EQ(r.findings.size(), 3u);
  EXPECT_EQ(r.findings[0].level, severity::rejected);
  EXPECT_EQ(r.findings[1].level, severity::incomplete);
  EXPECT_EQ(r.findings[2].level, severity::needs_review);
}

TEST(Engine, FindingsCarryClauseQuoteAndContact) {
  auto app = good_application();
  decl(app.applicant.history[2024], "evaluation_grade") = "c";
  auto r = check(notice::builtin(), app, may20());
  ASSERT_EQ(r.findings.size(), 1u);
  const finding& f = r.findings[0];
  ASSERT_EQ(f.clauses().size(), 2u);
  EXPECT_EQ(f.clauses()[1].ref, "二(三)4");
  EXPECT_EQ(f.clauses()[1].quote, "4.2024年学会评价等级为C的全区学会。");
  EXPECT_EQ(f.whom_to_call().name, "周莉");
  EXPECT_EQ(f.whom_to_call().phone, "0951-5085156");
  EXPECT_EQ(f.path, "/applicant/history/2024/evaluation_grade");
  EXPECT_EQ(f.message(lang::zh), "2024年学会评价等级为C");
  EXPECT_EQ(f.message(lang::en), "2024 evaluation grade is C");
}

TEST(Engine, TraceListsEveryRuleOfTheStage) {
  check_options o = may20();
  o.trace = true;
  auto r = check(notice::builtin(), good_application("park_sta_capacity"), o);
  std::size_t application_rules = 0;
  for (const auto& rule : notice::builtin().rules())
    application_rules += rule.stage == stage::application;
  EXPECT_EQ(r.trace.size(), application_rules);
  int passed = 0, na = 0;
  for (const auto& t : r.trace) {
    passed += t.status == rule_status::passed;
    na += t.status == rule_status::not_applicable;
    EXPECT_NE(t.status, rule_status::failed);
  }
  EXPECT_GT(passed, 5);
  EXPECT_GT(na, 5);  // the society rules do not apply to a park
}

TEST(Engine, UnknownProjectTypeIsAnInputError) {
  auto app = good_application();
  app.project_type = "space_programme";
  try {
    check(notice::builtin(), app, may20());
    FAIL();
  } catch (const input_error& e) {
    EXPECT_EQ(e.path(), "/project_type");
    EXPECT_EQ(e.code(), "input.unknown_code");
  }
}

TEST(Engine, TheCheckDateIsAnInputNotTheClock) {
  auto app = good_application();
  auto a = check(notice::builtin(), app, test::as_of(test::ymd(2025, 5, 20)));
  auto b = check(notice::builtin(), app, test::as_of(test::ymd(2025, 5, 20)));
  EXPECT_EQ(a.findings.size(), b.findings.size());
  EXPECT_EQ(format_date(a.as_of), "2025-05-20");
}

}  // namespace
}  // namespace nxkx
