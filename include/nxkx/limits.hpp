// Limits on what one input may hold, so that a 1 GB string or a 100,000-deep array ends with an
// input error in bounded time and memory. parse_application(s) apply them as they read (pass an
// input_limits to change them); check_input_limits applies them alone, without parsing.
#pragma once

#include <cstddef>
#include <string_view>

#include "nxkx/export.hpp"

namespace nxkx {

/// Limits on one input document. Crossing one is an input_error with code "input.limit", the
/// JSON pointer of the value that crosses it, and a reason naming the limit (e.g. "max_depth").
struct input_limits {
  /// Bytes of one application: of the whole document when it is one object, of each element
  /// when it is an array (a batch). 16 MiB is 8,000 times a typical application.
  std::size_t max_bytes = std::size_t{16} << 20;
  /// Arrays and objects open at once; a batch's own array counts as one. The format needs 5.
  std::size_t max_depth = 64;
  /// Bytes of one string, key or value, once its escapes are decoded (UTF-8), and of one number
  /// or literal as written. 1 MiB holds a report of 300,000 汉字 (a 1500-字 case is 4.5 KB).
  std::size_t max_string_bytes = std::size_t{1} << 20;
  /// Items of one list inside an application: events, media reports, partners, parts …
  std::size_t max_list_items = 10'000;
  /// Applications in one batch held in memory at once: the elements of a document's top-level
  /// array, the applications a binding hands to check_batch (check_batch_limit). A stream
  /// (batch_checker, `nxkx check --jsonl`) holds one at a time and has no such limit.
  std::size_t max_batch = 100'000;
  /// Bytes of one batch's text as a whole (a document whose top level is an array): what the
  /// readers hold of it in memory at once. 256 MiB is 100,000 applications of 2.6 KB; a longer
  /// stream of applications is read one at a time (`nxkx check --jsonl`), with no such limit.
  std::size_t max_batch_bytes = std::size_t{256} << 20;
};

/// Throws input_error{"input.limit", path, reason} at the first limit that `json_text` crosses,
/// in document order. One pass, never further than the crossing; memory O(max_depth). A
/// document whose top level is an array is a batch (max_batch, max_bytes per element). Malformed
/// JSON is left to the parser: this reports limits only, and returns where the structure breaks.
/// parse_application(s) throw the same error for the same text, unless they meet malformed JSON
/// first (this scan skips over scalars without judging them).
NXKX_EXPORT void check_input_limits(std::string_view json_text, const input_limits& limits = {});

/// Throws input_error{"input.limit", "", reason} when `count` applications exceed
/// limits.max_batch (for callers that hold decoded applications, such as the bindings).
NXKX_EXPORT void check_batch_limit(std::size_t count, const input_limits& limits = {});

}  // namespace nxkx
