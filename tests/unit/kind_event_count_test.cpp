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
  e.title = "活动：" + type;  // one title per type: the same date and title is one event
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
    app.records.events.push_back(make_event(t, ymd(2025, 7, 1), 40));
  EXPECT_FALSE(park_events(app));
}

TEST(KindEventCount, ShortfallReportsBothBranches) {
  auto app = good_application("park_sta_capacity");
  app.records.events.push_back(make_event("academic_exchange", ymd(2025, 6, 1), 150));
  app.records.events.push_back(make_event("results_promotion", ymd(2025, 7, 1), 80));
  app.records.events.push_back(make_event("tech_roadshow", ymd(2025, 8, 1), 60));
  auto f = park_events(app);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->message(lang::zh),
            "项目期内产学研对接活动 3 场，需不少于 4 场；或 1 场不少于 200 人的大型活动，最大一场 "
            "150 人");
  EXPECT_EQ(f->message(lang::en),
            "industry-academia events in the project period: 3 events, at least 4 events needed; "
            "or one event of at least 200 people, but the largest had 150 people");
  EXPECT_EQ(f->expected(lang::zh),
            "项目期（2025-05-06 至 2025-11-30）内产学研对接活动不少于 4 场，或 1 场不少于 200 "
            "人的大型产学研对接活动");
  EXPECT_EQ(f->path, "/records/events");
  EXPECT_EQ(f->level, severity::incomplete);
  EXPECT_FALSE(f->unknown);
  EXPECT_EQ(f->clauses().at(0).ref, "一(一)1(1)");
  EXPECT_EQ(f->whom_to_call().name, "杨清");
}

TEST(KindEventCount, OneLargeEventOf200IsEnoughBut199IsNot) {
  auto app = good_application("park_sta_capacity");
  app.records.events.push_back(make_event("industry_matchmaking", ymd(2025, 9, 1), 199));
  auto f = park_events(app);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->message(lang::en),
            "industry-academia events in the project period: 1 event, at least 4 events needed; "
            "or one event of at least 200 people, but the largest had 199 people");
  app.records.events[0].attendance = 200;
  EXPECT_FALSE(park_events(app));
}

TEST(KindEventCount, RecordsOutsideThePeriodAreNamed) {
  auto app = good_application("park_sta_capacity");
  app.records.events.push_back(make_event("academic_exchange", ymd(2025, 11, 30), 50));
  app.records.events.push_back(make_event("academic_exchange", ymd(2025, 6, 1), 50));
  app.records.events.push_back(make_event("academic_exchange", ymd(2025, 7, 1), 50));
  app.records.events.push_back(make_event("academic_exchange", ymd(2025, 12, 1), 50));
  app.records.events.push_back(make_event("academic_exchange", ymd(2025, 8, 1), 50));
  app.records.events.back().held_on.reset();
  auto f = park_events(app);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->message(lang::en),
            "industry-academia events in the project period: 3 events, at least 4 events needed; "
            "or one event of at least 200 people, but the largest had 50 people; 2 records not "
            "counted: /records/events/3 (2025-12-01, after 2025-11-30), /records/events/4 (no "
            "date)");
  EXPECT_EQ(f->message(lang::zh),
            "项目期内产学研对接活动 3 场，需不少于 4 场；或 1 场不少于 200 人的大型活动，最大一场 "
            "50 人；未计入 2 条：/records/events/3（2025-12-01，晚于 2025-11-30）、/records/"
            "events/4（未填日期）");
  EXPECT_EQ(f->found.en, "3 events; the largest had 50 people; 2 records not counted");
  // 2025-11-30 itself is inside the period (完成时限 inclusive): a fourth event that day passes.
  app.records.events[4].held_on = ymd(2025, 11, 30);
  app.records.events[4].title = "第二场学术交流";
  EXPECT_FALSE(park_events(app));
}

// RULES §3 rev. 2: the period runs from the notice's issue date; an approval date is shown but
// does not shorten it (work after the notice and before approval counts).
TEST(KindEventCount, ThePeriodStartsAtTheNoticeWhateverTheApprovalDate) {
  auto app = good_application("park_sta_capacity");
  for (unsigned m : {5u, 6u, 7u, 8u})
    app.records.events.push_back(make_event("tech_roadshow", ymd(2025, m, 10)));
  EXPECT_FALSE(park_events(app));  // 2025-05-10 is after the notice of 2025-05-06
  app.approval_date = ymd(2025, 6, 1);
  EXPECT_FALSE(park_events(app));  // still: before approval, after the notice
  app.records.events[0].held_on = ymd(2025, 5, 5);
  auto f = park_events(app);
  ASSERT_TRUE(f);
  EXPECT_NE(f->message(lang::en).find("/records/events/0 (2025-05-05, before 2025-05-06)"),
            std::string::npos)
      << f->message(lang::en);
  EXPECT_EQ(f->expected(lang::en).substr(0, 117),
            "in the project period (2025-05-06 to 2025-11-30; the approval date 2025-06-01 does "
            "not shorten it): at least 4 events");
  EXPECT_NE(f->expected(lang::zh).find(
                "项目期（2025-05-06 至 2025-11-30，立项日期 2025-06-01 不缩短项目期）内"),
            std::string::npos)
      << f->expected(lang::zh);
}

// RULES §3 rev. 2: the same event (date and title) listed twice counts once; the repeat is named.
TEST(KindEventCount, TheSameEventTwiceCountsOnce) {
  auto app = good_application("park_sta_capacity");
  for (unsigned m : {6u, 7u, 8u}) {
    app.records.events.push_back(make_event("tech_roadshow", ymd(2025, m, 10)));
    app.records.events.back().title = "路演" + std::to_string(m);
  }
  app.records.events.push_back(app.records.events[1]);
  app.records.events.back().title = " 路演7 ";  // the same once trimmed
  auto f = park_events(app);
  ASSERT_TRUE(f);
  EXPECT_NE(f->message(lang::zh).find("/records/events/3（与 /records/events/1 重复，只计一次）"),
            std::string::npos)
      << f->message(lang::zh);
  app.records.events.back().title = "路演9";  // another event the same day
  EXPECT_FALSE(park_events(app));
  app.records.events.back().title.clear();  // untitled: not told apart, so never a repeat
  app.records.events[1].title.clear();
  EXPECT_FALSE(park_events(app));
}

TEST(KindEventCount, ARecordAfterTheCheckDoesNotCount) {
  auto app = good_application("park_sta_capacity");
  for (unsigned d : {1u, 2u, 3u, 20u})
    app.records.events.push_back(make_event("incubation", ymd(2025, 10, d)));
  auto f = park_events(app, completion(ymd(2025, 10, 10)));
  ASSERT_TRUE(f);
  EXPECT_NE(f->message(lang::en).find("/records/events/3 (2025-10-20, after the date of the check "
                                      "2025-10-10)"),
            std::string::npos)
      << f->message(lang::en);
}

// RULES §3 rev. 2: a list ending in 等 is open. Events of another type are named; where counting
// them would meet the bar, a person decides instead of the shortfall.
TEST(KindEventCount, EventsOfOtherTypesAreNamedAndMayGoToAPerson) {
  auto app = good_application("park_sta_capacity");
  app.records.events.push_back(make_event("popular_science", ymd(2025, 7, 1), 150));
  auto f = park_events(app);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->level, severity::incomplete);  // even counted it would not be enough
  EXPECT_EQ(
      f->message(lang::zh).find("项目期内产学研对接活动 0 场，需不少于 4 场；或 1 场不少于 200 "
                                "人的大型活动，"),
      0u)
      << f->message(lang::zh);
  EXPECT_NE(f->message(lang::zh).find("/records/events/0（类型为科普活动，不在所列类型内"),
            std::string::npos)
      << f->message(lang::zh);
  app.records.events[0].attendance = 300;  // one large event, were it 产学研对接
  f = park_events(app);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->level, severity::needs_review);
  EXPECT_EQ(f->message(lang::en).find("industry-academia events of the listed types in the project "
                                      "period: 0 events, at least 4 events needed"),
            0u)
      << f->message(lang::en);
  EXPECT_NE(f->message(lang::en).find("1 event of other types would meet it"), std::string::npos)
      << f->message(lang::en);
  // The alliance's service events: the types of its other deliverables are no candidates.
  auto alliance = good_application("returnee_alliance_capacity");
  for (const char* t : {"popular_science", "academic_salon", "tech_roadshow"})
    alliance.records.events.push_back(make_event(t, ymd(2025, 7, 1)));
  auto r = check(notice::builtin(), alliance, completion());
  const finding* s = find_rule(r, "deliverable.alliance.service_events");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->level, severity::incomplete);
  EXPECT_NE(
      s->message(lang::en).find("/records/events/0 (of type popular-science activity, not listed)"),
      std::string::npos)
      << s->message(lang::en);
  alliance.records.events[0].type = "results_promotion";  // not another deliverable's type
  r = check(notice::builtin(), alliance, completion());
  EXPECT_EQ(find_rule(r, "deliverable.alliance.service_events")->level, severity::needs_review);
}

TEST(KindEventCount, PerEventMinimumThirty) {
  auto app = good_application("society_capacity");
  app.records.events.push_back(make_event("training", ymd(2025, 7, 1), 30));
  app.records.events.push_back(make_event("industry_matchmaking", ymd(2025, 8, 1), 29));
  app.records.events.push_back(make_event("training", ymd(2025, 9, 1)));
  auto r = check(notice::builtin(), app, completion());
  const finding* f = find_rule(r, "deliverable.society.events");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->message(lang::en),
            "training or matchmaking events of at least 30 people in the project period: 1 event, "
            "at least 2 events needed; 2 records not counted: /records/events/1 (29 people, fewer "
            "than 30 people), /records/events/2 (attendance not given)");
  app.records.events[1].attendance = 30;
  r = check(notice::builtin(), app, completion());
  EXPECT_EQ(find_rule(r, "deliverable.society.events"), nullptr);
}

TEST(KindEventCount, GrassrootsEventsNeedAValidPartnerAndFifty) {
  auto app = good_application("grassroots_societies_capacity");
  const std::string first = *app.joint_applicants[0].credit_code;
  for (unsigned m = 6; m <= 10; ++m) {
    app.records.events.push_back(make_event("technical_guidance", ymd(2025, m, 1), 50));
    app.records.events.back().partners = {first};
  }
  auto r = check(notice::builtin(), app, completion());
  EXPECT_EQ(find_rule(r, "deliverable.grassroots.events"), nullptr);

  app.records.events[0].attendance = 49;
  app.records.events[1].partners.clear();
  app.records.events[2].partners = {"51640000MJX000018H"};  // not a joint applicant
  r = check(notice::builtin(), app, completion());
  const finding* f = find_rule(r, "deliverable.grassroots.events");
  ASSERT_NE(f, nullptr);
  EXPECT_NE(f->message(lang::en).find("/records/events/0 (49 people, fewer than 50 people)"),
            std::string::npos);
  EXPECT_NE(f->message(lang::en).find("/records/events/1 (not held with a valid partner"),
            std::string::npos);
  EXPECT_NE(f->message(lang::en).find("/records/events/2 (not held with a valid partner"),
            std::string::npos);
  EXPECT_NE(f->message(lang::en).find(": 2 events, at least 5 events needed"), std::string::npos)
      << f->message(lang::en);

  // A partner outside Ningxia is not a valid partner: its events do not count either.
  for (auto& e : app.records.events) {
    e.attendance = 60;
    e.partners = {first};
  }
  app.joint_applicants[0].division = "610102";
  r = check(notice::builtin(), app, completion());
  f = find_rule(r, "deliverable.grassroots.events");
  ASSERT_NE(f, nullptr);
  EXPECT_NE(f->message(lang::en).find(": 0 events, at least 5 events needed"), std::string::npos)
      << f->message(lang::en);
}

TEST(KindEventCount, OfflineAttendanceOfTheLargestSingleExchange) {
  auto app = good_application("regional_academic_exchange");
  app.records.events.push_back(make_event("academic_exchange", ymd(2025, 9, 20), 500));
  app.records.events.back().offline_attendance = 199;
  app.records.events.push_back(make_event("academic_exchange", ymd(2025, 10, 20), 150));
  app.records.events.back().offline_attendance = 150;  // 199 + 150 is not one event of 200
  auto r = check(notice::builtin(), app, completion());
  const finding* f = find_rule(r, "deliverable.exchange.offline_attendance");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->message(lang::zh),
            "项目期内线下参会不少于 200 人的学术交流活动 0 场，需有 1 场；最大一场线下 199 "
            "人；未计入 2 条：/records/events/0（线下 199 人，不足 200 人）、/records/events/"
            "1（线下 150 人，不足 200 人）");
  EXPECT_EQ(find_rule(r, "deliverable.exchange.event"), nullptr);
  app.records.events[0].offline_attendance = 200;
  r = check(notice::builtin(), app, completion());
  EXPECT_EQ(find_rule(r, "deliverable.exchange.offline_attendance"), nullptr);
  app.records.events[0].offline_attendance.reset();
  r = check(notice::builtin(), app, completion());
  f = find_rule(r, "deliverable.exchange.offline_attendance");
  ASSERT_NE(f, nullptr);
  // Unknown is not zero: the offline figure is "not given", never "0 people".
  EXPECT_NE(f->message(lang::en).find("/records/events/0 (offline attendance not given)"),
            std::string::npos)
      << f->message(lang::en);
  EXPECT_NE(f->message(lang::zh).find("/records/events/0（线下人数未填写）"), std::string::npos);
  app.records.events.pop_back();
  r = check(notice::builtin(), app, completion());
  f = find_rule(r, "deliverable.exchange.offline_attendance");
  ASSERT_NE(f, nullptr);
  EXPECT_NE(f->message(lang::zh).find("需有 1 场；线下人数未填写；"), std::string::npos)
      << f->message(lang::zh);
  EXPECT_EQ(f->message(lang::zh).find("线下 0 人"), std::string::npos) << f->message(lang::zh);
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
