// to_json(report) writes its text directly; these tests hold it to the text nlohmann's
// ordered_json gives for the same document (the implementation it replaced), byte for byte, for
// every report of the conformance corpus and of the examples, and for odd strings.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "nxkx/nxkx.hpp"
#include "test_support.hpp"

namespace nxkx {
namespace {

namespace fs = std::filesystem;
using ojson = nlohmann::ordered_json;

// ---- the reference: the report as an ordered_json document, dumped ----

ojson localized_json(std::string_view zh, std::string_view en) {
  return ojson{{"zh", std::string(zh)}, {"en", std::string(en)}};
}
ojson localized_json(const localized& t) { return localized_json(t.zh, t.en); }

// A compact report (report_detail::compact) leaves out the quotes, the reading and the contact.
ojson reference_finding(const finding& f, stage st, report_detail detail) {
  const bool full = detail == report_detail::full;
  ojson clauses = ojson::array();
  for (const auto& c : f.clauses())
    clauses.push_back(full ? ojson{{"ref", c.ref}, {"quote", c.quote}} : ojson{{"ref", c.ref}});
  std::string joined;
  for (const auto& c : f.clauses()) {
    if (!joined.empty()) joined += "、";
    joined += c.ref;
  }
  ojson j;
  j["rule_id"] = f.rule_id;
  j["kind"] = f.kind;
  j["severity"] = ojson{{"code", std::string(to_code(f.level))},
                        {"zh", std::string(severity_label(f.level, st, lang::zh))},
                        {"en", std::string(severity_label(f.level, st, lang::en))}};
  j["unknown"] = f.unknown;
  j["clause"] = joined;
  j["clauses"] = std::move(clauses);
  if (full && !f.interpretation().empty()) j["interpretation"] = localized_json(f.interpretation());
  j["path"] = f.path;
  j["message"] = localized_json(f.message());
  j["expected"] = localized_json(f.expected());
  j["found"] = localized_json(f.found);
  if (full)
    j["contact"] = ojson{{"name", f.whom_to_call().name}, {"phone", f.whom_to_call().phone}};
  return j;
}

// The decision label as people read it at a stage: an incomplete project is "not complete".
std::string_view decision_label_at(decision d, stage st, lang l) {
  if (d == decision::incomplete) return severity_label(severity::incomplete, st, l);
  return decision_label(d, l);
}

std::string reference_json(const report& r, int indent,
                           report_detail detail = report_detail::full) {
  ojson j;
  j["notice_id"] = r.notice_id;
  j["pack"] = ojson{{"id", r.pack.id}, {"version", r.pack.version}, {"sha256", r.pack.sha256}};
  if (detail == report_detail::compact) j["detail"] = "compact";
  j["stage"] = std::string(to_code(r.stage));
  j["as_of"] = format_date(r.as_of);
  j["application"] = ojson{{"id", r.application_id},
                           {"title", r.title},
                           {"project_type", r.project_type},
                           {"applicant_name", r.applicant_name},
                           {"credit_code", r.credit_code}};
  j["decision"] = ojson{{"code", std::string(to_code(r.decision))},
                        {"zh", std::string(decision_label_at(r.decision, r.stage, lang::zh))},
                        {"en", std::string(decision_label_at(r.decision, r.stage, lang::en))}};
  ojson findings = ojson::array();
  for (const auto& f : r.findings) findings.push_back(reference_finding(f, r.stage, detail));
  j["findings"] = std::move(findings);
  if (!r.trace.empty()) {
    ojson trace = ojson::array();
    for (const auto& t : r.trace)
      trace.push_back(ojson{{"rule_id", t.rule_id}, {"status", std::string(to_code(t.status))}});
    j["trace"] = std::move(trace);
  }
  return j.dump(indent < 0 ? -1 : indent, ' ', false, ojson::error_handler_t::replace);
}

// ---- the reports ----

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<fs::path> files_in(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".json") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

/// Every report of the conformance corpus and of the examples, with and without a trace.
std::vector<report> every_report() {
  const notice& n = notice::builtin();
  std::vector<report> out;
  auto add = [&](const std::vector<application>& apps, check_options o) {
    for (bool trace : {false, true}) {
      o.trace = trace;
      for (auto& r : check_batch(n, apps, o)) out.push_back(std::move(r));
    }
  };
  for (const auto& p : files_in(fs::path(NXKX_SOURCE_DIR) / "tests/conformance/cases")) {
    const auto c = nlohmann::json::parse(read_file(p));
    if (c.contains("error")) continue;
    check_options o;
    o.as_of = *parse_date(c.at("as_of").get<std::string>());
    o.stage = *from_code<stage>(c.at("stage").get<std::string>());
    if (c.contains("options") && c["options"].contains("bad_credit_code"))
      o.bad_credit_code = *from_code<severity>(c["options"]["bad_credit_code"].get<std::string>());
    add(parse_applications(c.at("applications").dump(), n), o);
  }
  std::vector<application> apps;
  for (const auto& p : files_in(fs::path(NXKX_SOURCE_DIR) / "examples/applications"))
    apps.push_back(parse_application(read_file(p), n));
  add(apps, test::may20());
  apps.clear();
  for (const auto& p : files_in(fs::path(NXKX_SOURCE_DIR) / "examples/completion"))
    apps.push_back(parse_application(read_file(p), n));
  check_options completion = test::as_of(test::ymd(2025, 12, 1));
  completion.stage = stage::completion;
  add(apps, completion);
  return out;
}

void expect_same_text(const report& r) {
  for (int indent : {-1, 0, 2, 4}) {
    const std::string want = reference_json(r, indent);
    EXPECT_EQ(to_json(r, indent), want) << "indent " << indent;
    std::string appended = "x", expected = "x";
    append_json(appended, r, indent);
    expected += want;
    EXPECT_EQ(appended, expected) << "indent " << indent;
  }
  for (int indent : {-1, 2}) {
    const std::string want = reference_json(r, indent, report_detail::compact);
    EXPECT_EQ(to_json(r, indent, report_detail::compact), want) << "compact, indent " << indent;
    std::string appended = "x";
    append_json(appended, r, indent, report_detail::compact);
    EXPECT_EQ(appended, "x" + want) << "compact, indent " << indent;
  }
}

TEST(ReportJson, EveryReportOfTheCorpusAndExamplesAsNlohmannWritesIt) {
  const std::vector<report> reports = every_report();
  ASSERT_GT(reports.size(), 200u);
  std::size_t with_findings = 0, with_trace = 0;
  for (const auto& r : reports) {
    if (!r.findings.empty()) ++with_findings;
    if (!r.trace.empty()) ++with_trace;
    SCOPED_TRACE(r.application_id);
    expect_same_text(r);
  }
  EXPECT_GT(with_findings, 50u);
  EXPECT_GT(with_trace, 100u);
}

// Every report names the pack it was judged by: the notice's identity, in JSON and in text.
TEST(ReportJson, NamesThePack) {
  const notice& n = notice::builtin();
  const report r = check(n, test::good_application(), test::may20());
  EXPECT_EQ(r.pack, n.identity());
  EXPECT_EQ(r.pack.id, "nxkx-2025-61");
  EXPECT_EQ(r.pack.version, "2025.3");
  EXPECT_EQ(r.pack.sha256.size(), 64u);
  const std::string json = to_json(r, -1);
  EXPECT_NE(json.find("\"pack\":{\"id\":\"nxkx-2025-61\",\"version\":\"2025.3\",\"sha256\":\"" +
                      r.pack.sha256 + "\"}"),
            std::string::npos);
  const std::string line = "nxkx-2025-61 2025.3 sha256:" + r.pack.sha256;
  EXPECT_EQ(pack_text(r.pack), line);
  EXPECT_NE(to_text(r, lang::zh).find("\n  依据: " + line + "\n"), std::string::npos);
  EXPECT_NE(to_text(r, lang::en).find("\n  Pack: " + line + "\n"), std::string::npos);
}

// A compact report is the full one without what the rule's findings share: the same text
// without the lines of quotes, readings and contacts, and much smaller JSON.
TEST(ReportJson, CompactLeavesOutQuotesReadingsAndContacts) {
  const std::vector<report> reports = every_report();
  std::size_t full_bytes = 0, compact_bytes = 0, quoted = 0;
  for (const auto& r : reports) {
    SCOPED_TRACE(r.application_id);
    const std::string compact = to_json(r, -1, report_detail::compact);
    if (!r.findings.empty()) {
      full_bytes += to_json(r, -1).size();
      compact_bytes += compact.size();
    }
    EXPECT_EQ(compact.find("\"quote\""), std::string::npos);
    EXPECT_EQ(compact.find("\"contact\""), std::string::npos);
    EXPECT_EQ(compact.find("\"interpretation\""), std::string::npos);
    EXPECT_NE(compact.find(",\"detail\":\"compact\",\"stage\":"), std::string::npos);
    for (lang l : {lang::zh, lang::en}) {
      const std::string full_text = to_text(r, l);
      std::string kept;  // the full text without its quote, reading and contact lines
      std::istringstream lines(full_text);
      for (std::string line; std::getline(lines, line);) {
        const bool shared = line.starts_with(l == lang::zh ? "      条款" : "      Clause") ||
                            line.starts_with(l == lang::zh ? "      解读: " : "      Reading: ") ||
                            line.starts_with(l == lang::zh ? "      联系人: " : "      Contact: ");
        quoted += shared;
        if (!shared) kept += line + "\n";
      }
      EXPECT_EQ(to_text(r, l, report_detail::compact), kept);
    }
  }
  EXPECT_GT(quoted, 100u);
  // Of the reports with findings, a compact one is under 75 % of the full one (69 % here).
  EXPECT_LT(compact_bytes * 4, full_bytes * 3) << compact_bytes << " of " << full_bytes;
  std::printf("compact reports with findings: %zu of %zu bytes\n", compact_bytes, full_bytes);
}

// An amendment record follows its report: compact, it says so and leaves the same out.
TEST(ReportJson, CompactAmendment) {
  amendment m;
  m.application_id = "a-1";
  m.added.rule_id = "r";
  m.added.context = std::make_shared<const finding_context>(finding_context{
      {{"三(一)", "每个单位限报1项"}}, {"解读", "reading"}, {"c", "张三", "0951", "四"}});
  const std::string full = to_json(m, -1), compact = to_json(m, -1, report_detail::compact);
  EXPECT_NE(full.find("每个单位限报1项"), std::string::npos);
  EXPECT_EQ(full.find("\"detail\""), std::string::npos);
  EXPECT_TRUE(compact.starts_with("{\"detail\":\"compact\",\"amends\":")) << compact;
  for (std::string_view gone : {"每个单位限报1项", "reading", "张三", "\"contact\""})
    EXPECT_EQ(compact.find(gone), std::string::npos) << gone;
  EXPECT_NE(compact.find("\"clauses\":[{\"ref\":\"三(一)\"}]"), std::string::npos) << compact;
  EXPECT_NE(to_text(m, lang::zh).find("每个单位限报1项"), std::string::npos);
  EXPECT_EQ(to_text(m, lang::zh, report_detail::compact).find("每个单位限报1项"),
            std::string::npos);
}

TEST(ReportJson, DefaultIndentIsTwo) {
  const report r = check(notice::builtin(), test::good_application(), test::may20());
  EXPECT_EQ(to_json(r), reference_json(r, 2));
  EXPECT_NE(to_json(r).find("\n  \"stage\": \"application\",\n"), std::string::npos);
}

/// A report whose every string is `s`, with findings with and without clauses.
report report_of(const std::string& s) {
  report r;
  r.notice_id = r.application_id = r.title = r.project_type = r.applicant_name = r.credit_code = s;
  r.pack = {s, s, s};
  finding f;
  f.rule_id = f.kind = f.path = s;
  finding_context fc;
  fc.interpretation = {s, s};
  fc.whom_to_call.name = fc.whom_to_call.phone = s;
  f.context = std::make_shared<const finding_context>(fc);
  f.unknown = true;
  f.level = severity::needs_review;
  f.found = {s, s};
  f.set_texts({s, s}, {s, s});
  r.findings.push_back(f);
  fc.clauses = {{s, s}, {s, ""}};
  fc.interpretation = {};
  f.context = std::make_shared<const finding_context>(fc);
  f.set_texts({s, s}, {s, s});
  f.level = severity::incomplete;
  r.findings.push_back(f);
  r.trace.push_back({s, rule_status::failed});
  r.decision = decision::needs_review;
  return r;
}

TEST(ReportJson, EscapesAsNlohmannDoes) {
  std::string controls;
  for (int c = 0; c < 0x20; ++c) controls += static_cast<char>(c);
  controls += "\x7f/";
  for (const std::string& s :
       {std::string(), std::string("plain"), std::string("\"quoted\" back\\slash"), controls,
        std::string("宁夏回族自治区 — «ü» 𝄞 😀"), std::string("tab\there\r\nnew line")}) {
    SCOPED_TRACE(s);
    expect_same_text(report_of(s));
  }
}

TEST(ReportJson, ReplacesInvalidUtf8AsNlohmannDoes) {
  for (const std::string& s : {
           std::string("\xff"),                    // never in UTF-8
           std::string("a\x80z"),                  // a lone continuation byte
           std::string("\xc0\x80"),                // overlong
           std::string("\xe0\x80\x80"),            // overlong
           std::string("\xed\xa0\x80"),            // a surrogate
           std::string("\xf4\x90\x80\x80"),        // beyond U+10FFFF
           std::string("\xe5\xae"),                // cut short at the end
           std::string("\xe5\xae\"\xe5\xae\x81"),  // cut short by a quote
           std::string("\xe5\n\x81"),              // cut short by a control character
           std::string("ok \xf0\x9f\x98 ok"),      // a four-byte sequence cut short
           std::string("\xc3\xbc\xc3"),
       }) {
    SCOPED_TRACE(testing::PrintToString(s));
    expect_same_text(report_of(s));
  }
}

TEST(ReportJson, RandomBytesAsNlohmannWritesThem) {
  std::mt19937 rng(20250520);
  const std::string alphabet =
      std::string("a\"\\\n\x01\x7f", 6) + "宁夏\xe5\xae\x81\xf0\x9f\x98\x80";
  for (int i = 0; i < 2000; ++i) {
    std::string s;
    const auto len = rng() % 24;
    for (unsigned k = 0; k < len; ++k) {
      // Mostly bytes of valid text, some any byte at all.
      s += rng() % 4 == 0 ? static_cast<char>(rng() % 256) : alphabet[rng() % alphabet.size()];
    }
    const report r = report_of(s);
    const std::string want = reference_json(r, -1);
    ASSERT_EQ(to_json(r, -1), want) << testing::PrintToString(s);
    ASSERT_EQ(to_json(r, 2), reference_json(r, 2)) << testing::PrintToString(s);
  }
}

}  // namespace
}  // namespace nxkx
