// The rules reference of a notice pack (`nxkx pack doc`, docs/pack-tools.md): for staff and
// applicants, per project type, who may apply and every rule checked at application and at
// completion, with its clause, quote, reading and outcome.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "nxkx/export.hpp"
#include "nxkx/notice.hpp"

namespace nxkx {

/// How the reference is written.
enum class doc_format {
  markdown,  ///< CommonMark, every text escaped
  html,      ///< one self-contained, printable page: inline CSS, no external resource
};

// Its codes ("md", "html"): to_code / from_code<doc_format> (codes.hpp).

/// The rules reference of `n` in `l`: the notice (number, title, issuer, dates, where and how to
/// deliver), the applicant kinds, then each project type in the pack's order with who may apply,
/// what they declare and every rule that applies to it (application stage, then completion), in
/// the pack's order, each with its title, id, clauses and quotes, reading and outcome; last the
/// clause table. Labels, not codes; every text escaped; no control character but new lines.
NXKX_EXPORT std::string doc(const notice& n, doc_format f, lang l);

}  // namespace nxkx
