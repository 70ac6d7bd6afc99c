// Internal: the one JSON string escaper of nxkx, for the report writer (report.cpp) and the
// Python binding's wire (bindings/python/wire.cpp).
//
// Its output is what nlohmann's dump (ensure_ascii off, invalid UTF-8 replaced) wrote for the
// reports before, byte for byte: '"' and '\\' escaped; \b \t \n \f \r as such; the other
// characters below U+0020 as \u00xx (lower-case hex); DEL, U+2028, U+2029 and all other
// characters as their UTF-8; each maximal ill-formed subpart (utf8.hpp) as one U+FFFD.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "utf8.hpp"

namespace nxkx::detail {

/// What json_escape_into does with a byte: 0 copies it, 1 escapes it, 2 begins a multi-byte
/// sequence to be checked.
inline constexpr std::array<unsigned char, 256> json_byte_kinds = [] {
  std::array<unsigned char, 256> k{};
  for (std::size_t c = 0; c < 0x20; ++c) k[c] = 1;
  k['"'] = k['\\'] = 1;
  for (std::size_t c = 0x80; c < 0x100; ++c) k[c] = 2;
  return k;
}();

/// Appends `s` to `out` as the inside of a JSON string (no quotes around it).
inline void json_escape_into(std::string& out, std::string_view s) {
  std::size_t i = 0;
  std::size_t run = 0;  // the start of bytes to copy as they are
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    const unsigned char kind = json_byte_kinds[c];
    if (kind == 0) {
      ++i;
      continue;
    }
    if (kind == 2) {
      const utf8_sequence q = utf8_decode(s, i);
      if (q.ok) {
        i += q.size;
        continue;
      }
      out.append(s, run, i - run);
      out += "\xEF\xBF\xBD";  // U+FFFD
      i += q.size;
      run = i;
      continue;
    }
    out.append(s, run, i - run);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\r':
        out += "\\r";
        break;
      default: {
        constexpr char hex[] = "0123456789abcdef";
        const char u[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
        out.append(u, sizeof u);
      }
    }
    ++i;
    run = i;
  }
  out.append(s, run, s.size() - run);
}

/// The number of bytes json_escape_into appends for `s`.
inline std::size_t json_escaped_size(std::string_view s) noexcept {
  std::size_t size = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const unsigned char kind = json_byte_kinds[c];
    if (kind == 0) {
      ++size;
      ++i;
    } else if (kind == 2) {
      const utf8_sequence q = utf8_decode(s, i);
      size += q.ok ? q.size : 3;
      i += q.size;
    } else {
      const bool short_form =
          c == '"' || c == '\\' || c == '\b' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
      size += short_form ? 2 : 6;
      ++i;
    }
  }
  return size;
}

}  // namespace nxkx::detail
