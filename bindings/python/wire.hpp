// Python values to what the C++ readers take, and dates both ways.
//
// The binding never interprets an application itself. A dict given as an application is read
// into the very tree the application reader builds from JSON text (src/json_tree.hpp), as if
// from its compact JSON text, and the reader's own walk judges it: Python callers get exactly
// the C++ reader's errors, paths and limits, with no text in between. Other documents (packs,
// reports) are written as JSON text for their readers. Only what JSON cannot say at all (a set,
// bytes, NaN, a key that is neither str nor int, a lone surrogate) is refused here, with the
// same codes and a JSON pointer to the value.
#pragma once

#include <pybind11/pybind11.h>

#include <cstddef>
#include <optional>
#include <string>

// src/ is not on this module's include path: its internal headers are named from here.
#include "../../src/json_tree.hpp"
#include "nxkx/date.hpp"
#include "nxkx/error.hpp"
#include "nxkx/limits.hpp"
#include "nxkx/model.hpp"
#include "nxkx/notice.hpp"

namespace nxkx::python {

/// Must run once, in the module's init, before any function below.
void init_datetime();

/// Which error a value JSON cannot hold raises: input_error (applications) or pack_error.
enum class document { application, pack };

/// Appends `value` to `out` as JSON. `path` is the JSON pointer of `value` in the caller's
/// document (e.g. "/3" for the fourth application of a batch). Throws input_error or pack_error;
/// arrays and objects nested deeper than `max_depth` are input.limit, as check_input_limits
/// words it (in a pack, pack.invalid).
void write_json(pybind11::handle value, std::string& out, std::string path, document kind,
                std::size_t max_depth = input_limits{}.max_depth);

/// An application given as a Python value, as the application reader's tree of its compact JSON
/// text (what json.dumps(value, ensure_ascii=False, separators=(",", ":")) writes; int keys as
/// their digits, a date as "YYYY-MM-DD", a tuple as a list). The strings are copied into the
/// tree, which holds no Python object: it may be read without the GIL.
struct application_tree {
  detail::json_tree tree;
  /// The first error the reader of that text would raise before its walk (max_bytes, counted
  /// as the text's length, first; then, in document order, max_depth, max_string_bytes,
  /// max_list_items, an integer outside int64), if any.
  std::optional<input_error> read_error;
};

/// Builds `out` from `value`. Throws (input_error, paths from the application's root) only for
/// what has no JSON text at all: a value of another type, a non-finite float, a key that is
/// neither str nor int, a lone surrogate, nesting deeper than 1000.
void build_application_tree(pybind11::handle value, application_tree& out,
                            const input_limits& limits);

/// What parse_application does after its tokenizer: throws the tree's read_error, else walks it.
application read_application(const application_tree& t, const notice& n);

/// A datetime.date as is, a datetime.datetime as its China Standard Time date (naive ones are
/// taken as China time); nullopt for any other object. May raise what a tzinfo raises.
std::optional<date> china_date(pybind11::handle value);

/// A date for an argument such as as_of: a date, a datetime or a string parse_date reads.
/// Throws TypeError for another type, input_error("input.date") for a bad string.
date date_argument(pybind11::handle value, const char* name);

/// A new datetime.date.
pybind11::object make_date(date d);

/// The UTF-8 bytes of a str, or throws input_error("input.utf8") naming the lone surrogate.
std::string_view utf8_of(pybind11::handle str, const std::string& path, document kind);

}  // namespace nxkx::python
