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
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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
    return stop("input.syntax", "",
                "malformed JSON at " + where(text_, offset) + ": " + printable(what));
  }

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
};

node parse_tree(std::string_view text) {
  tree_builder b(text);
  bool ok = false;
  try {
    ok = nlohmann::json::sax_parse(text.data(), text.data() + text.size(), &b);
  } catch (const nlohmann::json::exception& e) {  // not expected: SAX reports errors itself
    fail("input.syntax", "", "malformed JSON: " + printable(e.what()));
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

std::vector<std::string> to_strings(std::span<const std::string_view> s) {
  return {s.begin(), s.end()};
}

/// Calls on_field(key, value, path) for every member of `obj` in document order, after
/// checking that it is one of `known` and appears once. Null members are unknown facts: they
/// are checked but not passed on.
template <class F>
void for_each_field(const node& obj, const std::string& path, std::string_view what,
                    std::span<const std::string_view> known, F&& on_field) {
  expect(obj, node::kind::object, path, what);
  std::uint64_t seen = 0;  // a bit per known field
  for (const auto& m : obj.members) {
    const std::string p = child(path, m.key);
    const auto it = std::find(known.begin(), known.end(), m.key);
    if (it == known.end())
      fail("input.unknown_field", p, unknown_reason("field", m.key, to_strings(known)));
    const std::uint64_t bit = std::uint64_t{1} << static_cast<unsigned>(it - known.begin());
    if ((seen & bit) != 0)
      fail("input.duplicate_key", p,
           "field " + literal(m.key) + " appears more than once; a field may appear only once");
    seen |= bit;
    if (m.value.k != node::kind::null) on_field(std::string_view(m.key), m.value, p);
  }
}

/// Calls f(element, path) for every element of an array.
template <class F>
void for_each_item(const node& v, const std::string& path, std::string_view what, F&& f) {
  expect(v, node::kind::array, path, what);
  for (std::size_t i = 0; i < v.items.size(); ++i) f(v.items[i], child(path, i));
}

// The fields each object may hold, in the order to_json writes them.
// clang-format off
constexpr std::string_view application_fields[] = {
    "id", "project_type", "title", "approval_date", "applicant", "joint_applicants",
    "recommendation_letter", "submission", "form", "plan", "records"};
constexpr std::string_view applicant_fields[] = {
    "name", "credit_code", "kind", "division", "legal_person", "own_account", "has_capacity",
    "supervised_by_association", "group_member", "approved_by_cast", "establishment_approved",
    "field", "history"};
constexpr std::string_view joint_fields[] = {
    "name", "credit_code", "kind", "division", "legal_person", "own_account", "has_capacity",
    "supervised_by_association", "group_member", "approved_by_cast", "establishment_approved",
    "field", "history", "head_signed", "sealed"};
constexpr std::string_view year_fields[] = {
    "annual_inspection", "penalized", "projects", "evaluation_grade"};
constexpr std::string_view letter_fields[] = {"issuer", "city", "issued"};
constexpr std::string_view submission_fields[] = {
    "paper_copies", "sealed", "delivery", "dispatch_date", "handed_in_date", "received_date",
    "word_version"};
constexpr std::string_view word_fields[] = {"emailed", "sent_to", "sent_on"};
constexpr std::string_view form_fields[] = {"parts"};
constexpr std::string_view plan_fields[] = {"work_measures", "targets"};
constexpr std::string_view records_fields[] = {
    "events", "transfers", "platform_items", "media_reports", "experts", "governance_systems",
    "texts"};
constexpr std::string_view event_fields[] = {
    "title", "type", "held_on", "attendance", "offline_attendance", "place", "partners"};
constexpr std::string_view transfer_fields[] = {"title", "transferred_on", "economic_benefit"};
constexpr std::string_view platform_item_fields[] = {"kind", "title", "filed_on"};
constexpr std::string_view media_report_fields[] = {
    "outlet", "title", "published_on", "mainstream"};
constexpr std::string_view expert_fields[] = {"name", "affiliation", "nationally_known"};
constexpr std::string_view text_fields[] = {"type", "title", "content"};
// clang-format on

class reader {
 public:
  explicit reader(const notice& n) : n_(n) {}

  application read_application(const node& v, const std::string& p) {
    application a;
    bool has_type = false, has_lead = false;
    for_each_field(v, p, "an application object", application_fields,
                   [&](std::string_view k, const node& x, const std::string& q) {
                     if (k == "id") {
                       a.id = read_string(x, q);
                     } else if (k == "project_type") {
                       a.project_type = read_project_type(x, q);
                       has_type = true;
                     } else if (k == "title") {
                       a.title = read_string(x, q);
                     } else if (k == "approval_date") {
                       a.approval_date = read_date(x, q);
                     } else if (k == "applicant") {
                       a.lead = read_applicant(x, q, nullptr);
                       has_lead = true;
                     } else if (k == "joint_applicants") {
                       for_each_item(x, q, "an array of joint applicants",
                                     [&](const node& e, const std::string& r) {
                                       joint_applicant j;
                                       j.organisation = read_applicant(e, r, &j);
                                       a.joint_applicants.push_back(std::move(j));
                                     });
                     } else if (k == "recommendation_letter") {
                       a.letter = read_letter(x, q);
                     } else if (k == "submission") {
                       a.submitted = read_submission(x, q);
                     } else if (k == "form") {
                       a.form_parts = read_form(x, q);
                     } else if (k == "plan") {
                       a.project_plan = read_plan(x, q);
                     } else if (k == "records") {
                       a.achieved = read_records(x, q);
                     }
                   });
    require(has_type, v, p, "project_type");
    require(has_lead, v, p, "applicant");
    return a;
  }

 private:
  // -- scalars --

  static std::string read_string(const node& v, const std::string& p) {
    expect(v, node::kind::string, p, "a string");
    return v.text;
  }

  static bool read_bool(const node& v, const std::string& p) {
    expect(v, node::kind::boolean, p, "true or false");
    return v.boolean;
  }

  /// A JSON integer ≥ 0. 2.0 is refused: counts are written as integers.
  static std::int64_t read_count(const node& v, const std::string& p) {
    if (v.k == node::kind::number)
      fail("input.type", p,
           "expected an integer, found the decimal number " + v.text.substr(0, 40) +
               "; write it without a fraction or exponent");
    expect(v, node::kind::integer, p, "an integer");
    if (v.integer < 0)
      fail("input.range", p, "expected a non-negative integer, found " + std::to_string(v.integer));
    return v.integer;
  }

  static double read_number(const node& v, const std::string& p) {
    if (v.k == node::kind::integer) return static_cast<double>(v.integer);
    expect(v, node::kind::number, p, "a number");
    return v.number;
  }

  static date read_date(const node& v, const std::string& p) {
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
  static E read_enum(const node& v, const std::string& p, std::string_view noun) {
    expect(v, node::kind::string, p, "a string (" + std::string(noun) + " code)");
    if (auto e = from_code<E>(v.text)) return *e;
    std::vector<std::string> codes;
    for (const auto& item : code_table<E>::items) codes.emplace_back(item.second);
    fail("input.unknown_code", p, unknown_reason(noun, v.text, codes));
  }

  /// A code of the pack's vocabulary namespace `ns` (event_type, form_part …).
  std::string read_vocabulary(const node& v, const std::string& p, std::string_view ns,
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

  std::string read_project_type(const node& v, const std::string& p) const {
    expect(v, node::kind::string, p, "a string (project type code)");
    if (n_.find_project_type(v.text) != nullptr) return v.text;
    std::vector<std::string> codes;
    for (const auto& t : n_.project_types()) codes.push_back(t.code);
    fail("input.unknown_code", p, unknown_reason("project type", v.text, codes));
  }

  static std::vector<std::string> read_strings(const node& v, const std::string& p) {
    std::vector<std::string> out;
    for_each_item(v, p, "an array of strings",
                  [&](const node& e, const std::string& q) { out.push_back(read_string(e, q)); });
    return out;
  }

  std::vector<std::string> read_codes(const node& v, const std::string& p, std::string_view ns,
                                      std::string_view noun) const {
    std::vector<std::string> out;
    for_each_item(v, p, "an array of " + std::string(noun) + " codes",
                  [&](const node& e, const std::string& q) {
                    out.push_back(read_vocabulary(e, q, ns, noun));
                  });
    return out;
  }

  // -- objects --

  applicant read_applicant(const node& v, const std::string& p, joint_applicant* joint) const {
    applicant a;
    bool has_kind = false;
    const std::span<const std::string_view> fields =
        joint ? std::span<const std::string_view>(joint_fields) : applicant_fields;
    for_each_field(v, p, joint ? "a joint applicant object" : "an applicant object", fields,
                   [&](std::string_view k, const node& x, const std::string& q) {
                     if (k == "name")
                       a.name = read_string(x, q);
                     else if (k == "credit_code")
                       a.credit_code = read_string(x, q);
                     else if (k == "kind") {
                       a.kind = read_enum<applicant_kind>(x, q, "applicant kind");
                       has_kind = true;
                     } else if (k == "division")
                       a.division = read_string(x, q);
                     else if (k == "legal_person")
                       a.legal_person = read_bool(x, q);
                     else if (k == "own_account")
                       a.own_account = read_bool(x, q);
                     else if (k == "has_capacity")
                       a.has_capacity = read_bool(x, q);
                     else if (k == "supervised_by_association")
                       a.supervised_by_association = read_bool(x, q);
                     else if (k == "group_member")
                       a.group_member = read_bool(x, q);
                     else if (k == "approved_by_cast")
                       a.approved_by_cast = read_bool(x, q);
                     else if (k == "establishment_approved")
                       a.establishment_approved = read_bool(x, q);
                     else if (k == "field")
                       a.field = read_enum<grassroots_field>(x, q, "grassroots field");
                     else if (k == "history")
                       a.history = read_history(x, q);
                     else if (k == "head_signed")
                       joint->head_signed = read_bool(x, q);
                     else if (k == "sealed")
                       joint->sealed = read_bool(x, q);
                   });
    require(has_kind, v, p, "kind");
    return a;
  }

  static bool is_year(std::string_view s) {
    return s.size() == 4 &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  }

  static std::map<int, year_record> read_history(const node& v, const std::string& p) {
    expect(v, node::kind::object, p, "an object keyed by year");
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
      if (m.value.k != node::kind::null) out[year] = read_year(m.value, q);
    }
    return out;
  }

  static year_record read_year(const node& v, const std::string& p) {
    year_record y;
    for_each_field(v, p, "an object (one year's record)", year_fields,
                   [&](std::string_view k, const node& x, const std::string& q) {
                     if (k == "annual_inspection")
                       y.annual_inspection =
                           read_enum<inspection_result>(x, q, "inspection result");
                     else if (k == "penalized")
                       y.penalized = read_bool(x, q);
                     else if (k == "projects")
                       y.projects = read_enum<project_completion>(x, q, "project completion");
                     else if (k == "evaluation_grade")
                       y.evaluation_grade = read_enum<evaluation_grade>(x, q, "evaluation grade");
                   });
    return y;
  }

  static recommendation_letter read_letter(const node& v, const std::string& p) {
    recommendation_letter l;
    for_each_field(v, p, "a recommendation letter object", letter_fields,
                   [&](std::string_view k, const node& x, const std::string& q) {
                     if (k == "issuer")
                       l.issuer = read_string(x, q);
                     else if (k == "city")
                       l.city = read_string(x, q);
                     else if (k == "issued")
                       l.issued = read_date(x, q);
                   });
    return l;
  }

  static submission read_submission(const node& v, const std::string& p) {
    submission s;
    for_each_field(v, p, "a submission object", submission_fields,
                   [&](std::string_view k, const node& x, const std::string& q) {
                     if (k == "paper_copies")
                       s.paper_copies = read_count(x, q);
                     else if (k == "sealed")
                       s.sealed = read_bool(x, q);
                     else if (k == "delivery")
                       s.delivery = read_enum<delivery_method>(x, q, "delivery method");
                     else if (k == "dispatch_date")
                       s.dispatch_date = read_date(x, q);
                     else if (k == "handed_in_date")
                       s.handed_in_date = read_date(x, q);
                     else if (k == "received_date")
                       s.received_date = read_date(x, q);
                     else if (k == "word_version")
                       s.word = read_word(x, q);
                   });
    return s;
  }

  static word_version read_word(const node& v, const std::string& p) {
    word_version w;
    for_each_field(v, p, "a word_version object", word_fields,
                   [&](std::string_view k, const node& x, const std::string& q) {
                     if (k == "emailed")
                       w.emailed = read_bool(x, q);
                     else if (k == "sent_to")
                       w.sent_to = read_string(x, q);
                     else if (k == "sent_on")
                       w.sent_on = read_date(x, q);
                   });
    return w;
  }

  form read_form(const node& v, const std::string& p) const {
    form f;
    for_each_field(v, p, "a form object", form_fields,
                   [&](std::string_view, const node& x, const std::string& q) {
                     f.parts = read_codes(x, q, "form_part", "form part");
                   });
    return f;
  }

  plan read_plan(const node& v, const std::string& p) const {
    plan pl;
    for_each_field(v, p, "a plan object", plan_fields,
                   [&](std::string_view k, const node& x, const std::string& q) {
                     if (k == "work_measures")
                       pl.work_measures = read_strings(x, q);
                     else if (k == "targets")
                       pl.targets = read_targets(x, q);
                   });
    return pl;
  }

  std::map<std::string, std::int64_t> read_targets(const node& v, const std::string& p) const {
    expect(v, node::kind::object, p, "an object of targets");
    std::map<std::string, std::int64_t> out;
    std::set<std::string_view> seen;
    for (const auto& m : v.members) {
      const std::string q = child(p, m.key);
      check_vocabulary(m.key, q, "target", "target");
      if (!seen.insert(m.key).second)
        fail("input.duplicate_key", q,
             "field " + literal(m.key) + " appears more than once; a field may appear only once");
      if (m.value.k != node::kind::null) out[m.key] = read_count(m.value, q);
    }
    return out;
  }

  records read_records(const node& v, const std::string& p) const {
    records r;
    for_each_field(
        v, p, "a records object", records_fields,
        [&](std::string_view k, const node& x, const std::string& q) {
          if (k == "events") {
            for_each_item(x, q, "an array of events", [&](const node& e, const std::string& s) {
              r.events.push_back(read_event(e, s));
            });
          } else if (k == "transfers") {
            for_each_item(x, q, "an array of transfers", [&](const node& e, const std::string& s) {
              r.transfers.push_back(read_transfer(e, s));
            });
          } else if (k == "platform_items") {
            for_each_item(x, q, "an array of platform items",
                          [&](const node& e, const std::string& s) {
                            r.platform_items.push_back(read_platform_item(e, s));
                          });
          } else if (k == "media_reports") {
            for_each_item(x, q, "an array of media reports",
                          [&](const node& e, const std::string& s) {
                            r.media_reports.push_back(read_media_report(e, s));
                          });
          } else if (k == "experts") {
            for_each_item(x, q, "an array of experts", [&](const node& e, const std::string& s) {
              r.experts.push_back(read_expert(e, s));
            });
          } else if (k == "governance_systems") {
            r.governance_systems = read_codes(x, q, "governance_system", "governance system");
          } else if (k == "texts") {
            for_each_item(x, q, "an array of texts", [&](const node& e, const std::string& s) {
              r.texts.push_back(read_text(e, s));
            });
          }
        });
    return r;
  }

  event read_event(const node& v, const std::string& p) const {
    event e;
    for_each_field(v, p, "an event object", event_fields,
                   [&](std::string_view k, const node& x, const std::string& q) {
                     if (k == "title")
                       e.title = read_string(x, q);
                     else if (k == "type")
                       e.type = read_vocabulary(x, q, "event_type", "event type");
                     else if (k == "held_on")
                       e.held_on = read_date(x, q);
                     else if (k == "attendance")
                       e.attendance = read_count(x, q);
                     else if (k == "offline_attendance")
                       e.offline_attendance = read_count(x, q);
                     else if (k == "place")
                       e.place = read_string(x, q);
                     else if (k == "partners")
                       e.partners = read_strings(x, q);
                   });
    return e;
  }

  static transfer read_transfer(const node& v, const std::string& p) {
    transfer t;
    for_each_field(v, p, "a transfer object", transfer_fields,
                   [&](std::string_view k, const node& x, const std::string& q) {
                     if (k == "title")
                       t.title = read_string(x, q);
                     else if (k == "transferred_on")
                       t.transferred_on = read_date(x, q);
                     else if (k == "economic_benefit")
                       t.economic_benefit = read_number(x, q);
                   });
    return t;
  }

  platform_item read_platform_item(const node& v, const std::string& p) const {
    platform_item i;
    for_each_field(v, p, "a platform item object", platform_item_fields,
                   [&](std::string_view k, const node& x, const std::string& q) {
                     if (k == "kind")
                       i.kind = read_vocabulary(x, q, "platform_item_kind", "platform item kind");
                     else if (k == "title")
                       i.title = read_string(x, q);
                     else if (k == "filed_on")
                       i.filed_on = read_date(x, q);
                   });
    return i;
  }

  static media_report read_media_report(const node& v, const std::string& p) {
    media_report m;
    for_each_field(v, p, "a media report object", media_report_fields,
                   [&](std::string_view k, const node& x, const std::string& q) {
                     if (k == "outlet")
                       m.outlet = read_string(x, q);
                     else if (k == "title")
                       m.title = read_string(x, q);
                     else if (k == "published_on")
                       m.published_on = read_date(x, q);
                     else if (k == "mainstream")
                       m.mainstream = read_bool(x, q);
                   });
    return m;
  }

  static expert read_expert(const node& v, const std::string& p) {
    expert e;
    for_each_field(v, p, "an expert object", expert_fields,
                   [&](std::string_view k, const node& x, const std::string& q) {
                     if (k == "name")
                       e.name = read_string(x, q);
                     else if (k == "affiliation")
                       e.affiliation = read_string(x, q);
                     else if (k == "nationally_known")
                       e.nationally_known = read_bool(x, q);
                   });
    return e;
  }

  text_document read_text(const node& v, const std::string& p) const {
    text_document t;
    for_each_field(v, p, "a text object", text_fields,
                   [&](std::string_view k, const node& x, const std::string& q) {
                     if (k == "type")
                       t.type = read_vocabulary(x, q, "text_type", "text type");
                     else if (k == "title")
                       t.title = read_string(x, q);
                     else if (k == "content")
                       t.content = read_string(x, q);
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
