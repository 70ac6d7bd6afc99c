// The limits pre-scan: one linear pass over raw JSON text that follows its structure (objects,
// arrays, keys, strings, scalars) without building anything, and stops at the first limit
// crossed. It tracks the open containers only (at most max_depth of them, each a few words and a
// view of its current key), so its memory does not depend on the input.
#include "nxkx/limits.hpp"

#include <utf8.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "limit_messages.hpp"
#include "nxkx/error.hpp"

namespace nxkx {
namespace {

constexpr std::size_t npos = std::string_view::npos;

/// Where a container is in its grammar: what may come next.
enum class expect : std::uint8_t {
  key_or_end,    // after '{'
  key,           // after ',' in an object
  colon,         // after a key
  value,         // after ':' or after ',' in an array
  value_or_end,  // after '['
  comma_or_end,  // after a member or an item
};

struct frame {
  bool array = false;
  expect next = expect::key_or_end;
  std::size_t items = 0;  ///< array: values begun so far (the current one is items - 1)
  std::string_view key;   ///< object: the raw (still escaped) text of the current key
};

bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool ends_scalar(char c) noexcept {
  return is_space(c) || c == ',' || c == ':' || c == '[' || c == ']' || c == '{' || c == '}' ||
         c == '"';
}

/// True when one of the 8 bytes of `w` is '"' or '\\' ("Bit Twiddling Hacks": haszero).
bool has_quote_or_backslash(std::uint64_t w) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101ull;
  constexpr std::uint64_t highs = 0x8080808080808080ull;
  const std::uint64_t quote = w ^ (ones * '"');
  const std::uint64_t slash = w ^ (ones * '\\');
  return ((((quote - ones) & ~quote) | ((slash - ones) & ~slash)) & highs) != 0;
}

int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/// The code unit of the \uXXXX escape at s[i] (s[i] == 'u'), or -1.
long unit_at(std::string_view s, std::size_t i) noexcept {
  if (i + 4 >= s.size()) return -1;
  long v = 0;
  for (std::size_t k = 1; k <= 4; ++k) {
    const int h = hex_value(s[i + k]);
    if (h < 0) return -1;
    v = v * 16 + h;
  }
  return v;
}

/// A raw key with its escapes decoded, for a JSON pointer. An escape that is not valid JSON is
/// kept as written (the parser will refuse it anyway); a lone surrogate is encoded as it is.
std::string decoded_key(std::string_view raw) {
  std::string key;
  key.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '\\' || i + 1 >= raw.size()) {
      key += raw[i];
      continue;
    }
    const char e = raw[++i];
    switch (e) {
      case 'b':
        key += '\b';
        break;
      case 'f':
        key += '\f';
        break;
      case 'n':
        key += '\n';
        break;
      case 'r':
        key += '\r';
        break;
      case 't':
        key += '\t';
        break;
      case 'u': {
        const long hi = unit_at(raw, i);
        if (hi < 0) {
          key += "\\u";
          break;
        }
        unsigned long cp = static_cast<unsigned long>(hi);
        std::size_t used = 4;
        if (hi >= 0xD800 && hi <= 0xDBFF && i + 6 < raw.size() && raw[i + 5] == '\\' &&
            raw[i + 6] == 'u') {
          const long lo = unit_at(raw, i + 6);
          if (lo >= 0xDC00 && lo <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (static_cast<unsigned long>(lo) - 0xDC00);
            used = 10;
          }
        }
        utf8::unchecked::append(static_cast<std::uint32_t>(cp), std::back_inserter(key));
        i += used;
        break;
      }
      default:
        key += e;
        break;  // \" \\ \/ (and anything else, as written)
    }
  }
  return key;
}

class scanner {
 public:
  scanner(std::string_view text, const input_limits& limits) : t_(text), lim_(limits) {
    stack_.reserve(limits.max_depth < 64 ? limits.max_depth : 64);
  }

  void run() {
    const std::size_t n = t_.size();
    std::size_t first = 0;
    if (t_.starts_with("\xEF\xBB\xBF")) pos_ = first = 3;  // a byte order mark, as the parser
    while (first < n && first <= lim_.max_bytes && is_space(t_[first])) ++first;
    batch_ = first < n && t_[first] == '[';
    // One application larger than max_bytes is refused before a byte of it is read.
    if (!batch_ && n > lim_.max_bytes)
      fail("", detail::limit_reason::document_bytes(n, lim_.max_bytes));
    if (batch_ && n > lim_.max_batch_bytes)
      fail("", detail::limit_reason::batch_bytes(n, lim_.max_batch_bytes));

    while (pos_ < n) {
      const char c = t_[pos_];
      if (is_space(c)) {
        ++pos_;
        continue;
      }
      frame* top = stack_.empty() ? nullptr : &stack_.back();
      bool element_ended = false;
      switch (c) {
        case '{':
        case '[':
          if (!begin_value()) return;
          open(c == '[');
          ++pos_;
          break;
        case '}':
        case ']':
          if (!top || top->array != (c == ']')) return;  // malformed: the parser says so
          if (top->next != expect::comma_or_end &&
              top->next != (top->array ? expect::value_or_end : expect::key_or_end))
            return;
          stack_.pop_back();
          ++pos_;
          element_ended = stack_.size() <= 1;  // an element of a batch has ended
          end_value();
          break;
        case ':':
          if (!top || top->next != expect::colon) return;
          top->next = expect::value;
          ++pos_;
          break;
        case ',':
          if (!top || top->next != expect::comma_or_end) return;
          top->next = top->array ? expect::value : expect::key;
          ++pos_;
          if (batch_ && stack_.size() == 1) element_start_ = npos;  // past the element's end
          break;
        case '"':
          if (top && !top->array && (top->next == expect::key_or_end || top->next == expect::key)) {
            const std::size_t start = pos_ + 1;
            if (!string(true)) return;
            top->key = t_.substr(start, pos_ - 1 - start);
            top->next = expect::colon;
          } else {
            if (!begin_value()) return;
            if (!string(false)) return;
            end_value();
          }
          break;
        default:
          if (!begin_value()) return;
          scalar();
          end_value();
          break;
      }
      if (element_start_ != npos && pos_ - element_start_ > lim_.max_bytes)
        fail(path(1),
             detail::limit_reason::element_bytes(stack_.front().items - 1, lim_.max_bytes));
      if (element_ended) element_start_ = npos;
    }
  }

 private:
  /// A value starts at pos_. False when none may start here (malformed).
  bool begin_value() {
    if (stack_.empty()) {
      if (done_) return false;
      return true;
    }
    frame& top = stack_.back();
    if (top.array) {
      if (top.next != expect::value && top.next != expect::value_or_end) return false;
      const bool the_batch = batch_ && stack_.size() == 1;
      const std::size_t limit = the_batch ? lim_.max_batch : lim_.max_list_items;
      if (top.items >= limit) {
        fail(path(stack_.size() - 1), the_batch ? detail::limit_reason::batch(limit)
                                                : detail::limit_reason::list(limit, pos_));
      }
      ++top.items;
      if (the_batch) element_start_ = pos_;
    } else if (top.next != expect::value) {
      return false;
    }
    return true;
  }

  /// The value begun last has ended (pos_ is past it).
  void end_value() {
    if (stack_.empty()) {
      done_ = true;
      return;
    }
    stack_.back().next = expect::comma_or_end;
  }

  void open(bool array) {
    if (stack_.size() >= lim_.max_depth)
      fail(path(stack_.size()), detail::limit_reason::depth(lim_.max_depth, pos_));
    frame f;
    f.array = array;
    f.next = array ? expect::value_or_end : expect::key_or_end;
    stack_.push_back(f);
  }

  /// Reads the string at pos_ (a '"'); pos_ ends past its closing quote. False when the text
  /// ends first. Counts the bytes the string decodes to.
  bool string(bool is_key) {
    const std::size_t n = t_.size();
    const std::size_t start = pos_;
    const std::size_t max = lim_.max_string_bytes;
    std::size_t i = pos_ + 1;
    std::size_t decoded = 0;
    for (;;) {
      // Plain bytes decode to themselves: run to the next quote or backslash, never further
      // than the limit allows.
      const std::size_t room = max - decoded;
      const std::size_t end = room >= n - i ? n : i + room + 1;
      std::size_t j = i;
      while (j + 8 <= end) {  // eight bytes at a time while none is a quote or a backslash
        std::uint64_t w;
        std::memcpy(&w, t_.data() + j, 8);
        if (has_quote_or_backslash(w)) break;
        j += 8;
      }
      while (j < end && t_[j] != '"' && t_[j] != '\\') ++j;
      decoded += j - i;
      if (decoded > max) break;
      if (j == n) return false;
      if (t_[j] == '"') {
        pos_ = j + 1;
        return true;
      }
      // An escape: \uXXXX decodes to 1-3 bytes (half of a surrogate pair to 2, 4 for the pair);
      // any other to 1.
      if (j + 1 >= n) return false;
      if (t_[j + 1] == 'u') {
        const long u = unit_at(t_, j + 1);
        decoded += u < 0 ? 1 : u < 0x80 ? 1 : u < 0x800 ? 2 : (u >= 0xD800 && u <= 0xDFFF) ? 2 : 3;
        i = u < 0 ? j + 2 : j + 6;
      } else {
        decoded += 1;
        i = j + 2;
      }
      if (decoded > max) break;
    }
    pos_ = start;
    fail(path(is_key ? stack_.size() - 1 : stack_.size()),
         detail::limit_reason::string(max, pos_, is_key));
  }

  /// Skips a number or literal (or whatever else stands there: the parser judges it).
  void scalar() {
    const std::size_t start = pos_;
    const std::size_t n = t_.size();
    const std::size_t end =
        lim_.max_string_bytes >= n - pos_ ? n : pos_ + lim_.max_string_bytes + 1;
    while (pos_ < end && !ends_scalar(t_[pos_])) ++pos_;
    if (pos_ - start > lim_.max_string_bytes) {
      pos_ = start;
      fail(path(stack_.size()), detail::limit_reason::scalar(lim_.max_string_bytes, pos_));
    }
  }

  /// The JSON pointer of the current value of each of the first `depth` open containers.
  std::string path(std::size_t depth) const {
    std::string p;
    for (std::size_t k = 0; k < depth; ++k) {
      const frame& f = stack_[k];
      if (f.array) {
        p += '/';
        p += std::to_string(f.items == 0 ? 0 : f.items - 1);
      } else {
        append_pointer_token(p, decoded_key(f.key));
      }
    }
    return p;
  }

  [[noreturn]] static void fail(std::string path, detail::limit_reason::text reason) {
    detail::limit_reason::raise(std::move(path), std::move(reason));
  }

  std::string_view t_;
  const input_limits& lim_;
  std::vector<frame> stack_;
  std::size_t pos_ = 0;
  std::size_t element_start_ = npos;  ///< where the current element of a batch began
  bool batch_ = false;
  bool done_ = false;  ///< the top-level value has ended
};

}  // namespace

void check_input_limits(std::string_view json_text, const input_limits& limits) {
  scanner(json_text, limits).run();
}

void check_batch_limit(std::size_t count, const input_limits& limits) {
  if (count > limits.max_batch)
    detail::limit_reason::raise("", detail::limit_reason::batch_count(count, limits.max_batch));
}

}  // namespace nxkx
