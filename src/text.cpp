#include "nxkx/text.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "nxkx/error.hpp"
#include "utf8.hpp"

namespace nxkx {
namespace {

// What a code point does to the Word-style count.
enum class kind : std::uint8_t {
  space,   // Unicode White_Space: counts nothing, ends a run
  unit,    // CJK ideograph, kana, hangul syllable, full-width mark: 1 each, ends a run
  other,   // anything else (letters, digits, half-width punctuation): 1 per maximal run
  extend,  // a combining mark or variation selector: belongs to whatever precedes it
};

constexpr std::array<kind, 128> make_ascii() {
  std::array<kind, 128> table{};
  for (auto& k : table) k = kind::other;
  for (std::size_t c = 0x09; c <= 0x0D; ++c) table[c] = kind::space;
  table[0x20] = kind::space;
  return table;
}
constexpr std::array<kind, 128> ascii = make_ascii();

// Ranges chosen. docs/deliverables.md §3 "Counting 字" names the main ones; the rest are our
// extension of the same idea (East Asian full-width characters count one by one), not verified
// against Word:
//   unit:   U+2014-2016 — ― ‖, U+2018-201F curly quotes, U+2025-2026 ‥ …, U+203B ※;
//           U+2E80-2FFF CJK/Kangxi radicals, ideographic description; U+3001-9FFF CJK symbols
//           and punctuation, kana, bopomofo, compatibility jamo, enclosed CJK, CJK compatibility,
//           extension A, Yijing symbols, URO ideographs; U+AC00-D7A3 hangul syllables;
//           U+F900-FAFF compatibility ideographs; U+FE10-FE1F vertical forms; U+FE30-FE6F CJK
//           compatibility forms and small form variants; U+FF00-FFEF half-/full-width forms;
//           U+1AFF0-1B16F kana extensions; U+20000-3FFFF planes 2-3 (extensions B-I and the
//           compatibility supplement; the planes are reserved for ideographs).
//   extend: U+0300-036F, U+1AB0-1AFF, U+1DC0-1DFF, U+20D0-20FF combining marks, U+200C-200D
//           joiners, U+302A-302F ideographic tone marks, U+3099-309A kana voicing marks,
//           U+FE00-FE0F and U+E0100-E01EF variation selectors: an ideograph with a selector is
//           still one 字 (and one run stays one run).
//   space:  Unicode White_Space: U+0009-000D, 0020, 0085, 00A0, 1680, 2000-200A, 2028, 2029,
//           202F, 205F, 3000 (ideographic space; not confirmed for Word, we say 0).
// Half-width punctuation is "other" on purpose: stuck to a word it adds nothing, alone between
// spaces it is a run of its own ("Hello , world ." is 4).
constexpr kind classify(char32_t cp) noexcept {
  // The hot range first: Chinese text is almost all U+3001-9FFF.
  if (cp >= 0x3001 && cp <= 0x9FFF) {
    if ((cp >= 0x302A && cp <= 0x302F) || cp == 0x3099 || cp == 0x309A) return kind::extend;
    return kind::unit;
  }
  if (cp >= 0xFF00 && cp <= 0xFFEF) return kind::unit;
  if (cp < 0x80) return ascii[cp];
  if (cp < 0x2000) {
    if (cp == 0x85 || cp == 0xA0 || cp == 0x1680) return kind::space;
    if ((cp >= 0x300 && cp <= 0x36F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
        (cp >= 0x1DC0 && cp <= 0x1DFF))
      return kind::extend;
    return kind::other;
  }
  if (cp < 0x3001) {
    if (cp <= 0x200A || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
        cp == 0x3000)
      return kind::space;
    if (cp == 0x200C || cp == 0x200D || (cp >= 0x20D0 && cp <= 0x20FF)) return kind::extend;
    if ((cp >= 0x2014 && cp <= 0x2016) || (cp >= 0x2018 && cp <= 0x201F) || cp == 0x2025 ||
        cp == 0x2026 || cp == 0x203B || cp >= 0x2E80)
      return kind::unit;
    return kind::other;
  }
  if (cp < 0x10000) {
    if ((cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
        (cp >= 0xFE10 && cp <= 0xFE1F) || (cp >= 0xFE30 && cp <= 0xFE6F))
      return kind::unit;
    if ((cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xFE20 && cp <= 0xFE2F)) return kind::extend;
    return kind::other;
  }
  if ((cp >= 0x20000 && cp <= 0x3FFFF) || (cp >= 0x1AFF0 && cp <= 0x1B16F)) return kind::unit;
  if (cp >= 0xE0100 && cp <= 0xE01EF) return kind::extend;
  return kind::other;
}

[[noreturn]] void throw_invalid(std::string_view text, std::size_t offset) {
  std::string en = "invalid UTF-8 at byte " + std::to_string(offset);
  std::string zh = "第 " + std::to_string(offset) + " 字节处不是有效的 UTF-8";
  const encoding_hint hint = hint_for_encoding(guess_encoding(text));
  if (!hint.en.empty()) {
    en += "; " + hint.en;
    zh += "；" + hint.zh;
  }
  throw input_error("input.utf8", "", std::move(en), std::move(zh));
}

/// Well-formed GB18030 (GB 18030-2005: one byte 00-7F; two bytes 81-FE then 40-7E or 80-FE;
/// four bytes 81-FE 30-39 81-FE 30-39) with at least one multi-byte character.
bool looks_gb18030(std::string_view s) noexcept {
  auto b = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  bool multi = false;
  for (std::size_t i = 0; i < s.size();) {
    const unsigned c = b(i);
    if (c < 0x80) {
      if (c == 0) return false;
      ++i;
      continue;
    }
    if (c == 0x80 || c == 0xFF || i + 1 >= s.size()) return false;
    const unsigned d = b(i + 1);
    if ((d >= 0x40 && d <= 0x7E) || (d >= 0x80 && d <= 0xFE)) {
      i += 2;
    } else if (d >= 0x30 && d <= 0x39 && i + 3 < s.size() && b(i + 2) >= 0x81 && b(i + 2) <= 0xFE &&
               b(i + 3) >= 0x30 && b(i + 3) <= 0x39) {
      i += 4;
    } else {
      return false;
    }
    multi = true;
  }
  return multi;
}

}  // namespace

zi_count count_zi(std::string_view utf8) {
  const char* const begin = utf8.data();
  const char* const end = begin + utf8.size();
  const char* p = begin;
  std::size_t words = 0, non_space = 0, code_points = 0;
  // A byte-order mark (U+FEFF) at the start is an encoding mark, not a character: 0 字 by both
  // methods (Notepad writes one when it saves UTF-8). It is still a code point.
  if (utf8.size() >= 3 && utf8.substr(0, 3) == "\xEF\xBB\xBF") {
    p += 3;
    code_points = 1;
  }
  // What the previous code point left behind: between runs, inside a run of "other", or right
  // after a unit (where a combining mark adds nothing).
  enum class after : std::uint8_t { gap, run, unit } state = after::gap;

  while (p != end) {
    const auto lead = static_cast<unsigned char>(*p);
    char32_t cp = lead;
    if (lead < 0x80) {
      ++p;
    } else {
      const detail::utf8_sequence q =
          detail::utf8_decode(utf8, static_cast<std::size_t>(p - begin));
      if (!q.ok) throw_invalid(utf8, static_cast<std::size_t>(p - begin));
      cp = static_cast<char32_t>(q.cp);
      p += q.size;
    }

    ++code_points;
    switch (classify(cp)) {
      case kind::space:
        state = after::gap;
        break;
      case kind::unit:
        ++words;
        ++non_space;
        state = after::unit;
        break;
      case kind::other:
        ++non_space;
        if (state != after::run) ++words;
        state = after::run;
        break;
      case kind::extend:
        ++non_space;
        if (state == after::gap) {
          ++words;  // a stray mark is a run of its own, like a lone half-width mark
          state = after::run;
        }
        break;
    }
  }
  return {words, non_space, code_points};
}

std::size_t count_zi(std::string_view utf8, count_method m) {
  const zi_count counts = count_zi(utf8);
  return m == count_method::non_space ? counts.non_space : counts.word_processor;
}

std::string_view guess_encoding(std::string_view bytes) noexcept {
  if (bytes.starts_with("\xFF\xFE")) return "UTF-16LE";
  if (bytes.starts_with("\xFE\xFF")) return "UTF-16BE";
  // Text of ASCII characters in UTF-16 has a NUL in every other byte.
  const std::size_t n = std::min<std::size_t>(bytes.size(), 4096) & ~std::size_t{1};
  std::size_t even = 0, odd = 0;
  for (std::size_t i = 0; i < n; i += 2) {
    even += bytes[i] == '\0' ? 1u : 0u;
    odd += bytes[i + 1] == '\0' ? 1u : 0u;
  }
  if (n >= 4 && odd * 4 >= n && even * 8 < n) return "UTF-16LE";
  if (n >= 4 && even * 4 >= n && odd * 8 < n) return "UTF-16BE";
  if (detail::utf8_valid(bytes)) return "";
  if (looks_gb18030(bytes)) return "GB18030";
  return "";
}

encoding_hint hint_for_encoding(std::string_view encoding) {
  if (encoding == "GB18030")
    return {"it looks like GB18030 (GBK, what Chinese Windows saves as \"ANSI\"): save it as UTF-8",
            "看起来是 GB18030（GBK，即中文 Windows 所说的“ANSI”）编码：请另存为 UTF-8"};
  if (encoding.starts_with("UTF-16"))
    return {
        "it looks like " + std::string(encoding) +
            " (what Windows calls \"Unicode\"): save it as UTF-8",
        "看起来是 " + std::string(encoding) + "（即 Windows 所说的“Unicode”）编码：请另存为 UTF-8"};
  return {};
}

void append_visible(std::string& out, std::string_view text) {
  static constexpr char hex[] = "0123456789abcdef";
  auto escape = [&out](std::uint32_t cp) {
    out += "\\u";
    for (int shift = 12; shift >= 0; shift -= 4) out += hex[(cp >> shift) & 0xF];
  };
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (c < 0x20 || c == 0x7F)
        escape(c);
      else
        out += static_cast<char>(c);
      ++i;
      continue;
    }
    const detail::utf8_sequence q = detail::utf8_decode(text, i);
    if (!q.ok) {
      out += "\xEF\xBF\xBD";  // U+FFFD
      ++i;
      continue;
    }
    const std::size_t n = q.size;
    const std::uint32_t cp = q.cp;
    if ((cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
        (cp >= 0x2066 && cp <= 0x2069))
      escape(cp);
    else
      out.append(text, i, n);
    i += n;
  }
}

std::string visible_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_visible(out, text);
  return out;
}

}  // namespace nxkx
