#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "test_support.hpp"

namespace nxkx {
namespace {

using json = nlohmann::json;

TEST(Notice, BuiltinPackDescribesThe2025Notice) {
  const notice& n = notice::builtin();
  EXPECT_EQ(n.info().number, "〔2025〕61号");
  EXPECT_EQ(format_date(n.info().issued), "2025-05-06");
  EXPECT_EQ(format_date(n.info().application_deadline.value()), "2025-05-16");
  EXPECT_EQ(n.project_types().size(), 6u);
  EXPECT_EQ(n.categories().size(), 3u);
  for (const auto& t : n.project_types()) {
    EXPECT_EQ(format_date(t.completion_deadline), "2025-11-30") << t.code;
    EXPECT_NE(n.find_category(t.category), nullptr) << t.code;
    EXPECT_NE(n.find_contact(t.contact), nullptr) << t.code;
  }
  EXPECT_EQ(n.find_contact(n.find_project_type("society_capacity")->contact)->name, "周莉");
}

TEST(Notice, SameLoadIsACopyOfOneLoadNotEqualText) {
  const notice& builtin = notice::builtin();
  const notice copy = builtin;  // NOLINT(performance-unnecessary-copy-initialization)
  EXPECT_TRUE(copy.same_load(builtin));
  EXPECT_TRUE(builtin.same_load(builtin));
  const notice first = notice::from_json(builtin.source());
  const notice second = notice::from_json(builtin.source());
  EXPECT_FALSE(first.same_load(second));
  EXPECT_FALSE(first.same_load(builtin));
  EXPECT_EQ(first.source(), second.source());
}

TEST(Notice, EveryRuleCitesAndQuotesItsClause) {
  for (const auto& r : notice::builtin().rules()) {
    ASSERT_FALSE(r.clauses.empty()) << r.id;
    for (const auto& c : r.clauses) {
      EXPECT_FALSE(c.ref.empty()) << r.id;
      EXPECT_FALSE(c.quote.empty()) << r.id;
    }
    EXPECT_FALSE(r.title.zh.empty()) << r.id;
    EXPECT_FALSE(r.title.en.empty()) << r.id;
  }
}

TEST(Notice, NingxiaHasFiveCitiesAndTwentyTwoCounties) {
  int cities = 0, counties = 0;
  for (const auto& d : notice::builtin().divisions().all()) {
    cities += d.level == division_level::city;
    counties += d.level == division_level::county;
  }
  EXPECT_EQ(cities, 5);
  EXPECT_EQ(counties, 22);
  EXPECT_EQ(notice::builtin().divisions().city_of("640522")->name, "中卫市");
}

TEST(Notice, CopiesShareData) {
  notice a = notice::builtin();
  EXPECT_EQ(&a.info(), &notice::builtin().info());
}

json builtin_json() { return json::parse(notice::builtin().source()); }

void expect_pack_error(const json& pack, const std::string& path, const std::string& words) {
  try {
    notice::from_json(pack.dump());
    ADD_FAILURE() << "no error; expected one at " << path;
  } catch (const pack_error& e) {
    EXPECT_EQ(e.path(), path) << e.what();
    EXPECT_NE(std::string(e.what()).find(words), std::string::npos) << e.what();
  }
}

TEST(NoticePack, ReloadingTheBuiltinSourceWorks) {
  notice n = notice::from_json(notice::builtin().source());
  EXPECT_EQ(n.rules().size(), notice::builtin().rules().size());
}

TEST(NoticePack, MalformedPacksNameThePlace) {
  EXPECT_THROW(notice::from_json("{"), pack_error);
  EXPECT_THROW(notice::from_json("[]"), pack_error);
  json p = builtin_json();
  p["rules"][3].erase("clauses");
  expect_pack_error(p, "/rules/3/clauses", "missing");
  p = builtin_json();
  p["rules"][2]["kind"] = "telepathy";
  expect_pack_error(p, "/rules/2/kind", "unknown requirement kind");
  p = builtin_json();
  p["rules"][5]["outcome"] = "catastrophic";
  expect_pack_error(p, "/rules/5/outcome", "unknown severity");
  p = builtin_json();
  p["rules"][1]["id"] = p["rules"][0]["id"];
  expect_pack_error(p, "/rules/1/id", "duplicate");
  p = builtin_json();
  p["project_types"][0]["completion_deadline"] = "2025-11-31";
  expect_pack_error(p, "/project_types/0/completion_deadline", "2025-11-31");
  p = builtin_json();
  p["rules"][0]["messages"]["failed"]["en"] = "bad {nonsense}";
  expect_pack_error(p, "/rules/0/messages/failed/en", "unknown placeholder {nonsense}");
  p = builtin_json();
  p["rules"][0]["colour"] = "red";
  expect_pack_error(p, "/rules/0/colour", "unknown field");
  p = builtin_json();
  p["format"] = "nxkx-notice-pack/9";
  expect_pack_error(p, "/format", "unsupported");
  // Two contacts of one code: the reports and the rules reference could name different ones.
  p = builtin_json();
  ASSERT_GE(p["contacts"].size(), 2u);
  p["contacts"][1]["code"] = p["contacts"][0]["code"];
  expect_pack_error(p, "/contacts/1/code", "duplicate contact");
}

// B9 of the trial: a pack says the text it ships is a summary of the notice, not its words.
TEST(NoticePack, TextIsSummaryIsABooleanBesideTheText) {
  EXPECT_FALSE(notice::builtin().info().text_is_summary);
  json p = builtin_json();
  p["notice"]["text_is_summary"] = true;
  EXPECT_TRUE(notice::from_json(p.dump()).info().text_is_summary);
  p["notice"]["text_is_summary"] = "yes";
  expect_pack_error(p, "/notice/text_is_summary", "expected true or false");
  p["notice"]["text_is_summary"] = true;
  p["notice"].erase("text");
  expect_pack_error(p, "/notice/text_is_summary", "/notice/text");
  const notice h = notice::load(std::filesystem::path(NXKX_SOURCE_DIR) /
                                "examples/packs/notice-huangshi-2023.json");
  EXPECT_TRUE(h.info().text_is_summary);
}

TEST(NoticePack, KindParametersAreValidated) {
  json p = builtin_json();
  for (auto& r : p["rules"])
    if (r["id"] == "submission.copies") r["params"]["conditions"][0]["fact"] = "submission.colour";
  try {
    notice::from_json(p.dump());
    FAIL();
  } catch (const pack_error& e) {
    EXPECT_NE(e.path().find("/params/conditions/0/fact"), std::string::npos) << e.path();
  }
  p = builtin_json();
  for (auto& r : p["rules"])
    if (r["id"] == "form.complete") r["params"]["items"].push_back("horoscope");
  EXPECT_THROW(notice::from_json(p.dump()), pack_error);
}

TEST(NoticePack, ANewPackChangesTheNumbersNotTheCode) {
  json p = builtin_json();
  for (auto& r : p["rules"])
    if (r["id"] == "submission.copies") r["params"]["conditions"][0]["min"] = 3;
  notice n = notice::from_json(p.dump());
  auto r = check(n, test::good_application(), test::may20());
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].rule_id, "submission.copies");
  EXPECT_EQ(r.findings[0].expected(lang::zh), "纸质版一式 3 份");
}

}  // namespace
}  // namespace nxkx
