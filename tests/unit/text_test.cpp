#include "nxkx/text.hpp"

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>

#include "nxkx/error.hpp"

namespace nxkx {
namespace {

std::size_t words(std::string_view s) { return count_zi(s).word_processor; }
std::size_t non_space(std::string_view s) { return count_zi(s).non_space; }

// The byte offset count_zi reports, or npos when it does not throw.
std::size_t error_offset(std::string_view s) {
  try {
    (void)count_zi(s);
  } catch (const input_error& e) {
    EXPECT_EQ(e.code(), "input.utf8");
    EXPECT_EQ(e.path(), "");
    const std::string prefix = "invalid UTF-8 at byte ";
    EXPECT_EQ(e.reason().substr(0, prefix.size()), prefix);
    EXPECT_EQ(std::string(e.what()), "[input.utf8] " + e.reason());
    return std::stoul(e.reason().substr(prefix.size()));
  }
  return std::string_view::npos;
}

TEST(CountZi, FactsExamples) {
  EXPECT_EQ(words("Hello、World。"), 4u);
  EXPECT_EQ(words("宁夏科协2025年学术交流项目。"), 13u);
  EXPECT_EQ(words("Hello, world."), 2u);
  EXPECT_EQ(words("Hello , world ."), 4u);
  EXPECT_EQ(non_space("Hello、World。"), 12u);
  EXPECT_EQ(non_space("宁夏科协2025年学术交流项目。"), 16u);
  EXPECT_EQ(non_space("Hello, world."), 12u);
  EXPECT_EQ(non_space("Hello , world ."), 12u);
  EXPECT_EQ(count_zi("Hello , world .").code_points, 15u);
}

TEST(CountZi, Empty) {
  const zi_count c = count_zi("");
  EXPECT_EQ(c.word_processor, 0u);
  EXPECT_EQ(c.non_space, 0u);
  EXPECT_EQ(c.code_points, 0u);
}

// FACTS: a byte-order mark at the start is an encoding mark (Notepad writes one): 0 字 by both
// methods. Anywhere else U+FEFF is an ordinary (zero-width) character.
TEST(CountZi, ByteOrderMarkAtTheStartCountsNothing) {
  const zi_count bom = count_zi("\xEF\xBB\xBF");
  EXPECT_EQ(bom.word_processor, 0u);
  EXPECT_EQ(bom.non_space, 0u);
  EXPECT_EQ(bom.code_points, 1u);
  const zi_count text = count_zi("\xEF\xBB\xBF宁夏科协2025年学术交流项目。");
  EXPECT_EQ(text.word_processor, 13u);
  EXPECT_EQ(text.non_space, 16u);
  EXPECT_EQ(count_zi("\xEF\xBB\xBFHello").word_processor, 1u);  // not joined to the run
  EXPECT_EQ(count_zi("a\xEF\xBB\xBF").non_space, 2u);           // not at the start
  EXPECT_EQ(error_offset("\xEF\xBB\xBF\x80"), 3u);              // offsets still count its bytes
  EXPECT_EQ(error_offset("\xEF\xBB"), 0u);                      // a truncated mark is no mark
}

TEST(CountZi, WhiteSpaceCountsNothing) {
  // Tab, LF, VT, FF, CR, space, NEL, NBSP, ogham, en quad … hair space, line and paragraph
  // separators, narrow NBSP, medium mathematical space, ideographic space.
  const std::string_view all =
      "\t\n\v\f\r \u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
      "\u2009\u200A\u2028\u2029\u202F\u205F\u3000";
  const zi_count c = count_zi(all);
  EXPECT_EQ(c.word_processor, 0u);
  EXPECT_EQ(c.non_space, 0u);
  EXPECT_EQ(c.code_points, 25u);
  // Each one separates runs.
  for (std::string_view space : {"\t", "\n", "\r", " ", "\u00A0", "\u2003", "\u3000", "\u202F"}) {
    std::string text = "a";  // built by appending: GCC 12 -Wrestrict misfires on "a" + string
    text += space;
    text += "b";
    EXPECT_EQ(words(text), 2u) << space;
  }
  EXPECT_EQ(words("宁夏\u3000科协"), 4u);
}

TEST(CountZi, RunsOfOtherCharacters) {
  EXPECT_EQ(words("2025"), 1u);
  EXPECT_EQ(words("3.5"), 1u);
  EXPECT_EQ(words("3.5%"), 1u);
  EXPECT_EQ(words("nxkxxhb@163.com"), 1u);
  EXPECT_EQ(words("0951-5085190"), 1u);
  EXPECT_EQ(words("e-mail, Word."), 2u);
  EXPECT_EQ(words("a - b"), 3u);  // a lone mark between spaces
  EXPECT_EQ(words("- - -"), 3u);
  EXPECT_EQ(words("  leading and trailing  "), 3u);
  EXPECT_EQ(words("caf\u00E9 na\u00EFve"), 2u);  // Latin-1 letters are letters
  EXPECT_EQ(words("\u0417\u0434\u0440\u0430\u0432\u0441\u0442\u0432\u0443\u0439"), 1u);
  EXPECT_EQ(words(std::string_view{"a\0b", 3}), 1u);         // a control character is not a space
  EXPECT_EQ(words("\xF0\x9F\x98\x80\xF0\x9F\x98\x80"), 1u);  // emoji are "other"
}

TEST(CountZi, HanAndFullWidthAreOneEach) {
  EXPECT_EQ(words("宁夏科协"), 4u);
  EXPECT_EQ(words("abc中def"), 3u);  // a Han character ends a run
  EXPECT_EQ(words("2025年5月16日"), 6u);
  EXPECT_EQ(words("（一）"), 3u);
  EXPECT_EQ(words("一(一)"), 4u);  // half-width brackets between Han are runs
  EXPECT_EQ(words("“科协”"), 4u);
  EXPECT_EQ(words("‘科’"), 3u);
  EXPECT_EQ(words("——"), 2u);
  EXPECT_EQ(words("……"), 2u);
  EXPECT_EQ(words("※"), 1u);
  // Stuck to Latin, each of these still counts by itself: they are East Asian marks.
  EXPECT_EQ(words("a—b"), 3u);
  EXPECT_EQ(words("a―b"), 3u);
  EXPECT_EQ(words("a‖b"), 3u);
  EXPECT_EQ(words("a…"), 2u);
  EXPECT_EQ(words("a‥"), 2u);
  EXPECT_EQ(words("a※b"), 3u);
  EXPECT_EQ(words("\"a\"“b”„c‟"), 7u);  // straight quotes stick, curly ones count
  EXPECT_EQ(words("don’t"), 3u);        // the price of counting U+2019 as full-width
  EXPECT_EQ(words("a–b"), 1u);          // en dash is half-width punctuation
  EXPECT_EQ(words("a\u00B7b"), 1u);     // so is the middle dot
  EXPECT_EQ(words("〔2025〕61号"), 5u);
  EXPECT_EQ(words("ＡＢＣ１２３"), 6u);  // full-width letters and digits
  EXPECT_EQ(words("ｶﾀｶﾅ"), 4u);          // half-width katakana: U+FF00-FFEF
  EXPECT_EQ(words("，。；：？！"), 6u);
  EXPECT_EQ(words("︐︒"), 2u);  // vertical forms
  EXPECT_EQ(words("﹐﹑"), 2u);  // small form variants
  EXPECT_EQ(words("〇々"), 2u);
}

TEST(CountZi, EveryIdeographBlock) {
  EXPECT_EQ(words("\u4E00\u9FFF"), 2u);                    // unified ideographs
  EXPECT_EQ(words("\u3400\u4DBF"), 2u);                    // extension A
  EXPECT_EQ(words("\U00020000\U0002A6DF"), 2u);            // extension B
  EXPECT_EQ(words("\U0002A700\U0002B740\U0002B820"), 3u);  // C, D, E
  EXPECT_EQ(words("\U0002CEB0\U00030000\U00031350"), 3u);  // F, G, H
  EXPECT_EQ(words("\uF900\uFAFF"), 2u);                    // compatibility ideographs
  EXPECT_EQ(words("\U0002F800\U0002FA1D"), 2u);            // compatibility supplement
  EXPECT_EQ(words("\u2E80\u2F00"), 2u);                    // radicals
  EXPECT_EQ(words("ひらがなカタカナ"), 8u);
  EXPECT_EQ(words("\U0001B000\U0001B001"), 2u);  // kana supplement
  EXPECT_EQ(words("한국어"), 3u);
  EXPECT_EQ(words("\uAC00\uD7A3"), 2u);  // first and last hangul syllable
  EXPECT_EQ(words("ㄅㄆ"), 2u);          // bopomofo
}

TEST(CountZi, MarksBelongToWhatTheyFollow) {
  EXPECT_EQ(words("\u845B\U000E0100"), 1u);  // an ideograph with a variation selector is one 字
  EXPECT_EQ(non_space("\u845B\U000E0100"), 2u);
  EXPECT_EQ(words("\u845B\uFE00"), 1u);
  EXPECT_EQ(words("\u304B\u3099"), 1u);     // か + combining voicing mark
  EXPECT_EQ(words("e\u0301te\u0301"), 1u);  // decomposed Latin stays one word
  EXPECT_EQ(words("\u845B\u0301x"), 2u);    // a mark after Han does not start a run
  EXPECT_EQ(words(" \u0301 "), 1u);         // a stray mark is a run of its own
  EXPECT_EQ(words("\u0301abc"), 1u);
}

TEST(CountZi, NonSpaceIsEveryOtherCodePoint) {
  const zi_count c = count_zi("宁夏 科协\u3000Word 2025，ok.\n");
  EXPECT_EQ(c.non_space, 4u + 4u + 4u + 1u + 3u);
  EXPECT_EQ(c.code_points, c.non_space + 4u);
  EXPECT_EQ(c.word_processor, 4u + 1u + 1u + 1u + 1u);
}

TEST(CountZi, Methods) {
  EXPECT_EQ(to_code(count_method::word_processor), "word_processor");
  EXPECT_EQ(to_code(count_method::non_space), "non_space");
  EXPECT_EQ(to_code(static_cast<count_method>(7)), "");
  for (count_method m : {count_method::word_processor, count_method::non_space})
    EXPECT_EQ(from_code<count_method>(to_code(m)), m);
  for (std::string_view bad : {"", "word", "Word_Processor", "non-space", "non_space "})
    EXPECT_EQ(from_code<count_method>(bad), std::nullopt) << bad;
  EXPECT_EQ(count_zi("Hello、World。", count_method::word_processor), 4u);
  EXPECT_EQ(count_zi("Hello、World。", count_method::non_space), 12u);
  EXPECT_THROW((void)count_zi("\xFF", count_method::non_space), input_error);
}

// A case study of exactly `n` 字 by the Word method: Han text with full-width punctuation,
// numbers, English words, line breaks and ideographic spaces, as a real 工作案例 has.
std::string generated_text(std::size_t n, std::size_t* non_space_out) {
  const std::string_view pieces[] = {
      "宁", "夏", "科",   "协", "，", "2025", "年", " Word ", "。", "\n\u3000\u3000",
      "学", "会", "3.5%", "“",  "案", "例",   "”"};
  const std::size_t piece_words[] = {1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1};
  const std::size_t piece_non_space[] = {1, 1, 1, 1, 1, 4, 1, 4, 1, 0, 1, 1, 4, 1, 1, 1, 1};
  std::string text;
  std::size_t words_so_far = 0, non_space_so_far = 0;
  for (std::size_t i = 0; words_so_far < n; ++i) {
    const std::size_t k = i % std::size(pieces);
    text += pieces[k];
    words_so_far += piece_words[k];
    non_space_so_far += piece_non_space[k];
  }
  *non_space_out = non_space_so_far;
  return text;
}

TEST(CountZi, AroundFifteenHundred) {
  for (std::size_t n : {1499u, 1500u, 1501u}) {
    std::size_t expected_non_space = 0;
    const std::string text = generated_text(n, &expected_non_space);
    const zi_count c = count_zi(text);
    EXPECT_EQ(c.word_processor, n);
    EXPECT_EQ(c.non_space, expected_non_space);
    EXPECT_EQ(count_zi(text, count_method::word_processor) >= 1500, n >= 1500);
  }
}

TEST(CountZi, InvalidUtf8Offsets) {
  EXPECT_EQ(error_offset("\x80"), 0u);  // lone continuation byte
  EXPECT_EQ(error_offset("ab\x80"), 2u);
  EXPECT_EQ(error_offset("宁\xBF"), 3u);
  EXPECT_EQ(error_offset("\xFF"), 0u);
  EXPECT_EQ(error_offset("a\xFE"), 1u);
  // Truncated sequences: at the end, and followed by something that is not a continuation.
  EXPECT_EQ(error_offset("\xC3"), 0u);
  EXPECT_EQ(error_offset("a\xC3"), 1u);
  EXPECT_EQ(error_offset("\xC3"
                         "a"),
            0u);
  EXPECT_EQ(error_offset("\xE5\xAE"), 0u);  // 宁 without its last byte
  EXPECT_EQ(error_offset("宁夏\xE5\xAE"), 6u);
  EXPECT_EQ(error_offset("宁夏\xE5\xAE 科协"), 6u);
  EXPECT_EQ(error_offset("宁\xE5\xE5\xAE\x81"), 3u);
  EXPECT_EQ(error_offset("\xF0\x9F\x98"), 0u);
  EXPECT_EQ(error_offset("ok\xF0\x9F\x98!"), 2u);
  EXPECT_EQ(error_offset("\xF0"), 0u);
  // Overlong encodings.
  EXPECT_EQ(error_offset("\xC0\x80"), 0u);
  EXPECT_EQ(error_offset("x\xC1\xBF"), 1u);
  EXPECT_EQ(error_offset("\xE0\x80\x80"), 0u);
  EXPECT_EQ(error_offset("宁\xE0\x9F\xBF"), 3u);
  EXPECT_EQ(error_offset("\xF0\x80\x80\x80"), 0u);
  EXPECT_EQ(error_offset("ab\xF0\x8F\xBF\xBF"), 2u);
  // Surrogates encoded in UTF-8 (CESU-8 style).
  EXPECT_EQ(error_offset("\xED\xA0\x80"), 0u);              // U+D800
  EXPECT_EQ(error_offset("宁\xED\xBF\xBF"), 3u);            // U+DFFF
  EXPECT_EQ(error_offset("\xED\xA0\xBD\xED\xB8\x80"), 0u);  // a surrogate pair
  // Beyond U+10FFFF.
  EXPECT_EQ(error_offset("\xF4\x90\x80\x80"), 0u);  // U+110000
  EXPECT_EQ(error_offset("a\xF5\x80\x80\x80"), 1u);
  EXPECT_EQ(error_offset("a\xF7\xBF\xBF\xBF"), 1u);
  EXPECT_EQ(error_offset("\xF8\x88\x80\x80\x80"), 0u);      // five-byte form
  EXPECT_EQ(error_offset("\xFC\x84\x80\x80\x80\x80"), 0u);  // six-byte form
  // The first of several errors is the one reported.
  EXPECT_EQ(error_offset("a\x80\xFF"), 1u);
}

TEST(CountZi, ValidEdgesOfUtf8) {
  for (std::string_view ok :
       {"\x7F", "\xC2\x80", "\xDF\xBF", "\xE0\xA0\x80", "\xED\x9F\xBF", "\xEE\x80\x80",
        "\xEF\xBF\xBF", "\xF0\x90\x80\x80", "\xF4\x8F\xBF\xBF"}) {
    EXPECT_EQ(error_offset(ok), std::string_view::npos) << ok;
    EXPECT_EQ(count_zi(ok).code_points, 1u);
  }
}

// A reference validator written from the Unicode standard's table of well-formed byte
// sequences (Table 3-7), independent of the one under test: the offset of the first
// ill-formed sequence, or npos.
std::size_t reference_first_error(std::string_view s, std::size_t* code_points) {
  std::size_t i = 0, n = 0;
  const auto at = [&](std::size_t k) { return static_cast<std::uint8_t>(s[k]); };
  const auto in = [&](std::size_t k, unsigned lo, unsigned hi) {
    return k < s.size() && at(k) >= lo && at(k) <= hi;
  };
  while (i < s.size()) {
    const unsigned b = at(i);
    std::size_t len = 0;
    if (b <= 0x7F)
      len = 1;
    else if (b >= 0xC2 && b <= 0xDF)
      len = in(i + 1, 0x80, 0xBF) ? 2 : 0;
    else if (b == 0xE0)
      len = in(i + 1, 0xA0, 0xBF) && in(i + 2, 0x80, 0xBF) ? 3 : 0;
    else if (b == 0xED)
      len = in(i + 1, 0x80, 0x9F) && in(i + 2, 0x80, 0xBF) ? 3 : 0;
    else if (b >= 0xE1 && b <= 0xEF)
      len = in(i + 1, 0x80, 0xBF) && in(i + 2, 0x80, 0xBF) ? 3 : 0;
    else if (b == 0xF0)
      len = in(i + 1, 0x90, 0xBF) && in(i + 2, 0x80, 0xBF) && in(i + 3, 0x80, 0xBF) ? 4 : 0;
    else if (b >= 0xF1 && b <= 0xF3)
      len = in(i + 1, 0x80, 0xBF) && in(i + 2, 0x80, 0xBF) && in(i + 3, 0x80, 0xBF) ? 4 : 0;
    else if (b == 0xF4)
      len = in(i + 1, 0x80, 0x8F) && in(i + 2, 0x80, 0xBF) && in(i + 3, 0x80, 0xBF) ? 4 : 0;
    if (len == 0) return i;
    i += len;
    ++n;
  }
  *code_points = n;
  return std::string_view::npos;
}

TEST(CountZi, AgreesWithAReferenceValidatorOnRandomInput) {
  // Mostly valid text with rare random bytes, so errors land at every depth of a sequence.
  const std::string_view valid[] = {"宁",
                                    "a",
                                    " ",
                                    "，",
                                    "\u00E9",
                                    "\U00020000",
                                    "\xF4\x8F\xBF\xBF",
                                    "\xE0\xA0\x80",
                                    "\xED\x9F\xBF",
                                    "\u3000"};
  std::mt19937 rng(20250516);
  std::uniform_int_distribution<int> pick(0, 99), byte(0, 255);
  std::size_t errors = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    const int length = pick(rng) % 12;
    for (int i = 0; i < length; ++i) {
      if (pick(rng) < 8)
        s += static_cast<char>(byte(rng));
      else
        s += valid[static_cast<std::size_t>(pick(rng)) % std::size(valid)];
    }
    std::size_t code_points = 0;
    const std::size_t expected = reference_first_error(s, &code_points);
    ASSERT_EQ(error_offset(s), expected) << ::testing::PrintToString(s);
    if (expected == std::string_view::npos) {
      ASSERT_EQ(count_zi(s).code_points, code_points);
    } else {
      ++errors;
    }
  }
  EXPECT_GT(errors, 1000u);  // the generator does reach the error paths
}

}  // namespace
}  // namespace nxkx
