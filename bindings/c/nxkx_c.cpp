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
#include <new>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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

/// A result written in pieces of about 1 MiB, handed to the caller a piece at a time, each freed
/// once copied: the peak is the result and one piece, not twice the result.
struct pieces {
  std::vector<std::string> parts;
  std::size_t size = 0;

  /// The piece being written; a new one when the last is full.
  std::string& tail() {
    if (parts.empty() || parts.back().size() >= (std::size_t{1} << 20)) {
      parts.emplace_back();
      parts.back().reserve((std::size_t{1} << 20) + 4096);
    }
    return parts.back();
  }
  void done() {
    size = 0;
    for (const auto& p : parts) size += p.size();
  }
};

/// Hands `p` to the caller, freeing each piece as it is copied.
nxkx_status give(char** out, size_t* out_len, pieces&& p, nxkx_status status) noexcept {
  if (out == nullptr) return status;
  auto* buf = static_cast<char*>(std::malloc(p.size + 1));
  if (buf == nullptr) return NXKX_OUT_OF_MEMORY;
  std::size_t at = 0;
  for (std::string& part : p.parts) {
    if (!part.empty()) std::memcpy(buf + at, part.data(), part.size());
    at += part.size();
    std::string().swap(part);
  }
  buf[at] = '\0';
  *out = buf;
  if (out_len != nullptr) *out_len = at;
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

/// Loads a notice with `load` into *out_notice; errors go to out_error (which may be NULL).
template <class F>
nxkx_status load_notice(nxkx_notice** out_notice, char** out_error, size_t* out_error_len,
                        F&& load) noexcept {
  if (out_notice != nullptr) *out_notice = nullptr;
  char* ignored = nullptr;
  char** error = out_error != nullptr ? out_error : &ignored;
  const nxkx_status status = guarded(error, out_error_len, [&]() -> std::string {
    require_pointer(out_notice, "out_notice");
    *out_notice = new nxkx_notice{load()};
    return {};
  });
  if (status == NXKX_OK) {
    std::free(*error);  // the empty result of a success
    *error = nullptr;
    if (out_error_len != nullptr) *out_error_len = 0;
  } else if (out_notice != nullptr && *out_notice != nullptr) {
    delete *out_notice;  // loaded, but the call failed after all (out of memory)
    *out_notice = nullptr;
  }
  std::free(ignored);
  return status;
}

// ---- options ----

struct call_options {
  nxkx::check_options check;
  bool text = false;
  nxkx::lang language = nxkx::lang::zh;
  bool strict = false;  ///< nxkx_check_batch: an unreadable element fails the whole call
};

std::string option_string(const nlohmann::json& v, const std::string& path) {
  if (!v.is_string())
    bad_argument("options.type", path, std::string("expected a string, found ") + v.type_name());
  return v.get<std::string>();
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
      std::string why;
      const auto d = nxkx::parse_date(s, &why);
      if (!d) bad_argument("options.date", path, why.empty() ? "not a date" : why);
      o.check.as_of = *d;
      has_as_of = true;
    } else if (key == "stage") {
      o.check.stage = option_choice<nxkx::stage>(
          value, path,
          {{"application", nxkx::stage::application}, {"completion", nxkx::stage::completion}});
    } else if (key == "format") {
      o.text = option_choice<bool>(value, path, {{"json", false}, {"text", true}});
    } else if (key == "lang") {
      o.language =
          option_choice<nxkx::lang>(value, path, {{"zh", nxkx::lang::zh}, {"en", nxkx::lang::en}});
    } else if (key == "trace") {
      if (!value.is_boolean())
        bad_argument("options.type", path,
                     std::string("expected true or false, found ") + value.type_name());
      o.check.trace = value.get<bool>();
    } else if (key == "strict") {
      if (!value.is_boolean())
        bad_argument("options.type", path,
                     std::string("expected true or false, found ") + value.type_name());
      o.strict = value.get<bool>();
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
                       "threads or strict");
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

/// One element of a batch: its report, or why it could not be read.
struct batch_entry {
  nxkx::report* report = nullptr;  ///< freed once it is written
  const nxkx::input_error* error = nullptr;
  std::size_t index = 0;
};

/// `s` as a JSON string (nlohmann's escaping; invalid UTF-8 replaced).
void append_string(std::string& out, std::string_view s) {
  out += ojson(std::string(s)).dump(-1, ' ', false, ojson::error_handler_t::replace);
}

void append_error_entry(std::string& out, const nxkx::input_error& e, std::size_t index) {
  out += R"({"error":{"code":)";
  append_string(out, e.code());
  out += R"(,"path":)";
  append_string(out, e.path());
  out += R"(,"reason":)";
  append_string(out, e.reason());
  out += R"(,"reason_zh":)";
  append_string(out, e.reason_zh());
  out += R"(},"origin":{"index":)";
  out += std::to_string(index);
  out += "}}";
}

/// The batch document, compact, written directly: the reports as nxkx::append_json writes them
/// (the text nlohmann would dump), an error entry in place of each unreadable element. Each
/// report is freed as soon as it is written, so that the reports and their text are not both
/// held whole.
pieces batch_document(const nxkx::notice& n, const nxkx::check_options& opt,
                      const std::vector<batch_entry>& entries) {
  pieces doc;
  std::string* out = &doc.tail();
  *out += R"({"notice":)";
  append_string(*out, n.info().id);
  *out += R"(,"stage":)";
  append_string(*out, nxkx::to_code(opt.stage));
  *out += R"(,"as_of":)";
  append_string(*out, nxkx::format_date(opt.as_of));
  *out += R"(,"reports":[)";
  std::size_t reports = 0, errors = 0;
  std::vector<std::size_t> counts(std::size(nxkx::code_table<nxkx::decision>::items), 0);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    out = &doc.tail();
    if (i > 0) *out += ',';
    if (entries[i].report != nullptr) {
      nxkx::append_json(*out, *entries[i].report, -1);
      std::size_t k = 0;
      for (const auto& item : nxkx::code_table<nxkx::decision>::items) {
        if (item.first == entries[i].report->decision) ++counts[k];
        ++k;
      }
      *entries[i].report = nxkx::report{};
      ++reports;
    } else {
      append_error_entry(*out, *entries[i].error, entries[i].index);
      ++errors;
    }
  }
  out = &doc.tail();
  *out += R"(],"summary":{"applications":)";
  *out += std::to_string(reports);
  std::size_t k = 0;
  for (const auto& [d, code] : nxkx::code_table<nxkx::decision>::items) {
    (void)d;
    *out += ",\"";
    *out += code;
    *out += "\":";
    *out += std::to_string(counts[k++]);
  }
  *out += R"(,"errors":)";
  *out += std::to_string(errors);
  *out += "}}";
  doc.done();
  return doc;
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
    return o.text ? nxkx::to_text(r, o.language, n) : nxkx::to_json(r, -1);
  });
}

nxkx_status nxkx_check_batch(const nxkx_notice* notice, const char* applications_json, size_t len,
                             const char* options_json, char** out, size_t* out_len) noexcept {
  return guarded(out, out_len, [&] {
    require_pointer(notice, "notice");
    require_pointer(applications_json, "applications_json");
    const call_options o = read_options(options_json);
    const nxkx::notice& n = notice->notice;
    const std::string_view text(applications_json, len);
    // Read an element at a time and checked in chunks (batch.hpp): memory holds the text, the
    // reports and one chunk of applications.
    nxkx::document_check d = nxkx::check_document(
        text, n, o.check, {}, [&](nxkx::application& a, std::optional<std::size_t> index) {
          try {
            nxkx::check_texts_loaded(a);  // this interface reads no files
          } catch (const nxkx::input_error& x) {
            // Strict, a document of one application is element 0 (as before).
            const std::string at =
                index || o.strict ? "/" + std::to_string(index.value_or(0)) : std::string();
            throw nxkx::input_error(x.code(), at + x.path(), x.reason(), x.reason_zh());
          }
          if (!o.strict) a.origin.index = index;
        });
    if (o.strict)
      if (const nxkx::input_error* e = nxkx::strict_error(d)) throw *e;
    std::vector<nxkx::report>& reports = d.reports;
    std::vector<batch_entry> entries;
    entries.reserve(d.errors.size());
    std::size_t next = 0;
    for (std::size_t i = 0; i < d.errors.size(); ++i) {
      if (d.errors[i])
        entries.push_back({nullptr, &*d.errors[i], i});
      else
        entries.push_back({&reports[next++], nullptr, i});
    }
    if (!o.text) return batch_document(n, o.check, entries);
    pieces text_out;
    std::string& out_text = text_out.tail();
    for (const auto& e : entries) {
      if (!out_text.empty()) out_text += '\n';
      if (e.report != nullptr) {
        out_text += nxkx::to_text(*e.report, o.language, n);
      } else {
        const bool zh = o.language == nxkx::lang::zh;
        out_text += (zh ? "申报 #" : "Application #") + std::to_string(e.index) +
                    (zh ? " 无法读取: " : " could not be read: ");
        // Text from the input (a key in the path, a value quoted in the reason) is shown with its
        // control characters escaped (visible_text), as in every report.
        if (!e.error->path().empty()) out_text += nxkx::visible_text(e.error->path()) + ": ";
        out_text +=
            nxkx::visible_text(e.error->reason(o.language)) + " [" + e.error->code() + "]\n";
      }
    }
    text_out.done();
    return text_out;
  });
}

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
    const auto d = nxkx::parse_schema_document(code);
    if (!d)
      bad_argument("argument.document", "",
                   "unknown document \"" + std::string(code) +
                       "\"; expected application, applications, report or batch");
    return nxkx::json_schema(notice->notice, *d, -1);
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
