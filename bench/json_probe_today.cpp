// Today's tokenizer alone (pass 1 of src/json_in.cpp, text to its flat tree, without the walk
// into the model), for the Boost.JSON measurement (json_probe.cpp). json_in.cpp keeps it in an
// unnamed namespace, so this file compiles json_in.cpp itself (src/ on its include path) in
// place of the library's copy and adds two functions that call it. Built only while json_in.cpp
// has `parse_tree` (bench/CMakeLists.txt); a measurement, never part of the product.
#include "json_in.cpp"  // NOLINT(bugprone-suspicious-include)
#include "tree_fingerprint.hpp"

namespace nxkx {

/// Tokenizes `text` with today's reader; the values read (root included), or throws
/// input_error as parse_application would for the same text.
std::size_t probe_today_tokenize(std::string_view text, const input_limits& limits) {
  document doc;
  parse_tree(text, doc, limits);
  return doc.nodes.size() + 1;
}

/// The tree of today's tokenizer written as one line per value, in document order (kind, key,
/// value), to compare another tokenizer's tree with.
std::string probe_today_fingerprint(std::string_view text) {
  document doc;
  parse_tree(text, doc, input_limits{});
  std::string out;
  nxkx_bench::write_fingerprint(doc.root, out);
  return out;
}

}  // namespace nxkx
