#include "nxkx/codes.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "notice_data.hpp"
#include "nxkx/credit_code.hpp"
#include "nxkx/diff.hpp"
#include "nxkx/divisions.hpp"
#include "nxkx/doc.hpp"
#include "nxkx/notice.hpp"
#include "nxkx/report.hpp"
#include "nxkx/schema.hpp"
#include "nxkx/text.hpp"

namespace nxkx {
namespace {

template <class E>
class CodeTable : public ::testing::Test {};

// Only what every notice shares is a C++ enumeration; a notice's own codes are its pack's
// (pack_codes below). Every public enumeration with a code is here: one way in and out.
using all_enums =
    ::testing::Types<stage, severity, decision, lang, declaration_scope, declaration_type,
                     rule_status, report_detail, credit_code_status, change_kind, division_level,
                     doc_format, schema_document, count_method>;
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
  EXPECT_EQ(codes_of<stage>(), (codes{"application", "completion"}));
  EXPECT_EQ(codes_of<severity>(), (codes{"needs_review", "incomplete", "rejected"}));
  EXPECT_EQ(codes_of<decision>(),
            (codes{"accepted", "needs_review", "incomplete", "rejected", "complete"}));
  EXPECT_EQ(codes_of<lang>(), (codes{"zh", "en"}));
  EXPECT_EQ(codes_of<declaration_scope>(),
            (codes{"organisation", "joint_applicant", "history", "submission", "application"}));
  EXPECT_EQ(codes_of<declaration_type>(), (codes{"yes_no", "code", "date", "count", "text"}));
  EXPECT_EQ(codes_of<rule_status>(), (codes{"passed", "failed", "not_applicable"}));
  EXPECT_EQ(codes_of<report_detail>(), (codes{"full", "compact"}));
  EXPECT_EQ(codes_of<credit_code_status>(),
            (codes{"valid", "wrong_length", "invalid_character", "bad_organisation_check",
                   "bad_check_character"}));
  EXPECT_EQ(codes_of<change_kind>(), (codes{"added", "removed", "changed"}));
  EXPECT_EQ(codes_of<division_level>(), (codes{"region", "city", "county"}));
  EXPECT_EQ(codes_of<doc_format>(), (codes{"md", "html"}));
  EXPECT_EQ(codes_of<schema_document>(), (codes{"application", "applications", "report", "batch"}));
  EXPECT_EQ(codes_of<count_method>(), (codes{"word_processor", "non_space"}));
}

TEST(Codes, ListsForMessages) {
  EXPECT_EQ(code_list<schema_document>(), "application, applications, report or batch");
  EXPECT_EQ(code_list<count_method>(), "word_processor or non_space");
  EXPECT_EQ(code_list<stage>(", "), "application, completion");
}

/// The codes of the built-in pack's vocabulary namespace `ns`, sorted.
std::vector<std::string> pack_codes(std::string_view ns) {
  std::vector<std::string> out;
  for (const auto& [code, label] : detail::data_of(notice::builtin()).vocabulary)
    if (code.size() > ns.size() && code.compare(0, ns.size(), ns) == 0 && code[ns.size()] == '.')
      out.push_back(code.substr(ns.size() + 1));
  std::sort(out.begin(), out.end());
  return out;
}

using strings = std::vector<std::string>;

// The 2025 codes that were C++ enumerations before the vocabulary became the pack's: portals
// store them, so a rename in the pack must break a test.
TEST(Codes, The2025PackKeepsItsCodes) {
  const notice& n = notice::builtin();
  strings kinds;
  for (const auto& k : n.applicant_kinds()) kinds.push_back(k.code);
  EXPECT_EQ(kinds, (strings{"society", "park_sta", "haizhi_base", "returnee_alliance",
                            "alliance_council_member", "grassroots_society"}));
  EXPECT_EQ(pack_codes("applicant_kind"),
            (strings{"alliance_council_member", "grassroots_society", "haizhi_base", "park_sta",
                     "returnee_alliance", "society"}));
  EXPECT_EQ(pack_codes("grassroots_field"),
            (strings{"agriculture", "health", "other", "science_education"}));
  EXPECT_EQ(
      pack_codes("inspection_result"),
      (strings{"basically_qualified", "not_due", "not_participated", "qualified", "unqualified"}));
  EXPECT_EQ(pack_codes("project_completion"),
            (strings{"completed", "none_assigned", "not_completed"}));
  EXPECT_EQ(pack_codes("evaluation_grade"), (strings{"a", "b", "c", "not_rated"}));
  strings methods;
  for (const auto& m : n.delivery_methods()) methods.push_back(m.code);
  EXPECT_EQ(methods, (strings{"in_person", "courier"}));
  EXPECT_EQ(pack_codes("delivery_method"), (strings{"courier", "in_person"}));
}

TEST(Codes, Spot) {
  EXPECT_EQ(to_code(stage::completion), "completion");
  EXPECT_EQ(to_code(severity::rejected), "rejected");
  EXPECT_EQ(to_code(decision::needs_review), "needs_review");
  EXPECT_EQ(from_code<severity>("needs_review"), severity::needs_review);
  EXPECT_EQ(from_code<decision>("needs_review"), decision::needs_review);
  EXPECT_FALSE(from_code<decision>("Accepted").has_value());
  EXPECT_FALSE(from_code<severity>("accepted").has_value());
}

TEST(Codes, SeverityIsOrdered) {
  EXPECT_LT(severity::needs_review, severity::incomplete);
  EXPECT_LT(severity::incomplete, severity::rejected);
}

}  // namespace
}  // namespace nxkx
