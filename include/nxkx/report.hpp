// The answer of a check: a decision and findings that cite the notice clause by clause.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "nxkx/codes.hpp"
#include "nxkx/date.hpp"
#include "nxkx/export.hpp"
#include "nxkx/model.hpp"
#include "nxkx/notice.hpp"

namespace nxkx {

/// A rule's texts as the pack writes them, with {placeholders} that each finding fills with its
/// own values (finding::values) when the texts are read: what the notice asks, and what is wrong.
struct NXKX_EXPORT message_templates {
  localized expected;  ///< what the notice asks, e.g. "纸质版一式{min}份"
  /// What is wrong: [0] the rule's "failed", [1] its "unknown" (the input leaves the fact out),
  /// then the templates its kind names for particular cases, in the kind's order.
  std::vector<localized> messages;
  /// The texts are finished, not templates: written as they are, no placeholder filled (a
  /// finding read back from a report, or made by hand: finding::set_texts).
  bool filled = false;

  bool operator==(const message_templates&) const = default;
};

/// What every finding of one rule shares for one project type: the clauses it cites (with
/// their quotes), the pack's reading, whom to call and the rule's message templates. The notice
/// holds one for each rule and project type, and its findings point to it instead of copying
/// the texts (a reading is often over a kilobyte in both languages).
struct NXKX_EXPORT finding_context {
  std::vector<clause_ref> clauses;
  localized interpretation;  ///< the pack's reading, if the rule has one (else empty)
  contact whom_to_call;      ///< 四、联系方式 of the project type
  /// The rule's message templates (shared by the contexts of the rule; null: no texts).
  std::shared_ptr<const message_templates> texts = {};

  /// Equal clauses, reading and contact (the texts are compared as findings say them).
  bool operator==(const finding_context& o) const noexcept;
};

/// One broken (or unverifiable) rule. A finding keeps its rule's context and its own values;
/// its texts are written from them when they are read (message(), expected(), the writers), so
/// a check that only wants decisions writes no text.
struct NXKX_EXPORT finding {
  std::string rule_id;  ///< e.g. "eligibility.evaluation_grade"
  std::string kind;     ///< the requirement kind
  severity level = severity::rejected;
  bool unknown = false;  ///< the rule could not be judged because the input leaves a fact out
  std::string path;      ///< JSON pointer of the field concerned, e.g. "/applicant/kind"
  localized found;       ///< what the application says ({found} in the templates)
  /// The values the rule's templates are filled with, e.g. {"min", {"2 份", "2 copies"}}.
  std::vector<std::pair<std::string, localized>> values;
  /// Which of the rule's messages it says (message_templates::messages: 0 failed, 1 unknown, …).
  std::uint32_t message_index = 0;
  /// The rule's clauses, reading, contact and templates, shared with the other findings of
  /// the rule (null reads as none: no clause, no reading, no contact, no text).
  std::shared_ptr<const finding_context> context;

  /// What is wrong, in one language: the rule's message filled with the values.
  std::string message(lang l) const;
  /// The same in both languages.
  localized message() const;
  /// What the notice asks, in one language.
  std::string expected(lang l) const;
  /// The same in both languages.
  localized expected() const;
  /// message(l) appended to `out` (for writers: no string of its own).
  void append_message(std::string& out, lang l) const;
  /// expected(l) appended to `out`.
  void append_expected(std::string& out, lang l) const;
  /// Gives the finding finished texts (no placeholder is filled in them): for a finding read
  /// back from a report, or made by hand. Its context becomes a copy of the one it has (or an
  /// empty one) that holds them; call it after setting the context.
  void set_texts(localized message, localized expected);

  /// The clauses cited, in the pack's order (those cited for the application's type).
  const std::vector<clause_ref>& clauses() const noexcept { return of_context().clauses; }
  /// The pack's reading, if the rule has one (else empty).
  const localized& interpretation() const noexcept { return of_context().interpretation; }
  /// 四、联系方式 of the project type.
  const contact& whom_to_call() const noexcept { return of_context().whom_to_call; }

  /// Equal when they say the same: every member but the values and the templates, and the
  /// texts as written (a finding read back from its report's JSON equals the one checked).
  bool operator==(const finding& o) const;

 private:
  const finding_context& of_context() const noexcept;
};

/// How much of what a rule's findings share (finding_context) a report's JSON and text carry.
/// A compact report cites its clauses by ref and leaves their quotes, the pack's reading and
/// the contact to the rules reference (`nxkx rules`, the notice's catalogue), where each is
/// written once: on the realistic mix a compact report is 56 % of a full one (bench/README.md).
enum class report_detail {
  full,     ///< every finding with its clauses' quotes, the reading and the contact
  compact,  ///< clauses by ref only; the JSON says "detail": "compact"
};

/// What happened to one rule, for people who ask "why" (check_options::trace).
enum class rule_status { passed, failed, not_applicable };

struct rule_trace {
  std::string rule_id;
  rule_status status = rule_status::passed;

  bool operator==(const rule_trace&) const = default;
};

/// The result for one application.
struct report {
  std::string notice_id;  ///< the pack's id (pack.id), kept for readers of the first format
  /// The pack the application was judged by: its id, version and the sha256 of its JSON text.
  pack_identity pack;
  nxkx::stage stage = stage::application;
  date as_of;
  std::string application_id;  ///< as the input gave it
  nxkx::origin origin;         ///< where the application was read from, when its caller said
  std::string title;
  std::string project_type;
  std::string applicant_name;
  std::string credit_code;
  nxkx::decision decision = decision::accepted;
  std::vector<finding> findings;  ///< worst first, then in pack order
  std::vector<rule_trace> trace;  ///< every rule evaluated, when asked for

  bool accepted() const noexcept {
    return decision == decision::accepted || decision == decision::complete;
  }
  /// Equal when every member is (findings by their contents, finding::operator==).
  bool operator==(const report&) const = default;
};

/// A correction to a report given earlier in a batch or a stream: a later application changed
/// what it says (三(一): a later submission of the same applicant and project type supersedes
/// it). `added` takes the place of the report's finding of the same rule if it has one, else
/// joins its findings; the report's decision becomes `decision`. A stream that has already
/// written a report writes its amendments after it (`nxkx check --jsonl`: one amendment record a
/// line, README "Amendment records").
struct amendment {
  std::uint64_t position = 0;  ///< 0-based place in the batch or stream of the report amended
  std::string application_id;  ///< the amended application's id, as its input gave it
  nxkx::origin origin;         ///< where the amended application was read from, when known
  nxkx::stage stage = stage::application;
  finding added;                                 ///< the finding it now has
  nxkx::decision previous = decision::accepted;  ///< its decision before
  nxkx::decision decision = decision::accepted;  ///< its decision now

  bool operator==(const amendment&) const = default;
};

/// Applies `m` to the report it amends (the one at m.position): the finding, the decision, and
/// the rule's trace status where the report has a trace.
NXKX_EXPORT void apply(report& r, const amendment& m);

/// The amendment record as JSON: {"amends": {"position", "id", "file", "index", "line"},
/// "decision": {code, zh, en}, "previous_decision": {…}, "finding": {… as in a report}}
/// (`detail` as for a report, with "detail": "compact" in the record when compact).
NXKX_EXPORT std::string to_json(const amendment& m, int indent = 2,
                                report_detail detail = report_detail::full);
/// The same appended to `out`.
NXKX_EXPORT void append_json(std::string& out, const amendment& m, int indent = -1,
                             report_detail detail = report_detail::full);
/// The amendment for people: which report, its decision now, and the finding.
NXKX_EXPORT std::string to_text(const amendment& m, lang l,
                                report_detail detail = report_detail::full);

/// The label of a decision in a language, e.g. 不予受理 / rejected.
NXKX_EXPORT std::string_view decision_label(decision d, lang l) noexcept;
/// The label of a severity in a language, e.g. 材料不全 / incomplete.
NXKX_EXPORT std::string_view severity_label(severity s, nxkx::stage st, lang l) noexcept;

/// The pack as one line of text: "nxkx-2025-61 2025.2 sha256:<64 hex>" (the parts it has).
NXKX_EXPORT std::string pack_text(const pack_identity& p);

/// The report as JSON text (both languages); `indent` < 0 gives one line. `detail` compact
/// cites clauses by ref only and leaves out quotes, readings and contacts (report_detail).
NXKX_EXPORT std::string to_json(const report& r, int indent = 2,
                                report_detail detail = report_detail::full);
/// The same text appended to `out` (to write many reports through one buffer).
NXKX_EXPORT void append_json(std::string& out, const report& r, int indent = -1,
                             report_detail detail = report_detail::full);
/// The report as a block of text for people, in one language (compact: without the lines of
/// quotes, readings and contacts).
NXKX_EXPORT std::string to_text(const report& r, lang l,
                                report_detail detail = report_detail::full);
/// The same, naming the project type as the notice `n` does (e.g. 全区学会能力提升项目).
NXKX_EXPORT std::string to_text(const report& r, lang l, const notice& n,
                                report_detail detail = report_detail::full);

}  // namespace nxkx
