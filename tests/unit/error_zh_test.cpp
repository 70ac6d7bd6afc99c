// Every input error has its reason in Chinese as well as in English: each code that
// docs/application-format.md §5 lists is raised here and its Chinese reason checked; and the
// common mistakes of people who type applications by hand get a message of their own.
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "nxkx/nxkx.hpp"
#ifdef NXKX_HAVE_OFFICE
#include "nxkx/office.hpp"
#endif

namespace {

namespace fs = std::filesystem;

const nxkx::notice& pack() { return nxkx::notice::builtin(); }

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// True when `s` holds a CJK ideograph (U+4E00-U+9FFF).
bool has_han(const std::string& s) {
  for (std::size_t i = 0; i + 2 < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0xE4 && c <= 0xE9) return true;
  }
  return false;
}

/// The error `f` throws.
nxkx::input_error error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const nxkx::input_error& e) {
    return e;
  }
  ADD_FAILURE() << "no input_error";
  return nxkx::input_error("", "", "");
}

nxkx::input_error read_error(const std::string& text) {
  return error_of([&] { (void)nxkx::parse_applications(text, pack()); });
}

const std::string app_head =
    R"({"project_type": "society_capacity", "applicant": {"kind": "society"})";

/// An input that raises each code (the application reader's and the other readers').
std::map<std::string, std::function<nxkx::input_error()>> triggers() {
  std::map<std::string, std::function<nxkx::input_error()>> t;
  t["input.syntax"] = [] { return read_error(app_head + ","); };
  t["input.utf8"] = [] { return read_error("{\"id\": \"\xC3\"}"); };
  t["input.limit"] = [] {
    nxkx::input_limits l;
    l.max_depth = 2;
    return error_of([&] { (void)nxkx::parse_application(R"({"a": {"b": {}}})", pack(), l); });
  };
  t["input.duplicate_key"] = [] { return read_error(R"({"id": "1", "id": "2"})"); };
  t["input.type"] = [] { return read_error(app_head + R"(, "title": 1})"); };
  t["input.missing"] = [] { return read_error(R"({"applicant": {"kind": "society"}})"); };
  t["input.unknown_field"] = [] { return read_error(app_head + R"(, "nmae": 1})"); };
  t["input.unknown_code"] = [] {
    return read_error(R"({"project_type": "x", "applicant": {"kind": "society"}})");
  };
  t["input.date"] = [] { return read_error(app_head + R"(, "approval_date": "2025-02-30"})"); };
  t["input.range"] = [] {
    return read_error(app_head + R"(, "submission": {"paper_copies": -1}})");
  };
  t["input.not_found"] = [] {
    return error_of([] { (void)nxkx::notice::load("/no/such/pack.json"); });
  };
  t["input.directory"] = [] {
    return error_of([] { (void)nxkx::notice::load(fs::temp_directory_path()); });
  };
  t["input.unreadable"] = [] {
    return error_of([] { (void)nxkx::read_stream(std::fopen("/dev/null", "w")); });
  };
  t["input.not_regular"] = [] {
    // A socket: neither a regular file nor a stream.
    const fs::path sock = fs::temp_directory_path() / "nxkx-error-zh-test.sock";
    fs::remove(sock);
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::snprintf(addr.sun_path, sizeof addr.sun_path, "%s", sock.c_str());
    EXPECT_EQ(::bind(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr), 0);
    const nxkx::input_error e = error_of([&] { (void)nxkx::read_file(sock); });
    ::close(fd);
    fs::remove(sock);
    return e;
  };
  t["input.file"] = [] {
    const nxkx::application a = nxkx::parse_application(
        app_head + R"(, "records": {"texts": [{"file": "case.docx"}]}})", pack());
    return error_of([&] { nxkx::check_texts_loaded(a); });
  };
  t["input.conflict"] = [] {
    return read_error(app_head +
                      R"(, "records": {"texts": [{"content": "x", "file": "case.docx"}]}})");
  };
#ifdef NXKX_HAVE_OFFICE
  const fs::path dir = fs::temp_directory_path() / "nxkx-error-zh-test";
  fs::create_directories(dir);
  t["input.docx"] = [dir] {
    const fs::path f = dir / "not-a-zip.docx";
    std::ofstream(f) << "这不是 Word 文档";
    return error_of([&] { (void)nxkx::read_docx_text(f); });
  };
  t["input.docx_encrypted"] = [dir] {
    const fs::path f = dir / "encrypted.docx";
    std::string cfb("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
    cfb.resize(512, '\0');
    for (char c : std::string("EncryptionInfo")) cfb += std::string{c, '\0'};
    std::ofstream(f, std::ios::binary) << cfb;
    return error_of([&] { (void)nxkx::read_docx_text(f); });
  };
  t["input.encoding"] = [] { return error_of([] { (void)nxkx::to_utf8("\x81\x20", "gb18030"); }); };
#endif
  return t;
}

/// The codes of the table of docs/application-format.md §5.
std::set<std::string> documented_codes() {
  const std::string doc = read_file(fs::path(NXKX_SOURCE_DIR) / "docs" / "application-format.md");
  std::set<std::string> out;
  const std::regex row(R"(\n\| `(input\.[a-z_0-9]+)` \|)");
  for (auto it = std::sregex_iterator(doc.begin(), doc.end(), row); it != std::sregex_iterator();
       ++it)
    out.insert((*it)[1].str());
  return out;
}

TEST(ErrorsInChinese, EveryDocumentedCodeHasAChineseReason) {
  const std::set<std::string> codes = documented_codes();
  ASSERT_GE(codes.size(), 10u);
  const auto t = triggers();
  for (const std::string& code : codes) {
    SCOPED_TRACE(code);
    const auto it = t.find(code);
    ASSERT_NE(it, t.end()) << "no test input raises " << code;
    const nxkx::input_error e = it->second();
    EXPECT_EQ(e.code(), code);
    EXPECT_FALSE(e.reason().empty());
    EXPECT_TRUE(has_han(e.reason_zh())) << e.reason_zh();
    EXPECT_NE(e.reason_zh(), e.reason());
    EXPECT_EQ(&e.reason(nxkx::lang::zh), &e.reason_zh());
    EXPECT_EQ(&e.reason(nxkx::lang::en), &e.reason());
  }
}

TEST(ErrorsInChinese, EveryLimitReason) {
  nxkx::input_limits l;
  l.max_string_bytes = 4;
  l.max_list_items = 1;
  l.max_bytes = 60;
  l.max_batch = 1;
  for (const std::string& text :
       {std::string(R"({"id": "123456"})"), std::string(R"({"id": 123456})"),
        std::string(R"({"plan": {"work_measures": ["a", "b"]}})"), std::string(90, ' ') + "{}",
        std::string("[{}, {}]"), "[{\"id\": \"" + std::string(80, 'x') + "\"}]"}) {
    SCOPED_TRACE(text);
    const nxkx::input_error e = error_of([&] { (void)nxkx::parse_applications(text, pack(), l); });
    EXPECT_EQ(e.code(), "input.limit");
    EXPECT_TRUE(has_han(e.reason_zh())) << e.reason_zh();
    EXPECT_NE(e.reason_zh(), e.reason());
    const nxkx::input_error pre = error_of([&] { nxkx::check_input_limits(text, l); });
    EXPECT_EQ(pre.reason_zh(), e.reason_zh()) << "the pre-scan words it as the reader does";
  }
  const nxkx::input_error batch = error_of([] { nxkx::check_batch_limit(3, {.max_batch = 2}); });
  EXPECT_TRUE(has_han(batch.reason_zh()));
}

TEST(ErrorsInChinese, EveryDateReason) {
  for (const char* text :
       {"2025-13-01", "2025-02-30", "2025-05-16X", "2025-05-16T9", "2025-05-16T25:00",
        "2025-05-16T10:61", "2025-05-16T10:00:7", "2025-05-16T10:00:61", "2025-05-16T10:00:00.",
        "2025-05-16T10:00+99:00", "2025-05-16T10:00+0800", "2025-05-16T10:00Zx", "sometime"}) {
    const nxkx::date_parse_result d = nxkx::parse_date(text);
    EXPECT_FALSE(d) << text;
    EXPECT_TRUE(has_han(d.why_zh)) << text << ": " << d.why_zh;
    EXPECT_FALSE(d.why.empty());
  }
}

TEST(ErrorsInChinese, CountingInvalidUtf8) {
  const nxkx::input_error e = error_of([] { (void)nxkx::count_zi("ab\xFF"); });
  EXPECT_EQ(e.code(), "input.utf8");
  EXPECT_EQ(e.reason(), "invalid UTF-8 at byte 2");
  EXPECT_EQ(e.reason_zh(), "第 2 字节处不是有效的 UTF-8");
}

// ---- the common mistakes ----

std::string zh_of(const std::string& text) { return read_error(text).reason_zh(); }
std::string en_of(const std::string& text) { return read_error(text).reason(); }

TEST(CommonMistakes, ATrailingComma) {
  const std::string object = app_head + ",}";
  EXPECT_NE(zh_of(object).find("'}' 之前多了一个逗号"), std::string::npos) << zh_of(object);
  EXPECT_NE(en_of(object).find("a comma before '}'"), std::string::npos) << en_of(object);
  // The position is that of the comma.
  EXPECT_NE(en_of(object).find("at byte " + std::to_string(app_head.size())), std::string::npos);
  const std::string array = "[" + app_head + "},]";
  EXPECT_NE(zh_of(array).find("']' 之前多了一个逗号"), std::string::npos) << zh_of(array);
  const std::string list = app_head + R"(, "plan": {"work_measures": ["a",]}})";
  EXPECT_NE(en_of(list).find("a comma before ']'"), std::string::npos) << en_of(list);
}

TEST(CommonMistakes, AChineseValueWhereACodeBelongs) {
  const std::string courier = app_head + R"(, "submission": {"delivery": "快递"}})";
  EXPECT_EQ(zh_of(courier),
            "未知的提交方式 \"快递\"；此处应填写代码而不是名称，应为 \"courier\"（快递寄送）");
  EXPECT_EQ(
      en_of(courier),
      "unknown delivery method \"快递\"; write the code, not its label: \"courier\" (快递寄送)");
  // A label word for word, in either language.
  EXPECT_NE(zh_of(app_head + R"(, "submission": {"delivery": "现场提交"}})").find("\"in_person\""),
            std::string::npos);
  EXPECT_NE(en_of(R"({"project_type": "society_capacity", "applicant": {"kind": "Haizhi base"}})")
                .find("\"haizhi_base\""),
            std::string::npos);
  // A vocabulary code of the pack, and a project type by its name.
  EXPECT_NE(en_of(app_head + R"(, "records": {"events": [{"type": "学术沙龙"}]}})")
                .find("\"academic_salon\""),
            std::string::npos);
  EXPECT_NE(en_of(R"({"project_type": "自治区级学术交流活动", "applicant": {"kind": "society"}})")
                .find("\"regional_academic_exchange\""),
            std::string::npos);
  // A field named by its Chinese title.
  EXPECT_NE(
      en_of(
          R"({"project_type": "society_capacity", "applicant": {"kind": "society", "单位名称": "x"}})")
          .find("write \"name\""),
      std::string::npos);
}

TEST(CommonMistakes, CodeListsCarryTheirChineseLabels) {
  const std::string zh = zh_of(app_head + R"(, "submission": {"delivery": "post"}})");
  EXPECT_EQ(zh,
            "未知的提交方式 \"post\"；应为以下之一：in_person（现场提交）、courier（快递寄送）");
  const std::string en = en_of(app_head + R"(, "submission": {"delivery": "post"}})");
  EXPECT_EQ(
      en,
      "unknown delivery method \"post\"; expected one of in_person (现场提交), courier (快递寄送)");
}

TEST(CommonMistakes, ANumberInQuotes) {
  const std::string text = app_head + R"(, "submission": {"paper_copies": "2"}})";
  EXPECT_EQ(en_of(text),
            "expected an integer, found the string \"2\"; write the number without quotes: 2");
  EXPECT_EQ(zh_of(text), "应为整数，实为字符串 \"2\"；数字不加引号，请写成 2");
  EXPECT_NE(en_of(app_head + R"(, "records": {"transfers": [{"economic_benefit": "3.5"}]}})")
                .find("without quotes: 3.5"),
            std::string::npos);
  EXPECT_NE(
      zh_of(
          R"({"project_type": "society_capacity", "applicant": {"kind": "society", "legal_person": "是"}})")
          .find("true（是）"),
      std::string::npos);
}

TEST(CommonMistakes, ADateInAnotherForm) {
  for (const char* d : {"2025/05/15", "2025/5/15", "2025.5.15", "2025年5月15日", "2025-5-15"}) {
    const std::string text = app_head + R"(, "approval_date": ")" + d + "\"}";
    EXPECT_NE(en_of(text).find("write it as \"2025-05-15\""), std::string::npos) << d;
    EXPECT_NE(zh_of(text).find("请写成 \"2025-05-15\""), std::string::npos) << d;
  }
  // An impossible day in another form gets the plain message.
  EXPECT_EQ(en_of(app_head + R"(, "approval_date": "2025/02/30"})").find("write it as"),
            std::string::npos);
}

TEST(CommonMistakes, FullWidthPunctuationCommentsAndBareWords) {
  EXPECT_NE(zh_of(R"({"project_type"："x"})").find("全角冒号"), std::string::npos);
  EXPECT_NE(zh_of(R"({"project_type": "x"，"id": "1"})").find("全角逗号"), std::string::npos);
  EXPECT_NE(en_of("{\"id\": \xE2\x80\x9C"
                  "1\xE2\x80\x9D}")
                .find("curly quotation mark"),
            std::string::npos);
  EXPECT_NE(en_of("// a comment\n{}").find("no comments"), std::string::npos);
  EXPECT_NE(en_of("{'id': '1'}").find("double quotes"), std::string::npos);
  EXPECT_NE(zh_of(R"({"id": courier})").find("没有引号的词"), std::string::npos);
}

TEST(CommonMistakes, TextInAnotherEncodingIsNamed) {
  // 宁夏 in GB18030 (C4 FE CF C4): not UTF-8, and it says which encoding it looks like.
  const nxkx::input_error gbk = read_error("{\"id\": \"\xC4\xFE\xCF\xC4\"}");
  EXPECT_EQ(gbk.code(), "input.utf8");
  EXPECT_NE(gbk.reason().find("GB18030"), std::string::npos) << gbk.reason();
  EXPECT_NE(gbk.reason_zh().find("GB18030"), std::string::npos) << gbk.reason_zh();
  // UTF-16 with its byte-order mark, and without (a NUL every other byte).
  const std::string utf16le("\xFF\xFE{\0}\0", 6);
  EXPECT_NE(read_error(utf16le).reason().find("UTF-16LE"), std::string::npos);
  const std::string no_bom("{\0\"\0i\0d\0\"\0:\0 \0\"\0x\0\"\0}\0", 22);
  EXPECT_NE(read_error(no_bom).reason().find("UTF-16LE"), std::string::npos)
      << read_error(no_bom).reason();
  EXPECT_EQ(nxkx::guess_encoding("plain"), "");
  EXPECT_EQ(nxkx::guess_encoding("\xFE\xFF\0{"), "UTF-16BE");
  const nxkx::input_error counted = error_of([] { (void)nxkx::count_zi("\xC4\xFE\xCF\xC4"); });
  EXPECT_NE(counted.reason_zh().find("GB18030"), std::string::npos);
}

// ---- a batch that keeps going ----

TEST(BatchElements, EachElementOnItsOwn) {
  const std::string good = app_head + "}";
  const std::string text = "[" + good + ", " + app_head + ",}, {\"x\": 1}, " + good + "]";
  const auto elements = nxkx::parse_each_application(text, pack());
  ASSERT_EQ(elements.size(), 4u);
  EXPECT_TRUE(elements[0].app && !elements[0].error);
  ASSERT_TRUE(elements[1].error);
  EXPECT_EQ(elements[1].error->code(), "input.syntax");
  EXPECT_EQ(elements[1].error->path(), "/1");
  // The position is that of the whole document: the comma after element 1's applicant.
  const std::size_t comma = text.find(",}");
  EXPECT_NE(elements[1].error->reason().find("at byte " + std::to_string(comma)), std::string::npos)
      << elements[1].error->reason();
  ASSERT_TRUE(elements[2].error);
  EXPECT_EQ(elements[2].error->path(), "/2/x");
  EXPECT_TRUE(elements[3].app);
  EXPECT_EQ(elements[3].index, 3u);
  // Valid JSON throughout: read as one tree, errors per element.
  const auto valid = nxkx::parse_each_application("[" + good + ", {\"x\": 1}]", pack());
  ASSERT_EQ(valid.size(), 2u);
  EXPECT_EQ(valid[1].error->path(), "/1/x");
  // One object: one element, no index.
  const auto one = nxkx::parse_each_application(good, pack());
  ASSERT_EQ(one.size(), 1u);
  EXPECT_FALSE(one[0].index);
  const auto broken = nxkx::parse_each_application("{", pack());
  ASSERT_EQ(broken.size(), 1u);
  EXPECT_TRUE(broken[0].error);
  // An array that cannot be split is one error.
  EXPECT_THROW((void)nxkx::parse_each_application("[" + good, pack()), nxkx::input_error);
  EXPECT_THROW((void)nxkx::parse_each_application("[" + good + ",]", pack()), nxkx::input_error);
  EXPECT_THROW((void)nxkx::parse_each_application("[" + good + "] x", pack()), nxkx::input_error);
  EXPECT_TRUE(nxkx::parse_each_application("[]", pack()).empty());
}

}  // namespace
