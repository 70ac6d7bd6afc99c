// A measurement, not an integration (issue 13, point 3): Boost.JSON's basic_parser (Debian
// libboost1.81-dev, header-only) with handlers as nxkx's reader would need them. Include
// <boost/json/basic_parser_impl.hpp> and the .ipp files it needs (boost_json_impl.cpp) in one
// translation unit only; this header declares what the probes call.
//
// token_handler builds what src/json_in.cpp's tokenizer builds: one flat array of nodes,
// children of one parent together, strings as views of the input (strings with escapes, or
// read in parts, decoded into one buffer reserved once), with the strictness the product needs
// that basic_parser does not give itself: duplicate keys, integers outside int64 (basic_parser
// hands them on as uint64 or double), numbers that overflow a double, the string and list
// limits at run time (basic_parser's are compile-time constants of the handler), a UTF-8 byte
// order mark. Depth is parse_options::max_depth; UTF-8 is validated by basic_parser unless
// parse_options::allow_invalid_utf8; NaN and Infinity are never accepted (1.81 has no option).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace nxkx_probe {

/// One JSON value, as json_in.cpp's `node`.
struct node {
  enum class kind : std::uint8_t { null, boolean, integer, number, string, array, object };
  kind k = kind::null;
  bool boolean = false;
  std::uint32_t count = 0;
  std::size_t first = 0;
  const node* kids = nullptr;
  std::int64_t integer = 0;
  double number = 0;
  std::string_view text;
  std::string_view key;

  std::span<const node> children() const noexcept { return {kids, count}; }
};

/// What the handler refused, beyond what basic_parser refuses itself.
enum class fault : std::uint8_t {
  none,
  duplicate_key,
  integer_range,  // an integer outside int64 (basic_parser: on_uint64, or on_double)
  number_range,   // a number that overflows a double
  string_limit,   // a string or key longer than max_string_bytes
  list_limit,     // an array with more than max_list_items items
};

struct limits {
  std::size_t max_depth = 64;
  std::size_t max_string_bytes = std::size_t{1} << 20;
  std::size_t max_list_items = 10'000;
  /// false: duplicate keys are left to a later pass (as today's tokenizer leaves them to the
  /// walk); to measure what the handler's own check costs.
  bool check_duplicates = true;
};

struct result {
  bool ok = false;
  fault why = fault::none;
  std::string error;       // basic_parser's message, or the fault's
  std::size_t offset = 0;  // where basic_parser stopped (bytes)
  std::size_t values = 0;  // values read, the root included
};

/// The document a token parse leaves: nodes, root, decoded strings.
struct document {
  std::vector<node> nodes;
  node root;
  std::string decoded;
};

/// A reusable token parser (basic_parser<token_handler>); one per thread.
class token_parser {
 public:
  explicit token_parser(const limits& lim = {});
  ~token_parser();
  token_parser(const token_parser&) = delete;
  token_parser& operator=(const token_parser&) = delete;
  result parse(std::string_view text, document& doc);

 private:
  struct impl;
  impl* p_;
};

/// basic_parser with a handler that does nothing (the parser's own floor): values counted.
result null_parse(std::string_view text, std::size_t max_depth = 64);

/// boost::json::parse into a DOM (default memory resource), and into a DOM whose memory comes
/// from a monotonic_resource over a reused buffer. Returns the number of values.
result dom_parse(std::string_view text, std::size_t max_depth = 64);
result dom_parse_monotonic(std::string_view text, std::size_t max_depth = 64);

}  // namespace nxkx_probe
