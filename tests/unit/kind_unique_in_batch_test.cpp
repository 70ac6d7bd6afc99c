// 三(一) across a batch, rev. 2: the latest submission of one applicant and project type stands,
// each earlier one is superseded by it (needs review, never rejected); a look-alike title goes to
// a person; findings name the other application by id and origin; a stream says what a later
// line changes in an earlier report with an amendment, and applying the amendments gives
// check_batch's reports.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_support.hpp"

namespace nxkx {
namespace {

using test::find_rule;
using test::good_application;
using test::may20;
using test::ymd;

application submitted(std::string id, date on) {
  application a = good_application("society_capacity");
  a.id = std::move(id);
  decl(a.submission, "dispatch_date") = on;
  return a;
}

/// The built-in pack with a limit of `max` projects per society across the project types (the
/// key "applicant"), or with `params` as given.
notice with_limit(const nlohmann::json& params) {
  nlohmann::json pack = nlohmann::json::parse(notice::builtin().source());
  nlohmann::json rule = {{"id", "application.projects_per_applicant"},
                         {"kind", "unique_in_batch"},
                         {"stage", "application"},
                         {"clauses", {"三(一)"}},
                         {"applies_to", {{"applicant_kinds", {"society"}}}},
                         {"outcome", "needs_review"},
                         {"params", params},
                         {"title", {{"zh", "合计项数有限"}, {"en", "a limit of projects"}}},
                         {"messages",
                          {{"failed",
                            {{"zh", "{applicant}已申报{max}项（{other}），本申报{found}超出"},
                             {"en", "{applicant} has {max} ({other}); {found} is beyond"}}},
                           {"expected", {{"zh", "合计不超过{max}项"}, {"en", "at most {max}"}}}}}};
  pack["rules"].push_back(rule);
  return notice::from_json(pack.dump());
}

// 三(一) of the 2026 sample, 合计不超过N项: the first N project types of one applicant (in input
// order) stand; each application of a further type is flagged, naming the ones counted; several
// applications of one type count once. A stream needs no amendment for it.
TEST(KindUniqueInBatch, ALimitOfProjectsAcrossTypesFlagsTheOnesBeyondIt) {
  const notice n = with_limit({{"key", "applicant"}, {"max", 1}});
  auto a = good_application("society_capacity");
  a.id = "S1";
  auto b = good_application("regional_academic_exchange");
  b.id = "X1";
  b.title = "另一个项目";
  auto b2 = b;
  b2.id = "X2";
  b2.title = "第三个项目";
  auto a2 = a;
  a2.id = "S2";
  a2.title = "修改稿";
  const std::vector<application> apps{a, b, a2, b2};
  const auto reports = check_batch(n, apps, may20());
  ASSERT_EQ(reports.size(), 4u);
  EXPECT_EQ(find_rule(reports[0], "application.projects_per_applicant"), nullptr);
  EXPECT_EQ(find_rule(reports[2], "application.projects_per_applicant"), nullptr);  // one type
  for (std::size_t i : {1u, 3u}) {
    const finding* f = find_rule(reports[i], "application.projects_per_applicant");
    ASSERT_NE(f, nullptr) << to_text(reports[i], lang::en);
    EXPECT_EQ(f->level, severity::needs_review);
    EXPECT_EQ(f->path, "/project_type");
    EXPECT_EQ(f->message(lang::zh), "51640000MJX000018H已申报1项（申报 S1），本申报" +
                                        n.find_project_type("regional_academic_exchange")->name.zh +
                                        "超出");
    EXPECT_EQ(reports[i].decision, decision::needs_review);
  }
  // The same answers from a stream; only the per-type duplicate rule amends (S1 superseded by
  // S2, X1 by X2): the limit flags the newcomer, never a report given before.
  batch_checker stream(n, may20());
  std::vector<amendment> m;
  std::vector<report> streamed;
  for (const auto& app : apps) {
    streamed.push_back(stream.add(app, m));
    for (const auto& x : m) {
      EXPECT_EQ(x.added.rule_id, "application.duplicate_applicant");
      apply(streamed.at(x.position), x);
    }
    m.clear();
  }
  for (std::size_t i = 0; i < apps.size(); ++i)
    EXPECT_EQ(to_json(streamed[i], -1), to_json(reports[i], -1)) << i;
  // Two types within a limit of 2: nothing to say.
  const notice two = with_limit({{"key", "applicant"}, {"max", 2}});
  for (const auto& r : check_batch(two, std::vector<application>{a, b}, may20()))
    EXPECT_EQ(find_rule(r, "application.projects_per_applicant"), nullptr);
}

TEST(KindUniqueInBatch, ALimitNeedsItsMaxAndOnlyThatKeyTakesOne) {
  auto fails = [](const nlohmann::json& params, const std::string& path, const std::string& words) {
    try {
      (void)with_limit(params);
      ADD_FAILURE() << params.dump();
    } catch (const pack_error& e) {
      EXPECT_NE(e.path().find(path), std::string::npos) << e.path();
      EXPECT_NE(std::string(e.what()).find(words), std::string::npos) << e.what();
    }
  };
  fails({{"key", "applicant"}}, "/params/max", "needs \"max\"");
  fails({{"key", "applicant"}, {"max", 0}}, "/params/max", "at least 1");
  fails({{"key", "title"}, {"max", 2}}, "/params/max", "of the key \"applicant\" only");
  fails({{"key", "nonsense"}}, "/params/key", "applicant (with max)");
}

TEST(KindUniqueInBatch, DistinctApplicationsPass) {
  auto a = good_application("society_capacity");
  auto b = good_application("regional_academic_exchange");
  b.title = "另一个项目";
  std::vector<application> apps{a, b};
  for (const auto& r : check_batch(notice::builtin(), apps, may20()))
    EXPECT_EQ(r.decision, decision::accepted);
}

// A corrected resubmission: the later one (by dispatch date) is judged on its merits, the flawed
// original is superseded — whatever their order in the batch.
TEST(KindUniqueInBatch, TheLatestSubmissionStandsAndTheEarlierIsSuperseded) {
  auto original = submitted("2025-0101", ymd(2025, 5, 12));
  original.submission.paper_copies = 1;  // the flaw corrected later
  original.origin = {"in/a.json", std::nullopt, std::nullopt};
  auto corrected = submitted("2025-0102", ymd(2025, 5, 15));
  corrected.title = "修改后的名称";
  corrected.origin = {"in/b.json", 1, std::nullopt};
  for (bool corrected_first : {false, true}) {
    SCOPED_TRACE(corrected_first);
    std::vector<application> apps =
        corrected_first ? std::vector{corrected, original} : std::vector{original, corrected};
    const auto reports = check_batch(notice::builtin(), apps, may20());
    const report& o = reports[corrected_first ? 1 : 0];
    const report& c = reports[corrected_first ? 0 : 1];
    EXPECT_EQ(c.decision, decision::accepted) << to_text(c, lang::en);
    const finding* f = find_rule(o, "application.duplicate_applicant");
    ASSERT_NE(f, nullptr) << to_text(o, lang::en);
    EXPECT_EQ(f->level, severity::needs_review);
    EXPECT_EQ(o.decision, decision::incomplete);  // its own shortfall is still there
    EXPECT_EQ(f->path, "/applicant/credit_code");
    EXPECT_EQ(f->message(lang::zh),
              "同一申报单位（51640000MJX000018H）就本项目类型另有更晚提交的申报 2025-0102（in/"
              "b.json 第 2 份），2025-05-15 提交；本申报视为已被其取代，请人工确认以哪一份为准");
    EXPECT_EQ(f->message(lang::en),
              "the same applicant (51640000MJX000018H) has a later application for this project "
              "type, application 2025-0102 (in/b.json, item 2), submitted on 2025-05-15: this "
              "one is taken as superseded by it, and a person confirms which stands");
    EXPECT_EQ(f->found.zh, "本申报 2025-05-12 提交");
  }
}

TEST(KindUniqueInBatch, OnTheSameDayTheLaterInTheInputStands) {
  std::vector<application> apps{submitted("A", ymd(2025, 5, 14)), submitted("B", ymd(2025, 5, 14))};
  apps[1].title = "另一个名称";
  const auto reports = check_batch(notice::builtin(), apps, may20());
  EXPECT_EQ(reports[1].decision, decision::accepted);
  const finding* f = find_rule(reports[0], "application.duplicate_applicant");
  ASSERT_NE(f, nullptr);
  EXPECT_NE(
      f->message(lang::en).find("application B, also submitted on 2025-05-14, later in the batch"),
      std::string::npos)
      << f->message(lang::en);
  // Nothing tells where they came from: the batch position is the last resort — not here, the
  // id names it.
  EXPECT_EQ(f->message(lang::en).find("of the batch"), std::string::npos);
}

// Each earlier one names the one submitted next after it; the last of them stands. (So a
// stream amends at most one earlier report for each line, whatever the input.)
TEST(KindUniqueInBatch, ThreeSubmissionsEachEarlierNamesTheNextOne) {
  std::vector<application> apps{submitted("A", ymd(2025, 5, 10)), submitted("C", ymd(2025, 5, 14)),
                                submitted("B", ymd(2025, 5, 12))};
  apps[1].title = "名称二";
  apps[2].title = "名称三";
  const auto reports = check_batch(notice::builtin(), apps, may20());
  EXPECT_EQ(reports[1].decision, decision::accepted);
  const finding* a = find_rule(reports[0], "application.duplicate_applicant");
  const finding* b = find_rule(reports[2], "application.duplicate_applicant");
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  EXPECT_NE(a->message(lang::en).find("application B, submitted on 2025-05-12"), std::string::npos)
      << a->message(lang::en);
  EXPECT_NE(b->message(lang::en).find("application C, submitted on 2025-05-14"), std::string::npos)
      << b->message(lang::en);
}

TEST(KindUniqueInBatch, AnUndatedApplicationComesFirst) {
  auto undated = submitted("U", ymd(2025, 5, 1));
  decl(undated.submission, "dispatch_date").reset();
  std::vector<application> apps{submitted("D", ymd(2025, 5, 10)), undated};
  apps[1].title = "无日期";
  const auto reports = check_batch(notice::builtin(), apps, may20());
  EXPECT_EQ(find_rule(reports[0], "application.duplicate_applicant"), nullptr);
  const finding* f = find_rule(reports[1], "application.duplicate_applicant");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->found.en, "this one: no submission date");
}

// The stream: a later line that supersedes an earlier one, whose report is given already,
// amends it; the amendment names it (position, id, origin), carries the finding and both
// decisions; one arriving between two re-points the earlier of them to itself.
TEST(KindUniqueInBatch, AStreamAmendsTheReportsALaterLineSupersedes) {
  std::vector<application> apps{submitted("A", ymd(2025, 5, 10)), submitted("B", ymd(2025, 5, 12)),
                                submitted("C", ymd(2025, 5, 14))};
  for (std::size_t i = 0; i < apps.size(); ++i) {
    apps[i].title = "名称" + std::to_string(i);
    apps[i].origin = {"in.jsonl", std::nullopt, i + 1};
  }
  batch_checker stream(notice::builtin(), may20());
  std::vector<amendment> m;
  std::vector<report> reports;
  reports.push_back(stream.add(apps[0], m));
  EXPECT_TRUE(m.empty());
  reports.push_back(stream.add(apps[1], m));
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].position, 0u);
  EXPECT_EQ(m[0].application_id, "A");
  EXPECT_EQ(m[0].origin.line, 1u);
  EXPECT_EQ(m[0].previous, decision::accepted);
  EXPECT_EQ(m[0].decision, decision::needs_review);
  EXPECT_NE(m[0].added.message(lang::zh).find("申报 B（in.jsonl 第 2 行）"), std::string::npos)
      << m[0].added.message(lang::zh);
  const std::string json = to_json(m[0], -1);
  EXPECT_EQ(json.substr(0, 72),
            R"({"amends":{"position":0,"id":"A","file":"in.jsonl","line":1},"decision":)");
  EXPECT_NE(json.find(R"("previous_decision":{"code":"accepted")"), std::string::npos) << json;
  EXPECT_NE(to_text(m[0], lang::zh)
                .find("更正 in.jsonl 第 1 行（申报 A）：结论改为 需人工审核（原为 受理）"),
            std::string::npos)
      << to_text(m[0], lang::zh);
  for (const auto& x : m) apply(reports.at(x.position), x);
  m.clear();
  reports.push_back(stream.add(apps[2], m));
  ASSERT_EQ(m.size(), 1u);  // B, which stood, is superseded by C; A still names B
  EXPECT_EQ(m[0].position, 1u);
  EXPECT_EQ(m[0].previous, decision::accepted);
  EXPECT_NE(m[0].added.message(lang::en).find("application C (in.jsonl, line 3)"),
            std::string::npos);
  apply(reports.at(m[0].position), m[0]);
  // B2, submitted between A and B, arrives last: A now names it, and it names B.
  m.clear();
  apps.push_back(submitted("B2", ymd(2025, 5, 11)));
  apps.back().title = "名称3";
  apps.back().origin = {"in.jsonl", std::nullopt, 4};
  reports.push_back(stream.add(apps.back(), m));
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].position, 0u);
  EXPECT_EQ(m[0].previous, decision::needs_review);
  EXPECT_EQ(m[0].decision, decision::needs_review);
  EXPECT_NE(m[0].added.message(lang::en).find("application B2 (in.jsonl, line 4)"),
            std::string::npos);
  EXPECT_NE(find_rule(reports.back(), "application.duplicate_applicant")
                ->message(lang::en)
                .find("application B (in.jsonl, line 2)"),
            std::string::npos);
  apply(reports.at(m[0].position), m[0]);
  const auto batch = check_batch(notice::builtin(), apps, may20());
  ASSERT_EQ(batch.size(), reports.size());
  for (std::size_t i = 0; i < apps.size(); ++i)
    EXPECT_EQ(to_json(reports[i], -1), to_json(batch[i], -1)) << i;
  // The earliest of all arriving last: superseded at once, no amendment.
  m.clear();
  auto early = submitted("E", ymd(2025, 5, 9));
  early.title = "名称四";
  const report e = stream.add(early, m);
  EXPECT_TRUE(m.empty());
  EXPECT_NE(
      find_rule(e, "application.duplicate_applicant")->message(lang::en).find("application A "),
      std::string::npos);
}

// A stream of one applicant's resubmissions, each later than the one before: one amendment a
// line, never one for each earlier line.
TEST(KindUniqueInBatch, ResubmissionsAmendOneReportEach) {
  batch_checker stream(notice::builtin(), may20());
  std::vector<amendment> m;
  for (int i = 0; i < 300; ++i) {
    auto a = submitted("R" + std::to_string(i), ymd(2025, 5, 16));
    a.title = "稿" + std::to_string(i);
    (void)stream.add(a, m);
    EXPECT_EQ(m.size(), i == 0 ? 0u : 1u) << i;
    if (!m.empty()) {
      EXPECT_EQ(m[0].position, static_cast<std::uint64_t>(i - 1));
    }
    m.clear();
  }
}

TEST(KindUniqueInBatch, SameTitleUnderAnotherTypeQuotesTheOtherTitle) {
  auto a = good_application("society_capacity");
  a.id = "2025-0201";
  a.title = "宁夏 智慧农业 学术交流";
  auto b = good_application("regional_academic_exchange");
  b.id = "2025-0202";
  b.title = "宁夏智慧农业学术交流。";
  std::vector<application> apps{a, b};
  auto reports = check_batch(notice::builtin(), apps, may20());
  EXPECT_EQ(reports[0].decision, decision::accepted);
  const finding* f = find_rule(reports[1], "application.similar_title");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(reports[1].decision, decision::needs_review);
  EXPECT_EQ(f->message(lang::zh),
            "项目名称《宁夏智慧农业学术交流。》与申报 2025-0201的项目名称《宁夏 智慧农业 "
            "学术交流》相同，可能为同一项目重复申报，请人工审核");
  // The same applicant's resubmission under the same title is the other rule's, not this one's.
  b.project_type = "society_capacity";
  apps = {a, b};
  reports = check_batch(notice::builtin(), apps, may20());
  EXPECT_EQ(find_rule(reports[1], "application.similar_title"), nullptr);
}

TEST(KindUniqueInBatch, ThreadsGiveTheSameAnswer) {
  std::vector<application> apps;
  for (int i = 0; i < 50; ++i) {
    auto a = good_application(i % 2 ? "society_capacity" : "regional_academic_exchange");
    a.title = "项目" + std::to_string(i % 7);
    decl(a.submission, "dispatch_date") = ymd(2025, 5, static_cast<unsigned>(1 + (i * 7) % 16));
    apps.push_back(a);
  }
  check_options one = may20(), two = may20();
  two.threads = 2;
  auto r1 = check_batch(notice::builtin(), apps, one);
  auto r2 = check_batch(notice::builtin(), apps, two);
  ASSERT_EQ(r1.size(), r2.size());
  for (std::size_t i = 0; i < r1.size(); ++i) EXPECT_EQ(to_json(r1[i]), to_json(r2[i])) << i;
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
