// Enumerations of the typed model and their stable wire codes (lower-case snake_case).
// Codes are what portals store: they never change once released.
#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace nxkx {

/// Who applies (申报主体), 二(一).
enum class applicant_kind {
  society,                  ///< 全区学会 (学会、协会、研究会)
  park_sta,                 ///< 园区科协
  haizhi_base,              ///< 中国科协海智基地
  returnee_alliance,        ///< 宁夏海归创业联合体
  alliance_council_member,  ///< 海归创业联合体理事单位
  grassroots_society,       ///< 基层"三会" (县级)
};

/// The field of a 基层"三会", 二(一).
enum class grassroots_field {
  science_education,  ///< 科技教育
  health,             ///< 医疗卫生
  agriculture,        ///< 农业技术
  other,  ///< another field (applicant::field_name names it): not a 基层"三会" of 二(一)
};

/// An annual inspection (年检) of one year, 二(三)1.
enum class inspection_result {
  not_participated,     ///< 未参加年检
  qualified,            ///< 合格
  basically_qualified,  ///< 基本合格
  unqualified,          ///< 不合格
  not_due,              ///< 未到年检时间: registered too recently to have been due that year
};

/// Whether the society completed the regional association's projects of a year, 二(三)3.
enum class project_completion {
  completed,      ///< 按要求完成
  not_completed,  ///< 未按要求完成
  none_assigned,  ///< 当年未承担项目
};

/// The association's evaluation grade of a society (学会评价等级), 二(三)4.
enum class evaluation_grade { a, b, c, not_rated };

/// How the paper form reached 学会学术部, 三(四).
enum class delivery_method {
  in_person,  ///< 现场提交
  courier,    ///< 快递寄送
};

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

/// The code of an enumerator, e.g. to_code(applicant_kind::park_sta) == "park_sta".
std::string_view to_code(applicant_kind v) noexcept;
std::string_view to_code(grassroots_field v) noexcept;
std::string_view to_code(inspection_result v) noexcept;
std::string_view to_code(project_completion v) noexcept;
std::string_view to_code(evaluation_grade v) noexcept;
std::string_view to_code(delivery_method v) noexcept;
std::string_view to_code(stage v) noexcept;
std::string_view to_code(severity v) noexcept;
std::string_view to_code(decision v) noexcept;

/// The enumerator of a code, or nullopt: from_code<applicant_kind>("society").
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
NXKX_DETAIL_CODE_TABLE(applicant_kind, 6);
NXKX_DETAIL_CODE_TABLE(grassroots_field, 4);
NXKX_DETAIL_CODE_TABLE(inspection_result, 5);
NXKX_DETAIL_CODE_TABLE(project_completion, 3);
NXKX_DETAIL_CODE_TABLE(evaluation_grade, 4);
NXKX_DETAIL_CODE_TABLE(delivery_method, 2);
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
