// Reading applications from JSON (docs/application-format.md).
//
// Two passes. First nlohmann's SAX parser, which is iterative and so cannot overflow the stack,
// feeds a small tree of our own; the builder refuses nesting deeper than max_depth and integers
// outside int64, and maps every parse error to an input_error. Then a walk over the tree checks
// each field against the format, in document order, and fills the model. The walk follows the
// schema, so its own recursion is bounded by the format, never by the input.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "application_fields.hpp"
#include "notice_data.hpp"
#include "nxkx/error.hpp"
#include "nxkx/json.hpp"

namespace nxkx {
namespace {

/// Arrays and objects may nest this deep; the format itself needs 5 levels.
constexpr std::size_t max_depth = 64;

/// Longest user text quoted back in a reason, in code points.
constexpr std::size_t max_quoted = 60;

constexpr std::size_t npos = std::string_view::npos;

// ---- the document tree ----------------------------------------------------------------------

struct member;

struct node {
  enum class kind : std::uint8_t { null, boolean, integer, number, string, array, object };
  kind k = kind::null;
  bool boolean = false;
  std::int64_t integer = 0;
  double number = 0;
  std::string text;  // a string's value, or a decimal number as written
  std::vector<node> items;
  std::vector<member> members;
};

struct member {
  std::string key;
  node value;
};

// ---- text helpers ---------------------------------------------------------------------------

std::string pointer_escape(std::string_view key) {
  std::string out;
  out.reserve(key.size());
  for (char c : key) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

std::string child(std::string_view path, std::string_view key) {
  std::string out(path);
  out += '/';
  out += pointer_escape(key);
  return out;
}

std::string child(std::string_view path, std::size_t index) {
  std::string out(path);
  out += '/';
  out += std::to_string(index);
  return out;
}

/// The length of the well-formed UTF-8 sequence at t[i], or 0 if it is ill-formed
/// (Unicode, table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF).
std::size_t utf8_length(std::string_view t, std::size_t i) {
  auto at = [&](std::size_t k) -> unsigned {
    return i + k < t.size() ? static_cast<unsigned char>(t[i + k]) : 0x100u;
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

/// The offset of the first ill-formed UTF-8 sequence that starts before `end`, or npos.
std::size_t first_bad_utf8(std::string_view t, std::size_t end) {
  for (std::size_t i = 0; i < end && i < t.size();) {
    const std::size_t n = utf8_length(t, i);
    if (n == 0) return i;
    i += n;
  }
  return npos;
}

std::string hex_byte(unsigned char b) {
  static constexpr char digits[] = "0123456789ABCDEF";
  return {'0', 'x', digits[b >> 4], digits[b & 0xF]};
}

/// The text with every byte that is not well-formed UTF-8 written as \xNN: a reason is always
/// valid UTF-8, whatever the input held.
std::string printable(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = utf8_length(s, i);
    if (n == 0) {
      out += "\\x";
      out += hex_byte(static_cast<unsigned char>(s[i])).substr(2);
      ++i;
    } else {
      out.append(s, i, n);
      i += n;
    }
  }
  return out;
}

/// A user's string as a JSON string literal, cut after max_quoted code points.
std::string literal(std::string_view s) {
  std::string out = "\"";
  std::size_t points = 0;
  for (std::size_t i = 0; i < s.size();) {
    if (points == max_quoted) {
      out += "…";
      break;
    }
    const std::size_t n = std::max<std::size_t>(utf8_length(s, i), 1);
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c == 0x7F) {
      static constexpr char digits[] = "0123456789abcdef";
      out += "\\u00";
      out += digits[c >> 4];
      out += digits[c & 0xF];
    } else if (utf8_length(s, i) == 0) {
      out += "\\x" + hex_byte(c).substr(2);
    } else {
      out.append(s, i, n);
    }
    i += n;
    ++points;
  }
  return out + "\"";
}

/// "byte 12 (line 2, column 3)": the offset is 0-based; line and column (in characters) 1-based.
std::string where(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++line;
      column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++column;
    }
  }
  return "byte " + std::to_string(offset) + (offset == text.size() ? " (end of input, " : " (") +
         "line " + std::to_string(line) + ", column " + std::to_string(column) + ")";
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) {
    if (!out.empty()) out += ", ";
    out += s;
  }
  return out;
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

/// Optimal-string-alignment distance, case-insensitive (a swap of two letters costs 1).
std::size_t distance(std::string_view a, std::string_view b) {
  const std::size_t w = b.size() + 1;
  std::vector<std::size_t> d((a.size() + 1) * w);
  for (std::size_t i = 0; i <= a.size(); ++i) d[i * w] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      std::size_t v =
          std::min({d[(i - 1) * w + j] + 1, d[i * w + j - 1] + 1, d[(i - 1) * w + j - 1] + cost});
      if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) &&
          lower(a[i - 2]) == lower(b[j - 1]))
        v = std::min(v, d[(i - 2) * w + j - 2] + 1);
      d[i * w + j] = v;
    }
  }
  return d.back();
}

/// The candidate a typo most likely meant, if one is close enough.
std::optional<std::string> closest(std::string_view value, const std::vector<std::string>& all) {
  if (value.size() > 64) return std::nullopt;
  std::optional<std::string> best;
  std::size_t best_d = 3;
  for (const auto& c : all) {
    const std::size_t d = distance(value, c);
    if (d < best_d && d * 3 <= c.size()) {
      best = c;
      best_d = d;
    }
  }
  return best;
}

/// `unknown applicant kind "foo"; expected one of society, park_sta, …`, or a suggestion.
std::string unknown_reason(std::string_view noun, std::string_view value,
                           const std::vector<std::string>& candidates) {
  std::string out = "unknown " + std::string(noun) + " " + literal(value);
  if (auto s = closest(value, candidates)) return out + "; did you mean \"" + *s + "\"?";
  if (!candidates.empty()) out += "; expected one of " + join(candidates);
  return out;
}

[[noreturn]] void fail(std::string code, std::string path, std::string reason) {
  throw input_error(std::move(code), std::move(path), std::move(reason));
}

// ---- pass 1: text to tree -------------------------------------------------------------------

/// A SAX handler for nlohmann::json::sax_parse that builds the tree.
class tree_builder {
 public:
  explicit tree_builder(std::string_view text) : text_(text) {}

  bool null() { return add(node{}); }
  bool boolean(bool v) {
    node n;
    n.k = node::kind::boolean;
    n.boolean = v;
    return add(std::move(n));
  }
  bool number_integer(std::int64_t v) {
    node n;
    n.k = node::kind::integer;
    n.integer = v;
    return add(std::move(n));
  }
  bool number_unsigned(std::uint64_t v) {
    if (v > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
      return out_of_range(std::to_string(v));
    return number_integer(static_cast<std::int64_t>(v));
  }
  bool number_float(double v, const std::string& as_written) {
    // nlohmann hands an integer beyond 64 bits over as a double: refuse it rather than round.
    if (as_written.find_first_of(".eE") == std::string::npos) return out_of_range(as_written);
    node n;
    n.k = node::kind::number;
    n.number = v;
    n.text = as_written;
    return add(std::move(n));
  }
  bool string(std::string& v) {
    node n;
    n.k = node::kind::string;
    n.text = std::move(v);
    return add(std::move(n));
  }
  bool binary(nlohmann::json::binary_t&) { return add(node{}); }  // never called for JSON text
  bool start_object(std::size_t) { return open(node::kind::object); }
  bool key(std::string& k) {
    key_ = std::move(k);
    return true;
  }
  bool end_object() { return close(); }
  bool start_array(std::size_t) { return open(node::kind::array); }
  bool end_array() { return close(); }

  bool parse_error(std::size_t position, const std::string& token,
                   const nlohmann::detail::exception& ex) {
    if (ex.id == 406) {  // a number that overflows a double
      std::string shown = printable(token.substr(0, 40));
      if (token.size() > 40) shown += "…";
      return stop("input.range", next_path(),
                  "number " + shown + " is out of range; expected a finite number");
    }
    // nlohmann counts the bytes read, including the one that failed.
    const std::size_t offset = position == 0 ? 0 : std::min(position - 1, text_.size());
    if (const std::size_t bad = first_bad_utf8(text_, offset + 1); bad != npos) {
      error_offset_ = bad;
      return stop("input.utf8", "",
                  "invalid UTF-8 at " + where(text_, bad) + ": byte " +
                      hex_byte(static_cast<unsigned char>(text_[bad])) +
                      " does not begin a well-formed sequence; the document must be UTF-8");
    }
    std::string what = ex.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 7: syntax error while …"
    if (auto col = what.find("column "); col != std::string::npos) {
      if (auto colon = what.find(": ", col); colon != std::string::npos)
        what = what.substr(colon + 2);
    }
    error_offset_ = offset;
    return stop("input.syntax", "",
                "malformed JSON at " + where(text_, offset) + ": " + printable(what));
  }

  /// The byte offset of a syntax or UTF-8 error, npos for any other (or none).
  std::size_t error_offset() const { return error_offset_; }

  /// The tree; only meaningful when the parse succeeded.
  node& root() { return root_; }
  /// The error that stopped the parse, if any.
  std::optional<input_error>& error() { return error_; }

 private:
  node* put(node&& n) {
    if (frames_.empty()) {
      root_ = std::move(n);
      return &root_;
    }
    node& top = *frames_.back();
    if (top.k == node::kind::array) {
      top.items.push_back(std::move(n));
      return &top.items.back();
    }
    top.members.push_back(member{std::move(key_), std::move(n)});
    return &top.members.back().value;
  }

  bool add(node&& n) {
    put(std::move(n));
    return true;
  }

  bool open(node::kind k) {
    if (frames_.size() >= max_depth)
      return stop("input.depth", next_path(),
                  "arrays and objects nest deeper than " + std::to_string(max_depth) +
                      " levels; the format needs far fewer");
    node n;
    n.k = k;
    frames_.push_back(put(std::move(n)));
    return true;
  }

  bool close() {
    frames_.pop_back();
    return true;
  }

  /// The JSON pointer of the value the parser is about to deliver. The containers still open
  /// are the last item or member of their parent, so the path can be rebuilt from the frames.
  std::string next_path() const {
    std::string p;
    for (std::size_t j = 0; j < frames_.size(); ++j) {
      const node& f = *frames_[j];
      const bool last = j + 1 == frames_.size();
      if (f.k == node::kind::array)
        p = child(p, last ? f.items.size() : f.items.size() - 1);
      else
        p = child(p, last ? std::string_view(key_) : std::string_view(f.members.back().key));
    }
    return p;
  }

  bool out_of_range(const std::string& literal_text) {
    std::string shown = printable(literal_text.substr(0, 40));
    if (literal_text.size() > 40) shown += "…";
    return stop("input.range", next_path(),
                "integer " + shown +
                    " is out of range; expected an integer from -9223372036854775808 to "
                    "9223372036854775807");
  }

  bool stop(std::string code, std::string path, std::string reason) {
    error_.emplace(std::move(code), std::move(path), std::move(reason));
    return false;
  }

  std::string_view text_;
  node root_;
  std::vector<node*> frames_;  // the open containers, outermost first
  std::string key_;            // the key of the member about to be delivered
  std::optional<input_error> error_;
  std::size_t error_offset_ = npos;
};

node parse_tree(std::string_view text) {
  tree_builder b(text);
  bool ok = false;
  try {
    ok = nlohmann::json::sax_parse(text.data(), text.data() + text.size(), &b);
  } catch (const nlohmann::json::exception& e) {  // not expected: SAX reports errors itself
    fail("input.syntax", "", "malformed JSON: " + printable(e.what()));
  }
  // nlohmann takes a NUL byte for the end of the input, so "{}\0…" would read as "{}". JSON text
  // cannot hold one anywhere: refuse it, unless the parse already failed before reaching it.
  if (const std::size_t nul = text.find('\0'); nul != npos) {
    const std::size_t at = b.error_offset();
    if (ok || (b.error() && at != npos && at >= nul))
      fail("input.syntax", "",
           "malformed JSON at " + where(text, nul) +
               ": a NUL byte (0x00), which JSON text cannot hold outside an escape (\\u0000)");
  }
  if (b.error()) throw *b.error();
  if (!ok) fail("input.syntax", "", "malformed JSON");
  return std::move(b.root());
}

// ---- pass 2: tree to model ------------------------------------------------------------------

std::string describe(const node& v) {
  switch (v.k) {
    case node::kind::null:
      return "null";
    case node::kind::boolean:
      return "a boolean";
    case node::kind::integer:
      return "an integer";
    case node::kind::number:
      return "a decimal number";
    case node::kind::string:
      return "a string";
    case node::kind::array:
      return "an array";
    case node::kind::object:
      return "an object";
  }
  return "a value";
}

void expect(const node& v, node::kind k, const std::string& path, std::string_view expected) {
  if (v.k != k)
    fail("input.type", path, "expected " + std::string(expected) + ", found " + describe(v));
}

const node* find_member(const node& obj, std::string_view key) {
  for (const auto& m : obj.members)
    if (m.key == key) return &m.value;
  return nullptr;
}

/// Throws input.missing for a required field that is absent or null.
void require(bool present, const node& obj, const std::string& path, std::string_view key) {
  if (present) return;
  const std::string p = child(path, key);
  if (find_member(obj, key) != nullptr) fail("input.missing", p, "required field is null");
  fail("input.missing", p, "required field is missing");
}

namespace format = detail::format;
using format::field;
using format::object_info;
using format::value_type;

std::vector<std::string> field_names(const object_info& info) {
  std::vector<std::string> out;
  for (const field& f : info.fields) out.emplace_back(f.name);
  return out;
}

/// Calls on_field(field, value, path) for every member of `obj` in document order, after
/// checking that the format (application_fields.cpp) defines it for this object and that it
/// appears once; then checks that every required field is present and not null. Null members
/// are unknown facts: they are checked but not passed on.
template <class F>
void for_each_field(const node& obj, const std::string& path, const object_info& info,
                    F&& on_field) {
  expect(obj, node::kind::object, path, info.what);
  std::uint64_t seen = 0, present = 0;  // a bit per field of the table
  for (const auto& m : obj.members) {
    const std::string p = child(path, m.key);
    const field* f = format::find_field(info, m.key);
    if (f == nullptr)
      fail("input.unknown_field", p, unknown_reason("field", m.key, field_names(info)));
    const std::uint64_t bit = std::uint64_t{1} << static_cast<unsigned>(f - info.fields.data());
    if ((seen & bit) != 0)
      fail("input.duplicate_key", p,
           "field " + literal(m.key) + " appears more than once; a field may appear only once");
    seen |= bit;
    if (m.value.k == node::kind::null) continue;
    present |= bit;
    on_field(*f, m.value, p);
  }
  for (std::size_t i = 0; i < info.fields.size(); ++i)
    if (info.fields[i].required)
      require((present & (std::uint64_t{1} << i)) != 0, obj, path, info.fields[i].name);
}

/// Calls f(element, path) for every element of an array.
template <class F>
void for_each_item(const node& v, const std::string& path, std::string_view what, F&& f) {
  expect(v, node::kind::array, path, what);
  for (std::size_t i = 0; i < v.items.size(); ++i) f(v.items[i], child(path, i));
}

/// The reader reads each field as the type the table gives it; a mismatch is a bug in nxkx
/// (the schema would promise what the reader refuses), never the input's fault.
void agree(const field& f, value_type t) {
  if (f.type != t)
    throw std::logic_error(
        "nxkx: the application format table and the reader disagree on "
        "the type of field \"" +
        std::string(f.name) + "\"");
}

std::string string_value(const node& v, const std::string& p) {
  expect(v, node::kind::string, p, "a string");
  return v.text;
}

class reader {
 public:
  explicit reader(const notice& n) : n_(n) {}

  application read_application(const node& v, const std::string& p) {
    application a;
    for_each_field(v, p, format::application,
                   [&](const field& f, const node& x, const std::string& q) {
                     const std::string_view k = f.name;
                     if (k == "id") {
                       a.id = read_string(f, x, q);
                     } else if (k == "project_type") {
                       a.project_type = read_project_type(f, x, q);
                     } else if (k == "title") {
                       a.title = read_string(f, x, q);
                     } else if (k == "approval_date") {
                       a.approval_date = read_date(f, x, q);
                     } else if (k == "applicant") {
                       a.lead = read_applicant(f, x, q, nullptr);
                     } else if (k == "joint_applicants") {
                       for_each_object(f, x, q, [&](const node& e, const std::string& r) {
                         joint_applicant j;
                         j.organisation = read_applicant(f, e, r, &j);
                         a.joint_applicants.push_back(std::move(j));
                       });
                     } else if (k == "recommendation_letter") {
                       a.letter = read_letter(f, x, q);
                     } else if (k == "submission") {
                       a.submitted = read_submission(f, x, q);
                     } else if (k == "form") {
                       a.form_parts = read_form(f, x, q);
                     } else if (k == "plan") {
                       a.project_plan = read_plan(f, x, q);
                     } else if (k == "records") {
                       a.achieved = read_records(f, x, q);
                     } else {
                       unread(f);
                     }
                   });
    return a;
  }

 private:
  /// A field of the table that no branch reads: the schema would accept what is dropped.
  [[noreturn]] static void unread(const field& f) {
    throw std::logic_error("nxkx: the reader does not read field \"" + std::string(f.name) +
                           "\" of the application format table");
  }

  // -- scalars --

  static std::string read_string(const field& f, const node& v, const std::string& p) {
    agree(f, value_type::string);
    return string_value(v, p);
  }

  static bool read_bool(const field& f, const node& v, const std::string& p) {
    agree(f, value_type::boolean);
    expect(v, node::kind::boolean, p, "true or false");
    return v.boolean;
  }

  /// A JSON integer ≥ 0. 2.0 is refused: counts are written as integers.
  static std::int64_t count_value(const node& v, const std::string& p) {
    if (v.k == node::kind::number)
      fail("input.type", p,
           "expected an integer, found the decimal number " + v.text.substr(0, 40) +
               "; write it without a fraction or exponent");
    expect(v, node::kind::integer, p, "an integer");
    if (v.integer < 0)
      fail("input.range", p, "expected a non-negative integer, found " + std::to_string(v.integer));
    return v.integer;
  }

  static std::int64_t read_count(const field& f, const node& v, const std::string& p) {
    agree(f, value_type::count);
    return count_value(v, p);
  }

  static double read_number(const field& f, const node& v, const std::string& p) {
    agree(f, value_type::number);
    if (v.k == node::kind::integer) return static_cast<double>(v.integer);
    expect(v, node::kind::number, p, "a number");
    return v.number;
  }

  static date read_date(const field& f, const node& v, const std::string& p) {
    agree(f, value_type::date);
    static constexpr std::string_view expected =
        "a date YYYY-MM-DD or an RFC 3339 timestamp such as 2025-05-16T09:30:00+08:00";
    expect(v, node::kind::string, p, expected);
    std::string why;
    std::optional<date> d;
    if (v.text.size() <= 64) {  // nothing longer can be a date; spare the date parser
      try {
        d = parse_date(v.text, &why);
      } catch (const std::exception& e) {
        why = e.what();
      }
    }
    if (!d) {
      // parse_date says what is wrong ("no such day: 2025-02-30"); add the text if it doesn't.
      if (why.empty()) why = "expected " + std::string(expected);
      if (why.find(v.text) == std::string::npos) why += ", found " + literal(v.text);
      fail("input.date", p, printable(why));
    }
    return *d;
  }

  template <class E>
  static E read_enum(const field& f, const node& v, const std::string& p) {
    agree(f, value_type::enum_code);
    if (f.codes != format::enum_name<E>())
      throw std::logic_error("nxkx: field \"" + std::string(f.name) + "\" is read as " +
                             std::string(format::enum_name<E>()) + ", the table says " +
                             std::string(f.codes));
    expect(v, node::kind::string, p, "a string (" + std::string(f.noun) + " code)");
    if (auto e = from_code<E>(v.text)) return *e;
    std::vector<std::string> codes;
    for (const auto& item : code_table<E>::items) codes.emplace_back(item.second);
    fail("input.unknown_code", p, unknown_reason(f.noun, v.text, codes));
  }

  /// A code of the pack's vocabulary namespace `f.codes` (event_type …).
  std::string read_vocabulary(const field& f, const node& v, const std::string& p) const {
    agree(f, value_type::vocabulary);
    return vocabulary_value(v, p, f.codes, f.noun);
  }

  std::string vocabulary_value(const node& v, const std::string& p, std::string_view ns,
                               std::string_view noun) const {
    expect(v, node::kind::string, p, "a string (" + std::string(noun) + " code)");
    check_vocabulary(v.text, p, ns, noun);
    return v.text;
  }

  void check_vocabulary(const std::string& code, const std::string& p, std::string_view ns,
                        std::string_view noun) const {
    if (n_.label(std::string(ns) + "." + code) != nullptr) return;
    fail("input.unknown_code", p, unknown_reason(noun, code, vocabulary(ns)));
  }

  /// The codes of a vocabulary namespace, sorted, for an error message.
  std::vector<std::string> vocabulary(std::string_view ns) const {
    std::vector<std::string> out;
    const std::string prefix = std::string(ns) + ".";
    for (const auto& entry : n_.data().vocabulary)
      if (entry.first.size() > prefix.size() && entry.first.compare(0, prefix.size(), prefix) == 0)
        out.push_back(entry.first.substr(prefix.size()));
    std::sort(out.begin(), out.end());
    return out;
  }

  std::string read_project_type(const field& f, const node& v, const std::string& p) const {
    agree(f, value_type::project_type);
    expect(v, node::kind::string, p, "a string (" + std::string(f.noun) + " code)");
    if (n_.find_project_type(v.text) != nullptr) return v.text;
    std::vector<std::string> codes;
    for (const auto& t : n_.project_types()) codes.push_back(t.code);
    fail("input.unknown_code", p, unknown_reason(f.noun, v.text, codes));
  }

  static std::vector<std::string> read_strings(const field& f, const node& v,
                                               const std::string& p) {
    agree(f, value_type::strings);
    std::vector<std::string> out;
    for_each_item(v, p, f.noun,
                  [&](const node& e, const std::string& q) { out.push_back(string_value(e, q)); });
    return out;
  }

  std::vector<std::string> read_codes(const field& f, const node& v, const std::string& p) const {
    agree(f, value_type::vocabulary_list);
    std::vector<std::string> out;
    for_each_item(v, p, "an array of " + std::string(f.noun) + " codes",
                  [&](const node& e, const std::string& q) {
                    out.push_back(vocabulary_value(e, q, f.codes, f.noun));
                  });
    return out;
  }

  /// Calls g(element, path) for every element of an array of objects.
  template <class G>
  static void for_each_object(const field& f, const node& v, const std::string& p, G&& g) {
    agree(f, value_type::objects);
    for_each_item(v, p, f.noun, g);
  }

  static const object_info& object_of(const field& f, value_type t) {
    agree(f, t);
    return *f.object;
  }

  // -- objects --

  applicant read_applicant(const field& f, const node& v, const std::string& p,
                           joint_applicant* joint) const {
    applicant a;
    const object_info& info =
        joint != nullptr ? object_of(f, value_type::objects) : object_of(f, value_type::object);
    for_each_field(v, p, info, [&](const field& g, const node& x, const std::string& q) {
      const std::string_view k = g.name;
      if (k == "name")
        a.name = read_string(g, x, q);
      else if (k == "credit_code")
        a.credit_code = read_string(g, x, q);
      else if (k == "kind")
        a.kind = read_enum<applicant_kind>(g, x, q);
      else if (k == "division")
        a.division = read_string(g, x, q);
      else if (k == "legal_person")
        a.legal_person = read_bool(g, x, q);
      else if (k == "own_account")
        a.own_account = read_bool(g, x, q);
      else if (k == "has_capacity")
        a.has_capacity = read_bool(g, x, q);
      else if (k == "supervised_by_association")
        a.supervised_by_association = read_bool(g, x, q);
      else if (k == "group_member")
        a.group_member = read_bool(g, x, q);
      else if (k == "approved_by_cast")
        a.approved_by_cast = read_bool(g, x, q);
      else if (k == "establishment_approved")
        a.establishment_approved = read_bool(g, x, q);
      else if (k == "field")
        a.field = read_enum<grassroots_field>(g, x, q);
      else if (k == "history")
        a.history = read_history(g, x, q);
      else if (k == "head_signed" && joint != nullptr)
        joint->head_signed = read_bool(g, x, q);
      else if (k == "sealed" && joint != nullptr)
        joint->sealed = read_bool(g, x, q);
      else
        unread(g);
    });
    return a;
  }

  static bool is_year(std::string_view s) {
    return s.size() == 4 &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  }

  static std::map<int, year_record> read_history(const field& f, const node& v,
                                                 const std::string& p) {
    const object_info& info = object_of(f, value_type::history);
    expect(v, node::kind::object, p, f.noun);
    std::map<int, year_record> out;
    std::set<int> seen;
    for (const auto& m : v.members) {
      const std::string q = child(p, m.key);
      if (!is_year(m.key))
        fail("input.unknown_field", q,
             "unknown field " + literal(m.key) +
                 "; history is keyed by 4-digit years such as \"2024\"");
      const int year = std::stoi(m.key);
      if (!seen.insert(year).second)
        fail("input.duplicate_key", q,
             "year " + m.key + " appears more than once; each year may appear only once");
      if (m.value.k != node::kind::null) out[year] = read_year(info, m.value, q);
    }
    return out;
  }

  static year_record read_year(const object_info& info, const node& v, const std::string& p) {
    year_record y;
    for_each_field(v, p, info, [&](const field& g, const node& x, const std::string& q) {
      const std::string_view k = g.name;
      if (k == "annual_inspection")
        y.annual_inspection = read_enum<inspection_result>(g, x, q);
      else if (k == "penalized")
        y.penalized = read_bool(g, x, q);
      else if (k == "projects")
        y.projects = read_enum<project_completion>(g, x, q);
      else if (k == "evaluation_grade")
        y.evaluation_grade = read_enum<evaluation_grade>(g, x, q);
      else
        unread(g);
    });
    return y;
  }

  static recommendation_letter read_letter(const field& f, const node& v, const std::string& p) {
    recommendation_letter l;
    for_each_field(v, p, object_of(f, value_type::object),
                   [&](const field& g, const node& x, const std::string& q) {
                     const std::string_view k = g.name;
                     if (k == "issuer")
                       l.issuer = read_string(g, x, q);
                     else if (k == "city")
                       l.city = read_string(g, x, q);
                     else if (k == "issued")
                       l.issued = read_date(g, x, q);
                     else
                       unread(g);
                   });
    return l;
  }

  static submission read_submission(const field& f, const node& v, const std::string& p) {
    submission s;
    for_each_field(v, p, object_of(f, value_type::object),
                   [&](const field& g, const node& x, const std::string& q) {
                     const std::string_view k = g.name;
                     if (k == "paper_copies")
                       s.paper_copies = read_count(g, x, q);
                     else if (k == "sealed")
                       s.sealed = read_bool(g, x, q);
                     else if (k == "delivery")
                       s.delivery = read_enum<delivery_method>(g, x, q);
                     else if (k == "dispatch_date")
                       s.dispatch_date = read_date(g, x, q);
                     else if (k == "handed_in_date")
                       s.handed_in_date = read_date(g, x, q);
                     else if (k == "received_date")
                       s.received_date = read_date(g, x, q);
                     else if (k == "word_version")
                       s.word = read_word(g, x, q);
                     else
                       unread(g);
                   });
    return s;
  }

  static word_version read_word(const field& f, const node& v, const std::string& p) {
    word_version w;
    for_each_field(v, p, object_of(f, value_type::object),
                   [&](const field& g, const node& x, const std::string& q) {
                     const std::string_view k = g.name;
                     if (k == "emailed")
                       w.emailed = read_bool(g, x, q);
                     else if (k == "sent_to")
                       w.sent_to = read_string(g, x, q);
                     else if (k == "sent_on")
                       w.sent_on = read_date(g, x, q);
                     else
                       unread(g);
                   });
    return w;
  }

  form read_form(const field& f, const node& v, const std::string& p) const {
    form out;
    for_each_field(v, p, object_of(f, value_type::object),
                   [&](const field& g, const node& x, const std::string& q) {
                     if (g.name == "parts")
                       out.parts = read_codes(g, x, q);
                     else
                       unread(g);
                   });
    return out;
  }

  plan read_plan(const field& f, const node& v, const std::string& p) const {
    plan pl;
    for_each_field(v, p, object_of(f, value_type::object),
                   [&](const field& g, const node& x, const std::string& q) {
                     const std::string_view k = g.name;
                     if (k == "work_measures")
                       pl.work_measures = read_strings(g, x, q);
                     else if (k == "targets")
                       pl.targets = read_targets(g, x, q);
                     else
                       unread(g);
                   });
    return pl;
  }

  std::map<std::string, std::int64_t> read_targets(const field& f, const node& v,
                                                   const std::string& p) const {
    agree(f, value_type::targets);
    expect(v, node::kind::object, p, "an object of " + std::string(f.noun) + "s");
    std::map<std::string, std::int64_t> out;
    std::set<std::string_view> seen;
    for (const auto& m : v.members) {
      const std::string q = child(p, m.key);
      check_vocabulary(m.key, q, f.codes, f.noun);
      if (!seen.insert(m.key).second)
        fail("input.duplicate_key", q,
             "field " + literal(m.key) + " appears more than once; a field may appear only once");
      if (m.value.k != node::kind::null) out[m.key] = count_value(m.value, q);
    }
    return out;
  }

  records read_records(const field& f, const node& v, const std::string& p) const {
    records r;
    for_each_field(v, p, object_of(f, value_type::object),
                   [&](const field& g, const node& x, const std::string& q) {
                     const std::string_view k = g.name;
                     if (k == "events") {
                       for_each_object(g, x, q, [&](const node& e, const std::string& s) {
                         r.events.push_back(read_event(*g.object, e, s));
                       });
                     } else if (k == "transfers") {
                       for_each_object(g, x, q, [&](const node& e, const std::string& s) {
                         r.transfers.push_back(read_transfer(*g.object, e, s));
                       });
                     } else if (k == "platform_items") {
                       for_each_object(g, x, q, [&](const node& e, const std::string& s) {
                         r.platform_items.push_back(read_platform_item(*g.object, e, s));
                       });
                     } else if (k == "media_reports") {
                       for_each_object(g, x, q, [&](const node& e, const std::string& s) {
                         r.media_reports.push_back(read_media_report(*g.object, e, s));
                       });
                     } else if (k == "experts") {
                       for_each_object(g, x, q, [&](const node& e, const std::string& s) {
                         r.experts.push_back(read_expert(*g.object, e, s));
                       });
                     } else if (k == "governance_systems") {
                       r.governance_systems = read_codes(g, x, q);
                     } else if (k == "texts") {
                       for_each_object(g, x, q, [&](const node& e, const std::string& s) {
                         r.texts.push_back(read_text(*g.object, e, s));
                       });
                     } else {
                       unread(g);
                     }
                   });
    return r;
  }

  event read_event(const object_info& info, const node& v, const std::string& p) const {
    event e;
    for_each_field(v, p, info, [&](const field& g, const node& x, const std::string& q) {
      const std::string_view k = g.name;
      if (k == "title")
        e.title = read_string(g, x, q);
      else if (k == "type")
        e.type = read_vocabulary(g, x, q);
      else if (k == "held_on")
        e.held_on = read_date(g, x, q);
      else if (k == "attendance")
        e.attendance = read_count(g, x, q);
      else if (k == "offline_attendance")
        e.offline_attendance = read_count(g, x, q);
      else if (k == "place")
        e.place = read_string(g, x, q);
      else if (k == "partners")
        e.partners = read_strings(g, x, q);
      else
        unread(g);
    });
    return e;
  }

  static transfer read_transfer(const object_info& info, const node& v, const std::string& p) {
    transfer t;
    for_each_field(v, p, info, [&](const field& g, const node& x, const std::string& q) {
      const std::string_view k = g.name;
      if (k == "title")
        t.title = read_string(g, x, q);
      else if (k == "transferred_on")
        t.transferred_on = read_date(g, x, q);
      else if (k == "economic_benefit")
        t.economic_benefit = read_number(g, x, q);
      else
        unread(g);
    });
    return t;
  }

  platform_item read_platform_item(const object_info& info, const node& v,
                                   const std::string& p) const {
    platform_item i;
    for_each_field(v, p, info, [&](const field& g, const node& x, const std::string& q) {
      const std::string_view k = g.name;
      if (k == "kind")
        i.kind = read_vocabulary(g, x, q);
      else if (k == "title")
        i.title = read_string(g, x, q);
      else if (k == "filed_on")
        i.filed_on = read_date(g, x, q);
      else
        unread(g);
    });
    return i;
  }

  static media_report read_media_report(const object_info& info, const node& v,
                                        const std::string& p) {
    media_report m;
    for_each_field(v, p, info, [&](const field& g, const node& x, const std::string& q) {
      const std::string_view k = g.name;
      if (k == "outlet")
        m.outlet = read_string(g, x, q);
      else if (k == "title")
        m.title = read_string(g, x, q);
      else if (k == "published_on")
        m.published_on = read_date(g, x, q);
      else if (k == "mainstream")
        m.mainstream = read_bool(g, x, q);
      else
        unread(g);
    });
    return m;
  }

  static expert read_expert(const object_info& info, const node& v, const std::string& p) {
    expert e;
    for_each_field(v, p, info, [&](const field& g, const node& x, const std::string& q) {
      const std::string_view k = g.name;
      if (k == "name")
        e.name = read_string(g, x, q);
      else if (k == "affiliation")
        e.affiliation = read_string(g, x, q);
      else if (k == "nationally_known")
        e.nationally_known = read_bool(g, x, q);
      else
        unread(g);
    });
    return e;
  }

  text_document read_text(const object_info& info, const node& v, const std::string& p) const {
    text_document t;
    for_each_field(v, p, info, [&](const field& g, const node& x, const std::string& q) {
      const std::string_view k = g.name;
      if (k == "type")
        t.type = read_vocabulary(g, x, q);
      else if (k == "title")
        t.title = read_string(g, x, q);
      else if (k == "content")
        t.content = read_string(g, x, q);
      else
        unread(g);
    });
    return t;
  }

  const notice& n_;
};

}  // namespace

application parse_application(std::string_view json_text, const notice& n) {
  const node root = parse_tree(json_text);
  if (root.k != node::kind::object)
    fail("input.type", "", "expected an application object, found " + describe(root));
  return reader(n).read_application(root, "");
}

std::vector<application> parse_applications(std::string_view json_text, const notice& n) {
  const node root = parse_tree(json_text);
  std::vector<application> out;
  if (root.k == node::kind::object) {
    out.push_back(reader(n).read_application(root, ""));
  } else if (root.k == node::kind::array) {
    reader r(n);
    for (std::size_t i = 0; i < root.items.size(); ++i)
      out.push_back(r.read_application(root.items[i], child("", i)));
  } else {
    fail("input.type", "",
         "expected an application object or an array of them, found " + describe(root));
  }
  return out;
}

}  // namespace nxkx
