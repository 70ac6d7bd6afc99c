// nxkx._core: the compiled half of `import nxkx` (the package in python/nxkx re-exports it).
//
// Applications cross as JSON text, or as dicts read into the very tree the application reader
// builds from text (wire.cpp) and walked by it, so the C++ reader is the only validator and
// Python sees its errors.
// Reports stay C++ objects; Python attributes read them on demand. Enums come back as the
// package's enum.Enum classes (nxkx._enums), errors as its exception classes (nxkx._errors).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <utf8.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <functional>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "nxkx/diff.hpp"
#include "nxkx/doc.hpp"
#include "nxkx/lint.hpp"
#include "nxkx/nxkx.hpp"
#include "nxkx/schema.hpp"
#ifdef NXKX_HAVE_OFFICE
#include "nxkx/office.hpp"
#endif
#include "nxkx/text.hpp"
#include "report_io.hpp"
#include "wire.hpp"

// A Notice made with Notice.__new__(Notice) (or a subclass that never calls __init__) has no C++
// notice behind it: pybind11 would hand out its empty storage, and reading it crashes. Every
// Notice argument and `self` is loaded through this caster, which refuses such an object with a
// TypeError before any C++ code sees it.
namespace pybind11::detail {
template <>
class type_caster<nxkx::notice> : public type_caster_base<nxkx::notice> {
 public:
  bool load(handle src, bool convert) {
    if (!type_caster_base<nxkx::notice>::load(src, convert)) return false;
    if (src.is_none()) return true;
    const type_info* t = get_type_info(typeid(nxkx::notice));
    if (t != nullptr && PyObject_TypeCheck(src.ptr(), t->type)) {
      auto* inst = reinterpret_cast<instance*>(src.ptr());
      const value_and_holder vh = inst->get_value_and_holder(t, false);
      if (!vh || !vh.holder_constructed() || vh.value_ptr() == nullptr)
        throw type_error(
            "this Notice holds no notice: it was made with Notice.__new__ and never "
            "initialised; use nxkx.Notice.builtin(), Notice.load(path) or Notice.from_json(text)");
    }
    return true;
  }
};
}  // namespace pybind11::detail

namespace py = pybind11;
using namespace pybind11::literals;

namespace nxkx::python {
namespace {

// ---- the package's enum and exception classes, held for the life of the process -------------
// Leaked on purpose: a py::object in a static would be released after the interpreter is gone.

template <class E>
struct enum_members {
  static inline std::vector<py::handle> items;  // in code_table<E> order
};

template <class E>
void bind_enum(const py::module_& enums, const char* name) {
  py::object cls = enums.attr(name);
  auto& items = enum_members<E>::items;
  items.clear();
  for (const auto& [value, code] : code_table<E>::items)
    items.push_back(cls(py::str(std::string(code))).release());
}

template <class E>
py::object to_py(E v) {
  const auto& table = code_table<E>::items;
  for (std::size_t i = 0; i < table.size(); ++i)
    if (table[i].first == v) return py::reinterpret_borrow<py::object>(enum_members<E>::items[i]);
  return py::none();
}

py::handle g_error, g_input_error, g_pack_error, g_file_error;

/// A str of C++ text that should be UTF-8; a stray byte (say, quoted from a malformed input by
/// a parser) becomes U+FFFD rather than a UnicodeDecodeError in place of the real error.
py::str lenient_str(const std::string& s) {
  PyObject* p = PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "replace");
  if (p == nullptr) throw py::error_already_set();
  return py::reinterpret_steal<py::str>(p);
}

/// The package's exception object for an nxkx::error (code, path, reason, reason_zh).
py::object exception_of(py::handle cls, const nxkx::error& e) {
  return cls(lenient_str(e.code()), lenient_str(e.path()), lenient_str(e.reason()),
             lenient_str(e.reason_zh()));
}

void raise(py::handle cls, const nxkx::error& e) {
  try {
    py::object exc = exception_of(cls, e);
    PyErr_SetObject(cls.ptr(), exc.ptr());
  } catch (py::error_already_set& err) {
    err.restore();
  }
}

// ---- arguments --------------------------------------------------------------------------------

std::string type_name(py::handle o) { return Py_TYPE(o.ptr())->tp_name; }

template <class E>
E enum_argument(py::handle v, const char* name) {
  if (!PyUnicode_Check(v.ptr()))
    throw py::type_error(std::string(name) + " must be a str code, not '" + type_name(v) + "'");
  const std::string_view code = utf8_of(v, "", document::application);
  if (std::optional<E> e = from_code<E>(code)) return *e;
  std::string known;
  for (const auto& [value, c] : code_table<E>::items)
    known += (known.empty() ? "" : ", ") + std::string(c);
  throw py::value_error(std::string(name) + " must be one of " + known + ", not '" +
                        std::string(code) + "'");
}

lang lang_argument(std::string_view l) {
  if (const std::optional<lang> found = from_code<lang>(l)) return *found;
  throw py::value_error("lang must be 'zh' or 'en', not '" + std::string(l) + "'");
}

report_detail detail_of(bool compact) noexcept {
  return compact ? report_detail::compact : report_detail::full;
}

/// A document given as text: str (its UTF-8), bytes or bytearray (as is). Lone surrogates in a
/// str are kept (surrogatepass) so that the reader reports them as bad UTF-8 like any other.
/// An ASCII str is read in place; any other str is encoded into a bytes object this text_arg
/// owns, freed with it, never with PyUnicode_AsUTF8AndSize, which would leave a UTF-8 copy of
/// the whole text cached in the caller's str for as long as it lives (docs/limits.md).
struct text_arg {
  py::object keep;
  std::string owned;
  std::string_view view;
  bool is_text = false;
  /// An application given as a Python value: its tree (wire.hpp), read by the reader's walk.
  std::shared_ptr<application_tree> tree;
};

text_arg text_of(py::handle o) {
  text_arg t;
  PyObject* p = o.ptr();
  if (PyUnicode_Check(p)) {
    if (PyUnicode_IS_ASCII(p)) {  // its own bytes are its UTF-8: no copy, nothing cached
      t.keep = py::reinterpret_borrow<py::object>(o);
      t.view = {static_cast<const char*>(PyUnicode_DATA(p)),
                static_cast<std::size_t>(PyUnicode_GET_LENGTH(p))};
    } else {
      t.keep =
          py::reinterpret_steal<py::object>(PyUnicode_AsEncodedString(p, "utf-8", "surrogatepass"));
      if (!t.keep) throw py::error_already_set();
      t.view = {PyBytes_AS_STRING(t.keep.ptr()),
                static_cast<std::size_t>(PyBytes_GET_SIZE(t.keep.ptr()))};
    }
    t.is_text = true;
  } else if (PyBytes_Check(p)) {
    t.keep = py::reinterpret_borrow<py::object>(o);
    t.view = {PyBytes_AS_STRING(p), static_cast<std::size_t>(PyBytes_GET_SIZE(p))};
    t.is_text = true;
  } else if (PyByteArray_Check(p)) {  // mutable: copy before the GIL is released
    t.owned.assign(PyByteArray_AS_STRING(p), static_cast<std::size_t>(PyByteArray_GET_SIZE(p)));
    t.view = t.owned;
    t.is_text = true;
  }
  return t;
}

/// An application: a str/bytes document as given, anything else (a dict) read into the
/// reader's tree (wire.hpp), no JSON text in between. What has no JSON form at all is refused
/// here, its path starting with `path` (the application's place in a batch).
text_arg application_text(py::handle o, const std::string& path, const input_limits& limits) {
  text_arg t = text_of(o);
  if (t.is_text) return t;
  t.tree = std::make_shared<application_tree>();
  try {
    build_application_tree(o, *t.tree, limits);
  } catch (const input_error& e) {
    if (path.empty()) throw;
    throw input_error(e.code(), path + e.path(), e.reason(), e.reason_zh());
  }
  return t;
}

/// parse_application for an application_text: its text read, or its tree walked. Needs no GIL.
application parse_source(const text_arg& t, const notice& n, const input_limits& limits) {
  if (t.tree) return read_application(*t.tree, n);
  return parse_application(t.view, n, limits);
}

/// The fields of input_limits, in declaration order, for nxkx.InputLimits (python/nxkx/_limits.py).
struct limit_field {
  const char* name;
  std::size_t input_limits::*member;
};
constexpr limit_field limit_fields[] = {
    {"max_bytes", &input_limits::max_bytes},
    {"max_depth", &input_limits::max_depth},
    {"max_string_bytes", &input_limits::max_string_bytes},
    {"max_list_items", &input_limits::max_list_items},
    {"max_batch", &input_limits::max_batch},
    {"max_batch_bytes", &input_limits::max_batch_bytes},
};

/// The limits an nxkx.InputLimits (or any object with its six int attributes) holds; the
/// defaults for None.
input_limits limits_argument(py::handle o) {
  input_limits limits;
  if (o.is_none()) return limits;
  for (const limit_field& f : limit_fields) {
    if (!py::hasattr(o, f.name))
      throw py::type_error("limits must be an nxkx.InputLimits, not '" + type_name(o) + "'");
    py::object v = o.attr(f.name);
    if (!PyLong_Check(v.ptr()) || PyBool_Check(v.ptr()))
      throw py::type_error(std::string("limits.") + f.name + " must be an int, not '" +
                           type_name(v) + "'");
    const std::size_t n = PyLong_AsSize_t(v.ptr());
    if (n == static_cast<std::size_t>(-1) && PyErr_Occurred()) {
      PyErr_Clear();
      throw py::value_error(std::string("limits.") + f.name + " must be from 0 to 2**64 - 1, not " +
                            py::repr(v).cast<std::string>());
    }
    limits.*f.member = n;
  }
  return limits;
}

check_options options_of(py::handle as_of, py::handle stage_code, bool trace,
                         py::handle bad_credit_code) {
  check_options opt;
  opt.as_of = date_argument(as_of, "as_of");
  opt.stage = enum_argument<stage>(stage_code, "stage");
  opt.trace = trace;
  opt.bad_credit_code = enum_argument<severity>(bad_credit_code, "bad_credit_code");
  return opt;
}

const notice& notice_or_builtin(const notice* n) { return n != nullptr ? *n : notice::builtin(); }

input_error at_index(const input_error& e, std::size_t i) {
  return input_error(e.code(), "/" + std::to_string(i) + e.path(), e.reason(), e.reason_zh());
}

/// check_texts_loaded, its path starting with the index of element `i` of a batch.
void texts_loaded(const application& a, std::size_t i, bool in_batch = true) {
  try {
    check_texts_loaded(a);
  } catch (const input_error& e) {
    if (!in_batch) throw;
    throw at_index(e, i);
  }
}

// ---- reports ----------------------------------------------------------------------------------

using report_ptr = std::shared_ptr<report>;

/// A finding of a report; keeps the report alive. A finding is read where it lies.
struct finding_ref {
  report_ptr owner;
  std::size_t index = 0;
  const finding& get() const { return owner->findings[index]; }
};

bool same(const localized& a, const localized& b) { return a.zh == b.zh && a.en == b.en; }

/// A reading of the pack as Python sees it: a Localized, or None where there is none.
py::object optional_reading(const localized& l) {
  return l.empty() ? py::object(py::none()) : py::cast(l);
}
bool same(const clause_ref& a, const clause_ref& b) { return a.ref == b.ref && a.quote == b.quote; }
bool same(const contact& a, const contact& b) {
  return a.code == b.code && a.name == b.name && a.phone == b.phone && a.clause == b.clause;
}
bool same(const finding& a, const finding& b) {
  return a.rule_id == b.rule_id && a.kind == b.kind && a.level == b.level &&
         a.unknown == b.unknown &&
         std::equal(a.clauses().begin(), a.clauses().end(), b.clauses().begin(), b.clauses().end(),
                    [](const clause_ref& x, const clause_ref& y) { return same(x, y); }) &&
         same(a.interpretation(), b.interpretation()) && a.path == b.path &&
         same(a.message(), b.message()) && same(a.expected(), b.expected()) &&
         same(a.found, b.found) &&
         // The contact's name and phone are what a finding says; its code and clause are the
         // pack's bookkeeping, which the report JSON leaves out.
         a.whom_to_call().name == b.whom_to_call().name &&
         a.whom_to_call().phone == b.whom_to_call().phone;
}
bool same(const report& a, const report& b) {
  return a.notice_id == b.notice_id && a.pack == b.pack && a.stage == b.stage &&
         a.as_of == b.as_of && a.application_id == b.application_id && a.title == b.title &&
         a.project_type == b.project_type && a.applicant_name == b.applicant_name &&
         a.credit_code == b.credit_code && a.origin == b.origin && a.decision == b.decision &&
         std::equal(a.findings.begin(), a.findings.end(), b.findings.begin(), b.findings.end(),
                    [](const finding& x, const finding& y) { return same(x, y); }) &&
         std::equal(a.trace.begin(), a.trace.end(), b.trace.begin(), b.trace.end(),
                    [](const rule_trace& x, const rule_trace& y) {
                      return x.rule_id == y.rule_id && x.status == y.status;
                    });
}

std::string joined(const std::vector<clause_ref>& clauses) {
  std::string out;
  for (const auto& c : clauses) out += (out.empty() ? "" : "、") + c.ref;
  return out;
}

py::object json_loads(const std::string& text) {
  return py::module_::import("json").attr("loads")(text);
}

std::string py_repr(const std::string& s) { return py::repr(py::str(s)).cast<std::string>(); }

std::string enum_repr(std::string_view cls, std::string_view code) {
  std::string name(code);
  for (char& c : name) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  return std::string(cls) + "." + name;
}

py::tuple finding_tuple(const report_ptr& r) {
  py::tuple out(r->findings.size());
  for (std::size_t i = 0; i < r->findings.size(); ++i) out[i] = py::cast(finding_ref{r, i});
  return out;
}

report_ptr report_from_text(const text_arg& t) {
  return std::make_shared<report>(report_from_json(t.view));
}

report_ptr report_from_object(py::handle o) {
  text_arg t = text_of(o);
  if (!t.is_text) {
    write_json(o, t.owned, "", document::application);
    t.view = t.owned;
  }
  return report_from_text(t);
}

// ---- the catalogue ----------------------------------------------------------------------------

struct project_type_view {
  project_type_info info;
  category_info category;
  contact whom;
};

template <class T, class F>
py::tuple tuple_of(const std::vector<T>& v, F&& f) {
  py::tuple out(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) out[i] = f(v[i]);
  return out;
}

py::handle g_applicant_kind;  // nxkx._enums.ApplicantKind: the built-in notice's kinds

/// An applicant kind code: the ApplicantKind member when the built-in notice has it, else the
/// code itself (a kind of another pack).
py::object kind_py(const std::string& code) {
  try {
    return py::reinterpret_borrow<py::object>(g_applicant_kind)(py::str(code));
  } catch (const py::error_already_set&) {
    return py::str(code);
  }
}

py::tuple kinds_tuple(const std::vector<std::string>& v) {
  return tuple_of(v, [](const std::string& k) { return kind_py(k); });
}

notice notice_from_text(py::handle o) {
  const text_arg t = text_of(o);
  if (!t.is_text) throw py::type_error("text must be str or bytes, not '" + type_name(o) + "'");
  return notice::from_json(t.view);
}

notice notice_from_dict(py::handle o) {
  std::string text;
  write_json(o, text, "", document::pack);
  return notice::from_json(text);
}

/// Read by notice::load (read.hpp: max_pack_bytes, the file codes of the command). A file that
/// cannot be read is an nxkx.FileError, which is an OSError too (FileNotFoundError for
/// input.not_found, IsADirectoryError for input.directory).
notice load_notice(py::handle path) {
  const py::module_ os = py::module_::import("os");
  const py::object fs_path = os.attr("fsdecode")(path);                    // what the error names
  const std::string file = os.attr("fsencode")(path).cast<std::string>();  // the bytes
  try {
    py::gil_scoped_release nogil;
    return notice::load(std::filesystem::path(file));
  } catch (const input_error& e) {
    const std::string& c = e.code();
    if (c != "input.not_found" && c != "input.unreadable" && c != "input.directory" &&
        c != "input.not_regular")
      throw;
    py::object exc = py::reinterpret_borrow<py::object>(g_file_error)
                         .attr("of")(lenient_str(e.code()), lenient_str(e.path()),
                                     lenient_str(e.reason()), lenient_str(e.reason_zh()), fs_path);
    PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(exc.ptr())), exc.ptr());
    throw py::error_already_set();
  }
}

bool is_builtin(const notice& n) { return n.same_load(notice::builtin()); }

// ---- batches ----------------------------------------------------------------------------------

/// What a batch gives back, collected as it is judged: each report made the object a Python
/// Report holds as it is handed on (no vector of reports moved out of at the end, whose slack
/// and moved-from elements were ~0.3x of a batch's text), and only the elements that are errors.
struct batch_results {
  std::vector<std::shared_ptr<report>> reports;
  std::vector<input_error> errors;        ///< in input order
  std::vector<std::size_t> error_places;  ///< of errors[i] in the input
  std::size_t elements = 0;

  void add(nxkx::report&& r) { reports.push_back(std::make_shared<nxkx::report>(std::move(r))); }
  void add_error(std::size_t at, input_error&& e) {
    errors.push_back(std::move(e));
    error_places.push_back(at);
  }
  void amended(const amendment& m) {
    nxkx::report& r = *reports.at(m.position);
    // One more finding at most: without this the vector doubles, and the slack of every
    // amended report stays for as long as the Report does.
    r.findings.reserve(r.findings.size() + 1);
    apply(r, m);
  }

  /// Reports and errors in input order (Report or InputError items); strict, the reports only.
  py::list list(bool with_errors) {
    py::list out(with_errors ? elements : reports.size());
    std::size_t next = 0, next_error = 0;
    for (std::size_t i = 0; i < out.size(); ++i) {
      if (with_errors && next_error < errors.size() && error_places[next_error] == i)
        out[i] = exception_of(g_input_error, errors[next_error++]);
      else
        out[i] = py::cast(std::move(reports[next++]));
    }
    return out;
  }
};

/// check_many of one JSON document's text (an array, or one application), read whole: an element
/// at a time, checked in chunks on opt.threads threads (batch.hpp), so that memory holds the text,
/// the reports and one chunk of applications, never all of them.
py::list check_document_text(std::string_view text, const notice& n, const check_options& opt,
                             const input_limits& limits, bool strict) {
  batch_results got;
  {
    py::gil_scoped_release nogil;
    document_events events;
    events.error = [&got](std::size_t at, input_error&& e) { got.add_error(at, std::move(e)); };
    events.report = [&got](report&& r) { got.add(std::move(r)); };
    events.amended = [&got](const amendment& m) { got.amended(m); };
    got.elements = check_document_each(
        text, n, opt, limits,
        [strict](application& a, std::optional<std::size_t> index) {
          // Strict, a document of one application is element 0 (as before).
          texts_loaded(a, index.value_or(0), strict || index.has_value());
        },
        events);
    if (strict)
      if (const input_error* e = strict_error(got.errors)) throw *e;
  }
  return got.list(!strict);
}

/// Where an element of a str's top-level array lies, in code units.
struct str_element {
  std::size_t begin = 0, size = 0;
};

/// The UTF-8 length of a code point that is not a surrogate.
constexpr std::size_t utf8_size(char32_t c) noexcept {
  return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

constexpr bool json_space(char32_t c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/// The elements of the top-level array of a str's code units `t` (Py_UCS1, 2 or 4), found as
/// split_elements (src/json_in.cpp) finds them in the UTF-8 text, by matching brackets outside
/// strings: the same elements, since every character that ends a string or an element is ASCII.
/// nullopt for whatever check_document_text should read instead, for an error or a reading of
/// the text as a whole that an element read on its own would not give: a byte order mark, more
/// leading white space than max_bytes, a top level that is not an array, an array that does not
/// close or is followed by other text, an empty element, one that does not begin with '{', more
/// than max_batch elements, one of more than max_bytes of UTF-8, more than max_batch_bytes in
/// all, a surrogate anywhere (encoded with surrogatepass, it is invalid UTF-8: the reader says
/// where).
template <class Unit>
std::optional<std::vector<str_element>> scan_str_batch(const Unit* t, std::size_t n,
                                                       const input_limits& limits) {
  std::vector<str_element> out;
  std::size_t pos = 0;
  std::size_t bytes = 0;  // of t[0, pos) in UTF-8
  const auto skip = [&] {
    for (; pos < n && json_space(t[pos]); ++pos) ++bytes;
  };
  skip();
  if (pos > limits.max_bytes || pos >= n || t[pos] != '[') return std::nullopt;
  ++pos, ++bytes;
  skip();
  if (pos < n && t[pos] == ']') {
    ++pos, ++bytes;
  } else {
    for (;;) {
      skip();
      if (pos >= n || t[pos] != '{') return std::nullopt;
      if (out.size() >= limits.max_batch) return std::nullopt;
      const std::size_t start = pos, start_bytes = bytes;
      std::size_t depth = 0;
      bool in_string = false, escaped = false;
      for (; pos < n; ++pos) {
        const char32_t c = t[pos];
        if (c >= 0xD800 && c <= 0xDFFF) return std::nullopt;
        if (in_string) {
          if (escaped)
            escaped = false;
          else if (c == '\\')
            escaped = true;
          else if (c == '"')
            in_string = false;
        } else if (c == '"') {
          in_string = true;
        } else if (c == '{' || c == '[') {
          ++depth;
        } else if (c == '}' || c == ']') {
          if (depth == 0) {
            if (c == '}') return std::nullopt;
            break;
          }
          --depth;
        } else if (c == ',' && depth == 0) {
          break;
        }
        bytes += utf8_size(c);
      }
      if (pos >= n) return std::nullopt;
      std::size_t end = pos, end_bytes = bytes;
      for (; end > start && json_space(t[end - 1]); --end) --end_bytes;
      if (end_bytes - start_bytes > limits.max_bytes) return std::nullopt;
      out.push_back({start, end - start});
      const bool closed = t[pos] == ']';
      ++pos, ++bytes;  // past ',' or ']'
      if (closed) break;
    }
  }
  skip();
  if (pos != n || bytes > limits.max_batch_bytes) return std::nullopt;
  return out;
}

/// Appends the UTF-8 of code units that hold no surrogate (utfcpp, the encoder json_in.cpp
/// uses for \u escapes).
template <class Unit>
void append_utf8(const Unit* t, std::size_t n, std::string& out) {
  for (std::size_t i = 0; i < n; ++i)
    utf8::unchecked::append(static_cast<std::uint32_t>(t[i]), std::back_inserter(out));
}

/// Non-ASCII str batches that check_str_batch answered (the others were read whole), for the
/// tests (_core._streamed_str_batches).
std::atomic<std::size_t> g_streamed_str_batches{0};

/// check_many of a non-ASCII str holding a batch, without its UTF-8 copy: the elements found in
/// its code units (scan_str_batch), each encoded to UTF-8 as it is added to one batch_stream
/// (batch.hpp) and read on its own there, so that memory holds the str, the reports and a few
/// chunks' texts and applications. An element read on its own says what it says inside the
/// whole text, but for the errors of its text (input.syntax, input.utf8, input.limit), whose
/// reasons give positions in the whole document: at the first of them, and for whatever the
/// scan leaves to it, nullopt, and the caller reads the text whole (check_document_text).
template <class Unit>
std::optional<py::list> check_str_batch(const Unit* t, std::size_t size, const notice& n,
                                        const check_options& opt, const input_limits& limits,
                                        bool strict) {
  // Inside the batch's array, which counts as one level of max_depth.
  if (limits.max_depth == 0) return std::nullopt;
  input_limits one = limits;
  one.max_depth = limits.max_depth - 1;
  batch_results got;
  std::atomic<bool> read_whole{false};
  {
    py::gil_scoped_release nogil;  // the str is immutable, and the caller holds it
    const std::optional<std::vector<str_element>> elements = scan_str_batch(t, size, limits);
    if (!elements) return std::nullopt;
    stream_hooks hooks;
    hooks.read = [&n, &one, &read_whole](std::string_view text, const origin&, std::size_t at) {
      application a;
      try {
        a = parse_application(text, n, one);
      } catch (const input_error& e) {
        const std::string& c = e.code();
        if (c == "input.syntax" || c == "input.utf8" || c == "input.limit") read_whole = true;
        throw at_index(e, at);
      }
      texts_loaded(a, at);
      return a;
    };
    hooks.error = [&got](input_error&& e, const origin&, std::size_t at) {
      got.add_error(at, std::move(e));
    };
    hooks.report = [&got](report&& r, std::string_view, std::size_t) { got.add(std::move(r)); };
    hooks.amended = [&got](const amendment& m) { got.amended(m); };
    try {
      batch_stream stream(n, opt, std::move(hooks));
      std::string utf8;
      for (std::size_t i = 0; i < elements->size() && !read_whole; ++i) {
        const str_element& e = (*elements)[i];
        utf8.clear();
        append_utf8(t + e.begin, e.size, utf8);
        stream.add_text(utf8, {}, i);
      }
      stream.finish();
    } catch (...) {
      if (read_whole) return std::nullopt;
      throw;
    }
    if (read_whole) return std::nullopt;
    got.elements = elements->size();
    ++g_streamed_str_batches;
    if (strict)
      if (const input_error* e = strict_error(got.errors)) throw *e;
  }
  return got.list(!strict);
}

py::list check_many(const notice* np, py::handle applications, py::handle as_of,
                    py::handle stage_code, bool trace, py::handle bad_credit_code, int threads,
                    py::handle limits_obj, bool strict) {
  if (threads < 1)
    throw py::value_error("threads must be at least 1, not " + std::to_string(threads));
  const notice n = notice_or_builtin(np);
  check_options opt = options_of(as_of, stage_code, trace, bad_credit_code);
  const input_limits limits = limits_argument(limits_obj);
  opt.threads = static_cast<unsigned>(std::min(threads, 256));

  PyObject* p = applications.ptr();
#if PY_VERSION_HEX < 0x030C0000
  if (PyUnicode_Check(p) && PyUnicode_READY(p) != 0) throw py::error_already_set();
#endif
  if (PyUnicode_Check(p) && !PyUnicode_IS_ASCII(p)) {  // its UTF-8 would be a copy of it
    std::optional<py::list> got;
    const auto size = static_cast<std::size_t>(PyUnicode_GET_LENGTH(p));
    switch (PyUnicode_KIND(p)) {
      case PyUnicode_1BYTE_KIND:
        got = check_str_batch(PyUnicode_1BYTE_DATA(p), size, n, opt, limits, strict);
        break;
      case PyUnicode_2BYTE_KIND:
        got = check_str_batch(PyUnicode_2BYTE_DATA(p), size, n, opt, limits, strict);
        break;
      default:
        got = check_str_batch(PyUnicode_4BYTE_DATA(p), size, n, opt, limits, strict);
        break;
    }
    if (got) return std::move(*got);
  }
  if (text_arg doc = text_of(applications); doc.is_text)  // one JSON document: an array
    return check_document_text(doc.view, n, opt, limits, strict);
  if (PyDict_Check(applications.ptr()))
    throw py::type_error("check_many takes a list of applications; use check() for one");
  // Own the items (the caller may change the list) while the GIL is released.
  py::list items = py::reinterpret_steal<py::list>(PySequence_List(applications.ptr()));
  if (!items) throw py::error_already_set();
  const std::size_t count = items.size();
  check_batch_limit(count, limits);  // before a single application is written

  // A chunk at a time: its items made ready with the GIL (a text kept as it is, a dict read
  // into the reader's tree), then handed to one batch_stream (batch.hpp, without the GIL), which
  // reads and checks them on opt.threads threads while the next chunk is made ready here, and
  // hands the reports back in order: memory holds the reports and a few chunks' texts, trees and
  // applications, never every application.
  batch_results got;
  got.elements = count;
  // Strict, the error raised is what reading every item before the first one that cannot be
  // written (application i nests too deep, holds a NaN …), then checking their texts, raises:
  // the reader's error of the lowest index, else the lowest-index text not loaded, else that
  // first unwritable item.
  std::optional<input_error> unwritable, read_error, text_error;
  std::vector<char> of_texts(count, 0);  // set (by the worker reading it) for a text not loaded
  stream_hooks hooks;
  // A dict's tree, by its index: set here before its element is added, read and let go by the
  // worker that takes the element (the chunk hand-over orders the two).
  std::vector<std::shared_ptr<application_tree>> trees(count);
  hooks.read = [&n, &limits, &of_texts, &trees](std::string_view text, const origin&,
                                                std::size_t at) {
    application a;
    try {
      if (std::shared_ptr<application_tree> tree = std::move(trees[at]))
        a = read_application(*tree, n);
      else
        a = parse_application(text, n, limits);
    } catch (const input_error& e) {
      throw at_index(e, at);
    }
    try {
      check_texts_loaded(a);  // a text named by file: Text.from_docx reads it into content
    } catch (const input_error& e) {
      of_texts[at] = 1;
      throw at_index(e, at);
    }
    return a;
  };
  hooks.error = [&](input_error&& e, const origin&, std::size_t at) {
    if (!strict)
      got.add_error(at, std::move(e));
    else if (!of_texts[at] && !read_error)
      read_error = std::move(e);
    else if (of_texts[at] && !text_error)
      text_error = std::move(e);
  };
  hooks.report = [&got](report&& r, std::string_view, std::size_t) { got.add(std::move(r)); };
  hooks.amended = [&got](const amendment& m) { got.amended(m); };
  batch_stream stream(n, opt, std::move(hooks));
  constexpr std::size_t chunk = 1024;
  std::vector<text_arg> sources;
  std::vector<std::optional<input_error>> chunk_errors;
  for (std::size_t first = 0; first < count && !unwritable; first += chunk) {
    const std::size_t size = std::min(chunk, count - first);
    sources.clear();
    chunk_errors.assign(size, std::nullopt);
    for (std::size_t i = 0; i < size; ++i) {
      const std::size_t at = first + i;
      PyObject* item = PyList_GET_ITEM(items.ptr(), static_cast<Py_ssize_t>(at));
      try {
        sources.push_back(application_text(item, "/" + std::to_string(at), limits));
      } catch (const input_error& e) {
        sources.emplace_back();
        if (strict) {
          unwritable = e;
          sources.pop_back();
          break;
        }
        chunk_errors[i] = e;  // its path already starts with "/i"
      }
    }
    py::gil_scoped_release nogil;
    for (std::size_t i = 0; i < sources.size(); ++i) {
      if (chunk_errors[i]) {
        stream.add_error(std::move(*chunk_errors[i]), {}, first + i);
      } else if (sources[i].tree) {
        trees[first + i] = std::move(sources[i].tree);  // read by hooks.read on a worker
        stream.add_text({}, {}, first + i);
      } else {
        stream.add_text(sources[i].view, {}, first + i);
      }
    }
  }
  {
    py::gil_scoped_release nogil;
    stream.finish();
  }
  if (strict) {
    if (read_error) throw *read_error;
    if (text_error) throw *text_error;
    if (unwritable) throw *unwritable;
  }
  return got.list(!strict);
}

py::object check_one(const notice* np, py::handle application_obj, py::handle as_of,
                     py::handle stage_code, bool trace, py::handle bad_credit_code,
                     py::handle limits_obj) {
  const notice n = notice_or_builtin(np);
  const check_options opt = options_of(as_of, stage_code, trace, bad_credit_code);
  const input_limits limits = limits_argument(limits_obj);
  const text_arg t = application_text(application_obj, "", limits);
  report r;
  {
    py::gil_scoped_release nogil;
    application a = parse_source(t, n, limits);
    check_texts_loaded(a);  // a text named by file: Text.from_docx reads it into content
    r = check(n, a, opt);
  }
  return py::cast(std::make_shared<report>(std::move(r)));
}

py::tuple bench_cpp_batch(const notice* np, const std::vector<std::string>& texts, py::handle as_of,
                          int threads) {
  const notice n = notice_or_builtin(np);
  check_options opt;
  opt.as_of = date_argument(as_of, "as_of");
  opt.threads = static_cast<unsigned>(std::max(1, std::min(threads, 256)));
  check_batch_limit(texts.size());
  std::vector<report> reports;
  double seconds = 0;
  {
    py::gil_scoped_release nogil;
    // What a C++ caller with one text per application writes: parse each, then one batch.
    const auto start = std::chrono::steady_clock::now();
    std::vector<application> apps;
    apps.reserve(texts.size());
    for (const auto& t : texts) apps.push_back(parse_application(t, n));
    reports = check_batch(n, apps, opt);
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  py::list decisions(reports.size());
  for (std::size_t i = 0; i < reports.size(); ++i)
    decisions[i] = py::str(std::string(to_code(reports[i].decision)));
  return py::make_tuple(seconds, decisions);
}

// ---- the desk's formats ------------------------------------------------------------------------

/// The reports and the errors of a list as check_many returns it (Report or InputError items). A
/// report without an origin, and every error, is named by its place in the list.
struct desk_items {
  std::vector<report> reports;
  std::vector<unreadable> errors;
  desk_batch batch() const { return {reports, errors}; }
};

desk_items desk_of(py::handle items) {
  if (PyDict_Check(items.ptr()) || PyUnicode_Check(items.ptr()))
    throw py::type_error("expected a list of reports (and InputErrors), not '" + type_name(items) +
                         "'");
  py::list list = py::reinterpret_steal<py::list>(PySequence_List(items.ptr()));
  if (!list) throw py::error_already_set();
  desk_items out;
  for (std::size_t i = 0; i < list.size(); ++i) {
    py::handle item = list[i];
    if (py::isinstance<report>(item)) {
      out.reports.push_back(item.cast<const report&>());
      if (!out.reports.back().origin.known()) out.reports.back().origin.index = i;
    } else if (PyObject_IsInstance(item.ptr(), g_input_error.ptr()) == 1) {
      auto text = [&](const char* name) { return py::str(item.attr(name)).cast<std::string>(); };
      out.errors.push_back({origin{"", i, std::nullopt}, text("code"), text("path"),
                            localized{text("reason_zh"), text("reason")}});
    } else {
      throw py::type_error("item " + std::to_string(i) + " is a '" + type_name(item) +
                           "', not an nxkx.Report or an nxkx.InputError");
    }
  }
  return out;
}

std::string fspath(py::handle path) {
  py::object p = py::module_::import("os").attr("fspath")(path);
  if (!PyUnicode_Check(p.ptr()))
    throw py::type_error("path must be str or os.PathLike of str, not '" + type_name(p) + "'");
  return p.cast<std::string>();
}

// ---- small values -----------------------------------------------------------------------------

std::string localized_repr(const localized& l) {
  return "Localized(zh=" + py_repr(l.zh) + ", en=" + py_repr(l.en) + ")";
}

}  // namespace

}  // namespace nxkx::python

PYBIND11_MODULE(_core, m) {
  using namespace nxkx;
  using namespace nxkx::python;
  m.doc() = "The compiled core of nxkx; use the nxkx package, which re-exports it.";
  m.attr("__version__") = version_string;

  init_datetime();
  // The package imports these two before this module (see nxkx/__init__.py).
  py::module_ enums = py::module_::import("nxkx._enums");
  g_applicant_kind = py::object(enums.attr("ApplicantKind")).release();
  bind_enum<stage>(enums, "Stage");
  bind_enum<severity>(enums, "Severity");
  bind_enum<decision>(enums, "Decision");
  py::module_ errors = py::module_::import("nxkx._errors");
  g_error = py::object(errors.attr("Error")).release();
  g_input_error = py::object(errors.attr("InputError")).release();
  g_pack_error = py::object(errors.attr("PackError")).release();
  g_file_error = py::object(errors.attr("FileError")).release();

  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const input_error& e) {
      raise(g_input_error, e);
    } catch (const pack_error& e) {
      raise(g_pack_error, e);
    } catch (const nxkx::error& e) {
      raise(g_error, e);
    }
  });

  // ---- value classes ----
  py::class_<localized>(m, "Localized", "A text in Chinese and English.")
      .def_readonly("zh", &localized::zh)
      .def_readonly("en", &localized::en)
      .def(
          "__getitem__",
          [](const localized& l, std::string_view lg) { return l.in(lang_argument(lg)); }, "lang"_a)
      .def("__str__", [](const localized& l) { return l.zh; })
      .def("__repr__", &localized_repr)
      .def(
          "__eq__", [](const localized& a, const localized& b) { return same(a, b); },
          py::is_operator())
      .def("__hash__",
           [](const localized& l) { return std::hash<std::string>{}(l.zh + '\0' + l.en); });

  py::class_<clause_ref>(m, "ClauseRef",
                         "A clause of the notice in its own numbering, with its text.")
      .def_readonly("ref", &clause_ref::ref)
      .def_readonly("quote", &clause_ref::quote)
      .def("__repr__",
           [](const clause_ref& c) {
             return "ClauseRef(ref=" + py_repr(c.ref) + ", quote=" + py_repr(c.quote) + ")";
           })
      .def(
          "__eq__", [](const clause_ref& a, const clause_ref& b) { return same(a, b); },
          py::is_operator())
      .def("__hash__",
           [](const clause_ref& c) { return std::hash<std::string>{}(c.ref + '\0' + c.quote); });

  py::class_<contact>(m, "Contact", "Whom to call about a project type (四、联系方式).")
      .def_readonly("code", &contact::code)
      .def_readonly("name", &contact::name)
      .def_readonly("phone", &contact::phone)
      .def_readonly("clause", &contact::clause)
      .def("__repr__",
           [](const contact& c) {
             return "Contact(name=" + py_repr(c.name) + ", phone=" + py_repr(c.phone) + ")";
           })
      .def(
          "__eq__", [](const contact& a, const contact& b) { return same(a, b); },
          py::is_operator())
      .def("__hash__", [](const contact& c) {
        return std::hash<std::string>{}(c.code + '\0' + c.name + '\0' + c.phone);
      });

  py::class_<pack_identity>(m, "PackIdentity",
                            "Which pack a report was judged by: its id, version and sha256.")
      .def_readonly("id", &pack_identity::id)
      .def_readonly("version", &pack_identity::version)
      .def_readonly("sha256", &pack_identity::sha256)
      .def("__repr__",
           [](const pack_identity& p) {
             return "PackIdentity(id=" + py_repr(p.id) + ", version=" + py_repr(p.version) +
                    ", sha256=" + py_repr(p.sha256) + ")";
           })
      .def("__str__", [](const pack_identity& p) { return pack_text(p); })
      .def(
          "__eq__", [](const pack_identity& a, const pack_identity& b) { return a == b; },
          py::is_operator())
      .def("__hash__", [](const pack_identity& p) {
        return std::hash<std::string>{}(p.id + '\0' + p.version + '\0' + p.sha256);
      });

  py::class_<rule_trace>(m, "RuleTrace",
                         "What happened to one rule: passed, failed or not_applicable.")
      .def_readonly("rule_id", &rule_trace::rule_id)
      .def_property_readonly("status",
                             [](const rule_trace& t) { return std::string(to_code(t.status)); })
      .def("__repr__",
           [](const rule_trace& t) {
             return "RuleTrace(rule_id=" + py_repr(t.rule_id) + ", status='" +
                    std::string(to_code(t.status)) + "')";
           })
      .def(
          "__eq__",
          [](const rule_trace& a, const rule_trace& b) {
            return a.rule_id == b.rule_id && a.status == b.status;
          },
          py::is_operator())
      .def("__hash__", [](const rule_trace& t) {
        return std::hash<std::string>{}(t.rule_id) ^ static_cast<std::size_t>(t.status);
      });

  py::class_<zi_count>(m, "ZiCount",
                       "A text's length by both counting methods, and in code points.")
      .def_readonly("word_processor", &zi_count::word_processor)
      .def_readonly("non_space", &zi_count::non_space)
      .def_readonly("code_points", &zi_count::code_points)
      .def("__repr__",
           [](const zi_count& z) {
             return "ZiCount(word_processor=" + std::to_string(z.word_processor) +
                    ", non_space=" + std::to_string(z.non_space) +
                    ", code_points=" + std::to_string(z.code_points) + ")";
           })
      .def(
          "__eq__",
          [](const zi_count& a, const zi_count& b) {
            return a.word_processor == b.word_processor && a.non_space == b.non_space &&
                   a.code_points == b.code_points;
          },
          py::is_operator())
      .def("__hash__", [](const zi_count& z) {
        return z.word_processor * 31 + z.non_space * 7 + z.code_points;
      });

  py::class_<credit_code_check>(m, "CreditCodeCheck",
                                "The result of validating a 统一社会信用代码.")
      .def_property_readonly("ok", &credit_code_check::ok)
      .def_property_readonly(
          "status", [](const credit_code_check& c) { return std::string(to_code(c.status)); })
      .def_readonly("position", &credit_code_check::position)
      .def_property_readonly("expected",
                             [](const credit_code_check& c) -> py::object {
                               if (c.expected_check == '\0') return py::none();
                               return py::str(std::string(1, c.expected_check));
                             })
      .def("__bool__", &credit_code_check::ok)
      .def("__repr__",
           [](const credit_code_check& c) {
             std::string out = "CreditCodeCheck(ok=" + std::string(c.ok() ? "True" : "False") +
                               ", status='" + std::string(to_code(c.status)) +
                               "', position=" + std::to_string(c.position);
             if (c.expected_check != '\0')
               out += ", expected='" + std::string(1, c.expected_check) + "'";
             return out + ")";
           })
      .def(
          "__eq__",
          [](const credit_code_check& a, const credit_code_check& b) {
            return a.status == b.status && a.position == b.position &&
                   a.expected_check == b.expected_check;
          },
          py::is_operator())
      .def("__hash__", [](const credit_code_check& c) {
        return static_cast<std::size_t>(c.status) * 97 + static_cast<std::size_t>(c.position);
      });

  // ---- the catalogue ----
  py::class_<notice_info>(m, "NoticeInfo",
                          "The notice itself: id, number, title, dates, where to submit.")
      .def_readonly("id", &notice_info::id)
      .def_readonly("issuer", &notice_info::issuer)
      .def_readonly("number", &notice_info::number)
      .def_readonly("title", &notice_info::title)
      .def_property_readonly("issued", [](const notice_info& i) { return make_date(i.issued); })
      .def_property_readonly("application_deadline",
                             [](const notice_info& i) -> py::object {
                               if (!i.application_deadline) return py::none();  // not stated
                               return make_date(*i.application_deadline);
                             })
      .def_property_readonly(
          "deadline_interpretation",
          [](const notice_info& i) { return optional_reading(i.deadline_interpretation); })
      .def_readonly("timezone", &notice_info::timezone)
      .def_readonly("submit_to", &notice_info::submit_to)
      .def_readonly("address", &notice_info::address)
      .def_readonly("email", &notice_info::email)
      .def_readonly("form_name", &notice_info::form_name)
      .def("__repr__", [](const notice_info& i) {
        return "NoticeInfo(id=" + py_repr(i.id) + ", number=" + py_repr(i.number) +
               ", application_deadline=" +
               (i.application_deadline ? format_date(*i.application_deadline) : "None") + ")";
      });

  py::class_<category_info>(m, "Category", "A project category, e.g. 一(一) 创新平台能力提升项目.")
      .def_readonly("code", &category_info::code)
      .def_readonly("clause", &category_info::clause)
      .def_readonly("name", &category_info::name)
      .def("__repr__", [](const category_info& c) {
        return "Category(code=" + py_repr(c.code) + ", clause=" + py_repr(c.clause) +
               ", name=" + py_repr(c.name.zh) + ")";
      });

  py::class_<applicant_kind_info>(m, "ApplicantKindInfo",
                                  "An applicant kind (申报主体) as the notice describes it.")
      .def_property_readonly("kind", [](const applicant_kind_info& a) { return kind_py(a.code); })
      .def_readonly("code", &applicant_kind_info::code)
      .def_readonly("clause", &applicant_kind_info::clause)
      .def_readonly("name", &applicant_kind_info::name)
      .def_readonly("definition", &applicant_kind_info::definition)
      .def("__repr__", [](const applicant_kind_info& a) {
        return "ApplicantKindInfo(kind=" + enum_repr("ApplicantKind", a.code) +
               ", name=" + py_repr(a.name.zh) + ")";
      });

  py::class_<project_type_view>(m, "ProjectType", "One of the notice's project types (项目类型).")
      .def_property_readonly("code", [](const project_type_view& p) { return p.info.code; })
      .def_property_readonly("category", [](const project_type_view& p) { return p.category; })
      .def_property_readonly("clause", [](const project_type_view& p) { return p.info.clause; })
      .def_property_readonly("name", [](const project_type_view& p) { return p.info.name; })
      .def_property_readonly(
          "eligible", [](const project_type_view& p) { return kinds_tuple(p.info.eligible); })
      .def_property_readonly(
          "joint_eligible",
          [](const project_type_view& p) { return kinds_tuple(p.info.joint_eligible); })
      .def_property_readonly("papers",
                             [](const project_type_view& p) {
                               return tuple_of(p.info.papers,
                                               [](const localized& l) { return py::cast(l); });
                             })
      .def_property_readonly(
          "completion_deadline",
          [](const project_type_view& p) { return make_date(p.info.completion_deadline); })
      .def_property_readonly("contact", [](const project_type_view& p) { return p.whom; })
      .def_property_readonly("applicants_text",
                             [](const project_type_view& p) { return p.info.applicants_text; })
      .def_property_readonly(
          "interpretation",
          [](const project_type_view& p) { return optional_reading(p.info.interpretation); })
      .def("__repr__", [](const project_type_view& p) {
        return "ProjectType(code=" + py_repr(p.info.code) + ", clause=" + py_repr(p.info.clause) +
               ", name=" + py_repr(p.info.name.zh) + ")";
      });

  py::class_<rule_info>(m, "Rule",
                        "One rule of the notice pack: its clause, kind, stage and outcome.")
      .def_readonly("id", &rule_info::id)
      .def_readonly("kind", &rule_info::kind)
      .def_property_readonly("stage", [](const rule_info& r) { return to_py(r.stage); })
      .def_property_readonly("clauses",
                             [](const rule_info& r) {
                               return tuple_of(r.clauses,
                                               [](const clause_ref& c) { return py::cast(c); });
                             })
      .def_property_readonly("clause", &rule_info::clause_text)
      .def_property_readonly("quote",
                             [](const rule_info& r) {
                               return r.clauses.empty() ? std::string() : r.clauses.front().quote;
                             })
      .def_property_readonly("quotes",
                             [](const rule_info& r) {
                               return tuple_of(
                                   r.clauses, [](const clause_ref& c) { return py::str(c.quote); });
                             })
      .def_property_readonly("interpretation",
                             [](const rule_info& r) { return optional_reading(r.interpretation); })
      .def_property_readonly("outcome", [](const rule_info& r) { return to_py(r.outcome); })
      .def_property_readonly("when_unknown",
                             [](const rule_info& r) { return to_py(r.when_unknown); })
      .def_property_readonly("project_types",
                             [](const rule_info& r) {
                               return tuple_of(r.project_types,
                                               [](const std::string& s) { return py::str(s); });
                             })
      .def_property_readonly("applicant_kinds",
                             [](const rule_info& r) { return kinds_tuple(r.applicant_kinds); })
      .def_readonly("title", &rule_info::title)
      .def_property_readonly("params", [](const rule_info& r) { return json_loads(r.params_json); })
      .def("__repr__", [](const rule_info& r) {
        return "Rule(id=" + py_repr(r.id) + ", clause=" + py_repr(r.clause_text()) +
               ", stage=" + enum_repr("Stage", to_code(r.stage)) + ")";
      });

  py::class_<notice>(
      m, "Notice",
      "A loaded notice pack: metadata, catalogue and rules. Immutable; share it freely, "
      "also across threads.")
      .def_static(
          "builtin", [] { return notice::builtin(); },
          "The 2025 notice (宁夏科协〔2025〕61号), compiled in.")
      .def_static("load", &load_notice, "path"_a,
                  "Loads a pack from a file. Raises FileError (an InputError and an OSError: "
                  "input.not_found, input.unreadable, input.directory, input.not_regular) if it "
                  "cannot be read, InputError (input.limit) past max_pack_bytes (16 MiB), "
                  "PackError if it is not a pack.")
      .def_static("from_json", &notice_from_text, "text"_a,
                  "Loads a pack from JSON text (str or bytes).")
      .def_static(
          "from_dict", [](const py::dict& d) { return notice_from_dict(d); }, "data"_a,
          "Loads a pack from its JSON form as Python objects.")
      .def_property_readonly("id", [](const notice& n) { return n.info().id; })
      .def_property_readonly("info", [](const notice& n) { return n.info(); })
      .def_property_readonly("categories",
                             [](const notice& n) {
                               return tuple_of(n.categories(),
                                               [](const category_info& c) { return py::cast(c); });
                             })
      .def_property_readonly("applicant_kinds",
                             [](const notice& n) {
                               return tuple_of(
                                   n.applicant_kinds(),
                                   [](const applicant_kind_info& a) { return py::cast(a); });
                             })
      .def_property_readonly("project_types",
                             [](const notice& n) {
                               return tuple_of(n.project_types(), [&n](const project_type_info& t) {
                                 const category_info* c = n.find_category(t.category);
                                 const contact* whom = n.find_contact(t.contact);
                                 return py::cast(project_type_view{t, c ? *c : category_info{},
                                                                   whom ? *whom : contact{}});
                               });
                             })
      .def_property_readonly("contacts",
                             [](const notice& n) {
                               return tuple_of(n.contacts(),
                                               [](const contact& c) { return py::cast(c); });
                             })
      .def_property_readonly("rules",
                             [](const notice& n) {
                               return tuple_of(n.rules(),
                                               [](const rule_info& r) { return py::cast(r); });
                             })
      .def(
          "project_type",
          [](const notice& n, std::string_view code) -> py::object {
            const project_type_info* t = n.find_project_type(code);
            if (t == nullptr) return py::none();
            const category_info* c = n.find_category(t->category);
            const contact* whom = n.find_contact(t->contact);
            return py::cast(
                project_type_view{*t, c ? *c : category_info{}, whom ? *whom : contact{}});
          },
          "code"_a, "The project type of a code, or None.")
      .def(
          "label",
          [](const notice& n, std::string_view code) -> py::object {
            const localized* l = n.label(code);
            return l ? py::cast(*l) : py::none();
          },
          "code"_a,
          "The label of a vocabulary code such as 'event_type.academic_exchange', or None.")
      .def_property_readonly("source", [](const notice& n) { return n.source(); })
      .def(
          "to_dict", [](const notice& n) { return json_loads(n.source()); },
          "The pack as Python objects.")
      .def(
          "lint",
          [](const notice& n, std::optional<std::string> notice_text) {
            return json_loads(
                lint_json(n, lint(n, notice_text ? *notice_text : std::string()), -1));
          },
          "notice_text"_a = py::none(),
          "What `nxkx pack lint` finds (docs/pack-format.md §9): {'pack': {id, version, sha256}, "
          "'errors': N, 'warnings': N, 'issues': [{'level', 'code', 'path', 'message': {zh, "
          "en}}]}. With the notice's text, every quote is looked for in it.")
      // ---- nxkx pack diff / nxkx pack doc (docs/pack-tools.md) ----
      .def(
          "diff",
          [](const notice& n, const notice& other) {
            return json_loads(diff_json(diff(n, other), -1));
          },
          "other"_a,
          "What changed for applicants from this pack to `other` (`nxkx pack diff`): {'old': "
          "{id, version, sha256}, 'new': {…}, 'changes': N, 'items': [{'change': "
          "'added'|'removed'|'changed', 'section', 'key', 'field', 'old_path', 'new_path', "
          "'old', 'new', 'subject', 'field_label', 'old_text', 'new_text'}]}; 'changes' is 0 "
          "when nothing changed for applicants.")
      .def(
          "doc",
          [](const notice& n, std::string_view format, std::string_view lg) {
            const std::optional<doc_format> f = from_code<doc_format>(format);
            if (!f)
              throw py::value_error("format must be 'md' or 'html', not '" + std::string(format) +
                                    "'");
            return doc(n, *f, lang_argument(lg));
          },
          "format"_a = "md", "lang"_a = "zh",
          "The rules reference of this pack (`nxkx pack doc`): per project type, who may apply "
          "and every rule with its clause, quote, reading and outcome; format 'md' (Markdown) or "
          "'html' (one self-contained printable page), lang 'zh' or 'en'.")
      .def_property_readonly(
          "identity",
          [](const notice& n) {
            py::dict d;
            d["id"] = n.identity().id;
            d["version"] = n.identity().version;
            d["sha256"] = n.identity().sha256;
            return d;
          },
          "The pack's id, version and sha256, as every report names it.")
      .def(
          "__eq__",
          [](const notice& a, const notice& b) {
            return a.same_load(b) || a.source() == b.source();
          },
          py::is_operator())
      .def("__hash__", [](const notice& n) { return std::hash<std::string>{}(n.source()); })
      .def("__repr__",
           [](const notice& n) {
             return "<Notice " + n.info().id + " " + n.info().number + ": " +
                    std::to_string(n.project_types().size()) + " project types, " +
                    std::to_string(n.rules().size()) + " rules>";
           })
      .def(py::pickle(
          [](const notice& n) {
            // The built-in pack travels as a marker: the receiver has it compiled in too.
            return is_builtin(n) ? py::make_tuple("builtin", py::none())
                                 : py::make_tuple("source", py::bytes(n.source()));
          },
          [](const py::tuple& state) {
            if (state.size() != 2) throw py::value_error("bad Notice pickle state");
            if (state[0].cast<std::string>() == "builtin") return notice::builtin();
            return notice_from_text(state[1]);
          }));

  // ---- reports ----
  py::class_<finding_ref>(m, "Finding",
                          "One broken (or unverifiable) rule, citing the notice clause by clause.")
      .def_property_readonly("rule_id", [](const finding_ref& f) { return f.get().rule_id; })
      .def_property_readonly("kind", [](const finding_ref& f) { return f.get().kind; })
      .def_property_readonly("severity", [](const finding_ref& f) { return to_py(f.get().level); })
      .def_property_readonly("unknown", [](const finding_ref& f) { return f.get().unknown; })
      .def_property_readonly("clause",
                             [](const finding_ref& f) { return joined(f.get().clauses()); })
      .def_property_readonly("clauses",
                             [](const finding_ref& f) {
                               return tuple_of(f.get().clauses(),
                                               [](const clause_ref& c) { return py::cast(c); });
                             })
      .def_property_readonly(
          "interpretation",
          [](const finding_ref& f) { return optional_reading(f.get().interpretation()); })
      .def_property_readonly("path", [](const finding_ref& f) { return f.get().path; })
      .def_property_readonly("contact", [](const finding_ref& f) { return f.get().whom_to_call(); })
      .def(
          "message",
          [](const finding_ref& f, std::string_view l) {
            return f.get().message(lang_argument(l));
          },
          "lang"_a = "zh", "What is wrong, in 'zh' or 'en'.")
      .def(
          "expected",
          [](const finding_ref& f, std::string_view l) {
            return f.get().expected(lang_argument(l));
          },
          "lang"_a = "zh", "What the notice asks, in 'zh' or 'en'.")
      .def(
          "found",
          [](const finding_ref& f, std::string_view l) {
            return f.get().found.in(lang_argument(l));
          },
          "lang"_a = "zh", "What the application says, in 'zh' or 'en'.")
      .def(
          "severity_label",
          [](const finding_ref& f, std::string_view l) {
            return std::string(severity_label(f.get().level, f.owner->stage, lang_argument(l)));
          },
          "lang"_a = "zh", "The severity as the report words it at its stage, e.g. 材料不全.")
      .def(
          "to_dict",
          [](const finding_ref& f) {
            report one;
            one.stage = f.owner->stage;
            one.findings.push_back(f.get());
            // Own each step: an accessor into a temporary would dangle once returned.
            py::object whole = json_loads(to_json(one, -1));
            py::object findings = whole["findings"];
            return py::object(findings[py::int_(0)]);
          },
          "The finding as in a report's JSON.")
      .def("__repr__",
           [](const finding_ref& f) {
             const finding& x = f.get();
             return "Finding(rule_id=" + py_repr(x.rule_id) +
                    ", severity=" + enum_repr("Severity", to_code(x.level)) +
                    ", clause=" + py_repr(joined(x.clauses())) + ", path=" + py_repr(x.path) + ")";
           })
      .def(
          "__eq__",
          [](const finding_ref& a, const finding_ref& b) { return same(a.get(), b.get()); },
          py::is_operator())
      .def("__hash__",
           [](const finding_ref& f) {
             return std::hash<std::string>{}(f.get().rule_id + '\0' + f.get().path);
           })
      .def(py::pickle(
          [](const finding_ref& f) {
            report one;
            one.stage = f.owner->stage;
            one.as_of = f.owner->as_of;
            one.findings.push_back(f.get());
            return py::bytes(report_state(one));
          },
          [](const py::bytes& state) {
            auto r = std::make_shared<report>(report_from_json(std::string_view(state)));
            if (r->findings.size() != 1) throw py::value_error("bad Finding pickle state");
            return finding_ref{r, 0};
          }));

  py::class_<report, report_ptr>(m, "Report",
                                 "The answer for one application: a decision and its findings.")
      .def_readonly("notice_id", &report::notice_id)
      .def_readonly("pack", &report::pack)
      .def_property_readonly("stage", [](const report& r) { return to_py(r.stage); })
      .def_property_readonly("as_of", [](const report& r) { return make_date(r.as_of); })
      .def_readonly("application_id", &report::application_id)
      .def_readonly("title", &report::title)
      .def_readonly("project_type", &report::project_type)
      .def_readonly("applicant_name", &report::applicant_name)
      .def_readonly("credit_code", &report::credit_code)
      .def_property_readonly(
          "origin",
          [](const report& r) -> py::object {
            if (!r.origin.known()) return py::none();
            py::dict o;
            if (!r.origin.file.empty()) o["file"] = lenient_str(r.origin.file);
            if (r.origin.index) o["index"] = *r.origin.index;
            if (r.origin.line) o["line"] = *r.origin.line;
            return o;
          },
          "Where the application was read from ({'file', 'index', 'line'}), or None.")
      .def_property_readonly("decision", [](const report& r) { return to_py(r.decision); })
      .def_property_readonly("accepted", &report::accepted)
      .def_property_readonly("findings", [](report_ptr r) { return finding_tuple(r); })
      .def_property_readonly(
          "rule_ids",
          [](const report& r) {
            std::vector<std::string> ids;
            for (const auto& f : r.findings) ids.push_back(f.rule_id);
            std::sort(ids.begin(), ids.end());
            ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
            return tuple_of(ids, [](const std::string& s) { return py::str(s); });
          },
          "The distinct rule ids of the findings, sorted.")
      .def_property_readonly("trace",
                             [](const report& r) {
                               return tuple_of(r.trace,
                                               [](const rule_trace& t) { return py::cast(t); });
                             })
      .def(
          "decision_label",
          [](const report& r, std::string_view l) {
            // At completion an incomplete project reads 未完成, as in the report JSON.
            if (r.decision == decision::incomplete)
              return std::string(severity_label(severity::incomplete, r.stage, lang_argument(l)));
            return std::string(decision_label(r.decision, lang_argument(l)));
          },
          "lang"_a = "zh", "The decision as the report words it at its stage, e.g. 不予受理.")
      .def(
          "to_json",
          [](const report& r, int indent, bool compact) {
            return to_json(r, indent, detail_of(compact));
          },
          "indent"_a = 2, py::kw_only(), "compact"_a = false,
          "The report's JSON, as nxkx::to_json writes it (indent < 0: one line). compact: "
          "clauses cited by ref, without their quotes, the readings and the contacts "
          "(\"detail\": \"compact\"; Notice.rules() has them).")
      .def(
          "to_dict",
          [](const report& r, bool compact) {
            return json_loads(to_json(r, -1, detail_of(compact)));
          },
          py::kw_only(), "compact"_a = false, "The report's JSON as Python objects.")
      .def(
          "to_text",
          [](const report& r, std::string_view l, const notice* n, bool compact) {
            const report_detail d = detail_of(compact);
            return n ? to_text(r, lang_argument(l), *n, d) : to_text(r, lang_argument(l), d);
          },
          "lang"_a = "zh", "notice"_a = nullptr, py::kw_only(), "compact"_a = false,
          "The report for people, naming the project type as `notice` does (compact: without "
          "the lines of quotes, readings and contacts).")
      .def(
          "to_brief",
          [](const report& r, std::string_view l, const notice* n) {
            return to_brief(r, n != nullptr ? *n : notice::builtin(), lang_argument(l));
          },
          "lang"_a = "zh", "notice"_a = nullptr,
          "The report in a few lines: one for the application, one per finding, clauses cited "
          "without their text.")
      .def_static(
          "from_dict", [](py::handle d) { return report_from_object(d); }, "data"_a,
          "A report from what to_dict() gives.")
      .def_static(
          "from_json", [](py::handle t) { return report_from_object(t); }, "text"_a,
          "A report from what to_json() gives.")
      .def("__repr__",
           [](const report& r) {
             std::string out = "Report(id=" + py_repr(r.application_id) +
                               ", project_type=" + py_repr(r.project_type) +
                               ", decision=" + enum_repr("Decision", to_code(r.decision));
             if (!r.findings.empty()) {
               out += ", findings=[";
               for (std::size_t i = 0; i < r.findings.size(); ++i)
                 out += (i ? ", " : "") + py_repr(r.findings[i].rule_id);
               out += "]";
             }
             return out + ")";
           })
      .def(
          "__eq__", [](const report& a, const report& b) { return same(a, b); }, py::is_operator())
      .def("__hash__",
           [](const report& r) {
             return std::hash<std::string>{}(r.notice_id + '\0' + r.application_id) ^
                    (r.findings.size() * 131) ^ static_cast<std::size_t>(r.decision);
           })
      .def(py::pickle([](const report& r) { return py::bytes(report_state(r)); },
                      [](const py::bytes& state) {
                        return std::make_shared<report>(report_from_json(std::string_view(state)));
                      }));

  // ---- functions ----
  m.def(
      "count_zi",
      [](py::handle text, std::string_view method) {
        const text_arg t = text_of(text);
        if (!t.is_text)
          throw py::type_error("text must be str or bytes, not '" + type_name(text) + "'");
        std::optional<count_method> cm = from_code<count_method>(method);
        if (!cm)
          throw py::value_error("method must be 'word_processor' or 'non_space', not '" +
                                std::string(method) + "'");
        return count_zi(t.view, *cm);
      },
      "text"_a, "method"_a = "word_processor",
      "字 of a text as the notice counts them: 'word_processor' (Word/WPS 字数) or 'non_space'.");
  m.def(
      "count_zi_both",
      [](py::handle text) {
        const text_arg t = text_of(text);
        if (!t.is_text)
          throw py::type_error("text must be str or bytes, not '" + type_name(text) + "'");
        return count_zi(t.view);
      },
      "text"_a, "字 of a text by both methods, and its code points.");
  m.def(
      "validate_credit_code", [](std::string_view code) { return check_credit_code(code); },
      "code"_a, "Checks both check characters of a 统一社会信用代码 (GB 32100-2015).");
  m.def(
      "parse_date", [](py::handle text) { return make_date(date_argument(text, "date")); },
      "text"_a, "A 'YYYY-MM-DD' date or an RFC 3339 timestamp as its China Standard Time date.");

  m.def(
      "_to_csv",
      [](py::handle items, std::string_view l, const notice* np) {
        const desk_items d = desk_of(items);
        return to_csv(d.batch(), notice_or_builtin(np), lang_argument(l));
      },
      "items"_a, "lang"_a = "zh", "notice"_a = nullptr);
  m.def(
      "_to_html",
      [](py::handle items, std::string_view l, const notice* np) {
        const desk_items d = desk_of(items);
        return to_html(d.batch(), notice_or_builtin(np), lang_argument(l));
      },
      "items"_a, "lang"_a = "zh", "notice"_a = nullptr);
  m.def(
      "_tables",
      [](py::handle items, std::string_view l, const notice* np) {
        const desk_items d = desk_of(items);
        const notice& n = notice_or_builtin(np);
        py::dict out;
        auto put = [&out](const char* name, const table& t) {
          py::list rows;
          for (const auto& r : t.rows) rows.append(py::cast(r));
          out[name] = py::make_tuple(py::cast(t.header), rows);
        };
        put("summary", summary_table(d.batch(), n, lang_argument(l)));
        put("findings", findings_table(d.batch(), n, lang_argument(l)));
        put("csv", csv_table(d.batch(), n, lang_argument(l)));
        return out;
      },
      "items"_a, "lang"_a = "zh", "notice"_a = nullptr);
#ifdef NXKX_HAVE_OFFICE
  m.def(
      "_write_xlsx",
      [](py::handle items, py::handle path, std::string_view l, const notice* np) {
        const desk_items d = desk_of(items);
        const std::string file = fspath(path);
        const lang language = lang_argument(l);
        const notice& n = notice_or_builtin(np);
        py::gil_scoped_release nogil;
        write_xlsx(file, d.batch(), n, language);
      },
      "items"_a, "path"_a, "lang"_a = "zh", "notice"_a = nullptr);
  m.def(
      "_docx_text", [](py::handle path) { return read_docx_text(fspath(path)); }, "path"_a);
#endif
  m.def(
      "_starter",
      [](const notice* np, std::string_view type, py::handle stage_code, py::handle kind) {
        std::optional<std::string> k;
        if (!kind.is_none()) {
          if (!py::isinstance<py::str>(kind))
            throw py::type_error("kind must be an applicant kind code (str), not '" +
                                 type_name(kind) + "'");
          k = kind.cast<std::string>();
        }
        return starter_application(notice_or_builtin(np), type,
                                   enum_argument<stage>(stage_code, "stage"), k);
      },
      "notice"_a.none(true), "project_type"_a, "stage"_a, "kind"_a = py::none());
  m.def("_check", &check_one, "notice"_a.none(true), "application"_a, "as_of"_a, "stage"_a,
        "trace"_a, "bad_credit_code"_a, "limits"_a = py::none());
  m.def("_check_many", &check_many, "notice"_a.none(true), "applications"_a, "as_of"_a, "stage"_a,
        "trace"_a, "bad_credit_code"_a, "threads"_a, "limits"_a = py::none(), "strict"_a = true);
  m.def(
      "_canonical_json",
      [](const notice* np, py::handle application_obj, int indent, py::handle limits_obj) {
        const notice n = notice_or_builtin(np);
        const input_limits limits = limits_argument(limits_obj);
        const text_arg t = application_text(application_obj, "", limits);
        return to_json(parse_source(t, n, limits), n, indent);
      },
      "notice"_a.none(true), "application"_a, "indent"_a = -1, "limits"_a = py::none(),
      "The application read by the C++ reader and written back (docs/application-format.md §6).");
  m.def(
      "_schema",
      [](const notice* np, const std::string& document) {
        const auto d = from_code<schema_document>(document);
        if (!d)
          throw py::value_error("unknown document \"" + document + "\"; expected " +
                                code_list<schema_document>());
        return json_schema(notice_or_builtin(np), *d, -1);
      },
      "notice"_a.none(true), "document"_a = "application",
      "The JSON Schema of a document under the notice (nxkx schema), as text: the C++ "
      "description of the application that the Python model is checked against.");
  m.def(
      "_default_limits",
      [] {
        const input_limits defaults;
        py::dict out;
        for (const limit_field& f : limit_fields) out[f.name] = defaults.*f.member;
        return out;
      },
      "The defaults of nxkx::input_limits, field by field in declaration order.");
  m.def(
      "_streamed_str_batches", [] { return g_streamed_str_batches.load(); },
      "How many non-ASCII str batches check_many has answered element by element, without a "
      "UTF-8 copy of the whole text (the others were read whole).");
  m.def("_bench_cpp_batch", &bench_cpp_batch, "notice"_a.none(true), "texts"_a, "as_of"_a,
        "threads"_a = 1,
        "Seconds taken by parse_application on each text and one check_batch, and the decisions.");
  m.def(
      "_labels",
      [] {
        // Model enums are named by the built-in notice's vocabulary; the rest are the product's
        // words.
        const notice& n = notice::builtin();
        py::dict out;
        auto add = [&out](const std::string& key, std::string zh, std::string en) {
          out[py::str(key)] = py::make_tuple(zh, en);
        };
        for (const char* ns : {"applicant_kind", "grassroots_field", "inspection_result",
                               "project_completion", "evaluation_grade", "delivery_method"})
          for (std::string_view code : n.codes(ns)) {
            const std::string key = std::string(ns) + "." + std::string(code);
            const localized* l = n.label(key);
            add(key, l ? l->zh : std::string(code), l ? l->en : std::string(code));
          }
        for (const auto& [d, code] : code_table<decision>::items)
          add("decision." + std::string(code), std::string(decision_label(d, lang::zh)),
              std::string(decision_label(d, lang::en)));
        for (const auto& [s, code] : code_table<severity>::items)
          add("severity." + std::string(code),
              std::string(severity_label(s, stage::application, lang::zh)),
              std::string(severity_label(s, stage::application, lang::en)));
        add("stage.application", "申报", "application");
        add("stage.completion", "结项", "completion");
        return out;
      },
      "Labels of every enum code: {'decision.rejected': ('不予受理', 'rejected'), ...}.");
  m.def(
      "_codes",
      [] {
        py::dict out;
        auto codes = [&out](auto tag, const char* name) {
          using E = decltype(tag);
          py::list l;
          for (const auto& [value, code] : code_table<E>::items) l.append(std::string(code));
          out[name] = l;
        };
        // The code lists of the built-in notice the Python model names as enums (_enums.py).
        const notice& n = notice::builtin();
        for (const char* ns : {"applicant_kind", "grassroots_field", "inspection_result",
                               "project_completion", "evaluation_grade", "delivery_method"}) {
          py::list l;
          for (std::string_view code : n.codes(ns)) l.append(std::string(code));
          out[ns] = l;
        }
        codes(stage{}, "stage");
        codes(severity{}, "severity");
        codes(decision{}, "decision");
        return out;
      },
      "The C++ code tables and the built-in notice's code lists: {'decision': ['accepted', ...], "
      "'applicant_kind': ['society', ...], ...}.");
}
