// Today's tokenizer alone (pass 1 of src/json_in.cpp, text to its flat tree, without the walk
// into the model), for the Boost.JSON measurement (json_probe.cpp). json_in.cpp keeps it in an
// unnamed namespace, so this file compiles json_in.cpp itself (src/ on its include path) in
// place of the library's copy and adds two functions that call it. Built only while json_in.cpp
// has `parse_tree` (bench/CMakeLists.txt); a measurement, never part of the product.
#include "json_in.cpp"  // NOLINT(bugprone-suspicious-include)

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
  auto write = [&](const node& n, auto& self) -> void {
    out += std::to_string(static_cast<int>(n.k));
    out += '|';
    out += n.key;
    out += '|';
    switch (n.k) {
      case node::kind::boolean:
        out += n.boolean ? "true" : "false";
        break;
      case node::kind::integer:
        out += std::to_string(n.integer);
        break;
      case node::kind::number:
        out += std::to_string(n.number);
        break;
      case node::kind::string:
        out += n.text;
        break;
      default:
        out += std::to_string(n.count);
    }
    out += '\n';
    for (const node& c : n.children()) self(c, self);
  };
  write(doc.root, write);
  return out;
}

}  // namespace nxkx
