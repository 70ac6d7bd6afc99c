// The one UTF-8 rule (src/utf8.hpp) and the one JSON string escaper (src/json_escape.hpp):
// every boundary of Unicode table 3-7, and the escaper's bytes for every character it treats
// specially, against what nlohmann's dump wrote for the reports before.
#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "json_escape.hpp"
#include "nxkx/error.hpp"
#include "nxkx/text.hpp"
#include "utf8.hpp"

namespace nxkx {
namespace {

using detail::utf8_decode;

struct boundary {
  std::string bytes;
  bool ok;
  std::uint32_t cp;  // when ok
  std::size_t size;  // the sequence, or the maximal subpart when not ok
};

// Table 3-7 (Well-Formed UTF-8 Byte Sequences), row by row: the first and last sequence of each
// row, then the bytes just outside each range.
const std::vector<boundary>& boundaries() {
  static const std::vector<boundary> all = {
      // U+0000..U+007F: 00..7F
      {std::string(1, '\0'), true, 0x0, 1},
      {"\x7F", true, 0x7F, 1},
      // U+0080..U+07FF: C2..DF 80..BF
      {"\xC2\x80", true, 0x80, 2},
      {"\xDF\xBF", true, 0x7FF, 2},
      {"\xC0\x80", false, 0, 1},  // overlong U+0000
      {"\xC1\xBF", false, 0, 1},  // overlong U+007F
      {"\xC2\x7F", false, 0, 1},
      {"\xC2\xC0", false, 0, 1},
      {"\xC2", false, 0, 1},  // cut short
      // U+0800..U+0FFF: E0 A0..BF 80..BF
      {"\xE0\xA0\x80", true, 0x800, 3},
      {"\xE0\xBF\xBF", true, 0xFFF, 3},
      {"\xE0\x9F\xBF", false, 0, 1},  // overlong U+07FF
      {"\xE0\xC0\x80", false, 0, 1},
      {"\xE0\xA0\x7F", false, 0, 2},
      {"\xE0\xA0", false, 0, 2},
      // U+1000..U+CFFF: E1..EC 80..BF 80..BF
      {"\xE1\x80\x80", true, 0x1000, 3},
      {"\xEC\xBF\xBF", true, 0xCFFF, 3},
      {"\xE4\xB8\xAD", true, 0x4E2D, 3},  // 中
      {"\xE1\x7F\x80", false, 0, 1},
      {"\xEC\xBF\xC0", false, 0, 2},
      // U+D000..U+D7FF: ED 80..9F 80..BF
      {"\xED\x80\x80", true, 0xD000, 3},
      {"\xED\x9F\xBF", true, 0xD7FF, 3},
      {"\xED\xA0\x80", false, 0, 1},  // U+D800, a surrogate
      {"\xED\xBF\xBF", false, 0, 1},  // U+DFFF
      // U+E000..U+FFFF: EE..EF 80..BF 80..BF
      {"\xEE\x80\x80", true, 0xE000, 3},
      {"\xEF\xBF\xBF", true, 0xFFFF, 3},
      {"\xEF\xBB\xBF", true, 0xFEFF, 3},
      {"\xEE\x80", false, 0, 2},
      // U+10000..U+3FFFF: F0 90..BF 80..BF 80..BF
      {"\xF0\x90\x80\x80", true, 0x10000, 4},
      {"\xF0\xBF\xBF\xBF", true, 0x3FFFF, 4},
      {"\xF0\x8F\xBF\xBF", false, 0, 1},  // overlong U+FFFF
      {"\xF0\x90\x80", false, 0, 3},
      {"\xF0\x90\x80\x7F", false, 0, 3},
      // U+40000..U+FFFFF: F1..F3 80..BF 80..BF 80..BF
      {"\xF1\x80\x80\x80", true, 0x40000, 4},
      {"\xF3\xBF\xBF\xBF", true, 0xFFFFF, 4},
      {"\xF2\x80\xC0\x80", false, 0, 2},
      // U+100000..U+10FFFF: F4 80..8F 80..BF 80..BF
      {"\xF4\x80\x80\x80", true, 0x100000, 4},
      {"\xF4\x8F\xBF\xBF", true, 0x10FFFF, 4},
      {"\xF4\x90\x80\x80", false, 0, 1},  // U+110000
      // bytes that never begin a sequence
      {"\x80", false, 0, 1},
      {"\xBF", false, 0, 1},
      {"\xF5\x80\x80\x80", false, 0, 1},
      {"\xFF", false, 0, 1},
  };
  return all;
}

TEST(Codecs, Utf8BoundariesOfTable37) {
  for (const boundary& b : boundaries()) {
    SCOPED_TRACE(testing::PrintToString(b.bytes));
    const detail::utf8_sequence q = utf8_decode(b.bytes, 0);
    EXPECT_EQ(q.ok, b.ok);
    EXPECT_EQ(q.size, b.size);
    if (b.ok) {
      EXPECT_EQ(q.cp, b.cp);
    }
    EXPECT_EQ(detail::utf8_length(b.bytes, 0), b.ok ? b.size : 0);
    EXPECT_EQ(detail::utf8_valid(b.bytes), b.ok && b.size == b.bytes.size());
  }
  EXPECT_EQ(utf8_decode("ab", 2).size, 0u);  // past the end
  EXPECT_EQ(detail::utf8_length("ab", 2), 0u);
}

// count_zi decodes by the same rule: it refuses exactly what utf8_decode refuses, at the byte
// where the sequence begins, and counts one code point for each sequence it accepts.
TEST(Codecs, CountZiFollowsTheRule) {
  for (const boundary& b : boundaries()) {
    SCOPED_TRACE(testing::PrintToString(b.bytes));
    const std::string text = "ab" + b.bytes.substr(0, b.ok ? b.size : b.bytes.size());
    if (b.ok) {
      EXPECT_EQ(count_zi(text).code_points, 3u);
      continue;
    }
    try {
      (void)count_zi(text);
      ADD_FAILURE() << "accepted";
    } catch (const input_error& e) {
      EXPECT_EQ(e.code(), "input.utf8");
      EXPECT_EQ(e.reason().rfind("invalid UTF-8 at byte 2", 0), 0u) << e.reason();
    }
  }
}

std::string escaped(std::string_view s) {
  std::string out;
  detail::json_escape_into(out, s);
  EXPECT_EQ(out.size(), detail::json_escaped_size(s)) << testing::PrintToString(std::string(s));
  return out;
}

TEST(Codecs, EscapesEveryControlCharacter) {
  const char* const expected[0x20] = {
      "\\u0000", "\\u0001", "\\u0002", "\\u0003", "\\u0004", "\\u0005", "\\u0006", "\\u0007",
      "\\b",     "\\t",     "\\n",     "\\u000b", "\\f",     "\\r",     "\\u000e", "\\u000f",
      "\\u0010", "\\u0011", "\\u0012", "\\u0013", "\\u0014", "\\u0015", "\\u0016", "\\u0017",
      "\\u0018", "\\u0019", "\\u001a", "\\u001b", "\\u001c", "\\u001d", "\\u001e", "\\u001f"};
  for (unsigned c = 0; c < 0x20; ++c)
    EXPECT_EQ(escaped(std::string(1, static_cast<char>(c))), expected[c]) << c;
  EXPECT_EQ(escaped("\""), "\\\"");
  EXPECT_EQ(escaped("\\"), "\\\\");
  EXPECT_EQ(escaped("/"), "/");
  EXPECT_EQ(escaped("\x7F"), "\x7F");                  // DEL as it is
  EXPECT_EQ(escaped("\xE2\x80\xA8"), "\xE2\x80\xA8");  // U+2028 as it is
  EXPECT_EQ(escaped("\xE2\x80\xA9"), "\xE2\x80\xA9");  // U+2029 as it is
  EXPECT_EQ(escaped("a\"b\\c\nd中"), "a\\\"b\\\\c\\nd中");
  EXPECT_EQ(escaped(""), "");
}

TEST(Codecs, ReplacesEachMaximalSubpartByOneReplacementCharacter) {
  const std::string fffd = "\xEF\xBF\xBD";
  for (const boundary& b : boundaries()) {
    if (b.ok) continue;
    SCOPED_TRACE(testing::PrintToString(b.bytes));
    std::string rest = b.bytes.substr(b.size);
    std::string expected = "x" + fffd;
    // What follows the subpart is read again from its own first byte.
    for (std::size_t i = 0; i < rest.size();) {
      const detail::utf8_sequence q = utf8_decode(rest, i);
      expected += q.ok ? (rest[i] == '\x7F' || static_cast<unsigned char>(rest[i]) >= 0x20
                              ? rest.substr(i, q.size)
                              : std::string("?"))
                       : fffd;
      i += q.size;
    }
    EXPECT_EQ(escaped("x" + b.bytes), expected);
  }
  EXPECT_EQ(escaped("\xE4\xB8"), fffd);  // 中 cut short: one replacement
  EXPECT_EQ(escaped("\xE4\xB8\xE4\xB8\xAD"), fffd + "中");
  EXPECT_EQ(escaped("\xC0\xAF"), fffd + fffd);  // overlong '/': two
}

// The report writer's strings were nlohmann's dump (ensure_ascii off, invalid UTF-8 replaced):
// the escaper writes the same bytes for any input.
TEST(Codecs, EscaperMatchesNlohmannOnRandomBytes) {
  std::mt19937 rng(20261202);
  const std::vector<std::string> pieces = {"a",
                                           "\"",
                                           "\\",
                                           "\n",
                                           "\x01",
                                           "\x1F",
                                           "\x7F",
                                           "中",
                                           "\xE2\x80\xA8",
                                           "\xF0\x9F\x98\x80",
                                           "\xC2\xA0",
                                           "plain ascii words",
                                           "申报单位",
                                           "\xE0\xA4\x85",
                                           "\xED\x9F\xBF"};
  for (int round = 0; round < 8000; ++round) {
    std::string s;
    // Short texts, and long ones, whose runs of eight plain bytes take the escaper's fast path.
    const int n = static_cast<int>(rng() % (round % 2 == 0 ? 12 : 60));
    for (int i = 0; i < n; ++i) {
      if (rng() % 3 == 0)
        s += static_cast<char>(rng() % 256);
      else
        s += pieces[rng() % pieces.size()];
    }
    const std::string theirs =
        nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    EXPECT_EQ("\"" + escaped(s) + "\"", theirs) << testing::PrintToString(s);
  }
}

}  // namespace
}  // namespace nxkx
