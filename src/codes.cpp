#include "nxkx/codes.hpp"

#include <array>
#include <string_view>
#include <utility>

#include "nxkx/credit_code.hpp"
#include "nxkx/diff.hpp"
#include "nxkx/divisions.hpp"
#include "nxkx/doc.hpp"
#include "nxkx/notice.hpp"
#include "nxkx/report.hpp"
#include "nxkx/schema.hpp"
#include "nxkx/text.hpp"

namespace nxkx {

// The codes are the enumerator names on purpose: one spelling across C++, JSON and bindings.
// They are stored by portals, so an entry here is never renamed once released.

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

const std::array<std::pair<lang, std::string_view>, 2> code_table<lang>::items{{
    {lang::zh, "zh"},
    {lang::en, "en"},
}};

// The pack's codes (docs/pack-format.md §4.2), which are not all the enumerator names.
const std::array<std::pair<declaration_scope, std::string_view>, 5>
    code_table<declaration_scope>::items{{
        {declaration_scope::organisation, "organisation"},
        {declaration_scope::joint, "joint_applicant"},
        {declaration_scope::history, "history"},
        {declaration_scope::submission, "submission"},
        {declaration_scope::application, "application"},
    }};

const std::array<std::pair<declaration_type, std::string_view>, 5>
    code_table<declaration_type>::items{{
        {declaration_type::yes_no, "yes_no"},
        {declaration_type::code, "code"},
        {declaration_type::day, "date"},
        {declaration_type::count, "count"},
        {declaration_type::text, "text"},
    }};

const std::array<std::pair<rule_status, std::string_view>, 3> code_table<rule_status>::items{{
    {rule_status::passed, "passed"},
    {rule_status::failed, "failed"},
    {rule_status::not_applicable, "not_applicable"},
}};

const std::array<std::pair<report_detail, std::string_view>, 2> code_table<report_detail>::items{{
    {report_detail::full, "full"},
    {report_detail::compact, "compact"},
}};

const std::array<std::pair<credit_code_status, std::string_view>, 5>
    code_table<credit_code_status>::items{{
        {credit_code_status::valid, "valid"},
        {credit_code_status::wrong_length, "wrong_length"},
        {credit_code_status::invalid_character, "invalid_character"},
        {credit_code_status::bad_organisation_check, "bad_organisation_check"},
        {credit_code_status::bad_check_character, "bad_check_character"},
    }};

const std::array<std::pair<change_kind, std::string_view>, 3> code_table<change_kind>::items{{
    {change_kind::added, "added"},
    {change_kind::removed, "removed"},
    {change_kind::changed, "changed"},
}};

const std::array<std::pair<division_level, std::string_view>, 3> code_table<division_level>::items{{
    {division_level::region, "region"},
    {division_level::city, "city"},
    {division_level::county, "county"},
}};

// `nxkx pack doc --format`: md (Markdown) or html.
const std::array<std::pair<doc_format, std::string_view>, 2> code_table<doc_format>::items{{
    {doc_format::markdown, "md"},
    {doc_format::html, "html"},
}};

const std::array<std::pair<schema_document, std::string_view>, 4>
    code_table<schema_document>::items{{
        {schema_document::application, "application"},
        {schema_document::applications, "applications"},
        {schema_document::report, "report"},
        {schema_document::batch, "batch"},
    }};

const std::array<std::pair<count_method, std::string_view>, 2> code_table<count_method>::items{{
    {count_method::word_processor, "word_processor"},
    {count_method::non_space, "non_space"},
}};

}  // namespace nxkx
