// Reading applications from JSON (docs/application-format.md) and writing them back.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "nxkx/limits.hpp"
#include "nxkx/model.hpp"
#include "nxkx/notice.hpp"

namespace nxkx {

/// Parses one application object. Codes (project type, event types …) are checked against
/// the notice. Throws input_error with the JSON pointer of the offending value. The limits are
/// checked first, on the raw text (check_input_limits): crossing one is "input.limit".
application parse_application(std::string_view json_text, const notice& n,
                              const input_limits& limits = {});

/// Parses a document holding one application object or an array of them (at most
/// limits.max_batch of them, each at most limits.max_bytes long).
std::vector<application> parse_applications(std::string_view json_text, const notice& n,
                                            const input_limits& limits = {});

/// The application as JSON text (the same format parse_application reads).
std::string to_json(const application& a, int indent = 2);

}  // namespace nxkx
