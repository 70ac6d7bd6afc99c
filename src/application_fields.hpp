// Internal: the application format (docs/application-format.md) as a table — every object, its
// fields, their types, which are required, where their codes come from, and their titles.
//
// The shared fields (the structures every notice shares, model.hpp) are a static table here;
// when a pack loads, its declarations are merged into a copy of it, the notice's `format`
// (notice_data::format, built by build_format): what an application of that notice may hold.
// The one source of truth for the format's shape. The reader (json_in.cpp) takes from it the fields
// each object may hold (unknown-field and duplicate detection), which are required, how errors name
// each code list, and checks that it reads each field as the type the table says; the JSON Schema
// (schema.cpp) is generated from it. A field added here and not read there, or read there as
// another type, is an internal error on the first document that holds it.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "nxkx/notice.hpp"

namespace nxkx::detail::format {

/// The JSON type of a field's value, with what the reader checks beyond the JSON type.
enum class value_type : std::uint8_t {
  string,           ///< any string
  boolean,          ///< true or false
  count,            ///< an integer ≥ 0 (no fraction, no exponent)
  number,           ///< any finite number
  date,             ///< YYYY-MM-DD or an RFC 3339 timestamp, read as a China date
  project_type,     ///< a project type code of the notice
  vocabulary,       ///< a code of the pack's vocabulary namespace `codes`
  strings,          ///< an array of strings
  vocabulary_list,  ///< an array of codes of the vocabulary namespace `codes`
  object,           ///< an object described by `object`
  objects,          ///< an array of objects described by `object`
  history,          ///< an object keyed by 4-digit years, values described by `object`
  targets,          ///< an object of counts keyed by codes of the vocabulary `codes`
};

struct object_info;

/// One field of an object.
struct field {
  std::string_view name;
  value_type type = value_type::string;
  bool required = false;
  /// vocabulary, vocabulary_list, targets: the pack's vocabulary namespace ("event_type",
  /// "applicant_kind", "delivery_method").
  std::string_view codes = {};
  /// How errors name a code ("applicant kind"), or an array / keyed object ("an array of events",
  /// "an object keyed by year").
  std::string_view noun = {};
  const object_info* object = nullptr;  ///< object, objects, history
  std::string_view zh = {};             ///< the title, in Chinese
  std::string_view en = {};             ///< the same in English
  std::string_view clause = {};         ///< the clause of the notice it serves, or ""
  /// A declaration of the pack: its index in notice_data::declarations; -1 for a shared field.
  std::int32_t declaration = -1;
};

/// One kind of object.
struct object_info {
  std::string_view id;    ///< the name of its $defs entry in the schema, e.g. "applicant"
  std::string_view what;  ///< how type errors name it: "an applicant object"
  std::span<const field> fields;
  std::string_view zh;
  std::string_view en;
  /// The size its `declarations` need (the largest declaration index of its fields + 1), so that
  /// the reader sizes them once.
  std::size_t declared = 0;
};

/// The shared fields of each object, before a pack adds its declarations.
namespace shared {
extern const object_info application;
extern const object_info applicant;
extern const object_info joint_applicant;
extern const object_info year_record;
extern const object_info recommendation_letter;
extern const object_info submission;
extern const object_info word_version;
extern const object_info form;
extern const object_info plan;
extern const object_info records;
extern const object_info event;
extern const object_info transfer;
extern const object_info platform_item;
extern const object_info media_report;
extern const object_info expert;
extern const object_info text_document;
extern const object_info completion;
}  // namespace shared

/// The format of one notice: the shared table with the pack's declarations merged in. Every
/// object of `all` points at objects of the same format. Built once per pack; never resized.
struct notice_format {
  std::vector<std::vector<field>> storage;  ///< the fields of each object of `all`
  std::vector<object_info> all;             ///< every object, the application first
  const object_info* application = nullptr;
  const object_info* applicant = nullptr;
  const object_info* joint_applicant = nullptr;
  const object_info* year_record = nullptr;
  const object_info* submission = nullptr;
  const object_info* records = nullptr;
  const object_info* completion = nullptr;

  /// The object of the format with `id`, or nullptr.
  const object_info* find(std::string_view id) const noexcept;
};

/// The field of `object` named `name`, or nullptr.
const field* find_field(const object_info& object, std::string_view name) noexcept;

/// Builds the format of a notice from the shared table and the pack's declarations (whose
/// strings must outlive it). Throws pack_error when an object would hold more than 64 fields or
/// a declaration's name is a shared field's.
/// `field_clauses` ("object/field" → clause, whose strings must outlive it too) gives the shared
/// fields the clause they serve in this notice; "applicant/…" is the joint applicants' too.
/// Throws pack_error (at /field_clauses/KEY) for an object or field the format does not have.
void build_format(notice_format& out, const std::vector<declaration_info>& declarations,
                  const std::vector<std::pair<std::string, std::string>>& field_clauses = {});

}  // namespace nxkx::detail::format
