// Checking a batch given as one JSON text, element by element: the runner the C ABI and Python
// use for a batch's text (the command streams its files through a batch_checker the same way).
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <span>
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

/// What check_document_each hands on as the document is read and checked, instead of keeping it.
struct document_events {
  /// Element `index` of the document could not be read; called in document order.
  std::function<void(std::size_t index, input_error&& e)> error;
  /// The report of the next element that could be read, in document order, once it is judged
  /// across every application before it. A report handed on may still be amended.
  std::function<void(report&& r)> report;
  /// A report handed on before, the one at `m.position` among the reports, is changed: apply(r, m)
  /// gives what check_document would hold.
  std::function<void(const amendment& m)> amended;
};

/// Applications checked as they come, in chunks across the stream (what check_document does with
/// the elements of a text): add() keeps an application until a chunk of them is full, then
/// prepares the chunk on opt.threads threads and judges it in order, handing each report and
/// amendment to `events` (its `error` is not used). finish() checks what is left; memory holds
/// one chunk of applications.
class batch_stream {
 public:
  batch_stream(const notice& n, const check_options& opt, const document_events& events);
  ~batch_stream();
  batch_stream(const batch_stream&) = delete;
  batch_stream& operator=(const batch_stream&) = delete;

  void add(application&& a);
  void finish();

 private:
  struct state;
  std::unique_ptr<state> s_;
};

/// check_document, handing each error, report and amendment on as it comes (`events`) rather
/// than keeping them: memory holds the text and one chunk of applications, and the caller keeps
/// what it needs of each report (the C ABI its JSON). Returns the number of elements read.
std::size_t check_document_each(
    std::string_view json_text, const notice& n, const check_options& opt,
    const input_limits& limits,
    const std::function<void(application&, std::optional<std::size_t>)>& on_read,
    const document_events& events);

/// The error a strict reader raises for a checked document, or nullptr: the first error of the
/// text (input.syntax, input.utf8, input.limit) in document order, else the first of the
/// model, else the first `on_read` gave (input.file) — what parse_applications and then a
/// check of each application's texts raise.
const input_error* strict_error(const document_check& d);
/// The same for a document's errors, in document order.
const input_error* strict_error(std::span<const input_error> errors);

}  // namespace nxkx
