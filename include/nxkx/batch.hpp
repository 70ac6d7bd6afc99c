// The streaming runner (batch_stream) that every face checks a batch through: check_batch, a
// batch's JSON text (check_document: the C ABI and Python), Python's check_many on a list, and
// the command (files, folders, standard input and --jsonl).
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "nxkx/engine.hpp"
#include "nxkx/error.hpp"
#include "nxkx/export.hpp"
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
NXKX_EXPORT document_check
check_document(std::string_view json_text, const notice& n, const check_options& opt,
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

/// What a batch_stream does with its elements beyond checking them, and what it hands on. The
/// hooks marked "worker" run on any of the stream's threads, several at once, and must only
/// read what they share; the others run on the thread that calls add() and finish(), one at a
/// time, in element order.
struct stream_hooks {
  /// Worker: the application of an element given as text (add_text), with that element's
  /// `where` and `tag`. An input_error it throws becomes the element's error. Unset: the text is
  /// read by parse_application with the default limits, its origin set to `where`.
  std::function<application(std::string_view text, const origin& where, std::size_t tag)> read;
  /// Worker: appends the text of a report to `out` (a report is rendered once it is checked on
  /// its own, and again, on the caller's thread, when judging it across the batch changed it).
  /// Unset: nothing is rendered and `report` is handed an empty text.
  std::function<void(const report& r, std::string& out)> render;
  /// Element `tag` (at `where`) could not be read.
  std::function<void(input_error&& e, const origin& where, std::size_t tag)> error;
  /// The report of the next element that could be read, judged across every element before it,
  /// with what `render` made of it. A report handed on may still be amended.
  std::function<void(report&& r, std::string_view rendered, std::size_t tag)> report;
  /// A report handed on before, the one at `m.position` among the reports, is changed: apply(r,
  /// m) gives what check_batch would hold. Called right after the report of the element that
  /// changed it.
  std::function<void(const amendment& m)> amended;
};

/// The one streaming runner: elements (an application, a JSON text to read, or an error) are
/// added in order, gathered into chunks, and each chunk is read, checked on its own
/// (batch_checker::prepare) and rendered by one of opt.threads threads while the caller goes on
/// adding the next ones; chunks are then judged across the batch in order on the caller's
/// thread, which hands on every error, report and amendment in element order. The reports are
/// check_batch's whatever the number of threads. Memory holds at most opt.threads + 1 chunks of
/// elements (1,024 each) and the batch's keys for duplicates. With one thread nothing is started:
/// each chunk is checked by the caller once it is full. An input_error that hooks.read throws is
/// that element's error; whatever else a hook or the check of an element throws (an unknown
/// project type is an input_error of the check) is rethrown by add() or finish() at that
/// element's turn, after the events of the elements before it: the stream is then stopped and
/// may only be destroyed.
class NXKX_EXPORT batch_stream {
 public:
  batch_stream(const notice& n, const check_options& opt, stream_hooks hooks);
  ~batch_stream();
  batch_stream(const batch_stream&) = delete;
  batch_stream& operator=(const batch_stream&) = delete;

  /// The next element, an application the stream keeps until it is judged.
  void add(application&& a, std::size_t tag = 0);
  /// The next element, an application the caller keeps alive and unchanged until finish().
  void add_ref(const application& a, std::size_t tag = 0);
  /// The next element, a JSON text (copied) that hooks.read reads on a worker.
  void add_text(std::string_view text, const origin& where = {}, std::size_t tag = 0);
  /// The next element, one that could not be read: handed to hooks.error in its turn.
  void add_error(input_error&& e, const origin& where = {}, std::size_t tag = 0);
  /// Checks what is left and hands on every event; the stream may not be added to afterwards.
  void finish();
  /// Elements added so far.
  std::size_t size() const noexcept;

 private:
  struct state;
  std::unique_ptr<state> s_;
};

/// check_document, handing each error, report and amendment on as it comes (`events`) rather
/// than keeping them: memory holds the text and one chunk of applications, and the caller keeps
/// what it needs of each report (the C ABI its JSON). Returns the number of elements read.
NXKX_EXPORT std::size_t check_document_each(
    std::string_view json_text, const notice& n, const check_options& opt,
    const input_limits& limits,
    const std::function<void(application&, std::optional<std::size_t>)>& on_read,
    const document_events& events);

/// The error a strict reader raises for a checked document, or nullptr: the first error of the
/// text (input.syntax, input.utf8, input.limit) in document order, else the first of the
/// model, else the first `on_read` gave (input.file) — what parse_applications and then a
/// check of each application's texts raise.
NXKX_EXPORT const input_error* strict_error(const document_check& d);
/// The same for a document's errors, in document order.
NXKX_EXPORT const input_error* strict_error(std::span<const input_error> errors);

}  // namespace nxkx
