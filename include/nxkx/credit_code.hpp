// 统一社会信用代码 (Unified Social Credit Code, GB 32100-2015).
#pragma once

#include <string_view>

#include "nxkx/codes.hpp"  // to_code(credit_code_status)
#include "nxkx/export.hpp"

namespace nxkx {

/// What is wrong with a credit code, if anything.
enum class credit_code_status {
  valid,
  wrong_length,            ///< not 18 characters
  invalid_character,       ///< a character outside 0-9 A-H J-N P-R T U W-Y
  bad_organisation_check,  ///< character 17 (GB 11714 组织机构代码 check) is wrong
  bad_check_character,     ///< character 18 (mod-31 check) is wrong
};

/// The result of validating a credit code.
struct credit_code_check {
  credit_code_status status = credit_code_status::valid;
  int position = 0;            ///< 1-based position of the offending character, 0 if none
  char expected_check = '\0';  ///< the right check character, when a check failed

  bool ok() const noexcept { return status == credit_code_status::valid; }
  bool operator==(const credit_code_check&) const = default;
};

/// Validates both check characters; the code must be upper case, without spaces.
NXKX_EXPORT credit_code_check check_credit_code(std::string_view code) noexcept;

/// Characters 1-2: registration authority and organisation type, e.g. "51" (社会团体).
inline std::string_view credit_code_org_type(std::string_view code) noexcept {
  return code.size() >= 2 ? code.substr(0, 2) : std::string_view{};
}

/// Characters 3-8: the GB/T 2260 division of the registering authority.
inline std::string_view credit_code_division(std::string_view code) noexcept {
  return code.size() >= 8 ? code.substr(2, 6) : std::string_view{};
}

}  // namespace nxkx
