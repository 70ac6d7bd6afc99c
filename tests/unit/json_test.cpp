// Reading and writing applications as JSON: the format of docs/application-format.md, its
// round trip, and every input error with its exact JSON pointer.
#include "nxkx/json.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "nxkx/engine.hpp"
#include "nxkx/error.hpp"
#include "nxkx/notice.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using namespace std::chrono_literals;

const nxkx::notice& pack() { return nxkx::notice::builtin(); }

fs::path examples_dir() { return fs::path(NXKX_SOURCE_DIR) / "examples" / "applications"; }

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<fs::path> example_files() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(examples_dir()))
    if (e.path().extension() == ".json") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

nxkx::date ymd(int y, unsigned m, unsigned d) {
  return nxkx::date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

/// The smallest application the format accepts.
json minimal() {
  return json{{"project_type", "society_capacity"}, {"applicant", {{"kind", "society"}}}};
}

/// `minimal()` with `value` put at the JSON pointer `at`.
std::string with(const char* at, json value) {
  json doc = minimal();
  doc[json::json_pointer(at)] = std::move(value);
  return doc.dump();
}

/// The input_error parse_applications throws for `text`, if any.
std::optional<nxkx::input_error> error_of(std::string_view text) {
  try {
    nxkx::parse_applications(text, pack());
  } catch (const nxkx::input_error& e) {
    return e;
  }
  return std::nullopt;
}

/// Checks the code and the path of the error `text` raises; returns its reason.
std::string expect_error(std::string_view text, const std::string& code, const std::string& path) {
  const auto e = error_of(text);
  if (!e) {
    ADD_FAILURE() << "no error for " << text.substr(0, 200);
    return {};
  }
  EXPECT_EQ(e->code(), code) << e->reason();
  EXPECT_EQ(e->path(), path) << e->reason();
  EXPECT_FALSE(e->reason().empty());
  // A reason is always valid UTF-8, whatever the input held: dumping would throw otherwise.
  EXPECT_NO_THROW((void)json(e->reason()).dump());
  return e->reason();
}

bool starts_with(const std::string& s, std::string_view prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

// ---- field-by-field comparison (the model has no operator==) ----

void expect_same(const nxkx::organisation& a, const nxkx::organisation& b) {
  EXPECT_EQ(a.name, b.name);
  EXPECT_EQ(a.credit_code, b.credit_code);
  EXPECT_EQ(a.kind, b.kind);
  EXPECT_EQ(a.division, b.division);
  EXPECT_EQ(decl(a, "legal_person"), decl(b, "legal_person"));
  EXPECT_EQ(decl(a, "own_account"), decl(b, "own_account"));
  EXPECT_EQ(decl(a, "has_capacity"), decl(b, "has_capacity"));
  EXPECT_EQ(decl(a, "supervised_by_association"), decl(b, "supervised_by_association"));
  EXPECT_EQ(decl(a, "group_member"), decl(b, "group_member"));
  EXPECT_EQ(decl(a, "approved_by_cast"), decl(b, "approved_by_cast"));
  EXPECT_EQ(decl(a, "establishment_approved"), decl(b, "establishment_approved"));
  EXPECT_EQ(decl(a, "field"), decl(b, "field"));
  EXPECT_EQ(decl(a, "field_name"), decl(b, "field_name"));
  ASSERT_EQ(a.history.size(), b.history.size());
  for (auto i = a.history.begin(), j = b.history.begin(); i != a.history.end(); ++i, ++j) {
    EXPECT_EQ(i->first, j->first);
    EXPECT_EQ(decl(i->second, "annual_inspection"), decl(j->second, "annual_inspection"));
    EXPECT_EQ(decl(i->second, "penalized"), decl(j->second, "penalized"));
    EXPECT_EQ(decl(i->second, "projects"), decl(j->second, "projects"));
    EXPECT_EQ(decl(i->second, "evaluation_grade"), decl(j->second, "evaluation_grade"));
    EXPECT_TRUE(i->second == j->second);
  }
  EXPECT_TRUE(a.declared == b.declared);
}

void expect_same(const nxkx::application& a, const nxkx::application& b) {
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.project_type, b.project_type);
  EXPECT_EQ(a.title, b.title);
  EXPECT_EQ(a.approval_date, b.approval_date);
  expect_same(a.applicant, b.applicant);
  ASSERT_EQ(a.joint_applicants.size(), b.joint_applicants.size());
  for (std::size_t i = 0; i < a.joint_applicants.size(); ++i) {
    SCOPED_TRACE("joint applicant " + std::to_string(i));
    expect_same(a.joint_applicants[i], b.joint_applicants[i]);
    EXPECT_EQ(decl(a.joint_applicants[i], "head_signed"),
              decl(b.joint_applicants[i], "head_signed"));
    EXPECT_EQ(decl(a.joint_applicants[i], "sealed"), decl(b.joint_applicants[i], "sealed"));
  }
  ASSERT_EQ(a.recommendation_letter.has_value(), b.recommendation_letter.has_value());
  if (a.recommendation_letter) {
    EXPECT_EQ(a.recommendation_letter->issuer, b.recommendation_letter->issuer);
    EXPECT_EQ(a.recommendation_letter->city, b.recommendation_letter->city);
    EXPECT_EQ(a.recommendation_letter->issued, b.recommendation_letter->issued);
  }
  const auto &s = a.submission, &t = b.submission;
  EXPECT_EQ(s.paper_copies, t.paper_copies);
  EXPECT_EQ(s.sealed, t.sealed);
  EXPECT_EQ(s.delivery, t.delivery);
  EXPECT_EQ(decl(s, "dispatch_date"), decl(t, "dispatch_date"));
  EXPECT_EQ(decl(s, "handed_in_date"), decl(t, "handed_in_date"));
  EXPECT_EQ(decl(s, "received_date"), decl(t, "received_date"));
  EXPECT_EQ(s.word_version.emailed, t.word_version.emailed);
  EXPECT_EQ(s.word_version.sent_to, t.word_version.sent_to);
  EXPECT_EQ(s.word_version.sent_on, t.word_version.sent_on);
  EXPECT_EQ(a.form.parts, b.form.parts);
  EXPECT_EQ(a.plan.work_measures, b.plan.work_measures);
  EXPECT_EQ(a.plan.targets, b.plan.targets);
  const auto &r = a.records, &q = b.records;
  ASSERT_EQ(r.events.size(), q.events.size());
  for (std::size_t i = 0; i < r.events.size(); ++i) {
    EXPECT_EQ(r.events[i].title, q.events[i].title);
    EXPECT_EQ(r.events[i].type, q.events[i].type);
    EXPECT_EQ(r.events[i].held_on, q.events[i].held_on);
    EXPECT_EQ(r.events[i].attendance, q.events[i].attendance);
    EXPECT_EQ(r.events[i].offline_attendance, q.events[i].offline_attendance);
    EXPECT_EQ(r.events[i].place, q.events[i].place);
    EXPECT_EQ(r.events[i].partners, q.events[i].partners);
  }
  ASSERT_EQ(r.transfers.size(), q.transfers.size());
  for (std::size_t i = 0; i < r.transfers.size(); ++i) {
    EXPECT_EQ(r.transfers[i].title, q.transfers[i].title);
    EXPECT_EQ(r.transfers[i].transferred_on, q.transfers[i].transferred_on);
    EXPECT_EQ(r.transfers[i].economic_benefit, q.transfers[i].economic_benefit);
  }
  ASSERT_EQ(r.platform_items.size(), q.platform_items.size());
  for (std::size_t i = 0; i < r.platform_items.size(); ++i) {
    EXPECT_EQ(r.platform_items[i].kind, q.platform_items[i].kind);
    EXPECT_EQ(r.platform_items[i].title, q.platform_items[i].title);
    EXPECT_EQ(r.platform_items[i].filed_on, q.platform_items[i].filed_on);
  }
  ASSERT_EQ(r.media_reports.size(), q.media_reports.size());
  for (std::size_t i = 0; i < r.media_reports.size(); ++i) {
    EXPECT_EQ(r.media_reports[i].outlet, q.media_reports[i].outlet);
    EXPECT_EQ(r.media_reports[i].title, q.media_reports[i].title);
    EXPECT_EQ(r.media_reports[i].published_on, q.media_reports[i].published_on);
    EXPECT_EQ(r.media_reports[i].mainstream, q.media_reports[i].mainstream);
  }
  ASSERT_EQ(r.experts.size(), q.experts.size());
  for (std::size_t i = 0; i < r.experts.size(); ++i) {
    EXPECT_EQ(r.experts[i].name, q.experts[i].name);
    EXPECT_EQ(r.experts[i].affiliation, q.experts[i].affiliation);
    EXPECT_EQ(r.experts[i].nationally_known, q.experts[i].nationally_known);
  }
  EXPECT_EQ(r.governance_systems, q.governance_systems);
  ASSERT_EQ(r.texts.size(), q.texts.size());
  for (std::size_t i = 0; i < r.texts.size(); ++i) {
    EXPECT_EQ(r.texts[i].type, q.texts[i].type);
    EXPECT_EQ(r.texts[i].title, q.texts[i].title);
    EXPECT_EQ(r.texts[i].content, q.texts[i].content);
  }
}

/// An application with every field of the model set, including the awkward cases.
nxkx::application everything() {
  nxkx::application a;
  a.id = "2025-9999";
  a.project_type = "grassroots_societies_capacity";
  a.title = "标题 with \"quotes\", a back\\slash, a\nnewline, a tab\t and 😀";
  a.approval_date = ymd(2025, 6, 1);
  a.applicant.name = "宁夏回族自治区农学会";
  a.applicant.credit_code = "";  // present but empty: not the same as unknown
  a.applicant.kind = "society";
  a.applicant.division = "640104";
  decl(a.applicant, "legal_person") = true;
  decl(a.applicant, "own_account") = false;
  decl(a.applicant, "has_capacity") = true;
  decl(a.applicant, "supervised_by_association") = false;
  decl(a.applicant, "group_member") = true;
  decl(a.applicant, "approved_by_cast") = false;
  decl(a.applicant, "establishment_approved") = false;
  decl(a.applicant, "field") = "health";
  {
    auto& y = a.applicant.history[2023];
    decl(y, "annual_inspection") = "basically_qualified";
    decl(y, "penalized") = true;
    decl(y, "projects") = "none_assigned";
    decl(y, "evaluation_grade") = "c";
  }
  a.applicant.history[2024] = {};  // a year declared with every fact unknown
  {
    auto& y = a.applicant.history[999];  // written "0999"
    decl(y, "annual_inspection") = "not_participated";
    decl(y, "evaluation_grade") = "not_rated";
  }
  nxkx::joint_applicant j;
  j.name = "贺兰县农学会";
  j.kind = "grassroots_society";
  decl(j, "field") = "other";
  decl(j, "field_name") = "工业技术";
  decl(j, "head_signed") = true;
  decl(j, "sealed") = false;
  a.joint_applicants.push_back(j);
  a.joint_applicants.push_back({});  // all unknown except the kind
  a.joint_applicants.back().kind = "society";
  a.recommendation_letter = nxkx::recommendation_letter{};  // a letter whose facts are all unknown
  a.submission.paper_copies = 0;
  a.submission.sealed = false;
  a.submission.delivery = "courier";
  decl(a.submission, "dispatch_date") = ymd(2025, 5, 16);
  decl(a.submission, "handed_in_date") = ymd(2025, 5, 17);
  decl(a.submission, "received_date") = ymd(2025, 5, 18);
  a.submission.word_version.emailed = false;
  a.submission.word_version.sent_to = "nxkxxhb@163.com";
  a.submission.word_version.sent_on = ymd(2024, 2, 29);
  a.form.parts = std::vector<std::string>{};  // known: no part filled in
  a.plan.work_measures = {"举措一", ""};
  a.plan.targets = {{"events", 0}, {"partners", 9223372036854775807}};
  nxkx::event e;
  e.title = "学术交流会";
  e.type = "academic_exchange";
  e.held_on = ymd(2025, 9, 1);
  e.attendance = 260;
  e.offline_attendance = 210;
  e.place = "银川";
  e.partners = {"51640122MJX000085G", "51640302MJX000093N"};
  a.records.events = {e, nxkx::event{}};
  a.records.transfers = {{"成果", ymd(2025, 8, 8), 1234567.25}, {"零效益", std::nullopt, 0.0}};
  a.records.platform_items = {{"need", "需求", ymd(2025, 7, 1)}, {"result", "", std::nullopt}};
  a.records.media_reports = {{"宁夏日报", "报道", ymd(2025, 10, 1), true}};
  a.records.experts = {{"张三", "中国科学院", true}, {"李四", "", false}};
  a.records.governance_systems = {"council_procedure", "membership", "finance"};
  a.records.texts = {{"case_study", "典型工作案例", std::string(2000, 'x')}};
  return a;
}

// ---- the examples ----

TEST(JsonExamples, EveryProjectTypeHasOne) {
  for (const auto& t : pack().project_types()) {
    const fs::path p = examples_dir() / (t.code + ".json");
    SCOPED_TRACE(p.string());
    ASSERT_TRUE(fs::exists(p));
    const auto a = nxkx::parse_application(read_file(p), pack());
    EXPECT_EQ(a.project_type, t.code);
    // What an accepted application needs at intake, as far as the reader can see.
    EXPECT_EQ(a.submission.paper_copies, 2);
    EXPECT_EQ(a.submission.sealed, true);
    EXPECT_EQ(a.submission.word_version.emailed, true);
    EXPECT_EQ(a.submission.word_version.sent_to, "nxkxxhb@163.com");
    ASSERT_TRUE(a.submission.delivery.has_value());
    const auto when = (*a.submission.delivery == "courier" ? decl(a.submission, "dispatch_date")
                                                           : decl(a.submission, "handed_in_date"))
                          .as_date();
    ASSERT_TRUE(when.has_value());
    EXPECT_LE(*when, ymd(2025, 5, 16));
    ASSERT_TRUE(a.form.parts.has_value());
    EXPECT_EQ(a.form.parts->size(), 7u);
    EXPECT_FALSE(a.plan.work_measures.empty());
    EXPECT_EQ(decl(a.applicant, "legal_person"), true);
    EXPECT_EQ(decl(a.applicant, "own_account"), true);
    EXPECT_EQ(decl(a.applicant, "has_capacity"), true);
    for (int year : {2023, 2024}) {
      ASSERT_EQ(a.applicant.history.count(year), 1u) << year;
      const auto& y = a.applicant.history.at(year);
      EXPECT_EQ(decl(y, "annual_inspection"), "qualified");
      EXPECT_EQ(decl(y, "penalized"), false);
      EXPECT_EQ(decl(y, "projects"), "completed");
      EXPECT_NE(decl(y, "evaluation_grade"), "c");
    }
  }
}

TEST(JsonExamples, RoundTrip) {
  const auto files = example_files();
  ASSERT_GE(files.size(), 9u);
  for (const auto& p : files) {
    SCOPED_TRACE(p.filename().string());
    const auto a = nxkx::parse_application(read_file(p), pack());
    const std::string text = nxkx::to_json(a, pack());
    const auto b = nxkx::parse_application(text, pack());
    expect_same(a, b);
    EXPECT_EQ(nxkx::to_json(b, pack()), text);  // writing is stable
    expect_same(a, nxkx::parse_application(nxkx::to_json(a, pack(), -1), pack()));
  }
}

TEST(JsonExamples, RejectedVariantsDifferWhereIntended) {
  auto load = [](const char* name) {
    return nxkx::parse_application(read_file(examples_dir() / name), pack());
  };
  EXPECT_EQ(
      decl(load("society_capacity-grade-c.json").applicant.history.at(2024), "evaluation_grade"),
      "c");
  const auto late = load("park_sta_capacity-late-courier.json");
  EXPECT_EQ(late.submission.delivery, "courier");
  EXPECT_EQ(decl(late.submission, "dispatch_date"), ymd(2025, 5, 17));
  const auto outside = load("grassroots-outside-ningxia.json");
  EXPECT_EQ(outside.project_type, "grassroots_societies_capacity");
  ASSERT_EQ(outside.joint_applicants.size(), 3u);
  EXPECT_EQ(outside.joint_applicants[2].division, "610102");
}

TEST(JsonExamples, ABatchOfAllHasNoDuplicateApplicantOrTitle) {
  std::set<std::string> codes, titles, ids;
  for (const auto& p : example_files()) {
    const auto a = nxkx::parse_application(read_file(p), pack());
    ASSERT_TRUE(a.applicant.credit_code.has_value()) << p;
    EXPECT_TRUE(codes.insert(*a.applicant.credit_code).second) << p;
    EXPECT_TRUE(titles.insert(a.title).second) << p;
    EXPECT_TRUE(ids.insert(a.id).second) << p;
  }
}

TEST(JsonExamples, DecisionsAsOf20250520) {
  // The six <project_type>.json are accepted; each other example breaks exactly one rule.
  const std::map<std::string, std::string> broken = {
      {"society_capacity-grade-c.json", "/applicant/history/2024/evaluation_grade"},
      {"park_sta_capacity-late-courier.json", "/submission/dispatch_date"},
      {"grassroots-outside-ningxia.json", "/joint_applicants/2/division"}};
  std::vector<nxkx::application> apps;
  std::vector<std::string> names;
  for (const auto& p : example_files()) {
    apps.push_back(nxkx::parse_application(read_file(p), pack()));
    names.push_back(p.filename().string());
  }
  nxkx::check_options opt;
  opt.as_of = ymd(2025, 5, 20);
  const auto reports = nxkx::check_batch(pack(), apps, opt);  // a batch: no duplicates either
  ASSERT_EQ(reports.size(), apps.size());
  for (std::size_t i = 0; i < reports.size(); ++i) {
    SCOPED_TRACE(names[i]);
    const auto it = broken.find(names[i]);
    if (it == broken.end()) {
      EXPECT_EQ(reports[i].decision, nxkx::decision::accepted);
      for (const auto& f : reports[i].findings) ADD_FAILURE() << f.rule_id << " " << f.path;
    } else {
      EXPECT_EQ(reports[i].decision, nxkx::decision::rejected);
      ASSERT_GE(reports[i].findings.size(), 1u);
      EXPECT_EQ(reports[i].findings[0].path, it->second);
      // The consequences are the only other findings allowed: a partner outside Ningxia also
      // leaves fewer than three valid 基层"三会" (一(二)2(1)); a Word version e-mailed with the
      // late paper form is late too (三(二)).
      for (std::size_t k = 1; k < reports[i].findings.size(); ++k)
        EXPECT_TRUE(reports[i].findings[k].rule_id == "target.grassroots.partner_societies" ||
                    reports[i].findings[k].rule_id == "submission.word_version_date")
            << reports[i].findings[k].rule_id;
    }
  }
}

// ---- writing ----

TEST(JsonWrite, EveryFieldSurvivesARoundTrip) {
  const auto a = everything();
  const std::string text = nxkx::to_json(a, pack());
  const auto b = nxkx::parse_application(text, pack());
  expect_same(a, b);
  EXPECT_EQ(nxkx::to_json(b, pack()), text);
  const json doc = json::parse(text);
  EXPECT_EQ(doc["applicant"]["history"].count("0999"), 1u);
  EXPECT_EQ(doc["applicant"]["history"]["2024"], json::object());
  EXPECT_EQ(doc["recommendation_letter"], json::object());
  EXPECT_EQ(doc["form"]["parts"], json::array());
  EXPECT_EQ(doc["applicant"]["credit_code"], "");
}

TEST(JsonWrite, UnknownFactsAreLeftOutNotWrittenAsFalse) {
  nxkx::application a;
  a.project_type = "park_sta_capacity";
  a.applicant.kind = "park_sta";
  decl(a.applicant, "legal_person") = false;
  EXPECT_EQ(json::parse(nxkx::to_json(a, pack())),
            json::parse(R"({"project_type": "park_sta_capacity",
                            "applicant": {"kind": "park_sta", "legal_person": false}})"));
  const auto b = nxkx::parse_application(nxkx::to_json(a, pack()), pack());
  EXPECT_FALSE(decl(b.applicant, "own_account").has_value());
  EXPECT_FALSE(b.recommendation_letter.has_value());
  EXPECT_FALSE(b.form.parts.has_value());
}

TEST(JsonWrite, FieldsInDocumentOrderAndCompactOnRequest) {
  const std::string text = nxkx::to_json(everything(), pack(), -1);
  EXPECT_EQ(text.find('\n'), std::string::npos);
  EXPECT_TRUE(starts_with(text, R"({"id":"2025-9999","project_type":)")) << text.substr(0, 80);
  EXPECT_NE(text.find("宁夏回族自治区农学会"), std::string::npos);  // UTF-8, not \u escapes
}

TEST(JsonWrite, InvalidUtf8InTheModelIsReplacedNotThrown) {
  nxkx::application a;
  a.project_type = "society_capacity";
  a.applicant.kind = "society";
  a.title = "bad \xFF byte";
  std::string text;
  ASSERT_NO_THROW(text = nxkx::to_json(a, pack()));
  EXPECT_EQ(nxkx::parse_application(text, pack()).title, "bad \xEF\xBF\xBD byte");
}

// ---- reading: values ----

TEST(JsonRead, MinimalApplication) {
  const auto a = nxkx::parse_application(minimal().dump(), pack());
  EXPECT_EQ(a.project_type, "society_capacity");
  EXPECT_EQ(a.applicant.kind, "society");
  EXPECT_FALSE(decl(a.applicant, "legal_person").has_value());
  EXPECT_FALSE(a.submission.paper_copies.has_value());
  EXPECT_TRUE(a.applicant.history.empty());
}

TEST(JsonRead, NullIsUnknown) {
  const auto a = nxkx::parse_application(R"({
      "id": null, "project_type": "society_capacity", "title": null, "approval_date": null,
      "applicant": {"kind": "society", "legal_person": null, "history": {"2023": null,
                    "2024": {"penalized": null}}},
      "joint_applicants": null, "recommendation_letter": null,
      "submission": {"paper_copies": null, "word_version": null},
      "form": {"parts": null}, "plan": {"targets": {"events": null}}, "records": null})",
                                         pack());
  EXPECT_FALSE(decl(a.applicant, "legal_person").has_value());
  EXPECT_EQ(a.applicant.history.count(2023), 0u);
  ASSERT_EQ(a.applicant.history.count(2024), 1u);
  EXPECT_FALSE(decl(a.applicant.history.at(2024), "penalized").has_value());
  EXPECT_FALSE(a.recommendation_letter.has_value());
  EXPECT_FALSE(a.submission.paper_copies.has_value());
  EXPECT_FALSE(a.form.parts.has_value());
  EXPECT_TRUE(a.plan.targets.empty());
}

TEST(JsonRead, TimestampsBecomeChinaDates) {
  auto dispatch = [](const char* text) {
    const auto a = nxkx::parse_application(with("/submission/dispatch_date", text), pack());
    return decl(a.submission, "dispatch_date").as_date();
  };
  EXPECT_EQ(dispatch("2025-05-16T16:30:00Z"), ymd(2025, 5, 17));  // 00:30 on the 17th in Beijing
  EXPECT_EQ(dispatch("2025-05-16T15:59:59Z"), ymd(2025, 5, 16));
  EXPECT_EQ(dispatch("2025-05-16T23:59:00+08:00"), ymd(2025, 5, 16));
  EXPECT_EQ(dispatch("2025-05-16"), ymd(2025, 5, 16));
}

TEST(JsonRead, Int64LimitsAreAccepted) {
  const auto a = nxkx::parse_application(
      with("/plan/targets", {{"events", 9223372036854775807LL}, {"texts", 0}}), pack());
  EXPECT_EQ(a.plan.targets.at("events"), 9223372036854775807LL);
  EXPECT_EQ(a.plan.targets.at("texts"), 0);
}

TEST(JsonRead, EconomicBenefitTakesIntegersAndDecimals) {
  const auto a = nxkx::parse_application(
      with("/records/transfers",
           json::array({{{"economic_benefit", 50000}}, {{"economic_benefit", 1.5e6}}})),
      pack());
  EXPECT_EQ(a.records.transfers[0].economic_benefit, 50000.0);
  EXPECT_EQ(a.records.transfers[1].economic_benefit, 1.5e6);
}

TEST(JsonRead, ByteOrderMarkIsSkipped) {
  EXPECT_NO_THROW(nxkx::parse_application("\xEF\xBB\xBF" + minimal().dump(), pack()));
  EXPECT_EQ(nxkx::parse_applications("\xEF\xBB\xBF[" + minimal().dump() + "]", pack()).size(), 1u);
}

TEST(JsonRead, ByteOrderMarkOnlyAtTheStartOfTheDocument) {
  // Found by the application fuzz target: an element of a batch that began with a byte order
  // mark was read as if it were a document of its own, although the text is not JSON.
  const std::string one = minimal().dump();
  for (const std::string& text : {"[\xEF\xBB\xBF" + one + "]",
                                  "[" + one + ",\xEF\xBB\xBF" + one + "]", " \xEF\xBB\xBF" + one}) {
    const auto e = error_of(text);
    ASSERT_TRUE(e) << text.substr(0, 40);
    EXPECT_EQ(e->code(), "input.syntax") << e->reason();
    EXPECT_FALSE(json::accept(text));
  }
}

// ---- batches ----

TEST(JsonBatch, ArrayOrSingleObject) {
  const std::string one = minimal().dump();
  EXPECT_EQ(nxkx::parse_applications(one, pack()).size(), 1u);
  EXPECT_EQ(nxkx::parse_applications("[" + one + "," + one + "]", pack()).size(), 2u);
  EXPECT_TRUE(nxkx::parse_applications("[]", pack()).empty());
}

TEST(JsonBatch, PathsStartWithTheIndex) {
  json bad = minimal();
  bad["applicant"]["kind"] = "foo";
  const std::string doc = json::array({minimal(), bad}).dump();
  expect_error(doc, "input.unknown_code", "/1/applicant/kind");
  expect_error(R"([{"project_type": "society_capacity", "applicant": {"kind": "society"}}, 7])",
               "input.type", "/1");
  expect_error("[{}]", "input.missing", "/0/project_type");
}

TEST(JsonBatch, TopLevelMustBeObjectOrArray) {
  expect_error("42", "input.type", "");
  expect_error("null", "input.type", "");
  try {
    nxkx::parse_application("[]", pack());
    ADD_FAILURE() << "an array is not one application";
  } catch (const nxkx::input_error& e) {
    EXPECT_EQ(e.code(), "input.type");
    EXPECT_EQ(e.path(), "");
    EXPECT_EQ(e.reason(), "expected an application object, found an array");
  }
}

// ---- errors ----

TEST(JsonErrors, WrongType) {
  EXPECT_EQ(expect_error(with("/submission/paper_copies", "two"), "input.type",
                         "/submission/paper_copies"),
            "expected an integer, found a string");
  EXPECT_EQ(
      expect_error(with("/applicant/legal_person", "y"), "input.type", "/applicant/legal_person"),
      "expected true or false, found a string");
  expect_error(with("/applicant/legal_person", 1), "input.type", "/applicant/legal_person");
  expect_error(with("/title", 5), "input.type", "/title");
  expect_error(with("/applicant", "学会"), "input.type", "/applicant");
  expect_error(with("/form/parts", "basic_info"), "input.type", "/form/parts");
  expect_error(with("/plan/work_measures", json::array({"a", nullptr})), "input.type",
               "/plan/work_measures/1");
  expect_error(with("/records/events", json::array({json::array()})), "input.type",
               "/records/events/0");
  expect_error(with("/approval_date", 20250601), "input.type", "/approval_date");
  expect_error(with("/records/transfers/0/economic_benefit", "1000"), "input.type",
               "/records/transfers/0/economic_benefit");
}

TEST(JsonErrors, WrongTypeDeepInAnArray) {
  json doc = minimal();
  doc["project_type"] = "grassroots_societies_capacity";
  doc["joint_applicants"] = json::array({{{"kind", "grassroots_society"}, {"sealed", true}},
                                         {{"kind", "grassroots_society"}, {"sealed", 1}}});
  EXPECT_EQ(expect_error(doc.dump(), "input.type", "/joint_applicants/1/sealed"),
            "expected true or false, found an integer");
}

TEST(JsonErrors, IntegralDecimalIsNotAnInteger) {
  const auto reason =
      expect_error(R"({"project_type": "society_capacity", "applicant": {"kind": "society"},
                       "submission": {"paper_copies": 2.0}})",
                   "input.type", "/submission/paper_copies");
  EXPECT_NE(reason.find("2.0"), std::string::npos) << reason;
  expect_error(R"({"project_type": "society_capacity", "applicant": {"kind": "society"},
                   "plan": {"targets": {"events": 4e0}}})",
               "input.type", "/plan/targets/events");
}

TEST(JsonErrors, Range) {
  EXPECT_EQ(
      expect_error(with("/submission/paper_copies", -1), "input.range", "/submission/paper_copies"),
      "expected a non-negative integer, found -1");
  expect_error(with("/records/events", json::array({{{"attendance", -30}}})), "input.range",
               "/records/events/0/attendance");
  expect_error(with("/plan/targets/events", -4), "input.range", "/plan/targets/events");
  const std::string head =
      R"({"project_type": "society_capacity", "applicant": {"kind": "society"},)";
  expect_error(head + R"("submission": {"paper_copies": 9223372036854775808}})", "input.range",
               "/submission/paper_copies");
  expect_error(head + R"("submission": {"paper_copies": -9223372036854775809}})", "input.range",
               "/submission/paper_copies");
  expect_error(head + R"("submission": {"paper_copies": 123456789012345678901234567890}})",
               "input.range", "/submission/paper_copies");
  expect_error(head + R"("records": {"transfers": [{"economic_benefit": 1e400}]}})", "input.range",
               "/records/transfers/0/economic_benefit");
  expect_error(head + R"("records": {"transfers": [{}, {"economic_benefit": -1e400}]}})",
               "input.range", "/records/transfers/1/economic_benefit");
  expect_error("[1e999]", "input.range", "/0");
}

TEST(JsonErrors, UnknownCode) {
  EXPECT_TRUE(starts_with(
      expect_error(with("/applicant/kind", "foo"), "input.unknown_code", "/applicant/kind"),
      "unknown applicant kind \"foo\"; expected one of society (全区学会), park_sta (园区科协), "
      "haizhi_base (海智基地), "));
  EXPECT_EQ(
      expect_error(with("/applicant/kind", "socity"), "input.unknown_code", "/applicant/kind"),
      "unknown applicant kind \"socity\"; did you mean \"society\" (全区学会)?");
  EXPECT_TRUE(starts_with(
      expect_error(with("/project_type", "society"), "input.unknown_code", "/project_type"),
      "unknown project type \"society\"; expected one of "));
  expect_error(with("/applicant/field", "medicine"), "input.unknown_code", "/applicant/field");
  // (history is spelled out: a json_pointer would make "2024" an array index)
  expect_error(with("/applicant/history", {{"2024", {{"annual_inspection", "passed"}}}}),
               "input.unknown_code", "/applicant/history/2024/annual_inspection");
  expect_error(with("/applicant/history", {{"2024", {{"evaluation_grade", "C"}}}}),
               "input.unknown_code", "/applicant/history/2024/evaluation_grade");
  expect_error(with("/submission/delivery", "post"), "input.unknown_code", "/submission/delivery");
  expect_error(with("/form/parts", json::array({"basic_info", "appendix"})), "input.unknown_code",
               "/form/parts/1");
  expect_error(with("/plan/targets", {{"events", 4}, {"lectures", 2}}), "input.unknown_code",
               "/plan/targets/lectures");
  const auto reason = expect_error(with("/records/events", json::array({{{"type", "party"}}})),
                                   "input.unknown_code", "/records/events/0/type");
  EXPECT_NE(reason.find("academic_exchange"), std::string::npos) << reason;
  expect_error(with("/records/texts", json::array({{{"type", "essay"}}})), "input.unknown_code",
               "/records/texts/0/type");
  expect_error(with("/records/platform_items", json::array({{{"kind", "idea"}}})),
               "input.unknown_code", "/records/platform_items/0/kind");
  expect_error(with("/records/governance_systems", json::array({"membership", "hr"})),
               "input.unknown_code", "/records/governance_systems/1");
}

TEST(JsonErrors, UnknownField) {
  EXPECT_EQ(expect_error(with("/applicant/nmae", "x"), "input.unknown_field", "/applicant/nmae"),
            "unknown field \"nmae\"; did you mean \"name\"?");
  EXPECT_TRUE(
      starts_with(expect_error(with("/applicant/head_signed", true), "input.unknown_field",
                               "/applicant/head_signed"),
                  "unknown field \"head_signed\"; expected one of name, credit_code, kind, "));
  expect_error(with("/records/events", json::array({{{"title", "a"}}, {{"titel", "b"}}})),
               "input.unknown_field", "/records/events/1/titel");
  expect_error(with("/submission/word_version/emailled", true), "input.unknown_field",
               "/submission/word_version/emailled");
  expect_error(with("/applicant/history", {{"2024", {{"grade", "a"}}}}), "input.unknown_field",
               "/applicant/history/2024/grade");
  expect_error(with("/applicant/history", {{"24", json::object()}}), "input.unknown_field",
               "/applicant/history/24");
  expect_error(with("/applicant/history", {{"２０２４", json::object()}}), "input.unknown_field",
               "/applicant/history/２０２４");
  expect_error(with("/extra", json::object()), "input.unknown_field", "/extra");
}

TEST(JsonErrors, PointerEscaping) {
  expect_error(with("/a~1b", 1), "input.unknown_field", "/a~1b");
  expect_error(with("/applicant/m~0n", 1), "input.unknown_field", "/applicant/m~0n");
  expect_error(with("/plan/targets/x~1y~0z", 1), "input.unknown_code", "/plan/targets/x~1y~0z");
  expect_error(with("/", 1), "input.unknown_field", "/");  // the empty key
}

TEST(JsonErrors, Missing) {
  EXPECT_EQ(expect_error(R"({"applicant": {"kind": "society"}})", "input.missing", "/project_type"),
            "required field is missing");
  EXPECT_EQ(expect_error(with("/project_type", nullptr), "input.missing", "/project_type"),
            "required field is null");
  expect_error(R"({"project_type": "society_capacity"})", "input.missing", "/applicant");
  expect_error(with("/applicant", json::object()), "input.missing", "/applicant/kind");
  expect_error(with("/applicant/kind", nullptr), "input.missing", "/applicant/kind");
  expect_error(
      with("/joint_applicants", json::array({{{"kind", "grassroots_society"}}, {{"name", "x"}}})),
      "input.missing", "/joint_applicants/1/kind");
}

TEST(JsonErrors, DuplicateKeys) {
  expect_error(R"({"project_type": "society_capacity", "project_type": "park_sta_capacity",
                   "applicant": {"kind": "society"}})",
               "input.duplicate_key", "/project_type");
  expect_error(R"({"project_type": "society_capacity", "applicant": {"kind": "society",
                   "history": {"2024": {}, "2024": null}}})",
               "input.duplicate_key", "/applicant/history/2024");
  expect_error(R"({"project_type": "society_capacity", "applicant": {"kind": "society"},
                   "plan": {"targets": {"events": 4, "events": 5}}})",
               "input.duplicate_key", "/plan/targets/events");
  expect_error(R"({"project_type": "society_capacity", "applicant": {"kind": "society"},
                   "records": {"events": [{"title": "a", "title": "b"}]}})",
               "input.duplicate_key", "/records/events/0/title");
}

TEST(JsonErrors, ImpossibleDate) {
  const auto reason = expect_error(with("/submission/dispatch_date", "2025-02-30"), "input.date",
                                   "/submission/dispatch_date");
  EXPECT_NE(reason.find("2025-02-30"), std::string::npos) << reason;
  expect_error(with("/approval_date", "2025/06/01"), "input.date", "/approval_date");
  expect_error(with("/records/events", json::array({{{"held_on", "yesterday"}}})), "input.date",
               "/records/events/0/held_on");
  expect_error(with("/recommendation_letter/issued", std::string(10000, '2')), "input.date",
               "/recommendation_letter/issued");
}

TEST(JsonErrors, Syntax) {
  const auto reason = expect_error(R"({"project_type": })", "input.syntax", "");
  EXPECT_NE(reason.find("at byte 17 (line 1, column 18)"), std::string::npos) << reason;
  EXPECT_NE(expect_error("{", "input.syntax", "").find("end of input"), std::string::npos);
  expect_error("", "input.syntax", "");
  expect_error("{} {}", "input.syntax", "");
  expect_error("{\"a\": 1,}", "input.syntax", "");
  expect_error("// comment\n{}", "input.syntax", "");
  expect_error("{\"title\": \"tab\there\"}", "input.syntax", "");    // raw control character
  expect_error(R"({"title": "\uD800 alone"})", "input.syntax", "");  // unpaired surrogate escape
  // A well-formed Chinese character where a value should be is a syntax error, not UTF-8.
  expect_error("{\"title\": 宁夏}", "input.syntax", "");
  EXPECT_NE(expect_error("{\n  \"title\": x\n}", "input.syntax", "").find("line 2"),
            std::string::npos);
}

TEST(JsonErrors, InvalidUtf8) {
  const std::string head = R"({"project_type": "society_capacity", "title": ")";
  const std::string tail = R"(", "applicant": {"kind": "society"}})";
  for (const std::string bad :
       {"\xC3\x28", "\xFF", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE5\xAE"}) {
    SCOPED_TRACE(testing::PrintToString(bad));
    const auto reason = expect_error(head + "ok " + bad + " ok" + tail, "input.utf8", "");
    const std::string at = "at byte " + std::to_string(head.size() + 3) + " ";
    EXPECT_NE(reason.find(at), std::string::npos) << reason;
  }
  // Outside a string too.
  expect_error("{\"title\": \xFF}", "input.utf8", "");
  expect_error("\xFE\xFF{}", "input.utf8", "");
  expect_error("{\"title\": \"\\\xFF\"}", "input.utf8", "");  // after a backslash
  // A valid multi-byte sequence before the bad byte does not shift the offset count.
  EXPECT_NE(expect_error("{\"title\": \"宁\xFF\"}", "input.utf8", "").find("at byte 14 "),
            std::string::npos);
}

TEST(JsonLimits, DeepNestingIsAnErrorNotACrash) {
  const std::string arrays = std::string(10000, '[') + std::string(10000, ']');
  std::string expected_path;
  for (int i = 0; i < 64; ++i) expected_path += "/0";
  expect_error(arrays, "input.limit", expected_path);
  std::string objects;
  for (int i = 0; i < 10000; ++i) objects += "{\"a\":";
  objects += "1" + std::string(10000, '}');
  std::string object_path;
  for (int i = 0; i < 64; ++i) object_path += "/a";
  expect_error(objects, "input.limit", object_path);
  expect_error(std::string(1000000, '['), "input.limit", expected_path);  // never closed
  expect_error(minimal().dump().insert(1, "\"records\": " + arrays + ","), "input.limit",
               "/records" + expected_path.substr(2));
}

TEST(JsonLimits, SixtyFourLevelsAreParsedSixtyFiveAreNot) {
  const auto nested = [](std::size_t n) { return std::string(n, '[') + std::string(n, ']'); };
  EXPECT_EQ(error_of(nested(64))->code(), "input.type");  // parsed, then refused as no object
  EXPECT_EQ(error_of(nested(65))->code(), "input.limit");
}

TEST(JsonLimits, HugeObjectIsRefusedAtItsFirstUnknownField) {
  // Duplicate detection must not be quadratic in the number of keys.
  std::string doc = "{";
  for (int i = 0; i < 100000; ++i) doc += "\"k" + std::to_string(i) + "\":0,";
  doc.back() = '}';
  expect_error(doc, "input.unknown_field", "/k0");
}

TEST(JsonLimits, NoInputCrashesOrThrowsAnythingElse) {
  const std::string base = read_file(examples_dir() / "society_capacity.json");
  auto only_input_errors = [](std::string_view text) {
    try {
      (void)nxkx::parse_applications(text, pack());
    } catch (const nxkx::input_error& e) {
      if (e.code().empty() || e.reason().empty()) return false;
    } catch (...) {
      return false;
    }
    return true;
  };
  for (std::size_t n = 0; n <= base.size(); ++n)
    ASSERT_TRUE(only_input_errors(std::string_view(base).substr(0, n))) << "prefix " << n;
  for (std::size_t i = 0; i < base.size(); ++i) {
    for (char c : {'"', ']', '\xFF', '\0'}) {
      std::string t = base;
      t[i] = c;
      ASSERT_TRUE(only_input_errors(t)) << "byte " << i << " set to " << int(c);
    }
  }
}

/// Whether the reader takes `text` for JSON: it either reads it or refuses it for what it holds,
/// not as malformed. Empty when that cannot be compared with nlohmann (a limit, a number out of
/// our range, a NUL byte where nlohmann stops reading).
std::optional<bool> reads_as_json(std::string_view text) {
  if (text.find('\0') != std::string_view::npos) return std::nullopt;
  const auto e = error_of(text);
  if (!e) return true;
  if (e->code() == "input.limit" || e->code() == "input.range") return std::nullopt;
  return e->code() != "input.syntax" && e->code() != "input.utf8";
}

TEST(JsonSyntax, AgreesWithNlohmannOnWhatIsJson) {
  const std::vector<std::string> docs = {R"({"a":"\u00e9\ud83d\ude00\/\b\f\n\r\t\"\\"})",
                                         "[]",
                                         "{}",
                                         " [ 1 , -0 , 0.5 ] ",
                                         "[-1.5e+3, 1E-2, 2e10, 0e0, -0.0]",
                                         "[01]",
                                         "[1.]",
                                         "[.5]",
                                         "[-]",
                                         "[+1]",
                                         "[1e]",
                                         "[1e+]",
                                         "[0x1]",
                                         "[NaN]",
                                         "[Infinity]",
                                         "[tru]",
                                         "[nul]",
                                         "[fals]",
                                         "[true false]",
                                         "[\"\\u12\"]",
                                         "[\"\\uDC00\"]",
                                         "[\"\\uD800\\u0041\"]",
                                         "[\"\\uD800\"]",
                                         "[\"\\uDBFF\\uDFFF\"]",
                                         "[\"\\x41\"]",
                                         "[\"\\'\"]",
                                         "[\"a\" \"b\"]",
                                         "{\"a\" 1}",
                                         "{\"a\":1,}",
                                         "{,}",
                                         "[,1]",
                                         "[1,,2]",
                                         "{\"a\":}",
                                         "{1:2}",
                                         "\"\xC3\xA9\"",
                                         "\"\xE5\xAE\x81\"",
                                         "\"\xF0\x9F\x98\x80\"",
                                         "\"\xC3\"",
                                         "\"\xED\xA0\x80\"",
                                         "\"\xF4\x90\x80\x80\"",
                                         "\"\xC0\xAF\"",
                                         "\t\n\r []",
                                         "[]\f",
                                         "\xEF\xBB\xBF[]",
                                         "[\"a\x7F\"]",
                                         "[\"\x1F\"]",
                                         "",
                                         " ",
                                         "nul",
                                         "truex",
                                         "[1]x",
                                         "[1] ",
                                         "{\"a\":[{\"b\":[]}]}",
                                         "[-01]",
                                         "[\"\\u0000\"]",
                                         "{\"a\":1}}",
                                         "[[]",
                                         "[]]",
                                         "\"abc",
                                         "\"abc\\",
                                         "[\"\\uD834\\uDD1E\"]",
                                         "[1.5e-400]",
                                         "[123456789012345678]"};
  for (const auto& d : docs) {
    SCOPED_TRACE(testing::PrintToString(d));
    const auto ours = reads_as_json(d);
    ASSERT_TRUE(ours.has_value());
    EXPECT_EQ(*ours, json::accept(d));
  }
  // Every byte of an example deleted, or replaced by one that matters to the grammar.
  const std::string base = json::parse(read_file(examples_dir() / "society_capacity.json")).dump();
  std::size_t compared = 0;
  auto compare = [&](const std::string& t) {
    if (const auto ours = reads_as_json(t)) {
      ++compared;
      ASSERT_EQ(*ours, json::accept(t)) << t;
    }
  };
  for (std::size_t i = 0; i < base.size(); ++i) {
    compare(std::string(base).erase(i, 1));
    for (char c : {'"', '\\', '}', ']', ',', ':', '0', '-', 'e', '.', ' ', '\x80', '\x01'}) {
      std::string t = base;
      t[i] = c;
      compare(t);
    }
  }
  EXPECT_GT(compared, base.size() * 10);
}

TEST(JsonErrors, AreNxkxErrors) {
  try {
    nxkx::parse_application("{", pack());
    ADD_FAILURE();
  } catch (const nxkx::error& e) {
    EXPECT_EQ(e.code(), "input.syntax");
    EXPECT_NE(std::string(e.what()).size(), 0u);
  }
}

// A batch is judged as one document: an error of an element's text (here a number out of range,
// met before the '=' that makes the text malformed) goes before an earlier element's error of
// what it says, as when the whole document was tokenized first (fuzz/regressions/application/
// range-in-a-malformed-element-after-a-type-error.json, found by nxkx_fuzz_application).
TEST(JsonBatch, AnElementsTextErrorGoesBeforeAnEarlierElementsModelError) {
  expect_error("[1,9999999999999999999999999999=]", "input.range", "/1");
  expect_error("[1,2=]", "input.syntax", "/1");
  expect_error("[1, {}]", "input.type", "/0");
}

}  // namespace
