// Internal: a pack's JSON text to a tree, with the limits of a hostile input (pack_json.cpp).
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string_view>

namespace nxkx::detail {

using json = nlohmann::ordered_json;  // the pack's own order: of its codes, its clauses

/// What one pack may hold. The 2025 pack is 200 KB, 7 levels deep, its longest array 80 items.
struct pack_limits {
  std::size_t max_bytes = std::size_t{8} << 20;
  std::size_t max_depth = 32;
  std::size_t max_string_bytes = std::size_t{256} << 10;
  std::size_t max_items = 10'000;
};

/// The tree of a pack's text. Throws pack_error: pack.syntax for malformed JSON, pack.invalid
/// with the JSON pointer of the value for a limit crossed, a duplicate key or a number out of
/// range.
json read_pack_json(std::string_view text, const pack_limits& limits = {});

}  // namespace nxkx::detail
