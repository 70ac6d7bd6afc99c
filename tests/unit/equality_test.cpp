// operator== on the public value types (issue 13, point 7): equal by contents, and one changed
// member is enough to make two values differ.
#include <gtest/gtest.h>

#include <memory>

#include "nxkx/credit_code.hpp"
#include "nxkx/diff.hpp"
#include "nxkx/divisions.hpp"
#include "nxkx/lint.hpp"
#include "nxkx/text.hpp"
#include "test_support.hpp"

namespace nxkx {
namespace {

using test::good_application;
using test::may20;

application rejected_application() {
  auto app = good_application();
  decl(app.applicant, "legal_person") = false;
  app.submission.paper_copies = 1;
  decl(app.applicant.history[2024], "evaluation_grade") = "c";
  return app;
}

check_options traced() {
  check_options o = may20();
  o.trace = true;
  return o;
}

TEST(Equality, TwoReportsOfTheSameApplicationAreEqual) {
  const report a = check(notice::builtin(), rejected_application(), traced());
  const report b = check(notice::builtin(), rejected_application(), traced());
  ASSERT_EQ(a.findings.size(), 3u);
  ASSERT_FALSE(a.trace.empty());
  EXPECT_TRUE(a == b);
  EXPECT_FALSE(a != b);
}

TEST(Equality, OneChangedFieldMakesReportsDiffer) {
  const report base = check(notice::builtin(), rejected_application(), traced());
  const auto differs = [&](auto change) {
    report r = base;
    change(r);
    return !(r == base) && r != base;
  };
  EXPECT_TRUE(differs([](report& r) { r.notice_id += "x"; }));
  EXPECT_TRUE(differs([](report& r) { r.pack.version += "x"; }));
  EXPECT_TRUE(differs([](report& r) { r.stage = stage::completion; }));
  EXPECT_TRUE(differs([](report& r) { r.as_of = test::ymd(2025, 5, 21); }));
  EXPECT_TRUE(differs([](report& r) { r.application_id = "other"; }));
  EXPECT_TRUE(differs([](report& r) { r.origin.line = 7; }));
  EXPECT_TRUE(differs([](report& r) { r.title += "x"; }));
  EXPECT_TRUE(differs([](report& r) { r.project_type = "other"; }));
  EXPECT_TRUE(differs([](report& r) { r.applicant_name += "x"; }));
  EXPECT_TRUE(differs([](report& r) { r.credit_code += "x"; }));
  EXPECT_TRUE(differs([](report& r) { r.decision = decision::accepted; }));
  EXPECT_TRUE(differs([](report& r) { r.findings.pop_back(); }));
  EXPECT_TRUE(differs([](report& r) {
    finding& f = r.findings[0];
    f.set_texts({f.message(lang::zh), f.message(lang::en) + "x"}, f.expected());
  }));
  EXPECT_TRUE(differs([](report& r) { r.findings[0].found.zh += "x"; }));
  EXPECT_TRUE(differs([](report& r) { r.trace.pop_back(); }));
  EXPECT_TRUE(differs([](report& r) { r.trace[0].status = rule_status::not_applicable; }));
}

TEST(Equality, FindingContextsCompareByContentsNotByPointer) {
  const report a = check(notice::builtin(), rejected_application(), may20());
  finding copy = a.findings[0];
  ASSERT_TRUE(copy.context);
  copy.context = std::make_shared<finding_context>(*copy.context);
  EXPECT_EQ(copy, a.findings[0]);
  auto changed = std::make_shared<finding_context>(*copy.context);
  changed->whom_to_call.phone += "0";
  copy.context = changed;
  EXPECT_NE(copy, a.findings[0]);
}

// A finding says its texts when they are read: one given the same texts as finished ones (as a
// report read back from its JSON holds them) equals the one checked; other values do not.
TEST(Equality, FindingsCompareByWhatTheySay) {
  const report a = check(notice::builtin(), rejected_application(), may20());
  for (const finding& checked : a.findings) {
    SCOPED_TRACE(checked.rule_id);
    ASSERT_FALSE(checked.message(lang::zh).empty());
    finding read = checked;
    read.set_texts(checked.message(), checked.expected());
    read.values.clear();
    EXPECT_EQ(read, checked);
    EXPECT_EQ(read.message(), checked.message());
    EXPECT_EQ(read.expected(), checked.expected());
    EXPECT_EQ(read.clauses(), checked.clauses());
  }
  // The values are what the templates are filled with: a value changed changes the texts.
  std::size_t shown = 0;
  for (const finding& checked : a.findings)
    for (std::size_t i = 0; i < checked.values.size(); ++i) {
      finding f = checked;
      f.values[i].second.zh += "〇";
      if (f.message(lang::zh) == checked.message(lang::zh) &&
          f.expected(lang::zh) == checked.expected(lang::zh))
        continue;
      ++shown;
      EXPECT_NE(f, checked) << checked.rule_id << " " << f.values[i].first;
    }
  EXPECT_GT(shown, 0u);
}

TEST(Equality, RuleTrace) {
  const rule_trace a{"submission.copies", rule_status::failed};
  EXPECT_EQ(a, (rule_trace{"submission.copies", rule_status::failed}));
  EXPECT_NE(a, (rule_trace{"submission.copies", rule_status::passed}));
  EXPECT_NE(a, (rule_trace{"submission.deadline", rule_status::failed}));
}

TEST(Equality, ClauseRefAndContact) {
  const clause_ref c{"二(三)4", "4.……", {"society_capacity"}};
  EXPECT_EQ(c, (clause_ref{"二(三)4", "4.……", {"society_capacity"}}));
  EXPECT_NE(c, (clause_ref{"二(三)5", "4.……", {"society_capacity"}}));
  EXPECT_NE(c, (clause_ref{"二(三)4", "5.……", {"society_capacity"}}));
  EXPECT_NE(c, (clause_ref{"二(三)4", "4.……", {}}));
  const contact k{"a", "张三", "0951-1", "四"};
  EXPECT_EQ(k, (contact{"a", "张三", "0951-1", "四"}));
  EXPECT_NE(k, (contact{"b", "张三", "0951-1", "四"}));
  EXPECT_NE(k, (contact{"a", "李四", "0951-1", "四"}));
  EXPECT_NE(k, (contact{"a", "张三", "0951-2", "四"}));
  EXPECT_NE(k, (contact{"a", "张三", "0951-1", "五"}));
}

TEST(Equality, Amendment) {
  const report r = check(notice::builtin(), rejected_application(), may20());
  amendment a;
  a.position = 3;
  a.application_id = "x";
  a.added = r.findings[0];
  a.previous = decision::accepted;
  a.decision = decision::rejected;
  amendment b = a;
  EXPECT_EQ(a, b);
  b.position = 4;
  EXPECT_NE(a, b);
  b = a;
  b.added.rule_id += "x";
  EXPECT_NE(a, b);
  b = a;
  b.origin.file = "f.json";
  EXPECT_NE(a, b);
  b = a;
  b.previous = decision::incomplete;
  EXPECT_NE(a, b);
}

TEST(Equality, LintIssue) {
  const lint_issue a{false, "lint.unused", "/declarations/0", {"未用", "unused"}};
  EXPECT_EQ(a, (lint_issue{false, "lint.unused", "/declarations/0", {"未用", "unused"}}));
  EXPECT_NE(a, (lint_issue{true, "lint.unused", "/declarations/0", {"未用", "unused"}}));
  EXPECT_NE(a, (lint_issue{false, "lint.quote", "/declarations/0", {"未用", "unused"}}));
  EXPECT_NE(a, (lint_issue{false, "lint.unused", "/declarations/1", {"未用", "unused"}}));
  EXPECT_NE(a, (lint_issue{false, "lint.unused", "/declarations/0", {"未用", "unused!"}}));
  // What lint gives twice for one pack is the same.
  EXPECT_EQ(lint(notice::builtin()), lint(notice::builtin()));
}

TEST(Equality, PackChangeAndDiff) {
  const pack_diff same = diff(notice::builtin(), notice::builtin());
  EXPECT_EQ(same, diff(notice::builtin(), notice::builtin()));
  pack_change c;
  c.kind = change_kind::added;
  c.section = "rules";
  c.key = "submission.copies";
  pack_change d = c;
  EXPECT_EQ(c, d);
  d.kind = change_kind::removed;
  EXPECT_NE(c, d);
  d = c;
  d.new_text.zh = "新";
  EXPECT_NE(c, d);
  pack_diff other = same;
  other.changes.push_back(c);
  EXPECT_NE(same, other);
  other = same;
  other.new_pack.version += "x";
  EXPECT_NE(same, other);
}

TEST(Equality, ZiCountCreditCodeCheckDivision) {
  EXPECT_EQ(count_zi("学会 abc"), count_zi("学会 abc"));
  EXPECT_NE(count_zi("学会 abc"), count_zi("学会 abd e"));
  EXPECT_NE((zi_count{1, 2, 3}), (zi_count{1, 2, 4}));
  EXPECT_NE((zi_count{1, 2, 3}), (zi_count{0, 2, 3}));
  EXPECT_NE((zi_count{1, 2, 3}), (zi_count{1, 0, 3}));

  const credit_code_check ok = check_credit_code("51640000MJX000018H");
  EXPECT_EQ(ok, check_credit_code("51640000MJX000018H"));
  EXPECT_NE(ok, check_credit_code("51640000MJX0000"));
  EXPECT_NE((credit_code_check{credit_code_status::bad_check_character, 18, 'A'}),
            (credit_code_check{credit_code_status::bad_check_character, 18, 'B'}));
  EXPECT_NE((credit_code_check{credit_code_status::bad_check_character, 18, 'A'}),
            (credit_code_check{credit_code_status::bad_check_character, 17, 'A'}));

  const division a{"640122", "贺兰县", division_level::county, "640100"};
  EXPECT_EQ(a, (division{"640122", "贺兰县", division_level::county, "640100"}));
  EXPECT_NE(a, (division{"640121", "贺兰县", division_level::county, "640100"}));
  EXPECT_NE(a, (division{"640122", "永宁县", division_level::county, "640100"}));
  EXPECT_NE(a, (division{"640122", "贺兰县", division_level::city, "640100"}));
  EXPECT_NE(a, (division{"640122", "贺兰县", division_level::county, ""}));
}

}  // namespace
}  // namespace nxkx
