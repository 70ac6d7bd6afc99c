#include "nxkx/codes.hpp"

#include <gtest/gtest.h>

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace nxkx {
namespace {

template <class E>
class CodeTable : public ::testing::Test {};

using all_enums =
    ::testing::Types<applicant_kind, grassroots_field, inspection_result, project_completion,
                     evaluation_grade, delivery_method, stage, severity, decision>;
TYPED_TEST_SUITE(CodeTable, all_enums);

TYPED_TEST(CodeTable, EveryCodeRoundTrips) {
  for (const auto& [value, code] : code_table<TypeParam>::items) {
    EXPECT_EQ(to_code(value), code);
    const std::optional<TypeParam> back = from_code<TypeParam>(code);
    ASSERT_TRUE(back.has_value()) << code;
    EXPECT_EQ(*back, value) << code;
  }
}

TYPED_TEST(CodeTable, InDeclarationOrderWithoutGapsOrRepeats) {
  using underlying = std::underlying_type_t<TypeParam>;
  const auto& items = code_table<TypeParam>::items;
  // Enumerators are consecutive, so strictly increasing from the first means all of them.
  const underlying first = static_cast<underlying>(items.front().first);
  for (std::size_t i = 0; i < items.size(); ++i)
    EXPECT_EQ(static_cast<underlying>(items[i].first), first + static_cast<underlying>(i));
  std::set<std::string_view> codes;
  for (const auto& item : items) EXPECT_TRUE(codes.insert(item.second).second) << item.second;
}

TYPED_TEST(CodeTable, CodesAreLowerSnakeCase) {
  for (const auto& item : code_table<TypeParam>::items) {
    const std::string_view code = item.second;
    ASSERT_FALSE(code.empty());
    EXPECT_NE(code.front(), '_') << code;
    EXPECT_NE(code.back(), '_') << code;
    for (char c : code) EXPECT_TRUE((c >= 'a' && c <= 'z') || c == '_') << code;
  }
}

TYPED_TEST(CodeTable, UnknownCodes) {
  // Near misses of real codes: case, separators, white space, an embedded NUL.
  const std::string_view unknown[] = {"",
                                      " ",
                                      "unknown",
                                      "Society",
                                      "A",
                                      "park-sta",
                                      "rejected ",
                                      "needs review",
                                      std::string_view{"rejected\0", 9}};
  for (std::string_view code : unknown)
    EXPECT_FALSE(from_code<TypeParam>(code).has_value()) << code;
}

TYPED_TEST(CodeTable, AnOutOfRangeValueHasNoCode) {
  using underlying = std::underlying_type_t<TypeParam>;
  EXPECT_EQ(to_code(static_cast<TypeParam>(static_cast<underlying>(-1))), "");
  EXPECT_EQ(to_code(static_cast<TypeParam>(static_cast<underlying>(100))), "");
}

// The exact codes: portals store them, so a rename must break a test.
template <class E>
std::vector<std::string_view> codes_of() {
  std::vector<std::string_view> out;
  for (const auto& item : code_table<E>::items) out.push_back(item.second);
  return out;
}

using codes = std::vector<std::string_view>;

TEST(Codes, ExactSpellings) {
  EXPECT_EQ(codes_of<applicant_kind>(),
            (codes{"society", "park_sta", "haizhi_base", "returnee_alliance",
                   "alliance_council_member", "grassroots_society"}));
  EXPECT_EQ(codes_of<grassroots_field>(),
            (codes{"science_education", "health", "agriculture", "other"}));
  EXPECT_EQ(
      codes_of<inspection_result>(),
      (codes{"not_participated", "qualified", "basically_qualified", "unqualified", "not_due"}));
  EXPECT_EQ(codes_of<project_completion>(), (codes{"completed", "not_completed", "none_assigned"}));
  EXPECT_EQ(codes_of<evaluation_grade>(), (codes{"a", "b", "c", "not_rated"}));
  EXPECT_EQ(codes_of<delivery_method>(), (codes{"in_person", "courier"}));
  EXPECT_EQ(codes_of<stage>(), (codes{"application", "completion"}));
  EXPECT_EQ(codes_of<severity>(), (codes{"needs_review", "incomplete", "rejected"}));
  EXPECT_EQ(codes_of<decision>(),
            (codes{"accepted", "needs_review", "incomplete", "rejected", "complete"}));
}

TEST(Codes, Spot) {
  EXPECT_EQ(to_code(applicant_kind::park_sta), "park_sta");
  EXPECT_EQ(to_code(severity::rejected), "rejected");
  EXPECT_EQ(to_code(decision::needs_review), "needs_review");
  EXPECT_EQ(from_code<severity>("needs_review"), severity::needs_review);
  EXPECT_EQ(from_code<decision>("needs_review"), decision::needs_review);
  EXPECT_EQ(from_code<evaluation_grade>("c"), evaluation_grade::c);
  EXPECT_FALSE(from_code<evaluation_grade>("C").has_value());
  EXPECT_FALSE(from_code<severity>("accepted").has_value());
}

TEST(Codes, SeverityIsOrdered) {
  EXPECT_LT(severity::needs_review, severity::incomplete);
  EXPECT_LT(severity::incomplete, severity::rejected);
}

}  // namespace
}  // namespace nxkx
