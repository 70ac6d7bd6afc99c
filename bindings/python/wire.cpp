#include "wire.hpp"

// datetime.h after Python.h (pybind11 includes it); its C API table is per translation unit,
// which is why every use of datetime lives in this file.
#include <datetime.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_set>

// src/ is not on this module's include path: its internal headers are named from here.
#include "../../src/json_escape.hpp"
#include "../../src/limit_messages.hpp"
#include "nxkx/error.hpp"

namespace py = pybind11;

namespace nxkx::python {
namespace {

/// The writer recurses, so it refuses nesting deeper than max_depth itself, as input.limit
/// with the words of check_input_limits (src/limits.cpp), before a self-referencing dict could
/// exhaust the stack. Whatever max_depth a caller allows, it never goes deeper than this.
constexpr std::size_t depth_ceiling = 1000;

[[noreturn]] void fail(document kind, std::string code, const std::string& path, std::string reason,
                       std::string reason_zh) {
  if (kind == document::pack)
    throw pack_error(code == "input.utf8" ? "pack.utf8" : "pack.invalid", path, std::move(reason),
                     std::move(reason_zh));
  throw input_error(std::move(code), path, std::move(reason), std::move(reason_zh));
}

std::string type_name(py::handle o) { return Py_TYPE(o.ptr())->tp_name; }

/// `s` as a JSON string, by the one escaper of src/ (json_escape.hpp).
void append_escaped(std::string& out, std::string_view s) {
  out += '"';
  detail::json_escape_into(out, s);
  out += '"';
}

/// Decimal digits of a Python int; refuses one too long for str() (sys.int_info's limit).
std::string int_digits(py::handle o, const std::string& path, document kind) {
  int overflow = 0;
  const long long v = PyLong_AsLongLongAndOverflow(o.ptr(), &overflow);
  if (overflow == 0) {
    if (v == -1 && PyErr_Occurred()) throw py::error_already_set();
    char buf[24];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, end);
  }
  // Beyond int64: write the digits and let the reader refuse them with its own words.
  PyObject* text = PyNumber_ToBase(o.ptr(), 10);
  if (text == nullptr) {
    PyErr_Clear();
    fail(kind, "input.range", path,
         "integer with too many digits is out of range; expected an integer from "
         "-9223372036854775808 to 9223372036854775807",
         "整数位数过多，超出范围；应为 -9223372036854775808 到 9223372036854775807 之间的整数");
  }
  py::str s = py::reinterpret_steal<py::str>(text);
  return std::string(utf8_of(s, path, kind));
}

class writer {
 public:
  writer(std::string& out, std::string path, document kind, std::size_t max_depth)
      : out_(out), path_(std::move(path)), kind_(kind), max_depth_(max_depth) {}

  void value(py::handle o, std::size_t depth) {
    PyObject* p = o.ptr();
    if (p == Py_None) {
      out_ += "null";
    } else if (PyBool_Check(p)) {
      out_ += p == Py_True ? "true" : "false";
    } else if (PyLong_Check(p)) {
      out_ += int_digits(o, path_, kind_);
    } else if (PyFloat_Check(p)) {
      number(PyFloat_AS_DOUBLE(p));
    } else if (PyUnicode_Check(p)) {
      append_escaped(out_, utf8_of(o, path_, kind_));
    } else if (PyDict_Check(p)) {
      object(o, depth);
    } else if (PyList_Check(p) || PyTuple_Check(p)) {
      array(o, depth);
    } else if (std::optional<date> d = china_date(o)) {
      out_ += '"';
      out_ += format_date(*d);
      out_ += '"';
    } else {
      fail(kind_, "input.type", path_,
           "expected a JSON value (dict, list, tuple, str, int, float, bool, None or a "
           "datetime.date), found a Python '" +
               type_name(o) + "'",
           "应为 JSON 值（dict、list、tuple、str、int、float、bool、None 或 datetime.date），实为 "
           "Python 的 '" +
               type_name(o) + "'");
    }
  }

 private:
  void open(std::size_t depth) {
    if (depth >= max_depth_)
      fail(kind_, "input.limit", path_,
           "arrays and objects nest deeper than max_depth (" + std::to_string(max_depth_) + ")",
           "数组和对象嵌套超过 max_depth（" + std::to_string(max_depth_) + "）层");
    if (depth >= depth_ceiling)
      fail(kind_, "input.limit", path_,
           "arrays and objects nest deeper than " + std::to_string(depth_ceiling) +
               ", the most a Python value may nest whatever max_depth (" +
               std::to_string(max_depth_) + ") allows",
           "数组和对象嵌套超过 " + std::to_string(depth_ceiling) +
               " 层，这是 Python 值最多的嵌套层数，与 max_depth（" + std::to_string(max_depth_) +
               "）无关");
  }

  void number(double v) {
    if (!std::isfinite(v)) {
      const char* shown = std::isnan(v) ? "nan" : (v > 0 ? "inf" : "-inf");
      fail(kind_, "input.range", path_,
           std::string("number ") + shown + " is out of range; expected a finite number",
           std::string("数字 ") + shown + " 超出范围；应为有限的数");
    }
    // repr's shortest round-trip form; "2.0" keeps its point, so the reader sees a decimal.
    char* text = PyOS_double_to_string(v, 'r', 0, Py_DTSF_ADD_DOT_0, nullptr);
    if (text == nullptr) throw py::error_already_set();
    out_ += text;
    PyMem_Free(text);
  }

  void object(py::handle o, std::size_t depth) {
    open(depth);
    out_ += '{';
    const std::size_t here = path_.size();
    Py_ssize_t pos = 0;
    PyObject* key = nullptr;
    PyObject* item = nullptr;
    bool first = true;
    while (PyDict_Next(o.ptr(), &pos, &key, &item)) {
      // Own both while a tzinfo's utcoffset() (user code) might change the dict.
      py::object k = py::reinterpret_borrow<py::object>(key);
      py::object v = py::reinterpret_borrow<py::object>(item);
      std::string name;
      if (PyUnicode_Check(key)) {
        name = utf8_of(k, path_, kind_);
      } else if (PyLong_Check(key) && !PyBool_Check(key)) {
        name = int_digits(k, path_, kind_);  // {2024: {...}} for history years reads naturally
      } else {
        fail(kind_, "input.type", path_,
             "expected str keys in a JSON object, found a key of type '" + type_name(k) + "'",
             "JSON 对象的键应为 str，实为 '" + type_name(k) + "' 类型的键");
      }
      if (!first) out_ += ',';
      first = false;
      append_escaped(out_, name);
      out_ += ':';
      append_pointer_token(path_, name);
      value(v, depth + 1);
      path_.resize(here);
    }
    out_ += '}';
  }

  void array(py::handle o, std::size_t depth) {
    open(depth);
    out_ += '[';
    const std::size_t here = path_.size();
    const bool list = PyList_Check(o.ptr());
    for (Py_ssize_t i = 0;; ++i) {
      const Py_ssize_t size = list ? PyList_GET_SIZE(o.ptr()) : PyTuple_GET_SIZE(o.ptr());
      if (i >= size) break;
      py::object v = py::reinterpret_borrow<py::object>(list ? PyList_GET_ITEM(o.ptr(), i)
                                                             : PyTuple_GET_ITEM(o.ptr(), i));
      if (i > 0) out_ += ',';
      path_ += '/';
      path_ += std::to_string(i);
      value(v, depth + 1);
      path_.resize(here);
    }
    out_ += ']';
  }

  std::string& out_;
  std::string path_;
  document kind_;
  std::size_t max_depth_;
};

/// Builds the tree of an application's compact JSON text from a Python value, counting that
/// text's bytes as it goes (`pos_`: where the text's next token would begin), and applying the
/// tokenizer's limits where the tokenizer would meet them, with its paths and byte offsets.
/// What only a Python value can get wrong throws, as write_json does; the first limit the text
/// would cross is kept, and from then on (or once the text is past max_bytes) the rest is only
/// counted (and checked for what would throw), since max_bytes is checked before all else.
class tree_builder {
 public:
  tree_builder(application_tree& out, const input_limits& limits)
      : out_(out),
        t_(out.tree),
        lim_(limits),
        budget_(std::max<std::size_t>(limits.max_bytes, std::size_t{64} << 20)) {}

  void run(py::handle value) {
    t_.nodes.clear();
    t_.owned.clear();
    t_.root = {};
    out_.read_error.reset();
    t_.nodes.reserve(64);
    this->value(value, 0, root_slot);
    if (pos_ > lim_.max_bytes) {
      // Counted to the end, the text's length; else (a cycle, or past the budget) only that
      // it is longer than max_bytes.
      const bool whole = !abandoned_ && pos_ <= budget_;
      counting_ = true;
      out_.read_error =
          limit_error("", whole ? detail::limit_reason::document_bytes(pos_, lim_.max_bytes)
                                : detail::limit_reason::document_over(lim_.max_bytes));
    }
    if (counting_) {
      t_.nodes.clear();
      t_.owned.clear();
      t_.root = {};
      return;
    }
    t_.link();
  }

 private:
  static constexpr std::size_t root_slot = static_cast<std::size_t>(-1);
  using kind = detail::json_node::kind;

  detail::json_node& at(std::size_t slot) { return slot == root_slot ? t_.root : t_.nodes[slot]; }

  static input_error limit_error(std::string path, detail::limit_reason::text r) {
    return input_error("input.limit", std::move(path), std::move(r.en), std::move(r.zh));
  }

  /// The reader would stop here with `e`: keep it, and only count from now on.
  void stop(input_error e) {
    if (counting_) return;
    out_.read_error = std::move(e);
    counting_ = true;
  }

  /// Counting alone goes no further than the budget: past it, max_bytes is crossed anyway.
  bool over_budget() const noexcept { return counting_ && (abandoned_ || pos_ > budget_); }

  /// Counting, a container met again inside itself has no text (json.dumps refuses it): the
  /// count stops there, and the error kept stands unless max_bytes was crossed already.
  bool enter(PyObject* container) {
    if (!counting_) return true;
    if (open_.insert(container).second) return true;
    abandoned_ = true;
    return false;
  }
  void leave(PyObject* container) {
    if (counting_) open_.erase(container);
  }

  /// A scalar token of `size` bytes begins at pos_ (numbers and literals).
  bool scalar(std::size_t size) {
    if (!counting_ && size > lim_.max_string_bytes)
      stop(limit_error(path_, detail::limit_reason::scalar(lim_.max_string_bytes, pos_)));
    pos_ += size;
    return !counting_;
  }

  /// A string (or key) token for `s` begins at pos_: its view in the tree, if still building.
  std::string_view string(std::string_view s, bool is_key, const std::string& path) {
    if (!counting_ && s.size() > lim_.max_string_bytes)
      stop(limit_error(path, detail::limit_reason::string(lim_.max_string_bytes, pos_, is_key)));
    pos_ += 2 + detail::json_escaped_size(s);
    if (counting_) return {};
    return t_.owned.copy(s);
  }

  void value(py::handle o, std::size_t depth, std::size_t slot) {
    // Past max_bytes the reader reads nothing: from here on only the text's length counts.
    if (!counting_ && pos_ > lim_.max_bytes) counting_ = true;
    if (over_budget()) return;
    PyObject* p = o.ptr();
    if (p == Py_None) {
      if (scalar(4)) at(slot).k = kind::null;
    } else if (PyBool_Check(p)) {
      const bool b = p == Py_True;
      if (scalar(b ? 4 : 5)) {
        at(slot).k = kind::boolean;
        at(slot).boolean = b;
      }
    } else if (PyLong_Check(p)) {
      integer(o, slot);
    } else if (PyFloat_Check(p)) {
      number(PyFloat_AS_DOUBLE(p), slot);
    } else if (PyUnicode_Check(p)) {
      const std::string_view v = string(utf8_of(o, path_, document::application), false, path_);
      if (!counting_) {
        at(slot).k = kind::string;
        at(slot).text = v;
      }
    } else if (PyDict_Check(p)) {
      object(o, depth, slot);
    } else if (PyList_Check(p) || PyTuple_Check(p)) {
      array(o, depth, slot);
    } else if (std::optional<date> d = china_date(o)) {
      const std::string_view v = string(format_date(*d), false, path_);
      if (!counting_) {
        at(slot).k = kind::string;
        at(slot).text = v;
      }
    } else {
      fail(document::application, "input.type", path_,
           "expected a JSON value (dict, list, tuple, str, int, float, bool, None or a "
           "datetime.date), found a Python '" +
               type_name(o) + "'",
           "应为 JSON 值（dict、list、tuple、str、int、float、bool、None 或 datetime.date），实为 "
           "Python 的 '" +
               type_name(o) + "'");
    }
  }

  void integer(py::handle o, std::size_t slot) {
    int overflow = 0;
    const long long v = PyLong_AsLongLongAndOverflow(o.ptr(), &overflow);
    if (overflow == 0) {
      if (v == -1 && PyErr_Occurred()) throw py::error_already_set();
      char buf[24];
      auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
      if (scalar(static_cast<std::size_t>(end - buf))) {
        at(slot).k = kind::integer;
        at(slot).integer = v;
      }
      return;
    }
    const std::string digits = int_digits(o, path_, document::application);
    if (scalar(digits.size())) stop_at_range(digits);
  }

  void stop_at_range(const std::string& digits) {
    try {
      detail::integer_out_of_range(path_, digits);
    } catch (input_error& e) {
      stop(std::move(e));
    }
  }

  void number(double v, std::size_t slot) {
    if (!std::isfinite(v)) {
      const char* shown = std::isnan(v) ? "nan" : (v > 0 ? "inf" : "-inf");
      fail(document::application, "input.range", path_,
           std::string("number ") + shown + " is out of range; expected a finite number",
           std::string("数字 ") + shown + " 超出范围；应为有限的数");
    }
    // repr's shortest round-trip form, as json.dumps writes it ("2.0" keeps its point).
    char* text = PyOS_double_to_string(v, 'r', 0, Py_DTSF_ADD_DOT_0, nullptr);
    if (text == nullptr) throw py::error_already_set();
    const std::string written(text);
    PyMem_Free(text);
    if (!scalar(written.size())) return;
    detail::json_node& n = at(slot);
    n.k = kind::number;
    n.number = v;
    n.text = t_.owned.copy(written);
  }

  /// A container opens at pos_ at depth `depth`; false when it is not to be read further.
  bool open(std::size_t depth) {
    // Counting only, a value that deep is not counted: its depth, not its size, is the error.
    if (depth >= depth_ceiling && counting_) return false;
    if (depth >= depth_ceiling)
      fail(document::application, "input.limit", path_,
           "arrays and objects nest deeper than " + std::to_string(depth_ceiling) +
               ", the most a Python value may nest whatever max_depth (" +
               std::to_string(lim_.max_depth) + ") allows",
           "数组和对象嵌套超过 " + std::to_string(depth_ceiling) +
               " 层，这是 Python 值最多的嵌套层数，与 max_depth（" +
               std::to_string(lim_.max_depth) + "）无关");
    if (!counting_ && depth >= lim_.max_depth)
      stop(limit_error(path_, detail::limit_reason::depth(lim_.max_depth, pos_)));
    ++pos_;  // '{' or '['
    return true;
  }

  /// Sets the container at `slot` and gives room to `size` children; the first one's index.
  std::size_t children(std::size_t slot, kind k, std::size_t size) {
    if (counting_) return 0;
    const std::size_t first = t_.nodes.size();
    t_.nodes.resize(first + size);
    detail::json_node& n = at(slot);
    n.k = k;
    n.first = first;
    n.count = 0;
    return first;
  }

  void object(py::handle o, std::size_t depth, std::size_t slot) {
    if (!open(depth) || !enter(o.ptr())) return;
    read_members(o, depth, slot);
    leave(o.ptr());
  }

  void read_members(py::handle o, std::size_t depth, std::size_t slot) {
    const std::size_t size = static_cast<std::size_t>(PyDict_Size(o.ptr()));
    const std::size_t first = children(slot, kind::object, size);
    const std::size_t here = path_.size();
    Py_ssize_t pos = 0;
    PyObject* key = nullptr;
    PyObject* item = nullptr;
    std::size_t i = 0;
    while (PyDict_Next(o.ptr(), &pos, &key, &item)) {
      if (over_budget()) return;
      // Own both while a tzinfo's utcoffset() (user code) might change the dict.
      py::object k = py::reinterpret_borrow<py::object>(key);
      py::object v = py::reinterpret_borrow<py::object>(item);
      if (i > 0) ++pos_;  // ','
      std::string digits;
      std::string_view name;
      if (PyUnicode_Check(key)) {
        name = utf8_of(k, path_, document::application);
      } else if (PyLong_Check(key) && !PyBool_Check(key)) {
        digits = int_digits(k, path_, document::application);  // {2024: {...}}: "2024"
        name = digits;
      } else {
        fail(document::application, "input.type", path_,
             "expected str keys in a JSON object, found a key of type '" + type_name(k) + "'",
             "JSON 对象的键应为 str，实为 '" + type_name(k) + "' 类型的键");
      }
      const std::string_view stored = string(name, true, path_);
      ++pos_;  // ':'
      append_pointer_token(path_, name);
      // A dict that grew while it was read (user code again) keeps what it had at first.
      const bool keep = !counting_ && i < size;
      if (keep) t_.nodes[first + i].key = stored;
      if (!keep && !counting_) stop_growing();
      value(v, depth + 1, keep ? first + i : root_slot);
      if (keep) ++at(slot).count;
      path_.resize(here);
      ++i;
    }
    ++pos_;  // '}'
  }

  void array(py::handle o, std::size_t depth, std::size_t slot) {
    if (!open(depth) || !enter(o.ptr())) return;
    read_items(o, depth, slot);
    leave(o.ptr());
  }

  void read_items(py::handle o, std::size_t depth, std::size_t slot) {
    const bool list = PyList_Check(o.ptr());
    auto length = [&] {
      return static_cast<std::size_t>(list ? PyList_GET_SIZE(o.ptr()) : PyTuple_GET_SIZE(o.ptr()));
    };
    const std::size_t size = length();
    // Room for no more items than the reader would read.
    const std::size_t first = children(slot, kind::array, std::min(size, lim_.max_list_items));
    const std::size_t here = path_.size();
    for (std::size_t i = 0; i < length(); ++i) {
      if (over_budget()) return;
      py::object v = py::reinterpret_borrow<py::object>(
          list ? PyList_GET_ITEM(o.ptr(), static_cast<Py_ssize_t>(i))
               : PyTuple_GET_ITEM(o.ptr(), static_cast<Py_ssize_t>(i)));
      if (i > 0) ++pos_;  // ','
      if (!counting_ && i >= lim_.max_list_items)
        stop(limit_error(path_, detail::limit_reason::list(lim_.max_list_items, pos_)));
      const bool keep = !counting_ && i < size;
      if (!keep && !counting_) stop_growing();
      path_ += '/';
      path_ += std::to_string(i);
      value(v, depth + 1, keep ? first + i : root_slot);
      if (keep) ++at(slot).count;
      path_.resize(here);
    }
    ++pos_;  // ']'
  }

  /// A container that user code made larger while it was read: its tree cannot be built.
  [[noreturn]] void stop_growing() const {
    throw std::runtime_error("an application changed size while it was read (at '" + path_ + "')");
  }

  application_tree& out_;
  detail::json_tree& t_;
  const input_limits& lim_;
  std::size_t budget_;
  std::size_t pos_ = 0;
  bool counting_ = false;
  bool abandoned_ = false;
  std::unordered_set<PyObject*> open_;  // containers being counted
  std::string path_;
};
}  // namespace

void init_datetime() {
  PyDateTime_IMPORT;
  if (PyDateTimeAPI == nullptr) throw py::error_already_set();
}

std::string_view utf8_of(py::handle str, const std::string& path, document kind) {
  Py_ssize_t size = 0;
  const char* data = PyUnicode_AsUTF8AndSize(str.ptr(), &size);
  if (data != nullptr) return {data, static_cast<std::size_t>(size)};
  PyErr_Clear();  // only a lone surrogate (e.g. from surrogateescape) has no UTF-8 form
  const Py_ssize_t n = PyUnicode_GET_LENGTH(str.ptr());
  for (Py_ssize_t i = 0; i < n; ++i) {
    const Py_UCS4 c = PyUnicode_READ_CHAR(str.ptr(), i);
    if (c >= 0xD800 && c <= 0xDFFF) {
      char hex[8];
      auto [end, ec] = std::to_chars(hex, hex + sizeof hex, c, 16);
      std::string code(hex, end);
      for (char& ch : code) ch = static_cast<char>(ch >= 'a' ? ch - 'a' + 'A' : ch);
      fail(kind, "input.utf8", path,
           "string holds the lone surrogate U+" + code + " at character " + std::to_string(i) +
               "; text must be valid Unicode",
           "字符串第 " + std::to_string(i) + " 个字符是孤立的代理项 U+" + code +
               "；文本须为有效的 Unicode");
    }
  }
  fail(kind, "input.utf8", path, "string cannot be encoded as UTF-8", "字符串无法编码为 UTF-8");
}

void write_json(py::handle value, std::string& out, std::string path, document kind,
                std::size_t max_depth) {
  writer(out, std::move(path), kind, max_depth).value(value, 0);
}

void build_application_tree(py::handle value, application_tree& out, const input_limits& limits) {
  tree_builder(out, limits).run(value);
}

application read_application(const application_tree& t, const notice& n) {
  if (t.read_error) throw *t.read_error;
  return detail::read_application_tree(t.tree, n);
}

std::optional<date> china_date(py::handle value) {
  PyObject* p = value.ptr();
  if (!PyDate_Check(p)) return std::nullopt;
  using namespace std::chrono;
  const date civil{year{PyDateTime_GET_YEAR(p)},
                   month{static_cast<unsigned>(PyDateTime_GET_MONTH(p))},
                   day{static_cast<unsigned>(PyDateTime_GET_DAY(p))}};
  if (!PyDateTime_Check(p)) return civil;
  py::object offset =
      py::reinterpret_steal<py::object>(PyObject_CallMethod(p, "utcoffset", nullptr));
  if (!offset) throw py::error_already_set();
  if (offset.is_none() || !PyDelta_Check(offset.ptr())) return civil;  // naive: China time
  const std::int64_t offset_us = (std::int64_t{PyDateTime_DELTA_GET_DAYS(offset.ptr())} * 86400 +
                                  PyDateTime_DELTA_GET_SECONDS(offset.ptr())) *
                                     1'000'000 +
                                 PyDateTime_DELTA_GET_MICROSECONDS(offset.ptr());
  const std::int64_t local_us =
      ((std::int64_t{PyDateTime_DATE_GET_HOUR(p)} * 60 + PyDateTime_DATE_GET_MINUTE(p)) * 60 +
       PyDateTime_DATE_GET_SECOND(p)) *
          1'000'000 +
      PyDateTime_DATE_GET_MICROSECOND(p);
  constexpr std::int64_t day_us = 86'400'000'000;
  const std::int64_t china_us =
      local_us - offset_us + std::int64_t{china_offset_minutes} * 60'000'000;
  std::int64_t shift = china_us / day_us;
  if (china_us < 0 && china_us % day_us != 0) --shift;  // floor, not truncation
  return date{sys_days{civil} + days{shift}};
}

date date_argument(py::handle value, const char* name) {
  if (std::optional<date> d = china_date(value)) {
    if (d->year() < std::chrono::year{1} || d->year() > std::chrono::year{9999})
      throw input_error(
          "input.date", "",
          std::string(name) + ": out of range: the China date is outside years 1-9999",
          std::string(name) + "：超出范围：北京时间日期不在 1–9999 年之内");
    return *d;
  }
  if (PyUnicode_Check(value.ptr())) {
    const std::string_view text = utf8_of(value, "", document::application);
    date_parse_result d = parse_date(text);
    std::string why = std::move(d.why), why_zh = std::move(d.why_zh);
    if (d) {
      if (d->year() >= std::chrono::year{1}) return *d;
      why = "out of range: years 1-9999";
      why_zh = "超出范围：应在 1–9999 年之内";
    }
    throw input_error("input.date", "", std::string(name) + ": " + why,
                      std::string(name) + "：" + why_zh);
  }
  throw py::type_error(std::string(name) +
                       " must be a datetime.date, a datetime.datetime or a 'YYYY-MM-DD' string, "
                       "not '" +
                       type_name(value) + "'");
}

py::object make_date(date d) {
  PyObject* p = PyDate_FromDate(static_cast<int>(d.year()),
                                static_cast<int>(static_cast<unsigned>(d.month())),
                                static_cast<int>(static_cast<unsigned>(d.day())));
  if (p == nullptr) throw py::error_already_set();
  return py::reinterpret_steal<py::object>(p);
}

}  // namespace nxkx::python
