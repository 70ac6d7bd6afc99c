// Internal: the one UTF-8 well-formedness rule of nxkx, shared by the application reader
// (json_in.cpp, on its hot path: inline), the text helpers (text.cpp: count_zi decodes with it)
// and the JSON string escaper (json_escape.hpp, which replaces what it refuses).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace nxkx::detail {

/// One sequence read at s[i]: `ok`, and then the scalar value `cp` it encodes in `size` bytes,
/// or ill-formed, and then `size` is the length of its maximal subpart (the lead byte and the
/// continuation bytes that still fit, at least 1: what one U+FFFD replaces, Unicode §3.9), and
/// 0 when i is past the end.
struct utf8_sequence {
  std::uint32_t cp = 0;
  std::size_t size = 0;
  bool ok = false;
};

/// The sequence at s[i] by Unicode table 3-7: no overlong forms, no surrogates, nothing above
/// U+10FFFF.
inline utf8_sequence utf8_decode(std::string_view s, std::size_t i) noexcept {
  if (i >= s.size()) return {};
  const auto byte = [&](std::size_t k) -> unsigned { return static_cast<unsigned char>(s[i + k]); };
  const unsigned c = byte(0);
  if (c < 0x80) return {c, 1, true};
  std::size_t n = 0;
  std::uint32_t cp = 0;
  unsigned lo = 0x80, hi = 0xBF;  // the range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
    cp = c & 0x1Fu;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    cp = c & 0x0Fu;
    if (c == 0xE0) lo = 0xA0;  // no overlong forms
    if (c == 0xED) hi = 0x9F;  // no surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    cp = c & 0x07u;
    if (c == 0xF0) lo = 0x90;  // no overlong forms
    if (c == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    return {0, 1, false};  // 80-C1, F5-FF never begin a sequence
  }
  for (std::size_t k = 1; k < n; ++k) {
    if (i + k >= s.size()) return {0, k, false};
    const unsigned b = byte(k);
    if (b < lo || b > hi) return {0, k, false};
    cp = (cp << 6) | (b & 0x3Fu);
    lo = 0x80;
    hi = 0xBF;
  }
  return {cp, n, true};
}

/// The length of the well-formed UTF-8 sequence at s[i], or 0 if it is ill-formed.
inline std::size_t utf8_length(std::string_view s, std::size_t i) noexcept {
  const utf8_sequence q = utf8_decode(s, i);
  return q.ok ? q.size : 0;
}

/// Whether all of `s` is well-formed UTF-8.
inline bool utf8_valid(std::string_view s) noexcept {
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = utf8_length(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

}  // namespace nxkx::detail
