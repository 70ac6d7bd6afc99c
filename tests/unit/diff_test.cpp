// nxkx::diff (nxkx pack diff): every change the made-up 2026 notice lists against 2025 is found,
// each at pointers that hold its values in both packs; a pack has no change against itself;
// entries are matched by key, not by position.
#include "nxkx/diff.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "nxkx/nxkx.hpp"

namespace nxkx {
namespace {

namespace fs = std::filesystem;
using ojson = nlohmann::ordered_json;

const fs::path root{NXKX_SOURCE_DIR};

const notice& sample_2026() {
  static const notice n = notice::load(root / "examples/packs/notice-2026-sample.json");
  return n;
}

const pack_change* find(const pack_diff& d, std::string_view section, std::string_view key,
                        std::string_view field) {
  for (const auto& c : d.changes)
    if (c.section == section && c.key == key && c.field == field) return &c;
  return nullptr;
}

/// One change the notice states: where it is in the packs, and its values (JSON; "" = absent).
struct expected {
  const char* clause;  ///< of sample-2026.zh.md
  const char* section;
  const char* key;
  const char* field;
  const char* old_value;
  const char* new_value;
};

// Written by hand from examples/packs/notice-2026-sample.zh.md (the notice), clause by clause,
// against the 2025 notice: the values are the notices'; the keys are the packs' stable codes and
// rule ids.
const expected notice_2026[] = {
    // The heading: number, title, date.
    {"文号", "notice", "", "number", R"("〔2025〕61号")", R"("〔2026〕18号（示例）")"},
    {"标题", "notice", "", "title",
     R"("自治区科协关于组织申报2025年学术交流及学会能力提升项目的通知")",
     R"("自治区科协关于组织申报2026年学术交流及学会能力提升项目的通知（示例）")"},
    {"发布日期", "notice", "", "issued", R"("2025-05-06")", R"("2026-04-20")"},
    // 一(一)1 园区科协: 完成时限 2026年11月30日; 5场 (或300人1场); 2项; 120项; 2篇; 2000字.
    {"一(一)1", "project_types", "park_sta_capacity", "completion_deadline", R"("2025-11-30")",
     R"("2026-11-30")"},
    {"一(一)1(1)", "rules", "target.park.events", "params/min", "4", "5"},
    {"一(一)1(1)", "rules", "target.park.events", "params/or/min", "200", "300"},
    {"一(一)1(1)", "rules", "deliverable.park.events", "params/min", "4", "5"},
    {"一(一)1(1)", "rules", "deliverable.park.events", "params/large_event/min_attendance", "200",
     "300"},
    {"一(一)1(1)", "rules", "target.park.transfers", "params/min", "1", "2"},
    {"一(一)1(1)", "rules", "deliverable.park.transfers", "params/min", "1", "2"},
    {"一(一)1(2)", "rules", "target.park.platform_items", "params/min", "100", "120"},
    {"一(一)1(2)", "rules", "deliverable.park.platform_items", "params/min", "100", "120"},
    {"一(一)1(3)", "rules", "target.park.media_reports", "params/min", "1", "2"},
    {"一(一)1(3)", "rules", "deliverable.park.media_reports", "params/min", "1", "2"},
    {"一(一)1(3)", "rules", "deliverable.park.case_study", "params/min_zi", "1500", "2000"},
    // 一(一)2 海智基地: 完成时限 2026年11月30日, 数量不变. 一(一)3 海归: 同2025年 (its year).
    {"一(一)2", "project_types", "haizhi_base_capacity", "completion_deadline", R"("2025-11-30")",
     R"("2026-11-30")"},
    {"一(一)3", "project_types", "returnee_alliance_capacity", "completion_deadline",
     R"("2025-11-30")", R"("2026-11-30")"},
    // 一(二)1 全区学会: 完成时限; 每场不少于40人; 案例不少于2000字.
    {"一(二)1", "project_types", "society_capacity", "completion_deadline", R"("2025-11-30")",
     R"("2026-11-30")"},
    {"一(二)1", "rules", "deliverable.society.events", "params/per_event_min", "30", "40"},
    {"一(二)1", "rules", "deliverable.society.governance_case", "params/min_zi", "1500", "2000"},
    // 一(二)2 基层"三会": 每个全区学会对接不少于4个.
    {"一(二)2", "project_types", "grassroots_societies_capacity", "completion_deadline",
     R"("2025-11-30")", R"("2026-11-30")"},
    {"一(二)2", "rules", "target.grassroots.partners", "params/min", "3", "4"},
    {"一(二)2", "rules", "target.grassroots.partner_societies", "params/min", "3", "4"},
    {"一(二)2", "rules", "deliverable.grassroots.partners", "params/min", "3", "4"},
    // 一(三) 学术交流: 专家不少于3名, 不少于300人线下, 报告不超过2000字.
    {"一(三)", "project_types", "regional_academic_exchange", "completion_deadline",
     R"("2025-11-30")", R"("2026-11-30")"},
    {"一(三)", "rules", "target.exchange.experts", "params/min", "2", "3"},
    {"一(三)", "rules", "deliverable.exchange.experts", "params/min", "2", "3"},
    {"一(三)", "rules", "target.exchange.offline_attendance", "params/min", "200", "300"},
    {"一(三)", "rules", "deliverable.exchange.offline_attendance", "params/per_event_min", "200",
     "300"},
    {"一(三)", "rules", "deliverable.exchange.decision_report", "params/max_zi", "1500", "2000"},
    // 二(三) 近两年（2024年、2025年）.
    {"二(三)", "history", "", "years", "[2023,2024]", "[2024,2025]"},
    // 三(二) 一式3份; 5月6日至5月15日期间; 5月6日前提交的不予受理.
    {"三(二)", "rules", "submission.copies", "params/conditions[submission.paper_copies]/min", "2",
     "3"},
    {"三(二)", "notice", "", "application_opens", "", R"("2026-05-06")"},
    {"三(二)", "notice", "", "application_deadline", R"("2025-05-16")", R"("2026-05-15")"},
    {"三(二)", "rules", "submission.deadline", "params/opens", "", R"("application_opens")"},
};

/// Entries the 2026 notice adds: (section, key) and, for a rule, the outcome it must have.
struct expected_entry {
  const char* clause;
  const char* section;
  const char* key;
  const char* outcome;  ///< a rule's outcome, or nullptr
};

const expected_entry added_2026[] = {
    // 一(二)3 学会科技志愿服务项目（新增）: 6场每场20人, 50名志愿者, 1500字总结.
    {"一(二)3", "project_types", "society_volunteer_service", nullptr},
    {"一(二)3(1)", "rules", "target.volunteer.events", "incomplete"},
    {"一(二)3(1)", "rules", "deliverable.volunteer.events", "incomplete"},
    {"一(二)3(2)", "rules", "target.volunteer.volunteers", "incomplete"},
    {"一(二)3(2)", "rules", "deliverable.volunteer.volunteers", "incomplete"},
    {"一(二)3(3)", "rules", "target.volunteer.texts", "incomplete"},
    {"一(二)3(3)", "rules", "deliverable.volunteer.summary", "incomplete"},
    {"一(二)3", "clauses", "一(二)3", nullptr},
    // 二(三)5 未建立党组织的全区学会（新增）: 不受理.
    {"二(三)5", "declarations", "party_organisation", nullptr},
    {"二(三)5", "rules", "disqualification.party_organisation", "rejected"},
    {"二(三)5", "clauses", "二(三)5", nullptr},
    // 三(三) 申请经费不超过5万元（学术交流活动不超过8万元）.
    {"三(三)", "declarations", "application.requested_funds", nullptr},
    {"三(三)", "rules", "application.funds", "rejected"},
    {"三(三)", "rules", "application.funds_exchange", "rejected"},
    // 三(一) 每个全区学会本年度申报项目合计不超过2项: a second look by staff (the pack's reading).
    {"三(一)", "rules", "application.projects_per_applicant", "needs_review"},
    // 三(四) 通过邮政寄送的，以邮戳日期为准.
    {"三(四)", "delivery_methods", "post", nullptr},
    {"三(四)", "declarations", "submission.postmark_date", nullptr},
};

ojson at(const ojson& pack, const std::string& pointer) {
  return pack.at(ojson::json_pointer(pointer));
}

TEST(Diff, EveryChangeOfThe2026NoticeIsFound) {
  const pack_diff d = diff(notice::builtin(), sample_2026());
  for (const expected& e : notice_2026) {
    const pack_change* c = find(d, e.section, e.key, e.field);
    ASSERT_NE(c, nullptr) << e.clause << ": no change " << e.section << " " << e.key << " "
                          << e.field;
    EXPECT_EQ(c->kind, change_kind::changed) << e.clause;
    if (*e.old_value)
      EXPECT_EQ(ojson::parse(c->old_value), ojson::parse(e.old_value)) << e.clause << " " << e.key;
    else
      EXPECT_TRUE(c->old_path.empty() && c->old_value.empty()) << e.clause << " " << e.key;
    EXPECT_EQ(ojson::parse(c->new_value), ojson::parse(e.new_value)) << e.clause << " " << e.key;
    EXPECT_FALSE(c->field_label.zh.empty()) << e.clause;
    EXPECT_FALSE(c->new_text.zh.empty()) << e.clause;
  }
  // The funds caps, with the notice's numbers.
  const pack_change* funds = find(d, "rules", "application.funds", "");
  ASSERT_NE(funds, nullptr);
  EXPECT_NE(funds->new_value.find("50000"), std::string::npos);
  EXPECT_NE(funds->new_text.zh.find("50000"), std::string::npos) << funds->new_text.zh;
  const pack_change* exchange = find(d, "rules", "application.funds_exchange", "");
  ASSERT_NE(exchange, nullptr);
  EXPECT_NE(exchange->new_value.find("80000"), std::string::npos);
  // 3 copies is said with the rule's title and clause.
  const pack_change* copies =
      find(d, "rules", "submission.copies", "params/conditions[submission.paper_copies]/min");
  ASSERT_NE(copies, nullptr);
  EXPECT_NE(copies->subject.zh.find("三(二)"), std::string::npos) << copies->subject.zh;
  EXPECT_NE(copies->subject.zh.find("submission.copies"), std::string::npos);
  // 三(一) 每个全区学会本年度申报项目合计不超过2项: its rule is added (added_2026), and its
  // changed quote is said.
  const pack_change* limit = find(d, "clauses", "三(一)", "quote");
  ASSERT_NE(limit, nullptr);
  EXPECT_NE(limit->new_text.zh.find("合计不超过2项"), std::string::npos) << limit->new_text.zh;
  EXPECT_EQ(limit->old_text.zh.find("合计不超过2项"), std::string::npos);
  // 二(三)1 近两年（2024年、2025年）: the quote, with its years.
  const pack_change* inspection = find(d, "clauses", "二(三)1", "quote");
  ASSERT_NE(inspection, nullptr);
  EXPECT_NE(inspection->new_text.zh.find("2025年年检不合格"), std::string::npos);
  // Post and the postmark: the date that counts is named by its label.
  const pack_change* post = find(d, "delivery_methods", "post", "");
  ASSERT_NE(post, nullptr);
  EXPECT_NE(post->new_text.zh.find("邮戳日期"), std::string::npos) << post->new_text.zh;
}

TEST(Diff, EveryEntryThe2026NoticeAddsIsAdded) {
  const pack_diff d = diff(notice::builtin(), sample_2026());
  for (const expected_entry& e : added_2026) {
    const pack_change* c = find(d, e.section, e.key, "");
    ASSERT_NE(c, nullptr) << e.clause << ": " << e.section << " " << e.key << " not added";
    EXPECT_EQ(c->kind, change_kind::added) << e.clause;
    EXPECT_TRUE(c->old_path.empty());
    EXPECT_FALSE(c->new_path.empty());
    if (e.outcome) {
      EXPECT_EQ(ojson::parse(c->new_value)["outcome"], e.outcome) << e.clause << " " << e.key;
    }
  }
  // The new type's rules name it, by its label.
  const pack_change* events = find(d, "rules", "deliverable.volunteer.events", "");
  ASSERT_NE(events, nullptr);
  EXPECT_NE(events->new_text.zh.find("学会科技志愿服务项目"), std::string::npos);
  EXPECT_NE(events->new_text.zh.find("结项"), std::string::npos);
}

TEST(Diff, EveryRuleAddedOrRemovedIsSaid) {
  // Whatever the packs hold, each rule only in one pack is one added or removed change.
  const notice& a = notice::builtin();
  const notice& b = sample_2026();
  const pack_diff d = diff(a, b);
  for (const auto& r : b.rules()) {
    bool old = false;
    for (const auto& q : a.rules()) old = old || q.id == r.id;
    const pack_change* c = find(d, "rules", r.id, "");
    EXPECT_EQ(c != nullptr && c->kind == change_kind::added, !old) << r.id;
  }
  for (const auto& r : a.rules()) {
    bool kept = false;
    for (const auto& q : b.rules()) kept = kept || q.id == r.id;
    const pack_change* c = find(d, "rules", r.id, "");
    EXPECT_EQ(c != nullptr && c->kind == change_kind::removed, !kept) << r.id;
  }
}

TEST(Diff, EachPointerHoldsItsValueInItsPack) {
  const notice huangshi = notice::load(root / "examples/packs/notice-huangshi-2023.json");
  for (const notice* other : {&sample_2026(), &huangshi}) {
    const pack_diff d = diff(notice::builtin(), *other);
    ASSERT_FALSE(d.empty());
    const ojson old_json = ojson::parse(notice::builtin().source());
    const ojson new_json = ojson::parse(other->source());
    for (const pack_change& c : d.changes) {
      EXPECT_FALSE(c.old_path.empty() && c.new_path.empty()) << c.section << " " << c.key;
      if (c.section == "history") continue;  // derived from /notice/issued and /history
      if (!c.old_path.empty()) {
        EXPECT_EQ(at(old_json, c.old_path), ojson::parse(c.old_value)) << c.old_path;
      }
      if (!c.new_path.empty()) {
        EXPECT_EQ(at(new_json, c.new_path), ojson::parse(c.new_value)) << c.new_path;
      }
    }
  }
}

TEST(Diff, APackHasNoChangeAgainstItself) {
  for (const notice* n : {&notice::builtin(), &sample_2026()}) {
    const pack_diff d = diff(*n, *n);
    EXPECT_TRUE(d.empty()) << diff_text(d, lang::en);
    EXPECT_NE(diff_text(d, lang::zh).find("对申报者没有变化"), std::string::npos);
    EXPECT_EQ(ojson::parse(diff_json(d))["changes"], 0);
  }
}

TEST(Diff, EntriesAreMatchedByKeyNotPosition) {
  // The same pack with its project types, rules and vocabulary in another order, and a version
  // bump and a message reworded: no change for applicants.
  ojson j = ojson::parse(notice::builtin().source());
  std::reverse(j["project_types"].begin(), j["project_types"].end());
  std::reverse(j["rules"].begin(), j["rules"].end());
  std::reverse(j["applicant_kinds"].begin(), j["applicant_kinds"].end());
  j["version"] = "2025.99";
  j["rules"][0]["messages"]["failed"]["en"] = "reworded: {found}";
  const notice shuffled = notice::from_json(j.dump());
  const pack_diff d = diff(notice::builtin(), shuffled);
  EXPECT_TRUE(d.empty()) << diff_text(d, lang::en);
  EXPECT_EQ(d.new_pack.version, "2025.99");

  // One threshold changed: one change, at the rule's place in each pack.
  std::size_t at_new = 0;
  for (std::size_t i = 0; i < j["rules"].size(); ++i)
    if (j["rules"][i]["id"] == "submission.copies") at_new = i;
  j["rules"][at_new]["params"]["conditions"][0]["min"] = 5;
  const pack_diff one = diff(notice::builtin(), notice::from_json(j.dump()));
  ASSERT_EQ(one.changes.size(), 1u) << diff_text(one, lang::en);
  const pack_change& c = one.changes[0];
  EXPECT_EQ(c.key, "submission.copies");
  EXPECT_EQ(c.new_path, "/rules/" + std::to_string(at_new) + "/params/conditions/0/min");
  EXPECT_NE(c.old_path, c.new_path);
  EXPECT_EQ(c.old_value, "2");
  EXPECT_EQ(c.new_value, "5");
  const std::string text = diff_text(one, lang::zh);
  EXPECT_NE(text.find("2 → 5"), std::string::npos) << text;
  EXPECT_NE(text.find(c.old_path), std::string::npos);
  EXPECT_NE(text.find(c.new_path), std::string::npos);
  EXPECT_NE(text.find("共 1 处变化"), std::string::npos);
}

TEST(Diff, RemovedEntriesAndChangedReadings) {
  ojson j = ojson::parse(notice::builtin().source());
  const std::string removed = j["rules"][3]["id"].get<std::string>();
  j["rules"].erase(3);
  j["notice"]["deadline_interpretation"]["zh"] = "新的解读";
  const std::string ref = j["clauses"].begin().key();
  j["clauses"][ref] = "改过的原文";
  const pack_diff d = diff(notice::builtin(), notice::from_json(j.dump()));
  const pack_change* r = find(d, "rules", removed, "");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->kind, change_kind::removed);
  EXPECT_EQ(r->old_path, "/rules/3");
  EXPECT_TRUE(r->new_path.empty());
  const pack_change* reading = find(d, "notice", "", "deadline_interpretation");
  ASSERT_NE(reading, nullptr);
  EXPECT_EQ(reading->new_text.zh, "新的解读");
  const pack_change* quote = find(d, "clauses", ref, "quote");
  ASSERT_NE(quote, nullptr);
  EXPECT_EQ(quote->new_text.zh, "改过的原文");
  const ojson out = ojson::parse(diff_json(d));
  EXPECT_EQ(out["changes"], d.changes.size());
  EXPECT_EQ(out["items"][0]["old_path"].get<std::string>(), d.changes[0].old_path);
}

}  // namespace
}  // namespace nxkx
