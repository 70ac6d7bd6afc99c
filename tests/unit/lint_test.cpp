// nxkx::lint (nxkx pack lint): each check finds what it is for, at its pointer, and the shipped
// packs are clean.
#include "nxkx/lint.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "nxkx/nxkx.hpp"

namespace nxkx {
namespace {

namespace fs = std::filesystem;
using ojson = nlohmann::ordered_json;

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const fs::path root{NXKX_SOURCE_DIR};

ojson builtin_json() { return ojson::parse(notice::builtin().source()); }

const lint_issue* find(const std::vector<lint_issue>& issues, std::string_view code,
                       std::string_view path) {
  for (const auto& i : issues)
    if (i.code == code && i.path == path) return &i;
  return nullptr;
}

TEST(Lint, TheShippedPacksAreClean) {
  for (const auto& [pack, text] :
       {std::pair{root / "data/notice-2025.json", root / "docs/notice/notice.md"},
        std::pair{root / "examples/packs/notice-2026-sample.json",
                  root / "examples/packs/notice-2026-sample.zh.md"},
        std::pair{root / "examples/packs/notice-huangshi-2023.json",
                  root / "examples/packs/notice-huangshi-2023.zh.md"}}) {
    const notice n = notice::load(pack);
    const auto issues = lint(n, read(text));
    for (const auto& i : issues) ADD_FAILURE() << pack << ": " << i.path << ": " << i.message.en;
  }
}

TEST(Lint, AWrongWeekdayIsAnError) {
  ojson p = builtin_json();
  p["notice"]["stated_weekdays"]["2025-05-16"] = "星期四";
  const auto issues = lint(notice::from_json(p.dump()));
  const lint_issue* i = find(issues, "lint.weekday", "/notice/stated_weekdays/2025-05-16");
  ASSERT_NE(i, nullptr);
  EXPECT_TRUE(i->error);
  EXPECT_NE(i->message.zh.find("星期五"), std::string::npos) << i->message.zh;
}

TEST(Lint, AQuoteNotInTheNoticeIsAnError) {
  ojson p = builtin_json();
  p["clauses"]["三(四)"] = "（四）逾期申报也予受理。";
  const auto issues = lint(notice::from_json(p.dump()), read(root / "docs/notice/notice.md"));
  ASSERT_NE(find(issues, "lint.quote", "/clauses/三(四)"), nullptr);
  // Without the notice's text, quotes are not looked for, and lint says so (B8 of the trial).
  const auto without = lint(notice::from_json(p.dump()));
  EXPECT_EQ(find(without, "lint.quote", "/clauses/三(四)"), nullptr);
  const lint_issue* unchecked = find(without, "lint.text", "/notice/text");
  ASSERT_NE(unchecked, nullptr);
  EXPECT_FALSE(unchecked->error);
  EXPECT_EQ(find(issues, "lint.text", "/notice/text"), nullptr);
  // A pack that names no text has nothing to say about it.
  p["notice"].erase("text");
  EXPECT_EQ(find(lint(notice::from_json(p.dump())), "lint.text", "/notice/text"), nullptr);
}

// B9 of the trial: a pack whose text is a summary has its quotes checked against the summary,
// and lint says "summary" rather than claim the notice's words.
TEST(Lint, AQuoteNotInASummaryNamesTheSummary) {
  ojson p = builtin_json();
  p["notice"]["text_is_summary"] = true;
  p["clauses"]["三(四)"] = "（四）逾期申报也予受理。";
  const auto issues = lint(notice::from_json(p.dump()), read(root / "docs/notice/notice.md"));
  const lint_issue* q = find(issues, "lint.quote", "/clauses/三(四)");
  ASSERT_NE(q, nullptr);
  EXPECT_NE(q->message.zh.find("通知摘要"), std::string::npos) << q->message.zh;
  EXPECT_EQ(q->message.zh.find("原文"), std::string::npos) << q->message.zh;
  EXPECT_NE(q->message.en.find("summary of the notice"), std::string::npos) << q->message.en;
  EXPECT_EQ(q->message.en.find("notice's text"), std::string::npos) << q->message.en;
  const auto without_text = lint(notice::from_json(p.dump()));  // find() points into it
  const lint_issue* unchecked = find(without_text, "lint.text", "/notice/text");
  ASSERT_NE(unchecked, nullptr);
  EXPECT_NE(unchecked->message.en.find("summary"), std::string::npos) << unchecked->message.en;
}

TEST(Lint, AnUnreachableRuleIsAnError) {
  ojson p = builtin_json();
  for (auto& r : p["rules"])
    if (r["id"] == "recommendation.present") r["applies_to"]["applicant_kinds"] = {"society"};
  const auto issues = lint(notice::from_json(p.dump()));
  bool found = false;
  for (const auto& i : issues) found = found || (i.code == "lint.unreachable" && i.error);
  EXPECT_TRUE(found);
}

TEST(Lint, ATitleStatingAnotherNumberIsAWarning) {
  ojson p = builtin_json();
  std::size_t at = 0;
  for (std::size_t i = 0; i < p["rules"].size(); ++i)
    if (p["rules"][i]["id"] == "submission.copies") {
      EXPECT_EQ(p["rules"][i]["title"]["zh"], "纸质版一式{min}份");  // a template
      p["rules"][i]["title"]["zh"] = "纸质版一式2份";                // written as prose
      p["rules"][i]["params"]["conditions"][0]["min"] = 3;           // and the params changed
      at = i;
    }
  const auto issues = lint(notice::from_json(p.dump()));
  const lint_issue* i =
      find(issues, "lint.title_number", "/rules/" + std::to_string(at) + "/title/zh");
  ASSERT_NE(i, nullptr);
  EXPECT_FALSE(i->error);
}

// Titles are templates over the params (docs/pack-format.md §8): rendered wherever they are shown,
// a number copied from the params is a warning, a placeholder the params lack an error.
TEST(Lint, ATitleIsATemplateOverItsParams) {
  ojson p = builtin_json();
  std::size_t at = 0;
  for (std::size_t i = 0; i < p["rules"].size(); ++i)
    if (p["rules"][i]["id"] == "submission.copies") at = i;
  for (const auto& r : notice::builtin().rules())
    if (r.id == "submission.copies") {
      EXPECT_EQ(r.title.zh, "纸质版一式2份");
      EXPECT_EQ(r.title_template.zh, "纸质版一式{min}份");
    }
  p["rules"][at]["params"]["conditions"][0]["min"] = 3;
  const notice three = notice::from_json(p.dump());  // kept: rules() refers into it
  for (const auto& r : three.rules())
    if (r.id == "submission.copies") {
      EXPECT_EQ(r.title.zh, "纸质版一式3份");
    }
  p["rules"][at]["title"]["zh"] = "纸质版一式3份";
  const auto issues = lint(notice::from_json(p.dump()));
  const lint_issue* i =
      find(issues, "lint.title_restates", "/rules/" + std::to_string(at) + "/title/zh");
  ASSERT_NE(i, nullptr);
  EXPECT_FALSE(i->error);
  p["rules"][at]["title"]["zh"] = "纸质版一式{copies}份";
  try {
    (void)notice::from_json(p.dump());
    ADD_FAILURE();
  } catch (const pack_error& e) {
    EXPECT_EQ(e.path(), "/rules/" + std::to_string(at) + "/title/zh");
    EXPECT_NE(std::string(e.what()).find("{copies} is not a param"), std::string::npos) << e.what();
  }
}

TEST(Lint, UnusedVocabularyAndDisagreeingThresholdsAreWarnings) {
  ojson p = builtin_json();
  p["declarations"].push_back(ojson{{"name", "has_website"},
                                    {"scope", "organisation"},
                                    {"type", "yes_no"},
                                    {"title", {{"zh", "有网站"}, {"en", "has a website"}}}});
  for (auto& r : p["rules"])
    if (r["id"] == "target.grassroots.partners") r["params"]["min"] = 2;
  const auto issues = lint(notice::from_json(p.dump()));
  EXPECT_NE(find(issues, "lint.unused",
                 "/declarations/" + std::to_string(p["declarations"].size() - 1) + "/name"),
            nullptr);
  bool thresholds = false;
  for (const auto& i : issues) thresholds = thresholds || i.code == "lint.thresholds";
  EXPECT_TRUE(thresholds);
}

// B11 of pack-format-trial.md: a fact.* label is the {item} of a facts finding on that fact.
TEST(Lint, AFactLabelNamingNoFactAndAShownFactWithoutLabelAreWarnings) {
  ojson p = builtin_json();
  p["vocabulary"]["fact.no_such_fact"] = ojson{{"zh", "无"}, {"en", "none"}};
  std::size_t at = 0;
  std::string fact;
  for (std::size_t i = 0; i < p["rules"].size(); ++i) {
    ojson& r = p["rules"][i];
    if (r["kind"] != "facts" || r["messages"].dump().find("{item}") == std::string::npos) continue;
    fact = r["params"]["conditions"][0]["fact"].get<std::string>();
    if (!p["vocabulary"].contains("fact." + fact)) continue;
    p["vocabulary"].erase("fact." + fact);
    at = i;
    break;
  }
  ASSERT_FALSE(fact.empty());
  const auto issues = lint(notice::from_json(p.dump()));
  EXPECT_NE(find(issues, "lint.unused", "/vocabulary/fact.no_such_fact"), nullptr);
  EXPECT_NE(
      find(issues, "lint.fact_label", "/rules/" + std::to_string(at) + "/params/conditions/0/fact"),
      nullptr)
      << fact;
}

// A5 of the trial: a kind no type admits, judged by an applicant_kind rule, is the idiom for
// "not one of the notice's applicants" (the 黄石 pack's other_unit), not an unused kind; without
// such a rule it is one.
TEST(Lint, AKindNoTypeAdmitsIsUnusedOnlyWithoutAnApplicantKindRule) {
  ojson p = ojson::parse(read(root / "examples/packs/notice-huangshi-2023.json"));
  EXPECT_EQ(find(lint(notice::from_json(p.dump())), "lint.unused", "/applicant_kinds/2/code"),
            nullptr);
  ojson rules = ojson::array();
  for (const auto& r : p["rules"])
    if (r["kind"] != "applicant_kind") rules.push_back(r);
  p["rules"] = rules;
  EXPECT_NE(find(lint(notice::from_json(p.dump())), "lint.unused", "/applicant_kinds/2/code"),
            nullptr);
}

TEST(Lint, JsonNamesThePack) {
  const notice& n = notice::builtin();
  const ojson j = ojson::parse(lint_json(n, lint(n)));
  EXPECT_EQ(j["pack"]["id"], n.identity().id);
  EXPECT_EQ(j["pack"]["sha256"], n.identity().sha256);
  EXPECT_EQ(j["errors"], 0);
}

}  // namespace
}  // namespace nxkx
