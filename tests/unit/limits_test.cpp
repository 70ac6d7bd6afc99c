// Input limits: every limit is crossed once, and the error names it with code "input.limit" and
// the JSON pointer of the value that crosses it. Inputs just inside every limit pass.
#include "nxkx/limits.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "nxkx/error.hpp"
#include "nxkx/json.hpp"
#include "nxkx/notice.hpp"

namespace {

namespace fs = std::filesystem;
using nxkx::check_input_limits;
using nxkx::input_limits;

/// The error check_input_limits throws for `text`, or nullopt. The reader applies the same
/// limits as it parses: every call also checks that parse_applications refuses the text with
/// the very same error, and with no input.limit when the pre-scan passes it.
std::optional<nxkx::input_error> limit_error(std::string_view text, const input_limits& lim = {}) {
  std::optional<nxkx::input_error> scan, parse;
  try {
    check_input_limits(text, lim);
  } catch (const nxkx::input_error& e) {
    scan = e;
  }
  try {
    (void)nxkx::parse_applications(text, nxkx::notice::builtin(), lim);
  } catch (const nxkx::input_error& e) {
    parse = e;
  }
  if (scan) {
    EXPECT_TRUE(parse.has_value()) << "the reader passed what the pre-scan refused";
    if (parse && parse->code() == "input.limit") {
      EXPECT_EQ(parse->path(), scan->path());
      EXPECT_EQ(parse->reason(), scan->reason());
    } else if (parse) {
      // The reader stops at the first problem; only malformed text may come before a limit.
      EXPECT_TRUE(parse->code() == "input.syntax" || parse->code() == "input.utf8")
          << parse->code() << ": " << parse->reason() << " / " << scan->reason();
    }
  } else if (parse) {
    EXPECT_NE(parse->code(), "input.limit") << parse->reason();
  }
  return scan;
}

/// Expects the error `input.limit` at `path`, its reason naming `limit`.
void expect_limit(std::string_view text, const input_limits& lim, const std::string& path,
                  const std::string& limit) {
  const auto e = limit_error(text, lim);
  ASSERT_TRUE(e.has_value()) << "no error for " << text.substr(0, 200);
  EXPECT_EQ(e->code(), "input.limit");
  EXPECT_EQ(e->path(), path);
  EXPECT_NE(e->reason().find(limit), std::string::npos) << e->reason();
}

std::string repeat(std::string_view s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

/// `depth` arrays, one inside the other.
std::string nested_arrays(std::size_t depth) { return repeat("[", depth) + repeat("]", depth); }

/// "/0" `n` times.
std::string zeros(std::size_t n) { return repeat("/0", n); }

/// A list of `n` small objects.
std::string list_of(std::size_t n) {
  std::string out = "[";
  for (std::size_t i = 0; i < n; ++i) out += i == 0 ? "{}" : ",{}";
  return out + "]";
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// ---- the defaults ----

TEST(Limits, DefaultsAreDocumented) {
  const input_limits lim;
  EXPECT_EQ(lim.max_bytes, 16u * 1024 * 1024);
  EXPECT_EQ(lim.max_depth, 64u);
  EXPECT_EQ(lim.max_string_bytes, 1024u * 1024);
  EXPECT_EQ(lim.max_list_items, 10'000u);
  EXPECT_EQ(lim.max_batch, 100'000u);
}

TEST(Limits, ExamplesAndConformanceCasesPass) {
  std::size_t n = 0;
  for (const char* dir : {"examples/applications", "tests/conformance/cases"}) {
    for (const auto& e : fs::directory_iterator(fs::path(NXKX_SOURCE_DIR) / dir)) {
      if (e.path().extension() != ".json") continue;
      const std::string text = read_file(e.path());
      EXPECT_FALSE(limit_error(text).has_value()) << e.path();
      if (std::string(dir) == "tests/conformance/cases") {
        const auto apps = nlohmann::json::parse(text).at("applications").dump();
        EXPECT_FALSE(limit_error(apps).has_value()) << e.path();
      }
      ++n;
    }
  }
  EXPECT_GT(n, 50u);
}

// ---- max_bytes ----

TEST(Limits, MaxBytesOfOneApplication) {
  input_limits lim;
  lim.max_bytes = 40;
  const std::string at_limit = R"({"title": ")" + std::string(27, 'x') + R"("})";
  ASSERT_EQ(at_limit.size(), 40u);
  EXPECT_FALSE(limit_error(at_limit, lim).has_value());
  expect_limit(at_limit + " ", lim, "", "max_bytes");
}

TEST(Limits, MaxBytesDefaultIsCheckedBeforeReading) {
  // 17 MiB: refused on its size alone, whatever it holds (even malformed).
  const std::string big = "{" + std::string(17u << 20, ' ');
  expect_limit(big, {}, "", "max_bytes (16777216)");
}

TEST(Limits, MaxBytesCountsLeadingWhiteSpace) {
  input_limits lim;
  lim.max_bytes = 10;
  expect_limit(std::string(11, ' '), lim, "", "max_bytes");
  expect_limit(std::string(20, '\n') + "[]", lim, "", "max_bytes");
  EXPECT_FALSE(limit_error(std::string(8, ' ') + "[]", lim).has_value());
}

TEST(Limits, MaxBytesOfEachApplicationOfABatch) {
  input_limits lim;
  lim.max_bytes = 30;
  const std::string small = R"({"id": "1"})";
  const std::string large = R"({"id": ")" + std::string(40, 'x') + R"("})";
  EXPECT_FALSE(limit_error("[" + small + ", " + small + "]", lim).has_value());
  expect_limit("[" + small + ", " + large + "]", lim, "/1", "max_bytes");
  // The whole batch may be larger than max_bytes.
  EXPECT_FALSE(limit_error("[" + repeat(small + ",", 20) + small + "]", lim).has_value());
}

TEST(Limits, MaxBytesOfAnApplicationOfABatchCountsItsClosingBracket) {
  input_limits lim;
  lim.max_bytes = 11;
  const std::string eleven = R"({"id": "1"})";
  ASSERT_EQ(eleven.size(), 11u);
  EXPECT_FALSE(limit_error("[" + eleven + "," + eleven + "]", lim).has_value());
  // One byte more, be it the closing bracket's or white space before it.
  expect_limit("[" + eleven + R"(,{"id": "12"}])", lim, "/1", "max_bytes (11)");
  expect_limit(R"([{"id": "1" }])", lim, "/0", "max_bytes (11)");
  expect_limit("[[" + std::string(20, ' ') + "]]", lim, "/0", "max_bytes (11)");
}

// ---- max_depth ----

TEST(Limits, MaxDepth) {
  EXPECT_FALSE(limit_error(nested_arrays(64)).has_value());
  // The 65th container is the first too deep: its pointer has 64 steps.
  expect_limit(nested_arrays(65), {}, zeros(64), "max_depth (64)");
}

TEST(Limits, HundredThousandDeepArrayEndsWithAnError) {
  const std::string deep = repeat("[", 100'000);  // not even closed
  expect_limit(deep, {}, zeros(64), "max_depth");
}

TEST(Limits, MaxDepthOfObjectsNamesTheKeys) {
  input_limits lim;
  lim.max_depth = 3;
  expect_limit(R"({"applicant": {"history": {"2024": {}}}})", lim, "/applicant/history/2024",
               "max_depth (3)");
  EXPECT_FALSE(limit_error(R"({"applicant": {"history": {"2024": 1}}})", lim).has_value());
}

TEST(Limits, MaxDepthAgreesWithTheParser) {
  // The parser applies the same limits: the same error at the same pointer.
  const std::string text = R"({"records": {"events": [)" + nested_arrays(63) + "]}}";
  const auto e = limit_error(text);
  ASSERT_TRUE(e.has_value());
  try {
    (void)nxkx::parse_application(text, nxkx::notice::builtin());
    FAIL() << "the parser accepted it";
  } catch (const nxkx::input_error& p) {
    EXPECT_EQ(p.code(), "input.limit");
    EXPECT_EQ(p.reason(), e->reason());
    EXPECT_EQ(p.path(), e->path());
  }
  EXPECT_EQ(e->path(), "/records/events" + zeros(62));
}

TEST(Limits, PointerTokensAreDecodedAndEscaped) {
  input_limits lim;
  lim.max_depth = 2;
  // "a/b~c" is a~1b~0c (RFC 6901); \u00e9 is é; \" and \\ are themselves.
  expect_limit(R"({"a/b~c": {"x": []}})", lim, "/a~1b~0c/x", "max_depth");
  expect_limit(R"({"\u00e9\"\\": {"\ud83d\ude00": []}})", lim, "/é\"\\/😀", "max_depth");
}

// ---- max_string_bytes ----

TEST(Limits, MaxStringBytes) {
  input_limits lim;
  lim.max_string_bytes = 8;
  EXPECT_FALSE(limit_error(R"({"title": "12345678"})", lim).has_value());
  expect_limit(R"({"title": "123456789"})", lim, "/title", "max_string_bytes (8)");
  expect_limit(R"({"texts": [{"content": "123456789"}]})", lim, "/texts/0/content",
               "max_string_bytes");
}

TEST(Limits, MaxStringBytesCountsDecodedUtf8) {
  input_limits lim;
  lim.max_string_bytes = 6;
  // 中 is 3 bytes whether written as UTF-8 or as \u4e2d (6 bytes of text).
  EXPECT_FALSE(limit_error(R"(["中中"])", lim).has_value());
  EXPECT_FALSE(limit_error(R"(["\u4e2d\u4e2d"])", lim).has_value());
  expect_limit(R"(["\u4e2d\u4e2dx"])", lim, "/0", "max_string_bytes");
  // \n is one byte; a surrogate pair is four.
  EXPECT_FALSE(limit_error(R"(["\n\n\n\n\n\n"])", lim).has_value());
  expect_limit(R"(["\n\n\n\n\n\n\n"])", lim, "/0", "max_string_bytes");
  EXPECT_FALSE(limit_error(R"(["\ud83d\ude00ab"])", lim).has_value());
  expect_limit(R"(["\ud83d\ude00abc"])", lim, "/0", "max_string_bytes");
  // An escaped quote does not end the string.
  expect_limit(R"(["\"\"\"\"\"\"\""])", lim, "/0", "max_string_bytes");
}

TEST(Limits, MaxStringBytesOfAKeyNamesItsObject) {
  input_limits lim;
  lim.max_string_bytes = 4;
  expect_limit(R"({"plan": {"targets": {"events": 4}}})", lim, "/plan", "key longer");
}

TEST(Limits, MaxStringBytesOfANumber) {
  input_limits lim;
  lim.max_string_bytes = 12;  // "paper_copies" is 12 bytes
  EXPECT_FALSE(limit_error(R"({"n": 123456789012})", lim).has_value());
  expect_limit(R"({"submission": {"paper_copies": 1234567890123}})", lim,
               "/submission/paper_copies", "max_string_bytes");
  expect_limit(R"([truefalsetruefalse])", lim, "/0", "number or literal");
}

TEST(Limits, HugeStringInABatchEndsAtTheLimit) {
  // 20 MiB in one string of the second application: refused by max_string_bytes (1 MiB) at
  // its pointer, before max_bytes (16 MiB) of its application is reached.
  const std::string text =
      R"([{"id": "a"}, {"applicant": {"name": ")" + std::string(20u << 20, 'x') + R"("}}])";
  expect_limit(text, {}, "/1/applicant/name", "max_string_bytes (1048576)");
  // Unterminated as well.
  expect_limit(R"([{"title": ")" + std::string(2u << 20, 'x'), {}, "/0/title", "max_string_bytes");
}

// ---- max_list_items ----

TEST(Limits, MaxListItems) {
  input_limits lim;
  lim.max_list_items = 3;
  EXPECT_FALSE(limit_error(R"({"records": {"events": )" + list_of(3) + "}}", lim).has_value());
  expect_limit(R"({"records": {"events": )" + list_of(4) + "}}", lim, "/records/events",
               "max_list_items (3)");
  expect_limit(R"({"records": {"events": [{"partners": ["a", "b", "c", "d"]}]}})", lim,
               "/records/events/0/partners", "max_list_items");
}

TEST(Limits, MaxListItemsDefault) {
  const std::string at_limit = R"({"records": {"media_reports": )" + list_of(10'000) + "}}";
  EXPECT_FALSE(limit_error(at_limit).has_value());
  const std::string over = R"({"records": {"media_reports": )" + list_of(10'001) + "}}";
  expect_limit(over, {}, "/records/media_reports", "max_list_items (10000)");
}

TEST(Limits, ListsInsideABatchAreListsNotBatches) {
  input_limits lim;
  lim.max_list_items = 2;
  lim.max_batch = 10;
  EXPECT_FALSE(limit_error(list_of(5), lim).has_value());
  expect_limit("[{}, {\"form\": {\"parts\": [1, 2, 3]}}]", lim, "/1/form/parts", "max_list_items");
}

// ---- max_batch ----

TEST(Limits, MaxBatch) {
  input_limits lim;
  lim.max_batch = 3;
  EXPECT_FALSE(limit_error(list_of(3), lim).has_value());
  expect_limit(list_of(4), lim, "", "max_batch (3)");
}

TEST(Limits, MaxBatchDefault) {
  EXPECT_FALSE(limit_error(list_of(100'000)).has_value());
  expect_limit(list_of(100'001), {}, "", "max_batch (100000)");
}

TEST(Limits, CheckBatchLimit) {
  input_limits lim;
  lim.max_batch = 2;
  EXPECT_NO_THROW(nxkx::check_batch_limit(2, lim));
  try {
    nxkx::check_batch_limit(3, lim);
    FAIL() << "no error";
  } catch (const nxkx::input_error& e) {
    EXPECT_EQ(e.code(), "input.limit");
    EXPECT_EQ(e.path(), "");
    EXPECT_NE(e.reason().find("max_batch (2)"), std::string::npos) << e.reason();
  }
}

// ---- what the scan leaves to the parser ----

TEST(Limits, MalformedJsonIsLeftToTheParser) {
  input_limits lim;
  lim.max_depth = 2;
  // Past the place where the structure breaks, nothing is judged: the parser reports the syntax.
  for (const char* text :
       {"", "   ", "{", "}", "]]]]", "{{{{", "[1,]]]]", "{\"a\" [[[[", "[1 [[[", "{\"a\": 1,}",
        "\"abc", "[\"a\\", "1 [[[[", "{\"a\": 1 \"b\": [[[", "[}", "{]", "nul", "{:}", "[,]"})
    EXPECT_FALSE(limit_error(text, lim).has_value()) << text;
}

TEST(Limits, ScansEveryByteSafely) {
  // Every single byte, and every pair of structural bytes, neither crashes nor misreports.
  input_limits lim;
  lim.max_depth = 1;
  lim.max_string_bytes = 1;
  for (int c = 0; c < 256; ++c) {
    const std::string one(1, static_cast<char>(c));
    (void)limit_error(one, lim);
    (void)limit_error("[" + one + "]", lim);
    (void)limit_error("{\"" + one + "\":" + one + "}", lim);
  }
  SUCCEED();
}

}  // namespace
