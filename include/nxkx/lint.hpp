// Checking a notice pack before it is used (`nxkx pack lint`, docs/pack-format.md §9): what
// the loader cannot refuse but a person should look at.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "nxkx/export.hpp"
#include "nxkx/notice.hpp"

namespace nxkx {

/// One thing `lint` found, at a JSON pointer of the pack.
struct lint_issue {
  bool error = false;  ///< an error (the pack says something false); else a warning
  std::string code;    ///< stable, e.g. "lint.weekday", "lint.quote", "lint.unused"
  std::string path;    ///< JSON pointer into the pack
  localized message;

  bool operator==(const lint_issue&) const = default;
};

/// Lints a loaded pack. `notice_text` is the notice's own text (the file /notice/text names),
/// or empty: then quotes are not looked for in it. Checks: every weekday the notice states
/// (/notice/stated_weekdays) is the calendar's; every quote of /clauses is in the notice's text;
/// every applicant kind, declaration, contact and code of a declaration's code list is used;
/// no rule is unreachable (it applies to no project type's eligible applicants); a title states
/// no number that is not the rule's own (a value of its params, or a year of the notice);
/// promised targets and completion thresholds agree for each project type.
NXKX_EXPORT std::vector<lint_issue> lint(const notice& n, std::string_view notice_text = {});

/// The issues as JSON: {"pack": {id, version, sha256}, "errors": N, "warnings": N,
/// "issues": [{"level", "code", "path", "message": {"zh", "en"}}]}.
NXKX_EXPORT std::string lint_json(const notice& n, const std::vector<lint_issue>& issues,
                                  int indent = 2);

/// The issues as text, one a line ("error /notice/stated_weekdays/2026-05-06: …"), in `l`.
NXKX_EXPORT std::string lint_text(const notice& n, const std::vector<lint_issue>& issues, lang l);

}  // namespace nxkx
