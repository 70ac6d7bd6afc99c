// Internal: the one UTF-8 well-formedness rule of nxkx, shared by the application reader
// (json_in.cpp, on its hot path: inline) and the text helpers (text.cpp).
#pragma once

#include <cstddef>
#include <string_view>

namespace nxkx::detail {

/// The length of the well-formed UTF-8 sequence at s[i], or 0 if it is ill-formed (Unicode,
/// table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF).
inline std::size_t utf8_length(std::string_view s, std::size_t i) noexcept {
  auto at = [&](std::size_t k) -> unsigned {
    return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0x100u;
  };
  auto in = [](unsigned x, unsigned lo, unsigned hi) { return x >= lo && x <= hi; };
  auto tail = [&](std::size_t k) { return in(at(k), 0x80, 0xBF); };
  const unsigned c = at(0);
  if (c < 0x80) return 1;
  if (in(c, 0xC2, 0xDF)) return tail(1) ? 2 : 0;
  if (c == 0xE0) return in(at(1), 0xA0, 0xBF) && tail(2) ? 3 : 0;
  if (in(c, 0xE1, 0xEC) || in(c, 0xEE, 0xEF)) return tail(1) && tail(2) ? 3 : 0;
  if (c == 0xED) return in(at(1), 0x80, 0x9F) && tail(2) ? 3 : 0;
  if (c == 0xF0) return in(at(1), 0x90, 0xBF) && tail(2) && tail(3) ? 4 : 0;
  if (in(c, 0xF1, 0xF3)) return tail(1) && tail(2) && tail(3) ? 4 : 0;
  if (c == 0xF4) return in(at(1), 0x80, 0x8F) && tail(2) && tail(3) ? 4 : 0;
  return 0;
}

}  // namespace nxkx::detail
