// Python values to the JSON text the C++ readers take, and dates both ways.
//
// The binding never interprets an application itself: it writes what the caller gave as JSON
// text and lets nxkx::parse_application judge it, so Python callers get exactly the C++
// reader's errors. Only what JSON cannot say at all (a set, bytes, NaN, a non-string key, a
// lone surrogate, nesting deeper than max_depth) is refused here, with the same codes
// and a JSON pointer to the value.
#pragma once

#include <pybind11/pybind11.h>

#include <cstddef>
#include <optional>
#include <string>

#include "nxkx/date.hpp"
#include "nxkx/limits.hpp"

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
