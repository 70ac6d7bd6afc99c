// basic_parser with a handler that does nothing, and with token_handler (boost_json_tokens.hpp).
// The definitions basic_parser needs beyond its templates (error categories, the parser's
// stack) come from boost/json/src.hpp in boost_json_dom.cpp, or from boost_json_min.cpp where
// the DOM is not linked (the em++ and code-size builds).
#include "boost_json_tokens.hpp"

#include <boost/json/basic_parser_impl.hpp>
#include <cmath>
#include <cstring>
#include <unordered_set>

namespace nxkx_probe {
namespace {

namespace bj = boost::json;
using bj::error_code;
using bj::string_view;

std::string_view sv(string_view s) { return {s.data(), s.size()}; }

// ---- a handler that does nothing ----

struct null_handler {
  static constexpr std::size_t max_object_size = std::size_t(-1);
  static constexpr std::size_t max_array_size = std::size_t(-1);
  static constexpr std::size_t max_key_size = std::size_t(-1);
  static constexpr std::size_t max_string_size = std::size_t(-1);
  std::size_t values = 0;

  bool on_document_begin(error_code&) { return true; }
  bool on_document_end(error_code&) { return true; }
  bool on_object_begin(error_code&) { return true; }
  bool on_object_end(std::size_t, error_code&) { return ++values, true; }
  bool on_array_begin(error_code&) { return true; }
  bool on_array_end(std::size_t, error_code&) { return ++values, true; }
  bool on_key_part(string_view, std::size_t, error_code&) { return true; }
  bool on_key(string_view, std::size_t, error_code&) { return true; }
  bool on_string_part(string_view, std::size_t, error_code&) { return true; }
  bool on_string(string_view, std::size_t, error_code&) { return ++values, true; }
  bool on_number_part(string_view, error_code&) { return true; }
  bool on_int64(std::int64_t, string_view, error_code&) { return ++values, true; }
  bool on_uint64(std::uint64_t, string_view, error_code&) { return ++values, true; }
  bool on_double(double, string_view, error_code&) { return ++values, true; }
  bool on_bool(bool, error_code&) { return ++values, true; }
  bool on_null(error_code&) { return ++values, true; }
  bool on_comment_part(string_view, error_code&) { return true; }
  bool on_comment(string_view, error_code&) { return true; }
};

bj::parse_options strict(std::size_t max_depth) {
  bj::parse_options opt;  // no comments, no trailing commas, UTF-8 validated
  opt.max_depth = max_depth;
  return opt;
}

/// The text after a UTF-8 byte order mark (json_in.cpp skips one; basic_parser refuses it).
std::string_view skip_bom(std::string_view t) {
  return t.starts_with("\xEF\xBB\xBF") ? t.substr(3) : t;
}

// ---- the token handler ----

struct token_handler {
  static constexpr std::size_t max_object_size = std::size_t(-1);
  static constexpr std::size_t max_array_size = std::size_t(-1);
  static constexpr std::size_t max_key_size = std::size_t(-1);
  static constexpr std::size_t max_string_size = std::size_t(-1);

  struct frame {
    bool array = false;
    std::size_t start = 0;  // its first value in pending
    std::string_view key;   // its own key in its parent object
  };

  limits lim;
  std::string_view input;
  document* doc = nullptr;
  std::vector<node> pending;
  std::vector<frame> frames;
  std::vector<std::unordered_set<std::string_view>> big_keys;  // per depth, for large objects
  std::string_view key;
  std::size_t part_begin = std::string::npos;  // a string read in parts, in doc->decoded
  std::string number_part;
  fault why = fault::none;

  bool refuse(fault f, error_code& ec) {
    why = f;
    ec = bj::error::syntax;  // the handler's own fault, told apart by `why`
    return false;
  }

  bool in_input(string_view s) const noexcept {
    return s.data() >= input.data() && s.data() + s.size() <= input.data() + input.size();
  }

  /// The string's final view: of the input when it came in one piece straight from it;
  /// otherwise decoded into doc->decoded (reserved to the input's size: never reallocated).
  std::string_view finish_string(string_view s) {
    if (part_begin == std::string::npos && in_input(s)) return sv(s);
    std::string& out = doc->decoded;
    const std::size_t begin = part_begin == std::string::npos ? out.size() : part_begin;
    out.append(s.data(), s.size());
    part_begin = std::string::npos;
    return std::string_view(out).substr(begin);
  }

  bool part(string_view s, std::size_t n, error_code& ec) {
    if (n > lim.max_string_bytes) return refuse(fault::string_limit, ec);
    if (part_begin == std::string::npos) part_begin = doc->decoded.size();
    doc->decoded.append(s.data(), s.size());
    return true;
  }

  bool push(node n, error_code& ec) {
    if (frames.empty()) {
      doc->root = n;
      return true;
    }
    frame& f = frames.back();
    if (f.array) {
      if (pending.size() - f.start >= lim.max_list_items) return refuse(fault::list_limit, ec);
    } else {
      n.key = key;
    }
    pending.push_back(n);
    return true;
  }

  bool on_document_begin(error_code&) {
    pending.clear();
    frames.clear();
    why = fault::none;
    doc->nodes.clear();
    doc->decoded.clear();
    doc->decoded.reserve(input.size());
    doc->nodes.reserve(input.size() / 24 + 8);
    return true;
  }
  bool on_document_end(error_code&) {
    for (node& n : doc->nodes)
      if (n.count != 0) n.kids = doc->nodes.data() + n.first;
    if (doc->root.count != 0) doc->root.kids = doc->nodes.data() + doc->root.first;
    return true;
  }
  bool open(bool array) {
    const bool in_object = !frames.empty() && !frames.back().array;
    frames.push_back(frame{array, pending.size(), in_object ? key : std::string_view{}});
    return true;
  }
  bool close(bool array, error_code& ec) {
    const frame f = frames.back();
    frames.pop_back();
    node n;
    n.k = array ? node::kind::array : node::kind::object;
    n.first = doc->nodes.size();
    n.count = static_cast<std::uint32_t>(pending.size() - f.start);
    doc->nodes.insert(doc->nodes.end(), pending.begin() + static_cast<std::ptrdiff_t>(f.start),
                      pending.end());
    pending.resize(f.start);
    key = f.key;
    return push(n, ec);
  }
  bool on_object_begin(error_code&) { return open(false); }
  bool on_object_end(std::size_t, error_code& ec) { return close(false, ec); }
  bool on_array_begin(error_code& ec) {
    // An array counts as an item of its parent array when it opens.
    if (!frames.empty() && frames.back().array &&
        pending.size() - frames.back().start >= lim.max_list_items)
      return refuse(fault::list_limit, ec);
    return open(true);
  }
  bool on_array_end(std::size_t, error_code& ec) { return close(true, ec); }

  bool on_key_part(string_view s, std::size_t n, error_code& ec) { return part(s, n, ec); }
  bool on_key(string_view s, std::size_t n, error_code& ec) {
    if (n > lim.max_string_bytes) return refuse(fault::string_limit, ec);
    key = finish_string(s);
    if (!lim.check_duplicates) return true;
    // Duplicate keys: the members read so far of this object (a linear scan while it is
    // small, a set of views once it is not).
    const frame& f = frames.back();
    const std::size_t members = pending.size() - f.start;
    if (members < 16) {
      for (std::size_t i = f.start; i < pending.size(); ++i)
        if (pending[i].key == key) return refuse(fault::duplicate_key, ec);
    } else {
      if (big_keys.size() < frames.size()) big_keys.resize(frames.size());
      auto& seen = big_keys[frames.size() - 1];
      if (members == 16) {
        seen.clear();
        for (std::size_t i = f.start; i < pending.size(); ++i) seen.insert(pending[i].key);
      }
      if (!seen.insert(key).second) return refuse(fault::duplicate_key, ec);
    }
    return true;
  }
  bool on_string_part(string_view s, std::size_t n, error_code& ec) { return part(s, n, ec); }
  bool on_string(string_view s, std::size_t n, error_code& ec) {
    if (n > lim.max_string_bytes) return refuse(fault::string_limit, ec);
    node v;
    v.k = node::kind::string;
    v.text = finish_string(s);
    return push(v, ec);
  }
  bool on_number_part(string_view s, error_code&) {
    number_part.append(s.data(), s.size());
    return true;
  }
  bool on_int64(std::int64_t i, string_view, error_code& ec) {
    number_part.clear();
    node v;
    v.k = node::kind::integer;
    v.integer = i;
    return push(v, ec);
  }
  bool on_uint64(std::uint64_t, string_view, error_code& ec) {
    // basic_parser reads 9223372036854775808 … 18446744073709551615 as unsigned: outside int64.
    return refuse(fault::integer_range, ec);
  }
  bool on_double(double d, string_view s, error_code& ec) {
    std::string_view written = sv(s);
    if (!number_part.empty()) {
      number_part.append(s.data(), s.size());
      written = number_part;
    }
    // An integer too large for uint64, or below int64's minimum, comes as a double: the text
    // has no fraction and no exponent.
    const bool integral = written.find_first_of(".eE") == std::string_view::npos;
    number_part.clear();
    if (integral) return refuse(fault::integer_range, ec);
    if (!std::isfinite(d)) return refuse(fault::number_range, ec);
    node v;
    v.k = node::kind::number;
    v.number = d;
    v.text = in_input(s) ? sv(s) : std::string_view{};
    return push(v, ec);
  }
  bool on_bool(bool b, error_code& ec) {
    node v;
    v.k = node::kind::boolean;
    v.boolean = b;
    return push(v, ec);
  }
  bool on_null(error_code& ec) { return push(node{}, ec); }
  bool on_comment_part(string_view, error_code&) { return true; }
  bool on_comment(string_view, error_code&) { return true; }
};

const char* fault_text(fault f) {
  switch (f) {
    case fault::duplicate_key:
      return "duplicate key";
    case fault::integer_range:
      return "integer outside int64";
    case fault::number_range:
      return "number overflows a double";
    case fault::string_limit:
      return "string longer than max_string_bytes";
    case fault::list_limit:
      return "list longer than max_list_items";
    case fault::none:
      break;
  }
  return "";
}

}  // namespace

struct token_parser::impl {
  explicit impl(const limits& lim) : p(strict(lim.max_depth)) { p.handler().lim = lim; }
  bj::basic_parser<token_handler> p;
};

token_parser::token_parser(const limits& lim) : p_(new impl(lim)) {}
token_parser::~token_parser() { delete p_; }

result token_parser::parse(std::string_view text, document& doc) {
  text = skip_bom(text);
  auto& bp = p_->p;
  bp.reset();
  token_handler& h = bp.handler();
  h.input = text;
  h.doc = &doc;
  error_code ec;
  result r;
  r.offset = bp.write_some(false, text.data(), text.size(), ec);
  if (!ec && r.offset != text.size()) ec = bj::error::extra_data;
  if (ec) {
    r.why = h.why;
    r.error = h.why != fault::none ? fault_text(h.why) : ec.message();
    return r;
  }
  r.ok = true;
  r.values = doc.nodes.size() + 1;
  return r;
}

result null_parse(std::string_view text, std::size_t max_depth) {
  text = skip_bom(text);
  bj::basic_parser<null_handler> p(strict(max_depth));
  error_code ec;
  result r;
  r.offset = p.write_some(false, text.data(), text.size(), ec);
  if (!ec && r.offset != text.size()) ec = bj::error::extra_data;
  if (ec) {
    r.error = ec.message();
    return r;
  }
  r.ok = true;
  r.values = p.handler().values;
  return r;
}

}  // namespace nxkx_probe
