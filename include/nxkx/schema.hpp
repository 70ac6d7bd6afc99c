// What a portal builds its forms and checks from: the JSON Schemas (draft 2020-12) of an
// application and of a report, and the notice's catalogue, all as JSON text.
//
// The application schema is generated from the same table the reader uses
// (docs/application-format.md), with the codes of the given notice, so the two cannot drift.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "nxkx/export.hpp"
#include "nxkx/notice.hpp"

namespace nxkx {

/// Which document a schema describes.
enum class schema_document {
  application,   ///< one application object (parse_application)
  applications,  ///< one application object or an array of them (parse_applications)
  report,        ///< one report, as to_json(report) writes it
  batch,         ///< a batch result {notice, stage, as_of, reports, summary}
};

// Its codes ("application", "applications", "report", "batch"): to_code /
// from_code<schema_document> (codes.hpp).

/// The JSON Schema (draft 2020-12) of a document for notice `n`: titles in Chinese (`title`) and
/// English (`description`), code lists from the notice. `indent` < 0 gives one line.
NXKX_EXPORT std::string json_schema(const notice& n, schema_document d, int indent = 2);

/// json_schema(n, schema_document::application, indent).
NXKX_EXPORT std::string application_schema(const notice& n, int indent = 2);

/// json_schema(n, schema_document::report, indent).
NXKX_EXPORT std::string report_schema(const notice& n, int indent = 2);

/// The notice's catalogue as JSON: the notice, its categories, and each project type with who may
/// apply, extra papers, completion deadline and contact (as `nxkx catalog --format json`).
NXKX_EXPORT std::string catalog_json(const notice& n, int indent = 2);

/// The JSON Schema (draft 2020-12) of a notice pack, format nxkx-notice-pack/2
/// (docs/pack-format.md; data/pack.schema.json). Every shipped pack is valid by it; the loader
/// checks more (codes that must exist, references that must resolve).
NXKX_EXPORT std::string_view pack_schema() noexcept;

}  // namespace nxkx
