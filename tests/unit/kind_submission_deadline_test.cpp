#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "nxkx/read.hpp"
#include "test_support.hpp"

namespace nxkx {
namespace {

using test::find_rule;
using test::good_application;
using test::may20;
using test::ymd;

TEST(KindSubmissionDeadline, DispatchOnTheLastDayCounts) {
  auto app = good_application();
  decl(app.submission, "dispatch_date") = ymd(2025, 5, 16);
  decl(app.submission, "received_date") =
      ymd(2025, 5, 19);  // arrives later: the dispatch date counts
  EXPECT_EQ(check(notice::builtin(), app, may20()).decision, decision::accepted);
}

TEST(KindSubmissionDeadline, DispatchTheDayAfterIsRejected) {
  auto app = good_application();
  decl(app.submission, "dispatch_date") = ymd(2025, 5, 17);
  auto r = check(notice::builtin(), app, may20());
  const finding* f = find_rule(r, "submission.deadline");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->path, "/submission/dispatch_date");
  EXPECT_EQ(f->found.zh, "2025-05-17（快递发出日期）");
  EXPECT_EQ(f->expected(lang::en), "the paper form sent or handed in on or before 2025-05-16");
  EXPECT_EQ(f->message(lang::zh),
            "提交日期2025-05-17（快递发出日期）晚于截止日期2025-05-16，逾期申报");
  EXPECT_EQ(r.decision, decision::rejected);
}

TEST(KindSubmissionDeadline, HandedInUsesTheHandInDate) {
  auto app = good_application();
  app.submission.delivery = "in_person";
  decl(app.submission, "dispatch_date").reset();
  decl(app.submission, "handed_in_date") = ymd(2025, 5, 16);
  EXPECT_EQ(check(notice::builtin(), app, may20()).decision, decision::accepted);
  decl(app.submission, "handed_in_date") = ymd(2025, 5, 17);
  EXPECT_EQ(find_rule(check(notice::builtin(), app, may20()), "submission.deadline")->path,
            "/submission/handed_in_date");
}

// Before the deadline a missing date is missing material: it can still be sent. 三(四) rev. 2:
// once the check is after the deadline, nothing dated sent by then is a late application.
TEST(KindSubmissionDeadline, MissingDateIsIncompleteBeforeTheDeadlineAndLateAfterIt) {
  auto app = good_application();
  decl(app.submission, "dispatch_date").reset();
  auto r = check(notice::builtin(), app, test::as_of(ymd(2025, 5, 16)));
  ASSERT_NE(find_rule(r, "submission.deadline"), nullptr);
  EXPECT_TRUE(find_rule(r, "submission.deadline")->unknown);
  EXPECT_EQ(r.decision, decision::incomplete);
  r = check(notice::builtin(), app, test::as_of(ymd(2025, 5, 17)));
  const finding* f = find_rule(r, "submission.deadline");
  ASSERT_NE(f, nullptr);
  EXPECT_FALSE(f->unknown);
  EXPECT_EQ(f->level, severity::rejected);
  EXPECT_EQ(
      f->message(lang::zh),
      "截止日期2025-05-16已过，未见注明日期的纸质申报书提交记录（只有电子版或均无），逾期申报");
  EXPECT_EQ(f->found.en, "no dated paper submission as of 2025-05-17");
  EXPECT_EQ(r.decision, decision::rejected);
  // Only the e-mail, no delivery at all: the same.
  app.submission.delivery.reset();
  EXPECT_EQ(check(notice::builtin(), app, may20()).decision, decision::rejected);
  // A receipt dated in time is a dated submission.
  decl(app.submission, "received_date") = ymd(2025, 5, 15);
  EXPECT_EQ(check(notice::builtin(), app, may20()).decision, decision::accepted);
}

// 三(二) rev. 2: the Word version is judged too: sent after the deadline, or dated after the
// check, a person decides; its address compares without case and surrounding white space.
TEST(KindSubmissionDeadline, TheWordVersionIsSentByTheDeadline) {
  auto app = good_application();
  app.submission.word_version.sent_on = ymd(2025, 5, 16);
  EXPECT_EQ(check(notice::builtin(), app, may20()).decision, decision::accepted);
  app.submission.word_version.sent_on = ymd(2025, 6, 30);
  auto r = check(notice::builtin(), app, test::as_of(ymd(2025, 7, 1)));
  const finding* f = find_rule(r, "submission.word_version_date");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->level, severity::needs_review);
  EXPECT_EQ(f->path, "/submission/word_version/sent_on");
  EXPECT_EQ(f->message(lang::en),
            "the Word version was e-mailed on 2025-06-30, after the deadline 2025-05-16: a person "
            "decides");
  app.submission.word_version.sent_on = ymd(2025, 5, 14);
  r = check(notice::builtin(), app, test::as_of(ymd(2025, 5, 12)));
  f = find_rule(r, "submission.word_version_date");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->message(lang::zh),
            "申报书word版发送日期2025-05-14晚于核验日期2025-05-12，可能录入有误，请人工核实");
  app.submission.word_version.sent_on.reset();  // not given: not judged
  EXPECT_EQ(find_rule(check(notice::builtin(), app, may20()), "submission.word_version_date"),
            nullptr);
}

TEST(KindSubmissionDeadline, MethodInferredFromTheOnlyDate) {
  auto app = good_application();
  app.submission.delivery.reset();
  decl(app.submission, "dispatch_date") = ymd(2025, 5, 18);
  EXPECT_EQ(find_rule(check(notice::builtin(), app, may20()), "submission.deadline")->path,
            "/submission/dispatch_date");
}

TEST(KindSubmissionDeadline, DateAfterTheCheckDateGoesToAPerson) {
  auto app = good_application();
  decl(app.submission, "dispatch_date") = ymd(2025, 5, 14);
  auto r = check(notice::builtin(), app, test::as_of(ymd(2025, 5, 12)));
  ASSERT_NE(find_rule(r, "submission.not_after_check"), nullptr);
  EXPECT_EQ(r.decision, decision::needs_review);
}

}  // namespace
}  // namespace nxkx

namespace nxkx {
namespace {

// pack-format-trial.md A1/A2: the completion stage's own submission (/completion/submission)
// judged against the project type's completion deadline (the 黄石 completion.in_time), that day
// included.
TEST(KindSubmissionDeadline, ADeclaredDateAgainstTheCompletionDeadline) {
  const notice n = notice::load(std::filesystem::path(NXKX_SOURCE_DIR) /
                                "examples/packs/notice-huangshi-2023.json");
  const std::string case_file = std::string(NXKX_SOURCE_DIR) +
                                "/tests/conformance/packs/notice-huangshi-2023/"
                                "020-complete-on-the-last-day.json";
  const auto c = nlohmann::json::parse(read_file(case_file));
  check_options o;
  o.stage = stage::completion;
  o.as_of = ymd(2023, 11, 5);
  auto text = c.at("applications").at(0);
  EXPECT_EQ(check(n, parse_application(text.dump(), n), o).decision, decision::complete);
  text["completion"]["submission"]["handed_in_date"] = "2023-11-01";
  report r = check(n, parse_application(text.dump(), n), o);
  const finding* f = find_rule(r, "completion.in_time");
  ASSERT_NE(f, nullptr) << to_text(r, lang::en);
  EXPECT_EQ(f->path, "/completion/submission/handed_in_date");
  EXPECT_EQ(f->message(lang::zh),
            "结题材料于2023-11-01（现场提交日期）报送，晚于结题截止日期2023-10-31");
  EXPECT_FALSE(f->unknown);
  text["completion"]["submission"].erase("handed_in_date");
  r = check(n, parse_application(text.dump(), n), o);
  f = find_rule(r, "completion.in_time");
  ASSERT_NE(f, nullptr);
  EXPECT_TRUE(f->unknown);
  EXPECT_EQ(r.decision, decision::incomplete);
}

// A3: a notice that states no application deadline (null) loads; a rule that needs it is
// refused, naming what to use instead; the deadline reads as not stated.
TEST(KindSubmissionDeadline, ANoticeWithoutAnApplicationDeadline) {
  auto pack = nlohmann::json::parse(notice::builtin().source());
  pack["notice"]["application_deadline"] = nullptr;
  try {
    (void)notice::from_json(pack.dump());
    ADD_FAILURE() << "the 2025 rules need the deadline";
  } catch (const pack_error& e) {
    EXPECT_NE(std::string(e.what()).find("states no application deadline"), std::string::npos)
        << e.what();
    EXPECT_NE(e.path().find("/params/"), std::string::npos) << e.path();
  }
  const notice hs = notice::load(std::filesystem::path(NXKX_SOURCE_DIR) /
                                 "examples/packs/notice-huangshi-2023.json");
  EXPECT_FALSE(hs.info().application_deadline.has_value());
  EXPECT_EQ(hs.info().number, "");
  EXPECT_EQ(hs.info().email, "");
}

TEST(KindSubmissionDeadline, ADeclaredDateMustBeADateDeclaration) {
  auto pack = nlohmann::json::parse(notice::builtin().source());
  for (auto& r : pack["rules"])
    if (r["kind"] == "submission_deadline" && r["params"].contains("date"))
      r["params"]["date"] = "legal_person";
  try {
    (void)notice::from_json(pack.dump());
    ADD_FAILURE();
  } catch (const pack_error& e) {
    EXPECT_NE(std::string(e.what()).find("\"legal_person\" is none"), std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace nxkx
