// The desk's writers (writers.hpp) and nxkx::office (office.hpp): control characters shown,
// CSV as RFC 4180 says, HTML escaped, origins named, encodings converted, texts loaded from
// files, workbooks written. The formats are compared with the JSON report row by row by
// tests/desk/desk_test.py; these are the small cases.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "nxkx/nxkx.hpp"
#include "test_support.hpp"
#ifdef NXKX_HAVE_OFFICE
#include "nxkx/office.hpp"
#endif

namespace {

namespace fs = std::filesystem;
using nxkx::test::good_application;

const nxkx::notice& pack() { return nxkx::notice::builtin(); }

nxkx::check_options as_of_deadline() {
  nxkx::check_options opt;
  opt.as_of = nxkx::test::ymd(2025, 5, 20);
  return opt;
}

TEST(VisibleText, ControlCharactersAreShownNotActedOn) {
  EXPECT_EQ(nxkx::visible_text("a\x1b[31mb"), "a\\u001b[31mb");
  EXPECT_EQ(nxkx::visible_text("tab\there\r\n"), "tab\\u0009here\\u000d\\u000a");
  EXPECT_EQ(nxkx::visible_text(std::string("nul\0x", 5)), "nul\\u0000x");
  EXPECT_EQ(nxkx::visible_text("del\x7f"), "del\\u007f");
  EXPECT_EQ(nxkx::visible_text("c1\xC2\x85"), "c1\\u0085");  // NEL
  EXPECT_EQ(nxkx::visible_text("rtl\xE2\x80\xAE"
                               "x"),
            "rtl\\u202ex");                                        // RLO
  EXPECT_EQ(nxkx::visible_text("iso\xE2\x81\xA6"), "iso\\u2066");  // LRI
  EXPECT_EQ(nxkx::visible_text("bad\xFF"
                               "byte"),
            "bad\xEF\xBF\xBD"
            "byte");                                                      // U+FFFD
  EXPECT_EQ(nxkx::visible_text("宁夏科协 C:\\dir"), "宁夏科协 C:\\dir");  // kept as it is
}

TEST(DeskWriters, OriginText) {
  EXPECT_EQ(nxkx::origin_text({"收件/a.json", {}, {}}), "收件/a.json");
  EXPECT_EQ(nxkx::origin_text({"收件/b.json", 3, {}}), "收件/b.json #3");
  EXPECT_EQ(nxkx::origin_text({"intake.jsonl", {}, 12}), "intake.jsonl:12");
  EXPECT_EQ(nxkx::origin_text({"", 4, {}}), "#4");
  EXPECT_EQ(nxkx::origin_text({"x\x1b.json", {}, {}}), "x\\u001b.json");
}

TEST(DeskWriters, CsvIsRfc4180WithAByteOrderMark) {
  const nxkx::table t{{"a", "b"}, {{"plain", "with, comma"}, {"say \"hi\"", "two\r\nlines"}}};
  EXPECT_EQ(nxkx::to_csv(t),
            "\xEF\xBB\xBF"
            "a,b\r\nplain,\"with, comma\"\r\n\"say \"\"hi\"\"\",\"two\r\nlines\"\r\n");
}

TEST(DeskWriters, TablesOfABatch) {
  nxkx::application a = good_application();
  a.id = "ID\x07";
  a.origin = {"收件/a.json", 1, {}};
  nxkx::application b = good_application();
  b.id = "2";
  b.applicant.credit_code = "51640000MJX0000422";
  decl(b.applicant.history[2024], "evaluation_grade") = "c";
  const std::vector<nxkx::application> apps{a, b};
  const std::vector<nxkx::report> reports = nxkx::check_batch(pack(), apps, as_of_deadline());
  const nxkx::input_error e("input.syntax", "/3", "malformed", "格式错误");
  const std::vector<nxkx::unreadable> errors{nxkx::unreadable_of(e, {"收件/c.json", 3, {}})};
  const nxkx::desk_batch batch{reports, errors};

  const nxkx::table s = nxkx::summary_table(batch, pack());
  ASSERT_EQ(s.header.size(), 10u);
  EXPECT_EQ(s.header[9], "依据");
  EXPECT_EQ(s.header[0], "文件");
  ASSERT_EQ(s.rows.size(), 3u);
  // Every row names the pack the application was judged by (an unreadable one: the desk's).
  for (const auto& row : s.rows) EXPECT_EQ(row[9], nxkx::pack_text(pack().identity()));
  EXPECT_EQ(s.rows[0][0], "收件/a.json #1");
  EXPECT_EQ(s.rows[0][1], "ID\\u0007");
  EXPECT_EQ(s.rows[0][5], "受理");
  EXPECT_EQ(s.rows[0][4], "全区学会能力提升项目");
  EXPECT_EQ(s.rows[1][5], "不予受理");
  EXPECT_EQ(s.rows[1][6], std::to_string(reports[1].findings.size()));
  EXPECT_EQ(s.rows[1][7], reports[1].findings.front().message(nxkx::lang::zh));
  EXPECT_EQ(s.rows[2][5], "无法读取");
  EXPECT_EQ(s.rows[2][7], "/3: 格式错误 [input.syntax]");

  const nxkx::table f = nxkx::findings_table(batch, pack(), nxkx::lang::en);
  EXPECT_EQ(f.header[2], "Clause");
  ASSERT_EQ(f.rows.size(), reports[1].findings.size() + 1);
  EXPECT_EQ(f.rows[0][4], reports[1].findings[0].rule_id);
  EXPECT_EQ(f.rows.back()[6], "malformed");

  const nxkx::table c = nxkx::csv_table(batch, pack());
  EXPECT_EQ(c.header.size(), 17u);
  EXPECT_EQ(c.header[16], "依据");
  EXPECT_EQ(c.rows.front()[16], nxkx::pack_text(pack().identity()));
  EXPECT_EQ(c.rows.size(), 1 + reports[1].findings.size() + 1);
  for (const auto& row : c.rows) EXPECT_EQ(row.size(), 17u);
}

TEST(DeskWriters, HtmlIsEscapedAndSelfContained) {
  nxkx::application a = good_application();
  a.id = "<script>alert(1)</script>";
  a.title = "标题\x1b[0m & \"引号\"";
  const std::vector<nxkx::report> reports{nxkx::check(pack(), a, as_of_deadline())};
  const std::string page = nxkx::to_html({reports, {}}, pack());
  EXPECT_EQ(page.find("<script"), std::string::npos);
  EXPECT_NE(page.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(page.find("标题\\u001b[0m &amp; &quot;引号&quot;"), std::string::npos);
  EXPECT_NE(page.find("default-src 'none'"), std::string::npos);
  EXPECT_NE(page.find("<html lang=\"zh-CN\">"), std::string::npos);
  EXPECT_NE(page.find("依据：" + nxkx::pack_text(pack().identity())), std::string::npos);
  EXPECT_NE(nxkx::to_html({reports, {}}, pack(), nxkx::lang::en).find("Check results"),
            std::string::npos);
}

TEST(DeskWriters, BriefCitesClausesWithoutQuotingThem) {
  nxkx::application a = good_application();
  decl(a.applicant.history[2024], "evaluation_grade") = "c";
  a.origin = {"a.json", {}, {}};
  const nxkx::report r = nxkx::check(pack(), a, as_of_deadline());
  const std::string brief = nxkx::to_brief(r, pack());
  std::istringstream lines(brief);
  std::string first, second;
  std::getline(lines, first);
  std::getline(lines, second);
  EXPECT_EQ(first.rfind("a.json · T-1 · ", 0), 0u) << first;
  EXPECT_NE(first.find("不予受理 (1 个问题)"), std::string::npos);
  EXPECT_EQ(second.rfind("  [不予受理] 二(三)、二(三)4 disqualification.evaluation_grade ", 0), 0u)
      << second;
  for (const auto& c : r.findings.front().clauses())
    EXPECT_EQ(brief.find(c.quote), std::string::npos) << "quoted: " << c.quote;
}

TEST(Starter, ParsesAndIsIncomplete) {
  const std::string text = nxkx::starter_application(pack(), "society_capacity");
  const nxkx::application a = nxkx::parse_application(text, pack());
  EXPECT_EQ(a.project_type, "society_capacity");
  EXPECT_EQ(a.applicant.kind, "society");
  nxkx::check_options before;  // after the deadline nothing dated sent is late (三(四))
  before.as_of = nxkx::test::ymd(2025, 5, 15);
  const nxkx::report r = nxkx::check(pack(), a, before);
  EXPECT_EQ(r.decision, nxkx::decision::incomplete);
  EXPECT_NE(text.find("\"evaluation_grade\": null"), std::string::npos) << text;
  EXPECT_EQ(text.find("establishment_approved"), std::string::npos) << "a park's fact";
  EXPECT_THROW((void)nxkx::starter_application(pack(), "nope"), nxkx::input_error);
}

// B12 (docs/pack-format-trial.md): a declaration no rule reads is still asked for, where its
// scope and applicant kinds put it: a portal builds its page from the starter.
TEST(Starter, AsksForADeclarationNoRuleReads) {
  std::ifstream in(fs::path(NXKX_SOURCE_DIR) / "examples/packs/notice-huangshi-2023.json");
  std::ostringstream text;
  text << in.rdbuf();
  nlohmann::ordered_json p = nlohmann::ordered_json::parse(text.str());
  auto declare = [&](const char* name, const char* scope, nlohmann::ordered_json kinds) {
    nlohmann::ordered_json d = {{"name", name},
                                {"scope", scope},
                                {"type", "text"},
                                {"title", {{"zh", name}, {"en", name}}}};
    if (!kinds.empty()) d["applicant_kinds"] = kinds;
    p["declarations"].push_back(d);
  };
  declare("contact_person", "organisation", nlohmann::ordered_json::array());
  declare("university_note", "organisation", {"university_sta"});
  declare("courier_note", "submission", nlohmann::ordered_json::array());
  declare("project_summary", "application", nlohmann::ordered_json::array());
  const nxkx::notice n = nxkx::notice::from_json(p.dump());
  for (nxkx::stage st : {nxkx::stage::application, nxkx::stage::completion}) {
    const auto society =
        nlohmann::ordered_json::parse(nxkx::starter_application(n, "key_academic", st));
    EXPECT_TRUE(society["applicant"].contains("contact_person")) << society.dump(2);
    EXPECT_TRUE(society["applicant"]["contact_person"].is_null());
    EXPECT_FALSE(society["applicant"].contains("university_note")) << "asked of 高校科协 only";
    EXPECT_TRUE(society["submission"].contains("courier_note")) << society.dump(2);
    EXPECT_TRUE(society.contains("project_summary")) << society.dump(2);
    EXPECT_NO_THROW((void)nxkx::parse_application(society.dump(), n));
    const auto university = nlohmann::ordered_json::parse(
        nxkx::starter_application(n, "key_academic", st, "university_sta"));
    EXPECT_TRUE(university["applicant"].contains("university_note")) << university.dump(2);
    // A declaration a rule reads is asked where the rules read it: the party organisation of
    // a 学会 only (二(二)).
    EXPECT_TRUE(society["applicant"].contains("party_organisation"));
    EXPECT_FALSE(university["applicant"].contains("party_organisation"));
  }
  // The shipped pack, whose every declaration a rule reads, has none of them.
  const auto plain = nlohmann::ordered_json::parse(nxkx::starter_application(
      nxkx::notice::load(fs::path(NXKX_SOURCE_DIR) / "examples/packs/notice-huangshi-2023.json"),
      "key_academic"));
  EXPECT_FALSE(plain["applicant"].contains("contact_person"));
}

#ifdef NXKX_HAVE_OFFICE

fs::path temp_dir() {
  const fs::path d = fs::temp_directory_path() / ("nxkx-desk-test-" + std::to_string(::getpid()));
  fs::create_directories(d);
  return d;
}

TEST(Encodings, ToUtf8) {
  const std::string gb = "\xC4\xFE\xCF\xC4";  // 宁夏 in GB18030
  EXPECT_EQ(nxkx::to_utf8(gb, "gb18030"), "宁夏");
  EXPECT_EQ(nxkx::to_utf8(gb, "GBK"), "宁夏");
  EXPECT_EQ(nxkx::to_utf8(gb, "auto"), "宁夏");
  EXPECT_EQ(nxkx::to_utf8(std::string("\xFF\xFE\x81\x5B", 4), "utf-16"), "宁");
  EXPECT_EQ(nxkx::to_utf8(std::string("\xFE\xFF\x5B\x81", 4), "utf-16"), "宁");
  EXPECT_EQ(nxkx::to_utf8(std::string("\x81\x5B", 2), "utf-16le"), "宁");
  EXPECT_EQ(nxkx::to_utf8(std::string("\x5B\x81", 2), "UTF-16BE"), "宁");
  EXPECT_EQ(nxkx::to_utf8("plain", "auto"), "plain");
  EXPECT_EQ(nxkx::to_utf8("\xEF\xBB\xBF"
                          "x",
                          "utf-8"),
            "\xEF\xBB\xBF"
            "x");  // the reader skips it
  EXPECT_TRUE(nxkx::known_encoding("GB2312"));
  EXPECT_FALSE(nxkx::known_encoding("latin1"));
  EXPECT_THROW((void)nxkx::to_utf8("x", "latin1"), std::invalid_argument);
  try {
    (void)nxkx::to_utf8("ab\x81", "gb18030");
    FAIL() << "no error";
  } catch (const nxkx::input_error& e) {
    EXPECT_EQ(e.code(), "input.encoding");
    EXPECT_NE(e.reason_zh().find("GB18030"), std::string::npos);
  }
}

TEST(TextFiles, LoadedRelativeToTheApplication) {
  const fs::path dir = temp_dir();
  std::ofstream(dir / "case.txt", std::ios::binary) << "\xC4\xFE\xCF\xC4";
  nxkx::application a = good_application();
  a.records.texts = {{"case_study", "案例", "", "case.txt"}};
  nxkx::load_text_files(a, dir, "gb18030");
  EXPECT_EQ(a.records.texts[0].content, "宁夏");
  a.records.texts = {{"case_study", "案例", "", "case.pdf"}};
  try {
    nxkx::load_text_files(a, dir);
    FAIL() << "no error";
  } catch (const nxkx::input_error& e) {
    EXPECT_EQ(e.code(), "input.file");
    EXPECT_EQ(e.path(), "/records/texts/0/file");
    EXPECT_EQ(e.reason().rfind("case.pdf: ", 0), 0u) << e.reason();
  }
  a.records.texts = {{"case_study", "案例", "", "missing.docx"}};
  EXPECT_THROW(nxkx::load_text_files(a, dir), nxkx::input_error);
  fs::remove_all(dir);
}

TEST(Workbook, IsWrittenAndItsErrorsNamed) {
  const fs::path dir = temp_dir();
  const std::vector<nxkx::report> reports{
      nxkx::check(pack(), good_application(), as_of_deadline())};
  nxkx::write_xlsx(dir / "a.xlsx", {reports, {}}, pack());
  std::ifstream in(dir / "a.xlsx", std::ios::binary);
  std::string head(4, '\0');
  in.read(head.data(), 4);
  EXPECT_EQ(head, "PK\x03\x04");
  try {
    nxkx::write_xlsx(dir / "no" / "such" / "dir.xlsx", {reports, {}}, pack());
    FAIL() << "no error";
  } catch (const nxkx::error& e) {
    EXPECT_EQ(e.code(), "output.file");
    EXPECT_NE(e.reason_zh().find("无法写入"), std::string::npos);
  }
  fs::remove_all(dir);
}

#endif

}  // namespace
