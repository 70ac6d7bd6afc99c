// The enumerations every notice shares (stage, severity, decision) and their stable wire codes
// (lower-case snake_case). Codes are what portals store: they never change once released.
// Every other public enumeration with a code has its table here too: to_code / from_code /
// code_table are the one way into and out of a code (issue 13, point 7).
//
// What belongs to one notice (applicant kinds, inspection results, grades, fields, delivery
// methods …) is not here: it is the notice pack's vocabulary (docs/pack-format.md §4), read and
// validated when the pack loads.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "nxkx/export.hpp"

namespace nxkx {

/// Which check is made: at submission, or when the project closes.
enum class stage { application, completion };

/// How bad a finding is. Ordered: the decision is the worst finding (docs/notice/readings.md).
enum class severity {
  needs_review = 1,  ///< 需人工审核: a person decides
  incomplete = 2,    ///< 材料不全 (application) / 未完成 (completion)
  rejected = 3,      ///< 不予受理
};

/// The answer for one application.
enum class decision {
  accepted,      ///< 受理 (application stage, no finding)
  needs_review,  ///< 需人工审核
  incomplete,    ///< 材料不全 / 未完成
  rejected,      ///< 不予受理
  complete,      ///< 已完成 (completion stage, no finding)
};

// The other public enumerations with a code, each defined in its own header.
enum class lang;                              // notice.hpp: "zh", "en"
enum class declaration_scope : std::uint8_t;  // notice.hpp: the pack's /declarations/N/scope
enum class declaration_type : std::uint8_t;   // notice.hpp: the pack's /declarations/N/type
enum class rule_status;                       // report.hpp
enum class report_detail;                     // report.hpp: "full", "compact"
enum class credit_code_status;                // credit_code.hpp
enum class change_kind;                       // diff.hpp
enum class division_level;                    // divisions.hpp
enum class doc_format;                        // doc.hpp: "md", "html"
enum class schema_document;                   // schema.hpp
enum class count_method;                      // text.hpp

/// Every enumerator of E with its code, in declaration order.
template <class E>
struct code_table;

/// The code of an enumerator, e.g. to_code(decision::accepted) == "accepted"; "" for a value
/// that is no enumerator (cast from a bad integer).
template <class E>
requires requires { code_table<E>::items; }
std::string_view to_code(E v) noexcept {
  // A search, not an index: severity starts at 1, and a bad value must not read past the table.
  for (const auto& [value, name] : code_table<E>::items)
    if (value == v) return name;
  return {};
}

/// The enumerator of a code, or nullopt: from_code<severity>("rejected").
template <class E>
std::optional<E> from_code(std::string_view code) noexcept;

/// The codes of E for a message, in declaration order: "a, b or c" (`last` joins the last two).
template <class E>
std::string code_list(std::string_view last = " or ") {
  const auto& items = code_table<E>::items;
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? last : std::string_view(", ");
    out += items[i].second;
  }
  return out;
}

#define NXKX_DETAIL_CODE_TABLE(E, N)                                              \
  template <>                                                                     \
  struct code_table<E> {                                                          \
    NXKX_EXPORT static const std::array<std::pair<E, std::string_view>, N> items; \
  }
NXKX_DETAIL_CODE_TABLE(stage, 2);
NXKX_DETAIL_CODE_TABLE(severity, 3);
NXKX_DETAIL_CODE_TABLE(decision, 5);
NXKX_DETAIL_CODE_TABLE(lang, 2);
NXKX_DETAIL_CODE_TABLE(declaration_scope, 5);
NXKX_DETAIL_CODE_TABLE(declaration_type, 5);
NXKX_DETAIL_CODE_TABLE(rule_status, 3);
NXKX_DETAIL_CODE_TABLE(report_detail, 2);
NXKX_DETAIL_CODE_TABLE(credit_code_status, 5);
NXKX_DETAIL_CODE_TABLE(change_kind, 3);
NXKX_DETAIL_CODE_TABLE(division_level, 3);
NXKX_DETAIL_CODE_TABLE(doc_format, 2);
NXKX_DETAIL_CODE_TABLE(schema_document, 4);
NXKX_DETAIL_CODE_TABLE(count_method, 2);
#undef NXKX_DETAIL_CODE_TABLE

template <class E>
std::optional<E> from_code(std::string_view code) noexcept {
  for (const auto& [value, name] : code_table<E>::items)
    if (name == code) return value;
  return std::nullopt;
}

}  // namespace nxkx
