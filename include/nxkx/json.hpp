// Reading applications from JSON (docs/application-format.md) and writing them back.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nxkx/error.hpp"
#include "nxkx/export.hpp"
#include "nxkx/limits.hpp"
#include "nxkx/model.hpp"
#include "nxkx/notice.hpp"

namespace nxkx {

/// Parses one application object. Codes (project type, event types …) are checked against
/// the notice. Throws input_error with the JSON pointer of the offending value. The limits
/// apply as it reads (as check_input_limits words them): crossing one is "input.limit". The
/// whole text is one document of at most limits.max_bytes, refused before a byte of it is read
/// when longer, an array too (it is not an application).
NXKX_EXPORT application parse_application(std::string_view json_text, const notice& n,
                                          const input_limits& limits = {});

/// Parses a document holding one application object or an array of them (at most
/// limits.max_batch of them, each at most limits.max_bytes long, the whole at most
/// limits.max_batch_bytes). The elements are read one at a time: memory holds the applications
/// and the tree of one element, never the whole document's. Throws the first error in document
/// order (its path starting with the element's index); a batch of more than max_batch elements
/// is refused as element max_batch + 1 begins, before any element is read.
NXKX_EXPORT std::vector<application> parse_applications(std::string_view json_text, const notice& n,
                                                        const input_limits& limits = {});

/// One element of a batch read on its own: the application, or the error that kept it from being
/// read (for an element of an array, its path starts with the element's index: "/3/submission").
struct batch_element {
  std::optional<application> app;
  std::optional<input_error> error;
  std::optional<std::uint64_t> index;  ///< its 0-based index, when the document is an array
};

/// Reads a document like parse_applications, but an element that cannot be read does not stop
/// the others: each element of an array is an application or an error, in order. An array whose
/// text is not valid JSON as a whole (a trailing comma in element 3, invalid UTF-8 in element 5)
/// is split into its elements by matching brackets, and each is read on its own (positions in
/// the reasons stay those of the whole document). A document that is not an array is one
/// element. Throws input_error only for an array that cannot be split: one that does not close,
/// holds an empty element ("[{…},]"), is followed by other text, or has more than
/// limits.max_batch elements (or more than limits.max_batch_bytes of text): each before any
/// element is read.
NXKX_EXPORT std::vector<batch_element> parse_each_application(std::string_view json_text,
                                                              const notice& n,
                                                              const input_limits& limits = {});

/// parse_each_application without the vector: each element is handed to `on_element`, in
/// order, as soon as it is read, and nothing of it is kept, so that a caller that checks each
/// one at once (a batch_checker) holds the text and its reports, not every application. What
/// `on_element` throws ends the reading and goes to the caller.
NXKX_EXPORT void for_each_application(std::string_view json_text, const notice& n,
                                      const std::function<void(batch_element&&)>& on_element,
                                      const input_limits& limits = {});

/// Throws input_error{"input.file", "/records/texts/N/file", …} for the first text that names a
/// file (text_document::file) whose content is not loaded: what a caller that reads no files
/// (the C ABI, WebAssembly, Python) says rather than count an empty text. nxkx::load_text_files
/// (office.hpp) loads them.
NXKX_EXPORT void check_texts_loaded(const application& a);

/// A starter application for `project_type` at `stage` (what `nxkx new` prints): the type, the
/// lead's kind (`kind`, or the first kind the type admits), every field the type's rules read at
/// that stage and every declaration of the type (where its scope and applicant_kinds put it, read
/// by a rule or not), null (unknown); plus id, title and the applicant's name. A list holds one
/// element of nulls (a joint applicant of the first kind the type admits as one). Nothing of it is
/// written by hand: the fields come from the format's table, and which of them are read is asked
/// of the engine with the notice `n` (a field is read when a finding points at it while it is
/// unknown, or when a value in it changes the findings). JSON text, indented by 2. Throws
/// input_error "input.unknown_code" for a project type the notice does not have.
NXKX_EXPORT std::string starter_application(const notice& n, std::string_view project_type,
                                            stage st = stage::application,
                                            std::optional<std::string> kind = std::nullopt);

/// The application as JSON text (the same format parse_application reads), its declarations
/// named as the notice `n` names them.
NXKX_EXPORT std::string to_json(const application& a, const notice& n, int indent = 2);

}  // namespace nxkx
