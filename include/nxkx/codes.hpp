// The enumerations every notice shares (stage, severity, decision) and their stable wire codes
// (lower-case snake_case). Codes are what portals store: they never change once released.
//
// What belongs to one notice (applicant kinds, inspection results, grades, fields, delivery
// methods …) is not here: it is the notice pack's vocabulary (docs/pack-format.md §4), read and
// validated when the pack loads.
#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <utility>

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

/// The code of an enumerator, e.g. to_code(decision::accepted) == "accepted".
std::string_view to_code(stage v) noexcept;
std::string_view to_code(severity v) noexcept;
std::string_view to_code(decision v) noexcept;

/// The enumerator of a code, or nullopt: from_code<severity>("rejected").
template <class E>
std::optional<E> from_code(std::string_view code) noexcept;

/// Every enumerator of E with its code, in declaration order.
template <class E>
struct code_table;

#define NXKX_DETAIL_CODE_TABLE(E, N)                                  \
  template <>                                                         \
  struct code_table<E> {                                              \
    static const std::array<std::pair<E, std::string_view>, N> items; \
  }
NXKX_DETAIL_CODE_TABLE(stage, 2);
NXKX_DETAIL_CODE_TABLE(severity, 3);
NXKX_DETAIL_CODE_TABLE(decision, 5);
#undef NXKX_DETAIL_CODE_TABLE

template <class E>
std::optional<E> from_code(std::string_view code) noexcept {
  for (const auto& [value, name] : code_table<E>::items)
    if (name == code) return value;
  return std::nullopt;
}

}  // namespace nxkx
