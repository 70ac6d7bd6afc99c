#include "nxkx/codes.hpp"

#include <array>
#include <string_view>
#include <utility>

namespace nxkx {

// The codes are the enumerator names on purpose: one spelling across C++, JSON and bindings.
// They are stored by portals, so an entry here is never renamed once released.

const std::array<std::pair<applicant_kind, std::string_view>, 6> code_table<applicant_kind>::items{{
    {applicant_kind::society, "society"},
    {applicant_kind::park_sta, "park_sta"},
    {applicant_kind::haizhi_base, "haizhi_base"},
    {applicant_kind::returnee_alliance, "returnee_alliance"},
    {applicant_kind::alliance_council_member, "alliance_council_member"},
    {applicant_kind::grassroots_society, "grassroots_society"},
}};

const std::array<std::pair<grassroots_field, std::string_view>, 4>
    code_table<grassroots_field>::items{{
        {grassroots_field::science_education, "science_education"},
        {grassroots_field::health, "health"},
        {grassroots_field::agriculture, "agriculture"},
        {grassroots_field::other, "other"},
    }};

const std::array<std::pair<inspection_result, std::string_view>, 5>
    code_table<inspection_result>::items{{
        {inspection_result::not_participated, "not_participated"},
        {inspection_result::qualified, "qualified"},
        {inspection_result::basically_qualified, "basically_qualified"},
        {inspection_result::unqualified, "unqualified"},
        {inspection_result::not_due, "not_due"},
    }};

const std::array<std::pair<project_completion, std::string_view>, 3>
    code_table<project_completion>::items{{
        {project_completion::completed, "completed"},
        {project_completion::not_completed, "not_completed"},
        {project_completion::none_assigned, "none_assigned"},
    }};

const std::array<std::pair<evaluation_grade, std::string_view>, 4>
    code_table<evaluation_grade>::items{{
        {evaluation_grade::a, "a"},
        {evaluation_grade::b, "b"},
        {evaluation_grade::c, "c"},
        {evaluation_grade::not_rated, "not_rated"},
    }};

const std::array<std::pair<delivery_method, std::string_view>, 2>
    code_table<delivery_method>::items{{
        {delivery_method::in_person, "in_person"},
        {delivery_method::courier, "courier"},
    }};

const std::array<std::pair<stage, std::string_view>, 2> code_table<stage>::items{{
    {stage::application, "application"},
    {stage::completion, "completion"},
}};

const std::array<std::pair<severity, std::string_view>, 3> code_table<severity>::items{{
    {severity::needs_review, "needs_review"},
    {severity::incomplete, "incomplete"},
    {severity::rejected, "rejected"},
}};

const std::array<std::pair<decision, std::string_view>, 5> code_table<decision>::items{{
    {decision::accepted, "accepted"},
    {decision::needs_review, "needs_review"},
    {decision::incomplete, "incomplete"},
    {decision::rejected, "rejected"},
    {decision::complete, "complete"},
}};

namespace {

// A search, not an index: severity starts at 1, and a value cast from a bad integer must give ""
// rather than read past the table.
template <class E>
std::string_view code_of(E v) noexcept {
  for (const auto& [value, name] : code_table<E>::items)
    if (value == v) return name;
  return {};
}

}  // namespace

std::string_view to_code(applicant_kind v) noexcept { return code_of(v); }
std::string_view to_code(grassroots_field v) noexcept { return code_of(v); }
std::string_view to_code(inspection_result v) noexcept { return code_of(v); }
std::string_view to_code(project_completion v) noexcept { return code_of(v); }
std::string_view to_code(evaluation_grade v) noexcept { return code_of(v); }
std::string_view to_code(delivery_method v) noexcept { return code_of(v); }
std::string_view to_code(stage v) noexcept { return code_of(v); }
std::string_view to_code(severity v) noexcept { return code_of(v); }
std::string_view to_code(decision v) noexcept { return code_of(v); }

}  // namespace nxkx
