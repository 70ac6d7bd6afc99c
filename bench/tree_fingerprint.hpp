// One line per value of a parsed JSON tree, in document order (kind, key, value): how the
// Boost.JSON measurement (json_probe.cpp) compares its token handler's tree with today's
// tokenizer's (json_probe_today.cpp). Both trees have nodes with k, key, boolean, integer,
// number, text, count and children(); the kinds are numbered alike.
#pragma once

#include <string>

namespace nxkx_bench {

template <class Node>
void write_fingerprint(const Node& n, std::string& out) {
  out += std::to_string(static_cast<int>(n.k));
  out += '|';
  out += n.key;
  out += '|';
  switch (n.k) {
    case Node::kind::boolean:
      out += n.boolean ? "true" : "false";
      break;
    case Node::kind::integer:
      out += std::to_string(n.integer);
      break;
    case Node::kind::number:
      out += std::to_string(n.number);
      break;
    case Node::kind::string:
      out += n.text;
      break;
    default:
      out += std::to_string(n.count);
  }
  out += '\n';
  for (const Node& c : n.children()) write_fingerprint(c, out);
}

}  // namespace nxkx_bench
