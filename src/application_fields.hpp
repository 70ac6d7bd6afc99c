// Internal: the application format (docs/application-format.md) as a table — every object, its
// fields, their types, which are required, where their codes come from, and their titles.
//
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

#include "nxkx/codes.hpp"

namespace nxkx::detail::format {

/// The JSON type of a field's value, with what the reader checks beyond the JSON type.
enum class value_type : std::uint8_t {
  string,           ///< any string
  boolean,          ///< true or false
  count,            ///< an integer ≥ 0 (no fraction, no exponent)
  number,           ///< any finite number
  date,             ///< YYYY-MM-DD or an RFC 3339 timestamp, read as a China date
  enum_code,        ///< a code of a C++ enumeration (codes.hpp); `codes` names it
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
  /// enum_code: the enumeration ("applicant_kind"); vocabulary, vocabulary_list, targets: the
  /// pack's vocabulary namespace ("event_type").
  std::string_view codes = {};
  /// How errors name a code ("applicant kind"), or an array / keyed object ("an array of events",
  /// "an object keyed by year").
  std::string_view noun = {};
  const object_info* object = nullptr;  ///< object, objects, history
  std::string_view zh = {};             ///< the title, in Chinese
  std::string_view en = {};             ///< the same in English
  std::string_view clause = {};         ///< the clause of the notice it serves, or ""
};

/// One kind of object.
struct object_info {
  std::string_view id;    ///< the name of its $defs entry in the schema, e.g. "applicant"
  std::string_view what;  ///< how type errors name it: "an applicant object"
  std::span<const field> fields;
  std::string_view zh;
  std::string_view en;
};

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

/// Every object, the application first.
std::span<const object_info* const> all_objects() noexcept;

/// The name of a C++ enumeration of codes.hpp, as `field::codes` gives it.
template <class E>
constexpr std::string_view enum_name() noexcept;
template <>
constexpr std::string_view enum_name<applicant_kind>() noexcept {
  return "applicant_kind";
}
template <>
constexpr std::string_view enum_name<grassroots_field>() noexcept {
  return "grassroots_field";
}
template <>
constexpr std::string_view enum_name<inspection_result>() noexcept {
  return "inspection_result";
}
template <>
constexpr std::string_view enum_name<project_completion>() noexcept {
  return "project_completion";
}
template <>
constexpr std::string_view enum_name<evaluation_grade>() noexcept {
  return "evaluation_grade";
}
template <>
constexpr std::string_view enum_name<delivery_method>() noexcept {
  return "delivery_method";
}

/// The codes of the enumeration named `name`, in declaration order; empty for another name.
std::vector<std::string_view> enum_codes(std::string_view name);

/// The field of `object` named `name`, or nullptr.
const field* find_field(const object_info& object, std::string_view name) noexcept;

}  // namespace nxkx::detail::format
