// Checking a batch given as one JSON text, element by element: the runner the C ABI and Python
// use for a batch's text (the command streams its files through a batch_checker the same way).
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "nxkx/engine.hpp"
#include "nxkx/error.hpp"
#include "nxkx/limits.hpp"
#include "nxkx/model.hpp"
#include "nxkx/notice.hpp"
#include "nxkx/report.hpp"

namespace nxkx {

/// What check_document gives: for each element of the document its error, or (in order) its
/// report.
struct document_check {
  std::vector<report> reports;  ///< of the elements that could be read, in document order
  /// One per element: set when it could not be read; else its report is the next in `reports`.
  std::vector<std::optional<input_error>> errors;
};

/// Reads the applications of `json_text` (one application, or an array of them, as
/// for_each_application reads it: limits included) and checks each as soon as it is read,
/// across the batch: the reports are check_batch's. The applications are checked in chunks,
/// each on opt.threads threads, so that memory holds the text, the reports and one chunk of
/// applications, never every application nor the document's tree. `on_read`, if given, is
/// called with each application read and its index (nullopt for a document that is one
/// application) before it is checked; an input_error it throws becomes that element's error.
/// Throws only what for_each_application throws for the document as a whole.
document_check check_document(
    std::string_view json_text, const notice& n, const check_options& opt,
    const input_limits& limits = {},
    const std::function<void(application&, std::optional<std::size_t>)>& on_read = {});

/// The error a strict reader raises for a checked document, or nullptr: the first error of the
/// text (input.syntax, input.utf8, input.limit) in document order, else the first of the
/// model, else the first `on_read` gave (input.file) — what parse_applications and then a
/// check of each application's texts raise.
const input_error* strict_error(const document_check& d);

}  // namespace nxkx
