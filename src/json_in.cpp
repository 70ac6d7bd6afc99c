// Reading applications from JSON (docs/application-format.md).
//
// Two passes. First a strict RFC 8259 tokenizer, written for this format and iterative so that
// it cannot overflow the stack, reads the text into a flat tree: one node per value in a single
// array, strings as views of the input (only strings with escapes are decoded, into one
// buffer). It applies the caller's input_limits as it reads (depth, bytes, string length, list
// sizes; worded as the pre-scan of limits.cpp words them), validates UTF-8, and maps every
// error to an input_error with the byte offset, line and column. Then a walk over the tree checks
// each field against the format, in document order, and fills the model; JSON pointers are built
// only when an error needs one. The walk follows the schema, so its own recursion is bounded by
// the format, never by the input.
#include <utf8.h>

#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <iterator>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "application_fields.hpp"
#include "limit_messages.hpp"
#include "notice_data.hpp"
#include "nxkx/error.hpp"
#include "nxkx/json.hpp"
#include "nxkx/limits.hpp"

namespace nxkx {
namespace {

/// Longest user text quoted back in a reason, in code points.
constexpr std::size_t max_quoted = 60;

constexpr std::size_t npos = std::string_view::npos;

// ---- the document tree ----------------------------------------------------------------------

/// One JSON value. The children of an array or object are contiguous in the document's node
/// array; `key` is the member's key when the parent is an object. Strings and keys are views of
/// the input text, or of the document's buffer of decoded strings when they held escapes.
struct node {
  enum class kind : std::uint8_t { null, boolean, integer, number, string, array, object };
  kind k = kind::null;
  bool boolean = false;
  std::uint32_t count = 0;     // children of an array or object
  std::size_t first = 0;       // index of the first child while parsing
  const node* kids = nullptr;  // the first child, once the parse is complete
  std::int64_t integer = 0;
  double number = 0;
  std::string_view text;  // a string's value, or a decimal number as written
  std::string_view key;

  std::span<const node> children() const noexcept { return {kids, count}; }
};

struct document {
  std::vector<node> nodes;  // every value but the root, children of one parent together
  node root;
  std::string decoded;  // strings that held escapes, decoded; reserved once, never reallocated
};

// ---- JSON pointers, built only when an error needs one ---------------------------------------

/// A position in the document: the root, or a member or an item of a parent position. Lives on
/// the stack of the walk; str() renders it as an RFC 6901 pointer.
struct jpath {
  const jpath* parent = nullptr;
  std::string_view key;
  std::size_t index = 0;
  bool is_item = false;

  std::string str() const {
    std::vector<const jpath*> chain;
    for (const jpath* p = this; p->parent != nullptr; p = p->parent) chain.push_back(p);
    std::string out;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      if ((*it)->is_item) {
        out += '/';
        out += std::to_string((*it)->index);
      } else {
        append_pointer_token(out, (*it)->key);
      }
    }
    return out;
  }
};

jpath child(const jpath& p, std::string_view key) { return jpath{&p, key, 0, false}; }
jpath child(const jpath& p, std::size_t index) { return jpath{&p, {}, index, true}; }

// ---- text helpers ---------------------------------------------------------------------------

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

[[noreturn]] void fail(std::string code, const jpath& path, std::string reason) {
  throw input_error(std::move(code), path.str(), std::move(reason));
}

// ---- pass 1: text to tree -------------------------------------------------------------------

/// The high bit of each of the 8 bytes of `w` that is '"', '\\', below 0x20 or above 0x7F:
/// string bytes that need more than copying ("Bit Twiddling Hacks": haszero, hasless).
inline std::uint64_t care_bits(std::uint64_t w) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101ull;
  constexpr std::uint64_t highs = 0x8080808080808080ull;
  const std::uint64_t quote = w ^ (ones * '"');
  const std::uint64_t slash = w ^ (ones * '\\');
  const std::uint64_t found = ((quote - ones) & ~quote) | ((slash - ones) & ~slash) |
                              (w - ones * 0x20) | w;  // a high bit: a hit, or a byte ≥ 0x80
  return found & highs;  // exact for the lowest byte flagged: a borrow only runs upwards
}

int hex_digit(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool is_space(char c) noexcept { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

/// The double nearest to a JSON number with a fraction or an exponent (the grammar is already
/// checked); ±infinity when it overflows. Underflow reads as the nearest double (or zero).
double decimal_value(std::string_view written) {
#if defined(__cpp_lib_to_chars) && __cpp_lib_to_chars >= 201611L
  double value = 0;
  const auto [end, ec] = std::from_chars(written.data(), written.data() + written.size(), value);
  if (ec == std::errc{} && end == written.data() + written.size()) return value;
#endif
  // No floating-point from_chars (emscripten's libc++), or out of range: strtod, which rounds
  // the same way and says what an out-of-range number is. JSON's '.' is the C locale's.
  const std::string copy(written);
  return std::strtod(copy.c_str(), nullptr);
}

/// What the tokenizer reads next.
enum class step : std::uint8_t { value, key, after_value };

/// A strict RFC 8259 reader into a `document`. Iterative: the open containers are a vector of
/// frames, and the values of the open containers wait in `pending_` until their container
/// closes, when they move, together, to the document's node array.
///
/// It applies the input_limits as it reads, with the reasons and pointers of the pre-scan
/// (limits.cpp), and never reads further than the crossing: a string stops at max_string_bytes,
/// a list at max_list_items, an element of a batch at max_bytes.
class tokenizer {
 public:
  tokenizer(std::string_view text, document& doc, const input_limits& limits)
      : t_(text), doc_(doc), lim_(limits) {
    doc_.nodes.reserve(text.size() / 24 + 8);
    pending_.reserve(32);
    frames_.reserve(8);
  }

  void run() {
    if (t_.starts_with("\xEF\xBB\xBF")) pos_ = 3;  // a UTF-8 byte order mark is skipped
    // White space before the top-level value counts against max_bytes: skip no more than that.
    while (pos_ < t_.size() && pos_ <= lim_.max_bytes && is_space(t_[pos_])) ++pos_;
    batch_ = pos_ < t_.size() && t_[pos_] == '[';
    // One application larger than max_bytes is refused before a byte of it is read.
    if (!batch_ && t_.size() > lim_.max_bytes)
      limit("", detail::limit_reason::document_bytes(t_.size(), lim_.max_bytes));
    step s = step::value;
    for (;;) {
      if (s == step::value) {
        s = value();
        continue;
      }
      if (s == step::key) {
        key();
        s = step::value;
        continue;
      }
      skip_space();
      if (frames_.empty()) {
        if (pos_ != t_.size()) unexpected("expected the end of the input after the JSON value");
        finish();
        return;
      }
      const bool array = frames_.back().array;
      if (pos_ == t_.size()) unexpected(array ? "expected ',' or ']'" : "expected ',' or '}'");
      const char c = t_[pos_];
      if (c == ',') {
        ++pos_;
        s = array ? step::value : step::key;
      } else if (c == (array ? ']' : '}')) {
        ++pos_;
        close();
      } else {
        unexpected(array ? "expected ',' or ']'" : "expected ',' or '}'");
      }
    }
  }

 private:
  struct frame {
    bool array = false;
    std::size_t start = 0;  // its first value in pending_
    std::string_view key;   // its own key in its parent, when the parent is an object
  };

  void skip_space() noexcept {
    while (pos_ < t_.size() && is_space(t_[pos_])) ++pos_;
  }

  /// Reads a value at pos_ (after white space); returns what comes next.
  step value() {
    skip_space();
    if (pos_ == t_.size()) unexpected("expected a value");
    if (!frames_.empty() && frames_.back().array) begin_item();
    const char c = t_[pos_];
    switch (c) {
      case '{':
      case '[':
        return open(c == '[');
      case '"': {
        node n;
        n.k = node::kind::string;
        n.text = string();
        push(n);
        return step::after_value;
      }
      case 't':
        return literal("true", node::kind::boolean, true);
      case 'f':
        return literal("false", node::kind::boolean, false);
      case 'n':
        return literal("null", node::kind::null, false);
      default:
        if (c == '-' || is_digit(c)) {
          number();
          return step::after_value;
        }
        unexpected("expected a value");
    }
  }

  /// Reads a member's key and its colon.
  void key() {
    skip_space();
    if (element_start_ != npos && pos_ - element_start_ > lim_.max_bytes) element_too_long();
    if (pos_ == t_.size() || t_[pos_] != '"') unexpected("expected a string (a member's key)");
    key_ = string(true);
    skip_space();
    if (pos_ == t_.size() || t_[pos_] != ':') unexpected("expected ':' after a member's key");
    ++pos_;
  }

  step open(bool array) {
    if (frames_.size() >= lim_.max_depth)
      limit(path_to(frames_.size()), detail::limit_reason::depth(lim_.max_depth, pos_));
    ++pos_;
    frames_.push_back(frame{array, pending_.size(), parent_is_object() ? key_ : ""});
    skip_space();
    if (pos_ < t_.size() && t_[pos_] == (array ? ']' : '}')) {
      ++pos_;
      close();
      return step::after_value;
    }
    return array ? step::value : step::key;
  }

  bool parent_is_object() const noexcept { return !frames_.empty() && !frames_.back().array; }

  void close() {
    const frame f = frames_.back();
    frames_.pop_back();
    node n;
    n.k = f.array ? node::kind::array : node::kind::object;
    n.first = doc_.nodes.size();
    n.count = static_cast<std::uint32_t>(pending_.size() - f.start);
    doc_.nodes.insert(doc_.nodes.end(), pending_.begin() + static_cast<std::ptrdiff_t>(f.start),
                      pending_.end());
    pending_.resize(f.start);
    if (frames_.size() == 1 && batch_) end_element();
    n.key = f.key;
    if (frames_.empty())
      doc_.root = n;
    else
      pending_.push_back(n);
  }

  /// Adds a scalar to the open container, or makes it the root.
  void push(node& n) {
    if (frames_.empty()) {
      doc_.root = n;
      return;
    }
    if (frames_.size() == 1 && batch_) end_element();
    if (!frames_.back().array) n.key = key_;
    pending_.push_back(n);
  }

  /// Points every container at its children, now that the node array no longer moves.
  void finish() {
    for (node& n : doc_.nodes)
      if (n.count != 0) n.kids = doc_.nodes.data() + n.first;
    if (doc_.root.count != 0) doc_.root.kids = doc_.nodes.data() + doc_.root.first;
  }

  step literal(std::string_view word, node::kind k, bool b) {
    if (t_.substr(pos_, word.size()) != word) unexpected("expected a value");
    if (word.size() > lim_.max_string_bytes)
      limit(path_to(frames_.size()), detail::limit_reason::scalar(lim_.max_string_bytes, pos_));
    pos_ += word.size();
    node n;
    n.k = k;
    n.boolean = b;
    push(n);
    return step::after_value;
  }

  void number() {
    const std::size_t start = pos_;
    const std::size_t n = t_.size();
    bool integral = true;
    if (t_[pos_] == '-') ++pos_;
    if (pos_ < n && t_[pos_] == '0') {
      ++pos_;
    } else if (pos_ < n && is_digit(t_[pos_])) {
      while (pos_ < n && is_digit(t_[pos_])) ++pos_;
    } else {
      unexpected("expected a digit in a number");
    }
    if (pos_ < n && t_[pos_] == '.') {
      integral = false;
      ++pos_;
      if (pos_ == n || !is_digit(t_[pos_])) unexpected("expected a digit after '.' in a number");
      while (pos_ < n && is_digit(t_[pos_])) ++pos_;
    }
    if (pos_ < n && (t_[pos_] == 'e' || t_[pos_] == 'E')) {
      integral = false;
      ++pos_;
      if (pos_ < n && (t_[pos_] == '+' || t_[pos_] == '-')) ++pos_;
      if (pos_ == n || !is_digit(t_[pos_])) unexpected("expected a digit in a number's exponent");
      while (pos_ < n && is_digit(t_[pos_])) ++pos_;
    }
    const std::string_view written = t_.substr(start, pos_ - start);
    if (written.size() > lim_.max_string_bytes)
      limit(path_to(frames_.size()), detail::limit_reason::scalar(lim_.max_string_bytes, start));
    node v;
    if (integral) {
      v.k = node::kind::integer;
      const auto [end, ec] =
          std::from_chars(written.data(), written.data() + written.size(), v.integer);
      if (ec != std::errc{} || end != written.data() + written.size())
        out_of_range(written, "integer",
                     "expected an integer from -9223372036854775808 to 9223372036854775807");
    } else {
      v.k = node::kind::number;
      v.text = written;
      v.number = decimal_value(written);
      if (!std::isfinite(v.number)) out_of_range(written, "number", "expected a finite number");
    }
    push(v);
  }

  /// Reads the string at pos_ (a '"'); pos_ ends past its closing quote. A string whose
  /// decoded text would be longer than max_string_bytes is refused where it crosses.
  std::string_view string(bool is_key = false) {
    const std::size_t open_quote = pos_;
    // Without escapes a string decodes to its own bytes: read no further than the limit.
    const std::size_t max = lim_.max_string_bytes;
    const std::size_t n = max < t_.size() - open_quote - 1 ? open_quote + 1 + max + 1 : t_.size();
    std::size_t i = pos_ + 1;
    for (;;) {
      while (i + 8 <= n) {
        std::uint64_t w;
        std::memcpy(&w, t_.data() + i, 8);
        if (const std::uint64_t m = care_bits(w); m != 0) {
          if constexpr (std::endian::native == std::endian::little)
            i += static_cast<std::size_t>(std::countr_zero(m)) / 8;  // straight to that byte
          break;
        }
        i += 8;
      }
      if (i >= n) {
        if (n == t_.size()) unterminated(open_quote);
        too_long(open_quote, is_key);
      }
      const auto c = static_cast<unsigned char>(t_[i]);
      if (c == '"') {
        pos_ = i + 1;
        return t_.substr(open_quote + 1, i - open_quote - 1);
      }
      if (c == '\\') return escaped_string(open_quote, i, is_key);
      if (c < 0x20) control_character(i);
      if (c < 0x80) {
        ++i;
        continue;
      }
      // A run of multi-byte characters, most often 汉字 (E1-EC, EE-EF lead bytes and two
      // continuation bytes), is validated here without leaving the loop.
      do {
        const auto lead = static_cast<unsigned char>(t_[i]);
        if (i + 2 < n && ((lead >= 0xE1 && lead <= 0xEC) || lead >= 0xEE) && lead <= 0xEF &&
            (static_cast<unsigned char>(t_[i + 1]) & 0xC0) == 0x80 &&
            (static_cast<unsigned char>(t_[i + 2]) & 0xC0) == 0x80) {
          i += 3;
          continue;
        }
        const std::size_t len = utf8_length(t_, i);
        if (len == 0) bad_utf8(i);
        i += len;
      } while (i < n && static_cast<unsigned char>(t_[i]) >= 0x80);
    }
  }

  /// The rest of a string from its first backslash at `i`, decoded into doc_.decoded.
  std::string_view escaped_string(std::size_t open_quote, std::size_t i, bool is_key) {
    std::string& out = doc_.decoded;
    // Decoding never lengthens text, so one reservation of the input's size holds every
    // decoded string of the document and the views into it stay valid.
    if (out.capacity() < t_.size()) {
      if (!out.empty()) throw std::logic_error("nxkx: the decoded-string buffer would move");
      out.reserve(t_.size());
    }
    const std::size_t begin = out.size();
    out.append(t_, open_quote + 1, i - open_quote - 1);
    const std::size_t n = t_.size();
    while (i < n) {
      if (out.size() - begin > lim_.max_string_bytes) too_long(open_quote, is_key);
      const auto c = static_cast<unsigned char>(t_[i]);
      if (c == '"') {
        pos_ = i + 1;
        return std::string_view(out).substr(begin);
      }
      if (c < 0x20) control_character(i);
      if (c >= 0x80) {
        const std::size_t len = utf8_length(t_, i);
        if (len == 0) bad_utf8(i);
        out.append(t_, i, len);
        i += len;
        continue;
      }
      if (c != '\\') {
        out += static_cast<char>(c);
        ++i;
        continue;
      }
      if (i + 1 == n) unterminated(open_quote);
      const char e = t_[i + 1];
      switch (e) {
        case '"':
        case '\\':
        case '/':
          out += e;
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u': {
          std::uint32_t cp = unit(i);
          std::size_t used = 6;
          if (cp >= 0xDC00 && cp <= 0xDFFF)
            syntax(i, "a \\u escape of a low surrogate (U+" + hex4(cp) +
                          ") must follow one of a high surrogate (U+D800 to U+DBFF)");
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (i + 7 >= n || t_[i + 6] != '\\' || t_[i + 7] != 'u')
              syntax(i, "a \\u escape of a high surrogate (U+" + hex4(cp) +
                            ") must be followed by one of a low surrogate (U+DC00 to U+DFFF)");
            const std::uint32_t lo = unit(i + 6);
            if (lo < 0xDC00 || lo > 0xDFFF)
              syntax(i + 6, "a \\u escape of a high surrogate (U+" + hex4(cp) +
                                ") must be followed by one of a low surrogate (U+DC00 to U+DFFF)");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            used = 12;
          }
          utf8::unchecked::append(cp, std::back_inserter(out));  // cp is a scalar value
          i += used;
          continue;
        }
        default:
          // Ill-formed UTF-8 is input.utf8 wherever it stands, after a backslash too.
          if (static_cast<unsigned char>(e) >= 0x80 && utf8_length(t_, i + 1) == 0) bad_utf8(i + 1);
          syntax(i, "invalid escape '\\" + printable(t_.substr(i + 1, utf8_length(t_, i + 1))) +
                        "' in a string; JSON has \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX");
      }
      i += 2;
    }
    unterminated(open_quote);
  }

  /// The code unit of the \uXXXX escape whose backslash is at t_[i].
  std::uint32_t unit(std::size_t i) {
    std::uint32_t v = 0;
    for (std::size_t k = 2; k < 6; ++k) {
      const int h = i + k < t_.size() ? hex_digit(t_[i + k]) : -1;
      if (h < 0) syntax(i, "expected four hexadecimal digits after \\u");
      v = v * 16 + static_cast<std::uint32_t>(h);
    }
    return v;
  }

  static std::string hex4(std::uint32_t v) {
    static constexpr char digits[] = "0123456789ABCDEF";
    return {digits[(v >> 12) & 0xF], digits[(v >> 8) & 0xF], digits[(v >> 4) & 0xF],
            digits[v & 0xF]};
  }

  /// The JSON pointer of the value being read at depth `depth` (0: the root): the containers
  /// still open and, in the innermost, the values it holds so far.
  std::string path_to(std::size_t depth) const {
    std::string p;
    for (std::size_t j = 0; j < depth; ++j) {
      const frame& f = frames_[j];
      const bool last = j + 1 == frames_.size();
      const std::size_t end = last ? pending_.size() : frames_[j + 1].start;
      if (f.array) {
        p += '/';
        p += std::to_string(end - f.start);
      } else {
        append_pointer_token(p, last ? key_ : frames_[j + 1].key);
      }
    }
    return p;
  }

  [[noreturn]] void out_of_range(std::string_view written, std::string_view what,
                                 std::string_view expected) const {
    std::string shown = printable(written.substr(0, 40));
    if (written.size() > 40) shown += "…";
    fail("input.range", path_to(frames_.size()),
         std::string(what) + " " + shown + " is out of range; " + std::string(expected));
  }

  /// A value begins in the innermost container, an array: count it against the limits.
  void begin_item() {
    const frame& top = frames_.back();
    const std::size_t index = pending_.size() - top.start;
    const bool the_batch = batch_ && frames_.size() == 1;
    const std::size_t max = the_batch ? lim_.max_batch : lim_.max_list_items;
    if (index >= max)
      limit(path_to(frames_.size() - 1),
            the_batch ? detail::limit_reason::batch(max) : detail::limit_reason::list(max, pos_));
    if (the_batch) element_start_ = pos_;
    if (element_start_ != npos && pos_ - element_start_ > lim_.max_bytes) element_too_long();
  }

  /// An element of a batch has ended at pos_.
  void end_element() {
    if (element_start_ != npos && pos_ - element_start_ > lim_.max_bytes) element_too_long();
    element_start_ = npos;
  }

  [[noreturn]] void element_too_long() const {
    const std::size_t index = frames_.size() >= 2 ? frames_[1].start - frames_[0].start
                                                  : pending_.size() - frames_[0].start;
    limit("/" + std::to_string(index), detail::limit_reason::element_bytes(index, lim_.max_bytes));
  }

  [[noreturn]] void too_long(std::size_t open_quote, bool is_key) const {
    limit(path_to(is_key ? frames_.size() - 1 : frames_.size()),
          detail::limit_reason::string(lim_.max_string_bytes, open_quote, is_key));
  }

  [[noreturn]] static void limit(std::string path, std::string reason) {
    fail("input.limit", std::move(path), std::move(reason));
  }

  [[noreturn]] void syntax(std::size_t at, const std::string& what) const {
    fail("input.syntax", "", "malformed JSON at " + where(t_, at) + ": " + what);
  }

  [[noreturn]] void bad_utf8(std::size_t at) const {
    fail("input.utf8", "",
         "invalid UTF-8 at " + where(t_, at) + ": byte " +
             hex_byte(static_cast<unsigned char>(t_[at])) +
             " does not begin a well-formed sequence; the document must be UTF-8");
  }

  [[noreturn]] void control_character(std::size_t at) const {
    const auto c = static_cast<unsigned char>(t_[at]);
    if (c == 0)
      syntax(at, "a NUL byte (0x00), which JSON text cannot hold outside an escape (\\u0000)");
    syntax(at, "a control character (" + hex_byte(c) +
                   ") in a string; write it as an escape such as \\n, \\t or \\u001F");
  }

  [[noreturn]] void unterminated(std::size_t open_quote) const {
    syntax(t_.size(), "unexpected end of input in the string that begins at byte " +
                          std::to_string(open_quote) + "; expected '\"'");
  }

  /// A syntax error at pos_: what stands there, and what was expected.
  [[noreturn]] void unexpected(std::string_view expected) const {
    if (pos_ >= t_.size()) syntax(t_.size(), "unexpected end of input; " + std::string(expected));
    const auto c = static_cast<unsigned char>(t_[pos_]);
    if (c == 0)
      syntax(pos_, "a NUL byte (0x00), which JSON text cannot hold outside an escape (\\u0000)");
    if (c >= 0x80 && utf8_length(t_, pos_) == 0) bad_utf8(pos_);
    std::string shown;
    if (c < 0x20 || c == 0x7F)
      shown = "the control character " + hex_byte(c);
    else
      shown = "'" + printable(t_.substr(pos_, c < 0x80 ? 1 : utf8_length(t_, pos_))) + "'";
    syntax(pos_, "unexpected " + shown + "; " + std::string(expected));
  }

  std::string_view t_;
  document& doc_;
  const input_limits& lim_;
  bool batch_ = false;                // the top level is an array of applications
  std::size_t element_start_ = npos;  // where the current element of a batch began
  std::size_t pos_ = 0;
  std::vector<frame> frames_;
  std::vector<node> pending_;  // the values of the open containers, outermost first
  std::string_view key_;       // the key of the member being read
};

void parse_tree(std::string_view text, document& doc, const input_limits& limits) {
  tokenizer(text, doc, limits).run();
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

void expect(const node& v, node::kind k, const jpath& path, std::string_view expected) {
  if (v.k != k)
    fail("input.type", path, "expected " + std::string(expected) + ", found " + describe(v));
}

/// expect() for a code: the description is built only when it is needed.
void expect_code(const node& v, const jpath& path, std::string_view noun) {
  if (v.k != node::kind::string)
    expect(v, node::kind::string, path, "a string (" + std::string(noun) + " code)");
}

const node* find_member(const node& obj, std::string_view key) {
  for (const node& m : obj.children())
    if (m.key == key) return &m;
  return nullptr;
}

/// Throws input.missing for a required field that is absent or null.
void require(bool present, const node& obj, const jpath& path, std::string_view key) {
  if (present) return;
  const jpath p = child(path, key);
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
void for_each_field(const node& obj, const jpath& path, const object_info& info, F&& on_field) {
  expect(obj, node::kind::object, path, info.what);
  std::uint64_t seen = 0, present = 0;  // a bit per field of the table
  for (const node& m : obj.children()) {
    const jpath p = child(path, m.key);
    const field* f = format::find_field(info, m.key);
    if (f == nullptr)
      fail("input.unknown_field", p, unknown_reason("field", m.key, field_names(info)));
    const std::uint64_t bit = std::uint64_t{1} << static_cast<unsigned>(f - info.fields.data());
    if ((seen & bit) != 0)
      fail("input.duplicate_key", p,
           "field " + literal(m.key) + " appears more than once; a field may appear only once");
    seen |= bit;
    if (m.k == node::kind::null) continue;
    present |= bit;
    on_field(*f, m, p);
  }
  for (std::size_t i = 0; i < info.fields.size(); ++i)
    if (info.fields[i].required)
      require((present & (std::uint64_t{1} << i)) != 0, obj, path, info.fields[i].name);
}

/// Calls f(element, path) for every element of an array.
template <class F>
void for_each_item(const node& v, const jpath& path, std::string_view what, F&& f) {
  expect(v, node::kind::array, path, what);
  const auto items = v.children();
  for (std::size_t i = 0; i < items.size(); ++i) f(items[i], child(path, i));
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

std::string string_value(const node& v, const jpath& p) {
  expect(v, node::kind::string, p, "a string");
  return std::string(v.text);
}

class reader {
 public:
  explicit reader(const notice& n) : n_(n) {}

  application read_application(const node& v, const jpath& p) {
    application a;
    for_each_field(v, p, format::application, [&](const field& f, const node& x, const jpath& q) {
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
        for_each_object(f, x, q, [&](const node& e, const jpath& r) {
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

  static std::string read_string(const field& f, const node& v, const jpath& p) {
    agree(f, value_type::string);
    return string_value(v, p);
  }

  static bool read_bool(const field& f, const node& v, const jpath& p) {
    agree(f, value_type::boolean);
    expect(v, node::kind::boolean, p, "true or false");
    return v.boolean;
  }

  /// A JSON integer ≥ 0. 2.0 is refused: counts are written as integers.
  static std::int64_t count_value(const node& v, const jpath& p) {
    if (v.k == node::kind::number)
      fail("input.type", p,
           "expected an integer, found the decimal number " + std::string(v.text.substr(0, 40)) +
               "; write it without a fraction or exponent");
    expect(v, node::kind::integer, p, "an integer");
    if (v.integer < 0)
      fail("input.range", p, "expected a non-negative integer, found " + std::to_string(v.integer));
    return v.integer;
  }

  static std::int64_t read_count(const field& f, const node& v, const jpath& p) {
    agree(f, value_type::count);
    return count_value(v, p);
  }

  static double read_number(const field& f, const node& v, const jpath& p) {
    agree(f, value_type::number);
    if (v.k == node::kind::integer) return static_cast<double>(v.integer);
    expect(v, node::kind::number, p, "a number");
    return v.number;
  }

  static date read_date(const field& f, const node& v, const jpath& p) {
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
  static E read_enum(const field& f, const node& v, const jpath& p) {
    agree(f, value_type::enum_code);
    if (f.codes != format::enum_name<E>())
      throw std::logic_error("nxkx: field \"" + std::string(f.name) + "\" is read as " +
                             std::string(format::enum_name<E>()) + ", the table says " +
                             std::string(f.codes));
    expect_code(v, p, f.noun);
    if (auto e = from_code<E>(v.text)) return *e;
    std::vector<std::string> codes;
    for (const auto& item : code_table<E>::items) codes.emplace_back(item.second);
    fail("input.unknown_code", p, unknown_reason(f.noun, v.text, codes));
  }

  /// A code of the pack's vocabulary namespace `f.codes` (event_type …).
  std::string read_vocabulary(const field& f, const node& v, const jpath& p) const {
    agree(f, value_type::vocabulary);
    return vocabulary_value(v, p, f.codes, f.noun);
  }

  std::string vocabulary_value(const node& v, const jpath& p, std::string_view ns,
                               std::string_view noun) const {
    expect_code(v, p, noun);
    check_vocabulary(v.text, p, ns, noun);
    return std::string(v.text);
  }

  void check_vocabulary(std::string_view code, const jpath& p, std::string_view ns,
                        std::string_view noun) const {
    std::string key;
    key.reserve(ns.size() + 1 + code.size());
    key.append(ns).append(1, '.').append(code);
    if (n_.label(key) != nullptr) return;
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

  std::string read_project_type(const field& f, const node& v, const jpath& p) const {
    agree(f, value_type::project_type);
    expect_code(v, p, f.noun);
    if (n_.find_project_type(v.text) != nullptr) return std::string(v.text);
    std::vector<std::string> codes;
    for (const auto& t : n_.project_types()) codes.push_back(t.code);
    fail("input.unknown_code", p, unknown_reason(f.noun, v.text, codes));
  }

  static std::vector<std::string> read_strings(const field& f, const node& v, const jpath& p) {
    agree(f, value_type::strings);
    std::vector<std::string> out;
    for_each_item(v, p, f.noun,
                  [&](const node& e, const jpath& q) { out.push_back(string_value(e, q)); });
    return out;
  }

  std::vector<std::string> read_codes(const field& f, const node& v, const jpath& p) const {
    agree(f, value_type::vocabulary_list);
    std::vector<std::string> out;
    if (v.k != node::kind::array)
      expect(v, node::kind::array, p, "an array of " + std::string(f.noun) + " codes");
    for_each_item(v, p, "an array", [&](const node& e, const jpath& q) {
      out.push_back(vocabulary_value(e, q, f.codes, f.noun));
    });
    return out;
  }

  /// Calls g(element, path) for every element of an array of objects.
  template <class G>
  static void for_each_object(const field& f, const node& v, const jpath& p, G&& g) {
    agree(f, value_type::objects);
    for_each_item(v, p, f.noun, g);
  }

  static const object_info& object_of(const field& f, value_type t) {
    agree(f, t);
    return *f.object;
  }

  // -- objects --

  applicant read_applicant(const field& f, const node& v, const jpath& p,
                           joint_applicant* joint) const {
    applicant a;
    const object_info& info =
        joint != nullptr ? object_of(f, value_type::objects) : object_of(f, value_type::object);
    for_each_field(v, p, info, [&](const field& g, const node& x, const jpath& q) {
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
      else if (k == "field_name")
        a.field_name = read_string(g, x, q);
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

  static std::map<int, year_record> read_history(const field& f, const node& v, const jpath& p) {
    const object_info& info = object_of(f, value_type::history);
    expect(v, node::kind::object, p, f.noun);
    std::map<int, year_record> out;
    std::set<int> seen;
    for (const node& m : v.children()) {
      const jpath q = child(p, m.key);
      if (!is_year(m.key))
        fail("input.unknown_field", q,
             "unknown field " + literal(m.key) +
                 "; history is keyed by 4-digit years such as \"2024\"");
      const int year = (m.key[0] - '0') * 1000 + (m.key[1] - '0') * 100 + (m.key[2] - '0') * 10 +
                       (m.key[3] - '0');
      if (!seen.insert(year).second)
        fail("input.duplicate_key", q,
             "year " + std::string(m.key) +
                 " appears more than once; each year may appear only once");
      if (m.k != node::kind::null) out[year] = read_year(info, m, q);
    }
    return out;
  }

  static year_record read_year(const object_info& info, const node& v, const jpath& p) {
    year_record y;
    for_each_field(v, p, info, [&](const field& g, const node& x, const jpath& q) {
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

  static recommendation_letter read_letter(const field& f, const node& v, const jpath& p) {
    recommendation_letter l;
    for_each_field(v, p, object_of(f, value_type::object),
                   [&](const field& g, const node& x, const jpath& q) {
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

  static submission read_submission(const field& f, const node& v, const jpath& p) {
    submission s;
    for_each_field(v, p, object_of(f, value_type::object),
                   [&](const field& g, const node& x, const jpath& q) {
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

  static word_version read_word(const field& f, const node& v, const jpath& p) {
    word_version w;
    for_each_field(v, p, object_of(f, value_type::object),
                   [&](const field& g, const node& x, const jpath& q) {
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

  form read_form(const field& f, const node& v, const jpath& p) const {
    form out;
    for_each_field(v, p, object_of(f, value_type::object),
                   [&](const field& g, const node& x, const jpath& q) {
                     if (g.name == "parts")
                       out.parts = read_codes(g, x, q);
                     else
                       unread(g);
                   });
    return out;
  }

  plan read_plan(const field& f, const node& v, const jpath& p) const {
    plan pl;
    for_each_field(v, p, object_of(f, value_type::object),
                   [&](const field& g, const node& x, const jpath& q) {
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
                                                   const jpath& p) const {
    agree(f, value_type::targets);
    if (v.k != node::kind::object)
      expect(v, node::kind::object, p, "an object of " + std::string(f.noun) + "s");
    std::map<std::string, std::int64_t> out;
    std::set<std::string_view> seen;
    for (const node& m : v.children()) {
      const jpath q = child(p, m.key);
      check_vocabulary(m.key, q, f.codes, f.noun);
      if (!seen.insert(m.key).second)
        fail("input.duplicate_key", q,
             "field " + literal(m.key) + " appears more than once; a field may appear only once");
      if (m.k != node::kind::null) out[std::string(m.key)] = count_value(m, q);
    }
    return out;
  }

  records read_records(const field& f, const node& v, const jpath& p) const {
    records r;
    for_each_field(v, p, object_of(f, value_type::object),
                   [&](const field& g, const node& x, const jpath& q) {
                     const std::string_view k = g.name;
                     if (k == "events") {
                       for_each_object(g, x, q, [&](const node& e, const jpath& s) {
                         r.events.push_back(read_event(*g.object, e, s));
                       });
                     } else if (k == "transfers") {
                       for_each_object(g, x, q, [&](const node& e, const jpath& s) {
                         r.transfers.push_back(read_transfer(*g.object, e, s));
                       });
                     } else if (k == "platform_items") {
                       for_each_object(g, x, q, [&](const node& e, const jpath& s) {
                         r.platform_items.push_back(read_platform_item(*g.object, e, s));
                       });
                     } else if (k == "media_reports") {
                       for_each_object(g, x, q, [&](const node& e, const jpath& s) {
                         r.media_reports.push_back(read_media_report(*g.object, e, s));
                       });
                     } else if (k == "experts") {
                       for_each_object(g, x, q, [&](const node& e, const jpath& s) {
                         r.experts.push_back(read_expert(*g.object, e, s));
                       });
                     } else if (k == "governance_systems") {
                       r.governance_systems = read_codes(g, x, q);
                     } else if (k == "texts") {
                       for_each_object(g, x, q, [&](const node& e, const jpath& s) {
                         r.texts.push_back(read_text(*g.object, e, s));
                       });
                     } else {
                       unread(g);
                     }
                   });
    return r;
  }

  event read_event(const object_info& info, const node& v, const jpath& p) const {
    event e;
    for_each_field(v, p, info, [&](const field& g, const node& x, const jpath& q) {
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

  static transfer read_transfer(const object_info& info, const node& v, const jpath& p) {
    transfer t;
    for_each_field(v, p, info, [&](const field& g, const node& x, const jpath& q) {
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

  platform_item read_platform_item(const object_info& info, const node& v, const jpath& p) const {
    platform_item i;
    for_each_field(v, p, info, [&](const field& g, const node& x, const jpath& q) {
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

  static media_report read_media_report(const object_info& info, const node& v, const jpath& p) {
    media_report m;
    for_each_field(v, p, info, [&](const field& g, const node& x, const jpath& q) {
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

  static expert read_expert(const object_info& info, const node& v, const jpath& p) {
    expert e;
    for_each_field(v, p, info, [&](const field& g, const node& x, const jpath& q) {
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

  text_document read_text(const object_info& info, const node& v, const jpath& p) const {
    text_document t;
    for_each_field(v, p, info, [&](const field& g, const node& x, const jpath& q) {
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

application parse_application(std::string_view json_text, const notice& n,
                              const input_limits& limits) {
  document doc;
  parse_tree(json_text, doc, limits);
  if (doc.root.k != node::kind::object)
    fail("input.type", "", "expected an application object, found " + describe(doc.root));
  return reader(n).read_application(doc.root, jpath{});
}

std::vector<application> parse_applications(std::string_view json_text, const notice& n,
                                            const input_limits& limits) {
  document doc;
  parse_tree(json_text, doc, limits);
  std::vector<application> out;
  const jpath top;
  if (doc.root.k == node::kind::object) {
    out.push_back(reader(n).read_application(doc.root, top));
  } else if (doc.root.k == node::kind::array) {
    reader r(n);
    const auto items = doc.root.children();
    out.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i)
      out.push_back(r.read_application(items[i], child(top, i)));
  } else {
    fail("input.type", "",
         "expected an application object or an array of them, found " + describe(doc.root));
  }
  return out;
}

}  // namespace nxkx
