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
#include <functional>
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
#include "json_tree.hpp"
#include "limit_messages.hpp"
#include "notice_data.hpp"
#include "nxkx/error.hpp"
#include "nxkx/json.hpp"
#include "nxkx/limits.hpp"
#include "nxkx/text.hpp"
#include "utf8.hpp"

namespace nxkx {
namespace {

/// Longest user text quoted back in a reason, in code points.
constexpr std::size_t max_quoted = 60;

constexpr std::size_t npos = std::string_view::npos;

// ---- the document tree ----------------------------------------------------------------------

/// One JSON value (json_tree.hpp, where the Python binding builds the same tree from dicts).
using node = detail::json_node;
using document = detail::json_tree;

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

using detail::utf8_length;

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

/// A reason in English and Chinese.
struct msg {
  std::string en, zh;
};

msg operator+(msg a, const msg& b) {
  a.en += b.en;
  a.zh += b.zh;
  return a;
}

/// What the readers of the elements of one document share: the whole text, for the positions
/// and the encoding named in messages. Positions are counted on from the last one asked for (the
/// elements are read in order), and the encoding is guessed once, so that a batch of 100,000
/// broken elements costs one pass over its text, not one per error.
class doc_context {
 public:
  explicit doc_context(std::string_view whole) : whole_(whole) {}

  std::string_view whole() const noexcept { return whole_; }

  /// "byte 12 (line 2, column 3)" / "第 12 字节（第 2 行第 3 列）": the offset is 0-based; line
  /// and column (in characters) 1-based. Counted on from the position last asked for, unless
  /// that is further on.
  msg where(std::size_t offset) {
    offset = std::min(offset, whole_.size());
    if (offset < offset_) offset_ = 0, line_ = 1, column_ = 1;
    for (; offset_ < offset; ++offset_) {
      const auto c = static_cast<unsigned char>(whole_[offset_]);
      if (c == '\n') {
        ++line_;
        column_ = 1;
      } else if ((c & 0xC0) != 0x80) {
        ++column_;
      }
    }
    const bool at_end = offset == whole_.size();
    const std::string l = std::to_string(line_), col = std::to_string(column_);
    return {"byte " + std::to_string(offset) + (at_end ? " (end of input, " : " (") + "line " + l +
                ", column " + col + ")",
            "第 " + std::to_string(offset) + " 字节（" + (at_end ? "输入末尾，" : "") + "第 " + l +
                " 行第 " + col + " 列）"};
  }

  /// The sentence that says which encoding the document seems to be in, if it is not UTF-8.
  const msg& encoding_sentence() {
    if (!encoding_) {
      const encoding_hint h = hint_for_encoding(guess_encoding(whole_));
      encoding_ = h.en.empty() ? msg{} : msg{"; " + h.en, "；" + h.zh};
    }
    return *encoding_;
  }

 private:
  std::string_view whole_;
  std::size_t offset_ = 0, line_ = 1, column_ = 1;
  std::optional<msg> encoding_;
};

/// A code with its labels, for the code lists and suggestions of an error.
struct candidate {
  std::string code;
  std::string zh;  ///< the pack's Chinese label, or ""
  std::string en;  ///< the pack's English label, or ""
};

/// `code (label)` / `code（label）`.
msg labelled(const candidate& c) {
  if (c.zh.empty()) return {c.code, c.code};
  return {c.code + " (" + c.zh + ")", c.code + "（" + c.zh + "）"};
}

msg join(const std::vector<candidate>& items) {
  msg out;
  for (const auto& c : items) {
    if (!out.en.empty()) {
      out.en += ", ";
      out.zh += "、";
    }
    out = out + labelled(c);
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
const candidate* closest(std::string_view value, const std::vector<candidate>& all) {
  if (value.size() > 64) return nullptr;
  const candidate* best = nullptr;
  std::size_t best_d = 3;
  for (const auto& c : all) {
    const std::size_t d = distance(value, c.code);
    if (d < best_d && d * 3 <= c.code.size()) {
      best = &c;
      best_d = d;
    }
  }
  return best;
}

bool ascii_only(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string trimmed(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == npos) return {};
  const auto last = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(first, last - first + 1));
}

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [](char x, char y) { return lower(x) == lower(y); });
}

/// The codes whose label the value is (a Chinese value where a code belongs, "快递" for
/// courier): an exact label (Chinese, or English ignoring case) first; else, for a value that is
/// not ASCII, the codes whose Chinese label holds it or is held by it.
std::vector<const candidate*> by_label(std::string_view value, const std::vector<candidate>& all) {
  std::vector<const candidate*> out;
  const std::string v = trimmed(value);
  if (v.empty()) return out;
  for (const auto& c : all)
    if (c.zh == v || (!c.en.empty() && equal_ignoring_case(c.en, v))) out.push_back(&c);
  if (!out.empty() || ascii_only(v)) return out;
  for (const auto& c : all)
    if (!c.zh.empty() && (c.zh.find(v) != npos || v.find(c.zh) != npos)) out.push_back(&c);
  return out;
}

/// `unknown applicant kind "foo"; expected one of society (全区学会), park_sta (园区科协), …`,
/// or a suggestion: the code a typo meant, or the code whose label was written instead of it.
msg unknown_reason(const msg& noun, std::string_view value, const std::vector<candidate>& all) {
  msg out{"unknown " + noun.en + " " + literal(value), "未知的" + noun.zh + " " + literal(value)};
  if (const auto named = by_label(value, all); !named.empty() && named.size() <= 3) {
    msg list;
    for (const candidate* c : named) {
      if (!list.en.empty()) {
        list.en += " or ";
        list.zh += "或";
      }
      const msg one = labelled(*c);
      list.en += "\"" + c->code + "\"" + one.en.substr(c->code.size());
      list.zh += "\"" + c->code + "\"" + one.zh.substr(c->code.size());
    }
    return out + msg{"; write the code, not its label: " + list.en,
                     "；此处应填写代码而不是名称，应为 " + list.zh};
  }
  if (const candidate* c = closest(value, all)) {
    const msg one = labelled(*c);
    return out + msg{"; did you mean \"" + c->code + "\"" + one.en.substr(c->code.size()) + "?",
                     "；是否应为 \"" + c->code + "\"" + one.zh.substr(c->code.size()) + "？"};
  }
  if (!all.empty()) out = out + msg{"; expected one of ", "；应为以下之一："} + join(all);
  return out;
}

[[noreturn]] void fail(std::string code, std::string path, msg reason) {
  throw input_error(std::move(code), std::move(path), std::move(reason.en), std::move(reason.zh));
}

[[noreturn]] void fail(std::string code, const jpath& path, msg reason) {
  throw input_error(std::move(code), path.str(), std::move(reason.en), std::move(reason.zh));
}

[[noreturn]] void out_of_range_at(std::string path, std::string_view written, const msg& what,
                                  const msg& expected) {
  std::string shown = printable(written.substr(0, 40));
  if (written.size() > 40) shown += "…";
  fail("input.range", std::move(path),
       msg{what.en + " " + shown + " is out of range; ", what.zh + " " + shown + " 超出范围；"} +
           expected);
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

/// How a tokenizer reads its text.
struct tokenizer_mode {
  /// The text is an element of a batch read on its own: it begins at byte `base` of the
  /// document `ctx` holds (positions in messages are those of the document), inside the
  /// batch's array (which counts as one level of max_depth).
  doc_context* ctx = nullptr;
  std::size_t base = 0;
  std::size_t depth = 0;  ///< containers open around the text
  bool batch = true;      ///< a top-level array is a batch (else one value, max_bytes long)
  bool discard = false;   ///< a batch's elements are read and dropped: only errors count
  /// The text is element `element` of a batch: it may be at most max_bytes long, crossed where
  /// the reader of the whole batch would find it (at a key or a value, or at its end).
  std::optional<std::size_t> element;
};

/// A strict RFC 8259 reader into a `document`. Iterative: the open containers are a vector of
/// frames, and the values of the open containers wait in `pending_` until their container
/// closes, when they move, together, to the document's node array.
///
/// It applies the input_limits as it reads, with the reasons and pointers of the pre-scan
/// (limits.cpp), and never reads further than the crossing: a string stops at max_string_bytes,
/// a list at max_list_items, an element of a batch at max_bytes.
class tokenizer {
 public:
  tokenizer(std::string_view text, document& doc, const input_limits& limits, tokenizer_mode m = {})
      : t_(text),
        own_ctx_(m.ctx == nullptr ? std::optional<doc_context>(std::in_place, text) : std::nullopt),
        ctx_(m.ctx == nullptr ? &*own_ctx_ : m.ctx),
        base_(m.base),
        depth_(m.depth),
        batch_allowed_(m.batch),
        discard_(m.discard),
        element_(m.element),
        doc_(doc),
        lim_(limits) {
    if (!discard_) doc_.nodes.reserve(text.size() / 24 + 8);
    pending_.reserve(32);
    frames_.reserve(8);
  }

  void run() {
    // A UTF-8 byte order mark is skipped at the start of the document only: an element of a
    // batch (base_ > 0) that begins with one is malformed, as in the whole document's text.
    if (base_ == 0 && t_.starts_with("\xEF\xBB\xBF")) pos_ = 3;
    // White space before the top-level value counts against max_bytes: skip no more than that.
    while (pos_ < t_.size() && pos_ <= lim_.max_bytes && is_space(t_[pos_])) ++pos_;
    batch_ = batch_allowed_ && pos_ < t_.size() && t_[pos_] == '[';
    // One application larger than max_bytes, or a batch larger than max_batch_bytes, is
    // refused before a byte of it is read.
    if (element_)
      element_start_ = pos_;
    else if (!batch_ && t_.size() > lim_.max_bytes)
      limit("", detail::limit_reason::document_bytes(t_.size(), lim_.max_bytes));
    if (batch_ && t_.size() > lim_.max_batch_bytes)
      limit("", detail::limit_reason::batch_bytes(t_.size(), lim_.max_batch_bytes));
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
        if (element_start_ != npos && pos_ - element_start_ > lim_.max_bytes) element_too_long();
        if (pos_ != t_.size())
          unexpected({"expected the end of the input after the JSON value",
                      "JSON 值之后不应再有其他内容"});
        finish();
        return;
      }
      const bool array = frames_.back().array;
      const msg after = array ? msg{"expected ',' or ']'", "应为 ',' 或 ']'"}
                              : msg{"expected ',' or '}'", "应为 ',' 或 '}'"};
      if (pos_ == t_.size()) unexpected(after);
      const char c = t_[pos_];
      if (c == ',') {
        comma_ = pos_;
        ++pos_;
        s = array ? step::value : step::key;
      } else if (c == (array ? ']' : '}')) {
        ++pos_;
        close();
      } else {
        unexpected(after);
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
    if (pos_ == t_.size()) unexpected(expected_value());
    if (!frames_.empty() && frames_.back().array) {
      if (comma_ != npos && t_[pos_] == ']') trailing_comma(']');
      begin_item();
    }
    comma_ = npos;
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
        unexpected(expected_value());
    }
  }

  /// Reads a member's key and its colon.
  void key() {
    skip_space();
    if (element_start_ != npos && pos_ - element_start_ > lim_.max_bytes) element_too_long();
    if (comma_ != npos && pos_ < t_.size() && t_[pos_] == '}') trailing_comma('}');
    comma_ = npos;
    if (pos_ == t_.size() || t_[pos_] != '"')
      unexpected(
          {"expected a string (a member's key)", "应为字符串（成员的键名，用英文双引号括起）"});
    key_ = string(true);
    skip_space();
    if (pos_ == t_.size() || t_[pos_] != ':')
      unexpected({"expected ':' after a member's key", "键名之后应为冒号 ':'"});
    ++pos_;
  }

  step open(bool array) {
    if (depth_ + frames_.size() >= lim_.max_depth)
      limit(path_to(frames_.size()), detail::limit_reason::depth(lim_.max_depth, base_ + pos_));
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
    if (frames_.size() == 1 && batch_) {
      end_element();
      if (discard_) {  // the element is read: only its place in the batch is kept
        doc_.nodes.clear();
        doc_.decoded.clear();
        n = node{};
      }
    }
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
  void finish() { doc_.link(); }

  step literal(std::string_view word, node::kind k, bool b) {
    if (t_.substr(pos_, word.size()) != word) unexpected(expected_value());
    if (word.size() > lim_.max_string_bytes)
      limit(path_to(frames_.size()),
            detail::limit_reason::scalar(lim_.max_string_bytes, base_ + pos_));
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
      unexpected({"expected a digit in a number", "数字中此处应为数字字符"});
    }
    if (pos_ < n && t_[pos_] == '.') {
      integral = false;
      ++pos_;
      if (pos_ == n || !is_digit(t_[pos_]))
        unexpected({"expected a digit after '.' in a number", "数字的小数点 '.' 之后应为数字"});
      while (pos_ < n && is_digit(t_[pos_])) ++pos_;
    }
    if (pos_ < n && (t_[pos_] == 'e' || t_[pos_] == 'E')) {
      integral = false;
      ++pos_;
      if (pos_ < n && (t_[pos_] == '+' || t_[pos_] == '-')) ++pos_;
      if (pos_ == n || !is_digit(t_[pos_]))
        unexpected({"expected a digit in a number's exponent", "数字的指数部分应为数字"});
      while (pos_ < n && is_digit(t_[pos_])) ++pos_;
    }
    const std::string_view written = t_.substr(start, pos_ - start);
    if (written.size() > lim_.max_string_bytes)
      limit(path_to(frames_.size()),
            detail::limit_reason::scalar(lim_.max_string_bytes, base_ + start));
    node v;
    if (integral) {
      v.k = node::kind::integer;
      const auto [end, ec] =
          std::from_chars(written.data(), written.data() + written.size(), v.integer);
      if (ec != std::errc{} || end != written.data() + written.size())
        detail::integer_out_of_range(path_to(frames_.size()), written);
    } else {
      v.k = node::kind::number;
      v.text = written;
      v.number = decimal_value(written);
      if (!std::isfinite(v.number))
        out_of_range(written, {"number", "数字"}, {"expected a finite number", "应为有限的数"});
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
            syntax(i, {"a \\u escape of a low surrogate (U+" + hex4(cp) +
                           ") must follow one of a high surrogate (U+D800 to U+DBFF)",
                       "低位代理项的 \\u 转义（U+" + hex4(cp) +
                           "）之前必须有高位代理项（U+D800 至 U+DBFF）的转义"});
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            const msg unpaired{
                "a \\u escape of a high surrogate (U+" + hex4(cp) +
                    ") must be followed by one of a low surrogate (U+DC00 to U+DFFF)",
                "高位代理项的 \\u 转义（U+" + hex4(cp) +
                    "）之后必须紧跟低位代理项（U+DC00 至 U+DFFF）的转义"};
            if (i + 7 >= n || t_[i + 6] != '\\' || t_[i + 7] != 'u') syntax(i, unpaired);
            const std::uint32_t lo = unit(i + 6);
            if (lo < 0xDC00 || lo > 0xDFFF) syntax(i + 6, unpaired);
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
          {
            const std::string shown = printable(t_.substr(i + 1, utf8_length(t_, i + 1)));
            syntax(i, {"invalid escape '\\" + shown +
                           "' in a string; JSON has \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX",
                       "字符串中的转义 '\\" + shown +
                           "' 无效；JSON 的转义只有 \\\" \\\\ \\/ \\b \\f \\n \\r \\t 和 \\uXXXX"
                           "（路径中的反斜杠请写成 \\\\）"});
          }
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
      if (h < 0)
        syntax(i, {"expected four hexadecimal digits after \\u", "\\u 之后应为四位十六进制数字"});
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

  [[noreturn]] void out_of_range(std::string_view written, const msg& what,
                                 const msg& expected) const {
    out_of_range_at(path_to(frames_.size()), written, what, expected);
  }

  /// A value begins in the innermost container, an array: count it against the limits.
  void begin_item() {
    const frame& top = frames_.back();
    const std::size_t index = pending_.size() - top.start;
    const bool the_batch = batch_ && frames_.size() == 1;
    const std::size_t max = the_batch ? lim_.max_batch : lim_.max_list_items;
    if (index >= max)
      limit(path_to(frames_.size() - 1), the_batch ? detail::limit_reason::batch(max)
                                                   : detail::limit_reason::list(max, base_ + pos_));
    if (the_batch) element_start_ = pos_;
    if (element_start_ != npos && pos_ - element_start_ > lim_.max_bytes) element_too_long();
  }

  /// An element of a batch has ended at pos_.
  void end_element() {
    if (element_start_ != npos && pos_ - element_start_ > lim_.max_bytes) element_too_long();
    element_start_ = npos;
  }

  [[noreturn]] void element_too_long() const {
    if (element_) limit("", detail::limit_reason::element_bytes(*element_, lim_.max_bytes));
    const std::size_t index = frames_.size() >= 2 ? frames_[1].start - frames_[0].start
                                                  : pending_.size() - frames_[0].start;
    limit("/" + std::to_string(index), detail::limit_reason::element_bytes(index, lim_.max_bytes));
  }

  [[noreturn]] void too_long(std::size_t open_quote, bool is_key) const {
    limit(path_to(is_key ? frames_.size() - 1 : frames_.size()),
          detail::limit_reason::string(lim_.max_string_bytes, base_ + open_quote, is_key));
  }

  [[noreturn]] static void limit(std::string path, detail::limit_reason::text reason) {
    detail::limit_reason::raise(std::move(path), std::move(reason));
  }

  static msg expected_value() {
    return {"expected a value", "此处应为一个值（字符串、数字、true、false、null、对象或数组）"};
  }

  /// The sentence that says which encoding the document seems to be in, if it is not UTF-8.
  msg encoding_sentence() const { return ctx_->encoding_sentence(); }

  [[noreturn]] void syntax(std::size_t at, const msg& what) const {
    const msg w = ctx_->where(base_ + at);
    fail("input.syntax", "",
         msg{"malformed JSON at " + w.en + ": ", "JSON 格式错误，位于" + w.zh + "："} + what);
  }

  [[noreturn]] void bad_utf8(std::size_t at) const {
    const msg w = ctx_->where(base_ + at);
    const std::string byte = hex_byte(static_cast<unsigned char>(t_[at]));
    fail("input.utf8", "",
         msg{"invalid UTF-8 at " + w.en + ": byte " + byte +
                 " does not begin a well-formed sequence; the document must be UTF-8",
             w.zh + "处不是有效的 UTF-8：字节 " + byte +
                 " 不是合法序列的开头；文件须以 UTF-8 编码保存"} +
             encoding_sentence());
  }

  [[noreturn]] void nul_byte(std::size_t at) const {
    syntax(at, msg{"a NUL byte (0x00), which JSON text cannot hold outside an escape (\\u0000)",
                   "出现 NUL 字节（0x00），JSON 文本中只能以转义 \\u0000 的形式出现"} +
                   encoding_sentence());
  }

  /// A comma that ends an object or array: "[1, 2,]", {"a": 1,}.
  [[noreturn]] void trailing_comma(char bracket) const {
    const std::string b(1, bracket);
    syntax(comma_, {"a comma before '" + b + "': JSON allows no comma after the last " +
                        (bracket == '}' ? "member" : "item") + "; delete this comma",
                    "'" + b + "' 之前多了一个逗号：JSON 中最后一个" +
                        (bracket == '}' ? "成员" : "元素") + "之后不能有逗号，请删除这个逗号"});
  }

  [[noreturn]] void control_character(std::size_t at) const {
    const auto c = static_cast<unsigned char>(t_[at]);
    if (c == 0) nul_byte(at);
    syntax(at, {"a control character (" + hex_byte(c) +
                    ") in a string; write it as an escape such as \\n, \\t or \\u001F",
                "字符串中出现控制字符（" + hex_byte(c) +
                    "）；请写成转义形式，如 \\n、\\t 或 \\u001F（字符串不能直接换行）"});
  }

  [[noreturn]] void unterminated(std::size_t open_quote) const {
    const std::string at = std::to_string(base_ + open_quote);
    syntax(t_.size(),
           {"unexpected end of input in the string that begins at byte " + at + "; expected '\"'",
            "从第 " + at + " 字节开始的字符串没有结束：缺少右引号 '\"'"});
  }

  /// What a character people type by mistake in JSON stands for, when it is one.
  static std::optional<msg> common_mistake(std::string_view at) {
    struct wide {
      std::string_view bytes, ascii, en, zh;
    };
    static constexpr wide wides[] = {
        {"，", ",", "a full-width comma", "全角逗号"},
        {"：", ":", "a full-width colon", "全角冒号"},
        {"“", "\"", "a curly quotation mark", "中文引号"},
        {"”", "\"", "a curly quotation mark", "中文引号"},
        {"‘", "\"", "a curly quotation mark", "中文引号"},
        {"’", "\"", "a curly quotation mark", "中文引号"},
        {"｛", "{", "a full-width brace", "全角花括号"},
        {"｝", "}", "a full-width brace", "全角花括号"},
        {"［", "[", "a full-width bracket", "全角方括号"},
        {"］", "]", "a full-width bracket", "全角方括号"},
        {"【", "[", "a Chinese bracket", "中文方括号"},
        {"】", "]", "a Chinese bracket", "中文方括号"},
        {"、", ",", "an enumeration comma", "顿号"},
    };
    for (const wide& w : wides)
      if (at.starts_with(w.bytes))
        return msg{"'" + std::string(w.bytes) + "' is " + std::string(w.en) +
                       "; JSON needs the ASCII '" + std::string(w.ascii) + "'",
                   "'" + std::string(w.bytes) + "' 是" + std::string(w.zh) + "；JSON 只认半角的 '" +
                       std::string(w.ascii) + "'，请切换到英文输入法重新输入"};
    if (at.starts_with("//") || at.starts_with("/*"))
      return msg{"JSON has no comments; delete the comment",
                 "JSON 不支持注释（// 或 /* */），请删除注释"};
    if (at.starts_with("'"))
      return msg{"strings are in double quotes (\"…\"), not single quotes",
                 "JSON 的字符串须用英文双引号 \"…\" 括起，不能用单引号"};
    const char c = at.empty() ? '\0' : at[0];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_')
      return msg{
          "a word without quotes; text is written in double quotes (\"like this\"), and the "
          "only bare words are true, false and null (lower case)",
          "出现了没有引号的词；文字须用英文双引号括起（如 \"like this\"），不加引号的只有 true、"
          "false 和 null（小写）"};
    return std::nullopt;
  }

  /// A syntax error at pos_: what stands there, and what was expected.
  [[noreturn]] void unexpected(const msg& expected) const {
    if (pos_ >= t_.size())
      syntax(t_.size(), msg{"unexpected end of input; ", "输入意外结束；"} + expected);
    const auto c = static_cast<unsigned char>(t_[pos_]);
    if (c == 0) nul_byte(pos_);
    if (c >= 0x80 && utf8_length(t_, pos_) == 0) bad_utf8(pos_);
    std::string shown;
    msg what;
    if (c < 0x20 || c == 0x7F) {
      shown = hex_byte(c);
      what = {"unexpected the control character " + shown + "; ",
              "出现了意外的控制字符 " + shown + "；"};
    } else {
      shown = "'" + printable(t_.substr(pos_, c < 0x80 ? 1 : utf8_length(t_, pos_))) + "'";
      what = {"unexpected " + shown + "; ", "出现了意外的 " + shown + "；"};
    }
    if (const auto mistake = common_mistake(t_.substr(pos_)))
      syntax(pos_, what + *mistake + msg{" (", "（"} + expected + msg{")", "）"});
    syntax(pos_, what + expected);
  }

  std::string_view t_;
  std::optional<doc_context> own_ctx_;  // when t_ is the whole document
  doc_context* ctx_;                    // the document t_ is part of, for positions
  std::size_t base_ = 0;                // where t_ begins in the document
  std::size_t depth_ = 0;               // containers open around t_
  bool batch_allowed_ = true;
  bool discard_ = false;
  std::optional<std::size_t> element_;  // the index of the element t_ is, read on its own
  document& doc_;
  const input_limits& lim_;
  std::size_t comma_ = npos;          // the comma just read, until a key or value follows
  bool batch_ = false;                // the top level is an array of applications
  std::size_t element_start_ = npos;  // where the current element of a batch began
  std::size_t pos_ = 0;
  std::vector<frame> frames_;
  std::vector<node> pending_;  // the values of the open containers, outermost first
  std::string_view key_;       // the key of the member being read
};

// ---- pass 2: tree to model ------------------------------------------------------------------

msg describe(const node& v) {
  switch (v.k) {
    case node::kind::null:
      return {"null", "null"};
    case node::kind::boolean:
      return {"a boolean", "布尔值"};
    case node::kind::integer:
      return {"an integer", "整数"};
    case node::kind::number:
      return {"a decimal number", "小数"};
    case node::kind::string:
      return {"a string", "字符串"};
    case node::kind::array:
      return {"an array", "数组"};
    case node::kind::object:
      return {"an object", "对象"};
  }
  return {"a value", "值"};
}

[[noreturn]] void wrong_type(const node& v, const jpath& path, const msg& expected) {
  const msg found = describe(v);
  fail("input.type", path,
       {"expected " + expected.en + ", found " + found.en,
        "应为" + expected.zh + "，实为" + found.zh});
}

void expect(const node& v, node::kind k, const jpath& path, const msg& expected) {
  if (v.k != k) wrong_type(v, path, expected);
}

/// What a field's code is called: "applicant kind" / its Chinese title.
msg noun_of(const detail::format::field& f) { return {std::string(f.noun), std::string(f.zh)}; }

/// expect() for a code: the description is built only when it is needed.
void expect_code(const node& v, const jpath& path, const detail::format::field& f) {
  if (v.k != node::kind::string)
    wrong_type(
        v, path,
        {"a string (" + std::string(f.noun) + " code)", "字符串（" + std::string(f.zh) + "代码）"});
}

const node* find_member(const node& obj, std::string_view key) {
  for (const node& m : obj.children())
    if (m.key == key) return &m;
  return nullptr;
}

namespace format = detail::format;
using format::field;
using format::object_info;
using format::value_type;

/// Throws input.missing for a required field that is absent or null.
void require(bool present, const node& obj, const jpath& path, const field& f) {
  if (present) return;
  const jpath p = child(path, f.name);
  const std::string title = "“" + std::string(f.zh) + "”（" + std::string(f.name) + "）";
  if (find_member(obj, f.name) != nullptr)
    fail("input.missing", p, {"required field is null", "必填字段" + title + "为 null，须填写"});
  fail("input.missing", p, {"required field is missing", "缺少必填字段" + title});
}

std::vector<candidate> field_names(const object_info& info) {
  std::vector<candidate> out;
  for (const field& f : info.fields) out.push_back({std::string(f.name), std::string(f.zh), {}});
  return out;
}

msg object_noun(const object_info& info) {
  return {std::string(info.what), "对象（" + std::string(info.zh) + "）"};
}

/// The message of an unknown field: a suggestion, or the fields the object has.
msg unknown_field(std::string_view key, const object_info& info) {
  const std::vector<candidate> names = field_names(info);
  msg out{"unknown field " + literal(key), "未知字段 " + literal(key)};
  if (const auto named = by_label(key, names); named.size() == 1)
    return out + msg{"; field names are in English: write \"" + named[0]->code + "\"",
                     "；字段名须用英文：应为 \"" + named[0]->code + "\"（" + named[0]->zh + "）"};
  if (const candidate* c = closest(key, names))
    return out + msg{"; did you mean \"" + c->code + "\"?",
                     "；是否应为 \"" + c->code + "\"（" + c->zh + "）？"};
  msg list = join(names);
  list.en.clear();  // English readers get the names alone; Chinese ones their titles too
  for (const auto& c : names) list.en += (list.en.empty() ? "" : ", ") + c.code;
  return out + msg{"; expected one of ", "；" + std::string(info.zh) + "的字段为："} + list;
}

msg duplicate_field(std::string_view key) {
  return {"field " + literal(key) + " appears more than once; a field may appear only once",
          "字段 " + literal(key) + " 出现了不止一次；每个字段只能出现一次"};
}

/// Calls on_field(field, value, path) for every member of `obj` in document order, after
/// checking that the format (application_fields.cpp) defines it for this object and that it
/// appears once; then checks that every required field is present and not null. Null members
/// are unknown facts: they are checked but not passed on.
template <class F>
void for_each_field(const node& obj, const jpath& path, const object_info& info, F&& on_field) {
  if (obj.k != node::kind::object) wrong_type(obj, path, object_noun(info));
  std::uint64_t seen = 0, present = 0;  // a bit per field of the table
  for (const node& m : obj.children()) {
    const jpath p = child(path, m.key);
    const field* f = format::find_field(info, m.key);
    if (f == nullptr) fail("input.unknown_field", p, unknown_field(m.key, info));
    const std::uint64_t bit = std::uint64_t{1} << static_cast<unsigned>(f - info.fields.data());
    if ((seen & bit) != 0) fail("input.duplicate_key", p, duplicate_field(m.key));
    seen |= bit;
    if (m.k == node::kind::null) continue;
    present |= bit;
    on_field(*f, m, p);
  }
  for (std::size_t i = 0; i < info.fields.size(); ++i)
    if (info.fields[i].required)
      require((present & (std::uint64_t{1} << i)) != 0, obj, path, info.fields[i]);
}

/// How a type error names the array a field holds.
msg array_noun(const field& f) {
  if (f.type == value_type::strings)
    return {std::string(f.noun), "字符串数组（" + std::string(f.zh) + "）"};
  return {std::string(f.noun), "数组（" + std::string(f.zh) + "）"};
}

/// Calls g(element, path) for every element of an array.
template <class G>
void for_each_item(const node& v, const jpath& path, const field& f, G&& g) {
  if (v.k != node::kind::array) wrong_type(v, path, array_noun(f));
  const auto items = v.children();
  for (std::size_t i = 0; i < items.size(); ++i) g(items[i], child(path, i));
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
  expect(v, node::kind::string, p, {"a string", "字符串"});
  return std::string(v.text);
}

/// True when `s` is a JSON number as written (what a number in quotes holds).
bool json_number_text(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && s[i] == '-') ++i;
  const std::size_t digits = i;
  while (i < s.size() && is_digit(s[i])) ++i;
  if (i == digits) return false;
  if (i < s.size() && s[i] == '.') {
    const std::size_t f = ++i;
    while (i < s.size() && is_digit(s[i])) ++i;
    if (i == f) return false;
  }
  return i == s.size() && s.size() <= 40;
}

/// A number written as a string ("2"): the message that says to drop the quotes.
void no_quoted_number(const node& v, const jpath& p, const msg& expected) {
  if (v.k != node::kind::string) return;
  const std::string t = trimmed(v.text);
  if (!json_number_text(t)) return;
  fail("input.type", p,
       {"expected " + expected.en + ", found the string " + literal(v.text) +
            "; write the number without quotes: " + t,
        "应为" + expected.zh + "，实为字符串 " + literal(v.text) + "；数字不加引号，请写成 " + t});
}

/// "2025/05/15", "2025.5.15", "2025年5月15日": a date in another form, as YYYY-MM-DD, or "".
std::string date_in_other_form(std::string_view s) {
  const std::string t = trimmed(s);
  std::size_t i = 0;
  auto number = [&](std::size_t max_digits, int& out) {
    const std::size_t begin = i;
    out = 0;
    while (i < t.size() && is_digit(t[i]) && i - begin < max_digits)
      out = out * 10 + (t[i++] - '0');
    return i > begin;
  };
  auto separator = [&](std::string_view word) {
    if (i < t.size() && (t[i] == '/' || t[i] == '.' || t[i] == '-')) {
      ++i;
      return true;
    }
    if (!word.empty() && std::string_view(t).substr(i).starts_with(word)) {
      i += word.size();
      return true;
    }
    return false;
  };
  int y = 0, m = 0, d = 0;
  if (!number(4, y) || i != 4 || !separator("年") || !number(2, m) || !separator("月") ||
      !number(2, d))
    return {};
  if (std::string_view(t).substr(i).starts_with("日")) i += std::string_view("日").size();
  if (i != t.size()) return {};
  const date ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                 std::chrono::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return {};
  const std::string out = format_date(ymd);
  return out == t ? std::string() : out;
}

class reader {
 public:
  explicit reader(const notice& n)
      : n_(n), vocab_(detail::data_of(n)), fmt_(detail::data_of(n).format) {}

  application read_application(const node& v, const jpath& p) {
    application a;
    a.declared.reserve(fmt_.application->declared);
    for_each_field(v, p, *fmt_.application, [&](const field& f, const node& x, const jpath& q) {
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
        a.applicant = read_applicant(f, x, q, false);
      } else if (k == "joint_applicants") {
        for_each_object(f, x, q, [&](const node& e, const jpath& r) {
          a.joint_applicants.push_back(read_applicant(f, e, r, true));
        });
      } else if (k == "recommendation_letter") {
        a.recommendation_letter = read_letter(f, x, q);
      } else if (k == "submission") {
        a.submission = read_submission(f, x, q);
      } else if (k == "form") {
        a.form = read_form(f, x, q);
      } else if (k == "plan") {
        a.plan = read_plan(f, x, q);
      } else if (k == "records") {
        a.records = read_records(f, x, q);
      } else if (k == "completion") {
        for_each_field(x, q, object_of(f, value_type::object),
                       [&](const field& g, const node& y, const jpath& r) {
                         if (g.name == "submission")
                           a.completion.submission = read_submission(g, y, r);
                         else
                           unread(g);
                       });
      } else if (f.declaration >= 0) {
        a.declared.set(static_cast<std::size_t>(f.declaration), read_declared(f, x, q));
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
    if (v.k == node::kind::string) {
      static constexpr std::string_view yes[] = {"true", "True", "TRUE", "yes",
                                                 "Yes",  "是",   "有",   "已"};
      static constexpr std::string_view no[] = {"false", "False", "FALSE", "no",
                                                "No",    "否",    "无",    "未"};
      const std::string t = trimmed(v.text);
      const bool is_yes = std::find(std::begin(yes), std::end(yes), t) != std::end(yes);
      const bool is_no = std::find(std::begin(no), std::end(no), t) != std::end(no);
      if (is_yes || is_no)
        fail("input.type", p,
             {"expected true or false, found the string " + literal(v.text) + "; write " +
                  (is_yes ? "true" : "false") + " without quotes",
              "应为 true 或 false，实为字符串 " + literal(v.text) + "；请写成不带引号的 " +
                  (is_yes ? "true（是）" : "false（否）")});
    }
    expect(v, node::kind::boolean, p, {"true or false", "true 或 false"});
    return v.boolean;
  }

  /// A JSON integer ≥ 0. 2.0 is refused: counts are written as integers.
  static std::int64_t count_value(const node& v, const jpath& p) {
    if (v.k == node::kind::number) {
      const std::string shown(v.text.substr(0, 40));
      fail("input.type", p,
           {"expected an integer, found the decimal number " + shown +
                "; write it without a fraction or exponent",
            "应为整数，实为小数 " + shown + "；请去掉小数部分或指数，写成整数"});
    }
    const msg integer{"an integer", "整数"};
    no_quoted_number(v, p, integer);
    expect(v, node::kind::integer, p, integer);
    if (v.integer < 0)
      fail("input.range", p,
           {"expected a non-negative integer, found " + std::to_string(v.integer),
            "应为非负整数，实为 " + std::to_string(v.integer)});
    return v.integer;
  }

  static std::int64_t read_count(const field& f, const node& v, const jpath& p) {
    agree(f, value_type::count);
    return count_value(v, p);
  }

  static double read_number(const field& f, const node& v, const jpath& p) {
    agree(f, value_type::number);
    if (v.k == node::kind::integer) return static_cast<double>(v.integer);
    const msg number{"a number", "数字"};
    no_quoted_number(v, p, number);
    expect(v, node::kind::number, p, number);
    return v.number;
  }

  static date read_date(const field& f, const node& v, const jpath& p) {
    agree(f, value_type::date);
    static const msg expected{
        "a date YYYY-MM-DD or an RFC 3339 timestamp such as 2025-05-16T09:30:00+08:00",
        "日期字符串 YYYY-MM-DD 或 RFC 3339 时间戳（如 2025-05-16T09:30:00+08:00）"};
    expect(v, node::kind::string, p, expected);
    std::string why, why_zh;
    std::optional<date> d;
    if (v.text.size() <= 64) {  // nothing longer can be a date; spare the date parser
      try {
        date_parse_result parsed = parse_date(v.text);
        d = parsed.parsed;
        why = std::move(parsed.why);
        why_zh = std::move(parsed.why_zh);
      } catch (const std::exception& e) {
        why = why_zh = e.what();
      }
    }
    if (!d) {
      if (const std::string other = date_in_other_form(v.text); !other.empty())
        fail("input.date", p,
             {"not a date: expected YYYY-MM-DD, found " + literal(v.text) + "; write it as \"" +
                  other + "\"",
              "日期格式不对：应为 YYYY-MM-DD，实为 " + literal(v.text) + "；请写成 \"" + other +
                  "\""});
      // parse_date says what is wrong ("no such day: 2025-02-30"); add the text if it doesn't.
      if (why.empty()) {
        why = "expected " + expected.en;
        why_zh = "应为" + expected.zh;
      }
      if (why.find(v.text) == std::string::npos) {
        why += ", found " + literal(v.text);
        why_zh += "，实为 " + literal(v.text);
      }
      fail("input.date", p, {printable(why), printable(why_zh)});
    }
    return *d;
  }

  /// The value of one of the pack's declarations, read as the type the pack gives it.
  declared_value read_declared(const field& f, const node& v, const jpath& p) const {
    switch (f.type) {
      case value_type::boolean:
        return read_bool(f, v, p);
      case value_type::vocabulary:
        return read_vocabulary(f, v, p);
      case value_type::date:
        return read_date(f, v, p);
      case value_type::count:
        return read_count(f, v, p);
      case value_type::string:
        return read_string(f, v, p);
      default:
        unread(f);
    }
  }

  /// A code of the pack's vocabulary namespace `f.codes` (event_type …).
  std::string read_vocabulary(const field& f, const node& v, const jpath& p) const {
    agree(f, value_type::vocabulary);
    return vocabulary_value(v, p, f);
  }

  std::string vocabulary_value(const node& v, const jpath& p, const field& f) const {
    expect_code(v, p, f);
    check_vocabulary(v.text, p, f);
    return std::string(v.text);
  }

  void check_vocabulary(std::string_view code, const jpath& p, const field& f) const {
    // "ns.code" on the stack when it fits (the codes of a pack are short): no allocation.
    char small[64];
    std::string large;
    std::string_view key;
    if (f.codes.size() + 1 + code.size() <= sizeof small) {
      f.codes.copy(small, f.codes.size());
      small[f.codes.size()] = '.';
      code.copy(small + f.codes.size() + 1, code.size());
      key = {small, f.codes.size() + 1 + code.size()};
    } else {
      large.append(f.codes).append(1, '.').append(code);
      key = large;
    }
    if (vocab_.label(key) != nullptr) return;
    fail("input.unknown_code", p, unknown_reason(noun_of(f), code, vocabulary(f.codes)));
  }

  /// The codes of a vocabulary namespace, in the pack's order, with their labels, for an error
  /// message.
  std::vector<candidate> vocabulary(std::string_view ns) const {
    std::vector<candidate> out;
    for (std::string_view code : detail::data_of(n_).codes(ns)) {
      const localized* l = n_.label(std::string(ns) + "." + std::string(code));
      out.push_back({std::string(code), l != nullptr ? l->zh : std::string(),
                     l != nullptr ? l->en : std::string()});
    }
    return out;
  }

  std::string read_project_type(const field& f, const node& v, const jpath& p) const {
    agree(f, value_type::project_type);
    expect_code(v, p, f);
    if (n_.find_project_type(v.text) != nullptr) return std::string(v.text);
    std::vector<candidate> codes;
    for (const auto& t : n_.project_types()) codes.push_back({t.code, t.name.zh, t.name.en});
    fail("input.unknown_code", p, unknown_reason(noun_of(f), v.text, codes));
  }

  static std::vector<std::string> read_strings(const field& f, const node& v, const jpath& p) {
    agree(f, value_type::strings);
    std::vector<std::string> out;
    for_each_item(v, p, f,
                  [&](const node& e, const jpath& q) { out.push_back(string_value(e, q)); });
    return out;
  }

  std::vector<std::string> read_codes(const field& f, const node& v, const jpath& p) const {
    agree(f, value_type::vocabulary_list);
    std::vector<std::string> out;
    if (v.k != node::kind::array)
      wrong_type(v, p,
                 {"an array of " + std::string(f.noun) + " codes",
                  "代码数组（" + std::string(f.zh) + "）"});
    for (std::size_t i = 0; i < v.children().size(); ++i)
      out.push_back(vocabulary_value(v.children()[i], child(p, i), f));
    return out;
  }

  /// Calls g(element, path) for every element of an array of objects.
  template <class G>
  static void for_each_object(const field& f, const node& v, const jpath& p, G&& g) {
    agree(f, value_type::objects);
    for_each_item(v, p, f, g);
  }

  static const object_info& object_of(const field& f, value_type t) {
    agree(f, t);
    return *f.object;
  }

  // -- objects --

  organisation read_applicant(const field& f, const node& v, const jpath& p, bool joint) const {
    organisation a;
    const object_info& info =
        joint ? object_of(f, value_type::objects) : object_of(f, value_type::object);
    a.declared.reserve(info.declared);
    for_each_field(v, p, info, [&](const field& g, const node& x, const jpath& q) {
      const std::string_view k = g.name;
      if (g.declaration >= 0)
        a.declared.set(static_cast<std::size_t>(g.declaration), read_declared(g, x, q));
      else if (k == "name")
        a.name = read_string(g, x, q);
      else if (k == "credit_code")
        a.credit_code = read_string(g, x, q);
      else if (k == "kind")
        a.kind = read_vocabulary(g, x, q);
      else if (k == "division")
        a.division = read_string(g, x, q);
      else if (k == "history")
        a.history = read_history(g, x, q);
      else
        unread(g);
    });
    return a;
  }

  static bool is_year(std::string_view s) {
    return s.size() == 4 &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  }

  std::map<int, declarations> read_history(const field& f, const node& v, const jpath& p) const {
    const object_info& info = object_of(f, value_type::history);
    expect(v, node::kind::object, p,
           {std::string(f.noun), "以四位年份为键的对象（" + std::string(f.zh) + "）"});
    std::map<int, declarations> out;
    std::set<int> seen;
    for (const node& m : v.children()) {
      const jpath q = child(p, m.key);
      if (!is_year(m.key)) {
        msg why{"unknown field " + literal(m.key) + "; history is keyed by 4-digit years (YYYY)",
                "未知字段 " + literal(m.key) + "；往年情况须以四位年份（YYYY）为键"};
        if (m.key.size() > 4 && is_year(m.key.substr(0, 4)) && m.key.substr(4) == "年")
          why = why + msg{"; write \"" + std::string(m.key.substr(0, 4)) + "\"",
                          "，请写成 \"" + std::string(m.key.substr(0, 4)) + "\""};
        fail("input.unknown_field", q, why);
      }
      const int year = (m.key[0] - '0') * 1000 + (m.key[1] - '0') * 100 + (m.key[2] - '0') * 10 +
                       (m.key[3] - '0');
      if (!seen.insert(year).second)
        fail("input.duplicate_key", q,
             {"year " + std::string(m.key) +
                  " appears more than once; each year may appear only once",
              "年份 " + std::string(m.key) + " 出现了不止一次；每个年份只能出现一次"});
      if (m.k != node::kind::null) out[year] = read_year(info, m, q);
    }
    return out;
  }

  declarations read_year(const object_info& info, const node& v, const jpath& p) const {
    declarations y;
    y.reserve(info.declared);
    for_each_field(v, p, info, [&](const field& g, const node& x, const jpath& q) {
      if (g.declaration >= 0)
        y.set(static_cast<std::size_t>(g.declaration), read_declared(g, x, q));
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

  submission read_submission(const field& f, const node& v, const jpath& p) const {
    submission s;
    const object_info& info = object_of(f, value_type::object);
    s.declared.reserve(info.declared);
    for_each_field(v, p, info, [&](const field& g, const node& x, const jpath& q) {
      const std::string_view k = g.name;
      if (k == "paper_copies")
        s.paper_copies = read_count(g, x, q);
      else if (k == "sealed")
        s.sealed = read_bool(g, x, q);
      else if (k == "delivery")
        s.delivery = read_vocabulary(g, x, q);
      else if (g.declaration >= 0)
        s.declared.set(static_cast<std::size_t>(g.declaration), read_declared(g, x, q));
      else if (k == "word_version")
        s.word_version = read_word(g, x, q);
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
      wrong_type(
          v, p, {"an object of " + std::string(f.noun) + "s", "对象（" + std::string(f.zh) + "）"});
    std::map<std::string, std::int64_t> out;
    std::set<std::string_view> seen;
    for (const node& m : v.children()) {
      const jpath q = child(p, m.key);
      check_vocabulary(m.key, q, f);
      if (!seen.insert(m.key).second) fail("input.duplicate_key", q, duplicate_field(m.key));
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
      else if (k == "file")
        t.file = read_string(g, x, q);
      else
        unread(g);
    });
    const node* content = find_member(v, "content");
    const node* file = find_member(v, "file");
    if (content != nullptr && file != nullptr && content->k != node::kind::null &&
        file->k != node::kind::null)
      fail("input.conflict", child(p, "file"),
           {"a text gives both content and file; give the text in one of them",
            "正文（content）和文件（file）只能填写一项"});
    return t;
  }

  const notice& n_;
  const detail::notice_data& vocab_;  // the vocabulary, looked up inline
  const detail::format::notice_format& fmt_;
};

}  // namespace

namespace {

/// One application object (or another value, refused as `expected`): the whole text is one
/// document of at most max_bytes, never a batch, whatever its first character.
const msg one_application{"an application object", "一份申报（JSON 对象）"};

application read_one(std::string_view json_text, const notice& n, const input_limits& limits,
                     const msg& expected) {
  document doc;
  tokenizer_mode m;
  m.batch = false;
  tokenizer(json_text, doc, limits, m).run();
  if (doc.root.k != node::kind::object) wrong_type(doc.root, jpath{}, expected);
  return reader(n).read_application(doc.root, jpath{});
}

/// Where an element of a batch lies in its text.
struct element_span {
  std::size_t begin = 0, size = 0;
};

/// Where each element of the top-level array that opens at t[open] ('[') lies, found by matching
/// brackets outside strings, without judging the elements; nullopt when the array does not close,
/// an element is empty ("[1,,2]", "[1,]") or text follows the array. Memory: two numbers an
/// element; it throws input.limit as soon as element max_batch + 1 begins.
std::optional<std::vector<element_span>> split_elements(std::string_view t, std::size_t open,
                                                        const input_limits& limits) {
  std::vector<element_span> out;
  const std::size_t n = t.size();
  std::size_t pos = open + 1;
  auto skip = [&] {
    while (pos < n && is_space(t[pos])) ++pos;
  };
  skip();
  if (pos < n && t[pos] == ']') {
    ++pos;
  } else {
    for (;;) {
      skip();
      const std::size_t start = pos;
      if (pos < n && t[pos] != ',' && t[pos] != ']' && out.size() >= limits.max_batch)
        detail::limit_reason::raise("", detail::limit_reason::batch(limits.max_batch));
      std::size_t depth = 0;
      bool closed = false;
      while (pos < n) {
        const char c = t[pos];
        if (c == '"') {
          // To the closing quote: straight past the bytes that are neither '"' nor '\\'.
          for (++pos; pos < n; ++pos) {
            const char d = t[pos];
            if (d == '"') break;
            if (d == '\\') ++pos;
          }
          if (pos >= n) return std::nullopt;
        } else if (c == '{' || c == '[') {
          ++depth;
        } else if (c == '}' || c == ']') {
          if (depth == 0) {
            if (c == '}') return std::nullopt;
            closed = true;
            break;
          }
          --depth;
        } else if (c == ',' && depth == 0) {
          break;
        }
        ++pos;
      }
      if (pos >= n) return std::nullopt;
      std::size_t end = pos;
      while (end > start && is_space(t[end - 1])) --end;
      if (end == start) return std::nullopt;
      out.push_back({start, end - start});
      ++pos;  // past ',' or ']'
      if (closed) break;
    }
  }
  skip();
  if (pos != n) return std::nullopt;
  return out;
}

input_error at_element(const input_error& e, std::size_t index) {
  return input_error(e.code(), "/" + std::to_string(index) + e.path(), e.reason(), e.reason_zh());
}

/// Reads the element `span` of the batch `ctx` holds on its own.
/// One element of a batch. `in_text` is true while its text is tokenized, false once the model
/// is being built from it: what an error thrown then is (parse_applications ranks them).
application read_element(doc_context& ctx, element_span span, std::size_t index,
                         const input_limits& limits, reader& r, bool& in_text) {
  in_text = true;
  document one;
  tokenizer_mode m;
  m.ctx = &ctx;
  m.base = span.begin;
  m.depth = 1;  // inside the batch's array
  m.batch = false;
  m.element = index;  // at most max_bytes, refused where the whole batch's reader would
  tokenizer(ctx.whole().substr(span.begin, span.size), one, limits, m).run();
  in_text = false;
  if (one.root.k != node::kind::object)
    wrong_type(one.root, jpath{}, {"an application object", "一份申报（JSON 对象）"});
  return r.read_application(one.root, jpath{});
}

/// The elements of a document in order, each read on its own and handed to `f` as soon as it is
/// read, with whether its error (if any) is one of its text (malformed, out of range, a limit:
/// what a tokenizer of the whole document would have met first) rather than of what it says:
/// one application object (index nullopt), or each element of an array. Throws only for
/// an array that cannot be split (the error of reading it whole) or that crosses a limit of the
/// batch as a whole (max_batch_bytes, max_batch).
template <class F>
void each_element(std::string_view text, const notice& n, const input_limits& limits,
                  const msg& one_expected, F&& f) {
  // White space before the top-level value counts against max_bytes (as the tokenizer counts it).
  std::size_t first = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  while (first < text.size() && first <= limits.max_bytes && is_space(text[first])) ++first;
  if (first >= text.size() || text[first] != '[') {  // one application: read or not
    std::optional<application> app;
    std::optional<input_error> error;
    try {
      app = read_one(text, n, limits, one_expected);
    } catch (const input_error& e) {
      error = e;
    }
    f(batch_element{std::move(app), std::move(error), std::nullopt}, false);
    return;
  }
  if (text.size() > limits.max_batch_bytes)
    detail::limit_reason::raise(
        "", detail::limit_reason::batch_bytes(text.size(), limits.max_batch_bytes));
  doc_context ctx(text);
  const auto parts = split_elements(text, first, limits);
  if (!parts) {
    // Not valid JSON as a whole, in a way that hides where its elements end: read it whole for
    // the error, keeping no element.
    document none;
    tokenizer_mode m;
    m.ctx = &ctx;
    m.discard = true;
    tokenizer(text, none, limits, m).run();
    throw std::logic_error("nxkx: an array that cannot be split into elements was read whole");
  }
  reader r(n);
  for (std::size_t i = 0; i < parts->size(); ++i) {
    std::optional<application> app;
    std::optional<input_error> error;
    bool in_text = false;
    try {
      app = read_element(ctx, (*parts)[i], i, limits, r, in_text);
    } catch (const input_error& e) {
      error = at_element(e, i);
    }
    f(batch_element{std::move(app), std::move(error), i}, in_text && error.has_value());
  }
}

}  // namespace

application parse_application(std::string_view json_text, const notice& n,
                              const input_limits& limits) {
  return read_one(json_text, n, limits, one_application);
}

namespace detail {

application read_application_tree(const json_tree& tree, const notice& n) {
  if (tree.root.k != node::kind::object) wrong_type(tree.root, jpath{}, one_application);
  return reader(n).read_application(tree.root, jpath{});
}

void integer_out_of_range(std::string path, std::string_view written) {
  out_of_range_at(std::move(path), written, {"integer", "整数"},
                  {"expected an integer from -9223372036854775808 to 9223372036854775807",
                   "应为 -9223372036854775808 到 9223372036854775807 之间的整数"});
}

}  // namespace detail

std::vector<application> parse_applications(std::string_view json_text, const notice& n,
                                            const input_limits& limits) {
  std::vector<application> out;
  // The text is judged before what it says, as when the whole document was one tree: the first
  // error of the text (malformed, a number out of range, a limit) in document order, else the
  // first of the model.
  std::optional<input_error> first_model_error;
  const auto of_the_text = [](const input_error& e) {
    return e.code() == "input.syntax" || e.code() == "input.utf8" || e.code() == "input.limit";
  };
  each_element(json_text, n, limits,
               {"an application object or an array of them", "一份申报（JSON 对象）或申报数组"},
               [&](batch_element&& e, bool in_text) {
                 if (e.error) {
                   if (in_text || of_the_text(*e.error)) throw std::move(*e.error);
                   if (!first_model_error) first_model_error = std::move(e.error);
                 } else if (!first_model_error) {
                   out.push_back(std::move(*e.app));
                 }
               });
  if (first_model_error) throw std::move(*first_model_error);
  return out;
}

std::vector<batch_element> parse_each_application(std::string_view json_text, const notice& n,
                                                  const input_limits& limits) {
  std::vector<batch_element> out;
  each_element(json_text, n, limits, {"an application object", "一份申报（JSON 对象）"},
               [&](batch_element&& e, bool) { out.push_back(std::move(e)); });
  return out;
}

void for_each_application(std::string_view json_text, const notice& n,
                          const std::function<void(batch_element&&)>& on_element,
                          const input_limits& limits) {
  each_element(json_text, n, limits, {"an application object", "一份申报（JSON 对象）"},
               [&](batch_element&& e, bool) { on_element(std::move(e)); });
}

}  // namespace nxkx

namespace nxkx {

void check_texts_loaded(const application& a) {
  for (std::size_t i = 0; i < a.records.texts.size(); ++i) {
    const text_document& t = a.records.texts[i];
    if (t.file.empty() || !t.content.empty()) continue;
    const std::string shown = literal(t.file);
    fail("input.file", "/records/texts/" + std::to_string(i) + "/file",
         {"the text is in the file " + shown +
              ", which is not read here; give the text as content (nxkx check reads the file, "
              "and Python's nxkx.Text.from_docx)",
          "正文在文件 " + shown +
              " 中，此处不读取文件；请把正文填在 content 中（nxkx check 命令会读取该文件，Python "
              "可用 "
              "nxkx.Text.from_docx）"});
  }
}

}  // namespace nxkx
