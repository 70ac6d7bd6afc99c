// Counting 字 (characters) of a text, for limits such as the notice's "不少于1500字".
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "nxkx/codes.hpp"  // to_code / from_code<count_method>
#include "nxkx/error.hpp"  // count_zi throws input_error
#include "nxkx/export.hpp"

namespace nxkx {

/// How the 字 of a text are counted. Codes: "word_processor", "non_space".
enum class count_method {
  word_processor,  ///< 字数 as Word/WPS show it: one per CJK character or full-width mark,
                   ///< one per run of other non-space characters (a word, a number)
  non_space,       ///< 字符数(不计空格): every code point that is not white space
};

/// A text's length under every method, and its number of code points.
struct zi_count {
  std::size_t word_processor = 0;
  std::size_t non_space = 0;
  std::size_t code_points = 0;

  bool operator==(const zi_count&) const = default;
};

/// Counts 字 both ways in one pass. Throws input_error{"input.utf8", "", "invalid UTF-8 at byte N"}
/// on invalid UTF-8, N being the 0-based offset of the first byte of the first ill-formed sequence
/// (the reason names the likely encoding when the text looks like GB18030 or UTF-16). A UTF-8
/// byte-order mark at the start counts nothing (it marks the encoding; it is not a character).
NXKX_EXPORT zi_count count_zi(std::string_view utf8);

/// One method's number; throws like count_zi(utf8).
NXKX_EXPORT std::size_t count_zi(std::string_view utf8, count_method m);

/// The encoding bytes that are not UTF-8 are most likely in, as iconv names it: "UTF-16LE" or
/// "UTF-16BE" (a byte-order mark, or NUL bytes every other byte), "GB18030" (well-formed
/// GB18030 with at least one multi-byte character: what Chinese Windows saves as "ANSI"), or ""
/// when the bytes are UTF-8 or none of these. A guess, for error messages.
NXKX_EXPORT std::string_view guess_encoding(std::string_view bytes) noexcept;

/// The sentence an error adds when `bytes` look like `encoding` (guess_encoding), in English
/// and Chinese: "it looks like GB18030 (GBK, Windows' ANSI); save it as UTF-8". Empty for "".
struct encoding_hint {
  std::string en, zh;
};
NXKX_EXPORT encoding_hint hint_for_encoding(std::string_view encoding);

/// `text` with every character that would act on a terminal, a spreadsheet or a page rather than
/// be seen written out visibly: C0 controls (U+0000-U+001F, tab and line breaks included), DEL
/// and C1 controls (U+007F-U+009F) as `\u001b`-style escapes (lower-case hex, four digits),
/// and the bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069) as `\u202e`;
/// bytes that are not well-formed UTF-8 become U+FFFD. Everything else is kept as it is
/// (backslashes too: the form is for people to read, not to be decoded). For untrusted text
/// (ids, titles, names, paths) shown in reports, spreadsheets and pages.
NXKX_EXPORT std::string visible_text(std::string_view text);

/// Appends visible_text(text) to `out`.
NXKX_EXPORT void append_visible(std::string& out, std::string_view text);

}  // namespace nxkx
