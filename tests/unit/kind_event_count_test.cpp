#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <optional>

#include "test_support.hpp"

namespace nxkx {
namespace {

using test::find_rule;
using test::good_application;
using test::ymd;

check_options completion(date d = ymd(2025, 12, 1)) {
  check_options o = test::as_of(d);
  o.stage = stage::completion;
  return o;
}

event make_event(std::string type, date on, std::optional<std::int64_t> people = std::nullopt) {
  event e;
  e.title = "活动";
  e.type = std::move(type);
  e.held_on = on;
  e.attendance = people;
  e.place = "银川市";
  return e;
}

std::optional<finding> park_events(const application& app, const check_options& o = completion()) {
  auto r = check(notice::builtin(), app, o);
  const finding* f = find_rule(r, "deliverable.park.events");
  return f ? std::optional<finding>(*f) : std::nullopt;
}

TEST(KindEventCount, FourQualifyingEventsPass) {
  auto app = good_application("park_sta_capacity");
  for (const char* t : {"academic_exchange", "rd_cooperation", "tech_roadshow", "incubation"})
    app.achieved.events.push_back(make_event(t, ymd(2025, 7, 1), 40));
  EXPECT_FALSE(park_events(app));
}

TEST(KindEventCount, ShortfallReportsBothBranches) {
  auto app = good_application("park_sta_capacity");
  app.achieved.events.push_back(make_event("academic_exchange", ymd(2025, 6, 1), 150));
  app.achieved.events.push_back(make_event("results_promotion", ymd(2025, 7, 1), 80));
  app.achieved.events.push_back(make_event("tech_roadshow", ymd(2025, 8, 1), 60));
  auto f = park_events(app);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->message.zh,
            "产学研对接活动 3 场，需 ≥ 4 场；或 1 场 ≥ 200 人的大型活动 — 最大一场 150 人");
  EXPECT_EQ(f->message.en, "3 of 4 events; or one event of ≥ 200 people — the largest had 150");
  EXPECT_EQ(f->path, "/records/events");
  EXPECT_EQ(f->level, severity::incomplete);
  EXPECT_FALSE(f->unknown);
  EXPECT_EQ(f->clauses.at(0).ref, "一(一)1(1)");
  EXPECT_EQ(f->whom_to_call.name, "杨清");
}

TEST(KindEventCount, OneLargeEventOf200IsEnoughBut199IsNot) {
  auto app = good_application("park_sta_capacity");
  app.achieved.events.push_back(make_event("industry_matchmaking", ymd(2025, 9, 1), 199));
  auto f = park_events(app);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->message.en, "1 of 4 events; or one event of ≥ 200 people — the largest had 199");
  app.achieved.events[0].attendance = 200;
  EXPECT_FALSE(park_events(app));
}

TEST(KindEventCount, RecordsOutsideThePeriodAreNamed) {
  auto app = good_application("park_sta_capacity");
  app.achieved.events.push_back(make_event("academic_exchange", ymd(2025, 11, 30), 50));
  app.achieved.events.push_back(make_event("academic_exchange", ymd(2025, 6, 1), 50));
  app.achieved.events.push_back(make_event("academic_exchange", ymd(2025, 7, 1), 50));
  app.achieved.events.push_back(make_event("academic_exchange", ymd(2025, 12, 1), 50));
  app.achieved.events.push_back(make_event("academic_exchange", ymd(2025, 8, 1), 50));
  app.achieved.events.back().held_on.reset();
  auto f = park_events(app);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->message.en,
            "3 of 4 events; or one event of ≥ 200 people — the largest had 50; 2 records not "
            "counted: /records/events/3 (2025-12-01, after 2025-11-30), /records/events/4 (no "
            "date)");
  EXPECT_EQ(f->message.zh,
            "产学研对接活动 3 场，需 ≥ 4 场；或 1 场 ≥ 200 人的大型活动 — 最大一场 50 "
            "人；未计入 2 条：/records/events/3（2025-12-01，晚于 2025-11-30）、/records/events/"
            "4（未填日期）");
  EXPECT_EQ(f->found.en, "3 counted; the largest had 50; 2 not counted");
  // 2025-11-30 itself is inside the period (完成时限 inclusive): a fourth event that day passes.
  app.achieved.events[4].held_on = ymd(2025, 11, 30);
  EXPECT_FALSE(park_events(app));
}

TEST(KindEventCount, ThePeriodStartsAtApprovalOrElseAtTheNotice) {
  auto app = good_application("park_sta_capacity");
  for (unsigned m : {5u, 6u, 7u, 8u})
    app.achieved.events.push_back(make_event("tech_roadshow", ymd(2025, m, 10)));
  EXPECT_FALSE(park_events(app));  // 2025-05-10 is after the notice of 2025-05-06
  app.achieved.events[0].held_on = ymd(2025, 5, 5);
  auto f = park_events(app);
  ASSERT_TRUE(f);
  EXPECT_NE(f->message.en.find("/records/events/0 (2025-05-05, before 2025-05-06)"),
            std::string::npos)
      << f->message.en;
  app.achieved.events[0].held_on = ymd(2025, 5, 10);
  app.approval_date = ymd(2025, 6, 1);
  f = park_events(app);
  ASSERT_TRUE(f);
  EXPECT_NE(f->message.zh.find("/records/events/0（2025-05-10，早于 2025-06-01）"),
            std::string::npos)
      << f->message.zh;
}

TEST(KindEventCount, ARecordAfterTheCheckDoesNotCount) {
  auto app = good_application("park_sta_capacity");
  for (unsigned d : {1u, 2u, 3u, 20u})
    app.achieved.events.push_back(make_event("incubation", ymd(2025, 10, d)));
  auto f = park_events(app, completion(ymd(2025, 10, 10)));
  ASSERT_TRUE(f);
  EXPECT_NE(f->message.en.find("/records/events/3 (2025-10-20, after the date of the check "
                               "2025-10-10)"),
            std::string::npos)
      << f->message.en;
}

TEST(KindEventCount, EventsOfOtherTypesAreIgnoredSilently) {
  auto app = good_application("park_sta_capacity");
  app.achieved.events.push_back(make_event("popular_science", ymd(2025, 7, 1), 500));
  auto f = park_events(app);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->message.en, "0 of 4 events; or one event of ≥ 200 people — the largest had 0");
}

TEST(KindEventCount, PerEventMinimumThirty) {
  auto app = good_application("society_capacity");
  app.achieved.events.push_back(make_event("training", ymd(2025, 7, 1), 30));
  app.achieved.events.push_back(make_event("industry_matchmaking", ymd(2025, 8, 1), 29));
  app.achieved.events.push_back(make_event("training", ymd(2025, 9, 1)));
  auto r = check(notice::builtin(), app, completion());
  const finding* f = find_rule(r, "deliverable.society.events");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->message.en,
            "1 of 2 training or matchmaking events of ≥ 30 people; 2 records not counted: "
            "/records/events/1 (29 people, each needs ≥ 30), /records/events/2 (no attendance)");
  app.achieved.events[1].attendance = 30;
  r = check(notice::builtin(), app, completion());
  EXPECT_EQ(find_rule(r, "deliverable.society.events"), nullptr);
}

TEST(KindEventCount, GrassrootsEventsNeedAValidPartnerAndFifty) {
  auto app = good_application("grassroots_societies_capacity");
  const std::string first = *app.joint_applicants[0].organisation.credit_code;
  for (unsigned m = 6; m <= 10; ++m) {
    app.achieved.events.push_back(make_event("technical_guidance", ymd(2025, m, 1), 50));
    app.achieved.events.back().partners = {first};
  }
  auto r = check(notice::builtin(), app, completion());
  EXPECT_EQ(find_rule(r, "deliverable.grassroots.events"), nullptr);

  app.achieved.events[0].attendance = 49;
  app.achieved.events[1].partners.clear();
  app.achieved.events[2].partners = {"51640000MJX000018H"};  // not a joint applicant
  r = check(notice::builtin(), app, completion());
  const finding* f = find_rule(r, "deliverable.grassroots.events");
  ASSERT_NE(f, nullptr);
  EXPECT_NE(f->message.en.find("/records/events/0 (49 people, each needs ≥ 50)"),
            std::string::npos);
  EXPECT_NE(f->message.en.find("/records/events/1 (not held with a valid partner"),
            std::string::npos);
  EXPECT_NE(f->message.en.find("/records/events/2 (not held with a valid partner"),
            std::string::npos);
  EXPECT_EQ(f->message.en.substr(0, 10), "2 of 5 joi");

  // A partner outside Ningxia is not a valid partner: its events do not count either.
  for (auto& e : app.achieved.events) {
    e.attendance = 60;
    e.partners = {first};
  }
  app.joint_applicants[0].organisation.division = "610102";
  r = check(notice::builtin(), app, completion());
  f = find_rule(r, "deliverable.grassroots.events");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->message.en.substr(0, 10), "0 of 5 joi");
}

TEST(KindEventCount, OfflineAttendanceOfTheLargestSingleExchange) {
  auto app = good_application("regional_academic_exchange");
  app.achieved.events.push_back(make_event("academic_exchange", ymd(2025, 9, 20), 500));
  app.achieved.events.back().offline_attendance = 199;
  app.achieved.events.push_back(make_event("academic_exchange", ymd(2025, 10, 20), 150));
  app.achieved.events.back().offline_attendance = 150;  // 199 + 150 is not one event of 200
  auto r = check(notice::builtin(), app, completion());
  const finding* f = find_rule(r, "deliverable.exchange.offline_attendance");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->message.zh,
            "线下参会 ≥ 200 人的学术交流活动 0 场，需 ≥ 1 场 — 最大一场线下 199 人；未计入 2 "
            "条：/records/events/0（199 人，每场需 ≥ 200 人）、/records/events/1（150 人，每场需 "
            "≥ 200 人）");
  EXPECT_EQ(find_rule(r, "deliverable.exchange.event"), nullptr);
  app.achieved.events[0].offline_attendance = 200;
  r = check(notice::builtin(), app, completion());
  EXPECT_EQ(find_rule(r, "deliverable.exchange.offline_attendance"), nullptr);
  app.achieved.events[0].offline_attendance.reset();
  r = check(notice::builtin(), app, completion());
  f = find_rule(r, "deliverable.exchange.offline_attendance");
  ASSERT_NE(f, nullptr);
  EXPECT_NE(f->message.en.find("/records/events/0 (no offline attendance)"), std::string::npos);
}

TEST(KindEventCount, NotApplicationStage) {
  auto app = good_application("park_sta_capacity");
  EXPECT_EQ(find_rule(check(notice::builtin(), app, test::may20()), "deliverable.park.events"),
            nullptr);
}

TEST(KindEventCount, PackParametersAreChecked) {
  auto pack = nlohmann::json::parse(notice::builtin().source());
  for (auto& r : pack["rules"])
    if (r["id"] == "deliverable.park.events") r["params"]["types"].push_back("karaoke");
  try {
    notice::from_json(pack.dump());
    FAIL();
  } catch (const pack_error& e) {
    EXPECT_EQ(e.code(), "pack.unknown_code");
    EXPECT_NE(e.path().find("/params/types/6"), std::string::npos) << e.path();
  }
  pack = nlohmann::json::parse(notice::builtin().source());
  for (auto& r : pack["rules"])
    if (r["id"] == "deliverable.park.events") r["params"].erase("period");
  EXPECT_THROW(notice::from_json(pack.dump()), pack_error);
}

}  // namespace
}  // namespace nxkx
