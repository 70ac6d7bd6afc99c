// Internal: a pack's JSON text to a tree, with the limits of a hostile input (pack_json.cpp).
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string_view>

#include "nxkx/read.hpp"

namespace nxkx::detail {

using json = nlohmann::ordered_json;  // the pack's own order: of its codes, its clauses

/// What one pack may hold. The 2025 pack is 200 KB, 7 levels deep, its longest array 80 items.
struct pack_limits {
  /// The same cap as a pack file's (read.hpp): a text handed to notice::from_json, the C
  /// ABI's nxkx_notice_from_json, Notice.from_json or loadNotice(text) is held to it too.
  std::size_t max_bytes = max_pack_bytes.max_bytes;
  std::size_t max_depth = 32;
  std::size_t max_string_bytes = std::size_t{256} << 10;
  std::size_t max_items = 10'000;
};

/// The tree of a pack's text. Throws pack_error: pack.syntax for malformed JSON, pack.invalid
/// with the JSON pointer of the value for a limit crossed, a duplicate key or a number out of
/// range.
json read_pack_json(std::string_view text, const pack_limits& limits = {});

}  // namespace nxkx::detail
