// Reading applications from JSON (docs/application-format.md) and writing them back.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "nxkx/model.hpp"
#include "nxkx/notice.hpp"

namespace nxkx {

/// Parses one application object. Codes (project type, event types …) are checked against
/// the notice. Throws input_error with the JSON pointer of the offending value.
application parse_application(std::string_view json_text, const notice& n);

/// Parses a document holding one application object or an array of them.
std::vector<application> parse_applications(std::string_view json_text, const notice& n);

/// The application as JSON text (the same format parse_application reads).
std::string to_json(const application& a, int indent = 2);

}  // namespace nxkx
