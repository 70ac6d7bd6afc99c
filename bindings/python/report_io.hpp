// Reports back from their JSON (README "Report JSON"), for pickling and Report.from_dict.
// The library writes reports (nxkx::to_json) but never reads them; a Python report that travels
// to another process has to, so the reader lives here, in the binding.
#pragma once

#include <string>
#include <string_view>

#include "nxkx/report.hpp"

namespace nxkx::python {

/// The report's JSON as nxkx::to_json writes it, plus each contact's `code` and `clause`, which
/// that format leaves out, so that report_from_json gives back an equal report. Compact.
std::string report_state(const report& r);

/// Reads what nxkx::to_json(report) or report_state writes. Labels (`zh`, `en` of decision and
/// severity, the joined `clause`) are derived, so they are not read. Throws input_error with
/// the JSON pointer of a bad value.
report report_from_json(std::string_view text);

}  // namespace nxkx::python
