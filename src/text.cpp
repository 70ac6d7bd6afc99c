#include "nxkx/text.hpp"

#include <utf8.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "nxkx/error.hpp"

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

[[noreturn]] void throw_invalid(std::size_t offset) {
  throw input_error("input.utf8", "", "invalid UTF-8 at byte " + std::to_string(offset));
}

}  // namespace

std::string_view to_code(count_method m) noexcept {
  switch (m) {
    case count_method::word_processor:
      return "word_processor";
    case count_method::non_space:
      return "non_space";
  }
  return {};
}

std::optional<count_method> parse_count_method(std::string_view code) noexcept {
  if (code == "word_processor") return count_method::word_processor;
  if (code == "non_space") return count_method::non_space;
  return std::nullopt;
}

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
    char32_t cp;
    if (lead < 0x80) {
      cp = lead;
      ++p;
    } else if (lead >= 0xE1 && lead <= 0xEF && lead != 0xED && end - p >= 3 &&
               (static_cast<unsigned char>(p[1]) & 0xC0) == 0x80 &&
               (static_cast<unsigned char>(p[2]) & 0xC0) == 0x80) {
      // Inline fast path for the three-byte sequences Chinese is made of. E0 (overlongs) and ED
      // (surrogates) need extra checks and go the slow way; every other lead is valid here.
      cp = static_cast<char32_t>(((lead & 0x0Fu) << 12) |
                                 ((static_cast<unsigned char>(p[1]) & 0x3Fu) << 6) |
                                 (static_cast<unsigned char>(p[2]) & 0x3Fu));
      p += 3;
    } else {
      // Everything else, and every error, is utfcpp's: it leaves `p` on the first byte of an
      // ill-formed sequence when it throws.
      try {
        cp = static_cast<char32_t>(utf8::next(p, end));
      } catch (const utf8::exception&) {
        throw_invalid(static_cast<std::size_t>(p - begin));
      }
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

}  // namespace nxkx
