// Internal: HTML text escaping, one rule for every page nxkx writes (the desk's page, the rules
// reference of `nxkx pack doc`).
#pragma once

#include <string>
#include <string_view>

namespace nxkx::detail {

/// Appends `s` to `out` with & < > " ' written as entities, so that it can stand in an element's
/// text or in a quoted attribute value. Nothing else is changed (control characters are the
/// caller's to escape or drop first).
inline void html_escape_into(std::string& out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
}

}  // namespace nxkx::detail
