#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_support.hpp"

namespace nxkx {
namespace {

using test::find_rule;
using test::good_application;
using test::ymd;

check_options completion() {
  check_options o = test::as_of(ymd(2025, 12, 1));
  o.stage = stage::completion;
  return o;
}

std::string zi(std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += "字";
  return s;
}

const char* const park_case = "deliverable.park.case_study";
const char* const report_rule = "deliverable.exchange.decision_report";

report with_text(const std::string& type, const std::string& text_type, std::string content,
                 std::string title = "典型工作案例") {
  auto app = good_application(type);
  app.records.texts.push_back({text_type, std::move(title), std::move(content)});
  return check(notice::builtin(), app, completion());
}

TEST(KindTextLength, MinimumIsInclusive) {
  EXPECT_NE(find_rule(with_text("park_sta_capacity", "case_study", zi(1499)), park_case), nullptr);
  EXPECT_EQ(find_rule(with_text("park_sta_capacity", "case_study", zi(1500)), park_case), nullptr);
  EXPECT_EQ(find_rule(with_text("park_sta_capacity", "case_study", zi(1501)), park_case), nullptr);
}

TEST(KindTextLength, TheFindingNamesTheMethodAndBothCounts) {
  // 1400 Han + 32 Latin words (30 of three letters, 2 of four): 1432 字, 1498 non-space.
  std::string text = zi(1400);
  for (int i = 0; i < 30; ++i) text += " abc";
  text += " abcd abcd";
  auto r = with_text("park_sta_capacity", "case_study", text, "园区科协服务企业案例");
  const finding* f = find_rule(r, park_case);
  ASSERT_NE(f, nullptr);
  // The method has one name everywhere: the pack's count_method label.
  EXPECT_EQ(f->found.zh, "1432 字（Word 字数统计口径；按不计空格字符口径为 1498 字）");
  EXPECT_EQ(f->message(lang::zh),
            "典型工作案例《园区科协服务企业案例》1432 字（Word 字数统计口径；按不计空格字符口径为 "
            "1498 字），需不少于 1500 字");
  EXPECT_EQ(f->message(lang::en),
            "case study “园区科协服务企业案例”: 1432 字 by the word-processor method (1498 字 by "
            "the non-space-character method), at least 1500 字 needed");
  EXPECT_EQ(f->path, "/records/texts/0");
  EXPECT_EQ(f->expected(lang::zh), "1 篇典型工作案例，不少于 1500 字（Word 字数统计口径）");
}

TEST(KindTextLength, AMissingTextIsNamed) {
  auto app = good_application("returnee_alliance_capacity");
  app.records.texts.push_back({"case_study", "不是建言献策报告", zi(2000)});
  auto r = check(notice::builtin(), app, completion());
  const finding* f = find_rule(r, "deliverable.alliance.policy_advice");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->message(lang::zh), "未提交建言献策报告");
  EXPECT_EQ(f->message(lang::en), "no policy-advice report submitted");
  EXPECT_EQ(f->path, "/records/texts");
}

TEST(KindTextLength, TheLongestOfSeveralIsReported) {
  auto app = good_application("society_capacity");
  app.records.texts.push_back({"governance_case", "初稿", zi(800)});
  app.records.texts.push_back({"governance_case", "修改稿", zi(1450)});
  auto r = check(notice::builtin(), app, completion());
  const finding* f = find_rule(r, "deliverable.society.governance_case");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->path, "/records/texts/1");
  app.records.texts.push_back({"governance_case", "定稿", zi(1600)});
  r = check(notice::builtin(), app, completion());
  EXPECT_EQ(find_rule(r, "deliverable.society.governance_case"), nullptr);
}

TEST(KindTextLength, MaximumIsInclusiveAndEmptyIsMissing) {
  const std::string type = "regional_academic_exchange";
  EXPECT_EQ(find_rule(with_text(type, "decision_report", zi(1500)), report_rule), nullptr);
  EXPECT_EQ(find_rule(with_text(type, "decision_report", zi(1)), report_rule), nullptr);
  const finding* f = nullptr;
  auto r = with_text(type, "decision_report", zi(1501), "报告");
  f = find_rule(r, report_rule);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->message(lang::zh),
            "决策咨询类报告《报告》1501 字（Word 字数统计口径；按不计空格字符口径为 1501 "
            "字），需不超过 1500 字");
  r = with_text(type, "decision_report", " \n\u3000 ", "报告");
  f = find_rule(r, report_rule);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->message(lang::zh), "决策咨询类报告《报告》内容为空");
  EXPECT_EQ(f->message(lang::en), "the decision-consulting report “报告” is empty");
}

TEST(KindTextLength, InvalidUtf8IsAFindingNotAnError) {
  auto r = with_text("park_sta_capacity", "case_study", zi(1600) + "\xff", "坏文本");
  const finding* f = find_rule(r, park_case);
  ASSERT_NE(f, nullptr);
  EXPECT_NE(f->found.en.find("not valid UTF-8 (invalid UTF-8 at byte 4800)"), std::string::npos)
      << f->found.en;
}

TEST(KindTextLength, TheMethodIsAPackParameter) {
  auto pack = nlohmann::json::parse(notice::builtin().source());
  for (auto& r : pack["rules"])
    if (r["id"] == park_case) r["params"]["method"] = "non_space";
  notice n = notice::from_json(pack.dump());
  // 1000 Han and 250 words of two letters: 1250 字 by word processor, 1500 non-space.
  std::string text = zi(1000);
  for (int i = 0; i < 250; ++i) text += " ab";
  auto app = good_application("park_sta_capacity");
  app.records.texts.push_back({"case_study", "", text});
  auto r = check(n, app, completion());
  EXPECT_EQ(find_rule(r, park_case), nullptr);
  r = check(notice::builtin(), app, completion());
  const finding* f = find_rule(r, park_case);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->found.zh, "1250 字（Word 字数统计口径；按不计空格字符口径为 1500 字）");

  for (auto& rule : pack["rules"])
    if (rule["id"] == park_case) rule["params"]["method"] = "characters";
  EXPECT_THROW(notice::from_json(pack.dump()), pack_error);
  for (auto& rule : pack["rules"])
    if (rule["id"] == park_case) {
      rule["params"]["method"] = "word_processor";
      rule["params"]["max_zi"] = 2000;  // a minimum and a maximum at once
    }
  EXPECT_THROW(notice::from_json(pack.dump()), pack_error);
}

}  // namespace
}  // namespace nxkx
