// A notice pack: one notice's metadata, catalogue and rules, loaded once and shared.
//
// The pack is data (JSON). C++ holds one implementation per requirement kind; the pack holds
// every threshold, date, clause citation, quote, interpretation note and message.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nxkx/codes.hpp"
#include "nxkx/date.hpp"
#include "nxkx/divisions.hpp"

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
};

/// A clause of the notice in its own numbering, with its text.
struct clause_ref {
  std::string ref;    ///< e.g. "二(三)4"
  std::string quote;  ///< the clause's Chinese text
  /// In a rule: the project types for which a finding cites this clause (a type's own clause,
  /// e.g. 一(一)1 for park_sta_capacity only); empty: every type the rule applies to. Findings
  /// carry only the clauses cited for their application's type.
  std::vector<std::string> project_types = {};
};

/// A project category, e.g. (一) 创新平台能力提升项目.
struct category_info {
  std::string code;
  std::string clause;
  localized name;
};

/// An applicant kind as the notice describes it.
struct applicant_kind_info {
  applicant_kind kind;
  std::string clause;
  localized name;
  localized definition;
};

/// One of the notice's project types.
struct project_type_info {
  std::string code;  ///< stable, e.g. "park_sta_capacity"
  std::string category;
  std::string clause;  ///< e.g. "一(一)1"
  localized name;
  std::vector<applicant_kind> eligible;        ///< 申报主体
  std::vector<applicant_kind> joint_eligible;  ///< who may join as joint applicant
  std::vector<localized> papers;               ///< extra papers (推荐函 …)
  date completion_deadline;                    ///< 完成时限
  std::string contact;                         ///< a contact code
  localized applicants_text;                   ///< 申报主体 as the notice words it
  localized interpretation;  ///< the reading chosen, where there is one (both languages)
};

/// The notice itself.
struct notice_info {
  std::string id;  ///< e.g. "nxkx-2025-61"
  std::string issuer;
  std::string number;  ///< 〔2025〕61号
  std::string title;
  date issued;
  date application_deadline;
  localized deadline_interpretation;  ///< the reading of the deadline, in both languages
  std::string timezone;
  std::string submit_to;
  std::string address;
  std::string email;
  std::string form_name;
};

/// One rule of the pack, as people read it (`nxkx rules`).
struct rule_info {
  std::string id;    ///< stable, e.g. "eligibility.evaluation_grade"
  std::string kind;  ///< the requirement kind that implements it, e.g. "facts"
  nxkx::stage stage = stage::application;
  std::vector<clause_ref> clauses;  ///< the first is the primary citation
  localized interpretation;         ///< the reading chosen where the notice is ambiguous, or empty
  severity outcome = severity::rejected;         ///< when broken
  severity when_unknown = severity::incomplete;  ///< when the input leaves the fact out
  std::vector<std::string> project_types;        ///< where it applies; empty = every type
  std::vector<applicant_kind> applicant_kinds;   ///< for which lead kinds; empty = every kind
  localized title;
  std::string params_json;  ///< the kind's parameters, as in the pack

  /// "二(三)1" or "三(二)、三(四)".
  std::string clause_text() const;
};

namespace detail {
struct notice_data;
}

/// A loaded notice pack. Immutable; copies share the same data; safe to use from many threads.
class notice {
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
  const std::vector<rule_info>& rules() const noexcept;
  const division_table& divisions() const noexcept;

  const project_type_info* find_project_type(std::string_view code) const noexcept;
  const category_info* find_category(std::string_view code) const noexcept;
  const applicant_kind_info* find_applicant_kind(applicant_kind k) const noexcept;
  const contact* find_contact(std::string_view code) const noexcept;
  /// The label of a vocabulary code (an enum code, an event type …), or nullptr.
  const localized* label(std::string_view code) const noexcept;

  /// The pack's JSON text, as loaded.
  const std::string& source() const noexcept;

  const detail::notice_data& data() const noexcept { return *data_; }

 private:
  explicit notice(std::shared_ptr<const detail::notice_data> d) : data_(std::move(d)) {}
  std::shared_ptr<const detail::notice_data> data_;
};

}  // namespace nxkx
