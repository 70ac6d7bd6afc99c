// A notice pack: one notice's metadata, catalogue and rules, loaded once and shared.
//
// The pack is data (JSON). C++ holds one implementation per requirement kind; the pack holds
// every threshold, date, clause citation, quote, interpretation note and message.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nxkx/codes.hpp"
#include "nxkx/date.hpp"
#include "nxkx/divisions.hpp"
#include "nxkx/export.hpp"

namespace nxkx {

/// A language of messages.
enum class lang { zh, en };

/// A text in Chinese and English.
struct localized {
  std::string zh;
  std::string en;
  const std::string& in(lang l) const noexcept { return l == lang::zh ? zh : en; }
  bool empty() const noexcept { return zh.empty() && en.empty(); }
  bool operator==(const localized&) const = default;
};

/// Whom to call about a project type (四、联系方式).
struct contact {
  std::string code;
  std::string name;
  std::string phone;
  std::string clause;

  bool operator==(const contact&) const = default;
};

/// A clause of the notice in its own numbering, with its text.
struct clause_ref {
  std::string ref;    ///< e.g. "二(三)4"
  std::string quote;  ///< the clause's Chinese text
  /// In a rule: the project types for which a finding cites this clause (a type's own clause,
  /// e.g. 一(一)1 for park_sta_capacity only); empty: every type the rule applies to. Findings
  /// carry only the clauses cited for their application's type.
  std::vector<std::string> project_types = {};

  bool operator==(const clause_ref&) const = default;
};

/// A project category, e.g. (一) 创新平台能力提升项目.
struct category_info {
  std::string code;
  std::string clause;
  localized name;
};

/// An applicant kind as the notice describes it (申报主体), a code of the pack.
struct applicant_kind_info {
  std::string code;  ///< e.g. "society"
  std::string clause;
  localized name;
  localized definition;
};

/// Where a declaration is made in an application (docs/pack-format.md §4.2).
enum class declaration_scope : std::uint8_t {
  organisation,  ///< by every organisation, lead and joint: /applicant/NAME
  joint,         ///< by a joint applicant only: /joint_applicants/N/NAME
  history,       ///< per past year: /applicant/history/YEAR/NAME
  submission,    ///< of the submission: /submission/NAME
  application,   ///< of the whole application: /NAME
};

/// The type of a declaration's value.
enum class declaration_type : std::uint8_t {
  yes_no,  ///< true or false
  code,    ///< a code of a code list of the vocabulary (`codes`)
  day,     ///< a date
  count,   ///< an integer ≥ 0
  text,    ///< free text
};

/// One declaration (attestation) of the pack: a fact an application states, its type and who
/// states it. Its index in notice::declarations() is where an application holds its value.
struct declaration_info {
  std::string name;  ///< the JSON member, e.g. "legal_person"
  declaration_scope scope = declaration_scope::organisation;
  declaration_type type = declaration_type::yes_no;
  std::string codes;  ///< code: the vocabulary namespace of its codes, e.g. "evaluation_grade"
  localized title;    ///< how a form asks for it
  std::string clause;
  /// Which applicant kinds make it (the form asks them); empty: every kind.
  std::vector<std::string> applicant_kinds;
  /// A text declaration shown beside this one's value in findings (a field's own name).
  std::string detail;
};

/// A way the paper form may be delivered, and the date that counts for it.
struct delivery_method_info {
  std::string code;  ///< e.g. "courier"
  localized name;
  std::string date;  ///< the submission declaration whose date counts, e.g. "dispatch_date"
  std::string clause;
  /// The pack's reading, where the notice does not say how the form is delivered (zh/en).
  localized interpretation = {};
};

/// Which pack a result was judged by: what every report names.
struct pack_identity {
  std::string id;       ///< the notice's id, e.g. "nxkx-2025-61"
  std::string version;  ///< the pack's own version, e.g. "2025.2"
  std::string sha256;   ///< of the pack's JSON text, lower-case hex
  bool operator==(const pack_identity&) const = default;
};

/// One of the notice's project types.
struct project_type_info {
  std::string code;      ///< stable, e.g. "park_sta_capacity"
  std::string category;  ///< a category code, or "" in a pack without categories
  std::string clause;    ///< e.g. "一(一)1"
  localized name;
  std::vector<std::string> eligible;        ///< 申报主体: applicant kind codes
  std::vector<std::string> joint_eligible;  ///< who may join as joint applicant
  std::vector<localized> papers;            ///< extra papers (推荐函 …)
  date completion_deadline;                 ///< 完成时限
  std::string contact;                      ///< a contact code, or "" when none is named
  localized applicants_text;                ///< 申报主体 as the notice words it
  localized interpretation;  ///< the reading chosen, where there is one (both languages)
};

/// The notice itself.
struct notice_info {
  std::string id;  ///< e.g. "nxkx-2025-61"
  std::string issuer;
  std::string number;  ///< 〔2025〕61号; "" when not stated (as address, email, form_name)
  std::string title;
  date issued;
  std::optional<date> application_opens;  ///< the first day a submission is accepted, if any
  /// The last day of the application stage; nullopt when the notice does not state it (the
  /// pack's null, shown as 未载明 / not stated).
  std::optional<date> application_deadline;
  localized deadline_interpretation;  ///< the reading of the deadline, in both languages
  std::string timezone;
  std::string submit_to;
  std::string address;
  std::string email;
  std::string form_name;
  /// The years a society's history covers (二(三) in 2025: the two calendar years before the
  /// notice's year), oldest first.
  std::vector<int> history_years;
  /// The weekday the notice states beside a date ("2025年5月16日（星期五）"), for the linter.
  std::vector<std::pair<date, std::string>> stated_weekdays;
  /// The notice's text shipped beside the pack (a path relative to the pack), or "".
  std::string text_file;
  /// The text shipped is a summary of the notice in the pack's own words, not the notice's
  /// words (/notice/text_is_summary): the catalogue and `pack doc` say so, and lint's quotes
  /// are checked against the summary.
  bool text_is_summary = false;
};

/// One rule of the pack, as people read it (`nxkx rules`).
struct NXKX_EXPORT rule_info {
  std::string id;    ///< stable, e.g. "eligibility.evaluation_grade"
  std::string kind;  ///< the requirement kind that implements it, e.g. "facts"
  nxkx::stage stage = stage::application;
  std::vector<clause_ref> clauses;  ///< the first is the primary citation
  localized interpretation;         ///< the reading chosen where the notice is ambiguous, or empty
  severity outcome = severity::rejected;         ///< when broken
  severity when_unknown = severity::incomplete;  ///< when the input leaves the fact out
  std::vector<std::string> project_types;        ///< where it applies; empty = every type
  std::vector<std::string> applicant_kinds;      ///< for which lead kinds; empty = every kind
  bool with_joint_applicants = false;            ///< only for applications with joint applicants
  localized title;           ///< rendered: the pack's template filled with the params
  localized title_template;  ///< as the pack writes it, e.g. "纸质版一式{min}份"
  std::string params_json;   ///< the kind's parameters, as in the pack

  /// "二(三)1" or "三(二)、三(四)".
  std::string clause_text() const;
};

namespace detail {
struct notice_data;
struct notice_access;  // the library's own way in (src/notice_data.hpp)
}  // namespace detail

/// A loaded notice pack. Immutable; copies share the same data; safe to use from many threads.
class NXKX_EXPORT notice {
 public:
  /// The 2025 notice, compiled into the library (no file is read).
  static const notice& builtin();
  /// Loads a pack from JSON text. Throws pack_error naming the place in the pack.
  static notice from_json(std::string_view json_text);
  /// Loads a pack from a file of at most 16 MiB (max_pack_bytes), read as read_file reads it.
  /// Throws pack_error, or input_error when the file cannot be read (read.hpp: input.missing …).
  static notice load(const std::filesystem::path& file);

  const notice_info& info() const noexcept;
  const std::vector<category_info>& categories() const noexcept;
  const std::vector<applicant_kind_info>& applicant_kinds() const noexcept;
  const std::vector<project_type_info>& project_types() const noexcept;
  const std::vector<contact>& contacts() const noexcept;
  const std::vector<declaration_info>& declarations() const noexcept;
  const std::vector<delivery_method_info>& delivery_methods() const noexcept;
  /// The pack's id, version and sha256.
  const pack_identity& identity() const noexcept;
  const std::vector<rule_info>& rules() const noexcept;
  const division_table& divisions() const noexcept;

  const project_type_info* find_project_type(std::string_view code) const noexcept;
  const category_info* find_category(std::string_view code) const noexcept;
  const applicant_kind_info* find_applicant_kind(std::string_view code) const noexcept;
  /// The index of the declaration `name` of `scope` in declarations(), or nullopt.
  std::optional<std::size_t> declaration_index(std::string_view name,
                                               declaration_scope scope) const noexcept;
  /// The same for a name unique across scopes ("legal_person"; "history.penalized" for a
  /// history declaration, "submission.dispatch_date" for a submission one).
  std::optional<std::size_t> declaration_index(std::string_view name) const noexcept;
  const delivery_method_info* find_delivery_method(std::string_view code) const noexcept;
  const contact* find_contact(std::string_view code) const noexcept;
  /// The codes of the vocabulary namespace `ns` ("applicant_kind", "evaluation_grade",
  /// "event_type" …), without the "ns." prefix, in the pack's order.
  std::vector<std::string_view> codes(std::string_view ns) const;
  /// The label of a vocabulary code (an enum code, an event type …), or nullptr.
  const localized* label(std::string_view code) const noexcept;

  /// The pack's JSON text, as loaded.
  const std::string& source() const noexcept;

  /// Whether `other` is this very load (a copy of this notice, or this one), which says more
  /// than equal contents: two loads of one text are two notices.
  bool same_load(const notice& other) const noexcept { return data_ == other.data_; }

 private:
  friend struct detail::notice_access;
  explicit notice(std::shared_ptr<const detail::notice_data> d) : data_(std::move(d)) {}
  std::shared_ptr<const detail::notice_data> data_;  // opaque: what a load holds
};

}  // namespace nxkx
