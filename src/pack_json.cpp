// Reading a pack's JSON text as hostile input (docs/pack-format.md §10): nlohmann's SAX parser
// (iterative: no recursion on the input's nesting) feeding its DOM builder through a handler
// that keeps the JSON pointer of the value at hand and refuses, with pack.invalid and that
// pointer, nesting deeper than the limit, a key given twice in one object, a number out of the
// range of a double (1e999), over-long strings and over-long arrays.
#include "pack_json.hpp"

#include <set>
#include <string>
#include <vector>

#include "nxkx/error.hpp"

namespace nxkx::detail {
namespace {

class checked_sax {
 public:
  using number_integer_t = json::number_integer_t;
  using number_unsigned_t = json::number_unsigned_t;
  using number_float_t = json::number_float_t;
  using string_t = json::string_t;
  using binary_t = json::binary_t;

  checked_sax(json& root, const pack_limits& limits) : dom_(root, true), limits_(limits) {}

  bool null() { return value() && dom_.null(); }
  bool boolean(bool b) { return value() && dom_.boolean(b); }
  bool number_integer(number_integer_t i) { return value() && dom_.number_integer(i); }
  bool number_unsigned(number_unsigned_t u) {
    if (u > static_cast<number_unsigned_t>(INT64_MAX))
      fail(pointer(), "the number " + std::to_string(u) + " is out of range",
           "数字 " + std::to_string(u) + " 超出范围");
    return value() && dom_.number_unsigned(u);
  }
  bool number_float(number_float_t f, const string_t& s) {
    return value() && dom_.number_float(f, s);
  }
  bool string(string_t& s) {
    check_string(s);
    return value() && dom_.string(s);
  }
  bool binary(binary_t& b) { return value() && dom_.binary(b); }

  bool start_object(std::size_t n) {
    value();
    open(false);
    return dom_.start_object(n);
  }
  bool key(string_t& k) {
    check_string(k);
    frame& f = frames_.back();
    f.key = k;
    f.keyed = true;
    if (!f.keys.insert(k).second)
      fail(pointer(),
           "the key \"" + k + "\" appears twice in this object; each key may appear once",
           "键 “" + k + "” 在同一对象中出现了两次；每个键只能出现一次");
    return dom_.key(k);
  }
  bool end_object() {
    frames_.pop_back();
    return dom_.end_object();
  }
  bool start_array(std::size_t n) {
    value();
    open(true);
    return dom_.start_array(n);
  }
  bool end_array() {
    frames_.pop_back();
    return dom_.end_array();
  }

  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) {
    const std::string where = " (byte " + std::to_string(position) + ")";
    const std::string where_zh = "（第 " + std::to_string(position) + " 字节）";
    if (e.id == 406)  // number overflow
      fail(pointer(), "a number out of the range of a double" + where + ": " + e.what(),
           "数字超出双精度浮点数的范围" + where_zh);
    throw pack_error("pack.syntax", pointer(),
                     std::string("the pack is not valid JSON: ") + e.what(),
                     "规则包不是合法的 JSON" + where_zh + "：" + e.what());
  }

 private:
  struct frame {
    bool array = false;
    std::size_t items = 0;
    std::string key;
    bool keyed = false;  // an object's first key is read
    std::set<std::string, std::less<>> keys;
  };

  [[noreturn]] static void fail(const std::string& path, const std::string& en,
                                const std::string& zh) {
    throw pack_error("pack.invalid", path, en, zh);
  }

  /// A value begins: in an array it is the next item.
  bool value() {
    if (!frames_.empty() && frames_.back().array) {
      if (++frames_.back().items > limits_.max_items)
        fail(pointer(),
             "an array of more than " + std::to_string(limits_.max_items) + " items (max_items)",
             "数组超过 " + std::to_string(limits_.max_items) + " 项（max_items）");
    }
    return true;
  }

  void open(bool array) {
    if (frames_.size() >= limits_.max_depth)
      fail(pointer(),
           "nested deeper than " + std::to_string(limits_.max_depth) + " levels (max_depth)",
           "嵌套超过 " + std::to_string(limits_.max_depth) + " 层（max_depth）");
    frames_.push_back({array, 0, {}, false, {}});
  }

  void check_string(const std::string& s) const {
    if (s.size() > limits_.max_string_bytes)
      fail(pointer(),
           "a string of more than " + std::to_string(limits_.max_string_bytes) +
               " bytes (max_string_bytes)",
           "字符串超过 " + std::to_string(limits_.max_string_bytes) + " 字节（max_string_bytes）");
  }

  /// The JSON pointer of the value at hand.
  std::string pointer() const {
    std::string out;
    for (const frame& f : frames_) {
      if (f.array) {
        if (f.items > 0) out += "/" + std::to_string(f.items - 1);
      } else if (f.keyed) {
        append_pointer_token(out, f.key);
      }
    }
    return out;
  }

  nlohmann::detail::json_sax_dom_parser<json> dom_;
  const pack_limits& limits_;
  std::vector<frame> frames_;
};

}  // namespace

json read_pack_json(std::string_view text, const pack_limits& limits) {
  if (text.size() > limits.max_bytes)
    throw pack_error("pack.invalid", "",
                     "the pack has " + std::to_string(text.size()) + " bytes, more than " +
                         std::to_string(limits.max_bytes) + " (max_bytes)",
                     "规则包有 " + std::to_string(text.size()) + " 字节，超过 " +
                         std::to_string(limits.max_bytes) + "（max_bytes）");
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  json root;
  checked_sax sax(root, limits);
  json::sax_parse(text.begin(), text.end(), &sax, json::input_format_t::json, true, false);
  return root;
}

}  // namespace nxkx::detail
