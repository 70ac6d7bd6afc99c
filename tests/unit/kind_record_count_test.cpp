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

TEST(KindRecordCount, ATransferNeedsABenefitAboveZero) {
  auto app = good_application("park_sta_capacity");
  app.records.transfers.push_back({"耐盐碱苜蓿品种转化", ymd(2025, 8, 1), 0.0});
  app.records.transfers.push_back({"煤化工废水处理技术", ymd(2025, 9, 1), std::nullopt});
  auto r = check(notice::builtin(), app, completion());
  const finding* f = find_rule(r, "deliverable.park.transfers");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->message(lang::en),
            "results transferred in the park with an economic benefit in the project period: 0 "
            "results, at least 1 result needed; 2 records not counted: /records/transfers/0 "
            "(economic benefit 0 yuan), /records/transfers/1 (no economic benefit given)");
  EXPECT_EQ(f->path, "/records/transfers");
  app.records.transfers[0].economic_benefit = 0.5;
  r = check(notice::builtin(), app, completion());
  EXPECT_EQ(find_rule(r, "deliverable.park.transfers"), nullptr);
}

TEST(KindRecordCount, ATransferOutsideThePeriodDoesNotCount) {
  auto app = good_application("park_sta_capacity");
  app.records.transfers.push_back({"成果", ymd(2025, 12, 1), 120000.0});
  auto r = check(notice::builtin(), app, completion());
  const finding* f = find_rule(r, "deliverable.park.transfers");
  ASSERT_NE(f, nullptr);
  EXPECT_NE(f->message(lang::zh).find("/records/transfers/0（2025-12-01，晚于 2025-11-30）"),
            std::string::npos)
      << f->message(lang::zh);
}

TEST(KindRecordCount, NinetyNinePlatformItemsAreNotAHundred) {
  auto app = good_application("haizhi_base_capacity");
  for (int i = 0; i < 99; ++i)
    app.records.platform_items.push_back(
        {i % 2 ? "need" : "result", "条目" + std::to_string(i), ymd(2025, 7, 1)});
  for (int i = 0; i < 12; ++i)
    app.records.platform_items.push_back({"need", "无日期", std::nullopt});
  auto r = check(notice::builtin(), app, completion());
  const finding* f = find_rule(r, "deliverable.haizhi.platform_items");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->found.en, "99 items; 12 records not counted");
  // A long list is cut: eight named, the rest counted.
  EXPECT_NE(
      f->message(lang::en).find("12 records not counted: /records/platform_items/99 (no date)"),
      std::string::npos);
  EXPECT_NE(f->message(lang::en).find(", … and another 4 records"), std::string::npos)
      << f->message(lang::en);
  app.records.platform_items[99].filed_on = ymd(2025, 11, 30);
  r = check(notice::builtin(), app, completion());
  EXPECT_EQ(find_rule(r, "deliverable.haizhi.platform_items"), nullptr);
}

TEST(KindRecordCount, OnlyMainstreamReportsCount) {
  auto app = good_application("park_sta_capacity");
  media_report m{"某公众号", "园区科协开展技术路演", ymd(2025, 9, 1), false};
  app.records.media_reports.push_back(m);
  m.mainstream.reset();
  app.records.media_reports.push_back(m);
  auto r = check(notice::builtin(), app, completion());
  const finding* f = find_rule(r, "deliverable.park.media_reports");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->message(lang::zh),
            "项目期内主流媒体报道 0 篇，需不少于 1 篇；未计入 2 条：/records/media_reports/"
            "0（非主流媒体）、/records/media_reports/1（未说明是否主流媒体）");
  app.records.media_reports[1] = {"宁夏日报", "园区科协创新能力建设见成效", ymd(2025, 10, 8), true};
  r = check(notice::builtin(), app, completion());
  EXPECT_EQ(find_rule(r, "deliverable.park.media_reports"), nullptr);
}

TEST(KindRecordCount, NationallyKnownExperts) {
  auto app = good_application("regional_academic_exchange");
  app.records.experts.push_back({"张院士", "中国工程院", true});
  app.records.experts.push_back({"李教授", "宁夏大学", false});
  app.records.experts.push_back({"王研究员", "某研究所", std::nullopt});
  auto r = check(notice::builtin(), app, completion());
  const finding* f = find_rule(r, "deliverable.exchange.experts");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->message(lang::en),
            "nationally known experts invited: 1 expert, at least 2 experts needed; 2 records not "
            "counted: /records/experts/1 (not nationally known), /records/experts/2 (national "
            "standing not stated)");
  app.records.experts[2].nationally_known = true;
  r = check(notice::builtin(), app, completion());
  EXPECT_EQ(find_rule(r, "deliverable.exchange.experts"), nullptr);
}

// RULES §3 rev. 2: a record counts once, by the keys RULES gives; the repeat is named.
TEST(KindRecordCount, ARecordListedTwiceCountsOnce) {
  auto app = good_application("regional_academic_exchange");
  app.records.experts.push_back({"张院士", "中国工程院", true});
  app.records.experts.push_back({" 张院士", "中国工程院 ", true});  // the same, once trimmed
  auto r = check(notice::builtin(), app, completion());
  const finding* f = find_rule(r, "deliverable.exchange.experts");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->message(lang::zh),
            "邀请全国知名专家 1 名，需不少于 2 名；未计入 1 条：/records/experts/1（与 "
            "/records/experts/0 重复，只计一次）");
  app.records.experts[1].affiliation = "中国科学院";  // a namesake elsewhere is another expert
  EXPECT_EQ(find_rule(check(notice::builtin(), app, completion()), "deliverable.exchange.experts"),
            nullptr);

  auto park = good_application("park_sta_capacity");
  park.records.media_reports.push_back({"宁夏日报", "园区见成效", ymd(2025, 9, 1), true});
  park.records.media_reports.push_back({"宁夏日报", "园区见成效", ymd(2025, 9, 2), true});
  park.records.transfers.push_back({"枸杞技术", ymd(2025, 8, 1), 1000.0});
  park.records.transfers.push_back({"枸杞技术", ymd(2025, 9, 1), 2000.0});
  for (int i = 0; i < 100; ++i)
    park.records.platform_items.push_back(
        {"need", "需求" + std::to_string(i % 99), ymd(2025, 7, 1)});
  r = check(notice::builtin(), park, completion());
  EXPECT_NE(find_rule(r, "deliverable.park.platform_items"), nullptr);  // 99 distinct
  EXPECT_EQ(find_rule(r, "deliverable.park.media_reports"), nullptr);   // one report is enough
  EXPECT_EQ(find_rule(r, "deliverable.park.transfers"), nullptr);       // one transfer is enough
  park.records.platform_items.back() = {"result", "需求0", ymd(2025, 7, 1)};  // another kind
  EXPECT_EQ(
      find_rule(check(notice::builtin(), park, completion()), "deliverable.park.platform_items"),
      nullptr);
}

TEST(KindRecordCount, PackParametersAreChecked) {
  auto pack = nlohmann::json::parse(notice::builtin().source());
  for (auto& r : pack["rules"])
    if (r["id"] == "deliverable.exchange.experts") r["params"]["mainstream"] = true;
  try {
    notice::from_json(pack.dump());
    FAIL();
  } catch (const pack_error& e) {
    EXPECT_EQ(e.code(), "pack.unknown_field");
  }
  pack = nlohmann::json::parse(notice::builtin().source());
  for (auto& r : pack["rules"])
    if (r["id"] == "deliverable.park.transfers") r["params"]["records"] = "patents";
  EXPECT_THROW(notice::from_json(pack.dump()), pack_error);
}

}  // namespace
}  // namespace nxkx
