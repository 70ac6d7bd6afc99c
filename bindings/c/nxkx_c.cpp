// The C ABI (include/nxkx/nxkx.h): JSON text in, JSON text out, a status, and nothing thrown.
//
// Every entry point is noexcept and runs its work inside guarded(), which turns each exception
// into a status and an error document. The results are malloc'd so that nxkx_free can release
// them whatever allocator the caller's runtime uses.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <limits>
#include <memory>
#include <new>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../../src/json_escape.hpp"
#include "nxkx/json.hpp"
#include "nxkx/nxkx.h"
#include "nxkx/nxkx.hpp"
#include "nxkx/schema.hpp"
#include "nxkx/text.hpp"

struct nxkx_notice {
  nxkx::notice notice;  // copies share the immutable data: the handle is a reference count
};

namespace {

using ojson = nlohmann::ordered_json;

/// A caller's mistake: a NULL pointer or options that cannot be read.
class argument_error : public nxkx::error {
 public:
  using error::error;
};

[[noreturn]] void bad_argument(std::string code, std::string path, std::string reason) {
  throw argument_error(std::move(code), std::move(path), std::move(reason));
}

void require_pointer(const void* p, const char* name) {
  if (p == nullptr) bad_argument("argument.null", "", std::string(name) + " is NULL");
}

/// A malloc'd, NUL-terminated copy, or nullptr when memory runs out.
char* copy_out(std::string_view text) noexcept {
  auto* p = static_cast<char*>(std::malloc(text.size() + 1));
  if (p == nullptr) return nullptr;
  if (!text.empty()) std::memcpy(p, text.data(), text.size());
  p[text.size()] = '\0';
  return p;
}

/// Hands `text` to the caller; NXKX_OUT_OF_MEMORY (and *out = NULL) if it cannot be copied.
nxkx_status give(char** out, size_t* out_len, std::string_view text, nxkx_status status) noexcept {
  if (out == nullptr) return status;
  *out = copy_out(text);
  if (*out == nullptr) return NXKX_OUT_OF_MEMORY;
  if (out_len != nullptr) *out_len = text.size();
  return status;
}

/// Writes the error document {status, code, path, reason}. Never throws: if even that fails,
/// *out stays NULL and the status is still returned.
nxkx_status fail(char** out, size_t* out_len, nxkx_status status, std::string_view code,
                 std::string_view path, std::string_view reason,
                 std::string_view reason_zh = {}) noexcept {
  try {
    const ojson doc{{"status", nxkx_status_name(status)},
                    {"code", std::string(code)},
                    {"path", std::string(path)},
                    {"reason", std::string(reason)},
                    {"reason_zh", std::string(reason_zh.empty() ? reason : reason_zh)}};
    return give(out, out_len, doc.dump(-1, ' ', false, ojson::error_handler_t::replace), status);
  } catch (...) {
    return status == NXKX_OK ? NXKX_OUT_OF_MEMORY : status;
  }
}

/// Runs `work` (which returns the result text) and maps whatever it throws to a status.
template <class F>
nxkx_status guarded(char** out, size_t* out_len, F&& work) noexcept {
  if (out_len != nullptr) *out_len = 0;
  if (out == nullptr) return NXKX_INVALID_ARGUMENT;  // nowhere to say anything
  *out = nullptr;
  try {
    return give(out, out_len, work(), NXKX_OK);
  } catch (const argument_error& e) {
    return fail(out, out_len, NXKX_INVALID_ARGUMENT, e.code(), e.path(), e.reason(), e.reason_zh());
  } catch (const nxkx::input_error& e) {
    return fail(out, out_len, NXKX_INPUT_ERROR, e.code(), e.path(), e.reason(), e.reason_zh());
  } catch (const nxkx::pack_error& e) {
    return fail(out, out_len, NXKX_PACK_ERROR, e.code(), e.path(), e.reason(), e.reason_zh());
  } catch (const std::bad_alloc&) {
    return fail(out, out_len, NXKX_OUT_OF_MEMORY, "memory", "", "out of memory", "内存不足");
  } catch (const std::exception& e) {
    return fail(out, out_len, NXKX_INTERNAL, "internal", "", e.what());
  } catch (...) {
    return fail(out, out_len, NXKX_INTERNAL, "internal", "", "unknown exception");
  }
}

/// Makes a handle with `make` (which returns a new T*) into *out_handle; errors go to out_error
/// (which may be NULL). `name` is out_handle's name in the error of a NULL one.
template <class T, class F>
nxkx_status make_handle(T** out_handle, const char* name, char** out_error, size_t* out_error_len,
                        F&& make) noexcept {
  if (out_handle != nullptr) *out_handle = nullptr;
  char* ignored = nullptr;
  char** error = out_error != nullptr ? out_error : &ignored;
  const nxkx_status status = guarded(error, out_error_len, [&]() -> std::string {
    require_pointer(out_handle, name);
    *out_handle = make();
    return {};
  });
  if (status == NXKX_OK) {
    std::free(*error);  // the empty result of a success
    *error = nullptr;
    if (out_error_len != nullptr) *out_error_len = 0;
  } else if (out_handle != nullptr && *out_handle != nullptr) {
    delete *out_handle;  // made, but the call failed after all (out of memory)
    *out_handle = nullptr;
  }
  std::free(ignored);
  return status;
}

/// Loads a notice with `load` into *out_notice; errors go to out_error (which may be NULL).
template <class F>
nxkx_status load_notice(nxkx_notice** out_notice, char** out_error, size_t* out_error_len,
                        F&& load) noexcept {
  return make_handle(out_notice, "out_notice", out_error, out_error_len,
                     [&] { return new nxkx_notice{load()}; });
}

// ---- options ----

struct call_options {
  nxkx::check_options check;
  bool text = false;
  nxkx::lang language = nxkx::lang::zh;
  bool strict = false;  ///< nxkx_check_batch: an unreadable element fails the whole call
  /// "compact": clauses cited by ref, without quotes, readings and contacts (report_detail)
  nxkx::report_detail detail = nxkx::report_detail::full;
};

std::string option_string(const nlohmann::json& v, const std::string& path) {
  if (!v.is_string())
    bad_argument("options.type", path, std::string("expected a string, found ") + v.type_name());
  return v.get<std::string>();
}

bool option_bool(const nlohmann::json& v, const std::string& path) {
  if (!v.is_boolean())
    bad_argument("options.type", path,
                 std::string("expected true or false, found ") + v.type_name());
  return v.get<bool>();
}

template <class T>
T option_choice(const nlohmann::json& v, const std::string& path,
                std::initializer_list<std::pair<std::string_view, T>> choices) {
  const std::string s = option_string(v, path);
  std::string expected;
  for (const auto& [code, value] : choices) {
    if (s == code) return value;
    if (!expected.empty()) expected += ", ";
    expected += code;
  }
  bad_argument("options.unknown_code", path,
               "unknown value \"" + s + "\"; expected one of " + expected);
}

// An option that is an enumeration's code (codes.hpp), its codes listed when it is none.
template <class E>
E option_code(const nlohmann::json& v, const std::string& path) {
  const std::string s = option_string(v, path);
  if (const std::optional<E> e = nxkx::from_code<E>(s)) return *e;
  bad_argument("options.unknown_code", path,
               "unknown value \"" + s + "\"; expected one of " + nxkx::code_list<E>(", "));
}

call_options read_options(const char* options_json) {
  require_pointer(options_json, "options_json");
  nlohmann::json doc;
  // A key twice in one object is refused, not "the last wins": the keys of each open object.
  std::vector<std::vector<std::string>> open_objects;
  const auto no_duplicates = [&](int, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
    using ev = nlohmann::json::parse_event_t;
    if (event == ev::object_start) {
      open_objects.emplace_back();
    } else if (event == ev::object_end && !open_objects.empty()) {
      open_objects.pop_back();
    } else if (event == ev::key && !open_objects.empty()) {
      auto& keys = open_objects.back();
      const std::string& key = parsed.get_ref<const std::string&>();
      if (std::find(keys.begin(), keys.end(), key) != keys.end()) {
        std::string path;
        nxkx::append_pointer_token(path, key);
        bad_argument("options.duplicate_key", open_objects.size() == 1 ? path : "",
                     "option \"" + key + "\" appears more than once; give each option once");
      }
      keys.push_back(key);
    }
    return true;
  };
  try {
    doc = nlohmann::json::parse(options_json, no_duplicates);
  } catch (const nlohmann::json::exception& e) {
    bad_argument("options.syntax", "", std::string("options are not JSON: ") + e.what());
  }
  if (!doc.is_object())
    bad_argument("options.type", "",
                 std::string("expected an options object, found ") + doc.type_name());
  call_options o;
  bool has_as_of = false;
  for (const auto& [key, value] : doc.items()) {
    std::string path;
    nxkx::append_pointer_token(path, key);
    if (key == "as_of") {
      const std::string s = option_string(value, path);
      const auto d = nxkx::parse_date(s);
      if (!d) bad_argument("options.date", path, d.why.empty() ? "not a date" : d.why);
      o.check.as_of = *d;
      has_as_of = true;
    } else if (key == "stage") {
      o.check.stage = option_code<nxkx::stage>(value, path);
    } else if (key == "format") {
      o.text = option_choice<bool>(value, path, {{"json", false}, {"text", true}});
    } else if (key == "lang") {
      o.language = option_code<nxkx::lang>(value, path);
    } else if (key == "trace") {
      o.check.trace = option_bool(value, path);
    } else if (key == "strict") {
      o.strict = option_bool(value, path);
    } else if (key == "compact") {
      o.detail =
          option_bool(value, path) ? nxkx::report_detail::compact : nxkx::report_detail::full;
    } else if (key == "bad_credit_code") {
      o.check.bad_credit_code =
          option_choice<nxkx::severity>(value, path,
                                        {{"incomplete", nxkx::severity::incomplete},
                                         {"needs_review", nxkx::severity::needs_review}});
    } else if (key == "threads") {
      if (!value.is_number_integer())
        bad_argument("options.type", path,
                     std::string("expected an integer, found ") + value.type_name());
      // Read as it is written: an unsigned number (up to 2^64 - 1) is never shown wrapped round.
      const bool in_range = value.is_number_unsigned() ? value.get<std::uint64_t>() >= 1 &&
                                                             value.get<std::uint64_t>() <= 256
                                                       : false;
      if (!in_range)
        bad_argument("options.range", path, "expected 1 to 256 threads, found " + value.dump());
      o.check.threads = static_cast<unsigned>(value.get<std::uint64_t>());
    } else {
      bad_argument("options.unknown_field", path,
                   "unknown option \"" + key +
                       "\"; expected as_of, stage, format, lang, trace, bad_credit_code, "
                       "threads, strict or compact");
    }
  }
  if (!has_as_of)
    bad_argument("options.missing", "/as_of",
                 "as_of is required (YYYY-MM-DD): results never depend on the clock");
#ifdef __EMSCRIPTEN__
  o.check.threads = 1;  // the WebAssembly build has no threads
#endif
  return o;
}

/// A result malloc'd as it is written and grown by realloc, which moves a large block by
/// remapping its pages rather than copying them: handed to the caller as it is, so that the
/// result is never held twice.
class growing_buffer {
 public:
  growing_buffer() = default;
  growing_buffer(const growing_buffer&) = delete;
  growing_buffer& operator=(const growing_buffer&) = delete;
  growing_buffer(growing_buffer&& o) noexcept
      : p_(std::exchange(o.p_, nullptr)), size_(o.size_), capacity_(o.capacity_) {}
  ~growing_buffer() { std::free(p_); }

  void append(std::string_view s) {
    reserve(s.size());
    if (!s.empty()) std::memcpy(p_ + size_, s.data(), s.size());
    size_ += s.size();
  }
  void append(char c) { append(std::string_view(&c, 1)); }
  std::size_t size() const noexcept { return size_; }

  /// The text, NUL-terminated, now the caller's (free it with std::free).
  char* release() noexcept {
    if (p_ != nullptr) p_[size_] = '\0';
    return std::exchange(p_, nullptr);
  }

 private:
  /// Room for `more` bytes and the NUL.
  void reserve(std::size_t more) {
    if (p_ != nullptr && size_ + more < capacity_) return;
    const std::size_t need = size_ + more + 1;
    const std::size_t capacity = std::max({need, capacity_ + capacity_ / 2, std::size_t{65536}});
    void* q = std::realloc(p_, capacity);
    if (q == nullptr) throw std::bad_alloc();
    p_ = static_cast<char*>(q);
    capacity_ = capacity;
  }

  char* p_ = nullptr;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

nxkx_status give(char** out, size_t* out_len, growing_buffer&& b, nxkx_status status) noexcept {
  if (out == nullptr) return status;
  const std::size_t size = b.size();
  try {
    if (size == 0) b.append(std::string_view());  // a buffer even for an empty result
  } catch (...) {
    return NXKX_OUT_OF_MEMORY;
  }
  *out = b.release();
  if (out_len != nullptr) *out_len = size;
  return status;
}

/// The reports of a batch, kept as their written form until the batch document is written
/// rather than as reports: the compact JSON (nxkx::append_json) or, in the text format, the text
/// (nxkx::to_text) of each report up to its decision and of each finding is written once into
/// blocks of memory, each freed once the reports that use it are written. What an amendment
/// changes — a finding of a rule, the decision, the trace — stays apart, so that amendments
/// apply as nxkx::apply applies them; the bytes written are append_json's or to_text's.
///
/// Both formats put a report's parts in the same order: what it says of the application, the
/// decision, the findings (each written from the finding and the stage alone), the trace. So a
/// report is written as its head, the decision (and trace) of a report with nothing else, and
/// its findings each cut from a report with that finding only.
class report_store {
 public:
  /// Keeps reports as the text format writes them, in `l`, naming project types as `n` does
  /// (which must outlive the store); before the first add().
  void use_text(const nxkx::notice& n, nxkx::lang l) {
    text_notice_ = &n;
    language_ = l;
  }
  /// Keeps reports full or compact (nxkx::report_detail); before the first add().
  void use_detail(nxkx::report_detail d) noexcept { detail_ = d; }

  /// Keeps `r`, the next report of the batch.
  void add(nxkx::report&& r) {
    kept k;
    k.decision = r.decision;
    k.stage = r.stage;
    k.findings.reserve(r.findings.size());
    for (nxkx::finding& f : r.findings) k.findings.push_back(keep(std::move(f), r.stage));
    k.trace = std::move(r.trace);
    r.findings.clear();
    r.trace.clear();
    if (text_notice_ != nullptr) {
      // The report's text without findings or trace ends with the decision's line.
      scratch_ = nxkx::to_text(r, language_, *text_notice_, detail_);
      k.head = store(std::string_view(scratch_).substr(0, last_line(scratch_)));
    } else {
      scratch_.clear();
      nxkx::append_json(scratch_, r, -1, detail_);
      k.head = store(std::string_view(scratch_).substr(0, scratch_.find(decision_key)));
    }
    reports_.push_back(std::move(k));
  }

  /// Applies `m` to the report it amends, as nxkx::apply(report, m) does.
  void amend(const nxkx::amendment& m) {
    kept& k = reports_.at(m.position);
    kept_finding added = keep(nxkx::finding(m.added), k.stage);
    const auto same =
        std::find_if(k.findings.begin(), k.findings.end(),
                     [&](const kept_finding& f) { return text(f.rule_id) == m.added.rule_id; });
    if (same != k.findings.end()) {
      release(same->rule_id);
      release(same->json);
      *same = added;
    } else {
      k.findings.push_back(added);
    }
    std::stable_sort(
        k.findings.begin(), k.findings.end(),
        [](const kept_finding& a, const kept_finding& b) { return a.level > b.level; });
    k.decision = m.decision;
    for (auto& t : k.trace)
      if (t.rule_id == m.added.rule_id) t.status = nxkx::rule_status::failed;
  }

  std::size_t size() const noexcept { return reports_.size(); }
  nxkx::decision decision(std::size_t i) const { return reports_.at(i).decision; }

  /// Appends report `i` as append_json writes it, then frees what only it used. Once a report
  /// is written, none is added or amended.
  void write(std::size_t i, std::string& out) {
    sealed_ = true;
    kept& k = reports_.at(i);
    // The decision and what follows the findings, written for a report with nothing else.
    nxkx::report tail = bare(k.stage);
    tail.decision = k.decision;
    tail.trace = std::move(k.trace);
    std::size_t from = 0, to = 0;
    if (text_notice_ != nullptr) {
      // After the lines of an empty report's head: the decision's line, then the trace's.
      scratch_ = nxkx::to_text(tail, language_, detail_);
      from = empty_text(k.stage).head;
      to = scratch_.find('\n', from) + 1;
    } else {
      scratch_.clear();
      nxkx::append_json(scratch_, tail, -1, detail_);
      from = scratch_.find(decision_key);
      to = scratch_.find(findings_key) + findings_key.size();
    }
    const std::string_view t(scratch_);
    out.append(text(k.head));
    out.append(t.substr(from, to - from));
    for (std::size_t f = 0; f < k.findings.size(); ++f) {
      if (f > 0 && text_notice_ == nullptr) out += ',';
      out.append(text(k.findings[f].json));
    }
    out.append(t.substr(to));
    release(k.head);
    for (const kept_finding& f : k.findings) {
      release(f.rule_id);
      release(f.json);
    }
    k = kept{};
  }

 private:
  static constexpr std::string_view decision_key = R"("decision":)";
  static constexpr std::string_view findings_key = R"("findings":[)";

  struct ref {
    std::uint32_t block = 0, offset = 0, size = 0;
  };
  /// The text of a report with nothing but its stage, and the length of its head (all of it
  /// but the decision's line).
  struct empty_report_text {
    std::string text;
    std::size_t head = 0;
  };
  struct kept_finding {
    ref rule_id;
    ref json;  ///< or its text, in the text format
    nxkx::severity level = nxkx::severity::rejected;
  };
  struct kept {
    ref head;  ///< the report's JSON up to "decision":, or its text up to the decision's line
    nxkx::decision decision = nxkx::decision::accepted;
    nxkx::stage stage = nxkx::stage::application;
    std::vector<kept_finding> findings;
    std::vector<nxkx::rule_trace> trace;
  };
  struct block {
    char* data = nullptr;
    std::uint32_t used = 0, capacity = 0;
    std::size_t live = 0;  ///< texts of this block still to be written
  };

  /// A report with nothing but its stage (and a date, so that its text is always the same).
  static nxkx::report bare(nxkx::stage st) {
    nxkx::report r;
    r.stage = st;
    r.as_of = nxkx::date{};
    return r;
  }

  /// Where the last line of `text` (which ends with a line break) begins.
  static std::size_t last_line(std::string_view text) {
    if (text.size() < 2) return 0;
    const std::size_t at = text.rfind('\n', text.size() - 2);
    return at == std::string_view::npos ? 0 : at + 1;
  }

  const empty_report_text& empty_text(nxkx::stage st) {
    empty_report_text& e = empty_[static_cast<std::size_t>(st)];
    if (e.text.empty()) {
      e.text = nxkx::to_text(bare(st), language_, detail_);
      e.head = last_line(e.text);
    }
    return e;
  }

  /// A finding's JSON or text (written as the only finding of a report with nothing else),
  /// its rule and its severity.
  kept_finding keep(nxkx::finding&& f, nxkx::stage st) {
    kept_finding k;
    k.level = f.level;
    k.rule_id = store(f.rule_id);
    nxkx::report one = bare(st);
    one.findings.push_back(std::move(f));
    if (text_notice_ != nullptr) {
      // The finding's lines follow those of the report without it.
      const std::string& none = empty_text(st).text;
      scratch_ = nxkx::to_text(one, language_, detail_);
      if (scratch_.compare(0, none.size(), none) != 0)
        throw std::logic_error("a finding's text does not follow its report's decision");
      k.json = store(std::string_view(scratch_).substr(none.size()));
      return k;
    }
    scratch_.clear();
    nxkx::append_json(scratch_, one, -1, detail_);
    const std::size_t from = scratch_.find(findings_key) + findings_key.size();
    k.json = store(std::string_view(scratch_).substr(from, scratch_.size() - 2 - from));  // "]}"
    return k;
  }

  /// Copies `s` into the last block, or into a new one: blocks grow from 64 KiB to 32 MiB, so
  /// that a small batch takes little and a large one is freed in large steps.
  ref store(std::string_view s) {
    if (s.size() > std::numeric_limits<std::uint32_t>::max()) throw std::bad_alloc();
    const auto size = static_cast<std::uint32_t>(s.size());
    if (blocks_.empty() || blocks_.back().data == nullptr ||
        blocks_.back().capacity - blocks_.back().used < size) {
      const std::size_t step = std::size_t{65536} << std::min<std::size_t>(blocks_.size(), 9);
      const auto capacity = static_cast<std::uint32_t>(std::max<std::size_t>(step, size));
      block b;
      b.data = static_cast<char*>(std::malloc(std::max<std::uint32_t>(capacity, 1)));
      if (b.data == nullptr) throw std::bad_alloc();
      b.capacity = capacity;
      blocks_.push_back(b);
    }
    block& b = blocks_.back();
    ref r{static_cast<std::uint32_t>(blocks_.size() - 1), b.used, size};
    if (size > 0) std::memcpy(b.data + b.used, s.data(), size);
    b.used += size;
    ++b.live;
    return r;
  }

  std::string_view text(const ref& r) const {
    return std::string_view(blocks_[r.block].data + r.offset, r.size);
  }

  /// One text of a block no longer needed; the block is freed with its last, unless it is
  /// still being written to.
  void release(const ref& r) {
    block& b = blocks_[r.block];
    if (--b.live == 0 && (sealed_ || r.block + 1 != blocks_.size())) {
      std::free(b.data);
      b.data = nullptr;
    }
  }

 public:
  report_store() = default;
  report_store(const report_store&) = delete;
  report_store& operator=(const report_store&) = delete;
  ~report_store() {
    for (block& b : blocks_) std::free(b.data);
  }

 private:
  std::vector<block> blocks_;
  std::vector<kept> reports_;
  std::string scratch_;
  bool sealed_ = false;
  const nxkx::notice* text_notice_ = nullptr;  ///< the text format's, or the JSON format
  nxkx::lang language_ = nxkx::lang::zh;
  nxkx::report_detail detail_ = nxkx::report_detail::full;
  empty_report_text empty_[2];  ///< of each stage, once needed
};

/// `s` as a JSON string, quoted: the one escaper of the reports (json_escape.hpp; invalid
/// UTF-8 replaced, as nlohmann's dump did here before).
std::string json_string(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out.push_back('"');
  nxkx::detail::json_escape_into(out, s);
  out.push_back('"');
  return out;
}

void append_error_entry(std::string& out, const nxkx::input_error& e, std::size_t index) {
  out.append(R"({"error":{"code":)");
  out.append(json_string(e.code()));
  out.append(R"(,"path":)");
  out.append(json_string(e.path()));
  out.append(R"(,"reason":)");
  out.append(json_string(e.reason()));
  out.append(R"(,"reason_zh":)");
  out.append(json_string(e.reason_zh()));
  out.append(R"(},"origin":{"index":)");
  out.append(std::to_string(index));
  out.append("}}");
}

/// What a batch gathers of a document: its reports (as JSON or text) and errors.
struct batch_result {
  std::size_t elements = 0;
  report_store reports;
  std::vector<nxkx::input_error> errors;  ///< in document order
  std::vector<std::size_t> error_at;      ///< the element of each error
};

/// The one writer of a batch's result, for nxkx_check_batch and nxkx_batch_next alike: the
/// document is written a piece at a time (its head, each element, its summary), and what a
/// piece is written from is freed as it is written. In the JSON format a piece is a report's
/// compact JSON as nxkx::append_json writes it (the text nlohmann would dump) or an error entry
/// in place of an unreadable element; in the text format it is a report's text (nxkx::to_text)
/// or an element's error line. So the checked batch and its result are never both held whole.
class batch_writer {
 public:
  batch_writer(const nxkx::notice& n, const call_options& o) : notice_(n), options_(o) {}
  batch_writer(const batch_writer&) = delete;
  batch_writer& operator=(const batch_writer&) = delete;

  /// Checks the document `text` (which is not kept: the caller may free it once this returns).
  void check(std::string_view text) {
    const bool strict = options_.strict;
    // This interface reads no files: a text must be content.
    const auto texts_loaded = [&](nxkx::application& a, std::optional<std::size_t> index) {
      try {
        nxkx::check_texts_loaded(a);
      } catch (const nxkx::input_error& x) {
        // Strict, a document of one application is element 0 (as before).
        const std::string at =
            index || strict ? "/" + std::to_string(index.value_or(0)) : std::string();
        throw nxkx::input_error(x.code(), at + x.path(), x.reason(), x.reason_zh());
      }
      if (!strict) a.origin.index = index;
    };
    // Read an element at a time and checked in chunks (batch.hpp), each report kept as its
    // JSON or text (report_store): memory holds the text, one chunk of applications and the
    // reports as they will be written.
    if (options_.text) result_.reports.use_text(notice_, options_.language);
    result_.reports.use_detail(options_.detail);
    nxkx::document_events events;
    events.error = [&](std::size_t index, nxkx::input_error&& e) {
      result_.error_at.push_back(index);
      result_.errors.push_back(std::move(e));
    };
    events.report = [&](nxkx::report&& r) { result_.reports.add(std::move(r)); };
    events.amended = [&](const nxkx::amendment& m) { result_.reports.amend(m); };
    result_.elements =
        nxkx::check_document_each(text, notice_, options_.check, {}, texts_loaded, events);
    if (strict)
      if (const nxkx::input_error* e = nxkx::strict_error(result_.errors)) throw *e;
    elements_ = result_.elements;
    counts_.assign(std::size(nxkx::code_table<nxkx::decision>::items), 0);
  }

  /// Appends the next piece of the result to `out`; false (and nothing appended) once the
  /// whole result has been written.
  bool piece(std::string& out) {
    if (part_ == part::done) return false;
    if (options_.text) {
      if (element_ == elements_) {
        part_ = part::done;
        return false;
      }
      text_piece(out);
      return true;
    }
    switch (part_) {
      case part::head:
        out.append(R"({"notice":)");
        out.append(json_string(notice_.info().id));
        out.append(R"(,"stage":)");
        out.append(json_string(nxkx::to_code(options_.check.stage)));
        out.append(R"(,"as_of":)");
        out.append(json_string(nxkx::format_date(options_.check.as_of)));
        out.append(R"(,"reports":[)");
        part_ = part::elements;
        return true;
      case part::elements:
        if (element_ < elements_) {
          json_piece(out);
          return true;
        }
        summary(out);
        part_ = part::done;
        return true;
      case part::done:
        break;
    }
    return false;
  }

  /// The next at most `max_bytes` (at least 1) bytes of the result, empty once it has all been
  /// handed out; valid until the next call. Holds at most `max_bytes` and one piece.
  std::string_view take(std::size_t max_bytes) {
    if (pending_.size() - taken_ < max_bytes && part_ != part::done) {
      pending_.erase(0, taken_);  // less than max_bytes stay: moved once, not once a block
      taken_ = 0;
      while (pending_.size() < max_bytes && piece(pending_)) {
      }
    }
    const std::size_t n = std::min(max_bytes, pending_.size() - taken_);
    const std::string_view block(pending_.data() + taken_, n);
    taken_ += n;
    if (taken_ == pending_.size() && part_ == part::done) {
      // All handed out: the last block stays valid until the next call, which frees it.
      if (n == 0) {
        std::string().swap(pending_);
        taken_ = 0;
      }
    }
    return block;
  }

 private:
  enum class part { head, elements, done };

  void json_piece(std::string& out) {
    const std::size_t i = element_++;
    if (i > 0) out += ',';
    if (next_error_ < result_.error_at.size() && result_.error_at[next_error_] == i) {
      append_error_entry(out, result_.errors[next_error_], i);
      ++next_error_;
      return;
    }
    std::size_t k = 0;
    for (const auto& item : nxkx::code_table<nxkx::decision>::items) {
      if (item.first == result_.reports.decision(next_report_)) ++counts_[k];
      ++k;
    }
    result_.reports.write(next_report_++, out);
  }

  void summary(std::string& out) const {
    out.append(R"(],"summary":{"applications":)");
    out.append(std::to_string(next_report_));
    std::size_t k = 0;
    for (const auto& [d, code] : nxkx::code_table<nxkx::decision>::items) {
      (void)d;
      out.append(",\"");
      out.append(code);
      out.append("\":");
      out.append(std::to_string(counts_[k++]));
    }
    out.append(R"(,"errors":)");
    out.append(std::to_string(result_.errors.size()));
    out.append("}}");
  }

  void text_piece(std::string& out) {
    const std::size_t i = element_++;
    if (i > 0) out += '\n';
    if (next_error_ == result_.error_at.size() || result_.error_at[next_error_] != i) {
      result_.reports.write(next_report_++, out);
      return;
    }
    const nxkx::input_error& e = result_.errors[next_error_++];
    const bool zh = options_.language == nxkx::lang::zh;
    out += (zh ? "申报 #" : "Application #") + std::to_string(i) +
           (zh ? " 无法读取: " : " could not be read: ");
    // Text from the input (a key in the path, a value quoted in the reason) is shown with its
    // control characters escaped (visible_text), as in every report.
    if (!e.path().empty()) out += nxkx::visible_text(e.path()) + ": ";
    out += nxkx::visible_text(e.reason(options_.language)) + " [" + e.code() + "]\n";
  }

  nxkx::notice notice_;  // a copy shares the notice's data: the batch may outlive the handle
  call_options options_;
  batch_result result_;       ///< the reports and errors
  std::size_t elements_ = 0;  ///< of the document
  part part_ = part::head;
  std::size_t element_ = 0, next_report_ = 0, next_error_ = 0;
  std::vector<std::size_t> counts_;  ///< reports written of each decision
  std::string pending_;              ///< written, not yet handed out from taken_ on
  std::size_t taken_ = 0;
};

}  // namespace

/// A checked batch whose result is handed out a block at a time (nxkx_batch_next).
struct nxkx_batch {
  nxkx_batch(const nxkx::notice& n, const call_options& o) : writer(n, o) {}
  batch_writer writer;
  bool failed = false;  ///< a block could not be written: the rest of the result is lost
};

namespace {

/// A new batch of `applications_json`, checked.
nxkx_batch* start_batch(const nxkx_notice* notice, const char* applications_json, size_t len,
                        const char* options_json) {
  require_pointer(notice, "notice");
  require_pointer(applications_json, "applications_json");
  const call_options o = read_options(options_json);
  auto batch = std::make_unique<nxkx_batch>(notice->notice, o);
  batch->writer.check(std::string_view(applications_json, len));
  return batch.release();
}

}  // namespace

extern "C" {

const char* nxkx_version(void) noexcept { return NXKX_VERSION_STRING; }

const char* nxkx_status_name(nxkx_status status) noexcept {
  switch (status) {
    case NXKX_OK:
      return "ok";
    case NXKX_INPUT_ERROR:
      return "input_error";
    case NXKX_PACK_ERROR:
      return "pack_error";
    case NXKX_INVALID_ARGUMENT:
      return "invalid_argument";
    case NXKX_OUT_OF_MEMORY:
      return "out_of_memory";
    case NXKX_INTERNAL:
      return "internal";
  }
  return "unknown";
}

void nxkx_free(char* text) noexcept { std::free(text); }

nxkx_status nxkx_notice_builtin(nxkx_notice** out_notice, char** out_error,
                                size_t* out_error_len) noexcept {
  return load_notice(out_notice, out_error, out_error_len, [] { return nxkx::notice::builtin(); });
}

nxkx_status nxkx_notice_from_json(const char* pack_json, size_t len, nxkx_notice** out_notice,
                                  char** out_error, size_t* out_error_len) noexcept {
  return load_notice(out_notice, out_error, out_error_len, [&] {
    require_pointer(pack_json, "pack_json");
    return nxkx::notice::from_json(std::string_view(pack_json, len));
  });
}

nxkx_status nxkx_notice_load(const char* path, nxkx_notice** out_notice, char** out_error,
                             size_t* out_error_len) noexcept {
  return load_notice(out_notice, out_error, out_error_len, [&] {
    require_pointer(path, "path");
    return nxkx::notice::load(path);
  });
}

void nxkx_notice_free(nxkx_notice* notice) noexcept { delete notice; }

nxkx_status nxkx_check(const nxkx_notice* notice, const char* application_json, size_t len,
                       const char* options_json, char** out, size_t* out_len) noexcept {
  return guarded(out, out_len, [&] {
    require_pointer(notice, "notice");
    require_pointer(application_json, "application_json");
    const call_options o = read_options(options_json);
    const nxkx::notice& n = notice->notice;
    const nxkx::application app =
        nxkx::parse_application(std::string_view(application_json, len), n);
    nxkx::check_texts_loaded(app);  // this interface reads no files: a text must be content
    const nxkx::report r = nxkx::check(n, app, o.check);
    return o.text ? nxkx::to_text(r, o.language, n, o.detail) : nxkx::to_json(r, -1, o.detail);
  });
}

nxkx_status nxkx_check_batch(const nxkx_notice* notice, const char* applications_json, size_t len,
                             const char* options_json, char** out, size_t* out_len) noexcept {
  return guarded(out, out_len, [&] {
    // The batch's own writer, every piece appended as it is written to one buffer grown by
    // realloc (which moves a large block by remapping its pages rather than copying them).
    const std::unique_ptr<nxkx_batch> batch(
        start_batch(notice, applications_json, len, options_json));
    growing_buffer result;
    std::string piece;
    while (batch->writer.piece(piece)) {
      result.append(piece);
      piece.clear();
    }
    return result;
  });
}

nxkx_status nxkx_batch_begin(const nxkx_notice* notice, const char* applications_json, size_t len,
                             const char* options_json, nxkx_batch** out_batch, char** out_error,
                             size_t* out_error_len) noexcept {
  return make_handle(out_batch, "out_batch", out_error, out_error_len,
                     [&] { return start_batch(notice, applications_json, len, options_json); });
}

nxkx_status nxkx_batch_next(nxkx_batch* batch, size_t max_bytes, char** out,
                            size_t* out_len) noexcept {
  bool writing = false;
  const nxkx_status status = guarded(out, out_len, [&]() -> std::string_view {
    require_pointer(batch, "batch");
    if (max_bytes == 0)
      bad_argument("argument.max_bytes", "", "max_bytes is 0; expected at least 1 byte a block");
    if (batch->failed)
      bad_argument("argument.batch_failed", "",
                   "an earlier nxkx_batch_next failed and the rest of the result is lost; "
                   "free the batch");
    writing = true;
    return batch->writer.take(max_bytes);
  });
  if (status != NXKX_OK && writing) batch->failed = true;
  return status;
}

void nxkx_batch_free(nxkx_batch* batch) noexcept { delete batch; }

nxkx_status nxkx_catalog(const nxkx_notice* notice, char** out, size_t* out_len) noexcept {
  return guarded(out, out_len, [&] {
    require_pointer(notice, "notice");
    return nxkx::catalog_json(notice->notice, -1);
  });
}

nxkx_status nxkx_schema(const nxkx_notice* notice, const char* document, char** out,
                        size_t* out_len) noexcept {
  return guarded(out, out_len, [&] {
    require_pointer(notice, "notice");
    const std::string_view code = document != nullptr ? document : "application";
    const auto d = nxkx::from_code<nxkx::schema_document>(code);
    if (!d)
      bad_argument("argument.document", "",
                   "unknown document \"" + std::string(code) + "\"; expected " +
                       nxkx::code_list<nxkx::schema_document>());
    return nxkx::json_schema(notice->notice, *d, -1);
  });
}

nxkx_status nxkx_starter(const nxkx_notice* notice, const char* project_type, const char* stage,
                         const char* kind, char** out, size_t* out_len) noexcept {
  return guarded(out, out_len, [&] {
    require_pointer(notice, "notice");
    require_pointer(project_type, "project_type");
    const nxkx::notice& n = notice->notice;
    // An argument that is not one of the notice's codes is the caller's input, named by the
    // argument (as if the three were the members of one object) with the codes it may be.
    const auto unknown = [](const char* argument, const char* what, const char* what_zh,
                            const std::string& value, const std::string& codes) {
      const std::string name(argument);
      throw nxkx::input_error(
          "input.unknown_code", "/" + name,
          name + ": unknown " + what + " \"" + value + "\"; expected one of " + codes,
          name + ": 未知的" + what_zh + " \"" + value + "\"；应为以下之一：" + codes);
    };
    if (n.find_project_type(project_type) == nullptr) {
      std::string codes;
      for (const auto& t : n.project_types()) codes += (codes.empty() ? "" : ", ") + t.code;
      unknown("project_type", "project type", "项目类型", project_type, codes);
    }
    nxkx::stage st = nxkx::stage::application;
    if (stage != nullptr) {
      const std::optional<nxkx::stage> s = nxkx::from_code<nxkx::stage>(stage);
      if (!s) unknown("stage", "stage", "阶段", stage, nxkx::code_list<nxkx::stage>(", "));
      st = *s;
    }
    std::optional<std::string> k;
    if (kind != nullptr) {
      std::string codes;
      for (const auto& a : n.applicant_kinds()) {
        if (a.code == kind) k = a.code;
        codes += (codes.empty() ? "" : ", ") + a.code;
      }
      if (!k) unknown("kind", "applicant kind", "申报主体类别", kind, codes);
    }
    return nxkx::starter_application(n, project_type, st, k);
  });
}

nxkx_status nxkx_count_zi(const char* text, size_t len, char** out, size_t* out_len) noexcept {
  return guarded(out, out_len, [&] {
    require_pointer(text, "text");
    const nxkx::zi_count c = nxkx::count_zi(std::string_view(text, len));
    return ojson{{"word_processor", c.word_processor},
                 {"non_space", c.non_space},
                 {"code_points", c.code_points}}
        .dump();
  });
}

}  // extern "C"
