// Internal: the requirement kinds. One kind, one file; each rule of a pack instantiates one.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "notice_data.hpp"
#include "nxkx/engine.hpp"
#include "nxkx/model.hpp"
#include "pack_reader.hpp"

namespace nxkx::detail {

/// One way an application breaks a rule (or leaves it unjudgeable).
struct violation {
  std::string path;  ///< JSON pointer into the application
  localized found;
  /// Values for the message placeholders, e.g. {"item", {"独立账户", "an own account"}}.
  std::vector<std::pair<std::string, localized>> vars;
  bool unknown = false;           ///< the input leaves a needed fact out
  std::optional<severity> level;  ///< overrides the rule's outcome (policy settings)
  /// The message template to use: one the kind names (requirement::message_names); empty: the
  /// rule's "failed" (or "unknown" when `unknown`).
  std::string_view message;
};

/// Everything a requirement may look at.
struct eval_context {
  const notice_data& n;
  const application& app;
  const project_type_info& type;
  const check_options& opt;
};

/// A rule's implementation.
class requirement {
 public:
  virtual ~requirement() = default;
  /// Appends each violation to `out`. Returns false when the rule does not apply.
  virtual bool evaluate(const eval_context& ctx, std::vector<violation>& out) const = 0;
  /// The placeholders its messages may use (besides the rule-wide ones).
  virtual std::vector<std::string_view> variables() const { return {}; }
  /// The templates, besides "failed", "expected" and "unknown", that its violations may name
  /// (violation::message): the pack must give each of them, and may give no other.
  virtual std::vector<std::string> message_names() const { return {}; }
  /// Non-null for rules judged across a batch (三(一)).
  virtual const class batch_requirement* as_batch() const noexcept { return nullptr; }
};

/// A requirement judged across a batch: applications with the same key conflict.
class batch_requirement : public requirement {
 public:
  /// One of two conflicting applications, as a finding names it: its name ("申报 2025-0005（a.json
  /// 第 2 份）"), what duplicate detection kept of it (engine.cpp keeps neither key nor owner as
  /// text, only hashes; and per application its id, origin, date, decision and, for the title
  /// key, the title).
  struct party {
    localized name;                 ///< id and origin, for people
    std::optional<date> submitted;  ///< the date that orders it (submitted_on)
    std::string title;              ///< its title as written (the title key only)
  };
  /// The key, or nullopt when the application has none (then the rule does not apply).
  virtual std::optional<std::string> key(const application& a) const = 0;
  /// Who made the application, for rules where two applications with the same key conflict
  /// only when their owners differ (compared by a hash of the text); nullopt: any two conflict.
  virtual std::optional<std::string> owner(const application&) const { return std::nullopt; }
  /// True: of the applications of a key, the latest (by submitted_on, then input order) stands
  /// and every earlier one is superseded by it. False: each application whose key an earlier
  /// one (in input order) of another owner has is flagged, naming that first one.
  virtual bool supersedes() const noexcept { return false; }
  /// Above 0: a limit. An application's owner() is one of its key's "items" (a project type);
  /// the first limit() distinct owners of a key (in input order) stand, and each application of
  /// another owner is flagged, naming the first application of each that stands (`other`).
  virtual std::size_t limit() const noexcept { return 0; }
  /// The date an application is ordered by: its submission date, or nullopt (ordered first).
  virtual std::optional<date> submitted_on(const application&) const { return std::nullopt; }
  /// The violation to report on `subject`, which conflicts with `other` (for supersedes(): which
  /// is superseded by `other`); `a` is the one of them at hand, for what both share (the
  /// applicant).
  virtual violation describe(const party& subject, const party& other,
                             const application& a) const = 0;

  bool evaluate(const eval_context&, std::vector<violation>&) const override { return false; }
  const batch_requirement* as_batch() const noexcept override { return this; }
};

/// Builds a requirement from a rule's `params`; throws pack_error naming `path`.
using requirement_factory = std::unique_ptr<requirement> (*)(const json& params,
                                                             const std::string& path,
                                                             const notice_data& n);

/// The factory of a kind, or nullptr for an unknown kind.
requirement_factory find_kind(std::string_view kind) noexcept;
/// Every kind's name, for error messages.
std::string kind_names();

// ---- helpers shared by the kinds ----

/// Which organisations a rule looks at.
struct entity_scope {
  enum class subject { lead, joint_applicants, all } who = subject::lead;
  std::vector<std::string> kinds;  ///< only these kinds (empty: every kind)

  /// From the params `subject` (lead, joint_applicants or all) and `entity_kinds`; `path` is
  /// the params' pointer.
  static entity_scope make(const std::string& who,
                           const std::optional<std::vector<std::string>>& entity_kinds,
                           const std::string& path, const notice_data& n);
  /// Calls f(organisation, true for a joint applicant, JSON pointer of the organisation).
  template <class F>
  void for_each(const application& a, F&& f) const {
    auto wanted = [&](const organisation& e) {
      return kinds.empty() || std::find(kinds.begin(), kinds.end(), e.kind) != kinds.end();
    };
    if (who != subject::joint_applicants && wanted(a.applicant)) {
      const std::string base = "/applicant";
      f(a.applicant, false, base);
    }
    if (who == subject::lead) return;
    for (std::size_t i = 0; i < a.joint_applicants.size(); ++i) {
      const joint_applicant& j = a.joint_applicants[i];
      if (wanted(j)) f(j, true, "/joint_applicants/" + std::to_string(i));
    }
  }
};

/// A stable code-like key for the applicant: its credit code, or "name:" + its name.
std::string applicant_key(const organisation& a);

/// The date that counts for a submission: its delivery method's date (the pack's
/// /delivery_methods); without a method, the one method's date that is given; else nullopt.
std::optional<date> counted_submission_date(const notice_data& n, const submission& s);

/// The localized label of an applicant kind.
localized kind_label(const notice_data& n, std::string_view kind);

/// A count with its unit, as an official writes it: "3 场", "150 人"; in English with the right
/// number: "1 event", "3 events", "2 people". `unit` is a code of the vocabulary's "unit"
/// namespace, whose English is "singular|plural" (or one form for both).
localized quantity(const notice_data& n, std::int64_t count, std::string_view unit);

/// A unit code of a param (at `path`, the param's pointer), checked against the vocabulary.
std::string unit_code(std::string unit, const std::string& path, const notice_data& n);

/// Reads params[key], a unit code of the vocabulary ("event" for "unit.event"); `fallback` when
/// the parameter is absent. Throws pack_error when the vocabulary has no such unit.
std::string unit_param(const json& params, std::string_view key, const std::string& path,
                       const notice_data& n, std::string_view fallback);

/// An organisation as messages name it: its name, or, without one, its place in the application
/// ("联合申报单位第 2 个" / "joint applicant no. 2"); `base` is its JSON pointer.
localized entity_name(const organisation& e, std::string_view base);

/// The same text in both languages (numbers, dates, codes).
inline localized both(std::string s) {
  localized l{s, std::move(s)};
  return l;
}

}  // namespace nxkx::detail
