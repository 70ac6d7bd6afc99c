// Counting 字 (characters) of a text, for limits such as the notice's "不少于1500字".
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "nxkx/error.hpp"  // count_zi throws input_error

namespace nxkx {

/// How the 字 of a text are counted. Codes: "word_processor", "non_space".
enum class count_method {
  word_processor,  ///< 字数 as Word/WPS show it: one per CJK character or full-width mark,
                   ///< one per run of other non-space characters (a word, a number)
  non_space,       ///< 字符数(不计空格): every code point that is not white space
};

/// The code of a method, e.g. "word_processor".
std::string_view to_code(count_method m) noexcept;

/// The method of a code, or nullopt.
std::optional<count_method> parse_count_method(std::string_view code) noexcept;

/// A text's length under every method, and its number of code points.
struct zi_count {
  std::size_t word_processor = 0;
  std::size_t non_space = 0;
  std::size_t code_points = 0;
};

/// Counts 字 both ways in one pass. A byte-order mark at the start counts 0 字 by both methods
/// (it is one of the code points). Throws input_error{"input.utf8", "", "invalid UTF-8 at byte N"}
/// on invalid UTF-8, N being the 0-based offset of the first byte of the first ill-formed sequence.
zi_count count_zi(std::string_view utf8);

/// One method's number; throws like count_zi(utf8).
std::size_t count_zi(std::string_view utf8, count_method m);

}  // namespace nxkx
